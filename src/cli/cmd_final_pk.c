/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_final_pk.c - the Perjanjian Kinerja signed by both parties and the
 * year's LKjIP signed by the head: `lakip finalise --dokumen pk [--pihak
 * kedua]` and `--dokumen lkjip`, `signed get` and `unlock` of them, and
 * what `lakip verify` says of such a file.
 *
 * The work is the service layer's (svc_finalise_pk, svc_finalise_lkjip,
 * src/svc/finalise_pk.c);
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

/* "the Perjanjian Kinerja is of the whole year", or the LKjIP's. */
static int
whole_year(const cli_ctx *c, bool lkjip)
{
	if (lkjip)
		return cli_usage(c, _("the LKjIP is of the whole year: no "
				      "--triwulan"));
	return cli_usage(c, _("the Perjanjian Kinerja is of the whole year: "
			      "no --triwulan"));
}

int
cli_finalise_dok(cli_ctx *c, bool lkjip, const cli_period *p,
		 svc_final_opts *o, const char *out, const char *pihak_arg,
		 const char *token)
{
	lk_err e = { 0, "" };
	svc_final_result res;
	svc_period per;
	char *pw = NULL;
	int rc, pihak;
	bool to_stdout;
	store *s;
	svc v;

	memset(&res, 0, sizeof res);
	o->hooks.warn = print_warning;
	o->hooks.arg = c;
	if (lkjip && pihak_arg != NULL)
		return cli_usage(c, _("--pihak: only with --dokumen pk"));
	if ((rc = cli_pihak(c, pihak_arg, &pihak)) != 0)
		return rc;
	if (p->tw != 0)
		return whole_year(c, lkjip);
	if ((rc = cli_period_done(c, p, false)) != 0)
		return rc;
	if (o->override_review != NULL && lkjip)
		return cli_usage(c, _("--override-review: the LKjIP has no "
				      "review to override"));
	if (o->override_review != NULL)
		return cli_usage(c, _("--override-review: the agreement has no "
				      "review to override"));
	if (o->p12 == NULL && token == NULL)
		return cli_usage(c, _("--p12 FILE.p12 or --pkcs11 URI is required"));
	if (out == NULL)
		return cli_usage(c, _("-o FILE.pdf is required"));
	if (pihak == 2 && o->ttd != NULL)
		return cli_usage(c, _("--signature-image: the agreement printed "
				      "by pihak pertama is what pihak kedua signs; "
				      "it cannot change"));
	to_stdout = cli_out_is_stdout(out);
	o->out = to_stdout ? NULL : out;
	if ((rc = cli_key_source(c, o, token)) != 0)
		return rc;
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
	if ((rc = lkjip ? svc_lkjip_signable(&v, &per, &e) :
	     svc_pk_signable(&v, &per, pihak, &e)) != 0) {
		cli_report(&e);
		goto done;
	}
	if ((rc = cli_key_secret(o->p12, &pw)) != 0)
		goto done;
	o->password = pw;
	rc = lkjip ? svc_finalise_lkjip(&v, &per, o, &res, &e) :
	    svc_finalise_pk(&v, &per, pihak, o, &res, &e);
	if (rc == 0 && to_stdout && (fwrite(res.pdf, 1, res.len, stdout) != res.len
				     || fflush(stdout) != 0))
		rc = lk_fail(&e, EX_IOERR, _("signed and stored as version %d, but "
			     "cannot write %s: %s"), res.version,
			     _("standard output"), strerror(errno));
	if (rc != 0)
		cli_report(&e);
	else if (lkjip)
		fprintf(to_stdout ? stderr : stdout,
			_("Signed the LKjIP %d of %s: version %d signed by %s and "
			  "stored; the year's annual data are locked; wrote %s "
			  "(%u pages, %zu bytes)\n"), p->tahun, per.kode,
			res.version, res.cert.subject,
			to_stdout ? _("standard output") : out, res.pages, res.len);
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
cli_signed_dok(cli_ctx *c, bool lkjip, const cli_period *p, int versi,
	       const char *pihak_arg, const char *out)
{
	enum store_dok d = lkjip ? STORE_DOK_LKJIP : STORE_DOK_PK;
	lk_err e = { 0, "" };
	store_pk_state st;
	unsigned char *pdf = NULL;
	char *kode = NULL;
	size_t len = 0;
	int rc, pihak = 0;
	store *s;

	if (lkjip && pihak_arg != NULL)
		return cli_usage(c, _("--pihak: only with --dokumen pk"));
	if (pihak_arg != NULL && (rc = cli_pihak(c, pihak_arg, &pihak)) != 0)
		return rc;
	if (p->tw != 0)
		return whole_year(c, lkjip);
	if ((rc = cli_period_done(c, p, false)) != 0)
		return rc;
	if (out == NULL)
		return cli_usage(c, _("-o FILE.pdf is required"));
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	memset(&st, 0, sizeof st);
	rc = store_pilih_instansi(s, p->instansi, &kode, &e);
	if (rc == 0)
		rc = store_dok_state_load(s, d, kode, p->tahun, &st, &e);
	if (rc == 0 && st.version == 0 && lkjip)
		rc = lk_fail(&e, EX_NOINPUT, _("the LKjIP %d has no signed "
			     "version"), p->tahun);
	else if (rc == 0 && st.version == 0)
		rc = lk_fail(&e, EX_NOINPUT, _("the Perjanjian Kinerja %d has no "
			     "signed version"), p->tahun);
	if (rc == 0) {
		if (versi == 0)
			versi = st.version;
		if (pihak == 0)   /* the latest with every signature made */
			pihak = versi == st.version && st.kedua ? 2 : 1;
		rc = store_dok_pdf(s, d, kode, p->tahun, versi, pihak, &pdf, &len,
				   &e);
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
cli_unlock_dok(cli_ctx *c, bool lkjip, const cli_period *p,
	       const char *reason)
{
	lk_err e = { 0, "" };
	char *kode = NULL;
	store *s;
	int rc;

	if (p->tw != 0)
		return whole_year(c, lkjip);
	if ((rc = cli_period_done(c, p, false)) != 0)
		return rc;
	if (lkjip && (reason == NULL || reason[strspn(reason, " \t\n")] == '\0'))
		return cli_usage(c, _("--reason TEXT is required: say why the "
				      "LKjIP is unlocked"));
	if (reason == NULL || reason[strspn(reason, " \t\n")] == '\0')
		return cli_usage(c, _("--reason TEXT is required: say why the "
				      "agreement is unlocked"));
	if ((rc = cli_open_store(c, 0, &s)) != 0)
		return rc;
	rc = store_pilih_instansi(s, p->instansi, &kode, &e);
	if (rc == 0)
		rc = store_dok_unlock(s, lkjip ? STORE_DOK_LKJIP : STORE_DOK_PK,
				      kode, p->tahun, reason, &e);
	store_close(s);
	if (rc == 0 && lkjip)
		printf(_("Unlocked the LKjIP %d of %s: its annual data may change; "
			 "the head signs the next version\n"), p->tahun, kode);
	else if (rc == 0)
		printf(_("Unlocked the Perjanjian Kinerja %d of %s; pihak pertama "
			 "signs the next version, then pihak kedua\n"), p->tahun, kode);
	free(kode);
	return rc != 0 ? cli_report(&e) : 0;
}

/* ------------------------------------------------------------------ */
/* verify */


static const char *
pihak_label(bool lkjip, int pihak)
{
	return lkjip ? _("the head of the agency")
	    : pihak == 1 ? _("pihak pertama (the head of the agency)")
	    : _("pihak kedua (his superior)");
}

/* What a signature's reason names each document by (finalise_pk.c). */
static const char *const reason_of[] = {
	[STORE_DOK_PK] = "Perjanjian Kinerja ",
	[STORE_DOK_LKJIP] = "Laporan Kinerja Instansi Pemerintah ",
};

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
	bool ok = true, data_ok = false, lkjip = false;
	enum store_dok d = STORE_DOK_PK;
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
		bool named = false, found = false;

		/* A document altered after signing is found by none of its
		 * hashes; its signatures still say what it is. */
		for (int k = STORE_DOK_PK; k <= STORE_DOK_LKJIP && !found && !named;
		     k++) {
			d = (enum store_dok)k;
			for (i = 0; i < n; i++)
				named = named || strncmp(v[i].r.reason, reason_of[d],
							 strlen(reason_of[d])) == 0;
			found = store_dok_find(s, d, uhash, &kode, &tahun, &g,
					       &e) == 0;
			store_pk_sig_free(&g);
		}
		if (!found && !named) {
			store_close(s);
			free(v);
			return 0;        /* neither of this database */
		}
		lkjip = d == STORE_DOK_LKJIP;
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
		if (lkjip)
			return cli_error(EX_DATAERR, _("%s: not an LKjIP signed "
						       "from this database (or "
						       "altered)"), file);
		return cli_error(EX_DATAERR, _("%s: not an agreement signed from "
					       "this database (or altered)"), file);
	}
	if ((rows = calloc(n, sizeof *rows)) == NULL)
		lk_fatal("out of memory");
	rc = sign_sha256_file(file, fhash, &e);
	/* Times in the agency's zone, as every screen shows them. */
	if (store_zona_waktu(s, kode, &zona, &e) != 0)
		zona = NULL;
	if (lkjip)
		printf(_("LKjIP %d of %s: %zu signature(s)\n"), tahun, kode, n);
	else
		printf(_("Perjanjian Kinerja %d of %s: %zu signature(s)\n"), tahun,
		       kode, n);
	for (i = 0; rc == 0 && i < n; i++) {
		const sign_verify_result *vr = &v[i].r;
		char *k2 = NULL;
		int t2 = 0;
		bool sig_ok = vr->digest_ok && vr->signature_ok, reg = false,
		    found, lt_ok;

		lk_hex(vr->unsigned_sha256, 32, uhash);
		found = store_dok_find(s, d, uhash, &k2, &t2, &rows[i], &e) == 0 &&
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
		if (v[i].later_updates == 0 && vr->lt_updates_only)
			printf(_("  Signed revision: the whole file, and %u update(s) "
				 "after it that only add validation data\n"),
			       vr->lt_updates);
		else if (v[i].later_updates == 0)
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
			       pihak_label(lkjip, rows[i].pihak), rows[i].version,
			       rows[i].signer, when);
			printf(_("  Certificate: %s\n"), reg
			       ? _("registered for that party")
			       : _("NOT registered for that party"));
			/* The signatures in their order: pertama, then kedua,
			 * of one version, each with the key it was stored with. */
			if (lkjip && (i > 0 || strcmp(rows[i].cert_sha256,
						       vr->cert.sha256) != 0)) {
				printf(_("  Order: NOT the LKjIP's (one signature, "
					 "the head's)\n"));
				ok = false;
			} else if (rows[i].pihak != (int)i + 1 ||
			    rows[i].version != rows[0].version ||
			    strcmp(rows[i].cert_sha256, vr->cert.sha256) != 0) {
				printf(_("  Order: NOT the agreement's (pihak pertama, "
					 "then pihak kedua, of one version)\n"));
				ok = false;
			}
		}
		lt_ok = cli_print_lt(vr, "  ", zona);
		ok = ok && sig_ok && reg && (!vr->chain_checked || vr->chain_ok) &&
		    (!vr->timestamped || vr->timestamp_ok) && lt_ok &&
		    (v[i].later_updates > 0 || vr->covers_whole_file ||
		     vr->lt_updates_only);
	}
	if (rc == 0 && n > (lkjip ? 1u : 2u))
		ok = false;
	if (rc == 0)
		rc = store_dok_state_load(s, d, kode, tahun, &state, &e);
	if (rc == 0)
		rc = store_load(s, kode, tahun, &r, &e);
	if (rc == 0 && lkjip) {
		/* What the LKjIP prints includes the earlier years it
		 * compares with: the service reads them. */
		svc sv;
		svc_period sp;

		memset(&sp, 0, sizeof sp);
		sp.kode = kode;
		sp.tahun = tahun;
		sp.r = r;
		if ((rc = svc_init(&sv, s, &e)) == 0) {
			rc = svc_lkjip_content_hash(&sv, &sp, chash, &e);
			svc_done(&sv);
		}
	} else if (rc == 0) {
		rc = svc_pk_content_hash(r, chash);
	}
	store_close(s);
	if (rc == 0) {
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
		if (lkjip)
			printf(_("State: signed by the head%s\n"), state.locked &&
			       state.version == last->version
			       ? _("; the year's annual data are locked")
			       : state.unlocked && state.version == last->version
			       ? _("; unlocked since, the next version replaces it")
			       : "");
		else if (n == 1)
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
