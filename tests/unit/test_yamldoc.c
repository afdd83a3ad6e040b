/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "lktest.h"

#include "core/dec.h"
#include "io/yamldoc.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Parse buf as "t.yaml"; the arena is freed by the caller. */
static int
load(arena *a, const char *buf, size_t len, yd_doc *d, lk_err *e)
{
	memset(e, 0, sizeof *e);
	return yd_load_buffer(a, "t.yaml", buf, len, d, e);
}

static void
assert_fails(const char *buf, size_t len, const char *prefix,
	     const char *frag)
{
	arena a = { 0 };
	yd_doc d;
	lk_err e;
	int rc = load(&a, buf, len, &d, &e);

	ck_assert_int_eq(rc, EX_DATAERR);
	ck_assert_int_eq(e.code, EX_DATAERR);
	ck_assert_msg(strncmp(e.msg, prefix, strlen(prefix)) == 0,
	    "expected prefix \"%s\", got \"%s\"", prefix, e.msg);
	ck_assert_msg(strstr(e.msg, frag) != NULL,
	    "expected \"%s\" in \"%s\"", frag, e.msg);
	ck_assert_ptr_null(d.root);
	arena_free(&a);
}

/* ---- the tree ---- */

START_TEST(test_tree)
{
	static const char src[] =
	    "# comment\n"
	    "nama: Dinas X\n"
	    "tahun: 2021\n"
	    "kode: \"2021\"\n"
	    "list:\n"
	    "  - a\n"
	    "  - [b, 'c']\n"
	    "kosong:\n"
	    "teks: |\n"
	    "  baris é\n";
	arena a = { 0 };
	yd_doc d;
	lk_err e;
	const yd_node *r, *n;

	ck_assert_int_eq(load(&a, src, strlen(src), &d, &e), 0);
	r = d.root;
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->type, YD_MAP);
	ck_assert_uint_eq(r->n_pair, 6);
	ck_assert_uint_eq(r->line, 2);
	ck_assert_uint_eq(r->col, 1);
	ck_assert_str_eq(r->pair[0].key->str, "nama");
	n = yd_get(r, "nama");
	ck_assert_str_eq(n->str, "Dinas X");
	ck_assert_uint_eq(n->line, 2);
	ck_assert_uint_eq(n->col, 7);
	ck_assert(n->plain);
	n = yd_get(r, "tahun");
	ck_assert(n->plain);
	ck_assert_str_eq(n->str, "2021");
	n = yd_get(r, "kode");
	ck_assert(!n->plain);
	ck_assert_str_eq(n->str, "2021");
	n = yd_get(r, "list");
	ck_assert_int_eq(n->type, YD_SEQ);
	ck_assert_uint_eq(n->n_item, 2);
	ck_assert_uint_eq(n->line, 6);
	ck_assert_uint_eq(n->col, 3);
	ck_assert_int_eq(n->item[1]->type, YD_SEQ);
	ck_assert_str_eq(n->item[1]->item[1]->str, "c");
	ck_assert(!n->item[1]->item[1]->plain);
	ck_assert_uint_eq(n->item[1]->item[1]->col, 9);
	n = yd_get(r, "kosong");
	ck_assert(yd_is_null(n));
	n = yd_get(r, "teks");
	ck_assert_str_eq(n->str, "baris é\n");
	ck_assert_uint_eq(n->len, strlen("baris é\n"));
	ck_assert_ptr_null(yd_get(r, "tidak"));
	ck_assert_str_eq(d.file, "t.yaml");
	arena_free(&a);
}
END_TEST

START_TEST(test_empty)
{
	arena a = { 0 };
	yd_doc d;
	lk_err e;

	ck_assert_int_eq(load(&a, "", 0, &d, &e), 0);
	ck_assert_ptr_null(d.root);
	ck_assert_int_eq(load(&a, "# only a comment\n", 17, &d, &e), 0);
	ck_assert_ptr_null(d.root);
	arena_free(&a);
}
END_TEST

/* ---- refused input ---- */

struct bad_case {
	const char *src;
	const char *prefix;
	const char *frag;
};

static const struct bad_case bad_cases[] = {
	{ "a: 1\nb: *x\n", "t.yaml:2:4: ",
	  "anchors and aliases are not supported" },
	{ "a: &x 1\nb: 2\n", "t.yaml:1:4: ",
	  "anchors and aliases are not supported" },
	{ "a:\n  - &list [1, 2]\n", "t.yaml:2:5: ",
	  "anchors and aliases are not supported" },
	{ "a: !!str 1\n", "t.yaml:1:4: ", "tags (\"tag:yaml.org,2002:str\") are not supported" },
	{ "a: 1\n---\nb: 2\n", "t.yaml:2:1: ", "one YAML document" },
	{ "a: 1\nb: 2\na: 3\n", "t.yaml:3:1: ",
	  "duplicate key \"a\" (first at line 1)" },
	{ "x:\n  k: 1\n  \"k\": 2\n", "t.yaml:3:3: ",
	  "duplicate key \"k\" (first at line 2)" },
	{ "? [a]\n: 1\n", "t.yaml:1:3: ", "a mapping key must be a scalar" },
	{ "{a: 1, {b: 2}: 3}\n", "t.yaml:1:8: ",
	  "a mapping key must be a scalar" },
	{ "a: b\nc: d\xff\n", "t.yaml:2:5: ", "invalid leading UTF-8 octet" },
	{ "a: é\nc: \xc3\x28\n", "t.yaml:2:5: ",
	  "invalid trailing UTF-8 octet (0x28)" },
	{ "a: b\x01\n", "t.yaml:1:5: ", "control characters are not allowed" },
	{ "a: b\n  c: d\n", "t.yaml:2:4: ",
	  "mapping values are not allowed in this context" },
	{ "a: [1, 2\n", "t.yaml:2:1: ", "did not find expected ',' or ']'" },
	{ "a: \"x\\0y\"\n", "t.yaml:1:4: ", "NUL characters" },
	{ "\"\\e[2J\": 1\n\"\\e[2J\": 2\n", "t.yaml:2:1: ",
	  "duplicate key \"?[2J\" (first at line 1)" },
};

START_TEST(test_bad)
{
	const struct bad_case *c = &bad_cases[_i];

	assert_fails(c->src, strlen(c->src), c->prefix, c->frag);
}
END_TEST

/* Duplicate keys found by the hash set of a large mapping. */
START_TEST(test_duplicate_in_large_map)
{
	size_t cap = 64 * 1024, o = 0;
	char *buf = malloc(cap);

	for (int i = 0; i < 200; i++)
		o += (size_t)snprintf(buf + o, cap - o, "k%d: %d\n", i, i);
	o += (size_t)snprintf(buf + o, cap - o, "k117: again\n");
	assert_fails(buf, o, "t.yaml:201:1: ",
	    "duplicate key \"k117\" (first at line 118)");
	free(buf);
}
END_TEST

/* 10,000 levels, flow and block: refused at level 65, at once. */
START_TEST(test_deep_nesting)
{
	size_t n = 10000;
	char *buf = malloc(2 * n + 2);
	double t0;

	memset(buf, '[', n);
	memset(buf + n, ']', n);
	t0 = now_ms();
	assert_fails(buf, 2 * n, "t.yaml:1:65: ",
	    "nesting deeper than 64 levels");
	for (size_t i = 0; i < n; i++)
		memcpy(buf + 2 * i, "- ", 2);
	buf[2 * n] = 'x';
	assert_fails(buf, 2 * n + 1, "t.yaml:1:129: ",
	    "nesting deeper than 64 levels");
	fprintf(stderr, "# yamldoc: deep nesting refused in %.0f ms\n", now_ms() - t0);
	free(buf);
}
END_TEST

START_TEST(test_scalar_too_long)
{
	size_t n = YAMLDOC_MAX_SCALAR + 1;
	char *buf = malloc(n + 16);
	arena a = { 0 };
	yd_doc d;
	lk_err e;

	memcpy(buf, "a: ", 3);
	memset(buf + 3, 'x', n);
	assert_fails(buf, n + 3, "t.yaml:1:4: ", "scalar too long");
	/* Exactly at the limit is fine. */
	ck_assert_int_eq(load(&a, buf, n + 2, &d, &e), 0);
	ck_assert_uint_eq(yd_get(d.root, "a")->len, YAMLDOC_MAX_SCALAR);
	arena_free(&a);
	free(buf);
}
END_TEST

/* ---- files ---- */

START_TEST(test_file_missing)
{
	arena a = { 0 };
	yd_doc d;
	lk_err e = { 0 };
	const char *dir = lktest_tmpdir();
	char path[512];

	snprintf(path, sizeof path, "%s/tidak-ada.yaml", dir);
	ck_assert_int_eq(yd_load_file(&a, path, &d, &e), EX_NOINPUT);
	ck_assert_int_eq(e.code, EX_NOINPUT);
	ck_assert_msg(strncmp(e.msg, path, strlen(path)) == 0, "%s", e.msg);
	ck_assert_msg(strstr(e.msg, "No such file or directory") != NULL,
	    "%s", e.msg);
	/* A directory cannot be read either. */
	ck_assert_int_eq(yd_load_file(&a, dir, &d, &e), EX_NOINPUT);
	ck_assert_msg(strstr(e.msg, "directory") != NULL, "%s", e.msg);
	lktest_rmtree(dir);
	arena_free(&a);
}
END_TEST

START_TEST(test_file_too_large)
{
	arena a = { 0 };
	yd_doc d;
	lk_err e = { 0 };
	const char *dir = lktest_tmpdir();
	char path[512], want[128];
	int fd;

	snprintf(path, sizeof path, "%s/besar.yaml", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, (off_t)YAMLDOC_MAX_FILE + 1), 0);
	close(fd);
	ck_assert_int_eq(yd_load_file(&a, path, &d, &e), EX_DATAERR);
	snprintf(want, sizeof want, "file too large (%u bytes, the limit is %u "
	    "bytes)", YAMLDOC_MAX_FILE + 1, YAMLDOC_MAX_FILE);
	ck_assert_msg(strstr(e.msg, want) != NULL, "%s", e.msg);
	ck_assert_msg(strncmp(e.msg, path, strlen(path)) == 0, "%s", e.msg);
	lktest_rmtree(dir);
	arena_free(&a);
}
END_TEST

START_TEST(test_file_ok)
{
	arena a = { 0 };
	yd_doc d;
	lk_err e = { 0 };

	ck_assert_int_eq(yd_load_file(&a, lktest_path("templates/predikat.yaml"),
	    &d, &e), 0);
	ck_assert_int_eq(d.root->type, YD_MAP);
	ck_assert_int_eq(yd_get(d.root, "predikat")->type, YD_SEQ);
	arena_free(&a);
}
END_TEST

/* 50,000 nodes in about 5 MB. */
START_TEST(test_speed)
{
	size_t cap = 8 * 1024 * 1024, o = 0;
	char *buf = malloc(cap);
	arena a = { 0 };
	yd_doc d;
	lk_err e;
	double t0, ms;

	o += (size_t)snprintf(buf + o, cap - o, "items:\n");
	for (int i = 0; i < 12500; i++)
		o += (size_t)snprintf(buf + o, cap - o,
		    "  k%05d:\n    uraian: %0380d\n    target: %d.25\n", i, i, i);
	ck_assert_uint_gt(o, 5000000);
	t0 = now_ms();
	ck_assert_int_eq(load(&a, buf, o, &d, &e), 0);
	ms = now_ms() - t0;
	ck_assert_uint_eq(yd_get(d.root, "items")->n_pair, 12500);
	fprintf(stderr, "# yamldoc: %zu bytes parsed in %.1f ms\n", o, ms);
	arena_free(&a);
	free(buf);
}
END_TEST

/* ---- typed getters ---- */

static const char getters_src[] =
    "plain_int: 2021\n"            /* 1 */
    "quoted_int: \"2021\"\n"
    "neg: -4\n"
    "octal: 0123\n"
    "plus: +5\n"                   /* 5 */
    "big: 99999999999999999999999\n"
    "t: true\n"
    "f: False\n"
    "yes: yes\n"
    "nul: ~\n"                     /* 10 */
    "nul2: NULL\n"
    "qnul: \"null\"\n"
    "map: {a: 1}\n"
    "seq: [1]\n"
    "num: 78.5\n"                  /* 15 */
    "numq: \"80\"\n"
    "koma: 78,5\n"
    "ribuan: 1.234.567\n"
    "minus: -1.5\n"
    "frac5: 1.23456\n"             /* 20 */
    "huge: 922337203685477.5808\n"
    "exp: 1e3\n"
    "dot: .5\n"
    "empty:\n";

static void
getters_doc(arena *a, yd_doc *d)
{
	lk_err e;

	ck_assert_int_eq(load(a, getters_src, strlen(getters_src), d, &e), 0);
}

START_TEST(test_getters_ok)
{
	arena a = { 0 };
	yd_doc d;
	lk_err e = { 0 };
	long v;
	bool b;
	char *s;
	int64_t n;

	getters_doc(&a, &d);
	ck_assert_int_eq(yd_int(&d, yd_get(d.root, "plain_int"), "x", 1900,
	    2999, &v, &e), 0);
	ck_assert_int_eq(v, 2021);
	ck_assert_int_eq(yd_int(&d, yd_get(d.root, "neg"), "x", -10, 10, &v,
	    &e), 0);
	ck_assert_int_eq(v, -4);
	ck_assert_int_eq(yd_bool(&d, yd_get(d.root, "t"), "x", &b, &e), 0);
	ck_assert(b);
	ck_assert_int_eq(yd_bool(&d, yd_get(d.root, "f"), "x", &b, &e), 0);
	ck_assert(!b);
	ck_assert_int_eq(yd_string(&d, yd_get(d.root, "plain_int"), "x", &s,
	    &e), 0);
	ck_assert_str_eq(s, "2021");
	ck_assert_int_eq(yd_string(&d, yd_get(d.root, "qnul"), "x", &s, &e), 0);
	ck_assert_str_eq(s, "null");
	ck_assert_int_eq(yd_string(&d, yd_get(d.root, "yes"), "x", &s, &e), 0);
	ck_assert_str_eq(s, "yes");
	ck_assert(yd_is_null(yd_get(d.root, "nul")));
	ck_assert(yd_is_null(yd_get(d.root, "nul2")));
	ck_assert(yd_is_null(yd_get(d.root, "empty")));
	ck_assert(!yd_is_null(yd_get(d.root, "qnul")));
	ck_assert(!yd_is_null(yd_get(d.root, "map")));
	ck_assert_int_eq(yd_expect(&d, yd_get(d.root, "map"), YD_MAP, "x", &e),
	    0);
	ck_assert_int_eq(yd_number(&d, yd_get(d.root, "num"), "x", DEC_NILAI,
	    false, &n, &e), 0);
	ck_assert_int_eq(n, 785000);
	ck_assert_int_eq(yd_number(&d, yd_get(d.root, "numq"), "x", DEC_NILAI,
	    false, &n, &e), 0);
	ck_assert_int_eq(n, 800000);
	ck_assert_int_eq(yd_number(&d, yd_get(d.root, "minus"), "x", DEC_UANG,
	    true, &n, &e), 0);
	ck_assert_int_eq(n, -150);
	arena_free(&a);
}
END_TEST

enum getter { G_INT, G_BOOL, G_STRING, G_NUM, G_NUM_NEG, G_MAP };

struct getter_case {
	enum getter g;
	const char *key;
	const char *want;   /* whole message */
};

static const struct getter_case getter_cases[] = {
	{ G_INT, "quoted_int",
	  "t.yaml:2:13: k: expected an integer from 1900 to 2999, found \"2021\"" },
	{ G_INT, "octal",
	  "t.yaml:4:8: k: expected an integer from 1900 to 2999, found \"0123\"" },
	{ G_INT, "plus",
	  "t.yaml:5:7: k: expected an integer from 1900 to 2999, found \"+5\"" },
	{ G_INT, "big", "t.yaml:6:6: k: expected an integer from 1900 to 2999, "
	  "found \"99999999999999999999999\"" },
	{ G_INT, "neg",
	  "t.yaml:3:6: k: expected an integer from 1900 to 2999, found \"-4\"" },
	{ G_INT, "nul",
	  "t.yaml:10:6: k: expected an integer from 1900 to 2999, found null" },
	{ G_BOOL, "yes", "t.yaml:9:6: k: expected true or false, found \"yes\"" },
	{ G_STRING, "nul", "t.yaml:10:6: k: expected a scalar, found null" },
	{ G_STRING, "map", "t.yaml:13:6: k: expected a scalar, found a mapping" },
	{ G_STRING, "seq", "t.yaml:14:6: k: expected a scalar, found a sequence" },
	{ G_MAP, "seq", "t.yaml:14:6: k: expected a mapping, found a sequence" },
	{ G_NUM, "koma", "t.yaml:17:7: k: expected a number >= 0 with at most 4 "
	  "decimals, found \"78,5\" (machine numbers use a dot for decimals and "
	  "no thousands separators, e.g. 1234567.5)" },
	{ G_NUM, "ribuan", "t.yaml:18:9: k: expected a number >= 0 with at most "
	  "4 decimals, found \"1.234.567\" (machine numbers use a dot for "
	  "decimals and no thousands separators, e.g. 1234567.5)" },
	{ G_NUM, "minus", "t.yaml:19:8: k: expected a number >= 0 with at most 4 "
	  "decimals, found \"-1.5\"" },
	{ G_NUM, "frac5", "t.yaml:20:8: k: expected a number >= 0 with at most 4 "
	  "decimals, found \"1.23456\"" },
	{ G_NUM, "huge", "t.yaml:21:7: k: expected a number >= 0 with at most 4 "
	  "decimals, found \"922337203685477.5808\" (number too large)" },
	{ G_NUM, "exp", "t.yaml:22:6: k: expected a number >= 0 with at most 4 "
	  "decimals, found \"1e3\"" },
	{ G_NUM, "dot", "t.yaml:23:6: k: expected a number >= 0 with at most 4 "
	  "decimals, found \".5\"" },
	{ G_NUM, "empty", "t.yaml:24:7: k: expected a number >= 0 with at most 4 "
	  "decimals, found null" },
	{ G_NUM_NEG, "map", "t.yaml:13:6: k: expected a number with at most 4 "
	  "decimals, found a mapping" },
};

START_TEST(test_getters_bad)
{
	const struct getter_case *c = &getter_cases[_i];
	arena a = { 0 };
	yd_doc d;
	lk_err e = { 0 };
	const yd_node *n;
	long v;
	bool b;
	char *s;
	int64_t x;
	int rc = -1;

	getters_doc(&a, &d);
	n = yd_get(d.root, c->key);
	ck_assert_ptr_nonnull(n);
	switch (c->g) {
	case G_INT:
		rc = yd_int(&d, n, "k", 1900, 2999, &v, &e);
		break;
	case G_BOOL:
		rc = yd_bool(&d, n, "k", &b, &e);
		break;
	case G_STRING:
		rc = yd_string(&d, n, "k", &s, &e);
		break;
	case G_NUM:
		rc = yd_number(&d, n, "k", DEC_NILAI, false, &x, &e);
		break;
	case G_NUM_NEG:
		rc = yd_number(&d, n, "k", DEC_NILAI, true, &x, &e);
		break;
	case G_MAP:
		rc = yd_expect(&d, n, YD_MAP, "k", &e);
		break;
	}
	ck_assert_int_eq(rc, EX_DATAERR);
	ck_assert_str_eq(e.msg, c->want);
	arena_free(&a);
}
END_TEST

START_TEST(test_check_keys)
{
	static const char src[] =
	    "instansi:\n"
	    "  kode: x\n"
	    "  kepla: y\n"
	    "other:\n"
	    "  kode: x\n";
	static const char *const allowed[] = { "kode", "nama", "kepala", NULL };
	static const char *const required[] = { "kode", "nama", NULL };
	static const char *const one[] = { "kode", NULL };
	arena a = { 0 };
	yd_doc d;
	lk_err e = { 0 };

	ck_assert_int_eq(load(&a, src, strlen(src), &d, &e), 0);
	ck_assert_int_eq(yd_check_keys(&d, yd_get(d.root, "instansi"),
	    "instansi", allowed, required, &e), EX_DATAERR);
	ck_assert_str_eq(e.msg, "t.yaml:3:3: instansi: unknown key \"kepla\" "
	    "(expected one of: kode, nama, kepala)");
	ck_assert_int_eq(yd_check_keys(&d, yd_get(d.root, "other"), "other",
	    allowed, required, &e), EX_DATAERR);
	ck_assert_str_eq(e.msg, "t.yaml:5:3: other: missing required key "
	    "\"nama\"");
	ck_assert_int_eq(yd_check_keys(&d, yd_get(d.root, "other"), "other",
	    allowed, one, &e), 0);
	ck_assert_int_eq(yd_check_keys(&d, yd_get(yd_get(d.root, "other"),
	    "kode"), "other.kode", allowed, NULL, &e), EX_DATAERR);
	ck_assert_str_eq(e.msg, "t.yaml:5:9: other.kode: expected a mapping, "
	    "found \"x\"");
	arena_free(&a);
}
END_TEST

START_TEST(test_describe)
{
	char buf[YD_DESCRIBE_MAX];
	yd_node n = { .type = YD_SCALAR, .plain = false };
	char longs[200];

	n.str = "a\tb";
	n.len = 3;
	ck_assert_str_eq(yd_describe(&n, buf), "\"a?b\"");
	memset(longs, 'x', sizeof longs - 1);
	longs[sizeof longs - 1] = '\0';
	n.str = longs;
	n.len = strlen(longs);
	yd_describe(&n, buf);
	ck_assert_uint_lt(strlen(buf), YD_DESCRIBE_MAX);
	ck_assert_ptr_nonnull(strstr(buf, "...\""));
	ck_assert_str_eq(yd_describe(NULL, buf), "null");
	/* Escape sequences, C1 controls and broken UTF-8 never get through. */
	ck_assert_str_eq(yd_quote("\x1b[2J\xc2\x9b" "1m", buf), "\"?[2J??1m\"");
	ck_assert_str_eq(yd_quote("é\xe2\x28x", buf), "\"é?(x\"");
	ck_assert_str_eq(yd_quote("é ≤ × “ ” –", buf), "\"é ≤ × “ ” –\"");
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("yamldoc");
	TCase *tc = tcase_create("yamldoc");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_tree);
	tcase_add_test(tc, test_empty);
	tcase_add_loop_test(tc, test_bad, 0, (int)LK_NELEM(bad_cases));
	tcase_add_test(tc, test_duplicate_in_large_map);
	tcase_add_test(tc, test_deep_nesting);
	tcase_add_test(tc, test_scalar_too_long);
	tcase_add_test(tc, test_file_missing);
	tcase_add_test(tc, test_file_too_large);
	tcase_add_test(tc, test_file_ok);
	tcase_add_test(tc, test_speed);
	tcase_add_test(tc, test_getters_ok);
	tcase_add_loop_test(tc, test_getters_bad, 0,
	    (int)LK_NELEM(getter_cases));
	tcase_add_test(tc, test_check_keys);
	tcase_add_test(tc, test_describe);
	suite_add_tcase(s, tc);
	return s;
}
