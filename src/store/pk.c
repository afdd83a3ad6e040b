/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* pk.c - the signed Perjanjian Kinerja: its signatures, their order, the
 * lock.
 *
 * Owns: the table pk_signed (schema version 10).  Pihak pertama (the
 * head) signs version N; pihak kedua (his superior) countersigns that
 * version, on the PDF pihak pertama's row holds, as a second incremental
 * update (the caller's produce()); then the year's agreement is locked:
 * store_save refuses any change of what it states (sv_lock_pk, the text
 * of core/pk.h).  Each signature is one short transaction with its audit
 * records (action finalise, table pk_signed, kode "N/PIHAK").
 */
#include "config.h"
#include "store/store_int.h"
#include "store/save_int.h"
#include "store/workflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/pk.h"

static char *
dup_col(drv_st *st, int i)
{
	const char *v = drv_col_text(st, i);
	char *d;

	if (v == NULL)
		return NULL;
	if ((d = strdup(v)) == NULL)
		lk_fatal("out of memory");
	return d;
}

/* The documents signed so: their tables, the schema version that has
 * them, the signature that locks the year, and how a message names it. */
static const struct dok_info {
	const char *sig, *unlock;
	int since, lock_pihak;
} doks[] = {
	[STORE_DOK_PK] = { "pk_signed", "pk_unlock", STORE_VERSION_PK, 2 },
	[STORE_DOK_LKJIP] = { "lkjip_signed", "lkjip_unlock",
			      STORE_VERSION_LKJIP, 1 },
};

static const struct dok_info *
dok(enum store_dok d)
{
	if ((unsigned)d >= sizeof doks / sizeof doks[0])
		lk_fatal("store/pk.c: document %d", (int)d);
	return &doks[d];
}

/* sql with each "%s" the table t (a constant of doks[]). */
#define SQLF(buf, fmt, ...) snprintf(buf, sizeof buf, fmt, __VA_ARGS__)

#define SIG_COLS "g.version, g.pihak, g.pdf_sha256, g.unsigned_sha256," \
	" g.content_sha256, g.signer, g.cert_subject, g.cert_sha256, g.signed_at"

/* The columns of SIG_COLS from column k on. */
static void
read_sig(drv_st *st, int k, store_pk_sig *g)
{
	g->version = (int)drv_col_int(st, k);
	g->pihak = (int)drv_col_int(st, k + 1);
	g->pdf_sha256 = dup_col(st, k + 2);
	g->unsigned_sha256 = dup_col(st, k + 3);
	g->content_sha256 = dup_col(st, k + 4);
	g->signer = dup_col(st, k + 5);
	g->cert_subject = dup_col(st, k + 6);
	g->cert_sha256 = dup_col(st, k + 7);
	g->signed_at = dup_col(st, k + 8);
}

void
store_pk_sig_free(store_pk_sig *g)
{
	if (g == NULL)
		return;
	free(g->pdf_sha256);
	free(g->unsigned_sha256);
	free(g->content_sha256);
	free(g->signer);
	free(g->cert_subject);
	free(g->cert_sha256);
	free(g->signed_at);
	memset(g, 0, sizeof *g);
}

void
store_pk_state_free(store_pk_state *st)
{
	store_pk_sig_free(&st->sig[1]);
	store_pk_sig_free(&st->sig[2]);
	memset(st, 0, sizeof *st);
}

/* The state of document d of plan rencana_id. */
static int
state_of(store *s, enum store_dok d, int64_t rencana_id, store_pk_state *out,
	 lk_err *e)
{
	const struct dok_info *di = dok(d);
	drv_st *st = NULL;
	char sql[512];
	bool locking;
	int rc;

	memset(out, 0, sizeof *out);
	if (s->version < di->since || rencana_id == 0)
		return 0;
	SQLF(sql, "SELECT " SIG_COLS " FROM %s g WHERE g.rencana_id = ?1 AND"
	     " g.version = (SELECT max(version) FROM %s WHERE rencana_id = ?1)"
	     " ORDER BY g.pihak", di->sig, di->sig);
	if ((rc = store_stmt(s, &st, sql, e)) != 0)
		return rc;
	store_bind_int(s, st, 1, rencana_id);
	if ((rc = store_check_bind(s, e)) == 0) {
		while ((rc = drv_step(st)) == DRV_ROW) {
			int k = (int)drv_col_int(st, 1);

			if (k != 1 && k != 2)
				continue;
			store_pk_sig_free(&out->sig[k]);
			read_sig(st, 0, &out->sig[k]);
			out->version = out->sig[k].version;
			if (k == 1)
				out->pertama = true;
			else
				out->kedua = true;
		}
		rc = rc == DRV_DONE ? 0 : store_fail(s, rc, e, NULL);
	}
	drv_finalize(st);
	st = NULL;
	locking = di->lock_pihak == 2 ? out->kedua : out->pertama;
	SQLF(sql, "SELECT count(*) FROM %s WHERE rencana_id = ?1 AND"
	     " version = ?2", di->unlock);
	if (rc == 0 && locking && (rc = store_stmt(s, &st, sql, e)) == 0) {
		store_bind_int(s, st, 1, rencana_id);
		store_bind_int(s, st, 2, out->version);
		if ((rc = store_check_bind(s, e)) == 0) {
			if ((rc = drv_step(st)) == DRV_ROW) {
				out->unlocked = (int)drv_col_int(st, 0) > 0;
				rc = 0;
			} else {
				rc = store_fail(s, rc, e, NULL);
			}
		}
		drv_finalize(st);
	}
	out->locked = locking && !out->unlocked;
	if (rc != 0)
		store_pk_state_free(out);
	return rc;
}

int
sv_dok_state(store *s, enum store_dok d, int64_t rencana_id,
	     store_pk_state *out, lk_err *e)
{
	return state_of(s, d, rencana_id, out, e);
}

int
store_dok_state_load(store *s, enum store_dok d, const char *instansi,
		     int tahun, store_pk_state *out, lk_err *e)
{
	store_period_ids p;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_period(s, instansi, tahun, 0, &p, e)) != 0)
		return rc;
	return state_of(s, d, p.rencana_id, out, e);
}

int
store_pk_state_load(store *s, const char *instansi, int tahun,
		    store_pk_state *out, lk_err *e)
{
	return store_dok_state_load(s, STORE_DOK_PK, instansi, tahun, out, e);
}

static int
locked_msg(store *s, enum store_dok d, int tahun, const store_pk_state *st,
	   lk_err *e)
{
	if (d == STORE_DOK_LKJIP)
		return lk_fail(e, EX_NOPERM, _("%s: the LKjIP %d is signed "
			       "(version %d, at %s): it is locked; an admin "
			       "unlocks it (lakip unlock --dokumen lkjip) before "
			       "the head signs the next version"), s->path, tahun,
			       st->version, st->sig[1].signed_at);
	return lk_fail(e, EX_NOPERM, _("%s: the Perjanjian Kinerja %d is signed "
		       "by both parties (version %d; pihak kedua signed at %s): "
		       "it is locked and cannot be signed or changed again"),
		       s->path, tahun, st->version, st->sig[2].signed_at);
}

/* May pihak sign now?  *version: the version the signature belongs to. */
static int
signable(store *s, enum store_dok d, const char *instansi, int tahun,
	 int pihak, store_period_ids *p, store_pk_state *st, int *version,
	 lk_err *e)
{
	int rc;

	if ((rc = store_period(s, instansi, tahun, 0, p, e)) != 0)
		return rc;
	if (p->rencana_id == 0)
		return lk_fail(e, EX_NOINPUT, _("%s: no plan of %s for %d"),
			       s->path, instansi, tahun);
	if ((rc = state_of(s, d, p->rencana_id, st, e)) != 0)
		return rc;
	if (st->locked)
		return locked_msg(s, d, tahun, st, e);
	if (pihak == 1) {
		*version = st->version + 1;
		return 0;
	}
	if (!st->pertama)
		return lk_fail(e, EX_DATAERR, _("%s: pihak pertama (the head of "
			       "%s) has not signed the Perjanjian Kinerja %d yet: "
			       "pihak kedua countersigns after him (lakip "
			       "finalise --dokumen pk, then --pihak kedua)"),
			       s->path, instansi, tahun);
	if (st->kedua)   /* countersigned, then unlocked */
		return lk_fail(e, EX_DATAERR, _("%s: version %d of the Perjanjian "
			       "Kinerja %d was countersigned and then unlocked: "
			       "pihak pertama signs version %d first"), s->path,
			       st->version, tahun, st->version + 1);
	*version = st->version;
	return 0;
}

static int
load_pdf(store *s, enum store_dok d, int64_t rencana_id, int version,
	 int pihak, unsigned char **pdf, size_t *len, lk_err *e)
{
	drv_st *st = NULL;
	char sql[256];
	int rc;

	*pdf = NULL;
	*len = 0;
	SQLF(sql, "SELECT pdf FROM %s WHERE rencana_id = ?1 AND version = ?2"
	     " AND pihak = ?3", dok(d)->sig);
	if ((rc = store_stmt(s, &st, sql, e)) != 0)
		return rc;
	store_bind_int(s, st, 1, rencana_id);
	store_bind_int(s, st, 2, version);
	store_bind_int(s, st, 3, pihak);
	if ((rc = store_check_bind(s, e)) == 0) {
		rc = drv_step(st);
		if (rc == DRV_ROW) {
			int n = drv_col_bytes(st, 0);

			if ((*pdf = malloc(n > 0 ? (size_t)n : 1)) == NULL)
				lk_fatal("out of memory");
			if (n > 0)
				memcpy(*pdf, drv_col_blob(st, 0), (size_t)n);
			*len = (size_t)n;
			rc = 0;
		} else if (rc == DRV_DONE && d == STORE_DOK_LKJIP) {
			rc = lk_fail(e, EX_NOINPUT, _("%s: no signed version %d of "
				     "the LKjIP"), s->path, version);
		} else if (rc == DRV_DONE) {
			rc = lk_fail(e, EX_NOINPUT, _("%s: no signed version %d of "
				     "the agreement (pihak %d)"), s->path, version,
				     pihak);
		} else {
			rc = store_fail(s, rc, e, NULL);
		}
	}
	drv_finalize(st);
	return rc;
}

static int
save_sig(store *s, enum store_dok d, const char *instansi, int tahun,
	 int64_t rencana_id, int version, int pihak, const store_pk_in *in,
	 lk_err *e)
{
	const struct dok_info *di = dok(d);
	const char *t = di->sig;
	drv_st *st = NULL;
	char now[32], kode[32], scope[256], sql[512];
	int rc;

	store_now(now);
	SQLF(sql, "INSERT INTO %s (rencana_id, version, pihak, pdf, pdf_sha256,"
	     " unsigned_sha256, content_sha256, signer, cert_subject, cert_sha256,"
	     " signed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	     t);
	if ((rc = store_stmt(s, &st, sql, e)) != 0)
		return rc;
	store_bind_int(s, st, 1, rencana_id);
	store_bind_int(s, st, 2, version);
	store_bind_int(s, st, 3, pihak);
	store_bind_blob(s, st, 4, in->sig.pdf, in->sig.len);
	store_bind_text(s, st, 5, in->sig.pdf_sha256);
	store_bind_text(s, st, 6, in->sig.unsigned_sha256);
	store_bind_text(s, st, 7, in->sig.content_sha256);
	store_bind_text(s, st, 8, s->actor);
	store_bind_text(s, st, 9, in->sig.cert_subject);
	store_bind_text(s, st, 10, in->cert_sha256);
	store_bind_text(s, st, 11, now);
	rc = store_run(s, st, e);
	drv_finalize(st);
	snprintf(kode, sizeof kode, "%d/%d", version, pihak);
	snprintf(scope, sizeof scope, "%s", store_scope(instansi, tahun, 0));
	if (rc == 0)
		rc = store_audit6(s, "finalise", scope, t, kode, "pdf_sha256",
				  NULL, in->sig.pdf_sha256, e);
	if (rc == 0)
		rc = store_audit6(s, "finalise", scope, t, kode, "content_sha256",
				  NULL, in->sig.content_sha256, e);
	if (rc == 0)
		rc = store_audit6(s, "finalise", scope, t, kode, "cert_sha256",
				  NULL, in->cert_sha256, e);
	if (rc == 0 && pihak == di->lock_pihak)
		rc = store_audit6(s, "lock", scope, t, kode, "locked", "0", "1", e);
	return rc;
}

int
store_dok_finalise(store *s, enum store_dok d, const char *instansi,
		   int tahun, int pihak, const store_pk_fns *f, int *version,
		   lk_err *e)
{
	store_period_ids p;
	store_pk_state st;
	store_pk_in in;
	unsigned char *prev = NULL;
	size_t prev_len = 0;
	char seen[65], now_hash[65];
	int64_t seen_id, now_id;
	rencana *r = NULL;
	int rc, v2 = 0;
	bool published = false;

	*version = 0;
	if (pihak != 1 && (pihak != 2 || d != STORE_DOK_PK))
		lk_fatal("store_dok_finalise: pihak %d", pihak);
	if (s->readonly)
		return store_fail_readonly(s, e);
	if (s->version < dok(d)->since)
		return lk_fail(e, EX_SOFTWARE, _("%s: database schema version %d, "
			       "expected %d"), s->path, s->version,
			       STORE_SCHEMA_VERSION);
	if ((rc = store_izin_at(s, instansi, AKSI_FINAL, e)) != 0)
		return rc;
	memset(&st, 0, sizeof st);
	if ((rc = store_exec(s, "BEGIN", e)) != 0)
		return rc;
	rc = store_audit_head(s, &seen_id, seen, e);
	if (rc == 0)
		rc = signable(s, d, instansi, tahun, pihak, &p, &st, version, e);
	if (rc == 0 && pihak == 2)
		rc = load_pdf(s, d, p.rencana_id, *version, 1, &prev, &prev_len,
			      e);
	if (rc == 0)
		rc = store_load(s, instansi, tahun, &r, e);
	store_rollback(s);
	memset(&in, 0, sizeof in);
	in.sig.audit_id = seen_id;
	memcpy(in.sig.audit_hash, seen, sizeof in.sig.audit_hash);
	if (rc == 0)
		rc = f->produce(f->arg, r, pihak, *version, prev, prev_len,
				pihak == 2 ? &st.sig[1] : NULL, &in, e);
	rencana_free(r);
	free(prev);
	store_pk_state_free(&st);
	if (rc != 0)
		goto fail;
	if ((rc = store_begin(s, e)) != 0)
		goto fail;
	rc = store_audit_head(s, &now_id, now_hash, e);
	if (rc == 0 && (now_id != seen_id || strcmp(now_hash, seen) != 0))
		rc = lk_fail(e, EX_TEMPFAIL, _("%s: the database changed while "
			     "the agreement was being signed: nothing is stored; "
			     "run finalise again"), s->path);
	if (rc == 0)
		rc = signable(s, d, instansi, tahun, pihak, &p, &st, &v2, e);
	store_pk_state_free(&st);
	if (rc == 0 && v2 != *version)
		lk_fatal("store_dok_finalise: version moved without an audit record");
	if (rc == 0)
		rc = save_sig(s, d, instansi, tahun, p.rencana_id, *version, pihak,
			      &in, e);
	if (rc == 0 && f->publish != NULL) {
		published = true;
		rc = f->publish(f->arg, e);
	}
	if (rc == 0 && (rc = store_commit(s, e)) == 0)
		return 0;
	store_rollback(s);
	if (published && f->unpublish != NULL)
		f->unpublish(f->arg);
fail:
	*version = 0;
	return rc;
}

int
store_pk_finalise(store *s, const char *instansi, int tahun, int pihak,
		  const store_pk_fns *f, int *version, lk_err *e)
{
	return store_dok_finalise(s, STORE_DOK_PK, instansi, tahun, pihak, f,
				  version, e);
}

/* "%s: the Perjanjian Kinerja %d is not locked", or the LKjIP's. */
static int
not_locked(store *s, enum store_dok d, int tahun, lk_err *e)
{
	if (d == STORE_DOK_LKJIP)
		return lk_fail(e, EX_DATAERR, _("%s: the LKjIP %d is not locked"),
			       s->path, tahun);
	return lk_fail(e, EX_DATAERR, _("%s: the Perjanjian Kinerja %d is "
		       "not locked"), s->path, tahun);
}

int
store_dok_unlock(store *s, enum store_dok d, const char *instansi, int tahun,
		 const char *reason, lk_err *e)
{
	const struct dok_info *di = dok(d);
	store_period_ids p;
	store_pk_state st;
	drv_st *q = NULL;
	char now[32], kode[32], scope[256], sql[256];
	int rc;

	if (s->readonly)
		return store_fail_readonly(s, e);
	if ((rc = store_izin_at(s, instansi, AKSI_BUKA, e)) != 0)
		return rc;
	if (reason == NULL || reason[strspn(reason, " \t\n")] == '\0')
		return lk_fail(e, EX_USAGE, _("%s: unlocking needs a written reason"),
			       s->path);
	if (s->version < di->since)
		return not_locked(s, d, tahun, e);
	if ((rc = store_begin(s, e)) != 0)
		return rc;
	memset(&st, 0, sizeof st);
	rc = store_period(s, instansi, tahun, 0, &p, e);
	if (rc == 0 && p.rencana_id == 0)
		rc = lk_fail(e, EX_NOINPUT, _("%s: no plan of %s for %d"), s->path,
			     instansi, tahun);
	if (rc == 0)
		rc = state_of(s, d, p.rencana_id, &st, e);
	if (rc == 0 && !st.locked)
		rc = not_locked(s, d, tahun, e);
	store_now(now);
	SQLF(sql, "INSERT INTO %s (rencana_id, version, unlocked_by, unlocked_at,"
	     " reason) VALUES (?1, ?2, ?3, ?4, ?5)", di->unlock);
	if (rc == 0)
		rc = store_stmt(s, &q, sql, e);
	if (rc == 0) {
		store_bind_int(s, q, 1, p.rencana_id);
		store_bind_int(s, q, 2, st.version);
		store_bind_text(s, q, 3, s->actor);
		store_bind_text(s, q, 4, now);
		store_bind_text(s, q, 5, reason);
		rc = store_run(s, q, e);
	}
	drv_finalize(q);
	snprintf(kode, sizeof kode, "%d/%d", st.version, di->lock_pihak);
	snprintf(scope, sizeof scope, "%s", store_scope(instansi, tahun, 0));
	if (rc == 0)
		rc = store_audit6(s, "unlock", scope, di->sig, kode, "locked",
				  "1", "0", e);
	if (rc == 0)
		rc = store_audit6(s, "unlock", scope, di->unlock, kode, "reason",
				  NULL, reason, e);
	store_pk_state_free(&st);
	if (rc == 0)
		return store_commit(s, e);
	store_rollback(s);
	return rc;
}

int
store_pk_unlock(store *s, const char *instansi, int tahun, const char *reason,
		lk_err *e)
{
	return store_dok_unlock(s, STORE_DOK_PK, instansi, tahun, reason, e);
}

/* "no signed agreements (schema version N)", or LKjIPs. */
static int
none_yet(store *s, enum store_dok d, lk_err *e)
{
	if (d == STORE_DOK_LKJIP)
		return lk_fail(e, EX_NOINPUT, _("%s: no signed LKjIP (schema "
			       "version %d)"), s->path, s->version);
	return lk_fail(e, EX_NOINPUT, _("%s: no signed agreements (schema"
		       " version %d)"), s->path, s->version);
}

static int
no_match(store *s, enum store_dok d, lk_err *e)
{
	if (d == STORE_DOK_LKJIP)
		return lk_fail(e, EX_NOINPUT, _("%s: no stored signed LKjIP "
			       "matches"), s->path);
	return lk_fail(e, EX_NOINPUT, _("%s: no stored signed agreement "
		       "matches"), s->path);
}

int
store_dok_find(store *s, enum store_dok d, const char *unsigned_sha256,
	       char **instansi, int *tahun, store_pk_sig *sig, lk_err *e)
{
	drv_st *st = NULL;
	char sql[512];
	int rc;

	*instansi = NULL;
	*tahun = 0;
	memset(sig, 0, sizeof *sig);
	if (s->version < dok(d)->since)
		return none_yet(s, d, e);
	SQLF(sql, "SELECT i.kode, r.tahun, " SIG_COLS " FROM %s g"
	     " JOIN rencana r ON r.id = g.rencana_id"
	     " JOIN instansi i ON i.id = r.instansi_id"
	     " WHERE g.unsigned_sha256 = ?1 ORDER BY g.id DESC LIMIT 1",
	     dok(d)->sig);
	if ((rc = store_stmt(s, &st, sql, e)) != 0)
		return rc;
	store_bind_text(s, st, 1, unsigned_sha256);
	if ((rc = store_check_bind(s, e)) == 0) {
		rc = drv_step(st);
		if (rc == DRV_ROW) {
			*instansi = dup_col(st, 0);
			*tahun = (int)drv_col_int(st, 1);
			read_sig(st, 2, sig);
			rc = 0;
		} else if (rc == DRV_DONE) {
			rc = no_match(s, d, e);
		} else {
			rc = store_fail(s, rc, e, NULL);
		}
	}
	drv_finalize(st);
	return rc;
}

int
store_pk_find(store *s, const char *unsigned_sha256, char **instansi,
	      int *tahun, store_pk_sig *sig, lk_err *e)
{
	return store_dok_find(s, STORE_DOK_PK, unsigned_sha256, instansi, tahun,
			      sig, e);
}

int
store_dok_get(store *s, enum store_dok d, const char *instansi, int tahun,
	      int version, int pihak, store_pk_sig *sig, lk_err *e)
{
	drv_st *st = NULL;
	char sql[512];
	int rc;

	memset(sig, 0, sizeof *sig);
	if (s->version < dok(d)->since)
		return none_yet(s, d, e);
	SQLF(sql, "SELECT " SIG_COLS " FROM %s g"
	     " JOIN rencana r ON r.id = g.rencana_id"
	     " JOIN instansi i ON i.id = r.instansi_id"
	     " WHERE i.kode = ?1 AND r.tahun = ?2 AND g.version = ?3"
	     " AND g.pihak = ?4", dok(d)->sig);
	if ((rc = store_stmt(s, &st, sql, e)) != 0)
		return rc;
	store_bind_text(s, st, 1, instansi);
	store_bind_int(s, st, 2, tahun);
	store_bind_int(s, st, 3, version);
	store_bind_int(s, st, 4, pihak);
	if ((rc = store_check_bind(s, e)) == 0) {
		rc = drv_step(st);
		if (rc == DRV_ROW) {
			read_sig(st, 0, sig);
			rc = 0;
		} else if (rc == DRV_DONE) {
			rc = no_match(s, d, e);
		} else {
			rc = store_fail(s, rc, e, NULL);
		}
	}
	drv_finalize(st);
	return rc;
}

int
store_pk_get(store *s, const char *instansi, int tahun, int version,
	     int pihak, store_pk_sig *sig, lk_err *e)
{
	return store_dok_get(s, STORE_DOK_PK, instansi, tahun, version, pihak,
			     sig, e);
}

int
store_dok_pdf(store *s, enum store_dok d, const char *instansi, int tahun,
	      int version, int pihak, unsigned char **pdf, size_t *len,
	      lk_err *e)
{
	store_period_ids p;
	int rc;

	*pdf = NULL;
	*len = 0;
	if (s->version < dok(d)->since)
		return none_yet(s, d, e);
	if ((rc = store_period(s, instansi, tahun, 0, &p, e)) != 0)
		return rc;
	return load_pdf(s, d, p.rencana_id, version, pihak, pdf, len, e);
}

int
store_pk_pdf(store *s, const char *instansi, int tahun, int version,
	     int pihak, unsigned char **pdf, size_t *len, lk_err *e)
{
	return store_dok_pdf(s, STORE_DOK_PK, instansi, tahun, version, pihak,
			     pdf, len, e);
}

/* ---- the lock, for store_save ---- */

/* The agency's profile as an agreement states it (core/pk.h). */
static bool
instansi_pk_equal(const instansi *a, const instansi *b)
{
	return store_streq(a->kode, b->kode) && store_streq(a->nama, b->nama) &&
	    store_streq(a->pemerintah, b->pemerintah) &&
	    store_streq(a->kota, b->kota) && store_streq(a->logo, b->logo) &&
	    sv_pejabat_equal(&a->kepala, &b->kepala);
}

/* A year of the agency other than rencana_id whose agreement is locked:
 * *tahun, or 0. */
static int
other_locked(store *s, int64_t instansi_id, int64_t rencana_id, int *tahun,
	     lk_err *e)
{
	drv_st *st = NULL;
	int rc;

	*tahun = 0;
	if (s->version < STORE_VERSION_PK || instansi_id == 0)
		return 0;
	if ((rc = store_stmt(s, &st, "SELECT r.tahun FROM rencana r"
			     " WHERE r.instansi_id = ?1 AND r.id <> ?2 AND EXISTS"
			     " (SELECT 1 FROM pk_signed g WHERE g.rencana_id = r.id"
			     "  AND g.pihak = 2 AND g.version = (SELECT max(version)"
			     "  FROM pk_signed WHERE rencana_id = r.id)"
			     "  AND NOT EXISTS (SELECT 1 FROM pk_unlock u"
			     "  WHERE u.rencana_id = r.id AND u.version = g.version))"
			     " ORDER BY r.tahun LIMIT 1", e)) != 0)
		return rc;
	store_bind_int(s, st, 1, instansi_id);
	store_bind_int(s, st, 2, rencana_id);
	if ((rc = store_check_bind(s, e)) == 0) {
		rc = drv_step(st);
		if (rc == DRV_ROW) {
			*tahun = (int)drv_col_int(st, 0);
			rc = 0;
		} else {
			rc = rc == DRV_DONE ? 0 : store_fail(s, rc, e, NULL);
		}
	}
	drv_finalize(st);
	return rc;
}

int
sv_lock_pk(save_ctx *c)
{
	store_pk_state st;
	char *a, *b;
	int rc = 0, other = 0;

	/* The profile is shared by the agency's years: the head an agreement
	 * of another year names stays while that one is locked. */
	if (c->old.ada_instansi &&
	    !instansi_pk_equal(&c->old.r->instansi, &c->r->instansi)) {
		if ((rc = other_locked(c->s, c->old.instansi_id,
				       c->old.ada_rencana ? c->old.rencana_id : 0,
				       &other, c->e)) != 0)
			return rc;
		if (other != 0)
			return lk_fail(c->e, EX_NOPERM, _("%s: the Perjanjian Kinerja "
				       "%d is signed by both parties and names the "
				       "agency and its head: they cannot change until "
				       "an admin unlocks it (lakip unlock --dokumen pk)"),
				       c->s->path, other);
	}
	if (!c->old.ada_rencana)
		return 0;
	/* What the agreement states, compared first: the state of its
	 * signature is read only when that changes. */
	if (pk_sama(c->old.r, c->r))
		return 0;
	a = pk_isi(c->old.r, NULL);
	b = pk_isi(c->r, NULL);
	if (strcmp(a, b) == 0) {
		free(a);
		free(b);
		return 0;
	}
	if ((rc = state_of(c->s, STORE_DOK_PK, c->old.rencana_id, &st,
			   c->e)) != 0) {
		free(a);
		free(b);
		return rc;
	}
	/* What may still change is named, so that the user knows. */
	if (st.locked)
		rc = lk_fail(c->e, EX_NOPERM, _("%s: the Perjanjian Kinerja %d is "
			     "signed by both parties (version %d; pihak kedua "
			     "signed at %s): the agreement, the head, the sasaran, "
			     "the IKU with their targets and the programs with "
			     "their anggaran cannot change (realisations and "
			     "texts still can)"), c->s->path, c->r->tahun,
			     st.version, st.sig[2].signed_at);
	free(a);
	free(b);
	store_pk_state_free(&st);
	return rc;
}
