/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* store.h - the SQLite database of lakip.
 *
 * Owns: the schema (src/store/schema.c: version in PRAGMA user_version,
 * forward migrations), the connection settings (WAL, foreign keys, busy
 * timeout), and every query.  Each write runs in one transaction: it either
 * commits whole or changes nothing.  Prepared statements only.
 *
 * Errors: functions return 0 or an EX_* code with e filled:
 *   EX_USAGE      $LAKIP_BUSY_TIMEOUT is not a number of milliseconds;
 *   EX_CANTCREAT  database file cannot be created;
 *   EX_NOINPUT    database missing (when not creating), not a regular
 *                 file (a directory, FIFO or device), unknown
 *                 instansi/year;
 *   EX_IOERR      read-only database, disk full or disk error on write;
 *   EX_TEMPFAIL   database locked by another process (after the timeout);
 *   EX_DATAERR    database newer than this program, not a lakip db, or
 *                 damaged (PRAGMA quick_check at a writing open: writes
 *                 refused);
 *   EX_SOFTWARE   unexpected SQLite error.
 */
#ifndef LK_STORE_H
#define LK_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"
#include "core/model.h"
#include "core/tahunan.h"

typedef struct store store;

/* Current schema version written to PRAGMA user_version. */
#define STORE_SCHEMA_VERSION 13

enum store_open_flags {
	STORE_READONLY = 1,   /* never write; no migration */
	STORE_CREATE = 2,     /* create the file (and its directory) if missing */
	/* The quick_check of a database that needs no migration waits for
	 * store_check_sound or the first write, whichever comes first (a
	 * front end that shows its first screen before reading the whole
	 * file). */
	STORE_CHECK_LATER = 4,
};

/* Opens path, applies pending migrations (unless STORE_READONLY) and
 * refuses a database whose user_version is newer than this program, or
 * that is not a lakip database (EX_DATAERR; such a file is left
 * untouched).  A missing file is EX_NOINPUT unless STORE_CREATE, which
 * also creates missing parent directories (mode 0700); a create that
 * fails (a full disk) removes the file it made.  A path (or -wal, -shm,
 * -journal beside it) that is not a regular file is EX_NOINPUT.  A file
 * that cannot be written is opened read-only; a WAL database in a
 * directory that cannot be written is read without locks and without
 * the -shm file, committed -wal content included (store_load then
 * fails with EX_TEMPFAIL if the files changed meanwhile).  A handle that
 * may write first runs PRAGMA quick_check: a damaged database opens
 * read-only with a warning (store_set_warn), and every write fails with
 * EX_DATAERR.  A read-only handle on an older schema still loads what
 * that schema holds (version 1: no quarters).  STORE_READONLY wins over
 * STORE_CREATE.  A handle belongs to one thread at a time (the
 * connection is opened without SQLite's mutexes). */
int store_open(const char *path, unsigned flags, store **out, lk_err *e);
void store_close(store *s);

/* PRAGMA quick_check failed when the handle was opened, or when it ran
 * later (STORE_CHECK_LATER); then it is also store_readonly. */
bool store_damaged(const store *s);
/* Runs the quick_check that STORE_CHECK_LATER left waiting (nothing when
 * none waits): a damaged database becomes read-only with a warning, as at
 * open.  Fails only when the check cannot run. */
int store_check_sound(store *s, lk_err *e);

/* Where the store's warnings go (process-wide; a damaged database found
 * at open).  The default, or fn NULL, writes "lakip: warning: MSG" to
 * standard error; a front end that owns the screen installs its own. */
typedef void store_warn_fn(void *arg, const char *msg);
void store_set_warn(store_warn_fn *fn, void *arg);

/* The login on whose behalf the handle acts: written in audit records
 * and checked by store_izin() and the workflow (store/workflow.h).
 * store_open sets it to the login of getuid() (the real user) (or "uid:N" when the
 * account has no name); the CLI leaves it so, tests set it. */
void store_set_actor(store *s, const char *login);
/* Each change a save makes (or, in a dry run, would make), as the audit
 * log records it: action (insert, update, delete), scope
 * ("instansi/tahun[/TWn]" or NULL), table, kode, field, old and new
 * value (each may be NULL).  Called inside the transaction, also when it
 * is rolled back; fn NULL stops the calls. */
typedef void store_change_fn(void *ctx, const char *action,
			     const char *scope, const char *tbl,
			     const char *kode, const char *field,
			     const char *old, const char *new_);
void store_on_change(store *s, store_change_fn *fn, void *ctx);
const char *store_actor(const store *s);
/* The database's path as opened (":memory:" for one in memory). */
const char *store_path(const store *s);

/* The handle cannot write: opened STORE_READONLY, the file (or its
 * directory) cannot be written, or it is damaged.  Every write then
 * fails with EX_IOERR (EX_DATAERR when damaged). */
bool store_readonly(const store *s);

/* Which other processes hold a lock on the database file DB or its -wal
 * or -shm (Linux /proc/locks): "sqlite3 (PID 1234, user budi), ..." in
 * OUT, empty when none is found or /proc/locks cannot be read. */
void store_lock_holders(const char *db, char *out, size_t n);

/* Busy timeout in milliseconds (default 5000, or $LAKIP_BUSY_TIMEOUT,
 * read by store_open: 0 to 3600000; unset or empty is the default,
 * anything else makes store_open fail with EX_USAGE). */
void store_set_busy_timeout(store *s, int ms);

/* Is there a database by this name: a file, or on a server (whose
 * database is there to be opened; whether it can be is store_open's to
 * say)? */
bool store_exists(const char *name);
/* Its users are this machine's Unix accounts (SQLite); false: the
 * server's roles, as it authenticates them (PostgreSQL). */
bool store_users_are_accounts(const store *s);
/* The name is a server's (postgresql://...), not a file's. */
bool store_is_server(const char *name);
/* The database's name for messages: a file's path as it is, a server's
 * "host:port/database" (never a password); in buf. */
const char *store_display_name(const char *name, char *buf, size_t n);

/* Copy every row of every table of from into to, a database just made
 * (store_open with STORE_CREATE; either backend): ids, values and
 * signed PDFs as they are, so the audit chain and every signature hold
 * on the copy.  One transaction on to: all or nothing.  EX_CANTCREAT
 * when to already holds data; EX_DATAERR when the schema versions
 * differ. */
typedef struct store_copy_result {
	size_t tables;
	int64_t rows;
} store_copy_result;
int store_copy(store *from, store *to, store_copy_result *res, lk_err *e);
/* store_copy into the database to_name, made for it: a file that does
 * not exist yet (removed again when the copy fails), or an empty
 * database on a server. */
int store_copy_to(store *from, const char *to_name, store_copy_result *res,
		  lk_err *e);

/* Kodes of all instansi, sorted; *kode is malloc'ed, free with
 * store_free_strv(). */
int store_list_instansi(store *s, char ***kode, size_t *n, lk_err *e);
void store_free_strv(char **v, size_t n);

/* Every agency, by kode, with its name (malloc'ed; free with
 * store_instansi_ref_free). */
typedef struct store_instansi_ref {
	char *kode, *nama;
} store_instansi_ref;
int store_list_instansi_nama(store *s, store_instansi_ref **v, size_t *n,
			     lk_err *e);
void store_instansi_ref_free(store_instansi_ref *v, size_t n);

/* One read transaction around several reads (store_load,
 * store_quarter_load, ... join it instead of opening their own): they see
 * one snapshot of the database.  store_read_end ends it (nothing was
 * written) and, for a handle opened without locks, checks that the files
 * did not change meanwhile (EX_TEMPFAIL).  EX_SOFTWARE when a
 * transaction is already open. */
int store_read_begin(store *s, lk_err *e);
int store_read_end(store *s, lk_err *e);

/* Years with a plan for instansi kode, ascending (malloc'ed; free()).
 * EX_NOINPUT when there is no such instansi. */
int store_list_tahun(store *s, const char *instansi, int **tahun, size_t *n,
		     lk_err *e);

/* Resolve --instansi: when kode is NULL, the only instansi of the database
 * (EX_USAGE when there are several, EX_NOINPUT when none).  *out is
 * malloc'ed. */
int store_pilih_instansi(store *s, const char *kode, char **out, lk_err *e);

/* The time zone (instansi.zona_waktu) of agency kode, or with kode NULL
 * of the database's only agency, into *out (malloc'ed), NULL for the
 * default (Asia/Jakarta: none set, an unknown kode, several agencies, a
 * database older than the setting).  Times are shown in it (core/zona.h). */
int store_zona_waktu(store *s, const char *kode, char **out, lk_err *e);

/* Load the whole plan of (instansi, tahun) with its quarters into a new
 * rencana (free with rencana_free).  The bidang are all of the instansi's.
 * EX_NOINPUT when there is no such instansi or plan. */
int store_load(store *s, const char *instansi, int tahun, rencana **out,
	       lk_err *e);

/* A handle that keeps plans keeps a copy of each plan it loads whole
 * (outside a write) and of each plan it saves: a later store_save of the
 * same plan compares with that copy, without reading the plan again, as
 * long as nothing was written to the database since (the audit chain's
 * head is the same); else it reads the stored plan as without.  For a
 * front end that loads, edits and saves one plan (the terminal
 * application, an import); off by default (a report needs no copy). */
void store_keep_plans(store *s, bool on);

/* The annual realisation of each IKU in the agency's plans of the years
 * dari..sampai (tahunan.realisasi_iku, else triwulan 4's; IKU without one
 * are left out), for tahunan_hitung.  Memory in a.  0 or an EX_* code. */
int store_realisasi_lalu(store *s, const char *instansi, int dari, int sampai,
			 arena *a, tahunan_lalu **out, size_t *n, lk_err *e);

/* What store_save changed (or would change). */
typedef struct store_diff_count {
	unsigned added, changed, removed, unchanged;
} store_diff_count;

enum store_diff_kind {
	DIFF_INSTANSI, DIFF_BIDANG, DIFF_SASARAN, DIFF_IKU, DIFF_PROGRAM,
	DIFF_TRIWULAN,
	/* The whole year's groups: the Renstra period, each IKU's data of
	 * the Renstra (baseline, targets, history, kategori, standard), each
	 * quarter's notes, the annual report, the agreement. */
	DIFF_TAHUNAN, DIFF_KINDS
};

typedef struct store_diff {
	store_diff_count n[DIFF_KINDS];
} store_diff;

const char *store_diff_kind_name(enum store_diff_kind k); /* "sasaran", ... */

/* Save r as the whole plan of (r->instansi.kode, r->tahun), in one
 * transaction.  The instansi profile and its bidang are updated in place.
 * Sasaran, IKU and programs are matched by kode: updated in place (their
 * ids are kept, also for an IKU moved to another sasaran), added, or
 * removed when no longer in r (with their realisations and narratives).
 * A bidang absent from r is removed, except when a sasaran of another
 * year still names it: then it is kept (counted unchanged), so that saving
 * one year never alters another.  A quarter present in r replaces the
 * stored quarter (its row and id are kept); quarters absent from r are
 * kept, and realisations in r for quarters absent from r are ignored.
 * An entity is "changed" when one of its own fields changed, or its place
 * among the entities that stay; an IKU also when its quarterly targets
 * changed; a quarter when anything in it changed (date, texts, any
 * realisation, narrative or table).  With dry_run, everything is done and
 * then rolled back; diff (may be NULL) gets the counts either way.
 * EX_DATAERR when r is inconsistent (duplicate kode, unknown bidang or
 * sasaran kode).
 * Workflow (schema version 3, store/workflow.h): EX_NOPERM, nothing
 * written, when r changes what a locked (finalised) quarter of this plan
 * shows -- the quarter's date, texts, realisations, narratives and
 * tables; the plan's sasaran, IKU and programs (fields, order, members)
 * and their targets for that quarter -- or the agency's profile or bidang
 * while any quarter of the agency is locked.  An unchanged r, or one
 * that changes other quarters only, saves.  An IKU entry that was
 * submitted or approved goes back to draft when its realisation, or its
 * sasaran's narrative or tables, change in that quarter.  Every change is
 * written to the audit log, field by field, as the handle's actor, in the
 * same transaction. */
int store_save(store *s, const rencana *r, bool dry_run, store_diff *diff,
	       lk_err *e);

#endif
