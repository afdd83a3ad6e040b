/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* svc.c - sessions, periods, permissions, saving, review, rendering
 * (see svc.h). */
#include "config.h"
#include "svc/svc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "io/predikat_load.h"

int
svc_init(svc *v, store *s, lk_err *e)
{
	memset(v, 0, sizeof *v);
	v->s = s;
	return predikat_load_installed(&v->mem, &v->installed, e);
}

void
svc_done(svc *v)
{
	arena_free(&v->mem);
	memset(v, 0, sizeof *v);
}

/* The actions done on the database as a whole, not in one agency. */
static bool
database_action(enum peran_aksi a)
{
	return a == AKSI_INIT || a == AKSI_IMPOR || a == AKSI_PENGGUNA;
}

/* Whether a changes what a quarter shows (and so a lock forbids it). */
static bool
changes_quarter(enum peran_aksi a)
{
	return a == AKSI_UBAH_RENCANA || a == AKSI_UBAH_DATA ||
	    a == AKSI_AJUKAN || a == AKSI_TINJAU || a == AKSI_FINAL;
}

/* "2023-07-14T08:00:00Z" as "2023-07-14 08:00 UTC". */
static const char *
when_text(const char *at, char *buf, size_t n)
{
	int y, mo, d, h, mi;

	if (at != NULL && sscanf(at, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h,
	    &mi) == 5)
		snprintf(buf, n, "%04d-%02d-%02d %02d:%02d UTC", y, mo, d, h, mi);
	else
		snprintf(buf, n, "%s", at != NULL ? at : "");
	return buf;
}

/* The lock of quarter tw, for a change of it. */
static int
lock_check(svc *v, const char *kode, int tahun, int tw, lk_err *e)
{
	store_quarter q;
	char when[64];
	int rc;

	if (kode == NULL || tw < 1 || tw > TW_MAX)
		return 0;
	/* Every change of a locked quarter is refused: what it shows is
	 * what the signed report shows.  No plan stored yet: no lock. */
	memset(&q, 0, sizeof q);
	rc = store_quarter_load(v->s, kode, tahun, tw, &q, e);
	if (rc == EX_NOINPUT)
		return 0;
	if (rc != 0)
		return rc;
	if (q.locked)
		rc = lk_fail(e, EX_NOPERM, _("Quarter %s %d is locked: finalised by "
			     "%s on %s (signed version %d). An admin can unlock "
			     "it."), tw_romawi(tw), tahun, q.locked_by != NULL ?
			     q.locked_by : "?", when_text(q.locked_at, when,
			     sizeof when), q.version);
	store_quarter_free(&q);
	return rc;
}

static int
role_check(svc *v, const char *kode, enum peran_aksi a, lk_err *e)
{
	if (store_readonly(v->s))
		return lk_fail(e, EX_IOERR, _("The database is read-only: changes "
			       "cannot be saved (ask the administrator for write "
			       "access)."));
	return store_izin_at(v->s, database_action(a) ? NULL : kode, a, e);
}

int
svc_may(svc *v, const char *kode, int tahun, int tw, enum peran_aksi a,
	lk_err *e)
{
	int rc;

	if (a == AKSI_LIHAT)
		return 0;
	if ((rc = role_check(v, kode, a, e)) != 0 || !changes_quarter(a))
		return rc;
	return lock_check(v, kode, tahun, tw, e);
}

int
svc_compute(svc_period *p, lk_err *e)
{
	if (p->tw < 1)
		return 0;
	return kinerja_hitung(p->r, p->tw, &p->pt, &p->k, e);
}

/* The bands in force for r, copied into r's memory. */
static void
bands_of(const svc *v, rencana *r, predikat_tabel *out)
{
	const predikat_tabel *t = predikat_pilih(&r->instansi.predikat,
						 &v->installed);
	predikat_band *b = arena_alloc(&r->mem, (t->n ? t->n : 1) * sizeof *b);

	for (size_t i = 0; i < t->n; i++) {
		b[i] = t->band[i];
		b[i].nama = arena_strdup(&r->mem, t->band[i].nama);
		b[i].warna = t->band[i].warna != NULL ?
		    arena_strdup(&r->mem, t->band[i].warna) : NULL;
	}
	out->band = b;
	out->n = t->n;
}

void
svc_use(svc *v, svc_period *p)
{
	bands_of(v, p->r, &p->pt);
}

int
svc_open(svc *v, const char *instansi, int tahun, int tw, enum peran_aksi a,
	 svc_period *p, lk_err *e)
{
	int rc;

	memset(p, 0, sizeof *p);
	if (tw < 0 || tw > TW_MAX)
		return lk_fail(e, EX_USAGE, _("quarter %d is not between 1 and 4"),
			       tw);
	if ((rc = store_pilih_instansi(v->s, instansi, &p->kode, e)) != 0)
		return rc;
	p->tahun = tahun;
	p->tw = tw;
	if ((rc = svc_may(v, p->kode, tahun, tw, a, e)) != 0 ||
	    (rc = store_load(v->s, p->kode, tahun, &p->r, e)) != 0) {
		svc_period_free(p);
		return rc;
	}
	bands_of(v, p->r, &p->pt);
	if ((rc = svc_compute(p, e)) != 0)
		svc_period_free(p);
	return rc;
}

void
svc_period_free(svc_period *p)
{
	if (p->r != NULL)
		rencana_free(p->r);
	free(p->kode);
	memset(p, 0, sizeof *p);
}

int
svc_save(svc *v, const char *kode, rencana *r, int tw, unsigned mask,
	 lk_err *e)
{
	bool quarter = false;
	int rc, k;

	/* Each kind of change by the role; the lock once. */
	for (k = 0; k < AKSI_N; k++) {
		if (!(mask & (1u << k)) || k == AKSI_LIHAT)
			continue;
		if ((rc = role_check(v, kode, (enum peran_aksi)k, e)) != 0)
			return rc;
		quarter |= changes_quarter((enum peran_aksi)k);
	}
	if (quarter && (rc = lock_check(v, kode, r->tahun, tw, e)) != 0)
		return rc;
	return store_save(v->s, r, false, NULL, e);
}

int
svc_set_tanggal(svc *v, svc_period *p, int y, int m, int d, lk_err *e)
{
	triwulan *t;
	int rc;

	if (p->tw < 1 || p->tw > TW_MAX)
		return lk_fail(e, EX_USAGE, _("a report date needs a quarter"));
	if (!(y == 0 && m == 0 && d == 0) &&
	    (y < 1 || y > 9999 || !tanggal_sah(y, m, d)))
		return lk_fail(e, EX_DATAERR, _("%04d-%02d-%02d is not a date"),
			       y, m, d);
	t = &p->r->tw[p->tw];
	t->ada = true;
	t->tahun = y;
	t->bulan = m;
	t->hari = d;
	if ((rc = svc_save(v, p->kode, p->r, p->tw, 1u << AKSI_UBAH_DATA, e)) != 0)
		return rc;
	return svc_compute(p, e);
}

int
svc_review(svc *v, const svc_period *p, enum entri_event ev,
	   char *const *iku, size_t n_iku, const char *comment, size_t *done,
	   lk_err *e)
{
	enum peran_aksi a = ev == EV_SUBMIT ? AKSI_AJUKAN : AKSI_TINJAU;
	int rc;

	*done = 0;
	if (p->tw < 1)
		return lk_fail(e, EX_USAGE, _("submitting and reviewing need a "
			       "quarter"));
	if ((rc = svc_may(v, p->kode, p->tahun, p->tw, a, e)) != 0)
		return rc;
	return store_wf_apply(v->s, p->kode, p->tahun, p->tw, ev, iku, n_iku,
			      comment, done, e);
}

int
svc_unlock(svc *v, const svc_period *p, const char *reason, lk_err *e)
{
	if (p->tw < 1)
		return lk_fail(e, EX_USAGE, _("unlocking needs a quarter"));
	return store_unlock(v->s, p->kode, p->tahun, p->tw, reason, e);
}

/* Render quarter p->tw as a PDF (out) or as HTML (html, named out). */
static int
render(svc *v, svc_period *p, const char *tname, const report_extra *x,
       const report_hooks *h, const char *out, FILE *html,
       layout_result *res, lk_err *e)
{
	report_extra xx = { NULL, NULL, NULL, NULL, 0 };
	store_template tp;
	char label[128];
	int rc;

	if (p->tw < 1)
		return lk_fail(e, EX_USAGE, _("a report needs a quarter"));
	if (x != NULL)
		xx = *x;
	memset(&tp, 0, sizeof tp);
	/* Without a template named: the agency's, as the database holds it
	 * (lakip template set), else the installed one. */
	if (tname == NULL && xx.tmpl_yaml == NULL) {
		if ((rc = store_template_get(v->s, p->kode, &tp, e)) != 0)
			return rc;
		if (tp.yaml != NULL) {
			snprintf(label, sizeof label, _("template of %s, version %d"),
				 p->kode, tp.versi);
			xx.tmpl_yaml = tp.yaml;
			xx.tmpl_label = label;
		}
	}
	if (tname == NULL)
		tname = "laporan";
	if (html != NULL)
		rc = report_render_html(p->r, p->tw, &p->pt, tname, &xx, h, html,
					out, e);
	else
		rc = report_render(p->r, p->tw, &p->pt, tname, &xx, h, out, res, e);
	store_template_free(&tp);
	return rc;
}

int
svc_render(svc *v, svc_period *p, const char *tname, const report_extra *x,
	   const report_hooks *h, const char *out, layout_result *res,
	   lk_err *e)
{
	return render(v, p, tname, x, h, out, NULL, res, e);
}

int
svc_render_html(svc *v, svc_period *p, const char *tname, FILE *out,
		const char *out_name, lk_err *e)
{
	return render(v, p, tname, NULL, NULL, out_name, out, NULL, e);
}

int
svc_render_pk(svc *v, svc_period *p, const char *tname, const report_extra *x,
	      const report_hooks *h, const char *out, layout_result *res,
	      lk_err *e)
{
	report_extra xx = { NULL, NULL, NULL, NULL, 0 };
	store_template tp;
	char label[128];
	int rc;

	if (x != NULL)
		xx = *x;
	memset(&tp, 0, sizeof tp);
	/* As for the quarter: without a template named, the agency's
	 * agreement template as the database holds it, else the installed. */
	if (tname == NULL && xx.tmpl_yaml == NULL) {
		if ((rc = store_template_get_dokumen(v->s, p->kode, "perjanjian",
						     &tp, e)) != 0)
			return rc;
		if (tp.yaml != NULL) {
			snprintf(label, sizeof label, _("template of %s, version %d"),
				 p->kode, tp.versi);
			xx.tmpl_yaml = tp.yaml;
			xx.tmpl_label = label;
		}
	}
	rc = report_render_pk(p->r, tname, &xx, h, out, res, e);
	store_template_free(&tp);
	return rc;
}
