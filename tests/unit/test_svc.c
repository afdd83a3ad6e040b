/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_svc.c - the service layer (src/svc) without a screen: opening a
 * period, the permission check, saving, reviewing, rendering, the key
 * check, finalising, unlocking and the temporary files.
 *
 * Each test starts from a fresh database holding the example plan of
 * kesbangpol-kalteng (2023, TW II reported) and the users op (operator),
 * kb (kabid of ideologi: IKU3), kbx (kabid of the other three bidang:
 * IKU1, IKU2, IKU4, IKU5), kp (kepala) there; the account running the
 * test is the admin.  A kabid reviews the IKU of his bidang; the kepala
 * and the admin those of a sasaran without a bidang (none here).  second_agency() adds dinsos (the same plan, its own
 * two predikat bands) with its operator opd and kepala kpd.  Every
 * refusal is checked for its status, for what its message names and for
 * having changed nothing: a digest of every row of every table
 * (snapshot()) is the same before and after.
 *
 * Signing keys are made once, before the tests fork, with the OpenSSL
 * API (a certificate valid only in the past or the future cannot be made
 * with `openssl req` of OpenSSL 3.0): the head's NIP as serialNumber, none,
 * another NIP, expired, not yet valid, and one never registered.
 */
#include "config.h"
#include "lktest.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include "io/exchange.h"
#include "svc/import.h"
#include "svc/svc.h"

#define K "kesbangpol-kalteng"
#define D "dinsos"
#define PASS "rahasia-uji"
#define NIP_HEAD "196610221993081001"      /* "19661022 199308 1 001" */
#define NIP_OTHER "198001012005011001"

static char tmp[1024], dbpath[2048], admin[256];
static store *db;
static svc v;

/* ------------------------------------------------------------------ */
/* key material, made once */

static char M[1024];           /* directory of the keys */
static pid_t M_owner;

static const char *
mpath(const char *name)
{
	static char buf[4][2048];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", M, name);
	return buf[k];
}

/* NAME.p12 (password PASS) and NAME.pem: a self-signed RSA certificate
 * with serialNumber serial (NULL: none), valid from nb to na days from
 * now. */
static void
make_key(const char *name, const char *serial, long nb, long na)
{
	static long no = 1;
	EVP_PKEY *k = EVP_RSA_gen(2048);
	X509 *x = X509_new();
	X509_NAME *n;
	PKCS12 *p;
	char file[64];
	FILE *f;

	if (k == NULL || x == NULL)
		abort();
	X509_set_version(x, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(x), no++);
	X509_gmtime_adj(X509_getm_notBefore(x), nb * 86400L);
	X509_gmtime_adj(X509_getm_notAfter(x), na * 86400L);
	X509_set_pubkey(x, k);
	n = X509_get_subject_name(x);
	X509_NAME_add_entry_by_txt(n, "C", MBSTRING_ASC,
				   (const unsigned char *)"ID", -1, -1, 0);
	if (serial != NULL)
		X509_NAME_add_entry_by_txt(n, "serialNumber", MBSTRING_ASC,
					   (const unsigned char *)serial, -1, -1, 0);
	X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_ASC,
				   (const unsigned char *)name, -1, -1, 0);
	X509_set_issuer_name(x, n);
	if (X509_sign(x, k, EVP_sha256()) == 0)
		abort();
	if ((p = PKCS12_create(PASS, name, k, x, NULL, 0, 0, 0, 0, 0)) == NULL)
		abort();
	snprintf(file, sizeof file, "%s.p12", name);
	if ((f = fopen(mpath(file), "wb")) == NULL || i2d_PKCS12_fp(f, p) != 1)
		abort();
	fclose(f);
	snprintf(file, sizeof file, "%s.pem", name);
	if ((f = fopen(mpath(file), "w")) == NULL || PEM_write_X509(f, x) != 1)
		abort();
	fclose(f);
	PKCS12_free(p);
	X509_free(x);
	EVP_PKEY_free(k);
}

static void
cleanup(void)
{
	if (getpid() == M_owner && M[0] != '\0')
		lktest_rmtree(M);
}

static void
make_material(void)
{
	snprintf(M, sizeof M, "%s", lktest_tmpdir());
	M_owner = getpid();
	atexit(cleanup);
	chmod(M, 0755);
	make_key("kepala", NIP_HEAD, -1, 365);
	make_key("tanpanip", NULL, -1, 365);
	make_key("nipsalah", NIP_OTHER, -1, 365);
	make_key("kedaluwarsa", NIP_HEAD, -30, -1);
	make_key("belum", NIP_HEAD, 10, 365);
	make_key("asing", NIP_HEAD, -1, 365);
}

/* Register NAME.pem for agency kode as `lakip signer set` does. */
static void
register_key(const char *kode, const char *name)
{
	lk_err e = { 0, "" };
	sign_cert_info ci;
	store_signer g;
	char file[64], *pem = NULL;

	snprintf(file, sizeof file, "%s.pem", name);
	ck_assert_msg(sign_cert_file(mpath(file), (int64_t)time(NULL), &ci, &pem,
				     &e) == 0, "%s", e.msg);
	memset(&g, 0, sizeof g);
	g.instansi = (char *)kode;
	g.sha256 = ci.sha256;
	g.subject = ci.subject;
	g.serial_number = ci.serial_number;
	g.not_before = ci.not_before;
	g.not_after = ci.not_after;
	g.pem = pem;
	store_set_actor(db, admin);
	ck_assert_msg(store_signer_add(db, &g, &e) == 0, "%s", e.msg);
	free(pem);
}

/* ------------------------------------------------------------------ */
/* the database */

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

/* rc is want and e->msg holds each of the needles (NULL ends). */
static void
refused_(int rc, const lk_err *e, int want, const char *what, ...)
{
	va_list ap;
	const char *s;

	ck_assert_msg(rc == want, "%s: got %d (%s), want %d", what, rc, e->msg,
		      want);
	va_start(ap, what);
	while ((s = va_arg(ap, const char *)) != NULL)
		ck_assert_msg(strstr(e->msg, s) != NULL, "%s: '%s' not in: %s",
			      what, s, e->msg);
	va_end(ap);
}
#define refused(rc, e, want, ...) refused_(rc, e, want, __VA_ARGS__, NULL)

static rencana *
example(void)
{
	lk_err e = { 0, "" };
	rencana *r;

	ck_assert_msg(exchange_read_file(lktest_path(
	    "examples/kesbangpol-kalteng-2023.yaml"), &r, &e) == 0, "%s", e.msg);
	/* IKU2 and IKU4 have no realisation in TW II: the note that lets
	 * them be submitted. */
	for (size_t i = 0; i < r->n_sasaran; i++)
		for (size_t k = 0; k < r->sasaran[i].n_iku; k++)
			if (!r->sasaran[i].iku[k].ada_realisasi[2])
				r->sasaran[i].iku[k].keterangan[2] =
				    arena_strdup(&r->mem, "data belum tersedia");
	return r;
}

static void
user_at(const char *login, enum peran p, const char *kode, const char *bidang)
{
	lk_err e = { 0, "" };
	char *b[1] = { (char *)bidang };

	as(admin);
	ok_(store_user_add(db, login, p, kode, b, bidang != NULL, &e), &e, login);
}

static void
setup(void)
{
	lk_err e = { 0, "" };
	rencana *r = example();

	snprintf(tmp, sizeof tmp, "%s", lktest_tmpdir());
	snprintf(dbpath, sizeof dbpath, "%s/lakip.db", tmp);
	ck_assert_int_eq(store_open(dbpath, STORE_CREATE, &db, &e), 0);
	snprintf(admin, sizeof admin, "%s", store_actor(db));
	ok_(store_save(db, r, false, NULL, &e), &e, "save");
	rencana_free(r);
	user_at("op", PERAN_OPERATOR, K, NULL);
	user_at("kb", PERAN_KABID, K, "ideologi");
	user_at("kp", PERAN_KEPALA, K, NULL);
	{
		char *b[3] = { "poldagri", "kewaspadaan", "ekososbud" };

		ok_(store_user_add(db, "kbx", PERAN_KABID, K, b, 3, &e), &e, "kbx");
	}
	ok_(svc_init(&v, db, &e), &e, "svc_init");
}

static void
teardown(void)
{
	svc_done(&v);
	store_close(db);
	db = NULL;
	lktest_rmtree(tmp);
}

/* dinsos: the example plan under another kode, with two bands of its
 * own (Baik from 70%, Kurang below); opd and kpd its operator and
 * kepala, nobody in kesbangpol-kalteng. */
static void
second_agency(void)
{
	lk_err e = { 0, "" };
	rencana *r = example();
	predikat_band *b = arena_alloc(&r->mem, 2 * sizeof *b);

	r->instansi.kode = arena_strdup(&r->mem, D);
	r->instansi.nama = arena_strdup(&r->mem, "Dinas Sosial");
	memset(b, 0, 2 * sizeof *b);
	b[0].nama = "Baik";
	b[0].ada_min = true;
	b[0].min = 7000;
	b[0].warna = "baik";
	b[1].nama = "Kurang";
	b[1].warna = "kurang";
	r->instansi.predikat.band = b;
	r->instansi.predikat.n = 2;
	as(admin);
	ok_(store_save(db, r, false, NULL, &e), &e, "save dinsos");
	rencana_free(r);
	user_at("opd", PERAN_OPERATOR, D, NULL);
	user_at("kpd", PERAN_KEPALA, D, NULL);
}

/* A digest of every row of every table: equal before and after a
 * refusal when it changed nothing. */
static const char *
snapshot(void)
{
	static char hex[2][65];
	static int k;
	sqlite3 *x;
	sqlite3_stmt *t, *st;
	char *buf = NULL, sql[256];
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	k = !k;
	ck_assert_int_eq(sqlite3_open_v2(dbpath, &x, SQLITE_OPEN_READONLY, NULL),
			 SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(x, "SELECT name FROM sqlite_master"
	    " WHERE type = 'table' ORDER BY name", -1, &t, NULL), SQLITE_OK);
	while (sqlite3_step(t) == SQLITE_ROW) {
		snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"",
			 (const char *)sqlite3_column_text(t, 0));
		fprintf(f, "[%s]\n", sqlite3_column_text(t, 0));
		ck_assert_int_eq(sqlite3_prepare_v2(x, sql, -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const unsigned char *s = sqlite3_column_text(st, c);

				fprintf(f, "%s\x1f", s != NULL ? (const char *)s : "\x01");
			}
			fputc('\n', f);
		}
		sqlite3_finalize(st);
	}
	sqlite3_finalize(t);
	sqlite3_close(x);
	fclose(f);
	sign_sha256_hex(buf, len, hex[k]);
	free(buf);
	return hex[k];
}

static int64_t
raw_int(const char *sql)
{
	sqlite3 *x;
	sqlite3_stmt *st;
	int64_t n = -1;

	ck_assert_int_eq(sqlite3_open_v2(dbpath, &x, SQLITE_OPEN_READONLY, NULL),
			 SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(x, sql, -1, &st, NULL) == SQLITE_OK, "%s",
		      sql);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(x);
	return n;
}

static iku *
find_iku(rencana *r, const char *kode)
{
	for (size_t i = 0; i < r->n_sasaran; i++)
		for (size_t k = 0; k < r->sasaran[i].n_iku; k++)
			if (strcmp(r->sasaran[i].iku[k].kode, kode) == 0)
				return &r->sasaran[i].iku[k];
	ck_abort_msg("no IKU %s", kode);
	return NULL;
}

static const kinerja_iku *
row_of(const kinerja *k, const char *kode)
{
	for (size_t i = 0; i < k->n_iku; i++)
		if (k->iku[i].iku != NULL && strcmp(k->iku[i].iku->kode, kode) == 0)
			return &k->iku[i];
	ck_abort_msg("no row %s", kode);
	return NULL;
}

/* The entries of TW II of the example plan: 5 IKU, 6 programs, 5
 * narratives, BAB II, BAB III. */
#define N_ENTRI 18

/* States of every entry of TW II of kode as letters d s r a. */
static const char *
states_all(const char *kode)
{
	static char out[N_ENTRI + 1];
	lk_err e = { 0, "" };
	store_quarter q;

	ok_(store_quarter_load(db, kode, 2023, 2, &q, &e), &e, "quarter");
	ck_assert_uint_eq(q.n_entri, N_ENTRI);
	for (size_t i = 0; i < N_ENTRI; i++)
		out[i] = "dsra"[q.entri[i].state];
	out[N_ENTRI] = '\0';
	store_quarter_free(&q);
	return out;
}

/* States of IKU1..IKU5 (the first entries) in TW II of kode. */
static const char *
states(const char *kode)
{
	static char out[8];

	memcpy(out, states_all(kode), 5);
	out[5] = '\0';
	return out;
}

static void
open_ok(const char *who, const char *kode, int tw, enum peran_aksi a,
	svc_period *p)
{
	lk_err e = { 0, "" };

	as(who);
	ok_(svc_open(&v, kode, 2023, tw, a, p, &e), &e, "svc_open");
}

static int
review(const char *who, enum entri_event ev, const char *ikus,
       const char *comment, size_t *done, lk_err *e)
{
	svc_period p;
	char buf[64], *list[8], *save = NULL, *s;
	size_t n = 0, d = 0;
	int rc;

	open_ok(admin, K, 2, AKSI_LIHAT, &p);
	as(who);
	if (ikus != NULL) {
		snprintf(buf, sizeof buf, "%s", ikus);
		for (s = strtok_r(buf, ",", &save); s && n < 8;
		     s = strtok_r(NULL, ",", &save))
			list[n++] = s;
	}
	rc = svc_review(&v, &p, ev, list, n, comment, done ? done : &d, e);
	svc_period_free(&p);
	return rc;
}

/* Every entry of TW II submitted by op and approved: by the kabid
 * those of their bidang, by the kepala the rest (the program that
 * supports no sasaran, BAB II, BAB III). */
static void
approve_all(void)
{
	lk_err e = { 0, "" };

	ok_(review("op", EV_SUBMIT, NULL, NULL, NULL, &e), &e, "submit");
	ok_(review("kb", EV_APPROVE, NULL, NULL, NULL, &e), &e, "approve kb");
	ok_(review("kbx", EV_APPROVE, NULL, NULL, NULL, &e), &e, "approve kbx");
	ok_(review("kp", EV_APPROVE, NULL, NULL, NULL, &e), &e, "approve kp");
	ck_assert_str_eq(states_all(K), "aaaaaaaaaaaaaaaaaa");
}

static int
fake_produce(void *arg, rencana *r, int tw, int version, store_signed_in *out,
	     lk_err *e)
{
	static const unsigned char pdf[] = "%PDF-1.4 fake";

	(void)arg; (void)r; (void)tw; (void)e;
	out->pdf = pdf;
	out->len = sizeof pdf - 1;
	memset(out->pdf_sha256, 'a', 64);
	memset(out->unsigned_sha256, '0' + version, 64);
	memset(out->content_sha256, 'c', 64);
	snprintf(out->cert_subject, sizeof out->cert_subject, "CN=Uji");
	return 0;
}

/* TW II approved and locked by kp (version 1), without rendering. */
static void
lock_quarter(void)
{
	lk_err e = { 0, "" };
	int ver = 0;

	approve_all();
	as("kp");
	ok_(store_finalise(db, K, 2023, 2, fake_produce, NULL, &ver, &e), &e,
	    "finalise");
	ck_assert_int_eq(ver, 1);
}

/* Files named .lakip-* in dir. */
static int
temps_in(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *x;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((x = readdir(d)) != NULL)
		n += strncmp(x->d_name, ".lakip-", 7) == 0;
	closedir(d);
	return n;
}

/* $LAKIP_SVC_TEST_KEEP names a directory where the reports made are
 * copied as NAME, to be looked at. */
static void
keep(const char *path, const char *name)
{
	const char *dir = getenv("LAKIP_SVC_TEST_KEEP");
	char cmd[4600];

	if (dir == NULL || *dir == '\0')
		return;
	snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp '%s' '%s/%s'", dir, path,
		 dir, name);
	if (system(cmd) != 0)
		fprintf(stderr, "# cannot keep %s\n", path);
}

static bool
exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/* What another account cannot do: root reads and writes everything, so
 * when the test runs as root, fn runs in a child process as nobody (the
 * test's own process must stay root to clean up), its status and message
 * sent back through a pipe. */
static int
as_nobody(int (*fn)(void *arg, lk_err *e), void *arg, lk_err *e)
{
	int fd[2], rc = -1, st;
	pid_t pid;

	if (geteuid() != 0)
		return fn(arg, e);
	ck_assert_int_eq(chmod(tmp, 0755), 0);
	ck_assert_int_eq(pipe(fd), 0);
	if ((pid = fork()) == 0) {
		close(fd[0]);
		if (setgid(65534) != 0 || setuid(65534) != 0)
			_exit(2);
		rc = fn(arg, e);
		if (write(fd[1], &rc, sizeof rc) != sizeof rc ||
		    write(fd[1], e, sizeof *e) != sizeof *e)
			_exit(3);
		_exit(0);
	}
	ck_assert_int_gt(pid, 0);
	close(fd[1]);
	ck_assert_int_eq(read(fd[0], &rc, sizeof rc), sizeof rc);
	ck_assert_int_eq(read(fd[0], e, sizeof *e), sizeof *e);
	close(fd[0]);
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return rc;
}

static svc_final_opts final_opts(const char *p12, const char *out);

/* ------------------------------------------------------------------ */
/* svc_init */

START_TEST(test_init)
{
	lk_err e = { 0, "" };
	char dir[2048], f[2100];
	svc w;
	FILE *fp;

	/* The installed bands: the five of templates/predikat.yaml. */
	ck_assert_uint_eq(v.installed.n, 5);
	ck_assert_str_eq(v.installed.band[0].nama, "Sangat Tinggi");
	ck_assert_int_eq(v.installed.band[0].min, 9100);
	ck_assert(!v.installed.band[4].ada_min);
	ck_assert_ptr_eq(v.s, db);
	/* A malformed installed file: EX_DATAERR naming it. */
	snprintf(dir, sizeof dir, "%s/data", tmp);
	snprintf(f, sizeof f, "%s/templates", dir);
	ck_assert_int_eq(mkdir(dir, 0755), 0);
	ck_assert_int_eq(mkdir(f, 0755), 0);
	snprintf(f, sizeof f, "%s/templates/predikat.yaml", dir);
	ck_assert_ptr_nonnull(fp = fopen(f, "w"));
	fputs("predikat:\n  - nama: Tinggi\n    min: 50\n  - nama: Lebih Tinggi\n"
	      "    min: 80\n  - nama: Rendah\n", fp);
	fclose(fp);
	setenv("LAKIP_DATA_DIR", dir, 1);
	refused(svc_init(&w, db, &e), &e, EX_DATAERR, "init bad bands",
		"predikat.yaml");
	svc_done(&w);
	/* Well-formed: three bands of its own. */
	ck_assert_ptr_nonnull(fp = fopen(f, "w"));
	fputs("predikat:\n  - nama: Unggul\n    min: 90\n  - nama: Cukup\n"
	      "    min: 60\n  - nama: Kurang\n", fp);
	fclose(fp);
	ok_(svc_init(&w, db, &e), &e, "init own installed");
	ck_assert_uint_eq(w.installed.n, 3);
	ck_assert_str_eq(w.installed.band[1].nama, "Cukup");
	/* The period uses them: IKU5 (130 of 200, 65%) is Cukup, IKU1
	 * (101,02%) Unggul. */
	{
		svc_period p;

		as(admin);
		ok_(svc_open(&w, K, 2023, 2, AKSI_LIHAT, &p, &e), &e, "open");
		ck_assert_uint_eq(p.pt.n, 3);
		ck_assert_str_eq(row_of(&p.k, "IKU5")->predikat->nama, "Cukup");
		ck_assert_str_eq(row_of(&p.k, "IKU1")->predikat->nama, "Unggul");
		svc_period_free(&p);
	}
	svc_done(&w);
	ck_assert_ptr_null(w.s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* svc_open: choosing the agency, the year, the quarter */

static const struct open_case {
	const char *name;
	bool two;                /* with dinsos */
	const char *instansi;
	int tahun, tw;
	int rc;
	const char *kode;        /* chosen (rc 0) */
	const char *need[3];     /* in the message (rc != 0) */
} open_cases[] = {
	{ "the only agency", false, NULL, 2023, 2, 0, K, { NULL } },
	{ "named", true, D, 2023, 2, 0, D, { NULL } },
	{ "several, none named", true, NULL, 2023, 2, EX_USAGE, NULL,
	  { K, D, NULL } },
	{ "unknown agency", false, "dinkes", 2023, 2, EX_NOINPUT, NULL,
	  { "dinkes", NULL } },
	{ "no plan for the year", false, K, 2024, 2, EX_NOINPUT, NULL,
	  { "2024", NULL } },
	{ "the plan only", false, K, 2023, 0, 0, K, { NULL } },
	{ "quarter 5", false, K, 2023, 5, EX_USAGE, NULL, { "5", NULL } },
	{ "quarter -1", false, K, 2023, -1, EX_USAGE, NULL, { "-1", NULL } },
};

START_TEST(test_open)
{
	const struct open_case *c = &open_cases[_i];
	lk_err e = { 0, "" };
	svc_period p;
	int rc;

	if (c->two)
		second_agency();
	as(admin);
	memset(&p, 0x5a, sizeof p);
	rc = svc_open(&v, c->instansi, c->tahun, c->tw, AKSI_LIHAT, &p, &e);
	ck_assert_msg(rc == c->rc, "%s: got %d (%s), want %d", c->name, rc, e.msg,
		      c->rc);
	if (rc != 0) {
		for (int k = 0; k < 3 && c->need[k] != NULL; k++)
			ck_assert_msg(strstr(e.msg, c->need[k]) != NULL,
				      "%s: '%s' not in: %s", c->name, c->need[k], e.msg);
		/* Nothing is left open. */
		ck_assert_ptr_null(p.r);
		ck_assert_ptr_null(p.kode);
		return;
	}
	ck_assert_str_eq(p.kode, c->kode);
	ck_assert_str_eq(p.r->instansi.kode, c->kode);
	ck_assert_int_eq(p.tahun, 2023);
	ck_assert_int_eq(p.tw, c->tw);
	ck_assert_uint_eq(p.r->n_sasaran, 5);
	/* The quarter's figures; none for the plan only. */
	ck_assert_uint_eq(p.k.n_iku, c->tw ? 5 : 0);
	ck_assert_uint_eq(p.k.n_program, c->tw ? 6 : 0);
	svc_period_free(&p);
	ck_assert_ptr_null(p.r);
}
END_TEST

/* A database without any agency: EX_NOINPUT, nothing chosen. */
START_TEST(test_open_empty)
{
	lk_err e = { 0, "" };
	char path[2100];
	svc_period p;
	store *s;
	svc w;

	snprintf(path, sizeof path, "%s/kosong.db", tmp);
	ck_assert_int_eq(store_open(path, STORE_CREATE, &s, &e), 0);
	ok_(svc_init(&w, s, &e), &e, "init");
	refused(svc_open(&w, NULL, 2023, 2, AKSI_LIHAT, &p, &e), &e, EX_NOINPUT,
		"empty", "kosong.db");
	ck_assert_ptr_null(p.kode);
	ck_assert_ptr_null(p.r);
	svc_done(&w);
	store_close(s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* the role for each action: allowed[who] for the users of who_ */

static const char *const who_[] = {
	"tamu",      /* not listed */
	"op", "kb", "kp", NULL /* admin */,
	"opd", "kpd",            /* roles in dinsos, nobody in K */
};

/* Y where the action is allowed in K, then the dinsos users in dinsos. */
static const struct role_case {
	enum peran_aksi a;
	const char *in_k;        /* tamu op kb kp admin opd kpd */
	const char *in_d;        /* tamu op kb kp admin opd kpd */
	const char *daftar;
} role_cases[] = {
	{ AKSI_LIHAT,        "YYYYYYY", "YYYYYYY", NULL },
	{ AKSI_INIT,         "....Y..", "....Y..", "admin" },
	{ AKSI_IMPOR,        "....Y..", "....Y..", "admin" },
	{ AKSI_UBAH_RENCANA, "....Y..", "....Y..", "admin" },
	{ AKSI_UBAH_DATA,    ".Y..Y..", "....YY.", "operator or admin" },
	{ AKSI_AJUKAN,       ".Y..Y..", "....YY.", "operator or admin" },
	{ AKSI_TINJAU,       "..YYY..", "....Y.Y", "kabid, kepala or admin" },
	{ AKSI_FINAL,        "...YY..", "....Y.Y", "kepala or admin" },
	{ AKSI_BUKA,         "....Y..", "....Y..", "admin" },
	{ AKSI_PENGGUNA,     "....Y..", "....Y..", "admin" },
	{ AKSI_PENANDA,      "....Y..", "....Y..", "admin" },
};

START_TEST(test_open_role)
{
	const struct role_case *c = &role_cases[_i];
	lk_err e = { 0, "" };
	const char *before;
	svc_period p;

	ck_assert_int_eq(LK_NELEM(role_cases), AKSI_N);
	ck_assert_int_eq(c->a, _i);
	second_agency();
	before = snapshot();
	for (int ag = 0; ag < 2; ag++) {
		const char *kode = ag ? D : K, *allowed = ag ? c->in_d : c->in_k;

		for (size_t u = 0; u < LK_NELEM(who_); u++) {
			const char *who = who_[u] ? who_[u] : admin;
			int rc, rm;

			as(who);
			e.msg[0] = '\0';
			rc = svc_open(&v, kode, 2023, 2, c->a, &p, &e);
			if (allowed[u] == 'Y') {
				ck_assert_msg(rc == 0, "%s by %s in %s: %d %s",
					      peran_aksi_nama(c->a), who, kode, rc, e.msg);
				ck_assert_str_eq(p.kode, kode);
				ck_assert_uint_eq(p.k.n_iku, 5);
				svc_period_free(&p);
			} else {
				ck_assert_msg(rc == EX_NOPERM, "%s by %s in %s: %d %s",
					      peran_aksi_nama(c->a), who, kode, rc, e.msg);
				ck_assert_msg(strstr(e.msg, c->daftar) != NULL,
					      "role needed: %s", e.msg);
				ck_assert_msg(strstr(e.msg, who) != NULL,
					      "names the actor: %s", e.msg);
				ck_assert_ptr_null(p.r);
				/* An agency's action names the agency; an
				 * unlisted account is told whom to ask. */
				if (u != 0 && c->a != AKSI_INIT && c->a != AKSI_IMPOR &&
				    c->a != AKSI_PENGGUNA)
					ck_assert_msg(strstr(e.msg, kode) != NULL,
						      "names %s: %s", kode, e.msg);
				if (u == 0)
					ck_assert_msg(strstr(e.msg, admin) != NULL,
						      "names the admin: %s", e.msg);
				/* dinsos's users in K: their role there named. */
				if (u >= 5 && ag == 0)
					ck_assert_msg(strstr(e.msg, " in dinsos") != NULL,
						      "names his role: %s", e.msg);
			}
			/* svc_may says the same. */
			rm = svc_may(&v, kode, 2023, 2, c->a, &e);
			ck_assert_int_eq(rm, rc);
		}
	}
	ck_assert_str_eq(snapshot(), before);
}
END_TEST

/* ------------------------------------------------------------------ */
/* the one predikat table */

static void
same_figures(const kinerja *a, const kinerja *b)
{
	ck_assert_uint_eq(a->n_iku, b->n_iku);
	ck_assert_uint_eq(a->n_program, b->n_program);
	for (size_t i = 0; i < a->n_iku; i++) {
		ck_assert_int_eq(a->iku[i].capaian.status, b->iku[i].capaian.status);
		ck_assert_int_eq(a->iku[i].capaian.persen, b->iku[i].capaian.persen);
		ck_assert_int_eq(a->iku[i].target, b->iku[i].target);
		ck_assert_int_eq(a->iku[i].realisasi, b->iku[i].realisasi);
		ck_assert((a->iku[i].predikat == NULL) == (b->iku[i].predikat == NULL));
		if (a->iku[i].predikat != NULL)
			ck_assert_str_eq(a->iku[i].predikat->nama,
					 b->iku[i].predikat->nama);
	}
	for (size_t i = 0; i < a->n_program; i++)
		ck_assert_int_eq(a->program[i].capaian.persen,
				 b->program[i].capaian.persen);
	ck_assert_int_eq(a->jumlah_anggaran, b->jumlah_anggaran);
	ck_assert_int_eq(a->jumlah_realisasi, b->jumlah_realisasi);
	ck_assert_int_eq(a->jumlah_capaian.persen, b->jumlah_capaian.persen);
}

static const struct band_case {
	const char *kode;
	size_t n;                /* bands in force */
	const char *iku1, *iku5; /* their predikat */
} band_cases[] = {
	{ K, 5, "Sangat Tinggi", "Rendah" },     /* installed */
	{ D, 2, "Baik", "Kurang" },              /* its own */
};

START_TEST(test_bands)
{
	const struct band_case *c = &band_cases[_i];
	lk_err e = { 0, "" };
	const predikat_tabel *want;
	svc_period p;
	kinerja k;

	second_agency();
	open_ok(admin, c->kode, 2, AKSI_LIHAT, &p);
	want = p.r->instansi.predikat.n ? &p.r->instansi.predikat : &v.installed;
	ck_assert_uint_eq(p.pt.n, c->n);
	for (size_t i = 0; i < c->n; i++) {
		ck_assert_str_eq(p.pt.band[i].nama, want->band[i].nama);
		ck_assert_int_eq(p.pt.band[i].min, want->band[i].min);
		ck_assert(p.pt.band[i].ada_min == want->band[i].ada_min);
	}
	/* A copy in the plan's memory: the session may end first. */
	ck_assert_ptr_ne(p.pt.band, want->band);
	ck_assert_str_eq(row_of(&p.k, "IKU1")->predikat->nama, c->iku1);
	ck_assert_str_eq(row_of(&p.k, "IKU5")->predikat->nama, c->iku5);
	ck_assert_int_eq(row_of(&p.k, "IKU5")->capaian.persen, 6500);
	ck_assert_ptr_null(row_of(&p.k, "IKU2")->predikat);   /* no realisation */
	/* The figures are kinerja_hitung's with that table. */
	ok_(kinerja_hitung(p.r, 2, want, &k, &e), &e, "hitung");
	same_figures(&p.k, &k);
	/* svc_compute after an edit, svc_use after the bands changed. */
	find_iku(p.r, "IKU5")->realisasi[2] = 190 * 10000LL;
	ok_(svc_compute(&p, &e), &e, "compute");
	ck_assert_int_eq(row_of(&p.k, "IKU5")->capaian.persen, 9500);
	ck_assert_str_eq(row_of(&p.k, "IKU5")->predikat->nama, c->n == 5 ?
			 "Sangat Tinggi" : "Baik");
	p.r->instansi.predikat.n = 0;
	svc_use(&v, &p);
	ck_assert_uint_eq(p.pt.n, 5);
	ok_(svc_compute(&p, &e), &e, "compute");
	ck_assert_str_eq(row_of(&p.k, "IKU5")->predikat->nama, "Sangat Tinggi");
	svc_period_free(&p);
}
END_TEST

/* ------------------------------------------------------------------ */
/* svc_may: read-only, locks, busy */

START_TEST(test_may_readonly)
{
	lk_err e = { 0, "" };
	store *ro;
	svc w;
	svc_period p;

	ck_assert_int_eq(store_open(dbpath, STORE_READONLY, &ro, &e), 0);
	store_set_actor(ro, admin);
	ok_(svc_init(&w, ro, &e), &e, "init");
	/* Reading works. */
	ok_(svc_may(&w, K, 2023, 2, AKSI_LIHAT, &e), &e, "lihat");
	ok_(svc_open(&w, K, 2023, 2, AKSI_LIHAT, &p, &e), &e, "open");
	/* Every change is refused as EX_IOERR, also for the admin. */
	for (int a = 0; a < AKSI_N; a++) {
		if (a == AKSI_LIHAT)
			continue;
		refused(svc_may(&w, K, 2023, 2, (enum peran_aksi)a, &e), &e, EX_IOERR,
			peran_aksi_nama((enum peran_aksi)a), "read-only");
	}
	find_iku(p.r, "IKU2")->ada_realisasi[2] = true;
	find_iku(p.r, "IKU2")->realisasi[2] = 50 * 10000LL;
	refused(svc_save(&w, K, p.r, 2, 1u << AKSI_UBAH_DATA, &e), &e, EX_IOERR,
		"save", "read-only");
	{
		size_t done = 9;
		svc_final_opts o = final_opts("kepala.p12", NULL);
		svc_final_result res;

		refused(svc_review(&w, &p, EV_SUBMIT, NULL, 0, NULL, &done, &e), &e,
			EX_IOERR, "submit", "read-only");
		ck_assert_uint_eq(done, 0);
		refused(svc_unlock(&w, &p, "alasan", &e), &e, EX_IOERR, "unlock",
			"read-only");
		refused(svc_finalise(&w, &p, &o, &res, &e), &e, EX_IOERR, "finalise",
			"read-only");
		ck_assert_ptr_null(res.pdf);
	}
	svc_period_free(&p);
	svc_done(&w);
	store_close(ro);
	open_ok(admin, K, 2, AKSI_LIHAT, &p);
	ck_assert(!find_iku(p.r, "IKU2")->ada_realisasi[2]);
	svc_period_free(&p);
}
END_TEST

/* A locked quarter: what changes it is refused (naming who finalised it,
 * when and the version), the rest is not. */
static const struct lock_case {
	enum peran_aksi a;
	bool refused;
} lock_cases[] = {
	{ AKSI_LIHAT, false },
	{ AKSI_INIT, false },
	{ AKSI_IMPOR, false },
	{ AKSI_UBAH_RENCANA, true },
	{ AKSI_UBAH_DATA, true },
	{ AKSI_AJUKAN, true },
	{ AKSI_TINJAU, true },
	{ AKSI_FINAL, true },
	{ AKSI_BUKA, false },
	{ AKSI_PENGGUNA, false },
	{ AKSI_PENANDA, false },
};

START_TEST(test_may_locked)
{
	const struct lock_case *c = &lock_cases[_i];
	lk_err e = { 0, "" };
	svc_period p;
	int rc;

	ck_assert_int_eq(LK_NELEM(lock_cases), AKSI_N);
	ck_assert_int_eq(c->a, _i);
	lock_quarter();
	as(admin);
	rc = svc_may(&v, K, 2023, 2, c->a, &e);
	if (c->refused)
		refused(rc, &e, EX_NOPERM, peran_aksi_nama(c->a), "locked",
			"finalised by kp", "version 1", "II 2023", "UTC", "unlock");
	else
		ok_(rc, &e, peran_aksi_nama(c->a));
	/* svc_open refuses the same. */
	rc = svc_open(&v, K, 2023, 2, c->a, &p, &e);
	ck_assert_int_eq(rc, c->refused ? EX_NOPERM : 0);
	if (rc == 0)
		svc_period_free(&p);
	/* Other quarters and the plan alone are not locked. */
	ok_(svc_may(&v, K, 2023, 3, c->a, &e), &e, "TW III");
	ok_(svc_may(&v, K, 2023, 0, c->a, &e), &e, "no quarter");
	/* Nor the same quarter of another year (no plan there). */
	ok_(svc_may(&v, K, 2024, 2, c->a, &e), &e, "2024");
}
END_TEST

/* ------------------------------------------------------------------ */
/* svc_save */

/* An edit, who makes it, the kinds of change given, the status. */
enum { DATA = 1u << AKSI_UBAH_DATA, PLAN = 1u << AKSI_UBAH_RENCANA };

static void
edit_data(rencana *r)
{
	find_iku(r, "IKU2")->ada_realisasi[2] = true;
	find_iku(r, "IKU2")->realisasi[2] = 64 * 10000LL;
}

static void
edit_plan(rencana *r)
{
	find_iku(r, "IKU3")->target = 250 * 10000LL;
}

static void
edit_both(rencana *r)
{
	edit_data(r);
	edit_plan(r);
}

static void
edit_tw3(rencana *r)
{
	r->tw[3].ada = true;
	r->tw[3].tahun = 2023;
	r->tw[3].bulan = 10;
	r->tw[3].hari = 10;
	find_iku(r, "IKU1")->ada_realisasi[3] = true;
	find_iku(r, "IKU1")->realisasi[3] = 80 * 10000LL;
}

static const struct save_case {
	const char *name;
	const char *who;         /* NULL: admin */
	const char *kode;        /* the agency edited */
	void (*edit)(rencana *);
	int tw;
	unsigned mask;
	bool locked;
	int rc;
	const char *need[3];
} save_cases[] = {
	{ "data by the operator", "op", K, edit_data, 2, DATA, false, 0, { NULL } },
	{ "data by the admin", NULL, K, edit_data, 2, DATA, false, 0, { NULL } },
	{ "plan by the admin", NULL, K, edit_plan, 2, PLAN, false, 0, { NULL } },
	{ "both by the admin", NULL, K, edit_both, 2, DATA | PLAN, false, 0, { NULL } },
	{ "plan by the operator", "op", K, edit_plan, 2, PLAN, false, EX_NOPERM,
	  { "op", "admin", K } },
	{ "both by the operator", "op", K, edit_both, 2, DATA | PLAN, false,
	  EX_NOPERM, { "op", "admin", NULL } },
	{ "data by the kepala", "kp", K, edit_data, 2, DATA, false, EX_NOPERM,
	  { "kp", "operator or admin", K } },
	{ "data by the kabid", "kb", K, edit_data, 2, DATA, false, EX_NOPERM,
	  { "kb", "operator or admin", NULL } },
	{ "data by an unlisted account", "tamu", K, edit_data, 2, DATA, false,
	  EX_NOPERM, { "tamu", "operator or admin", NULL } },
	{ "data of K by dinsos's operator", "opd", K, edit_data, 2, DATA, false,
	  EX_NOPERM, { "opd", "operator or admin", K } },
	{ "data of dinsos by its operator", "opd", D, edit_data, 2, DATA, false,
	  0, { NULL } },
	{ "no kind given, unlisted", "tamu", K, edit_data, 2, 0, false, EX_NOPERM,
	  { "tamu", NULL } },
	{ "locked quarter, admin", NULL, K, edit_data, 2, DATA, true, EX_NOPERM,
	  { "locked", "kp", "version 1" } },
	{ "locked quarter, operator", "op", K, edit_data, 2, DATA, true, EX_NOPERM,
	  { "locked", "kp", "version 1" } },
	{ "locked quarter, plan", NULL, K, edit_plan, 2, PLAN, true, EX_NOPERM,
	  { "locked", "kp", NULL } },
	{ "another quarter of a locked plan", "op", K, edit_tw3, 3, DATA, true, 0,
	  { NULL } },
};

START_TEST(test_save)
{
	const struct save_case *c = &save_cases[_i];
	const char *who = c->who ? c->who : admin;
	lk_err e = { 0, "" };
	svc_period p;
	rencana *got;
	char before[65];
	int rc;

	second_agency();
	if (c->locked)
		lock_quarter();
	open_ok(admin, c->kode, c->tw, AKSI_LIHAT, &p);
	c->edit(p.r);
	snprintf(before, sizeof before, "%s", snapshot());
	as(who);
	rc = svc_save(&v, c->kode, p.r, c->tw, c->mask, &e);
	svc_period_free(&p);
	if (c->rc != 0) {
		ck_assert_msg(rc == c->rc, "%s: got %d (%s)", c->name, rc, e.msg);
		for (int k = 0; k < 3 && c->need[k] != NULL; k++)
			ck_assert_msg(strstr(e.msg, c->need[k]) != NULL,
				      "%s: '%s' not in: %s", c->name, c->need[k], e.msg);
		ck_assert_msg(strcmp(snapshot(), before) == 0, "%s: the database "
			      "changed", c->name);
		return;
	}
	ok_(rc, &e, c->name);
	ck_assert_str_ne(snapshot(), before);
	/* What changed is stored, in the audit log as the actor. */
	ck_assert_int_eq(store_load(db, c->kode, 2023, &got, &e), 0);
	if (c->edit == edit_data || c->edit == edit_both) {
		ck_assert(find_iku(got, "IKU2")->ada_realisasi[2]);
		ck_assert_int_eq(find_iku(got, "IKU2")->realisasi[2], 64 * 10000LL);
	}
	if (c->edit == edit_plan || c->edit == edit_both)
		ck_assert_int_eq(find_iku(got, "IKU3")->target, 250 * 10000LL);
	if (c->edit == edit_tw3) {
		ck_assert(got->tw[3].ada);
		ck_assert_int_eq(find_iku(got, "IKU1")->realisasi[3], 80 * 10000LL);
	}
	rencana_free(got);
	{
		char sql[512];

		snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE login ="
			 " '%s' AND tbl IN ('realisasi_iku', 'iku', 'triwulan')", who);
		ck_assert_int_gt(raw_int(sql), 0);
	}
}
END_TEST

/* ------------------------------------------------------------------ */
/* svc_review */

static const struct review_step {
	const char *who;
	enum entri_event ev;
	const char *iku;
	const char *comment;
	int rc;
	size_t done;
	const char *after;       /* IKU1..IKU5 */
	const char *need[2];
} review_steps[] = {
	/* submitting is the operator's (or admin's) */
	{ "kb", EV_SUBMIT, NULL, NULL, EX_NOPERM, 0, "ddddd",
	  { "operator or admin", K } },
	{ "kp", EV_SUBMIT, NULL, NULL, EX_NOPERM, 0, "ddddd",
	  { "operator or admin", NULL } },
	{ "opd", EV_SUBMIT, NULL, NULL, EX_NOPERM, 0, "ddddd", { K, NULL } },
	{ "op", EV_SUBMIT, "IKU1,IKU3,IKU5", NULL, 0, 3, "sdsds", { NULL } },
	{ "op", EV_SUBMIT, "IKU1", NULL, EX_DATAERR, 0, "sdsds", { "IKU1", NULL } },
	/* reviewing is not the operator's */
	{ "op", EV_APPROVE, "IKU1", NULL, EX_NOPERM, 0, "sdsds",
	  { "kabid, kepala or admin", NULL } },
	/* the kabid of ideologi: not IKU1 of poldagri */
	{ "kb", EV_APPROVE, "IKU1", NULL, EX_NOPERM, 0, "sdsds",
	  { "poldagri", "IKU1" } },
	{ "kb", EV_APPROVE, "IKU3", NULL, 0, 1, "sdads", { NULL } },
	/* nor the kepala nor the admin: every sasaran has a bidang */
	{ "kp", EV_APPROVE, "IKU1", NULL, EX_NOPERM, 0, "sdads",
	  { "poldagri", "IKU1" } },
	{ NULL, EV_APPROVE, "IKU5", NULL, EX_NOPERM, 0, "sdads",
	  { "ekososbud", "IKU5" } },
	/* a return needs a comment */
	{ "kbx", EV_RETURN, "IKU5", NULL, EX_USAGE, 0, "sdads", { "comment", NULL } },
	{ "kbx", EV_RETURN, "IKU5", "   ", EX_USAGE, 0, "sdads", { "comment", NULL } },
	{ "kbx", EV_RETURN, "IKU5", "Lampirkan daftar hadir", 0, 1, "sdadr",
	  { NULL } },
	/* the admin submits the rest (the returned one too): IKU2, IKU4,
	 * IKU5 and the 13 other entries (programs, narratives, BAB II, III) */
	{ NULL, EV_SUBMIT, NULL, NULL, 0, 16, "ssass", { NULL } },
	/* his bidang's: IKU1, 2, 4, 5, the programs that support their
	 * sasaran (P04-P07) and those sasaran's narratives */
	{ "kbx", EV_APPROVE, NULL, NULL, 0, 12, "aaaaa", { NULL } },
	{ "kbx", EV_RETURN, "IKU1", "terlambat", EX_DATAERR, 0, "aaaaa",
	  { "IKU1", NULL } },
};

START_TEST(test_review)
{
	lk_err e = { 0, "" };
	char before[65];
	size_t done;

	second_agency();
	for (size_t k = 0; k < LK_NELEM(review_steps); k++) {
		const struct review_step *s = &review_steps[k];
		int rc;

		snprintf(before, sizeof before, "%s", snapshot());
		done = 99;
		e.msg[0] = '\0';
		rc = review(s->who ? s->who : admin, s->ev, s->iku, s->comment,
			    &done, &e);
		ck_assert_msg(rc == s->rc, "step %zu (%s %s %s): got %d (%s), want %d",
			      k, s->who ? s->who : "admin", entri_event_nama(s->ev),
			      s->iku ? s->iku : "all", rc, e.msg, s->rc);
		ck_assert_msg(done == s->done, "step %zu: done %zu", k, done);
		ck_assert_msg(strcmp(states(K), s->after) == 0, "step %zu: %s, want %s",
			      k, states(K), s->after);
		for (int n = 0; n < 2 && s->need[n] != NULL; n++)
			ck_assert_msg(strstr(e.msg, s->need[n]) != NULL,
				      "step %zu: '%s' not in: %s", k, s->need[n], e.msg);
		if (rc != 0)
			ck_assert_msg(strcmp(snapshot(), before) == 0,
				      "step %zu: the database changed", k);
	}
	/* dinsos was not touched; the comment is kept. */
	ck_assert_str_eq(states(D), "ddddd");
	{
		store_quarter q;

		ok_(store_quarter_load(db, K, 2023, 2, &q, &e), &e, "q");
		ck_assert_str_eq(q.entri[4].comment, "Lampirkan daftar hadir");
		ck_assert_str_eq(q.entri[4].reviewed_by, "kbx");
		ck_assert_str_eq(q.entri[4].submitted_by, admin);
		ck_assert_str_eq(q.entri[0].submitted_by, "op");
		store_quarter_free(&q);
	}
}
END_TEST

/* His own entry: op submitted IKU1 and IKU2, then became kabid of
 * poldagri; he may not approve or return them. */
START_TEST(test_review_own)
{
	lk_err e = { 0, "" };
	char *b[1] = { "poldagri" };
	char before[65];
	size_t done = 9;

	ok_(review("op", EV_SUBMIT, "IKU1,IKU2", NULL, NULL, &e), &e, "submit");
	as(admin);
	ok_(store_user_role(db, "op", PERAN_KABID, K, b, 1, &e), &e, "role");
	snprintf(before, sizeof before, "%s", snapshot());
	refused(review("op", EV_APPROVE, "IKU1", NULL, &done, &e), &e, EX_NOPERM,
		"own approve", "himself", "IKU1");
	ck_assert_uint_eq(done, 0);
	refused(review("op", EV_RETURN, "IKU2", "x", &done, &e), &e, EX_NOPERM,
		"own return", "himself");
	ck_assert_str_eq(snapshot(), before);
	/* Without names his own are left out: nothing done. */
	ok_(review("op", EV_APPROVE, NULL, NULL, &done, &e), &e, "all");
	ck_assert_uint_eq(done, 0);
	ck_assert_str_eq(states(K), "ssddd");
	ok_(review("kbx", EV_APPROVE, NULL, NULL, &done, &e), &e, "kbx");
	ck_assert_uint_eq(done, 2);
	ck_assert_str_eq(states(K), "aaddd");
}
END_TEST

/* A locked quarter is reviewed no more. */
START_TEST(test_review_locked)
{
	lk_err e = { 0, "" };
	char before[65];
	size_t done = 9;

	lock_quarter();
	snprintf(before, sizeof before, "%s", snapshot());
	refused(review("kbx", EV_RETURN, "IKU1", "ralat", &done, &e), &e, EX_NOPERM,
		"return", "locked", "kp", "version 1");
	ck_assert_uint_eq(done, 0);
	refused(review("op", EV_SUBMIT, NULL, NULL, &done, &e), &e, EX_NOPERM,
		"submit", "locked");
	ck_assert_str_eq(snapshot(), before);
}
END_TEST

/* A database another process is writing: the check reads (WAL: readers
 * are not blocked) and answers; the change itself waits, then is
 * EX_TEMPFAIL, not a refusal, and writes nothing. */
START_TEST(test_busy)
{
	lk_err e = { 0, "" };
	svc_period p;
	sqlite3 *x;
	size_t done = 9;

	open_ok("op", K, 2, AKSI_UBAH_DATA, &p);
	edit_data(p.r);
	store_set_busy_timeout(db, 50);
	ck_assert_int_eq(sqlite3_open(dbpath, &x), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(x, "BEGIN EXCLUSIVE", NULL, NULL, NULL),
			 SQLITE_OK);
	as("op");
	ok_(svc_may(&v, K, 2023, 2, AKSI_UBAH_DATA, &e), &e, "may");
	refused(svc_may(&v, K, 2023, 2, AKSI_FINAL, &e), &e, EX_NOPERM,
		"may finalise", "kepala or admin");
	refused(svc_save(&v, K, p.r, 2, DATA, &e), &e, EX_TEMPFAIL, "save",
		"locked by another process");
	refused(review("op", EV_SUBMIT, NULL, NULL, &done, &e), &e, EX_TEMPFAIL,
		"submit", "locked by another process");
	ck_assert_uint_eq(done, 0);
	ck_assert_int_eq(sqlite3_exec(x, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(x);
	ck_assert_str_eq(states(K), "ddddd");
	svc_period_free(&p);
	open_ok("op", K, 2, AKSI_LIHAT, &p);
	ck_assert(!find_iku(p.r, "IKU2")->ada_realisasi[2]);
	svc_period_free(&p);
}
END_TEST

/* ------------------------------------------------------------------ */
/* svc_unlock */

static const struct unlock_case {
	const char *who;         /* NULL: admin */
	const char *reason;
	int rc;
	const char *need;
} unlock_cases[] = {
	{ NULL, NULL, EX_USAGE, "reason" },
	{ NULL, "", EX_USAGE, "reason" },
	{ NULL, "  \t ", EX_USAGE, "reason" },
	{ "kp", "Ralat realisasi IKU2", EX_NOPERM, "admin" },
	{ "op", "Ralat realisasi IKU2", EX_NOPERM, "admin" },
	{ "tamu", "Ralat realisasi IKU2", EX_NOPERM, "admin" },
	{ NULL, "Ralat realisasi IKU2", 0, NULL },
	{ "@unlocked", "Ralat realisasi IKU2", EX_DATAERR, "not locked" },
};

START_TEST(test_unlock)
{
	const struct unlock_case *c = &unlock_cases[_i];
	lk_err e = { 0, "" };
	char before[65];
	svc_period p;
	store_quarter q;
	int rc;

	bool unlocked = c->who != NULL && strcmp(c->who, "@unlocked") == 0;

	if (!unlocked)
		lock_quarter();
	open_ok(admin, K, 2, AKSI_LIHAT, &p);
	snprintf(before, sizeof before, "%s", snapshot());
	as(c->who && !unlocked ? c->who : admin);
	rc = svc_unlock(&v, &p, c->reason, &e);
	svc_period_free(&p);
	ok_(store_quarter_load(db, K, 2023, 2, &q, &e), &e, "q");
	if (c->rc != 0) {
		refused(rc, &e, c->rc, "unlock", c->need);
		ck_assert_str_eq(snapshot(), before);
		ck_assert(q.locked != unlocked);
	} else {
		ok_(rc, &e, "unlock");
		ck_assert(!q.locked);
		ck_assert_int_eq(q.version, 1);
		ck_assert_int_eq(raw_int("SELECT count(*) FROM unlock_history"), 1);
		/* Editable again. */
		as("op");
		ok_(svc_may(&v, K, 2023, 2, AKSI_UBAH_DATA, &e), &e, "may");
	}
	store_quarter_free(&q);
}
END_TEST

/* ------------------------------------------------------------------ */
/* svc_render */

static unsigned long
file_size(const char *path)
{
	struct stat st;

	ck_assert_msg(stat(path, &st) == 0, "%s: %s", path, strerror(errno));
	return (unsigned long)st.st_size;
}

static bool
is_pdf(const char *path)
{
	char head[8] = "";
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return false;
	if (fread(head, 1, 5, f) != 5)
		head[0] = '\0';
	fclose(f);
	return memcmp(head, "%PDF-", 5) == 0;
}

/* The installed template with only the cover: one page. */
static char *
cover_only(void)
{
	FILE *f = fopen(lktest_path("templates/laporan.yaml"), "r");
	char *buf = NULL, line[4096];
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	while (fgets(line, sizeof line, f) != NULL)
		fputs(strncmp(line, "urutan:", 7) == 0 ? "urutan: [sampul]\n" : line,
		      out);
	fclose(f);
	fclose(out);
	return buf;
}

static unsigned
render_pages(svc_period *p, const char *tname, const char *name)
{
	lk_err e = { 0, "" };
	layout_result res = { 0, 0 };
	char out[2100];

	snprintf(out, sizeof out, "%s/%s", tmp, name);
	ok_(svc_render(&v, p, tname, NULL, NULL, out, &res, &e), &e, name);
	ck_assert(is_pdf(out));
	keep(out, name);
	ck_assert_uint_eq(res.bytes, file_size(out));
	ck_assert_uint_gt(res.pages, 0);
	return res.pages;
}

START_TEST(test_render)
{
	lk_err e = { 0, "" };
	layout_result res = { 0, 0 };
	svc_period p;
	char *yaml = cover_only();
	unsigned full, n;
	int ver = 0;

	open_ok("op", K, 2, AKSI_LIHAT, &p);
	full = render_pages(&p, NULL, "installed.pdf");
	ck_assert_uint_ge(full, 8);
	/* The agency's stored template is used without a name ... */
	as(admin);
	ok_(store_template_set(db, K, yaml, &ver, &e), &e, "template set");
	ck_assert_int_eq(ver, 1);
	as("op");
	ck_assert_uint_eq(render_pages(&p, NULL, "stored.pdf"), 1);
	/* ... and not when a template is named. */
	ck_assert_uint_eq(render_pages(&p, "laporan", "named.pdf"), full);
	/* Back to the installed one. */
	as(admin);
	ok_(store_template_set(db, K, NULL, &ver, &e), &e, "template unset");
	n = render_pages(&p, NULL, "again.pdf");
	ck_assert_uint_eq(n, full);
	/* A stored template that does not load: named as the stored one. */
	as(admin);
	ok_(store_template_set(db, K, "format: lakip-template/1\nkertas: [\n", &ver,
			       &e), &e, "bad template");
	ck_assert_int_ne(svc_render(&v, &p, NULL, NULL, NULL, "x.pdf", &res, &e), 0);
	ck_assert_msg(strstr(e.msg, "template of " K ", version 3") != NULL, "%s",
		      e.msg);
	ck_assert(!exists("x.pdf"));
	ok_(store_template_set(db, K, NULL, &ver, &e), &e, "template unset");
	/* A template that does not exist. */
	ck_assert_int_ne(svc_render(&v, &p, "tidak-ada", NULL, NULL, "x.pdf", &res,
				    &e), 0);
	ck_assert_ptr_nonnull(strstr(e.msg, "tidak-ada"));
	/* An output that cannot be written: an error naming it. */
	{
		char out[2100];

		snprintf(out, sizeof out, "%s/no-such-dir/lakip.pdf", tmp);
		ck_assert_int_ne(svc_render(&v, &p, NULL, NULL, NULL, out, &res, &e), 0);
		ck_assert_msg(strstr(e.msg, out) != NULL, "%s", e.msg);
		ck_assert(!exists(out));
	}
	/* No quarter, no report. */
	{
		svc_period q;

		open_ok("op", K, 0, AKSI_LIHAT, &q);
		refused(svc_render(&v, &q, NULL, NULL, NULL, "x.pdf", &res, &e), &e,
			EX_USAGE, "plan only", "quarter");
		svc_period_free(&q);
	}
	svc_period_free(&p);
	free(yaml);
}
END_TEST

struct render_arg {
	svc_period *p;
	const char *out;
};

static int
render_call(void *arg, lk_err *e)
{
	struct render_arg *a = arg;
	layout_result res = { 0, 0 };

	return svc_render(&v, a->p, NULL, NULL, NULL, a->out, &res, e);
}

START_TEST(test_render_unwritable)
{
	lk_err e = { 0, "" };
	svc_period p;
	char dir[2100], out[2200];
	struct render_arg a = { &p, out };

	open_ok("op", K, 2, AKSI_LIHAT, &p);
	if (geteuid() == 0) {
		/* Root writes into any directory, and another account may not
		 * reach the templates of a source tree under /root: a path
		 * below a regular file is unwritable for everyone. */
		FILE *f;

		snprintf(dir, sizeof dir, "%s/berkas", tmp);
		ck_assert_ptr_nonnull(f = fopen(dir, "w"));
		fclose(f);
	} else {
		snprintf(dir, sizeof dir, "%s/ro", tmp);
		ck_assert_int_eq(mkdir(dir, 0555), 0);
	}
	snprintf(out, sizeof out, "%s/lakip.pdf", dir);
	ck_assert_int_ne(render_call(&a, &e), 0);
	ck_assert_msg(strstr(e.msg, out) != NULL, "%s", e.msg);
	ck_assert(!exists(out));
	svc_period_free(&p);
}
END_TEST

/* ------------------------------------------------------------------ */
/* svc_key_check */

static const struct key_case {
	const char *name;
	const char *file;        /* in M; "@dir", "@fifo", "@unreadable" */
	const char *password;
	int rc;
	const char *need[3];
} key_cases[] = {
	{ "the head's key", "kepala.p12", PASS, 0, { NULL } },
	{ "no serialNumber", "tanpanip.p12", PASS, 0, { NULL } },
	{ "a directory", "@dir", PASS, EX_NOINPUT, { "not a regular file", NULL } },
	{ "a FIFO", "@fifo", PASS, EX_NOINPUT, { "not a regular file", NULL } },
	{ "missing", "tidak-ada.p12", PASS, EX_NOINPUT, { "tidak-ada.p12", NULL } },
	{ "unreadable", "@unreadable", PASS, EX_NOINPUT,
	  { "cannot read", "Permission denied" } },
	{ "wrong password", "kepala.p12", "salah", EX_DATAERR, { "kepala.p12", NULL } },
	{ "not registered", "asing.p12", PASS, EX_NOPERM,
	  { "not registered", "signer set", K } },
	{ "expired", "kedaluwarsa.p12", PASS, EX_NOPERM,
	  { "not valid today", NULL } },
	{ "not yet valid", "belum.p12", PASS, EX_NOPERM,
	  { "not valid today", NULL } },
	{ "another NIP", "nipsalah.p12", PASS, EX_NOPERM,
	  { NIP_OTHER, NIP_HEAD, K } },
};

struct key_arg {
	svc_period *p;
	const char *path, *password;
	sign_cert_info *ci;
};

static int
key_call(void *arg, lk_err *e)
{
	struct key_arg *a = arg;

	return svc_key_check(&v, a->p, a->path, a->password, a->ci, e);
}

static void
register_all(void)
{
	register_key(K, "kepala");
	register_key(K, "tanpanip");
	register_key(K, "nipsalah");
	register_key(K, "kedaluwarsa");
	register_key(K, "belum");
}

START_TEST(test_key_check)
{
	const struct key_case *c = &key_cases[_i];
	lk_err e = { 0, "" };
	sign_cert_info ci;
	svc_period p;
	char path[2100], before[65];
	int rc;

	register_all();
	open_ok("kp", K, 2, AKSI_FINAL, &p);
	if (strcmp(c->file, "@dir") == 0) {
		snprintf(path, sizeof path, "%s/kunci.p12", tmp);
		ck_assert_int_eq(mkdir(path, 0755), 0);
	} else if (strcmp(c->file, "@fifo") == 0) {
		snprintf(path, sizeof path, "%s/kunci.p12", tmp);
		ck_assert_int_eq(mkfifo(path, 0644), 0);
	} else if (strcmp(c->file, "@unreadable") == 0) {
		snprintf(path, sizeof path, "%s/kunci.p12", tmp);
		{
			char cmd[4400];

			snprintf(cmd, sizeof cmd, "cp '%s' '%s'", mpath("kepala.p12"), path);
			ck_assert_int_eq(system(cmd), 0);
		}
		ck_assert_int_eq(chmod(path, 0), 0);
	} else
		snprintf(path, sizeof path, "%s", mpath(c->file));
	snprintf(before, sizeof before, "%s", snapshot());
	memset(&ci, 0, sizeof ci);
	if (strcmp(c->file, "@unreadable") == 0) {
		struct key_arg a = { &p, path, c->password, &ci };

		rc = as_nobody(key_call, &a, &e);
	} else
		rc = svc_key_check(&v, &p, path, c->password, &ci, &e);
	ck_assert_msg(rc == c->rc, "%s: got %d (%s), want %d", c->name, rc, e.msg,
		      c->rc);
	for (int k = 0; k < 3 && c->need[k] != NULL; k++)
		ck_assert_msg(strstr(e.msg, c->need[k]) != NULL, "%s: '%s' not in: %s",
			      c->name, c->need[k], e.msg);
	if (rc == 0 || rc == EX_NOPERM) {
		/* The certificate read is returned, refused or not. */
		ck_assert_uint_eq(strlen(ci.sha256), 64);
		ck_assert_ptr_nonnull(strstr(ci.subject, "CN"));
		if (rc == EX_NOPERM)
			ck_assert_msg(strstr(e.msg, ci.subject) != NULL || strstr(e.msg,
				      ci.serial_number) != NULL, "%s", e.msg);
	}
	if (strcmp(c->file, "@unreadable") != 0)
		ck_assert_str_eq(snapshot(), before);
	svc_period_free(&p);
}
END_TEST

/* ------------------------------------------------------------------ */
/* svc_finalise */

static bool out_seen_early;
static const char *watched;
static int stages;

static void
progress(void *arg, const char *stage)
{
	(void)arg; (void)stage;
	stages++;
	if (watched != NULL && exists(watched))
		out_seen_early = true;
}

static svc_final_opts
final_opts(const char *p12, const char *out)
{
	svc_final_opts o;

	memset(&o, 0, sizeof o);
	o.p12 = mpath(p12);
	o.password = PASS;
	o.out = out;
	o.tmpdir = tmp;
	o.hooks.progress = progress;
	watched = out;
	out_seen_early = false;
	stages = 0;
	return o;
}

static void
read_all(const char *path, unsigned char **buf, size_t *len)
{
	FILE *f = fopen(path, "rb");

	ck_assert_ptr_nonnull(f);
	*len = file_size(path);
	*buf = malloc(*len + 1);
	ck_assert_uint_eq(fread(*buf, 1, *len, f), *len);
	fclose(f);
}

START_TEST(test_finalise)
{
	lk_err e = { 0, "" };
	svc_final_result res;
	svc_final_opts o;
	svc_period p;
	store_quarter q;
	sign_cert_info ci;
	sign_verify_result vr;
	char out[2100], out2[2100];
	unsigned char *bytes;
	size_t len;

	register_all();
	approve_all();
	snprintf(out, sizeof out, "%s/laporan-tw2.pdf", tmp);
	snprintf(out2, sizeof out2, "%s/laporan-tw2-v2.pdf", tmp);
	open_ok("kp", K, 2, AKSI_FINAL, &p);
	o = final_opts("kepala.p12", out);
	ck_assert(!exists(out));
	ok_(svc_finalise(&v, &p, &o, &res, &e), &e, "finalise");
	ck_assert_int_gt(stages, 0);
	ck_assert_msg(!out_seen_early, "the file appeared before it was stored");
	ck_assert_int_eq(res.version, 1);
	ck_assert_uint_ge(res.pages, 8);
	/* The bytes returned are the file's, signed by the key given. */
	read_all(out, &bytes, &len);
	ck_assert_uint_eq(res.len, len);
	ck_assert_int_eq(memcmp(res.pdf, bytes, len), 0);
	ck_assert_int_eq(memcmp(bytes, "%PDF-", 5), 0);
	free(bytes);
	/* Published with the mode a new file gets (umask 022 here). */
	{
		struct stat st;
		mode_t um = umask(022);

		ck_assert_int_eq(stat(out, &st), 0);
		ck_assert_int_eq(st.st_mode & 0777, 0666 & ~um);
		umask(um);
	}
	ok_(sign_p12_cert(mpath("kepala.p12"), PASS, (int64_t)time(NULL), &ci, &e),
	    &e, "cert");
	ck_assert_str_eq(res.cert.sha256, ci.sha256);
	ck_assert_str_eq(res.cert.serial_number, NIP_HEAD);
	keep(out, "final-v1.pdf");
	ok_(sign_verify(out, &vr, &e), &e, "verify");
	ck_assert(vr.signed_ && vr.digest_ok && vr.signature_ok);
	ck_assert_str_eq(vr.cert.sha256, ci.sha256);
	/* Stored and locked. */
	ok_(store_quarter_load(db, K, 2023, 2, &q, &e), &e, "q");
	ck_assert(q.locked);
	ck_assert_str_eq(q.locked_by, "kp");
	ck_assert_int_eq(q.version, 1);
	store_quarter_free(&q);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM signed_report"), 1);
	ck_assert_int_eq(temps_in(tmp), 0);
	svc_final_result_free(&res);
	ck_assert_ptr_null(res.pdf);
	/* Locked: again refused, naming the finaliser; no file. */
	o = final_opts("kepala.p12", out2);
	refused(svc_finalise(&v, &p, &o, &res, &e), &e, EX_NOPERM, "again",
		"locked", "kp", "version 1");
	ck_assert(!exists(out2));
	ck_assert_int_eq(res.version, 0);
	ck_assert_ptr_null(res.pdf);
	/* Unlocked by the admin: version 2, by the admin. */
	as(admin);
	ok_(svc_unlock(&v, &p, "Ralat narasi", &e), &e, "unlock");
	o = final_opts("kepala.p12", out2);
	ok_(svc_finalise(&v, &p, &o, &res, &e), &e, "finalise 2");
	ck_assert_int_eq(res.version, 2);
	ck_assert(is_pdf(out2));
	ok_(store_quarter_load(db, K, 2023, 2, &q, &e), &e, "q");
	ck_assert(q.locked);
	ck_assert_int_eq(q.version, 2);
	ck_assert_str_eq(q.locked_by, admin);
	store_quarter_free(&q);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM signed_report"), 2);
	ck_assert_int_eq(temps_in(tmp), 0);
	svc_final_result_free(&res);
	svc_period_free(&p);
}
END_TEST

/* A SIGTERM while it renders: held, it stops the finalise before the
 * database is written (EX_TEMPFAIL), everything is removed, and it takes
 * effect when svc_finalise returns. */
static volatile sig_atomic_t got_term;

static void
on_term(int sig)
{
	(void)sig;
	got_term++;
}

static void
term_while_rendering(void *arg, const char *stage)
{
	(void)arg; (void)stage;
	if (stages++ == 0)
		kill(getpid(), SIGTERM);
	if (got_term)
		out_seen_early = true;           /* delivered too early */
}

START_TEST(test_finalise_interrupted)
{
	lk_err e = { 0, "" };
	struct sigaction sa;
	svc_final_result res;
	svc_final_opts o;
	svc_period p;
	char out[2100], before[65];

	register_all();
	approve_all();
	snprintf(out, sizeof out, "%s/l.pdf", tmp);
	open_ok("kp", K, 2, AKSI_FINAL, &p);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	ck_assert_int_eq(sigaction(SIGTERM, &sa, NULL), 0);
	o = final_opts("kepala.p12", out);
	o.hooks.progress = term_while_rendering;
	snprintf(before, sizeof before, "%s", snapshot());
	refused(svc_finalise(&v, &p, &o, &res, &e), &e, EX_TEMPFAIL, "SIGTERM",
		"interrupted", "nothing is stored");
	ck_assert_int_gt(stages, 0);
	ck_assert(!out_seen_early);
	ck_assert_int_eq(got_term, 1);
	ck_assert(!exists(out));
	ck_assert_int_eq(temps_in(tmp), 0);
	ck_assert_str_eq(snapshot(), before);
	ck_assert_int_eq(res.version, 0);
	ck_assert_ptr_null(res.pdf);
	svc_period_free(&p);
}
END_TEST

/* No output file: the bytes in the result only, nothing left in tmpdir. */
START_TEST(test_finalise_no_out)
{
	lk_err e = { 0, "" };
	svc_final_result res;
	svc_final_opts o;
	svc_period p;
	char dir[2100];

	register_all();
	approve_all();
	snprintf(dir, sizeof dir, "%s/t", tmp);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	open_ok("kp", K, 2, AKSI_FINAL, &p);
	/* Rendered with the agency's stored template, as svc_render does:
	 * the cover only. */
	{
		char *yaml = cover_only();
		int ver;

		as(admin);
		ok_(store_template_set(db, K, yaml, &ver, &e), &e, "template");
		free(yaml);
		as("kp");
	}
	o = final_opts("tanpanip.p12", NULL);
	o.tmpdir = dir;
	ok_(svc_finalise(&v, &p, &o, &res, &e), &e, "finalise");
	ck_assert_int_eq(res.version, 1);
	ck_assert_uint_eq(res.pages, 1);
	ck_assert_uint_gt(res.len, 1000);
	ck_assert_int_eq(memcmp(res.pdf, "%PDF-", 5), 0);
	ck_assert_int_eq(temps_in(dir), 0);
	ck_assert_int_eq(temps_in(tmp), 0);
	svc_final_result_free(&res);
	/* "-" is no file either, as for svc_tmp_beside: nothing named "-"
	 * appears where the process runs. */
	as(admin);
	ok_(svc_unlock(&v, &p, "Ralat", &e), &e, "unlock");
	ck_assert_int_eq(chdir(tmp), 0);
	o = final_opts("tanpanip.p12", "-");
	o.tmpdir = dir;
	ok_(svc_finalise(&v, &p, &o, &res, &e), &e, "finalise -");
	ck_assert_int_eq(res.version, 2);
	ck_assert_int_eq(memcmp(res.pdf, "%PDF-", 5), 0);
	ck_assert(!exists("-"));
	ck_assert(!exists(dir) || temps_in(dir) == 0);
	ck_assert_int_eq(temps_in(tmp), 0);
	svc_final_result_free(&res);
	svc_period_free(&p);
}
END_TEST

/* Refusals: status, message, nothing stored, no file, no temporary. */
static const struct final_case {
	const char *name;
	const char *who;         /* NULL: admin */
	bool approved;
	const char *p12;
	const char *tsa;
	const char *out;         /* in tmp; "@none": a missing directory,
	                          * "@file": below a regular file, "@dir":
	                          * a directory, "@old": a file already there,
	                          * kept as it was */
	int rc;
	const char *need[3];
} final_cases[] = {
	{ "not all approved", "kp", false, "kepala.p12", NULL, "l.pdf",
	  EX_NOPERM, { "approved", "--override-review" } },
	{ "tsa ftp", "kp", true, "kepala.p12", "ftp://tsa.example/", "l.pdf",
	  EX_USAGE, { "--tsa", "ftp://tsa.example/", NULL } },
	{ "tsa not a URL", "kp", true, "kepala.p12", "tsa.example", "l.pdf",
	  EX_USAGE, { "http://", "tsa.example", NULL } },
	{ "by the operator", "op", true, "kepala.p12", NULL, "l.pdf", EX_NOPERM,
	  { "kepala or admin", K, NULL } },
	{ "by the kabid", "kb", true, "kepala.p12", NULL, "l.pdf", EX_NOPERM,
	  { "kepala or admin", NULL } },
	{ "by dinsos's kepala", "kpd", true, "kepala.p12", NULL, "l.pdf",
	  EX_NOPERM, { "kepala or admin", K, NULL } },
	{ "unregistered key", "kp", true, "asing.p12", NULL, "l.pdf", EX_NOPERM,
	  { "not registered", NULL } },
	{ "expired key", "kp", true, "kedaluwarsa.p12", NULL, "l.pdf", EX_NOPERM,
	  { "not valid today", NULL } },
	{ "another NIP", "kp", true, "nipsalah.p12", NULL, "l.pdf", EX_NOPERM,
	  { NIP_OTHER, NULL } },
	{ "missing directory", "kp", true, "kepala.p12", NULL, "@none",
	  EX_CANTCREAT, { "tidak-ada/l.pdf", NULL } },
	{ "below a file", "kp", true, "kepala.p12", NULL, "@file",
	  EX_CANTCREAT, { "berkas/l.pdf", NULL } },
	{ "a directory", "kp", true, "kepala.p12", NULL, "@dir",
	  EX_CANTCREAT, { "/folder", NULL } },
	{ "an older file, not approved", "kp", false, "kepala.p12", NULL, "@old",
	  EX_NOPERM, { "approved", NULL } },
	{ "an older file, bad key", "kp", true, "asing.p12", NULL, "@old",
	  EX_NOPERM, { "not registered", NULL } },
};

START_TEST(test_finalise_refused)
{
	const struct final_case *c = &final_cases[_i];
	lk_err e = { 0, "" };
	svc_final_result res;
	svc_final_opts o;
	svc_period p;
	char out[2100], before[65];
	int rc;

	second_agency();
	register_all();
	if (c->approved)
		approve_all();
	if (strcmp(c->out, "@none") == 0)
		snprintf(out, sizeof out, "%s/tidak-ada/l.pdf", tmp);
	else if (strcmp(c->out, "@file") == 0) {
		FILE *f;

		snprintf(out, sizeof out, "%s/berkas", tmp);
		ck_assert_ptr_nonnull(f = fopen(out, "w"));
		fclose(f);
		snprintf(out, sizeof out, "%s/berkas/l.pdf", tmp);
	} else if (strcmp(c->out, "@dir") == 0) {
		snprintf(out, sizeof out, "%s/folder", tmp);
		ck_assert_int_eq(mkdir(out, 0755), 0);
	} else if (strcmp(c->out, "@old") == 0) {
		FILE *f;

		snprintf(out, sizeof out, "%s/lama.pdf", tmp);
		ck_assert_ptr_nonnull(f = fopen(out, "w"));
		fputs("versi lama", f);
		fclose(f);
	} else
		snprintf(out, sizeof out, "%s/%s", tmp, c->out);
	open_ok(admin, K, 2, AKSI_LIHAT, &p);
	snprintf(before, sizeof before, "%s", snapshot());
	o = final_opts(c->p12, out);
	o.tsa = c->tsa;
	as(c->who ? c->who : admin);
	rc = svc_finalise(&v, &p, &o, &res, &e);
	ck_assert_msg(rc == c->rc, "%s: got %d (%s), want %d", c->name, rc, e.msg,
		      c->rc);
	for (int k = 0; k < 3 && c->need[k] != NULL; k++)
		ck_assert_msg(strstr(e.msg, c->need[k]) != NULL, "%s: '%s' not in: %s",
			      c->name, c->need[k], e.msg);
	ck_assert_int_eq(res.version, 0);
	ck_assert_ptr_null(res.pdf);
	if (strcmp(c->out, "@old") == 0) {
		unsigned char *b;
		size_t n;

		read_all(out, &b, &n);
		ck_assert_uint_eq(n, 10);
		ck_assert_int_eq(memcmp(b, "versi lama", 10), 0);
		free(b);
	} else if (strcmp(c->out, "@dir") == 0) {
		struct stat st;

		ck_assert(stat(out, &st) == 0 && S_ISDIR(st.st_mode));
		ck_assert_int_eq(temps_in(out), 0);
	} else
		ck_assert(!exists(out));
	ck_assert_int_eq(temps_in(tmp), 0);
	ck_assert_msg(strcmp(snapshot(), before) == 0, "%s: the database changed",
		      c->name);
	svc_period_free(&p);
}
END_TEST

/* A directory this account cannot write: refused before anything is
 * stored. */
struct final_arg {
	svc_period *p;
	const svc_final_opts *o;
	svc_final_result *res;
};

static int
final_call(void *arg, lk_err *e)
{
	struct final_arg *a = arg;
	int rc = svc_finalise(&v, a->p, a->o, a->res, e);

	svc_final_result_free(a->res);
	return rc;
}

START_TEST(test_finalise_unwritable)
{
	lk_err e = { 0, "" };
	svc_final_result res;
	svc_final_opts o;
	svc_period p;
	store_quarter q;
	char dir[2100], out[2200];

	register_all();
	approve_all();
	snprintf(dir, sizeof dir, "%s/ro", tmp);
	ck_assert_int_eq(mkdir(dir, 0555), 0);
	snprintf(out, sizeof out, "%s/l.pdf", dir);
	open_ok("kp", K, 2, AKSI_FINAL, &p);
	o = final_opts("kepala.p12", out);
	{
		struct final_arg a = { &p, &o, &res };

		refused(as_nobody(final_call, &a, &e), &e, EX_CANTCREAT,
			"unwritable", out, "Permission denied");
	}
	ck_assert(!exists(out));
	ck_assert_int_eq(temps_in(dir), 0);
	ok_(store_quarter_load(db, K, 2023, 2, &q, &e), &e, "q");
	ck_assert(!q.locked);
	ck_assert_int_eq(q.version, 0);
	store_quarter_free(&q);
	svc_period_free(&p);
}
END_TEST

/* A period opened without a quarter (tw 0): what needs one says so, as
 * EX_USAGE, and changes nothing. */
static const char *const noq_cases[] = { "submit", "review", "unlock",
					  "finalise", "render" };

START_TEST(test_no_quarter)
{
	lk_err e = { 0, "" };
	layout_result lr = { 0, 0 };
	svc_final_result res;
	svc_final_opts o;
	svc_period p;
	char before[65], out[2100];
	size_t done = 9;
	int rc = -1;

	register_all();
	approve_all();
	snprintf(out, sizeof out, "%s/l.pdf", tmp);
	open_ok(admin, K, 0, AKSI_LIHAT, &p);
	snprintf(before, sizeof before, "%s", snapshot());
	switch (_i) {
	case 0:
		rc = svc_review(&v, &p, EV_SUBMIT, NULL, 0, NULL, &done, &e);
		break;
	case 1:
		rc = svc_review(&v, &p, EV_APPROVE, NULL, 0, NULL, &done, &e);
		break;
	case 2:
		rc = svc_unlock(&v, &p, "alasan", &e);
		break;
	case 3:
		o = final_opts("kepala.p12", out);
		rc = svc_finalise(&v, &p, &o, &res, &e);
		ck_assert_ptr_null(res.pdf);
		break;
	case 4:
		rc = svc_render(&v, &p, NULL, NULL, NULL, out, &lr, &e);
		break;
	}
	refused(rc, &e, EX_USAGE, noq_cases[_i], "quarter");
	ck_assert_msg(strstr(e.msg, "quarter 0") == NULL, "%s", e.msg);
	if (_i < 2)
		ck_assert_uint_eq(done, 0);
	ck_assert(!exists(out));
	ck_assert_int_eq(temps_in(tmp), 0);
	ck_assert_str_eq(snapshot(), before);
	svc_period_free(&p);
}
END_TEST

/* ------------------------------------------------------------------ */
/* temporary files */

START_TEST(test_tmp_beside)
{
	lk_err e = { 0, "" };
	char path[4096], want[2200], out[2100];
	struct stat st;

	/* Beside the output. */
	snprintf(out, sizeof out, "%s/laporan.pdf", tmp);
	ok_(svc_tmp_beside(out, NULL, "uji", path, &e), &e, "beside");
	snprintf(want, sizeof want, "%s/.lakip-uji-%ld-", tmp, (long)getpid());
	ck_assert_msg(strncmp(path, want, strlen(want)) == 0, "%s", path);
	ck_assert_uint_eq(strlen(path), strlen(want) + 6);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert(S_ISREG(st.st_mode));
	ck_assert_int_eq(st.st_size, 0);
	ck_assert_int_eq(st.st_mode & 077, 0);
	/* No output ("-" too): in tmpdir, else $TMPDIR. */
	ok_(svc_tmp_beside("-", tmp, "a", path, &e), &e, "tmpdir");
	ck_assert_int_eq(strncmp(path, tmp, strlen(tmp)), 0);
	setenv("TMPDIR", tmp, 1);
	ok_(svc_tmp_beside(NULL, NULL, "b", path, &e), &e, "TMPDIR");
	ck_assert_int_eq(strncmp(path, tmp, strlen(tmp)), 0);
	ck_assert_int_eq(temps_in(tmp), 3);
	/* This process's own are swept by svc_sweep_mine only. */
	svc_sweep_temps(out);
	ck_assert_int_eq(temps_in(tmp), 3);
	svc_sweep_mine(out);
	ck_assert_int_eq(temps_in(tmp), 0);
	/* A directory that does not exist: EX_CANTCREAT naming the output. */
	snprintf(out, sizeof out, "%s/tidak-ada/laporan.pdf", tmp);
	refused(svc_tmp_beside(out, NULL, "uji", path, &e), &e, EX_CANTCREAT,
		"missing", out);
	ck_assert_str_eq(path, "");
	snprintf(out, sizeof out, "%s/tidak-ada", tmp);
	refused(svc_tmp_beside(NULL, out, "uji", path, &e), &e, EX_CANTCREAT,
		"missing tmpdir", out);
}
END_TEST

static void
touch(const char *dir, const char *tag, long pid, const char *suffix)
{
	char f[2200];
	FILE *fp;

	snprintf(f, sizeof f, "%s/.lakip-%s-%ld-%s", dir, tag, pid, suffix);
	ck_assert_ptr_nonnull(fp = fopen(f, "w"));
	fclose(fp);
}

static bool
present(const char *dir, const char *tag, long pid, const char *suffix)
{
	char f[2200];

	snprintf(f, sizeof f, "%s/.lakip-%s-%ld-%s", dir, tag, pid, suffix);
	return exists(f);
}

START_TEST(test_sweep)
{
	char out[2100], f[2200];
	pid_t dead;
	long live = (long)getppid();
	int st;

	/* A pid that was ours and is gone. */
	if ((dead = fork()) == 0)
		_exit(0);
	ck_assert_int_gt(dead, 0);
	ck_assert_int_eq(waitpid(dead, &st, 0), dead);
	touch(tmp, "signed", (long)dead, "aB3dE9");
	touch(tmp, "unsigned", live, "aB3dE9");
	touch(tmp, "report", (long)getpid(), "aB3dE9");
	/* Not ours by name: kept whatever the pid. */
	snprintf(f, sizeof f, "%s/lakip-signed-%ld-aB3dE9", tmp, (long)dead);
	fclose(fopen(f, "w"));
	snprintf(f, sizeof f, "%s/.lakip-signed-x%ld-aB3dE9", tmp, (long)dead);
	fclose(fopen(f, "w"));
	/* A directory of that name is not removed either. */
	snprintf(f, sizeof f, "%s/.lakip-get-%ld-dir", tmp, (long)dead);
	ck_assert_int_eq(mkdir(f, 0700), 0);
	snprintf(out, sizeof out, "%s/laporan.pdf", tmp);
	svc_sweep_temps(out);
	ck_assert(!present(tmp, "signed", (long)dead, "aB3dE9"));
	ck_assert(present(tmp, "unsigned", live, "aB3dE9"));
	ck_assert(present(tmp, "report", (long)getpid(), "aB3dE9"));
	ck_assert(present(tmp, "get", (long)dead, "dir"));
	snprintf(f, sizeof f, "%s/lakip-signed-%ld-aB3dE9", tmp, (long)dead);
	ck_assert(exists(f));
	snprintf(f, sizeof f, "%s/.lakip-signed-x%ld-aB3dE9", tmp, (long)dead);
	ck_assert(exists(f));
	/* Another account's, of a dead pid: kept (root can make one). */
	if (geteuid() == 0) {
		touch(tmp, "other", (long)dead, "aB3dE9");
		snprintf(f, sizeof f, "%s/.lakip-other-%ld-aB3dE9", tmp, (long)dead);
		ck_assert_int_eq(chown(f, 65534, 65534), 0);
		svc_sweep_temps(out);
		ck_assert(present(tmp, "other", (long)dead, "aB3dE9"));
	} else
		fprintf(stderr, "# another account's temporary file: not testable "
			"without root\n");
	/* Sweeping beside a bare name looks in the current directory. */
	ck_assert_int_eq(chdir(tmp), 0);
	touch(".", "bare", (long)dead, "aB3dE9");
	svc_sweep_temps("laporan.pdf");
	ck_assert(!present(tmp, "bare", (long)dead, "aB3dE9"));
}
END_TEST

/* ------------------------------------------------------------------ */
/* the content hash */

START_TEST(test_content_hash)
{
	lk_err e = { 0, "" };
	char a[65], b[65], c[65];
	svc_period p;

	open_ok(admin, K, 2, AKSI_LIHAT, &p);
	ok_(svc_content_hash(p.r, 2, a, &e), &e, "hash");
	ck_assert_uint_eq(strlen(a), 64);
	ok_(svc_content_hash(p.r, 2, b, &e), &e, "hash");
	ck_assert_str_eq(a, b);
	/* Another quarter's data do not count ... */
	edit_tw3(p.r);
	ok_(svc_content_hash(p.r, 2, b, &e), &e, "hash tw3");
	ck_assert_str_eq(a, b);
	ok_(svc_content_hash(p.r, 3, c, &e), &e, "hash of tw3");
	ck_assert_str_ne(a, c);
	/* ... this quarter's and the plan's do. */
	edit_data(p.r);
	ok_(svc_content_hash(p.r, 2, b, &e), &e, "hash data");
	ck_assert_str_ne(a, b);
	snprintf(c, sizeof c, "%s", b);
	edit_plan(p.r);
	ok_(svc_content_hash(p.r, 2, b, &e), &e, "hash plan");
	ck_assert_str_ne(c, b);
	/* The plan itself is untouched by hashing. */
	ck_assert(p.r->tw[3].ada);
	ck_assert(find_iku(p.r, "IKU1")->ada_realisasi[3]);
	svc_period_free(&p);
}
END_TEST

/* The LKjIP's content hash: what it prints counts, what it does not
 * print (a quarter's narrative, TW I..III's realisations, TW IV's where
 * the annual one is given) does not. */
static void
lk_tw3(rencana *r)
{
	edit_tw3(r);
	r->sasaran[0].narasi[2] = arena_printf(&r->mem, "Narasi lain.");
}

static void
lk_year(rencana *r)
{
	r->tahunan.ada = true;
	r->tahunan.tahun = 2024;
	r->tahunan.bulan = 1;
	r->tahunan.hari = 15;
}

static void
lk_annual(rencana *r)
{
	lk_year(r);
	find_iku(r, "IKU1")->ada_realisasi_tahunan = true;
	find_iku(r, "IKU1")->realisasi_tahunan = 91 * 10000LL;
}

static void
lk_tw4_shadowed(rencana *r)
{
	find_iku(r, "IKU1")->ada_realisasi[4] = true;
	find_iku(r, "IKU1")->realisasi[4] = 12 * 10000LL;
}

static void
lk_tahunan(rencana *r)
{
	find_iku(r, "IKU1")->ada_realisasi_tahunan = true;
	find_iku(r, "IKU1")->realisasi_tahunan = 92 * 10000LL;
}

static void
lk_tw4(rencana *r)
{
	iku *k = find_iku(r, "IKU2");

	k->ada_realisasi_tahunan = false;
	r->tw[4].ada = true;
	k->ada_realisasi[4] = true;
	k->realisasi[4] = 77 * 10000LL;
}

static void
lk_narasi(rencana *r)
{
	r->sasaran[0].narasi_tahunan = arena_printf(&r->mem, "Capaian tahunan.");
}

static void
lk_target_tw(rencana *r)
{
	find_iku(r, "IKU3")->ada_target_tw[2] = true;
	find_iku(r, "IKU3")->target_tw[2] = 5 * 10000LL;
}

static const struct lkh_case {
	const char *name;
	void (*prep)(rencana *);   /* before the first hash, or NULL */
	void (*edit)(rencana *);
	bool changes;
} lkh_cases[] = {
	{ "another quarter's data", NULL, lk_tw3, false },
	{ "TW IV under an annual figure", lk_annual, lk_tw4_shadowed, false },
	{ "an annual realisation", lk_annual, lk_tahunan, true },
	{ "TW IV as the fallback", NULL, lk_tw4, true },
	{ "an annual narrative", lk_year, lk_narasi, true },
	{ "a quarterly target", NULL, lk_target_tw, true },
	{ "the plan", NULL, edit_plan, true },
};

START_TEST(test_lkjip_content_hash)
{
	const struct lkh_case *c = &lkh_cases[_i];
	lk_err e = { 0, "" };
	tahunan_lalu lalu[] = { { 2022, "IKU1", 70 * 10000LL } };
	char a[65], b[65], d[65];
	svc_period p;

	open_ok(admin, K, 0, AKSI_LIHAT, &p);
	if (c->prep != NULL)
		c->prep(p.r);
	ok_(svc_lkjip_content_hash(&v, &p, a, &e), &e, "hash");
	ck_assert_uint_eq(strlen(a), 64);
	ok_(svc_lkjip_content_hash_lalu(p.r, NULL, 0, b, &e), &e, "hash");
	ck_assert_str_eq(a, b);   /* no earlier year in the database */
	/* the earlier years it compares with count */
	ok_(svc_lkjip_content_hash_lalu(p.r, lalu, 1, d, &e), &e, "lalu");
	ck_assert_str_ne(a, d);
	lalu[0].nilai++;
	ok_(svc_lkjip_content_hash_lalu(p.r, lalu, 1, b, &e), &e, "lalu");
	ck_assert_str_ne(d, b);
	c->edit(p.r);
	ok_(svc_lkjip_content_hash(&v, &p, b, &e), &e, c->name);
	if (c->changes)
		ck_assert_msg(strcmp(a, b) != 0, "%s: the hash stays", c->name);
	else
		ck_assert_msg(strcmp(a, b) == 0, "%s: the hash changes", c->name);
	/* a quarterly report's hash is not the LKjIP's */
	ok_(svc_content_hash(p.r, 4, d, &e), &e, "tw4");
	ck_assert_str_ne(b, d);
	ck_assert_int_eq(svc_content_hash(p.r, 0, d, &e), EX_SOFTWARE);
	svc_period_free(&p);
}
END_TEST

/* The LKjIP signed by the head locks the year's annual data, and only
 * those: after signing, each edit is saved or refused as the table says,
 * a refusal changing nothing; unlocked, the annual data change again and
 * the next signature is version 2. */
static void
lk_kesimpulan(rencana *r)
{
	r->tahunan.kesimpulan = arena_printf(&r->mem, "Kesimpulan yang lain.");
}

static void
lk_plan_target(rencana *r)
{
	find_iku(r, "IKU3")->target = 260 * 10000LL;
}

static const struct lkl_case {
	const char *name;
	void (*edit)(rencana *);
	int tw;
	unsigned mask;
	int rc;
} lkl_cases[] = {
	{ "an annual realisation", lk_tahunan, 0, DATA | PLAN, EX_NOPERM },
	{ "an annual narrative", lk_narasi, 0, DATA | PLAN, EX_NOPERM },
	{ "the annual conclusion", lk_kesimpulan, 0, DATA | PLAN, EX_NOPERM },
	{ "TW IV's realisation, shadowed", lk_tw4_shadowed, 4, DATA, 0 },
	{ "a quarter's data", edit_data, 2, DATA, 0 },
	{ "a target of the plan", lk_plan_target, 0, PLAN, 0 },
};

START_TEST(test_finalise_lkjip)
{
	const struct lkl_case *c = &lkl_cases[_i];
	lk_err e = { 0, "" };
	svc_final_result res;
	svc_final_opts o;
	store_pk_state st;
	svc_period p;
	char out[2100], before[65];
	int rc;

	register_all();
	snprintf(out, sizeof out, "%s/lkjip.pdf", tmp);
	/* The year's annual data first (the example has none). */
	open_ok(admin, K, 0, AKSI_LIHAT, &p);
	lk_annual(p.r);
	ok_(svc_save(&v, K, p.r, 0, DATA | PLAN, &e), &e, "annual data");
	svc_period_free(&p);
	open_ok("kp", K, 0, AKSI_FINAL, &p);
	o = final_opts("kepala.p12", out);
	ok_(svc_finalise_lkjip(&v, &p, &o, &res, &e), &e, "finalise lkjip");
	ck_assert_int_eq(res.version, 1);
	ck_assert(is_pdf(out));
	svc_final_result_free(&res);
	ok_(store_dok_state_load(db, STORE_DOK_LKJIP, K, 2023, &st, &e), &e, "st");
	ck_assert(st.locked && st.pertama && st.version == 1);
	ck_assert_str_eq(st.sig[1].signer, "kp");
	store_pk_state_free(&st);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM lkjip_signed"), 1);
	/* Locked: signing again is refused. */
	refused(svc_finalise_lkjip(&v, &p, &o, &res, &e), &e, EX_NOPERM,
		"again", "LKjIP 2023", "locked", NULL);
	svc_period_free(&p);
	/* The edit of this case. */
	open_ok(admin, K, c->tw, AKSI_LIHAT, &p);
	c->edit(p.r);
	snprintf(before, sizeof before, "%s", snapshot());
	rc = svc_save(&v, K, p.r, c->tw, c->mask, &e);
	svc_period_free(&p);
	ck_assert_msg(rc == c->rc, "%s: got %d (%s)", c->name, rc, e.msg);
	if (rc != 0) {
		ck_assert_msg(strstr(e.msg, "the LKjIP 2023 is signed") != NULL,
			      "%s: %s", c->name, e.msg);
		ck_assert_msg(strcmp(snapshot(), before) == 0, "%s: the database "
			      "changed", c->name);
		/* Unlocked by the admin, it saves; the head signs version 2. */
		as(admin);
		ok_(store_dok_unlock(db, STORE_DOK_LKJIP, K, 2023, "Ralat", &e),
		    &e, "unlock");
		open_ok(admin, K, c->tw, AKSI_LIHAT, &p);
		c->edit(p.r);
		ok_(svc_save(&v, K, p.r, c->tw, c->mask, &e), &e, c->name);
		svc_period_free(&p);
		open_ok("kp", K, 0, AKSI_FINAL, &p);
		o = final_opts("kepala.p12", out);
		ok_(svc_finalise_lkjip(&v, &p, &o, &res, &e), &e, "version 2");
		ck_assert_int_eq(res.version, 2);
		svc_final_result_free(&res);
		svc_period_free(&p);
	}
}
END_TEST

/* ------------------------------------------------------------------ */
/* svc_keterangan: the note of an IKU without a realisation */

static const struct ket_case {
	const char *name, *kode;
	int tw;
	const char *teks;
	int rc;
	const char *want;        /* the note after (rc 0), NULL: none */
	const char *need;
} ket_cases[] = {
	{ "trimmed", "IKU2", 2, "  data BPS\n belum \t terbit ", 0,
	  "data BPS belum terbit", NULL },
	{ "usual", "IKU4", 2, "Belum tersedia: diukur tahun berikutnya", 0,
	  "Belum tersedia: diukur tahun berikutnya", NULL },
	{ "blank removes", "IKU2", 2, " \n ", 0, NULL, NULL },
	{ "NULL removes", "IKU2", 2, NULL, 0, NULL, NULL },
	{ "UTF-8", "IKU2", 2, "menunggu rilis \xe2\x80\x9cIDI 2023\xe2\x80\x9d", 0,
	  "menunggu rilis \xe2\x80\x9cIDI 2023\xe2\x80\x9d", NULL },
	{ "no IKU", "IKU9", 2, "x", EX_NOINPUT, NULL, "IKU9" },
	{ "no quarter", "IKU2", 5, "x", EX_USAGE, NULL, "5" },
	{ "control", "IKU2", 2, "a\x1b[2Jb", EX_DATAERR, NULL, "triwulan.2.keterangan.IKU2" },
	{ "not UTF-8", "IKU2", 2, "data \xff", EX_DATAERR, NULL, "UTF-8" },
	{ "too long", "IKU2", 2, "LONG", EX_DATAERR, NULL, "at most 500" },
};

START_TEST(test_keterangan)
{
	const struct ket_case *c = &ket_cases[_i];
	lk_err e = { 0, "" };
	svc_period p;
	rencana *got;
	char longtext[SVC_KETERANGAN_MAX + 2];
	const char *teks = c->teks;
	const char *before;
	bool changed = false;
	int rc;

	memset(longtext, 'x', sizeof longtext - 1);
	longtext[sizeof longtext - 1] = '\0';
	if (teks != NULL && strcmp(teks, "LONG") == 0)
		teks = longtext;
	open_ok(admin, K, 2, AKSI_LIHAT, &p);
	before = find_iku(p.r, "IKU2")->keterangan[2];
	ck_assert_str_eq(before, "data belum tersedia");
	rc = svc_keterangan(p.r, c->tw, c->kode, teks, &changed, &e);
	if (c->rc != 0) {
		refused_(rc, &e, c->rc, c->name, c->need, NULL);
		ck_assert(!changed);
		ck_assert_str_eq(find_iku(p.r, "IKU2")->keterangan[2], before);
		svc_period_free(&p);
		return;
	}
	ok_(rc, &e, c->name);
	ck_assert(changed);
	/* Saved through svc_save, it is what the database holds. */
	as("op");
	ok_(svc_save(&v, K, p.r, 2, 1u << AKSI_UBAH_DATA, &e), &e, "save");
	svc_period_free(&p);
	ck_assert_int_eq(store_load(db, K, 2023, &got, &e), 0);
	if (c->want == NULL)
		ck_assert_ptr_null(find_iku(got, c->kode)->keterangan[2]);
	else
		ck_assert_str_eq(find_iku(got, c->kode)->keterangan[2], c->want);
	/* The same text again changes nothing. */
	ck_assert_int_eq(svc_keterangan(got, 2, c->kode, c->want, &changed, &e), 0);
	ck_assert(!changed);
	rencana_free(got);
}
END_TEST

/* ------------------------------------------------------------------ */
/* svc_konteks_load: what a reviewer judges a figure by */

START_TEST(test_konteks)
{
	lk_err e = { 0, "" };
	rencana *r = example(), *got;
	svc_period p;
	svc_konteks k;
	const svc_konteks_iku *ki;
	size_t done;

	/* The year before: the same plan, IKU1 at 70 in TW II. */
	r->tahun = 2022;
	find_iku(r, "IKU1")->realisasi[2] = 70 * 10000LL;
	as(admin);
	ok_(store_save(db, r, false, NULL, &e), &e, "2022");
	rencana_free(r);
	/* TW I of 2023: IKU1 at 40 (annual target 78,50). */
	open_ok(admin, K, 2, AKSI_LIHAT, &p);
	p.r->tw[1].ada = true;
	p.r->tw[1].tahun = 2023;
	p.r->tw[1].bulan = 4;
	p.r->tw[1].hari = 10;
	find_iku(p.r, "IKU1")->ada_realisasi[1] = true;
	find_iku(p.r, "IKU1")->realisasi[1] = 40 * 10000LL;
	as("op");
	ok_(svc_save(&v, K, p.r, 1, 1u << AKSI_UBAH_DATA, &e), &e, "tw1");
	svc_period_free(&p);
	/* Submitted, returned, fixed. */
	ok_(review("op", EV_SUBMIT, "IKU1", NULL, &done, &e), &e, "submit");
	ok_(review("kbx", EV_RETURN, "IKU1", "Cek ulang skor IDI", &done, &e), &e,
	    "return");
	open_ok(admin, K, 2, AKSI_LIHAT, &p);
	find_iku(p.r, "IKU1")->realisasi[2] = 79.5 * 10000LL;
	as("op");
	ok_(svc_save(&v, K, p.r, 2, 1u << AKSI_UBAH_DATA, &e), &e, "fix");
	svc_period_free(&p);

	ck_assert_int_eq(store_load(db, K, 2023, &got, &e), 0);
	ok_(svc_konteks_load(&v, K, got, 2023, 2, &k, &e), &e, "konteks");
	ck_assert(k.ada_tahun_lalu);
	ck_assert_uint_eq(k.n_iku, 5);
	ki = svc_konteks_find(&k, "IKU1");
	ck_assert_ptr_nonnull(ki);
	ck_assert_str_eq(ki->sasaran, "SS1");
	/* TW I: 40 of 78,50 = 50,96%. */
	ck_assert(ki->tw_lalu.ada && ki->tw_lalu.ada_realisasi);
	ck_assert_int_eq(ki->tw_lalu.tw, 1);
	ck_assert_int_eq(ki->tw_lalu.realisasi, 40 * 10000LL);
	ck_assert_int_eq(ki->tw_lalu.capaian.persen, 5096);
	ck_assert_ptr_nonnull(ki->tw_lalu.predikat);
	/* TW II of 2022: 70 of 78,50 = 89,17%. */
	ck_assert(ki->tahun_lalu.ada && ki->tahun_lalu.ada_realisasi);
	ck_assert_int_eq(ki->tahun_lalu.tahun, 2022);
	ck_assert_int_eq(ki->tahun_lalu.realisasi, 70 * 10000LL);
	ck_assert_int_eq(ki->tahun_lalu.capaian.persen, 8917);
	/* SS1 is supported by P04 alone: 5.983.795.950 of 7.009.143.400. */
	ck_assert_uint_eq(ki->n_program, 1);
	ck_assert_str_eq(ki->program[0].kode, "P04");
	ck_assert_int_eq(ki->program[0].serapan.persen, 8537);
	ck_assert_int_eq(ki->jumlah.serapan.persen, 8537);
	/* Returned by kbx; since then op changed 79,30 to 79,50. */
	ck_assert_str_eq(ki->dilihat_oleh, "kbx");
	ck_assert_str_eq(ki->dilihat_aksi, entri_event_nama(EV_RETURN));
	ck_assert_uint_eq(ki->n_ubah, 1);
	ck_assert_str_eq(ki->ubah[0].login, "op");
	ck_assert_str_eq(ki->ubah[0].old, "79.3");
	ck_assert_str_eq(ki->ubah[0].new_, "79.5");
	/* Never reviewed: nothing to compare with. */
	ki = svc_konteks_find(&k, "IKU3");
	ck_assert_ptr_null(ki->dilihat_at);
	ck_assert_uint_eq(ki->n_ubah, 0);
	/* IKU2 has no realisation in either year. */
	ki = svc_konteks_find(&k, "IKU2");
	ck_assert(ki->tahun_lalu.ada && !ki->tahun_lalu.ada_realisasi);
	svc_konteks_free(&k);
	/* TW I has no quarter before it; 2021 is not in the database. */
	ok_(svc_konteks_load(&v, K, got, 2023, 1, &k, &e), &e, "tw1");
	ck_assert(!svc_konteks_find(&k, "IKU1")->tw_lalu.ada);
	ck_assert(!k.ada_tahun_lalu);
	svc_konteks_free(&k);
	refused_(svc_konteks_load(&v, K, got, 2023, 0, &k, &e), &e, EX_USAGE,
		 "tw0", NULL);
	rencana_free(got);
}
END_TEST

/* ---- import (svc_import) ---- */

/* The example with one sed-like replacement, as a file in tmp. */
static const char *
example_file(const char *name, const char *from, const char *to)
{
	static char path[2][2200];
	static int k;
	char *buf, *at;
	FILE *f = fopen(lktest_path("examples/kesbangpol-kalteng-2023.yaml"), "rb");
	long n;

	k ^= 1;
	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = calloc(1, (size_t)n + 1);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	snprintf(path[k], sizeof path[k], "%s/%s", tmp, name);
	f = fopen(path[k], "wb");
	at = from != NULL ? strstr(buf, from) : NULL;
	if (at != NULL) {
		fwrite(buf, 1, (size_t)(at - buf), f);
		fputs(to, f);
		fputs(at + strlen(from), f);
	} else
		fputs(buf, f);
	fclose(f);
	free(buf);
	return path[k];
}

static const char *
text_file(const char *name, const char *text)
{
	static char path[2200];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", tmp, name);
	f = fopen(path, "wb");
	fputs(text, f);
	fclose(f);
	return path;
}

static const struct import_case {
	const char *what;
	const char *from, *to;   /* YAML: the example with this replaced */
	const char *csv, *sheet; /* else a CSV sheet */
	int tahun;
	const char *actor;       /* NULL: the admin */
	bool dry;
	int rc;
	size_t n_err;
	const char *err0, *err1; /* in the first and second error */
	const char *change;      /* "tbl kode field old new" of one change */
	int diff_kind, changed;  /* counts of that kind */
} import_cases[] = {
	{ "dry run of a new target", "target: 78.50", "target: 81.25", NULL,
	  NULL, 0, NULL, true, 0, 0, NULL, NULL, "iku IKU1 target 78.5 81.25",
	  DIFF_IKU, 1 },
	{ "import of a new target", "target: 78.50", "target: 81.25", NULL,
	  NULL, 0, NULL, false, 0, 0, NULL, NULL, "iku IKU1 target 78.5 81.25",
	  DIFF_IKU, 1 },
	{ "an operator may not import", "target: 78.50", "target: 81.25",
	  NULL, NULL, 0, "op", false, EX_NOPERM, 1, "admin", NULL, NULL,
	  DIFF_IKU, 0 },
	{ "... not even a dry run", "target: 78.50", "target: 81.25",
	  NULL, NULL, 0, "op", true, EX_NOPERM, 1, "admin", NULL, NULL,
	  DIFF_IKU, 0 },
	{ "a rule of the exchange format", "kode: IKU2", "kode: IKU1", NULL,
	  NULL, 0, NULL, true, EX_DATAERR, 1, "IKU1", NULL, NULL, DIFF_IKU, 0 },
	{ "every error of a CSV sheet's cells", NULL, NULL,
	  "triwulan;kode;realisasi\n2;IKU1;delapan puluh\n2;IKU2;75,5\n"
	  "2;IKU3;78.5\n", "realisasi_iku", 2023, NULL, false, EX_DATAERR, 2,
	  "r.csv:2:3", "r.csv:4:3", NULL, DIFF_IKU, 0 },
	{ "a CSV sheet's realisation", NULL, NULL,
	  "triwulan;kode;realisasi\n2;IKU2;75,5\n", "realisasi_iku", 2023,
	  NULL, true, 0, 0, NULL, NULL, "realisasi IKU2", DIFF_TRIWULAN, 1 },
	{ "a CSV sheet needs the year", NULL, NULL,
	  "triwulan;kode;realisasi\n2;IKU2;75,5\n", "realisasi_iku", 0,
	  NULL, true, EX_USAGE, 1, "--tahun", NULL, NULL, DIFF_IKU, 0 },
	{ "an unknown sheet", NULL, NULL, "kode;nama\n", "capaian_tw2", 2023,
	  NULL, true, EX_USAGE, 1, "capaian_tw2", NULL, NULL, DIFF_IKU, 0 },
};

START_TEST(test_import)
{
	const struct import_case *c = &import_cases[_i];
	svc_import_opts o;
	svc_import_result res;
	lk_err e = { 0, "" };
	const char *before = snapshot(), *after;
	bool found = false;
	int rc;

	memset(&o, 0, sizeof o);
	if (c->csv != NULL) {
		o.file = text_file("r.csv", c->csv);
		o.sheet = c->sheet;
		o.tahun = c->tahun;
	} else
		o.file = example_file("x.yaml", c->from, c->to);
	o.dry_run = c->dry;
	as(c->actor != NULL ? c->actor : admin);
	rc = svc_import(&v, &o, &res, &e);
	ck_assert_msg(rc == c->rc, "%s: %d (%s), want %d", c->what, rc, e.msg, c->rc);
	ck_assert_msg(res.n_err == c->n_err, "%s: %zu errors", c->what, res.n_err);
	if (c->err0 != NULL)
		ck_assert_msg(strstr(res.err[0], c->err0) != NULL && strstr(e.msg,
			      c->err0) != NULL, "%s: %s", c->what, res.err[0]);
	if (c->err1 != NULL)
		ck_assert_msg(strstr(res.err[1], c->err1) != NULL, "%s: %s",
			      c->what, res.err[1]);
	if (rc == 0)
		ck_assert_uint_eq(res.diff.n[c->diff_kind].changed, (unsigned)c->changed);
	if (rc != 0 || c->change == NULL)
		ck_assert_msg(res.n_change == 0 || c->change == NULL,
			      "%s: %zu changes", c->what, res.n_change);
	for (size_t i = 0; c->change != NULL && i < res.n_change; i++) {
		const svc_change *x = &res.change[i];
		char line[2048];

		snprintf(line, sizeof line, "%s %s %s %s %s", x->tbl,
			 x->kode ? x->kode : "", x->field ? x->field : "",
			 x->old ? x->old : "", x->new_ ? x->new_ : "");
		found = found || strstr(line, c->change) != NULL ||
		    (strstr(line, "realisasi") && strstr(c->change, "realisasi") &&
		     strstr(line, "IKU2"));
	}
	ck_assert_msg(c->change == NULL || found, "%s: no change %s", c->what,
		      c->change);
	if (rc == 0 && c->change == NULL)
		ck_assert_uint_eq(res.n_change, 0);
	after = snapshot();
	if (rc != 0 || c->dry)
		ck_assert_msg(strcmp(before, after) == 0, "%s changed the database",
			      c->what);
	else
		ck_assert_msg(strcmp(before, after) != 0, "%s changed nothing",
			      c->what);
	svc_import_result_free(&res);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("svc");
	TCase *tc;

	make_material();
	tc = tcase_create("open");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_init);
	tcase_add_loop_test(tc, test_import, 0, (int)LK_NELEM(import_cases));
	tcase_add_loop_test(tc, test_open, 0, (int)LK_NELEM(open_cases));
	tcase_add_test(tc, test_open_empty);
	tcase_add_loop_test(tc, test_open_role, 0, (int)LK_NELEM(role_cases));
	tcase_add_loop_test(tc, test_bands, 0, (int)LK_NELEM(band_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("change");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_may_readonly);
	tcase_add_loop_test(tc, test_may_locked, 0, (int)LK_NELEM(lock_cases));
	tcase_add_loop_test(tc, test_save, 0, (int)LK_NELEM(save_cases));
	tcase_add_test(tc, test_review);
	tcase_add_test(tc, test_review_own);
	tcase_add_test(tc, test_busy);
	tcase_add_test(tc, test_review_locked);
	tcase_add_loop_test(tc, test_unlock, 0, (int)LK_NELEM(unlock_cases));
	tcase_add_test(tc, test_content_hash);
	tcase_add_loop_test(tc, test_lkjip_content_hash, 0,
			    (int)LK_NELEM(lkh_cases));
	tcase_add_loop_test(tc, test_keterangan, 0, (int)LK_NELEM(ket_cases));
	tcase_add_test(tc, test_konteks);
	suite_add_tcase(s, tc);

	tc = tcase_create("report");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_render);
	tcase_add_test(tc, test_render_unwritable);
	tcase_add_loop_test(tc, test_key_check, 0, (int)LK_NELEM(key_cases));
	tcase_add_test(tc, test_finalise);
	tcase_add_test(tc, test_finalise_no_out);
	tcase_add_test(tc, test_finalise_interrupted);
	tcase_add_loop_test(tc, test_finalise_refused, 0, (int)LK_NELEM(final_cases));
	tcase_add_test(tc, test_finalise_unwritable);
	tcase_add_loop_test(tc, test_finalise_lkjip, 0, (int)LK_NELEM(lkl_cases));
	tcase_add_loop_test(tc, test_no_quarter, 0, (int)LK_NELEM(noq_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("files");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_tmp_beside);
	tcase_add_test(tc, test_sweep);
	suite_add_tcase(s, tc);
	return s;
}
