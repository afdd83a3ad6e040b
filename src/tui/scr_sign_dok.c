/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_sign_dok.c - the year's signed documents in the terminal
 * application: the Perjanjian Kinerja, signed by both parties, and the
 * LKjIP, signed by the head.  One screen for both, told apart by a row of
 * kinds[]: what is signed (the year, the parties, the signatures made,
 * the certificates registered), then signing -- as pihak pertama or
 * countersigning as pihak kedua for the agreement -- with a PKCS#12 key
 * or a key on a token (a pkcs11: URI) and its password or PIN (never
 * echoed), through the service layer as `lakip finalise --dokumen pk` or
 * `--dokumen lkjip` does; an admin unlocks a locked document, with a
 * reason.
 */
#include "config.h"
#include "tui/screens.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/dec.h"
#include "core/i18n.h"
#include "tui/list.h"
#include "tui/ui.h"

/* A kind of document signed for the whole year. */
typedef struct dok_kind {
	enum store_dok d;
	const char *name;        /* N_: "Perjanjian Kinerja", "LKjIP" */
	const char *sign_title;  /* N_: the screen's and its dialogs' title */
	const char *file;        /* the default file's name: PREFIX-agency-year */
	bool two_parties;
} dok_kind;

static const dok_kind kinds[] = {
	[SCR_DOK_PK] = { STORE_DOK_PK, N_("Perjanjian Kinerja"),
			 N_("Sign the Perjanjian Kinerja"), "PK", true },
	[SCR_DOK_LKJIP] = { STORE_DOK_LKJIP, N_("LKjIP"),
			    N_("Sign the LKjIP"), "LKjIP", false },
};

typedef struct pk_ctx {
	app *a;
	const dok_kind *k;
	scr_rows rows;
	store_pk_state st;
} pk_ctx;

static char last_p12[PATH_MAX];

/* The certificates registered for the agency: for the head (pihak
 * pertama) and for pihak kedua. */
static void
count_signers(app *a, size_t *n1, size_t *n2)
{
	lk_err e = { 0, "" };
	store_signer *sg = NULL;
	size_t n_sg = 0;

	*n1 = *n2 = 0;
	if (store_signer_list(a->st, a->instansi, NULL, &sg, &n_sg, &e) != 0)
		return;
	for (size_t i = 0; i < n_sg; i++)
		if (sg[i].removed_at == NULL)
			*(sg[i].pihak == 2 ? n2 : n1) += 1;
	store_signer_list_free(sg, n_sg);
}

static void
build_pk(pk_ctx *c)
{
	app *a = c->a;
	const perjanjian *pj = &a->r->perjanjian;
	size_t n1, n2;
	char when[64];

	scr_row_add(&c->rows, _("Document"), 0, _("Perjanjian Kinerja %d, as stored in the "
		"database"), a->tahun);
	if (pj->ada)
		scr_row_add(&c->rows, _("Date"), 1, "%02d-%02d-%04d", pj->hari, pj->bulan,
			pj->tahun);
	else
		scr_row_add(&c->rows, _("Date"), 2, "%s", _("no agreement yet: import its "
			"perjanjian (tanggal, pihak_kedua)"));
	scr_row_add(&c->rows, _("Pihak pertama"), a->r->instansi.kepala.nama ? 0 : 2, "%s",
		a->r->instansi.kepala.nama ? a->r->instansi.kepala.nama :
		_("no head named yet (step 1)"));
	scr_row_add(&c->rows, _("Pihak kedua"), pj->pihak_kedua.nama ? 0 : 2, "%s%s%s",
		pj->pihak_kedua.nama ? pj->pihak_kedua.nama : "-",
		pj->pihak_kedua.jabatan ? ", " : "",
		pj->pihak_kedua.jabatan ? pj->pihak_kedua.jabatan : "");
	count_signers(a, &n1, &n2);
	scr_row_add(&c->rows, _("Certificates"), n1 && n2 ? 1 : 2,
		_("%zu for pihak pertama, %zu for pihak kedua"), n1, n2);
	if (c->st.version == 0) {
		scr_row_add(&c->rows, _("State"), 2, "%s", _("not signed yet: pihak pertama "
			"signs first"));
		return;
	}
	scr_row_add(&c->rows, _("Pihak pertama"), 1, _("signed version %d: %s, %s"),
		c->st.version, c->st.sig[1].cert_subject,
		app_when(c->st.sig[1].signed_at, when, sizeof when));
	if (c->st.kedua)
		scr_row_add(&c->rows, _("Pihak kedua"), 1, _("countersigned: %s, %s"),
			c->st.sig[2].cert_subject,
			app_when(c->st.sig[2].signed_at, when, sizeof when));
	scr_row_add(&c->rows, _("State"), c->st.locked ? 1 : 2, "%s", c->st.locked
		? _("signed by both parties: the agreement is locked")
		: c->st.kedua ? _("unlocked: pihak pertama signs the next version")
		: _("waiting for pihak kedua's countersignature"));
}

static void
build_lkjip(pk_ctx *c)
{
	app *a = c->a;
	const tahunan *t = &a->r->tahunan;
	size_t n1, n2;
	char when[64];

	scr_row_add(&c->rows, _("Document"), 0, _("LKjIP %d, as stored in the "
		"database"), a->tahun);
	if (t->ada)
		scr_row_add(&c->rows, _("Date"), 1, "%02d-%02d-%04d", t->hari, t->bulan,
			t->tahun);
	else
		scr_row_add(&c->rows, _("Date"), 2, "%s", _("no annual report yet: import its "
			"tahunan (tanggal)"));
	scr_row_add(&c->rows, _("Signed by"), a->r->instansi.kepala.nama ? 0 : 2, "%s",
		a->r->instansi.kepala.nama ? a->r->instansi.kepala.nama :
		_("no head named yet (step 1)"));
	count_signers(a, &n1, &n2);
	scr_row_add(&c->rows, _("Certificates"), n1 ? 1 : 2, _("%zu for the head"), n1);
	if (c->st.version == 0) {
		scr_row_add(&c->rows, _("State"), 2, "%s", _("not signed yet"));
		return;
	}
	scr_row_add(&c->rows, _("Signature"), 1, _("signed version %d: %s, %s"),
		c->st.version, c->st.sig[1].cert_subject,
		app_when(c->st.sig[1].signed_at, when, sizeof when));
	scr_row_add(&c->rows, _("State"), c->st.locked ? 1 : 2, "%s", c->st.locked
		? _("signed: the year's annual data are locked")
		: _("unlocked: the head signs the next version"));
}

static void
build(void *ud)
{
	pk_ctx *c = ud;
	lk_err e = { 0, "" };

	c->rows.n = 0;
	store_pk_state_free(&c->st);
	scr_row_add(&c->rows, _("Agency"), 0, "%s", c->a->instansi);
	if (store_dok_state_load(c->a->st, c->k->d, c->a->instansi, c->a->tahun,
				 &c->st, &e) != 0) {
		scr_row_add(&c->rows, _("State"), 2, "%s", app_store_msg(c->a, e.msg));
		return;
	}
	if (c->k->two_parties)
		build_pk(c);
	else
		build_lkjip(c);
}

static void
on_progress(void *arg, const char *stage)
{
	ui_progress(arg, stage);
}

/* Who signs the agreement: 1, 2, or 0 (cancelled); the LKjIP: the head. */
static int
ask_pihak(pk_ctx *c, const char *title)
{
	int pihak;

	if (!c->k->two_parties)
		return 1;
	pihak = ui_ask3(title, _("Who signs? Pihak pertama (the head) signs first; "
				 "pihak kedua (his superior) countersigns the "
				 "version he signed."), _("Pihak pertama"),
			_("Pihak kedua"), _("Cancel"));
	return pihak < 0 || pihak == 2 ? 0 : pihak + 1;
}

static void
sign(void *ud)
{
	pk_ctx *c = ud;
	app *a = c->a;
	const dok_kind *k = c->k;
	lk_err e = { 0, "" };
	svc_final_opts o;
	svc_final_result res;
	svc_period p;
	char *p12 = NULL, *pw = NULL, *out = NULL, text[2048], abs[PATH_MAX];
	char num[DEC_BUFSZ], dir[4096], def[4400];
	const char *title = _(k->sign_title);
	int rc, pihak;

	if ((pihak = ask_pihak(c, title)) == 0)
		return;
	if ((rc = svc_open(&a->v, a->instansi, a->tahun, 0, AKSI_FINAL, &p,
			   &e)) != 0) {
		app_fail(a, rc, &e);
		return;
	}
	/* The role, the document, the order and the lock, before a key. */
	if ((rc = k->two_parties ? svc_pk_signable(&a->v, &p, pihak, &e) :
	     svc_lkjip_signable(&a->v, &p, &e)) != 0) {
		app_fail(a, rc, &e);
		goto done;
	}
	if (!ui_prompt(title, pihak == 1 ? _("The head's key (a .p12 file or a "
		       "pkcs11: URI):") : _("Pihak kedua's key (a .p12 file or a "
		       "pkcs11: URI):"), last_p12, &p12) || *p12 == '\0')
		goto done;
	snprintf(last_p12, sizeof last_p12, "%s", p12);
	if (!ui_prompt_secret(title, sign_is_pkcs11(p12) ? _("PIN of the token:")
			      : _("Password of the signing key:"), &pw))
		goto done;
	memset(&res, 0, sizeof res);
	if ((rc = svc_pk_key_check(&a->v, &p, pihak, p12, pw, &res.cert, &e)) != 0) {
		app_fail(a, rc, &e);
		goto done;
	}
	app_documents_dir(dir, sizeof dir);
	snprintf(def, sizeof def, "%s/%s-%s-%d%s.pdf", dir, k->file, a->instansi,
		 a->tahun, !k->two_parties ? "-ttd" : pihak == 1 ? "-ttd1" : "-ttd2");
	if (!ui_prompt(title, _("File name of the signed PDF:"), def, &out) ||
	    *out == '\0')
		goto done;
	if (access(out, F_OK) == 0) {
		snprintf(text, sizeof text, _("%s exists. Replace it?"), out);
		if (ui_confirm(title, text, false) != 1)
			goto done;
	}
	if (!k->two_parties)
		snprintf(text, sizeof text, _("Sign the LKjIP %d with the key of %s, "
			 "store it as the next version and lock the year's annual "
			 "data?"), a->tahun, res.cert.subject);
	else
		snprintf(text, sizeof text, pihak == 1
			 ? _("Sign the Perjanjian Kinerja %d as pihak pertama with the key "
			     "of %s and store it as the next version?")
			 : _("Countersign the Perjanjian Kinerja %d as pihak kedua with the "
			     "key of %s, store it and lock the agreement?"), a->tahun,
			 res.cert.subject);
	if (ui_confirm(title, text, true) != 1)
		goto done;
	memset(&o, 0, sizeof o);
	o.p12 = p12;
	o.password = pw;
	o.out = out;
	o.hooks.progress = on_progress;
	o.hooks.arg = (void *)title;
	ui_progress(title, _("Signing..."));
	rc = k->two_parties ? svc_finalise_pk(&a->v, &p, pihak, &o, &res, &e) :
	    svc_finalise_lkjip(&a->v, &p, &o, &res, &e);
	if (rc != 0) {
		app_fail(a, rc, &e);
	} else {
		if (realpath(out, abs) == NULL)
			snprintf(abs, sizeof abs, "%s", out);
		dec_format_uang((int64_t)res.len * 100, num);
		if (!k->two_parties)
			snprintf(text, sizeof text, _("The LKjIP %d is signed by %s, "
				 "stored as version %d and the year's annual data are "
				 "locked.\n\nThe signed file was written to:\n\n    %s\n\n"
				 "%u pages, %s bytes. 'lakip verify' checks it."),
				 a->tahun, res.cert.subject, res.version, abs,
				 res.pages, num);
		else
			snprintf(text, sizeof text, pihak == 1
				 ? _("The Perjanjian Kinerja %d is signed by %s as pihak "
				     "pertama and stored as version %d.\n\nThe signed file was "
				     "written to:\n\n    %s\n\n%s bytes. Pihak kedua countersigns "
				     "it next.")
				 : _("The Perjanjian Kinerja %d is countersigned by %s as pihak "
				     "kedua (version %d) and locked.\n\nThe signed file was "
				     "written to:\n\n    %s\n\n%s bytes. 'lakip verify' checks "
				     "both signatures."), a->tahun, res.cert.subject,
				 res.version, abs, num);
		ui_show_text(_("Signed"), text);
	}
	svc_final_result_free(&res);
done:
	svc_period_free(&p);
	if (pw != NULL) {
		memset(pw, 0, strlen(pw));
		free(pw);
	}
	free(p12);
	free(out);
}

static void
unlock(void *ud)
{
	pk_ctx *c = ud;
	app *a = c->a;
	lk_err e = { 0, "" };
	char *reason = NULL, title[200];
	int rc;

	if (!c->st.locked) {
		ui_msg(UI_MSG_HINT, _("The %s %d is not locked."), _(c->k->name), a->tahun);
		return;
	}
	snprintf(title, sizeof title, _("Unlock the %s"), _(c->k->name));
	if (!ui_prompt(title, _("Why is it unlocked (recorded in the audit log):"),
		       "", &reason))
		return;
	rc = store_dok_unlock(a->st, c->k->d, a->instansi, a->tahun, reason, &e);
	free(reason);
	if (rc != 0)
		app_fail(a, rc, &e);
	else if (c->k->two_parties)
		ui_msg(UI_MSG_INFO, _("The Perjanjian Kinerja %d is unlocked; "
				      "pihak pertama signs the next version."),
		       a->tahun);
	else
		ui_msg(UI_MSG_INFO, _("The LKjIP %d is unlocked; the head signs "
				      "the next version."), a->tahun);
}

int
scr_sign_dok(app *a, enum scr_dok kind)
{
	char title[200];
	pk_ctx c;
	scr_sign_screen sc = {
		title, NULL, &c.rows, &c, build, sign, unlock,
	};
	int ret;

	memset(&c, 0, sizeof c);
	c.a = a;
	c.k = &kinds[kind];
	snprintf(title, sizeof title, "%s %d", _(c.k->sign_title), a->tahun);
	sc.help = !c.k->two_parties ? _("The year's annual performance report "
		   "(LKjIP) as the database holds it, made exactly as 'lakip report "
		   "--dokumen lkjip' makes it. s signs it as the head, with a key "
		   "registered for the agency; the signature locks the year's annual "
		   "data: its final realisations and texts cannot change. An admin "
		   "unlocks it with u, giving a reason; the head then signs the next "
		   "version.") : _("The year's performance agreement as the database holds it, "
		   "made exactly as 'lakip report --dokumen pk' makes it. s signs: "
		   "pihak pertama (the head) first, with a key registered for the "
		   "agency; then pihak kedua (his superior) countersigns the version "
		   "he signed, with a key registered with 'lakip signer set --pihak "
		   "kedua'. Then the agreement is locked: its targets, budgets and "
		   "parties cannot change. An admin unlocks it with u, giving a "
		   "reason; pihak pertama then signs the next version.");
	ret = scr_sign_run(a, &sc);
	store_pk_state_free(&c.st);
	return ret;
}
