/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* linebreak.h - styled text broken into lines of measured width.
 *
 * Owns: splitting a doc_text (runs of one style each, UTF-8) into words,
 * measuring every word once through a callback, line breaking (justified
 * text: the breaks with the least total badness over the paragraph, as
 * in TeX, with hyphenation when asked; other alignments: greedy), breaking a
 * word that is wider than the line at character boundaries
 * (never inside a UTF-8 sequence), and placing each piece on its line:
 * justified lines get the extra space spread evenly over their word gaps
 * so the last piece ends exactly at the line width; the last line of a
 * paragraph and lines ending with a hard break ("\n") stay left-aligned.
 * A word hyphenated at a line's end gets a soft hyphen (U+00AD) as its
 * own last item: drawn as a hyphen, extracted as not part of the text.
 *
 * Knows nothing of PDF: the caller supplies the measuring function (the
 * layout uses the PDF fonts, the tests a fixed-width fake).
 * Memory: an lb_para owns its arrays (malloc); lb_free releases them.
 * Items point into the caller's text, which must outlive the lb_para.
 * Out of memory is fatal (lk_fatal); breaking never fails otherwise.
 */
#ifndef LK_LINEBREAK_H
#define LK_LINEBREAK_H

#include <stdbool.h>
#include <stddef.h>

#include "report/doc.h"

/* Width in points of the n bytes at s (whole UTF-8 characters) in the
 * given style (DOC_BOLD | DOC_ITALIC; DOC_UNDERLINE does not change the
 * width) at the given font size. */
typedef double (*lb_width_fn)(void *ctx, unsigned style, double size,
			      const char *s, size_t n);

typedef struct lb_measure {
	lb_width_fn width;
	void *ctx;
	double ascent, descent;   /* of the body font, fractions of the size */
} lb_measure;

typedef struct lb_item {      /* a piece of text placed on a line */
	const char *s;        /* UTF-8, not NUL-terminated */
	size_t n;
	unsigned style;
	double x, w;          /* offset from the line's left edge; width */
	double gap;           /* natural gap before it (0: first or glued) */
	bool space;           /* the gap is a word space (stretchable) */
	bool ul_gap;          /* the gap before it is underlined too */
} lb_item;

typedef struct lb_line {
	size_t item, n_item;  /* items [item, item + n_item) */
	double width;         /* natural width (before justification) */
	double cs;            /* character spacing (PDF Tc) of a justified
	                       * line whose spaces would otherwise pass
	                       * twice their width; items' x include it, w
	                       * does not (an item is w + cs per character) */
	bool hard;            /* last line or ends with a hard break */
} lb_line;

typedef struct lb_para {
	lb_item *item;
	size_t n_item, cap_item;
	lb_line *line;
	size_t n_line, cap_line;
	char *own;            /* repaired copy of invalid UTF-8 text, or NULL */
} lb_para;

typedef struct lb_opts {
	double size;          /* font size, points */
	unsigned style;       /* or-ed into every run (bold rows, headings) */
	double width;         /* line width, points */
	enum doc_align align; /* DOC_JUSTIFY, DOC_LEFT, DOC_CENTER, DOC_RIGHT */
	bool hyphen_breaks;   /* may break after a hyphen between letters */
	bool track;           /* justified text: letters spaced a little
	                       * (at most 4% of the size) rather than word
	                       * spaces stretched past twice their width */
	const struct hyph *hyph; /* justified text: may hyphenate words
	                       * (hyph.h; never the last word of a
	                       * paragraph); NULL: never */
} lb_opts;

void lb_init(lb_para *p);
void lb_free(lb_para *p);

/* Breaks t into lines of o->width (previous contents of p are dropped).
 * Empty text gives no lines.  Every line's pieces fit within o->width,
 * unless a single character is wider than the line (then it stands alone
 * on its line). */
void lb_break(lb_para *p, const lb_measure *m, const doc_text *t,
	      const lb_opts *o);

/* Same for a plain string in one style. */
void lb_break_str(lb_para *p, const lb_measure *m, const char *s,
		  unsigned style, const lb_opts *o);

/* Widest natural line of a broken paragraph. */
double lb_max_width(const lb_para *p);
/* The characters of the n bytes of UTF-8 at s. */
size_t lb_chars(const char *s, size_t n);

/* Number of bytes of the UTF-8 character starting at s[0] (1 for an
 * invalid byte), at most n. */
size_t lb_utf8_len(const char *s, size_t n);

#endif
