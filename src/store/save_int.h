/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* save_int.h - shared by the files of store_save (save*.c) only.
 *
 * store_save is split by what each file owns:
 *   save.c        the statements, the transaction, writing the plan
 *                 (instansi, bidang, sasaran, IKU, programs, removals);
 *   save_diff.c   comparing and matching the stored plan with the new one
 *                 by kode, and what a locked quarter forbids;
 *   save_tw.c     writing the quarters, and setting the entries of the
 *                 review whose content changed back to draft;
 *   save_audit.c  the audit records of every change, field by field.
 */
#ifndef LK_SAVE_INT_H
#define LK_SAVE_INT_H

#include "store/store_int.h"
#include "store/workflow.h"

enum {
	S_INSTANSI_INS, S_INSTANSI_UPD, S_PREDIKAT_DEL, S_PREDIKAT_INS,
	S_BIDANG_INS, S_BIDANG_UPD, S_BIDANG_DEL, S_BIDANG_URUTAN,
	S_RENCANA_INS,
	S_SASARAN_INS, S_SASARAN_UPD, S_SASARAN_DEL,
	S_IKU_INS, S_IKU_UPD, S_IKU_DEL, S_IKU_TW_DEL, S_IKU_TW_INS,
	S_PROGRAM_INS, S_PROGRAM_UPD, S_PROGRAM_DEL, S_PROGRAM_TW_DEL,
	S_PROGRAM_TW_INS, S_PS_DEL, S_PS_INS,
	S_TW_INS, S_TW_UPD,
	S_CLR_PERMASALAHAN, S_CLR_TINDAK_LANJUT, S_CLR_TEKS,
	S_REAL_IKU_INS, S_REAL_PROGRAM_INS, S_NARASI_INS, S_TABEL_INS,
	S_KOLOM_INS, S_SEL_INS, S_PERMASALAHAN_INS, S_TINDAK_LANJUT_INS,
	S_TEKS_INS,
	S_ES_GET, S_ES_RESET,
	S_REAL_IKU_UPD, S_REAL_IKU_DEL, S_REAL_PROGRAM_UPD, S_REAL_PROGRAM_DEL,
	S_NARASI_UPD, S_NARASI_DEL, S_TABEL_DEL_SASARAN,
	S_COUNT
};

/* One side (stored or new) of the IKU, flattened in report order. */
typedef struct iku_list {
	size_t n;
	const iku **k;       /* [n] */
	size_t *sasaran;     /* index of the parent sasaran */
	size_t *pos;         /* index within the parent */
	size_t *rank;        /* place among the IKU that stay in that sasaran */
	size_t *peer;        /* index on the other side, or SIZE_MAX */
} iku_list;

typedef struct side {
	store_strmap bidang, sasaran, iku, program;   /* kode -> index */
	size_t *bidang_peer, *sasaran_peer, *program_peer;
	size_t *bidang_rank, *sasaran_rank, *program_rank;
	iku_list ik;
} side;

typedef struct save_ctx {
	store *s;
	lk_err *e;
	const rencana *r;
	store_plan old;
	store_diff d;
	drv_st *st[S_COUNT];
	side nw, od;                 /* r, and the stored plan */
	int64_t instansi_id, rencana_id;
	int64_t *bidang_id, *sasaran_id, *program_id, *iku_id;  /* of r */
	char scope_instansi[128];    /* audit scopes: "instansi", */
	char scope_plan[160];        /* "instansi/tahun", */
	char scope_tw[TW_MAX + 1][176];  /* "instansi/tahun/TWn" */
	bool plan_tahunan;           /* the year's plan data changed */
	bool old_kept;               /* old is the store's kept plan */
	bool bidang_extra;           /* a bidang absent from r stayed */
	int64_t tw_id[TW_MAX + 1];   /* rows of r's quarters, once saved */
	bool locks_read;             /* locked[] and any_locked read */
	bool locked[TW_MAX + 1], any_locked;
} save_ctx;

#define NONE SIZE_MAX

#define Q(c, k, st) do { \
	if (((st) = sv_q((c), (k))) == NULL) \
		return (c)->e != NULL && (c)->e->code ? (c)->e->code : EX_SOFTWARE; \
} while (0)

#define TRY(x) do { int rc_ = (x); if (rc_ != 0) return rc_; } while (0)

/* save.c */
void *sv_xcalloc(size_t n, size_t size);
drv_st *sv_q(save_ctx *c, int k);
int sv_run(save_ctx *c, drv_st *st);
int sv_run_insert(save_ctx *c, drv_st *st, int64_t *id);
int sv_run_id(save_ctx *c, int k, int64_t id);
/* Statement k with ?1 = a, ?2 = b, run. */
int sv_run_id2(save_ctx *c, int k, int64_t a, int64_t b);
int sv_bad(save_ctx *c, const char *fmt, const char *a, const char *b);

/* pk.c: refuses a change of what a signed agreement states */
int sv_lock_pk(save_ctx *c);
/* The state of document d of plan rencana_id (0: none signed). */
int sv_dok_state(store *s, enum store_dok d, int64_t rencana_id,
		 store_pk_state *out, lk_err *e);

/* save_diff.c */
bool sv_pejabat_equal(const pejabat *a, const pejabat *b);
bool sv_predikat_equal(const predikat_tabel *a, const predikat_tabel *b);
/* The agency as signed reports print it (its timestamp authority is not). */
bool sv_instansi_equal(const instansi *a, const instansi *b);
bool sv_bidang_equal(const bidang *a, const bidang *b);
bool sv_sasaran_equal(const sasaran *a, const sasaran *b);
bool sv_tw_values_equal(const bool *ada_a, const int64_t *a, const bool *ada_b, const int64_t *b);
bool sv_iku_equal(const iku *a, const iku *b);
bool sv_strv_equal(char *const *a, size_t na, char *const *b, size_t nb);
bool sv_program_equal(const program *a, const program *b);
bool sv_tabel_equal(const tabel *a, const tabel *b);
bool sv_tabel_list_equal(const tabel *a, size_t na, const tabel *b, size_t nb);
bool sv_teks_equal(const triwulan *a, const triwulan *b);
bool sv_tw_loses(const save_ctx *c, int n);
bool sv_tw_changed(const save_ctx *c, int n);
void sv_iku_list_build(iku_list *l, const rencana *r);
void sv_iku_list_free(iku_list *l);
void sv_side_free(side *sd);
int sv_side_build(save_ctx *c, side *sd, const rencana *r, bool check);
void sv_pair(size_t n_new, size_t *peer_new, size_t *rank_new, const store_strmap *old, size_t n_old, size_t *peer_old, size_t *rank_old, const char *(*kode) (const rencana *, size_t), const rencana *r);
const char *sv_kode_bidang(const rencana *r, size_t i);
const char *sv_kode_sasaran(const rencana *r, size_t i);
const char *sv_kode_program(const rencana *r, size_t i);
void sv_pair_iku(save_ctx *c);
void sv_count(save_ctx *c, enum store_diff_kind k, bool added, bool changed);
/* The plan's locked quarters (of the stored plan), read once a save. */
int sv_locked_quarters(save_ctx *c, bool locked[TW_MAX + 1], bool *any);
/* EX_NOPERM when r changes what a locked quarter shows (see save_diff.c). */
int sv_lock_check(save_ctx *c);

/* save_tahunan.c: the data of the whole year, after the quarters;
 * *plan when plan data (not report data) changed. */
int sv_save_tahunan(save_ctx *c, bool *plan);
/* EX_NOPERM when r changes what a locked quarter shows of it. */
int sv_lock_tahunan(save_ctx *c);
/* EX_NOPERM when r changes the year's annual data (text_tahunan) while
 * its signed LKjIP is locked. */
int sv_lock_lkjip(save_ctx *c);

/* plan_keep.c: after a committed save, the plan to keep: what was saved
 * with the ids of its rows, or NULL when the store keeps no plans or the
 * database is not exactly c->r (store_kept_replace takes it). */
store_plan *sv_keep_after(const save_ctx *c);

/* save_tw.c */
int sv_save_triwulan(save_ctx *c);

/* save_audit.c: records of the changes of each kind of entity; old is
 * NULL for an insert, nw NULL for a delete. */
int sv_au(save_ctx *c, const char *action, const char *scope, const char *tbl,
	  const char *kode, const char *field, const char *old, const char *nw);
int sv_au_instansi(save_ctx *c, const instansi *old, const instansi *nw);
int sv_au_bidang(save_ctx *c, const bidang *old, const bidang *nw,
		 size_t old_pos, size_t new_pos, bool moved);
int sv_au_sasaran(save_ctx *c, const sasaran *old, const sasaran *nw,
		  size_t old_pos, size_t new_pos, bool moved);
int sv_au_iku(save_ctx *c, const iku *old, const char *old_sasaran,
	      const iku *nw, const char *new_sasaran, size_t old_pos,
	      size_t new_pos, bool moved);
int sv_au_program(save_ctx *c, const program *old, const program *nw,
		  size_t old_pos, size_t new_pos, bool moved);
/* Quarter n: its own fields, realisations, narratives and tables. */
int sv_au_triwulan(save_ctx *c, int n);

#endif
