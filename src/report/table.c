/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* table.c - tables: column widths, cells on the grid, rows across pages.
 *
 * A table is prepared once (cells broken into lines at their column
 * widths), then planned for the room the flow offers: the plan is a list
 * of bands, one per page, each with the pieces of cells drawn there.
 * Header rows are drawn again at the top of every band.  Body rows are
 * kept in groups (rows joined by a rowspan); a group moves whole to the
 * next page unless it is taller than a page: then it is cut, preferably
 * between rows, else between lines, and what is left of every cell
 * continues on the next page.
 */
#include "config.h"
#include "core/i18n.h"
#include "report/layout_int.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EPS 1e-6

static void *
xgrow(void *p, size_t elem, size_t *cap, size_t need)
{
	size_t ncap;

	if (need <= *cap)
		return p;
	ncap = *cap ? *cap * 2 : 16;
	while (ncap < need)
		ncap *= 2;
	if (ncap > SIZE_MAX / elem || (p = realloc(p, ncap * elem)) == NULL)
		lk_fatal("out of memory");
	*cap = ncap;
	return p;
}

static void *
xcalloc(size_t n, size_t elem)
{
	void *p = calloc(n ? n : 1, elem);

	if (p == NULL)
		lk_fatal("out of memory");
	return p;
}

/* ---- preparing ---- */

static void
col_edges(tbl *t, const doc_table *src)
{
	double sum = 0, valid = 0, avg;
	size_t i, nvalid = 0;

	t->col_x = xcalloc(t->n_col + 1, sizeof *t->col_x);
	for (i = 0; i < t->n_col; i++)
		if (src->width != NULL && isfinite(src->width[i]) &&
		    src->width[i] > 0) {
			valid += src->width[i];
			nvalid++;
		}
	avg = nvalid ? valid / (double)nvalid : 1;
	for (i = 0; i < t->n_col; i++) {
		double w = src->width != NULL && isfinite(src->width[i]) &&
			   src->width[i] > 0 ? src->width[i] : avg;

		sum += w;
		t->col_x[i + 1] = sum;
	}
	for (i = 1; i <= t->n_col; i++)
		t->col_x[i] = t->col_x[i] / sum * t->width;
}

static void
add_cell(tbl *t, size_t *cap, const doc_cell *src, size_t row, size_t col,
	 size_t rs, size_t cs, bool head)
{
	tbl_cell *c;

	t->cell = xgrow(t->cell, sizeof *t->cell, cap, t->n_cell + 1);
	c = &t->cell[t->n_cell++];
	memset(c, 0, sizeof *c);
	c->src = src;
	c->row = row;
	c->col = col;
	c->rowspan = rs;
	c->colspan = cs;
	c->head = head;
	c->shade = src != NULL && src->shade;
	c->center_v = head || rs > 1;
	c->x = t->col_x[col];
	c->w = t->col_x[col + cs] - t->col_x[col];
}

/* Places the cells of rows[0..n) (header or body part) on the grid,
 * the way HTML does: a cell takes the next column not covered by a
 * rowspan from above; uncovered slots get empty filler cells. */
static void
place_part(tbl *t, size_t *cap, const doc_row *rows, size_t n, size_t row0,
	   bool head)
{
	size_t *busy = xcalloc(t->n_col, sizeof *busy);
	size_t r, k, col, cs, rs, j;

	for (r = 0; r < n; r++) {
		t->row_cell[row0 + r] = t->n_cell;
		col = 0;
		for (k = 0; k < rows[r].n_cell; k++) {
			const doc_cell *dc = &rows[r].cell[k];

			while (col < t->n_col && busy[col] > 0)
				col++;
			if (col >= t->n_col)
				break;          /* more cells than columns */
			cs = dc->colspan ? dc->colspan : 1;
			for (j = 1; j < cs && col + j < t->n_col &&
				    busy[col + j] == 0; j++)
				;
			cs = j;
			rs = dc->rowspan ? dc->rowspan : 1;
			if (rs > n - r)
				rs = n - r;
			add_cell(t, cap, dc, row0 + r, col, rs, cs, head);
			for (j = 0; j < cs; j++)
				busy[col + j] = rs;
			col += cs;
		}
		for (col = 0; col < t->n_col; col++)
			if (busy[col] == 0) {
				add_cell(t, cap, NULL, row0 + r, col, 1, 1, head);
				busy[col] = 1;
			}
		for (col = 0; col < t->n_col; col++)
			busy[col]--;
	}
	free(busy);
}

/* ---- laying out a row group ---- */

/* A row group being planned, with the state of each of its cells, and
 * the heights of a window of its rows that is laid out only as far as a
 * decision needs (about a page): a group of thousands of rows, cut at
 * every page, costs time in proportion to its size, not its square.
 *
 * Heights follow one rule: a row is as tall as its tallest cell that
 * ends in it and spans it alone; a cell spanning several rows that needs
 * more than they give stretches the last of them, the shortest such
 * spans first.  A row's height so depends only on the cells ending in
 * it or above it, which is what lets the window stop anywhere.  After a
 * cut what is left of the cells cut through starts at the top of the next
 * page ("continued"), and the rows from there are laid out again. */
enum { C_FRESH, C_CONT, C_DONE };

typedef struct grp {
	size_t g0, g1;            /* rows [g0, g1), absolute */
	size_t c0, nc;            /* cells [c0, c0 + nc) of t->cell */
	size_t *l0;               /* per cell: lines drawn on earlier pages */
	unsigned char *st;        /* per cell: C_FRESH, C_CONT, C_DONE */
	size_t *by_end;           /* cells by the row they end in ... */
	size_t *end_at;           /* ... row r: by_end[end_at[r - g0]..[+1]) */
	size_t *carry, n_carry;   /* C_CONT cells, ascending */
	size_t *tmp;              /* n_col: cells ending in one row */
	size_t top;               /* first row not yet drawn whole */
	size_t laid;              /* rows [top, top + laid) are laid out */
	double *pre;              /* pre[k]: top of row top + k; pre[laid]:
	                           * height of the rows laid out */
	size_t cap_c, cap_r, cap_t, cap_carry;
} grp;

static void
grp_free(grp *g)
{
	free(g->l0);
	free(g->st);
	free(g->by_end);
	free(g->end_at);
	free(g->carry);
	free(g->tmp);
	free(g->pre);
	memset(g, 0, sizeof *g);
}

static void
grp_start(grp *g, const tbl *t, size_t g0, size_t g1)
{
	size_t nr = g1 - g0, i;

	g->g0 = g0;
	g->g1 = g1;
	g->c0 = t->row_cell[g0];
	g->nc = t->row_cell[g1] - g->c0;
	if (g->nc + 1 > g->cap_c) {
		size_t cap = g->cap_c;

		g->l0 = xgrow(g->l0, sizeof *g->l0, &cap, g->nc + 1);
		cap = g->cap_c;
		g->st = xgrow(g->st, sizeof *g->st, &cap, g->nc + 1);
		g->by_end = xgrow(g->by_end, sizeof *g->by_end, &g->cap_c,
				  g->nc + 1);
	}
	if (nr + 2 > g->cap_r) {
		size_t cap = g->cap_r;

		g->end_at = xgrow(g->end_at, sizeof *g->end_at, &cap, nr + 2);
		g->pre = xgrow(g->pre, sizeof *g->pre, &g->cap_r, nr + 2);
	}
	g->tmp = xgrow(g->tmp, sizeof *g->tmp, &g->cap_t, t->n_col + 1);
	/* cells by the row they end in: a counting sort, stable, so that
	 * the cells ending in a row are in cell order */
	memset(g->end_at, 0, (nr + 2) * sizeof *g->end_at);
	for (i = 0; i < g->nc; i++) {
		const tbl_cell *tc = &t->cell[g->c0 + i];

		g->l0[i] = 0;
		g->st[i] = C_FRESH;
		g->end_at[tc->row + tc->rowspan - g0]++;     /* end row + 1 */
	}
	for (i = 1; i <= nr; i++)
		g->end_at[i] += g->end_at[i - 1];
	for (i = 0; i < g->nc; i++) {
		const tbl_cell *tc = &t->cell[g->c0 + i];

		g->by_end[g->end_at[tc->row + tc->rowspan - 1 - g0]++] = i;
	}
	/* end_at[r] now ends row r's cells: shift up by one */
	memmove(g->end_at + 1, g->end_at, nr * sizeof *g->end_at);
	g->end_at[0] = 0;
	g->n_carry = 0;
	g->top = g0;
	g->laid = 0;
	g->pre[0] = 0;
}

static size_t
cell_r0(const grp *g, const tbl *t, size_t i)
{
	size_t r = t->cell[g->c0 + i].row;

	return r > g->top ? r : g->top;
}

static double
cell_need(const grp *g, const tbl *t, size_t i)
{
	return 2 * t->pady +
	       (double)(t->cell[g->c0 + i].para.n_line - g->l0[i]) * t->lh;
}

/* Lays out the next row of the window. */
static void
lay_row(grp *g, tbl *t)
{
	size_t r = g->top + g->laid, k = g->laid, i, j, m = 0;
	const size_t *b = g->by_end + g->end_at[r - g->g0];
	size_t nb = g->end_at[r - g->g0 + 1] - g->end_at[r - g->g0];
	double h = t->min_row;

	for (i = 0; i < nb; i++) {
		if (cell_r0(g, t, b[i]) == r) {
			double need = cell_need(g, t, b[i]);

			if (need > h)
				h = need;
		} else {
			/* spans rows above: by span, shortest first, then
			 * in cell order (at most n_col cells end in a row) */
			size_t c = b[i], span = r - cell_r0(g, t, c);

			for (j = m; j > 0 && r - cell_r0(g, t, g->tmp[j - 1]) > span; j--)
				g->tmp[j] = g->tmp[j - 1];
			g->tmp[j] = c;
			m++;
		}
	}
	for (i = 0; i < m; i++) {
		size_t c = g->tmp[i];
		double sum = g->pre[k] - g->pre[cell_r0(g, t, c) - g->top] + h;
		double need = cell_need(g, t, c);

		if (need > sum)
			h += need - sum;
	}
	g->pre[k + 1] = g->pre[k] + h;
	g->laid++;
	t->n_laid++;
}

/* Lays out rows until their height passes limit or the group ends;
 * returns true when the whole group is laid out (then g->pre[g->laid] is
 * its height, else a lower bound of it above limit). */
static bool
grp_lay(grp *g, tbl *t, double limit)
{
	while (g->top + g->laid < g->g1 && !(g->pre[g->laid] > limit + EPS))
		lay_row(g, t);
	return g->top + g->laid == g->g1;
}

/* Largest row boundary at or above c that is not too high up. */
static double
grp_row_cut(const grp *g, double c)
{
	double best = 0;
	size_t k;

	for (k = 1; g->top + k < g->g1 && k <= g->laid; k++) {
		if (g->pre[k] > c + EPS)
			break;
		best = g->pre[k];
	}
	return best >= 0.5 * c ? best : c;
}

/* One cell's piece above cut c (INFINITY: all of it), at offset base;
 * returns the lines drawn, sets *whole when nothing is left below. */
static size_t
emit_cell(grp *g, tbl *t, size_t i, double c, double base, bool *whole,
	  tbl_piece **out, size_t *n_out, size_t *cap_out)
{
	const tbl_cell *tc = &t->cell[g->c0 + i];
	size_t r0 = cell_r0(g, t, i), r1 = tc->row + tc->rowspan;
	size_t n = tc->para.n_line - g->l0[i], k;
	double cy = g->pre[r0 - g->top], ch, vis, voff = 0;
	tbl_piece *p;

	/* rows below the window are below the cut */
	ch = r1 - g->top <= g->laid ? g->pre[r1 - g->top] - cy : INFINITY;
	*whole = cy + ch <= c + EPS;
	vis = *whole ? ch : c - cy;
	if (tc->center_v && g->st[i] != C_CONT && *whole)
		voff = (ch - cell_need(g, t, i)) / 2;
	if (vis >= ch - EPS)
		k = n;
	else {
		double room = (vis - t->pady - voff) / t->lh + EPS;

		k = room <= 0 ? 0 : (size_t)room;
		if (k > n)
			k = n;
	}
	if (out != NULL) {
		*out = xgrow(*out, sizeof **out, cap_out, *n_out + 1);
		p = &(*out)[(*n_out)++];
	} else {
		t->piece = xgrow(t->piece, sizeof *t->piece, &t->cap_piece,
				 t->n_piece + 1);
		p = &t->piece[t->n_piece++];
	}
	p->cell = g->c0 + i;
	p->y = base + cy;
	p->h = vis;
	p->text_y = t->pady + voff;
	p->l0 = g->l0[i];
	p->l1 = g->l0[i] + k;
	return k;
}

/* Emits the pieces above cut c (INFINITY: the whole rest of the group,
 * which must be laid out), at offset base, in cell order: the continued
 * cells, then those of the rows from the top.  With a cut, keeps what is
 * left for the next page: cells cut through continue there, and the
 * window starts again at the first row not drawn whole. */
static void
grp_emit(grp *g, tbl *t, double c, double base, tbl_piece **out,
	 size_t *n_out, size_t *cap_out)
{
	size_t i, r, n_keep = 0, rc;
	bool whole;

	for (i = 0; i < g->n_carry; i++) {         /* they start at the top */
		size_t x = g->carry[i];

		g->l0[x] += emit_cell(g, t, x, c, base, &whole, out, n_out,
				      cap_out);
		if (whole)
			g->st[x] = C_DONE;
		else
			g->carry[n_keep++] = x;
	}
	for (r = g->top; r < g->g1 && r - g->top < g->laid; r++) {
		if (g->pre[r - g->top] >= c - EPS)
			break;          /* starts at or below the cut */
		for (i = t->row_cell[r] - g->c0; i < t->row_cell[r + 1] - g->c0; i++) {
			if (g->st[i] != C_FRESH)
				continue;
			g->l0[i] += emit_cell(g, t, i, c, base, &whole, out,
					      n_out, cap_out);
			if (whole)
				g->st[i] = C_DONE;
			else {
				g->st[i] = C_CONT;
				g->carry = xgrow(g->carry, sizeof *g->carry,
						 &g->cap_carry, n_keep + 1);
				g->carry[n_keep++] = i;
			}
		}
	}
	g->n_carry = n_keep;
	if (isinf(c))
		return;
	for (rc = g->top; rc < g->g1 && rc - g->top < g->laid &&
	     g->pre[rc - g->top + 1] <= c + EPS; rc++)
		;
	g->top = rc;
	g->laid = 0;
	g->pre[0] = 0;
}

/* ---- preparing (cont.) ---- */

void
tbl_prepare(tbl *t, const doc_table *src, const lb_measure *m, double width,
	    double body_size)
{
	size_t cap = 0, r, c, end;
	lb_opts o;
	grp g;

	memset(t, 0, sizeof *t);
	t->src = src;
	t->n_col = src->n_col;
	t->n_head = src->n_head;
	t->n_row = src->n_head + src->n_body;
	t->width = width;
	t->size = src->font_size > 0 && isfinite(src->font_size) ?
		  src->font_size : body_size - 1;
	if (t->size < 4)
		t->size = 4;
	if (t->size > 36)
		t->size = 36;
	t->lh = t->size * 1.2;
	t->padx = t->size * 0.35;
	t->pady = t->size * 0.25;
	t->min_row = 2 * t->pady + t->lh;
	t->cap_size = body_size;
	t->cap_lh = body_size * 1.25;
	lb_init(&t->caption);
	lb_init(&t->note);
	t->row_cell = xcalloc(t->n_row + 1, sizeof *t->row_cell);
	t->grp = xcalloc(src->n_body + 1, sizeof *t->grp);
	if (t->n_col == 0)
		t->n_row = t->n_head = 0;
	else {
		col_edges(t, src);
		place_part(t, &cap, src->head, src->n_head, 0, true);
		place_part(t, &cap, src->body, src->n_body, src->n_head, false);
	}
	t->row_cell[t->n_row] = t->n_cell;

	memset(&o, 0, sizeof o);
	o.size = t->size;
	for (c = 0; c < t->n_cell; c++) {
		tbl_cell *tc = &t->cell[c];
		const doc_row *row;

		lb_init(&tc->para);
		if (tc->src == NULL)
			continue;
		row = tc->head ? &src->head[tc->row] :
			&src->body[tc->row - src->n_head];
		o.style = tc->head || row->bold ? DOC_BOLD : 0;
		o.width = tc->w - 2 * t->padx;
		if (o.width < 1)
			o.width = 1;
		o.align = tc->src->align == DOC_JUSTIFY ? DOC_LEFT : tc->src->align;
		lb_break(&tc->para, m, &tc->src->text, &o);
	}

	/* body groups: a new group wherever no rowspan reaches down */
	t->n_grp = 0;
	end = t->n_head;
	for (r = t->n_head; r < t->n_row; r++) {
		if (r >= end)
			t->grp[t->n_grp++] = r - t->n_head;
		for (c = t->row_cell[r]; c < t->row_cell[r + 1]; c++)
			if (r + t->cell[c].rowspan > end)
				end = r + t->cell[c].rowspan;
	}
	t->grp[t->n_grp] = t->n_row - t->n_head;
	/* a bold last row of one row (the JUMLAH) never goes to a page
	 * alone: it keeps the row group above it */
	if (t->n_grp >= 2 && src->n_body > 0 && src->body[src->n_body - 1].bold &&
	    t->grp[t->n_grp] - t->grp[t->n_grp - 1] == 1) {
		t->grp[t->n_grp - 1] = t->grp[t->n_grp];
		t->n_grp--;
	}

	/* header rows, laid out once */
	memset(&g, 0, sizeof g);
	if (t->n_head > 0) {
		size_t cap_hp = 0;

		grp_start(&g, t, 0, t->n_head);
		grp_lay(&g, t, INFINITY);
		t->head_h = g.pre[g.laid];
		grp_emit(&g, t, INFINITY, 0, &t->head_piece, &t->n_head_piece,
			 &cap_hp);
	}
	if (t->n_grp > 0) {
		grp_start(&g, t, t->n_head + t->grp[0], t->n_head + t->grp[1]);
		grp_lay(&g, t, INFINITY);
		t->first_h = g.pre[g.laid];
	}
	grp_free(&g);

	memset(&o, 0, sizeof o);
	o.size = t->cap_size;
	o.width = width;
	o.align = DOC_CENTER;
	lb_break(&t->caption, m, &src->title, &o);
	if (t->caption.n_line > 0)
		t->cap_h = (double)t->caption.n_line * t->cap_lh + 0.35 * t->size;
	o.size = t->size;
	o.align = DOC_LEFT;
	lb_break(&t->note, m, &src->note, &o);
	if (t->note.n_line > 0)
		t->note_h = 0.35 * t->size + (double)t->note.n_line * t->lh;
}

void
tbl_free(tbl *t)
{
	size_t i;

	for (i = 0; i < t->n_cell; i++)
		lb_free(&t->cell[i].para);
	lb_free(&t->caption);
	lb_free(&t->note);
	free(t->cell);
	free(t->col_x);
	free(t->row_cell);
	free(t->grp);
	free(t->head_piece);
	free(t->band);
	free(t->piece);
	memset(t, 0, sizeof *t);
}

double
tbl_start_need(const tbl *t, double page_avail)
{
	double head = t->cap_h + t->head_h, first = t->first_h;

	if (t->n_grp == 1)
		first += t->note_h;
	if (head + first > page_avail)
		first = page_avail - head;
	return head + (first > 0 ? first : 0);
}

/* ---- planning ---- */

static tbl_band *
new_band(tbl *t, unsigned page, bool head)
{
	tbl_band *b;

	t->band = xgrow(t->band, sizeof *t->band, &t->cap_band, t->n_band + 1);
	b = &t->band[t->n_band++];
	memset(b, 0, sizeof *b);
	b->page = page;
	b->head = head && t->n_head > 0;
	b->p0 = t->n_piece;
	if (b->head)
		b->h = t->head_h;
	return b;
}

static void
close_band(tbl *t)
{
	tbl_band *b = &t->band[t->n_band - 1];

	b->np = t->n_piece - b->p0;
}

int
tbl_plan(tbl *t, double first_avail, double page_avail, bool at_top,
	 lk_err *e)
{
	double avail, head_h;
	unsigned page = 0;
	size_t g, steps = 0, max_steps;
	tbl_band *b;
	grp G;

	t->n_band = t->n_piece = t->n_laid = 0;
	head_h = t->n_head > 0 ? t->head_h : 0;
	if (t->cap_h + head_h + t->min_row > page_avail + EPS)
		return lk_fail(e, EX_DATAERR, _("table: its caption and header "
			       "rows (%.0f pt) leave no room for a row on a page "
			       "(%.0f pt)"), t->cap_h + head_h, page_avail);
	avail = first_avail;
	if (!at_top && tbl_start_need(t, page_avail) > avail + EPS) {
		page = 1;
		avail = page_avail;
	}
	b = new_band(t, page, true);
	b->caption = true;
	b->h += t->cap_h;
	avail -= t->cap_h + head_h;

	/* every step moves to a new page or uses up a row or a line: a
	 * bound on steps guards against a planning bug looping forever */
	max_steps = 2 * (t->n_row + t->n_grp) + 16;
	for (g = 0; g < t->n_cell; g++)
		max_steps += 2 * t->cell[g].para.n_line;
	memset(&G, 0, sizeof G);
	for (g = 0; g < t->n_grp; g++) {
		bool last = g + 1 == t->n_grp;

		grp_start(&G, t, t->n_head + t->grp[g], t->n_head + t->grp[g + 1]);
		for (;;) {
			double extra = last ? t->note_h : 0, fresh, c, H, enough;
			bool used = t->n_piece > t->band[t->n_band - 1].p0;
			enum { WHOLE, NEXT, CUT } act;

			if (++steps > max_steps) {
				grp_free(&G);
				return lk_fail(e, EX_SOFTWARE, _("table: page planning "
					       "did not finish (a bug)"));
			}
			fresh = page_avail - head_h;
			/* the decisions below compare the height left, H,
			 * with avail and (once the band is used) fresh only:
			 * a group taller than both need not be laid out
			 * further, its H is then a lower bound */
			enough = used && fresh > avail ? fresh : avail;
			grp_lay(&G, t, enough);
			H = G.pre[G.laid];
			if (H + extra <= avail + EPS)
				act = WHOLE;
			else if (used && H + extra <= fresh + EPS)
				act = NEXT;
			else if (H <= avail + EPS)
				act = WHOLE;    /* the note goes on alone */
			else if (used && H <= fresh + EPS)
				act = NEXT;
			else if (avail < t->min_row - EPS ||
				 (used && avail < 3 * t->lh + 2 * t->pady))
				act = NEXT;     /* too little room to start */
			else
				act = CUT;      /* taller than a page */

			b = &t->band[t->n_band - 1];
			if (act == WHOLE) {     /* H <= enough: all laid out */
				grp_emit(&G, t, INFINITY, b->body_h, NULL, NULL,
					 NULL);
				b->body_h += H;
				b->h += H;
				avail -= H;
				break;
			}
			if (act == CUT) {       /* c <= avail < H */
				c = grp_row_cut(&G, avail);
				grp_emit(&G, t, c, b->body_h, NULL, NULL, NULL);
				b->body_h += c;
				b->h += c;
			}
			close_band(t);
			new_band(t, ++page, true);
			avail = fresh;
		}
	}
	grp_free(&G);
	b = &t->band[t->n_band - 1];
	if (t->note_h > 0) {
		if (t->note_h > avail + EPS && t->n_piece > b->p0) {
			close_band(t);
			b = new_band(t, ++page, false);
		}
		b->note = true;
		b->h += t->note_h;
	}
	close_band(t);
	return 0;
}

/* ---- drawing ---- */

static void
draw_pieces(const tbl *t, pdf *p, const lb_measure *m, const tbl_piece *pc,
	    size_t n, double x, double top)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const tbl_cell *c = &t->cell[pc[i].cell];
		double y = top - pc[i].y;

		pdf_rect(p, x + c->x, y - pc[i].h, c->w, pc[i].h,
			 c->shade ? 0.85 : -1, 0);
	}
	for (i = 0; i < n; i++) {
		const tbl_cell *c = &t->cell[pc[i].cell];
		double y = top - pc[i].y;

		if (pc[i].l1 > pc[i].l0)
			lay_draw_lines(p, m, &c->para, pc[i].l0, pc[i].l1,
				       x + c->x + t->padx, y - pc[i].text_y,
				       t->size, t->lh);
	}
	/* grid last, over the shading */
	for (i = 0; i < n; i++) {
		const tbl_cell *c = &t->cell[pc[i].cell];
		double y = top - pc[i].y;

		pdf_rect(p, x + c->x, y - pc[i].h, c->w, pc[i].h, -1, 0.5);
	}
}

void
tbl_draw_band(const tbl *t, pdf *p, const lb_measure *m, size_t bi, double x,
	      double top)
{
	const tbl_band *b = &t->band[bi];
	double y = top;

	if (b->caption && t->caption.n_line > 0) {
		lay_draw_lines(p, m, &t->caption, 0, t->caption.n_line, x, y,
			       t->cap_size, t->cap_lh);
		y -= t->cap_h;
	}
	if (b->head) {
		draw_pieces(t, p, m, t->head_piece, t->n_head_piece, x, y);
		y -= t->head_h;
	}
	draw_pieces(t, p, m, t->piece + b->p0, b->np, x, y);
	y -= b->body_h;
	if (b->note && t->note.n_line > 0)
		lay_draw_lines(p, m, &t->note, 0, t->note.n_line, x,
			       y - 0.35 * t->size, t->size, t->lh);
}
