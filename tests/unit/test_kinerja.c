/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_kinerja.c - the figures of a quarter, and the model helpers. */
#include "config.h"
#include "lktest.h"

#include <inttypes.h>
#include <string.h>
#include <sysexits.h>

#include "core/dec.h"
#include "core/kinerja.h"
#include "core/model.h"

#define CAP 16

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

/* Machine numbers, as written in the exchange file. */
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

static sasaran *
sasaran_add(const char *kode)
{
	sasaran *s;

	ck_assert(R->n_sasaran < CAP);
	s = &R->sasaran[R->n_sasaran++];
	s->kode = arena_strdup(&R->mem, kode);
	s->uraian = arena_printf(&R->mem, "Sasaran %s", kode);
	s->iku = arena_alloc(&R->mem, CAP * sizeof *s->iku);
	return s;
}

static iku *
iku_add(sasaran *s, const char *kode, const char *target, enum polaritas p)
{
	iku *k;

	ck_assert(s->n_iku < CAP);
	k = &s->iku[s->n_iku++];
	k->kode = arena_strdup(&R->mem, kode);
	k->satuan = arena_strdup(&R->mem, "orang");
	k->polaritas = p;
	k->target = nilai(target);
	return k;
}

static void
iku_realisasi(iku *k, int tw, const char *v)
{
	k->ada_realisasi[tw] = true;
	k->realisasi[tw] = nilai(v);
}

static program *
program_add(const char *kode, const char *anggaran)
{
	program *p;

	ck_assert(R->n_program < CAP);
	p = &R->program[R->n_program++];
	p->kode = arena_strdup(&R->mem, kode);
	p->anggaran = uang(anggaran);
	return p;
}

static void
program_realisasi(program *p, int tw, const char *v)
{
	p->ada_realisasi[tw] = true;
	p->realisasi[tw] = uang(v);
}

/* The plan of /work/shared/fixtures/kesbangpol-kalteng-2023.yaml. */
static const struct {
	const char *sasaran, *iku, *target, *realisasi_tw2;
} fx_iku[] = {
	{ "SS1", "IKU1", "78.50", "79.30" },
	{ "SS2", "IKU2", "80", NULL },
	{ "SS3", "IKU3", "200", "100" },
	{ "SS4", "IKU4", "80", NULL },
	{ "SS5", "IKU5", "200", "130" },
};

static const struct {
	const char *kode, *anggaran, *realisasi_tw2;
} fx_program[] = {
	{ "P01", "11393254909", "4587938844" },
	{ "P03", "2569914900", "372094450" },
	{ "P04", "7009143400", "5983795950" },
	{ "P05", "3263514000", "234014577" },
	{ "P06", "1662060250", "150165408" },
	{ "P07", "2411546100", "324495384" },
};

static void
kesbangpol(void)
{
	for (size_t i = 0; i < LK_NELEM(fx_iku); i++) {
		iku *k = iku_add(sasaran_add(fx_iku[i].sasaran), fx_iku[i].iku,
		    fx_iku[i].target, POLARITAS_POSITIF);

		if (fx_iku[i].realisasi_tw2 != NULL)
			iku_realisasi(k, 2, fx_iku[i].realisasi_tw2);
	}
	for (size_t i = 0; i < LK_NELEM(fx_program); i++)
		program_realisasi(program_add(fx_program[i].kode,
		    fx_program[i].anggaran), 2, fx_program[i].realisasi_tw2);
}

static void
hitung(int tw, kinerja *k)
{
	lk_err e = { 0, "" };

	ck_assert_msg(kinerja_hitung(R, tw, NULL, k, &e) == 0, "%s", e.msg);
}

static const char *
persen(const capaian *c, char buf[DEC_BUFSZ])
{
	ck_assert_int_eq(c->status, CAPAIAN_ADA);
	return dec_format_persen(c->persen, buf);
}

/* Expected capaian table of quarter II; persen NULL = KOSONG. */
static const struct {
	const char *iku, *persen, *predikat;
} want_iku[] = {
	{ "IKU1", "101,02", "Sangat Tinggi" },
	{ "IKU2", NULL, NULL },
	{ "IKU3", "50,00", "Sangat Rendah" },
	{ "IKU4", NULL, NULL },
	{ "IKU5", "65,00", "Rendah" },
};

START_TEST(test_fixture_iku)
{
	/* given */
	kinerja k;
	const kinerja_iku *row;
	char buf[DEC_BUFSZ];

	kesbangpol();
	/* when */
	hitung(2, &k);
	/* then */
	ck_assert_int_eq(k.tw, 2);
	ck_assert_uint_eq(k.n_iku, LK_NELEM(want_iku));
	row = &k.iku[_i];
	ck_assert_uint_eq(row->no, (size_t)_i + 1);
	ck_assert_ptr_eq(row->sasaran, &R->sasaran[_i]);
	ck_assert_ptr_eq(row->iku, &R->sasaran[_i].iku[0]);
	ck_assert_str_eq(row->iku->kode, want_iku[_i].iku);
	ck_assert(!row->target_triwulan);
	ck_assert(row->target == R->sasaran[_i].iku[0].target);
	if (want_iku[_i].persen == NULL) {
		ck_assert(!row->ada_realisasi);
		ck_assert_int_eq(row->capaian.status, CAPAIAN_KOSONG);
		ck_assert_ptr_null(row->predikat);
	} else {
		ck_assert(row->ada_realisasi);
		ck_assert_str_eq(persen(&row->capaian, buf), want_iku[_i].persen);
		ck_assert_ptr_nonnull(row->predikat);
		ck_assert_str_eq(row->predikat->nama, want_iku[_i].predikat);
	}
}
END_TEST

static const char *const want_program[] = {
	"40,27", "14,48", "85,37", "7,17", "9,03", "13,46",
};

START_TEST(test_fixture_program)
{
	kinerja k;
	const kinerja_program *row;
	char buf[DEC_BUFSZ];

	kesbangpol();
	hitung(2, &k);
	ck_assert_uint_eq(k.n_program, LK_NELEM(want_program));
	row = &k.program[_i];
	ck_assert_uint_eq(row->no, (size_t)_i + 1);
	ck_assert_ptr_eq(row->program, &R->program[_i]);
	ck_assert(row->target == R->program[_i].anggaran);
	ck_assert(!row->target_triwulan);
	ck_assert(row->ada_realisasi);
	ck_assert(row->realisasi == R->program[_i].realisasi[2]);
	ck_assert_str_eq(persen(&row->capaian, buf), want_program[_i]);
}
END_TEST

START_TEST(test_fixture_jumlah)
{
	kinerja k;
	char buf[DEC_BUFSZ];

	kesbangpol();
	hitung(2, &k);
	ck_assert_str_eq(dec_format_uang(k.jumlah_anggaran, buf),
	    "28.309.433.559");
	ck_assert_str_eq(dec_format_uang(k.jumlah_target, buf),
	    "28.309.433.559");
	ck_assert(k.jumlah_ada_realisasi);
	ck_assert_str_eq(dec_format_uang(k.jumlah_realisasi, buf),
	    "11.652.504.613");
	ck_assert_str_eq(persen(&k.jumlah_capaian, buf), "41,16");
}
END_TEST

/* A quarter without any realisation: everything empty, nothing 0%. */
START_TEST(test_quarter_without_data)
{
	kinerja k;
	char buf[DEC_BUFSZ];

	kesbangpol();
	hitung(1, &k);
	ck_assert_uint_eq(k.n_iku, 5);
	for (size_t i = 0; i < k.n_iku; i++) {
		ck_assert_int_eq(k.iku[i].capaian.status, CAPAIAN_KOSONG);
		ck_assert_ptr_null(k.iku[i].predikat);
	}
	for (size_t i = 0; i < k.n_program; i++)
		ck_assert_int_eq(k.program[i].capaian.status, CAPAIAN_KOSONG);
	ck_assert(!k.jumlah_ada_realisasi);
	ck_assert(k.jumlah_realisasi == 0);
	ck_assert_int_eq(k.jumlah_capaian.status, CAPAIAN_KOSONG);
	ck_assert_str_eq(dec_format_uang(k.jumlah_anggaran, buf),
	    "28.309.433.559");
}
END_TEST

START_TEST(test_quarterly_targets)
{
	/* given: quarter II targets for one IKU and one program */
	kinerja k;
	char buf[DEC_BUFSZ];
	iku *ik = iku_add(sasaran_add("SS1"), "IKU1", "100", POLARITAS_POSITIF);
	program *a = program_add("P1", "1000");

	ik->ada_target_tw[2] = true;
	ik->target_tw[2] = nilai("40");
	iku_realisasi(ik, 2, "30");
	iku_realisasi(ik, 3, "30");
	a->ada_target_tw[2] = true;
	a->target_tw[2] = uang("500");
	program_realisasi(a, 2, "400");
	/* P2 has no realisation: counted in targets, not in realisasi */
	program_add("P2", "3000");

	/* when */
	hitung(2, &k);
	/* then: compared with the quarterly target */
	ck_assert(k.iku[0].target_triwulan);
	ck_assert(k.iku[0].target == nilai("40"));
	ck_assert_str_eq(persen(&k.iku[0].capaian, buf), "75,00");
	ck_assert_str_eq(k.iku[0].predikat->nama, "Sedang");
	ck_assert(k.program[0].target_triwulan);
	ck_assert_str_eq(persen(&k.program[0].capaian, buf), "80,00");
	ck_assert(!k.program[1].target_triwulan);
	ck_assert_int_eq(k.program[1].capaian.status, CAPAIAN_KOSONG);
	ck_assert_str_eq(dec_format_uang(k.jumlah_anggaran, buf), "4.000");
	ck_assert_str_eq(dec_format_uang(k.jumlah_target, buf), "3.500");
	ck_assert_str_eq(dec_format_uang(k.jumlah_realisasi, buf), "400");
	ck_assert_str_eq(persen(&k.jumlah_capaian, buf), "11,43");

	/* when: quarter III has no quarterly target */
	hitung(3, &k);
	/* then: the annual one */
	ck_assert(!k.iku[0].target_triwulan);
	ck_assert(k.iku[0].target == nilai("100"));
	ck_assert_str_eq(persen(&k.iku[0].capaian, buf), "30,00");
}
END_TEST

START_TEST(test_sasaran_without_iku)
{
	/* given: SS-A with two IKU, SS-B with none, SS-C with one */
	kinerja k;
	char buf[DEC_BUFSZ];
	sasaran *a = sasaran_add("SS-A");
	sasaran *c;

	iku_realisasi(iku_add(a, "A1", "10", POLARITAS_POSITIF), 2, "10");
	iku_add(a, "A2", "10", POLARITAS_POSITIF);
	sasaran_add("SS-B");
	c = sasaran_add("SS-C");
	iku_realisasi(iku_add(c, "C1", "8", POLARITAS_NEGATIF), 2, "9");

	/* when */
	hitung(2, &k);

	/* then */
	ck_assert_uint_eq(k.n_iku, 4);
	ck_assert_uint_eq(k.iku[0].no, 1);
	ck_assert_uint_eq(k.iku[1].no, 1);
	ck_assert_str_eq(k.iku[1].iku->kode, "A2");
	ck_assert_uint_eq(k.iku[2].no, 2);
	ck_assert_ptr_eq(k.iku[2].sasaran, &R->sasaran[1]);
	ck_assert_ptr_null(k.iku[2].iku);
	ck_assert(!k.iku[2].ada_realisasi);
	ck_assert_int_eq(k.iku[2].capaian.status, CAPAIAN_KOSONG);
	ck_assert_ptr_null(k.iku[2].predikat);
	ck_assert_uint_eq(k.iku[3].no, 3);
	/* negative polarity: target 8, realisasi 9 */
	ck_assert_str_eq(k.iku[3].iku->kode, "C1");
	ck_assert_str_eq(persen(&k.iku[3].capaian, buf), "87,50");
	ck_assert_str_eq(k.iku[3].predikat->nama, "Tinggi");
	ck_assert_uint_eq(k.n_program, 0);
	ck_assert_ptr_null(k.program);
	ck_assert_int_eq(k.jumlah_capaian.status, CAPAIAN_KOSONG);
}
END_TEST

START_TEST(test_target_zero)
{
	kinerja k;
	program *p;

	iku_realisasi(iku_add(sasaran_add("SS1"), "IKU1", "0",
	    POLARITAS_POSITIF), 2, "3");
	p = program_add("P1", "0");
	program_realisasi(p, 2, "0");
	hitung(2, &k);
	ck_assert_int_eq(k.iku[0].capaian.status, CAPAIAN_TAK_TERDEFINISI);
	ck_assert_ptr_null(k.iku[0].predikat);
	ck_assert_int_eq(k.program[0].capaian.status, CAPAIAN_TAK_TERDEFINISI);
	ck_assert(k.jumlah_ada_realisasi);
	ck_assert_int_eq(k.jumlah_capaian.status, CAPAIAN_TAK_TERDEFINISI);
}
END_TEST

/* A blank target (a year copied from the one before) gives no capaian,
 * not "-": printed empty, with no predikat; a quarterly target set for
 * the quarter is used still. */
START_TEST(test_target_blank)
{
	kinerja k;
	iku *a, *b;
	program *p;

	a = iku_add(sasaran_add("SS1"), "IKU1", "0", POLARITAS_POSITIF);
	iku_realisasi(a, 2, "3");
	a->target_kosong = true;
	b = iku_add(sasaran_add("SS2"), "IKU2", "0", POLARITAS_POSITIF);
	b->target_kosong = true;
	b->ada_target_tw[2] = true;
	b->target_tw[2] = 40000;
	iku_realisasi(b, 2, "2");
	p = program_add("P1", "0");
	p->anggaran_kosong = true;
	program_realisasi(p, 2, "100");
	hitung(2, &k);
	ck_assert(k.iku[0].target_kosong);
	ck_assert_int_eq(k.iku[0].capaian.status, CAPAIAN_KOSONG);
	ck_assert_ptr_null(k.iku[0].predikat);
	ck_assert(k.iku[0].ada_realisasi);
	ck_assert(!k.iku[1].target_kosong);
	ck_assert_int_eq(k.iku[1].capaian.status, CAPAIAN_ADA);
	ck_assert_int_eq(k.iku[1].capaian.persen, 5000);
	ck_assert(k.program[0].target_kosong);
	ck_assert_int_eq(k.program[0].capaian.status, CAPAIAN_KOSONG);
}
END_TEST

START_TEST(test_custom_predikat)
{
	static const predikat_band band[] = {
		{ "Baik", true, 10000, "baik" },
		{ "Belum", false, 0, "kurang" },
	};
	predikat_tabel pt = { band, LK_NELEM(band) };
	kinerja k;
	lk_err e = { 0, "" };

	kesbangpol();
	ck_assert_int_eq(kinerja_hitung(R, 2, &pt, &k, &e), 0);
	ck_assert_ptr_eq(k.iku[0].predikat, &band[0]);
	ck_assert_ptr_eq(k.iku[2].predikat, &band[1]);
}
END_TEST

static const int bad_tw[] = { 0, 5, -1, 100 };

START_TEST(test_bad_quarter)
{
	kinerja k;
	lk_err e = { 0, "" };

	memset(&k, 0x5a, sizeof k);
	kesbangpol();
	ck_assert_int_eq(kinerja_hitung(R, bad_tw[_i], NULL, &k, &e),
	    EX_USAGE);
	ck_assert_int_eq(e.code, EX_USAGE);
	ck_assert(e.msg[0] != '\0');
	ck_assert_int_eq(k.tw, 0x5a5a5a5a);
	ck_assert_int_eq(kinerja_hitung(R, bad_tw[_i], NULL, &k, NULL),
	    EX_USAGE);
}
END_TEST

START_TEST(test_overflow)
{
	kinerja k;
	lk_err e = { 0, "" };
	program *p;

	/* given: two budgets whose sum exceeds int64 */
	p = program_add("P1", "1");
	p->anggaran = INT64_MAX;
	p = program_add("P2", "1");
	p->anggaran = INT64_MAX;
	/* when/then */
	ck_assert_int_eq(kinerja_hitung(R, 2, NULL, &k, &e), EX_DATAERR);
	ck_assert_int_eq(e.code, EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "anggaran") != NULL, "%s", e.msg);

	/* given: a capaian that does not fit */
	teardown();
	setup();
	iku_add(sasaran_add("SS1"), "IKU9", "0.0001", POLARITAS_POSITIF);
	R->sasaran[0].iku[0].ada_realisasi[1] = true;
	R->sasaran[0].iku[0].realisasi[1] = INT64_MAX;
	e.code = 0;
	ck_assert_int_eq(kinerja_hitung(R, 1, NULL, &k, &e), EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "IKU9") != NULL, "%s", e.msg);
}
END_TEST

START_TEST(test_empty_plan)
{
	kinerja k;

	hitung(4, &k);
	ck_assert_uint_eq(k.n_iku, 0);
	ck_assert_uint_eq(k.n_program, 0);
	ck_assert(k.jumlah_anggaran == 0);
	ck_assert(!k.jumlah_ada_realisasi);
	ck_assert_int_eq(k.jumlah_capaian.status, CAPAIAN_KOSONG);
}
END_TEST

START_TEST(test_tw_romawi)
{
	static const char *const want[] = { "?", "I", "II", "III", "IV", "?" };

	for (int tw = 0; tw <= 5; tw++)
		ck_assert_str_eq(tw_romawi(tw), want[tw]);
	ck_assert_str_eq(tw_romawi(-3), "?");
}
END_TEST

static const struct {
	int y, m, d;
	bool ok;
} tanggal_cases[] = {
	{ 2023, 7, 14, true }, { 2023, 1, 31, true }, { 2023, 12, 31, true },
	{ 2024, 2, 29, true }, { 2000, 2, 29, true }, { 2023, 2, 28, true },
	{ 2023, 2, 29, false }, { 1900, 2, 29, false }, { 2100, 2, 29, false },
	{ 2023, 4, 31, false }, { 2023, 13, 1, false }, { 2023, 0, 1, false },
	{ 2023, 1, 0, false }, { 2023, 1, 32, false }, { 2023, 6, -1, false },
};

START_TEST(test_tanggal_sah)
{
	ck_assert_msg(tanggal_sah(tanggal_cases[_i].y, tanggal_cases[_i].m,
	    tanggal_cases[_i].d) == tanggal_cases[_i].ok, "%04d-%02d-%02d",
	    tanggal_cases[_i].y, tanggal_cases[_i].m, tanggal_cases[_i].d);
}
END_TEST

START_TEST(test_target_untuk)
{
	iku k;
	program p;

	memset(&k, 0, sizeof k);
	memset(&p, 0, sizeof p);
	k.target = 100;
	k.ada_target_tw[4] = true;
	k.target_tw[4] = 70;
	k.target_tw[3] = 55;    /* not flagged: ignored */
	p.anggaran = 1000;
	p.ada_target_tw[1] = true;
	p.target_tw[1] = 250;
	ck_assert(iku_target_untuk(&k, 4) == 70);
	ck_assert(iku_target_untuk(&k, 3) == 100);
	ck_assert(iku_target_untuk(&k, 0) == 100);
	ck_assert(iku_target_untuk(&k, 9) == 100);
	ck_assert(program_target_untuk(&p, 1) == 250);
	ck_assert(program_target_untuk(&p, 2) == 1000);
	ck_assert(program_target_untuk(&p, -1) == 1000);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("kinerja");
	TCase *tc;

	tc = tcase_create("fixture");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_fixture_iku, 0, (int)LK_NELEM(want_iku));
	tcase_add_loop_test(tc, test_fixture_program, 0,
	    (int)LK_NELEM(want_program));
	tcase_add_test(tc, test_fixture_jumlah);
	tcase_add_test(tc, test_quarter_without_data);
	suite_add_tcase(s, tc);

	tc = tcase_create("rows");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_quarterly_targets);
	tcase_add_test(tc, test_sasaran_without_iku);
	tcase_add_test(tc, test_target_zero);
	tcase_add_test(tc, test_target_blank);
	tcase_add_test(tc, test_custom_predikat);
	tcase_add_loop_test(tc, test_bad_quarter, 0, (int)LK_NELEM(bad_tw));
	tcase_add_test(tc, test_overflow);
	tcase_add_test(tc, test_empty_plan);
	suite_add_tcase(s, tc);

	tc = tcase_create("model");
	tcase_add_test(tc, test_tw_romawi);
	tcase_add_loop_test(tc, test_tanggal_sah, 0,
	    (int)LK_NELEM(tanggal_cases));
	tcase_add_test(tc, test_target_untuk);
	suite_add_tcase(s, tc);
	return s;
}
