/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* textedit.h - a multi-line text being typed, and $EDITOR.
 *
 * Owns: the wide-character buffer of a long text (narratives,
 * kesimpulan) with the user's line breaks kept, soft wrapping to the
 * width of its box, cursor movement by display line, scrolling, and
 * editing the text in an external editor ($VISUAL, else $EDITOR, else vi)
 * on a temporary file, the way mail programs do: curses is suspended
 * before and the screen rebuilt after.  Only printable characters and
 * line breaks are kept (a tab becomes a space).  Memory: te_free.
 */
#ifndef LK_TUI_TEXTEDIT_H
#define LK_TUI_TEXTEDIT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

typedef struct textedit {
	wchar_t *buf;
	size_t len, cap;
	size_t cur;        /* cursor index */
	size_t top;        /* first display line shown */
	int want_col;      /* column kept by up/down, -1 none */
	size_t max;        /* maximum characters, 0 = none */
	int w, h;          /* box size of the last draw */
} textedit;

void te_set(textedit *t, const char *utf8);
char *te_get(const textedit *t);           /* malloc'ed UTF-8 */
void te_free(textedit *t);

/* Handle an action (keys.h).  Returns 1 when handled, 0 when not (the
 * caller moves focus), -1 when the cursor wanted to leave at the top
 * (ACT_UP on the first line) and +2 at the bottom (ACT_DOWN on the
 * last line). */
int te_key(textedit *t, int act, wint_t ch);

/* Draw in the box (y, x, h, w) with attribute a; with focus, places the
 * cursor (ui_cursor). */
void te_draw(textedit *t, int y, int x, int h, int w, attr_t a, bool focus);

/* Clean a text from outside (editor, paste): CR LF -> LF, tab -> space,
 * other control characters dropped.  malloc'ed. */
char *te_clean(const char *s);

/* Edit text in the user's editor.  Returns 0 and *out (malloc'ed, cleaned)
 * when the editor ran, or -1 with a message in err (no editor, cannot
 * write the temporary file, the editor failed).  The temporary file is
 * removed. */
int te_external(const char *text, char **out, char *err, size_t n);

#endif
