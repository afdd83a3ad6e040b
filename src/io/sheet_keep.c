/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* sheet_keep.c - what a workbook does not hold, kept from the database's
 * plan when a workbook or a CSV sheet is imported over it. */
#include "config.h"
#include "io/sheet.h"

#include <string.h>

static char *
dup(rencana *to, const char *s)
{
	return s != NULL ? arena_strdup(&to->mem, s) : NULL;
}

static char **
dup_list(rencana *to, char *const *l, size_t n)
{
	char **o;

	if (n == 0)
		return NULL;
	o = arena_alloc(&to->mem, n * sizeof *o);
	for (size_t i = 0; i < n; i++)
		o[i] = dup(to, l[i]);
	return o;
}

static tabel *
dup_tabel(rencana *to, const tabel *t, size_t n)
{
	tabel *o;

	if (n == 0)
		return NULL;
	o = arena_alloc(&to->mem, n * sizeof *o);
	for (size_t i = 0; i < n; i++) {
		o[i].judul = dup(to, t[i].judul);
		o[i].catatan = dup(to, t[i].catatan);
		o[i].kolom = dup_list(to, t[i].kolom, t[i].n_kolom);
		o[i].n_kolom = t[i].n_kolom;
		o[i].n_baris = t[i].n_baris;
		o[i].baris = NULL;
		o[i].n_sel = NULL;
		if (t[i].n_baris == 0)
			continue;
		o[i].baris = arena_alloc(&to->mem, t[i].n_baris * sizeof *o[i].baris);
		o[i].n_sel = arena_alloc(&to->mem, t[i].n_baris * sizeof *o[i].n_sel);
		for (size_t j = 0; j < t[i].n_baris; j++) {
			o[i].baris[j] = dup_list(to, t[i].baris[j], t[i].n_sel[j]);
			o[i].n_sel[j] = t[i].n_sel[j];
		}
	}
	return o;
}

static const sasaran *
find_sasaran(const rencana *r, const char *kode)
{
	for (size_t i = 0; i < r->n_sasaran; i++)
		if (strcmp(r->sasaran[i].kode, kode) == 0)
			return &r->sasaran[i];
	return NULL;
}

void
sheet_keep_texts(rencana *to, const rencana *from)
{
	const instansi *fi = &from->instansi;
	instansi *ti = &to->instansi;

	if (strcmp(fi->kode, ti->kode) != 0)
		return;
	if (ti->logo == NULL)
		ti->logo = dup(to, fi->logo);
	if (ti->predikat.n == 0 && fi->predikat.n > 0) {
		predikat_band *b = arena_alloc(&to->mem,
		    fi->predikat.n * sizeof *b);

		for (size_t i = 0; i < fi->predikat.n; i++) {
			b[i] = fi->predikat.band[i];
			b[i].nama = dup(to, fi->predikat.band[i].nama);
			b[i].warna = dup(to, fi->predikat.band[i].warna);
		}
		ti->predikat.band = b;
		ti->predikat.n = fi->predikat.n;
	}
	for (size_t i = 0; i < ti->n_bidang; i++)
		for (size_t j = 0; j < fi->n_bidang; j++) {
			const bidang *f = &fi->bidang[j];
			bidang *t = &ti->bidang[i];

			if (strcmp(f->kode, t->kode) != 0 || !f->ada_kepala ||
			    t->ada_kepala)
				continue;
			t->ada_kepala = true;
			t->kepala.nama = dup(to, f->kepala.nama);
			t->kepala.jabatan = dup(to, f->kepala.jabatan);
			t->kepala.pangkat = dup(to, f->kepala.pangkat);
			t->kepala.nip = dup(to, f->kepala.nip);
		}
	if (from->tahun != to->tahun)
		return;
	for (int tw = 1; tw <= TW_MAX; tw++) {
		triwulan *tt = &to->tw[tw];
		const triwulan *ft = &from->tw[tw];

		if (!tt->ada || !ft->ada)
			continue;
		for (size_t i = 0; i < to->n_sasaran; i++) {
			sasaran *s = &to->sasaran[i];
			const sasaran *f = find_sasaran(from, s->kode);

			if (f == NULL)
				continue;
			s->narasi[tw] = dup(to, f->narasi[tw]);
			s->tabel[tw] = dup_tabel(to, f->tabel[tw], f->n_tabel[tw]);
			s->n_tabel[tw] = f->n_tabel[tw];
		}
		tt->permasalahan = dup_list(to, ft->permasalahan, ft->n_permasalahan);
		tt->n_permasalahan = ft->n_permasalahan;
		tt->tindak_lanjut = dup_list(to, ft->tindak_lanjut, ft->n_tindak_lanjut);
		tt->n_tindak_lanjut = ft->n_tindak_lanjut;
		tt->kesimpulan = dup(to, ft->kesimpulan);
		if (ft->n_teks > 0) {
			tt->teks = arena_alloc(&to->mem, ft->n_teks * sizeof *tt->teks);
			for (size_t i = 0; i < ft->n_teks; i++) {
				tt->teks[i].nama = dup(to, ft->teks[i].nama);
				tt->teks[i].teks = dup(to, ft->teks[i].teks);
			}
		}
		tt->n_teks = ft->n_teks;
	}
}
