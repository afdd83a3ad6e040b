/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_paste.c - a block of cells pasted from a spreadsheet (paste.h):
 * reading it (tabs, line breaks of every kind, Excel's quotes, empty and
 * ragged cells), telling a paste from fast typing, and laying it onto a
 * grid all or nothing.  Links only the paste module and libc. */
#include "config.h"
#include "lktest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/paste.h"

/* The block as one string: cells joined by '|', rows by '/'. */
static char *
flat(const paste_block *b)
{
	static char out[4096];
	size_t r, c, o = 0;

	out[0] = '\0';
	for (r = 0; r < b->n_rows; r++) {
		if (r > 0)
			o += (size_t)snprintf(out + o, sizeof out - o, "/");
		for (c = 0; c < b->n_cells[r]; c++)
			o += (size_t)snprintf(out + o, sizeof out - o, "%s%s",
					      c > 0 ? "|" : "", b->cell[r][c]);
	}
	return out;
}

struct parse_case {
	const char *name;
	const char *in;
	const char *want;       /* flat(), or NULL: refused */
	size_t rows, width;
};

static const struct parse_case parse_cases[] = {
	{ "Excel: tabs, CRLF, trailing CRLF", "1\t2\t3\r\n4\t5\t6\r\n", "1|2|3/4|5|6", 2, 3 },
	{ "LF line breaks", "1\t2\n3\t4\n", "1|2/3|4", 2, 2 },
	{ "CR line breaks (what a terminal sends)", "1\t2\r3\t4\r", "1|2/3|4", 2, 2 },
	{ "no trailing line break", "1\t2\r\n3\t4", "1|2/3|4", 2, 2 },
	{ "one cell", "78,50\r\n", "78,50", 1, 1 },
	{ "one cell without a line break", "78,50", "78,50", 1, 1 },
	{ "empty cells", "\t5\r\n\t\r\n", "|5/|", 2, 2 },
	{ "an empty cell in a column", "1\r\n\r\n3\r\n", "1//3", 3, 1 },
	{ "the last cell empty", "1\r\n\r\n", "1/", 2, 1 },
	{ "one empty cell", "\r\n", "", 1, 1 },
	{ "a trailing tab is an empty cell", "1\t\r\n", "1|", 1, 2 },
	{ "ragged rows", "a\tb\tc\r\nd\r\ne\tf\r\n", "a|b|c/d/e|f", 3, 3 },
	{ "quoted cell with a doubled quote", "\"a\"\"b\"\t2\r\n", "a\"b|2", 1, 2 },
	{ "quoted cell with a line break", "\"baris 1\nbaris 2\"\tx\r\n",
	  "baris 1\nbaris 2|x", 1, 2 },
	{ "quoted cell with CRLF inside", "\"a\r\nb\"\r\nc\r\n", "a\nb/c", 2, 1 },
	{ "quoted cell with a tab inside", "\"a\tb\"\tc", "a\tb|c", 1, 2 },
	{ "quoted empty cell", "\"\"\t1\r\n", "|1", 1, 2 },
	{ "a quote inside an unquoted cell", "5\" monitor\t2\r\n", "5\" monitor|2", 1, 2 },
	{ "text after a closing quote: read as it stands", "\"a\" b\tc\r\n",
	  "\"a\" b|c", 1, 2 },
	{ "no closing quote: read as it stands", "\"abc\tdef\r\n", "\"abc|def", 1, 2 },
	{ "Indonesian numbers kept as text", "1.234,56\tRp 11.393.254.909,00\r\n",
	  "1.234,56|Rp 11.393.254.909,00", 1, 2 },
	{ "UTF-8 text", "\xc5\x81\xc3\xb3\x64\xc5\xba\tR\xc3\xbc\r\n",
	  "\xc5\x81\xc3\xb3\x64\xc5\xba|R\xc3\xbc", 1, 2 },
	/* Every LF made a CR by the terminal: Excel's CRLF arrives as CRCR. */
	{ "CRLF turned into CRCR", "1\t2\r\r3\t4\r\r", "1|2/3|4", 2, 2 },
	{ "CRCR with an empty row", "1\r\r\r\r3\r\r", "1//3", 3, 1 },
	{ "CRCR with a line break in a quoted cell", "\"a\rb\"\tc\r\r", "a\nb|c", 1, 2 },
	{ "CR breaks with an empty row are not CRCR", "1\r\r3\r", "1//3", 3, 1 },
	{ "nothing", "", NULL, 0, 0 },
};

START_TEST(test_parse)
{
	const struct parse_case *c = &parse_cases[_i];
	paste_block b;
	char err[300] = "";
	int rc = paste_parse(c->in, strlen(c->in), &b, err, sizeof err);

	if (c->want == NULL) {
		ck_assert_msg(rc != 0, "%s: accepted", c->name);
		ck_assert_msg(err[0] != '\0', "%s: no message", c->name);
		ck_assert_uint_eq(b.n_rows, 0);
	} else {
		ck_assert_msg(rc == 0, "%s: refused: %s", c->name, err);
		ck_assert_msg(strcmp(flat(&b), c->want) == 0, "%s: got '%s', want '%s'",
			      c->name, flat(&b), c->want);
		ck_assert_uint_eq(b.n_rows, c->rows);
		ck_assert_uint_eq(b.width, c->width);
	}
	paste_block_free(&b);
	paste_block_free(&b);     /* safe twice */
}
END_TEST

/* Larger than the bounds: refused before it is read. */
START_TEST(test_parse_bounds)
{
	size_t n = PASTE_MAX_BYTES + 1;
	char *big = malloc(n), err[300];
	paste_block b;

	ck_assert_ptr_nonnull(big);
	memset(big, '1', n);
	ck_assert_int_ne(paste_parse(big, n, &b, err, sizeof err), 0);
	ck_assert_ptr_nonnull(strstr(err, "too large"));
	/* Within the bytes, too many cells. */
	memset(big, '\t', PASTE_MAX_CELLS + 1);
	ck_assert_int_ne(paste_parse(big, PASTE_MAX_CELLS + 1, &b, err, sizeof err), 0);
	ck_assert_ptr_nonnull(strstr(err, "cells"));
	ck_assert_uint_eq(b.n_rows, 0);
	/* Exactly the cells allowed: read. */
	ck_assert_int_eq(paste_parse(big, PASTE_MAX_CELLS - 1, &b, err, sizeof err), 0);
	ck_assert_uint_eq(b.width, PASTE_MAX_CELLS);
	paste_block_free(&b);
	free(big);
}
END_TEST

struct burst_case {
	const char *keys;
	bool block;
};

static const struct burst_case burst_cases[] = {
	{ "12", false },            /* typing */
	{ "12\r", false },          /* a value and Enter */
	{ "12\r\n", false },
	{ "5\t", false },           /* a value and Tab */
	{ "\r\r", false },          /* Enter twice */
	{ "5\r\r", false },
	{ "12\r13", true },
	{ "12\r13\r", true },
	{ "\t5", true },
	{ "a\tb\r\n", true },
	{ "1\n2\n", true },
	{ "", false },
};

START_TEST(test_burst)
{
	const struct burst_case *c = &burst_cases[_i];

	ck_assert_msg(paste_burst_is_block(c->keys, strlen(c->keys)) == c->block,
		      "'%s'", c->keys);
}
END_TEST

/* ------------------------------------------------------------ apply */

/* A grid of 4 rows x 2 columns; "x" is not a value; cell (2,1) is
 * read-only (it keeps "RO" only). */
#define GR 4
#define GC 2
typedef struct mock {
	char cell[GR + 8][GC][32];
	size_t rows;           /* rows there are (grow appends) */
	size_t checks, sets;
	bool decline;
} mock;

static const char *
m_row(void *ud, size_t row, char *buf, size_t n)
{
	(void)ud;
	snprintf(buf, n, "R%zu", row + 1);
	return buf;
}

static const char *
m_col(void *ud, size_t col, char *buf, size_t n)
{
	(void)ud;
	snprintf(buf, n, "C%zu", col + 1);
	return buf;
}

static int
m_check(void *ud, size_t row, size_t col, const char *text, char *why, size_t n)
{
	mock *m = ud;

	m->checks++;
	if (strcmp(text, "x") == 0) {
		snprintf(why, n, "not a number");
		return -1;
	}
	if (row == 2 && col == 1 && strcmp(text, m->cell[row][col]) != 0) {
		snprintf(why, n, "read-only");
		return -1;
	}
	return 0;
}

static bool
m_set(void *ud, size_t row, size_t col, const char *text)
{
	mock *m = ud;
	bool changed = strcmp(m->cell[row][col], text) != 0;

	m->sets++;
	if (row >= m->rows)
		m->rows = row + 1;
	snprintf(m->cell[row][col], sizeof m->cell[row][col], "%s", text);
	return changed;
}

static bool
m_ready(void *ud, const paste_block *b)
{
	(void)b;
	return !((mock *)ud)->decline;
}

static void
mock_init(mock *m)
{
	size_t r, c;

	memset(m, 0, sizeof *m);
	m->rows = GR;
	for (r = 0; r < GR; r++)
		for (c = 0; c < GC; c++)
			snprintf(m->cell[r][c], sizeof m->cell[r][c], "%c%zu", (int)('a' + r), c);
	snprintf(m->cell[2][1], sizeof m->cell[2][1], "RO");
}

/* The grid as one string, rows by '/'. */
static const char *
mock_flat(const mock *m)
{
	static char out[1024];
	size_t r, o = 0;

	out[0] = '\0';
	for (r = 0; r < m->rows; r++)
		o += (size_t)snprintf(out + o, sizeof out - o, "%s%s|%s", r ? "/" : "",
				      m->cell[r][0], m->cell[r][1]);
	return out;
}

struct apply_case {
	const char *name;
	size_t row, col;
	bool grow;
	size_t max_rows;
	bool decline;
	const char *block;
	int rc;
	const char *want;      /* the grid after, or the message's part */
	size_t changed, new_rows;
};

static const struct apply_case apply_cases[] = {
	{ "a block from the cursor right and down", 0, 0, false, 0, false,
	  "1\t2\r\n3\t4\r\n", 0, "1|2/3|4/c0|RO/d0|d1", 4, 0 },
	{ "one column from the second", 1, 1, false, 0, false, "7\r\nRO\r\n8\r\n", 0,
	  "a0|a1/b0|7/c0|RO/d0|8", 2, 0 },
	{ "a value as it was is not a change", 0, 0, false, 0, false, "a0\ta1\r\n", 0,
	  "a0|a1/b0|b1/c0|RO/d0|d1", 0, 0 },
	{ "a ragged row leaves the rest", 0, 0, false, 0, false, "1\t2\r\n3\r\n", 0,
	  "1|2/3|b1/c0|RO/d0|d1", 3, 0 },
	{ "empty cells empty the cell", 0, 0, false, 0, false, "\t\r\n", 0,
	  "|/b0|b1/c0|RO/d0|d1", 2, 0 },
	{ "too wide", 0, 1, false, 0, false, "1\t2\r\n", -1, "2 columns wide", 0, 0 },
	{ "too tall", 3, 0, false, 0, false, "1\r\n2\r\n", -1, "from R4 down there is room for 1", 0, 0 },
	{ "one bad cell refuses all", 0, 0, false, 0, false, "1\t2\r\n3\tx\r\n", -1,
	  "R2, C2: not a number. Nothing", 0, 0 },
	{ "every bad cell counted", 0, 0, false, 0, false, "x\t2\r\n3\tx\r\nx\r\n", -1,
	  "R1, C1: not a number (and 2 more cells refused)", 0, 0 },
	{ "a read-only cell refuses all", 1, 0, false, 0, false, "1\t2\r\n3\t4\r\n", -1,
	  "R3, C2: read-only", 0, 0 },
	{ "grow: rows appended past the last", 3, 0, true, 6, false,
	  "1\t2\r\n3\t4\r\n5\r\n", 0, "a0|a1/b0|b1/c0|RO/1|2/3|4/5|", 5, 2 },
	{ "grow: up to the table's limit", 3, 0, true, 5, false, "1\r\n2\r\n3\r\n", -1,
	  "at most 5", 0, 0 },
	{ "declined: nothing set", 0, 0, false, 0, true, "1\t2\r\n", 1,
	  "a0|a1/b0|b1/c0|RO/d0|d1", 0, 0 },
};

START_TEST(test_apply)
{
	const struct apply_case *c = &apply_cases[_i];
	mock m;
	paste_target t = { GR, GC, c->row, c->col, c->grow, c->max_rows, m_row, m_col,
			   m_check, m_set, m_ready, &m };
	paste_block b;
	paste_result res;
	char msg[1024], err[200];
	int rc;

	mock_init(&m);
	m.decline = c->decline;
	ck_assert_int_eq(paste_parse(c->block, strlen(c->block), &b, err, sizeof err), 0);
	rc = paste_apply(&t, &b, &res, msg, sizeof msg);
	ck_assert_msg(rc == c->rc, "%s: rc %d (%s)", c->name, rc, msg);
	if (rc < 0) {
		ck_assert_msg(strstr(msg, c->want) != NULL, "%s: '%s' lacks '%s'",
			      c->name, msg, c->want);
		ck_assert_msg(strstr(msg, "Nothing was pasted") != NULL, "%s", msg);
		ck_assert_uint_eq(m.sets, 0);         /* all or nothing */
	} else {
		ck_assert_msg(strcmp(mock_flat(&m), c->want) == 0, "%s: got %s", c->name,
			      mock_flat(&m));
	}
	if (rc == 0) {
		ck_assert_uint_eq(res.changed, c->changed);
		ck_assert_uint_eq(res.new_rows, c->new_rows);
		paste_done_text(&res, msg, sizeof msg);
		ck_assert_ptr_nonnull(strstr(msg, "Pasted"));
	}
	paste_block_free(&b);
}
END_TEST

START_TEST(test_done_text)
{
	paste_result one = { 1, 1, 0, 0 }, many = { 6, 4, 2, 0 };
	char msg[200];

	paste_done_text(&one, msg, sizeof msg);
	ck_assert_str_eq(msg, "Pasted 1 cell (1 changed).");
	paste_done_text(&many, msg, sizeof msg);
	ck_assert_str_eq(msg, "Pasted 6 cells (4 changed, 2 rows added).");
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("paste");
	TCase *tc = tcase_create("paste");

	tcase_add_loop_test(tc, test_parse, 0, (int)LK_NELEM(parse_cases));
	tcase_add_test(tc, test_parse_bounds);
	tcase_add_loop_test(tc, test_burst, 0, (int)LK_NELEM(burst_cases));
	tcase_add_loop_test(tc, test_apply, 0, (int)LK_NELEM(apply_cases));
	tcase_add_test(tc, test_done_text);
	suite_add_tcase(s, tc);
	return s;
}
