/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "err.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Length of the UTF-8 sequence at s (NUL-terminated), or 0 when it is not
 * one; its code point in *cp. */
static size_t
utf8_seq(const unsigned char *s, uint32_t *cp)
{
	size_t len, i;
	uint32_t c = s[0];

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, c &= 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, c &= 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, c &= 0x07;
	else
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;           /* also stops at the NUL */
		c = c << 6 | (s[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 ||
	    c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF))
		return 0;                   /* overlong, surrogate */
	*cp = c;
	return len;
}

/* Characters a terminal would obey rather than show: C0 controls but tab
 * and newline, DEL, C1 controls, and the bidirectional controls that
 * reorder what follows. */
static bool
drives_terminal(uint32_t c)
{
	return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F ||
	       (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E ||
	       c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069);
}

/* Copies s into out[0..n) with what could drive a terminal written out
 * as text: a control character as \xHH (C0, DEL) or \uHHHH (C1, bidi),
 * a byte that is not UTF-8 as \xHH.  Messages quote file names, file
 * contents, kodes and values: done here once, for every message. */
static void
defang(char *out, size_t n, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0;

	while (*p != '\0') {
		char esc[8];
		uint32_t c = 0;
		size_t len = utf8_seq(p, &c), k;

		if (len == 0) {
			snprintf(esc, sizeof esc, "\\x%02x", *p);
			len = 1;
		} else if (drives_terminal(c))
			snprintf(esc, sizeof esc, c < 0x80 ? "\\x%02x" :
				 "\\u%04x", (unsigned)c);
		else {
			if (o + len >= n)
				break;      /* no half characters */
			memcpy(out + o, p, len);
			o += len;
			p += len;
			continue;
		}
		k = strlen(esc);
		if (o + k >= n)
			break;
		memcpy(out + o, esc, k);
		o += k;
		p += len;
	}
	out[o] = '\0';
}

static void
set_msg(lk_err *e, const char *prefix, const char *fmt, va_list ap)
{
	char raw[LK_ERR_MAX];
	int n = 0;

	if (prefix != NULL)
		n = snprintf(raw, sizeof raw, "%s", prefix);
	if (n < 0 || (size_t)n >= sizeof raw)
		n = 0;
	vsnprintf(raw + n, sizeof raw - (size_t)n, fmt, ap);
	defang(e->msg, sizeof e->msg, raw);
}

int
lk_fail(lk_err *e, int code, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return code;
	e->code = code;
	va_start(ap, fmt);
	set_msg(e, NULL, fmt, ap);
	va_end(ap);
	return code;
}

int
lk_fail_at(lk_err *e, int code, const char *file, unsigned line, unsigned col,
	   const char *fmt, ...)
{
	char prefix[LK_ERR_MAX];
	va_list ap;

	if (e == NULL)
		return code;
	e->code = code;
	prefix[0] = '\0';
	if (file != NULL && line > 0)
		snprintf(prefix, sizeof prefix, "%s:%u:%u: ", file, line, col);
	else if (file != NULL)
		snprintf(prefix, sizeof prefix, "%s: ", file);
	va_start(ap, fmt);
	set_msg(e, prefix, fmt, ap);
	va_end(ap);
	return code;
}

void
lk_fatal(const char *fmt, ...)
{
	va_list ap;

	fputs("lakip: fatal: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}
