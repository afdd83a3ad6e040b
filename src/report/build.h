/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* build.h - the quarterly LAKIP as a doc: what it says, in which order.
 *
 * Owns: turning a rencana, the quarter's kinerja and a template into the
 * chapters of the report (cover, kata pengantar, daftar isi, BAB I-III,
 * lampiran), with the template's standard texts, their {placeholders}
 * filled, and the quarter's teks overrides applied.
 */
#ifndef LK_BUILD_H
#define LK_BUILD_H

#include "core/err.h"
#include "core/kinerja.h"
#include "core/model.h"
#include "core/rekap.h"
#include "core/tahunan.h"
#include "report/doc.h"
#include "report/template.h"

/* What the report prints in the place of a quarter's date while the user
 * has not set it (the cover, the signature block): never today. */
#define REPORT_TANGGAL_BELUM "[tanggal belum ditetapkan]"
/* What a draft prints in the place of a target or budget that is still
 * blank (a year copied from the one before); such a plan is not signed. */
#define REPORT_BELUM_DIISI "[belum diisi]"

/* Builds the report of quarter k->tw.  kw: the kinerja of quarters
 * 1..k->tw in order (kw[q - 1] computed for quarter q, the last with the
 * figures of k), for the lampiran's charts of the quarters.  versi: the signed version being
 * made (its cover says which it replaces), or 0.  *out is a new doc
 * (free with doc_free).  Missing data is printed as empty and listed in
 * warn (a NULL-ended array in the doc's arena; may be NULL). */
int build_laporan(const rencana *r, const kinerja *k, const kinerja *kw,
		  const tmpl *t, int versi, doc **out, const char ***warn, lk_err *e);

/* The province view of quarter tw (build_rekap.c): n rows of agencies,
 * the totals, on landscape pages with t's paper and fonts.  *out is a
 * new doc (free with doc_free). */
int build_rekap(const rekap_baris *b, size_t n, int tahun, int tw,
		const tmpl *t, doc **out, lk_err *e);

/* The performance agreement (Perjanjian Kinerja) of r's year with a
 * template of kind perjanjian (build_pk.c): the naskah (the two parties,
 * the promise, place and date, both signatures) and its lampiran (the
 * IKU's targets, the programs' budgets).  The head of the agency is the
 * first signature of the doc (doc_find_signature), pihak kedua its kiri.
 * *out and warn as build_laporan's. */
int build_perjanjian(const rencana *r, const tmpl *t, doc **out,
		     const char ***warn, lk_err *e);

/* The annual report (LKjIP) of r's year with a template of kind lkjip
 * (build_lkjip.c): cover, kata pengantar with the head's signature (the
 * doc's first), ikhtisar eksekutif, daftar isi, BAB I-IV and the
 * lampiran with the agreement's table.  h is tahunan_hitung's result for
 * r, pt the bands it was computed with (the BAB III scale).  *out and
 * warn as build_laporan's. */
int build_lkjip(const rencana *r, const tahunan_hasil *h,
		const predikat_tabel *pt, const tmpl *t, doc **out,
		const char ***warn, lk_err *e);

#endif
