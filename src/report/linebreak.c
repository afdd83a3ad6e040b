/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* linebreak.c - styled text broken into measured, justified lines.
 *
 * Two steps: the text is cut into units (words: what lies between spaces,
 * hard breaks and break points after hyphens), each unit made of
 * fragments of one style, each fragment measured once; then units are
 * put on lines: greedily, or for justified text where the paragraph's
 * total badness is least.  A unit wider than an empty line is cut at
 * character boundaries, measuring only its characters.
 */
#include "config.h"
#include "report/linebreak.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "report/hyph.h"

#define EPS 1e-6
#define MAX_POINTS 24  /* hyphenation points of one word */

/* What ends a line broken inside a word: a soft hyphen, printed. */
static const char soft_hyphen[] = "\xC2\xAD";

typedef struct frag {
	const char *s;
	size_t n;
	unsigned style;
	double w;
} frag;

typedef struct unit {
	size_t f0, nf;        /* fragments [f0, f0 + nf) */
	double w, gap;        /* width; gap before it when not first */
	bool space;           /* the gap is a space */
	bool ul;              /* that space is underlined */
	bool newline;         /* a hard break, no text */
	bool soft;            /* a hyphenation point follows: a line that
	                       * ends here ends with a hyphen of width hw */
	double hw;
} unit;

#define TOK_LOCAL 48   /* fragments and units kept on the stack */

typedef struct tok {
	const lb_measure *m;
	const lb_opts *o;
	frag *f;              /* f_local until it is full */
	size_t nf, capf;
	unit *u;              /* u_local until it is full */
	size_t nu, capu;
	double spw[4];        /* space width by style & 3, < 0: unknown */
	/* scanner state */
	bool in_unit, gap_pending, hyph_pending, prev_letter, fopen;
	unsigned gap_style;
	const char *fs;
	size_t fn;
	unsigned fstyle;
	size_t uf0;
	/* last: not cleared */
	frag f_local[TOK_LOCAL];
	unit u_local[TOK_LOCAL];
} tok;

/* p (of *cap elements) with room for need; p may be `local`, an array
 * that is not freed (it is copied out when full).  Most paragraphs are a
 * table cell of a line or two: arrays start small. */
static void *
grow_from(void *p, const void *local, size_t elem, size_t *cap, size_t need)
{
	size_t ncap;
	void *q;

	if (need <= *cap)
		return p;
	ncap = *cap ? *cap * 2 : 4;
	while (ncap < need)
		ncap *= 2;
	if (ncap > SIZE_MAX / elem)
		lk_fatal("linebreak: array too large");
	q = realloc(p == local ? NULL : p, ncap * elem);
	if (q == NULL)
		lk_fatal("out of memory");
	if (p == local && p != NULL)
		memcpy(q, p, *cap * elem);
	*cap = ncap;
	return q;
}

static void *
grow(void *p, size_t elem, size_t *cap, size_t need)
{
	return grow_from(p, NULL, elem, cap, need);
}

size_t
lb_chars(const char *s, size_t n)
{
	size_t c = 0, i = 0;

	while (i < n) {
		i += lb_utf8_len(s + i, n - i);
		c++;
	}
	return c;
}

size_t
lb_utf8_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len, i;
	unsigned lo = 0x80, hi = 0xBF;

	if (n == 0)
		return 0;
	if (u[0] < 0x80)
		return 1;
	if (u[0] >= 0xC2 && u[0] <= 0xDF)
		len = 2;
	else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		len = 3;
		if (u[0] == 0xE0)
			lo = 0xA0;
		else if (u[0] == 0xED)
			hi = 0x9F;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		len = 4;
		if (u[0] == 0xF0)
			lo = 0x90;
		else if (u[0] == 0xF4)
			hi = 0x8F;
	} else
		return 1;
	if (len > n)
		return 1;
	if (u[1] < lo || u[1] > hi)
		return 1;
	for (i = 2; i < len; i++)
		if (u[i] < 0x80 || u[i] > 0xBF)
			return 1;
	return len;
}

/* Whether the n bytes at s are valid UTF-8. */
static bool
utf8_valid(const char *s, size_t n)
{
	size_t i = 0, l;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		l = lb_utf8_len(s + i, n - i);
		if (l == 1)
			return false;
		i += l;
	}
	return true;
}

/* A copy of s with every invalid byte replaced by '?', appended at *o. */
static void
utf8_repair(const char *s, char **o)
{
	size_t n = strlen(s), i = 0, l;

	while (i < n) {
		l = (unsigned char)s[i] < 0x80 ? 1 : lb_utf8_len(s + i, n - i);
		if (l == 1 && (unsigned char)s[i] >= 0x80)
			*(*o)++ = '?';
		else {
			memcpy(*o, s + i, l);
			*o += l;
		}
		i += l;
	}
	*(*o)++ = '\0';
}

static bool
is_space(unsigned char c)
{
	return c < 0x20 || c == ' ' || c == 0x7F;
}

static bool
is_letter(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

static double
space_width(tok *t, unsigned style)
{
	unsigned k = style & 3;

	if (t->spw[k] < 0)
		t->spw[k] = t->m->width(t->m->ctx, k, t->o->size, " ", 1);
	return t->spw[k];
}

static void
close_frag(tok *t)
{
	frag *f;

	if (!t->fopen)
		return;
	t->f = grow_from(t->f, t->f_local, sizeof *t->f, &t->capf, t->nf + 1);
	f = &t->f[t->nf++];
	f->s = t->fs;
	f->n = t->fn;
	f->style = t->fstyle;
	f->w = t->m->width(t->m->ctx, t->fstyle & 3, t->o->size, t->fs, t->fn);
	t->fopen = false;
}

static unit *
push_unit(tok *t)
{
	unit *u;

	t->u = grow_from(t->u, t->u_local, sizeof *t->u, &t->capu, t->nu + 1);
	u = &t->u[t->nu++];
	memset(u, 0, sizeof *u);
	return u;
}

static void
close_unit(tok *t)
{
	unit *u;
	size_t i;

	close_frag(t);
	if (!t->in_unit)
		return;
	u = &t->u[t->nu - 1];
	u->f0 = t->uf0;
	u->nf = t->nf - t->uf0;
	u->w = 0;
	for (i = u->f0; i < t->nf; i++)
		u->w += t->f[i].w;
	t->in_unit = false;
}

static void
open_unit(tok *t)
{
	unit *u = push_unit(t);

	if (t->gap_pending) {
		u->gap = space_width(t, t->gap_style);
		u->space = true;
		u->ul = (t->gap_style & DOC_UNDERLINE) != 0;
	}
	t->gap_pending = false;
	t->in_unit = true;
	t->uf0 = t->nf;
}

static void
scan_run(tok *t, const char *s, unsigned style)
{
	size_t n = strlen(s), i = 0, l;
	unsigned char c;

	while (i < n) {
		c = (unsigned char)s[i];
		if (c == '\n') {
			close_unit(t);
			push_unit(t)->newline = true;
			t->gap_pending = t->hyph_pending = t->prev_letter = false;
			i++;
			continue;
		}
		if (is_space(c)) {
			close_unit(t);
			if (!t->gap_pending) {
				t->gap_pending = true;
				t->gap_style = style;
			}
			t->hyph_pending = t->prev_letter = false;
			i++;
			continue;
		}
		l = c < 0x80 ? 1 : lb_utf8_len(s + i, n - i);
		if (t->hyph_pending && (is_letter(c) || (c >= '0' && c <= '9')))
			close_unit(t);       /* break point after "kupu-" */
		t->hyph_pending = false;
		if (!t->in_unit)
			open_unit(t);
		if (t->fopen && (t->fstyle != style || t->fs + t->fn != s + i))
			close_frag(t);
		if (!t->fopen) {
			t->fopen = true;
			t->fs = s + i;
			t->fn = 0;
			t->fstyle = style;
		}
		t->fn += l;
		if (c == '-' && t->prev_letter && t->o->hyphen_breaks)
			t->hyph_pending = true;
		t->prev_letter = is_letter(c);
		i += l;
	}
}

/* ---- line building ---- */

typedef struct brk {
	lb_para *p;
	const lb_measure *m;
	const lb_opts *o;
	size_t item0;         /* first item of the open line */
	double cur;           /* natural width so far */
} brk;

static lb_item *
push_item(brk *b)
{
	lb_para *p = b->p;
	lb_item *it;

	p->item = grow(p->item, sizeof *p->item, &p->cap_item, p->n_item + 1);
	it = &p->item[p->n_item++];
	memset(it, 0, sizeof *it);
	return it;
}

static bool
line_empty(const brk *b)
{
	return b->p->n_item == b->item0;
}

static void
finish_line(brk *b, bool hard)
{
	lb_para *p = b->p;
	lb_line *ln;

	p->line = grow(p->line, sizeof *p->line, &p->cap_line, p->n_line + 1);
	ln = &p->line[p->n_line++];
	ln->item = b->item0;
	ln->n_item = p->n_item - b->item0;
	ln->width = b->cur;
	ln->cs = 0;
	ln->hard = hard;
	b->item0 = p->n_item;
	b->cur = 0;
}

static void
add_unit(brk *b, const tok *t, const unit *u)
{
	bool first = line_empty(b);
	size_t k;

	for (k = 0; k < u->nf; k++) {
		const frag *f = &t->f[u->f0 + k];
		unsigned prev = first || k > 0 ? 0 :
				b->p->item[b->p->n_item - 1].style;
		lb_item *it = push_item(b);

		it->s = f->s;
		it->n = f->n;
		it->style = f->style;
		if (k == 0 && !first) {
			it->gap = u->gap;
			it->space = u->space;
			it->ul_gap = u->ul && (f->style & DOC_UNDERLINE) &&
				     (prev & DOC_UNDERLINE);
		}
		b->cur += it->gap;
		it->x = b->cur;
		it->w = f->w;
		b->cur += f->w;
	}
}

/* The unit is wider than an empty line: cut it between characters. */
static void
split_unit(brk *b, const tok *t, const unit *u)
{
	double W = b->o->width;
	size_t k;

	for (k = 0; k < u->nf; k++) {
		const frag *f = &t->f[u->f0 + k];
		size_t i = 0, start = 0, l;
		double pw = 0, cw;

		while (i < f->n) {
			l = lb_utf8_len(f->s + i, f->n - i);
			cw = b->m->width(b->m->ctx, f->style & 3, b->o->size,
					 f->s + i, l);
			if (b->cur + pw + cw > W + EPS &&
			    (i > start || !line_empty(b))) {
				if (i > start) {
					lb_item *it = push_item(b);

					it->s = f->s + start;
					it->n = i - start;
					it->style = f->style;
					it->x = b->cur;
					it->w = pw;
					b->cur += pw;
				}
				finish_line(b, false);
				start = i;
				pw = 0;
			}
			pw += cw;
			i += l;
		}
		if (i > start) {
			lb_item *it = push_item(b);

			it->s = f->s + start;
			it->n = i - start;
			it->style = f->style;
			it->x = b->cur;
			it->w = pw;
			b->cur += pw;
		}
	}
}

/* A hyphen item ending the open line, after unit u. */
static void
add_hyphen(brk *b, const tok *t, const unit *u)
{
	lb_item *it = push_item(b);

	it->s = soft_hyphen;
	it->n = sizeof soft_hyphen - 1;
	it->style = t->f[u->f0 + u->nf - 1].style;
	it->x = b->cur;
	it->w = u->hw;
	b->cur += u->hw;
}

/* Units [s, e) (no hard break among them) from an empty line on, each
 * line filled as far as it goes. */
static void
greedy(brk *b, const tok *t, size_t s, size_t e)
{
	size_t i;

	for (i = s; i < e; i++) {
		const unit *u = &t->u[i];

		if (u->nf == 0)
			continue;
		if (!line_empty(b) && b->cur + u->gap + u->w > b->o->width + EPS) {
			if (i > s && t->u[i - 1].soft)
				add_hyphen(b, t, &t->u[i - 1]);
			finish_line(b, false);
		}
		if (line_empty(b) && u->w > b->o->width + EPS)
			split_unit(b, t, u);
		else
			add_unit(b, t, u);
	}
}

/* Units [s, e) broken where the sum of demerits over the lines is
 * least (Knuth and Plass): the spacing is spread evenly over the
 * paragraph instead of leaving one line loose.  Badness grows with the
 * cube of how much the spaces must stretch, and spaces stretched beyond
 * twice their width cost more than any hyphen; the last line costs
 * nothing; a line ending in a hyphen (of the text or of hyphenation)
 * costs a penalty.  Returns false, doing nothing, when a unit is wider
 * than the line (then greedy() cuts it). */
static bool
best_fit(brk *b, const tok *t, size_t s, size_t e)
{
	double W = b->o->width, *f;
	size_t n = e - s, i, j, *prev, *brks, nb = 0;

	if (n == 0)
		return true;
	for (i = s; i < e; i++)
		if (t->u[i].w > W + EPS)
			return false;
	f = malloc((n + 1) * sizeof *f);
	prev = malloc((n + 1) * sizeof *prev);
	brks = malloc((n + 1) * sizeof *brks);
	if (f == NULL || prev == NULL || brks == NULL)
		lk_fatal("out of memory");
	f[0] = 0;
	for (j = 1; j <= n; j++) {
		/* a line ending at a hyphenation point shows the hyphen */
		double width = j < n && t->u[s + j - 1].soft ?
			       t->u[s + j - 1].hw : 0, stretch = 0;

		f[j] = HUGE_VAL;
		prev[j] = j - 1;
		/* the line holds units [i, j) of the segment */
		for (i = j; i-- > 0; ) {
			const unit *u = &t->u[s + i];
			double d, bad, slack;

			width += u->w;
			if (i + 1 < j) {
				const unit *nx = &t->u[s + i + 1];

				width += nx->gap;
				if (nx->space)
					stretch += nx->gap;
			}
			if (width > W + EPS && i + 1 < j)
				break;
			if (f[i] == HUGE_VAL)
				continue;
			slack = W - width;
			if (j == n)
				bad = 0;            /* last line: left-aligned */
			else if (slack <= EPS)
				bad = 0;
			else if (stretch > 0) {
				double r = slack / stretch;

				bad = 100 * r * r * r;
				if (r > 1)          /* beyond twice the space */
					bad += 1000;
				if (bad > 10000)
					bad = 10000;
			} else
				bad = 10000;        /* a lone word, not justified */
			d = (10 + bad) * (10 + bad);
			if (j < n && !t->u[s + j].space)
				d += 50 * 50;       /* ends with a hyphen */
			if (f[i] + d < f[j]) {
				f[j] = f[i] + d;
				prev[j] = i;
			}
		}
	}
	for (j = n; j > 0; j = prev[j])
		brks[nb++] = j;
	while (nb > 0) {
		size_t end = brks[--nb], k;

		for (k = j; k < end; k++)
			if (t->u[s + k].nf > 0)
				add_unit(b, t, &t->u[s + k]);
		if (nb > 0) {
			if (t->u[s + end - 1].soft)
				add_hyphen(b, t, &t->u[s + end - 1]);
			finish_line(b, false);
		}
		j = end;
	}
	free(f);
	free(prev);
	free(brks);
	return true;
}

/* Every word of units [s, e) but the last cut at its hyphenation points
 * into units glued together (no space between them), each but the last
 * marked soft.  Only words of one fragment (one style). */
static void
hyphenate(tok *t, size_t s, size_t e, const hyph *h)
{
	size_t at[MAX_POINTS], np;

	for (size_t i = e; i-- > s; ) {
		unit u = t->u[i];
		frag f;
		size_t add, k, prev = 0;

		if (u.nf != 1 || i + 1 == e)
			continue;
		f = t->f[u.f0];
		if (f.style & DOC_NAME)
			continue;           /* a name, marked as such */
		if ((np = hyph_points(h, f.s, f.n, at, MAX_POINTS)) == 0)
			continue;
		/* np new units and fragments: the pieces after the first */
		add = np;
		t->u = grow_from(t->u, t->u_local, sizeof *t->u, &t->capu,
				 t->nu + add);
		t->f = grow_from(t->f, t->f_local, sizeof *t->f, &t->capf,
				 t->nf + add);
		memmove(&t->u[i + 1 + add], &t->u[i + 1],
			(t->nu - i - 1) * sizeof *t->u);
		t->nu += add;
		for (k = 0; k <= np; k++) {
			size_t end = k < np ? at[k] : f.n;
			unit *v = &t->u[i + k];
			frag *g;

			if (k == 0) {
				g = &t->f[u.f0];
			} else {
				memset(v, 0, sizeof *v);
				v->f0 = t->nf++;
				v->nf = 1;
				g = &t->f[v->f0];
				*g = f;
			}
			g->s = f.s + prev;
			g->n = end - prev;
			g->w = t->m->width(t->m->ctx, f.style & 3, t->o->size, g->s,
					   g->n);
			v->w = g->w;
			if (k < np) {
				v->soft = true;
				v->hw = t->m->width(t->m->ctx, f.style & 3,
						    t->o->size, soft_hyphen,
						    sizeof soft_hyphen - 1);
			}
			prev = end;
		}
	}
}

/* Whether every unit of [s, e) fits on a line (else greedy() cuts one
 * between characters, and hyphenation is not for that paragraph). */
static bool
fits(const tok *t, size_t s, size_t e, double W)
{
	for (size_t i = s; i < e; i++)
		if (t->u[i].w > W + EPS)
			return false;
	return true;
}

static void
align_lines(lb_para *p, const lb_opts *o)
{
	double W = o->width;
	size_t i, j;

	for (i = 0; i < p->n_line; i++) {
		lb_line *ln = &p->line[i];
		lb_item *it = p->item + ln->item;
		double off = 0, extra = 0, x = 0;
		size_t nsp = 0;

		if (ln->n_item == 0 || ln->width >= W)
			continue;
		if (o->align == DOC_JUSTIFY && !ln->hard) {
			double spw = 0, cs = 0;
			size_t glyphs = 0;

			for (j = 1; j < ln->n_item; j++) {
				nsp += it[j].space;
				if (it[j].space && it[j].gap > spw)
					spw = it[j].gap;
			}
			if (nsp == 0)
				continue;
			extra = (W - ln->width) / (double)nsp;
			/* word gaps past 1.95 times the space: the letters
			 * take some of it (every glyph, spaces too, gets
			 * cs), up to 4% of the size */
			if (o->track && spw > 0 && extra > 0.95 * spw) {
				for (j = 0; j < ln->n_item; j++)
					glyphs += lb_chars(it[j].s, it[j].n);
				glyphs += nsp;
				/* a word gap is then the space, its extra, its
				 * cs and the cs after the word before */
				if (glyphs > 2 * nsp) {
					cs = (W - ln->width - 0.95 * spw * (double)nsp) /
					     (double)(glyphs - 2 * nsp);
					if (cs > 0.04 * o->size)
						cs = 0.04 * o->size;
					/* each space: extra + cs */
					extra = (W - ln->width - cs * (double)glyphs) /
						(double)nsp;
				}
			}
			ln->cs = cs;
			for (j = 0; j < ln->n_item; j++) {
				x += it[j].gap + (j > 0 && it[j].space ? extra + cs : 0);
				it[j].x = x;
				x += it[j].w + cs * (double)lb_chars(it[j].s, it[j].n);
			}
			/* exactly flush right, whatever the rounding */
			it[ln->n_item - 1].x = W - it[ln->n_item - 1].w -
				cs * (double)lb_chars(it[ln->n_item - 1].s,
						      it[ln->n_item - 1].n);
			continue;
		}
		if (o->align == DOC_CENTER)
			off = (W - ln->width) / 2;
		else if (o->align == DOC_RIGHT)
			off = W - ln->width;
		for (j = 0; off > 0 && j < ln->n_item; j++)
			it[j].x += off;
	}
}

void
lb_init(lb_para *p)
{
	memset(p, 0, sizeof *p);
}

void
lb_free(lb_para *p)
{
	free(p->item);
	free(p->line);
	free(p->own);
	lb_init(p);
}

void
lb_break(lb_para *p, const lb_measure *m, const doc_text *t,
	 const lb_opts *o)
{
	tok tk;
	brk b;
	doc_run *fixed = NULL;
	const doc_run *runs = t->run;
	size_t i;
	bool valid = true;

	p->n_item = p->n_line = 0;
	free(p->own);
	p->own = NULL;
	for (i = 0; i < t->n_run && valid; i++)
		if (t->run[i].text != NULL)
			valid = utf8_valid(t->run[i].text, strlen(t->run[i].text));
	if (!valid) {
		size_t total = 0;
		char *o2;

		for (i = 0; i < t->n_run; i++)
			total += (t->run[i].text ? strlen(t->run[i].text) : 0) + 1;
		p->own = malloc(total ? total : 1);
		fixed = malloc(t->n_run * sizeof *fixed);
		if (p->own == NULL || fixed == NULL)
			lk_fatal("out of memory");
		o2 = p->own;
		for (i = 0; i < t->n_run; i++) {
			fixed[i] = t->run[i];
			if (t->run[i].text != NULL) {
				fixed[i].text = o2;
				utf8_repair(t->run[i].text, &o2);
			}
		}
		runs = fixed;
	}

	memset(&tk, 0, offsetof(tok, f_local));
	tk.f = tk.f_local;
	tk.capf = TOK_LOCAL;
	tk.u = tk.u_local;
	tk.capu = TOK_LOCAL;
	tk.m = m;
	tk.o = o;
	for (i = 0; i < 4; i++)
		tk.spw[i] = -1;
	for (i = 0; i < t->n_run; i++)
		if (runs[i].text != NULL)
			scan_run(&tk, runs[i].text, runs[i].style | o->style);
	close_unit(&tk);

	memset(&b, 0, sizeof b);
	b.p = p;
	b.m = m;
	b.o = o;
	for (i = 0; i < tk.nu; ) {
		size_t j = i;

		while (j < tk.nu && !tk.u[j].newline)
			j++;
		if (o->align == DOC_JUSTIFY && o->hyph != NULL &&
		    fits(&tk, i, j, o->width)) {
			size_t before = tk.nu;

			hyphenate(&tk, i, j, o->hyph);
			j += tk.nu - before;
		}
		if (o->align != DOC_JUSTIFY || !best_fit(&b, &tk, i, j))
			greedy(&b, &tk, i, j);
		if (j < tk.nu)
			finish_line(&b, true);       /* the hard break */
		i = j + 1;
	}
	if (!line_empty(&b))
		finish_line(&b, true);
	align_lines(p, o);
	if (tk.f != tk.f_local)
		free(tk.f);
	if (tk.u != tk.u_local)
		free(tk.u);
	free(fixed);
}

void
lb_break_str(lb_para *p, const lb_measure *m, const char *s, unsigned style,
	     const lb_opts *o)
{
	doc_run r;
	doc_text t;

	r.text = s;
	r.style = style;
	t.run = &r;
	t.n_run = s != NULL;
	lb_break(p, m, &t, o);
}

double
lb_max_width(const lb_para *p)
{
	double w = 0;
	size_t i;

	for (i = 0; i < p->n_line; i++)
		if (p->line[i].width > w)
			w = p->line[i].width;
	return w;
}
