/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* pk.c - the canonical text of what the agreement states (pk.h). */
#include "config.h"
#include "core/pk.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/capaian.h"
#include "core/err.h"

static void
val(FILE *f, const char *key, const char *v)
{
	fputs(key, f);
	if (v == NULL) {
		fputs("\n", f);          /* absent: "key" alone */
		return;
	}
	fputc('=', f);
	for (; *v; v++) {
		if (*v == '\\')
			fputs("\\\\", f);
		else if (*v == '\n')
			fputs("\\n", f);
		else
			fputc(*v, f);
	}
	fputc('\n', f);
}

static void
num(FILE *f, const char *key, int64_t v)
{
	fprintf(f, "%s=%" PRId64 "\n", key, v);
}

static void
pejabat_isi(FILE *f, const char *who, const pejabat *p)
{
	char key[64];

	snprintf(key, sizeof key, "%s.nama", who);
	val(f, key, p->nama);
	snprintf(key, sizeof key, "%s.jabatan", who);
	val(f, key, p->jabatan);
	snprintf(key, sizeof key, "%s.pangkat", who);
	val(f, key, p->pangkat);
	snprintf(key, sizeof key, "%s.nip", who);
	val(f, key, p->nip);
}

static void
target_tw(FILE *f, const char *key, const bool *ada, const int64_t *v)
{
	for (int n = 1; n <= TW_MAX; n++) {
		char k[64];

		if (!ada[n])
			continue;
		snprintf(k, sizeof k, "%s.tw%d", key, n);
		num(f, k, v[n]);
	}
}

char *
pk_isi(const rencana *r, size_t *len)
{
	const instansi *in = &r->instansi;
	const perjanjian *pj = &r->perjanjian;
	char *buf = NULL, date[32];
	size_t n = 0;
	FILE *f;

	if ((f = open_memstream(&buf, &n)) == NULL)
		lk_fatal("out of memory");
	fputs("lakip-pk/1\n", f);
	num(f, "tahun", r->tahun);
	val(f, "instansi.kode", in->kode);
	val(f, "instansi.nama", in->nama);
	val(f, "instansi.pemerintah", in->pemerintah);
	val(f, "instansi.kota", in->kota);
	val(f, "instansi.logo", in->logo);
	pejabat_isi(f, "pihak_pertama", &in->kepala);
	if (pj->ada) {
		snprintf(date, sizeof date, "%04d-%02d-%02d", pj->tahun, pj->bulan,
			 pj->hari);
		val(f, "perjanjian.tanggal", date);
		pejabat_isi(f, "pihak_kedua", &pj->pihak_kedua);
		for (size_t i = 0; i < pj->n_teks; i++) {
			val(f, "perjanjian.teks", pj->teks[i].nama);
			val(f, "perjanjian.teks.isi", pj->teks[i].teks);
		}
	}
	for (size_t i = 0; i < r->n_sasaran; i++) {
		const sasaran *sa = &r->sasaran[i];

		val(f, "sasaran", sa->kode);
		val(f, "sasaran.uraian", sa->uraian);
		for (size_t j = 0; j < sa->n_iku; j++) {
			const iku *k = &sa->iku[j];

			val(f, "iku", k->kode);
			val(f, "iku.uraian", k->uraian);
			val(f, "iku.satuan", k->satuan);
			val(f, "iku.polaritas", polaritas_nama(k->polaritas));
			num(f, "iku.target", k->target);
			target_tw(f, "iku.target", k->ada_target_tw, k->target_tw);
		}
	}
	for (size_t i = 0; i < r->n_program; i++) {
		const program *p = &r->program[i];

		val(f, "program", p->kode);
		val(f, "program.uraian", p->uraian);
		num(f, "program.anggaran", p->anggaran);
	}
	if (fclose(f) != 0)
		lk_fatal("out of memory");
	if (len != NULL)
		*len = n;
	return buf;
}

/* ---- the same fields compared, without the text ---- */

static bool
s_eq(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

static bool
pejabat_sama(const pejabat *a, const pejabat *b)
{
	return s_eq(a->nama, b->nama) && s_eq(a->jabatan, b->jabatan) &&
	       s_eq(a->pangkat, b->pangkat) && s_eq(a->nip, b->nip);
}

static bool
target_tw_sama(const bool *ada_a, const int64_t *a, const bool *ada_b,
	       const int64_t *b)
{
	for (int n = 1; n <= TW_MAX; n++)
		if (ada_a[n] != ada_b[n] || (ada_a[n] && a[n] != b[n]))
			return false;
	return true;
}

static bool
perjanjian_sama(const perjanjian *a, const perjanjian *b)
{
	if (a->ada != b->ada)
		return false;
	if (!a->ada)
		return true;
	if (a->tahun != b->tahun || a->bulan != b->bulan || a->hari != b->hari ||
	    !pejabat_sama(&a->pihak_kedua, &b->pihak_kedua) ||
	    a->n_teks != b->n_teks)
		return false;
	for (size_t i = 0; i < a->n_teks; i++)
		if (!s_eq(a->teks[i].nama, b->teks[i].nama) ||
		    !s_eq(a->teks[i].teks, b->teks[i].teks))
			return false;
	return true;
}

static bool
iku_sama(const iku *a, const iku *b)
{
	return s_eq(a->kode, b->kode) && s_eq(a->uraian, b->uraian) &&
	       s_eq(a->satuan, b->satuan) && a->polaritas == b->polaritas &&
	       a->target == b->target &&
	       target_tw_sama(a->ada_target_tw, a->target_tw,
			      b->ada_target_tw, b->target_tw);
}

bool
pk_sama(const rencana *a, const rencana *b)
{
	const instansi *x = &a->instansi, *y = &b->instansi;

	if (a->tahun != b->tahun || !s_eq(x->kode, y->kode) ||
	    !s_eq(x->nama, y->nama) || !s_eq(x->pemerintah, y->pemerintah) ||
	    !s_eq(x->kota, y->kota) || !s_eq(x->logo, y->logo) ||
	    !pejabat_sama(&x->kepala, &y->kepala) ||
	    !perjanjian_sama(&a->perjanjian, &b->perjanjian) ||
	    a->n_sasaran != b->n_sasaran || a->n_program != b->n_program)
		return false;
	for (size_t i = 0; i < a->n_sasaran; i++) {
		const sasaran *s = &a->sasaran[i], *t = &b->sasaran[i];

		if (!s_eq(s->kode, t->kode) || !s_eq(s->uraian, t->uraian) ||
		    s->n_iku != t->n_iku)
			return false;
		for (size_t j = 0; j < s->n_iku; j++)
			if (!iku_sama(&s->iku[j], &t->iku[j]))
				return false;
	}
	for (size_t i = 0; i < a->n_program; i++) {
		const program *p = &a->program[i], *q = &b->program[i];

		if (!s_eq(p->kode, q->kode) || !s_eq(p->uraian, q->uraian) ||
		    p->anggaran != q->anggaran)
			return false;
	}
	return true;
}
