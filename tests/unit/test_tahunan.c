/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_tahunan.c - the figures of the whole year (core/tahunan.h), each
 * rule of spec/exchange-format.md "How the year's figures are computed". */
#include "config.h"
#include "lktest.h"

#include <inttypes.h>
#include <string.h>
#include <sysexits.h>

#include "core/dec.h"
#include "core/model.h"
#include "core/tahunan.h"

#define CAP 8

static rencana *R;

static void
setup(void)
{
	R = rencana_new();
	R->tahun = 2023;
	R->sasaran = arena_alloc(&R->mem, CAP * sizeof *R->sasaran);
	R->program = arena_alloc(&R->mem, CAP * sizeof *R->program);
}

static void
teardown(void)
{
	rencana_free(R);
	R = NULL;
}

static int64_t
nilai(const char *s)
{
	int64_t v;
	const char *why = NULL;

	ck_assert_msg(dec_parse_machine(s, DEC_NILAI, &v, &why) == 0, "%s", s);
	return v;
}

static int64_t
uang(const char *s)
{
	int64_t v;
	const char *why = NULL;

	ck_assert_msg(dec_parse_machine(s, DEC_UANG, &v, &why) == 0, "%s", s);
	return v;
}

/* "101.02" -> 10102 */
static int64_t
persen(const char *s)
{
	int64_t v;
	const char *why = NULL;

	ck_assert_msg(dec_parse_machine(s, DEC_PERSEN, &v, &why) == 0, "%s", s);
	return v;
}

static sasaran *
sasaran_add(const char *kode)
{
	sasaran *s = &R->sasaran[R->n_sasaran++];

	ck_assert(R->n_sasaran <= CAP);
	s->kode = arena_strdup(&R->mem, kode);
	s->uraian = arena_strdup(&R->mem, kode);
	s->iku = arena_alloc(&R->mem, CAP * sizeof *s->iku);
	return s;
}

static iku *
iku_add(sasaran *s, const char *kode, const char *target, enum polaritas p)
{
	iku *k = &s->iku[s->n_iku++];

	ck_assert(s->n_iku <= CAP);
	k->kode = arena_strdup(&R->mem, kode);
	k->satuan = arena_strdup(&R->mem, "%");
	k->polaritas = p;
	k->target = nilai(target);
	return k;
}

static void
tw4(iku *k, const char *v)
{
	k->ada_realisasi[4] = true;
	k->realisasi[4] = nilai(v);
}

static void
year(iku *k, const char *v)
{
	k->ada_realisasi_tahunan = true;
	k->realisasi_tahunan = nilai(v);
}

static program *
program_add(const char *kode, const char *anggaran, const char *real,
	    const char *sasaran_kode)
{
	program *p = &R->program[R->n_program++];

	ck_assert(R->n_program <= CAP);
	p->kode = arena_strdup(&R->mem, kode);
	p->uraian = p->kode;
	p->anggaran = uang(anggaran);
	if (real != NULL) {
		p->ada_realisasi_tahunan = true;
		p->realisasi_tahunan = uang(real);
	}
	if (sasaran_kode != NULL) {
		p->sasaran = arena_alloc(&R->mem, sizeof *p->sasaran);
		p->sasaran[0] = arena_strdup(&R->mem, sasaran_kode);
		p->n_sasaran = 1;
	}
	return p;
}

static void
set_renstra(int awal, int akhir)
{
	R->renstra.ada = true;
	R->renstra.awal = awal;
	R->renstra.akhir = akhir;
}

static void
target_renstra(iku *k, int tahun, const char *v)
{
	k->target_renstra = arena_alloc(&R->mem, sizeof *k->target_renstra);
	k->target_renstra[0].tahun = tahun;
	k->target_renstra[0].nilai = nilai(v);
	k->n_target_renstra = 1;
}

static void
hitung(tahunan_hasil *h, const tahunan_lalu *lalu, size_t n)
{
	lk_err e;

	ck_assert_int_eq(tahunan_hitung(R, lalu, n, NULL, h, &e), 0);
}

static void
cap_eq(const capaian *c, const char *want)
{
	if (want == NULL) {
		ck_assert_int_eq(c->status, CAPAIAN_KOSONG);
	} else if (strcmp(want, "-") == 0) {
		ck_assert_int_eq(c->status, CAPAIAN_TAK_TERDEFINISI);
	} else {
		ck_assert_int_eq(c->status, CAPAIAN_ADA);
		ck_assert_int_eq(c->persen, persen(want));
	}
}

/* ---- kategori bands, at their boundaries (IDI 80 is sedang) ---- */

static const struct {
	const char *nilai, *label;
} kategori_cases[] = {
	{ "100", "baik" },
	{ "80.0001", "baik" },
	{ "80", "sedang" },          /* lebih_dari is strict */
	{ "79.9999", "sedang" },
	{ "60", "sedang" },          /* minimal holds at the bound */
	{ "59.9999", "buruk" },
	{ "0", "buruk" },
	{ "-5", "buruk" },
};

static void
idi_bands(iku *k)
{
	k->kategori = arena_alloc(&R->mem, 3 * sizeof *k->kategori);
	k->n_kategori = 3;
	k->kategori[0] = (kategori_band){ "baik", KATEGORI_LEBIH_DARI,
		nilai("80") };
	k->kategori[1] = (kategori_band){ "sedang", KATEGORI_MINIMAL,
		nilai("60") };
	k->kategori[2] = (kategori_band){ "buruk", KATEGORI_SISA, 0 };
}

START_TEST(test_kategori)
{
	iku *k = iku_add(sasaran_add("SS1"), "IDI", "78", POLARITAS_POSITIF);
	tahunan_hasil h;

	idi_bands(k);
	ck_assert_str_eq(kategori_cari(k, nilai(kategori_cases[_i].nilai))
	    ->label, kategori_cases[_i].label);
	/* The year's table shows the band of R, not a predikat. */
	year(k, kategori_cases[_i].nilai);
	hitung(&h, NULL, 0);
	ck_assert_ptr_nonnull(h.iku[0].kategori);
	ck_assert_str_eq(h.iku[0].kategori->label, kategori_cases[_i].label);
	ck_assert_ptr_null(h.iku[0].predikat);
}
END_TEST

START_TEST(test_kategori_none)
{
	iku *k = iku_add(sasaran_add("SS1"), "IDI", "78", POLARITAS_POSITIF);
	iku *p = iku_add(&R->sasaran[0], "P", "78", POLARITAS_POSITIF);
	tahunan_hasil h;

	idi_bands(k);
	year(p, "78");
	hitung(&h, NULL, 0);
	/* No R: no kategori (and no predikat). */
	ck_assert_ptr_null(h.iku[0].kategori);
	ck_assert_ptr_null(h.iku[0].predikat);
	/* Without bands: the predikat of the capaian (100%). */
	ck_assert_ptr_null(h.iku[1].kategori);
	ck_assert_ptr_nonnull(h.iku[1].predikat);
	ck_assert_ptr_null(kategori_cari(p, 0));
}
END_TEST

/* ---- annual realisation and capaian ---- */

START_TEST(test_realisasi_source)
{
	sasaran *s = sasaran_add("SS1");
	iku *a = iku_add(s, "A", "80", POLARITAS_POSITIF);
	iku *b = iku_add(s, "B", "80", POLARITAS_POSITIF);
	iku *c = iku_add(s, "C", "80", POLARITAS_POSITIF);
	iku *z = iku_add(s, "Z", "0", POLARITAS_POSITIF);
	tahunan_hasil h;

	tw4(a, "70");
	year(a, "84");       /* tahunan wins over triwulan 4 */
	tw4(b, "60");
	(void)c;             /* neither: no R, no capaian */
	tw4(z, "5");         /* target 0: "-" */
	hitung(&h, NULL, 0);
	ck_assert(h.iku[0].ada_realisasi && !h.iku[0].realisasi_tw4);
	ck_assert_int_eq(h.iku[0].realisasi, nilai("84"));
	cap_eq(&h.iku[0].capaian, "105.00");
	ck_assert(h.iku[1].ada_realisasi && h.iku[1].realisasi_tw4);
	cap_eq(&h.iku[1].capaian, "75.00");
	ck_assert(!h.iku[2].ada_realisasi);
	cap_eq(&h.iku[2].capaian, NULL);
	cap_eq(&h.iku[3].capaian, "-");
	/* Mean of the printed capaian that exist: (105 + 75) / 2. */
	cap_eq(&h.sasaran[0].capaian, "90.00");
}
END_TEST

/* ---- capaian against the Renstra target ---- */

static const struct {
	enum polaritas pol;
	const char *target_akhir, *r, *want;
} renstra_cases[] = {
	{ POLARITAS_POSITIF, "90", "81", "90.00" },
	{ POLARITAS_NEGATIF, "5", "6", "80.00" },     /* (5 - (6 - 5)) / 5 */
	{ POLARITAS_NEGATIF, "5", "4", "120.00" },
	{ POLARITAS_NEGATIF, "7", "6.5", "107.14" },
	{ POLARITAS_NEGATIF, "8", "9", "87.50" },
	{ POLARITAS_POSITIF, "0", "3", "-" },
	{ POLARITAS_NEGATIF, "3", "7", "-33.33" },    /* no floor */
};

START_TEST(test_capaian_renstra)
{
	iku *k = iku_add(sasaran_add("SS1"), "K", "1", renstra_cases[_i].pol);
	tahunan_hasil h;

	set_renstra(2021, 2026);
	target_renstra(k, 2026, renstra_cases[_i].target_akhir);
	year(k, renstra_cases[_i].r);
	hitung(&h, NULL, 0);
	ck_assert(h.iku[0].ada_target_renstra);
	ck_assert_int_eq(h.iku[0].target_renstra,
	    nilai(renstra_cases[_i].target_akhir));
	cap_eq(&h.iku[0].capaian_renstra, renstra_cases[_i].want);
}
END_TEST

START_TEST(test_capaian_renstra_none)
{
	iku *k = iku_add(sasaran_add("SS1"), "K", "1", POLARITAS_POSITIF);
	tahunan_hasil h;

	/* A target for another year of the period is not the medium-term one. */
	set_renstra(2021, 2026);
	target_renstra(k, 2024, "50");
	year(k, "40");
	hitung(&h, NULL, 0);
	ck_assert(!h.iku[0].ada_target_renstra);
	cap_eq(&h.iku[0].capaian_renstra, NULL);
	/* The target, but no R: none either. */
	target_renstra(k, 2026, "50");
	k->ada_realisasi_tahunan = false;
	hitung(&h, NULL, 0);
	ck_assert(h.iku[0].ada_target_renstra);
	cap_eq(&h.iku[0].capaian_renstra, NULL);
}
END_TEST

/* ---- means and ratios, rounded half away from zero ---- */

static const struct {
	const char *v[3];
	size_t n;
	const char *want;
} rata_cases[] = {
	{ { "100.00", "100.01" }, 2, "100.01" },        /* 100.005 up */
	{ { "100.00", "100.00", "100.01" }, 3, "100.00" },  /* 100.0033 */
	{ { "33.33", "33.33", "33.34" }, 3, "33.33" },
	{ { "0.00", "-0.01" }, 2, "-0.01" },            /* -0.005 away */
	{ { "66.67" }, 1, "66.67" },
	{ { "101.02", "87.50", "107.14" }, 3, "98.55" }, /* 98.5533 */
};

START_TEST(test_rata)
{
	int64_t v[3], out;

	for (size_t i = 0; i < rata_cases[_i].n; i++)
		v[i] = persen(rata_cases[_i].v[i]);
	ck_assert_int_eq(tahunan_rata(v, rata_cases[_i].n, &out), 0);
	ck_assert_int_eq(out, persen(rata_cases[_i].want));
}
END_TEST

static const struct {
	const char *capaian, *serapan, *want;
} efisiensi_cases[] = {
	{ "90.00", "80.00", "112.50" },
	{ "100.00", "30.00", "333.33" },   /* 333.333 */
	{ "33.33", "66.67", "49.99" },     /* 49.9925; from unrounded: 50 */
	{ "50.00", "100.00", "50.00" },
	{ "1.00", "300.00", "0.33" },      /* 0.3333 */
	{ "0.01", "200.00", "0.01" },      /* 0.005 rounds away from zero */
	{ "100.00", "0.00", NULL },        /* absorption 0: none */
	{ NULL, "50.00", NULL },
	{ "50.00", NULL, NULL },
};

START_TEST(test_efisiensi)
{
	capaian c = { CAPAIAN_KOSONG, 0 }, s = { CAPAIAN_KOSONG, 0 }, out;

	if (efisiensi_cases[_i].capaian != NULL)
		c = (capaian){ CAPAIAN_ADA,
			persen(efisiensi_cases[_i].capaian) };
	if (efisiensi_cases[_i].serapan != NULL)
		s = (capaian){ CAPAIAN_ADA,
			persen(efisiensi_cases[_i].serapan) };
	ck_assert_int_eq(tahunan_efisiensi(&c, &s, &out), 0);
	cap_eq(&out, efisiensi_cases[_i].want);
}
END_TEST

/* Each figure from the printed ones: 1/3 of the target is 33,33%, the
 * program spent 2/3 (66,67%), efficiency 33,33 / 66,67 = 49,99%. */
START_TEST(test_from_printed)
{
	sasaran *s = sasaran_add("SS1");
	iku *k = iku_add(s, "K", "3", POLARITAS_POSITIF);
	tahunan_hasil h;

	year(k, "1");
	program_add("P1", "3", "2", "SS1");
	hitung(&h, NULL, 0);
	cap_eq(&h.iku[0].capaian, "33.33");
	cap_eq(&h.sasaran[0].capaian, "33.33");
	ck_assert_int_eq(h.sasaran[0].n_program, 1);
	cap_eq(&h.sasaran[0].serapan, "66.67");
	cap_eq(&h.sasaran[0].efisiensi, "49.99");
}
END_TEST

/* ---- sasaran and programs at the edges ---- */

START_TEST(test_sasaran_target_0)
{
	sasaran *s = sasaran_add("SS1");
	iku *a = iku_add(s, "A", "0", POLARITAS_POSITIF);
	iku *b = iku_add(s, "B", "0", POLARITAS_NEGATIF);
	tahunan_hasil h;

	year(a, "4");
	tw4(b, "2");
	program_add("P1", "1000", "500", "SS1");
	hitung(&h, NULL, 0);
	cap_eq(&h.iku[0].capaian, "-");
	cap_eq(&h.iku[1].capaian, "-");
	cap_eq(&h.sasaran[0].capaian, NULL);       /* none: all "-" */
	cap_eq(&h.sasaran[0].serapan, "50.00");
	cap_eq(&h.sasaran[0].efisiensi, NULL);
}
END_TEST

START_TEST(test_program_anggaran_0)
{
	sasaran *s = sasaran_add("SS1");
	iku *k = iku_add(s, "K", "10", POLARITAS_POSITIF);
	tahunan_hasil h;
	program *p;

	year(k, "10");
	program_add("P0", "0", "0", "SS1");
	program_add("P1", "200", "150.5", NULL);
	p = program_add("P2", "300", NULL, NULL);
	p->ada_realisasi[4] = true;                 /* from triwulan 4 */
	p->realisasi[4] = uang("100");
	program_add("P3", "500", NULL, NULL);       /* not known */
	hitung(&h, NULL, 0);
	cap_eq(&h.program[0].serapan, "-");
	cap_eq(&h.program[1].serapan, "75.25");
	ck_assert(h.program[2].realisasi_tw4);
	cap_eq(&h.program[2].serapan, "33.33");
	cap_eq(&h.program[3].serapan, NULL);
	/* Sasaran supported by P0 alone: absorption "-", efficiency none. */
	cap_eq(&h.sasaran[0].serapan, "-");
	cap_eq(&h.sasaran[0].efisiensi, NULL);
	/* JUMLAH: 250,5 of 1.000. */
	ck_assert_int_eq(h.jumlah_anggaran, uang("1000"));
	ck_assert_int_eq(h.jumlah_realisasi, uang("250.5"));
	cap_eq(&h.jumlah_serapan, "25.05");
}
END_TEST

START_TEST(test_sasaran_tanpa_program)
{
	iku *k = iku_add(sasaran_add("SS1"), "K", "10", POLARITAS_POSITIF);
	tahunan_hasil h;

	year(k, "9");
	hitung(&h, NULL, 0);
	ck_assert_int_eq(h.sasaran[0].n_program, 0);
	cap_eq(&h.sasaran[0].capaian, "90.00");
	cap_eq(&h.sasaran[0].serapan, NULL);
	cap_eq(&h.sasaran[0].efisiensi, NULL);
	ck_assert_int_eq(h.n_program, 0);
	cap_eq(&h.jumlah_serapan, NULL);
}
END_TEST

/* ---- earlier years: the database wins over riwayat ---- */

START_TEST(test_riwayat)
{
	iku *k = iku_add(sasaran_add("SS1"), "IDI", "78", POLARITAS_POSITIF);
	iku *m = iku_add(&R->sasaran[0], "M", "5", POLARITAS_NEGATIF);
	static const tahunan_lalu db[] = {
		{ 2022, "IDI", 790000 },        /* 79: beats riwayat's 70 */
		{ 2021, "OTHER", 10000 },
		{ 2023, "IDI", 10000 },         /* the plan year: ignored */
		{ 2019, "IDI", 10000 },         /* before the period: ignored */
	};
	tahunan_hasil h;

	set_renstra(2020, 2024);
	k->riwayat = arena_alloc(&R->mem, 3 * sizeof *k->riwayat);
	k->riwayat[0] = (tahun_nilai){ 2020, nilai("75.5") };
	k->riwayat[1] = (tahun_nilai){ 2021, nilai("76") };
	k->riwayat[2] = (tahun_nilai){ 2022, nilai("70") };
	k->n_riwayat = 3;
	year(k, "77.25");
	m->riwayat = arena_alloc(&R->mem, sizeof *m->riwayat);
	m->riwayat[0] = (tahun_nilai){ 2022, nilai("4") };
	m->n_riwayat = 1;
	year(m, "6.5");
	hitung(&h, db, LK_NELEM(db));
	ck_assert_int_eq(h.iku[0].n_riwayat, 3);
	ck_assert_int_eq(h.iku[0].riwayat[0].tahun, 2020);
	ck_assert(h.iku[0].riwayat[0].ada && !h.iku[0].riwayat[0].dari_database);
	ck_assert_int_eq(h.iku[0].riwayat[0].nilai, nilai("75.5"));
	ck_assert_int_eq(h.iku[0].riwayat[1].nilai, nilai("76"));
	ck_assert(h.iku[0].riwayat[2].dari_database);
	ck_assert(h.iku[0].ada_lalu);
	ck_assert_int_eq(h.iku[0].realisasi_lalu, nilai("79"));
	ck_assert(h.iku[0].ada_perubahan);
	ck_assert_int_eq(h.iku[0].perubahan, -nilai("1.75"));
	/* M: riwayat only; 6,5 - 4 = +2,5. */
	ck_assert_int_eq(h.iku[1].realisasi_lalu, nilai("4"));
	ck_assert_int_eq(h.iku[1].perubahan, nilai("2.5"));
	ck_assert(!h.iku[1].riwayat[0].ada);
}
END_TEST

START_TEST(test_riwayat_none)
{
	iku *k = iku_add(sasaran_add("SS1"), "K", "78", POLARITAS_POSITIF);
	tahunan_hasil h;

	/* No Renstra: last year only; unknown, so no change. */
	year(k, "77");
	hitung(&h, NULL, 0);
	ck_assert_int_eq(h.iku[0].n_riwayat, 1);
	ck_assert_int_eq(h.iku[0].riwayat[0].tahun, 2022);
	ck_assert(!h.iku[0].ada_lalu);
	ck_assert(!h.iku[0].ada_perubahan);
	/* First year of a Renstra: no earlier year of the period. */
	set_renstra(2023, 2027);
	hitung(&h, NULL, 0);
	ck_assert_int_eq(h.iku[0].n_riwayat, 0);
	ck_assert(!h.iku[0].ada_lalu);
}
END_TEST

START_TEST(test_empty)
{
	tahunan_hasil h;

	hitung(&h, NULL, 0);
	ck_assert_int_eq(h.n_iku, 0);
	ck_assert_int_eq(h.n_sasaran, 0);
	ck_assert_int_eq(h.n_program, 0);
	sasaran_add("SS1");
	hitung(&h, NULL, 0);
	ck_assert_int_eq(h.n_sasaran, 1);
	cap_eq(&h.sasaran[0].capaian, NULL);
}
END_TEST

START_TEST(test_overflow)
{
	sasaran *s = sasaran_add("SS1");
	iku *k = iku_add(s, "K", "1", POLARITAS_POSITIF);
	tahunan_hasil h;
	lk_err e;

	k->ada_realisasi_tahunan = true;
	k->realisasi_tahunan = INT64_MAX;
	k->riwayat = arena_alloc(&R->mem, sizeof *k->riwayat);
	k->riwayat[0] = (tahun_nilai){ 2022, INT64_MIN };
	k->n_riwayat = 1;
	k->target = INT64_MAX;
	ck_assert_int_eq(tahunan_hitung(R, NULL, 0, NULL, &h, &e), EX_DATAERR);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("tahunan");
	TCase *tc = tcase_create("tahunan");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_kategori, 0, LK_NELEM(kategori_cases));
	tcase_add_test(tc, test_kategori_none);
	tcase_add_test(tc, test_realisasi_source);
	tcase_add_loop_test(tc, test_capaian_renstra, 0,
	    LK_NELEM(renstra_cases));
	tcase_add_test(tc, test_capaian_renstra_none);
	tcase_add_loop_test(tc, test_rata, 0, LK_NELEM(rata_cases));
	tcase_add_loop_test(tc, test_efisiensi, 0, LK_NELEM(efisiensi_cases));
	tcase_add_test(tc, test_from_printed);
	tcase_add_test(tc, test_sasaran_target_0);
	tcase_add_test(tc, test_program_anggaran_0);
	tcase_add_test(tc, test_sasaran_tanpa_program);
	tcase_add_test(tc, test_riwayat);
	tcase_add_test(tc, test_riwayat_none);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_overflow);
	suite_add_tcase(s, tc);
	return s;
}
