/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "lktest.h"

#include "core/dec.h"
#include "core/kinerja.h"
#include "io/exchange.h"
#include "io/predikat_load.h"
#include "io/yamldoc.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define FIXTURE "examples/kesbangpol-kalteng-2023.yaml"

/* ---- helpers ---- */

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* exchange_write into a malloc'ed string. */
static char *
write_str(const rencana *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	lk_err e = { 0 };

	ck_assert_ptr_nonnull(f);
	ck_assert_msg(exchange_write(f, r, &e) == 0, "write: %s", e.msg);
	fclose(f);
	return buf;
}

static rencana *
read_str(const char *name, const char *s)
{
	rencana *r = NULL;
	lk_err e = { 0 };

	ck_assert_msg(exchange_read_buffer(name, s, strlen(s), &r, &e) == 0,
	    "read %s: %s", name, e.msg);
	ck_assert_ptr_nonnull(r);
	return r;
}

static void
write_file(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fputs(s, f) >= 0, 1);
	ck_assert_int_eq(fclose(f), 0);
}

/* snprintf for paths in messages (truncation is fine). */
static void
fmt(char *buf, size_t n, const char *f, ...) __attribute__((format(printf, 3, 4)));

static void
fmt(char *buf, size_t n, const char *f, ...)
{
	va_list ap;

	va_start(ap, f);
	vsnprintf(buf, n, f, ap);
	va_end(ap);
}

/* First difference between two models, as a path; NULL when equal. */
typedef struct diff {
	char at[256];
	bool differ;
} diff;

static bool
note(diff *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool
note(diff *d, const char *fmt, ...)
{
	va_list ap;

	if (d->differ)
		return false;
	va_start(ap, fmt);
	vsnprintf(d->at, sizeof d->at, fmt, ap);
	va_end(ap);
	d->differ = true;
	return false;
}

static bool
str_same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

#define SAME_STR(d, a, b, ...) \
	(str_same((a), (b)) || note((d), __VA_ARGS__))
#define SAME(d, a, b, ...) ((a) == (b) || note((d), __VA_ARGS__))

static bool
same_strs(diff *d, char *const *a, size_t na, char *const *b, size_t nb,
	  const char *what)
{
	if (na != nb)
		return note(d, "%s: count %zu vs %zu", what, na, nb);
	for (size_t i = 0; i < na; i++)
		if (!SAME_STR(d, a[i], b[i], "%s[%zu]", what, i))
			return false;
	return true;
}

static bool
same_pejabat(diff *d, const pejabat *a, const pejabat *b, const char *w)
{
	return SAME_STR(d, a->nama, b->nama, "%s.nama", w) &&
	    SAME_STR(d, a->jabatan, b->jabatan, "%s.jabatan", w) &&
	    SAME_STR(d, a->pangkat, b->pangkat, "%s.pangkat", w) &&
	    SAME_STR(d, a->nip, b->nip, "%s.nip", w);
}

static bool
same_tw_values(diff *d, const bool *aa, const int64_t *av, const bool *ba,
	       const int64_t *bv, const char *w)
{
	for (int t = 1; t <= TW_MAX; t++) {
		if (!SAME(d, aa[t], ba[t], "%s[%d] set", w, t))
			return false;
		if (aa[t] && !SAME(d, av[t], bv[t], "%s[%d]", w, t))
			return false;
	}
	return true;
}

static bool
same_tabel(diff *d, const tabel *a, const tabel *b, const char *w)
{
	char p[128];

	if (!SAME_STR(d, a->judul, b->judul, "%s.judul", w) ||
	    !SAME_STR(d, a->catatan, b->catatan, "%s.catatan", w))
		return false;
	fmt(p, sizeof p, "%s.kolom", w);
	if (!same_strs(d, a->kolom, a->n_kolom, b->kolom, b->n_kolom, p))
		return false;
	if (!SAME(d, a->n_baris, b->n_baris, "%s.n_baris", w))
		return false;
	for (size_t i = 0; i < a->n_baris; i++) {
		fmt(p, sizeof p, "%s.baris[%zu]", w, i);
		if (!same_strs(d, a->baris[i], a->n_sel[i], b->baris[i],
		    b->n_sel[i], p))
			return false;
	}
	return true;
}

static bool
same_sasaran(diff *d, const sasaran *a, const sasaran *b, size_t i)
{
	char p[128];

	if (!SAME_STR(d, a->kode, b->kode, "sasaran[%zu].kode", i) ||
	    !SAME_STR(d, a->uraian, b->uraian, "sasaran[%zu].uraian", i) ||
	    !SAME_STR(d, a->bidang, b->bidang, "sasaran[%zu].bidang", i) ||
	    !SAME(d, a->n_iku, b->n_iku, "sasaran[%zu].n_iku", i))
		return false;
	for (size_t j = 0; j < a->n_iku; j++) {
		const iku *x = &a->iku[j], *y = &b->iku[j];

		fmt(p, sizeof p, "sasaran[%zu].iku[%zu]", i, j);
		if (!SAME_STR(d, x->kode, y->kode, "%s.kode", p) ||
		    !SAME_STR(d, x->uraian, y->uraian, "%s.uraian", p) ||
		    !SAME_STR(d, x->satuan, y->satuan, "%s.satuan", p) ||
		    !SAME(d, x->polaritas, y->polaritas, "%s.polaritas", p) ||
		    !SAME(d, x->target, y->target, "%s.target", p) ||
		    !same_tw_values(d, x->ada_target_tw, x->target_tw,
		    y->ada_target_tw, y->target_tw, p) ||
		    !same_tw_values(d, x->ada_realisasi, x->realisasi,
		    y->ada_realisasi, y->realisasi, p))
			return false;
	}
	for (int t = 1; t <= TW_MAX; t++) {
		if (!SAME_STR(d, a->narasi[t], b->narasi[t],
		    "sasaran[%zu].narasi[%d]", i, t) ||
		    !SAME(d, a->n_tabel[t], b->n_tabel[t],
		    "sasaran[%zu].n_tabel[%d]", i, t))
			return false;
		for (size_t j = 0; j < a->n_tabel[t]; j++) {
			fmt(p, sizeof p, "sasaran[%zu].tabel[%d][%zu]", i,
			    t, j);
			if (!same_tabel(d, &a->tabel[t][j], &b->tabel[t][j], p))
				return false;
		}
	}
	return true;
}

static bool
same_program(diff *d, const program *a, const program *b, size_t i)
{
	char p[64];

	fmt(p, sizeof p, "program[%zu]", i);
	return SAME_STR(d, a->kode, b->kode, "%s.kode", p) &&
	    SAME_STR(d, a->uraian, b->uraian, "%s.uraian", p) &&
	    SAME(d, a->anggaran, b->anggaran, "%s.anggaran", p) &&
	    same_tw_values(d, a->ada_target_tw, a->target_tw, b->ada_target_tw,
	    b->target_tw, p) &&
	    same_tw_values(d, a->ada_realisasi, a->realisasi, b->ada_realisasi,
	    b->realisasi, p) &&
	    same_strs(d, a->sasaran, a->n_sasaran, b->sasaran, b->n_sasaran, p);
}

static bool
same_triwulan(diff *d, const triwulan *a, const triwulan *b, int t)
{
	char p[64];

	fmt(p, sizeof p, "tw[%d]", t);
	if (!SAME(d, a->ada, b->ada, "%s.ada", p))
		return false;
	if (!a->ada)
		return true;
	if (!SAME(d, a->tahun, b->tahun, "%s.tahun", p) ||
	    !SAME(d, a->bulan, b->bulan, "%s.bulan", p) ||
	    !SAME(d, a->hari, b->hari, "%s.hari", p) ||
	    !same_strs(d, a->permasalahan, a->n_permasalahan, b->permasalahan,
	    b->n_permasalahan, p) ||
	    !same_strs(d, a->tindak_lanjut, a->n_tindak_lanjut,
	    b->tindak_lanjut, b->n_tindak_lanjut, p) ||
	    !SAME_STR(d, a->kesimpulan, b->kesimpulan, "%s.kesimpulan", p) ||
	    !SAME(d, a->n_teks, b->n_teks, "%s.n_teks", p))
		return false;
	for (size_t i = 0; i < a->n_teks; i++)
		if (!SAME_STR(d, a->teks[i].nama, b->teks[i].nama,
		    "%s.teks[%zu].nama", p, i) ||
		    !SAME_STR(d, a->teks[i].teks, b->teks[i].teks,
		    "%s.teks[%zu].teks", p, i))
			return false;
	return true;
}

static bool
same_rencana(diff *d, const rencana *a, const rencana *b)
{
	const instansi *x = &a->instansi, *y = &b->instansi;

	if (!SAME_STR(d, x->kode, y->kode, "instansi.kode") ||
	    !SAME_STR(d, x->nama, y->nama, "instansi.nama") ||
	    !SAME_STR(d, x->pemerintah, y->pemerintah, "instansi.pemerintah") ||
	    !SAME_STR(d, x->kota, y->kota, "instansi.kota") ||
	    !SAME_STR(d, x->logo, y->logo, "instansi.logo") ||
	    !same_pejabat(d, &x->kepala, &y->kepala, "instansi.kepala") ||
	    !SAME(d, x->n_bidang, y->n_bidang, "instansi.n_bidang") ||
	    !SAME(d, a->tahun, b->tahun, "tahun") ||
	    !SAME(d, a->n_sasaran, b->n_sasaran, "n_sasaran") ||
	    !SAME(d, a->n_program, b->n_program, "n_program"))
		return false;
	for (size_t i = 0; i < x->n_bidang; i++)
		if (!SAME_STR(d, x->bidang[i].kode, y->bidang[i].kode,
		    "bidang[%zu].kode", i) ||
		    !SAME_STR(d, x->bidang[i].nama, y->bidang[i].nama,
		    "bidang[%zu].nama", i) ||
		    !SAME(d, x->bidang[i].ada_kepala, y->bidang[i].ada_kepala,
		    "bidang[%zu].ada_kepala", i) ||
		    !same_pejabat(d, &x->bidang[i].kepala, &y->bidang[i].kepala,
		    "bidang.kepala"))
			return false;
	for (size_t i = 0; i < a->n_sasaran; i++)
		if (!same_sasaran(d, &a->sasaran[i], &b->sasaran[i], i))
			return false;
	for (size_t i = 0; i < a->n_program; i++)
		if (!same_program(d, &a->program[i], &b->program[i], i))
			return false;
	for (int t = 1; t <= TW_MAX; t++)
		if (!same_triwulan(d, &a->tw[t], &b->tw[t], t))
			return false;
	return true;
}

/* read -> write -> read -> write: same bytes, same models. Returns the
 * first output (caller frees). */
static char *
round_trip(const rencana *r0)
{
	char *w1, *w2;
	rencana *r1, *r2;
	diff d = { .differ = false };

	w1 = write_str(r0);
	r1 = read_str("w1.yaml", w1);
	ck_assert_msg(same_rencana(&d, r0, r1), "model differs after one "
	    "round trip at %s", d.at);
	w2 = write_str(r1);
	ck_assert_str_eq(w1, w2);
	r2 = read_str("w2.yaml", w2);
	ck_assert_msg(same_rencana(&d, r1, r2), "model differs at %s", d.at);
	/* The comparison itself can fail. */
	r2->sasaran[0].uraian = "lain";
	ck_assert(!same_rencana(&d, r1, r2));
	ck_assert_str_eq(d.at, "sasaran[0].uraian");
	rencana_free(r1);
	rencana_free(r2);
	free(w2);
	return w1;
}

/* ---- the fixture ---- */

START_TEST(test_fixture)
{
	rencana *r = NULL;
	lk_err e = { 0 };
	const iku *k;
	const tabel *tb;
	int64_t total = 0, spent = 0;

	ck_assert_msg(exchange_read_file(lktest_path(FIXTURE), &r, &e) == 0,
	    "%s", e.msg);
	ck_assert_str_eq(r->instansi.kode, "kesbangpol-kalteng");
	ck_assert_str_eq(r->instansi.kota, "Palangka Raya");
	ck_assert_ptr_null(r->instansi.logo);
	ck_assert_str_eq(r->instansi.kepala.nama,
	    "Dr. H.M. KATMA F. DIRUN, S.E., M.M.");
	ck_assert_str_eq(r->instansi.kepala.pangkat,
	    "Pembina Utama Madya (IV/d)");
	ck_assert_str_eq(r->instansi.kepala.nip, "196610221993081001");
	ck_assert_uint_eq(r->instansi.n_bidang, 4);
	ck_assert_str_eq(r->instansi.bidang[3].kode, "ekososbud");
	ck_assert(!r->instansi.bidang[0].ada_kepala);
	ck_assert_int_eq(r->tahun, 2023);
	ck_assert_uint_eq(r->n_sasaran, 5);
	ck_assert_uint_eq(r->n_program, 6);
	ck_assert_str_eq(r->sasaran[2].bidang, "ideologi");
	k = &r->sasaran[0].iku[0];
	ck_assert_str_eq(k->kode, "IKU1");
	ck_assert_str_eq(k->satuan, "nilai");
	ck_assert_int_eq(k->target, 785000);
	ck_assert_int_eq(k->polaritas, POLARITAS_POSITIF);
	ck_assert(!k->ada_target_tw[2]);
	ck_assert(k->ada_realisasi[2]);
	ck_assert_int_eq(k->realisasi[2], 793000);
	ck_assert(!k->ada_realisasi[1]);
	ck_assert_str_eq(r->sasaran[1].iku[0].satuan, "%");
	ck_assert(!r->sasaran[1].iku[0].ada_realisasi[2]);   /* IKU2 */
	ck_assert(!r->sasaran[3].iku[0].ada_realisasi[2]);   /* IKU4 */
	ck_assert_int_eq(r->sasaran[4].iku[0].realisasi[2], 1300000);
	ck_assert_str_eq(r->program[0].kode, "P01");
	ck_assert_int_eq(r->program[0].anggaran, 1139325490900);
	ck_assert_uint_eq(r->program[0].n_sasaran, 0);
	ck_assert_uint_eq(r->program[1].n_sasaran, 1);
	ck_assert_str_eq(r->program[1].sasaran[0], "SS3");
	for (size_t i = 0; i < r->n_program; i++) {
		total += r->program[i].anggaran;
		spent += r->program[i].realisasi[2];
	}
	ck_assert_int_eq(total, 2830943355900);
	ck_assert_int_eq(spent, 1165250461300);
	ck_assert(!r->tw[1].ada);
	ck_assert(r->tw[2].ada);
	ck_assert(!r->tw[3].ada && !r->tw[4].ada);
	ck_assert_int_eq(r->tw[2].tahun, 2023);
	ck_assert_int_eq(r->tw[2].bulan, 7);
	ck_assert_int_eq(r->tw[2].hari, 14);
	ck_assert_uint_eq(r->tw[2].n_permasalahan, 2);
	ck_assert_uint_eq(r->tw[2].n_tindak_lanjut, 2);
	ck_assert_uint_eq(r->tw[2].n_teks, 0);
	/* Literal blocks lose their final newline; inner lines stay. */
	ck_assert_ptr_nonnull(strstr(r->sasaran[0].narasi[2],
	    "\n\nKegiatan pendukung pada triwulan ini:\n- Pendidikan"));
	ck_assert_int_ne(r->sasaran[0].narasi[2][strlen(
	    r->sasaran[0].narasi[2]) - 1], '\n');
	ck_assert_ptr_nonnull(r->tw[2].kesimpulan);
	ck_assert_uint_eq(r->sasaran[0].n_tabel[2], 1);
	ck_assert_uint_eq(r->sasaran[1].n_tabel[2], 0);
	tb = &r->sasaran[0].tabel[2][0];
	ck_assert_uint_eq(tb->n_baris, 5);
	ck_assert_uint_eq(tb->n_kolom, 4);
	ck_assert_str_eq(tb->kolom[1], "2021");
	ck_assert_str_eq(tb->baris[0][1], "73,17");
	ck_assert_str_eq(tb->baris[4][3], "");
	ck_assert_ptr_null(tb->catatan);
	rencana_free(r);
}
END_TEST

START_TEST(test_fixture_round_trip)
{
	rencana *r = NULL;
	lk_err e = { 0 };
	char *w;

	ck_assert_int_eq(exchange_read_file(lktest_path(FIXTURE), &r, &e), 0);
	w = round_trip(r);
	ck_assert_ptr_eq(strstr(w, "format: lakip/1\ninstansi:\n"), w);
	ck_assert_ptr_nonnull(strstr(w, "\n    nip: \"196610221993081001\"\n"));
	ck_assert_ptr_nonnull(strstr(w, "\n    target: 78.5\n"));
	ck_assert_ptr_nonnull(strstr(w, "\n    polaritas: positif\n"));
	ck_assert_ptr_nonnull(strstr(w, "\n  anggaran: 11393254909\n"));
	ck_assert_ptr_nonnull(strstr(w, "\n  sasaran: [SS3]\n"));
	ck_assert_ptr_nonnull(strstr(w, "\ntriwulan:\n  2:\n    tanggal: "
	    "2023-07-14\n    realisasi_iku:\n      IKU1: 79.3\n      IKU3: 100\n"
	    "      IKU5: 130\n    realisasi_program:\n"));
	ck_assert_ptr_nonnull(strstr(w, "\n      SS1: |-\n        Indikator"));
	ck_assert_ptr_nonnull(strstr(w, "\n        kolom: [Deskripsi, \"2021\", "
	    "\"2022\", Kategori]\n"));
	ck_assert_ptr_nonnull(strstr(w, "\n        - [Peringkat, \"26\", \"16\", "
	    "\"\"]\n"));
	ck_assert_ptr_null(strstr(w, "logo"));
	ck_assert_ptr_null(strstr(w, "target_triwulan"));
	ck_assert_ptr_null(strstr(w, "IKU2:"));
	free(w);
	rencana_free(r);
}
END_TEST

/* ---- every optional feature ---- */

static const char rich_doc[] =
    "format: lakip/1\n"
    "instansi:\n"
    "  kode: dinas-2021\n"
    "  nama: \"Dinas: Uji é ≤ × “ ” –\"\n"
    "  pemerintah: Pemerintah Kota \"Contoh\"\n"
    "  kota: \"yes\"\n"
    "  logo: img/logo.png\n"
    "  kepala:\n"
    "    nama: \"- x\"\n"
    "    jabatan: \"#x\"\n"
    "    pangkat: \"a: b\"\n"
    "    nip: \" 19661022 199308 1 001 \"\n"
    "  bidang:\n"
    "    - kode: \"2021\"\n"
    "      nama: \"no\"\n"
    "      kepala:\n"
    "        nama: Ani\n"
    "        jabatan: Kabid\n"
    "    - kode: b2\n"
    "      nama: 'null'\n"
    "      kepala:\n"
    "        nama: Budi\n"
    "        jabatan: Kabid\n"
    "        pangkat: Penata (III/c)\n"
    "        nip: 198001012005011002\n"
    "tahun: 2024\n"
    "sasaran:\n"
    "  - kode: SS1\n"
    "    uraian: \"2021\"\n"
    "    bidang: \"2021\"\n"
    "    iku:\n"
    "      - kode: IKU-A\n"
    "        uraian: \"1e3\"\n"
    "        satuan: \"%\"\n"
    "        polaritas: negatif\n"
    "        target: \"8\"\n"
    "        target_triwulan: {4: 8, 1: 2.5, 2: 0}\n"
    "      - kode: \"0x1F\"\n"
    "        uraian: \".5\"\n"
    "        satuan: \"1_000\"\n"
    "        target: 0.0001\n"
    "  - kode: SS2\n"
    "    uraian: \"2023-07-14\"\n"
    "    iku: []\n"
    "  - kode: \"true\"\n"
    "    uraian: 'Kutip '' tunggal, \"ganda\" dan \\ garis miring'\n"
    "    iku:\n"
    "      - kode: I3\n"
    "        uraian: \"@awal\"\n"
    "        satuan: \"~\"\n"
    "        polaritas: positif\n"
    "        target: 922337203685477.5807\n"
    "program:\n"
    "  - kode: 2.17.01\n"
    "    uraian: \"Program: satu\"\n"
    "    anggaran: 0.01\n"
    "    target_triwulan: {1: 0, 3: 1.5}\n"
    "    sasaran: [SS1, \"true\"]\n"
    "  - kode: P2\n"
    "    uraian: \"%persen\"\n"
    "    anggaran: 92233720368547758.07\n"
    "triwulan:\n"
    "  4:\n"
    "    tanggal: \"2024-12-31\"\n"
    "    realisasi_iku:\n"
    "      I3: -5.25\n"
    "      IKU-A: 9\n"
    "    kesimpulan: Akhir\n"
    "  1:\n"
    "    tanggal: 2024-04-05\n"
    "    realisasi_iku:\n"
    "      IKU-A: 1\n"
    "      \"0x1F\": ~\n"
    "    realisasi_program:\n"
    "      P2: 0\n"
    "      2.17.01:\n"
    "    narasi:\n"
    "      SS2: |\n"
    "        Paragraf **satu** dengan *miring*.\n"
    "\n"
    "        - butir satu\n"
    "        - butir dua\n"
    "          lanjut\n"
    "        1. nomor\n"
    "        a) huruf: é ≤ × “ ” –\n"
    "      \"true\": \"baris  dengan spasi ganda\"\n"
    "      SS1: \"Baris satu \\nbaris dua, spasi di akhir baris pertama\"\n"
    "    tabel:\n"
    "      \"true\":\n"
    "        - judul: \"Tabel: 1\"\n"
    "          kolom: [\"\", \"a, b\", \"[x]\", \"{y}\", \"2021\", \"no\"]\n"
    "          baris:\n"
    "            - [\"\", \"1,5\", \"a: b\", \"#\", \"- x\", \"é ≤ × “ ” –\"]\n"
    "            - [x, y, z, \"multi\\nline\", \"tab\\there\", \"\\U0001F600\"]\n"
    "          catatan: Catatan *kecil*\n"
    "        - judul: Kosong\n"
    "          kolom: [k]\n"
    "          baris: []\n"
    "    permasalahan:\n"
    "      - \"yes\"\n"
    "      - \"Masalah: dua\"\n"
    "      - \"'kutip'\"\n"
    "    tindak_lanjut:\n"
    "      - \"no\"\n"
    "    kesimpulan: |\n"
    "      Baris satu\n"
    "      Baris dua\n"
    "    teks:\n"
    "      \"2021\": \"\"\n"
    "      pembuka: |\n"
    "        Teks pembuka\n"
    "      \"yes\": \"on\"\n"
    "  3:\n"
    "    tanggal: 2024-10-01\n";

START_TEST(test_rich_round_trip)
{
	const char *dir = lktest_tmpdir();
	char path[PATH_MAX], logo[PATH_MAX], *abs, *w;
	const char *p3, *p4;
	rencana *r = NULL;
	lk_err e = { 0 };
	const triwulan *t1;

	snprintf(path, sizeof path, "%s/img", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(logo, sizeof logo, "%s/img/logo.png", dir);
	write_file(logo, "PNG");
	snprintf(path, sizeof path, "%s/rich.yaml", dir);
	write_file(path, rich_doc);
	ck_assert_msg(exchange_read_file(path, &r, &e) == 0, "%s", e.msg);

	abs = realpath(logo, NULL);
	ck_assert_str_eq(r->instansi.logo, abs);
	free(abs);
	ck_assert_str_eq(r->instansi.kepala.nip, "196610221993081001");
	ck_assert_str_eq(r->instansi.kota, "yes");
	ck_assert(r->instansi.bidang[0].ada_kepala);
	ck_assert_ptr_null(r->instansi.bidang[0].kepala.pangkat);
	ck_assert_ptr_null(r->instansi.bidang[0].kepala.nip);
	ck_assert_str_eq(r->instansi.bidang[1].nama, "null");
	ck_assert_str_eq(r->sasaran[0].bidang, "2021");
	ck_assert_ptr_null(r->sasaran[1].bidang);
	ck_assert_int_eq(r->sasaran[0].iku[0].polaritas, POLARITAS_NEGATIF);
	ck_assert_int_eq(r->sasaran[0].iku[0].target, 80000);
	ck_assert(r->sasaran[0].iku[0].ada_target_tw[1]);
	ck_assert_int_eq(r->sasaran[0].iku[0].target_tw[1], 25000);
	ck_assert(r->sasaran[0].iku[0].ada_target_tw[2]);
	ck_assert_int_eq(r->sasaran[0].iku[0].target_tw[2], 0);
	ck_assert(!r->sasaran[0].iku[0].ada_target_tw[3]);
	ck_assert_int_eq(r->sasaran[0].iku[1].target, 1);
	ck_assert_uint_eq(r->sasaran[1].n_iku, 0);
	ck_assert_int_eq(r->sasaran[2].iku[0].target, INT64_MAX);
	ck_assert_int_eq(r->sasaran[2].iku[0].realisasi[4], -52500);
	ck_assert(!r->sasaran[0].iku[1].ada_realisasi[1]);   /* null */
	ck_assert_str_eq(r->program[0].kode, "2.17.01");
	ck_assert_int_eq(r->program[0].anggaran, 1);
	ck_assert_int_eq(r->program[1].anggaran, INT64_MAX);
	ck_assert(!r->program[0].ada_realisasi[1]);            /* null */
	ck_assert(r->program[1].ada_realisasi[1]);
	ck_assert_int_eq(r->program[1].realisasi[1], 0);
	ck_assert_str_eq(r->program[0].sasaran[1], "true");
	ck_assert(r->tw[1].ada && !r->tw[2].ada && r->tw[3].ada && r->tw[4].ada);
	t1 = &r->tw[1];
	ck_assert_uint_eq(t1->n_teks, 3);
	ck_assert_str_eq(t1->teks[0].nama, "2021");
	ck_assert_str_eq(t1->teks[0].teks, "");
	ck_assert_str_eq(t1->teks[1].teks, "Teks pembuka");
	ck_assert_str_eq(t1->kesimpulan, "Baris satu\nBaris dua");
	ck_assert_str_eq(r->sasaran[2].tabel[1][0].baris[1][5], "\xF0\x9F\x98\x80");
	ck_assert_str_eq(r->sasaran[2].tabel[1][0].kolom[0], "");
	ck_assert_uint_eq(r->sasaran[2].tabel[1][1].n_baris, 0);
	ck_assert_str_eq(r->sasaran[0].narasi[1],
	    "Baris satu \nbaris dua, spasi di akhir baris pertama");

	w = round_trip(r);
	/* Canonical order: quarters ascending, realisations in plan order. */
	ck_assert_ptr_nonnull(strstr(w, "\ntriwulan:\n  1:\n"));
	p3 = strstr(w, "\n  3:\n    tanggal: 2024-10-01\n");
	p4 = strstr(w, "\n  4:\n    tanggal: 2024-12-31\n    realisasi_iku:\n"
	    "      IKU-A: 9\n      I3: -5.25\n");
	ck_assert(p3 != NULL && p4 != NULL && p3 < p4);
	ck_assert_ptr_nonnull(strstr(w, "\n    target_triwulan:\n      1: 2.5\n"
	    "      2: 0\n      4: 8\n"));
	ck_assert_ptr_nonnull(strstr(w, "\n    realisasi_program:\n      P2: 0\n"
	    "    narasi:\n      SS1: \"Baris satu \\nbaris dua"));
	ck_assert_ptr_nonnull(strstr(w, "\n  kota: \"yes\"\n"));
	ck_assert_ptr_nonnull(strstr(w, "\n- kode: \"2.17.01\"\n"));
	ck_assert_ptr_nonnull(strstr(w, "\n  sasaran: [SS1, \"true\"]\n"));
	ck_assert_ptr_nonnull(strstr(w, "\n      \"true\": baris  dengan"));
	ck_assert_ptr_nonnull(strstr(w, "\n        a) huruf: é ≤ × “ ” –"));
	ck_assert_ptr_nonnull(strstr(w, "\n      \"2021\": \"\"\n"));
	ck_assert_ptr_nonnull(strstr(w, "\n      \"yes\": \"on\"\n"));
	ck_assert_ptr_nonnull(strstr(w, "\n        kolom: [\"\", \"a, b\", "
	    "\"[x]\", \"{y}\", \"2021\", \"no\"]\n"));
	free(w);
	rencana_free(r);
	lktest_rmtree(dir);
}
END_TEST

/* ---- the writer's choice of quoting ---- */

struct quote_case {
	const char *s;
	const char *block;   /* "satuan: ..." as written */
	const char *flow;    /* "kolom: [...]" as written, NULL: not checked */
};

static const struct quote_case quote_cases[] = {
	{ "Kepala Badan", "satuan: Kepala Badan\n", "kolom: [Kepala Badan]\n" },
	{ "a, b", "satuan: a, b\n", "kolom: [\"a, b\"]\n" },
	{ "a#b", "satuan: a#b\n", "kolom: [\"a#b\"]\n" },
	{ "é ≤ × “ ” –", "satuan: é ≤ × “ ” –\n", "kolom: [é ≤ × “ ” –]\n" },
	{ "(IV/d)", "satuan: (IV/d)\n", NULL },
	{ "", NULL, "kolom: [\"\"]\n" },   /* satuan: omitted, see below */
	{ "2021", "satuan: \"2021\"\n", "kolom: [\"2021\"]\n" },
	{ "yes", "satuan: \"yes\"\n", "kolom: [\"yes\"]\n" },
	{ "No", "satuan: \"No\"\n", NULL },
	{ "ON", "satuan: \"ON\"\n", NULL },
	{ "off", "satuan: \"off\"\n", NULL },
	{ "y", "satuan: \"y\"\n", NULL },
	{ "N", "satuan: \"N\"\n", NULL },
	{ "TRUE", "satuan: \"TRUE\"\n", NULL },
	{ "Null", "satuan: \"Null\"\n", NULL },
	{ "~", "satuan: \"~\"\n", NULL },
	{ "1e3", "satuan: \"1e3\"\n", NULL },
	{ ".5", "satuan: \".5\"\n", NULL },
	{ ".inf", "satuan: \".inf\"\n", NULL },
	{ "0x1F", "satuan: \"0x1F\"\n", NULL },
	{ "1_000", "satuan: \"1_000\"\n", NULL },
	{ "-5", "satuan: \"-5\"\n", NULL },
	{ "+5", "satuan: \"+5\"\n", NULL },
	{ "12:30", "satuan: \"12:30\"\n", NULL },
	{ "2023-07-14", "satuan: \"2023-07-14\"\n", NULL },
	{ "a: b", "satuan: \"a: b\"\n", NULL },
	{ "a:b", "satuan: a:b\n", "kolom: [\"a:b\"]\n" },
	{ "x:", "satuan: \"x:\"\n", NULL },
	{ "a #b", "satuan: \"a #b\"\n", NULL },
	{ "- x", "satuan: \"- x\"\n", NULL },
	{ "-x", "satuan: \"-x\"\n", NULL },
	{ "#x", "satuan: \"#x\"\n", NULL },
	{ "@x", "satuan: \"@x\"\n", NULL },
	{ "`x", "satuan: \"`x\"\n", NULL },
	{ "%", "satuan: \"%\"\n", NULL },
	{ "!x", "satuan: \"!x\"\n", NULL },
	{ "&x", "satuan: \"&x\"\n", NULL },
	{ "*x", "satuan: \"*x\"\n", NULL },
	{ "|x", "satuan: \"|x\"\n", NULL },
	{ ">x", "satuan: \">x\"\n", NULL },
	{ "?x", "satuan: \"?x\"\n", NULL },
	{ "'x'", "satuan: \"'x'\"\n", NULL },
	{ "\"x\"", "satuan: \"\\\"x\\\"\"\n", NULL },
	{ "[x]", "satuan: \"[x]\"\n", "kolom: [\"[x]\"]\n" },
	{ "{x}", "satuan: \"{x}\"\n", NULL },
	{ "x]", "satuan: x]\n", "kolom: [\"x]\"]\n" },
	{ "<<", "satuan: \"<<\"\n", NULL },
	{ "=", "satuan: \"=\"\n", NULL },
	{ " x", "satuan: \" x\"\n", NULL },
	{ "x ", "satuan: \"x \"\n", NULL },
	{ "a\tb", "satuan: \"a\\tb\"\n", NULL },
	{ "a\\b", "satuan: a\\b\n", NULL },
	{ "\xF0\x9F\x98\x80", "satuan: \"\\U0001F600\"\n", NULL },
	{ "a\xE2\x80\xA8" "b", "satuan: \"a\\Lb\"\n", NULL },
	{ "\xEF\xBB\xBFx", "satuan: \"\\uFEFFx\"\n", NULL },
	{ "a\xC2\x85" "b", "satuan: \"a\\Nb\"\n", NULL },
	{ "a\xE2\x80\xA8" "b\nc", NULL, NULL },
	{ "baris\nkedua", "satuan: |-\n      baris\n      kedua\n",
	  "kolom: [\"baris\\nkedua\"]\n" },
	{ "akhir\n", "satuan: |\n      akhir\n", NULL },
	{ "a\n\n", "satuan: |+\n      a\n\n", NULL },
	{ "spasi \nkedua", "satuan: \"spasi \\nkedua\"\n", NULL },
	{ "  menjorok\nkedua", "satuan: |2-\n        menjorok\n      kedua\n",
	  NULL },
	{ "\nawal", "satuan: |2-\n\n      awal\n", NULL },
};

START_TEST(test_quoting)
{
	const struct quote_case *c = &quote_cases[_i];
	rencana *r = NULL;
	lk_err e = { 0 };
	char *w, *kolom[1];
	arena a = { 0 };
	yd_doc d;
	const yd_node *n;
	tabel tb = { 0 };

	ck_assert_int_eq(exchange_read_file(lktest_path(FIXTURE), &r, &e), 0);
	r->sasaran[0].iku[0].satuan = (char *)c->s;
	kolom[0] = (char *)c->s;
	tb.judul = "T";
	tb.kolom = kolom;
	tb.n_kolom = 1;
	r->sasaran[1].tabel[2] = &tb;
	r->sasaran[1].n_tabel[2] = 1;
	w = write_str(r);
	if (c->block != NULL)
		ck_assert_msg(strstr(w, c->block) != NULL, "no \"%s\" in output",
		    c->block);
	if (c->flow != NULL)
		ck_assert_msg(strstr(w, c->flow) != NULL, "no \"%s\" in output",
		    c->flow);
	/* Read back exactly, untrimmed. */
	ck_assert_int_eq(yd_load_buffer(&a, "w.yaml", w, strlen(w), &d, &e), 0);
	n = yd_get(yd_get(yd_get(d.root, "sasaran")->item[0], "iku")->item[0],
	    "satuan");
	if (*c->s == '\0')
		ck_assert_ptr_null(n);
	else
		ck_assert_str_eq(n->str, c->s);
	n = yd_get(yd_get(yd_get(d.root, "triwulan"), "2"), "tabel");
	n = yd_get(yd_get(n, "SS2")->item[0], "kolom");
	ck_assert_str_eq(n->item[0]->str, c->s);
	arena_free(&a);
	free(w);
	rencana_free(r);
}
END_TEST

/* Empty optional strings are absent (the reader refuses them); empty
 * cells and teks values are written. */
START_TEST(test_write_empty)
{
	rencana *r = NULL;
	lk_err e = { 0 };
	teks_ganti tg = { "pembuka", "" };
	char *w;

	ck_assert_int_eq(exchange_read_file(lktest_path(FIXTURE), &r, &e), 0);
	r->sasaran[0].tabel[2][0].catatan = "";
	r->sasaran[1].narasi[2] = "";
	r->tw[2].kesimpulan = "";
	r->tw[2].teks = &tg;
	r->tw[2].n_teks = 1;
	w = write_str(r);
	ck_assert_ptr_null(strstr(w, "catatan"));
	ck_assert_ptr_null(strstr(w, "SS2: "));
	ck_assert_ptr_null(strstr(w, "kesimpulan"));
	ck_assert_ptr_nonnull(strstr(w, "\n    teks:\n      pembuka: \"\"\n"));
	rencana_free(r);
	r = read_str("w.yaml", w);
	ck_assert_ptr_null(r->sasaran[1].narasi[2]);
	ck_assert_str_eq(r->tw[2].teks[0].teks, "");
	rencana_free(r);
	free(w);
}
END_TEST

START_TEST(test_write_error)
{
	rencana *r = NULL;
	lk_err e = { 0 };
	FILE *f;

	ck_assert_int_eq(exchange_read_file(lktest_path(FIXTURE), &r, &e), 0);
	f = fopen("/dev/full", "w");
	if (f != NULL) {
		ck_assert_int_eq(exchange_write(f, r, &e), EX_IOERR);
		ck_assert_ptr_nonnull(strstr(e.msg, "cannot write"));
		fclose(f);
	}
	/* Invalid UTF-8 cannot be written. */
	r->sasaran[0].uraian = "a\xff";
	f = fopen("/dev/null", "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(exchange_write(f, r, &e), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(e.msg, "cannot write"));
	fclose(f);
	rencana_free(r);
}
END_TEST

/* ---- refused input: a valid document with one change ---- */

static const char *const base_lines[] = {
	NULL,
	"format: lakip/1",                        /* 1 */
	"instansi:",
	"  kode: dinas-x",
	"  nama: Dinas X",
	"  pemerintah: Pemerintah Kota Y",        /* 5 */
	"  kota: Kota Y",
	"  kepala:",
	"    nama: Budi",
	"    jabatan: Kepala Dinas",
	"    pangkat: Pembina (IV/a)",            /* 10 */
	"    nip: 196610221993081001",
	"  bidang:",
	"    - kode: umum",
	"      nama: Bidang Umum",
	"tahun: 2023",                            /* 15 */
	"sasaran:",
	"  - kode: SS1",
	"    uraian: Sasaran satu",
	"    bidang: umum",
	"    iku:",                               /* 20 */
	"      - kode: IKU1",
	"        uraian: Indikator satu",
	"        satuan: \"%\"",
	"        target: 80",
	"program:",                               /* 25 */
	"  - kode: P1",
	"    uraian: Program satu",
	"    anggaran: 1000",
	"    sasaran: [SS1]",
	"triwulan:",                              /* 30 */
	"  1:",
	"    tanggal: 2023-04-10",
};
#define BASE_N 32

struct bad_case {
	int from, to;        /* lines replaced by text; from 0: appended */
	const char *text;    /* lines, each ending in \n */
	const char *pos;     /* "LINE:COL" */
	const char *frag;    /* part of the message after the position */
};

/* Base document with lines from..to replaced (malloc'ed). */
static char *
build(const struct bad_case *c)
{
	size_t cap = 8192, o = 0;
	char *buf = malloc(cap);
	int to = c->to ? c->to : c->from;

	buf[0] = '\0';
	for (int i = 1; i <= BASE_N; i++) {
		if (i == c->from)
			o += (size_t)snprintf(buf + o, cap - o, "%s", c->text);
		if (c->from != 0 && i >= c->from && i <= to)
			continue;
		o += (size_t)snprintf(buf + o, cap - o, "%s\n", base_lines[i]);
	}
	if (c->from == 0)
		snprintf(buf + o, cap - o, "%s", c->text);
	return buf;
}

static const struct bad_case bad_cases[] = {
	/* The whole year: kategori bands of an index IKU. */
	{ 24, 0, "        target: 80\n        kategori:\n"
	  "          - {lebih_dari: 80}\n          - {label: b}\n", "26:13",
	  "sasaran[0].iku[0].kategori[0]: missing required key \"label\"" },
	{ 24, 0, "        target: 80\n        kategori:\n"
	  "          - {label: a, lebih_dari: x}\n          - {label: b}\n",
	  "26:36", "sasaran[0].iku[0].kategori[0].lebih_dari" },
	{ 24, 0, "        target: 80\n        kategori:\n"
	  "          - {label: a, minimal: 1}\n", "26:33",
	  "the last band takes the rest" },
	{ 24, 0, "        target: 80\n        kategori:\n"
	  "          - {label: a}\n          - {label: b}\n", "26:13",
	  "expected lebih_dari or minimal" },
	{ 24, 0, "        target: 80\n        kategori:\n"
	  "          - {label: a, minimal: 1}\n          - {label: b, "
	  "minimal: 2}\n          - {label: c}\n", "27:33",
	  "bands go from the highest down" },
	{ 24, 0, "        target: 80\n        kategori:\n"
	  "          - {label: a, minimal: 1, lebih_dari: 2}\n"
	  "          - {label: c}\n", "26:33", "either lebih_dari or minimal" },
	{ 24, 0, "        target: 80\n        kategori: []\n", "25:19",
	  "expected at least one band" },
	/* Renstra, its targets, history, baseline. */
	{ 24, 32, "        target: 80\n        target_renstra: {2021: 1, 2026: 2}\n"
	  "renstra: {awal: 2021, akhir: 2025}\n", "25:35",
	  "year \"2026\" is outside the Renstra period 2021-2025" },
	{ 0, 0, "renstra: {awal: 2021, akhir: 2020}\n", "33:30",
	  "renstra.akhir: the period ends (2020) before it begins" },
	{ 0, 0, "renstra: {awal: 2024, akhir: 2028}\n", "33:10",
	  "renstra: the plan year 2023 is outside the Renstra period 2024-2028" },
	{ 0, 0, "renstra: {awal: 2021}\n", "33:10",
	  "renstra: missing required key \"akhir\"" },
	{ 24, 0, "        target: 80\n        target_renstra: {2021: 1}\n",
	  "25:25", "Renstra targets need the Renstra period" },
	{ 24, 0, "        target: 80\n        riwayat: {2023: 5}\n", "25:19",
	  "year \"2023\" is not an earlier year" },
	{ 24, 0, "        target: 80\n        riwayat: {2022: x}\n", "25:25",
	  "sasaran[0].iku[0].riwayat.2022" },
	{ 24, 0, "        target: 80\n        baseline: {tahun: 2020}\n", "25:19",
	  "missing required key \"nilai\"" },
	{ 24, 32, "        target: 80\n        baseline: {tahun: 2021, nilai: 1}\n"
	  "renstra: {awal: 2021, akhir: 2025}\n", "25:27",
	  "the baseline is the value before the Renstra period" },
	{ 24, 0, "        target: 80\n        standar_nasional: tinggi\n", "25:27",
	  "sasaran[0].iku[0].standar_nasional" },
	/* The agency's time zone and verification page. */
	{ 6, 0, "  kota: Kota Y\n  zona_waktu: Asia/Tokyo\n", "7:15",
	  "instansi.zona_waktu: expected Asia/Jakarta (WIB), Asia/Makassar "
	  "(WITA) or Asia/Jayapura (WIT), found \"Asia/Tokyo\"" },
	{ 6, 0, "  kota: Kota Y\n  verifikasi: ftp://x.go.id\n", "7:15",
	  "instansi.verifikasi: expected an http:// or https:// URL" },
	{ 6, 0, "  kota: Kota Y\n  verifikasi: \"https://x.go.id/a b\"\n", "7:15",
	  "instansi.verifikasi" },
	/* Its default timestamp authority. */
	{ 6, 0, "  kota: Kota Y\n  tsa: ftp://tsa.go.id\n", "7:8",
	  "instansi.tsa: expected an http:// or https:// URL (ASCII, no "
	  "spaces), found \"ftp://tsa.go.id\"" },
	{ 6, 0, "  kota: Kota Y\n  tsa: \"http://\"\n", "7:8", "instansi.tsa" },
	{ 6, 0, "  kota: Kota Y\n  tsa: [http://tsa.go.id]\n", "7:8", "instansi.tsa" },
	/* Notes, the annual report, the agreement. */
	{ 32, 0, "    tanggal: 2023-04-10\n    keterangan:\n      XYZ: a\n", "34:7",
	  "triwulan.1.keterangan: unknown IKU \"XYZ\"" },
	{ 0, 0, "tahunan:\n  tanggal: 2024-01-02\n  realisasi_iku:\n    X: 1\n",
	  "36:5", "tahunan.realisasi_iku: unknown IKU \"X\"" },
	{ 0, 0, "tahunan:\n  tanggal: 2024-02-30\n", "34:12",
	  "tahunan.tanggal: expected a date" },
	{ 0, 0, "tahunan:\n  tanggal: 2024-01-02\n  narasi:\n    SS9: x\n",
	  "36:5", "tahunan.narasi: unknown sasaran \"SS9\"" },
	{ 0, 0, "tahunan:\n  tanggal: 2024-01-02\n  ringkas: x\n", "35:3",
	  "tahunan: unknown key \"ringkas\"" },
	{ 0, 0, "perjanjian:\n  tanggal: 2023-01-02\n", "34:3",
	  "perjanjian: missing required key \"pihak_kedua\"" },
	{ 0, 0, "perjanjian:\n  tanggal: 2023-01-02\n  pihak_kedua:\n"
	  "    nama: Gubernur\n", "36:5",
	  "perjanjian.pihak_kedua: missing required key \"jabatan\"" },
	/* instansi.predikat: the agency's own bands. */
	{ 15, 0, "  predikat: 5\ntahun: 2023\n", "15:13",
	  "instansi.predikat: expected a sequence" },
	{ 15, 0, "  predikat:\n    - nama: A\n      min: 50\n    - nama: B\n"
	  "      min: 60\n    - nama: C\ntahun: 2023\n", "18:7",
	  "instansi.predikat[1]: " },
	{ 15, 0, "  predikat:\n    - nama: A\n      min: 50\n      warna: hijau\n"
	  "    - nama: C\ntahun: 2023\n", "18:14",
	  "instansi.predikat[0].warna: expected baik, cukup or kurang" },
	{ 15, 0, "  predikat:\n    - nama: A\n      min: 50\ntahun: 2023\n", "16:7",
	  "instansi.predikat[0]: " },
	{ 15, 0, "  predikat:\n    - nama: \" \"\ntahun: 2023\n", "16:13",
	  "instansi.predikat[0].nama: expected a non-empty string" },
	{ 15, 0, "  predikat:\n    - min: 5\n      nama: A\n      warna: baik\n"
	  "      batas: 3\n    - nama: B\ntahun: 2023\n", "19:7",
	  "instansi.predikat[0]: unknown key \"batas\"" },
	{ 1, 0, "format: lakip/2\n", "1:9",
	  "format: unsupported format \"lakip/2\" (this program reads "
	  "lakip/1)" },
	{ 1, 0, "", "1:1", "top level: missing required key \"format\"" },
	{ 0, 0, "tahunann: 2023\n", "33:1", "top level: unknown key \"tahunann\" "
	  "(expected one of: format, instansi, tahun, sasaran, program, "
	  "triwulan, renstra, tahunan, perjanjian)" },
	{ 15, 0, "", "1:1", "top level: missing required key \"tahun\"" },
	{ 7, 0, "  kepla:\n", "7:3", "instansi: unknown key \"kepla\" (expected "
	  "one of: kode, nama, pemerintah, kota, logo, kepala, bidang, predikat, "
	  "zona_waktu, verifikasi, tsa)" },
	{ 6, 0, "", "3:3", "instansi: missing required key \"kota\"" },
	{ 3, 0, "  kode: Dinas_X\n", "3:9", "instansi.kode: expected lowercase "
	  "letters a-z, digits and '-' only, found \"Dinas_X\"" },
	{ 15, 0, "tahun: 1800\n", "15:8",
	  "tahun: expected an integer from 1900 to 2999, found \"1800\"" },
	{ 15, 0, "tahun: \"2023\"\n", "15:8",
	  "tahun: expected an integer from 1900 to 2999, found \"2023\"" },
	{ 4, 0, "  nama: \"  \"\n", "4:9",
	  "instansi.nama: expected a non-empty string" },
	{ 4, 0, "  nama: [a]\n", "4:9",
	  "instansi.nama: expected a string, found a sequence" },
	{ 11, 0, "    nip: 12345\n", "11:10",
	  "instansi.kepala.nip: NIP has fewer than 18 digits" },
	{ 10, 0, "", "8:5",
	  "instansi.kepala: missing required key \"pangkat\"" },
	{ 6, 0, "  kota: Kota Y\n  logo: tidak-ada-xyz.png\n", "7:9",
	  "instansi.logo: cannot use \"tidak-ada-xyz.png\": No such file or "
	  "directory" },
	{ 14, 0, "      nama: Bidang Umum\n    - kode: umum\n      nama: Lagi\n",
	  "15:13", "instansi.bidang[1].kode: duplicate kode \"umum\" (first at "
	  "line 13)" },
	{ 14, 0, "      nama: Bidang Umum\n      kepala:\n        nama: Ani\n",
	  "16:9", "instansi.bidang[0].kepala: missing required key "
	  "\"jabatan\"" },
	{ 14, 0, "      nama: Bidang Umum\n      kepala:\n        nama: Ani\n"
	  "        jabatan: Kabid\n        nip: 1966102219930810X1\n", "18:14",
	  "instansi.bidang[0].kepala.nip: NIP may contain only digits" },
	{ 16, 24, "sasaran: {}\n", "16:10",
	  "sasaran: expected a sequence, found a mapping" },
	{ 19, 0, "    bidang: keuangan\n", "19:13", "sasaran[0].bidang: unknown "
	  "bidang \"keuangan\" (not declared in instansi.bidang)" },
	{ 18, 0, "", "17:5", "sasaran[0]: missing required key \"uraian\"" },
	{ 24, 0, "        target: 80\n  - kode: SS1\n    uraian: Lagi\n"
	  "    iku: []\n", "25:11", "sasaran[1].kode: duplicate kode \"SS1\" "
	  "(first at line 17)" },
	{ 24, 0, "        target: 80\n  - kode: SS2\n    uraian: Dua\n"
	  "    iku:\n      - kode: IKU1\n        uraian: x\n        satuan: "
	  "orang\n        target: 1\n", "28:15", "sasaran[1].iku[0].kode: "
	  "duplicate kode \"IKU1\" (first at line 21)" },
	{ 20, 24, "    iku: x\n", "20:10",
	  "sasaran[0].iku: expected a sequence, found \"x\"" },
	{ 21, 0, "      - kode: IKU 1\n", "21:15", "sasaran[0].iku[0].kode: a "
	  "kode cannot contain spaces, found \"IKU 1\"" },
	{ 24, 0, "", "21:9",
	  "sasaran[0].iku[0]: missing required key \"target\"" },
	{ 24, 0, "        target: abc\n", "24:17", "sasaran[0].iku[0].target: "
	  "expected a number >= 0 with at most 4 decimals, found \"abc\"" },
	{ 24, 0, "        target: 78,5\n", "24:17", "found \"78,5\" (machine "
	  "numbers use a dot for decimals and no thousands separators" },
	{ 24, 0, "        target: 1.234.567\n", "24:17", "found \"1.234.567\" "
	  "(machine numbers use a dot for decimals and no thousands "
	  "separators" },
	{ 24, 0, "        target: -1\n", "24:17", "sasaran[0].iku[0].target: "
	  "expected a number >= 0 with at most 4 decimals, found \"-1\"" },
	{ 24, 0, "        target: 1.23456\n", "24:17",
	  "with at most 4 decimals, found \"1.23456\"" },
	{ 24, 0, "        target: 1000000000000000\n", "24:17",
	  "found \"1000000000000000\" (number too large)" },
	{ 24, 0, "        target: 80\n        polaritas: naik\n", "25:20",
	  "sasaran[0].iku[0].polaritas: expected positif or negatif, found "
	  "\"naik\"" },
	{ 24, 0, "        target: 80\n        target_triwulan: {5: 10}\n",
	  "25:27", "sasaran[0].iku[0].target_triwulan: expected an integer "
	  "from 1 to 4, found \"5\"" },
	{ 24, 0, "        target: 80\n        target_triwulan: {1: 10, 1: 20}\n",
	  "25:34", "duplicate key \"1\" (first at line 25)" },
	{ 24, 0, "        target: 80\n        target_triwulan: {2: -5}\n",
	  "25:30", "sasaran[0].iku[0].target_triwulan.2: expected a number >= 0 "
	  "with at most 4 decimals, found \"-5\"" },
	{ 28, 0, "    anggaran: 1000.123\n", "28:15", "program[0].anggaran: "
	  "expected a number >= 0 with at most 2 decimals, found "
	  "\"1000.123\"" },
	{ 28, 0, "    anggaran: 1000\n    target_triwulan: {1: 0.125}\n",
	  "29:26", "program[0].target_triwulan.1: expected a number >= 0 with "
	  "at most 2 decimals, found \"0.125\"" },
	{ 29, 0, "    sasaran: [SS9]\n", "29:15",
	  "program[0].sasaran[0]: unknown sasaran \"SS9\"" },
	{ 29, 0, "    sasaran: [SS1, SS1]\n", "29:20",
	  "program[0].sasaran[1]: sasaran \"SS1\" is listed twice" },
	{ 29, 0, "    sasaran: [SS1]\n  - kode: P1\n    uraian: x\n"
	  "    anggaran: 1\n", "30:11", "program[1].kode: duplicate kode \"P1\" "
	  "(first at line 26)" },
	{ 26, 0, "  - kode: \"\"\n", "26:11",
	  "program[0].kode: expected a non-empty string" },
	{ 31, 0, "  5:\n", "31:3",
	  "triwulan: expected an integer from 1 to 4, found \"5\"" },
	{ 31, 0, "  \"1\":\n", "31:3",
	  "triwulan: expected an integer from 1 to 4, found \"1\"" },
	{ 0, 0, "  1:\n    tanggal: 2023-04-11\n", "33:3",
	  "duplicate key \"1\" (first at line 31)" },
	{ 32, 0, "    tanggal: 2023-02-30\n", "32:14", "triwulan.1.tanggal: "
	  "expected a date YYYY-MM-DD, found \"2023-02-30\"" },
	{ 32, 0, "    tanggal: 10-04-2023\n", "32:14", "triwulan.1.tanggal: "
	  "expected a date YYYY-MM-DD, found \"10-04-2023\"" },
	{ 0, 0, "    catatan: x\n", "33:5",
	  "triwulan.1: unknown key \"catatan\"" },
	{ 0, 0, "    realisasi_iku:\n      IKU9: 5\n", "34:7",
	  "triwulan.1.realisasi_iku: unknown IKU \"IKU9\"" },
	{ 0, 0, "    realisasi_iku:\n      IKU1: 7,5\n", "34:13",
	  "triwulan.1.realisasi_iku.IKU1: expected a number with at most 4 "
	  "decimals, found \"7,5\" (machine numbers use a dot" },
	{ 0, 0, "    realisasi_iku: [1]\n", "33:20",
	  "triwulan.1.realisasi_iku: expected a mapping, found a sequence" },
	{ 0, 0, "    realisasi_iku:\n      IKU1: 5\n      IKU1: 6\n", "35:7",
	  "duplicate key \"IKU1\" (first at line 34)" },
	{ 0, 0, "    realisasi_program: {P1: -5}\n", "33:29",
	  "triwulan.1.realisasi_program.P1: expected a number >= 0 with at most "
	  "2 decimals, found \"-5\"" },
	{ 0, 0, "    realisasi_program: {P9: 5}\n", "33:25",
	  "triwulan.1.realisasi_program: unknown program \"P9\"" },
	{ 0, 0, "    narasi:\n      SS9: teks\n", "34:7",
	  "triwulan.1.narasi: unknown sasaran \"SS9\"" },
	{ 0, 0, "    narasi:\n      SS1: \"\"\n", "34:12",
	  "triwulan.1.narasi.SS1: expected a non-empty string" },
	{ 0, 0, "    tabel:\n      SS7: []\n", "34:7",
	  "triwulan.1.tabel: unknown sasaran \"SS7\"" },
	{ 0, 0, "    tabel:\n      SS1:\n        - judul: T\n"
	  "          kolom: [a, b]\n          baris:\n            - [x]\n",
	  "38:15", "triwulan.1.tabel.SS1[0].baris[0]: expected 2 cells (one per "
	  "kolom), found 1" },
	{ 0, 0, "    tabel:\n      SS1:\n        - judul: T\n"
	  "          baris: []\n", "35:11",
	  "triwulan.1.tabel.SS1[0]: missing required key \"kolom\"" },
	{ 0, 0, "    tabel:\n      SS1:\n        - judul: T\n"
	  "          kolom: []\n          baris: []\n", "36:18",
	  "triwulan.1.tabel.SS1[0].kolom: expected at least one column" },
	{ 0, 0, "    tabel:\n      SS1:\n        - judul: T\n"
	  "          kolom: [a]\n          baris:\n            - [~]\n",
	  "38:16", "triwulan.1.tabel.SS1[0].baris[0][0]: expected a string, "
	  "found null" },
	{ 0, 0, "    permasalahan:\n      - \"\"\n", "34:9",
	  "triwulan.1.permasalahan[0]: expected a non-empty string" },
	{ 0, 0, "    tindak_lanjut: teks\n", "33:20",
	  "triwulan.1.tindak_lanjut: expected a sequence, found \"teks\"" },
	{ 0, 0, "    teks:\n      Pembuka: x\n", "34:7", "triwulan.1.teks: "
	  "expected a text name of a-z, 0-9 and _, found \"Pembuka\"" },
	{ 0, 0, "    kesimpulan: {a: b}\n", "33:17",
	  "triwulan.1.kesimpulan: expected a string, found a mapping" },
	{ 0, 0, "    kesimpulan: \"bel \\a\"\n", "33:17",
	  "triwulan.1.kesimpulan: control characters are not allowed (found "
	  "U+0007)" },
	{ 0, 0, "    permasalahan: [\"c1 \\x85 \\u0080\"]\n", "33:20",
	  "triwulan.1.permasalahan[0]: control characters are not allowed "
	  "(found U+0085)" },
	{ 0, 0, "    realisasi_iku:\n      \"\\e[2J\": 1\n", "34:7",
	  "triwulan.1.realisasi_iku: unknown IKU \"?[2J\"" },
	/* look-alike kodes: ASCII letters, digits and . - _ / only */
	{ 17, 0, "  - kode: \"\\u0405S1\"\n", "17:11", "sasaran[0].kode: a kode "
	  "may hold only ASCII letters, digits and . - _ /, found " },
	{ 17, 0, "  - kode: \"\\u0405S1\"\n", "17:11", "(U+0405 at character 1)" },
	{ 21, 0, "      - kode: \"IKU\\u03bf\"\n", "21:15",
	  "sasaran[0].iku[0].kode: a kode may hold only ASCII letters, digits "
	  "and . - _ /, found \"IKU\xce\xbf\" (U+03BF at character 4)" },
	{ 26, 0, "  - kode: \"P\\u200d1\"\n", "26:11",
	  "program[0].kode: a kode may hold only" },
	{ 26, 0, "  - kode: \"P\\u200d1\"\n", "26:11", "(U+200D at character 2)" },
	{ 26, 0, "  - kode: \"P\\ufeff\"\n", "26:11", "(U+FEFF at character 2)" },
	{ 13, 0, "    - kode: umum!\n", "13:13", "instansi.bidang[0].kode: a "
	  "kode may hold only ASCII letters, digits and . - _ /, found "
	  "\"umum!\" (U+0021 at character 5)" },
	{ 13, 0, "    - kode: \"um\\u202eum\"\n", "13:13",
	  "instansi.bidang[0].kode: bidirectional control character U+202E "
	  "(character 3) is not allowed" },
	/* bidirectional controls anywhere, invisible characters in names */
	{ 4, 0, "  nama: \"Dinas \\u202eX\"\n", "4:9", "instansi.nama: "
	  "bidirectional control character U+202E (character 7) is not "
	  "allowed: it makes text show in another order than it is stored" },
	{ 18, 0, "    uraian: \"Sasaran\\u200bsatu\"\n", "18:13",
	  "sasaran[0].uraian: invisible character U+200B (character 8) is not "
	  "allowed in a name or title" },
	{ 8, 0, "    nama: \"Bu\\u2060di\"\n", "8:11", "instansi.kepala.nama: "
	  "invisible character U+2060 (character 3)" },
	{ 0, 0, "    narasi:\n      SS1: \"teks \\u2066x\\u2069\"\n", "34:12",
	  "triwulan.1.narasi.SS1: bidirectional control character U+2066 "
	  "(character 6) is not allowed" },
	{ 0, 0, "    permasalahan: [\"a\\u200fb\"]\n", "33:20",
	  "triwulan.1.permasalahan[0]: bidirectional control character U+200F" },
};

/* Texts the rules above let through: invisible characters in free
 * texts (a zero-width space is a line-break hint), punctuation in kodes. */
START_TEST(test_texts_ok)
{
	static const struct bad_case ok[] = {
		{ 0, 0, "    narasi:\n      SS1: \"a\\u200bb \\u00e9\\u0301\"\n",
		  NULL, NULL },
		{ 26, 0, "  - kode: 2.17_01-a/B\n", NULL, NULL },
		{ 18, 0, "    uraian: \"Sasaran \\u00c9tat \\u0627\\u0644\"\n",
		  NULL, NULL },
	};

	for (size_t i = 0; i < LK_NELEM(ok); i++) {
		char *buf = build(&ok[i]);
		rencana *r = read_str("t.yaml", buf);

		rencana_free(r);
		free(buf);
	}
}
END_TEST

/* Messages quote file names, contents and kodes: what could drive a
 * terminal is written out (core/err.c), once for every message. */
START_TEST(test_messages_defanged)
{
	lk_err e = { 0 };
	rencana *r = NULL;
	char big[3000];
	size_t i, n;

	ck_assert_int_eq(lk_fail(&e, EX_DATAERR, "kode %s!",
	    "a\x1b[2Jb\xc2\x9b\xe2\x80\xae\xff\x7f\tc\nd\xc3\xa9"), EX_DATAERR);
	ck_assert_str_eq(e.msg, "kode a\\x1b[2Jb\\u009b\\u202e\\xff\\x7f\tc\nd"
	    "\xc3\xa9!");
	lk_fail_at(&e, EX_DATAERR, "f\x1b]0;x\x07.yaml", 3, 4, "%s", "\x08");
	ck_assert_str_eq(e.msg, "f\\x1b]0;x\\x07.yaml:3:4: \\x08");
	/* an overlong or truncated sequence is not UTF-8 */
	lk_fail(&e, 1, "%s", "\xc0\x9b \xe2\x80");
	ck_assert_str_eq(e.msg, "\\xc0\\x9b \\xe2\\x80");
	/* cut at a whole character */
	for (i = 0; i + 2 < sizeof big; i += 2)
		memcpy(big + i, "\xc3\xa9", 2);
	big[i] = '\0';
	lk_fail(&e, 1, "x%s", big);
	n = strlen(e.msg);
	ck_assert_uint_lt(n, sizeof e.msg);
	ck_assert_uint_eq(n % 2, 1);
	ck_assert_int_eq(e.msg[n - 1], (char)0xa9);
	/* through the reader: a file name and a key */
	ck_assert_int_eq(exchange_read_buffer("\x1b[31mt.yaml", "format: x\n",
	    10, &r, &e), EX_DATAERR);
	ck_assert_msg(strncmp(e.msg, "\\x1b[31mt.yaml:1:9: ", 20) == 0, "%s",
	    e.msg);
	ck_assert_ptr_null(strchr(e.msg, 0x1b));
}
END_TEST

/* The base document with text appended (build() holds 8 kB only). */
static char *
build_long(const char *text)
{
	struct bad_case none = { 0, 0, "", NULL, NULL };
	char *base = build(&none), *buf;
	size_t nb = strlen(base), nt = strlen(text);

	buf = malloc(nb + nt + 1);
	ck_assert_ptr_nonnull(buf);
	memcpy(buf, base, nb);
	memcpy(buf + nb, text, nt + 1);
	free(base);
	return buf;
}

/* A title the PDF library would print as one string is limited to 1,000
 * characters; a paragraph of another text to 60,000 bytes.  */
START_TEST(test_text_lengths)
{
	struct bad_case c = { 18, 0, NULL, NULL, NULL };
	size_t n = 70000, k;
	char *text = malloc(n * 3 + 64), *buf;
	rencana *r = NULL;
	lk_err e = { 0 };

	/* 1,000 characters are a title, 1,001 are not */
	for (int chars = 1000; chars <= 1001; chars++) {
		k = (size_t)sprintf(text, "    uraian: ");
		for (int i = 0; i < chars; i++)
			k += (size_t)sprintf(text + k, "\xc3\xa9");   /* é */
		sprintf(text + k, "\n");
		c.text = text;
		buf = build(&c);
		if (chars == 1000) {
			r = read_str("t.yaml", buf);
			rencana_free(r);
		} else {
			ck_assert_int_eq(exchange_read_buffer("t.yaml", buf,
			    strlen(buf), &r, &e), EX_DATAERR);
			ck_assert_msg(strstr(e.msg, "t.yaml:18:13: sasaran[0]."
			    "uraian: a name or title can have at most 1000 "
			    "characters, found 1001") != NULL, "%s", e.msg);
		}
		free(buf);
	}
	/* a paragraph of combining accents prints as one line */
	k = (size_t)sprintf(text, "    narasi:\n      SS1: |\n        Satu.\n\n"
	    "        e");
	for (size_t i = 0; i < 30001; i++)
		k += (size_t)sprintf(text + k, "\xcc\x81");          /* U+0301 */
	sprintf(text + k, "\n");
	buf = build_long(text);
	ck_assert_int_eq(exchange_read_buffer("t.yaml", buf, strlen(buf), &r, &e),
	    EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "t.yaml:34:12: triwulan.1.narasi.SS1: "
	    "paragraph 2 is longer than 60000 bytes") != NULL, "%s", e.msg);
	free(buf);
	/* the same bytes in paragraphs of 30,000 are fine */
	k = (size_t)sprintf(text, "    narasi:\n      SS1: |\n");
	for (int p = 0; p < 3; p++) {
		k += (size_t)sprintf(text + k, "%s        ", p ? "\n" : "");
		for (size_t i = 0; i < 15000; i++)
			k += (size_t)sprintf(text + k, "\xcc\x81");
		k += (size_t)sprintf(text + k, "\n");
	}
	buf = build_long(text);
	r = read_str("t.yaml", buf);
	rencana_free(r);
	free(buf);
	free(text);
}
END_TEST

START_TEST(test_base_ok)
{
	struct bad_case none = { 0, 0, "", NULL, NULL };
	char *buf = build(&none);
	rencana *r = read_str("t.yaml", buf);

	ck_assert_uint_eq(r->n_sasaran, 1);
	ck_assert(r->tw[1].ada);
	rencana_free(r);
	free(buf);
}
END_TEST

START_TEST(test_bad)
{
	const struct bad_case *c = &bad_cases[_i];
	char *buf = build(c), want[64];
	rencana *r = (rencana *)1;
	lk_err e = { 0 };
	int rc;

	rc = exchange_read_buffer("t.yaml", buf, strlen(buf), &r, &e);
	ck_assert_int_eq(rc, EX_DATAERR);
	ck_assert_int_eq(e.code, EX_DATAERR);
	ck_assert_ptr_null(r);
	snprintf(want, sizeof want, "t.yaml:%s: ", c->pos);
	ck_assert_msg(strncmp(e.msg, want, strlen(want)) == 0,
	    "expected \"%s\", got \"%s\"", want, e.msg);
	ck_assert_msg(strstr(e.msg + strlen(want), c->frag) != NULL,
	    "expected \"%s\" in \"%s\"", c->frag, e.msg);
	free(buf);
}
END_TEST

START_TEST(test_bad_whole)
{
	rencana *r = NULL;
	lk_err e = { 0 };
	const char *dir;
	char path[PATH_MAX], *doc;
	static const struct bad_case logo_dir = { 6, 0,
		"  kota: Kota Y\n  logo: .\n", NULL, NULL };

	ck_assert_int_eq(exchange_read_buffer("t.yaml", "", 0, &r, &e),
	    EX_DATAERR);
	ck_assert_str_eq(e.msg, "t.yaml:1:1: expected a lakip/1 exchange "
	    "document, found an empty file");
	ck_assert_int_eq(exchange_read_buffer("t.yaml", "- a\n", 4, &r, &e),
	    EX_DATAERR);
	ck_assert_str_eq(e.msg, "t.yaml:1:1: top level: expected a mapping, "
	    "found a sequence");
	ck_assert_int_eq(exchange_read_file("/nonexistent/x.yaml", &r, &e),
	    EX_NOINPUT);
	ck_assert_str_eq(e.msg, "/nonexistent/x.yaml: cannot open: No such file "
	    "or directory");
	ck_assert_ptr_null(r);
	/* The logo must be a readable regular file. */
	dir = lktest_tmpdir();
	snprintf(path, sizeof path, "%s/doc.yaml", dir);
	doc = build(&logo_dir);
	write_file(path, doc);
	free(doc);
	ck_assert_int_eq(exchange_read_file(path, &r, &e), EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "doc.yaml:7:9: instansi.logo: cannot use "
	    "\"") != NULL && strstr(e.msg, "not a regular file") != NULL,
	    "%s", e.msg);
	lktest_rmtree(dir);
}
END_TEST

/* 5,000 IKU with four quarters of realisations import quickly. */
START_TEST(test_large)
{
	size_t cap = 16 * 1024 * 1024, o = 0;
	char *buf = malloc(cap);
	rencana *r;
	double t0, ms;
	char *w;

	o += (size_t)snprintf(buf + o, cap - o, "format: lakip/1\ninstansi:\n"
	    "  kode: x\n  nama: X\n  pemerintah: Y\n  kota: Z\n  kepala:\n"
	    "    nama: A\n    jabatan: B\n    pangkat: C\n"
	    "    nip: 196610221993081001\ntahun: 2023\nsasaran:\n");
	for (int s = 0; s < 1000; s++) {
		o += (size_t)snprintf(buf + o, cap - o, "  - kode: S%d\n"
		    "    uraian: Sasaran nomor %d\n    iku:\n", s, s);
		for (int k = 0; k < 5; k++)
			o += (size_t)snprintf(buf + o, cap - o,
			    "      - kode: K%d.%d\n        uraian: Indikator\n"
			    "        satuan: orang\n        target: %d.5\n"
			    "        target_triwulan: {1: 1, 2: 2, 3: 3, 4: 4}\n",
			    s, k, s * 10 + k);
	}
	o += (size_t)snprintf(buf + o, cap - o, "triwulan:\n");
	for (int t = 1; t <= 4; t++) {
		o += (size_t)snprintf(buf + o, cap - o, "  %d:\n    tanggal: "
		    "2023-%02d-10\n    realisasi_iku:\n", t, t * 3);
		for (int s = 999; s >= 0; s--)
			for (int k = 0; k < 5; k++)
				o += (size_t)snprintf(buf + o, cap - o,
				    "      K%d.%d: %d\n", s, k, t);
		o += (size_t)snprintf(buf + o, cap - o, "    narasi:\n");
		for (int s = 0; s < 1000; s++)
			o += (size_t)snprintf(buf + o, cap - o,
			    "      S%d: Narasi %d\n", s, s);
	}
	t0 = now_ms();
	r = read_str("besar.yaml", buf);
	ms = now_ms() - t0;
	fprintf(stderr, "# exchange: %zu bytes, 5000 IKU read in %.1f ms\n", o,
	    ms);
	ck_assert_int_eq(r->sasaran[999].iku[4].realisasi[4], 40000);
	ck_assert_int_eq(r->sasaran[999].iku[4].target, 99945000);
	w = round_trip(r);
	free(w);
	rencana_free(r);
	free(buf);
}
END_TEST

/* ---- predikat bands ---- */

START_TEST(test_predikat_default)
{
	arena a = { 0 };
	predikat_tabel t;
	const predikat_tabel *d = predikat_default();
	lk_err e = { 0 };

	ck_assert_msg(predikat_load_file(&a, lktest_path("templates/predikat.yaml"),
	    &t, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(t.n, 5);
	ck_assert_uint_eq(t.n, d->n);
	for (size_t i = 0; i < t.n; i++) {
		ck_assert_str_eq(t.band[i].nama, d->band[i].nama);
		ck_assert_int_eq(t.band[i].ada_min, d->band[i].ada_min);
		if (t.band[i].ada_min)
			ck_assert_int_eq(t.band[i].min, d->band[i].min);
		ck_assert_str_eq(t.band[i].warna, d->band[i].warna);
	}
	ck_assert_int_eq(t.band[0].min, 9100);
	ck_assert(!t.band[4].ada_min);
	arena_free(&a);
}
END_TEST

struct predikat_case {
	const char *src;
	const char *want;    /* prefix after the path */
};

static const struct predikat_case predikat_cases[] = {
	{ "predikat:\n  - nama: A\n    min: 90.5\n    warna: merah\n"
	  "  - nama: B\n", ":4:12: predikat[0].warna: expected baik, cukup or "
	  "kurang, found \"merah\"" },
	{ "predikat:\n  - nama: A\n    min: 90.505\n  - nama: B\n",
	  ":3:10: predikat[0].min: expected a number with at most 2 decimals, "
	  "found \"90.505\"" },
	{ "predikat:\n  - nama: A\n    min: 90,5\n  - nama: B\n",
	  ":3:10: predikat[0].min: expected a number with at most 2 decimals, "
	  "found \"90,5\" (machine numbers" },
	{ "predikat:\n  - nama: A\n    batas: 90\n  - nama: B\n",
	  ":3:5: predikat[0]: unknown key \"batas\" (expected one of: nama, min, "
	  "warna)" },
	{ "predikat:\n  - min: 90\n  - nama: B\n",
	  ":2:5: predikat[0]: missing required key \"nama\"" },
	{ "predikat:\n  - nama: \" \"\n    min: 90\n  - nama: B\n",
	  ":2:11: predikat[0].nama: expected a non-empty string" },
	{ "predikat:\n  - nama: A\n    min: 50\n  - nama: B\n    min: 60\n"
	  "  - nama: C\n", ":4:5: predikat[1]: lower bounds of predikat bands "
	  "must decrease strictly" },
	{ "predikat:\n  - nama: A\n  - nama: B\n",
	  ":2:5: predikat[0]: only the last predikat band may have no lower "
	  "bound" },
	{ "predikat:\n  - nama: A\n    min: 50\n  - nama: B\n    min: 10\n",
	  ":4:5: predikat[1]: the last predikat band must have no lower "
	  "bound" },
	{ "predikat: []\n", ":1:11: predikat: the predikat table has no bands" },
	{ "predikat: {}\n", ":1:11: predikat: expected a sequence, found a "
	  "mapping" },
	{ "bands: []\n", ":1:1: top level: unknown key \"bands\"" },
	{ "", ":1:1: expected a mapping with the key \"predikat\"" },
};

START_TEST(test_predikat_bad)
{
	const struct predikat_case *c = &predikat_cases[_i];
	const char *dir = lktest_tmpdir();
	char path[PATH_MAX], want[PATH_MAX + 256];
	arena a = { 0 };
	predikat_tabel t = { 0 };
	lk_err e = { 0 };

	snprintf(path, sizeof path, "%s/predikat.yaml", dir);
	write_file(path, c->src);
	ck_assert_int_eq(predikat_load_file(&a, path, &t, &e), EX_DATAERR);
	snprintf(want, sizeof want, "%s%s", path, c->want);
	ck_assert_msg(strncmp(e.msg, want, strlen(want)) == 0,
	    "expected \"%s\", got \"%s\"", want, e.msg);
	ck_assert_ptr_null(t.band);
	arena_free(&a);
	lktest_rmtree(dir);
}
END_TEST

/* An agency's own bands: read, written back the same, used for capaian. */
START_TEST(test_predikat_instansi)
{
	struct bad_case c = { 15, 0, "  predikat:\n    - nama: Baik Sekali\n"
	    "      min: 90.5\n      warna: baik\n    - nama: Cukup\n      min: 40\n"
	    "    - nama: Kurang\n      warna: kurang\ntahun: 2023\n", NULL, NULL };
	char *buf = build(&c), *w1, *w2;
	rencana *r = read_str("t.yaml", buf), *r2;
	const predikat_tabel *t = &r->instansi.predikat;
	kinerja k;
	lk_err e = { 0 };

	ck_assert_uint_eq(t->n, 3);
	ck_assert_str_eq(t->band[0].nama, "Baik Sekali");
	ck_assert_int_eq(t->band[0].min, 9050);
	ck_assert_str_eq(t->band[0].warna, "baik");
	ck_assert_int_eq(t->band[1].min, 4000);
	ck_assert_ptr_null(t->band[1].warna);
	ck_assert(!t->band[2].ada_min);
	w1 = write_str(r);
	ck_assert_msg(strstr(w1, "  predikat:\n  - nama: Baik Sekali\n"
	    "    min: 90.5\n    warna: baik\n") != NULL, "%s", w1);
	r2 = read_str("w1.yaml", w1);
	w2 = write_str(r2);
	ck_assert_str_eq(w1, w2);
	/* IKU1: target 80, no realisation in TW1; give one of 40 -> 50,00%:
	 * "Cukup" here, where the installed bands say "Sangat Rendah". */
	r2->sasaran[0].iku[0].ada_realisasi[1] = true;
	r2->sasaran[0].iku[0].realisasi[1] = 400000;
	ck_assert_msg(kinerja_hitung(r2, 1, predikat_default(), &k, &e) == 0,
	    "%s", e.msg);
	ck_assert_ptr_nonnull(k.iku[0].predikat);
	ck_assert_str_eq(k.iku[0].predikat->nama, "Cukup");
	free(w1);
	free(w2);
	rencana_free(r2);
	rencana_free(r);
	free(buf);
}
END_TEST

START_TEST(test_predikat_custom)
{
	const char *dir = lktest_tmpdir();
	char path[PATH_MAX];
	arena a = { 0 };
	predikat_tabel t = { 0 };
	lk_err e = { 0 };

	snprintf(path, sizeof path, "%s/p.yaml", dir);
	write_file(path, "predikat:\n  - nama: \" Baik \"\n    min: \"80.25\"\n"
	    "    warna: baik\n  - nama: Kurang\n    warna: ~\n");
	ck_assert_msg(predikat_load_file(&a, path, &t, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(t.n, 2);
	ck_assert_str_eq(t.band[0].nama, "Baik");
	ck_assert_int_eq(t.band[0].min, 8025);
	ck_assert_str_eq(t.band[0].warna, "baik");
	ck_assert_ptr_null(t.band[1].warna);
	ck_assert(!t.band[1].ada_min);
	ck_assert_int_eq(predikat_load_file(&a, "/nonexistent/p.yaml", &t, &e),
	    EX_NOINPUT);
	arena_free(&a);
	lktest_rmtree(dir);
}
END_TEST

/* A blank target or budget (target: null, anggaran: null: a year copied
 * from the one before) reads as blank, not 0, and is written back so. */
START_TEST(test_blank_target)
{
	static const char doc[] =
	    "format: lakip/1\n"
	    "instansi:\n"
	    "  kode: dinas-x\n"
	    "  nama: Dinas X\n"
	    "  pemerintah: Pemerintah Kota X\n"
	    "  kota: Kota X\n"
	    "  kepala:\n"
	    "    nama: Kepala\n"
	    "    jabatan: Kepala Dinas\n"
	    "    pangkat: Pembina (IV/a)\n"
	    "    nip: \"196610221993081001\"\n"
	    "tahun: 2024\n"
	    "sasaran:\n"
	    "  - kode: SS1\n"
	    "    uraian: Sasaran\n"
	    "    iku:\n"
	    "      - kode: IKU1\n"
	    "        uraian: Indikator\n"
	    "        satuan: \"%\"\n"
	    "        target: null\n"
	    "      - kode: IKU2\n"
	    "        uraian: Indikator dua\n"
	    "        satuan: \"%\"\n"
	    "        target: 0\n"
	    "program:\n"
	    "  - kode: P1\n"
	    "    uraian: Program\n"
	    "    anggaran: ~\n";
	rencana *r = read_str("blank.yaml", doc), *r2;
	char *out, *out2;

	ck_assert(r->sasaran[0].iku[0].target_kosong);
	ck_assert(!r->sasaran[0].iku[1].target_kosong);   /* 0 is a target */
	ck_assert(r->program[0].anggaran_kosong);
	out = write_str(r);
	ck_assert_ptr_nonnull(strstr(out, "target: null\n"));
	ck_assert_ptr_nonnull(strstr(out, "target: 0\n"));
	ck_assert_ptr_nonnull(strstr(out, "anggaran: null\n"));
	r2 = read_str("out.yaml", out);
	out2 = write_str(r2);
	ck_assert_str_eq(out, out2);
	free(out);
	free(out2);
	rencana_free(r);
	rencana_free(r2);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("exchange");
	TCase *tc = tcase_create("read");
	TCase *rt = tcase_create("write");
	TCase *pk = tcase_create("predikat");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_fixture);
	tcase_add_test(tc, test_base_ok);
	tcase_add_test(tc, test_blank_target);
	tcase_add_loop_test(tc, test_bad, 0, (int)LK_NELEM(bad_cases));
	tcase_add_test(tc, test_texts_ok);
	tcase_add_test(tc, test_messages_defanged);
	tcase_add_test(tc, test_text_lengths);
	tcase_add_test(tc, test_bad_whole);
	tcase_add_test(tc, test_large);
	suite_add_tcase(s, tc);
	tcase_add_test(rt, test_fixture_round_trip);
	tcase_add_test(rt, test_rich_round_trip);
	tcase_add_loop_test(rt, test_quoting, 0, (int)LK_NELEM(quote_cases));
	tcase_add_test(rt, test_write_empty);
	tcase_add_test(rt, test_write_error);
	suite_add_tcase(s, rt);
	tcase_add_test(pk, test_predikat_default);
	tcase_add_loop_test(pk, test_predikat_bad, 0,
	    (int)LK_NELEM(predikat_cases));
	tcase_add_test(pk, test_predikat_custom);
	tcase_add_test(pk, test_predikat_instansi);
	suite_add_tcase(s, pk);
	return s;
}
