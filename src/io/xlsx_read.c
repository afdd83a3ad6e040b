/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* xlsx_read.c - the sheets of an XLSX workbook (libzip + expat). */
#include "config.h"
#include "io/xlsx.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <expat.h>
#include <zip.h>

#include "core/dynlib.h"

#ifndef LIBZIP_SONAME
#define LIBZIP_SONAME "libzip.so.4"
#endif

/* libzip's functions, loaded when a workbook is first read (dynlib.h) */
#define ZP_FNS(X) \
	X(zip_close) \
	X(zip_error_fini) \
	X(zip_error_init) \
	X(zip_error_strerror) \
	X(zip_fclose) \
	X(zip_file_strerror) \
	X(zip_fopen_index) \
	X(zip_fread) \
	X(zip_get_num_entries) \
	X(zip_name_locate) \
	X(zip_open_from_source) \
	X(zip_source_buffer_create) \
	X(zip_source_free) \
	X(zip_stat_index) \
	X(zip_stat_init) \
	X(zip_strerror)
static struct {
#define X(f) __typeof__(f) *f;
	ZP_FNS(X)
#undef X
} zp;
static const dynlib_fn zp_fn[] = {
#define X(f) { #f, &zp.f },
	ZP_FNS(X)
#undef X
};
static dynlib zp_lib = { LIBZIP_SONAME, "libzip4", zp_fn,
	sizeof zp_fn / sizeof zp_fn[0], false };
#define zip_close zp.zip_close
#define zip_error_fini zp.zip_error_fini
#define zip_error_init zp.zip_error_init
#define zip_error_strerror zp.zip_error_strerror
#define zip_fclose zp.zip_fclose
#define zip_file_strerror zp.zip_file_strerror
#define zip_fopen_index zp.zip_fopen_index
#define zip_fread zp.zip_fread
#define zip_get_num_entries zp.zip_get_num_entries
#define zip_name_locate zp.zip_name_locate
#define zip_open_from_source zp.zip_open_from_source
#define zip_source_buffer_create zp.zip_source_buffer_create
#define zip_source_free zp.zip_source_free
#define zip_stat_index zp.zip_stat_index
#define zip_stat_init zp.zip_stat_init
#define zip_strerror zp.zip_strerror

#include "core/i18n.h"

#define CELL_MAX (256u * 1024)   /* bytes of one cell's text */

typedef struct xr {
	sheet_book *b;
	lk_err *e;
	int rc;
	zip_t *z;
	const char *entry;         /* being parsed, for messages */
	XML_Parser p;
	/* text being collected */
	char *buf;
	size_t len, cap;
	bool collect;
	/* workbook.xml and its relationships */
	struct { char *name, *rid, *target; } *sh;
	size_t n_sh, cap_sh;
	char *shared_target;
	/* shared strings */
	char **ss;
	size_t n_ss, cap_ss;
	int depth_rph;             /* inside <rPh> (phonetic runs): skipped */
	bool in_si;
	/* the sheet being read */
	sheet *s;
	sheet_row *row;
	unsigned row_no, col_no;
	size_t cells;              /* in the book so far */
	bool in_data, in_cell, in_v, in_is, has_v, has_f;
	char ctype[16];
	unsigned cell_col;
} xr;

static int
xfail(xr *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
xfail(xr *x, const char *fmt, ...)
{
	char msg[LK_ERR_MAX];
	va_list ap;

	if (x->rc != 0)
		return x->rc;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	x->rc = lk_fail(x->e, EX_DATAERR, "%s: %s", x->b->file, msg);
	if (x->p != NULL)
		XML_StopParser(x->p, XML_FALSE);
	return x->rc;
}

static const char *
local(const char *name)
{
	const char *l = strrchr(name, '|');

	return l != NULL ? l + 1 : name;
}

static const char *
attr(const char **a, const char *want)
{
	for (; a[0] != NULL; a += 2)
		if (strcmp(local(a[0]), want) == 0)
			return a[1];
	return NULL;
}

static void
text_data(void *ud, const XML_Char *s, int n)
{
	xr *x = ud;

	if (!x->collect || x->depth_rph > 0 || x->rc != 0)
		return;
	if (x->len + (size_t)n > CELL_MAX) {
		xfail(x, _("%s: a cell holds more than %u bytes of text"),
		    x->entry, CELL_MAX);
		return;
	}
	if (x->len + (size_t)n + 1 > x->cap) {
		x->cap = (x->len + (size_t)n + 1) * 2;
		if ((x->buf = realloc(x->buf, x->cap)) == NULL)
			lk_fatal("out of memory");
	}
	memcpy(x->buf + x->len, s, (size_t)n);
	x->len += (size_t)n;
	x->buf[x->len] = '\0';
}

static void
start_text(xr *x)
{
	x->len = 0;
	if (x->buf != NULL)
		x->buf[0] = '\0';
}

/* A DTD could declare entities (the "billion laughs"): none is read. */
static void
doctype(void *ud, const XML_Char *name, const XML_Char *sys,
	const XML_Char *pub, int internal)
{
	xr *x = ud;

	(void)name, (void)sys, (void)pub, (void)internal;
	xfail(x, _("%s: a document type declaration (DTD) is not allowed in "
	    "a workbook"), x->entry);
}

/* ---- workbook.xml, its relationships, shared strings ---- */

static void
wb_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	xr *x = ud;
	const char *l = local(name);

	if (strcmp(l, "sheet") == 0) {
		const char *n = attr(a, "name"), *id = NULL;

		for (const char **p = a; p[0] != NULL; p += 2)
			if (strcmp(local(p[0]), "id") == 0 && strchr(p[0], '|'))
				id = p[1];
		if (n == NULL || id == NULL) {
			xfail(x, _("%s: a sheet without a name or relationship"),
			    x->entry);
			return;
		}
		if (x->n_sh >= 256) {
			xfail(x, _("%s: more than 256 sheets"), x->entry);
			return;
		}
		x->sh = arena_grow(&x->b->mem, x->sh, sizeof *x->sh, &x->cap_sh,
		    x->n_sh + 1);
		x->sh[x->n_sh].name = arena_strdup(&x->b->mem, n);
		x->sh[x->n_sh].rid = arena_strdup(&x->b->mem, id);
		x->sh[x->n_sh].target = NULL;
		x->n_sh++;
	}
}

static char *
target_path(xr *x, const char *t)
{
	if (t[0] == '/')
		return arena_strdup(&x->b->mem, t + 1);
	return arena_printf(&x->b->mem, "xl/%s", t);
}

static void
rel_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	xr *x = ud;
	const char *id, *t, *type;

	if (strcmp(local(name), "Relationship") != 0)
		return;
	id = attr(a, "Id");
	t = attr(a, "Target");
	type = attr(a, "Type");
	if (id == NULL || t == NULL)
		return;
	if (type != NULL && strlen(type) >= 14 &&
	    strcmp(type + strlen(type) - 14, "/sharedStrings") == 0)
		x->shared_target = target_path(x, t);
	for (size_t i = 0; i < x->n_sh; i++)
		if (strcmp(x->sh[i].rid, id) == 0)
			x->sh[i].target = target_path(x, t);
}

static void
ss_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	xr *x = ud;
	const char *l = local(name);

	(void)a;
	if (strcmp(l, "si") == 0) {
		x->in_si = true;
		start_text(x);
	} else if (strcmp(l, "rPh") == 0)
		x->depth_rph++;
	else if (strcmp(l, "t") == 0 && x->in_si)
		x->collect = true;
}

static void
ss_end(void *ud, const XML_Char *name)
{
	xr *x = ud;
	const char *l = local(name);

	if (strcmp(l, "t") == 0)
		x->collect = false;
	else if (strcmp(l, "rPh") == 0)
		x->depth_rph--;
	else if (strcmp(l, "si") == 0) {
		if (x->n_ss >= XLSX_MAX_STRINGS) {
			xfail(x, _("%s: more than %u shared strings"), x->entry,
			    XLSX_MAX_STRINGS);
			return;
		}
		x->ss = arena_grow(&x->b->mem, x->ss, sizeof *x->ss, &x->cap_ss,
		    x->n_ss + 1);
		x->ss[x->n_ss++] = arena_strndup(&x->b->mem, x->buf ? x->buf : "",
		    x->len);
		x->in_si = false;
	}
}

/* ---- a worksheet ---- */

static void
ws_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	xr *x = ud;
	const char *l = local(name), *v;

	if (x->rc != 0)
		return;
	if (strcmp(l, "sheetData") == 0)
		x->in_data = true;
	else if (!x->in_data)
		return;
	else if (strcmp(l, "row") == 0) {
		unsigned r = x->row_no + 1;

		if ((v = attr(a, "r")) != NULL) {
			char *end;
			unsigned long n = strtoul(v, &end, 10);

			if (*end != '\0' || n == 0 || n > 1048576 || n <= x->row_no) {
				xfail(x, _("%s: a row numbered %s"), x->entry, v);
				return;
			}
			r = (unsigned)n;
		}
		if (r > SHEET_MAX_ROWS) {
			xfail(x, _("the sheet %s has more than %u rows, more than a "
			    "plan holds"), x->s->name, SHEET_MAX_ROWS);
			return;
		}
		x->row_no = r;
		x->col_no = 0;
		x->row = NULL;
	} else if (strcmp(l, "c") == 0) {
		unsigned c = x->col_no + 1, r = 0;

		if ((v = attr(a, "r")) != NULL) {
			c = sheet_col_from_ref(v, &r);
			if (c == 0 || c <= x->col_no || (r != 0 && r != x->row_no)) {
				xfail(x, _("%s: a cell named %s in row %u"),
				    x->entry, v, x->row_no);
				return;
			}
		}
		if (c > SHEET_MAX_COLS) {
			xfail(x, _("the sheet %s has more than %u columns"),
			    x->s->name, SHEET_MAX_COLS);
			return;
		}
		x->col_no = c;
		x->cell_col = c;
		x->in_cell = true;
		x->has_v = x->has_f = false;
		v = attr(a, "t");
		snprintf(x->ctype, sizeof x->ctype, "%s", v != NULL ? v : "n");
		start_text(x);
	} else if (!x->in_cell)
		return;
	else if (strcmp(l, "v") == 0) {
		x->has_v = true;
		x->in_v = true;
		x->collect = true;
		start_text(x);
	} else if (strcmp(l, "f") == 0)
		x->has_f = true;
	else if (strcmp(l, "is") == 0) {
		x->in_is = true;
		x->has_v = true;
		start_text(x);
	} else if (strcmp(l, "rPh") == 0)
		x->depth_rph++;
	else if (strcmp(l, "t") == 0 && x->in_is)
		x->collect = true;
}

static void
add(xr *x, enum sheet_type t, const char *s, size_t n)
{
	if (++x->cells > SHEET_MAX_CELLS) {
		xfail(x, _("more than %u cells with a value, more than a plan "
		    "holds"), SHEET_MAX_CELLS);
		return;
	}
	if (x->row == NULL)
		x->row = sheet_row_add(x->b, x->s, x->row_no);
	sheet_cell_add(x->b, x->row, x->cell_col, t, s, n);
}

static void
cell_end(xr *x)
{
	const char *t = x->ctype, *v = x->buf != NULL ? x->buf : "";

	if (!x->has_v) {
		if (x->has_f)
			add(x, SHEET_NO_VALUE, "", 0);
		return;
	}
	if (strcmp(t, "s") == 0) {
		char *end;
		unsigned long i = strtoul(v, &end, 10);

		if (*v == '\0' || *end != '\0' || i >= x->n_ss) {
			xfail(x, _("%s: a cell points to shared string %s, which "
			    "is not there"), x->entry, v);
			return;
		}
		add(x, SHEET_TEXT, x->ss[i], strlen(x->ss[i]));
	} else if (strcmp(t, "str") == 0 || strcmp(t, "inlineStr") == 0 ||
	    strcmp(t, "d") == 0)
		add(x, SHEET_TEXT, v, x->len);
	else if (strcmp(t, "b") == 0)
		add(x, SHEET_BOOL, strcmp(v, "1") == 0 ? "1" : "0", 1);
	else if (strcmp(t, "e") == 0)
		add(x, SHEET_ERROR, v, x->len);
	else if (x->len > 0)
		add(x, SHEET_NUMBER, v, x->len);
	else if (x->has_f)
		add(x, SHEET_NO_VALUE, "", 0);
}

static void
ws_end(void *ud, const XML_Char *name)
{
	xr *x = ud;
	const char *l = local(name);

	if (x->rc != 0)
		return;
	if (strcmp(l, "sheetData") == 0)
		x->in_data = false;
	else if (!x->in_cell)
		return;
	else if (strcmp(l, "v") == 0) {
		x->in_v = false;
		x->collect = false;
	} else if (strcmp(l, "t") == 0)
		x->collect = false;
	else if (strcmp(l, "rPh") == 0)
		x->depth_rph--;
	else if (strcmp(l, "is") == 0)
		x->in_is = false;
	else if (strcmp(l, "c") == 0) {
		cell_end(x);
		x->in_cell = false;
	}
}

/* ---- entries ---- */

/* Parse one entry of the ZIP with the handlers, inflating it in chunks.
 * missing_ok: an absent entry is no error (returns 1). */
static int
parse_entry(xr *x, const char *path, XML_StartElementHandler st,
	    XML_EndElementHandler en, bool missing_ok)
{
	zip_int64_t i = zip_name_locate(x->z, path, 0);
	zip_stat_t zs;
	zip_file_t *f;
	char chunk[65536];
	zip_int64_t n = 0;
	uint64_t total = 0;

	if (i < 0) {
		if (missing_ok)
			return 1;
		return xfail(x, _("not a workbook: it has no %s"), path);
	}
	zip_stat_init(&zs);
	if (zip_stat_index(x->z, (zip_uint64_t)i, 0, &zs) != 0)
		return xfail(x, "%s: %s", path, zip_strerror(x->z));
	if ((f = zip_fopen_index(x->z, (zip_uint64_t)i, 0)) == NULL)
		return xfail(x, _("%s: cannot read it: %s"), path,
		    zip_strerror(x->z));
	x->entry = path;
	x->p = XML_ParserCreateNS(NULL, '|');
	if (x->p == NULL)
		lk_fatal("out of memory");
	XML_SetUserData(x->p, x);
	XML_SetElementHandler(x->p, st, en);
	XML_SetCharacterDataHandler(x->p, text_data);
	XML_SetStartDoctypeDeclHandler(x->p, doctype);
	x->collect = false;
	x->depth_rph = 0;
	while (x->rc == 0 && (n = zip_fread(f, chunk, sizeof chunk)) > 0) {
		total += (uint64_t)n;
		/* Counted as it inflates: the directory's sizes may lie. */
		if (total > XLSX_MAX_ENTRY || (total > (1u << 20) &&
		    total > (uint64_t)zs.comp_size * XLSX_MAX_RATIO)) {
			xfail(x, _("%s: inflates to more than %s allows (a ZIP "
			    "bomb?); refused"), path, total > XLSX_MAX_ENTRY ?
			    "256 MB" : _("200 times its compressed size"));
			break;
		}
		if (XML_Parse(x->p, chunk, (int)n, 0) == XML_STATUS_ERROR &&
		    x->rc == 0)
			xfail(x, "%s:%lu:%lu: %s", path,
			    (unsigned long)XML_GetCurrentLineNumber(x->p),
			    (unsigned long)XML_GetCurrentColumnNumber(x->p) + 1,
			    XML_ErrorString(XML_GetErrorCode(x->p)));
	}
	if (x->rc == 0 && n < 0)
		xfail(x, _("%s: cannot inflate it: %s"), path,
		    zip_file_strerror(f));
	if (x->rc == 0 && XML_Parse(x->p, NULL, 0, 1) == XML_STATUS_ERROR)
		xfail(x, "%s:%lu:%lu: %s", path,
		    (unsigned long)XML_GetCurrentLineNumber(x->p),
		    (unsigned long)XML_GetCurrentColumnNumber(x->p) + 1,
		    XML_ErrorString(XML_GetErrorCode(x->p)));
	XML_ParserFree(x->p);
	x->p = NULL;
	zip_fclose(f);
	return x->rc;
}

bool
xlsx_is_zip(const void *buf, size_t len)
{
	return len >= 4 && memcmp(buf, "PK\3\4", 4) == 0;
}

int
xlsx_read_buffer(const char *name, const void *buf, size_t len,
		 sheet_book **out, lk_err *e)
{
	xr x;
	zip_error_t ze;
	zip_source_t *src;
	int rc;

	memset(&x, 0, sizeof x);
	*out = NULL;
	if ((rc = dynlib_load(&zp_lib, e)) != 0)
		return rc;
	x.b = sheet_book_new(name, false);
	x.e = e;
	if (len > XLSX_MAX_FILE) {
		rc = lk_fail(e, EX_DATAERR, _("%s: larger than %u MB; refused"),
		    name, XLSX_MAX_FILE >> 20);
		sheet_book_free(x.b);
		return rc;
	}
	zip_error_init(&ze);
	src = zip_source_buffer_create(buf, len, 0, &ze);
	if (src != NULL && (x.z = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL)
		zip_source_free(src);
	if (x.z == NULL) {
		rc = lk_fail(e, EX_DATAERR, _("%s: not a readable XLSX workbook "
		    "(ZIP: %s)"), name, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		sheet_book_free(x.b);
		return rc;
	}
	zip_error_fini(&ze);
	if (zip_get_num_entries(x.z, 0) > XLSX_MAX_ENTRIES)
		xfail(&x, _("more than %d entries in the ZIP; refused"),
		    XLSX_MAX_ENTRIES);
	if (x.rc == 0)
		parse_entry(&x, "xl/workbook.xml", wb_start, NULL, false);
	if (x.rc == 0)
		parse_entry(&x, "xl/_rels/workbook.xml.rels", rel_start, NULL,
		    false);
	if (x.rc == 0 && x.shared_target != NULL)
		parse_entry(&x, x.shared_target, ss_start, ss_end, true);
	for (size_t i = 0; x.rc == 0 && i < x.n_sh; i++) {
		if (x.sh[i].target == NULL) {
			xfail(&x, _("xl/workbook.xml: the sheet %s has no part"),
			    x.sh[i].name);
			break;
		}
		x.s = sheet_add(x.b, x.sh[i].name);
		x.row_no = 0;
		x.in_data = x.in_cell = false;
		/* The computed sheets are the export's own, never read back:
		 * named, not parsed (a 5,000-IKU workbook holds 28,000 rows of
		 * them). */
		if (strncasecmp(x.sh[i].name, "capaian_tw", 10) == 0) {
			x.s->computed = true;
			continue;
		}
		parse_entry(&x, x.sh[i].target, ws_start, ws_end, false);
	}
	zip_close(x.z);   /* read-only: discards, frees the source */
	free(x.buf);
	if (x.rc != 0) {
		sheet_book_free(x.b);
		return x.rc;
	}
	*out = x.b;
	return 0;
}

int
xlsx_read_file(const char *path, sheet_book **out, lk_err *e)
{
	char *buf;
	size_t got;
	int rc;

	if ((rc = sheet_file_read(path, XLSX_MAX_FILE, &buf, &got, e)) != 0)
		return rc;
	rc = xlsx_read_buffer(path, buf, got, out, e);
	free(buf);
	return rc;
}
