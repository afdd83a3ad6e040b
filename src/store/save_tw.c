/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* save_tw.c - writing the quarters of a plan.
 *
 * Owns: writing what changed in a stored quarter, row by row (a changed
 * realisation or narrative is one UPDATE, INSERT or DELETE; a sasaran's
 * tables and the quarter's lists and texts are rewritten only when they
 * differ), the content of a new quarter, its audit records, and setting each entry of the review
 * whose content changed (an IKU's or a program's realisation, a
 * sasaran's narrative or tables, BAB II's obstacles and follow-ups, BAB
 * III's conclusion) back from submitted or approved to draft (recorded in
 * review_event and the audit log).
 */
#include "config.h"
#include "store/save_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/peran.h"

/* ------------------------------------------------------------------ */
/* writing the quarters */

static int
save_strv(save_ctx *c, int k, int64_t tw_id, char *const *v, size_t n)
{
	drv_st *st;
	size_t i;

	for (i = 0; i < n; i++) {
		Q(c, k, st);
		store_bind_int(c->s, st, 1, tw_id);
		store_bind_int(c->s, st, 2, (int64_t)i);
		store_bind_text(c->s, st, 3, v[i]);
		TRY(sv_run(c, st));
	}
	return 0;
}

static int
save_tabel(save_ctx *c, int64_t tw_id, int64_t sasaran_id, size_t urutan,
	   const tabel *t)
{
	drv_st *st;
	int64_t id;
	size_t b, k;

	Q(c, S_TABEL_INS, st);
	store_bind_int(c->s, st, 1, tw_id);
	store_bind_int(c->s, st, 2, sasaran_id);
	store_bind_int(c->s, st, 3, (int64_t)urutan);
	store_bind_text(c->s, st, 4, t->judul);
	store_bind_text(c->s, st, 5, t->catatan);
	store_bind_int(c->s, st, 6, (int64_t)t->n_baris);
	TRY(sv_run_insert(c, st, &id));
	for (k = 0; k < t->n_kolom; k++) {
		Q(c, S_KOLOM_INS, st);
		store_bind_int(c->s, st, 1, id);
		store_bind_int(c->s, st, 2, (int64_t)k);
		store_bind_text(c->s, st, 3, t->kolom[k] != NULL ? t->kolom[k] : "");
		TRY(sv_run(c, st));
	}
	for (b = 0; b < t->n_baris; b++) {
		for (k = 0; k < t->n_sel[b]; k++) {
			Q(c, S_SEL_INS, st);
			store_bind_int(c->s, st, 1, id);
			store_bind_int(c->s, st, 2, (int64_t)b);
			store_bind_int(c->s, st, 3, (int64_t)k);
			store_bind_text(c->s, st, 4, t->baris[b][k] != NULL
					? t->baris[b][k] : "");
			TRY(sv_run(c, st));
		}
	}
	return 0;
}

/* Everything under quarter n of r, into the (empty) triwulan tw_id. */
static int
save_tw_content(save_ctx *c, int n, int64_t tw_id)
{
	const rencana *r = c->r;
	const triwulan *t = &r->tw[n];
	drv_st *st;
	size_t i, k;

	for (i = 0; i < c->nw.ik.n; i++) {
		const iku *ik = c->nw.ik.k[i];

		if (!ik->ada_realisasi[n])
			continue;
		Q(c, S_REAL_IKU_INS, st);
		store_bind_int(c->s, st, 1, tw_id);
		store_bind_int(c->s, st, 2, c->iku_id[i]);
		store_bind_int(c->s, st, 3, ik->realisasi[n]);
		TRY(sv_run(c, st));
	}
	for (i = 0; i < r->n_program; i++) {
		if (!r->program[i].ada_realisasi[n])
			continue;
		Q(c, S_REAL_PROGRAM_INS, st);
		store_bind_int(c->s, st, 1, tw_id);
		store_bind_int(c->s, st, 2, c->program_id[i]);
		store_bind_int(c->s, st, 3, r->program[i].realisasi[n]);
		TRY(sv_run(c, st));
	}
	for (i = 0; i < r->n_sasaran; i++) {
		const sasaran *sa = &r->sasaran[i];

		if (sa->narasi[n] != NULL) {
			Q(c, S_NARASI_INS, st);
			store_bind_int(c->s, st, 1, tw_id);
			store_bind_int(c->s, st, 2, c->sasaran_id[i]);
			store_bind_text(c->s, st, 3, sa->narasi[n]);
			TRY(sv_run(c, st));
		}
		for (k = 0; k < sa->n_tabel[n]; k++)
			TRY(save_tabel(c, tw_id, c->sasaran_id[i], k, &sa->tabel[n][k]));
	}
	TRY(save_strv(c, S_PERMASALAHAN_INS, tw_id, t->permasalahan,
		      t->n_permasalahan));
	TRY(save_strv(c, S_TINDAK_LANJUT_INS, tw_id, t->tindak_lanjut,
		      t->n_tindak_lanjut));
	for (k = 0; k < t->n_teks; k++) {
		Q(c, S_TEKS_INS, st);
		store_bind_int(c->s, st, 1, tw_id);
		store_bind_text(c->s, st, 2, t->teks[k].nama);
		store_bind_text(c->s, st, 3, t->teks[k].teks);
		store_bind_int(c->s, st, 4, (int64_t)k);
		TRY(sv_run(c, st));
	}
	return 0;
}

/* One value of a stored quarter (a realisation of ref_id): inserted,
 * updated or deleted as it differs from what was stored; nothing when it
 * is the same.  ins, upd and del share ?1 tw_id, ?2 ref_id, ?3 value. */
static int
put_value(save_ctx *c, int ins, int upd, int del, int64_t tw_id,
	  int64_t ref_id, bool ada, int64_t v, bool ada_old, int64_t v_old)
{
	drv_st *st;

	if (ada == ada_old && (!ada || v == v_old))
		return 0;
	if (!ada)
		return sv_run_id2(c, del, tw_id, ref_id);
	Q(c, ada_old ? upd : ins, st);
	store_bind_int(c->s, st, 1, tw_id);
	store_bind_int(c->s, st, 2, ref_id);
	store_bind_int(c->s, st, 3, v);
	return sv_run(c, st);
}

/* What differs in the stored quarter n (tw_id) from r, row by row: a
 * changed realisation or narrative is one statement, a sasaran's tables
 * and the quarter's lists are rewritten only when they differ. */
static int
save_tw_delta(save_ctx *c, int n, int64_t tw_id)
{
	const rencana *r = c->r, *o = c->old.r;
	const triwulan *t = &r->tw[n], *ot = &o->tw[n];
	drv_st *st;
	size_t i, j, k;

	for (i = 0; i < c->nw.ik.n; i++) {
		const iku *ik = c->nw.ik.k[i], *ok = NULL;

		if ((j = c->nw.ik.peer[i]) != NONE)
			ok = c->od.ik.k[j];
		TRY(put_value(c, S_REAL_IKU_INS, S_REAL_IKU_UPD, S_REAL_IKU_DEL,
			      tw_id, c->iku_id[i], ik->ada_realisasi[n],
			      ik->realisasi[n], ok != NULL && ok->ada_realisasi[n],
			      ok != NULL ? ok->realisasi[n] : 0));
	}
	for (i = 0; i < r->n_program; i++) {
		const program *p = &r->program[i], *op = NULL;

		if ((j = c->nw.program_peer[i]) != NONE)
			op = &o->program[j];
		TRY(put_value(c, S_REAL_PROGRAM_INS, S_REAL_PROGRAM_UPD,
			      S_REAL_PROGRAM_DEL, tw_id, c->program_id[i],
			      p->ada_realisasi[n], p->realisasi[n],
			      op != NULL && op->ada_realisasi[n],
			      op != NULL ? op->realisasi[n] : 0));
	}
	for (i = 0; i < r->n_sasaran; i++) {
		const sasaran *sa = &r->sasaran[i], *os = NULL;
		const char *old_narasi;

		if ((j = c->nw.sasaran_peer[i]) != NONE)
			os = &o->sasaran[j];
		old_narasi = os != NULL ? os->narasi[n] : NULL;
		if (!store_streq(sa->narasi[n], old_narasi)) {
			if (sa->narasi[n] == NULL)
				TRY(sv_run_id2(c, S_NARASI_DEL, tw_id, c->sasaran_id[i]));
			else {
				Q(c, old_narasi != NULL ? S_NARASI_UPD : S_NARASI_INS, st);
				store_bind_int(c->s, st, 1, tw_id);
				store_bind_int(c->s, st, 2, c->sasaran_id[i]);
				store_bind_text(c->s, st, 3, sa->narasi[n]);
				TRY(sv_run(c, st));
			}
		}
		if (os != NULL && sv_tabel_list_equal(sa->tabel[n], sa->n_tabel[n],
						      os->tabel[n], os->n_tabel[n]))
			continue;
		if (os != NULL && os->n_tabel[n] > 0)
			TRY(sv_run_id2(c, S_TABEL_DEL_SASARAN, tw_id, c->sasaran_id[i]));
		for (k = 0; k < sa->n_tabel[n]; k++)
			TRY(save_tabel(c, tw_id, c->sasaran_id[i], k, &sa->tabel[n][k]));
	}
	if (!sv_strv_equal(t->permasalahan, t->n_permasalahan, ot->permasalahan,
			   ot->n_permasalahan)) {
		TRY(sv_run_id(c, S_CLR_PERMASALAHAN, tw_id));
		TRY(save_strv(c, S_PERMASALAHAN_INS, tw_id, t->permasalahan,
			      t->n_permasalahan));
	}
	if (!sv_strv_equal(t->tindak_lanjut, t->n_tindak_lanjut, ot->tindak_lanjut,
			   ot->n_tindak_lanjut)) {
		TRY(sv_run_id(c, S_CLR_TINDAK_LANJUT, tw_id));
		TRY(save_strv(c, S_TINDAK_LANJUT_INS, tw_id, t->tindak_lanjut,
			      t->n_tindak_lanjut));
	}
	if (!sv_teks_equal(t, ot)) {
		TRY(sv_run_id(c, S_CLR_TEKS, tw_id));
		for (k = 0; k < t->n_teks; k++) {
			Q(c, S_TEKS_INS, st);
			store_bind_int(c->s, st, 1, tw_id);
			store_bind_text(c->s, st, 2, t->teks[k].nama);
			store_bind_text(c->s, st, 3, t->teks[k].teks);
			store_bind_int(c->s, st, 4, (int64_t)k);
			TRY(sv_run(c, st));
		}
	}
	return 0;
}

/* Did the realisation of IKU i (new side), or its note, change in
 * quarter n? */
static bool
iku_changed(const save_ctx *c, size_t i, int n)
{
	const iku *k = c->nw.ik.k[i], *ok;
	size_t j = c->nw.ik.peer[i];

	if (j == NONE)
		return false;
	ok = c->od.ik.k[j];
	return k->ada_realisasi[n] != ok->ada_realisasi[n]
		|| (k->ada_realisasi[n] && k->realisasi[n] != ok->realisasi[n])
		|| !store_streq(k->keterangan[n], ok->keterangan[n]);
}

/* Entry (kind j, row id, audit kode) of quarter n, when submitted or
 * approved, back to draft, recorded. */
static int
reset_entry(save_ctx *c, int n, int64_t tw_id, enum entri_jenis j, int64_t id,
	    const char *kode, const char *why)
{
	drv_st *st;
	char now[32], old[16], ak[160];
	int rc;

	Q(c, S_ES_GET, st);
	store_bind_int(c->s, st, 1, tw_id);
	store_bind_text(c->s, st, 2, entri_jenis_nama(j));
	store_bind_int(c->s, st, 3, id);
	TRY(store_check_bind(c->s, c->e));
	rc = drv_step(st);
	if (rc == DRV_DONE) {
		drv_reset(st);
		return 0;
	}
	if (rc != DRV_ROW) {
		rc = store_fail(c->s, rc, c->e, NULL);
		drv_reset(st);
		return rc;
	}
	snprintf(old, sizeof old, "%s", drv_col_text(st, 0));
	drv_reset(st);
	Q(c, S_ES_RESET, st);
	store_bind_int(c->s, st, 1, tw_id);
	store_bind_text(c->s, st, 2, entri_jenis_nama(j));
	store_bind_int(c->s, st, 3, id);
	TRY(sv_run(c, st));
	store_now(now);
	TRY(store_review_event(c->s, tw_id, j, id, now, EV_EDIT, why, c->e));
	if (j == JENIS_IKU || j == JENIS_BAB2 || j == JENIS_BAB3)
		snprintf(ak, sizeof ak, "%s", kode);
	else
		snprintf(ak, sizeof ak, "%s:%s", entri_jenis_nama(j), kode);
	return sv_au(c, "edit", c->scope_tw[n], "entry_state", ak, "state", old,
		     "draft");
}

/* Entries of quarter n that were submitted or approved and whose content
 * changed go back to draft, recorded. */
static int
reset_entries(save_ctx *c, int n, int64_t tw_id)
{
	const triwulan *t = &c->r->tw[n], *ot = &c->old.r->tw[n];
	size_t i, j;

	if (c->s->version < STORE_VERSION_REVIEW)
		return 0;
	for (i = 0; i < c->nw.ik.n; i++)
		if (iku_changed(c, i, n))
			TRY(reset_entry(c, n, tw_id, JENIS_IKU, c->iku_id[i],
					c->nw.ik.k[i]->kode,
					_("realisation or its note changed")));
	for (i = 0; i < c->r->n_program; i++) {
		const program *p = &c->r->program[i], *op;

		if ((j = c->nw.program_peer[i]) == NONE)
			continue;
		op = &c->old.r->program[j];
		if (p->ada_realisasi[n] != op->ada_realisasi[n] ||
		    (p->ada_realisasi[n] && p->realisasi[n] != op->realisasi[n]))
			TRY(reset_entry(c, n, tw_id, JENIS_PROGRAM, c->program_id[i],
					p->kode, _("realisation changed")));
	}
	for (i = 0; i < c->r->n_sasaran; i++) {
		const sasaran *sa = &c->r->sasaran[i], *os;

		if ((j = c->nw.sasaran_peer[i]) == NONE)
			continue;
		os = &c->old.r->sasaran[j];
		if (!store_streq(sa->narasi[n], os->narasi[n]) ||
		    !sv_tabel_list_equal(sa->tabel[n], sa->n_tabel[n], os->tabel[n],
					 os->n_tabel[n]))
			TRY(reset_entry(c, n, tw_id, JENIS_NARASI, c->sasaran_id[i],
					sa->kode, _("narrative or tables changed")));
	}
	if (!sv_strv_equal(t->permasalahan, t->n_permasalahan, ot->permasalahan,
			   ot->n_permasalahan) ||
	    !sv_strv_equal(t->tindak_lanjut, t->n_tindak_lanjut, ot->tindak_lanjut,
			   ot->n_tindak_lanjut))
		TRY(reset_entry(c, n, tw_id, JENIS_BAB2, 0, "bab2",
				_("obstacles or follow-ups changed")));
	if (!store_streq(t->kesimpulan, ot->kesimpulan))
		TRY(reset_entry(c, n, tw_id, JENIS_BAB3, 0, "bab3",
				_("conclusion changed")));
	return 0;
}

int
sv_save_triwulan(save_ctx *c)
{
	const rencana *r = c->r, *o = c->old.r;
	drv_st *st;
	char tanggal[16];
	const char *tg;
	int n;

	for (n = 1; n <= TW_MAX; n++) {
		const triwulan *t = &r->tw[n];
		int64_t id = c->old.triwulan_id[n];

		if (!t->ada) {
			/* Kept as stored, less what went with removed entities. */
			if (o->tw[n].ada)
				sv_count(c, DIFF_TRIWULAN, false, sv_tw_loses(c, n));
			continue;
		}
		tg = triwulan_tanggal_iso(t, tanggal);   /* NULL: not set */
		c->tw_id[n] = id;
		if (o->tw[n].ada) {
			bool changed = sv_tw_changed(c, n);

			sv_count(c, DIFF_TRIWULAN, false, changed);
			if (!changed)
				continue;
			if (t->tahun != o->tw[n].tahun || t->bulan != o->tw[n].bulan
			    || t->hari != o->tw[n].hari
			    || !store_streq(t->kesimpulan, o->tw[n].kesimpulan)) {
				Q(c, S_TW_UPD, st);
				store_bind_int(c->s, st, 1, id);
				store_bind_text(c->s, st, 2, tg);
				store_bind_text(c->s, st, 3, t->kesimpulan);
				TRY(sv_run(c, st));
			}
			TRY(save_tw_delta(c, n, id));
		} else {
			sv_count(c, DIFF_TRIWULAN, true, false);
			Q(c, S_TW_INS, st);
			store_bind_int(c->s, st, 1, c->rencana_id);
			store_bind_int(c->s, st, 2, n);
			store_bind_text(c->s, st, 3, tg);
			store_bind_text(c->s, st, 4, t->kesimpulan);
			TRY(sv_run_insert(c, st, &id));
			c->tw_id[n] = id;
			TRY(save_tw_content(c, n, id));
		}
		TRY(sv_au_triwulan(c, n));
		if (o->tw[n].ada)
			TRY(reset_entries(c, n, id));
	}
	return 0;
}
