/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* ttf_write.c - writing a TrueType file (for ttf_subset.c).
 *
 * Owns: the growing output buffer, the cmap (one format 4 subtable), the
 * name table under another PostScript name, and the file itself: table
 * directory in tag order, checksums, tables aligned to 4 bytes, head's
 * checksum adjustment.  Out of memory is fatal; nothing else fails but
 * reading a name table it does not know.
 */
#include "config.h"
#include "report/ttf_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"

/* Room for n more bytes at the end of o; returns where they go. */
unsigned char *
ttf_grow(out *o, size_t n)
{
	if (o->n + n > o->cap) {
		size_t cap = o->cap ? o->cap : 4096;

		while (cap < o->n + n)
			cap *= 2;
		if ((o->p = realloc(o->p, cap)) == NULL)
			lk_fatal("out of memory (font)");
		o->cap = cap;
	}
	o->n += n;
	return o->p + o->n - n;
}

void
ttf_put(out *o, const void *s, size_t n)
{
	if (n > 0)
		memcpy(ttf_grow(o, n), s, n);
}

void
ttf_put16(out *o, unsigned v)
{
	wr16(ttf_grow(o, 2), v);
}

void
ttf_pad4(out *o)
{
	while (o->n % 4 != 0)
		*ttf_grow(o, 1) = 0;
}

/* A cmap with one (3, 1) format 4 subtable for the pairs (sorted,
 * unique, codes below 0xFFFF): a segment for each run of codes whose
 * glyphs follow each other, and the closing 0xFFFF segment. */
void
ttf_write_cmap(out *o, const pair *p, size_t n)
{
	unsigned *first = malloc((n + 1) * sizeof *first);
	unsigned *last = malloc((n + 1) * sizeof *last);
	unsigned *delta = malloc((n + 1) * sizeof *delta);
	unsigned seg = 0, sr = 1, es = 0, i;

	if (first == NULL || last == NULL || delta == NULL)
		lk_fatal("out of memory (font)");
	for (size_t k = 0; k < n; k++) {
		if (seg > 0 && p[k].code == last[seg - 1] + 1 &&
		    p[k].gid == p[k - 1].gid + 1) {
			last[seg - 1] = p[k].code;
			continue;
		}
		first[seg] = last[seg] = p[k].code;
		delta[seg++] = (p[k].gid - p[k].code) & 0xFFFF;
	}
	first[seg] = last[seg] = 0xFFFF;
	delta[seg++] = 1;                       /* 0xFFFF -> glyph 0 */
	while (sr * 2 <= seg) {
		sr *= 2;
		es++;
	}
	ttf_put16(o, 0);                            /* version */
	ttf_put16(o, 1);                            /* one subtable: */
	ttf_put16(o, 3);                            /* Windows, */
	ttf_put16(o, 1);                            /* Unicode BMP */
	wr32(ttf_grow(o, 4), 12);
	ttf_put16(o, 4);                            /* format 4 */
	ttf_put16(o, 16 + 8 * seg);
	ttf_put16(o, 0);
	ttf_put16(o, 2 * seg);
	ttf_put16(o, 2 * sr);
	ttf_put16(o, es);
	ttf_put16(o, 2 * seg - 2 * sr);
	for (i = 0; i < seg; i++)
		ttf_put16(o, last[i]);
	ttf_put16(o, 0);
	for (i = 0; i < seg; i++)
		ttf_put16(o, first[i]);
	for (i = 0; i < seg; i++)
		ttf_put16(o, delta[i]);
	for (i = 0; i < seg; i++)
		ttf_put16(o, 0);                    /* idRangeOffset */
	free(first);
	free(last);
	free(delta);
}

static int
by_tag(const void *a, const void *b)
{
	return memcmp(((const table *)a)->tag, ((const table *)b)->tag, 4);
}

/* The sum of the table's big-endian words, two words a step: the sums
 * of the words' bytes by place (each lane's carries stay within its 16
 * bits for up to 256 words a block) give the same sum modulo 2^32. */
static uint32_t
checksum(const unsigned char *p, size_t n)
{
	uint32_t sum = 0;
	size_t i = 0;

	while (i + 8 <= n) {
		/* bytes 0-3 and 4-7 of each pair of words, added by place */
		uint64_t b0 = 0, b1 = 0, b2 = 0, b3 = 0;
		size_t end = i + 8 * 128 < n ? i + 8 * 128 : n;

		for (; i + 8 <= end; i += 8) {
			b0 += (uint64_t)p[i] + p[i + 4];
			b1 += (uint64_t)p[i + 1] + p[i + 5];
			b2 += (uint64_t)p[i + 2] + p[i + 6];
			b3 += (uint64_t)p[i + 3] + p[i + 7];
		}
		sum += (uint32_t)(b0 << 24) + (uint32_t)(b1 << 16) +
		       (uint32_t)(b2 << 8) + (uint32_t)b3;
	}
	for (; i + 4 <= n; i += 4)
		sum += (uint32_t)p[i] << 24 | (uint32_t)p[i + 1] << 16 |
		       (uint32_t)p[i + 2] << 8 | p[i + 3];
	if (i < n) {            /* the last word, padded with zeros */
		unsigned char w[4] = { 0, 0, 0, 0 };

		memcpy(w, p + i, n - i);
		sum += rd32(w);
	}
	return sum;
}

/* The file: directory, tables in tag order, head's checksum adjusted. */
void
ttf_assemble(table *t, size_t nt, out *o)
{
	unsigned sr = 1, es = 0;
	size_t at, head = 0;

	qsort(t, nt, sizeof *t, by_tag);
	while (sr * 2 <= nt) {
		sr *= 2;
		es++;
	}
	wr32(ttf_grow(o, 4), 0x00010000);
	ttf_put16(o, (unsigned)nt);
	ttf_put16(o, 16 * sr);
	ttf_put16(o, es);
	ttf_put16(o, 16 * ((unsigned)nt - sr));
	at = 12 + 16 * nt;
	for (size_t i = 0; i < nt; i++) {
		ttf_put(o, t[i].tag, 4);
		wr32(ttf_grow(o, 4), checksum(t[i].data.p, t[i].data.n));
		wr32(ttf_grow(o, 4), (uint32_t)at);
		wr32(ttf_grow(o, 4), (uint32_t)t[i].data.n);
		at += (t[i].data.n + 3) / 4 * 4;
	}
	for (size_t i = 0; i < nt; i++) {
		if (strcmp(t[i].tag, "head") == 0)
			head = o->n;
		ttf_put(o, t[i].data.p, t[i].data.n);
		ttf_pad4(o);
	}
	wr32(o->p + head + 8, 0xB1B0AFBAu - checksum(o->p, o->n));
}

/* The name table with suffix (or NULL) appended to the PostScript name
 * (name 6), in each record's encoding; names only: the family, style,
 * full and PostScript names alone (a PDF needs no copyright, licence or
 * vendor text); false for a table it cannot read. */
bool
ttf_write_name(out *o, span nm, const char *suffix, bool names_only)
{
	size_t count, strings, sl = suffix ? strlen(suffix) : 0, at = 0;
	size_t kept = 0;
	out str = { NULL, 0, 0 };

	if (nm.n < 6 || rd16(nm.p) != 0)
		return false;
	count = rd16(nm.p + 2);
	strings = rd16(nm.p + 4);
	if (6 + 12 * count > nm.n || strings > nm.n)
		return false;
	for (size_t i = 0; i < count; i++) {
		unsigned id = rd16(nm.p + 6 + 12 * i + 6);

		kept += !names_only || id == 1 || id == 2 || id == 4 || id == 6;
	}
	ttf_put(o, nm.p, 6);
	wr16(o->p + o->n - 4, (unsigned)kept);
	wr16(o->p + o->n - 2, 6 + 12 * (unsigned)kept);
	for (size_t i = 0; i < count; i++) {
		const unsigned char *r = nm.p + 6 + 12 * i;
		size_t len = rd16(r + 8), off = strings + rd16(r + 10);
		bool wide = rd16(r) != 1;       /* Unicode, Windows: UTF-16 */
		unsigned id = rd16(r + 6);
		unsigned char *rec;

		if (names_only && id != 1 && id != 2 && id != 4 && id != 6)
			continue;

		if (off > nm.n || len > nm.n - off) {
			free(str.p);
			return false;
		}
		ttf_put(&str, nm.p + off, len);
		if (rd16(r + 6) == 6)
			for (size_t k = 0; k < sl; k++) {
				if (wide)
					ttf_put16(&str, (unsigned char)suffix[k]);
				else
					ttf_put(&str, suffix + k, 1);
			}
		if (at > 0xFFFF || str.n - at > 0xFFFF) {
			free(str.p);
			return false;
		}
		rec = ttf_grow(o, 12);
		memcpy(rec, r, 8);
		wr16(rec + 8, (unsigned)(str.n - at));
		wr16(rec + 10, (unsigned)at);
		at = str.n;
	}
	ttf_put(o, str.p, str.n);
	free(str.p);
	return true;
}
