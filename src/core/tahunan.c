/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "tahunan.h"
#include "dec.h"
#include "i18n.h"

#include <stdint.h>
#include <string.h>

static void *
alloc_n(arena *a, size_t n, size_t sz)
{
	if (n == 0)
		return NULL;
	if (n > SIZE_MAX / sz)
		lk_fatal("tahunan: %zu rows are too many", n);
	return arena_alloc(a, n * sz);
}

bool
tahunan_realisasi_iku(const iku *k, int64_t *out, bool *dari_tw4)
{
	*dari_tw4 = false;
	if (k->ada_realisasi_tahunan) {
		*out = k->realisasi_tahunan;
		return true;
	}
	if (k->ada_realisasi[TW_MAX]) {
		*out = k->realisasi[TW_MAX];
		*dari_tw4 = true;
		return true;
	}
	*out = 0;
	return false;
}

bool
tahunan_realisasi_program(const program *p, int64_t *out, bool *dari_tw4)
{
	*dari_tw4 = false;
	if (p->ada_realisasi_tahunan) {
		*out = p->realisasi_tahunan;
		return true;
	}
	if (p->ada_realisasi[TW_MAX]) {
		*out = p->realisasi[TW_MAX];
		*dari_tw4 = true;
		return true;
	}
	*out = 0;
	return false;
}

const kategori_band *
kategori_cari(const iku *k, int64_t nilai)
{
	for (size_t i = 0; i < k->n_kategori; i++) {
		const kategori_band *b = &k->kategori[i];

		if (b->syarat == KATEGORI_SISA ||
		    (b->syarat == KATEGORI_LEBIH_DARI && nilai > b->batas) ||
		    (b->syarat == KATEGORI_MINIMAL && nilai >= b->batas))
			return b;
	}
	/* A reader-checked list ends with a band without condition. */
	return k->n_kategori > 0 ? &k->kategori[k->n_kategori - 1] : NULL;
}

int
tahunan_rata(const int64_t *v, size_t n, int64_t *out)
{
	int64_t sum = 0;
	uint64_t nn = n;          /* a 32-bit size_t is never above INT64_MAX */

	if (n == 0 || nn > (uint64_t)INT64_MAX)
		return EX_DATAERR;
	for (size_t i = 0; i < n; i++)
		if (dec_add(sum, v[i], &sum) != 0)
			return EX_DATAERR;
	return dec_muldiv(sum, 1, (int64_t)n, out);
}

int
tahunan_efisiensi(const capaian *c, const capaian *serapan, capaian *out)
{
	capaian r = { CAPAIAN_KOSONG, 0 };

	if (c->status == CAPAIAN_ADA && serapan->status == CAPAIAN_ADA &&
	    serapan->persen != 0) {
		if (dec_muldiv(c->persen, 10000, serapan->persen, &r.persen) != 0)
			return EX_DATAERR;
		r.status = CAPAIAN_ADA;
	}
	*out = r;
	return 0;
}

/* Last year's, then earlier years' realisations: the database's own year
 * where it holds one, else iku.riwayat. */
static bool
nilai_tahun(const rencana *r, const iku *k, int tahun,
	    const tahunan_lalu *lalu, size_t n_lalu, int64_t *out, bool *db)
{
	(void)r;
	for (size_t i = 0; i < n_lalu; i++)
		if (lalu[i].tahun == tahun && lalu[i].iku != NULL &&
		    strcmp(lalu[i].iku, k->kode) == 0) {
			*out = lalu[i].nilai;
			*db = true;
			return true;
		}
	*db = false;
	for (size_t i = 0; i < k->n_riwayat; i++)
		if (k->riwayat[i].tahun == tahun) {
			*out = k->riwayat[i].nilai;
			return true;
		}
	return false;
}

static int
hitung_iku_row(rencana *r, const iku *ik, const tahunan_lalu *lalu,
	       size_t n_lalu, const predikat_tabel *pt, tahunan_iku *row,
	       lk_err *e)
{
	int awal;
	bool db;

	row->target = ik->target;
	row->ada_realisasi = tahunan_realisasi_iku(ik, &row->realisasi,
	    &row->realisasi_tw4);
	/* A blank target (to be filled) gives no capaian. */
	if (capaian_hitung(row->target, row->ada_realisasi && !ik->target_kosong,
	    row->realisasi, ik->polaritas, &row->capaian) != 0)
		return lk_fail(e, EX_DATAERR, _("capaian of %s is too large to "
		    "compute"), ik->kode);
	row->capaian_renstra.status = CAPAIAN_KOSONG;
	if (r->renstra.ada)
		for (size_t i = 0; i < ik->n_target_renstra; i++)
			if (ik->target_renstra[i].tahun == r->renstra.akhir) {
				row->ada_target_renstra = true;
				row->target_renstra = ik->target_renstra[i].nilai;
			}
	if (row->ada_target_renstra &&
	    capaian_hitung(row->target_renstra, row->ada_realisasi,
	    row->realisasi, ik->polaritas, &row->capaian_renstra) != 0)
		return lk_fail(e, EX_DATAERR, _("capaian of %s against the "
		    "Renstra target is too large to compute"), ik->kode);
	if (ik->n_kategori > 0)
		row->kategori = row->ada_realisasi ?
		    kategori_cari(ik, row->realisasi) : NULL;
	else
		row->predikat = predikat_cari(pt, &row->capaian);
	/* Earlier years of the Renstra period (without one: last year). */
	awal = r->renstra.ada ? r->renstra.awal : r->tahun - 1;
	if (awal < r->tahun) {
		row->n_riwayat = (size_t)(r->tahun - awal);
		row->riwayat = alloc_n(&r->mem, row->n_riwayat,
		    sizeof *row->riwayat);
		for (size_t i = 0; i < row->n_riwayat; i++) {
			tahunan_riwayat *h = &row->riwayat[i];

			h->tahun = awal + (int)i;
			h->ada = nilai_tahun(r, ik, h->tahun, lalu, n_lalu,
			    &h->nilai, &db);
			h->dari_database = h->ada && db;
		}
		row->ada_lalu = row->riwayat[row->n_riwayat - 1].ada;
		row->realisasi_lalu = row->riwayat[row->n_riwayat - 1].nilai;
	}
	if (row->ada_lalu && row->ada_realisasi) {
		if (row->realisasi_lalu < 0 ?
		    row->realisasi > INT64_MAX + row->realisasi_lalu :
		    row->realisasi < INT64_MIN + row->realisasi_lalu)
			return lk_fail(e, EX_DATAERR, _("the change of %s from "
			    "last year is too large to compute"), ik->kode);
		row->perubahan = row->realisasi - row->realisasi_lalu;
		row->ada_perubahan = true;
	}
	return 0;
}

static int
hitung_program(rencana *r, tahunan_hasil *h, lk_err *e)
{
	h->program = alloc_n(&r->mem, r->n_program, sizeof *h->program);
	h->n_program = r->n_program;
	for (size_t i = 0; i < r->n_program; i++) {
		tahunan_program *row = &h->program[i];
		const program *p = &r->program[i];

		row->no = i + 1;
		row->program = p;
		row->ada_realisasi = tahunan_realisasi_program(p,
		    &row->realisasi, &row->realisasi_tw4);
		if (capaian_hitung(p->anggaran, row->ada_realisasi &&
		    !p->anggaran_kosong, row->realisasi, POLARITAS_POSITIF,
		    &row->serapan) != 0)
			return lk_fail(e, EX_DATAERR, _("budget absorption of "
			    "%s is too large to compute"), p->kode);
		if (dec_add(h->jumlah_anggaran, p->anggaran,
		    &h->jumlah_anggaran) != 0)
			return lk_fail(e, EX_DATAERR, _("the total anggaran of "
			    "the programs is too large"));
		if (row->ada_realisasi) {
			if (dec_add(h->jumlah_realisasi, row->realisasi,
			    &h->jumlah_realisasi) != 0)
				return lk_fail(e, EX_DATAERR, _("the total "
				    "realisasi of the programs is too large"));
			h->jumlah_ada_realisasi = true;
		}
	}
	if (capaian_hitung(h->jumlah_anggaran, h->jumlah_ada_realisasi,
	    h->jumlah_realisasi, POLARITAS_POSITIF, &h->jumlah_serapan) != 0)
		return lk_fail(e, EX_DATAERR, _("budget absorption of the total "
		    "is too large to compute"));
	return 0;
}

static bool
mendukung(const program *p, const sasaran *s)
{
	for (size_t i = 0; i < p->n_sasaran; i++)
		if (strcmp(p->sasaran[i], s->kode) == 0)
			return true;
	return false;
}

/* Capaian, absorption and efficiency of sasaran i; its IKU rows start
 * at rows[0]. */
static int
hitung_sasaran(rencana *r, tahunan_hasil *h, size_t i,
	       const tahunan_iku *rows, lk_err *e)
{
	tahunan_sasaran *ts = &h->sasaran[i];
	const sasaran *s = &r->sasaran[i];
	int64_t *v = alloc_n(&r->mem, s->n_iku, sizeof *v);
	int64_t anggaran = 0, real = 0;
	bool ada_real = false;
	size_t n = 0;

	ts->no = i + 1;
	ts->sasaran = s;
	for (size_t x = 0; x < s->n_iku; x++)
		if (rows[x].capaian.status == CAPAIAN_ADA)
			v[n++] = rows[x].capaian.persen;
	if (n > 0) {
		if (tahunan_rata(v, n, &ts->capaian.persen) != 0)
			return lk_fail(e, EX_DATAERR, _("capaian of sasaran %s "
			    "is too large to compute"), s->kode);
		ts->capaian.status = CAPAIAN_ADA;
	}
	for (size_t p = 0; p < h->n_program; p++) {
		const tahunan_program *tp = &h->program[p];

		if (!mendukung(tp->program, s))
			continue;
		ts->n_program++;
		if (dec_add(anggaran, tp->program->anggaran, &anggaran) != 0 ||
		    (tp->ada_realisasi &&
		    dec_add(real, tp->realisasi, &real) != 0))
			return lk_fail(e, EX_DATAERR, _("the budget of the "
			    "programs of sasaran %s is too large"), s->kode);
		ada_real = ada_real || tp->ada_realisasi;
	}
	if (ts->n_program > 0 && capaian_hitung(anggaran, ada_real, real,
	    POLARITAS_POSITIF, &ts->serapan) != 0)
		return lk_fail(e, EX_DATAERR, _("budget absorption of sasaran "
		    "%s is too large to compute"), s->kode);
	if (tahunan_efisiensi(&ts->capaian, &ts->serapan, &ts->efisiensi) != 0)
		return lk_fail(e, EX_DATAERR, _("efficiency of sasaran %s is "
		    "too large to compute"), s->kode);
	return 0;
}

int
tahunan_hitung(rencana *r, const tahunan_lalu *lalu, size_t n_lalu,
	       const predikat_tabel *pt, tahunan_hasil *out, lk_err *e)
{
	tahunan_hasil h;
	size_t n = 0, j = 0;
	int rc;

	pt = predikat_pilih(&r->instansi.predikat, pt);
	memset(&h, 0, sizeof h);
	for (size_t i = 0; i < r->n_sasaran; i++)
		n += r->sasaran[i].n_iku;
	h.iku = alloc_n(&r->mem, n, sizeof *h.iku);
	h.n_iku = n;
	for (size_t i = 0; i < r->n_sasaran; i++)
		for (size_t x = 0; x < r->sasaran[i].n_iku; x++, j++) {
			h.iku[j].no = i + 1;
			h.iku[j].sasaran = &r->sasaran[i];
			h.iku[j].iku = &r->sasaran[i].iku[x];
			rc = hitung_iku_row(r, h.iku[j].iku, lalu, n_lalu, pt,
			    &h.iku[j], e);
			if (rc != 0)
				return rc;
		}
	if ((rc = hitung_program(r, &h, e)) != 0)
		return rc;
	h.sasaran = alloc_n(&r->mem, r->n_sasaran, sizeof *h.sasaran);
	h.n_sasaran = r->n_sasaran;
	for (size_t i = 0, first = 0; i < r->n_sasaran; i++) {
		if ((rc = hitung_sasaran(r, &h, i, h.iku ? h.iku + first : NULL,
		    e)) != 0)
			return rc;
		first += r->sasaran[i].n_iku;
	}
	*out = h;
	return 0;
}
