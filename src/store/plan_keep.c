/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* plan_keep.c - the plan a store keeps between a load and a save.
 *
 * Owns: the copy of the last plan read whole (store_keep_plans), the
 * audit chain's head it was read at, and its use by store_save: a save
 * compares with the copy instead of reading the plan again when the
 * head is unchanged inside the write transaction (every write of lakip
 * appends to the chain, so nothing was written since); after the save
 * the copy becomes what was saved, with the ids of its rows.  Otherwise
 * the save reads the stored plan as before.
 */
#include "config.h"
#include "store/save_int.h"

#include <stdlib.h>
#include <string.h>

#include "core/model_edit.h"

void
store_keep_plans(store *s, bool on)
{
	s->keep_plans = on;
	if (!on)
		store_kept_drop(s);
}

void
store_plan_free(store_plan *p)
{
	if (p == NULL)
		return;
	rencana_free(p->r);
	free(p);
}

/* A zeroed store_plan around r with row arrays in r's arena. */
static store_plan *
plan_new(rencana *r)
{
	store_plan *p = sv_xcalloc(1, sizeof *p);
	arena *a = &r->mem;

	p->r = r;
	p->bidang = arena_alloc(a, (r->instansi.n_bidang + 1) * sizeof *p->bidang);
	p->sasaran = arena_alloc(a, (r->n_sasaran + 1) * sizeof *p->sasaran);
	p->iku = arena_alloc(a, (r->n_sasaran + 1) * sizeof *p->iku);
	for (size_t i = 0; i < r->n_sasaran; i++)
		p->iku[i] = arena_alloc(a, (r->sasaran[i].n_iku + 1) *
					sizeof **p->iku);
	p->program = arena_alloc(a, (r->n_program + 1) * sizeof *p->program);
	return p;
}

store_plan *
store_plan_dup(const store_plan *src)
{
	const rencana *o = src->r;
	store_plan *p = plan_new(rencana_dup(o));

	p->ada_instansi = src->ada_instansi;
	p->ada_rencana = src->ada_rencana;
	p->instansi_id = src->instansi_id;
	p->rencana_id = src->rencana_id;
	memcpy(p->triwulan_id, src->triwulan_id, sizeof p->triwulan_id);
	memcpy(p->bidang, src->bidang, o->instansi.n_bidang * sizeof *p->bidang);
	memcpy(p->sasaran, src->sasaran, o->n_sasaran * sizeof *p->sasaran);
	for (size_t i = 0; i < o->n_sasaran; i++)
		memcpy(p->iku[i], src->iku[i], o->sasaran[i].n_iku * sizeof **p->iku);
	memcpy(p->program, src->program, o->n_program * sizeof *p->program);
	return p;
}

void
store_kept_drop(store *s)
{
	store_plan_free(s->kept);
	s->kept = NULL;
}

int
store_kept_head(store *s, int64_t *id, char hash[65], lk_err *e)
{
	*id = -1;
	hash[0] = '\0';
	if (!s->keep_plans || s->writing || s->readonly ||
	    s->version != STORE_SCHEMA_VERSION)
		return 0;
	return store_audit_head(s, id, hash, e);
}

void
store_kept_set(store *s, const store_plan *p, int64_t id, const char hash[65])
{
	store_kept_drop(s);
	if (!s->keep_plans || s->writing)
		return;
	s->kept = store_plan_dup(p);
	s->kept_audit_id = id;
	memcpy(s->kept_audit_hash, hash, sizeof s->kept_audit_hash);
}

int
store_kept_use(store *s, const char *instansi, int tahun, store_plan *out,
	       bool *used, lk_err *e)
{
	const store_plan *k = s->kept;
	char hash[65];
	int64_t id;
	int rc;

	*used = false;
	memset(out, 0, sizeof *out);
	if (k == NULL || k->r->tahun != tahun ||
	    !store_streq(k->r->instansi.kode, instansi))
		return 0;
	if ((rc = store_audit_head_txn(s, &id, hash, e)) != 0)
		return rc;
	if (id != s->kept_audit_id || strcmp(hash, s->kept_audit_hash) != 0) {
		store_kept_drop(s);
		return 0;
	}
	*out = *k;
	*used = true;
	return 0;
}

/* Does r hold data of quarter n (which it does not report)? */
static bool
quarter_data(const rencana *r, int n)
{
	for (size_t i = 0; i < r->n_sasaran; i++) {
		const sasaran *sa = &r->sasaran[i];

		if (sa->narasi[n] != NULL || sa->n_tabel[n] > 0)
			return true;
		for (size_t j = 0; j < sa->n_iku; j++)
			if (sa->iku[j].ada_realisasi[n] ||
			    sa->iku[j].keterangan[n] != NULL)
				return true;
	}
	for (size_t i = 0; i < r->n_program; i++)
		if (r->program[i].ada_realisasi[n])
			return true;
	return false;
}

/* After a committed save of c->r: is the database now exactly c->r?  Not
 * when a bidang stayed for another year, when a stored quarter absent
 * from r stayed, or when r holds data of a quarter it does not report
 * (the save ignores it). */
static bool
saved_as_is(const save_ctx *c)
{
	const rencana *r = c->r, *o = c->old.r;

	if (c->bidang_extra)
		return false;
	for (int n = 1; n <= TW_MAX; n++)
		if (!r->tw[n].ada && (o->tw[n].ada || quarter_data(r, n)))
			return false;
	return true;
}

store_plan *
sv_keep_after(const save_ctx *c)
{
	const store *s = c->s;
	const rencana *r = c->r;
	const iku_list *ik = &c->nw.ik;
	store_plan *p;

	if (!s->keep_plans || !s->audit_cached || !saved_as_is(c))
		return NULL;
	p = plan_new(rencana_dup(r));
	p->ada_instansi = p->ada_rencana = true;
	p->instansi_id = c->instansi_id;
	p->rencana_id = c->rencana_id;
	for (int n = 1; n <= TW_MAX; n++)
		p->triwulan_id[n] = r->tw[n].ada ? c->tw_id[n] : 0;
	/* A saved row's urutan is its place in r (save.c writes it where it
	 * differed); IKU are numbered within their sasaran. */
	for (size_t i = 0; i < r->instansi.n_bidang; i++)
		p->bidang[i] = (store_row){ c->bidang_id[i], (int64_t)i };
	for (size_t i = 0; i < r->n_sasaran; i++)
		p->sasaran[i] = (store_row){ c->sasaran_id[i], (int64_t)i };
	for (size_t i = 0; i < ik->n; i++)
		p->iku[ik->sasaran[i]][ik->pos[i]] =
			(store_row){ c->iku_id[i], (int64_t)ik->pos[i] };
	for (size_t i = 0; i < r->n_program; i++)
		p->program[i] = (store_row){ c->program_id[i], (int64_t)i };
	return p;
}

void
store_kept_replace(store *s, store_plan *p)
{
	store_kept_drop(s);
	s->kept = p;
	s->kept_audit_id = s->audit_id;
	memcpy(s->kept_audit_hash, s->audit_hash, sizeof s->kept_audit_hash);
}
