/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "report/render.h"

#include <string.h>

#include "core/i18n.h"
#include "core/kinerja.h"
#include "report/build.h"
#include "report/html.h"
#include "report/template.h"

static void
stage(const report_hooks *h, const char *what)
{
	if (h != NULL && h->progress != NULL)
		h->progress(h->arg, what);
}

/* The QR text and the scanned signature of x (may be NULL) into the
 * document's first signature block. */
static void
sign_block(doc *d, const report_extra *x)
{
	doc_signature *sig = x != NULL ? doc_find_signature(d) : NULL;

	if (sig != NULL) {
		sig->qr_text = x->qr_text;
		if (x->ttd != NULL)
			sig->image = x->ttd;
	}
}

/* The end of every PDF: d's warnings heard (warn: NULL-terminated, or
 * NULL), the layout written to out; d and t freed.  rc: the status of
 * what came before (nonzero: nothing is written). */
static int
finish_pdf(int rc, doc *d, tmpl *t, const char **warn, const report_hooks *h,
	   const char *out, layout_result *res, lk_err *e)
{
	if (rc == 0) {
		for (; warn != NULL && *warn != NULL && h != NULL && h->warn != NULL; warn++)
			h->warn(h->arg, *warn);
		stage(h, _("Laying out the pages and writing the PDF..."));
		rc = layout_write_pdf(d, out, res, e);
	}
	if (d != NULL)
		doc_free(d);
	tmpl_free(t);
	return rc;
}

/* The quarter's document: template, capaian, the builder; the QR text
 * and the scanned signature set into its signature block. */
static int
report_doc(rencana *r, int tw, const predikat_tabel *pt, const char *tname,
	   const report_extra *x, const report_hooks *h, tmpl **tp, doc **dp,
	   lk_err *e)
{
	const char **warn = NULL;
	tmpl *t = NULL;
	kinerja kw[TW_MAX];
	int rc;

	*dp = NULL;
	stage(h, _("Loading the template..."));
	if (x != NULL && x->tmpl_yaml != NULL)
		rc = tmpl_load_buffer(x->tmpl_label != NULL ? x->tmpl_label :
				      "template", x->tmpl_yaml,
				      strlen(x->tmpl_yaml), &t, e);
	else
		rc = tmpl_load(tname != NULL ? tname : "laporan", &t, e);
	if (rc != 0)
		return rc;
	*tp = t;
	/* One table for the capaian and for what BAB I says of the bands:
	 * the agency's, else the installed one (the caller's, read once;
	 * read here only for a caller that has none) */
	if (pt == NULL && r->instansi.predikat.n == 0 &&
	    (rc = tmpl_load_predikat(t, e)) != 0)
		return rc;
	t->predikat = *predikat_pilih(&r->instansi.predikat, pt != NULL ? pt :
				      &t->predikat);
	stage(h, _("Computing the capaian..."));
	/* Every quarter up to tw, for the lampiran's charts of the
	 * quarters; the last is the report's. */
	rc = tw < 1 || tw > TW_MAX ? lk_fail(e, EX_USAGE,
	    _("quarter %d is not 1 to 4"), tw) : 0;
	for (int q = 1; rc == 0 && q <= tw; q++)
		rc = kinerja_hitung(r, q, &t->predikat, &kw[q - 1], e);
	if (rc == 0) {
		stage(h, _("Building the report..."));
		rc = build_laporan(r, &kw[tw - 1], kw, t,
				   x != NULL ? x->versi : 0, dp, &warn, e);
	}
	if (rc == 0)
		sign_block(*dp, x);
	for (; rc == 0 && warn != NULL && *warn != NULL && h != NULL && h->warn != NULL; warn++)
		h->warn(h->arg, *warn);
	return rc;
}

int
report_render(rencana *r, int tw, const predikat_tabel *pt, const char *tname,
	      const report_extra *x, const report_hooks *h, const char *out,
	      layout_result *res, lk_err *e)
{
	tmpl *t = NULL;
	doc *d = NULL;
	int rc;

	rc = report_doc(r, tw, pt, tname, x, h, &t, &d, e);
	return finish_pdf(rc, d, t, NULL, h, out, res, e);
}

int
report_render_html(rencana *r, int tw, const predikat_tabel *pt,
		   const char *tname, const report_extra *x,
		   const report_hooks *h, FILE *out, const char *out_name,
		   lk_err *e)
{
	tmpl *t = NULL;
	doc *d = NULL;
	int rc;

	rc = report_doc(r, tw, pt, tname, x, h, &t, &d, e);
	if (rc == 0)
		rc = html_write(d, out, out_name, e);
	if (d != NULL)
		doc_free(d);
	tmpl_free(t);
	return rc;
}

int
report_render_pk(rencana *r, const char *tname, const report_extra *x,
		 const report_hooks *h, const char *out, layout_result *res,
		 lk_err *e)
{
	const char **warn = NULL;
	tmpl *t = NULL;
	doc *d = NULL;
	int rc;

	stage(h, _("Loading the template..."));
	if (x != NULL && x->tmpl_yaml != NULL)
		rc = tmpl_load_buffer(x->tmpl_label != NULL ? x->tmpl_label :
				      "template", x->tmpl_yaml,
				      strlen(x->tmpl_yaml), &t, e);
	else
		rc = tmpl_load(tname != NULL ? tname : "perjanjian", &t, e);
	if (rc != 0)
		return rc;
	stage(h, _("Building the report..."));
	rc = build_perjanjian(r, t, &d, &warn, e);
	if (rc == 0)
		sign_block(d, x);
	return finish_pdf(rc, d, t, warn, h, out, res, e);
}

int
report_render_lkjip(const rencana *r, const tahunan_hasil *th,
		    const predikat_tabel *pt, const char *tname,
		    const report_extra *x, const report_hooks *h,
		    const char *out, layout_result *res, lk_err *e)
{
	const char **warn = NULL;
	tmpl *t = NULL;
	doc *d = NULL;
	int rc;

	stage(h, _("Loading the template..."));
	if ((rc = tmpl_load(tname != NULL ? tname : "lkjip", &t, e)) != 0)
		return rc;
	stage(h, _("Building the report..."));
	rc = build_lkjip(r, th, pt, t, &d, &warn, e);
	if (rc == 0)
		sign_block(d, x);
	return finish_pdf(rc, d, t, warn, h, out, res, e);
}

int
report_render_rekap(const rekap_baris *b, size_t n, int tahun, int tw,
		    const char *out, layout_result *res, lk_err *e)
{
	tmpl *t = NULL;
	doc *d = NULL;
	int rc;

	if ((rc = tmpl_load("laporan", &t, e)) != 0)
		return rc;
	rc = build_rekap(b, n, tahun, tw, t, &d, e);
	return finish_pdf(rc, d, t, NULL, NULL, out, res, e);
}
