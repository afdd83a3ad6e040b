/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* pdf_tree.c - the page tree as written (see pdf_int.h).
 *
 * libharu gives every page its own /MediaBox and its own /Resources
 * dictionary (even when it names the same fonts as the page before): a
 * few hundred bytes a page, a sixth of a long report.  Both are
 * inheritable (ISO 32000-1 7.7.3.4): the most common media box goes to
 * the root of the page tree, and so does one dictionary of every font
 * (each has the same name on every page); the pages lose their own.
 * Pages of other sizes (landscape annexes) keep their box, pages with
 * images their resources.
 *
 * Errors: none; a page that cannot be read keeps what it has.  Memory:
 * the new dictionaries belong to the document.
 */
#include "config.h"
#include "report/pdf_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"

/* A growing string (out of memory is fatal). */
typedef struct sbuf {
	char *s;
	size_t n, cap;
} sbuf;

static void
sb_add(sbuf *b, const char *s)
{
	size_t l = strlen(s);

	if (b->n + l + 1 > b->cap) {
		b->cap = (b->n + l + 1) * 2;
		if ((b->s = realloc(b->s, b->cap)) == NULL)
			lk_fatal("out of memory");
	}
	memcpy(b->s + b->n, s, l + 1);
	b->n += l;
}

/* An object an element refers to (through libharu's proxies). */
static void *
target(void *v)
{
	HPDF_Obj_Header *h = v;

	if (h != NULL && h->obj_class == HPDF_OCLASS_PROXY)
		return ((HPDF_Proxy)v)->obj;
	return v;
}

/* A page's resources when they are fonts alone, else NULL. */
static HPDF_Dict
font_res(HPDF_Dict page)
{
	HPDF_Dict res = HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT);

	if (res == NULL || res->list->count != 1)
		return NULL;
	return HPDF_Dict_GetItem(res, "Font", HPDF_OCLASS_DICT);
}

/* The media box's numbers as text, or NULL. */
static char *
box_key(HPDF_Dict page)
{
	HPDF_Array box = HPDF_Dict_GetItem(page, "MediaBox", HPDF_OCLASS_ARRAY);
	sbuf b = { NULL, 0, 0 };
	char buf[64];

	if (box == NULL)
		return NULL;
	sb_add(&b, "B");
	for (HPDF_UINT i = 0; i < box->list->count; i++) {
		HPDF_Obj_Header *h = HPDF_List_ItemAt(box->list, i);

		if (h->obj_class == HPDF_OCLASS_NUMBER)
			snprintf(buf, sizeof buf, " %d", ((HPDF_Number)h)->value);
		else if (h->obj_class == HPDF_OCLASS_REAL)
			snprintf(buf, sizeof buf, " %.9g", (double)((HPDF_Real)h)->value);
		else {
			free(b.s);
			return NULL;
		}
		sb_add(&b, buf);
	}
	return b.s;
}

/* The index of the most common key (at least two pages), or -1. */
static long
most_common(char **key, size_t n)
{
	long best = -1;
	size_t best_n = 1;

	for (size_t i = 0; i < n; i++) {
		size_t c = 0;
		bool seen = false;

		if (key[i] == NULL)
			continue;
		for (size_t j = 0; j < i && !seen; j++)
			seen = key[j] != NULL && strcmp(key[j], key[i]) == 0;
		if (seen)
			continue;
		for (size_t j = i; j < n; j++)
			c += key[j] != NULL && strcmp(key[j], key[i]) == 0;
		if (c > best_n) {
			best_n = c;
			best = (long)i;
		}
	}
	return best;
}

/* Pages [0, n) whose key is key[best] lose their media box, which goes
 * (a copy) to the root. */
static void
inherit_box(pdf *p, char **key, size_t n, long best)
{
	HPDF_List pages = p->doc->page_list;
	HPDF_Array box, nb;

	if (best < 0 || (nb = HPDF_Array_New(p->doc->mmgr)) == NULL)
		return;
	box = HPDF_Dict_GetItem(HPDF_List_ItemAt(pages, (HPDF_UINT)best),
				"MediaBox", HPDF_OCLASS_ARRAY);
	for (HPDF_UINT i = 0; i < box->list->count; i++) {
		HPDF_Obj_Header *h = HPDF_List_ItemAt(box->list, i);

		if (h->obj_class == HPDF_OCLASS_NUMBER)
			HPDF_Array_AddNumber(nb, ((HPDF_Number)h)->value);
		else
			HPDF_Array_AddReal(nb, ((HPDF_Real)h)->value);
	}
	HPDF_Dict_Add(p->doc->root_pages, "MediaBox", nb);
	for (size_t i = 0; i < n; i++)
		if (key[i] != NULL && strcmp(key[i], key[best]) == 0)
			HPDF_Dict_RemoveElement(HPDF_List_ItemAt(pages,
						(HPDF_UINT)i), "MediaBox");
}

/* Whether the fonts of f have the names they have in nf, or names nf
 * does not use. */
static bool
agrees(HPDF_Dict nf, HPDF_Dict f)
{
	for (HPDF_UINT j = 0; j < f->list->count; j++) {
		HPDF_DictElement el = HPDF_List_ItemAt(f->list, j);
		const char *have = HPDF_Dict_GetKeyByObj(nf, target(el->value));
		void *other = HPDF_Dict_GetItem(nf, el->key, HPDF_OCLASS_DICT);

		if ((have != NULL && strcmp(have, el->key) != 0) ||
		    (have == NULL && other != NULL))
			return false;
	}
	return true;
}

/* Every page whose resources are fonts alone loses them to one
 * dictionary at the root holding all those fonts (each font has the
 * same name on every page: pdf.c's name_font; a page that names them
 * otherwise keeps its own). */
static void
inherit_fonts(pdf *p)
{
	HPDF_List pages = p->doc->page_list;
	HPDF_Dict nr = NULL, nf = NULL, f;
	size_t shared = 0;

	for (HPDF_UINT i = 0; i < pages->count; i++)
		shared += font_res(HPDF_List_ItemAt(pages, i)) != NULL;
	if (shared < 2 || (nr = HPDF_Dict_New(p->doc->mmgr)) == NULL ||
	    (nf = HPDF_Dict_New(p->doc->mmgr)) == NULL)
		return;
	HPDF_Dict_Add(nr, "Font", nf);
	for (HPDF_UINT i = 0; i < pages->count; i++) {
		HPDF_Dict pg = HPDF_List_ItemAt(pages, i);

		if ((f = font_res(pg)) == NULL || !agrees(nf, f))
			continue;
		for (HPDF_UINT j = 0; j < f->list->count; j++) {
			HPDF_DictElement el = HPDF_List_ItemAt(f->list, j);

			if (HPDF_Dict_GetKeyByObj(nf, target(el->value)) == NULL)
				HPDF_Dict_Add(nf, el->key, target(el->value));
		}
		HPDF_Dict_RemoveElement(pg, "Resources");
		((HPDF_PageAttr)pg->attr)->fonts = NULL;
	}
	HPDF_Dict_Add(p->doc->root_pages, "Resources", nr);
}

void
pdf_tree_finish(pdf *p)
{
	HPDF_List pages = p->doc->page_list;
	size_t n = pages != NULL ? pages->count : 0;
	char **bk;

	/* one page tree, the root's kids being the pages (libharu's way) */
	if (n < 2 || p->doc->root_pages == NULL || p->doc->cur_pages !=
	    p->doc->root_pages)
		return;
	if ((bk = calloc(n, sizeof *bk)) == NULL)
		lk_fatal("out of memory");
	for (size_t i = 0; i < n; i++)
		bk[i] = box_key(HPDF_List_ItemAt(pages, (HPDF_UINT)i));
	inherit_box(p, bk, n, most_common(bk, n));
	inherit_fonts(p);
	for (size_t i = 0; i < n; i++)
		free(bk[i]);
	free(bk);
}
