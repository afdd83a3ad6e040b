/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* build_tables.c - the report's tables and charts, and the lampiran.
 *
 * Owns: the capaian table (one row per IKU, the sasaran spanning its
 * rows; with the predikat column in the lampiran; an IKU without a
 * realisation whose quarter has a note (keterangan) gets a numbered
 * marker in its capaian cell and the note under the table), the budget
 * table with
 * its JUMLAH row, the supporting tables of the narratives as given, the
 * bar charts of capaian and budget, the line charts of an IKU's quarters
 * so far against their targets, and the lampiran part made of them.
 * Figures come from the kinerja rows as they are (the quarters' from
 * the kinerja of each quarter, c->kw).
 */
#include "config.h"
#include "report/build_int.h"
#include "report/build.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dec.h"

#define LABEL_PENDEK 60                                    /* chart labels */

static void
kepala_tabel(bctx *c, doc_table *tb, const enum tmpl_teks_id *kolom, size_t n)
{
	doc_row *h = doc_table_add_row(c->d, tb, true);

	h->bold = true;
	for (size_t i = 0; i < n; i++)
		doc_row_add_cell(c->d, h, bld_teks(c, kolom[i], NULL, 0),
		    DOC_CENTER)->shade = true;
	h = doc_table_add_row(c->d, tb, true);
	for (size_t i = 0; i < n; i++)
		doc_row_add_cell(c->d, h, doc_printf(c->d, "%zu", i + 1),
		    DOC_CENTER)->shade = true;
}

/* The codes a table's note lists ("IKU1, IKU3"), grown in place:
 * printing the whole list again for every code would be quadratic. */
typedef struct daftar {
	char *s;
	size_t n, len, cap;
} daftar;

static void
daftar_add(daftar *l, const char *kode)
{
	size_t k = strlen(kode != NULL ? kode : "");

	if (l->len + k + 3 > l->cap) {
		size_t cap = l->cap ? l->cap : 256;

		while (cap < l->len + k + 3)
			cap *= 2;
		if ((l->s = realloc(l->s, cap)) == NULL)
			lk_fatal("out of memory (note)");
		l->cap = cap;
	}
	if (l->n++ > 0) {
		memcpy(l->s + l->len, ", ", 2);
		l->len += 2;
	}
	memcpy(l->s + l->len, kode != NULL ? kode : "", k);
	l->len += k;
	l->s[l->len] = '\0';
}

/* The note of tb: text id with the list as {daftar}, in italics, when
 * the list has a code; frees the list. */
static void
catatan(bctx *c, doc_table *tb, enum tmpl_teks_id id, daftar *l)
{
	if (l->n > 0) {
		tmpl_nilai v[] = { { "daftar", l->s } };

		tb->note = doc_plain(c->d, bld_teks(c, id, v, 1), DOC_ITALIC);
	}
	free(l->s);
	memset(l, 0, sizeof *l);
}

/* The note of an IKU row that has no realisation: why (keterangan of
 * the quarter), or NULL. */
static const char *
keterangan_of(const bctx *c, const kinerja_iku *row)
{
	const char *s;

	if (row->iku == NULL || row->ada_realisasi || c->k->tw < 1 ||
	    c->k->tw > TW_MAX)
		return NULL;
	s = row->iku->keterangan[c->k->tw];
	return s != NULL && *s ? s : NULL;
}

/* The capaian table: one row per IKU, the sasaran's cells spanning its
 * rows; with_predikat adds the Predikat column (lampiran).  The notes
 * of IKU without a realisation are numbered in the capaian cell ("1)")
 * and listed under the table ("1) IKU2: why"), after the note on the
 * quarter's targets. */
doc_table *
bld_tabel_capaian(bctx *c, bool with_predikat, bool with_title)
{
	static const enum tmpl_teks_id kolom[] = { TT_KOLOM_NO,
		TT_KOLOM_SASARAN, TT_KOLOM_IKU, TT_KOLOM_TARGET,
		TT_KOLOM_REALISASI, TT_KOLOM_CAPAIAN, TT_KOLOM_PREDIKAT };
	static const double lebar[] = { 5, 27, 32, 12, 13, 11, 12 };
	size_t n_col = with_predikat ? 7 : 6;
	doc_table *tb = doc_table_new(c->d, n_col, lebar);
	const kinerja *k = c->k;
	daftar kode = { NULL, 0, 0, 0 };
	doc_text notes = { NULL, 0 };
	unsigned n_note = 0;

	kepala_tabel(c, tb, kolom, n_col);
	for (size_t j = 0; j < k->n_iku; j++) {
		const kinerja_iku *row = &k->iku[j];
		doc_row *br = doc_table_add_row(c->d, tb, false);
		const char *ket = keterangan_of(c, row);

		if (j == 0 || k->iku[j - 1].sasaran != row->sasaran) {
			unsigned span = 1;

			while (j + span < k->n_iku &&
			    k->iku[j + span].sasaran == row->sasaran)
				span++;
			doc_row_add_cell(c->d, br, doc_printf(c->d, "%zu",
			    row->no), DOC_CENTER)->rowspan = span;
			doc_row_add_cell(c->d, br, row->sasaran->uraian,
			    DOC_LEFT)->rowspan = span;
		}
		if (row->iku == NULL) {
			for (size_t x = 2; x < n_col; x++)
				doc_row_add_cell(c->d, br, NULL, DOC_CENTER);
			continue;
		}
		doc_row_add_cell(c->d, br, row->iku->uraian, DOC_LEFT);
		doc_row_add_cell(c->d, br, row->target_kosong ? REPORT_BELUM_DIISI :
		    bld_nilai_satuan(c, row->target, row->iku->satuan), DOC_CENTER);
		doc_row_add_cell(c->d, br, row->ada_realisasi ?
		    bld_nilai_satuan(c, row->realisasi, row->iku->satuan) : NULL,
		    DOC_CENTER);
		if (ket != NULL) {
			n_note++;
			doc_row_add_cell(c->d, br, doc_printf(c->d, "%u)", n_note),
			    DOC_CENTER);
			doc_text_add(c->d, &notes, doc_printf(c->d, "%s%u) %s: %s",
			    n_note > 1 ? "\n" : "", n_note, row->iku->kode, ket), 0);
		} else {
			doc_row_add_cell(c->d, br, bld_capaian_teks(c,
			    &row->capaian, true), DOC_CENTER);
		}
		if (with_predikat)
			doc_row_add_cell(c->d, br, bld_predikat(row), DOC_CENTER);
		if (row->target_triwulan)
			daftar_add(&kode, row->iku->kode);
	}
	if (with_title)
		tb->title = doc_plain(c->d, bld_teks(c, TT_TABEL_CAPAIAN_JUDUL,
		    NULL, 0), DOC_BOLD);
	catatan(c, tb, TT_CATATAN_TARGET_TRIWULAN, &kode);
	if (n_note > 0) {
		if (tb->note.n_run > 0)
			doc_text_add(c->d, &tb->note, "\n", DOC_ITALIC);
		for (size_t i = 0; i < notes.n_run; i++)
			doc_text_add(c->d, &tb->note, notes.run[i].text,
			    notes.run[i].style);
	}
	return tb;
}

doc_table *
bld_tabel_keuangan(bctx *c)
{
	static const enum tmpl_teks_id kolom[] = { TT_KOLOM_NO,
		TT_KOLOM_PROGRAM, TT_KOLOM_ANGGARAN, TT_KOLOM_TARGET_ANGGARAN,
		TT_KOLOM_REALISASI_ANGGARAN, TT_KOLOM_CAPAIAN_ANGGARAN,
		TT_KOLOM_KETERANGAN };
	static const double lebar[] = { 5, 34, 15, 15, 15, 9, 12 };
	doc_table *tb = doc_table_new(c->d, 7, lebar);
	const kinerja *k = c->k;
	daftar kode = { NULL, 0, 0, 0 };
	doc_row *br;
	doc_cell *cell;

	kepala_tabel(c, tb, kolom, 7);
	for (size_t j = 0; j < k->n_program; j++) {
		const kinerja_program *row = &k->program[j];

		br = doc_table_add_row(c->d, tb, false);
		doc_row_add_cell(c->d, br, doc_printf(c->d, "%zu", row->no),
		    DOC_CENTER);
		doc_row_add_cell(c->d, br, row->program->uraian, DOC_LEFT);
		doc_row_add_cell(c->d, br, row->program->anggaran_kosong ?
		    REPORT_BELUM_DIISI : bld_uang(c, row->program->anggaran),
		    DOC_RIGHT);
		doc_row_add_cell(c->d, br, row->target_kosong ? REPORT_BELUM_DIISI :
		    bld_uang(c, row->target), DOC_RIGHT);
		doc_row_add_cell(c->d, br, row->ada_realisasi ?
		    bld_uang(c, row->realisasi) : NULL, DOC_RIGHT);
		doc_row_add_cell(c->d, br, bld_capaian_teks(c, &row->capaian, false),
		    DOC_CENTER);
		doc_row_add_cell(c->d, br, row->ada_realisasi ? NULL :
		    bld_teks(c, TT_KETERANGAN_TANPA_REALISASI, NULL, 0), DOC_LEFT);
		if (row->target_triwulan)
			daftar_add(&kode, row->program->kode);
	}
	br = doc_table_add_row(c->d, tb, false);
	br->bold = true;
	cell = doc_row_add_cell(c->d, br, bld_teks(c, TT_BARIS_JUMLAH, NULL, 0),
	    DOC_CENTER);
	cell->colspan = 2;
	doc_row_add_cell(c->d, br, bld_uang(c, k->jumlah_anggaran), DOC_RIGHT);
	doc_row_add_cell(c->d, br, bld_uang(c, k->jumlah_target), DOC_RIGHT);
	doc_row_add_cell(c->d, br, k->jumlah_ada_realisasi ?
	    bld_uang(c, k->jumlah_realisasi) : NULL, DOC_RIGHT);
	doc_row_add_cell(c->d, br, bld_capaian_teks(c, &k->jumlah_capaian, false),
	    DOC_CENTER);
	doc_row_add_cell(c->d, br, NULL, DOC_LEFT);
	catatan(c, tb, TT_CATATAN_TARGET_ANGGARAN, &kode);
	return tb;
}

/* A supporting table of a narrative, printed as given. */
doc_table *
bld_tabel_pendukung(bctx *c, const tabel *src)
{
	size_t n_col = src->n_kolom;
	doc_table *tb;
	doc_row *h;

	for (size_t i = 0; i < src->n_baris; i++)
		if (src->n_sel[i] > n_col)
			n_col = src->n_sel[i];
	tb = doc_table_new(c->d, n_col > 0 ? n_col : 1, NULL);
	if (src->n_kolom > 0) {
		h = doc_table_add_row(c->d, tb, true);
		h->bold = true;
		for (size_t x = 0; x < tb->n_col; x++)
			doc_row_add_cell(c->d, h, x < src->n_kolom ?
			    src->kolom[x] : NULL, DOC_CENTER)->shade = true;
	}
	for (size_t i = 0; i < src->n_baris; i++) {
		doc_row *br = doc_table_add_row(c->d, tb, false);

		for (size_t x = 0; x < tb->n_col; x++)
			doc_row_add_cell(c->d, br, x < src->n_sel[i] ?
			    src->baris[i][x] : NULL,
			    x == 0 ? DOC_LEFT : DOC_CENTER);
	}
	if (tb->n_col > 1)
		tb->width[0] = 2.5;   /* the description column */
	tb->title = doc_plain(c->d, src->judul, DOC_BOLD);
	if (src->catatan != NULL)
		tb->note = doc_plain(c->d, src->catatan, DOC_ITALIC);
	return tb;
}

void
bld_add_table(bctx *c, doc_section *s, doc_table *tb)
{
	doc_block *b = doc_add_block(c->d, s, DOC_TABLE);

	b->table = tb;
}

/* A bar chart of n bars (filled by the caller with bar()), titled by
 * text id, with the reference line at 100%. */
static doc_chart *
grafik(bctx *c, enum tmpl_teks_id judul, size_t n)
{
	doc_chart *ch = arena_alloc(&c->d->mem, sizeof *ch);

	ch->title = doc_plain(c->d, bld_teks(c, judul, NULL, 0), DOC_BOLD);
	ch->bar = n > 0 ? arena_alloc(&c->d->mem, n * sizeof *ch->bar) : NULL;
	ch->reference = 10000;
	ch->reference_label = "100%";
	return ch;
}

/* The next bar: "KODE uraian (shortened)" and its capaian. */
static void
bar(bctx *c, doc_chart *ch, const char *kode, const char *uraian,
    const capaian *cp)
{
	doc_bar *b = &ch->bar[ch->n_bar++];

	b->label = doc_printf(c->d, "%s %s", kode,
	    bld_pendek(c, uraian, LABEL_PENDEK));
	b->ada = cp->status == CAPAIAN_ADA;
	b->value = b->ada ? cp->persen : 0;
	b->value_text = bld_capaian_teks(c, cp, true);
}

static doc_chart *
grafik_capaian(bctx *c)
{
	doc_chart *ch = grafik(c, TT_GRAFIK_CAPAIAN_JUDUL,
	    bld_jumlah_iku(c->k));

	for (size_t j = 0; j < c->k->n_iku; j++) {
		const kinerja_iku *row = &c->k->iku[j];

		if (row->iku != NULL)
			bar(c, ch, row->iku->kode, row->iku->uraian,
			    &row->capaian);
	}
	return ch;
}

static doc_chart *
grafik_anggaran(bctx *c)
{
	doc_chart *ch = grafik(c, TT_GRAFIK_ANGGARAN_JUDUL, c->k->n_program);

	for (size_t j = 0; j < c->k->n_program; j++) {
		const kinerja_program *row = &c->k->program[j];

		bar(c, ch, row->program->kode, row->program->uraian,
		    &row->capaian);
	}
	return ch;
}

/* Whether quarter q's row j has data of its own: a realisation, or a
 * target set for the quarter (target_tw).  The annual target standing
 * in for a quarter's is not. */
static bool
tw_ada_data(const bctx *c, int q, size_t j)
{
	const kinerja_iku *x = &c->kw[q - 1].iku[j];

	return x->ada_realisasi || x->target_triwulan;
}

/* The chart of IKU row j's quarters TW I..tw: each quarter's cumulative
 * realisation and its target (kinerja's: the quarterly target where
 * set, else the annual one; none while blank), as kinerja_hitung gave
 * them for that quarter.  NULL for a sasaran without IKU or when fewer
 * than two quarters have data. */
static doc_trend *
grafik_triwulan(bctx *c, size_t j)
{
	const kinerja_iku *row = &c->k->iku[j];
	const iku *k = row->iku;
	size_t n_data = 0;
	doc_trend *t;

	if (k == NULL)
		return NULL;
	for (int q = 1; q <= c->tw; q++)
		n_data += tw_ada_data(c, q, j);
	if (n_data < 2)
		return NULL;
	{
		tmpl_nilai v[] = { { "kode", k->kode }, { "iku", k->uraian },
			{ "satuan", bld_atau_kosong(k->satuan) } };

		t = arena_alloc(&c->d->mem, sizeof *t);
		memset(t, 0, sizeof *t);
		t->title = doc_plain(c->d, bld_teks(c, TT_GRAFIK_TW_JUDUL, v,
		    3), DOC_BOLD);
	}
	t->realisasi_label = bld_teks(c, TT_GRAFIK_TW_REALISASI, NULL, 0);
	t->target_label = bld_teks(c, TT_GRAFIK_TW_TARGET, NULL, 0);
	t->point = arena_alloc(&c->d->mem, (size_t)c->tw * sizeof *t->point);
	memset(t->point, 0, (size_t)c->tw * sizeof *t->point);
	for (int q = 1; q <= c->tw; q++) {
		const kinerja_iku *x = &c->kw[q - 1].iku[j];
		doc_trend_point *p = &t->point[t->n_point++];
		char buf[DEC_BUFSZ];

		if (x->iku != k)
			lk_fatal("grafik_triwulan: row %zu is not %s in "
			    "quarter %d", j, k->kode, q);
		p->label = doc_printf(c->d, "TW %s", tw_romawi(q));
		p->ada_realisasi = x->ada_realisasi;
		p->realisasi = x->realisasi;
		p->ada_target = !x->target_kosong;
		p->target = x->target;
		if (p->ada_realisasi)
			p->realisasi_text = doc_strdup(c->d,
			    dec_format_nilai(p->realisasi, buf));
		if (p->ada_target)
			p->target_text = doc_strdup(c->d,
			    dec_format_nilai(p->target, buf));
	}
	return t;
}

/* The charts of the quarters, two side by side (a lone last one
 * centred), under their own heading; nothing when no IKU has data in
 * two quarters. */
static void
grafik_triwulan_semua(bctx *c, doc_section *s)
{
	doc_block *b = NULL;

	for (size_t j = 0; j < c->k->n_iku; j++) {
		doc_trend *t = grafik_triwulan(c, j);

		if (t == NULL)
			continue;
		if (b != NULL && b->trend2 == NULL) {
			b->trend2 = t;
			continue;
		}
		if (b == NULL) {
			doc_add_block(c->d, s, DOC_PAGEBREAK);
			bld_judul(c, s, 2, TT_LAMPIRAN_GRAFIK_TW_JUDUL, NULL, 0);
		}
		b = doc_add_block(c->d, s, DOC_TREND);
		b->trend = t;
		b->space_before = 12;
	}
}

void
bld_bagian_lampiran(bctx *c, doc_section *s)
{
	doc_block *b;

	s->landscape = c->t->lampiran_landscape;
	bld_judul(c, s, 1, TT_JUDUL_LAMPIRAN, NULL, 0);
	bld_judul(c, s, 2, TT_LAMPIRAN_KINERJA_JUDUL, NULL, 0);
	bld_add_table(c, s, bld_tabel_capaian(c, true, false));
	doc_add_block(c->d, s, DOC_PAGEBREAK);
	bld_judul(c, s, 2, TT_LAMPIRAN_KEUANGAN_JUDUL, NULL, 0);
	bld_add_table(c, s, bld_tabel_keuangan(c));
	doc_add_block(c->d, s, DOC_PAGEBREAK);
	bld_judul(c, s, 2, TT_LAMPIRAN_GRAFIK_JUDUL, NULL, 0);
	if (bld_jumlah_iku(c->k) > 0) {
		b = doc_add_block(c->d, s, DOC_CHART);
		b->chart = grafik_capaian(c);
	}
	if (c->k->n_program > 0) {
		b = doc_add_block(c->d, s, DOC_CHART);
		b->chart = grafik_anggaran(c);
		b->space_before = 18;
	}
	grafik_triwulan_semua(c, s);
}
