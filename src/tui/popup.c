/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* popup.c - modal popups drawn over the current view: message, yes/no,
 * three buttons, a list to choose from, a line to type, and the
 * scrollable text of help screens (see ui.h). */
#include "config.h"
#include "tui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "core/i18n.h"
#include "tui/lineedit.h"

/* ------------------------------------------------------------------ */
/* popups */

static void
draw_box(int y, int x, int h, int w, const char *title)
{
	attr_t b = theme_attr(TR_BORDER);
	int i;

	for (i = 0; i < h; i++)
		ui_fill(y + i, x, w, A_NORMAL);
	attrset(b);
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	if (title != NULL && *title) {
		char t[300];

		snprintf(t, sizeof t, " %s ", title);
		ui_put(y, x + 2, w - 4, t, b, false, false);
	}
}

typedef struct dlg {
	const char *title, *text;
	const char *btn[3];
	int nbtn, sel;
	bool error;
	int y, x, h, w, text_lines;
} dlg;

static void
dlg_layout(void *ctx)
{
	dlg *d = ctx;
	int want = ui_width(d->text) + 4, bw = 0, i;

	for (i = 0; i < d->nbtn; i++)
		bw += ui_width(d->btn[i]) + 6;
	if (want < bw + 4)
		want = bw + 4;
	if (want < ui_width(d->title) + 8)
		want = ui_width(d->title) + 8;
	if (want < 40)
		want = 40;
	if (want > 72)
		want = 72;
	if (want > COLS - 4)
		want = COLS - 4;
	d->w = want;
	d->text_lines = ui_put_wrapped(0, 0, 0, d->w - 4, d->text, A_NORMAL);
	if (d->text_lines > LINES - 8)
		d->text_lines = LINES - 8;
	d->h = d->text_lines + (d->nbtn > 0 ? 4 : 2);
	d->y = (LINES - d->h) / 2;
	d->x = (COLS - d->w) / 2;
}

static void
dlg_draw(void *ctx)
{
	dlg *d = ctx;
	int i, x, bw = 0, cx = -1;

	draw_box(d->y, d->x, d->h, d->w, d->title);
	ui_put_wrapped(d->y + 1, d->x + 2, d->text_lines, d->w - 4, d->text,
		       d->error ? theme_attr(TR_ERROR) : A_NORMAL);
	if (d->nbtn == 0)
		return;
	for (i = 0; i < d->nbtn; i++)
		bw += ui_width(d->btn[i]) + 4 + (i > 0 ? 2 : 0);
	x = d->x + (d->w - bw) / 2;
	for (i = 0; i < d->nbtn; i++) {
		char b[200];
		attr_t a = i == d->sel ? theme_attr(TR_SELECT) : A_NORMAL;

		snprintf(b, sizeof b, "[ %s ]", d->btn[i]);
		if (i == d->sel)
			cx = x + 2;
		x += ui_put(d->y + d->h - 2, x, ui_width(b), b, a, false, false) + 2;
	}
	if (cx >= 0)
		ui_cursor(d->y + d->h - 2, cx);
}

static int
dlg_run(dlg *d)
{
	ui_layer l = { dlg_draw, dlg_layout, NULL, d, false };
	int result = -2;

	dlg_layout(d);
	ui_push(&l);
	while (result == -2) {
		wint_t ch;
		int act, i;

		ui_redraw();
		act = ui_getkey(KCTX_TEXT, &ch);
		switch (act) {
		case ACT_TERMINATE:
		case ACT_BACK:
			result = -1;
			break;
		case ACT_LEFT:
		case ACT_PREV_FIELD:
		case ACT_UP:
			d->sel = (d->sel + d->nbtn - 1) % d->nbtn;
			break;
		case ACT_RIGHT:
		case ACT_NEXT_FIELD:
		case ACT_DOWN:
			d->sel = (d->sel + 1) % d->nbtn;
			break;
		case ACT_ENTER:
			result = d->sel;
			break;
		case ACT_CHAR:
			for (i = 0; i < d->nbtn; i++) {
				wchar_t *w = ui_wcs(d->btn[i], NULL);

				if (towlower(w[0]) == towlower(ch))
					result = i;
				free(w);
				if (result >= 0)
					break;
			}
			break;
		default:
			break;
		}
	}
	ui_pop();
	return result;
}

bool
ui_message(const char *title, const char *text, bool error)
{
	dlg d = { title, text, { _("OK"), NULL, NULL }, 1, 0, error, 0, 0, 0, 0, 0 };

	if (!ui_active())
		return true;
	return dlg_run(&d) >= 0 || !ui_terminating();
}

int
ui_confirm(const char *title, const char *text, bool default_yes)
{
	dlg d = { title, text, { _("Yes"), _("No"), NULL }, 2, default_yes ? 0 : 1,
		  false, 0, 0, 0, 0, 0 };
	int r = dlg_run(&d);

	return r < 0 ? -1 : r == 0 ? 1 : 0;
}

int
ui_ask3(const char *title, const char *text, const char *b0, const char *b1,
	const char *b2)
{
	dlg d = { title, text, { b0, b1, b2 }, 3, 0, false, 0, 0, 0, 0, 0 };

	return dlg_run(&d);
}

void
ui_progress(const char *title, const char *text)
{
	dlg d = { title, text, { NULL, NULL, NULL }, 0, 0, false, 0, 0, 0, 0, 0 };

	if (!ui_active() || ui_too_small())
		return;
	dlg_layout(&d);
	dlg_draw(&d);
	curs_set(0);
	refresh();
}

/* ---- choose ---- */

typedef struct chooser {
	const char *title;
	const char *const *items;
	size_t n, sel, top;
	int y, x, h, w;
} chooser;

static void
chooser_layout(void *ctx)
{
	chooser *c = ctx;
	int w = ui_width(c->title) + 8;
	size_t i;

	for (i = 0; i < c->n; i++)
		if (ui_width(c->items[i]) + 6 > w)
			w = ui_width(c->items[i]) + 6;
	if (w > COLS - 4)
		w = COLS - 4;
	c->w = w;
	c->h = (int)c->n + 2;
	if (c->h > LINES - 6)
		c->h = LINES - 6;
	c->y = (LINES - c->h) / 2;
	c->x = (COLS - c->w) / 2;
}

static void
chooser_draw(void *ctx)
{
	chooser *c = ctx;
	size_t rows = (size_t)(c->h - 2), i;

	if (c->sel < c->top)
		c->top = c->sel;
	if (c->sel >= c->top + rows)
		c->top = c->sel - rows + 1;
	draw_box(c->y, c->x, c->h, c->w, c->title);
	for (i = 0; i < rows && c->top + i < c->n; i++) {
		size_t k = c->top + i;
		attr_t a = k == c->sel ? theme_attr(TR_SELECT) : A_NORMAL;

		ui_fill(c->y + 1 + (int)i, c->x + 1, c->w - 2, a);
		ui_put(c->y + 1 + (int)i, c->x + 2, c->w - 4, c->items[k], a, false,
		       false);
	}
	ui_cursor(c->y + 1 + (int)(c->sel - c->top), c->x + 2);
}

int
ui_choose(const char *title, const char *const *items, size_t n,
	  size_t selected)
{
	chooser c = { title, items, n, selected < n ? selected : 0, 0, 0, 0, 0, 0 };
	ui_layer l = { chooser_draw, chooser_layout, NULL, &c, false };
	int result = -2;

	if (n == 0)
		return -1;
	chooser_layout(&c);
	ui_push(&l);
	while (result == -2) {
		wint_t ch;
		size_t page = (size_t)(c.h > 3 ? c.h - 3 : 1), i;
		int act;

		ui_redraw();
		act = ui_getkey(KCTX_TEXT, &ch);
		switch (act) {
		case ACT_TERMINATE:
		case ACT_BACK:
			result = -1;
			break;
		case ACT_UP:
		case ACT_PREV_FIELD:
			c.sel = c.sel > 0 ? c.sel - 1 : c.n - 1;
			break;
		case ACT_DOWN:
		case ACT_NEXT_FIELD:
			c.sel = c.sel + 1 < c.n ? c.sel + 1 : 0;
			break;
		case ACT_PGUP:
			c.sel = c.sel > page ? c.sel - page : 0;
			break;
		case ACT_PGDN:
			c.sel = c.sel + page < c.n ? c.sel + page : c.n - 1;
			break;
		case ACT_HOME:
			c.sel = 0;
			break;
		case ACT_END:
			c.sel = c.n - 1;
			break;
		case ACT_ENTER:
			result = (int)c.sel;
			break;
		case ACT_CHAR:
			if (ch == L' ') {
				result = (int)c.sel;
				break;
			}
			for (i = 1; i <= c.n; i++) {
				size_t k = (c.sel + i) % c.n;
				wchar_t *w = ui_wcs(c.items[k], NULL);
				bool hit = towlower(w[0]) == towlower(ch);

				free(w);
				if (hit) {
					c.sel = k;
					break;
				}
			}
			break;
		default:
			break;
		}
	}
	ui_pop();
	return result;
}

/* ---- prompt ---- */

typedef struct prompter {
	const char *title, *label;
	lineedit le;
	int y, x, h, w;
	bool secret;       /* a password: one '*' per character typed */
} prompter;

static void
prompter_layout(void *ctx)
{
	prompter *p = ctx;

	p->w = COLS - 8 < 72 ? COLS - 8 : 72;
	p->h = 6;
	p->y = (LINES - p->h) / 2;
	p->x = (COLS - p->w) / 2;
}

static void
prompter_draw(void *ctx)
{
	prompter *p = ctx;
	int cx;

	draw_box(p->y, p->x, p->h, p->w, p->title);
	ui_put(p->y + 1, p->x + 2, p->w - 4, p->label, A_NORMAL, false, false);
	if (p->secret) {
		/* What is typed is never drawn; its length, at most a line. */
		int n = (int)p->le.len < p->w - 5 ? (int)p->le.len : p->w - 5;
		char stars[512];

		memset(stars, '*', (size_t)n);
		stars[n] = '\0';
		ui_put(p->y + 2, p->x + 2, p->w - 4, stars,
		       theme_attr(TR_FIELD_FOCUS), true, false);
		cx = p->x + 2 + n;
	} else {
		cx = le_draw(&p->le, p->y + 2, p->x + 2, p->w - 4,
			     theme_attr(TR_FIELD_FOCUS));
	}
	ui_put(p->y + 4, p->x + 2, p->w - 4,
	       _("Enter: OK   Esc: cancel"), theme_attr(TR_HINT), false, false);
	ui_cursor(p->y + 2, cx);
}

static bool
prompt_run(const char *title, const char *label, const char *initial,
	   bool secret, char **out)
{
	prompter p;
	ui_layer l = { prompter_draw, prompter_layout, NULL, &p, false };
	int result = -2;

	memset(&p, 0, sizeof p);
	p.title = title;
	p.label = label;
	p.secret = secret;
	le_set(&p.le, initial);
	prompter_layout(&p);
	ui_push(&l);
	while (result == -2) {
		wint_t ch;
		int act;

		ui_redraw();
		act = ui_getkey(KCTX_TEXT, &ch);
		if (act == ACT_TERMINATE || act == ACT_BACK)
			result = -1;
		else if (act == ACT_ENTER || act == ACT_SAVE)
			result = 0;
		else
			le_key(&p.le, act, ch);
	}
	ui_pop();
	if (result == 0)
		*out = le_get(&p.le);
	if (secret && p.le.buf != NULL)
		memset(p.le.buf, 0, p.le.cap * sizeof *p.le.buf);
	le_free(&p.le);
	return result == 0;
}

bool
ui_prompt(const char *title, const char *label, const char *initial,
	  char **out)
{
	return prompt_run(title, label, initial, false, out);
}

bool
ui_prompt_secret(const char *title, const char *label, char **out)
{
	return prompt_run(title, label, "", true, out);
}

/* ---- text viewer ---- */

typedef struct viewer {
	const char *title, *text;
	size_t top;
	int lines;
} viewer;

/* Continuation lines of a line "  F2, Ctrl-S        Save: ..." start
 * under its text after the first gap of two spaces (a hanging indent);
 * other lines under their first character. */
static int
hang_of(const wchar_t *s, size_t start, size_t end)
{
	size_t i = start;
	int col = 0;

	while (i < end && s[i] == L' ')
		i++, col++;
	for (size_t j = i; j + 1 < end; j++) {
		if (s[j] == L' ' && s[j + 1] == L' ') {
			int c = 0;
			size_t k;

			for (k = start; k < j; k++)
				c += ui_wcwidth(s[k]);
			while (j < end && s[j] == L' ')
				j++, c++;
			return c;
		}
	}
	return col;
}

/* Draw (when draw) the lines from v->top; returns the number of lines. */
static int
viewer_lines(viewer *v, bool draw)
{
	int h = LINES - 4, w = COLS - 4, line = 0;
	size_t n, pos = 0;
	wchar_t *ws = ui_wcs(v->text, &n);

	while (pos < n) {
		size_t eol = pos, next, end;
		int hang, indent = 0;

		while (eol < n && ws[eol] != L'\n')
			eol++;
		hang = hang_of(ws, pos, eol);
		if (hang > w / 2)
			hang = 0;
		do {
			end = ui_wrap_line(ws, pos, eol, w - indent, &next);
			if (draw && line >= (int)v->top && line - (int)v->top < h)
				ui_putw(2 + line - (int)v->top, 2 + indent, w - indent, ws + pos,
					end - pos, A_NORMAL, false);
			line++;
			indent = hang;
			while (next < eol && ws[next] == L' ')
				next++;
			pos = next;
		} while (pos < eol);
		pos = eol + 1;
	}
	free(ws);
	return line;
}

static void
viewer_draw(void *ctx)
{
	static const int acts[] = { ACT_BACK, ACT_PGDN, ACT_PGUP, ACT_NONE };
	viewer *v = ctx;
	int h = LINES - 4;

	erase();
	ui_draw_top(v->title, 0, NULL);
	v->lines = viewer_lines(v, false);
	if ((int)v->top > v->lines - h)
		v->top = v->lines > h ? (size_t)(v->lines - h) : 0;
	viewer_lines(v, true);
	ui_draw_status(v->lines > h ? _("PgUp/PgDn: scroll") : NULL);
	ui_draw_keybar(acts, KCTX_NAV);
}

void
ui_show_text(const char *title, const char *text)
{
	viewer v = { title, text, 0, 0 };
	ui_layer l = { viewer_draw, NULL, NULL, &v, true };
	bool done = false;

	ui_push(&l);
	while (!done) {
		int h = LINES - 4, act;

		ui_redraw();
		act = ui_getkey(KCTX_NAV, NULL);
		switch (act) {
		case ACT_UP:
			if (v.top > 0)
				v.top--;
			break;
		case ACT_DOWN:
			if ((int)v.top + h < v.lines)
				v.top++;
			break;
		case ACT_PGUP:
			v.top = v.top > (size_t)h ? v.top - (size_t)h : 0;
			break;
		case ACT_PGDN:
			v.top += (size_t)h;
			break;
		case ACT_HOME:
			v.top = 0;
			break;
		case ACT_END:
			v.top = (size_t)v.lines;
			break;
		case ACT_RESIZE:
		case ACT_CHAR:
		case ACT_NONE:
			break;
		default:
			done = true;
		}
	}
	ui_pop();
}

void
ui_help(const char *title, const char *view_text, const int *acts,
	enum key_ctx ctx)
{
	char *text = keys_help_text(view_text, acts, ctx);
	char t[300];

	snprintf(t, sizeof t, "%s: %s", _("Help"), title != NULL ? title : "");
	ui_show_text(t, text);
	free(text);
}
