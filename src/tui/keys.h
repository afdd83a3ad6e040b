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

/* X(id, label, description): label is a short word for the bottom bar,
 * description a line for the help screen; both are msgids (N_). */
#define KEY_ACTIONS(X) \
	X(HELP, N_("Help"), N_("show the keys and an explanation of this screen")) \
	X(SAVE, N_("Save"), N_("save what was typed (one transaction)")) \
	X(BACK, N_("Back"), N_("leave this screen (asks when something is not saved)")) \
	X(ENTER, N_("Edit"), N_("open or edit the selected entry; in a form, next field")) \
	X(EDIT, N_("Edit"), N_("edit the selected entry")) \
	X(ADD, N_("Add"), N_("add a new entry after the selected one")) \
	X(DELETE, N_("Delete"), N_("delete the selected entry (asks first)")) \
	X(MOVE_UP, N_("Up"), N_("move the selected entry up")) \
	X(MOVE_DOWN, N_("Down"), N_("move the selected entry down")) \
	X(SEARCH, N_("Search"), N_("search the list for a text")) \
	X(SEARCH_NEXT, N_("Next"), N_("next match of the search")) \
	X(EDITOR, N_("Editor"), N_("edit the text in your own editor ($VISUAL or $EDITOR)")) \
	X(TABLES, N_("Tables"), N_("supporting tables of the selected sasaran")) \
	X(HEADER, N_("Title"), N_("edit the title, columns and note of the table")) \
	X(SWITCH, N_("Switch"), N_("switch between the two lists of this screen")) \
	X(STEPS, N_("Steps"), N_("menu of the steps of the quarter")) \
	X(NEXT_STEP, N_("Next step"), N_("go on to the next step of the quarter")) \
	X(PREV_STEP, N_("Prev step"), N_("go back to the previous step")) \
	X(NEXT_FIELD, N_("Next"), N_("next field")) \
	X(PREV_FIELD, N_("Previous"), N_("previous field")) \
	X(UP, N_("Up"), N_("move up")) \
	X(DOWN, N_("Down"), N_("move down")) \
	X(LEFT, N_("Left"), N_("move left; in a choice, previous value")) \
	X(RIGHT, N_("Right"), N_("move right; in a choice, next value")) \
	X(PGUP, N_("Page up"), N_("one page up")) \
	X(PGDN, N_("Page down"), N_("one page down")) \
	X(HOME, N_("Start"), N_("to the start")) \
	X(END, N_("End"), N_("to the end")) \
	X(BACKSPACE, N_("Erase"), N_("erase the character before the cursor")) \
	X(DELCHAR, N_("Erase"), N_("erase the character under the cursor")) \
	X(CLEAR, N_("Clear"), N_("clear the field")) \
	X(REDRAW, N_("Redraw"), N_("redraw the screen")) \
	X(QUIT, N_("Quit"), N_("quit lakip (asks when something is not saved)"))

enum key_action {
	ACT_NONE = 0,
#define KEY_X(id, label, desc) ACT_##id,
	KEY_ACTIONS(KEY_X)
#undef KEY_X
	ACT_N,
	/* Not in the table: events from ui_getkey. */
	ACT_CHAR = 1000,   /* a printable character to insert (k->ch) */
	ACT_RESIZE,        /* the layout was rebuilt: redraw and go on */
	ACT_TERMINATE,     /* hang-up or kill: drafts are written, unwind */
};

/* Where a key is read. */
enum key_ctx {
	KCTX_NAV = 1,      /* lists, menus: letters may be actions */
	KCTX_TEXT = 2,     /* a field being typed into: letters are text */
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
