/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* wcwidth() is X/Open. */
#define _XOPEN_SOURCE 700
#include "config.h"
#include "cli/show_text.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

#define FLEX_MIN 10  /* narrowest a flexible column gets */
#define WORD_MAX 30  /* a longer word (a URL) may be broken */

/* Decode one character at s; returns its byte length (>= 1) and width. */
static size_t
next_char(const char *s, size_t *w)
{
	mbstate_t st;
	wchar_t wc;
	size_t n;
	int cw;

	if ((unsigned char)*s < 0x80) {         /* ASCII: the common case */
		*w = 1;
		return 1;
	}
	memset(&st, 0, sizeof st);
	n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*w = 1;
		return 1;
	}
	cw = wcwidth(wc);
	*w = cw < 0 ? 1 : (size_t)cw;
	return n;
}

size_t
tt_width(const char *s)
{
	size_t total = 0, w;

	while (*s) {
		s += next_char(s, &w);
		total += w;
	}
	return total;
}

size_t
tt_terminal_width(void)
{
	const char *c = getenv("COLUMNS");
	struct winsize ws;

	if (c != NULL && atoi(c) > 0)
		return (size_t)atoi(c);
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* One wrapped line of s for width w: returns the bytes to print (*len),
 * their width (*lw) and where the next line starts. */
static const char *
wrap_line(const char *s, size_t w, size_t *len, size_t *lw)
{
	const char *p = s, *brk = NULL;
	size_t width = 0, brk_w = 0, cw;

	while (*p == ' ')
		p++, s++;
	while (*p && *p != '\n') {
		size_t n = next_char(p, &cw);

		if (*p == ' ') {
			brk = p;
			brk_w = width;
		}
		if (width + cw > w) {
			if (brk != NULL) {          /* break at the last space */
				*len = (size_t)(brk - s);
				*lw = brk_w;
				return brk + 1;
			}
			if (p == s)                 /* wider than the column */
				p += n, width += cw;
			*len = (size_t)(p - s);     /* break inside the word */
			*lw = width;
			return p;
		}
		p += n;
		width += cw;
	}
	*len = (size_t)(p - s);
	*lw = width;
	return *p == '\n' ? p + 1 : p;
}

static size_t
count_lines(const char *s, size_t w)
{
	size_t n = 0, len, lw;

	if (*s == '\0')
		return 1;
	while (*s) {
		s = wrap_line(s, w, &len, &lw);
		n++;
	}
	return n;
}

static void
pad(FILE *f, size_t n)
{
	while (n-- > 0)
		putc(' ', f);
}

static void
print_row(FILE *f, const tt_col *col, size_t ncol, const char *const *cell,
	  const size_t *cw, size_t gap)
{
	const char *pos[TT_MAXCOL];
	size_t c, line, lines = 1;

	for (c = 0; c < ncol; c++) {
		size_t n;

		pos[c] = cell[c] ? cell[c] : "";
		n = count_lines(pos[c], cw[c]);
		if (n > lines)
			lines = n;
	}
	for (line = 0; line < lines; line++) {
		size_t pending = 0;   /* spaces owed before the next text */

		for (c = 0; c < ncol; c++) {
			const char *start = pos[c];
			size_t len = 0, lw = 0;

			if (*start) {
				pos[c] = wrap_line(start, cw[c], &len, &lw);
				while (*start == ' ')
					start++;
			}
			if (c > 0)
				pending += gap;
			if (col[c].right)
				pending += cw[c] - (lw < cw[c] ? lw : cw[c]);
			if (len > 0) {
				pad(f, pending);
				pending = 0;
				fwrite(start, 1, len, f);
			}
			if (!col[c].right)
				pending += cw[c] - (lw < cw[c] ? lw : cw[c]);
		}
		putc('\n', f);
	}
}

static void
rule(FILE *f, size_t n)
{
	while (n-- > 0)
		putc('-', f);
	putc('\n', f);
}

/* The width of the widest word of s (at most WORD_MAX). */
static size_t
widest_word(const char *s)
{
	size_t best = 0, cur = 0, w;

	while (s != NULL && *s) {
		if (*s == ' ' || *s == '\n') {
			cur = 0;
			s++;
			continue;
		}
		s += next_char(s, &w);
		cur += w;
		if (cur > best)
			best = cur;
	}
	return best < WORD_MAX ? best : WORD_MAX;
}

/* Column widths: natural widths, then flexible columns narrowed (widest
 * first) until the table fits, never below their widest word: a word is
 * not broken ("Pengembang an") while another column can give way; when
 * none can, the lines run long. */
static size_t
layout(const tt_col *col, size_t ncol, const char *const *cells,
       const bool *span, size_t nrow, size_t width, size_t *cw)
{
	size_t c, r, total, gap = 2, least[TT_MAXCOL];

	for (c = 0; c < ncol; c++) {
		least[c] = FLEX_MIN;
		for (r = 0; r < nrow; r++) {
			size_t ww;

			if (span != NULL && span[r] && c > 0)
				continue;
			if ((ww = widest_word(cells[r * ncol + c])) > least[c])
				least[c] = ww;
		}
		cw[c] = tt_width(col[c].title);
		for (r = 0; r < nrow; r++) {
			const char *s = cells[r * ncol + c];

			if (span != NULL && span[r] && c > 0)
				continue;       /* spans the whole row */
			size_t w = s ? tt_width(s) : 0;

			if (w > cw[c])
				cw[c] = w;
		}
	}
	for (;;) {
		size_t widest = ncol;

		total = gap * (ncol - 1);
		for (c = 0; c < ncol; c++)
			total += cw[c];
		if (total <= width)
			return gap;
		if (gap > 1) {          /* tighten before narrowing text */
			gap = 1;
			continue;
		}
		for (c = 0; c < ncol; c++)
			if (col[c].flex && cw[c] > least[c] &&
			    (widest == ncol || cw[c] > cw[widest]))
				widest = c;
		if (widest == ncol)
			return gap;     /* cannot narrow further: lines run long */
		cw[widest]--;
	}
}

int
tt_print(FILE *f, const tt_col *col, size_t ncol, const char *const *cells,
	 const bool *span, size_t nrow, size_t rule_before, size_t width)
{
	size_t cw[TT_MAXCOL], c, r, total = 0, gap;
	const char *title[TT_MAXCOL];
	static const tt_col span_col[2] = { { "", true, false }, { "", false, true } };

	if (ncol < 2 || ncol > TT_MAXCOL)
		return -1;
	if (width < 20)
		width = 20;
	gap = layout(col, ncol, cells, span, nrow, width, cw);
	for (c = 0; c < ncol; c++) {
		title[c] = col[c].title;
		total += cw[c] + (c > 0 ? gap : 0);
	}
	print_row(f, col, ncol, title, cw, gap);
	rule(f, total);
	for (r = 0; r < nrow; r++) {
		if (r == rule_before)
			rule(f, total);
		if (span != NULL && span[r]) {
			size_t sw[2] = { cw[0], total > cw[0] + gap ? total - cw[0] - gap : 1 };

			print_row(f, span_col, 2, cells + r * ncol, sw, gap);
		} else
			print_row(f, col, ncol, cells + r * ncol, cw, gap);
	}
	return ferror(f) ? -1 : 0;
}
