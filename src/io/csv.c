/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "io/csv.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/dec.h"
#include "core/i18n.h"

/* ---- writing ---- */

static int
needs_quotes(const char *s)
{
	size_t len = strlen(s);

	if (len == 0)
		return 0;
	if (s[0] == ' ' || s[len - 1] == ' ')
		return 1;
	return strpbrk(s, ";\"\r\n") != NULL;
}

/* Would a spreadsheet take the text for a formula? */
static bool
formula_like(const char *s)
{
	int64_t v;
	const char *why;

	/* A text that starts like a guarded one keeps its own "'" through
	 * a round trip: the reader drops one. */
	if (s[0] == '\'' && s[1] != '\0' && strchr("=+-@\t\r", s[1]) != NULL)
		return true;
	if (strchr("=+-@\t\r", s[0]) == NULL || s[0] == '\0')
		return false;
	if (strcmp(s, "-") == 0)
		return false;
	/* A signed number ("+2,90", "-1") is a number, not a formula. */
	if (s[0] == '+' && s[1] != '+' && s[1] != '-' &&
	    dec_parse_id(s + 1, 4, 0, &v, &why) == 0)
		return false;
	return dec_parse_id(s, 4, 0, &v, &why) != 0 || s[0] == '=' ||
	    s[0] == '@';
}

static int
put_cell(FILE *f, enum csv_style style, const char *s)
{
	const char *p;
	bool guard;

	if (s == NULL)
		s = "";
	guard = formula_like(s);
	if (style == CSV_TAB) {
		if (guard && putc('\'', f) == EOF)
			return -1;
		for (p = s; *p; p++)
			if (putc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, f) == EOF)
				return -1;
		return 0;
	}
	if (!needs_quotes(s) && !guard)
		return fputs(s, f) == EOF ? -1 : 0;
	if (!needs_quotes(s))
		return putc('\'', f) == EOF || fputs(s, f) == EOF ? -1 : 0;
	if (putc('"', f) == EOF || (guard && putc('\'', f) == EOF))
		return -1;
	for (p = s; *p; p++) {
		if (*p == '"' && putc('"', f) == EOF)
			return -1;
		if (putc(*p, f) == EOF)
			return -1;
	}
	return putc('"', f) == EOF ? -1 : 0;
}

int
csv_write_row(FILE *f, enum csv_style style, const char *const *cell, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0 && putc(style == CSV_TAB ? '\t' : ';', f) == EOF)
			return -1;
		if (put_cell(f, style, cell[i]) < 0)
			return -1;
	}
	return putc('\n', f) == EOF ? -1 : 0;
}

/* A number cell in the Indonesian form. */
static const char *
id_number(const sheet_cell *c, char buf[DEC_BUFSZ])
{
	int64_t v;
	const char *why;
	int scale = c->fmt == FMT_NILAI ? DEC_NILAI :
	    c->fmt == FMT_UANG || c->fmt == FMT_PERSEN ? 2 : 0;

	if (sheet_number_scaled(c->text, scale, &v, &why) != 0)
		return c->text;
	switch (c->fmt) {
	case FMT_NILAI:
		return dec_format_id(v, DEC_NILAI, 0, DEC_NILAI, buf);
	case FMT_UANG:
		return dec_format_uang(v, buf);
	case FMT_PERSEN:
		return dec_format_persen(v, buf);
	default:
		snprintf(buf, DEC_BUFSZ, "%lld", (long long)v);
		return buf;
	}
}

int
csv_write_sheet(FILE *f, const sheet *s, bool bom)
{
	unsigned line = 1, width = 0;

	if (bom && fputs("\xef\xbb\xbf", f) == EOF)
		return -1;
	/* Every line has the header's fields (the last cells may be empty). */
	if (s->n_row > 0 && s->row[0].n_cell > 0)
		width = s->row[0].cell[s->row[0].n_cell - 1].col;
	for (size_t i = 0; i < s->n_row; i++) {
		const sheet_row *r = &s->row[i];
		unsigned col = 1;

		for (; line < r->row; line++)
			if (putc('\n', f) == EOF)
				return -1;
		for (size_t k = 0; k < r->n_cell; k++) {
			const sheet_cell *c = &r->cell[k];
			char buf[DEC_BUFSZ];

			for (; col < c->col; col++)
				if (col > 1 && putc(';', f) == EOF)
					return -1;
			if (col > 1 && putc(';', f) == EOF)
				return -1;
			col++;
			if (c->type == SHEET_NUMBER) {
				if (fputs(id_number(c, buf), f) == EOF)
					return -1;
			} else if (put_cell(f, CSV_SEMICOLON, c->text) < 0)
				return -1;
		}
		for (; col <= width; col++)
			if (col > 1 && putc(';', f) == EOF)
				return -1;
		if (putc('\n', f) == EOF)
			return -1;
		line++;
	}
	return 0;
}

/* ---- reading ---- */

/* Length of a valid UTF-8 sequence at s (n bytes left), 0 when invalid. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	uint32_t c;
	size_t k, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		k = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		k = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		k = 4, c = s[0] & 0x07;
	else
		return 0;
	if (n < k)
		return 0;
	for (i = 1; i < k; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((k == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
	    (k == 4 && (c < 0x10000 || c > 0x10ffff)))
		return 0;
	return k;
}

/* Windows-1252 0x80..0x9f; 0 where the code page has no character. */
static const uint16_t cp1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6,
	0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019,
	0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
	0x0153, 0, 0x017e, 0x0178 };

/* buf as UTF-8 from Windows-1252 (malloc'ed), or NULL and an error. */
static char *
from_cp1252(const char *name, const char *buf, size_t len, size_t *out_len,
	    lk_err *e)
{
	char *o = malloc(len * 3 + 1);
	size_t j = 0, bol = 0;
	unsigned line = 1;

	if (o == NULL)
		lk_fatal("out of memory");
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)buf[i];
		uint32_t u = c;

		if (c == '\n') {
			line++;
			bol = i + 1;
		}
		if (c >= 0x80 && c <= 0x9f && (u = cp1252[c - 0x80]) == 0) {
			free(o);
			lk_fail_at(e, EX_DATAERR, name, line,
			    (unsigned)(i - bol + 1), _("byte 0x%02X is "
			    "neither UTF-8 nor a character of Windows-1252; save "
			    "the file as \"CSV UTF-8\""), c);
			return NULL;
		}
		if (u < 0x80)
			o[j++] = (char)u;
		else if (u < 0x800) {
			o[j++] = (char)(0xc0 | (u >> 6));
			o[j++] = (char)(0x80 | (u & 0x3f));
		} else {
			o[j++] = (char)(0xe0 | (u >> 12));
			o[j++] = (char)(0x80 | ((u >> 6) & 0x3f));
			o[j++] = (char)(0x80 | (u & 0x3f));
		}
	}
	o[j] = '\0';
	*out_len = j;
	return o;
}

/* The separator the first record holds most of, outside quotes. */
static char
find_separator(const char *s, size_t len)
{
	size_t semi = 0, comma = 0, tab = 0;
	bool q = false;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (c == '"')
			q = !q;
		else if (!q && (c == '\n' || c == '\r'))
			break;
		else if (!q && c == ';')
			semi++;
		else if (!q && c == ',')
			comma++;
		else if (!q && c == '\t')
			tab++;
	}
	if (tab > semi && tab > comma)
		return '\t';
	if (comma > semi)
		return ',';
	return ';';
}

/* false when the book would hold more than SHEET_MAX_CELLS cells. */
static bool
add_field(sheet_book *b, sheet *s, sheet_row **row, unsigned line,
	  unsigned col, const char *t, size_t n, size_t *cells)
{
	if (n == 0)
		return true;
	if (++*cells > SHEET_MAX_CELLS)
		return false;
	/* The formula guard of an export ("'=..."): dropped. */
	if (n >= 2 && t[0] == '\'' && strchr("=+-@\t\r", t[1]) != NULL) {
		t++;
		n--;
	}
	if (*row == NULL)
		*row = sheet_row_add(b, s, line);
	sheet_cell_add(b, *row, col, SHEET_TEXT, t, n);
	return true;
}

static int
parse(sheet_book *b, sheet *s, const char *p, size_t len, lk_err *e)
{
	char sep;
	char *f = malloc(len + 1);
	size_t i = 0, n = 0, records = 0, cells = 0;
	unsigned line = 1, start = 1, col = 1;

	/* Excel's "sep=;" line names the separator. */
	if (len >= 5 && strncmp(p, "sep=", 4) == 0 &&
	    (len == 5 || p[5] == '\n' || p[5] == '\r')) {
		sep = p[4];
		i = 5 + (len > 5 && p[5] == '\r' && len > 6 && p[6] == '\n');
		i += i < len;
		line = start = 2;
	} else
		sep = find_separator(p, len);
	sheet_row *row = NULL;
	bool quoted = false, was_quoted = false;
	int rc = 0;

	if (f == NULL)
		lk_fatal("out of memory");
	while (i <= len) {
		char c = i < len ? p[i] : '\n';
		bool end = i == len;

		if (quoted) {
			if (end) {
				rc = lk_fail_at(e, EX_DATAERR, b->file, start, col,
				    _("a quoted field is not closed"));
				break;
			}
			if (c == '"' && i + 1 < len && p[i + 1] == '"') {
				f[n++] = '"';
				i += 2;
				continue;
			}
			if (c == '"') {
				quoted = false;
				i++;
				continue;
			}
			if (c == '\n')
				line++;
			f[n++] = c;
			i++;
			continue;
		}
		if (c == '"' && n == 0 && !was_quoted) {
			quoted = was_quoted = true;
			i++;
			continue;
		}
		if (c == sep || c == '\n' || c == '\r') {
			if (col > SHEET_MAX_COLS) {
				rc = lk_fail_at(e, EX_DATAERR, b->file, start, col,
				    _("more than %u fields in a line"), SHEET_MAX_COLS);
				break;
			}
			if (!add_field(b, s, &row, start, col, f, n, &cells)) {
				rc = lk_fail_at(e, EX_DATAERR, b->file, start, col,
				    _("more than %u cells with a value, more than a "
				    "plan holds"), SHEET_MAX_CELLS);
				break;
			}
			n = 0;
			was_quoted = false;
			if (c == sep) {
				col++;
				i++;
				continue;
			}
			if (c == '\r' && i + 1 < len && p[i + 1] == '\n')
				i++;
			i++;
			if (end && col == 1 && row == NULL)
				break;
			if (++records > SHEET_MAX_ROWS) {
				rc = lk_fail_at(e, EX_DATAERR, b->file, start, 1,
				    _("more than %u lines, more than a plan holds"),
				    SHEET_MAX_ROWS);
				break;
			}
			line++;
			start = line;
			col = 1;
			row = NULL;
			continue;
		}
		if (was_quoted) {
			rc = lk_fail_at(e, EX_DATAERR, b->file, start, col,
			    _("text after the closing quote of a field (a quote "
			    "inside a quoted field is written \"\")"));
			break;
		}
		f[n++] = c;
		i++;
	}
	free(f);
	return rc;
}

int
csv_read_buffer(const char *name, const char *buf, size_t len,
		const char *sheet_name, sheet_book **out, bool *cp_1252,
		lk_err *e)
{
	sheet_book *b;
	char *conv = NULL;
	size_t i;
	int rc;

	*out = NULL;
	*cp_1252 = false;
	if (len > CSV_MAX_FILE)
		return lk_fail(e, EX_DATAERR, _("%s: larger than %u MB; refused"),
		    name, CSV_MAX_FILE >> 20);
	if (len >= 2 && ((unsigned char)buf[0] == 0xff || (unsigned char)buf[0] == 0xfe) &&
	    ((unsigned char)buf[1] == 0xfe || (unsigned char)buf[1] == 0xff))
		return lk_fail(e, EX_DATAERR, _("%s: a UTF-16 file (Excel's "
		    "\"Unicode Text\"); save it as \"CSV UTF-8\" or \"CSV\""),
		    name);
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	for (i = 0; i < len;) {
		size_t k = utf8_len((const unsigned char *)buf + i, len - i);

		if (k == 0)
			break;
		if (buf[i] == '\0')
			return lk_fail(e, EX_DATAERR, _("%s: a NUL byte; not a "
			    "text file"), name);
		i += k;
	}
	if (i < len) {
		if ((conv = from_cp1252(name, buf, len, &len, e)) == NULL)
			return EX_DATAERR;
		if (memchr(conv, '\0', len) != NULL) {
			free(conv);
			return lk_fail(e, EX_DATAERR, _("%s: a NUL byte; not a "
			    "text file"), name);
		}
		buf = conv;
		*cp_1252 = true;
	}
	b = sheet_book_new(name, true);
	rc = parse(b, sheet_add(b, sheet_name), buf, len, e);
	free(conv);
	if (rc != 0) {
		sheet_book_free(b);
		return rc;
	}
	*out = b;
	return 0;
}

int
csv_read_file(const char *path, const char *sheet_name, sheet_book **out,
	      bool *cp_1252, lk_err *e)
{
	char *buf;
	size_t got;
	int rc;

	if ((rc = sheet_file_read(path, CSV_MAX_FILE, &buf, &got, e)) != 0)
		return rc;
	rc = csv_read_buffer(path, buf, got, sheet_name, out, cp_1252, e);
	free(buf);
	return rc;
}
