/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* keys.h - keys are actions: one table maps keys to actions.
 *
 * Owns: the list of actions with their translatable labels (bottom bar)
 * and descriptions (help), the default keys of each action, the context in
 * which a key means that action (letters are actions only where nothing
 * is typed), the printable names of keys, and the help text of a view
 * generated from this table.  No screen knows a raw key code: loops
 * dispatch on actions (ui_getkey in ui.c translates).
 */
#ifndef LK_TUI_KEYS_H
#define LK_TUI_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* The actions; their labels and descriptions are in keys.c. */
#define KEY_ACTIONS(X) \
	X(HELP) \
	X(SAVE) \
	X(BACK) \
	X(ENTER) \
	X(EDIT) \
	X(ADD) \
	X(DELETE) \
	X(MOVE_UP) \
	X(MOVE_DOWN) \
	X(SEARCH) \
	X(SEARCH_NEXT) \
	X(EDITOR) \
	X(TABLES) \
	X(HEADER) \
	X(SWITCH) \
	X(SUBMIT) \
	X(APPROVE) \
	X(RETURN) \
	X(APPROVE_ALL) \
	X(HISTORY) \
	X(NOTE) \
	X(SIGN) \
	X(UNLOCK) \
	X(PRINT) \
	X(KATEGORI) \
	X(STEPS) \
	X(NEXT_STEP) \
	X(PREV_STEP) \
	X(NEXT_FIELD) \
	X(PREV_FIELD) \
	X(UP) \
	X(DOWN) \
	X(LEFT) \
	X(RIGHT) \
	X(PGUP) \
	X(PGDN) \
	X(HOME) \
	X(END) \
	X(BACKSPACE) \
	X(DELCHAR) \
	X(CLEAR) \
	X(REDRAW) \
	X(QUIT)

enum key_action {
	ACT_NONE = 0,
#define KEY_X(id) ACT_##id,
	KEY_ACTIONS(KEY_X)
#undef KEY_X
	ACT_N,
	/* Not in the table: events from ui_getkey. */
	ACT_CHAR = 1000,   /* a printable character to insert (k->ch) */
	ACT_RESIZE,        /* the layout was rebuilt: redraw and go on */
	ACT_TERMINATE,     /* hang-up or kill: drafts are written, unwind */
	ACT_PASTE,         /* a block was pasted (KCTX_PASTE): ui_paste_text */
};

/* Where a key is read. */
enum key_ctx {
	KCTX_NAV = 1,      /* lists, menus: letters may be actions */
	KCTX_TEXT = 2,     /* a field being typed into: letters are text */
	KCTX_GRID_ONLY = 4,                   /* bound in the grid alone */
	KCTX_GRID = KCTX_GRID_ONLY | KCTX_TEXT, /* the realisation grid */
	/* With KCTX_PASTE the reader takes a pasted block (ACT_PASTE); a
	 * field without it gets a paste as typed keys, a list a hint. */
	KCTX_PASTE = 8,
	KCTX_GRID_PASTE = KCTX_GRID | KCTX_PASTE,
	KCTX_TEXT_PASTE = KCTX_TEXT | KCTX_PASTE,
	KCTX_NAV_PASTE = KCTX_NAV | KCTX_PASTE,
};

/* Translate a key read by get_wch (rc is its return value) into an
 * action for context ctx.  Printable characters in KCTX_TEXT (and those
 * not bound in KCTX_NAV) give ACT_CHAR; control characters that are not
 * bound give ACT_NONE (they are never inserted). */
int keys_action(int rc, wint_t ch, enum key_ctx ctx);

/* Label of an action (translated), and the name of its first key that
 * works in ctx ("F2", "Ctrl-S", "Enter"), for the bottom bar. */
const char *keys_label(int act);
const char *keys_first_name(int act, enum key_ctx ctx);

/* The help text of a view: the view's own text, then every action of
 * `acts` (ended by ACT_NONE) with all its keys and description, then the
 * keys that work everywhere.  Returns a malloc'ed UTF-8 string. */
char *keys_help_text(const char *view_text, const int *acts, enum key_ctx ctx);

#endif
