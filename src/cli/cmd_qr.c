/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_qr.c - lakip verify --qr IMAGE.png: the QR code of a printed (or
 * photographed) signed report read back and checked against the
 * database.
 *
 * Each lakip code in the picture (core/verifikasi.h) names an agency,
 * a quarter, a version and the content hash of the signed data.  It is
 * verified when the database holds that signed version with that hash,
 * the code is exactly the one lakip prints for it today (so a code that
 * sends a phone to another address fails), and the database still holds
 * the data that were signed.  The printed paper itself is not checked:
 * its PDF is (lakip verify FILE.pdf).
 */
#include "config.h"
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/kinerja.h"
#include "core/verifikasi.h"
#include "core/zona.h"
#include "io/qrimage.h"
#include "store/workflow.h"
#include "svc/svc.h"

typedef struct qr_list {
	char **text;
	size_t *len;
	size_t n;
} qr_list;

static void
collect(void *arg, const char *data, size_t len)
{
	qr_list *l = arg;

	l->text = realloc(l->text, (l->n + 1) * sizeof *l->text);
	l->len = realloc(l->len, (l->n + 1) * sizeof *l->len);
	if (l->text == NULL || l->len == NULL || (l->text[l->n] = malloc(len + 1)) == NULL)
		lk_fatal("out of memory");
	memcpy(l->text[l->n], data, len);
	l->text[l->n][len] = '\0';
	l->len[l->n++] = len;
}

/* One lakip code: 0 when verified, EX_DATAERR when not, else the error. */
static int
check_one(store *s, const char *image, const char *text, size_t len,
	  const verif_isi *q)
{
	lk_err e = { 0, "" };
	store_signed sg;
	rencana *r = NULL;
	char chash[65], when[64];
	const char *expect;
	bool hash_ok, code_ok = false, data_ok = false;
	int rc, latest;

	printf(_("QR code: %s, Triwulan %s %d, version %d\n"), q->instansi,
	       tw_romawi(q->tw), q->tahun, q->versi);
	if ((rc = store_signed_get(s, q->instansi, q->tahun, q->tw, q->versi,
				   &sg, &e)) != 0) {
		if (rc != EX_NOINPUT)
			return cli_report(&e);
		printf(_("Stored version: NONE\n"));
		return cli_error(EX_DATAERR, _("%s: the database holds no such "
					       "signed report"), image);
	}
	hash_ok = strcmp(sg.content_sha256, q->sha256) == 0;
	latest = sg.latest;
	rc = store_load(s, sg.instansi, sg.tahun, &r, &e);
	if (rc == 0 && (rc = svc_content_hash(r, sg.tw, chash, &e)) == 0) {
		data_ok = strcmp(chash, sg.content_sha256) == 0;
		expect = verif_payload(&r->mem, r->instansi.verifikasi,
				       sg.instansi, sg.tahun, sg.tw, sg.version,
				       sg.content_sha256);
		code_ok = strlen(expect) == len && memcmp(expect, text, len) == 0;
	}
	printf(_("Report: version %d of %d%s\n"), sg.version, sg.latest,
	       sg.version < sg.latest ? _(" (superseded)") : "");
	if (q->menggantikan > 0)
		printf(_("Replaces: version %d\n"), q->menggantikan);
	zona_lokal(sg.signed_at, r != NULL ? r->instansi.zona_waktu : NULL, true,
		   when, sizeof when);
	printf(_("Signed by %s (%s) at %s\n"), sg.signer, sg.cert_subject, when);
	printf(_("Content hash: %s\n"), hash_ok
	       ? _("the one of the stored signed version")
	       : _("DIFFERS from the stored signed version"));
	if (rc == 0) {
		printf(_("Code: %s\n"), code_ok
		       ? _("the one lakip prints for this version")
		       : _("NOT the one lakip prints for this version (another "
			   "verification address, or altered)"));
		printf(_("Data: %s\n"), data_ok
		       ? _("the database still holds the data that were signed")
		       : _("CHANGED in the database since signing"));
	}
	if (r != NULL)
		rencana_free(r);
	store_signed_free(&sg);
	if (rc != 0)
		return cli_report(&e);
	if (!hash_ok || !code_ok || !data_ok)
		return cli_error(EX_DATAERR, _("%s: verification FAILED"), image);
	if (latest > q->versi)
		printf(_("Verified, but superseded: version %d is the one in force.\n"),
		       latest);
	else
		printf(_("Verified.\n"));
	return 0;
}

int
cli_verify_qr(cli_ctx *c, const char *image)
{
	lk_err e = { 0, "" };
	qr_list l = { NULL, NULL, 0 };
	const char *why = NULL;
	size_t n, ours = 0;
	store *s = NULL;
	int rc, worst = 0;

	if ((rc = qrimage_scan(image, collect, &l, &n, &e)) != 0)
		return cli_report(&e);
	if (n == 0)
		return cli_error(EX_DATAERR, _("%s: no QR code found in the image"),
				 image);
	for (size_t i = 0; i < l.n && worst != EX_SOFTWARE; i++) {
		verif_isi q;

		if (verif_parse(l.text[i], l.len[i], &q, &why) != 0)
			continue;
		if (s == NULL && (rc = cli_open_store(c, STORE_READONLY, &s)) != 0) {
			worst = rc;
			break;
		}
		if (ours++ > 0)
			printf("\n");
		rc = check_one(s, image, l.text[i], l.len[i], &q);
		if (rc != 0 && (worst == 0 || worst == EX_DATAERR))
			worst = rc;
	}
	if (s != NULL)
		store_close(s);
	for (size_t i = 0; i < l.n; i++)
		free(l.text[i]);
	free(l.text);
	free(l.len);
	if (worst != 0)
		return worst;
	if (ours == 0 && n == 1)
		return cli_error(EX_DATAERR, _("%s: the QR code is not a lakip "
					       "verification code (%s)"), image, _(why));
	if (ours == 0)
		return cli_error(EX_DATAERR, _("%s: %zu QR codes, none of them "
					       "a lakip verification code (%s)"),
				 image, n, _(why));
	return 0;
}
