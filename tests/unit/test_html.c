/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_html.c - the document model as HTML (report/html.c), table-driven:
 * each case builds a small document and names what the page must hold
 * and what it must not; then an image that is no PNG and a full disk.
 */
#include "config.h"
#include "lktest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "report/doc.h"
#include "report/html.h"

typedef void build_fn(doc *d, doc_section *s);

static void
b_escape(doc *d, doc_section *s)
{
	doc_add_para(d, s, "a<b & 'c' \"d\" >", 0, DOC_LEFT);
}

static void
b_styles(doc *d, doc_section *s)
{
	doc_block *b = doc_add_block(d, s, DOC_PARA);

	doc_text_add(d, &b->text, "tebal miring", DOC_BOLD | DOC_ITALIC);
	doc_text_add(d, &b->text, " biasa\nbaris", 0);
	doc_text_add(d, &b->text, "garis", DOC_UNDERLINE | DOC_NAME);
}

static void
b_table(doc *d, doc_section *s)
{
	static const double w[] = { 1, 3 };
	doc_table *t = doc_table_new(d, 2, w);
	doc_row *r = doc_table_add_row(d, t, true);
	doc_cell *c = doc_row_add_cell(d, r, "Kepala", DOC_CENTER);

	c->colspan = 2;
	c->shade = true;
	r = doc_table_add_row(d, t, false);
	c = doc_row_add_cell(d, r, "1", DOC_RIGHT);
	c->rowspan = 3;
	doc_row_add_cell(d, r, "Rp 1.000,00", DOC_RIGHT);
	r = doc_table_add_row(d, t, false);
	r->bold = true;
	doc_row_add_cell(d, r, "JUMLAH", DOC_LEFT);
	t->title = doc_plain(d, "Tabel 1", 0);
	t->note = doc_plain(d, "*) catatan", DOC_ITALIC);
	doc_add_block(d, s, DOC_TABLE)->table = t;
}

static void
b_toc(doc *d, doc_section *s)
{
	doc_add_block(d, s, DOC_TOC);
	doc_add_heading(d, s, 1, "BAB I\nKINERJA", true);
	doc_add_heading(d, s, 2, "tanpa daftar", false);
	doc_add_heading(d, s, 3, "A. <Analisis>", true);
}

static void
b_chart(doc *d, doc_section *s)
{
	doc_chart *c = arena_alloc(&d->mem, sizeof *c);
	doc_bar *b = arena_alloc(&d->mem, 2 * sizeof *b);

	b[0] = (doc_bar){ "IKU1 <x>", true, 10102, "101,02%" };
	b[1] = (doc_bar){ "IKU2", false, 0, NULL };
	c->bar = b;
	c->n_bar = 2;
	c->reference = 10000;
	c->reference_label = "100%";
	c->title = doc_plain(d, "Grafik", DOC_BOLD);
	doc_add_block(d, s, DOC_CHART)->chart = c;
}

static void
b_signature(doc *d, doc_section *s)
{
	doc_signature *g = arena_alloc(&d->mem, sizeof *g);

	g->place_date = "Palangka Raya, 14 Juli 2023";
	g->jabatan = "KEPALA BADAN";
	g->nama = "Dr. A & B";
	g->nip = "NIP. 19661022 199308 1 001";
	g->qr_text = "https://contoh.go.id/v?h=ab";
	doc_add_block(d, s, DOC_SIGNATURE)->signature = g;
}

static void
b_formula(doc *d, doc_section *s)
{
	doc_formula *f = arena_alloc(&d->mem, sizeof *f);

	f->lhs = doc_plain(d, "Capaian", 0);
	f->numerator = doc_plain(d, "Realisasi", 0);
	f->denominator = doc_plain(d, "Target", 0);
	f->factor = doc_plain(d, "x 100%", 0);
	doc_add_block(d, s, DOC_FORMULA)->formula = f;
	doc_add_block(d, s, DOC_SPACE)->points = 24;
	doc_add_block(d, s, DOC_PAGEBREAK);
}

static const struct {
	const char *what;
	build_fn *build;
	const char *want[6];
	const char *never[3];
} cases[] = {
	{ "escaping", b_escape,
	  { "a&lt;b &amp; &#39;c&#39; &quot;d&quot; &gt;", "text-align:left" },
	  { "a<b", "'c'" } },
	{ "styles and hard breaks", b_styles,
	  { "<b><i>tebal miring</i></b>", " biasa<br>baris", "<u>garis</u>" },
	  { "<i><b>" } },
	{ "a table with spans, shading, a bold row", b_table,
	  { "<caption>Tabel 1</caption>", "<col style=\"width:25.0%\"><col style=\"width:75.0%\">",
	    "<thead>\n<tr><th colspan=\"2\" class=\"shade\"", "<td rowspan=\"3\" style=\"text-align:right\">1</td>",
	    "<tr class=\"bold\">", "<p class=\"note\"><i>*) catatan</i></p>" },
	  { "<th rowspan" } },
	{ "headings and the table of contents", b_toc,
	  { "<li class=\"l1\"><a href=\"#h1\">BAB I KINERJA</a>", "<li class=\"l3\"><a href=\"#h3\">A. &lt;Analisis&gt;</a>",
	    "<h1 id=\"h1\"><b>BAB I<br>KINERJA</b></h1>", "<h2 id=\"h2\"><b>tanpa daftar</b></h2>", "<h3 id=\"h3\">" },
	  { "href=\"#h2\"" } },
	{ "a bar chart", b_chart,
	  { "<figcaption><b>Grafik</b></figcaption>", "IKU1 &lt;x&gt;", "101,02%", "belum ada data",
	    "stroke-dasharray", ">100%</text>" },
	  { "<x>" } },
	{ "a signature with its QR code", b_signature,
	  { "Palangka Raya, 14 Juli 2023<br>KEPALA BADAN", "<span class=\"nama\">Dr. A &amp; B</span>",
	    "<br>NIP. 19661022 199308 1 001", "aria-label=\"QR\"", "<path d=\"M" },
	  { NULL } },
	{ "a formula, space and a page break", b_formula,
	  { "<span class=\"frac\"><span>Realisasi</span><span>Target</span></span>",
	    "height:24pt", "break-after:page" },
	  { NULL } },
};

static doc *
new_doc(void)
{
	doc *d = doc_new();

	d->info.title = "Judul <uji>";
	d->info.author = "Badan \"Uji\"";
	d->page.width = 595;
	d->page.height = 842;
	d->page.font_size = 12;
	d->page.font.regular = "/usr/share/fonts/LiberationSerif-Regular.ttf";
	return d;
}

START_TEST(test_case)
{
	doc *d = new_doc();
	doc_section *s = doc_add_section(d, "isi");
	lk_err e = { 0, "" };
	char *buf = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	cases[_i].build(d, s);
	ck_assert_int_eq(html_write(d, f, "uji", &e), 0);
	fclose(f);
	ck_assert_msg(strncmp(buf, "<!DOCTYPE html>\n<html lang=\"id\">", 31) == 0, "%s: head", cases[_i].what);
	ck_assert_msg(strstr(buf, "<title>Judul &lt;uji&gt;</title>") != NULL, "%s: title", cases[_i].what);
	ck_assert_msg(strstr(buf, "content=\"Badan &quot;Uji&quot;\"") != NULL, "%s: author", cases[_i].what);
	ck_assert_msg(strstr(buf, "font-family:\"Liberation Serif\", serif") != NULL, "%s: font", cases[_i].what);
	for (i = 0; i < LK_NELEM(cases[_i].want) && cases[_i].want[i] != NULL; i++)
		ck_assert_msg(strstr(buf, cases[_i].want[i]) != NULL, "%s: no '%s' in\n%s",
			      cases[_i].what, cases[_i].want[i], buf);
	for (i = 0; i < LK_NELEM(cases[_i].never) && cases[_i].never[i] != NULL; i++)
		ck_assert_msg(strstr(buf, cases[_i].never[i]) == NULL, "%s: '%s' in\n%s",
			      cases[_i].what, cases[_i].never[i], buf);
	ck_assert_msg(len > 7 && strcmp(buf + len - 8, "</html>\n") == 0, "%s: tail", cases[_i].what);
	free(buf);
	doc_free(d);
}
END_TEST

START_TEST(test_bad_image)
{
	doc *d = new_doc();
	doc_section *s = doc_add_section(d, "sampul");
	lk_err e = { 0, "" };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	const char *dir = lktest_tmpdir();
	char path[4096];
	FILE *png;

	snprintf(path, sizeof path, "%s/bukan.png", dir);
	png = fopen(path, "w");
	ck_assert_ptr_nonnull(png);
	fputs("bukan PNG", png);
	fclose(png);
	doc_add_block(d, s, DOC_IMAGE)->image = path;
	ck_assert_int_eq(html_write(d, f, "uji", &e), EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "bukan.png") != NULL, "%s", e.msg);
	snprintf(path, sizeof path, "%s/tidak-ada.png", dir);
	ck_assert_int_eq(html_write(d, f, "uji", &e), EX_NOINPUT);
	fclose(f);
	free(buf);
	doc_free(d);
	lktest_rmtree(dir);
}
END_TEST

START_TEST(test_full_disk)
{
	doc *d = new_doc();
	lk_err e = { 0, "" };
	FILE *f = fopen("/dev/full", "w");

	if (f == NULL)
		return;   /* no /dev/full here */
	doc_add_para(d, doc_add_section(d, "isi"), "isi", 0, DOC_LEFT);
	ck_assert_int_eq(html_write(d, f, "halaman.html", &e), EX_IOERR);
	ck_assert_msg(strstr(e.msg, "halaman.html") != NULL && strstr(e.msg, "disk full") != NULL,
		      "%s", e.msg);
	fclose(f);
	doc_free(d);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("html");
	TCase *tc = tcase_create("html");

	tcase_add_loop_test(tc, test_case, 0, LK_NELEM(cases));
	tcase_add_test(tc, test_bad_image);
	tcase_add_test(tc, test_full_disk);
	suite_add_tcase(s, tc);
	return s;
}
