/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* show_text.h - a table of text laid out for a terminal of a given width.
 *
 * Owns: measuring UTF-8 text in display columns, word-wrapping cells of
 * the flexible columns, and printing the rows with aligned columns.  The
 * caller keeps ownership of every string.
 */
#ifndef LK_SHOW_TEXT_H
#define LK_SHOW_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define TT_MAXCOL 16

typedef struct tt_col {
	const char *title;
	bool right;      /* right-aligned (numbers) */
	bool flex;       /* may be narrowed and wrapped */
} tt_col;

/* Display width of a UTF-8 string (invalid bytes count as one column). */
size_t tt_width(const char *s);

/* Print a header row, a rule, and rows (cells[r * ncol + c]).  A row r
 * with span[r] (span may be NULL) is a group row: its first cell in the
 * first column and its second cell across all the other columns.  The row
 * rule_before gets a rule above it (e.g. a JUMLAH row): pass (size_t)-1
 * for none.  width: total terminal columns (>= 20).  Columns are two
 * spaces apart, one when the table must be narrowed. */
int tt_print(FILE *f, const tt_col *col, size_t ncol, const char *const *cells,
	     const bool *span, size_t nrow, size_t rule_before, size_t width);

/* Terminal width: $COLUMNS, else the tty's, else 80. */
size_t tt_terminal_width(void);

#endif
