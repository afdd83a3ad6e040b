/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_narasi.c - step 6: the narrative of each sasaran for the quarter,
 * written with the capaian of its IKU in view. */
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

static sasaran *
find_sasaran(app *a, const char *kode)
{
	return rencana_find_sasaran(a->r, kode);
}

/* ------------------------------------------------------------------ */
/* the narrative of one sasaran */

typedef struct nar_ctx {
	app *a;
	char kode[128];
	form_desc *fd;
	kinerja k;
	bool have_k;
} nar_ctx;

static const char *
nar_get(void *ud, const char *name)
{
	nar_ctx *c = ud;
	sasaran *s = find_sasaran(c->a, c->kode);

	if (s == NULL || strcmp(name, "narasi") != 0)
		return NULL;
	return s->narasi[c->a->tw];
}

static int
nar_apply(void *ud, const form *f, form_fail *fail)
{
	nar_ctx *c = ud;
	sasaran *s = find_sasaran(c->a, c->kode);
	const char *v = form_value(f, "narasi");

	if (s == NULL) {
		snprintf(fail->msg, sizeof fail->msg, _("the sasaran %s no longer exists"),
			 c->kode);
		return 1;
	}
	if (v != NULL)
		s->narasi[c->a->tw] = scr_dup(c->a, v);
	app_touch_quarter(c->a, c->a->tw);
	return app_save(c->a, AKSI_UBAH_DATA) == 0 ? 0 : 1;
}

/* The kabid's return of the narrative of sasaran kode (scr_util.c). */
static const char *
returned_text(app *a, const char *kode, char *buf, size_t n)
{
	return scr_returned_text(a, JENIS_NARASI, kode, buf, n);
}

/* Above the text: the sasaran, the kabid's return comment in full, and
 * the capaian of its IKU. */
static void
nar_info(void *ud, int y, int x, int h, int w)
{
	nar_ctx *c = ud;
	sasaran *s = find_sasaran(c->a, c->kode);
	char buf[600], num[3][DEC_BUFSZ];
	int line = 0;
	size_t i;

	if (s == NULL)
		return;
	snprintf(buf, sizeof buf, "%s  %s", s->kode, s->uraian != NULL ? s->uraian : "");
	line += ui_put_wrapped(y, x, 1, w, buf, A_BOLD) > 0 ? 1 : 0;
	if (returned_text(c->a, c->kode, buf, sizeof buf) != NULL)
		line += ui_put_wrapped(y + line, x, h - line, w, buf,
				       theme_attr(TR_KURANG));
	for (i = 0; c->have_k && i < c->k.n_iku && line < h; i++) {
		const kinerja_iku *row = &c->k.iku[i];
		attr_t at = row->predikat != NULL ?
		    theme_attr(theme_warna(row->predikat->warna)) : theme_attr(TR_HINT);

		if (row->iku == NULL || row->sasaran != s)
			continue;
		if (row->ada_realisasi && row->capaian.status == CAPAIAN_ADA)
			snprintf(buf, sizeof buf, _("%s: target %s, realisation %s, capaian %s%% (%s)"),
				 row->iku->kode, dec_format_nilai(row->target, num[0]),
				 dec_format_nilai(row->realisasi, num[1]),
				 dec_format_persen(row->capaian.persen, num[2]),
				 row->predikat != NULL ? row->predikat->nama : "-");
		else
			snprintf(buf, sizeof buf, _("%s: target %s, no realisation yet"),
				 row->iku->kode, dec_format_nilai(row->target, num[0]));
		ui_put(y + line++, x, w, buf, at, false, false);
	}
}

static int
nar_form(app *a, int step, const char *kode, const draft *restore)
{
	nar_ctx c;
	form_spec s;
	lk_err e;

	memset(&c, 0, sizeof c);
	c.a = a;
	snprintf(c.kode, sizeof c.kode, "%s", kode);
	c.fd = form_desc_new(&a->mem, "narasi", _("Narrative"));
	form_desc_add(&a->mem, c.fd, "narasi", _("Narrative"), FD_MULTILINE,
		      FD_WIDTH_MAX, 8, false, 100000,
		      _("Blank line: new paragraph; a line starting with - or 1. is a list item; **bold**"));
	c.have_k = kinerja_hitung(a->r, a->tw, &a->v.installed, &c.k, &e) == 0;
	memset(&s, 0, sizeof s);
	s.aksi = AKSI_UBAH_DATA;
	s.fd = c.fd;
	s.title = _("Narrative");
	s.subtitle = kode;
	s.step = step;
	s.help = _("What was done for this sasaran in the quarter and why the capaian "
		   "is what it is. The capaian of its IKU is shown above the text. Line "
		   "breaks are kept; a blank line starts a new paragraph. Ctrl-E (or F4) "
		   "opens the text in your own editor.");
	s.get = nar_get;
	s.apply = nar_apply;
	s.info = nar_info;
	{
		/* Room for the return comment, wrapped in full (the text
		 * keeps at least a few lines). */
		s.info_rows = 3 + scr_returned_rows(a, JENIS_NARASI, kode,
						    LINES - 16);
	}
	s.grow = true;
	s.ud = &c;
	s.dk = scr_dk(a, "narasi", kode);
	s.restore = restore;
	return form_run(a, &s);
}

/* ------------------------------------------------------------------ */
/* step 6: the list of sasaran with their narratives */

static const char *
nl_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	app *a = ud;
	const sasaran *s = &a->r->sasaran[row];
	size_t w;

	switch (col) {
	case 0: return s->kode;
	case 1: return s->uraian;
	case 2:
		w = scr_count_words(s->narasi[a->tw]);
		if (w == 0)
			return _("empty");
		snprintf(buf, n, _("%zu words"), w);
		return buf;
	default:
		if (s->n_tabel[a->tw] == 0)
			return "";
		snprintf(buf, n, "%zu", s->n_tabel[a->tw]);
		return buf;
	}
}

static attr_t
nl_attr(void *ud, size_t row, size_t col)
{
	app *a = ud;

	if (col == 2 && scr_count_words(a->r->sasaran[row].narasi[a->tw]) == 0)
		return theme_attr(TR_KURANG);
	return A_NORMAL;
}

static void
nl_footer(void *ud, size_t row, int y, int x, int h, int w)
{
	app *a = ud;
	const char *t = a->r->sasaran[row].narasi[a->tw];
	char buf[1200];
	int line = 0;

	if (returned_text(a, a->r->sasaran[row].kode, buf, sizeof buf) != NULL)
		line = ui_put_wrapped(y, x, h - 1, w, buf, theme_attr(TR_KURANG));
	ui_put_wrapped(y + line, x, h - line, w, t != NULL && *t ? t :
		       _("(no narrative yet: press Enter to write it)"),
		       theme_attr(TR_HINT));
}

int
scr_narasi(app *a, int step, const draft *restore)
{
	static const int acts[] = {
		ACT_HELP, ACT_ENTER, ACT_TABLES, ACT_BACK, ACT_NEXT_STEP, ACT_STEPS,
		ACT_NONE,
	};
	const char *labels[] = { NULL, _("Write"), NULL, NULL, NULL, NULL, NULL };
	list_col cols[4] = {
		{ NULL, 8, false, false, 0 }, { NULL, 20, true, false, 0 },
		{ NULL, 10, false, false, 0 }, { NULL, 6, false, true, 0 },
	};
	list l;
	int result = -1, act, r;

	cols[0].title = _("Code");
	cols[1].title = _("Sasaran");
	cols[2].title = _("Narrative");
	cols[3].title = _("Tables");
	memset(&l, 0, sizeof l);
	l.title = scr_step_name(step);
	l.step = step;
	l.cols = cols;
	l.ncol = 4;
	l.cell = nl_cell;
	l.attr = nl_attr;
	l.footer = nl_footer;
	l.footer_rows = 5;
	l.ud = a;
	l.acts = acts;
	l.bar_labels = labels;
	l.help_acts = scr_list_help_acts;
	l.help = _("Every sasaran needs a narrative for the quarter. Enter writes or "
		   "edits it; t (or F6) opens its supporting tables.");
	l.empty = _("No sasaran yet: add them in step 2.");
	list_init(&l);
	list_open(&l);
	if (restore != NULL) {
		char kode[128];
		const char *slash;

		snprintf(kode, sizeof kode, "%s", restore->entity);
		if ((slash = strchr(restore->entity, '/')) != NULL)
			kode[slash - restore->entity] = '\0';
		if (find_sasaran(a, kode) == NULL)
			ui_msg(UI_MSG_ERROR, _("The sasaran of this draft no longer exists."));
		else if (strcmp(restore->form, "narasi") == 0)
			result = scr_pass(nar_form(a, step, kode, restore));
		else
			result = scr_pass(scr_tables(a, step, kode, a->tw, restore));
	}
	while (result < 0) {
		l.nrows = a->r->n_sasaran;
		act = list_run(&l);
		switch (act) {
		case ACT_ENTER:
		case ACT_EDIT:
			if (l.nrows == 0)
				break;
			r = nar_form(a, step, a->r->sasaran[l.sel].kode, NULL);
			if (r == FORM_SAVED && l.sel + 1 < l.nrows)
				l.sel++;      /* on to the next sasaran */
			else if (r != FORM_SAVED && r != FORM_CANCELLED)
				result = r;
			break;
		case ACT_TABLES:
			if (l.nrows == 0)
				break;
			r = scr_tables(a, step, a->r->sasaran[l.sel].kode, a->tw, NULL);
			if (r != FORM_SAVED && r != FORM_CANCELLED)
				result = r;
			break;
		case ACT_ADD:
		case ACT_DELETE:
			ui_msg(UI_MSG_HINT, _("Sasaran are added and deleted in step 2."));
			break;
		default:
			result = scr_list_other(a, act);
		}
	}
	list_close(&l);
	return result;
}

