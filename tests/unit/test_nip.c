/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_nip.c - the 18-digit civil-servant number. */
#include "config.h"
#include "lktest.h"

#include <string.h>
#include <sysexits.h>

#include "core/nip.h"

struct nip_case {
	const char *in;
	const char *want;       /* normalised, or NULL when invalid */
	const char *why;        /* part of the reason when invalid */
};

static const struct nip_case nip_cases[] = {
	/* valid */
	{ "196610221993081001", "196610221993081001", NULL },
	{ "19661022 199308 1 001", "196610221993081001", NULL },
	{ "  19661022199308 1001  ", "196610221993081001", NULL },
	{ "1 9 6 6 1 0 2 2 1 9 9 3 0 8 1 0 0 1", "196610221993081001", NULL },
	{ "200002292020012999", "200002292020012999", NULL },  /* 29 Feb 2000 */
	{ "190001011901121001", "190001011901121001", NULL },
	{ "209812312099122001", "209812312099122001", NULL },
	/* length and characters */
	{ "", NULL, "empty" },
	{ "   ", NULL, "empty" },
	{ NULL, NULL, "empty" },
	{ "1966102219930810", NULL, "fewer than 18" },
	{ "19661022199308100", NULL, "fewer than 18" },
	{ "1966102219930810011", NULL, "more than 18" },
	{ "19661022-199308-1-001", NULL, "only digits" },
	{ "19661022\t199308 1 001", NULL, "only digits" },
	{ "19661022 199308 1 00I", NULL, "only digits" },
	/* birth date */
	{ "189912311920011001", NULL, "birth year" },
	{ "210001012120011001", NULL, "birth year" },
	{ "196613221993081001", NULL, "not a real date" },
	{ "196600221993081001", NULL, "not a real date" },
	{ "196610001993081001", NULL, "not a real date" },
	{ "196602301993081001", NULL, "not a real date" },
	{ "196604311993081001", NULL, "not a real date" },
	{ "190002291930011001", NULL, "not a real date" },  /* 1900 not leap */
	/* appointment */
	{ "196610221993131001", NULL, "appointment month" },
	{ "196610221993001001", NULL, "appointment month" },
	{ "196610221966081001", NULL, "after the birth year" },
	{ "196610221950081001", NULL, "after the birth year" },
	{ "199010222100011001", NULL, "after 2099" },
	/* sex digit and sequence */
	{ "196610221993083001", NULL, "sex digit" },
	{ "196610221993080001", NULL, "sex digit" },
	{ "196610221993081000", NULL, "cannot be 000" },
	{ "196610221993082000", NULL, "cannot be 000" },
};

START_TEST(test_normalize)
{
	/* given */
	const struct nip_case *c = &nip_cases[_i];
	char out[NIP_LEN + 1];
	const char *why = NULL;
	int rc;

	memset(out, 'x', sizeof out);
	/* when */
	rc = nip_normalize(c->in, out, &why);
	/* then */
	if (c->want != NULL) {
		ck_assert_msg(rc == 0, "\"%s\": %s", c->in, why ? why : "");
		ck_assert_str_eq(out, c->want);
	} else {
		ck_assert_msg(rc == EX_DATAERR, "\"%s\": rc %d", c->in, rc);
		ck_assert_ptr_nonnull(why);
		ck_assert_msg(strstr(why, c->why) != NULL,
		    "\"%s\": reason \"%s\" lacks \"%s\"", c->in, why, c->why);
		ck_assert_msg(out[0] == 'x', "\"%s\": out written on error",
		    c->in);
	}
}
END_TEST

START_TEST(test_format)
{
	static const struct {
		const char *nip, *want;
	} cases[] = {
		{ "196610221993081001", "19661022 199308 1 001" },
		{ "200002292020012999", "20000229 202001 2 999" },
	};

	for (size_t i = 0; i < LK_NELEM(cases); i++) {
		char out[NIP_FMT_LEN + 1], back[NIP_LEN + 1];
		const char *why = NULL;

		memset(out, 'x', sizeof out);
		ck_assert_ptr_eq(nip_format(cases[i].nip, out), out);
		ck_assert_str_eq(out, cases[i].want);
		ck_assert_uint_eq(strlen(out), NIP_FMT_LEN);
		/* printed form normalises back to the digits */
		ck_assert_int_eq(nip_normalize(out, back, &why), 0);
		ck_assert_str_eq(back, cases[i].nip);
	}
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("nip");
	TCase *tc = tcase_create("nip");

	tcase_add_loop_test(tc, test_normalize, 0, (int)LK_NELEM(nip_cases));
	tcase_add_test(tc, test_format);
	suite_add_tcase(s, tc);
	return s;
}
