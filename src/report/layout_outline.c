/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* layout_outline.c - headings for the table of contents and the outline.
 *
 * Owns: the list of headings that appear in the TOC and the PDF outline
 * (their text flattened to one line), page labels (roman or arabic
 * numbers), recording on which page each heading lands, and the outline
 * entries (nested by heading level).
 */
#include "config.h"
#include "report/layout_flow.h"

#include <stdio.h>
#include <string.h>

static void
roman(char *buf, size_t n, unsigned v)
{
	static const struct { unsigned v; const char *s; } r[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
		{ 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" },
		{ 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
	};
	size_t i, len = 0;

	if (v == 0 || v >= 4000) {
		snprintf(buf, n, "%u", v);
		return;
	}
	buf[0] = '\0';
	for (i = 0; i < sizeof r / sizeof r[0]; i++)
		while (v >= r[i].v && len + strlen(r[i].s) < n) {
			strcpy(buf + len, r[i].s);
			len += strlen(r[i].s);
			v -= r[i].v;
		}
}

void
lay_page_label(const lay *L, char *buf, size_t n)
{
	if (L->num == DOC_NUM_ROMAN)
		roman(buf, n, L->num_val);
	else if (L->num == DOC_NUM_ARABIC)
		snprintf(buf, n, "%u", L->num_val);
	else
		buf[0] = '\0';
}

/* The heading's text in one line: runs joined, whitespace collapsed. */
static char *
flatten(const doc_text *t)
{
	size_t total = 1, i, o = 0;
	char *s;
	bool sp = true;

	for (i = 0; i < t->n_run; i++)
		if (t->run[i].text != NULL)
			total += strlen(t->run[i].text);
	s = lay_calloc(total, 1);
	for (i = 0; i < t->n_run; i++) {
		const char *r = t->run[i].text;

		for (; r != NULL && *r != '\0'; r++) {
			if ((unsigned char)*r <= ' ') {
				if (!sp)
					s[o++] = ' ';
				sp = true;
			} else {
				s[o++] = *r;
				sp = false;
			}
		}
	}
	while (o > 0 && s[o - 1] == ' ')
		o--;
	s[o] = '\0';
	return s;
}

/* ---- headings: TOC entries and outline ---- */

void
lay_collect_headings(lay *L)
{
	const doc *d = L->d;
	size_t s, i, n = 0;

	for (s = 0; s < d->n_section; s++)
		for (i = 0; i < d->section[s].n_block; i++)
			n += d->section[s].block[i].type == DOC_HEADING &&
			     d->section[s].block[i].toc;
	L->head = lay_calloc(n, sizeof *L->head);
	for (s = 0; s < d->n_section; s++)
		for (i = 0; i < d->section[s].n_block; i++) {
			const doc_block *b = &d->section[s].block[i];
			head_ent *h;

			if (b->type != DOC_HEADING || !b->toc)
				continue;
			h = &L->head[L->n_head++];
			h->b = b;
			h->level = b->level < 1 ? 1 : b->level > 3 ? 3 : b->level;
			if (b->toc_text != NULL && *b->toc_text != '\0') {
				doc_run r = { b->toc_text, 0 };
				doc_text t = { &r, 1 };

				h->text = flatten(&t);
			} else
				h->text = flatten(&b->text);
		}
}

/* A heading's first line is placed at L->y. */
void
lay_heading_placed(lay *L, const doc_block *b)
{
	head_ent *h;
	void *parent = NULL, *o;
	size_t i;
	int k;

	if (!b->toc)
		return;
	for (i = L->hi; i < L->n_head && L->head[i].b != b; i++)
		;
	if (i >= L->n_head)
		return;
	L->hi = i + 1;
	h = &L->head[i];
	lay_page_label(L, h->label, sizeof h->label);
	if (L->mode != LAY_DRAW && L->mode != LAY_RESERVE)
		return;                 /* measuring, or made already */
	for (k = h->level - 1; k >= 1 && parent == NULL; k--)
		parent = L->outline[k];
	if (h->text[0] == '\0')
		return;                 /* nothing to show in the outline */
	o = pdf_outline(L->p, parent, h->text, L->y + L->size);
	L->outline[h->level] = o;
	for (k = h->level + 1; k <= 3; k++)
		L->outline[k] = NULL;
}
