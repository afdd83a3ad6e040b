/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* ui.h - the screen: layers, keys, signals, resize, frame and popups.
 *
 * Owns: curses start and end; the stack of layers (each view or popup
 * pushes one: draw, relayout after a resize, keep a draft on hang-up);
 * reading keys as actions (keys.h) while turning SIGHUP/SIGTERM, a lost
 * terminal and KEY_RESIZE into events handled here, in the loop, never in
 * a signal handler; the "too small" screen; the frame every view shares
 * (top bar with the period and step, status line, key bar); text measured
 * in display columns; and small modal popups (message, confirm, choose,
 * prompt, help, progress).
 *
 * Everything draws on stdscr.  Loops follow one pattern:
 *     for (;;) { ui_redraw(); act = ui_getkey(ctx, &ch);
 *                if (act == ACT_TERMINATE) return ...; ... }
 * Strings are UTF-8 unless a name says wcs.
 */
#ifndef LK_TUI_UI_H
#define LK_TUI_UI_H

#include <curses.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "tui/keys.h"
#include "tui/theme.h"

#define UI_MIN_COLS 80
#define UI_MIN_LINES 24

/* ---- start and end ---- */
/* newterm, keypad, colours, signals; returns 0, or -1 with a message in
 * err when the terminal cannot be used (unknown TERM). */
int ui_init(char *err, size_t n);
void ui_end(void);           /* endwin (safe to call twice) */
/* Give the terminal to another program (an editor) and take it back:
 * bracketed paste off while it runs. */
void ui_suspend(void);
void ui_resume(void);
bool ui_active(void);

/* ---- layers ---- */
typedef struct ui_layer {
	void (*draw)(void *ctx);       /* draw the layer; the top one places the cursor */
	void (*relayout)(void *ctx);   /* rebuild after a resize (may be NULL) */
	void (*draft)(void *ctx);      /* keep typed data on hang-up (may be NULL) */
	void *ctx;
	bool full;                     /* covers the whole screen */
} ui_layer;
void ui_push(const ui_layer *l);
void ui_pop(void);
/* Draw every layer from the topmost full one up, then refresh. */
void ui_redraw(void);
/* fn(arg) once, when the next key is waited for and the screen is shown:
 * work the first screen need not wait for.  fn may draw and ask. */
void ui_once_shown(void (*fn)(void *arg), void *arg);
/* Where the cursor should stand after drawing (the last call of a redraw
 * wins); without a call the cursor is hidden. */
void ui_cursor(int y, int x);

/* ---- keys ---- */
/* Read the next key: returns an action (keys.h).  Handles KEY_RESIZE
 * (every layer relayouts; ACT_RESIZE is returned), a too-small terminal
 * (waits, showing why), and termination (SIGHUP, SIGTERM, terminal gone:
 * every layer's draft is kept, ACT_TERMINATE is returned, and from then
 * on every call returns ACT_TERMINATE at once).  *ch gets the character
 * for ACT_CHAR. */
int ui_getkey(enum key_ctx ctx, wint_t *ch);
/* The text of the paste that gave ACT_PASTE (UTF-8, *len bytes), valid
 * until the next ui_getkey.  A paste arrives as ACT_PASTE where ctx has
 * KCTX_PASTE: bracketed (the terminal marks it; the mode is on while
 * lakip has the screen) or a burst of typed text with tabs or line
 * breaks that arrived without a pause; elsewhere a field gets it as typed
 * keys and a list a hint. */
const char *ui_paste_text(size_t *len);
bool ui_terminating(void);
/* The signal that ended the program (SIGHUP, SIGTERM), or 0. */
int ui_signal(void);
/* Run every layer's relayout now (after an external editor). */
void ui_relayout_all(void);

/* ---- frame ---- */
/* The top bar: program, context (agency, year, quarter: set by the app)
 * and the step ("Langkah 4 dari 10: Realisasi IKU"). */
void ui_set_context(const char *ctx);
/* Flags on the top bar: read-only (the file, or an account the database
 * does not list), the quarter is locked (finalised), unsaved changes. */
void ui_set_flags(bool readonly, bool locked, bool unsaved);
/* A standing notice for the status line (why the session or the quarter
 * is read-only), shown where there is no message, instead of the view's
 * hint; NULL or "" removes it. */
void ui_set_notice(const char *text);
void ui_draw_top(const char *title, int step, const char *step_name);
/* Bottom bar with the first key and label of each action (ended by
 * ACT_NONE) that fits, F1 first. */
void ui_draw_keybar(const int *acts, enum key_ctx ctx);
/* The same with the view's own words: labels[i], when not NULL, is shown
 * for acts[i] (translated by the caller). */
void ui_draw_keybar_as(const int *acts, const char *const *labels,
		       enum key_ctx ctx);
/* Status line (LINES-2): the last message, else the notice, else the
 * given hint. */
void ui_draw_status(const char *hint);

/* Messages for the status line until the next key. */
enum ui_msg_kind { UI_MSG_INFO, UI_MSG_ERROR, UI_MSG_HINT };
void ui_msg(enum ui_msg_kind k, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void ui_msg_clear(void);
/* The message on the status line when it fits, else in a box (title). */
void ui_say(enum ui_msg_kind k, const char *title, const char *text);
bool ui_msg_is_error(void);

/* ---- text ---- */
/* Display width of a UTF-8 string (control characters count 1). */
int ui_width(const char *s);
/* UTF-8 <-> wide.  Invalid bytes become U+FFFD.  malloc'ed. */
wchar_t *ui_wcs(const char *s, size_t *len);
char *ui_mbs(const wchar_t *w, size_t len);
/* Print s at (y, x) in at most w columns with attribute a; pads with
 * spaces to w when pad; right-aligns when right.  Characters that are not
 * printable are shown as '?'.  Returns the columns written. */
int ui_put(int y, int x, int w, const char *s, attr_t a, bool pad, bool right);
int ui_putw(int y, int x, int w, const wchar_t *s, size_t n, attr_t a, bool pad);
void ui_fill(int y, int x, int w, attr_t a);
/* Print s word-wrapped in the box (y, x, h, w); returns lines used. */
int ui_put_wrapped(int y, int x, int h, int w, const char *s, attr_t a);
/* True when hay contains needle, ASCII letters compared without case. */
bool ui_contains(const char *hay, const char *needle);
/* Display columns of one character (control characters count 1). */
int ui_wcwidth(wchar_t c);
/* One line of s[start..n) wrapped at w columns (at a space when it can):
 * returns where the text of the line ends and sets *next to where the
 * following line starts. */
size_t ui_wrap_line(const wchar_t *s, size_t start, size_t n, int w,
		    size_t *next);
/* The window is below 80x24. */
bool ui_too_small(void);
/* The byte length of the longest prefix of s that fits in w columns. */
size_t ui_fit(const char *s, int w);

/* ---- popups (popup.c; modal; each pushes a layer while open) ---- */
/* A message with an OK key; returns false only on termination. */
bool ui_message(const char *title, const char *text, bool error);
/* Yes/No question: 1 yes, 0 no, -1 back or termination.  default_yes
 * selects the button Enter answers at first. */
int ui_confirm(const char *title, const char *text, bool default_yes);
/* Three choices: returns 0, 1, 2 for the buttons, -1 for back/terminate. */
int ui_ask3(const char *title, const char *text, const char *b0,
	    const char *b1, const char *b2);
/* Choose one of n items (UTF-8 labels); returns the index, or -1. */
int ui_choose(const char *title, const char *const *items, size_t n,
	      size_t selected);
/* Line input.  *out is malloc'ed on success (returns true). */
bool ui_prompt(const char *title, const char *label, const char *initial,
	       char **out);
/* The same for a password: what is typed shows as '*' and is wiped from
 * the editor's memory; *out (malloc'ed) is the caller's to wipe. */
bool ui_prompt_secret(const char *title, const char *label, char **out);
/* Scrollable read-only text (help). */
void ui_show_text(const char *title, const char *text);
/* Help of a view: the text, then the keys of acts (keys.h). */
void ui_help(const char *title, const char *view_text, const int *acts,
	     enum key_ctx ctx);
/* A box with a line of progress, drawn at once (no key is read). */
void ui_progress(const char *title, const char *text);

#endif
