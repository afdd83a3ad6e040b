/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* save_audit.c - the audit records of store_save, field by field.
 *
 * Owns: turning a change of an entity into audit records: an update gives
 * one record per field that differs (old -> new); an insert one record
 * with the entity's name (field "nama" or "uraian"), a delete likewise
 * with the old value.  Quarter fields, realisations, narratives and
 * supporting tables are recorded per entity kode.  Numbers are written
 * in machine form (x10^4 for nilai, rupiah with sen for money); lists are
 * joined with newlines (program sasaran with commas).
 */
#include "config.h"
#include "store/save_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dec.h"

int
sv_au(save_ctx *c, const char *action, const char *scope, const char *tbl,
      const char *kode, const char *field, const char *old, const char *nw)
{
	if (action == NULL)
		action = old == NULL ? "insert" : nw == NULL ? "delete" : "update";
	return store_audit6(c->s, action, scope, tbl, kode, field, old, nw, c->e);
}

/* A record when a and b differ. */
static int
au_s(save_ctx *c, const char *scope, const char *tbl, const char *kode,
     const char *field, const char *a, const char *b)
{
	if (store_streq(a, b))
		return 0;
	return sv_au(c, "update", scope, tbl, kode, field, a, b);
}

static const char *
num(bool ada, int64_t v, int scale, char buf[DEC_BUFSZ])
{
	return ada ? dec_format_machine(v, scale, buf) : NULL;
}

static int
au_n(save_ctx *c, const char *scope, const char *tbl, const char *kode,
     const char *field, bool ada_a, int64_t a, bool ada_b, int64_t b, int scale)
{
	char x[DEC_BUFSZ], y[DEC_BUFSZ];

	if (ada_a == ada_b && (!ada_a || a == b))
		return 0;
	return sv_au(c, NULL, scope, tbl, kode, field, num(ada_a, a, scale, x),
		     num(ada_b, b, scale, y));
}

static int
au_tw(save_ctx *c, const char *scope, const char *tbl, const char *kode,
      const bool *ada_a, const int64_t *a, const bool *ada_b,
      const int64_t *b, int scale)
{
	char field[32];
	int n;

	for (n = 1; n <= TW_MAX; n++) {
		snprintf(field, sizeof field, "target_tw%d", n);
		TRY(au_n(c, scope, tbl, kode, field, ada_a[n], a[n], ada_b[n], b[n],
			 scale));
	}
	return 0;
}

static int
au_urutan(save_ctx *c, const char *scope, const char *tbl, const char *kode,
	  bool moved, size_t a, size_t b)
{
	char x[32], y[32];

	if (!moved)
		return 0;
	snprintf(x, sizeof x, "%zu", a + 1);
	snprintf(y, sizeof y, "%zu", b + 1);
	return sv_au(c, "update", scope, tbl, kode, "urutan", x, y);
}

static int
au_pejabat(save_ctx *c, const char *scope, const char *tbl, const char *kode,
	   const pejabat *a, bool ada_a, const pejabat *b, bool ada_b)
{
	static const pejabat none = { NULL, NULL, NULL, NULL };

	if (!ada_a)
		a = &none;
	if (!ada_b)
		b = &none;
	TRY(au_s(c, scope, tbl, kode, "kepala_nama", a->nama, b->nama));
	TRY(au_s(c, scope, tbl, kode, "kepala_jabatan", a->jabatan, b->jabatan));
	TRY(au_s(c, scope, tbl, kode, "kepala_pangkat", a->pangkat, b->pangkat));
	return au_s(c, scope, tbl, kode, "kepala_nip", a->nip, b->nip);
}

/* "Sangat Tinggi >= 91 (baik)", one band a line; NULL for none. */
static char *
predikat_text(const predikat_tabel *t)
{
	char *out = NULL, buf[DEC_BUFSZ];
	size_t len = 0;
	FILE *f;

	if (t->n == 0)
		return NULL;
	if ((f = open_memstream(&out, &len)) == NULL)
		lk_fatal("out of memory");
	for (size_t i = 0; i < t->n; i++) {
		const predikat_band *b = &t->band[i];

		fprintf(f, "%s%s", i ? "\n" : "", b->nama);
		if (b->ada_min)
			fprintf(f, " >= %s", dec_format_machine(b->min, DEC_PERSEN, buf));
		if (b->warna != NULL)
			fprintf(f, " (%s)", b->warna);
	}
	if (fclose(f) != 0)
		lk_fatal("out of memory");
	return out;
}

static int
au_predikat(save_ctx *c, const char *sc, const char *kode,
	    const predikat_tabel *old, const predikat_tabel *nw)
{
	char *a, *b;
	int rc;

	if (old != NULL && sv_predikat_equal(old, nw))
		return 0;
	a = old != NULL ? predikat_text(old) : NULL;
	b = predikat_text(nw);
	rc = store_streq(a, b) ? 0 : sv_au(c, NULL, sc, "instansi_predikat", kode,
					   "bands", a, b);
	free(a);
	free(b);
	return rc;
}

int
sv_au_instansi(save_ctx *c, const instansi *old, const instansi *nw)
{
	const char *sc = c->scope_instansi;

	if (old == NULL) {
		TRY(sv_au(c, "insert", sc, "instansi", nw->kode, "nama", NULL,
			  nw->nama));
		return au_predikat(c, sc, nw->kode, NULL, &nw->predikat);
	}
	TRY(au_predikat(c, sc, nw->kode, &old->predikat, &nw->predikat));
	TRY(au_s(c, sc, "instansi", nw->kode, "nama", old->nama, nw->nama));
	TRY(au_s(c, sc, "instansi", nw->kode, "pemerintah", old->pemerintah,
		 nw->pemerintah));
	TRY(au_s(c, sc, "instansi", nw->kode, "kota", old->kota, nw->kota));
	TRY(au_s(c, sc, "instansi", nw->kode, "logo", old->logo, nw->logo));
	return au_pejabat(c, sc, "instansi", nw->kode, &old->kepala, true,
			  &nw->kepala, true);
}

int
sv_au_bidang(save_ctx *c, const bidang *old, const bidang *nw, size_t old_pos,
	     size_t new_pos, bool moved)
{
	const char *sc = c->scope_instansi;

	if (old == NULL)
		return sv_au(c, "insert", sc, "bidang", nw->kode, "nama", NULL,
			     nw->nama);
	if (nw == NULL)
		return sv_au(c, "delete", sc, "bidang", old->kode, "nama",
			     old->nama, NULL);
	TRY(au_s(c, sc, "bidang", nw->kode, "nama", old->nama, nw->nama));
	TRY(au_pejabat(c, sc, "bidang", nw->kode, &old->kepala, old->ada_kepala,
		       &nw->kepala, nw->ada_kepala));
	return au_urutan(c, sc, "bidang", nw->kode, moved, old_pos, new_pos);
}

int
sv_au_sasaran(save_ctx *c, const sasaran *old, const sasaran *nw,
	      size_t old_pos, size_t new_pos, bool moved)
{
	const char *sc = c->scope_plan;

	if (old == NULL)
		return sv_au(c, "insert", sc, "sasaran", nw->kode, "uraian", NULL,
			     nw->uraian);
	if (nw == NULL)
		return sv_au(c, "delete", sc, "sasaran", old->kode, "uraian",
			     old->uraian, NULL);
	TRY(au_s(c, sc, "sasaran", nw->kode, "uraian", old->uraian, nw->uraian));
	TRY(au_s(c, sc, "sasaran", nw->kode, "bidang", old->bidang, nw->bidang));
	return au_urutan(c, sc, "sasaran", nw->kode, moved, old_pos, new_pos);
}

static const char *
pol_text(enum polaritas p)
{
	return p == POLARITAS_NEGATIF ? "negatif" : "positif";
}

int
sv_au_iku(save_ctx *c, const iku *old, const char *old_sasaran, const iku *nw,
	  const char *new_sasaran, size_t old_pos, size_t new_pos, bool moved)
{
	const char *sc = c->scope_plan;

	if (old == NULL)
		return sv_au(c, "insert", sc, "iku", nw->kode, "uraian", NULL,
			     nw->uraian);
	if (nw == NULL)
		return sv_au(c, "delete", sc, "iku", old->kode, "uraian",
			     old->uraian, NULL);
	TRY(au_s(c, sc, "iku", nw->kode, "sasaran", old_sasaran, new_sasaran));
	TRY(au_s(c, sc, "iku", nw->kode, "uraian", old->uraian, nw->uraian));
	TRY(au_s(c, sc, "iku", nw->kode, "satuan", old->satuan, nw->satuan));
	TRY(au_s(c, sc, "iku", nw->kode, "polaritas", pol_text(old->polaritas),
		 pol_text(nw->polaritas)));
	TRY(au_n(c, sc, "iku", nw->kode, "target", !old->target_kosong,
		 old->target, !nw->target_kosong, nw->target, 4));
	TRY(au_tw(c, sc, "iku", nw->kode, old->ada_target_tw, old->target_tw,
		  nw->ada_target_tw, nw->target_tw, 4));
	return au_urutan(c, sc, "iku", nw->kode, moved && store_streq(old_sasaran,
			 new_sasaran), old_pos, new_pos);
}

static char *
join(char *const *v, size_t n, const char *sep)
{
	size_t i, len = 1;
	char *out;

	for (i = 0; i < n; i++)
		len += strlen(v[i] ? v[i] : "") + strlen(sep);
	if ((out = calloc(1, len)) == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < n; i++) {
		if (i)
			strcat(out, sep);
		strcat(out, v[i] ? v[i] : "");
	}
	return out;
}

/* A list as one value: NULL when empty. */
static int
au_list(save_ctx *c, const char *scope, const char *tbl, const char *kode,
	const char *field, char *const *a, size_t na, char *const *b,
	size_t nb, const char *sep)
{
	char *x, *y;
	int rc;

	if (sv_strv_equal(a, na, b, nb))
		return 0;
	x = join(a, na, sep);
	y = join(b, nb, sep);
	rc = sv_au(c, NULL, scope, tbl, kode, field, na ? x : NULL, nb ? y : NULL);
	free(x);
	free(y);
	return rc;
}

int
sv_au_program(save_ctx *c, const program *old, const program *nw,
	      size_t old_pos, size_t new_pos, bool moved)
{
	const char *sc = c->scope_plan;

	if (old == NULL)
		return sv_au(c, "insert", sc, "program", nw->kode, "uraian", NULL,
			     nw->uraian);
	if (nw == NULL)
		return sv_au(c, "delete", sc, "program", old->kode, "uraian",
			     old->uraian, NULL);
	TRY(au_s(c, sc, "program", nw->kode, "uraian", old->uraian, nw->uraian));
	TRY(au_n(c, sc, "program", nw->kode, "anggaran", !old->anggaran_kosong,
		 old->anggaran, !nw->anggaran_kosong, nw->anggaran, 2));
	TRY(au_tw(c, sc, "program", nw->kode, old->ada_target_tw, old->target_tw,
		  nw->ada_target_tw, nw->target_tw, 2));
	TRY(au_list(c, sc, "program", nw->kode, "sasaran", old->sasaran,
		    old->n_sasaran, nw->sasaran, nw->n_sasaran, ","));
	return au_urutan(c, sc, "program", nw->kode, moved, old_pos, new_pos);
}

/* Tables of a sasaran in one text: per table its title, columns and rows
 * (cells separated by tabs), then the note. */
static char *
tabel_text(const tabel *t, size_t n)
{
	size_t i, b, k, len = 1;
	char *out;

	for (i = 0; i < n; i++) {
		len += strlen(t[i].judul ? t[i].judul : "") + strlen(t[i].catatan
			? t[i].catatan : "") + 4;
		for (k = 0; k < t[i].n_kolom; k++)
			len += strlen(t[i].kolom[k] ? t[i].kolom[k] : "") + 1;
		for (b = 0; b < t[i].n_baris; b++)
			for (k = 0; k < t[i].n_sel[b]; k++)
				len += strlen(t[i].baris[b][k] ? t[i].baris[b][k]
					      : "") + 2;
	}
	if ((out = calloc(1, len)) == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < n; i++) {
		strcat(out, t[i].judul ? t[i].judul : "");
		strcat(out, "\n");
		for (k = 0; k < t[i].n_kolom; k++) {
			strcat(out, k ? "\t" : "");
			strcat(out, t[i].kolom[k] ? t[i].kolom[k] : "");
		}
		for (b = 0; b < t[i].n_baris; b++) {
			strcat(out, "\n");
			for (k = 0; k < t[i].n_sel[b]; k++) {
				strcat(out, k ? "\t" : "");
				strcat(out, t[i].baris[b][k] ? t[i].baris[b][k] : "");
			}
		}
		strcat(out, "\n");
		strcat(out, t[i].catatan ? t[i].catatan : "");
		strcat(out, "\n");
	}
	return out;
}

static int
au_tabel(save_ctx *c, int n, const char *kode, const sasaran *old,
	 const sasaran *nw)
{
	size_t na = old ? old->n_tabel[n] : 0, nb = nw ? nw->n_tabel[n] : 0;
	char *x, *y;
	int rc;

	if (na == 0 && nb == 0)
		return 0;
	if (old != NULL && nw != NULL
	    && sv_tabel_list_equal(old->tabel[n], na, nw->tabel[n], nb))
		return 0;
	x = tabel_text(na ? old->tabel[n] : NULL, na);
	y = tabel_text(nb ? nw->tabel[n] : NULL, nb);
	rc = sv_au(c, NULL, c->scope_tw[n], "tabel", kode, "tabel", na ? x : NULL,
		   nb ? y : NULL);
	free(x);
	free(y);
	return rc;
}

static int
au_teks(save_ctx *c, int n, const triwulan *a, const triwulan *b)
{
	size_t i, k;

	if (sv_teks_equal(a, b))
		return 0;
	for (i = 0; i < b->n_teks; i++) {
		const char *old = NULL;

		for (k = 0; k < a->n_teks; k++)
			if (store_streq(a->teks[k].nama, b->teks[i].nama))
				old = a->teks[k].teks;
		TRY(au_s(c, c->scope_tw[n], "teks_ganti", b->teks[i].nama, "teks",
			 old, b->teks[i].teks));
	}
	for (k = 0; k < a->n_teks; k++) {
		bool kept = false;

		for (i = 0; i < b->n_teks; i++)
			kept |= store_streq(a->teks[k].nama, b->teks[i].nama);
		if (!kept)
			TRY(sv_au(c, "delete", c->scope_tw[n], "teks_ganti",
				  a->teks[k].nama, "teks", a->teks[k].teks, NULL));
	}
	return 0;
}

int
sv_au_triwulan(save_ctx *c, int n)
{
	const triwulan *a = &c->old.r->tw[n], *b = &c->r->tw[n];
	static const triwulan none;
	const char *sc = c->scope_tw[n];
	char x[16], y[16];
	const char *tb = triwulan_tanggal_iso(b, y);
	size_t i, j;

	if (!a->ada) {
		TRY(sv_au(c, "insert", sc, "triwulan", NULL, "tanggal", NULL, tb));
		a = &none;
	} else {
		TRY(au_s(c, sc, "triwulan", NULL, "tanggal",
			 triwulan_tanggal_iso(a, x), tb));
	}
	TRY(au_s(c, sc, "triwulan", NULL, "kesimpulan", a->kesimpulan,
		 b->kesimpulan));
	TRY(au_list(c, sc, "triwulan", NULL, "permasalahan", a->permasalahan,
		    a->n_permasalahan, b->permasalahan, b->n_permasalahan, "\n"));
	TRY(au_list(c, sc, "triwulan", NULL, "tindak_lanjut", a->tindak_lanjut,
		    a->n_tindak_lanjut, b->tindak_lanjut, b->n_tindak_lanjut, "\n"));
	TRY(au_teks(c, n, a, b));
	for (i = 0; i < c->nw.ik.n; i++) {
		const iku *k = c->nw.ik.k[i], *ok = NULL;

		if ((j = c->nw.ik.peer[i]) != NONE)
			ok = c->od.ik.k[j];
		TRY(au_n(c, sc, "realisasi_iku", k->kode, "nilai",
			 ok ? ok->ada_realisasi[n] : false, ok ? ok->realisasi[n] : 0,
			 k->ada_realisasi[n], k->realisasi[n], 4));
	}
	for (i = 0; i < c->r->n_program; i++) {
		const program *p = &c->r->program[i], *op = NULL;

		if ((j = c->nw.program_peer[i]) != NONE)
			op = &c->old.r->program[j];
		TRY(au_n(c, sc, "realisasi_program", p->kode, "nilai",
			 op ? op->ada_realisasi[n] : false,
			 op ? op->realisasi[n] : 0, p->ada_realisasi[n],
			 p->realisasi[n], 2));
	}
	for (i = 0; i < c->r->n_sasaran; i++) {
		const sasaran *sa = &c->r->sasaran[i], *os = NULL;

		if ((j = c->nw.sasaran_peer[i]) != NONE)
			os = &c->old.r->sasaran[j];
		if (!store_streq(os ? os->narasi[n] : NULL, sa->narasi[n]))
			TRY(sv_au(c, NULL, sc, "narasi", sa->kode, "teks",
				  os ? os->narasi[n] : NULL, sa->narasi[n]));
		TRY(au_tabel(c, n, sa->kode, os, sa));
	}
	return 0;
}
