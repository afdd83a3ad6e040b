/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* audit.c - the audit chain: one record per change, chained by SHA-256.
 *
 * Owns: appending records (inside the caller's transaction, so a change
 * and its record commit or vanish together), verifying the chain, and
 * listing it.  Record k (ids 1, 2, ... without gaps) stores prev_hash =
 * hash of record k-1 (64 zeros for the first) and hash = SHA-256 of the
 * canonical serialisation:
 *
 *   "lakip-audit-1\n" then, for id, prev_hash, at, login, action, scope,
 *   tbl, kode, field, old, new in this order: "-\n" for NULL, else
 *   "+" LENGTH ":" BYTES "\n" (LENGTH in decimal bytes).
 *
 * An edited record no longer hashes to its hash; a removed or inserted
 * one breaks the ids or the next record's prev_hash.  The chain has no
 * key: it shows tampering by anyone who does not recompute every later
 * hash (the head printed by `audit verify` can be noted elsewhere).
 */
#include "config.h"
#include "store/store_int.h"
#include "store/workflow.h"

#include <inttypes.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/hex.h"

static const char zero_hash[65] =
	"0000000000000000000000000000000000000000000000000000000000000000";

void
store_now(char buf[32])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

typedef struct sbuf {
	char *p;
	size_t n, cap;
} sbuf;

static void
sb_add(sbuf *b, const void *v, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		if ((b->p = realloc(b->p, b->cap)) == NULL)
			lk_fatal("out of memory");
	}
	memcpy(b->p + b->n, v, n);
	b->n += n;
}

static void
sb_field(sbuf *b, const char *v)
{
	char len[32];

	if (v == NULL) {
		sb_add(b, "-\n", 2);
		return;
	}
	size_t n = strlen(v), k = sizeof len;

	/* "+N:", N in decimal, written backwards (snprintf a field was a
	 * third of the chain's cost) */
	len[--k] = ':';
	do
		len[--k] = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	len[--k] = '+';
	sb_add(b, len + k, sizeof len - k);
	sb_add(b, v, strlen(v));
	sb_add(b, "\n", 1);
}

/* hash of a record: f[0..10] = id, prev_hash, at, login, action, scope,
 * tbl, kode, field, old, new. */
static void
record_hash(const char *const f[11], char hex[65])
{
	/* One digest context and one fetched SHA-256 for the process: a
	 * fresh one per record cost an import a seventh of its time. */
	static EVP_MD_CTX *ctx;
	static EVP_MD *sha;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	sbuf b = { NULL, 0, 0 };
	int k;

	if (ctx == NULL && ((ctx = EVP_MD_CTX_new()) == NULL ||
			    (sha = EVP_MD_fetch(NULL, "SHA256", NULL)) == NULL))
		lk_fatal("audit: SHA-256 failed");
	sb_add(&b, "lakip-audit-1\n", 14);
	for (k = 0; k < 11; k++)
		sb_field(&b, f[k]);
	if (EVP_DigestInit_ex2(ctx, sha, NULL) != 1 ||
	    EVP_DigestUpdate(ctx, b.p, b.n) != 1 ||
	    EVP_DigestFinal_ex(ctx, md, &len) != 1 || len != 32)
		lk_fatal("audit: SHA-256 failed");
	free(b.p);
	lk_hex(md, 32, hex);
}

enum { A_HEAD, A_INS };

static int
head(store *s, lk_err *e)
{
	drv_st *st;
	int rc;

	if (s->audit_cached)
		return 0;
	if ((rc = store_stmt(s, &s->audit_st[A_HEAD],
			     "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
			     e)) != 0)
		return rc;
	st = s->audit_st[A_HEAD];
	rc = drv_step(st);
	if (rc == DRV_ROW) {
		const char *h = drv_col_text(st, 1);

		s->audit_id = drv_col_int(st, 0);
		snprintf(s->audit_hash, sizeof s->audit_hash, "%s", h ? h : "");
	} else if (rc == DRV_DONE) {
		s->audit_id = 0;
		memcpy(s->audit_hash, zero_hash, sizeof zero_hash);
	} else {
		rc = store_fail(s, rc, e, _("cannot read the audit log"));
		drv_reset(st);
		return rc;
	}
	drv_reset(st);
	s->audit_cached = true;
	return 0;
}

int
store_audit_head(store *s, int64_t *id, char hash[65], lk_err *e)
{
	int rc;

	s->audit_cached = false;
	rc = store_audit_head_txn(s, id, hash, e);
	s->audit_cached = false;
	return rc;
}

int
store_audit_head_txn(store *s, int64_t *id, char hash[65], lk_err *e)
{
	int rc;

	if (s->version < STORE_VERSION_WORKFLOW) {
		*id = 0;
		memcpy(hash, zero_hash, 65);
		return 0;
	}
	if ((rc = head(s, e)) != 0)
		return rc;
	*id = s->audit_id;
	memcpy(hash, s->audit_hash, 65);
	return 0;
}

int
store_audit_hash_of(store *s, int64_t id, char hash[65], bool *found,
		    lk_err *e)
{
	drv_st *st = NULL;
	int rc;

	*found = false;
	hash[0] = '\0';
	if (s->version < STORE_VERSION_WORKFLOW)
		return 0;
	if ((rc = store_stmt(s, &st, "SELECT hash FROM audit WHERE id = ?1", e)) != 0)
		return rc;
	store_bind_int(s, st, 1, id);
	rc = drv_step(st);
	if (rc == DRV_ROW) {
		const char *h = drv_col_text(st, 0);

		snprintf(hash, 65, "%s", h ? h : "");
		*found = true;
		rc = 0;
	} else {
		rc = rc == DRV_DONE ? 0 : store_fail(s, rc, e, NULL);
	}
	drv_finalize(st);
	return rc;
}

int
store_audit(store *s, const store_audit_in *a, lk_err *e)
{
	char id[32], now[32], hash[65];
	const char *f[11];
	drv_st *st;
	int rc, k;

	if (s->on_change != NULL)
		s->on_change(s->on_change_ctx, a->action, a->scope, a->tbl,
			     a->kode, a->field, a->old, a->new_);
	if (s->version < STORE_VERSION_WORKFLOW)
		return 0;
	if ((rc = head(s, e)) != 0)
		return rc;
	store_now(now);
	snprintf(id, sizeof id, "%" PRId64, s->audit_id + 1);
	f[0] = id;
	f[1] = s->audit_hash;
	f[2] = now;
	f[3] = s->actor;
	f[4] = a->action;
	f[5] = a->scope;
	f[6] = a->tbl;
	f[7] = a->kode;
	f[8] = a->field;
	f[9] = a->old;
	f[10] = a->new_;
	record_hash(f, hash);
	if ((rc = store_stmt(s, &s->audit_st[A_INS],
			     "INSERT INTO audit (id, prev_hash, hash, at, login,"
			     " action, scope, tbl, kode, field, old, new)"
			     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
			     " ?11, ?12)", e)) != 0)
		return rc;
	st = s->audit_st[A_INS];
	store_bind_int(s, st, 1, s->audit_id + 1);
	store_bind_text(s, st, 2, s->audit_hash);
	store_bind_text(s, st, 3, hash);
	for (k = 2; k < 11; k++)
		store_bind_text(s, st, k + 2, f[k]);
	if ((rc = store_run(s, st, e)) != 0) {
		s->audit_cached = false;
		return rc;
	}
	s->audit_id++;
	memcpy(s->audit_hash, hash, sizeof hash);
	return 0;
}

int
store_audit6(store *s, const char *action, const char *scope, const char *tbl,
	     const char *kode, const char *field, const char *old,
	     const char *new_, lk_err *e)
{
	store_audit_in a = { action, scope, tbl, kode, field, old, new_ };

	return store_audit(s, &a, e);
}

void
store_on_change(store *s, store_change_fn *fn, void *ctx)
{
	s->on_change = fn;
	s->on_change_ctx = ctx;
}

void
store_audit_finalize(store *s)
{
	store_finalize_all(s->audit_st, 2);
	s->audit_cached = false;
}

static const char audit_cols[] =
	"SELECT id, prev_hash, hash, at, login, action, scope, tbl, kode,"
	" field, old, new FROM audit";

static void
row_record(drv_st *st, store_audit_rec *r)
{
	r->id = drv_col_int(st, 0);
	r->prev_hash = drv_col_text(st, 1);
	r->hash = drv_col_text(st, 2);
	r->at = drv_col_text(st, 3);
	r->login = drv_col_text(st, 4);
	r->action = drv_col_text(st, 5);
	r->scope = drv_col_text(st, 6);
	r->tbl = drv_col_text(st, 7);
	r->kode = drv_col_text(st, 8);
	r->field = drv_col_text(st, 9);
	r->old = drv_col_text(st, 10);
	r->new_ = drv_col_text(st, 11);
}

static int
no_audit(store *s, lk_err *e)
{
	return lk_fail(e, EX_DATAERR,
		       _("%s: the database has no audit log (schema version %d):"
			 " open it once read-write to upgrade it"),
		       s->path, s->version);
}

int
store_audit_verify(store *s, store_audit_check *out, lk_err *e)
{
	drv_st *st = NULL;
	char prev[65], calc[65], sql[256];
	int64_t want_id = 1;
	int rc;

	memset(out, 0, sizeof *out);
	memcpy(prev, zero_hash, sizeof prev);
	if (s->version < STORE_VERSION_WORKFLOW)
		return no_audit(s, e);
	snprintf(sql, sizeof sql, "%s ORDER BY id", audit_cols);
	if ((rc = store_stmt(s, &st, sql, e)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		store_audit_rec r;
		char id[32];
		const char *f[11];

		row_record(st, &r);
		snprintf(id, sizeof id, "%" PRId64, r.id);
		f[0] = id;
		f[1] = r.prev_hash;
		f[2] = r.at;
		f[3] = r.login;
		f[4] = r.action;
		f[5] = r.scope;
		f[6] = r.tbl;
		f[7] = r.kode;
		f[8] = r.field;
		f[9] = r.old;
		f[10] = r.new_;
		if (r.id != want_id)
			snprintf(out->why, sizeof out->why, r.id > want_id
				 ? _("record %" PRId64 " follows record %" PRId64
				     ": records were removed before it")
				 : _("record %" PRId64 " is out of order (after record %"
				     PRId64 "): it was inserted"),
				 r.id, want_id - 1);
		else if (r.prev_hash == NULL || strcmp(r.prev_hash, prev) != 0)
			snprintf(out->why, sizeof out->why,
				 _("record %" PRId64 " does not continue the chain"
				   " (its prev_hash is not the hash of the record"
				   " before): a record before it was removed,"
				   " replaced or inserted"), r.id);
		else {
			record_hash(f, calc);
			if (r.hash == NULL || strcmp(r.hash, calc) != 0)
				snprintf(out->why, sizeof out->why,
					 _("record %" PRId64 " was edited (its fields"
					   " no longer hash to its hash)"), r.id);
		}
		if (out->why[0] != '\0') {
			out->bad_id = r.id;
			break;
		}
		out->n++;
		want_id = r.id + 1;
		memcpy(prev, r.hash, sizeof prev);
		prev[64] = '\0';
	}
	if (rc != DRV_ROW && rc != DRV_DONE) {
		rc = store_fail(s, rc, e, _("cannot read the audit log"));
		drv_finalize(st);
		return rc;
	}
	drv_finalize(st);
	memcpy(out->head, prev, sizeof out->head);
	if (out->why[0] != '\0')
		return lk_fail(e, EX_DATAERR, _("%s: audit log: %s"), s->path,
			       out->why);
	return 0;
}

/* Call fn for every row of st (bound and checked), then finalize it. */
static int
each_record(store *s, drv_st *st,
	    int (*fn)(void *arg, const store_audit_rec *r), void *arg,
	    lk_err *e)
{
	int rc;

	if ((rc = store_check_bind(s, e)) != 0) {
		drv_finalize(st);
		return rc;
	}
	while ((rc = drv_step(st)) == DRV_ROW) {
		store_audit_rec r;

		row_record(st, &r);
		if ((rc = fn(arg, &r)) != 0) {
			drv_finalize(st);
			return rc;
		}
	}
	if (rc != DRV_DONE)
		rc = store_fail(s, rc, e, _("cannot read the audit log"));
	else
		rc = 0;
	drv_finalize(st);
	return rc;
}

int
store_audit_list(store *s, const char *since, const char *login,
		 int (*fn)(void *arg, const store_audit_rec *r), void *arg,
		 lk_err *e)
{
	drv_st *st = NULL;
	char sql[512];
	int rc;

	if (s->version < STORE_VERSION_WORKFLOW)
		return no_audit(s, e);
	snprintf(sql, sizeof sql, "%s WHERE (?1 IS NULL OR at >= ?1)"
		 " AND (?2 IS NULL OR login = ?2) ORDER BY id", audit_cols);
	if ((rc = store_stmt(s, &st, sql, e)) != 0)
		return rc;
	store_bind_text(s, st, 1, since);
	store_bind_text(s, st, 2, login);
	return each_record(s, st, fn, arg, e);
}

int
store_audit_value(store *s, const char *instansi, int tahun, int tw,
		  const char *tbl, const char *kode, const char *field,
		  int (*fn)(void *arg, const store_audit_rec *r), void *arg,
		  lk_err *e)
{
	drv_st *st = NULL;
	char sql[512], scope[256];
	int rc;

	if (s->version < STORE_VERSION_WORKFLOW)
		return no_audit(s, e);
	snprintf(scope, sizeof scope, "%s", store_scope(instansi, tahun, tw));
	snprintf(sql, sizeof sql, "%s WHERE scope = ?1 AND tbl = ?2 AND kode = ?3"
		 " AND (?4 IS NULL OR field = ?4) ORDER BY id", audit_cols);
	if ((rc = store_stmt(s, &st, sql, e)) != 0)
		return rc;
	store_bind_text(s, st, 1, scope);
	store_bind_text(s, st, 2, tbl);
	store_bind_text(s, st, 3, kode);
	store_bind_text(s, st, 4, field);
	return each_record(s, st, fn, arg, e);
}
