/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* open_pg.c - opening a store on a PostgreSQL server.
 *
 * Owns: store_open_pg: the connection (drv_pg.c), the look at the
 * database before anything is written (ours, empty, another
 * application's, a newer lakip's), its creation (schema_pg.c through
 * schema_migrate) and the acting user: the server's authenticated role
 * (session_user), not the Unix login of the process.  Messages name the
 * server and database as libpq reports them, never the password.
 */
#include "config.h"
#include "store/store_int.h"
#include "store/drv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/i18n.h"
#include "core/priv.h"

/* One integer or text of a query without parameters. */
static int
query_one(store *s, const char *sql, int64_t *n, char **text, lk_err *e)
{
	drv_st *st = NULL;
	int rc = drv_prepare(s->db, sql, &st);

	if (rc == DRV_OK && (rc = drv_step(st)) == DRV_ROW) {
		if (n != NULL)
			*n = drv_col_int(st, 0);
		if (text != NULL) {
			const char *t = drv_col_text(st, 0);

			if ((*text = strdup(t != NULL ? t : "")) == NULL)
				lk_fatal("out of memory");
		}
		rc = DRV_OK;
	} else if (rc == DRV_DONE) {
		rc = DRV_ERROR;
	}
	drv_finalize(st);
	return rc == DRV_OK ? 0 : store_fail(s, rc, e, _("cannot read the database"));
}

/* A connection that failed: what the server (or the way to it) said. */
static int
connect_failed(store *s, int rc, lk_err *e)
{
	const char *msg = drv_errmsg(s->db);

	switch (rc) {
	case DRV_AUTH:
		return lk_fail(e, EX_NOPERM,
			       _("%s: the PostgreSQL server refused the login (%s)"),
			       s->path, msg);
	case DRV_NOTADB:
		return lk_fail(e, EX_NOINPUT,
			       _("%s: no such database on the PostgreSQL server (%s); "
				 "the server's administrator makes it (createdb)"),
			       s->path, msg);
	default:
		return lk_fail(e, EX_UNAVAILABLE,
			       _("%s: cannot reach the PostgreSQL server (%s)"),
			       s->path, msg);
	}
}

/* Ours, empty, or not ours; *version 0 for an empty database. */
static int
check_database(store *s, int64_t *version, lk_err *e)
{
	int64_t app = 0, tables = 0;
	int rc;

	if ((rc = drv_meta_get(s->db, "application_id", &app)) != DRV_OK ||
	    (rc = drv_meta_get(s->db, "user_version", version)) != DRV_OK)
		return store_fail(s, rc, e, _("cannot read the database"));
	if ((rc = query_one(s, "SELECT count(*) FROM pg_catalog.pg_tables"
			    " WHERE schemaname = current_schema()"
			    " AND tablename <> 'lakip_meta'", &tables, NULL, e)) != 0)
		return rc;
	return store_check_ours(s, app, *version, tables, e);
}

int
store_open_pg(const char *uri, unsigned flags, int target, store **out,
	      lk_err *e)
{
	char where[512];
	bool ro = (flags & STORE_READONLY) != 0;
	int64_t version = 0;
	store *s;
	int rc;

	*out = NULL;
	/* The group of a setgid install is for the database file; a
	 * server decides by its own roles. */
	if (priv_setgid())
		priv_drop();
	if ((s = calloc(1, sizeof *s)) == NULL)
		lk_fatal("out of memory");
	rc = drv_pg_open(uri, &s->db);
	if ((s->path = strdup(drv_pg_describe(uri, where, sizeof where))) == NULL)
		lk_fatal("out of memory");
	if (rc != DRV_OK) {
		rc = connect_failed(s, rc, e);
		goto fail;
	}
	s->readonly = ro;
	if ((rc = store_busy_from_env(&s->busy_ms, e)) != 0)
		goto fail;
	store_set_busy_timeout(s, s->busy_ms);
	/* who acts: the role the server authenticated */
	if ((rc = query_one(s, "SELECT session_user", NULL, &s->actor, e)) != 0)
		goto fail;
	if ((rc = check_database(s, &version, e)) != 0)
		goto fail;
	if (version == 0 && ro) {
		rc = lk_fail(e, EX_DATAERR,
			     _("%s: not a lakip database (it is empty)"), s->path);
		goto fail;
	}
	if (version == 0 && (flags & STORE_CREATE) == 0) {
		rc = lk_fail(e, EX_NOINPUT,
			     _("%s: the database is empty: make it a lakip database "
			       "with lakip init"), s->path);
		goto fail;
	}
	s->creating = version == 0;
	s->version = (int)version;
	if (!ro && version < target && (rc = schema_migrate(s, target, e)) != 0)
		goto fail;
	*out = s;
	return 0;
fail:
	store_close(s);
	return rc;
}

int
store_pg_grant(store *s, const char *login, bool admin, lk_err *e)
{
	drv_st *st = NULL;
	int rc;

	if (drv_dialect(s->db) != DRV_PG)
		return 0;
	if ((rc = drv_prepare(s->db, "SELECT lakip_grant(?1, ?2 = 1)", &st))
	    == DRV_OK && (rc = drv_bind_text(st, 1, login)) == DRV_OK
	    && (rc = drv_bind_int(st, 2, admin)) == DRV_OK
	    && (rc = drv_step(st)) == DRV_ROW)
		rc = DRV_OK;
	drv_finalize(st);
	if (rc == DRV_PERM)
		return lk_fail(e, EX_NOPERM,
			       _("%s: the server does not let %s make the role %s (%s); "
				 "its administrator runs: CREATE ROLE \"%s\" LOGIN; "
				 "then lakip user add again"), s->path, s->actor, login,
			       drv_errmsg(s->db), login);
	return rc == DRV_OK ? 0
		: store_fail(s, rc, e, _("cannot give the role its rights"));
}
