/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "capaian.h"

#include <stddef.h>
#include <string.h>
#include <sysexits.h>

__extension__ typedef __int128 cap_i128;
__extension__ typedef unsigned __int128 cap_u128;

/* Hundredths of a percent per unit of the ratio realisasi / target. */
#define PERSEN_SCALE 10000

/* round(n / d) half away from zero into *out; EX_DATAERR when too large. */
static int
div_round(cap_i128 n, cap_i128 d, int64_t *out)
{
	cap_u128 un = n < 0 ? 0 - (cap_u128)n : (cap_u128)n;
	cap_u128 ud = d < 0 ? 0 - (cap_u128)d : (cap_u128)d;
	cap_u128 q = un / ud, r = un % ud;
	int neg = (n < 0) != (d < 0);

	if (r >= ud - r)
		q++;
	if (q == 0)
		neg = 0;
	if (q > (neg ? (cap_u128)INT64_MAX + 1 : (cap_u128)INT64_MAX))
		return EX_DATAERR;
	*out = neg ? -(int64_t)(q - 1) - 1 : (int64_t)q;
	return 0;
}

int
capaian_hitung(int64_t target, bool ada_realisasi, int64_t realisasi,
	       enum polaritas p, capaian *out)
{
	cap_i128 num;
	int64_t v;

	if (!ada_realisasi) {
		out->status = CAPAIAN_KOSONG;
		out->persen = 0;
		return 0;
	}
	if (target == 0) {
		out->status = CAPAIAN_TAK_TERDEFINISI;
		out->persen = 0;
		return 0;
	}
	/* |2 target - realisasi| < 2^65; times 10^4 still fits 128 bits. */
	if (p == POLARITAS_NEGATIF)
		num = (2 * (cap_i128)target - realisasi) * PERSEN_SCALE;
	else
		num = (cap_i128)realisasi * PERSEN_SCALE;
	if (div_round(num, target, &v) != 0)
		return EX_DATAERR;
	out->status = CAPAIAN_ADA;
	out->persen = v;
	return 0;
}

const char *
polaritas_nama(enum polaritas p)
{
	switch (p) {
	case POLARITAS_POSITIF:
		return "positif";
	case POLARITAS_NEGATIF:
		return "negatif";
	}
	return NULL;
}

int
polaritas_parse(const char *s)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "positif") == 0)
		return POLARITAS_POSITIF;
	if (strcmp(s, "negatif") == 0)
		return POLARITAS_NEGATIF;
	return -1;
}
