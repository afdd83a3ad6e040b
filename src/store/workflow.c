/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* workflow.c - the review of everything a quarter's report prints.
 *
 * Owns: the tables review_state (no row: draft) and review_event (every
 * transition, with the reviewer's comment), the quarter's status, and
 * submit / approve / return.  An entry is an IKU's realisation, a
 * program's budget realisation, a sasaran's narrative with its supporting
 * tables, BAB II (obstacles and follow-ups) or BAB III (the conclusion).
 * The transitions are core/peran.c's; this file adds who may touch which
 * entry: a kabid reviews only the entries of his bidang in that agency
 * (the bidang of the IKU's sasaran, of the first sasaran a program
 * supports, of the narrative's sasaran), the kepala of the agency or an
 * admin those without a bidang and BAB II and III (no kabid can), and
 * nobody approves or returns an entry he submitted himself.  The actor's
 * role is the one he holds in the agency of the quarter (store_user_get
 * with that agency).
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
	drv_st *st = NULL;
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
		rc = drv_step(st);
		if (rc == DRV_ROW) {
			p->instansi_id = drv_col_int(st, 0);
			p->rencana_id = drv_col_int(st, 1);
			p->triwulan_id = drv_col_int(st, 2);
			rc = 0;
		} else if (rc == DRV_DONE)
			rc = lk_fail(e, EX_NOINPUT,
				     _("%s: no agency '%s' in the database"),
				     s->path, instansi);
		else
			rc = store_fail(s, rc, e, NULL);
	}
	drv_finalize(st);
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

		free(x->kode);
		free(x->sasaran);
		free(x->bidang);
		free(x->submitted_by);
		free(x->submitted_at);
		free(x->reviewed_by);
		free(x->reviewed_at);
		free(x->comment);
		free(x->keterangan);
	}
	free(q->entri);
	for (i = 0; i < q->n_event; i++) {
		free(q->event[i].kode);
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

const char *
store_entri_text(const store_entri *x, char *buf, size_t n)
{
	if (x->jenis == JENIS_IKU)
		snprintf(buf, n, "%s", x->kode);
	else if (x->jenis == JENIS_BAB2 || x->jenis == JENIS_BAB3)
		snprintf(buf, n, "%s", entri_jenis_label(x->jenis));
	else
		snprintf(buf, n, "%s %s", entri_jenis_label(x->jenis), x->kode);
	return buf;
}

const store_entri *
store_entri_find(const store_quarter *q, enum entri_jenis j, const char *kode)
{
	size_t i;

	for (i = 0; kode != NULL && i < q->n_entri; i++)
		if (q->entri[i].jenis == j && strcmp(q->entri[i].kode, kode) == 0)
			return &q->entri[i];
	return NULL;
}

/* Every entry of the plan (?1) in quarter ?2, in report order, with its
 * state (no row: draft) and the last return comment. */
static const char entries_sql[] =
	"WITH items (jenis, ord, id, kode, sasaran, bidang, ada, u1, u2, ket,"
	" kosong) AS ("
	" SELECT 'iku', 0, k.id, k.kode, sa.kode, b.kode,"
	"  EXISTS (SELECT 1 FROM realisasi_iku ri WHERE ri.triwulan_id = ?2"
	"   AND ri.iku_id = k.id), sa.urutan, k.urutan,"
	"  (SELECT kt.teks FROM keterangan kt WHERE kt.triwulan_id = ?2"
	"   AND kt.iku_id = k.id), k.target IS NULL"
	" FROM iku k JOIN sasaran sa ON sa.id = k.sasaran_id"
	" LEFT JOIN bidang b ON b.id = sa.bidang_id WHERE k.rencana_id = ?1"
	" UNION ALL"
	" SELECT 'program', 1, p.id, p.kode,"
	"  (SELECT sa.kode FROM program_sasaran ps JOIN sasaran sa"
	"   ON sa.id = ps.sasaran_id WHERE ps.program_id = p.id"
	"   ORDER BY sa.urutan LIMIT 1),"
	"  (SELECT b.kode FROM program_sasaran ps JOIN sasaran sa"
	"   ON sa.id = ps.sasaran_id JOIN bidang b ON b.id = sa.bidang_id"
	"   WHERE ps.program_id = p.id ORDER BY sa.urutan LIMIT 1),"
	"  EXISTS (SELECT 1 FROM realisasi_program rp WHERE rp.triwulan_id = ?2"
	"   AND rp.program_id = p.id), p.urutan, 0, NULL, p.anggaran IS NULL"
	" FROM program p WHERE p.rencana_id = ?1"
	" UNION ALL"
	" SELECT 'narasi', 2, sa.id, sa.kode, sa.kode, b.kode,"
	"  EXISTS (SELECT 1 FROM narasi n WHERE n.triwulan_id = ?2"
	"   AND n.sasaran_id = sa.id) OR EXISTS (SELECT 1 FROM tabel t"
	"   WHERE t.triwulan_id = ?2 AND t.sasaran_id = sa.id), sa.urutan, 0, NULL, false"
	" FROM sasaran sa LEFT JOIN bidang b ON b.id = sa.bidang_id"
	" WHERE sa.rencana_id = ?1"
	" UNION ALL"
	" SELECT 'bab2', 3, 0, 'bab2', NULL, NULL,"
	"  EXISTS (SELECT 1 FROM permasalahan WHERE triwulan_id = ?2) OR"
	"  EXISTS (SELECT 1 FROM tindak_lanjut WHERE triwulan_id = ?2), 0, 0, NULL,"
	" false"
	" UNION ALL"
	" SELECT 'bab3', 4, 0, 'bab3', NULL, NULL,"
	"  EXISTS (SELECT 1 FROM triwulan WHERE id = ?2 AND kesimpulan IS NOT NULL"
	"   AND kesimpulan <> ''), 0, 0, NULL, false)"
	" SELECT i.jenis, i.id, i.kode, i.sasaran, i.bidang, rs.state,"
	" rs.submitted_by, rs.submitted_at, rs.reviewed_by, rs.reviewed_at, i.ada,"
	" (SELECT c.comment FROM review_event c WHERE c.triwulan_id = ?2"
	"  AND c.jenis = i.jenis AND c.ref_id = i.id AND c.action = 'return'"
	"  ORDER BY c.id DESC LIMIT 1), i.ket, i.kosong"
	" FROM items i LEFT JOIN review_state rs ON rs.triwulan_id = ?2"
	"  AND rs.jenis = i.jenis AND rs.ref_id = i.id"
	" ORDER BY i.ord, i.u1, i.u2";

static int
load_entri(store *s, const store_period_ids *p, store_quarter *q, lk_err *e)
{
	drv_st *st = NULL;
	store_vec v;
	int rc;

	if ((rc = store_stmt(s, &st, entries_sql, e)) != 0)
		return rc;
	store_bind_int(s, st, 1, p->rencana_id);
	store_bind_int(s, st, 2, p->triwulan_id);
	store_vec_init(&v, sizeof(store_entri));
	if ((rc = store_check_bind(s, e)) == 0) {
		while ((rc = drv_step(st)) == DRV_ROW) {
			store_entri *x = store_vec_push(&v);
			const char *state = drv_col_text(st, 5);

			if (!entri_jenis_dari_nama(drv_col_text(st, 0),
						   &x->jenis))
				x->jenis = JENIS_IKU;
			x->ref_id = drv_col_int(st, 1);
			x->kode = dup_col(st, 2);
			x->sasaran = dup_col(st, 3);
			x->bidang = dup_col(st, 4);
			if (state == NULL || !entri_state_dari_nama(state, &x->state))
				x->state = ENTRI_DRAFT;
			x->submitted_by = dup_col(st, 6);
			x->submitted_at = dup_col(st, 7);
			x->reviewed_by = dup_col(st, 8);
			x->reviewed_at = dup_col(st, 9);
			x->ada_realisasi = (int)drv_col_int(st, 10) != 0;
			x->comment = dup_col(st, 11);
			x->keterangan = dup_col(st, 12);
			x->target_kosong = (int)drv_col_int(st, 13) != 0;
			q->count[x->state]++;
		}
		rc = rc == DRV_DONE ? 0 : store_fail(s, rc, e, NULL);
	}
	drv_finalize(st);
	q->entri = v.p;
	q->n_entri = v.n;
	return rc;
}

/* Only the counts by state of the entries entries_sql reads, without
 * reading them: the first row (state NULL) is how many entries there are
 * (the IKU, programs and sasaran of the plan, BAB II and BAB III), the
 * others count the states stored for entries of the plan (a state left
 * by an entry no longer in it is no entry's); the rest are drafts. */
static const char counts_sql[] =
	"SELECT NULL, (SELECT count(*) FROM iku WHERE rencana_id = ?1)"
	" + (SELECT count(*) FROM program WHERE rencana_id = ?1)"
	" + (SELECT count(*) FROM sasaran WHERE rencana_id = ?1) + 2"
	" UNION ALL"
	" SELECT rs.state, count(*) FROM review_state rs"
	" WHERE rs.triwulan_id = ?2 AND rs.state <> 'draft' AND CASE rs.jenis"
	"  WHEN 'iku' THEN EXISTS (SELECT 1 FROM iku k WHERE k.id = rs.ref_id"
	"   AND k.rencana_id = ?1)"
	"  WHEN 'program' THEN EXISTS (SELECT 1 FROM program p"
	"   WHERE p.id = rs.ref_id AND p.rencana_id = ?1)"
	"  WHEN 'narasi' THEN EXISTS (SELECT 1 FROM sasaran sa"
	"   WHERE sa.id = rs.ref_id AND sa.rencana_id = ?1)"
	"  ELSE rs.ref_id = 0 END"
	" GROUP BY rs.state";

static int
load_counts(store *s, const store_period_ids *p, store_quarter *q, lk_err *e)
{
	drv_st *st = NULL;
	int64_t total = 0, other = 0;
	int rc;

	if ((rc = store_stmt(s, &st, counts_sql, e)) != 0)
		return rc;
	store_bind_int(s, st, 1, p->rencana_id);
	store_bind_int(s, st, 2, p->triwulan_id);
	if ((rc = store_check_bind(s, e)) == 0) {
		while ((rc = drv_step(st)) == DRV_ROW) {
			const char *state = drv_col_text(st, 0);
			int64_t n = drv_col_int(st, 1);
			enum entri_state es;

			if (state == NULL)
				total = n;
			else if (entri_state_dari_nama(state, &es) &&
				 es != ENTRI_DRAFT) {
				q->count[es] += (unsigned)n;
				other += n;
			}
		}
		rc = rc == DRV_DONE ? 0 : store_fail(s, rc, e, NULL);
	}
	drv_finalize(st);
	q->count[ENTRI_DRAFT] = total > other ? (unsigned)(total - other) : 0;
	return rc;
}

static int
load_events(store *s, const store_period_ids *p, store_quarter *q, lk_err *e)
{
	drv_st *st = NULL;
	store_vec v;
	int rc;

	if ((rc = store_stmt(s, &st,
		"SELECT c.jenis, CASE c.jenis"
		"  WHEN 'iku' THEN (SELECT kode FROM iku WHERE id = c.ref_id)"
		"  WHEN 'program' THEN (SELECT kode FROM program WHERE id = c.ref_id)"
		"  WHEN 'narasi' THEN (SELECT kode FROM sasaran WHERE id = c.ref_id)"
		"  ELSE c.jenis END, c.at, c.login, c.action, c.comment"
		" FROM review_event c WHERE c.triwulan_id = ?1 ORDER BY c.id", e)) != 0)
		return rc;
	store_bind_int(s, st, 1, p->triwulan_id);
	store_vec_init(&v, sizeof(store_event));
	if ((rc = store_check_bind(s, e)) == 0) {
		while ((rc = drv_step(st)) == DRV_ROW) {
			store_event *x = store_vec_push(&v);

			if (!entri_jenis_dari_nama(drv_col_text(st, 0),
						   &x->jenis))
				x->jenis = JENIS_IKU;
			x->kode = dup_col(st, 1);
			if (x->kode == NULL && (x->kode = strdup("?")) == NULL)
				lk_fatal("out of memory");
			x->at = dup_col(st, 2);
			x->login = dup_col(st, 3);
			x->action = dup_col(st, 4);
			x->comment = dup_col(st, 5);
		}
		rc = rc == DRV_DONE ? 0 : store_fail(s, rc, e, NULL);
	}
	drv_finalize(st);
	q->event = v.p;
	q->n_event = v.n;
	return rc;
}

static int
load_lock(store *s, const store_period_ids *p, store_quarter *q, lk_err *e)
{
	drv_st *st = NULL;
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
		if ((rc = drv_step(st)) == DRV_ROW) {
			q->locked = (int)drv_col_int(st, 0) == 1;
			if (q->locked) {
				q->locked_by = dup_col(st, 1);
				q->locked_at = dup_col(st, 2);
			}
			q->version = (int)drv_col_int(st, 3);
			rc = 0;
		} else
			rc = store_fail(s, rc, e, NULL);
	}
	drv_finalize(st);
	return rc;
}

static int
quarter_load(store *s, const char *instansi, int tahun, int tw,
	     store_quarter *q, store_period_ids *p, bool entries, lk_err *e)
{
	int rc;

	memset(q, 0, sizeof *q);
	if (s->version < STORE_VERSION_REVIEW)
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
	if (!entries)
		rc = load_counts(s, p, q, e);
	else if ((rc = load_entri(s, p, q, e)) == 0 && q->ada)
		rc = load_events(s, p, q, e);
	if (rc == 0 && q->ada)
		rc = load_lock(s, p, q, e);
	if (rc != 0)
		store_quarter_free(q);
	return rc;
}

static int
quarter_read(store *s, const char *instansi, int tahun, int tw,
	     store_quarter *q, bool entries, lk_err *e)
{
	store_period_ids p;
	bool own = !drv_in_txn(s->db);
	int rc;

	if (own && (rc = store_exec(s, "BEGIN", e)) != 0)
		return rc;
	rc = quarter_load(s, instansi, tahun, tw, q, &p, entries, e);
	if (own)
		store_rollback(s);
	return rc;
}

int
store_quarter_load(store *s, const char *instansi, int tahun, int tw,
		   store_quarter *q, lk_err *e)
{
	return quarter_read(s, instansi, tahun, tw, q, true, e);
}

int
store_quarter_status(store *s, const char *instansi, int tahun, int tw,
		     store_quarter *q, lk_err *e)
{
	return quarter_read(s, instansi, tahun, tw, q, false, e);
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

/* The kode an entry's audit records name: an IKU's own ("IKU1", as
 * before every part was reviewed), "program:P01", "narasi:SS1", "bab2". */
static const char *
audit_kode(const store_entri *x, char *buf, size_t n)
{
	if (x->jenis == JENIS_IKU || x->jenis == JENIS_BAB2 || x->jenis == JENIS_BAB3)
		snprintf(buf, n, "%s", x->kode);
	else
		snprintf(buf, n, "%s:%s", entri_jenis_nama(x->jenis), x->kode);
	return buf;
}

int
store_review_event(store *s, int64_t triwulan_id, enum entri_jenis j,
		   int64_t ref_id, const char *at, enum entri_event ev,
		   const char *comment, lk_err *e)
{
	drv_st *st = NULL;
	int rc;

	if ((rc = store_stmt(s, &st, "INSERT INTO review_event (triwulan_id,"
			     " jenis, ref_id, at, login, action, comment)"
			     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", e)) != 0)
		return rc;
	store_bind_int(s, st, 1, triwulan_id);
	store_bind_text(s, st, 2, entri_jenis_nama(j));
	store_bind_int(s, st, 3, ref_id);
	store_bind_text(s, st, 4, at);
	store_bind_text(s, st, 5, s->actor);
	store_bind_text(s, st, 6, entri_event_nama(ev));
	store_bind_text(s, st, 7, comment);
	rc = store_run(s, st, e);
	drv_finalize(st);
	return rc;
}

static int
set_state(store *s, const store_period_ids *p, const store_entri *x,
	  enum entri_event ev, enum entri_state to, const char *comment,
	  const char *scope, lk_err *e)
{
	static const char upsert_submit[] =
		"INSERT INTO review_state (triwulan_id, jenis, ref_id, state,"
		" submitted_by, submitted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
		" ON CONFLICT (triwulan_id, jenis, ref_id) DO UPDATE SET state = ?4,"
		" submitted_by = ?5, submitted_at = ?6, reviewed_by = NULL,"
		" reviewed_at = NULL";
	static const char update_review[] =
		"UPDATE review_state SET state = ?4, reviewed_by = ?5,"
		" reviewed_at = ?6 WHERE triwulan_id = ?1 AND jenis = ?2"
		" AND ref_id = ?3";
	drv_st *st = NULL;
	char now[32], ak[160];
	int rc;

	store_now(now);
	if ((rc = store_stmt(s, &st, ev == EV_SUBMIT ? upsert_submit
			     : update_review, e)) != 0)
		return rc;
	store_bind_int(s, st, 1, p->triwulan_id);
	store_bind_text(s, st, 2, entri_jenis_nama(x->jenis));
	store_bind_int(s, st, 3, x->ref_id);
	store_bind_text(s, st, 4, entri_state_nama(to));
	store_bind_text(s, st, 5, s->actor);
	store_bind_text(s, st, 6, now);
	rc = store_run(s, st, e);
	drv_finalize(st);
	if (rc == 0)
		rc = store_review_event(s, p->triwulan_id, x->jenis, x->ref_id, now,
					ev, comment, e);
	audit_kode(x, ak, sizeof ak);
	if (rc == 0)
		rc = store_audit6(s, entri_event_nama(ev), scope, "entry_state",
				  ak, "state", entri_state_nama(x->state),
				  entri_state_nama(to), e);
	if (rc == 0 && comment != NULL)
		rc = store_audit6(s, entri_event_nama(ev), scope, "entry_comment",
				  ak, "comment", NULL, comment, e);
	return rc;
}

/* May the actor (u: his role in the quarter's agency) apply ev to x? */
static int
allowed(store *s, const store_user *u, const store_entri *x,
	enum entri_event ev, lk_err *e)
{
	char what[160];

	store_entri_text(x, what, sizeof what);
	if (entri_next(x->state, ev) < 0)
		return lk_fail(e, EX_DATAERR, _("%s: %s is %s: cannot %s it"),
			       s->path, what, entri_state_label(x->state),
			       entri_event_label(ev));
	if (ev == EV_SUBMIT)
		return 0;
	if (x->bidang == NULL) {
		if (u->peran != PERAN_KEPALA && u->peran != PERAN_ADMIN)
			return lk_fail(e, EX_NOPERM, x->jenis == JENIS_BAB2 ||
				       x->jenis == JENIS_BAB3 ?
				       _("%s: %s is the kepala's to review (or an"
					 " admin's), not '%s'") :
				       _("%s: %s belongs to no bidang: the kepala or"
					 " an admin reviews it, not '%s'"), s->path,
				       what, s->actor);
	} else if (u->peran != PERAN_KABID) {
		return lk_fail(e, EX_NOPERM,
			       _("%s: %s belongs to bidang '%s': its kabid"
				 " reviews it, not '%s'"), s->path, what,
			       x->bidang, s->actor);
	} else if (!in_strv(u->bidang, u->n_bidang, x->bidang))
		return lk_fail(e, EX_NOPERM,
			       _("%s: %s belongs to bidang '%s'; '%s' reviews"
				 " only the entries of his bidang"), s->path, what,
			       x->bidang, s->actor);
	if (x->submitted_by != NULL && strcmp(x->submitted_by, s->actor) == 0)
		return lk_fail(e, EX_NOPERM,
			       _("%s: %s was submitted by '%s' himself: nobody"
				 " reviews his own entry"), s->path, what,
			       s->actor);
	return 0;
}

static bool
named(const store_entri_ref *refs, size_t n, const store_entri *x)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (refs[i].jenis == x->jenis && strcmp(refs[i].kode, x->kode) == 0)
			return true;
	return false;
}

/* Why an entry may not be submitted yet. */
enum submit_block { SB_KOSONG, SB_TANPA_KETERANGAN };

/* The entries of q that event ev (a submit) would move, of refs (n; all
 * when 0), that `why` blocks: how many, their kodes ", " separated in
 * list. */
static size_t
submit_blocked(const store_quarter *q, const store_entri_ref *refs, size_t n,
	       enum entri_event ev, enum submit_block why, char *list,
	       size_t cap)
{
	size_t bad = 0, len = 0;

	list[0] = '\0';
	for (size_t i = 0; i < q->n_entri; i++) {
		const store_entri *x = &q->entri[i];
		bool blocked = why == SB_KOSONG ? x->target_kosong :
		    x->jenis == JENIS_IKU && !x->ada_realisasi &&
		    x->keterangan == NULL;
		int w;

		if (!blocked || entri_next(x->state, ev) < 0 ||
		    (n > 0 && !named(refs, n, x)))
			continue;
		bad++;
		if (len < cap - 1 && (w = snprintf(list + len, cap - len, "%s%s",
		    len ? ", " : "", x->kode)) > 0)
			len += (size_t)w;
	}
	return bad;
}

static int
apply(store *s, const char *instansi, int tahun, int tw, enum entri_event ev,
      const store_entri_ref *refs, size_t n, const char *comment,
      size_t *done, lk_err *e)
{
	store_period_ids p;
	store_quarter q;
	store_user u;
	char scope[256];
	size_t i, k;
	int rc;

	if ((rc = quarter_load(s, instansi, tahun, tw, &q, &p, true, e)) != 0)
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
	for (k = 0; rc == 0 && k < n; k++) {
		const store_entri *x = store_entri_find(&q, refs[k].jenis, refs[k].kode);

		if (x == NULL)
			rc = lk_fail(e, EX_DATAERR, refs[k].jenis == JENIS_IKU ?
				     _("%s: no IKU '%s' in the plan of %d") :
				     refs[k].jenis == JENIS_PROGRAM ?
				     _("%s: no program '%s' in the plan of %d") :
				     _("%s: no sasaran '%s' in the plan of %d"),
				     s->path, refs[k].kode, tahun);
		else
			rc = allowed(s, &u, x, ev, e);
	}
	/* Nothing goes to review whose target or budget is still blank (a
	 * year copied from the one before): its capaian means nothing.  An
	 * IKU without a realisation goes only with a note that says why (the
	 * note is reviewed with it and printed). */
	if (rc == 0 && ev == EV_SUBMIT) {
		char list[512];
		size_t bad;

		if ((bad = submit_blocked(&q, refs, n, ev, SB_KOSONG, list,
		    sizeof list)) > 0)
			rc = lk_fail(e, EX_DATAERR, P_("%s: the target (or budget) of "
				     "%s is still blank: type it in the plan first",
				     "%s: the targets (or budgets) of %s are still "
				     "blank: type them in the plan first", bad),
				     s->path, list);
		else if ((bad = submit_blocked(&q, refs, n, ev, SB_TANPA_KETERANGAN,
		    list, sizeof list)) > 0)
			rc = lk_fail(e, EX_DATAERR, P_("%s: %s has no realisation for "
				     "quarter %d and no note (keterangan) that says "
				     "why: record the reason first",
				     "%s: %s have no realisation for quarter %d and "
				     "no note (keterangan) that says why: record the "
				     "reasons first", bad), s->path, list, tw);
	}
	for (i = 0; rc == 0 && i < q.n_entri; i++) {
		store_entri *x = &q.entri[i];
		int to;

		if (n > 0) {
			if (!named(refs, n, x))
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
store_wf_apply_refs(store *s, const char *instansi, int tahun, int tw,
		    enum entri_event ev, const store_entri_ref *refs, size_t n,
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
	rc = apply(s, instansi, tahun, tw, ev, refs, n, comment, done, e);
	if (rc == 0)
		return store_commit(s, e);
	store_rollback(s);
	*done = 0;
	return rc;
}

int
store_wf_apply(store *s, const char *instansi, int tahun, int tw,
	       enum entri_event ev, char *const *iku, size_t n_iku,
	       const char *comment, size_t *done, lk_err *e)
{
	store_entri_ref *refs = n_iku ? calloc(n_iku, sizeof *refs) : NULL;
	size_t i;
	int rc;

	if (n_iku > 0 && refs == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < n_iku; i++) {
		refs[i].jenis = JENIS_IKU;
		refs[i].kode = iku[i];
	}
	rc = store_wf_apply_refs(s, instansi, tahun, tw, ev, refs, n_iku, comment,
				 done, e);
	free(refs);
	return rc;
}
