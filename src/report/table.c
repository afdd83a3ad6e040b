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

/* ---- laying out a set of rows ---- */

typedef struct wcell {            /* a cell's remaining part */
	size_t cell;
	size_t r0, r1;            /* rows it spans, absolute */
	size_t l0, l1;            /* lines still to draw */
	bool cont;                /* continued from the previous page */
} wcell;

typedef struct work {
	wcell *wc;
	size_t n, cap;
	size_t g0, g1;            /* rows [g0, g1) */
	double *rh;               /* row heights, index r - g0 */
	size_t cap_rh;
} work;

static void
work_rows(work *w, const tbl *t, size_t g0, size_t g1)
{
	size_t r, c;

	w->n = 0;
	w->g0 = g0;
	w->g1 = g1;
	for (r = g0; r < g1; r++)
		for (c = t->row_cell[r]; c < t->row_cell[r + 1]; c++) {
			wcell *x;

			w->wc = xgrow(w->wc, sizeof *w->wc, &w->cap, w->n + 1);
			x = &w->wc[w->n++];
			x->cell = c;
			x->r0 = r;
			x->r1 = r + t->cell[c].rowspan;
			x->l0 = 0;
			x->l1 = t->cell[c].para.n_line;
			x->cont = false;
		}
}

static double
wneed(const tbl *t, const wcell *x)
{
	return 2 * t->pady + (double)(x->l1 - x->l0) * t->lh;
}

/* Row heights of the work rows; returns the total. */
static double
work_layout(work *w, const tbl *t)
{
	size_t n = w->g1 - w->g0, i, r, span, maxspan = 1;
	double total = 0;

	w->rh = xgrow(w->rh, sizeof *w->rh, &w->cap_rh, n ? n : 1);
	for (r = 0; r < n; r++)
		w->rh[r] = t->min_row;
	for (i = 0; i < w->n; i++) {
		const wcell *x = &w->wc[i];

		if (x->r1 - x->r0 == 1) {
			double need = wneed(t, x);

			if (need > w->rh[x->r0 - w->g0])
				w->rh[x->r0 - w->g0] = need;
		} else if (x->r1 - x->r0 > maxspan)
			maxspan = x->r1 - x->r0;
	}
	/* taller rowspan cells stretch the last row they span, shortest
	 * spans first */
	for (span = 2; span <= maxspan; span++)
		for (i = 0; i < w->n; i++) {
			const wcell *x = &w->wc[i];
			double sum = 0, need;

			if (x->r1 - x->r0 != span)
				continue;
			for (r = x->r0; r < x->r1; r++)
				sum += w->rh[r - w->g0];
			need = wneed(t, x);
			if (need > sum)
				w->rh[x->r1 - 1 - w->g0] += need - sum;
		}
	for (r = 0; r < n; r++)
		total += w->rh[r];
	return total;
}

static double
row_top(const work *w, size_t r)
{
	double y = 0;
	size_t i;

	for (i = w->g0; i < r; i++)
		y += w->rh[i - w->g0];
	return y;
}

static tbl_piece *
push_piece(tbl *t)
{
	t->piece = xgrow(t->piece, sizeof *t->piece, &t->cap_piece,
			 t->n_piece + 1);
	return &t->piece[t->n_piece++];
}

/* Emits the pieces of the work rows above cut c (c = INFINITY: all),
 * at offset base; returns for each wcell how many lines were drawn in
 * drawn[] (may be NULL). */
static void
work_emit(work *w, tbl *t, double c, double base, size_t *drawn,
	  tbl_piece **out, size_t *n_out, size_t *cap_out)
{
	size_t i;

	for (i = 0; i < w->n; i++) {
		const wcell *x = &w->wc[i];
		const tbl_cell *tc = &t->cell[x->cell];
		double cy = row_top(w, x->r0), ch = 0, voff = 0, vis;
		size_t n = x->l1 - x->l0, k, r;
		tbl_piece *p;

		if (drawn != NULL)
			drawn[i] = 0;
		if (cy >= c - EPS)
			continue;
		for (r = x->r0; r < x->r1; r++)
			ch += w->rh[r - w->g0];
		vis = cy + ch <= c + EPS ? ch : c - cy;
		if (tc->center_v && !x->cont && cy + ch <= c + EPS)
			voff = (ch - wneed(t, x)) / 2;
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
		} else
			p = push_piece(t);
		p->cell = x->cell;
		p->y = base + cy;
		p->h = vis;
		p->text_y = t->pady + voff;
		p->l0 = x->l0;
		p->l1 = x->l0 + k;
		if (drawn != NULL)
			drawn[i] = k;
	}
}

/* After a cut at c: keeps what is left for the next page. */
static void
work_continue(work *w, double c, const size_t *drawn)
{
	size_t i, j = 0, rc = w->g0;
	double y = 0;

	while (rc < w->g1 && y + w->rh[rc - w->g0] <= c + EPS)
		y += w->rh[rc++ - w->g0];
	for (i = 0; i < w->n; i++) {
		wcell x = w->wc[i];
		double cy = row_top(w, x.r0), ch = 0;
		size_t r;

		for (r = x.r0; r < x.r1; r++)
			ch += w->rh[r - w->g0];
		if (cy + ch <= c + EPS)
			continue;               /* done */
		if (cy < c - EPS) {             /* cut through it */
			x.l0 += drawn[i];
			x.r0 = rc;
			x.cont = true;
		}
		w->wc[j++] = x;
	}
	w->n = j;
	w->g0 = rc;
}

/* ---- preparing (cont.) ---- */

void
tbl_prepare(tbl *t, const doc_table *src, const lb_measure *m, double width,
	    double body_size)
{
	size_t cap = 0, r, c, end;
	lb_opts o;
	work w;

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

	/* header rows, laid out once */
	memset(&w, 0, sizeof w);
	if (t->n_head > 0) {
		size_t cap_hp = 0;

		work_rows(&w, t, 0, t->n_head);
		t->head_h = work_layout(&w, t);
		work_emit(&w, t, INFINITY, 0, NULL, &t->head_piece,
			  &t->n_head_piece, &cap_hp);
	}
	if (t->n_grp > 0) {
		work_rows(&w, t, t->n_head + t->grp[0], t->n_head + t->grp[1]);
		t->first_h = work_layout(&w, t);
	}
	free(w.wc);
	free(w.rh);

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

/* Largest row boundary at or above c that is not too high up. */
static double
row_cut(const work *w, double c)
{
	double y = 0, best = 0;
	size_t r;

	for (r = w->g0; r + 1 < w->g1; r++) {
		y += w->rh[r - w->g0];
		if (y > c + EPS)
			break;
		best = y;
	}
	return best >= 0.5 * c ? best : c;
}

int
tbl_plan(tbl *t, double first_avail, double page_avail, bool at_top,
	 lk_err *e)
{
	double avail, head_h;
	unsigned page = 0;
	size_t g, *drawn = NULL, cap_drawn = 0, steps = 0, max_steps;
	tbl_band *b;
	work w;

	t->n_band = t->n_piece = 0;
	head_h = t->n_head > 0 ? t->head_h : 0;
	if (t->cap_h + head_h + t->min_row > page_avail + EPS)
		return lk_fail(e, EX_DATAERR, "table: its caption and header "
			       "rows (%.0f pt) leave no room for a row on a page "
			       "(%.0f pt)", t->cap_h + head_h, page_avail);
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
	memset(&w, 0, sizeof w);
	for (g = 0; g < t->n_grp; g++) {
		bool last = g + 1 == t->n_grp;

		work_rows(&w, t, t->n_head + t->grp[g], t->n_head + t->grp[g + 1]);
		for (;;) {
			double H = work_layout(&w, t);
			double extra = last ? t->note_h : 0, fresh, c;
			bool used = t->n_piece > t->band[t->n_band - 1].p0;
			enum { WHOLE, NEXT, CUT } act;

			if (++steps > max_steps) {
				free(w.wc);
				free(w.rh);
				free(drawn);
				return lk_fail(e, EX_SOFTWARE, "table: page planning "
					       "did not finish (a bug)");
			}
			fresh = page_avail - head_h;
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
			if (act == WHOLE) {
				work_emit(&w, t, INFINITY, b->body_h, NULL, NULL,
					  NULL, NULL);
				b->body_h += H;
				b->h += H;
				avail -= H;
				break;
			}
			if (act == CUT) {
				c = row_cut(&w, avail);
				drawn = xgrow(drawn, sizeof *drawn, &cap_drawn,
					      w.n ? w.n : 1);
				work_emit(&w, t, c, b->body_h, drawn, NULL, NULL,
					  NULL);
				b->body_h += c;
				b->h += c;
				work_continue(&w, c, drawn);
			}
			close_band(t);
			new_band(t, ++page, true);
			avail = fresh;
		}
	}
	free(w.wc);
	free(w.rh);
	free(drawn);
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
