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
dup_col(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	char *d;

	if (v == NULL)
		return NULL;
	if ((d = strdup(v)) == NULL)
		lk_fatal("out of memory");
	return d;
}

#define SIG_COLS "g.version, g.pihak, g.pdf_sha256, g.unsigned_sha256," \
	" g.content_sha256, g.signer, g.cert_subject, g.cert_sha256, g.signed_at"

/* The columns of SIG_COLS from column k on. */
static void
read_sig(sqlite3_stmt *st, int k, store_pk_sig *g)
{
	g->version = sqlite3_column_int(st, k);
	g->pihak = sqlite3_column_int(st, k + 1);
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

/* The state of plan rencana_id. */
static int
state_of(store *s, int64_t rencana_id, store_pk_state *out, lk_err *e)
{
	sqlite3_stmt *st = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	if (s->version < STORE_VERSION_PK || rencana_id == 0)
		return 0;
	if ((rc = store_stmt(s, &st, "SELECT " SIG_COLS " FROM pk_signed g"
			     " WHERE g.rencana_id = ?1 AND g.version ="
			     " (SELECT max(version) FROM pk_signed"
			     "  WHERE rencana_id = ?1) ORDER BY g.pihak", e)) != 0)
		return rc;
	store_bind_int(s, st, 1, rencana_id);
	if ((rc = store_check_bind(s, e)) == 0) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int k = sqlite3_column_int(st, 1);

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
		rc = rc == SQLITE_DONE ? 0 : store_fail(s, rc, e, NULL);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc == 0 && out->kedua &&
	    (rc = store_stmt(s, &st, "SELECT count(*) FROM pk_unlock"
			     " WHERE rencana_id = ?1 AND version = ?2", e)) == 0) {
		store_bind_int(s, st, 1, rencana_id);
		store_bind_int(s, st, 2, out->version);
		if ((rc = store_check_bind(s, e)) == 0) {
			if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
				out->unlocked = sqlite3_column_int(st, 0) > 0;
				rc = 0;
			} else {
				rc = store_fail(s, rc, e, NULL);
			}
		}
		sqlite3_finalize(st);
	}
	out->locked = out->kedua && !out->unlocked;
	if (rc != 0)
		store_pk_state_free(out);
	return rc;
}

int
store_pk_state_load(store *s, const char *instansi, int tahun,
		    store_pk_state *out, lk_err *e)
{
	store_period_ids p;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_period(s, instansi, tahun, 0, &p, e)) != 0)
		return rc;
	return state_of(s, p.rencana_id, out, e);
}

static int
locked_msg(store *s, int tahun, const store_pk_state *st, lk_err *e)
{
	return lk_fail(e, EX_NOPERM, _("%s: the Perjanjian Kinerja %d is signed "
		       "by both parties (version %d; pihak kedua signed at %s): "
		       "it is locked and cannot be signed or changed again"),
		       s->path, tahun, st->version, st->sig[2].signed_at);
}

/* May pihak sign now?  *version: the version the signature belongs to. */
static int
signable(store *s, const char *instansi, int tahun, int pihak,
	 store_period_ids *p, store_pk_state *st, int *version, lk_err *e)
{
	int rc;

	if ((rc = store_period(s, instansi, tahun, 0, p, e)) != 0)
		return rc;
	if (p->rencana_id == 0)
		return lk_fail(e, EX_NOINPUT, _("%s: no plan of %s for %d"),
			       s->path, instansi, tahun);
	if ((rc = state_of(s, p->rencana_id, st, e)) != 0)
		return rc;
	if (st->locked)
		return locked_msg(s, tahun, st, e);
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
load_pdf(store *s, int64_t rencana_id, int version, int pihak,
	 unsigned char **pdf, size_t *len, lk_err *e)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*pdf = NULL;
	*len = 0;
	if ((rc = store_stmt(s, &st, "SELECT pdf FROM pk_signed WHERE"
			     " rencana_id = ?1 AND version = ?2 AND pihak = ?3",
			     e)) != 0)
		return rc;
	store_bind_int(s, st, 1, rencana_id);
	store_bind_int(s, st, 2, version);
	store_bind_int(s, st, 3, pihak);
	if ((rc = store_check_bind(s, e)) == 0) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			int n = sqlite3_column_bytes(st, 0);

			if ((*pdf = malloc(n > 0 ? (size_t)n : 1)) == NULL)
				lk_fatal("out of memory");
			if (n > 0)
				memcpy(*pdf, sqlite3_column_blob(st, 0), (size_t)n);
			*len = (size_t)n;
			rc = 0;
		} else if (rc == SQLITE_DONE) {
			rc = lk_fail(e, EX_NOINPUT, _("%s: no signed version %d of "
				     "the agreement (pihak %d)"), s->path, version,
				     pihak);
		} else {
			rc = store_fail(s, rc, e, NULL);
		}
	}
	sqlite3_finalize(st);
	return rc;
}

static int
save_sig(store *s, const char *instansi, int tahun, int64_t rencana_id,
	 int version, int pihak, const store_pk_in *in, lk_err *e)
{
	sqlite3_stmt *st = NULL;
	char now[32], kode[32], scope[256];
	int rc;

	store_now(now);
	if ((rc = store_stmt(s, &st, "INSERT INTO pk_signed (rencana_id, version,"
			     " pihak, pdf, pdf_sha256, unsigned_sha256,"
			     " content_sha256, signer, cert_subject, cert_sha256,"
			     " signed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
			     " ?9, ?10, ?11)", e)) != 0)
		return rc;
	store_bind_int(s, st, 1, rencana_id);
	store_bind_int(s, st, 2, version);
	store_bind_int(s, st, 3, pihak);
	if (sqlite3_bind_blob64(st, 4, in->sig.pdf, in->sig.len,
				SQLITE_STATIC) != SQLITE_OK)
		s->bind_rc = SQLITE_TOOBIG;
	store_bind_text(s, st, 5, in->sig.pdf_sha256);
	store_bind_text(s, st, 6, in->sig.unsigned_sha256);
	store_bind_text(s, st, 7, in->sig.content_sha256);
	store_bind_text(s, st, 8, s->actor);
	store_bind_text(s, st, 9, in->sig.cert_subject);
	store_bind_text(s, st, 10, in->cert_sha256);
	store_bind_text(s, st, 11, now);
	rc = store_run(s, st, e);
	sqlite3_finalize(st);
	snprintf(kode, sizeof kode, "%d/%d", version, pihak);
	snprintf(scope, sizeof scope, "%s", store_scope(instansi, tahun, 0));
	if (rc == 0)
		rc = store_audit6(s, "finalise", scope, "pk_signed", kode,
				  "pdf_sha256", NULL, in->sig.pdf_sha256, e);
	if (rc == 0)
		rc = store_audit6(s, "finalise", scope, "pk_signed", kode,
				  "content_sha256", NULL, in->sig.content_sha256, e);
	if (rc == 0)
		rc = store_audit6(s, "finalise", scope, "pk_signed", kode,
				  "cert_sha256", NULL, in->cert_sha256, e);
	if (rc == 0 && pihak == 2)
		rc = store_audit6(s, "lock", scope, "pk_signed", kode, "locked",
				  "0", "1", e);
	return rc;
}

int
store_pk_finalise(store *s, const char *instansi, int tahun, int pihak,
		  const store_pk_fns *f, int *version, lk_err *e)
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
	if (pihak != 1 && pihak != 2)
		lk_fatal("store_pk_finalise: pihak %d", pihak);
	if (s->readonly)
		return store_fail_readonly(s, e);
	if (s->version < STORE_VERSION_PK)
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
		rc = signable(s, instansi, tahun, pihak, &p, &st, version, e);
	if (rc == 0 && pihak == 2)
		rc = load_pdf(s, p.rencana_id, *version, 1, &prev, &prev_len, e);
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
		rc = signable(s, instansi, tahun, pihak, &p, &st, &v2, e);
	store_pk_state_free(&st);
	if (rc == 0 && v2 != *version)
		lk_fatal("store_pk_finalise: version moved without an audit record");
	if (rc == 0)
		rc = save_sig(s, instansi, tahun, p.rencana_id, *version, pihak,
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
store_pk_unlock(store *s, const char *instansi, int tahun, const char *reason,
		lk_err *e)
{
	store_period_ids p;
	store_pk_state st;
	sqlite3_stmt *q = NULL;
	char now[32], kode[32], scope[256];
	int rc;

	if (s->readonly)
		return store_fail_readonly(s, e);
	if ((rc = store_izin_at(s, instansi, AKSI_BUKA, e)) != 0)
		return rc;
	if (reason == NULL || reason[strspn(reason, " \t\n")] == '\0')
		return lk_fail(e, EX_USAGE, _("%s: unlocking needs a written reason"),
			       s->path);
	if (s->version < STORE_VERSION_PK)
		return lk_fail(e, EX_DATAERR, _("%s: the Perjanjian Kinerja %d is "
			       "not locked"), s->path, tahun);
	if ((rc = store_begin(s, e)) != 0)
		return rc;
	memset(&st, 0, sizeof st);
	rc = store_period(s, instansi, tahun, 0, &p, e);
	if (rc == 0 && p.rencana_id == 0)
		rc = lk_fail(e, EX_NOINPUT, _("%s: no plan of %s for %d"), s->path,
			     instansi, tahun);
	if (rc == 0)
		rc = state_of(s, p.rencana_id, &st, e);
	if (rc == 0 && !st.locked)
		rc = lk_fail(e, EX_DATAERR, _("%s: the Perjanjian Kinerja %d is "
			     "not locked"), s->path, tahun);
	store_now(now);
	if (rc == 0)
		rc = store_stmt(s, &q, "INSERT INTO pk_unlock (rencana_id, version,"
				" unlocked_by, unlocked_at, reason)"
				" VALUES (?1, ?2, ?3, ?4, ?5)", e);
	if (rc == 0) {
		store_bind_int(s, q, 1, p.rencana_id);
		store_bind_int(s, q, 2, st.version);
		store_bind_text(s, q, 3, s->actor);
		store_bind_text(s, q, 4, now);
		store_bind_text(s, q, 5, reason);
		rc = store_run(s, q, e);
	}
	sqlite3_finalize(q);
	snprintf(kode, sizeof kode, "%d/2", st.version);
	snprintf(scope, sizeof scope, "%s", store_scope(instansi, tahun, 0));
	if (rc == 0)
		rc = store_audit6(s, "unlock", scope, "pk_signed", kode, "locked",
				  "1", "0", e);
	if (rc == 0)
		rc = store_audit6(s, "unlock", scope, "pk_unlock", kode, "reason",
				  NULL, reason, e);
	store_pk_state_free(&st);
	if (rc == 0)
		return store_commit(s, e);
	store_rollback(s);
	return rc;
}

int
store_pk_find(store *s, const char *unsigned_sha256, char **instansi,
	      int *tahun, store_pk_sig *sig, lk_err *e)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*instansi = NULL;
	*tahun = 0;
	memset(sig, 0, sizeof *sig);
	if (s->version < STORE_VERSION_PK)
		return lk_fail(e, EX_NOINPUT, _("%s: no signed agreements (schema"
			       " version %d)"), s->path, s->version);
	if ((rc = store_stmt(s, &st, "SELECT i.kode, r.tahun, " SIG_COLS
			     " FROM pk_signed g JOIN rencana r ON r.id = g.rencana_id"
			     " JOIN instansi i ON i.id = r.instansi_id"
			     " WHERE g.unsigned_sha256 = ?1 ORDER BY g.id DESC"
			     " LIMIT 1", e)) != 0)
		return rc;
	store_bind_text(s, st, 1, unsigned_sha256);
	if ((rc = store_check_bind(s, e)) == 0) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*instansi = dup_col(st, 0);
			*tahun = sqlite3_column_int(st, 1);
			read_sig(st, 2, sig);
			rc = 0;
		} else if (rc == SQLITE_DONE) {
			rc = lk_fail(e, EX_NOINPUT, _("%s: no stored signed "
				     "agreement matches"), s->path);
		} else {
			rc = store_fail(s, rc, e, NULL);
		}
	}
	sqlite3_finalize(st);
	return rc;
}

int
store_pk_pdf(store *s, const char *instansi, int tahun, int version,
	     int pihak, unsigned char **pdf, size_t *len, lk_err *e)
{
	store_period_ids p;
	int rc;

	*pdf = NULL;
	*len = 0;
	if (s->version < STORE_VERSION_PK)
		return lk_fail(e, EX_NOINPUT, _("%s: no signed agreements (schema"
			       " version %d)"), s->path, s->version);
	if ((rc = store_period(s, instansi, tahun, 0, &p, e)) != 0)
		return rc;
	return load_pdf(s, p.rencana_id, version, pihak, pdf, len, e);
}

/* ---- the lock, for store_save ---- */

int
sv_lock_pk(save_ctx *c)
{
	store_pk_state st;
	char *a, *b;
	int rc = 0;

	if (!c->old.ada_rencana)
		return 0;
	if ((rc = state_of(c->s, c->old.rencana_id, &st, c->e)) != 0)
		return rc;
	if (!st.locked) {
		store_pk_state_free(&st);
		return 0;
	}
	a = pk_isi(c->old.r, NULL);
	b = pk_isi(c->r, NULL);
	/* What may still change is named, so that the user knows. */
	if (strcmp(a, b) != 0)
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
