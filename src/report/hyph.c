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

#include <hyphen.h>

#ifndef HYPHEN_DICT
#define HYPHEN_DICT "/usr/share/hyphen/hyph_id_ID.dic"
#endif

#define MIN_LEFT 2        /* letters before a break */
#define MIN_RIGHT 3       /* and after it ("ma-sya-ra-kat", not "-at") */
#define MAX_WORD 96       /* longer "words" are not words */

struct hyph {
	HyphenDict *dict;
};

int
hyph_open(hyph **out, const char *path, lk_err *e)
{
	FILE *fp;
	hyph *h;

	*out = NULL;
	if (path == NULL)
		path = HYPHEN_DICT;
	if ((fp = fopen(path, "r")) == NULL)
		return lk_fail(e, EX_NOINPUT, _("hyphenation patterns %s: %s "
			       "(install the Debian package hyphen-id)"), path,
			       strerror(errno));
	fclose(fp);
	if ((h = calloc(1, sizeof *h)) == NULL)
		lk_fatal("out of memory");
	if ((h->dict = hnj_hyphen_load(path)) == NULL) {
		free(h);
		return lk_fail(e, EX_DATAERR, _("hyphenation patterns %s: not a "
			       "pattern file (reinstall the Debian package "
			       "hyphen-id)"), path);
	}
	*out = h;
	return 0;
}

void
hyph_close(hyph *h)
{
	if (h == NULL)
		return;
	hnj_hyphen_free(h->dict);
	free(h);
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
	char word[MAX_WORD + 1], hy[MAX_WORD + 5];
	size_t off[MAX_WORD + 1], i = 0, len = 0, l, k = 0;
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
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
	if (hnj_hyphen_hyphenate3(h->dict, word, (int)len, hy, NULL, &rep, &pos,
				  &cut, MIN_LEFT, MIN_RIGHT, MIN_LEFT,
				  MIN_RIGHT) == 0)
		for (size_t j = MIN_LEFT - 1; j + MIN_RIGHT < len && k < max; j++)
			if (hy[j] & 1)
				at[k++] = off[j + 1];    /* after letter j */
	/* libhyphen's arrays, whatever it returned (rep: one string per
	 * letter of the word, most NULL). */
	if (rep != NULL) {
		for (size_t j = 0; j < len; j++)
			free(rep[j]);
		free(rep);
	}
	free(pos);
	free(cut);
	return k;
}
