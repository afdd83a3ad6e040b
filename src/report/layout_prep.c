/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* layout_prep.c - blocks prepared for the flow: broken into lines, measured.
 *
 * Owns: the default sizes and spaces of every block type, breaking
 * headings, paragraphs and list items (hanging labels) into lines,
 * dispatching the other types to table.c, chart.c and layout_blocks.c,
 * freeing a prepared block, loading the doc's images once each, and how
 * much room a block needs to start on a page, whole, or with the blocks
 * it keeps with.
 */
#include "config.h"
#include "report/layout_flow.h"

#include <math.h>
#include <string.h>

/* ---- preparing blocks ---- */

img_ent *
lay_find_img(lay *L, const char *path)
{
	size_t i;

	for (i = 0; path != NULL && i < L->n_img; i++)
		if (strcmp(L->img[i].path, path) == 0)
			return &L->img[i];
	return NULL;
}

static void
defaults(const lay *L, prep *P)
{
	const doc_block *b = P->b;
	double s = L->size;

	/* space before and after, in body sizes */
	static const struct { double sb, sa; } space[] = {
		[DOC_PARA] = { 0, 0.5 },        [DOC_ITEM] = { 0, 0.25 },
		[DOC_TABLE] = { 0.5, 1 },       [DOC_FORMULA] = { 0.75, 0.75 },
		[DOC_SIGNATURE] = { 1.5, 0 },   [DOC_CHART] = { 0.75, 1 },
		[DOC_TREND] = { 0.75, 1 },
		[DOC_TOC] = { 0, 1 },           [DOC_IMAGE] = { 0.5, 0.5 },
	};

	P->size = s;
	P->lh = s * L->spacing;
	if ((size_t)b->type < sizeof space / sizeof space[0]) {
		P->sb = space[b->type].sb * s;
		P->sa = space[b->type].sa * s;
	}
	if (b->type == DOC_HEADING) {
		P->size = b->level <= 1 ? L->head_size :
			b->level == 2 ? (L->head_size + s) / 2 : s;
		P->lh = P->size * 1.3;
		P->sb = b->level <= 1 ? 1.5 * s : b->level == 2 ? s : 0.75 * s;
		P->sa = b->level <= 1 ? s : 0.5 * s;
	}
	if (b->size > 0 && isfinite(b->size) && (b->type == DOC_HEADING ||
	    b->type == DOC_PARA || b->type == DOC_ITEM)) {
		double size = b->size < 4 ? 4 : b->size > 72 ? 72 : b->size;

		P->lh *= size / P->size;
		P->size = size;
	}
	if (b->space_before > 0)
		P->sb = b->space_before;
	else if (b->space_before < 0)
		P->sb = 0;
	if (b->space_after > 0)
		P->sa = b->space_after;
	else if (b->space_after < 0)
		P->sa = 0;
}

static void
prep_text(lay *L, prep *P)
{
	const doc_block *b = P->b;
	double W = L->right - L->left, indent = b->indent > 0 ? b->indent : 0;
	lb_opts o;

	if (indent > W / 2)
		indent = W / 2;
	memset(&o, 0, sizeof o);
	o.size = P->size;
	o.hyphen_breaks = true;
	o.align = b->align;
	o.hyph = L->hy;
	o.track = true;
	P->x = indent;
	if (b->type == DOC_HEADING) {
		o.style = DOC_BOLD;
		if (o.align == DOC_JUSTIFY)
			o.align = DOC_LEFT;
		P->whole = true;
	}
	if (b->type == DOC_ITEM) {
		const char *lab = b->label != NULL ? b->label : "";
		size_t ll = strlen(lab);
		double lw = pdf_width(L->p, 0, P->size, lab, ll);
		/* a bullet ("-", "•") hangs less than "1." or "10)"; the
		 * same hang for every item keeps a list's text aligned */
		double hang = ll > 0 && lb_utf8_len(lab, ll) == ll ?
			      1.25 * P->size : 2 * P->size;
		lb_opts lo = o;

		if (b->hang > 0)
			hang = b->hang;
		if (lw + 0.3 * P->size > hang)
			hang = lw + 0.3 * P->size;
		if (hang > (W - indent) / 2)
			hang = (W - indent) / 2;
		lo.align = DOC_LEFT;
		lo.width = hang;
		lb_break_str(&P->label, &L->m, lab, 0, &lo);
		P->label_x = indent;
		P->x = indent + hang;
	}
	P->w = W - P->x;
	o.width = P->w;
	lb_break(&P->para, &L->m, &b->text, &o);
	P->lines = true;
	P->h = (double)P->para.n_line * P->lh;
	if (b->type == DOC_ITEM && P->para.n_line == 0)
		P->h = P->lh;
}


prep *
lay_prepare(lay *L, const doc_block *b)
{
	prep *P = lay_calloc(1, sizeof *P);
	double W = L->right - L->left;

	P->b = b;
	lb_init(&P->para);
	lb_init(&P->label);
	defaults(L, P);
	switch (b->type) {
	case DOC_HEADING:
	case DOC_PARA:
	case DOC_ITEM:
		prep_text(L, P);
		break;
	case DOC_TABLE:
		if (b->table != NULL) {
			double ind = b->indent > 0 && b->indent < W / 2 ? b->indent : 0;

			P->t = lay_calloc(1, sizeof *P->t);
			P->x = ind;
			tbl_prepare(P->t, b->table, &L->m, W - ind, L->size);
		}
		break;
	case DOC_CHART:
		if (b->chart != NULL) {
			P->c = lay_calloc(1, sizeof *P->c);
			chart_prepare(P->c, b->chart, &L->m, W, L->size);
			P->h = chart_height(P->c, 0, P->c->n_bar, true);
		}
		break;
	case DOC_TREND:
		if (b->trend != NULL) {
			/* two charts side by side, each half the width (a
			 * lone one centred) */
			double gap = L->size * 2, w = (W - gap) / 2;

			P->tr = lay_calloc(2, sizeof *P->tr);
			trend_prepare(&P->tr[0], b->trend, &L->m, w, L->size);
			P->h = P->tr[0].height;
			P->tr_x[0] = b->trend2 != NULL ? 0 : (W - w) / 2;
			if (b->trend2 != NULL) {
				trend_prepare(&P->tr[1], b->trend2, &L->m, w,
					      L->size);
				if (P->tr[1].height > P->h)
					P->h = P->tr[1].height;
				P->tr_x[1] = w + gap;
			}
		}
		break;
	case DOC_FORMULA:
		if (b->formula != NULL)
			lay_prep_formula(L, P);
		break;
	case DOC_SIGNATURE:
		if (b->signature != NULL)
			lay_prep_signature(L, P);
		break;
	case DOC_TOC:
		lay_prep_toc(L, P);
		break;
	case DOC_IMAGE: {
		img_ent *im = lay_find_img(L, b->image);

		if (im != NULL && im->w > 0 && im->h > 0) {
			double w = b->image_width > 0 ? b->image_width : im->w;

			if (w > W)
				w = W;
			if (w * im->h / im->w > lay_body_h(L) * 0.9)
				w = lay_body_h(L) * 0.9 * im->w / im->h;
			P->img = im->img;
			P->iw = w;
			P->ih = w * im->h / im->w;
			P->h = P->ih;
		}
		break;
	}
	case DOC_SPACE:
		P->h = b->points > 0 ? b->points : 0;
		break;
	default:
		break;
	}
	return P;
}

void
lay_prep_free(prep *P)
{
	int i;

	if (P == NULL)
		return;
	lb_free(&P->para);
	lb_free(&P->label);
	if (P->t != NULL) {
		tbl_free(P->t);
		free(P->t);
	}
	if (P->c != NULL) {
		chart_free(P->c);
		free(P->c);
	}
	if (P->tr != NULL) {
		trend_free(&P->tr[0]);
		trend_free(&P->tr[1]);
		free(P->tr);
	}
	if (P->f != NULL) {
		lb_free(&P->f->lhs);
		lb_free(&P->f->num);
		lb_free(&P->f->den);
		lb_free(&P->f->fac);
		free(P->f);
	}
	if (P->s != NULL) {
		for (i = 0; i < 5; i++) {
			lb_free(&P->s->line[i]);
			lb_free(&P->s->kiri_line[i]);
		}
		free(P->s);
	}
	if (P->toc != NULL) {
		for (size_t k = 0; k < P->toc->n; k++)
			lb_free(&P->toc->para[k]);
		free(P->toc->indent);
		free(P->toc->style);
		free(P->toc->para);
		free(P->toc);
	}
	free(P);
}


static int
load_image(lay *L, const char *path)
{
	img_ent *im;
	int rc;

	if (path == NULL || lay_find_img(L, path) != NULL)
		return 0;
	if ((rc = pdf_png_check(path, L->e)) != 0)
		return rc;
	im = &L->img[L->n_img++];
	im->path = path;
	if ((rc = pdf_image_load(L->p, path, &im->img, L->e)) != 0)
		return rc;
	pdf_image_size(im->img, &im->w, &im->h);
	return 0;
}

int
lay_load_images(lay *L)
{
	const doc *d = L->d;
	size_t s, i, n = 0;
	int rc = 0;

	for (s = 0; s < d->n_section; s++)
		n += d->section[s].n_block;
	L->img = lay_calloc(n, sizeof *L->img);
	for (s = 0; s < d->n_section && rc == 0; s++)
		for (i = 0; i < d->section[s].n_block && rc == 0; i++) {
			const doc_block *b = &d->section[s].block[i];

			if (b->type == DOC_IMAGE)
				rc = load_image(L, b->image);
			else if (b->type == DOC_SIGNATURE && b->signature != NULL)
				rc = load_image(L, b->signature->image);
		}
	return rc;
}

/* ---- how much a block needs ---- */

#define KEEP_DEPTH 8              /* longest keep-with-next chain looked at */

bool
lay_keeps(const prep *P)
{
	return P->b->keep_with_next || P->b->type == DOC_HEADING;
}

/* Height that must fit for the block to start on this page. */
double
lay_start_need(const lay *L, const prep *P)
{
	size_t n = P->para.n_line;

	if (P->lines) {
		if (P->whole || n <= 3)
			return P->h;
		return 2 * P->lh;
	}
	switch (P->b->type) {
	case DOC_TABLE:
		return P->t ? tbl_start_need(P->t, lay_body_h(L)) : 0;
	case DOC_CHART:
		if (P->c == NULL)
			return 0;
		if (P->h <= lay_body_h(L))
			return P->h;
		return chart_height(P->c, 0, P->c->n_bar ? 1 : 0, true);
	case DOC_TOC:
		for (size_t i = 0; i < L->n_head; i++)
			if (lay_toc_entry_h(L, P, i) > 0)
				return lay_toc_entry_h(L, P, i);
		return 0;
	case DOC_PAGEBREAK:
		return 0;
	default:
		return P->h;
	}
}

/* Height of the block when all of it must stay with the next one. */
double
lay_whole_need(const lay *L, const prep *P)
{
	if (P->lines || P->b->type == DOC_SPACE || P->b->type == DOC_FORMULA ||
	    P->b->type == DOC_SIGNATURE || P->b->type == DOC_IMAGE ||
	    P->b->type == DOC_TREND ||
	    (P->b->type == DOC_CHART && P->h <= lay_body_h(L)))
		return P->h;
	return lay_start_need(L, P);
}

prep *
lay_cached(lay *L, const doc_section *sec, size_t i)
{
	if (L->cache[i] == NULL)
		L->cache[i] = lay_prepare(L, &sec->block[i]);
	return L->cache[i];
}

/* What must fit from block i on when it keeps with what follows. */
double
lay_chain_need(lay *L, const doc_section *sec, size_t i, int depth)
{
	prep *P = lay_cached(L, sec, i), *N;
	double h;

	if (!lay_keeps(P) || i + 1 >= sec->n_block || depth >= KEEP_DEPTH ||
	    sec->block[i + 1].type == DOC_PAGEBREAK)
		return depth == 0 ? lay_whole_need(L, P) : lay_start_need(L, P);
	N = lay_cached(L, sec, i + 1);
	h = lay_whole_need(L, P) + lay_maxd(P->sa, N->sb);
	if (lay_keeps(N))
		return h + lay_chain_need(L, sec, i + 1, depth + 1);
	return h + lay_start_need(L, N);
}
