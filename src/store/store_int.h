/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* store_int.h - declarations shared by the files of src/store only.
 *
 * Owns: the store handle, the mapping of drv_rc to EX_*, prepared-statement and
 * binding helpers, small id/kode hash maps and growable arrays, the
 * migration entry points, and the internal loader that also returns the
 * row ids (used by store_save to update rows in place).
 */
#ifndef LK_STORE_INT_H
#define LK_STORE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "store/drv.h"
#include "store/store.h"

/* PRAGMA application_id of a lakip database: "LKIP". */
#define STORE_APPLICATION_ID 0x4C4B4950

/* Schema version that introduced the quarterly report tables. */
#define STORE_VERSION_TRIWULAN 2
/* Schema version that introduced users, workflow, locks and audit. */
#define STORE_VERSION_WORKFLOW 3
/* Schema version that introduced the registered signers' certificates. */
#define STORE_VERSION_SIGNER 4
/* Schema version that made roles per agency (user_peran). */
#define STORE_VERSION_PERAN 5
/* Schema version that introduced the agency's own predikat bands and
 * report templates. */
#define STORE_VERSION_PREDIKAT 6
/* Schema version that introduced the data of the whole year. */
#define STORE_VERSION_TAHUNAN 7
/* Schema version that reviews every part of the report (review_state,
 * review_event in place of entry_state, entry_comment). */
#define STORE_VERSION_REVIEW 8
/* Schema version that lets a quarter's date be unset (NULL). */
#define STORE_VERSION_TANGGAL 9
/* The signed Perjanjian Kinerja (pk_signed), signers of pihak 2. */
#define STORE_VERSION_PK 10
/* Schema version that lets an IKU's target and a program's budget be
 * blank (NULL), to be filled: a new year copied from the one before. */
#define STORE_VERSION_KOSONG 11
/* The signed LKjIP (lkjip_signed, lkjip_unlock). */
#define STORE_VERSION_LKJIP 12
/* The agency's default timestamp authority (instansi.tsa). */
#define STORE_VERSION_TSA 13

/* A transition of entry (kind j, row ref_id) of quarter triwulan_id by
 * the actor at time at, into review_event (workflow.c). */
enum entri_jenis;
enum entri_event;
int store_review_event(store *s, int64_t triwulan_id, enum entri_jenis j,
		       int64_t ref_id, const char *at, enum entri_event ev,
		       const char *comment, lk_err *e);

/* Files SQLite keeps beside the database: -wal, -shm, -journal. */
#define STORE_N_SIDECAR 3

/* What a file looked like (store_check_unchanged). */
typedef struct store_fsig {
	bool exists;
	dev_t dev;
	ino_t ino;
	off_t size;
	long long mtime_ns;
} store_fsig;

struct store {
	drv_db *db;
	char *path;
	bool readonly;     /* STORE_READONLY, or the file cannot be written */
	bool creating;     /* the file did not exist before store_open */
	int version;       /* user_version after open (and migration) */
	int busy_ms;       /* busy timeout set at open */
	bool damaged;      /* PRAGMA quick_check failed: read-only */
	bool check_pending; /* STORE_CHECK_LATER: quick_check not run yet */
	char damage[256];  /* what quick_check said */
	bool unlocked;     /* read without locks or -shm (store_open) */
	store_fsig sig[STORE_N_SIDECAR + 1]; /* the database and its -wal,
	                    * -shm, -journal
	                    * when opened unlocked */
	int bind_rc;       /* first failed drv_bind_* (a drv_rc) since the last
	                    * run */
	char *actor;       /* acting login (store_set_actor; default: the
	                    * login of getuid()), never NULL */
	bool audit_cached; /* audit_id/audit_hash hold the chain's head in
	                    * the current transaction (reset by store_begin) */
	int64_t audit_id;
	char audit_hash[65];
	drv_st *audit_st[2];  /* head query, insert */
	store_change_fn *on_change; /* store_on_change */
	void *on_change_ctx;
	bool writing;      /* inside store_begin's write transaction */
	/* The plan last read whole outside a write, with the audit chain's
	 * head read before it (plan_keep.c; store_keep_plans). */
	bool keep_plans;
	struct store_plan *kept;   /* NULL: none */
	int64_t kept_audit_id;
	char kept_audit_hash[65];
};

/* ---- errors (store_stmt.c) ---- */

/* Map a drv_rc to an EX_* code and fill e with a message that names the
 * database and includes drv_errmsg().  `what` says what was
 * being done ("cannot save", ...); may be NULL. */
int store_fail(store *s, int rc, lk_err *e, const char *what);

/* EX_IOERR "database is read-only" (no driver call involved), or
 * EX_DATAERR "database is damaged" when quick_check failed at open. */
int store_fail_readonly(store *s, lk_err *e);

/* A handle opened without locks (a WAL database in a directory this
 * account cannot write): EX_TEMPFAIL when the files changed since the
 * open or the last call, so what was read may mix two states.  0 for any
 * other handle.  Called at the end of every whole read (store_load). */
int store_check_unchanged(store *s, lk_err *e);

/* ---- statements and transactions (store_stmt.c) ---- */

/* Prepare sql into *slot on first use (drv_prepare), else
 * reset it and clear its bindings.  Statements live until the caller
 * finalizes them with store_finalize_all(). */
int store_stmt(store *s, drv_st **slot, const char *sql, lk_err *e);
void store_finalize_all(drv_st **slot, size_t n);

/* Binding helpers: a failure is remembered in s->bind_rc and reported by
 * the next store_run()/store_check_bind().  NULL text binds NULL. */
void store_bind_text(store *s, drv_st *st, int i, const char *v);
void store_bind_int(store *s, drv_st *st, int i, int64_t v);
void store_bind_null(store *s, drv_st *st, int i);
/* p must stay valid until the statement is run. */
void store_bind_blob(store *s, drv_st *st, int i, const void *p, size_t n);
int store_check_bind(store *s, lk_err *e);

/* Step a statement that returns no rows; resets it. */
int store_run(store *s, drv_st *st, lk_err *e);

/* Run SQL without values (transactions, DDL). */
int store_exec(store *s, const char *sql, lk_err *e);

/* drv_sql(DRV_SQL_BEGIN_WRITE) / COMMIT / ROLLBACK (rollback never fails). */
int store_begin(store *s, lk_err *e);
int store_commit(store *s, lk_err *e);
void store_rollback(store *s);

/* drv_meta_get/set ("user_version", "application_id"); a failure is
 * reported as "cannot read the database" / "cannot write". */
int store_meta_get(store *s, const char *key, int64_t *v, lk_err *e);
int store_meta_set(store *s, const char *key, int64_t v, lk_err *e);

/* ---- helpers (util.c) ---- */

/* Growable heap array of elements of size `size`. */
typedef struct store_vec {
	void *p;
	size_t n, cap, size;
} store_vec;

void store_vec_init(store_vec *v, size_t size);
void *store_vec_push(store_vec *v);   /* zeroed new element */
void store_vec_free(store_vec *v);

/* Open-addressing hash maps to an index; keys are not copied. */
typedef struct store_idmap {
	int64_t *key;
	size_t *val;
	size_t cap, n;
} store_idmap;

void store_idmap_init(store_idmap *m, size_t expected);
void store_idmap_put(store_idmap *m, int64_t key, size_t val);
bool store_idmap_get(const store_idmap *m, int64_t key, size_t *val);
void store_idmap_free(store_idmap *m);

typedef struct store_strmap {
	const char **key;
	size_t *val;
	size_t cap, n;
} store_strmap;

void store_strmap_init(store_strmap *m, size_t expected);
/* false when the key is already there (the value is left alone). */
bool store_strmap_put(store_strmap *m, const char *key, size_t val);
bool store_strmap_get(const store_strmap *m, const char *key, size_t *val);
void store_strmap_free(store_strmap *m);

/* NULL-safe string equality. */
bool store_streq(const char *a, const char *b);

/* ---- audit (audit.c) ---- */

/* One change, as recorded.  Any field but action and tbl may be NULL. */
typedef struct store_audit_in {
	const char *action;   /* insert, update, delete, submit, ... */
	const char *scope;    /* "instansi/tahun[/TWn]" or NULL */
	const char *tbl;      /* table (or "user", "lock", ...) */
	const char *kode;     /* entity kode */
	const char *field;
	const char *old, *new_;
} store_audit_in;

/* Append a record to the chain inside the current transaction, as
 * s->actor, now. */
int store_audit(store *s, const store_audit_in *a, lk_err *e);
/* Shorthand. */
int store_audit6(store *s, const char *action, const char *scope,
		 const char *tbl, const char *kode, const char *field,
		 const char *old, const char *new_, lk_err *e);
/* The chain's newest record: its id (0: none) and hash. */
int store_audit_head(store *s, int64_t *id, char hash[65], lk_err *e);
/* The same inside a write transaction, read once and kept for the
 * records store_audit appends to it. */
int store_audit_head_txn(store *s, int64_t *id, char hash[65], lk_err *e);
/* The system clock in UTC as "YYYY-MM-DDTHH:MM:SSZ". */
void store_now(char buf[32]);
void store_audit_finalize(store *s);

/* ---- periods (workflow.c) ---- */

/* Row ids of (instansi, tahun) and of its quarter tw (0 when the quarter
 * is not reported, or tw is 0).  EX_NOINPUT when there is no such plan. */
typedef struct store_period_ids {
	int64_t instansi_id, rencana_id, triwulan_id;
} store_period_ids;
int store_period(store *s, const char *instansi, int tahun, int tw,
		 store_period_ids *p, lk_err *e);

/* The row id of agency kode; EX_NOINPUT when there is none (signer.c). */
int store_instansi_id(store *s, const char *kode, int64_t *id, lk_err *e);

/* "instansi/tahun/TWn" (tw 0: "instansi/tahun"), static buffer. */
const char *store_scope(const char *instansi, int tahun, int tw);

/* ---- locks (lock.c) ---- */

/* Quarters of the plan rencana_id that are locked: locked[n] for n in
 * 1..4.  *any_instansi: some quarter of any year of instansi_id is locked
 * (0 ids: none). */
int store_locked_quarters(store *s, int64_t instansi_id, int64_t rencana_id,
			  bool locked[TW_MAX + 1], bool *any_instansi,
			  lk_err *e);

/* ---- schema (schema.c) ---- */

/* Number of migration steps (== STORE_SCHEMA_VERSION). */
int schema_latest(void);

/* Bring the database from its user_version up to `target`, one step per
 * transaction.  Sets s->version. */
int schema_migrate(store *s, int target, lk_err *e);

/* ---- open (store_open.c) ---- */

/* A warning through store_set_warn's function (standard error by
 * default); user data in it is made harmless. */
void store_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- the SQLite-only parts of opening (store_sqlite.c) ---- */

/* What a create made, to be removed when the open fails. */
typedef struct store_created {
	bool made;                       /* the database file was created */
	struct stat st;                  /* ... and is this one */
	bool existed[STORE_N_SIDECAR];   /* side files there before */
} store_created;

/* Check s->path and its side files (regular files only; mkdir -p of a
 * new database's directory with STORE_CREATE), open the connection into
 * s->db with flags' rights, set s->creating, s->readonly and the busy
 * timeout s->busy_ms.  *c tells store_sqlite_remove_created what to
 * remove. */
int store_sqlite_connect(store *s, unsigned flags, store_created *c,
			 lk_err *e);
/* Schema objects in the file (0: an empty database). */
int store_sqlite_objects(store *s, int64_t *n, lk_err *e);
/* Reopen a read-only handle without locks or -shm (a WAL database in a
 * directory this account cannot write); 0 when reopened. */
int store_sqlite_reopen_unlocked(store *s);
/* PRAGMA quick_check: a damaged database makes the handle read-only,
 * with a warning; fails only when the check cannot run. */
int store_sqlite_check_sound(store *s, lk_err *e);
/* foreign_keys on; WAL unless the handle is read-only. */
int store_sqlite_settings(store *s, lk_err *e);
/* After a failed create: remove what it made (c from the connect). */
void store_sqlite_remove_created(const char *path, const store_created *c);

/* What the look before touching found: 0 for an empty database (no
 * application id, version 0, no objects) or one of ours this program
 * understands; EX_DATAERR for another application's or a newer lakip's
 * (store_open.c, for both backends). */
int store_check_ours(store *s, int64_t app, int64_t version, int64_t objects,
		     lk_err *e);
/* $LAKIP_BUSY_TIMEOUT in ms (the default when unset); EX_USAGE when it
 * is not a number of ms in range (store_open.c). */
int store_busy_from_env(int *ms, lk_err *e);

/* ---- PostgreSQL (open_pg.c, schema_pg.c, copy.c) ---- */

/* store_open_to of a postgresql:// name. */
int store_open_pg(const char *uri, unsigned flags, int target, store **out,
		  lk_err *e);
/* On PostgreSQL, give the login role (made when missing) what its
 * lakip role needs (lakip_grant); nothing on SQLite. */
int store_pg_grant(store *s, const char *login, bool admin, lk_err *e);
/* PostgreSQL's schema at STORE_VERSION_LKJIP, and the server's rules
 * (grants, row-level security, the insert-only audit). */
extern const char schema_pg_base[];
extern const char schema_pg_rules[];
/* The tables in the order a copy writes them (copy.c). */
extern const char *const store_copy_tables[];
extern const size_t store_n_copy_tables;

/* store_open, migrating only up to `target` (<= STORE_SCHEMA_VERSION). */
int store_open_to(const char *path, unsigned flags, int target, store **out,
		  lk_err *e);

/* For tests: create the database at path (which must not exist) migrated
 * only up to `version`, and close it. */
int store_create_at_version(const char *path, int version, lk_err *e);

/* ---- load (load.c) ---- */

/* Row id and stored urutan of an entity of the loaded model. */
typedef struct store_row {
	int64_t id;
	int64_t urutan;
} store_row;

/* A stored plan with the ids of its rows, parallel to the model arrays. */
typedef struct store_plan {
	rencana *r;                 /* owns all memory below */
	bool ada_instansi, ada_rencana;
	int64_t instansi_id, rencana_id;
	store_row *bidang;          /* [r->instansi.n_bidang] */
	store_row *sasaran;         /* [r->n_sasaran] */
	store_row **iku;            /* [sasaran][iku] */
	store_row *program;         /* [r->n_program] */
	int64_t triwulan_id[TW_MAX + 1];  /* 0 when not stored */
} store_plan;

/* Load whatever is stored of (instansi, tahun): nothing, only the instansi
 * (with its bidang), or the whole plan.  Returns 0 in all three cases;
 * free p->r with rencana_free(). */
int store_load_plan(store *s, const char *instansi, int tahun,
		    store_plan *p, lk_err *e);

/* ---- the kept plan (plan_keep.c) ---- */

/* A copy of p (its rencana and ids) in a new arena; free with
 * store_plan_free. */
store_plan *store_plan_dup(const store_plan *p);
void store_plan_free(store_plan *p);
/* In a read (not inside a write): the audit chain's head, read before
 * the plan when s keeps plans (else 0 and ""). */
int store_kept_head(store *s, int64_t *id, char hash[65], lk_err *e);
/* After a whole load of p outside a write, at head (id, hash): keep a
 * copy when s keeps plans. */
void store_kept_set(store *s, const store_plan *p, int64_t id,
		    const char hash[65]);
/* Inside a write: *out borrows the kept plan of (instansi, tahun) when
 * the audit chain's head is still the one it was read at (nothing was
 * written since), else *out is left zeroed; 0 or an error. */
int store_kept_use(store *s, const char *instansi, int tahun,
		   store_plan *out, bool *used, lk_err *e);
void store_kept_drop(store *s);
/* The kept plan replaced by p (NULL: none), at the audit chain's head of
 * the transaction just committed. */
void store_kept_replace(store *s, store_plan *p);

/* The data of the whole year of a loaded plan (load_tahunan.c): the
 * instansi's (rencana_id 0: only those) and the plan's. */
int store_load_tahunan(store *s, int64_t instansi_id, int64_t rencana_id,
		       rencana *r, lk_err *e);

#endif
