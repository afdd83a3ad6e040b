/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* layout_int.h - declarations shared by the layout's files and its tests.
 *
 * layout.c drives the flow of blocks onto pages; table.c lays tables out
 * and plans how they run across pages; chart.c measures and draws bar
 * charts.  Everything here measures through an lb_measure, so the
 * planning parts run without a PDF (the unit tests use a fake).
 * Coordinates: x grows to the right; y values inside a table or chart
 * are distances downwards from its top; drawing takes the top's page y.
 */
#ifndef LK_LAYOUT_INT_H
#define LK_LAYOUT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"
#include "report/doc.h"
#include "report/linebreak.h"
#include "report/pdf.h"

/* Draws lines [l0, l1) of para with their left edge at x, the top of
 * line l0 at page y `top`, each line lh high.  Underlines included. */
void lay_draw_lines(pdf *p, const lb_measure *m, const lb_para *para,
		    size_t l0, size_t l1, double x, double top, double size,
		    double lh);

/* ---- tables (table.c) ---- */

typedef struct tbl_cell {
	const doc_cell *src;      /* NULL: filler for an uncovered slot */
	size_t row, col;          /* row: header rows first, then body */
	size_t rowspan, colspan;  /* clamped to the table */
	double x, w;              /* from the table's left edge */
	bool head, shade, center_v;
	lb_para para;
} tbl_cell;

typedef struct tbl_piece {        /* a cell, or the part of it on a page */
	size_t cell;
	double y, h;              /* from the top of the band's body rows */
	double text_y;            /* first line's top, from the piece's top */
	size_t l0, l1;            /* lines drawn here */
} tbl_piece;

typedef struct tbl_band {         /* what of the table one page holds */
	unsigned page;            /* 0: the page the table starts on */
	bool caption, head, note;
	size_t p0, np;            /* pieces [p0, p0 + np) */
	double body_h;            /* height of its body rows */
	double h;                 /* caption + head + body + note */
} tbl_band;

typedef struct tbl {
	const doc_table *src;
	size_t n_col, n_head, n_row;  /* n_row counts header and body rows */
	double *col_x;            /* n_col + 1 column edges */
	double width, size, lh, padx, pady, min_row;
	tbl_cell *cell;
	size_t n_cell;
	size_t *row_cell;         /* cells of row r: [row_cell[r], row_cell[r+1]) */
	size_t *grp;              /* body groups: rows [grp[i], grp[i+1]) */
	size_t n_grp;
	lb_para caption, note;
	double cap_size, cap_lh, cap_h, note_h, head_h, first_h;
	tbl_piece *head_piece;
	size_t n_head_piece;
	tbl_band *band;
	size_t n_band, cap_band;
	tbl_piece *piece;
	size_t n_piece, cap_piece;
	size_t n_laid;            /* row layouts the last tbl_plan did: its
	                           * work, linear in the rows (for tests) */
} tbl;

/* Column widths, cells placed on the grid (colspan, rowspan), text broken
 * in every cell, rows grouped so that no rowspan crosses a group. */
void tbl_prepare(tbl *t, const doc_table *src, const lb_measure *m,
		 double width, double body_size);
/* Height needed on a page to start the table: caption, header rows and
 * the first row group (at most what a page can hold). */
double tbl_start_need(const tbl *t, double page_avail);
/* Plans the bands: first_avail is the room left on the current page,
 * page_avail the room on a fresh page; at_top: the current page is still
 * empty.  Rows (row groups) are never split unless taller than a page,
 * then split between lines.  EX_DATAERR if a page cannot hold the header
 * rows and one line.  Time linear in the rows and cells, also for one
 * rowspan group of thousands of rows. */
int tbl_plan(tbl *t, double first_avail, double page_avail, bool at_top,
	     lk_err *e);
void tbl_draw_band(const tbl *t, pdf *p, const lb_measure *m, size_t band,
		   double x, double top);
void tbl_free(tbl *t);

/* ---- bar charts (chart.c) ---- */

typedef struct chart_prep {
	const doc_chart *src;
	double width, size, lh, pad, bar_h, axis_h;
	double label_w, plot_x0, plot_x1, scale;  /* x relative to the left */
	lb_para title;
	double title_h;
	lb_para *label;           /* one per bar */
	double *row_h;
	char (*vtext)[32];        /* value labels */
	size_t n_bar;
} chart_prep;

void chart_prepare(chart_prep *c, const doc_chart *src, const lb_measure *m,
		   double width, double body_size);
/* Height of bars [b0, b1) drawn as one piece (with the title if asked). */
double chart_height(const chart_prep *c, size_t b0, size_t b1, bool title);
/* How many bars from b0 fit in avail (at least 1 when b0 < n_bar and
 * force is set). */
size_t chart_fit(const chart_prep *c, size_t b0, bool title, double avail,
		 bool force);
void chart_draw(const chart_prep *c, pdf *p, const lb_measure *m, double x,
		double top, size_t b0, size_t b1, bool title);
void chart_free(chart_prep *c);

/* ---- trend charts (chart_trend.c) ---- */

#define TREND_MAX_TICK 16

typedef struct trend_prep {
	const doc_trend *src;
	double width, size, lh, pad;
	lb_para title;
	double title_h;
	double label_w, plot_x0, plot_x1, plot_h;  /* x relative to the left */
	double vsize;             /* the table's values: smaller when narrow */
	double legend_w;
	int64_t lo, hi, step;     /* the value axis, x10^4 */
	size_t n_tick;
	double height;            /* all of it: kept on one page */
} trend_prep;

void trend_prepare(trend_prep *c, const doc_trend *src, const lb_measure *m,
		   double width, double body_size);
void trend_draw(const trend_prep *c, pdf *p, const lb_measure *m, double x,
		double top);
void trend_free(trend_prep *c);

#endif
