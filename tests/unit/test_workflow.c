/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_workflow.c - roles, the review workflow, locks and the audit chain.
 *
 * The policy table and the entry state machine (core/peran.c) are checked
 * case by case; the store's workflow runs on a small plan in a fresh
 * database, switching the acting login with store_set_actor (the creator,
 * the account running the test, is the admin).  A raw SQLite connection
 * tampers with rows behind the store's back.  Roles belong to an agency:
 * a second agency (dinsos) with the same plan is attacked by the users
 * of the first (kesbangpol).
 */
#include "config.h"
#include "lktest.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/peran.h"
#include "store/store.h"
#include "store/store_int.h"
#include "store/workflow.h"

static char tmp[1024];
static char dbpath[2048];
static char admin[256];       /* the account running the test */

#define N(x) ((int64_t)((x) * 10000 + 0.5))

/* ------------------------------------------------------------------ */
/* policy */

enum { NO_ = PERAN_NONE, OP = PERAN_OPERATOR, KB = PERAN_KABID,
       KP = PERAN_KEPALA, AD = PERAN_ADMIN };

/* allowed[action] as a string of 5 flags: none, operator, kabid, kepala,
 * admin. */
static const struct {
	enum peran_aksi a;
	const char *allowed;
	const char *daftar;
} policy_cases[] = {
	{ AKSI_LIHAT,        "YYYYY", "operator, kabid, kepala or admin" },
	{ AKSI_INIT,         "....Y", "admin" },
	{ AKSI_IMPOR,        "....Y", "admin" },
	{ AKSI_UBAH_RENCANA, "....Y", "admin" },
	{ AKSI_UBAH_DATA,    ".Y..Y", "operator or admin" },
	{ AKSI_AJUKAN,       ".Y..Y", "operator or admin" },
	{ AKSI_TINJAU,       "..YYY", "kabid, kepala or admin" },
	{ AKSI_FINAL,        "...YY", "kepala or admin" },
	{ AKSI_BUKA,         "....Y", "admin" },
	{ AKSI_PENGGUNA,     "....Y", "admin" },
	{ AKSI_PENANDA,      "....Y", "admin" },
};

START_TEST(test_policy)
{
	char buf[128];
	int p;

	ck_assert_int_eq(LK_NELEM(policy_cases), AKSI_N);
	ck_assert_int_eq(policy_cases[_i].a, _i);
	for (p = 0; p < PERAN_N; p++)
		ck_assert_msg(peran_boleh((enum peran)p, policy_cases[_i].a)
			      == (policy_cases[_i].allowed[p] == 'Y'),
			      "%s by %s", peran_aksi_nama(policy_cases[_i].a),
			      p ? peran_nama((enum peran)p) : "(unlisted)");
	ck_assert_str_eq(peran_daftar(policy_cases[_i].a, buf, sizeof buf),
			 policy_cases[_i].daftar);
	ck_assert(peran_per_bidang(policy_cases[_i].a) == (policy_cases[_i].a
							  == AKSI_TINJAU));
	ck_assert(!peran_boleh((enum peran)PERAN_N, policy_cases[_i].a));
}
END_TEST

START_TEST(test_peran_names)
{
	enum peran p;
	int k;

	for (k = PERAN_OPERATOR; k < PERAN_N; k++) {
		ck_assert(peran_dari_nama(peran_nama((enum peran)k), &p));
		ck_assert_int_eq(p, k);
	}
	ck_assert(!peran_dari_nama("", &p));
	ck_assert(!peran_dari_nama("Admin", &p));
	ck_assert(!peran_dari_nama(NULL, &p));
	ck_assert_str_eq(peran_aksi_nama(AKSI_N), "?");
	ck_assert_uint_eq(peran_izin(AKSI_N), 0);
}
END_TEST

/* ------------------------------------------------------------------ */
/* state machine */

static const struct {
	enum entri_state from;
	enum entri_event ev;
	int to;
} transition_cases[] = {
	{ ENTRI_DRAFT, EV_SUBMIT, ENTRI_SUBMITTED },
	{ ENTRI_DRAFT, EV_APPROVE, -1 },
	{ ENTRI_DRAFT, EV_RETURN, -1 },
	{ ENTRI_DRAFT, EV_EDIT, ENTRI_DRAFT },
	{ ENTRI_SUBMITTED, EV_SUBMIT, -1 },
	{ ENTRI_SUBMITTED, EV_APPROVE, ENTRI_APPROVED },
	{ ENTRI_SUBMITTED, EV_RETURN, ENTRI_RETURNED },
	{ ENTRI_SUBMITTED, EV_EDIT, ENTRI_DRAFT },
	{ ENTRI_RETURNED, EV_SUBMIT, ENTRI_SUBMITTED },
	{ ENTRI_RETURNED, EV_APPROVE, -1 },
	{ ENTRI_RETURNED, EV_RETURN, -1 },
	{ ENTRI_RETURNED, EV_EDIT, ENTRI_RETURNED },
	{ ENTRI_APPROVED, EV_SUBMIT, -1 },
	{ ENTRI_APPROVED, EV_APPROVE, -1 },
	{ ENTRI_APPROVED, EV_RETURN, -1 },
	{ ENTRI_APPROVED, EV_EDIT, ENTRI_DRAFT },
};

START_TEST(test_transition)
{
	enum entri_state st;

	ck_assert_int_eq(entri_next(transition_cases[_i].from, transition_cases[_i].ev),
			 transition_cases[_i].to);
	ck_assert(entri_state_dari_nama(entri_state_nama(transition_cases[_i].from), &st));
	ck_assert_int_eq(st, transition_cases[_i].from);
	ck_assert_int_eq(entri_next(ENTRI_N, EV_SUBMIT), -1);
}
END_TEST

/* ------------------------------------------------------------------ */
/* a small plan in a fresh database */

static char *
S(rencana *r, const char *s)
{
	return arena_strdup(&r->mem, s);
}

static void
iku_set(rencana *r, iku *k, const char *kode, int64_t target)
{
	k->kode = S(r, kode);
	k->uraian = S(r, kode);
	k->satuan = S(r, "%");
	k->polaritas = POLARITAS_POSITIF;
	k->target = target;
	k->ada_target_tw[2] = k->ada_target_tw[3] = true;
	k->target_tw[2] = target / 2;
	k->target_tw[3] = target * 3 / 4;
	k->ada_realisasi[2] = true;
	k->realisasi[2] = target / 2;
}

/* bidang ideologi (SS1: IKU1, IKU2) and politik (SS2: IKU3); TW2 and TW3
 * reported. */
static rencana *
plan(void)
{
	rencana *r = rencana_new();
	instansi *in = &r->instansi;
	int n;

	r->tahun = 2023;
	in->kode = S(r, "kesbangpol");
	in->nama = S(r, "Badan Kesatuan Bangsa dan Politik");
	in->pemerintah = S(r, "Pemerintah Provinsi Kalimantan Tengah");
	in->kota = S(r, "Palangka Raya");
	in->kepala.nama = S(r, "Kepala");
	in->kepala.jabatan = S(r, "Kepala Badan");
	in->kepala.pangkat = S(r, "Pembina Utama Madya (IV/d)");
	in->kepala.nip = S(r, "196610221993081001");
	in->n_bidang = 2;
	in->bidang = arena_alloc(&r->mem, 2 * sizeof(bidang));
	in->bidang[0].kode = S(r, "ideologi");
	in->bidang[0].nama = S(r, "Bidang Ideologi");
	in->bidang[1].kode = S(r, "politik");
	in->bidang[1].nama = S(r, "Bidang Politik");
	r->n_sasaran = 2;
	r->sasaran = arena_alloc(&r->mem, 2 * sizeof(sasaran));
	r->sasaran[0].kode = S(r, "SS1");
	r->sasaran[0].uraian = S(r, "Sasaran satu");
	r->sasaran[0].bidang = S(r, "ideologi");
	r->sasaran[0].n_iku = 2;
	r->sasaran[0].iku = arena_alloc(&r->mem, 2 * sizeof(iku));
	iku_set(r, &r->sasaran[0].iku[0], "IKU1", N(80));
	iku_set(r, &r->sasaran[0].iku[1], "IKU2", N(60));
	r->sasaran[0].narasi[2] = S(r, "Narasi SS1 TW2.");
	r->sasaran[1].kode = S(r, "SS2");
	r->sasaran[1].uraian = S(r, "Sasaran dua");
	r->sasaran[1].bidang = S(r, "politik");
	r->sasaran[1].n_iku = 1;
	r->sasaran[1].iku = arena_alloc(&r->mem, sizeof(iku));
	iku_set(r, &r->sasaran[1].iku[0], "IKU3", N(100));
	r->n_program = 1;
	r->program = arena_alloc(&r->mem, sizeof(program));
	r->program[0].kode = S(r, "P1");
	r->program[0].uraian = S(r, "Program satu");
	r->program[0].anggaran = 100000000;
	r->program[0].ada_realisasi[2] = true;
	r->program[0].realisasi[2] = 40000000;
	for (n = 2; n <= 3; n++) {
		r->tw[n].ada = true;
		r->tw[n].tahun = 2023;
		r->tw[n].bulan = 3 * n;
		r->tw[n].hari = 30;
	}
	return r;
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

static store *db;

static void
as(const char *login)
{
	store_set_actor(db, login);
}

static void
ok_(int rc, const lk_err *e, const char *what)
{
	ck_assert_msg(rc == 0, "%s: %d %s", what, rc, e->msg);
}

/* Role p (with one bidang) in agency instansi (admin: NULL). */
static void
add_user_at(const char *login, enum peran p, const char *instansi,
	    const char *bidang)
{
	lk_err e = { 0, "" };
	char *v[1] = { (char *)bidang };

	as(admin);
	ok_(store_user_add(db, login, p, instansi, v, bidang ? 1 : 0, &e), &e, login);
}

static void
add_user(const char *login, enum peran p, const char *bidang)
{
	add_user_at(login, p, p == PERAN_ADMIN ? NULL : "kesbangpol", bidang);
}

static void
setup(void)
{
	lk_err e = { 0, "" };
	rencana *r = plan();

	snprintf(tmp, sizeof tmp, "%s", lktest_tmpdir());
	snprintf(dbpath, sizeof dbpath, "%s/lakip.db", tmp);
	ck_assert_int_eq(store_open(dbpath, STORE_CREATE, &db, &e), 0);
	snprintf(admin, sizeof admin, "%s", store_actor(db));
	ok_(store_save(db, r, false, NULL, &e), &e, "save");
	rencana_free(r);
	add_user("op1", PERAN_OPERATOR, NULL);
	add_user("op2", PERAN_OPERATOR, NULL);
	add_user("kb1", PERAN_KABID, "ideologi");
	add_user("kb2", PERAN_KABID, "politik");
	add_user("kp", PERAN_KEPALA, NULL);
}

static void
teardown(void)
{
	store_close(db);
	db = NULL;
	lktest_rmtree(tmp);
}

static int
wf(const char *who, enum entri_event ev, const char *ikus, const char *comment,
   size_t *done, lk_err *e)
{
	char buf[64], *v[4];
	size_t n = 0, d = 0;
	char *p, *save = NULL;

	as(who);
	if (ikus != NULL) {
		snprintf(buf, sizeof buf, "%s", ikus);
		for (p = strtok_r(buf, ",", &save); p && n < 4; p = strtok_r(NULL, ",", &save))
			v[n++] = p;
	}
	return store_wf_apply(db, "kesbangpol", 2023, 2, ev, v, n, comment,
			      done ? done : &d, e);
}

/* The entries of TW2 in report order: IKU1, IKU2, IKU3, program P1,
 * narasi SS1, SS2, BAB II, BAB III. */
#define N_ENTRI 8

/* States of all entries in TW2 as "d s r a" letters. */
static const char *
states_all(void)
{
	static char out[N_ENTRI + 1];
	static const enum entri_jenis kinds[N_ENTRI] = {
		JENIS_IKU, JENIS_IKU, JENIS_IKU, JENIS_PROGRAM, JENIS_NARASI,
		JENIS_NARASI, JENIS_BAB2, JENIS_BAB3,
	};
	lk_err e = { 0, "" };
	store_quarter q;
	size_t i;

	ok_(store_quarter_load(db, "kesbangpol", 2023, 2, &q, &e), &e, "load");
	ck_assert_uint_eq(q.n_entri, N_ENTRI);
	for (i = 0; i < N_ENTRI; i++) {
		ck_assert_int_eq(q.entri[i].jenis, kinds[i]);
		out[i] = "dsra"[q.entri[i].state];
	}
	out[N_ENTRI] = '\0';
	/* The quarters' list counts without reading the entries: the same
	 * counts, lock and version. */
	{
		store_quarter c;
		int k;

		ok_(store_quarter_status(db, "kesbangpol", 2023, 2, &c, &e), &e, "status");
		ck_assert_uint_eq(c.n_entri, 0);
		ck_assert_uint_eq(c.n_event, 0);
		ck_assert(c.ada == q.ada);
		for (k = 0; k < ENTRI_N; k++)
			ck_assert_msg(c.count[k] == q.count[k], "%s: %u counted, %u loaded",
				      entri_state_nama((enum entri_state)k), c.count[k],
				      q.count[k]);
		ck_assert(c.locked == q.locked);
		ck_assert_int_eq(c.version, q.version);
		store_quarter_free(&c);
	}
	store_quarter_free(&q);
	return out;
}

/* States of IKU1, IKU2, IKU3 in TW2. */
static const char *
states(void)
{
	static char out[4];

	memcpy(out, states_all(), 3);
	out[3] = '\0';
	return out;
}

static int64_t
raw_int(const char *sql)
{
	sqlite3 *x;
	sqlite3_stmt *st;
	int64_t v = -1;

	ck_assert_int_eq(sqlite3_open(dbpath, &x), SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(x, sql, -1, &st, NULL) == SQLITE_OK, "%s", sql);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(x);
	return v;
}

static void
raw_exec(const char *sql)
{
	sqlite3 *x;
	char *err = NULL;

	ck_assert_int_eq(sqlite3_open(dbpath, &x), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(x, sql, NULL, NULL, &err) == SQLITE_OK, "%s: %s",
		      sql, err ? err : "");
	sqlite3_close(x);
}

/* ------------------------------------------------------------------ */
/* the workflow, step by step: who, what, which IKU, comment; the status
 * code expected and the states of IKU1..3 after */

typedef struct step {
	const char *who;
	enum entri_event ev;
	const char *iku;
	const char *comment;
	int rc;
	const char *after;
} step;

static const step flow[] = {
	/* a kabid cannot submit, an operator cannot review */
	{ "kb1", EV_SUBMIT, NULL, NULL, EX_NOPERM, "ddd" },
	{ "op1", EV_APPROVE, "IKU1", NULL, EX_NOPERM, "ddd" },
	{ "nobody", EV_SUBMIT, NULL, NULL, EX_NOPERM, "ddd" },
	/* nothing submitted yet: approving a draft is refused */
	{ "kb1", EV_APPROVE, "IKU1", NULL, EX_DATAERR, "ddd" },
	{ "op1", EV_SUBMIT, "IKU1,IKU3", NULL, 0, "sds" },
	{ "op1", EV_SUBMIT, "IKU1", NULL, EX_DATAERR, "sds" },
	{ "op1", EV_SUBMIT, "IKU9", NULL, EX_DATAERR, "sds" },
	/* another bidang's IKU */
	{ "kb1", EV_APPROVE, "IKU3", NULL, EX_NOPERM, "sds" },
	/* a return needs a comment */
	{ "kb1", EV_RETURN, "IKU1", "  ", EX_USAGE, "sds" },
	{ "kb1", EV_RETURN, "IKU1", "Sumber data belum dilampirkan", 0, "rds" },
	/* all of one's drafts (and returned): IKU1 and IKU2 */
	{ "op2", EV_SUBMIT, NULL, NULL, 0, "sss" },
	/* all submitted of one's bidang */
	{ "kb1", EV_APPROVE, NULL, NULL, 0, "aas" },
	{ "kb2", EV_APPROVE, NULL, NULL, 0, "aaa" },
	{ "kb2", EV_RETURN, "IKU3", "late", EX_DATAERR, "aaa" },
};

START_TEST(test_flow)
{
	lk_err e = { 0, "" };
	const step *s;
	size_t k, done;
	int rc;

	for (k = 0; k < LK_NELEM(flow); k++) {
		s = &flow[k];
		e.code = 0;
		e.msg[0] = '\0';
		rc = wf(s->who, s->ev, s->iku, s->comment, &done, &e);
		ck_assert_msg(rc == s->rc, "step %zu (%s %s %s): got %d (%s), want %d",
			      k, s->who, entri_event_nama(s->ev), s->iku ? s->iku : "all",
			      rc, e.msg, s->rc);
		ck_assert_msg(strcmp(states(), s->after) == 0, "step %zu: states %s, want %s",
			      k, states(), s->after);
		if (rc == EX_NOPERM && strcmp(s->who, "nobody") == 0)
			ck_assert_msg(strstr(e.msg, admin) != NULL
				      && strstr(e.msg, "operator or admin") != NULL,
				      "names the admins and the role: %s", e.msg);
		else if (rc == EX_NOPERM && s->ev == EV_SUBMIT)
			ck_assert_msg(strstr(e.msg, "operator or admin") != NULL, "%s", e.msg);
	}
	/* The history keeps the comment; the return shows in the entry. */
	{
		store_quarter q;

		ok_(store_quarter_load(db, "kesbangpol", 2023, 2, &q, &e), &e, "q");
		/* The IKU and the narratives (of bidang ideologi and politik)
		 * approved; program P1 (no sasaran), BAB II and BAB III wait
		 * for the kepala. */
		ck_assert_uint_eq(q.count[ENTRI_APPROVED], 5);
		ck_assert_uint_eq(q.count[ENTRI_SUBMITTED], 3);
		ck_assert_str_eq(states_all(), "aaasaass");
		ck_assert_str_eq(q.entri[0].comment, "Sumber data belum dilampirkan");
		ck_assert_str_eq(q.entri[0].submitted_by, "op2");
		ck_assert_str_eq(q.entri[0].reviewed_by, "kb1");
		ck_assert_uint_eq(q.n_event, 15);
		ck_assert_str_eq(q.event[2].action, "return");
		store_quarter_free(&q);
	}
}
END_TEST

/* A state left behind by an entry no longer in the plan is no entry's:
 * neither the loaded quarter nor its counts (states_all compares them)
 * take it. */
START_TEST(test_status_stale)
{
	lk_err e = { 0, "" };

	ok_(wf("op1", EV_SUBMIT, "IKU1", NULL, NULL, &e), &e, "submit");
	raw_exec("INSERT INTO review_state (triwulan_id, jenis, ref_id, state)"
		 " SELECT id, 'iku', 999999, 'approved' FROM triwulan WHERE nomor = 2");
	ck_assert_str_eq(states_all(), "sdddddd" "d");
}
END_TEST

/* Nobody approves his own entry, even after a change of role. */
START_TEST(test_self_approval)
{
	lk_err e = { 0, "" };
	char *bid[1] = { "ideologi" };
	size_t done = 0;

	ok_(wf("op1", EV_SUBMIT, "IKU1,IKU2", NULL, NULL, &e), &e, "submit");
	as(admin);
	ok_(store_user_role(db, "op1", PERAN_KABID, "kesbangpol", bid, 1, &e), &e, "role");
	ck_assert_int_eq(wf("op1", EV_APPROVE, "IKU1", NULL, NULL, &e), EX_NOPERM);
	ck_assert_ptr_nonnull(strstr(e.msg, "himself"));
	ck_assert_int_eq(wf("op1", EV_RETURN, "IKU2", "x", NULL, &e), EX_NOPERM);
	/* Without names his own entries are left out: nothing to do. */
	ok_(wf("op1", EV_APPROVE, NULL, NULL, &done, &e), &e, "approve all");
	ck_assert_uint_eq(done, 0);
	ck_assert_str_eq(states(), "ssd");
	ok_(wf("kb1", EV_APPROVE, NULL, NULL, &done, &e), &e, "kb1");
	ck_assert_uint_eq(done, 2);
	ck_assert_str_eq(states(), "aad");
}
END_TEST

/* A sasaran without a bidang: no kabid can review its IKU, so the kepala
 * or an admin does; they review nothing else. */
START_TEST(test_no_bidang)
{
	lk_err e = { 0, "" };
	rencana *r = plan();
	size_t done = 0;

	r->sasaran[1].bidang = NULL;            /* SS2: IKU3 */
	as(admin);
	ok_(store_save(db, r, false, NULL, &e), &e, "save");
	rencana_free(r);
	add_user("ad2", PERAN_ADMIN, NULL);
	ok_(wf("op1", EV_SUBMIT, "IKU1,IKU3", NULL, NULL, &e), &e, "submit");
	ck_assert_str_eq(states(), "sds");
	/* no kabid reviews it */
	ck_assert_int_eq(wf("kb2", EV_APPROVE, "IKU3", NULL, NULL, &e), EX_NOPERM);
	ck_assert_msg(strstr(e.msg, "IKU3 belongs to no bidang: the kepala or an "
			     "admin reviews it") != NULL, "%s", e.msg);
	ck_assert_int_eq(wf("kb1", EV_APPROVE, "IKU3", NULL, NULL, &e), EX_NOPERM);
	ok_(wf("kb2", EV_APPROVE, NULL, NULL, &done, &e), &e, "kb2 all");
	ck_assert_uint_eq(done, 0);
	/* the kepala does, and only that one */
	ck_assert_int_eq(wf("kp", EV_APPROVE, "IKU1", NULL, NULL, &e), EX_NOPERM);
	ck_assert_msg(strstr(e.msg, "belongs to bidang 'ideologi': its kabid "
			     "reviews it") != NULL, "%s", e.msg);
	ok_(wf("kp", EV_RETURN, "IKU3", "Lampirkan sumber data", &done, &e), &e,
	    "kp return");
	ck_assert_str_eq(states(), "sdr");
	ok_(wf("op1", EV_SUBMIT, "IKU3", NULL, NULL, &e), &e, "again");
	/* an admin too; all he may review is IKU3 */
	ok_(wf("ad2", EV_APPROVE, NULL, NULL, &done, &e), &e, "ad2 all");
	ck_assert_uint_eq(done, 1);
	ck_assert_str_eq(states(), "sda");
	/* the kabid still reviews his own */
	ok_(wf("kb1", EV_APPROVE, "IKU1", NULL, NULL, &e), &e, "kb1");
	ck_assert_str_eq(states(), "ada");
}
END_TEST

/* Changing what an entry holds while it is submitted or approved sets
 * that entry (and only that one) back to draft, recorded; a returned one
 * stays returned: an IKU's or a program's realisation, a narrative, the
 * obstacles, the conclusion. */
START_TEST(test_edit_resets)
{
	lk_err e = { 0, "" };
	rencana *r;

	ok_(wf("op1", EV_SUBMIT, NULL, NULL, NULL, &e), &e, "submit");
	ok_(wf("kb1", EV_APPROVE, "IKU1", NULL, NULL, &e), &e, "approve");
	ok_(wf("kb2", EV_RETURN, "IKU3", "cek", NULL, &e), &e, "return");
	ck_assert_str_eq(states_all(), "asrsssss");
	as("op1");
	ok_(store_load(db, "kesbangpol", 2023, &r, &e), &e, "load");
	find_iku(r, "IKU1")->realisasi[2] += 1;            /* approved */
	r->sasaran[1].narasi[2] = S(r, "Narasi baru");     /* narasi SS2 */
	ok_(store_save(db, r, false, NULL, &e), &e, "save");
	ck_assert_str_eq(states_all(), "dsrssdss");
	r->sasaran[0].narasi[2] = S(r, "Narasi SS1 diubah"); /* narasi SS1 */
	ok_(store_save(db, r, false, NULL, &e), &e, "save 2");
	ck_assert_str_eq(states_all(), "dsrsddss");
	r->program[0].realisasi[2] += 100;                  /* program P1 */
	ok_(store_save(db, r, false, NULL, &e), &e, "save 3");
	ck_assert_str_eq(states_all(), "dsrdddss");
	r->tw[2].n_tindak_lanjut = 1;                       /* BAB II */
	r->tw[2].tindak_lanjut = arena_alloc(&r->mem, sizeof(char *));
	r->tw[2].tindak_lanjut[0] = S(r, "Koordinasi ulang");
	ok_(store_save(db, r, false, NULL, &e), &e, "save 4");
	ck_assert_str_eq(states_all(), "dsrdddds");
	r->tw[2].kesimpulan = S(r, "Kesimpulan baru");      /* BAB III */
	ok_(store_save(db, r, false, NULL, &e), &e, "save 5");
	ck_assert_str_eq(states_all(), "dsrddddd");
	/* A change elsewhere (TW3) leaves TW2 alone. */
	ok_(wf("op1", EV_SUBMIT, "IKU1", NULL, NULL, &e), &e, "resubmit");
	find_iku(r, "IKU1")->ada_realisasi[3] = true;
	r->tw[3].kesimpulan = S(r, "TW3");
	ok_(store_save(db, r, false, NULL, &e), &e, "save 6");
	ck_assert_str_eq(states_all(), "ssrddddd");
	rencana_free(r);
	/* IKU1 and narasi SS2, narasi SS1, P1, BAB II, BAB III. */
	ck_assert_int_eq(raw_int("SELECT count(*) FROM review_event WHERE action = 'edit'"), 6);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE action = 'edit'"
				 " AND tbl = 'entry_state' AND login = 'op1'"), 6);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE action = 'edit'"
				 " AND kode = 'program:P1' AND old = 'submitted'"), 1);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE action = 'edit'"
				 " AND kode = 'bab3'"), 1);
}
END_TEST

/* ------------------------------------------------------------------ */
/* finalise, locks */

static int produce_calls;

static int
fake_produce(void *arg, rencana *r, int tw, int version, store_signed_in *out,
	     lk_err *e)
{
	static const unsigned char pdf[] = "%PDF-1.3 fake";

	(void)arg;
	produce_calls++;
	ck_assert_int_eq(tw, 2);
	ck_assert_str_eq(r->instansi.kode, "kesbangpol");
	if (version == 99)
		return lk_fail(e, EX_DATAERR, "signing failed");
	out->pdf = pdf;
	out->len = sizeof pdf - 1;
	memset(out->pdf_sha256, 'a', 64);
	memset(out->unsigned_sha256, '0' + version, 64);
	memset(out->content_sha256, 'c', 64);
	snprintf(out->cert_subject, sizeof out->cert_subject, "CN=Test");
	return 0;
}

static int
failing_produce(void *arg, rencana *r, int tw, int version, store_signed_in *out,
		lk_err *e)
{
	(void)arg; (void)r; (void)tw; (void)version; (void)out;
	produce_calls++;
	return lk_fail(e, EX_DATAERR, "cannot sign: wrong password");
}

/* Every entry submitted and approved: the kabid their bidang's, the
 * kepala the rest (program P1 supports no sasaran; BAB II, BAB III). */
static void
approve_all(void)
{
	lk_err e = { 0, "" };

	ok_(wf("op1", EV_SUBMIT, NULL, NULL, NULL, &e), &e, "submit");
	ok_(wf("kb1", EV_APPROVE, NULL, NULL, NULL, &e), &e, "kb1");
	ok_(wf("kb2", EV_APPROVE, NULL, NULL, NULL, &e), &e, "kb2");
	ok_(wf("kp", EV_APPROVE, NULL, NULL, NULL, &e), &e, "kp");
	ck_assert_str_eq(states_all(), "aaaaaaaa");
}

static int
finalise(const char *who, store_produce_fn fn, int *version, lk_err *e)
{
	as(who);
	return store_finalise(db, "kesbangpol", 2023, 2, fn, NULL, version, e);
}

/* While the report is rendered and signed (without the write lock) the
 * operator changes a realisation: nothing is stored, the quarter stays
 * open, the next finalise works. */
static int
changing_produce(void *arg, rencana *r, int tw, int version,
		 store_signed_in *out, lk_err *e)
{
	store *other;
	rencana *p;
	lk_err e2 = { 0, "" };

	(void)arg;
	ck_assert_int_eq(store_open(dbpath, 0, &other, &e2), 0);
	store_set_actor(other, admin);
	ck_assert_int_eq(store_load(other, "kesbangpol", 2023, &p, &e2), 0);
	p->sasaran[0].iku[0].realisasi[2] += 10000;
	ck_assert_msg(store_save(other, p, false, NULL, &e2) == 0, "%s", e2.msg);
	rencana_free(p);
	store_close(other);
	return fake_produce(NULL, r, tw, version, out, e);
}

static int publish_calls, unpublish_calls, publish_rc;

static int
publish(void *arg, lk_err *e)
{
	(void)arg;
	publish_calls++;
	return publish_rc == 0 ? 0 : lk_fail(e, publish_rc, "cannot rename");
}

static void
unpublish(void *arg)
{
	(void)arg;
	unpublish_calls++;
}

START_TEST(test_finalise_outside_lock)
{
	lk_err e = { 0, "" };
	store_finalise_fns f = { changing_produce, publish, unpublish, NULL, NULL };
	int v = -1;

	approve_all();
	as("kp");
	publish_calls = unpublish_calls = publish_rc = 0;
	ck_assert_int_eq(store_finalise_cb(db, "kesbangpol", 2023, 2, &f, &v, &e),
			 EX_TEMPFAIL);
	ck_assert_ptr_nonnull(strstr(e.msg, "changed"));
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(publish_calls, 0);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM signed_report"), 0);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM quarter_lock"), 0);
	/* The change set the entry back to draft: approve again. */
	approve_all();
	/* Publishing fails: nothing stored, the output taken away. */
	f.produce = fake_produce;
	publish_rc = EX_CANTCREAT;
	as("kp");
	ck_assert_int_eq(store_finalise_cb(db, "kesbangpol", 2023, 2, &f, &v, &e),
			 EX_CANTCREAT);
	ck_assert_int_eq(publish_calls, 1);
	ck_assert_int_eq(unpublish_calls, 1);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM signed_report"), 0);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM quarter_lock"), 0);
	/* And then it works, published once. */
	publish_rc = 0;
	ok_(store_finalise_cb(db, "kesbangpol", 2023, 2, &f, &v, &e), &e, "finalise");
	ck_assert_int_eq(v, 1);
	ck_assert_int_eq(publish_calls, 2);
	ck_assert_int_eq(unpublish_calls, 1);
	ck_assert_int_eq(raw_int("SELECT locked FROM quarter_lock"), 1);
}
END_TEST

START_TEST(test_finalise_rules)
{
	lk_err e = { 0, "" };
	int v = -1;

	/* Not every entry approved: refused, naming each (77). */
	ok_(wf("op1", EV_SUBMIT, NULL, NULL, NULL, &e), &e, "submit");
	ok_(wf("kb1", EV_APPROVE, NULL, NULL, NULL, &e), &e, "kb1");
	ck_assert_int_eq(finalise("kp", fake_produce, &v, &e), EX_NOPERM);
	ck_assert_ptr_nonnull(strstr(e.msg, "IKU3 (submitted)"));
	ck_assert_ptr_nonnull(strstr(e.msg, "program P1 (submitted)"));
	ck_assert_ptr_nonnull(strstr(e.msg, "BAB III (submitted)"));
	ck_assert_ptr_nonnull(strstr(e.msg, "--override-review"));
	ok_(wf("kb2", EV_APPROVE, NULL, NULL, NULL, &e), &e, "kb2");
	/* The kepala's: the program without a sasaran, BAB II and III. */
	{
		store_entri_ref bab[1] = { { JENIS_BAB2, "bab2" } };
		size_t done = 0;

		as("kb1");
		ck_assert_int_eq(store_wf_apply_refs(db, "kesbangpol", 2023, 2,
			EV_APPROVE, bab, 1, NULL, &done, &e), EX_NOPERM);
		ck_assert_ptr_nonnull(strstr(e.msg, "the kepala's to review"));
	}
	ok_(wf("kp", EV_APPROVE, NULL, NULL, NULL, &e), &e, "kp");
	/* Roles. */
	ck_assert_int_eq(finalise("op1", fake_produce, &v, &e), EX_NOPERM);
	ck_assert_ptr_nonnull(strstr(e.msg, "kepala or admin"));
	ck_assert_int_eq(finalise("kb1", fake_produce, &v, &e), EX_NOPERM);
	/* Signing fails: nothing stored, nothing locked. */
	produce_calls = 0;
	ck_assert_int_eq(finalise("kp", failing_produce, &v, &e), EX_DATAERR);
	ck_assert_int_eq(produce_calls, 1);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM signed_report"), 0);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM quarter_lock"), 0);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE action = 'finalise'"), 0);
	/* Finalised: version 1, locked, workflow refused. */
	ok_(finalise("kp", fake_produce, &v, &e), &e, "finalise");
	ck_assert_int_eq(v, 1);
	ck_assert_int_eq(raw_int("SELECT locked FROM quarter_lock"), 1);
	ck_assert_int_eq(raw_int("SELECT length(pdf) FROM signed_report"), 13);
	ck_assert_int_eq(finalise(admin, fake_produce, &v, &e), EX_NOPERM);
	ck_assert_int_eq(wf("kb2", EV_RETURN, "IKU3", "x", NULL, &e), EX_NOPERM);
	ck_assert_ptr_nonnull(strstr(e.msg, "locked"));
	/* Unlock: admin only, with a reason. */
	as("kp");
	ck_assert_int_eq(store_unlock(db, "kesbangpol", 2023, 2, "why", &e), EX_NOPERM);
	as(admin);
	ck_assert_int_eq(store_unlock(db, "kesbangpol", 2023, 2, " ", &e), EX_USAGE);
	ok_(store_unlock(db, "kesbangpol", 2023, 2, "Salah ketik IKU2", &e), &e, "unlock");
	ck_assert_int_eq(store_unlock(db, "kesbangpol", 2023, 2, "again", &e), EX_DATAERR);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM unlock_history WHERE"
				 " reason = 'Salah ketik IKU2' AND version = 1"), 1);
	/* Next finalise: version 2. */
	ok_(finalise(admin, fake_produce, &v, &e), &e, "finalise 2");
	ck_assert_int_eq(v, 2);
	{
		store_signed sg;
		char h[65];

		memset(h, '2', 64);
		h[64] = '\0';
		ok_(store_signed_find(db, h, &sg, &e), &e, "find");
		ck_assert_int_eq(sg.version, 2);
		ck_assert_int_eq(sg.latest, 2);
		ck_assert(sg.locked);
		ck_assert_str_eq(sg.signer, admin);
		store_signed_free(&sg);
		memset(h, '9', 64);
		ck_assert_int_eq(store_signed_find(db, h, &sg, &e), EX_NOINPUT);
	}
}
END_TEST

/* What a lock forbids, and what it leaves free.  Each case changes the
 * plan after TW2 was finalised; 0: the save goes through. */
static void ch_none(rencana *r) { (void)r; }
static void ch_real_tw2(rencana *r) { find_iku(r, "IKU2")->realisasi[2] += 1; }
static void ch_real_tw3(rencana *r) { find_iku(r, "IKU2")->ada_realisasi[3] = true; }
static void ch_narasi_tw2(rencana *r) { r->sasaran[0].narasi[2] = NULL; }
static void ch_narasi_tw3(rencana *r) { r->sasaran[0].narasi[3] = S(r, "TW3"); }
static void ch_target_tw2(rencana *r) { find_iku(r, "IKU1")->target_tw[2] += 1; }
static void ch_target_tw3(rencana *r) { find_iku(r, "IKU1")->target_tw[3] += 1; }
static void ch_target(rencana *r) { find_iku(r, "IKU1")->target += 1; }
static void ch_uraian(rencana *r) { r->sasaran[1].uraian = S(r, "lain"); }
static void ch_program_tw2(rencana *r) { r->program[0].realisasi[2] += 1; }
static void ch_program_tw3(rencana *r) { r->program[0].ada_realisasi[3] = true; }
static void ch_kesimpulan_tw2(rencana *r) { r->tw[2].kesimpulan = S(r, "x"); }
static void ch_kesimpulan_tw3(rencana *r) { r->tw[3].kesimpulan = S(r, "x"); }
static void ch_drop_tw2(rencana *r) { r->tw[2].ada = false; }
static void ch_remove_iku(rencana *r) { r->sasaran[1].n_iku = 0; }
static void ch_instansi(rencana *r) { r->instansi.kepala.nama = S(r, "Baru"); }
static void ch_bidang(rencana *r) { r->instansi.bidang[1].nama = S(r, "Baru"); }
static void ch_tw4(rencana *r)
{
	r->tw[4].ada = true;
	r->tw[4].tahun = 2023;
	r->tw[4].bulan = 12;
	r->tw[4].hari = 31;
}

static const struct {
	const char *name;
	void (*change)(rencana *);
	int rc;
} lock_cases[] = {
	{ "unchanged", ch_none, 0 },
	{ "realisasi TW2", ch_real_tw2, EX_NOPERM },
	{ "realisasi TW3", ch_real_tw3, 0 },
	{ "narasi TW2", ch_narasi_tw2, EX_NOPERM },
	{ "narasi TW3", ch_narasi_tw3, 0 },
	{ "target TW2", ch_target_tw2, EX_NOPERM },
	{ "target TW3", ch_target_tw3, 0 },
	{ "annual target", ch_target, EX_NOPERM },
	{ "sasaran uraian", ch_uraian, EX_NOPERM },
	{ "program realisasi TW2", ch_program_tw2, EX_NOPERM },
	{ "program realisasi TW3", ch_program_tw3, 0 },
	{ "kesimpulan TW2", ch_kesimpulan_tw2, EX_NOPERM },
	{ "kesimpulan TW3", ch_kesimpulan_tw3, 0 },
	{ "TW2 absent from the file (kept)", ch_drop_tw2, 0 },
	{ "IKU removed", ch_remove_iku, EX_NOPERM },
	{ "instansi kepala", ch_instansi, EX_NOPERM },
	{ "bidang nama", ch_bidang, EX_NOPERM },
	{ "new TW4", ch_tw4, 0 },
};

START_TEST(test_lock)
{
	lk_err e = { 0, "" };
	store_diff d;
	rencana *r;
	int v, rc;
	int64_t audit_before;

	approve_all();
	ok_(finalise("kp", fake_produce, &v, &e), &e, "finalise");
	audit_before = raw_int("SELECT count(*) FROM audit");
	as(admin);
	ok_(store_load(db, "kesbangpol", 2023, &r, &e), &e, "load");
	lock_cases[_i].change(r);
	rc = store_save(db, r, false, &d, &e);
	ck_assert_msg(rc == lock_cases[_i].rc, "%s: got %d (%s)", lock_cases[_i].name,
		      rc, e.msg);
	if (rc == EX_NOPERM) {
		ck_assert_ptr_nonnull(strstr(e.msg, "unlock"));
		ck_assert_int_eq(raw_int("SELECT count(*) FROM audit"), audit_before);
	}
	rencana_free(r);
	/* The entries of the locked quarter stay approved either way. */
	ck_assert_str_eq(states(), "aaa");
}
END_TEST

/* ------------------------------------------------------------------ */
/* audit chain */

static void
some_history(void)
{
	lk_err e = { 0, "" };
	rencana *r;

	approve_all();
	as("op1");
	ok_(store_load(db, "kesbangpol", 2023, &r, &e), &e, "load");
	find_iku(r, "IKU3")->realisasi[3] = N(70);
	find_iku(r, "IKU3")->ada_realisasi[3] = true;
	ok_(store_save(db, r, false, NULL, &e), &e, "save");
	rencana_free(r);
}

/* Tampering, and the first record that verify must name (0: the record
 * after the last one). */
static const struct {
	const char *name;
	const char *sql;
	int64_t bad;
	const char *why;
} tamper_cases[] = {
	{ "none", "SELECT 1", 0, NULL },
	{ "edited new value", "UPDATE audit SET new = 'approved!' WHERE id = 12", 12, "edited" },
	{ "edited login", "UPDATE audit SET login = 'kb2' WHERE id = 3", 3, "edited" },
	{ "edited hash", "UPDATE audit SET hash = prev_hash WHERE id = 7", 7, "edited" },
	{ "deleted", "DELETE FROM audit WHERE id = 5", 6, "removed" },
	{ "deleted first", "DELETE FROM audit WHERE id = 1", 2, "removed" },
	{ "inserted before the first",
	  "INSERT INTO audit SELECT -1, prev_hash, hash, at, login, action, scope,"
	  " tbl, kode, field, old, new FROM audit WHERE id = 1", -1, "inserted" },
	{ "inserted at the end",
	  "INSERT INTO audit SELECT id + 1, hash, hash, at, login, action, scope,"
	  " tbl, kode, field, old, new FROM audit ORDER BY id DESC LIMIT 1", 0, "edited" },
	{ "swapped", "UPDATE audit SET id = -id WHERE id IN (8, 9);"
	  "UPDATE audit SET id = 9 WHERE id = -8; UPDATE audit SET id = 8 WHERE id = -9",
	  8, "chain" },
};

START_TEST(test_audit_chain)
{
	lk_err e = { 0, "" };
	store_audit_check chk;
	int64_t n, bad;
	int rc;

	some_history();
	ok_(store_audit_verify(db, &chk, &e), &e, "verify");
	n = chk.n;
	ck_assert_int_gt(n, 14);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit"), n);
	bad = tamper_cases[_i].bad;
	if (bad == 0)
		bad = n + 1;
	raw_exec(tamper_cases[_i].sql);
	rc = store_audit_verify(db, &chk, &e);
	if (tamper_cases[_i].why == NULL) {
		ck_assert_int_eq(rc, 0);
		ck_assert_str_eq(chk.why, "");
		return;
	}
	ck_assert_msg(rc == EX_DATAERR, "%s: verify %d", tamper_cases[_i].name, rc);
	ck_assert_msg(chk.bad_id == bad, "%s: names record %lld, want %lld (%s)",
		      tamper_cases[_i].name, (long long)chk.bad_id, (long long)bad,
		      chk.why);
	ck_assert_msg(strstr(chk.why, tamper_cases[_i].why) != NULL, "%s: %s",
		      tamper_cases[_i].name, chk.why);
}
END_TEST

static int
count_rec(void *arg, const store_audit_rec *r)
{
	(*(int *)arg)++;
	ck_assert_ptr_nonnull(r->hash);
	return 0;
}

START_TEST(test_audit_records)
{
	lk_err e = { 0, "" };
	int n = 0;

	some_history();
	/* who, what: the realisation typed by op1, old -> new */
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE login = 'op1'"
				 " AND tbl = 'realisasi_iku' AND kode = 'IKU3'"
				 " AND field = 'nilai' AND old IS NULL AND new = '70'"
				 " AND scope = 'kesbangpol/2023/TW3'"), 1);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE login = 'kb1'"
				 " AND action = 'approve' AND old = 'submitted'"
				 " AND new = 'approved'"), 3);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE action = 'user-add'"
				 " AND kode = 'kb2' AND field = 'bidang' AND new = 'politik'"), 1);
	ok_(store_audit_list(db, NULL, "kb1", count_rec, &n, &e), &e, "list");
	ck_assert_int_eq(n, 3);
	n = 0;
	ok_(store_audit_list(db, "2999-01-01", NULL, count_rec, &n, &e), &e, "since");
	ck_assert_int_eq(n, 0);
	ok_(store_audit_list(db, "2000-01-01", NULL, count_rec, &n, &e), &e, "since");
	ck_assert_int_eq(n, raw_int("SELECT count(*) FROM audit"));
	/* A dry run leaves no record. */
	{
		rencana *r;
		int64_t before = raw_int("SELECT count(*) FROM audit");

		as(admin);                    /* the plan is the admin's */
		ok_(store_load(db, "kesbangpol", 2023, &r, &e), &e, "load");
		r->sasaran[0].uraian = S(r, "dry");
		ok_(store_save(db, r, true, NULL, &e), &e, "dry");
		ck_assert_int_eq(raw_int("SELECT count(*) FROM audit"), before);
		ok_(store_save(db, r, false, NULL, &e), &e, "wet");
		ck_assert_int_eq(raw_int("SELECT count(*) FROM audit"), before + 1);
		rencana_free(r);
	}
}
END_TEST

/* The records of one value: a realisation changed twice in TW3, once in
 * TW2; other IKU, fields and quarters are left out. */
typedef struct vrec {
	char v[8][64];
	int n;
} vrec;

static int
value_rec(void *arg, const store_audit_rec *r)
{
	vrec *x = arg;

	ck_assert_int_lt(x->n, 8);
	snprintf(x->v[x->n++], sizeof x->v[0], "%s %s:%s>%s", r->login,
		 r->field, r->old ? r->old : "-", r->new_ ? r->new_ : "-");
	return 0;
}

static int
stop_rec(void *arg, const store_audit_rec *r)
{
	(void)r;
	(*(int *)arg)++;
	return 7;
}

START_TEST(test_audit_value)
{
	lk_err e = { 0, "" };
	vrec x;
	rencana *r;
	int n = 0;

	some_history();
	as("op2");
	ok_(store_load(db, "kesbangpol", 2023, &r, &e), &e, "load");
	find_iku(r, "IKU3")->realisasi[3] = N(72.5);
	find_iku(r, "IKU1")->realisasi[3] = N(1);
	find_iku(r, "IKU1")->ada_realisasi[3] = true;
	ok_(store_save(db, r, false, NULL, &e), &e, "save");
	rencana_free(r);

	memset(&x, 0, sizeof x);
	ok_(store_audit_value(db, "kesbangpol", 2023, 3, "realisasi_iku", "IKU3",
			      "nilai", value_rec, &x, &e), &e, "value");
	ck_assert_int_eq(x.n, 2);
	ck_assert_str_eq(x.v[0], "op1 nilai:->70");
	ck_assert_str_eq(x.v[1], "op2 nilai:70>72.5");
	/* Every field (NULL), another quarter, an IKU without records. */
	memset(&x, 0, sizeof x);
	ok_(store_audit_value(db, "kesbangpol", 2023, 3, "realisasi_iku", "IKU3",
			      NULL, value_rec, &x, &e), &e, "any field");
	ck_assert_int_eq(x.n, 2);
	memset(&x, 0, sizeof x);
	ok_(store_audit_value(db, "kesbangpol", 2023, 2, "realisasi_iku", "IKU3",
			      "nilai", value_rec, &x, &e), &e, "TW2");
	ck_assert_int_eq(x.n, 1);
	{
		char want[300];

		snprintf(want, sizeof want, "%s nilai:->50", admin);   /* the setup */
		ck_assert_str_eq(x.v[0], want);
	}
	memset(&x, 0, sizeof x);
	ok_(store_audit_value(db, "kesbangpol", 2023, 4, "realisasi_iku", "IKU3",
			      "nilai", value_rec, &x, &e), &e, "TW4");
	ck_assert_int_eq(x.n, 0);
	/* The plan's records have the plan's scope. */
	memset(&x, 0, sizeof x);
	ok_(store_audit_value(db, "kesbangpol", 2023, 0, "iku", "IKU3", "uraian",
			      value_rec, &x, &e), &e, "plan");
	ck_assert_int_eq(x.n, 1);
	/* The callback stops the walk with its own code. */
	ck_assert_int_eq(store_audit_value(db, "kesbangpol", 2023, 3, "realisasi_iku",
					   "IKU3", "nilai", stop_rec, &n, &e), 7);
	ck_assert_int_eq(n, 1);
}
END_TEST

/* The flag the terminal application asks instead of reading the
 * (translated) message: a read-only handle fails every write with
 * EX_IOERR. */
START_TEST(test_readonly_flag)
{
	lk_err e = { 0, "" };
	store *ro = NULL;
	size_t done = 0;

	ck_assert(!store_readonly(db));
	ck_assert_int_eq(store_open(dbpath, STORE_READONLY, &ro, &e), 0);
	ck_assert(store_readonly(ro));
	store_set_actor(ro, "op1");
	ck_assert_int_eq(store_wf_apply(ro, "kesbangpol", 2023, 2, EV_SUBMIT, NULL, 0,
					NULL, &done, &e), EX_IOERR);
	store_close(ro);
}
END_TEST

/* ------------------------------------------------------------------ */
/* users */

START_TEST(test_users)
{
	lk_err e = { 0, "" };
	char *bad[1] = { "tidakada" }, *two[2] = { "ideologi", "politik" };
	store_user u;

	/* Only an admin manages users. */
	as("op1");
	ck_assert_int_eq(store_user_add(db, "x", PERAN_OPERATOR, NULL, NULL, 0, &e),
			 EX_NOPERM);
	ck_assert_ptr_nonnull(strstr(e.msg, "admin"));
	as(admin);
	ck_assert_int_eq(store_user_add(db, "op1", PERAN_OPERATOR, NULL, NULL, 0, &e),
			 EX_DATAERR);
	ck_assert_int_eq(store_user_add(db, "k", PERAN_KABID, NULL, NULL, 0, &e), EX_USAGE);
	ck_assert_int_eq(store_user_add(db, "k", PERAN_KABID, NULL, bad, 1, &e), EX_DATAERR);
	ck_assert_int_eq(store_user_add(db, "k", PERAN_OPERATOR, NULL, two, 1, &e), EX_USAGE);
	ck_assert_int_eq(store_user_add(db, "a b", PERAN_OPERATOR, NULL, NULL, 0, &e), EX_USAGE);
	/* An admin is the database's: no agency; an unknown agency. */
	ck_assert_int_eq(store_user_add(db, "k", PERAN_ADMIN, "kesbangpol", NULL, 0, &e),
			 EX_USAGE);
	ck_assert_int_eq(store_user_add(db, "k", PERAN_KABID, "nosuch", two, 2, &e),
			 EX_NOINPUT);
	/* NULL: the only agency. */
	ok_(store_user_add(db, "k", PERAN_KABID, NULL, two, 2, &e), &e, "add");
	ok_(store_user_get(db, "k", "kesbangpol", &u, &e), &e, "get");
	ck_assert_int_eq(u.peran, PERAN_KABID);
	ck_assert(!u.admin);
	ck_assert_uint_eq(u.n_bidang, 2);
	ck_assert_str_eq(u.bidang[1], "politik");
	ck_assert_uint_eq(u.n_at, 1);
	ck_assert_str_eq(u.at[0].instansi, "kesbangpol");
	store_user_free(&u);
	/* Asked without an agency, he has no role: his are the agency's. */
	ok_(store_user_get(db, "k", NULL, &u, &e), &e, "get");
	ck_assert_int_eq(u.peran, PERAN_NONE);
	ck_assert_ptr_nonnull(u.login);
	store_user_free(&u);
	/* The last admin stays. */
	ck_assert_int_eq(store_user_remove(db, admin, NULL, &e), EX_DATAERR);
	ck_assert_int_eq(store_user_role(db, admin, PERAN_KEPALA, NULL, NULL, 0, &e),
			 EX_DATAERR);
	ck_assert_int_eq(store_user_remove(db, admin, "kesbangpol", &e), EX_USAGE);
	ok_(store_user_role(db, "kp", PERAN_ADMIN, NULL, NULL, 0, &e), &e, "second admin");
	ok_(store_user_get(db, "kp", NULL, &u, &e), &e, "get kp");
	ck_assert(u.admin);
	ck_assert_int_eq(u.peran, PERAN_ADMIN);
	ck_assert_uint_eq(u.n_at, 0);                 /* his agency role went */
	store_user_free(&u);
	ok_(store_user_remove(db, "k", NULL, &e), &e, "remove");
	ck_assert_int_eq(store_user_remove(db, "k", NULL, &e), EX_DATAERR);
	ok_(store_user_get(db, "k", "kesbangpol", &u, &e), &e, "get gone");
	ck_assert_int_eq(u.peran, PERAN_NONE);
	ck_assert_ptr_null(u.login);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM user_peran WHERE login = 'k'"), 0);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM user_peran_bidang WHERE login = 'k'"), 0);
	/* An unlisted account reads only, and is told whom to ask. */
	as("stranger");
	ck_assert_int_eq(store_izin(db, AKSI_LIHAT, &e), 0);
	ck_assert_int_eq(store_izin_at(db, "kesbangpol", AKSI_UBAH_DATA, &e), EX_NOPERM);
	ck_assert_ptr_nonnull(strstr(e.msg, "not a user"));
	ck_assert_ptr_nonnull(strstr(e.msg, admin));
	ck_assert_ptr_nonnull(strstr(e.msg, "kp"));
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE action = 'user-remove'"
				 " AND kode = 'k' AND old = 'kabid'"
				 " AND scope = 'kesbangpol'"), 1);
}
END_TEST

/* ------------------------------------------------------------------ */
/* two agencies: roles belong to one */

/* dinsos: the plan of kesbangpol under another kode (same bidang kodes,
 * same IKU); its TW2 reported too. */
static void
second_agency(void)
{
	lk_err e = { 0, "" };
	rencana *r = plan();

	r->instansi.kode = S(r, "dinsos");
	r->instansi.nama = S(r, "Dinas Sosial");
	as(admin);
	ok_(store_save(db, r, false, NULL, &e), &e, "save dinsos");
	rencana_free(r);
}

static int
wf_at(const char *who, const char *instansi, enum entri_event ev,
      const char *iku, const char *comment, size_t *done, lk_err *e)
{
	char buf[64], *v[1];
	size_t d = 0;

	as(who);
	if (iku != NULL)
		snprintf(buf, sizeof buf, "%s", iku);
	v[0] = buf;
	return store_wf_apply(db, instansi, 2023, 2, ev, v, iku ? 1 : 0, comment,
			      done ? done : &d, e);
}

static const char *
states_at(const char *instansi)
{
	static char out[8];
	lk_err e = { 0, "" };
	store_quarter q;
	size_t i;

	ok_(store_quarter_load(db, instansi, 2023, 2, &q, &e), &e, "load");
	for (i = 0; i < 3; i++)
		out[i] = "dsra"[q.entri[i].state];
	out[3] = '\0';
	store_quarter_free(&q);
	return out;
}

/* The refusal names the role and the agency needed. */
static void
refused(int rc, const lk_err *e, const char *role, const char *instansi)
{
	ck_assert_msg(rc == EX_NOPERM, "rc %d: %s", rc, e->msg);
	ck_assert_msg(strstr(e->msg, role) != NULL && strstr(e->msg, instansi) != NULL,
		      "names %s and %s: %s", role, instansi, e->msg);
}

/* The attacker: kesbangpol's operator, kabid and kepala on dinsos. */
START_TEST(test_cross_agency)
{
	lk_err e = { 0, "" };
	size_t done = 9;
	int v = -1;

	second_agency();
	add_user_at("op3", PERAN_OPERATOR, "dinsos", NULL);
	/* The operator of kesbangpol submits dinsos's entries: refused. */
	refused(wf_at("op1", "dinsos", EV_SUBMIT, NULL, NULL, &done, &e), &e,
		"operator or admin", "dinsos");
	ck_assert_uint_eq(done, 0);
	ck_assert_str_eq(states_at("dinsos"), "ddd");
	/* dinsos's own operator does; he is nobody in kesbangpol. */
	ok_(wf_at("op3", "dinsos", EV_SUBMIT, NULL, NULL, &done, &e), &e, "op3");
	ck_assert_uint_eq(done, N_ENTRI);
	refused(wf_at("op3", "kesbangpol", EV_SUBMIT, NULL, NULL, NULL, &e), &e,
		"operator or admin", "kesbangpol");
	ck_assert_str_eq(states_at("kesbangpol"), "ddd");
	/* The kabid of kesbangpol's ideologi approves dinsos's IKU1, whose
	 * sasaran has a bidang of that kode: refused, named or not. */
	refused(wf_at("kb1", "dinsos", EV_APPROVE, "IKU1", NULL, NULL, &e), &e,
		"kabid", "dinsos");
	refused(wf_at("kb1", "dinsos", EV_APPROVE, NULL, NULL, &done, &e), &e,
		"kabid", "dinsos");
	refused(wf_at("kb1", "dinsos", EV_RETURN, "IKU1", "x", NULL, &e), &e,
		"kabid", "dinsos");
	ck_assert_str_eq(states_at("dinsos"), "sss");
	/* The kepala of kesbangpol reviews nothing of dinsos either. */
	refused(wf_at("kp", "dinsos", EV_APPROVE, NULL, NULL, NULL, &e), &e,
		"kabid, kepala or admin", "dinsos");
	/* Same user, roles in both agencies: kabid of politik in dinsos,
	 * of ideologi in kesbangpol; each agency's bidang count there. */
	add_user_at("kb1", PERAN_KABID, "dinsos", "politik");
	refused(wf_at("kb1", "dinsos", EV_APPROVE, "IKU1", NULL, NULL, &e), &e,
		"bidang 'ideologi'", "IKU1");
	ok_(wf_at("kb1", "dinsos", EV_APPROVE, NULL, NULL, &done, &e), &e, "kb1 dinsos");
	ck_assert_uint_eq(done, 2);          /* IKU3 and the narrative of SS2 */
	ck_assert_str_eq(states_at("dinsos"), "ssa");
	ok_(wf_at("op1", "kesbangpol", EV_SUBMIT, NULL, NULL, NULL, &e), &e, "op1");
	ok_(wf_at("kb1", "kesbangpol", EV_APPROVE, NULL, NULL, &done, &e), &e, "kb1 kb");
	ck_assert_uint_eq(done, 3);          /* IKU1, IKU2, the narrative of SS1 */
	ck_assert_str_eq(states_at("kesbangpol"), "aas");
	ck_assert_int_eq(wf_at("kb1", "kesbangpol", EV_APPROVE, "IKU3", NULL, NULL, &e),
			 EX_NOPERM);
	/* Everything of dinsos approved (kb2 of kesbangpol gets ideologi
	 * there too), then the kepala of kesbangpol finalises dinsos:
	 * refused before anything is rendered. */
	add_user_at("kb2", PERAN_KABID, "dinsos", "ideologi");
	ok_(wf_at("kb2", "dinsos", EV_APPROVE, NULL, NULL, &done, &e), &e, "kb2 dinsos");
	ck_assert_str_eq(states_at("dinsos"), "aaa");
	produce_calls = 0;
	as("kp");
	refused(store_finalise(db, "dinsos", 2023, 2, fake_produce, NULL, &v, &e), &e,
		"kepala or admin", "dinsos");
	ck_assert_int_eq(produce_calls, 0);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM quarter_lock"), 0);
	/* The check the terminal application asks. */
	ck_assert_int_eq(store_izin_at(db, "dinsos", AKSI_FINAL, &e), EX_NOPERM);
	ck_assert_int_eq(store_izin_at(db, "kesbangpol", AKSI_FINAL, &e), 0);
	/* Nor may he unlock or manage users anywhere. */
	ck_assert_int_eq(store_izin_at(db, "kesbangpol", AKSI_BUKA, &e), EX_NOPERM);
	ck_assert_int_eq(store_izin(db, AKSI_PENGGUNA, &e), EX_NOPERM);
	/* Somewhere: the first check before the agency is known. */
	ck_assert_int_eq(store_izin_somewhere(db, AKSI_FINAL, &e), 0);
	as("op3");
	ck_assert_int_eq(store_izin_somewhere(db, AKSI_FINAL, &e), EX_NOPERM);
	ck_assert_ptr_nonnull(strstr(e.msg, "operator in dinsos"));
	/* The admin finalises both. */
	as(admin);
	ck_assert_int_eq(store_izin_at(db, "dinsos", AKSI_FINAL, &e), 0);
}
END_TEST

/* Editing an agency's data (store_save) needs a role there: the
 * operator of kesbangpol cannot change dinsos's realisations, and no
 * operator changes the plan. */
START_TEST(test_cross_agency_save)
{
	lk_err e = { 0, "" };
	rencana *r;
	int64_t before;

	second_agency();
	add_user_at("op3", PERAN_OPERATOR, "dinsos", NULL);
	as("op1");
	ok_(store_load(db, "dinsos", 2023, &r, &e), &e, "load");
	find_iku(r, "IKU1")->realisasi[2] += 1;
	before = raw_int("SELECT count(*) FROM audit");
	refused(store_save(db, r, false, NULL, &e), &e, "operator or admin", "dinsos");
	refused(store_save(db, r, true, NULL, &e), &e, "operator or admin", "dinsos");
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit"), before);
	as("kb1");
	ck_assert_int_eq(store_save(db, r, false, NULL, &e), EX_NOPERM);
	as("op3");
	ok_(store_save(db, r, false, NULL, &e), &e, "op3 saves dinsos");
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit"), before + 1);
	/* The plan is the admin's, even for the agency's own operator. */
	r->sasaran[0].uraian = S(r, "Sasaran lain");
	ck_assert_int_eq(store_save(db, r, false, NULL, &e), EX_NOPERM);
	ck_assert_ptr_nonnull(strstr(e.msg, "edit the plan"));
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit"), before + 1);
	as(admin);
	ok_(store_save(db, r, false, NULL, &e), &e, "admin saves the plan");
	rencana_free(r);
}
END_TEST

/* Role changes, each with its audit records, the agency in their scope;
 * one user with roles in two agencies. */
START_TEST(test_user_audit)
{
	lk_err e = { 0, "" };
	char *pol[1] = { "politik" }, *both[2] = { "ideologi", "politik" };
	store_user u;
	int64_t n0;

	second_agency();
	as(admin);
	n0 = raw_int("SELECT count(*) FROM audit");
	ok_(store_user_add(db, "sari", PERAN_KABID, "dinsos", pol, 1, &e), &e, "add");
	/* Two agencies now: the agency must be named. */
	ck_assert_int_eq(store_user_add(db, "rudi", PERAN_OPERATOR, NULL, NULL, 0, &e),
			 EX_USAGE);
	ck_assert_ptr_nonnull(strstr(e.msg, "--instansi"));
	ck_assert_int_eq(store_user_add(db, "sari", PERAN_OPERATOR, "dinsos", NULL, 0, &e),
			 EX_DATAERR);
	ok_(store_user_add(db, "sari", PERAN_OPERATOR, "kesbangpol", NULL, 0, &e), &e,
	    "second agency");
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE action = 'user-add'"
				 " AND tbl = 'user_peran' AND kode = 'sari'"
				 " AND field = 'role' AND old IS NULL AND new = 'kabid'"
				 " AND scope = 'dinsos'"), 1);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE action = 'user-add'"
				 " AND kode = 'sari' AND field = 'bidang' AND new = 'politik'"
				 " AND scope = 'dinsos'"), 1);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE action = 'user-add'"
				 " AND kode = 'sari' AND new = 'operator'"
				 " AND scope = 'kesbangpol'"), 1);
	ok_(store_user_get(db, "sari", "dinsos", &u, &e), &e, "get");
	ck_assert_int_eq(u.peran, PERAN_KABID);
	ck_assert_uint_eq(u.n_at, 2);
	store_user_free(&u);
	/* Change his bidang in dinsos: one record, role unchanged. */
	ok_(store_user_role(db, "sari", PERAN_KABID, "dinsos", both, 2, &e), &e, "role");
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE action = 'user-role'"
				 " AND kode = 'sari' AND scope = 'dinsos'"), 1);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE action = 'user-role'"
				 " AND field = 'bidang' AND old = 'politik'"
				 " AND new = 'ideologi,politik' AND scope = 'dinsos'"), 1);
	/* kepala in kesbangpol: role record there, dinsos untouched. */
	ok_(store_user_role(db, "sari", PERAN_KEPALA, "kesbangpol", NULL, 0, &e), &e,
	    "kepala");
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE action = 'user-role'"
				 " AND old = 'operator' AND new = 'kepala'"
				 " AND scope = 'kesbangpol'"), 1);
	ok_(store_user_get(db, "sari", "dinsos", &u, &e), &e, "get");
	ck_assert_int_eq(u.peran, PERAN_KABID);
	ck_assert_uint_eq(u.n_bidang, 2);
	store_user_free(&u);
	/* Remove his dinsos role: he stays kepala in kesbangpol. */
	ok_(store_user_remove(db, "sari", "dinsos", &e), &e, "remove dinsos");
	ck_assert_int_eq(store_user_remove(db, "sari", "dinsos", &e), EX_DATAERR);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE action = 'user-remove'"
				 " AND old = 'kabid' AND new IS NULL AND scope = 'dinsos'"), 1);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM user_peran_bidang"
				 " WHERE login = 'sari'"), 0);
	ok_(store_user_get(db, "sari", "kesbangpol", &u, &e), &e, "get");
	ck_assert_int_eq(u.peran, PERAN_KEPALA);
	ck_assert_uint_eq(u.n_at, 1);
	store_user_free(&u);
	/* Admin, then back to a role: the database's record has no scope. */
	ok_(store_user_role(db, "sari", PERAN_ADMIN, NULL, NULL, 0, &e), &e, "admin");
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE action = 'user-role'"
				 " AND tbl = 'users' AND new = 'admin' AND scope IS NULL"), 1);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE action = 'user-role'"
				 " AND old = 'kepala' AND new IS NULL AND scope = 'kesbangpol'"), 1);
	ok_(store_user_role(db, "sari", PERAN_OPERATOR, "dinsos", NULL, 0, &e), &e, "op");
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit WHERE action = 'user-role'"
				 " AND tbl = 'users' AND old = 'admin' AND new IS NULL"), 1);
	ok_(store_user_remove(db, "sari", NULL, &e), &e, "remove");
	ck_assert_int_eq(raw_int("SELECT count(*) FROM users WHERE login = 'sari'"), 0);
	/* Every change left records, all in the chain. */
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit"), n0 + 13);
	{
		store_audit_check chk;

		ok_(store_audit_verify(db, &chk, &e), &e, "verify");
	}
}
END_TEST

/* ------------------------------------------------------------------ */
/* migration from schema version 4: roles per agency, nothing new */

START_TEST(test_migrate_v4)
{
	lk_err e = { 0, "" };
	char path4[2048], keep[2048];
	static const char *const ag[] = { "a", "b", "c" };
	static const enum peran_aksi acts[] = {
		AKSI_UBAH_DATA, AKSI_AJUKAN, AKSI_TINJAU, AKSI_FINAL, AKSI_BUKA,
		AKSI_PENGGUNA, AKSI_UBAH_RENCANA, AKSI_PENANDA,
	};
	static const char *const logins[] = { "op", "kb", "kp", "ad2", "nobody" };
	int before[5][3][8];
	store *s;
	store_user u;
	size_t i, k, j;

	snprintf(path4, sizeof path4, "%s/v4.db", tmp);
	ck_assert_int_eq(store_create_at_version(path4, 4, &e), 0);
	snprintf(keep, sizeof keep, "%s", dbpath);
	snprintf(dbpath, sizeof dbpath, "%s", path4);
	ck_assert_int_eq(raw_int("PRAGMA user_version"), 4);
	raw_exec("INSERT INTO instansi (id, kode, nama, pemerintah, kota) VALUES"
		 " (1, 'a', 'A', 'P', 'K'), (2, 'b', 'B', 'P', 'K'), (3, 'c', 'C', 'P', 'K');"
		 "INSERT INTO bidang (instansi_id, kode, nama, urutan) VALUES"
		 " (1, 'ideologi', 'I', 0), (1, 'politik', 'P', 1), (2, 'politik', 'P', 0);"
		 "INSERT INTO users VALUES ('op', 'operator', 'root', '2026-01-01T00:00:00Z'),"
		 " ('kb', 'kabid', 'root', '2026-01-01T00:00:00Z'),"
		 " ('kp', 'kepala', 'root', '2026-01-01T00:00:00Z'),"
		 " ('ad2', 'admin', 'root', '2026-01-01T00:00:00Z');"
		 "INSERT INTO user_bidang VALUES ('kb', 'ideologi'), ('kb', 'politik');");
	/* Read-only, not migrated: read as the migration will make it. */
	ck_assert_int_eq(store_open(path4, STORE_READONLY, &s, &e), 0);
	ok_(store_user_get(s, "kb", "b", &u, &e), &e, "ro get");
	ck_assert_int_eq(u.peran, PERAN_KABID);
	ck_assert_uint_eq(u.n_bidang, 1);
	ck_assert_str_eq(u.bidang[0], "politik");
	ck_assert_uint_eq(u.n_at, 3);
	store_user_free(&u);
	/* What each may do in each agency before. */
	for (i = 0; i < 5; i++)
		for (k = 0; k < 3; k++)
			for (j = 0; j < 8; j++) {
				store_set_actor(s, logins[i]);
				before[i][k][j] = store_izin_at(s, ag[k], acts[j], &e);
			}
	store_close(s);
	ck_assert_int_eq(raw_int("PRAGMA user_version"), 4);

	ck_assert_int_eq(store_open(path4, 0, &s, &e), 0);
	ck_assert_int_eq(raw_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
	/* Every non-admin in every agency, with the role he had. */
	ck_assert_int_eq(raw_int("SELECT count(*) FROM user_peran"), 9);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM user_peran p JOIN instansi i"
				 " ON i.id = p.instansi_id WHERE p.login = 'kb'"
				 " AND p.role = 'kabid'"), 3);
	/* His bidang where the agency has that kode: a two, b one, c none. */
	ck_assert_int_eq(raw_int("SELECT count(*) FROM user_peran_bidang"
				 " WHERE login = 'kb' AND instansi_id = 1"), 2);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM user_peran_bidang"
				 " WHERE login = 'kb' AND instansi_id = 2"), 1);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM user_peran_bidang"
				 " WHERE login = 'kb' AND instansi_id = 3"), 0);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM user_peran_bidang"), 3);
	/* Admins stay admins, with no agency role; nobody else is one. */
	ck_assert_int_eq(raw_int("SELECT count(*) FROM users WHERE role = 'admin'"), 2);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM users WHERE role IS NULL"), 3);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM user_peran WHERE login IN"
				 " (SELECT login FROM users WHERE role = 'admin')"), 0);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM sqlite_master"
				 " WHERE name IN ('user_bidang', 'users_v5')"), 0);
	/* The migration writes no record and hands out nothing new: each
	 * may do in each agency exactly what he might before. */
	ck_assert_int_eq(raw_int("SELECT count(*) FROM audit"), 1);
	for (i = 0; i < 5; i++)
		for (k = 0; k < 3; k++)
			for (j = 0; j < 8; j++) {
				store_set_actor(s, logins[i]);
				ck_assert_msg(store_izin_at(s, ag[k], acts[j], &e)
					      == before[i][k][j], "%s in %s: %s",
					      logins[i], ag[k], peran_aksi_nama(acts[j]));
			}
	ck_assert_int_eq(before[1][2][2], 0);          /* kb reviewed in c */
	ck_assert_int_eq(before[0][0][3], EX_NOPERM);  /* op never finalised */
	store_set_actor(s, "kb");
	ok_(store_user_get(s, "kb", "a", &u, &e), &e, "get");
	ck_assert_int_eq(u.peran, PERAN_KABID);
	ck_assert_uint_eq(u.n_bidang, 2);
	store_user_free(&u);
	store_close(s);
	/* The rebuilt users is the parent of user_peran: a user deleted
	 * takes his roles with him. */
	raw_exec("PRAGMA foreign_keys = ON; DELETE FROM users WHERE login = 'kb'");
	ck_assert_int_eq(raw_int("SELECT count(*) FROM user_peran WHERE login = 'kb'"), 0);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM user_peran_bidang"), 0);
	snprintf(dbpath, sizeof dbpath, "%s", keep);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("workflow");
	TCase *tc;

	tc = tcase_create("policy");
	tcase_add_loop_test(tc, test_policy, 0, (int)LK_NELEM(policy_cases));
	tcase_add_test(tc, test_peran_names);
	tcase_add_loop_test(tc, test_transition, 0, (int)LK_NELEM(transition_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("store");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_flow);
	tcase_add_test(tc, test_status_stale);
	tcase_add_test(tc, test_self_approval);
	tcase_add_test(tc, test_no_bidang);
	tcase_add_test(tc, test_edit_resets);
	tcase_add_test(tc, test_finalise_rules);
	tcase_add_test(tc, test_finalise_outside_lock);
	tcase_add_loop_test(tc, test_lock, 0, (int)LK_NELEM(lock_cases));
	tcase_add_loop_test(tc, test_audit_chain, 0, (int)LK_NELEM(tamper_cases));
	tcase_add_test(tc, test_audit_records);
	tcase_add_test(tc, test_audit_value);
	tcase_add_test(tc, test_readonly_flag);
	tcase_add_test(tc, test_users);
	tcase_add_test(tc, test_cross_agency);
	tcase_add_test(tc, test_cross_agency_save);
	tcase_add_test(tc, test_user_audit);
	tcase_add_test(tc, test_migrate_v4);
	suite_add_tcase(s, tc);
	return s;
}
