/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* lineedit.h - one line of text being typed (wide characters).
 *
 * Owns: the buffer, the cursor and the horizontal scroll of a single-line
 * input used where the form library is not (grid cells, prompts, search).
 * Only printable characters are inserted.  Memory: le_free.
 */
#ifndef LK_TUI_LINEEDIT_H
#define LK_TUI_LINEEDIT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

typedef struct lineedit {
	wchar_t *buf;
	size_t len, cap;
	size_t cur;        /* cursor index */
	size_t scroll;     /* first character shown */
	size_t max;        /* maximum characters, 0 = none */
	bool fresh;        /* the next typed character replaces the text */
	bool right;        /* drawn right-aligned when it fits (numbers) */
} lineedit;

void le_set(lineedit *l, const char *utf8);
char *le_get(const lineedit *l);          /* malloc'ed UTF-8 */
void le_free(lineedit *l);
/* Handle an action (keys.h); returns true when it was an editing one. */
bool le_key(lineedit *l, int act, wint_t ch);
/* Draw in w columns at (y, x) with attribute a; returns the cursor's
 * screen column. */
int le_draw(lineedit *l, int y, int x, int w, attr_t a);

#endif
