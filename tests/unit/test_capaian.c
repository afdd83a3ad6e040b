/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_capaian.c - capaian with polarity, polaritas names, predikat bands. */
#include "config.h"
#include "lktest.h"

#include <inttypes.h>
#include <stdbool.h>
#include <string.h>
#include <sysexits.h>

#include "core/capaian.h"
#include "core/dec.h"
#include "core/predikat.h"

#define POS POLARITAS_POSITIF
#define NEG POLARITAS_NEGATIF
#define N(x) ((int64_t)(x) * DEC_NILAI_ONE)     /* whole nilai */
#define SENTINEL ((int64_t)0x5A5A5A5A)
#define P2(k) ((int64_t)1 << (k))
#define E15 INT64_C(1000000000000000)

struct capaian_case {
	const char *what;
	int64_t target;
	bool ada;
	int64_t realisasi;
	enum polaritas p;
	int rc;
	enum capaian_status status;
	int64_t persen;
};

static const struct capaian_case capaian_cases[] = {
	/* the spec's examples (nilai: x10^4) */
	{ "79,30 of 78,50", 785000, true, 793000, POS, 0, CAPAIAN_ADA, 10102 },
	{ "100 of 200", N(200), true, N(100), POS, 0, CAPAIAN_ADA, 5000 },
	{ "130 of 200", N(200), true, N(130), POS, 0, CAPAIAN_ADA, 6500 },
	{ "negative 9 of 8", N(8), true, N(9), NEG, 0, CAPAIAN_ADA, 8750 },
	{ "negative 6,5 of 7", N(7), true, 65000, NEG, 0, CAPAIAN_ADA, 10714 },
	{ "negative on target", N(8), true, N(8), NEG, 0, CAPAIAN_ADA, 10000 },
	{ "negative 0 of 8", N(8), true, 0, NEG, 0, CAPAIAN_ADA, 20000 },
	{ "negative 20 of 8", N(8), true, N(20), NEG, 0, CAPAIAN_ADA, -5000 },
	{ "no cap above 100", N(100), true, N(250), POS, 0, CAPAIAN_ADA, 25000 },
	{ "realisation 0 is 0%", N(100), true, 0, POS, 0, CAPAIAN_ADA, 0 },
	{ "budget absorption", 1139325490900, true, 458793884400, POS, 0,
	  CAPAIAN_ADA, 4027 },
	/* no realisation, target 0 */
	{ "unknown realisation", N(80), false, 0, POS, 0, CAPAIAN_KOSONG, 0 },
	{ "unknown, negative", N(80), false, N(5), NEG, 0, CAPAIAN_KOSONG, 0 },
	{ "unknown beats target 0", 0, false, 0, POS, 0, CAPAIAN_KOSONG, 0 },
	{ "target 0", 0, true, N(5), POS, 0, CAPAIAN_TAK_TERDEFINISI, 0 },
	{ "target 0, negative", 0, true, 0, NEG, 0, CAPAIAN_TAK_TERDEFINISI, 0 },
	/* exactly half a hundredth: away from zero, both signs */
	{ "+0,005% -> 0,01", 20000, true, 1, POS, 0, CAPAIAN_ADA, 1 },
	{ "+0,015% -> 0,02", 20000, true, 3, POS, 0, CAPAIAN_ADA, 2 },
	{ "-0,005% -> -0,01", 20000, true, -1, POS, 0, CAPAIAN_ADA, -1 },
	{ "-0,015% -> -0,02", 20000, true, -3, POS, 0, CAPAIAN_ADA, -2 },
	{ "just below half", 20001, true, 1, POS, 0, CAPAIAN_ADA, 0 },
	{ "neg. pol. +0,005%", 20000, true, 39999, NEG, 0, CAPAIAN_ADA, 1 },
	{ "neg. pol. -0,005%", 20000, true, 40001, NEG, 0, CAPAIAN_ADA, -1 },
	{ "neg. pol. -0,015%", 20000, true, 40003, NEG, 0, CAPAIAN_ADA, -2 },
	{ "100,005% -> 100,01", N(2), true, 20001, POS, 0, CAPAIAN_ADA, 10001 },
	/* huge values: exact or EX_DATAERR, never a wrap or a crash */
	{ "max of max", INT64_MAX, true, INT64_MAX, POS, 0, CAPAIAN_ADA, 10000 },
	{ "min of min", INT64_MIN, true, INT64_MIN, POS, 0, CAPAIAN_ADA, 10000 },
	{ "max over 1", 1, true, INT64_MAX, POS, EX_DATAERR, 0, 0 },
	{ "min over 1", 1, true, INT64_MIN, POS, EX_DATAERR, 0, 0 },
	{ "neg. pol. min over 1", 1, true, INT64_MIN, NEG, EX_DATAERR, 0, 0 },
	{ "neg. pol. max over 1", 1, true, INT64_MAX, NEG, EX_DATAERR, 0, 0 },
	{ "neg. pol. min of max", INT64_MAX, true, INT64_MIN, NEG, 0,
	  CAPAIAN_ADA, 30000 },
	{ "neg. pol. max of min", INT64_MIN, true, INT64_MAX, NEG, 0,
	  CAPAIAN_ADA, 30000 },
	/* a negative target (invalid input) takes the same formula */
	{ "negative target", -N(100), true, -N(50), POS, 0, CAPAIAN_ADA, 5000 },
	/*
	 * The 128-bit intermediate at its edges, both polarities: products
	 * beyond 2^64, 2 target - realisasi beyond int64, ties that round away
	 * from zero, results that overflow by rounding alone.  Expected
	 * values computed with unbounded integers.
	 */
	{ "pos. 10^15 + 1 of 10^15", E15, true,
	  E15 + 1, POS, 0, CAPAIAN_ADA, 10000 },
	{ "pos. 100,005% of 10^15 -> 100,01", E15, true,
	  1000050000000000, POS, 0, CAPAIAN_ADA, 10001 },
	{ "pos. just below 100,005%", E15, true,
	  1000049999999999, POS, 0, CAPAIAN_ADA, 10000 },
	{ "pos. half of max", INT64_MAX, true,
	  INT64_MAX / 2, POS, 0, CAPAIAN_ADA, 5000 },
	{ "pos. minus half of max", INT64_MAX, true,
	  -(INT64_MAX / 2), POS, 0, CAPAIAN_ADA, -5000 },
	{ "pos. 1 of max", INT64_MAX, true, 1, POS, 0, CAPAIAN_ADA, 0 },
	{ "pos. -1 of max", INT64_MAX, true, -1, POS, 0, CAPAIAN_ADA, 0 },
	{ "pos. max - 1 of max", INT64_MAX, true,
	  INT64_MAX - 1, POS, 0, CAPAIAN_ADA, 10000 },
	{ "pos. min of max", INT64_MAX, true,
	  INT64_MIN, POS, 0, CAPAIAN_ADA, -10000 },
	{ "pos. max of min", INT64_MIN, true,
	  INT64_MAX, POS, 0, CAPAIAN_ADA, -10000 },
	{ "pos. max of 10000: exactly max", 10000, true,
	  INT64_MAX, POS, 0, CAPAIAN_ADA, INT64_MAX },
	{ "pos. max of 9999: too large", 9999, true,
	  INT64_MAX, POS, EX_DATAERR, 0, 0 },
	{ "pos. min of 10000: exactly min", 10000, true,
	  INT64_MIN, POS, 0, CAPAIAN_ADA, INT64_MIN },
	{ "pos. min of -10000: 2^63, too large", -10000, true,
	  INT64_MIN, POS, EX_DATAERR, 0, 0 },
	{ "pos. max of -10000", -10000, true,
	  INT64_MAX, POS, 0, CAPAIAN_ADA, -INT64_MAX },
	{ "pos. max of 10001", 10001, true,
	  INT64_MAX, POS, 0, CAPAIAN_ADA, 9222449791875588248 },
	{ "pos. min of 10001", 10001, true,
	  INT64_MIN, POS, 0, CAPAIAN_ADA, -9222449791875588249 },
	{ "pos. tie at 2^63 - 1/2: too large", 4000, true,
	  3689348814741910323, POS, EX_DATAERR, 0, 0 },
	{ "pos. tie at -(2^63 - 1/2): INT64_MIN", 4000, true,
	  -3689348814741910323, POS, 0, CAPAIAN_ADA, INT64_MIN },
	{ "pos. same, negative target", -4000, true,
	  3689348814741910323, POS, 0, CAPAIAN_ADA, INT64_MIN },
	{ "pos. just below the tie", 4000, true,
	  3689348814741910322, POS, 0, CAPAIAN_ADA, INT64_MAX - 2 },
	{ "pos. large budget absorption", 1139325490900000, true,
	  458793884400005, POS, 0, CAPAIAN_ADA, 4027 },
	{ "pos. 2^62 target, 100,005%", P2(62), true,
	  4611916602728309273, POS, 0, CAPAIAN_ADA, 10000 },
	{ "pos. 2^62 target, -100,005%", P2(62), true,
	  -4611916602728309273, POS, 0, CAPAIAN_ADA, -10000 },
	{ "pos. 1 of 3", 3, true, 1, POS, 0, CAPAIAN_ADA, 3333 },
	{ "pos. 2 of 3", 3, true, 2, POS, 0, CAPAIAN_ADA, 6667 },
	{ "pos. -1 of 3", 3, true, -1, POS, 0, CAPAIAN_ADA, -3333 },
	{ "pos. -2 of 3", 3, true, -2, POS, 0, CAPAIAN_ADA, -6667 },
	{ "pos. 1 of -3", -3, true, 1, POS, 0, CAPAIAN_ADA, -3333 },
	{ "pos. -2 of -3", -3, true, -2, POS, 0, CAPAIAN_ADA, 6667 },
	{ "neg. 0 of max", INT64_MAX, true, 0, NEG, 0, CAPAIAN_ADA, 20000 },
	{ "neg. max of max", INT64_MAX, true,
	  INT64_MAX, NEG, 0, CAPAIAN_ADA, 10000 },
	{ "neg. -max of max", INT64_MAX, true,
	  -INT64_MAX, NEG, 0, CAPAIAN_ADA, 30000 },
	{ "neg. min of min", INT64_MIN, true,
	  INT64_MIN, NEG, 0, CAPAIAN_ADA, 10000 },
	{ "neg. 0 of min", INT64_MIN, true, 0, NEG, 0, CAPAIAN_ADA, 20000 },
	{ "neg. max - 1 of max", INT64_MAX, true,
	  INT64_MAX - 1, NEG, 0, CAPAIAN_ADA, 10000 },
	{ "neg. 10^15 + 1 of 10^15", E15, true,
	  E15 + 1, NEG, 0, CAPAIAN_ADA, 10000 },
	{ "neg. 10^15 - 1 of 10^15", E15, true,
	  E15 - 1, NEG, 0, CAPAIAN_ADA, 10000 },
	{ "neg. twice the target: 0%", E15, true,
	  2 * E15, NEG, 0, CAPAIAN_ADA, 0 },
	{ "neg. three times the target", E15, true,
	  3 * E15, NEG, 0, CAPAIAN_ADA, -10000 },
	{ "neg. -0,005% of a negative target", -20000, true,
	  -39999, NEG, 0, CAPAIAN_ADA, 1 },
	{ "neg. +0,005% of a negative target", -20000, true,
	  -40001, NEG, 0, CAPAIAN_ADA, -1 },
	{ "neg. min of 10000: too large", 10000, true,
	  INT64_MIN, NEG, EX_DATAERR, 0, 0 },
	{ "neg. max of 10000", 10000, true,
	  INT64_MAX, NEG, 0, CAPAIAN_ADA, -9223372036854755807 },
	{ "neg. max of 5000: too large", 5000, true,
	  INT64_MAX, NEG, EX_DATAERR, 0, 0 },
	{ "neg. min of -10000", -10000, true,
	  INT64_MIN, NEG, 0, CAPAIAN_ADA, -9223372036854755808 },
	{ "neg. max of -10000: too large", -10000, true,
	  INT64_MAX, NEG, EX_DATAERR, 0, 0 },
	{ "neg. 1 of 3", 3, true, 1, NEG, 0, CAPAIAN_ADA, 16667 },
	{ "neg. 5 of 3", 3, true, 5, NEG, 0, CAPAIAN_ADA, 3333 },
	{ "neg. 7 of 3", 3, true, 7, NEG, 0, CAPAIAN_ADA, -3333 },
	{ "neg. -1 of -3", -3, true, -1, NEG, 0, CAPAIAN_ADA, 16667 },
	{ "neg. 1 of -3", -3, true, 1, NEG, 0, CAPAIAN_ADA, 23333 },
	{ "neg. max of 2^62", P2(62), true, INT64_MAX, NEG, 0, CAPAIAN_ADA, 0 },
	{ "neg. min of 2^62", P2(62), true,
	  INT64_MIN, NEG, 0, CAPAIAN_ADA, 40000 },
	{ "neg. min of -2^62", -P2(62), true,
	  INT64_MIN, NEG, 0, CAPAIAN_ADA, 0 },
	{ "neg. max of -2^62", -P2(62), true,
	  INT64_MAX, NEG, 0, CAPAIAN_ADA, 40000 },
	{ "neg. -2^62 + 1 of -2^62", -P2(62), true,
	  -(INT64_MAX / 2), NEG, 0, CAPAIAN_ADA, 10000 },
	{ "neg. tie at -(2^63 - 1/2): INT64_MIN", 4000, true,
	  3689348814741918323, NEG, 0, CAPAIAN_ADA, INT64_MIN },
	{ "neg. one more: too large", 4000, true,
	  3689348814741918324, NEG, EX_DATAERR, 0, 0 },
	{ "neg. tie at 2^63 - 1/2: too large", 4000, true,
	  -3689348814741902323, NEG, EX_DATAERR, 0, 0 },
	{ "neg. just below the tie", 4000, true,
	  -3689348814741902322, NEG, 0, CAPAIAN_ADA, INT64_MAX - 2 },
	{ "neg. tie, negative target: INT64_MIN", -4000, true,
	  -3689348814741918323, NEG, 0, CAPAIAN_ADA, INT64_MIN },
	{ "neg. tie, negative target: too large", -4000, true,
	  3689348814741902323, NEG, EX_DATAERR, 0, 0 },
};

START_TEST(test_capaian)
{
	/* given */
	const struct capaian_case *c = &capaian_cases[_i];
	capaian out = { CAPAIAN_ADA, SENTINEL };
	int rc;

	/* when */
	rc = capaian_hitung(c->target, c->ada, c->realisasi, c->p, &out);

	/* then */
	ck_assert_msg(rc == c->rc, "%s: rc %d, want %d", c->what, rc, c->rc);
	if (c->rc != 0) {
		ck_assert_msg(out.status == CAPAIAN_ADA && out.persen == SENTINEL,
		    "%s: out changed on error", c->what);
		return;
	}
	ck_assert_msg(out.status == c->status, "%s: status %d, want %d",
	    c->what, (int)out.status, (int)c->status);
	if (c->status == CAPAIAN_ADA)
		ck_assert_msg(out.persen == c->persen, "%s: %" PRId64 ", want %"
		    PRId64, c->what, out.persen, c->persen);
}
END_TEST

/* The spec's examples as printed. */
START_TEST(test_capaian_printed)
{
	static const struct {
		const char *target, *realisasi;
		enum polaritas p;
		const char *want;
	} cases[] = {
		{ "78.50", "79.30", POS, "101,02" },
		{ "8", "9", NEG, "87,50" },
		{ "7", "6.5", NEG, "107,14" },
		{ "200", "130", POS, "65,00" },
	};

	for (size_t i = 0; i < LK_NELEM(cases); i++) {
		int64_t t, r;
		capaian c;
		char buf[DEC_BUFSZ];
		const char *why = NULL;

		ck_assert_int_eq(dec_parse_machine(cases[i].target, DEC_NILAI,
		    &t, &why), 0);
		ck_assert_int_eq(dec_parse_machine(cases[i].realisasi,
		    DEC_NILAI, &r, &why), 0);
		ck_assert_int_eq(capaian_hitung(t, true, r, cases[i].p, &c), 0);
		ck_assert_int_eq(c.status, CAPAIAN_ADA);
		ck_assert_str_eq(dec_format_persen(c.persen, buf),
		    cases[i].want);
	}
}
END_TEST

START_TEST(test_polaritas)
{
	static const struct {
		const char *s;
		int want;
	} cases[] = {
		{ "positif", POLARITAS_POSITIF },
		{ "negatif", POLARITAS_NEGATIF },
		{ "Positif", -1 },
		{ "NEGATIF", -1 },
		{ "negatif ", -1 },
		{ "", -1 },
		{ "positive", -1 },
		{ NULL, -1 },
	};

	for (size_t i = 0; i < LK_NELEM(cases); i++)
		ck_assert_msg(polaritas_parse(cases[i].s) == cases[i].want,
		    "\"%s\"", cases[i].s ? cases[i].s : "(null)");
	ck_assert_str_eq(polaritas_nama(POLARITAS_POSITIF), "positif");
	ck_assert_str_eq(polaritas_nama(POLARITAS_NEGATIF), "negatif");
	ck_assert_int_eq(polaritas_parse(polaritas_nama(POLARITAS_NEGATIF)),
	    POLARITAS_NEGATIF);
}
END_TEST

struct band_case {
	int64_t persen;
	const char *nama, *warna;
};

static const struct band_case band_cases[] = {
	{ 25000, "Sangat Tinggi", "baik" },
	{ 10000, "Sangat Tinggi", "baik" },
	{ 9100, "Sangat Tinggi", "baik" },
	{ 9099, "Tinggi", "baik" },
	{ 7600, "Tinggi", "baik" },
	{ 7599, "Sedang", "cukup" },
	{ 6600, "Sedang", "cukup" },
	{ 6599, "Rendah", "kurang" },
	{ 6500, "Rendah", "kurang" },
	{ 5100, "Rendah", "kurang" },
	{ 5099, "Sangat Rendah", "kurang" },
	{ 5000, "Sangat Rendah", "kurang" },
	{ 0, "Sangat Rendah", "kurang" },
	{ -500, "Sangat Rendah", "kurang" },
	{ INT64_MIN, "Sangat Rendah", "kurang" },
	{ INT64_MAX, "Sangat Tinggi", "baik" },
};

START_TEST(test_predikat_band)
{
	/* given */
	const struct band_case *c = &band_cases[_i];
	capaian cap = { CAPAIAN_ADA, c->persen };
	const predikat_band *b;

	/* when */
	b = predikat_cari(predikat_default(), &cap);

	/* then */
	ck_assert_ptr_nonnull(b);
	ck_assert_msg(strcmp(b->nama, c->nama) == 0, "%" PRId64 ": %s, want %s",
	    c->persen, b->nama, c->nama);
	ck_assert_str_eq(b->warna, c->warna);
}
END_TEST

START_TEST(test_predikat_no_value)
{
	capaian kosong = { CAPAIAN_KOSONG, 9500 };
	capaian tak = { CAPAIAN_TAK_TERDEFINISI, 9500 };

	ck_assert_ptr_null(predikat_cari(predikat_default(), &kosong));
	ck_assert_ptr_null(predikat_cari(predikat_default(), &tak));
	ck_assert_ptr_null(predikat_cari(predikat_default(), NULL));
}
END_TEST

static const predikat_band b_ok[] = {
	{ "Baik", true, 8000, "baik" },
	{ "Cukup", true, 5000, NULL },
	{ "Kurang", false, 0, "kurang" },
};
static const predikat_band b_one[] = { { "Semua", false, 0, NULL } };
static const predikat_band b_last_min[] = {
	{ "Baik", true, 8000, NULL }, { "Kurang", true, 0, NULL },
};
static const predikat_band b_mid_no_min[] = {
	{ "Baik", true, 8000, NULL }, { "Cukup", false, 0, NULL },
	{ "Kurang", false, 0, NULL },
};
static const predikat_band b_equal[] = {
	{ "Baik", true, 8000, NULL }, { "Cukup", true, 8000, NULL },
	{ "Kurang", false, 0, NULL },
};
static const predikat_band b_rising[] = {
	{ "Cukup", true, 5000, NULL }, { "Baik", true, 8000, NULL },
	{ "Kurang", false, 0, NULL },
};
static const predikat_band b_empty_name[] = {
	{ "Baik", true, 8000, NULL }, { "", false, 0, NULL },
};
static const predikat_band b_null_name[] = {
	{ NULL, true, 8000, NULL }, { "Kurang", false, 0, NULL },
};

struct periksa_case {
	const char *what;
	predikat_tabel t;
	int rc;
	const char *why;
};

static const struct periksa_case periksa_cases[] = {
	{ "three bands", { b_ok, 3 }, 0, NULL },
	{ "one band", { b_one, 1 }, 0, NULL },
	{ "no bands", { b_ok, 0 }, EX_DATAERR, "no bands" },
	{ "NULL bands", { NULL, 3 }, EX_DATAERR, "no bands" },
	{ "last has a min", { b_last_min, 2 }, EX_DATAERR, "last" },
	{ "middle lacks a min", { b_mid_no_min, 3 }, EX_DATAERR, "only the last" },
	{ "equal mins", { b_equal, 3 }, EX_DATAERR, "decrease" },
	{ "rising mins", { b_rising, 3 }, EX_DATAERR, "decrease" },
	{ "empty name", { b_empty_name, 2 }, EX_DATAERR, "no name" },
	{ "NULL name", { b_null_name, 2 }, EX_DATAERR, "no name" },
};

START_TEST(test_predikat_periksa)
{
	const struct periksa_case *c = &periksa_cases[_i];
	const char *why = NULL;
	int rc;

	rc = predikat_periksa(&c->t, &why);
	ck_assert_msg(rc == c->rc, "%s: rc %d, want %d", c->what, rc, c->rc);
	if (c->rc != 0) {
		ck_assert_ptr_nonnull(why);
		ck_assert_msg(strstr(why, c->why) != NULL, "%s: \"%s\"",
		    c->what, why);
	}
}
END_TEST

START_TEST(test_predikat_default_valid)
{
	const predikat_tabel *t = predikat_default();
	const char *why = NULL;

	ck_assert_int_eq(predikat_periksa(t, &why), 0);
	ck_assert_uint_eq(t->n, 5);
	ck_assert_int_eq(predikat_periksa(NULL, &why), EX_DATAERR);
}
END_TEST

START_TEST(test_predikat_custom)
{
	predikat_tabel t = { b_ok, 3 };
	capaian c = { CAPAIAN_ADA, 8000 };

	ck_assert_str_eq(predikat_cari(&t, &c)->nama, "Baik");
	c.persen = 7999;
	ck_assert_str_eq(predikat_cari(&t, &c)->nama, "Cukup");
	ck_assert_ptr_null(predikat_cari(&t, &c)->warna);
	c.persen = 4999;
	ck_assert_str_eq(predikat_cari(&t, &c)->nama, "Kurang");
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("capaian");
	TCase *tc;

	tc = tcase_create("capaian");
	tcase_add_loop_test(tc, test_capaian, 0, (int)LK_NELEM(capaian_cases));
	tcase_add_test(tc, test_capaian_printed);
	tcase_add_test(tc, test_polaritas);
	suite_add_tcase(s, tc);

	tc = tcase_create("predikat");
	tcase_add_loop_test(tc, test_predikat_band, 0, (int)LK_NELEM(band_cases));
	tcase_add_test(tc, test_predikat_no_value);
	tcase_add_loop_test(tc, test_predikat_periksa, 0,
	    (int)LK_NELEM(periksa_cases));
	tcase_add_test(tc, test_predikat_default_valid);
	tcase_add_test(tc, test_predikat_custom);
	suite_add_tcase(s, tc);
	return s;
}
