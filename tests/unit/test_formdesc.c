/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_formdesc.c - form files (loader, shipped forms) and field
 * validation. */
#include "config.h"
#include "lktest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "core/dec.h"
#include "tui/formdesc.h"

/* ------------------------------------------------------------ helpers */

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	ck_assert_msg(f != NULL, "cannot open %s", path);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	ck_assert_int_ge(n, 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_msg(f != NULL, "cannot write %s", path);
	ck_assert_int_ge(fputs(text, f), 0);
	ck_assert_int_eq(fclose(f), 0);
}

static const char *
builtin_text(const char *name)
{
	for (size_t i = 0; formdesc_builtin[i].name != NULL; i++)
		if (strcmp(formdesc_builtin[i].name, name) == 0)
			return formdesc_builtin[i].text;
	return NULL;
}

static size_t
n_chars(const char *s)
{
	size_t n = 0;

	for (; s != NULL && *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static bool
same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* ------------------------------------------------------ shipped forms */

/* What each shipped form must hold: the model's names, in order. */
struct want_field {
	const char *name;
	enum fd_type type;
	bool required;
	int height;             /* 0: not checked (1 for one-line types) */
	int64_t min;            /* the field's minimum, -1: none */
};

struct want_form {
	const char *name;
	size_t n;
	struct want_field f[12];
};

static const struct want_form shipped[] = {
	{ "instansi", 9, {
		{ "kode", FD_TEXT, true, 1, -1 },
		{ "nama", FD_TEXT, true, 1, -1 },
		{ "pemerintah", FD_TEXT, true, 1, -1 },
		{ "kota", FD_TEXT, true, 1, -1 },
		{ "logo", FD_TEXT, false, 1, -1 },
		{ "kepala_nama", FD_TEXT, true, 1, -1 },
		{ "kepala_jabatan", FD_TEXT, true, 1, -1 },
		{ "kepala_pangkat", FD_TEXT, true, 1, -1 },
		{ "kepala_nip", FD_NIP, true, 1, -1 },
	} },
	{ "bidang", 6, {
		{ "kode", FD_TEXT, true, 1, -1 },
		{ "nama", FD_TEXT, true, 1, -1 },
		{ "kepala_nama", FD_TEXT, false, 1, -1 },
		{ "kepala_jabatan", FD_TEXT, false, 1, -1 },
		{ "kepala_pangkat", FD_TEXT, false, 1, -1 },
		{ "kepala_nip", FD_NIP, false, 1, -1 },
	} },
	{ "sasaran", 3, {
		{ "kode", FD_TEXT, true, 1, -1 },
		{ "uraian", FD_MULTILINE, true, 3, -1 },
		{ "bidang", FD_TEXT, false, 1, -1 },
	} },
	{ "iku", 12, {
		{ "kode", FD_TEXT, true, 1, -1 },
		{ "uraian", FD_MULTILINE, true, 3, -1 },
		{ "satuan", FD_TEXT, true, 1, -1 },
		{ "polaritas", FD_CHOICE, true, 1, -1 },
		{ "target", FD_DECIMAL, true, 1, 0 },
		{ "target_tw1", FD_DECIMAL, false, 1, 0 },
		{ "target_tw2", FD_DECIMAL, false, 1, 0 },
		{ "target_tw3", FD_DECIMAL, false, 1, 0 },
		{ "target_tw4", FD_DECIMAL, false, 1, 0 },
		{ "baseline_tahun", FD_INTEGER, false, 1, 1900 },
		{ "baseline", FD_DECIMAL, false, 1, -1 },
		{ "standar_nasional", FD_DECIMAL, false, 1, -1 },
	} },
	{ "program", 7, {
		{ "kode", FD_TEXT, true, 1, -1 },
		{ "uraian", FD_MULTILINE, true, 3, -1 },
		{ "anggaran", FD_MONEY, true, 1, 0 },
		{ "target_tw1", FD_MONEY, false, 1, 0 },
		{ "target_tw2", FD_MONEY, false, 1, 0 },
		{ "target_tw3", FD_MONEY, false, 1, 0 },
		{ "target_tw4", FD_MONEY, false, 1, 0 },
	} },
	{ "triwulan", 2, {
		{ "tanggal", FD_DATE, false, 1, -1 },   /* empty: not set */
		{ "kesimpulan", FD_MULTILINE, false, 6, -1 },
	} },
};

START_TEST(test_shipped_file)
{
	/* given: LAKIP_DATA_DIR is the source tree (make check) */
	const struct want_form *w = &shipped[_i];
	arena a = { 0 };
	form_desc *fd = NULL;
	lk_err e = { 0 };
	char suffix[64];
	int rows = 0;

	setenv("LAKIP_DATA_DIR", lktest_path("."), 1);
	/* when */
	ck_assert_msg(formdesc_load(&a, w->name, &fd, &e) == 0, "%s", e.msg);
	/* then */
	snprintf(suffix, sizeof suffix, "forms/%s.yaml", w->name);
	ck_assert_msg(strlen(fd->file) >= strlen(suffix) &&
	    strcmp(fd->file + strlen(fd->file) - strlen(suffix), suffix) == 0,
	    "loaded from %s", fd->file);
	ck_assert_str_eq(fd->name, w->name);
	ck_assert_ptr_nonnull(fd->title);
	ck_assert_ptr_nonnull(fd->title_en);
	ck_assert_uint_eq(fd->n_field, w->n);
	for (size_t i = 0; i < w->n; i++) {
		const fd_field *f = &fd->field[i];
		const struct want_field *x = &w->f[i];
		size_t label = n_chars(f->label);

		ck_assert_str_eq(f->name, x->name);
		ck_assert_msg(f->type == x->type, "%s.%s: type %d", w->name,
		    f->name, (int)f->type);
		ck_assert_msg(f->required == x->required, "%s.%s: required",
		    w->name, f->name);
		ck_assert_int_eq(f->height, x->height);
		ck_assert_msg(f->has_min == (x->min >= 0) && (x->min < 0 || f->min == x->min),
		    "%s.%s: min", w->name, f->name);
		/* Indonesian and English label and help on every field. */
		ck_assert_msg(f->label_en && f->help && f->help_en,
		    "%s.%s: label_en, help, help_en", w->name, f->name);
		/* Fits an 80-column screen beside its label. */
		if (n_chars(f->label_en) > label)
			label = n_chars(f->label_en);
		ck_assert_msg(f->width >= 1 && f->width <= 60,
		    "%s.%s: width %d", w->name, f->name, f->width);
		ck_assert_msg(label + 2 + (size_t)f->width <= 80,
		    "%s.%s: label %zu + width %d", w->name, f->name, label,
		    f->width);
		ck_assert_msg(n_chars(f->help) <= 78 && n_chars(f->help_en) <= 78,
		    "%s.%s: help longer than a line", w->name, f->name);
		rows += f->height;
	}
	/* 24 rows: title, help line and status bar leave at most 18. */
	ck_assert_int_le(rows, 18);
	arena_free(&a);
}
END_TEST

START_TEST(test_shipped_builtin_equal)
{
	/* given */
	const char *name = shipped[_i].name;
	const char *text = builtin_text(name);
	char rel[64], *file;
	form_desc *fb = NULL, *ff = NULL;
	arena a = { 0 };
	lk_err e = { 0 };
	size_t len;

	ck_assert_msg(text != NULL, "no built-in form %s", name);
	snprintf(rel, sizeof rel, "forms/%s.yaml", name);
	file = slurp(lktest_path(rel), &len);
	/* then: the compiled-in text is the file, and both parse alike */
	ck_assert_msg(strlen(text) == len && memcmp(text, file, len) == 0,
	    "built-in %s differs from %s", name, rel);
	ck_assert_msg(formdesc_parse(&a, rel, text, strlen(text), &fb, &e) == 0,
	    "%s", e.msg);
	ck_assert_msg(formdesc_parse(&a, rel, file, len, &ff, &e) == 0, "%s",
	    e.msg);
	ck_assert_uint_eq(fb->n_field, ff->n_field);
	ck_assert_str_eq(fb->title, ff->title);
	for (size_t i = 0; i < fb->n_field; i++) {
		const fd_field *x = &fb->field[i], *y = &ff->field[i];

		ck_assert_str_eq(x->name, y->name);
		ck_assert_str_eq(x->label, y->label);
		ck_assert(same_str(x->label_en, y->label_en));
		ck_assert(same_str(x->help, y->help));
		ck_assert(x->type == y->type && x->width == y->width &&
		    x->height == y->height && x->required == y->required &&
		    x->max_length == y->max_length && x->has_min == y->has_min &&
		    x->min == y->min && x->has_max == y->has_max &&
		    x->max == y->max && x->n_choice == y->n_choice);
	}
	free(file);
	arena_free(&a);
}
END_TEST

START_TEST(test_builtin_fallback)
{
	/* given: no form file anywhere but perhaps an installed copy */
	const char *dir = lktest_tmpdir();
	const char *name = shipped[_i].name;
	char installed[1024];
	form_desc *fd = NULL;
	arena a = { 0 };
	lk_err e = { 0 };

	setenv("LAKIP_DATA_DIR", dir, 1);
	setenv("XDG_CONFIG_HOME", dir, 1);
	snprintf(installed, sizeof installed, "%s/forms/%s.yaml", PKGDATADIR,
	    name);
	/* when */
	ck_assert_msg(formdesc_load(&a, name, &fd, &e) == 0, "%s", e.msg);
	/* then */
	if (access(installed, R_OK) == 0)
		ck_assert_str_eq(fd->file, installed);
	else
		ck_assert_str_eq(fd->file, "(built-in)");
	ck_assert_str_eq(fd->name, name);
	ck_assert_uint_eq(fd->n_field, shipped[_i].n);
	arena_free(&a);
	lktest_rmtree(dir);
}
END_TEST

START_TEST(test_names_have_builtins)
{
	size_t n = 0;

	for (size_t i = 0; formdesc_names[i] != NULL; i++, n++)
		ck_assert_msg(builtin_text(formdesc_names[i]) != NULL, "%s",
		    formdesc_names[i]);
	ck_assert_uint_eq(n, LK_NELEM(shipped));
	for (size_t i = 0; i < LK_NELEM(shipped); i++)
		ck_assert_str_eq(formdesc_names[i], shipped[i].name);
	for (n = 0; formdesc_builtin[n].name != NULL; n++)
		;
	ck_assert_uint_eq(n, LK_NELEM(shipped));
}
END_TEST

START_TEST(test_override)
{
	/* given: the user's copy in $XDG_CONFIG_HOME/lakip/forms */
	const char *dir = lktest_tmpdir();
	char path[1024];
	form_desc *fd = NULL;
	arena a = { 0 };
	lk_err e = { 0 };

	snprintf(path, sizeof path, "%s/lakip", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/lakip/forms", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/lakip/forms/iku.yaml", dir);
	write_file(path, "form: iku\njudul: IKU saya\nfield:\n"
	    "  - {name: kode, label: Kode, width: 8}\n");
	unsetenv("LAKIP_DATA_DIR");
	setenv("XDG_CONFIG_HOME", dir, 1);
	/* when */
	ck_assert_msg(formdesc_load(&a, "iku", &fd, &e) == 0, "%s", e.msg);
	/* then */
	ck_assert_str_eq(fd->file, path);
	ck_assert_str_eq(fd->title, "IKU saya");
	ck_assert_uint_eq(fd->n_field, 1);
	ck_assert_int_eq(fd->field[0].width, 8);

	/* a broken copy is reported with its position, not replaced */
	write_file(path, "form: iku\njudul: IKU saya\nfield:\n"
	    "  - {name: kode, label: Kode, width: 900}\n");
	ck_assert_int_eq(formdesc_load(&a, "iku", &fd, &e), EX_DATAERR);
	ck_assert_msg(strncmp(e.msg, path, strlen(path)) == 0 &&
	    strncmp(e.msg + strlen(path), ":4:38: ", 7) == 0, "%s", e.msg);

	/* a copy of another form under this name */
	write_file(path, "form: program\njudul: X\nfield:\n"
	    "  - {name: kode, label: Kode}\n");
	ck_assert_int_eq(formdesc_load(&a, "iku", &fd, &e), EX_DATAERR);
	ck_assert_msg(strstr(e.msg, ":1:7: ") && strstr(e.msg, "file name"),
	    "%s", e.msg);
	arena_free(&a);
	lktest_rmtree(dir);
}
END_TEST

START_TEST(test_unknown_name)
{
	static const char *const bad[] = {
		"tidakada", "../forms/iku", "../evil", "IKU", "", "iku.yaml",
		"a/b",
	};
	const char *dir = lktest_tmpdir();
	form_desc *fd = (form_desc *)&fd;
	arena a = { 0 };
	char path[1024];

	/* a valid form outside forms/: a name must not reach it */
	snprintf(path, sizeof path, "%s/forms", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/evil.yaml", dir);
	write_file(path, "form: evil\njudul: X\nfield:\n"
	    "  - {name: a, label: A}\n");
	setenv("LAKIP_DATA_DIR", dir, 1);
	setenv("XDG_CONFIG_HOME", dir, 1);
	for (size_t i = 0; i < LK_NELEM(bad); i++) {
		lk_err e = { 0 };

		ck_assert_msg(formdesc_load(&a, bad[i], &fd, &e) == EX_NOINPUT,
		    "\"%s\"", bad[i]);
		ck_assert_msg(e.code == EX_NOINPUT && e.msg[0] != '\0', "%s",
		    bad[i]);
		ck_assert_ptr_eq(fd, (form_desc *)&fd);
	}
	ck_assert_int_eq(formdesc_load(&a, NULL, &fd, NULL), EX_NOINPUT);
	arena_free(&a);
	lktest_rmtree(dir);
}
END_TEST

/* --------------------------------------------------------- bad forms */

#define H "form: bad\njudul: X\nfield:\n"   /* lines 1-3 */
#define F "  - name: a\n    label: A\n"     /* lines 4-5 */

struct bad_case {
	const char *text;
	const char *pos;        /* "LINE:COL" */
	const char *why;        /* part of the message */
};

static const struct bad_case bad_cases[] = {
	{ "", "1:1", "empty file" },
	{ "- a\n", "1:1", "expected a mapping" },
	{ H "  - {name: a, label: A}\nextra: 1\n", "5:1", "unknown key \"extra\"" },
	{ "judul: X\nfield:\n  - {name: a, label: A}\n", "1:1",
	  "missing required key \"form\"" },
	{ "form: ikx\njudul: X\nfield:\n  - {name: a, label: A}\n", "1:7",
	  "does not match the file name" },
	{ "form: [bad]\njudul: X\nfield:\n  - {name: a, label: A}\n", "1:7",
	  "expected a scalar" },
	{ "form: bad\njudul: X\n", "1:1", "missing required key \"field\"" },
	{ "form: bad\njudul: X\nfield: text\n", "3:8", "expected a sequence" },
	{ "form: bad\njudul: X\nfield: []\n", "3:8", "at least one field" },
	{ H "  - name\n", "4:5", "expected a mapping" },
	{ H "  - name: a\n    lable: A\n", "5:5", "unknown key \"lable\"" },
	{ H "  - label: A\n", "4:5", "missing required key \"name\"" },
	{ H "  - name: a\n", "4:5", "missing required key \"label\"" },
	{ H "  - {name: a, label: A}\n  - {name: a, label: B}\n", "5:12",
	  "duplicate field name \"a\" (first at line 4)" },
	{ H F "    type: txt\n", "6:11", "expected text, multiline, decimal" },
	{ H F "    type: decimal\n    min: 10\n    max: 5\n", "7:10",
	  "min (10) is greater than max (5)" },
	{ H F "    type: choice\n", "6:5", "needs a list of \"choices\"" },
	{ H F "    choices: [x]\n", "6:5", "only for choice fields" },
	{ H F "    width: 0\n", "6:12", "integer from 1 to 200" },
	{ H F "    width: 201\n", "6:12", "integer from 1 to 200" },
	{ H F "    width: wide\n", "6:12", "integer from 1 to 200" },
	{ H F "    required: yes\n", "6:15", "expected true or false" },
	{ H F "    type: decimal\n    min: 1,5\n", "7:10", "machine numbers" },
	{ H F "    type: money\n    max: 1.005\n", "7:10", "at most 2 decimals" },
	{ H F "    max_length: -1\n", "6:17", "integer from 1" },
	{ H F "    height: 3\n", "6:5", "only for multiline fields" },
	{ H F "    type: multiline\n    height: 51\n", "7:13",
	  "integer from 1 to 50" },
	{ H F "    type: choice\n    choices:\n      - {label: X}\n", "8:9",
	  "missing required key \"value\"" },
	{ H F "    type: choice\n    choices:\n      - a\n      - A\n", "9:9",
	  "duplicate choice value \"A\"" },
	{ H F "    type: choice\n    choices:\n      - {value: a, lbl: A}\n",
	  "8:20", "unknown key \"lbl\"" },
	{ H F "    type: choice\n    choices: []\n", "7:14", "at least one choice" },
	{ H F "    min: 0\n", "6:5", "only for decimal, money and integer" },
	{ H F "    type: date\n    max_length: 10\n", "7:5",
	  "only for text and multiline" },
	{ "format: lakip-form/2\n" H "  - {name: a, label: A}\n", "1:9",
	  "expected lakip-form/1" },
	{ "form: bad\njudul: \"\"\nfield:\n  - {name: a, label: A}\n", "2:8",
	  "non-empty string" },
	{ H "  - name: a\n    label: \"A\\a\"\n", "5:12",
	  "control characters are not allowed" },
	{ H "  - name: \"  \"\n    label: A\n", "4:11", "non-empty string" },
	{ H F "    help: [a, b]\n", "6:11", "expected a scalar" },
	{ "form: bad\njudul: [\n", "3:1", "" },
	{ H "  - name: a\n    name: b\n    label: A\n", "5:5", "duplicate key" },
};

START_TEST(test_bad_form)
{
	/* given */
	const struct bad_case *c = &bad_cases[_i];
	form_desc *fd = (form_desc *)&fd;
	arena a = { 0 };
	lk_err e = { 0 };
	char prefix[64];
	int rc;

	snprintf(prefix, sizeof prefix, "forms/bad.yaml:%s: ", c->pos);
	/* when */
	rc = formdesc_parse(&a, "forms/bad.yaml", c->text, strlen(c->text), &fd,
	    &e);
	/* then */
	ck_assert_msg(rc == EX_DATAERR, "case %d: rc %d", _i, rc);
	ck_assert_int_eq(e.code, EX_DATAERR);
	ck_assert_msg(strncmp(e.msg, prefix, strlen(prefix)) == 0,
	    "case %d: \"%s\" does not start with \"%s\"", _i, e.msg, prefix);
	ck_assert_msg(strstr(e.msg, c->why) != NULL,
	    "case %d: \"%s\" lacks \"%s\"", _i, e.msg, c->why);
	ck_assert_ptr_eq(fd, (form_desc *)&fd);
	arena_free(&a);
}
END_TEST

START_TEST(test_defaults)
{
	/* given: one field of each type, no widths given */
	static const char text[] =
	    "form: all\njudul: Semua\n"
	    "field:\n"
	    "  - {name: t, label: T}\n"
	    "  - {name: t10, label: T, type: text, max_length: 10}\n"
	    "  - {name: m, label: M, type: multiline}\n"
	    "  - {name: d, label: D, type: decimal, min: \"-1.5\", max: 78.25}\n"
	    "  - {name: u, label: U, type: money, max: 1000.5}\n"
	    "  - {name: i, label: I, type: integer, min: -5}\n"
	    "  - name: c\n"
	    "    label: C\n"
	    "    type: choice\n"
	    "    choices:\n"
	    "      - ya\n"
	    "      - {value: t, label: Tidak sama sekali, label_en: Not at all}\n"
	    "  - {name: tg, label: G, type: date, required: true}\n"
	    "  - {name: n, label: N, type: nip, label_en: N-en, help: h}\n";
	static const struct {
		const char *name;
		enum fd_type type;
		int width, height;
		unsigned line, col;
	} want[] = {
		{ "t", FD_TEXT, 40, 1, 4, 5 }, { "t10", FD_TEXT, 10, 1, 5, 5 },
		{ "m", FD_MULTILINE, 60, 5, 6, 5 },
		{ "d", FD_DECIMAL, 15, 1, 7, 5 }, { "u", FD_MONEY, 20, 1, 8, 5 },
		{ "i", FD_INTEGER, 12, 1, 9, 5 }, { "c", FD_CHOICE, 17, 1, 10, 5 },
		{ "tg", FD_DATE, 18, 1, 16, 5 }, { "n", FD_NIP, 21, 1, 17, 5 },
	};
	form_desc *fd = NULL;
	const fd_field *f;
	arena a = { 0 };
	lk_err e = { 0 };

	/* when: the file name is not *.yaml, so the form name is free */
	ck_assert_msg(formdesc_parse(&a, "test", text, strlen(text), &fd, &e)
	    == 0, "%s", e.msg);
	/* then */
	ck_assert_str_eq(fd->file, "test");
	ck_assert_ptr_null(fd->title_en);
	ck_assert_str_eq(formdesc_title(fd, true), "Semua");
	ck_assert_uint_eq(fd->n_field, LK_NELEM(want));
	for (size_t i = 0; i < LK_NELEM(want); i++) {
		f = &fd->field[i];
		ck_assert_str_eq(f->name, want[i].name);
		ck_assert_msg(f->type == want[i].type, "%s", f->name);
		ck_assert_msg(f->width == want[i].width, "%s: width %d",
		    f->name, f->width);
		ck_assert_int_eq(f->height, want[i].height);
		ck_assert_uint_eq(f->line, want[i].line);
		ck_assert_uint_eq(f->col, want[i].col);
		ck_assert(f->required == (strcmp(f->name, "tg") == 0));
	}
	f = formdesc_field(fd, "d");
	ck_assert(f->has_min && f->min == -15000 && f->has_max &&
	    f->max == 782500);
	f = formdesc_field(fd, "u");
	ck_assert(!f->has_min && f->has_max && f->max == 100050);
	f = formdesc_field(fd, "i");
	ck_assert(f->has_min && f->min == -5 && !f->has_max);
	f = formdesc_field(fd, "t10");
	ck_assert_int_eq(f->max_length, 10);
	f = formdesc_field(fd, "c");
	ck_assert_uint_eq(f->n_choice, 2);
	ck_assert_str_eq(f->choice[0].value, "ya");
	ck_assert_str_eq(f->choice[0].label, "ya");
	ck_assert_ptr_null(f->choice[0].label_en);
	ck_assert_str_eq(fd_choice_label(&f->choice[1], true), "Not at all");
	ck_assert_str_eq(fd_choice_label(&f->choice[1], false),
	    "Tidak sama sekali");
	ck_assert_str_eq(fd_choice_label(&f->choice[0], true), "ya");
	ck_assert_ptr_eq(fd_choice_find(f, "t"), &f->choice[1]);
	ck_assert_ptr_null(fd_choice_find(f, "T"));
	f = formdesc_field(fd, "n");
	ck_assert_str_eq(fd_field_label(f, true), "N-en");
	ck_assert_str_eq(fd_field_label(f, false), "N");
	ck_assert_str_eq(fd_field_help(f, true), "h");
	ck_assert_ptr_null(fd_field_help(formdesc_field(fd, "t"), false));
	ck_assert_ptr_null(formdesc_field(fd, "nope"));
	ck_assert_ptr_null(formdesc_field(fd, NULL));
	arena_free(&a);
}
END_TEST

/* --------------------------------------------------------- validation */

static fd_choice polaritas_choice[] = {
	{ "positif", "Positif (makin tinggi makin baik)",
	  "Positive (higher is better)" },
	{ "negatif", "Negatif (makin rendah makin baik)",
	  "Negative (lower is better)" },
};
static fd_choice tw_choice[] = {
	{ "tw1", "Triwulan I", NULL }, { "tw2", "Triwulan II", NULL },
	{ "tw3", "Triwulan III", NULL }, { "tw4", "Triwulan IV", NULL },
};

enum {
	TXT, TXT_REQ, ML, ML_REQ, ML_10, DEC, DEC_FREE, MONEY, INT, POL, TW,
	DATE, NIP, NIP_REQ,
};

static const fd_field fields[] = {
	[TXT] = { .name = "t", .label = "T", .type = FD_TEXT, .max_length = 5 },
	[TXT_REQ] = { .name = "tr", .label = "T", .type = FD_TEXT,
		      .required = true },
	[ML] = { .name = "m", .label = "M", .type = FD_MULTILINE },
	[ML_REQ] = { .name = "mr", .label = "M", .type = FD_MULTILINE,
		     .required = true },
	[ML_10] = { .name = "m10", .label = "M", .type = FD_MULTILINE,
		    .max_length = 10 },
	[DEC] = { .name = "d", .label = "D", .type = FD_DECIMAL,
		  .has_min = true, .min = 0, .has_max = true,
		  .max = 100 * DEC_NILAI_ONE },
	[DEC_FREE] = { .name = "df", .label = "D", .type = FD_DECIMAL },
	[MONEY] = { .name = "u", .label = "U", .type = FD_MONEY,
		    .has_min = true, .min = 0 },
	[INT] = { .name = "i", .label = "I", .type = FD_INTEGER,
		  .has_min = true, .min = -5, .has_max = true, .max = 3000 },
	[POL] = { .name = "p", .label = "P", .type = FD_CHOICE, .required = true,
		  .choice = polaritas_choice, .n_choice = 2 },
	[TW] = { .name = "w", .label = "W", .type = FD_CHOICE,
		 .choice = tw_choice, .n_choice = 4 },
	[DATE] = { .name = "g", .label = "G", .type = FD_DATE },
	[NIP] = { .name = "n", .label = "N", .type = FD_NIP },
	[NIP_REQ] = { .name = "nr", .label = "N", .type = FD_NIP,
		      .required = true },
};

struct val_case {
	int field;
	const char *in;
	const char *canonical;  /* NULL: must fail */
	const char *display;    /* on success; on failure part of the why */
};

#define POS "Positif (makin tinggi makin baik)"
#define NEG "Negatif (makin rendah makin baik)"

static const struct val_case val_cases[] = {
	/* text: trimmed, characters counted, controls refused */
	{ TXT, "abc", "abc", "abc" },
	{ TXT, "  abc  ", "abc", "abc" },
	{ TXT, "h\xc3\xa9llo", "h\xc3\xa9llo", "h\xc3\xa9llo" },   /* 5 chars, 6 bytes */
	{ TXT, "\xc3\x84\xc3\x96\xc3\x9c\xc3\x9f\xc3\xa9",
	  "\xc3\x84\xc3\x96\xc3\x9c\xc3\x9f\xc3\xa9",
	  "\xc3\x84\xc3\x96\xc3\x9c\xc3\x9f\xc3\xa9" },            /* 5 chars, 10 bytes */
	{ TXT, "h\xc3\xa9llo!", NULL, "at most 5 characters (6 typed)" },
	{ TXT, "abcdef", NULL, "at most 5 characters" },
	{ TXT, "a\tb", NULL, "tabs are not allowed" },
	{ TXT, "a\nb", NULL, "line breaks are not allowed" },
	{ TXT, "a\x1b[2J", NULL, "control characters" },
	{ TXT, "a\xc2\x85", NULL, "control characters" },          /* C1 NEL */
	{ TXT, "a\x7f", NULL, "control characters" },
	{ TXT, "\xff", NULL, "UTF-8" },
	{ TXT, "\xc0\xaf", NULL, "UTF-8" },                        /* overlong */
	{ TXT, "a\xe0\x80\xaf", NULL, "UTF-8" },                   /* overlong */
	{ TXT, "a\xed\xa0\x80", NULL, "UTF-8" },                   /* surrogate */
	{ TXT, "a\xf4\x90\x80\x80", NULL, "UTF-8" },              /* > U+10FFFF */
	{ TXT, "\xf0\x9f\x98\x80ok", "\xf0\x9f\x98\x80ok",
	  "\xf0\x9f\x98\x80ok" },                                 /* 4 bytes */
	{ TXT, "", "", "" },
	{ TXT, "   ", "", "" },
	{ TXT_REQ, "", NULL, "required" },
	{ TXT_REQ, "   ", NULL, "required" },
	{ TXT_REQ, NULL, NULL, "required" },
	{ TXT_REQ, "Dr. H.M. KATMA F. DIRUN, S.E., M.M.",
	  "Dr. H.M. KATMA F. DIRUN, S.E., M.M.",
	  "Dr. H.M. KATMA F. DIRUN, S.E., M.M." },
	/* multiline: line breaks kept, trailing spaces and lines dropped */
	{ ML, "baris 1\nbaris 2", "baris 1\nbaris 2", "baris 1\nbaris 2" },
	{ ML, "a  \nb\t \n\n\n", "a\nb", "a\nb" },
	{ ML, "a\r\nb\r\n", "a\nb", "a\nb" },
	{ ML, "\tindent", " indent", " indent" },
	{ ML, "\n\n  \nteks\n", "teks", "teks" },
	{ ML, "a\n\nb", "a\n\nb", "a\n\nb" },
	{ ML, "- satu\n- dua \xe2\x80\x93 tiga", "- satu\n- dua \xe2\x80\x93 tiga",
	  "- satu\n- dua \xe2\x80\x93 tiga" },
	{ ML, "a\x07" "b", NULL, "control characters" },
	{ ML, "a\rb", NULL, "control characters" },
	{ ML, "a\n\xe2\x82", NULL, "UTF-8" },
	{ ML, " \n\t\n", "", "" },
	{ ML_REQ, "\n \n\t\n", NULL, "required" },
	{ ML_10, "0123456789\n\n", "0123456789", "0123456789" },
	{ ML_10, "01234\n5678", "01234\n5678", "01234\n5678" },  /* 10 with \n */
	{ ML_10, "0123456789a", NULL, "at most 10 characters (11 typed)" },
	/* decimal 0..100 */
	{ DEC, "78,50", "78.5", "78,50" },
	{ DEC, "78.5", "78.5", "78,50" },
	{ DEC, " 100 ", "100", "100" },
	{ DEC, "0", "0", "0" },
	{ DEC, "0,1234", "0.1234", "0,1234" },
	{ DEC, "", "", "" },
	{ DEC, "0,12345", NULL, "too many decimal places (at most 4)" },
	{ DEC, "abc", NULL, "not a number: use a comma for decimals: 78,50" },
	{ DEC, "100,01", NULL, "must be at most 100" },
	{ DEC, "-1", NULL, "must be at least 0" },
	{ DEC, "Rp 5", NULL, "\"Rp\" is not allowed" },
	{ DEC, "1 000", NULL, "a space inside a number" },
	{ DEC, "78,5,0", NULL, "more than one decimal comma" },
	/* decimal without bounds */
	{ DEC_FREE, "1.234,5", "1234.5", "1.234,50" },
	{ DEC_FREE, "-3,5", "-3.5", "-3,50" },
	{ DEC_FREE, "12.345.678", "12345678", "12.345.678" },
	{ DEC_FREE, "1234.567", NULL, "ambiguous dot" },
	{ DEC_FREE, "1,234.5", NULL, "a dot cannot follow" },
	/* money */
	{ MONEY, "Rp 11.393.254.909", "11393254909", "11.393.254.909" },
	{ MONEY, "11393254909", "11393254909", "11.393.254.909" },
	{ MONEY, "rp. 5.000,50", "5000.5", "5.000,50" },
	{ MONEY, "Rp11.393.254.909,50", "11393254909.5", "11.393.254.909,50" },
	{ MONEY, "0", "0", "0" },
	{ MONEY, "5.000,505", NULL, "too many decimal places (at most 2)" },
	{ MONEY, "-Rp 5.000", NULL, "must be at least 0" },
	{ MONEY, "lima ribu", NULL, "such as 11.393.254.909" },
	{ MONEY, "99999999999999999999", NULL, "number too large" },
	/* integer -5..3000 */
	{ INT, "1.250", "1250", "1250" },
	{ INT, "2023", "2023", "2023" },
	{ INT, "-5", "-5", "-5" },
	{ INT, " 0 ", "0", "0" },
	{ INT, "-6", NULL, "must be at least -5" },
	{ INT, "3.001", NULL, "must be at most 3000" },
	{ INT, "12,5", NULL, "a whole number is needed" },
	{ INT, "12.5", NULL, "a whole number is needed" },
	{ INT, "x", NULL, "whole number such as 1250" },
	{ INT, "Rp 5", NULL, "\"Rp\" is not allowed" },
	/* choice */
	{ POL, "positif", "positif", POS },
	{ POL, "NEGATIF", "negatif", NEG },
	{ POL, "  Positif (makin tinggi makin baik) ", "positif", POS },
	{ POL, "positive (HIGHER is better)", "positif", POS },
	{ POL, "neg", "negatif", NEG },
	{ POL, "Negative (lower", "negatif", NEG },
	{ POL, "n", "negatif", NEG },
	{ POL, "x", NULL, "choose one of: positif, negatif" },
	{ POL, "positiff", NULL, "choose one of" },
	{ POL, "", NULL, "required" },
	{ TW, "triwulan i", "tw1", "Triwulan I" },
	{ TW, "Triwulan II", "tw2", "Triwulan II" },
	{ TW, "Triwulan", NULL, "more than one choice: tw1, tw2, tw3, tw4" },
	{ TW, "tw3", "tw3", "Triwulan III" },
	{ TW, "", "", "" },
	/* date */
	{ DATE, "14-07-2023", "2023-07-14", "14-07-2023" },
	{ DATE, "14/07/2023", "2023-07-14", "14-07-2023" },
	{ DATE, "14.07.2023", "2023-07-14", "14-07-2023" },
	{ DATE, "2023-07-14", "2023-07-14", "14-07-2023" },
	{ DATE, "2023/07/14", "2023-07-14", "14-07-2023" },
	{ DATE, "14 Juli 2023", "2023-07-14", "14-07-2023" },
	{ DATE, " 14  JULI  2023 ", "2023-07-14", "14-07-2023" },
	{ DATE, "1-7-2023", "2023-07-01", "01-07-2023" },
	{ DATE, "29 Februari 2024", "2024-02-29", "29-02-2024" },
	{ DATE, "17 Agustus 1945", "1945-08-17", "17-08-1945" },
	{ DATE, "10 Nop. 2023", "2023-11-10", "10-11-2023" },
	{ DATE, "31 des 2023", "2023-12-31", "31-12-2023" },
	{ DATE, "5 May 2023", "2023-05-05", "05-05-2023" },
	{ DATE, "29-02-2023", NULL, "29-02-2023 is not a real date" },
	{ DATE, "31 April 2023", NULL, "31-04-2023 is not a real date" },
	{ DATE, "00-07-2023", NULL, "not a real date" },
	{ DATE, "14 Juky 2023", NULL, "unknown month \"Juky\"" },
	{ DATE, "14-07-23", NULL, "a date such as 14-07-2023" },
	{ DATE, "14-07/2023", NULL, "a date such as 14-07-2023" },
	{ DATE, "2023.07.14", NULL, "a date such as 14-07-2023" },
	{ DATE, "14 Juli2023", NULL, "a date such as 14-07-2023" },
	{ DATE, "besok", NULL, "a date such as 14-07-2023" },
	{ DATE, "14-13-2023", NULL, "month must be between 1 and 12" },
	{ DATE, "14-07-1899", NULL, "year must be between 1900 and 2099" },
	/* NIP */
	{ NIP, "19661022 199308 1 001", "196610221993081001",
	  "19661022 199308 1 001" },
	{ NIP, "196610221993081001", "196610221993081001",
	  "19661022 199308 1 001" },
	{ NIP, " 19661022199308 1001 ", "196610221993081001",
	  "19661022 199308 1 001" },
	{ NIP, "1966102219930810", NULL, "fewer than 18 digits" },
	{ NIP, "196613221993081001", NULL, "not a real date" },
	{ NIP, "19661022-199308-1-001", NULL, "only digits" },
	{ NIP, "", "", "" },
	{ NIP_REQ, "  ", NULL, "required" },
};

START_TEST(test_validate)
{
	/* given */
	const struct val_case *c = &val_cases[_i];
	const fd_field *f = &fields[c->field];
	char *canonical = (char *)"untouched", *display = (char *)"untouched";
	const char *why = NULL;
	arena a = { 0 };
	int rc;

	/* when */
	rc = fd_validate(&a, f, c->in, &canonical, &display, &why);
	/* then */
	if (c->canonical != NULL) {
		ck_assert_msg(rc == 0, "case %d \"%s\": %s", _i,
		    c->in ? c->in : "(null)", why ? why : "");
		ck_assert_str_eq(canonical, c->canonical);
		ck_assert_str_eq(display, c->display);
		/* the stored value shows as validation showed it */
		ck_assert_str_eq(fd_display(&a, f, canonical), c->display);
	} else {
		ck_assert_msg(rc == EX_DATAERR, "case %d \"%s\": accepted as "
		    "\"%s\"", _i, c->in ? c->in : "(null)", canonical);
		ck_assert_ptr_nonnull(why);
		ck_assert_msg(strstr(why, c->display) != NULL,
		    "case %d \"%s\": \"%s\" lacks \"%s\"", _i,
		    c->in ? c->in : "(null)", why, c->display);
		ck_assert_str_eq(canonical, "untouched");
		ck_assert_str_eq(display, "untouched");
	}
	arena_free(&a);
}
END_TEST

START_TEST(test_validate_null_outputs)
{
	arena a = { 0 };

	ck_assert_int_eq(fd_validate(&a, &fields[DEC], "78,5", NULL, NULL, NULL),
	    0);
	ck_assert_int_eq(fd_validate(&a, &fields[DEC], "x", NULL, NULL, NULL),
	    EX_DATAERR);
	arena_free(&a);
}
END_TEST

/* Whole messages: specific, and no hint where it would mislead. */
START_TEST(test_messages)
{
	static const struct {
		int field;
		const char *in, *why;
	} cases[] = {
		{ DEC, "abc", "not a number: use a comma for decimals: 78,50" },
		{ DEC, "Rp 5", "\"Rp\" is not allowed here" },
		{ DEC, "0,12345", "too many decimal places (at most 4)" },
		{ DEC, "100,5", "must be at most 100" },
		{ DEC, "-0,5", "must be at least 0" },
		{ MONEY, "-1", "must be at least 0" },
		{ INT, "3.500", "must be at most 3000" },
		{ INT, "1,5", "a whole number is needed, without decimals" },
		{ TXT_REQ, "", "this field is required" },
		{ DATE, "14-07-23", "not a date: write a date such as 14-07-2023" },
		{ NIP, "123", "NIP has fewer than 18 digits" },
	};
	for (size_t i = 0; i < LK_NELEM(cases); i++) {
		arena a = { 0 };
		const char *why = NULL;

		ck_assert_int_eq(fd_validate(&a, &fields[cases[i].field],
		    cases[i].in, NULL, NULL, &why), EX_DATAERR);
		ck_assert_str_eq(why, cases[i].why);
		arena_free(&a);
	}
}
END_TEST

struct disp_case {
	int field;
	const char *canonical;
	const char *display;
};

static const struct disp_case disp_cases[] = {
	{ DEC, "78.5", "78,50" },
	{ DEC, "1234.5678", "1.234,5678" },
	{ DEC, "200", "200" },
	{ DEC, "78,5", "78,5" },                    /* not canonical: as is */
	{ MONEY, "28309433559", "28.309.433.559" },
	{ MONEY, "0.5", "0,50" },
	{ MONEY, "abc", "abc" },
	{ INT, "2023", "2023" },
	{ POL, "negatif", NEG },
	{ POL, "lain", "lain" },
	{ TW, "tw4", "Triwulan IV" },
	{ DATE, "2023-07-14", "14-07-2023" },
	{ DATE, "2023-02-30", "2023-02-30" },
	{ DATE, "-023-07-14", "-023-07-14" },
	{ DATE, "14-07-2023", "14-07-2023" },
	{ NIP, "196610221993081001", "19661022 199308 1 001" },
	{ NIP, "12345", "12345" },
	{ TXT, "teks", "teks" },
	{ ML, "a\nb", "a\nb" },
	{ DEC, "", "" },
	{ DATE, NULL, "" },
};

START_TEST(test_display)
{
	const struct disp_case *c = &disp_cases[_i];
	arena a = { 0 };

	ck_assert_str_eq(fd_display(&a, &fields[c->field], c->canonical),
	    c->display);
	arena_free(&a);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("formdesc");
	TCase *tc;

	tc = tcase_create("shipped");
	tcase_add_loop_test(tc, test_shipped_file, 0, (int)LK_NELEM(shipped));
	tcase_add_loop_test(tc, test_shipped_builtin_equal, 0,
	    (int)LK_NELEM(shipped));
	tcase_add_loop_test(tc, test_builtin_fallback, 0,
	    (int)LK_NELEM(shipped));
	tcase_add_test(tc, test_names_have_builtins);
	tcase_add_test(tc, test_override);
	tcase_add_test(tc, test_unknown_name);
	suite_add_tcase(s, tc);

	tc = tcase_create("loader");
	tcase_add_loop_test(tc, test_bad_form, 0, (int)LK_NELEM(bad_cases));
	tcase_add_test(tc, test_defaults);
	suite_add_tcase(s, tc);

	tc = tcase_create("validate");
	tcase_add_loop_test(tc, test_validate, 0, (int)LK_NELEM(val_cases));
	tcase_add_test(tc, test_validate_null_outputs);
	tcase_add_test(tc, test_messages);
	tcase_add_loop_test(tc, test_display, 0, (int)LK_NELEM(disp_cases));
	suite_add_tcase(s, tc);
	return s;
}
