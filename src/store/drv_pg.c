/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* drv_pg.c - the PostgreSQL driver (libpq).
 *
 * Owns: a libpq connection behind drv.h: loading libpq, connecting,
 * errors, the pipeline of a transaction's writes, lakip_meta, the ops
 * table; its statements are drv_pg_st.c.  The store's SQL, written with
 * `?N` parameters, is rewritten to `$N` once per statement and prepared
 * on the server at its first run (named statements; the types of that
 * run's values: an integer is int8, a blob bytea, a text or NULL is left
 * for the server to infer from where it stands; values sent as text,
 * blobs as bytes).  A run fetches its whole result; stepping walks
 * its rows.  Server errors map to drv_rc by SQLSTATE class: a
 * serialisation failure or deadlock is DRV_BUSY (the store retries the
 * transaction), a lost connection DRV_IOERR.  Statements finalized while
 * a transaction is aborted are deallocated on the server later, in one
 * round trip.
 */
#include "config.h"
#include "store/drv_pg_int.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"

#ifndef PQ_SONAME
#define PQ_SONAME "libpq.so.5"
#endif

struct pg_fns pq;
static const dynlib_fn pq_fn[] = {
#define X(f) { #f, &pq.p_##f },
	PQ_FNS(X)
#undef X
};
dynlib pq_lib = { PQ_SONAME, "libpq5", pq_fn,
	sizeof pq_fn / sizeof pq_fn[0], false };

static const drv_ops pg_ops;

void *
pg_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n == 0 ? 1 : n, size);

	if (p == NULL)
		lk_fatal("out of memory");
	return p;
}

static void
set_err(pg_db *d, const char *msg)
{
	size_t n;

	free(d->err);
	d->err = strdup(msg != NULL ? msg : "");
	if (d->err == NULL)
		lk_fatal("out of memory");
	/* libpq's messages end in a newline; ours do not */
	n = strlen(d->err);
	while (n > 0 && (d->err[n - 1] == '\n' || d->err[n - 1] == ' '))
		d->err[--n] = '\0';
}

/* The drv_rc of a failed result (or of the connection when res is
 * NULL), with its message remembered. */
int
pg_fail_of(pg_db *d, const PGresult *res)
{
	const char *state = res != NULL
		? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res != NULL
		? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;

	set_err(d, msg != NULL ? msg : PQerrorMessage(d->conn));
	if (PQstatus(d->conn) != CONNECTION_OK)
		return DRV_IOERR;
	if (state == NULL || strlen(state) != 5)
		return DRV_ERROR;
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0
	    || strcmp(state, "55P03") == 0)
		return DRV_BUSY;
	if (strncmp(state, "23", 2) == 0)
		return DRV_CONSTRAINT;
	if (strcmp(state, "25006") == 0)
		return DRV_READONLY;
	if (strcmp(state, "42501") == 0)
		return DRV_PERM;
	if (strcmp(state, "53100") == 0)
		return DRV_FULL;
	if (strcmp(state, "53200") == 0)
		return DRV_NOMEM;
	if (strncmp(state, "08", 2) == 0 || strncmp(state, "57", 2) == 0
	    || strncmp(state, "58", 2) == 0)
		return DRV_IOERR;
	if (strcmp(state, "XX001") == 0 || strcmp(state, "XX002") == 0)
		return DRV_CORRUPT;
	return DRV_ERROR;
}

/* Drop the statements finalized earlier, when the connection can. */
/* Writes inside a transaction that return nothing (an INSERT, UPDATE or
 * DELETE without RETURNING, once prepared) are queued in libpq's pipeline
 * instead of costing a round trip each: the import of a whole file is
 * sent in batches.  Their results are read here, before anything that
 * needs the server's answer (a query, a RETURNING, changes(), exec,
 * COMMIT) and every PG_QUEUE_MAX statements; the first failure is that
 * call's failure (the server has then aborted the transaction, so
 * nothing of it is written). */
#define PG_QUEUE_MAX 512

/* Queries sent ahead (pg_prefetch) go each with its own sync, so that
 * one that fails aborts no other: [its preparation,] its result, the
 * sync.  The next one's are read into its statement here; the pipeline
 * is left when none is outstanding and no write is queued.  A failure of
 * the query is its statement's (fetch_rc, at its step); of the
 * connection, the call's. */
static PGresult *
next_result(pg_db *d)
{
	PGresult *res = PQgetResult(d->conn);

	if (res != NULL)
		(void)PQgetResult(d->conn);     /* the NULL after it */
	return res;
}

int
pg_fetch_next(pg_db *d)
{
	pg_st *q;
	PGresult *res;
	int rc = DRV_OK;

	if (d->fetch_head == d->n_fetch)
		return DRV_OK;
	q = d->fetch[d->fetch_head++];
	q->fetch_rc = DRV_OK;
	q->fetching = false;            /* out of the queue, whatever comes */
	if (q->fetch_prep) {
		q->fetch_prep = false;
		if ((res = next_result(d)) == NULL)
			return q->fetch_rc = pg_fail_of(d, NULL);
		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			q->fetch_rc = pg_fail_of(d, res);
			q->name[0] = '\0';       /* not prepared after all */
		}
		PQclear(res);
	}
	if ((res = next_result(d)) == NULL)
		return q->fetch_rc = pg_fail_of(d, NULL);
	switch (PQresultStatus(res)) {
	case PGRES_TUPLES_OK:
	case PGRES_COMMAND_OK:
		pg_take_result(q, res);
		break;
	default:
		if (q->fetch_rc == DRV_OK)
			q->fetch_rc = pg_fail_of(d, res);
		PQclear(res);
	}
	if ((res = PQgetResult(d->conn)) == NULL ||
	    PQresultStatus(res) != PGRES_PIPELINE_SYNC)
		rc = pg_fail_of(d, res);
	PQclear(res);
	if (d->fetch_head == d->n_fetch) {
		d->fetch_head = d->n_fetch = 0;
		if (d->n_queued == 0 && PQexitPipelineMode(d->conn) == 1)
			d->pipe = false;
	}
	return rc;
}

int
pg_fetch_all(pg_db *d)
{
	int rc = DRV_OK;

	while (rc == DRV_OK && d->fetch_head < d->n_fetch)
		rc = pg_fetch_next(d);
	return rc;
}

int
pg_drain(pg_db *d)
{
	PGresult *res;
	int rc = DRV_OK, nulls = 0;

	if (!d->pipe)
		return DRV_OK;
	if ((rc = pg_fetch_all(d)) != DRV_OK || !d->pipe)
		return rc;
	if (PQpipelineSync(d->conn) != 1) {
		rc = pg_fail_of(d, NULL);
		goto out;
	}
	for (;;) {
		if ((res = PQgetResult(d->conn)) == NULL) {
			if (++nulls > 1 || PQstatus(d->conn) != CONNECTION_OK) {
				if (rc == DRV_OK)
					rc = pg_fail_of(d, NULL);
				break;
			}
			continue;
		}
		nulls = 0;
		switch (PQresultStatus(res)) {
		case PGRES_PIPELINE_SYNC:
			PQclear(res);
			goto out;
		case PGRES_COMMAND_OK:
		case PGRES_TUPLES_OK:
			if (*PQcmdTuples(res) != '\0')
				d->changes = strtoll(PQcmdTuples(res), NULL, 10);
			break;
		case PGRES_PIPELINE_ABORTED:
			break;
		default:
			if (rc == DRV_OK)
				rc = pg_fail_of(d, res);
		}
		PQclear(res);
	}
out:
	d->n_queued = 0;
	if (PQexitPipelineMode(d->conn) == 1)
		d->pipe = false;
	else if (rc == DRV_OK)
		rc = pg_fail_of(d, NULL);
	return rc;
}

/* Queue the execution of the prepared statement s (see drain). */
int
pg_queue(pg_st *s)
{
	pg_db *d = (pg_db *)s->base.db;

	if (!d->pipe) {
		if (PQenterPipelineMode(d->conn) != 1)
			return pg_fail_of(d, NULL);
		d->pipe = true;
	}
	if (PQsendQueryPrepared(d->conn, s->name, s->nparam,
				(const char *const *)s->val, s->len, s->fmt, 0) != 1)
		return pg_fail_of(d, NULL);
	s->sent = true;
	if (++d->n_queued >= PG_QUEUE_MAX)
		return pg_drain(d);
	return DRV_OK;
}

/* Ids are taken from a sequence with nextval(), never given back: an id
 * taken and not used (a transaction rolled back, a connection closed) is
 * a gap, as it is when the server's own default takes it.  The ids of one
 * round trip need not follow each other (another connection may take ids
 * between them). */
#define PG_ID_BATCH_MAX 1024

int
pg_next_id(pg_db *d, const char *table, int64_t *id)
{
	static const char sql[] =
		"SELECT nextval(pg_get_serial_sequence($1, 'id'))"
		" FROM generate_series(1, $2::int8)";
	struct pg_ids *t = NULL;
	const char *val[2];
	char nbuf[16];
	PGresult *res;
	int i, rc;

	for (i = 0; i < d->n_ids; i++)
		if (strcmp(d->ids[i].table, table) == 0) {
			t = &d->ids[i];
			break;
		}
	if (t == NULL) {
		if (d->n_ids == PG_ID_TABLES || strlen(table) >= sizeof t->table) {
			set_err(d, "too many tables for ids taken ahead");
			return DRV_ERROR;
		}
		t = &d->ids[d->n_ids++];
		snprintf(t->table, sizeof t->table, "%s", table);
	}
	if (t->pos < t->n) {
		*id = t->v[t->pos++];
		return DRV_OK;
	}
	if ((rc = pg_drain(d)) != DRV_OK)
		return rc;
	t->batch = t->batch == 0 ? 1 : t->batch < PG_ID_BATCH_MAX ? t->batch * 2
								     : t->batch;
	if (t->v == NULL)
		t->v = pg_xcalloc(PG_ID_BATCH_MAX, sizeof *t->v);
	snprintf(nbuf, sizeof nbuf, "%d", t->batch);
	val[0] = table;
	val[1] = nbuf;
	res = PQexecParams(d->conn, sql, 2, NULL, val, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != t->batch) {
		rc = pg_fail_of(d, res);
		PQclear(res);
		return rc == DRV_OK ? DRV_ERROR : rc;
	}
	for (i = 0; i < t->batch; i++)
		t->v[i] = strtoll(PQgetvalue(res, i, 0), NULL, 10);
	PQclear(res);
	t->n = t->batch;
	t->pos = 1;
	*id = t->v[0];
	return DRV_OK;
}

void
pg_flush_pending(pg_db *d)
{
	char sql[PG_PENDING_MAX * 28];
	size_t off = 0;
	int i;

	if (d->n_pending == 0 || d->pipe
	    || PQtransactionStatus(d->conn) == PQTRANS_INERROR
	    || PQtransactionStatus(d->conn) == PQTRANS_ACTIVE)
		return;
	for (i = 0; i < d->n_pending; i++)
		off += (size_t)snprintf(sql + off, sizeof sql - off,
					"DEALLOCATE %s;", d->pending[i]);
	PQclear(PQexec(d->conn, sql));
	d->n_pending = 0;
}

/* ---- connection ---- */

static void
quiet_notice(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

int
drv_pg_open(const char *conninfo, drv_db **out)
{
	pg_db *d = pg_xcalloc(1, sizeof *d);
	PGresult *res;
	const char *msg;

	lk_err e;

	d->base.ops = &pg_ops;
	*out = &d->base;
	if (dynlib_load(&pq_lib, &e) != 0) {
		set_err(d, e.msg);
		return d->base.last_rc = DRV_CANTOPEN;
	}
	d->conn = PQconnectdb(conninfo);
	if (d->conn == NULL)
		lk_fatal("out of memory");
	if (PQstatus(d->conn) != CONNECTION_OK) {
		set_err(d, PQerrorMessage(d->conn));
		msg = d->err;
		if (strstr(msg, "authentication failed") != NULL
		    || strstr(msg, "no pg_hba.conf entry") != NULL
		    || strstr(msg, "password") != NULL
		    || (strstr(msg, "role \"") != NULL
			&& strstr(msg, "does not exist") != NULL))
			return d->base.last_rc = DRV_AUTH;
		if (strstr(msg, "database \"") != NULL
		    && strstr(msg, "does not exist") != NULL)
			return d->base.last_rc = DRV_NOTADB;
		return d->base.last_rc = DRV_CANTOPEN;
	}
	PQsetNoticeProcessor(d->conn, quiet_notice, NULL);
	res = PQexec(d->conn, "SET client_encoding = 'UTF8';"
		     " SET client_min_messages = warning;"
		     " SET standard_conforming_strings = on");
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		int rc = pg_fail_of(d, res);

		PQclear(res);
		return d->base.last_rc = rc;
	}
	PQclear(res);
	return DRV_OK;
}

static void
pg_close(drv_db *db)
{
	pg_db *d = (pg_db *)db;
	int i;

	if (d->conn != NULL)
		PQfinish(d->conn);
	for (i = 0; i < d->n_ids; i++)
		free(d->ids[i].v);
	free(d->err);
	free(d);
}

static int
pg_exec(drv_db *db, const char *sql)
{
	pg_db *d = (pg_db *)db;
	PGresult *res;
	int rc = pg_drain(d), rc2;

	/* ROLLBACK runs whatever the queue said; a COMMIT after a queued
	 * failure only ends the aborted transaction, and fails with it. */
	pg_flush_pending(d);
	res = PQexec(d->conn, sql);
	switch (PQresultStatus(res)) {
	case PGRES_COMMAND_OK:
	case PGRES_TUPLES_OK:
	case PGRES_EMPTY_QUERY:
		if (*PQcmdTuples(res) != '\0')
			d->changes = strtoll(PQcmdTuples(res), NULL, 10);
		break;
	default:
		rc2 = pg_fail_of(d, res);
		if (rc == DRV_OK)
			rc = rc2;
	}
	PQclear(res);
	return rc;
}

static int64_t
pg_changes(drv_db *db)
{
	pg_db *d = (pg_db *)db;

	(void)pg_drain(d);   /* a failure shows at the next call */
	return d->changes;
}

static bool
pg_in_txn(drv_db *db)
{
	return PQtransactionStatus(((pg_db *)db)->conn) != PQTRANS_IDLE;
}

static const char *
pg_errmsg(drv_db *db)
{
	pg_db *d = (pg_db *)db;

	return d->err != NULL ? d->err : PQerrorMessage(d->conn);
}

static int
pg_sys_errno(drv_db *db)
{
	(void)db;
	return 0;
}

/* ---- lakip_meta ---- */

static int
pg_meta_get(drv_db *db, const char *key, int64_t *v)
{
	pg_db *d = (pg_db *)db;
	const char *vals[1] = { key };
	PGresult *res;
	int rc = DRV_OK;

	*v = 0;
	if ((rc = pg_drain(d)) != DRV_OK)
		return rc;
	pg_flush_pending(d);
	res = PQexec(d->conn, "SELECT to_regclass('lakip_meta') IS NOT NULL");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = pg_fail_of(d, res);
		PQclear(res);
		return rc;
	}
	if (PQgetvalue(res, 0, 0)[0] != 't') {
		PQclear(res);
		return DRV_OK;
	}
	PQclear(res);
	res = PQexecParams(d->conn,
			   "SELECT value FROM lakip_meta WHERE key = $1", 1,
			   NULL, vals, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		rc = pg_fail_of(d, res);
	else if (PQntuples(res) == 1)
		*v = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return rc;
}

static int
pg_meta_set(drv_db *db, const char *key, int64_t v)
{
	pg_db *d = (pg_db *)db;
	char num[24];
	const char *vals[2] = { key, num };
	PGresult *res;
	int rc;

	snprintf(num, sizeof num, "%" PRId64, v);
	if ((rc = pg_exec(db, "CREATE TABLE IF NOT EXISTS lakip_meta ("
			  " key TEXT PRIMARY KEY, value BIGINT NOT NULL)"))
	    != DRV_OK)
		return rc;
	res = PQexecParams(d->conn,
			   "INSERT INTO lakip_meta (key, value) VALUES ($1, $2)"
			   " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
			   2, NULL, vals, NULL, NULL, 0);
	rc = PQresultStatus(res) == PGRES_COMMAND_OK ? DRV_OK : pg_fail_of(d, res);
	PQclear(res);
	return rc;
}

static int
pg_busy_timeout(drv_db *db, int ms)
{
	char sql[64];

	/* lock_timeout 0 is no limit; SQLite's 0 is not to wait */
	snprintf(sql, sizeof sql, "SET lock_timeout = %d", ms > 0 ? ms : 1);
	return pg_exec(db, sql);
}

static const drv_ops pg_ops = {
	.dialect = DRV_PG,
	.name = "PostgreSQL",
	.close = pg_close,
	.exec = pg_exec,
	.prepare = pg_prepare,
	.finalize = pg_finalize,
	.bind_int = pg_bind_int,
	.bind_text = pg_bind_text,
	.bind_blob = pg_bind_blob,
	.bind_null = pg_bind_null,
	.bind_count = pg_bind_count,
	.step = pg_step,
	.prefetch = pg_prefetch,
	.reset = pg_reset,
	.col_type = pg_col_type,
	.col_int = pg_col_int,
	.col_text = pg_col_text,
	.col_blob = pg_col_blob,
	.col_bytes = pg_col_bytes,
	.changes = pg_changes,
	.in_txn = pg_in_txn,
	.errmsg = pg_errmsg,
	.sys_errno = pg_sys_errno,
	.meta_get = pg_meta_get,
	.meta_set = pg_meta_set,
	.busy_timeout = pg_busy_timeout,
	.col_count = pg_col_count,
	.col_name = pg_col_name,
};

const char *
drv_pg_describe(const char *conninfo, char *buf, size_t n)
{
	PQconninfoOption *o = NULL, *p;
	const char *host = NULL, *port = NULL, *name = NULL;
	lk_err e;

	if (dynlib_load(&pq_lib, &e) == 0)
		o = PQconninfoParse(conninfo, NULL);
	if (o == NULL) {
		snprintf(buf, n, "postgresql://?");
		return buf;
	}
	for (p = o; p->keyword != NULL; p++) {
		if (p->val == NULL || *p->val == '\0')
			continue;
		if (strcmp(p->keyword, "host") == 0)
			host = p->val;
		else if (strcmp(p->keyword, "port") == 0)
			port = p->val;
		else if (strcmp(p->keyword, "dbname") == 0)
			name = p->val;
	}
	snprintf(buf, n, "%s%s%s/%s", host != NULL ? host : "localhost",
		 port != NULL ? ":" : "", port != NULL ? port : "",
		 name != NULL ? name : "");
	PQconninfoFree(o);
	return buf;
}
