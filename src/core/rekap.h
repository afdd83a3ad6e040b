/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* rekap.h - the province view: one row per agency for one quarter.
 *
 * Owns: the figures of a rekap row taken from an agency's kinerja (the
 * same rows `lakip show` prints), the rule that names the quarter's
 * state from its review data, the totals row, and the names of the
 * states.  Pure: the service layer (svc/rekap.h) reads the database and
 * fills the rows; the command line, the terminal application and the
 * report builder print them.
 *
 * The figures, exactly:
 *   iku          the rows of the capaian table that are an IKU (a
 *                sasaran without IKU has a row in show but is no IKU);
 *   iku_terisi   those of them with a realisation in the quarter;
 *   capaian      the mean of the capaian show prints (hundredths, so
 *                the printed two decimals) over the IKU whose capaian
 *                has a value: an IKU without realisation (printed empty)
 *                or with target 0 (printed "-") does not count; exact
 *                integer arithmetic, rounded half away from zero to two
 *                decimals; none when no IKU has a capaian;
 *   serapan      the capaian of the budget table's JUMLAH row (sum of
 *                the known realisations over the sum of the targets).
 *
 * The state, the first rule that holds (rekap_status_hitung):
 *   1. the quarter is locked                  -> ditandatangani (its
 *      latest signed version);
 *   2. no plan for the year, or the quarter
 *      has no report yet (no row)             -> kosong;
 *   3. any entry returned                     -> dikembalikan (the
 *      operator must act before anything else);
 *   4. any entry draft, or the plan has no IKU: with no realisation at
 *      all (IKU or program) and every entry draft -> kosong, else
 *                                             -> draf;
 *   5. any entry submitted                    -> diajukan;
 *   6. every entry approved                   -> disetujui (ready to be
 *      signed).
 * So a quarter is as far as its least advanced entry, a returned entry
 * showing first.
 */
#ifndef LK_REKAP_H
#define LK_REKAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "capaian.h"
#include "kinerja.h"
#include "peran.h"

#define REKAP_STATUS_LIST(X) \
	X(KOSONG, "kosong", N_("empty")) \
	X(DRAF, "draf", N_("draft")) \
	X(DIAJUKAN, "diajukan", N_("submitted")) \
	X(DIKEMBALIKAN, "dikembalikan", N_("returned")) \
	X(DISETUJUI, "disetujui", N_("approved")) \
	X(DITANDATANGANI, "ditandatangani", N_("signed"))

enum rekap_status {
#define REKAP_X(id, nama, label) REKAP_##id,
	REKAP_STATUS_LIST(REKAP_X)
#undef REKAP_X
	REKAP_N
};

/* What the review data say of a quarter (store_quarter_load). */
typedef struct rekap_keadaan {
	bool ada_rencana;        /* the agency has a plan for the year */
	bool ada_triwulan;       /* the quarter has a report (a row) */
	bool ada_realisasi;      /* any IKU or program realisation */
	size_t n_entri;          /* IKU entries */
	unsigned count[ENTRI_N]; /* entries per state */
	bool locked;
	int version;             /* latest signed version, 0 when none */
} rekap_keadaan;

/* The state by the rules above. */
enum rekap_status rekap_status_hitung(const rekap_keadaan *q);

/* One agency's row.  The strings belong to whoever filled the row. */
typedef struct rekap_baris {
	char *kode, *nama;
	char *pemerintah;        /* the plan's, NULL without a plan */
	bool ada_rencana;        /* false: no figures (printed empty) */
	size_t iku_terisi, iku;
	bool ada_capaian;        /* some IKU has a capaian */
	int64_t capaian;         /* the mean, hundredths of a percent */
	size_t n_capaian;        /* IKU whose capaian counted */
	capaian serapan;         /* the JUMLAH row's capaian */
	int64_t jumlah_target;   /* the JUMLAH row's target and known */
	int64_t jumlah_realisasi;/* realisation (sen), for the totals */
	bool jumlah_ada_realisasi;
	enum rekap_status status;
	int versi;               /* latest signed version (0: none) */
	unsigned count[ENTRI_N]; /* entries per state */
} rekap_baris;

/* The figures of b from quarter k (kinerja_hitung) of the agency's plan:
 * iku, iku_terisi, the mean capaian, serapan, the JUMLAH sums; sets
 * ada_rencana.  0, or EX_DATAERR when a sum overflows. */
int rekap_isi(rekap_baris *b, const kinerja *k);

/* The totals of n rows: the IKU counts summed; capaian the mean of the
 * rows' means (over the rows that have one, rounded as above); serapan
 * the sum of every agency's known realisations over the sum of their
 * targets (so an agency weighs by its budget); count the states' rows
 * (count[rekap_status], in cnt).  0, or EX_DATAERR on overflow. */
typedef struct rekap_total {
	size_t n, iku_terisi, iku;
	bool ada_capaian;
	int64_t capaian;
	size_t n_capaian;
	capaian serapan;
	unsigned status[REKAP_N];
} rekap_total;
int rekap_jumlah(const rekap_baris *b, size_t n, rekap_total *t);

/* round(sum of v[0..n) / n), half away from zero; EX_DATAERR on
 * overflow or n == 0. */
int rekap_rata(const int64_t *v, size_t n, int64_t *out);

/* "kosong", "draf", ... as printed in CSV and on paper (Indonesian
 * always); "?" outside the enum. */
const char *rekap_status_nama(enum rekap_status st);
/* Translated, for screens: "empty" ... ("kosong" in Indonesian). */
const char *rekap_status_label(enum rekap_status st);
/* The state with its version where signed: "ditandatangani (versi 2)";
 * label: translated (screens), else Indonesian (CSV, paper).  Into buf
 * (n bytes); returns buf. */
const char *rekap_status_teks(const rekap_baris *b, bool label, char *buf,
			      size_t n);

#endif
