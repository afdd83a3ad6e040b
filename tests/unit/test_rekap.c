/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_rekap.c - the province view: the state rules and the mean (core,
 * table-driven), and svc_rekap on a database of three agencies, every row
 * checked against the period that `lakip show` opens (svc_open), and
 * what a non-admin sees.
 */
#include "config.h"
#include "lktest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rekap.h"
#include "store/store.h"
#include "store/workflow.h"
#include "svc/rekap.h"
#include "svc/svc.h"

#define N(x) ((int64_t)((x) * 10000 + 0.5))

/* ------------------------------------------------------------------ */
/* the state rules */

static const struct {
	const char *what;
	bool plan, row, real, locked;
	size_t n;                       /* entries */
	unsigned d, s, r, a;            /* draft, submitted, returned, approved */
	enum rekap_status want;
} state_cases[] = {
	{ "no plan", false, false, false, false, 0, 0, 0, 0, 0, REKAP_KOSONG },
	{ "no quarter row", true, false, false, false, 3, 3, 0, 0, 0, REKAP_KOSONG },
	{ "row, all draft, nothing typed", true, true, false, false, 3, 3, 0, 0, 0, REKAP_KOSONG },
	{ "row, all draft, a realisation", true, true, true, false, 3, 3, 0, 0, 0, REKAP_DRAF },
	{ "draft and approved", true, true, true, false, 3, 1, 0, 0, 2, REKAP_DRAF },
	{ "draft and submitted: draft wins", true, true, true, false, 3, 1, 2, 0, 0, REKAP_DRAF },
	{ "submitted, not yet reviewed", true, true, true, false, 3, 0, 3, 0, 0, REKAP_DIAJUKAN },
	{ "submitted and approved", true, true, true, false, 3, 0, 1, 0, 2, REKAP_DIAJUKAN },
	{ "one returned among approved", true, true, true, false, 3, 0, 0, 1, 2, REKAP_DIKEMBALIKAN },
	{ "returned beats draft", true, true, true, false, 3, 2, 0, 1, 0, REKAP_DIKEMBALIKAN },
	{ "submitted without realisation", true, true, false, false, 3, 0, 3, 0, 0, REKAP_DIAJUKAN },
	{ "all approved", true, true, true, false, 3, 0, 0, 0, 3, REKAP_DISETUJUI },
	{ "locked", true, true, true, true, 3, 0, 0, 0, 3, REKAP_DITANDATANGANI },
	{ "locked wins over anything", true, true, true, true, 3, 3, 0, 0, 0, REKAP_DITANDATANGANI },
	{ "no IKU, budget typed", true, true, true, false, 0, 0, 0, 0, 0, REKAP_DRAF },
	{ "no IKU, nothing typed", true, true, false, false, 0, 0, 0, 0, 0, REKAP_KOSONG },
};

START_TEST(test_state)
{
	rekap_keadaan q;

	memset(&q, 0, sizeof q);
	q.ada_rencana = state_cases[_i].plan;
	q.ada_triwulan = state_cases[_i].row;
	q.ada_realisasi = state_cases[_i].real;
	q.locked = state_cases[_i].locked;
	q.version = q.locked ? 2 : 0;
	q.n_entri = state_cases[_i].n;
	q.count[ENTRI_DRAFT] = state_cases[_i].d;
	q.count[ENTRI_SUBMITTED] = state_cases[_i].s;
	q.count[ENTRI_RETURNED] = state_cases[_i].r;
	q.count[ENTRI_APPROVED] = state_cases[_i].a;
	ck_assert_msg(rekap_status_hitung(&q) == state_cases[_i].want,
		      "%s: got %s, want %s", state_cases[_i].what,
		      rekap_status_nama(rekap_status_hitung(&q)),
		      rekap_status_nama(state_cases[_i].want));
}
END_TEST

START_TEST(test_state_names)
{
	static const char *const want[REKAP_N] = { "kosong", "draf", "diajukan",
		"dikembalikan", "disetujui", "ditandatangani" };
	rekap_baris b;
	char buf[64];

	for (int s = 0; s < REKAP_N; s++)
		ck_assert_str_eq(rekap_status_nama((enum rekap_status)s), want[s]);
	ck_assert_str_eq(rekap_status_nama(REKAP_N), "?");
	memset(&b, 0, sizeof b);
	b.status = REKAP_DITANDATANGANI;
	b.versi = 3;
	ck_assert_str_eq(rekap_status_teks(&b, false, buf, sizeof buf),
			 "ditandatangani (versi 3)");
	b.status = REKAP_DIAJUKAN;
	ck_assert_str_eq(rekap_status_teks(&b, false, buf, sizeof buf), "diajukan");
}
END_TEST

/* ------------------------------------------------------------------ */
/* the mean: exact, half away from zero */

static const struct {
	int64_t v[4];
	size_t n;
	int rc;
	int64_t want;
} mean_cases[] = {
	{ { 8250, 3333 }, 2, 0, 5792 },            /* 57,915 -> 57,92 */
	{ { 10000, 10001 }, 2, 0, 10001 },         /* 100,005 -> 100,01 */
	{ { 1, 1, 2 }, 3, 0, 1 },                  /* 0,0133 -> 0,01 */
	{ { 1, 2, 2 }, 3, 0, 2 },                  /* 0,0166 -> 0,02 */
	{ { -8250, -3333 }, 2, 0, -5792 },         /* negative capaian */
	{ { 12000 }, 1, 0, 12000 },
	{ { 0 }, 0, EX_DATAERR, 0 },               /* no value: no mean */
	{ { INT64_MAX, 1 }, 2, EX_DATAERR, 0 },    /* overflow refused */
};

START_TEST(test_mean)
{
	int64_t out = 0;
	int rc = rekap_rata(mean_cases[_i].v, mean_cases[_i].n, &out);

	ck_assert_int_eq(rc, mean_cases[_i].rc);
	if (rc == 0)
		ck_assert_msg(out == mean_cases[_i].want, "case %d: %lld",
			      _i, (long long)out);
}
END_TEST

/* ------------------------------------------------------------------ */
/* svc_rekap on a database */

static char tmp[1024], dbpath[2048], admin[256];
static store *db;

static char *
S(rencana *r, const char *s)
{
	return arena_strdup(&r->mem, s);
}

static void
iku_set(rencana *r, iku *k, const char *kode, int64_t target_tw2,
	bool real, int64_t realisasi)
{
	k->kode = S(r, kode);
	k->uraian = S(r, kode);
	k->satuan = S(r, "%");
	k->polaritas = POLARITAS_POSITIF;
	k->target = target_tw2 * 2;
	k->ada_target_tw[2] = true;
	k->target_tw[2] = target_tw2;
	k->ada_realisasi[2] = real;
	k->realisasi[2] = realisasi;
}

/* SS1 (bidang ideologi): IKU1 33/40 = 82,50%, IKU2 10/30 = 33,33%;
 * SS2: IKU3 without realisation, IKU4 with target 0 ("-"); a sasaran
 * without IKU; the budget 40.000.000 of 100.000.000.  TW2 reported. */
static rencana *
plan(const char *kode, const char *nama, int tahun)
{
	rencana *r = rencana_new();
	instansi *in = &r->instansi;

	r->tahun = tahun;
	in->kode = S(r, kode);
	in->nama = S(r, nama);
	in->pemerintah = S(r, "Pemerintah Provinsi Kalimantan Tengah");
	in->kota = S(r, "Palangka Raya");
	in->kepala.nama = S(r, "Kepala");
	in->kepala.jabatan = S(r, "Kepala");
	in->kepala.nip = S(r, "196610221993081001");
	in->n_bidang = 1;
	in->bidang = arena_alloc(&r->mem, sizeof(bidang));
	in->bidang[0].kode = S(r, "ideologi");
	in->bidang[0].nama = S(r, "Bidang Ideologi");
	r->n_sasaran = 3;
	r->sasaran = arena_alloc(&r->mem, 3 * sizeof(sasaran));
	r->sasaran[0].kode = S(r, "SS1");
	r->sasaran[0].uraian = S(r, "Sasaran satu");
	r->sasaran[0].bidang = S(r, "ideologi");
	r->sasaran[0].n_iku = 2;
	r->sasaran[0].iku = arena_alloc(&r->mem, 2 * sizeof(iku));
	iku_set(r, &r->sasaran[0].iku[0], "IKU1", N(40), true, N(33));
	iku_set(r, &r->sasaran[0].iku[1], "IKU2", N(30), true, N(10));
	r->sasaran[1].kode = S(r, "SS2");
	r->sasaran[1].uraian = S(r, "Sasaran dua");
	r->sasaran[1].bidang = S(r, "ideologi");
	r->sasaran[1].n_iku = 2;
	r->sasaran[1].iku = arena_alloc(&r->mem, 2 * sizeof(iku));
	iku_set(r, &r->sasaran[1].iku[0], "IKU3", N(50), false, 0);
	r->sasaran[1].iku[0].keterangan[2] = S(r, "data belum terbit");
	iku_set(r, &r->sasaran[1].iku[1], "IKU4", 0, true, N(5));
	r->sasaran[2].kode = S(r, "SS3");
	r->sasaran[2].uraian = S(r, "Sasaran tanpa IKU");
	r->n_program = 1;
	r->program = arena_alloc(&r->mem, sizeof(program));
	r->program[0].kode = S(r, "P1");
	r->program[0].uraian = S(r, "Program satu");
	r->program[0].anggaran = 100000000;
	r->program[0].ada_realisasi[2] = true;
	r->program[0].realisasi[2] = 40000000;
	r->tw[2].ada = true;
	r->tw[2].tahun = tahun;
	r->tw[2].bulan = 6;
	r->tw[2].hari = 30;
	return r;
}

static void
ok_(int rc, const lk_err *e, const char *what)
{
	ck_assert_msg(rc == 0, "%s: %d %s", what, rc, e->msg);
}

static void
save(rencana *r)
{
	lk_err e = { 0, "" };

	ok_(store_save(db, r, false, NULL, &e), &e, r->instansi.kode);
	rencana_free(r);
}

static void
add_user(const char *login, enum peran p, const char *instansi,
	 const char *bidang)
{
	lk_err e = { 0, "" };
	char *v[1] = { (char *)bidang };

	store_set_actor(db, admin);
	ok_(store_user_add(db, login, p, instansi, v, bidang ? 1 : 0, &e), &e,
	    login);
}

static void
setup(void)
{
	lk_err e = { 0, "" };

	snprintf(tmp, sizeof tmp, "%s", lktest_tmpdir());
	snprintf(dbpath, sizeof dbpath, "%s/lakip.db", tmp);
	ck_assert_int_eq(store_open(dbpath, STORE_CREATE, &db, &e), 0);
	snprintf(admin, sizeof admin, "%s", store_actor(db));
	/* Saved out of kode order: the rekap sorts. */
	save(plan("kesbangpol", "Badan Kesatuan Bangsa dan Politik", 2023));
	save(plan("dinsos", "Dinas Sosial", 2023));
	save(plan("zbaru", "Badan Baru", 2024));      /* no plan for 2023 */
	add_user("op1", PERAN_OPERATOR, "kesbangpol", NULL);
	add_user("kb1", PERAN_KABID, "kesbangpol", "ideologi");
	add_user("op2", PERAN_OPERATOR, "dinsos", NULL);
	add_user("kp2", PERAN_KEPALA, "zbaru", NULL);
	store_set_actor(db, admin);
}

static void
teardown(void)
{
	store_close(db);
	db = NULL;
	lktest_rmtree(tmp);
}

static void
apply(const char *who, const char *kode, enum entri_event ev,
      const char *iku, const char *comment)
{
	lk_err e = { 0, "" };
	char *v[1] = { (char *)iku };
	size_t done = 0;

	store_set_actor(db, who);
	ok_(store_wf_apply(db, kode, 2023, 2, ev, v, iku ? 1 : 0, comment, &done,
			   &e), &e, who);
	ck_assert_uint_gt(done, 0);
	store_set_actor(db, admin);
}

static int
rekap(svc_rekap_row **rows, size_t *n, lk_err *e)
{
	svc v;
	int rc;

	ok_(svc_init(&v, db, e), e, "svc_init");
	rc = svc_rekap(&v, 2023, 2, rows, n, e);
	svc_done(&v);
	return rc;
}

/* Row b against the period show opens for its agency: the same IKU,
 * the same printed capaian, the same JUMLAH. */
static void
same_as_show(const svc_rekap_row *b)
{
	lk_err e = { 0, "" };
	int64_t vals[16];
	size_t n_iku = 0, terisi = 0, nv = 0;
	svc_period p;
	svc v;

	ok_(svc_init(&v, db, &e), &e, "svc_init");
	ok_(svc_open(&v, b->kode, 2023, 2, AKSI_LIHAT, &p, &e), &e, b->kode);
	for (size_t i = 0; i < p.k.n_iku; i++) {
		if (p.k.iku[i].iku == NULL)
			continue;
		n_iku++;
		terisi += p.k.iku[i].ada_realisasi;
		if (p.k.iku[i].capaian.status == CAPAIAN_ADA)
			vals[nv++] = p.k.iku[i].capaian.persen;
	}
	ck_assert_uint_eq(b->iku, n_iku);
	ck_assert_uint_eq(b->iku_terisi, terisi);
	ck_assert_uint_eq(b->n_capaian, nv);
	if (nv > 0) {
		int64_t m;

		ck_assert_int_eq(rekap_rata(vals, nv, &m), 0);
		ck_assert(b->ada_capaian);
		ck_assert_int_eq(b->capaian, m);
	}
	ck_assert_int_eq(b->serapan.status, p.k.jumlah_capaian.status);
	ck_assert_int_eq(b->serapan.persen, p.k.jumlah_capaian.persen);
	ck_assert_str_eq(b->nama, p.r->instansi.nama);
	ck_assert_str_eq(b->pemerintah, p.r->instansi.pemerintah);
	svc_period_free(&p);
	svc_done(&v);
}

START_TEST(test_rows)
{
	lk_err e = { 0, "" };
	svc_rekap_row *rows;
	size_t n;

	apply("op1", "kesbangpol", EV_SUBMIT, NULL, NULL);
	ok_(rekap(&rows, &n, &e), &e, "rekap");
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(rows[0].kode, "dinsos");
	ck_assert_str_eq(rows[1].kode, "kesbangpol");
	ck_assert_str_eq(rows[2].kode, "zbaru");
	/* The figures, by hand: 4 IKU (the sasaran without IKU is none),
	 * 3 with a realisation, the mean of 82,50 and 33,33 (IKU3 has no
	 * realisation, IKU4 target 0) is 57,915 -> 57,92; 40,00%. */
	for (int i = 0; i < 2; i++) {
		ck_assert(rows[i].ada_rencana);
		ck_assert_uint_eq(rows[i].iku, 4);
		ck_assert_uint_eq(rows[i].iku_terisi, 3);
		ck_assert(rows[i].ada_capaian);
		ck_assert_int_eq(rows[i].capaian, 5792);
		ck_assert_int_eq(rows[i].serapan.status, CAPAIAN_ADA);
		ck_assert_int_eq(rows[i].serapan.persen, 4000);
		same_as_show(&rows[i]);
	}
	ck_assert_int_eq(rows[0].status, REKAP_DRAF);
	ck_assert_int_eq(rows[1].status, REKAP_DIAJUKAN);
	/* Every entry of the review: 4 IKU, the programs, the narratives,
	 * BAB II and BAB III. */
	ck_assert_uint_eq(rows[1].count[ENTRI_SUBMITTED], 10);
	ck_assert(!rows[2].ada_rencana);
	ck_assert_ptr_null(rows[2].pemerintah);
	ck_assert_str_eq(rows[2].nama, "Badan Baru");
	ck_assert_int_eq(rows[2].status, REKAP_KOSONG);
	svc_rekap_free(rows, n);

	/* One entry returned: the quarter is returned. */
	apply("kb1", "kesbangpol", EV_RETURN, "IKU1", "Lampirkan bukti");
	ok_(rekap(&rows, &n, &e), &e, "rekap 2");
	ck_assert_int_eq(rows[1].status, REKAP_DIKEMBALIKAN);
	svc_rekap_free(rows, n);
	/* Resubmitted and approved by the kabid: what is the kepala's (BAB
	 * II, BAB III, what belongs to no bidang) still waits. */
	apply("op1", "kesbangpol", EV_SUBMIT, NULL, NULL);
	apply("kb1", "kesbangpol", EV_APPROVE, NULL, NULL);
	ok_(rekap(&rows, &n, &e), &e, "rekap 3");
	ck_assert_int_eq(rows[1].status, REKAP_DIAJUKAN);
	svc_rekap_free(rows, n);
	/* All approved: ready to be signed. */
	add_user("kp1", PERAN_KEPALA, "kesbangpol", NULL);
	apply("kp1", "kesbangpol", EV_APPROVE, NULL, NULL);
	ok_(rekap(&rows, &n, &e), &e, "rekap 4");
	ck_assert_int_eq(rows[1].status, REKAP_DISETUJUI);
	svc_rekap_free(rows, n);
}
END_TEST

START_TEST(test_totals)
{
	lk_err e = { 0, "" };
	svc_rekap_row *rows;
	rekap_total t;
	size_t n;

	ok_(rekap(&rows, &n, &e), &e, "rekap");
	ck_assert_int_eq(rekap_jumlah(rows, n, &t), 0);
	ck_assert_uint_eq(t.n, 3);
	ck_assert_uint_eq(t.iku, 8);
	ck_assert_uint_eq(t.iku_terisi, 6);
	ck_assert_uint_eq(t.n_capaian, 2);       /* the agency without plan: none */
	ck_assert_int_eq(t.capaian, 5792);
	ck_assert_int_eq(t.serapan.persen, 4000);  /* 80 of 200 million */
	ck_assert_uint_eq(t.status[REKAP_DRAF], 2);
	ck_assert_uint_eq(t.status[REKAP_KOSONG], 1);
	svc_rekap_free(rows, n);
}
END_TEST

/* Who sees what: an admin all; a role holder his agencies; the rest is
 * refused, naming the admins. */
static const struct {
	const char *login;
	int rc;
	const char *rows;
} who_cases[] = {
	{ NULL, 0, "dinsos kesbangpol zbaru" },        /* the admin */
	{ "op1", 0, "kesbangpol" },
	{ "kb1", 0, "kesbangpol" },
	{ "kp2", 0, "zbaru" },
	{ "stranger", EX_NOPERM, "" },
};

START_TEST(test_visible)
{
	lk_err e = { 0, "" };
	svc_rekap_row *rows = NULL;
	char got[256] = "";
	size_t n = 0, len = 0;
	int rc;

	if (_i == 1) {                     /* a second role: two rows */
		add_user("op9", PERAN_OPERATOR, "dinsos", NULL);
		add_user("op9", PERAN_KABID, "kesbangpol", "ideologi");
		store_set_actor(db, "op9");
		ok_(rekap(&rows, &n, &e), &e, "op9");
		ck_assert_uint_eq(n, 2);
		ck_assert_str_eq(rows[0].kode, "dinsos");
		ck_assert_str_eq(rows[1].kode, "kesbangpol");
		svc_rekap_free(rows, n);
	}
	store_set_actor(db, who_cases[_i].login ? who_cases[_i].login : admin);
	rc = rekap(&rows, &n, &e);
	ck_assert_int_eq(rc, who_cases[_i].rc);
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(got + len, sizeof got - len, "%s%s",
		    i ? " " : "", rows[i].kode);
	ck_assert_str_eq(got, who_cases[_i].rows);
	if (rc != 0) {
		ck_assert_ptr_null(rows);
		ck_assert(strstr(e.msg, admin) != NULL);
	}
	svc_rekap_free(rows, n);
}
END_TEST

START_TEST(test_bad_quarter)
{
	lk_err e = { 0, "" };
	svc_rekap_row *rows;
	size_t n;
	svc v;

	ok_(svc_init(&v, db, &e), &e, "svc_init");
	ck_assert_int_eq(svc_rekap(&v, 2023, 5, &rows, &n, &e), EX_USAGE);
	ck_assert_int_eq(svc_rekap(&v, 2023, 0, &rows, &n, &e), EX_USAGE);
	svc_done(&v);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("rekap");
	TCase *tc;

	tc = tcase_create("rules");
	tcase_add_loop_test(tc, test_state, 0, (int)LK_NELEM(state_cases));
	tcase_add_test(tc, test_state_names);
	tcase_add_loop_test(tc, test_mean, 0, (int)LK_NELEM(mean_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("service");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_rows);
	tcase_add_test(tc, test_totals);
	tcase_add_loop_test(tc, test_visible, 0, (int)LK_NELEM(who_cases));
	tcase_add_test(tc, test_bad_quarter);
	suite_add_tcase(s, tc);
	return s;
}
