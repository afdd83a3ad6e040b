/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* hyph.h - where an Indonesian word may be hyphenated (the patterns of
 * the Debian package hyphen-id, read and applied as libhyphen applies
 * them; libhyphen itself is the oracle of tests/unit/test_hyph.c).
 *
 * Owns: the pattern dictionary, and the rules of what is never
 * hyphenated: a word with a digit (numbers, kodes such as IKU1), a
 * capital after its first letter (kodes and acronyms such as SS1 or
 * SAKIP), or any character but letters (ASCII and Latin-1) apart from
 * punctuation around it ("(", quotes; ".", ",", ";", ":", "!", "?",
 * ")", quotes); at least two letters before a break and three after
 * it (the patterns of hyphen-id alone would give "masyarak-at").  Which word is
 * the last of its paragraph, and which words are names (DOC_NAME: the
 * agency's, its head's), the line breaker knows (linebreak.c).
 *
 * Errors: hyph_open fails with EX_NOINPUT (no such file) or EX_DATAERR
 * (not a pattern file), naming the file and its Debian package.
 * Memory: hyph_close frees the dictionary.
 */
#ifndef LK_HYPH_H
#define LK_HYPH_H

#include <stddef.h>

#include "core/err.h"

typedef struct hyph hyph;

/* The patterns of path (NULL: the configured Indonesian ones). */
int hyph_open(hyph **out, const char *path, lk_err *e);
void hyph_close(hyph *h);

/* The byte offsets (ascending, 0 < offset < n) inside the n bytes of
 * UTF-8 at w where the word may be broken with a hyphen, at most max of
 * them in at[]; returns how many.  0 for a word that is never
 * hyphenated. */
size_t hyph_points(const hyph *h, const char *w, size_t n, size_t *at,
		   size_t max);

#endif
