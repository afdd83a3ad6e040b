/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* store_sqlite.c - the SQLite-only parts of opening a store.
 *
 * Owns: the database file and the files SQLite keeps beside it (-wal,
 * -shm, -journal: regular files only, removed again after a failed
 * create), the connection's flags and busy timeout, PRAGMA quick_check,
 * foreign_keys and WAL, the reopen without locks or -shm of a database
 * this account cannot write (unix-none, immutable=1) with the check that
 * its files did not change (store_check_unchanged), and the count of
 * schema objects of an empty file.  With drv_sqlite.c the only file of
 * lakip that includes sqlite3.h; the open sequence itself is
 * store_open.c's.
 */
#include "config.h"
#include "store/store_int.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "core/i18n.h"

/* Files SQLite keeps beside the database, as suffixes of its path. */
static const char *const sidecar_ext[] = { "-wal", "-shm", "-journal" };
#define N_SIDECAR (sizeof sidecar_ext / sizeof sidecar_ext[0])
_Static_assert(N_SIDECAR == STORE_N_SIDECAR, "sidecar_ext and STORE_N_SIDECAR");

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
check_files(const char *path, const struct stat *st,
	    bool existed[STORE_N_SIDECAR], lk_err *e)
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

int
store_sqlite_connect(store *s, unsigned flags, store_created *c, lk_err *e)
{
	const char *path = s->path;
	bool ro = (flags & STORE_READONLY) != 0;
	bool create = (flags & STORE_CREATE) != 0 && !ro;
	struct stat st;
	int oflags, rc;

	memset(c, 0, sizeof *c);
	if (stat(path, &st) != 0) {
		if (errno != ENOENT || !create)
			return lk_fail(e, create ? EX_CANTCREAT : EX_NOINPUT,
				       _("%s: cannot open database: %s"), path,
				       strerror(errno));
		if ((rc = mkdir_parents(path, e)) != 0)
			return rc;
		if ((rc = check_files(path, NULL, c->existed, e)) != 0)
			return rc;
	} else {
		create = false;
		if ((rc = check_files(path, &st, c->existed, e)) != 0)
			return rc;
	}
	s->creating = create;
	oflags = ro ? SQLITE_OPEN_READONLY
		    : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
	oflags |= SQLITE_OPEN_NOMUTEX;
	rc = drv_sqlite_open(path, oflags, &s->db);
	/* nothing made (or ":memory:") when there is no file now */
	c->made = create && stat(path, &c->st) == 0;
	if (rc != DRV_OK)
		return store_fail(s, rc, e, NULL);
	s->readonly = ro ||
		sqlite3_db_readonly(drv_sqlite_handle(s->db), "main") == 1;
	store_set_busy_timeout(s, s->busy_ms);
	return 0;
}

int
store_sqlite_objects(store *s, int64_t *n, lk_err *e)
{
	drv_st *st = NULL;
	int rc = drv_prepare(s->db, "SELECT count(*) FROM sqlite_master", &st);

	if (rc == DRV_OK && (rc = drv_step(st)) == DRV_ROW) {
		*n = drv_col_int(st, 0);
		rc = DRV_OK;
	}
	if (rc != DRV_OK)
		rc = store_fail(s, rc, e, _("cannot read the database"));
	drv_finalize(st);
	return rc;
}

/* PRAGMA quick_check, once per handle that may write (it reads every
 * page: about 50 ms on the 15 MB database of the 5,000-IKU synthetic
 * plan, where an import takes 170 ms).  A damaged database is not an
 * error here: the handle becomes read-only, reads go on with a warning,
 * and every write fails with EX_DATAERR (store_fail_readonly).  Fails
 * only when the check cannot run. */
int
store_sqlite_check_sound(store *s, lk_err *e)
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

int
store_sqlite_settings(store *s, lk_err *e)
{
	int rc = store_exec(s, "PRAGMA foreign_keys = ON", e);

	if (rc == 0 && !s->readonly)
		rc = store_exec(s, "PRAGMA journal_mode = WAL", e);
	return rc;
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
int
store_sqlite_reopen_unlocked(store *s)
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
void
store_sqlite_remove_created(const char *path, const store_created *c)
{
	struct stat st;
	size_t i;

	if (!c->made)
		return;
	if (stat(path, &st) != 0 || st.st_dev != c->st.st_dev ||
	    st.st_ino != c->st.st_ino)
		return;                 /* not the file this open created */
	unlink(path);
	for (i = 0; i < N_SIDECAR; i++) {
		char *side = path_with(path, sidecar_ext[i]);

		if (!c->existed[i])
			unlink(side);
		free(side);
	}
}

