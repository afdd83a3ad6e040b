/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* drv_pg.c - the PostgreSQL driver (libpq).
 *
 * Owns: a libpq connection behind drv.h.  The store's SQL, written with
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
#include "store/drv.h"

#include <libpq-fe.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dynlib.h"
#include "core/err.h"

#ifndef PQ_SONAME
#define PQ_SONAME "libpq.so.5"
#endif

/* libpq's functions, loaded when a server is first named (dynlib.h):
 * an office on SQLite never loads it, nor the libraries it needs. */
#define PQ_FNS(X) \
	X(PQclear) \
	X(PQcmdTuples) \
	X(PQconnectdb) \
	X(PQconninfoFree) \
	X(PQconninfoParse) \
	X(PQerrorMessage) \
	X(PQexec) \
	X(PQexecParams) \
	X(PQexecPrepared) \
	X(PQfinish) \
	X(PQfname) \
	X(PQfreemem) \
	X(PQftype) \
	X(PQgetisnull) \
	X(PQgetlength) \
	X(PQgetvalue) \
	X(PQnfields) \
	X(PQntuples) \
	X(PQprepare) \
	X(PQresultErrorField) \
	X(PQresultStatus) \
	X(PQsetNoticeProcessor) \
	X(PQstatus) \
	X(PQtransactionStatus) \
	X(PQunescapeBytea) \
	X(PQenterPipelineMode) \
	X(PQexitPipelineMode) \
	X(PQgetResult) \
	X(PQpipelineSync) \
	X(PQsendQueryPrepared)
static struct {
#define X(f) __typeof__(f) *f;
	PQ_FNS(X)
#undef X
} pq;
static const dynlib_fn pq_fn[] = {
#define X(f) { #f, &pq.f },
	PQ_FNS(X)
#undef X
};
static dynlib pq_lib = { PQ_SONAME, "libpq5", pq_fn,
	sizeof pq_fn / sizeof pq_fn[0], false };
#define PQclear pq.PQclear
#define PQcmdTuples pq.PQcmdTuples
#define PQconnectdb pq.PQconnectdb
#define PQconninfoFree pq.PQconninfoFree
#define PQconninfoParse pq.PQconninfoParse
#define PQerrorMessage pq.PQerrorMessage
#define PQexec pq.PQexec
#define PQexecParams pq.PQexecParams
#define PQexecPrepared pq.PQexecPrepared
#define PQfinish pq.PQfinish
#define PQfname pq.PQfname
#define PQfreemem pq.PQfreemem
#define PQftype pq.PQftype
#define PQgetisnull pq.PQgetisnull
#define PQgetlength pq.PQgetlength
#define PQgetvalue pq.PQgetvalue
#define PQnfields pq.PQnfields
#define PQntuples pq.PQntuples
#define PQprepare pq.PQprepare
#define PQresultErrorField pq.PQresultErrorField
#define PQresultStatus pq.PQresultStatus
#define PQsetNoticeProcessor pq.PQsetNoticeProcessor
#define PQstatus pq.PQstatus
#define PQtransactionStatus pq.PQtransactionStatus
#define PQunescapeBytea pq.PQunescapeBytea
#define PQenterPipelineMode pq.PQenterPipelineMode
#define PQexitPipelineMode pq.PQexitPipelineMode
#define PQgetResult pq.PQgetResult
#define PQpipelineSync pq.PQpipelineSync
#define PQsendQueryPrepared pq.PQsendQueryPrepared

/* Type oids of pg_type (catalog/pg_type_d.h is a server header). */
enum {
	OID_BOOL = 16, OID_BYTEA = 17, OID_INT8 = 20, OID_INT2 = 21,
	OID_INT4 = 23, OID_TEXT = 25, OID_OID = 26, OID_NUMERIC = 1700
};

/* Prepared statements dropped on the server in one batch. */
#define PG_PENDING_MAX 64

typedef struct pg_db {
	drv_db base;
	PGconn *conn;
	char *err;                  /* the last error, or NULL */
	int64_t changes;
	unsigned next_name;
	char pending[PG_PENDING_MAX][16];
	int n_pending;
	bool pipe;                  /* in libpq's pipeline mode */
	int n_queued;               /* statements sent, results not read */
} pg_db;

typedef struct pg_st {
	drv_st base;
	char *sql;                  /* with $N */
	int nparam;
	char name[16];              /* "" until prepared on the server */
	char **val;                 /* [nparam], NULL: SQL NULL */
	int *len;
	int *fmt;                   /* 0 text, 1 binary (blobs) */
	Oid *type;                  /* int8, bytea, or 0: the server infers */
	bool *used;                 /* [nparam]: $N appears in the SQL */
	bool no_rows;               /* ran once and returned no columns */
	bool sent;                  /* this execution queued (pipeline) */
	PGresult *res;
	int row, nrow, ncol;
	unsigned char **blob;       /* [ncol] unescaped bytea of this row */
	size_t *blen;
} pg_st;

static const drv_ops pg_ops;

static void *
xcalloc(size_t n, size_t size)
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
static int
fail_of(pg_db *d, const PGresult *res)
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

static int
drain(pg_db *d)
{
	PGresult *res;
	int rc = DRV_OK, nulls = 0;

	if (!d->pipe)
		return DRV_OK;
	if (PQpipelineSync(d->conn) != 1) {
		rc = fail_of(d, NULL);
		goto out;
	}
	for (;;) {
		if ((res = PQgetResult(d->conn)) == NULL) {
			if (++nulls > 1 || PQstatus(d->conn) != CONNECTION_OK) {
				if (rc == DRV_OK)
					rc = fail_of(d, NULL);
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
				rc = fail_of(d, res);
		}
		PQclear(res);
	}
out:
	d->n_queued = 0;
	if (PQexitPipelineMode(d->conn) == 1)
		d->pipe = false;
	else if (rc == DRV_OK)
		rc = fail_of(d, NULL);
	return rc;
}

/* Queue the execution of the prepared statement s (see drain). */
static int
queue(pg_st *s)
{
	pg_db *d = (pg_db *)s->base.db;

	if (!d->pipe) {
		if (PQenterPipelineMode(d->conn) != 1)
			return fail_of(d, NULL);
		d->pipe = true;
	}
	if (PQsendQueryPrepared(d->conn, s->name, s->nparam,
				(const char *const *)s->val, s->len, s->fmt, 0) != 1)
		return fail_of(d, NULL);
	s->sent = true;
	if (++d->n_queued >= PG_QUEUE_MAX)
		return drain(d);
	return DRV_OK;
}

static void
flush_pending(pg_db *d)
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
	pg_db *d = xcalloc(1, sizeof *d);
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
		int rc = fail_of(d, res);

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

	if (d->conn != NULL)
		PQfinish(d->conn);
	free(d->err);
	free(d);
}

static int
pg_exec(drv_db *db, const char *sql)
{
	pg_db *d = (pg_db *)db;
	PGresult *res;
	int rc = drain(d), rc2;

	/* ROLLBACK runs whatever the queue said; a COMMIT after a queued
	 * failure only ends the aborted transaction, and fails with it. */
	flush_pending(d);
	res = PQexec(d->conn, sql);
	switch (PQresultStatus(res)) {
	case PGRES_COMMAND_OK:
	case PGRES_TUPLES_OK:
	case PGRES_EMPTY_QUERY:
		if (*PQcmdTuples(res) != '\0')
			d->changes = strtoll(PQcmdTuples(res), NULL, 10);
		break;
	default:
		rc2 = fail_of(d, res);
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

	(void)drain(d);   /* a failure shows at the next call */
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

/* ---- statements ---- */

/* SQL with ?N (and bare ?) rewritten to $N; *nparam the highest N.
 * Quoted strings, quoted identifiers and comments are copied as they
 * are. */
static char *
rewrite_params(const char *sql, int *nparam, bool **used)
{
	size_t n = strlen(sql);
	char *out = xcalloc(n * 2 + 16, 1), *o = out;
	const char *p = sql;
	int max = 0;
	bool *u = NULL;

	while (*p != '\0') {
		if (*p == '\'' || *p == '"') {
			char q = *p;

			*o++ = *p++;
			while (*p != '\0') {
				if (*p == q && p[1] == q) {
					*o++ = *p++;
					*o++ = *p++;
				} else if (*p == q) {
					*o++ = *p++;
					break;
				} else {
					*o++ = *p++;
				}
			}
		} else if (p[0] == '-' && p[1] == '-') {
			while (*p != '\0' && *p != '\n')
				*o++ = *p++;
		} else if (*p == '?') {
			int k = 0;

			p++;
			if (*p >= '0' && *p <= '9') {
				while (*p >= '0' && *p <= '9')
					k = k * 10 + (*p++ - '0');
			} else {
				k = max + 1;
			}
			if (k > max) {
				bool *nu = realloc(u, (size_t)k * sizeof *u);

				if (nu == NULL)
					lk_fatal("out of memory");
				memset(nu + max, 0, (size_t)(k - max) * sizeof *u);
				u = nu;
				max = k;
			}
			u[k - 1] = true;
			o += sprintf(o, "$%d", k);
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	*nparam = max;
	*used = u;
	return out;
}

static void
clear_result(pg_st *s)
{
	int i;

	if (s->blob != NULL)
		for (i = 0; i < s->ncol; i++) {
			PQfreemem(s->blob[i]);
			s->blob[i] = NULL;
		}
	free(s->blob);
	free(s->blen);
	s->blob = NULL;
	s->blen = NULL;
	PQclear(s->res);
	s->res = NULL;
	s->row = -1;
	s->nrow = s->ncol = 0;
}

static int
pg_prepare(drv_db *db, const char *sql, drv_st **out)
{
	pg_st *s = xcalloc(1, sizeof *s);

	s->base.db = db;
	s->sql = rewrite_params(sql, &s->nparam, &s->used);
	s->val = xcalloc((size_t)s->nparam, sizeof *s->val);
	s->len = xcalloc((size_t)s->nparam, sizeof *s->len);
	s->fmt = xcalloc((size_t)s->nparam, sizeof *s->fmt);
	s->type = xcalloc((size_t)s->nparam, sizeof *s->type);
	s->row = -1;
	*out = &s->base;
	return DRV_OK;
}

static void
clear_bindings(pg_st *s)
{
	int i;

	for (i = 0; i < s->nparam; i++) {
		free(s->val[i]);
		s->val[i] = NULL;
		s->len[i] = 0;
		s->fmt[i] = 0;
		s->type[i] = 0;
	}
}

static void
pg_finalize(drv_st *st)
{
	pg_st *s = (pg_st *)st;
	pg_db *d = (pg_db *)st->db;

	clear_result(s);
	clear_bindings(s);
	if (s->name[0] != '\0') {
		if (d->n_pending == PG_PENDING_MAX)
			flush_pending(d);
		if (d->n_pending < PG_PENDING_MAX)
			memcpy(d->pending[d->n_pending++], s->name,
			       sizeof s->name);
	}
	free(s->val);
	free(s->len);
	free(s->fmt);
	free(s->type);
	free(s->used);
	free(s->sql);
	free(s);
}

static int
bind_bytes(pg_st *s, int i, const void *p, size_t n, int fmt, Oid type)
{
	char *v;

	if (i < 1 || i > s->nparam || n > INT32_MAX)
		return DRV_RANGE;
	v = malloc(n + 1);
	if (v == NULL)
		lk_fatal("out of memory");
	memcpy(v, p, n);
	v[n] = '\0';
	free(s->val[i - 1]);
	s->val[i - 1] = v;
	s->len[i - 1] = (int)n;
	s->fmt[i - 1] = fmt;
	s->type[i - 1] = type;
	return DRV_OK;
}

static int
pg_bind_int(drv_st *st, int i, int64_t v)
{
	char buf[24];
	int n = snprintf(buf, sizeof buf, "%" PRId64, v);

	return bind_bytes((pg_st *)st, i, buf, (size_t)n, 0, OID_INT8);
}

static int
pg_bind_text(drv_st *st, int i, const char *v)
{
	return bind_bytes((pg_st *)st, i, v, strlen(v), 0, 0);
}

static int
pg_bind_blob(drv_st *st, int i, const void *p, size_t n)
{
	return bind_bytes((pg_st *)st, i, n > 0 ? p : "", n, 1, OID_BYTEA);
}

static int
pg_bind_null(drv_st *st, int i)
{
	pg_st *s = (pg_st *)st;

	if (i < 1 || i > s->nparam)
		return DRV_RANGE;
	free(s->val[i - 1]);
	s->val[i - 1] = NULL;
	s->len[i - 1] = 0;
	s->fmt[i - 1] = 0;
	s->type[i - 1] = 0;
	return DRV_OK;
}

static int
pg_bind_count(drv_st *st)
{
	return ((pg_st *)st)->nparam;
}

/* The server could not tell a parameter's type (42P18 indeterminate,
 * 42P08 ambiguous). */
static bool
indeterminate(const PGresult *res)
{
	const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);

	return state != NULL && (strcmp(state, "42P18") == 0
				 || strcmp(state, "42P08") == 0);
}

/* Prepare on the server (once) and run with the bindings. */
static int
run(pg_st *s)
{
	pg_db *d = (pg_db *)s->base.db;
	PGresult *res;
	int rc;

	if (s->no_rows && (d->pipe
			   || PQtransactionStatus(d->conn) == PQTRANS_INTRANS))
		return queue(s);
	if ((rc = drain(d)) != DRV_OK)
		return rc;
	flush_pending(d);
	if (s->name[0] == '\0') {
		char name[16];

		int i;

		/* a parameter the SQL does not use has no place to take a
		 * type from: any will do */
		for (i = 0; i < s->nparam; i++)
			if (!s->used[i])
				s->type[i] = OID_TEXT;
		snprintf(name, sizeof name, "lk%u", ++d->next_name);
		res = PQprepare(d->conn, name, s->sql, s->nparam, s->type);
		if (PQresultStatus(res) != PGRES_COMMAND_OK && indeterminate(res)) {
			/* "?1 IS NULL OR at >= ?1" with ?1 NULL: the server
			 * types the first use it meets; a text is what such a
			 * parameter is in the store's SQL */
			PQclear(res);
			for (i = 0; i < s->nparam; i++)
				if (s->type[i] == 0)
					s->type[i] = OID_TEXT;
			res = PQprepare(d->conn, name, s->sql, s->nparam, s->type);
		}
		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			int rc = fail_of(d, res);

			PQclear(res);
			return rc;
		}
		PQclear(res);
		memcpy(s->name, name, sizeof name);
	}
	res = PQexecPrepared(d->conn, s->name, s->nparam,
			     (const char *const *)s->val, s->len, s->fmt, 0);
	switch (PQresultStatus(res)) {
	case PGRES_TUPLES_OK:
	case PGRES_COMMAND_OK:
		break;
	default: {
		int rc = fail_of(d, res);

		PQclear(res);
		return rc;
	}
	}
	if (*PQcmdTuples(res) != '\0')
		d->changes = strtoll(PQcmdTuples(res), NULL, 10);
	s->res = res;
	s->nrow = PQntuples(res);
	s->ncol = PQnfields(res);
	s->no_rows = s->ncol == 0;
	s->row = -1;
	s->blob = xcalloc((size_t)s->ncol, sizeof *s->blob);
	s->blen = xcalloc((size_t)s->ncol, sizeof *s->blen);
	return DRV_OK;
}

static int
pg_step(drv_st *st)
{
	pg_st *s = (pg_st *)st;
	int i;

	if (s->sent)
		return DRV_DONE;
	if (s->res == NULL) {
		int rc = run(s);

		if (rc != DRV_OK)
			return rc;
		if (s->sent)
			return DRV_DONE;
	}
	for (i = 0; i < s->ncol; i++) {
		PQfreemem(s->blob[i]);
		s->blob[i] = NULL;
	}
	if (s->row < s->nrow)
		s->row++;
	return s->row < s->nrow ? DRV_ROW : DRV_DONE;
}

static void
pg_reset(drv_st *st)
{
	pg_st *s = (pg_st *)st;

	s->sent = false;
	clear_result(s);
	clear_bindings(s);
}

/* The current row's column i exists and is not NULL. */
static bool
has(pg_st *s, int i)
{
	return s->res != NULL && s->row >= 0 && s->row < s->nrow && i >= 0
	       && i < s->ncol && !PQgetisnull(s->res, s->row, i);
}

static int
pg_col_type(drv_st *st, int i)
{
	pg_st *s = (pg_st *)st;

	if (!has(s, i))
		return DRV_NULL;
	switch (PQftype(s->res, i)) {
	case OID_BOOL:
	case OID_INT2:
	case OID_INT4:
	case OID_INT8:
	case OID_OID:
	case OID_NUMERIC:
		return DRV_INTEGER;
	case OID_BYTEA:
		return DRV_BLOB;
	default:
		return DRV_TEXT;
	}
}

static const char *
pg_col_text(drv_st *st, int i)
{
	pg_st *s = (pg_st *)st;
	const char *v;

	if (!has(s, i))
		return NULL;
	v = PQgetvalue(s->res, s->row, i);
	/* a boolean reads as SQLite's 1 and 0 */
	if (PQftype(s->res, i) == OID_BOOL)
		return v[0] == 't' ? "1" : "0";
	return v;
}

static int64_t
pg_col_int(drv_st *st, int i)
{
	const char *v = pg_col_text(st, i);

	return v != NULL ? strtoll(v, NULL, 10) : 0;
}

static const void *
pg_col_blob(drv_st *st, int i)
{
	pg_st *s = (pg_st *)st;

	if (!has(s, i))
		return NULL;
	if (PQftype(s->res, i) != OID_BYTEA) {
		s->blen[i] = (size_t)PQgetlength(s->res, s->row, i);
		return PQgetvalue(s->res, s->row, i);
	}
	if (s->blob[i] == NULL) {
		s->blob[i] = PQunescapeBytea(
			(const unsigned char *)PQgetvalue(s->res, s->row, i),
			&s->blen[i]);
		if (s->blob[i] == NULL)
			lk_fatal("out of memory");
	}
	return s->blob[i];
}

static size_t
pg_col_bytes(drv_st *st, int i)
{
	pg_st *s = (pg_st *)st;

	if (!has(s, i))
		return 0;
	if (pg_col_blob(st, i) == NULL)
		return 0;
	return s->blen[i];
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
	if ((rc = drain(d)) != DRV_OK)
		return rc;
	flush_pending(d);
	res = PQexec(d->conn, "SELECT to_regclass('lakip_meta') IS NOT NULL");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = fail_of(d, res);
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
		rc = fail_of(d, res);
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
	rc = PQresultStatus(res) == PGRES_COMMAND_OK ? DRV_OK : fail_of(d, res);
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

static int
pg_col_count(drv_st *st)
{
	pg_st *s = (pg_st *)st;

	return s->res != NULL ? s->ncol : 0;
}

static const char *
pg_col_name(drv_st *st, int i)
{
	pg_st *s = (pg_st *)st;

	return s->res != NULL && i >= 0 && i < s->ncol ? PQfname(s->res, i)
						       : NULL;
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
