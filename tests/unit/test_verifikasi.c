/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_verifikasi.c - the QR payload of a signed report: both forms made
 * and read back, and every malformed code refused with its reason. */
#include "config.h"
#include "lktest.h"

#include <string.h>

#include "core/verifikasi.h"

#define SHA "1c503a19f4d2a2cee8e7fe1f6a3054f42c542d2439d6f2e806a97d2ceb26a70f"
#define SHA_UP "1C503A19F4D2A2CEE8E7FE1F6A3054F42C542D2439D6F2E806A97D2CEB26A70F"
#define BASE "https://sakip.kalteng.go.id/verifikasi"
#define Q "?instansi=kesbangpol-kalteng&tahun=2023&triwulan=2"

/* verif_payload: the exact bytes of each form. */
struct make_case {
	const char *base;
	int tw, versi;
	const char *want;
};

static const struct make_case makes[] = {
	{ BASE, 2, 1, BASE Q "&versi=1&sha256=" SHA },
	{ BASE, 2, 2, BASE Q "&versi=2&sha256=" SHA "&menggantikan=1" },
	/* a base with its own query: ours follow with '&' */
	{ BASE "?lang=id", 2, 1, BASE "?lang=id&instansi=kesbangpol-kalteng"
	  "&tahun=2023&triwulan=2&versi=1&sha256=" SHA },
	{ NULL, 3, 1, "LAKIP kesbangpol-kalteng\nperiode: 2023 TW III\nversi: 1\n"
	  "sha256-isi: " SHA "\nperiksa: lakip verify" },
	{ "", 4, 3, "LAKIP kesbangpol-kalteng\nperiode: 2023 TW IV\nversi: 3\n"
	  "menggantikan: versi 2\nsha256-isi: " SHA "\nperiksa: lakip verify" },
};

/* The agreement of a year: dokumen=pk first, no quarter; its text form
 * names it and its year. */
START_TEST(test_make_pk)
{
	arena a;
	verif_isi q;
	const char *why;
	char *s;

	memset(&a, 0, sizeof a);
	s = verif_payload_dok(&a, VD_PK, BASE, "uji-tahunan", 2023, 0, 2, SHA);
	ck_assert_str_eq(s, BASE "?dokumen=pk&instansi=uji-tahunan&tahun=2023"
	    "&versi=2&sha256=" SHA "&menggantikan=1");
	ck_assert_int_eq(verif_parse(s, strlen(s), &q, &why), 0);
	ck_assert_int_eq(q.dokumen, VD_PK);
	ck_assert_int_eq(q.tahun, 2023);
	ck_assert_int_eq(q.tw, 0);
	ck_assert_int_eq(q.menggantikan, 1);
	s = verif_payload_dok(&a, VD_PK, NULL, "uji-tahunan", 2023, 0, 1, SHA);
	ck_assert_str_eq(s, "PERJANJIAN KINERJA uji-tahunan\ntahun: 2023\n"
	    "versi: 1\nsha256-isi: " SHA "\nperiksa: lakip verify");
	ck_assert_int_eq(verif_parse(s, strlen(s), &q, &why), 0);
	ck_assert_int_eq(q.dokumen, VD_PK);
	ck_assert_str_eq(q.instansi, "uji-tahunan");
	ck_assert(!q.url);
	/* refused: a quarter on an agreement, a report's period line on it,
	 * an agreement's year line on a report, an unknown kind */
	s = BASE "?dokumen=pk&instansi=k&tahun=2023&triwulan=2&versi=1&sha256=" SHA;
	ck_assert_int_eq(verif_parse(s, strlen(s), &q, &why), -1);
	ck_assert_str_eq(why, "an agreement is of a year, not of a quarter");
	s = "PERJANJIAN KINERJA k\nperiode: 2023 TW I\nversi: 1\nsha256-isi: " SHA;
	ck_assert_int_eq(verif_parse(s, strlen(s), &q, &why), -1);
	ck_assert_str_eq(why, "an unknown line");
	s = "LAKIP k\ntahun: 2023\nversi: 1\nsha256-isi: " SHA;
	ck_assert_int_eq(verif_parse(s, strlen(s), &q, &why), -1);
	ck_assert_str_eq(why, "an unknown line");
	s = BASE "?dokumen=rkt&instansi=k&tahun=2023&versi=1&sha256=" SHA;
	ck_assert_int_eq(verif_parse(s, strlen(s), &q, &why), -1);
	ck_assert_str_eq(why, "an unknown kind of document");
	s = "PERJANJIAN KINERJA k\ntahun: dua\nversi: 1\nsha256-isi: " SHA;
	ck_assert_int_eq(verif_parse(s, strlen(s), &q, &why), -1);
	ck_assert_str_eq(why, "the year is not a number");
	arena_free(&a);
}
END_TEST

/* The year's LKjIP: dokumen=lkjip, no quarter; text form "LKJIP K",
 * "tahun: Y".  Made, read back, and refused where malformed. */
struct lkjip_case {
	const char *in;         /* NULL: made with base, versi */
	const char *base;
	int versi;
	const char *want;       /* the payload made, or the reason refused */
};

static const struct lkjip_case lkjips[] = {
	{ NULL, BASE, 1, BASE "?dokumen=lkjip&instansi=uji-tahunan&tahun=2023"
	  "&versi=1&sha256=" SHA },
	{ NULL, BASE "?lang=id", 3, BASE "?lang=id&dokumen=lkjip"
	  "&instansi=uji-tahunan&tahun=2023&versi=3&sha256=" SHA
	  "&menggantikan=2" },
	{ NULL, NULL, 1, "LKJIP uji-tahunan\ntahun: 2023\nversi: 1\n"
	  "sha256-isi: " SHA "\nperiksa: lakip verify" },
	{ NULL, "", 2, "LKJIP uji-tahunan\ntahun: 2023\nversi: 2\n"
	  "menggantikan: versi 1\nsha256-isi: " SHA "\nperiksa: lakip verify" },
	{ BASE "?dokumen=lkjip&instansi=k&tahun=2023&triwulan=4&versi=1"
	  "&sha256=" SHA, NULL, 0, "an LKjIP is of a year, not of a quarter" },
	{ "LKJIP k\nperiode: 2023 TW IV\nversi: 1\nsha256-isi: " SHA, NULL, 0,
	  "an unknown line" },
	{ "LKJIP k\ntahun: 2023\nsha256-isi: " SHA, NULL, 0, "no version" },
	{ "LKJIP k\ntahun: 2023\nversi: 1", NULL, 0, "no content hash" },
	{ "LKJIP \ntahun: 2023\nversi: 1\nsha256-isi: " SHA, NULL, 0,
	  "not a lakip verification code" },
	{ BASE "?dokumen=LKJIP&instansi=k&tahun=2023&versi=1&sha256=" SHA, NULL,
	  0, "an unknown kind of document" },
};

START_TEST(test_make_lkjip)
{
	const struct lkjip_case *c = &lkjips[_i];
	arena a;
	verif_isi q;
	const char *why;
	char *s;

	memset(&a, 0, sizeof a);
	if (c->in != NULL) {
		ck_assert_int_eq(verif_parse(c->in, strlen(c->in), &q, &why), -1);
		ck_assert_str_eq(why, c->want);
		arena_free(&a);
		return;
	}
	s = verif_payload_dok(&a, VD_LKJIP, c->base, "uji-tahunan", 2023, 4,
			      c->versi, SHA);
	ck_assert_str_eq(s, c->want);
	ck_assert_msg(verif_parse(s, strlen(s), &q, &why) == 0, "%s: %s", s, why);
	ck_assert_int_eq(q.dokumen, VD_LKJIP);
	ck_assert_str_eq(q.instansi, "uji-tahunan");
	ck_assert_int_eq(q.tahun, 2023);
	ck_assert_int_eq(q.tw, 0);
	ck_assert_int_eq(q.versi, c->versi);
	ck_assert_int_eq(q.menggantikan, c->versi > 1 ? c->versi - 1 : 0);
	ck_assert_str_eq(q.sha256, SHA);
	ck_assert(q.url == (c->base != NULL && *c->base));
	arena_free(&a);
}
END_TEST

START_TEST(test_make)
{
	const struct make_case *c = &makes[_i];
	arena a;
	verif_isi q;
	const char *why;
	char *s;

	memset(&a, 0, sizeof a);
	s = verif_payload(&a, c->base, "kesbangpol-kalteng", 2023, c->tw,
			  c->versi, SHA);
	ck_assert_str_eq(s, c->want);
	/* and it reads back as what was made */
	ck_assert_msg(verif_parse(s, strlen(s), &q, &why) == 0, "%s: %s", s, why);
	ck_assert_str_eq(q.instansi, "kesbangpol-kalteng");
	ck_assert_int_eq(q.tahun, 2023);
	ck_assert_int_eq(q.tw, c->tw);
	ck_assert_int_eq(q.versi, c->versi);
	ck_assert_int_eq(q.menggantikan, c->versi > 1 ? c->versi - 1 : 0);
	ck_assert_str_eq(q.sha256, SHA);
	ck_assert(q.url == (c->base != NULL && *c->base));
	arena_free(&a);
}
END_TEST

/* verif_parse: accepted variations and refusals with their reason. */
struct parse_case {
	const char *in;
	const char *why;        /* NULL: accepted */
	int versi;
};

static const struct parse_case parses[] = {
	/* what a reader may hand back */
	{ BASE Q "&versi=1&sha256=" SHA "\n", NULL, 1 },
	{ BASE Q "&versi=1&sha256=" SHA_UP, NULL, 1 },
	{ "http://x.go.id/v" Q "&versi=12&sha256=" SHA "&menggantikan=11", NULL, 12 },
	{ BASE "?sha256=" SHA "&versi=1&triwulan=2&tahun=2023&instansi=kesbangpol%2Dkalteng",
	  NULL, 1 },
	{ BASE "?x=1&y&instansi=kesbangpol-kalteng&tahun=2023&triwulan=2&versi=1&sha256="
	  SHA, NULL, 1 },
	{ "LAKIP k\r\nperiode: 2023 TW I\r\nversi: 1\r\nsha256-isi: " SHA "\r\n",
	  NULL, 1 },
	/* refused */
	{ "", "not a lakip verification code", 0 },
	{ "hello world", "not a lakip verification code", 0 },
	{ BASE, "the URL has no query (?instansi=...)", 0 },
	{ BASE Q "&versi=1", "no content hash", 0 },
	{ BASE "?tahun=2023&triwulan=2&versi=1&sha256=" SHA, "no agency code", 0 },
	{ BASE "?instansi=k&triwulan=2&versi=1&sha256=" SHA,
	  "no period (year and quarter)", 0 },
	{ BASE Q "&sha256=" SHA, "no version", 0 },
	{ BASE Q "&versi=1&versi=2&sha256=" SHA, "a parameter is given twice", 0 },
	{ BASE Q "&versi=0&sha256=" SHA,
	  "a number is not valid (year, quarter or version)", 0 },
	{ BASE "?instansi=k&tahun=2023&triwulan=5&versi=1&sha256=" SHA,
	  "a number is not valid (year, quarter or version)", 0 },
	{ BASE "?instansi=k&tahun=99999999&triwulan=1&versi=1&sha256=" SHA,
	  "a number is not valid (year, quarter or version)", 0 },
	{ BASE "?instansi=K%20X&tahun=2023&triwulan=1&versi=1&sha256=" SHA,
	  "the agency code is not valid", 0 },
	{ BASE "?instansi=k%00&tahun=2023&triwulan=1&versi=1&sha256=" SHA,
	  "the agency code is not valid", 0 },
	{ BASE "?instansi=k%4&tahun=2023&triwulan=1&versi=1&sha256=" SHA,
	  "the agency code is not valid", 0 },
	{ BASE Q "&versi=1&sha256=abc", "the content hash is not 64 hex digits", 0 },
	{ BASE Q "&versi=3&sha256=" SHA "&menggantikan=1",
	  "the version it replaces is not the one before it", 0 },
	{ "LAKIP k\nperiode: 2023 TW V\nversi: 1\nsha256-isi: " SHA,
	  "the period is not \"YEAR TW I..IV\"", 0 },
	{ "LAKIP k\nperiode: 2023\nversi: 1\nsha256-isi: " SHA,
	  "the period is not \"YEAR TW I..IV\"", 0 },
	{ "LAKIP k\nperiode: 2023 TW I\nversi: satu\nsha256-isi: " SHA,
	  "a version is not a number", 0 },
	{ "LAKIP k\nperiode: 2023 TW I\nversi: 1\nversi: 1\nsha256-isi: " SHA,
	  "a line is given twice", 0 },
	{ "LAKIP k\nperiode: 2023 TW I\ncatatan: x\nversi: 1\nsha256-isi: " SHA,
	  "an unknown line", 0 },
	{ "LAKIP k\nperiode 2023 TW I\nversi: 1\nsha256-isi: " SHA,
	  "a line is not \"key: value\"", 0 },
	{ "LAKIP k\nperiode: 2023 TW I\nsha256-isi: " SHA, "no version", 0 },
	{ "LAKIP K\nperiode: 2023 TW I\nversi: 1\nsha256-isi: " SHA,
	  "the agency code is not valid", 0 },
	{ "LAKIP k\nperiode: 2023 TW II\nversi: 2\nmenggantikan: versi 2\n"
	  "sha256-isi: " SHA, "the version it replaces is not the one before it", 0 },
};

START_TEST(test_parse)
{
	const struct parse_case *c = &parses[_i];
	verif_isi q;
	const char *why = NULL;
	int rc = verif_parse(c->in, strlen(c->in), &q, &why);

	if (c->why == NULL) {
		ck_assert_msg(rc == 0, "%s: %s", c->in, why ? why : "?");
		ck_assert_int_eq(q.versi, c->versi);
		ck_assert_str_eq(q.sha256, SHA);
	} else {
		ck_assert_msg(rc == -1, "%s: accepted", c->in);
		ck_assert_str_eq(why, c->why);
	}
}
END_TEST

/* A NUL inside the bytes a reader returns is not a code. */
START_TEST(test_nul)
{
	static const char s[] = "LAKIP k\0\nperiode: 2023 TW I\nversi: 1\n";
	verif_isi q;
	const char *why;

	ck_assert_int_eq(verif_parse(s, sizeof s - 1, &q, &why), -1);
	ck_assert_str_eq(why, "not a lakip verification code");
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("verifikasi");
	TCase *tc = tcase_create("verifikasi");

	tcase_add_loop_test(tc, test_make, 0, (int)LK_NELEM(makes));
	tcase_add_loop_test(tc, test_parse, 0, (int)LK_NELEM(parses));
	tcase_add_test(tc, test_nul);
	tcase_add_test(tc, test_make_pk);
	tcase_add_loop_test(tc, test_make_lkjip, 0, (int)LK_NELEM(lkjips));
	suite_add_tcase(s, tc);
	return s;
}
