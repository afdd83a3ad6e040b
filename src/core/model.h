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
	char *zona_waktu;  /* "Asia/Jakarta", ... or NULL (WIB) */
	char *verifikasi;  /* http(s) URL of the verification page, or NULL */
	char *tsa;         /* http(s) URL of the timestamp authority a
	                    * signature asks when not told one, or NULL */
} instansi;

/* A value of a year (Renstra targets, earlier realisations). */
typedef struct tahun_nilai {
	int tahun;
	int64_t nilai;                  /* x10^4 */
} tahun_nilai;

/* How a kategori band holds a value: > batas, >= batas, or the rest. */
enum kategori_syarat {
	KATEGORI_SISA = 0,              /* the last band: no condition */
	KATEGORI_LEBIH_DARI,            /* value > batas */
	KATEGORI_MINIMAL,               /* value >= batas */
};

typedef struct kategori_band {
	char *label;
	enum kategori_syarat syarat;
	int64_t batas;                  /* x10^4 */
} kategori_band;

typedef struct iku {
	char *kode;
	char *uraian;
	char *satuan;
	enum polaritas polaritas;
	int64_t target;                 /* annual, nilai (x10^4) */
	/* Blank, to be filled (target is 0 then): a year copied from the
	 * one before where the Renstra gives no target; no capaian until
	 * it is typed, and nothing with it is submitted or signed. */
	bool target_kosong;
	bool ada_target_tw[TW_MAX + 1];
	int64_t target_tw[TW_MAX + 1];  /* cumulative to the quarter */
	bool ada_realisasi[TW_MAX + 1];
	int64_t realisasi[TW_MAX + 1];  /* cumulative to the quarter */
	/* The whole year (spec: "Additions for the whole year"). */
	bool ada_baseline;
	int baseline_tahun;
	int64_t baseline_nilai;
	tahun_nilai *target_renstra;    /* ascending years */
	size_t n_target_renstra;
	tahun_nilai *riwayat;           /* ascending years */
	size_t n_riwayat;
	kategori_band *kategori;        /* from the highest band down */
	size_t n_kategori;
	bool ada_standar_nasional;
	int64_t standar_nasional;
	char *keterangan[TW_MAX + 1];   /* note on the quarter's realisation */
	bool ada_realisasi_tahunan;     /* tahunan.realisasi_iku */
	int64_t realisasi_tahunan;
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
	char *narasi_tahunan;           /* tahunan.narasi, or NULL */
	tabel *tabel_tahunan;           /* tahunan.tabel */
	size_t n_tabel_tahunan;
} sasaran;

typedef struct program {
	char *kode;
	char *uraian;
	int64_t anggaran;               /* sen */
	bool anggaran_kosong;           /* blank, to be filled (as target_kosong) */
	bool ada_target_tw[TW_MAX + 1];
	int64_t target_tw[TW_MAX + 1];  /* sen, cumulative */
	char **sasaran;                 /* kodes */
	size_t n_sasaran;
	bool ada_realisasi[TW_MAX + 1];
	int64_t realisasi[TW_MAX + 1];  /* sen, cumulative */
	bool ada_realisasi_tahunan;     /* tahunan.realisasi_program */
	int64_t realisasi_tahunan;      /* sen */
} program;

typedef struct teks_ganti {
	char *nama;        /* name of a template text */
	char *teks;
} teks_ganti;

typedef struct triwulan {
	bool ada;                       /* the quarter is reported */
	int tahun, bulan, hari;         /* tanggal; 0-0-0: not set yet */
	char **permasalahan;
	size_t n_permasalahan;
	char **tindak_lanjut;
	size_t n_tindak_lanjut;
	char *kesimpulan;               /* or NULL */
	teks_ganti *teks;
	size_t n_teks;
} triwulan;

/* The five-year plan the year belongs to (awal <= tahun <= akhir). */
typedef struct renstra {
	bool ada;
	int awal, akhir;
	char *nama;                     /* or NULL */
} renstra;

/* The annual report (LKjIP) of the year. */
typedef struct tahunan {
	bool ada;
	int tahun, bulan, hari;         /* tanggal */
	char *ringkasan;                /* texts, or NULL */
	char *gambaran_umum;
	char **isu_strategis;
	size_t n_isu_strategis;
	char **permasalahan;
	size_t n_permasalahan;
	char **tindak_lanjut;
	size_t n_tindak_lanjut;
	char *kesimpulan;
	teks_ganti *teks;
	size_t n_teks;
} tahunan;

/* The performance agreement (PK) of the year. */
typedef struct perjanjian {
	bool ada;
	int tahun, bulan, hari;         /* tanggal */
	pejabat pihak_kedua;            /* pangkat, nip may be NULL */
	teks_ganti *teks;
	size_t n_teks;
} perjanjian;

typedef struct rencana {
	arena mem;
	instansi instansi;
	int tahun;
	sasaran *sasaran;
	size_t n_sasaran;
	program *program;
	size_t n_program;
	triwulan tw[TW_MAX + 1];
	renstra renstra;
	tahunan tahunan;
	perjanjian perjanjian;
} rencana;

/* A zeroed rencana with an empty arena (out of memory is fatal); free it,
 * its arena and all it points to with rencana_free (NULL is allowed). */
rencana *rencana_new(void);
void rencana_free(rencana *r);

/* The IKU whose target and the programs whose budget are blank, to be
 * filled (target_kosong, anggaran_kosong): their kodes, ", " separated,
 * into buf (cut with "..." when it does not fit); returns how many. */
size_t rencana_kosong(const rencana *r, char *buf, size_t n);

/* Target that quarter n compares with: target_tw[n] where given, else the
 * annual target (or, for a program, the anggaran).  A quarter outside
 * 1..4 gives the annual target. */
int64_t iku_target_untuk(const iku *k, int tw);
int64_t program_target_untuk(const program *p, int tw);

/* Check a calendar date (proleptic Gregorian). */
bool tanggal_sah(int y, int m, int d);
/* A quarter's report date is the user's decision: 0-0-0 until he sets
 * it (never today by default).  triwulan_bertanggal: set and valid;
 * triwulan_tanggal_iso: "YYYY-MM-DD" in buf, or NULL when not set. */
bool triwulan_bertanggal(const triwulan *t);
const char *triwulan_tanggal_iso(const triwulan *t, char buf[16]);

#endif
