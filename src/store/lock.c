/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* lock.c - finalising a quarter: the signed report, the lock, unlocking.
 *
 * Owns: the tables signed_report, quarter_lock and unlock_history.  A
 * quarter is finalised in one transaction: the entries are checked, the
 * caller renders and signs (store_produce_fn) from the plan as read in
 * that transaction, and the signed bytes, their hashes and the lock are
 * written with their audit records; if anything fails nothing is.  What
 * a lock protects is enforced by store_save (save.c, lock_check).
 */
#include "config.h"
#include "store/store_int.h"
#include "store/workflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

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

int
store_locked_quarters(store *s, int64_t instansi_id, int64_t rencana_id,
		      bool locked[TW_MAX + 1], bool *any_instansi, lk_err *e)
{
	drv_st *st = NULL;
	int rc;

	memset(locked, 0, (TW_MAX + 1) * sizeof *locked);
	*any_instansi = false;
	if (s->version < STORE_VERSION_WORKFLOW || instansi_id == 0)
		return 0;
	if ((rc = store_stmt(s, &st,
		"SELECT r.id, t.nomor FROM quarter_lock k"
		" JOIN triwulan t ON t.id = k.triwulan_id"
		" JOIN rencana r ON r.id = t.rencana_id"
		" WHERE k.locked = 1 AND r.instansi_id = ?1", e)) != 0)
		return rc;
	store_bind_int(s, st, 1, instansi_id);
	if ((rc = store_check_bind(s, e)) == 0) {
		while ((rc = drv_step(st)) == DRV_ROW) {
			int n = (int)drv_col_int(st, 1);

			*any_instansi = true;
			if (drv_col_int(st, 0) == rencana_id && n >= 1
			    && n <= TW_MAX)
				locked[n] = true;
		}
		rc = rc == DRV_DONE ? 0 : store_fail(s, rc, e, NULL);
	}
	drv_finalize(st);
	return rc;
}

/* Locked state, who, and the latest version of quarter triwulan_id. */
static int
lock_state(store *s, int64_t tw_id, bool *locked, char who[128],
	   char when[32], int *version, lk_err *e)
{
	drv_st *st = NULL;
	int rc;

	*locked = false;
	who[0] = when[0] = '\0';
	if ((rc = store_stmt(s, &st,
		"SELECT coalesce((SELECT locked FROM quarter_lock WHERE triwulan_id = ?1), 0),"
		" (SELECT locked_by FROM quarter_lock WHERE triwulan_id = ?1),"
		" (SELECT locked_at FROM quarter_lock WHERE triwulan_id = ?1),"
		" coalesce((SELECT max(version) FROM signed_report"
		"  WHERE triwulan_id = ?1), 0)", e)) != 0)
		return rc;
	store_bind_int(s, st, 1, tw_id);
	if ((rc = store_check_bind(s, e)) == 0) {
		if ((rc = drv_step(st)) == DRV_ROW) {
			const char *w = drv_col_text(st, 1);
			const char *t = drv_col_text(st, 2);

			*locked = (int)drv_col_int(st, 0) == 1;
			snprintf(who, 128, "%s", w ? w : "");
			snprintf(when, 32, "%s", t ? t : "");
			*version = (int)drv_col_int(st, 3);
			rc = 0;
		} else
			rc = store_fail(s, rc, e, NULL);
	}
	drv_finalize(st);
	return rc;
}

static int
not_reported(store *s, int tahun, int tw, lk_err *e)
{
	return lk_fail(e, EX_NOINPUT, _("%s: quarter %d of %d is not reported yet"),
		       s->path, tw, tahun);
}

/* The entries of the quarter not approved yet, counted in *bad, listed
 * into list as people read them ("IKU2 (draft), program P01
 * (submitted)", translated) and into rec as the audit log records them,
 * in no language ("IKU2 draft, program:P01 submitted"). */
static int
not_approved(store *s, const char *instansi, int tahun, int tw, char *list,
	     char *rec, size_t n, size_t *bad, lk_err *e)
{
	store_quarter q;
	char what[160];
	size_t i, len = 0, rlen = 0;
	int rc;

	*bad = 0;
	list[0] = rec[0] = '\0';
	if ((rc = store_quarter_load(s, instansi, tahun, tw, &q, e)) != 0)
		return rc;
	for (i = 0; i < q.n_entri; i++) {
		const store_entri *x = &q.entri[i];
		bool own = x->jenis == JENIS_IKU || x->jenis == JENIS_BAB2 ||
		    x->jenis == JENIS_BAB3;
		int w;

		if (x->state == ENTRI_APPROVED)
			continue;
		(*bad)++;
		if (len < n - 1 && (w = snprintf(list + len, n - len, "%s%s (%s)",
		    len ? ", " : "", store_entri_text(x, what, sizeof what),
		    entri_state_label(x->state))) > 0)
			len += (size_t)w;
		if (rlen < n - 1 && (w = snprintf(rec + rlen, n - rlen, "%s%s%s%s %s",
		    rlen ? ", " : "", own ? "" : entri_jenis_nama(x->jenis),
		    own ? "" : ":", x->kode, entri_state_nama(x->state))) > 0)
			rlen += (size_t)w;
	}
	store_quarter_free(&q);
	return 0;
}

/* May quarter tw be finalised now?  *version: the version it would get;
 * p: its ids.  Every entry must be approved, unless override gives the
 * reason to sign anyway; with record (in the final transaction) that
 * reason and what was not approved go into the audit log. */
static int
finalisable(store *s, const char *instansi, int tahun, int tw,
	    store_period_ids *p, int *version, const char *override,
	    bool record, lk_err *e)
{
	char who[128], when[32], list[1024], rec[1024];
	size_t bad = 0;
	bool locked;
	int rc;

	if ((rc = store_period(s, instansi, tahun, tw, p, e)) != 0)
		return rc;
	if (p->triwulan_id == 0)
		return not_reported(s, tahun, tw, e);
	if ((rc = lock_state(s, p->triwulan_id, &locked, who, when, version, e)) != 0)
		return rc;
	if (locked)
		return lk_fail(e, EX_NOPERM,
			       _("%s: quarter %d of %d is already finalised and"
				 " locked (by %s at %s, version %d)"), s->path, tw,
			       tahun, who, when, *version);
	if ((rc = not_approved(s, instansi, tahun, tw, list, rec, sizeof list, &bad,
			       e)) != 0)
		return rc;
	if (bad > 0 && override == NULL)
		return lk_fail(e, EX_NOPERM,
			       P_("%s: %zu entry of quarter %d is not approved yet: "
				  "%s (the kepala may sign anyway with "
				  "--override-review REASON, recorded)",
				  "%s: %zu entries of quarter %d are not approved yet: "
				  "%s (the kepala may sign anyway with "
				  "--override-review REASON, recorded)", bad),
			       s->path, bad, tw, list);
	if (bad > 0 && record &&
	    (rc = store_audit6(s, "override-review", store_scope(instansi, tahun, tw),
			       "review_state", NULL, "override", rec, override,
			       e)) != 0)
		return rc;
	(*version)++;
	return 0;
}

/* Store out as the quarter's next version and lock it (inside the
 * transaction). */
static int
save_signed(store *s, const char *instansi, int tahun, int tw,
	     const store_period_ids *p, const store_signed_in *out,
	     const int *version, lk_err *e)
{
	drv_st *st = NULL;
	char now[32], ver[16], scope[256];
	int rc;

	store_now(now);
	if ((rc = store_stmt(s, &st,
		"INSERT INTO signed_report (triwulan_id, version, pdf, pdf_sha256,"
		" unsigned_sha256, content_sha256, signer, cert_subject, signed_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", e)) != 0)
		return rc;
	store_bind_int(s, st, 1, p->triwulan_id);
	store_bind_int(s, st, 2, *version);
	store_bind_blob(s, st, 3, out->pdf, out->len);
	store_bind_text(s, st, 4, out->pdf_sha256);
	store_bind_text(s, st, 5, out->unsigned_sha256);
	store_bind_text(s, st, 6, out->content_sha256);
	store_bind_text(s, st, 7, s->actor);
	store_bind_text(s, st, 8, out->cert_subject);
	store_bind_text(s, st, 9, now);
	rc = store_run(s, st, e);
	drv_finalize(st);
	st = NULL;
	if (rc == 0)
		rc = store_stmt(s, &st,
			"INSERT INTO quarter_lock (triwulan_id, locked, locked_by,"
			" locked_at) VALUES (?1, 1, ?2, ?3) ON CONFLICT (triwulan_id)"
			" DO UPDATE SET locked = 1, locked_by = ?2, locked_at = ?3", e);
	if (rc == 0) {
		store_bind_int(s, st, 1, p->triwulan_id);
		store_bind_text(s, st, 2, s->actor);
		store_bind_text(s, st, 3, now);
		rc = store_run(s, st, e);
	}
	drv_finalize(st);
	snprintf(ver, sizeof ver, "%d", *version);
	snprintf(scope, sizeof scope, "%s", store_scope(instansi, tahun, tw));
	if (rc == 0)
		rc = store_audit6(s, "finalise", scope, "signed_report", ver,
				  "pdf_sha256", NULL, out->pdf_sha256, e);
	if (rc == 0)
		rc = store_audit6(s, "finalise", scope, "signed_report", ver,
				  "content_sha256", NULL, out->content_sha256, e);
	if (rc == 0)
		rc = store_audit6(s, "lock", scope, "quarter_lock", NULL, "locked",
				  "0", "1", e);
	return rc;
}

/* Rendering and signing take time (a key on a token, a large report):
 * they run without the write lock.  The state they saw is the audit
 * chain's head, since every change writes a record; the short write
 * transaction at the end checks it is still the head, stores, locks and
 * publishes the file before it commits. */
int
store_finalise_cb(store *s, const char *instansi, int tahun, int tw,
		  const store_finalise_fns *f, int *version, lk_err *e)
{
	store_period_ids p;
	store_signed_in out;
	char seen[65], now_hash[65];
	int64_t seen_id, now_id;
	rencana *r = NULL;
	int rc, v2 = 0;
	bool published = false;

	*version = 0;
	if (s->readonly)
		return store_fail_readonly(s, e);
	if ((rc = store_izin_at(s, instansi, AKSI_FINAL, e)) != 0)
		return rc;
	if (f->override_review != NULL &&
	    f->override_review[strspn(f->override_review, " \t\n")] == '\0')
		return lk_fail(e, EX_USAGE, _("%s: overriding the review needs a "
			       "written reason"), s->path);
	/* What is signed: a consistent read. */
	if ((rc = store_exec(s, "BEGIN", e)) != 0)
		return rc;
	rc = store_audit_head(s, &seen_id, seen, e);
	if (rc == 0)
		rc = finalisable(s, instansi, tahun, tw, &p, version,
				 f->override_review, false, e);
	if (rc == 0)
		rc = store_load(s, instansi, tahun, &r, e);
	store_rollback(s);
	if (rc != 0) {
		*version = 0;
		return rc;
	}
	memset(&out, 0, sizeof out);
	out.audit_id = seen_id;
	memcpy(out.audit_hash, seen, sizeof out.audit_hash);
	rc = f->produce(f->arg, r, tw, *version, &out, e);
	rencana_free(r);
	if (rc != 0) {
		*version = 0;
		return rc;
	}
	if ((rc = store_begin(s, e)) != 0)
		goto fail;
	rc = store_audit_head(s, &now_id, now_hash, e);
	if (rc == 0 && (now_id != seen_id || strcmp(now_hash, seen) != 0))
		rc = lk_fail(e, EX_TEMPFAIL, _("%s: the database changed while "
			     "the report was being signed: nothing is stored; "
			     "run finalise again"), s->path);
	if (rc == 0)
		rc = finalisable(s, instansi, tahun, tw, &p, &v2,
				 f->override_review, true, e);
	if (rc == 0 && v2 != *version)
		lk_fatal("store_finalise: version moved without an audit record");
	if (rc == 0)
		rc = save_signed(s, instansi, tahun, tw, &p, &out, version, e);
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
store_finalise(store *s, const char *instansi, int tahun, int tw,
	       store_produce_fn produce, void *arg, int *version, lk_err *e)
{
	store_finalise_fns f = { produce, NULL, NULL, arg, NULL };

	return store_finalise_cb(s, instansi, tahun, tw, &f, version, e);
}

static int
unlock(store *s, const char *instansi, int tahun, int tw, const char *reason,
       lk_err *e)
{
	store_period_ids p;
	drv_st *st = NULL;
	char who[128], when[32], now[32], scope[256];
	bool locked;
	int version = 0, rc;

	if ((rc = store_period(s, instansi, tahun, tw, &p, e)) != 0)
		return rc;
	if (p.triwulan_id == 0)
		return not_reported(s, tahun, tw, e);
	if ((rc = lock_state(s, p.triwulan_id, &locked, who, when, &version, e)) != 0)
		return rc;
	if (!locked)
		return lk_fail(e, EX_DATAERR, _("%s: quarter %d of %d is not locked"),
			       s->path, tw, tahun);
	store_now(now);
	rc = store_stmt(s, &st, "UPDATE quarter_lock SET locked = 0"
			" WHERE triwulan_id = ?1", e);
	if (rc == 0) {
		store_bind_int(s, st, 1, p.triwulan_id);
		rc = store_run(s, st, e);
	}
	drv_finalize(st);
	st = NULL;
	if (rc == 0)
		rc = store_stmt(s, &st, "INSERT INTO unlock_history (triwulan_id,"
				" unlocked_by, unlocked_at, reason, version)"
				" VALUES (?1, ?2, ?3, ?4, ?5)", e);
	if (rc == 0) {
		store_bind_int(s, st, 1, p.triwulan_id);
		store_bind_text(s, st, 2, s->actor);
		store_bind_text(s, st, 3, now);
		store_bind_text(s, st, 4, reason);
		store_bind_int(s, st, 5, version);
		rc = store_run(s, st, e);
	}
	drv_finalize(st);
	snprintf(scope, sizeof scope, "%s", store_scope(instansi, tahun, tw));
	if (rc == 0)
		rc = store_audit6(s, "unlock", scope, "quarter_lock", NULL, "locked",
				  "1", "0", e);
	if (rc == 0)
		rc = store_audit6(s, "unlock", scope, "unlock_history", NULL,
				  "reason", NULL, reason, e);
	return rc;
}

int
store_unlock(store *s, const char *instansi, int tahun, int tw,
	     const char *reason, lk_err *e)
{
	int rc;

	if (s->readonly)
		return store_fail_readonly(s, e);
	if ((rc = store_izin_at(s, instansi, AKSI_BUKA, e)) != 0)
		return rc;
	if (reason == NULL || reason[strspn(reason, " \t\n")] == '\0')
		return lk_fail(e, EX_USAGE, _("%s: unlocking needs a written reason"),
			       s->path);
	if ((rc = store_begin(s, e)) != 0)
		return rc;
	rc = unlock(s, instansi, tahun, tw, reason, e);
	if (rc == 0)
		return store_commit(s, e);
	store_rollback(s);
	return rc;
}

void
store_signed_free(store_signed *sg)
{
	if (sg == NULL)
		return;
	free(sg->instansi);
	free(sg->pdf_sha256);
	free(sg->unsigned_sha256);
	free(sg->content_sha256);
	free(sg->signer);
	free(sg->cert_subject);
	free(sg->signed_at);
	memset(sg, 0, sizeof *sg);
}

/* The signed version found by one of the queries below (its parameters
 * bound by bind), into out. */
#define SIGNED_SELECT \
	"SELECT i.kode, r.tahun, t.nomor, g.version," \
	" (SELECT max(version) FROM signed_report x" \
	"  WHERE x.triwulan_id = g.triwulan_id)," \
	" coalesce((SELECT locked FROM quarter_lock k" \
	"  WHERE k.triwulan_id = g.triwulan_id), 0)," \
	" g.pdf_sha256, g.unsigned_sha256, g.content_sha256, g.signer," \
	" g.cert_subject, g.signed_at" \
	" FROM signed_report g JOIN triwulan t ON t.id = g.triwulan_id" \
	" JOIN rencana r ON r.id = t.rencana_id" \
	" JOIN instansi i ON i.id = r.instansi_id"

typedef struct signed_key {
	const char *unsigned_sha256;     /* by hash, or */
	const char *instansi;            /* by version */
	int tahun, tw, version;
} signed_key;

static int
signed_one(store *s, const signed_key *k, store_signed *out, lk_err *e)
{
	drv_st *st = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	if (s->version < STORE_VERSION_WORKFLOW)
		return lk_fail(e, EX_NOINPUT, _("%s: no signed reports (schema"
						" version %d)"), s->path, s->version);
	rc = k->unsigned_sha256 != NULL
	    ? store_stmt(s, &st, SIGNED_SELECT
			 " WHERE g.unsigned_sha256 = ?1 ORDER BY g.id DESC LIMIT 1", e)
	    : store_stmt(s, &st, SIGNED_SELECT
			 " WHERE i.kode = ?1 AND r.tahun = ?2 AND t.nomor = ?3"
			 " AND g.version = ?4", e);
	if (rc != 0)
		return rc;
	if (k->unsigned_sha256 != NULL) {
		store_bind_text(s, st, 1, k->unsigned_sha256);
	} else {
		store_bind_text(s, st, 1, k->instansi);
		store_bind_int(s, st, 2, k->tahun);
		store_bind_int(s, st, 3, k->tw);
		store_bind_int(s, st, 4, k->version);
	}
	if ((rc = store_check_bind(s, e)) == 0) {
		rc = drv_step(st);
		if (rc == DRV_ROW) {
			out->instansi = dup_col(st, 0);
			out->tahun = (int)drv_col_int(st, 1);
			out->tw = (int)drv_col_int(st, 2);
			out->version = (int)drv_col_int(st, 3);
			out->latest = (int)drv_col_int(st, 4);
			out->locked = (int)drv_col_int(st, 5) == 1;
			out->pdf_sha256 = dup_col(st, 6);
			out->unsigned_sha256 = dup_col(st, 7);
			out->content_sha256 = dup_col(st, 8);
			out->signer = dup_col(st, 9);
			out->cert_subject = dup_col(st, 10);
			out->signed_at = dup_col(st, 11);
			rc = 0;
		} else if (rc == DRV_DONE)
			rc = lk_fail(e, EX_NOINPUT,
				     _("%s: no stored signed report matches"), s->path);
		else
			rc = store_fail(s, rc, e, NULL);
	}
	drv_finalize(st);
	return rc;
}

int
store_signed_find(store *s, const char *unsigned_sha256, store_signed *out,
		  lk_err *e)
{
	signed_key k = { unsigned_sha256, NULL, 0, 0, 0 };

	return signed_one(s, &k, out, e);
}

int
store_signed_get(store *s, const char *instansi, int tahun, int tw,
		 int version, store_signed *out, lk_err *e)
{
	signed_key k = { NULL, instansi, tahun, tw, version };

	return signed_one(s, &k, out, e);
}

int
store_signed_pdf(store *s, const char *instansi, int tahun, int tw,
		 int version, unsigned char **pdf, size_t *len, lk_err *e)
{
	drv_st *st = NULL;
	int rc;

	*pdf = NULL;
	*len = 0;
	if ((rc = store_stmt(s, &st,
		"SELECT g.pdf FROM signed_report g"
		" JOIN triwulan t ON t.id = g.triwulan_id"
		" JOIN rencana r ON r.id = t.rencana_id"
		" JOIN instansi i ON i.id = r.instansi_id"
		" WHERE i.kode = ?1 AND r.tahun = ?2 AND t.nomor = ?3"
		" AND g.version = ?4", e)) != 0)
		return rc;
	store_bind_text(s, st, 1, instansi);
	store_bind_int(s, st, 2, tahun);
	store_bind_int(s, st, 3, tw);
	store_bind_int(s, st, 4, version);
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
		} else if (rc == DRV_DONE)
			rc = lk_fail(e, EX_NOINPUT, _("%s: no signed version %d"),
				     s->path, version);
		else
			rc = store_fail(s, rc, e, NULL);
	}
	drv_finalize(st);
	return rc;
}
