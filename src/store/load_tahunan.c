/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* load_tahunan.c - reading the data of the whole year (schema version 7,
 * written by save_tahunan.c) into a loaded rencana, and the realisations
 * of the agency's other years (store_realisasi_lalu).
 *
 * Rows name their IKU, program and sasaran by kode (joined); lists come
 * ordered by owner, so each owner's rows are one run.  All model memory
 * is in r->mem.
 */
#include "config.h"
#include "store/store_int.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

enum {
	LT_INSTANSI, LT_RENSTRA, LT_IKU_TAHUNAN, LT_IKU_TAHUN, LT_KATEGORI,
	LT_KETERANGAN, LT_TAHUNAN, LT_REAL_IKU, LT_REAL_PROGRAM, LT_DAFTAR,
	LT_NARASI, LT_TABEL, LT_SEL, LT_TEKS, LT_PK, LT_COUNT
};

static const char *const sql[LT_COUNT] = {
	[LT_INSTANSI] =
	"SELECT zona_waktu, verifikasi, tsa FROM instansi WHERE id = ?1",
	[LT_RENSTRA] = "SELECT awal, akhir, nama FROM renstra WHERE rencana_id = ?1",
	[LT_IKU_TAHUNAN] =
	"SELECT i.kode, t.baseline_tahun, t.baseline_nilai, t.standar_nasional"
	" FROM iku_tahunan t JOIN iku i ON i.id = t.iku_id WHERE i.rencana_id = ?1",
	[LT_IKU_TAHUN] =
	"SELECT i.kode, t.jenis, t.tahun, t.nilai FROM iku_tahun t"
	" JOIN iku i ON i.id = t.iku_id WHERE i.rencana_id = ?1"
	" ORDER BY t.iku_id, t.jenis, t.tahun",
	[LT_KATEGORI] =
	"SELECT i.kode, k.label, k.syarat, k.batas FROM iku_kategori k"
	" JOIN iku i ON i.id = k.iku_id WHERE i.rencana_id = ?1"
	" ORDER BY k.iku_id, k.urutan",
	[LT_KETERANGAN] =
	"SELECT i.kode, tw.nomor, k.teks FROM keterangan k"
	" JOIN triwulan tw ON tw.id = k.triwulan_id"
	" JOIN iku i ON i.id = k.iku_id WHERE tw.rencana_id = ?1",
	[LT_TAHUNAN] =
	"SELECT tanggal, ringkasan, gambaran_umum, kesimpulan FROM tahunan"
	" WHERE rencana_id = ?1",
	[LT_REAL_IKU] =
	"SELECT i.kode, t.nilai FROM tahunan_realisasi_iku t"
	" JOIN iku i ON i.id = t.iku_id WHERE i.rencana_id = ?1",
	[LT_REAL_PROGRAM] =
	"SELECT p.kode, t.nilai FROM tahunan_realisasi_program t"
	" JOIN program p ON p.id = t.program_id WHERE p.rencana_id = ?1",
	[LT_DAFTAR] =
	"SELECT jenis, teks FROM tahunan_daftar WHERE rencana_id = ?1"
	" ORDER BY jenis, urutan",
	[LT_NARASI] =
	"SELECT s.kode, n.teks FROM tahunan_narasi n"
	" JOIN sasaran s ON s.id = n.sasaran_id WHERE s.rencana_id = ?1",
	[LT_TABEL] =
	"SELECT s.kode, t.id, t.judul, t.catatan FROM tahunan_tabel t"
	" JOIN sasaran s ON s.id = t.sasaran_id WHERE s.rencana_id = ?1"
	" ORDER BY t.sasaran_id, t.urutan",
	[LT_SEL] =
	"SELECT baris, kolom, teks FROM tahunan_tabel_sel WHERE tabel_id = ?1"
	" ORDER BY baris, kolom",
	[LT_TEKS] =
	"SELECT dokumen, nama, teks FROM teks_ganti_tahunan WHERE rencana_id = ?1"
	" ORDER BY dokumen, urutan",
	[LT_PK] =
	"SELECT tanggal, nama, jabatan, pangkat, nip FROM perjanjian"
	" WHERE rencana_id = ?1",
};

/* LT_INSTANSI before STORE_VERSION_TSA */
static const char sql_instansi_12[] =
	"SELECT zona_waktu, verifikasi, NULL FROM instansi WHERE id = ?1";

typedef struct lctx {
	store *s;
	lk_err *e;
	rencana *r;
	drv_st *st[LT_COUNT];
	bool sent[LT_COUNT];         /* bound and sent ahead (prefetch) */
	store_strmap iku;            /* kode -> index in iku_ptr */
	iku **iku_ptr;
} lctx;

static int
q(lctx *c, int k, int64_t id, drv_st **out)
{
	int rc;

	if (c->sent[k]) {
		c->sent[k] = false;
		*out = c->st[k];
		return 0;
	}
	if ((rc = store_stmt(c->s, &c->st[k], k == LT_INSTANSI &&
	    c->s->version < STORE_VERSION_TSA ? sql_instansi_12 : sql[k],
	    c->e)) != 0)
		return rc;
	store_bind_int(c->s, c->st[k], 1, id);
	if ((rc = store_check_bind(c->s, c->e)) != 0)
		return rc;
	*out = c->st[k];
	return 0;
}

static int
fail(lctx *c, int rc)
{
	return store_fail(c->s, rc, c->e, _("cannot read the database"));
}

/* The year's queries bound to the plan and sent ahead, in the order they
 * are read (drv_prefetch); a table's cells (LT_SEL) follow their table
 * and are asked then.  An older schema reads them one by one. */
static int
prefetch(lctx *c, int64_t rid)
{
	static const int order[] = {
		LT_RENSTRA, LT_IKU_TAHUNAN, LT_IKU_TAHUN, LT_KATEGORI,
		LT_KETERANGAN, LT_TABEL, LT_TAHUNAN, LT_REAL_IKU, LT_REAL_PROGRAM,
		LT_DAFTAR, LT_NARASI, LT_PK, LT_TEKS,
	};
	drv_st *st;
	int rc;

	if (c->s->version != STORE_SCHEMA_VERSION)
		return 0;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		if ((rc = q(c, order[i], rid, &st)) != 0)
			return rc;
		if ((rc = drv_prefetch(st)) != DRV_OK)
			return fail(c, rc);
		c->sent[order[i]] = true;
	}
	return 0;
}

static int
damaged(lctx *c, const char *what)
{
	return lk_fail(c->e, EX_DATAERR, _("%s: database is damaged: %s"),
		       c->s->path, what);
}

static char *
txt(lctx *c, drv_st *st, int i)
{
	const char *t = drv_col_text(st, i);

	return t == NULL ? NULL : arena_strdup(&c->r->mem, (const char *)t);
}

static bool
is_null(drv_st *st, int i)
{
	return drv_col_type(st, i) == DRV_NULL;
}

static iku *
find_iku_c(lctx *c, const char *kode)
{
	size_t i;

	if (kode == NULL || !store_strmap_get(&c->iku, kode, &i))
		return NULL;
	return c->iku_ptr[i];
}

/* The kode map of the plan's IKU (a plan may have thousands). */
static void
map_iku(lctx *c)
{
	rencana *r = c->r;
	size_t n = 0, k = 0;

	for (size_t i = 0; i < r->n_sasaran; i++)
		n += r->sasaran[i].n_iku;
	c->iku_ptr = malloc((n + 1) * sizeof *c->iku_ptr);
	if (c->iku_ptr == NULL)
		lk_fatal("out of memory");
	store_strmap_init(&c->iku, n);
	for (size_t i = 0; i < r->n_sasaran; i++)
		for (size_t j = 0; j < r->sasaran[i].n_iku; j++) {
			c->iku_ptr[k] = &r->sasaran[i].iku[j];
			store_strmap_put(&c->iku, r->sasaran[i].iku[j].kode, k++);
		}
}

static sasaran *
find_sasaran(rencana *r, const char *kode)
{
	for (size_t i = 0; kode != NULL && i < r->n_sasaran; i++)
		if (strcmp(r->sasaran[i].kode, kode) == 0)
			return &r->sasaran[i];
	return NULL;
}

static program *
find_program(rencana *r, const char *kode)
{
	for (size_t i = 0; kode != NULL && i < r->n_program; i++)
		if (strcmp(r->program[i].kode, kode) == 0)
			return &r->program[i];
	return NULL;
}

static bool
parse_date(const char *s, int *y, int *m, int *d)
{
	return s != NULL && strlen(s) == 10 &&
	       sscanf(s, "%4d-%2d-%2d", y, m, d) == 3 && tanggal_sah(*y, *m, *d);
}

/* Grow an arena array by one: the old elements are copied (lists are
 * short: Renstra years, bands, list items). */
static void *
grow(arena *a, void *old, size_t n, size_t sz)
{
	void *p = arena_alloc(a, (n + 1) * sz);

	if (n > 0)
		memcpy(p, old, n * sz);
	return p;
}

static int
load_iku(lctx *c, int64_t rid)
{
	rencana *r = c->r;
	drv_st *st;
	int rc;

	if ((rc = q(c, LT_IKU_TAHUNAN, rid, &st)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		iku *k = find_iku_c(c, drv_col_text(st, 0));

		if (k == NULL)
			continue;
		k->ada_baseline = !is_null(st, 1);
		k->baseline_tahun = (int)drv_col_int(st, 1);
		k->baseline_nilai = drv_col_int(st, 2);
		k->ada_standar_nasional = !is_null(st, 3);
		k->standar_nasional = drv_col_int(st, 3);
	}
	if (rc != DRV_DONE)
		return fail(c, rc);
	if ((rc = q(c, LT_IKU_TAHUN, rid, &st)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		iku *k = find_iku_c(c, drv_col_text(st, 0));
		const char *jenis = drv_col_text(st, 1);
		bool renstra = jenis != NULL && strcmp(jenis, "renstra") == 0;
		tahun_nilai **v;
		size_t *n;

		if (k == NULL)
			continue;
		v = renstra ? &k->target_renstra : &k->riwayat;
		n = renstra ? &k->n_target_renstra : &k->n_riwayat;
		*v = grow(&r->mem, *v, *n, sizeof **v);
		(*v)[*n].tahun = (int)drv_col_int(st, 2);
		(*v)[*n].nilai = drv_col_int(st, 3);
		(*n)++;
	}
	if (rc != DRV_DONE)
		return fail(c, rc);
	if ((rc = q(c, LT_KATEGORI, rid, &st)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		iku *k = find_iku_c(c, drv_col_text(st, 0));
		const char *sy = drv_col_text(st, 2);
		kategori_band *b;

		if (k == NULL)
			continue;
		k->kategori = grow(&r->mem, k->kategori, k->n_kategori,
				   sizeof *k->kategori);
		b = &k->kategori[k->n_kategori++];
		b->label = txt(c, st, 1);
		b->syarat = sy == NULL ? KATEGORI_SISA :
			    strcmp(sy, "lebih_dari") == 0 ? KATEGORI_LEBIH_DARI :
			    KATEGORI_MINIMAL;
		b->batas = drv_col_int(st, 3);
	}
	if (rc != DRV_DONE)
		return fail(c, rc);
	if ((rc = q(c, LT_KETERANGAN, rid, &st)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		iku *k = find_iku_c(c, drv_col_text(st, 0));
		int n = (int)drv_col_int(st, 1);

		if (k != NULL && n >= 1 && n <= TW_MAX)
			k->keterangan[n] = txt(c, st, 2);
	}
	return rc == DRV_DONE ? 0 : fail(c, rc);
}

static int
load_tabel(lctx *c, int64_t rid)
{
	rencana *r = c->r;
	drv_st *st, *sel;
	int rc;

	if ((rc = q(c, LT_TABEL, rid, &st)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		sasaran *s = find_sasaran(r, drv_col_text(st, 0));
		int64_t id = drv_col_int(st, 1);
		tabel *tb;
		int src;

		if (s == NULL)
			continue;
		s->tabel_tahunan = grow(&r->mem, s->tabel_tahunan,
					s->n_tabel_tahunan, sizeof(tabel));
		tb = &s->tabel_tahunan[s->n_tabel_tahunan++];
		memset(tb, 0, sizeof *tb);
		tb->judul = txt(c, st, 2);
		tb->catatan = txt(c, st, 3);
		if ((rc = q(c, LT_SEL, id, &sel)) != 0)
			return rc;
		while ((src = drv_step(sel)) == DRV_ROW) {
			int64_t b = drv_col_int(sel, 0);
			char *t = txt(c, sel, 2);

			if (t == NULL)
				t = arena_strdup(&r->mem, "");
			if (b < 0) {
				tb->kolom = grow(&r->mem, tb->kolom, tb->n_kolom,
						 sizeof(char *));
				tb->kolom[tb->n_kolom++] = t;
				continue;
			}
			if ((size_t)b >= tb->n_baris) {
				if ((size_t)b != tb->n_baris)
					return damaged(c, _("a table row is missing"));
				tb->baris = grow(&r->mem, tb->baris, tb->n_baris,
						 sizeof(char **));
				tb->n_sel = grow(&r->mem, tb->n_sel, tb->n_baris,
						 sizeof(size_t));
				tb->baris[tb->n_baris] = NULL;
				tb->n_sel[tb->n_baris] = 0;
				tb->n_baris++;
			}
			tb->baris[b] = grow(&r->mem, tb->baris[b], tb->n_sel[b],
					    sizeof(char *));
			tb->baris[b][tb->n_sel[b]++] = t;
		}
		if (src != DRV_DONE)
			return fail(c, src);
	}
	return rc == DRV_DONE ? 0 : fail(c, rc);
}

static void
add_str(arena *a, char ***v, size_t *n, char *s)
{
	*v = grow(a, *v, *n, sizeof(char *));
	(*v)[(*n)++] = s;
}

static int
load_report(lctx *c, int64_t rid)
{
	rencana *r = c->r;
	tahunan *t = &r->tahunan;
	perjanjian *p = &r->perjanjian;
	drv_st *st;
	int rc;

	if ((rc = q(c, LT_TAHUNAN, rid, &st)) != 0)
		return rc;
	if ((rc = drv_step(st)) == DRV_ROW) {
		char *d = txt(c, st, 0);

		if (!parse_date(d, &t->tahun, &t->bulan, &t->hari))
			return damaged(c, _("the annual report has an invalid date"));
		t->ringkasan = txt(c, st, 1);
		t->gambaran_umum = txt(c, st, 2);
		t->kesimpulan = txt(c, st, 3);
		t->ada = true;
	} else if (rc != DRV_DONE)
		return fail(c, rc);
	drv_reset(st);
	if ((rc = q(c, LT_REAL_IKU, rid, &st)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		iku *k = find_iku_c(c, drv_col_text(st, 0));

		if (k != NULL) {
			k->ada_realisasi_tahunan = true;
			k->realisasi_tahunan = drv_col_int(st, 1);
		}
	}
	if (rc != DRV_DONE)
		return fail(c, rc);
	if ((rc = q(c, LT_REAL_PROGRAM, rid, &st)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		program *pg = find_program(r, drv_col_text(st, 0));

		if (pg != NULL) {
			pg->ada_realisasi_tahunan = true;
			pg->realisasi_tahunan = drv_col_int(st, 1);
		}
	}
	if (rc != DRV_DONE)
		return fail(c, rc);
	if ((rc = q(c, LT_DAFTAR, rid, &st)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		const char *j = drv_col_text(st, 0);
		char *s = txt(c, st, 1);

		if (j == NULL || s == NULL)
			continue;
		if (strcmp(j, "isu_strategis") == 0)
			add_str(&r->mem, &t->isu_strategis, &t->n_isu_strategis, s);
		else if (strcmp(j, "permasalahan") == 0)
			add_str(&r->mem, &t->permasalahan, &t->n_permasalahan, s);
		else
			add_str(&r->mem, &t->tindak_lanjut, &t->n_tindak_lanjut, s);
	}
	if (rc != DRV_DONE)
		return fail(c, rc);
	if ((rc = q(c, LT_NARASI, rid, &st)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		sasaran *s = find_sasaran(r, drv_col_text(st, 0));

		if (s != NULL)
			s->narasi_tahunan = txt(c, st, 1);
	}
	if (rc != DRV_DONE)
		return fail(c, rc);
	if ((rc = load_tabel(c, rid)) != 0)
		return rc;
	if ((rc = q(c, LT_PK, rid, &st)) != 0)
		return rc;
	if ((rc = drv_step(st)) == DRV_ROW) {
		char *d = txt(c, st, 0);

		if (!parse_date(d, &p->tahun, &p->bulan, &p->hari))
			return damaged(c, _("the agreement has an invalid date"));
		p->pihak_kedua.nama = txt(c, st, 1);
		p->pihak_kedua.jabatan = txt(c, st, 2);
		p->pihak_kedua.pangkat = txt(c, st, 3);
		p->pihak_kedua.nip = txt(c, st, 4);
		p->ada = true;
	} else if (rc != DRV_DONE)
		return fail(c, rc);
	drv_reset(st);
	if ((rc = q(c, LT_TEKS, rid, &st)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		const char *d = drv_col_text(st, 0);
		bool pk = d != NULL && strcmp(d, "perjanjian") == 0;
		teks_ganti **v = pk ? &p->teks : &r->tahunan.teks;
		size_t *n = pk ? &p->n_teks : &r->tahunan.n_teks;
		char *tk = txt(c, st, 2);

		*v = grow(&r->mem, *v, *n, sizeof **v);
		(*v)[*n].nama = txt(c, st, 1);
		(*v)[*n].teks = tk ? tk : arena_strdup(&r->mem, "");
		(*n)++;
	}
	return rc == DRV_DONE ? 0 : fail(c, rc);
}

int
store_load_tahunan(store *s, int64_t instansi_id, int64_t rencana_id,
		   rencana *r, lk_err *e)
{
	lctx c;
	drv_st *st;
	int rc;

	if (s->version < STORE_VERSION_TAHUNAN)
		return 0;
	memset(&c, 0, sizeof c);
	c.s = s;
	c.e = e;
	c.r = r;
	rc = 0;
	if (instansi_id != 0 && (rc = q(&c, LT_INSTANSI, instansi_id, &st)) == 0) {
		if ((rc = drv_step(st)) == DRV_ROW) {
			r->instansi.zona_waktu = txt(&c, st, 0);
			r->instansi.verifikasi = txt(&c, st, 1);
			r->instansi.tsa = txt(&c, st, 2);
			rc = 0;
		} else {
			rc = rc == DRV_DONE ? 0 : fail(&c, rc);
		}
	}
	if (rc == 0 && rencana_id != 0)
		rc = prefetch(&c, rencana_id);
	if (rc == 0 && rencana_id != 0) {
		rc = q(&c, LT_RENSTRA, rencana_id, &st);
		if (rc == 0 && (rc = drv_step(st)) == DRV_ROW) {
			r->renstra.ada = true;
			r->renstra.awal = (int)drv_col_int(st, 0);
			r->renstra.akhir = (int)drv_col_int(st, 1);
			r->renstra.nama = txt(&c, st, 2);
			rc = 0;
		} else if (rc == DRV_DONE)
			rc = 0;
		else if (rc != 0)
			rc = fail(&c, rc);
		map_iku(&c);
		if (rc == 0)
			rc = load_iku(&c, rencana_id);
		if (rc == 0)
			rc = load_report(&c, rencana_id);
		store_strmap_free(&c.iku);
		free(c.iku_ptr);
	}
	store_finalize_all(c.st, LT_COUNT);
	return rc;
}

/* ---- other years ---- */

static const char sql_lalu[] =
	"SELECT r.tahun, i.kode, COALESCE(t.nilai, ("
	"  SELECT ri.nilai FROM realisasi_iku ri"
	"  JOIN triwulan tw ON tw.id = ri.triwulan_id"
	"  WHERE tw.rencana_id = r.id AND tw.nomor = 4 AND ri.iku_id = i.id))"
	" FROM rencana r JOIN instansi ins ON ins.id = r.instansi_id"
	" JOIN iku i ON i.rencana_id = r.id"
	" LEFT JOIN tahunan_realisasi_iku t ON t.iku_id = i.id"
	" WHERE ins.kode = ?1 AND r.tahun BETWEEN ?2 AND ?3"
	" ORDER BY r.tahun, i.kode";

static const char sql_lalu_v6[] =
	"SELECT r.tahun, i.kode, ri.nilai FROM rencana r"
	" JOIN instansi ins ON ins.id = r.instansi_id"
	" JOIN iku i ON i.rencana_id = r.id"
	" JOIN triwulan tw ON tw.rencana_id = r.id AND tw.nomor = 4"
	" JOIN realisasi_iku ri ON ri.triwulan_id = tw.id AND ri.iku_id = i.id"
	" WHERE ins.kode = ?1 AND r.tahun BETWEEN ?2 AND ?3"
	" ORDER BY r.tahun, i.kode";

int
store_realisasi_lalu(store *s, const char *instansi, int dari, int sampai,
		     arena *a, tahunan_lalu **out, size_t *n_out, lk_err *e)
{
	drv_st *st = NULL;
	tahunan_lalu *v = NULL;
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	*n_out = 0;
	if (sampai < dari || s->version < STORE_VERSION_TRIWULAN)
		return 0;
	rc = store_stmt(s, &st, s->version >= STORE_VERSION_TAHUNAN ? sql_lalu :
			sql_lalu_v6, e);
	if (rc != 0)
		return rc;
	store_bind_text(s, st, 1, instansi);
	store_bind_int(s, st, 2, dari);
	store_bind_int(s, st, 3, sampai);
	if ((rc = store_check_bind(s, e)) != 0) {
		drv_finalize(st);
		return rc;
	}
	while ((rc = drv_step(st)) == DRV_ROW) {
		if (drv_col_type(st, 2) == DRV_NULL)
			continue;
		if (n == cap) {
			tahunan_lalu *w;

			cap = cap ? cap * 2 : 16;
			w = arena_alloc(a, cap * sizeof *w);
			if (n > 0)
				memcpy(w, v, n * sizeof *w);
			v = w;
		}
		v[n].tahun = (int)drv_col_int(st, 0);
		v[n].iku = arena_strdup(a, drv_col_text(st, 1));
		v[n].nilai = drv_col_int(st, 2);
		n++;
	}
	drv_finalize(st);
	if (rc != DRV_DONE)
		return store_fail(s, rc, e, _("cannot read the database"));
	*out = v;
	*n_out = n;
	return 0;
}
