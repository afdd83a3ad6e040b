/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* model.h - one agency's plan for one year and its quarterly reports.
 *
 * Owns: the in-memory shape of the exchange format (spec/exchange-format.md),
 * shared by io (YAML import/export), store (load/save) and report.  All
 * memory belongs to the rencana's arena: free it with rencana_free().
 * Quarter-indexed arrays use index 1..4 (index 0 unused).  Lists keep the
 * report order.  Strings are UTF-8; optional strings are NULL when absent.
 */
#ifndef LK_MODEL_H
#define LK_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "capaian.h"
#include "predikat.h"

#define TW_MAX 4

typedef struct pejabat {
	char *nama;
	char *jabatan;     /* as printed above the name: "Kepala Badan" */
	char *pangkat;     /* "Pembina Utama Madya (IV/d)" */
	char *nip;         /* 18 digits, no spaces */
} pejabat;

typedef struct bidang {
	char *kode;
	char *nama;
	bool ada_kepala;
	pejabat kepala;
} bidang;

typedef struct instansi {
	char *kode;        /* [a-z0-9-]+ */
	char *nama;
	char *pemerintah;
	char *kota;
	char *logo;        /* path or NULL */
	pejabat kepala;
	bidang *bidang;
	size_t n_bidang;
	/* The agency's own predikat bands (exchange key instansi.predikat);
	 * n == 0: the installed bands apply.  In the model's arena. */
	predikat_tabel predikat;
} instansi;

typedef struct iku {
	char *kode;
	char *uraian;
	char *satuan;
	enum polaritas polaritas;
	int64_t target;                 /* annual, nilai (x10^4) */
	bool ada_target_tw[TW_MAX + 1];
	int64_t target_tw[TW_MAX + 1];  /* cumulative to the quarter */
	bool ada_realisasi[TW_MAX + 1];
	int64_t realisasi[TW_MAX + 1];  /* cumulative to the quarter */
} iku;

typedef struct tabel {
	char *judul;
	char **kolom;
	size_t n_kolom;
	char ***baris;     /* baris[i] has n_sel[i] cells */
	size_t *n_sel;
	size_t n_baris;
	char *catatan;     /* or NULL */
} tabel;

typedef struct sasaran {
	char *kode;
	char *uraian;
	char *bidang;      /* kode of a bidang, or NULL */
	iku *iku;
	size_t n_iku;
	char *narasi[TW_MAX + 1];       /* NULL when none */
	tabel *tabel[TW_MAX + 1];
	size_t n_tabel[TW_MAX + 1];
} sasaran;

typedef struct program {
	char *kode;
	char *uraian;
	int64_t anggaran;               /* sen */
	bool ada_target_tw[TW_MAX + 1];
	int64_t target_tw[TW_MAX + 1];  /* sen, cumulative */
	char **sasaran;                 /* kodes */
	size_t n_sasaran;
	bool ada_realisasi[TW_MAX + 1];
	int64_t realisasi[TW_MAX + 1];  /* sen, cumulative */
} program;

typedef struct teks_ganti {
	char *nama;        /* name of a template text */
	char *teks;
} teks_ganti;

typedef struct triwulan {
	bool ada;                       /* the quarter is reported */
	int tahun, bulan, hari;         /* tanggal */
	char **permasalahan;
	size_t n_permasalahan;
	char **tindak_lanjut;
	size_t n_tindak_lanjut;
	char *kesimpulan;               /* or NULL */
	teks_ganti *teks;
	size_t n_teks;
} triwulan;

typedef struct rencana {
	arena mem;
	instansi instansi;
	int tahun;
	sasaran *sasaran;
	size_t n_sasaran;
	program *program;
	size_t n_program;
	triwulan tw[TW_MAX + 1];
} rencana;

/* A zeroed rencana with an empty arena (out of memory is fatal); free it,
 * its arena and all it points to with rencana_free (NULL is allowed). */
rencana *rencana_new(void);
void rencana_free(rencana *r);

/* Target that quarter n compares with: target_tw[n] where given, else the
 * annual target (or, for a program, the anggaran).  A quarter outside
 * 1..4 gives the annual target. */
int64_t iku_target_untuk(const iku *k, int tw);
int64_t program_target_untuk(const program *p, int tw);

/* Check a calendar date (proleptic Gregorian). */
bool tanggal_sah(int y, int m, int d);

#endif
