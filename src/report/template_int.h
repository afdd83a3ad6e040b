/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* template_int.h - shared by template.c (loading, checking) and
 * template_fill.c (the placeholder scanner, filling, words).
 *
 * The scanner says what is wrong as a code; template.c turns it into the
 * message (all of the template's translatable messages are there).
 */
#ifndef LK_TEMPLATE_INT_H
#define LK_TEMPLATE_INT_H

#include <stdbool.h>
#include <stddef.h>

enum tmpl_scan_why {
	TMPL_SCAN_BAD_NAME,   /* "{Nama}", "{}": not a placeholder name */
	TMPL_SCAN_UNCLOSED,   /* "{" without its "}" */
	TMPL_SCAN_UNKNOWN,    /* the callback refused the placeholder */
	TMPL_SCAN_VALUE,      /* the callback refused literal text */
};

/* Called for each piece of literal text and each placeholder's name
 * (without braces); a non-zero return stops the scan. */
typedef int (*tmpl_scan_fn)(void *ctx, bool placeholder, const char *s,
			    size_t n);

/* Scans text: "{{" and "}}" are literal braces, a lone "}" is literal.
 * Returns 0, or EX_DATAERR (or the callback's code) with the bad part's
 * byte range (*off, *len) and *why. */
int tmpl_scan(const char *text, tmpl_scan_fn fn, void *ctx, size_t *off,
	      size_t *len, enum tmpl_scan_why *why);

/* Where the nth (0-based) occurrence of tok (tlen bytes) stands in raw
 * (raw_len bytes) at or after line:col; line:col itself when not found. */
void tmpl_pos_in_text(const char *raw, size_t raw_len, const char *tok,
		      size_t tlen, size_t nth, unsigned *line, unsigned *col);
/* How often tok occurs in the first upto bytes of s. */
size_t tmpl_count_occurrences(const char *s, size_t upto, const char *tok,
			      size_t tlen);

#endif
