/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* drv_pg_int.h - what the two files of the PostgreSQL driver share
 * (src/store only): libpq's functions as loaded (drv_pg.c loads them),
 * the connection and statement structures, the errors and the pipeline
 * (drv_pg.c), the statements (drv_pg_st.c). */
#ifndef LK_STORE_DRV_PG_INT_H
#define LK_STORE_DRV_PG_INT_H

#include <libpq-fe.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/dynlib.h"
#include "store/drv.h"

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
	X(PQsendQueryPrepared) \
	X(PQsendPrepare)
struct pg_fns {
#define X(f) __typeof__(f) *p_##f;
	PQ_FNS(X)
#undef X
};
extern struct pg_fns pq;
extern dynlib pq_lib;
#define PQclear pq.p_PQclear
#define PQcmdTuples pq.p_PQcmdTuples
#define PQconnectdb pq.p_PQconnectdb
#define PQconninfoFree pq.p_PQconninfoFree
#define PQconninfoParse pq.p_PQconninfoParse
#define PQerrorMessage pq.p_PQerrorMessage
#define PQexec pq.p_PQexec
#define PQexecParams pq.p_PQexecParams
#define PQexecPrepared pq.p_PQexecPrepared
#define PQfinish pq.p_PQfinish
#define PQfname pq.p_PQfname
#define PQfreemem pq.p_PQfreemem
#define PQftype pq.p_PQftype
#define PQgetisnull pq.p_PQgetisnull
#define PQgetlength pq.p_PQgetlength
#define PQgetvalue pq.p_PQgetvalue
#define PQnfields pq.p_PQnfields
#define PQntuples pq.p_PQntuples
#define PQprepare pq.p_PQprepare
#define PQresultErrorField pq.p_PQresultErrorField
#define PQresultStatus pq.p_PQresultStatus
#define PQsetNoticeProcessor pq.p_PQsetNoticeProcessor
#define PQstatus pq.p_PQstatus
#define PQtransactionStatus pq.p_PQtransactionStatus
#define PQunescapeBytea pq.p_PQunescapeBytea
#define PQenterPipelineMode pq.p_PQenterPipelineMode
#define PQexitPipelineMode pq.p_PQexitPipelineMode
#define PQgetResult pq.p_PQgetResult
#define PQpipelineSync pq.p_PQpipelineSync
#define PQsendQueryPrepared pq.p_PQsendQueryPrepared
#define PQsendPrepare pq.p_PQsendPrepare

/* Type oids of pg_type (catalog/pg_type_d.h is a server header). */
enum {
	OID_BOOL = 16, OID_BYTEA = 17, OID_INT8 = 20, OID_INT2 = 21,
	OID_INT4 = 23, OID_TEXT = 25, OID_OID = 26, OID_NUMERIC = 1700
};

/* Prepared statements dropped on the server in one batch. */
#define PG_PENDING_MAX 64
#define PG_FETCH_MAX 64            /* queries sent ahead (drv_prefetch) */
#define PG_ID_TABLES 24            /* tables whose ids are taken ahead */

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
	/* queries sent ahead (pg_prefetch), their results not read yet, in
	 * the order sent: fetch[fetch_head .. n_fetch - 1] */
	struct pg_st *fetch[PG_FETCH_MAX];
	int fetch_head, n_fetch;
	/* ids taken ahead from a table's sequence (pg_next_id) */
	struct pg_ids {
		char table[48];
		int64_t *v;         /* [batch], handed out from pos */
		int n, pos, batch;
	} ids[PG_ID_TABLES];
	int n_ids;
} pg_db;

typedef struct pg_st {
	drv_st base;
	bool fetching;              /* sent ahead, its result not read */
	bool fetch_prep;            /* its preparation went with it */
	int fetch_rc;               /* how its result came back */
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
	/* an "INSERT ... RETURNING id" run as an INSERT of an id taken
	 * ahead (pg_next_id), its last parameter: it can be queued */
	char table[48];             /* "" when not */
	int64_t id;
	char id_text[24];
	int id_row;                 /* 1: the id row is current, 2: done */
	PGresult *res;
	int row, nrow, ncol;
	unsigned char **blob;       /* [ncol] unescaped bytea of this row */
	size_t *blen;
} pg_st;

/* ---- drv_pg.c ---- */
void *pg_xcalloc(size_t n, size_t size);
/* The drv_rc of a failed result (or of the connection when res is
 * NULL), with its message remembered. */
int pg_fail_of(pg_db *d, const PGresult *res);
/* Read the results of the queued writes (pipeline); the first failure. */
int pg_drain(pg_db *d);
/* Send an execution of s into the pipeline instead of waiting. */
int pg_queue(pg_st *s);
int pg_fetch_next(pg_db *d);
int pg_fetch_all(pg_db *d);
int pg_prefetch(drv_st *st);
void pg_take_result(pg_st *s, PGresult *res);
/* The next id of a new row of table, from ids taken ahead from its
 * sequence in one round trip (1, 2, 4 ... up to 1,024 at a time), so
 * that an INSERT needs no answer and can be queued.  A table without a
 * sequence on id fails. */
int pg_next_id(pg_db *d, const char *table, int64_t *id);
/* Drop the statements finalized earlier, when the connection can. */
void pg_flush_pending(pg_db *d);

/* ---- drv_pg_st.c: the statement ops ---- */
int pg_prepare(drv_db *db, const char *sql, drv_st **out);
void pg_finalize(drv_st *st);
int pg_bind_int(drv_st *st, int i, int64_t v);
int pg_bind_text(drv_st *st, int i, const char *v);
int pg_bind_blob(drv_st *st, int i, const void *p, size_t n);
int pg_bind_null(drv_st *st, int i);
int pg_bind_count(drv_st *st);
int pg_step(drv_st *st);
void pg_reset(drv_st *st);
int pg_col_type(drv_st *st, int i);
int64_t pg_col_int(drv_st *st, int i);
const char *pg_col_text(drv_st *st, int i);
const void *pg_col_blob(drv_st *st, int i);
size_t pg_col_bytes(drv_st *st, int i);
int pg_col_count(drv_st *st);
const char *pg_col_name(drv_st *st, int i);

#endif
