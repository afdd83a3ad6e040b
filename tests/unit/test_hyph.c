/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_hyph.c - lakip's own reading of the hyphenation patterns
 * (report/hyph.c) held to libhyphen, the library the patterns are made
 * for, as an independent oracle: on every word of the Indonesian
 * patterns and of the example plan and template, the same break points.
 * Then the file's rules, table-driven, on small pattern files: comments,
 * keywords, NEXTLEVEL, a pattern given twice, a blank ending a pattern;
 * what is not a pattern file.
 */
#include "config.h"
#include "lktest.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

#include "core/err.h"
#include "report/hyph.h"

#ifndef HYPHEN_DICT
#define HYPHEN_DICT "/usr/share/hyphen/hyph_id_ID.dic"
#endif
#define MIN_LEFT 2
#define MIN_RIGHT 3

/* libhyphen's points for a word of lower-case ASCII letters, as lakip
 * asked libhyphen for them before it read the patterns itself. */
static size_t
oracle(HyphenDict *d, const char *w, size_t *at)
{
	size_t len = strlen(w), k = 0;
	char hy[256];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;

	if (len < MIN_LEFT + MIN_RIGHT)
		return 0;
	if (hnj_hyphen_hyphenate3(d, w, (int)len, hy, NULL, &rep, &pos, &cut,
				  MIN_LEFT, MIN_RIGHT, MIN_LEFT, MIN_RIGHT) == 0)
		for (size_t j = MIN_LEFT - 1; j + MIN_RIGHT < len; j++)
			if (hy[j] & 1)
				at[k++] = j + 1;
	if (rep != NULL) {
		for (size_t j = 0; j < len; j++)
			free(rep[j]);
		free(rep);
	}
	free(pos);
	free(cut);
	return k;
}

static unsigned long n_words, n_points;

/* Both readings of one word agree. */
static void
same(HyphenDict *d, const hyph *h, const char *w)
{
	size_t a[128], b[128], na, nb;

	if (strlen(w) > 90)
		return;
	na = oracle(d, w, a);
	nb = hyph_points(h, w, strlen(w), b, 128);
	n_words++;
	n_points += nb;
	ck_assert_msg(na == nb && memcmp(a, b, na * sizeof *a) == 0,
		      "'%s': libhyphen %zu points, lakip %zu", w, na, nb);
}

/* Every run of lower-case ASCII letters of a file, as a word. */
static void
words_of(HyphenDict *d, const hyph *h, const char *path, bool strip_digits)
{
	FILE *f = fopen(path, "r");
	char w[128];
	size_t n = 0;
	int c;

	ck_assert_msg(f != NULL, "%s", path);
	do {
		c = getc(f);
		if (strip_digits && (isdigit(c) || c == '.'))
			continue;
		if (c >= 'a' && c <= 'z' && n + 1 < sizeof w) {
			w[n++] = (char)c;
			continue;
		}
		if (n > 0) {
			w[n] = '\0';
			same(d, h, w);
			n = 0;
		}
		if (strip_digits)     /* a pattern per line: skip to its end */
			while (c != '\n' && c != EOF)
				c = getc(f);
	} while (c != EOF);
	fclose(f);
}

START_TEST(test_oracle)
{
	HyphenDict *d = hnj_hyphen_load(HYPHEN_DICT);
	lk_err e = { 0, "" };
	hyph *h;

	ck_assert_msg(d != NULL, "libhyphen cannot read %s", HYPHEN_DICT);
	ck_assert_msg(hyph_open(&h, NULL, &e) == 0, "%s", e.msg);
	words_of(d, h, HYPHEN_DICT, true);
	words_of(d, h, lktest_path("examples/kesbangpol-kalteng-2023.yaml"), false);
	words_of(d, h, lktest_path("templates/laporan.yaml"), false);
	/* the words of the patterns glued in pairs: breaks across the seam */
	{
		static const char *const w[] = { "pemerintahan", "kebangsaan",
			"masyarakat", "pertanggungjawaban", "penyelenggaraan",
			"kesejahteraan", "ketidakberdayaan", "memperjuangkan" };

		for (size_t i = 0; i < LK_NELEM(w); i++)
			for (size_t j = 0; j < LK_NELEM(w); j++) {
				char b[128];

				snprintf(b, sizeof b, "%s%s", w[i], w[j]);
				same(d, h, b);
			}
	}
	ck_assert_msg(n_words > 12000 && n_points > 10000, "%lu words, %lu points",
		      n_words, n_points);
	hyph_close(h);
	hnj_hyphen_free(d);
}
END_TEST

/* Small pattern files: what each rule of the file gives. */
static const struct {
	const char *what, *file, *word, *want;   /* want: "pe-me-rin-tah" */
	int rc;
} file_cases[] = {
	{ "one pattern", "ISO8859-1\na1b\n", "xxabxxx", "xxa-bxxx", 0 },
	{ "a comment and a keyword are no patterns",
	  "ISO8859-1\n% a1b\nLEFTHYPHENMIN 1\nc1d\n", "xxabcdxxx", "xxabc-dxxx", 0 },
	{ "a blank ends a pattern", "ISO8859-1\nk1v1\t\n", "xxkvxxx", "xxk-v-xxx", 0 },
	{ "an even digit forbids what an odd one allows",
	  "ISO8859-1\na1b\nxa2b\n", "xxabxxx", "xxabxxx", 0 },
	{ "a pattern given again replaces the first", "ISO8859-1\na3b\na2b\n",
	  "xxabxxx", "xxabxxx", 0 },
	{ "the word's edges", "ISO8859-1\n.xx1\n1zzz.\n", "xxabzzz", "xx-ab-zzz", 0 },
	{ "only the longest pattern ending at a letter counts (as in libhyphen)",
	  "ISO8859-1\nb1c\nabc\n", "xxabcxxx", "xxabcxxx", 0 },
	{ "even where the longer only begins there",
	  "ISO8859-1\nb1c\nabcq\n", "xxabcxxx", "xxabcxxx", 0 },
	{ "a shorter one where no longer begins", "ISO8859-1\nb1c\nabq\n",
	  "xxabcxxx", "xxab-cxxx", 0 },
	{ "NEXTLEVEL: the level after it", "ISO8859-1\na1b\nNEXTLEVEL\nc1d\n",
	  "xxabcdxxx", "xxabc-dxxx", 0 },
	{ "a replacement pattern is skipped", "ISO8859-1\nc1d\nab1c/a=b,1,1\n",
	  "xxabcdxxx", "xxabc-dxxx", 0 },
	{ "no pattern at all", "ISO8859-1\n% nothing\n", NULL, NULL, EX_DATAERR },
	{ "a pattern of digits only", "ISO8859-1\na1b\n123\n", NULL, NULL, EX_DATAERR },
	{ "an empty file", "", NULL, NULL, EX_DATAERR },
};

START_TEST(test_file)
{
	const char *dir = lktest_tmpdir();
	char path[4096], got[128];
	lk_err e = { 0, "" };
	size_t at[32], n, i, g = 0, prev = 0;
	hyph *h = NULL;
	FILE *f;
	int rc;

	snprintf(path, sizeof path, "%s/p.dic", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(file_cases[_i].file, f);
	fclose(f);
	rc = hyph_open(&h, path, &e);
	ck_assert_msg(rc == file_cases[_i].rc, "%s: %d (%s)", file_cases[_i].what, rc, e.msg);
	if (rc != 0) {
		ck_assert_msg(strstr(e.msg, "p.dic") != NULL, "%s", e.msg);
		ck_assert_ptr_null(h);
		lktest_rmtree(dir);
		return;
	}
	n = hyph_points(h, file_cases[_i].word, strlen(file_cases[_i].word), at, 32);
	for (i = 0; i <= n; i++) {
		size_t end = i < n ? at[i] : strlen(file_cases[_i].word);

		memcpy(got + g, file_cases[_i].word + prev, end - prev);
		g += end - prev;
		if (i < n)
			got[g++] = '-';
		prev = end;
	}
	got[g] = '\0';
	ck_assert_msg(strcmp(got, file_cases[_i].want) == 0, "%s: %s", file_cases[_i].what, got);
	hyph_close(h);
	lktest_rmtree(dir);
}
END_TEST

START_TEST(test_missing)
{
	lk_err e = { 0, "" };
	hyph *h = NULL;

	ck_assert_int_eq(hyph_open(&h, "/nonexistent/hyph.dic", &e), EX_NOINPUT);
	ck_assert_msg(strstr(e.msg, "hyphen-id") != NULL, "%s", e.msg);
	ck_assert_ptr_null(h);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("hyph");
	TCase *tc = tcase_create("hyph");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_oracle);
	tcase_add_loop_test(tc, test_file, 0, LK_NELEM(file_cases));
	tcase_add_test(tc, test_missing);
	suite_add_tcase(s, tc);
	return s;
}
