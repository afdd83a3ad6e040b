/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* chart.c - horizontal bar chart in vector graphics.
 *
 * Layout, left to right: the bar labels (wrapped), the axis at 0, the
 * bars (grey fill, black outline) scaled so that the longest bar and the
 * reference both fit, the value label after each bar.  A dashed vertical
 * line marks the reference (100 %), labelled under the axis, next to "0".
 * Bars without a value say so in italics.  Greyscale only: readable when
 * printed in black and white.  A chart taller than a page is drawn in
 * pieces of whole bars.
 */
#include "config.h"
#include "report/layout_int.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NO_DATA "belum ada data"

static void
value_text(char *buf, size_t n, int64_t v)
{
	int64_t a = v < 0 ? -v : v;

	snprintf(buf, n, "%s%" PRId64 ",%02" PRId64 "%%", v < 0 ? "-" : "",
		 a / 100, a % 100);
}

void
chart_prepare(chart_prep *c, const doc_chart *src, const lb_measure *m,
	      double width, double body_size)
{
	double maxv, vw = 0, lw = 0, w;
	size_t i;
	lb_opts o;

	memset(c, 0, sizeof *c);
	c->src = src;
	c->n_bar = src->n_bar;
	c->width = width;
	c->size = body_size - 1 > 4 ? body_size - 1 : 4;
	c->lh = c->size * 1.2;
	c->pad = c->size * 0.3;
	c->bar_h = c->size * 1.1;
	c->axis_h = c->pad + c->lh;
	lb_init(&c->title);
	c->label = calloc(c->n_bar ? c->n_bar : 1, sizeof *c->label);
	c->row_h = calloc(c->n_bar ? c->n_bar : 1, sizeof *c->row_h);
	c->vtext = calloc(c->n_bar ? c->n_bar : 1, sizeof *c->vtext);
	if (c->label == NULL || c->row_h == NULL || c->vtext == NULL)
		lk_fatal("out of memory");

	memset(&o, 0, sizeof o);
	o.size = body_size;
	o.width = width;
	o.align = DOC_CENTER;
	lb_break(&c->title, m, &src->title, &o);   /* styles as given */
	if (c->title.n_line > 0)
		c->title_h = (double)c->title.n_line * body_size * 1.25 + c->lh * 0.5;

	maxv = src->reference > 0 ? (double)src->reference : 10000;
	for (i = 0; i < c->n_bar; i++) {
		const doc_bar *b = &src->bar[i];
		const char *t;

		if (b->ada) {
			if (b->value_text != NULL && *b->value_text != '\0')
				snprintf(c->vtext[i], sizeof c->vtext[i], "%s",
					 b->value_text);
			else
				value_text(c->vtext[i], sizeof c->vtext[i], b->value);
			if ((double)b->value > maxv)
				maxv = (double)b->value;
		} else
			snprintf(c->vtext[i], sizeof c->vtext[i], "%s", NO_DATA);
		t = c->vtext[i];
		w = m->width(m->ctx, b->ada ? 0 : DOC_ITALIC, c->size, t, strlen(t));
		if (b->ada && w > vw)
			vw = w;
	}
	c->scale = maxv;

	/* labels take what they need, at most a third of the width */
	o.size = c->size;
	o.width = width / 3;
	o.align = DOC_LEFT;
	o.style = 0;
	for (i = 0; i < c->n_bar; i++) {
		double h;

		lb_break_str(&c->label[i], m, src->bar[i].label, 0, &o);
		if (lb_max_width(&c->label[i]) > lw)
			lw = lb_max_width(&c->label[i]);
		h = (double)c->label[i].n_line * c->lh;
		if (h < c->bar_h)
			h = c->bar_h;
		c->row_h[i] = h + 2 * c->pad;
	}
	c->label_w = lw;
	c->plot_x0 = lw + c->size;
	c->plot_x1 = width - vw - c->pad * 2;
	if (c->plot_x1 < c->plot_x0 + width / 4)
		c->plot_x1 = c->plot_x0 + width / 4;
}

void
chart_free(chart_prep *c)
{
	size_t i;

	for (i = 0; i < c->n_bar; i++)
		lb_free(&c->label[i]);
	lb_free(&c->title);
	free(c->label);
	free(c->row_h);
	free(c->vtext);
	memset(c, 0, sizeof *c);
}

double
chart_height(const chart_prep *c, size_t b0, size_t b1, bool title)
{
	double h = title ? c->title_h : 0;
	size_t i;

	for (i = b0; i < b1 && i < c->n_bar; i++)
		h += c->row_h[i];
	return h + c->axis_h;
}

size_t
chart_fit(const chart_prep *c, size_t b0, bool title, double avail, bool force)
{
	double h = (title ? c->title_h : 0) + c->axis_h;
	size_t i;

	for (i = b0; i < c->n_bar; i++) {
		if (h + c->row_h[i] > avail + 1e-6)
			break;
		h += c->row_h[i];
	}
	if (i == b0 && force && b0 < c->n_bar)
		i = b0 + 1;
	return i - b0;
}

static double
bar_x(const chart_prep *c, int64_t v)
{
	double f = v <= 0 ? 0 : (double)v / c->scale;

	return c->plot_x0 + f * (c->plot_x1 - c->plot_x0);
}

void
chart_draw(const chart_prep *c, pdf *p, const lb_measure *m, double x,
	   double top, size_t b0, size_t b1, bool title)
{
	double y = top, y0, half, base, asc = m->ascent * c->size;
	double xr, lw;
	size_t i;
	const char *rl;

	if (title && c->title.n_line > 0) {
		lay_draw_lines(p, m, &c->title, 0, c->title.n_line, x, y,
			       c->size + 1, (c->size + 1) * 1.25);
		y -= c->title_h;
	}
	y0 = y;
	half = (asc - m->descent * c->size) / 2;   /* baseline to mid-glyph */
	for (i = b0; i < b1 && i < c->n_bar; i++) {
		const doc_bar *b = &c->src->bar[i];
		double mid = y - c->row_h[i] / 2;
		double lh = (double)c->label[i].n_line * c->lh;

		lay_draw_lines(p, m, &c->label[i], 0, c->label[i].n_line, x,
			       mid + lh / 2, c->size, c->lh);
		if (b->ada)
			pdf_rect(p, x + c->plot_x0, mid - c->bar_h / 2,
				 bar_x(c, b->value) - c->plot_x0, c->bar_h, 0.65,
				 0.5);
		y -= c->row_h[i];
	}
	/* axis at 0 and the base line; the reference, dashed, over the
	 * bars */
	pdf_line(p, x + c->plot_x0, y0, x + c->plot_x0, y, 0.75, 0, false);
	pdf_line(p, x + c->plot_x1, y, x + c->plot_x0, y, 0.5, 0, false);
	xr = bar_x(c, c->src->reference > 0 ? c->src->reference : 10000);
	pdf_line(p, x + xr, y0, x + xr, y - c->pad, 0.75, 0, true);
	/* value labels last, on white, so that the dashed line never runs
	 * through them */
	y = y0;
	for (i = b0; i < b1 && i < c->n_bar; i++) {
		const doc_bar *b = &c->src->bar[i];
		double mid = y - c->row_h[i] / 2, tx, tw;
		const char *t = c->vtext[i];
		unsigned st = b->ada ? 0 : DOC_ITALIC;

		base = mid - half;
		tx = b->ada ? bar_x(c, b->value) + c->pad : c->plot_x0 + c->pad;
		tw = m->width(m->ctx, st, c->size, t, strlen(t));
		pdf_rect(p, x + tx - c->pad * 0.4, mid - c->size * 0.55,
			 tw + c->pad * 0.8, c->size * 1.1, 1, 0);
		pdf_text(p, st, c->size, x + tx, base, t, strlen(t));
		y -= c->row_h[i];
	}
	y = y0;
	for (i = b0; i < b1 && i < c->n_bar; i++)
		y -= c->row_h[i];
	base = y - c->pad - asc;
	lw = m->width(m->ctx, 0, c->size, "0%", 2);
	pdf_text(p, 0, c->size, x + c->plot_x0 - lw / 2, base, "0%", 2);
	rl = c->src->reference_label != NULL ? c->src->reference_label : "100%";
	lw = m->width(m->ctx, 0, c->size, rl, strlen(rl));
	pdf_text(p, 0, c->size, x + xr - lw / 2, base, rl, strlen(rl));
}
