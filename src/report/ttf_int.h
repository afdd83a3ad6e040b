/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* ttf_int.h - shared by ttf_subset.c (reading a TrueType file, choosing
 * the glyphs) and ttf_write.c (writing the tables and the file).
 *
 * Big-endian reading and writing, a growing output buffer (out of memory
 * is fatal), the tables being written.
 */
#ifndef LK_TTF_INT_H
#define LK_TTF_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct span {
	const unsigned char *p;
	size_t n;
} span;

typedef struct out {
	unsigned char *p;
	size_t n, cap;
} out;

typedef struct pair {
	unsigned code, gid;
} pair;

typedef struct table {
	char tag[5];
	out data;
} table;

static inline unsigned
rd16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static inline uint32_t
rd32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static inline void
wr16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static inline void
wr32(unsigned char *p, uint32_t v)
{
	wr16(p, v >> 16);
	wr16(p + 2, v & 0xFFFF);
}

/* Room for n more bytes at the end of o; returns where they go. */
unsigned char *ttf_grow(out *o, size_t n);
void ttf_put(out *o, const void *s, size_t n);
void ttf_put16(out *o, unsigned v);
void ttf_pad4(out *o);
/* A cmap with one (3, 1) format 4 subtable for the pairs (sorted by
 * code, unique, codes below 0xFFFF). */
void ttf_write_cmap(out *o, const pair *p, size_t n);
/* The name table nm with suffix (or NULL) appended to the PostScript
 * name (name 6), in each record's encoding; names_only: the family,
 * style, full and PostScript names alone; false for a table it cannot
 * read. */
bool ttf_write_name(out *o, span nm, const char *suffix, bool names_only);
/* The file: directory, tables in tag order (t is sorted here), head's
 * checksum adjustment set. */
void ttf_assemble(table *t, size_t nt, out *o);

#endif
