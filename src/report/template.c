/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* template.c - load and check a report template.
 *
 * Owns: reading a template file (or buffer), checking every key, paper
 * size, margin, font file, part and text, and the placeholders of every
 * text (with the file position of a bad one); the predikat bands that go
 * with it.  Filling placeholders, the names of texts and placeholders and
 * the Indonesian words are in template_fill.c.  Every translatable
 * message of the template is in this file.
 */
#include "config.h"
#include "report/template.h"
#include "report/template_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/dec.h"
#include "core/i18n.h"
#include "io/datafile.h"
#include "io/predikat_load.h"
#include "io/yamldoc.h"

#define TMPL_FORMAT "lakip-template/1"
#define FONT_DIR "/usr/share/fonts/truetype/liberation2"
#define FONT_PACKAGE "fonts-liberation2"

/* ---- placeholders ---- */

/* Is name (len bytes) one of the space-separated words of list? */
static bool
in_words(const char *list, const char *name, size_t len)
{
	const char *p = list;

	while (*p) {
		size_t w = strcspn(p, " ");

		if (w == len && strncmp(p, name, len) == 0)
			return true;
		p += w;
		p += strspn(p, " ");
	}
	return false;
}

typedef struct check_ctx {
	enum tmpl_teks_id id;
} check_ctx;

static int
check_cb(void *vctx, bool placeholder, const char *s, size_t n)
{
	check_ctx *c = vctx;

	if (!placeholder)
		return 0;
	for (int i = 0; i < TP_N; i++) {
		const char *u = tmpl_umum_nama((enum tmpl_umum_id)i);

		if (strlen(u) == n && strncmp(u, s, n) == 0)
			return 0;
	}
	if ((unsigned)c->id < TT_N && in_words(tmpl_teks_lokal(c->id), s, n))
		return 0;
	return EX_DATAERR;
}

int
tmpl_periksa(enum tmpl_teks_id id, const char *text, size_t *off,
	     size_t *len, const char **why)
{
	check_ctx c = { id };
	enum tmpl_scan_why w = TMPL_SCAN_VALUE;
	int rc = tmpl_scan(text, check_cb, &c, off, len, &w);

	switch (w) {
	case TMPL_SCAN_BAD_NAME:
		*why = N_("a placeholder is {name} in lower case letters, "
		    "digits and _ (write {{ for a literal brace)");
		break;
	case TMPL_SCAN_UNCLOSED:
		*why = N_("unclosed { (write {{ for a literal brace)");
		break;
	case TMPL_SCAN_UNKNOWN:
		*why = N_("unknown placeholder");
		break;
	case TMPL_SCAN_VALUE:
	default:
		*why = N_("cannot fill the text");
		break;
	}
	return rc;
}

/* ---- loading ---- */

typedef struct loader {
	yd_doc d;
	const char *raw;     /* the file's text, for positions inside texts */
	size_t raw_len;
	tmpl *t;
	lk_err *e;
} loader;

static int
fail(loader *l, const yd_node *n, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int
fail(loader *l, const yd_node *n, int code, const char *fmt, ...)
{
	char msg[LK_ERR_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return lk_fail_at(l->e, code, l->d.file, n ? n->line : 0,
	    n ? n->col : 0, "%s", msg);
}

/* A number in [min, max] (both in hundredths) with at most 2 decimals. */
static int
number(loader *l, const yd_node *n, const char *what, int64_t min,
       int64_t max, const char *unit, int64_t *out)
{
	char lo[DEC_BUFSZ], hi[DEC_BUFSZ];
	int64_t v;
	int rc = yd_number(&l->d, n, what, 2, false, &v, l->e);

	if (rc != 0)
		return rc;
	if (v < min || v > max)
		return fail(l, n, EX_DATAERR,
		    _("%s: %s is out of range (expected %s to %s %s)"), what,
		    n->str, dec_format_machine(min, 2, lo),
		    dec_format_machine(max, 2, hi), unit);
	*out = v;
	return 0;
}

static int
string(loader *l, const yd_node *n, const char *what, char **out)
{
	return yd_string(&l->d, n, what, out, l->e);
}

static const struct {
	const char *nama;
	int64_t lebar, tinggi;   /* hundredths of a mm */
} kertas_baku[] = {
	{ "A4", 21000, 29700 },
	{ "F4", 21500, 33000 },
	{ "Letter", 21590, 27940 },
	{ "Legal", 21590, 35560 },
};

static int
load_margin(loader *l, const yd_node *m)
{
	static const char *const keys[] = { "atas", "bawah", "kiri", "kanan",
		NULL };
	int64_t *dst[] = { &l->t->margin_atas, &l->t->margin_bawah,
		&l->t->margin_kiri, &l->t->margin_kanan };
	int rc = yd_check_keys(&l->d, m, "kertas.margin", keys, NULL, l->e);

	if (rc != 0)
		return rc;
	for (int i = 0; keys[i] != NULL; i++) {
		const yd_node *v = yd_get(m, keys[i]);
		char what[64];

		if (v == NULL)
			continue;
		snprintf(what, sizeof what, "kertas.margin.%s", keys[i]);
		if ((rc = number(l, v, what, 0, 10000, "mm", dst[i])) != 0)
			return rc;
	}
	return 0;
}

static int
load_kertas(loader *l, const yd_node *k)
{
	static const char *const keys[] = { "ukuran", "lebar", "tinggi",
		"margin", "orientasi_lampiran", NULL };
	const yd_node *uk, *lb, *tg, *mg, *ori;
	tmpl *t = l->t;
	int rc = yd_check_keys(&l->d, k, "kertas", keys, NULL, l->e);

	if (rc != 0)
		return rc;
	uk = yd_get(k, "ukuran");
	lb = yd_get(k, "lebar");
	tg = yd_get(k, "tinggi");
	if (uk != NULL) {
		char *s;
		size_t i;

		if ((rc = string(l, uk, "kertas.ukuran", &s)) != 0)
			return rc;
		for (i = 0; i < sizeof kertas_baku / sizeof kertas_baku[0]; i++)
			if (strcasecmp(s, kertas_baku[i].nama) == 0)
				break;
		if (i == sizeof kertas_baku / sizeof kertas_baku[0])
			return fail(l, uk, EX_DATAERR,
			    _("kertas.ukuran: unknown paper size \"%s\" "
			    "(expected A4, F4, Letter or Legal, or give "
			    "lebar and tinggi in mm)"), s);
		if (lb != NULL || tg != NULL)
			return fail(l, lb != NULL ? lb : tg, EX_DATAERR,
			    _("kertas: give either ukuran or lebar and "
			    "tinggi, not both"));
		t->lebar = kertas_baku[i].lebar;
		t->tinggi = kertas_baku[i].tinggi;
	} else if (lb != NULL || tg != NULL) {
		if (lb == NULL || tg == NULL)
			return fail(l, lb != NULL ? lb : tg, EX_DATAERR,
			    _("kertas: lebar and tinggi go together"));
		if ((rc = number(l, lb, "kertas.lebar", 5000, 100000, "mm",
		    &t->lebar)) != 0 ||
		    (rc = number(l, tg, "kertas.tinggi", 5000, 100000, "mm",
		    &t->tinggi)) != 0)
			return rc;
		if (t->lebar > t->tinggi)
			return fail(l, lb, EX_DATAERR,
			    _("kertas.lebar: the page is given upright: "
			    "lebar must not exceed tinggi (orientasi_lampiran "
			    "turns the appendix)"));
	}
	if ((mg = yd_get(k, "margin")) != NULL &&
	    (rc = load_margin(l, mg)) != 0)
		return rc;
	if ((ori = yd_get(k, "orientasi_lampiran")) != NULL) {
		char *s;

		if ((rc = string(l, ori, "kertas.orientasi_lampiran", &s)) != 0)
			return rc;
		if (strcmp(s, "portrait") == 0)
			t->lampiran_landscape = false;
		else if (strcmp(s, "landscape") == 0)
			t->lampiran_landscape = true;
		else
			return fail(l, ori, EX_DATAERR,
			    _("kertas.orientasi_lampiran: expected portrait or "
			    "landscape, found \"%s\""), s);
	}
	/* At least 40 mm of text area either way round. */
	{
		int64_t w = t->lebar, h = t->tinggi, min = 4000;

		if (w - t->margin_kiri - t->margin_kanan < min ||
		    h - t->margin_atas - t->margin_bawah < min ||
		    h - t->margin_kiri - t->margin_kanan < min ||
		    w - t->margin_atas - t->margin_bawah < min)
			return fail(l, mg != NULL ? mg : k, EX_DATAERR,
			    _("kertas.margin: the margins leave less than "
			    "40 mm of text area"));
	}
	return 0;
}

static int
check_font(loader *l, const char *path, const yd_node *at)
{
	struct stat st;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    access(path, R_OK) == 0)
		return 0;
	return fail(l, at, EX_NOINPUT,
	    _("font file %s not found or not readable (the default fonts, "
	    "Liberation Serif, come with the Debian package %s: apt-get "
	    "install %s)"), path, FONT_PACKAGE, FONT_PACKAGE);
}

static int
load_huruf(loader *l, const yd_node *h)
{
	static const char *const keys[] = { "direktori", "biasa", "tebal",
		"miring", "tebal_miring", "ukuran", "ukuran_judul", "spasi",
		NULL };
	static const char *const font_keys[] = { "biasa", "tebal", "miring",
		"tebal_miring" };
	static const char *const font_default[] = {
		"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
		"LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf",
	};
	const char **dst[] = { &l->t->font.regular, &l->t->font.bold,
		&l->t->font.italic, &l->t->font.bold_italic };
	const yd_node *dn = NULL, *v;
	const char *dir = FONT_DIR;
	char *s;
	int rc;

	if (h != NULL) {
		if ((rc = yd_check_keys(&l->d, h, "huruf", keys, NULL, l->e)) != 0)
			return rc;
		if ((dn = yd_get(h, "direktori")) != NULL) {
			if ((rc = string(l, dn, "huruf.direktori", &s)) != 0)
				return rc;
			dir = s;
		}
		if ((v = yd_get(h, "ukuran")) != NULL &&
		    (rc = number(l, v, "huruf.ukuran", 600, 3600, "pt",
		    &l->t->ukuran_huruf)) != 0)
			return rc;
		if ((v = yd_get(h, "ukuran_judul")) != NULL &&
		    (rc = number(l, v, "huruf.ukuran_judul", 600, 4800, "pt",
		    &l->t->ukuran_judul)) != 0)
			return rc;
		if ((v = yd_get(h, "spasi")) != NULL &&
		    (rc = number(l, v, "huruf.spasi", 100, 300, "",
		    &l->t->spasi)) != 0)
			return rc;
	}
	for (int i = 0; i < 4; i++) {
		const char *file = font_default[i];
		const yd_node *at = dn;

		v = h != NULL ? yd_get(h, font_keys[i]) : NULL;
		if (v != NULL) {
			char what[32];

			snprintf(what, sizeof what, "huruf.%s", font_keys[i]);
			if ((rc = string(l, v, what, &s)) != 0)
				return rc;
			file = s;
			at = v;
		}
		*dst[i] = file[0] == '/' ? arena_strdup(&l->t->mem, file) :
		    arena_printf(&l->t->mem, "%s/%s", dir, file);
		if ((rc = check_font(l, *dst[i], at)) != 0)
			return rc;
	}
	return 0;
}

/* The parts of the template's kind: "sampul, ... or lampiran". */
static const char *
bagian_daftar(loader *l)
{
	const char *names[TB_N];
	size_t n = 0;
	char *s = NULL;

	for (int b = 0; b < TB_N; b++)
		if (tmpl_bagian_dokumen((enum tmpl_bagian)b) == l->t->jenis)
			names[n++] = tmpl_bagian_nama((enum tmpl_bagian)b);
	for (size_t i = 0; i < n; i++)
		s = arena_printf(&l->t->mem, "%s%s%s", s != NULL ? s : "",
		    i == 0 ? "" : i + 1 < n ? ", " : _(" or "), names[i]);
	return s != NULL ? s : "";
}

static int
load_jenis(loader *l, const yd_node *v)
{
	char *s;
	int rc = string(l, v, "jenis", &s);

	if (rc != 0)
		return rc;
	for (int d = 0; d < TD_N; d++)
		if (strcmp(s, tmpl_dokumen_nama((enum tmpl_dokumen)d)) == 0) {
			l->t->jenis = (enum tmpl_dokumen)d;
			return 0;
		}
	return fail(l, v, EX_DATAERR, _("jenis: expected laporan, "
	    "perjanjian or lkjip, found \"%s\""), s);
}

static int
load_urutan(loader *l, const yd_node *u)
{
	int rc = yd_expect(&l->d, u, YD_SEQ, "urutan", l->e);
	bool seen[TB_N] = { false };

	if (rc != 0)
		return rc;
	if (u->n_item == 0)
		return fail(l, u, EX_DATAERR,
		    _("urutan: list at least one part of the report"));
	l->t->n_urutan = 0;
	for (size_t i = 0; i < u->n_item; i++) {
		const yd_node *it = u->item[i];
		char *s;
		int b;

		if ((rc = string(l, it, "urutan", &s)) != 0)
			return rc;
		for (b = 0; b < TB_N; b++)
			if (tmpl_bagian_dokumen((enum tmpl_bagian)b) ==
			    l->t->jenis &&
			    strcmp(s, tmpl_bagian_nama((enum tmpl_bagian)b)) == 0)
				break;
		if (b == TB_N)
			return fail(l, it, EX_DATAERR,
			    _("urutan: unknown part \"%s\" of a %s template "
			    "(expected %s)"), s,
			    tmpl_dokumen_nama(l->t->jenis), bagian_daftar(l));
		if (seen[b])
			return fail(l, it, EX_DATAERR,
			    _("urutan: \"%s\" is listed twice"), s);
		seen[b] = true;
		l->t->urutan[l->t->n_urutan++] = (enum tmpl_bagian)b;
	}
	return 0;
}

/* Drop trailing white space (block scalars end in a newline). */
static const char *
rstrip(arena *a, const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return arena_strndup(a, s, n);
}

/* Texts added after a template format was in use: a template written
 * before (an agency's stored copy) that lacks one takes it from the
 * installed template of its kind, rather than failing to load. */
static const enum tmpl_teks_id teks_baru[] = { TT_SAMPUL_VERSI,
	TT_LAMPIRAN_GRAFIK_TW_JUDUL, TT_GRAFIK_TW_JUDUL, TT_GRAFIK_TW_REALISASI,
	TT_GRAFIK_TW_TARGET };

/* Text id, missing from l's template, from the installed template of its
 * kind when it is one of teks_baru: 0, EX_NOINPUT (the installed
 * template cannot be loaded: its message), else -1 (missing). */
static int
teks_terpasang(loader *l, enum tmpl_teks_id id)
{
	static int depth;
	bool baru = false;
	tmpl *inst = NULL;
	int rc;

	for (size_t i = 0; i < sizeof teks_baru / sizeof teks_baru[0]; i++)
		baru = baru || teks_baru[i] == id;
	if (!baru || depth > 0)
		return -1;
	depth++;
	rc = tmpl_load(tmpl_dokumen_nama(l->t->jenis), &inst, l->e);
	depth--;
	if (rc != 0)
		return EX_NOINPUT;
	l->t->teks[id] = arena_strdup(&l->t->mem, inst->teks[id]);
	tmpl_free(inst);
	return 0;
}

static int
load_teks(loader *l, const yd_node *m)
{
	int rc = yd_expect(&l->d, m, YD_MAP, "teks", l->e);

	if (rc != 0)
		return rc;
	for (size_t i = 0; i < m->n_pair; i++) {
		const yd_node *k = m->pair[i].key, *v = m->pair[i].value;
		int id = tmpl_teks_cari(k->str);
		size_t off, len;
		const char *why;
		char *s;

		if (id < 0)
			return fail(l, k, EX_DATAERR,
			    _("teks: unknown text \"%s\" (lakip-template(5) "
			    "lists the names)"), k->str);
		if (tmpl_teks_dokumen((enum tmpl_teks_id)id) != l->t->jenis)
			return fail(l, k, EX_DATAERR,
			    _("teks: \"%s\" is a text of a %s template, this "
			    "is a %s template (key jenis)"), k->str,
			    tmpl_dokumen_nama(tmpl_teks_dokumen(
			    (enum tmpl_teks_id)id)),
			    tmpl_dokumen_nama(l->t->jenis));
		if (v->type == YD_SCALAR && yd_is_null(v)) {
			s = arena_strdup(&l->t->mem, "");
		} else {
			char what[96];

			snprintf(what, sizeof what, "teks.%s", k->str);
			if ((rc = string(l, v, what, &s)) != 0)
				return rc;
		}
		if (tmpl_periksa((enum tmpl_teks_id)id, s, &off, &len, &why) != 0) {
			char *part = arena_strndup(&l->t->mem, s + off, len);
			unsigned line, col;

			line = v->line;
			col = v->col;
			tmpl_pos_in_text(l->raw, l->raw_len, part, len,
			    tmpl_count_occurrences(s, off, part, len), &line,
			    &col);
			return lk_fail_at(l->e, EX_DATAERR, l->d.file, line, col,
			    "teks.%s: %s %s", k->str, _(why), part);
		}
		l->t->teks[id] = rstrip(&l->t->mem, s);
		l->t->teks_line[id] = v->line;
		l->t->teks_col[id] = v->col;
	}
	for (int id = 0; id < TT_N; id++)
		if (l->t->teks[id] == NULL &&
		    tmpl_teks_dokumen((enum tmpl_teks_id)id) == l->t->jenis &&
		    (rc = teks_terpasang(l, (enum tmpl_teks_id)id)) != 0)
			return rc == EX_NOINPUT ? rc : fail(l, m, EX_DATAERR,
			    _("teks: missing text \"%s\" (a template gives "
			    "every text: start from a copy of the installed "
			    "%s.yaml)"),
			    tmpl_teks_nama((enum tmpl_teks_id)id),
			    tmpl_dokumen_nama(l->t->jenis));
	return 0;
}

/* The parts of the template's kind, in their default order. */
static void
urutan_bawaan(tmpl *t)
{
	t->n_urutan = 0;
	for (int i = 0; i < TB_N; i++)
		if (tmpl_bagian_dokumen((enum tmpl_bagian)i) == t->jenis)
			t->urutan[t->n_urutan++] = (enum tmpl_bagian)i;
}

static void
defaults(tmpl *t)
{
	t->lebar = 21000;
	t->tinggi = 29700;
	t->margin_atas = 2500;
	t->margin_bawah = 2500;
	t->margin_kiri = 3000;
	t->margin_kanan = 2500;
	t->lampiran_landscape = false;
	t->ukuran_huruf = 1200;
	t->ukuran_judul = 1400;
	t->spasi = 150;
	urutan_bawaan(t);
}

int
tmpl_load_predikat(tmpl *t, lk_err *e)
{
	char path[4096];

	if (datafile_find("templates/predikat.yaml", path, sizeof path,
	    NULL) != 0) {
		t->predikat = *predikat_default();
		return 0;
	}
	return predikat_load_file(&t->mem, path, &t->predikat, e);
}

int
tmpl_load_buffer(const char *name, const char *buf, size_t len, tmpl **out,
		 lk_err *e)
{
	static const char *const keys[] = { "format", "jenis", "kertas",
		"huruf", "urutan", "teks", NULL };
	static const char *const required[] = { "teks", NULL };
	tmpl *t = calloc(1, sizeof *t);
	loader l = { { NULL, NULL, NULL, NULL }, buf, len, t, e };
	const yd_node *root, *v;
	int rc;

	if (t == NULL)
		lk_fatal("out of memory (template)");
	defaults(t);
	t->file = arena_strdup(&t->mem, name);
	if ((rc = yd_load_buffer(&t->mem, t->file, buf, len, &l.d, e)) != 0)
		goto out;
	root = l.d.root;
	if (root == NULL) {
		rc = lk_fail_at(e, EX_DATAERR, t->file, 0, 0,
		    _("the template is empty"));
		goto out;
	}
	if ((rc = yd_check_keys(&l.d, root, "template", keys, required,
	    e)) != 0)
		goto out;
	if ((v = yd_get(root, "format")) != NULL) {
		char *s;

		if ((rc = string(&l, v, "format", &s)) != 0)
			goto out;
		if (strcmp(s, TMPL_FORMAT) != 0) {
			rc = fail(&l, v, EX_DATAERR, _("format: expected %s, "
			    "found \"%s\""), TMPL_FORMAT, s);
			goto out;
		}
	}
	if ((v = yd_get(root, "jenis")) != NULL) {
		if ((rc = load_jenis(&l, v)) != 0)
			goto out;
		urutan_bawaan(t);
	}
	if ((v = yd_get(root, "kertas")) != NULL &&
	    (rc = load_kertas(&l, v)) != 0)
		goto out;
	if ((rc = load_huruf(&l, yd_get(root, "huruf"))) != 0)
		goto out;
	if ((v = yd_get(root, "urutan")) != NULL &&
	    (rc = load_urutan(&l, v)) != 0)
		goto out;
	rc = load_teks(&l, yd_get(root, "teks"));
out:
	if (rc != 0) {
		tmpl_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

int
tmpl_load(const char *name_or_file, tmpl **out, lk_err *e)
{
	char path[4096];
	FILE *f;
	char *buf;
	long size;
	size_t got;
	int rc;

	if (name_or_file == NULL || *name_or_file == '\0')
		name_or_file = "laporan";
	if (strchr(name_or_file, '/') != NULL || ends_with(name_or_file, ".yaml")) {
		if (strlen(name_or_file) >= sizeof path)
			return lk_fail(e, EX_USAGE, _("template path too long"));
		strcpy(path, name_or_file);
	} else {
		char rel[512];

		if (strlen(name_or_file) > 200)
			return lk_fail(e, EX_USAGE, _("template name too long"));
		snprintf(rel, sizeof rel, "templates/%s.yaml", name_or_file);
		if ((rc = datafile_find(rel, path, sizeof path, e)) != 0)
			return rc;
	}
	if ((f = fopen(path, "rb")) == NULL)
		return lk_fail(e, EX_NOINPUT, _("cannot open template %s: %s"),
		    path, strerror(errno));
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return lk_fail(e, EX_NOINPUT, _("cannot read template %s"), path);
	}
	if ((unsigned long)size > YAMLDOC_MAX_FILE) {
		fclose(f);
		return lk_fail(e, EX_DATAERR, _("%s: the template is larger "
		    "than %u bytes"), path, YAMLDOC_MAX_FILE);
	}
	if ((buf = malloc((size_t)size + 1)) == NULL)
		lk_fatal("out of memory (template)");
	got = fread(buf, 1, (size_t)size, f);
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return lk_fail(e, EX_IOERR, _("cannot read template %s: %s"),
		    path, strerror(errno));
	}
	fclose(f);
	buf[got] = '\0';
	rc = tmpl_load_buffer(path, buf, got, out, e);
	free(buf);
	return rc;
}

void
tmpl_free(tmpl *t)
{
	if (t == NULL)
		return;
	arena_free(&t->mem);
	free(t);
}
