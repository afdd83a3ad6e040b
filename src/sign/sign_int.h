/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* sign_int.h - helpers shared by the files of src/sign (internal).
 *
 * Owns: reading a whole file into memory and writing one safely
 * (files.c), PDF text strings and dates in and out, UTF-8 on our side,
 * OpenSSL's error as text (util.c), one HTTP(S) request (http.c).
 */
#ifndef LK_SIGN_INT_H
#define LK_SIGN_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

/* The whole of a regular file: *buf (free()) and *len.  EX_NOINPUT if it
 * cannot be opened or is not a regular file, EX_IOERR if reading fails. */
int sign_read_file(const char *path, unsigned char **buf, size_t *len,
		   lk_err *e);

/* The parts, one after the other, into a temporary file beside path
 * (mode 0666 & ~umask, synced), renamed to path when complete; on failure
 * EX_CANTCREAT and nothing is left. */
typedef struct sign_span {
	const unsigned char *p;
	size_t n;
} sign_span;
int sign_write_atomic(const char *path, const sign_span *parts, size_t nparts,
		      lk_err *e);

/* A PDF text string (UTF-16BE with a BOM, UTF-8 with a BOM, or
 * PDFDocEncoding) as UTF-8 in out (cut at a character boundary, always
 * NUL-terminated; control characters become spaces). */
void sign_text_utf8(const unsigned char *s, size_t n, char *out, size_t cap);

/* The reason of OpenSSL's last error in buf (none: that text), the
 * error queue cleared; buf. */
const char *sign_ossl_reason(char *buf, size_t cap, const char *none);

/* The body of a POST of req (of type req_type) to url, or of a GET
 * (req NULL), in a memory BIO (at most max bytes, of type want_type
 * unless NULL, DER when asn1), within timeout seconds; NULL if url is no
 * http:// or https:// URL or there is no such answer (OpenSSL's error
 * queue says why).  http.c. */
struct bio_st;
struct bio_st *sign_http(const char *url, struct bio_st *req,
			 const char *req_type, const char *want_type, bool asn1,
			 size_t max, int timeout);

/* "D:YYYYMMDDHHmmSS+00'00'" for t (UTC) into out[24]; false if out of
 * range. */
bool sign_pdf_date(int64_t t, char out[32]);
/* A PDF date string (the decoded bytes) as seconds since the epoch, or 0
 * if it is not one. */
int64_t sign_parse_pdf_date(const unsigned char *s, size_t n);

/* The code point at s[*i] (U+FFFD for an invalid sequence); *i moves on
 * by at least one byte. */
unsigned long sign_utf8_next(const unsigned char *s, size_t n, size_t *i);

/* Days from 1970-01-01 to the date y-m-d (proleptic Gregorian). */
int64_t sign_days_from_civil(int64_t y, unsigned m, unsigned d);

#endif
