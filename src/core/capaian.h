/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* capaian.h - achievement of a target (spec/exchange-format.md).
 *
 * Owns: the capaian formula for positive and negative polarity and for
 * budget absorption.  Inputs are fixed-point values of the same scale
 * (both nilai, or both uang); the result is in hundredths of a percent,
 * rounded half away from zero.
 */
#ifndef LK_CAPAIAN_H
#define LK_CAPAIAN_H

#include <stdbool.h>
#include <stdint.h>

enum polaritas {
	POLARITAS_POSITIF = 0,   /* higher is better */
	POLARITAS_NEGATIF = 1,   /* lower is better */
};

enum capaian_status {
	CAPAIAN_KOSONG = 0,      /* realisation unknown: printed empty */
	CAPAIAN_TAK_TERDEFINISI, /* target 0: printed "-" */
	CAPAIAN_ADA,             /* persen holds the value */
};

typedef struct capaian {
	enum capaian_status status;
	int64_t persen;          /* hundredths of a percent: 10102 = 101,02% */
} capaian;

/* positive: realisasi / target x 100
 * negative: (target - (realisasi - target)) / target x 100
 * No realisation gives CAPAIAN_KOSONG, even when target is 0; otherwise
 * target 0 gives CAPAIAN_TAK_TERDEFINISI (persen is 0 in both).  No cap:
 * the result may exceed 100% or be negative.  A negative target (not
 * possible from valid input) goes through the same formula.  The
 * intermediate is 128-bit (dec_wide), so every int64 input is safe.
 * Returns 0, or EX_DATAERR when the result does not fit (out untouched). */
int capaian_hitung(int64_t target, bool ada_realisasi, int64_t realisasi,
		   enum polaritas p, capaian *out);

/* "positif" / "negatif" <-> enum (exact, lowercase); parse returns -1 when
 * unknown or NULL, nama returns NULL for a value outside the enum. */
const char *polaritas_nama(enum polaritas p);
int polaritas_parse(const char *s);

#endif
