/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* util.c - PDF text strings and dates, UTF-8, OpenSSL's errors as text. */
#include "config.h"
#include "sign_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/err.h>

const char *
sign_ossl_reason(char *buf, size_t cap, const char *none)
{
	const char *data = NULL;
	int flags = 0;
	unsigned long err = ERR_peek_last_error_data(&data, &flags);

	snprintf(buf, cap, "%s", none);
	if (err != 0) {
		size_t n;

		ERR_error_string_n(err, buf, cap);
		n = strlen(buf);
		/* what the error was raised with: e.g. why a certificate
		 * was refused */
		if ((flags & ERR_TXT_STRING) && data != NULL && *data != '\0')
			snprintf(buf + n, cap - n, " (%s)", data);
	}
	ERR_clear_error();
	return buf;
}

unsigned long
sign_utf8_next(const unsigned char *s, size_t n, size_t *i)
{
	unsigned long c = s[*i], min;
	size_t k;

	if (c < 0x80) {
		(*i)++;
		return c;
	}
	if (c >= 0xc2 && c < 0xe0) {
		k = 1, c &= 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c < 0xf0) {
		k = 2, c &= 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c < 0xf5) {
		k = 3, c &= 0x07, min = 0x10000;
	} else {
		(*i)++;
		return 0xfffd;
	}
	for (size_t j = 1; j <= k; j++) {
		if (*i + j >= n || (s[*i + j] & 0xc0) != 0x80) {
			*i += j;
			return 0xfffd;
		}
		c = c << 6 | (s[*i + j] & 0x3f);
	}
	*i += k + 1;
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0xfffd;
	return c;
}

static size_t
put_utf8(char *out, size_t cap, size_t n, unsigned long c)
{
	unsigned char u[4];
	size_t k;

	if (c < 0x20 || c == 0x7f)
		c = ' ';
	if (c >= 0xd800 && c <= 0xdfff)
		c = 0xfffd;
	if (c < 0x80) {
		u[0] = (unsigned char)c;
		k = 1;
	} else if (c < 0x800) {
		u[0] = (unsigned char)(0xc0 | c >> 6);
		u[1] = (unsigned char)(0x80 | (c & 0x3f));
		k = 2;
	} else if (c < 0x10000) {
		u[0] = (unsigned char)(0xe0 | c >> 12);
		u[1] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
		u[2] = (unsigned char)(0x80 | (c & 0x3f));
		k = 3;
	} else {
		u[0] = (unsigned char)(0xf0 | c >> 18);
		u[1] = (unsigned char)(0x80 | (c >> 12 & 0x3f));
		u[2] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
		u[3] = (unsigned char)(0x80 | (c & 0x3f));
		k = 4;
	}
	if (n + k >= cap)
		return n;        /* does not fit: stop here (caller ends) */
	memcpy(out + n, u, k);
	return n + k;
}

/* PDFDocEncoding 0x80..0x9f (0x9f is undefined). */
static const unsigned short pdfdoc_80[32] = {
	0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044,
	0x2039, 0x203a, 0x2212, 0x2030, 0x201e, 0x201c, 0x201d, 0x2018,
	0x2019, 0x201a, 0x2122, 0xfb01, 0xfb02, 0x0141, 0x0152, 0x0160,
	0x0178, 0x017d, 0x0131, 0x0142, 0x0153, 0x0161, 0x017e, 0xfffd,
};

void
sign_text_utf8(const unsigned char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0, i;

	if (cap == 0)
		return;
	if (n >= 2 && s[0] == 0xfe && s[1] == 0xff) {
		for (i = 2; i + 1 < n; i += 2) {
			unsigned long c = (unsigned long)s[i] << 8 | s[i + 1];

			if (c >= 0xd800 && c < 0xdc00 && i + 3 < n) {
				unsigned long lo = (unsigned long)s[i + 2] << 8 | s[i + 3];

				if (lo >= 0xdc00 && lo <= 0xdfff) {
					c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
					i += 2;
				}
			}
			size_t before = o;
			o = put_utf8(out, cap, o, c);
			if (o == before)
				break;
		}
	} else if (n >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf) {
		for (i = 3; i < n;) {             /* UTF-8 (PDF 2.0) */
			size_t before = o;

			o = put_utf8(out, cap, o, sign_utf8_next(s, n, &i));
			if (o == before)
				break;
		}
	} else {
		for (i = 0; i < n; i++) {
			unsigned long c = s[i];
			size_t before = o;

			if (c >= 0x80 && c < 0xa0)
				c = pdfdoc_80[c - 0x80];
			else if (c == 0xa0)
				c = 0x20ac;      /* euro sign in PDFDocEncoding */
			o = put_utf8(out, cap, o, c);
			if (o == before)
				break;
		}
	}
	out[o] = '\0';
}

bool
sign_pdf_date(int64_t t, char out[32])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if ((int64_t)tt != t || gmtime_r(&tt, &tm) == NULL ||
	    tm.tm_year + 1900 < 1 || tm.tm_year + 1900 > 9999)
		return false;
	char buf[96];

	snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02d+00'00'",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec);
	memcpy(out, buf, 24);    /* 23 characters and the NUL */
	return true;
}

int64_t
sign_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

/* n digits at s[*i] (all must be there) into *v. */
static bool
digits(const unsigned char *s, size_t n, size_t *i, int k, int *v)
{
	int x = 0;

	for (int j = 0; j < k; j++) {
		if (*i >= n || s[*i] < '0' || s[*i] > '9')
			return false;
		x = x * 10 + (s[(*i)++] - '0');
	}
	*v = x;
	return true;
}

int64_t
sign_parse_pdf_date(const unsigned char *s, size_t n)
{
	size_t i = 0;
	int y, f[5] = {1, 1, 0, 0, 0}, oh = 0, om = 0, sign = 0;
	static const int max[5] = {12, 31, 23, 59, 59};
	int64_t t;

	if (n >= 2 && s[0] == 'D' && s[1] == ':')
		i = 2;
	if (!digits(s, n, &i, 4, &y))
		return 0;
	for (int k = 0; k < 5 && digits(s, n, &i, 2, &f[k]); k++)
		if (f[k] > max[k] || (k < 2 && f[k] == 0))
			return 0;
	if (i < n && (s[i] == '+' || s[i] == '-')) {
		sign = s[i++] == '+' ? 1 : -1;
		if (digits(s, n, &i, 2, &oh)) {
			if (i < n && s[i] == '\'')
				i++;
			(void)digits(s, n, &i, 2, &om);
		}
	}
	t = sign_days_from_civil(y, (unsigned)f[0], (unsigned)f[1]) * 86400 +
	    f[2] * 3600 + f[3] * 60 + f[4];
	return t - sign * (oh * 3600 + om * 60);
}
