/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_layout.c - line breaking, table planning and the PDF layout.
 *
 * Line breaking and table planning run against a fake fixed-width
 * measure (every character 0.5 em wide, bold 0.6 em), so expected breaks
 * are exact.  End-to-end tests build docs here (not with doc.c), write
 * PDFs into a temporary directory and read them back with poppler-utils
 * (pdftotext, pdfinfo) and qpdf.
 */
#include "config.h"
#include "lktest.h"

#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <hpdf.h>

#include "report/layout.h"
#include "report/layout_int.h"
#include "report/linebreak.h"
#include "report/hyph.h"
#include "report/ttf_subset.h"

#define FONT_DIR "/usr/share/fonts/truetype/liberation2/"

/* ---- the fake measure ---- */

static size_t
count_cp(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

static double
fake_width(void *ctx, unsigned style, double size, const char *s, size_t n)
{
	(void)ctx;
	return (double)count_cp(s, n) * size * (style & DOC_BOLD ? 0.6 : 0.5);
}

static const lb_measure fake = { fake_width, NULL, 0.8, 0.2 };

/* Lines of p as "word word|word", pieces joined by a space where there
 * was a gap. */
static void
lines_str(const lb_para *p, char *out, size_t n)
{
	size_t i, j, o = 0;

	out[0] = '\0';
	for (i = 0; i < p->n_line; i++) {
		const lb_line *ln = &p->line[i];

		if (i > 0 && o + 1 < n)
			out[o++] = '|';
		for (j = 0; j < ln->n_item; j++) {
			const lb_item *it = &p->item[ln->item + j];

			if (j > 0 && it->gap > 0 && o + 1 < n)
				out[o++] = ' ';
			if (o + it->n < n) {
				memcpy(out + o, it->s, it->n);
				o += it->n;
			}
		}
	}
	out[o < n ? o : n - 1] = '\0';
}

/* ---- line breaking ---- */

static const struct lb_case {
	const char *text;
	double width;             /* size 10: 5 pt a character */
	const char *lines;
} lb_cases[] = {
	{ "aaa bbb ccc ddd", 40, "aaa bbb|ccc ddd" },
	{ "aaa bbb ccc ddd", 35, "aaa bbb|ccc ddd" },          /* exact fit */
	{ "aaa bbb ccc ddd", 34.9, "aaa|bbb|ccc|ddd" },
	{ "  aaa   bbb \t ccc  ", 1000, "aaa bbb ccc" },        /* spaces collapse */
	{ "aaa\nbbb ccc", 1000, "aaa|bbb ccc" },                /* hard break */
	{ "aaa\n\nbbb", 1000, "aaa||bbb" },                     /* empty line */
	{ "abcdefghijklmnop", 30, "abcdef|ghijkl|mnop" },       /* long word */
	{ "ab abcdefghij", 30, "ab|abcdef|ghij" },
	{ "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 15,
	  "\xc3\xa9\xc3\xa9\xc3\xa9|\xc3\xa9\xc3\xa9\xc3\xa9|\xc3\xa9\xc3\xa9" },
	{ "aa kupu-kupu", 40, "aa kupu-|kupu" },                /* after a hyphen */
	{ "kupu-kupu terbang", 50, "kupu-kupu|terbang" },
	{ "2020-2024 tahun", 45, "2020-2024|tahun" },           /* not in numbers */
	{ "x", 1, "x" },                                        /* wider than the line */
	{ "", 100, "" },
	{ "ab\xff" "cd ef", 100, "ab?cd ef" },                  /* invalid UTF-8 */
};

START_TEST(test_lb_breaks)
{
	const struct lb_case *c = &lb_cases[_i];
	lb_opts o = { 10, 0, c->width, DOC_LEFT, true, false, NULL };
	lb_para p;
	char got[256];
	size_t i, j;

	lb_init(&p);
	lb_break_str(&p, &fake, c->text, 0, &o);
	lines_str(&p, got, sizeof got);
	ck_assert_msg(strcmp(got, c->lines) == 0, "case %d: \"%s\" at %g: got "
		      "\"%s\", want \"%s\"", _i, c->text, c->width, got, c->lines);
	/* nothing sticks out (unless a single character is wider), and
	 * pieces are whole UTF-8 characters */
	for (i = 0; i < p.n_line; i++)
		for (j = 0; j < p.line[i].n_item; j++) {
			const lb_item *it = &p.item[p.line[i].item + j];

			if (p.line[i].n_item > 1 || count_cp(it->s, it->n) > 1)
				ck_assert(it->x + it->w <= c->width + 1e-9);
			ck_assert(((unsigned char)it->s[0] & 0xC0) != 0x80);
			ck_assert_uint_eq(lb_utf8_len(it->s + it->n - 1, 1) == 1 ||
					  ((unsigned char)it->s[it->n - 1] & 0x80), 1);
		}
	lb_free(&p);
}
END_TEST

/* Hyphenation points as "pe-me-rin-tah" (hyph.h's rules). */
static const struct {
	const char *word, *want;
} hyph_cases[] = {
	{ "pemerintah", "pe-me-rin-tah" },
	{ "Pemerintah", "Pe-me-rin-tah" },         /* a sentence's first word */
	{ "(pelaksanaan),", "(pe-lak-sa-naan)," }, /* punctuation around it */
	{ "masyarakat", "ma-sya-ra-kat" },         /* three letters after */
	{ "\xE2\x80\x9Ckutipan\xE2\x80\x9D", "\xE2\x80\x9Cku-tipan\xE2\x80\x9D" },
	{ "IKU1", "IKU1" },                         /* kodes */
	{ "SAKIP", "SAKIP" },                       /* acronyms */
	{ "IPOLEKSOSBUD", "IPOLEKSOSBUD" },
	{ "2023", "2023" },                         /* numbers */
	{ "sasaran2", "sasaran2" },
	{ "kupu-kupu", "kupu-kupu" },               /* not letters alone */
	{ "ciri", "ciri" },                         /* too short */
	{ "", "" },
};

START_TEST(test_hyph_points)
{
	hyph *h;
	lk_err e = { 0, "" };
	size_t at[24], n, prev = 0, o = 0;
	char got[128];
	const char *w = hyph_cases[_i].word;

	ck_assert_msg(hyph_open(&h, NULL, &e) == 0, "%s", e.msg);
	n = hyph_points(h, w, strlen(w), at, 24);
	for (size_t k = 0; k <= n; k++) {
		size_t end = k < n ? at[k] : strlen(w);

		ck_assert_uint_gt(end + (k == n), prev);
		memcpy(got + o, w + prev, end - prev);
		o += end - prev;
		if (k < n)
			got[o++] = '-';
		prev = end;
	}
	got[o] = '\0';
	ck_assert_str_eq(got, hyph_cases[_i].want);
	hyph_close(h);
}
END_TEST

/* Justified text with hyphenation, at many widths: lines fit, a line
 * broken inside a word ends with a soft hyphen, the last word of the
 * paragraph and a name are never broken, and the words read again. */
START_TEST(test_lb_hyphenate)
{
	static const char *const words = "pemerintah menyampaikan laporan "
		"pertanggungjawaban kinerja kepada masyarakat kabupaten ";
	hyph *h;
	lk_err e = { 0, "" };
	doc_run run[2] = { { words, 0 }, { "Kalimantan pelaksanaan", DOC_NAME } };
	doc_text t = { run, 2 };
	int broken = 0;

	ck_assert_msg(hyph_open(&h, NULL, &e) == 0, "%s", e.msg);
	for (double w = 95; w <= 300; w += 5) {   /* every word fits */
		lb_opts o = { 10, 0, w, DOC_JUSTIFY, true, false, h };
		lb_para p;
		char all[512];
		size_t a = 0;

		lb_init(&p);
		lb_break(&p, &fake, &t, &o);
		for (size_t i = 0; i < p.n_line; i++) {
			const lb_line *ln = &p.line[i];

			for (size_t j = 0; j < ln->n_item; j++) {
				const lb_item *it = &p.item[ln->item + j];
				bool soft = it->n == 2 && memcmp(it->s, "\xC2\xAD", 2) == 0;

				ck_assert(it->x + it->w <= w + 1e-6);
				if (soft) {
					ck_assert_uint_eq(j, ln->n_item - 1);
					ck_assert(!(it[-1].style & DOC_NAME));
					broken++;
					continue;
				}
				if (j > 0 && it->gap > 0)
					all[a++] = ' ';
				else if (j == 0 && i > 0 && a > 0 &&
					 !(p.item[ln->item - 1].n == 2 &&
					   memcmp(p.item[ln->item - 1].s, "\xC2\xAD", 2) == 0))
					all[a++] = ' ';
				memcpy(all + a, it->s, it->n);
				a += it->n;
			}
		}
		all[a] = '\0';
		/* the text again, the last word and the name whole */
		ck_assert_str_eq(all, "pemerintah menyampaikan laporan "
				 "pertanggungjawaban kinerja kepada masyarakat "
				 "kabupaten Kalimantan pelaksanaan");
		lb_free(&p);
	}
	ck_assert_int_gt(broken, 0);
	hyph_close(h);
}
END_TEST

START_TEST(test_lb_justify)
{
	const char *text = "Capaian kinerja sasaran strategis pada triwulan "
			   "kedua tahun ini menunjukkan hasil yang baik dan "
			   "sesuai dengan target yang ditetapkan.";
	lb_opts o = { 10, 0, 123.4, DOC_JUSTIFY, true, false, NULL };
	lb_para p;
	size_t i, j;

	lb_init(&p);
	lb_break_str(&p, &fake, text, 0, &o);
	ck_assert_uint_gt(p.n_line, 3);
	for (i = 0; i < p.n_line; i++) {
		const lb_line *ln = &p.line[i];
		const lb_item *it = p.item + ln->item;
		const lb_item *last = &it[ln->n_item - 1];
		double gap0 = -1;

		ck_assert_double_eq_tol(it[0].x, 0, 1e-12);
		if (i + 1 == p.n_line) {
			/* last line: left-aligned, natural spaces */
			ck_assert(ln->hard);
			for (j = 1; j < ln->n_item; j++)
				ck_assert_double_eq_tol(it[j].x - it[j - 1].x -
							it[j - 1].w, 5, 1e-9);
			ck_assert(last->x + last->w < o.width);
			continue;
		}
		ck_assert(!ln->hard);
		/* the last piece ends exactly at the line width */
		ck_assert_double_eq_tol(last->x + last->w, o.width, 1e-9);
		/* every gap got the same share */
		for (j = 1; j < ln->n_item; j++) {
			double g = it[j].x - it[j - 1].x - it[j - 1].w;

			ck_assert(g >= 5 - 1e-9);
			if (gap0 < 0)
				gap0 = g;
			ck_assert_double_eq_tol(g, gap0, 1e-9);
		}
	}
	lb_free(&p);
}
END_TEST

/* Largest extra space per gap over the lines but the last. */
static double
loosest(const lb_para *p, double width)
{
	double worst = 0;
	size_t i, j, nsp;

	for (i = 0; i + 1 < p->n_line; i++) {
		for (j = 1, nsp = 0; j < p->line[i].n_item; j++)
			nsp += p->item[p->line[i].item + j].space;
		if (nsp > 0 && (width - p->line[i].width) / (double)nsp > worst)
			worst = (width - p->line[i].width) / (double)nsp;
	}
	return worst;
}

START_TEST(test_lb_best_fit)
{
	const char *text = "Badan Kesatuan Bangsa dan Politik menyusun laporan "
		"kinerja sebagai wujud akuntabilitas atas pelaksanaan tugas "
		"pokok dan fungsi, sehingga capaian sasaran strategis dapat "
		"dinilai secara terukur, transparan, dan dapat "
		"dipertanggungjawabkan kepada masyarakat serta pemangku "
		"kepentingan yang berwenang.";
	lb_opts o = { 10, 0, 190, DOC_LEFT, true, false, NULL };
	lb_para g, k;
	double gw, kw;

	lb_init(&g);
	lb_init(&k);
	lb_break_str(&g, &fake, text, 0, &o);      /* greedy */
	o.align = DOC_JUSTIFY;
	lb_break_str(&k, &fake, text, 0, &o);      /* least demerits */
	gw = loosest(&g, o.width);
	kw = loosest(&k, o.width);
	ck_assert_msg(kw < gw / 2, "best fit %.1f pt a gap, greedy %.1f", kw, gw);
	lb_free(&g);
	lb_free(&k);
}
END_TEST

START_TEST(test_lb_hard_breaks_not_justified)
{
	lb_opts o = { 10, 0, 200, DOC_JUSTIFY, true, false, NULL };
	lb_para p;

	lb_init(&p);
	lb_break_str(&p, &fake, "satu dua\ntiga empat lima", 0, &o);
	ck_assert_uint_eq(p.n_line, 2);
	ck_assert(p.line[0].hard);
	ck_assert(p.line[1].hard);
	/* "dua" right after "satu ", not pushed to the right edge */
	ck_assert_double_eq_tol(p.item[1].x, 25, 1e-9);
	lb_free(&p);
}
END_TEST

START_TEST(test_lb_long_word)
{
	char word[301];
	lb_opts o = { 10, 0, 97, DOC_JUSTIFY, true, false, NULL };
	lb_para p;
	size_t i, j, total = 0;

	for (i = 0; i < 300; i++)
		word[i] = (char)('a' + i % 26);
	word[300] = '\0';
	lb_init(&p);
	lb_break_str(&p, &fake, word, 0, &o);
	ck_assert_uint_eq(p.n_line, 300 / 19 + 1);    /* 19 characters a line */
	for (i = 0; i < p.n_line; i++)
		for (j = 0; j < p.line[i].n_item; j++) {
			const lb_item *it = &p.item[p.line[i].item + j];

			ck_assert(it->x >= 0);
			ck_assert(it->x + it->w <= o.width + 1e-9);
			ck_assert(memcmp(it->s, word + total, it->n) == 0);
			total += it->n;
		}
	ck_assert_uint_eq(total, 300);
	lb_free(&p);
}
END_TEST

START_TEST(test_lb_mixed_styles)
{
	doc_run r[] = {
		{ "ab ", 0 },
		{ "cd", DOC_BOLD },                   /* "cdef": one word */
		{ "ef gh ", 0 },
		{ "garis bawah", DOC_UNDERLINE },
	};
	doc_text t = { r, 4 };
	lb_opts o = { 10, 0, 1000, DOC_LEFT, true, false, NULL };
	lb_para p;

	lb_init(&p);
	lb_break(&p, &fake, &t, &o);
	ck_assert_uint_eq(p.n_line, 1);
	ck_assert_uint_eq(p.n_item, 6);
	ck_assert_double_eq_tol(p.item[0].x, 0, 1e-9);      /* ab */
	ck_assert_double_eq_tol(p.item[1].x, 15, 1e-9);     /* cd, bold */
	ck_assert_double_eq_tol(p.item[1].w, 12, 1e-9);
	ck_assert_uint_eq(p.item[1].style, DOC_BOLD);
	ck_assert_double_eq_tol(p.item[2].x, 27, 1e-9);     /* ef glued */
	ck_assert_double_eq_tol(p.item[2].gap, 0, 1e-9);
	ck_assert_double_eq_tol(p.item[3].x, 42, 1e-9);     /* gh */
	ck_assert(!p.item[4].ul_gap);                       /* gh garis */
	ck_assert(p.item[5].ul_gap);                        /* garis bawah */
	ck_assert_uint_eq(p.item[5].style, DOC_UNDERLINE);
	/* a narrow line breaks between words, never inside "cdef" */
	o.width = 25;
	lb_break(&p, &fake, &t, &o);
	ck_assert_uint_eq(p.n_line, 5);
	ck_assert_double_eq_tol(p.line[1].width, 22, 1e-9);  /* cd + ef */
	lb_free(&p);
}
END_TEST

START_TEST(test_lb_align)
{
	lb_opts o = { 10, 0, 100, DOC_CENTER, true, false, NULL };
	lb_para p;

	lb_init(&p);
	lb_break_str(&p, &fake, "abc de", 0, &o);        /* 30 pt wide */
	ck_assert_double_eq_tol(p.item[0].x, 35, 1e-9);
	o.align = DOC_RIGHT;
	lb_break_str(&p, &fake, "abc de", 0, &o);
	ck_assert_double_eq_tol(p.item[1].x + p.item[1].w, 100, 1e-9);
	lb_free(&p);
}
END_TEST

/* ---- tables, planned with the fake measure ---- */

typedef struct tdoc {             /* a doc_table built in malloc'd memory */
	doc_table t;
	double w[8];
	doc_row rows[400];
	doc_cell cells[400][8];
	doc_run runs[400][8];
	char text[400][8][64];
} tdoc;

static tdoc *
tdoc_new(size_t n_col, size_t n_head, size_t n_body)
{
	tdoc *d = calloc(1, sizeof *d);
	size_t r, c;

	ck_assert_ptr_nonnull(d);
	d->t.n_col = n_col;
	d->t.width = d->w;
	for (c = 0; c < n_col; c++)
		d->w[c] = 1;
	for (r = 0; r < n_head + n_body; r++) {
		d->rows[r].cell = d->cells[r];
		d->rows[r].n_cell = n_col;
		for (c = 0; c < n_col; c++) {
			doc_cell *cl = &d->cells[r][c];
			doc_run *run = &d->runs[r][c];

			snprintf(d->text[r][c], sizeof d->text[r][c], "%s%zu.%zu",
				 r < n_head ? "H" : "B", r, c);
			run->text = d->text[r][c];
			run->style = 0;
			cl->text.run = run;
			cl->text.n_run = 1;
			cl->colspan = cl->rowspan = 1;
			cl->shade = r < n_head;
		}
	}
	d->t.head = d->rows;
	d->t.n_head = n_head;
	d->t.body = d->rows + n_head;
	d->t.n_body = n_body;
	d->t.font_size = 10;
	return d;
}

static void
tdoc_free(tdoc *d)
{
	free(d);
}

/* Body row of each piece's cell; checks every band's invariants. */
static void
check_bands(const tbl *t, double page_avail)
{
	size_t b, i;

	for (b = 0; b < t->n_band; b++) {
		const tbl_band *bd = &t->band[b];

		ck_assert_uint_eq(bd->page, b);
		ck_assert(bd->h <= page_avail + 1e-6);
		for (i = 0; i < bd->np; i++) {
			const tbl_piece *pc = &t->piece[bd->p0 + i];

			ck_assert(pc->y + pc->h <= bd->body_h + 1e-6);
			ck_assert(pc->text_y + (double)(pc->l1 - pc->l0) * t->lh <=
				  pc->h + 1e-6);
		}
	}
}

START_TEST(test_tbl_repeat_header)
{
	tdoc *d = tdoc_new(3, 2, 200);
	tbl t;
	double page = 500;
	size_t b, i, next = 0;
	lk_err e = { 0, "" };

	tbl_prepare(&t, &d->t, &fake, 300, 11);
	ck_assert_uint_eq(t.n_grp, 200);
	ck_assert_int_eq(tbl_plan(&t, 120, page, false, &e), 0);
	check_bands(&t, page);
	/* 17 pt a row (12 line + 2 x 2.5 padding), 34 pt of header */
	ck_assert_double_eq_tol(t.head_h, 34, 1e-9);
	ck_assert_uint_eq(t.band[0].np / 3, (size_t)((120 - 34) / 17));
	ck_assert_uint_eq(t.n_band, 1 + (200 - 5 + 26) / 27);
	for (b = 0; b < t.n_band; b++) {
		ck_assert(t.band[b].head);
		ck_assert_uint_eq(t.band[b].np % 3, 0);
		for (i = 0; i < t.band[b].np; i += 3) {
			const tbl_cell *c = &t.cell[t.piece[t.band[b].p0 + i].cell];

			/* every row once, in order, whole */
			ck_assert_uint_eq(c->row, 2 + next);
			ck_assert_uint_eq(t.piece[t.band[b].p0 + i].l1,
					  c->para.n_line);
			next++;
		}
	}
	ck_assert_uint_eq(next, 200);
	tbl_free(&t);
	tdoc_free(d);
}
END_TEST

START_TEST(test_tbl_rowspan_group)
{
	tdoc *d = tdoc_new(2, 1, 10);
	tbl t;
	size_t b, i;
	lk_err e = { 0, "" };

	/* body row 3's first cell spans rows 3-5: rows 4 and 5 have one
	 * cell less */
	d->cells[1 + 3][0].rowspan = 3;
	d->rows[1 + 4].cell = &d->cells[1 + 4][1];
	d->rows[1 + 4].n_cell = 1;
	d->rows[1 + 5].cell = &d->cells[1 + 5][1];
	d->rows[1 + 5].n_cell = 1;
	tbl_prepare(&t, &d->t, &fake, 200, 11);
	ck_assert_uint_eq(t.n_grp, 8);
	/* room for the header and 5 rows: rows 3-5 would straddle pages
	 * 1 and 2; they go to page 2 together, with rows 6 and 7 */
	ck_assert_int_eq(tbl_plan(&t, 17 * 6 + 1, 17 * 6 + 1, true, &e), 0);
	check_bands(&t, 17 * 6 + 1);
	ck_assert_uint_eq(t.n_band, 3);
	ck_assert_uint_eq(t.band[1].np, 4 + 2 * 2);
	for (b = 0; b < t.n_band; b++)
		for (i = 0; i < t.band[b].np; i++) {
			const tbl_cell *c = &t.cell[t.piece[t.band[b].p0 + i].cell];

			if (c->row >= 1 + 3 && c->row <= 1 + 7)
				ck_assert_uint_eq(b, 1);
			if (c->row < 1 + 3)
				ck_assert_uint_eq(b, 0);
		}
	/* the spanning cell is as tall as its three rows */
	for (i = 0; i < t.band[1].np; i++) {
		const tbl_piece *pc = &t.piece[t.band[1].p0 + i];

		if (t.cell[pc->cell].rowspan == 3)
			ck_assert_double_eq_tol(pc->h, 3 * 17, 1e-9);
	}
	tbl_free(&t);
	tdoc_free(d);
}
END_TEST

/* A table of malloc'd rows: n_body body rows of n_col cells, "B<r>.<c>". */
typedef struct bigdoc {
	doc_table t;
	double *w;
	doc_row *rows;
	doc_cell *cells;          /* [row * n_col + col] */
	doc_run *runs;
	char (*text)[48];     /* "H" and two size_t: fits */
} bigdoc;

static bigdoc *
big_new(size_t n_col, size_t n_head, size_t n_body)
{
	bigdoc *d = calloc(1, sizeof *d);
	size_t n = n_head + n_body, r, c;

	ck_assert_ptr_nonnull(d);
	d->w = calloc(n_col, sizeof *d->w);
	d->rows = calloc(n, sizeof *d->rows);
	d->cells = calloc(n * n_col, sizeof *d->cells);
	d->runs = calloc(n * n_col, sizeof *d->runs);
	d->text = calloc(n * n_col, sizeof *d->text);
	ck_assert(d->w && d->rows && d->cells && d->runs && d->text);
	for (c = 0; c < n_col; c++)
		d->w[c] = 1;
	for (r = 0; r < n; r++) {
		d->rows[r].cell = d->cells + r * n_col;
		d->rows[r].n_cell = n_col;
		for (c = 0; c < n_col; c++) {
			doc_cell *cl = &d->cells[r * n_col + c];
			doc_run *run = &d->runs[r * n_col + c];

			snprintf(d->text[r * n_col + c], sizeof d->text[0],
				 "%s%zu.%zu", r < n_head ? "H" : "B", r, c);
			run->text = d->text[r * n_col + c];
			cl->text.run = run;
			cl->text.n_run = 1;
			cl->colspan = cl->rowspan = 1;
		}
	}
	d->t.width = d->w;
	d->t.n_col = n_col;
	d->t.head = d->rows;
	d->t.n_head = n_head;
	d->t.body = d->rows + n_head;
	d->t.n_body = n_body;
	d->t.font_size = 10;
	return d;
}

static void
big_free(bigdoc *d)
{
	free(d->w);
	free(d->rows);
	free(d->cells);
	free(d->runs);
	free(d->text);
	free(d);
}

/* Every body cell drawn whole, its lines once and in order over the
 * bands (a cell continued on the next page goes on where it stopped);
 * the header on every band. */
static void
check_all_drawn(const tbl *t)
{
	size_t *next = calloc(t->n_cell, sizeof *next), b, i;

	ck_assert_ptr_nonnull(next);
	for (b = 0; b < t->n_band; b++) {
		ck_assert(t->n_head == 0 || t->band[b].head || t->band[b].np == 0);
		for (i = 0; i < t->band[b].np; i++) {
			const tbl_piece *pc = &t->piece[t->band[b].p0 + i];

			ck_assert_uint_eq(pc->l0, next[pc->cell]);
			ck_assert_uint_ge(pc->l1, pc->l0);
			next[pc->cell] = pc->l1;
		}
	}
	for (i = 0; i < t->n_cell; i++)
		if (!t->cell[i].head)
			ck_assert_msg(next[i] == t->cell[i].para.n_line,
				      "cell %zu (row %zu): %zu of %zu lines", i,
				      t->cell[i].row, next[i], t->cell[i].para.n_line);
	free(next);
}

/* One sasaran with 8,000 IKU: one rowspan group of 8,000 rows, cut at
 * every page.  Planning it re-laid the whole group at every cut (8,000
 * IKU took minutes); now the rows are laid out about twice each. */
START_TEST(test_tbl_long_rowspan_group)
{
	enum { N = 8000 };
	static char tall[400];
	doc_run run = { tall, 0 };
	bigdoc *d = big_new(3, 1, N);
	lk_err e = { 0, "" };
	size_t b, i, span = 0, spans = 0;
	tbl t;

	tall[0] = '\0';
	for (i = 0; i < 30; i++)
		strcat(tall, i + 1 < 30 ? "sasaran\n" : "sasaran");
	d->cells[3].rowspan = N;                 /* body row 0, column 0 */
	d->cells[3].text.run = &run;
	for (i = 1; i < N; i++) {                /* columns 1 and 2 only */
		d->rows[1 + i].cell = &d->cells[(1 + i) * 3 + 1];
		d->rows[1 + i].n_cell = 2;
	}
	tbl_prepare(&t, &d->t, &fake, 300, 11);
	ck_assert_uint_eq(t.n_grp, 1);
	ck_assert_int_eq(tbl_plan(&t, 500, 500, true, &e), 0);
	check_bands(&t, 500);
	check_all_drawn(&t);
	ck_assert_msg(t.n_laid <= 3 * (size_t)N, "%zu row layouts for %d rows",
		      t.n_laid, N);
	/* 17 pt a row: 28 rows on a page below the 17 pt header */
	ck_assert_uint_eq(t.n_band, (N + 27) / 28);
	for (b = 0; b < t.n_band; b++)
		for (i = 0; i < t.band[b].np; i++) {
			const tbl_piece *pc = &t.piece[t.band[b].p0 + i];

			if (t.cell[pc->cell].rowspan != N)
				continue;
			span = pc->cell;
			spans++;
			/* from the top of the band's rows to their bottom */
			ck_assert_double_eq_tol(pc->y, 0, 1e-9);
			ck_assert_double_eq_tol(pc->h, t.band[b].body_h, 1e-6);
		}
	ck_assert_uint_eq(spans, t.n_band);      /* continued on every page */
	ck_assert_uint_eq(t.cell[span].para.n_line, 30);
	tbl_free(&t);
	big_free(d);
}
END_TEST

/* Random tables (row and column spans, tall cells, pages of all sizes):
 * whatever the shape, every line is drawn once, in order, inside its
 * piece, and no band is taller than a page. */
START_TEST(test_tbl_random_shapes)
{
	static char lines[8][200];
	doc_run runs[8];
	uint32_t seed = 12345;
	int round;

#define RND(n) (seed = seed * 1103515245u + 12345u, (seed >> 16) % (n))
	for (int k = 0; k < 8; k++) {
		lines[k][0] = '\0';
		for (int j = 0; j <= k * 3; j++)
			strcat(lines[k], j ? "\nx" : "x");
		runs[k].text = lines[k];
		runs[k].style = 0;
	}
	for (round = 0; round < 300; round++) {
		size_t n_col = 1 + RND(5), n_head = RND(3), n_body = 1 + RND(60);
		bigdoc *d = big_new(n_col, n_head, n_body);
		double page = 40 + RND(300), first = RND(300);
		lk_err e = { 0, "" };
		tbl t;
		int rc;

		for (size_t r = 0; r < n_head + n_body; r++)
			for (size_t c = 0; c < n_col; c++) {
				doc_cell *cl = &d->cells[r * n_col + c];

				if (RND(4) == 0)
					cl->text.run = &runs[RND(8)];
				if (RND(5) == 0)
					cl->rowspan = 1 + RND(12);
				if (RND(6) == 0)
					cl->colspan = 1 + RND(3);
			}
		tbl_prepare(&t, &d->t, &fake, 100 + RND(300), 11);
		rc = tbl_plan(&t, first, page, RND(2), &e);
		if (rc == 0) {
			for (size_t b = 0; b < t.n_band; b++) {
				const tbl_band *bd = &t.band[b];

				ck_assert_uint_eq(bd->page, t.band[0].page + b);
				if (bd->page > 0)
					ck_assert(bd->h <= page + 1e-6);
				for (size_t i = 0; i < bd->np; i++) {
					const tbl_piece *pc = &t.piece[bd->p0 + i];

					ck_assert(pc->y + pc->h <= bd->body_h + 1e-6);
					ck_assert(pc->text_y + (double)(pc->l1 -
						  pc->l0) * t.lh <= pc->h + 1e-6);
				}
			}
			check_all_drawn(&t);
			ck_assert_msg(t.n_laid <= 4 * (t.n_row + 1) + 4 * t.n_band,
				      "round %d: %zu row layouts, %zu rows, %zu bands",
				      round, t.n_laid, t.n_row, t.n_band);
		} else
			ck_assert_int_eq(rc, EX_DATAERR);   /* header too tall */
		tbl_free(&t);
		big_free(d);
	}
#undef RND
}
END_TEST

START_TEST(test_tbl_tall_row_split)
{
	tdoc *d = tdoc_new(2, 1, 3);
	static char big[4000];
	doc_run run = { big, 0 };
	tbl t;
	size_t b, i, next = 0, n_lines, pieces = 0;
	double page = 200;
	lk_err e = { 0, "" };

	/* one cell with 60 lines */
	big[0] = '\0';
	for (i = 0; i < 60; i++)
		strcat(big, i + 1 < 60 ? "abcdefghi\n" : "abcdefghi");
	d->cells[1 + 1][0].text.run = &run;
	d->cells[1 + 1][0].text.n_run = 1;
	tbl_prepare(&t, &d->t, &fake, 200, 11);
	for (i = 0; i < t.n_cell; i++)
		if (t.cell[i].src == &d->cells[1 + 1][0])
			break;
	n_lines = t.cell[i].para.n_line;
	ck_assert_uint_ge(n_lines, 60);
	ck_assert_int_eq(tbl_plan(&t, 150, page, false, &e), 0);
	check_bands(&t, page);
	ck_assert_uint_ge(t.n_band, 4);
	for (b = 0; b < t.n_band; b++) {
		ck_assert(t.band[b].head);
		for (size_t k = 0; k < t.band[b].np; k++) {
			const tbl_piece *pc = &t.piece[t.band[b].p0 + k];

			if (pc->cell != i)
				continue;
			/* lines continue where the previous page stopped */
			ck_assert_uint_eq(pc->l0, next);
			next = pc->l1;
			pieces++;
		}
	}
	ck_assert_uint_eq(next, n_lines);
	ck_assert_uint_ge(pieces, 4);
	tbl_free(&t);
	tdoc_free(d);
}
END_TEST

START_TEST(test_tbl_long_word_cell)
{
	tdoc *d = tdoc_new(3, 1, 2);
	char word[301];
	doc_run run = { word, 0 };
	tbl t;
	size_t i, c, j;
	lk_err e = { 0, "" };

	memset(word, 'x', 300);
	word[300] = '\0';
	d->cells[1][1].text.run = &run;
	d->cells[1][1].text.n_run = 1;
	d->cells[0][0].colspan = 2;        /* and a colspan in the header */
	d->rows[0].n_cell = 2;
	tbl_prepare(&t, &d->t, &fake, 300, 11);
	ck_assert_double_eq_tol(t.cell[0].w, 200, 1e-9);
	ck_assert_uint_eq(t.cell[0].colspan, 2);
	for (c = 0; c < t.n_cell; c++) {
		const lb_para *p = &t.cell[c].para;

		for (i = 0; i < p->n_line; i++)
			for (j = 0; j < p->line[i].n_item; j++) {
				const lb_item *it = &p->item[p->line[i].item + j];

				ck_assert(it->x + it->w <=
					  t.cell[c].w - 2 * t.padx + 1e-9);
			}
	}
	ck_assert_int_eq(tbl_plan(&t, 500, 500, true, &e), 0);
	tbl_free(&t);
	tdoc_free(d);
}
END_TEST

/* ---- documents for the end-to-end tests ---- */

static doc *
mkdoc(void)
{
	doc *d = calloc(1, sizeof *d);

	ck_assert_ptr_nonnull(d);
	d->page.width = 595.276;
	d->page.height = 841.89;
	d->page.margin_top = 3 * 28.35;
	d->page.margin_bottom = 3 * 28.35;
	d->page.margin_left = 4 * 28.35;
	d->page.margin_right = 3 * 28.35;
	d->page.font_size = 12;
	d->page.line_spacing = 1.5;
	d->page.heading_size = 14;
	d->page.font.regular = FONT_DIR "LiberationSerif-Regular.ttf";
	d->page.font.bold = FONT_DIR "LiberationSerif-Bold.ttf";
	d->page.font.italic = FONT_DIR "LiberationSerif-Italic.ttf";
	d->page.font.bold_italic = FONT_DIR "LiberationSerif-BoldItalic.ttf";
	d->info.title = "Laporan Kinerja Triwulan II – 2023";
	d->info.author = "Badan Kesatuan Bangsa dan Politik";
	d->info.subject = "LAKIP";
	d->info.keywords = "kinerja, triwulan";
	d->info.creator = "lakip test";
	d->info.created = 1689300000;
	d->section = arena_alloc(&d->mem, 16 * sizeof *d->section);
	return d;
}

static void
freedoc(doc *d)
{
	arena_free(&d->mem);
	free(d);
}

static doc_section *
sec(doc *d, const char *name, enum doc_numbering num, bool restart)
{
	doc_section *s = &d->section[d->n_section++];

	s->name = name;
	s->numbering = num;
	s->restart_numbering = restart;
	s->new_page = true;
	s->block = arena_alloc(&d->mem, 1200 * sizeof *s->block);
	return s;
}

static doc_block *
blk(doc_section *s, enum doc_block_type t)
{
	doc_block *b = &s->block[s->n_block++];

	ck_assert_uint_le(s->n_block, 1200);
	b->type = t;
	return b;
}

static doc_text
txt(doc *d, const char *s, unsigned style)
{
	doc_text t;

	t.run = arena_alloc(&d->mem, sizeof *t.run);
	t.run->text = arena_strdup(&d->mem, s);
	t.run->style = style;
	t.n_run = 1;
	return t;
}

static doc_block *
para(doc *d, doc_section *s, const char *text)
{
	doc_block *b = blk(s, DOC_PARA);

	b->text = txt(d, text, 0);
	return b;
}

static doc_block *
heading(doc *d, doc_section *s, int level, const char *text, bool toc)
{
	doc_block *b = blk(s, DOC_HEADING);

	b->level = level;
	b->toc = toc;
	b->align = level == 1 ? DOC_CENTER : DOC_LEFT;
	b->text = txt(d, text, 0);
	return b;
}

static doc_table *
table(doc *d, size_t n_col, size_t n_head, size_t n_body)
{
	doc_table *t = arena_alloc(&d->mem, sizeof *t);

	t->n_col = n_col;
	t->width = arena_alloc(&d->mem, n_col * sizeof *t->width);
	t->head = arena_alloc(&d->mem, (n_head + 1) * sizeof *t->head);
	t->body = arena_alloc(&d->mem, (n_body + 1) * sizeof *t->body);
	return t;
}

static doc_row *
row(doc *d, doc_table *t, bool head, size_t n_cell)
{
	doc_row *r = head ? &t->head[t->n_head++] : &t->body[t->n_body++];

	r->cell = arena_alloc(&d->mem, n_cell * sizeof *r->cell);
	return r;
}

static doc_cell *
cell(doc *d, doc_row *r, const char *text, enum doc_align a)
{
	doc_cell *c = &r->cell[r->n_cell++];

	c->text = txt(d, text, 0);
	c->align = a;
	c->colspan = c->rowspan = 1;
	return c;
}

/* A PNG written by hand: stored (uncompressed) deflate blocks. */
static uint32_t
crc32_of(const unsigned char *s, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		c ^= s[i];
		for (k = 0; k < 8; k++)
			c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
	}
	return c ^ 0xFFFFFFFFu;
}

static void
be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static void
chunk(FILE *f, const char *type, const unsigned char *data, uint32_t n)
{
	unsigned char *b = malloc(n + 4), len[4], crc[4];

	memcpy(b, type, 4);
	if (n)
		memcpy(b + 4, data, n);
	be32(len, n);
	be32(crc, crc32_of(b, n + 4));
	fwrite(len, 1, 4, f);
	fwrite(b, 1, n + 4, f);
	fwrite(crc, 1, 4, f);
	free(b);
}

/* mode 0: good; 1: damaged deflate data with correct CRCs; 2: truncated */
static void
write_png(const char *path, unsigned w, unsigned h, int mode)
{
	size_t raw_n = (size_t)h * (1 + 3 * w), i, z = 0;
	unsigned char *raw = malloc(raw_n), *zb = malloc(raw_n + 64), ihdr[13];
	uint32_t a = 1, b2 = 0;
	FILE *f = fopen(path, "wb");
	unsigned x, y;

	ck_assert_ptr_nonnull(f);
	for (y = 0; y < h; y++) {
		unsigned char *r = raw + (size_t)y * (1 + 3 * w);

		r[0] = 0;
		for (x = 0; x < w; x++) {
			unsigned char g = (unsigned char)(((x / 8 + y / 8) % 2) ?
							  60 : 200);

			r[1 + 3 * x] = r[2 + 3 * x] = r[3 + 3 * x] = g;
		}
	}
	ck_assert_uint_lt(raw_n, 65535);
	zb[z++] = 0x78;
	zb[z++] = 0x01;
	zb[z++] = mode == 1 ? 0x07 : 0x01;      /* final; stored (07: bad) */
	zb[z++] = (unsigned char)(raw_n & 0xFF);
	zb[z++] = (unsigned char)(raw_n >> 8);
	zb[z++] = (unsigned char)(~raw_n & 0xFF);
	zb[z++] = (unsigned char)((~raw_n >> 8) & 0xFF);
	memcpy(zb + z, raw, raw_n);
	z += raw_n;
	for (i = 0; i < raw_n; i++) {
		a = (a + raw[i]) % 65521;
		b2 = (b2 + a) % 65521;
	}
	be32(zb + z, b2 << 16 | a);
	z += 4;
	be32(ihdr, w);
	be32(ihdr + 4, h);
	ihdr[8] = 8;
	ihdr[9] = 2;
	ihdr[10] = ihdr[11] = ihdr[12] = 0;
	fwrite("\x89PNG\r\n\x1a\n", 1, 8, f);
	chunk(f, "IHDR", ihdr, 13);
	chunk(f, "IDAT", zb, (uint32_t)(mode == 2 ? z / 2 : z));
	if (mode != 2)
		chunk(f, "IEND", NULL, 0);
	fclose(f);
	free(raw);
	free(zb);
}

/* A decompression bomb: w x h grey pixels, all 0, in fixed-Huffman
 * deflate (each <length 258, distance 1> pair is 13 bits), so 400
 * megapixels fit in 2.5 MB.  Only its header should ever be read. */
typedef struct bitbuf {
	unsigned char *p;
	size_t n, cap;
	unsigned acc, nb;
} bitbuf;

static void
bb_bits(bitbuf *b, unsigned v, unsigned n, bool msb_first)
{
	while (n-- > 0) {
		unsigned bit = msb_first ? (v >> n) & 1 : v & 1;

		if (!msb_first)
			v >>= 1;
		b->acc |= bit << b->nb;
		if (++b->nb == 8) {
			if (b->n == b->cap) {
				b->cap = b->cap ? 2 * b->cap : 65536;
				b->p = realloc(b->p, b->cap);
				ck_assert_ptr_nonnull(b->p);
			}
			b->p[b->n++] = (unsigned char)b->acc;
			b->acc = b->nb = 0;
		}
	}
}

static void
write_bomb(const char *path, uint32_t w, uint32_t h)
{
	uint64_t raw = (uint64_t)h * (1 + (uint64_t)w), left;
	bitbuf z = { NULL, 0, 0, 0, 0 };
	unsigned char ihdr[13], tail[4];
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	bb_bits(&z, 0x78, 8, false);
	bb_bits(&z, 0x01, 8, false);
	bb_bits(&z, 1, 1, false);               /* final block */
	bb_bits(&z, 1, 2, false);               /* fixed Huffman */
	bb_bits(&z, 0x30, 8, true);             /* literal 0 */
	for (left = raw - 1; left >= 258; left -= 258) {
		bb_bits(&z, 0xC5, 8, true);     /* length 258 */
		bb_bits(&z, 0, 5, true);        /* distance 1 */
	}
	for (; left > 0; left--)
		bb_bits(&z, 0x30, 8, true);
	bb_bits(&z, 0, 7, true);                /* end of block */
	if (z.nb)
		bb_bits(&z, 0, 8 - z.nb, false);
	be32(tail, (uint32_t)(raw % 65521) << 16 | 1);   /* Adler-32 of zeros */
	for (int i = 0; i < 4; i++)
		bb_bits(&z, tail[i], 8, false);
	be32(ihdr, w);
	be32(ihdr + 4, h);
	ihdr[8] = 8;
	ihdr[9] = 0;
	ihdr[10] = ihdr[11] = ihdr[12] = 0;
	fwrite("\x89PNG\r\n\x1a\n", 1, 8, f);
	chunk(f, "IHDR", ihdr, 13);
	chunk(f, "IDAT", z.p, (uint32_t)z.n);
	chunk(f, "IEND", NULL, 0);
	fclose(f);
	free(z.p);
}

/* ---- running the poppler tools ---- */

static char *
run(const char *fmt, const char *arg, int *status)
{
	char cmd[4096], *out = NULL;
	size_t n = 0, cap = 0, r;
	FILE *p;

	snprintf(cmd, sizeof cmd, fmt, arg);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	do {
		if (n + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 65536;
			out = realloc(out, cap);
			ck_assert_ptr_nonnull(out);
		}
		r = fread(out + n, 1, 4096, p);
		n += r;
	} while (r > 0);
	out[n] = '\0';
	r = (size_t)pclose(p);
	if (status != NULL)
		*status = (int)r;
	return out;
}

static unsigned
pdf_pages(const char *path)
{
	char *o = run("pdfinfo '%s' 2>/dev/null", path, NULL), *p;
	unsigned n = 0;

	p = strstr(o, "Pages:");
	if (p != NULL)
		n = (unsigned)strtoul(p + 6, NULL, 10);
	free(o);
	return n;
}

/* pdftotext -layout, pages split at form feeds: page[i] points into the
 * returned buffer. */
static char *
pdf_text_pages(const char *path, char **page, size_t max, size_t *n)
{
	char *o = run("pdftotext -layout '%s' - 2>/dev/null", path, NULL), *p = o;

	*n = 0;
	while (*n < max && p != NULL && *p != '\0') {
		char *ff = strchr(p, '\f');

		page[(*n)++] = p;
		if (ff != NULL)
			*ff++ = '\0';
		p = ff;
	}
	return o;
}

static bool
any_page(char **page, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strstr(page[i], s) != NULL)
			return true;
	return false;
}

/* The last non-empty line of a page: the page number. */
static void
last_line(const char *page, char *out, size_t n)
{
	const char *end = page + strlen(page), *s, *e;

	while (end > page && (end[-1] == '\n' || end[-1] == ' '))
		end--;
	s = end;
	while (s > page && s[-1] != '\n')
		s--;
	while (s < end && *s == ' ')
		s++;
	e = end;
	snprintf(out, n, "%.*s", (int)(e - s), s);
}

/* With LKTEST_KEEP_PDF=DIR set, written PDFs are copied there to be
 * looked at (pdftoppm -png -r 70). */
static void
keep(const char *path)
{
	const char *dir = getenv("LKTEST_KEEP_PDF");
	char cmd[9000];

	if (dir == NULL || *dir == '\0')
		return;
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'/", path, dir);
	if (system(cmd) != 0)
		fprintf(stderr, "# could not keep %s\n", path);
}

static bool
dir_empty(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	bool empty = true;

	ck_assert_ptr_nonnull(dp);
	while ((de = readdir(dp)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, ".."))
			empty = false;
	closedir(dp);
	return empty;
}

/* ---- the sample report ---- */

static const char *const lorem =
	"Badan Kesatuan Bangsa dan Politik menyusun laporan kinerja sebagai "
	"wujud akuntabilitas atas pelaksanaan tugas pokok dan fungsi, "
	"sehingga capaian sasaran strategis dapat dinilai secara terukur, "
	"transparan, dan dapat dipertanggungjawabkan kepada masyarakat serta "
	"pemangku kepentingan yang berwenang.";

#define HEAD_200 "Uraian Kegiatan Pokok"

static doc *
sample(const char *png, const char *sig_png)
{
	doc *d = mkdoc();
	doc_section *s;
	doc_block *b;
	doc_table *t;
	doc_row *r;
	doc_cell *c;
	doc_chart *ch;
	doc_formula *f;
	doc_signature *sg;
	size_t i;

	/* cover */
	s = sec(d, "sampul", DOC_NUM_NONE, false);
	s->vertical_center = true;
	b = heading(d, s, 1, "LAPORAN KINERJA\nTRIWULAN II TAHUN 2023", false);
	b->size = 18;
	b = blk(s, DOC_SPACE);
	b->points = 36;
	b = blk(s, DOC_IMAGE);
	b->image = png;
	b->image_width = 120;
	b = blk(s, DOC_SPACE);
	b->points = 36;
	b = heading(d, s, 1, "PEMERINTAH PROVINSI KALIMANTAN TENGAH", false);

	/* front matter */
	s = sec(d, "pengantar", DOC_NUM_ROMAN, true);
	heading(d, s, 1, "KATA PENGANTAR", true);
	para(d, s, "Puji syukur kami panjatkan; capaian ≤ target × 100% "
		   "dibandingkan “rencana” – café résumé.");
	for (i = 0; i < 3; i++)
		para(d, s, lorem);
	s = sec(d, "daftar-isi", DOC_NUM_ROMAN, false);
	heading(d, s, 1, "DAFTAR ISI", false);
	blk(s, DOC_TOC);

	/* BAB I */
	s = sec(d, "bab1", DOC_NUM_ARABIC, true);
	b = heading(d, s, 1, "BAB I\nPENDAHULUAN", true);
	b->toc_text = "BAB I PENDAHULUAN";
	heading(d, s, 2, "A. Latar Belakang", true);
	b = blk(s, DOC_PARA);
	{
		doc_run *rr = arena_alloc(&d->mem, 4 * sizeof *rr);

		rr[0].text = "Paragraf dengan ";
		rr[1].text = "huruf tebal";
		rr[1].style = DOC_BOLD;
		rr[2].text = ", huruf miring dan ";
		rr[2].style = DOC_ITALIC;
		rr[3].text = "garis bawah";
		rr[3].style = DOC_UNDERLINE;
		b->text.run = rr;
		b->text.n_run = 4;
	}
	for (i = 0; i < 4; i++)
		para(d, s, lorem);
	heading(d, s, 2, "B. Tugas Pokok dan Fungsi", true);
	for (i = 0; i < 4; i++) {
		static const char *const lab[] = { "1.", "2.", "3.", "10." };

		b = blk(s, DOC_ITEM);
		b->label = lab[i];
		b->text = txt(d, lorem, 0);
	}
	b = blk(s, DOC_ITEM);
	b->label = "a.";
	b->indent = 24;
	b->text = txt(d, "butir bersarang dengan teks yang cukup panjang agar "
		      "terbungkus menjadi dua baris di bawah labelnya sendiri.", 0);
	b = blk(s, DOC_ITEM);
	b->label = "-";
	b->indent = 48;
	b->text = txt(d, "butir tingkat ketiga.", 0);

	/* BAB II: a table with spans, a formula, a chart */
	s = sec(d, "bab2", DOC_NUM_ARABIC, false);
	heading(d, s, 1, "BAB II\nAKUNTABILITAS KINERJA", true)->toc_text =
		"BAB II AKUNTABILITAS KINERJA";
	heading(d, s, 2, "A. Capaian Indikator", true);
	para(d, s, lorem);
	t = table(d, 5, 3, 6);
	t->width[0] = 0.6;
	t->width[1] = 3;
	t->width[2] = 1.2;
	t->width[3] = 1.2;
	t->width[4] = 1.2;
	t->title = txt(d, "Tabel 2.1 Capaian Indikator Kinerja Utama", 0);
	t->note = txt(d, "Sumber: data olahan, 2023", DOC_ITALIC);
	r = row(d, t, true, 4);
	c = cell(d, r, "No", DOC_CENTER);
	c->rowspan = 2;
	c = cell(d, r, "Indikator", DOC_CENTER);
	c->rowspan = 2;
	c = cell(d, r, "Triwulan II", DOC_CENTER);
	c->colspan = 2;
	c = cell(d, r, "Capaian", DOC_CENTER);
	c->rowspan = 2;
	r = row(d, t, true, 2);
	cell(d, r, "Target", DOC_CENTER);
	cell(d, r, "Realisasi", DOC_CENTER);
	r = row(d, t, true, 5);
	for (i = 0; i < 5; i++) {
		char num[4];

		snprintf(num, sizeof num, "%zu", i + 1);
		cell(d, r, num, DOC_CENTER);
	}
	for (i = 0; i < t->n_head; i++)
		for (size_t k = 0; k < t->head[i].n_cell; k++)
			t->head[i].cell[k].shade = true;
	for (i = 0; i < 5; i++) {
		r = row(d, t, false, 5);
		cell(d, r, i == 0 ? "1" : i == 2 ? "2" : "", DOC_CENTER)->rowspan =
			i == 0 ? 2 : 1;
		if (i == 1) {
			r->n_cell = 0;
			cell(d, r, "Persentase penanganan konflik sosial", DOC_LEFT);
		} else
			cell(d, r, i == 3 ? "Indeks kerukunan umat beragama "
			     "dan kepuasan masyarakat terhadap layanan" :
			     "Persentase ormas yang aktif", DOC_LEFT);
		cell(d, r, "80,00", DOC_RIGHT);
		cell(d, r, "81,50", DOC_RIGHT);
		cell(d, r, "101,88%", DOC_RIGHT);
	}
	r = row(d, t, false, 2);
	r->bold = true;
	c = cell(d, r, "JUMLAH", DOC_CENTER);
	c->colspan = 4;
	cell(d, r, "100,94%", DOC_RIGHT);
	blk(s, DOC_TABLE)->table = t;
	f = arena_alloc(&d->mem, sizeof *f);
	f->lhs = txt(d, "Capaian Indikator Kinerja", 0);
	f->numerator = txt(d, "Realisasi", 0);
	f->denominator = txt(d, "Rencana", 0);
	f->factor = txt(d, "× 100%", 0);
	blk(s, DOC_FORMULA)->formula = f;
	ch = arena_alloc(&d->mem, sizeof *ch);
	ch->title = txt(d, "Grafik 2.1 Capaian IKU Triwulan II", 0);
	ch->n_bar = 4;
	ch->bar = arena_alloc(&d->mem, 4 * sizeof *ch->bar);
	ch->bar[0] = (doc_bar){ "IKU1 Persentase ormas aktif", true, 10188, "101,88%" };
	ch->bar[1] = (doc_bar){ "IKU2 Konflik sosial tertangani", true, 6500, "65,00%" };
	ch->bar[2] = (doc_bar){ "IKU3 Indeks kerukunan umat beragama di provinsi",
				true, 12000, "120,00%" };
	ch->bar[3] = (doc_bar){ "IKU4 Kepuasan layanan", false, 0, NULL };
	ch->reference = 10000;
	ch->reference_label = "100%";
	blk(s, DOC_CHART)->chart = ch;
	heading(d, s, 2, "B. Rincian Kegiatan", true);
	para(d, s, "Rincian kegiatan disajikan pada tabel berikut.")
		->keep_with_next = true;
	t = table(d, 3, 1, 200);
	t->width[0] = 0.5;
	t->width[1] = 4;
	t->width[2] = 1.5;
	t->title = txt(d, "Tabel 2.2 Rincian Kegiatan", 0);
	r = row(d, t, true, 3);
	cell(d, r, "No", DOC_CENTER)->shade = true;
	cell(d, r, HEAD_200, DOC_CENTER)->shade = true;
	cell(d, r, "Anggaran (Rp)", DOC_CENTER)->shade = true;
	for (i = 0; i < 200; i++) {
		char buf[64];

		r = row(d, t, false, 3);
		snprintf(buf, sizeof buf, "%zu", i + 1);
		cell(d, r, buf, DOC_CENTER);
		snprintf(buf, sizeof buf, "Kegiatan nomor %03zu", i + 1);
		cell(d, r, buf, DOC_LEFT);
		cell(d, r, "11.393.254.909", DOC_RIGHT);
	}
	blk(s, DOC_TABLE)->table = t;

	/* BAB III: closing and signature */
	s = sec(d, "bab3", DOC_NUM_ARABIC, false);
	heading(d, s, 1, "BAB III\nPENUTUP", true)->toc_text = "BAB III PENUTUP";
	para(d, s, lorem);
	sg = arena_alloc(&d->mem, sizeof *sg);
	sg->place_date = "Palangka Raya, 14 Juli 2023";
	sg->jabatan = "KEPALA BADAN KESATUAN BANGSA DAN POLITIK PROVINSI "
		      "KALIMANTAN TENGAH,";
	sg->image = sig_png;
	sg->nama = "Drs. SUPRIJANTO, M.Si";
	sg->pangkat = "Pembina Utama Muda";
	sg->nip = "NIP. 19661022 199308 1 001";
	blk(s, DOC_SIGNATURE)->signature = sg;
	return d;
}

static char tmpdir[4096];

static void
setup_tmp(void)
{
	snprintf(tmpdir, sizeof tmpdir, "%s", lktest_tmpdir());
}

static void
teardown_tmp(void)
{
	lktest_rmtree(tmpdir);
}

static const char *
tpath(const char *name)
{
	static char buf[2][4200];
	static int k;

	k ^= 1;
	snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
	return buf[k];
}

/* Every word inside the page's text area (page numbers: in the bottom
 * margin, centred). */
static void
check_bbox(const char *path, const doc *d)
{
	char *o = run("pdftotext -bbox '%s' - 2>/dev/null", path, NULL), *p = o;
	double pw = 0, ph = 0;
	size_t words = 0;

	while ((p = strstr(p, "<")) != NULL) {
		double x0, y0, x1, y1;

		if (sscanf(p, "<page width=\"%lf\" height=\"%lf\"", &pw, &ph) == 2) {
			p++;
			continue;
		}
		if (sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" "
			   "yMax=\"%lf\"", &x0, &y0, &x1, &y1) == 4) {
			bool landscape = pw > ph;
			double left = d->page.margin_left;
			double right = pw - d->page.margin_right;

			(void)landscape;
			words++;
			ck_assert_msg(x0 >= left - 0.5 && x1 <= right + 0.5,
				      "word at x %.1f-%.1f outside %.1f-%.1f",
				      x0, x1, left, right);
			ck_assert_msg(y0 >= d->page.margin_top - 3 &&
				      (y1 <= ph - d->page.margin_bottom + 3 ||
				       y0 > ph - d->page.margin_bottom),
				      "word at y %.1f-%.1f outside the page", y0, y1);
		}
		p++;
	}
	ck_assert_uint_gt(words, 0);
	free(o);
}

START_TEST(test_e2e_sample)
{
	char png[4200], out[4200], *pages[64], *txt, *q, num[64];
	layout_result res = { 0, 0 };
	lk_err e = { 0, "" };
	size_t n, i, p, toc = 0, body_pages = 0, with_head = 0;
	int st;
	doc *d;
	static const char *const heads[] = {
		"KATA PENGANTAR", "BAB I PENDAHULUAN", "A. Latar Belakang",
		"B. Tugas Pokok dan Fungsi", "BAB II AKUNTABILITAS KINERJA",
		"A. Capaian Indikator", "B. Rincian Kegiatan", "BAB III PENUTUP",
	};

	snprintf(png, sizeof png, "%s", tpath("logo.png"));
	write_png(png, 64, 64, 0);
	d = sample(png, png);
	snprintf(out, sizeof out, "%s", tpath("laporan.pdf"));
	ck_assert_msg(layout_write_pdf(d, out, &res, &e) == 0, "%s", e.msg);
	keep(out);
	ck_assert_uint_eq(res.pages, pdf_pages(out));
	ck_assert_uint_ge(res.pages, 10);
	{
		struct stat stt;
		mode_t um = umask(0);

		umask(um);
		ck_assert_int_eq(stat(out, &stt), 0);
		ck_assert_uint_eq(res.bytes, (unsigned long)stt.st_size);
		ck_assert_uint_eq(stt.st_mode & 0777, 0666 & ~um);
	}

	free(run("qpdf --check '%s' >/dev/null 2>&1", out, &st));
	ck_assert_int_eq(st, 0);
	check_bbox(out, d);
	q = run("pdfinfo '%s' 2>/dev/null", out, NULL);
	ck_assert_ptr_nonnull(strstr(q, "Laporan Kinerja Triwulan II – 2023"));
	ck_assert_ptr_nonnull(strstr(q, "Badan Kesatuan Bangsa dan Politik"));
	free(q);

	txt = pdf_text_pages(out, pages, 64, &n);
	ck_assert_uint_eq(n, res.pages);
	/* UTF-8 comes back */
	ck_assert_ptr_nonnull(strstr(pages[1], "capaian ≤ target × 100%"));
	ck_assert_ptr_nonnull(strstr(pages[1], "“rencana” –"));
	ck_assert_ptr_nonnull(strstr(pages[1], "café résumé."));
	/* the cover has no page number; front matter roman, then arabic */
	last_line(pages[0], num, sizeof num);
	ck_assert_str_eq(num, "PEMERINTAH PROVINSI KALIMANTAN TENGAH");
	last_line(pages[1], num, sizeof num);
	ck_assert_str_eq(num, "i");
	for (p = 0; p < n; p++)
		if (strstr(pages[p], "DAFTAR ISI") != NULL)
			toc = p;
	ck_assert_uint_eq(toc, 2);          /* cover, kata pengantar */
	last_line(pages[toc], num, sizeof num);
	ck_assert_str_eq(num, "ii");
	last_line(pages[toc + 1], num, sizeof num);
	ck_assert_str_eq(num, "1");
	/* TOC numbers are the printed numbers of the headings' pages */
	for (i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		char *l = strstr(pages[toc], heads[i]), *eol, *tok, want[64];
		size_t hp;

		ck_assert_msg(l != NULL, "%s not in the TOC", heads[i]);
		eol = strchr(l, '\n');
		if (eol != NULL)
			*eol = '\0';
		tok = strrchr(l, ' ');
		ck_assert_ptr_nonnull(tok);
		ck_assert_ptr_nonnull(strstr(l, ". . ."));
		for (hp = 1; hp < n; hp++) {
			char one[256];
			const char *nl;

			if (hp == toc)
				continue;
			/* a heading with a hard break: look for its first line */
			snprintf(one, sizeof one, "%s", heads[i]);
			if (strncmp(one, "BAB ", 4) == 0 && (nl = strchr(one + 4, ' ')))
				one[nl - one] = '\0';
			if (strstr(pages[hp], one) != NULL)
				break;
		}
		ck_assert_uint_lt(hp, n);
		last_line(pages[hp], want, sizeof want);
		ck_assert_msg(strcmp(tok + 1, want) == 0, "%s: TOC says %s, "
			      "printed on page %s", heads[i], tok + 1, want);
		if (eol != NULL)
			*eol = '\n';
	}
	/* the 200-row table repeats its header on every page it is on */
	for (p = 0; p < n; p++) {
		if (strstr(pages[p], "Kegiatan nomor") == NULL)
			continue;
		body_pages++;
		with_head += strstr(pages[p], HEAD_200) != NULL;
	}
	ck_assert_uint_ge(body_pages, 4);
	ck_assert_uint_eq(with_head, body_pages);
	ck_assert(any_page(pages, n, "Kegiatan nomor 200"));
	ck_assert(any_page(pages, n, "Drs. SUPRIJANTO, M.Si"));
	ck_assert(any_page(pages, n, "NIP. 19661022 199308 1 001"));
	ck_assert(any_page(pages, n, "belum ada data"));
	ck_assert(any_page(pages, n, "Realisasi"));
	free(txt);

	/* the outline holds the TOC headings, level 2 inside level 1 */
	q = run("qpdf --json --json-key=outlines '%s' 2>/dev/null", out, NULL);
	for (i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		char want[128];

		snprintf(want, sizeof want, "\"title\": \"%s\"", heads[i]);
		ck_assert_msg(strstr(q, want) != NULL, "outline: %s", heads[i]);
	}
	{
		char *bab1 = strstr(q, "\"title\": \"BAB I PENDAHULUAN\"");
		char *kid = strstr(q, "\"title\": \"A. Latar Belakang\"");

		/* qpdf prints kids before the title: the child comes first,
		 * deeper indented */
		ck_assert(kid != NULL && bab1 != NULL && kid < bab1);
		ck_assert_ptr_nonnull(strstr(q, "\"/XYZ\""));
		ck_assert_ptr_nonnull(strstr(q, "\"destpageposfrom1\": 4"));
	}
	free(q);
	freedoc(d);
}
END_TEST

START_TEST(test_e2e_reproducible)
{
	char png[4200], a[4200], b[4200], *q;
	lk_err e = { 0, "" };
	doc *d;
	int st;

	snprintf(png, sizeof png, "%s", tpath("logo.png"));
	write_png(png, 32, 16, 0);
	d = sample(png, NULL);
	snprintf(a, sizeof a, "%s", tpath("a.pdf"));
	snprintf(b, sizeof b, "%s", tpath("b.pdf"));
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	ck_assert_int_eq(layout_write_pdf(d, a, NULL, &e), 0);
	ck_assert_int_eq(layout_write_pdf(d, b, NULL, &e), 0);
	unsetenv("SOURCE_DATE_EPOCH");
	{
		char cmd[9000];

		snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s'", a, b);
		st = system(cmd);
	}
	ck_assert_int_eq(st, 0);
	q = run("pdfinfo '%s'", a, NULL);
	ck_assert_ptr_nonnull(strstr(q, "Nov 14 22:13:20 2023"));
	free(q);
	freedoc(d);
}
END_TEST

START_TEST(test_e2e_hostile)
{
	doc *d = mkdoc();
	doc_section *s = sec(d, "x", DOC_NUM_ARABIC, true);
	char *big = arena_alloc(&d->mem, 50001), word[301], out[4200], *txt;
	doc_table *t;
	doc_row *r;
	layout_result res = { 0, 0 };
	lk_err e = { 0, "" };
	size_t i;
	int st;

	/* a 50,000-character paragraph */
	for (i = 0; i < 50000; i++)
		big[i] = i % 9 == 8 ? ' ' : (char)('a' + i % 7);
	para(d, s, big);
	/* a cell with one 300-character word; a row taller than a page */
	memset(word, 'w', 300);
	word[300] = '\0';
	t = table(d, 3, 1, 3);
	r = row(d, t, true, 3);
	cell(d, r, "Kolom A", DOC_CENTER)->shade = true;
	cell(d, r, "Kolom B", DOC_CENTER)->shade = true;
	cell(d, r, "Kolom C", DOC_CENTER)->shade = true;
	r = row(d, t, false, 3);
	cell(d, r, word, DOC_LEFT);
	cell(d, r, "pendek", DOC_LEFT);
	cell(d, r, "99,99", DOC_RIGHT);
	r = row(d, t, false, 3);
	cell(d, r, "tinggi", DOC_LEFT);
	cell(d, r, big + 40000, DOC_LEFT);   /* 10,000 characters */
	cell(d, r, "1", DOC_RIGHT);
	r = row(d, t, false, 3);
	cell(d, r, "akhir", DOC_LEFT);
	cell(d, r, "baris terakhir", DOC_LEFT);
	cell(d, r, "2", DOC_RIGHT);
	t->width[0] = t->width[1] = t->width[2] = 1;
	blk(s, DOC_TABLE)->table = t;
	/* a landscape section with a huge word in a paragraph */
	s = sec(d, "y", DOC_NUM_ARABIC, false);
	s->landscape = true;
	para(d, s, word);
	snprintf(out, sizeof out, "%s", tpath("hostile.pdf"));
	ck_assert_msg(layout_write_pdf(d, out, &res, &e) == 0, "%s", e.msg);
	keep(out);
	ck_assert_uint_eq(res.pages, pdf_pages(out));
	free(run("qpdf --check '%s' >/dev/null 2>&1", out, &st));
	ck_assert_int_eq(st, 0);
	txt = run("pdftotext '%s' - 2>/dev/null", out, NULL);
	ck_assert_ptr_nonnull(strstr(txt, "baris terakhir"));
	ck_assert_ptr_nonnull(strstr(txt, "wwwwwwwwww"));
	free(txt);
	check_bbox(out, d);
	freedoc(d);
}
END_TEST

/* Blocks with nothing or little in them, odd section settings. */
START_TEST(test_e2e_degenerate)
{
	doc *d = mkdoc();
	doc_section *s = sec(d, "x", DOC_NUM_ARABIC, true);
	char png[4200], out[4200];
	layout_result res = { 0, 0 };
	lk_err e = { 0, "" };
	doc_block *b;
	size_t n;
	int st;

	snprintf(png, sizeof png, "%s", tpath("logo.png"));
	write_png(png, 20, 10, 0);
	blk(s, DOC_TOC);
	heading(d, s, 1, "", true);                  /* empty, in the TOC */
	heading(d, s, 5, "Level five", true);        /* clamped to 3 */
	heading(d, s, 2, "Bad \xff\xfe UTF-8 \xc3", true);
	d->info.title = "Judul \xff rusak";
	para(d, s, "");
	blk(s, DOC_ITEM)->label = "1.";               /* a label alone */
	blk(s, DOC_TABLE)->table = table(d, 0, 0, 0);
	blk(s, DOC_TABLE)->table = table(d, 2, 0, 0);
	blk(s, DOC_CHART)->chart = arena_alloc(&d->mem, sizeof(doc_chart));
	blk(s, DOC_FORMULA)->formula = arena_alloc(&d->mem, sizeof(doc_formula));
	blk(s, DOC_SIGNATURE)->signature =
		arena_alloc(&d->mem, sizeof(doc_signature));
	b = blk(s, DOC_IMAGE);
	b->image = png;                              /* natural size */
	b = blk(s, DOC_SPACE);
	b->points = 5000;                            /* ends the page */
	para(d, s, "after the space");
	blk(s, DOC_PAGEBREAK);
	blk(s, DOC_PAGEBREAK);                       /* no empty page */
	b = blk(s, DOC_SPACE);
	b->points = 5000;                            /* dropped */
	para(d, s, "after the break");
	s = sec(d, "y", DOC_NUM_ROMAN, false);
	s->new_page = false;                         /* continues */
	para(d, s, "same page");
	s = sec(d, "z", DOC_NUM_ARABIC, false);
	s->new_page = false;
	s->landscape = true;                         /* must start a page */
	para(d, s, "landscape");
	s = sec(d, "empty", DOC_NUM_NONE, false);    /* prints nothing */
	snprintf(out, sizeof out, "%s", tpath("degenerate.pdf"));
	ck_assert_msg(layout_write_pdf(d, out, &res, &e) == 0, "%s", e.msg);
	keep(out);
	ck_assert_uint_eq(res.pages, pdf_pages(out));
	ck_assert_uint_eq(res.pages, 4);
	{
		char *pages[8], *t = pdf_text_pages(out, pages, 8, &n);

		ck_assert_uint_eq(n, 4);
		ck_assert_ptr_nonnull(strstr(pages[1], "after the space"));
		ck_assert_ptr_nonnull(strstr(pages[2], "after the break"));
		ck_assert_ptr_nonnull(strstr(pages[2], "same page"));
		ck_assert_ptr_nonnull(strstr(pages[3], "landscape"));
		free(t);
	}
	free(run("qpdf --check '%s' >/dev/null 2>&1", out, &st));
	ck_assert_int_eq(st, 0);
	freedoc(d);

	/* no sections at all: one empty page */
	d = mkdoc();
	ck_assert_msg(layout_write_pdf(d, out, &res, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(res.pages, 1);
	freedoc(d);
}
END_TEST

/* Widows, orphans, keep-with-next: a 5-line paragraph after a space
 * that leaves room for exactly k lines. */
static doc *
flow_doc(double lines_free, bool with_heading)
{
	doc *d = mkdoc();
	doc_section *s = sec(d, "x", DOC_NUM_ARABIC, true);
	double body = d->page.height - d->page.margin_top - d->page.margin_bottom;
	doc_block *b;

	b = blk(s, DOC_SPACE);
	b->points = body - lines_free * 18 - 0.01;
	if (with_heading)
		heading(d, s, 2, "Judul Bagian", false)->space_before = -1;
	b = para(d, s, "satu\ndua\ntiga\nempat\nlima");
	b->space_before = -1;
	return d;
}

static const struct flow_case {
	double free_lines;
	bool heading;
	const char *page1, *page2;    /* last word on page 1, first on page 2 */
} flow_cases[] = {
	{ 1, false, NULL, "satu" },        /* orphan: all moves */
	{ 2, false, "dua", "tiga" },
	{ 4, false, "tiga", "empat" },     /* widow: 3 + 2 */
	{ 5, false, "lima", NULL },
	{ 2.9, true, NULL, "Judul" },      /* heading + 2 lines do not fit */
	{ 4, true, "dua", "tiga" },        /* heading takes 1.3 lines */
};

START_TEST(test_e2e_widows)
{
	const struct flow_case *c = &flow_cases[_i];
	doc *d = flow_doc(c->free_lines, c->heading);
	char out[4200], *pages[8], *txt;
	lk_err e = { 0, "" };
	size_t n;

	snprintf(out, sizeof out, "%s", tpath("flow.pdf"));
	ck_assert_msg(layout_write_pdf(d, out, NULL, &e) == 0, "%s", e.msg);
	txt = pdf_text_pages(out, pages, 8, &n);
	if (c->page1 != NULL)
		ck_assert_msg(strstr(pages[0], c->page1) != NULL,
			      "case %d: %s not on page 1", _i, c->page1);
	if (c->page2 != NULL) {
		ck_assert_uint_ge(n, 2);
		ck_assert_msg(strstr(pages[1], c->page2) != NULL,
			      "case %d: %s not on page 2", _i, c->page2);
		ck_assert_msg(strstr(pages[0], c->page2) == NULL,
			      "case %d: %s on page 1", _i, c->page2);
	} else
		ck_assert_msg(n == 1 || strstr(pages[1], "satu") == NULL,
			      "case %d", _i);
	free(txt);
	freedoc(d);
}
END_TEST

/* ---- errors ---- */

static const struct err_case {
	const char *what;
	int code;
} err_cases[] = {
	{ "font", EX_NOINPUT },
	{ "image", EX_NOINPUT },
	{ "png-damaged", EX_DATAERR },
	{ "png-truncated", EX_DATAERR },
	{ "png-text", EX_DATAERR },
	{ "png-bomb", EX_DATAERR },
	{ "png-fifo", EX_NOINPUT },
	{ "font-text", EX_DATAERR },
	{ "outdir", EX_CANTCREAT },
	{ "margins", EX_DATAERR },
};

START_TEST(test_errors)
{
	const struct err_case *c = &err_cases[_i];
	char png[4200], out[4200], bad[4200];
	const char *named = NULL;
	lk_err e = { 0, "" };
	doc *d;
	FILE *f;

	snprintf(png, sizeof png, "%s", tpath("logo.png"));
	snprintf(bad, sizeof bad, "%s", tpath("bad.png"));
	snprintf(out, sizeof out, "%s", tpath("out.pdf"));
	write_png(png, 16, 16, 0);
	d = sample(png, NULL);
	if (strcmp(c->what, "font") == 0) {
		d->page.font.bold = named = "/nonexistent/Bold.ttf";
	} else if (strcmp(c->what, "image") == 0) {
		d->section[0].block[2].image = named = "/nonexistent/logo.png";
	} else if (strncmp(c->what, "png-", 4) == 0) {
		if (strcmp(c->what, "png-text") == 0) {
			f = fopen(bad, "w");
			fputs("not a png", f);
			fclose(f);
		} else if (strcmp(c->what, "png-bomb") == 0)
			write_bomb(bad, 20000, 20000);
		else if (strcmp(c->what, "png-fifo") == 0)
			ck_assert_int_eq(mkfifo(bad, 0600), 0);   /* would block */
		else
			write_png(bad, 16, 16, strcmp(c->what, "png-damaged") ? 2 : 1);
		d->section[0].block[2].image = named = bad;
	} else if (strcmp(c->what, "font-text") == 0) {
		snprintf(bad, sizeof bad, "%s", tpath("bad.ttf"));
		f = fopen(bad, "w");
		fputs("not a font at all", f);
		fclose(f);
		d->page.font.italic = named = bad;
	} else if (strcmp(c->what, "outdir") == 0) {
		snprintf(out, sizeof out, "%s", "/nonexistent-lakip-dir/out.pdf");
		named = "/nonexistent-lakip-dir";
	} else if (strcmp(c->what, "margins") == 0) {
		d->page.margin_left = 560;
	}
	ck_assert_int_eq(layout_write_pdf(d, out, NULL, &e), c->code);
	ck_assert_int_eq(e.code, c->code);
	if (strcmp(c->what, "png-bomb") == 0)   /* refused by its header */
		ck_assert_msg(strstr(e.msg, "400.0 megapixels") != NULL,
			      "%s", e.msg);
	if (named != NULL)
		ck_assert_msg(strstr(e.msg, named) != NULL, "%s: \"%s\" does not "
			      "name %s", c->what, e.msg, named);
	ck_assert_int_ne(access(out, F_OK), 0);
	/* nothing left behind but our inputs */
	unlink(png);
	unlink(bad);
	ck_assert(dir_empty(tmpdir));
	freedoc(d);
}
END_TEST

/* ---- fonts: cut down to CP1252, and text beyond it ---- */

/* Width (thousandths of the size) of text in the font file at path, in
 * the encoding enc, through libharu. */
static unsigned
font_units(const char *path, const char *enc, const char *text,
	   const char **name)
{
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	const char *n;
	HPDF_Font f;
	unsigned w;

	ck_assert_ptr_nonnull(pdf);
	HPDF_UseUTFEncodings(pdf);
	n = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
	ck_assert_ptr_nonnull(n);
	if (name != NULL)
		*name = strstr(n, "-Uni") != NULL ? "renamed" : "same";
	f = HPDF_GetFont(pdf, n, enc);
	ck_assert_ptr_nonnull(f);
	w = HPDF_Font_TextWidth(f, (const HPDF_BYTE *)text,
				(HPDF_UINT)strlen(text)).width;
	HPDF_Free(pdf);
	return w;
}

static void
write_file(const char *path, const unsigned char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

START_TEST(test_ttf_subset)
{
	/* A, e, é (a composite glyph), the ellipsis, and Ω (not wanted by
	 * the CP1252 font, but a subset may hold any character) */
	static const uint32_t ch[] = { 'A', 'e', 0xE9, 0x2026, 0x3A9 };
	const char *font = FONT_DIR "LiberationSerif-Regular.ttf", *name;
	const char *cp = "Ae\xE9\x85", *utf = "Ae\xC3\xA9\xE2\x80\xA6\xCE\xA9";
	char sub[4200], all[4200], bad[4200];
	unsigned char *data;
	struct stat st;
	size_t len;

	snprintf(sub, sizeof sub, "%s", tpath("sub.ttf"));
	snprintf(all, sizeof all, "%s", tpath("all.ttf"));
	snprintf(bad, sizeof bad, "%s", tpath("bad.ttf"));
	ck_assert_int_eq(stat(font, &st), 0);

	/* a tenth of the file, same widths, same name */
	ck_assert(ttf_subset(font, ch, 5, NULL, &data, &len));
	ck_assert_uint_lt(len, (size_t)st.st_size / 10);
	write_file(sub, data, len);
	free(data);
	ck_assert_uint_eq(font_units(sub, "CP1252", cp, &name),
			  font_units(font, "CP1252", cp, NULL));
	ck_assert_str_eq(name, "same");
	ck_assert_uint_eq(font_units(sub, "UTF-8", utf, NULL),
			  font_units(font, "UTF-8", utf, NULL));

	/* every glyph under another name */
	ck_assert(ttf_subset(font, NULL, 0, "-Uni", &data, &len));
	write_file(all, data, len);
	free(data);
	ck_assert_uint_eq(font_units(all, "UTF-8", utf, &name),
			  font_units(font, "UTF-8", utf, NULL));
	ck_assert_str_eq(name, "renamed");

	/* not a font, a truncated one, no file: false, nothing made */
	write_file(bad, (const unsigned char *)"not a font at all", 17);
	ck_assert(!ttf_subset(bad, ch, 5, NULL, &data, &len));
	ck_assert_ptr_null(data);
	ck_assert(ttf_subset(font, ch, 5, NULL, &data, &len));
	write_file(bad, data, len / 3);
	free(data);
	ck_assert(!ttf_subset(bad, ch, 5, NULL, &data, &len));
	ck_assert(!ttf_subset(tpath("none.ttf"), ch, 5, NULL, &data, &len));
	unlink(sub);
	unlink(all);
	unlink(bad);
}

/* A table of a TrueType file in memory (NULL: none), its length in *n. */
static const unsigned char *
ttf_table(const unsigned char *d, size_t len, const char *tag, size_t *n)
{
	unsigned nt = (unsigned)d[4] << 8 | d[5];

	for (unsigned i = 0; i < nt && 12 + 16 * (size_t)(i + 1) <= len; i++) {
		const unsigned char *e = d + 12 + 16 * (size_t)i;
		size_t off = (size_t)e[8] << 24 | (size_t)e[9] << 16 |
			     (size_t)e[10] << 8 | e[11];

		if (memcmp(e, tag, 4) == 0) {
			*n = (size_t)e[12] << 24 | (size_t)e[13] << 16 |
			     (size_t)e[14] << 8 | e[15];
			return d + off;
		}
	}
	*n = 0;
	return NULL;
}

static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

START_TEST(test_ttf_subset_embed)
{
	/* for the PDF: only these glyphs, no hinting, the names alone;
	 * identity: glyph i is character i */
	static const struct {
		bool identity;
		unsigned glyphs;          /* at least (identity: top code + 1) */
	} c[] = { { false, 6 }, { true, 0x2265 + 1 } };
	static const uint32_t ch[] = { 'A', 'e', 0xE9, 0x2026, 0x3A9, 0x2265 };
	const char *font = FONT_DIR "LiberationSerif-Regular.ttf";
	const char *utf = "Ae\xC3\xA9\xE2\x80\xA6\xCE\xA9\xE2\x89\xA5";
	char sub[4200];
	unsigned char *data;
	const unsigned char *t;
	size_t len, n;

	snprintf(sub, sizeof sub, "%s", tpath("embed.ttf"));
	for (size_t k = 0; k < sizeof c / sizeof c[0]; k++) {
		ck_assert(ttf_subset_embed(font, ch, 6, c[k].identity, &data,
					   &len));
		/* same widths through its cmap */
		write_file(sub, data, len);
		ck_assert_uint_eq(font_units(sub, "UTF-8", utf, NULL),
				  font_units(font, "UTF-8", utf, NULL));
		/* no hinting tables, no instructions in simple glyphs */
		ck_assert_ptr_null(ttf_table(data, len, "fpgm", &n));
		ck_assert_ptr_null(ttf_table(data, len, "prep", &n));
		ck_assert_ptr_null(ttf_table(data, len, "cvt ", &n));
		t = ttf_table(data, len, "maxp", &n);
		ck_assert_ptr_nonnull(t);
		ck_assert_uint_ge(be16(t + 4), c[k].glyphs);
		ck_assert_uint_lt(be16(t + 4), c[k].glyphs + 8);  /* + components */
		/* names: family, style, full and PostScript names only */
		t = ttf_table(data, len, "name", &n);
		ck_assert_ptr_nonnull(t);
		for (unsigned r = 0; r < be16(t + 2); r++) {
			unsigned id = be16(t + 6 + 12 * r + 6);

			ck_assert(id == 1 || id == 2 || id == 4 || id == 6);
		}
		ck_assert_uint_lt(n, 600);
		{       /* every simple glyph without instructions */
			size_t nl, ng;
			const unsigned char *loca = ttf_table(data, len, "loca", &nl);
			const unsigned char *glyf = ttf_table(data, len, "glyf", &ng);

			ck_assert_ptr_nonnull(loca);
			ck_assert_ptr_nonnull(glyf);
			for (size_t g = 0; g + 8 <= nl; g += 4) {
				size_t a = (size_t)be16(loca + g) << 16 | be16(loca + g + 2);
				size_t b = (size_t)be16(loca + g + 4) << 16 |
					   be16(loca + g + 6);
				int nc;

				ck_assert_uint_le(a, b);
				ck_assert_uint_le(b, ng);
				if (b - a < 12)
					continue;
				nc = (int16_t)be16(glyf + a);
				if (nc >= 0)
					ck_assert_uint_eq(be16(glyf + a + 10 + 2 * (size_t)nc), 0);
			}
		}
		if (c[k].identity) {
			/* the glyph of ≥ at 0x2265: not empty; of 0x2264: empty */
			const unsigned char *loca = ttf_table(data, len, "loca", &n);

			ck_assert_ptr_nonnull(loca);
			ck_assert_uint_gt(n, 4 * 0x2266);
			ck_assert_uint_gt(be16(loca + 4 * 0x2266 + 2) |
					  be16(loca + 4 * 0x2266) << 16,
					  be16(loca + 4 * 0x2265 + 2) |
					  be16(loca + 4 * 0x2265) << 16);
			ck_assert_uint_eq(be16(loca + 4 * 0x2265 + 2) |
					  be16(loca + 4 * 0x2265) << 16,
					  be16(loca + 4 * 0x2264 + 2) |
					  be16(loca + 4 * 0x2264) << 16);
		}
		free(data);
	}
	unlink(sub);
}
END_TEST
END_TEST

/* Text beyond CP1252 goes out in the UTF-8 font: every character is
 * there, justified lines stay inside the margins, and both fonts of a
 * style are embedded. */
START_TEST(test_e2e_beyond_cp1252)
{
	static const char *const want[] = { "\xE2\x89\xA4", "\xCE\xB1",
		"caf\xC3\xA9", "\xE2\x80\x9Ckutip\xE2\x80\x9D", "\xE2\x82\xAC",
		"\xCE\xA9" };
	doc *d = mkdoc();
	doc_section *s = sec(d, "x", DOC_NUM_ARABIC, true);
	char out[4200], *text, *fonts;
	layout_result res = { 0, 0 };
	lk_err e = { 0, "" };
	doc_block *b;
	size_t i;

	heading(d, s, 1, "Judul \xCE\xA9 dan \xE2\x82\xAC", true);
	for (i = 0; i < 3; i++) {
		b = para(d, s, "Nilai \xE2\x89\xA4 5 dan \xCE\xB1 di tengah kalimat "
			 "yang dirata kanan kiri, caf\xC3\xA9 dan "
			 "\xE2\x80\x9Ckutip\xE2\x80\x9D serta kata biasa yang cukup "
			 "banyak agar baris ini dipecah menjadi beberapa baris.");
		b->align = DOC_JUSTIFY;
	}
	snprintf(out, sizeof out, "%s", tpath("beyond.pdf"));
	ck_assert_msg(layout_write_pdf(d, out, &res, &e) == 0, "%s", e.msg);
	keep(out);
	text = run("pdftotext '%s' - 2>/dev/null", out, NULL);
	for (i = 0; i < LK_NELEM(want); i++)
		ck_assert_msg(strstr(text, want[i]) != NULL, "%s missing", want[i]);
	fonts = run("pdffonts '%s' 2>/dev/null", out, NULL);
	ck_assert_ptr_nonnull(strstr(fonts, "CID TrueType"));
	ck_assert_ptr_nonnull(strstr(fonts, "LiberationSerif-Uni"));
	ck_assert_ptr_nonnull(strstr(fonts, "TrueType          WinAnsi"));
	check_bbox(out, d);
	free(text);
	free(fonts);
	freedoc(d);
}
END_TEST

/* ---- speed: 200 pages of text and tables ---- */

START_TEST(test_speed_200_pages)
{
	doc *d = mkdoc();
	doc_section *s = sec(d, "x", DOC_NUM_ARABIC, true);
	char out[4200];
	layout_result res = { 0, 0 };
	lk_err e = { 0, "" };
	struct timespec t0, t1;
	double sec_used;
	size_t i, k;

	for (i = 0; i < 175; i++) {
		heading(d, s, 2, "Bagian", true);
		for (k = 0; k < 4; k++)
			para(d, s, lorem);
		if (i % 2 == 0) {
			doc_table *t = table(d, 4, 1, 25);
			doc_row *r = row(d, t, true, 4);

			for (k = 0; k < 4; k++) {
				t->width[k] = 1;
				cell(d, r, "Kepala", DOC_CENTER)->shade = true;
			}
			for (k = 0; k < 25; k++) {
				r = row(d, t, false, 4);
				cell(d, r, "1", DOC_CENTER);
				cell(d, r, "Kegiatan pembinaan ideologi", DOC_LEFT);
				cell(d, r, "11.393.254.909", DOC_RIGHT);
				cell(d, r, "98,76%", DOC_RIGHT);
			}
			blk(s, DOC_TABLE)->table = t;
		}
	}
	snprintf(out, sizeof out, "%s", tpath("speed.pdf"));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ck_assert_msg(layout_write_pdf(d, out, &res, &e) == 0, "%s", e.msg);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	sec_used = (double)(t1.tv_sec - t0.tv_sec) +
		   (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	ck_assert_uint_ge(res.pages, 200);
	fprintf(stderr, "# speed: %u pages, %lu bytes in %.3f s\n", res.pages,
		res.bytes, sec_used);
	freedoc(d);
}
END_TEST

/* ---- trend charts: the value axis ---- */

struct trend_case {
	int64_t v[4];             /* values x10^4; INT64_MIN: none */
	int64_t lo, hi, step;     /* the axis wanted */
};

#define NONE INT64_MIN
static const struct trend_case trend_cases[] = {
	/* IDI 75,2 .. 80: steps of 2 */
	{ { 752000, 765000, 771000, 800000 }, 740000, 800000, 20000 },
	/* one value: a band around it */
	{ { 50000, NONE, NONE, NONE }, 45000, 55000, 5000 },
	/* zero only: the axis stays at or above zero */
	{ { 0, 0, NONE, NONE }, 0, 10000, 5000 },
	/* negatives round down, away from zero */
	{ { -25000, 15000, NONE, NONE }, -30000, 20000, 10000 },
	/* small decimals: 0,0001 steps exist */
	{ { 1, 3, NONE, NONE }, 1, 3, 1 },
	/* no value at all: 0 to 100 */
	{ { NONE, NONE, NONE, NONE }, 0, 1000000, 500000 },
	/* money-sized counts */
	{ { 100000000000, 900000000000, NONE, NONE }, 0, 1000000000000, 200000000000 },
};

START_TEST(test_trend_axis)
{
	const struct trend_case *c = &trend_cases[_i];
	doc_trend_point pt[4];
	doc_trend t;
	trend_prep tp;
	size_t n = 0;

	memset(&t, 0, sizeof t);
	memset(pt, 0, sizeof pt);
	for (int i = 0; i < 4; i++) {
		pt[n].label = "2023";
		if (c->v[i] != NONE) {
			pt[n].ada_realisasi = true;
			pt[n].realisasi = c->v[i];
			pt[n].realisasi_text = "x";
		}
		n++;
	}
	t.point = pt;
	t.n_point = n;
	t.realisasi_label = "Realisasi";
	t.target_label = "Target";
	trend_prepare(&tp, &t, &fake, 400, 11);
	ck_assert_msg(tp.lo == c->lo && tp.hi == c->hi && tp.step == c->step,
	    "case %d: axis %lld..%lld step %lld", _i, (long long)tp.lo,
	    (long long)tp.hi, (long long)tp.step);
	ck_assert_uint_le(tp.n_tick, TREND_MAX_TICK);
	ck_assert_uint_ge(tp.n_tick, 2);
	/* every value within the axis */
	for (size_t i = 0; i < n; i++)
		if (pt[i].ada_realisasi)
			ck_assert(pt[i].realisasi >= tp.lo && pt[i].realisasi <= tp.hi);
	ck_assert(tp.plot_x0 < tp.plot_x1 && tp.plot_x1 <= 400);
	ck_assert(tp.height > tp.plot_h);
	trend_free(&tp);
}
END_TEST
#undef NONE

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("layout");
	TCase *tc;

	tc = tcase_create("linebreak");
	tcase_add_loop_test(tc, test_lb_breaks, 0, (int)LK_NELEM(lb_cases));
	tcase_add_loop_test(tc, test_hyph_points, 0, (int)LK_NELEM(hyph_cases));
	tcase_add_test(tc, test_lb_hyphenate);
	tcase_add_test(tc, test_lb_justify);
	tcase_add_test(tc, test_lb_best_fit);
	tcase_add_test(tc, test_lb_hard_breaks_not_justified);
	tcase_add_test(tc, test_lb_long_word);
	tcase_add_test(tc, test_lb_mixed_styles);
	tcase_add_test(tc, test_lb_align);
	suite_add_tcase(s, tc);

	tc = tcase_create("table");
	/* A guard against a hang, not a speed test: sanitizer builds on a
	 * loaded machine need far more than check's default 4 s. */
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_tbl_repeat_header);
	tcase_add_test(tc, test_tbl_rowspan_group);
	tcase_add_test(tc, test_tbl_tall_row_split);
	tcase_add_test(tc, test_tbl_long_word_cell);
	tcase_add_test(tc, test_tbl_long_rowspan_group);
	tcase_add_test(tc, test_tbl_random_shapes);
	tcase_add_loop_test(tc, test_trend_axis, 0, (int)LK_NELEM(trend_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("pdf");
	tcase_add_checked_fixture(tc, setup_tmp, teardown_tmp);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_e2e_sample);
	tcase_add_test(tc, test_e2e_reproducible);
	tcase_add_test(tc, test_e2e_hostile);
	tcase_add_test(tc, test_e2e_degenerate);
	tcase_add_loop_test(tc, test_e2e_widows, 0, (int)LK_NELEM(flow_cases));
	tcase_add_loop_test(tc, test_errors, 0, (int)LK_NELEM(err_cases));
	tcase_add_test(tc, test_speed_200_pages);
	tcase_add_test(tc, test_ttf_subset);
	tcase_add_test(tc, test_ttf_subset_embed);
	tcase_add_test(tc, test_e2e_beyond_cp1252);
	suite_add_tcase(s, tc);
	return s;
}
