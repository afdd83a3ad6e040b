/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* keys.c - the key table (see keys.h). */
#include "config.h"
#include "tui/keys.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "core/i18n.h"

#define CTRL_(c) ((c) & 0x1f)
#define K_ANY (KCTX_NAV | KCTX_TEXT)

typedef struct key_bind {
	int act;
	bool fkey;        /* a KEY_* code (get_wch returned KEY_CODE_YES) */
	int code;         /* KEY_* code or character */
	unsigned ctx;     /* contexts where the key means act */
} key_bind;

/* Order matters: the first key of an action is the one the bottom bar
 * shows; function keys first, letters as alternatives for terminals and
 * SSH clients where function keys do not arrive. */
static const key_bind binds[] = {
	{ ACT_HELP, true, KEY_F(1), K_ANY },
	{ ACT_HELP, false, CTRL_('G'), K_ANY },
	{ ACT_HELP, false, '?', KCTX_NAV },
	{ ACT_SAVE, true, KEY_F(2), K_ANY },
	{ ACT_SAVE, false, CTRL_('S'), K_ANY },
	{ ACT_BACK, true, KEY_F(10), K_ANY },
	{ ACT_BACK, false, 27, K_ANY },
	{ ACT_BACK, false, 'q', KCTX_NAV },
	{ ACT_ENTER, false, '\n', K_ANY },
	{ ACT_ENTER, false, '\r', K_ANY },
	{ ACT_ENTER, true, KEY_ENTER, K_ANY },
	{ ACT_EDIT, false, 'e', KCTX_NAV },
	{ ACT_ADD, true, KEY_IC, K_ANY },
	{ ACT_ADD, false, 'a', KCTX_NAV },
	{ ACT_DELETE, true, KEY_DC, KCTX_NAV },
	{ ACT_DELETE, false, 'd', KCTX_NAV },
	{ ACT_MOVE_UP, true, KEY_SR, K_ANY },
	{ ACT_MOVE_UP, false, '-', KCTX_NAV },
	{ ACT_MOVE_DOWN, true, KEY_SF, K_ANY },
	{ ACT_MOVE_DOWN, false, '+', KCTX_NAV },
	{ ACT_SEARCH, false, '/', KCTX_NAV },
	{ ACT_SEARCH, false, CTRL_('F'), K_ANY },
	{ ACT_SEARCH_NEXT, false, 'n', KCTX_NAV },
	{ ACT_SEARCH_NEXT, true, KEY_F(3), K_ANY },
	/* In the realisation grid F4 is the note of an IKU without a
	 * realisation (there is no text for an editor there). */
	{ ACT_NOTE, true, KEY_F(4), KCTX_GRID_ONLY },
	{ ACT_NOTE, false, CTRL_('O'), KCTX_GRID_ONLY },
	{ ACT_EDITOR, true, KEY_F(4), K_ANY },
	{ ACT_EDITOR, false, CTRL_('E'), K_ANY },
	{ ACT_TABLES, true, KEY_F(6), K_ANY },
	{ ACT_TABLES, false, 't', KCTX_NAV },
	{ ACT_HEADER, true, KEY_F(5), K_ANY },
	{ ACT_HEADER, false, 'h', KCTX_NAV },
	{ ACT_STEPS, true, KEY_F(9), K_ANY },
	{ ACT_STEPS, false, CTRL_('T'), K_ANY },
	{ ACT_STEPS, false, 'm', KCTX_NAV },
	{ ACT_NEXT_STEP, true, KEY_F(8), K_ANY },
	{ ACT_NEXT_STEP, false, CTRL_('N'), K_ANY },
	{ ACT_NEXT_STEP, false, '>', KCTX_NAV },
	{ ACT_PREV_STEP, true, KEY_F(7), K_ANY },
	{ ACT_PREV_STEP, false, CTRL_('P'), K_ANY },
	{ ACT_PREV_STEP, false, '<', KCTX_NAV },
	{ ACT_SWITCH, false, '\t', KCTX_NAV },
	/* The review: F11 and F12 are the free function keys (terminals that
	 * take them for themselves have Ctrl-K, "kirim", and Ctrl-R,
	 * "riwayat"); a kabid reviews in a list, where letters are keys. */
	{ ACT_SUBMIT, true, KEY_F(11), K_ANY },
	{ ACT_SUBMIT, false, CTRL_('K'), K_ANY },
	{ ACT_HISTORY, true, KEY_F(12), K_ANY },
	{ ACT_HISTORY, false, CTRL_('R'), K_ANY },
	{ ACT_APPROVE, false, 'y', KCTX_NAV },
	{ ACT_RETURN, false, 'r', KCTX_NAV },
	{ ACT_APPROVE_ALL, false, 'Y', KCTX_NAV },
	/* Signing and unlocking: on the signing screen, a list. */
	{ ACT_SIGN, false, 's', KCTX_NAV },
	{ ACT_UNLOCK, false, 'u', KCTX_NAV },
	{ ACT_PRINT, false, 'p', KCTX_NAV },
	{ ACT_KATEGORI, false, 'k', KCTX_NAV },
	{ ACT_NEXT_FIELD, false, '\t', K_ANY },
	{ ACT_PREV_FIELD, true, KEY_BTAB, K_ANY },
	{ ACT_UP, true, KEY_UP, K_ANY },
	{ ACT_DOWN, true, KEY_DOWN, K_ANY },
	{ ACT_LEFT, true, KEY_LEFT, K_ANY },
	{ ACT_RIGHT, true, KEY_RIGHT, K_ANY },
	{ ACT_PGUP, true, KEY_PPAGE, K_ANY },
	{ ACT_PGDN, true, KEY_NPAGE, K_ANY },
	{ ACT_HOME, true, KEY_HOME, K_ANY },
	{ ACT_HOME, false, CTRL_('A'), KCTX_TEXT },
	{ ACT_END, true, KEY_END, K_ANY },
	{ ACT_BACKSPACE, true, KEY_BACKSPACE, K_ANY },
	{ ACT_BACKSPACE, false, 127, K_ANY },
	{ ACT_BACKSPACE, false, CTRL_('H'), K_ANY },
	{ ACT_DELCHAR, true, KEY_DC, KCTX_TEXT },
	{ ACT_CLEAR, false, CTRL_('U'), K_ANY },
	{ ACT_REDRAW, false, CTRL_('L'), K_ANY },
	{ ACT_QUIT, false, CTRL_('Q'), K_ANY },
	{ ACT_QUIT, false, 'Q', KCTX_NAV },
};
#define N_BINDS (sizeof binds / sizeof binds[0])

typedef struct act_text {
	const char *label;   /* a word for the bottom bar */
	const char *desc;    /* a line for the help screen */
} act_text;

static const act_text texts[ACT_N] = {
	[ACT_NOTE] = { N_("Note"),
		N_("why the IKU has no realisation yet (the note printed under "
		   "the table)") },
	[ACT_HELP] = { N_("Help"),
		N_("show the keys and an explanation of this screen") },
	[ACT_SAVE] = { N_("Save"),
		N_("save what was typed (one transaction)") },
	[ACT_BACK] = { N_("Back"),
		N_("leave this screen (asks when something is not saved)") },
	[ACT_ENTER] = { N_("Edit"),
		N_("open or edit the selected entry; in a form, next field") },
	[ACT_EDIT] = { N_("Edit"),
		N_("edit the selected entry") },
	[ACT_ADD] = { N_("Add"),
		N_("add a new entry after the selected one") },
	[ACT_DELETE] = { N_("Delete"),
		N_("delete the selected entry (asks first)") },
	[ACT_MOVE_UP] = { N_("Up"),
		N_("move the selected entry up") },
	[ACT_MOVE_DOWN] = { N_("Down"),
		N_("move the selected entry down") },
	[ACT_SEARCH] = { N_("Search"),
		N_("search the list for a text") },
	[ACT_SEARCH_NEXT] = { N_("Next"),
		N_("next match of the search") },
	[ACT_EDITOR] = { N_("Editor"),
		N_("edit the text in your own editor ($VISUAL or $EDITOR)") },
	[ACT_TABLES] = { N_("Tables"),
		N_("supporting tables of the selected sasaran") },
	[ACT_HEADER] = { N_("Title"),
		N_("edit the title, columns and note of the table") },
	[ACT_SWITCH] = { N_("Switch"),
		N_("switch between the two lists of this screen") },
	[ACT_SUBMIT] = { N_("Submit"),
		N_("submit entries for review by the kabid: this row, or every draft "
		   "and returned entry of the quarter (asks first)") },
	[ACT_APPROVE] = { N_("Approve"),
		N_("approve the selected entry (asks first)") },
	[ACT_RETURN] = { N_("Return"),
		N_("return the selected entry with a comment that says what to fix") },
	[ACT_APPROVE_ALL] = { N_("Approve all"),
		N_("approve every submitted entry of your bidang at once (asks first)") },
	[ACT_HISTORY] = { N_("History"),
		N_("the recorded changes of the selected value: who, when, old and new") },
	[ACT_SIGN] = { N_("Sign"),
		N_("sign the quarter's report with the head's key, store it and lock the quarter (asks for the key and its password)") },
	[ACT_UNLOCK] = { N_("Unlock"),
		N_("unlock the finalised quarter with a reason (admin)") },
	[ACT_KATEGORI] = { N_("Categories"),
		N_("the category bands of the selected index IKU (IDI, ...): what its value is called instead of a predikat") },
	[ACT_PRINT] = { N_("Print"),
		N_("print what the screen shows as a PDF") },
	[ACT_STEPS] = { N_("Steps"),
		N_("menu of the steps of the quarter") },
	[ACT_NEXT_STEP] = { N_("Next step"),
		N_("go on to the next step of the quarter") },
	[ACT_PREV_STEP] = { N_("Prev step"),
		N_("go back to the previous step") },
	[ACT_NEXT_FIELD] = { N_("Next"),
		N_("next field") },
	[ACT_PREV_FIELD] = { N_("Previous"),
		N_("previous field") },
	[ACT_UP] = { N_("Up"),
		N_("move up") },
	[ACT_DOWN] = { N_("Down"),
		N_("move down") },
	[ACT_LEFT] = { N_("Left"),
		N_("move left; in a choice, previous value") },
	[ACT_RIGHT] = { N_("Right"),
		N_("move right; in a choice, next value") },
	[ACT_PGUP] = { N_("Page up"),
		N_("one page up") },
	[ACT_PGDN] = { N_("Page down"),
		N_("one page down") },
	[ACT_HOME] = { N_("Start"),
		N_("to the start") },
	[ACT_END] = { N_("End"),
		N_("to the end") },
	[ACT_BACKSPACE] = { N_("Erase"),
		N_("erase the character before the cursor") },
	[ACT_DELCHAR] = { N_("Erase"),
		N_("erase the character under the cursor") },
	[ACT_CLEAR] = { N_("Clear"),
		N_("clear the field") },
	[ACT_REDRAW] = { N_("Redraw"),
		N_("redraw the screen") },
	[ACT_QUIT] = { N_("Quit"),
		N_("quit lakip (asks when something is not saved)") },
};

int
keys_action(int rc, wint_t ch, enum key_ctx ctx)
{
	bool fk = rc == KEY_CODE_YES;
	size_t i;

	for (i = 0; i < N_BINDS; i++)
		if (binds[i].fkey == fk && (wint_t)binds[i].code == ch &&
		    (binds[i].ctx & ctx))
			return binds[i].act;
	if (!fk && ch >= 32 && ch != 127 && iswprint(ch))
		return ACT_CHAR;
	return ACT_NONE;
}

const char *
keys_label(int act)
{
	if (act <= ACT_NONE || act >= ACT_N)
		return "";
	return _(texts[act].label);
}

static const char *
bind_name(const key_bind *b)
{
	static char buf[8][24];
	static int slot;
	char *s = buf[slot++ % 8];
	bool utf8 = MB_CUR_MAX > 1;

	if (b->fkey) {
		if (b->code >= KEY_F(1) && b->code <= KEY_F(12)) {
			snprintf(s, 24, "F%d", b->code - KEY_F0);
			return s;
		}
		switch (b->code) {
		case KEY_ENTER: return "Enter";
		case KEY_IC: return "Ins";
		case KEY_DC: return "Del";
		case KEY_SR: return utf8 ? "Shift-\u2191" : "Shift-Up";
		case KEY_SF: return utf8 ? "Shift-\u2193" : "Shift-Down";
		case KEY_BTAB: return "Shift-Tab";
		case KEY_UP: return utf8 ? "\u2191" : "Up";
		case KEY_DOWN: return utf8 ? "\u2193" : "Down";
		case KEY_LEFT: return utf8 ? "\u2190" : "Left";
		case KEY_RIGHT: return utf8 ? "\u2192" : "Right";
		case KEY_PPAGE: return "PgUp";
		case KEY_NPAGE: return "PgDn";
		case KEY_HOME: return "Home";
		case KEY_END: return "End";
		case KEY_BACKSPACE: return "Backspace";
		default: return "?";
		}
	}
	switch (b->code) {
	case '\n': return "Enter";
	case '\r': return "Enter";
	case '\t': return "Tab";
	case 27: return "Esc";
	case 127: return "Backspace";
	case ' ': return _("Space");
	default:
		break;
	}
	if (b->code < 32)
		snprintf(s, 24, "Ctrl-%c", b->code + '@');
	else
		snprintf(s, 24, "%lc", (wint_t)b->code);
	return s;
}

const char *
keys_first_name(int act, enum key_ctx ctx)
{
	size_t i;

	for (i = 0; i < N_BINDS; i++)
		if (binds[i].act == act && (binds[i].ctx & ctx))
			return bind_name(&binds[i]);
	return "";
}

typedef struct sbuf {
	char *p;
	size_t len, cap;
} sbuf;

static void
sb_add(sbuf *b, const char *s)
{
	size_t n = strlen(s);

	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		if ((b->p = realloc(b->p, b->cap)) == NULL)
			abort();
	}
	memcpy(b->p + b->len, s, n + 1);
	b->len += n;
}

/* "F2, Ctrl-S" padded, then the label and description. */
static void
help_line(sbuf *b, int act, enum key_ctx ctx)
{
	char names[80] = "", line[512];
	int seen = 0, pad;
	size_t i;

	for (i = 0; i < N_BINDS; i++) {
		const char *n;

		if (binds[i].act != act || !(binds[i].ctx & ctx))
			continue;
		n = bind_name(&binds[i]);
		if (strstr(names, n) != NULL && strlen(n) > 1)
			continue;   /* Enter twice */
		if (seen++ > 0)
			strncat(names, ", ", sizeof names - strlen(names) - 1);
		strncat(names, n, sizeof names - strlen(names) - 1);
	}
	if (seen == 0)
		return;
	/* Pad by display columns: arrows take three bytes, one column. */
	pad = 20 - (int)mbstowcs(NULL, names, 0);
	snprintf(line, sizeof line, "  %s%*s %s: %s\n", names, pad > 0 ? pad : 0, "",
		 keys_label(act), _(texts[act].desc));
	sb_add(b, line);
}

char *
keys_help_text(const char *view_text, const int *acts, enum key_ctx ctx)
{
	static const int common[] = {
		ACT_HELP, ACT_SAVE, ACT_BACK, ACT_NEXT_FIELD, ACT_PREV_FIELD,
		ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END, ACT_REDRAW, ACT_QUIT,
		ACT_NONE,
	};
	sbuf b = { NULL, 0, 0 };
	bool done[ACT_N] = { false };
	size_t i;

	sb_add(&b, "");
	if (view_text != NULL && *view_text) {
		sb_add(&b, view_text);
		sb_add(&b, "\n\n");
	}
	sb_add(&b, _("Keys of this screen:"));
	sb_add(&b, "\n");
	for (i = 0; acts != NULL && acts[i] != ACT_NONE; i++) {
		if (acts[i] > ACT_NONE && acts[i] < ACT_N && !done[acts[i]]) {
			help_line(&b, acts[i], ctx);
			done[acts[i]] = true;
		}
	}
	sb_add(&b, "\n");
	sb_add(&b, _("Keys that work everywhere:"));
	sb_add(&b, "\n");
	for (i = 0; common[i] != ACT_NONE; i++)
		if (!done[common[i]])
			help_line(&b, common[i], KCTX_NAV | KCTX_TEXT);
	sb_add(&b, "\n");
	sb_add(&b, _("Letters (q, a, d, e, /, ?) work in lists, where nothing is typed. "
		     "Where function keys do not arrive (some SSH clients), use the "
		     "Ctrl keys: Ctrl-S save, Ctrl-G help, Esc back, Ctrl-E editor, "
		     "Ctrl-N next step, Ctrl-T steps, Ctrl-K submit, Ctrl-R history."));
	sb_add(&b, "\n");
	return b.p;
}
