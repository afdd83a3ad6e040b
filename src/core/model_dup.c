/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* model_dup.c - a complete copy of a rencana (rencana_dup).
 *
 * Owns: copying every entity and every string of a rencana into a new
 * arena.  Each struct is copied whole first (so that a scalar field
 * added to model.h is copied without a change here), then each of its
 * pointers is replaced by a copy of what it points to.  A pointer field
 * added to model.h must be added here: tests/unit/test_model_edit.c
 * checks that the copy shares no memory with the original and exports
 * the same, field by field.
 */
#include "config.h"
#include "core/model_edit.h"

#include <stdint.h>
#include <string.h>

#include "core/err.h"

static char *
dup(arena *a, const char *s)
{
	return s != NULL ? arena_strdup(a, s) : NULL;
}

/* A copy of n elements of size elem (NULL when n is 0). */
static void *
dup_array(arena *a, const void *src, size_t n, size_t elem)
{
	if (n == 0 || src == NULL)
		return NULL;
	if (n > SIZE_MAX / elem)
		lk_fatal("rencana_dup: array too large");
	return arena_memdup(a, src, n * elem);
}

static char **
dup_strv(arena *a, char *const *v, size_t n)
{
	char **out = dup_array(a, v, n, sizeof *v);

	for (size_t i = 0; out != NULL && i < n; i++)
		out[i] = dup(a, v[i]);
	return out;
}

static void
dup_pejabat(arena *a, pejabat *p)
{
	p->nama = dup(a, p->nama);
	p->jabatan = dup(a, p->jabatan);
	p->pangkat = dup(a, p->pangkat);
	p->nip = dup(a, p->nip);
}

static teks_ganti *
dup_teks(arena *a, const teks_ganti *v, size_t n)
{
	teks_ganti *out = dup_array(a, v, n, sizeof *v);

	for (size_t i = 0; out != NULL && i < n; i++) {
		out[i].nama = dup(a, v[i].nama);
		out[i].teks = dup(a, v[i].teks);
	}
	return out;
}

static tabel *
dup_tabel(arena *a, const tabel *v, size_t n)
{
	tabel *out = dup_array(a, v, n, sizeof *v);

	for (size_t i = 0; out != NULL && i < n; i++) {
		tabel *t = &out[i];

		t->judul = dup(a, v[i].judul);
		t->catatan = dup(a, v[i].catatan);
		t->kolom = dup_strv(a, v[i].kolom, v[i].n_kolom);
		t->n_sel = dup_array(a, v[i].n_sel, v[i].n_baris, sizeof *t->n_sel);
		t->baris = dup_array(a, v[i].baris, v[i].n_baris, sizeof *t->baris);
		for (size_t b = 0; t->baris != NULL && b < v[i].n_baris; b++)
			t->baris[b] = dup_strv(a, v[i].baris[b], v[i].n_sel[b]);
	}
	return out;
}

static void
dup_instansi(arena *a, instansi *in)
{
	predikat_band *band;

	in->kode = dup(a, in->kode);
	in->nama = dup(a, in->nama);
	in->pemerintah = dup(a, in->pemerintah);
	in->kota = dup(a, in->kota);
	in->logo = dup(a, in->logo);
	dup_pejabat(a, &in->kepala);
	in->bidang = dup_array(a, in->bidang, in->n_bidang, sizeof *in->bidang);
	for (size_t i = 0; in->bidang != NULL && i < in->n_bidang; i++) {
		in->bidang[i].kode = dup(a, in->bidang[i].kode);
		in->bidang[i].nama = dup(a, in->bidang[i].nama);
		dup_pejabat(a, &in->bidang[i].kepala);
	}
	band = dup_array(a, in->predikat.band, in->predikat.n, sizeof *band);
	for (size_t i = 0; band != NULL && i < in->predikat.n; i++) {
		band[i].nama = dup(a, band[i].nama);
		band[i].warna = dup(a, band[i].warna);
	}
	in->predikat.band = band;
	in->zona_waktu = dup(a, in->zona_waktu);
	in->verifikasi = dup(a, in->verifikasi);
	in->tsa = dup(a, in->tsa);
}

static void
dup_iku(arena *a, iku *k)
{
	k->kode = dup(a, k->kode);
	k->uraian = dup(a, k->uraian);
	k->satuan = dup(a, k->satuan);
	k->target_renstra = dup_array(a, k->target_renstra, k->n_target_renstra,
				      sizeof *k->target_renstra);
	k->riwayat = dup_array(a, k->riwayat, k->n_riwayat, sizeof *k->riwayat);
	k->kategori = dup_array(a, k->kategori, k->n_kategori,
				sizeof *k->kategori);
	for (size_t i = 0; k->kategori != NULL && i < k->n_kategori; i++)
		k->kategori[i].label = dup(a, k->kategori[i].label);
	for (int n = 0; n <= TW_MAX; n++)
		k->keterangan[n] = dup(a, k->keterangan[n]);
}

static void
dup_sasaran(arena *a, sasaran *s)
{
	s->kode = dup(a, s->kode);
	s->uraian = dup(a, s->uraian);
	s->bidang = dup(a, s->bidang);
	s->iku = dup_array(a, s->iku, s->n_iku, sizeof *s->iku);
	for (size_t j = 0; s->iku != NULL && j < s->n_iku; j++)
		dup_iku(a, &s->iku[j]);
	for (int n = 0; n <= TW_MAX; n++) {
		s->narasi[n] = dup(a, s->narasi[n]);
		s->tabel[n] = dup_tabel(a, s->tabel[n], s->n_tabel[n]);
	}
	s->narasi_tahunan = dup(a, s->narasi_tahunan);
	s->tabel_tahunan = dup_tabel(a, s->tabel_tahunan, s->n_tabel_tahunan);
}

static void
dup_program(arena *a, program *p)
{
	p->kode = dup(a, p->kode);
	p->uraian = dup(a, p->uraian);
	p->sasaran = dup_strv(a, p->sasaran, p->n_sasaran);
}

static void
dup_triwulan(arena *a, triwulan *t)
{
	t->permasalahan = dup_strv(a, t->permasalahan, t->n_permasalahan);
	t->tindak_lanjut = dup_strv(a, t->tindak_lanjut, t->n_tindak_lanjut);
	t->kesimpulan = dup(a, t->kesimpulan);
	t->teks = dup_teks(a, t->teks, t->n_teks);
}

static void
dup_tahunan(arena *a, tahunan *t)
{
	t->ringkasan = dup(a, t->ringkasan);
	t->gambaran_umum = dup(a, t->gambaran_umum);
	t->isu_strategis = dup_strv(a, t->isu_strategis, t->n_isu_strategis);
	t->permasalahan = dup_strv(a, t->permasalahan, t->n_permasalahan);
	t->tindak_lanjut = dup_strv(a, t->tindak_lanjut, t->n_tindak_lanjut);
	t->kesimpulan = dup(a, t->kesimpulan);
	t->teks = dup_teks(a, t->teks, t->n_teks);
}

rencana *
rencana_dup(const rencana *src)
{
	rencana *r = rencana_new();
	arena *a = &r->mem;
	arena mem = r->mem;

	*r = *src;
	r->mem = mem;
	dup_instansi(a, &r->instansi);
	r->sasaran = dup_array(a, src->sasaran, src->n_sasaran,
			       sizeof *r->sasaran);
	for (size_t i = 0; r->sasaran != NULL && i < r->n_sasaran; i++)
		dup_sasaran(a, &r->sasaran[i]);
	r->program = dup_array(a, src->program, src->n_program,
			       sizeof *r->program);
	for (size_t i = 0; r->program != NULL && i < r->n_program; i++)
		dup_program(a, &r->program[i]);
	for (int n = 0; n <= TW_MAX; n++)
		dup_triwulan(a, &r->tw[n]);
	r->renstra.nama = dup(a, r->renstra.nama);
	dup_tahunan(a, &r->tahunan);
	r->perjanjian.pihak_kedua = src->perjanjian.pihak_kedua;
	dup_pejabat(a, &r->perjanjian.pihak_kedua);
	r->perjanjian.teks = dup_teks(a, src->perjanjian.teks,
				      src->perjanjian.n_teks);
	return r;
}
