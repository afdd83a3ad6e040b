/* layout.c - the flow of a doc's blocks onto pages, written as PDF.
 *
 * Two passes over the same code: the first only measures, to learn on
 * which page every heading lands (and how tall centred sections are);
 * the second draws, with those page numbers in the table of contents
 * (whose own length does not depend on the numbers: the number column
 * has a fixed width).  Each block is prepared (broken into lines,
 * measured) once per pass, just before it is placed, and freed after.
 *
 * Placement rules: space between blocks is the larger of the previous
 * block's space after and this block's space before, and none at the top
 * of a page; headings and keep_with_next blocks go to the next page when
 * what follows would not start on this one; paragraphs leave no single
 * line alone at a page's bottom or top; tables repeat their header rows.
 */
#include "config.h"
#include "report/layout.h"
#include "report/layout_int.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define EPS 1e-6
#define A4_W 595.276
#define A4_H 841.89
#define MAX_PAGE 14400.0          /* libharu's limit, points */
#define KEEP_DEPTH 8              /* longest keep-with-next chain looked at */

typedef struct head_ent {         /* a heading for the TOC and the outline */
	const doc_block *b;
	int level;
	char *text;               /* toc_text, or the heading flattened */
	char label[16];           /* page number as printed, this pass */
	char prev[16];            /* as found by the previous pass */
} head_ent;

typedef struct img_ent {
	const char *path;
	pdf_image *img;
	double w, h;              /* pixels */
} img_ent;

typedef struct formula_prep {
	lb_para lhs, num, den, fac;
	double lh, gap, lhs_w, eq_w, frac_w, fac_w, lhs_box, frac_box;
	double lhs_top, num_top, rule, den_top, fac_top, eq_base;
} formula_prep;

typedef struct sig_prep {
	lb_para line[5];          /* place_date, jabatan, nama, pangkat, nip */
	double lh, room, img_w, img_h;
	pdf_image *img;
} sig_prep;

typedef struct toc_prep {
	lb_para *para;            /* one per heading entry */
	double *indent;
	unsigned *style;
	size_t n;
	double num_w, lh;
} toc_prep;

typedef struct prep {
	const doc_block *b;
	double sb, sa;            /* space before, after */
	double size, lh;
	double x, w;              /* text column: from the body's left; width */
	lb_para para;             /* HEADING, PARA, ITEM */
	bool lines, whole;        /* flows by lines; keep lines together */
	lb_para label;            /* ITEM */
	double label_x;
	double h;                 /* height when placed whole */
	tbl *t;
	chart_prep *c;
	formula_prep *f;
	sig_prep *s;
	toc_prep *toc;
	pdf_image *img;
	double iw, ih;
} prep;

typedef struct lay {
	const doc *d;
	pdf *p;
	lb_measure m;
	lk_err *e;
	bool render;
	double size, spacing, head_size; /* resolved doc->page values */
	/* the current page */
	double pw, ph, left, right, top, bottom;
	bool landscape;
	double y;
	bool empty;               /* nothing placed on it yet */
	bool soft;                /* begun because the previous one was full */
	double gap;               /* space after the previous block */
	unsigned pages;
	enum doc_numbering num, last_num;
	unsigned num_val;
	/* headings, images, centred sections */
	head_ent *head;
	size_t n_head, hi;
	void *outline[4];
	img_ent *img;
	size_t n_img;
	double *sec_h;            /* content height of each section (pass 1) */
	bool *sec_one;            /* it fits on one page */
	/* blocks prepared ahead (keep with next) */
	prep **cache;
} lay;

/* ---- small helpers ---- */

static void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (p == NULL)
		lk_fatal("out of memory");
	return p;
}

static double
maxd(double a, double b)
{
	return a > b ? a : b;
}

static void
roman(char *buf, size_t n, unsigned v)
{
	static const struct { unsigned v; const char *s; } r[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
		{ 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" },
		{ 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
	};
	size_t i, len = 0;

	if (v == 0 || v >= 4000) {
		snprintf(buf, n, "%u", v);
		return;
	}
	buf[0] = '\0';
	for (i = 0; i < sizeof r / sizeof r[0]; i++)
		while (v >= r[i].v && len + strlen(r[i].s) < n) {
			strcpy(buf + len, r[i].s);
			len += strlen(r[i].s);
			v -= r[i].v;
		}
}

static void
page_label(const lay *L, char *buf, size_t n)
{
	if (L->num == DOC_NUM_ROMAN)
		roman(buf, n, L->num_val);
	else if (L->num == DOC_NUM_ARABIC)
		snprintf(buf, n, "%u", L->num_val);
	else
		buf[0] = '\0';
}

/* The heading's text in one line: runs joined, whitespace collapsed. */
static char *
flatten(const doc_text *t)
{
	size_t total = 1, i, o = 0;
	char *s;
	bool sp = true;

	for (i = 0; i < t->n_run; i++)
		if (t->run[i].text != NULL)
			total += strlen(t->run[i].text);
	s = xcalloc(total, 1);
	for (i = 0; i < t->n_run; i++) {
		const char *r = t->run[i].text;

		for (; r != NULL && *r != '\0'; r++) {
			if ((unsigned char)*r <= ' ') {
				if (!sp)
					s[o++] = ' ';
				sp = true;
			} else {
				s[o++] = *r;
				sp = false;
			}
		}
	}
	while (o > 0 && s[o - 1] == ' ')
		o--;
	s[o] = '\0';
	return s;
}

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
		size_t len = 0;
		double bx = 0;
		unsigned bst = 0;

		/* runs of items at their natural distance go out as one
		 * string; justified gaps make separate strings */
		for (j = 0; j < ln->n_item; j++) {
			unsigned st = it[j].style & 3;
			bool join = false;

			if (len > 0 && st == bst && it[j].space &&
			    len + 1 + it[j].n < sizeof buf) {
				if (spw[st] < 0)
					spw[st] = m->width(m->ctx, st, size, " ", 1);
				join = fabs(it[j].x - (it[j - 1].x + it[j - 1].w) -
					    spw[st]) < 1e-3;
			}
			if (join) {
				buf[len++] = ' ';
			} else {
				if (len > 0)
					pdf_text(p, bst, size, x + bx, base, buf, len);
				len = 0;
				bx = it[j].x;
				bst = st;
			}
			if (it[j].n >= sizeof buf) {
				pdf_text(p, st, size, x + it[j].x, base, it[j].s,
					 it[j].n);
				len = 0;
				continue;
			}
			if (len + it[j].n >= sizeof buf) {
				pdf_text(p, bst, size, x + bx, base, buf, len);
				len = 0;
				bx = it[j].x;
			}
			memcpy(buf + len, it[j].s, it[j].n);
			len += it[j].n;
		}
		if (len > 0)
			pdf_text(p, bst, size, x + bx, base, buf, len);
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

/* ---- pages ---- */

static void
draw_page_number(lay *L)
{
	char buf[16];
	double w, base, size = L->size;

	page_label(L, buf, sizeof buf);
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
	if (L->render) {
		pdf_page(L->p, L->pw, L->ph);
		draw_page_number(L);
	}
	L->y = L->top;
	L->empty = true;
	L->soft = soft;
}

static double
body_h(const lay *L)
{
	return L->top - L->bottom;
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
	return L->empty ? 0 : maxd(L->gap, P->sb);
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

/* ---- headings: TOC entries and outline ---- */

static void
collect_headings(lay *L)
{
	const doc *d = L->d;
	size_t s, i, n = 0;

	for (s = 0; s < d->n_section; s++)
		for (i = 0; i < d->section[s].n_block; i++)
			n += d->section[s].block[i].type == DOC_HEADING &&
			     d->section[s].block[i].toc;
	L->head = xcalloc(n, sizeof *L->head);
	for (s = 0; s < d->n_section; s++)
		for (i = 0; i < d->section[s].n_block; i++) {
			const doc_block *b = &d->section[s].block[i];
			head_ent *h;

			if (b->type != DOC_HEADING || !b->toc)
				continue;
			h = &L->head[L->n_head++];
			h->b = b;
			h->level = b->level < 1 ? 1 : b->level > 3 ? 3 : b->level;
			if (b->toc_text != NULL && *b->toc_text != '\0') {
				doc_run r = { b->toc_text, 0 };
				doc_text t = { &r, 1 };

				h->text = flatten(&t);
			} else
				h->text = flatten(&b->text);
		}
}

/* A heading's first line is placed at L->y. */
static void
heading_placed(lay *L, const doc_block *b)
{
	head_ent *h;
	void *parent = NULL, *o;
	size_t i;
	int k;

	if (!b->toc)
		return;
	for (i = L->hi; i < L->n_head && L->head[i].b != b; i++)
		;
	if (i >= L->n_head)
		return;
	L->hi = i + 1;
	h = &L->head[i];
	page_label(L, h->label, sizeof h->label);
	if (!L->render)
		return;
	for (k = h->level - 1; k >= 1 && parent == NULL; k--)
		parent = L->outline[k];
	if (h->text[0] == '\0')
		return;                 /* nothing to show in the outline */
	o = pdf_outline(L->p, parent, h->text, L->y + L->size);
	L->outline[h->level] = o;
	for (k = h->level + 1; k <= 3; k++)
		L->outline[k] = NULL;
}

/* ---- preparing blocks ---- */

static img_ent *
find_img(lay *L, const char *path)
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

	P->size = s;
	P->lh = s * L->spacing;
	switch (b->type) {
	case DOC_HEADING:
		P->size = b->level <= 1 ? L->head_size :
			b->level == 2 ? (L->head_size + s) / 2 : s;
		P->lh = P->size * 1.3;
		P->sb = b->level <= 1 ? 1.5 * s : b->level == 2 ? s : 0.75 * s;
		P->sa = b->level <= 1 ? s : 0.5 * s;
		break;
	case DOC_PARA:
		P->sa = 0.5 * s;
		break;
	case DOC_ITEM:
		P->sa = 0.25 * s;
		break;
	case DOC_TABLE:
		P->sb = 0.5 * s;
		P->sa = s;
		break;
	case DOC_FORMULA:
		P->sb = P->sa = 0.75 * s;
		break;
	case DOC_SIGNATURE:
		P->sb = 1.5 * s;
		break;
	case DOC_CHART:
		P->sb = 0.75 * s;
		P->sa = s;
		break;
	case DOC_TOC:
		P->sa = s;
		break;
	case DOC_IMAGE:
		P->sb = P->sa = 0.5 * s;
		break;
	default:
		break;
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

static void
prep_formula(lay *L, prep *P)
{
	const doc_formula *src = P->b->formula;
	formula_prep *f = xcalloc(1, sizeof *f);
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
	f->frac_w = maxd(lb_max_width(&f->num), lb_max_width(&f->den)) + s * 0.6;
	f->fac_w = lb_max_width(&f->fac);
	lhs_h = (double)f->lhs.n_line * f->lh;
	num_h = (double)f->num.n_line * f->lh;
	den_h = (double)f->den.n_line * f->lh;
	fac_h = (double)f->fac.n_line * f->lh;

	/* distances down from the block's top; the rule sits on the math
	 * axis of the side texts, which are centred on it */
	half = (f->lh - (L->m.ascent + L->m.descent) * s) / 2;
	axis = half + L->m.ascent * s - 0.26 * s;   /* line top to axis */
	f->rule = maxd(num_h + f->gap,
		       maxd(axis + (lhs_h - f->lh) / 2, axis + (fac_h - f->lh) / 2));
	f->num_top = f->rule - f->gap - num_h;
	f->den_top = f->rule + f->gap;
	f->lhs_top = f->rule - axis - (lhs_h - f->lh) / 2;
	f->fac_top = f->rule - axis - (fac_h - f->lh) / 2;
	f->eq_base = f->rule + 0.26 * s;
	top = 0;
	bot = maxd(f->den_top + den_h, maxd(f->lhs_top + lhs_h, f->fac_top + fac_h));
	P->h = bot - top;
}

static void
prep_signature(lay *L, prep *P)
{
	const doc_signature *src = P->b->signature;
	sig_prep *g = xcalloc(1, sizeof *g);
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
	for (i = 0; i < 5; i++) {
		lb_break_str(&g->line[i], &L->m, txt[i], st[i], &o);
		P->h += (double)g->line[i].n_line * g->lh;
	}
	if (src->image != NULL) {
		img_ent *im = find_img(L, src->image);

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

static void
prep_toc(lay *L, prep *P)
{
	toc_prep *t = xcalloc(1, sizeof *t);
	double W = L->right - L->left, s = P->size;
	size_t i;
	lb_opts o;

	P->toc = t;
	t->para = xcalloc(L->n_head, sizeof *t->para);
	t->indent = xcalloc(L->n_head, sizeof *t->indent);
	t->style = xcalloc(L->n_head, sizeof *t->style);
	t->n = L->n_head;
	/* room for "xxviii" or "1000", whatever the numbers turn out to be */
	t->num_w = maxd(pdf_width(L->p, 0, s, "xxviii", 6),
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

static double
toc_entry_h(const lay *L, const prep *P, size_t i)
{
	const toc_prep *t = P->toc;
	double h = (double)t->para[i].n_line * t->lh;

	if (h == 0)
		return 0;               /* an empty heading: no entry */
	if (i > 0 && L->head[i].level == 1)
		h += 0.3 * P->size;
	return h;
}

static prep *
prepare(lay *L, const doc_block *b)
{
	prep *P = xcalloc(1, sizeof *P);
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

			P->t = xcalloc(1, sizeof *P->t);
			P->x = ind;
			tbl_prepare(P->t, b->table, &L->m, W - ind, L->size);
		}
		break;
	case DOC_CHART:
		if (b->chart != NULL) {
			P->c = xcalloc(1, sizeof *P->c);
			chart_prepare(P->c, b->chart, &L->m, W, L->size);
			P->h = chart_height(P->c, 0, P->c->n_bar, true);
		}
		break;
	case DOC_FORMULA:
		if (b->formula != NULL)
			prep_formula(L, P);
		break;
	case DOC_SIGNATURE:
		if (b->signature != NULL)
			prep_signature(L, P);
		break;
	case DOC_TOC:
		prep_toc(L, P);
		break;
	case DOC_IMAGE: {
		img_ent *im = find_img(L, b->image);

		if (im != NULL && im->w > 0 && im->h > 0) {
			double w = b->image_width > 0 ? b->image_width : im->w;

			if (w > W)
				w = W;
			if (w * im->h / im->w > body_h(L) * 0.9)
				w = body_h(L) * 0.9 * im->w / im->h;
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

static void
prep_free(prep *P)
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
	if (P->f != NULL) {
		lb_free(&P->f->lhs);
		lb_free(&P->f->num);
		lb_free(&P->f->den);
		lb_free(&P->f->fac);
		free(P->f);
	}
	if (P->s != NULL) {
		for (i = 0; i < 5; i++)
			lb_free(&P->s->line[i]);
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

/* ---- how much a block needs ---- */

static bool
keeps(const prep *P)
{
	return P->b->keep_with_next || P->b->type == DOC_HEADING;
}

/* Height that must fit for the block to start on this page. */
static double
start_need(const lay *L, const prep *P)
{
	size_t n = P->para.n_line;

	if (P->lines) {
		if (P->whole || n <= 3)
			return P->h;
		return 2 * P->lh;
	}
	switch (P->b->type) {
	case DOC_TABLE:
		return P->t ? tbl_start_need(P->t, body_h(L)) : 0;
	case DOC_CHART:
		if (P->c == NULL)
			return 0;
		if (P->h <= body_h(L))
			return P->h;
		return chart_height(P->c, 0, P->c->n_bar ? 1 : 0, true);
	case DOC_TOC:
		for (size_t i = 0; i < L->n_head; i++)
			if (toc_entry_h(L, P, i) > 0)
				return toc_entry_h(L, P, i);
		return 0;
	case DOC_PAGEBREAK:
		return 0;
	default:
		return P->h;
	}
}

/* Height of the block when all of it must stay with the next one. */
static double
whole_need(const lay *L, const prep *P)
{
	if (P->lines || P->b->type == DOC_SPACE || P->b->type == DOC_FORMULA ||
	    P->b->type == DOC_SIGNATURE || P->b->type == DOC_IMAGE ||
	    (P->b->type == DOC_CHART && P->h <= body_h(L)))
		return P->h;
	return start_need(L, P);
}

static prep *
cached(lay *L, const doc_section *sec, size_t i)
{
	if (L->cache[i] == NULL)
		L->cache[i] = prepare(L, &sec->block[i]);
	return L->cache[i];
}

/* What must fit from block i on when it keeps with what follows. */
static double
chain_need(lay *L, const doc_section *sec, size_t i, int depth)
{
	prep *P = cached(L, sec, i), *N;
	double h;

	if (!keeps(P) || i + 1 >= sec->n_block || depth >= KEEP_DEPTH ||
	    sec->block[i + 1].type == DOC_PAGEBREAK)
		return depth == 0 ? whole_need(L, P) : start_need(L, P);
	N = cached(L, sec, i + 1);
	h = whole_need(L, P) + maxd(P->sa, N->sb);
	if (keeps(N))
		return h + chain_need(L, sec, i + 1, depth + 1);
	return h + start_need(L, N);
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
	start_block(L, P, start_need(L, P));
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
			heading_placed(L, b);
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
	*rc = tbl_plan(t, room(L) - sp, body_h(L), L->empty, L->e);
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
	start_block(L, P, start_need(L, P));
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
draw_toc_entry(lay *L, const prep *P, size_t i, double top)
{
	const toc_prep *t = P->toc;
	const lb_para *pa = &t->para[i];
	const lb_line *last = &pa->line[pa->n_line - 1];
	const char *num = L->head[i].prev;
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

static void
place_toc(lay *L, prep *P)
{
	const toc_prep *t = P->toc;
	size_t i;

	if (L->n_head == 0)
		return;
	start_block(L, P, start_need(L, P));
	for (i = 0; i < L->n_head; i++) {
		double h = toc_entry_h(L, P, i), lines;

		if (h == 0)
			continue;
		if (h > room(L) + EPS && !L->empty)
			new_page(L, true);
		lines = (double)t->para[i].n_line * t->lh;
		if (L->empty)
			h = lines;      /* no extra space at the top */
		if (L->render && t->para[i].n_line > 0)
			draw_toc_entry(L, P, i, L->y - (h - lines));
		L->y -= h;
		L->empty = false;
	}
}

static void
draw_formula(lay *L, const prep *P)
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

static void
draw_signature(lay *L, const prep *P)
{
	const sig_prep *g = P->s;
	double x = L->left + P->x, y = L->y;
	int i;

	for (i = 0; i < 5; i++) {
		if (i == 2) {   /* room for the signature */
			if (g->img != NULL)
				pdf_image_draw(L->p, g->img,
					       x + (P->w - g->img_w) / 2,
					       y - g->room / 2 - g->img_h / 2,
					       g->img_w, g->img_h);
			y -= g->room;
		}
		lay_draw_lines(L->p, &L->m, &g->line[i], 0, g->line[i].n_line, x,
			       y, P->size, g->lh);
		y -= (double)g->line[i].n_line * g->lh;
	}
}

/* Blocks kept whole: formula, signature, image, space. */
static int
place_whole(lay *L, prep *P)
{
	const doc_block *b = P->b;

	if (P->h > body_h(L) + EPS && b->type != DOC_SPACE)
		return lk_fail(L->e, EX_DATAERR, "a %s block (%.0f pt) is taller "
			       "than the page's text area (%.0f pt)",
			       b->type == DOC_FORMULA ? "formula" :
			       b->type == DOC_SIGNATURE ? "signature" : "image",
			       P->h, body_h(L));
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
			draw_formula(L, P);
		else if (b->type == DOC_SIGNATURE)
			draw_signature(L, P);
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
	L->left = maxd(pg->margin_left, 0);
	L->right = L->pw - maxd(pg->margin_right, 0);
	L->top = L->ph - maxd(pg->margin_top, 0);
	L->bottom = maxd(pg->margin_bottom, 0);
}

static int
lay_section(lay *L, size_t si)
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
		L->y = L->top - (body_h(L) - L->sec_h[si]) / 2;

	L->cache = xcalloc(s->n_block, sizeof *L->cache);
	for (i = 0; i < s->n_block && rc == 0; i++) {
		prep *P = cached(L, s, i);

		if (keeps(P) && i + 1 < s->n_block && !L->empty) {
			double need = chain_need(L, s, i, 0);

			if (need <= body_h(L) + EPS &&
			    need > room(L) - space_before(L, P) + EPS)
				new_page(L, true);
		}
		rc = place(L, P);
		prep_free(P);
		L->cache[i] = NULL;
	}
	for (i = 0; i < s->n_block; i++)
		prep_free(L->cache[i]);
	free(L->cache);
	L->cache = NULL;
	if (!L->render && s->vertical_center) {
		L->sec_one[si] = L->pages == first_page;
		L->sec_h[si] = L->top - L->y;
	}
	return rc;
}

static int
lay_pass(lay *L, bool render)
{
	size_t si, i;
	int rc = 0;

	L->render = render;
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
	for (i = 0; i < L->n_head; i++)
		memcpy(L->head[i].prev, L->head[i].label, sizeof L->head[i].prev);
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
		return lk_fail(L->e, EX_DATAERR, "page size %gx%g pt is not "
			       "possible (at most %g pt)", w, h, MAX_PAGE);
	L->size = pg->font_size > 0 && isfinite(pg->font_size) ?
		  pg->font_size : 12;
	L->spacing = pg->line_spacing > 0 && isfinite(pg->line_spacing) ?
		     pg->line_spacing : 1.5;
	L->head_size = pg->heading_size > 0 && isfinite(pg->heading_size) ?
		       pg->heading_size : L->size + 2;
	/* both orientations must leave room for a few lines */
	bw = (w < h ? w : h) - maxd(pg->margin_left, 0) - maxd(pg->margin_right, 0);
	bh = (w < h ? w : h) - maxd(pg->margin_top, 0) - maxd(pg->margin_bottom, 0);
	if (!isfinite(bw) || !isfinite(bh) || bw < 4 * L->size ||
	    bh < 8 * L->size * L->spacing)
		return lk_fail(L->e, EX_DATAERR, "the page margins leave too "
			       "little room for text (%.0f x %.0f pt)", bw, bh);
	return 0;
}

static int
load_image(lay *L, const char *path)
{
	img_ent *im;
	int rc;

	if (path == NULL || find_img(L, path) != NULL)
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

static int
load_images(lay *L)
{
	const doc *d = L->d;
	size_t s, i, n = 0;
	int rc = 0;

	for (s = 0; s < d->n_section; s++)
		n += d->section[s].n_block;
	L->img = xcalloc(n, sizeof *L->img);
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

static long long
created_time(const doc *d)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (s != NULL && *s != '\0') {
		errno = 0;
		v = strtoll(s, &end, 10);
		if (errno == 0 && *end == '\0' && v >= 0)
			return v;
	}
	if (d->info.created > 0)
		return (long long)d->info.created;
	return (long long)time(NULL);
}

/* ---- output file ---- */

/* Creates an empty temporary file next to path (mode 0666 & ~umask). */
static int
make_temp(const char *path, char **tmp, lk_err *e)
{
	const char *slash = strrchr(path, '/');
	size_t dlen = slash ? (size_t)(slash - path) : 0;
	const char *base = slash ? slash + 1 : path;
	char dir[PATH_MAX];
	mode_t um;
	int fd;

	*tmp = NULL;
	if (*base == '\0')
		return lk_fail(e, EX_CANTCREAT, "cannot create %s: not a file "
			       "name", path);
	if (slash == path)
		dlen = 1;
	if (dlen >= sizeof dir)
		return lk_fail(e, EX_CANTCREAT, "cannot create %s: name too "
			       "long", path);
	memcpy(dir, slash ? path : ".", slash ? dlen : 1);
	dir[slash ? dlen : 1] = '\0';
	*tmp = malloc(strlen(path) + 16);
	if (*tmp == NULL)
		lk_fatal("out of memory");
	/* "dir/.name.XXXXXX": hidden, in the target's directory */
	snprintf(*tmp, strlen(path) + 16, "%.*s.%s.XXXXXX",
		 (int)(base - path), path, base);
	fd = mkstemp(*tmp);
	if (fd < 0) {
		int err = errno;

		free(*tmp);
		*tmp = NULL;
		return lk_fail(e, EX_CANTCREAT, "cannot create %s: cannot write "
			       "in directory %s: %s", path, dir, strerror(err));
	}
	um = umask(0);
	umask(um);
	if (fchmod(fd, 0666 & ~um) != 0) {
		/* not fatal: mkstemp's 0600 is safe */
	}
	close(fd);
	return 0;
}

static int
finish_file(const char *tmp, const char *path, unsigned long *bytes,
	    lk_err *e)
{
	struct stat st;
	int fd = open(tmp, O_RDONLY);

	if (fd < 0)
		return lk_fail(e, EX_IOERR, "cannot reopen %s: %s", tmp,
			       strerror(errno));
	if (fsync(fd) != 0 || fstat(fd, &st) != 0) {
		int err = errno;

		close(fd);
		return lk_fail(e, EX_IOERR, "cannot write %s: %s", tmp,
			       strerror(err));
	}
	close(fd);
	if (rename(tmp, path) != 0)
		return lk_fail(e, EX_CANTCREAT, "cannot create %s: %s", path,
			       strerror(errno));
	*bytes = (unsigned long)st.st_size;
	return 0;
}

/* ---- the public function ---- */

int
layout_write_pdf(const doc *d, const char *path, layout_result *res,
		 lk_err *e)
{
	lay L;
	char *tmp = NULL;
	unsigned long bytes = 0;
	size_t i;
	int rc;

	memset(&L, 0, sizeof L);
	L.d = d;
	L.e = e;
	if (res != NULL)
		res->pages = 0, res->bytes = 0;
	if ((rc = check_doc(&L)) != 0)
		return rc;
	if ((rc = pdf_new(&L.p, &d->page.font, e)) != 0)
		return rc;
	L.m.width = pdf_width;
	L.m.ctx = L.p;
	pdf_metrics(L.p, &L.m.ascent, &L.m.descent);
	L.sec_h = xcalloc(d->n_section, sizeof *L.sec_h);
	L.sec_one = xcalloc(d->n_section, sizeof *L.sec_one);
	collect_headings(&L);
	if ((rc = load_images(&L)) != 0)
		goto out;
	if ((rc = make_temp(path, &tmp, e)) != 0)
		goto out;
	if ((rc = lay_pass(&L, false)) != 0 || (rc = lay_pass(&L, true)) != 0)
		goto out;
	if (L.n_head > 0)
		pdf_show_outline(L.p);
	pdf_info(L.p, &d->info, created_time(d));
	if ((rc = pdf_save(L.p, tmp, e)) != 0)
		goto out;
	if ((rc = finish_file(tmp, path, &bytes, e)) != 0)
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
	for (i = 0; i < L.n_head; i++)
		free(L.head[i].text);
	free(L.head);
	free(L.img);
	free(L.sec_h);
	free(L.sec_one);
	pdf_free(L.p);
	return rc;
}
