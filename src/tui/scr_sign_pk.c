/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_sign_pk.c - the year's Perjanjian Kinerja signed by both parties in
 * the terminal application: what is signed (the year, both parties, the
 * signatures made, the certificates registered for each party), then
 * signing as pihak pertama or countersigning as pihak kedua with a
 * PKCS#12 key and its password (never echoed), through the service
 * layer's svc_finalise_pk as `lakip finalise --dokumen pk` does; an admin
 * unlocks an agreement both parties signed, with a reason.
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
#include "tui/theme.h"
#include "tui/ui.h"

typedef struct pk_row {
	char label[96];
	char value[512];
	int tone;           /* 0 plain, 1 good, 2 warning */
} pk_row;

typedef struct pk_ctx {
	app *a;
	pk_row *row;
	size_t n, cap;
	store_pk_state st;
} pk_ctx;

static char last_p12[PATH_MAX];

static void add_row(pk_ctx *c, const char *label, int tone, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
add_row(pk_ctx *c, const char *label, int tone, const char *fmt, ...)
{
	va_list ap;
	pk_row *r;

	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 16;
		pk_row *v = realloc(c->row, cap * sizeof *v);

		if (v == NULL)
			lk_fatal("out of memory");
		c->row = v;
		c->cap = cap;
	}
	r = &c->row[c->n++];
	snprintf(r->label, sizeof r->label, "%s", label);
	va_start(ap, fmt);
	vsnprintf(r->value, sizeof r->value, fmt, ap);
	va_end(ap);
	r->tone = tone;
}

static void
build(pk_ctx *c)
{
	app *a = c->a;
	const perjanjian *pj = &a->r->perjanjian;
	lk_err e = { 0, "" };
	store_signer *sg = NULL;
	size_t n_sg = 0, n1 = 0, n2 = 0;
	char when[64];

	c->n = 0;
	store_pk_state_free(&c->st);
	add_row(c, _("Agency"), 0, "%s", a->instansi);
	add_row(c, _("Document"), 0, _("Perjanjian Kinerja %d, as stored in the "
		"database"), a->tahun);
	if (pj->ada)
		add_row(c, _("Date"), 1, "%02d-%02d-%04d", pj->hari, pj->bulan,
			pj->tahun);
	else
		add_row(c, _("Date"), 2, "%s", _("no agreement yet: import its "
			"perjanjian (tanggal, pihak_kedua)"));
	add_row(c, _("Pihak pertama"), a->r->instansi.kepala.nama ? 0 : 2, "%s",
		a->r->instansi.kepala.nama ? a->r->instansi.kepala.nama :
		_("no head named yet (step 1)"));
	add_row(c, _("Pihak kedua"), pj->pihak_kedua.nama ? 0 : 2, "%s%s%s",
		pj->pihak_kedua.nama ? pj->pihak_kedua.nama : "-",
		pj->pihak_kedua.jabatan ? ", " : "",
		pj->pihak_kedua.jabatan ? pj->pihak_kedua.jabatan : "");
	if (store_signer_list(a->st, a->instansi, NULL, &sg, &n_sg, &e) == 0) {
		for (size_t i = 0; i < n_sg; i++)
			if (sg[i].removed_at == NULL)
				*(sg[i].pihak == 2 ? &n2 : &n1) += 1;
		store_signer_list_free(sg, n_sg);
	}
	add_row(c, _("Certificates"), n1 && n2 ? 1 : 2,
		_("%zu for pihak pertama, %zu for pihak kedua"), n1, n2);
	if (store_pk_state_load(a->st, a->instansi, a->tahun, &c->st, &e) != 0) {
		add_row(c, _("State"), 2, "%s", app_store_msg(a, e.msg));
		return;
	}
	if (c->st.version == 0) {
		add_row(c, _("State"), 2, "%s", _("not signed yet: pihak pertama "
			"signs first"));
		return;
	}
	add_row(c, _("Pihak pertama"), 1, _("signed version %d: %s, %s"),
		c->st.version, c->st.sig[1].cert_subject,
		app_when(c->st.sig[1].signed_at, when, sizeof when));
	if (c->st.kedua)
		add_row(c, _("Pihak kedua"), 1, _("countersigned: %s, %s"),
			c->st.sig[2].cert_subject,
			app_when(c->st.sig[2].signed_at, when, sizeof when));
	add_row(c, _("State"), c->st.locked ? 1 : 2, "%s", c->st.locked
		? _("signed by both parties: the agreement is locked")
		: c->st.kedua ? _("unlocked: pihak pertama signs the next version")
		: _("waiting for pihak kedua's countersignature"));
}

static const char *
pk_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	pk_ctx *c = ud;

	(void)buf;
	(void)n;
	return col == 0 ? c->row[row].label : c->row[row].value;
}

static attr_t
pk_attr(void *ud, size_t row, size_t col)
{
	pk_ctx *c = ud;

	if (col == 0)
		return A_BOLD;
	return c->row[row].tone == 1 ? theme_attr(TR_BAIK) :
	    c->row[row].tone == 2 ? theme_attr(TR_CUKUP) : A_NORMAL;
}

static void
on_progress(void *arg, const char *stage)
{
	(void)arg;
	ui_progress(_("Sign the Perjanjian Kinerja"), stage);
}

static void
sign(pk_ctx *c)
{
	app *a = c->a;
	lk_err e = { 0, "" };
	svc_final_opts o;
	svc_final_result res;
	svc_period p;
	char *p12 = NULL, *pw = NULL, *out = NULL, text[2048], abs[PATH_MAX];
	char num[DEC_BUFSZ];
	const char *title = _("Sign the Perjanjian Kinerja");
	int rc, pihak;

	pihak = ui_ask3(title, _("Who signs? Pihak pertama (the head) signs first; "
				 "pihak kedua (his superior) countersigns the "
				 "version he signed."), _("Pihak pertama"),
			_("Pihak kedua"), _("Cancel"));
	if (pihak < 0 || pihak == 2)
		return;
	pihak++;
	if ((rc = svc_open(&a->v, a->instansi, a->tahun, 0, AKSI_FINAL, &p,
			   &e)) != 0) {
		app_fail(a, rc, &e);
		return;
	}
	/* The role, the agreement, the order and the lock, before a key. */
	if ((rc = svc_pk_signable(&a->v, &p, pihak, &e)) != 0) {
		app_fail(a, rc, &e);
		goto done;
	}
	if (!ui_prompt(title, pihak == 1 ? _("The head's signing key (a PKCS#12 "
		       ".p12 file):") : _("Pihak kedua's signing key (a PKCS#12 "
		       ".p12 file):"), last_p12, &p12) || *p12 == '\0')
		goto done;
	snprintf(last_p12, sizeof last_p12, "%s", p12);
	if (!ui_prompt_secret(title, _("Password of the signing key:"), &pw))
		goto done;
	memset(&res, 0, sizeof res);
	if ((rc = svc_pk_key_check(&a->v, &p, pihak, p12, pw, &res.cert, &e)) != 0) {
		app_fail(a, rc, &e);
		goto done;
	}
	{
		char dir[4096], def[4400];

		app_documents_dir(dir, sizeof dir);
		snprintf(def, sizeof def, "%s/PK-%s-%d%s.pdf", dir, a->instansi,
			 a->tahun, pihak == 1 ? "-ttd1" : "-ttd2");
		if (!ui_prompt(title, _("File name of the signed PDF:"), def, &out) ||
		    *out == '\0')
			goto done;
	}
	if (access(out, F_OK) == 0) {
		snprintf(text, sizeof text, _("%s exists. Replace it?"), out);
		if (ui_confirm(title, text, false) != 1)
			goto done;
	}
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
	ui_progress(title, _("Signing..."));
	rc = svc_finalise_pk(&a->v, &p, pihak, &o, &res, &e);
	if (rc != 0) {
		app_fail(a, rc, &e);
	} else {
		if (realpath(out, abs) == NULL)
			snprintf(abs, sizeof abs, "%s", out);
		snprintf(text, sizeof text, pihak == 1
			 ? _("The Perjanjian Kinerja %d is signed by %s as pihak "
			     "pertama and stored as version %d.\n\nThe signed file was "
			     "written to:\n\n    %s\n\n%s bytes. Pihak kedua countersigns "
			     "it next.")
			 : _("The Perjanjian Kinerja %d is countersigned by %s as pihak "
			     "kedua (version %d) and locked.\n\nThe signed file was "
			     "written to:\n\n    %s\n\n%s bytes. 'lakip verify' checks "
			     "both signatures."), a->tahun, res.cert.subject,
			 res.version, abs, dec_format_uang((int64_t)res.len * 100, num));
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
unlock(pk_ctx *c)
{
	app *a = c->a;
	lk_err e = { 0, "" };
	char *reason = NULL;
	int rc;

	if (!c->st.locked) {
		ui_msg(UI_MSG_HINT, _("The Perjanjian Kinerja %d is not locked."),
		       a->tahun);
		return;
	}
	if (!ui_prompt(_("Unlock the Perjanjian Kinerja"), _("Why is it unlocked "
		       "(recorded in the audit log):"), "", &reason))
		return;
	rc = store_pk_unlock(a->st, a->instansi, a->tahun, reason, &e);
	free(reason);
	if (rc != 0)
		app_fail(a, rc, &e);
	else
		ui_msg(UI_MSG_INFO, _("The Perjanjian Kinerja %d is unlocked; "
				      "pihak pertama signs the next version."),
		       a->tahun);
}

int
scr_sign_pk(app *a)
{
	static const int acts[] = {
		ACT_HELP, ACT_SIGN, ACT_UNLOCK, ACT_BACK, ACT_NONE,
	};
	list_col cols[2] = {
		{ NULL, 16, false, false, 0 }, { NULL, 30, true, false, 0 },
	};
	char title[200];
	pk_ctx c;
	list l;
	int act, ret = FORM_CANCELLED;

	memset(&c, 0, sizeof c);
	c.a = a;
	cols[0].title = "";
	cols[1].title = "";
	build(&c);
	memset(&l, 0, sizeof l);
	snprintf(title, sizeof title, _("Sign the Perjanjian Kinerja %d"), a->tahun);
	l.title = title;
	l.cols = cols;
	l.ncol = 2;
	l.nrows = c.n;
	l.cell = pk_cell;
	l.attr = pk_attr;
	l.ud = &c;
	l.acts = acts;
	l.help = _("The year's performance agreement as the database holds it, "
		   "made exactly as 'lakip report --dokumen pk' makes it. s signs: "
		   "pihak pertama (the head) first, with a key registered for the "
		   "agency; then pihak kedua (his superior) countersigns the version "
		   "he signed, with a key registered with 'lakip signer set --pihak "
		   "kedua'. Then the agreement is locked: its targets, budgets and "
		   "parties cannot change. An admin unlocks it with u, giving a "
		   "reason; pihak pertama then signs the next version.");
	list_init(&l);
	list_open(&l);
	for (;;) {
		app_update_context(a);
		act = list_run(&l);
		if (act == ACT_SIGN)
			sign(&c);
		else if (act == ACT_UNLOCK)
			unlock(&c);
		else if (act == ACT_TERMINATE) {
			ret = FORM_TERMINATED;
			break;
		} else if (act == ACT_QUIT) {
			ret = FORM_QUIT;
			break;
		} else if (act == ACT_BACK)
			break;
		else
			continue;
		build(&c);
		l.nrows = c.n;
		list_clamp(&l);
	}
	list_close(&l);
	store_pk_state_free(&c.st);
	free(c.row);
	return ret;
}
