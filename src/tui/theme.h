/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* theme.h - colour roles, each with a monochrome attribute.
 *
 * Owns: the mapping from what a thing is (title bar, field, error,
 * predikat "baik") to a curses attribute.  Colours are used when the
 * terminal has them and NO_COLOR is not set; otherwise every role falls
 * back to its monochrome attribute (bold, reverse, underline), so the
 * screen still reads on a vt100 or with NO_COLOR.
 */
#ifndef LK_TUI_THEME_H
#define LK_TUI_THEME_H

#include <curses.h>
#include <stdbool.h>

enum theme_role {
	TR_NORMAL,
	TR_TITLE,        /* top bar */
	TR_BAR,          /* bottom key bar */
	TR_BAR_KEY,      /* key names on the bottom bar */
	TR_HEADING,      /* screen title */
	TR_LABEL,        /* form labels */
	TR_FIELD,        /* an input */
	TR_FIELD_FOCUS,  /* the input with the cursor */
	TR_ERROR,        /* error messages */
	TR_INFO,         /* confirmations: saved, written */
	TR_HINT,         /* help line, hints */
	TR_COLHEAD,      /* table column headers */
	TR_SELECT,       /* selected row */
	TR_GROUP,        /* group rows (sasaran above its IKU), JUMLAH */
	TR_BAIK,         /* predikat colours: warna "baik" */
	TR_CUKUP,
	TR_KURANG,
	TR_BORDER,       /* popup frames */
	TR_MATCH,        /* search matches */
	TR_N
};

/* Call after initscr. */
void theme_init(void);
bool theme_has_colour(void);
attr_t theme_attr(enum theme_role r);

/* Role of a predikat band's warna ("baik", "cukup", "kurang"), or
 * TR_NORMAL. */
enum theme_role theme_warna(const char *warna);

#endif
