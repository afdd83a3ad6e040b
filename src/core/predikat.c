/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "predikat.h"
#include "i18n.h"

#include <sysexits.h>

/* The five bands of the national guidance (hundredths of a percent). */
static const predikat_band default_band[] = {
	{ "Sangat Tinggi", true, 9100, "baik" },
	{ "Tinggi", true, 7600, "baik" },
	{ "Sedang", true, 6600, "cukup" },
	{ "Rendah", true, 5100, "kurang" },
	{ "Sangat Rendah", false, 0, "kurang" },
};

static const predikat_tabel default_tabel = {
	default_band, sizeof default_band / sizeof default_band[0]
};

const predikat_tabel *
predikat_default(void)
{
	return &default_tabel;
}

static int
fail(const char **why, const char *msg)
{
	if (why != NULL)
		*why = msg;
	return EX_DATAERR;
}

int
predikat_periksa(const predikat_tabel *t, const char **why)
{
	if (t == NULL || t->band == NULL || t->n == 0)
		return fail(why, N_("the predikat table has no bands"));
	for (size_t i = 0; i < t->n; i++) {
		const predikat_band *b = &t->band[i];
		bool last = i + 1 == t->n;

		if (b->nama == NULL || b->nama[0] == '\0')
			return fail(why, N_("a predikat band has no name"));
		if (!last && !b->ada_min)
			return fail(why, N_("only the last predikat band may "
			    "have no lower bound"));
		if (last && b->ada_min)
			return fail(why, N_("the last predikat band must have "
			    "no lower bound"));
		if (i > 0 && !last && b->min >= t->band[i - 1].min)
			return fail(why, N_("lower bounds of predikat bands "
			    "must decrease strictly from the first band"));
	}
	return 0;
}

const predikat_band *
predikat_cari(const predikat_tabel *t, const capaian *c)
{
	if (t == NULL || c == NULL || c->status != CAPAIAN_ADA)
		return NULL;
	for (size_t i = 0; i < t->n; i++)
		if (!t->band[i].ada_min || c->persen >= t->band[i].min)
			return &t->band[i];
	return NULL;
}

const predikat_tabel *
predikat_pilih(const predikat_tabel *own, const predikat_tabel *installed)
{
	if (own != NULL && own->n > 0)
		return own;
	return installed != NULL ? installed : predikat_default();
}
