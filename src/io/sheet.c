/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* sheet.c - the sheet model and exact reading of number cells. */
#include "config.h"
#include "io/sheet.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/err.h"
#include "core/i18n.h"

sheet_book *
sheet_book_new(const char *file, bool csv)
{
	sheet_book *b = calloc(1, sizeof *b);

	if (b == NULL)
		lk_fatal("out of memory");
	b->file = arena_strdup(&b->mem, file);
	b->csv = csv;
	return b;
}

void
sheet_book_free(sheet_book *b)
{
	if (b == NULL)
		return;
	arena_free(&b->mem);
	free(b);
}

sheet *
sheet_add(sheet_book *b, const char *name)
{
	sheet *s = arena_alloc(&b->mem, sizeof *s);

	memset(s, 0, sizeof *s);
	s->name = arena_strdup(&b->mem, name);
	s->book = b;
	b->sheet = arena_grow(&b->mem, b->sheet, sizeof *b->sheet, &b->cap,
	    b->n_sheet + 1);
	b->sheet[b->n_sheet++] = s;
	return s;
}

/* Equal but for case and surrounding spaces. */
static bool
name_eq(const char *a, const char *want)
{
	size_t n;

	while (*a == ' ' || *a == '\t')
		a++;
	n = strlen(a);
	while (n > 0 && (a[n - 1] == ' ' || a[n - 1] == '\t'))
		n--;
	return n == strlen(want) && strncasecmp(a, want, n) == 0;
}

sheet *
sheet_find(const sheet_book *b, const char *name)
{
	for (size_t i = 0; i < b->n_sheet; i++)
		if (name_eq(b->sheet[i]->name, name))
			return b->sheet[i];
	return NULL;
}

sheet_row *
sheet_row_add(sheet_book *b, sheet *s, unsigned row)
{
	sheet_row *r;

	if (s->n_row > 0 && s->row[s->n_row - 1].row >= row)
		return &s->row[s->n_row - 1];
	s->row = arena_grow(&b->mem, s->row, sizeof *s->row, &s->cap,
	    s->n_row + 1);
	r = &s->row[s->n_row++];
	memset(r, 0, sizeof *r);
	r->row = row;
	return r;
}

sheet_cell *
sheet_cell_add(sheet_book *b, sheet_row *r, unsigned col, enum sheet_type t,
	       const char *text, size_t len)
{
	sheet_cell *c;

	r->cell = arena_grow(&b->mem, r->cell, sizeof *r->cell, &r->cap,
	    r->n_cell + 1);
	c = &r->cell[r->n_cell++];
	c->col = col;
	c->type = t;
	c->fmt = FMT_NONE;
	c->text = arena_strndup(&b->mem, text, len);
	return c;
}

const char *
sheet_cellref(unsigned col, unsigned row, char buf[16])
{
	char l[8];
	int n = 0;

	if (col == 0 || col > 16384)
		col = 1;
	while (col > 0) {
		l[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (int i = 0; i < n; i++)
		buf[i] = l[n - 1 - i];
	snprintf(buf + n, 16 - (size_t)n, "%u", row);
	return buf;
}

unsigned
sheet_col_from_ref(const char *ref, unsigned *row)
{
	unsigned col = 0, r = 0;
	const char *p = ref;

	for (; *p >= 'A' && *p <= 'Z'; p++) {
		col = col * 26 + (unsigned)(*p - 'A' + 1);
		if (col > 16384)
			return 0;
	}
	if (p == ref)
		return 0;
	for (; *p >= '0' && *p <= '9'; p++) {
		r = r * 10 + (unsigned)(*p - '0');
		if (r > 1048576)
			return 0;
	}
	if (*p != '\0')
		return 0;
	if (row != NULL)
		*row = r;
	return col;
}

/* The digits of a number written as [-]D[.D][(E|e)[+-]D]: up to 40
 * significant digits in dig (leading zeros dropped), the value being
 * dig * 10^exp.  false when not such a number. */
typedef struct num_digits {
	bool neg;
	char dig[41];
	int n;
	long exp;
	bool more;         /* nonzero digits dropped beyond 40 */
} num_digits;

static bool
split_number(const char *s, num_digits *d)
{
	const char *p = s;
	bool any = false;
	long e = 0;

	memset(d, 0, sizeof *d);
	while (*p == ' ')
		p++;
	if (*p == '-' || *p == '+')
		d->neg = *p++ == '-';
	for (; *p >= '0' && *p <= '9'; p++) {
		any = true;
		if (d->n == 0 && *p == '0')
			continue;
		if (d->n < 40)
			d->dig[d->n++] = *p;
		else {
			d->exp++;
			d->more |= *p != '0';
		}
	}
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++) {
			any = true;
			if (d->n == 0 && *p == '0') {
				d->exp--;
				continue;
			}
			if (d->n < 40) {
				d->dig[d->n++] = *p;
				d->exp--;
			} else
				d->more |= *p != '0';
		}
	}
	if (!any)
		return false;
	if (*p == 'E' || *p == 'e') {
		bool eneg = false, edig = false;

		p++;
		if (*p == '-' || *p == '+')
			eneg = *p++ == '-';
		for (; *p >= '0' && *p <= '9'; p++) {
			edig = true;
			if (e < 100000)
				e = e * 10 + (*p - '0');
		}
		if (!edig)
			return false;
		d->exp += eneg ? -e : e;
	}
	while (*p == ' ')
		p++;
	return *p == '\0';
}

int
sheet_number_scaled(const char *s, int scale, int64_t *out, const char **why)
{
	num_digits d;
	long keep;
	uint64_t v = 0;

	if (!split_number(s, &d)) {
		*why = N_("not a number");
		return EX_DATAERR;
	}
	/* value = dig * 10^exp; we want round(dig * 10^(exp + scale)). */
	keep = d.n + d.exp + scale;   /* digits left of the point at scale */
	if (keep > 19) {
		*why = N_("number too large");
		return EX_DATAERR;
	}
	for (long i = 0; i < keep; i++) {
		int c = i < d.n ? d.dig[i] - '0' : 0;

		if (v > (UINT64_MAX - (uint64_t)c) / 10) {
			*why = N_("number too large");
			return EX_DATAERR;
		}
		v = v * 10 + (uint64_t)c;
	}
	if (keep >= 0 && keep < d.n && d.dig[keep] >= '5')
		v++;
	if (v > (uint64_t)INT64_MAX) {
		*why = N_("number too large");
		return EX_DATAERR;
	}
	*out = d.neg ? -(int64_t)v : (int64_t)v;
	return 0;
}

const char *
sheet_number_text(const char *s, char buf[64])
{
	num_digits d;
	char dig[16];
	int n, o = 0;
	long exp, point;

	if (!split_number(s, &d) || d.exp > 20 || d.exp < -40)
		return s;
	if (d.n == 0) {
		snprintf(buf, 64, "0");
		return buf;
	}
	/* Round to 15 significant digits. */
	n = d.n < 15 ? d.n : 15;
	memcpy(dig, d.dig, (size_t)n);
	exp = d.exp + (d.n - n);
	if (d.n > 15 && d.dig[15] >= '5') {
		int i = n - 1;

		while (i >= 0 && dig[i] == '9')
			dig[i--] = '0';
		if (i >= 0)
			dig[i]++;
		else {
			memmove(dig + 1, dig, (size_t)n - 1);
			dig[0] = '1';
			exp++;
		}
	}
	while (n > 1 && dig[n - 1] == '0') {
		n--;
		exp++;
	}
	point = n + exp;  /* digits before the decimal point */
	if (point > 40 || point < -25)
		return s;
	if (d.neg)
		buf[o++] = '-';
	if (point <= 0) {
		buf[o++] = '0';
		buf[o++] = '.';
		for (long i = 0; i < -point; i++)
			buf[o++] = '0';
		for (int i = 0; i < n; i++)
			buf[o++] = dig[i];
	} else {
		for (long i = 0; i < point; i++)
			buf[o++] = i < n ? dig[i] : '0';
		if (point < n) {
			buf[o++] = '.';
			for (long i = point; i < n; i++)
				buf[o++] = dig[i];
		}
	}
	buf[o] = '\0';
	return buf;
}

static const char *const known[] = { "instansi", "bidang", "iku", "program",
	"triwulan", "realisasi_iku", "realisasi_program", "capaian_tw1",
	"capaian_tw2", "capaian_tw3", "capaian_tw4", NULL };

bool
sheet_name_known(const char *name)
{
	for (size_t i = 0; known[i] != NULL; i++)
		if (name_eq(name, known[i]))
			return true;
	return false;
}

int
sheet_file_read(const char *path, uint64_t max, char **buf, size_t *len,
		lk_err *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	size_t got = 0;

	*buf = NULL;
	*len = 0;
	if (fd < 0)
		return lk_fail(e, EX_NOINPUT, _("cannot read %s: %s"), path,
		    strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return lk_fail(e, EX_NOINPUT, _("cannot read %s: not a file"), path);
	}
	if ((uint64_t)st.st_size > max) {
		close(fd);
		return lk_fail(e, EX_DATAERR, _("%s: larger than %u MB; refused"),
		    path, (unsigned)(max >> 20));
	}
	if ((*buf = malloc((size_t)st.st_size + 1)) == NULL)
		lk_fatal("out of memory");
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, *buf + got, (size_t)st.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	if (got != (size_t)st.st_size) {
		free(*buf);
		*buf = NULL;
		return lk_fail(e, EX_IOERR, _("cannot read %s"), path);
	}
	(*buf)[got] = '\0';
	*len = got;
	return 0;
}
