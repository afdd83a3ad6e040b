/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* tahunan.h - the figures of the whole year, computed from a rencana.
 *
 * Owns: the annual figures of spec/exchange-format.md ("How the year's
 * figures are computed"): per IKU the annual realisation R, capaian
 * against the annual and the medium-term (Renstra) target, kategori or
 * predikat, earlier years and the change from last year; per sasaran the
 * mean capaian, the absorption of its programs and the efficiency; per
 * program the absorption, with the JUMLAH row.  Each figure is computed
 * from the printed (rounded) figures it is built on; percentages are in
 * hundredths, rounded half away from zero.  The earlier years held by the
 * database come in as a list (the store reads them; core reads nothing).
 * Memory belongs to the rencana's arena.
 */
#ifndef LK_TAHUNAN_H
#define LK_TAHUNAN_H

#include "capaian.h"
#include "err.h"
#include "model.h"
#include "predikat.h"

/* One realisation of an IKU in another year of the agency, as the
 * database holds it: that year's annual realisation R. */
typedef struct tahunan_lalu {
	int tahun;
	const char *iku;             /* kode */
	int64_t nilai;               /* x10^4 */
} tahunan_lalu;

/* An earlier year's realisation as printed. */
typedef struct tahunan_riwayat {
	int tahun;
	bool ada;
	bool dari_database;          /* false: from iku.riwayat */
	int64_t nilai;
} tahunan_riwayat;

typedef struct tahunan_iku {
	size_t no;                   /* 1-based number of the sasaran */
	const sasaran *sasaran;
	const iku *iku;
	int64_t target;              /* annual */
	bool ada_realisasi;          /* R known */
	bool realisasi_tw4;          /* R came from triwulan.4 */
	int64_t realisasi;
	capaian capaian;
	bool ada_target_renstra;
	int64_t target_renstra;      /* target_renstra[renstra.akhir] */
	capaian capaian_renstra;
	const kategori_band *kategori;  /* IKU with kategori and R; else NULL */
	const predikat_band *predikat;  /* IKU without kategori, capaian known */
	tahunan_riwayat *riwayat;    /* renstra.awal .. tahun - 1 */
	size_t n_riwayat;
	bool ada_lalu;               /* last year's realisation known */
	int64_t realisasi_lalu;
	bool ada_perubahan;          /* R - realisasi_lalu */
	int64_t perubahan;
} tahunan_iku;

typedef struct tahunan_sasaran {
	size_t no;
	const sasaran *sasaran;
	capaian capaian;             /* mean of its IKU's printed capaian */
	size_t n_program;            /* programs that support it */
	capaian serapan;             /* their sum realisasi / sum anggaran */
	capaian efisiensi;           /* capaian / serapan x 100 */
} tahunan_sasaran;

typedef struct tahunan_program {
	size_t no;
	const program *program;
	bool ada_realisasi;
	bool realisasi_tw4;
	int64_t realisasi;
	capaian serapan;             /* realisasi / anggaran */
} tahunan_program;

typedef struct tahunan_hasil {
	tahunan_iku *iku;
	size_t n_iku;
	tahunan_sasaran *sasaran;
	size_t n_sasaran;
	tahunan_program *program;
	size_t n_program;
	/* JUMLAH: sum of every anggaran, of the known realisations. */
	int64_t jumlah_anggaran, jumlah_realisasi;
	bool jumlah_ada_realisasi;
	capaian jumlah_serapan;
} tahunan_hasil;

/* Compute the year of r.  lalu[0..n_lalu) are the database's other years
 * of the same agency (any order; years outside the Renstra period and the
 * plan year itself are ignored); they win over iku.riwayat.  Bands: the
 * agency's own (r->instansi.predikat), else pt (NULL: the default).
 * Returns 0 or EX_DATAERR when a figure overflows (e says which); *out
 * is untouched on error. */
int tahunan_hitung(rencana *r, const tahunan_lalu *lalu, size_t n_lalu,
		   const predikat_tabel *pt, tahunan_hasil *out, lk_err *e);

/* The annual realisation R of an IKU / a program: tahunan.realisasi_*,
 * else triwulan 4's, else none (false). */
bool tahunan_realisasi_iku(const iku *k, int64_t *out, bool *dari_tw4);
bool tahunan_realisasi_program(const program *p, int64_t *out,
			       bool *dari_tw4);

/* The first kategori band from the top whose condition holds for nilai
 * (lebih_dari: nilai > batas; minimal: nilai >= batas; the last band
 * takes the rest).  NULL when the IKU has no bands. */
const kategori_band *kategori_cari(const iku *k, int64_t nilai);

/* Mean of n percentages (hundredths), rounded half away from zero;
 * n > 0.  EX_DATAERR when the sum overflows. */
int tahunan_rata(const int64_t *v, size_t n, int64_t *out);

/* Efficiency: capaian / serapan x 100 in hundredths, rounded half away
 * from zero; KOSONG when either has no value or serapan is 0. */
int tahunan_efisiensi(const capaian *c, const capaian *serapan,
		      capaian *out);

#endif
