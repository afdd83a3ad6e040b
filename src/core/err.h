/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* err.h - error reports passed up from every layer.
 *
 * Owns: lk_err, a status code from <sysexits.h> plus a message a person
 * can read.  Functions that can fail take an `lk_err *` (may be NULL),
 * fill it and return the same status; 0 means success.  Messages about
 * input files start with "FILE:LINE:COL: " (lines and columns 1-based).
 * A message never holds what could drive a terminal: lk_fail and
 * lk_fail_at write control characters (C0 but tab and newline, DEL, C1)
 * and bidirectional controls as \xHH or \uHHHH, and bytes that are not
 * UTF-8 as \xHH, whatever the arguments hold (file names and contents,
 * kodes, values); a message is cut at a whole character.
 */
#ifndef LK_ERR_H
#define LK_ERR_H

#include <sysexits.h>

#define LK_ERR_MAX 1024

typedef struct lk_err {
	int code;                 /* 0 or an EX_* value */
	char msg[LK_ERR_MAX];
} lk_err;

/* Fill e (if not NULL) with code and a printf-style message; returns code. */
int lk_fail(lk_err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Same, prefixed with "file:line:col: " (line, col 1-based; 0 omits them). */
int lk_fail_at(lk_err *e, int code, const char *file, unsigned line,
	       unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Die loudly on a programmer error or when out of memory. */
void lk_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
