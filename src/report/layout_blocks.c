/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* layout_blocks.c - drawing text lines, formulas, signatures and the TOC.
 *
 * Owns: drawing broken text lines (runs at their natural distance as one
 * string, justified gaps as separate strings, underlines), and for the
 * formula, signature and table-of-contents blocks both their preparation
 * (line breaking, sizes) and their drawing (fraction rule, room for the
 * signature image, dot leaders lined up on a grid).
 */
#include "config.h"
#include "report/layout_flow.h"

#include <math.h>
#include <string.h>

/* ---- drawing text lines ---- */

void
lay_draw_lines(pdf *p, const lb_measure *m, const lb_para *para, size_t l0,
	       size_t l1, double x, double top, double size, double lh)
{
	double half = (lh - (m->ascent + m->descent) * size) / 2;
	double spw[4] = { -1, -1, -1, -1 };
	char buf[1024];
	size_t i, j;

	for (i = l0; i < l1 && i < para->n_line; i++) {
		const lb_line *ln = &para->line[i];
		const lb_item *it = para->item + ln->item;
		double base = top - (double)(i - l0) * lh - half - m->ascent * size;
		double bx = 0, ws = 0, cs = ln->cs;
		size_t len = 0, nsp = 0;
		unsigned bst = 0;

		/* items of one style whose word spaces are all stretched
		 * alike (not at all, or by a justified line's extra) go out
		 * as one string with that word spacing, and so do pieces
		 * glued to the one before (a hyphenated word, its hyphen) */
		for (j = 0; j < ln->n_item; j++) {
			unsigned st = it[j].style & 3;
			bool join = false;

			/* where the item before ends, letter spacing too */
			double end = j > 0 ? it[j - 1].x + it[j - 1].w + cs *
				(double)lb_chars(it[j - 1].s, it[j - 1].n) : 0;

			if (len > 0 && st == bst && !it[j].space &&
			    it[j].gap == 0 && len + it[j].n < sizeof buf &&
			    fabs(it[j].x - end) < 1e-3) {
				memcpy(buf + len, it[j].s, it[j].n);
				len += it[j].n;
				continue;
			}

			if (len > 0 && st == bst && it[j].space &&
			    len + 1 + it[j].n < sizeof buf) {
				double extra;

				if (spw[st] < 0)
					spw[st] = m->width(m->ctx, st, size, " ", 1);
				extra = it[j].x - end - spw[st] - cs;
				if (nsp == 0)
					ws = fabs(extra) < 1e-6 ? 0 : extra;
				join = fabs(extra - ws) < 1e-3;
			}
			if (join) {
				buf[len++] = ' ';
				nsp++;
			} else {
				if (len > 0)
					pdf_text_tracked(p, bst, size, x + bx, base,
							 buf, len, ws, cs);
				len = nsp = 0;
				ws = 0;
				bx = it[j].x;
				bst = st;
			}
			if (it[j].n >= sizeof buf) {
				pdf_text_tracked(p, st, size, x + it[j].x, base,
						 it[j].s, it[j].n, 0, cs);
				len = 0;
				continue;
			}
			memcpy(buf + len, it[j].s, it[j].n);
			len += it[j].n;
		}
		if (len > 0)
			pdf_text_tracked(p, bst, size, x + bx, base, buf, len, ws,
					 cs);
		for (j = 0; j < ln->n_item; j++) {
			double x0, x1 = it[j].x + it[j].w;

			if (!(it[j].style & DOC_UNDERLINE))
				continue;
			x0 = it[j].ul_gap && j > 0 ? it[j - 1].x + it[j - 1].w :
				it[j].x;
			pdf_line(p, x + x0, base - 0.11 * size, x + x1,
				 base - 0.11 * size, 0.05 * size, 0, false);
		}
	}
}

void
lay_prep_formula(lay *L, prep *P)
{
	const doc_formula *src = P->b->formula;
	formula_prep *f = lay_calloc(1, sizeof *f);
	double W = L->right - L->left, s = P->size, axis, half, top, bot;
	double lhs_h, num_h, den_h, fac_h;
	lb_opts o;

	P->f = f;
	memset(&o, 0, sizeof o);
	o.size = s;
	o.align = DOC_CENTER;
	f->lh = s * 1.25;
	f->gap = s * 0.3;
	o.width = f->lhs_box = W * 0.35;
	lb_break(&f->lhs, &L->m, &src->lhs, &o);
	o.width = f->frac_box = W * 0.4;
	lb_break(&f->num, &L->m, &src->numerator, &o);
	lb_break(&f->den, &L->m, &src->denominator, &o);
	o.width = W * 0.2;
	o.align = DOC_LEFT;
	lb_break(&f->fac, &L->m, &src->factor, &o);
	f->lhs_w = lb_max_width(&f->lhs);
	f->eq_w = pdf_width(L->p, 0, s, "=", 1);
	f->frac_w = lay_maxd(lb_max_width(&f->num), lb_max_width(&f->den)) + s * 0.6;
	f->fac_w = lb_max_width(&f->fac);
	lhs_h = (double)f->lhs.n_line * f->lh;
	num_h = (double)f->num.n_line * f->lh;
	den_h = (double)f->den.n_line * f->lh;
	fac_h = (double)f->fac.n_line * f->lh;

	/* distances down from the block's top; the rule sits on the math
	 * axis of the side texts, which are centred on it */
	half = (f->lh - (L->m.ascent + L->m.descent) * s) / 2;
	axis = half + L->m.ascent * s - 0.26 * s;   /* line top to axis */
	f->rule = lay_maxd(num_h + f->gap,
		       lay_maxd(axis + (lhs_h - f->lh) / 2, axis + (fac_h - f->lh) / 2));
	f->num_top = f->rule - f->gap - num_h;
	f->den_top = f->rule + f->gap;
	f->lhs_top = f->rule - axis - (lhs_h - f->lh) / 2;
	f->fac_top = f->rule - axis - (fac_h - f->lh) / 2;
	f->eq_base = f->rule + 0.26 * s;
	top = 0;
	bot = lay_maxd(f->den_top + den_h, lay_maxd(f->lhs_top + lhs_h, f->fac_top + fac_h));
	P->h = bot - top;
}

void
lay_prep_signature(lay *L, prep *P)
{
	const doc_signature *src = P->b->signature;
	sig_prep *g = lay_calloc(1, sizeof *g);
	double W = (L->right - L->left) / 2, s = P->size;
	const char *txt[5];
	unsigned st[5] = { 0, 0, DOC_BOLD | DOC_UNDERLINE, 0, 0 };
	lb_opts o;
	int i;

	P->s = g;
	txt[0] = src->place_date;
	txt[1] = src->jabatan;
	txt[2] = src->nama;
	txt[3] = src->pangkat;
	txt[4] = src->nip;
	memset(&o, 0, sizeof o);
	o.size = s;
	o.width = W;
	o.align = DOC_CENTER;
	g->lh = s * 1.3;
	g->room = s * 5;
	P->h = g->room;
	g->kiri = src->kiri != NULL;
	for (i = 0; i < 5; i++) {
		lb_break_str(&g->line[i], &L->m, txt[i], st[i], &o);
		g->n[i] = g->line[i].n_line;
	}
	if (g->kiri) {
		const doc_signature *k = src->kiri;
		const char *kt[5] = { k->place_date, k->jabatan, k->nama,
			k->pangkat, k->nip };

		o.width = W * 0.96;
		for (i = 0; i < 5; i++) {
			lb_break_str(&g->kiri_line[i], &L->m, kt[i], st[i], &o);
			if (g->kiri_line[i].n_line > g->n[i])
				g->n[i] = g->kiri_line[i].n_line;
		}
	}
	for (i = 0; i < 5; i++)
		P->h += (double)g->n[i] * g->lh;
	if (src->image != NULL) {
		img_ent *im = lay_find_img(L, src->image);

		if (im != NULL && im->w > 0 && im->h > 0) {
			double sc = (g->room - s * 0.4) / im->h;

			if (im->w * sc > W * 0.8)
				sc = W * 0.8 / im->w;
			g->img = im->img;
			g->img_w = im->w * sc;
			g->img_h = im->h * sc;
		}
	}
	P->x = W;
	P->w = W;
}

void
lay_prep_toc(lay *L, prep *P)
{
	toc_prep *t = lay_calloc(1, sizeof *t);
	double W = L->right - L->left, s = P->size;
	size_t i;
	lb_opts o;

	P->toc = t;
	t->para = lay_calloc(L->n_head, sizeof *t->para);
	t->indent = lay_calloc(L->n_head, sizeof *t->indent);
	t->style = lay_calloc(L->n_head, sizeof *t->style);
	t->n = L->n_head;
	/* room for "xxviii" or "1000", whatever the numbers turn out to be */
	t->num_w = lay_maxd(pdf_width(L->p, 0, s, "xxviii", 6),
			pdf_width(L->p, 0, s, "0000", 4));
	t->lh = P->lh;
	memset(&o, 0, sizeof o);
	o.size = s;
	o.align = DOC_LEFT;
	for (i = 0; i < L->n_head; i++) {
		const head_ent *h = &L->head[i];

		t->indent[i] = (h->level - 1) * 1.5 * s;
		t->style[i] = h->level == 1 ? DOC_BOLD : 0;
		o.width = W - t->indent[i] - t->num_w - 2 * s;
		lb_break_str(&t->para[i], &L->m, h->text, t->style[i], &o);
	}
}

double
lay_toc_entry_h(const lay *L, const prep *P, size_t i)
{
	const toc_prep *t = P->toc;
	double h = (double)t->para[i].n_line * t->lh;

	if (h == 0)
		return 0;               /* an empty heading: no entry */
	if (i > 0 && L->head[i].level == 1)
		h += 0.3 * P->size;
	return h;
}

void
lay_draw_toc_entry(lay *L, const prep *P, size_t i, double top)
{
	const toc_prep *t = P->toc;
	const lb_para *pa = &t->para[i];
	const lb_line *last = &pa->line[pa->n_line - 1];
	const char *num = L->head[i].label;      /* final: drawn last */
	double s = P->size, step = pdf_width(L->p, 0, s, ". ", 2);
	double half = (t->lh - (L->m.ascent + L->m.descent) * s) / 2;
	double base = top - (double)(pa->n_line - 1) * t->lh - half -
		      L->m.ascent * s;
	double nw = pdf_width(L->p, t->style[i], s, num, strlen(num));
	double x0 = L->left + t->indent[i] + last->width + 0.4 * s;
	double x1 = L->right - nw - 0.4 * s;
	char dots[512];
	size_t nd, k;

	lay_draw_lines(L->p, &L->m, pa, 0, pa->n_line, L->left + t->indent[i],
		       top, s, t->lh);
	/* leaders on a grid from the left margin, so that they line up */
	if (step <= 0)
		return;
	x0 = L->left + ceil((x0 - L->left) / step) * step;
	nd = x1 > x0 ? (size_t)((x1 - x0 + 0.5 * step) / step) : 0;
	if (nd > sizeof dots / 2)
		nd = sizeof dots / 2;
	for (k = 0; k < nd; k++) {
		dots[2 * k] = '.';
		dots[2 * k + 1] = ' ';
	}
	if (nd > 0)
		pdf_text(L->p, 0, s, x0, base, dots, 2 * nd - 1);
	pdf_text(L->p, t->style[i], s, L->right - nw, base, num, strlen(num));
}

void
lay_draw_formula(lay *L, const prep *P)
{
	const formula_prep *f = P->f;
	double s = P->size, W = L->right - L->left - P->x, sep = 0.5 * s;
	double total = f->lhs_w + sep + f->eq_w + sep + f->frac_w +
		       (f->fac.n_line ? sep + f->fac_w : 0);
	double x = L->left + P->x + (W - total) / 2, top = L->y, fx, fw;

	if (x < L->left + P->x)
		x = L->left + P->x;
	/* boxes were broken centred in lhs_box / frac_box */
	lay_draw_lines(L->p, &L->m, &f->lhs, 0, f->lhs.n_line,
		       x + f->lhs_w / 2 - f->lhs_box / 2, top - f->lhs_top, s,
		       f->lh);
	x += f->lhs_w + sep;
	if (f->lhs.n_line > 0)
		pdf_text(L->p, 0, s, x, top - f->eq_base, "=", 1);
	x += f->eq_w + sep;
	fx = x;
	fw = f->frac_w;
	lay_draw_lines(L->p, &L->m, &f->num, 0, f->num.n_line,
		       fx + fw / 2 - f->frac_box / 2, top - f->num_top, s, f->lh);
	if (f->num.n_line > 0 || f->den.n_line > 0)
		pdf_line(L->p, fx, top - f->rule, fx + fw, top - f->rule, 0.6, 0,
			 false);
	lay_draw_lines(L->p, &L->m, &f->den, 0, f->den.n_line,
		       fx + fw / 2 - f->frac_box / 2, top - f->den_top, s, f->lh);
	x += fw + sep;
	lay_draw_lines(L->p, &L->m, &f->fac, 0, f->fac.n_line, x,
		       top - f->fac_top, s, f->lh);
}

void
lay_draw_signature(lay *L, const prep *P)
{
	const sig_prep *g = P->s;
	const char *qr = P->b->signature->qr_text;
	double x = L->left + P->x, y = L->y;
	/* With a second signer in the left half (an agreement), the QR code
	 * goes into this signer's room for the signature, before the image. */
	double qside = g->room - P->size * 0.4, gap = P->size * 0.4;
	double iw = g->img_w, ih = g->img_h, qx, ix;
	bool both = g->kiri && qr != NULL && g->img != NULL;
	int i;

	if (both && iw > P->w - qside - gap) {   /* side by side in the block */
		ih *= (P->w - qside - gap) / iw;
		iw = P->w - qside - gap;
	}
	qx = x + (P->w - qside - (both ? gap + iw : 0)) / 2;
	ix = both ? qx + qside + gap : x + (P->w - iw) / 2;
	for (i = 0; i < 5; i++) {
		if (i == 2) {   /* room for the signature */
			if (g->img != NULL)
				pdf_image_draw(L->p, g->img, ix,
					       y - g->room / 2 - ih / 2, iw, ih);
			if (g->kiri && qr != NULL)
				(void)pdf_qr(L->p, qr, qx, y - P->size * 0.2, qside,
					     NULL);
			y -= g->room;
		}
		lay_draw_lines(L->p, &L->m, &g->line[i], 0, g->line[i].n_line, x,
			       y, P->size, g->lh);
		if (g->kiri)
			lay_draw_lines(L->p, &L->m, &g->kiri_line[i], 0,
				       g->kiri_line[i].n_line, L->left, y,
				       P->size, g->lh);
		y -= (double)g->n[i] * g->lh;
	}
	/* The verification QR code of a signed report: in the left half,
	 * level with the block, as tall as the block allows (at most 3 cm). */
	if (qr != NULL && !g->kiri) {
		double side = P->h < 85 ? P->h : 85;

		/* A too long text draws nothing: finalise keeps it short. */
		(void)pdf_qr(L->p, P->b->signature->qr_text, L->left, L->y, side,
			     NULL);
	}
}

/* Blocks kept whole: formula, signature, image, space. */
