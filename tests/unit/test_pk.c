/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_pk.c - what the Perjanjian Kinerja states (core/pk.h): every
 * datum the agreement prints changes the text, nothing else does; links
 * the core alone. */
#include "config.h"
#include "lktest.h"

#include <stdlib.h>
#include <string.h>

#include "core/pk.h"

static rencana *
plan(void)
{
	rencana *r = rencana_new();
	arena *a = &r->mem;
	sasaran *sa;
	iku *k;

	r->tahun = 2024;
	r->instansi.kode = arena_strdup(a, "kesbangpol");
	r->instansi.nama = arena_strdup(a, "Badan Kesatuan Bangsa dan Politik");
	r->instansi.kota = arena_strdup(a, "Palangka Raya");
	r->instansi.kepala.nama = arena_strdup(a, "Katma F. Dirun");
	r->instansi.kepala.jabatan = arena_strdup(a, "Kepala Badan");
	r->instansi.kepala.nip = arena_strdup(a, "196610221993081001");
	r->perjanjian.ada = true;
	r->perjanjian.tahun = 2024;
	r->perjanjian.bulan = 1;
	r->perjanjian.hari = 16;
	r->perjanjian.pihak_kedua.nama = arena_strdup(a, "Gubernur");
	r->perjanjian.pihak_kedua.jabatan = arena_strdup(a, "Gubernur Kalimantan Tengah");
	r->n_sasaran = 1;
	r->sasaran = arena_alloc(a, sizeof *r->sasaran);
	memset(r->sasaran, 0, sizeof *r->sasaran);
	sa = &r->sasaran[0];
	sa->kode = arena_strdup(a, "SS1");
	sa->uraian = arena_strdup(a, "Meningkatnya demokrasi");
	sa->n_iku = 1;
	sa->iku = arena_alloc(a, sizeof *sa->iku);
	memset(sa->iku, 0, sizeof *sa->iku);
	k = &sa->iku[0];
	k->kode = arena_strdup(a, "IDI");
	k->uraian = arena_strdup(a, "Indeks Demokrasi\\Indonesia\nbaris dua");
	k->satuan = arena_strdup(a, "indeks");
	k->target = 780000;
	r->n_program = 1;
	r->program = arena_alloc(a, sizeof *r->program);
	memset(r->program, 0, sizeof *r->program);
	r->program[0].kode = arena_strdup(a, "P01");
	r->program[0].uraian = arena_strdup(a, "Program Ideologi");
	r->program[0].anggaran = 100000000;
	return r;
}

static iku *idi(rencana *r) { return &r->sasaran[0].iku[0]; }
static void m_target(rencana *r) { idi(r)->target++; }
static void m_target_tw(rencana *r) { idi(r)->ada_target_tw[2] = true; idi(r)->target_tw[2] = 1; }
static void m_satuan(rencana *r) { idi(r)->satuan = arena_strdup(&r->mem, "nilai"); }
static void m_polaritas(rencana *r) { idi(r)->polaritas = POLARITAS_NEGATIF; }
static void m_uraian(rencana *r) { r->sasaran[0].uraian = arena_strdup(&r->mem, "Lain"); }
static void m_anggaran(rencana *r) { r->program[0].anggaran = 1; }
static void m_program(rencana *r) { r->n_program = 0; }
static void m_kepala(rencana *r) { r->instansi.kepala.nama = arena_strdup(&r->mem, "Lain"); }
static void m_pangkat(rencana *r) { r->instansi.kepala.pangkat = arena_strdup(&r->mem, "IV/d"); }
static void m_tanggal(rencana *r) { r->perjanjian.hari = 17; }
static void m_kedua(rencana *r) { r->perjanjian.pihak_kedua.nip = arena_strdup(&r->mem, "1"); }
static void m_none(rencana *r) { r->perjanjian.ada = false; }
static void m_kota(rencana *r) { r->instansi.kota = NULL; }
static void m_tahun(rencana *r) { r->tahun = 2025; }
/* Not stated by the agreement. */
static void m_realisasi(rencana *r) { idi(r)->ada_realisasi[2] = true; idi(r)->realisasi[2] = 5; }
static void m_narasi(rencana *r) { r->sasaran[0].narasi[1] = arena_strdup(&r->mem, "x"); }
static void m_bidang(rencana *r) { r->sasaran[0].bidang = arena_strdup(&r->mem, "pol"); }
static void m_prog_real(rencana *r) { r->program[0].ada_realisasi[1] = true; r->program[0].realisasi[1] = 7; }
static void m_renstra(rencana *r) { r->renstra.ada = true; r->renstra.awal = 2021; r->renstra.akhir = 2026; }
static void m_kesimpulan(rencana *r) { r->tw[2].kesimpulan = arena_strdup(&r->mem, "x"); }
static void m_standar(rencana *r) { idi(r)->ada_standar_nasional = true; idi(r)->standar_nasional = 1; }

static const struct {
	const char *name;
	void (*mutate)(rencana *);
	bool stated;
} cases[] = {
	{ "annual target", m_target, true },
	{ "quarterly target", m_target_tw, true },
	{ "satuan", m_satuan, true },
	{ "polaritas", m_polaritas, true },
	{ "sasaran uraian", m_uraian, true },
	{ "anggaran", m_anggaran, true },
	{ "a program less", m_program, true },
	{ "the head's name", m_kepala, true },
	{ "the head's pangkat", m_pangkat, true },
	{ "the agreement's date", m_tanggal, true },
	{ "pihak kedua's NIP", m_kedua, true },
	{ "no agreement", m_none, true },
	{ "the place", m_kota, true },
	{ "the year", m_tahun, true },
	{ "a realisation", m_realisasi, false },
	{ "a narrative", m_narasi, false },
	{ "a sasaran's bidang", m_bidang, false },
	{ "a budget realisation", m_prog_real, false },
	{ "the Renstra period", m_renstra, false },
	{ "a quarter's conclusion", m_kesimpulan, false },
	{ "a national standard", m_standar, false },
};

START_TEST(test_isi)
{
	rencana *r = plan();
	char *a, *b;
	size_t la, lb;

	a = pk_isi(r, &la);
	cases[_i].mutate(r);
	b = pk_isi(r, &lb);
	ck_assert_uint_eq(strlen(a), la);
	if (cases[_i].stated)
		ck_assert_msg(strcmp(a, b) != 0, "%s: the text did not change",
			      cases[_i].name);
	else
		ck_assert_msg(strcmp(a, b) == 0, "%s: the text changed",
			      cases[_i].name);
	free(a);
	free(b);
	rencana_free(r);
}
END_TEST

/* One datum a line: a backslash and a line break inside a value are
 * escaped, so that no value can pose as another line. */
START_TEST(test_escaped)
{
	rencana *r = plan();
	char *t = pk_isi(r, NULL);

	ck_assert_ptr_nonnull(strstr(t, "\niku.uraian=Indeks Demokrasi\\\\Indonesia\\nbaris dua\n"));
	ck_assert_ptr_nonnull(strstr(t, "\niku.target=780000\n"));
	ck_assert_ptr_nonnull(strstr(t, "\nperjanjian.tanggal=2024-01-16\n"));
	ck_assert_ptr_nonnull(strstr(t, "\npihak_pertama.pangkat\n"));   /* absent */
	ck_assert_ptr_nonnull(strstr(t, "\nprogram.anggaran=100000000\n"));
	ck_assert_int_eq(strncmp(t, "lakip-pk/1\n", 11), 0);
	free(t);
	rencana_free(r);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("pk");
	TCase *tc = tcase_create("pk");

	tcase_add_loop_test(tc, test_isi, 0, (int)LK_NELEM(cases));
	tcase_add_test(tc, test_escaped);
	suite_add_tcase(s, tc);
	return s;
}
