/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* markup.h - the narrative markup of the exchange format, as doc blocks.
 *
 * Owns: turning a narrative (spec/exchange-format.md) into paragraphs and
 * list items with inline styles:
 *   - paragraphs are separated by a blank line; the lines of a paragraph
 *     are joined with a space;
 *   - a line starting with "- ", "1. ", "a. ", "1) " or "a) " (1 to 3
 *     digits, one lower-case letter) is a list item with that label; "-"
 *     is printed as an en dash;
 *   - the following indented lines continue the item; an indented line
 *     that is itself an item, more indented than the item above it, is a
 *     nested item; a line that is not indented ends the list;
 *   - "**bold**" and "*italic*": a marker opens when followed by a
 *     non-space and closes when preceded by one; markers that find no
 *     partner are printed as they are, as is "\*";
 * Never fails: any text is some blocks.  Memory belongs to the doc.
 */
#ifndef LK_MARKUP_H
#define LK_MARKUP_H

#include <stddef.h>

#include "report/doc.h"

/* Indent of a nested list level, in points. */
#define MARKUP_INDENT 18.0

/* Applied to the text of every run after the markup is parsed (so that
 * values put in by it are never read as markup): returns the new text, in
 * the doc's arena.  ctx is the caller's. */
typedef const char *(*markup_isi_fn)(void *ctx, const char *text);

typedef struct markup_opts {
	markup_isi_fn isi;       /* NULL: text as written */
	void *ctx;
	double indent;           /* added to every block's indent */
	/* names (the agency's, its head's): wherever the text (once
	 * filled) holds one, that part is a run of its own marked
	 * DOC_NAME, never hyphenated; NULL-terminated, or NULL */
	const char *const *names;
} markup_opts;

/* Append the blocks of src to s (DOC_PARA, DOC_ITEM); o may be NULL.
 * Returns the number of blocks added (0 for an empty or blank text). */
size_t markup_blocks(doc *d, doc_section *s, const char *src,
		     const markup_opts *o);

/* The inline styles of one piece of text (no paragraphs or lists: line
 * breaks become spaces). */
doc_text markup_inline(doc *d, const char *src, const markup_opts *o);

#endif
