/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* sheet_read.c - the data sheets of a workbook as an exchange tree, read
 * by the exchange reader (every rule of lakip/1, naming the cell).
 *
 * Each cell value becomes a scalar node whose position is the cell: line
 * is the row, col is the sheet's index in the reader's table times 65536
 * plus the column; the tree's where() turns that back into "iku!F7" (or
 * "FILE:LINE:FIELD" for a CSV sheet).  Numbers are turned into the
 * machine form here (Indonesian text, numeric cells at the field's
 * precision), dates into YYYY-MM-DD. */
#include "config.h"
#include "io/sheet.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/dec.h"
#include "core/i18n.h"
#include "io/exchange.h"
#include "io/yamldoc.h"

#define MAX_TABLE 32          /* sheets one read looks at */

typedef struct bnode {
	yd_node n;
	size_t cap;
} bnode;

typedef struct kv {
	char *key;
	yd_node *map;         /* the map holding the realisation's pair */
	size_t at;            /* its index there (the map's array grows, */
	const sheet *from;    /* so no pointer into it is kept) */
} kv;

/* What messages need of a sheet, copied: the book may be freed before
 * the exchange reader's checks run (sheet_book_read_free). */
typedef struct tabent {
	const char *name, *file;
	bool csv;
} tabent;

typedef struct rd {
	arena *a;
	yd_doc doc;
	lk_err *e;
	tabent tab[MAX_TABLE];
	size_t n_tab;
	size_t cur;               /* index of the sheet being read */
	yd_node *root, *instansi, *sasaran, *program, *triwulan;
	yd_node *tw[TW_MAX + 1];
	unsigned tw_row[TW_MAX + 1];
	kv *seen;                 /* realisations: "tw kode" -> pair */
	size_t seen_cap, seen_n;
	sheet_err_fn *on_err;     /* every error, or NULL: stop at the first */
	void *on_err_ctx;
	size_t n_err;
} rd;

/* Another error may be looked for (one per row, SHEET_MAX_ERRORS). */
static bool
more(const rd *x)
{
	return x->on_err != NULL && x->n_err < SHEET_MAX_ERRORS;
}

/* A row's error: on to the next row when every error is asked for. */
#define ROW_FAIL(call) do { rc = (call); goto row_fail; } while (0)

/* ---- positions ---- */

static void
where(const yd_doc *d, unsigned line, unsigned col, bool with_file,
      char *buf, size_t n)
{
	const rd *x = d->where_ctx;
	size_t i = col >> 16;
	const tabent *s = i < x->n_tab ? &x->tab[i] : NULL;
	char ref[16];

	col &= 0xffff;
	if (s == NULL) {
		snprintf(buf, n, "%s", d->file);
		return;
	}
	if (s->csv && with_file)
		snprintf(buf, n, "%s:%u:%u", s->file, line, col);
	else if (s->csv)
		snprintf(buf, n, _("line %u, column %u"), line, col);
	else if (*s->file == '\0')
		snprintf(buf, n, _("the database's %s, row %u"), s->name, line);
	else if (with_file)
		snprintf(buf, n, "%s: %s!%s", s->file, s->name,
		    sheet_cellref(col, line, ref));
	else
		snprintf(buf, n, "%s!%s", s->name, sheet_cellref(col, line, ref));
}

static int
fail(rd *x, unsigned row, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int
fail(rd *x, unsigned row, unsigned col, const char *fmt, ...)
{
	char w[YD_WHERE_MAX], msg[LK_ERR_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	where(&x->doc, row, (unsigned)(x->cur << 16) | col, true, w, sizeof w);
	if (x->on_err != NULL) {
		lk_err e1 = { 0, "" };

		lk_fail(&e1, EX_DATAERR, "%s: %s", w, msg);
		x->on_err(x->on_err_ctx, e1.msg);
		if (x->n_err++ == 0 && x->e != NULL)
			*x->e = e1;
		return EX_DATAERR;
	}
	return lk_fail(x->e, EX_DATAERR, "%s: %s", w, msg);
}

/* ---- nodes ---- */

static yd_node *
node(rd *x, enum yd_type t, unsigned row, unsigned col)
{
	bnode *b = arena_alloc(x->a, sizeof *b);

	memset(b, 0, sizeof *b);
	b->n.type = t;
	b->n.line = row;
	b->n.col = (unsigned)(x->cur << 16) | col;
	return &b->n;
}

static yd_node *
scalar(rd *x, const char *s, bool plain, unsigned row, unsigned col)
{
	yd_node *n = node(x, YD_SCALAR, row, col);

	n->str = arena_strdup(x->a, s);
	n->len = strlen(s);
	n->plain = plain;
	return n;
}

static yd_pair *
put(rd *x, yd_node *map, const char *key, yd_node *val)
{
	bnode *b = (bnode *)map;
	yd_pair *p;

	map->pair = arena_grow(x->a, map->pair, sizeof *map->pair, &b->cap,
	    map->n_pair + 1);
	p = &map->pair[map->n_pair++];
	/* A key is a literal or a kode already in the arena: not copied. */
	p->key = node(x, YD_SCALAR, val->line, 0);
	p->key->col = val->col;
	p->key->str = (char *)key;
	p->key->len = strlen(key);
	p->key->plain = true;
	p->value = val;
	return p;
}

static void
push(rd *x, yd_node *seq, yd_node *item)
{
	bnode *b = (bnode *)seq;

	seq->item = arena_grow(x->a, seq->item, sizeof *seq->item, &b->cap,
	    seq->n_item + 1);
	seq->item[seq->n_item++] = item;
}

/* ---- columns ---- */

typedef struct col {
	const char *name;
	bool req;
} col;

typedef struct hdr {
	unsigned at[16];        /* column of each spec entry, 0 = absent */
	size_t first;           /* index of the first data row */
	unsigned row;           /* the header's row */
} hdr;

/* The cell of column c in row r, or NULL. */
static const sheet_cell *
cell(const sheet_row *r, unsigned c)
{
	if (c == 0)
		return NULL;
	for (size_t i = 0; i < r->n_cell; i++)
		if (r->cell[i].col == c)
			return &r->cell[i];
	return NULL;
}

static bool
blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

/* Trimmed copy of s in the reader's arena. */
static char *
trim(rd *x, const char *s)
{
	size_t n;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return arena_strndup(x->a, s, n);
}

static int
headers(rd *x, const sheet *s, const col *spec, hdr *h)
{
	size_t i, k;
	const sheet_row *r = NULL;
	char names[512];

	memset(h, 0, sizeof *h);
	for (i = 0; i < s->n_row; i++) {
		r = &s->row[i];
		for (k = 0; k < r->n_cell; k++)
			if (!blank(r->cell[k].text))
				break;
		if (k < r->n_cell)
			break;
	}
	if (i == s->n_row)
		return fail(x, 1, 1, _("the sheet %s has no header row"), s->name);
	h->first = i + 1;
	h->row = r->row;
	names[0] = '\0';
	for (k = 0; spec[k].name != NULL; k++) {
		if (k > 0)
			strncat(names, ", ", sizeof names - strlen(names) - 1);
		strncat(names, spec[k].name, sizeof names - strlen(names) - 1);
	}
	for (i = 0; i < r->n_cell; i++) {
		const sheet_cell *c = &r->cell[i];
		char *t = trim(x, c->text), buf[YD_DESCRIBE_MAX];

		if (*t == '\0' || *t == '#')
			continue;
		for (k = 0; spec[k].name != NULL; k++)
			if (strcasecmp(t, spec[k].name) == 0)
				break;
		if (spec[k].name == NULL)
			return fail(x, r->row, c->col, _("unknown column %s in the "
			    "sheet %s (its columns: %s; a note column starts "
			    "with #)"), yd_quote(t, buf), s->name, names);
		if (h->at[k] != 0)
			return fail(x, r->row, c->col, _("the column %s appears "
			    "twice"), spec[k].name);
		h->at[k] = c->col;
	}
	for (k = 0; spec[k].name != NULL; k++)
		if (spec[k].req && h->at[k] == 0)
			return fail(x, r->row, r->cell[0].col, _("the sheet %s has "
			    "no column %s (its columns: %s)"), s->name,
			    spec[k].name, names);
	return 0;
}

/* A data row: any field of the spec holds something. */
static bool
data_row(const sheet_row *r, const hdr *h, const col *spec)
{
	for (size_t k = 0; spec[k].name != NULL; k++) {
		const sheet_cell *c = cell(r, h->at[k]);

		if (c != NULL && (c->type != SHEET_TEXT || !blank(c->text)))
			return true;
	}
	return false;
}

/* The text of field k ("" when empty): numbers as a spreadsheet shows
 * them, errors and formulas without a value refused. */
static int
text(rd *x, const sheet_row *r, const hdr *h, size_t k, char **out)
{
	const sheet_cell *c = cell(r, h->at[k]);
	char buf[64];

	*out = "";
	if (c == NULL)
		return 0;
	switch (c->type) {
	case SHEET_ERROR:
		return fail(x, r->row, c->col, _("the cell holds the error %s "
		    "of its formula"), c->text);
	case SHEET_NO_VALUE:
		return fail(x, r->row, c->col, _("a formula without a stored "
		    "value (open and save the file in a spreadsheet program, "
		    "or type the value)"));
	case SHEET_NUMBER:
		*out = trim(x, sheet_number_text(c->text, buf));
		return 0;
	case SHEET_BOOL:   /* a copy: callers may cut it up */
		*out = trim(x, strcmp(c->text, "1") == 0 ? "TRUE" : "FALSE");
		return 0;
	default:
		*out = trim(x, c->text);
		return 0;
	}
}

static unsigned
col_of(const sheet_row *r, const hdr *h, size_t k)
{
	const sheet_cell *c = cell(r, h->at[k]);

	return c != NULL ? c->col : (h->at[k] ? h->at[k] : 1);
}

/* A string field: a scalar at its cell, or NULL when empty and !req
 * (required and empty is an error). */
static int
str(rd *x, const sheet_row *r, const hdr *h, const col *spec, size_t k,
    bool req, yd_node **out)
{
	char *t;
	int rc = text(x, r, h, k, &t);

	*out = NULL;
	if (rc != 0)
		return rc;
	if (*t == '\0') {
		if (req)
			return fail(x, r->row, col_of(r, h, k),
			    _("%s is empty; it needs a value"), spec[k].name);
		return 0;
	}
	*out = scalar(x, t, false, r->row, col_of(r, h, k));
	return 0;
}

/* Text in the Indonesian form ("78,50", "11.393.254.909", "Rp 5.000"):
 * a dot must be a thousands separator. */
static int
number_text(rd *x, const char *t, int scale, bool rp, unsigned row,
	    unsigned c, int64_t *v)
{
	const char *why = NULL, *p, *dot = NULL;
	char buf[YD_DESCRIBE_MAX], buf2[YD_DESCRIBE_MAX];
	size_t ndot = 0;

	for (p = t; *p; p++)
		if (*p == '.' && !(p > t && (p[-1] == 'p' || p[-1] == 'P'))) {
			ndot++;
			dot = p;
		}
	if (ndot == 1 && strchr(t, ',') == NULL) {
		size_t after = strspn(dot + 1, "0123456789");

		if (after != 3) {
			char hint[DEC_BUFSZ + 8];
			size_t j;

			snprintf(hint, sizeof hint, "%s", t);
			for (j = 0; hint[j]; j++)
				if (&t[j] == dot)
					hint[j] = ',';
			return fail(x, row, c, _("%s is ambiguous: in a text "
			    "cell the dot separates thousands; write %s "
			    "(with a decimal comma)"), yd_quote(t, buf),
			    yd_quote(hint, buf2));
		}
	}
	if (dec_parse_id(t, scale, rp, v, &why) != 0 &&
	    strcmp(why, "not a number") == 0)
		return fail(x, row, c, _("%s is not a number (expected e.g. %s)"),
		    yd_quote(t, buf),
		    scale == DEC_UANG ? "11.393.254.909,00" : "78,50");
	if (why != NULL)
		return fail(x, row, c, _("%s is not a number (%s; expected "
		    "e.g. %s)"), yd_quote(t, buf), _(why),
		    scale == DEC_UANG ? "11.393.254.909,00" : "78,50");
	return 0;
}

/* A number field as a machine-form scalar; NULL when empty and !req. */
static int
num(rd *x, const sheet_row *r, const hdr *h, const col *spec, size_t k,
    bool req, int scale, yd_node **out)
{
	const sheet_cell *c = cell(r, h->at[k]);
	char dbuf[DEC_BUFSZ], buf[YD_DESCRIBE_MAX];
	const char *why;
	int64_t v;
	char *t;
	int rc;

	*out = NULL;
	if (c != NULL && c->type == SHEET_NUMBER) {
		if (sheet_number_scaled(c->text, scale, &v, &why) != 0)
			return fail(x, r->row, c->col, _("%s is not a number "
			    "(%s)"), yd_quote(c->text, buf), _(why));
	} else {
		if ((rc = text(x, r, h, k, &t)) != 0)
			return rc;
		if (*t == '\0') {
			if (req)
				return fail(x, r->row, col_of(r, h, k),
				    _("%s is empty; it needs a value"),
				    spec[k].name);
			return 0;
		}
		if (c->type == SHEET_BOOL)
			return fail(x, r->row, c->col, _("%s: expected a number, "
			    "found %s"), spec[k].name, t);
		rc = number_text(x, t, scale, scale == DEC_UANG, r->row, c->col,
		    &v);
		if (rc != 0)
			return rc;
	}
	*out = scalar(x, dec_format_machine(v, scale, dbuf), true, r->row,
	    c->col);
	return 0;
}

/* A quarter: 1..4, I..IV, optionally "TW" before it. */
static int
quarter(rd *x, const sheet_row *r, const hdr *h, const col *spec, size_t k,
	int *tw)
{
	static const char *const rom[] = { "", "I", "II", "III", "IV" };
	char *t, buf[YD_DESCRIBE_MAX];
	const char *p;
	int rc = text(x, r, h, k, &t);

	if (rc != 0)
		return rc;
	p = t;
	if (strncasecmp(p, "tw", 2) == 0)
		for (p += 2; *p == ' '; p++)
			;
	for (int i = 1; i <= TW_MAX; i++) {
		char d[2] = { (char)('0' + i), '\0' };

		if (strcmp(p, d) == 0 || strcasecmp(p, rom[i]) == 0) {
			*tw = i;
			return 0;
		}
	}
	if (*t == '\0')
		return fail(x, r->row, col_of(r, h, k),
		    _("%s is empty; it needs a value"), spec[k].name);
	return fail(x, r->row, col_of(r, h, k), _("%s: expected a quarter, "
	    "1 to 4, found %s"), spec[k].name, yd_quote(t, buf));
}

/* Days since 1899-12-30 (a spreadsheet's date serial) to a date. */
static void
serial_date(long n, int *y, int *m, int *d)
{
	/* days from 1970-01-01, then the civil calendar (H. Hinnant). */
	long z = n - 25569 + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
date(rd *x, const sheet_row *r, const hdr *h, const col *spec, size_t k,
     yd_node **out)
{
	const sheet_cell *c = cell(r, h->at[k]);
	char *t, buf[YD_DESCRIBE_MAX], iso[48];
	int y = 0, m = 0, d = 0, rc;

	if (c != NULL && c->type == SHEET_NUMBER) {
		int64_t v;
		const char *why;

		if (sheet_number_scaled(c->text, 0, &v, &why) != 0 || v < 1 ||
		    v > 2958465)
			return fail(x, r->row, c->col, _("%s: expected a date, "
			    "found the number %s"), spec[k].name, c->text);
		/* round half up would take 12:00 to the next day */
		sheet_number_scaled(c->text, 0, &v, &why);
		if (strchr(c->text, '.') != NULL && v > 0) {
			int64_t f;

			sheet_number_scaled(c->text, 4, &f, &why);
			v = f / 10000;
		}
		serial_date((long)v, &y, &m, &d);
	} else {
		if ((rc = text(x, r, h, k, &t)) != 0)
			return rc;
		if (*t == '\0')
			return fail(x, r->row, col_of(r, h, k),
			    _("%s is empty; it needs a value"), spec[k].name);
		/* An ISO date cell (t="d"): its time of day is dropped. */
		if (strlen(t) > 10 && t[4] == '-' && t[10] == 'T')
			t[10] = '\0';
		if (!(sscanf(t, "%4d-%2d-%2d%c", &y, &m, &d, buf) == 3 &&
		      strlen(t) == 10 && t[4] == '-') &&
		    !(sscanf(t, "%2d-%2d-%4d%c", &d, &m, &y, buf) == 3 &&
		      strlen(t) == 10 && t[2] == '-'))
			return fail(x, r->row, c->col, _("%s: expected a date "
			    "YYYY-MM-DD or DD-MM-YYYY, found %s"), spec[k].name,
			    yd_quote(t, buf));
		if (!tanggal_sah(y, m, d))
			return fail(x, r->row, c->col, _("%s: %s is no date in "
			    "the calendar"), spec[k].name, yd_quote(t, buf));
	}
	snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
	*out = scalar(x, iso, false, r->row, c->col);
	return 0;
}

/* ---- sheets ---- */

static const col instansi_cols[] = { { "kunci", true }, { "nilai", true },
	{ NULL, false } };
static const char *const instansi_keys[] = { "kode", "nama", "pemerintah",
	"kota", "tahun", "kepala_nama", "kepala_jabatan", "kepala_pangkat",
	"kepala_nip", NULL };
static const bool instansi_req[] = { true, true, true, true, true, true,
	false, false, false };

static int
read_instansi(rd *x, const sheet *s)
{
	hdr h;
	unsigned seen[9] = { 0 };
	yd_node *kepala = NULL;
	int rc = headers(x, s, instansi_cols, &h);

	if (rc != 0)
		return rc;
	x->instansi = node(x, YD_MAP, h.row, h.at[0]);
	for (size_t i = h.first; i < s->n_row; i++) {
		const sheet_row *r = &s->row[i];
		char *k, buf[YD_DESCRIBE_MAX];
		yd_node *v;
		size_t j;

		if (!data_row(r, &h, instansi_cols))
			continue;
		if ((rc = text(x, r, &h, 0, &k)) != 0)
			ROW_FAIL(rc);
		for (j = 0; instansi_keys[j] != NULL; j++)
			if (strcasecmp(k, instansi_keys[j]) == 0)
				break;
		if (instansi_keys[j] == NULL)
			ROW_FAIL(fail(x, r->row, col_of(r, &h, 0), _("unknown kunci "
			    "%s (one of kode, nama, pemerintah, kota, tahun, "
			    "kepala_nama, kepala_jabatan, kepala_pangkat, "
			    "kepala_nip)"), yd_quote(k, buf)));
		if (seen[j] != 0)
			ROW_FAIL(fail(x, r->row, col_of(r, &h, 0), _("kunci %s given "
			    "twice (first on row %u)"), instansi_keys[j],
			    seen[j]));
		seen[j] = r->row;
		if ((rc = str(x, r, &h, instansi_cols, 1, instansi_req[j], &v)) != 0)
			ROW_FAIL(rc);
		if (v == NULL)
			continue;
		if (j == 4) {
			v->plain = true;
			put(x, x->root, "tahun", v);
		} else if (j >= 5) {
			if (kepala == NULL)
				kepala = node(x, YD_MAP, r->row, col_of(r, &h, 0));
			put(x, kepala, instansi_keys[j] + 7, v);
		} else
			put(x, x->instansi, instansi_keys[j], v);
		continue;
	row_fail:
		if (!more(x))
			return rc;
		rc = 0;
	}
	for (size_t j = 0; instansi_keys[j] != NULL; j++)
		if (instansi_req[j] && seen[j] == 0)
			return fail(x, h.row, h.at[0], _("the sheet instansi has no "
			    "row %s"), instansi_keys[j]);
	if (kepala != NULL)
		put(x, x->instansi, "kepala", kepala);
	return 0;
}

static const col bidang_cols[] = { { "kode", true }, { "nama", true },
	{ NULL, false } };

static int
read_bidang(rd *x, const sheet *s)
{
	hdr h;
	yd_node *l = NULL;
	int rc = headers(x, s, bidang_cols, &h);

	for (size_t i = h.first; rc == 0 && i < s->n_row; i++) {
		const sheet_row *r = &s->row[i];
		yd_node *m, *v;

		if (!data_row(r, &h, bidang_cols))
			continue;
		if (l == NULL)
			l = node(x, YD_SEQ, r->row, col_of(r, &h, 0));
		m = node(x, YD_MAP, r->row, col_of(r, &h, 0));
		for (size_t k = 0; rc == 0 && k < 2; k++)
			if ((rc = str(x, r, &h, bidang_cols, k, true, &v)) == 0)
				put(x, m, bidang_cols[k].name, v);
		if (rc != 0)
			ROW_FAIL(rc);
		push(x, l, m);
		continue;
	row_fail:
		if (!more(x))
			return rc;
		rc = 0;
	}
	if (rc == 0 && l != NULL)
		put(x, x->instansi, "bidang", l);
	return rc;
}

enum { I_SK, I_SASARAN, I_BIDANG, I_KODE, I_INDIKATOR, I_SATUAN, I_POL,
	I_TARGET, I_TW1 };
static const col iku_cols[] = { { "sasaran_kode", true },
	{ "sasaran", false }, { "bidang", false }, { "kode", true },
	{ "indikator", true }, { "satuan", true }, { "polaritas", false },
	{ "target", true }, { "target_tw1", false }, { "target_tw2", false },
	{ "target_tw3", false }, { "target_tw4", false }, { NULL, false } };

/* target_tw1..4 of a row (columns first..first+3) into a map, or none. */
static int
tw_targets(rd *x, const sheet_row *r, const hdr *h, const col *spec,
	   size_t first, int scale, yd_node *into)
{
	yd_node *m = NULL, *v;
	int rc;

	for (int t = 1; t <= TW_MAX; t++) {
		static const char *const key_of[] = { "", "1", "2", "3", "4" };
		const char *key = key_of[t];

		if ((rc = num(x, r, h, spec, first + (size_t)t - 1, false, scale,
		    &v)) != 0)
			return rc;
		if (v == NULL)
			continue;
		if (m == NULL)
			m = node(x, YD_MAP, v->line, v->col & 0xffff);
		put(x, m, key, v);
	}
	if (m != NULL)
		put(x, into, "target_triwulan", m);
	return 0;
}

/* A field of a sasaran given again on a later row: the same or empty. */
static int
same_as_first(rd *x, const sheet_row *r, const hdr *h, size_t k,
	      yd_node *s, const char *key)
{
	yd_node *first = yd_get(s, key), *v;
	char *t;
	int rc = text(x, r, h, k, &t);

	if (rc != 0 || *t == '\0')
		return rc;
	if (first == NULL) {
		v = scalar(x, t, false, r->row, col_of(r, h, k));
		put(x, s, key, v);
		return 0;
	}
	if (strcmp(first->str, t) != 0)
		return fail(x, r->row, col_of(r, h, k), _("the sasaran %s has "
		    "another %s on row %u; give it on its first row only, or "
		    "the same"), yd_get(s, "kode")->str, iku_cols[k].name,
		    first->line);
	return 0;
}

static int
read_iku(rd *x, const sheet *s)
{
	hdr h;
	yd_node *cur = NULL, *iku = NULL;
	int rc = headers(x, s, iku_cols, &h);

	for (size_t i = h.first; rc == 0 && i < s->n_row; i++) {
		const sheet_row *r = &s->row[i];
		yd_node *m, *v;
		char *sk, *pol;
		bool any = false;

		if (!data_row(r, &h, iku_cols))
			continue;
		if ((rc = text(x, r, &h, I_SK, &sk)) != 0)
			ROW_FAIL(rc);
		if (*sk == '\0' && cur == NULL)
			ROW_FAIL(fail(x, r->row, col_of(r, &h, I_SK),
			    _("sasaran_kode is empty on the first row (an empty "
			    "one means the sasaran of the row above)")));
		if (*sk != '\0' && (cur == NULL ||
		    strcmp(yd_get(cur, "kode")->str, sk) != 0)) {
			cur = node(x, YD_MAP, r->row, col_of(r, &h, I_SK));
			put(x, cur, "kode", scalar(x, sk, false, r->row,
			    col_of(r, &h, I_SK)));
			if ((rc = str(x, r, &h, iku_cols, I_SASARAN, false, &v)) != 0)
				ROW_FAIL(rc);
			if (v == NULL)
				ROW_FAIL(fail(x, r->row, col_of(r, &h, I_SASARAN),
				    _("the sasaran %s needs its text (column "
				    "sasaran) on its first row"), sk));
			put(x, cur, "uraian", v);
			if ((rc = str(x, r, &h, iku_cols, I_BIDANG, false, &v)) != 0)
				ROW_FAIL(rc);
			if (v != NULL)
				put(x, cur, "bidang", v);
			iku = node(x, YD_SEQ, r->row, col_of(r, &h, I_SK));
			put(x, cur, "iku", iku);
			push(x, x->sasaran, cur);
		} else {
			if ((rc = same_as_first(x, r, &h, I_SASARAN, cur, "uraian")) != 0 ||
			    (rc = same_as_first(x, r, &h, I_BIDANG, cur, "bidang")) != 0)
				ROW_FAIL(rc);
		}
		/* A row of the sasaran alone (no IKU fields). */
		for (size_t k = I_KODE; iku_cols[k].name != NULL && !any; k++) {
			const sheet_cell *c = cell(r, h.at[k]);

			any = c != NULL && (c->type != SHEET_TEXT || !blank(c->text));
		}
		if (!any)
			continue;
		m = node(x, YD_MAP, r->row, col_of(r, &h, I_KODE));
		if ((rc = str(x, r, &h, iku_cols, I_KODE, true, &v)) != 0)
			ROW_FAIL(rc);
		put(x, m, "kode", v);
		if ((rc = str(x, r, &h, iku_cols, I_INDIKATOR, true, &v)) != 0)
			ROW_FAIL(rc);
		put(x, m, "uraian", v);
		if ((rc = str(x, r, &h, iku_cols, I_SATUAN, true, &v)) != 0)
			ROW_FAIL(rc);
		put(x, m, "satuan", v);
		if ((rc = text(x, r, &h, I_POL, &pol)) != 0)
			ROW_FAIL(rc);
		if (*pol != '\0') {
			if (strcmp(pol, "+") == 0 || strcasecmp(pol, "positif") == 0)
				pol = "positif";
			else if (strcmp(pol, "-") == 0 || strcasecmp(pol, "negatif") == 0)
				pol = "negatif";
			put(x, m, "polaritas", scalar(x, pol, false, r->row,
			    col_of(r, &h, I_POL)));
		}
		/* An empty target is blank, to be filled (as the export of a
		 * year copied from the one before writes it). */
		if ((rc = num(x, r, &h, iku_cols, I_TARGET, false, DEC_NILAI, &v)) != 0)
			ROW_FAIL(rc);
		put(x, m, "target", v != NULL ? v : scalar(x, "", true, r->row,
		    col_of(r, &h, I_TARGET)));
		if ((rc = tw_targets(x, r, &h, iku_cols, I_TW1, DEC_NILAI, m)) != 0)
			ROW_FAIL(rc);
		push(x, iku, m);
		continue;
	row_fail:
		if (!more(x))
			return rc;
		rc = 0;
	}
	return rc;
}

enum { P_KODE, P_PROGRAM, P_ANGGARAN, P_TW1, P_SASARAN = P_TW1 + 4 };
static const col program_cols[] = { { "kode", true }, { "program", true },
	{ "anggaran", true }, { "target_tw1", false }, { "target_tw2", false },
	{ "target_tw3", false }, { "target_tw4", false }, { "sasaran", false },
	{ NULL, false } };

static int
read_program(rd *x, const sheet *s)
{
	hdr h;
	int rc = headers(x, s, program_cols, &h);

	for (size_t i = h.first; rc == 0 && i < s->n_row; i++) {
		const sheet_row *r = &s->row[i];
		yd_node *m, *v;
		char *list, *p;

		if (!data_row(r, &h, program_cols))
			continue;
		if (x->program == NULL) {
			x->program = node(x, YD_SEQ, r->row, 1);
			put(x, x->root, "program", x->program);
		}
		m = node(x, YD_MAP, r->row, col_of(r, &h, P_KODE));
		if ((rc = str(x, r, &h, program_cols, P_KODE, true, &v)) != 0)
			ROW_FAIL(rc);
		put(x, m, "kode", v);
		if ((rc = str(x, r, &h, program_cols, P_PROGRAM, true, &v)) != 0)
			ROW_FAIL(rc);
		put(x, m, "uraian", v);
		if ((rc = num(x, r, &h, program_cols, P_ANGGARAN, false, DEC_UANG,
		    &v)) != 0)
			ROW_FAIL(rc);
		put(x, m, "anggaran", v != NULL ? v : scalar(x, "", true, r->row,
		    col_of(r, &h, P_ANGGARAN)));
		if ((rc = tw_targets(x, r, &h, program_cols, P_TW1, DEC_UANG, m)) != 0)
			ROW_FAIL(rc);
		if ((rc = text(x, r, &h, P_SASARAN, &list)) != 0)
			ROW_FAIL(rc);
		if (*list != '\0') {
			unsigned c = col_of(r, &h, P_SASARAN);
			yd_node *l = node(x, YD_SEQ, r->row, c);

			for (p = strtok(list, ",;"); p != NULL; p = strtok(NULL, ",;")) {
				char *t = trim(x, p);

				if (*t != '\0')
					push(x, l, scalar(x, t, false, r->row, c));
			}
			put(x, m, "sasaran", l);
		}
		push(x, x->program, m);
		continue;
	row_fail:
		if (!more(x))
			return rc;
		rc = 0;
	}
	return rc;
}

/* tanggal may be empty: the quarter's date is then not set yet. */
static const col triwulan_cols[] = { { "triwulan", true },
	{ "tanggal", false }, { NULL, false } };

static int
read_triwulan(rd *x, const sheet *s)
{
	hdr h;
	int rc = headers(x, s, triwulan_cols, &h);

	for (size_t i = h.first; rc == 0 && i < s->n_row; i++) {
		const sheet_row *r = &s->row[i];
		static const char *const key_of[] = { "", "1", "2", "3", "4" };
		yd_node *m, *v = NULL;
		int tw;

		if (!data_row(r, &h, triwulan_cols))
			continue;
		if ((rc = quarter(x, r, &h, triwulan_cols, 0, &tw)) != 0)
			ROW_FAIL(rc);
		if (x->tw[tw] != NULL)
			ROW_FAIL(fail(x, r->row, col_of(r, &h, 0), _("triwulan %d is "
			    "given twice (first on row %u)"), tw, x->tw_row[tw]));
		{
			const sheet_cell *dc = cell(r, h.at[1]);

			if (dc != NULL && (dc->type != SHEET_TEXT ||
			    !blank(dc->text)) &&
			    (rc = date(x, r, &h, triwulan_cols, 1, &v)) != 0)
				ROW_FAIL(rc);
		}
		if (x->triwulan == NULL) {
			x->triwulan = node(x, YD_MAP, r->row, 1);
			put(x, x->root, "triwulan", x->triwulan);
		}
		m = node(x, YD_MAP, r->row, col_of(r, &h, 0));
		if (v != NULL)
			put(x, m, "tanggal", v);
		put(x, x->triwulan, key_of[tw], m);
		x->tw[tw] = m;
		x->tw_row[tw] = r->row;
		continue;
	row_fail:
		if (!more(x))
			return rc;
		rc = 0;
	}
	return rc;
}

/* ---- realisations ---- */

static size_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return (size_t)(h ^ (h >> 29));
}

static kv *
seen_find(rd *x, const char *key, bool add)
{
	size_t i;

	if (add && (x->seen_n + 1) * 2 > x->seen_cap) {
		kv *old = x->seen;
		size_t oc = x->seen_cap;

		x->seen_cap = oc ? oc * 2 : 256;
		x->seen = arena_alloc(x->a, x->seen_cap * sizeof *x->seen);
		memset(x->seen, 0, x->seen_cap * sizeof *x->seen);
		x->seen_n = 0;
		for (size_t j = 0; j < oc; j++)
			if (old[j].key != NULL)
				*seen_find(x, old[j].key, true) = old[j];
	}
	if (x->seen_cap == 0)
		return NULL;
	for (i = hash(key) & (x->seen_cap - 1); x->seen[i].key != NULL;
	     i = (i + 1) & (x->seen_cap - 1))
		if (strcmp(x->seen[i].key, key) == 0)
			return &x->seen[i];
	if (!add)
		return NULL;
	x->seen[i].key = arena_strdup(x->a, key);
	x->seen_n++;
	return &x->seen[i];
}

static const col real_cols[] = { { "triwulan", true }, { "kode", true },
	{ "realisasi", true }, { NULL, false } };

/* A realisation sheet.  replace: rows of an earlier sheet with the same
 * quarter and kode are replaced (a CSV merged over the database's). */
static int
read_realisasi(rd *x, const sheet *s, const char *key, int scale)
{
	hdr h;
	int rc = headers(x, s, real_cols, &h);

	for (size_t i = h.first; rc == 0 && i < s->n_row; i++) {
		const sheet_row *r = &s->row[i];
		yd_node *m, *v, *k;
		char *kode, id[4096];
		kv *prev;
		int tw;

		if (!data_row(r, &h, real_cols))
			continue;
		if ((rc = quarter(x, r, &h, real_cols, 0, &tw)) != 0)
			ROW_FAIL(rc);
		if (x->tw[tw] == NULL)
			ROW_FAIL(fail(x, r->row, col_of(r, &h, 0), _("triwulan %d has "
			    "no row in the sheet triwulan (its date)"), tw));
		if ((rc = str(x, r, &h, real_cols, 1, true, &k)) != 0)
			ROW_FAIL(rc);
		kode = k->str;
		if ((rc = num(x, r, &h, real_cols, 2, false, scale, &v)) != 0)
			ROW_FAIL(rc);
		snprintf(id, sizeof id, "%s %d %s", key, tw, kode);
		prev = seen_find(x, id, false);
		if (prev != NULL && prev->from == s)
			ROW_FAIL(fail(x, r->row, col_of(r, &h, 1), _("the realisation "
			    "of %s for triwulan %d is given twice (first on row "
			    "%u)"), kode, tw, prev->map->pair[prev->at].key->line));
		if (v == NULL)  /* not known yet */
			v = scalar(x, "", true, r->row, col_of(r, &h, 2));
		if (prev != NULL) {
			prev->map->pair[prev->at].key = k;
			prev->map->pair[prev->at].value = v;
			prev->from = s;
			continue;
		}
		if ((m = yd_get(x->tw[tw], key)) == NULL) {
			m = node(x, YD_MAP, r->row, col_of(r, &h, 0));
			put(x, x->tw[tw], key, m);
		}
		prev = seen_find(x, id, true);
		prev->map = m;
		prev->at = m->n_pair;
		put(x, m, kode, v)->key = k;
		prev->from = s;
		continue;
	row_fail:
		if (!more(x))
			return rc;
		rc = 0;
	}
	return rc;
}

/* ---- the whole ---- */

static int
add_table(rd *x, const sheet *s)
{
	if (x->n_tab == MAX_TABLE)
		lk_fatal("sheet_read: too many sheets");
	x->tab[x->n_tab].name = arena_strdup(x->a, s->name);
	x->tab[x->n_tab].file = arena_strdup(x->a, s->book->file);
	x->tab[x->n_tab].csv = s->book->csv;
	x->cur = x->n_tab++;
	return 0;
}

static bool
sheet_empty(const sheet *s)
{
	for (size_t i = 0; i < s->n_row; i++)
		for (size_t k = 0; k < s->row[i].n_cell; k++)
			if (s->row[i].cell[k].type != SHEET_TEXT ||
			    !blank(s->row[i].cell[k].text))
				return false;
	return true;
}

/* Reads the sheets: main's, where over (a CSV sheet, may be NULL)
 * replaces the one of its name, or adds its realisations. */
static int
read_all(rd *x, const sheet_book *main, const sheet *over, const char *over_name)
{
	static const char *const order[] = { "instansi", "bidang", "iku",
		"program", "triwulan", "realisasi_iku", "realisasi_program",
		NULL };
	int rc = 0;

	x->root = node(x, YD_MAP, 1, 1);
	put(x, x->root, "format", scalar(x, "lakip/1", false, 1, 1));
	x->sasaran = node(x, YD_SEQ, 1, 1);
	for (size_t i = 0; over == NULL && i < main->n_sheet; i++) {
		const sheet *s = main->sheet[i];
		char buf[YD_DESCRIBE_MAX];

		if (sheet_name_known(s->name) || s->name[0] == '#' || sheet_empty(s))
			continue;
		add_table(x, s);
		return fail(x, 1, 1, _("unknown sheet %s (the sheets of a "
		    "workbook: instansi, bidang, iku, program, triwulan, "
		    "realisasi_iku, realisasi_program; a sheet of notes starts "
		    "with #)"), yd_quote(s->name, buf));
	}
	for (size_t k = 0; rc == 0 && order[k] != NULL; k++) {
		const char *n = order[k];
		bool is_over = over != NULL && strcmp(n, over_name) == 0;
		bool real = strncmp(n, "realisasi_", 10) == 0;
		const sheet *s = main != NULL ? sheet_find(main, n) : NULL;
		const sheet *list[2];
		size_t nl = 0;

		if (is_over && !real)
			s = over;
		if (s != NULL)
			list[nl++] = s;
		if (is_over && real)
			list[nl++] = over;
		if (nl == 0 && k == 0) {
			x->cur = 0;
			return lk_fail(x->e, EX_DATAERR, _("%s: no sheet instansi "
			    "(the agency and the year)"), main != NULL &&
			    *main->file ? main->file : over->book->file);
		}
		/* A workbook is the whole plan: without these sheets its IKU
		 * or programs would all be removed.  A sheet with its header
		 * row alone says "none". */
		if (nl == 0 && over == NULL && (k == 2 || k == 3))
			return lk_fail(x->e, EX_DATAERR, _("%s: no sheet %s (a "
			    "workbook holds the whole plan; a plan without any "
			    "has the sheet with its header row only)"),
			    main->file, n);
		for (size_t j = 0; rc == 0 && j < nl; j++) {
			add_table(x, list[j]);
			if (k == 0)
				rc = read_instansi(x, list[j]);
			else if (k == 1)
				rc = read_bidang(x, list[j]);
			else if (k == 2)
				rc = read_iku(x, list[j]);
			else if (k == 3)
				rc = read_program(x, list[j]);
			else if (k == 4)
				rc = read_triwulan(x, list[j]);
			else
				rc = read_realisasi(x, list[j], n,
				    k == 5 ? DEC_NILAI : DEC_UANG);
			if (rc != 0 && more(x))
				rc = 0;    /* on to the next sheet */
		}
	}
	if (rc == 0 && x->n_err > 0)
		rc = EX_DATAERR;
	if (rc != 0)
		return rc;
	x->cur = 0;
	put(x, x->root, "instansi", x->instansi);
	put(x, x->root, "sasaran", x->sasaran);
	return 0;
}

static int
read_book(const sheet_book *main, const sheet *over, const char *over_name,
	  sheet_book *free_first, sheet_err_fn *fn, void *ctx, rencana **out,
	  lk_err *e)
{
	arena a = { 0 };
	rd *x = calloc(1, sizeof *x);
	int rc;

	if (x == NULL)
		lk_fatal("out of memory");
	*out = NULL;
	x->a = &a;
	x->e = e;
	x->on_err = fn;
	x->on_err_ctx = ctx;
	x->doc.file = over != NULL ? over->book->file : main->file;
	x->doc.where = where;
	x->doc.where_ctx = x;
	x->doc.file = arena_strdup(&a, x->doc.file);
	rc = read_all(x, main, over, over_name);
	/* The tree holds copies: the cells are no longer needed. */
	sheet_book_free(free_first);
	if (rc == 0) {
		x->doc.root = x->root;
		rc = exchange_read_doc(&x->doc, out, e);
	}
	arena_free(&a);
	free(x);
	return rc;
}

int
sheet_book_read(const sheet_book *b, rencana **out, lk_err *e)
{
	return read_book(b, NULL, NULL, NULL, NULL, NULL, out, e);
}

int
sheet_book_read_free(sheet_book *b, rencana **out, lk_err *e)
{
	return read_book(b, NULL, NULL, b, NULL, NULL, out, e);
}

int
sheet_book_read_each(sheet_book *b, sheet_err_fn *fn, void *ctx,
		     rencana **out, lk_err *e)
{
	return read_book(b, NULL, NULL, b, fn, ctx, out, e);
}

int
sheet_csv_merge(const sheet_book *csv, const rencana *base, rencana **out,
		lk_err *e)
{
	return sheet_csv_merge_each(csv, base, NULL, NULL, out, e);
}

int
sheet_csv_merge_each(const sheet_book *csv, const rencana *base,
		     sheet_err_fn *fn, void *ctx, rencana **out, lk_err *e)
{
	sheet_book *bb = NULL;
	const char *name;
	int rc;

	if (csv->n_sheet != 1)
		lk_fatal("sheet_csv_merge: a CSV book holds one sheet");
	name = csv->sheet[0]->name;
	if (!sheet_name_known(name) || strncmp(name, "capaian_", 8) == 0)
		return lk_fail(e, EX_USAGE, _("%s: unknown sheet %s (instansi, "
		    "bidang, iku, program, triwulan, realisasi_iku, "
		    "realisasi_program)"), csv->file, name);
	if (base != NULL && (rc = sheet_book_build(base, NULL, false, &bb, e)) != 0)
		return rc;
	if (bb != NULL)
		bb->file = "";
	rc = read_book(bb, csv->sheet[0], name, bb, fn, ctx, out, e);
	if (rc == 0 && base != NULL)
		sheet_keep_texts(*out, base);
	return rc;
}
