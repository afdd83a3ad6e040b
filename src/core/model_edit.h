/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* model_edit.h - changing a rencana in memory (the terminal UI edits a
 * model and saves it whole with store_save, in one transaction).
 *
 * Owns: adding, deleting and moving sasaran, IKU, programs, bidang, list
 * entries (permasalahan, tindak lanjut) and supporting tables, keeping
 * references consistent (deleting a sasaran drops it from programs'
 * sasaran lists; renaming a kode updates references), and copying a
 * plan into a new year.  New strings are allocated in r->mem (old ones
 * stay there until rencana_free).  Indices are 0-based.
 * Functions that take an index abort (lk_fatal) when it is out of range:
 * that is a programmer error; so is a sasaran or bidang pointer that is
 * not an entry of r.
 *
 * Pointers: adding copies the array into a new one (the model keeps no
 * capacity), and deleting or moving shifts entries in place, so any
 * pointer to an entry of the changed array (a sasaran *, an iku *, ...)
 * is stale afterwards: find the entry again by index or kode.  Adding an
 * IKU does not move the sasaran array.
 */
#ifndef LK_MODEL_EDIT_H
#define LK_MODEL_EDIT_H

#include "core/model.h"

/* Insert a zeroed entry at index `at` (0..n) and return it; the caller
 * fills kode, uraian, ... with strings in r->mem. */
sasaran *rencana_add_sasaran(rencana *r, size_t at);
iku *rencana_add_iku(rencana *r, sasaran *s, size_t at);
program *rencana_add_program(rencana *r, size_t at);
bidang *rencana_add_bidang(rencana *r, size_t at);

void rencana_delete_sasaran(rencana *r, size_t i);
void rencana_delete_iku(rencana *r, sasaran *s, size_t i);
void rencana_delete_program(rencana *r, size_t i);
void rencana_delete_bidang(rencana *r, size_t i);  /* clears sasaran.bidang refs */
/* rencana_delete_sasaran also drops the kode from every program's sasaran
 * list; the sasaran's IKU, narratives and tables go with it. */

/* Move entry from index `from` to index `to` (others shift). */
void rencana_move_sasaran(rencana *r, size_t from, size_t to);
void rencana_move_iku(rencana *r, sasaran *s, size_t from, size_t to);
void rencana_move_program(rencana *r, size_t from, size_t to);
void rencana_move_bidang(rencana *r, size_t from, size_t to);

/* Change a kode and every reference to it (program.sasaran lists for a
 * sasaran, sasaran.bidang for a bidang).  Returns 0, or -1 when the new
 * kode is already used by another entry of the same kind (then nothing
 * changes).  Renaming to the same kode is a no-op; a NULL kode aborts. */
int rencana_rename_sasaran(rencana *r, sasaran *s, const char *kode);
int rencana_rename_bidang(rencana *r, bidang *b, const char *kode);

/* Lookups by kode; NULL when absent.  Linear. */
sasaran *rencana_find_sasaran(const rencana *r, const char *kode);
iku *rencana_find_iku(const rencana *r, const char *kode, sasaran **owner);
program *rencana_find_program(const rencana *r, const char *kode);
bidang *rencana_find_bidang(const rencana *r, const char *kode);
/* rencana_find_iku sets *owner (when owner is not NULL) to the sasaran
 * holding the IKU, NULL when absent.  A NULL kode finds nothing. */

/* String list of a quarter (permasalahan or tindak_lanjut). */
void triwulan_list_set(rencana *r, char ***list, size_t *n, size_t i,
		       const char *text);  /* i == *n appends; copies text */
void triwulan_list_delete(char **list, size_t *n, size_t i);
void triwulan_list_move(char **list, size_t n, size_t from, size_t to);

/* Supporting tables of sasaran s in quarter tw (1..4), or in the annual
 * report (tw 0: tahunan.tabel); else abort: the tables and their count
 * (*n); insert a zeroed table at `at` (the caller fills judul, kolom,
 * baris with memory of r->mem), delete, move. */
tabel *rencana_tabel(sasaran *s, int tw, size_t *n);
tabel *rencana_add_tabel(rencana *r, sasaran *s, int tw, size_t at);
void rencana_delete_tabel(rencana *r, sasaran *s, int tw, size_t i);
void rencana_move_tabel(rencana *r, sasaran *s, int tw, size_t from,
			size_t to);

/* A new plan for year `tahun` from `src`: the same instansi (with its
 * own predikat bands, time zone and verification page), bidang, sasaran,
 * IKU (kode, uraian, satuan, polaritas, kategori bands, national
 * standard, the history of years before `tahun`; while `tahun` is in
 * src's Renstra period, that period and each IKU's baseline and Renstra
 * targets) and programs (kode, uraian, sasaran links).  Each IKU's
 * target is the Renstra's for `tahun` where it gives one, else blank
 * (target_kosong); budgets are blank (anggaran_kosong); quarterly
 * targets, realisations and quarters absent, to be typed anew; no
 * narratives, tables, notes, quarter or
 * annual reports, agreement.  Every string is copied into
 * the new rencana's arena (src may be freed afterwards).
 * Returns a new rencana (rencana_free). */
rencana *rencana_copy_plan(const rencana *src, int tahun);

/* A complete copy of r: every entity, value and string, in a new arena
 * (model_dup.c).  Returns a new rencana (rencana_free). */
rencana *rencana_dup(const rencana *r);

/* Counts for the start screen: per quarter, how many IKU and programs
 * have a realisation, how many sasaran have a narrative (one with more
 * than white space).  iku, program and sasaran are totals; tanggal is
 * true when the quarter is reported with a real date; kesimpulan when it
 * has one (more than white space); permasalahan and tindak_lanjut are
 * the numbers of entries.  A quarter outside 1..4 gives the totals and
 * nothing filled. */
typedef struct rencana_isian {
	size_t iku, iku_terisi;
	size_t program, program_terisi;
	size_t sasaran, narasi_terisi;
	bool tanggal, kesimpulan;
	size_t permasalahan, tindak_lanjut;
} rencana_isian;
void rencana_hitung_isian(const rencana *r, int tw, rencana_isian *out);

#endif
