/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* build_lkjip_tab.c - the annual report's tables and charts (see
 * build_lkjip_int.h).
 *
 * Owns: the tables of the LKjIP (the capaian of every IKU, per sasaran
 * the comparisons with the target, earlier years, the Renstra's
 * medium-term target and the national standard, the Renstra in brief,
 * the agreement's targets and budgets, efficiency, budget realisation)
 * and the trend chart of an IKU's years.  Every figure is one of
 * core/tahunan.c's, printed; the plan's own values (targets, baseline,
 * standards) are printed as they are.  Nothing is recomputed here.
 */
#include "config.h"
#include "report/build_lkjip_int.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/dec.h"

#define MIN_TAHUN_GRAFIK 3

const char *
lk_predikat(const tahunan_iku *row)
{
	if (row->kategori != NULL)
		return row->kategori->label;
	if (row->iku->n_kategori > 0)
		return "";
	if (row->predikat != NULL)
		return row->predikat->nama;
	return row->capaian.status == CAPAIAN_TAK_TERDEFINISI ? "-" : "";
}

/* The kodes of n items, comma separated, or NULL for none. */
typedef struct daftar {
	const char **v;
	size_t n, cap;
	size_t len;
} daftar;

static void
daftar_add(lkctx *L, daftar *dl, const char *kode)
{
	dl->v = arena_grow(&L->b.d->mem, dl->v, sizeof *dl->v, &dl->cap,
	    dl->n + 1);
	dl->v[dl->n++] = kode;
	dl->len += strlen(kode) + 2;
}

static const char *
daftar_teks(lkctx *L, const daftar *dl)
{
	char *s, *p;

	if (dl->n == 0)
		return NULL;
	s = p = arena_alloc(&L->b.d->mem, dl->len + 1);
	for (size_t i = 0; i < dl->n; i++) {
		size_t n = strlen(dl->v[i]);

		if (i > 0) {
			memcpy(p, ", ", 2);
			p += 2;
		}
		memcpy(p, dl->v[i], n);
		p += n;
	}
	*p = '\0';
	return s;
}

/* A year as printed, made once per report: every sasaran's table of
 * years and every chart label the same few years. */
static const char *
tahun(lkctx *L, int y)
{
	int i = y - (L->b.r->tahun - LK_TAHUN_CACHE / 2);

	if (i < 0 || i >= LK_TAHUN_CACHE)
		return doc_printf(L->b.d, "%d", y);
	if (L->tahun_teks[i] == NULL)
		L->tahun_teks[i] = doc_printf(L->b.d, "%d", y);
	return L->tahun_teks[i];
}

/* A text without placeholders of its own, filled once per report: the
 * same column headings head a few thousand tables. */
static const char *
teks(lkctx *L, enum tmpl_teks_id id)
{
	if (L->teks[id] == NULL)
		L->teks[id] = bld_teks(&L->b, id, NULL, 0);
	return L->teks[id];
}

/* A value with its unit as printed.  The same values come back in many
 * tables (an IKU's target and realisation in five, the quarterly targets
 * of a province's IKU often alike): a small cache of the last made for
 * each hash slot gives the same string again. */
static const char *
nilai(lkctx *L, bool ada, int64_t v, const char *satuan)
{
	uint64_t hv = (uint64_t)v * 0x9E3779B97F4A7C15u;
	const char *su = satuan != NULL ? satuan : "";
	lk_nilai_cache *e;

	if (!ada)
		return "";
	for (const char *p = su; *p; p++)
		hv = (hv ^ (unsigned char)*p) * 0x100000001B3u;
	e = &L->cache[hv % LK_NILAI_CACHE];
	if (e->teks == NULL || e->v != v || strcmp(e->satuan, su) != 0) {
		e->v = v;
		e->satuan = su;
		e->teks = bld_nilai_satuan(&L->b, v, satuan);
	}
	return e->teks;
}

static const char *
beda(lkctx *L, bool ada, int64_t v)
{
	char buf[DEC_BUFSZ];

	if (!ada)
		return "";
	dec_format_nilai(v, buf);
	return doc_printf(L->b.d, "%s%s", v > 0 ? "+" : "", buf);
}

/* A body row with room for exactly the table's columns (the doc's rows
 * grow eight cells at a time: with 5,000 IKU in eight tables the spare
 * room counts).  Its cells are added with cel() only, never with
 * doc_row_add_cell, which would take it for eight. */
static doc_row *
baris(lkctx *L, doc_table *tb)
{
	doc_row *br = doc_table_add_row(L->b.d, tb, false);

	br->cell = arena_alloc(&L->b.d->mem, tb->n_col * sizeof *br->cell);
	L->sel = tb->n_col;
	return br;
}

/* The next cell of the row baris() made last: text that outlives the
 * doc, not copied (the doc's own strings, the figures as printed; the
 * plan's, which is laid out while it is held; literals). */
static doc_cell *
cel(lkctx *L, doc_row *br, const char *text, enum doc_align align)
{
	doc_cell *c;

	if (br->n_cell >= L->sel)
		lk_fatal("build_lkjip: more cells than columns");
	c = &br->cell[br->n_cell++];
	memset(c, 0, sizeof *c);
	c->align = align;
	c->colspan = 1;
	c->rowspan = 1;
	if (text != NULL && *text != '\0') {
		doc_run *run = arena_alloc(&L->b.d->mem, sizeof *run);

		run->text = text;
		run->style = 0;
		c->text.run = run;
		c->text.n_run = 1;
	}
	return c;
}

/* Header rows: the names, then the column numbers; exactly n cells
 * each, the texts the doc's own (not copied). */
static void
kepala(lkctx *L, doc_table *tb, const char *const *kolom, size_t n,
       bool nomor)
{
	doc *d = L->b.d;

	for (int k = 0; k < (nomor ? 2 : 1); k++) {
		doc_row *h = doc_table_add_row(d, tb, true);

		h->bold = k == 0;
		h->cell = arena_alloc(&d->mem, n * sizeof *h->cell);
		L->sel = n;
		for (size_t i = 0; i < n; i++)
			cel(L, h, k == 0 ? kolom[i] : doc_printf(d, "%zu", i + 1),
			    DOC_CENTER)->shade = true;
	}
}

static void
judul(lkctx *L, doc_table *tb, enum tmpl_teks_id id, const tmpl_nilai *v,
      size_t n)
{
	tb->title = doc_plain(L->b.d, bld_teks(&L->b, id, v, n), DOC_BOLD);
}

/* Sasaran i's row: its number, and its text across the other columns
 * (bold); its IKU follow in rows of their own, the number cell empty.
 * Unlike a rowspan, a sasaran of many IKU runs on across pages and its
 * IKU keep the width of the sasaran's column. */
static void
baris_sasaran(lkctx *L, doc_table *tb, size_t i)
{
	doc *d = L->b.d;
	doc_row *br = baris(L, tb);

	br->bold = true;
	cel(L, br, doc_printf(d, "%zu", i + 1), DOC_CENTER);
	cel(L, br, L->b.r->sasaran[i].uraian,
	    DOC_LEFT)->colspan = (unsigned)(tb->n_col - 1);
}

/* An IKU's row: the empty number cell and the IKU. */
static doc_row *
baris_iku(lkctx *L, doc_table *tb, const iku *k)
{
	doc_row *br = baris(L, tb);

	cel(L, br, NULL, DOC_CENTER);
	cel(L, br, k->uraian, DOC_LEFT);
	return br;
}

doc_table *
lk_tabel_capaian(lkctx *L)
{
	static const double lebar[] = { 5, 40, 13, 13, 13, 16 };
	doc *d = L->b.d;
	const rencana *r = L->b.r;
	doc_table *tb = doc_table_new(d, 6, lebar);
	const char *kolom[6];
	daftar tw4 = { NULL, 0, 0, 0 };
	const char *catatan;

	kolom[0] = teks(L, TT_LK_KOLOM_NO);
	kolom[1] = doc_printf(d, "%s / %s", teks(L, TT_LK_KOLOM_SASARAN),
	    teks(L, TT_LK_KOLOM_IKU));
	kolom[2] = teks(L, TT_LK_KOLOM_TARGET);
	kolom[3] = teks(L, TT_LK_KOLOM_REALISASI);
	kolom[4] = teks(L, TT_LK_KOLOM_CAPAIAN);
	kolom[5] = teks(L, TT_LK_KOLOM_PREDIKAT);
	kepala(L, tb, kolom, 6, true);
	for (size_t i = 0; i < r->n_sasaran; i++) {
		const sasaran *sa = &r->sasaran[i];
		const tahunan_iku *rows = lk_rows(L, i);

		baris_sasaran(L, tb, i);
		for (size_t j = 0; j < sa->n_iku; j++) {
			const tahunan_iku *row = &rows[j];
			doc_row *br = baris_iku(L, tb, row->iku);

			cel(L, br, nilai(L, true, row->target,
			    row->iku->satuan), DOC_CENTER);
			cel(L, br, nilai(L, row->ada_realisasi,
			    row->realisasi, row->iku->satuan), DOC_CENTER);
			cel(L, br, bld_capaian_teks(&L->b,
			    &row->capaian, true), DOC_CENTER);
			cel(L, br, lk_predikat(row), DOC_CENTER);
			if (row->ada_realisasi && row->realisasi_tw4)
				daftar_add(L, &tw4, row->iku->kode);
		}
	}
	judul(L, tb, TT_LK_TABEL_CAPAIAN_JUDUL, NULL, 0);
	if ((catatan = daftar_teks(L, &tw4)) != NULL) {
		tmpl_nilai v[] = { { "daftar", catatan } };

		tb->note = doc_plain(d, bld_teks(&L->b, TT_LK_CATATAN_TW4, v, 1),
		    DOC_ITALIC);
	}
	return tb;
}

static doc_table *
tabel_iku(lkctx *L, size_t n_col, const double *lebar,
	  const char *const *kolom)
{
	doc_table *tb = doc_table_new(L->b.d, n_col, lebar);

	kepala(L, tb, kolom, n_col, false);
	return tb;
}

static const char *
nomor_sasaran(lkctx *L, size_t i)
{
	return doc_printf(L->b.d, "%zu", i + 1);
}

doc_table *
lk_tabel_target(lkctx *L, size_t i)
{
	static const double lebar[] = { 32, 14, 16, 16, 16 };
	const sasaran *sa = &L->b.r->sasaran[i];
	const tahunan_iku *rows = lk_rows(L, i);
	const char *kolom[5];
	tmpl_nilai v[] = { { "nomor", nomor_sasaran(L, i) } };
	doc_table *tb;

	kolom[0] = teks(L, TT_LK_KOLOM_IKU);
	kolom[1] = teks(L, TT_LK_KOLOM_TARGET);
	kolom[2] = teks(L, TT_LK_KOLOM_REALISASI);
	kolom[3] = teks(L, TT_LK_KOLOM_CAPAIAN);
	kolom[4] = teks(L, TT_LK_KOLOM_PREDIKAT);
	tb = tabel_iku(L, 5, lebar, kolom);
	for (size_t j = 0; j < sa->n_iku; j++) {
		const tahunan_iku *row = &rows[j];
		doc_row *br = baris(L, tb);

		cel(L, br, row->iku->uraian, DOC_LEFT);
		cel(L, br, nilai(L, true, row->target,
		    row->iku->satuan), DOC_CENTER);
		cel(L, br, nilai(L, row->ada_realisasi,
		    row->realisasi, row->iku->satuan), DOC_CENTER);
		cel(L, br, bld_capaian_teks(&L->b, &row->capaian,
		    true), DOC_CENTER);
		cel(L, br, lk_predikat(row), DOC_CENTER);
	}
	judul(L, tb, TT_LK_TABEL_TARGET_JUDUL, v, 1);
	return tb;
}

doc_table *
lk_tabel_tahun(lkctx *L, size_t i)
{
	doc *d = L->b.d;
	const rencana *r = L->b.r;
	const sasaran *sa = &r->sasaran[i];
	const tahunan_iku *rows = lk_rows(L, i);
	size_t n_lalu = sa->n_iku > 0 ? rows[0].n_riwayat : 0;
	size_t n_col = n_lalu + 3;
	double *lebar = arena_alloc(&d->mem, n_col * sizeof *lebar);
	const char **kolom = arena_alloc(&d->mem, n_col * sizeof *kolom);
	int awal = n_lalu > 0 ? rows[0].riwayat[0].tahun : r->tahun;
	tmpl_nilai v[] = { { "nomor", nomor_sasaran(L, i) },
		{ "awal", tahun(L, awal) } };
	doc_table *tb;

	if (sa->n_iku == 0)
		return NULL;
	lebar[0] = 30;
	kolom[0] = teks(L, TT_LK_KOLOM_IKU);
	for (size_t y = 0; y < n_lalu; y++) {
		lebar[1 + y] = 10;
		kolom[1 + y] = tahun(L, rows[0].riwayat[y].tahun);
	}
	lebar[n_lalu + 1] = 10;
	kolom[n_lalu + 1] = tahun(L, r->tahun);
	lebar[n_lalu + 2] = 12;
	kolom[n_lalu + 2] = teks(L, TT_LK_KOLOM_PERUBAHAN);
	tb = tabel_iku(L, n_col, lebar, kolom);
	for (size_t j = 0; j < sa->n_iku; j++) {
		const tahunan_iku *row = &rows[j];
		doc_row *br = baris(L, tb);

		cel(L, br, row->iku->uraian, DOC_LEFT);
		for (size_t y = 0; y < n_lalu; y++) {
			const tahunan_riwayat *rw = y < row->n_riwayat ?
			    &row->riwayat[y] : NULL;

			cel(L, br, rw != NULL && rw->ada ?
			    nilai(L, true, rw->nilai, row->iku->satuan) : "-",
			    DOC_CENTER);
		}
		cel(L, br, row->ada_realisasi ? nilai(L, true,
		    row->realisasi, row->iku->satuan) : "-", DOC_CENTER);
		cel(L, br, row->ada_perubahan ? beda(L, true,
		    row->perubahan) : "-", DOC_CENTER);
	}
	judul(L, tb, TT_LK_TABEL_TAHUN_JUDUL, v, 2);
	return tb;
}

doc_table *
lk_tabel_renstra_sasaran(lkctx *L, size_t i)
{
	static const double lebar[] = { 40, 20, 20, 20 };
	const rencana *r = L->b.r;
	const sasaran *sa = &r->sasaran[i];
	const tahunan_iku *rows = lk_rows(L, i);
	const char *kolom[4];
	tmpl_nilai v[] = { { "nomor", nomor_sasaran(L, i) },
		{ "akhir", tahun(L, r->renstra.akhir) } };
	doc_table *tb = NULL;

	for (size_t j = 0; j < sa->n_iku; j++) {
		const tahunan_iku *row = &rows[j];
		doc_row *br;

		if (!row->ada_target_renstra)
			continue;
		if (tb == NULL) {
			kolom[0] = teks(L, TT_LK_KOLOM_IKU);
			kolom[1] = teks(L, TT_LK_KOLOM_TARGET_RENSTRA);
			kolom[2] = teks(L, TT_LK_KOLOM_REALISASI);
			kolom[3] = teks(L, TT_LK_KOLOM_CAPAIAN_RENSTRA);
			tb = tabel_iku(L, 4, lebar, kolom);
		}
		br = baris(L, tb);
		cel(L, br, row->iku->uraian, DOC_LEFT);
		cel(L, br, nilai(L, true, row->target_renstra,
		    row->iku->satuan), DOC_CENTER);
		cel(L, br, row->ada_realisasi ? nilai(L, true,
		    row->realisasi, row->iku->satuan) : "-", DOC_CENTER);
		cel(L, br, row->ada_realisasi ? bld_capaian_teks(
		    &L->b, &row->capaian_renstra, true) : "-", DOC_CENTER);
	}
	if (tb != NULL)
		judul(L, tb, TT_LK_TABEL_RENSTRA_SASARAN_JUDUL, v, 2);
	return tb;
}

doc_table *
lk_tabel_standar(lkctx *L, size_t i)
{
	static const double lebar[] = { 50, 25, 25 };
	const sasaran *sa = &L->b.r->sasaran[i];
	const tahunan_iku *rows = lk_rows(L, i);
	const char *kolom[3];
	tmpl_nilai v[] = { { "nomor", nomor_sasaran(L, i) } };
	doc_table *tb = NULL;

	for (size_t j = 0; j < sa->n_iku; j++) {
		const tahunan_iku *row = &rows[j];
		doc_row *br;

		if (!row->iku->ada_standar_nasional)
			continue;
		if (tb == NULL) {
			kolom[0] = teks(L, TT_LK_KOLOM_IKU);
			kolom[1] = teks(L, TT_LK_KOLOM_STANDAR);
			kolom[2] = teks(L, TT_LK_KOLOM_REALISASI);
			tb = tabel_iku(L, 3, lebar, kolom);
		}
		br = baris(L, tb);
		cel(L, br, row->iku->uraian, DOC_LEFT);
		cel(L, br, nilai(L, true,
		    row->iku->standar_nasional, row->iku->satuan), DOC_CENTER);
		cel(L, br, row->ada_realisasi ? nilai(L, true,
		    row->realisasi, row->iku->satuan) : "-", DOC_CENTER);
	}
	if (tb != NULL)
		judul(L, tb, TT_LK_TABEL_STANDAR_JUDUL, v, 1);
	return tb;
}

static bool
target_renstra(const iku *k, int tahun, int64_t *out)
{
	for (size_t i = 0; i < k->n_target_renstra; i++)
		if (k->target_renstra[i].tahun == tahun) {
			*out = k->target_renstra[i].nilai;
			return true;
		}
	return false;
}

doc_trend *
lk_grafik(lkctx *L, const tahunan_iku *row)
{
	doc *d = L->b.d;
	const rencana *r = L->b.r;
	const iku *k = row->iku;
	int awal = row->n_riwayat > 0 ? row->riwayat[0].tahun : r->tahun;
	int akhir = r->renstra.ada && r->renstra.akhir > r->tahun ?
	    r->renstra.akhir : r->tahun;
	size_t n_real = row->ada_realisasi ? 1 : 0, n;
	bool base = k->ada_baseline && k->baseline_tahun < awal;
	tmpl_nilai v[] = { { "kode", k->kode }, { "iku", k->uraian } };
	doc_trend *t;

	for (size_t y = 0; y < row->n_riwayat; y++)
		n_real += row->riwayat[y].ada;
	if (n_real < MIN_TAHUN_GRAFIK)
		return NULL;
	n = (size_t)(akhir - awal + 1) + (base ? 1 : 0);
	t = arena_alloc(&d->mem, sizeof *t);
	memset(t, 0, sizeof *t);
	t->title = doc_plain(d, bld_teks(&L->b, TT_LK_GRAFIK_JUDUL, v, 2),
	    DOC_BOLD);
	t->realisasi_label = teks(L, TT_LK_GRAFIK_REALISASI);
	t->target_label = teks(L, TT_LK_GRAFIK_TARGET);
	t->point = arena_alloc(&d->mem, n * sizeof *t->point);
	memset(t->point, 0, n * sizeof *t->point);
	if (base) {
		doc_trend_point *p = &t->point[t->n_point++];

		p->label = tahun(L, k->baseline_tahun);
		p->ada_realisasi = true;
		p->realisasi = k->baseline_nilai;
	}
	for (int y = awal; y <= akhir; y++) {
		doc_trend_point *p = &t->point[t->n_point++];
		size_t x = (size_t)(y - awal);

		p->label = tahun(L, y);
		if (y < r->tahun && x < row->n_riwayat && row->riwayat[x].ada) {
			p->ada_realisasi = true;
			p->realisasi = row->riwayat[x].nilai;
		} else if (y == r->tahun && row->ada_realisasi) {
			p->ada_realisasi = true;
			p->realisasi = row->realisasi;
		}
		p->ada_target = target_renstra(k, y, &p->target);
	}
	for (size_t i = 0; i < t->n_point; i++) {
		doc_trend_point *p = &t->point[i];
		char buf[DEC_BUFSZ];

		if (p->ada_realisasi)
			p->realisasi_text = doc_strdup(d,
			    dec_format_nilai(p->realisasi, buf));
		if (p->ada_target)
			p->target_text = doc_strdup(d,
			    dec_format_nilai(p->target, buf));
	}
	return t;
}

doc_table *
lk_tabel_renstra(lkctx *L)
{
	doc *d = L->b.d;
	const rencana *r = L->b.r;
	size_t n_th = (size_t)(r->renstra.akhir - r->renstra.awal + 1);
	size_t n_col = 3 + n_th;
	double *lebar = arena_alloc(&d->mem, n_col * sizeof *lebar);
	const char **kolom = arena_alloc(&d->mem, n_col * sizeof *kolom);
	tmpl_nilai v[] = { { "nama", bld_atau_kosong(r->renstra.nama) },
		{ "awal", tahun(L, r->renstra.awal) },
		{ "akhir", tahun(L, r->renstra.akhir) } };
	doc_table *tb;

	lebar[0] = 5;
	lebar[1] = 36;
	lebar[2] = 11;
	kolom[0] = teks(L, TT_LK_KOLOM_NO);
	kolom[1] = doc_printf(d, "%s / %s", teks(L, TT_LK_KOLOM_SASARAN),
	    teks(L, TT_LK_KOLOM_IKU));
	kolom[2] = teks(L, TT_LK_KOLOM_BASELINE);
	for (size_t y = 0; y < n_th; y++) {
		lebar[3 + y] = 48.0 / (double)n_th;
		kolom[3 + y] = tahun(L, r->renstra.awal + (int)y);
	}
	tb = doc_table_new(d, n_col, lebar);
	kepala(L, tb, kolom, n_col, false);
	for (size_t i = 0; i < r->n_sasaran; i++) {
		const sasaran *sa = &r->sasaran[i];

		baris_sasaran(L, tb, i);
		for (size_t j = 0; j < sa->n_iku; j++) {
			const iku *k = &sa->iku[j];
			doc_row *br = baris_iku(L, tb, k);

			cel(L, br, k->ada_baseline ?
			    doc_printf(d, "%s (%d)", nilai(L, true,
			    k->baseline_nilai, k->satuan), k->baseline_tahun) :
			    "-", DOC_CENTER);
			for (size_t y = 0; y < n_th; y++) {
				int64_t tv;
				bool ada = target_renstra(k,
				    r->renstra.awal + (int)y, &tv);

				cel(L, br, ada ? nilai(L, true, tv,
				    k->satuan) : "-", DOC_CENTER);
			}
		}
	}
	judul(L, tb, TT_LK_TABEL_RENSTRA_JUDUL, v, 3);
	return tb;
}

doc_table *
lk_tabel_perjanjian(lkctx *L, bool tw)
{
	static const double lebar_tw[] = { 5, 45, 10, 10, 10, 10, 10 };
	static const double lebar[] = { 6, 70, 24 };
	doc *d = L->b.d;
	const rencana *r = L->b.r;
	size_t n_col = tw ? 7 : 3;
	doc_table *tb = doc_table_new(d, n_col, tw ? lebar_tw : lebar);
	const char *kolom[7];

	kolom[0] = teks(L, TT_LK_KOLOM_NO);
	kolom[1] = doc_printf(d, "%s / %s", teks(L, TT_LK_KOLOM_SASARAN),
	    teks(L, TT_LK_KOLOM_IKU));
	kolom[2] = teks(L, TT_LK_KOLOM_TARGET);
	for (int q = 1; tw && q <= TW_MAX; q++) {
		tmpl_nilai v[] = { { "tw", tw_romawi(q) } };

		kolom[2 + q] = bld_teks(&L->b, TT_LK_KOLOM_TARGET_TW, v, 1);
	}
	kepala(L, tb, kolom, n_col, true);
	for (size_t i = 0; i < r->n_sasaran; i++) {
		const sasaran *sa = &r->sasaran[i];

		baris_sasaran(L, tb, i);
		for (size_t j = 0; j < sa->n_iku; j++) {
			const iku *k = &sa->iku[j];
			doc_row *br = baris_iku(L, tb, k);

			cel(L, br, nilai(L, true, k->target,
			    k->satuan), DOC_CENTER);
			for (int q = 1; tw && q <= TW_MAX; q++)
				cel(L, br, k->ada_target_tw[q] ?
				    nilai(L, true, k->target_tw[q], k->satuan) :
				    "-", DOC_CENTER);
		}
	}
	judul(L, tb, TT_LK_TABEL_PK_JUDUL, NULL, 0);
	return tb;
}

doc_table *
lk_tabel_pagu(lkctx *L)
{
	static const double lebar[] = { 6, 64, 30 };
	doc *d = L->b.d;
	const tahunan_hasil *h = L->h;
	doc_table *tb = doc_table_new(d, 3, lebar);
	const char *kolom[3];
	doc_row *br;

	kolom[0] = teks(L, TT_LK_KOLOM_NO);
	kolom[1] = teks(L, TT_LK_KOLOM_PROGRAM);
	kolom[2] = teks(L, TT_LK_KOLOM_ANGGARAN);
	kepala(L, tb, kolom, 3, true);
	for (size_t i = 0; i < h->n_program; i++) {
		br = baris(L, tb);
		cel(L, br, doc_printf(d, "%zu", h->program[i].no),
		    DOC_CENTER);
		cel(L, br, h->program[i].program->uraian, DOC_LEFT);
		cel(L, br, bld_uang(&L->b,
		    h->program[i].program->anggaran), DOC_RIGHT);
	}
	br = baris(L, tb);
	br->bold = true;
	cel(L, br, teks(L, TT_LK_BARIS_JUMLAH),
	    DOC_CENTER)->colspan = 2;
	cel(L, br, bld_uang(&L->b, h->jumlah_anggaran), DOC_RIGHT);
	judul(L, tb, TT_LK_TABEL_PAGU_JUDUL, NULL, 0);
	return tb;
}

doc_table *
lk_tabel_efisiensi(lkctx *L)
{
	static const double lebar[] = { 6, 49, 15, 15, 15 };
	doc *d = L->b.d;
	const tahunan_hasil *h = L->h;
	doc_table *tb = doc_table_new(d, 5, lebar);
	const char *kolom[5];

	kolom[0] = teks(L, TT_LK_KOLOM_NO);
	kolom[1] = teks(L, TT_LK_KOLOM_SASARAN);
	kolom[2] = teks(L, TT_LK_KOLOM_CAPAIAN);
	kolom[3] = teks(L, TT_LK_KOLOM_SERAPAN);
	kolom[4] = teks(L, TT_LK_KOLOM_EFISIENSI);
	kepala(L, tb, kolom, 5, true);
	for (size_t i = 0; i < h->n_sasaran; i++) {
		const tahunan_sasaran *s = &h->sasaran[i];
		doc_row *br = baris(L, tb);

		cel(L, br, doc_printf(d, "%zu", s->no), DOC_CENTER);
		cel(L, br, s->sasaran->uraian, DOC_LEFT);
		cel(L, br, bld_capaian_teks(&L->b, &s->capaian,
		    true), DOC_CENTER);
		cel(L, br, bld_capaian_teks(&L->b, &s->serapan,
		    true), DOC_CENTER);
		cel(L, br, bld_capaian_teks(&L->b, &s->efisiensi,
		    true), DOC_CENTER);
	}
	judul(L, tb, TT_LK_TABEL_EFISIENSI_JUDUL, NULL, 0);
	tb->note = doc_plain(d, teks(L, TT_LK_EFISIENSI_CATATAN), DOC_ITALIC);
	return tb;
}

doc_table *
lk_tabel_anggaran(lkctx *L)
{
	static const double lebar[] = { 5, 41, 19, 19, 16 };
	doc *d = L->b.d;
	const tahunan_hasil *h = L->h;
	doc_table *tb = doc_table_new(d, 5, lebar);
	const char *kolom[5];
	daftar tw4 = { NULL, 0, 0, 0 };
	const char *catatan;
	doc_row *br;

	kolom[0] = teks(L, TT_LK_KOLOM_NO);
	kolom[1] = teks(L, TT_LK_KOLOM_PROGRAM);
	kolom[2] = teks(L, TT_LK_KOLOM_ANGGARAN);
	kolom[3] = teks(L, TT_LK_KOLOM_REALISASI_ANGGARAN);
	kolom[4] = teks(L, TT_LK_KOLOM_SERAPAN);
	kepala(L, tb, kolom, 5, true);
	for (size_t i = 0; i < h->n_program; i++) {
		const tahunan_program *p = &h->program[i];

		br = baris(L, tb);
		cel(L, br, doc_printf(d, "%zu", p->no), DOC_CENTER);
		cel(L, br, p->program->uraian, DOC_LEFT);
		cel(L, br, bld_uang(&L->b, p->program->anggaran),
		    DOC_RIGHT);
		cel(L, br, p->ada_realisasi ? bld_uang(&L->b,
		    p->realisasi) : teks(L, TT_LK_TANPA_REALISASI),
		    p->ada_realisasi ? DOC_RIGHT : DOC_CENTER);
		cel(L, br, bld_capaian_teks(&L->b, &p->serapan,
		    true), DOC_CENTER);
		if (p->ada_realisasi && p->realisasi_tw4)
			daftar_add(L, &tw4, p->program->kode);
	}
	br = baris(L, tb);
	br->bold = true;
	cel(L, br, teks(L, TT_LK_BARIS_JUMLAH),
	    DOC_CENTER)->colspan = 2;
	cel(L, br, bld_uang(&L->b, h->jumlah_anggaran), DOC_RIGHT);
	cel(L, br, h->jumlah_ada_realisasi ? bld_uang(&L->b,
	    h->jumlah_realisasi) : "", DOC_RIGHT);
	cel(L, br, bld_capaian_teks(&L->b, &h->jumlah_serapan,
	    true), DOC_CENTER);
	judul(L, tb, TT_LK_TABEL_ANGGARAN_JUDUL, NULL, 0);
	if ((catatan = daftar_teks(L, &tw4)) != NULL) {
		tmpl_nilai v[] = { { "daftar", catatan } };

		tb->note = doc_plain(d, bld_teks(&L->b, TT_LK_CATATAN_TW4, v, 1),
		    DOC_ITALIC);
	}
	return tb;
}
