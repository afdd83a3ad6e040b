/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* chart_trend.c - an indicator's years as a line chart, in vector
 * graphics (doc_trend).
 *
 * Layout, top to bottom: the title; the plot (a value axis on the left
 * with a few round ticks and light grid lines, one column per year, the
 * realisation as a solid line with filled square markers, the target as
 * a dashed line with open markers; a gap in the data breaks the line);
 * under the axis a small table: the years, then one row per series led
 * by its sample line and marker, each year's value as printed (smaller
 * when the columns are narrow); last the legend naming both series.
 * The ticks are computed in the values' own fixed point (x10^4), so the
 * labels are exact decimals; only positions on the page are doubles.
 * Greyscale, readable in black and white.  Kept on one page.
 */
#include "config.h"
#include "report/layout_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dec.h"

#define PLOT_H_LINES 7.0          /* plot height, in lines of the chart */
#define MARK 4.0                  /* marker side, points */
#define SAMPLE 16.0               /* legend sample line, points */

static int64_t
floor_to(int64_t v, int64_t s)
{
	int64_t q = v / s;

	if (v % s != 0 && v < 0)
		q--;
	return q * s;
}

static int64_t
ceil_to(int64_t v, int64_t s)
{
	int64_t q = v / s;

	if (v % s != 0 && v > 0)
		q++;
	return q * s;
}

/* Round ticks covering [lo, hi]: steps of 1, 2 or 5 times a power of
 * ten (of the fixed point), about four intervals. */
static void
ticks(doc_trend_axis *c, int64_t lo, int64_t hi)
{
	int64_t range, raw, s = 1;

	if (lo > hi) {
		int64_t t = lo;

		lo = hi;
		hi = t;
	}
	if (lo > INT64_MIN / 4 && hi < INT64_MAX / 4)
		range = hi - lo;
	else
		range = INT64_MAX / 4;
	if (range == 0) {
		int64_t a = hi < 0 ? -hi : hi;
		bool nonneg = lo >= 0;

		range = a / 5 > 0 ? a / 5 : DEC_NILAI_ONE;
		lo -= range / 2;
		hi += range - range / 2;
		/* a count never goes below zero on its axis */
		if (nonneg && lo < 0) {
			hi -= lo;
			lo = 0;
		}
	}
	raw = range / 4 > 0 ? range / 4 : 1;
	for (;;) {
		if (s >= raw)
			break;
		if (2 * s >= raw) {
			s *= 2;
			break;
		}
		if (5 * s >= raw) {
			s *= 5;
			break;
		}
		if (s > INT64_MAX / 20)
			break;
		s *= 10;
	}
	c->lo = floor_to(lo, s);
	c->hi = ceil_to(hi, s);
	if (c->hi == c->lo)
		c->hi = c->lo + s;
	c->step = s;
	c->n_tick = (size_t)((c->hi - c->lo) / s) + 1;
	if (c->n_tick > TREND_MAX_TICK)
		c->n_tick = TREND_MAX_TICK;
}

void
doc_trend_axis_of(const doc_trend *src, doc_trend_axis *a)
{
	bool any = false;
	int64_t lo = 0, hi = 0;

	memset(a, 0, sizeof *a);
	for (size_t i = 0; i < src->n_point; i++) {
		const doc_trend_point *p = &src->point[i];
		int64_t v[2];
		size_t n = 0;

		if (p->ada_realisasi)
			v[n++] = p->realisasi;
		if (p->ada_target)
			v[n++] = p->target;
		for (size_t k = 0; k < n; k++) {
			if (!any || v[k] < lo)
				lo = v[k];
			if (!any || v[k] > hi)
				hi = v[k];
			any = true;
		}
	}
	if (!any) {
		lo = 0;
		hi = 100 * DEC_NILAI_ONE;
	}
	ticks(a, lo, hi);
}

void
trend_prepare(trend_prep *c, const doc_trend *src, const lb_measure *m,
	      double width, double body_size)
{
	double w;
	lb_opts o;

	memset(c, 0, sizeof *c);
	c->src = src;
	c->width = width;
	c->size = body_size - 2 > 4 ? body_size - 2 : 4;
	c->lh = c->size * 1.35;
	c->pad = c->size * 0.5;
	lb_init(&c->title);
	memset(&o, 0, sizeof o);
	o.size = body_size - 1 > 4 ? body_size - 1 : 4;
	o.width = width;
	o.align = DOC_CENTER;
	lb_break(&c->title, m, &src->title, &o);
	if (c->title.n_line > 0)
		c->title_h = (double)c->title.n_line * o.size * 1.25 + c->pad;

	{
		doc_trend_axis a;

		doc_trend_axis_of(src, &a);
		c->lo = a.lo;
		c->hi = a.hi;
		c->step = a.step;
		c->n_tick = a.n_tick;
	}

	/* the left column: tick labels, or the table's row markers */
	c->label_w = SAMPLE;
	for (size_t i = 0; i < c->n_tick; i++) {
		char buf[DEC_BUFSZ];

		dec_format_nilai(c->lo + (int64_t)i * c->step, buf);
		w = m->width(m->ctx, 0, c->size, buf, strlen(buf));
		if (w > c->label_w)
			c->label_w = w;
	}
	if (c->label_w > width / 4)
		c->label_w = width / 4;
	c->plot_x0 = c->label_w + c->pad * 2;
	c->plot_x1 = width - c->pad;
	/* the values' size: as large as the columns allow, down to 6 pt */
	c->vsize = c->size;
	if (src->n_point > 0) {
		double col = (c->plot_x1 - c->plot_x0) / (double)src->n_point;
		double widest = 0;

		for (size_t i = 0; i < src->n_point; i++) {
			const doc_trend_point *p = &src->point[i];
			const char *t[3] = { p->label, p->ada_realisasi ?
			    p->realisasi_text : NULL, p->ada_target ?
			    p->target_text : NULL };

			for (int k = 0; k < 3; k++) {
				if (t[k] == NULL)
					continue;
				w = m->width(m->ctx, k == 0 ? DOC_BOLD : 0,
				    c->size, t[k], strlen(t[k]));
				if (w > widest)
					widest = w;
			}
		}
		if (widest > col * 0.92 && widest > 0) {
			c->vsize = c->size * col * 0.92 / widest;
			if (c->vsize < 6)
				c->vsize = 6;
		}
	}
	/* the legend: each series' sample and name, on one line */
	c->legend_w = 0;
	for (int k = 0; k < 2; k++) {
		const char *t = k == 0 ? src->realisasi_label : src->target_label;

		c->legend_w += SAMPLE + c->pad + (t != NULL ?
		    m->width(m->ctx, 0, c->size, t, strlen(t)) : 0) +
		    (k == 0 ? 2 * c->pad : 0);
	}
	c->plot_h = PLOT_H_LINES * c->lh;
	c->height = c->title_h + c->pad + c->plot_h + c->pad + 4 * c->lh;
}

void
trend_free(trend_prep *c)
{
	lb_free(&c->title);
	memset(c, 0, sizeof *c);
}

static double
col_x(const trend_prep *c, size_t i)
{
	double n = c->src->n_point > 0 ? (double)c->src->n_point : 1;

	return c->plot_x0 + ((double)i + 0.5) * (c->plot_x1 - c->plot_x0) / n;
}

static double
val_y(const trend_prep *c, double bottom, int64_t v)
{
	double f = (double)(v - c->lo) / (double)(c->hi - c->lo);

	if (f < 0)
		f = 0;
	if (f > 1)
		f = 1;
	return bottom + f * c->plot_h;
}

static void
marker(pdf *p, double x, double y, bool filled)
{
	pdf_rect(p, x - MARK / 2, y - MARK / 2, MARK, MARK, filled ? 0 : 1,
		 0.75);
}

static void
centred(pdf *p, const lb_measure *m, unsigned st, double size, double x,
	double base, const char *t)
{
	double w;

	if (t == NULL || *t == '\0')
		return;
	w = m->width(m->ctx, st, size, t, strlen(t));
	pdf_text(p, st, size, x - w / 2, base, t, strlen(t));
}

/* Whether point i of the series has a value. */
static bool
has(const doc_trend *s, size_t i, bool target)
{
	return i < s->n_point &&
	       (target ? s->point[i].ada_target : s->point[i].ada_realisasi);
}

/* One series: one line through each run of neighbouring points that
 * have a value (a point without one breaks it), then the markers over
 * them. */
static void
series(const trend_prep *c, pdf *p, double x, double bottom, bool target)
{
	const doc_trend *s = c->src;

	for (size_t i = 0; i < s->n_point; i++) {
		const doc_trend_point *a = &s->point[i];
		bool before = i > 0 && has(s, i - 1, target);

		if (!has(s, i, target) || (!before && !has(s, i + 1, target)))
			continue;
		pdf_path_to(p, x + col_x(c, i),
			    val_y(c, bottom, target ? a->target : a->realisasi),
			    !before, target ? 0.75 : 1.25, 0, target);
		if (!has(s, i + 1, target))
			pdf_path_stroke(p);
	}
	for (size_t i = 0; i < s->n_point; i++) {
		const doc_trend_point *a = &s->point[i];

		if (target ? a->ada_target : a->ada_realisasi)
			marker(p, x + col_x(c, i),
			       val_y(c, bottom, target ? a->target : a->realisasi),
			       !target);
	}
}

void
trend_draw(const trend_prep *c, pdf *p, const lb_measure *m, double x,
	   double top)
{
	const doc_trend *s = c->src;
	double y = top, bottom, base, asc = m->ascent * c->size;
	double half = (asc - m->descent * c->size) / 2;

	if (c->title.n_line > 0) {
		double ts = c->size + 1;

		lay_draw_lines(p, m, &c->title, 0, c->title.n_line, x, y, ts,
			       ts * 1.25);
		y -= c->title_h;
	}
	y -= c->pad;
	bottom = y - c->plot_h;
	/* grid and ticks */
	for (size_t i = 0; i < c->n_tick; i++) {
		int64_t v = c->lo + (int64_t)i * c->step;
		double ty = val_y(c, bottom, v), w;
		char buf[DEC_BUFSZ];

		dec_format_nilai(v, buf);
		pdf_line(p, x + c->plot_x0, ty, x + c->plot_x1, ty, 0.3, 0.8,
			 false);
		w = m->width(m->ctx, 0, c->size, buf, strlen(buf));
		pdf_text(p, 0, c->size, x + c->plot_x0 - c->pad - w, ty - half,
			 buf, strlen(buf));
	}
	pdf_line(p, x + c->plot_x0, bottom, x + c->plot_x0, y, 0.75, 0, false);
	pdf_line(p, x + c->plot_x0, bottom, x + c->plot_x1, bottom, 0.75, 0,
		 false);
	series(c, p, x, bottom, true);
	series(c, p, x, bottom, false);

	/* the table under the axis: years, realisations, targets, each
	 * series' row led by its marker; then the legend */
	base = bottom - c->pad - asc;
	for (size_t i = 0; i < s->n_point; i++)
		centred(p, m, DOC_BOLD, c->vsize, x + col_x(c, i), base,
			s->point[i].label);
	for (int k = 0; k < 2; k++) {
		double row = base - (double)(k + 1) * c->lh, mid = row + half;

		pdf_line(p, x, mid, x + SAMPLE, mid, k == 0 ? 1.25 : 0.75, 0,
			 k == 1);
		marker(p, x + SAMPLE / 2, mid, k == 0);
		for (size_t i = 0; i < s->n_point; i++) {
			const doc_trend_point *a = &s->point[i];
			const char *t = k == 0 ?
			    (a->ada_realisasi ? a->realisasi_text : "-") :
			    (a->ada_target ? a->target_text : "-");

			centred(p, m, 0, c->vsize, x + col_x(c, i), row, t);
		}
	}
	{
		double row = base - 3 * c->lh, mid = row + half;
		double lx = x + (c->width - c->legend_w) / 2;

		if (lx < x)
			lx = x;
		for (int k = 0; k < 2; k++) {
			const char *name = k == 0 ? s->realisasi_label :
			    s->target_label;

			pdf_line(p, lx, mid, lx + SAMPLE, mid,
				 k == 0 ? 1.25 : 0.75, 0, k == 1);
			marker(p, lx + SAMPLE / 2, mid, k == 0);
			lx += SAMPLE + c->pad;
			if (name != NULL) {
				pdf_text(p, 0, c->size, lx, row, name,
					 strlen(name));
				lx += m->width(m->ctx, 0, c->size, name,
					       strlen(name));
			}
			lx += 2 * c->pad;
		}
	}
}
