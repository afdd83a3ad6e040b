/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_signer.c - the certificates registered to sign an agency's reports
 * (store/signer.c): who may register them, per agency, removal, the audit
 * records, an old database without the table.
 */
#include "config.h"
#include "lktest.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "io/exchange.h"
#include "store/store.h"
#include "store/workflow.h"

static char tmp[1024], dbpath[2048], admin[256];
static store *db;

#define FP_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define FP_B "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static store_signer
cert(const char *instansi, const char *fp)
{
	store_signer g;

	memset(&g, 0, sizeof g);
	g.instansi = (char *)instansi;
	g.sha256 = (char *)fp;
	g.subject = (char *)"C=ID, CN=Kepala Badan";
	g.serial_number = (char *)"196610221993081001";
	g.not_before = 1700000000;
	g.not_after = 1800000000;
	g.pem = (char *)"-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n";
	return g;
}

static void
setup(void)
{
	lk_err e = { 0, "" };
	rencana *r;

	snprintf(tmp, sizeof tmp, "%s", lktest_tmpdir());
	snprintf(dbpath, sizeof dbpath, "%s/lakip.db", tmp);
	ck_assert_int_eq(store_open(dbpath, STORE_CREATE, &db, &e), 0);
	snprintf(admin, sizeof admin, "%s", store_actor(db));
	ck_assert_msg(exchange_read_file(lktest_path(
	    "examples/kesbangpol-kalteng-2023.yaml"), &r, &e) == 0, "%s", e.msg);
	ck_assert_msg(store_save(db, r, false, NULL, &e) == 0, "%s", e.msg);
	rencana_free(r);
	ck_assert_int_eq(store_user_add(db, "op1", PERAN_OPERATOR, NULL, NULL, 0, &e), 0);
	ck_assert_int_eq(store_user_add(db, "kp", PERAN_KEPALA, NULL, NULL, 0, &e), 0);
}

static void
teardown(void)
{
	store_close(db);
	db = NULL;
	lktest_rmtree(tmp);
}

static int
audit_count(const char *action)
{
	sqlite3 *raw;
	sqlite3_stmt *st;
	int n = -1;

	ck_assert_int_eq(sqlite3_open(dbpath, &raw), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(raw, "SELECT count(*) FROM audit"
	    " WHERE action = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, action, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(raw);
	return n;
}

/* Who may register: the admin alone. */
static const struct {
	const char *login;
	int rc;
} who_cases[] = {
	{ "op1", EX_NOPERM },
	{ "kp", EX_NOPERM },
	{ "stranger", EX_NOPERM },
	{ NULL, 0 },             /* the admin */
};

START_TEST(test_who)
{
	lk_err e = { 0, "" };
	store_signer g = cert("kesbangpol-kalteng", FP_A);
	bool yes = true;

	store_set_actor(db, who_cases[_i].login ? who_cases[_i].login : admin);
	ck_assert_int_eq(store_signer_add(db, &g, &e), who_cases[_i].rc);
	ck_assert_int_eq(store_signer_registered(db, "kesbangpol-kalteng", FP_A,
	    &yes, &e), 0);
	ck_assert(yes == (who_cases[_i].rc == 0));
	ck_assert_int_eq(audit_count("signer-add"), who_cases[_i].rc == 0);
	if (who_cases[_i].rc != 0)
		ck_assert_ptr_nonnull(strstr(e.msg, "admin"));
}
END_TEST

START_TEST(test_register_remove)
{
	lk_err e = { 0, "" };
	store_signer a = cert("kesbangpol-kalteng", FP_A),
	    b = cert("kesbangpol-kalteng", FP_B), x = cert("dinsos", FP_A);
	store_signer *v;
	size_t n;
	bool yes;

	ck_assert_int_eq(store_signer_add(db, &a, &e), 0);
	ck_assert_int_eq(store_signer_add(db, &b, &e), 0);
	/* Twice: refused, nothing changes. */
	ck_assert_int_eq(store_signer_add(db, &a, &e), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(e.msg, "already"));
	/* An agency the database does not hold. */
	ck_assert_int_eq(store_signer_add(db, &x, &e), EX_NOINPUT);
	ck_assert_ptr_nonnull(strstr(e.msg, "dinsos"));
	ck_assert_int_eq(store_signer_list(db, NULL, NULL, &v, &n, &e), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(v[0].instansi, "kesbangpol-kalteng");
	ck_assert_str_eq(v[0].serial_number, "196610221993081001");
	ck_assert_ptr_null(v[0].removed_at);
	ck_assert(v[0].not_after == 1800000000);
	store_signer_list_free(v, n);
	/* Registered for this agency only. */
	ck_assert_int_eq(store_signer_registered(db, "dinsos", FP_A, &yes, &e), 0);
	ck_assert(!yes);
	/* Removed: no longer registered, still listed. */
	ck_assert_int_eq(store_signer_remove(db, "kesbangpol-kalteng", FP_A, &e), 0);
	ck_assert_int_eq(store_signer_registered(db, "kesbangpol-kalteng", FP_A,
	    &yes, &e), 0);
	ck_assert(!yes);
	ck_assert_int_eq(store_signer_remove(db, "kesbangpol-kalteng", FP_A, &e),
	    EX_DATAERR);
	ck_assert_int_eq(store_signer_list(db, "kesbangpol-kalteng", FP_A, &v, &n,
	    &e), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_ptr_nonnull(v[0].removed_at);
	ck_assert_str_eq(v[0].removed_by, admin);
	store_signer_list_free(v, n);
	/* And registered again. */
	ck_assert_int_eq(store_signer_add(db, &a, &e), 0);
	ck_assert_int_eq(store_signer_registered(db, "kesbangpol-kalteng", FP_A,
	    &yes, &e), 0);
	ck_assert(yes);
	ck_assert_int_eq(audit_count("signer-add"), 3);
	ck_assert_int_eq(audit_count("signer-remove"), 1);
	/* The audit chain stays whole. */
	{
		store_audit_check c;

		ck_assert_msg(store_audit_verify(db, &c, &e) == 0, "%s", c.why);
		ck_assert_str_eq(c.why, "");
	}
}
END_TEST

/* Read-only access lists, and refuses changes. */
START_TEST(test_readonly)
{
	lk_err e = { 0, "" };
	store_signer a = cert("kesbangpol-kalteng", FP_A);
	store *ro;
	bool yes;

	ck_assert_int_eq(store_signer_add(db, &a, &e), 0);
	ck_assert_int_eq(store_open(dbpath, STORE_READONLY, &ro, &e), 0);
	store_set_actor(ro, admin);
	ck_assert_int_eq(store_signer_registered(ro, "kesbangpol-kalteng", FP_A,
	    &yes, &e), 0);
	ck_assert(yes);
	ck_assert_int_ne(store_signer_remove(ro, "kesbangpol-kalteng", FP_A, &e), 0);
	store_close(ro);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("signer");
	TCase *tc = tcase_create("store");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_who, 0, (int)LK_NELEM(who_cases));
	tcase_add_test(tc, test_register_remove);
	tcase_add_test(tc, test_readonly);
	suite_add_tcase(s, tc);
	return s;
}
