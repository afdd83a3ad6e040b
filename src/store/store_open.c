/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* store_open.c - the top of the store: opening, migrating, closing.
 *
 * Owns: the open sequence (store_open, store_open_to), the handle's
 * settings that are not the database's (actor, busy timeout from
 * $LAKIP_BUSY_TIMEOUT, warnings), the check that a file is a lakip
 * database of a version this program understands before anything is
 * written, the migration up to the target version (schema.c's steps),
 * store_close, and the read transaction (store_read_begin/end).  Open sequence: check the file before anything is
 * written (a foreign or newer file is left byte-identical), then WAL and
 * migrations unless the handle is read-only.  What is SQLite's own in
 * it (files, flags, quick_check, WAL, the unlocked reopen) is
 * store_sqlite.c's.
 */
#include "config.h"
#include "store/store_int.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <pwd.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/priv.h"

#define BUSY_DEFAULT_MS 5000
#define BUSY_MAX_MS (3600L * 1000)    /* an hour: more is a mistake */

/* The account that runs the program (the real user: a setgid install acts
 * for him): getpwuid(getuid()). */
static char *
login_of_uid(void)
{
	struct passwd *pw = getpwuid(getuid());
	char buf[32], *dup;

	if (pw != NULL && pw->pw_name != NULL && *pw->pw_name)
		dup = strdup(pw->pw_name);
	else {
		snprintf(buf, sizeof buf, "uid:%lu", (unsigned long)getuid());
		dup = strdup(buf);
	}
	if (dup == NULL)
		lk_fatal("out of memory");
	return dup;
}

/* $LAKIP_BUSY_TIMEOUT: unset or empty gives the default; anything but a
 * whole number of milliseconds from 0 to BUSY_MAX_MS is a usage error
 * (a typo would otherwise silently wait 5 s, or not at all). */
int
store_busy_from_env(int *ms, lk_err *e)
{
	const char *v = getenv("LAKIP_BUSY_TIMEOUT"), *p;
	long n = 0;

	*ms = BUSY_DEFAULT_MS;
	if (v == NULL || *v == '\0')
		return 0;
	for (p = v; *p >= '0' && *p <= '9' && n <= BUSY_MAX_MS; p++)
		n = n * 10 + (*p - '0');
	if (*p != '\0' || n > BUSY_MAX_MS)
		return lk_fail(e, EX_USAGE,
			       _("LAKIP_BUSY_TIMEOUT: expected a whole number of "
				 "milliseconds from 0 to %ld, found '%s'"),
			       BUSY_MAX_MS, v);
	*ms = (int)n;
	return 0;
}

/* ---- warnings ---- */

static void
warn_stderr(void *arg, const char *msg)
{
	(void)arg;
	fprintf(stderr, _("lakip: warning: %s\n"), msg);
}

static store_warn_fn *warn_fn = warn_stderr;
static void *warn_arg;

void
store_set_warn(store_warn_fn *fn, void *arg)
{
	warn_fn = fn != NULL ? fn : warn_stderr;
	warn_arg = fn != NULL ? arg : NULL;
}

void
store_warn(const char *fmt, ...)
{
	lk_err w = { 0, "" };
	char buf[LK_ERR_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	/* through lk_fail: user data in the message is made harmless */
	lk_fail(&w, 0, "%s", buf);
	warn_fn(warn_arg, w.msg);
}

/* ---- the file's identity ---- */

static int
not_lakip(store *s, lk_err *e)
{
	return lk_fail(e, EX_DATAERR, _("%s: not a lakip database"), s->path);
}

/* Read-only look at the file: is it ours, and which version?  Writes
 * nothing.  *version is 0 for an empty database. */
static int
check_file(store *s, int64_t *version, lk_err *e)
{
	int64_t app = 0, objects = 0;
	int rc;

	if ((rc = store_meta_get(s, "application_id", &app, e)) != 0)
		return rc;
	if ((rc = store_meta_get(s, "user_version", version, e)) != 0)
		return rc;
	if ((rc = store_sqlite_objects(s, &objects, e)) != 0)
		return rc;
	return store_check_ours(s, app, *version, objects, e);
}

int
store_check_ours(store *s, int64_t app, int64_t version, int64_t objects,
		 lk_err *e)
{
	if (app == 0 && version == 0 && objects == 0)
		return 0;                       /* empty: ours to create */
	if (app != STORE_APPLICATION_ID || version <= 0)
		return not_lakip(s, e);
	if (version > STORE_SCHEMA_VERSION)
		return lk_fail(e, EX_DATAERR,
			       _("%s: database schema version %d is newer than this "
				 "program (%d): upgrade lakip"),
			       s->path, (int)version, STORE_SCHEMA_VERSION);
	return 0;
}

static int open_files(const char *path, unsigned flags, int target,
		      store **out, lk_err *e);

/* A setgid install (core/priv.h) opens with its group only a database
 * that is configured for it; any other with the user's own rights, the
 * group given up for good.  The group is held while the database's files
 * are opened (SQLite keeps them open; -wal and -shm inherit the main
 * file's mode), so no other file is ever opened with it. */
int
store_open_to(const char *path, unsigned flags, int target, store **out,
	      lk_err *e)
{
	char why[PATH_MAX + 256];
	int rc;

	if (target < 1 || target > STORE_SCHEMA_VERSION)
		lk_fatal("store_open_to: bad target version %d", target);
	if (drv_is_pg_name(path))
		return store_open_pg(path, flags, target, out, e);
	if (priv_setgid() && !priv_db_allowed(path, why, sizeof why))
		priv_drop();
	priv_enter();
	rc = open_files(path, flags, target, out, e);
	/* A database made by a setgid install is the group's: 0660. */
	if (rc == 0 && (*out)->creating && priv_setgid() &&
	    chmod(path, 0660) != 0) {
		rc = lk_fail(e, EX_CANTCREAT, _("%s: cannot set its mode: %s"),
			     path, strerror(errno));
		store_close(*out);
		*out = NULL;
	}
	priv_leave();
	return rc;
}

static int
open_files(const char *path, unsigned flags, int target, store **out,
	   lk_err *e)
{
	store_created made;
	store *s;
	int64_t version = 0;
	int rc, busy;

	*out = NULL;
	if (target < 1 || target > STORE_SCHEMA_VERSION)
		lk_fatal("store_open_to: bad target version %d", target);
	if ((rc = store_busy_from_env(&busy, e)) != 0)
		return rc;
	if ((s = calloc(1, sizeof *s)) == NULL || (s->path = strdup(path)) == NULL)
		lk_fatal("out of memory");
	s->actor = login_of_uid();
	s->busy_ms = busy;
	if ((rc = store_sqlite_connect(s, flags, &made, e)) != 0)
		goto fail;

	/* Look before touching: nothing below writes until the file is
	 * known to be a lakip database this program understands. */
	rc = check_file(s, &version, e);
	if (rc != 0 && s->readonly && store_sqlite_reopen_unlocked(s) == 0)
		rc = check_file(s, &version, e);
	if (rc != 0)
		goto fail;
	if (version == 0 && s->readonly) {
		rc = lk_fail(e, EX_DATAERR, _("%s: not a lakip database (it is empty)"),
			     path);
		goto fail;
	}
	if (version > 0 && !s->readonly && (flags & STORE_CHECK_LATER) &&
	    version == target)
		s->check_pending = true;
	else if (version > 0 && !s->readonly &&
		 (rc = store_sqlite_check_sound(s, e)) != 0)
		goto fail;
	s->version = (int)version;
	if ((rc = store_sqlite_settings(s, e)) != 0)
		goto fail;
	if (!s->readonly && version < target &&
	    (rc = schema_migrate(s, target, e)) != 0)
		goto fail;
	*out = s;
	return 0;
fail:
	store_close(s);
	store_sqlite_remove_created(path, &made);
	return rc;
}

bool
store_exists(const char *name)
{
	return drv_is_pg_name(name) || access(name, F_OK) == 0;
}

bool
store_users_are_accounts(const store *s)
{
	return drv_dialect(s->db) != DRV_PG;
}

bool
store_is_server(const char *name)
{
	return drv_is_pg_name(name);
}

const char *
store_display_name(const char *name, char *buf, size_t n)
{
	if (drv_is_pg_name(name))
		return drv_pg_describe(name, buf, n);
	snprintf(buf, n, "%s", name);
	return buf;
}

int
store_open(const char *path, unsigned flags, store **out, lk_err *e)
{
	return store_open_to(path, flags, STORE_SCHEMA_VERSION, out, e);
}

int
store_create_at_version(const char *path, int version, lk_err *e)
{
	struct stat st;
	store *s;
	int rc;

	if (stat(path, &st) == 0)
		return lk_fail(e, EX_CANTCREAT, _("%s: already exists"), path);
	if ((rc = store_open_to(path, STORE_CREATE, version, &s, e)) != 0)
		return rc;
	store_close(s);
	return 0;
}

void
store_close(store *s)
{
	if (s == NULL)
		return;
	if (s->db != NULL) {
		store_rollback(s);
		store_audit_finalize(s);
		drv_close(s->db);
	}
	store_kept_drop(s);
	free(s->path);
	free(s->actor);
	free(s);
}

bool
store_damaged(const store *s)
{
	return s->damaged;
}

int
store_check_sound(store *s, lk_err *e)
{
	int rc;

	if (!s->check_pending)
		return 0;
	/* Still waiting if it could not run (the next write tries again). */
	if ((rc = store_sqlite_check_sound(s, e)) == 0)
		s->check_pending = false;
	return rc;
}

void
store_set_actor(store *s, const char *login)
{
	char *dup = strdup(login != NULL ? login : "");

	if (dup == NULL)
		lk_fatal("out of memory");
	free(s->actor);
	s->actor = dup;
}

const char *
store_actor(const store *s)
{
	return s->actor;
}

const char *
store_path(const store *s)
{
	return s->path;
}

bool
store_readonly(const store *s)
{
	return s->readonly;
}

/* ---- read transactions (a whole read, checked against the files when
 * the handle reads without locks) ---- */

int
store_read_begin(store *s, lk_err *e)
{
	if (drv_in_txn(s->db))
		lk_fatal("store_read_begin: a transaction is open");
	return store_exec(s, drv_sql(s->db, DRV_SQL_BEGIN_READ), e);
}

int
store_read_end(store *s, lk_err *e)
{
	store_rollback(s);
	return store_check_unchanged(s, e);
}

