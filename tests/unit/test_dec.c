/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_dec.c - exact decimals: parsing, formatting, arithmetic. */
#include "config.h"
#include "lktest.h"

#include <inttypes.h>
#include <stdbool.h>
#include <string.h>
#include <sysexits.h>

#include "core/dec.h"

#define SENTINEL ((int64_t)0x5A5A5A5A)

enum form { MACHINE, ID, ID_RP };

/* ok: expect `want`; otherwise failure with a reason containing `why`. */
struct parse_case {
	enum form form;
	const char *in;
	int scale;
	bool ok;
	int64_t want;
	const char *why;
};

#define GOOD(f, s, sc, v) { f, s, sc, true, v, NULL }
#define BAD(f, s, sc, w) { f, s, sc, false, 0, w }

static const struct parse_case parse_cases[] = {
	/* machine form, as in the exchange file */
	GOOD(MACHINE, "78.5", DEC_NILAI, 785000),
	GOOD(MACHINE, "78.50", DEC_NILAI, 785000),
	GOOD(MACHINE, "200", DEC_NILAI, 2000000),
	GOOD(MACHINE, "0.25", DEC_NILAI, 2500),
	GOOD(MACHINE, "0.0001", DEC_NILAI, 1),
	GOOD(MACHINE, "-0.0001", DEC_NILAI, -1),
	GOOD(MACHINE, "-3.5", DEC_NILAI, -35000),
	GOOD(MACHINE, "-0", DEC_NILAI, 0),
	GOOD(MACHINE, "007", DEC_NILAI, 70000),
	GOOD(MACHINE, "11393254909", DEC_UANG, 1139325490900),
	GOOD(MACHINE, "11393254909.5", DEC_UANG, 1139325490950),
	GOOD(MACHINE, "11393254909.05", DEC_UANG, 1139325490905),
	GOOD(MACHINE, "922337203685477.5807", DEC_NILAI, INT64_MAX),
	GOOD(MACHINE, "-922337203685477.5808", DEC_NILAI, INT64_MIN),
	GOOD(MACHINE, "9223372036854775807", 0, INT64_MAX),
	GOOD(MACHINE, "-9223372036854775808", 0, INT64_MIN),
	BAD(MACHINE, "922337203685477.5808", DEC_NILAI, "too large"),
	BAD(MACHINE, "-922337203685477.5809", DEC_NILAI, "too large"),
	BAD(MACHINE, "99999999999999999999", DEC_UANG, "too large"),
	BAD(MACHINE, "92233720368547758.08", DEC_UANG, "too large"),
	BAD(MACHINE, "1.23456", DEC_NILAI, "at most 4"),
	BAD(MACHINE, "1.234", DEC_UANG, "at most 2"),
	BAD(MACHINE, "1.0", 0, "decimal places"),
	BAD(MACHINE, "", DEC_NILAI, "empty"),
	BAD(MACHINE, NULL, DEC_NILAI, "empty"),
	BAD(MACHINE, "-", DEC_NILAI, "empty"),
	BAD(MACHINE, "+5", DEC_NILAI, "not a number"),
	BAD(MACHINE, "1e5", DEC_NILAI, "not a number"),
	BAD(MACHINE, " 5", DEC_NILAI, "not a number"),
	BAD(MACHINE, "5 ", DEC_NILAI, "not a number"),
	BAD(MACHINE, ".5", DEC_NILAI, "not a number"),
	BAD(MACHINE, "5.", DEC_NILAI, "not a number"),
	BAD(MACHINE, "--5", DEC_NILAI, "not a number"),
	BAD(MACHINE, "1.000.000", DEC_NILAI, "not a number"),
	BAD(MACHINE, "abc", DEC_NILAI, "not a number"),
	BAD(MACHINE, "78,50", DEC_NILAI, "'.'"),

	/* Indonesian form */
	GOOD(ID, "78,50", DEC_NILAI, 785000),
	GOOD(ID, "78,5", DEC_NILAI, 785000),
	GOOD(ID, "-3,5", DEC_NILAI, -35000),
	GOOD(ID, "0,0001", DEC_NILAI, 1),
	GOOD(ID, "11.393.254.909", DEC_UANG, 1139325490900),
	GOOD(ID, "1.234.567,1234", DEC_NILAI, 12345671234),
	GOOD(ID, "78.500", DEC_NILAI, 785000000),
	GOOD(ID, "1.234", DEC_NILAI, 12340000),
	GOOD(ID, "123.456", DEC_NILAI, 1234560000),
	GOOD(ID, "78.5", DEC_NILAI, 785000),
	GOOD(ID, "3.14", DEC_NILAI, 31400),
	GOOD(ID, "0.2500", DEC_NILAI, 2500),
	GOOD(ID, "1234", DEC_NILAI, 12340000),
	GOOD(ID, "  12,5\t", DEC_NILAI, 125000),
	GOOD(ID, "-1.000,25", DEC_UANG, -100025),
	GOOD(ID, "92.233.720.368.547.758,07", DEC_UANG, INT64_MAX),
	GOOD(ID, "-92.233.720.368.547.758,08", DEC_UANG, INT64_MIN),
	GOOD(ID_RP, "Rp 11.393.254.909", DEC_UANG, 1139325490900),
	GOOD(ID_RP, "Rp11.393.254.909,50", DEC_UANG, 1139325490950),
	GOOD(ID_RP, "Rp. 5.000", DEC_UANG, 500000),
	GOOD(ID_RP, "rp 5.000", DEC_UANG, 500000),
	GOOD(ID_RP, "RP5000", DEC_UANG, 500000),
	GOOD(ID_RP, "-Rp 5.000", DEC_UANG, -500000),
	GOOD(ID_RP, "Rp -5.000", DEC_UANG, -500000),
	GOOD(ID_RP, "  Rp   7,5 ", DEC_UANG, 750),
	GOOD(ID_RP, "5.000", DEC_UANG, 500000),
	BAD(ID, "Rp 5.000", DEC_UANG, "Rp"),
	BAD(ID, "1.2.3,4", DEC_NILAI, "three digits"),
	BAD(ID, "1.23.456", DEC_NILAI, "three digits"),
	BAD(ID, "12,345.6", DEC_NILAI, "dot cannot follow"),
	BAD(ID, "1..2", DEC_NILAI, "empty group"),
	BAD(ID, "1234.567", DEC_NILAI, "ambiguous"),
	BAD(ID, "1234.567.890", DEC_NILAI, "before the first"),
	BAD(ID, ",5", DEC_NILAI, "before the decimal comma"),
	BAD(ID, "5,", DEC_NILAI, "after the decimal comma"),
	BAD(ID, "1,2,3", DEC_NILAI, "more than one"),
	BAD(ID, ".5", DEC_NILAI, "before the dot"),
	BAD(ID, "5.", DEC_NILAI, "after the dot"),
	BAD(ID, ".500,5", DEC_NILAI, "before the first dot"),
	BAD(ID, "1.000.", DEC_NILAI, "after the last dot"),
	BAD(ID, "12a", DEC_NILAI, "not a number"),
	BAD(ID, "abc", DEC_NILAI, "not a number"),
	BAD(ID, "1 234", DEC_NILAI, "space"),
	BAD(ID, "5-", DEC_NILAI, "sign"),
	BAD(ID, "--5", DEC_NILAI, "sign"),
	BAD(ID, "+5", DEC_NILAI, "sign"),
	BAD(ID, "", DEC_NILAI, "empty"),
	BAD(ID, " \t ", DEC_NILAI, "empty"),
	BAD(ID, "-", DEC_NILAI, "empty"),
	BAD(ID, NULL, DEC_NILAI, "empty"),
	BAD(ID_RP, "Rp", DEC_UANG, "empty"),
	BAD(ID_RP, "-Rp -5", DEC_UANG, "sign"),
	BAD(ID, "1,23456", DEC_NILAI, "at most 4"),
	BAD(ID, "1,234", DEC_UANG, "at most 2"),
	BAD(ID, "0.2500", DEC_UANG, "at most 2"),
	BAD(ID_RP, "Rp 1,005", DEC_UANG, "at most 2"),
	BAD(ID, "99.999.999.999.999.999.999", DEC_UANG, "too large"),
	BAD(ID, "92.233.720.368.547.758,08", DEC_UANG, "too large"),
	BAD(ID, "99999999999999999999", DEC_UANG, "too large"),
};

START_TEST(test_parse)
{
	/* given */
	const struct parse_case *c = &parse_cases[_i];
	int64_t out = SENTINEL;
	const char *why = NULL;
	int rc;

	/* when */
	if (c->form == MACHINE)
		rc = dec_parse_machine(c->in, c->scale, &out, &why);
	else
		rc = dec_parse_id(c->in, c->scale, c->form == ID_RP, &out, &why);

	/* then */
	if (c->ok) {
		ck_assert_msg(rc == 0, "\"%s\": unexpected failure: %s",
		    c->in, why ? why : "(null)");
		ck_assert_msg(out == c->want, "\"%s\": got %" PRId64
		    ", want %" PRId64, c->in, out, c->want);
	} else {
		ck_assert_msg(rc == EX_DATAERR, "\"%s\": rc %d, want EX_DATAERR"
		    " (out %" PRId64 ")", c->in ? c->in : "(null)", rc, out);
		ck_assert_msg(why != NULL, "\"%s\": no reason", c->in);
		ck_assert_msg(strstr(why, c->why) != NULL,
		    "\"%s\": reason \"%s\" lacks \"%s\"", c->in, why, c->why);
		ck_assert_msg(out == SENTINEL, "\"%s\": out changed on error",
		    c->in);
	}
}
END_TEST

/* The reasons differ per cause: a user learns what to fix. */
START_TEST(test_parse_reasons_distinct)
{
	static const char *const bad[] = {
		"1.2.3,4", "12,345.6", "1..2", "1234.567", ",5", "5,",
		"1,2,3", "abc", "1,23456", "99999999999999999999", "",
	};
	const char *why[LK_NELEM(bad)];
	int64_t v;

	for (size_t i = 0; i < LK_NELEM(bad); i++) {
		why[i] = NULL;
		ck_assert_int_eq(dec_parse_id(bad[i], DEC_NILAI, 0, &v,
		    &why[i]), EX_DATAERR);
		for (size_t j = 0; j < i; j++)
			ck_assert_msg(strcmp(why[i], why[j]) != 0,
			    "\"%s\" and \"%s\" share the reason \"%s\"",
			    bad[i], bad[j], why[i]);
	}
}
END_TEST

enum fmt { F_NILAI, F_UANG, F_PERSEN, F_MACHINE, F_ID };

struct format_case {
	enum fmt f;
	int64_t v;
	int scale, min_frac, max_frac;  /* F_MACHINE: scale; F_ID: all */
	const char *want;
};

static const struct format_case format_cases[] = {
	{ F_NILAI, 2000000, 0, 0, 0, "200" },
	{ F_NILAI, 785000, 0, 0, 0, "78,50" },
	{ F_NILAI, 65000, 0, 0, 0, "6,50" },
	{ F_NILAI, 1234, 0, 0, 0, "0,1234" },
	{ F_NILAI, 1000, 0, 0, 0, "0,10" },
	{ F_NILAI, 10001230, 0, 0, 0, "1.000,123" },
	{ F_NILAI, 12345671000, 0, 0, 0, "1.234.567,10" },
	{ F_NILAI, 0, 0, 0, 0, "0" },
	{ F_NILAI, -785000, 0, 0, 0, "-78,50" },
	{ F_NILAI, -1, 0, 0, 0, "-0,0001" },
	{ F_NILAI, INT64_MAX, 0, 0, 0, "922.337.203.685.477,5807" },
	{ F_NILAI, INT64_MIN, 0, 0, 0, "-922.337.203.685.477,5808" },
	{ F_UANG, 1139325490900, 0, 0, 0, "11.393.254.909" },
	{ F_UANG, 1139325490950, 0, 0, 0, "11.393.254.909,50" },
	{ F_UANG, 1139325490905, 0, 0, 0, "11.393.254.909,05" },
	{ F_UANG, 5, 0, 0, 0, "0,05" },
	{ F_UANG, -100, 0, 0, 0, "-1" },
	{ F_UANG, 100000, 0, 0, 0, "1.000" },
	{ F_UANG, 99900, 0, 0, 0, "999" },
	{ F_UANG, INT64_MAX, 0, 0, 0, "92.233.720.368.547.758,07" },
	{ F_UANG, INT64_MIN, 0, 0, 0, "-92.233.720.368.547.758,08" },
	{ F_PERSEN, 10102, 0, 0, 0, "101,02" },
	{ F_PERSEN, 0, 0, 0, 0, "0,00" },
	{ F_PERSEN, -1250, 0, 0, 0, "-12,50" },
	{ F_PERSEN, 5, 0, 0, 0, "0,05" },
	{ F_PERSEN, 1000000, 0, 0, 0, "10.000,00" },
	{ F_MACHINE, 785000, 4, 0, 0, "78.5" },
	{ F_MACHINE, 2000000, 4, 0, 0, "200" },
	{ F_MACHINE, 1139325490950, 2, 0, 0, "11393254909.5" },
	{ F_MACHINE, 1139325490900, 2, 0, 0, "11393254909" },
	{ F_MACHINE, -1, 4, 0, 0, "-0.0001" },
	{ F_MACHINE, 0, 2, 0, 0, "0" },
	{ F_MACHINE, 12345678, 4, 0, 0, "1234.5678" },
	{ F_MACHINE, INT64_MAX, 4, 0, 0, "922337203685477.5807" },
	{ F_MACHINE, INT64_MIN, 4, 0, 0, "-922337203685477.5808" },
	{ F_MACHINE, INT64_MAX, 0, 0, 0, "9223372036854775807" },
	{ F_MACHINE, INT64_MIN, 0, 0, 0, "-9223372036854775808" },
	{ F_MACHINE, INT64_MIN, 18, 0, 0, "-9.223372036854775808" },
	{ F_ID, 785000, 4, 0, 4, "78,5" },
	{ F_ID, 785000, 4, 3, 4, "78,500" },
	{ F_ID, 0, 4, 4, 4, "0,0000" },
	{ F_ID, 1234, 4, 0, 2, "0,12" },
	{ F_ID, 1250, 4, 0, 2, "0,13" },       /* half away from zero */
	{ F_ID, -1250, 4, 0, 2, "-0,13" },
	{ F_ID, 1249, 4, 0, 2, "0,12" },
	{ F_ID, 15, 2, 0, 1, "0,2" },
	{ F_ID, -15, 2, 0, 1, "-0,2" },
	{ F_ID, -4, 2, 0, 1, "0" },            /* no "-0" */
	{ F_ID, 9995, 2, 1, 1, "100,0" },      /* carry into the integer */
	{ F_ID, 99999950, 2, 0, 0, "1.000.000" },
	{ F_ID, INT64_MAX, 4, 0, 0, "922.337.203.685.478" },
	{ F_ID, INT64_MIN, 4, 0, 0, "-922.337.203.685.478" },
	{ F_ID, INT64_MIN, 18, 0, 2, "-9,22" },
};

START_TEST(test_format)
{
	/* given */
	const struct format_case *c = &format_cases[_i];
	char buf[DEC_BUFSZ];
	char *got = NULL;

	memset(buf, 'x', sizeof buf);
	/* when */
	switch (c->f) {
	case F_NILAI:
		got = dec_format_nilai(c->v, buf);
		break;
	case F_UANG:
		got = dec_format_uang(c->v, buf);
		break;
	case F_PERSEN:
		got = dec_format_persen(c->v, buf);
		break;
	case F_MACHINE:
		got = dec_format_machine(c->v, c->scale, buf);
		break;
	case F_ID:
		got = dec_format_id(c->v, c->scale, c->min_frac, c->max_frac,
		    buf);
		break;
	}
	/* then */
	ck_assert_ptr_eq(got, buf);
	ck_assert_msg(strcmp(buf, c->want) == 0, "%" PRId64 " (case %d): "
	    "got \"%s\", want \"%s\"", c->v, _i, buf, c->want);
}
END_TEST

static const int64_t roundtrip_values[] = {
	0, 1, -1, 9, 10, -10, 99, 100, 999, 1000, 1001, 785000, -785000,
	12345678, -12345678, 1139325490950, 100000000000000,
	123456789012345678, -123456789012345678, INT64_MAX, INT64_MAX - 1,
	INT64_MIN, INT64_MIN + 1,
};
static const int roundtrip_scales[] = { 0, DEC_UANG, 3, DEC_NILAI };

START_TEST(test_roundtrip)
{
	/* given: one value, every scale */
	int64_t v = roundtrip_values[_i];

	for (size_t k = 0; k < LK_NELEM(roundtrip_scales); k++) {
		int scale = roundtrip_scales[k];
		char buf[DEC_BUFSZ];
		const char *why = NULL;
		int64_t back = SENTINEL;

		/* when/then: machine form */
		dec_format_machine(v, scale, buf);
		ck_assert_msg(dec_parse_machine(buf, scale, &back, &why) == 0,
		    "\"%s\": %s", buf, why);
		ck_assert_msg(back == v, "machine \"%s\" scale %d: %" PRId64
		    " != %" PRId64, buf, scale, back, v);

		/* when/then: Indonesian form with every decimal */
		back = SENTINEL;
		dec_format_id(v, scale, scale, scale, buf);
		ck_assert_msg(dec_parse_id(buf, scale, 0, &back, &why) == 0,
		    "\"%s\": %s", buf, why);
		ck_assert_msg(back == v, "id \"%s\" scale %d: %" PRId64
		    " != %" PRId64, buf, scale, back, v);

		/* when/then: Indonesian form, trailing zeros dropped */
		back = SENTINEL;
		dec_format_id(v, scale, 0, scale, buf);
		ck_assert_msg(dec_parse_id(buf, scale, 0, &back, &why) == 0,
		    "\"%s\": %s", buf, why);
		ck_assert_msg(back == v, "short id \"%s\" scale %d: %" PRId64
		    " != %" PRId64, buf, scale, back, v);
	}
}
END_TEST

struct arith_case {
	bool muldiv;
	int64_t a, m, d;        /* add: a + m */
	int rc;
	int64_t want;
};

static const struct arith_case arith_cases[] = {
	{ false, 1, 2, 0, 0, 3 },
	{ false, INT64_MAX, INT64_MIN, 0, 0, -1 },
	{ false, INT64_MAX, 1, 0, EX_DATAERR, 0 },
	{ false, INT64_MIN, -1, 0, EX_DATAERR, 0 },
	{ false, INT64_MAX - 5, 5, 0, 0, INT64_MAX },
	{ true, 7, 1, 2, 0, 4 },                /* 3,5 -> 4 */
	{ true, -7, 1, 2, 0, -4 },              /* -3,5 -> -4 */
	{ true, 7, -1, 2, 0, -4 },
	{ true, 7, 1, -2, 0, -4 },
	{ true, -7, -1, -2, 0, -4 },
	{ true, -7, -1, 2, 0, 4 },
	{ true, 5, 1, 3, 0, 2 },                /* 1,67 -> 2 */
	{ true, 4, 1, 3, 0, 1 },                /* 1,33 -> 1 */
	{ true, -1, 1, 3, 0, 0 },
	{ true, 793000, 10000, 785000, 0, 10102 },
	{ true, INT64_MAX, 2, 2, 0, INT64_MAX },        /* 128-bit middle */
	{ true, INT64_MAX, INT64_MAX, INT64_MAX, 0, INT64_MAX },
	{ true, INT64_MIN, 1, 1, 0, INT64_MIN },
	{ true, INT64_MIN, -1, -1, 0, INT64_MIN },
	{ true, INT64_MIN, INT64_MIN, INT64_MIN, 0, INT64_MIN },
	{ true, INT64_MAX, 2, 1, EX_DATAERR, 0 },
	{ true, INT64_MIN, -1, 1, EX_DATAERR, 0 },
	{ true, INT64_MIN, 1, -1, EX_DATAERR, 0 },
	{ true, 1, 1, 0, EX_DATAERR, 0 },
	{ true, 0, 5, 0, EX_DATAERR, 0 },
};

START_TEST(test_arith)
{
	const struct arith_case *c = &arith_cases[_i];
	int64_t out = SENTINEL;
	int rc;

	if (c->muldiv)
		rc = dec_muldiv(c->a, c->m, c->d, &out);
	else
		rc = dec_add(c->a, c->m, &out);
	ck_assert_msg(rc == c->rc, "case %d: rc %d, want %d", _i, rc, c->rc);
	if (c->rc == 0)
		ck_assert_msg(out == c->want, "case %d: %" PRId64 " != %"
		    PRId64, _i, out, c->want);
	else
		ck_assert_msg(out == SENTINEL, "case %d: out changed", _i);
}
END_TEST

/*
 * dec_muldiv at the edges of its 128-bit intermediate: products near and
 * beyond 2^63 and 2^64, negative operands in every position, ties that
 * round away from zero, and results that overflow by rounding alone.
 * The expected values were computed with unbounded integers.
 */
#define P2(k) ((int64_t)1 << (k))
#define E17 INT64_C(100000000000000000)
#define E18 INT64_C(1000000000000000000)

struct muldiv_case {
	const char *what;
	int64_t a, m, d;
	int rc;
	int64_t want;
};

static const struct muldiv_case muldiv_cases[] = {
	{ "(max^2)/(max-1) = 2^63 + e: too large",
	  INT64_MAX, INT64_MAX, INT64_MAX - 1, EX_DATAERR, 0 },
	{ "-(max^2)/(max-1) rounds to INT64_MIN",
	  -INT64_MAX, INT64_MAX, INT64_MAX - 1, 0, INT64_MIN },
	{ "same, sign from the divisor",
	  INT64_MAX, INT64_MAX, INT64_MIN + 2, 0, INT64_MIN },
	{ "same, both negative: too large",
	  INT64_MAX, -INT64_MAX, INT64_MIN + 2, EX_DATAERR, 0 },
	{ "max/2: tie, up",
	  INT64_MAX, 1, 2, 0, P2(62) },
	{ "-max/2: tie, away from zero",
	  -INT64_MAX, 1, 2, 0, -P2(62) },
	{ "max*-1/-2",
	  INT64_MAX, -1, -2, 0, P2(62) },
	{ "min/2 exact",
	  INT64_MIN, 1, 2, 0, -P2(62) },
	{ "min/-2 exact",
	  INT64_MIN, 1, -2, 0, P2(62) },
	{ "min*3/6 exact",
	  INT64_MIN, 3, 6, 0, -P2(62) },
	{ "(2^64-1)/2 = 2^63 - 1/2: up, too large",
	  P2(32) + 1, P2(32) - 1, 2, EX_DATAERR, 0 },
	{ "-(2^64-1)/2: away from zero, INT64_MIN",
	  -4294967297, P2(32) - 1, 2, 0, INT64_MIN },
	{ "(2^64-1)/2, signs on m and d",
	  P2(32) + 1, -4294967295, -2, EX_DATAERR, 0 },
	{ "max*3/3",
	  INT64_MAX, 3, 3, 0, INT64_MAX },
	{ "max*2/3 rounds up",
	  INT64_MAX, 2, 3, 0, 6148914691236517205 },
	{ "-max*2/3",
	  -INT64_MAX, 2, 3, 0, -6148914691236517205 },
	{ "max*3/2 too large",
	  INT64_MAX, 3, 2, EX_DATAERR, 0 },
	{ "-max*3/2 too large",
	  -INT64_MAX, 3, 2, EX_DATAERR, 0 },
	{ "max^2/min just below half",
	  INT64_MAX, INT64_MAX, INT64_MIN, 0, INT64_MIN + 2 },
	{ "-max^2/min",
	  -INT64_MAX, INT64_MAX, INT64_MIN, 0, INT64_MAX - 1 },
	{ "max^2 too large",
	  INT64_MAX, INT64_MAX, 1, EX_DATAERR, 0 },
	{ "max^2/2 too large",
	  INT64_MAX, INT64_MAX, 2, EX_DATAERR, 0 },
	{ "min^2 too large",
	  INT64_MIN, INT64_MIN, 1, EX_DATAERR, 0 },
	{ "min^2/max = 2^63 + 1.0..: too large",
	  INT64_MIN, INT64_MIN, INT64_MAX, EX_DATAERR, 0 },
	{ "min*max/max",
	  INT64_MIN, INT64_MAX, INT64_MAX, 0, INT64_MIN },
	{ "min*max/min",
	  INT64_MIN, INT64_MAX, INT64_MIN, 0, INT64_MAX },
	{ "min^2/-max too large",
	  INT64_MIN, INT64_MIN, -INT64_MAX, EX_DATAERR, 0 },
	{ "min*max/-max = 2^63 too large",
	  INT64_MIN, INT64_MAX, -INT64_MAX, EX_DATAERR, 0 },
	{ "2^32*2^31 = 2^63 too large",
	  P2(32), P2(31), 1, EX_DATAERR, 0 },
	{ "-2^32*2^31 = INT64_MIN",
	  -P2(32), P2(31), 1, 0, INT64_MIN },
	{ "2^32*-2^31/-1 too large",
	  P2(32), -P2(31), -1, EX_DATAERR, 0 },
	{ "2^32*(2^31-1) fits",
	  P2(32), P2(31) - 1, 1, 0, 9223372032559808512 },
	{ "zero over negative",
	  0, INT64_MAX, -5, 0, 0 },
	{ "zero times min",
	  0, INT64_MIN, 1, 0, 0 },
	{ "0/0",
	  0, 0, 0, EX_DATAERR, 0 },
	{ "-5/2 = -2,5 -> -3",
	  -5, 1, 2, 0, -3 },
	{ "5*-1/2 -> -3",
	  5, -1, 2, 0, -3 },
	{ "-5*-1/-2 -> -3",
	  -5, -1, -2, 0, -3 },
	{ "-4/3 -> -1",
	  -4, 1, 3, 0, -1 },
	{ "-5/3 -> -2",
	  -5, 1, 3, 0, -2 },
	{ "(2^65-1)/2: quotient 2^64-1 rounds to 2^64",
	  31, 1190112520884487201, 2, EX_DATAERR, 0 },
	{ "-(2^65-1)/2",
	  -31, 1190112520884487201, 2, EX_DATAERR, 0 },
	{ "(2^65-1)/-2",
	  31, 1190112520884487201, -2, EX_DATAERR, 0 },
	{ "(2^65-1)/3 too large",
	  31, 1190112520884487201, 3, EX_DATAERR, 0 },
	{ "(2^65-1)/4 too large",
	  31, 1190112520884487201, 4, EX_DATAERR, 0 },
	{ "tie with a wide numerator",
	  3 * P2(61), P2(62) + 1, P2(62), 0, (3 * P2(61) + 2) },
	{ "tie with a wide numerator, negative",
	  -3 * P2(61), P2(62) + 1, P2(62), 0, -(3 * P2(61) + 2) },
	{ "tie with a wide numerator, negative divisor",
	  3 * P2(61), P2(62) + 1, -P2(62), 0, -(3 * P2(61) + 2) },
	{ "wide numerator, exact",
	  3 * P2(61), P2(62) + 1, P2(62) + 1, 0, 3 * P2(61) },
	{ "wide numerator, rounds up",
	  3 * P2(61), P2(62) + 1, P2(62) - 1, 0, (3 * P2(61) + 3) },
	{ "max*(max-1)/max",
	  INT64_MAX, INT64_MAX - 1, INT64_MAX, 0, INT64_MAX - 1 },
	{ "wide, odd divisor",
	  INT64_MAX, 1234567890123456789, INT64_MAX - 7,
	  0, 1234567890123456790 },
	{ "wide, odd divisor, negative",
	  -INT64_MAX, 1234567890123456789, INT64_MAX - 7,
	  0, -1234567890123456790 },
	{ "wide by a large prime-ish",
	  1234567890123456789, 987654321987654321, 1000000000000000007,
	  0, 1219326312467611624 },
	{ "same, negative",
	  -1234567890123456789, 987654321987654321, 1000000000000000007,
	  0, -1219326312467611624 },
	{ "wide by 137 too large",
	  1234567890123456789, 987654321987654321, 137, EX_DATAERR, 0 },
	{ "nilai max * 10^4 / 3",
	  922337203685477, 10000, 3, 0, 3074457345618256667 },
	{ "-nilai max * 10^4 / 3",
	  -922337203685477, 10000, 3, 0, -3074457345618256667 },
	{ "2^62*4/2 = 2^63 too large",
	  P2(62), 4, 2, EX_DATAERR, 0 },
	{ "2^62*4/3",
	  P2(62), 4, 3, 0, 6148914691236517205 },
	{ "-2^62*2 = INT64_MIN",
	  -P2(62), 2, 1, 0, INT64_MIN },
	{ "2^62*-2 = INT64_MIN",
	  P2(62), -2, 1, 0, INT64_MIN },
	{ "2^62*2 too large",
	  P2(62), 2, 1, EX_DATAERR, 0 },
	{ "10^36/10^17 too large",
	  E18, E18, E17, EX_DATAERR, 0 },
	{ "10^36/(10^18+1)",
	  E18, E18, E18 + 1, 0, E18 - 1 },
	{ "9*10^17",
	  E18, 9, 10, 0, 9 * E17 },
	{ "-9*10^17",
	  -E18, 9, 10, 0, -9 * E17 },
	{ "floor(sqrt(max))^2",
	  3037000499, 3037000499, 1, 0, 9223372030926249001 },
	{ "ceil(sqrt(max))^2 too large",
	  3037000500, 3037000500, 1, EX_DATAERR, 0 },
	{ "-ceil(sqrt(max))^2 too large",
	  -3037000500, 3037000500, 1, EX_DATAERR, 0 },
	{ "ceil(sqrt(max))^2/-1 too large",
	  3037000500, 3037000500, -1, EX_DATAERR, 0 },
};

START_TEST(test_muldiv_wide)
{
	/* given */
	const struct muldiv_case *c = &muldiv_cases[_i];
	int64_t out = SENTINEL;
	int rc;

	/* when */
	rc = dec_muldiv(c->a, c->m, c->d, &out);

	/* then */
	ck_assert_msg(rc == c->rc, "%s: rc %d, want %d", c->what, rc, c->rc);
	if (c->rc == 0)
		ck_assert_msg(out == c->want, "%s: %" PRId64 ", want %" PRId64,
		    c->what, out, c->want);
	else
		ck_assert_msg(out == SENTINEL, "%s: out changed on error",
		    c->what);
}
END_TEST

/* Operands for the cross checks below: every sign, both ends, odd and
 * even, and the 32-bit limb boundaries. */
static const int64_t muldiv_values[] = {
	0, 1, -1, 2, -2, 3, -3, 7, -7, 10000, -10000, 65535, 65536,
	P2(31) - 1, P2(31), -P2(31), P2(32) - 1, P2(32), P2(32) + 1, -P2(32),
	3037000499, 3037000500, -3037000500, 785000, 1139325490900,
	-458793884400, 922337203685477, E17, E18, -E18, P2(62), -P2(62),
	3 * P2(61), INT64_MAX / 3, INT64_MAX - 1, INT64_MAX, INT64_MIN + 1,
	INT64_MIN,
};

/* round(p / d) half away from zero for a product p that fits 64 bits. */
static int64_t
narrow_round(int64_t p, int64_t d)
{
	int64_t q = p / d, r = p % d;
	uint64_t ur = r < 0 ? 0 - (uint64_t)r : (uint64_t)r;
	uint64_t ud = d < 0 ? 0 - (uint64_t)d : (uint64_t)d;

	if (ur >= ud - ur)
		q += (p < 0) == (d < 0) ? 1 : -1;
	return q;
}

/* a * m / d commutes, a negated operand negates the result, and where
 * a * m fits 64 bits the result agrees with plain 64-bit division. */
static void
cross_check(int64_t a, int64_t m, int64_t d)
{
	int64_t v = SENTINEL, w = SENTINEL, p;
	int rc, rc2;

	rc = dec_muldiv(a, m, d, &v);
	rc2 = dec_muldiv(m, a, d, &w);
	ck_assert_msg(rc == rc2 && v == w, "%" PRId64 " * %" PRId64 " / %"
	    PRId64 ": not commutative", a, m, d);
	ck_assert_msg(rc == 0 || rc == EX_DATAERR, "rc %d", rc);
	if (d == 0) {
		ck_assert_int_eq(rc, EX_DATAERR);
		return;
	}
	if (rc == 0 && v != INT64_MIN && a != INT64_MIN) {
		w = SENTINEL;
		ck_assert_int_eq(dec_muldiv(-a, m, d, &w), 0);
		ck_assert_msg(w == -v, "-%" PRId64 " * %" PRId64 " / %" PRId64
		    ": %" PRId64 ", want %" PRId64, a, m, d, w, -v);
	}
	if (rc == 0 && v != INT64_MIN && d != INT64_MIN) {
		w = SENTINEL;
		ck_assert_int_eq(dec_muldiv(a, m, -d, &w), 0);
		ck_assert_int_eq(w, -v);
	}
	if (__builtin_mul_overflow(a, m, &p))
		return;
	if (p == INT64_MIN && d == -1) {
		ck_assert_int_eq(rc, EX_DATAERR);
		return;
	}
	ck_assert_msg(rc == 0, "%" PRId64 " * %" PRId64 " / %" PRId64
	    ": rc %d", a, m, d, rc);
	ck_assert_msg(v == narrow_round(p, d), "%" PRId64 " * %" PRId64 " / %"
	    PRId64 ": %" PRId64 ", want %" PRId64, a, m, d, v,
	    narrow_round(p, d));
}

/* One a, every m and d. */
START_TEST(test_muldiv_cross)
{
	for (size_t j = 0; j < LK_NELEM(muldiv_values); j++)
		for (size_t k = 0; k < LK_NELEM(muldiv_values); k++)
			cross_check(muldiv_values[_i], muldiv_values[j],
			    muldiv_values[k]);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("dec");
	TCase *tc;

	tc = tcase_create("parse");
	tcase_add_loop_test(tc, test_parse, 0, (int)LK_NELEM(parse_cases));
	tcase_add_test(tc, test_parse_reasons_distinct);
	suite_add_tcase(s, tc);

	tc = tcase_create("format");
	tcase_add_loop_test(tc, test_format, 0, (int)LK_NELEM(format_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("roundtrip");
	tcase_add_loop_test(tc, test_roundtrip, 0,
	    (int)LK_NELEM(roundtrip_values));
	suite_add_tcase(s, tc);

	tc = tcase_create("arith");
	tcase_add_loop_test(tc, test_arith, 0, (int)LK_NELEM(arith_cases));
	tcase_add_loop_test(tc, test_muldiv_wide, 0,
	    (int)LK_NELEM(muldiv_cases));
	tcase_add_loop_test(tc, test_muldiv_cross, 0,
	    (int)LK_NELEM(muldiv_values));
	suite_add_tcase(s, tc);
	return s;
}
