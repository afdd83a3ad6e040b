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

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <pwd.h>
#include <unistd.h>

#include "core/i18n.h"

#define BUSY_DEFAULT_MS 5000

/* ------------------------------------------------------------------ */
/* errors */

int
store_fail(store *s, int rc, lk_err *e, const char *what)
{
	const char *msg = s != NULL && s->db != NULL ? sqlite3_errmsg(s->db)
						     : sqlite3_errstr(rc);
	const char *path = s != NULL ? s->path : "?";

	if (what == NULL)
		what = _("database error");
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return lk_fail(e, EX_TEMPFAIL,
			       _("%s: database is locked by another process (%s)"),
			       path, msg);
	case SQLITE_READONLY:
		return lk_fail(e, EX_IOERR, _("%s: database is read-only (%s)"),
			       path, msg);
	case SQLITE_CANTOPEN:
		return lk_fail(e, s != NULL && s->creating ? EX_CANTCREAT : EX_NOINPUT,
			       _("%s: cannot open database (%s)"), path, msg);
	case SQLITE_FULL:
	case SQLITE_IOERR:
		return lk_fail(e, EX_IOERR, _("%s: %s: disk error (%s)"), path,
			       what, msg);
	case SQLITE_NOTADB:
		return lk_fail(e, EX_DATAERR, _("%s: not a SQLite database (%s)"),
			       path, msg);
	case SQLITE_CORRUPT:
		return lk_fail(e, EX_DATAERR, _("%s: database is damaged (%s)"),
			       path, msg);
	case SQLITE_CONSTRAINT:
		return lk_fail(e, EX_DATAERR, _("%s: %s: %s"), path, what, msg);
	default:
		return lk_fail(e, EX_SOFTWARE, _("%s: %s: %s"), path, what, msg);
	}
}

int
store_fail_readonly(store *s, lk_err *e)
{
	return lk_fail(e, EX_IOERR, _("%s: database is read-only"), s->path);
}

/* ------------------------------------------------------------------ */
/* statements */

int
store_stmt(store *s, sqlite3_stmt **slot, const char *sql, lk_err *e)
{
	int rc;

	s->bind_rc = SQLITE_OK;
	if (*slot != NULL) {
		sqlite3_reset(*slot);
		sqlite3_clear_bindings(*slot);
		return 0;
	}
	rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot,
				NULL);
	if (rc != SQLITE_OK) {
		*slot = NULL;
		return store_fail(s, rc, e, _("cannot prepare a query"));
	}
	return 0;
}

void
store_finalize_all(sqlite3_stmt **slot, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		sqlite3_finalize(slot[i]);
		slot[i] = NULL;
	}
}

void
store_bind_text(store *s, sqlite3_stmt *st, int i, const char *v)
{
	int rc = v == NULL ? sqlite3_bind_null(st, i)
			   : sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);

	if (rc != SQLITE_OK && s->bind_rc == SQLITE_OK)
		s->bind_rc = rc;
}

void
store_bind_int(store *s, sqlite3_stmt *st, int i, int64_t v)
{
	int rc = sqlite3_bind_int64(st, i, (sqlite3_int64)v);

	if (rc != SQLITE_OK && s->bind_rc == SQLITE_OK)
		s->bind_rc = rc;
}

void
store_bind_null(store *s, sqlite3_stmt *st, int i)
{
	int rc = sqlite3_bind_null(st, i);

	if (rc != SQLITE_OK && s->bind_rc == SQLITE_OK)
		s->bind_rc = rc;
}

int
store_check_bind(store *s, lk_err *e)
{
	int rc = s->bind_rc;

	if (rc == SQLITE_OK)
		return 0;
	s->bind_rc = SQLITE_OK;
	return store_fail(s, rc, e, _("cannot bind a value"));
}

int
store_run(store *s, sqlite3_stmt *st, lk_err *e)
{
	int rc;

	if ((rc = store_check_bind(s, e)) != 0)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		sqlite3_reset(st);
		return 0;
	}
	rc = store_fail(s, rc, e, _("cannot write"));
	sqlite3_reset(st);
	return rc;
}

int
store_exec(store *s, const char *sql, lk_err *e)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : store_fail(s, rc, e, NULL);
}

int
store_begin(store *s, lk_err *e)
{
	s->audit_cached = false;
	return store_exec(s, "BEGIN IMMEDIATE", e);
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
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int
store_pragma_int(store *s, const char *name, int64_t *v, lk_err *e)
{
	char sql[64];
	sqlite3_stmt *st = NULL;
	int rc;

	snprintf(sql, sizeof sql, "PRAGMA %s", name);
	rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*v = sqlite3_column_int64(st, 0);
			rc = SQLITE_OK;
		}
	}
	if (rc != SQLITE_OK) {
		rc = store_fail(s, rc, e, _("cannot read the database"));
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	return 0;
}

/* ------------------------------------------------------------------ */
/* open and close */

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

/* The account that runs the program: getpwuid(geteuid()). */
static char *
login_of_euid(void)
{
	struct passwd *pw = getpwuid(geteuid());
	char buf[32], *dup;

	if (pw != NULL && pw->pw_name != NULL && *pw->pw_name)
		dup = strdup(pw->pw_name);
	else {
		snprintf(buf, sizeof buf, "uid:%lu", (unsigned long)geteuid());
		dup = strdup(buf);
	}
	if (dup == NULL)
		lk_fatal("out of memory");
	return dup;
}

static int
busy_from_env(void)
{
	const char *v = getenv("LAKIP_BUSY_TIMEOUT");
	char *end;
	long ms;

	if (v == NULL || *v == '\0')
		return BUSY_DEFAULT_MS;
	errno = 0;
	ms = strtol(v, &end, 10);
	if (errno != 0 || *end != '\0' || ms < 0 || ms > 24L * 3600 * 1000)
		return BUSY_DEFAULT_MS;
	return (int)ms;
}

void
store_set_busy_timeout(store *s, int ms)
{
	sqlite3_busy_timeout(s->db, ms < 0 ? 0 : ms);
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

	if ((rc = store_pragma_int(s, "application_id", &app, e)) != 0)
		return rc;
	if ((rc = store_pragma_int(s, "user_version", version, e)) != 0)
		return rc;
	{
		sqlite3_stmt *st = NULL;
		int src = sqlite3_prepare_v2(s->db,
			"SELECT count(*) FROM sqlite_master", -1, &st, NULL);

		if (src == SQLITE_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
			objects = sqlite3_column_int64(st, 0);
			src = SQLITE_OK;
		}
		if (src != SQLITE_OK) {
			rc = store_fail(s, src, e, _("cannot read the database"));
			sqlite3_finalize(st);
			return rc;
		}
		sqlite3_finalize(st);
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

/* A WAL database in a directory this user cannot write cannot be read
 * the normal way (SQLite wants its -shm file).  Read it as an immutable
 * file instead: lakip checkpoints on close, so the main file holds every
 * committed change.  Returns 0 when reopened. */
static int
reopen_immutable(store *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s->path), i, k = 0;
	char *uri = malloc(3 * n + 32);
	sqlite3 *db = NULL;

	if (uri == NULL)
		lk_fatal("out of memory");
	k += (size_t)sprintf(uri, "file:");
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s->path[i];

		if (c == '%' || c == '?' || c == '#' || c < 0x20 || c >= 0x7f) {
			uri[k++] = '%';
			uri[k++] = hex[c >> 4];
			uri[k++] = hex[c & 15];
		} else
			uri[k++] = (char)c;
	}
	strcpy(uri + k, "?immutable=1");
	if (sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
			    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		free(uri);
		return -1;
	}
	free(uri);
	sqlite3_close(s->db);
	s->db = db;
	store_set_busy_timeout(s, busy_from_env());
	return 0;
}

int
store_open_to(const char *path, unsigned flags, int target, store **out,
	      lk_err *e)
{
	bool ro = (flags & STORE_READONLY) != 0;
	bool create = (flags & STORE_CREATE) != 0 && !ro;
	struct stat st;
	store *s;
	int64_t version = 0;
	int oflags, rc;

	*out = NULL;
	if (target < 1 || target > STORE_SCHEMA_VERSION)
		lk_fatal("store_open_to: bad target version %d", target);
	if (stat(path, &st) != 0) {
		if (errno != ENOENT || !create)
			return lk_fail(e, create ? EX_CANTCREAT : EX_NOINPUT,
				       _("%s: cannot open database: %s"), path,
				       strerror(errno));
		if ((rc = mkdir_parents(path, e)) != 0)
			return rc;
	} else {
		create = false;
		if (S_ISDIR(st.st_mode))
			return lk_fail(e, EX_NOINPUT,
				       _("%s: cannot open database: %s"), path,
				       strerror(EISDIR));
	}

	if ((s = calloc(1, sizeof *s)) == NULL || (s->path = strdup(path)) == NULL)
		lk_fatal("out of memory");
	s->actor = login_of_euid();
	s->creating = create;
	oflags = ro ? SQLITE_OPEN_READONLY
		    : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
	oflags |= SQLITE_OPEN_NOMUTEX;
	rc = sqlite3_open_v2(path, &s->db, oflags, NULL);
	if (rc != SQLITE_OK) {
		rc = store_fail(s, rc, e, NULL);
		store_close(s);
		return rc;
	}
	s->readonly = ro || sqlite3_db_readonly(s->db, "main") == 1;
	store_set_busy_timeout(s, busy_from_env());

	/* Look before touching: nothing below writes until the file is
	 * known to be a lakip database this program understands. */
	rc = check_file(s, &version, e);
	if (rc != 0 && s->readonly && reopen_immutable(s) == 0)
		rc = check_file(s, &version, e);
	if (rc != 0)
		goto fail;
	if (version == 0 && s->readonly) {
		rc = lk_fail(e, EX_DATAERR, _("%s: not a lakip database (it is empty)"),
			     path);
		goto fail;
	}
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
		sqlite3_close(s->db);
	}
	free(s->path);
	free(s->actor);
	free(s);
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
	sqlite3_stmt *st = NULL;
	store_vec v;
	int rc;

	*kode = NULL;
	*n = 0;
	if ((rc = store_stmt(s, &st, "SELECT kode FROM instansi ORDER BY kode",
			     e)) != 0)
		return rc;
	store_vec_init(&v, sizeof(char *));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *k = strdup((const char *)sqlite3_column_text(st, 0));

		if (k == NULL)
			lk_fatal("out of memory");
		*(char **)store_vec_push(&v) = k;
	}
	if (rc != SQLITE_DONE) {
		rc = store_fail(s, rc, e, _("cannot list agencies"));
		store_free_strv(v.p, v.n);
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	*kode = v.p;
	*n = v.n;
	return 0;
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
	sqlite3_stmt *st = NULL;
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
		sqlite3_finalize(st);
		return rc;
	}
	store_vec_init(&v, sizeof(int));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		found = true;
		if (sqlite3_column_type(st, 0) != SQLITE_NULL)
			*(int *)store_vec_push(&v) = sqlite3_column_int(st, 0);
	}
	if (rc != SQLITE_DONE)
		rc = store_fail(s, rc, e, _("cannot list years"));
	else if (!found)
		rc = no_instansi(s, instansi, e);
	else
		rc = 0;
	sqlite3_finalize(st);
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
	};

	return (unsigned)k < DIFF_KINDS ? name[k] : "?";
}
