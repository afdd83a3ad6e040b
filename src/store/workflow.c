/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* workflow.c - the review of each IKU's quarterly entry.
 *
 * Owns: the tables entry_state (no row: draft) and entry_comment (every
 * transition, with the reviewer's comment), the quarter's status, and
 * submit / approve / return.  The transitions are core/peran.c's; this
 * file adds who may touch which entry: a kabid reviews only the IKU of
 * his bidang in that agency (the bidang of the IKU's sasaran), the
 * kepala of the agency or an admin the IKU of a sasaran without a bidang
 * (no kabid can), and nobody approves or returns an entry he submitted
 * himself.  The actor's role is the one he holds in the agency of the
 * quarter (store_user_get with that agency).
 */
#include "config.h"
#include "store/store_int.h"
#include "store/workflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

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

const char *
store_scope(const char *instansi, int tahun, int tw)
{
	static char buf[256];

	if (tw > 0)
		snprintf(buf, sizeof buf, "%s/%d/TW%d", instansi, tahun, tw);
	else
		snprintf(buf, sizeof buf, "%s/%d", instansi, tahun);
	return buf;
}

int
store_period(store *s, const char *instansi, int tahun, int tw,
	     store_period_ids *p, lk_err *e)
{
	sqlite3_stmt *st = NULL;
	int rc;

	memset(p, 0, sizeof *p);
	if ((rc = store_stmt(s, &st,
		"SELECT i.id, r.id, t.id FROM instansi i"
		" LEFT JOIN rencana r ON r.instansi_id = i.id AND r.tahun = ?2"
		" LEFT JOIN triwulan t ON t.rencana_id = r.id AND t.nomor = ?3"
		" WHERE i.kode = ?1", e)) != 0)
		return rc;
	store_bind_text(s, st, 1, instansi);
	store_bind_int(s, st, 2, tahun);
	store_bind_int(s, st, 3, tw);
	if ((rc = store_check_bind(s, e)) == 0) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			p->instansi_id = sqlite3_column_int64(st, 0);
			p->rencana_id = sqlite3_column_int64(st, 1);
			p->triwulan_id = sqlite3_column_int64(st, 2);
			rc = 0;
		} else if (rc == SQLITE_DONE)
			rc = lk_fail(e, EX_NOINPUT,
				     _("%s: no agency '%s' in the database"),
				     s->path, instansi);
		else
			rc = store_fail(s, rc, e, NULL);
	}
	sqlite3_finalize(st);
	if (rc == 0 && p->rencana_id == 0)
		rc = lk_fail(e, EX_NOINPUT, _("%s: agency '%s' has no plan for %d"),
			     s->path, instansi, tahun);
	return rc;
}

void
store_quarter_free(store_quarter *q)
{
	size_t i;

	if (q == NULL)
		return;
	for (i = 0; i < q->n_entri; i++) {
		store_entri *x = &q->entri[i];

		free(x->iku);
		free(x->sasaran);
		free(x->bidang);
		free(x->submitted_by);
		free(x->submitted_at);
		free(x->reviewed_by);
		free(x->reviewed_at);
		free(x->comment);
	}
	free(q->entri);
	for (i = 0; i < q->n_event; i++) {
		free(q->event[i].iku);
		free(q->event[i].at);
		free(q->event[i].login);
		free(q->event[i].action);
		free(q->event[i].comment);
	}
	free(q->event);
	free(q->instansi);
	free(q->locked_by);
	free(q->locked_at);
	memset(q, 0, sizeof *q);
}

static int
load_entri(store *s, const store_period_ids *p, store_quarter *q, lk_err *e)
{
	sqlite3_stmt *st = NULL;
	store_vec v;
	int rc;

	if ((rc = store_stmt(s, &st,
		"SELECT k.id, k.kode, sa.kode, b.kode, es.state, es.submitted_by,"
		" es.submitted_at, es.reviewed_by, es.reviewed_at,"
		" EXISTS (SELECT 1 FROM realisasi_iku ri WHERE ri.triwulan_id = ?2"
		"  AND ri.iku_id = k.id),"
		" (SELECT c.comment FROM entry_comment c WHERE c.triwulan_id = ?2"
		"  AND c.iku_id = k.id AND c.action = 'return'"
		"  ORDER BY c.id DESC LIMIT 1)"
		" FROM iku k JOIN sasaran sa ON sa.id = k.sasaran_id"
		" LEFT JOIN bidang b ON b.id = sa.bidang_id"
		" LEFT JOIN entry_state es ON es.triwulan_id = ?2 AND es.iku_id = k.id"
		" WHERE k.rencana_id = ?1 ORDER BY sa.urutan, k.urutan", e)) != 0)
		return rc;
	store_bind_int(s, st, 1, p->rencana_id);
	store_bind_int(s, st, 2, p->triwulan_id);
	store_vec_init(&v, sizeof(store_entri));
	if ((rc = store_check_bind(s, e)) == 0) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			store_entri *x = store_vec_push(&v);
			const char *state = (const char *)sqlite3_column_text(st, 4);

			x->iku_id = sqlite3_column_int64(st, 0);
			x->iku = dup_col(st, 1);
			x->sasaran = dup_col(st, 2);
			x->bidang = dup_col(st, 3);
			if (state == NULL || !entri_state_dari_nama(state, &x->state))
				x->state = ENTRI_DRAFT;
			x->submitted_by = dup_col(st, 5);
			x->submitted_at = dup_col(st, 6);
			x->reviewed_by = dup_col(st, 7);
			x->reviewed_at = dup_col(st, 8);
			x->ada_realisasi = sqlite3_column_int(st, 9) != 0;
			x->comment = dup_col(st, 10);
			q->count[x->state]++;
		}
		rc = rc == SQLITE_DONE ? 0 : store_fail(s, rc, e, NULL);
	}
	sqlite3_finalize(st);
	q->entri = v.p;
	q->n_entri = v.n;
	return rc;
}

static int
load_events(store *s, const store_period_ids *p, store_quarter *q, lk_err *e)
{
	sqlite3_stmt *st = NULL;
	store_vec v;
	int rc;

	if ((rc = store_stmt(s, &st,
		"SELECT k.kode, c.at, c.login, c.action, c.comment"
		" FROM entry_comment c JOIN iku k ON k.id = c.iku_id"
		" WHERE c.triwulan_id = ?1 ORDER BY c.id", e)) != 0)
		return rc;
	store_bind_int(s, st, 1, p->triwulan_id);
	store_vec_init(&v, sizeof(store_event));
	if ((rc = store_check_bind(s, e)) == 0) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			store_event *x = store_vec_push(&v);

			x->iku = dup_col(st, 0);
			x->at = dup_col(st, 1);
			x->login = dup_col(st, 2);
			x->action = dup_col(st, 3);
			x->comment = dup_col(st, 4);
		}
		rc = rc == SQLITE_DONE ? 0 : store_fail(s, rc, e, NULL);
	}
	sqlite3_finalize(st);
	q->event = v.p;
	q->n_event = v.n;
	return rc;
}

static int
load_lock(store *s, const store_period_ids *p, store_quarter *q, lk_err *e)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = store_stmt(s, &st,
		"SELECT (SELECT locked FROM quarter_lock WHERE triwulan_id = ?1),"
		" (SELECT locked_by FROM quarter_lock WHERE triwulan_id = ?1),"
		" (SELECT locked_at FROM quarter_lock WHERE triwulan_id = ?1),"
		" (SELECT max(version) FROM signed_report WHERE triwulan_id = ?1)",
		e)) != 0)
		return rc;
	store_bind_int(s, st, 1, p->triwulan_id);
	if ((rc = store_check_bind(s, e)) == 0) {
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			q->locked = sqlite3_column_int(st, 0) == 1;
			if (q->locked) {
				q->locked_by = dup_col(st, 1);
				q->locked_at = dup_col(st, 2);
			}
			q->version = sqlite3_column_int(st, 3);
			rc = 0;
		} else
			rc = store_fail(s, rc, e, NULL);
	}
	sqlite3_finalize(st);
	return rc;
}

static int
quarter_load(store *s, const char *instansi, int tahun, int tw,
	     store_quarter *q, store_period_ids *p, lk_err *e)
{
	int rc;

	memset(q, 0, sizeof *q);
	if (s->version < STORE_VERSION_WORKFLOW)
		return lk_fail(e, EX_DATAERR,
			       _("%s: the database has no workflow tables (schema"
				 " version %d): open it once read-write to upgrade"
				 " it"), s->path, s->version);
	if ((rc = store_period(s, instansi, tahun, tw, p, e)) != 0)
		return rc;
	if ((q->instansi = strdup(instansi)) == NULL)
		lk_fatal("out of memory");
	q->tahun = tahun;
	q->tw = tw;
	q->ada = p->triwulan_id != 0;
	if ((rc = load_entri(s, p, q, e)) == 0 && q->ada
	    && (rc = load_events(s, p, q, e)) == 0)
		rc = load_lock(s, p, q, e);
	if (rc != 0)
		store_quarter_free(q);
	return rc;
}

int
store_quarter_load(store *s, const char *instansi, int tahun, int tw,
		   store_quarter *q, lk_err *e)
{
	store_period_ids p;
	bool own = sqlite3_get_autocommit(s->db) != 0;
	int rc;

	if (own && (rc = store_exec(s, "BEGIN", e)) != 0)
		return rc;
	rc = quarter_load(s, instansi, tahun, tw, q, &p, e);
	if (own)
		store_rollback(s);
	return rc;
}

/* ------------------------------------------------------------------ */
/* transitions */

static bool
in_strv(char *const *v, size_t n, const char *x)
{
	size_t i;

	for (i = 0; x != NULL && i < n; i++)
		if (strcmp(v[i], x) == 0)
			return true;
	return false;
}

static int
set_state(store *s, const store_period_ids *p, const store_entri *x,
	  enum entri_event ev, enum entri_state to, const char *comment,
	  const char *scope, lk_err *e)
{
	static const char upsert_submit[] =
		"INSERT INTO entry_state (triwulan_id, iku_id, state, submitted_by,"
		" submitted_at) VALUES (?1, ?2, ?3, ?4, ?5)"
		" ON CONFLICT (triwulan_id, iku_id) DO UPDATE SET state = ?3,"
		" submitted_by = ?4, submitted_at = ?5, reviewed_by = NULL,"
		" reviewed_at = NULL";
	static const char update_review[] =
		"UPDATE entry_state SET state = ?3, reviewed_by = ?4,"
		" reviewed_at = ?5 WHERE triwulan_id = ?1 AND iku_id = ?2";
	sqlite3_stmt *st = NULL;
	char now[32];
	int rc;

	store_now(now);
	if ((rc = store_stmt(s, &st, ev == EV_SUBMIT ? upsert_submit
			     : update_review, e)) != 0)
		return rc;
	store_bind_int(s, st, 1, p->triwulan_id);
	store_bind_int(s, st, 2, x->iku_id);
	store_bind_text(s, st, 3, entri_state_nama(to));
	store_bind_text(s, st, 4, s->actor);
	store_bind_text(s, st, 5, now);
	rc = store_run(s, st, e);
	sqlite3_finalize(st);
	st = NULL;
	if (rc == 0)
		rc = store_stmt(s, &st, "INSERT INTO entry_comment (triwulan_id,"
				" iku_id, at, login, action, comment)"
				" VALUES (?1, ?2, ?3, ?4, ?5, ?6)", e);
	if (rc == 0) {
		store_bind_int(s, st, 1, p->triwulan_id);
		store_bind_int(s, st, 2, x->iku_id);
		store_bind_text(s, st, 3, now);
		store_bind_text(s, st, 4, s->actor);
		store_bind_text(s, st, 5, entri_event_nama(ev));
		store_bind_text(s, st, 6, comment);
		rc = store_run(s, st, e);
	}
	sqlite3_finalize(st);
	if (rc == 0)
		rc = store_audit6(s, entri_event_nama(ev), scope, "entry_state",
				  x->iku, "state", entri_state_nama(x->state),
				  entri_state_nama(to), e);
	if (rc == 0 && comment != NULL)
		rc = store_audit6(s, entri_event_nama(ev), scope, "entry_comment",
				  x->iku, "comment", NULL, comment, e);
	return rc;
}

/* May the actor (u: his role in the quarter's agency) apply ev to x? */
static int
allowed(store *s, const store_user *u, const store_entri *x,
	enum entri_event ev, lk_err *e)
{
	if (entri_next(x->state, ev) < 0)
		return lk_fail(e, EX_DATAERR, _("%s: IKU '%s' is %s: cannot %s it"),
			       s->path, x->iku, entri_state_label(x->state),
			       entri_event_label(ev));
	if (ev == EV_SUBMIT)
		return 0;
	if (x->bidang == NULL) {
		if (u->peran != PERAN_KEPALA && u->peran != PERAN_ADMIN)
			return lk_fail(e, EX_NOPERM,
				       _("%s: IKU '%s' belongs to a sasaran without a"
					 " bidang: the kepala or an admin reviews it,"
					 " not '%s'"), s->path, x->iku, s->actor);
	} else if (u->peran != PERAN_KABID) {
		return lk_fail(e, EX_NOPERM,
			       _("%s: IKU '%s' belongs to bidang '%s': its kabid"
				 " reviews it, not '%s'"), s->path, x->iku,
			       x->bidang, s->actor);
	} else if (!in_strv(u->bidang, u->n_bidang, x->bidang))
		return lk_fail(e, EX_NOPERM,
			       _("%s: IKU '%s' belongs to bidang '%s'; '%s' reviews"
				 " only the IKU of his bidang"), s->path, x->iku,
			       x->bidang, s->actor);
	if (x->submitted_by != NULL && strcmp(x->submitted_by, s->actor) == 0)
		return lk_fail(e, EX_NOPERM,
			       _("%s: IKU '%s' was submitted by '%s' himself: nobody"
				 " reviews his own entry"), s->path, x->iku,
			       s->actor);
	return 0;
}

static int
apply(store *s, const char *instansi, int tahun, int tw, enum entri_event ev,
      char *const *iku, size_t n_iku, const char *comment, size_t *done,
      lk_err *e)
{
	store_period_ids p;
	store_quarter q;
	store_user u;
	char scope[256];
	size_t i, k;
	int rc;

	if ((rc = quarter_load(s, instansi, tahun, tw, &q, &p, e)) != 0)
		return rc;
	snprintf(scope, sizeof scope, "%s", store_scope(instansi, tahun, tw));
	if ((rc = store_user_get(s, s->actor, instansi, &u, e)) != 0) {
		store_quarter_free(&q);
		return rc;
	}
	if (!q.ada)
		rc = lk_fail(e, EX_NOINPUT,
			     _("%s: quarter %d of %d is not reported yet"),
			     s->path, tw, tahun);
	else if (q.locked)
		rc = lk_fail(e, EX_NOPERM,
			     _("%s: quarter %d of %d is locked (finalised by %s at"
			       " %s): an admin must unlock it"), s->path, tw,
			     tahun, q.locked_by, q.locked_at);
	for (k = 0; rc == 0 && k < n_iku; k++) {
		for (i = 0; i < q.n_entri && strcmp(q.entri[i].iku, iku[k]) != 0; i++)
			;
		if (i == q.n_entri)
			rc = lk_fail(e, EX_DATAERR, _("%s: no IKU '%s' in the plan of %d"),
				     s->path, iku[k], tahun);
		else
			rc = allowed(s, &u, &q.entri[i], ev, e);
	}
	for (i = 0; rc == 0 && i < q.n_entri; i++) {
		store_entri *x = &q.entri[i];
		int to;

		if (n_iku > 0) {
			if (!in_strv(iku, n_iku, x->iku))
				continue;
		} else if (allowed(s, &u, x, ev, NULL) != 0)
			continue;
		to = entri_next(x->state, ev);
		rc = set_state(s, &p, x, ev, (enum entri_state)to, comment, scope, e);
		if (rc == 0)
			(*done)++;
	}
	store_user_free(&u);
	store_quarter_free(&q);
	return rc;
}

int
store_wf_apply(store *s, const char *instansi, int tahun, int tw,
	       enum entri_event ev, char *const *iku, size_t n_iku,
	       const char *comment, size_t *done, lk_err *e)
{
	int rc;

	*done = 0;
	if (ev != EV_SUBMIT && ev != EV_APPROVE && ev != EV_RETURN)
		lk_fatal("store_wf_apply: event %d", (int)ev);
	if (s->readonly)
		return store_fail_readonly(s, e);
	if ((rc = store_izin_at(s, instansi, ev == EV_SUBMIT ? AKSI_AJUKAN
				: AKSI_TINJAU, e)) != 0)
		return rc;
	if (ev == EV_RETURN && (comment == NULL || comment[strspn(comment, " \t\n")] == '\0'))
		return lk_fail(e, EX_USAGE, _("%s: returning needs a comment"), s->path);
	if (ev != EV_RETURN)
		comment = NULL;
	if ((rc = store_begin(s, e)) != 0)
		return rc;
	rc = apply(s, instansi, tahun, tw, ev, iku, n_iku, comment, done, e);
	if (rc == 0)
		return store_commit(s, e);
	store_rollback(s);
	*done = 0;
	return rc;
}
