/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_util.c - small helpers shared by the screens (see screens.h). */
#include "config.h"
#include "tui/screens.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dec.h"
#include "core/i18n.h"
#include "tui/keys.h"
#include "tui/list.h"
#include "tui/theme.h"
#include "tui/ui.h"

const int scr_list_acts[] = {
	ACT_HELP, ACT_ENTER, ACT_ADD, ACT_DELETE, ACT_SEARCH, ACT_BACK,
	ACT_NEXT_STEP, ACT_NONE,
};
const int scr_list_help_acts[] = {
	ACT_ENTER, ACT_EDIT, ACT_ADD, ACT_DELETE, ACT_MOVE_UP, ACT_MOVE_DOWN,
	ACT_SEARCH, ACT_SEARCH_NEXT, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN,
	ACT_HOME, ACT_END, ACT_NEXT_STEP, ACT_PREV_STEP, ACT_STEPS, ACT_BACK,
	ACT_NONE,
};

char *
scr_dup(app *a, const char *v)
{
	if (v == NULL || *v == '\0')
		return NULL;
	return arena_strdup(&a->r->mem, v);
}

const char *
scr_returned_text(app *a, enum entri_jenis j, const char *kode, char *buf,
		  size_t n)
{
	const store_entri *x;
	char when[64];

	app_wf_load(a, false);
	if (!app_wf_ok(a) || (x = store_entri_find(&a->wf, j, kode)) == NULL ||
	    x->state != ENTRI_RETURNED)
		return NULL;
	snprintf(buf, n, _("Returned by %s on %s: %s"),
		 x->reviewed_by != NULL ? x->reviewed_by : "?",
		 app_when(x->reviewed_at, when, sizeof when),
		 x->comment != NULL ? x->comment : "");
	return buf;
}

int
scr_returned_rows(app *a, enum entri_jenis j, const char *kode, int max)
{
	char buf[1200];
	int n;

	if (scr_returned_text(a, j, kode, buf, sizeof buf) == NULL)
		return 0;
	n = ui_put_wrapped(0, 0, 0, COLS - 2, buf, A_NORMAL);
	return n < max ? n : max > 1 ? max : 1;
}

draft_key
scr_dk(app *a, const char *form, const char *entity)
{
	draft_key k = { a->db_real, a->instansi != NULL ? a->instansi : "",
			a->tahun, a->tw, form, entity };

	return k;
}

int
scr_leave_code(int act)
{
	switch (act) {
	case ACT_BACK: return FORM_CANCELLED;
	case ACT_NEXT_STEP: return FORM_NEXT_STEP;
	case ACT_PREV_STEP: return FORM_PREV_STEP;
	case ACT_STEPS: return FORM_STEPS;
	case ACT_QUIT: return FORM_QUIT;
	case ACT_TERMINATE: return FORM_TERMINATED;
	default: return -1;
	}
}

int
scr_pass(int end)
{
	switch (end) {
	case FORM_NEXT_STEP:
	case FORM_PREV_STEP:
	case FORM_STEPS:
	case FORM_QUIT:
	case FORM_TERMINATED:
		return end;
	default:
		return -1;
	}
}

int
scr_list_other(app *a, int act)
{
	if (act == ACT_SAVE) {
		if (a->dirty)
			app_save_pending(a);
		else
			ui_msg(UI_MSG_HINT, _("Lists are saved at once: there is nothing left to save."));
		return -1;
	}
	return scr_leave_code(act);
}

bool
scr_confirm_delete(const char *what)
{
	char buf[700];

	snprintf(buf, sizeof buf, _("Delete %s? This cannot be undone."), what);
	return ui_confirm(_("Delete"), buf, false) == 1;
}

const char *
scr_nilai(int64_t v, char *buf)
{
	return dec_format_machine(v, DEC_NILAI, buf);
}

const char *
scr_uang(int64_t v, char *buf)
{
	return dec_format_machine(v, DEC_UANG, buf);
}

bool
scr_parse(const char *canon, int scale, int64_t *out)
{
	const char *why;

	if (canon == NULL || *canon == '\0')
		return false;
	return dec_parse_machine(canon, scale, out, &why) == 0;
}

scr_row *
scr_row_add(scr_rows *rs, const char *label, int tone, const char *fmt, ...)
{
	va_list ap;
	scr_row *r;

	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 32;
		scr_row *v = realloc(rs->row, cap * sizeof *v);

		if (v == NULL)
			lk_fatal("out of memory");
		rs->row = v;
		rs->cap = cap;
	}
	r = &rs->row[rs->n++];
	snprintf(r->label, sizeof r->label, "%s", label);
	va_start(ap, fmt);
	vsnprintf(r->value, sizeof r->value, fmt, ap);
	va_end(ap);
	r->tone = tone;
	return r;
}

const char *
scr_rows_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	scr_rows *rs = ud;

	(void)buf;
	(void)n;
	return col == 0 ? rs->row[row].label : rs->row[row].value;
}

attr_t
scr_rows_attr(void *ud, size_t row, size_t col)
{
	scr_rows *rs = ud;

	if (col == 0)
		return A_BOLD;
	return rs->row[row].tone == 1 ? theme_attr(TR_BAIK) :
	    rs->row[row].tone == 2 ? theme_attr(TR_CUKUP) : A_NORMAL;
}

void
scr_rows_free(scr_rows *rs)
{
	free(rs->row);
	rs->row = NULL;
	rs->n = rs->cap = 0;
}

int
scr_sign_run(app *a, const scr_sign_screen *s)
{
	static const int acts[] = {
		ACT_HELP, ACT_SIGN, ACT_UNLOCK, ACT_BACK, ACT_NONE,
	};
	list_col cols[2] = {
		{ "", 16, false, false, 0 }, { "", 30, true, false, 0 },
	};
	list l;
	int act, ret = FORM_CANCELLED;

	s->build(s->ctx);
	memset(&l, 0, sizeof l);
	l.title = s->title;
	l.cols = cols;
	l.ncol = 2;
	l.nrows = s->rows->n;
	l.cell = scr_rows_cell;
	l.attr = scr_rows_attr;
	l.ud = s->rows;
	l.acts = acts;
	l.help = s->help;
	list_init(&l);
	list_open(&l);
	for (;;) {
		app_update_context(a);
		act = list_run(&l);
		if (act == ACT_SIGN) {
			s->sign(s->ctx);
		} else if (act == ACT_UNLOCK) {
			s->unlock(s->ctx);
		} else if (act == ACT_TERMINATE) {
			ret = FORM_TERMINATED;
			break;
		} else if (act == ACT_QUIT) {
			ret = FORM_QUIT;
			break;
		} else if (act == ACT_BACK) {
			break;
		} else {
			continue;
		}
		s->build(s->ctx);
		l.nrows = s->rows->n;
		list_clamp(&l);
	}
	list_close(&l);
	scr_rows_free(s->rows);
	return ret;
}

size_t
scr_count_words(const char *s)
{
	size_t n = 0;
	bool in = false;

	for (; s != NULL && *s; s++) {
		bool sp = *s == ' ' || *s == '\n';

		if (!sp && !in)
			n++;
		in = !sp;
	}
	return n;
}
