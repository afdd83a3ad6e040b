/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* html.h - a document as one self-contained HTML page.
 *
 * Owns: writing the document model (doc.h) that the PDF is laid out from
 * as HTML5 an agency can publish on its website: the same sections,
 * headings, paragraphs, tables (header rows, spans, shading, the JUMLAH
 * row), formulas, signature blocks and charts, in the same order and
 * words.  Self-contained: one file, the style sheet inline, images as
 * data: URIs, charts as inline SVG; no script, no reference outside the
 * file.  Page layout (line breaks, page breaks, page numbers) is the
 * browser's: the table of contents links to the headings instead.
 * Errors: EX_IOERR (cannot write), EX_DATAERR/EX_NOINPUT (an image that
 * is not a good PNG), naming the file.
 */
#ifndef LK_HTML_H
#define LK_HTML_H

#include <stdio.h>

#include "core/err.h"
#include "report/doc.h"

/* Write d to f as a whole HTML page.  name names f in messages. */
int html_write(const doc *d, FILE *f, const char *name, lk_err *e);

#endif
