/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* drv_pg_st.c - the PostgreSQL driver's statements (drv_pg.c is the
 * connection).
 *
 * Owns: a statement's `?N` rewritten to `$N`, its bindings, its
 * preparation on the server at the first run (with the types of that
 * run's values, text where the server cannot tell), its run (a whole
 * result fetched, or the write queued in the pipeline), and reading the
 * rows: booleans as 1 and 0, bytea unescaped once per row.  A single-row
 * "INSERT ... RETURNING id" is run as an INSERT of an id taken ahead from
 * the table's sequence (pg_next_id): its one row is that id, and the
 * INSERT, needing no answer, is queued in a transaction's pipeline like
 * any other write (an import's 8,000 new IKU, sasaran and programs were
 * a round trip each).
 */
#include "config.h"
#include "store/drv_pg_int.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"

/* ---- statements ---- */

/* SQL with ?N (and bare ?) rewritten to $N; *nparam the highest N.
 * Quoted strings, quoted identifiers and comments are copied as they
 * are. */
static char *
rewrite_params(const char *sql, int *nparam, bool **used)
{
	size_t n = strlen(sql);
	char *out = pg_xcalloc(n * 2 + 16, 1), *o = out;
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

static int fetched(pg_st *s);

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

/* An "INSERT INTO t (cols) VALUES (vals) RETURNING id" (drv_insert_id_cut
 * gave its length without the RETURNING, cut) as "INSERT INTO t (id,
 * cols) VALUES ($k, vals)" with k one past its parameters, table t in
 * table; NULL when it has no column list or names id itself. */
static char *
with_id(const char *sql, size_t cut, char *table, size_t tn, int *nparam,
	bool **used)
{
	const char *t = sql + 12, *open = strchr(t, '('), *v;
	char *head, *rw, *out, *vals;
	size_t n;
	int k;

	v = strstr(sql, " VALUES (");
	if (open == NULL || v == NULL || open > v || (size_t)(v - sql) > cut)
		return NULL;
	n = (size_t)(open - t);
	while (n > 0 && t[n - 1] == ' ')
		n--;
	if (n == 0 || n >= tn || memchr(t, ' ', n) != NULL
	    || memchr(t, '"', n) != NULL)
		return NULL;
	/* a column named id among cols */
	for (const char *c = open + 1; c < v;) {
		while (*c == ' ' || *c == '(')
			c++;
		if (strncmp(c, "id", 2) == 0 && (c[2] == ',' || c[2] == ')'
						 || c[2] == ' '))
			return NULL;
		while (c < v && *c != ',')
			c++;
		c++;
	}
	memcpy(table, t, n);
	table[n] = '\0';
	head = pg_xcalloc(cut + 1, 1);
	memcpy(head, sql, cut);
	rw = rewrite_params(head, nparam, used);
	free(head);
	k = ++*nparam;
	{
		bool *nu = realloc(*used, (size_t)k * sizeof **used);

		if (nu == NULL)
			lk_fatal("out of memory");
		nu[k - 1] = true;
		*used = nu;
	}
	/* rw: "INSERT INTO t (" cols ") VALUES (" vals ")" */
	vals = strstr(rw, " VALUES (") + 9;
	out = pg_xcalloc(strlen(rw) + 32, 1);
	n = (size_t)(strchr(rw + 12, '(') + 1 - rw);
	sprintf(out, "%.*sid, %.*s$%d, %s", (int)n, rw,
		(int)(vals - (rw + n)), rw + n, k, vals);
	free(rw);
	return out;
}

int
pg_prepare(drv_db *db, const char *sql, drv_st **out)
{
	pg_st *s = pg_xcalloc(1, sizeof *s);
	size_t cut = drv_insert_id_cut(sql);

	s->base.db = db;
	s->sql = cut != 0 ? with_id(sql, cut, s->table, sizeof s->table,
				    &s->nparam, &s->used)
			  : NULL;
	if (s->sql == NULL) {
		s->table[0] = '\0';
		s->sql = rewrite_params(sql, &s->nparam, &s->used);
	}
	s->val = pg_xcalloc((size_t)s->nparam, sizeof *s->val);
	s->len = pg_xcalloc((size_t)s->nparam, sizeof *s->len);
	s->fmt = pg_xcalloc((size_t)s->nparam, sizeof *s->fmt);
	s->type = pg_xcalloc((size_t)s->nparam, sizeof *s->type);
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

void
pg_finalize(drv_st *st)
{
	pg_st *s = (pg_st *)st;
	pg_db *d = (pg_db *)st->db;

	(void)fetched(s);
	clear_result(s);
	clear_bindings(s);
	if (s->name[0] != '\0') {
		if (d->n_pending == PG_PENDING_MAX)
			pg_flush_pending(d);
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

int
pg_bind_int(drv_st *st, int i, int64_t v)
{
	char buf[24];
	int n = snprintf(buf, sizeof buf, "%" PRId64, v);

	return bind_bytes((pg_st *)st, i, buf, (size_t)n, 0, OID_INT8);
}

int
pg_bind_text(drv_st *st, int i, const char *v)
{
	return bind_bytes((pg_st *)st, i, v, strlen(v), 0, 0);
}

int
pg_bind_blob(drv_st *st, int i, const void *p, size_t n)
{
	return bind_bytes((pg_st *)st, i, n > 0 ? p : "", n, 1, OID_BYTEA);
}

int
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

int
pg_bind_count(drv_st *st)
{
	pg_st *s = (pg_st *)st;

	/* the id taken ahead is the driver's, not the caller's */
	return s->nparam - (s->table[0] != '\0');
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

	if (s->table[0] != '\0') {
		if ((rc = pg_next_id(d, s->table, &s->id)) != DRV_OK)
			return rc;
		snprintf(s->id_text, sizeof s->id_text, "%" PRId64, s->id);
		bind_bytes(s, s->nparam, s->id_text, strlen(s->id_text), 0,
			   OID_INT8);
	}
	if (s->no_rows && (d->pipe
			   || PQtransactionStatus(d->conn) == PQTRANS_INTRANS))
		return pg_queue(s);
	if ((rc = pg_drain(d)) != DRV_OK)
		return rc;
	pg_flush_pending(d);
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
			int rc = pg_fail_of(d, res);

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
		int rc = pg_fail_of(d, res);

		PQclear(res);
		return rc;
	}
	}
	pg_take_result(s, res);
	return DRV_OK;
}

/* The result of s's execution, its rows to step. */
void
pg_take_result(pg_st *s, PGresult *res)
{
	pg_db *d = (pg_db *)s->base.db;

	if (*PQcmdTuples(res) != '\0')
		d->changes = strtoll(PQcmdTuples(res), NULL, 10);
	s->res = res;
	s->nrow = PQntuples(res);
	s->ncol = PQnfields(res);
	s->no_rows = s->ncol == 0;
	s->row = -1;
	s->blob = pg_xcalloc((size_t)s->ncol, sizeof *s->blob);
	s->blen = pg_xcalloc((size_t)s->ncol, sizeof *s->blen);
}

/* Send s ahead in the pipeline (drv_prefetch): a query not yet run,
 * every parameter it uses of a known type (a text leaves the type to the
 * server, whose guess run() may have to correct, which in a transaction
 * a failed preparation in the pipeline could not), and no write queued
 * (those keep their own order); otherwise nothing. */
int
pg_prefetch(drv_st *st)
{
	pg_st *s = (pg_st *)st;
	pg_db *d = (pg_db *)st->db;
	int i;

	if (s->res != NULL || s->fetching || s->sent || s->no_rows ||
	    s->table[0] != '\0' || d->n_queued > 0 || d->n_fetch == PG_FETCH_MAX)
		return DRV_OK;
	for (i = 0; i < s->nparam; i++)
		if (s->used[i] && s->type[i] == 0)
			return DRV_OK;
	if (!d->pipe) {
		if (PQenterPipelineMode(d->conn) != 1)
			return pg_fail_of(d, NULL);
		d->pipe = true;
	}
	if (s->name[0] == '\0') {
		/* run()'s: a parameter the SQL does not use is a text */
		for (i = 0; i < s->nparam; i++)
			if (!s->used[i])
				s->type[i] = OID_TEXT;
		snprintf(s->name, sizeof s->name, "lk%u", ++d->next_name);
		if (PQsendPrepare(d->conn, s->name, s->sql, s->nparam, s->type) != 1)
			return pg_fail_of(d, NULL);
		s->fetch_prep = true;
	}
	if (PQsendQueryPrepared(d->conn, s->name, s->nparam,
				(const char *const *)s->val, s->len, s->fmt, 0) != 1 ||
	    PQpipelineSync(d->conn) != 1)
		return pg_fail_of(d, NULL);
	s->fetching = true;
	d->fetch[d->n_fetch++] = s;
	return DRV_OK;
}

/* s's result read, when it was sent ahead (and those sent before it). */
static int
fetched(pg_st *s)
{
	pg_db *d = (pg_db *)s->base.db;
	int rc = DRV_OK;

	while (rc == DRV_OK && s->fetching)
		rc = pg_fetch_next(d);
	if (rc == DRV_OK && s->fetch_rc != DRV_OK) {
		rc = s->fetch_rc;
		s->fetch_rc = DRV_OK;
	}
	return rc;
}

int
pg_step(drv_st *st)
{
	pg_st *s = (pg_st *)st;
	int i;

	if (s->fetching || s->fetch_rc != DRV_OK) {
		int rc = fetched(s);

		if (rc != DRV_OK)
			return rc;
	}
	if (s->id_row != 0) {           /* after the id row: done */
		s->id_row = 2;
		return DRV_DONE;
	}
	if (s->sent)
		return DRV_DONE;
	if (s->res == NULL) {
		int rc = run(s);

		if (rc != DRV_OK)
			return rc;
		if (s->table[0] != '\0') {
			s->id_row = 1;
			return DRV_ROW;
		}
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

void
pg_reset(drv_st *st)
{
	pg_st *s = (pg_st *)st;

	(void)fetched(s);               /* a result on its way is dropped */
	s->sent = false;
	s->id_row = 0;
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

int
pg_col_type(drv_st *st, int i)
{
	pg_st *s = (pg_st *)st;

	if (s->id_row == 1)
		return i == 0 ? DRV_INTEGER : DRV_NULL;
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

const char *
pg_col_text(drv_st *st, int i)
{
	pg_st *s = (pg_st *)st;
	const char *v;

	if (s->id_row == 1)
		return i == 0 ? s->id_text : NULL;
	if (!has(s, i))
		return NULL;
	v = PQgetvalue(s->res, s->row, i);
	/* a boolean reads as SQLite's 1 and 0 */
	if (PQftype(s->res, i) == OID_BOOL)
		return v[0] == 't' ? "1" : "0";
	return v;
}

int64_t
pg_col_int(drv_st *st, int i)
{
	const char *v = pg_col_text(st, i);

	return v != NULL ? strtoll(v, NULL, 10) : 0;
}

const void *
pg_col_blob(drv_st *st, int i)
{
	pg_st *s = (pg_st *)st;

	if (s->id_row == 1)
		return i == 0 ? s->id_text : NULL;
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

size_t
pg_col_bytes(drv_st *st, int i)
{
	pg_st *s = (pg_st *)st;

	if (s->id_row == 1)
		return i == 0 ? strlen(s->id_text) : 0;
	if (!has(s, i))
		return 0;
	if (pg_col_blob(st, i) == NULL)
		return 0;
	return s->blen[i];
}

int
pg_col_count(drv_st *st)
{
	pg_st *s = (pg_st *)st;

	if (s->id_row == 1)
		return 1;
	return s->res != NULL ? s->ncol : 0;
}

const char *
pg_col_name(drv_st *st, int i)
{
	pg_st *s = (pg_st *)st;

	if (s->id_row == 1)
		return i == 0 ? "id" : NULL;
	return s->res != NULL && i >= 0 && i < s->ncol ? PQfname(s->res, i)
						       : NULL;
}
