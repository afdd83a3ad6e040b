/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_model_edit.c - editing a rencana in memory: order of entries,
 * references kept consistent, copying a plan, counts per quarter. */
#include "config.h"
#include "lktest.h"

#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/model_edit.h"

/* ------------------------------------------------------------ helpers */

static char *
S(rencana *r, const char *s)
{
	return s ? arena_strdup(&r->mem, s) : NULL;
}

static sasaran *
add_sasaran(rencana *r, const char *kode, const char *bidang)
{
	sasaran *s = rencana_add_sasaran(r, r->n_sasaran);

	s->kode = S(r, kode);
	s->uraian = arena_printf(&r->mem, "Uraian %s", kode);
	s->bidang = S(r, bidang);
	return s;
}

static iku *
add_iku(rencana *r, sasaran *s, const char *kode)
{
	iku *k = rencana_add_iku(r, s, s->n_iku);

	k->kode = S(r, kode);
	k->uraian = arena_printf(&r->mem, "Indikator %s", kode);
	k->satuan = S(r, "%");
	return k;
}

static program *
add_program(rencana *r, const char *kode, const char *const *ss)
{
	program *p = rencana_add_program(r, r->n_program);
	size_t n = 0;

	p->kode = S(r, kode);
	p->uraian = arena_printf(&r->mem, "Program %s", kode);
	while (ss != NULL && ss[n] != NULL)
		n++;
	p->sasaran = n ? arena_alloc(&r->mem, n * sizeof *p->sasaran) : NULL;
	for (size_t i = 0; i < n; i++)
		p->sasaran[i] = S(r, ss[i]);
	p->n_sasaran = n;
	return p;
}

static bidang *
add_bidang(rencana *r, const char *kode)
{
	bidang *b = rencana_add_bidang(r, r->instansi.n_bidang);

	b->kode = S(r, kode);
	b->nama = arena_printf(&r->mem, "Bidang %s", kode);
	return b;
}

/* A small plan:
 *   bidang B1 B2 B3
 *   SS1 (B1): IKU1 IKU2    SS2 (B2): IKU3    SS3 (B1): -
 *   P1 -> SS1 SS2   P2 -> SS2   P3 -> - */
static rencana *
small_plan(void)
{
	static const char *const p1[] = { "SS1", "SS2", NULL };
	static const char *const p2[] = { "SS2", NULL };
	rencana *r = rencana_new();
	instansi *in = &r->instansi;

	r->tahun = 2023;
	in->kode = S(r, "kesbangpol-kalteng");
	in->nama = S(r, "Badan Kesatuan Bangsa dan Politik");
	in->pemerintah = S(r, "Pemerintah Provinsi Kalimantan Tengah");
	in->kota = S(r, "Palangka Raya");
	in->logo = S(r, "logo.png");
	in->kepala.nama = S(r, "Dr. H.M. KATMA F. DIRUN, S.E., M.M.");
	in->kepala.jabatan = S(r, "Kepala Badan");
	in->kepala.pangkat = S(r, "Pembina Utama Madya (IV/d)");
	in->kepala.nip = S(r, "196610221993081001");
	add_bidang(r, "B1");
	add_bidang(r, "B2");
	add_bidang(r, "B3");
	add_sasaran(r, "SS1", "B1");
	add_sasaran(r, "SS2", "B2");
	add_sasaran(r, "SS3", "B1");
	add_iku(r, &r->sasaran[0], "IKU1");
	add_iku(r, &r->sasaran[0], "IKU2");
	add_iku(r, &r->sasaran[1], "IKU3");
	add_program(r, "P1", p1);
	add_program(r, "P2", p2);
	add_program(r, "P3", NULL);
	return r;
}

/* "A,B,C" of the kodes; NULL kodes show as "-".  Static buffer. */
#define ORDER(arr, n, field) order_of((arr), (n), sizeof *(arr), \
	offsetof(__typeof__(*(arr)), field))

static const char *
order_of(const void *arr, size_t n, size_t elem, size_t off)
{
	static char buf[512];
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const char *k = *(char *const *)((const char *)arr + i * elem + off);

		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s",
		    i ? "," : "", k ? k : "-");
	}
	return buf;
}

static const char *
sasaran_order(const rencana *r)
{
	return order_of(r->sasaran, r->n_sasaran, sizeof *r->sasaran,
	    offsetof(sasaran, kode));
}

static const char *
iku_order(const sasaran *s)
{
	return order_of(s->iku, s->n_iku, sizeof *s->iku, offsetof(iku, kode));
}

static const char *
program_order(const rencana *r)
{
	return order_of(r->program, r->n_program, sizeof *r->program,
	    offsetof(program, kode));
}

static const char *
bidang_order(const rencana *r)
{
	return order_of(r->instansi.bidang, r->instansi.n_bidang,
	    sizeof *r->instansi.bidang, offsetof(bidang, kode));
}

static const char *
list_order(char *const *list, size_t n)
{
	return order_of(list, n, sizeof *list, 0);
}

/* The bidang of every sasaran, "-" for none. */
static const char *
sasaran_bidang(const rencana *r)
{
	return order_of(r->sasaran, r->n_sasaran, sizeof *r->sasaran,
	    offsetof(sasaran, bidang));
}

static const char *
program_links(const program *p)
{
	return list_order(p->sasaran, p->n_sasaran);
}

/* --------------------------------------------------------- add / delete */

struct pos_case {
	size_t at;
	const char *want;
};

/* Insertion into SS1,SS2,SS3 of "NEW" at each position. */
static const struct pos_case add_cases[] = {
	{ 0, "NEW,SS1,SS2,SS3" },
	{ 1, "SS1,NEW,SS2,SS3" },
	{ 2, "SS1,SS2,NEW,SS3" },
	{ 3, "SS1,SS2,SS3,NEW" },
};

START_TEST(test_add_sasaran)
{
	/* given */
	rencana *r = small_plan();
	const struct pos_case *c = &add_cases[_i];
	sasaran *s;

	/* when */
	s = rencana_add_sasaran(r, c->at);
	/* then: zeroed, in place, others intact with their IKU */
	ck_assert_ptr_eq(s, &r->sasaran[c->at]);
	ck_assert(s->kode == NULL && s->uraian == NULL && s->bidang == NULL &&
	    s->n_iku == 0 && s->iku == NULL && s->narasi[2] == NULL);
	s->kode = S(r, "NEW");
	ck_assert_str_eq(sasaran_order(r), c->want);
	ck_assert_str_eq(iku_order(rencana_find_sasaran(r, "SS1")),
	    "IKU1,IKU2");
	ck_assert_str_eq(rencana_find_sasaran(r, "SS2")->uraian, "Uraian SS2");
	rencana_free(r);
}
END_TEST

START_TEST(test_add_others)
{
	/* given */
	rencana *r = small_plan();
	sasaran *s1 = &r->sasaran[0];
	iku *k;
	program *p;
	bidang *b;

	/* when / then: IKU at the end, the front and the middle */
	k = rencana_add_iku(r, s1, 2);
	ck_assert_ptr_eq(k, &s1->iku[2]);
	ck_assert(k->kode == NULL && k->target == 0 &&
	    k->polaritas == POLARITAS_POSITIF && !k->ada_realisasi[1]);
	k->kode = S(r, "C");
	rencana_add_iku(r, s1, 0)->kode = S(r, "A");
	rencana_add_iku(r, s1, 2)->kode = S(r, "B");
	ck_assert_str_eq(iku_order(s1), "A,IKU1,B,IKU2,C");
	ck_assert_ptr_eq(&r->sasaran[0], s1);   /* sasaran array not moved */
	/* into an empty sasaran */
	rencana_add_iku(r, &r->sasaran[2], 0)->kode = S(r, "X");
	ck_assert_str_eq(iku_order(&r->sasaran[2]), "X");

	p = rencana_add_program(r, 1);
	ck_assert(p->kode == NULL && p->n_sasaran == 0 && p->anggaran == 0);
	p->kode = S(r, "PN");
	rencana_add_program(r, 4)->kode = S(r, "PZ");
	rencana_add_program(r, 0)->kode = S(r, "PA");
	ck_assert_str_eq(program_order(r), "PA,P1,PN,P2,P3,PZ");
	ck_assert_str_eq(program_links(rencana_find_program(r, "P1")), "SS1,SS2");

	b = rencana_add_bidang(r, 0);
	ck_assert(b->kode == NULL && !b->ada_kepala);
	b->kode = S(r, "B0");
	rencana_add_bidang(r, 2)->kode = S(r, "Bx");
	rencana_add_bidang(r, 5)->kode = S(r, "B9");
	ck_assert_str_eq(bidang_order(r), "B0,B1,Bx,B2,B3,B9");
	rencana_free(r);
}
END_TEST

static const struct pos_case delete_cases[] = {
	{ 0, "SS2,SS3" },
	{ 1, "SS1,SS3" },
	{ 2, "SS1,SS2" },
};

START_TEST(test_delete_sasaran)
{
	/* given */
	rencana *r = small_plan();
	const struct pos_case *c = &delete_cases[_i];

	/* when */
	rencana_delete_sasaran(r, c->at);
	/* then: gone from the list and from every program */
	ck_assert_str_eq(sasaran_order(r), c->want);
	switch (c->at) {
	case 0:
		ck_assert_str_eq(program_links(&r->program[0]), "SS2");
		ck_assert_str_eq(program_links(&r->program[1]), "SS2");
		ck_assert_str_eq(iku_order(&r->sasaran[0]), "IKU3");
		break;
	case 1:
		ck_assert_str_eq(program_links(&r->program[0]), "SS1");
		ck_assert_str_eq(program_links(&r->program[1]), "");
		ck_assert_str_eq(iku_order(&r->sasaran[0]), "IKU1,IKU2");
		break;
	default:
		ck_assert_str_eq(program_links(&r->program[0]), "SS1,SS2");
		ck_assert_str_eq(program_links(&r->program[1]), "SS2");
		break;
	}
	ck_assert_str_eq(program_links(&r->program[2]), "");
	ck_assert_ptr_null(rencana_find_iku(r, c->at == 0 ? "IKU1" :
	    c->at == 1 ? "IKU3" : "nothing", NULL));
	rencana_free(r);
}
END_TEST

START_TEST(test_delete_others)
{
	/* given */
	rencana *r = small_plan();
	sasaran *s1 = &r->sasaran[0];

	/* IKU: last, then first; an empty list */
	rencana_add_iku(r, s1, 2)->kode = S(r, "IKU9");
	rencana_delete_iku(r, s1, 1);
	ck_assert_str_eq(iku_order(s1), "IKU1,IKU9");
	rencana_delete_iku(r, s1, 1);
	ck_assert_str_eq(iku_order(s1), "IKU1");
	rencana_delete_iku(r, s1, 0);
	ck_assert_str_eq(iku_order(s1), "");
	ck_assert_uint_eq(s1->n_iku, 0);
	/* programs: middle, last, first */
	rencana_delete_program(r, 1);
	ck_assert_str_eq(program_order(r), "P1,P3");
	rencana_delete_program(r, 1);
	ck_assert_str_eq(program_order(r), "P1");
	rencana_delete_program(r, 0);
	ck_assert_uint_eq(r->n_program, 0);
	/* the sasaran were not touched */
	ck_assert_str_eq(sasaran_order(r), "SS1,SS2,SS3");
	rencana_free(r);
}
END_TEST

START_TEST(test_delete_bidang)
{
	/* given */
	rencana *r = small_plan();

	/* when: B1, used by SS1 and SS3 */
	rencana_delete_bidang(r, 0);
	/* then */
	ck_assert_str_eq(bidang_order(r), "B2,B3");
	ck_assert_str_eq(sasaran_bidang(r), "-,B2,-");
	/* the last one, used by nobody */
	rencana_delete_bidang(r, 1);
	ck_assert_str_eq(bidang_order(r), "B2");
	ck_assert_str_eq(sasaran_bidang(r), "-,B2,-");
	rencana_delete_bidang(r, 0);
	ck_assert_str_eq(sasaran_bidang(r), "-,-,-");
	ck_assert_uint_eq(r->instansi.n_bidang, 0);
	rencana_free(r);
}
END_TEST

/* ---------------------------------------------------------------- move */

struct move_case {
	size_t from, to;
	const char *want;       /* from A,B,C,D */
};

static const struct move_case move_cases[] = {
	{ 0, 3, "B,C,D,A" },
	{ 3, 0, "D,A,B,C" },
	{ 1, 2, "A,C,B,D" },
	{ 2, 1, "A,C,B,D" },
	{ 0, 1, "B,A,C,D" },
	{ 3, 2, "A,B,D,C" },
	{ 1, 3, "A,C,D,B" },
	{ 2, 0, "C,A,B,D" },
	{ 1, 1, "A,B,C,D" },
};

START_TEST(test_move)
{
	/* given: four of each kind, A B C D */
	static const char *const k[] = { "A", "B", "C", "D" };
	const struct move_case *c = &move_cases[_i];
	rencana *r = rencana_new();
	sasaran *s;
	char **list = NULL;
	size_t n_list = 0;

	for (size_t i = 0; i < 4; i++) {
		add_sasaran(r, k[i], NULL);
		add_program(r, k[i], NULL);
		add_bidang(r, k[i]);
		triwulan_list_set(r, &list, &n_list, i, k[i]);
	}
	s = add_sasaran(r, "S", NULL);
	for (size_t i = 0; i < 4; i++)
		add_iku(r, s, k[i]);
	rencana_move_sasaran(r, 4, 0);          /* S first, A..D after */
	s = &r->sasaran[0];
	ck_assert_str_eq(sasaran_order(r), "S,A,B,C,D");
	rencana_move_sasaran(r, 0, 4);          /* and back */
	ck_assert_str_eq(sasaran_order(r), "A,B,C,D,S");
	s = &r->sasaran[4];
	ck_assert_str_eq(iku_order(s), "A,B,C,D");
	/* when */
	rencana_move_sasaran(r, c->from, c->to);
	rencana_move_iku(r, s, c->from, c->to);
	rencana_move_program(r, c->from, c->to);
	rencana_move_bidang(r, c->from, c->to);
	triwulan_list_move(list, n_list, c->from, c->to);
	/* then: the same order everywhere, contents moved along */
	{
		char want_s[32];

		snprintf(want_s, sizeof want_s, "%s,S", c->want);
		ck_assert_str_eq(sasaran_order(r), want_s);
	}
	ck_assert_str_eq(iku_order(s), c->want);
	ck_assert_str_eq(program_order(r), c->want);
	ck_assert_str_eq(bidang_order(r), c->want);
	ck_assert_str_eq(list_order(list, n_list), c->want);
	for (size_t i = 0; i < 4; i++) {
		char want[32];

		snprintf(want, sizeof want, "Uraian %s", r->sasaran[i].kode);
		ck_assert_str_eq(r->sasaran[i].uraian, want);
		snprintf(want, sizeof want, "Program %s", r->program[i].kode);
		ck_assert_str_eq(r->program[i].uraian, want);
		snprintf(want, sizeof want, "Indikator %s", s->iku[i].kode);
		ck_assert_str_eq(s->iku[i].uraian, want);
	}
	rencana_free(r);
}
END_TEST

/* -------------------------------------------------------------- rename */

START_TEST(test_rename_sasaran)
{
	/* given */
	rencana *r = small_plan();

	/* when: SS2, linked from P1 and P2 */
	ck_assert_int_eq(rencana_rename_sasaran(r, &r->sasaran[1], "SS2a"), 0);
	/* then */
	ck_assert_str_eq(sasaran_order(r), "SS1,SS2a,SS3");
	ck_assert_str_eq(program_links(&r->program[0]), "SS1,SS2a");
	ck_assert_str_eq(program_links(&r->program[1]), "SS2a");
	ck_assert_ptr_null(rencana_find_sasaran(r, "SS2"));
	/* taken by another sasaran: refused, nothing changes */
	ck_assert_int_eq(rencana_rename_sasaran(r, &r->sasaran[0], "SS3"), -1);
	ck_assert_str_eq(sasaran_order(r), "SS1,SS2a,SS3");
	ck_assert_str_eq(program_links(&r->program[0]), "SS1,SS2a");
	/* its own kode: fine, nothing changes */
	ck_assert_int_eq(rencana_rename_sasaran(r, &r->sasaran[0], "SS1"), 0);
	ck_assert_str_eq(program_links(&r->program[0]), "SS1,SS2a");
	/* a new sasaran without kode gets one; no program refers to it */
	rencana_add_sasaran(r, 3);
	ck_assert_int_eq(rencana_rename_sasaran(r, &r->sasaran[3], "SS4"), 0);
	ck_assert_str_eq(sasaran_order(r), "SS1,SS2a,SS3,SS4");
	ck_assert_str_eq(program_links(&r->program[0]), "SS1,SS2a");
	/* the kode is copied */
	{
		char buf[8] = "SS5";

		ck_assert_int_eq(rencana_rename_sasaran(r, &r->sasaran[3], buf),
		    0);
		buf[2] = 'X';
		ck_assert_str_eq(r->sasaran[3].kode, "SS5");
	}
	rencana_free(r);
}
END_TEST

START_TEST(test_rename_bidang)
{
	/* given */
	rencana *r = small_plan();

	/* when: B1, used by SS1 and SS3 */
	ck_assert_int_eq(rencana_rename_bidang(r, &r->instansi.bidang[0],
	    "poldagri"), 0);
	/* then */
	ck_assert_str_eq(bidang_order(r), "poldagri,B2,B3");
	ck_assert_str_eq(sasaran_bidang(r), "poldagri,B2,poldagri");
	ck_assert_int_eq(rencana_rename_bidang(r, &r->instansi.bidang[2], "B2"),
	    -1);
	ck_assert_str_eq(bidang_order(r), "poldagri,B2,B3");
	ck_assert_int_eq(rencana_rename_bidang(r, &r->instansi.bidang[2], "B3"),
	    0);
	ck_assert_str_eq(sasaran_bidang(r), "poldagri,B2,poldagri");
	rencana_free(r);
}
END_TEST

START_TEST(test_find)
{
	rencana *r = small_plan();
	sasaran *owner = (sasaran *)&owner;
	iku *k;

	ck_assert_ptr_eq(rencana_find_sasaran(r, "SS2"), &r->sasaran[1]);
	ck_assert_ptr_null(rencana_find_sasaran(r, "ss2"));
	ck_assert_ptr_null(rencana_find_sasaran(r, NULL));
	k = rencana_find_iku(r, "IKU3", &owner);
	ck_assert_ptr_eq(k, &r->sasaran[1].iku[0]);
	ck_assert_ptr_eq(owner, &r->sasaran[1]);
	ck_assert_ptr_eq(rencana_find_iku(r, "IKU2", NULL),
	    &r->sasaran[0].iku[1]);
	ck_assert_ptr_null(rencana_find_iku(r, "IKU9", &owner));
	ck_assert_ptr_null(owner);
	ck_assert_ptr_eq(rencana_find_program(r, "P3"), &r->program[2]);
	ck_assert_ptr_null(rencana_find_program(r, "P4"));
	ck_assert_ptr_eq(rencana_find_bidang(r, "B2"), &r->instansi.bidang[1]);
	ck_assert_ptr_null(rencana_find_bidang(r, "B4"));
	/* entries without kode are skipped */
	rencana_add_program(r, 0);
	ck_assert_ptr_eq(rencana_find_program(r, "P1"), &r->program[1]);
	rencana_free(r);
}
END_TEST

/* --------------------------------------------------------- string lists */

START_TEST(test_list)
{
	/* given */
	rencana *r = rencana_new();
	triwulan *t = &r->tw[2];
	char buf[32];

	/* when / then: appends, replaces, copies */
	strcpy(buf, "Anggaran terbatas");
	triwulan_list_set(r, &t->permasalahan, &t->n_permasalahan, 0, buf);
	buf[0] = 'X';
	ck_assert_str_eq(t->permasalahan[0], "Anggaran terbatas");
	triwulan_list_set(r, &t->permasalahan, &t->n_permasalahan, 1, "B");
	triwulan_list_set(r, &t->permasalahan, &t->n_permasalahan, 2, "C");
	ck_assert_uint_eq(t->n_permasalahan, 3);
	triwulan_list_set(r, &t->permasalahan, &t->n_permasalahan, 0, "A");
	ck_assert_str_eq(list_order(t->permasalahan, t->n_permasalahan),
	    "A,B,C");
	triwulan_list_set(r, &t->permasalahan, &t->n_permasalahan, 1, "B2");
	ck_assert_str_eq(list_order(t->permasalahan, t->n_permasalahan),
	    "A,B2,C");
	triwulan_list_delete(t->permasalahan, &t->n_permasalahan, 1);
	ck_assert_str_eq(list_order(t->permasalahan, t->n_permasalahan), "A,C");
	triwulan_list_delete(t->permasalahan, &t->n_permasalahan, 1);
	ck_assert_str_eq(list_order(t->permasalahan, t->n_permasalahan), "A");
	triwulan_list_delete(t->permasalahan, &t->n_permasalahan, 0);
	ck_assert_uint_eq(t->n_permasalahan, 0);
	/* the other list is separate */
	ck_assert_uint_eq(t->n_tindak_lanjut, 0);
	triwulan_list_set(r, &t->tindak_lanjut, &t->n_tindak_lanjut, 0, "T");
	ck_assert_str_eq(list_order(t->tindak_lanjut, t->n_tindak_lanjut), "T");
	rencana_free(r);
}
END_TEST

START_TEST(test_tabel)
{
	/* given */
	rencana *r = small_plan();
	sasaran *s = &r->sasaran[0];
	tabel *t;

	/* when / then */
	t = rencana_add_tabel(r, s, 2, 0);
	ck_assert_ptr_eq(t, &s->tabel[2][0]);
	ck_assert(t->judul == NULL && t->n_kolom == 0 && t->n_baris == 0);
	t->judul = S(r, "T2");
	rencana_add_tabel(r, s, 2, 0)->judul = S(r, "T1");
	rencana_add_tabel(r, s, 2, 2)->judul = S(r, "T3");
	ck_assert_str_eq(ORDER(s->tabel[2], s->n_tabel[2], judul), "T1,T2,T3");
	ck_assert_uint_eq(s->n_tabel[1], 0);
	rencana_move_tabel(r, s, 2, 0, 2);
	ck_assert_str_eq(ORDER(s->tabel[2], s->n_tabel[2], judul), "T2,T3,T1");
	rencana_delete_tabel(r, s, 2, 1);
	ck_assert_str_eq(ORDER(s->tabel[2], s->n_tabel[2], judul), "T2,T1");
	rencana_free(r);
}
END_TEST

/* ----------------------------------------------------------- copy plan */

START_TEST(test_copy_plan)
{
	/* given: a plan with everything filled in */
	rencana *src = small_plan(), *r;
	iku *k = &src->sasaran[0].iku[0];
	program *p = &src->program[0];
	bidang *b = &src->instansi.bidang[1];

	k->polaritas = POLARITAS_NEGATIF;
	k->target = 785000;
	k->ada_target_tw[2] = true;
	k->target_tw[2] = 400000;
	k->ada_realisasi[2] = true;
	k->realisasi[2] = 300000;
	p->anggaran = 1139325490900;
	p->ada_target_tw[1] = true;
	p->target_tw[1] = 100;
	p->ada_realisasi[1] = true;
	p->realisasi[1] = 50;
	b->ada_kepala = true;
	b->kepala.nama = S(src, "Kabid");
	b->kepala.jabatan = S(src, "Kepala Bidang");
	src->sasaran[1].narasi[2] = S(src, "Narasi");
	rencana_add_tabel(src, &src->sasaran[1], 2, 0)->judul = S(src, "IDI");
	src->tw[2].ada = true;
	src->tw[2].tahun = 2023;
	src->tw[2].bulan = 7;
	src->tw[2].hari = 14;
	src->tw[2].kesimpulan = S(src, "Kesimpulan");
	triwulan_list_set(src, &src->tw[2].permasalahan,
	    &src->tw[2].n_permasalahan, 0, "Masalah");
	/* the whole year's data: what belongs to the agency and the Renstra
	 * goes with the plan, the year's reports do not */
	{
		static predikat_band band[] = { { "Baik", true, 8000, "baik" },
			{ "Kurang", false, 0, NULL } };
		static kategori_band kat[] = { { "baik", KATEGORI_LEBIH_DARI,
			800000 }, { "buruk", KATEGORI_SISA, 0 } };
		static tahun_nilai tr[] = { { 2021, 10000 }, { 2025, 50000 } };
		static tahun_nilai rw[] = { { 2022, 7 }, { 2024, 9 } };

		src->instansi.predikat.band = band;
		src->instansi.predikat.n = 2;
		src->instansi.zona_waktu = S(src, "Asia/Jayapura");
		src->instansi.verifikasi = S(src, "https://x.go.id/v");
		src->renstra = (renstra){ true, 2021, 2025, S(src, "Renstra") };
		k->kategori = kat;
		k->n_kategori = 2;
		k->target_renstra = tr;
		k->n_target_renstra = 2;
		k->riwayat = rw;
		k->n_riwayat = 2;
		k->ada_baseline = true;
		k->baseline_tahun = 2020;
		k->baseline_nilai = 5;
		k->ada_standar_nasional = true;
		k->standar_nasional = 6;
		k->keterangan[2] = S(src, "Catatan");
		k->ada_realisasi_tahunan = true;
		src->tahunan.ada = true;
		src->perjanjian.ada = true;
	}

	/* when */
	r = rencana_copy_plan(src, 2024);
	/* then: the copy stands alone */
	ck_assert_ptr_ne(r, src);
	ck_assert_ptr_ne(r->instansi.nama, src->instansi.nama);
	ck_assert_ptr_ne(r->sasaran, src->sasaran);
	ck_assert_ptr_ne(r->instansi.logo, src->instansi.logo);
	ck_assert_ptr_ne(r->instansi.kepala.nip, src->instansi.kepala.nip);
	ck_assert_ptr_ne(r->instansi.bidang[0].kode, src->instansi.bidang[0].kode);
	ck_assert_ptr_ne(r->sasaran[0].iku[0].satuan, src->sasaran[0].iku[0].satuan);
	ck_assert_ptr_ne(r->program[0].sasaran[0], src->program[0].sasaran[0]);
	rencana_free(src);
	ck_assert_int_eq(r->tahun, 2024);
	ck_assert_int_eq(r->instansi.predikat.n, 2);
	ck_assert_str_eq(r->instansi.predikat.band[0].nama, "Baik");
	ck_assert_int_eq(r->instansi.predikat.band[0].min, 8000);
	ck_assert_str_eq(r->instansi.zona_waktu, "Asia/Jayapura");
	ck_assert_str_eq(r->instansi.verifikasi, "https://x.go.id/v");
	ck_assert(r->renstra.ada);
	ck_assert_int_eq(r->renstra.akhir, 2025);
	ck_assert_str_eq(r->renstra.nama, "Renstra");
	ck_assert_int_eq(r->sasaran[0].iku[0].n_kategori, 2);
	ck_assert_str_eq(r->sasaran[0].iku[0].kategori[0].label, "baik");
	ck_assert_int_eq(r->sasaran[0].iku[0].n_target_renstra, 2);
	ck_assert_int_eq(r->sasaran[0].iku[0].n_riwayat, 1);   /* before 2024 */
	ck_assert_int_eq(r->sasaran[0].iku[0].riwayat[0].tahun, 2022);
	ck_assert(r->sasaran[0].iku[0].ada_baseline);
	ck_assert(r->sasaran[0].iku[0].ada_standar_nasional);
	ck_assert_ptr_null(r->sasaran[0].iku[0].keterangan[2]);
	ck_assert(!r->sasaran[0].iku[0].ada_realisasi_tahunan);
	ck_assert(!r->tahunan.ada);
	ck_assert(!r->perjanjian.ada);
	ck_assert_str_eq(r->instansi.kode, "kesbangpol-kalteng");
	ck_assert_str_eq(r->instansi.pemerintah,
	    "Pemerintah Provinsi Kalimantan Tengah");
	ck_assert_str_eq(r->instansi.kota, "Palangka Raya");
	ck_assert_str_eq(r->instansi.logo, "logo.png");
	ck_assert_str_eq(r->instansi.kepala.nama,
	    "Dr. H.M. KATMA F. DIRUN, S.E., M.M.");
	ck_assert_str_eq(r->instansi.kepala.jabatan, "Kepala Badan");
	ck_assert_str_eq(r->instansi.kepala.pangkat,
	    "Pembina Utama Madya (IV/d)");
	ck_assert_str_eq(r->instansi.kepala.nip, "196610221993081001");
	ck_assert_str_eq(bidang_order(r), "B1,B2,B3");
	ck_assert(r->instansi.bidang[1].ada_kepala);
	ck_assert_str_eq(r->instansi.bidang[1].kepala.nama, "Kabid");
	ck_assert_ptr_null(r->instansi.bidang[1].kepala.nip);
	ck_assert(!r->instansi.bidang[0].ada_kepala);
	ck_assert_str_eq(r->instansi.bidang[0].nama, "Bidang B1");
	/* sasaran and IKU: texts kept, figures empty */
	ck_assert_str_eq(sasaran_order(r), "SS1,SS2,SS3");
	ck_assert_str_eq(sasaran_bidang(r), "B1,B2,B1");
	ck_assert_str_eq(r->sasaran[0].uraian, "Uraian SS1");
	ck_assert_str_eq(iku_order(&r->sasaran[0]), "IKU1,IKU2");
	ck_assert_str_eq(iku_order(&r->sasaran[1]), "IKU3");
	ck_assert_str_eq(iku_order(&r->sasaran[2]), "");
	k = &r->sasaran[0].iku[0];
	ck_assert_str_eq(k->uraian, "Indikator IKU1");
	ck_assert_str_eq(k->satuan, "%");
	ck_assert(k->polaritas == POLARITAS_NEGATIF);
	ck_assert(r->sasaran[0].iku[1].polaritas == POLARITAS_POSITIF);
	/* no Renstra target for 2024: blank, to be typed, not 0 */
	ck_assert_int_eq(k->target, 0);
	ck_assert(k->target_kosong);
	ck_assert(r->sasaran[0].iku[1].target_kosong);
	for (int tw = 0; tw <= TW_MAX; tw++) {
		ck_assert(!k->ada_target_tw[tw] && k->target_tw[tw] == 0);
		ck_assert(!k->ada_realisasi[tw] && k->realisasi[tw] == 0);
		ck_assert(!r->program[0].ada_target_tw[tw] &&
		    r->program[0].target_tw[tw] == 0);
		ck_assert(!r->program[0].ada_realisasi[tw] &&
		    r->program[0].realisasi[tw] == 0);
		ck_assert(!r->tw[tw].ada && r->tw[tw].tahun == 0);
		ck_assert(r->tw[tw].kesimpulan == NULL &&
		    r->tw[tw].n_permasalahan == 0 &&
		    r->tw[tw].n_tindak_lanjut == 0 && r->tw[tw].n_teks == 0);
		for (size_t i = 0; i < r->n_sasaran; i++)
			ck_assert(r->sasaran[i].narasi[tw] == NULL &&
			    r->sasaran[i].n_tabel[tw] == 0 &&
			    r->sasaran[i].tabel[tw] == NULL);
	}
	/* programs: texts and links kept, budget empty */
	ck_assert_str_eq(program_order(r), "P1,P2,P3");
	ck_assert_str_eq(r->program[0].uraian, "Program P1");
	ck_assert_int_eq(r->program[0].anggaran, 0);
	ck_assert(r->program[0].anggaran_kosong && r->program[2].anggaran_kosong);
	{
		char list[64];

		ck_assert_uint_eq(rencana_kosong(r, list, sizeof list), 6);
		ck_assert_str_eq(list, "IKU1, IKU2, IKU3, P1, P2, P3");
		ck_assert_uint_eq(rencana_kosong(r, list, 12), 6);
		ck_assert_str_eq(list, "IKU1, IK...");
	}
	ck_assert_str_eq(program_links(&r->program[0]), "SS1,SS2");
	ck_assert_str_eq(program_links(&r->program[1]), "SS2");
	ck_assert_str_eq(program_links(&r->program[2]), "");
	/* and it can be edited like any plan */
	rencana_delete_sasaran(r, 1);
	ck_assert_str_eq(program_links(&r->program[0]), "SS1");
	rencana_free(r);
}
END_TEST

/* A year the Renstra gives a target for takes it; the others are blank;
 * a year outside the Renstra takes none. */
START_TEST(test_copy_renstra_target)
{
	static tahun_nilai tr[] = { { 2024, 810000 }, { 2025, 820000 } };
	rencana *src = small_plan(), *r;
	iku *k = &src->sasaran[0].iku[0];

	src->renstra = (renstra){ true, 2021, 2025, S(src, "Renstra") };
	k->target = 785000;
	k->target_renstra = tr;
	k->n_target_renstra = 2;
	src->sasaran[0].iku[1].target = 5;
	r = rencana_copy_plan(src, 2025);
	ck_assert(!r->sasaran[0].iku[0].target_kosong);
	ck_assert_int_eq(r->sasaran[0].iku[0].target, 820000);
	ck_assert(r->sasaran[0].iku[1].target_kosong);
	ck_assert_int_eq(r->sasaran[0].iku[1].target, 0);
	rencana_free(r);
	r = rencana_copy_plan(src, 2026);
	ck_assert(r->sasaran[0].iku[0].target_kosong);
	ck_assert_int_eq(r->sasaran[0].iku[0].n_target_renstra, 0);
	rencana_free(r);
	rencana_free(src);
}
END_TEST

START_TEST(test_copy_empty)
{
	rencana *src = rencana_new(), *r;

	r = rencana_copy_plan(src, 2025);
	ck_assert_int_eq(r->tahun, 2025);
	ck_assert(r->n_sasaran == 0 && r->n_program == 0 &&
	    r->instansi.n_bidang == 0 && r->instansi.nama == NULL &&
	    r->instansi.logo == NULL);
	rencana_free(src);
	rencana_free(r);
}
END_TEST

/* --------------------------------------------------------------- counts */

START_TEST(test_hitung_isian)
{
	/* given: the small plan (3 IKU, 3 programs, 3 sasaran) with quarter
	 * 2 partly filled and quarter 1 filled differently */
	rencana *r = small_plan();
	rencana_isian is;

	r->sasaran[0].iku[0].ada_realisasi[2] = true;
	r->sasaran[1].iku[0].ada_realisasi[2] = true;
	r->sasaran[1].iku[0].realisasi[2] = 0;       /* 0 is a realisation */
	r->sasaran[0].iku[1].ada_realisasi[1] = true;
	r->program[2].ada_realisasi[2] = true;
	r->sasaran[0].narasi[2] = S(r, "Capaian baik.");
	r->sasaran[1].narasi[2] = S(r, " \n ");      /* blank: not filled */
	r->sasaran[2].narasi[1] = S(r, "TW I");
	r->tw[2].ada = true;
	r->tw[2].tahun = 2023;
	r->tw[2].bulan = 7;
	r->tw[2].hari = 14;
	r->tw[2].kesimpulan = S(r, "Kesimpulan.");
	triwulan_list_set(r, &r->tw[2].permasalahan, &r->tw[2].n_permasalahan,
	    0, "M1");
	triwulan_list_set(r, &r->tw[2].permasalahan, &r->tw[2].n_permasalahan,
	    1, "M2");
	triwulan_list_set(r, &r->tw[2].tindak_lanjut,
	    &r->tw[2].n_tindak_lanjut, 0, "T1");
	r->tw[4].tahun = 2023;               /* a date, but not reported */
	r->tw[4].bulan = 12;
	r->tw[4].hari = 31;
	r->tw[1].ada = true;                 /* reported, but no date yet */
	r->tw[1].kesimpulan = S(r, "   ");

	/* when / then: quarter 2 */
	memset(&is, 0xAA, sizeof is);
	rencana_hitung_isian(r, 2, &is);
	ck_assert_uint_eq(is.iku, 3);
	ck_assert_uint_eq(is.iku_terisi, 2);
	ck_assert_uint_eq(is.program, 3);
	ck_assert_uint_eq(is.program_terisi, 1);
	ck_assert_uint_eq(is.sasaran, 3);
	ck_assert_uint_eq(is.narasi_terisi, 1);
	ck_assert(is.tanggal);
	ck_assert(is.kesimpulan);
	ck_assert_uint_eq(is.permasalahan, 2);
	ck_assert_uint_eq(is.tindak_lanjut, 1);
	/* quarter 1 */
	rencana_hitung_isian(r, 1, &is);
	ck_assert_uint_eq(is.iku_terisi, 1);
	ck_assert_uint_eq(is.program_terisi, 0);
	ck_assert_uint_eq(is.narasi_terisi, 1);
	ck_assert(!is.tanggal);
	ck_assert(!is.kesimpulan);
	ck_assert_uint_eq(is.permasalahan, 0);
	/* quarter 4: nothing */
	rencana_hitung_isian(r, 4, &is);
	ck_assert(is.iku == 3 && is.iku_terisi == 0 && is.program == 3 &&
	    is.program_terisi == 0 && is.sasaran == 3 &&
	    is.narasi_terisi == 0 && !is.tanggal && !is.kesimpulan &&
	    is.permasalahan == 0 && is.tindak_lanjut == 0);
	/* no quarter: totals only */
	rencana_hitung_isian(r, 0, &is);
	ck_assert(is.iku == 3 && is.iku_terisi == 0 && is.program == 3 &&
	    is.narasi_terisi == 0 && !is.tanggal);
	rencana_hitung_isian(r, 5, &is);
	ck_assert(is.sasaran == 3 && is.iku_terisi == 0);
	rencana_free(r);
}
END_TEST

/* ---------------------------------------------------- programmer errors */

START_TEST(test_abort_add_past_end)
{
	rencana *r = small_plan();

	rencana_add_sasaran(r, 4);
}
END_TEST

START_TEST(test_abort_delete_past_end)
{
	rencana *r = small_plan();

	rencana_delete_program(r, 3);
}
END_TEST

START_TEST(test_abort_move_past_end)
{
	rencana *r = small_plan();

	rencana_move_iku(r, &r->sasaran[0], 0, 2);
}
END_TEST

START_TEST(test_abort_foreign_sasaran)
{
	rencana *r = small_plan();
	sasaran other = { 0 };

	rencana_add_iku(r, &other, 0);
}
END_TEST

START_TEST(test_abort_list_gap)
{
	rencana *r = rencana_new();

	triwulan_list_set(r, &r->tw[1].permasalahan, &r->tw[1].n_permasalahan,
	    1, "gap");
}
END_TEST

START_TEST(test_abort_delete_empty)
{
	rencana *r = rencana_new();

	rencana_delete_bidang(r, 0);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("model_edit");
	TCase *tc;

	tc = tcase_create("order");
	tcase_add_loop_test(tc, test_add_sasaran, 0, (int)LK_NELEM(add_cases));
	tcase_add_test(tc, test_add_others);
	tcase_add_loop_test(tc, test_delete_sasaran, 0,
	    (int)LK_NELEM(delete_cases));
	tcase_add_test(tc, test_delete_others);
	tcase_add_test(tc, test_delete_bidang);
	tcase_add_loop_test(tc, test_move, 0, (int)LK_NELEM(move_cases));
	tcase_add_test(tc, test_list);
	tcase_add_test(tc, test_tabel);
	suite_add_tcase(s, tc);

	tc = tcase_create("references");
	tcase_add_test(tc, test_rename_sasaran);
	tcase_add_test(tc, test_rename_bidang);
	tcase_add_test(tc, test_find);
	suite_add_tcase(s, tc);

	tc = tcase_create("plan");
	tcase_add_test(tc, test_copy_plan);
	tcase_add_test(tc, test_copy_renstra_target);
	tcase_add_test(tc, test_copy_empty);
	tcase_add_test(tc, test_hitung_isian);
	suite_add_tcase(s, tc);

	tc = tcase_create("abort");
	tcase_add_test_raise_signal(tc, test_abort_add_past_end, SIGABRT);
	tcase_add_test_raise_signal(tc, test_abort_delete_past_end, SIGABRT);
	tcase_add_test_raise_signal(tc, test_abort_move_past_end, SIGABRT);
	tcase_add_test_raise_signal(tc, test_abort_foreign_sasaran, SIGABRT);
	tcase_add_test_raise_signal(tc, test_abort_list_gap, SIGABRT);
	tcase_add_test_raise_signal(tc, test_abort_delete_empty, SIGABRT);
	suite_add_tcase(s, tc);
	return s;
}
