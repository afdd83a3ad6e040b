/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* store_stmt.c - the bottom of the store: errors, statements, bindings,
 * transactions.
 *
 * Owns: the mapping of a drv_rc to an EX_* code and its message
 * (store_fail), the prepared-statement slots and binding helpers
 * (store_stmt, store_bind_*, store_run), the write transactions
 * (store_begin with drv_sql(DRV_SQL_BEGIN_WRITE), commit, rollback) and
 * the database's own integers (store_meta_get/set).  It calls nothing of
 * the store above it: only drv.h.
 * Every other file of the store talks to the driver through these or
 * through drv.h directly; none knows which database is under it.
 */
#include "config.h"
#include "store/store_int.h"

#include "core/i18n.h"

/* ------------------------------------------------------------------ */
/* errors */

/* The words of a drv_rc when there is no connection to ask. */
static const char *
rc_str(int rc)
{
	switch (rc) {
	case DRV_BUSY: return "database is locked";
	case DRV_READONLY: return "attempt to write a readonly database";
	case DRV_CANTOPEN: return "unable to open database file";
	case DRV_FULL: return "database or disk is full";
	case DRV_IOERR: return "disk I/O error";
	case DRV_NOTADB: return "file is not a database";
	case DRV_CORRUPT: return "database disk image is malformed";
	case DRV_CONSTRAINT: return "constraint failed";
	case DRV_NOMEM: return "out of memory";
	case DRV_RANGE: return "column index out of range";
	default: return "SQL logic error";
	}
}

int
store_fail(store *s, int rc, lk_err *e, const char *what)
{
	const char *msg = s != NULL && s->db != NULL ? drv_errmsg(s->db)
						     : rc_str(rc);
	const char *path = s != NULL ? s->path : "?";

	if (what == NULL)
		what = _("database error");
	switch (rc) {
	case DRV_BUSY:
		return lk_fail(e, EX_TEMPFAIL,
			       _("%s: database is locked by another process (%s)"),
			       path, msg);
	case DRV_READONLY:
		return lk_fail(e, EX_IOERR, _("%s: database is read-only (%s)"),
			       path, msg);
	case DRV_CANTOPEN:
		return lk_fail(e, s != NULL && s->creating ? EX_CANTCREAT : EX_NOINPUT,
			       _("%s: cannot open database (%s)"), path, msg);
	case DRV_FULL:
		return lk_fail(e, EX_IOERR, _("%s: %s: disk full (%s)"), path,
			       what, msg);
	case DRV_IOERR:
		return lk_fail(e, EX_IOERR, _("%s: %s: disk error (%s)"), path,
			       what, msg);
	case DRV_NOTADB:
		return lk_fail(e, EX_DATAERR, _("%s: not a SQLite database (%s)"),
			       path, msg);
	case DRV_CORRUPT:
		return lk_fail(e, EX_DATAERR, _("%s: database is damaged (%s)"),
			       path, msg);
	case DRV_CONSTRAINT:
		return lk_fail(e, EX_DATAERR, _("%s: %s: %s"), path, what, msg);
	default:
		return lk_fail(e, EX_SOFTWARE, _("%s: %s: %s"), path, what, msg);
	}
}

int
store_fail_readonly(store *s, lk_err *e)
{
	if (s->damaged)
		return lk_fail(e, EX_DATAERR,
			       _("%s: database is damaged (%s): nothing is written "
				 "to it; restore it from a backup"), s->path,
			       s->damage);
	return lk_fail(e, EX_IOERR, _("%s: database is read-only"), s->path);
}

/* ------------------------------------------------------------------ */
/* statements */

int
store_stmt(store *s, drv_st **slot, const char *sql, lk_err *e)
{
	int rc;

	s->bind_rc = DRV_OK;
	if (*slot != NULL) {
		drv_reset(*slot);      /* also clears the bindings */
		return 0;
	}
	rc = drv_prepare(s->db, sql, slot);
	if (rc != DRV_OK) {
		*slot = NULL;
		return store_fail(s, rc, e, _("cannot prepare a query"));
	}
	return 0;
}

void
store_finalize_all(drv_st **slot, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		drv_finalize(slot[i]);
		slot[i] = NULL;
	}
}

static void
bound(store *s, int rc)
{
	if (rc != DRV_OK && s->bind_rc == DRV_OK)
		s->bind_rc = rc;
}

void
store_bind_text(store *s, drv_st *st, int i, const char *v)
{
	bound(s, drv_bind_text(st, i, v));
}

void
store_bind_int(store *s, drv_st *st, int i, int64_t v)
{
	bound(s, drv_bind_int(st, i, v));
}

void
store_bind_null(store *s, drv_st *st, int i)
{
	bound(s, drv_bind_null(st, i));
}

void
store_bind_blob(store *s, drv_st *st, int i, const void *p, size_t n)
{
	bound(s, drv_bind_blob(st, i, p, n));
}

int
store_check_bind(store *s, lk_err *e)
{
	int rc = s->bind_rc;

	if (rc == DRV_OK)
		return 0;
	s->bind_rc = DRV_OK;
	return store_fail(s, rc, e, _("cannot bind a value"));
}

int
store_run(store *s, drv_st *st, lk_err *e)
{
	int rc;

	if ((rc = store_check_bind(s, e)) != 0)
		return rc;
	rc = drv_step(st);
	if (rc == DRV_DONE || rc == DRV_ROW) {
		drv_reset(st);
		return 0;
	}
	rc = store_fail(s, rc, e, _("cannot write"));
	drv_reset(st);
	return rc;
}

int
store_exec(store *s, const char *sql, lk_err *e)
{
	int rc = drv_exec(s->db, sql);

	return rc == DRV_OK ? 0 : store_fail(s, rc, e, NULL);
}

int
store_begin(store *s, lk_err *e)
{
	int rc;

	if ((rc = store_check_sound(s, e)) != 0)
		return rc;
	if (s->damaged)
		return store_fail_readonly(s, e);

	s->audit_cached = false;
	rc = store_exec(s, drv_sql(s->db, DRV_SQL_BEGIN_WRITE), e);
	s->writing = rc == 0;
	return rc;
}

int
store_commit(store *s, lk_err *e)
{
	int rc = store_exec(s, "COMMIT", e);

	if (rc != 0)
		store_rollback(s);
	s->writing = false;
	return rc;
}

void
store_rollback(store *s)
{
	if (drv_in_txn(s->db))
		drv_exec(s->db, "ROLLBACK");
	s->writing = false;
}

int
store_meta_get(store *s, const char *key, int64_t *v, lk_err *e)
{
	int rc = drv_meta_get(s->db, key, v);

	return rc == DRV_OK ? 0 : store_fail(s, rc, e, _("cannot read the database"));
}

int
store_meta_set(store *s, const char *key, int64_t v, lk_err *e)
{
	int rc = drv_meta_set(s->db, key, v);

	return rc == DRV_OK ? 0 : store_fail(s, rc, e, NULL);
}

void
store_set_busy_timeout(store *s, int ms)
{
	if (s->db != NULL)
		drv_busy_timeout(s->db, ms);
}
