/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_sheet.c - the sheet model, exact number cells, CSV reading and
 * writing, and workbooks through the exporter and the reader (io/sheet.h,
 * io/csv.h, io/xlsx.h). */
#include "config.h"
#include "lktest.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "core/dec.h"
#include "io/csv.h"
#include "io/exchange.h"
#include "io/sheet.h"
#include "io/xlsx.h"

/* ---- numbers as a spreadsheet stores them ---- */

struct num_case {
	const char *in;
	int scale;
	bool ok;
	int64_t want;
};

static const struct num_case num_cases[] = {
	{ "78.499999999999986", DEC_NILAI, true, 785000 },
	{ "23.549999999999997", DEC_UANG, true, 2355 },
	{ "6.8499999999999996", DEC_UANG, true, 685 },
	{ "0.1", DEC_NILAI, true, 1000 },
	{ "1.5E-3", DEC_NILAI, true, 15 },
	{ "1.5e-5", DEC_NILAI, true, 0 },
	{ "5E-5", DEC_NILAI, true, 1 },        /* half away from zero */
	{ "-5E-5", DEC_NILAI, true, -1 },
	{ "-2E+5", DEC_UANG, true, -20000000 },
	{ "11393254909", DEC_UANG, true, 1139325490900 },
	{ "5696627454.5", DEC_UANG, true, 569662745450 },
	{ "0", DEC_NILAI, true, 0 },
	{ "-0", DEC_NILAI, true, 0 },
	{ "2023", 0, true, 2023 },
	{ "45107.5", 0, true, 45108 },
	{ "0.00005", DEC_NILAI, true, 1 },
	{ "0.000049999999999", DEC_NILAI, true, 0 },
	{ "922337203685477.5807", DEC_NILAI, true, INT64_MAX },
	{ "922337203685477.5808", DEC_NILAI, false, 0 },
	{ "1E+300", DEC_UANG, false, 0 },
	{ "1E-300", DEC_UANG, true, 0 },
	{ "", DEC_NILAI, false, 0 },
	{ "abc", DEC_NILAI, false, 0 },
	{ "1.2.3", DEC_NILAI, false, 0 },
	{ "1E", DEC_NILAI, false, 0 },
	{ ".", DEC_NILAI, false, 0 },
};

START_TEST(test_number_scaled)
{
	const struct num_case *c = &num_cases[_i];
	const char *why = NULL;
	int64_t v = 42;
	int rc = sheet_number_scaled(c->in, c->scale, &v, &why);

	if (c->ok) {
		ck_assert_msg(rc == 0, "%s: %s", c->in, why);
		ck_assert_msg(v == c->want, "%s: %lld, want %lld", c->in,
		    (long long)v, (long long)c->want);
	} else {
		ck_assert_msg(rc == EX_DATAERR, "%s: accepted as %lld", c->in,
		    (long long)v);
		ck_assert_int_eq(v, 42);
		ck_assert_ptr_nonnull(why);
	}
}
END_TEST

struct text_case {
	const char *in, *want;
};

static const struct text_case text_cases[] = {
	{ "2.1699999999999999", "2.17" },
	{ "78.499999999999986", "78.5" },
	{ "1", "1" },
	{ "100", "100" },
	{ "1E+3", "1000" },
	{ "1.5E-3", "0.0015" },
	{ "-0.5", "-0.5" },
	{ "0.99999999999999999", "1" },
	{ "123456789012345678", "123456789012346000" },
	{ "abc", "abc" },
};

START_TEST(test_number_text)
{
	char buf[64];

	ck_assert_str_eq(sheet_number_text(text_cases[_i].in, buf),
	    text_cases[_i].want);
}
END_TEST

START_TEST(test_cellref)
{
	char buf[16];
	unsigned row = 0;

	ck_assert_str_eq(sheet_cellref(1, 1, buf), "A1");
	ck_assert_str_eq(sheet_cellref(26, 7, buf), "Z7");
	ck_assert_str_eq(sheet_cellref(27, 7, buf), "AA7");
	ck_assert_str_eq(sheet_cellref(16384, 1048576, buf), "XFD1048576");
	ck_assert_uint_eq(sheet_col_from_ref("F7", &row), 6);
	ck_assert_uint_eq(row, 7);
	ck_assert_uint_eq(sheet_col_from_ref("AA12", &row), 27);
	ck_assert_uint_eq(sheet_col_from_ref("XFE1", &row), 0);
	ck_assert_uint_eq(sheet_col_from_ref("A1x", &row), 0);
	ck_assert_uint_eq(sheet_col_from_ref("12", &row), 0);
}
END_TEST

/* ---- CSV ---- */

struct csv_case {
	const char *name;
	const char *in;
	bool ok;
	const char *cells;   /* "row:col=text|..." of every cell, or the error */
	bool cp1252;
};

static const struct csv_case csv_cases[] = {
	{ "semicolon", "a;b\n1;2\n", true, "1:1=a|1:2=b|2:1=1|2:2=2|", false },
	{ "comma", "a,b\n1;x,2\n", true, "1:1=a|1:2=b|2:1=1;x|2:2=2|", false },
	{ "tab", "a\tb\r\n1\t2\r\n", true, "1:1=a|1:2=b|2:1=1|2:2=2|", false },
	{ "bom", "\xef\xbb\xbf" "a;b\n", true, "1:1=a|1:2=b|", false },
	{ "quoted", "a;b\n\"x;y\";\"say \"\"hi\"\"\"\n", true,
	  "1:1=a|1:2=b|2:1=x;y|2:2=say \"hi\"|", false },
	{ "line break in a field", "a;b\n\"one\ntwo\";z\nq\n", true,
	  "1:1=a|1:2=b|2:1=one\ntwo|2:2=z|4:1=q|", false },
	{ "empty rows and fields", "a;;c\n\n;x\n", true,
	  "1:1=a|1:3=c|3:2=x|", false },
	{ "guard dropped", "a\n'=1+2\n'x\n", true, "1:1=a|2:1==1+2|3:1='x|",
	  false },
	{ "windows-1252", "a;b\nRp\x96;caf\xe9\n", true,
	  "1:1=a|1:2=b|2:1=Rp\xe2\x80\x93|2:2=caf\xc3\xa9|", true },
	{ "no final newline", "a;b\n1;2", true, "1:1=a|1:2=b|2:1=1|2:2=2|",
	  false },
	{ "Excel's sep= line", "sep=,\r\na;b,c\r\n", true, "2:1=a;b|2:2=c|",
	  false },
	{ "unclosed quote", "a;b\n\"x;y\n", false, "t.csv:2:1: a quoted field "
	  "is not closed", false },
	{ "text after a quote", "a;b\n\"x\"y;2\n", false, "t.csv:2:1: text "
	  "after the closing quote", false },
	{ "undefined 1252 byte", "a\n\x81\n", false, "t.csv:2:1: byte 0x81",
	  false },
	{ "utf-16", "\xff\xfe" "a\0", false, "UTF-16", false },
};

START_TEST(test_csv_read)
{
	const struct csv_case *c = &csv_cases[_i];
	sheet_book *b = NULL;
	lk_err e = { 0, "" };
	bool cp = false;
	size_t len = strlen(c->in) + (strcmp(c->name, "utf-16") == 0 ? 2 : 0);
	int rc = csv_read_buffer("t.csv", c->in, len, "x", &b, &cp, &e);

	if (!c->ok) {
		ck_assert_msg(rc == EX_DATAERR, "%s: accepted", c->name);
		ck_assert_msg(strstr(e.msg, c->cells) != NULL, "%s: %s",
		    c->name, e.msg);
		ck_assert_ptr_null(b);
		return;
	}
	ck_assert_msg(rc == 0, "%s: %s", c->name, e.msg);
	{
		char got[512] = "";
		const sheet *s = b->sheet[0];

		for (size_t i = 0; i < s->n_row; i++)
			for (size_t k = 0; k < s->row[i].n_cell; k++) {
				char one[128];

				snprintf(one, sizeof one, "%u:%u=%s|", s->row[i].row,
				    s->row[i].cell[k].col, s->row[i].cell[k].text);
				strncat(got, one, sizeof got - strlen(got) - 1);
			}
		ck_assert_msg(strcmp(got, c->cells) == 0, "%s: %s", c->name, got);
		ck_assert_str_eq(s->name, "x");
	}
	ck_assert_int_eq(cp, c->cp1252);
	sheet_book_free(b);
}
END_TEST

struct guard_case {
	const char *in, *want;
};

static const struct guard_case guard_cases[] = {
	{ "=1+2", "'=1+2" },
	{ "+62 812", "'+62 812" },
	{ "-bahaya", "'-bahaya" },
	{ "@SUM(A1)", "'@SUM(A1)" },
	{ "\tx", "'\tx" },
	{ "-3,5", "-3,5" },          /* a number */
	{ "-11.393.254.909", "-11.393.254.909" },
	{ "-", "-" },                /* an undefined capaian */
	{ "=a;b", "\"'=a;b\"" },
	{ "plain", "plain" },
	{ "'=x", "''=x" },           /* read back as "'=x" */
	{ "'x", "'x" },
	{ "", "" },
};

START_TEST(test_csv_guard)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	const char *cell[1] = { guard_cases[_i].in };
	char want[64];

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(csv_write_row(f, CSV_SEMICOLON, cell, 1), 0);
	fclose(f);
	snprintf(want, sizeof want, "%s\n", guard_cases[_i].want);
	ck_assert_str_eq(buf, want);
	free(buf);
}
END_TEST

/* ---- workbooks: the exporter, the reader, the meaning ---- */

static rencana *
fixture(void)
{
	rencana *r = NULL;
	lk_err e = { 0, "" };

	ck_assert_msg(exchange_read_file(lktest_path(
	    "examples/kesbangpol-kalteng-2023.yaml"), &r, &e) == 0, "%s", e.msg);
	return r;
}

static char *
yaml_of(const rencana *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	lk_err e = { 0, "" };

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(exchange_write(f, r, &e), 0);
	fclose(f);
	return buf;
}

/* The fixture without what a workbook does not carry. */
static void
strip_texts(rencana *r)
{
	for (int t = 1; t <= TW_MAX; t++) {
		for (size_t i = 0; i < r->n_sasaran; i++) {
			r->sasaran[i].narasi[t] = NULL;
			r->sasaran[i].n_tabel[t] = 0;
		}
		r->tw[t].n_permasalahan = r->tw[t].n_tindak_lanjut = 0;
		r->tw[t].kesimpulan = NULL;
		r->tw[t].n_teks = 0;
	}
}

START_TEST(test_xlsx_round_trip)
{
	rencana *r = fixture(), *back = NULL;
	sheet_book *b = NULL, *rb = NULL;
	lk_err e = { 0, "" };
	char path[4096], *want, *got;

	snprintf(path, sizeof path, "%s/t.xlsx", lktest_tmpdir());
	ck_assert_int_eq(sheet_book_build(r, predikat_default(), false, &b, &e), 0);
	ck_assert_msg(xlsx_write(b, path, &e) == 0, "%s", e.msg);
	ck_assert_msg(xlsx_read_file(path, &rb, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(rb->n_sheet, 8);   /* 7 data sheets, capaian_tw2 */
	ck_assert_str_eq(rb->sheet[7]->name, "capaian_tw2");
	ck_assert_msg(sheet_book_read(rb, &back, &e) == 0, "%s", e.msg);
	strip_texts(r);
	want = yaml_of(r);
	got = yaml_of(back);
	ck_assert_str_eq(got, want);
	/* What the workbook does not hold comes from the database's plan. */
	{
		rencana *db = fixture();

		sheet_keep_texts(back, db);
		rencana_free(db);   /* what was kept is back's own copy */
	}
	ck_assert_ptr_nonnull(back->sasaran[0].narasi[2]);
	ck_assert_ptr_nonnull(strstr(back->sasaran[0].narasi[2], "IDI"));
	free(want);
	free(got);
	sheet_book_free(b);
	sheet_book_free(rb);
	rencana_free(r);
	rencana_free(back);
	unlink(path);
}
END_TEST

/* A CSV of realisations merged into the plan: only the listed ones. */
START_TEST(test_csv_merge)
{
	rencana *r = fixture(), *m = NULL;
	sheet_book *b = NULL;
	lk_err e = { 0, "" };
	bool cp;
	const char *csv = "triwulan;kode;realisasi\n2;IKU2;81,5\n2;IKU1;\n";

	ck_assert_int_eq(csv_read_buffer("r.csv", csv, strlen(csv),
	    "realisasi_iku", &b, &cp, &e), 0);
	ck_assert_msg(sheet_csv_merge(b, r, &m, &e) == 0, "%s", e.msg);
	ck_assert(!m->sasaran[0].iku[0].ada_realisasi[2]);     /* IKU1 emptied */
	ck_assert(m->sasaran[1].iku[0].ada_realisasi[2]);      /* IKU2 set */
	ck_assert_int_eq(m->sasaran[1].iku[0].realisasi[2], 815000);
	ck_assert(m->sasaran[2].iku[0].ada_realisasi[2]);      /* IKU3 kept */
	ck_assert_int_eq(m->sasaran[2].iku[0].realisasi[2], 1000000);
	ck_assert_ptr_nonnull(m->sasaran[0].narasi[2]);        /* texts kept */
	ck_assert_uint_eq(m->tw[2].n_permasalahan, r->tw[2].n_permasalahan);
	sheet_book_free(b);
	rencana_free(m);
	rencana_free(r);
}
END_TEST

/* Errors of a hand-built book name the cell. */
struct cell_case {
	const char *sheet;
	unsigned row, col;
	const char *text;
	enum sheet_type type;
	const char *want;
};

static const struct cell_case cell_cases[] = {
	{ "iku", 2, 8, "delapan puluh", SHEET_TEXT,
	  "w.xlsx: iku!H2: \"delapan puluh\" is not a number" },
	{ "iku", 2, 8, "78.5", SHEET_TEXT, "w.xlsx: iku!H2: \"78.5\" is ambiguous" },
	{ "iku", 2, 8, "", SHEET_NO_VALUE, "w.xlsx: iku!H2: a formula without" },
	{ "iku", 2, 8, "#N/A", SHEET_ERROR, "iku!H2: the cell holds the error #N/A" },
	{ "iku", 2, 7, "naik", SHEET_TEXT, "iku!G2:" },
	{ "iku", 2, 3, "nope", SHEET_TEXT, "iku!C2: sasaran[0].bidang" },
	{ "iku", 2, 4, "IKU 1", SHEET_TEXT, "iku!D2:" },
	{ "iku", 1, 13, "catatan", SHEET_TEXT, "iku!M1: unknown column \"catatan\"" },
	{ "iku", 1, 13, "# catatan", SHEET_TEXT, NULL },
	{ "iku", 2, 8, "Rp 80", SHEET_TEXT, "iku!H2: \"Rp 80\" is not a number" },
	{ "iku", 2, 8, "80,5", SHEET_TEXT, NULL },
	{ "iku", 2, 8, "1.234,5", SHEET_TEXT, NULL },
};

static void
add_row(sheet_book *b, sheet *s, unsigned row, const char *const *cells)
{
	sheet_row *r = sheet_row_add(b, s, row);

	for (unsigned i = 0; cells[i] != NULL; i++)
		if (*cells[i] != '\0')
			sheet_cell_add(b, r, i + 1, SHEET_TEXT, cells[i],
			    strlen(cells[i]));
}

START_TEST(test_cell_errors)
{
	const struct cell_case *c = &cell_cases[_i];
	sheet_book *b = sheet_book_new("w.xlsx", false);
	sheet *in = sheet_add(b, "instansi"), *ik = sheet_add(b, "iku");
	static const char *const kv[][3] = { { "kunci", "nilai", NULL },
		{ "kode", "dinas", NULL }, { "nama", "Dinas", NULL },
		{ "pemerintah", "Pemerintah", NULL }, { "kota", "Kota", NULL },
		{ "tahun", "2023", NULL }, { "kepala_nama", "Budi", NULL },
		{ "kepala_jabatan", "Kepala", NULL },
		{ "kepala_pangkat", "Pembina", NULL },
		{ "kepala_nip", "196610221993081001", NULL } };
	static const char *const head[] = { "sasaran_kode", "sasaran", "bidang",
		"kode", "indikator", "satuan", "polaritas", "target", NULL };
	const char *row[9] = { "SS1", "Sasaran", "", "IKU1", "Indikator", "%",
		"positif", "80", NULL };
	rencana *r = NULL;
	lk_err e = { 0, "" };
	int rc;

	for (unsigned i = 0; i < LK_NELEM(kv); i++)
		add_row(b, in, i + 1, kv[i]);
	{
		static const char *const ph[] = { "kode", "program", "anggaran",
			NULL };

		add_row(b, sheet_add(b, "program"), 1, ph);
	}
	if (c->row == 1) {
		const char *h[10];

		memcpy(h, head, sizeof head);
		h[8] = NULL;
		add_row(b, ik, 1, h);
		sheet_cell_add(b, &ik->row[0], c->col, c->type, c->text,
		    strlen(c->text));
		add_row(b, ik, 2, row);
	} else {
		sheet_row *r2;

		add_row(b, ik, 1, head);
		r2 = sheet_row_add(b, ik, 2);
		for (unsigned k = 1; k <= 8; k++) {
			if (k == c->col)
				sheet_cell_add(b, r2, k, c->type, c->text,
				    strlen(c->text));
			else if (*row[k - 1] != '\0')
				sheet_cell_add(b, r2, k, SHEET_TEXT, row[k - 1],
				    strlen(row[k - 1]));
		}
	}
	rc = sheet_book_read(b, &r, &e);
	if (c->want == NULL)
		ck_assert_msg(rc == 0, "%s", e.msg);
	else {
		ck_assert_msg(rc == EX_DATAERR, "accepted: %s", c->text);
		ck_assert_msg(strstr(e.msg, c->want) != NULL, "%s", e.msg);
	}
	rencana_free(r);
	sheet_book_free(b);
}
END_TEST

/* A workbook without its iku or program sheet would remove them all. */
START_TEST(test_missing_sheet)
{
	sheet_book *b = sheet_book_new("m.xlsx", false);
	sheet *in = sheet_add(b, "instansi");
	static const char *const kv[][3] = { { "kunci", "nilai", NULL },
		{ "kode", "dinas", NULL }, { "nama", "Dinas", NULL },
		{ "pemerintah", "P", NULL }, { "kota", "K", NULL },
		{ "tahun", "2023", NULL }, { "kepala_nama", "Budi", NULL } };
	static const char *const ih[] = { "sasaran_kode", "kode", "indikator",
		"satuan", "target", NULL };
	rencana *r = NULL;
	lk_err e = { 0, "" };

	for (unsigned i = 0; i < LK_NELEM(kv); i++)
		add_row(b, in, i + 1, kv[i]);
	ck_assert_int_eq(sheet_book_read(b, &r, &e), EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "m.xlsx: no sheet iku") != NULL, "%s", e.msg);
	add_row(b, sheet_add(b, "iku"), 1, ih);
	ck_assert_int_eq(sheet_book_read(b, &r, &e), EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "m.xlsx: no sheet program") != NULL, "%s",
	    e.msg);
	sheet_book_free(b);
}
END_TEST

/* Hostile ZIPs from memory: not a ZIP, an empty ZIP. */
START_TEST(test_xlsx_hostile)
{
	sheet_book *b = NULL;
	lk_err e = { 0, "" };
	static const char empty_zip[22] = "PK\5\6";

	ck_assert_int_eq(xlsx_read_buffer("n.xlsx", "PK\3\4junk", 8, &b, &e),
	    EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(e.msg, "n.xlsx: not a readable XLSX"));
	ck_assert_int_eq(xlsx_read_buffer("e.xlsx", empty_zip, sizeof empty_zip,
	    &b, &e), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(e.msg, "has no xl/workbook.xml"));
	ck_assert_ptr_null(b);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("sheet");
	TCase *tc;

	tc = tcase_create("numbers");
	tcase_add_loop_test(tc, test_number_scaled, 0, (int)LK_NELEM(num_cases));
	tcase_add_loop_test(tc, test_number_text, 0, (int)LK_NELEM(text_cases));
	tcase_add_test(tc, test_cellref);
	suite_add_tcase(s, tc);

	tc = tcase_create("csv");
	tcase_add_loop_test(tc, test_csv_read, 0, (int)LK_NELEM(csv_cases));
	tcase_add_loop_test(tc, test_csv_guard, 0, (int)LK_NELEM(guard_cases));
	tcase_add_test(tc, test_csv_merge);
	suite_add_tcase(s, tc);

	tc = tcase_create("workbook");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_xlsx_round_trip);
	tcase_add_loop_test(tc, test_cell_errors, 0, (int)LK_NELEM(cell_cases));
	tcase_add_test(tc, test_xlsx_hostile);
	tcase_add_test(tc, test_missing_sheet);
	suite_add_tcase(s, tc);
	return s;
}
