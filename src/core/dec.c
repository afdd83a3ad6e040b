/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "dec.h"
#include "err.h"
#include "i18n.h"

#include <stdbool.h>
#include <string.h>

#define SCALE_MAX 18

static const uint64_t pow10_tab[SCALE_MAX + 2] = {
	1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
	10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
	100000000000ULL, 1000000000000ULL, 10000000000000ULL,
	100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
	100000000000000000ULL, 1000000000000000000ULL,
	10000000000000000000ULL,
};

/* Messages; static so that callers translate them with gettext. */
static const char *const too_many_frac[] = {
	N_("too many decimal places (none allowed)"),
	N_("too many decimal places (at most 1)"),
	N_("too many decimal places (at most 2)"),
	N_("too many decimal places (at most 3)"),
	N_("too many decimal places (at most 4)"),
};
#define MSG_EMPTY N_("empty number")
#define MSG_NAN N_("not a number")
#define MSG_TOO_LARGE N_("number too large")

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static void
check_scale(int scale)
{
	if (scale < 0 || scale > SCALE_MAX)
		lk_fatal("dec: scale %d out of range", scale);
}

static int
fail(const char **why, const char *msg)
{
	if (why != NULL)
		*why = msg;
	return EX_DATAERR;
}

static const char *
frac_msg(int scale)
{
	if (scale >= 0 && (size_t)scale < sizeof too_many_frac / sizeof *too_many_frac)
		return too_many_frac[scale];
	return N_("too many decimal places");
}

/*
 * Accumulates digits into a magnitude bounded by the largest int64 of the
 * sign (2^63 for a negative number, 2^63 - 1 otherwise).
 */
typedef struct acc {
	uint64_t mag, lim;
	bool over;
} acc;

static void
acc_init(acc *a, bool neg)
{
	a->mag = 0;
	a->lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	a->over = false;
}

static void
acc_digit(acc *a, unsigned d)
{
	if (a->over || a->mag > (a->lim - d) / 10)
		a->over = true;
	else
		a->mag = a->mag * 10 + d;
}

/* Append the digits of s[0..n), skipping '.' (already checked). */
static void
acc_digits(acc *a, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != '.')
			acc_digit(a, (unsigned)(s[i] - '0'));
}

/* Integer digits ip[0..ni) (dots skipped) and nf fraction digits fp. */
static int
build(bool neg, const char *ip, size_t ni, const char *fp, size_t nf,
      int scale, int64_t *out, const char **why)
{
	acc a;

	if (nf > (size_t)scale)
		return fail(why, frac_msg(scale));
	acc_init(&a, neg);
	acc_digits(&a, ip, ni);
	acc_digits(&a, fp, nf);
	for (size_t i = nf; i < (size_t)scale; i++)
		acc_digit(&a, 0);
	if (a.over)
		return fail(why, MSG_TOO_LARGE);
	if (neg)
		*out = a.mag == 0 ? 0 : -(int64_t)(a.mag - 1) - 1;
	else
		*out = (int64_t)a.mag;
	return 0;
}

int
dec_parse_machine(const char *s, int scale, int64_t *out, const char **why)
{
	const char *ip, *fp = NULL;
	size_t ni, nf = 0;
	bool neg = false;

	check_scale(scale);
	if (s == NULL || *s == '\0')
		return fail(why, MSG_EMPTY);
	if (*s == '-') {
		neg = true;
		s++;
	}
	ip = s;
	while (is_digit(*s))
		s++;
	ni = (size_t)(s - ip);
	if (*s == '.') {
		fp = ++s;
		while (is_digit(*s))
			s++;
		nf = (size_t)(s - fp);
	}
	if (*s != '\0' || ni == 0 || (fp != NULL && nf == 0)) {
		if (strchr(ip, ',') != NULL)
			return fail(why, N_("not a machine number: use '.' for "
			    "decimals and no thousands separators"));
		if (neg && ni == 0 && fp == NULL && *s == '\0')
			return fail(why, MSG_EMPTY);
		return fail(why, MSG_NAN);
	}
	return build(neg, ip, ni, fp, nf, scale, out, why);
}

/*
 * Checks the integer part ip[0..n) of an Indonesian number whose dots are
 * all thousands separators: "1", "1.234", "12.345.678".
 */
static int
check_groups(const char *ip, size_t n, const char **why)
{
	size_t i = 0, g;
	bool first = true;

	for (;;) {
		for (g = 0; i < n && ip[i] != '.'; i++, g++)
			;
		if (g == 0 && first)
			return fail(why, N_("a digit is needed before the "
			    "first dot"));
		if (g == 0)
			return fail(why, N_("empty group between two dots"));
		if (first && g > 3)
			return fail(why, N_("at most three digits may stand "
			    "before the first thousands dot"));
		if (!first && g != 3)
			return fail(why, N_("groups after the first thousands "
			    "dot must have exactly three digits"));
		if (i == n)
			return 0;
		i++;            /* the dot */
		if (i == n)
			return fail(why, N_("a digit is needed after the last dot"));
		first = false;
	}
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Strips "Rp", "Rp.", "Rp " (any case) from *s; true when one was there. */
static bool
skip_rp(const char **s, const char *end)
{
	const char *p = *s;

	if (end - p < 2 || (p[0] != 'R' && p[0] != 'r') ||
	    (p[1] != 'P' && p[1] != 'p'))
		return false;
	p += 2;
	if (p < end && *p == '.')
		p++;
	while (p < end && is_blank(*p))
		p++;
	*s = p;
	return true;
}

int
dec_parse_id(const char *s, int scale, int allow_rp, int64_t *out,
	     const char **why)
{
	const char *end, *comma = NULL, *dot = NULL, *ip, *fp = NULL;
	size_t ni, nf = 0, ndots = 0, ndots_int = 0;
	bool neg = false, rp;
	int rc;

	check_scale(scale);
	if (s == NULL)
		return fail(why, MSG_EMPTY);
	end = s + strlen(s);
	while (s < end && is_blank(*s))
		s++;
	while (end > s && is_blank(end[-1]))
		end--;
	if (s < end && *s == '-') {
		neg = true;
		s++;
	}
	rp = skip_rp(&s, end);
	if (rp && !allow_rp)
		return fail(why, N_("\"Rp\" is not allowed here"));
	if (rp && !neg && s < end && *s == '-') {
		neg = true;     /* "Rp -5.000" */
		s++;
	}
	if (s == end)
		return fail(why, MSG_EMPTY);

	for (const char *p = s; p < end; p++) {
		if (*p == ',') {
			if (comma != NULL)
				return fail(why, N_("more than one decimal comma"));
			comma = p;
		} else if (*p == '.') {
			if (comma != NULL)
				return fail(why, N_("a dot cannot follow the "
				    "decimal comma"));
			ndots++;
			dot = p;
		} else if (is_blank(*p)) {
			return fail(why, N_("a space inside a number"));
		} else if (*p == '-' || *p == '+') {
			return fail(why, N_("a sign may only stand at the start"));
		} else if (!is_digit(*p)) {
			return fail(why, MSG_NAN);
		}
	}

	ip = s;
	ni = (size_t)((comma != NULL ? comma : end) - s);
	if (comma != NULL) {
		fp = comma + 1;
		nf = (size_t)(end - fp);
		if (ni == 0)
			return fail(why, N_("a digit is needed before the "
			    "decimal comma"));
		if (nf == 0)
			return fail(why, N_("a digit is needed after the "
			    "decimal comma"));
		ndots_int = ndots;
	} else if (ndots == 1) {
		size_t before = (size_t)(dot - s), after = (size_t)(end - dot - 1);

		if (before == 0)
			return fail(why, N_("a digit is needed before the dot"));
		if (after == 0)
			return fail(why, N_("a digit is needed after the dot"));
		if (after == 3 && before > 3)
			return fail(why, N_("ambiguous dot: write the decimals "
			    "after a comma, or group thousands by three"));
		if (after == 3) {
			ndots_int = 1;          /* "78.500": thousands */
		} else {
			ni = before;            /* "78.5": decimal point */
			fp = dot + 1;
			nf = after;
		}
	} else {
		ndots_int = ndots;
	}
	if (ndots_int > 0 && (rc = check_groups(ip, ni, why)) != 0)
		return rc;
	return build(neg, ip, ni, fp, nf, scale, out, why);
}

/*
 * Writes v (scaled by 10^scale) with frac decimals between min_frac and
 * max_frac, mark as the decimal mark and group (or 0) every three digits.
 */
static char *
format(int64_t v, int scale, int min_frac, int max_frac, char mark,
       char group, char buf[DEC_BUFSZ])
{
	char tmp[DEC_BUFSZ];
	uint64_t mag, q, ip, fp, div;
	size_t n = 0, o = 0;
	int nf, nd;

	check_scale(scale);
	if (min_frac < 0 || max_frac < min_frac || max_frac > scale)
		lk_fatal("dec: bad decimals %d..%d for scale %d",
		    min_frac, max_frac, scale);
	mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	div = pow10_tab[scale - max_frac];
	q = mag / div;
	if (mag % div >= div - mag % div)       /* half away from zero */
		q++;
	ip = q / pow10_tab[max_frac];
	fp = q % pow10_tab[max_frac];
	nf = max_frac;
	while (nf > min_frac && fp % 10 == 0) {
		fp /= 10;
		nf--;
	}
	/* Build reversed in tmp: decimals, mark, grouped integer, sign. */
	for (int i = 0; i < nf; i++, fp /= 10)
		tmp[n++] = (char)('0' + fp % 10);
	if (nf > 0)
		tmp[n++] = mark;
	nd = 0;
	do {
		if (group != 0 && nd > 0 && nd % 3 == 0)
			tmp[n++] = group;
		tmp[n++] = (char)('0' + ip % 10);
		ip /= 10;
		nd++;
	} while (ip > 0);
	if (v < 0 && q != 0)
		tmp[n++] = '-';
	while (n > 0)
		buf[o++] = tmp[--n];
	buf[o] = '\0';
	return buf;
}

char *
dec_format_id(int64_t v, int scale, int min_frac, int max_frac,
	      char buf[DEC_BUFSZ])
{
	return format(v, scale, min_frac, max_frac, ',', '.', buf);
}

char *
dec_format_nilai(int64_t v, char buf[DEC_BUFSZ])
{
	if (v % DEC_NILAI_ONE == 0)
		return dec_format_id(v, DEC_NILAI, 0, 0, buf);
	return dec_format_id(v, DEC_NILAI, 2, 4, buf);
}

char *
dec_format_uang(int64_t v, char buf[DEC_BUFSZ])
{
	if (v % DEC_UANG_ONE == 0)
		return dec_format_id(v, DEC_UANG, 0, 0, buf);
	return dec_format_id(v, DEC_UANG, 2, 2, buf);
}

char *
dec_format_persen(int64_t v, char buf[DEC_BUFSZ])
{
	return dec_format_id(v, DEC_PERSEN, 2, 2, buf);
}

char *
dec_format_machine(int64_t v, int scale, char buf[DEC_BUFSZ])
{
	return format(v, scale, 0, scale, '.', 0, buf);
}

int
dec_add(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;

	if (__builtin_add_overflow(a, b, &r))
		return EX_DATAERR;
	*out = r;
	return 0;
}

/*
 * 128-bit intermediates on 64-bit integers.  Products are taken on 32-bit
 * halves, quotients by shifting and subtracting; signs are handled on
 * magnitudes, as for the int64 values above.
 */
#define LOW32 UINT64_C(0xFFFFFFFF)

/* |v|; INT64_MIN gives 2^63. */
static uint64_t
mag64(int64_t v)
{
	return v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
}

static dec_wide
wide_neg(dec_wide x)
{
	dec_wide r;

	r.lo = 0 - x.lo;
	r.hi = ~x.hi + (x.lo == 0);
	return r;
}

dec_wide
dec_wide_mul(int64_t a, int64_t b)
{
	uint64_t ua = mag64(a), ub = mag64(b);
	uint64_t a0 = ua & LOW32, a1 = ua >> 32, b0 = ub & LOW32, b1 = ub >> 32;
	uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
	/* the middle column, below 2^34 */
	uint64_t mid = (p00 >> 32) + (p01 & LOW32) + (p10 & LOW32);
	dec_wide r;

	r.lo = (mid << 32) | (p00 & LOW32);
	r.hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
	return (a < 0) != (b < 0) ? wide_neg(r) : r;
}

dec_wide
dec_wide_sub(dec_wide a, dec_wide b)
{
	dec_wide r;

	r.lo = a.lo - b.lo;
	r.hi = a.hi - b.hi - (a.lo < b.lo);
	return r;
}

/* (hi:lo) / d for hi < d (so the quotient fits 64 bits); *rem gets the
 * remainder. */
static uint64_t
udiv_wide(uint64_t hi, uint64_t lo, uint64_t d, uint64_t *rem)
{
	uint64_t q = 0, r = hi;

	if (hi == 0) {
		*rem = lo % d;
		return lo / d;
	}
	for (int i = 63; i >= 0; i--) {
		uint64_t carry = r >> 63;       /* 2r + 1 needs 65 bits */

		r = (r << 1) | ((lo >> i) & 1);
		q <<= 1;
		if (carry != 0 || r >= d) {
			r -= d;
			q |= 1;
		}
	}
	*rem = r;
	return q;
}

int
dec_wide_div_round(dec_wide n, int64_t d, int64_t *out)
{
	bool neg = (n.hi >> 63 != 0) != (d < 0), up;
	dec_wide un = n.hi >> 63 != 0 ? wide_neg(n) : n;
	uint64_t ud = mag64(d), lim, q, r;

	if (d == 0)
		return EX_DATAERR;
	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	if (un.hi >= ud)                /* the quotient is 2^64 or more */
		return EX_DATAERR;
	q = udiv_wide(un.hi, un.lo, ud, &r);
	up = r >= ud - r;               /* half away from zero */
	if (q > lim || (q == lim && up))
		return EX_DATAERR;
	if (up)
		q++;
	if (q == 0)
		neg = false;
	*out = neg ? -(int64_t)(q - 1) - 1 : (int64_t)q;
	return 0;
}

int
dec_muldiv(int64_t a, int64_t m, int64_t d, int64_t *out)
{
	return dec_wide_div_round(dec_wide_mul(a, m), d, out);
}
