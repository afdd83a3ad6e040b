/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* build_lkjip_int.h - the annual report's builder state, shared by
 * build_lkjip.c (the parts) and build_lkjip_tab.c (its tables and
 * charts).
 *
 * Owns nothing itself: the figures belong to the rencana's arena
 * (core/tahunan.h), what is built to the doc's.
 */
#ifndef LK_BUILD_LKJIP_INT_H
#define LK_BUILD_LKJIP_INT_H

#include "core/tahunan.h"
#include "report/build_int.h"

#define LK_TAHUN_CACHE 64             /* years around the plan's, printed */
#define LK_NILAI_CACHE 1024           /* values with their unit, printed */

typedef struct lk_nilai_cache {
	int64_t v;
	const char *satuan;           /* the plan's */
	const char *teks;             /* the doc's */
} lk_nilai_cache;

typedef struct lkctx {
	bctx b;                       /* texts, doc, warnings */
	const tahunan_hasil *h;       /* every figure of the year */
	const predikat_tabel *pt;     /* the bands the figures used */
	size_t *first;                /* sasaran i's first row in h->iku */
	size_t sel;                   /* cells of the body row being made */
	const char *tahun_teks[LK_TAHUN_CACHE];
	const char *teks[TT_N];       /* texts without own placeholders, filled */
	lk_nilai_cache cache[LK_NILAI_CACHE];
} lkctx;

/* Rows of sasaran i in h->iku: [first[i], first[i] + n_iku). */
static inline const tahunan_iku *
lk_rows(const lkctx *L, size_t i)
{
	return L->h->iku != NULL ? L->h->iku + L->first[i] : NULL;
}

/* What the report prints as an annual row's kategori or predikat: "-"
 * for an undefined capaian without bands, "" for none. */
const char *lk_predikat(const tahunan_iku *row);

/* ---- tables and charts (build_lkjip_tab.c) ---- */

/* Every IKU: target, realisation, capaian, kategori/predikat. */
doc_table *lk_tabel_capaian(lkctx *L);
/* Per sasaran i: target and realisation; earlier years; against the
 * Renstra's medium-term target (NULL: no IKU has one); against the
 * national standard (NULL: no IKU has one). */
doc_table *lk_tabel_target(lkctx *L, size_t i);
doc_table *lk_tabel_tahun(lkctx *L, size_t i);
doc_table *lk_tabel_renstra_sasaran(lkctx *L, size_t i);
doc_table *lk_tabel_standar(lkctx *L, size_t i);
/* The years of an IKU against the Renstra targets, or NULL when fewer
 * than three years have a realisation. */
doc_trend *lk_grafik(lkctx *L, const tahunan_iku *row);
/* The Renstra in brief: each IKU's baseline and yearly targets. */
doc_table *lk_tabel_renstra(lkctx *L);
/* The agreement: each IKU's target (and quarterly targets where set,
 * with tw); the programs' budgets with the JUMLAH. */
doc_table *lk_tabel_perjanjian(lkctx *L, bool tw);
doc_table *lk_tabel_pagu(lkctx *L);
/* Per sasaran: capaian, absorption, efficiency. */
doc_table *lk_tabel_efisiensi(lkctx *L);
/* Per program: anggaran, realisation, absorption, with the JUMLAH. */
doc_table *lk_tabel_anggaran(lkctx *L);

#endif
