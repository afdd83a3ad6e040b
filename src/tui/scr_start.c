/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_start.c - the start: drafts offered back, the agency and the period
 * (year, quarter) with what each quarter holds, the first run on an empty
 * database, and a new year from last year's plan. */
#include "config.h"
#include "tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/model_edit.h"
#include "core/zona.h"
#include "tui/list.h"
#include "tui/ui.h"

static int
this_year(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return tm.tm_year + 1900;
}

/* Ask a year; 0 when cancelled. */
static int
ask_year(const char *title, const char *label, int def)
{
	char init[16], *out = NULL;
	int y = 0;

	snprintf(init, sizeof init, "%d", def);
	while (ui_prompt(title, label, init, &out)) {
		char *end;
		long v = strtol(out, &end, 10);

		if (*out != '\0' && *end == '\0' && v >= 1900 && v <= 2999) {
			y = (int)v;
			free(out);
			break;
		}
		ui_message(title, _("Type a year such as 2024."), true);
		snprintf(init, sizeof init, "%.15s", out);
		free(out);
		out = NULL;
	}
	return y;
}

/* ------------------------------------------------------------------ */
/* drafts */

static bool first_run(app *a, bool welcome);

/* Returns FORM_QUIT or FORM_TERMINATED when the user left the program
 * from a draft's screen, else 0. */
static int
offer_drafts(app *a)
{
	draft **d = NULL;
	size_t n = 0, i;
	int end = 0;

	if (draft_list(a->db_real, &d, &n) != 0 || n == 0)
		return 0;
	for (i = 0; i < n && !ui_terminating() && end == 0; i++) {
		char text[1200], period[64], when[64], *zona = NULL;
		lk_err ze = { 0, "" };
		int r;

		/* Saved as UTC (older drafts: local time, shown as written). */
		if (store_zona_waktu(a->st, d[i]->instansi, &zona, &ze) != 0)
			zona = NULL;
		zona_lokal(d[i]->saved, zona, false, when, sizeof when);
		free(zona);
		if (d[i]->tw >= 1 && d[i]->tw <= 4)
			snprintf(period, sizeof period, _("Quarter %s %d"),
				 tw_romawi(d[i]->tw), d[i]->tahun);
		else
			snprintf(period, sizeof period, "%d", d[i]->tahun);
		snprintf(text, sizeof text,
			 _("What was typed into \"%s\"%s%s (%s, %s) was not saved: the "
			   "program ended on %s before it was. Open it again to check and "
			   "save it?"), d[i]->title, *d[i]->entity ? " " : "",
			 d[i]->entity, d[i]->instansi, period, when);
		r = ui_ask3(_("Unsaved typing found"), text, _("Open"), _("Discard"),
			    _("Later"));
		if (r == 0) {
			if (strcmp(d[i]->form, "instansi") == 0 && strcmp(d[i]->entity, "+") == 0) {
				/* A new agency: the first run takes it up when
				 * the database is empty, else here. */
				char **kode = NULL;
				size_t nk = 0;

				if (store_list_instansi(a->st, &kode, &nk, NULL) == 0 && nk > 0)
					first_run(a, false);
				store_free_strv(kode, nk);
				continue;
			}
			r = scr_resume(a, d[i]);
			if (r == FORM_QUIT || r == FORM_TERMINATED)
				end = r;
		} else if (r == 1) {
			draft_key k = draft_key_of(d[i]);

			draft_remove(&k);
		}
	}
	draft_free_all(d, n);
	return end;
}

/* The draft of a new agency typed at the first run, if any. */
static draft *
first_run_draft(app *a)
{
	draft **d = NULL, *found = NULL;
	size_t n = 0, i;

	if (draft_list(a->db_real, &d, &n) != 0)
		return NULL;
	for (i = 0; i < n; i++) {
		if (found == NULL && strcmp(d[i]->form, "instansi") == 0 &&
		    strcmp(d[i]->entity, "+") == 0) {
			found = d[i];
			d[i] = NULL;
		}
	}
	draft_free_all(d, n);
	return found;
}

/* ------------------------------------------------------------------ */
/* first run: the agency profile and its first year */

static bool
first_run(app *a, bool welcome)
{
	draft *d = first_run_draft(a);
	int year, r;

	if (!app_can_edit(a, AKSI_UBAH_RENCANA)) {
		ui_message(_("Empty database"), _("The database has no agency yet and is "
						  "read-only: nothing can be created."), true);
		draft_free(d);
		return false;
	}
	if (welcome && d == NULL && !ui_message(_("Welcome"),
				     _("The database is empty. First describe the agency "
				       "and its head, who signs the reports; then the year's "
				       "plan is filled in step by step."), false)) {
		return false;
	}
	year = d != NULL && d->tahun > 0 ? d->tahun :
	    ask_year(_("New agency"), _("Year of the first plan:"), this_year());
	if (year == 0) {
		draft_free(d);
		return false;
	}
	{
		/* The agency shown so far comes back when this is cancelled. */
		rencana *old_r = a->r;
		char *old_kode = a->instansi;
		int old_tahun = a->tahun, old_tw = a->tw;

		a->r = rencana_new();
		a->r->tahun = year;
		a->tahun = year;
		a->tw = 0;
		a->instansi = NULL;
		r = scr_instansi_form(a, 0, true, d);
		draft_free(d);
		if (r != FORM_SAVED) {
			rencana_free(a->r);
			free(a->instansi);
			a->r = old_r;
			a->instansi = old_kode;
			a->tahun = old_tahun;
			a->tw = old_tw;
			app_update_context(a);
			return false;
		}
		rencana_free(old_r);
		free(old_kode);
	}
	ui_msg(UI_MSG_INFO, _("The agency is created. Choose a quarter and press Enter."));
	return true;
}

/* ------------------------------------------------------------------ */
/* choosing the agency */

/* Sets a->instansi; false when cancelled or nothing to choose. */
static bool
choose_instansi(app *a, bool allow_new)
{
	char **kode = NULL;
	size_t n = 0, i;
	const char **items;
	int r;

	if (store_list_instansi(a->st, &kode, &n, NULL) != 0 || n == 0) {
		store_free_strv(kode, n);
		return false;
	}
	if (n == 1 && !allow_new) {
		free(a->instansi);
		a->instansi = strdup(kode[0]);
		store_free_strv(kode, n);
		return true;
	}
	if ((items = calloc(n + 1, sizeof *items)) == NULL) {
		store_free_strv(kode, n);
		return false;
	}
	for (i = 0; i < n; i++)
		items[i] = kode[i];
	items[n] = _("+ a new agency");
	r = ui_choose(_("Agency"), items, allow_new ? n + 1 : n, 0);
	free(items);
	if (r >= 0 && (size_t)r < n) {
		free(a->instansi);
		a->instansi = strdup(kode[r]);
	} else if (r >= 0) {
		store_free_strv(kode, n);
		return first_run(a, false);
	}
	store_free_strv(kode, n);
	return r >= 0;
}

/* ------------------------------------------------------------------ */
/* the period screen */

typedef struct per_ctx {
	app *a;
	int *tahun;
	size_t n_tahun;
	rencana_isian is[TW_MAX + 1];
	store_quarter q[TW_MAX + 1];   /* the review of each quarter, as stored */
	bool have_q[TW_MAX + 1];
} per_ctx;

static void
load_years(per_ctx *c)
{
	free(c->tahun);
	c->tahun = NULL;
	c->n_tahun = 0;
	store_list_tahun(c->a->st, c->a->instansi, &c->tahun, &c->n_tahun, NULL);
}

static void
free_quarters(per_ctx *c)
{
	int tw;

	for (tw = 1; tw <= TW_MAX; tw++) {
		if (c->have_q[tw])
			store_quarter_free(&c->q[tw]);
		c->have_q[tw] = false;
	}
}

static void
count(per_ctx *c)
{
	app *a = c->a;
	int tw;

	free_quarters(c);
	for (tw = 1; tw <= TW_MAX; tw++) {
		rencana_hitung_isian(a->r, tw, &c->is[tw]);
		/* Nothing stored yet (or an old database): no review. */
		c->have_q[tw] = a->instansi != NULL &&
		    store_quarter_status(a->st, a->instansi, a->tahun, tw, &c->q[tw], NULL) == 0;
	}
}

static const char *
per_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	per_ctx *c = ud;
	int tw = (int)row + 1;
	const rencana_isian *is = &c->is[tw];
	const triwulan *t = &c->a->r->tw[tw];

	switch (col) {
	case 0:
		snprintf(buf, n, _("Quarter %s"), tw_romawi(tw));
		return buf;
	case 1:
		if (!is->tanggal)
			return "-";
		snprintf(buf, n, "%02d-%02d-%04d", t->hari, t->bulan, t->tahun);
		return buf;
	case 2: snprintf(buf, n, "%zu/%zu", is->iku_terisi, is->iku); return buf;
	case 3: snprintf(buf, n, "%zu/%zu", is->program_terisi, is->program); return buf;
	case 4: snprintf(buf, n, "%zu/%zu", is->narasi_terisi, is->sasaran); return buf;
	case 5: snprintf(buf, n, "%zu/%zu", is->permasalahan, is->tindak_lanjut); return buf;
	case 6: return is->kesimpulan ? _("written") : "-";
	default:
		if (!c->have_q[tw] || !c->q[tw].ada)
			return "-";
		if (c->q[tw].locked)
			return _("locked");
		snprintf(buf, n, "%u/%u/%u/%u", c->q[tw].count[ENTRI_DRAFT],
			 c->q[tw].count[ENTRI_SUBMITTED], c->q[tw].count[ENTRI_RETURNED],
			 c->q[tw].count[ENTRI_APPROVED]);
		return buf;
	}
}

static attr_t
per_attr(void *ud, size_t row, size_t col)
{
	per_ctx *c = ud;
	const rencana_isian *is = &c->is[row + 1];
	size_t have, of;

	switch (col) {
	case 2: have = is->iku_terisi; of = is->iku; break;
	case 3: have = is->program_terisi; of = is->program; break;
	case 4: have = is->narasi_terisi; of = is->sasaran; break;
	case 7: {
		const store_quarter *q = &c->q[row + 1];

		if (!c->have_q[row + 1] || !q->ada)
			return A_NORMAL;
		if (q->locked || (q->n_entri > 0 && q->count[ENTRI_APPROVED] == q->n_entri))
			return theme_attr(TR_BAIK);
		if (q->count[ENTRI_RETURNED] > 0)
			return theme_attr(TR_KURANG);
		return q->count[ENTRI_SUBMITTED] > 0 ? theme_attr(TR_CUKUP) : A_NORMAL;
	}
	default: return A_NORMAL;
	}
	if (of == 0 || have == 0)
		return A_NORMAL;
	return have >= of ? theme_attr(TR_BAIK) : theme_attr(TR_CUKUP);
}

static void
per_info(void *ud, int y, int x, int h, int w)
{
	per_ctx *c = ud;
	app *a = c->a;
	char buf[800], list[400];
	size_t n;

	snprintf(buf, sizeof buf, "%s (%s)", a->r->instansi.nama != NULL ?
		 a->r->instansi.nama : "", a->instansi);
	ui_put(y, x, w, buf, A_BOLD, false, false);
	snprintf(buf, sizeof buf, _("Database: %s%s"), store_path(a->st),
		 a->readonly ? _(" (read-only)") : "");
	ui_put(y + 1, x, w, buf, theme_attr(TR_HINT), false, false);
	snprintf(buf, sizeof buf, _("Year:  \xe2\x97\x82 %d \xe2\x96\xb8   (\xe2\x86\x90/\xe2\x86\x92 "
				    "another year \xc2\xb7 Ins a new year \xc2\xb7 Tab another agency)"),
		 a->tahun);
	ui_put(y + 3, x, w, buf, A_NORMAL, false, false);
	/* A year copied from the one before: what is still to be typed. */
	if (h > 4 && (n = rencana_kosong(a->r, list, sizeof list)) > 0) {
		snprintf(buf, sizeof buf, P_("Still blank in the plan of %d: %zu "
			 "target or budget, of %s (steps 2 and 3).", "Still blank "
			 "in the plan of %d: %zu targets and budgets, of %s (steps "
			 "2 and 3).", n), a->tahun, n, list);
		ui_put_wrapped(y + 4, x, h - 4, w, buf, theme_attr(TR_KURANG));
	}
}

/* What is missing in the quarter. */
static void
per_footer(void *ud, size_t row, int y, int x, int h, int w)
{
	per_ctx *c = ud;
	const rencana_isian *is = &c->is[row + 1];
	const store_quarter *q = &c->q[row + 1];
	char buf[600] = "";
	size_t len;

	if (c->have_q[row + 1] && q->ada && h > 1) {
		char day[32];

		zona_tanggal_lokal(q->locked_at, c->a->r != NULL ?
				   c->a->r->instansi.zona_waktu : NULL, day, sizeof day);
		if (q->locked)
			snprintf(buf, sizeof buf, _("Quarter %s is locked: finalised by %s on %.10s, "
						    "version %d."), tw_romawi((int)row + 1),
				 q->locked_by ? q->locked_by : "?", day, q->version);
		else
			snprintf(buf, sizeof buf, _("Review of quarter %s: %u draft, %u submitted, "
						    "%u returned, %u approved."),
				 tw_romawi((int)row + 1), q->count[ENTRI_DRAFT],
				 q->count[ENTRI_SUBMITTED], q->count[ENTRI_RETURNED],
				 q->count[ENTRI_APPROVED]);
		ui_put(y, x, w, buf, theme_attr(TR_HINT), false, false);
		y++;
		h--;
		buf[0] = '\0';
	}
	if (is->sasaran + is->program == 0)
		goto empty;
	if (is->iku > is->iku_terisi)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), _("%zu IKU realisations, "),
			 is->iku - is->iku_terisi);
	if (is->program > is->program_terisi)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), _("%zu budget realisations, "),
			 is->program - is->program_terisi);
	if (is->sasaran > is->narasi_terisi)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), _("%zu narratives, "),
			 is->sasaran - is->narasi_terisi);
	if (!is->tanggal)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), _("the report date, "));
empty:
	len = strlen(buf);
	if (len >= 2) {
		char line[700];

		buf[len - 2] = '\0';
		snprintf(line, sizeof line, _("Still missing in quarter %s: %s."),
			 tw_romawi((int)row + 1), buf);
		ui_put_wrapped(y, x, h, w, line, theme_attr(TR_HINT));
	} else if (is->sasaran + is->program == 0) {
		ui_put_wrapped(y, x, h, w, _("The plan of this year is empty: open a quarter "
					     "and start with steps 2 and 3 (sasaran, IKU, programs)."),
			       theme_attr(TR_HINT));
	} else if (is->iku + is->program > 0) {
		char line[200];

		snprintf(line, sizeof line, _("Quarter %s is complete: it can be printed."),
			 tw_romawi((int)row + 1));
		ui_put(y, x, w, line, theme_attr(TR_BAIK), false, false);
	}
}

/* A new year's plan; returns true when created (and loaded). */
static bool
new_year(per_ctx *c)
{
	app *a = c->a;
	int last = c->n_tahun > 0 ? c->tahun[c->n_tahun - 1] : a->tahun, year, q, prev = 0;
	size_t i;
	rencana *nr;
	char text[400];

	if (!app_can_edit(a, AKSI_UBAH_RENCANA))
		return false;
	year = ask_year(_("A new year"), _("Year of the new plan:"), last + 1);
	if (year == 0)
		return false;
	for (i = 0; i < c->n_tahun; i++) {
		if (c->tahun[i] == year) {
			ui_msg(UI_MSG_ERROR, _("There is already a plan for %d."), year);
			return false;
		}
	}
	/* Copy from the last year before the new one. */
	for (i = 0; i < c->n_tahun; i++)
		if (c->tahun[i] < year && c->tahun[i] > prev)
			prev = c->tahun[i];
	if (prev > 0 && prev != a->tahun && app_load(a, a->instansi, prev) != 0)
		return false;
	snprintf(text, sizeof text, _("Copy the sasaran, IKU and programs of %d into %d? "
				      "Targets come from the Renstra where it has them; "
				      "the other targets and the budgets are left blank, "
				      "to be typed."), a->tahun, year);
	q = ui_confirm(_("A new year"), text, true);
	if (q < 0)
		return false;
	nr = rencana_copy_plan(a->r, year);
	if (q == 0) {
		nr->n_sasaran = 0;
		nr->n_program = 0;
	}
	rencana_free(a->r);
	a->r = nr;
	a->tahun = year;
	if (app_save(a, AKSI_UBAH_RENCANA) != 0) {
		app_load(a, a->instansi, last);
		return false;
	}
	ui_msg(UI_MSG_INFO, q == 1 ? _("The plan of %d is ready: type its targets and "
				       "budgets in steps 2 and 3.") :
	       _("The plan of %d is ready and empty."), year);
	return true;
}

/* The quarter to select first: the last one reported, else I. */
static size_t
default_quarter(const app *a)
{
	int tw;

	for (tw = TW_MAX; tw >= 1; tw--)
		if (a->r->tw[tw].ada)
			return (size_t)tw - 1;
	return 0;
}

static int
load_latest(app *a, per_ctx *c)
{
	load_years(c);
	if (c->n_tahun == 0) {
		ui_message(_("No plan"), _("This agency has no plan yet. Import one with "
					   "'lakip import'."), true);
		return -1;
	}
	return app_load(a, a->instansi, c->tahun[c->n_tahun - 1]);
}

static int
period_screen(app *a)
{
	static const int acts[] = {
		ACT_HELP, ACT_ENTER, ACT_LEFT, ACT_ADD, ACT_SWITCH, ACT_BACK, ACT_NONE,
	};
	const char *labels[] = {
		NULL, _("Open"), _("Year"), _("New year"), _("Agency"), _("Quit"), NULL,
	};
	static const int help_acts[] = {
		ACT_ENTER, ACT_LEFT, ACT_RIGHT, ACT_ADD, ACT_SWITCH, ACT_UP, ACT_DOWN,
		ACT_BACK, ACT_QUIT, ACT_NONE,
	};
	list_col cols[8] = {
		{ NULL, 12, false, false, 0 }, { NULL, 10, false, false, 0 },
		{ NULL, 6, false, true, 0 }, { NULL, 8, false, true, 0 },
		{ NULL, 6, false, true, 0 }, { NULL, 8, false, true, 0 },
		{ NULL, 8, true, false, 0 }, { NULL, 11, false, true, 0 },
	};
	per_ctx c;
	list l;
	int result = -1, act, r;
	size_t i;

	cols[0].title = _("Quarter");
	cols[1].title = _("Date");
	cols[2].title = _("IKU");
	cols[3].title = _("Budget");
	cols[4].title = _("Narr.");
	cols[5].title = _("Obst./FU");
	cols[6].title = _("Conclusion");
	cols[7].title = _("D/S/R/A");
	memset(&c, 0, sizeof c);
	c.a = a;
	if (a->r == NULL && load_latest(a, &c) != 0)
		return -1;
	load_years(&c);
	memset(&l, 0, sizeof l);
	l.title = _("Choose the period");
	l.cols = cols;
	l.ncol = 8;
	l.nrows = TW_MAX;
	l.cell = per_cell;
	l.attr = per_attr;
	l.info = per_info;
	l.info_rows = 6;
	l.footer = per_footer;
	l.footer_rows = 3;
	l.ud = &c;
	l.acts = acts;
	l.bar_labels = labels;
	l.help_acts = help_acts;
	l.help = _("The four quarters of the year with what is filled in each: IKU "
		   "and programs with a realisation, sasaran with a narrative, obstacles "
		   "and follow-ups, and whether the conclusion is written. D/S/R/A counts "
		   "the entries of the quarter by the state of their review: draft, "
		   "submitted, returned, approved (\"locked\" once the quarter is "
		   "finalised). Choose a quarter and press Enter to fill it in step by "
		   "step.");
	list_init(&l);
	l.sel = default_quarter(a);
	list_open(&l);
	while (result < 0) {
		a->tw = 0;
		app_update_context(a);
		count(&c);
		act = list_run(&l);
		switch (act) {
		case ACT_ENTER:
		case ACT_EDIT:
		case ACT_NEXT_STEP:
			a->tw = (int)l.sel + 1;
			r = scr_steps(a, 0, NULL);
			if (r == FORM_QUIT || r == FORM_TERMINATED)
				result = r;
			break;
		case ACT_LEFT:
		case ACT_RIGHT:
			for (i = 0; i < c.n_tahun; i++)
				if (c.tahun[i] == a->tahun)
					break;
			if (act == ACT_LEFT && i > 0 && i <= c.n_tahun)
				app_load(a, a->instansi, c.tahun[i - 1]);
			else if (act == ACT_RIGHT && i + 1 < c.n_tahun)
				app_load(a, a->instansi, c.tahun[i + 1]);
			else
				ui_msg(UI_MSG_HINT, act == ACT_LEFT ? _("This is the first year.") :
				       _("This is the last year: Ins starts a new one."));
			break;
		case ACT_ADD:
			if (new_year(&c))
				load_years(&c);
			break;
		case ACT_SWITCH:
			if (choose_instansi(a, true)) {
				rencana_free(a->r);
				a->r = NULL;
				if (load_latest(a, &c) != 0)
					result = FORM_QUIT;
			}
			break;
		case ACT_BACK:
		case ACT_QUIT:
		case ACT_TERMINATE:
			result = act == ACT_TERMINATE ? FORM_TERMINATED : FORM_QUIT;
			break;
		default:
			break;
		}
	}
	list_close(&l);
	free_quarters(&c);
	free(c.tahun);
	return result;
}

int
scr_start(app *a)
{
	char **kode = NULL;
	size_t n = 0;
	int end = offer_drafts(a);

	if (ui_terminating())
		return FORM_TERMINATED;
	if (store_list_instansi(a->st, &kode, &n, NULL) != 0)
		n = 0;
	store_free_strv(kode, n);
	if (a->r == NULL) {
		if (n == 0) {
			if (!first_run(a, true))
				return FORM_QUIT;
		} else if (!choose_instansi(a, false)) {
			return FORM_QUIT;
		}
	}
	for (;;) {
		int r = end != 0 ? end : period_screen(a), q;

		end = 0;

		if (r != FORM_QUIT || ui_terminating())
			return r;
		if (a->dirty) {
			q = ui_ask3(_("Quit"), _("Some changes could not be saved yet. Try to "
						 "save them now?"), _("Save"), _("Quit anyway"),
				    _("Cancel"));
			if (q == 0 && app_save_pending(a) == 0)
				return r;
			if (q == 1)
				return r;
			continue;
		}
		q = ui_confirm(_("Quit"), _("Quit lakip? Everything is saved."), true);
		if (q == 1 || ui_terminating())
			return r;
	}
}
