/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_signer.c - `lakip signer`: the certificates that may sign an
 * agency's reports.
 *
 *   signer set [--instansi K] CERT.pem     register (admin)
 *   signer list [--instansi K]             everyone
 *   signer remove [--instansi K] SHA256    no longer signs (admin)
 *
 * The certificate is read by src/sign (PEM or DER, exactly one); the
 * store keeps its PEM text, fingerprint, subject, serialNumber and
 * validity.  finalise signs only with a registered, valid certificate;
 * verify names the registered certificate that signed.
 */
#include "config.h"
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/zona.h"
#include "sign/sign.h"
#include "store/workflow.h"


static int
signer_list(cli_ctx *c, const char *instansi)
{
	lk_err e = { 0, "" };
	store_signer *v;
	store *s;
	size_t n, i;
	char a[32], b[32], w1[64], w2[64], *zona = NULL;
	int rc;

	c->aksi = AKSI_LIHAT;
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	if ((rc = store_signer_list(s, instansi, NULL, &v, &n, &e)) != 0) {
		store_close(s);
		return cli_report(&e);
	}
	for (i = 0; i < n; i++) {
		/* Days and times in the agency's zone. */
		if (store_zona_waktu(s, v[i].instansi, &zona, &e) != 0)
			zona = NULL;
		zona_lokal(v[i].added_at, zona, true, w1, sizeof w1);
		zona_lokal(v[i].removed_at, zona, true, w2, sizeof w2);
		printf(_("%s  %s  %s .. %s  %s%s\n"), v[i].instansi, v[i].sha256,
		       cli_day(v[i].not_before, zona, a),
		       cli_day(v[i].not_after, zona, b),
		       v[i].pihak == 2 ? _("pihak kedua ") : "",
		       v[i].removed_at != NULL ? _("(removed)") : "");
		printf(_("    %s; added by %s at %s"), v[i].subject, v[i].added_by,
		       w1);
		if (v[i].removed_at != NULL)
			printf(_("; removed by %s at %s"), v[i].removed_by, w2);
		putchar('\n');
		free(zona);
	}
	store_signer_list_free(v, n);
	store_close(s);
	return 0;
}

int
cmd_signer(cli_ctx *c)
{
	lk_err e = { 0, "" };
	const char *inst = NULL, *sub, *arg;
	sign_cert_info ci;
	store_signer g;
	char *pem = NULL, *kode = NULL;
	store *s;
	int ch, rc, npos, pihak = 1;
	bool pihak_set = false;

	while ((ch = cli_getopt(c)) != -1) {
		if (ch == 'i')
			inst = optarg;
		else if (ch == 'K') {
			if ((rc = cli_pihak(c, optarg, &pihak)) != 0)
				return rc;
			pihak_set = true;
		} else
			return EX_USAGE;
	}
	npos = c->argc - optind;
	if (npos < 1)
		return cli_usage(c, _("expected set, list or remove"));
	sub = c->argv[optind];
	if (strcmp(sub, "list") == 0) {
		if (npos != 1)
			return cli_usage(c, _("signer list takes no arguments"));
		return signer_list(c, inst);
	}
	if (strcmp(sub, "set") != 0 && strcmp(sub, "remove") != 0)
		return cli_usage(c, _("unknown signer command '%s' (set, list, remove)"),
				 sub);
	if (npos != 2)
		return cli_usage(c, strcmp(sub, "set") == 0
				 ? _("usage: signer set [--instansi K] [--pihak pertama|kedua] CERT.pem")
				 : _("usage: signer remove [--instansi K] SHA256"));
	if (pihak_set && strcmp(sub, "set") != 0)
		return cli_usage(c, _("--pihak: only with signer set"));
	arg = c->argv[optind + 1];
	memset(&ci, 0, sizeof ci);
	if (strcmp(sub, "set") == 0 &&
	    sign_cert_file(arg, (int64_t)time(NULL), &ci, &pem, &e) != 0)
		return cli_report(&e);
	if (strcmp(sub, "remove") == 0 && (strlen(arg) != 64 ||
	    strspn(arg, "0123456789abcdef") != 64)) {
		return cli_usage(c, _("'%s' is not a certificate fingerprint (64 "
				      "lowercase hex digits, as signer list shows)"), arg);
	}
	c->aksi = AKSI_PENANDA;
	if ((rc = cli_open_store(c, 0, &s)) != 0) {
		free(pem);
		return rc;
	}
	rc = store_pilih_instansi(s, inst, &kode, &e);
	if (rc == 0 && strcmp(sub, "set") == 0) {
		memset(&g, 0, sizeof g);
		g.instansi = kode;
		g.sha256 = ci.sha256;
		g.subject = ci.subject;
		g.serial_number = ci.serial_number;
		g.not_before = ci.not_before;
		g.not_after = ci.not_after;
		g.pem = pem;
		g.pihak = pihak;
		rc = store_signer_add(s, &g, &e);
	} else if (rc == 0) {
		rc = store_signer_remove(s, kode, arg, &e);
	}
	store_close(s);
	free(pem);
	if (rc != 0) {
		free(kode);
		return cli_report(&e);
	}
	if (strcmp(sub, "set") == 0) {
		if (pihak == 2)
			printf(_("Registered for %s, pihak kedua of its Perjanjian "
				 "Kinerja: %s\n  fingerprint %s\n"), kode,
			       ci.subject, ci.sha256);
		else
			printf(_("Registered for %s: %s\n  fingerprint %s\n"), kode,
			       ci.subject, ci.sha256);
		if (ci.expired || ci.not_yet_valid)
			fprintf(stderr, _("lakip: warning: the certificate is not "
					  "valid today: finalise will refuse it\n"));
	} else {
		printf(_("Removed for %s: %s\n"), kode, arg);
	}
	free(kode);
	return 0;
}
