/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* save_diff.c - comparing the stored plan with the one being saved.
 *
 * Owns: equality of every kind of entity, matching by kode (with ranks:
 * the place among the entities that stay), whether a quarter changed, and
 * what a locked quarter forbids (sv_lock_check).
 */
#include "config.h"
#include "store/save_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

/* ------------------------------------------------------------------ */
/* comparing */

bool
sv_pejabat_equal(const pejabat *a, const pejabat *b)
{
	return store_streq(a->nama, b->nama) && store_streq(a->jabatan, b->jabatan)
		&& store_streq(a->pangkat, b->pangkat) && store_streq(a->nip, b->nip);
}

bool
sv_predikat_equal(const predikat_tabel *a, const predikat_tabel *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++) {
		const predikat_band *x = &a->band[i], *y = &b->band[i];

		if (!store_streq(x->nama, y->nama) || x->ada_min != y->ada_min ||
		    (x->ada_min && x->min != y->min) ||
		    !store_streq(x->warna, y->warna))
			return false;
	}
	return true;
}

bool
sv_instansi_equal(const instansi *a, const instansi *b)
{
	return store_streq(a->nama, b->nama)
		&& store_streq(a->pemerintah, b->pemerintah)
		&& store_streq(a->kota, b->kota) && store_streq(a->logo, b->logo)
		&& sv_pejabat_equal(&a->kepala, &b->kepala)
		&& sv_predikat_equal(&a->predikat, &b->predikat)
		&& store_streq(a->zona_waktu, b->zona_waktu)
		&& store_streq(a->verifikasi, b->verifikasi);
}

bool
sv_bidang_equal(const bidang *a, const bidang *b)
{
	if (!store_streq(a->nama, b->nama) || a->ada_kepala != b->ada_kepala)
		return false;
	return !a->ada_kepala || sv_pejabat_equal(&a->kepala, &b->kepala);
}

bool
sv_sasaran_equal(const sasaran *a, const sasaran *b)
{
	return store_streq(a->uraian, b->uraian) && store_streq(a->bidang, b->bidang);
}

bool
sv_tw_values_equal(const bool *ada_a, const int64_t *a, const bool *ada_b,
		const int64_t *b)
{
	int n;

	for (n = 1; n <= TW_MAX; n++)
		if (ada_a[n] != ada_b[n] || (ada_a[n] && a[n] != b[n]))
			return false;
	return true;
}

bool
sv_iku_equal(const iku *a, const iku *b)
{
	return store_streq(a->uraian, b->uraian) && store_streq(a->satuan, b->satuan)
		&& a->polaritas == b->polaritas && a->target == b->target
		&& a->target_kosong == b->target_kosong
		&& sv_tw_values_equal(a->ada_target_tw, a->target_tw,
				   b->ada_target_tw, b->target_tw);
}

bool
sv_strv_equal(char *const *a, size_t na, char *const *b, size_t nb)
{
	size_t i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (!store_streq(a[i], b[i]))
			return false;
	return true;
}

bool
sv_program_equal(const program *a, const program *b)
{
	return store_streq(a->uraian, b->uraian) && a->anggaran == b->anggaran
		&& a->anggaran_kosong == b->anggaran_kosong
		&& sv_tw_values_equal(a->ada_target_tw, a->target_tw,
				   b->ada_target_tw, b->target_tw)
		&& sv_strv_equal(a->sasaran, a->n_sasaran, b->sasaran, b->n_sasaran);
}

bool
sv_tabel_equal(const tabel *a, const tabel *b)
{
	size_t i;

	if (!store_streq(a->judul, b->judul) || !store_streq(a->catatan, b->catatan)
	    || !sv_strv_equal(a->kolom, a->n_kolom, b->kolom, b->n_kolom)
	    || a->n_baris != b->n_baris)
		return false;
	for (i = 0; i < a->n_baris; i++)
		if (!sv_strv_equal(a->baris[i], a->n_sel[i], b->baris[i], b->n_sel[i]))
			return false;
	return true;
}

bool
sv_tabel_list_equal(const tabel *a, size_t na, const tabel *b, size_t nb)
{
	size_t i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (!sv_tabel_equal(&a[i], &b[i]))
			return false;
	return true;
}

bool
sv_teks_equal(const triwulan *a, const triwulan *b)
{
	size_t i;

	if (a->n_teks != b->n_teks)
		return false;
	for (i = 0; i < a->n_teks; i++)
		if (!store_streq(a->teks[i].nama, b->teks[i].nama)
		    || !store_streq(a->teks[i].teks, b->teks[i].teks))
			return false;
	return true;
}

/* Does quarter n of the stored plan lose content because entities that
 * carried it are removed? */
bool
sv_tw_loses(const save_ctx *c, int n)
{
	const rencana *o = c->old.r;
	size_t i;

	for (i = 0; i < c->od.ik.n; i++)
		if (c->od.ik.peer[i] == NONE && c->od.ik.k[i]->ada_realisasi[n])
			return true;
	for (i = 0; i < o->n_program; i++)
		if (c->od.program_peer[i] == NONE && o->program[i].ada_realisasi[n])
			return true;
	for (i = 0; i < o->n_sasaran; i++)
		if (c->od.sasaran_peer[i] == NONE
		    && (o->sasaran[i].narasi[n] != NULL || o->sasaran[i].n_tabel[n]))
			return true;
	return false;
}

/* Does quarter n of r differ from the stored quarter n? */
bool
sv_tw_changed(const save_ctx *c, int n)
{
	const rencana *r = c->r, *o = c->old.r;
	const triwulan *a = &r->tw[n], *b = &o->tw[n];
	size_t i, j;

	if (a->tahun != b->tahun || a->bulan != b->bulan || a->hari != b->hari
	    || !store_streq(a->kesimpulan, b->kesimpulan)
	    || !sv_strv_equal(a->permasalahan, a->n_permasalahan, b->permasalahan,
			   b->n_permasalahan)
	    || !sv_strv_equal(a->tindak_lanjut, a->n_tindak_lanjut, b->tindak_lanjut,
			   b->n_tindak_lanjut)
	    || !sv_teks_equal(a, b))
		return true;
	for (i = 0; i < c->nw.ik.n; i++) {
		const iku *k = c->nw.ik.k[i];
		bool ada_old = false;
		int64_t v = 0;

		if ((j = c->nw.ik.peer[i]) != NONE) {
			ada_old = c->od.ik.k[j]->ada_realisasi[n];
			v = c->od.ik.k[j]->realisasi[n];
		}
		if (k->ada_realisasi[n] != ada_old
		    || (ada_old && k->realisasi[n] != v))
			return true;
	}
	for (i = 0; i < r->n_program; i++) {
		const program *p = &r->program[i];
		bool ada_old = false;
		int64_t v = 0;

		if ((j = c->nw.program_peer[i]) != NONE) {
			ada_old = o->program[j].ada_realisasi[n];
			v = o->program[j].realisasi[n];
		}
		if (p->ada_realisasi[n] != ada_old
		    || (ada_old && p->realisasi[n] != v))
			return true;
	}
	for (i = 0; i < r->n_sasaran; i++) {
		const sasaran *sa = &r->sasaran[i];

		if ((j = c->nw.sasaran_peer[i]) == NONE) {
			if (sa->narasi[n] != NULL || sa->n_tabel[n] != 0)
				return true;
			continue;
		}
		if (!store_streq(sa->narasi[n], o->sasaran[j].narasi[n])
		    || !sv_tabel_list_equal(sa->tabel[n], sa->n_tabel[n],
					 o->sasaran[j].tabel[n],
					 o->sasaran[j].n_tabel[n]))
			return true;
	}
	return sv_tw_loses(c, n);
}

/* ------------------------------------------------------------------ */
/* matching */

void
sv_iku_list_build(iku_list *l, const rencana *r)
{
	size_t i, k, f = 0;

	l->n = 0;
	for (i = 0; i < r->n_sasaran; i++)
		l->n += r->sasaran[i].n_iku;
	l->k = sv_xcalloc(l->n, sizeof *l->k);
	l->sasaran = sv_xcalloc(l->n, sizeof *l->sasaran);
	l->pos = sv_xcalloc(l->n, sizeof *l->pos);
	l->rank = sv_xcalloc(l->n, sizeof *l->rank);
	l->peer = sv_xcalloc(l->n, sizeof *l->peer);
	for (i = 0; i < r->n_sasaran; i++) {
		for (k = 0; k < r->sasaran[i].n_iku; k++, f++) {
			l->k[f] = &r->sasaran[i].iku[k];
			l->sasaran[f] = i;
			l->pos[f] = k;
			l->peer[f] = NONE;
		}
	}
}

void
sv_iku_list_free(iku_list *l)
{
	free(l->k);
	free(l->sasaran);
	free(l->pos);
	free(l->rank);
	free(l->peer);
}

void
sv_side_free(side *sd)
{
	store_strmap_free(&sd->bidang);
	store_strmap_free(&sd->sasaran);
	store_strmap_free(&sd->iku);
	store_strmap_free(&sd->program);
	free(sd->bidang_peer);
	free(sd->sasaran_peer);
	free(sd->program_peer);
	free(sd->bidang_rank);
	free(sd->sasaran_rank);
	free(sd->program_rank);
	sv_iku_list_free(&sd->ik);
}

/* Index r by kode; on the new side, reject what cannot be saved. */
int
sv_side_build(save_ctx *c, side *sd, const rencana *r, bool check)
{
	const instansi *in = &r->instansi;
	size_t i, j;

	store_strmap_init(&sd->bidang, in->n_bidang);
	store_strmap_init(&sd->sasaran, r->n_sasaran);
	store_strmap_init(&sd->program, r->n_program);
	sv_iku_list_build(&sd->ik, r);
	store_strmap_init(&sd->iku, sd->ik.n);
	sd->bidang_peer = sv_xcalloc(in->n_bidang, sizeof(size_t));
	sd->sasaran_peer = sv_xcalloc(r->n_sasaran, sizeof(size_t));
	sd->program_peer = sv_xcalloc(r->n_program, sizeof(size_t));
	sd->bidang_rank = sv_xcalloc(in->n_bidang, sizeof(size_t));
	sd->sasaran_rank = sv_xcalloc(r->n_sasaran, sizeof(size_t));
	sd->program_rank = sv_xcalloc(r->n_program, sizeof(size_t));

	for (i = 0; i < in->n_bidang; i++) {
		sd->bidang_peer[i] = NONE;
		if (in->bidang[i].kode == NULL)
			return sv_bad(c, _("a bidang has no kode"), "", NULL);
		if (!store_strmap_put(&sd->bidang, in->bidang[i].kode, i) && check)
			return sv_bad(c, _("duplicate bidang kode '%s'"),
				   in->bidang[i].kode, NULL);
	}
	for (i = 0; i < r->n_sasaran; i++) {
		const sasaran *sa = &r->sasaran[i];

		sd->sasaran_peer[i] = NONE;
		if (sa->kode == NULL)
			return sv_bad(c, _("a sasaran has no kode"), "", NULL);
		if (!store_strmap_put(&sd->sasaran, sa->kode, i) && check)
			return sv_bad(c, _("duplicate sasaran kode '%s'"), sa->kode, NULL);
		if (check && sa->bidang != NULL
		    && !store_strmap_get(&sd->bidang, sa->bidang, &j))
			return sv_bad(c, _("sasaran '%s' names an unknown bidang '%s'"),
				   sa->kode, sa->bidang);
	}
	for (i = 0; i < sd->ik.n; i++) {
		const char *kode = sd->ik.k[i]->kode;

		if (kode == NULL)
			return sv_bad(c, _("an IKU has no kode"), "", NULL);
		if (!store_strmap_put(&sd->iku, kode, i) && check)
			return sv_bad(c, _("duplicate IKU kode '%s'"), kode, NULL);
	}
	for (i = 0; i < r->n_program; i++) {
		const program *p = &r->program[i];

		sd->program_peer[i] = NONE;
		if (p->kode == NULL)
			return sv_bad(c, _("a program has no kode"), "", NULL);
		if (!store_strmap_put(&sd->program, p->kode, i) && check)
			return sv_bad(c, _("duplicate program kode '%s'"), p->kode, NULL);
		for (j = 0; check && j < p->n_sasaran; j++) {
			size_t x;

			if (!store_strmap_get(&sd->sasaran, p->sasaran[j], &x))
				return sv_bad(c, _("program '%s' names an unknown sasaran '%s'"),
					   p->kode, p->sasaran[j]);
		}
	}
	return 0;
}

/* Pair entities of the two sides by kode, then rank the pairs. */
void
sv_pair(size_t n_new, size_t *peer_new, size_t *rank_new, const store_strmap *old,
     size_t n_old, size_t *peer_old, size_t *rank_old, const char *(*kode)
     (const rencana *, size_t), const rencana *r)
{
	size_t i, j, k;

	for (i = 0; i < n_new; i++)
		if (store_strmap_get(old, kode(r, i), &j)) {
			peer_new[i] = j;
			peer_old[j] = i;
		}
	for (i = k = 0; i < n_new; i++)
		if (peer_new[i] != NONE)
			rank_new[i] = k++;
	for (j = k = 0; j < n_old; j++)
		if (peer_old[j] != NONE)
			rank_old[j] = k++;
}

const char *
sv_kode_bidang(const rencana *r, size_t i)
{
	return r->instansi.bidang[i].kode;
}

const char *
sv_kode_sasaran(const rencana *r, size_t i)
{
	return r->sasaran[i].kode;
}

const char *
sv_kode_program(const rencana *r, size_t i)
{
	return r->program[i].kode;
}

/* IKU pairs; rank counts only the IKU that stay in the same sasaran. */
void
sv_pair_iku(save_ctx *c)
{
	iku_list *a = &c->nw.ik, *b = &c->od.ik;
	size_t i, j, k = 0, cur = NONE;

	for (i = 0; i < a->n; i++)
		if (store_strmap_get(&c->od.iku, a->k[i]->kode, &j)) {
			a->peer[i] = j;
			b->peer[j] = i;
		}
	for (i = 0; i < a->n; i++) {
		if (a->sasaran[i] != cur) {
			cur = a->sasaran[i];
			k = 0;
		}
		a->rank[i] = k;
		if ((j = a->peer[i]) != NONE
		    && store_streq(c->r->sasaran[a->sasaran[i]].kode,
				   c->old.r->sasaran[b->sasaran[j]].kode))
			k++;
	}
	for (j = 0, cur = NONE; j < b->n; j++) {
		if (b->sasaran[j] != cur) {
			cur = b->sasaran[j];
			k = 0;
		}
		b->rank[j] = k;
		if ((i = b->peer[j]) != NONE
		    && store_streq(c->r->sasaran[a->sasaran[i]].kode,
				   c->old.r->sasaran[b->sasaran[j]].kode))
			k++;
	}
}

void
sv_count(save_ctx *c, enum store_diff_kind k, bool added, bool changed)
{
	if (added)
		c->d.n[k].added++;
	else if (changed)
		c->d.n[k].changed++;
	else
		c->d.n[k].unchanged++;
}

/* ------------------------------------------------------------------ */
/* locks */

/* Does r change what quarter n of the plan shows?  That is everything in
 * the canonical export of the plan reduced to quarter n: the sasaran, IKU
 * and programs (added, removed, moved, reordered, any field), their
 * targets for quarter n (the targets of other quarters are not shown),
 * and quarter n itself (date, texts, realisations, narratives, tables).
 * The agency and its bidang are checked by the caller. */
static bool
view_changed(const save_ctx *c, int n)
{
	const rencana *r = c->r, *o = c->old.r;
	const iku_list *a = &c->nw.ik, *b = &c->od.ik;
	size_t i, j;

	for (i = 0; i < r->n_sasaran; i++)
		if ((j = c->nw.sasaran_peer[i]) == NONE
		    || !sv_sasaran_equal(&r->sasaran[i], &o->sasaran[j])
		    || c->nw.sasaran_rank[i] != c->od.sasaran_rank[j])
			return true;
	for (j = 0; j < o->n_sasaran; j++)
		if (c->od.sasaran_peer[j] == NONE)
			return true;
	for (i = 0; i < a->n; i++) {
		const iku *k = a->k[i], *ok;

		if ((j = a->peer[i]) == NONE)
			return true;
		ok = b->k[j];
		if (!store_streq(r->sasaran[a->sasaran[i]].kode,
				 o->sasaran[b->sasaran[j]].kode)
		    || a->rank[i] != b->rank[j]
		    || !store_streq(k->uraian, ok->uraian)
		    || !store_streq(k->satuan, ok->satuan)
		    || k->polaritas != ok->polaritas || k->target != ok->target
		    || k->target_kosong != ok->target_kosong
		    || k->ada_target_tw[n] != ok->ada_target_tw[n]
		    || (k->ada_target_tw[n] && k->target_tw[n] != ok->target_tw[n]))
			return true;
	}
	for (j = 0; j < b->n; j++)
		if (b->peer[j] == NONE)
			return true;
	for (i = 0; i < r->n_program; i++) {
		const program *p = &r->program[i], *op;

		if ((j = c->nw.program_peer[i]) == NONE)
			return true;
		op = &o->program[j];
		if (c->nw.program_rank[i] != c->od.program_rank[j]
		    || !store_streq(p->uraian, op->uraian)
		    || p->anggaran != op->anggaran
		    || p->anggaran_kosong != op->anggaran_kosong
		    || p->ada_target_tw[n] != op->ada_target_tw[n]
		    || (p->ada_target_tw[n] && p->target_tw[n] != op->target_tw[n])
		    || !sv_strv_equal(p->sasaran, p->n_sasaran, op->sasaran,
				      op->n_sasaran))
			return true;
	}
	for (j = 0; j < o->n_program; j++)
		if (c->od.program_peer[j] == NONE)
			return true;
	return r->tw[n].ada && sv_tw_changed(c, n);
}

/* Does r change the agency's profile or its bidang? */
static bool
instansi_changed(const save_ctx *c)
{
	const instansi *in = &c->r->instansi, *oi = &c->old.r->instansi;
	size_t i, j;

	if (!sv_instansi_equal(in, oi))
		return true;
	for (i = 0; i < in->n_bidang; i++)
		if ((j = c->nw.bidang_peer[i]) == NONE
		    || !sv_bidang_equal(&in->bidang[i], &oi->bidang[j])
		    || c->nw.bidang_rank[i] != c->od.bidang_rank[j])
			return true;
	for (j = 0; j < oi->n_bidang; j++)
		if (c->od.bidang_peer[j] == NONE)
			return true;
	return false;
}

int
sv_locked_quarters(save_ctx *c, bool locked[TW_MAX + 1], bool *any)
{
	if (!c->locks_read) {
		TRY(store_locked_quarters(c->s, c->old.instansi_id,
					  c->old.ada_rencana ? c->old.rencana_id : 0,
					  c->locked, &c->any_locked, c->e));
		c->locks_read = true;
	}
	memcpy(locked, c->locked, sizeof c->locked);
	*any = c->any_locked;
	return 0;
}

int
sv_lock_check(save_ctx *c)
{
	bool locked[TW_MAX + 1], any;
	int n;

	if (!c->old.ada_instansi)
		return 0;
	TRY(sv_locked_quarters(c, locked, &any));
	if (any && instansi_changed(c))
		return lk_fail(c->e, EX_NOPERM,
			       _("%s: the agency's profile and bidang appear in"
				 " every signed report and a quarter of '%s' is"
				 " locked: they cannot change until an admin"
				 " unlocks it"), c->s->path, c->r->instansi.kode);
	for (n = 1; n <= TW_MAX; n++)
		if (locked[n] && view_changed(c, n))
			return lk_fail(c->e, EX_NOPERM,
				       _("%s: quarter %d of %d is locked (finalised):"
					 " this change would alter its data or the"
					 " plan entries it shows; an admin must unlock"
					 " it first"), c->s->path, n, c->r->tahun);
	return 0;
}
