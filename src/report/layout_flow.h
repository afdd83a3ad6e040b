/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* layout_flow.h - the state of the page flow, shared by the layout's files.
 *
 * Owns nothing itself: it declares what layout.c (the flow of blocks onto
 * pages, the pass) shares with layout_prep.c (blocks prepared: broken
 * into lines and measured; the room they need), layout_blocks.c
 * (formula, signature, table of contents and text lines: prepared and
 * drawn), layout_late.c (sections drawn last), layout_outline.c
 * (headings: TOC entries, page labels, the PDF outline) and
 * layout_file.c (the output file).  Not for the tests: layout_int.h is
 * their interface.
 * Memory: a prep and what it points to are malloc'ed (lay_prep_free);
 * the lay's arrays are freed by layout_write_pdf.
 */
#ifndef LK_LAYOUT_FLOW_H
#define LK_LAYOUT_FLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

#include "core/err.h"
#include "report/doc.h"
#include "report/hyph.h"
#include "report/layout_int.h"
#include "report/linebreak.h"
#include "report/pdf.h"

#define LAY_EPS 1e-6

typedef struct head_ent {         /* a heading for the TOC and the outline */
	const doc_block *b;
	int level;
	char *text;               /* toc_text, or the heading flattened */
	char label[16];           /* page number as printed */
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
	bool kiri;                /* a second signer in the left half */
	lb_para kiri_line[5];
	size_t n[5];              /* lines of each slot: the more of the two */
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
	trend_prep *tr;           /* DOC_TREND: two, the second may be unused */
	double tr_x[2];           /* their left edges, from the body's left */
	formula_prep *f;
	sig_prep *s;
	toc_prep *toc;
	pdf_image *img;
	double iw, ih;
} prep;

/* What a run over blocks does with the PDF.  A section with a table of
 * contents is run twice: LAY_RESERVE takes its pages (and its outline
 * entries) in the flow; LAY_REPLAY draws it on them at the end, when
 * every heading's page is known. */
enum lay_mode {
	LAY_MEASURE,              /* nothing: sizes only */
	LAY_DRAW,                 /* new pages, drawing, outline */
	LAY_RESERVE,              /* new pages and outline, no drawing */
	LAY_REPLAY,               /* drawing on the reserved pages */
};

typedef struct lay lay;

typedef struct lay_late {         /* sections drawn at the end */
	void **page;              /* pages reserved, in order */
	size_t n_page, cap_page, at;
	struct {
		size_t si;
		size_t page0;     /* its first page in page[] */
		lay *state;       /* the flow as the section began */
	} *sec;
	size_t n_sec;
} lay_late;

struct lay {
	const doc *d;
	pdf *p;
	const hyph *hy;           /* Indonesian hyphenation (justified text) */
	lb_measure m;
	lk_err *e;
	enum lay_mode mode;
	bool render;              /* draws: LAY_DRAW or LAY_REPLAY */
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
	lay_late *late;           /* shared by every copy of the flow */
};

/* ---- small helpers ---- */

static inline void *
lay_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (p == NULL)
		lk_fatal("out of memory");
	return p;
}

static inline double
lay_maxd(double a, double b)
{
	return a > b ? a : b;
}

/* Height of the current page's text area. */
static inline double
lay_body_h(const lay *L)
{
	return L->top - L->bottom;
}

static inline void
lay_set_mode(lay *L, enum lay_mode m)
{
	L->mode = m;
	L->render = m == LAY_DRAW || m == LAY_REPLAY;
}

/* ---- the flow (layout.c) ---- */

/* Places the blocks of section si from the current state. */
int lay_run_section(lay *L, size_t si);

/* ---- sections drawn last (layout_late.c) ---- */

/* Section si: run now, or, when it has a table of contents and the flow
 * draws, its pages taken now and the section kept for lay_draw_late. */
int lay_section(lay *L, size_t si);
/* The current page is reserved for a section drawn last. */
void lay_reserve_page(lay *L);
/* Draws the kept sections on their pages; the flow then is as before. */
int lay_draw_late(lay *L);
void lay_free_late(lay_late *lt);

/* ---- headings, page labels, outline (layout_outline.c) ---- */

/* The current page's number as printed ("" when not numbered). */
void lay_page_label(const lay *L, char *buf, size_t n);
/* Fills L->head with the headings that go into the TOC and outline. */
void lay_collect_headings(lay *L);
/* A heading's first line is placed at L->y: records its page and, when
 * drawing, adds its outline entry. */
void lay_heading_placed(lay *L, const doc_block *b);

/* ---- preparing blocks (layout_prep.c) ---- */

/* Block b broken into lines and measured for the current page's width. */
prep *lay_prepare(lay *L, const doc_block *b);
void lay_prep_free(prep *P);
img_ent *lay_find_img(lay *L, const char *path);
/* Checks and loads every image the doc names, once each. */
int lay_load_images(lay *L);
/* Whether P keeps with the block after it (headings always do). */
bool lay_keeps(const prep *P);
/* Height that must fit for P to start on the current page. */
double lay_start_need(const lay *L, const prep *P);
/* Height of P when all of it must stay with the next block. */
double lay_whole_need(const lay *L, const prep *P);
/* Block i of sec, prepared once (L->cache) for look-ahead and placing. */
prep *lay_cached(lay *L, const doc_section *sec, size_t i);
/* What must fit from block i on when it keeps with what follows. */
double lay_chain_need(lay *L, const doc_section *sec, size_t i, int depth);

/* ---- formula, signature, TOC (layout_blocks.c) ---- */

void lay_prep_formula(lay *L, prep *P);
void lay_prep_signature(lay *L, prep *P);
void lay_prep_toc(lay *L, prep *P);
/* Height of TOC entry i (0: an empty heading, no entry). */
double lay_toc_entry_h(const lay *L, const prep *P, size_t i);
/* Draws TOC entry i of P with its top at page y `top`. */
void lay_draw_toc_entry(lay *L, const prep *P, size_t i, double top);
void lay_draw_formula(lay *L, const prep *P);
void lay_draw_signature(lay *L, const prep *P);

/* ---- the output file (layout_file.c) ---- */

/* SOURCE_DATE_EPOCH, else the doc's time, else now. */
long long lay_created_time(const doc *d);
/* Creates an empty temporary file next to path; *tmp is malloc'ed. */
int lay_make_temp(const char *path, char **tmp, lk_err *e);
/* Syncs tmp, renames it over path and gives its size. */
int lay_finish_file(const char *tmp, const char *path, unsigned long *bytes,
		    lk_err *e);

#endif
