/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "io/csv.h"

#include <string.h>

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

static int
put_cell(FILE *f, enum csv_style style, const char *s)
{
	const char *p;

	if (s == NULL)
		s = "";
	if (style == CSV_TAB) {
		for (p = s; *p; p++)
			if (putc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, f) == EOF)
				return -1;
		return 0;
	}
	if (!needs_quotes(s))
		return fputs(s, f) == EOF ? -1 : 0;
	if (putc('"', f) == EOF)
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
