/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_final_pk.c - the Perjanjian Kinerja signed by both parties:
 * `lakip finalise --dokumen pk [--pihak kedua]` and what `lakip verify`
 * says of such a file.
 *
 * The work is the service layer's (svc_finalise_pk, src/svc/finalise_pk.c);
 * here are the options, the password, and what is printed.  cmd_finalise
 * and cmd_verify (cmd_final.c) hand agreements over to these.
 */
#include "config.h"
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/zona.h"
#include "core/hex.h"
#include "sign/sign.h"
#include "store/workflow.h"
#include "svc/svc.h"

static void
print_warning(void *arg, const char *msg)
{
	const cli_ctx *c = arg;

	if (!c->quiet)
		fprintf(stderr, _("lakip: warning: %s\n"), msg);
}

int
cli_pihak(const cli_ctx *c, const char *arg, int *pihak)
{
	if (arg == NULL || strcmp(arg, "pertama") == 0 || strcmp(arg, "1") == 0)
		*pihak = 1;
	else if (strcmp(arg, "kedua") == 0 || strcmp(arg, "2") == 0)
		*pihak = 2;
	else
		return cli_usage(c, _("--pihak: expected pertama or kedua, got "
				      "'%s'"), arg);
	return 0;
}

int
cli_finalise_pk(cli_ctx *c, const cli_period *p, svc_final_opts *o,
		const char *out, const char *pihak_arg)
{
	lk_err e = { 0, "" };
	svc_final_result res;
	svc_period per;
	char *pw = NULL;
	int rc, pihak;
	bool to_stdout;
	struct stat st;
	store *s;
	svc v;

	memset(&res, 0, sizeof res);
	o->hooks.warn = print_warning;
	o->hooks.arg = c;
	if ((rc = cli_pihak(c, pihak_arg, &pihak)) != 0)
		return rc;
	if (p->tw != 0)
		return cli_usage(c, _("the Perjanjian Kinerja is of the whole year: "
				      "no --triwulan"));
	if ((rc = cli_period_done(c, p, false)) != 0)
		return rc;
	if (o->override_review != NULL)
		return cli_usage(c, _("--override-review: the agreement has no "
				      "review to override"));
	if (o->tsa != NULL && strncmp(o->tsa, "http://", 7) != 0)
		return cli_usage(c, _("--tsa: expected an http:// URL, got '%s'"),
				 o->tsa);
	if (o->p12 == NULL)
		return cli_usage(c, _("--p12 FILE.p12 is required"));
	if (out == NULL)
		return cli_usage(c, _("-o FILE.pdf is required"));
	if (pihak == 2 && o->ttd != NULL)
		return cli_usage(c, _("--signature-image: the agreement printed "
				      "by pihak pertama is what pihak kedua signs; "
				      "it cannot change"));
	to_stdout = cli_out_is_stdout(out);
	o->out = to_stdout ? NULL : out;
	if (stat(o->p12, &st) != 0 || access(o->p12, R_OK) != 0)
		return cli_error(EX_NOINPUT, _("cannot read %s: %s"), o->p12,
				 strerror(errno));
	if (!S_ISREG(st.st_mode))
		return cli_error(EX_NOINPUT, _("%s is not a regular file"), o->p12);
	if ((rc = cli_open_store(c, 0, &s)) != 0)
		return rc;
	if ((rc = svc_init(&v, s, &e)) != 0) {
		store_close(s);
		return cli_report(&e);
	}
	if ((rc = svc_open(&v, p->instansi, p->tahun, 0, AKSI_FINAL, &per,
			   &e)) != 0) {
		cli_report(&e);
		goto close;
	}
	/* The role, the agreement, the order and the lock, before a
	 * password is asked. */
	if ((rc = svc_pk_signable(&v, &per, pihak, &e)) != 0) {
		cli_report(&e);
		goto done;
	}
	if ((rc = cli_p12_password(&pw)) != 0)
		goto done;
	o->password = pw;
	rc = svc_finalise_pk(&v, &per, pihak, o, &res, &e);
	if (rc == 0 && to_stdout && (fwrite(res.pdf, 1, res.len, stdout) != res.len
				     || fflush(stdout) != 0))
		rc = lk_fail(&e, EX_IOERR, _("signed and stored as version %d, but "
			     "cannot write %s: %s"), res.version,
			     _("standard output"), strerror(errno));
	if (rc != 0)
		cli_report(&e);
	else if (pihak == 1)
		fprintf(to_stdout ? stderr : stdout,
			_("Signed the Perjanjian Kinerja %d of %s as pihak pertama:"
			  " version %d signed by %s and stored; wrote %s (%u pages,"
			  " %zu bytes); pihak kedua countersigns it with lakip"
			  " finalise --dokumen pk --pihak kedua\n"), p->tahun,
			per.kode, res.version, res.cert.subject,
			to_stdout ? _("standard output") : out, res.pages, res.len);
	else
		fprintf(to_stdout ? stderr : stdout,
			_("Countersigned the Perjanjian Kinerja %d of %s as pihak"
			  " kedua: version %d signed by %s, stored and locked;"
			  " wrote %s (%zu bytes)\n"), p->tahun, per.kode,
			res.version, res.cert.subject,
			to_stdout ? _("standard output") : out, res.len);
	memset(pw, 0, strlen(pw));
	free(pw);
done:
	svc_period_free(&per);
close:
	svc_done(&v);
	store_close(s);
	svc_final_result_free(&res);
	return rc;
}

int
cli_signed_pk(cli_ctx *c, const cli_period *p, int versi, const char *pihak_arg,
	      const char *out)
{
	lk_err e = { 0, "" };
	store_pk_state st;
	unsigned char *pdf = NULL;
	char *kode = NULL;
	size_t len = 0;
	int rc, pihak = 0;
	store *s;

	if (pihak_arg != NULL && (rc = cli_pihak(c, pihak_arg, &pihak)) != 0)
		return rc;
	if (p->tw != 0)
		return cli_usage(c, _("the Perjanjian Kinerja is of the whole year: "
				      "no --triwulan"));
	if ((rc = cli_period_done(c, p, false)) != 0)
		return rc;
	if (out == NULL)
		return cli_usage(c, _("-o FILE.pdf is required"));
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	memset(&st, 0, sizeof st);
	rc = store_pilih_instansi(s, p->instansi, &kode, &e);
	if (rc == 0)
		rc = store_pk_state_load(s, kode, p->tahun, &st, &e);
	if (rc == 0 && st.version == 0)
		rc = lk_fail(&e, EX_NOINPUT, _("the Perjanjian Kinerja %d has no "
			     "signed version"), p->tahun);
	if (rc == 0) {
		if (versi == 0)
			versi = st.version;
		if (pihak == 0)   /* the latest with every signature made */
			pihak = versi == st.version && st.kedua ? 2 : 1;
		rc = store_pk_pdf(s, kode, p->tahun, versi, pihak, &pdf, &len, &e);
	}
	store_pk_state_free(&st);
	store_close(s);
	free(kode);
	if (rc == 0)
		rc = cli_write_out(out, pdf, len, &e);
	free(pdf);
	return rc != 0 && e.msg[0] ? cli_report(&e) : rc;
}

int
cli_unlock_pk(cli_ctx *c, const cli_period *p, const char *reason)
{
	lk_err e = { 0, "" };
	char *kode = NULL;
	store *s;
	int rc;

	if (p->tw != 0)
		return cli_usage(c, _("the Perjanjian Kinerja is of the whole year: "
				      "no --triwulan"));
	if ((rc = cli_period_done(c, p, false)) != 0)
		return rc;
	if (reason == NULL || reason[strspn(reason, " \t\n")] == '\0')
		return cli_usage(c, _("--reason TEXT is required: say why the "
				      "agreement is unlocked"));
	if ((rc = cli_open_store(c, 0, &s)) != 0)
		return rc;
	rc = store_pilih_instansi(s, p->instansi, &kode, &e);
	if (rc == 0)
		rc = store_pk_unlock(s, kode, p->tahun, reason, &e);
	store_close(s);
	if (rc == 0)
		printf(_("Unlocked the Perjanjian Kinerja %d of %s; pihak pertama "
			 "signs the next version, then pihak kedua\n"), p->tahun, kode);
	free(kode);
	return rc != 0 ? cli_report(&e) : 0;
}

/* ------------------------------------------------------------------ */
/* verify */


static const char *
pihak_label(int pihak)
{
	return pihak == 1 ? _("pihak pertama (the head of the agency)")
	    : _("pihak kedua (his superior)");
}

int
cli_verify_pk(cli_ctx *c, const char *file, const char *ca, bool *handled)
{
	lk_err e = { 0, "" };
	sign_verify_each *v = NULL;
	store_pk_sig *rows = NULL;
	store_pk_state state;
	char uhash[65], fhash[65], chash[65], when[64], *kode = NULL, *zona = NULL;
	rencana *r = NULL;
	size_t n = 0, i;
	int rc, tahun = 0;
	bool ok = true, data_ok = false;
	store *s;

	*handled = false;
	memset(&state, 0, sizeof state);
	if (sign_verify_all(file, ca, &v, &n, &e) != 0 || n == 0) {
		free(v);
		return 0;        /* the quarterly path says why */
	}
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0) {
		free(v);
		*handled = true;
		return rc;
	}
	lk_hex(v[n - 1].r.unsigned_sha256, 32, uhash);
	{
		store_pk_sig g;
		bool named = false;

		/* An agreement altered after signing is found by none of its
		 * hashes; its signatures still say what it is. */
		for (i = 0; i < n; i++)
			named = named || strncmp(v[i].r.reason, "Perjanjian Kinerja ",
						 19) == 0;
		if (store_pk_find(s, uhash, &kode, &tahun, &g, &e) != 0 && !named) {
			store_close(s);
			free(v);
			return 0;        /* not an agreement of this database */
		}
		store_pk_sig_free(&g);
	}
	*handled = true;
	if (kode == NULL) {
		for (i = 0; i < n; i++)
			printf(_("Signature %zu: %s (%s)\n  Signed as: %s, %s\n"),
			       i + 1, v[i].r.digest_ok && v[i].r.signature_ok
			       ? _("valid") : _("NOT VALID"), v[i].r.cert.subject,
			       v[i].r.name[0] ? v[i].r.name : "-",
			       v[i].r.reason[0] ? v[i].r.reason : "-");
		printf(_("Stored version: NONE matches this file\n"));
		store_close(s);
		free(v);
		return cli_error(EX_DATAERR, _("%s: not an agreement signed from "
					       "this database (or altered)"), file);
	}
	if ((rows = calloc(n, sizeof *rows)) == NULL)
		lk_fatal("out of memory");
	rc = sign_sha256_file(file, fhash, &e);
	/* Times in the agency's zone, as every screen shows them. */
	if (store_zona_waktu(s, kode, &zona, &e) != 0)
		zona = NULL;
	printf(_("Perjanjian Kinerja %d of %s: %zu signature(s)\n"), tahun, kode, n);
	for (i = 0; rc == 0 && i < n; i++) {
		const sign_verify_result *vr = &v[i].r;
		char *k2 = NULL;
		int t2 = 0;
		bool sig_ok = vr->digest_ok && vr->signature_ok, reg = false,
		    found;

		lk_hex(vr->unsigned_sha256, 32, uhash);
		found = store_pk_find(s, uhash, &k2, &t2, &rows[i], &e) == 0 &&
		    strcmp(k2, kode) == 0 && t2 == tahun;
		free(k2);
		printf(_("Signature %zu: %s (%s)\n"), i + 1, sig_ok ? _("valid")
		       : _("NOT VALID"), vr->cert.subject);
		printf(_("  Signed as: %s, %s\n"), vr->name[0] ? vr->name : "-",
		       vr->reason[0] ? vr->reason : "-");
		printf(_("  Certificate: %s, fingerprint %s\n"), vr->cert.issuer[0]
		       ? vr->cert.issuer : "-", vr->cert.sha256);
		cli_print_time(_("  Signing time (as the signer's machine stated it): "),
			       vr->signing_time != 0 ? vr->signing_time
			       : vr->claimed_time, zona);
		if (vr->timestamped)
			printf(_("  Timestamp: %s\n"), vr->timestamp_ok ? _("valid")
			       : _("NOT over this signature"));
		if (vr->chain_checked)
			printf(_("  Chain to %s: %s\n"), ca, vr->chain_ok ? _("valid")
			       : vr->chain_error);
		if (v[i].later_updates == 0)
			printf(_("  Signed revision: %s\n"), vr->covers_whole_file
			       ? _("the whole file") : _("CHANGED: the file was "
			       "updated after it was signed"));
		else
			printf(_("  Signed revision: %u later update(s) follow it\n"),
			       v[i].later_updates);
		if (!found) {
			printf(_("  Stored signature: NONE matches\n"));
			ok = false;
		} else {
			rc = store_signer_registered_pihak(s, kode, vr->cert.sha256,
							   rows[i].pihak, &reg, &e);
			zona_lokal(rows[i].signed_at, zona, true, when, sizeof when);
			printf(_("  Signer: %s, version %d, signed by %s at %s\n"),
			       pihak_label(rows[i].pihak), rows[i].version,
			       rows[i].signer, when);
			printf(_("  Certificate: %s\n"), reg
			       ? _("registered for that party")
			       : _("NOT registered for that party"));
			/* The signatures in their order: pertama, then kedua,
			 * of one version, each with the key it was stored with. */
			if (rows[i].pihak != (int)i + 1 || rows[i].version != rows[0].version
			    || strcmp(rows[i].cert_sha256, vr->cert.sha256) != 0) {
				printf(_("  Order: NOT the agreement's (pihak pertama, "
					 "then pihak kedua, of one version)\n"));
				ok = false;
			}
		}
		ok = ok && sig_ok && reg && (!vr->chain_checked || vr->chain_ok) &&
		    (!vr->timestamped || vr->timestamp_ok) &&
		    (v[i].later_updates > 0 || vr->covers_whole_file);
	}
	if (rc == 0 && n > 2)
		ok = false;
	if (rc == 0)
		rc = store_pk_state_load(s, kode, tahun, &state, &e);
	if (rc == 0)
		rc = store_load(s, kode, tahun, &r, &e);
	store_close(s);
	if (rc == 0 && (rc = svc_pk_content_hash(r, chash)) == 0) {
		const store_pk_sig *last = &rows[n - 1];

		data_ok = last->content_sha256 != NULL &&
		    strcmp(chash, last->content_sha256) == 0;
		printf(_("File: %s\n"), last->pdf_sha256 != NULL &&
		       strcmp(fhash, last->pdf_sha256) == 0
		       ? _("identical to the stored signed version")
		       : _("DIFFERS from the stored signed version"));
		ok = ok && last->pdf_sha256 != NULL &&
		    strcmp(fhash, last->pdf_sha256) == 0;
		printf(_("Data: %s\n"), data_ok
		       ? _("the database still holds the data that were signed")
		       : _("CHANGED in the database since signing"));
		if (n == 1)
			printf(_("State: signed by pihak pertama; pihak kedua has "
				 "not countersigned this file\n"));
		else
			printf(_("State: signed by both parties%s\n"), state.locked
			       ? _("; the agreement is locked") : state.unlocked &&
			       state.version == last->version
			       ? _("; unlocked since, the next version replaces it")
			       : "");
		if (state.version > last->version)
			printf(_("Superseded: version %d is the latest\n"),
			       state.version);
	}
	if (r != NULL)
		rencana_free(r);
	for (i = 0; i < n; i++)
		store_pk_sig_free(&rows[i]);
	free(rows);
	free(v);
	free(zona);
	store_pk_state_free(&state);
	if (rc != 0) {
		free(kode);
		return cli_report(&e);
	}
	if (!ok || !data_ok) {
		rc = cli_error(EX_DATAERR, _("%s: verification FAILED"), file);
		free(kode);
		return rc;
	}
	free(kode);
	printf(_("Verified.\n"));
	return 0;
}
