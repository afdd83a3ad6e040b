/* ttf_subset.c - a TrueType font cut down to some characters (see
 * ttf_subset.h).
 *
 * Reads the whole file, finds the glyphs of the characters through the
 * Unicode cmap (format 4), adds .notdef and the components of composite
 * glyphs, and writes the tables again with the kept glyphs numbered in
 * their old order.  Every offset read from the file is checked against
 * the file's size: a damaged font gives false, never a wild read.
 */
#include "config.h"
#include "report/ttf_subset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"

#define MAX_FILE (64L * 1024 * 1024)

/* composite glyph flags */
#define ARG_1_AND_2_ARE_WORDS 0x0001
#define WE_HAVE_A_SCALE 0x0008
#define MORE_COMPONENTS 0x0020
#define WE_HAVE_AN_X_AND_Y_SCALE 0x0040
#define WE_HAVE_A_TWO_BY_TWO 0x0080

typedef struct span {
	const unsigned char *p;
	size_t n;
} span;

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

typedef struct out {
	unsigned char *p;
	size_t n, cap;
} out;

static unsigned
rd16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t
rd32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static void
wr16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static void
wr32(unsigned char *p, uint32_t v)
{
	wr16(p, v >> 16);
	wr16(p + 2, v & 0xFFFF);
}

/* Room for n more bytes at the end of o; returns where they go. */
static unsigned char *
grow(out *o, size_t n)
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

static void
put(out *o, const void *s, size_t n)
{
	if (n > 0)
		memcpy(grow(o, n), s, n);
}

static void
put16(out *o, unsigned v)
{
	wr16(grow(o, 2), v);
}

static void
pad4(out *o)
{
	while (o->n % 4 != 0)
		*grow(o, 1) = 0;
}

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

/* The kept glyphs' outlines (loca: long offsets) and metrics. */
static bool
glyphs(const ttf *f, const unsigned char *keep, const unsigned *map,
       out *glyf, out *loca, out *hmtx)
{
	for (unsigned g = 0; g < f->num_glyphs; g++) {
		unsigned hm = g < f->n_hmetrics ? g : f->n_hmetrics - 1;
		const unsigned char *lsb = g < f->n_hmetrics ?
			f->hmtx.p + 4 * (size_t)g + 2 :
			f->hmtx.p + 4 * (size_t)f->n_hmetrics +
			2 * (size_t)(g - f->n_hmetrics);
		renumber r;
		span s;

		if (!keep[g])
			continue;
		if (!glyph(f, g, &s))
			return false;
		wr32(grow(loca, 4), (uint32_t)glyf->n);
		r.g = grow(glyf, s.n);
		r.map = map;
		r.n = f->num_glyphs;
		if (s.n > 0)
			memcpy(r.g, s.p, s.n);
		if (!components((span){ r.g, s.n }, set_component, &r))
			return false;
		pad4(glyf);
		put16(hmtx, rd16(f->hmtx.p + 4 * (size_t)hm));
		put(hmtx, lsb, 2);
	}
	wr32(grow(loca, 4), (uint32_t)glyf->n);
	return true;
}

typedef struct pair {
	unsigned code, gid;
} pair;

static int
by_code(const void *a, const void *b)
{
	const pair *x = a, *y = b;

	return x->code < y->code ? -1 : x->code > y->code;
}

/* A cmap with one (3, 1) format 4 subtable for the pairs (sorted,
 * unique, codes below 0xFFFF): a segment for each run of codes whose
 * glyphs follow each other, and the closing 0xFFFF segment. */
static void
write_cmap(out *o, const pair *p, size_t n)
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
	put16(o, 0);                            /* version */
	put16(o, 1);                            /* one subtable: */
	put16(o, 3);                            /* Windows, */
	put16(o, 1);                            /* Unicode BMP */
	wr32(grow(o, 4), 12);
	put16(o, 4);                            /* format 4 */
	put16(o, 16 + 8 * seg);
	put16(o, 0);
	put16(o, 2 * seg);
	put16(o, 2 * sr);
	put16(o, es);
	put16(o, 2 * seg - 2 * sr);
	for (i = 0; i < seg; i++)
		put16(o, last[i]);
	put16(o, 0);
	for (i = 0; i < seg; i++)
		put16(o, first[i]);
	for (i = 0; i < seg; i++)
		put16(o, delta[i]);
	for (i = 0; i < seg; i++)
		put16(o, 0);                    /* idRangeOffset */
	free(first);
	free(last);
	free(delta);
}

typedef struct table {
	char tag[5];
	out data;
} table;

static int
by_tag(const void *a, const void *b)
{
	return memcmp(((const table *)a)->tag, ((const table *)b)->tag, 4);
}

static uint32_t
checksum(const unsigned char *p, size_t n)
{
	uint32_t sum = 0;

	for (size_t i = 0; i < n; i += 4) {
		unsigned char w[4] = { 0, 0, 0, 0 };

		memcpy(w, p + i, n - i < 4 ? n - i : 4);
		sum += rd32(w);
	}
	return sum;
}

/* The file: directory, tables in tag order, head's checksum adjusted. */
static void
assemble(table *t, size_t nt, out *o)
{
	unsigned sr = 1, es = 0;
	size_t at, head = 0;

	qsort(t, nt, sizeof *t, by_tag);
	while (sr * 2 <= nt) {
		sr *= 2;
		es++;
	}
	wr32(grow(o, 4), 0x00010000);
	put16(o, (unsigned)nt);
	put16(o, 16 * sr);
	put16(o, es);
	put16(o, 16 * ((unsigned)nt - sr));
	at = 12 + 16 * nt;
	for (size_t i = 0; i < nt; i++) {
		put(o, t[i].tag, 4);
		wr32(grow(o, 4), checksum(t[i].data.p, t[i].data.n));
		wr32(grow(o, 4), (uint32_t)at);
		wr32(grow(o, 4), (uint32_t)t[i].data.n);
		at += (t[i].data.n + 3) / 4 * 4;
	}
	for (size_t i = 0; i < nt; i++) {
		if (strcmp(t[i].tag, "head") == 0)
			head = o->n;
		put(o, t[i].data.p, t[i].data.n);
		pad4(o);
	}
	wr32(o->p + head + 8, 0xB1B0AFBAu - checksum(o->p, o->n));
}

static bool
read_file(const char *path, unsigned char **d, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	long size;

	*d = NULL;
	if (fp == NULL)
		return false;
	if (fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 ||
	    size > MAX_FILE || fseek(fp, 0, SEEK_SET) != 0 ||
	    (*d = malloc((size_t)size + 1)) == NULL ||
	    fread(*d, 1, (size_t)size, fp) != (size_t)size) {
		fclose(fp);
		free(*d);
		*d = NULL;
		return false;
	}
	fclose(fp);
	*n = (size_t)size;
	return true;
}

/* The name table with suffix appended to the PostScript name (name 6),
 * in each record's encoding; false for a table it cannot read. */
static bool
write_name(out *o, span nm, const char *suffix)
{
	size_t count, strings, sl = strlen(suffix), at = 0;
	out str = { NULL, 0, 0 };

	if (nm.n < 6 || rd16(nm.p) != 0)
		return false;
	count = rd16(nm.p + 2);
	strings = rd16(nm.p + 4);
	if (6 + 12 * count > nm.n || strings > nm.n)
		return false;
	put(o, nm.p, 6);
	wr16(o->p + o->n - 2, 6 + 12 * (unsigned)count);
	for (size_t i = 0; i < count; i++) {
		const unsigned char *r = nm.p + 6 + 12 * i;
		size_t len = rd16(r + 8), off = strings + rd16(r + 10);
		bool wide = rd16(r) != 1;       /* Unicode, Windows: UTF-16 */
		unsigned char *rec;

		if (off > nm.n || len > nm.n - off) {
			free(str.p);
			return false;
		}
		put(&str, nm.p + off, len);
		if (rd16(r + 6) == 6)
			for (size_t k = 0; k < sl; k++) {
				if (wide)
					put16(&str, (unsigned char)suffix[k]);
				else
					put(&str, suffix + k, 1);
			}
		if (at > 0xFFFF || str.n - at > 0xFFFF) {
			free(str.p);
			return false;
		}
		rec = grow(o, 12);
		memcpy(rec, r, 8);
		wr16(rec + 8, (unsigned)(str.n - at));
		wr16(rec + 10, (unsigned)at);
		at = str.n;
	}
	put(o, str.p, str.n);
	free(str.p);
	return true;
}

/* The subset's tables, from a parsed font and the glyphs kept. */
static bool
tables(const ttf *f, const unsigned char *keep, const unsigned *map,
       unsigned kept, pair *p, size_t np, const char *suffix, table *t,
       size_t *nt)
{
	out *head, *hhea, *maxp, *post;

	*nt = 0;
	memcpy(t[0].tag, "glyf", 5);
	memcpy(t[1].tag, "loca", 5);
	memcpy(t[2].tag, "hmtx", 5);
	if (!glyphs(f, keep, map, &t[0].data, &t[1].data, &t[2].data))
		return false;
	memcpy(t[3].tag, "cmap", 5);
	if (p != NULL)
		write_cmap(&t[3].data, p, np);
	else
		put(&t[3].data, f->cmap.p, f->cmap.n);   /* every glyph kept */
	memcpy(t[4].tag, "head", 5);
	head = &t[4].data;
	put(head, f->head.p, f->head.n);
	wr32(head->p + 8, 0);                   /* checkSumAdjustment */
	wr16(head->p + 50, 1);                  /* long loca */
	memcpy(t[5].tag, "hhea", 5);
	hhea = &t[5].data;
	put(hhea, f->hhea.p, f->hhea.n);
	wr16(hhea->p + 34, kept);
	memcpy(t[6].tag, "maxp", 5);
	maxp = &t[6].data;
	put(maxp, f->maxp.p, f->maxp.n);
	wr16(maxp->p + 4, kept);
	memcpy(t[7].tag, "post", 5);
	post = &t[7].data;
	memset(grow(post, 32), 0, 32);          /* format 3: no names */
	if (f->post.n >= 32)
		memcpy(post->p + 4, f->post.p + 4, 28);
	wr32(post->p, 0x00030000);
	*nt = 8;
	for (int i = 0; i < 5; i++)
		if (f->copy[i].p != NULL) {
			memcpy(t[*nt].tag, copy_tag[i], 5);
			if (strcmp(copy_tag[i], "name") != 0 || suffix == NULL)
				put(&t[*nt].data, f->copy[i].p, f->copy[i].n);
			else if (!write_name(&t[*nt].data, f->copy[i], suffix))
				return false;
			(*nt)++;
		}
	return true;
}

bool
ttf_subset(const char *path, const uint32_t *chars, size_t n,
	   const char *suffix, unsigned char **res, size_t *len)
{
	ttf f;
	unsigned char *d, *keep = NULL;
	unsigned *map = NULL, kept = 0;
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
	map = calloc(f.num_glyphs, sizeof *map);
	p = malloc((n ? n : 1) * sizeof *p);
	c.todo = malloc(f.num_glyphs * sizeof *c.todo);
	if (keep == NULL || map == NULL || p == NULL || c.todo == NULL)
		lk_fatal("out of memory (font)");
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
	for (unsigned g = 0; g < f.num_glyphs; g++)
		if (keep[g])
			map[g] = kept++;
	qsort(p, np, sizeof *p, by_code);
	for (size_t i = 0; i < np; i++) {          /* unique codes, new ids */
		if (nu > 0 && p[i].code == p[nu - 1].code)
			continue;
		p[nu].code = p[i].code;
		p[nu++].gid = map[p[i].gid];
	}
	if (!tables(&f, keep, map, kept, chars != NULL ? p : NULL, nu, suffix,
		    t, &nt))
		goto out;
	assemble(t, nt, &o);
	*res = o.p;
	*len = o.n;
	o.p = NULL;
	ok = true;
out:
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		free(t[i].data.p);
	free(o.p);
	free(c.todo);
	free(p);
	free(map);
	free(keep);
	free(d);
	return ok;
}
