/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_sign.c - signing the quarter in the terminal application: what
 * will be signed (the agency, the head, the figures of the report, the
 * entries not yet approved, the registered certificates, the lock), then
 * the head's PKCS#12 key and its password (never echoed), the file the
 * signed report goes to, and the service layer's svc_finalise, which
 * renders, signs, stores, locks and publishes as `lakip finalise` does.
 * An admin unlocks a finalised quarter here too, with a reason.
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
#include "core/zona.h"
#include "tui/list.h"
#include "tui/ui.h"

typedef struct sign_ctx {
	app *a;
	scr_rows rows;
	bool ready;         /* every entry approved, not locked */
	bool dated;         /* the quarter's report date is set */
	size_t n_signers;   /* registered, not removed */
} sign_ctx;

static char last_p12[PATH_MAX];    /* this session's last key file */

/* The agency's local day of instant t (core/zona.h). */
static const char *
day_of(const app *a, int64_t t, char buf[32])
{
	zona_tanggal_detik(t, a->r != NULL ? a->r->instansi.zona_waktu : NULL,
			   buf, 32);
	return buf;
}

/* Everything the screen shows, read again from the database. */
static void
build(void *ud)
{
	sign_ctx *c = ud;
	app *a = c->a;
	lk_err e = { 0, "" };
	svc_period p;
	store_signer *sg = NULL;
	size_t n_sg = 0, i, approved = 0, known = 0, rows = 0;
	char num[DEC_BUFSZ], when[64], b1[32], b2[32];
	int64_t now = (int64_t)time(NULL);

	c->rows.n = 0;
	c->ready = false;
	c->n_signers = 0;
	app_wf_load(a, true);
	scr_row_add(&c->rows, _("Agency"), 0, "%s", a->instansi);
	if (a->r->instansi.nama != NULL)
		scr_row_add(&c->rows, "", 0, "%s", a->r->instansi.nama);
	scr_row_add(&c->rows, _("Report"), 0, _("LAKIP %s, as stored in the database"),
		app_period_text(a));
	scr_row_add(&c->rows, _("Signed by"), a->r->instansi.kepala.nama ? 0 : 2, "%s%s%s",
		a->r->instansi.kepala.nama ? a->r->instansi.kepala.nama :
		_("no head named yet (step 1)"),
		a->r->instansi.kepala.nip ? _(", NIP ") : "",
		a->r->instansi.kepala.nip ? a->r->instansi.kepala.nip : "");
	/* The date printed by the signature: the user's, never today. */
	c->dated = a->tw >= 1 && a->tw <= TW_MAX && a->r->tw[a->tw].ada &&
	    triwulan_bertanggal(&a->r->tw[a->tw]);
	if (c->dated)
		scr_row_add(&c->rows, _("Report date"), 1, "%02d-%02d-%04d",
			a->r->tw[a->tw].hari, a->r->tw[a->tw].bulan,
			a->r->tw[a->tw].tahun);
	else
		scr_row_add(&c->rows, _("Report date"), 2, "%s",
			_("not set yet: set it in step 8 before signing"));
	/* The figures of the report, as the service layer computes them. */
	if (svc_open(&a->v, a->instansi, a->tahun, a->tw, AKSI_LIHAT, &p, &e) == 0) {
		for (i = 0; i < p.k.n_iku; i++) {
			if (p.k.iku[i].iku == NULL)
				continue;
			rows++;
			known += p.k.iku[i].ada_realisasi;
		}
		scr_row_add(&c->rows, _("IKU realised"), known == rows ? 1 : 2,
			_("%zu of %zu IKU have a realisation"), known, rows);
		if (p.k.jumlah_capaian.status == CAPAIAN_ADA)
			scr_row_add(&c->rows, _("Budget absorbed"), 0, "%s %%",
				dec_format_persen(p.k.jumlah_capaian.persen, num));
		else
			scr_row_add(&c->rows, _("Budget absorbed"), 2, "%s",
				_("no budget realisation yet"));
		svc_period_free(&p);
	} else {
		scr_row_add(&c->rows, _("Figures"), 2, "%s", app_store_msg(a, e.msg));
	}
	/* The review: what is not approved yet blocks the signature. */
	if (!app_wf_ok(a) || !a->wf.ada) {
		scr_row_add(&c->rows, _("Review"), 2, "%s",
			    _("nothing of this quarter is saved yet"));
	} else {
		for (i = 0; i < a->wf.n_entri; i++)
			approved += a->wf.entri[i].state == ENTRI_APPROVED;
		scr_row_add(&c->rows, _("Review"), approved == a->wf.n_entri ? 1 : 2,
			_("%zu of %zu entries approved"), approved, a->wf.n_entri);
		for (i = 0; i < a->wf.n_entri; i++) {
			const store_entri *x = &a->wf.entri[i];

			char what[160];

			if (x->state != ENTRI_APPROVED)
				scr_row_add(&c->rows, "", 2, _("%s: %s"),
					store_entri_text(x, what, sizeof what),
					entri_state_label(x->state));
		}
		c->ready = approved == a->wf.n_entri && a->wf.n_entri > 0;
	}
	/* The certificates that may sign (lakip signer set). */
	if (store_signer_list(a->st, a->instansi, NULL, &sg, &n_sg, &e) == 0) {
		for (i = 0; i < n_sg; i++) {
			bool valid = now >= sg[i].not_before && now <= sg[i].not_after;

			if (sg[i].removed_at != NULL)
				continue;
			c->n_signers++;
			scr_row_add(&c->rows, c->n_signers == 1 ? _("Certificate") : "", valid ? 1 : 2,
				_("%s \xc2\xb7 %.12s\xe2\x80\xa6 \xc2\xb7 %s to %s"),
				sg[i].subject, sg[i].sha256, day_of(a, sg[i].not_before, b1),
				day_of(a, sg[i].not_after, b2));
		}
		store_signer_list_free(sg, n_sg);
	}
	if (c->n_signers == 0)
		scr_row_add(&c->rows, _("Certificate"), 2, "%s", _("none registered: an admin "
			"registers the head's with 'lakip signer set'"));
	if (app_locked(a)) {
		scr_row_add(&c->rows, _("State"), 1, _("finalised: version %d signed by %s on %s"),
			a->wf.version, a->wf.locked_by ? a->wf.locked_by : "?",
			app_when(a->wf.locked_at, when, sizeof when));
		c->ready = false;
	} else {
		scr_row_add(&c->rows, _("State"), c->ready ? 1 : 2, "%s", c->ready ?
			_("ready to sign") : _("not ready: every entry must be approved"));
	}
}

static void
on_progress(void *arg, const char *stage)
{
	(void)arg;
	ui_progress(_("Sign and finalise"), stage);
}

/* Ask for the key, its password and the file; sign. */
static void
sign(void *ud)
{
	sign_ctx *c = ud;
	app *a = c->a;
	lk_err e = { 0, "" };
	svc_final_opts o;
	svc_final_result res;
	svc_period p;
	char *p12 = NULL, *pw = NULL, *out = NULL, *def, label[300];
	char text[2048], abs[PATH_MAX], num[DEC_BUFSZ];
	bool ok = false;
	int rc;

	if (a->dirty) {
		int r = ui_ask3(_("Unsaved changes"),
				_("Some changes are not saved in the database. Only what "
				  "is stored is signed. Save them first?"), _("Save"),
				_("Sign what is stored"), _("Cancel"));

		if (r < 0 || r == 2 || (r == 0 && app_save_pending(a) != 0))
			return;
	}
	/* Refusals before anything is asked: the role, the lock. */
	if (!app_can_edit(a, AKSI_FINAL))
		return;
	if (!c->dated) {
		app_refuse(a, _("Not ready to sign: the quarter has no report date; "
				"set it in step 8 (a signed report never takes today's "
				"date by itself)."));
		return;
	}
	if (!c->ready) {
		app_refuse(a, _("Not ready to sign: every entry of the quarter must be "
				"approved first."));
		return;
	}
	if (c->n_signers == 0) {
		app_refuse(a, _("No certificate is registered to sign the reports of "
				"this agency: an admin registers it with 'lakip signer set'."));
		return;
	}
	snprintf(label, sizeof label, _("The head's key (a .p12 file or a pkcs11: URI) "
					"for %s:"), app_period_text(a));
	if (!ui_prompt(_("Sign and finalise"), label, last_p12, &p12) || *p12 == '\0')
		goto out;
	snprintf(last_p12, sizeof last_p12, "%s", p12);
	if (!ui_prompt_secret(_("Sign and finalise"), sign_is_pkcs11(p12)
			      ? _("PIN of the token:") : _("Password of the signing key:"),
			      &pw))
		goto out;
	if ((rc = svc_open(&a->v, a->instansi, a->tahun, a->tw, AKSI_FINAL, &p,
			   &e)) != 0) {
		app_fail(a, rc, &e);
		goto out;
	}
	/* The key is checked before the file is asked for. */
	memset(&res, 0, sizeof res);
	if ((rc = svc_key_check(&a->v, &p, p12, pw, &res.cert, &e)) != 0) {
		app_fail(a, rc, &e);
		svc_period_free(&p);
		goto out;
	}
	def = app_default_pdf(a, "-ttd");
	ok = ui_prompt(_("Sign and finalise"), _("File name of the signed PDF:"), def,
		       &out) && *out != '\0';
	free(def);
	if (ok && access(out, F_OK) == 0) {
		snprintf(text, sizeof text, _("%s exists. Replace it?"), out);
		ok = ui_confirm(_("Sign and finalise"), text, false) == 1;
	}
	if (!ok) {
		svc_period_free(&p);
		goto out;
	}
	snprintf(text, sizeof text, _("Sign %s with the key of %s, store it as the next "
				      "version and lock the quarter?"),
		 app_period_text(a), res.cert.subject);
	if (ui_confirm(_("Sign and finalise"), text, true) != 1) {
		ok = false;
		svc_period_free(&p);
		goto out;
	}
	memset(&o, 0, sizeof o);
	o.p12 = p12;
	o.password = pw;
	o.out = out;
	o.hooks.progress = on_progress;
	ui_progress(_("Sign and finalise"), _("Signing..."));
	rc = svc_finalise(&a->v, &p, &o, &res, &e);
	svc_period_free(&p);
	app_wf_load(a, true);
	app_update_context(a);
	if (rc != 0) {
		ok = false;
		app_fail(a, rc, &e);
	} else {
		if (realpath(out, abs) == NULL)
			snprintf(abs, sizeof abs, "%s", out);
		snprintf(text, sizeof text, _("%s is signed by %s, stored as version %d "
					      "and locked.\n\nThe signed report was "
					      "written to:\n\n    %s\n\n%u pages, %s "
					      "bytes. 'lakip verify' checks it."),
			 app_period_text(a), res.cert.subject, res.version, abs,
			 res.pages, dec_format_uang((int64_t)res.len * 100, num));
		ui_show_text(_("Signed"), text);
	}
	svc_final_result_free(&res);
out:
	if (pw != NULL) {
		memset(pw, 0, strlen(pw));
		free(pw);
	}
	free(p12);
	free(out);
}

/* u: an admin unlocks the finalised quarter (wf_action.c). */
static void
unlock(void *ud)
{
	wf_unlock(((sign_ctx *)ud)->a);
}

int
scr_sign(app *a)
{
	char title[200];
	sign_ctx c;
	scr_sign_screen sc = {
		title, NULL, &c.rows, &c, build, sign, unlock,
	};

	memset(&c, 0, sizeof c);
	c.a = a;
	snprintf(title, sizeof title, _("Sign and finalise %s"), app_period_text(a));
	sc.help = _("What the head signs: the quarter's report as the database holds "
		   "it, made exactly as 'lakip report' makes it. Every entry must be "
		   "approved, and the certificate of the key must be registered for "
		   "the agency (lakip signer set). s asks for the key file (.p12), its "
		   "password (not shown as it is typed) and the file name; the signed "
		   "report is stored as the next version and the quarter is locked. "
		   "An admin unlocks a finalised quarter with u, giving a reason.");
	return scr_sign_run(a, &sc);
}
