/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_drv.c - the database driver seam (src/store/drv.h) on SQLite:
 * result codes, reading columns, bindings cleared by reset, RETURNING,
 * ON CONFLICT, IS NOT DISTINCT FROM, the dialect's statements, meta
 * integers, transactions, and the failures of opening (no such
 * directory, not a database, read-only, locked by another writer).
 * Every case talks only through drv.h: a second driver runs the same
 * table by opening its own database in open_mem(). */
#include "config.h"
#include "lktest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/drv.h"

/* SQLite's open flags (sqlite3.h is the driver's own). */
#define SQ_READONLY 0x00000001
#define SQ_READWRITE 0x00000002
#define SQ_CREATE 0x00000004

static const char schema[] =
	"CREATE TABLE t (id INTEGER PRIMARY KEY, kode TEXT NOT NULL UNIQUE,"
	" n INTEGER CHECK (n >= 0), teks TEXT, urutan INTEGER);"
	"INSERT INTO t (kode, n, teks, urutan) VALUES ('a', 1, 'satu', 2),"
	" ('b', 2, NULL, 1), ('c', 3, 'tiga', 3);";

static drv_db *
open_mem(void)
{
	drv_db *db = NULL;

	ck_assert_int_eq(drv_sqlite_open(":memory:", SQ_READWRITE | SQ_CREATE,
					 &db), DRV_OK);
	ck_assert_int_eq(drv_exec(db, schema), DRV_OK);
	return db;
}

/* Prepare, bind ?1 (NULL: nothing), step once: the step's rc, or the
 * failing prepare's or bind's. */
static int
run1(drv_db *db, const char *sql, const char *p1)
{
	drv_st *st = NULL;
	int rc = drv_prepare(db, sql, &st);

	if (rc == DRV_OK && p1 != NULL)
		rc = drv_bind_text(st, 1, p1);
	if (rc == DRV_OK)
		rc = drv_step(st);
	drv_finalize(st);
	return rc;
}

static const struct rc_case {
	const char *sql, *p1;
	int rc;
} rc_cases[] = {
	{ "SELECT kode FROM t ORDER BY id", NULL, DRV_ROW },
	{ "SELECT kode FROM t WHERE kode = ?1", "zzz", DRV_DONE },
	{ "UPDATE t SET n = n + 1", NULL, DRV_DONE },
	{ "INSERT INTO t (kode, n) VALUES (?1, 1)", "a", DRV_CONSTRAINT },
	{ "INSERT INTO t (kode, n) VALUES (?1, -1)", "d", DRV_CONSTRAINT },
	{ "INSERT INTO t (kode, n) VALUES (NULL, 1)", NULL, DRV_CONSTRAINT },
	{ "INSERT INTO t (kode, n) VALUES (?1, 1) ON CONFLICT DO NOTHING", "a",
	  DRV_DONE },
	{ "SELEC kode FROM t", NULL, DRV_ERROR },
	{ "SELECT nope FROM t", NULL, DRV_ERROR },
	{ "SELECT kode FROM nope", NULL, DRV_ERROR },
	{ "SELECT ?1", "x", DRV_ROW },
	{ "SELECT 1", "x", DRV_RANGE },         /* no ?1 to bind */
};

START_TEST(test_rc)
{
	const struct rc_case *c = &rc_cases[_i];
	drv_db *db = open_mem();
	int rc = run1(db, c->sql, c->p1);

	ck_assert_msg(rc == c->rc, "%s: rc %d, want %d (%s)", c->sql, rc, c->rc,
		      drv_errmsg(db));
	if (rc != DRV_ROW && rc != DRV_DONE) {
		ck_assert_msg(*drv_errmsg(db) != '\0', "%s: no message", c->sql);
		ck_assert_int_eq(db->last_rc, rc);
	}
	drv_close(db);
}
END_TEST

START_TEST(test_columns)
{
	drv_db *db = open_mem();
	drv_st *st = NULL;
	static const char blob[] = { 'a', '\0', 'b' };

	ck_assert_int_eq(drv_prepare(db, "SELECT NULL, 42, 'teks', ?1,"
				     " kode = 'a', ?2 FROM t ORDER BY id", &st),
			 DRV_OK);
	ck_assert_int_eq(drv_bind_count(st), 2);
	ck_assert_int_eq(drv_bind_blob(st, 1, blob, sizeof blob), DRV_OK);
	ck_assert_int_eq(drv_bind_int(st, 2, INT64_C(-9007199254740993)), DRV_OK);
	ck_assert_int_eq(drv_step(st), DRV_ROW);
	ck_assert_int_eq(drv_col_type(st, 0), DRV_NULL);
	ck_assert_int_eq(drv_col_int(st, 0), 0);
	ck_assert_ptr_null(drv_col_text(st, 0));
	ck_assert_uint_eq(drv_col_bytes(st, 0), 0);
	ck_assert_int_eq(drv_col_type(st, 1), DRV_INTEGER);
	ck_assert_int_eq(drv_col_int(st, 1), 42);
	ck_assert_int_eq(drv_col_type(st, 2), DRV_TEXT);
	ck_assert_str_eq(drv_col_text(st, 2), "teks");
	ck_assert_uint_eq(drv_col_bytes(st, 2), 4);
	ck_assert_int_eq(drv_col_type(st, 3), DRV_BLOB);
	ck_assert_uint_eq(drv_col_bytes(st, 3), sizeof blob);
	ck_assert_mem_eq(drv_col_blob(st, 3), blob, sizeof blob);
	ck_assert_int_eq(drv_col_int(st, 4), 1);        /* a boolean */
	ck_assert(drv_col_int(st, 5) == INT64_C(-9007199254740993));
	ck_assert_int_eq(drv_step(st), DRV_ROW);
	ck_assert_int_eq(drv_col_int(st, 4), 0);
	ck_assert_int_eq(drv_step(st), DRV_ROW);
	ck_assert_int_eq(drv_step(st), DRV_DONE);
	drv_finalize(st);
	drv_close(db);
}
END_TEST

/* reset clears the bindings: a parameter not bound again is NULL */
START_TEST(test_reset)
{
	drv_db *db = open_mem();
	drv_st *st = NULL;

	ck_assert_int_eq(drv_prepare(db, "SELECT count(*) FROM t"
				     " WHERE kode = ?1 OR ?2 IS NULL", &st), DRV_OK);
	ck_assert_int_eq(drv_bind_text(st, 1, "a"), DRV_OK);
	ck_assert_int_eq(drv_bind_int(st, 2, 1), DRV_OK);
	ck_assert_int_eq(drv_step(st), DRV_ROW);
	ck_assert_int_eq(drv_col_int(st, 0), 1);
	drv_reset(st);
	ck_assert_int_eq(drv_bind_text(st, 1, "b"), DRV_OK);
	ck_assert_int_eq(drv_step(st), DRV_ROW);
	ck_assert_int_eq(drv_col_int(st, 0), 3);        /* ?2 is NULL now */
	drv_reset(st);
	ck_assert_int_eq(drv_bind_text(st, 1, NULL), DRV_OK);   /* NULL */
	ck_assert_int_eq(drv_bind_null(st, 2), DRV_OK);
	ck_assert_int_eq(drv_step(st), DRV_ROW);
	ck_assert_int_eq(drv_col_int(st, 0), 3);
	drv_finalize(st);
	drv_finalize(NULL);
	drv_reset(NULL);
	drv_close(db);
	drv_close(NULL);
}
END_TEST

START_TEST(test_returning)
{
	drv_db *db = open_mem();
	drv_st *st = NULL;
	int64_t id[2];

	ck_assert_int_eq(drv_prepare(db, "INSERT INTO t (kode, n) VALUES (?1, 0)"
				     " RETURNING id", &st), DRV_OK);
	for (int i = 0; i < 2; i++) {
		ck_assert_int_eq(drv_bind_text(st, 1, i ? "e" : "d"), DRV_OK);
		ck_assert_int_eq(drv_step(st), DRV_ROW);
		id[i] = drv_col_int(st, 0);
		drv_reset(st);
	}
	ck_assert_int_eq(id[0], 4);
	ck_assert_int_eq(id[1], 5);
	/* the id row read every way, then done; stepped again, a new insert */
	ck_assert_int_eq(drv_bind_text(st, 1, "f"), DRV_OK);
	ck_assert_int_eq(drv_step(st), DRV_ROW);
	ck_assert_int_eq(drv_col_type(st, 0), DRV_INTEGER);
	ck_assert_str_eq(drv_col_text(st, 0), "6");
	ck_assert_uint_eq(drv_col_bytes(st, 0), 1);
	ck_assert_int_eq(drv_step(st), DRV_DONE);
	ck_assert_int_eq(drv_changes(db), 1);
	drv_reset(st);
	ck_assert_int_eq(drv_bind_text(st, 1, "a"), DRV_OK);     /* taken */
	ck_assert_int_eq(drv_step(st), DRV_CONSTRAINT);
	drv_reset(st);
	drv_finalize(st);
	/* RETURNING of no row, and of several (SQLite's own RETURNING) */
	ck_assert_int_eq(drv_prepare(db, "INSERT INTO t (kode, n) VALUES (?1, 0)"
				     " ON CONFLICT DO NOTHING RETURNING id", &st),
			 DRV_OK);
	ck_assert_int_eq(drv_bind_text(st, 1, "a"), DRV_OK);
	ck_assert_int_eq(drv_step(st), DRV_DONE);
	drv_reset(st);
	ck_assert_int_eq(drv_bind_text(st, 1, "g"), DRV_OK);
	ck_assert_int_eq(drv_step(st), DRV_ROW);
	ck_assert_int_eq(drv_col_int(st, 0), 7);
	drv_finalize(st);
	ck_assert_int_eq(drv_prepare(db, "INSERT INTO t (kode, n) SELECT kode || 'x',"
				     " 0 FROM t WHERE id <= 2 ORDER BY id RETURNING id",
				     &st), DRV_OK);
	ck_assert_int_eq(drv_step(st), DRV_ROW);
	ck_assert_int_eq(drv_col_int(st, 0), 8);
	ck_assert_int_eq(drv_step(st), DRV_ROW);
	ck_assert_int_eq(drv_col_int(st, 0), 9);
	ck_assert_int_eq(drv_step(st), DRV_DONE);
	drv_finalize(st);
	ck_assert_int_eq(drv_exec(db, "UPDATE t SET n = 0 WHERE n > 1"), DRV_OK);
	ck_assert_int_eq(drv_changes(db), 2);
	ck_assert_int_eq(run1(db, "INSERT INTO t (kode, n) VALUES (?1, 1)"
			      " ON CONFLICT DO NOTHING", "a"), DRV_DONE);
	ck_assert_int_eq(drv_changes(db), 0);
	drv_close(db);
}
END_TEST

/* Scalar results of the portable forms the store uses. */
static const struct value_case {
	const char *sql;
	int64_t want;
} value_cases[] = {
	{ "SELECT count(*) FROM t WHERE teks IS NOT DISTINCT FROM NULL", 1 },
	{ "SELECT count(*) FROM t WHERE teks IS DISTINCT FROM 'satu'", 2 },
	{ "SELECT count(*) FROM t x JOIN t y"
	  " ON x.teks IS NOT DISTINCT FROM y.teks", 3 },
	{ "SELECT count(*) FROM (SELECT kode FROM t WHERE n > 1) AS s", 2 },
	{ "SELECT coalesce(max(n), 0) FROM t WHERE kode = 'zzz'", 0 },
	{ "SELECT CASE WHEN 2 > 3 THEN 2 ELSE 3 END", 3 },
	{ "SELECT count(*) FROM t WHERE (teks IS NULL) <> (kode IS NULL)", 1 },
};

START_TEST(test_values)
{
	const struct value_case *c = &value_cases[_i];
	drv_db *db = open_mem();
	drv_st *st = NULL;

	ck_assert_int_eq(drv_prepare(db, c->sql, &st), DRV_OK);
	ck_assert_int_eq(drv_step(st), DRV_ROW);
	ck_assert_msg(drv_col_int(st, 0) == c->want, "%s: %lld, want %lld",
		      c->sql, (long long)drv_col_int(st, 0), (long long)c->want);
	drv_finalize(st);
	drv_close(db);
}
END_TEST

/* DRV_SQL_AGG_LINES joins teks in the order of urutan, NULLs left out. */
START_TEST(test_agg_lines)
{
	drv_db *db = open_mem();
	drv_st *st = NULL;
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT %s FROM (SELECT teks, urutan FROM t"
		 " ORDER BY urutan) AS l", drv_sql(db, DRV_SQL_AGG_LINES));
	ck_assert_int_eq(drv_prepare(db, sql, &st), DRV_OK);
	ck_assert_int_eq(drv_step(st), DRV_ROW);
	ck_assert_str_eq(drv_col_text(st, 0), "satu\ntiga");
	drv_finalize(st);
	ck_assert_int_eq(drv_exec(db, "UPDATE t SET urutan = 9 WHERE kode = 'a'"),
			 DRV_OK);
	ck_assert_int_eq(drv_prepare(db, sql, &st), DRV_OK);
	ck_assert_int_eq(drv_step(st), DRV_ROW);
	ck_assert_str_eq(drv_col_text(st, 0), "tiga\nsatu");
	drv_finalize(st);
	drv_close(db);
}
END_TEST

START_TEST(test_txn_meta)
{
	drv_db *db = open_mem();
	int64_t v = -1;

	ck_assert_int_eq(drv_dialect(db), DRV_SQLITE);
	ck_assert_str_eq(drv_name(db), "SQLite");
	ck_assert_ptr_nonnull(drv_sqlite_handle(db));
	ck_assert_ptr_null(drv_sqlite_handle(NULL));
	ck_assert(!drv_in_txn(db));
	ck_assert_int_eq(drv_exec(db, drv_sql(db, DRV_SQL_BEGIN_WRITE)), DRV_OK);
	ck_assert(drv_in_txn(db));
	ck_assert_int_eq(drv_meta_get(db, "user_version", &v), DRV_OK);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(drv_meta_set(db, "user_version", 12), DRV_OK);
	ck_assert_int_eq(drv_meta_set(db, "application_id", 0x4C4B4950), DRV_OK);
	ck_assert_int_eq(drv_exec(db, "ROLLBACK"), DRV_OK);
	ck_assert(!drv_in_txn(db));
	ck_assert_int_eq(drv_meta_get(db, "user_version", &v), DRV_OK);
	ck_assert_int_eq(v, 0);                 /* rolled back with the rest */
	ck_assert_int_eq(drv_exec(db, "BEGIN"), DRV_OK);
	ck_assert_int_eq(drv_meta_set(db, "user_version", 12), DRV_OK);
	ck_assert_int_eq(drv_meta_set(db, "application_id", 0x4C4B4950), DRV_OK);
	ck_assert_int_eq(drv_exec(db, "COMMIT"), DRV_OK);
	ck_assert_int_eq(drv_meta_get(db, "user_version", &v), DRV_OK);
	ck_assert_int_eq(v, 12);
	ck_assert_int_eq(drv_meta_get(db, "application_id", &v), DRV_OK);
	ck_assert_int_eq(v, 0x4C4B4950);
	ck_assert_int_eq(drv_sys_errno(db), 0);
	drv_close(db);
}
END_TEST

/* Failures of a database file: what opening, reading and writing say. */
START_TEST(test_files)
{
	const char *dir = lktest_tmpdir();
	char path[512], junk[512], none[512];
	drv_db *db = NULL, *other = NULL;
	FILE *f;

	snprintf(path, sizeof path, "%s/x.db", dir);
	snprintf(junk, sizeof junk, "%s/junk.db", dir);
	snprintf(none, sizeof none, "%s/no/such/dir/x.db", dir);

	ck_assert_int_eq(drv_sqlite_open(none, SQ_READWRITE | SQ_CREATE, &db),
			 DRV_CANTOPEN);
	ck_assert_ptr_nonnull(db);              /* set even on failure */
	ck_assert(*drv_errmsg(db) != '\0');
	drv_close(db);

	f = fopen(junk, "w");
	ck_assert_ptr_nonnull(f);
	for (int i = 0; i < 64; i++)
		fputs("this is not a database, only text in a file\n", f);
	fclose(f);
	ck_assert_int_eq(drv_sqlite_open(junk, SQ_READWRITE, &db), DRV_OK);
	ck_assert_int_eq(run1(db, "SELECT count(*) FROM sqlite_master", NULL),
			 DRV_NOTADB);
	drv_close(db);

	ck_assert_int_eq(drv_sqlite_open(path, SQ_READWRITE | SQ_CREATE, &db),
			 DRV_OK);
	ck_assert_int_eq(drv_exec(db, schema), DRV_OK);
	drv_close(db);
	ck_assert_int_eq(drv_sqlite_open(path, SQ_READONLY, &db), DRV_OK);
	ck_assert_int_eq(run1(db, "SELECT kode FROM t", NULL), DRV_ROW);
	ck_assert_int_eq(drv_exec(db, "UPDATE t SET n = 5"), DRV_READONLY);
	drv_close(db);

	/* a second writer waits for nobody (no busy timeout here) */
	ck_assert_int_eq(drv_sqlite_open(path, SQ_READWRITE, &db), DRV_OK);
	ck_assert_int_eq(drv_sqlite_open(path, SQ_READWRITE, &other), DRV_OK);
	ck_assert_int_eq(drv_exec(db, drv_sql(db, DRV_SQL_BEGIN_WRITE)), DRV_OK);
	ck_assert_int_eq(drv_exec(other, drv_sql(other, DRV_SQL_BEGIN_WRITE)),
			 DRV_BUSY);
	ck_assert_int_eq(drv_exec(db, "COMMIT"), DRV_OK);
	ck_assert_int_eq(drv_exec(other, drv_sql(other, DRV_SQL_BEGIN_WRITE)),
			 DRV_OK);
	ck_assert_int_eq(drv_exec(other, "ROLLBACK"), DRV_OK);
	drv_close(other);
	drv_close(db);
	lktest_rmtree(dir);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("drv");
	TCase *tc = tcase_create("sqlite");

	tcase_add_loop_test(tc, test_rc, 0, (int)LK_NELEM(rc_cases));
	tcase_add_test(tc, test_columns);
	tcase_add_test(tc, test_reset);
	tcase_add_test(tc, test_returning);
	tcase_add_loop_test(tc, test_values, 0, (int)LK_NELEM(value_cases));
	tcase_add_test(tc, test_agg_lines);
	tcase_add_test(tc, test_txn_meta);
	tcase_add_test(tc, test_files);
	suite_add_tcase(s, tc);
	return s;
}
