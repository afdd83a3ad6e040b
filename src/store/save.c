/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* save.c - writing a whole plan, matched by kode, in one transaction.
 *
 * Owns: store_save and its diff.  The stored plan is loaded first (inside
 * the write transaction) and compared with r entity by entity; only what
 * differs is written, by UPDATE in place so that row ids stay stable (later
 * features hang workflow state and audit records on them).  Order of the
 * writes: instansi, bidang, rencana, sasaran, IKU (moves included),
 * programs; then deletions (IKU, sasaran, programs, bidang), so that an
 * IKU moved away from a removed sasaran is not deleted with it; then the
 * quarters present in r.
 */
#include "config.h"
#include "store/save_int.h"
#include "store/workflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"


/* The INSERT and the UPDATE of a table share parameter numbers, so one
 * binding sequence serves both: ?1 is the parent id for INSERT and the row
 * id for UPDATE, the kode (INSERT only) comes next, then the fields. */
static const char *const save_sql[S_COUNT] = {
	[S_PREDIKAT_DEL] = "DELETE FROM instansi_predikat WHERE instansi_id = ?1",
	[S_PREDIKAT_INS] =
	"INSERT INTO instansi_predikat (instansi_id, urutan, nama, min, warna)"
	" VALUES (?1, ?2, ?3, ?4, ?5)",
	[S_INSTANSI_INS] =
	"INSERT INTO instansi (kode, nama, pemerintah, kota, logo, kepala_nama,"
	" kepala_jabatan, kepala_pangkat, kepala_nip)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
	[S_INSTANSI_UPD] =
	"UPDATE instansi SET nama = ?2, pemerintah = ?3, kota = ?4, logo = ?5,"
	" kepala_nama = ?6, kepala_jabatan = ?7, kepala_pangkat = ?8,"
	" kepala_nip = ?9 WHERE id = ?1",
	[S_BIDANG_INS] =
	"INSERT INTO bidang (instansi_id, kode, nama, kepala_nama, kepala_jabatan,"
	" kepala_pangkat, kepala_nip, urutan)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
	[S_BIDANG_UPD] =
	"UPDATE bidang SET nama = ?3, kepala_nama = ?4, kepala_jabatan = ?5,"
	" kepala_pangkat = ?6, kepala_nip = ?7, urutan = ?8 WHERE id = ?1",
	[S_BIDANG_DEL] =
	"DELETE FROM bidang WHERE id = ?1"
	" AND NOT EXISTS (SELECT 1 FROM sasaran WHERE bidang_id = ?1)",
	[S_BIDANG_URUTAN] =
	"UPDATE bidang SET urutan = ?2 WHERE id = ?1",
	[S_RENCANA_INS] =
	"INSERT INTO rencana (instansi_id, tahun) VALUES (?1, ?2) RETURNING id",
	[S_SASARAN_INS] =
	"INSERT INTO sasaran (rencana_id, kode, uraian, bidang_id, urutan)"
	" VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
	[S_SASARAN_UPD] =
	"UPDATE sasaran SET uraian = ?3, bidang_id = ?4, urutan = ?5"
	" WHERE id = ?1",
	[S_SASARAN_DEL] = "DELETE FROM sasaran WHERE id = ?1",
	[S_IKU_INS] =
	"INSERT INTO iku (rencana_id, sasaran_id, kode, uraian, satuan,"
	" polaritas, target, urutan) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
	[S_IKU_UPD] =
	"UPDATE iku SET sasaran_id = ?2, uraian = ?4, satuan = ?5,"
	" polaritas = ?6, target = ?7, urutan = ?8 WHERE id = ?1",
	[S_IKU_DEL] = "DELETE FROM iku WHERE id = ?1",
	[S_IKU_TW_DEL] = "DELETE FROM iku_target_tw WHERE iku_id = ?1",
	[S_IKU_TW_INS] =
	"INSERT INTO iku_target_tw (iku_id, triwulan, target) VALUES (?1, ?2, ?3)",
	[S_PROGRAM_INS] =
	"INSERT INTO program (rencana_id, kode, uraian, anggaran, urutan)"
	" VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
	[S_PROGRAM_UPD] =
	"UPDATE program SET uraian = ?3, anggaran = ?4, urutan = ?5 WHERE id = ?1",
	[S_PROGRAM_DEL] = "DELETE FROM program WHERE id = ?1",
	[S_PROGRAM_TW_DEL] = "DELETE FROM program_target_tw WHERE program_id = ?1",
	[S_PROGRAM_TW_INS] =
	"INSERT INTO program_target_tw (program_id, triwulan, target)"
	" VALUES (?1, ?2, ?3)",
	[S_PS_DEL] = "DELETE FROM program_sasaran WHERE program_id = ?1",
	[S_PS_INS] =
	"INSERT INTO program_sasaran (program_id, sasaran_id, urutan)"
	" VALUES (?1, ?2, ?3)",
	[S_TW_INS] =
	"INSERT INTO triwulan (rencana_id, nomor, tanggal, kesimpulan)"
	" VALUES (?1, ?2, ?3, ?4) RETURNING id",
	[S_TW_UPD] =
	"UPDATE triwulan SET tanggal = ?2, kesimpulan = ?3 WHERE id = ?1",
	[S_CLR_PERMASALAHAN] = "DELETE FROM permasalahan WHERE triwulan_id = ?1",
	[S_CLR_TINDAK_LANJUT] = "DELETE FROM tindak_lanjut WHERE triwulan_id = ?1",
	[S_CLR_TEKS] = "DELETE FROM teks_ganti WHERE triwulan_id = ?1",
	[S_REAL_IKU_INS] =
	"INSERT INTO realisasi_iku (triwulan_id, iku_id, nilai) VALUES (?1, ?2, ?3)",
	[S_REAL_PROGRAM_INS] =
	"INSERT INTO realisasi_program (triwulan_id, program_id, nilai)"
	" VALUES (?1, ?2, ?3)",
	[S_NARASI_INS] =
	"INSERT INTO narasi (triwulan_id, sasaran_id, teks) VALUES (?1, ?2, ?3)",
	[S_TABEL_INS] =
	"INSERT INTO tabel (triwulan_id, sasaran_id, urutan, judul, catatan,"
	" jumlah_baris) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
	[S_KOLOM_INS] =
	"INSERT INTO tabel_kolom (tabel_id, urutan, teks) VALUES (?1, ?2, ?3)",
	[S_SEL_INS] =
	"INSERT INTO tabel_sel (tabel_id, baris, kolom, teks)"
	" VALUES (?1, ?2, ?3, ?4)",
	[S_PERMASALAHAN_INS] =
	"INSERT INTO permasalahan (triwulan_id, urutan, teks) VALUES (?1, ?2, ?3)",
	[S_TINDAK_LANJUT_INS] =
	"INSERT INTO tindak_lanjut (triwulan_id, urutan, teks) VALUES (?1, ?2, ?3)",
	[S_TEKS_INS] =
	"INSERT INTO teks_ganti (triwulan_id, nama, teks, urutan)"
	" VALUES (?1, ?2, ?3, ?4)",
	[S_ES_GET] =
	"SELECT state FROM review_state WHERE triwulan_id = ?1 AND jenis = ?2"
	" AND ref_id = ?3 AND state IN ('submitted', 'approved')",
	[S_ES_RESET] =
	"UPDATE review_state SET state = 'draft' WHERE triwulan_id = ?1"
	" AND jenis = ?2 AND ref_id = ?3",
	/* A stored quarter is changed row by row (save_tw.c): the same
	 * parameters as the INSERT. */
	[S_REAL_IKU_UPD] =
	"UPDATE realisasi_iku SET nilai = ?3 WHERE triwulan_id = ?1"
	" AND iku_id = ?2",
	[S_REAL_IKU_DEL] =
	"DELETE FROM realisasi_iku WHERE triwulan_id = ?1 AND iku_id = ?2",
	[S_REAL_PROGRAM_UPD] =
	"UPDATE realisasi_program SET nilai = ?3 WHERE triwulan_id = ?1"
	" AND program_id = ?2",
	[S_REAL_PROGRAM_DEL] =
	"DELETE FROM realisasi_program WHERE triwulan_id = ?1"
	" AND program_id = ?2",
	[S_NARASI_UPD] =
	"UPDATE narasi SET teks = ?3 WHERE triwulan_id = ?1 AND sasaran_id = ?2",
	[S_NARASI_DEL] =
	"DELETE FROM narasi WHERE triwulan_id = ?1 AND sasaran_id = ?2",
	[S_TABEL_DEL_SASARAN] =
	"DELETE FROM tabel WHERE triwulan_id = ?1 AND sasaran_id = ?2",
};

void *
sv_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (p == NULL)
		lk_fatal("out of memory");
	return p;
}

/* Prepared statement k, reset, with bindings cleared. */
drv_st *
sv_q(save_ctx *c, int k)
{
	if (store_stmt(c->s, &c->st[k], save_sql[k], c->e) != 0)
		return NULL;
	return c->st[k];
}

int
sv_run(save_ctx *c, drv_st *st)
{
	return store_run(c->s, st, c->e);
}

int
sv_run_insert(save_ctx *c, drv_st *st, int64_t *id)
{
	int rc;

	if ((rc = store_check_bind(c->s, c->e)) != 0)
		return rc;
	rc = drv_step(st);
	if (rc == DRV_ROW) {
		*id = drv_col_int(st, 0);
		drv_reset(st);
		return 0;
	}
	if (rc == DRV_DONE)     /* an INSERT without RETURNING id */
		lk_fatal("sv_run_insert: the statement returned no id");
	rc = store_fail(c->s, rc, c->e, _("cannot write"));
	drv_reset(st);
	return rc;
}

/* Statement k with ?1 = id, run. */
int
sv_run_id2(save_ctx *c, int k, int64_t a, int64_t b)
{
	drv_st *st = sv_q(c, k);

	if (st == NULL)
		return c->e != NULL ? c->e->code : EX_SOFTWARE;
	store_bind_int(c->s, st, 1, a);
	store_bind_int(c->s, st, 2, b);
	return sv_run(c, st);
}

int
sv_run_id(save_ctx *c, int k, int64_t id)
{
	drv_st *st = sv_q(c, k);

	if (st == NULL)
		return c->e != NULL ? c->e->code : EX_SOFTWARE;
	store_bind_int(c->s, st, 1, id);
	return sv_run(c, st);
}



int
sv_bad(save_ctx *c, const char *fmt, const char *a, const char *b)
{
	char msg[LK_ERR_MAX];

	snprintf(msg, sizeof msg, fmt, a, b != NULL ? b : "");
	return lk_fail(c->e, EX_DATAERR, "%s: %s", c->s->path, msg);
}

/* ------------------------------------------------------------------ */
/* writing the plan */

static void
sv_bind_pejabat(save_ctx *c, drv_st *st, int i, const pejabat *pj,
	     bool ada)
{
	store_bind_text(c->s, st, i, ada ? pj->nama : NULL);
	store_bind_text(c->s, st, i + 1, ada ? pj->jabatan : NULL);
	store_bind_text(c->s, st, i + 2, ada ? pj->pangkat : NULL);
	store_bind_text(c->s, st, i + 3, ada ? pj->nip : NULL);
}

/* The agency's own bands, all rewritten when they differ. */
static int
save_predikat(save_ctx *c)
{
	const predikat_tabel *t = &c->r->instansi.predikat;
	drv_st *st;

	if (c->old.ada_instansi &&
	    sv_predikat_equal(t, &c->old.r->instansi.predikat))
		return 0;
	if (c->s->version < STORE_VERSION_PREDIKAT)
		return t->n == 0 ? 0 : sv_bad(c, _("the database is too old for "
		    "the agency's own predikat bands: open it for writing once to "
		    "upgrade it"), "", NULL);
	Q(c, S_PREDIKAT_DEL, st);
	store_bind_int(c->s, st, 1, c->instansi_id);
	TRY(sv_run(c, st));
	for (size_t i = 0; i < t->n; i++) {
		const predikat_band *b = &t->band[i];

		Q(c, S_PREDIKAT_INS, st);
		store_bind_int(c->s, st, 1, c->instansi_id);
		store_bind_int(c->s, st, 2, (int64_t)i);
		store_bind_text(c->s, st, 3, b->nama);
		if (b->ada_min)
			store_bind_int(c->s, st, 4, b->min);
		else
			store_bind_null(c->s, st, 4);
		store_bind_text(c->s, st, 5, b->warna);
		TRY(sv_run(c, st));
	}
	return 0;
}

static int
save_instansi(save_ctx *c)
{
	const instansi *in = &c->r->instansi;
	drv_st *st;

	if (c->old.ada_instansi) {
		c->instansi_id = c->old.instansi_id;
		if (sv_instansi_equal(in, &c->old.r->instansi)) {
			/* the timestamp authority is no part of the printed
			 * profile: save_tahunan.c writes it, locked or not */
			sv_count(c, DIFF_INSTANSI, false,
				 !store_streq(in->tsa, c->old.r->instansi.tsa));
			return 0;
		}
		Q(c, S_INSTANSI_UPD, st);
		store_bind_int(c->s, st, 1, c->instansi_id);
	} else {
		Q(c, S_INSTANSI_INS, st);
		store_bind_text(c->s, st, 1, in->kode);
	}
	store_bind_text(c->s, st, 2, in->nama);
	store_bind_text(c->s, st, 3, in->pemerintah);
	store_bind_text(c->s, st, 4, in->kota);
	store_bind_text(c->s, st, 5, in->logo);
	sv_bind_pejabat(c, st, 6, &in->kepala, true);
	sv_count(c, DIFF_INSTANSI, !c->old.ada_instansi, true);
	TRY(sv_au_instansi(c, c->old.ada_instansi ? &c->old.r->instansi : NULL, in));
	if (c->old.ada_instansi)
		TRY(sv_run(c, st));
	else
		TRY(sv_run_insert(c, st, &c->instansi_id));
	return save_predikat(c);
}

static int
save_bidang(save_ctx *c)
{
	const instansi *in = &c->r->instansi, *oi = &c->old.r->instansi;
	drv_st *st;
	size_t i, j;

	c->bidang_id = sv_xcalloc(in->n_bidang, sizeof(int64_t));
	for (i = 0; i < in->n_bidang; i++) {
		const bidang *b = &in->bidang[i];
		bool changed = false;

		if ((j = c->nw.bidang_peer[i]) != NONE) {
			c->bidang_id[i] = c->old.bidang[j].id;
			changed = !sv_bidang_equal(b, &oi->bidang[j])
				|| c->nw.bidang_rank[i] != c->od.bidang_rank[j];
			sv_count(c, DIFF_BIDANG, false, changed);
			if (!changed && c->old.bidang[j].urutan == (int64_t)i)
				continue;
			Q(c, S_BIDANG_UPD, st);
			store_bind_int(c->s, st, 1, c->bidang_id[i]);
		} else {
			sv_count(c, DIFF_BIDANG, true, false);
			Q(c, S_BIDANG_INS, st);
			store_bind_int(c->s, st, 1, c->instansi_id);
			store_bind_text(c->s, st, 2, b->kode);
		}
		TRY(sv_au_bidang(c, j != NONE ? &oi->bidang[j] : NULL, b,
				 j != NONE ? j : 0, i, j != NONE && c->nw.bidang_rank[i]
				 != c->od.bidang_rank[j]));
		store_bind_text(c->s, st, 3, b->nama);
		sv_bind_pejabat(c, st, 4, &b->kepala, b->ada_kepala);
		store_bind_int(c->s, st, 8, (int64_t)i);
		if (j != NONE)
			TRY(sv_run(c, st));
		else
			TRY(sv_run_insert(c, st, &c->bidang_id[i]));
	}
	return 0;
}

/* After the sasaran of this plan were rewritten: a bidang no longer in r
 * goes, unless a sasaran (of another year) still names it. */
static int
remove_bidang(save_ctx *c)
{
	const instansi *oi = &c->old.r->instansi;
	int64_t next = (int64_t)c->r->instansi.n_bidang;
	drv_st *st;
	size_t j;

	for (j = 0; j < oi->n_bidang; j++) {
		if (c->od.bidang_peer[j] != NONE)
			continue;
		TRY(sv_run_id(c, S_BIDANG_DEL, c->old.bidang[j].id));
		if (drv_changes(c->s->db) == 1) {
			c->d.n[DIFF_BIDANG].removed++;
			TRY(sv_au_bidang(c, &oi->bidang[j], NULL, j, 0, false));
			continue;
		}
		sv_count(c, DIFF_BIDANG, false, false);
		c->bidang_extra = true;
		if (c->old.bidang[j].urutan != next) {
			Q(c, S_BIDANG_URUTAN, st);
			store_bind_int(c->s, st, 1, c->old.bidang[j].id);
			store_bind_int(c->s, st, 2, next);
			TRY(sv_run(c, st));
		}
		next++;
	}
	return 0;
}

static int
save_rencana(save_ctx *c)
{
	drv_st *st;

	if (c->old.ada_rencana) {
		c->rencana_id = c->old.rencana_id;
		return 0;
	}
	Q(c, S_RENCANA_INS, st);
	store_bind_int(c->s, st, 1, c->instansi_id);
	store_bind_int(c->s, st, 2, c->r->tahun);
	return sv_run_insert(c, st, &c->rencana_id);
}

static int
save_sasaran(save_ctx *c)
{
	const rencana *r = c->r;
	drv_st *st;
	size_t i, j, b;

	c->sasaran_id = sv_xcalloc(r->n_sasaran, sizeof(int64_t));
	for (i = 0; i < r->n_sasaran; i++) {
		const sasaran *sa = &r->sasaran[i];
		bool changed;

		if ((j = c->nw.sasaran_peer[i]) != NONE) {
			c->sasaran_id[i] = c->old.sasaran[j].id;
			changed = !sv_sasaran_equal(sa, &c->old.r->sasaran[j])
				|| c->nw.sasaran_rank[i] != c->od.sasaran_rank[j];
			sv_count(c, DIFF_SASARAN, false, changed);
			if (!changed && c->old.sasaran[j].urutan == (int64_t)i)
				continue;
			Q(c, S_SASARAN_UPD, st);
			store_bind_int(c->s, st, 1, c->sasaran_id[i]);
		} else {
			sv_count(c, DIFF_SASARAN, true, false);
			Q(c, S_SASARAN_INS, st);
			store_bind_int(c->s, st, 1, c->rencana_id);
			store_bind_text(c->s, st, 2, sa->kode);
		}
		TRY(sv_au_sasaran(c, j != NONE ? &c->old.r->sasaran[j] : NULL, sa,
				  j != NONE ? j : 0, i, j != NONE
				  && c->nw.sasaran_rank[i] != c->od.sasaran_rank[j]));
		store_bind_text(c->s, st, 3, sa->uraian);
		if (sa->bidang != NULL && store_strmap_get(&c->nw.bidang, sa->bidang, &b))
			store_bind_int(c->s, st, 4, c->bidang_id[b]);
		else
			store_bind_null(c->s, st, 4);
		store_bind_int(c->s, st, 5, (int64_t)i);
		if (j != NONE)
			TRY(sv_run(c, st));
		else
			TRY(sv_run_insert(c, st, &c->sasaran_id[i]));
	}
	return 0;
}

/* Replace the quarterly targets of an IKU (del/ins: S_IKU_TW_* or
 * S_PROGRAM_TW_*). */
static int
save_target_tw(save_ctx *c, int del, int ins, int64_t id, bool replace,
	       const bool *ada, const int64_t *v)
{
	drv_st *st;
	int n;

	if (replace)
		TRY(sv_run_id(c, del, id));
	for (n = 1; n <= TW_MAX; n++) {
		if (!ada[n])
			continue;
		Q(c, ins, st);
		store_bind_int(c->s, st, 1, id);
		store_bind_int(c->s, st, 2, n);
		store_bind_int(c->s, st, 3, v[n]);
		TRY(sv_run(c, st));
	}
	return 0;
}

static int
save_iku(save_ctx *c)
{
	const iku_list *a = &c->nw.ik, *b = &c->od.ik;
	drv_st *st;
	size_t i, j;

	c->iku_id = sv_xcalloc(a->n, sizeof(int64_t));
	for (i = 0; i < a->n; i++) {
		const iku *k = a->k[i];
		const sasaran *sa = &c->r->sasaran[a->sasaran[i]];
		bool changed = false, targets = false;

		if ((j = a->peer[i]) != NONE) {
			const iku *ok = b->k[j];
			const store_row *row = &c->old.iku[b->sasaran[j]][b->pos[j]];
			bool moved = !store_streq(sa->kode,
						  c->old.r->sasaran[b->sasaran[j]].kode);

			c->iku_id[i] = row->id;
			targets = !sv_tw_values_equal(k->ada_target_tw, k->target_tw,
						   ok->ada_target_tw, ok->target_tw);
			changed = moved || !sv_iku_equal(k, ok) || a->rank[i] != b->rank[j];
			sv_count(c, DIFF_IKU, false, changed);
			if (!changed && row->urutan == (int64_t)a->pos[i])
				continue;
			Q(c, S_IKU_UPD, st);
			store_bind_int(c->s, st, 1, c->iku_id[i]);
		} else {
			sv_count(c, DIFF_IKU, true, false);
			Q(c, S_IKU_INS, st);
			store_bind_int(c->s, st, 1, c->rencana_id);
			store_bind_text(c->s, st, 3, k->kode);
		}
		TRY(sv_au_iku(c, j != NONE ? b->k[j] : NULL, j != NONE
			      ? c->old.r->sasaran[b->sasaran[j]].kode : NULL, k,
			      sa->kode, j != NONE ? b->pos[j] : 0, a->pos[i],
			      j != NONE && a->rank[i] != b->rank[j]));
		store_bind_int(c->s, st, 2, c->sasaran_id[a->sasaran[i]]);
		store_bind_text(c->s, st, 4, k->uraian);
		store_bind_text(c->s, st, 5, k->satuan);
		store_bind_text(c->s, st, 6, k->polaritas == POLARITAS_NEGATIF
				? "negatif" : "positif");
		if (k->target_kosong)
			store_bind_null(c->s, st, 7);
		else
			store_bind_int(c->s, st, 7, k->target);
		store_bind_int(c->s, st, 8, (int64_t)a->pos[i]);
		if (j != NONE) {
			TRY(sv_run(c, st));
			if (targets)
				TRY(save_target_tw(c, S_IKU_TW_DEL, S_IKU_TW_INS,
						   c->iku_id[i], true,
						   k->ada_target_tw, k->target_tw));
		} else {
			TRY(sv_run_insert(c, st, &c->iku_id[i]));
			TRY(save_target_tw(c, S_IKU_TW_DEL, S_IKU_TW_INS,
					   c->iku_id[i], false,
					   k->ada_target_tw, k->target_tw));
		}
	}
	return 0;
}

static int
save_program_sasaran(save_ctx *c, const program *p, int64_t id, bool replace)
{
	drv_st *st;
	size_t i, x;

	if (replace)
		TRY(sv_run_id(c, S_PS_DEL, id));
	for (i = 0; i < p->n_sasaran; i++) {
		if (!store_strmap_get(&c->nw.sasaran, p->sasaran[i], &x))
			continue;       /* checked in side_build */
		Q(c, S_PS_INS, st);
		store_bind_int(c->s, st, 1, id);
		store_bind_int(c->s, st, 2, c->sasaran_id[x]);
		store_bind_int(c->s, st, 3, (int64_t)i);
		TRY(sv_run(c, st));
	}
	return 0;
}

static int
save_program(save_ctx *c)
{
	const rencana *r = c->r;
	drv_st *st;
	size_t i, j;

	c->program_id = sv_xcalloc(r->n_program, sizeof(int64_t));
	for (i = 0; i < r->n_program; i++) {
		const program *p = &r->program[i];
		const program *op = NULL;
		bool changed;

		if ((j = c->nw.program_peer[i]) != NONE) {
			op = &c->old.r->program[j];
			c->program_id[i] = c->old.program[j].id;
			changed = !sv_program_equal(p, op)
				|| c->nw.program_rank[i] != c->od.program_rank[j];
			sv_count(c, DIFF_PROGRAM, false, changed);
			if (!changed && c->old.program[j].urutan == (int64_t)i)
				continue;
			Q(c, S_PROGRAM_UPD, st);
			store_bind_int(c->s, st, 1, c->program_id[i]);
		} else {
			sv_count(c, DIFF_PROGRAM, true, false);
			Q(c, S_PROGRAM_INS, st);
			store_bind_int(c->s, st, 1, c->rencana_id);
			store_bind_text(c->s, st, 2, p->kode);
		}
		TRY(sv_au_program(c, op, p, j != NONE ? j : 0, i, op != NULL
				  && c->nw.program_rank[i] != c->od.program_rank[j]));
		store_bind_text(c->s, st, 3, p->uraian);
		if (p->anggaran_kosong)
			store_bind_null(c->s, st, 4);
		else
			store_bind_int(c->s, st, 4, p->anggaran);
		store_bind_int(c->s, st, 5, (int64_t)i);
		if (op != NULL) {
			TRY(sv_run(c, st));
			if (!sv_tw_values_equal(p->ada_target_tw, p->target_tw,
					     op->ada_target_tw, op->target_tw))
				TRY(save_target_tw(c, S_PROGRAM_TW_DEL,
						   S_PROGRAM_TW_INS, c->program_id[i],
						   true, p->ada_target_tw,
						   p->target_tw));
			if (!sv_strv_equal(p->sasaran, p->n_sasaran, op->sasaran,
					op->n_sasaran))
				TRY(save_program_sasaran(c, p, c->program_id[i], true));
		} else {
			TRY(sv_run_insert(c, st, &c->program_id[i]));
			TRY(save_target_tw(c, S_PROGRAM_TW_DEL, S_PROGRAM_TW_INS,
					   c->program_id[i], false,
					   p->ada_target_tw, p->target_tw));
			TRY(save_program_sasaran(c, p, c->program_id[i], false));
		}
	}
	return 0;
}

/* Entities of the stored plan that are not in r; their realisations,
 * narratives and tables go with them (ON DELETE CASCADE). */
static int
remove_absent(save_ctx *c)
{
	const rencana *o = c->old.r;
	size_t j;

	for (j = 0; j < c->od.ik.n; j++) {
		if (c->od.ik.peer[j] != NONE)
			continue;
		TRY(sv_au_iku(c, c->od.ik.k[j], o->sasaran[c->od.ik.sasaran[j]].kode,
			      NULL, NULL, c->od.ik.pos[j], 0, false));
		TRY(sv_run_id(c, S_IKU_DEL,
			   c->old.iku[c->od.ik.sasaran[j]][c->od.ik.pos[j]].id));
		c->d.n[DIFF_IKU].removed++;
	}
	for (j = 0; j < o->n_sasaran; j++) {
		if (c->od.sasaran_peer[j] != NONE)
			continue;
		TRY(sv_au_sasaran(c, &o->sasaran[j], NULL, j, 0, false));
		TRY(sv_run_id(c, S_SASARAN_DEL, c->old.sasaran[j].id));
		c->d.n[DIFF_SASARAN].removed++;
	}
	for (j = 0; j < o->n_program; j++) {
		if (c->od.program_peer[j] != NONE)
			continue;
		TRY(sv_au_program(c, &o->program[j], NULL, j, 0, false));
		TRY(sv_run_id(c, S_PROGRAM_DEL, c->old.program[j].id));
		c->d.n[DIFF_PROGRAM].removed++;
	}
	return remove_bidang(c);
}

/* ------------------------------------------------------------------ */

static int
check_rencana(save_ctx *c)
{
	const rencana *r = c->r;
	int n;

	if (r->instansi.kode == NULL || r->instansi.kode[0] == '\0')
		return sv_bad(c, _("the plan has no instansi kode"), "", NULL);
	for (n = 1; n <= TW_MAX; n++) {
		const triwulan *t = &r->tw[n];

		bool unset = t->tahun == 0 && t->bulan == 0 && t->hari == 0;

		if (t->ada && !unset && !triwulan_bertanggal(t)) {
			char q[16];

			snprintf(q, sizeof q, "%d", n);
			return sv_bad(c, _("quarter %s has an invalid date"), q, NULL);
		}
	}
	return 0;
}

static int
save_all(save_ctx *c)
{
	TRY(check_rencana(c));
	/* The plan as stored: the one the store kept when nothing was written
	 * since it was read, else read now. */
	TRY(store_kept_use(c->s, c->r->instansi.kode, c->r->tahun, &c->old,
			   &c->old_kept, c->e));
	if (!c->old_kept)
		TRY(store_load_plan(c->s, c->r->instansi.kode, c->r->tahun,
				    &c->old, c->e));
	TRY(sv_side_build(c, &c->nw, c->r, true));
	TRY(sv_side_build(c, &c->od, c->old.r, false));
	sv_pair(c->r->instansi.n_bidang, c->nw.bidang_peer, c->nw.bidang_rank,
	     &c->od.bidang, c->old.r->instansi.n_bidang, c->od.bidang_peer,
	     c->od.bidang_rank, sv_kode_bidang, c->r);
	sv_pair(c->r->n_sasaran, c->nw.sasaran_peer, c->nw.sasaran_rank,
	     &c->od.sasaran, c->old.r->n_sasaran, c->od.sasaran_peer,
	     c->od.sasaran_rank, sv_kode_sasaran, c->r);
	sv_pair(c->r->n_program, c->nw.program_peer, c->nw.program_rank,
	     &c->od.program, c->old.r->n_program, c->od.program_peer,
	     c->od.program_rank, sv_kode_program, c->r);
	sv_pair_iku(c);
	TRY(sv_lock_check(c));
	TRY(sv_lock_tahunan(c));
	TRY(sv_lock_pk(c));
	TRY(sv_lock_lkjip(c));

	TRY(save_instansi(c));
	TRY(save_bidang(c));
	TRY(save_rencana(c));
	TRY(save_sasaran(c));
	TRY(save_iku(c));
	TRY(save_program(c));
	TRY(remove_absent(c));
	TRY(sv_save_triwulan(c));
	TRY(sv_save_tahunan(c, &c->plan_tahunan));
	return 0;
}

/* Did the save change the plan (not only quarters)? */
static bool
plan_changed(const store_diff *d)
{
	int k;

	for (k = 0; k < DIFF_KINDS; k++)
		if (k != DIFF_TRIWULAN && k != DIFF_TAHUNAN &&
		    (d->n[k].added || d->n[k].changed ||
					   d->n[k].removed))
			return true;
	return false;
}

/* With LAKIP_STMT_COUNT in the environment: what one save cost, from
 * its role check to its commit (bench/save.sh reads it). */
static void
report_cost(uint64_t n0, const struct timespec *t0)
{
	struct timespec t1;
	long long us;

	if (getenv("LAKIP_STMT_COUNT") == NULL)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	us = (long long)(t1.tv_sec - t0->tv_sec) * 1000000 +
		(t1.tv_nsec - t0->tv_nsec) / 1000;
	fprintf(stderr, "lakip: save: %llu statements, %lld.%03lld ms\n",
		(unsigned long long)(drv_stmt_count() - n0), us / 1000, us % 1000);
}

static int save_run(store *s, const rencana *r, bool dry_run,
		    store_diff *diff, lk_err *e);

int
store_save(store *s, const rencana *r, bool dry_run, store_diff *diff,
	   lk_err *e)
{
	uint64_t n0 = drv_stmt_count();
	struct timespec t0;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = save_run(s, r, dry_run, diff, e);
	report_cost(n0, &t0);
	return rc;
}

static int
save_run(store *s, const rencana *r, bool dry_run, store_diff *diff,
	 lk_err *e)
{
	save_ctx c;
	store_plan *kept = NULL;
	bool saved = false;
	int rc;

	if (diff != NULL)
		memset(diff, 0, sizeof *diff);
	if (s->readonly)
		return store_fail_readonly(s, e);
	if (s->version != STORE_SCHEMA_VERSION)
		return lk_fail(e, EX_SOFTWARE,
			       _("%s: database schema version %d, expected %d"),
			       s->path, s->version, STORE_SCHEMA_VERSION);
	/* Changing an agency's data needs a role there that may (operator,
	 * admin); changing its plan one that may edit the plan (admin),
	 * checked once the changes are known. */
	if ((rc = store_izin_at(s, r->instansi.kode, AKSI_UBAH_DATA, e)) != 0)
		return rc;
	memset(&c, 0, sizeof c);
	c.s = s;
	c.e = e;
	c.r = r;
	if (r->instansi.kode != NULL) {
		int n;

		snprintf(c.scope_instansi, sizeof c.scope_instansi, "%s",
			 r->instansi.kode);
		snprintf(c.scope_plan, sizeof c.scope_plan, "%s",
			 store_scope(r->instansi.kode, r->tahun, 0));
		for (n = 1; n <= TW_MAX; n++)
			snprintf(c.scope_tw[n], sizeof c.scope_tw[n], "%s",
				 store_scope(r->instansi.kode, r->tahun, n));
	}
	if ((rc = store_begin(s, e)) != 0)
		return rc;
	rc = save_all(&c);
	if (rc == 0 && (plan_changed(&c.d) || c.plan_tahunan))
		rc = store_izin_at(s, r->instansi.kode, AKSI_UBAH_RENCANA, e);
	if (rc == 0 && !dry_run) {
		if ((rc = store_commit(s, e)) == 0) {
			kept = sv_keep_after(&c);
			saved = true;
		}
	} else {
		store_rollback(s);
	}

	store_finalize_all(c.st, S_COUNT);
	if (c.old.r != NULL) {
		sv_side_free(&c.nw);
		sv_side_free(&c.od);
		if (!c.old_kept)
			rencana_free(c.old.r);
	}
	/* What was saved replaces the plan kept (c.old, when it was used). */
	if (saved)
		store_kept_replace(s, kept);
	free(c.bidang_id);
	free(c.sasaran_id);
	free(c.program_id);
	free(c.iku_id);
	if (rc == 0 && diff != NULL)
		*diff = c.d;
	return rc;
}
