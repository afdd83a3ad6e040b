/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* predikat_load.h - predikat bands from a YAML file (templates/predikat.yaml).
 *
 * File shape:
 *   predikat:
 *     - nama: Sangat Tinggi
 *       min: 91          # capaian >= 91 (machine number, up to 2 decimals)
 *       warna: baik      # optional colour role: baik, cukup, kurang
 *     - nama: Sangat Rendah   # the last band has no min
 * Bands are listed from the highest bound down.
 *
 * Returns 0 and fills *out (bands and strings in arena a), or EX_NOINPUT /
 * EX_DATAERR with "FILE:LINE:COL: ..." (unknown keys, a bad min or warna,
 * or bands that fail predikat_periksa, at the band concerned).  nama is
 * trimmed and must not be empty; a null warna is no colour; min may be
 * negative (a negative-polarity capaian can be).
 */
#ifndef LK_PREDIKAT_LOAD_H
#define LK_PREDIKAT_LOAD_H

#include "core/arena.h"
#include "core/err.h"
#include "core/predikat.h"

/* The bands of a YAML sequence node (where: its name in messages, such as
 * "instansi.predikat"); strings copied into a. */
struct yd_doc;
struct yd_node;
int predikat_read_node(arena *a, const struct yd_doc *d,
		       const struct yd_node *l, const char *where,
		       predikat_tabel *out, lk_err *e);

int predikat_load_file(arena *a, const char *path, predikat_tabel *out,
		       lk_err *e);

/* The bands in force: templates/predikat.yaml found by datafile_find (the
 * user's copy overrides the installed one), else the built-in default. */
int predikat_load_installed(arena *a, predikat_tabel *out, lk_err *e);

#endif
