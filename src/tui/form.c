/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* form.c - the generic form engine (see form.h). */
#include "config.h"
#include "tui/form.h"

#include <form.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "core/err.h"
#include "core/i18n.h"
#include "tui/textedit.h"
#include "tui/ui.h"

typedef struct ffield {
	const fd_field *f;
	char *text;         /* what the field holds now */
	char *init;         /* what it held at the start */
	char *canon;        /* canonical value after the last check, or NULL */
	char *err;          /* why the last check failed, or NULL */
	int page, row, ih, iw;
	bool above;         /* a tall text: label above, box across the screen */
	int bx, by;         /* where the input starts */
	FIELD *fld;         /* on the posted page only */
	textedit te;        /* FD_MULTILINE */
} ffield;

struct form {
	app *a;
	const form_spec *s;
	ffield *ff;
	size_t n, cur;
	int page, npages;
	FORM *frm;
	FIELD **flds;
	WINDOW *win;
	int top, avail, label_w, ix, gap;
	arena scratch;
	char ro_why[512];      /* why F2 will not save ("": it will) */
};

static char *
xstrdup(const char *s)
{
	char *d = strdup(s != NULL ? s : "");

	if (d == NULL)
		lk_fatal("out of memory");
	return d;
}

static void
set_str(char **slot, const char *v)
{
	free(*slot);
	*slot = v != NULL ? xstrdup(v) : NULL;
}

static const char *
label_of(const form *f, size_t i)
{
	return fd_field_label(f->ff[i].f, f->a->english);
}

/* The choice label shown for a value (UI language), or the value. */
static const char *
choice_text(const form *f, const fd_field *fd, const char *value)
{
	const fd_choice *c = fd_choice_find(fd, value != NULL ? value : "");

	return c != NULL ? fd_choice_label(c, f->a->english) : value != NULL ? value : "";
}

static int
choice_index(const form *f, const ffield *x)
{
	size_t i;

	for (i = 0; i < x->f->n_choice; i++) {
		const fd_choice *c = &x->f->choice[i];

		if (strcmp(x->text, c->value) == 0 ||
		    strcmp(x->text, fd_choice_label(c, f->a->english)) == 0 ||
		    strcmp(x->text, c->label) == 0)
			return (int)i;
	}
	return -1;
}

/* ------------------------------------------------------------------ */
/* the form library's page */

static void sync_field(form *f, size_t i);

static void
free_page(form *f)
{
	size_t i;

	if (f->frm != NULL) {
		unpost_form(f->frm);
		free_form(f->frm);
		f->frm = NULL;
	}
	for (i = 0; i < f->n; i++) {
		if (f->ff[i].fld != NULL) {
			free_field(f->ff[i].fld);
			f->ff[i].fld = NULL;
		}
	}
	free(f->flds);
	f->flds = NULL;
	if (f->win != NULL) {
		delwin(f->win);
		f->win = NULL;
	}
}

static void
field_attr(form *f, size_t i)
{
	ffield *x = &f->ff[i];

	if (x->fld == NULL)
		return;
	set_field_back(x->fld, theme_attr(i == f->cur ? TR_FIELD_FOCUS : TR_FIELD));
	set_field_fore(x->fld, theme_attr(i == f->cur ? TR_FIELD_FOCUS : TR_FIELD));
}

static void
build_page(form *f)
{
	size_t i, k = 0;

	if (f->frm != NULL)
		sync_field(f, f->cur);     /* keep what is being typed */
	free_page(f);
	f->win = newwin(f->avail, COLS, f->top, 0);
	if (f->win == NULL)
		return;
	keypad(f->win, TRUE);
	if ((f->flds = calloc(f->n + 1, sizeof *f->flds)) == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < f->n; i++) {
		ffield *x = &f->ff[i];
		FIELD *fld;

		if (x->page != f->page || x->f->type == FD_MULTILINE)
			continue;
		fld = new_field(1, x->iw, x->row - f->top, f->ix, 0, 0);
		if (fld == NULL)
			continue;
		field_opts_off(fld, O_AUTOSKIP);
		if (x->f->type == FD_CHOICE) {
			field_opts_off(fld, O_EDIT);
		} else {
			field_opts_off(fld, O_STATIC);
			set_max_field(fld, x->f->max_length > 0 ? x->f->max_length : 0);
		}
		set_field_buffer(fld, 0, x->text);
		x->fld = fld;
		field_attr(f, i);
		f->flds[k++] = fld;
	}
	if (k == 0)
		return;
	f->frm = new_form(f->flds);
	if (f->frm == NULL)
		return;
	set_form_win(f->frm, f->win);
	set_form_sub(f->frm, f->win);
	post_form(f->frm);
	if (f->ff[f->cur].fld != NULL) {
		set_current_field(f->frm, f->ff[f->cur].fld);
		form_driver_w(f->frm, KEY_CODE_YES, REQ_END_FIELD);
	}
}

/* Copy what the form library holds for field i into its text. */
static void
sync_field(form *f, size_t i)
{
	ffield *x = &f->ff[i];

	if (x->f->type == FD_MULTILINE) {
		free(x->text);
		x->text = te_get(&x->te);
		return;
	}
	if (x->fld != NULL && x->f->type != FD_CHOICE && f->frm != NULL) {
		char *b, *e;

		if (i == f->cur)
			form_driver_w(f->frm, KEY_CODE_YES, REQ_VALIDATION);
		b = field_buffer(x->fld, 0);
		if (b == NULL)
			return;
		b = xstrdup(b);
		for (e = b + strlen(b); e > b && e[-1] == ' '; e--)
			;
		*e = '\0';
		free(x->text);
		x->text = b;
	}
}

static void
show_text(form *f, size_t i)
{
	ffield *x = &f->ff[i];

	if (x->fld != NULL) {
		set_field_buffer(x->fld, 0, x->text);
		if (i == f->cur && f->frm != NULL)
			form_driver_w(f->frm, KEY_CODE_YES, REQ_END_FIELD);
	}
}

/* ------------------------------------------------------------------ */
/* layout */

static void
form_layout(void *ctx)
{
	form *f = ctx;
	int rows = 0, gap, extra, page = 0, row = 0, max_label = 0;
	size_t i, n_multi = 0;

	f->top = 3 + (f->s->info_rows > 0 ? f->s->info_rows + 1 : 0);
	f->avail = LINES - 4 - f->top;
	if (f->avail < 3)
		f->avail = 3;
	for (i = 0; i < f->n; i++) {
		int w = ui_width(label_of(f, i)) + (f->ff[i].f->required ? 2 : 0);

		if (w > max_label)
			max_label = w;
	}
	f->label_w = max_label < 26 ? max_label : 26;
	if (f->label_w > COLS / 3)
		f->label_w = COLS / 3;
	f->ix = 2 + f->label_w + 2;
	for (i = 0; i < f->n; i++) {
		ffield *x = &f->ff[i];

		x->ih = x->f->type == FD_MULTILINE ? x->f->height : 1;
		x->above = x->f->type == FD_MULTILINE && x->ih >= 5;
		/* One column more than the text, for the cursor at its end. */
		x->iw = x->f->width + (x->f->type == FD_MULTILINE ? 0 : 1);
		if (x->above)
			x->iw = COLS - 3;   /* a long text reads best across the screen */
		else if (!x->above && x->iw > COLS - f->ix - 2)
			x->iw = COLS - f->ix - 2;
		if (x->iw < 4)
			x->iw = 4;
		if (x->ih > f->avail - (x->above ? 1 : 0))
			x->ih = f->avail - (x->above ? 1 : 0);
		rows += x->ih + (x->above ? 1 : 0);
		n_multi += x->f->type == FD_MULTILINE;
	}
	gap = rows + (int)f->n - 1 <= f->avail ? 1 : 0;
	f->gap = gap;
	extra = f->avail - rows - gap * ((int)f->n - 1);
	if (f->s->grow && extra > 0 && n_multi > 0) {
		for (i = 0; i < f->n; i++) {
			if (f->ff[i].f->type == FD_MULTILINE) {
				f->ff[i].ih += extra;
				break;
			}
		}
	}
	for (i = 0; i < f->n; i++) {
		ffield *x = &f->ff[i];

		int h = x->ih + (x->above ? 1 : 0);

		if (row > 0 && row + h > f->avail) {
			page++;
			row = 0;
		}
		x->page = page;
		x->row = f->top + row;
		x->by = x->row + (x->above ? 1 : 0);
		x->bx = x->above ? 2 : f->ix;
		row += h + gap;
	}
	f->npages = page + 1;
	f->page = f->ff[f->cur].page;
	build_page(f);
}

/* ------------------------------------------------------------------ */
/* drawing */

static void
form_draw(void *ctx)
{
	form *f = ctx;
	ffield *c = &f->ff[f->cur];
	char title[600], buf[700];
	const char *help;
	size_t i;

	erase();
	if (f->s->subtitle != NULL && *f->s->subtitle)
		snprintf(title, sizeof title, "%s \xe2\x80\x94 %s", f->s->title,
			 f->s->subtitle);
	else
		snprintf(title, sizeof title, "%s", f->s->title);
	ui_draw_top(title, f->s->step, NULL);
	if (f->npages > 1) {
		snprintf(buf, sizeof buf, _("Page %d/%d (PgUp/PgDn)"), f->page + 1,
			 f->npages);
		ui_put(1, COLS - ui_width(buf) - 1, ui_width(buf), buf,
		       theme_attr(TR_HINT), false, false);
	}
	if (f->s->info != NULL && f->s->info_rows > 0)
		f->s->info(f->s->ud, 2, 1, f->s->info_rows, COLS - 2);
	if (f->win != NULL)
		overwrite(f->win, stdscr);
	for (i = 0; i < f->n; i++) {
		ffield *x = &f->ff[i];
		attr_t la = x->err != NULL ? theme_attr(TR_ERROR) :
		    i == f->cur ? A_BOLD : theme_attr(TR_LABEL);
		int ex = x->above ? 2 + ui_width(label_of(f, i)) + 4 : f->ix + x->iw + 2;

		if (x->page != f->page)
			continue;
		snprintf(buf, sizeof buf, "%s%s", label_of(f, i),
			 x->f->required ? " *" : "");
		ui_put(x->row, 2, x->above ? COLS - 3 : f->label_w, buf, la, false, false);
		if (x->f->type == FD_MULTILINE)
			te_draw(&x->te, x->by, x->bx, x->ih, x->iw,
				theme_attr(i == f->cur ? TR_FIELD_FOCUS : TR_FIELD),
				i == f->cur);
		else if (x->fld == NULL)
			ui_put(x->row, f->ix, x->iw, x->text, theme_attr(TR_FIELD),
			       true, false);
		if (x->f->type == FD_CHOICE && i == f->cur && ex + 4 < COLS)
			ui_put(x->row, ex - 1, 4, "\xe2\x97\x82\xe2\x96\xb8",
			       theme_attr(TR_HINT), false, false);
		if (x->err != NULL && COLS - ex >= 14)
			ui_put_wrapped(x->row, ex, x->above ? 1 : x->ih + f->gap, COLS - ex - 1,
				       x->err, theme_attr(TR_ERROR));
	}
	/* Help line of the focused field. */
	help = fd_field_help(c->f, f->a->english);
	buf[0] = '\0';
	if (c->f->type == FD_CHOICE)
		snprintf(buf, sizeof buf, "%s%s%s", help != NULL ? help : "",
			 help != NULL ? "  " : "",
			 _("(Space or arrows: change; Enter: list)"));
	else if (f->s->pick_field != NULL && strcmp(c->f->name, f->s->pick_field) == 0)
		snprintf(buf, sizeof buf, "%s%s%s", help != NULL ? help : "",
			 help != NULL ? "  " : "", _("(Enter: choose from a list)"));
	else if (c->f->type == FD_MULTILINE)
		snprintf(buf, sizeof buf, "%s%s%s", help != NULL ? help : "",
			 help != NULL ? "  " : "",
			 _("(Enter: new line; Ctrl-E: editor)"));
	else if (help != NULL)
		snprintf(buf, sizeof buf, "%s", help);
	ui_fill(LINES - 3, 0, COLS, A_NORMAL);
	ui_put(LINES - 3, 1, COLS - 2, buf, theme_attr(TR_HINT), false, false);
	if (c->err != NULL && !ui_msg_is_error())
		ui_msg(UI_MSG_ERROR, "%s: %s", label_of(f, f->cur), c->err);
	ui_draw_status(f->ro_why[0] ? f->ro_why : NULL);
	{
		int acts[8], k = 0;
		const char *labels[8] = { NULL };

		acts[k++] = ACT_HELP;
		acts[k++] = ACT_SAVE;
		acts[k++] = ACT_BACK;
		if (c->f->type == FD_MULTILINE)
			acts[k++] = ACT_EDITOR;
		labels[k] = _("Next field");
		acts[k++] = ACT_NEXT_FIELD;
		if (f->s->step > 0)
			acts[k++] = ACT_NEXT_STEP;
		acts[k] = ACT_NONE;
		ui_draw_keybar_as(acts, labels, KCTX_TEXT);
	}
	/* The cursor. */
	if (c->f->type == FD_MULTILINE) {
		te_draw(&c->te, c->by, c->bx, c->ih, c->iw,
			theme_attr(TR_FIELD_FOCUS), true);
	} else if (c->fld != NULL && f->frm != NULL && c->f->type != FD_CHOICE) {
		int y, x;

		pos_form_cursor(f->frm);
		getyx(f->win, y, x);
		ui_cursor(f->top + y, x);
	} else {
		ui_cursor(c->row, f->ix);
	}
}

/* ------------------------------------------------------------------ */
/* checking */

/* Check field i.  strict: an empty required field is an error too. */
static bool
check_field(form *f, size_t i, bool strict)
{
	ffield *x = &f->ff[i];
	char *canon = NULL, *disp = NULL;
	const char *why = NULL, *p;

	sync_field(f, i);
	for (p = x->text; *p == ' '; p++)
		;
	if (!strict && *p == '\0') {
		set_str(&x->err, NULL);
		set_str(&x->canon, "");
		return true;
	}
	if (fd_validate(&f->scratch, x->f, x->text, &canon, &disp, &why) != 0) {
		set_str(&x->err, why != NULL ? why : _("not valid"));
		return false;
	}
	set_str(&x->err, NULL);
	set_str(&x->canon, canon);
	if (x->f->type == FD_CHOICE)
		disp = (char *)choice_text(f, x->f, canon);
	if (x->f->type != FD_MULTILINE && disp != NULL && strcmp(disp, x->text) != 0) {
		set_str(&x->text, disp);
		show_text(f, i);
	}
	return true;
}

static void
focus(form *f, size_t i)
{
	size_t old = f->cur;

	/* Show the field being left from its start. */
	if (f->ff[old].fld != NULL && f->frm != NULL && old != i)
		form_driver_w(f->frm, KEY_CODE_YES, REQ_BEG_FIELD);
	f->cur = i;
	if (f->ff[i].page != f->page) {
		f->page = f->ff[i].page;
		build_page(f);
		return;
	}
	field_attr(f, old);
	field_attr(f, i);
	if (f->ff[i].fld != NULL && f->frm != NULL) {
		set_current_field(f->frm, f->ff[i].fld);
		form_driver_w(f->frm, KEY_CODE_YES, REQ_END_FIELD);
	}
}

/* Leave the current field for field `to` when it checks out. */
static void
move_to(form *f, size_t to)
{
	if (!check_field(f, f->cur, false)) {
		ui_msg(UI_MSG_ERROR, "%s: %s", label_of(f, f->cur), f->ff[f->cur].err);
		return;
	}
	focus(f, to);
}

static void
move_by(form *f, int delta)
{
	size_t to;

	if (delta > 0 && f->cur + 1 >= f->n) {
		to = 0;
		move_to(f, to);
		if (f->cur == to && !ui_msg_is_error())
			ui_msg(UI_MSG_HINT, _("That was the last field: %s saves."),
			       keys_first_name(ACT_SAVE, KCTX_TEXT));
		return;
	}
	if (delta < 0 && f->cur == 0)
		to = f->n - 1;
	else
		to = f->cur + (size_t)(delta > 0 ? 1 : -1);
	move_to(f, to);
}

static bool
changed(form *f)
{
	size_t i;

	sync_field(f, f->cur);
	for (i = 0; i < f->n; i++)
		if (strcmp(f->ff[i].text, f->ff[i].init) != 0)
			return true;
	return false;
}

/* ------------------------------------------------------------------ */
/* save, leave, drafts */

const char *
form_value(const form *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->ff[i].f->name, name) == 0)
			return f->ff[i].canon != NULL ? f->ff[i].canon : "";
	return NULL;
}

static bool
do_save(form *f)
{
	form_fail fail;
	size_t i;

	if (!app_can_edit(f->a, f->s->aksi))
		return false;
	for (i = 0; i < f->n; i++) {
		if (!check_field(f, i, true)) {
			focus(f, i);
			ui_msg(UI_MSG_ERROR, "%s: %s", label_of(f, i), f->ff[i].err);
			return false;
		}
	}
	memset(&fail, 0, sizeof fail);
	if (f->s->apply(f->s->ud, f, &fail) != 0) {
		if (fail.field != NULL) {
			for (i = 0; i < f->n; i++) {
				if (strcmp(f->ff[i].f->name, fail.field) == 0) {
					set_str(&f->ff[i].err, fail.msg);
					focus(f, i);
					break;
				}
			}
		}
		if (fail.msg[0])
			ui_msg(UI_MSG_ERROR, "%s", fail.msg);
		return false;
	}
	if (f->s->dk.form != NULL)
		draft_remove(&f->s->dk);
	return true;
}

/* 1 leave, 0 stay. */
static int
do_leave(form *f)
{
	int r;

	if (!changed(f)) {
		if (f->s->dk.form != NULL && f->s->restore != NULL)
			draft_remove(&f->s->dk);
		return 1;
	}
	r = ui_ask3(_("Unsaved changes"),
		    _("This form has changes that are not saved. Save them?"),
		    _("Save"), _("Discard"), _("Cancel"));
	if (r == 0)
		return do_save(f) ? 1 : 0;
	if (r == 1) {
		if (f->s->dk.form != NULL)
			draft_remove(&f->s->dk);
		if (f->a->dirty)
			app_reload(f->a);
		return 1;
	}
	return 0;
}

static void
form_keep_draft(void *ctx)
{
	form *f = ctx;
	const char **names, **values;
	size_t i;

	if (f->s->dk.form == NULL || !changed(f))
		return;
	names = calloc(f->n, sizeof *names);
	values = calloc(f->n, sizeof *values);
	if (names == NULL || values == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < f->n; i++) {
		names[i] = f->ff[i].f->name;
		values[i] = f->ff[i].text;
	}
	draft_write(&f->s->dk, f->s->draft_title != NULL ? f->s->draft_title :
		    f->s->title, names, values, f->n);
	free(names);
	free(values);
}

/* ------------------------------------------------------------------ */
/* keys of one field */

static void
choice_step(form *f, int delta)
{
	ffield *x = &f->ff[f->cur];
	int i = choice_index(f, x), n = (int)x->f->n_choice;

	if (n == 0)
		return;
	i = i < 0 ? 0 : (i + delta + n) % n;
	set_str(&x->text, fd_choice_label(&x->f->choice[i], f->a->english));
	show_text(f, f->cur);
	set_str(&x->err, NULL);
}

static void
choice_menu(form *f)
{
	ffield *x = &f->ff[f->cur];
	const char **items = calloc(x->f->n_choice + 1, sizeof *items);
	int cur = choice_index(f, x), r;
	size_t i;

	if (items == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < x->f->n_choice; i++)
		items[i] = fd_choice_label(&x->f->choice[i], f->a->english);
	r = ui_choose(label_of(f, f->cur), items, x->f->n_choice,
		      cur < 0 ? 0 : (size_t)cur);
	free(items);
	if (r >= 0) {
		set_str(&x->text, fd_choice_label(&x->f->choice[r], f->a->english));
		show_text(f, f->cur);
		set_str(&x->err, NULL);
	}
}

static void
choice_letter(form *f, wint_t ch)
{
	ffield *x = &f->ff[f->cur];
	int n = (int)x->f->n_choice, start = choice_index(f, x), k;

	if (ch == L' ') {
		choice_step(f, 1);
		return;
	}
	for (k = 1; k <= n; k++) {
		int i = (start + k + n) % n;
		wchar_t *w = ui_wcs(fd_choice_label(&x->f->choice[i], f->a->english), NULL);
		bool hit = towlower(w[0]) == towlower(ch);

		free(w);
		if (hit) {
			set_str(&x->text, fd_choice_label(&x->f->choice[i], f->a->english));
			show_text(f, f->cur);
			set_str(&x->err, NULL);
			return;
		}
	}
}

static void
run_editor(form *f)
{
	ffield *x = &f->ff[f->cur];
	char err[512], *out = NULL, *text;

	if (x->f->type != FD_MULTILINE) {
		ui_msg(UI_MSG_HINT, _("The editor opens in long text fields."));
		return;
	}
	text = te_get(&x->te);
	if (te_external(text, &out, err, sizeof err) != 0) {
		ui_msg(UI_MSG_ERROR, "%s", err);
	} else {
		te_set(&x->te, out);
		x->te.cur = x->te.len;
		free(out);
		sync_field(f, f->cur);
		ui_msg(UI_MSG_INFO, _("Text taken from the editor; F2 saves it."));
	}
	free(text);
}

static void
single_key(form *f, int act, wint_t ch)
{
	ffield *x = &f->ff[f->cur];
	int req = -1;

	if (f->frm == NULL || x->fld == NULL)
		return;
	switch (act) {
	case ACT_CHAR:
		form_driver_w(f->frm, OK, (wchar_t)ch);
		set_str(&x->err, NULL);
		return;
	case ACT_LEFT: req = REQ_PREV_CHAR; break;
	case ACT_RIGHT: req = REQ_NEXT_CHAR; break;
	case ACT_HOME: req = REQ_BEG_FIELD; break;
	case ACT_END: req = REQ_END_FIELD; break;
	case ACT_BACKSPACE: req = REQ_DEL_PREV; break;
	case ACT_DELCHAR: req = REQ_DEL_CHAR; break;
	case ACT_CLEAR: req = REQ_CLR_FIELD; break;
	default: return;
	}
	form_driver_w(f->frm, KEY_CODE_YES, req);
	if (act == ACT_BACKSPACE || act == ACT_DELCHAR || act == ACT_CLEAR)
		set_str(&x->err, NULL);
}

static void
do_pick(form *f)
{
	ffield *x = &f->ff[f->cur];
	char *out = NULL;

	sync_field(f, f->cur);
	if (f->s->pick(f->s->ud, x->text, &out)) {
		set_str(&x->text, out);
		free(out);
		show_text(f, f->cur);
		set_str(&x->err, NULL);
	}
}

static void
page_by(form *f, int delta)
{
	size_t i;
	int want = f->page + delta;

	if (want < 0 || want >= f->npages)
		return;
	for (i = 0; i < f->n; i++)
		if (f->ff[i].page == want) {
			move_to(f, i);
			return;
		}
}

/* ------------------------------------------------------------------ */

static int
end_of(int act)
{
	switch (act) {
	case ACT_NEXT_STEP: return FORM_NEXT_STEP;
	case ACT_PREV_STEP: return FORM_PREV_STEP;
	case ACT_STEPS: return FORM_STEPS;
	case ACT_QUIT: return FORM_QUIT;
	default: return FORM_CANCELLED;
	}
}

int
form_run(app *a, const form_spec *s)
{
	static const int help_acts[] = {
		ACT_SAVE, ACT_BACK, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_ENTER,
		ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT, ACT_PGUP, ACT_PGDN,
		ACT_EDITOR, ACT_CLEAR, ACT_NEXT_STEP, ACT_PREV_STEP, ACT_STEPS,
		ACT_NONE,
	};
	form f;
	ui_layer l = { form_draw, form_layout, form_keep_draft, &f, true };
	int result = -1;
	size_t i;

	memset(&f, 0, sizeof f);
	f.a = a;
	f.s = s;
	f.n = s->fd->n_field;
	if (f.n == 0)
		return FORM_CANCELLED;
	if ((f.ff = calloc(f.n, sizeof *f.ff)) == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < f.n; i++) {
		ffield *x = &f.ff[i];
		const char *v = s->get != NULL ? s->get(s->ud, s->fd->field[i].name) : NULL;
		const char *typed = s->restore != NULL ?
		    draft_get(s->restore, s->fd->field[i].name) : NULL;

		x->f = &s->fd->field[i];
		if (x->f->type == FD_CHOICE)
			x->init = xstrdup(v != NULL && *v ? choice_text(&f, x->f, v) :
					  x->f->required && x->f->n_choice > 0 ?
					  fd_choice_label(&x->f->choice[0], a->english) : "");
		else
			x->init = xstrdup(fd_display(&f.scratch, x->f, v));
		x->text = xstrdup(typed != NULL ? typed : x->init);
		if (x->f->type == FD_MULTILINE) {
			x->te.max = x->f->max_length > 0 ? (size_t)x->f->max_length : 0;
			te_set(&x->te, x->text);
			/* A short text goes on at its end; a long one is read
			 * from its start. */
			x->te.cur = strlen(x->text) < 200 ? x->te.len : 0;
		}
	}
	/* Shown at once, so that nobody types what cannot be saved. */
	if (s->aksi != AKSI_LIHAT && !app_may(a, s->aksi, f.ro_why, sizeof f.ro_why))
		ui_msg(UI_MSG_ERROR, "%s", f.ro_why);
	form_layout(&f);
	ui_push(&l);
	if (s->restore != NULL)
		ui_msg(UI_MSG_INFO, _("The draft is back in the form: check it and press %s to save."),
		       keys_first_name(ACT_SAVE, KCTX_TEXT));
	while (result < 0) {
		ffield *c = &f.ff[f.cur];
		wint_t ch = 0;
		int act, r;

		ui_redraw();
		act = ui_getkey(KCTX_TEXT, &ch);
		c = &f.ff[f.cur];
		switch (act) {
		case ACT_TERMINATE:
			result = FORM_TERMINATED;
			continue;
		case ACT_RESIZE:
			continue;
		case ACT_HELP:
			ui_help(s->title, s->help, help_acts, KCTX_TEXT);
			continue;
		case ACT_SAVE:
			if (do_save(&f))
				result = FORM_SAVED;
			continue;
		case ACT_BACK:
		case ACT_NEXT_STEP:
		case ACT_PREV_STEP:
		case ACT_STEPS:
		case ACT_QUIT:
			if (do_leave(&f))
				result = end_of(act);
			continue;
		case ACT_NEXT_FIELD:
			move_by(&f, 1);
			continue;
		case ACT_PREV_FIELD:
			move_by(&f, -1);
			continue;
		case ACT_EDITOR:
			run_editor(&f);
			continue;
		default:
			break;
		}
		switch (c->f->type) {
		case FD_MULTILINE:
			r = te_key(&c->te, act, ch);
			if (r == -1)
				move_by(&f, -1);
			else if (r == 2)
				move_by(&f, 1);
			else if (r == 1)
				set_str(&c->err, NULL);
			break;
		case FD_CHOICE:
			if (act == ACT_RIGHT)
				choice_step(&f, 1);
			else if (act == ACT_LEFT)
				choice_step(&f, -1);
			else if (act == ACT_ENTER)
				choice_menu(&f);
			else if (act == ACT_CHAR)
				choice_letter(&f, ch);
			else if (act == ACT_UP)
				move_by(&f, -1);
			else if (act == ACT_DOWN)
				move_by(&f, 1);
			else if (act == ACT_PGDN || act == ACT_PGUP)
				page_by(&f, act == ACT_PGDN ? 1 : -1);
			break;
		default:
			if (act == ACT_ENTER && s->pick_field != NULL && s->pick != NULL &&
			    strcmp(c->f->name, s->pick_field) == 0)
				do_pick(&f);
			else if (act == ACT_ENTER || act == ACT_DOWN)
				move_by(&f, 1);
			else if (act == ACT_UP)
				move_by(&f, -1);
			else if (act == ACT_PGDN || act == ACT_PGUP)
				page_by(&f, act == ACT_PGDN ? 1 : -1);
			else
				single_key(&f, act, ch);
		}
	}
	ui_pop();
	free_page(&f);
	for (i = 0; i < f.n; i++) {
		free(f.ff[i].text);
		free(f.ff[i].init);
		free(f.ff[i].canon);
		free(f.ff[i].err);
		te_free(&f.ff[i].te);
	}
	free(f.ff);
	arena_free(&f.scratch);
	return result;
}

/* ------------------------------------------------------------------ */
/* forms made in code */

form_desc *
form_desc_new(arena *a, const char *name, const char *title)
{
	form_desc *fd = arena_alloc(a, sizeof *fd);

	fd->name = arena_strdup(a, name);
	fd->file = "(program)";
	fd->title = arena_strdup(a, title);
	return fd;
}

fd_field *
form_desc_add(arena *a, form_desc *fd, const char *name, const char *label,
	      enum fd_type type, int width, int height, bool required,
	      int max_length, const char *help)
{
	fd_field *nf = arena_alloc(a, (fd->n_field + 1) * sizeof *nf), *f;

	if (fd->n_field > 0)
		memcpy(nf, fd->field, fd->n_field * sizeof *nf);
	fd->field = nf;
	f = &nf[fd->n_field++];
	memset(f, 0, sizeof *f);
	f->name = arena_strdup(a, name);
	f->label = arena_strdup(a, label);
	f->help = help != NULL ? arena_strdup(a, help) : NULL;
	f->type = type;
	f->width = width;
	f->height = type == FD_MULTILINE ? height : 1;
	f->required = required;
	f->max_length = max_length;
	return f;
}

form_desc *
form_desc_copy(arena *a, const form_desc *fd)
{
	form_desc *c = arena_alloc(a, sizeof *c);

	*c = *fd;
	c->field = arena_alloc(a, (fd->n_field + 1) * sizeof *c->field);
	if (fd->n_field > 0)
		memcpy(c->field, fd->field, fd->n_field * sizeof *c->field);
	return c;
}
