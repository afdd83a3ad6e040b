/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* list.c - scrollable table widget (see list.h). */
#include "config.h"
#include "tui/list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

#define MAXCOL 16
#define CELL_MAX 1024

void
list_init(list *l)
{
	l->sel = 0;
	l->top = 0;
	l->search = NULL;
	if (l->rule_before == 0)
		l->rule_before = (size_t)-1;
}

void
list_clamp(list *l)
{
	if (l->nrows == 0)
		l->sel = 0;
	else if (l->sel >= l->nrows)
		l->sel = l->nrows - 1;
}

static int
table_top(const list *l)
{
	return 2 + (l->info_rows > 0 ? l->info_rows + 1 : 0);
}

#define DETAIL_ROWS 2

/* Rows below the table: the detail of the selected row, the footer. */
static int
below_rows(const list *l)
{
	int n = (l->footer != NULL ? l->footer_rows : 0) +
	    (l->detail_col > 0 ? DETAIL_ROWS : 0);

	return n > 0 ? n + 1 : 0;
}

/* Rows of the table body. */
static int
body_rows(const list *l)
{
	int h = LINES - 3 - table_top(l) - 1 - below_rows(l);

	return h < 1 ? 1 : h;
}

/* Widths of the shown columns (0 = hidden). */
static void
widths(const list *l, int *w)
{
	int total = 0, flex = -1, shown = 0;
	size_t c;

	for (c = 0; c < l->ncol && c < MAXCOL; c++) {
		w[c] = l->cols[c].min_cols > 0 && COLS < l->cols[c].min_cols ? 0 :
		    l->cols[c].width;
		if (w[c] > 0) {
			total += w[c];
			shown++;
		}
		if (l->cols[c].flex && w[c] > 0)
			flex = (int)c;
	}
	total += shown > 0 ? shown - 1 : 0;   /* one space between columns */
	total += 2;                           /* margins */
	if (flex >= 0 && total < COLS)
		w[flex] += COLS - total;
	else if (total > COLS && flex >= 0) {
		w[flex] -= total - COLS;
		if (w[flex] < 4)
			w[flex] = 4;
	}
}

static void
draw_row(list *l, size_t r, int y, const int *w, bool selected)
{
	char buf[CELL_MAX];
	attr_t base = selected ? theme_attr(TR_SELECT) : A_NORMAL;
	bool span = l->span != NULL && l->span(l->ud, r);
	int x = 1;
	size_t c;

	ui_fill(y, 0, COLS, base);
	for (c = 0; c < l->ncol && c < MAXCOL; c++) {
		const char *s;
		attr_t a = base;
		int cw = w[c];

		if (cw == 0)
			continue;
		buf[0] = '\0';
		s = l->cell(l->ud, r, c, buf, sizeof buf);
		if (span) {
			a |= theme_attr(TR_GROUP);
			if (c == 1)
				cw = COLS - 1 - x;
		} else if (l->attr != NULL && !selected) {
			a = l->attr(l->ud, r, c);
		} else if (l->attr != NULL && selected) {
			attr_t extra = l->attr(l->ud, r, c);

			a = base | (extra & (A_BOLD | A_UNDERLINE));
		}
		if (r == l->rule_before)
			a |= theme_attr(TR_GROUP);
		ui_put(y, x, cw, s != NULL ? s : "", a, false, l->cols[c].right && !span);
		x += cw + 1;
		if (span && c >= 1)
			break;
	}
}

static void
list_draw(void *ctx)
{
	list *l = ctx;
	int w[MAXCOL], y0 = table_top(l), h = body_rows(l), x = 1, i;
	char pos[64];
	size_t c;

	erase();
	ui_draw_top(l->title, l->step, NULL);
	if (l->nrows > 0) {
		snprintf(pos, sizeof pos, "%zu/%zu", l->sel + 1, l->nrows);
		ui_put(1, COLS - ui_width(pos) - 1, ui_width(pos), pos,
		       theme_attr(TR_HINT), false, false);
	}
	if (l->info != NULL && l->info_rows > 0)
		l->info(l->ud, 2, 1, l->info_rows, COLS - 2);
	widths(l, w);
	for (c = 0; c < l->ncol && c < MAXCOL; c++) {
		if (w[c] == 0)
			continue;
		ui_put(y0, x, w[c], l->cols[c].title, theme_attr(TR_COLHEAD), true,
		       l->cols[c].right);
		x += w[c] + 1;
	}
	list_clamp(l);
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + (size_t)h)
		l->top = l->sel - (size_t)h + 1;
	if (l->nrows == 0 && l->empty != NULL)
		ui_put_wrapped(y0 + 2, 3, h - 2, COLS - 6, l->empty, theme_attr(TR_HINT));
	for (i = 0; i < h && l->top + (size_t)i < l->nrows; i++)
		draw_row(l, l->top + (size_t)i, y0 + 1 + i, w, l->top + (size_t)i == l->sel);
	if (l->top > 0)
		ui_put(table_top(l), COLS - 2, 1, "^", theme_attr(TR_HINT), false, false);
	if (l->top + (size_t)h < l->nrows)
		ui_put(LINES - 4 - below_rows(l), COLS - 2,
		       1, "v", theme_attr(TR_HINT), false, false);
	if (below_rows(l) > 0 && l->nrows > 0) {
		int fy = LINES - 3 - (below_rows(l) - 1);

		attrset(theme_attr(TR_BORDER));
		mvhline(fy - 1, 0, ACS_HLINE, COLS);
		attrset(A_NORMAL);
		if (l->detail_col > 0) {
			char buf[CELL_MAX];
			const char *t;

			buf[0] = '\0';
			t = l->cell(l->ud, l->sel, l->detail_col - 1, buf, sizeof buf);
			ui_put_wrapped(fy, 1, DETAIL_ROWS, COLS - 2, t != NULL ? t : "",
				       A_NORMAL);
			fy += DETAIL_ROWS;
		}
		if (l->footer != NULL && l->footer_rows > 0)
			l->footer(l->ud, l->sel, fy, 1, l->footer_rows, COLS - 2);
	}
	ui_draw_status(l->hint);
	ui_draw_keybar_as(l->acts, l->bar_labels, KCTX_NAV);
	if (l->nrows > 0)
		ui_cursor(table_top(l) + 1 + (int)(l->sel - l->top), 0);
}

static void
search_next(list *l)
{
	char buf[CELL_MAX];
	size_t k, c;

	if (l->search == NULL || l->nrows == 0)
		return;
	for (k = 1; k <= l->nrows; k++) {
		size_t r = (l->sel + k) % l->nrows;

		for (c = 0; c < l->ncol; c++) {
			const char *s;

			buf[0] = '\0';
			s = l->cell(l->ud, r, c, buf, sizeof buf);
			if (s != NULL && ui_contains(s, l->search)) {
				if (r <= l->sel)
					ui_msg(UI_MSG_HINT, _("Search continued from the top."));
				l->sel = r;
				return;
			}
		}
	}
	ui_msg(UI_MSG_ERROR, _("Not found: %s"), l->search);
}

static void
list_keep_layout(void *ctx)
{
	(void)ctx;   /* widths are computed at each draw */
}

void
list_open(list *l)
{
	ui_layer layer = { list_draw, list_keep_layout, NULL, l, true };

	ui_push(&layer);
}

void
list_close(list *l)
{
	ui_pop();
	free(l->search);
	l->search = NULL;
}

int
list_run(list *l)
{
	for (;;) {
		size_t page = (size_t)body_rows(l);
		char *s = NULL;
		int act;

		list_clamp(l);
		ui_redraw();
		act = ui_getkey(l->paste ? KCTX_NAV_PASTE : KCTX_NAV, NULL);
		switch (act) {
		case ACT_UP:
			if (l->sel > 0)
				l->sel--;
			break;
		case ACT_DOWN:
			if (l->sel + 1 < l->nrows)
				l->sel++;
			break;
		case ACT_PGUP:
			l->sel = l->sel > page ? l->sel - page : 0;
			l->top = l->top > page ? l->top - page : 0;
			break;
		case ACT_PGDN:
			if (l->nrows > 0) {
				l->sel = l->sel + page < l->nrows ? l->sel + page : l->nrows - 1;
				l->top += page;
				if (l->top + page > l->nrows)
					l->top = l->nrows > page ? l->nrows - page : 0;
			}
			break;
		case ACT_HOME:
			l->sel = 0;
			break;
		case ACT_END:
			l->sel = l->nrows > 0 ? l->nrows - 1 : 0;
			break;
		case ACT_HELP:
			ui_help(l->title, l->help, l->help_acts != NULL ? l->help_acts :
				l->acts, KCTX_NAV);
			break;
		case ACT_SEARCH:
			if (ui_prompt(_("Search"), _("Text to look for in this list:"),
				      l->search != NULL ? l->search : "", &s)) {
				free(l->search);
				l->search = s;
				search_next(l);
			}
			break;
		case ACT_SEARCH_NEXT:
			if (l->search == NULL)
				ui_msg(UI_MSG_HINT, _("Search first with /."));
			else
				search_next(l);
			break;
		case ACT_RESIZE:
		case ACT_CHAR:
		case ACT_NEXT_FIELD:
		case ACT_PREV_FIELD:
			if (act == ACT_NEXT_FIELD || act == ACT_PREV_FIELD)
				return act;
			break;
		default:
			return act;
		}
	}
}
