/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* doc.c - constructors and small helpers of the document model. */
#include "config.h"
#include "report/doc.h"

#include <limits.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "core/err.h"

/* Sections are few: reserve room so that section pointers stay valid in
 * any realistic document (the array still grows, by copying, beyond). */
#define SECTION_RESERVE 32

/* Capacity of an array of n elements grown by grow(): 0, or the smallest
 * first * 2^k >= n.  The arrays carry no capacity field: it follows from
 * n. */
static size_t
cap_of(size_t n, size_t first)
{
	size_t c = first;

	if (n == 0)
		return 0;
	while (c < n)
		c *= 2;
	return c;
}

/* arr (n elements) with room for one more; moves it when full.  The old
 * copy stays in the arena (freed with the doc). */
static void *
grow(doc *d, void *arr, size_t elem, size_t n, size_t first)
{
	size_t cap = cap_of(n, first), ncap;
	void *p;

	if (n < cap)
		return arr;
	ncap = cap == 0 ? first : cap * 2;
	if (ncap < cap || ncap > SIZE_MAX / elem)
		lk_fatal("doc: array too large");
	p = arena_alloc(&d->mem, ncap * elem);
	if (arr != NULL && n > 0)
		memcpy(p, arr, n * elem);
	return p;
}

doc *
doc_new(void)
{
	doc *d = calloc(1, sizeof *d);

	if (d == NULL)
		lk_fatal("out of memory (doc)");
	return d;
}

void
doc_free(doc *d)
{
	if (d == NULL)
		return;
	arena_free(&d->mem);
	free(d);
}

doc_section *
doc_add_section(doc *d, const char *name)
{
	doc_section *s;

	d->section = grow(d, d->section, sizeof *d->section, d->n_section,
	    SECTION_RESERVE);
	s = &d->section[d->n_section++];
	memset(s, 0, sizeof *s);
	s->name = doc_strdup(d, name);
	s->numbering = DOC_NUM_ARABIC;
	s->new_page = true;
	return s;
}

doc_block *
doc_add_block(doc *d, doc_section *s, enum doc_block_type t)
{
	uintptr_t at = (uintptr_t)s, lo = (uintptr_t)d->section;
	doc_block *b;

	if (d->n_section == 0 || at < lo ||
	    at >= lo + d->n_section * sizeof *d->section)
		lk_fatal("doc_add_block: section %p is not in the document "
		    "(kept across doc_add_section?)", (void *)s);
	s->block = grow(d, s->block, sizeof *s->block, s->n_block, 8);
	b = &s->block[s->n_block++];
	memset(b, 0, sizeof *b);
	b->type = t;
	return b;
}

doc_text
doc_plain(doc *d, const char *text, unsigned style)
{
	doc_text t = { NULL, 0 };

	doc_text_add(d, &t, text, style);
	return t;
}

char *
doc_strdup(doc *d, const char *s)
{
	return arena_strdup(&d->mem, s);
}

char *
doc_printf(doc *d, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = arena_vprintf(&d->mem, fmt, ap);
	va_end(ap);
	return p;
}

void
doc_text_add(doc *d, doc_text *t, const char *text, unsigned style)
{
	if (text == NULL || *text == '\0')
		return;
	/* most texts are one run (a cell, a heading): no room to spare */
	t->run = grow(d, t->run, sizeof *t->run, t->n_run, 1);
	t->run[t->n_run].text = doc_strdup(d, text);
	t->run[t->n_run].style = style;
	t->n_run++;
}

char *
doc_text_str(doc *d, const doc_text *t)
{
	size_t len = 0, at = 0;
	char *p;

	for (size_t i = 0; i < t->n_run; i++)
		len += strlen(t->run[i].text);
	p = arena_alloc(&d->mem, len + 1);
	for (size_t i = 0; i < t->n_run; i++) {
		size_t l = strlen(t->run[i].text);

		memcpy(p + at, t->run[i].text, l);
		at += l;
	}
	p[at] = '\0';
	return p;
}

char *
doc_upper(doc *d, const char *s)
{
	size_t len, at = 0;
	mbstate_t in, out;
	char *p;
	bool wide = MB_CUR_MAX > 1;

	if (s == NULL)
		return NULL;
	len = strlen(s);
	/* An upper-case letter may be longer than its lower case (a few
	 * are); MB_LEN_MAX per input byte is always enough. */
	if (len > (SIZE_MAX - 1) / MB_LEN_MAX)
		lk_fatal("doc_upper: text too long");
	p = arena_alloc(&d->mem, len * MB_LEN_MAX + 1);
	memset(&in, 0, sizeof in);
	memset(&out, 0, sizeof out);
	for (size_t i = 0; i < len;) {
		wchar_t wc;
		size_t n = wide ? mbrtowc(&wc, s + i, len - i, &in) : (size_t)-1;

		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			unsigned char c = (unsigned char)s[i];

			/* Not decodable here: ASCII letters still go up. */
			p[at++] = (char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
			memset(&in, 0, sizeof in);
			i++;
			continue;
		}
		size_t w = wcrtomb(p + at, (wchar_t)towupper((wint_t)wc), &out);

		if (w == (size_t)-1) {
			memcpy(p + at, s + i, n);
			w = n;
			memset(&out, 0, sizeof out);
		}
		at += w;
		i += n;
	}
	p[at] = '\0';
	return p;
}

doc_block *
doc_add_para(doc *d, doc_section *s, const char *text, unsigned style,
	     enum doc_align align)
{
	doc_block *b = doc_add_block(d, s, DOC_PARA);

	b->text = doc_plain(d, text, style);
	b->align = align;
	return b;
}

doc_block *
doc_add_heading(doc *d, doc_section *s, int level, const char *text,
		bool toc)
{
	doc_block *b = doc_add_block(d, s, DOC_HEADING);

	b->level = level;
	b->toc = toc;
	b->text = doc_plain(d, text, DOC_BOLD);
	b->align = level == 1 ? DOC_CENTER : DOC_LEFT;
	b->keep_with_next = true;
	if (text != NULL && strchr(text, '\n') != NULL) {
		char *t = doc_strdup(d, text);

		for (char *c = t; *c; c++)
			if (*c == '\n')
				*c = ' ';
		b->toc_text = t;
	}
	return b;
}

doc_table *
doc_table_new(doc *d, size_t n_col, const double *width)
{
	doc_table *t = arena_alloc(&d->mem, sizeof *t);

	if (n_col == 0)
		lk_fatal("doc_table_new: a table needs a column");
	if (n_col > SIZE_MAX / sizeof *t->width)
		lk_fatal("doc_table_new: too many columns");
	t->n_col = n_col;
	t->width = arena_alloc(&d->mem, n_col * sizeof *t->width);
	for (size_t i = 0; i < n_col; i++)
		t->width[i] = width != NULL ? width[i] : 1.0;
	return t;
}

doc_row *
doc_table_add_row(doc *d, doc_table *t, bool head)
{
	doc_row **arr = head ? &t->head : &t->body;
	size_t *n = head ? &t->n_head : &t->n_body;
	doc_row *r;

	*arr = grow(d, *arr, sizeof **arr, *n, 8);
	r = &(*arr)[(*n)++];
	memset(r, 0, sizeof *r);
	return r;
}

doc_cell *
doc_row_add_cell(doc *d, doc_row *r, const char *text, enum doc_align align)
{
	doc_cell *c;

	r->cell = grow(d, r->cell, sizeof *r->cell, r->n_cell, 8);
	c = &r->cell[r->n_cell++];
	memset(c, 0, sizeof *c);
	c->text = doc_plain(d, text, 0);
	c->align = align;
	c->colspan = 1;
	c->rowspan = 1;
	return c;
}

doc_signature *
doc_find_signature(doc *d)
{
	size_t i, j;

	for (i = 0; i < d->n_section; i++)
		for (j = 0; j < d->section[i].n_block; j++)
			if (d->section[i].block[j].type == DOC_SIGNATURE &&
			    d->section[i].block[j].signature != NULL)
				return d->section[i].block[j].signature;
	return NULL;
}
