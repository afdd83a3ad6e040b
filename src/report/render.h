/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* render.h - the quarterly LAKIP from data to a PDF file, in one call.
 *
 * Owns: the one sequence that makes a report (template, capaian, the
 * document, the layout), used by `lakip report`, `lakip finalise` and the
 * terminal application, so that they print the same thing.
 */
#ifndef LK_RENDER_H
#define LK_RENDER_H

#include <stdio.h>

#include "core/err.h"
#include "core/model.h"
#include "core/predikat.h"
#include "core/rekap.h"
#include "core/tahunan.h"
#include "report/layout.h"

typedef struct report_extra {
	const char *qr_text;      /* QR code beside the signature, or NULL */
	const char *ttd;          /* scanned signature (PNG), or NULL */
	/* The agency's own template, as stored in the database (NULL: tname
	 * is loaded); named tmpl_label in messages. */
	const char *tmpl_yaml;
	const char *tmpl_label;
	int versi;                /* the signed version being made, or 0 */
} report_extra;

typedef struct report_hooks {
	/* Each stage as it begins (translated text), or NULL. */
	void (*progress)(void *arg, const char *stage);
	/* Each thing the report prints as empty or missing, or NULL. */
	void (*warn)(void *arg, const char *msg);
	void *arg;
} report_hooks;

/* Render quarter tw of r with template tname (a name or a file; NULL:
 * "laporan") and predikat bands pt into out.  x and h may be NULL. */
int report_render(rencana *r, int tw, const predikat_tabel *pt,
		  const char *tname, const report_extra *x,
		  const report_hooks *h, const char *out, layout_result *res,
		  lk_err *e);

/* The same document as report_render makes, as one self-contained HTML
 * page (report/html.h) written to out (named out_name in messages). */
int report_render_html(rencana *r, int tw, const predikat_tabel *pt,
		       const char *tname, const report_extra *x,
		       const report_hooks *h, FILE *out, const char *out_name,
		       lk_err *e);
/* The performance agreement (Perjanjian Kinerja) of r's year with
 * template tname (a name or a file; NULL: "perjanjian", of kind
 * perjanjian) into out.  x (its qr_text and ttd go to pihak pertama's
 * signature) and h may be NULL. */
int report_render_pk(rencana *r, const char *tname, const report_extra *x,
		     const report_hooks *h, const char *out,
		     layout_result *res, lk_err *e);

/* The annual report (LKjIP) of r's year, its figures h (core/tahunan.h,
 * computed with bands pt), with template tname (a name or a file; NULL:
 * "lkjip", of kind lkjip) into out.  x (its qr_text and ttd go to the
 * head's signature) and h may be NULL. */
int report_render_lkjip(const rencana *r, const tahunan_hasil *th,
			const predikat_tabel *pt, const char *tname,
			const report_extra *x, const report_hooks *h,
			const char *out, layout_result *res, lk_err *e);

/* The province view (n rows, core/rekap.h) as a PDF: the installed
 * "laporan" template's paper and fonts, never an agency's. */
int report_render_rekap(const rekap_baris *b, size_t n, int tahun, int tw,
			const char *out, layout_result *res, lk_err *e);

#endif
