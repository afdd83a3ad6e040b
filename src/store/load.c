/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* load.c - reading a whole plan into a rencana.
 *
 * Set-based: one query per table for the whole plan, ordered by urutan,
 * rows mapped to model entries through id hash maps; lists are built by
 * collecting the rows, counting per parent, then filling arena arrays.
 * All model memory is in r->mem.
 */
#include "config.h"
#include "store/store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

enum {
	L_INSTANSI, L_BIDANG, L_RENCANA, L_SASARAN, L_IKU, L_IKU_TW, L_PROGRAM,
	L_PROGRAM_TW, L_PROGRAM_SASARAN, L_TRIWULAN, L_REAL_IKU, L_REAL_PROGRAM,
	L_NARASI, L_TABEL, L_TABEL_KOLOM, L_TABEL_SEL, L_PERMASALAHAN,
	L_TINDAK_LANJUT, L_TEKS, L_PREDIKAT, L_COUNT
};

static const char *const load_sql[L_COUNT] = {
	[L_PREDIKAT] =
	"SELECT nama, min, warna FROM instansi_predikat WHERE instansi_id = ?1"
	" ORDER BY urutan",
	[L_INSTANSI] =
	"SELECT id, nama, pemerintah, kota, logo, kepala_nama, kepala_jabatan,"
	" kepala_pangkat, kepala_nip FROM instansi WHERE kode = ?1",
	[L_BIDANG] =
	"SELECT id, urutan, kode, nama, kepala_nama, kepala_jabatan,"
	" kepala_pangkat, kepala_nip FROM bidang WHERE instansi_id = ?1"
	" ORDER BY urutan, id",
	[L_RENCANA] =
	"SELECT id FROM rencana WHERE instansi_id = ?1 AND tahun = ?2",
	[L_SASARAN] =
	"SELECT s.id, s.urutan, s.kode, s.uraian, b.kode FROM sasaran s"
	" LEFT JOIN bidang b ON b.id = s.bidang_id WHERE s.rencana_id = ?1"
	" ORDER BY s.urutan, s.id",
	[L_IKU] =
	"SELECT i.id, i.urutan, i.sasaran_id, i.kode, i.uraian, i.satuan,"
	" i.polaritas, i.target FROM iku i JOIN sasaran s ON s.id = i.sasaran_id"
	" WHERE i.rencana_id = ?1 ORDER BY s.urutan, s.id, i.urutan, i.id",
	[L_IKU_TW] =
	"SELECT t.iku_id, t.triwulan, t.target FROM iku_target_tw t"
	" JOIN iku i ON i.id = t.iku_id WHERE i.rencana_id = ?1",
	[L_PROGRAM] =
	"SELECT id, urutan, kode, uraian, anggaran FROM program"
	" WHERE rencana_id = ?1 ORDER BY urutan, id",
	[L_PROGRAM_TW] =
	"SELECT t.program_id, t.triwulan, t.target FROM program_target_tw t"
	" JOIN program p ON p.id = t.program_id WHERE p.rencana_id = ?1",
	[L_PROGRAM_SASARAN] =
	"SELECT ps.program_id, s.kode FROM program_sasaran ps"
	" JOIN program p ON p.id = ps.program_id"
	" JOIN sasaran s ON s.id = ps.sasaran_id"
	" WHERE p.rencana_id = ?1 ORDER BY ps.program_id, ps.urutan",
	[L_TRIWULAN] =
	"SELECT id, nomor, tanggal, kesimpulan FROM triwulan"
	" WHERE rencana_id = ?1",
	[L_REAL_IKU] =
	"SELECT t.nomor, r.iku_id, r.nilai FROM realisasi_iku r"
	" JOIN triwulan t ON t.id = r.triwulan_id WHERE t.rencana_id = ?1",
	[L_REAL_PROGRAM] =
	"SELECT t.nomor, r.program_id, r.nilai FROM realisasi_program r"
	" JOIN triwulan t ON t.id = r.triwulan_id WHERE t.rencana_id = ?1",
	[L_NARASI] =
	"SELECT t.nomor, n.sasaran_id, n.teks FROM narasi n"
	" JOIN triwulan t ON t.id = n.triwulan_id WHERE t.rencana_id = ?1",
	[L_TABEL] =
	"SELECT tb.id, t.nomor, tb.sasaran_id, tb.judul, tb.catatan,"
	" tb.jumlah_baris FROM tabel tb JOIN triwulan t ON t.id = tb.triwulan_id"
	" WHERE t.rencana_id = ?1 ORDER BY t.nomor, tb.sasaran_id, tb.urutan",
	[L_TABEL_KOLOM] =
	"SELECT k.tabel_id, k.teks FROM tabel_kolom k"
	" JOIN tabel tb ON tb.id = k.tabel_id"
	" JOIN triwulan t ON t.id = tb.triwulan_id"
	" WHERE t.rencana_id = ?1 ORDER BY k.tabel_id, k.urutan",
	[L_TABEL_SEL] =
	"SELECT c.tabel_id, c.baris, c.teks FROM tabel_sel c"
	" JOIN tabel tb ON tb.id = c.tabel_id"
	" JOIN triwulan t ON t.id = tb.triwulan_id"
	" WHERE t.rencana_id = ?1 ORDER BY c.tabel_id, c.baris, c.kolom",
	[L_PERMASALAHAN] =
	"SELECT t.nomor, p.teks FROM permasalahan p"
	" JOIN triwulan t ON t.id = p.triwulan_id WHERE t.rencana_id = ?1"
	" ORDER BY t.nomor, p.urutan",
	[L_TINDAK_LANJUT] =
	"SELECT t.nomor, p.teks FROM tindak_lanjut p"
	" JOIN triwulan t ON t.id = p.triwulan_id WHERE t.rencana_id = ?1"
	" ORDER BY t.nomor, p.urutan",
	[L_TEKS] =
	"SELECT t.nomor, g.nama, g.teks FROM teks_ganti g"
	" JOIN triwulan t ON t.id = g.triwulan_id WHERE t.rencana_id = ?1"
	" ORDER BY t.nomor, g.urutan",
};

typedef struct load_ctx {
	store *s;
	lk_err *e;
	store_plan *p;
	rencana *r;
	drv_st *st[L_COUNT];
	bool sent[L_COUNT];         /* bound and sent ahead (prefetch) */
	store_idmap sasaran;        /* id -> index in r->sasaran */
	store_idmap iku;            /* id -> index in iku_ptr */
	iku **iku_ptr;
	store_idmap program;        /* id -> index in r->program */
	store_idmap tabel;          /* id -> index in tabel_ptr */
	tabel **tabel_ptr;
} load_ctx;

/* Prepare (or reset) statement k bound to the rencana id. */
static int
query(load_ctx *c, int k, int64_t id, drv_st **out)
{
	int rc;

	if (c->sent[k]) {
		c->sent[k] = false;
		*out = c->st[k];
		return 0;
	}
	if ((rc = store_stmt(c->s, &c->st[k], load_sql[k], c->e)) != 0)
		return rc;
	store_bind_int(c->s, c->st[k], 1, id);
	if ((rc = store_check_bind(c->s, c->e)) != 0)
		return rc;
	*out = c->st[k];
	return 0;
}

static int
step_fail(load_ctx *c, int rc)
{
	return store_fail(c->s, rc, c->e, _("cannot read the database"));
}

static int
damaged(load_ctx *c, const char *what)
{
	return lk_fail(c->e, EX_DATAERR, _("%s: database is damaged: %s"),
		       c->s->path, what);
}

static char *
col_text(load_ctx *c, drv_st *st, int i)
{
	const char *t = drv_col_text(st, i);

	if (t == NULL)
		return NULL;
	return arena_strndup(&c->r->mem, (const char *)t,
			     (size_t)drv_col_bytes(st, i));
}

static int
col_tw(drv_st *st, int i)
{
	int n = (int)drv_col_int(st, i);

	return n >= 1 && n <= TW_MAX ? n : 0;
}

static void
read_pejabat(load_ctx *c, drv_st *st, int i, pejabat *pj)
{
	pj->nama = col_text(c, st, i);
	pj->jabatan = col_text(c, st, i + 1);
	pj->pangkat = col_text(c, st, i + 2);
	pj->nip = col_text(c, st, i + 3);
}

/* The agency's own bands (none before the schema had them). */
static int
load_predikat(load_ctx *c)
{
	predikat_tabel *t = &c->r->instansi.predikat;
	predikat_band *band;
	drv_st *st;
	store_vec rows;
	int rc;

	t->band = NULL;
	t->n = 0;
	if (c->s->version < STORE_VERSION_PREDIKAT)
		return 0;
	if ((rc = query(c, L_PREDIKAT, c->p->instansi_id, &st)) != 0)
		return rc;
	store_vec_init(&rows, sizeof(predikat_band));
	while ((rc = drv_step(st)) == DRV_ROW) {
		predikat_band *b = store_vec_push(&rows);

		b->nama = col_text(c, st, 0);
		b->ada_min = drv_col_type(st, 1) != DRV_NULL;
		b->min = drv_col_int(st, 1);
		b->warna = col_text(c, st, 2);
	}
	if (rc != DRV_DONE) {
		store_vec_free(&rows);
		return step_fail(c, rc);
	}
	band = rows.n ? arena_alloc(&c->r->mem, rows.n * sizeof *band) : NULL;
	if (rows.n)
		memcpy(band, rows.p, rows.n * sizeof *band);
	t->band = band;
	t->n = rows.n;
	store_vec_free(&rows);
	return 0;
}

static int
load_instansi(load_ctx *c, const char *kode)
{
	instansi *in = &c->r->instansi;
	drv_st *st;
	store_vec rows;
	int rc;

	if ((rc = store_stmt(c->s, &c->st[L_INSTANSI], load_sql[L_INSTANSI],
			     c->e)) != 0)
		return rc;
	st = c->st[L_INSTANSI];
	store_bind_text(c->s, st, 1, kode);
	if ((rc = store_check_bind(c->s, c->e)) != 0)
		return rc;
	rc = drv_step(st);
	if (rc == DRV_DONE)
		return 0;
	if (rc != DRV_ROW)
		return step_fail(c, rc);
	c->p->ada_instansi = true;
	c->p->instansi_id = drv_col_int(st, 0);
	in->kode = arena_strdup(&c->r->mem, kode);
	in->nama = col_text(c, st, 1);
	in->pemerintah = col_text(c, st, 2);
	in->kota = col_text(c, st, 3);
	in->logo = col_text(c, st, 4);
	read_pejabat(c, st, 5, &in->kepala);
	drv_reset(st);

	if ((rc = query(c, L_BIDANG, c->p->instansi_id, &st)) != 0)
		return rc;
	store_vec_init(&rows, sizeof(bidang) + sizeof(store_row));
	while ((rc = drv_step(st)) == DRV_ROW) {
		char *el = store_vec_push(&rows);
		bidang *b = (bidang *)el;
		store_row *row = (store_row *)(el + sizeof(bidang));

		row->id = drv_col_int(st, 0);
		row->urutan = drv_col_int(st, 1);
		b->kode = col_text(c, st, 2);
		b->nama = col_text(c, st, 3);
		read_pejabat(c, st, 4, &b->kepala);
		b->ada_kepala = b->kepala.nama != NULL || b->kepala.jabatan != NULL
			|| b->kepala.pangkat != NULL || b->kepala.nip != NULL;
	}
	if (rc != DRV_DONE) {
		store_vec_free(&rows);
		return step_fail(c, rc);
	}
	in->n_bidang = rows.n;
	in->bidang = arena_alloc(&c->r->mem, rows.n * sizeof(bidang));
	c->p->bidang = arena_alloc(&c->r->mem, rows.n * sizeof(store_row));
	for (size_t i = 0; i < rows.n; i++) {
		char *el = (char *)rows.p + i * rows.size;

		memcpy(&in->bidang[i], el, sizeof(bidang));
		memcpy(&c->p->bidang[i], el + sizeof(bidang), sizeof(store_row));
	}
	store_vec_free(&rows);
	return load_predikat(c);
}

static int
load_sasaran(load_ctx *c)
{
	rencana *r = c->r;
	drv_st *st;
	store_vec rows;
	int rc;

	if ((rc = query(c, L_SASARAN, c->p->rencana_id, &st)) != 0)
		return rc;
	store_vec_init(&rows, sizeof(sasaran) + sizeof(store_row));
	while ((rc = drv_step(st)) == DRV_ROW) {
		char *el = store_vec_push(&rows);
		sasaran *sa = (sasaran *)el;
		store_row *row = (store_row *)(el + sizeof(sasaran));

		row->id = drv_col_int(st, 0);
		row->urutan = drv_col_int(st, 1);
		sa->kode = col_text(c, st, 2);
		sa->uraian = col_text(c, st, 3);
		sa->bidang = col_text(c, st, 4);
	}
	if (rc != DRV_DONE) {
		store_vec_free(&rows);
		return step_fail(c, rc);
	}
	r->n_sasaran = rows.n;
	r->sasaran = arena_alloc(&r->mem, rows.n * sizeof(sasaran));
	c->p->sasaran = arena_alloc(&r->mem, rows.n * sizeof(store_row));
	c->p->iku = arena_alloc(&r->mem, rows.n * sizeof(store_row *));
	store_idmap_init(&c->sasaran, rows.n);
	for (size_t i = 0; i < rows.n; i++) {
		char *el = (char *)rows.p + i * rows.size;

		memcpy(&r->sasaran[i], el, sizeof(sasaran));
		memcpy(&c->p->sasaran[i], el + sizeof(sasaran), sizeof(store_row));
		store_idmap_put(&c->sasaran, c->p->sasaran[i].id, i);
	}
	store_vec_free(&rows);
	return 0;
}

typedef struct iku_row {
	size_t sasaran;
	store_row row;
	iku k;
} iku_row;

static int
load_iku(load_ctx *c)
{
	rencana *r = c->r;
	drv_st *st;
	store_vec rows;
	size_t i, *fill, flat = 0;
	int rc;

	if ((rc = query(c, L_IKU, c->p->rencana_id, &st)) != 0)
		return rc;
	store_vec_init(&rows, sizeof(iku_row));
	while ((rc = drv_step(st)) == DRV_ROW) {
		iku_row *ir = store_vec_push(&rows);
		const char *pol = drv_col_text(st, 6);

		ir->row.id = drv_col_int(st, 0);
		ir->row.urutan = drv_col_int(st, 1);
		if (!store_idmap_get(&c->sasaran, drv_col_int(st, 2),
				     &ir->sasaran)) {
			store_vec_free(&rows);
			return damaged(c, _("IKU of an unknown sasaran"));
		}
		ir->k.kode = col_text(c, st, 3);
		ir->k.uraian = col_text(c, st, 4);
		ir->k.satuan = col_text(c, st, 5);
		ir->k.polaritas = pol != NULL && strcmp(pol, "negatif") == 0
			? POLARITAS_NEGATIF : POLARITAS_POSITIF;
		ir->k.target = drv_col_int(st, 7);
		ir->k.target_kosong = drv_col_type(st, 7) == DRV_NULL;
	}
	if (rc != DRV_DONE) {
		store_vec_free(&rows);
		return step_fail(c, rc);
	}
	for (i = 0; i < rows.n; i++)
		r->sasaran[((iku_row *)rows.p)[i].sasaran].n_iku++;
	fill = calloc(r->n_sasaran + 1, sizeof *fill);
	if (fill == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < r->n_sasaran; i++) {
		r->sasaran[i].iku = arena_alloc(&r->mem,
						r->sasaran[i].n_iku * sizeof(iku));
		c->p->iku[i] = arena_alloc(&r->mem,
					   r->sasaran[i].n_iku * sizeof(store_row));
	}
	c->iku_ptr = malloc((rows.n + 1) * sizeof *c->iku_ptr);
	if (c->iku_ptr == NULL)
		lk_fatal("out of memory");
	store_idmap_init(&c->iku, rows.n);
	for (i = 0; i < rows.n; i++) {
		iku_row *ir = &((iku_row *)rows.p)[i];
		size_t k = fill[ir->sasaran]++;

		r->sasaran[ir->sasaran].iku[k] = ir->k;
		c->p->iku[ir->sasaran][k] = ir->row;
		c->iku_ptr[flat] = &r->sasaran[ir->sasaran].iku[k];
		store_idmap_put(&c->iku, ir->row.id, flat++);
	}
	free(fill);
	store_vec_free(&rows);

	/* Quarterly targets. */
	if ((rc = query(c, L_IKU_TW, c->p->rencana_id, &st)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		int n = col_tw(st, 1);

		if (n && store_idmap_get(&c->iku, drv_col_int(st, 0), &i)) {
			c->iku_ptr[i]->ada_target_tw[n] = true;
			c->iku_ptr[i]->target_tw[n] = drv_col_int(st, 2);
		}
	}
	return rc == DRV_DONE ? 0 : step_fail(c, rc);
}

typedef struct kode_row {
	size_t owner;
	char *teks;
} kode_row;

static int
load_program(load_ctx *c)
{
	rencana *r = c->r;
	drv_st *st;
	store_vec rows;
	size_t i;
	int rc;

	if ((rc = query(c, L_PROGRAM, c->p->rencana_id, &st)) != 0)
		return rc;
	store_vec_init(&rows, sizeof(program) + sizeof(store_row));
	while ((rc = drv_step(st)) == DRV_ROW) {
		char *el = store_vec_push(&rows);
		program *pr = (program *)el;
		store_row *row = (store_row *)(el + sizeof(program));

		row->id = drv_col_int(st, 0);
		row->urutan = drv_col_int(st, 1);
		pr->kode = col_text(c, st, 2);
		pr->uraian = col_text(c, st, 3);
		pr->anggaran = drv_col_int(st, 4);
		pr->anggaran_kosong = drv_col_type(st, 4) == DRV_NULL;
	}
	if (rc != DRV_DONE) {
		store_vec_free(&rows);
		return step_fail(c, rc);
	}
	r->n_program = rows.n;
	r->program = arena_alloc(&r->mem, rows.n * sizeof(program));
	c->p->program = arena_alloc(&r->mem, rows.n * sizeof(store_row));
	store_idmap_init(&c->program, rows.n);
	for (i = 0; i < rows.n; i++) {
		char *el = (char *)rows.p + i * rows.size;

		memcpy(&r->program[i], el, sizeof(program));
		memcpy(&c->p->program[i], el + sizeof(program), sizeof(store_row));
		store_idmap_put(&c->program, c->p->program[i].id, i);
	}
	store_vec_free(&rows);

	if ((rc = query(c, L_PROGRAM_TW, c->p->rencana_id, &st)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		int n = col_tw(st, 1);

		if (n && store_idmap_get(&c->program, drv_col_int(st, 0),
					 &i)) {
			r->program[i].ada_target_tw[n] = true;
			r->program[i].target_tw[n] = drv_col_int(st, 2);
		}
	}
	if (rc != DRV_DONE)
		return step_fail(c, rc);

	/* Supported sasaran: collect, count, fill. */
	if ((rc = query(c, L_PROGRAM_SASARAN, c->p->rencana_id, &st)) != 0)
		return rc;
	store_vec_init(&rows, sizeof(kode_row));
	while ((rc = drv_step(st)) == DRV_ROW) {
		kode_row *kr;

		if (!store_idmap_get(&c->program, drv_col_int(st, 0), &i))
			continue;
		kr = store_vec_push(&rows);
		kr->owner = i;
		kr->teks = col_text(c, st, 1);
		r->program[i].n_sasaran++;
	}
	if (rc != DRV_DONE) {
		store_vec_free(&rows);
		return step_fail(c, rc);
	}
	for (i = 0; i < r->n_program; i++) {
		r->program[i].sasaran = arena_alloc(&r->mem,
			r->program[i].n_sasaran * sizeof(char *));
		r->program[i].n_sasaran = 0;
	}
	for (i = 0; i < rows.n; i++) {
		kode_row *kr = &((kode_row *)rows.p)[i];
		program *pr = &r->program[kr->owner];

		pr->sasaran[pr->n_sasaran++] = kr->teks;
	}
	store_vec_free(&rows);
	return 0;
}

/* A list of strings per quarter (permasalahan, tindak_lanjut). */
static int
load_tw_list(load_ctx *c, int k, size_t off_list, size_t off_n)
{
	rencana *r = c->r;
	drv_st *st;
	store_vec rows;
	size_t i, count[TW_MAX + 1] = { 0 };
	int rc, n;

	if ((rc = query(c, k, c->p->rencana_id, &st)) != 0)
		return rc;
	store_vec_init(&rows, sizeof(kode_row));
	while ((rc = drv_step(st)) == DRV_ROW) {
		kode_row *kr;

		if ((n = col_tw(st, 0)) == 0)
			continue;
		kr = store_vec_push(&rows);
		kr->owner = (size_t)n;
		kr->teks = col_text(c, st, 1);
		count[n]++;
	}
	if (rc != DRV_DONE) {
		store_vec_free(&rows);
		return step_fail(c, rc);
	}
	for (n = 1; n <= TW_MAX; n++) {
		char ***list = (char ***)((char *)&r->tw[n] + off_list);

		*list = arena_alloc(&r->mem, count[n] * sizeof(char *));
	}
	for (i = 0; i < rows.n; i++) {
		kode_row *kr = &((kode_row *)rows.p)[i];
		triwulan *t = &r->tw[kr->owner];
		char **list = *(char ***)((char *)t + off_list);
		size_t *cnt = (size_t *)((char *)t + off_n);

		list[(*cnt)++] = kr->teks;
	}
	store_vec_free(&rows);
	return 0;
}

typedef struct teks_row {
	int tw;
	teks_ganti t;
} teks_row;

static int
load_teks(load_ctx *c)
{
	rencana *r = c->r;
	drv_st *st;
	store_vec rows;
	size_t i, count[TW_MAX + 1] = { 0 };
	int rc, n;

	if ((rc = query(c, L_TEKS, c->p->rencana_id, &st)) != 0)
		return rc;
	store_vec_init(&rows, sizeof(teks_row));
	while ((rc = drv_step(st)) == DRV_ROW) {
		teks_row *tr;

		if ((n = col_tw(st, 0)) == 0)
			continue;
		tr = store_vec_push(&rows);
		tr->tw = n;
		tr->t.nama = col_text(c, st, 1);
		tr->t.teks = col_text(c, st, 2);
		count[n]++;
	}
	if (rc != DRV_DONE) {
		store_vec_free(&rows);
		return step_fail(c, rc);
	}
	for (n = 1; n <= TW_MAX; n++)
		r->tw[n].teks = arena_alloc(&r->mem, count[n] * sizeof(teks_ganti));
	for (i = 0; i < rows.n; i++) {
		teks_row *tr = &((teks_row *)rows.p)[i];
		triwulan *t = &r->tw[tr->tw];

		t->teks[t->n_teks++] = tr->t;
	}
	store_vec_free(&rows);
	return 0;
}

typedef struct tabel_row {
	int64_t id;
	int tw;
	size_t sasaran;
	tabel t;
} tabel_row;

typedef struct sel_row {
	size_t tabel;
	size_t baris;
	char *teks;
} sel_row;

static int
load_tabel(load_ctx *c)
{
	rencana *r = c->r;
	drv_st *st;
	store_vec rows, cells;
	size_t i, j;
	int rc;

	if ((rc = query(c, L_TABEL, c->p->rencana_id, &st)) != 0)
		return rc;
	store_vec_init(&rows, sizeof(tabel_row));
	while ((rc = drv_step(st)) == DRV_ROW) {
		tabel_row *tr;
		size_t sa;
		int n = col_tw(st, 1);
		int64_t nb = drv_col_int(st, 5);

		if (n == 0 || !store_idmap_get(&c->sasaran,
					       drv_col_int(st, 2), &sa))
			continue;
		if (nb < 0 || nb > 1000000) {
			store_vec_free(&rows);
			return damaged(c, _("bad row count of a table"));
		}
		tr = store_vec_push(&rows);
		tr->id = drv_col_int(st, 0);
		tr->tw = n;
		tr->sasaran = sa;
		tr->t.judul = col_text(c, st, 3);
		tr->t.catatan = col_text(c, st, 4);
		tr->t.n_baris = (size_t)nb;
		r->sasaran[sa].n_tabel[n]++;
	}
	if (rc != DRV_DONE) {
		store_vec_free(&rows);
		return step_fail(c, rc);
	}
	if (rows.n == 0) {
		store_vec_free(&rows);
		return 0;
	}
	for (i = 0; i < r->n_sasaran; i++) {
		for (int n = 1; n <= TW_MAX; n++) {
			sasaran *sa = &r->sasaran[i];

			if (sa->n_tabel[n] == 0)
				continue;
			sa->tabel[n] = arena_alloc(&r->mem,
						   sa->n_tabel[n] * sizeof(tabel));
			sa->n_tabel[n] = 0;
		}
	}
	c->tabel_ptr = malloc(rows.n * sizeof *c->tabel_ptr);
	if (c->tabel_ptr == NULL)
		lk_fatal("out of memory");
	store_idmap_init(&c->tabel, rows.n);
	for (i = 0; i < rows.n; i++) {
		tabel_row *tr = &((tabel_row *)rows.p)[i];
		sasaran *sa = &r->sasaran[tr->sasaran];
		tabel *t = &sa->tabel[tr->tw][sa->n_tabel[tr->tw]++];

		*t = tr->t;
		t->baris = arena_alloc(&r->mem, t->n_baris * sizeof(char **));
		t->n_sel = arena_alloc(&r->mem, t->n_baris * sizeof(size_t));
		c->tabel_ptr[i] = t;
		store_idmap_put(&c->tabel, tr->id, i);
	}
	store_vec_free(&rows);

	/* Column headers. */
	if ((rc = query(c, L_TABEL_KOLOM, c->p->rencana_id, &st)) != 0)
		return rc;
	store_vec_init(&cells, sizeof(sel_row));
	while ((rc = drv_step(st)) == DRV_ROW) {
		sel_row *sr;

		if (!store_idmap_get(&c->tabel, drv_col_int(st, 0), &j))
			continue;
		sr = store_vec_push(&cells);
		sr->tabel = j;
		sr->teks = col_text(c, st, 1);
		c->tabel_ptr[j]->n_kolom++;
	}
	if (rc != DRV_DONE) {
		store_vec_free(&cells);
		return step_fail(c, rc);
	}
	for (j = 0; j < c->tabel.n; j++) {
		tabel *t = c->tabel_ptr[j];

		t->kolom = arena_alloc(&r->mem, t->n_kolom * sizeof(char *));
		t->n_kolom = 0;
	}
	for (i = 0; i < cells.n; i++) {
		sel_row *sr = &((sel_row *)cells.p)[i];
		tabel *t = c->tabel_ptr[sr->tabel];

		t->kolom[t->n_kolom++] = sr->teks;
	}
	store_vec_free(&cells);

	/* Cells. */
	if ((rc = query(c, L_TABEL_SEL, c->p->rencana_id, &st)) != 0)
		return rc;
	store_vec_init(&cells, sizeof(sel_row));
	while ((rc = drv_step(st)) == DRV_ROW) {
		sel_row *sr;
		int64_t b = drv_col_int(st, 1);

		if (!store_idmap_get(&c->tabel, drv_col_int(st, 0), &j))
			continue;
		if (b < 0 || (uint64_t)b >= c->tabel_ptr[j]->n_baris) {
			store_vec_free(&cells);
			return damaged(c, _("table cell outside its rows"));
		}
		sr = store_vec_push(&cells);
		sr->tabel = j;
		sr->baris = (size_t)b;
		sr->teks = col_text(c, st, 2);
		c->tabel_ptr[j]->n_sel[b]++;
	}
	if (rc != DRV_DONE) {
		store_vec_free(&cells);
		return step_fail(c, rc);
	}
	for (j = 0; j < c->tabel.n; j++) {
		tabel *t = c->tabel_ptr[j];

		for (i = 0; i < t->n_baris; i++) {
			t->baris[i] = arena_alloc(&r->mem, t->n_sel[i] * sizeof(char *));
			t->n_sel[i] = 0;
		}
	}
	for (i = 0; i < cells.n; i++) {
		sel_row *sr = &((sel_row *)cells.p)[i];
		tabel *t = c->tabel_ptr[sr->tabel];

		t->baris[sr->baris][t->n_sel[sr->baris]++] = sr->teks;
	}
	store_vec_free(&cells);
	return 0;
}

static int
load_triwulan(load_ctx *c)
{
	rencana *r = c->r;
	drv_st *st;
	size_t i;
	int rc, n;

	if ((rc = query(c, L_TRIWULAN, c->p->rencana_id, &st)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		triwulan *t;
		const char *tg = drv_col_text(st, 2);

		if ((n = col_tw(st, 1)) == 0)
			continue;
		t = &r->tw[n];
		t->ada = true;
		c->p->triwulan_id[n] = drv_col_int(st, 0);
		/* NULL: the user has not set it yet. */
		if (tg != NULL && (sscanf(tg, "%4d-%2d-%2d", &t->tahun, &t->bulan,
					  &t->hari) != 3 || !triwulan_bertanggal(t)))
			return damaged(c, _("bad date of a quarter"));
		t->kesimpulan = col_text(c, st, 3);
	}
	if (rc != DRV_DONE)
		return step_fail(c, rc);

	if ((rc = query(c, L_REAL_IKU, c->p->rencana_id, &st)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		if ((n = col_tw(st, 0)) == 0 ||
		    !store_idmap_get(&c->iku, drv_col_int(st, 1), &i))
			continue;
		c->iku_ptr[i]->ada_realisasi[n] = true;
		c->iku_ptr[i]->realisasi[n] = drv_col_int(st, 2);
	}
	if (rc != DRV_DONE)
		return step_fail(c, rc);

	if ((rc = query(c, L_REAL_PROGRAM, c->p->rencana_id, &st)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		if ((n = col_tw(st, 0)) == 0 ||
		    !store_idmap_get(&c->program, drv_col_int(st, 1), &i))
			continue;
		r->program[i].ada_realisasi[n] = true;
		r->program[i].realisasi[n] = drv_col_int(st, 2);
	}
	if (rc != DRV_DONE)
		return step_fail(c, rc);

	if ((rc = query(c, L_NARASI, c->p->rencana_id, &st)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		if ((n = col_tw(st, 0)) == 0 ||
		    !store_idmap_get(&c->sasaran, drv_col_int(st, 1), &i))
			continue;
		r->sasaran[i].narasi[n] = col_text(c, st, 2);
	}
	if (rc != DRV_DONE)
		return step_fail(c, rc);

	if ((rc = load_tabel(c)) != 0)
		return rc;
	if ((rc = load_tw_list(c, L_PERMASALAHAN, offsetof(triwulan, permasalahan),
			       offsetof(triwulan, n_permasalahan))) != 0)
		return rc;
	if ((rc = load_tw_list(c, L_TINDAK_LANJUT, offsetof(triwulan, tindak_lanjut),
			       offsetof(triwulan, n_tindak_lanjut))) != 0)
		return rc;
	return load_teks(c);
}

/* The plan's queries, bound and sent ahead in the order load_all reads
 * them: on a server each result is on its way while the one before is
 * read (drv_prefetch).  A database of an older schema reads them one by
 * one (some of them have no table there). */
static int
prefetch(load_ctx *c)
{
	int k, rc;

	if (c->s->version != STORE_SCHEMA_VERSION)
		return 0;
	for (k = L_SASARAN; k <= L_TEKS; k++) {
		drv_st *st;

		if ((rc = query(c, k, c->p->rencana_id, &st)) != 0)
			return rc;
		if ((rc = drv_prefetch(st)) != DRV_OK)
			return step_fail(c, rc);
		c->sent[k] = true;
	}
	return 0;
}

static int
load_all(load_ctx *c, const char *kode, int tahun)
{
	drv_st *st;
	int rc;

	if ((rc = load_instansi(c, kode)) != 0 || !c->p->ada_instansi)
		return rc;
	if ((rc = store_load_tahunan(c->s, c->p->instansi_id, 0, c->r,
				     c->e)) != 0)
		return rc;
	if ((rc = query(c, L_RENCANA, c->p->instansi_id, &st)) != 0)
		return rc;
	store_bind_int(c->s, st, 2, tahun);
	if ((rc = store_check_bind(c->s, c->e)) != 0)
		return rc;
	rc = drv_step(st);
	if (rc == DRV_DONE)
		return 0;
	if (rc != DRV_ROW)
		return step_fail(c, rc);
	c->p->ada_rencana = true;
	c->p->rencana_id = drv_col_int(st, 0);
	drv_reset(st);
	if ((rc = prefetch(c)) != 0)
		return rc;

	if ((rc = load_sasaran(c)) != 0 || (rc = load_iku(c)) != 0 ||
	    (rc = load_program(c)) != 0)
		return rc;
	if (c->s->version >= STORE_VERSION_TRIWULAN &&
	    (rc = load_triwulan(c)) != 0)
		return rc;
	return store_load_tahunan(c->s, 0, c->p->rencana_id, c->r, c->e);
}

int
store_load_plan(store *s, const char *instansi, int tahun, store_plan *p,
		lk_err *e)
{
	load_ctx c;
	bool own_txn = !drv_in_txn(s->db);
	int64_t head_id = -1;
	char head_hash[65] = "";
	int rc;

	memset(p, 0, sizeof *p);
	memset(&c, 0, sizeof c);
	c.s = s;
	c.e = e;
	c.p = p;
	c.r = p->r = rencana_new();
	c.r->tahun = tahun;
	/* One read transaction: a consistent snapshot of the plan. */
	if (own_txn && (rc = store_exec(s, "BEGIN", e)) != 0)
		goto out;
	/* The head first: a write that lands while the plan is read (on a
	 * server, outside one snapshot) moves it past the one kept. */
	rc = store_kept_head(s, &head_id, head_hash, e);
	if (rc == 0)
		rc = load_all(&c, instansi, tahun);
	if (rc == 0 && p->ada_rencana && head_id >= 0)
		store_kept_set(s, p, head_id, head_hash);
	if (own_txn)
		store_rollback(s);
out:
	store_finalize_all(c.st, L_COUNT);
	store_idmap_free(&c.sasaran);
	store_idmap_free(&c.iku);
	store_idmap_free(&c.program);
	store_idmap_free(&c.tabel);
	free(c.iku_ptr);
	free(c.tabel_ptr);
	if (rc != 0) {
		rencana_free(p->r);
		memset(p, 0, sizeof *p);
	}
	return rc;
}

int
store_load(store *s, const char *instansi, int tahun, rencana **out,
	   lk_err *e)
{
	store_plan p;
	int rc;

	*out = NULL;
	if ((rc = store_load_plan(s, instansi, tahun, &p, e)) != 0)
		return rc;
	if (!p.ada_instansi)
		rc = lk_fail(e, EX_NOINPUT, _("%s: no agency '%s' in the database"),
			     s->path, instansi);
	else if (!p.ada_rencana)
		rc = lk_fail(e, EX_NOINPUT, _("%s: agency '%s' has no plan for %d"),
			     s->path, instansi, tahun);
	if (rc == 0)
		rc = store_check_unchanged(s, e);
	if (rc != 0) {
		rencana_free(p.r);
		return rc;
	}
	*out = p.r;
	return 0;
}
