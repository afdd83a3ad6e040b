/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_masalah.c - steps 7 and 8: obstacles and follow-up actions, the
 * conclusion and the date of the report. */
#include "config.h"
#include "tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/dec.h"
#include "core/err.h"
#include "core/i18n.h"
#include "core/model_edit.h"
#include "tui/list.h"
#include "tui/ui.h"

/* ------------------------------------------------------------------ */
/* step 7: obstacles and follow-ups */

typedef struct mas_ctx {
	app *a;
	bool tindak;        /* tindak lanjut, else permasalahan */
	long idx;
	size_t at;
} mas_ctx;

static char ***
mas_list(mas_ctx *c, size_t **n)
{
	triwulan *t = &c->a->r->tw[c->a->tw];

	*n = c->tindak ? &t->n_tindak_lanjut : &t->n_permasalahan;
	return c->tindak ? &t->tindak_lanjut : &t->permasalahan;
}

static const char *
mas_get(void *ud, const char *name)
{
	mas_ctx *c = ud;
	size_t *n;
	char ***l = mas_list(c, &n);

	if (c->idx < 0 || strcmp(name, "teks") != 0 || (size_t)c->idx >= *n)
		return NULL;
	return (*l)[c->idx];
}

static int
mas_apply(void *ud, const form *f, form_fail *fail)
{
	mas_ctx *c = ud;
	size_t *n, i;
	char ***l = mas_list(c, &n);
	const char *v = form_value(f, "teks");

	(void)fail;
	if (v == NULL)
		return 0;
	if (c->idx < 0) {
		/* Append, then move into place. */
		triwulan_list_set(c->a->r, l, n, *n, v);
		i = *n - 1;
		if (c->at < i)
			triwulan_list_move(*l, *n, i, c->at);
		c->idx = (long)c->at;
	} else {
		triwulan_list_set(c->a->r, l, n, (size_t)c->idx, v);
	}
	app_touch_quarter(c->a, c->a->tw);
	return app_save(c->a, AKSI_UBAH_DATA) == 0 ? 0 : 1;
}

static int
mas_form(mas_ctx *c, int step, long idx, size_t at, const draft *restore)
{
	form_desc *fd = form_desc_new(&c->a->mem, c->tindak ? "tindak_lanjut" : "permasalahan",
				      c->tindak ? _("Follow-up action") : _("Obstacle"));
	char ent[64];
	form_spec s;

	form_desc_add(&c->a->mem, fd, "teks", c->tindak ? _("Follow-up action") :
		      _("Obstacle"), FD_MULTILINE, 70, 6, true, 4000, NULL);
	c->idx = idx;
	c->at = at;
	if (idx >= 0)
		snprintf(ent, sizeof ent, "%ld", idx);
	else
		snprintf(ent, sizeof ent, "+%zu", at);
	memset(&s, 0, sizeof s);
	s.aksi = AKSI_UBAH_DATA;
	s.fd = fd;
	s.title = c->tindak ? _("Follow-up action") : _("Obstacle");
	s.step = step;
	s.help = c->tindak ?
	    _("A follow-up action (tindak lanjut), printed as an item of Bab II B.") :
	    _("An obstacle met in the quarter (permasalahan), printed as an item of Bab II A.");
	s.get = mas_get;
	s.apply = mas_apply;
	s.ud = c;
	s.dk = scr_dk(c->a, c->tindak ? "tindak_lanjut" : "permasalahan", ent);
	s.restore = restore;
	return form_run(c->a, &s);
}

static const char *
mas_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	mas_ctx *c = ud;
	size_t *cnt;
	char ***l = mas_list(c, &cnt);

	if (col == 0) {
		snprintf(buf, n, "%zu", row + 1);
		return buf;
	}
	snprintf(buf, n, "%s", (*l)[row]);
	for (char *p = buf; *p; p++)
		if (*p == '\n')
			*p = ' ';
	return buf;
}

static void
mas_info(void *ud, int y, int x, int h, int w)
{
	mas_ctx *c = ud;
	char buf[1200];
	triwulan *t = &c->a->r->tw[c->a->tw];

	snprintf(buf, sizeof buf, _("Showing: %s (%zu)   \xc2\xb7   Tab: %s (%zu)"),
		 c->tindak ? _("follow-up actions") : _("obstacles"),
		 c->tindak ? t->n_tindak_lanjut : t->n_permasalahan,
		 c->tindak ? _("obstacles") : _("follow-up actions"),
		 c->tindak ? t->n_permasalahan : t->n_tindak_lanjut);
	ui_put(y, x, w, buf, theme_attr(TR_HINT), false, false);
	/* BAB II returned by the kepala: his comment in full. */
	if (h > 1 && scr_returned_text(c->a, JENIS_BAB2, "bab2", buf, sizeof buf))
		ui_put_wrapped(y + 1, x, h - 1, w, buf, theme_attr(TR_KURANG));
}

int
scr_masalah(app *a, int step, const draft *restore)
{
	static const int acts[] = {
		ACT_HELP, ACT_ENTER, ACT_ADD, ACT_DELETE, ACT_SWITCH, ACT_BACK,
		ACT_NEXT_STEP, ACT_NONE,
	};
	static const int help_acts[] = {
		ACT_SWITCH, ACT_ENTER, ACT_EDIT, ACT_ADD, ACT_DELETE, ACT_MOVE_UP,
		ACT_MOVE_DOWN, ACT_SEARCH, ACT_NEXT_STEP, ACT_PREV_STEP, ACT_STEPS,
		ACT_BACK, ACT_NONE,
	};
	list_col cols[2] = {
		{ "No", 3, false, true, 0 }, { NULL, 20, true, false, 0 },
	};
	const char *labels[] = { NULL, NULL, NULL, NULL, _("Other list"), NULL, NULL, NULL };
	mas_ctx c = { a, false, -1, 0 };
	list l;
	int result = -1, act, r;
	size_t sel[2] = { 0, 0 };

	cols[1].title = _("Text");
	memset(&l, 0, sizeof l);
	l.step = step;
	l.detail_col = 2;       /* the whole text of the row on the cursor */
	l.cols = cols;
	l.ncol = 2;
	l.cell = mas_cell;
	l.info = mas_info;
	l.info_rows = 1 + scr_returned_rows(a, JENIS_BAB2, "bab2", LINES - 14);
	l.ud = &c;
	l.acts = acts;
	l.bar_labels = labels;
	l.help_acts = help_acts;
	l.help = _("Two lists of the quarter: the obstacles met (Bab II A) and the "
		   "follow-up actions (Bab II B). Tab switches between them.");
	list_init(&l);
	list_open(&l);
	if (restore != NULL) {
		const char *e = restore->entity;

		c.tindak = strcmp(restore->form, "tindak_lanjut") == 0;
		result = scr_pass(mas_form(&c, step, e[0] == '+' ? -1 : atol(e),
					   e[0] == '+' ? (size_t)atol(e + 1) : 0, restore));
	}
	while (result < 0) {
		size_t *n;

		mas_list(&c, &n);
		l.nrows = *n;
		l.title = c.tindak ? _("Follow-up actions (tindak lanjut)") :
		    _("Obstacles (permasalahan)");
		l.empty = c.tindak ? _("No follow-up action yet. Press Ins (or a) to add one.") :
		    _("No obstacle yet. Press Ins (or a) to add one.");
		act = list_run(&l);
		mas_list(&c, &n);
		switch (act) {
		case ACT_SWITCH:
		case ACT_NEXT_FIELD:
		case ACT_PREV_FIELD:
			sel[c.tindak] = l.sel;
			c.tindak = !c.tindak;
			l.sel = sel[c.tindak];
			l.top = 0;
			break;
		case ACT_ENTER:
		case ACT_EDIT:
			if (*n > 0)
				result = scr_pass(mas_form(&c, step, (long)l.sel, 0, NULL));
			break;
		case ACT_ADD:
			if (!app_can_edit(a, AKSI_UBAH_DATA))
				break;
			r = mas_form(&c, step, -1, *n > 0 ? l.sel + 1 : 0, NULL);
				if (r == FORM_SAVED)
					l.sel = (size_t)c.idx;
				result = scr_pass(r);
			break;
		case ACT_DELETE:
			if (*n > 0 && app_can_edit(a, AKSI_UBAH_DATA) && scr_confirm_delete(_("this entry"))) {
				char ***lst = mas_list(&c, &n);

				triwulan_list_delete(*lst, n, l.sel);
				app_save(a, AKSI_UBAH_DATA);
			}
			break;
		case ACT_MOVE_UP:
		case ACT_MOVE_DOWN: {
			char ***lst = mas_list(&c, &n);
			bool up = act == ACT_MOVE_UP;

			if (!app_can_edit(a, AKSI_UBAH_DATA) || (up && l.sel == 0) || (!up && l.sel + 1 >= *n))
				break;
			triwulan_list_move(*lst, *n, l.sel, up ? l.sel - 1 : l.sel + 1);
			l.sel = up ? l.sel - 1 : l.sel + 1;
			app_save(a, AKSI_UBAH_DATA);
			break;
		}
		default:
			result = scr_list_other(a, act);
		}
	}
	list_close(&l);
	return result;
}

/* ------------------------------------------------------------------ */
/* step 8: date and conclusion (forms/triwulan.yaml) */

typedef struct kes_ctx {
	app *a;
	char date[16];
} kes_ctx;

static const char *
kes_get(void *ud, const char *name)
{
	kes_ctx *c = ud;
	const triwulan *t = &c->a->r->tw[c->a->tw];

	if (strcmp(name, "tanggal") == 0) {
		if (t->ada && tanggal_sah(t->tahun, t->bulan, t->hari)) {
			snprintf(c->date, sizeof c->date, "%04d-%02d-%02d", t->tahun,
				 t->bulan, t->hari);
			return c->date;
		}
		/* Not set yet: empty, for the user to decide (never today). */
		return "";
	}
	if (strcmp(name, "kesimpulan") == 0)
		return t->kesimpulan;
	return NULL;
}

static int
kes_apply(void *ud, const form *f, form_fail *fail)
{
	kes_ctx *c = ud;
	triwulan *t = &c->a->r->tw[c->a->tw];
	const char *v;
	int y, m, d;

	app_touch_quarter(c->a, c->a->tw);
	if ((v = form_value(f, "tanggal")) != NULL && *v) {
		if (sscanf(v, "%d-%d-%d", &y, &m, &d) != 3 || !tanggal_sah(y, m, d)) {
			snprintf(fail->msg, sizeof fail->msg, _("not a date"));
			fail->field = "tanggal";
			return 1;
		}
		t->tahun = y;
		t->bulan = m;
		t->hari = d;
	} else if (v != NULL) {
		t->tahun = t->bulan = t->hari = 0;      /* emptied: not set */
	}
	if ((v = form_value(f, "kesimpulan")) != NULL)
		t->kesimpulan = scr_dup(c->a, v);
	return app_save(c->a, AKSI_UBAH_DATA) == 0 ? 0 : 1;
}

/* BAB III returned by the kepala: his comment in full above the form. */
static void
kes_info(void *ud, int y, int x, int h, int w)
{
	kes_ctx *c = ud;
	char buf[1200];

	if (scr_returned_text(c->a, JENIS_BAB3, "bab3", buf, sizeof buf))
		ui_put_wrapped(y, x, h, w, buf, theme_attr(TR_KURANG));
}

int
scr_kesimpulan(app *a, int step, const draft *restore)
{
	kes_ctx c;
	form_spec s;

	memset(&c, 0, sizeof c);
	c.a = a;
	memset(&s, 0, sizeof s);
	s.aksi = AKSI_UBAH_DATA;
	s.fd = a->fd[AF_TRIWULAN];
	s.title = app_form_title(a, AF_TRIWULAN);
	s.subtitle = app_period_text(a);
	s.step = step;
	s.help = _("The date printed above the signature and the conclusion of the "
		   "report (Bab III). Left empty, the conclusion is the template's "
		   "standard text, which counts the IKU by predikat.");
	s.get = kes_get;
	s.apply = kes_apply;
	s.info = kes_info;
	s.info_rows = scr_returned_rows(a, JENIS_BAB3, "bab3", LINES - 16);
	s.grow = true;
	s.ud = &c;
	s.dk = scr_dk(a, "triwulan", "");
	s.restore = restore;
	return form_run(a, &s);
}
