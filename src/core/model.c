/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "model.h"
#include "err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

rencana *
rencana_new(void)
{
	rencana *r = calloc(1, sizeof *r);

	if (r == NULL)
		lk_fatal("out of memory (%zu bytes)", sizeof *r);
	return r;
}

void
rencana_free(rencana *r)
{
	if (r == NULL)
		return;
	arena_free(&r->mem);
	free(r);
}

/* kode appended to buf (", " between), "..." once it no longer fits. */
static void
tambah_kode(char *buf, size_t n, size_t *len, const char *kode)
{
	int w;

	if (n == 0 || *len >= n - 1)
		return;
	w = snprintf(buf + *len, n - *len, "%s%s", *len ? ", " : "", kode);
	if (w < 0 || (size_t)w >= n - *len) {
		if (n >= 4)
			memcpy(buf + n - 4, "...", 4);
		*len = n - 1;
	} else {
		*len += (size_t)w;
	}
}

size_t
rencana_kosong(const rencana *r, char *buf, size_t n)
{
	size_t count = 0, len = 0;

	if (n > 0)
		buf[0] = '\0';
	for (size_t i = 0; i < r->n_sasaran; i++)
		for (size_t j = 0; j < r->sasaran[i].n_iku; j++)
			if (r->sasaran[i].iku[j].target_kosong) {
				count++;
				tambah_kode(buf, n, &len, r->sasaran[i].iku[j].kode);
			}
	for (size_t i = 0; i < r->n_program; i++)
		if (r->program[i].anggaran_kosong) {
			count++;
			tambah_kode(buf, n, &len, r->program[i].kode);
		}
	return count;
}

static bool
tw_sah(int tw)
{
	return tw >= 1 && tw <= TW_MAX;
}

int64_t
iku_target_untuk(const iku *k, int tw)
{
	if (tw_sah(tw) && k->ada_target_tw[tw])
		return k->target_tw[tw];
	return k->target;
}

int64_t
program_target_untuk(const program *p, int tw)
{
	if (tw_sah(tw) && p->ada_target_tw[tw])
		return p->target_tw[tw];
	return p->anggaran;
}

static bool
kabisat(int y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

bool
tanggal_sah(int y, int m, int d)
{
	static const int hari[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int max;

	if (m < 1 || m > 12 || d < 1)
		return false;
	max = hari[m - 1];
	if (m == 2 && kabisat(y))
		max = 29;
	return d <= max;
}

bool
triwulan_bertanggal(const triwulan *t)
{
	return t->tahun >= 1 && t->tahun <= 9999 &&
	    tanggal_sah(t->tahun, t->bulan, t->hari);
}

const char *
triwulan_tanggal_iso(const triwulan *t, char buf[16])
{
	if (!triwulan_bertanggal(t))
		return NULL;
	snprintf(buf, 16, "%04d-%02d-%02d", t->tahun, t->bulan, t->hari);
	return buf;
}
