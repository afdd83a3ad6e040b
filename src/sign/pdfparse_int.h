/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* pdfparse_int.h - what pdfparse.c lends pdfxref.c (internal). */
#ifndef LK_SIGN_PDFPARSE_INT_H
#define LK_SIGN_PDFPARSE_INT_H

#include "pdfparse.h"

#define MAX_OBJNUM 8388607u      /* PDF's limit on object numbers */
#define NOWHERE ((size_t)-1)     /* an error without a place */

/* Records "byte OFF: message" in the doc; returns false. */
bool pp_bad(pp_doc *d, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
bool pp_is_ws(unsigned char c);
/* Whitespace and comments. */
void pp_skip_ws(const pp_doc *d, size_t *pos);
/* The keyword kw at p, followed by a delimiter, whitespace or the end. */
bool pp_keyword_at(const pp_doc *d, size_t p, const char *kw);
/* Plain digits (at most 18) at *pos. */
bool pp_read_uint(const pp_doc *d, size_t *pos, uint64_t *out);
bool pp_parse_value(pp_doc *d, size_t *pos, pp_val *v, int depth);

#endif
