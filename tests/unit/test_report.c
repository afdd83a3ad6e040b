/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_report.c - the report builder: template, markup, words, and the
 * document built from the fixture. */
#include "config.h"
#include "lktest.h"

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/kinerja.h"
#include "core/predikat.h"
#include "core/tahunan.h"
#include "io/exchange.h"
#include "report/build.h"
#include "report/doc.h"
#include "report/markup.h"
#include "report/template.h"

#define FIXTURE "examples/kesbangpol-kalteng-2023.yaml"

/* ==== helpers ==== */

static char *
text_of(doc *d, const doc_text *t)
{
	return doc_text_str(d, t);
}

static const doc_section *
section(const doc *d, const char *name)
{
	for (size_t i = 0; i < d->n_section; i++)
		if (strcmp(d->section[i].name, name) == 0)
			return &d->section[i];
	return NULL;
}

/* The nth block of type t in a section, or NULL. */
static const doc_block *
nth_block(const doc_section *s, enum doc_block_type t, size_t nth)
{
	for (size_t i = 0; s != NULL && i < s->n_block; i++)
		if (s->block[i].type == t && nth-- == 0)
			return &s->block[i];
	return NULL;
}

static size_t
count_blocks(const doc_section *s, enum doc_block_type t)
{
	size_t n = 0;

	for (size_t i = 0; s != NULL && i < s->n_block; i++)
		n += s->block[i].type == t;
	return n;
}

/* Does some paragraph, item or heading of s contain frag? */
static bool
section_has(doc *d, const doc_section *s, const char *frag)
{
	for (size_t i = 0; s != NULL && i < s->n_block; i++) {
		const doc_block *b = &s->block[i];

		if ((b->type == DOC_PARA || b->type == DOC_ITEM ||
		    b->type == DOC_HEADING) &&
		    strstr(text_of(d, &b->text), frag) != NULL)
			return true;
	}
	return false;
}

static bool
warned(const char **w, const char *frag)
{
	for (; w != NULL && *w != NULL; w++)
		if (strstr(*w, frag) != NULL)
			return true;
	return false;
}

static const char *
cell(doc *d, const doc_row *r, size_t i)
{
	ck_assert_msg(i < r->n_cell, "cell %zu of a row of %zu", i, r->n_cell);
	return text_of(d, &r->cell[i].text);
}

/* ==== template ==== */

START_TEST(test_default_template)
{
	tmpl *t = NULL;
	lk_err e = { 0, "" };

	ck_assert_msg(tmpl_load("laporan", &t, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(t->jenis, TD_LAPORAN);
	for (int i = 0; i < TT_N; i++)
		ck_assert_msg((t->teks[i] != NULL) ==
		    (tmpl_teks_dokumen((enum tmpl_teks_id)i) == TD_LAPORAN),
		    "text %s", tmpl_teks_nama((enum tmpl_teks_id)i));
	ck_assert_int_eq(t->lebar, 21000);
	ck_assert_int_eq(t->tinggi, 29700);
	ck_assert_int_eq(t->margin_kiri, 3000);
	ck_assert_int_eq(t->spasi, 150);
	ck_assert(t->lampiran_landscape);
	ck_assert_uint_eq(t->n_urutan, TB_LAMPIRAN + 1);
	ck_assert_ptr_nonnull(strstr(t->font.regular, "LiberationSerif-Regular.ttf"));
	ck_assert_ptr_nonnull(strstr(t->teks[TT_KATA_PENGANTAR], "Nomor 29 Tahun 2014"));
	ck_assert_ptr_nonnull(strstr(t->teks[TT_KATA_PENGANTAR], "Nomor 53 Tahun 2014"));
	ck_assert_str_eq(t->teks[TT_KOLOM_REALISASI], "Realisasi s.d. TW {triwulan}");
	/* the bands are the caller's: none read with the template, the
	 * installed table only when asked for */
	ck_assert_uint_eq(t->predikat.n, 0);
	ck_assert_msg(tmpl_load_predikat(t, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(t->predikat.n, 5);
	tmpl_free(t);
}
END_TEST

/* The annual report's template: kind lkjip, its texts only, its nine
 * parts in order; a text of another kind is refused. */
START_TEST(test_lkjip_template)
{
	static const enum tmpl_bagian want[] = { TB_LK_SAMPUL,
		TB_LK_KATA_PENGANTAR, TB_LK_IKHTISAR, TB_LK_DAFTAR_ISI,
		TB_LK_BAB1, TB_LK_BAB2, TB_LK_BAB3, TB_LK_BAB4, TB_LK_LAMPIRAN };
	static const char other_text[] = "jenis: lkjip\nteks:\n"
	    "  pk_judul: x\n";
	static const char other_part[] = "jenis: lkjip\n"
	    "urutan: [sampul, naskah]\nteks: {}\n";
	tmpl *t = NULL;
	lk_err e = { 0, "" };

	ck_assert_msg(tmpl_load("lkjip", &t, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(t->jenis, TD_LKJIP);
	for (int i = 0; i < TT_N; i++)
		ck_assert_msg((t->teks[i] != NULL) ==
		    (tmpl_teks_dokumen((enum tmpl_teks_id)i) == TD_LKJIP),
		    "text %s", tmpl_teks_nama((enum tmpl_teks_id)i));
	ck_assert_uint_eq(t->n_urutan, LK_NELEM(want));
	for (size_t i = 0; i < LK_NELEM(want); i++)
		ck_assert_int_eq(t->urutan[i], want[i]);
	ck_assert_str_eq(tmpl_dokumen_nama(TD_LKJIP), "lkjip");
	tmpl_free(t);
	ck_assert_int_eq(tmpl_load_buffer("t.yaml", other_text,
	    strlen(other_text), &t, &e), EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "t.yaml:3:3:") != NULL &&
	    strstr(e.msg, "a text of a perjanjian template") != NULL, "%s",
	    e.msg);
	ck_assert_int_eq(tmpl_load_buffer("t.yaml", other_part,
	    strlen(other_part), &t, &e), EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "t.yaml:2:18:") != NULL &&
	    strstr(e.msg, "naskah") != NULL, "%s", e.msg);
}
END_TEST

/* The agreement's template: kind perjanjian, its texts only, its parts
 * in order; a text or a part of the other kind is refused. */
START_TEST(test_perjanjian_template)
{
	static const char other_text[] = "jenis: perjanjian\nteks:\n"
	    "  kata_pengantar: x\n";
	static const char other_part[] = "jenis: perjanjian\n"
	    "urutan: [naskah, bab1]\nteks: {}\n";
	static const char bad_kind[] = "jenis: lkjp\nteks: {}\n";
	tmpl *t = NULL;
	lk_err e = { 0, "" };

	ck_assert_msg(tmpl_load("perjanjian", &t, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(t->jenis, TD_PERJANJIAN);
	for (int i = 0; i < TT_N; i++)
		ck_assert_msg((t->teks[i] != NULL) ==
		    (tmpl_teks_dokumen((enum tmpl_teks_id)i) == TD_PERJANJIAN),
		    "text %s", tmpl_teks_nama((enum tmpl_teks_id)i));
	ck_assert_uint_eq(t->n_urutan, 2);
	ck_assert_int_eq(t->urutan[0], TB_PK_NASKAH);
	ck_assert_int_eq(t->urutan[1], TB_PK_LAMPIRAN);
	ck_assert_str_eq(t->teks[TT_PK_KOLOM_TARGET_TW], "TW {tw}");
	tmpl_free(t);
	ck_assert_int_eq(tmpl_load_buffer("t.yaml", other_text,
	    strlen(other_text), &t, &e), EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "t.yaml:3:3:") != NULL &&
	    strstr(e.msg, "a text of a laporan template") != NULL, "%s", e.msg);
	ck_assert_int_eq(tmpl_load_buffer("t.yaml", other_part,
	    strlen(other_part), &t, &e), EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "t.yaml:2:18:") != NULL &&
	    strstr(e.msg, "naskah or lampiran") != NULL, "%s", e.msg);
	ck_assert_int_eq(tmpl_load_buffer("t.yaml", bad_kind,
	    strlen(bad_kind), &t, &e), EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "t.yaml:1:8:") != NULL, "%s", e.msg);
}
END_TEST

/* A name is templates/NAME.yaml from the data directories: the user's
 * copy under $XDG_CONFIG_HOME wins over the installed one. */
/* A user's copy in ~/.config/lakip/templates changes no official document:
 * by name, only the installed template (and $LAKIP_DATA_DIR) count; a
 * template file is used only when named as a file. */
START_TEST(test_template_user_override)
{
	const char *dir = lktest_tmpdir();
	char path[4096], cmd[16384];
	tmpl *t = NULL;
	lk_err e = { 0, "" };

	snprintf(path, sizeof path, "%s/lakip/templates", dir);
	snprintf(cmd, sizeof cmd, "mkdir -p '%s' && sed "
	    "'s/^  judul_bab1: .*/  judul_bab1: BAB I CAPAIAN/' '%s' > "
	    "'%s/laporan.yaml'", path, lktest_path("templates/laporan.yaml"),
	    path);
	ck_assert_int_eq(system(cmd), 0);
	setenv("XDG_CONFIG_HOME", dir, 1);
	ck_assert_msg(tmpl_load("laporan", &t, &e) == 0, "%s", e.msg);
	ck_assert_str_ne(t->teks[TT_JUDUL_BAB1], "BAB I CAPAIAN");
	ck_assert_ptr_null(strstr(t->file, dir));
	tmpl_free(t);
	/* A value with '/' or ending in .yaml is a path. */
	snprintf(path, sizeof path, "%s/lakip/templates/laporan.yaml", dir);
	ck_assert_msg(tmpl_load(path, &t, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(t->teks[TT_JUDUL_BAB1], "BAB I CAPAIAN");
	tmpl_free(t);
	ck_assert_int_eq(tmpl_load("tidak-ada", &t, &e), EX_NOINPUT);
	ck_assert_ptr_nonnull(strstr(e.msg, "templates/tidak-ada.yaml"));
	ck_assert_int_eq(tmpl_load("/nonexistent/x.yaml", &t, &e), EX_NOINPUT);
	lktest_rmtree(dir);
	/* Without fork mode the tests share the environment. */
	unsetenv("XDG_CONFIG_HOME");
}
END_TEST

struct bad_case {
	const char *yaml;
	int code;
	const char *prefix;
	const char *frag;
};

static const struct bad_case bad_cases[] = {
	/* unknown keys */
	{ "kertaz:\n  ukuran: A4\nteks: {}\n", EX_DATAERR, "t.yaml:1:1: ",
	  "unknown key \"kertaz\"" },
	{ "kertas:\n  ukuran: A4\n  warna: merah\nteks: {}\n", EX_DATAERR,
	  "t.yaml:3:3: ", "unknown key \"warna\"" },
	{ "teks:\n  kata_pengatar: x\n", EX_DATAERR, "t.yaml:2:3: ",
	  "unknown text \"kata_pengatar\"" },
	/* page size */
	{ "kertas:\n  ukuran: A5\nteks: {}\n", EX_DATAERR, "t.yaml:2:11: ",
	  "unknown paper size \"A5\"" },
	{ "kertas:\n  lebar: 215\nteks: {}\n", EX_DATAERR, "t.yaml:2:10: ",
	  "lebar and tinggi go together" },
	{ "kertas:\n  lebar: 330\n  tinggi: 215\nteks: {}\n", EX_DATAERR,
	  "t.yaml:2:10: ", "upright" },
	{ "kertas:\n  lebar: 10\n  tinggi: 215\nteks: {}\n", EX_DATAERR,
	  "t.yaml:2:10: ", "out of range" },
	{ "kertas:\n  ukuran: F4\n  tinggi: 300\nteks: {}\n", EX_DATAERR,
	  "t.yaml:3:11: ", "either ukuran" },
	{ "kertas:\n  orientasi_lampiran: miring\nteks: {}\n", EX_DATAERR,
	  "t.yaml:2:23: ", "portrait or landscape" },
	/* margins and numbers */
	{ "kertas:\n  margin:\n    kiri: 3,5\nteks: {}\n", EX_DATAERR,
	  "t.yaml:3:11: ", "kertas.margin.kiri" },
	{ "kertas:\n  margin:\n    kiri: tiga\nteks: {}\n", EX_DATAERR,
	  "t.yaml:3:11: ", "expected a number" },
	{ "kertas:\n  margin:\n    atas: -5\nteks: {}\n", EX_DATAERR,
	  "t.yaml:3:11: ", "kertas.margin.atas" },
	{ "kertas:\n  margin:\n    kiri: 100\n    kanan: 80\nteks: {}\n",
	  EX_DATAERR, "t.yaml:3:5: ", "40 mm" },
	{ "huruf:\n  spasi: 1,5\nteks: {}\n", EX_DATAERR, "t.yaml:2:10: ",
	  "huruf.spasi" },
	{ "huruf:\n  ukuran: 100\nteks: {}\n", EX_DATAERR, "t.yaml:2:11: ",
	  "out of range" },
	/* fonts */
	{ "huruf:\n  biasa: /nonexistent/Serif.ttf\nteks: {}\n", EX_NOINPUT,
	  "t.yaml:2:10: ", "/nonexistent/Serif.ttf" },
	{ "huruf:\n  direktori: /nonexistent\nteks: {}\n", EX_NOINPUT,
	  "t.yaml:2:14: ", "fonts-liberation2" },
	/* order */
	{ "urutan: [sampul, bab4]\nteks: {}\n", EX_DATAERR, "t.yaml:1:18: ",
	  "unknown part \"bab4\"" },
	{ "urutan: [bab1, bab2, bab1]\nteks: {}\n", EX_DATAERR,
	  "t.yaml:1:22: ", "listed twice" },
	{ "urutan: []\nteks: {}\n", EX_DATAERR, "t.yaml:1:9: ", "at least one" },
	/* placeholders */
	{ "teks:\n  judul_bab1: BAB I {bab}\n", EX_DATAERR, "t.yaml:2:21: ",
	  "unknown placeholder {bab}" },
	{ "teks:\n  judul_bab1: \"{predikat}\"\n", EX_DATAERR, "t.yaml:2:16: ",
	  "unknown placeholder {predikat}" },
	{ "teks:\n  kata_pengantar: |\n    Baris {tahun} satu.\n"
	  "    Baris {dua} ini, {dua}.\n", EX_DATAERR, "t.yaml:4:11: ",
	  "{dua}" },
	{ "teks:\n  judul_bab1: \"x {tahun\"\n", EX_DATAERR, "t.yaml:2:18: ",
	  "unclosed {" },
	{ "teks:\n  judul_bab1: \"{Tahun}\"\n", EX_DATAERR, "t.yaml:2:16: ",
	  "lower case" },
	/* texts and format */
	{ "teks:\n  judul_bab1: X\n", EX_DATAERR, "t.yaml:2:3: ",
	  "missing text \"sampul_pemerintah\"" },
	{ "format: lakip-template/2\nteks: {}\n", EX_DATAERR, "t.yaml:1:9: ",
	  "lakip-template/1" },
	{ "kertas:\n  ukuran: A4\n", EX_DATAERR, "t.yaml:1:1: ",
	  "missing required key \"teks\"" },
	{ "teks: [a, b]\n", EX_DATAERR, "t.yaml:1:7: ", "teks" },
};

START_TEST(test_bad_template)
{
	const struct bad_case *c = &bad_cases[_i];
	tmpl *t = NULL;
	lk_err e = { 0, "" };
	int rc = tmpl_load_buffer("t.yaml", c->yaml, strlen(c->yaml), &t, &e);

	ck_assert_msg(rc == c->code, "case %d: rc %d, want %d (%s)", _i, rc,
	    c->code, e.msg);
	ck_assert_ptr_null(t);
	ck_assert_msg(strncmp(e.msg, c->prefix, strlen(c->prefix)) == 0,
	    "case %d: want prefix \"%s\", got \"%s\"", _i, c->prefix, e.msg);
	ck_assert_msg(strstr(e.msg, c->frag) != NULL,
	    "case %d: want \"%s\" in \"%s\"", _i, c->frag, e.msg);
}
END_TEST

/* Every text is checked: a template of all texts, one of them with an
 * unknown placeholder, fails at that placeholder's line and column; with
 * none bad, it loads. */
START_TEST(test_every_text_checked)
{
	for (int bad = -1; bad < TT_N; bad++) {
		if (bad >= 0 && tmpl_teks_dokumen((enum tmpl_teks_id)bad) !=
		    TD_LAPORAN)
			continue;
		static char buf[16384];
		size_t at = 0;
		tmpl *t = NULL;
		lk_err e = { 0, "" };
		char want[64];
		int rc;

		at += (size_t)snprintf(buf + at, sizeof buf - at, "teks:\n");
		for (int id = 0; id < TT_N; id++)
			if (tmpl_teks_dokumen((enum tmpl_teks_id)id) == TD_LAPORAN)
				at += (size_t)snprintf(buf + at, sizeof buf - at,
				    "  %s: %s\n",
				    tmpl_teks_nama((enum tmpl_teks_id)id),
				    id == bad ? "a {nonsens}" : "x");
		ck_assert_uint_lt(at, sizeof buf - 1);
		rc = tmpl_load_buffer("t.yaml", buf, at, &t, &e);
		if (bad < 0) {
			ck_assert_msg(rc == 0, "%s", e.msg);
			tmpl_free(t);
			continue;
		}
		ck_assert_int_eq(rc, EX_DATAERR);
		snprintf(want, sizeof want, "t.yaml:%d:%zu: teks.%s: ", bad + 2,
		    strlen(tmpl_teks_nama((enum tmpl_teks_id)bad)) + 7,
		    tmpl_teks_nama((enum tmpl_teks_id)bad));
		ck_assert_msg(strncmp(e.msg, want, strlen(want)) == 0,
		    "want %s, got %s", want, e.msg);
		ck_assert_ptr_nonnull(strstr(e.msg, "{nonsens}"));
	}
}
END_TEST

/* A template written before sampul_versi existed (an agency's stored
 * copy) still loads: the text comes from the installed template. */
START_TEST(test_text_added_later)
{
	static char buf[16384];
	size_t at = 0;
	tmpl *t = NULL, *inst = NULL;
	lk_err e = { 0, "" };

	at += (size_t)snprintf(buf + at, sizeof buf - at, "teks:\n");
	for (int id = 0; id < TT_N; id++)
		if (tmpl_teks_dokumen((enum tmpl_teks_id)id) == TD_LAPORAN &&
		    id != TT_SAMPUL_VERSI && id != TT_GRAFIK_TW_JUDUL &&
		    id != TT_LAMPIRAN_GRAFIK_TW_JUDUL &&
		    id != TT_GRAFIK_TW_REALISASI && id != TT_GRAFIK_TW_TARGET)
			at += (size_t)snprintf(buf + at, sizeof buf - at,
			    "  %s: x\n", tmpl_teks_nama((enum tmpl_teks_id)id));
	ck_assert_msg(tmpl_load_buffer("lama.yaml", buf, at, &t, &e) == 0, "%s",
	    e.msg);
	ck_assert_int_eq(tmpl_load("laporan", &inst, &e), 0);
	ck_assert_str_eq(t->teks[TT_SAMPUL_VERSI], inst->teks[TT_SAMPUL_VERSI]);
	ck_assert_ptr_nonnull(strstr(t->teks[TT_SAMPUL_VERSI], "{versi}"));
	ck_assert_str_eq(t->teks[TT_GRAFIK_TW_JUDUL],
	    inst->teks[TT_GRAFIK_TW_JUDUL]);
	ck_assert_str_eq(t->teks[TT_GRAFIK_TW_TARGET],
	    inst->teks[TT_GRAFIK_TW_TARGET]);
	ck_assert_str_eq(t->teks[TT_LAMPIRAN_GRAFIK_TW_JUDUL],
	    inst->teks[TT_LAMPIRAN_GRAFIK_TW_JUDUL]);
	tmpl_free(t);
	tmpl_free(inst);
}
END_TEST

/* lakip-template(5) names every text and every placeholder. */
START_TEST(test_man_page)
{
	FILE *f = fopen(lktest_path("man/lakip-template.5"), "r");
	static char man[131072];
	size_t n;

	ck_assert_ptr_nonnull(f);
	n = fread(man, 1, sizeof man - 1, f);
	fclose(f);
	man[n] = '\0';
	for (int id = 0; id < TT_N; id++) {
		const char *name = tmpl_teks_nama((enum tmpl_teks_id)id);
		const char *w = tmpl_teks_lokal((enum tmpl_teks_id)id);

		ck_assert_msg(strstr(man, name) != NULL, "%s not in the man page",
		    name);
		/* Its own placeholders are listed too. */
		while (*w) {
			size_t len = strcspn(w, " ");
			char ph[64];

			snprintf(ph, sizeof ph, "{%.*s}", (int)len, w);
			ck_assert_msg(strstr(man, ph) != NULL,
			    "%s of %s not in the man page", ph, name);
			w += len;
			w += strspn(w, " ");
		}
	}
	for (int i = 0; i < TP_N; i++) {
		char ph[64];

		snprintf(ph, sizeof ph, "{%s}", tmpl_umum_nama((enum tmpl_umum_id)i));
		ck_assert_msg(strstr(man, ph) != NULL, "%s not in the man page", ph);
	}
	for (int b = 0; b < TB_N; b++)
		ck_assert(strstr(man, tmpl_bagian_nama((enum tmpl_bagian)b)) != NULL);
}
END_TEST

struct isi_case {
	const char *text;
	const char *want;    /* NULL: fails */
	const char *bad;
};

static const struct isi_case isi_cases[] = {
	{ "TAHUN {tahun}", "TAHUN 2023", NULL },
	{ "{kota}, {tanggal}", "Palangka Raya, 14 Juli 2023", NULL },
	{ "{{tahun}} {tahun}", "{tahun} 2023", NULL },
	{ "a } b }} c", "a } b } c", NULL },
	{ "", "", NULL },
	{ "{kosong}", "", NULL },
	{ "x {lain}", NULL, "{lain}" },
	{ "x {tahun", NULL, "{tahun" },
	{ "x {}", NULL, "{}" },
};

START_TEST(test_tmpl_isi)
{
	const struct isi_case *c = &isi_cases[_i];
	tmpl_nilai v[] = { { "tahun", "2023" }, { "kota", "Palangka Raya" },
		{ "tanggal", "14 Juli 2023" }, { "kosong", NULL },
		{ "tahun", "dibayangi" } };
	arena a = { 0 };
	char *out = NULL;
	const char *bad = NULL;
	int rc = tmpl_isi(&a, c->text, v, LK_NELEM(v), &out, &bad);

	if (c->want != NULL) {
		ck_assert_int_eq(rc, 0);
		ck_assert_str_eq(out, c->want);
	} else {
		ck_assert_int_eq(rc, EX_DATAERR);
		ck_assert_ptr_null(out);
		ck_assert_str_eq(bad, c->bad);
	}
	arena_free(&a);
}
END_TEST

/* ==== words ==== */

static const char *const urutan_want[] = {
	"", "pertama", "kedua", "ketiga", "keempat", "kelima", "keenam",
	"ketujuh", "kedelapan", "kesembilan", "kesepuluh", "kesebelas",
	"kedua belas", "ketiga belas", "keempat belas", "kelima belas",
	"keenam belas", "ketujuh belas", "kedelapan belas",
	"kesembilan belas", "kedua puluh", "kedua puluh satu",
	"kedua puluh dua", "kedua puluh tiga", "kedua puluh empat",
	"kedua puluh lima",
};

START_TEST(test_urutan)
{
	char buf[TMPL_KATA_MAX];

	ck_assert_str_eq(tmpl_urutan((unsigned)_i, buf), urutan_want[_i]);
}
END_TEST

struct kata_case {
	unsigned long long n;
	const char *bilangan, *urutan;
};

static const struct kata_case kata_cases[] = {
	{ 100, "seratus", "keseratus" },
	{ 0, "nol", "" },
	{ 101, "seratus satu", "keseratus satu" },
	{ 111, "seratus sebelas", "keseratus sebelas" },
	{ 250, "dua ratus lima puluh", "kedua ratus lima puluh" },
	{ 1000, "seribu", "keseribu" },
	{ 1100, "seribu seratus", "keseribu seratus" },
	{ 2023, "dua ribu dua puluh tiga", "kedua ribu dua puluh tiga" },
	{ 1000000, "satu juta", "kesatu juta" },
	{ 11000000, "sebelas juta", "kesebelas juta" },
	{ 1001001, "satu juta seribu satu", "kesatu juta seribu satu" },
	{ 28309433559ULL, "dua puluh delapan miliar tiga ratus sembilan juta "
	  "empat ratus tiga puluh tiga ribu lima ratus lima puluh sembilan",
	  NULL },
};

START_TEST(test_bilangan)
{
	const struct kata_case *c = &kata_cases[_i];
	char buf[TMPL_KATA_MAX];

	ck_assert_str_eq(tmpl_bilangan(c->n, buf), c->bilangan);
	if (c->urutan != NULL)
		ck_assert_str_eq(tmpl_urutan(c->n, buf), c->urutan);
}
END_TEST

START_TEST(test_bulan)
{
	ck_assert_str_eq(tmpl_bulan(1), "Januari");
	ck_assert_str_eq(tmpl_bulan(7), "Juli");
	ck_assert_str_eq(tmpl_bulan(8), "Agustus");
	ck_assert_str_eq(tmpl_bulan(12), "Desember");
	ck_assert_str_eq(tmpl_bulan(0), "?");
	ck_assert_str_eq(tmpl_bulan(13), "?");
}
END_TEST

START_TEST(test_upper)
{
	doc *d = doc_new();

	ck_assert_str_eq(doc_upper(d, "Kepala Badan"), "KEPALA BADAN");
	ck_assert_str_eq(doc_upper(d, "Palangka Raya, Juli 2023"),
	    "PALANGKA RAYA, JULI 2023");
	ck_assert_str_eq(doc_upper(d, "dinas pendidikan é ü ñ ß"),
	    "DINAS PENDIDIKAN É Ü Ñ ß");
	ck_assert_str_eq(doc_upper(d, "bad \xff byte"), "BAD \xff BYTE");
	ck_assert_str_eq(doc_upper(d, ""), "");
	doc_free(d);
}
END_TEST

/* ==== markup ==== */

/* Blocks of a section as text: "P: ..." or "I(label,indent): ...", runs
 * separated by "|", styled runs as B(...), I(...), BI(...). */
static char *
dump(doc *d, const doc_section *s)
{
	static char out[8192];

	out[0] = '\0';
	for (size_t i = 0; i < s->n_block; i++) {
		const doc_block *b = &s->block[i];
		size_t n = strlen(out);

		if (i > 0)
			out[n++] = '\n', out[n] = '\0';
		if (b->type == DOC_PARA)
			snprintf(out + n, sizeof out - n, "P: ");
		else if (b->type == DOC_ITEM)
			snprintf(out + n, sizeof out - n, "I(%s,%g): ", b->label,
			    b->indent);
		else
			snprintf(out + n, sizeof out - n, "?%d: ", (int)b->type);
		for (size_t r = 0; r < b->text.n_run; r++) {
			const doc_run *run = &b->text.run[r];
			const char *pre = run->style == (DOC_BOLD | DOC_ITALIC) ?
			    "BI(" : run->style == DOC_BOLD ? "B(" :
			    run->style == DOC_ITALIC ? "I(" : "";

			n = strlen(out);
			snprintf(out + n, sizeof out - n, "%s%s%s%s",
			    r > 0 ? "|" : "", pre, run->text, *pre ? ")" : "");
		}
	}
	(void)d;
	return out;
}

struct markup_case {
	const char *src;
	const char *want;
};

static const struct markup_case markup_cases[] = {
	/* paragraphs */
	{ "", "" },
	{ "\n  \n\t\n", "" },
	{ "satu", "P: satu" },
	{ "satu\ndua  tiga\n", "P: satu dua tiga" },
	{ "a\n\nb", "P: a\nP: b" },
	{ "a\n   \n\n b\n", "P: a\nP: b" },
	{ "a\r\nb\r\n\r\nc\r\n", "P: a b\nP: c" },
	/* each label kind */
	{ "- x\n- y", "I(\xE2\x80\x93,0): x\nI(\xE2\x80\x93,0): y" },
	{ "1. x\n2. y", "I(1.,0): x\nI(2.,0): y" },
	{ "a. x\nb. y", "I(a.,0): x\nI(b.,0): y" },
	{ "1) x\n12) y", "I(1),0): x\nI(12),0): y" },
	{ "a) x\nb) y", "I(a),0): x\nI(b),0): y" },
	{ "10.  dua spasi", "I(10.,0): dua spasi" },
	/* not labels */
	{ "-x", "P: -x" },
	{ "ab. x", "P: ab. x" },
	{ "A. x", "P: A. x" },
	{ "1.5 juta", "P: 1.5 juta" },
	{ "1234. x", "P: 1234. x" },
	{ "- ", "P: -" },
	/* continuation lines */
	{ "1) Aktualisasi nilai,\n   100 siswa.\n2) Sosialisasi",
	  "I(1),0): Aktualisasi nilai, 100 siswa.\nI(2),0): Sosialisasi" },
	{ "- a\n\tb\n- c", "I(\xE2\x80\x93,0): a b\nI(\xE2\x80\x93,0): c" },
	{ "- a\nbukan lanjutan", "I(\xE2\x80\x93,0): a\nP: bukan lanjutan" },
	{ "- a\n\n  sesudah kosong", "I(\xE2\x80\x93,0): a\nP: sesudah kosong" },
	{ "Kegiatan:\n- a\n- b\n\nPenutup.",
	  "P: Kegiatan:\nI(\xE2\x80\x93,0): a\nI(\xE2\x80\x93,0): b\n"
	  "P: Penutup." },
	/* nesting */
	{ "1. a\n   a) b\n   a) c\n2. d",
	  "I(1.,0): a\nI(a),18): b\nI(a),18): c\nI(2.,0): d" },
	{ "- a\n  - b\n    - c\n  - d",
	  "I(\xE2\x80\x93,0): a\nI(\xE2\x80\x93,18): b\nI(\xE2\x80\x93,36): c\n"
	  "I(\xE2\x80\x93,18): d" },
	/* inline */
	{ "ini **tebal** dan *miring*.",
	  "P: ini |B(tebal)| dan |I(miring)|." },
	{ "**tebal\nlintas baris**", "P: B(tebal lintas baris)" },
	{ "***keduanya***", "P: BI(keduanya)" },
	{ "**a *b* c**", "P: B(a )|BI(b)|B( c)" },
	{ "*a **b** c*", "P: I(a )|BI(b)|I( c)" },
	{ "- **IDI** naik", "I(\xE2\x80\x93,0): B(IDI)| naik" },
	/* unmatched markers are literal */
	{ "5 * 3 = 15", "P: 5 * 3 = 15" },
	{ "a * b*", "P: a * b*" },
	{ "*a* b*", "P: I(a)| b*" },
	{ "**a** b**", "P: B(a)| b**" },
	{ "*tidak ditutup", "P: *tidak ditutup" },
	{ "**tidak ditutup", "P: **tidak ditutup" },
	{ "akhir*", "P: akhir*" },
	{ "** spasi **", "P: ** spasi **" },
	{ "**a *b** c*", "P: B(a *b)| c*" },
	{ "****", "P: ****" },
	{ "\\*bukan\\* miring", "P: *bukan* miring" },
	{ "a\n\n*b\n\nc*", "P: a\nP: *b\nP: c*" },
};

START_TEST(test_markup)
{
	const struct markup_case *c = &markup_cases[_i];
	doc *d = doc_new();
	doc_section *s = doc_add_section(d, "t");
	size_t n = markup_blocks(d, s, c->src, NULL);

	ck_assert_uint_eq(n, s->n_block);
	ck_assert_msg(strcmp(dump(d, s), c->want) == 0,
	    "case %d: \"%s\"\n got:\n%s\n want:\n%s", _i, c->src, dump(d, s),
	    c->want);
	doc_free(d);
}
END_TEST

static const char *
upper_isi(void *ctx, const char *text)
{
	doc *d = ctx;

	if (strcmp(text, "{x}") == 0)
		return "**bukan tebal**";
	return doc_upper(d, text);
}

START_TEST(test_markup_isi)
{
	doc *d = doc_new();
	doc_section *s = doc_add_section(d, "t");
	markup_opts o = { upper_isi, d, 10, NULL };

	markup_blocks(d, s, "a *{x}* b\n\n- c", &o);
	ck_assert_str_eq(dump(d, s),
	    "P: A |I(**bukan tebal**)| B\nI(\xE2\x80\x93,10): C");
	ck_assert_double_eq(s->block[0].indent, 10);
	doc_free(d);
}
END_TEST

/* ==== the document from the fixture ==== */

static rencana *R;
static kinerja K;
static kinerja KW[TW_MAX];
static tmpl *T;

static void
fixture_setup(void)
{
	lk_err e = { 0, "" };

	ck_assert_msg(exchange_read_file(lktest_path(FIXTURE), &R, &e) == 0,
	    "%s", e.msg);
	ck_assert_msg(kinerja_hitung(R, 2, predikat_default(), &K, &e) == 0,
	    "%s", e.msg);
	ck_assert_msg(tmpl_load("laporan", &T, &e) == 0, "%s", e.msg);
	/* as report_render does for a caller without a table */
	ck_assert_msg(tmpl_load_predikat(T, &e) == 0, "%s", e.msg);
}

static void
fixture_teardown(void)
{
	tmpl_free(T);
	rencana_free(R);
	T = NULL;
	R = NULL;
}

/* KW: the quarters 1..K.tw of R, the last K. */
static void
quarters(void)
{
	lk_err e = { 0, "" };

	for (int q = 1; q < K.tw; q++)
		ck_assert_msg(kinerja_hitung(R, q, predikat_default(),
		    &KW[q - 1], &e) == 0, "%s", e.msg);
	KW[K.tw - 1] = K;
}

static size_t n_trend(const doc *d);

static doc *
build(const char ***warn)
{
	doc *d = NULL;
	lk_err e = { 0, "" };

	quarters();
	ck_assert_msg(build_laporan(R, &K, KW, T, 0, &d, warn, &e) == 0,
	    "%s", e.msg);
	ck_assert_ptr_nonnull(d);
	return d;
}

static void
recompute(int tw)
{
	lk_err e = { 0, "" };

	ck_assert_msg(kinerja_hitung(R, tw, predikat_default(), &K, &e) == 0,
	    "%s", e.msg);
}

START_TEST(test_sections)
{
	static const struct {
		const char *name;
		enum doc_numbering numbering;
		bool restart;
	} want[] = {
		{ "sampul", DOC_NUM_NONE, false },
		{ "kata_pengantar", DOC_NUM_ROMAN, true },
		{ "daftar_isi", DOC_NUM_ROMAN, false },
		{ "bab1", DOC_NUM_ARABIC, true },
		{ "bab2", DOC_NUM_ARABIC, false },
		{ "bab3", DOC_NUM_ARABIC, false },
		{ "lampiran", DOC_NUM_ARABIC, false },
	};
	doc *d = build(NULL);

	ck_assert_uint_eq(d->n_section, LK_NELEM(want));
	for (size_t i = 0; i < LK_NELEM(want); i++) {
		ck_assert_str_eq(d->section[i].name, want[i].name);
		ck_assert_int_eq(d->section[i].numbering, want[i].numbering);
		ck_assert_int_eq(d->section[i].restart_numbering, want[i].restart);
		ck_assert(d->section[i].new_page);
		ck_assert_int_eq(d->section[i].landscape, i == 6);
	}
	ck_assert(d->section[0].vertical_center);
	ck_assert_uint_eq(count_blocks(section(d, "daftar_isi"), DOC_TOC), 1);
	doc_free(d);
}
END_TEST

START_TEST(test_chapter_headings)
{
	static const char *const want[] = { "KATA PENGANTAR", "DAFTAR ISI",
		"BAB I KINERJA", "BAB II PERMASALAHAN DAN TINDAK LANJUT",
		"BAB III PENUTUP", "LAMPIRAN" };
	doc *d = build(NULL);
	size_t n = 0;

	for (size_t i = 0; i < d->n_section; i++)
		for (size_t j = 0; j < d->section[i].n_block; j++) {
			const doc_block *b = &d->section[i].block[j];

			if (b->type != DOC_HEADING || b->level != 1)
				continue;
			ck_assert_uint_lt(n, LK_NELEM(want));
			ck_assert_str_eq(text_of(d, &b->text), want[n]);
			ck_assert(b->toc);
			n++;
		}
	ck_assert_uint_eq(n, LK_NELEM(want));
	/* Sub-headings. */
	ck_assert(section_has(d, section(d, "bab2"), "A. Kendala dan Permasalahan"));
	ck_assert(section_has(d, section(d, "bab2"), "B. Tindak Lanjut Penyelesaian"));
	ck_assert(section_has(d, section(d, "bab3"), "A. Kesimpulan"));
	ck_assert(section_has(d, section(d, "lampiran"),
	    "b. Laporan Keuangan Penunjang Kinerja Triwulan II Tahun 2023"));
	doc_free(d);
}
END_TEST

START_TEST(test_sasaran_headings)
{
	static const char *const want[] = {
		"1) Sasaran Strategis pertama : Meningkatnya Jumlah Masyarakat "
		"Yang Paham Terhadap Politik",
		"2) Sasaran Strategis kedua : Meningkatnya Jumlah Ormas/LSM Yang "
		"Terlibat Dalam Menjaga Kesatuan Bangsa dan Politik",
		"3) Sasaran Strategis ketiga : Meningkatnya Jumlah Masyarakat "
		"Yang Paham Terhadap Kesatuan Bangsa",
		"4) Sasaran Strategis keempat : Meningkatnya Jumlah Masyarakat "
		"Yang Paham Terhadap Pencegahan Konflik IPOLEKSOSBUD",
		"5) Sasaran Strategis kelima : Persentase Masyarakat Yang Paham "
		"Terhadap Ketahanan Ekonomi, Sosial Dan Budaya",
	};
	doc *d = build(NULL);
	const doc_section *s = section(d, "bab1");
	size_t n = 0;

	for (size_t j = 0; j < s->n_block; j++)
		if (s->block[j].type == DOC_HEADING && s->block[j].level == 3) {
			ck_assert_uint_lt(n, LK_NELEM(want));
			ck_assert_str_eq(text_of(d, &s->block[j].text), want[n]);
			ck_assert(s->block[j].toc);
			n++;
		}
	ck_assert_uint_eq(n, LK_NELEM(want));
	/* IKU sentence and narrative through markup. */
	ck_assert(section_has(d, s, "capaiannya 101,02% dengan predikat Sangat Tinggi"));
	ck_assert(section_has(d, s, "belum memiliki data realisasi"));
	ck_assert(section_has(d, s, "Pendidikan Politik Kebangsaan di Kabupaten "
	    "Kotawaringin Barat (70 peserta) dan Kabupaten Kapuas"));
	ck_assert(!section_has(d, s, "belum disampaikan"));
	doc_free(d);
}
END_TEST

START_TEST(test_cover)
{
	static const char *const want[] = {
		"PEMERINTAH PROVINSI KALIMANTAN TENGAH",
		"LAPORAN KINERJA INSTANSI PEMERINTAH",
		"BADAN KESATUAN BANGSA DAN POLITIK PROVINSI KALIMANTAN TENGAH",
		"TAHUN 2023", "TRIWULAN II", "PALANGKA RAYA, JULI 2023",
	};
	doc *d = build(NULL);
	const doc_section *s = section(d, "sampul");
	size_t n = 0;

	for (size_t j = 0; j < s->n_block; j++)
		if (s->block[j].type == DOC_PARA) {
			ck_assert_uint_lt(n, LK_NELEM(want));
			ck_assert_str_eq(text_of(d, &s->block[j].text), want[n]);
			ck_assert_int_eq(s->block[j].align, DOC_CENTER);
			n++;
		}
	ck_assert_uint_eq(n, LK_NELEM(want));
	ck_assert_uint_eq(count_blocks(s, DOC_IMAGE), 0);
	doc_free(d);

	R->instansi.logo = arena_strdup(&R->mem, "/tmp/logo.png");
	d = build(NULL);
	s = section(d, "sampul");
	ck_assert_uint_eq(count_blocks(s, DOC_IMAGE), 1);
	ck_assert_str_eq(nth_block(s, DOC_IMAGE, 0)->image, "/tmp/logo.png");
	ck_assert(nth_block(s, DOC_IMAGE, 0)->image_width > 0);
	doc_free(d);
}
END_TEST

START_TEST(test_signature)
{
	doc *d = build(NULL);
	const doc_section *s = section(d, "kata_pengantar");
	const doc_block *b = nth_block(s, DOC_SIGNATURE, 0);

	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_eq(b, &s->block[s->n_block - 1]);
	ck_assert_str_eq(b->signature->place_date, "Palangka Raya, 14 Juli 2023");
	ck_assert_str_eq(b->signature->jabatan, "KEPALA BADAN");
	ck_assert_str_eq(b->signature->nama, "Dr. H.M. KATMA F. DIRUN, S.E., M.M.");
	ck_assert_str_eq(b->signature->pangkat, "Pembina Utama Madya (IV/d)");
	ck_assert_str_eq(b->signature->nip, "NIP. 19661022 199308 1 001");
	ck_assert(section_has(d, s, "Peraturan Presiden Nomor 29 Tahun 2014"));
	ck_assert(section_has(d, s, "Laporan Kinerja Instansi Pemerintah Badan "
	    "Kesatuan Bangsa dan Politik Provinsi Kalimantan Tengah Triwulan II "
	    "Tahun 2023"));
	ck_assert(section_has(d, s, "pengukuran 5 indikator kinerja utama dari 5 "
	    "sasaran strategis"));
	doc_free(d);

	/* A full jabatan is printed in capitals as given. */
	R->instansi.kepala.jabatan = arena_strdup(&R->mem,
	    "Kepala Badan Kesatuan Bangsa dan Politik Provinsi Kalimantan Tengah");
	d = build(NULL);
	b = nth_block(section(d, "kata_pengantar"), DOC_SIGNATURE, 0);
	ck_assert_str_eq(b->signature->jabatan, "KEPALA BADAN KESATUAN BANGSA "
	    "DAN POLITIK PROVINSI KALIMANTAN TENGAH");
	doc_free(d);
}
END_TEST

/* The capaian table of BAB I, row by row. */
START_TEST(test_capaian_table)
{
	static const char *const head[] = { "No", "Sasaran Strategis",
		"Indikator Kinerja Utama", "Target", "Realisasi s.d. TW II",
		"Capaian" };
	static const struct {
		const char *target, *realisasi, *capaian;
	} want[] = {
		{ "78,50", "79,30", "101,02%" },
		{ "80%", "", "" },
		{ "200 orang", "100 orang", "50,00%" },
		{ "80%", "", "" },
		{ "200 orang", "130 orang", "65,00%" },
	};
	doc *d = build(NULL);
	const doc_section *s = section(d, "bab1");
	const doc_table *t = nth_block(s, DOC_TABLE, 0)->table;

	ck_assert_uint_eq(t->n_col, 6);
	ck_assert_uint_eq(t->n_head, 2);
	for (size_t i = 0; i < 6; i++) {
		ck_assert_str_eq(cell(d, &t->head[0], i), head[i]);
		ck_assert(t->head[0].cell[i].shade);
		ck_assert_str_eq(cell(d, &t->head[1], i),
		    doc_printf(d, "%zu", i + 1));
	}
	ck_assert_uint_eq(t->n_body, LK_NELEM(want));
	for (size_t i = 0; i < t->n_body; i++) {
		const doc_row *r = &t->body[i];

		ck_assert_uint_eq(r->n_cell, 6);
		ck_assert_str_eq(cell(d, r, 0), doc_printf(d, "%zu", i + 1));
		ck_assert_str_eq(cell(d, r, 1), R->sasaran[i].uraian);
		ck_assert_str_eq(cell(d, r, 2), R->sasaran[i].iku[0].uraian);
		ck_assert_str_eq(cell(d, r, 3), want[i].target);
		ck_assert_str_eq(cell(d, r, 4), want[i].realisasi);
		ck_assert_str_eq(cell(d, r, 5), want[i].capaian);
		ck_assert_uint_eq(r->cell[0].rowspan, 1);
	}
	ck_assert_str_eq(text_of(d, &t->title), "Capaian Indikator Kinerja "
	    "Utama s.d. Triwulan II Tahun 2023");
	ck_assert_uint_eq(t->note.n_run, 0);   /* no target_triwulan */
	/* One formula: no IKU is negative. */
	ck_assert_uint_eq(count_blocks(s, DOC_FORMULA), 1);
	ck_assert_str_eq(text_of(d, &nth_block(s, DOC_FORMULA, 0)->formula->numerator),
	    "Realisasi");
	ck_assert_str_eq(text_of(d, &nth_block(s, DOC_FORMULA, 0)->formula->lhs),
	    "Capaian Indikator Kinerja");
	/* The predikat scale, from the bands. */
	ck_assert(section_has(d, s, "Sangat Tinggi: capaian 91% atau lebih"));
	ck_assert(section_has(d, s, "Tinggi: capaian 76% sampai kurang dari 91%"));
	ck_assert(section_has(d, s, "Sangat Rendah: capaian kurang dari 51%"));
	doc_free(d);
}
END_TEST

START_TEST(test_lampiran_tables)
{
	static const char *const kode[] = { "P01", "P03", "P04", "P05", "P06",
		"P07" };
	static const char *const capaian[] = { "40,27", "14,48", "85,37",
		"7,17", "9,03", "13,46" };
	static const char *const predikat[] = { "Sangat Tinggi", "", "Sangat Rendah",
		"", "Rendah" };
	static const char *const head[] = { "No", "Program", "Anggaran (Rp)",
		"Target", "Realisasi", "Capaian (%)", "Keterangan" };
	doc *d = build(NULL);
	const doc_section *s = section(d, "lampiran");
	const doc_table *kt = nth_block(s, DOC_TABLE, 0)->table;
	const doc_table *t = nth_block(s, DOC_TABLE, 1)->table;
	const doc_row *j;

	/* a. the capaian table with a Predikat column */
	ck_assert_uint_eq(kt->n_col, 7);
	ck_assert_str_eq(cell(d, &kt->head[0], 6), "Predikat");
	ck_assert_str_eq(cell(d, &kt->head[1], 6), "7");
	for (size_t i = 0; i < kt->n_body; i++)
		ck_assert_str_eq(cell(d, &kt->body[i], 6), predikat[i]);
	ck_assert_str_eq(cell(d, &kt->body[0], 5), "101,02%");

	/* b. the budget table */
	ck_assert_uint_eq(t->n_col, 7);
	for (size_t i = 0; i < 7; i++)
		ck_assert_str_eq(cell(d, &t->head[0], i), head[i]);
	ck_assert_uint_eq(t->n_body, 7);
	for (size_t i = 0; i < 6; i++) {
		const doc_row *r = &t->body[i];
		const program *p = NULL;

		for (size_t x = 0; x < R->n_program; x++)
			if (strcmp(R->program[x].kode, kode[i]) == 0)
				p = &R->program[x];
		ck_assert_ptr_nonnull(p);
		ck_assert_uint_eq(r->n_cell, 7);
		ck_assert_str_eq(cell(d, r, 0), doc_printf(d, "%zu", i + 1));
		ck_assert_str_eq(cell(d, r, 1), p->uraian);
		ck_assert_str_eq(cell(d, r, 5), capaian[i]);
		ck_assert(!r->bold);
	}
	ck_assert_str_eq(cell(d, &t->body[0], 2), "11.393.254.909");
	ck_assert_str_eq(cell(d, &t->body[0], 3), "11.393.254.909");
	ck_assert_str_eq(cell(d, &t->body[0], 4), "4.587.938.844");
	j = &t->body[6];
	ck_assert(j->bold);
	ck_assert_uint_eq(j->n_cell, 6);
	ck_assert_str_eq(cell(d, j, 0), "JUMLAH");
	ck_assert_uint_eq(j->cell[0].colspan, 2);
	ck_assert_str_eq(cell(d, j, 1), "28.309.433.559");
	ck_assert_str_eq(cell(d, j, 2), "28.309.433.559");
	ck_assert_str_eq(cell(d, j, 3), "11.652.504.613");
	ck_assert_str_eq(cell(d, j, 4), "41,16");
	doc_free(d);
}
END_TEST

START_TEST(test_charts)
{
	doc *d = build(NULL);
	const doc_section *s = section(d, "lampiran");
	const doc_chart *c = nth_block(s, DOC_CHART, 0)->chart;
	const doc_chart *a = nth_block(s, DOC_CHART, 1)->chart;

	ck_assert_uint_eq(c->n_bar, 5);
	ck_assert_int_eq(c->reference, 10000);
	ck_assert(c->bar[0].ada);
	ck_assert_int_eq(c->bar[0].value, 10102);
	ck_assert_str_eq(c->bar[0].value_text, "101,02%");
	ck_assert_str_eq(c->bar[0].label,
	    "IKU1 Skor IDI Aspek Hak-Hak Politik Provinsi Kalimantan Tengah");
	ck_assert(!c->bar[1].ada);
	ck_assert(!c->bar[3].ada);
	ck_assert_int_eq(c->bar[4].value, 6500);
	/* Long labels are cut at a word. */
	ck_assert_ptr_nonnull(strstr(c->bar[3].label, "\xE2\x80\xA6"));
	ck_assert_uint_eq(a->n_bar, 6);
	ck_assert_int_eq(a->bar[0].value, 4027);
	ck_assert_int_eq(a->bar[5].value, 1346);
	ck_assert_str_eq(a->bar[5].value_text, "13,46%");
	/* The fixture has data in quarter II only: no chart of quarters. */
	ck_assert_uint_eq(n_trend(d), 0);
	ck_assert(!section_has(d, s, "Grafik Realisasi Kumulatif"));
	doc_free(d);
}
END_TEST

/* The lampiran's charts of the quarters so far: quarters as kinerja
 * computed them (cumulative realisations, the quarterly target where
 * set, else the annual one), only for IKU with data in two quarters. */
struct tw_point { const char *label, *real, *target; };
struct tw_chart { const char *title; size_t n; struct tw_point p[4]; };
struct tw_case {
	int tw;
	size_t n;                 /* charts */
	struct tw_chart c[2];
};
static const struct tw_case tw_cases[] = {
	{ 1, 0, { { NULL, 0, { { NULL, NULL, NULL } } } } },
	{ 2, 2, {
		{ "IKU1: Skor IDI Aspek Hak-Hak Politik Provinsi Kalimantan "
		  "Tengah (nilai)", 2, {
			{ "TW I", "77,25", "78,50" },
			{ "TW II", "79,30", "78,50" } } },
		{ "IKU3: Masyarakat yang mengerti tentang wawasan kebangsaan "
		  "(orang)", 2, {
			{ "TW I", "40", "50" }, { "TW II", "100", "100" } } } } },
	{ 3, 2, {
		{ "IKU1: Skor IDI Aspek Hak-Hak Politik Provinsi Kalimantan "
		  "Tengah (nilai)", 3, {
			{ "TW I", "77,25", "78,50" },
			{ "TW II", "79,30", "78,50" },
			{ "TW III", "79,30", "78,50" } } },
		{ "IKU3: Masyarakat yang mengerti tentang wawasan kebangsaan "
		  "(orang)", 3, {
			{ "TW I", "40", "50" }, { "TW II", "100", "100" },
			{ "TW III", NULL, "150" } } } } },
	{ 4, 2, {
		{ NULL, 4, {
			{ "TW I", "77,25", "78,50" },
			{ "TW II", "79,30", "78,50" },
			{ "TW III", "79,30", "78,50" },
			{ "TW IV", NULL, "78,50" } } },
		{ NULL, 4, {
			{ "TW I", "40", "50" }, { "TW II", "100", "100" },
			{ "TW III", NULL, "150" }, { "TW IV", NULL, "200" } } } } },
};

START_TEST(test_tw_charts)
{
	const struct tw_case *w = &tw_cases[_i];
	iku *k1 = &R->sasaran[0].iku[0], *k2 = &R->sasaran[1].iku[0];
	iku *k3 = &R->sasaran[2].iku[0], *k4 = &R->sasaran[3].iku[0];
	const doc_trend *got[2] = { NULL, NULL };
	const doc_section *s;
	size_t n = 0;
	doc *d;

	/* IKU1: realisations in I and III (II's from the fixture); IKU3:
	 * quarterly targets of I-III, no realisation in III; IKU2: a
	 * realisation in III only, IKU4 a target of III only, IKU5 II's
	 * realisation only: one quarter of data each, no chart. */
	k1->ada_realisasi[1] = k1->ada_realisasi[3] = true;
	k1->realisasi[1] = 772500;
	k1->realisasi[3] = 793000;
	for (int q = 1; q <= 3; q++) {
		k3->ada_target_tw[q] = true;
		k3->target_tw[q] = 500000 * q;
	}
	k2->ada_realisasi[3] = true;
	k2->realisasi[3] = 655000;
	k4->ada_target_tw[3] = true;
	k4->target_tw[3] = 600000;
	k3->ada_realisasi[1] = true;
	k3->realisasi[1] = 400000;
	recompute(w->tw);
	d = build(NULL);
	s = section(d, "lampiran");
	for (size_t j = 0; j < s->n_block; j++)
		if (s->block[j].type == DOC_TREND) {
			ck_assert_uint_lt(n, 2);
			got[n++] = s->block[j].trend;
			if (s->block[j].trend2 != NULL) {
				ck_assert_uint_lt(n, 2);
				got[n++] = s->block[j].trend2;
			}
		}
	ck_assert_uint_eq(n, w->n);
	ck_assert_uint_eq(n_trend(d), w->n);
	ck_assert_int_eq(section_has(d, s, "d. Grafik Realisasi Kumulatif "
	    "dan Target per Triwulan"), w->n > 0);
	for (size_t i = 0; i < w->n; i++) {
		const struct tw_chart *c = &w->c[i];

		if (c->title != NULL)
			ck_assert_str_eq(text_of(d, &got[i]->title), c->title);
		ck_assert_str_eq(got[i]->realisasi_label,
		    "Realisasi kumulatif");
		ck_assert_ptr_nonnull(strstr(got[i]->target_label, "Target"));
		ck_assert_uint_eq(got[i]->n_point, c->n);
		for (size_t q = 0; q < c->n; q++) {
			const doc_trend_point *p = &got[i]->point[q];

			ck_assert_str_eq(p->label, c->p[q].label);
			ck_assert_int_eq(p->ada_realisasi, c->p[q].real != NULL);
			ck_assert_int_eq(p->ada_target, c->p[q].target != NULL);
			if (c->p[q].real != NULL)
				ck_assert_str_eq(p->realisasi_text, c->p[q].real);
			if (c->p[q].target != NULL)
				ck_assert_str_eq(p->target_text, c->p[q].target);
		}
	}
	doc_free(d);
}
END_TEST

START_TEST(test_bab2_bab3)
{
	doc *d = build(NULL);
	const doc_section *s2 = section(d, "bab2"), *s3 = section(d, "bab3");
	const doc_block *b;

	b = nth_block(s2, DOC_ITEM, 0);
	ck_assert_str_eq(b->label, "a.");
	ck_assert_str_eq(text_of(d, &b->text), R->tw[2].permasalahan[0]);
	ck_assert_str_eq(nth_block(s2, DOC_ITEM, 1)->label, "b.");
	b = nth_block(s2, DOC_ITEM, 2);
	ck_assert_str_eq(b->label, "a.");
	ck_assert_str_eq(text_of(d, &b->text), R->tw[2].tindak_lanjut[0]);
	ck_assert(section_has(d, s3, "Secara keseluruhan capaian kinerja sampai "
	    "dengan Triwulan II Tahun 2023 berada dalam kategori baik"));
	ck_assert(!section_has(d, s3, "indikator berpredikat"));
	doc_free(d);
}
END_TEST

START_TEST(test_info_page)
{
	doc *d = build(NULL);

	ck_assert_str_eq(d->info.title,
	    "Laporan Kinerja Instansi Pemerintah Triwulan II Tahun 2023");
	ck_assert_str_eq(d->info.author,
	    "Badan Kesatuan Bangsa dan Politik Provinsi Kalimantan Tengah");
	ck_assert_str_eq(d->info.creator, "lakip " PACKAGE_VERSION);
	ck_assert_ptr_nonnull(strstr(d->info.subject, "Badan Kesatuan"));
	ck_assert_ptr_nonnull(strstr(d->info.keywords, "SAKIP"));
	ck_assert(d->info.created > 1600000000);
	ck_assert_double_eq_tol(d->page.width, 595.2756, 0.001);
	ck_assert_double_eq_tol(d->page.height, 841.8898, 0.001);
	ck_assert_double_eq_tol(d->page.margin_left, 85.0394, 0.001);
	ck_assert_double_eq_tol(d->page.line_spacing, 1.5, 1e-9);
	ck_assert_double_eq_tol(d->page.font_size, 12, 1e-9);
	ck_assert_ptr_nonnull(strstr(d->page.font.bold_italic, "BoldItalic"));
	doc_free(d);
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	d = build(NULL);
	ck_assert_int_eq(d->info.created, 1700000000);
	doc_free(d);
	unsetenv("SOURCE_DATE_EPOCH");
}
END_TEST

/* No "{" is left over anywhere: every placeholder was filled. */
START_TEST(test_all_filled)
{
	doc *d = build(NULL);

	for (size_t i = 0; i < d->n_section; i++)
		for (size_t j = 0; j < d->section[i].n_block; j++) {
			const doc_block *b = &d->section[i].block[j];
			const char *t = text_of(d, &b->text);

			ck_assert_msg(strchr(t, '{') == NULL, "%s: %s",
			    d->section[i].name, t);
			if (b->type == DOC_TABLE)
				for (size_t r = 0; r < b->table->n_head; r++)
					for (size_t c = 0; c < b->table->head[r].n_cell; c++)
						ck_assert(strchr(cell(d,
						    &b->table->head[r], c), '{') == NULL);
		}
	doc_free(d);
}
END_TEST

START_TEST(test_fixture_warnings)
{
	const char **w = NULL;
	doc *d = build(&w);
	size_t n = 0;

	ck_assert_ptr_nonnull(w);
	ck_assert(warned(w, "IKU2: no realisation yet"));
	ck_assert(warned(w, "IKU4: no realisation yet"));
	ck_assert(!warned(w, "IKU1"));
	ck_assert(!warned(w, "narrative"));
	ck_assert(!warned(w, "kesimpulan"));
	for (; w[n] != NULL; n++)
		;
	ck_assert_uint_eq(n, 2);
	doc_free(d);
}
END_TEST

/* Quarter I was never reported: everything is built, with warnings. */
START_TEST(test_quarter_without_report)
{
	const char **w = NULL;
	doc *d;
	const doc_section *s;
	const doc_table *t;

	recompute(1);
	d = build(&w);
	ck_assert(warned(w, "quarter I has no report"));
	for (size_t i = 0; i < R->n_sasaran; i++)
		ck_assert(warned(w, doc_printf(d, "quarter I has no narrative "
		    "for %s", R->sasaran[i].kode)));
	ck_assert(warned(w, "IKU1: no realisation yet"));
	ck_assert(warned(w, "P01: no budget realisation yet"));
	ck_assert(warned(w, "no permasalahan"));
	ck_assert(warned(w, "no kesimpulan"));
	s = section(d, "bab1");
	ck_assert(section_has(d, s, "belum disampaikan untuk Triwulan I."));
	t = nth_block(s, DOC_TABLE, 0)->table;
	ck_assert_str_eq(cell(d, &t->head[0], 4), "Realisasi s.d. TW I");
	ck_assert_str_eq(cell(d, &t->body[0], 4), "");
	ck_assert_str_eq(cell(d, &t->body[0], 5), "");
	ck_assert_uint_eq(count_blocks(s, DOC_TABLE), 1);  /* no IDI table */
	ck_assert(section_has(d, section(d, "bab2"), "Tidak ada kendala"));
	ck_assert(section_has(d, section(d, "bab3"), "belum terdapat indikator"));
	ck_assert_str_eq(nth_block(section(d, "kata_pengantar"), DOC_SIGNATURE,
	    0)->signature->place_date, "Palangka Raya, [tanggal belum ditetapkan]");
	ck_assert(section_has(d, section(d, "sampul"),
	    "PALANGKA RAYA, [TANGGAL BELUM DITETAPKAN]"));
	ck_assert(warned(w, "quarter I has no report date yet"));
	t = nth_block(section(d, "lampiran"), DOC_TABLE, 1)->table;
	ck_assert_str_eq(cell(d, &t->body[6], 3), "");
	ck_assert_str_eq(cell(d, &t->body[0], 6), "Belum ada realisasi");
	doc_free(d);
}
END_TEST

/* Missing narratives and a missing kesimpulan in a reported quarter. */
START_TEST(test_missing_parts)
{
	const char **w = NULL;
	doc *d;
	const doc_section *s3;

	R->sasaran[2].narasi[2] = NULL;
	R->tw[2].kesimpulan = NULL;
	R->tw[2].n_tindak_lanjut = 0;
	d = build(&w);
	ck_assert(warned(w, "quarter II has no narrative for SS3"));
	ck_assert(!warned(w, "narrative for SS1"));
	ck_assert(warned(w, "no tindak lanjut"));
	ck_assert(!warned(w, "no permasalahan"));
	ck_assert(section_has(d, section(d, "bab2"),
	    "Tidak ada langkah tindak lanjut"));
	s3 = section(d, "bab3");
	ck_assert(section_has(d, s3, "Sampai dengan Triwulan II Tahun 2023, "
	    "capaian 3 dari 5 indikator kinerja utama telah dapat diukur"));
	ck_assert(section_has(d, s3, "1 indikator berpredikat Sangat Tinggi"));
	ck_assert(section_has(d, s3, "1 indikator berpredikat Rendah"));
	ck_assert(section_has(d, s3, "1 indikator berpredikat Sangat Rendah"));
	ck_assert(!section_has(d, s3, "berpredikat Tinggi"));
	ck_assert(section_has(d, s3, "Sebanyak 2 indikator belum memiliki"));
	doc_free(d);
}
END_TEST

START_TEST(test_teks_override)
{
	const char **w = NULL;
	triwulan *q = &R->tw[2];
	doc *d;
	const doc_section *s;

	q->teks = arena_alloc(&R->mem, 3 * sizeof *q->teks);
	q->teks[0].nama = "kata_pengantar";
	q->teks[0].teks = "Kata pengantar khusus **{instansi_kapital}**.\n\n"
	    "- butir {triwulan_angka}";
	q->teks[1].nama = "kata_pengantar_lain";
	q->teks[1].teks = "x";
	q->teks[2].nama = "judul_bab3";
	q->teks[2].teks = "BAB III {salah}";
	q->n_teks = 3;
	d = build(&w);
	s = section(d, "kata_pengantar");
	ck_assert(section_has(d, s, "Kata pengantar khusus BADAN KESATUAN BANGSA"));
	ck_assert(!section_has(d, s, "Puji syukur"));
	ck_assert_uint_eq(s->block[1].text.n_run, 3);
	ck_assert_uint_eq(s->block[1].text.run[1].style, DOC_BOLD);
	ck_assert_str_eq(nth_block(s, DOC_ITEM, 0)->label, "\xE2\x80\x93");
	ck_assert_str_eq(text_of(d, &nth_block(s, DOC_ITEM, 0)->text), "butir 2");
	ck_assert_ptr_nonnull(nth_block(s, DOC_SIGNATURE, 0));
	ck_assert(warned(w, "\"kata_pengantar_lain\" names no template text"));
	ck_assert(warned(w, "{salah}"));
	ck_assert(section_has(d, section(d, "bab3"), "BAB III {salah}"));
	doc_free(d);
	/* Another quarter's override does not apply. */
	recompute(1);
	d = build(NULL);
	ck_assert(section_has(d, section(d, "kata_pengantar"), "Puji syukur"));
	doc_free(d);
}
END_TEST

START_TEST(test_template_order)
{
	doc *d;

	T->urutan[0] = TB_KATA_PENGANTAR;
	T->urutan[1] = TB_BAB1;
	T->urutan[2] = TB_LAMPIRAN;
	T->n_urutan = 3;
	T->lampiran_landscape = false;
	d = build(NULL);
	ck_assert_uint_eq(d->n_section, 3);
	ck_assert_str_eq(d->section[0].name, "kata_pengantar");
	ck_assert(d->section[0].restart_numbering);
	ck_assert_str_eq(d->section[1].name, "bab1");
	ck_assert(d->section[1].restart_numbering);
	ck_assert_str_eq(d->section[2].name, "lampiran");
	ck_assert(!d->section[2].restart_numbering);
	ck_assert(!d->section[2].landscape);
	doc_free(d);
}
END_TEST

/* A small plan: two IKU under one sasaran (rowspan), a negative IKU, a
 * quarterly target, a sasaran without IKU, a zero target. */
static const char small_yaml[] =
    "format: lakip/1\n"
    "instansi:\n"
    "  kode: uji\n"
    "  nama: Dinas Uji\n"
    "  pemerintah: Pemerintah Kota Uji\n"
    "  kota: Kota Uji\n"
    "  kepala:\n"
    "    nama: Budi\n"
    "    jabatan: Kepala Dinas\n"
    "    pangkat: Pembina (IV/a)\n"
    "    nip: \"197001012000031002\"\n"
    "tahun: 2024\n"
    "sasaran:\n"
    "  - kode: S1\n"
    "    uraian: Sasaran satu\n"
    "    iku:\n"
    "      - kode: K1\n"
    "        uraian: Indeks satu\n"
    "        satuan: indeks\n"
    "        target: 3.5\n"
    "        target_triwulan: {3: 3}\n"
    "      - kode: K2\n"
    "        uraian: Kasus konflik\n"
    "        satuan: kasus\n"
    "        polaritas: negatif\n"
    "        target: 8\n"
    "  - kode: S2\n"
    "    uraian: Sasaran dua\n"
    "    iku: []\n"
    "  - kode: S3\n"
    "    uraian: Sasaran tiga\n"
    "    iku:\n"
    "      - kode: K3\n"
    "        uraian: Nol target\n"
    "        satuan: \"%\"\n"
    "        target: 0\n"
    "program:\n"
    "  - kode: A\n"
    "    uraian: Program A\n"
    "    anggaran: 1000\n"
    "    target_triwulan: {3: 500}\n"
    "triwulan:\n"
    "  3:\n"
    "    tanggal: 2024-10-01\n"
    "    realisasi_iku: {K1: 3.3, K2: 9, K3: 5}\n"
    "    realisasi_program: {A: 250.5}\n";

START_TEST(test_small_plan)
{
	lk_err e = { 0, "" };
	const char **w = NULL;
	doc *d;
	const doc_section *s;
	const doc_table *t;

	rencana_free(R);
	ck_assert_msg(exchange_read_buffer("small.yaml", small_yaml,
	    strlen(small_yaml), &R, &e) == 0, "%s", e.msg);
	recompute(3);
	d = build(&w);
	s = section(d, "bab1");
	/* The negative formula, after the positive one. */
	ck_assert_uint_eq(count_blocks(s, DOC_FORMULA), 2);
	ck_assert_str_eq(text_of(d, &nth_block(s, DOC_FORMULA, 1)->formula->numerator),
	    "Rencana \xE2\x88\x92 (Realisasi \xE2\x88\x92 Rencana)");
	t = nth_block(s, DOC_TABLE, 0)->table;
	ck_assert_uint_eq(t->n_body, 4);
	ck_assert_uint_eq(t->body[0].n_cell, 6);
	ck_assert_uint_eq(t->body[0].cell[0].rowspan, 2);
	ck_assert_uint_eq(t->body[0].cell[1].rowspan, 2);
	ck_assert_str_eq(cell(d, &t->body[0], 3), "3");          /* TW target */
	ck_assert_str_eq(cell(d, &t->body[0], 4), "3,30");
	ck_assert_str_eq(cell(d, &t->body[0], 5), "110,00%");
	ck_assert_uint_eq(t->body[1].n_cell, 4);
	ck_assert_str_eq(cell(d, &t->body[1], 0), "Kasus konflik");
	ck_assert_str_eq(cell(d, &t->body[1], 1), "8 kasus");
	ck_assert_str_eq(cell(d, &t->body[1], 2), "9 kasus");
	ck_assert_str_eq(cell(d, &t->body[1], 3), "87,50%");
	ck_assert_uint_eq(t->body[2].n_cell, 6);              /* no IKU */
	ck_assert_str_eq(cell(d, &t->body[2], 0), "2");
	ck_assert_str_eq(cell(d, &t->body[2], 2), "");
	ck_assert_str_eq(cell(d, &t->body[3], 0), "3");
	ck_assert_str_eq(cell(d, &t->body[3], 3), "0%");
	ck_assert_str_eq(cell(d, &t->body[3], 4), "5%");
	ck_assert_str_eq(cell(d, &t->body[3], 5), "-");
	ck_assert_ptr_nonnull(strstr(text_of(d, &t->note), "target K1 adalah "
	    "target kumulatif sampai dengan Triwulan III"));
	ck_assert(section_has(d, s, "Sasaran ini belum memiliki indikator"));
	ck_assert(section_has(d, s, "tidak dapat dihitung karena targetnya 0%"));
	ck_assert(section_has(d, s, "2) Sasaran Strategis kedua : Sasaran dua"));
	ck_assert(warned(w, "S2 has no IKU"));
	/* The budget table: quarterly target, cents, note. */
	t = nth_block(section(d, "lampiran"), DOC_TABLE, 1)->table;
	ck_assert_str_eq(cell(d, &t->body[0], 2), "1.000");
	ck_assert_str_eq(cell(d, &t->body[0], 3), "500");
	ck_assert_str_eq(cell(d, &t->body[0], 4), "250,50");
	ck_assert_str_eq(cell(d, &t->body[0], 5), "50,10");
	ck_assert_ptr_nonnull(strstr(text_of(d, &t->note), "target A adalah"));
	ck_assert_str_eq(nth_block(section(d, "kata_pengantar"), DOC_SIGNATURE,
	    0)->signature->place_date, "Kota Uji, 1 Oktober 2024");
	ck_assert_str_eq(nth_block(section(d, "kata_pengantar"), DOC_SIGNATURE,
	    0)->signature->jabatan, "KEPALA DINAS");
	ck_assert(section_has(d, section(d, "sampul"), "TRIWULAN III"));
	doc_free(d);
}
END_TEST

START_TEST(test_bad_quarter)
{
	doc *d = NULL;
	lk_err e = { 0, "" };

	K.tw = 5;
	ck_assert_int_eq(build_laporan(R, &K, NULL, T, 0, &d, NULL, &e),
	    EX_USAGE);
	ck_assert_ptr_null(d);
}
END_TEST

/* ==== doc helpers ==== */

START_TEST(test_doc_growth)
{
	doc *d = doc_new();
	doc_section *s = doc_add_section(d, "a");
	doc_table *t = doc_table_new(d, 3, NULL);

	for (int i = 0; i < 1000; i++)
		doc_add_para(d, s, doc_printf(d, "p%d", i), 0, DOC_LEFT);
	ck_assert_uint_eq(s->n_block, 1000);
	ck_assert_str_eq(text_of(d, &s->block[999].text), "p999");
	ck_assert_str_eq(text_of(d, &s->block[0].text), "p0");
	for (int i = 0; i < 100; i++) {
		doc_row *r = doc_table_add_row(d, t, false);

		for (int c = 0; c < 3; c++)
			doc_row_add_cell(d, r, doc_printf(d, "%d.%d", i, c),
			    DOC_LEFT);
	}
	ck_assert_str_eq(cell(d, &t->body[77], 2), "77.2");
	ck_assert_double_eq(t->width[2], 1.0);
	for (int i = 0; i < 40; i++)
		doc_add_section(d, "x");
	ck_assert_uint_eq(d->n_section, 41);
	ck_assert_str_eq(d->section[0].name, "a");
	ck_assert_uint_eq(d->section[0].n_block, 1000);
	/* Headings with a hard break get a one-line TOC text. */
	s = &d->section[40];
	ck_assert_str_eq(doc_add_heading(d, s, 1, "BAB I\nKINERJA", true)->toc_text,
	    "BAB I KINERJA");
	ck_assert_ptr_null(doc_add_heading(d, s, 1, "BAB I", true)->toc_text);
	doc_free(d);
}
END_TEST

/* ==== suite ==== */

/* ---- the annual report (LKjIP) of tests/data/tahunan-2023.yaml ---- */

static tmpl *TL;

static doc *
build_tahunan(rencana **rp, const char ***warn, bool tanpa_riwayat)
{
	static tahunan_hasil h;
	lk_err e = { 0, "" };
	doc *d = NULL;

	ck_assert_msg(exchange_read_file(lktest_path("tests/data/tahunan-2023.yaml"),
	    rp, &e) == 0, "%s", e.msg);
	if (tanpa_riwayat)
		(*rp)->sasaran[0].iku[0].n_riwayat = 0;
	ck_assert_msg(tahunan_hitung(*rp, NULL, 0, predikat_default(), &h,
	    &e) == 0, "%s", e.msg);
	/* the doc points at the template's font paths: kept until the end */
	if (TL == NULL)
		ck_assert_msg(tmpl_load("lkjip", &TL, &e) == 0, "%s", e.msg);
	ck_assert_msg(build_lkjip(*rp, &h, predikat_default(), TL, &d, warn,
	    &e) == 0, "%s", e.msg);
	return d;
}

static size_t
n_trend(const doc *d)
{
	size_t n = 0;

	for (size_t i = 0; i < d->n_section; i++)
		for (size_t j = 0; j < d->section[i].n_block; j++)
			if (d->section[i].block[j].type == DOC_TREND)
				n += (d->section[i].block[j].trend != NULL) +
				    (d->section[i].block[j].trend2 != NULL);
	return n;
}

/* The parts in the template's order, numbered as a report is; the head
 * signs the foreword (the doc's first signature). */
START_TEST(test_lkjip_parts)
{
	static const struct { const char *name; enum doc_numbering num; }
	want[] = {
		{ "sampul", DOC_NUM_NONE }, { "kata_pengantar", DOC_NUM_ROMAN },
		{ "ikhtisar", DOC_NUM_ROMAN }, { "daftar_isi", DOC_NUM_ROMAN },
		{ "bab1", DOC_NUM_ARABIC }, { "bab2", DOC_NUM_ARABIC },
		{ "bab3", DOC_NUM_ARABIC }, { "bab4", DOC_NUM_ARABIC },
		{ "lampiran", DOC_NUM_ARABIC },
	};
	rencana *r = NULL;
	const char **warn = NULL;
	doc *d = build_tahunan(&r, &warn, false);
	doc_signature *sig;
	bool narasi = false;

	ck_assert_uint_eq(d->n_section, LK_NELEM(want));
	for (size_t i = 0; i < LK_NELEM(want); i++) {
		ck_assert_str_eq(d->section[i].name, want[i].name);
		ck_assert_int_eq(d->section[i].numbering, want[i].num);
	}
	ck_assert(d->section[4].restart_numbering);
	ck_assert(!d->section[5].restart_numbering);
	sig = doc_find_signature(d);
	ck_assert_ptr_nonnull(sig);
	ck_assert_str_eq(sig->nama, "Budi Santoso");
	ck_assert_str_eq(sig->place_date, "Kota Uji, 15 Februari 2024");
	ck_assert_str_eq(d->info.title,
	    "Laporan Kinerja Instansi Pemerintah Tahun 2023");
	for (size_t i = 0; warn != NULL && warn[i] != NULL; i++)
		if (strstr(warn[i], "no analysis (tahunan.narasi) for S2"))
			narasi = true;
	ck_assert_msg(narasi, "S2's missing analysis is warned of");
	doc_free(d);
	rencana_free(r);
	tmpl_free(TL);
	TL = NULL;
}
END_TEST

/* IDI has realisations of 2021, 2022 and the year: one chart, the
 * baseline first, the Renstra years after; without riwayat, none. */
START_TEST(test_lkjip_chart)
{
	static const struct { const char *label, *real, *target; } want[] = {
		{ "2020", "75,20", NULL }, { "2021", "76,50", "76" },
		{ "2022", "77,10", "77" }, { "2023", "80", "78" },
		{ "2024", NULL, "79" }, { "2025", NULL, "80" },
	};
	rencana *r = NULL;
	doc *d = build_tahunan(&r, NULL, false);
	const doc_trend *t = NULL;

	ck_assert_uint_eq(n_trend(d), 1);
	for (size_t i = 0; i < d->n_section && t == NULL; i++)
		for (size_t j = 0; j < d->section[i].n_block; j++)
			if (d->section[i].block[j].type == DOC_TREND)
				t = d->section[i].block[j].trend;
	ck_assert_ptr_nonnull(t);
	ck_assert_uint_eq(t->n_point, LK_NELEM(want));
	for (size_t i = 0; i < LK_NELEM(want); i++) {
		const doc_trend_point *p = &t->point[i];

		ck_assert_str_eq(p->label, want[i].label);
		ck_assert_int_eq(p->ada_realisasi, want[i].real != NULL);
		ck_assert_int_eq(p->ada_target, want[i].target != NULL);
		if (want[i].real != NULL)
			ck_assert_str_eq(p->realisasi_text, want[i].real);
		if (want[i].target != NULL)
			ck_assert_str_eq(p->target_text, want[i].target);
	}
	doc_free(d);
	rencana_free(r);
	d = build_tahunan(&r, NULL, true);
	ck_assert_uint_eq(n_trend(d), 0);
	doc_free(d);
	rencana_free(r);
	tmpl_free(TL);
	TL = NULL;
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc;

	if (setlocale(LC_ALL, "") == NULL || MB_CUR_MAX == 1)
		setlocale(LC_ALL, "C.UTF-8");
	if (getenv("LAKIP_DATA_DIR") == NULL)
		setenv("LAKIP_DATA_DIR", lktest_path(""), 1);
	unsetenv("SOURCE_DATE_EPOCH");

	tc = tcase_create("template");
	tcase_add_test(tc, test_default_template);
	tcase_add_test(tc, test_perjanjian_template);
	tcase_add_test(tc, test_lkjip_template);
	tcase_add_test(tc, test_lkjip_parts);
	tcase_add_test(tc, test_lkjip_chart);
	tcase_add_test(tc, test_template_user_override);
	tcase_add_loop_test(tc, test_bad_template, 0, (int)LK_NELEM(bad_cases));
	tcase_add_test(tc, test_every_text_checked);
	tcase_add_test(tc, test_text_added_later);
	tcase_add_test(tc, test_man_page);
	tcase_add_loop_test(tc, test_tmpl_isi, 0, (int)LK_NELEM(isi_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("words");
	tcase_add_loop_test(tc, test_urutan, 1, (int)LK_NELEM(urutan_want));
	tcase_add_loop_test(tc, test_bilangan, 0, (int)LK_NELEM(kata_cases));
	tcase_add_test(tc, test_bulan);
	tcase_add_test(tc, test_upper);
	suite_add_tcase(s, tc);

	tc = tcase_create("markup");
	tcase_add_loop_test(tc, test_markup, 0, (int)LK_NELEM(markup_cases));
	tcase_add_test(tc, test_markup_isi);
	tcase_add_test(tc, test_doc_growth);
	suite_add_tcase(s, tc);

	tc = tcase_create("build");
	tcase_add_checked_fixture(tc, fixture_setup, fixture_teardown);
	tcase_add_test(tc, test_sections);
	tcase_add_test(tc, test_chapter_headings);
	tcase_add_test(tc, test_sasaran_headings);
	tcase_add_test(tc, test_cover);
	tcase_add_test(tc, test_signature);
	tcase_add_test(tc, test_capaian_table);
	tcase_add_test(tc, test_lampiran_tables);
	tcase_add_test(tc, test_charts);
	tcase_add_loop_test(tc, test_tw_charts, 0, (int)LK_NELEM(tw_cases));
	tcase_add_test(tc, test_bab2_bab3);
	tcase_add_test(tc, test_info_page);
	tcase_add_test(tc, test_all_filled);
	tcase_add_test(tc, test_fixture_warnings);
	tcase_add_test(tc, test_quarter_without_report);
	tcase_add_test(tc, test_missing_parts);
	tcase_add_test(tc, test_teks_override);
	tcase_add_test(tc, test_template_order);
	tcase_add_test(tc, test_small_plan);
	tcase_add_test(tc, test_bad_quarter);
	suite_add_tcase(s, tc);
	return s;
}
