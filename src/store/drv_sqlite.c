/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* drv_sqlite.c - the SQLite driver of drv.h.
 *
 * Owns: the ops of a SQLite connection and the mapping of SQLite's
 * result codes to drv_rc.  Statements are prepared with
 * SQLITE_PREPARE_PERSISTENT (the store keeps them for the handle's
 * life); texts and blobs are bound SQLITE_STATIC (the store's values
 * outlive the run of their statement); reset also clears the bindings.
 * meta_get/set are PRAGMA user_version and application_id.  The
 * SQLite-only settings of opening (WAL, quick_check, the unlocked
 * reopen) are the store's, through drv_sqlite_handle().
 *
 * A single-row "INSERT ... VALUES (...) RETURNING id" (the store's way to
 * learn a new row's id) runs without its RETURNING clause: SQLite builds
 * an ephemeral table for every run of a RETURNING statement, a tenth of
 * the time of a whole import; the row it would return, the new rowid, is
 * sqlite3_last_insert_rowid() after the insert.  Anything else with
 * RETURNING (INSERT ... SELECT, ON CONFLICT, UPDATE, DELETE) is SQLite's.
 */
#include "config.h"
#include "store/drv.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"

typedef struct sq_db {
	drv_db base;
	sqlite3 *h;
} sq_db;

typedef struct sq_st {
	drv_st base;
	sqlite3_stmt *h;
	bool clean;        /* reset, bindings cleared, since the last use */
	bool rowid;        /* a single-row INSERT whose RETURNING id was cut */
	int id_state;      /* rowid: 0 not run, 1 the id row is current,
	                    * 2 done */
	int64_t id;
	char id_text[24];  /* the id as col_text reads it */
} sq_st;

#define DB(d) ((sq_db *)(d))
#define ST(s) ((sq_st *)(s))
#define H(s) (ST(s)->h)

static int
map(sqlite3 *h, int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
		return DRV_OK;
	case SQLITE_ROW:
		return DRV_ROW;
	case SQLITE_DONE:
		return DRV_DONE;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return DRV_BUSY;
	case SQLITE_READONLY:
		return DRV_READONLY;
	case SQLITE_CANTOPEN:
		return DRV_CANTOPEN;
	case SQLITE_FULL:
		return DRV_FULL;
	case SQLITE_IOERR: {
		/* no room for the -wal or -shm file is an I/O error to SQLite */
		int sys = h != NULL ? sqlite3_system_errno(h) : 0;

		return sys == ENOSPC || sys == EDQUOT ? DRV_FULL : DRV_IOERR;
	}
	case SQLITE_NOTADB:
		return DRV_NOTADB;
	case SQLITE_CORRUPT:
		return DRV_CORRUPT;
	case SQLITE_CONSTRAINT:
		return DRV_CONSTRAINT;
	case SQLITE_NOMEM:
		return DRV_NOMEM;
	case SQLITE_RANGE:
		return DRV_RANGE;
	default:
		return DRV_ERROR;
	}
}

static int
st_map(drv_st *st, int rc)
{
	return map(DB(st->db)->h, rc);
}

static void
sq_close(drv_db *db)
{
	sqlite3_close(DB(db)->h);
	free(db);
}

static int
sq_exec(drv_db *db, const char *sql)
{
	return map(DB(db)->h, sqlite3_exec(DB(db)->h, sql, NULL, NULL, NULL));
}

static int
sq_prepare(drv_db *db, const char *sql, drv_st **out)
{
	sqlite3_stmt *h = NULL;
	sq_st *st;
	size_t cut = drv_insert_id_cut(sql);
	int rc = sqlite3_prepare_v3(DB(db)->h, sql, cut ? (int)cut : -1,
				    SQLITE_PREPARE_PERSISTENT, &h, NULL);

	if (rc != SQLITE_OK) {
		sqlite3_finalize(h);
		return map(DB(db)->h, rc);
	}
	if ((st = calloc(1, sizeof *st)) == NULL)
		lk_fatal("out of memory");
	st->base.db = db;
	st->h = h;
	st->clean = true;
	st->rowid = cut != 0;
	*out = &st->base;
	return DRV_OK;
}

static void
sq_finalize(drv_st *st)
{
	sqlite3_finalize(H(st));
	free(st);
}

static int
sq_bind_int(drv_st *st, int i, int64_t v)
{
	ST(st)->clean = false;
	return st_map(st, sqlite3_bind_int64(H(st), i, (sqlite3_int64)v));
}

static int
sq_bind_text(drv_st *st, int i, const char *v)
{
	ST(st)->clean = false;
	return st_map(st, sqlite3_bind_text(H(st), i, v, -1, SQLITE_STATIC));
}

static int
sq_bind_blob(drv_st *st, int i, const void *p, size_t n)
{
	ST(st)->clean = false;
	return st_map(st, sqlite3_bind_blob64(H(st), i, p, (sqlite3_uint64)n,
					      SQLITE_STATIC));
}

static int
sq_bind_null(drv_st *st, int i)
{
	ST(st)->clean = false;
	return st_map(st, sqlite3_bind_null(H(st), i));
}

static int
sq_bind_count(drv_st *st)
{
	return sqlite3_bind_parameter_count(H(st));
}

static int
sq_step(drv_st *st)
{
	sq_st *q = ST(st);
	int rc;

	q->clean = false;
	if (!q->rowid)
		return st_map(st, sqlite3_step(q->h));
	if (q->id_state == 1) {         /* after the id row: done */
		q->id_state = 2;
		return DRV_DONE;
	}
	q->id_state = 0;                /* after done, SQLite runs it again */
	rc = sqlite3_step(q->h);
	if (rc != SQLITE_DONE)
		return st_map(st, rc);
	if (sqlite3_changes(DB(st->db)->h) == 0)
		return DRV_DONE;        /* no row inserted (a trigger's IGNORE) */
	q->id = (int64_t)sqlite3_last_insert_rowid(DB(st->db)->h);
	snprintf(q->id_text, sizeof q->id_text, "%lld", (long long)q->id);
	q->id_state = 1;
	return DRV_ROW;
}

static void
sq_reset(drv_st *st)
{
	sq_st *q = ST(st);

	if (q->clean)
		return;
	sqlite3_reset(q->h);
	sqlite3_clear_bindings(q->h);
	q->id_state = 0;
	q->clean = true;
}

/* The id row of a cut RETURNING id is current. */
#define ID_ROW(st) (ST(st)->id_state == 1)

static int
sq_col_type(drv_st *st, int i)
{
	if (ID_ROW(st))
		return i == 0 ? DRV_INTEGER : DRV_NULL;
	switch (sqlite3_column_type(H(st), i)) {
	case SQLITE_NULL:
		return DRV_NULL;
	case SQLITE_INTEGER:
		return DRV_INTEGER;
	case SQLITE_BLOB:
		return DRV_BLOB;
	default:        /* text, and the floats lakip never stores */
		return DRV_TEXT;
	}
}

static int64_t
sq_col_int(drv_st *st, int i)
{
	if (ID_ROW(st))
		return i == 0 ? ST(st)->id : 0;
	return (int64_t)sqlite3_column_int64(H(st), i);
}

static const char *
sq_col_text(drv_st *st, int i)
{
	if (ID_ROW(st))
		return i == 0 ? ST(st)->id_text : NULL;
	return (const char *)sqlite3_column_text(H(st), i);
}

static const void *
sq_col_blob(drv_st *st, int i)
{
	if (ID_ROW(st))
		return NULL;
	return sqlite3_column_blob(H(st), i);
}

static size_t
sq_col_bytes(drv_st *st, int i)
{
	if (ID_ROW(st))
		return i == 0 ? strlen(ST(st)->id_text) : 0;
	return (size_t)sqlite3_column_bytes(H(st), i);
}

static int64_t
sq_changes(drv_db *db)
{
	return (int64_t)sqlite3_changes(DB(db)->h);
}

static bool
sq_in_txn(drv_db *db)
{
	return sqlite3_get_autocommit(DB(db)->h) == 0;
}

static const char *
sq_errmsg(drv_db *db)
{
	return DB(db)->h != NULL ? sqlite3_errmsg(DB(db)->h)
				 : sqlite3_errstr(SQLITE_NOMEM);
}

static int
sq_sys_errno(drv_db *db)
{
	return DB(db)->h != NULL ? sqlite3_system_errno(DB(db)->h) : 0;
}

/* The PRAGMAs meta_get/set may name (a PRAGMA takes no parameters). */
static bool
meta_key_ok(const char *key)
{
	return strcmp(key, "user_version") == 0 ||
	       strcmp(key, "application_id") == 0;
}

static int
sq_meta_get(drv_db *db, const char *key, int64_t *v)
{
	char sql[64];
	sqlite3_stmt *st = NULL;
	int rc;

	if (!meta_key_ok(key))
		lk_fatal("drv_meta_get: unknown key %s", key);
	snprintf(sql, sizeof sql, "PRAGMA %s", key);
	rc = sqlite3_prepare_v2(DB(db)->h, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*v = (int64_t)sqlite3_column_int64(st, 0);
			rc = SQLITE_OK;
		}
	}
	rc = map(DB(db)->h, rc);
	sqlite3_finalize(st);
	return rc;
}

static int
sq_meta_set(drv_db *db, const char *key, int64_t v)
{
	char sql[80];

	if (!meta_key_ok(key))
		lk_fatal("drv_meta_set: unknown key %s", key);
	/* both are 32-bit in the file header */
	snprintf(sql, sizeof sql, "PRAGMA %s = %d", key, (int)v);
	return sq_exec(db, sql);
}

static int
sq_busy_timeout(drv_db *db, int ms)
{
	return map(DB(db)->h, sqlite3_busy_timeout(DB(db)->h, ms < 0 ? 0 : ms));
}

static int
sq_col_count(drv_st *st)
{
	if (ID_ROW(st))
		return 1;
	return sqlite3_column_count(H(st));
}

static const char *
sq_col_name(drv_st *st, int i)
{
	if (ID_ROW(st))
		return i == 0 ? "id" : NULL;
	return sqlite3_column_name(H(st), i);
}

static const drv_ops sqlite_ops = {
	.dialect = DRV_SQLITE,
	.name = "SQLite",
	.close = sq_close,
	.exec = sq_exec,
	.prepare = sq_prepare,
	.finalize = sq_finalize,
	.bind_int = sq_bind_int,
	.bind_text = sq_bind_text,
	.bind_blob = sq_bind_blob,
	.bind_null = sq_bind_null,
	.bind_count = sq_bind_count,
	.step = sq_step,
	.reset = sq_reset,
	.col_type = sq_col_type,
	.col_int = sq_col_int,
	.col_text = sq_col_text,
	.col_blob = sq_col_blob,
	.col_bytes = sq_col_bytes,
	.changes = sq_changes,
	.in_txn = sq_in_txn,
	.errmsg = sq_errmsg,
	.sys_errno = sq_sys_errno,
	.meta_get = sq_meta_get,
	.meta_set = sq_meta_set,
	.busy_timeout = sq_busy_timeout,
	.col_count = sq_col_count,
	.col_name = sq_col_name,
};

int
drv_sqlite_open(const char *path, int flags, drv_db **out)
{
	sq_db *db = calloc(1, sizeof *db);
	int rc;

	if (db == NULL)
		lk_fatal("out of memory");
	db->base.ops = &sqlite_ops;
	rc = map(NULL, sqlite3_open_v2(path, &db->h, flags, NULL));
	if (rc != DRV_OK)
		db->base.last_rc = rc;
	*out = &db->base;
	return rc;
}

struct sqlite3 *
drv_sqlite_handle(drv_db *db)
{
	return db != NULL && db->ops == &sqlite_ops ? DB(db)->h : NULL;
}
