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

/* What the database holds of the signed version a code names. */
typedef struct qr_stored {
	char *content_sha256, *signer, *cert_subject, *signed_at;
	int version, latest;
} qr_stored;

static void
stored_free(qr_stored *g)
{
	free(g->content_sha256);
	free(g->signer);
	free(g->cert_subject);
	free(g->signed_at);
}

/* The stored version q names: 0, EX_NOINPUT when there is none. */
static int
stored_get(store *s, const verif_isi *q, qr_stored *g, lk_err *e)
{
	int rc;

	memset(g, 0, sizeof *g);
	if (q->dokumen == VD_PK || q->dokumen == VD_LKJIP) {
		enum store_dok d = q->dokumen == VD_PK ? STORE_DOK_PK :
		    STORE_DOK_LKJIP;
		store_pk_sig sig;
		store_pk_state st;

		/* pihak pertama's (the head's) signature makes the version
		 * (and its QR). */
		if ((rc = store_dok_get(s, d, q->instansi, q->tahun, q->versi, 1,
					&sig, e)) != 0)
			return rc;
		g->content_sha256 = sig.content_sha256;
		g->signer = sig.signer;
		g->cert_subject = sig.cert_subject;
		g->signed_at = sig.signed_at;
		free(sig.pdf_sha256);
		free(sig.unsigned_sha256);
		free(sig.cert_sha256);
		g->version = sig.version;
		if ((rc = store_dok_state_load(s, d, q->instansi, q->tahun, &st,
					       e)) != 0)
			return rc;
		g->latest = st.version;
		store_pk_state_free(&st);
		return 0;
	} else {
		store_signed sg;

		if ((rc = store_signed_get(s, q->instansi, q->tahun, q->tw, q->versi,
					   &sg, e)) != 0)
			return rc;
		g->content_sha256 = sg.content_sha256;
		g->signer = sg.signer;
		g->cert_subject = sg.cert_subject;
		g->signed_at = sg.signed_at;
		sg.content_sha256 = sg.signer = sg.cert_subject = sg.signed_at = NULL;
		g->version = sg.version;
		g->latest = sg.latest;
		store_signed_free(&sg);
		return 0;
	}
}

/* One lakip code: 0 when verified, EX_DATAERR when not, else the error. */
static int
check_one(store *s, const char *image, const char *text, size_t len,
	  const verif_isi *q)
{
	lk_err e = { 0, "" };
	qr_stored g;
	rencana *r = NULL;
	char chash[65], when[64];
	const char *expect;
	bool hash_ok, code_ok = false, data_ok = false;
	int rc;

	if (q->dokumen == VD_PK)
		printf(_("QR code: %s, Perjanjian Kinerja %d, version %d\n"),
		       q->instansi, q->tahun, q->versi);
	else if (q->dokumen == VD_LKJIP)
		printf(_("QR code: %s, LKjIP %d, version %d\n"), q->instansi,
		       q->tahun, q->versi);
	else
		printf(_("QR code: %s, Triwulan %s %d, version %d\n"), q->instansi,
		       tw_romawi(q->tw), q->tahun, q->versi);
	if ((rc = stored_get(s, q, &g, &e)) != 0) {
		stored_free(&g);
		if (rc != EX_NOINPUT)
			return cli_report(&e);
		printf(_("Stored version: NONE\n"));
		return cli_error(EX_DATAERR, _("%s: the database holds no such "
					       "signed report"), image);
	}
	hash_ok = strcmp(g.content_sha256, q->sha256) == 0;
	rc = store_load(s, q->instansi, q->tahun, &r, &e);
	if (rc == 0) {
		if (q->dokumen == VD_LKJIP) {
			svc sv;
			svc_period sp;

			memset(&sp, 0, sizeof sp);
			sp.kode = r->instansi.kode;
			sp.tahun = q->tahun;
			sp.r = r;
			if ((rc = svc_init(&sv, s, &e)) == 0) {
				rc = svc_lkjip_content_hash(&sv, &sp, chash, &e);
				svc_done(&sv);
			}
		} else if (q->dokumen == VD_PK)
			svc_pk_content_hash(r, chash);
		else
			rc = svc_content_hash(r, q->tw, chash, &e);
	}
	if (rc == 0) {
		data_ok = strcmp(chash, g.content_sha256) == 0;
		expect = verif_payload_dok(&r->mem, q->dokumen,
					   r->instansi.verifikasi, q->instansi,
					   q->tahun, q->tw, g.version,
					   g.content_sha256);
		code_ok = strlen(expect) == len && memcmp(expect, text, len) == 0;
	}
	printf(_("Report: version %d of %d%s\n"), g.version, g.latest,
	       g.version < g.latest ? _(" (superseded)") : "");
	if (q->menggantikan > 0)
		printf(_("Replaces: version %d\n"), q->menggantikan);
	zona_lokal(g.signed_at, r != NULL ? r->instansi.zona_waktu : NULL, true,
		   when, sizeof when);
	printf(_("Signed by %s (%s) at %s\n"), g.signer, g.cert_subject, when);
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
	if (rc != 0) {
		stored_free(&g);
		return cli_report(&e);
	}
	if (!hash_ok || !code_ok || !data_ok) {
		stored_free(&g);
		return cli_error(EX_DATAERR, _("%s: verification FAILED"), image);
	}
	if (g.latest > q->versi)
		printf(_("Verified, but superseded: version %d is the one in force.\n"),
		       g.latest);
	else
		printf(_("Verified.\n"));
	stored_free(&g);
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
