/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_store.c - the SQLite store: round trip, matching by kode, diff,
 * dry run, migrations, refusal of foreign files, locking, read-only.
 *
 * Models are built by hand (make_plan); a second, raw SQLite connection
 * looks at rows and ids behind the store's back.  Set LAKIP_STORE_BENCH=1
 * to add a timing run of a 5,000-IKU plan (printed, not asserted).
 */
#include "config.h"
#include "lktest.h"

#include <errno.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"
#include "store/store_int.h"
#include "store/workflow.h"

static char tmp[1024];
static char dbpath[2048];

static void
setup(void)
{
	snprintf(tmp, sizeof tmp, "%s", lktest_tmpdir());
	snprintf(dbpath, sizeof dbpath, "%s/lakip.db", tmp);
}

static void
teardown(void)
{
	lktest_rmtree(tmp);
}

/* ------------------------------------------------------------------ */
/* building models */

/* x10^4, rounded: 75.1234 is 751234 exactly. */
#define NILAI(x) ((int64_t)((x) * 10000 + 0.5))
#define RUPIAH(x) ((int64_t)(x) * 100)

static char *
S(rencana *r, const char *s)
{
	return arena_strdup(&r->mem, s);
}

static char **
strv(rencana *r, size_t n, const char *const *v)
{
	char **out = arena_alloc(&r->mem, n * sizeof *out);
	size_t i;

	for (i = 0; i < n; i++)
		out[i] = S(r, v[i]);
	return out;
}

static void
pejabat_set(rencana *r, pejabat *p, const char *nama, const char *jabatan,
	    const char *pangkat, const char *nip)
{
	p->nama = S(r, nama);
	p->jabatan = S(r, jabatan);
	p->pangkat = S(r, pangkat);
	p->nip = S(r, nip);
}

static void
iku_set(rencana *r, iku *k, const char *kode, const char *uraian,
	const char *satuan, enum polaritas pol, int64_t target)
{
	k->kode = S(r, kode);
	k->uraian = S(r, uraian);
	k->satuan = S(r, satuan);
	k->polaritas = pol;
	k->target = target;
}

static void
tw_target(bool *ada, int64_t *v, int n, int64_t x)
{
	ada[n] = true;
	v[n] = x;
}

static const char narasi_utf8[] =
	"Capaian IKU ini **sangat tinggi**: é ≤ × “kutip” – selesai.\n\n"
	"- butir pertama\n- butir kedua";

/* The plan of the brief: 2 bidang, 3 sasaran (SS3 without IKU), 4 IKU
 * (IKU2 negative), 3 programs, quarters 1 and 2 (IKU4 unknown in TW2). */
static rencana *
make_plan(const char *kode, int tahun)
{
	static const char *const kolom[] = { "Aspek", "2021", "2022 (×)" };
	static const char *const b1[] = { "Kebebasan", "80,50", "81,20" };
	static const char *const b2[] = { "Kesetaraan", "70", "72" };
	static const char *const masalah1[] = {
		"Anggaran terbatas", "Koordinasi lintas OPD – belum optimal" };
	static const char *const lanjut1[] = { "Rapat koordinasi “rutin”" };
	static const char *const masalah2[] = { "Data BPS terlambat" };
	rencana *r = rencana_new();
	instansi *in = &r->instansi;
	sasaran *sa;
	program *p;
	tabel *t;

	r->tahun = tahun;
	in->kode = S(r, kode);
	in->nama = S(r, "Badan Kesatuan Bangsa dan Politik");
	in->pemerintah = S(r, "Pemerintah Provinsi Kalimantan Tengah");
	in->kota = S(r, "Palangka Raya");
	in->logo = S(r, "logo.png");
	pejabat_set(r, &in->kepala, "Drs. Contoh Pejabat, M.Si", "Kepala Badan",
		    "Pembina Utama Madya (IV/d)", "196610221993081001");
	in->n_bidang = 2;
	in->bidang = arena_alloc(&r->mem, 2 * sizeof(bidang));
	in->bidang[0].kode = S(r, "ideologi");
	in->bidang[0].nama = S(r, "Bidang Ideologi dan Wawasan Kebangsaan");
	in->bidang[0].ada_kepala = true;
	pejabat_set(r, &in->bidang[0].kepala, "Rina Contoh, S.Sos", "Kepala Bidang",
		    "Pembina (IV/a)", "197501012000032001");
	in->bidang[1].kode = S(r, "politik");
	in->bidang[1].nama = S(r, "Bidang Politik Dalam Negeri");

	r->n_sasaran = 3;
	r->sasaran = arena_alloc(&r->mem, 3 * sizeof(sasaran));
	sa = &r->sasaran[0];
	sa->kode = S(r, "SS1");
	sa->uraian = S(r, "Meningkatnya kualitas demokrasi");
	sa->bidang = S(r, "ideologi");
	sa->n_iku = 2;
	sa->iku = arena_alloc(&r->mem, 2 * sizeof(iku));
	iku_set(r, &sa->iku[0], "IKU1", "Indeks Demokrasi Indonesia", "indeks",
		POLARITAS_POSITIF, NILAI(78.5));
	tw_target(sa->iku[0].ada_target_tw, sa->iku[0].target_tw, 1, NILAI(20));
	tw_target(sa->iku[0].ada_target_tw, sa->iku[0].target_tw, 2, NILAI(40.25));
	tw_target(sa->iku[0].ada_target_tw, sa->iku[0].target_tw, 3, NILAI(60));
	tw_target(sa->iku[0].ada_target_tw, sa->iku[0].target_tw, 4, NILAI(78.5));
	iku_set(r, &sa->iku[1], "IKU2", "Jumlah konflik sosial", "kasus",
		POLARITAS_NEGATIF, NILAI(8));
	tw_target(sa->iku[1].ada_target_tw, sa->iku[1].target_tw, 2, NILAI(4));
	sa->narasi[1] = S(r, narasi_utf8);
	sa->narasi[2] = S(r, "Narasi TW II: target 40,25 tercapai.");
	sa->n_tabel[2] = 1;
	sa->tabel[2] = t = arena_alloc(&r->mem, sizeof(tabel));
	t->judul = S(r, "Skor IDI per aspek");
	t->n_kolom = 3;
	t->kolom = strv(r, 3, kolom);
	t->n_baris = 2;
	t->baris = arena_alloc(&r->mem, 2 * sizeof(char **));
	t->n_sel = arena_alloc(&r->mem, 2 * sizeof(size_t));
	t->baris[0] = strv(r, 3, b1);
	t->n_sel[0] = 3;
	t->baris[1] = strv(r, 3, b2);
	t->n_sel[1] = 3;
	t->catatan = S(r, "Sumber: BPS");

	sa = &r->sasaran[1];
	sa->kode = S(r, "SS2");
	sa->uraian = S(r, "Terjaganya harmoni sosial");
	sa->bidang = S(r, "politik");
	sa->n_iku = 2;
	sa->iku = arena_alloc(&r->mem, 2 * sizeof(iku));
	iku_set(r, &sa->iku[0], "IKU3", "Indeks Harmoni Indonesia", "indeks",
		POLARITAS_POSITIF, NILAI(75.1234));
	iku_set(r, &sa->iku[1], "IKU4", "Peserta pendidikan politik", "orang",
		POLARITAS_POSITIF, NILAI(1200));
	tw_target(sa->iku[1].ada_target_tw, sa->iku[1].target_tw, 1, NILAI(300));
	sa->narasi[1] = S(r, "Harmoni terjaga.");
	/* A table with a row of no cells and no note. */
	sa->n_tabel[1] = 1;
	sa->tabel[1] = t = arena_alloc(&r->mem, sizeof(tabel));
	t->judul = S(r, "Kegiatan");
	t->n_kolom = 1;
	t->kolom = strv(r, 1, kolom);
	t->n_baris = 2;
	t->baris = arena_alloc(&r->mem, 2 * sizeof(char **));
	t->n_sel = arena_alloc(&r->mem, 2 * sizeof(size_t));
	t->baris[1] = strv(r, 1, b2);
	t->n_sel[1] = 1;

	sa = &r->sasaran[2];
	sa->kode = S(r, "SS3");
	sa->uraian = S(r, "Meningkatnya tata kelola (tanpa IKU)");

	r->n_program = 3;
	r->program = arena_alloc(&r->mem, 3 * sizeof(program));
	p = &r->program[0];
	p->kode = S(r, "2.17.01");
	p->uraian = S(r, "Program Penunjang Urusan Pemerintahan Daerah");
	p->anggaran = RUPIAH(11393254909) + 50;
	tw_target(p->ada_target_tw, p->target_tw, 1, RUPIAH(2000000000));
	tw_target(p->ada_target_tw, p->target_tw, 2, RUPIAH(5000000000));
	tw_target(p->ada_target_tw, p->target_tw, 3, RUPIAH(8000000000));
	tw_target(p->ada_target_tw, p->target_tw, 4, RUPIAH(11393254909) + 50);
	p->n_sasaran = 2;
	p->sasaran = strv(r, 2, (const char *const[]){ "SS1", "SS2" });
	p = &r->program[1];
	p->kode = S(r, "2.17.02");
	p->uraian = S(r, "Program Pembinaan Ideologi Pancasila");
	p->anggaran = RUPIAH(750000000);
	p->n_sasaran = 1;
	p->sasaran = strv(r, 1, (const char *const[]){ "SS3" });
	p = &r->program[2];
	p->kode = S(r, "2.17.03");
	p->uraian = S(r, "Program Pemberdayaan Wawasan Kebangsaan");
	p->anggaran = RUPIAH(125000000) + 1;
	tw_target(p->ada_target_tw, p->target_tw, 4, RUPIAH(125000000));

	/* Quarter 1. */
	r->tw[1].ada = true;
	r->tw[1].tahun = tahun;
	r->tw[1].bulan = 4;
	r->tw[1].hari = 10;
	r->tw[1].n_permasalahan = 2;
	r->tw[1].permasalahan = strv(r, 2, masalah1);
	r->tw[1].n_tindak_lanjut = 1;
	r->tw[1].tindak_lanjut = strv(r, 1, lanjut1);
	r->sasaran[0].iku[0].ada_realisasi[1] = true;
	r->sasaran[0].iku[0].realisasi[1] = NILAI(21.5);
	r->sasaran[0].iku[1].ada_realisasi[1] = true;
	r->sasaran[0].iku[1].realisasi[1] = 0;
	r->sasaran[1].iku[0].ada_realisasi[1] = true;
	r->sasaran[1].iku[0].realisasi[1] = NILAI(70.0001);
	r->sasaran[1].iku[1].ada_realisasi[1] = true;
	r->sasaran[1].iku[1].realisasi[1] = NILAI(250);
	r->program[0].ada_realisasi[1] = true;
	r->program[0].realisasi[1] = RUPIAH(1500000000) + 99;
	r->program[1].ada_realisasi[1] = true;
	r->program[1].realisasi[1] = 0;

	/* Quarter 2: IKU4 not known yet. */
	r->tw[2].ada = true;
	r->tw[2].tahun = tahun;
	r->tw[2].bulan = 7;
	r->tw[2].hari = 12;
	r->tw[2].n_permasalahan = 1;
	r->tw[2].permasalahan = strv(r, 1, masalah2);
	r->tw[2].kesimpulan = S(r, "Secara umum capaian kinerja TW II “baik”.");
	r->tw[2].n_teks = 1;
	r->tw[2].teks = arena_alloc(&r->mem, sizeof(teks_ganti));
	r->tw[2].teks[0].nama = S(r, "kata_pengantar");
	r->tw[2].teks[0].teks = S(r, "Puji syukur – kata pengantar khusus.");
	r->sasaran[0].iku[0].ada_realisasi[2] = true;
	r->sasaran[0].iku[0].realisasi[2] = NILAI(41);
	r->sasaran[0].iku[1].ada_realisasi[2] = true;
	r->sasaran[0].iku[1].realisasi[2] = NILAI(9);
	r->sasaran[1].iku[0].ada_realisasi[2] = true;
	r->sasaran[1].iku[0].realisasi[2] = NILAI(74);
	r->program[0].ada_realisasi[2] = true;
	r->program[0].realisasi[2] = RUPIAH(4000000000);
	r->program[1].ada_realisasi[2] = true;
	r->program[1].realisasi[2] = RUPIAH(300000000);
	r->program[2].ada_realisasi[2] = true;
	r->program[2].realisasi[2] = RUPIAH(1);
	return r;
}

static sasaran *
find_sasaran(rencana *r, const char *kode)
{
	size_t i;

	for (i = 0; i < r->n_sasaran; i++)
		if (strcmp(r->sasaran[i].kode, kode) == 0)
			return &r->sasaran[i];
	ck_abort_msg("no sasaran %s", kode);
	return NULL;
}

static iku *
find_iku(rencana *r, const char *kode)
{
	size_t i, k;

	for (i = 0; i < r->n_sasaran; i++)
		for (k = 0; k < r->sasaran[i].n_iku; k++)
			if (strcmp(r->sasaran[i].iku[k].kode, kode) == 0)
				return &r->sasaran[i].iku[k];
	ck_abort_msg("no IKU %s", kode);
	return NULL;
}

/* Take IKU kode out of its sasaran; append it to `to` unless NULL. */
static void
move_iku(rencana *r, const char *kode, const char *to)
{
	size_t i, k;
	iku tmpk;

	for (i = 0; i < r->n_sasaran; i++) {
		sasaran *sa = &r->sasaran[i];

		for (k = 0; k < sa->n_iku; k++) {
			if (strcmp(sa->iku[k].kode, kode) != 0)
				continue;
			tmpk = sa->iku[k];
			memmove(&sa->iku[k], &sa->iku[k + 1],
				(sa->n_iku - k - 1) * sizeof(iku));
			sa->n_iku--;
			if (to != NULL) {
				sasaran *d = find_sasaran(r, to);
				iku *n = arena_alloc(&r->mem, (d->n_iku + 1) * sizeof(iku));

				if (d->n_iku > 0)
					memcpy(n, d->iku, d->n_iku * sizeof(iku));
				n[d->n_iku++] = tmpk;
				d->iku = n;
			}
			return;
		}
	}
	ck_abort_msg("no IKU %s", kode);
}

/* ------------------------------------------------------------------ */
/* comparing models */

#define STR_EQ(a, b, what) \
	ck_assert_msg(((a) == NULL && (b) == NULL) || \
		      ((a) != NULL && (b) != NULL && strcmp((a), (b)) == 0), \
		      "%s: '%s' != '%s'", (what), (a) ? (a) : "(null)", \
		      (b) ? (b) : "(null)")

static void
pejabat_eq(const pejabat *a, const pejabat *b)
{
	STR_EQ(a->nama, b->nama, "pejabat.nama");
	STR_EQ(a->jabatan, b->jabatan, "pejabat.jabatan");
	STR_EQ(a->pangkat, b->pangkat, "pejabat.pangkat");
	STR_EQ(a->nip, b->nip, "pejabat.nip");
}

static void
strv_eq(char *const *a, size_t na, char *const *b, size_t nb, const char *what)
{
	size_t i;

	ck_assert_msg(na == nb, "%s: %zu items != %zu", what, na, nb);
	for (i = 0; i < na; i++)
		STR_EQ(a[i], b[i], what);
}

static void
tw_vals_eq(const bool *ada_a, const int64_t *a, const bool *ada_b,
	   const int64_t *b, const char *kode, const char *what)
{
	int n;

	for (n = 1; n <= TW_MAX; n++) {
		ck_assert_msg(ada_a[n] == ada_b[n], "%s %s[%d]: ada %d != %d", kode,
			      what, n, ada_a[n], ada_b[n]);
		if (ada_a[n])
			ck_assert_msg(a[n] == b[n], "%s %s[%d]: %lld != %lld", kode,
				      what, n, (long long)a[n], (long long)b[n]);
	}
}

static void
tabel_eq(const tabel *a, const tabel *b)
{
	size_t i;

	STR_EQ(a->judul, b->judul, "tabel.judul");
	STR_EQ(a->catatan, b->catatan, "tabel.catatan");
	strv_eq(a->kolom, a->n_kolom, b->kolom, b->n_kolom, "tabel.kolom");
	ck_assert_uint_eq(a->n_baris, b->n_baris);
	for (i = 0; i < a->n_baris; i++)
		strv_eq(a->baris[i], a->n_sel[i], b->baris[i], b->n_sel[i],
			"tabel.baris");
}

/* Deep equality of two plans, field by field. */
static void
plan_eq(const rencana *a, const rencana *b)
{
	const instansi *ia = &a->instansi, *ib = &b->instansi;
	size_t i, k;
	int n;

	ck_assert_int_eq(a->tahun, b->tahun);
	STR_EQ(ia->kode, ib->kode, "instansi.kode");
	STR_EQ(ia->nama, ib->nama, "instansi.nama");
	STR_EQ(ia->pemerintah, ib->pemerintah, "instansi.pemerintah");
	STR_EQ(ia->kota, ib->kota, "instansi.kota");
	STR_EQ(ia->logo, ib->logo, "instansi.logo");
	pejabat_eq(&ia->kepala, &ib->kepala);
	ck_assert_uint_eq(ia->n_bidang, ib->n_bidang);
	for (i = 0; i < ia->n_bidang; i++) {
		STR_EQ(ia->bidang[i].kode, ib->bidang[i].kode, "bidang.kode");
		STR_EQ(ia->bidang[i].nama, ib->bidang[i].nama, "bidang.nama");
		ck_assert_int_eq(ia->bidang[i].ada_kepala, ib->bidang[i].ada_kepala);
		if (ia->bidang[i].ada_kepala)
			pejabat_eq(&ia->bidang[i].kepala, &ib->bidang[i].kepala);
	}
	ck_assert_uint_eq(a->n_sasaran, b->n_sasaran);
	for (i = 0; i < a->n_sasaran; i++) {
		const sasaran *sa = &a->sasaran[i], *sb = &b->sasaran[i];

		STR_EQ(sa->kode, sb->kode, "sasaran.kode");
		STR_EQ(sa->uraian, sb->uraian, "sasaran.uraian");
		STR_EQ(sa->bidang, sb->bidang, "sasaran.bidang");
		ck_assert_uint_eq(sa->n_iku, sb->n_iku);
		for (k = 0; k < sa->n_iku; k++) {
			const iku *ka = &sa->iku[k], *kb = &sb->iku[k];

			STR_EQ(ka->kode, kb->kode, "iku.kode");
			STR_EQ(ka->uraian, kb->uraian, "iku.uraian");
			STR_EQ(ka->satuan, kb->satuan, "iku.satuan");
			ck_assert_int_eq(ka->polaritas, kb->polaritas);
			ck_assert_int_eq(ka->target, kb->target);
			tw_vals_eq(ka->ada_target_tw, ka->target_tw, kb->ada_target_tw,
				   kb->target_tw, ka->kode, "target_tw");
			tw_vals_eq(ka->ada_realisasi, ka->realisasi, kb->ada_realisasi,
				   kb->realisasi, ka->kode, "realisasi");
		}
		for (n = 1; n <= TW_MAX; n++) {
			STR_EQ(sa->narasi[n], sb->narasi[n], "narasi");
			ck_assert_uint_eq(sa->n_tabel[n], sb->n_tabel[n]);
			for (k = 0; k < sa->n_tabel[n]; k++)
				tabel_eq(&sa->tabel[n][k], &sb->tabel[n][k]);
		}
	}
	ck_assert_uint_eq(a->n_program, b->n_program);
	for (i = 0; i < a->n_program; i++) {
		const program *pa = &a->program[i], *pb = &b->program[i];

		STR_EQ(pa->kode, pb->kode, "program.kode");
		STR_EQ(pa->uraian, pb->uraian, "program.uraian");
		ck_assert_int_eq(pa->anggaran, pb->anggaran);
		tw_vals_eq(pa->ada_target_tw, pa->target_tw, pb->ada_target_tw,
			   pb->target_tw, pa->kode, "target_tw");
		tw_vals_eq(pa->ada_realisasi, pa->realisasi, pb->ada_realisasi,
			   pb->realisasi, pa->kode, "realisasi");
		strv_eq(pa->sasaran, pa->n_sasaran, pb->sasaran, pb->n_sasaran,
			"program.sasaran");
	}
	for (n = 1; n <= TW_MAX; n++) {
		const triwulan *ta = &a->tw[n], *tb = &b->tw[n];

		ck_assert_msg(ta->ada == tb->ada, "tw[%d].ada", n);
		if (!ta->ada)
			continue;
		ck_assert_int_eq(ta->tahun, tb->tahun);
		ck_assert_int_eq(ta->bulan, tb->bulan);
		ck_assert_int_eq(ta->hari, tb->hari);
		STR_EQ(ta->kesimpulan, tb->kesimpulan, "kesimpulan");
		strv_eq(ta->permasalahan, ta->n_permasalahan, tb->permasalahan,
			tb->n_permasalahan, "permasalahan");
		strv_eq(ta->tindak_lanjut, ta->n_tindak_lanjut, tb->tindak_lanjut,
			tb->n_tindak_lanjut, "tindak_lanjut");
		ck_assert_uint_eq(ta->n_teks, tb->n_teks);
		for (k = 0; k < ta->n_teks; k++) {
			STR_EQ(ta->teks[k].nama, tb->teks[k].nama, "teks.nama");
			STR_EQ(ta->teks[k].teks, tb->teks[k].teks, "teks.teks");
		}
	}
}

/* ------------------------------------------------------------------ */
/* store and raw SQLite helpers */

static store *
open_db(unsigned flags)
{
	lk_err e = { 0, "" };
	store *s = NULL;
	int rc = store_open(dbpath, flags, &s, &e);

	ck_assert_msg(rc == 0, "store_open: %d %s", rc, e.msg);
	return s;
}

static void
save_ok(store *s, const rencana *r, bool dry, store_diff *d)
{
	lk_err e = { 0, "" };
	int rc = store_save(s, r, dry, d, &e);

	ck_assert_msg(rc == 0, "store_save: %d %s", rc, e.msg);
}

static rencana *
load_ok(store *s, const char *kode, int tahun)
{
	lk_err e = { 0, "" };
	rencana *r = NULL;
	int rc = store_load(s, kode, tahun, &r, &e);

	ck_assert_msg(rc == 0, "store_load: %d %s", rc, e.msg);
	return r;
}

/* Save r into a fresh database and close it. */
static void
save_fresh(const rencana *r)
{
	store *s = open_db(STORE_CREATE);

	save_ok(s, r, false, NULL);
	store_close(s);
}

static sqlite3 *
raw_open(const char *path)
{
	sqlite3 *db;

	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
					 SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
	return db;
}

static void
raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = raw_open(path);
	char *err = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &err);

	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, err ? err : "");
	sqlite3_close(db);
}

/* First column of the first row of sql, as an integer. */
static int64_t
raw_int(const char *sql)
{
	sqlite3 *db = raw_open(dbpath);
	sqlite3_stmt *st;
	int64_t v;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK,
		      "%s: %s", sql, sqlite3_errmsg(db));
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* The columns of table t of the database at dbpath by name, in its
 * order ("id, kode, ..."), into buf: what a copy from a newer version
 * (whose columns may come in another order, or be more) inserts. */
static const char *
cols_of(const char *t, char *buf, size_t n)
{
	sqlite3 *db = raw_open(dbpath);
	sqlite3_stmt *st;
	size_t len = 0;

	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info(?1)"
					    " ORDER BY cid", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC);
	buf[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW)
		len += (size_t)snprintf(buf + len, n - len, "%s\"%s\"",
		    len ? ", " : "", (const char *)sqlite3_column_text(st, 0));
	ck_assert_uint_lt(len, n);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return buf;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static void
same_file(const char *a, size_t na, const char *path)
{
	size_t nb;
	char *b = slurp(path, &nb);

	ck_assert_msg(na == nb && memcmp(a, b, na) == 0,
		      "%s changed (%zu -> %zu bytes)", path, na, nb);
	free(b);
}

/* Row counts of every table, to compare before/after. */
static const char *const all_tables[] = {
	"instansi", "bidang", "rencana", "sasaran", "iku", "iku_target_tw",
	"program", "program_target_tw", "program_sasaran", "triwulan",
	"realisasi_iku", "realisasi_program", "narasi", "tabel", "tabel_kolom",
	"tabel_sel", "permasalahan", "tindak_lanjut", "teks_ganti",
};
#define N_TABLES LK_NELEM(all_tables)

static void
row_counts(int64_t *out)
{
	char sql[128];
	size_t i;

	for (i = 0; i < N_TABLES; i++) {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", all_tables[i]);
		out[i] = raw_int(sql);
	}
}

/* diff as a compact literal: {added, changed, removed, unchanged}. */
typedef unsigned diff_tab[DIFF_KINDS][4];

static void
diff_is(const store_diff *d, const diff_tab exp, const char *what)
{
	int k;

	for (k = 0; k < DIFF_KINDS; k++) {
		const store_diff_count *n = &d->n[k];

		ck_assert_msg(n->added == exp[k][0] && n->changed == exp[k][1]
			      && n->removed == exp[k][2] && n->unchanged == exp[k][3],
			      "%s: %s: got %u/%u/%u/%u, expected %u/%u/%u/%u "
			      "(added/changed/removed/unchanged)", what,
			      store_diff_kind_name((enum store_diff_kind)k),
			      n->added, n->changed, n->removed, n->unchanged,
			      exp[k][0], exp[k][1], exp[k][2], exp[k][3]);
	}
}

/* ------------------------------------------------------------------ */
/* round trip and diff */

START_TEST(test_roundtrip)
{
	static const diff_tab added = {
		[DIFF_INSTANSI] = { 1, 0, 0, 0 }, [DIFF_BIDANG] = { 2, 0, 0, 0 },
		[DIFF_SASARAN] = { 3, 0, 0, 0 }, [DIFF_IKU] = { 4, 0, 0, 0 },
		[DIFF_PROGRAM] = { 3, 0, 0, 0 }, [DIFF_TRIWULAN] = { 2, 0, 0, 0 },
	};
	rencana *r = make_plan("kesbangpol", 2023), *got;
	store *s = open_db(STORE_CREATE);
	store_diff d;

	save_ok(s, r, false, &d);
	diff_is(&d, added, "first save");
	got = load_ok(s, "kesbangpol", 2023);
	plan_eq(r, got);
	ck_assert_str_eq(got->sasaran[0].narasi[1], narasi_utf8);
	/* Values are integers in the database, never REAL. */
	ck_assert_int_eq(raw_int("SELECT count(*) FROM iku WHERE typeof(target) <> 'integer'"), 0);
	ck_assert_int_eq(raw_int("SELECT target FROM iku WHERE kode = 'IKU3'"), 751234);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM realisasi_iku"), 7);
	rencana_free(got);
	rencana_free(r);
	store_close(s);
}
END_TEST

static const diff_tab all_unchanged = {
	[DIFF_INSTANSI] = { 0, 0, 0, 1 }, [DIFF_BIDANG] = { 0, 0, 0, 2 },
	[DIFF_SASARAN] = { 0, 0, 0, 3 }, [DIFF_IKU] = { 0, 0, 0, 4 },
	[DIFF_PROGRAM] = { 0, 0, 0, 3 }, [DIFF_TRIWULAN] = { 0, 0, 0, 2 },
};

START_TEST(test_resave_unchanged)
{
	rencana *r = make_plan("kesbangpol", 2023), *got;
	store *s = open_db(STORE_CREATE);
	store_diff d;

	save_ok(s, r, false, NULL);
	save_ok(s, r, false, &d);
	diff_is(&d, all_unchanged, "same model again");
	/* What store_load gives back saves as unchanged too. */
	got = load_ok(s, "kesbangpol", 2023);
	save_ok(s, got, true, &d);
	diff_is(&d, all_unchanged, "loaded model");
	rencana_free(got);
	rencana_free(r);
	store_close(s);
}
END_TEST

/* Table of single changes: each must show up as exactly one change. */
typedef struct change_case {
	const char *name;
	void (*mutate)(rencana *r);
	diff_tab diff;
} change_case;

static void ch_iku_target(rencana *r) { find_iku(r, "IKU2")->target = NILAI(7); }
static void ch_iku_target_tw(rencana *r) { tw_target(find_iku(r, "IKU1")->ada_target_tw, find_iku(r, "IKU1")->target_tw, 3, NILAI(61)); }
static void ch_iku_drop_tw(rencana *r) { find_iku(r, "IKU4")->ada_target_tw[1] = false; }
static void ch_iku_polaritas(rencana *r) { find_iku(r, "IKU3")->polaritas = POLARITAS_NEGATIF; }
static void ch_iku_move(rencana *r) { move_iku(r, "IKU3", "SS3"); }
static void ch_iku_swap(rencana *r)
{
	sasaran *sa = find_sasaran(r, "SS1");
	iku t = sa->iku[0];

	sa->iku[0] = sa->iku[1];
	sa->iku[1] = t;
}
static void ch_realisasi(rencana *r) { find_iku(r, "IKU1")->realisasi[2] = NILAI(41.0001); }
static void ch_realisasi_known(rencana *r)
{
	find_iku(r, "IKU4")->ada_realisasi[2] = true;
	find_iku(r, "IKU4")->realisasi[2] = 0;
}
static void ch_realisasi_unknown(rencana *r) { find_iku(r, "IKU2")->ada_realisasi[1] = false; }
static void ch_narasi(rencana *r) { find_sasaran(r, "SS1")->narasi[1] = S(r, "Narasi baru ≤ 100%"); }
static void ch_narasi_new(rencana *r) { find_sasaran(r, "SS3")->narasi[2] = S(r, "Tanpa IKU."); }
static void ch_tabel_cell(rencana *r) { find_sasaran(r, "SS1")->tabel[2][0].baris[1][2] = S(r, "73"); }
static void ch_program_realisasi(rencana *r) { r->program[2].realisasi[2] = 2; }
static void ch_kesimpulan(rencana *r) { r->tw[2].kesimpulan = NULL; }
static void ch_tanggal(rencana *r) { r->tw[1].hari = 11; }
static void ch_teks(rencana *r) { r->tw[2].teks[0].teks = S(r, "lain"); }
static void ch_program_anggaran(rencana *r) { r->program[1].anggaran += 1; }
static void ch_program_sasaran(rencana *r) { r->program[0].n_sasaran = 1; }
static void ch_program_tw(rencana *r) { r->program[2].ada_target_tw[4] = false; }
static void ch_sasaran_bidang(rencana *r) { find_sasaran(r, "SS3")->bidang = S(r, "politik"); }
static void ch_sasaran_uraian(rencana *r) { find_sasaran(r, "SS2")->uraian = S(r, "Uraian baru"); }
static void ch_sasaran_swap(rencana *r)
{
	sasaran t = r->sasaran[0];

	r->sasaran[0] = r->sasaran[1];
	r->sasaran[1] = t;
}
static void ch_instansi(rencana *r) { r->instansi.kepala.nip = S(r, "196610221993081002"); }
static void ch_instansi_logo(rencana *r) { r->instansi.logo = NULL; }
static void ch_bidang(rencana *r) { r->instansi.bidang[1].nama = S(r, "Bidang Poldagri"); }
static void ch_bidang_kepala(rencana *r) { r->instansi.bidang[0].ada_kepala = false; }
static void ch_add_program(rencana *r)
{
	program *p = arena_alloc(&r->mem, 4 * sizeof(program));

	memcpy(p, r->program, 3 * sizeof(program));
	p[3].kode = S(r, "2.17.04");
	p[3].uraian = S(r, "Program baru");
	p[3].anggaran = 5;
	r->program = p;
	r->n_program = 4;
}
static void ch_add_tw3(rencana *r)
{
	r->tw[3].ada = true;
	r->tw[3].tahun = r->tahun;
	r->tw[3].bulan = 10;
	r->tw[3].hari = 9;
	find_iku(r, "IKU1")->ada_realisasi[3] = true;
	find_iku(r, "IKU1")->realisasi[3] = NILAI(60);
}

#define D(i, b, s, k, p, t) { [DIFF_INSTANSI] = i, [DIFF_BIDANG] = b, \
	[DIFF_SASARAN] = s, [DIFF_IKU] = k, [DIFF_PROGRAM] = p, [DIFF_TRIWULAN] = t }
#define U1 { 0, 0, 0, 1 }
#define U2 { 0, 0, 0, 2 }
#define U3 { 0, 0, 0, 3 }
#define U4 { 0, 0, 0, 4 }
#define C1 { 0, 1, 0, 0 }
#define C1U1 { 0, 1, 0, 1 }
#define C1U2 { 0, 1, 0, 2 }
#define C1U3 { 0, 1, 0, 3 }
#define C2U1 { 0, 2, 0, 1 }
#define C2U2 { 0, 2, 0, 2 }
#define C2 { 0, 2, 0, 0 }
#define A1U2 { 1, 0, 0, 2 }
#define A1U3 { 1, 0, 0, 3 }
#define R1U2 { 0, 0, 1, 2 }
#define R1U3 { 0, 0, 1, 3 }
#define C1R1U2 { 0, 1, 1, 2 }

static const change_case change_cases[] = {
	{ "iku target", ch_iku_target, D(U1, U2, U3, C1U3, U3, U2) },
	{ "iku target_tw", ch_iku_target_tw, D(U1, U2, U3, C1U3, U3, U2) },
	{ "iku target_tw dropped", ch_iku_drop_tw, D(U1, U2, U3, C1U3, U3, U2) },
	{ "iku polaritas", ch_iku_polaritas, D(U1, U2, U3, C1U3, U3, U2) },
	{ "iku moved", ch_iku_move, D(U1, U2, U3, C1U3, U3, U2) },
	{ "iku order", ch_iku_swap, D(U1, U2, U3, C2U2, U3, U2) },
	{ "realisasi", ch_realisasi, D(U1, U2, U3, U4, U3, C1U1) },
	{ "realisasi now known", ch_realisasi_known, D(U1, U2, U3, U4, U3, C1U1) },
	{ "realisasi now unknown", ch_realisasi_unknown, D(U1, U2, U3, U4, U3, C1U1) },
	{ "narasi", ch_narasi, D(U1, U2, U3, U4, U3, C1U1) },
	{ "narasi added", ch_narasi_new, D(U1, U2, U3, U4, U3, C1U1) },
	{ "tabel cell", ch_tabel_cell, D(U1, U2, U3, U4, U3, C1U1) },
	{ "program realisasi", ch_program_realisasi, D(U1, U2, U3, U4, U3, C1U1) },
	{ "kesimpulan", ch_kesimpulan, D(U1, U2, U3, U4, U3, C1U1) },
	{ "tanggal", ch_tanggal, D(U1, U2, U3, U4, U3, C1U1) },
	{ "teks", ch_teks, D(U1, U2, U3, U4, U3, C1U1) },
	{ "program anggaran", ch_program_anggaran, D(U1, U2, U3, U4, C1U2, U2) },
	{ "program sasaran", ch_program_sasaran, D(U1, U2, U3, U4, C1U2, U2) },
	{ "program target_tw", ch_program_tw, D(U1, U2, U3, U4, C1U2, U2) },
	{ "sasaran bidang", ch_sasaran_bidang, D(U1, U2, C1U2, U4, U3, U2) },
	{ "sasaran uraian", ch_sasaran_uraian, D(U1, U2, C1U2, U4, U3, U2) },
	{ "sasaran order", ch_sasaran_swap, D(U1, U2, C2U1, U4, U3, U2) },
	{ "instansi kepala", ch_instansi, D(C1, U2, U3, U4, U3, U2) },
	{ "instansi logo", ch_instansi_logo, D(C1, U2, U3, U4, U3, U2) },
	{ "bidang nama", ch_bidang, D(U1, C1U1, U3, U4, U3, U2) },
	{ "bidang kepala", ch_bidang_kepala, D(U1, C1U1, U3, U4, U3, U2) },
	{ "program added", ch_add_program, D(U1, U2, U3, U4, A1U3, U2) },
	{ "triwulan added", ch_add_tw3, D(U1, U2, U3, U4, U3, A1U2) },
};

START_TEST(test_change)
{
	const change_case *cc = &change_cases[_i];
	rencana *r = make_plan("kesbangpol", 2023), *got;
	store *s = open_db(STORE_CREATE);
	store_diff d, dry;

	save_ok(s, r, false, NULL);
	cc->mutate(r);
	save_ok(s, r, true, &dry);
	diff_is(&dry, cc->diff, cc->name);
	save_ok(s, r, false, &d);
	diff_is(&d, cc->diff, cc->name);
	got = load_ok(s, "kesbangpol", 2023);
	plan_eq(r, got);
	/* And the new state is stable. */
	save_ok(s, got, false, &d);
	ck_assert_uint_eq(d.n[DIFF_IKU].changed + d.n[DIFF_SASARAN].changed +
			  d.n[DIFF_TRIWULAN].changed + d.n[DIFF_PROGRAM].changed +
			  d.n[DIFF_BIDANG].changed + d.n[DIFF_INSTANSI].changed, 0);
	rencana_free(got);
	rencana_free(r);
	store_close(s);
}
END_TEST

/* Once both parties signed the year's Perjanjian Kinerja, store_save
 * refuses exactly the changes of what it states (core/pk.h): the
 * targets, budgets, sasaran, IKU and programs, the head, the agency; the
 * quarters' data, narratives and other plan fields still change.  By the
 * name of each change case. */
static const struct { const char *name; bool refused; } pk_cases[] = {
	{ "iku target", true }, { "iku target_tw", true },
	{ "iku target_tw dropped", true }, { "iku polaritas", true },
	{ "iku moved", true }, { "iku order", true },
	{ "realisasi", false }, { "realisasi now known", false },
	{ "realisasi now unknown", false }, { "narasi", false },
	{ "narasi added", false }, { "tabel cell", false },
	{ "program realisasi", false }, { "kesimpulan", false },
	{ "tanggal", false }, { "teks", false },
	{ "program anggaran", true }, { "program sasaran", false },
	{ "program target_tw", false }, { "sasaran bidang", false },
	{ "sasaran uraian", true }, { "sasaran order", true },
	{ "instansi kepala", true }, { "instansi logo", true },
	{ "bidang nama", false }, { "bidang kepala", false },
	{ "program added", true }, { "triwulan added", false },
};

START_TEST(test_pk_lock)
{
	const change_case *cc = &change_cases[_i];
	rencana *r = make_plan("kesbangpol", 2023);
	store *s = open_db(STORE_CREATE);
	lk_err e = { 0, "" };
	bool refused = false, known = false;
	char *err = NULL;
	int rc;

	for (size_t k = 0; k < LK_NELEM(pk_cases); k++)
		if (strcmp(pk_cases[k].name, cc->name) == 0) {
			refused = pk_cases[k].refused;
			known = true;
		}
	ck_assert_msg(known, "no expectation for the change case %s", cc->name);
	save_ok(s, r, false, NULL);
	/* Pihak kedua has signed version 1. */
	ck_assert_int_eq(sqlite3_exec(drv_sqlite_handle(s->db), "INSERT INTO pk_signed (rencana_id,"
		" version, pihak, pdf, pdf_sha256, unsigned_sha256, content_sha256,"
		" signer, cert_subject, cert_sha256, signed_at) SELECT id, 1, p, x'25',"
		" printf('%064d', 0), printf('%064d', 0), printf('%064d', 0), 'k',"
		" 'CN=K', printf('%064d', p), '2023-01-20T00:00:00Z' FROM rencana,"
		" (SELECT 1 p UNION SELECT 2)", NULL, NULL, &err), SQLITE_OK);
	cc->mutate(r);
	rc = store_save(s, r, true, NULL, &e);
	ck_assert_msg(rc == (refused ? EX_NOPERM : 0), "%s (dry run): %d %s",
		      cc->name, rc, e.msg);
	rc = store_save(s, r, false, NULL, &e);
	ck_assert_msg(rc == (refused ? EX_NOPERM : 0), "%s: %d %s", cc->name, rc,
		      e.msg);
	if (refused)
		ck_assert_msg(strstr(e.msg, "Perjanjian Kinerja 2023 is signed by "
				     "both parties (version 1") != NULL, "%s", e.msg);
	/* Pihak pertama alone locks nothing. */
	rencana_free(r);
	r = make_plan("kesbangpol", 2023);
	save_ok(s, r, false, NULL);   /* back, when it was refused: no-op */
	ck_assert_int_eq(sqlite3_exec(drv_sqlite_handle(s->db), "DELETE FROM pk_signed WHERE pihak = 2",
				      NULL, NULL, &err), SQLITE_OK);
	cc->mutate(r);
	save_ok(s, r, false, NULL);
	rencana_free(r);
	store_close(s);
}
END_TEST

START_TEST(test_remove_iku)
{
	static const diff_tab exp = D(U1, U2, U3, R1U3, U3, C2);
	rencana *r = make_plan("kesbangpol", 2023), *got;
	store *s = open_db(STORE_CREATE);
	store_diff d;
	int64_t id, real_before;

	save_ok(s, r, false, NULL);
	id = raw_int("SELECT id FROM iku WHERE kode = 'IKU1'");
	ck_assert_int_eq(raw_int("SELECT count(*) FROM realisasi_iku WHERE iku_id = "
				 "(SELECT id FROM iku WHERE kode = 'IKU1')"), 2);
	real_before = raw_int("SELECT count(*) FROM realisasi_iku");
	move_iku(r, "IKU1", NULL);
	save_ok(s, r, false, &d);
	diff_is(&d, exp, "IKU1 removed");
	{
		char sql[128];

		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM realisasi_iku WHERE iku_id = %lld",
			 (long long)id);
		ck_assert_int_eq(raw_int(sql), 0);
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM iku_target_tw WHERE iku_id = %lld",
			 (long long)id);
		ck_assert_int_eq(raw_int(sql), 0);
	}
	ck_assert_int_eq(raw_int("SELECT count(*) FROM realisasi_iku"), real_before - 2);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM iku"), 3);
	got = load_ok(s, "kesbangpol", 2023);
	plan_eq(r, got);
	rencana_free(got);
	rencana_free(r);
	store_close(s);
}
END_TEST

START_TEST(test_remove_sasaran)
{
	/* TW1 loses IKU4's realisation and SS2's narrative and table; TW2
	 * held nothing of them. */
	static const diff_tab exp = D(U1, U2, R1U2, C1R1U2, C1U2, C1U1);
	rencana *r = make_plan("kesbangpol", 2023), *got;
	store *s = open_db(STORE_CREATE);
	store_diff d;
	int64_t id3;

	save_ok(s, r, false, NULL);
	id3 = raw_int("SELECT id FROM iku WHERE kode = 'IKU3'");
	/* SS2 goes: IKU3 moves to SS1 (keeping its id), IKU4 goes with SS2. */
	move_iku(r, "IKU3", "SS1");
	move_iku(r, "IKU4", NULL);
	memmove(&r->sasaran[1], &r->sasaran[2], sizeof(sasaran));
	r->n_sasaran = 2;
	r->program[0].n_sasaran = 1;            /* was SS1, SS2 */
	save_ok(s, r, false, &d);
	diff_is(&d, exp, "SS2 removed");
	ck_assert_int_eq(raw_int("SELECT id FROM iku WHERE kode = 'IKU3'"), id3);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM narasi"), 2);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM tabel"), 1);
	got = load_ok(s, "kesbangpol", 2023);
	plan_eq(r, got);
	rencana_free(got);
	rencana_free(r);
	store_close(s);
}
END_TEST

START_TEST(test_ids_kept)
{
	rencana *r = make_plan("kesbangpol", 2023), *got;
	store *s = open_db(STORE_CREATE);
	int64_t iku3, ss2, prog, tw2, bid, inst;

	save_ok(s, r, false, NULL);
	/* Record every DELETE on the rows that must be updated in place. */
	raw_exec(dbpath,
		 "CREATE TABLE test_hapus (tabel TEXT, id INTEGER);"
		 "CREATE TRIGGER th_iku AFTER DELETE ON iku BEGIN"
		 " INSERT INTO test_hapus VALUES ('iku', old.id); END;"
		 "CREATE TRIGGER th_sasaran AFTER DELETE ON sasaran BEGIN"
		 " INSERT INTO test_hapus VALUES ('sasaran', old.id); END;"
		 "CREATE TRIGGER th_program AFTER DELETE ON program BEGIN"
		 " INSERT INTO test_hapus VALUES ('program', old.id); END;"
		 "CREATE TRIGGER th_tw AFTER DELETE ON triwulan BEGIN"
		 " INSERT INTO test_hapus VALUES ('triwulan', old.id); END;"
		 "CREATE TRIGGER th_bidang AFTER DELETE ON bidang BEGIN"
		 " INSERT INTO test_hapus VALUES ('bidang', old.id); END;"
		 "CREATE TRIGGER th_instansi AFTER DELETE ON instansi BEGIN"
		 " INSERT INTO test_hapus VALUES ('instansi', old.id); END;");
	iku3 = raw_int("SELECT id FROM iku WHERE kode = 'IKU3'");
	ss2 = raw_int("SELECT id FROM sasaran WHERE kode = 'SS2'");
	prog = raw_int("SELECT id FROM program WHERE kode = '2.17.01'");
	tw2 = raw_int("SELECT id FROM triwulan WHERE nomor = 2");
	bid = raw_int("SELECT id FROM bidang WHERE kode = 'politik'");
	inst = raw_int("SELECT id FROM instansi");

	/* Change and move IKU3, change everything around it. */
	find_iku(r, "IKU3")->target = NILAI(80);
	move_iku(r, "IKU3", "SS1");
	find_sasaran(r, "SS2")->uraian = S(r, "Sasaran diubah");
	r->program[0].anggaran += 100;
	r->program[0].n_sasaran = 1;
	r->tw[2].kesimpulan = S(r, "Kesimpulan diubah");
	r->instansi.bidang[1].nama = S(r, "Bidang diubah");
	r->instansi.nama = S(r, "Nama diubah");
	save_ok(s, r, false, NULL);

	ck_assert_int_eq(raw_int("SELECT id FROM iku WHERE kode = 'IKU3'"), iku3);
	ck_assert_int_eq(raw_int("SELECT sasaran_id FROM iku WHERE kode = 'IKU3'"),
			 raw_int("SELECT id FROM sasaran WHERE kode = 'SS1'"));
	ck_assert_int_eq(raw_int("SELECT id FROM sasaran WHERE kode = 'SS2'"), ss2);
	ck_assert_int_eq(raw_int("SELECT id FROM program WHERE kode = '2.17.01'"), prog);
	ck_assert_int_eq(raw_int("SELECT id FROM triwulan WHERE nomor = 2"), tw2);
	ck_assert_int_eq(raw_int("SELECT id FROM bidang WHERE kode = 'politik'"), bid);
	ck_assert_int_eq(raw_int("SELECT id FROM instansi"), inst);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM test_hapus"), 0);
	/* IKU3's realisations moved with it. */
	ck_assert_int_eq(raw_int("SELECT count(*) FROM realisasi_iku WHERE iku_id = "
				 "(SELECT id FROM iku WHERE kode = 'IKU3')"), 2);
	got = load_ok(s, "kesbangpol", 2023);
	plan_eq(r, got);
	rencana_free(got);
	rencana_free(r);
	store_close(s);
}
END_TEST

START_TEST(test_dry_run)
{
	rencana *r = make_plan("kesbangpol", 2023), *got;
	store *s;
	store_diff d;
	int64_t before[N_TABLES], after[N_TABLES];
	size_t len, i;
	char *bytes;

	save_fresh(r);
	row_counts(before);
	bytes = slurp(dbpath, &len);

	s = open_db(0);
	{
		rencana *m = make_plan("kesbangpol", 2023);

		ch_add_tw3(m);
		move_iku(m, "IKU1", NULL);
		ch_add_program(m);
		ch_narasi(m);
		m->instansi.nama = S(m, "Nama lain");
		save_ok(s, m, true, &d);
		ck_assert_uint_eq(d.n[DIFF_IKU].removed, 1);
		ck_assert_uint_eq(d.n[DIFF_PROGRAM].added, 1);
		ck_assert_uint_eq(d.n[DIFF_TRIWULAN].added, 1);
		ck_assert_uint_eq(d.n[DIFF_TRIWULAN].changed, 2);
		ck_assert_uint_eq(d.n[DIFF_INSTANSI].changed, 1);
		rencana_free(m);
	}
	/* A dry run of a new plan in the same database. */
	{
		rencana *m = make_plan("lain", 2024);

		save_ok(s, m, true, &d);
		ck_assert_uint_eq(d.n[DIFF_INSTANSI].added, 1);
		rencana_free(m);
	}
	got = load_ok(s, "kesbangpol", 2023);
	plan_eq(r, got);
	rencana_free(got);
	store_close(s);

	row_counts(after);
	for (i = 0; i < N_TABLES; i++)
		ck_assert_msg(before[i] == after[i], "%s: %lld rows -> %lld",
			      all_tables[i], (long long)before[i], (long long)after[i]);
	same_file(bytes, len, dbpath);
	free(bytes);
	rencana_free(r);
}
END_TEST

START_TEST(test_quarters_kept)
{
	static const diff_tab exp = D(U1, U2, U3, U4, U3, C1U1);
	rencana *r = make_plan("kesbangpol", 2023), *m, *got;
	store *s = open_db(STORE_CREATE);
	store_diff d;
	size_t i, k;

	save_ok(s, r, false, NULL);
	/* A file with only quarter 2 (and a new kesimpulan). */
	m = make_plan("kesbangpol", 2023);
	m->tw[1].ada = false;
	for (i = 0; i < m->n_sasaran; i++) {
		m->sasaran[i].narasi[1] = NULL;
		m->sasaran[i].n_tabel[1] = 0;
		for (k = 0; k < m->sasaran[i].n_iku; k++)
			m->sasaran[i].iku[k].ada_realisasi[1] = false;
	}
	for (i = 0; i < m->n_program; i++)
		m->program[i].ada_realisasi[1] = false;
	m->tw[2].kesimpulan = S(m, "Kesimpulan baru");
	save_ok(s, m, false, &d);
	diff_is(&d, exp, "only TW2");

	got = load_ok(s, "kesbangpol", 2023);
	r->tw[2].kesimpulan = S(r, "Kesimpulan baru");
	plan_eq(r, got);        /* TW1 as it was */
	rencana_free(got);
	rencana_free(m);
	rencana_free(r);
	store_close(s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* several agencies and years */

START_TEST(test_instansi_tahun)
{
	rencana *a23 = make_plan("kesbangpol", 2023);
	rencana *a24 = make_plan("kesbangpol", 2024);
	rencana *b23 = make_plan("bappeda", 2023), *got;
	store *s = open_db(STORE_CREATE);
	lk_err e = { 0, "" };
	char **kode, *pilih;
	size_t n;
	int *tahun;

	find_iku(a24, "IKU1")->target = NILAI(80);
	b23->instansi.nama = S(b23, "Bappeda");
	save_ok(s, a23, false, NULL);
	save_ok(s, a24, false, NULL);
	save_ok(s, b23, false, NULL);

	ck_assert_int_eq(store_list_instansi(s, &kode, &n, &e), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(kode[0], "bappeda");
	ck_assert_str_eq(kode[1], "kesbangpol");
	store_free_strv(kode, n);

	ck_assert_int_eq(store_list_tahun(s, "kesbangpol", &tahun, &n, &e), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(tahun[0], 2023);
	ck_assert_int_eq(tahun[1], 2024);
	free(tahun);
	ck_assert_int_eq(store_list_tahun(s, "bappeda", &tahun, &n, &e), 0);
	ck_assert_uint_eq(n, 1);
	free(tahun);
	ck_assert_int_eq(store_list_tahun(s, "tidak-ada", &tahun, &n, &e), EX_NOINPUT);
	ck_assert_ptr_nonnull(strstr(e.msg, "tidak-ada"));

	/* Each plan loads as saved; the IKU of two years are distinct rows. */
	got = load_ok(s, "kesbangpol", 2024);
	plan_eq(a24, got);
	rencana_free(got);
	got = load_ok(s, "kesbangpol", 2023);
	plan_eq(a23, got);
	rencana_free(got);
	got = load_ok(s, "bappeda", 2023);
	plan_eq(b23, got);
	rencana_free(got);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM iku"), 12);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM bidang"), 4);

	ck_assert_int_eq(store_pilih_instansi(s, "bappeda", &pilih, &e), 0);
	ck_assert_str_eq(pilih, "bappeda");
	free(pilih);
	rencana_free(a23);
	rencana_free(a24);
	rencana_free(b23);
	store_close(s);
}
END_TEST

/* store_pilih_instansi: the three outcomes and the unknown kode. */
typedef struct pilih_case {
	int n_instansi;          /* agencies in the database: 0, 1 or 2 */
	const char *kode;
	int rc;
	const char *want;        /* result, or a word of the message */
	const char *want2;
} pilih_case;

static const pilih_case pilih_cases[] = {
	{ 0, NULL, EX_NOINPUT, "import one first", NULL },
	{ 1, NULL, 0, "kesbangpol", NULL },
	{ 2, NULL, EX_USAGE, "--instansi", "bappeda, kesbangpol" },
	{ 2, "kesbangpol", 0, "kesbangpol", NULL },
	{ 1, "bappeda", EX_NOINPUT, "'bappeda'", NULL },
	{ 0, "kesbangpol", EX_NOINPUT, "'kesbangpol'", NULL },
};

START_TEST(test_pilih)
{
	const pilih_case *pc = &pilih_cases[_i];
	store *s = open_db(STORE_CREATE);
	lk_err e = { 0, "" };
	char *out = NULL;
	int rc;

	if (pc->n_instansi >= 1) {
		rencana *r = make_plan("kesbangpol", 2023);

		save_ok(s, r, false, NULL);
		rencana_free(r);
	}
	if (pc->n_instansi >= 2) {
		rencana *r = make_plan("bappeda", 2023);

		save_ok(s, r, false, NULL);
		rencana_free(r);
	}
	rc = store_pilih_instansi(s, pc->kode, &out, &e);
	ck_assert_int_eq(rc, pc->rc);
	if (rc == 0) {
		ck_assert_str_eq(out, pc->want);
	} else {
		ck_assert_ptr_null(out);
		ck_assert_msg(strstr(e.msg, pc->want) != NULL, "message: %s", e.msg);
		if (pc->want2 != NULL)
			ck_assert_msg(strstr(e.msg, pc->want2) != NULL, "message: %s", e.msg);
	}
	free(out);
	store_close(s);
}
END_TEST

/* A bidang dropped from one year but still named by another year's
 * sasaran is kept; one named by nobody goes. */
START_TEST(test_bidang_shared)
{
	rencana *a23 = make_plan("kesbangpol", 2023);
	rencana *a24 = make_plan("kesbangpol", 2024), *got;
	store *s = open_db(STORE_CREATE);
	store_diff d;

	save_ok(s, a23, false, NULL);
	/* 2024 without bidang "politik" (SS2 now has none). */
	a24->instansi.n_bidang = 1;
	find_sasaran(a24, "SS2")->bidang = NULL;
	save_ok(s, a24, false, &d);
	ck_assert_uint_eq(d.n[DIFF_BIDANG].removed, 0);
	ck_assert_uint_eq(d.n[DIFF_BIDANG].unchanged, 2);
	got = load_ok(s, "kesbangpol", 2023);
	ck_assert_str_eq(find_sasaran(got, "SS2")->bidang, "politik");
	rencana_free(got);

	/* Once 2023 no longer names it either, the next save removes it. */
	find_sasaran(a23, "SS2")->bidang = NULL;
	a23->instansi.n_bidang = 1;
	save_ok(s, a23, false, &d);
	ck_assert_uint_eq(d.n[DIFF_BIDANG].removed, 1);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM bidang"), 1);
	got = load_ok(s, "kesbangpol", 2024);
	plan_eq(a24, got);
	rencana_free(got);
	rencana_free(a23);
	rencana_free(a24);
	store_close(s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* files that are not ours */

static void
mk_newer(const char *p)
{
	char sql[256];

	snprintf(sql, sizeof sql,
		 "CREATE TABLE instansi (id INTEGER PRIMARY KEY);"
		 "PRAGMA application_id = %d; PRAGMA user_version = %d;",
		 STORE_APPLICATION_ID, STORE_SCHEMA_VERSION + 1);
	raw_exec(p, sql);
}

static void
mk_other_app(const char *p)
{
	raw_exec(p, "PRAGMA application_id = 1234567; PRAGMA user_version = 1;");
}

static void
mk_foreign_tables(const char *p)
{
	raw_exec(p, "CREATE TABLE orang (nama TEXT); INSERT INTO orang VALUES ('x');");
}

static void
mk_text(const char *p)
{
	FILE *f = fopen(p, "w");

	ck_assert_ptr_nonnull(f);
	fputs("format: lakip/1\ninstansi:\n  kode: kesbangpol\n"
	      "This is a text file, not a database, but long enough to have a "
	      "header of one hundred bytes or so; SQLite must refuse it.\n", f);
	fclose(f);
}

typedef struct refuse_case {
	const char *name;
	void (*make)(const char *path);
	unsigned flags;
	const char *msg;
} refuse_case;

static const refuse_case refuse_cases[] = {
	{ "newer", mk_newer, 0, "is newer than this program" },
	{ "newer read-only", mk_newer, STORE_READONLY, "upgrade lakip" },
	{ "other application", mk_other_app, 0, "not a lakip database" },
	{ "foreign tables", mk_foreign_tables, STORE_CREATE, "not a lakip database" },
	{ "text file", mk_text, 0, "not a SQLite database" },
	{ "text file read-only", mk_text, STORE_READONLY, "not a SQLite database" },
};

START_TEST(test_refused)
{
	const refuse_case *rc_ = &refuse_cases[_i];
	lk_err e = { 0, "" };
	store *s = NULL;
	char wal[2100];
	size_t len;
	char *bytes;
	int rc;

	rc_->make(dbpath);
	bytes = slurp(dbpath, &len);
	rc = store_open(dbpath, rc_->flags, &s, &e);
	ck_assert_msg(rc == EX_DATAERR, "%s: rc %d (%s)", rc_->name, rc, e.msg);
	ck_assert_ptr_null(s);
	ck_assert_msg(strstr(e.msg, rc_->msg) != NULL, "%s: message: %s",
		      rc_->name, e.msg);
	ck_assert_ptr_nonnull(strstr(e.msg, dbpath));
	same_file(bytes, len, dbpath);
	snprintf(wal, sizeof wal, "%s-wal", dbpath);
	ck_assert_int_ne(access(wal, F_OK), 0);
	free(bytes);
}
END_TEST

START_TEST(test_newer_message)
{
	lk_err e = { 0, "" };
	store *s = NULL;
	char want[128];

	mk_newer(dbpath);
	ck_assert_int_eq(store_open(dbpath, 0, &s, &e), EX_DATAERR);
	snprintf(want, sizeof want,
		 "database schema version %d is newer than this program (%d): "
		 "upgrade lakip", STORE_SCHEMA_VERSION + 1, STORE_SCHEMA_VERSION);
	ck_assert_msg(strstr(e.msg, want) != NULL, "message: %s", e.msg);
}
END_TEST

/* ------------------------------------------------------------------ */
/* opening, migrations, read-only, locking */

START_TEST(test_open_missing)
{
	lk_err e = { 0, "" };
	store *s = NULL;
	struct stat st;
	char deep[1200], dir[1100];

	ck_assert_int_eq(store_open(dbpath, 0, &s, &e), EX_NOINPUT);
	ck_assert_ptr_nonnull(strstr(e.msg, dbpath));
	ck_assert_int_eq(store_open(dbpath, STORE_READONLY | STORE_CREATE, &s, &e),
			 EX_NOINPUT);
	ck_assert_int_ne(access(dbpath, F_OK), 0);

	snprintf(dir, sizeof dir, "%s/a/b", tmp);
	snprintf(deep, sizeof deep, "%s/c.db", dir);
	ck_assert_int_eq(store_open(deep, STORE_CREATE, &s, &e), 0);
	store_close(s);
	ck_assert_int_eq(stat(dir, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0700);
	snprintf(dbpath, sizeof dbpath, "%s", deep);
	ck_assert_int_eq(raw_int("PRAGMA application_id"), STORE_APPLICATION_ID);
	ck_assert_int_eq(raw_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(STORE_SCHEMA_VERSION, 13);
	{
		sqlite3 *db = raw_open(deep);
		sqlite3_stmt *q;

		ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &q,
						    NULL), SQLITE_OK);
		ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
		ck_assert_str_eq((const char *)sqlite3_column_text(q, 0), "wal");
		sqlite3_finalize(q);
		sqlite3_close(db);
	}

	/* Create in a place that cannot be created. */
	snprintf(deep, sizeof deep, "%s/c.db/x.db", dir);
	ck_assert_int_eq(store_open(deep, STORE_CREATE, &s, &e), EX_CANTCREAT);
}
END_TEST

START_TEST(test_schema_checks)
{
	store *s = open_db(STORE_CREATE);
	rencana *r = make_plan("kesbangpol", 2023);
	sqlite3 *db;

	save_ok(s, r, false, NULL);
	store_close(s);
	db = raw_open(dbpath);
	/* Values are integers: a REAL is refused by the schema. */
	ck_assert_int_ne(sqlite3_exec(db, "UPDATE iku SET target = 1.5", NULL,
				      NULL, NULL), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(db, "UPDATE iku SET polaritas = 'naik'",
				      NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(db, "UPDATE triwulan SET nomor = 5",
				      NULL, NULL, NULL), SQLITE_OK);
	/* Deleting the plan takes everything under it. */
	ck_assert_int_eq(sqlite3_exec(db, "PRAGMA foreign_keys = ON;"
				      "DELETE FROM rencana", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	ck_assert_int_eq(raw_int("SELECT (SELECT count(*) FROM iku) +"
				 " (SELECT count(*) FROM realisasi_iku) +"
				 " (SELECT count(*) FROM tabel_sel) +"
				 " (SELECT count(*) FROM program_sasaran)"), 0);
	rencana_free(r);
}
END_TEST

START_TEST(test_bad_model)
{
	store *s = open_db(STORE_CREATE);
	lk_err e = { 0, "" };
	rencana *r = make_plan("kesbangpol", 2023);

	find_iku(r, "IKU3")->kode = S(r, "IKU1");
	ck_assert_int_eq(store_save(s, r, false, NULL, &e), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(e.msg, "IKU1"));
	find_iku(r, "IKU1")->kode = S(r, "IKU3");       /* the first IKU1 */
	find_sasaran(r, "SS3")->bidang = S(r, "hukum");
	ck_assert_int_eq(store_save(s, r, false, NULL, &e), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(e.msg, "hukum"));
	find_sasaran(r, "SS3")->bidang = NULL;
	r->tw[1].bulan = 4;
	r->tw[1].hari = 31;
	ck_assert_int_eq(store_save(s, r, false, NULL, &e), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(e.msg, "quarter 1"));
	r->tw[1].hari = 30;
	r->program[1].sasaran[0] = S(r, "SS9");
	ck_assert_int_eq(store_save(s, r, false, NULL, &e), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(e.msg, "SS9"));
	ck_assert_int_eq(raw_int("SELECT count(*) FROM instansi"), 0);
	rencana_free(r);
	store_close(s);
}
END_TEST

/* A version-1 database (plan tables only) holding a plan is upgraded and
 * keeps it. */
START_TEST(test_migrate_v1)
{
	lk_err e = { 0, "" };
	rencana *want = make_plan("kesbangpol", 2023), *got;
	store *s;
	int n;

	ck_assert_int_eq(store_create_at_version(dbpath, 1, &e), 0);
	ck_assert_int_eq(raw_int("PRAGMA user_version"), 1);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM sqlite_master WHERE name = 'triwulan'"), 0);
	raw_exec(dbpath,
		 "INSERT INTO instansi VALUES (1, 'kesbangpol',"
		 " 'Badan Kesatuan Bangsa dan Politik',"
		 " 'Pemerintah Provinsi Kalimantan Tengah', 'Palangka Raya', 'logo.png',"
		 " 'Drs. Contoh Pejabat, M.Si', 'Kepala Badan',"
		 " 'Pembina Utama Madya (IV/d)', '196610221993081001');"
		 "INSERT INTO bidang VALUES (1, 1, 'ideologi',"
		 " 'Bidang Ideologi dan Wawasan Kebangsaan', 'Rina Contoh, S.Sos',"
		 " 'Kepala Bidang', 'Pembina (IV/a)', '197501012000032001', 0);"
		 "INSERT INTO bidang VALUES (2, 1, 'politik', 'Bidang Politik Dalam Negeri',"
		 " NULL, NULL, NULL, NULL, 1);"
		 "INSERT INTO rencana VALUES (1, 1, 2023);"
		 "INSERT INTO sasaran VALUES (1, 1, 'SS1', 'Meningkatnya kualitas demokrasi', 1, 0);"
		 "INSERT INTO sasaran VALUES (2, 1, 'SS2', 'Terjaganya harmoni sosial', 2, 1);"
		 "INSERT INTO sasaran VALUES (3, 1, 'SS3', 'Meningkatnya tata kelola (tanpa IKU)', NULL, 2);"
		 "INSERT INTO iku VALUES (1, 1, 1, 'IKU1', 'Indeks Demokrasi Indonesia', 'indeks', 'positif', 785000, 0);"
		 "INSERT INTO iku VALUES (2, 1, 1, 'IKU2', 'Jumlah konflik sosial', 'kasus', 'negatif', 80000, 1);"
		 "INSERT INTO iku VALUES (3, 2, 1, 'IKU3', 'Indeks Harmoni Indonesia', 'indeks', 'positif', 751234, 0);"
		 "INSERT INTO iku VALUES (4, 2, 1, 'IKU4', 'Peserta pendidikan politik', 'orang', 'positif', 12000000, 1);"
		 "INSERT INTO iku_target_tw VALUES (1, 1, 200000), (1, 2, 402500), (1, 3, 600000), (1, 4, 785000),"
		 " (2, 2, 40000), (4, 1, 3000000);"
		 "INSERT INTO program VALUES (1, 1, '2.17.01', 'Program Penunjang Urusan Pemerintahan Daerah', 1139325490950, 0);"
		 "INSERT INTO program VALUES (2, 1, '2.17.02', 'Program Pembinaan Ideologi Pancasila', 75000000000, 1);"
		 "INSERT INTO program VALUES (3, 1, '2.17.03', 'Program Pemberdayaan Wawasan Kebangsaan', 12500000001, 2);"
		 "INSERT INTO program_target_tw VALUES (1, 1, 200000000000), (1, 2, 500000000000),"
		 " (1, 3, 800000000000), (1, 4, 1139325490950), (3, 4, 12500000000);"
		 "INSERT INTO program_sasaran VALUES (1, 1, 0), (1, 2, 1), (2, 3, 0);");

	/* Read-only: no migration, the plan without quarters. */
	ck_assert_int_eq(store_open(dbpath, STORE_READONLY, &s, &e), 0);
	got = load_ok(s, "kesbangpol", 2023);
	ck_assert_int_eq(store_save(s, got, false, NULL, &e), EX_IOERR);
	store_close(s);
	ck_assert_int_eq(raw_int("PRAGMA user_version"), 1);
	for (n = 1; n <= TW_MAX; n++) {
		size_t i, k;

		want->tw[n].ada = false;
		for (i = 0; i < want->n_sasaran; i++) {
			want->sasaran[i].narasi[n] = NULL;
			want->sasaran[i].n_tabel[n] = 0;
			for (k = 0; k < want->sasaran[i].n_iku; k++)
				want->sasaran[i].iku[k].ada_realisasi[n] = false;
		}
		for (i = 0; i < want->n_program; i++)
			want->program[i].ada_realisasi[n] = false;
	}
	plan_eq(want, got);
	rencana_free(got);

	/* Read-write: migrated to the current version, plan intact. */
	s = open_db(0);
	ck_assert_int_eq(raw_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM sqlite_master WHERE name = 'triwulan'"), 1);
	got = load_ok(s, "kesbangpol", 2023);
	plan_eq(want, got);
	rencana_free(got);
	rencana_free(want);
	/* The migrated database takes quarters, ids unchanged (once its
	 * owner has named an admin: a migration hands out no role). */
	ck_assert_int_eq(store_user_add(s, store_actor(s), PERAN_ADMIN, NULL, NULL,
					0, &e), 0);
	want = make_plan("kesbangpol", 2023);
	save_ok(s, want, false, NULL);
	ck_assert_int_eq(raw_int("SELECT id FROM iku WHERE kode = 'IKU4'"), 4);
	got = load_ok(s, "kesbangpol", 2023);
	plan_eq(want, got);
	rencana_free(got);
	rencana_free(want);
	store_close(s);
}
END_TEST

/* A version-8 database (a quarter's date NOT NULL) is upgraded to the
 * version where the date may be unset: every stored date, conclusion and
 * realisation kept with its ids, the columns in their order; then a
 * quarter without a date saves as NULL, loads as not set (0-0-0), and
 * an invalid one is still refused. */
/* A blank target and budget (a year copied from the one before) are
 * NULL in the database, blank when loaded again, audited as such, and
 * held against the audit log like any figure; typing one records it. */
START_TEST(test_blank_target)
{
	rencana *want = make_plan("kesbangpol", 2024), *got;
	char why[512];
	lk_err e = { 0, "" };
	store *s;

	want->sasaran[0].iku[0].target = 0;
	want->sasaran[0].iku[0].target_kosong = true;
	want->program[0].anggaran = 0;
	want->program[0].anggaran_kosong = true;
	s = open_db(STORE_CREATE);
	save_ok(s, want, false, NULL);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM iku WHERE target IS NULL"), 1);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM program WHERE anggaran IS NULL"), 1);
	got = load_ok(s, "kesbangpol", 2024);
	ck_assert(got->sasaran[0].iku[0].target_kosong);
	ck_assert(got->program[0].anggaran_kosong);
	ck_assert(!got->sasaran[0].iku[1].target_kosong);
	ck_assert_int_eq(store_audit_state(s, why, sizeof why, &e), 0);
	/* typed: a figure, audited from blank (NULL) to it */
	got->sasaran[0].iku[0].target_kosong = false;
	got->sasaran[0].iku[0].target = 785000;
	save_ok(s, got, false, NULL);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM iku WHERE target IS NULL"), 0);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE tbl = 'iku' AND"
				 " field = 'target' AND old IS NULL AND new = '78.5'"), 1);
	ck_assert_int_eq(store_audit_state(s, why, sizeof why, &e), 0);
	rencana_free(got);
	rencana_free(want);
	store_close(s);
}
END_TEST

/* A database at dbpath of schema version `version` holding r: r saved
 * in a database of today's version, whose rows of the columns the old
 * one has are copied into it. */
static void
save_at_version(int version, const rencana *r)
{
	char newpath[1100], keep[2048], sql[16384];
	lk_err e = { 0, "" };

	snprintf(newpath, sizeof newpath, "%s/new-%d.db", tmp, version);
	snprintf(keep, sizeof keep, "%s", dbpath);
	snprintf(dbpath, sizeof dbpath, "%s", newpath);
	save_fresh(r);
	snprintf(dbpath, sizeof dbpath, "%s", keep);
	ck_assert_int_eq(store_create_at_version(dbpath, version, &e), 0);
	ck_assert_int_eq(raw_int("PRAGMA user_version"), version);
	snprintf(sql, sizeof sql, "ATTACH '%s' AS new;", newpath);
	for (size_t i = 0; i < N_TABLES; i++) {
		size_t len = strlen(sql);
		char cols[1024];

		cols_of(all_tables[i], cols, sizeof cols);
		snprintf(sql + len, sizeof sql - len,
			 "INSERT INTO main.%s (%s) SELECT %s FROM new.%s;",
			 all_tables[i], cols, cols, all_tables[i]);
	}
	raw_exec(dbpath, sql);
}

START_TEST(test_migrate_v8_tanggal)
{
	int64_t before[N_TABLES], after[N_TABLES];
	rencana *want = make_plan("kesbangpol", 2023), *got;
	lk_err e = { 0, "" };
	store *s;
	size_t i;

	save_at_version(8, want);
	ck_assert_int_eq(raw_int("SELECT \"notnull\" FROM pragma_table_info('triwulan')"
				 " WHERE name = 'tanggal'"), 1);
	row_counts(before);
	ck_assert_int_gt(before[9], 0);         /* triwulan rows */

	s = open_db(0);
	ck_assert_int_eq(raw_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
	row_counts(after);
	for (i = 0; i < N_TABLES; i++)
		ck_assert_msg(before[i] == after[i], "%s: %lld rows, then %lld",
			      all_tables[i], (long long)before[i], (long long)after[i]);
	/* Same columns, same order; the date now nullable. */
	ck_assert_int_eq(raw_int("SELECT count(*) FROM pragma_table_info('triwulan')"), 5);
	ck_assert_int_eq(raw_int("SELECT cid FROM pragma_table_info('triwulan')"
				 " WHERE name = 'tanggal'"), 3);
	ck_assert_int_eq(raw_int("SELECT cid FROM pragma_table_info('triwulan')"
				 " WHERE name = 'kesimpulan'"), 4);
	ck_assert_int_eq(raw_int("SELECT \"notnull\" FROM pragma_table_info('triwulan')"
				 " WHERE name = 'tanggal'"), 0);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM triwulan WHERE nomor = 2"
				 " AND tanggal = '2023-07-12'"), 1);
	got = load_ok(s, "kesbangpol", 2023);
	plan_eq(want, got);
	ck_assert_int_eq(got->tw[2].hari, 12);
	if (raw_int("SELECT count(*) FROM users") == 0)
		ck_assert_int_eq(store_user_add(s, store_actor(s), PERAN_ADMIN,
						NULL, NULL, 0, &e), 0);
	/* Cleared: NULL in the database, not set when loaded, audited. */
	got->tw[2].tahun = got->tw[2].bulan = got->tw[2].hari = 0;
	save_ok(s, got, false, NULL);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM triwulan WHERE nomor = 2"
				 " AND tanggal IS NULL"), 1);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE field ="
				 " 'tanggal' AND old = '2023-07-12' AND new IS NULL"), 1);
	rencana_free(got);
	got = load_ok(s, "kesbangpol", 2023);
	ck_assert(got->tw[2].ada);
	ck_assert(!triwulan_bertanggal(&got->tw[2]));
	ck_assert_int_eq(got->tw[2].tahun, 0);
	ck_assert_str_eq(got->tw[2].kesimpulan, want->tw[2].kesimpulan);
	/* A date that is none is still refused, changing nothing. */
	got->tw[2].tahun = 2023;
	got->tw[2].bulan = 2;
	got->tw[2].hari = 30;
	ck_assert_int_eq(store_save(s, got, false, NULL, &e), EX_DATAERR);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM triwulan WHERE nomor = 2"
				 " AND tanggal IS NULL"), 1);
	rencana_free(got);
	rencana_free(want);
	store_close(s);
}
END_TEST

/* Version 12 to 13: the agency's timestamp authority.  A database of
 * version 12 is read without it; migrated, it keeps every value, the
 * authority is unset, then saved and read back, and a change of it
 * alone is a change of the agency, audited. */
START_TEST(test_migrate_v12_tsa)
{
	rencana *want = make_plan("kesbangpol", 2023), *got;
	store_diff d;
	store *s;

	want->instansi.zona_waktu = S(want, "Asia/Makassar");
	want->instansi.verifikasi = S(want, "https://kesbangpol.example.go.id/v");
	save_at_version(12, want);
	s = open_db(STORE_READONLY);
	got = load_ok(s, "kesbangpol", 2023);
	ck_assert_str_eq(got->instansi.verifikasi, want->instansi.verifikasi);
	ck_assert_ptr_null(got->instansi.tsa);
	rencana_free(got);
	store_close(s);
	ck_assert_int_eq(raw_int("PRAGMA user_version"), 12);

	s = open_db(0);
	ck_assert_int_eq(raw_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
	got = load_ok(s, "kesbangpol", 2023);
	ck_assert_str_eq(got->instansi.zona_waktu, "Asia/Makassar");
	ck_assert_ptr_null(got->instansi.tsa);
	rencana_free(got);
	want->instansi.tsa = S(want, "https://tsa.example.go.id/tsr");
	save_ok(s, want, false, &d);
	ck_assert_int_eq(d.n[DIFF_INSTANSI].changed, 1);
	got = load_ok(s, "kesbangpol", 2023);
	ck_assert_str_eq(got->instansi.tsa, "https://tsa.example.go.id/tsr");
	rencana_free(got);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE tbl = 'instansi'"
				 " AND field = 'tsa' AND old IS NULL AND"
				 " new = 'https://tsa.example.go.id/tsr'"), 1);
	store_close(s);
	{
		/* The table's own check as well as the reader's. */
		sqlite3 *db = raw_open(dbpath);

		ck_assert_int_eq(sqlite3_exec(db, "UPDATE instansi SET tsa ="
					      " 'ftp://x'", NULL, NULL, NULL),
				 SQLITE_CONSTRAINT);
		sqlite3_close(db);
	}
	rencana_free(want);
}
END_TEST

/* A version-2 database holding a plan with quarters is upgraded to
 * version 3: every row and id kept, the account that migrates it becomes
 * its admin (it had no users), the audit chain starts with that record,
 * and the upgraded database takes a save with workflow and audit. */
START_TEST(test_migrate_v2)
{
	char v3path[1100], sql[16384];
	int64_t before[N_TABLES], after[N_TABLES];
	rencana *want = make_plan("kesbangpol", 2023), *got;
	lk_err e = { 0, "" };
	store *s;
	size_t i;

	/* The plan, saved by this version, copied into a version-2 file. */
	snprintf(v3path, sizeof v3path, "%s/v3.db", tmp);
	{
		char keep[2048];

		snprintf(keep, sizeof keep, "%s", dbpath);
		snprintf(dbpath, sizeof dbpath, "%s", v3path);
		save_fresh(want);
		snprintf(dbpath, sizeof dbpath, "%s", keep);
	}
	ck_assert_int_eq(store_create_at_version(dbpath, 2, &e), 0);
	ck_assert_int_eq(raw_int("PRAGMA user_version"), 2);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM sqlite_master WHERE name = 'audit'"), 0);
	snprintf(sql, sizeof sql, "ATTACH '%s' AS v3;", v3path);
	for (i = 0; i < N_TABLES; i++) {
		size_t len = strlen(sql);

		char cols[1024];

		/* Later versions added columns (instansi) and moved some
		 * to the end (iku.target): the version-2 ones, by name. */
		cols_of(all_tables[i], cols, sizeof cols);
		snprintf(sql + len, sizeof sql - len,
			 "INSERT INTO main.%s (%s) SELECT %s FROM v3.%s;",
			 all_tables[i], cols, cols, all_tables[i]);
	}
	raw_exec(dbpath, sql);
	row_counts(before);
	ck_assert_int_gt(before[9], 0);         /* triwulan rows */
	ck_assert_int_gt(before[10], 0);        /* realisasi_iku rows */

	/* Read-only: no migration, the plan with its quarters. */
	ck_assert_int_eq(store_open(dbpath, STORE_READONLY, &s, &e), 0);
	got = load_ok(s, "kesbangpol", 2023);
	plan_eq(want, got);
	rencana_free(got);
	store_close(s);
	ck_assert_int_eq(raw_int("PRAGMA user_version"), 2);

	/* Read-write: the latest version, same rows and ids, the creator is admin. */
	s = open_db(0);
	ck_assert_int_eq(raw_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
	row_counts(after);
	for (i = 0; i < N_TABLES; i++)
		ck_assert_msg(before[i] == after[i], "%s: %lld rows, then %lld",
			      all_tables[i], (long long)before[i], (long long)after[i]);
	/* No role is handed out by the migration: the owner of the file
	 * names the admin, and may do nothing else before. */
	ck_assert_int_eq(raw_int("SELECT count(*) FROM users"), 0);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit"), 0);
	store_set_actor(s, "somebody");
	ck_assert_int_eq(store_izin(s, AKSI_UBAH_RENCANA, &e), EX_NOPERM);
	ck_assert_ptr_nonnull(strstr(e.msg, "no admin"));
	ck_assert_int_eq(store_izin(s, AKSI_PENGGUNA, &e), 0);   /* the file is ours */
	ck_assert_int_eq(store_user_add(s, "somebody", PERAN_ADMIN, NULL, NULL, 0, &e), 0);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM users WHERE role = 'admin'"), 1);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit"), 1);
	/* With an admin, the owner is no one special. */
	store_set_actor(s, "other");
	ck_assert_int_eq(store_izin(s, AKSI_PENGGUNA, &e), EX_NOPERM);
	store_set_actor(s, "somebody");
	got = load_ok(s, "kesbangpol", 2023);
	plan_eq(want, got);
	/* Unchanged save: no audit record; a change: one. */
	save_ok(s, got, false, NULL);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit"), 1);
	find_iku(got, "IKU1")->realisasi[2] += 1;
	save_ok(s, got, false, NULL);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE tbl ="
				 " 'realisasi_iku' AND kode = 'IKU1'"
				 " AND field = 'nilai' AND scope = 'kesbangpol/2023/TW2'"), 1);
	rencana_free(got);
	store_close(s);

	/* A database that already has users keeps them: opening again
	 * changes nothing. */
	s = open_db(0);
	store_close(s);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM users"), 1);
	rencana_free(want);
}
END_TEST

START_TEST(test_readonly)
{
	rencana *r = make_plan("kesbangpol", 2023), *got;
	lk_err e = { 0, "" };
	store *s;
	size_t len;
	char *bytes;

	save_fresh(r);
	bytes = slurp(dbpath, &len);
	s = open_db(STORE_READONLY);
	got = load_ok(s, "kesbangpol", 2023);
	plan_eq(r, got);
	find_iku(got, "IKU1")->target = 1;
	ck_assert_int_eq(store_save(s, got, false, NULL, &e), EX_IOERR);
	ck_assert_msg(strstr(e.msg, "read-only") != NULL, "message: %s", e.msg);
	ck_assert_ptr_nonnull(strstr(e.msg, dbpath));
	ck_assert_int_eq(store_save(s, got, true, NULL, &e), EX_IOERR);
	rencana_free(got);
	store_close(s);
	same_file(bytes, len, dbpath);
	free(bytes);

	/* A file without write permission opens read-only by itself. */
	if (geteuid() != 0) {
		ck_assert_int_eq(chmod(dbpath, 0400), 0);
		s = open_db(0);
		ck_assert_int_eq(store_save(s, r, false, NULL, &e), EX_IOERR);
		store_close(s);
	}
	rencana_free(r);
}
END_TEST

START_TEST(test_busy)
{
	rencana *r = make_plan("kesbangpol", 2023);
	lk_err e = { 0, "" };
	sqlite3 *other;
	store *s;
	struct timespec t0, t1;
	double ms;
	int rc;

	save_fresh(r);
	setenv("LAKIP_BUSY_TIMEOUT", "100", 1);
	s = open_db(0);
	other = raw_open(dbpath);
	ck_assert_int_eq(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL),
			 SQLITE_OK);
	find_iku(r, "IKU1")->target = 1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = store_save(s, r, false, NULL, &e);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	ck_assert_int_eq(rc, EX_TEMPFAIL);
	ck_assert_msg(strstr(e.msg, "locked by another process") != NULL,
		      "message: %s", e.msg);
	ck_assert_msg(ms >= 80 && ms < 10000, "waited %.0f ms", ms);
	/* Reading still works in WAL mode; the change was not written. */
	{
		rencana *got = load_ok(s, "kesbangpol", 2023);

		ck_assert_int_eq(find_iku(got, "IKU1")->target, NILAI(78.5));
		rencana_free(got);
	}
	/* store_set_busy_timeout overrides the environment. */
	store_set_busy_timeout(s, 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ck_assert_int_eq(store_save(s, r, false, NULL, &e), EX_TEMPFAIL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	ck_assert_msg(ms < 1000, "waited %.0f ms with timeout 0", ms);
	ck_assert_int_eq(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	save_ok(s, r, false, NULL);
	store_close(s);
	rencana_free(r);
}
END_TEST

typedef struct unknown_case {
	const char *kode;
	int tahun;
	const char *msg;
} unknown_case;

static const unknown_case unknown_cases[] = {
	{ "kesbangpol", 2022, "no plan for 2022" },
	{ "bappeda", 2023, "no agency 'bappeda'" },
};

START_TEST(test_load_unknown)
{
	const unknown_case *uc = &unknown_cases[_i];
	rencana *r = make_plan("kesbangpol", 2023), *got = NULL;
	lk_err e = { 0, "" };
	store *s;

	save_fresh(r);
	s = open_db(STORE_READONLY);
	ck_assert_int_eq(store_load(s, uc->kode, uc->tahun, &got, &e), EX_NOINPUT);
	ck_assert_ptr_null(got);
	ck_assert_msg(strstr(e.msg, uc->msg) != NULL, "message: %s", e.msg);
	store_close(s);
	rencana_free(r);
}
END_TEST

START_TEST(test_diff_kind_name)
{
	static const char *const want[DIFF_KINDS] = {
		"instansi", "bidang", "sasaran", "IKU", "program", "triwulan",
		"tahunan",
	};
	int k;

	for (k = 0; k < DIFF_KINDS; k++)
		ck_assert_str_eq(store_diff_kind_name((enum store_diff_kind)k), want[k]);
}
END_TEST

/* ------------------------------------------------------------------ */
/* timing, by hand: LAKIP_STORE_BENCH=1 */

static rencana *
make_big(int n_sasaran, int iku_per, int n_program)
{
	rencana *r = make_plan("besar", 2023);
	int i, k, n;
	char kode[32];

	r->n_sasaran = (size_t)n_sasaran;
	r->sasaran = arena_alloc(&r->mem, (size_t)n_sasaran * sizeof(sasaran));
	for (i = 0; i < n_sasaran; i++) {
		sasaran *sa = &r->sasaran[i];

		snprintf(kode, sizeof kode, "SS%d", i + 1);
		sa->kode = S(r, kode);
		sa->uraian = arena_printf(&r->mem, "Sasaran strategis nomor %d", i + 1);
		sa->bidang = S(r, i % 2 ? "politik" : "ideologi");
		sa->n_iku = (size_t)iku_per;
		sa->iku = arena_alloc(&r->mem, (size_t)iku_per * sizeof(iku));
		for (k = 0; k < iku_per; k++) {
			iku *ik = &sa->iku[k];

			snprintf(kode, sizeof kode, "IKU%d.%d", i + 1, k + 1);
			iku_set(r, ik, kode, "Indikator kinerja utama dengan uraian panjang",
				"%", k % 3 ? POLARITAS_POSITIF : POLARITAS_NEGATIF,
				NILAI(75) + k);
			for (n = 1; n <= TW_MAX; n++) {
				tw_target(ik->ada_target_tw, ik->target_tw, n, NILAI(20) * n);
				ik->ada_realisasi[n] = true;
				ik->realisasi[n] = NILAI(19) * n + i;
			}
		}
		for (n = 1; n <= TW_MAX; n++)
			sa->narasi[n] = arena_printf(&r->mem,
				"Narasi sasaran %d triwulan %d. %s", i + 1, n, narasi_utf8);
	}
	r->n_program = (size_t)n_program;
	r->program = arena_alloc(&r->mem, (size_t)n_program * sizeof(program));
	for (i = 0; i < n_program; i++) {
		program *p = &r->program[i];

		snprintf(kode, sizeof kode, "P.%d", i + 1);
		p->kode = S(r, kode);
		p->uraian = S(r, "Program dengan nama yang cukup panjang");
		p->anggaran = RUPIAH(1000000000) + i;
		p->n_sasaran = 1;
		p->sasaran = arena_alloc(&r->mem, sizeof(char *));
		p->sasaran[0] = r->sasaran[i % n_sasaran].kode;
		for (n = 1; n <= TW_MAX; n++) {
			tw_target(p->ada_target_tw, p->target_tw, n, RUPIAH(250000000) * n);
			p->ada_realisasi[n] = true;
			p->realisasi[n] = RUPIAH(200000000) * n;
		}
	}
	for (n = 1; n <= TW_MAX; n++) {
		r->tw[n].ada = true;
		r->tw[n].tahun = 2023;
		r->tw[n].bulan = 3 * n;
		r->tw[n].hari = 28;
	}
	return r;
}

static double
since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3
		+ (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}


/* ------------------------------------------------------------------ */
/* damaged, odd and unreadable files (robustness) */

static char warned[LK_ERR_MAX];
static int n_warned;

static void
catch_warn(void *arg, const char *msg)
{
	(void)arg;
	snprintf(warned, sizeof warned, "%s", msg);
	n_warned++;
}

/* Overwrite the root page of table tbl with 0xFF bytes. */
static void
damage_table(const char *tbl)
{
	char sql[128], page[4096];
	int64_t root, size;
	FILE *f;

	snprintf(sql, sizeof sql,
		 "SELECT rootpage FROM sqlite_master WHERE name = '%s'", tbl);
	root = raw_int(sql);
	size = raw_int("PRAGMA page_size");
	ck_assert_int_le(size, (int64_t)sizeof page);
	memset(page, 0xFF, (size_t)size);
	f = fopen(dbpath, "r+b");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fseek(f, (long)((root - 1) * size), SEEK_SET), 0);
	ck_assert_uint_eq(fwrite(page, 1, (size_t)size, f), (size_t)size);
	fclose(f);
}

START_TEST(test_damaged)
{
	rencana *r = make_plan("kesbangpol", 2023), *got;
	lk_err e = { 0, "" };
	store *s;
	size_t len;
	char *bytes;

	save_fresh(r);
	/* A sound database checked later stays writable. */
	s = open_db(STORE_CHECK_LATER);
	got = load_ok(s, "kesbangpol", 2023);
	ck_assert_int_eq(store_check_sound(s, &e), 0);
	ck_assert(!store_damaged(s) && !store_readonly(s));
	save_ok(s, got, false, NULL);
	rencana_free(got);
	store_close(s);
	damage_table("signed_report");
	bytes = slurp(dbpath, &len);
	n_warned = 0;
	store_set_warn(catch_warn, NULL);

	/* A writing open checks, warns once, and reads go on. */
	s = open_db(0);
	ck_assert(store_damaged(s));
	ck_assert(store_readonly(s));
	ck_assert_int_eq(n_warned, 1);
	ck_assert_msg(strstr(warned, "damaged") && strstr(warned, dbpath),
		      "warning: %s", warned);
	got = load_ok(s, "kesbangpol", 2023);
	plan_eq(r, got);
	/* Every write is refused with EX_DATAERR, naming the database. */
	find_iku(got, "IKU1")->target = 1;
	ck_assert_int_eq(store_save(s, got, false, NULL, &e), EX_DATAERR);
	ck_assert_msg(strstr(e.msg, dbpath) && strstr(e.msg, "damaged"),
		      "message: %s", e.msg);
	ck_assert_int_eq(store_save(s, got, true, NULL, &e), EX_DATAERR);
	ck_assert_int_eq(store_user_add(s, "x", PERAN_OPERATOR, NULL, NULL, 0, &e),
			 EX_DATAERR);
	rencana_free(got);
	store_close(s);
	same_file(bytes, len, dbpath);

	/* A read-only open does not pay for the check. */
	s = open_db(STORE_READONLY);
	ck_assert(!store_damaged(s));
	ck_assert_int_eq(n_warned, 1);
	store_close(s);

	/* STORE_CHECK_LATER: the check waits; reads go on; the first write
	 * runs it first, and is refused. */
	s = open_db(STORE_CHECK_LATER);
	ck_assert(!store_damaged(s));
	ck_assert_int_eq(n_warned, 1);
	got = load_ok(s, "kesbangpol", 2023);
	find_iku(got, "IKU1")->target = 1;
	ck_assert_int_eq(store_save(s, got, false, NULL, &e), EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "damaged"), "message: %s", e.msg);
	ck_assert(store_damaged(s));
	ck_assert(store_readonly(s));
	ck_assert_int_eq(n_warned, 2);
	/* It ran once. */
	ck_assert_int_eq(store_check_sound(s, &e), 0);
	ck_assert_int_eq(n_warned, 2);
	rencana_free(got);
	store_close(s);
	same_file(bytes, len, dbpath);
	/* ... or store_check_sound runs it, when the front end is ready. */
	s = open_db(STORE_CHECK_LATER);
	ck_assert(!store_damaged(s));
	ck_assert_int_eq(store_check_sound(s, &e), 0);
	ck_assert(store_damaged(s));
	ck_assert(store_readonly(s));
	ck_assert_int_eq(n_warned, 3);
	store_close(s);
	store_set_warn(NULL, NULL);
	same_file(bytes, len, dbpath);
	free(bytes);
	rencana_free(r);
}
END_TEST

static const struct busy_case {
	const char *v;
	int rc;
} busy_cases[] = {
	{ "", 0 }, { "0", 0 }, { "100", 0 }, { "3600000", 0 },
	{ "abc", EX_USAGE }, { "-1", EX_USAGE }, { "+5", EX_USAGE },
	{ " 5", EX_USAGE }, { "5 ", EX_USAGE }, { "1.5", EX_USAGE },
	{ "3600001", EX_USAGE }, { "99999999999999999999999", EX_USAGE },
};

START_TEST(test_busy_env)
{
	const struct busy_case *c = &busy_cases[_i];
	lk_err e = { 0, "" };
	store *s = NULL;
	int rc;

	setenv("LAKIP_BUSY_TIMEOUT", c->v, 1);
	rc = store_open(dbpath, STORE_CREATE, &s, &e);
	unsetenv("LAKIP_BUSY_TIMEOUT");
	ck_assert_msg(rc == c->rc, "'%s': %d %s", c->v, rc, e.msg);
	if (rc != 0) {
		ck_assert_ptr_null(s);
		ck_assert_msg(strstr(e.msg, "LAKIP_BUSY_TIMEOUT") != NULL,
			      "message: %s", e.msg);
		ck_assert_int_ne(access(dbpath, F_OK), 0);  /* nothing made */
	}
	store_close(s);
}
END_TEST

START_TEST(test_not_regular)
{
	char side[2100];
	lk_err e = { 0, "" };
	store *s = NULL;

	/* a FIFO would block, a directory or device is no database */
	ck_assert_int_eq(mkfifo(dbpath, 0600), 0);
	ck_assert_int_eq(store_open(dbpath, STORE_CREATE, &s, &e), EX_NOINPUT);
	ck_assert_msg(strstr(e.msg, "FIFO") != NULL, "message: %s", e.msg);
	ck_assert_int_eq(store_open(dbpath, STORE_READONLY, &s, &e), EX_NOINPUT);
	ck_assert_int_eq(store_open(tmp, STORE_CREATE, &s, &e), EX_NOINPUT);
	ck_assert_msg(strstr(e.msg, "directory") != NULL, "message: %s", e.msg);
	ck_assert_int_eq(store_open("/dev/null", STORE_CREATE, &s, &e), EX_NOINPUT);
	ck_assert_msg(strstr(e.msg, "device") != NULL, "message: %s", e.msg);
	ck_assert_ptr_null(s);
	unlink(dbpath);

	/* the same for the -wal file beside it */
	{
		rencana *r = make_plan("kesbangpol", 2023);

		save_fresh(r);
		rencana_free(r);
	}
	snprintf(side, sizeof side, "%s-wal", dbpath);
	ck_assert_int_eq(mkfifo(side, 0600), 0);
	ck_assert_int_eq(store_open(dbpath, 0, &s, &e), EX_NOINPUT);
	ck_assert_msg(strstr(e.msg, side) != NULL, "message: %s", e.msg);
	unlink(side);
}
END_TEST

START_TEST(test_bench)
{
	rencana *r = make_big(500, 10, 2000), *got;
	store *s = open_db(STORE_CREATE);
	struct timespec t0;
	store_diff d;
	int i;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	save_ok(s, r, false, &d);
	fprintf(stderr, "bench: first save of 5000 IKU, 2000 programs, 4 quarters: %.1f ms\n",
		since(&t0));
	ck_assert_uint_eq(d.n[DIFF_IKU].added, 5000);
	for (i = 0; i < 3; i++) {
		clock_gettime(CLOCK_MONOTONIC, &t0);
		got = load_ok(s, "besar", 2023);
		fprintf(stderr, "bench: load: %.1f ms\n", since(&t0));
		if (i == 0)
			plan_eq(r, got);
		rencana_free(got);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	save_ok(s, r, false, &d);
	fprintf(stderr, "bench: save again (all unchanged): %.1f ms\n", since(&t0));
	ck_assert_uint_eq(d.n[DIFF_IKU].unchanged, 5000);
	for (i = 0; i < 500; i++)
		r->sasaran[i].iku[0].target += 1;
	r->sasaran[0].narasi[3] = S(r, "ubah");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	save_ok(s, r, false, &d);
	fprintf(stderr, "bench: save with 500 IKU and one quarter changed: %.1f ms\n",
		since(&t0));
	ck_assert_uint_eq(d.n[DIFF_IKU].changed, 500);
	rencana_free(r);
	store_close(s);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc;

	tc = tcase_create("model");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_roundtrip);
	tcase_add_test(tc, test_resave_unchanged);
	tcase_add_loop_test(tc, test_change, 0, (int)LK_NELEM(change_cases));
	tcase_add_loop_test(tc, test_pk_lock, 0, (int)LK_NELEM(change_cases));
	tcase_add_test(tc, test_remove_iku);
	tcase_add_test(tc, test_remove_sasaran);
	tcase_add_test(tc, test_ids_kept);
	tcase_add_test(tc, test_dry_run);
	tcase_add_test(tc, test_quarters_kept);
	tcase_add_test(tc, test_bad_model);
	tcase_add_test(tc, test_diff_kind_name);
	suite_add_tcase(s, tc);

	tc = tcase_create("instansi");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_instansi_tahun);
	tcase_add_loop_test(tc, test_pilih, 0, (int)LK_NELEM(pilih_cases));
	tcase_add_test(tc, test_bidang_shared);
	tcase_add_loop_test(tc, test_load_unknown, 0, (int)LK_NELEM(unknown_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("file");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 20);
	tcase_add_loop_test(tc, test_refused, 0, (int)LK_NELEM(refuse_cases));
	tcase_add_test(tc, test_newer_message);
	tcase_add_test(tc, test_open_missing);
	tcase_add_test(tc, test_schema_checks);
	tcase_add_test(tc, test_migrate_v1);
	tcase_add_test(tc, test_migrate_v2);
	tcase_add_test(tc, test_migrate_v8_tanggal);
	tcase_add_test(tc, test_migrate_v12_tsa);
	tcase_add_test(tc, test_blank_target);
	tcase_add_test(tc, test_readonly);
	tcase_add_test(tc, test_busy);
	tcase_add_test(tc, test_damaged);
	tcase_add_loop_test(tc, test_busy_env, 0, (int)LK_NELEM(busy_cases));
	tcase_add_test(tc, test_not_regular);
	suite_add_tcase(s, tc);

	if (getenv("LAKIP_STORE_BENCH") != NULL) {
		tc = tcase_create("bench");
		tcase_add_checked_fixture(tc, setup, teardown);
		tcase_set_timeout(tc, 120);
		tcase_add_test(tc, test_bench);
		suite_add_tcase(s, tc);
	}
	return s;
}
