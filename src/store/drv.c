/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* drv.c - the calls of drv.h, dispatched to the connection's driver.
 *
 * Owns: nothing but the dispatch; the drivers are drv_sqlite.c and
 * drv_pg.c, the per-dialect SQL is dialect.c.
 */
#include "config.h"
#include "store/drv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t n_stmt;
static int tracing = -1;     /* LAKIP_STMT_COUNT=trace: each statement too */

static bool
trace_on(void)
{
	if (tracing < 0) {
		const char *v = getenv("LAKIP_STMT_COUNT");

		tracing = v != NULL && strcmp(v, "trace") == 0;
	}
	return tracing;
}

/* One counted statement, its first line of SQL, to stderr. */
static void
trace(const char *sql)
{
	if (trace_on())
		fprintf(stderr, "lakip: statement %llu: %.100s\n",
			(unsigned long long)n_stmt, sql ? sql : "?");
}

uint64_t
drv_stmt_count(void)
{
	return n_stmt;
}

enum drv_dialect
drv_dialect(const drv_db *db)
{
	return db->ops->dialect;
}

const char *
drv_name(const drv_db *db)
{
	return db->ops->name;
}

void
drv_close(drv_db *db)
{
	const char *v;

	if (db == NULL)
		return;
	db->ops->close(db);
	if ((v = getenv("LAKIP_STMT_COUNT")) != NULL &&
	    (strcmp(v, "1") == 0 || trace_on()))
		fprintf(stderr, "lakip: %llu statements\n",
			(unsigned long long)n_stmt);
}

/* Remember a failure's rc for the error mapping (store_fail). */
static int
note(drv_db *db, int rc)
{
	if (rc != DRV_OK && rc != DRV_ROW && rc != DRV_DONE)
		db->last_rc = rc;
	return rc;
}

int
drv_exec(drv_db *db, const char *sql)
{
	n_stmt++;
	trace(sql);
	return note(db, db->ops->exec(db, sql));
}

int64_t
drv_changes(drv_db *db)
{
	return db->ops->changes(db);
}

bool
drv_in_txn(drv_db *db)
{
	return db->ops->in_txn(db);
}

const char *
drv_errmsg(drv_db *db)
{
	const char *m = db != NULL ? db->ops->errmsg(db) : NULL;

	return m != NULL ? m : "";
}

int
drv_sys_errno(drv_db *db)
{
	return db->ops->sys_errno(db);
}

int
drv_meta_get(drv_db *db, const char *key, int64_t *v)
{
	n_stmt++;
	return note(db, db->ops->meta_get(db, key, v));
}

int
drv_meta_set(drv_db *db, const char *key, int64_t v)
{
	n_stmt++;
	return note(db, db->ops->meta_set(db, key, v));
}

int
drv_busy_timeout(drv_db *db, int ms)
{
	return note(db, db->ops->busy_timeout(db, ms));
}

int
drv_prepare(drv_db *db, const char *sql, drv_st **out)
{
	int rc;

	*out = NULL;
	rc = note(db, db->ops->prepare(db, sql, out));
	if (*out != NULL && trace_on())
		(*out)->trace_sql = strdup(sql);
	return rc;
}

void
drv_finalize(drv_st *st)
{
	if (st != NULL) {
		free(st->trace_sql);
		st->db->ops->finalize(st);
	}
}

int
drv_bind_int(drv_st *st, int i, int64_t v)
{
	return note(st->db, st->db->ops->bind_int(st, i, v));
}

int
drv_bind_text(drv_st *st, int i, const char *v)
{
	if (v == NULL)
		return drv_bind_null(st, i);
	return note(st->db, st->db->ops->bind_text(st, i, v));
}

int
drv_bind_blob(drv_st *st, int i, const void *p, size_t n)
{
	return note(st->db, st->db->ops->bind_blob(st, i, p, n));
}

int
drv_bind_null(drv_st *st, int i)
{
	return note(st->db, st->db->ops->bind_null(st, i));
}

int
drv_bind_count(drv_st *st)
{
	return st->db->ops->bind_count(st);
}

int
drv_step(drv_st *st)
{
	if (!st->counted) {
		st->counted = true;
		n_stmt++;
		trace(st->trace_sql);
	}
	return note(st->db, st->db->ops->step(st));
}

int
drv_prefetch(drv_st *st)
{
	if (st->db->ops->prefetch == NULL)
		return DRV_OK;
	return note(st->db, st->db->ops->prefetch(st));
}

void
drv_reset(drv_st *st)
{
	if (st != NULL) {
		st->counted = false;
		st->db->ops->reset(st);
	}
}

int
drv_col_type(drv_st *st, int i)
{
	return st->db->ops->col_type(st, i);
}

int64_t
drv_col_int(drv_st *st, int i)
{
	return st->db->ops->col_int(st, i);
}

const char *
drv_col_text(drv_st *st, int i)
{
	return st->db->ops->col_text(st, i);
}

const void *
drv_col_blob(drv_st *st, int i)
{
	return st->db->ops->col_blob(st, i);
}

size_t
drv_col_bytes(drv_st *st, int i)
{
	return st->db->ops->col_bytes(st, i);
}

int
drv_col_count(drv_st *st)
{
	return st->db->ops->col_count(st);
}

const char *
drv_col_name(drv_st *st, int i)
{
	return st->db->ops->col_name(st, i);
}

bool
drv_is_pg_name(const char *name)
{
	return name != NULL && (strncmp(name, "postgresql://", 13) == 0
				|| strncmp(name, "postgres://", 11) == 0);
}

size_t
drv_insert_id_cut(const char *sql)
{
	static const char tail[] = " RETURNING id";
	size_t n = strlen(sql), k = sizeof tail - 1;
	const char *v;

	if (strncmp(sql, "INSERT INTO ", 12) != 0 || n <= k ||
	    strcmp(sql + n - k, tail) != 0)
		return 0;
	/* one VALUES row, no ON CONFLICT, no second statement */
	if ((v = strstr(sql, " VALUES (")) == NULL || strstr(v, "), (") != NULL ||
	    strstr(v, "),(") != NULL || strstr(sql, "ON CONFLICT") != NULL ||
	    strstr(sql, " SELECT ") != NULL || strchr(sql, ';') != NULL)
		return 0;
	return n - k;
}
