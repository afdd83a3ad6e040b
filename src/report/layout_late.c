/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* layout_late.c - sections drawn last: those with a table of contents.
 *
 * Owns: taking the pages of a section with a table of contents in the
 * flow (LAY_RESERVE: pages and outline entries, nothing drawn), keeping
 * the state of the flow as that section began, and drawing it on those
 * pages at the end (LAY_REPLAY), when every heading's page number is
 * known.  The run over the section's blocks is layout.c's; it is the
 * same both times, so the pages taken are the pages drawn.
 */
#include "config.h"
#include "report/layout_flow.h"

#include <stdlib.h>
#include <string.h>

void
lay_reserve_page(lay *L)
{
	lay_late *lt = L->late;

	if (lt->n_page == lt->cap_page) {
		lt->cap_page = lt->cap_page ? 2 * lt->cap_page : 8;
		lt->page = realloc(lt->page, lt->cap_page * sizeof *lt->page);
		if (lt->page == NULL)
			lk_fatal("out of memory");
	}
	lt->page[lt->n_page++] = pdf_page_get(L->p);
}

static bool
has_toc(const doc_section *s)
{
	for (size_t i = 0; i < s->n_block; i++)
		if (s->block[i].type == DOC_TOC)
			return true;
	return false;
}

/* A section with a table of contents takes its pages now and is drawn
 * by lay_draw_late(). */
int
lay_section(lay *L, size_t si)
{
	lay_late *lt = L->late;
	int rc;

	if (L->mode != LAY_DRAW || !has_toc(&L->d->section[si]))
		return lay_run_section(L, si);
	lt->sec = realloc(lt->sec, (lt->n_sec + 1) * sizeof *lt->sec);
	if (lt->sec == NULL)
		lk_fatal("out of memory");
	lt->sec[lt->n_sec].si = si;
	lt->sec[lt->n_sec].page0 = lt->n_page;
	lt->sec[lt->n_sec].state = lay_calloc(1, sizeof *L);
	*lt->sec[lt->n_sec++].state = *L;
	lay_set_mode(L, LAY_RESERVE);
	rc = lay_run_section(L, si);
	lay_set_mode(L, LAY_DRAW);
	return rc;
}

/* The sections left for the end, drawn on their pages from the state
 * they began with; the flow then is as it was. */
int
lay_draw_late(lay *L)
{
	lay_late *lt = L->late;
	lay end = *L;
	int rc = 0;

	for (size_t k = 0; k < lt->n_sec && rc == 0; k++) {
		*L = *lt->sec[k].state;
		lay_set_mode(L, LAY_REPLAY);
		lt->at = lt->sec[k].page0;
		rc = lay_run_section(L, lt->sec[k].si);
	}
	*L = end;
	return rc;
}

void
lay_free_late(lay_late *lt)
{
	for (size_t k = 0; k < lt->n_sec; k++)
		free(lt->sec[k].state);
	free(lt->sec);
	free(lt->page);
	memset(lt, 0, sizeof *lt);
}
