/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* pdfparse.c - the lexer and values of pdfparse.h. */
#include "config.h"
#include "pdfparse.h"
#include "pdfparse_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/hex.h"

bool
pp_bad(pp_doc *d, size_t off, const char *fmt, ...)
{
	va_list ap;
	int n;

	d->erroff = off;
	n = off == NOWHERE ? 0 :
	    snprintf(d->errmsg, sizeof d->errmsg, "byte %zu: ", off);
	if (n < 0 || (size_t)n >= sizeof d->errmsg)
		n = 0;
	va_start(ap, fmt);
	vsnprintf(d->errmsg + n, sizeof d->errmsg - (size_t)n, fmt, ap);
	va_end(ap);
	return false;
}

const char *
pp_errmsg(const pp_doc *d)
{
	return d->errmsg;
}

bool
pp_is_ws(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
	    c == '\0';
}

static bool
is_delim(unsigned char c)
{
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' ||
	    c == ']' || c == '{' || c == '}' || c == '/' || c == '%';
}

static bool
is_regular(unsigned char c)
{
	return !pp_is_ws(c) && !is_delim(c);
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Whitespace and comments. */
void
pp_skip_ws(const pp_doc *d, size_t *pos)
{
	size_t p = *pos;

	while (p < d->len) {
		if (pp_is_ws(d->buf[p])) {
			p++;
		} else if (d->buf[p] == '%') {
			while (p < d->len && d->buf[p] != '\n' && d->buf[p] != '\r')
				p++;
		} else {
			break;
		}
	}
	*pos = p;
}

/* The keyword kw at p, followed by a delimiter, whitespace or the end. */
bool
pp_keyword_at(const pp_doc *d, size_t p, const char *kw)
{
	size_t n = strlen(kw);

	if (p > d->len || d->len - p < n || memcmp(d->buf + p, kw, n) != 0)
		return false;
	return p + n == d->len || !is_regular(d->buf[p + n]);
}

/* An unsigned integer of plain digits at *pos (at most 18 digits). */
bool
pp_read_uint(const pp_doc *d, size_t *pos, uint64_t *out)
{
	size_t p = *pos, n = 0;
	uint64_t v = 0;

	while (p < d->len && is_digit(d->buf[p]) && n < 19) {
		v = v * 10 + (uint64_t)(d->buf[p] - '0');
		p++;
		n++;
	}
	if (n == 0 || n > 18 || (p < d->len && is_regular(d->buf[p])))
		return false;
	*out = v;
	*pos = p;
	return true;
}

static bool
parse_number(pp_doc *d, size_t *pos, pp_val *v)
{
	size_t p = *pos, digits = 0;
	bool neg = false, frac = false;
	int64_t ip = 0;

	if (d->buf[p] == '+' || d->buf[p] == '-')
		neg = d->buf[p++] == '-';
	for (; p < d->len; p++) {
		unsigned char c = d->buf[p];

		if (is_digit(c)) {
			if (!frac) {
				if (++digits > 18)
					return pp_bad(d, *pos, "number too long");
				ip = ip * 10 + (c - '0');
			}
		} else if (c == '.' && !frac) {
			frac = true;
		} else {
			break;
		}
	}
	if (p < d->len && is_regular(d->buf[p]))
		return pp_bad(d, *pos, "malformed number");
	if (p == *pos || (digits == 0 && !frac))
		return pp_bad(d, *pos, "malformed number");
	v->type = PP_NUM;
	v->is_int = !frac;
	v->i = neg ? -ip : ip;
	v->start = *pos;
	v->end = p;
	*pos = p;
	return true;
}

/* After an integer: "G R" makes it a reference. */
static void
maybe_ref(pp_doc *d, size_t *pos, pp_val *v)
{
	size_t p = *pos;
	uint64_t gen;

	if (!v->is_int || v->i < 0 || v->i > (int64_t)MAX_OBJNUM ||
	    d->buf[v->start] == '+')
		return;
	pp_skip_ws(d, &p);
	if (p >= d->len || !is_digit(d->buf[p]) || !pp_read_uint(d, &p, &gen) ||
	    gen > 65535)
		return;
	pp_skip_ws(d, &p);
	if (!pp_keyword_at(d, p, "R"))
		return;
	v->type = PP_REF;
	v->obj = (uint32_t)v->i;
	v->gen = (uint32_t)gen;
	v->end = p + 1;
	*pos = p + 1;
}

static bool
parse_literal(pp_doc *d, size_t *pos, pp_val *v)
{
	size_t p = *pos + 1;
	unsigned nest = 1;

	while (p < d->len) {
		unsigned char c = d->buf[p++];

		if (c == '\\') {
			p++;
		} else if (c == '(') {
			nest++;
		} else if (c == ')' && --nest == 0) {
			v->type = PP_STRING;
			v->start = *pos;
			v->end = p;
			*pos = p;
			return true;
		}
	}
	return pp_bad(d, *pos, "unterminated string");
}

static bool
parse_hex(pp_doc *d, size_t *pos, pp_val *v)
{
	size_t p = *pos + 1;

	for (; p < d->len; p++) {
		if (d->buf[p] == '>') {
			v->type = PP_STRING;
			v->start = *pos;
			v->end = p + 1;
			*pos = p + 1;
			return true;
		}
		if (lk_hexval(d->buf[p]) < 0 && !pp_is_ws(d->buf[p]))
			return pp_bad(d, p, "bad hex string");
	}
	return pp_bad(d, *pos, "unterminated hex string");
}

static bool
parse_container(pp_doc *d, size_t *pos, pp_val *v, int depth, bool dict)
{
	size_t p = *pos + (dict ? 2 : 1);
	bool want_key = true;

	for (;;) {
		pp_val item;

		pp_skip_ws(d, &p);
		if (p >= d->len)
			return pp_bad(d, *pos, dict ? "unterminated dictionary" :
			    "unterminated array");
		if (dict && d->buf[p] == '>') {
			if (p + 1 >= d->len || d->buf[p + 1] != '>')
				return pp_bad(d, p, "'>' in a dictionary");
			if (!want_key)
				return pp_bad(d, p, "dictionary key without a value");
			p += 2;
			break;
		}
		if (!dict && d->buf[p] == ']') {
			p++;
			break;
		}
		if (!pp_parse_value(d, &p, &item, depth + 1))
			return false;
		if (dict) {
			if (want_key && item.type != PP_NAME)
				return pp_bad(d, item.start, "dictionary key is not a name");
			want_key = !want_key;
		}
	}
	v->type = dict ? PP_DICT : PP_ARRAY;
	v->start = *pos;
	v->end = p;
	*pos = p;
	return true;
}

bool
pp_parse_value(pp_doc *d, size_t *pos, pp_val *v, int depth)
{
	size_t p = *pos;
	unsigned char c;

	memset(v, 0, sizeof *v);
	if (depth > PP_MAX_DEPTH)
		return pp_bad(d, p, "objects nested too deeply");
	pp_skip_ws(d, &p);
	if (p >= d->len)
		return pp_bad(d, p, "unexpected end of file");
	c = d->buf[p];
	*pos = p;
	switch (c) {
	case '/':
		p++;
		while (p < d->len && is_regular(d->buf[p]))
			p++;
		v->type = PP_NAME;
		v->start = *pos;
		v->end = p;
		*pos = p;
		return true;
	case '(':
		return parse_literal(d, pos, v);
	case '<':
		if (p + 1 < d->len && d->buf[p + 1] == '<')
			return parse_container(d, pos, v, depth, true);
		return parse_hex(d, pos, v);
	case '[':
		return parse_container(d, pos, v, depth, false);
	default:
		break;
	}
	if (is_digit(c) || c == '+' || c == '-' || c == '.') {
		if (!parse_number(d, pos, v))
			return false;
		maybe_ref(d, pos, v);
		return true;
	}
	if (pp_keyword_at(d, p, "true") || pp_keyword_at(d, p, "false")) {
		v->type = PP_BOOL;
		v->i = c == 't';
		v->start = p;
		v->end = p + (c == 't' ? 4 : 5);
	} else if (pp_keyword_at(d, p, "null")) {
		v->type = PP_NULL;
		v->start = p;
		v->end = p + 4;
	} else {
		return pp_bad(d, p, "unexpected '%c'", c >= 0x20 && c < 0x7f ? c : '?');
	}
	*pos = v->end;
	return true;
}

bool
pp_parse(pp_doc *d, size_t *pos, pp_val *v)
{
	return pp_parse_value(d, pos, v, 0);
}

bool
pp_dict_next(pp_doc *d, const pp_val *dict, size_t *cursor, pp_val *key,
	     pp_val *val)
{
	size_t p = *cursor == 0 ? dict->start + 2 : *cursor;

	if (dict->type != PP_DICT)
		return false;
	pp_skip_ws(d, &p);
	if (p + 2 >= dict->end)
		return false;    /* at ">>" */
	if (!pp_parse_value(d, &p, key, 1) || !pp_parse_value(d, &p, val, 1))
		return false;    /* cannot happen: the dict parsed before */
	*cursor = p;
	return true;
}

bool
pp_array_next(pp_doc *d, const pp_val *arr, size_t *cursor, pp_val *item)
{
	size_t p = *cursor == 0 ? arr->start + 1 : *cursor;

	if (arr->type != PP_ARRAY)
		return false;
	pp_skip_ws(d, &p);
	if (p + 1 >= arr->end)
		return false;    /* at "]" */
	if (!pp_parse_value(d, &p, item, 1))
		return false;
	*cursor = p;
	return true;
}

/* The decoded bytes of a name (without the slash). */
static size_t
name_bytes(const pp_doc *d, const pp_val *v, char *out, size_t cap)
{
	size_t n = 0;

	for (size_t p = v->start + 1; p < v->end; p++) {
		int c = d->buf[p];

		if (c == '#' && p + 2 < v->end && lk_hexval(d->buf[p + 1]) >= 0 &&
		    lk_hexval(d->buf[p + 2]) >= 0) {
			c = lk_hexval(d->buf[p + 1]) * 16 + lk_hexval(d->buf[p + 2]);
			p += 2;
		}
		if (n < cap)
			out[n] = (char)c;
		n++;
	}
	return n;
}

bool
pp_name_is(const pp_doc *d, const pp_val *v, const char *name)
{
	char buf[64];
	size_t n;

	if (v->type != PP_NAME)
		return false;
	n = name_bytes(d, v, buf, sizeof buf);
	return n == strlen(name) && n <= sizeof buf && memcmp(buf, name, n) == 0;
}

bool
pp_dict_get(pp_doc *d, const pp_val *dict, const char *key, pp_val *val)
{
	size_t cur = 0;
	pp_val k;

	while (pp_dict_next(d, dict, &cur, &k, val))
		if (pp_name_is(d, &k, key))
			return true;
	return false;
}

size_t
pp_string(const pp_doc *d, const pp_val *v, unsigned char *out, size_t cap)
{
	size_t n = 0, p, end;

#define PUT(c) do { if (n < cap) out[n] = (unsigned char)(c); n++; } while (0)
	if (v->type != PP_STRING)
		return 0;
	end = v->end - 1;
	if (d->buf[v->start] == '<') {
		int hi = -1;

		for (p = v->start + 1; p < end; p++) {
			int h = lk_hexval(d->buf[p]);

			if (h < 0)
				continue;
			if (hi < 0) {
				hi = h;
			} else {
				PUT(hi * 16 + h);
				hi = -1;
			}
		}
		if (hi >= 0)
			PUT(hi * 16);
		return n;
	}
	for (p = v->start + 1; p < end; p++) {
		unsigned char c = d->buf[p];

		if (c == '\r') {         /* an end of line reads as \n */
			if (p + 1 < end && d->buf[p + 1] == '\n')
				p++;
			PUT('\n');
			continue;
		}
		if (c != '\\' || p + 1 >= end) {
			PUT(c);
			continue;
		}
		c = d->buf[++p];
		switch (c) {
		case 'n': PUT('\n'); break;
		case 'r': PUT('\r'); break;
		case 't': PUT('\t'); break;
		case 'b': PUT('\b'); break;
		case 'f': PUT('\f'); break;
		case '\r':               /* line continuation */
			if (p + 1 < end && d->buf[p + 1] == '\n')
				p++;
			break;
		case '\n':
			break;
		default:
			if (c >= '0' && c <= '7') {
				int o = c - '0';

				for (int k = 0; k < 2 && p + 1 < end &&
				    d->buf[p + 1] >= '0' && d->buf[p + 1] <= '7'; k++)
					o = o * 8 + (d->buf[++p] - '0');
				PUT(o & 0xff);
			} else {
				PUT(c);
			}
		}
	}
	return n;
#undef PUT
}

