/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "capaian.h"
#include "dec.h"

#include <stddef.h>
#include <string.h>
#include <sysexits.h>

/* Hundredths of a percent per unit of the ratio realisasi / target. */
#define PERSEN_SCALE 10000

int
capaian_hitung(int64_t target, bool ada_realisasi, int64_t realisasi,
	       enum polaritas p, capaian *out)
{
	dec_wide num;
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
	/* 2 target - realisasi needs 65 bits, so the negative polarity takes
	 * (2 x 10^4) target - 10^4 realisasi: |num| < 2^79. */
	if (p == POLARITAS_NEGATIF)
		num = dec_wide_sub(dec_wide_mul(target, 2 * PERSEN_SCALE),
		    dec_wide_mul(realisasi, PERSEN_SCALE));
	else
		num = dec_wide_mul(realisasi, PERSEN_SCALE);
	if (dec_wide_div_round(num, target, &v) != 0)
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
