/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_renstra.c - the Renstra in the terminal application: its period and
 * each IKU's yearly targets, a grid of IKU by year.
 *
 * Owns: the screen "Renstra targets" of the step menu.  Each row is an
 * IKU with its baseline and its Renstra target of each year of the
 * period (the last years that fit the screen; the year of the plan is
 * marked); Enter opens a form of that IKU's targets, one field a year of
 * the period, and e the period itself (name, first and last year).  What
 * the exchange format refuses is refused here with the field named: a
 * period that does not hold the plan's year, the last year before the
 * first, a period that would leave a target or a baseline outside it.
 * Saved with the plan (app_save), audited and refused on a locked plan
 * as every change of it.
 */
#include "config.h"
#include "tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dec.h"
#include "core/i18n.h"
#include "tui/list.h"
#include "tui/theme.h"
#include "tui/ui.h"

#define YEAR_COLS 6             /* years shown at most */
#define YEAR_WIDTH 8

typedef struct ren_ctx {
	app *a;
	iku **row;              /* the IKU in the plan's order */
	size_t n;
	int first;              /* the first year shown */
	int years;              /* years shown */
	iku *k;                 /* the IKU of the open form */
	char num[DEC_BUFSZ];
} ren_ctx;

static void
ren_rows(ren_ctx *c)
{
	rencana *r = c->a->r;
	const renstra *rs = &r->renstra;
	size_t i, j, n = 0;

	for (i = 0; i < r->n_sasaran; i++)
		n += r->sasaran[i].n_iku;
	free(c->row);
	if ((c->row = calloc(n ? n : 1, sizeof *c->row)) == NULL)
		lk_fatal("out of memory");
	c->n = 0;
	for (i = 0; i < r->n_sasaran; i++)
		for (j = 0; j < r->sasaran[i].n_iku; j++)
			c->row[c->n++] = &r->sasaran[i].iku[j];
	c->years = rs->ada ? rs->akhir - rs->awal + 1 : 0;
	if (c->years > YEAR_COLS)
		c->years = YEAR_COLS;
	c->first = rs->ada ? rs->akhir - c->years + 1 : 0;
}

/* The Renstra target of year y, or NULL. */
static const tahun_nilai *
target_of(const iku *k, int y)
{
	for (size_t i = 0; i < k->n_target_renstra; i++)
		if (k->target_renstra[i].tahun == y)
			return &k->target_renstra[i];
	return NULL;
}

static const char *
ren_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	ren_ctx *c = ud;
	const iku *k = c->row[row];
	const tahun_nilai *t;
	char num[DEC_BUFSZ];

	switch (col) {
	case 0: return k->kode;
	case 1: return k->uraian;
	case 2:
		if (!k->ada_baseline)
			return "";
		snprintf(buf, n, "%s", dec_format_nilai(k->baseline_nilai, num));
		return buf;
	default:
		if ((t = target_of(k, c->first + (int)col - 3)) == NULL)
			return "";
		snprintf(buf, n, "%s", dec_format_nilai(t->nilai, num));
		return buf;
	}
}

static attr_t
ren_attr(void *ud, size_t row, size_t col)
{
	ren_ctx *c = ud;

	(void)row;
	if (col >= 3 && c->first + (int)col - 3 == c->a->tahun)
		return A_BOLD;
	return A_NORMAL;
}

/* Above the grid: the period, and what the columns are. */
static void
ren_info(void *ud, int y, int x, int h, int w)
{
	ren_ctx *c = ud;
	const renstra *rs = &c->a->r->renstra;
	char buf[400];

	(void)h;
	if (!rs->ada) {
		ui_put(y, x, w, _("No Renstra period yet: e sets it (its first and "
				  "last year)."), theme_attr(TR_CUKUP), false, false);
		return;
	}
	snprintf(buf, sizeof buf, _("Period %d-%d%s%s%s: each IKU's target of "
				    "each year; the target of %d is the medium-term "
				    "target."), rs->awal, rs->akhir,
		 rs->nama != NULL ? " (" : "", rs->nama != NULL ? rs->nama : "",
		 rs->nama != NULL ? ")" : "", rs->akhir);
	ui_put_wrapped(y, x, 2, w, buf, theme_attr(TR_HINT));
}

/* ---- the targets of one IKU ---- */

static const char *
tgt_get(void *ud, const char *name)
{
	ren_ctx *c = ud;
	const tahun_nilai *t = target_of(c->k, atoi(name + 1));

	return t != NULL ? scr_nilai(t->nilai, c->num) : NULL;
}

static int
tgt_apply(void *ud, const form *f, form_fail *fail)
{
	ren_ctx *c = ud;
	const renstra *rs = &c->a->r->renstra;
	tahun_nilai *t;
	size_t n = 0;
	char name[16];
	int y;

	(void)fail;
	t = arena_alloc(&c->a->r->mem, (size_t)(rs->akhir - rs->awal + 1) * sizeof *t);
	for (y = rs->awal; y <= rs->akhir; y++) {
		const char *v;

		snprintf(name, sizeof name, "t%d", y);
		if ((v = form_value(f, name)) == NULL) {
			const tahun_nilai *old = target_of(c->k, y);

			if (old != NULL)
				t[n++] = *old;
		} else if (*v != '\0') {
			t[n].tahun = y;
			scr_parse(v, DEC_NILAI, &t[n++].nilai);
		}
	}
	c->k->target_renstra = n ? t : NULL;
	c->k->n_target_renstra = n;
	return app_save(c->a, AKSI_UBAH_RENCANA) == 0 ? 0 : 1;
}

static int
tgt_form(ren_ctx *c, iku *k)
{
	app *a = c->a;
	const renstra *rs = &a->r->renstra;
	form_desc *fd;
	form_spec s;
	char name[16], label[64], sub[200];

	if (!rs->ada) {
		ui_msg(UI_MSG_HINT, _("Set the Renstra period first (e)."));
		return FORM_CANCELLED;
	}
	c->k = k;
	fd = form_desc_new(&a->mem, "renstra_target", _("Renstra targets"));
	for (int y = rs->awal; y <= rs->akhir; y++) {
		snprintf(name, sizeof name, "t%d", y);
		snprintf(label, sizeof label, y == rs->akhir ? _("Target %d (end)") :
			 _("Target %d"), y);
		form_desc_add(&a->mem, fd, name, label, FD_DECIMAL, 14, 1, false, 0,
			      _("The Renstra's target of that year; a comma for "
				"decimals; empty = none"));
	}
	snprintf(sub, sizeof sub, "%s \xc2\xb7 %s", k->kode, k->satuan ? k->satuan : "");
	memset(&s, 0, sizeof s);
	s.aksi = AKSI_UBAH_RENCANA;
	s.fd = fd;
	s.title = _("Renstra targets");
	s.subtitle = sub;
	s.help = _("The targets the Renstra sets this IKU, year by year. The last "
		   "year's is the medium-term target the LKjIP compares the year's "
		   "realisation with; a new year's plan takes its target from here.");
	s.get = tgt_get;
	s.apply = tgt_apply;
	s.ud = c;
	return form_run(a, &s);
}

/* ---- the period ---- */

static const char *
per_get(void *ud, const char *name)
{
	ren_ctx *c = ud;
	const renstra *rs = &c->a->r->renstra;

	if (strcmp(name, "nama") == 0)
		return rs->nama;
	if (!rs->ada)
		return NULL;
	snprintf(c->num, sizeof c->num, "%d", strcmp(name, "awal") == 0 ? rs->awal
		 : rs->akhir);
	return c->num;
}

/* The first IKU that a period awal..akhir (ada: one at all) would leave
 * with a target or a baseline outside it, said in fail. */
static bool
leaves_outside(ren_ctx *c, bool ada, int awal, int akhir, form_fail *fail)
{
	for (size_t i = 0; i < c->n; i++) {
		const iku *k = c->row[i];

		for (size_t j = 0; j < k->n_target_renstra; j++) {
			int y = k->target_renstra[j].tahun;

			if (!ada || y < awal || y > akhir) {
				snprintf(fail->msg, sizeof fail->msg, _("%s has a Renstra "
					 "target for %d, outside the period: change it "
					 "first"), k->kode, y);
				fail->field = ada && y > akhir ? "akhir" : "awal";
				return true;
			}
		}
		if (ada && k->ada_baseline && k->baseline_tahun >= awal) {
			snprintf(fail->msg, sizeof fail->msg, _("%s has its baseline in "
				 "%d: the baseline is the value before the Renstra "
				 "period"), k->kode, k->baseline_tahun);
			fail->field = "awal";
			return true;
		}
	}
	return false;
}

static int
per_apply(void *ud, const form *f, form_fail *fail)
{
	ren_ctx *c = ud;
	app *a = c->a;
	renstra *rs = &a->r->renstra;
	const char *nama = form_value(f, "nama"), *aw = form_value(f, "awal");
	const char *ak = form_value(f, "akhir");
	bool ada = (aw != NULL && *aw != '\0') || (ak != NULL && *ak != '\0');
	int awal = ada && aw != NULL ? atoi(aw) : 0, akhir = ada && ak != NULL ? atoi(ak) : 0;

	if (ada && (aw == NULL || *aw == '\0' || ak == NULL || *ak == '\0')) {
		snprintf(fail->msg, sizeof fail->msg, "%s", _("a Renstra period has "
			 "a first and a last year: give both, or neither"));
		fail->field = aw == NULL || *aw == '\0' ? "awal" : "akhir";
		return 1;
	}
	if (ada && akhir < awal) {
		snprintf(fail->msg, sizeof fail->msg, _("the last year (%d) is before "
			 "the first (%d)"), akhir, awal);
		fail->field = "akhir";
		return 1;
	}
	if (ada && (a->tahun < awal || a->tahun > akhir)) {
		snprintf(fail->msg, sizeof fail->msg, _("the period must hold the "
			 "year of this plan, %d"), a->tahun);
		fail->field = a->tahun < awal ? "awal" : "akhir";
		return 1;
	}
	if (!ada && nama != NULL && *nama != '\0') {
		snprintf(fail->msg, sizeof fail->msg, "%s", _("a Renstra's name needs "
			 "its first and last year"));
		fail->field = "awal";
		return 1;
	}
	if (leaves_outside(c, ada, awal, akhir, fail))
		return 1;
	rs->ada = ada;
	rs->awal = awal;
	rs->akhir = akhir;
	rs->nama = ada ? scr_dup(a, nama) : NULL;
	return app_save(a, AKSI_UBAH_RENCANA) == 0 ? 0 : 1;
}

static int
per_form(ren_ctx *c)
{
	app *a = c->a;
	form_desc *fd;
	fd_field *y;
	form_spec s;

	fd = form_desc_new(&a->mem, "renstra", _("Renstra period"));
	form_desc_add(&a->mem, fd, "nama", _("Name"), FD_TEXT, 40, 1, false, 100,
		      _("E.g. Renstra 2021-2026; empty = Renstra"));
	y = form_desc_add(&a->mem, fd, "awal", _("First year"), FD_INTEGER, 6, 1,
			  false, 0, _("The first year of the five-year plan"));
	y->has_min = y->has_max = true;
	y->min = 1900;
	y->max = 2999;
	y = form_desc_add(&a->mem, fd, "akhir", _("Last year"), FD_INTEGER, 6, 1,
			  false, 0, _("Its last year: its targets are the medium-term "
				      "targets"));
	y->has_min = y->has_max = true;
	y->min = 1900;
	y->max = 2999;
	memset(&s, 0, sizeof s);
	s.aksi = AKSI_UBAH_RENCANA;
	s.fd = fd;
	s.title = _("Renstra period");
	s.help = _("The five-year plan (Renstra) this year belongs to: its first and "
		   "last year hold the plan's year. Both empty: no Renstra.");
	s.get = per_get;
	s.apply = per_apply;
	s.ud = c;
	return form_run(a, &s);
}

int
scr_renstra(app *a)
{
	static const int acts[] = {
		ACT_HELP, ACT_ENTER, ACT_EDIT, ACT_BACK, ACT_NONE,
	};
	const char *labels[] = { NULL, _("Targets"), _("Period"), NULL, NULL };
	list_col cols[3 + YEAR_COLS];
	char yt[YEAR_COLS][8];
	ren_ctx c;
	list l;
	int result = -1, r, act;

	memset(&c, 0, sizeof c);
	c.a = a;
	memset(&l, 0, sizeof l);
	l.title = _("Renstra targets");
	l.cols = cols;
	l.cell = ren_cell;
	l.attr = ren_attr;
	l.info = ren_info;
	l.info_rows = 2;
	l.detail_col = 2;
	l.ud = &c;
	l.acts = acts;
	l.bar_labels = labels;
	l.help = _("The Renstra's target of each IKU for each year of its period, "
		   "and the IKU's baseline (set in its form, step 2). Enter edits "
		   "the targets of the IKU; e the period. The year of this plan is "
		   "in bold; a new year's plan takes its targets from here.");
	l.empty = _("No IKU yet: add them in step 2.");
	list_init(&l);
	while (result < 0) {
		ren_rows(&c);
		memset(cols, 0, sizeof cols);
		cols[0] = (list_col){ _("Code"), 9, false, false, 0 };
		cols[1] = (list_col){ _("Indicator"), 10, true, false, 0 };
		cols[2] = (list_col){ _("Baseline"), YEAR_WIDTH, false, true, 0 };
		for (int i = 0; i < c.years; i++) {
			snprintf(yt[i], sizeof yt[i], "%d", c.first + i);
			cols[3 + i] = (list_col){ yt[i], YEAR_WIDTH, false, true, 0 };
		}
		l.ncol = 3 + (size_t)c.years;
		l.nrows = c.n;
		list_clamp(&l);
		list_open(&l);
		act = list_run(&l);
		list_close(&l);
		switch (act) {
		case ACT_ENTER:
			if (c.n == 0)
				break;
			r = tgt_form(&c, c.row[l.sel]);
			if (r == FORM_SAVED && l.sel + 1 < c.n)
				l.sel++;
			else if (r != FORM_SAVED && r != FORM_CANCELLED)
				result = r;
			break;
		case ACT_EDIT:
			r = per_form(&c);
			if (r != FORM_SAVED && r != FORM_CANCELLED)
				result = r;
			break;
		case ACT_BACK:
			result = FORM_CANCELLED;
			break;
		default:
			result = scr_list_other(a, act);
		}
	}
	free(c.row);
	return result;
}
