/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* update_int.h - writing an incremental update (internal to src/sign):
 * a growing buffer, raw copies of a parsed dictionary's pairs and an
 * array's items, a classic xref section.  sign.c (the signature's update)
 * and dss.c (the validation data's update) share them.
 * Memory: an sbuf's p is malloc'ed (free()); out of memory is fatal.
 */
#ifndef LK_SIGN_UPDATE_INT_H
#define LK_SIGN_UPDATE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "pdfparse.h"

typedef struct sbuf {
	unsigned char *p;
	size_t n, cap;
} sbuf;

void sb_put(sbuf *b, const void *p, size_t n);
void sb_puts(sbuf *b, const char *s);
void sb_printf(sbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* v's bytes as they are in the file. */
void sb_raw(sbuf *b, const pp_doc *d, const pp_val *v);
/* dict's pairs, each on a line, but those named in skip (NULL-ended). */
void sb_copy_pairs(sbuf *b, pp_doc *d, const pp_val *dict,
		   const char *const *skip);
/* arr's items, each followed by a space (nothing for a non-array). */
void sb_copy_items(sbuf *b, pp_doc *d, const pp_val *arr);

typedef struct xent {
	uint32_t num, gen;
	size_t off;
} xent;
/* "xref" and its subsections for the n entries (sorted here). */
void sb_put_xref(sbuf *b, xent *x, size_t n);

#endif
