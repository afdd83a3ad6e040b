/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* drv.h - the database driver under the store (src/store only).
 *
 * Owns: the seam between the store and a database library.  The store
 * writes its SQL once, in the subset SQLite and PostgreSQL both accept
 * (`?N` parameters, `RETURNING`, `ON CONFLICT`); a driver prepares, binds,
 * steps and reads it, and maps its library's errors to drv_rc.  The few
 * statements that must differ per dialect are looked up by id in one
 * table (drv_sql, dialect.c).  Two drivers: drv_sqlite.c and drv_pg.c;
 * nothing above src/store knows which one a store talks to.
 *
 * Semantics follow SQLite's C interface, so that a statement behaves the
 * same on both: a prepared statement is stepped row by row (DRV_ROW, then
 * DRV_DONE), reset to run again with new bindings; column texts stay
 * valid until the next step, reset or finalize; bound texts and blobs
 * are copied or must stay valid until the statement is reset.
 */
#ifndef LK_STORE_DRV_H
#define LK_STORE_DRV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a driver call returned.  Step returns DRV_ROW or DRV_DONE; every
 * other call DRV_OK; anything else is a failure, with drv_errmsg(). */
enum drv_rc {
	DRV_OK = 0,
	DRV_ROW,        /* step: a row is ready to be read */
	DRV_DONE,       /* step: the statement has run to its end */
	DRV_BUSY,       /* locked by another writer, or a serialisation
	                 * failure: the transaction may be retried */
	DRV_READONLY,   /* the database may not be written by this account */
	DRV_CANTOPEN,   /* the file cannot be opened; the server cannot be
	                 * reached */
	DRV_AUTH,       /* the server refused the login */
	DRV_FULL,       /* no room on the disk */
	DRV_IOERR,      /* a disk error; the connection was lost */
	DRV_NOTADB,     /* not a database, or one of another application */
	DRV_CORRUPT,    /* the database is damaged */
	DRV_CONSTRAINT, /* a constraint (unique, check, foreign key) refused */
	DRV_NOMEM,
	DRV_RANGE,      /* a bind index out of range */
	DRV_ERROR,      /* anything else, including an SQL error */
	DRV_PERM        /* the server refused this account the change
	                 * (privileges, row-level security) */
};

/* Type of a column's value in the current row. */
enum drv_type { DRV_NULL = 0, DRV_INTEGER, DRV_TEXT, DRV_BLOB };

enum drv_dialect { DRV_SQLITE = 0, DRV_PG, DRV_N_DIALECT };

typedef struct drv_db drv_db;
typedef struct drv_st drv_st;

/* A driver: the functions behind the calls below (drv.c dispatches). */
typedef struct drv_ops {
	enum drv_dialect dialect;
	const char *name;                 /* "SQLite", "PostgreSQL" */
	void (*close)(drv_db *db);
	int (*exec)(drv_db *db, const char *sql);
	int (*prepare)(drv_db *db, const char *sql, drv_st **out);
	void (*finalize)(drv_st *st);
	int (*bind_int)(drv_st *st, int i, int64_t v);
	int (*bind_text)(drv_st *st, int i, const char *v);
	int (*bind_blob)(drv_st *st, int i, const void *p, size_t n);
	int (*bind_null)(drv_st *st, int i);
	int (*bind_count)(drv_st *st);
	int (*step)(drv_st *st);
	void (*reset)(drv_st *st);        /* also clears the bindings */
	int (*col_type)(drv_st *st, int i);
	int64_t (*col_int)(drv_st *st, int i);
	const char *(*col_text)(drv_st *st, int i);
	const void *(*col_blob)(drv_st *st, int i);
	size_t (*col_bytes)(drv_st *st, int i);
	int64_t (*changes)(drv_db *db);
	bool (*in_txn)(drv_db *db);
	const char *(*errmsg)(drv_db *db);
	int (*sys_errno)(drv_db *db);
	int (*meta_get)(drv_db *db, const char *key, int64_t *v);
	int (*meta_set)(drv_db *db, const char *key, int64_t v);
	int (*busy_timeout)(drv_db *db, int ms);
	int (*col_count)(drv_st *st);
	const char *(*col_name)(drv_st *st, int i);
	int (*prefetch)(drv_st *st);      /* or NULL: nothing to gain */
} drv_ops;

/* Every connection starts with its driver; drivers extend this. */
struct drv_db {
	const drv_ops *ops;
	int last_rc;      /* the rc of the last failed call */
};

/* Every statement starts with its connection. */
struct drv_st {
	drv_db *db;
	bool counted;     /* this execution was counted (drv_stmt_count) */
	char *trace_sql;  /* with LAKIP_STMT_COUNT=trace: its SQL, or NULL */
};

/* ---- connections ---- */

enum drv_dialect drv_dialect(const drv_db *db);
const char *drv_name(const drv_db *db);
/* NULL-safe. */
void drv_close(drv_db *db);
/* Run SQL without parameters (one or more statements). */
int drv_exec(drv_db *db, const char *sql);
/* Rows changed by the last INSERT, UPDATE or DELETE. */
int64_t drv_changes(drv_db *db);
/* Inside an explicit transaction. */
bool drv_in_txn(drv_db *db);
/* The last error's message, never NULL; and errno behind it (0: none). */
const char *drv_errmsg(drv_db *db);
int drv_sys_errno(drv_db *db);

/* Integers lakip keeps about the database itself: "user_version" (the
 * schema version) and "application_id".  SQLite: the PRAGMAs; PostgreSQL:
 * the table lakip_meta. */
int drv_meta_get(drv_db *db, const char *key, int64_t *v);
int drv_meta_set(drv_db *db, const char *key, int64_t v);
/* How long a statement waits for another writer's lock before it fails
 * with DRV_BUSY (0: not at all). */
int drv_busy_timeout(drv_db *db, int ms);

/* ---- statements ---- */

int drv_prepare(drv_db *db, const char *sql, drv_st **out);
/* NULL-safe. */
void drv_finalize(drv_st *st);
/* Parameters count from 1.  NULL text binds NULL. */
int drv_bind_int(drv_st *st, int i, int64_t v);
int drv_bind_text(drv_st *st, int i, const char *v);
int drv_bind_blob(drv_st *st, int i, const void *p, size_t n);
int drv_bind_null(drv_st *st, int i);
int drv_bind_count(drv_st *st);
int drv_step(drv_st *st);
/* A query bound and not yet stepped, sent ahead: on a server its result
 * is on its way while the caller reads the queries sent before it (the
 * first drv_step waits for it).  Queries sent ahead of each other run in
 * the order sent; each is then stepped, reset or finalized as usual.
 * DRV_OK where the driver gains nothing by it (SQLite). */
int drv_prefetch(drv_st *st);
void drv_reset(drv_st *st);
/* Columns count from 0.  A NULL reads as 0, NULL text, NULL blob of 0
 * bytes.  col_int of a boolean is 0 or 1. */
int drv_col_type(drv_st *st, int i);
int64_t drv_col_int(drv_st *st, int i);
const char *drv_col_text(drv_st *st, int i);
const void *drv_col_blob(drv_st *st, int i);
size_t drv_col_bytes(drv_st *st, int i);
/* The result's columns: their number and names (after the first step). */
int drv_col_count(drv_st *st);
const char *drv_col_name(drv_st *st, int i);

/* ---- dialects (dialect.c) ---- */

/* Statements whose SQL differs between SQLite and PostgreSQL, by id. */
enum drv_sql_id {
	DRV_SQL_BEGIN_WRITE,      /* a transaction that will write */
	DRV_SQL_BEGIN_READ,       /* one snapshot for several reads */
	DRV_SQL_ID_AFTER_COPY,    /* %s: a table whose ids were copied; its
	                           * next id follows the largest */
	/* An aggregate: the texts of column teks, one a line (joined by
	 * "\n"), in the order of column urutan; over rows that come
	 * ordered by urutan (SQLite keeps their order, PostgreSQL is told). */
	DRV_SQL_AGG_LINES,
	DRV_SQL_AGG_TABS,         /* the same, joined by "\t" */
	DRV_SQL_AGG_CAT,          /* the same, joined by nothing */
	DRV_SQL_N
};

/* The SQL of statement id in db's dialect. */
const char *drv_sql(const drv_db *db, enum drv_sql_id id);

/* ---- drivers ---- */

/* SQLite (drv_sqlite.c): open path (a file name or a file: URI) with
 * sqlite3_open_v2 flags; *out is set even on failure (then close it
 * after reading drv_errmsg).  The store's SQLite-only checks (sidecar
 * files, quick_check, WAL, the unlocked reopen) use the handle. */
int drv_sqlite_open(const char *path, int flags, drv_db **out);
struct sqlite3 *drv_sqlite_handle(drv_db *db);

/* PostgreSQL (drv_pg.c): conninfo is a libpq connection URI
 * (postgresql://...).  *out is set even on failure. */
int drv_pg_open(const char *conninfo, drv_db **out);
/* The server and database a connection URI names, for messages:
 * "host[:port]/database" (never the password), in buf. */
const char *drv_pg_describe(const char *conninfo, char *buf, size_t n);
/* conninfo starts with postgresql:// or postgres:// */
/* Statements run since the process started, on every connection: each
 * execution of a prepared statement (its first step after a reset) and
 * each drv_exec, drv_meta_get and drv_meta_set.  With LAKIP_STMT_COUNT=1
 * in the environment, drv_close prints "lakip: N statements" to stderr
 * (a measuring aid: bench/README.md). */
uint64_t drv_stmt_count(void);
bool drv_is_pg_name(const char *name);

/* For the drivers: the length of sql without its " RETURNING id" when it
 * is a single-row "INSERT INTO t (...) VALUES (...) RETURNING id" (no ON
 * CONFLICT, no SELECT, one statement) whose one result, the new row's
 * id, a driver may learn its own way (SQLite: the last rowid;
 * PostgreSQL: ids taken from the table's sequence ahead); 0 otherwise. */
size_t drv_insert_id_cut(const char *sql);

#endif
