/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* paste.c - a pasted block of cells (see paste.h). */
#include "config.h"
#include "tui/paste.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

static void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n > 0 ? n : 1);

	if (q == NULL)
		abort();      /* out of memory: a programmer's limit, PASTE_MAX_* */
	return q;
}

typedef struct grow {
	size_t *v;
	size_t n, cap;
} grow;

static void
push(grow *g, size_t x)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 64;
		g->v = xrealloc(g->v, g->cap * sizeof *g->v);
	}
	g->v[g->n++] = x;
}

static bool
is_sep(char c)
{
	return c == '\t' || c == '\r' || c == '\n';
}

/* len without one trailing line break (CRLF, LF or CR). */
static size_t
strip_break(const char *s, size_t len)
{
	if (len >= 2 && s[len - 2] == '\r' && s[len - 1] == '\n')
		return len - 2;
	if (len >= 1 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		return len - 1;
	return len;
}

/* Bytes of the line break at s[pos] ('\r' or '\n'): CRLF is one break,
 * and so is CRCR where every break is doubled (crcr). */
static size_t
brk_len(const char *s, size_t len, size_t pos, bool crcr)
{
	if (s[pos] == '\r' && pos + 1 < len &&
	    (s[pos + 1] == '\n' || (crcr && s[pos + 1] == '\r')))
		return 2;
	return 1;
}

/* A quoted cell at s[pos] == '"': its text into out (at *o), the position
 * after the closing quote in *end; false when it is not a well-formed
 * quoted cell (no closing quote, or text after it), to be read as it
 * stands. */
static bool
quoted(const char *s, size_t len, size_t pos, bool crcr, char *out, size_t *o,
       size_t *end)
{
	size_t q = pos + 1, w = *o;

	while (q < len) {
		if (s[q] == '"') {
			if (q + 1 < len && s[q + 1] == '"') {
				out[w++] = '"';
				q += 2;
				continue;
			}
			if (q + 1 < len && !is_sep(s[q + 1]))
				return false;
			*o = w;
			*end = q + 1;
			return true;
		}
		if (s[q] == '\r') {          /* a line break in the cell */
			out[w++] = '\n';
			q += brk_len(s, len, q, crcr);
			continue;
		}
		out[w++] = s[q++];
	}
	return false;
}

void
paste_block_free(paste_block *b)
{
	if (b == NULL)
		return;
	free(b->n_cells);
	free(b->cell);
	free(b->ptrs);
	free(b->mem);
	memset(b, 0, sizeof *b);
}

int
paste_parse(const char *text, size_t len, paste_block *b, char *err, size_t n)
{
	grow starts = { NULL, 0, 0 }, rows = { NULL, 0, 0 };
	size_t pos = 0, o = 0, in_row = 0, i, k;
	bool crcr;
	char *out;

	memset(b, 0, sizeof *b);
	if (len == 0 || text == NULL) {
		snprintf(err, n, "%s", _("There was nothing to paste."));
		return -1;
	}
	if (len > PASTE_MAX_BYTES) {
		snprintf(err, n, _("The pasted text is too large (%zu bytes; at most %u). "
				   "Nothing was pasted."), len, PASTE_MAX_BYTES);
		return -1;
	}
	/* A terminal that turns every LF into CR (tmux's paste-buffer, some
	 * emulators) makes Excel's CRLF a CRCR: text without LF that ends in
	 * CRCR has its breaks doubled. */
	crcr = len >= 2 && memchr(text, '\n', len) == NULL && text[len - 1] == '\r' &&
	    text[len - 2] == '\r';
	len = crcr ? len - 2 : strip_break(text, len);
	out = xrealloc(NULL, 2 * len + 2);
	for (;;) {
		size_t end;

		if (starts.n >= PASTE_MAX_CELLS) {
			snprintf(err, n, _("The pasted block has more than %u cells. "
					   "Nothing was pasted."), PASTE_MAX_CELLS);
			free(out);
			free(starts.v);
			free(rows.v);
			return -1;
		}
		push(&starts, o);
		in_row++;
		if (pos < len && text[pos] == '"' && quoted(text, len, pos, crcr, out, &o, &end)) {
			pos = end;
		} else {
			while (pos < len && !is_sep(text[pos]))
				out[o++] = text[pos++];
		}
		out[o++] = '\0';
		if (pos >= len) {
			push(&rows, in_row);
			break;
		}
		if (text[pos] == '\t') {
			pos++;
			continue;
		}
		/* A line break: CRLF, CR or LF. */
		pos += brk_len(text, len, pos, crcr);
		push(&rows, in_row);
		in_row = 0;
	}
	b->mem = out;
	b->n_rows = rows.n;
	b->n_cells = rows.v;
	b->ptrs = xrealloc(NULL, starts.n * sizeof *b->ptrs);
	b->cell = xrealloc(NULL, rows.n * sizeof *b->cell);
	for (i = 0; i < starts.n; i++)
		b->ptrs[i] = out + starts.v[i];
	for (i = 0, k = 0; i < rows.n; i++) {
		b->cell[i] = b->ptrs + k;
		k += rows.v[i];
		if (rows.v[i] > b->width)
			b->width = rows.v[i];
	}
	free(starts.v);
	return 0;
}

bool
paste_burst_is_block(const char *keys, size_t len)
{
	bool text = false, sep_inside = false;
	size_t i;

	len = strip_break(keys, len);
	for (i = 0; i < len; i++) {
		if (!is_sep(keys[i]))
			text = true;
		else if (i + 1 < len)
			sep_inside = true;
	}
	return text && sep_inside;
}

/* ------------------------------------------------------------------ */

static void
cell_where(const paste_target *t, size_t row, size_t col, char *rbuf,
	   char *cbuf, size_t n, const char **r, const char **c)
{
	*r = t->row_name(t->ud, row, rbuf, n);
	*c = t->col_name(t->ud, col, cbuf, n);
}

int
paste_apply(const paste_target *t, const paste_block *b, paste_result *res,
	    char *msg, size_t n)
{
	char rbuf[256], cbuf[256], why[512], first[1024] = "";
	const char *rn, *cn;
	size_t r, c, room_rows;

	memset(res, 0, sizeof *res);
	if (b->n_rows == 0 || b->width == 0) {
		snprintf(msg, n, "%s", _("There was nothing to paste."));
		return -1;
	}
	if (t->n_cols == 0 || t->col >= t->n_cols || t->col + b->width > t->n_cols) {
		snprintf(msg, n, _("The pasted block is %zu columns wide; from the cursor "
				   "there is room for %zu. Nothing was pasted."),
			 b->width, t->col < t->n_cols ? t->n_cols - t->col : 0);
		return -1;
	}
	room_rows = t->grow ? (t->max_rows > t->row ? t->max_rows - t->row : 0) :
	    (t->n_rows > t->row ? t->n_rows - t->row : 0);
	if (b->n_rows > room_rows) {
		if (t->grow)
			snprintf(msg, n, _("The pasted block has %zu rows; a table holds at "
					   "most %zu, so from this row there is room for %zu. "
					   "Nothing was pasted."), b->n_rows, t->max_rows, room_rows);
		else {
			cell_where(t, t->row, t->col, rbuf, cbuf, sizeof rbuf, &rn, &cn);
			snprintf(msg, n, _("The pasted block is taller than the grid: %zu rows, "
					   "and from %s down there is room for %zu. Nothing was "
					   "pasted."), b->n_rows, rn, room_rows);
		}
		return -1;
	}
	/* Every cell first: one refused refuses the block. */
	for (r = 0; r < b->n_rows; r++) {
		for (c = 0; c < b->n_cells[r]; c++) {
			res->cells++;
			why[0] = '\0';
			if (t->check(t->ud, t->row + r, t->col + c, b->cell[r][c], why,
				     sizeof why) == 0)
				continue;
			if (res->bad++ == 0) {
				cell_where(t, t->row + r, t->col + c, rbuf, cbuf, sizeof rbuf,
					   &rn, &cn);
				snprintf(first, sizeof first, "%s, %s: %s", rn, cn, why);
			}
		}
	}
	if (res->bad == 1) {
		snprintf(msg, n, _("%s. Nothing was pasted."), first);
		return -1;
	}
	if (res->bad > 1) {
		snprintf(msg, n, P_("%s (and %zu more cell refused). Nothing was pasted.",
				    "%s (and %zu more cells refused). Nothing was pasted.",
				    res->bad - 1), first, res->bad - 1);
		return -1;
	}
	if (t->ready != NULL && !t->ready(t->ud, b)) {
		msg[0] = '\0';
		return 1;
	}
	for (r = 0; r < b->n_rows; r++) {
		if (t->row + r >= t->n_rows + res->new_rows)
			res->new_rows++;
		for (c = 0; c < b->n_cells[r]; c++)
			if (t->set(t->ud, t->row + r, t->col + c, b->cell[r][c]))
				res->changed++;
	}
	msg[0] = '\0';
	return 0;
}

void
paste_done_text(const paste_result *res, char *msg, size_t n)
{
	char rows[200] = "";
	size_t o;

	snprintf(msg, n, P_("Pasted %zu cell", "Pasted %zu cells", res->cells), res->cells);
	o = strlen(msg);
	if (res->new_rows > 0)
		snprintf(rows, sizeof rows, P_(", %zu row added", ", %zu rows added",
					       res->new_rows), res->new_rows);
	snprintf(msg + o, n > o ? n - o : 0, _(" (%zu changed%s)."), res->changed, rows);
}

const char *
paste_grid_help(void)
{
	return _("A column of values copied from a spreadsheet (Excel, LibreOffice) is "
		 "pasted from the selected row down, each value checked as if typed. "
		 "One value refused, or a block larger than the grid, refuses the whole "
		 "paste and says which row and why; an approved value is not changed by "
		 "a paste. F2 saves the pasted values with the others.");
}
