/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_pdfparse.c - the PDF reader of signing (sign/pdfparse.h).
 *
 * pp_open over the input as a buffer; when it opens, every object of the
 * cross-reference map (pp_object), the trailer's /Root, /Info and /ID
 * (pp_resolve) and everything they hold are walked (pp_dict_next,
 * pp_array_next, pp_dict_get, pp_name_is, pp_string), and PDF strings
 * go through the text and date decoders verify uses (sign_text_utf8,
 * sign_parse_pdf_date).  Every value must lie inside the buffer.  Also
 * the lexer from the first byte on (pp_parse), opened or not.
 */
#include "config.h"
#include "fuzz.h"

#include "sign/pdfparse.h"
#include "sign/sign_int.h"

#define MAX_VISIT 4000

static size_t visits;

static void
check_span(const pp_doc *d, const pp_val *v)
{
	if (v->start > v->end || v->end > d->len)
		fz_bug("a value at [%zu, %zu) outside the %zu-byte file",
		    v->start, v->end, d->len);
}

/* follow: resolve references (the objects of the map are walked anyway). */
static void
walk(pp_doc *d, const pp_val *v, int depth, bool follow)
{
	size_t cur = 0;
	pp_val k, x, r;

	if (++visits > MAX_VISIT || depth > PP_MAX_DEPTH + 2)
		return;
	check_span(d, v);
	switch (v->type) {
	case PP_STRING: {
		unsigned char buf[512];
		char utf8[256];
		size_t n = pp_string(d, v, buf, sizeof buf);

		if (n > v->end - v->start)
			fz_bug("pp_string: %zu bytes from a %zu-byte string", n,
			    v->end - v->start);
		if (n > sizeof buf)
			n = sizeof buf;
		sign_text_utf8(buf, n, utf8, sizeof utf8);
		if (strlen(utf8) >= sizeof utf8)
			fz_bug("sign_text_utf8 overflowed");
		(void)sign_parse_pdf_date(buf, n);
		break;
	}
	case PP_NAME:
		(void)pp_name_is(d, v, "Type");
		(void)pp_name_is(d, v, "Sig");
		break;
	case PP_DICT:
		while (pp_dict_next(d, v, &cur, &k, &x)) {
			check_span(d, &k);
			if (k.type != PP_NAME)
				fz_bug("a dictionary key that is not a name");
			walk(d, &x, depth + 1, follow);
		}
		(void)pp_dict_get(d, v, "Type", &x);
		(void)pp_dict_get(d, v, "Contents", &x);
		break;
	case PP_ARRAY:
		while (pp_array_next(d, v, &cur, &x))
			walk(d, &x, depth + 1, follow);
		break;
	case PP_REF:
		if (follow && depth < 4 && pp_resolve(d, v, &r))
			walk(d, &r, depth + 1, follow);
		break;
	default:
		break;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pp_doc d;
	pp_val v;
	lk_err e;
	size_t pos = 0;

	visits = 0;
	if (pp_open(&d, data, size, "fuzz.pdf", &e) != 0) {
		if (e.code == 0 || e.msg[0] == '\0')
			fz_bug("pp_open failed without a message");
		/* The lexer alone, on a doc that holds only the buffer. */
		memset(&d, 0, sizeof d);
		d.buf = data;
		d.len = size;
		d.path = "fuzz.pdf";
		for (int i = 0; i < 2000 && pos < size; i++) {
			size_t before = pos;

			if (!pp_parse(&d, &pos, &v))
				break;
			walk(&d, &v, 0, false);
			if (pos <= before)
				fz_bug("pp_parse did not move on");
		}
		return 0;
	}
	if (d.nmap > d.nents || d.nsecs == 0)
		fz_bug("%zu objects in the map from %zu entries, %zu sections",
		    d.nmap, d.nents, d.nsecs);
	for (size_t s = 0; s < d.nsecs; s++) {
		if (d.secs[s].ent_begin > d.secs[s].ent_end ||
		    d.secs[s].ent_end > d.nents)
			fz_bug("section %zu holds entries [%zu, %zu) of %zu", s,
			    d.secs[s].ent_begin, d.secs[s].ent_end, d.nents);
		walk(&d, &d.secs[s].trailer, 0, false);
	}
	for (size_t i = 0; i < d.nmap && visits < MAX_VISIT; i++) {
		uint32_t gen;
		size_t off;

		if (d.map[i].used && pp_object(&d, d.map[i].num, &v, &gen, &off))
			walk(&d, &v, 0, false);
	}
	visits = 0;
	if (pp_resolve(&d, &d.root, &v))
		walk(&d, &v, 0, true);
	if (d.info.type != PP_NULL && pp_resolve(&d, &d.info, &v))
		walk(&d, &v, 0, true);
	if (d.id.type != PP_NULL)
		walk(&d, &d.id, 0, true);
	(void)pp_errmsg(&d);
	pp_close(&d);
	return 0;
}
