/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* lineedit.c - single-line input (see lineedit.h). */
#include "config.h"
#include "tui/lineedit.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "core/err.h"
#include "tui/keys.h"
#include "tui/ui.h"

static void
reserve(lineedit *l, size_t n)
{
	if (n + 1 <= l->cap)
		return;
	l->cap = (n + 1) * 2;
	if ((l->buf = realloc(l->buf, l->cap * sizeof *l->buf)) == NULL)
		lk_fatal("out of memory");
}

void
le_set(lineedit *l, const char *utf8)
{
	size_t n;
	wchar_t *w = ui_wcs(utf8 != NULL ? utf8 : "", &n);

	reserve(l, n);
	memcpy(l->buf, w, (n + 1) * sizeof *w);
	free(w);
	l->len = n;
	l->cur = n;
	l->scroll = 0;
}

char *
le_get(const lineedit *l)
{
	return ui_mbs(l->buf != NULL ? l->buf : L"", l->len);
}

void
le_free(lineedit *l)
{
	free(l->buf);
	memset(l, 0, sizeof *l);
}

static void
insert(lineedit *l, wchar_t c)
{
	if (l->max > 0 && l->len >= l->max)
		return;
	reserve(l, l->len + 1);
	memmove(l->buf + l->cur + 1, l->buf + l->cur,
		(l->len - l->cur + 1) * sizeof *l->buf);
	l->buf[l->cur++] = c;
	l->len++;
}

static void
erase_at(lineedit *l, size_t i)
{
	memmove(l->buf + i, l->buf + i + 1, (l->len - i) * sizeof *l->buf);
	l->len--;
}

bool
le_key(lineedit *l, int act, wint_t ch)
{
	reserve(l, l->len);
	switch (act) {
	case ACT_CHAR:
		if (!iswprint(ch))
			return true;
		if (l->fresh) {
			l->len = l->cur = 0;
			l->buf[0] = 0;
		}
		insert(l, (wchar_t)ch);
		break;
	case ACT_LEFT:
		if (l->cur > 0)
			l->cur--;
		break;
	case ACT_RIGHT:
		if (l->cur < l->len)
			l->cur++;
		break;
	case ACT_HOME:
		l->cur = 0;
		break;
	case ACT_END:
		l->cur = l->len;
		break;
	case ACT_BACKSPACE:
		if (l->cur > 0)
			erase_at(l, --l->cur);
		break;
	case ACT_DELCHAR:
		if (l->cur < l->len)
			erase_at(l, l->cur);
		break;
	case ACT_CLEAR:
		l->len = l->cur = 0;
		l->buf[0] = 0;
		break;
	default:
		return false;
	}
	l->fresh = false;
	return true;
}

int
le_draw(lineedit *l, int y, int x, int w, attr_t a)
{
	int cw = 0, width;
	size_t i;

	if (w < 1)
		return x;
	reserve(l, l->len);
	if (l->cur < l->scroll)
		l->scroll = l->cur;
	/* Scroll so that the cursor is visible, one column to spare. */
	for (;;) {
		width = 0;
		for (i = l->scroll; i < l->cur; i++) {
			int c = wcwidth(l->buf[i]);
			width += c < 0 ? 1 : c;
		}
		if (width < w || l->scroll >= l->cur)
			break;
		l->scroll++;
	}
	cw = width;
	if (l->right && l->scroll == 0) {
		int total = 0, pad;

		for (i = 0; i < l->len; i++) {
			int c = wcwidth(l->buf[i]);
			total += c < 0 ? 1 : c;
		}
		pad = w - 1 - total;
		if (pad > 0) {
			ui_fill(y, x, pad, a);
			ui_putw(y, x + pad, w - pad, l->buf, l->len, a, true);
			return x + pad + cw;
		}
	}
	ui_putw(y, x, w, l->buf + l->scroll, l->len - l->scroll, a, true);
	return x + (cw < w ? cw : w - 1);
}
