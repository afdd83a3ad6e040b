/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_keep.c - the plan a store keeps between a load and a save
 * (plan_keep.c) and the complete copy it is made of (rencana_dup).
 *
 * After every save of a table of edits (values, entities added, moved
 * and removed, quarters, texts, the year's data), the kept plan must be
 * exactly what a fresh handle loads: the same export, the same row ids
 * and places.  A save while nothing else wrote reads no plan (at most 10
 * statements for one value); after another handle wrote, the save reads
 * the plan again.
 */
#include "config.h"
#include "lktest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model_edit.h"
#include "io/exchange.h"
#include "store/drv.h"
#include "store/store.h"
#include "store/store_int.h"

static char tmp[1024];
static char dbpath[2048];

static void
setup(void)
{
	snprintf(tmp, sizeof tmp, "%s", lktest_tmpdir());
	snprintf(dbpath, sizeof dbpath, "%s/keep.db", tmp);
}

static void
teardown(void)
{
	lktest_rmtree(tmp);
}

static rencana *
read_fixture(const char *rel)
{
	rencana *r = NULL;
	lk_err e = { 0, "" };

	ck_assert_msg(exchange_read_file(lktest_path(rel), &r, &e) == 0, "%s",
		      e.msg);
	return r;
}

/* The export of r (malloc'ed). */
static char *
export_of(const rencana *r)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	lk_err e = { 0, "" };

	ck_assert_ptr_nonnull(f);
	ck_assert_msg(exchange_write(f, r, &e) == 0, "%s", e.msg);
	fclose(f);
	return buf;
}

static store *
open_db(void)
{
	store *s = NULL;
	lk_err e = { 0, "" };

	ck_assert_msg(store_open(dbpath, STORE_CREATE, &s, &e) == 0, "%s",
		      e.msg);
	return s;
}

static void
save_ok(store *s, const rencana *r, const char *what)
{
	lk_err e = { 0, "" };

	ck_assert_msg(store_save(s, r, false, NULL, &e) == 0, "%s: %s", what,
		      e.msg);
}

static void
rows_eq(const store_row *a, const store_row *b, size_t n, const char *what,
	const char *kind)
{
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(a[i].id == b[i].id && a[i].urutan == b[i].urutan,
			      "%s: %s %zu: kept id %lld place %lld, stored %lld %lld",
			      what, kind, i, (long long)a[i].id,
			      (long long)a[i].urutan, (long long)b[i].id,
			      (long long)b[i].urutan);
}

/* s keeps a plan, and it is what a fresh handle reads: the same export,
 * the same rows. */
static void
kept_is_stored(store *s, const char *what)
{
	const store_plan *k = s->kept;
	store *t = NULL;
	store_plan p;
	lk_err e = { 0, "" };
	char *a, *b;

	ck_assert_msg(k != NULL, "%s: no plan kept", what);
	ck_assert_int_eq(store_open(dbpath, STORE_READONLY, &t, &e), 0);
	ck_assert_msg(store_load_plan(t, k->r->instansi.kode, k->r->tahun, &p,
				      &e) == 0, "%s", e.msg);
	a = export_of(k->r);
	b = export_of(p.r);
	ck_assert_msg(strcmp(a, b) == 0, "%s: the kept plan differs from the "
		      "stored one:\n--- kept\n%s\n--- stored\n%s", what, a, b);
	ck_assert_int_eq(k->instansi_id, p.instansi_id);
	ck_assert_int_eq(k->rencana_id, p.rencana_id);
	for (int n = 1; n <= TW_MAX; n++)
		ck_assert_msg(k->triwulan_id[n] == p.triwulan_id[n],
			      "%s: quarter %d: kept %lld, stored %lld", what, n,
			      (long long)k->triwulan_id[n],
			      (long long)p.triwulan_id[n]);
	rows_eq(k->bidang, p.bidang, p.r->instansi.n_bidang, what, "bidang");
	rows_eq(k->sasaran, p.sasaran, p.r->n_sasaran, what, "sasaran");
	for (size_t i = 0; i < p.r->n_sasaran; i++)
		rows_eq(k->iku[i], p.iku[i], p.r->sasaran[i].n_iku, what, "iku");
	rows_eq(k->program, p.program, p.r->n_program, what, "program");
	free(a);
	free(b);
	rencana_free(p.r);
	store_close(t);
}

/* ------------------------------------------------------------------ */
/* rencana_dup */

static void
scr(char *s)
{
	if (s != NULL && s[0] != '\0')
		s[0] = '#';
}

static void
scr_v(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		scr(v[i]);
}

static void
scr_tabel(tabel *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		scr(t[i].judul);
		scr(t[i].catatan);
		scr_v(t[i].kolom, t[i].n_kolom);
		for (size_t b = 0; b < t[i].n_baris; b++)
			scr_v(t[i].baris[b], t[i].n_sel[b]);
	}
}

/* Every string and array of r written over. */
static void
scribble(rencana *r)
{
	instansi *in = &r->instansi;

	scr(in->kode); scr(in->nama); scr(in->kota); scr(in->kepala.nama);
	scr(in->zona_waktu); scr(in->verifikasi);
	for (size_t i = 0; i < in->n_bidang; i++) {
		scr(in->bidang[i].kode);
		scr(in->bidang[i].nama);
		scr(in->bidang[i].kepala.nama);
	}
	for (size_t i = 0; i < r->n_sasaran; i++) {
		sasaran *sa = &r->sasaran[i];

		scr(sa->kode); scr(sa->uraian); scr(sa->bidang);
		scr(sa->narasi_tahunan);
		scr_tabel(sa->tabel_tahunan, sa->n_tabel_tahunan);
		for (int n = 0; n <= TW_MAX; n++) {
			scr(sa->narasi[n]);
			scr_tabel(sa->tabel[n], sa->n_tabel[n]);
		}
		for (size_t j = 0; j < sa->n_iku; j++) {
			iku *k = &sa->iku[j];

			scr(k->kode); scr(k->uraian); scr(k->satuan);
			for (int n = 0; n <= TW_MAX; n++) {
				scr(k->keterangan[n]);
				k->realisasi[n] = -1;
			}
			for (size_t x = 0; x < k->n_target_renstra; x++)
				k->target_renstra[x].nilai = -1;
			for (size_t x = 0; x < k->n_riwayat; x++)
				k->riwayat[x].nilai = -1;
			for (size_t x = 0; x < k->n_kategori; x++)
				scr(k->kategori[x].label);
		}
	}
	for (size_t i = 0; i < r->n_program; i++) {
		scr(r->program[i].kode);
		scr(r->program[i].uraian);
		scr_v(r->program[i].sasaran, r->program[i].n_sasaran);
	}
	for (int n = 0; n <= TW_MAX; n++) {
		triwulan *t = &r->tw[n];

		scr_v(t->permasalahan, t->n_permasalahan);
		scr_v(t->tindak_lanjut, t->n_tindak_lanjut);
		scr(t->kesimpulan);
		for (size_t i = 0; i < t->n_teks; i++)
			scr(t->teks[i].teks);
	}
	scr(r->renstra.nama);
	scr(r->tahunan.ringkasan); scr(r->tahunan.gambaran_umum);
	scr(r->tahunan.kesimpulan);
	scr_v(r->tahunan.isu_strategis, r->tahunan.n_isu_strategis);
	scr_v(r->tahunan.permasalahan, r->tahunan.n_permasalahan);
	scr_v(r->tahunan.tindak_lanjut, r->tahunan.n_tindak_lanjut);
	for (size_t i = 0; i < r->tahunan.n_teks; i++)
		scr(r->tahunan.teks[i].teks);
	scr(r->perjanjian.pihak_kedua.nama);
	for (size_t i = 0; i < r->perjanjian.n_teks; i++)
		scr(r->perjanjian.teks[i].teks);
}

/* The copy exports as the original, and shares nothing with it: the
 * original written over leaves the copy's export as it was. */
START_TEST(test_dup_complete)
{
	static const char *const files[] = {
		"examples/kesbangpol-kalteng-2023.yaml",
		"tests/data/tahunan-2023.yaml",
	};

	for (size_t i = 0; i < LK_NELEM(files); i++) {
		rencana *r = read_fixture(files[i]), *c = rencana_dup(r);
		char *a = export_of(r), *b = export_of(c), *after;

		ck_assert_msg(strcmp(a, b) == 0, "%s: the copy exports "
			      "differently", files[i]);
		scribble(r);
		after = export_of(r);
		ck_assert_msg(strcmp(after, a) != 0, "%s: scribble changed "
			      "nothing", files[i]);
		free(after);
		rencana_free(r);
		after = export_of(c);
		ck_assert_str_eq(after, b);
		free(a);
		free(b);
		free(after);
		rencana_free(c);
	}
}
END_TEST

/* ------------------------------------------------------------------ */
/* edits, each saved in turn */

static iku *
iku_at(rencana *r, size_t s, size_t k)
{
	ck_assert_uint_lt(s, r->n_sasaran);
	ck_assert_uint_lt(k, r->sasaran[s].n_iku);
	return &r->sasaran[s].iku[k];
}

static void
ed_value(rencana *r)
{
	iku *k = iku_at(r, 0, 0);

	k->ada_realisasi[2] = true;
	k->realisasi[2] += 12500;
}

static void
ed_value_cleared(rencana *r)
{
	iku_at(r, 2, 0)->ada_realisasi[2] = false;
}

static void
ed_program_value(rencana *r)
{
	r->program[0].ada_realisasi[2] = true;
	r->program[0].realisasi[2] += 100000;
}

static void
ed_narasi(rencana *r)
{
	r->sasaran[1].narasi[2] = arena_strdup(&r->mem, "Uraian baru.\n");
}

static void
ed_iku_added(rencana *r)
{
	iku *k = rencana_add_iku(r, &r->sasaran[0], 0);

	k->kode = arena_strdup(&r->mem, "IKU90");
	k->uraian = arena_strdup(&r->mem, "Indikator baru");
	k->satuan = arena_strdup(&r->mem, "%");
	k->target = 800000;
	k->ada_realisasi[2] = true;
	k->realisasi[2] = 400000;
}

static void
ed_iku_moved(rencana *r)
{
	rencana_move_iku(r, &r->sasaran[0], 0, r->sasaran[0].n_iku - 1);
}

static void
ed_sasaran_moved(rencana *r)
{
	rencana_move_sasaran(r, 0, r->n_sasaran - 1);
}

static void
ed_program_added(rencana *r)
{
	program *p = rencana_add_program(r, 1);

	p->kode = arena_strdup(&r->mem, "P90");
	p->uraian = arena_strdup(&r->mem, "Program baru");
	p->anggaran = 1000000000;
}

static void
ed_program_removed(rencana *r)
{
	rencana_delete_program(r, r->n_program - 1);
}

static void
ed_sasaran_removed(rencana *r)
{
	rencana_delete_sasaran(r, r->n_sasaran - 1);
}

static void
ed_quarter_added(rencana *r)
{
	triwulan *t = &r->tw[3];

	t->ada = true;
	t->tahun = 2023;
	t->bulan = 10;
	t->hari = 9;
	iku_at(r, 0, 0)->ada_realisasi[3] = true;
	iku_at(r, 0, 0)->realisasi[3] = 790000;
	iku_at(r, 0, 0)->keterangan[3] = arena_strdup(&r->mem, "sementara");
}

static void
ed_texts(rencana *r)
{
	tabel *tb = rencana_add_tabel(r, &r->sasaran[0], 3, 0);

	tb->judul = arena_strdup(&r->mem, "Tabel baru");
	r->tw[2].kesimpulan = arena_strdup(&r->mem, "Kesimpulan baru.");
	r->tahunan.ada = true;
	r->tahunan.tahun = 2024;
	r->tahunan.bulan = 2;
	r->tahunan.hari = 20;
	r->tahunan.ringkasan = arena_strdup(&r->mem, "Ringkasan tahunan.");
}

static void
ed_bidang(rencana *r)
{
	bidang *b = rencana_add_bidang(r, 0);

	b->kode = arena_strdup(&r->mem, "b90");
	b->nama = arena_strdup(&r->mem, "Bidang Baru");
	r->sasaran[0].bidang = b->kode;
}

static void
ed_profile(rencana *r)
{
	r->instansi.kota = arena_strdup(&r->mem, "Palangka Raya (baru)");
	r->instansi.kepala.nama = arena_strdup(&r->mem, "Kepala Baru");
}

static void
ed_target(rencana *r)
{
	iku_at(r, 0, 0)->target += 10000;
	iku_at(r, 0, 0)->ada_target_tw[2] = true;
	iku_at(r, 0, 0)->target_tw[2] = 700000;
}

static const struct edit {
	const char *what;
	void (*fn)(rencana *r);
	bool value_only;             /* one value: at most 10 statements */
} edits[] = {
	{ "a realisation changed", ed_value, true },
	{ "a realisation cleared", ed_value_cleared, true },
	{ "a program's realisation", ed_program_value, true },
	{ "a narrative", ed_narasi, false },
	{ "an IKU added first", ed_iku_added, false },
	{ "an IKU moved last", ed_iku_moved, false },
	{ "a sasaran moved last", ed_sasaran_moved, false },
	{ "a program added", ed_program_added, false },
	{ "a program removed", ed_program_removed, false },
	{ "a sasaran removed", ed_sasaran_removed, false },
	{ "quarter 3 added", ed_quarter_added, false },
	{ "a table, a conclusion, the annual report", ed_texts, false },
	{ "a bidang added", ed_bidang, false },
	{ "the profile", ed_profile, false },
	{ "targets", ed_target, false },
	{ "a realisation again", ed_value, true },
};

START_TEST(test_edits)
{
	rencana *r = read_fixture("examples/kesbangpol-kalteng-2023.yaml");
	store *s = open_db();
	lk_err e = { 0, "" };

	store_keep_plans(s, true);
	save_ok(s, r, "import");
	kept_is_stored(s, "import");
	rencana_free(r);
	ck_assert_int_eq(store_load(s, "kesbangpol-kalteng", 2023, &r, &e), 0);
	kept_is_stored(s, "load");
	for (size_t i = 0; i < LK_NELEM(edits); i++) {
		uint64_t n0;

		edits[i].fn(r);
		n0 = drv_stmt_count();
		save_ok(s, r, edits[i].what);
		if (edits[i].value_only)
			ck_assert_msg(drv_stmt_count() - n0 <= 10, "%s: %llu "
				      "statements", edits[i].what,
				      (unsigned long long)(drv_stmt_count() - n0));
		kept_is_stored(s, edits[i].what);
	}
	rencana_free(r);
	store_close(s);
}
END_TEST

/* Another handle writes: the kept plan is no longer what is stored, and
 * the next save reads the plan again (and keeps what it saved). */
START_TEST(test_other_writer)
{
	rencana *r = read_fixture("examples/kesbangpol-kalteng-2023.yaml"), *r2;
	store *s = open_db(), *t;
	lk_err e = { 0, "" };
	uint64_t n0;

	save_ok(s, r, "import");
	rencana_free(r);
	store_keep_plans(s, true);
	ck_assert_int_eq(store_load(s, "kesbangpol-kalteng", 2023, &r, &e), 0);
	t = open_db();
	ck_assert_int_eq(store_load(t, "kesbangpol-kalteng", 2023, &r2, &e), 0);
	r2->sasaran[1].narasi[2] = arena_strdup(&r2->mem, "Oleh yang lain.");
	save_ok(t, r2, "the other handle");
	store_close(t);
	rencana_free(r2);

	ed_value(r);
	n0 = drv_stmt_count();
	save_ok(s, r, "after the other");
	ck_assert_msg(drv_stmt_count() - n0 > 20, "the plan was not read "
		      "again (%llu statements)",
		      (unsigned long long)(drv_stmt_count() - n0));
	kept_is_stored(s, "after the other");
	/* Then kept again: one value, few statements. */
	ed_value(r);
	n0 = drv_stmt_count();
	save_ok(s, r, "next");
	ck_assert_uint_le(drv_stmt_count() - n0, 10);
	kept_is_stored(s, "next");
	rencana_free(r);
	store_close(s);
}
END_TEST

/* What a save leaves as it was (a quarter r does not report) is not in
 * r: nothing is kept; the next save reads the plan and is right. */
START_TEST(test_partial)
{
	rencana *r = read_fixture("examples/kesbangpol-kalteng-2023.yaml");
	store *s = open_db();
	lk_err e = { 0, "" };
	int q = 0;

	store_keep_plans(s, true);
	save_ok(s, r, "import");
	for (int n = 1; n <= TW_MAX && q == 0; n++)
		if (r->tw[n].ada)
			q = n;
	ck_assert_int_gt(q, 0);
	r->tw[q].ada = false;
	save_ok(s, r, "without a quarter");
	ck_assert_ptr_null(s->kept);
	rencana_free(r);
	ck_assert_int_eq(store_load(s, "kesbangpol-kalteng", 2023, &r, &e), 0);
	ck_assert(r->tw[q].ada);
	kept_is_stored(s, "loaded again");
	/* A dry run leaves the kept plan as it was. */
	ed_value(r);
	ck_assert_int_eq(store_save(s, r, true, NULL, &e), 0);
	ed_value(r);
	save_ok(s, r, "after a dry run");
	kept_is_stored(s, "after a dry run");
	rencana_free(r);
	store_close(s);
}
END_TEST

/* A bidang removed from one year stays while another year names it:
 * the database is not the plan saved, so that plan is not kept. */
START_TEST(test_bidang_other_year)
{
	rencana *r = read_fixture("examples/kesbangpol-kalteng-2023.yaml"), *y;
	store *s = open_db();
	lk_err e = { 0, "" };
	size_t nb;

	save_ok(s, r, "import");
	y = rencana_copy_plan(r, 2024);
	save_ok(s, y, "2024");
	rencana_free(y);
	rencana_free(r);
	store_keep_plans(s, true);
	ck_assert_int_eq(store_load(s, "kesbangpol-kalteng", 2023, &r, &e), 0);
	nb = r->instansi.n_bidang;
	ck_assert_uint_gt(nb, 0);
	rencana_delete_bidang(r, 0);
	save_ok(s, r, "a bidang removed");
	if (s->kept != NULL)
		kept_is_stored(s, "a bidang removed");
	rencana_free(r);
	ck_assert_int_eq(store_load(s, "kesbangpol-kalteng", 2023, &r, &e), 0);
	ck_assert_uint_eq(r->instansi.n_bidang, nb);
	ed_value(r);
	save_ok(s, r, "a value");
	kept_is_stored(s, "a value");
	rencana_free(r);
	store_close(s);
}
END_TEST

/* Without store_keep_plans nothing is copied. */
START_TEST(test_off)
{
	rencana *r = read_fixture("examples/kesbangpol-kalteng-2023.yaml");
	store *s = open_db();
	lk_err e = { 0, "" };

	save_ok(s, r, "import");
	rencana_free(r);
	ck_assert_int_eq(store_load(s, "kesbangpol-kalteng", 2023, &r, &e), 0);
	ck_assert_ptr_null(s->kept);
	ed_value(r);
	save_ok(s, r, "a value");
	ck_assert_ptr_null(s->kept);
	rencana_free(r);
	store_close(s);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("keep");
	TCase *tc = tcase_create("keep");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_dup_complete);
	tcase_add_test(tc, test_edits);
	tcase_add_test(tc, test_other_writer);
	tcase_add_test(tc, test_partial);
	tcase_add_test(tc, test_bidang_other_year);
	tcase_add_test(tc, test_off);
	suite_add_tcase(s, tc);
	return s;
}
