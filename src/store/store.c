/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* store.c - opening the database, connection settings, error mapping,
 * statement helpers, and the small listing queries.
 *
 * Open sequence: check the file before anything is written (a foreign or
 * newer file is left byte-identical), then WAL and migrations unless the
 * handle is read-only.
 */
#include "config.h"
#include "store/store_int.h"

#include <sqlite3.h>

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
	if (s->damaged)
		return store_fail_readonly(s, e);
	s->audit_cached = false;
	return store_exec(s, drv_sql(s->db, DRV_SQL_BEGIN_WRITE), e);
}

int
store_commit(store *s, lk_err *e)
{
	int rc = store_exec(s, "COMMIT", e);

	if (rc != 0)
		store_rollback(s);
	return rc;
}

void
store_rollback(store *s)
{
	if (drv_in_txn(s->db))
		drv_exec(s->db, "ROLLBACK");
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

/* ------------------------------------------------------------------ */
/* open and close */

/* Files SQLite keeps beside the database, as suffixes of its path. */
static const char *const sidecar_ext[] = { "-wal", "-shm", "-journal" };
#define N_SIDECAR (sizeof sidecar_ext / sizeof sidecar_ext[0])

static char *
path_with(const char *path, const char *ext)
{
	size_t n = strlen(path), k = strlen(ext);
	char *p = malloc(n + k + 1);

	if (p == NULL)
		lk_fatal("out of memory");
	memcpy(p, path, n);
	memcpy(p + n, ext, k + 1);
	return p;
}

/* mkdir -p of the directory part of path; new directories get 0700. */
static int
mkdir_parents(const char *path, lk_err *e)
{
	char *dir = strdup(path), *p;
	struct stat st;
	int rc = 0;

	if (dir == NULL)
		lk_fatal("out of memory");
	p = strrchr(dir, '/');
	if (p == NULL || p == dir) {
		free(dir);
		return 0;
	}
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		{
			char c = *p;

			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				rc = lk_fail(e, EX_CANTCREAT,
					     _("%s: cannot create directory %s: %s"),
					     path, dir, strerror(errno));
				break;
			}
			if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
				rc = lk_fail(e, EX_CANTCREAT,
					     _("%s: cannot create directory %s: %s"),
					     path, dir, strerror(ENOTDIR));
				break;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	free(dir);
	return rc;
}

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
static int
busy_from_env(int *ms, lk_err *e)
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

void
store_set_busy_timeout(store *s, int ms)
{
	sqlite3 *h = drv_sqlite_handle(s->db);

	if (h != NULL)
		sqlite3_busy_timeout(h, ms < 0 ? 0 : ms);
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

static void
store_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
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

/* ---- checks before and after opening ---- */

static const char *
file_kind(mode_t m)
{
	if (S_ISDIR(m))
		return _("a directory");
	if (S_ISFIFO(m))
		return _("a FIFO (named pipe)");
	if (S_ISCHR(m))
		return _("a character device");
	if (S_ISBLK(m))
		return _("a block device");
	if (S_ISSOCK(m))
		return _("a socket");
	return _("a special file");
}

/* The database, and each of its -wal, -shm and -journal files that
 * exist, must be regular files: SQLite would block on a FIFO, read a
 * device or write into it.  existed[] tells which side files were there
 * before (so that a failed create removes only what it made). */
static int
check_files(const char *path, const struct stat *st, bool existed[N_SIDECAR],
	    lk_err *e)
{
	size_t i;

	if (st != NULL && !S_ISREG(st->st_mode))
		return lk_fail(e, EX_NOINPUT,
			       _("%s: cannot open database: it is %s, not a "
				 "regular file"), path, file_kind(st->st_mode));
	for (i = 0; i < N_SIDECAR; i++) {
		char *side = path_with(path, sidecar_ext[i]);
		struct stat ss;
		int rc = 0;

		existed[i] = lstat(side, &ss) == 0;
		if (existed[i] && stat(side, &ss) == 0 && !S_ISREG(ss.st_mode))
			rc = lk_fail(e, EX_NOINPUT,
				     _("%s: cannot open database: %s is %s, not a "
				       "regular file"), path, side,
				     file_kind(ss.st_mode));
		free(side);
		if (rc != 0)
			return rc;
	}
	return 0;
}

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
	{
		drv_st *st = NULL;
		int src = drv_prepare(s->db, "SELECT count(*) FROM sqlite_master",
				      &st);

		if (src == DRV_OK && (src = drv_step(st)) == DRV_ROW) {
			objects = drv_col_int(st, 0);
			src = DRV_OK;
		}
		if (src != DRV_OK) {
			rc = store_fail(s, src, e, _("cannot read the database"));
			drv_finalize(st);
			return rc;
		}
		drv_finalize(st);
	}
	if (app == 0 && *version == 0 && objects == 0)
		return 0;                       /* empty: ours to create */
	if (app != STORE_APPLICATION_ID || *version <= 0)
		return not_lakip(s, e);
	if (*version > STORE_SCHEMA_VERSION)
		return lk_fail(e, EX_DATAERR,
			       _("%s: database schema version %d is newer than this "
				 "program (%d): upgrade lakip"),
			       s->path, (int)*version, STORE_SCHEMA_VERSION);
	return 0;
}

/* PRAGMA quick_check, once per handle that may write (it reads every
 * page: about 50 ms on the 15 MB database of the 5,000-IKU synthetic
 * plan, where an import takes 170 ms).  A damaged database is not an
 * error here: the handle becomes read-only, reads go on with a warning,
 * and every write fails with EX_DATAERR (store_fail_readonly).  Fails
 * only when the check cannot run. */
static int
check_sound(store *s, lk_err *e)
{
	drv_st *st = NULL;
	const char *why = NULL;
	int rc;

	rc = drv_prepare(s->db, "PRAGMA quick_check(1)", &st);
	if (rc == DRV_OK)
		rc = drv_step(st);
	if (rc == DRV_ROW) {
		why = drv_col_text(st, 0);
		if (why != NULL && strcmp(why, "ok") == 0) {
			drv_finalize(st);
			return 0;
		}
		if (why == NULL)
			why = "?";
	} else if (rc == DRV_CORRUPT || rc == DRV_NOTADB) {
		why = drv_errmsg(s->db);
	} else {
		rc = store_fail(s, rc, e, _("cannot check the database"));
		drv_finalize(st);
		return rc;
	}
	{       /* one line: "*** in database main ***\nPage 54: ..." */
		const char *p = strstr(why, "***\n");
		size_t k;

		snprintf(s->damage, sizeof s->damage, "%s",
			 p != NULL ? p + 4 : why);
		for (k = 0; s->damage[k] != '\0'; k++)
			if (s->damage[k] == '\n')
				s->damage[k] = ' ';
	}
	drv_finalize(st);
	s->damaged = true;
	s->readonly = true;
	store_warn(_("%s: database is damaged (%s): it is read as far as it "
		     "can be, and nothing is written to it; restore it from a "
		     "backup"), s->path, s->damage);
	return 0;
}

static void
fsig_of(const char *path, store_fsig *f)
{
	struct stat st;

	memset(f, 0, sizeof *f);
	if (stat(path, &st) != 0)
		return;
	f->exists = true;
	f->dev = st.st_dev;
	f->ino = st.st_ino;
	f->size = st.st_size;
	f->mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL +
		      st.st_mtim.tv_nsec;
}

static void
note_files(const store *s, store_fsig sig[N_SIDECAR + 1])
{
	size_t i;

	fsig_of(s->path, &sig[0]);
	for (i = 0; i < N_SIDECAR; i++) {
		char *side = path_with(s->path, sidecar_ext[i]);

		fsig_of(side, &sig[i + 1]);
		free(side);
	}
}

/* "file:PATH?QUERY", PATH escaped for a URI. */
static char *
uri_of(const char *path, const char *query)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path), i, k = 0;
	char *uri = malloc(3 * n + strlen(query) + 8);

	if (uri == NULL)
		lk_fatal("out of memory");
	k += (size_t)sprintf(uri, "file:");
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)path[i];

		if (c == '%' || c == '?' || c == '#' || c < 0x20 || c >= 0x7f) {
			uri[k++] = '%';
			uri[k++] = hex[c >> 4];
			uri[k++] = hex[c & 15];
		} else
			uri[k++] = (char)c;
	}
	uri[k++] = '?';
	strcpy(uri + k, query);
	return uri;
}

/* A WAL database in a directory this account cannot write, without a
 * -shm file it can use, cannot be read the normal way: SQLite wants to
 * create or write the -shm file.  Read it without shared memory instead:
 * in exclusive locking mode SQLite keeps the WAL index in the process's
 * own memory, and the "unix-none" VFS takes no file locks (a file opened
 * read-only cannot hold the write lock exclusive mode asks for).  Unlike
 * immutable=1, this reads the transactions committed in the -wal file
 * too (a writer that died leaves them there).  Without a -wal file, or
 * with an empty one, the main file holds everything, and immutable=1
 * reads it (exclusive mode would want to create the -wal).  Without locks a writer could change the files during the read:
 * their state is noted here and compared by store_check_unchanged().
 * Returns 0 when reopened. */
static int
reopen_unlocked(store *s)
{
	drv_db *db = NULL;
	char *uri;
	bool ok;

	note_files(s, s->sig);
	if (s->sig[1].exists && s->sig[1].size > 0) {
		uri = uri_of(s->path, "vfs=unix-none");
		ok = drv_sqlite_open(uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
				     SQLITE_OPEN_NOMUTEX, &db) == DRV_OK &&
		     drv_exec(db, "PRAGMA locking_mode = EXCLUSIVE") == DRV_OK;
	} else {
		/* no -wal: the main file holds every committed change */
		uri = uri_of(s->path, "immutable=1");
		ok = drv_sqlite_open(uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
				     SQLITE_OPEN_NOMUTEX, &db) == DRV_OK;
	}
	free(uri);
	if (!ok) {
		drv_close(db);
		return -1;
	}
	drv_close(s->db);
	s->db = db;
	s->unlocked = true;
	store_set_busy_timeout(s, s->busy_ms);
	return 0;
}

int
store_check_unchanged(store *s, lk_err *e)
{
	store_fsig now[N_SIDECAR + 1];

	if (!s->unlocked)
		return 0;
	note_files(s, now);
	if (memcmp(now, s->sig, sizeof now) == 0)
		return 0;
	memcpy(s->sig, now, sizeof now);
	return lk_fail(e, EX_TEMPFAIL,
		       _("%s: the database changed while it was read without "
			 "locks (this account cannot write its directory): try "
			 "again"), s->path);
}

/* After a failed create: remove the database and the side files this
 * open made, so that no empty database is left behind. */
static void
remove_created(const char *path, const struct stat *made,
	       const bool existed[N_SIDECAR])
{
	struct stat st;
	size_t i;

	if (stat(path, &st) != 0 || st.st_dev != made->st_dev ||
	    st.st_ino != made->st_ino)
		return;                 /* not the file this open created */
	unlink(path);
	for (i = 0; i < N_SIDECAR; i++) {
		char *side = path_with(path, sidecar_ext[i]);

		if (!existed[i])
			unlink(side);
		free(side);
	}
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
	bool ro = (flags & STORE_READONLY) != 0;
	bool create = (flags & STORE_CREATE) != 0 && !ro;
	bool existed[N_SIDECAR];
	struct stat st, made;
	store *s;
	int64_t version = 0;
	int oflags, rc, busy;

	*out = NULL;
	if (target < 1 || target > STORE_SCHEMA_VERSION)
		lk_fatal("store_open_to: bad target version %d", target);
	if ((rc = busy_from_env(&busy, e)) != 0)
		return rc;
	if (stat(path, &st) != 0) {
		if (errno != ENOENT || !create)
			return lk_fail(e, create ? EX_CANTCREAT : EX_NOINPUT,
				       _("%s: cannot open database: %s"), path,
				       strerror(errno));
		if ((rc = mkdir_parents(path, e)) != 0)
			return rc;
		if ((rc = check_files(path, NULL, existed, e)) != 0)
			return rc;
	} else {
		create = false;
		if ((rc = check_files(path, &st, existed, e)) != 0)
			return rc;
	}

	if ((s = calloc(1, sizeof *s)) == NULL || (s->path = strdup(path)) == NULL)
		lk_fatal("out of memory");
	s->actor = login_of_uid();
	s->creating = create;
	s->busy_ms = busy;
	oflags = ro ? SQLITE_OPEN_READONLY
		    : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
	oflags |= SQLITE_OPEN_NOMUTEX;
	rc = drv_sqlite_open(path, oflags, &s->db);
	if (create && stat(path, &made) != 0)
		create = false;         /* nothing made (or ":memory:") */
	if (rc != DRV_OK) {
		rc = store_fail(s, rc, e, NULL);
		goto fail;
	}
	s->readonly = ro || sqlite3_db_readonly(drv_sqlite_handle(s->db), "main") == 1;
	store_set_busy_timeout(s, busy);

	/* Look before touching: nothing below writes until the file is
	 * known to be a lakip database this program understands. */
	rc = check_file(s, &version, e);
	if (rc != 0 && s->readonly && reopen_unlocked(s) == 0)
		rc = check_file(s, &version, e);
	if (rc != 0)
		goto fail;
	if (version == 0 && s->readonly) {
		rc = lk_fail(e, EX_DATAERR, _("%s: not a lakip database (it is empty)"),
			     path);
		goto fail;
	}
	if (version > 0 && !s->readonly && (rc = check_sound(s, e)) != 0)
		goto fail;
	s->version = (int)version;
	if ((rc = store_exec(s, "PRAGMA foreign_keys = ON", e)) != 0)
		goto fail;
	if (!s->readonly) {
		if ((rc = store_exec(s, "PRAGMA journal_mode = WAL", e)) != 0)
			goto fail;
		if (version < target && (rc = schema_migrate(s, target, e)) != 0)
			goto fail;
	}
	*out = s;
	return 0;
fail:
	store_close(s);
	if (create)
		remove_created(path, &made, existed);
	return rc;
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
	free(s->path);
	free(s->actor);
	free(s);
}

bool
store_damaged(const store *s)
{
	return s->damaged;
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

/* ------------------------------------------------------------------ */
/* listings */

void
store_free_strv(char **v, size_t n)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int
store_list_instansi(store *s, char ***kode, size_t *n, lk_err *e)
{
	drv_st *st = NULL;
	store_vec v;
	int rc;

	*kode = NULL;
	*n = 0;
	if ((rc = store_stmt(s, &st, "SELECT kode FROM instansi ORDER BY kode",
			     e)) != 0)
		return rc;
	store_vec_init(&v, sizeof(char *));
	while ((rc = drv_step(st)) == DRV_ROW) {
		char *k = strdup(drv_col_text(st, 0));

		if (k == NULL)
			lk_fatal("out of memory");
		*(char **)store_vec_push(&v) = k;
	}
	if (rc != DRV_DONE) {
		rc = store_fail(s, rc, e, _("cannot list agencies"));
		store_free_strv(v.p, v.n);
		drv_finalize(st);
		return rc;
	}
	drv_finalize(st);
	*kode = v.p;
	*n = v.n;
	return 0;
}

int
store_list_instansi_nama(store *s, store_instansi_ref **out, size_t *n,
			 lk_err *e)
{
	drv_st *st = NULL;
	store_vec v;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_stmt(s, &st, "SELECT kode, nama FROM instansi ORDER BY kode",
			     e)) != 0)
		return rc;
	store_vec_init(&v, sizeof(store_instansi_ref));
	while ((rc = drv_step(st)) == DRV_ROW) {
		store_instansi_ref *x = store_vec_push(&v);
		const char *nama = drv_col_text(st, 1);

		x->kode = strdup(drv_col_text(st, 0));
		x->nama = strdup(nama != NULL ? nama : "");
		if (x->kode == NULL || x->nama == NULL)
			lk_fatal("out of memory");
	}
	drv_finalize(st);
	if (rc != DRV_DONE) {
		rc = store_fail(s, rc, e, _("cannot list agencies"));
		store_instansi_ref_free(v.p, v.n);
		return rc;
	}
	*out = v.p;
	*n = v.n;
	return 0;
}

void
store_instansi_ref_free(store_instansi_ref *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].kode);
		free(v[i].nama);
	}
	free(v);
}

int
store_read_begin(store *s, lk_err *e)
{
	if (drv_in_txn(s->db))
		lk_fatal("store_read_begin: a transaction is open");
	return store_exec(s, "BEGIN", e);
}

int
store_read_end(store *s, lk_err *e)
{
	store_rollback(s);
	return store_check_unchanged(s, e);
}

static int
no_instansi(store *s, const char *kode, lk_err *e)
{
	return lk_fail(e, EX_NOINPUT, _("%s: no agency '%s' in the database"),
		       s->path, kode);
}

int
store_list_tahun(store *s, const char *instansi, int **tahun, size_t *n,
		 lk_err *e)
{
	drv_st *st = NULL;
	store_vec v;
	bool found = false;
	int rc;

	*tahun = NULL;
	*n = 0;
	/* LEFT JOIN: one row with NULL tahun for an agency without plans. */
	if ((rc = store_stmt(s, &st,
		"SELECT r.tahun FROM instansi i LEFT JOIN rencana r "
		"ON r.instansi_id = i.id WHERE i.kode = ?1 ORDER BY r.tahun",
		e)) != 0)
		return rc;
	store_bind_text(s, st, 1, instansi);
	if ((rc = store_check_bind(s, e)) != 0) {
		drv_finalize(st);
		return rc;
	}
	store_vec_init(&v, sizeof(int));
	while ((rc = drv_step(st)) == DRV_ROW) {
		found = true;
		if (drv_col_type(st, 0) != DRV_NULL)
			*(int *)store_vec_push(&v) = (int)drv_col_int(st, 0);
	}
	if (rc != DRV_DONE)
		rc = store_fail(s, rc, e, _("cannot list years"));
	else if (!found)
		rc = no_instansi(s, instansi, e);
	else
		rc = 0;
	drv_finalize(st);
	if (rc != 0) {
		store_vec_free(&v);
		return rc;
	}
	*tahun = v.p;
	*n = v.n;
	return 0;
}

int
store_pilih_instansi(store *s, const char *kode, char **out, lk_err *e)
{
	char **v, list[512];
	size_t n, i, len = 0;
	int rc;

	*out = NULL;
	if ((rc = store_list_instansi(s, &v, &n, e)) != 0)
		return rc;
	if (kode != NULL) {
		for (i = 0; i < n && strcmp(v[i], kode) != 0; i++)
			;
		rc = i < n ? 0 : no_instansi(s, kode, e);
	} else if (n == 0) {
		rc = lk_fail(e, EX_NOINPUT,
			     _("%s: the database holds no agency: import one first"),
			     s->path);
	} else if (n > 1) {
		list[0] = '\0';
		for (i = 0; i < n && len < sizeof list; i++) {
			int w = snprintf(list + len, sizeof list - len, "%s%s",
					 i ? ", " : "", v[i]);

			if (w < 0)
				break;
			len += (size_t)w;
		}
		rc = lk_fail(e, EX_USAGE,
			     _("%s: the database holds several agencies (%s): "
			       "choose one with --instansi"), s->path, list);
	} else {
		kode = v[0];
	}
	if (rc == 0 && (*out = strdup(kode)) == NULL)
		lk_fatal("out of memory");
	store_free_strv(v, n);
	return rc;
}

const char *
store_diff_kind_name(enum store_diff_kind k)
{
	static const char *const name[DIFF_KINDS] = {
		[DIFF_INSTANSI] = "instansi",
		[DIFF_BIDANG] = "bidang",
		[DIFF_SASARAN] = "sasaran",
		[DIFF_IKU] = "IKU",
		[DIFF_PROGRAM] = "program",
		[DIFF_TRIWULAN] = "triwulan",
		[DIFF_TAHUNAN] = "tahunan",
	};

	return (unsigned)k < DIFF_KINDS ? name[k] : "?";
}
