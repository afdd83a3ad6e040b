/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* hyph.c - Indonesian hyphenation points (see hyph.h). */
#include "config.h"
#include "core/i18n.h"
#include "report/hyph.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef HYPHEN_DICT
#define HYPHEN_DICT "/usr/share/hyphen/hyph_id_ID.dic"
#endif

#define MIN_LEFT 2        /* letters before a break */
#define MIN_RIGHT 3       /* and after it ("ma-sya-ra-kat", not "-at") */
#define MAX_WORD 96       /* longer "words" are not words */
#define MAX_PAT 64        /* letters of a pattern */
#define MAX_FILE (8L * 1024 * 1024)   /* hyphen-id: 104 KB */

/* The patterns as an automaton (Aho-Corasick over the trie of the
 * patterns' letters), applied as libhyphen applies them, the library the
 * patterns of hyphen-id are written for: after each letter of ".word.",
 * the state is the longest ending of the letters read that begins some
 * pattern, and only that state's own pattern, if it ends one, counts
 * (libhyphen leaves the union of shorter patterns ending at the same
 * letter to the files' makers: "gemilang" is ge-mi-lang, not the
 * ge-mi-l-ang the union of all patterns would give).  Loading the 12,000
 * patterns of hyphen-id this way takes a tenth of the instructions of
 * libhyphen's own loading (a third of a small report's time went there);
 * tests/unit/test_hyph.c holds the points to libhyphen's on every word of
 * the patterns.  A node per prefix, its children a list of siblings; a
 * node that ends a pattern holds its digits (one more than its letters)
 * at val in the pool. */
typedef struct hnode {
	int32_t child, next;      /* -1: none */
	int32_t fail;             /* the longest proper ending that is a node */
	int32_t val;              /* -1: no pattern ends here */
	unsigned char c, depth;
} hnode;

struct hyph {
	int32_t root[256];        /* the root's children by letter, -1: none */
	hnode *node;
	size_t n_node, cap_node;
	unsigned char *pool;
	size_t n_pool, cap_pool;
	/* the last pattern inserted, its letters and the node after each:
	 * the file is nearly sorted, so a pattern mostly begins with the
	 * letters of the one before, whose nodes need no search (the
	 * search of siblings was a third of the loading) */
	unsigned char last[MAX_PAT];
	int32_t last_node[MAX_PAT + 1];
	size_t n_last;
};

static void *
grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t n = *cap ? *cap * 2 : 1024;
	while (n < need)
		n *= 2;
	if ((p = realloc(p, n * size)) == NULL)
		lk_fatal("out of memory");
	*cap = n;
	return p;
}

static int32_t
new_node(hyph *h, unsigned char c)
{
	h->node = grow(h->node, &h->cap_node, h->n_node + 1, sizeof *h->node);
	h->node[h->n_node] = (hnode){ -1, -1, 0, -1, c, 0 };
	return (int32_t)h->n_node++;
}

/* The child of node n for letter c, or -1. */
static int32_t
child_of(const hyph *h, int32_t n, unsigned char c)
{
	int32_t k;

	if (n == 0)
		return h->root[c];
	for (k = h->node[n].child; k >= 0; k = h->node[k].next)
		if (h->node[k].c == c)
			return k;
	return -1;
}

/* One pattern of m letters with its m + 1 digits; a pattern given again
 * replaces the first (as in libhyphen).  d NULL: the letters' nodes
 * only (a pattern lakip does not apply, which still shapes the
 * automaton). */
static void
insert(hyph *h, const unsigned char *w, size_t m, const unsigned char *d)
{
	int32_t n = 0, k;
	size_t i = 0;

	while (i < m && i < h->n_last && h->last[i] == w[i])
		i++;
	n = h->last_node[i];
	for (; i < m; i++) {
		if ((k = child_of(h, n, w[i])) < 0) {
			k = new_node(h, w[i]);
			h->node[k].depth = (unsigned char)(i + 1);
			h->node[k].next = h->node[n].child;
			h->node[n].child = k;
			if (n == 0)
				h->root[w[i]] = k;
		}
		n = k;
		h->last[i] = w[i];
		h->last_node[i + 1] = k;
	}
	h->n_last = m;
	if (d == NULL)
		return;
	if (h->node[n].val < 0) {
		h->pool = grow(h->pool, &h->cap_pool, h->n_pool + m + 1, 1);
		h->node[n].val = (int32_t)h->n_pool;
		h->n_pool += m + 1;
	}
	memcpy(h->pool + h->node[n].val, d, m + 1);
}

/* The fail links, breadth first: a node's is found from its parent's. */
static void
link_fails(hyph *h)
{
	int32_t *q = malloc((h->n_node + 1) * sizeof *q);
	size_t head = 0, tail = 0;

	if (q == NULL)
		lk_fatal("out of memory");
	h->node[0].fail = -1;
	for (int32_t k = h->node[0].child; k >= 0; k = h->node[k].next) {
		h->node[k].fail = 0;
		q[tail++] = k;
	}
	while (head < tail) {
		int32_t u = q[head++];

		for (int32_t v = h->node[u].child; v >= 0; v = h->node[v].next) {
			int32_t f = h->node[u].fail, g = -1;

			while (f >= 0 && (g = child_of(h, f, h->node[v].c)) < 0)
				f = h->node[f].fail;
			h->node[v].fail = f < 0 ? 0 : g;
			q[tail++] = v;
		}
	}
	free(q);
}

/* A line of the file: a pattern ("a1ba3h2a2n1"), ended by the first
 * blank or control byte; a comment (%) or a keyword (LEFTHYPHENMIN and
 * the like; the minimums are hyph.h's own) is skipped, and so is the
 * hyphenation of a pattern with a replacement ("/", libhyphen's
 * non-standard hyphenation), though its letters are states.
 * NEXTLEVEL starts the level of ordinary hyphenation after the level of
 * compound words, which lakip does not use: what came before is dropped.
 * Returns false for a pattern of no letters or too many. */
static bool
load_line(hyph *h, const char *line)
{
	unsigned char w[MAX_PAT], d[MAX_PAT + 1];
	size_t m = 0, i;

	if (*line == 'N' && strncmp(line, "NEXTLEVEL", 9) == 0) {
		h->n_node = 1;
		h->node[0] = (hnode){ -1, -1, 0, -1, 0, 0 };
		memset(h->root, 0xFF, sizeof h->root);
		h->n_pool = 0;
		h->n_last = 0;
		return true;
	}
	static const char *const keyword[] = { "LEFTHYPHENMIN", "RIGHTHYPHENMIN",
		"COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN", "NOHYPHEN" };
	bool repl = strchr(line, '/') != NULL;

	if (*line == '%')
		return true;
	for (i = 0; *line >= 'A' && *line <= 'Z' && i < sizeof keyword / sizeof keyword[0]; i++)
		if (strncmp(line, keyword[i], strlen(keyword[i])) == 0)
			return true;
	if ((unsigned char)*line <= ' ')
		return true;          /* an empty line */
	d[0] = 0;
	for (i = 0; (unsigned char)line[i] > ' ' && line[i] != '/'; i++) {
		unsigned char c = (unsigned char)line[i];

		if (c >= '0' && c <= '9') {
			d[m] = (unsigned char)(c - '0');
			continue;
		}
		if (m == MAX_PAT)
			return false;
		w[m++] = c;
		d[m] = 0;
	}
	if (m == 0)
		return false;
	insert(h, w, m, repl ? NULL : d);
	return true;
}

/* The whole file at path in *buf (NUL-terminated), at most MAX_FILE
 * bytes; -1 with errno for an error, -2 for a file too large. */
static int
read_all(FILE *fp, char **buf)
{
	size_t n = 0, cap = 128 * 1024, got;
	char *b = malloc(cap + 1);

	if (b == NULL)
		lk_fatal("out of memory");
	while ((got = fread(b + n, 1, cap - n, fp)) > 0) {
		n += got;
		if (n == cap) {
			if (cap >= MAX_FILE) {
				free(b);
				return -2;
			}
			cap *= 2;
			if ((b = realloc(b, cap + 1)) == NULL)
				lk_fatal("out of memory");
		}
	}
	if (ferror(fp)) {
		free(b);
		return -1;
	}
	b[n] = '\0';
	*buf = b;
	return 0;
}

int
hyph_open(hyph **out, const char *path, lk_err *e)
{
	char *buf = NULL, *line, *end;
	bool bad;
	FILE *fp;
	hyph *h;
	int rc;

	*out = NULL;
	if (path == NULL)
		path = HYPHEN_DICT;
	if ((fp = fopen(path, "r")) == NULL)
		return lk_fail(e, EX_NOINPUT, _("hyphenation patterns %s: %s "
			       "(install the Debian package hyphen-id)"), path,
			       strerror(errno));
	rc = read_all(fp, &buf);
	fclose(fp);
	if (rc == -1)
		return lk_fail(e, EX_IOERR, _("cannot read %s: %s"), path, strerror(errno));
	if ((h = calloc(1, sizeof *h)) == NULL)
		lk_fatal("out of memory");
	memset(h->root, 0xFF, sizeof h->root);   /* all -1 */
	new_node(h, 0);
	bad = rc != 0 || strlen(buf) == 0;
	/* the first line names the patterns' encoding; then a pattern a
	 * line */
	line = rc == 0 ? strchr(buf, '\n') : NULL;
	for (; !bad && line != NULL; line = end) {
		line++;
		if ((end = strchr(line, '\n')) != NULL)
			*end = '\0';
		bad = !load_line(h, line);
	}
	free(buf);
	if (bad || h->n_pool == 0) {
		hyph_close(h);
		return lk_fail(e, EX_DATAERR, _("hyphenation patterns %s: not a "
			       "pattern file (reinstall the Debian package "
			       "hyphen-id)"), path);
	}
	link_fails(h);
	*out = h;
	return 0;
}

void
hyph_close(hyph *h)
{
	if (h == NULL)
		return;
	free(h->node);
	free(h->pool);
	free(h);
}

/* The values between the letters of the len letters of word (Latin-1,
 * lower case): v[j] for the place before letter j of ".word.", so that
 * a break after letter j of the word is odd v[j + 2]. */
static void
values(const hyph *h, const char *word, size_t len, unsigned char *v)
{
	unsigned char w[MAX_WORD + 2];
	size_t n = len + 2, i, k;
	int32_t st = 0;

	w[0] = '.';
	memcpy(w + 1, word, len);
	w[n - 1] = '.';
	memset(v, 0, n + 1);
	for (i = 0; i < n; i++) {
		const hnode *nd;
		int32_t next;

		while ((next = child_of(h, st, w[i])) < 0 && st != 0)
			st = h->node[st].fail;
		st = next < 0 ? 0 : next;
		nd = &h->node[st];
		if (nd->val < 0)
			continue;
		/* the pattern's m letters end at i: its digits from the place
		 * before letter i - m + 1 */
		for (k = 0; k <= nd->depth; k++)
			if (h->pool[nd->val + k] > v[i + 1 - nd->depth + k])
				v[i + 1 - nd->depth + k] = h->pool[nd->val + k];
	}
}

/* The character at s (n bytes left), its length in *l; 0 for invalid
 * UTF-8 or a character beyond the BMP. */
static uint32_t
next_char(const unsigned char *s, size_t n, size_t *l)
{
	if (s[0] < 0x80) {
		*l = 1;
		return s[0];
	}
	if ((s[0] & 0xE0) == 0xC0 && n >= 2 && (s[1] & 0xC0) == 0x80) {
		*l = 2;
		return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
	}
	if ((s[0] & 0xF0) == 0xE0 && n >= 3 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80) {
		*l = 3;
		return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
		       (s[2] & 0x3F);
	}
	*l = 1;
	return 0;
}

static bool
opening(uint32_t c)
{
	return c == '(' || c == '"' || c == '\'' || c == 0x201C || c == 0x2018;
}

static bool
closing(uint32_t c)
{
	return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
	       c == '?' || c == ')' || c == '"' || c == '\'' || c == 0x201D ||
	       c == 0x2019 || c == 0x2026;
}

/* A lower-case letter of Latin-1 (the patterns' encoding). */
static bool
lower(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}

size_t
hyph_points(const hyph *h, const char *w, size_t n, size_t *at, size_t max)
{
	const unsigned char *s = (const unsigned char *)w;
	char word[MAX_WORD + 1];
	unsigned char v[MAX_WORD + 3];
	size_t off[MAX_WORD + 1], i = 0, len = 0, l, k = 0;
	uint32_t c = 0;

	if (h == NULL || n == 0)
		return 0;
	/* punctuation before the word */
	while (i < n && opening(next_char(s + i, n - i, &l)))
		i += l;
	/* the letters: lower case, or a capital then lower case (a word
	 * starting a sentence); two capitals are a kode or an acronym */
	while (i < n) {
		c = next_char(s + i, n - i, &l);
		if (len == 0 && ((c >= 'A' && c <= 'Z') ||
				 (c >= 0xC0 && c <= 0xDE && c != 0xD7)))
			c += 0x20;
		else if (!lower(c))
			break;
		if (len == MAX_WORD)
			return 0;
		off[len] = i;
		word[len++] = (char)c;       /* Latin-1 */
		i += l;
	}
	/* and only punctuation after it */
	while (i < n && closing(c = next_char(s + i, n - i, &l)))
		i += l;
	if (i < n || len < MIN_LEFT + MIN_RIGHT)
		return 0;
	off[len] = i;
	word[len] = '\0';
	values(h, word, len, v);
	for (size_t j = MIN_LEFT - 1; j + MIN_RIGHT < len && k < max; j++)
		if (v[j + 2] & 1)
			at[k++] = off[j + 1];    /* after letter j */
	return k;
}
