/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* layout.c - the flow of a doc's blocks onto pages, written as PDF.
 *
 * Owns: the page flow and pagination driver: pages and their numbers,
 * where each block starts, keeping blocks with what follows, splitting
 * paragraphs, tables and charts across pages, and the one pass over the
 * doc.  Blocks are prepared in layout_prep.c (formula, signature and TOC
 * in layout_blocks.c), headings recorded in layout_outline.c, the file
 * written through layout_file.c.
 *
 * One pass: each block is prepared (broken into lines, measured) once,
 * just before it is placed, drawn, and freed.  The table of contents
 * takes its room when placed (its length does not depend on the page
 * numbers: the number column has a fixed width) and is drawn at the end,
 * on its pages, when every heading's page is known.  A section centred
 * on its page (the cover) is measured first, then drawn.
 *
 * Placement rules: space between blocks is the larger of the previous
 * block's space after and this block's space before, and none at the top
 * of a page; headings and keep_with_next blocks go to the next page when
 * what follows would not start on this one; paragraphs leave no single
 * line alone at a page's bottom or top; tables repeat their header rows.
 */
#include "config.h"
#include "core/i18n.h"
#include "report/layout.h"
#include "report/layout_flow.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define EPS LAY_EPS
#define A4_W 595.276
#define A4_H 841.89
#define MAX_PAGE 14400.0          /* libharu's limit, points */

/* ---- pages ---- */

static void
draw_page_number(lay *L)
{
	char buf[16];
	double w, base, size = L->size;

	lay_page_label(L, buf, sizeof buf);
	if (buf[0] == '\0')
		return;
	w = pdf_width(L->p, 0, size, buf, strlen(buf));
	base = L->bottom / 2 - (L->m.ascent - L->m.descent) * size / 2;
	if (base < size * 0.5)
		base = size * 0.5;
	pdf_text(L->p, 0, size, (L->pw - w) / 2, base, buf, strlen(buf));
}

static void
new_page(lay *L, bool soft)
{
	L->pages++;
	if (L->num != DOC_NUM_NONE) {
		if (L->num != L->last_num)
			L->num_val = 0;
		L->num_val++;
		L->last_num = L->num;
	}
	if (L->mode == LAY_REPLAY) {
		lay_late *lt = L->late;

		if (lt->at >= lt->n_page)
			lk_fatal("layout: a section drawn again needs more "
				 "pages than it took (a bug)");
		pdf_page_select(L->p, lt->page[lt->at++]);
		draw_page_number(L);
	} else if (L->mode != LAY_MEASURE) {
		pdf_page(L->p, L->pw, L->ph);
		pdf_page_label(L->p, L->num, L->num_val);
		if (L->mode == LAY_RESERVE)
			lay_reserve_page(L);
		else
			draw_page_number(L);
	}
	L->y = L->top;
	L->empty = true;
	L->soft = soft;
}

static double
room(const lay *L)
{
	return L->y - L->bottom;
}

/* Space before block P here (none at the top of a page). */
static double
space_before(const lay *L, const prep *P)
{
	return L->empty ? 0 : lay_maxd(L->gap, P->sb);
}

/* Moves to a new page unless `need` fits after the space; then takes
 * the space. */
static void
start_block(lay *L, const prep *P, double need)
{
	double sp = space_before(L, P);

	if (!L->empty && L->y - sp - need < L->bottom - EPS) {
		new_page(L, true);
		sp = 0;
	}
	L->y -= sp;
}


/* ---- placing blocks ---- */

static void
place_lines(lay *L, prep *P)
{
	size_t n = P->para.n_line, i = 0, k, rem, fit;
	const doc_block *b = P->b;

	if (n == 0 && b->type != DOC_ITEM)
		return;                 /* empty paragraph: nothing at all */
	if (n == 0)
		n = 1;                  /* a label alone */
	start_block(L, P, lay_start_need(L, P));
	while (i < n) {
		double r = room(L) + EPS;

		fit = r > 0 ? (size_t)(r / P->lh) : 0;
		rem = n - i;
		k = fit < rem ? fit : rem;
		if (k < rem) {
			if (P->whole && !L->empty)
				k = 0;
			if (rem - k < 2)
				k = rem >= 2 ? rem - 2 : 0;   /* no widow */
			if (k < 2)
				k = 0;                        /* no orphan */
			if (k == 0 && L->empty)               /* cannot help it */
				k = fit == 0 ? 1 : fit < rem ? fit : rem;
		}
		if (k == 0) {
			new_page(L, true);
			continue;
		}
		if (i == 0 && b->type == DOC_HEADING)
			lay_heading_placed(L, b);
		if (L->render) {
			if (i == 0 && b->type == DOC_ITEM)
				lay_draw_lines(L->p, &L->m, &P->label, 0, 1,
					       L->left + P->label_x, L->y,
					       P->size, P->lh);
			lay_draw_lines(L->p, &L->m, &P->para, i, i + k,
				       L->left + P->x, L->y, P->size, P->lh);
		}
		L->y -= (double)k * P->lh;
		L->empty = false;
		i += k;
		if (i < n)
			new_page(L, true);
	}
}

static void
place_table(lay *L, prep *P, int *rc)
{
	tbl *t = P->t;
	double sp = space_before(L, P);
	unsigned page = 0;
	size_t bi;

	if (t == NULL)
		return;
	*rc = tbl_plan(t, room(L) - sp, lay_body_h(L), L->empty, L->e);
	if (*rc != 0)
		return;
	for (bi = 0; bi < t->n_band; bi++) {
		const tbl_band *b = &t->band[bi];

		while (page < b->page) {
			new_page(L, true);
			page++;
		}
		if (bi == 0 && page == 0)
			L->y -= sp;
		if (L->render)
			tbl_draw_band(t, L->p, &L->m, bi, L->left + P->x, L->y);
		L->y -= b->h;
		L->empty = false;
	}
}

static void
place_chart(lay *L, prep *P)
{
	chart_prep *c = P->c;
	size_t b0 = 0, k;
	bool title = true;

	if (c == NULL)
		return;
	start_block(L, P, lay_start_need(L, P));
	for (;;) {
		k = chart_fit(c, b0, title, room(L), L->empty);
		if (k == 0 && b0 < c->n_bar) {
			new_page(L, true);
			continue;
		}
		if (L->render)
			chart_draw(c, L->p, &L->m, L->left, L->y, b0, b0 + k, title);
		L->y -= chart_height(c, b0, b0 + k, title);
		L->empty = false;
		b0 += k;
		title = false;
		if (b0 >= c->n_bar)
			break;
		new_page(L, true);
	}
}

static void
place_toc(lay *L, prep *P)
{
	const toc_prep *t = P->toc;
	size_t i;

	if (L->n_head == 0)
		return;
	start_block(L, P, lay_start_need(L, P));
	for (i = 0; i < L->n_head; i++) {
		double h = lay_toc_entry_h(L, P, i), lines;

		if (h == 0)
			continue;
		if (h > room(L) + EPS && !L->empty)
			new_page(L, true);
		lines = (double)t->para[i].n_line * t->lh;
		if (L->empty)
			h = lines;      /* no extra space at the top */
		if (L->render && t->para[i].n_line > 0)
			lay_draw_toc_entry(L, P, i, L->y - (h - lines));
		L->y -= h;
		L->empty = false;
	}
}


static int
place_whole(lay *L, prep *P)
{
	const doc_block *b = P->b;

	if (P->h > lay_body_h(L) + EPS && b->type != DOC_SPACE)
		return lk_fail(L->e, EX_DATAERR, _("a %s block (%.0f pt) is taller "
			       "than the page's text area (%.0f pt)"),
			       b->type == DOC_FORMULA ? "formula" :
			       b->type == DOC_SIGNATURE ? "signature" :
			       b->type == DOC_TREND ? "chart" : "image",
			       P->h, lay_body_h(L));
	if (b->type == DOC_SPACE) {
		/* a space at the top of a page that overflowed is dropped;
		 * a space that does not fit ends the page (or is dropped on
		 * an empty one) */
		if (L->empty && L->soft)
			return 0;
		if (P->h > room(L) - space_before(L, P) + EPS) {
			if (!L->empty)
				new_page(L, true);
			return 0;
		}
		L->y -= space_before(L, P) + P->h;
		L->gap = 0;
		L->empty = false;
		return 0;
	}
	start_block(L, P, P->h);
	if (L->render) {
		if (b->type == DOC_FORMULA)
			lay_draw_formula(L, P);
		else if (b->type == DOC_SIGNATURE)
			lay_draw_signature(L, P);
		else if (b->type == DOC_TREND && P->tr != NULL) {
			for (int k = 0; k < 2; k++) {
				if (P->tr[k].src != NULL)
					trend_draw(&P->tr[k], L->p, &L->m,
						   L->left + P->tr_x[k], L->y);
			}
		}
		else if (b->type == DOC_IMAGE && P->img != NULL)
			pdf_image_draw(L->p, P->img,
				       L->left + (L->right - L->left - P->iw) / 2,
				       L->y - P->ih, P->iw, P->ih);
	}
	L->y -= P->h;
	L->empty = false;
	return 0;
}

static int
place(lay *L, prep *P)
{
	int rc = 0;
	bool was_empty = L->empty;
	double y0 = L->y;
	unsigned pages = L->pages;

	switch (P->b->type) {
	case DOC_HEADING:
	case DOC_PARA:
	case DOC_ITEM:
		place_lines(L, P);
		break;
	case DOC_TABLE:
		place_table(L, P, &rc);
		break;
	case DOC_CHART:
		place_chart(L, P);
		break;
	case DOC_TOC:
		place_toc(L, P);
		break;
	case DOC_PAGEBREAK:
		if (!L->empty)
			new_page(L, false);
		L->gap = 0;
		return 0;
	case DOC_FORMULA:
	case DOC_SIGNATURE:
	case DOC_TREND:
	case DOC_IMAGE:
	case DOC_SPACE:
		rc = place_whole(L, P);
		if (P->b->type == DOC_SPACE)
			return rc;
		break;
	}
	/* a block that placed nothing leaves the spacing as it was */
	if (L->pages != pages || L->y != y0 || L->empty != was_empty)
		L->gap = P->sa;
	return rc;
}

/* ---- sections and passes ---- */

static void
section_page(lay *L, const doc_section *s)
{
	const doc_page *pg = &L->d->page;
	double w = pg->width > 0 ? pg->width : A4_W;
	double h = pg->height > 0 ? pg->height : A4_H;

	L->landscape = s->landscape;
	L->pw = s->landscape ? h : w;
	L->ph = s->landscape ? w : h;
	L->left = lay_maxd(pg->margin_left, 0);
	L->right = L->pw - lay_maxd(pg->margin_right, 0);
	L->top = L->ph - lay_maxd(pg->margin_top, 0);
	L->bottom = lay_maxd(pg->margin_bottom, 0);
}

int
lay_run_section(lay *L, size_t si)
{
	const doc_section *s = &L->d->section[si];
	bool fresh = L->pages == 0 || s->new_page || s->restart_numbering ||
		     s->landscape != L->landscape || s->vertical_center ||
		     (si > 0 && L->d->section[si - 1].vertical_center);
	unsigned first_page;
	size_t i;
	int rc = 0;

	if (s->n_block == 0)
		return 0;               /* an empty section prints nothing */
	if (L->mode != LAY_MEASURE && s->vertical_center) {
		/* centred on its page: measured first, from the same state */
		lay saved = *L;

		lay_set_mode(L, LAY_MEASURE);
		rc = lay_run_section(L, si);
		*L = saved;
		if (rc != 0)
			return rc;
	}
	L->num = s->numbering;
	if (s->restart_numbering)
		L->last_num = DOC_NUM_NONE;   /* new_page() starts again at 1 */
	if (fresh) {
		section_page(L, s);
		new_page(L, false);
		L->gap = 0;
	}
	first_page = L->pages;
	if (s->vertical_center && L->sec_one[si])
		L->y = L->top - (lay_body_h(L) - L->sec_h[si]) / 2;

	L->cache = lay_calloc(s->n_block, sizeof *L->cache);
	for (i = 0; i < s->n_block && rc == 0; i++) {
		prep *P = lay_cached(L, s, i);

		if (lay_keeps(P) && i + 1 < s->n_block && !L->empty) {
			double need = lay_chain_need(L, s, i, 0);

			if (need <= lay_body_h(L) + EPS &&
			    need > room(L) - space_before(L, P) + EPS)
				new_page(L, true);
		}
		rc = place(L, P);
		lay_prep_free(P);
		L->cache[i] = NULL;
	}
	for (i = 0; i < s->n_block; i++)
		lay_prep_free(L->cache[i]);
	free(L->cache);
	L->cache = NULL;
	if (L->mode == LAY_MEASURE && s->vertical_center) {
		L->sec_one[si] = L->pages == first_page;
		L->sec_h[si] = L->top - L->y;
	}
	return rc;
}

/* Lays the doc out and draws it, in one pass (but for the sections with a
 * table of contents, drawn at the end). */
static int
lay_pass(lay *L)
{
	size_t si, i;
	int rc = 0;

	lay_set_mode(L, LAY_DRAW);
	L->pages = 0;
	L->num = L->last_num = DOC_NUM_NONE;
	L->num_val = 0;
	L->hi = 0;
	L->landscape = false;
	L->gap = 0;
	memset(L->outline, 0, sizeof L->outline);
	for (i = 0; i < L->n_head; i++)
		L->head[i].label[0] = '\0';
	for (si = 0; si < L->d->n_section && rc == 0; si++)
		rc = lay_section(L, si);
	if (rc == 0 && L->pages == 0) {   /* an empty doc still has a page */
		L->num = DOC_NUM_NONE;
		if (L->d->n_section > 0)
			section_page(L, &L->d->section[0]);
		else {
			doc_section none;

			memset(&none, 0, sizeof none);
			section_page(L, &none);
		}
		new_page(L, false);
	}
	if (rc == 0)
		rc = lay_draw_late(L);
	return rc;
}

/* ---- checks before any work ---- */

static int
check_doc(lay *L)
{
	const doc_page *pg = &L->d->page;
	double w = pg->width > 0 ? pg->width : A4_W;
	double h = pg->height > 0 ? pg->height : A4_H;
	double bw, bh;

	if (!isfinite(w) || !isfinite(h) || w > MAX_PAGE || h > MAX_PAGE)
		return lk_fail(L->e, EX_DATAERR, _("page size %gx%g pt is not "
			       "possible (at most %g pt)"), w, h, MAX_PAGE);
	L->size = pg->font_size > 0 && isfinite(pg->font_size) ?
		  pg->font_size : 12;
	L->spacing = pg->line_spacing > 0 && isfinite(pg->line_spacing) ?
		     pg->line_spacing : 1.5;
	L->head_size = pg->heading_size > 0 && isfinite(pg->heading_size) ?
		       pg->heading_size : L->size + 2;
	/* both orientations must leave room for a few lines */
	bw = (w < h ? w : h) - lay_maxd(pg->margin_left, 0) - lay_maxd(pg->margin_right, 0);
	bh = (w < h ? w : h) - lay_maxd(pg->margin_top, 0) - lay_maxd(pg->margin_bottom, 0);
	if (!isfinite(bw) || !isfinite(bh) || bw < 4 * L->size ||
	    bh < 8 * L->size * L->spacing)
		return lk_fail(L->e, EX_DATAERR, _("the page margins leave too "
			       "little room for text (%.0f x %.0f pt)"), bw, bh);
	return 0;
}

/* ---- the public function ---- */

int
layout_write_pdf(const doc *d, const char *path, layout_result *res,
		 lk_err *e)
{
	lay L;
	lay_late late;
	hyph *hy = NULL;
	char *tmp = NULL;
	unsigned long bytes = 0;
	size_t i;
	int rc;

	memset(&L, 0, sizeof L);
	memset(&late, 0, sizeof late);
	L.late = &late;
	L.d = d;
	L.e = e;
	if (res != NULL)
		res->pages = 0, res->bytes = 0;
	if ((rc = check_doc(&L)) != 0)
		return rc;
	if ((rc = pdf_new(&L.p, &d->page.font, e)) != 0)
		return rc;
	if ((rc = hyph_open(&hy, NULL, e)) != 0) {
		pdf_free(L.p);
		return rc;
	}
	L.hy = hy;
	L.m.width = pdf_width;
	L.m.ctx = L.p;
	pdf_metrics(L.p, &L.m.ascent, &L.m.descent);
	L.sec_h = lay_calloc(d->n_section, sizeof *L.sec_h);
	L.sec_one = lay_calloc(d->n_section, sizeof *L.sec_one);
	lay_collect_headings(&L);
	if ((rc = lay_load_images(&L)) != 0)
		goto out;
	if ((rc = lay_make_temp(path, &tmp, e)) != 0)
		goto out;
	if ((rc = lay_pass(&L)) != 0)
		goto out;
	if (L.n_head > 0)
		pdf_show_outline(L.p);
	pdf_info(L.p, &d->info, lay_created_time(d));
	if ((rc = pdf_save(L.p, tmp, e)) != 0)
		goto out;
	if ((rc = lay_finish_file(tmp, path, &bytes, e)) != 0)
		goto out;
	if (res != NULL) {
		res->pages = L.pages;
		res->bytes = bytes;
	}
out:
	if (tmp != NULL) {
		if (rc != 0)
			unlink(tmp);
		free(tmp);
	}
	lay_free_late(&late);
	for (i = 0; i < L.n_head; i++)
		free(L.head[i].text);
	free(L.head);
	free(L.img);
	free(L.sec_h);
	free(L.sec_one);
	pdf_free(L.p);
	hyph_close(hy);
	return rc;
}
