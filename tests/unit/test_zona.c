/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_zona.c - the agency's local time: WIB, WITA, WIT as fixed offsets
 * of the stored UTC, across days, months, years and 29 February, and
 * never the TZ variable of whoever runs lakip. */
#include "config.h"
#include "lktest.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/zona.h"

struct zona_case {
	const char *utc, *zona;
	bool detik;
	const char *want;       /* NULL: not an instant (copied as it is) */
};

static const struct zona_case cases[] = {
	{ "2026-12-03T08:51:18Z", NULL, true, "2026-12-03 15:51:18 WIB" },
	{ "2026-12-03T08:51:18Z", "", true, "2026-12-03 15:51:18 WIB" },
	{ "2026-12-03T08:51:18Z", "Asia/Jakarta", false, "2026-12-03 15:51 WIB" },
	{ "2026-12-03T08:51:18Z", "Asia/Makassar", true, "2026-12-03 16:51:18 WITA" },
	{ "2026-12-03T08:51:18Z", "Asia/Jayapura", true, "2026-12-03 17:51:18 WIT" },
	{ "2026-12-03T08:51:18Z", "Europe/Berlin", true, "2026-12-03 15:51:18 WIB" },
	/* the next day, month, year */
	{ "2023-07-14T17:00:00Z", "Asia/Jakarta", true, "2023-07-15 00:00:00 WIB" },
	{ "2023-07-14T16:59:59Z", "Asia/Jakarta", true, "2023-07-14 23:59:59 WIB" },
	{ "2023-06-30T20:30:00Z", "Asia/Makassar", false, "2023-07-01 04:30 WITA" },
	{ "2023-12-31T15:00:00Z", "Asia/Jayapura", true, "2024-01-01 00:00:00 WIT" },
	{ "2024-02-28T20:00:00Z", "Asia/Jakarta", true, "2024-02-29 03:00:00 WIB" },
	{ "2023-02-28T20:00:00Z", "Asia/Jakarta", true, "2023-03-01 03:00:00 WIB" },
	{ "2100-02-28T20:00:00Z", "Asia/Jakarta", true, "2100-03-01 03:00:00 WIB" },
	{ "2000-02-28T20:00:00Z", "Asia/Jakarta", true, "2000-02-29 03:00:00 WIB" },
	{ "1970-01-01T00:00:00Z", "Asia/Jakarta", true, "1970-01-01 07:00:00 WIB" },
	{ "1969-12-31T20:00:00Z", "Asia/Jakarta", true, "1970-01-01 03:00:00 WIB" },
	{ "2023-07-14T09:05Z", "Asia/Jakarta", true, "2023-07-14 16:05:00 WIB" },
	/* not instants */
	{ "2023-07-14", "Asia/Jakarta", true, NULL },
	{ "2023-07-14T09:05:00", "Asia/Jakarta", true, NULL },
	{ "2023-02-30T09:05:00Z", "Asia/Jakarta", true, NULL },
	{ "2023-07-14T24:05:00Z", "Asia/Jakarta", true, NULL },
	{ "kemarin", "Asia/Jakarta", true, NULL },
	{ "", NULL, true, NULL },
};

START_TEST(test_lokal)
{
	const struct zona_case *c = &cases[_i];
	char buf[64];
	bool ok = zona_lokal(c->utc, c->zona, c->detik, buf, sizeof buf);

	ck_assert_msg(ok == (c->want != NULL), "%s: %d", c->utc, ok);
	ck_assert_str_eq(buf, c->want != NULL ? c->want : c->utc);
}
END_TEST

START_TEST(test_tanggal)
{
	char buf[32];

	ck_assert(zona_tanggal_lokal("2023-07-14T17:00:00Z", "Asia/Jakarta", buf,
				     sizeof buf));
	ck_assert_str_eq(buf, "2023-07-15");
	ck_assert(zona_tanggal_lokal("2023-07-14T14:00:00Z", "Asia/Jayapura", buf,
				     sizeof buf));
	ck_assert_str_eq(buf, "2023-07-14");
	ck_assert(!zona_tanggal_lokal("rusak", NULL, buf, sizeof buf));
	ck_assert_str_eq(buf, "rusak");
}
END_TEST

/* The UTC instant a local day begins: the day before in UTC. */
START_TEST(test_awal_hari)
{
	static const struct { const char *tgl, *zona, *want; } c[] = {
		{ "2023-07-15", NULL, "2023-07-14T17:00:00Z" },
		{ "2023-07-15", "Asia/Makassar", "2023-07-14T16:00:00Z" },
		{ "2023-07-15", "Asia/Jayapura", "2023-07-14T15:00:00Z" },
		{ "2024-03-01", "Asia/Jakarta", "2024-02-29T17:00:00Z" },
		{ "2023-01-01", "Asia/Jakarta", "2022-12-31T17:00:00Z" },
		{ "2023-02-29", NULL, NULL },
		{ "2023-7-15", NULL, NULL },
		{ "2023-07-15x", NULL, NULL },
	};
	char buf[32];

	for (size_t i = 0; i < LK_NELEM(c); i++) {
		bool ok = zona_awal_hari(c[i].tgl, c[i].zona, buf, sizeof buf);

		ck_assert_msg(ok == (c[i].want != NULL), "%s", c[i].tgl);
		if (ok)
			ck_assert_str_eq(buf, c[i].want);
	}
}
END_TEST

/* A certificate's validity instant as the agency's local day. */
START_TEST(test_tanggal_detik)
{
	char buf[16];

	zona_tanggal_detik(1689354000, NULL, buf, sizeof buf);   /* 17:00Z */
	ck_assert_str_eq(buf, "2023-07-15");
	zona_tanggal_detik(1689353999, "Asia/Jakarta", buf, sizeof buf);
	ck_assert_str_eq(buf, "2023-07-14");
	zona_tanggal_detik(1689350400, "Asia/Jayapura", buf, sizeof buf); /* 16:00Z */
	ck_assert_str_eq(buf, "2023-07-15");
	zona_tanggal_detik(-3600, NULL, buf, sizeof buf);
	ck_assert_str_eq(buf, "1970-01-01");
	zona_tanggal_detik(-26000, NULL, buf, sizeof buf);
	ck_assert_str_eq(buf, "1969-12-31");
}
END_TEST

START_TEST(test_names)
{
	ck_assert_str_eq(zona_cari(NULL)->singkat, "WIB");
	ck_assert_str_eq(zona_cari("Asia/Makassar")->singkat, "WITA");
	ck_assert_int_eq(zona_cari("Asia/Jayapura")->menit, 540);
	ck_assert_ptr_null(zona_cari("Asia/Tokyo"));
	ck_assert_str_eq(zona_atau_baku("Asia/Tokyo")->nama, "Asia/Jakarta");
}
END_TEST

/* Whatever TZ says, the agency's zone counts. */
START_TEST(test_not_tz)
{
	char buf[64];

	setenv("TZ", "America/New_York", 1);
	tzset();
	ck_assert(zona_lokal("2023-07-14T17:00:00Z", "Asia/Makassar", true, buf,
			     sizeof buf));
	ck_assert_str_eq(buf, "2023-07-15 01:00:00 WITA");
	setenv("TZ", "UTC", 1);
	tzset();
	ck_assert(zona_lokal("2023-07-14T17:00:00Z", "Asia/Makassar", true, buf,
			     sizeof buf));
	ck_assert_str_eq(buf, "2023-07-15 01:00:00 WITA");
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("zona");
	TCase *tc = tcase_create("zona");

	tcase_add_loop_test(tc, test_lokal, 0, (int)LK_NELEM(cases));
	tcase_add_test(tc, test_tanggal);
	tcase_add_test(tc, test_awal_hari);
	tcase_add_test(tc, test_tanggal_detik);
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_not_tz);
	suite_add_tcase(s, tc);
	return s;
}
