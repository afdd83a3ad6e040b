/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* model_edit.c - changing a rencana in memory (see model_edit.h). */
#include "config.h"
#include "model_edit.h"
#include "err.h"

#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------- arrays */

/* A copy of array (n elements of size elem) in a with one zeroed element
 * inserted at `at`; `what` names the array for the abort message. */
static void *
insert_at(arena *a, const void *array, size_t n, size_t elem, size_t at,
	  const char *what)
{
	char *p;

	if (at > n)
		lk_fatal("%s: insert at %zu, only %zu entries", what, at, n);
	if (n + 1 > SIZE_MAX / elem)
		lk_fatal("%s: too many entries", what);
	p = arena_alloc(a, (n + 1) * elem);
	if (at > 0)
		memcpy(p, array, at * elem);
	if (n > at)
		memcpy(p + (at + 1) * elem, (const char *)array + at * elem,
		    (n - at) * elem);
	return p;
}

/* Removes element i of array (n elements); the last slot is zeroed. */
static void
remove_at(void *array, size_t *n, size_t elem, size_t i, const char *what)
{
	char *p = array;

	if (i >= *n)
		lk_fatal("%s: delete %zu, only %zu entries", what, i, *n);
	memmove(p + i * elem, p + (i + 1) * elem, (*n - i - 1) * elem);
	memset(p + (*n - 1) * elem, 0, elem);
	(*n)--;
}

static void
swap_bytes(char *a, char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char t = a[i];

		a[i] = b[i];
		b[i] = t;
	}
}

/* Reverses elements [lo, hi) of p. */
static void
reverse(char *p, size_t elem, size_t lo, size_t hi)
{
	while (hi > lo + 1) {
		hi--;
		swap_bytes(p + lo * elem, p + hi * elem, elem);
		lo++;
	}
}

/* Moves element from to index to; the others shift (a rotation of the
 * range between them, done by three reversals). */
static void
move_to(void *array, size_t n, size_t elem, size_t from, size_t to,
	const char *what)
{
	char *p = array;
	size_t lo, hi, mid;

	if (from >= n || to >= n)
		lk_fatal("%s: move %zu to %zu, only %zu entries", what, from, to,
		    n);
	if (from == to)
		return;
	if (from < to) {        /* [from] [from+1 .. to] -> [from+1 .. to] [from] */
		lo = from;
		mid = from + 1;
		hi = to + 1;
	} else {                /* [to .. from-1] [from] -> [from] [to .. from-1] */
		lo = to;
		mid = from;
		hi = from + 1;
	}
	reverse(p, elem, lo, mid);
	reverse(p, elem, mid, hi);
	reverse(p, elem, lo, hi);
}

static bool
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

static size_t
index_of(const void *base, size_t n, size_t elem, const void *p,
	 const char *what)
{
	const char *b = base, *q = p;

	if (base == NULL || q < b || q >= b + n * elem ||
	    (size_t)(q - b) % elem != 0)
		lk_fatal("%s: entry does not belong to this rencana", what);
	return (size_t)(q - b) / elem;
}

static void
check_sasaran(const rencana *r, const sasaran *s, const char *what)
{
	(void)index_of(r->sasaran, r->n_sasaran, sizeof *r->sasaran, s, what);
}

/* kode is the kode of an entry other than self (a sasaran, a bidang). */
static bool
sasaran_kode_used(const rencana *r, const sasaran *self, const char *kode)
{
	for (size_t i = 0; i < r->n_sasaran; i++)
		if (&r->sasaran[i] != self && same(r->sasaran[i].kode, kode))
			return true;
	return false;
}

static bool
bidang_kode_used(const rencana *r, const bidang *self, const char *kode)
{
	const instansi *in = &r->instansi;

	for (size_t i = 0; i < in->n_bidang; i++)
		if (&in->bidang[i] != self && same(in->bidang[i].kode, kode))
			return true;
	return false;
}

/* ----------------------------------------------------------- add/delete */

sasaran *
rencana_add_sasaran(rencana *r, size_t at)
{
	r->sasaran = insert_at(&r->mem, r->sasaran, r->n_sasaran,
	    sizeof *r->sasaran, at, "rencana_add_sasaran");
	r->n_sasaran++;
	return &r->sasaran[at];
}

iku *
rencana_add_iku(rencana *r, sasaran *s, size_t at)
{
	check_sasaran(r, s, "rencana_add_iku");
	s->iku = insert_at(&r->mem, s->iku, s->n_iku, sizeof *s->iku, at,
	    "rencana_add_iku");
	s->n_iku++;
	return &s->iku[at];
}

program *
rencana_add_program(rencana *r, size_t at)
{
	r->program = insert_at(&r->mem, r->program, r->n_program,
	    sizeof *r->program, at, "rencana_add_program");
	r->n_program++;
	return &r->program[at];
}

bidang *
rencana_add_bidang(rencana *r, size_t at)
{
	instansi *in = &r->instansi;

	in->bidang = insert_at(&r->mem, in->bidang, in->n_bidang,
	    sizeof *in->bidang, at, "rencana_add_bidang");
	in->n_bidang++;
	return &in->bidang[at];
}

/* Drops kode from every program's sasaran list. */
static void
unlink_sasaran(rencana *r, const char *kode)
{
	for (size_t i = 0; i < r->n_program; i++) {
		program *p = &r->program[i];

		for (size_t j = 0; j < p->n_sasaran;) {
			if (same(p->sasaran[j], kode))
				remove_at(p->sasaran, &p->n_sasaran,
				    sizeof *p->sasaran, j, "program.sasaran");
			else
				j++;
		}
	}
}

void
rencana_delete_sasaran(rencana *r, size_t i)
{
	if (i < r->n_sasaran && r->sasaran[i].kode != NULL &&
	    !sasaran_kode_used(r, &r->sasaran[i], r->sasaran[i].kode))
		unlink_sasaran(r, r->sasaran[i].kode);
	remove_at(r->sasaran, &r->n_sasaran, sizeof *r->sasaran, i,
	    "rencana_delete_sasaran");
}

void
rencana_delete_iku(rencana *r, sasaran *s, size_t i)
{
	check_sasaran(r, s, "rencana_delete_iku");
	remove_at(s->iku, &s->n_iku, sizeof *s->iku, i, "rencana_delete_iku");
}

void
rencana_delete_program(rencana *r, size_t i)
{
	remove_at(r->program, &r->n_program, sizeof *r->program, i,
	    "rencana_delete_program");
}

void
rencana_delete_bidang(rencana *r, size_t i)
{
	instansi *in = &r->instansi;
	const char *kode = i < in->n_bidang ? in->bidang[i].kode : NULL;

	if (kode != NULL && !bidang_kode_used(r, &in->bidang[i], kode))
		for (size_t j = 0; j < r->n_sasaran; j++)
			if (same(r->sasaran[j].bidang, kode))
				r->sasaran[j].bidang = NULL;
	remove_at(in->bidang, &in->n_bidang, sizeof *in->bidang, i,
	    "rencana_delete_bidang");
}

/* ----------------------------------------------------------------- move */

void
rencana_move_sasaran(rencana *r, size_t from, size_t to)
{
	move_to(r->sasaran, r->n_sasaran, sizeof *r->sasaran, from, to,
	    "rencana_move_sasaran");
}

void
rencana_move_iku(rencana *r, sasaran *s, size_t from, size_t to)
{
	check_sasaran(r, s, "rencana_move_iku");
	move_to(s->iku, s->n_iku, sizeof *s->iku, from, to, "rencana_move_iku");
}

void
rencana_move_program(rencana *r, size_t from, size_t to)
{
	move_to(r->program, r->n_program, sizeof *r->program, from, to,
	    "rencana_move_program");
}

void
rencana_move_bidang(rencana *r, size_t from, size_t to)
{
	move_to(r->instansi.bidang, r->instansi.n_bidang,
	    sizeof *r->instansi.bidang, from, to, "rencana_move_bidang");
}

/* --------------------------------------------------------------- rename */

int
rencana_rename_sasaran(rencana *r, sasaran *s, const char *kode)
{
	char *old, *nu;

	check_sasaran(r, s, "rencana_rename_sasaran");
	if (kode == NULL)
		lk_fatal("rencana_rename_sasaran: NULL kode");
	if (sasaran_kode_used(r, s, kode))
		return -1;
	old = s->kode;
	if (same(old, kode))
		return 0;
	nu = arena_strdup(&r->mem, kode);
	for (size_t i = 0; old != NULL && i < r->n_program; i++) {
		program *p = &r->program[i];

		for (size_t j = 0; j < p->n_sasaran; j++)
			if (same(p->sasaran[j], old))
				p->sasaran[j] = nu;
	}
	s->kode = nu;
	return 0;
}

int
rencana_rename_bidang(rencana *r, bidang *b, const char *kode)
{
	char *old, *nu;

	(void)index_of(r->instansi.bidang, r->instansi.n_bidang,
	    sizeof *r->instansi.bidang, b, "rencana_rename_bidang");
	if (kode == NULL)
		lk_fatal("rencana_rename_bidang: NULL kode");
	if (bidang_kode_used(r, b, kode))
		return -1;
	old = b->kode;
	if (same(old, kode))
		return 0;
	nu = arena_strdup(&r->mem, kode);
	for (size_t i = 0; old != NULL && i < r->n_sasaran; i++)
		if (same(r->sasaran[i].bidang, old))
			r->sasaran[i].bidang = nu;
	b->kode = nu;
	return 0;
}

/* -------------------------------------------------------------- lookups */

sasaran *
rencana_find_sasaran(const rencana *r, const char *kode)
{
	for (size_t i = 0; kode != NULL && i < r->n_sasaran; i++)
		if (same(r->sasaran[i].kode, kode))
			return &r->sasaran[i];
	return NULL;
}

iku *
rencana_find_iku(const rencana *r, const char *kode, sasaran **owner)
{
	for (size_t i = 0; kode != NULL && i < r->n_sasaran; i++) {
		sasaran *s = &r->sasaran[i];

		for (size_t j = 0; j < s->n_iku; j++) {
			if (same(s->iku[j].kode, kode)) {
				if (owner != NULL)
					*owner = s;
				return &s->iku[j];
			}
		}
	}
	if (owner != NULL)
		*owner = NULL;
	return NULL;
}

program *
rencana_find_program(const rencana *r, const char *kode)
{
	for (size_t i = 0; kode != NULL && i < r->n_program; i++)
		if (same(r->program[i].kode, kode))
			return &r->program[i];
	return NULL;
}

bidang *
rencana_find_bidang(const rencana *r, const char *kode)
{
	for (size_t i = 0; kode != NULL && i < r->instansi.n_bidang; i++)
		if (same(r->instansi.bidang[i].kode, kode))
			return &r->instansi.bidang[i];
	return NULL;
}

/* ---------------------------------------------------------- string lists */

void
triwulan_list_set(rencana *r, char ***list, size_t *n, size_t i,
		  const char *text)
{
	if (text == NULL)
		lk_fatal("triwulan_list_set: NULL text");
	if (i == *n) {
		*list = insert_at(&r->mem, *list, *n, sizeof **list, i,
		    "triwulan_list_set");
		(*n)++;
	} else if (i > *n) {
		lk_fatal("triwulan_list_set: index %zu, only %zu entries", i, *n);
	}
	(*list)[i] = arena_strdup(&r->mem, text);
}

void
triwulan_list_delete(char **list, size_t *n, size_t i)
{
	remove_at(list, n, sizeof *list, i, "triwulan_list_delete");
}

void
triwulan_list_move(char **list, size_t n, size_t from, size_t to)
{
	move_to(list, n, sizeof *list, from, to, "triwulan_list_move");
}

/* ------------------------------------------------------ supporting tables */

static void
check_tw(int tw, const char *what)
{
	if (tw < 1 || tw > TW_MAX)
		lk_fatal("%s: quarter %d out of range", what, tw);
}

/* The tables of quarter tw, or of the year (tw 0), and their count. */
static tabel **
tabel_slot(sasaran *s, int tw, size_t **n, const char *what)
{
	if (tw == 0) {
		*n = &s->n_tabel_tahunan;
		return &s->tabel_tahunan;
	}
	check_tw(tw, what);
	*n = &s->n_tabel[tw];
	return &s->tabel[tw];
}

tabel *
rencana_tabel(sasaran *s, int tw, size_t *n)
{
	size_t *np;
	tabel **t = tabel_slot(s, tw, &np, "rencana_tabel");

	*n = *np;
	return *t;
}

tabel *
rencana_add_tabel(rencana *r, sasaran *s, int tw, size_t at)
{
	size_t *n;
	tabel **t;

	check_sasaran(r, s, "rencana_add_tabel");
	t = tabel_slot(s, tw, &n, "rencana_add_tabel");
	*t = insert_at(&r->mem, *t, *n, sizeof **t, at, "rencana_add_tabel");
	(*n)++;
	return &(*t)[at];
}

void
rencana_delete_tabel(rencana *r, sasaran *s, int tw, size_t i)
{
	size_t *n;
	tabel **t;

	check_sasaran(r, s, "rencana_delete_tabel");
	t = tabel_slot(s, tw, &n, "rencana_delete_tabel");
	remove_at(*t, n, sizeof **t, i, "rencana_delete_tabel");
}

void
rencana_move_tabel(rencana *r, sasaran *s, int tw, size_t from, size_t to)
{
	size_t *n;
	tabel **t;

	check_sasaran(r, s, "rencana_move_tabel");
	t = tabel_slot(s, tw, &n, "rencana_move_tabel");
	move_to(*t, *n, sizeof **t, from, to, "rencana_move_tabel");
}

/* ------------------------------------------------------------ copy plan */

static char *
dup(arena *a, const char *s)
{
	return s != NULL ? arena_strdup(a, s) : NULL;
}

static void
copy_pejabat(arena *a, pejabat *dst, const pejabat *src)
{
	dst->nama = dup(a, src->nama);
	dst->jabatan = dup(a, src->jabatan);
	dst->pangkat = dup(a, src->pangkat);
	dst->nip = dup(a, src->nip);
}

static void *
alloc_array(arena *a, size_t n, size_t elem)
{
	if (n == 0)
		return NULL;
	if (n > SIZE_MAX / elem)
		lk_fatal("rencana_copy_plan: array too large");
	return arena_alloc(a, n * elem);
}

static void
copy_instansi(arena *a, instansi *dst, const instansi *src)
{
	dst->kode = dup(a, src->kode);
	dst->nama = dup(a, src->nama);
	dst->pemerintah = dup(a, src->pemerintah);
	dst->kota = dup(a, src->kota);
	dst->logo = dup(a, src->logo);
	copy_pejabat(a, &dst->kepala, &src->kepala);
	dst->bidang = alloc_array(a, src->n_bidang, sizeof *dst->bidang);
	dst->n_bidang = src->n_bidang;
	for (size_t i = 0; i < src->n_bidang; i++) {
		const bidang *b = &src->bidang[i];

		dst->bidang[i].kode = dup(a, b->kode);
		dst->bidang[i].nama = dup(a, b->nama);
		dst->bidang[i].ada_kepala = b->ada_kepala;
		copy_pejabat(a, &dst->bidang[i].kepala, &b->kepala);
	}
	/* The agency's own: saving the copy must not take them away. */
	dst->zona_waktu = dup(a, src->zona_waktu);
	dst->verifikasi = dup(a, src->verifikasi);
	dst->tsa = dup(a, src->tsa);
	if (src->predikat.n > 0) {
		predikat_band *band = alloc_array(a, src->predikat.n, sizeof *band);

		for (size_t i = 0; i < src->predikat.n; i++) {
			band[i] = src->predikat.band[i];
			band[i].nama = dup(a, src->predikat.band[i].nama);
			band[i].warna = dup(a, src->predikat.band[i].warna);
		}
		dst->predikat.band = band;
		dst->predikat.n = src->predikat.n;
	}
}

/* Years of v before `sebelum` (all when sebelum is 0). */
static void
copy_tahun(arena *a, tahun_nilai **dst, size_t *n_dst, const tahun_nilai *v,
	   size_t n, int sebelum)
{
	size_t k = 0;

	*dst = alloc_array(a, n, sizeof **dst);
	for (size_t i = 0; i < n; i++)
		if (sebelum == 0 || v[i].tahun < sebelum)
			(*dst)[k++] = v[i];
	*n_dst = k;
	if (k == 0)
		*dst = NULL;
}

/* An IKU's plan data beyond the year: its kategori bands and national
 * standard; within the same Renstra its baseline and Renstra targets; the
 * earlier years' history. */
static void
copy_iku_tahunan(arena *a, iku *dst, const iku *src, bool renstra, int tahun)
{
	dst->kategori = alloc_array(a, src->n_kategori, sizeof *dst->kategori);
	dst->n_kategori = src->n_kategori;
	for (size_t i = 0; i < src->n_kategori; i++) {
		dst->kategori[i] = src->kategori[i];
		dst->kategori[i].label = dup(a, src->kategori[i].label);
	}
	dst->ada_standar_nasional = src->ada_standar_nasional;
	dst->standar_nasional = src->standar_nasional;
	copy_tahun(a, &dst->riwayat, &dst->n_riwayat, src->riwayat,
	    src->n_riwayat, tahun);
	if (!renstra)
		return;
	dst->ada_baseline = src->ada_baseline;
	dst->baseline_tahun = src->baseline_tahun;
	dst->baseline_nilai = src->baseline_nilai;
	copy_tahun(a, &dst->target_renstra, &dst->n_target_renstra,
	    src->target_renstra, src->n_target_renstra, 0);
}

static void
copy_sasaran(arena *a, sasaran *dst, const sasaran *src, bool renstra,
	     int tahun)
{
	dst->kode = dup(a, src->kode);
	dst->uraian = dup(a, src->uraian);
	dst->bidang = dup(a, src->bidang);
	dst->iku = alloc_array(a, src->n_iku, sizeof *dst->iku);
	dst->n_iku = src->n_iku;
	for (size_t j = 0; j < src->n_iku; j++) {
		dst->iku[j].kode = dup(a, src->iku[j].kode);
		dst->iku[j].uraian = dup(a, src->iku[j].uraian);
		dst->iku[j].satuan = dup(a, src->iku[j].satuan);
		dst->iku[j].polaritas = src->iku[j].polaritas;
		copy_iku_tahunan(a, &dst->iku[j], &src->iku[j], renstra, tahun);
		/* The year's target from the Renstra where it gives one,
		 * else blank to be typed: never last year's, never 0. */
		dst->iku[j].target_kosong = true;
		for (size_t k = 0; k < dst->iku[j].n_target_renstra; k++)
			if (dst->iku[j].target_renstra[k].tahun == tahun) {
				dst->iku[j].target = dst->iku[j].target_renstra[k].nilai;
				dst->iku[j].target_kosong = false;
			}
	}
}

static void
copy_program(arena *a, program *dst, const program *src)
{
	dst->kode = dup(a, src->kode);
	dst->uraian = dup(a, src->uraian);
	dst->anggaran_kosong = true;     /* the new year's pagu: to be typed */
	dst->sasaran = alloc_array(a, src->n_sasaran, sizeof *dst->sasaran);
	dst->n_sasaran = src->n_sasaran;
	for (size_t j = 0; j < src->n_sasaran; j++)
		dst->sasaran[j] = dup(a, src->sasaran[j]);
}

rencana *
rencana_copy_plan(const rencana *src, int tahun)
{
	rencana *r = rencana_new();
	arena *a = &r->mem;

	bool renstra = src->renstra.ada && tahun >= src->renstra.awal &&
		tahun <= src->renstra.akhir;

	r->tahun = tahun;
	copy_instansi(a, &r->instansi, &src->instansi);
	if (renstra) {
		r->renstra = src->renstra;
		r->renstra.nama = dup(a, src->renstra.nama);
	}
	r->sasaran = alloc_array(a, src->n_sasaran, sizeof *r->sasaran);
	r->n_sasaran = src->n_sasaran;
	for (size_t i = 0; i < src->n_sasaran; i++)
		copy_sasaran(a, &r->sasaran[i], &src->sasaran[i], renstra, tahun);
	r->program = alloc_array(a, src->n_program, sizeof *r->program);
	r->n_program = src->n_program;
	for (size_t i = 0; i < src->n_program; i++)
		copy_program(a, &r->program[i], &src->program[i]);
	return r;
}

/* ------------------------------------------------------------- counting */

/* Holds something other than spaces and line breaks. */
static bool
terisi(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return true;
	return false;
}

void
rencana_hitung_isian(const rencana *r, int tw, rencana_isian *out)
{
	bool ok = tw >= 1 && tw <= TW_MAX;

	memset(out, 0, sizeof *out);
	out->sasaran = r->n_sasaran;
	out->program = r->n_program;
	for (size_t i = 0; i < r->n_sasaran; i++) {
		const sasaran *s = &r->sasaran[i];

		out->iku += s->n_iku;
		if (!ok)
			continue;
		for (size_t j = 0; j < s->n_iku; j++)
			out->iku_terisi += s->iku[j].ada_realisasi[tw];
		out->narasi_terisi += terisi(s->narasi[tw]);
	}
	if (!ok)
		return;
	for (size_t i = 0; i < r->n_program; i++)
		out->program_terisi += r->program[i].ada_realisasi[tw];
	out->tanggal = r->tw[tw].ada &&
	    tanggal_sah(r->tw[tw].tahun, r->tw[tw].bulan, r->tw[tw].hari);
	out->kesimpulan = terisi(r->tw[tw].kesimpulan);
	out->permasalahan = r->tw[tw].n_permasalahan;
	out->tindak_lanjut = r->tw[tw].n_tindak_lanjut;
}
