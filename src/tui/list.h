/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* list.h - a scrollable table of rows (sasaran, IKU, programs, bidang,
 * permasalahan, supporting-table rows, the preview tables).
 *
 * Owns: column widths for the terminal width (a flexible column takes
 * what is left; columns with min_cols appear only on wide terminals),
 * drawing only the visible rows (a 10,000-row list costs what a 20-row
 * one does), the selection and scrolling, '/' search and 'n' next match,
 * and the help screen.  The rows belong to the screen: the list asks for
 * each cell's text through a callback.
 *
 * Use: list_open (pushes its layer), then a loop of list_run, which
 * returns the actions it does not handle itself (Enter, Ins, Del, moves,
 * Back, step keys, Tables...), then list_close.
 */
#ifndef LK_TUI_LIST_H
#define LK_TUI_LIST_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "tui/ui.h"

typedef struct list_col {
	const char *title;
	int width;          /* columns; the flex column's minimum */
	bool flex;          /* takes the remaining width (one per list) */
	bool right;         /* right-aligned (numbers) */
	int min_cols;       /* shown only when COLS >= min_cols (0: always) */
} list_col;

typedef struct list {
	/* Set by the screen. */
	const char *title;
	int step;                         /* 1..10 or 0 */
	const list_col *cols;
	size_t ncol;
	size_t nrows;
	const char *(*cell)(void *ud, size_t row, size_t col, char *buf, size_t n);
	attr_t (*attr)(void *ud, size_t row, size_t col);      /* or NULL */
	bool (*span)(void *ud, size_t row);  /* group row: col 1 spans the rest */
	void (*info)(void *ud, int y, int x, int h, int w);     /* or NULL */
	int info_rows;
	void (*footer)(void *ud, size_t row, int y, int x, int h, int w);
	int footer_rows;
	/* The whole text of the selected row's cell in column detail_col - 1
	 * (0: none), word-wrapped on two lines above the footer: what a
	 * narrow column cuts is read in full. */
	size_t detail_col;
	void *ud;
	const int *acts;                  /* bottom bar, ended by ACT_NONE */
	const char *const *bar_labels;    /* the view's words for acts, or NULL */
	const int *help_acts;             /* help screen (NULL: acts) */
	const char *help;                 /* the view's own help text */
	const char *empty;                /* shown when there are no rows */
	const char *hint;                 /* status line hint */
	size_t rule_before;               /* a line above this row (JUMLAH), or (size_t)-1 */
	bool paste;                       /* takes a pasted block: ACT_PASTE */
	/* State. */
	size_t sel, top;
	char *search;
} list;

/* Zero state; call after filling the fields above (or once at start). */
void list_init(list *l);
void list_open(list *l);
void list_close(list *l);
/* Runs until an action the list does not handle: returns it. */
int list_run(list *l);
/* Keep sel within nrows after rows were added or removed. */
void list_clamp(list *l);

#endif
