/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* doc.h - what the report says, before any layout.
 *
 * Owns: the document model between the report builder (build.c: rencana +
 * kinerja + template -> doc) and the layout engine (layout*.c: doc ->
 * pages -> PDF).  A doc is a list of sections; a section is a list of
 * blocks on pages of one orientation and one page-number style.  Text is
 * UTF-8 in runs of one style.  All memory belongs to doc->mem.
 *
 * The builder decides what is said and in which order; the layout decides
 * where it goes: line breaks, justification, page breaks, repeated table
 * headers, page numbers, the table of contents and the outline.
 */
#ifndef LK_DOC_H
#define LK_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"

enum doc_style {              /* bits of a run's style */
	DOC_BOLD = 1,
	DOC_ITALIC = 2,
	DOC_UNDERLINE = 4,
	DOC_NAME = 8,             /* a name: never hyphenated */
};

typedef struct doc_run {
	const char *text;
	unsigned style;
} doc_run;

/* Inline text: runs, in order.  Line breaks inside a run ("\n") are hard
 * breaks. */
typedef struct doc_text {
	doc_run *run;
	size_t n_run;
} doc_text;

enum doc_align { DOC_JUSTIFY = 0, DOC_LEFT, DOC_CENTER, DOC_RIGHT };

enum doc_block_type {
	DOC_HEADING,      /* chapter or section title; kept with what follows */
	DOC_PARA,         /* paragraph */
	DOC_ITEM,         /* list item: label hangs left of the text */
	DOC_TABLE,
	DOC_FORMULA,      /* lhs = numerator / denominator x factor */
	DOC_SIGNATURE,    /* signature block, right half of the page (and,
	                   * with kiri, a second one in the left half) */
	DOC_CHART,        /* horizontal bar chart */
	DOC_TREND,        /* line chart of values over the years */
	DOC_TOC,          /* table of contents, filled by the layout */
	DOC_IMAGE,        /* PNG, centred (cover logo) */
	DOC_SPACE,        /* vertical space in points */
	DOC_PAGEBREAK,
};

typedef struct doc_cell {
	doc_text text;
	enum doc_align align;
	unsigned colspan;     /* >= 1 */
	unsigned rowspan;     /* >= 1: rows spanned are kept on one page */
	bool shade;           /* light grey background (header rows) */
} doc_cell;

typedef struct doc_row {
	doc_cell *cell;       /* cells that start in this row, left to right */
	size_t n_cell;
	bool bold;            /* e.g. the JUMLAH row */
} doc_row;

typedef struct doc_table {
	double *width;        /* relative column widths (sum arbitrary) */
	size_t n_col;
	doc_row *head;        /* header rows, repeated on every page */
	size_t n_head;
	doc_row *body;
	size_t n_body;
	doc_text title;       /* caption above, may be empty */
	doc_text note;        /* note below, may be empty */
	double font_size;     /* 0: the body size minus one point */
} doc_table;

typedef struct doc_formula {
	doc_text lhs;         /* "Capaian Indikator Kinerja" */
	doc_text numerator;   /* "Realisasi" */
	doc_text denominator; /* "Rencana" */
	doc_text factor;      /* "x 100%" */
} doc_formula;

typedef struct doc_signature {
	const char *place_date;   /* "Palangka Raya, 14 Juli 2023" */
	const char *jabatan;      /* printed in capitals as given */
	const char *image;        /* PNG of a scanned signature, or NULL */
	const char *nama;         /* bold and underlined */
	const char *pangkat;      /* may be NULL */
	const char *nip;          /* "NIP. 19661022 199308 1 001", may be NULL */
	const char *qr_text;      /* verification text drawn as a QR code beside
	                           * the block (signed reports), or NULL */
	/* A second signer printed in the left half, level with this one
	 * line by line (an agreement's two parties), or NULL; its own
	 * qr_text and kiri are not used. */
	struct doc_signature *kiri;
} doc_signature;

typedef struct doc_bar {
	const char *label;
	bool ada;             /* false: no value (drawn as "belum ada data") */
	int64_t value;        /* hundredths of a percent */
	const char *value_text; /* "101,02%" */
} doc_bar;

typedef struct doc_chart {
	doc_text title;
	doc_bar *bar;
	size_t n_bar;
	int64_t reference;    /* reference line, hundredths (10000 = 100%) */
	const char *reference_label; /* "100%" */
} doc_chart;

/* One year of a trend chart: its realisation and its target, each
 * x10^4 where known, and as printed ("76,50"). */
typedef struct doc_trend_point {
	const char *label;        /* "2023" */
	bool ada_realisasi, ada_target;
	int64_t realisasi, target;
	const char *realisasi_text, *target_text;
} doc_trend_point;

/* The years of an indicator: realisation drawn as a solid line with
 * filled markers, the target as a dashed line with open markers, the
 * values in a small table under the axis (one row per series).  Kept on
 * one page. */
typedef struct doc_trend {
	doc_text title;
	const char *realisasi_label;  /* "Realisasi" */
	const char *target_label;     /* "Target Renstra" */
	doc_trend_point *point;
	size_t n_point;
} doc_trend;

/* A trend chart's value axis as the PDF draws it (chart_trend.c): ticks
 * lo, lo + step, ... hi (x10^4, n_tick of them: round steps of 1, 2 or 5
 * times a power of ten covering every value), for the HTML's drawing. */
typedef struct doc_trend_axis {
	int64_t lo, hi, step;
	size_t n_tick;
} doc_trend_axis;

void doc_trend_axis_of(const doc_trend *t, doc_trend_axis *a);

typedef struct doc_block {
	enum doc_block_type type;
	/* DOC_HEADING: level 1 = chapter (own page unless continuing), 2, 3.
	 * outline/toc: appears in the PDF outline and the table of contents. */
	int level;
	bool toc;
	const char *toc_text;     /* text in the TOC/outline; NULL = heading text */
	/* DOC_HEADING, DOC_PARA, DOC_ITEM */
	doc_text text;
	enum doc_align align;
	double size;              /* font size in points; 0 = default for type */
	double indent;            /* left indent in points (nested lists) */
	const char *label;        /* DOC_ITEM: "1.", "a.", "-", "1)" */
	double hang;              /* DOC_ITEM: the label's width in points (a
	                           * column of labels); 0 = from the label */
	double space_before;      /* points; 0 = default */
	double space_after;
	bool keep_with_next;
	/* other types */
	doc_table *table;
	doc_formula *formula;
	doc_signature *signature;
	doc_chart *chart;
	doc_trend *trend;         /* DOC_TREND: drawn in the left half, */
	doc_trend *trend2;        /* and this one beside it (NULL: the
	                           * first one alone, centred) */
	const char *image;        /* DOC_IMAGE: PNG path */
	double image_width;       /* points */
	double points;            /* DOC_SPACE */
} doc_block;

enum doc_numbering { DOC_NUM_NONE, DOC_NUM_ROMAN, DOC_NUM_ARABIC };

typedef struct doc_section {
	const char *name;         /* for messages: "sampul", "bab1" */
	bool landscape;
	enum doc_numbering numbering;
	bool restart_numbering;   /* start again at 1 */
	bool new_page;            /* start on a new page (default true) */
	bool vertical_center;     /* cover: content centred on the page */
	doc_block *block;
	size_t n_block;
} doc_section;

typedef struct doc_font_set {
	const char *regular, *bold, *italic, *bold_italic;   /* TTF paths */
} doc_font_set;

typedef struct doc_page {
	double width, height;     /* points, portrait */
	double margin_top, margin_bottom, margin_left, margin_right;
	double font_size;         /* body text */
	double line_spacing;      /* multiple of the font size, e.g. 1.5 */
	double heading_size;
	doc_font_set font;
} doc_page;

typedef struct doc_info {
	const char *title, *author, *subject, *keywords;
	const char *creator;      /* "lakip 0.1.0" */
	int64_t created;          /* seconds since the epoch (SOURCE_DATE_EPOCH wins) */
} doc_info;

typedef struct doc {
	arena mem;
	doc_info info;
	doc_page page;
	doc_section *section;
	size_t n_section;
} doc;

/* Constructors (doc.c).  doc_new never fails (out of memory is fatal). */
doc *doc_new(void);
void doc_free(doc *d);
doc_section *doc_add_section(doc *d, const char *name);
doc_block *doc_add_block(doc *d, doc_section *s, enum doc_block_type t);
/* The first signature block of the document, or NULL. */
doc_signature *doc_find_signature(doc *d);

/* Plain text as one run of the given style. */
doc_text doc_plain(doc *d, const char *text, unsigned style);

/* Helpers (doc.c).  Everything lives in d->mem.  Arrays grow by copying:
 * a pointer returned by an add function (section, block, row, cell) stays
 * valid until the next add to the same array, so fill a row before adding
 * the next, and a section before adding the next section. */
char *doc_strdup(doc *d, const char *s);
char *doc_printf(doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Append a run to t (nothing when text is NULL or empty). */
void doc_text_add(doc *d, doc_text *t, const char *text, unsigned style);
/* The runs' text concatenated, styles dropped (messages, tests). */
char *doc_text_str(doc *d, const doc_text *t);
/* Upper case of UTF-8 text (mbrtowc + towupper + wcrtomb in the current
 * locale, which must be UTF-8 for letters beyond ASCII; a byte that does
 * not decode is copied as it is). */
char *doc_upper(doc *d, const char *s);
/* A paragraph of one run. */
doc_block *doc_add_para(doc *d, doc_section *s, const char *text,
			unsigned style, enum doc_align align);
/* A heading; a text with hard breaks ("BAB I\nKINERJA") gets toc_text
 * with the breaks as spaces. */
doc_block *doc_add_heading(doc *d, doc_section *s, int level,
			   const char *text, bool toc);
/* A table of n_col columns with relative widths (NULL: all equal). */
doc_table *doc_table_new(doc *d, size_t n_col, const double *width);
doc_row *doc_table_add_row(doc *d, doc_table *t, bool head);
/* A cell of one plain run (text may be NULL: empty), colspan/rowspan 1. */
doc_cell *doc_row_add_cell(doc *d, doc_row *r, const char *text,
			   enum doc_align align);

#endif
