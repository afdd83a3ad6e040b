/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_dec.c - the number parsers of core/dec.h.
 *
 * Input: byte 0 picks the scale (0..18) and whether "Rp" is allowed;
 * the rest is the text, given to dec_parse_machine and dec_parse_id.  A
 * value either accepts is formatted again (dec_format_machine,
 * dec_format_id, nilai/uang/persen) and must parse back to itself.  The
 * first 24 bytes are also read as three int64 for dec_add and dec_muldiv,
 * checked against 128-bit arithmetic.
 */
#include "config.h"
#include "fuzz.h"

#include "core/dec.h"

static void
roundtrip(int64_t v, int scale)
{
	char buf[DEC_BUFSZ];
	const char *why = NULL;
	int64_t w = 0;

	dec_format_machine(v, scale, buf);
	if (strlen(buf) >= DEC_BUFSZ)
		fz_bug("dec_format_machine overflowed");
	if (dec_parse_machine(buf, scale, &w, &why) != 0) {
		if (v != INT64_MIN)
			fz_bug("dec_format_machine(%lld, %d) = \"%s\" does not "
			    "parse back: %s", (long long)v, scale, buf,
			    why ? why : "?");
	} else if (w != v)
		fz_bug("dec_format_machine(%lld, %d) = \"%s\" parses back as "
		    "%lld", (long long)v, scale, buf, (long long)w);
	dec_format_id(v, scale, 0, scale, buf);
	if (strlen(buf) >= DEC_BUFSZ)
		fz_bug("dec_format_id overflowed");
	if (dec_parse_id(buf, scale, 0, &w, &why) != 0) {
		if (v != INT64_MIN)
			fz_bug("dec_format_id(%lld, %d) = \"%s\" does not parse "
			    "back: %s", (long long)v, scale, buf,
			    why ? why : "?");
	} else if (w != v)
		fz_bug("dec_format_id(%lld, %d) = \"%s\" parses back as %lld",
		    (long long)v, scale, buf, (long long)w);
	for (int lo = 0; lo <= scale && lo <= 4; lo++)
		dec_format_id(v, scale, lo, scale, buf);
	dec_format_nilai(v, buf);
	dec_format_uang(v, buf);
	dec_format_persen(v, buf);
}

static int64_t
get64(const uint8_t *p)
{
	uint64_t u = 0;

	for (int i = 0; i < 8; i++)
		u = u << 8 | p[i];
	return (int64_t)u;
}

static void
arith(int64_t a, int64_t b, int64_t d)
{
	__int128 s = (__int128)a + b, p, q, r;
	int64_t out = 0;
	int rc;

	rc = dec_add(a, b, &out);
	if (s > INT64_MAX || s < INT64_MIN) {
		if (rc == 0)
			fz_bug("dec_add(%lld, %lld) did not see the overflow",
			    (long long)a, (long long)b);
	} else if (rc != 0 || out != (int64_t)s)
		fz_bug("dec_add(%lld, %lld) = %lld (rc %d)", (long long)a,
		    (long long)b, (long long)out, rc);

	out = 0;
	rc = dec_muldiv(a, b, d, &out);
	if (d == 0) {
		if (rc == 0)
			fz_bug("dec_muldiv by 0 succeeded");
		return;
	}
	p = (__int128)a * b;
	q = p / d;
	r = p % d;
	if (r < 0)
		r = -r;
	if (2 * r >= (d < 0 ? -(__int128)d : (__int128)d))
		q += (p < 0) != (d < 0) ? -1 : 1;
	if (q > INT64_MAX || q < INT64_MIN) {
		if (rc == 0)
			fz_bug("dec_muldiv(%lld, %lld, %lld) did not see the "
			    "overflow", (long long)a, (long long)b, (long long)d);
	} else if (rc != 0 || out != (int64_t)q)
		fz_bug("dec_muldiv(%lld, %lld, %lld) = %lld (rc %d), expected "
		    "%lld", (long long)a, (long long)b, (long long)d,
		    (long long)out, rc, (long long)(int64_t)q);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *why;
	int64_t v;
	char *s;
	int scale, rp;

	if (size < 1)
		return 0;
	scale = data[0] % 19;
	rp = data[0] >= 128;
	if (size >= 25)
		arith(get64(data + 1), get64(data + 9), get64(data + 17));
	s = fz_cstr(data + 1, size - 1);
	why = NULL;
	if (dec_parse_machine(s, scale, &v, &why) == 0)
		roundtrip(v, scale);
	else if (why == NULL)
		fz_bug("dec_parse_machine failed without a reason");
	why = NULL;
	if (dec_parse_id(s, scale, rp, &v, &why) == 0)
		roundtrip(v, scale);
	else if (why == NULL)
		fz_bug("dec_parse_id failed without a reason");
	/* The scales the program uses, whatever byte 0 says. */
	if (dec_parse_id(s, DEC_NILAI, 0, &v, &why) == 0)
		roundtrip(v, DEC_NILAI);
	if (dec_parse_id(s, DEC_UANG, 1, &v, &why) == 0)
		roundtrip(v, DEC_UANG);
	free(s);
	return 0;
}
