/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* save_tw.c - writing the quarters of a plan.
 *
 * Owns: replacing a changed quarter's content (realisations, narratives,
 * tables, texts), its audit records, and setting each IKU entry whose
 * realisation or narrative changed back from submitted or approved to
 * draft (recorded in entry_comment and the audit log).
 */
#include "config.h"
#include "store/save_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

/* ------------------------------------------------------------------ */
/* writing the quarters */

static int
save_strv(save_ctx *c, int k, int64_t tw_id, char *const *v, size_t n)
{
	sqlite3_stmt *st;
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
	sqlite3_stmt *st;
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
	sqlite3_stmt *st;
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

/* Did the entry of IKU i (new side) change in quarter n: its realisation,
 * or the narrative or tables of its sasaran? */
static bool
entry_changed(const save_ctx *c, size_t i, int n)
{
	const iku *k = c->nw.ik.k[i], *ok;
	const sasaran *sa, *os;
	size_t j = c->nw.ik.peer[i];

	if (j == NONE)
		return false;
	ok = c->od.ik.k[j];
	sa = &c->r->sasaran[c->nw.ik.sasaran[i]];
	os = &c->old.r->sasaran[c->od.ik.sasaran[j]];
	return k->ada_realisasi[n] != ok->ada_realisasi[n]
		|| (k->ada_realisasi[n] && k->realisasi[n] != ok->realisasi[n])
		|| !store_streq(sa->narasi[n], os->narasi[n])
		|| !sv_tabel_list_equal(sa->tabel[n], sa->n_tabel[n], os->tabel[n],
					os->n_tabel[n]);
}

/* Entries of quarter n that were submitted or approved and changed go
 * back to draft, recorded. */
static int
reset_entries(save_ctx *c, int n, int64_t tw_id)
{
	sqlite3_stmt *st;
	char now[32], old[16];
	size_t i;

	if (c->s->version < STORE_VERSION_WORKFLOW)
		return 0;
	store_now(now);
	for (i = 0; i < c->nw.ik.n; i++) {
		const char *kode = c->nw.ik.k[i]->kode;
		int rc;

		if (!entry_changed(c, i, n))
			continue;
		Q(c, S_ES_GET, st);
		store_bind_int(c->s, st, 1, tw_id);
		store_bind_int(c->s, st, 2, c->iku_id[i]);
		TRY(store_check_bind(c->s, c->e));
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE) {
			sqlite3_reset(st);
			continue;
		}
		if (rc != SQLITE_ROW) {
			rc = store_fail(c->s, rc, c->e, NULL);
			sqlite3_reset(st);
			return rc;
		}
		snprintf(old, sizeof old, "%s", sqlite3_column_text(st, 0));
		sqlite3_reset(st);
		TRY(sv_run_id2(c, S_ES_RESET, tw_id, c->iku_id[i]));
		Q(c, S_EC_INS, st);
		store_bind_int(c->s, st, 1, tw_id);
		store_bind_int(c->s, st, 2, c->iku_id[i]);
		store_bind_text(c->s, st, 3, now);
		store_bind_text(c->s, st, 4, c->s->actor);
		store_bind_text(c->s, st, 5, _("realisation or narrative changed"));
		TRY(sv_run(c, st));
		TRY(sv_au(c, "edit", c->scope_tw[n], "entry_state", kode, "state",
			  old, "draft"));
	}
	return 0;
}

int
sv_save_triwulan(save_ctx *c)
{
	static const int clear[] = {
		S_CLR_REAL_IKU, S_CLR_REAL_PROGRAM, S_CLR_NARASI, S_CLR_TABEL,
		S_CLR_PERMASALAHAN, S_CLR_TINDAK_LANJUT, S_CLR_TEKS,
	};
	const rencana *r = c->r, *o = c->old.r;
	sqlite3_stmt *st;
	char tanggal[16];
	int n;
	size_t k;

	for (n = 1; n <= TW_MAX; n++) {
		const triwulan *t = &r->tw[n];
		int64_t id = c->old.triwulan_id[n];

		if (!t->ada) {
			/* Kept as stored, less what went with removed entities. */
			if (o->tw[n].ada)
				sv_count(c, DIFF_TRIWULAN, false, sv_tw_loses(c, n));
			continue;
		}
		snprintf(tanggal, sizeof tanggal, "%04d-%02d-%02d", t->tahun,
			 t->bulan, t->hari);
		if (o->tw[n].ada) {
			bool changed = sv_tw_changed(c, n);

			sv_count(c, DIFF_TRIWULAN, false, changed);
			if (!changed)
				continue;
			Q(c, S_TW_UPD, st);
			store_bind_int(c->s, st, 1, id);
			store_bind_text(c->s, st, 2, tanggal);
			store_bind_text(c->s, st, 3, t->kesimpulan);
			TRY(sv_run(c, st));
			for (k = 0; k < sizeof clear / sizeof clear[0]; k++)
				TRY(sv_run_id(c, clear[k], id));
		} else {
			sv_count(c, DIFF_TRIWULAN, true, false);
			Q(c, S_TW_INS, st);
			store_bind_int(c->s, st, 1, c->rencana_id);
			store_bind_int(c->s, st, 2, n);
			store_bind_text(c->s, st, 3, tanggal);
			store_bind_text(c->s, st, 4, t->kesimpulan);
			TRY(sv_run_insert(c, st, &id));
		}
		TRY(save_tw_content(c, n, id));
		TRY(sv_au_triwulan(c, n));
		if (o->tw[n].ada)
			TRY(reset_entries(c, n, id));
	}
	return 0;
}
