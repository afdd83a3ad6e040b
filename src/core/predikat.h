/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* predikat.h - bands that name a capaian (Sangat Tinggi ... Sangat Rendah).
 *
 * Owns: a table of bands ordered from the highest lower bound down.  A
 * capaian belongs to the first band whose lower bound it reaches; the last
 * band has no lower bound.  The default table is the five bands of the
 * national guidance; an agency with another scale loads a file instead
 * (io/predikat_load.c).
 */
#ifndef LK_PREDIKAT_H
#define LK_PREDIKAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "capaian.h"

typedef struct predikat_band {
	const char *nama;        /* "Sangat Tinggi" */
	bool ada_min;            /* false only for the last band */
	int64_t min;             /* lower bound, hundredths of a percent */
	const char *warna;       /* colour role name or NULL: "baik", "cukup", "kurang" */
} predikat_band;

typedef struct predikat_tabel {
	const predikat_band *band;
	size_t n;
} predikat_tabel;

const predikat_tabel *predikat_default(void);

/* The bands in force for an agency: its own (n > 0), else installed
 * (else the default). */
const predikat_tabel *predikat_pilih(const predikat_tabel *own,
				     const predikat_tabel *installed);

/* Checks order and shape: at least one band, names non-empty, a lower
 * bound on every band but the last, none on the last, bounds strictly
 * decreasing.  Returns 0 or EX_DATAERR with *why set (static, N_). */
int predikat_periksa(const predikat_tabel *t, const char **why);

/* Band of a capaian: the first whose min <= persen (the rounded
 * hundredths), else the last.  NULL when the capaian has no value
 * (status other than CAPAIAN_ADA), or for a table that fails
 * predikat_periksa and has no band that fits. */
const predikat_band *predikat_cari(const predikat_tabel *t, const capaian *c);

#endif
