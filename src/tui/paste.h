/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* paste.h - a block of cells pasted from a spreadsheet into a grid.
 *
 * Owns: what a terminal delivers when a clerk copies cells in Excel or
 * LibreOffice and pastes them (cells separated by tabs, rows by line
 * breaks: CRLF, LF or a lone CR, which is what terminals send for a line
 * break, or CRCR in text without LF that ends in CRCR, which is Excel's
 * CRLF after a terminal made every LF a CR; one trailing line break,
 * which Excel always adds, ends the last row; a cell that starts with a quote is quoted as Excel writes it,
 * "" a quote, line breaks inside kept as "\n"), read into rows of cells
 * (paste_parse); telling a burst of typed keys that is really a paste
 * from a clerk's fast typing (paste_burst_is_block); and laying a block
 * onto a grid from its cursor cell right and down, all or nothing
 * (paste_apply): every cell is checked by the grid's own check, the one
 * its typed input goes through, before any is set.
 *
 * Knows nothing of curses or the model: the terminal side (bracketed
 * paste mode, reading the block) is in ui.c, each grid gives its cells
 * through a paste_target.  Errors are returned as a status with the
 * message in a buffer of the caller; nothing is changed then.
 */
#ifndef LK_TUI_PASTE_H
#define LK_TUI_PASTE_H

#include <stdbool.h>
#include <stddef.h>

/* Bounds of a paste: more is refused before it costs memory. */
#define PASTE_MAX_BYTES (1u << 20)
#define PASTE_MAX_CELLS 200000u

typedef struct paste_block {
	size_t n_rows;
	size_t width;          /* cells of the widest row */
	size_t *n_cells;       /* cells of each row (a ragged row has fewer) */
	char ***cell;          /* cell[r][c]: UTF-8, NUL-terminated */
	char *mem;             /* owns the cells' text */
	char **ptrs;           /* owns the rows' arrays */
} paste_block;

/* Reads len bytes of text into *b.  Returns 0, or -1 with why in err
 * (nothing to paste; larger than the bounds above); *b is then empty.
 * Free with paste_block_free (also safe on an empty block). */
int paste_parse(const char *text, size_t len, paste_block *b, char *err,
		size_t n);
void paste_block_free(paste_block *b);

/* Is this burst of keys, read without a pause, a paste rather than
 * typing?  keys holds the burst's characters as UTF-8 (only printable
 * characters, tabs and line breaks: a burst with any other key is typing).
 * A paste has text and a tab or line break that more follows: "12\r" (a
 * value and Enter, typed fast) is typing, "12\r13" or "\t5" a block. */
bool paste_burst_is_block(const char *keys, size_t len);

/* A grid that takes a block: its editable cells are n_rows x n_cols, the
 * cursor cell is (row, col).  With grow, rows past the last are appended
 * (up to max_rows in all); then check and set see row indexes >= n_rows
 * for the new rows. */
typedef struct paste_target {
	size_t n_rows, n_cols;
	size_t row, col;
	bool grow;
	size_t max_rows;
	/* The names a clerk reads: the row's kode ("IKU1"), the column's
	 * heading.  buf (n bytes) may be used. */
	const char *(*row_name)(void *ud, size_t row, char *buf, size_t n);
	const char *(*col_name)(void *ud, size_t col, char *buf, size_t n);
	/* 0 when the cell takes text as typed input would, else -1 with
	 * why (a read-only cell, a value typing would refuse). */
	int (*check)(void *ud, size_t row, size_t col, const char *text,
		     char *why, size_t n);
	/* Puts the text (already checked) in the cell; true when the cell's
	 * value changed. */
	bool (*set)(void *ud, size_t row, size_t col, const char *text);
	/* Or NULL: called when every cell passed, before any is set; false
	 * cancels the paste (the clerk declined to overwrite). */
	bool (*ready)(void *ud, const paste_block *b);
	void *ud;
} paste_target;

typedef struct paste_result {
	size_t cells;          /* cells in the block */
	size_t changed;        /* cells whose value changed */
	size_t new_rows;       /* rows appended (grow) */
	size_t bad;            /* cells refused */
} paste_result;

/* Checks every cell of b against t (the block must fit from the cursor
 * cell), then sets them all.  Returns 0 with *res, 1 when ready
 * cancelled, or -1 with the message in msg, naming the row and column of
 * the first cell refused and why, and how many more were refused;
 * nothing is set then. */
int paste_apply(const paste_target *t, const paste_block *b,
		paste_result *res, char *msg, size_t n);

/* A paragraph for the help of a grid that takes a column of values. */
const char *paste_grid_help(void);

/* The message of a paste that went in ("Pasted 12 cells: 5 changed."),
 * in msg; "" when nothing changed is said too. */
void paste_done_text(const paste_result *res, char *msg, size_t n);

#endif
