/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* ttf_subset.c - a TrueType font cut down to some characters (see
 * ttf_subset.h); the tables are written by ttf_write.c.
 *
 * Reads the whole file, finds the glyphs of the characters through the
 * Unicode cmap (format 4), adds .notdef and the components of composite
 * glyphs, and writes the tables again with the kept glyphs numbered in
 * their old order.  Every offset read from the file is checked against
 * the file's size: a damaged font gives false, never a wild read.
 */
#include "config.h"
#include "report/ttf_subset.h"
#include "report/ttf_int.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/err.h"

#define MAX_FILE (64L * 1024 * 1024)

/* composite glyph flags */
#define ARG_1_AND_2_ARE_WORDS 0x0001
#define WE_HAVE_A_SCALE 0x0008
#define MORE_COMPONENTS 0x0020
#define WE_HAVE_AN_X_AND_Y_SCALE 0x0040
#define WE_HAVE_A_TWO_BY_TWO 0x0080
#define WE_HAVE_INSTRUCTIONS 0x0100

#define NONE 0xFFFFFFFFu            /* an empty glyph */

typedef struct ttf {
	const unsigned char *d;
	size_t n;
	span head, hhea, maxp, hmtx, loca, glyf, cmap, post;
	span copy[5];             /* OS/2, name, cvt, fpgm, prep */
	unsigned num_glyphs, n_hmetrics;
	bool long_loca;
} ttf;

static const char *const copy_tag[5] = { "OS/2", "name", "cvt ", "fpgm",
					  "prep" };

static span
find(const ttf *f, const char *tag)
{
	span s = { NULL, 0 };
	unsigned n = rd16(f->d + 4);

	for (unsigned i = 0; i < n; i++) {
		const unsigned char *e = f->d + 12 + 16 * (size_t)i;
		uint32_t off = rd32(e + 8), len = rd32(e + 12);

		if (memcmp(e, tag, 4) != 0)
			continue;
		if (off <= f->n && len <= f->n - off) {
			s.p = f->d + off;
			s.n = len;
		}
		break;
	}
	return s;
}

static bool
parse(ttf *f)
{
	uint32_t v;

	if (f->n < 12)
		return false;
	v = rd32(f->d);
	if ((v != 0x00010000 && v != 0x74727565) ||
	    12 + 16 * (size_t)rd16(f->d + 4) > f->n)
		return false;
	f->head = find(f, "head");
	f->hhea = find(f, "hhea");
	f->maxp = find(f, "maxp");
	f->hmtx = find(f, "hmtx");
	f->loca = find(f, "loca");
	f->glyf = find(f, "glyf");
	f->cmap = find(f, "cmap");
	f->post = find(f, "post");
	for (int i = 0; i < 5; i++)
		f->copy[i] = find(f, copy_tag[i]);
	if (f->head.n < 54 || f->hhea.n < 36 || f->maxp.n < 6 ||
	    f->glyf.p == NULL || f->cmap.n < 4)
		return false;
	f->num_glyphs = rd16(f->maxp.p + 4);
	f->n_hmetrics = rd16(f->hhea.p + 34);
	f->long_loca = rd16(f->head.p + 50) != 0;
	return f->num_glyphs > 0 && f->n_hmetrics > 0 &&
	       f->n_hmetrics <= f->num_glyphs &&
	       f->hmtx.n >= 4 * (size_t)f->n_hmetrics +
			    2 * (size_t)(f->num_glyphs - f->n_hmetrics) &&
	       f->loca.n >= ((size_t)f->num_glyphs + 1) *
			    (f->long_loca ? 4 : 2);
}

/* The Unicode subtable in format 4, or an empty span. */
static span
cmap4(const ttf *f)
{
	static const unsigned want[][2] = { { 3, 1 }, { 0, 3 }, { 0, 4 },
					    { 0, 1 }, { 0, 0 } };
	unsigned n = rd16(f->cmap.p + 2);
	span s = { NULL, 0 };

	if (4 + 8 * (size_t)n > f->cmap.n)
		return s;
	for (size_t w = 0; w < sizeof want / sizeof want[0]; w++)
		for (unsigned i = 0; i < n; i++) {
			const unsigned char *e = f->cmap.p + 4 + 8 * (size_t)i;
			uint32_t off = rd32(e + 4);

			if (rd16(e) != want[w][0] || rd16(e + 2) != want[w][1] ||
			    (size_t)off + 14 > f->cmap.n ||
			    rd16(f->cmap.p + off) != 4)
				continue;
			s.p = f->cmap.p + off;
			s.n = rd16(s.p + 2);
			if (s.n < 16 || s.n > f->cmap.n - off)
				s.n = f->cmap.n - off;   /* some fonts lie */
			return s;
		}
	return s;
}

/* Glyph of character c in a format 4 subtable (0: none). */
static unsigned
lookup(span t, uint32_t c)
{
	size_t seg = rd16(t.p + 6) / 2, end = 14, start = end + 2 * seg + 2;
	size_t delta = start + 2 * seg, range = delta + 2 * seg;

	if (range + 2 * seg > t.n)
		return 0;
	for (size_t i = 0; i < seg; i++) {
		unsigned e = rd16(t.p + end + 2 * i), s, ro, g;
		size_t at;

		if (c > e)
			continue;
		s = rd16(t.p + start + 2 * i);
		if (c < s)
			return 0;
		ro = rd16(t.p + range + 2 * i);
		if (ro == 0)
			return (c + rd16(t.p + delta + 2 * i)) & 0xFFFF;
		at = range + 2 * i + ro + 2 * (size_t)(c - s);
		if (at + 2 > t.n || (g = rd16(t.p + at)) == 0)
			return 0;
		return (g + rd16(t.p + delta + 2 * i)) & 0xFFFF;
	}
	return 0;
}

/* Glyph g's bytes (n may be 0: an empty glyph); false when out of
 * bounds. */
static bool
glyph(const ttf *f, unsigned g, span *s)
{
	size_t a, b;

	if (f->long_loca) {
		a = rd32(f->loca.p + 4 * (size_t)g);
		b = rd32(f->loca.p + 4 * (size_t)g + 4);
	} else {
		a = 2 * (size_t)rd16(f->loca.p + 2 * (size_t)g);
		b = 2 * (size_t)rd16(f->loca.p + 2 * (size_t)g + 2);
	}
	if (a > b || b > f->glyf.n)
		return false;
	s->p = f->glyf.p + a;
	s->n = b - a;
	return true;
}

/* Calls back for every component of a composite glyph with the offset
 * of its glyph index; false for a damaged glyph. */
static bool
components(span g, bool (*fn)(void *, size_t), void *ctx)
{
	size_t at = 10;
	unsigned flags;

	if (g.n < 10 || (int16_t)rd16(g.p) >= 0)
		return true;                    /* simple or empty */
	do {
		if (at + 4 > g.n)
			return false;
		flags = rd16(g.p + at);
		if (!fn(ctx, at + 2))
			return false;
		at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
		if (flags & WE_HAVE_A_SCALE)
			at += 2;
		else if (flags & WE_HAVE_AN_X_AND_Y_SCALE)
			at += 4;
		else if (flags & WE_HAVE_A_TWO_BY_TWO)
			at += 8;
	} while (flags & MORE_COMPONENTS);
	return at <= g.n;
}

typedef struct closure {
	const ttf *f;
	span g;
	unsigned char *keep;
	unsigned *todo;
	size_t n_todo;
} closure;

static bool
add_component(void *ctx, size_t at)
{
	closure *c = ctx;
	unsigned id = rd16(c->g.p + at);

	if (id >= c->f->num_glyphs)
		return false;
	if (!c->keep[id]) {
		c->keep[id] = 1;
		c->todo[c->n_todo++] = id;
	}
	return true;
}

typedef struct renumber {
	unsigned char *g;
	const unsigned *map;
	unsigned n;               /* glyphs in the font */
} renumber;

static bool
set_component(void *ctx, size_t at)
{
	renumber *r = ctx;
	unsigned id = rd16(r->g + at);

	if (id >= r->n)
		return false;
	wr16(r->g + at, r->map[id]);
	return true;
}

/* Glyph instructions removed from the glyph at g (n bytes; *n is
 * updated): a PDF viewer renders without hinting. */
static void
unhint(unsigned char *g, size_t *n)
{
	size_t at, len;
	unsigned flags;

	if (*n < 10)
		return;
	if ((int16_t)rd16(g) >= 0) {            /* simple glyph */
		at = 10 + 2 * (size_t)rd16(g);
		if (at + 2 > *n || (len = rd16(g + at)) > *n - at - 2)
			return;
		memmove(g + at + 2, g + at + 2 + len, *n - at - 2 - len);
		wr16(g + at, 0);
		*n -= len;
		return;
	}
	at = 10;
	do {                                    /* composite: checked before */
		size_t f = at;

		flags = rd16(g + at);
		at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
		if (flags & WE_HAVE_A_SCALE)
			at += 2;
		else if (flags & WE_HAVE_AN_X_AND_Y_SCALE)
			at += 4;
		else if (flags & WE_HAVE_A_TWO_BY_TWO)
			at += 8;
		if (!(flags & MORE_COMPONENTS) && (flags & WE_HAVE_INSTRUCTIONS)) {
			wr16(g + f, flags & ~WE_HAVE_INSTRUCTIONS);
			if (at <= *n)
				*n = at;
		}
	} while (flags & MORE_COMPONENTS);
}

/* The new font's glyphs src[0..ng) (old glyph ids; NONE: an empty
 * glyph) with their outlines (loca: long offsets) and metrics;
 * components renumbered through map.  hint false drops instructions. */
static bool
glyphs(const ttf *f, const unsigned *src, unsigned ng, const unsigned *map,
       bool hint, out *glyf, out *loca, out *hmtx)
{
	for (unsigned i = 0; i < ng; i++) {
		unsigned g = src[i];
		unsigned hm = g < f->n_hmetrics ? g : f->n_hmetrics - 1;
		const unsigned char *lsb;
		renumber r;
		span s;
		size_t n;

		wr32(ttf_grow(loca, 4), (uint32_t)glyf->n);
		if (g == NONE) {
			memset(ttf_grow(hmtx, 4), 0, 4);
			continue;
		}
		lsb = g < f->n_hmetrics ? f->hmtx.p + 4 * (size_t)g + 2 :
			f->hmtx.p + 4 * (size_t)f->n_hmetrics +
			2 * (size_t)(g - f->n_hmetrics);
		if (!glyph(f, g, &s))
			return false;
		r.g = ttf_grow(glyf, s.n);
		r.map = map;
		r.n = f->num_glyphs;
		if (s.n > 0)
			memcpy(r.g, s.p, s.n);
		if (!components((span){ r.g, s.n }, set_component, &r))
			return false;
		if (!hint) {
			n = s.n;
			unhint(r.g, &n);
			glyf->n -= s.n - n;
		}
		ttf_pad4(glyf);
		ttf_put16(hmtx, rd16(f->hmtx.p + 4 * (size_t)hm));
		ttf_put(hmtx, lsb, 2);
	}
	wr32(ttf_grow(loca, 4), (uint32_t)glyf->n);
	return true;
}

static int
by_code(const void *a, const void *b)
{
	const pair *x = a, *y = b;

	return x->code < y->code ? -1 : x->code > y->code;
}

/* The font files read, mapped for the process: a report cuts each file
 * twice (the CP1252 font libharu loads, then the subset embedded of the
 * characters drawn) and the terminal application prints many reports;
 * mapping shares the page cache and touches only the pages read (the
 * glyphs used), where reading copied each 400 KB file twice.  A file
 * replaced or changed since (inode, size or time) is mapped again. */
#define N_MAPPED 8

static struct mapped {
	char *path;
	const unsigned char *d;
	size_t n;
	dev_t dev;
	ino_t ino;
	struct timespec mtime;
} mapped[N_MAPPED];
static unsigned n_mapped_next;    /* the slot to reuse when all are full */

static bool
same_file(const struct mapped *m, const struct stat *st)
{
	return m->dev == st->st_dev && m->ino == st->st_ino &&
	       m->n == (size_t)st->st_size &&
	       m->mtime.tv_sec == st->st_mtim.tv_sec &&
	       m->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

static void
unmap(struct mapped *m)
{
	if (m->d != NULL)
		munmap((void *)m->d, m->n);
	free(m->path);
	memset(m, 0, sizeof *m);
}

/* The bytes of the font file at path (valid for the process, read-only:
 * never freed by the caller). */
static bool
read_file(const char *path, const unsigned char **d, size_t *n)
{
	struct stat st;
	struct mapped *m = NULL;
	void *p;
	int fd;

	*d = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return false;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    st.st_size > MAX_FILE) {
		close(fd);
		return false;
	}
	for (unsigned i = 0; i < N_MAPPED && m == NULL; i++)
		if (mapped[i].path != NULL && strcmp(mapped[i].path, path) == 0)
			m = &mapped[i];
	if (m != NULL && same_file(m, &st)) {
		close(fd);
		*d = m->d;
		*n = m->n;
		return true;
	}
	if (m != NULL)
		unmap(m);
	for (unsigned i = 0; i < N_MAPPED && m == NULL; i++)
		if (mapped[i].path == NULL)
			m = &mapped[i];
	if (m == NULL) {
		m = &mapped[n_mapped_next];
		n_mapped_next = (n_mapped_next + 1) % N_MAPPED;
		unmap(m);
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return false;
	if ((m->path = strdup(path)) == NULL)
		lk_fatal("out of memory");
	m->d = p;
	m->n = (size_t)st.st_size;
	m->dev = st.st_dev;
	m->ino = st.st_ino;
	m->mtime = st.st_mtim;
	*d = m->d;
	*n = m->n;
	return true;
}

/* The subset's tables, from a parsed font and its new glyphs src[0..ng)
 * (old ids; map: old to new), the cmap's pairs (NULL: the old cmap). */
static bool
tables(const ttf *f, const unsigned *src, const unsigned *map, unsigned ng,
       pair *p, size_t np, const char *suffix, bool embed, table *t,
       size_t *nt)
{
	out *head, *hhea, *maxp, *post;

	*nt = 0;
	memcpy(t[0].tag, "glyf", 5);
	memcpy(t[1].tag, "loca", 5);
	memcpy(t[2].tag, "hmtx", 5);
	if (!glyphs(f, src, ng, map, !embed, &t[0].data, &t[1].data,
		    &t[2].data))
		return false;
	memcpy(t[3].tag, "cmap", 5);
	if (p != NULL)
		ttf_write_cmap(&t[3].data, p, np);
	else
		ttf_put(&t[3].data, f->cmap.p, f->cmap.n);   /* every glyph kept */
	memcpy(t[4].tag, "head", 5);
	head = &t[4].data;
	ttf_put(head, f->head.p, f->head.n);
	wr32(head->p + 8, 0);                   /* checkSumAdjustment */
	wr16(head->p + 50, 1);                  /* long loca */
	memcpy(t[5].tag, "hhea", 5);
	hhea = &t[5].data;
	ttf_put(hhea, f->hhea.p, f->hhea.n);
	wr16(hhea->p + 34, ng);
	memcpy(t[6].tag, "maxp", 5);
	maxp = &t[6].data;
	ttf_put(maxp, f->maxp.p, f->maxp.n);
	wr16(maxp->p + 4, ng);
	if (embed && maxp->n >= 28)
		wr16(maxp->p + 26, 0);          /* maxSizeOfInstructions */
	memcpy(t[7].tag, "post", 5);
	post = &t[7].data;
	memset(ttf_grow(post, 32), 0, 32);          /* format 3: no names */
	if (f->post.n >= 32)
		memcpy(post->p + 4, f->post.p + 4, 28);
	wr32(post->p, 0x00030000);
	*nt = 8;
	for (int i = 0; i < 5; i++) {
		bool name = strcmp(copy_tag[i], "name") == 0;

		if (f->copy[i].p == NULL || (embed && i >= 2))
			continue;               /* hinting: cvt, fpgm, prep */
		memcpy(t[*nt].tag, copy_tag[i], 5);
		if (!name || (suffix == NULL && !embed))
			ttf_put(&t[*nt].data, f->copy[i].p, f->copy[i].n);
		else if (!ttf_write_name(&t[*nt].data, f->copy[i], suffix, embed))
			return false;
		(*nt)++;
	}
	return true;
}

/* What ttf_subset and ttf_subset_embed do. */
static bool
subset(const char *path, const uint32_t *chars, size_t n, const char *suffix,
       bool embed, bool identity, unsigned char **res, size_t *len)
{
	ttf f;
	const unsigned char *d;
	unsigned char *keep = NULL;
	unsigned *map = NULL, *src = NULL, ng = 0, top = 0;
	pair *p = NULL;
	size_t np = 0, nu = 0, nt = 0;
	table t[13];
	closure c;
	span cm;
	out o = { NULL, 0, 0 };
	bool ok = false;

	*res = NULL;
	*len = 0;
	memset(&f, 0, sizeof f);
	memset(t, 0, sizeof t);
	memset(&c, 0, sizeof c);
	if (!read_file(path, &d, &f.n))
		return false;
	f.d = d;
	if (!parse(&f) || (cm = cmap4(&f)).p == NULL)
		goto out;
	keep = calloc(f.num_glyphs, 1);
	map = malloc(f.num_glyphs * sizeof *map);
	p = malloc((n ? n : 1) * sizeof *p);
	c.todo = malloc(f.num_glyphs * sizeof *c.todo);
	if (keep == NULL || map == NULL || p == NULL || c.todo == NULL)
		lk_fatal("out of memory (font)");
	for (unsigned g = 0; g < f.num_glyphs; g++)
		map[g] = NONE;
	keep[0] = 1;                            /* .notdef */
	c.todo[c.n_todo++] = 0;
	if (chars == NULL)
		memset(keep, 1, f.num_glyphs);  /* all: nothing to follow */
	for (size_t i = 0; chars != NULL && i < n; i++) {
		unsigned g = chars[i] < 0xFFFF ? lookup(cm, chars[i]) : 0;

		if (g == 0 || g >= f.num_glyphs)
			continue;
		p[np].code = chars[i];
		p[np++].gid = g;
		if (chars[i] >= top)
			top = chars[i] + 1;
		if (!keep[g]) {
			keep[g] = 1;
			c.todo[c.n_todo++] = g;
		}
	}
	/* composite glyphs bring their components */
	c.f = &f;
	c.keep = keep;
	while (c.n_todo > 0) {
		if (!glyph(&f, c.todo[--c.n_todo], &c.g) ||
		    !components(c.g, add_component, &c))
			goto out;
	}
	/* the new glyphs: the kept ones in their old order, or (identity)
	 * each character's glyph at its code, then the other kept ones */
	if (!identity)
		top = 0;
	if ((size_t)top + f.num_glyphs > 0xFFFF)
		goto out;
	src = malloc(((size_t)top + f.num_glyphs + 1) * sizeof *src);
	if (src == NULL)
		lk_fatal("out of memory (font)");
	for (unsigned i = 0; i < top; i++)
		src[i] = NONE;
	if (identity) {
		src[0] = 0;
		map[0] = 0;
		for (size_t i = 0; i < np; i++) {
			src[p[i].code] = p[i].gid;
			if (map[p[i].gid] == NONE)
				map[p[i].gid] = p[i].code;
		}
		ng = top > 0 ? top : 1;
	}
	for (unsigned g = 0; g < f.num_glyphs; g++)
		if (keep[g] && map[g] == NONE) {
			src[ng] = g;
			map[g] = ng++;
		}
	qsort(p, np, sizeof *p, by_code);
	for (size_t i = 0; i < np; i++) {          /* unique codes, new ids */
		if (nu > 0 && p[i].code == p[nu - 1].code)
			continue;
		p[nu].code = p[i].code;
		p[nu++].gid = identity ? p[i].code : map[p[i].gid];
	}
	if (!tables(&f, src, map, ng, chars != NULL ? p : NULL, nu, suffix,
		    embed, t, &nt))
		goto out;
	ttf_assemble(t, nt, &o);
	*res = o.p;
	*len = o.n;
	o.p = NULL;
	ok = true;
out:
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		free(t[i].data.p);
	free(o.p);
	free(c.todo);
	free(src);
	free(p);
	free(map);
	free(keep);
	return ok;
}

bool
ttf_subset(const char *path, const uint32_t *chars, size_t n,
	   const char *suffix, unsigned char **res, size_t *len)
{
	return subset(path, chars, n, suffix, false, false, res, len);
}

bool
ttf_subset_embed(const char *path, const uint32_t *chars, size_t n,
		 bool identity, unsigned char **res, size_t *len)
{
	return subset(path, chars, n, NULL, true, identity, res, len);
}
