/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* layout.h - lay a doc out on pages and write it as PDF (libharu).
 *
 * Owns: line breaking on measured widths, justification by word
 * placement, lists with hanging indents, tables across pages (header rows
 * repeated, rows not split unless taller than a page), keeping headings
 * with what follows, widows and orphans, page numbers (roman / arabic),
 * the table of contents (two passes), the PDF outline and metadata.
 *
 * The PDF is written to a temporary file in the target directory and
 * renamed over `path` only when complete.
 * Errors: EX_CANTCREAT (output cannot be created), EX_NOINPUT (a font or
 * image file missing: the message names it), EX_DATAERR (a broken PNG),
 * EX_IOERR, EX_SOFTWARE (libharu failure, with its error code).
 */
#ifndef LK_LAYOUT_H
#define LK_LAYOUT_H

#include "core/err.h"
#include "report/doc.h"

typedef struct layout_result {
	unsigned pages;
	unsigned long bytes;
} layout_result;

int layout_write_pdf(const doc *d, const char *path, layout_result *res,
		     lk_err *e);

#endif
