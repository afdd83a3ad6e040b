/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* pdfxref.c - the cross-reference chain and indirect objects of
 * pdfparse.h. */
#include "config.h"
#include "pdfparse.h"
#include "pdfparse_int.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#define MAX_SECTIONS 4096        /* updates in one file */

/* ---- objects through the cross-reference table ---- */

static int
ent_cmp(const void *a, const void *b)
{
	const pp_ent *x = a, *y = b;

	if (x->num != y->num)
		return x->num < y->num ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static const pp_ent *
lookup(const pp_doc *d, uint32_t num)
{
	size_t lo = 0, hi = d->nmap;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->map[mid].num == num)
			return &d->map[mid];
		if (d->map[mid].num < num)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

bool
pp_object_at(pp_doc *d, size_t off, uint32_t num, pp_val *v)
{
	size_t p = off;
	uint64_t n, g;

	if (off >= d->len)
		return pp_bad(d, off, "object %u is past the end of the file", num);
	if (!pp_read_uint(d, &p, &n))
		return pp_bad(d, off, "object %u not found where the xref table "
		    "says", num);
	pp_skip_ws(d, &p);
	if (!pp_read_uint(d, &p, &g))
		return pp_bad(d, off, "object %u: malformed header", num);
	pp_skip_ws(d, &p);
	if (!pp_keyword_at(d, p, "obj"))
		return pp_bad(d, off, "object %u: \"obj\" expected", num);
	if (n != num)
		return pp_bad(d, off, "the xref table points object %u at object "
		    "%llu", num, (unsigned long long)n);
	p += 3;
	return pp_parse_value(d, &p, v, 0);
}

bool
pp_object(pp_doc *d, uint32_t num, pp_val *v, uint32_t *gen, size_t *off)
{
	const pp_ent *en = lookup(d, num);

	if (en == NULL || !en->used)
		return pp_bad(d, NOWHERE, "object %u is not in the xref table", num);
	if (gen != NULL)
		*gen = en->gen;
	if (off != NULL)
		*off = en->off;
	return pp_object_at(d, en->off, num, v);
}

bool
pp_resolve(pp_doc *d, const pp_val *v, pp_val *out)
{
	pp_val cur = *v;

	for (int hops = 0; cur.type == PP_REF; hops++) {
		if (hops == 16)
			return pp_bad(d, v->start, "references loop");
		if (!pp_object(d, cur.obj, &cur, NULL, NULL))
			return false;
	}
	*out = cur;
	return true;
}

/* ---- the cross-reference chain ---- */

static bool
add_ent(pp_doc *d, size_t *cap, const pp_ent *en)
{
	if (d->nents == *cap) {
		size_t nc = *cap ? *cap * 2 : 256;
		pp_ent *n = realloc(d->ents, nc * sizeof *n);

		if (n == NULL)
			lk_fatal("out of memory");
		d->ents = n;
		*cap = nc;
	}
	d->ents[d->nents++] = *en;
	return true;
}

/* Where "startxref N" at the end of the file points. */
static bool
find_startxref(pp_doc *d, size_t *off)
{
	static const char kw[] = "startxref";
	size_t n = sizeof kw - 1, p;
	uint64_t v;

	if (d->len < n)
		return pp_bad(d, 0, "no startxref");
	for (p = d->len - n + 1; p-- > 0;)
		if (memcmp(d->buf + p, kw, n) == 0)
			break;
	if (p == (size_t)-1)
		return pp_bad(d, 0, "no startxref: not a complete PDF file");
	p += n;
	pp_skip_ws(d, &p);
	if (!pp_read_uint(d, &p, &v) || v >= d->len)
		return pp_bad(d, p, "startxref does not give an offset in the file");
	*off = (size_t)v;
	return true;
}

/* After a trailer dictionary: "startxref N %%EOF" and whitespace. */
static size_t
revision_end(const pp_doc *d, size_t p)
{
	uint64_t v;

	while (p < d->len && pp_is_ws(d->buf[p]))
		p++;
	if (!pp_keyword_at(d, p, "startxref"))
		return 0;
	p += 9;
	while (p < d->len && pp_is_ws(d->buf[p]))
		p++;
	if (!pp_read_uint(d, &p, &v))
		return 0;
	while (p < d->len && pp_is_ws(d->buf[p]))
		p++;
	if (d->len - p < 5 || memcmp(d->buf + p, "%%EOF", 5) != 0)
		return 0;
	p += 5;
	while (p < d->len && pp_is_ws(d->buf[p]))
		p++;
	return p;
}

static bool
read_section(pp_doc *d, size_t off, size_t *cap, pp_section *s)
{
	size_t p = off;
	uint64_t start, count, eoff, egen, v;

	pp_skip_ws(d, &p);
	if (!pp_keyword_at(d, p, "xref")) {
		size_t q = p;

		if (pp_read_uint(d, &q, &v) && (pp_skip_ws(d, &q), pp_read_uint(d, &q, &v)) &&
		    (pp_skip_ws(d, &q), pp_keyword_at(d, q, "obj")))
			return pp_bad(d, off, "cross-reference stream (PDF 1.5 "
			    "compressed xref): not supported, only classic xref "
			    "tables as libharu writes them");
		return pp_bad(d, off, "no xref table where startxref or /Prev points");
	}
	s->xref_off = p;
	s->ent_begin = d->nents;
	p += 4;
	for (;;) {
		pp_skip_ws(d, &p);
		if (pp_keyword_at(d, p, "trailer"))
			break;
		if (!pp_read_uint(d, &p, &start) || (pp_skip_ws(d, &p), !pp_read_uint(d, &p, &count)))
			return pp_bad(d, p, "malformed xref subsection header");
		if (start > MAX_OBJNUM || count > MAX_OBJNUM + 1 - start)
			return pp_bad(d, p, "xref subsection out of range");
		for (uint64_t k = 0; k < count; k++) {
			pp_ent en;

			pp_skip_ws(d, &p);
			if (!pp_read_uint(d, &p, &eoff) || (pp_skip_ws(d, &p), !pp_read_uint(d, &p, &egen)) ||
			    (pp_skip_ws(d, &p), p >= d->len) ||
			    (d->buf[p] != 'n' && d->buf[p] != 'f') || egen > 65535)
				return pp_bad(d, p, "malformed xref entry");
			en.used = d->buf[p++] == 'n';
			en.num = (uint32_t)(start + k);
			en.gen = (uint32_t)egen;
			en.off = (size_t)(eoff < d->len ? eoff : d->len);
			en.seq = d->nents;
			if (en.num != 0)
				add_ent(d, cap, &en);
		}
	}
	s->ent_end = d->nents;
	p += 7;
	if (!pp_parse_value(d, &p, &s->trailer, 0))
		return false;
	if (s->trailer.type != PP_DICT)
		return pp_bad(d, s->trailer.start, "trailer is not a dictionary");
	s->rev_end = revision_end(d, p);
	return true;
}

static bool
read_chain(pp_doc *d)
{
	size_t cap = 0, scap = 0, off = 0;
	pp_val v;

	if (!find_startxref(d, &off))
		return false;
	for (;;) {
		pp_section *s;

		for (size_t k = 0; k < d->nsecs; k++)
			if (d->secs[k].xref_off == off)
				return pp_bad(d, off, "/Prev chain loops");
		if (d->nsecs == MAX_SECTIONS)
			return pp_bad(d, off, "too many updates");
		if (d->nsecs == scap) {
			size_t nc = scap ? scap * 2 : 8;
			pp_section *n = realloc(d->secs, nc * sizeof *n);

			if (n == NULL)
				lk_fatal("out of memory");
			d->secs = n;
			scap = nc;
		}
		s = &d->secs[d->nsecs];
		memset(s, 0, sizeof *s);
		if (!read_section(d, off, &cap, s))
			return false;
		d->nsecs++;
		if (pp_dict_get(d, &s->trailer, "XRefStm", &v))
			return pp_bad(d, s->trailer.start, "hybrid file with a "
			    "cross-reference stream (/XRefStm): not supported");
		if (!pp_dict_get(d, &s->trailer, "Prev", &v))
			return true;
		if (v.type != PP_NUM || !v.is_int || v.i < 0 || (uint64_t)v.i >= d->len)
			return pp_bad(d, v.start, "/Prev is not an offset in the file");
		off = (size_t)v.i;
	}
}

static bool
read_trailer_keys(pp_doc *d)
{
	pp_val v;
	bool have_root = false, have_info = false, have_id = false;
	uint64_t size = 0;

	d->info.type = d->id.type = PP_NULL;
	for (size_t k = 0; k < d->nsecs; k++) {
		const pp_val *t = &d->secs[k].trailer;

		if (k == 0 && pp_dict_get(d, t, "Encrypt", &v) && v.type != PP_NULL)
			return pp_bad(d, v.start, "encrypted PDF: not supported");
		if (!have_root && pp_dict_get(d, t, "Root", &v)) {
			if (v.type != PP_REF)
				return pp_bad(d, v.start, "/Root is not a reference");
			d->root = v;
			have_root = true;
		}
		if (!have_info && pp_dict_get(d, t, "Info", &v)) {
			d->info = v;
			have_info = true;
		}
		if (!have_id && pp_dict_get(d, t, "ID", &v)) {
			d->id = v;
			have_id = true;
		}
		if (pp_dict_get(d, t, "Size", &v) && v.type == PP_NUM && v.i > 0 &&
		    (uint64_t)v.i > size)
			size = (uint64_t)v.i;
	}
	if (!have_root)
		return pp_bad(d, d->secs[0].trailer.start, "trailer has no /Root");
	for (size_t k = 0; k < d->nents; k++)
		if (d->ents[k].num >= size)
			size = (uint64_t)d->ents[k].num + 1;
	if (size > MAX_OBJNUM - 8)
		return pp_bad(d, d->secs[0].trailer.start, "/Size too large");
	d->size = (uint32_t)size;
	return true;
}

static void
build_map(pp_doc *d)
{
	size_t n = 0;

	if (d->nents == 0)
		return;
	d->map = malloc(d->nents * sizeof *d->map);
	if (d->map == NULL)
		lk_fatal("out of memory");
	memcpy(d->map, d->ents, d->nents * sizeof *d->map);
	qsort(d->map, d->nents, sizeof *d->map, ent_cmp);
	for (size_t k = 0; k < d->nents; k++)
		if (n == 0 || d->map[n - 1].num != d->map[k].num)
			d->map[n++] = d->map[k];
	d->nmap = n;
}

int
pp_open(pp_doc *d, const unsigned char *buf, size_t len, const char *path,
	lk_err *e)
{
	memset(d, 0, sizeof *d);
	d->buf = buf;
	d->len = len;
	d->path = path;
	if (len < 8 || memcmp(buf, "%PDF-", 5) != 0)
		return lk_fail_at(e, EX_DATAERR, path, 0, 0, "not a PDF file "
		    "(no %%PDF- header)");
	if (!read_chain(d) || !read_trailer_keys(d)) {
		lk_fail_at(e, EX_DATAERR, path, 0, 0, "%s", pp_errmsg(d));
		pp_close(d);
		return EX_DATAERR;
	}
	build_map(d);
	return 0;
}

void
pp_close(pp_doc *d)
{
	free(d->secs);
	free(d->ents);
	free(d->map);
	d->secs = NULL;
	d->ents = d->map = NULL;
	d->nsecs = d->nents = d->nmap = 0;
}
