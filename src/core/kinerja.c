/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "kinerja.h"
#include "dec.h"
#include "i18n.h"
#include "tahunan.h"

#include <stdint.h>
#include <string.h>

/* n zeroed elements of size sz in a, or NULL when n == 0. */
static void *
alloc_n(arena *a, size_t n, size_t sz)
{
	if (n == 0)
		return NULL;
	if (n > SIZE_MAX / sz)
		lk_fatal("kinerja: %zu rows are too many", n);
	return arena_alloc(a, n * sz);
}

static int
hitung_iku(rencana *r, int tw, const predikat_tabel *pt, kinerja *k,
	   lk_err *e)
{
	size_t n = 0, j = 0;

	for (size_t i = 0; i < r->n_sasaran; i++)
		n += r->sasaran[i].n_iku > 0 ? r->sasaran[i].n_iku : 1;
	k->iku = alloc_n(&r->mem, n, sizeof *k->iku);
	k->n_iku = n;
	for (size_t i = 0; i < r->n_sasaran; i++) {
		const sasaran *s = &r->sasaran[i];

		if (s->n_iku == 0) {
			/* Zeroed: no target, no realisation, capaian KOSONG. */
			k->iku[j].no = i + 1;
			k->iku[j].sasaran = s;
			j++;
			continue;
		}
		for (size_t x = 0; x < s->n_iku; x++, j++) {
			kinerja_iku *row = &k->iku[j];
			const iku *ik = &s->iku[x];

			row->no = i + 1;
			row->sasaran = s;
			row->iku = ik;
			row->target = iku_target_untuk(ik, tw);
			row->target_triwulan = ik->ada_target_tw[tw];
			row->target_kosong = ik->target_kosong &&
			    !row->target_triwulan;
			row->ada_realisasi = ik->ada_realisasi[tw];
			row->realisasi = row->ada_realisasi ? ik->realisasi[tw] : 0;
			if (capaian_hitung(row->target, row->ada_realisasi &&
			    !row->target_kosong, row->realisasi, ik->polaritas,
			    &row->capaian) != 0)
				return lk_fail(e, EX_DATAERR, _("capaian of %s "
				    "is too large to compute"), ik->kode);
			row->predikat = predikat_cari(pt, &row->capaian);
			if (ik->n_kategori > 0 && row->ada_realisasi)
				row->kategori = kategori_cari(ik, row->realisasi);
		}
	}
	return 0;
}

/* *sum += v; msg (untranslated, N_) names the total on overflow. */
static int
tambah(int64_t *sum, int64_t v, const char *msg, lk_err *e)
{
	if (dec_add(*sum, v, sum) != 0)
		return lk_fail(e, EX_DATAERR, "%s", _(msg));
	return 0;
}

static int
hitung_program(rencana *r, int tw, kinerja *k, lk_err *e)
{
	int rc;

	k->program = alloc_n(&r->mem, r->n_program, sizeof *k->program);
	k->n_program = r->n_program;
	for (size_t i = 0; i < r->n_program; i++) {
		kinerja_program *row = &k->program[i];
		const program *p = &r->program[i];

		row->no = i + 1;
		row->program = p;
		row->target = program_target_untuk(p, tw);
		row->target_triwulan = p->ada_target_tw[tw];
		row->target_kosong = p->anggaran_kosong && !row->target_triwulan;
		row->ada_realisasi = p->ada_realisasi[tw];
		row->realisasi = row->ada_realisasi ? p->realisasi[tw] : 0;
		if (capaian_hitung(row->target, row->ada_realisasi &&
		    !row->target_kosong, row->realisasi, POLARITAS_POSITIF,
		    &row->capaian) != 0)
			return lk_fail(e, EX_DATAERR, _("budget absorption of "
			    "%s is too large to compute"), p->kode);
		if ((rc = tambah(&k->jumlah_anggaran, p->anggaran,
		    N_("the total anggaran of the programs is too large"),
		    e)) != 0 ||
		    (rc = tambah(&k->jumlah_target, row->target,
		    N_("the total target of the programs is too large"),
		    e)) != 0)
			return rc;
		if (row->ada_realisasi) {
			if ((rc = tambah(&k->jumlah_realisasi, row->realisasi,
			    N_("the total realisasi of the programs is too "
			    "large"), e)) != 0)
				return rc;
			k->jumlah_ada_realisasi = true;
		}
	}
	if (capaian_hitung(k->jumlah_target, k->jumlah_ada_realisasi,
	    k->jumlah_realisasi, POLARITAS_POSITIF, &k->jumlah_capaian) != 0)
		return lk_fail(e, EX_DATAERR, _("budget absorption of the "
		    "total is too large to compute"));
	return 0;
}

int
kinerja_hitung(rencana *r, int tw, const predikat_tabel *pt, kinerja *out,
	       lk_err *e)
{
	kinerja k;
	int rc;

	if (tw < 1 || tw > TW_MAX)
		return lk_fail(e, EX_USAGE, _("quarter %d is not between 1 "
		    "and 4"), tw);
	/* The agency's own bands, where it has them, for every user. */
	pt = predikat_pilih(&r->instansi.predikat, pt);
	memset(&k, 0, sizeof k);
	k.tw = tw;
	if ((rc = hitung_iku(r, tw, pt, &k, e)) != 0 ||
	    (rc = hitung_program(r, tw, &k, e)) != 0)
		return rc;
	*out = k;
	return 0;
}

const char *
tw_romawi(int tw)
{
	static const char *const romawi[TW_MAX + 1] = {
		"?", "I", "II", "III", "IV"
	};

	return tw >= 1 && tw <= TW_MAX ? romawi[tw] : "?";
}
