/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* kinerja.h - the figures of one quarter, computed from a rencana.
 *
 * Owns: the rows of the capaian table (one per IKU, or one per sasaran that
 * has no IKU) and of the budget table with its JUMLAH row.  Every figure a
 * screen, a CSV or the PDF prints comes from here.  Memory belongs to the
 * rencana's arena.
 */
#ifndef LK_KINERJA_H
#define LK_KINERJA_H

#include "capaian.h"
#include "err.h"
#include "model.h"
#include "predikat.h"

typedef struct kinerja_iku {
	size_t no;                      /* 1-based number of the sasaran */
	const sasaran *sasaran;
	const iku *iku;                 /* NULL for a sasaran without IKU */
	int64_t target;                 /* the quarter's target */
	bool target_triwulan;           /* target came from target_tw */
	/* The target is blank, to be filled (iku.target_kosong and no
	 * quarterly target): no capaian (KOSONG), printed empty. */
	bool target_kosong;
	bool ada_realisasi;
	int64_t realisasi;
	capaian capaian;
	const predikat_band *predikat;  /* NULL when capaian has no value */
	/* An index IKU's band of the realisation (iku.kategori), printed
	 * instead of the predikat; NULL without bands or realisation. */
	const kategori_band *kategori;
} kinerja_iku;

typedef struct kinerja_program {
	size_t no;                      /* 1..n */
	const program *program;
	int64_t target;
	bool target_triwulan;
	bool target_kosong;             /* as kinerja_iku's (anggaran_kosong) */
	bool ada_realisasi;
	int64_t realisasi;
	capaian capaian;
} kinerja_program;

typedef struct kinerja {
	int tw;
	kinerja_iku *iku;
	size_t n_iku;
	kinerja_program *program;
	size_t n_program;
	/* JUMLAH row: sums of anggaran, targets and known realisations;
	 * capaian = sum realisasi / sum target (empty when no realisation). */
	int64_t jumlah_anggaran, jumlah_target, jumlah_realisasi;
	bool jumlah_ada_realisasi;
	capaian jumlah_capaian;
} kinerja;

/* Compute quarter tw (1..4) of r with the agency's own bands
 * (r->instansi.predikat) where it has them, else those of pt (NULL: the
 * default table).  Rows are allocated in r->mem and point into r.  Programs:
 * capaian is budget absorption (positive polarity); the JUMLAH target sums
 * every program's target, the JUMLAH realisasi only the known ones.
 * Returns 0, EX_USAGE when tw is outside 1..4, or EX_DATAERR when a sum or
 * a capaian overflows; on error e says why and *out is untouched. */
int kinerja_hitung(rencana *r, int tw, const predikat_tabel *pt,
		   kinerja *out, lk_err *e);

/* Roman numeral of a quarter: "I".."IV"; "?" outside 1..4. */
const char *tw_romawi(int tw);

#endif
