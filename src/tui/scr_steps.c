/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_steps.c - the guided sequence of a quarter: ten steps, a menu that
 * shows what each holds, and the way back into a draft. */
#include "config.h"
#include "tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dec.h"
#include "core/i18n.h"
#include "core/model_edit.h"
#include "core/zona.h"
#include "tui/grid.h"
#include "tui/list.h"
#include "tui/ui.h"

static const char *const step_names[STEP_COUNT + 1] = {
	NULL,
	N_("Agency profile and signer"),
	N_("Sasaran strategis and IKU"),
	N_("Programs and budgets"),
	N_("IKU realisations"),
	N_("Budget realisations"),
	N_("Narratives and supporting tables"),
	N_("Obstacles and follow-up actions"),
	N_("Conclusion and report date"),
	N_("Preview of the capaian"),
	N_("Print the PDF"),
};

const char *
scr_step_name(int n)
{
	return n >= 1 && n <= STEP_COUNT ? _(step_names[n]) : "";
}

/* Which step a draft's form belongs to. */
static int
step_of_form(const char *form)
{
	static const struct { const char *form; int step; } map[] = {
		{ "instansi", 1 }, { "bidang", 1 }, { "sasaran", 2 }, { "iku", 2 },
		{ "program", 3 }, { "realisasi_iku", 4 }, { "realisasi_program", 5 },
		{ "narasi", 6 }, { "tabel", 6 }, { "baris", 6 },
		{ "permasalahan", 7 }, { "tindak_lanjut", 7 }, { "triwulan", 8 },
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].form, form) == 0)
			return map[i].step;
	return 0;
}

static int
run_step(app *a, int step, const draft *restore)
{
	switch (step) {
	case 1: return scr_profil(a, step, restore);
	case 2: return scr_sasaran(a, step, restore);
	case 3: return scr_program(a, step, restore);
	case 4: return grid_run(a, GRID_IKU, step, restore);
	case 5: return grid_run(a, GRID_PROGRAM, step, restore);
	case 6: return scr_narasi(a, step, restore);
	case 7: return scr_masalah(a, step, restore);
	case 8: return scr_kesimpulan(a, step, restore);
	case 9: return scr_preview(a, step);
	case 10: return scr_print(a, step);
	default: return FORM_CANCELLED;
	}
}

/* ------------------------------------------------------------------ */
/* the menu */

/* Entries below the ten steps, for some roles (the steps keep their
 * numbers: "Step N of 10"). */
enum menu_extra {
	MX_RENSTRA,     /* everyone: the Renstra period and targets */
	MX_TAHUNAN,     /* everyone: the year's agreement and annual report */
	MX_REVIEW,      /* kabid, admin: the review of the capaian */
	MX_SIGN,        /* kepala, admin: sign and finalise */
	MX_SIGN_PK,     /* kepala, admin: sign the year's Perjanjian Kinerja */
	MX_SIGN_LKJIP,  /* kepala, admin: sign the year's LKjIP */
	MX_REKAP,       /* admin, or a role in several agencies: the province view */
	MX_AGENCY,      /* admin: predikat bands, registered signers */
	MX_USERS,       /* admin: the users */
	MX_IMPORT,      /* admin: import a workbook, a CSV sheet, an exchange file */
	MX_UNLOCK,      /* admin, a locked quarter: unlock it */
	MX_N
};

typedef struct menu_ctx {
	app *a;
	rencana_isian is;
	enum menu_extra extra[MX_N];
	size_t n_extra;
	size_t n_users;
	unsigned count[ENTRI_N];      /* entries the actor reviews (all: admin) */
} menu_ctx;

static void
menu_extras(menu_ctx *c)
{
	app *a = c->a;
	lk_err e = { 0, "" };
	store_user *u = NULL;
	size_t i;

	/* A review, a lock or a change of role may have happened elsewhere. */
	app_load_user(a);
	app_wf_load(a, true);
	c->n_extra = 0;
	c->extra[c->n_extra++] = MX_RENSTRA;
	c->extra[c->n_extra++] = MX_TAHUNAN;
	if (a->user.peran == PERAN_KABID || a->user.peran == PERAN_KEPALA ||
	    a->user.peran == PERAN_ADMIN)
		c->extra[c->n_extra++] = MX_REVIEW;
	if (a->user.peran == PERAN_KEPALA || a->user.peran == PERAN_ADMIN)
		c->extra[c->n_extra++] = MX_SIGN;
	if ((a->user.peran == PERAN_KEPALA || a->user.peran == PERAN_ADMIN) &&
	    a->r->perjanjian.ada)
		c->extra[c->n_extra++] = MX_SIGN_PK;
	if ((a->user.peran == PERAN_KEPALA || a->user.peran == PERAN_ADMIN) &&
	    a->r->tahunan.ada)
		c->extra[c->n_extra++] = MX_SIGN_LKJIP;
	if (a->user.admin || a->user.n_at > 1)
		c->extra[c->n_extra++] = MX_REKAP;
	if (a->user.peran == PERAN_ADMIN) {
		c->extra[c->n_extra++] = MX_AGENCY;
		c->extra[c->n_extra++] = MX_IMPORT;
		c->extra[c->n_extra++] = MX_USERS;
		if (app_locked(a))
			c->extra[c->n_extra++] = MX_UNLOCK;
		if (store_user_list(a->st, &u, &c->n_users, &e) == 0)
			store_user_list_free(u, c->n_users);
	}
	memset(c->count, 0, sizeof c->count);
	for (i = 0; app_wf_ok(a) && i < a->wf.n_entri; i++)
		if ((a->user.peran != PERAN_KABID && a->user.peran != PERAN_KEPALA) ||
		    wf_mine(a, &a->wf.entri[i]))
			c->count[a->wf.entri[i].state]++;
}

/* The review as a step's state: 0 something to review, 1 everything
 * approved, -1 neither. */
static int
review_state(const menu_ctx *c)
{
	unsigned all = c->count[ENTRI_DRAFT] + c->count[ENTRI_SUBMITTED] +
	    c->count[ENTRI_RETURNED] + c->count[ENTRI_APPROVED];

	if (c->count[ENTRI_SUBMITTED] > 0)
		return 0;
	return all > 0 && c->count[ENTRI_APPROVED] == all ? 1 : -1;
}

static const char *
extra_name(enum menu_extra x)
{
	switch (x) {
	case MX_RENSTRA: return _("Renstra targets");
	case MX_TAHUNAN: return _("Annual report and agreement");
	case MX_REVIEW: return _("Review capaian");
	case MX_SIGN: return _("Sign and finalise");
	case MX_SIGN_PK: return _("Sign the Perjanjian Kinerja");
	case MX_SIGN_LKJIP: return _("Sign the LKjIP");
	case MX_AGENCY: return _("Agency settings");
	case MX_REKAP: return _("Province view");
	case MX_USERS: return _("Users");
	case MX_IMPORT: return _("Import a workbook");
	default: return _("Unlock the quarter");
	}
}

/* State of a step: 1 complete, 0 partly, -1 empty, 2 nothing to fill. */
static int
step_state(const menu_ctx *c, int step)
{
	const rencana *r = c->a->r;
	const rencana_isian *is = &c->is;

	switch (step) {
	case 1:
		return r->instansi.nama != NULL && r->instansi.kepala.nama != NULL &&
		    r->instansi.kepala.nip != NULL ? 1 : 0;
	case 2: return is->sasaran == 0 ? -1 : is->iku == 0 ? 0 : 1;
	case 3: return is->program == 0 ? -1 : 1;
	case 4: return is->iku_terisi == 0 ? -1 : is->iku_terisi < is->iku ? 0 : 1;
	case 5:
		return is->program_terisi == 0 ? -1 : is->program_terisi < is->program ? 0 : 1;
	case 6:
		return is->narasi_terisi == 0 ? -1 : is->narasi_terisi < is->sasaran ? 0 : 1;
	case 7:
		return is->permasalahan + is->tindak_lanjut == 0 ? -1 :
		    is->permasalahan == 0 || is->tindak_lanjut == 0 ? 0 : 1;
	case 8: return is->tanggal && is->kesimpulan ? 1 : is->tanggal ? 0 : -1;
	default: return 2;
	}
}

static const char *
menu_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	menu_ctx *c = ud;
	const rencana *r = c->a->r;
	const rencana_isian *is = &c->is;
	const triwulan *t = &r->tw[c->a->tw];
	int step = (int)row + 1, st;

	if (row >= STEP_COUNT) {
		enum menu_extra x = c->extra[row - STEP_COUNT];

		if (col == 0)
			return "";
		if (col == 1)
			return extra_name(x);
		if (col == 2)
			return x != MX_REVIEW ? "" : review_state(c) == 0 ? _("to do") :
			    review_state(c) == 1 ? _("done") : "";
		if (x == MX_REVIEW)
			snprintf(buf, n, _("%u to review, %u approved"),
				 c->count[ENTRI_SUBMITTED], c->count[ENTRI_APPROVED]);
		else if (x == MX_USERS)
			snprintf(buf, n, _("%zu users"), c->n_users);
		else if (x == MX_IMPORT)
			snprintf(buf, n, "%s", _(".xlsx, .csv, .yaml: dry run first"));
		else if (x == MX_REKAP)
			snprintf(buf, n, "%s", _("every agency's quarter"));
		else if (x == MX_AGENCY)
			snprintf(buf, n, c->a->r->instansi.predikat.n > 0 ?
				 _("%zu predikat bands of its own") :
				 _("installed predikat bands"), c->a->r->instansi.predikat.n);
		else if (x == MX_SIGN_PK)
			snprintf(buf, n, _("year %d, both parties"), c->a->tahun);
		else if (x == MX_RENSTRA && !c->a->r->renstra.ada)
			snprintf(buf, n, "%s", _("no period yet"));
		else if (x == MX_RENSTRA)
			snprintf(buf, n, "%d-%d", c->a->r->renstra.awal,
				 c->a->r->renstra.akhir);
		else if (x == MX_SIGN_LKJIP)
			snprintf(buf, n, _("year %d, the head"), c->a->tahun);
		else if (x == MX_TAHUNAN)
			snprintf(buf, n, "%s", c->a->r->tahunan.ada ?
				 _("the LKjIP is dated") : _("no LKjIP date yet"));
		else if (x == MX_SIGN && app_locked(c->a))
			snprintf(buf, n, _("signed: version %d"), c->a->wf.version);
		else if (x == MX_SIGN)
			snprintf(buf, n, _("%u of %u approved"), c->count[ENTRI_APPROVED],
				 c->count[ENTRI_DRAFT] + c->count[ENTRI_SUBMITTED] +
				 c->count[ENTRI_RETURNED] + c->count[ENTRI_APPROVED]);
		else {
			char day[32];

			zona_tanggal_lokal(c->a->wf.locked_at,
					   c->a->r->instansi.zona_waktu, day, sizeof day);
			snprintf(buf, n, _("locked by %s on %.10s"),
				 c->a->wf.locked_by ? c->a->wf.locked_by : "?", day);
		}
		return buf;
	}
	st = step_state(c, step);
	if (col == 0) {
		snprintf(buf, n, "%2d", step);
		return buf;
	}
	if (col == 1)
		return scr_step_name(step);
	if (col == 2)
		return st == 1 ? _("done") : st == 0 ? _("partly") : st == -1 ? _("to do") : "";
	switch (step) {
	case 1:
		snprintf(buf, n, _("%s; %zu divisions"), r->instansi.kepala.nama != NULL ?
			 r->instansi.kepala.nama : _("no signer yet"), r->instansi.n_bidang);
		break;
	case 2:
		snprintf(buf, n, _("%zu sasaran, %zu IKU"), is->sasaran, is->iku);
		break;
	case 3:
		snprintf(buf, n, _("%zu programs"), is->program);
		break;
	case 4:
		snprintf(buf, n, _("%zu of %zu IKU filled"), is->iku_terisi, is->iku);
		break;
	case 5:
		snprintf(buf, n, _("%zu of %zu programs filled"), is->program_terisi, is->program);
		break;
	case 6:
		snprintf(buf, n, _("%zu of %zu sasaran written"), is->narasi_terisi, is->sasaran);
		break;
	case 7:
		snprintf(buf, n, _("%zu obstacles, %zu follow-ups"), is->permasalahan,
			 is->tindak_lanjut);
		break;
	case 8:
		if (is->tanggal)
			snprintf(buf, n, _("dated %02d-%02d-%04d; conclusion %s"), t->hari,
				 t->bulan, t->tahun, is->kesimpulan ? _("written") :
				 _("standard text"));
		else
			snprintf(buf, n, _("no date yet"));
		break;
	default:
		buf[0] = '\0';
	}
	return buf;
}

static attr_t
menu_attr(void *ud, size_t row, size_t col)
{
	menu_ctx *c = ud;
	int st;

	if (row >= STEP_COUNT) {
		if (col == 2 && c->extra[row - STEP_COUNT] == MX_REVIEW)
			return review_state(c) == 0 ? theme_attr(TR_CUKUP) :
			    review_state(c) == 1 ? theme_attr(TR_BAIK) : A_NORMAL;
		return col == 1 ? A_BOLD : A_NORMAL;
	}
	st = step_state(c, (int)row + 1);

	if (col != 2)
		return A_NORMAL;
	return st == 1 ? theme_attr(TR_BAIK) : st == 0 ? theme_attr(TR_CUKUP) :
	    st == -1 ? theme_attr(TR_KURANG) : A_NORMAL;
}

static void
menu_info(void *ud, int y, int x, int h, int w)
{
	menu_ctx *c = ud;
	app *a = c->a;
	char buf[600], who[200];
	int ww;

	(void)h;
	/* Counted at each draw: a step may have changed the plan. */
	rencana_hitung_isian(a->r, a->tw, &c->is);
	if (app_listed(a))
		snprintf(who, sizeof who, "%s \xc2\xb7 %s", store_actor(a->st),
			 peran_nama(a->user.peran));
	else
		snprintf(who, sizeof who, _("%s \xc2\xb7 not listed"), store_actor(a->st));
	ww = ui_width(who);
	snprintf(buf, sizeof buf, "%s \xe2\x80\x94 %s",
		 a->r->instansi.nama != NULL ? a->r->instansi.nama : a->instansi,
		 app_period_text(a));
	ui_put(y, x, w - ww - 2, buf, A_BOLD, false, false);
	ui_put(y, x + w - ww, ww, who, theme_attr(TR_HINT), false, false);
	if (app_locked(a))
		app_lock_text(a, true, buf, sizeof buf);
	else if (app_wf_ok(a))
		snprintf(buf, sizeof buf, _("Review of the entries: %u draft, %u submitted, "
					    "%u returned, %u approved"),
			 a->wf.count[ENTRI_DRAFT], a->wf.count[ENTRI_SUBMITTED],
			 a->wf.count[ENTRI_RETURNED], a->wf.count[ENTRI_APPROVED]);
	else
		buf[0] = '\0';
	ui_put(y + 1, x, w, buf, app_locked(a) ? theme_attr(TR_CUKUP) :
	       theme_attr(TR_HINT), false, false);
}

/* Open an entry below the steps; an enum form_end. */
static int
run_extra(menu_ctx *c, enum menu_extra x)
{
	switch (x) {
	case MX_RENSTRA: return scr_renstra(c->a);
	case MX_TAHUNAN: return scr_tahunan(c->a);
	case MX_REVIEW: return scr_review(c->a);
	case MX_USERS: return scr_users(c->a);
	case MX_IMPORT: return scr_import(c->a);
	case MX_SIGN: return scr_sign(c->a);
	case MX_SIGN_PK: return scr_sign_dok(c->a, SCR_DOK_PK);
	case MX_SIGN_LKJIP: return scr_sign_dok(c->a, SCR_DOK_LKJIP);
	case MX_AGENCY: return scr_agency(c->a);
	case MX_REKAP: return scr_rekap(c->a);
	default:
		wf_unlock(c->a);
		return FORM_CANCELLED;
	}
}

/* Jump to a step from anywhere (F9): 1..10, or 0. */
static int
choose_step(int current)
{
	const char *items[STEP_COUNT];
	char buf[STEP_COUNT][200];
	int i, r;

	for (i = 0; i < STEP_COUNT; i++) {
		snprintf(buf[i], sizeof buf[i], "%2d  %s", i + 1, scr_step_name(i + 1));
		items[i] = buf[i];
	}
	r = ui_choose(_("Go to step"), items, STEP_COUNT,
		      current > 0 ? (size_t)current - 1 : 0);
	return r < 0 ? 0 : r + 1;
}

int
scr_steps(app *a, int first, const draft *restore)
{
	static const int acts[] = {
		ACT_HELP, ACT_ENTER, ACT_STEPS, ACT_BACK, ACT_QUIT, ACT_NONE,
	};
	const char *labels[] = { NULL, _("Open"), NULL, _("Period"), NULL, NULL };
	static const int help_acts[] = {
		ACT_ENTER, ACT_UP, ACT_DOWN, ACT_NEXT_STEP, ACT_PREV_STEP, ACT_STEPS,
		ACT_BACK, ACT_QUIT, ACT_NONE,
	};
	list_col cols[4] = {
		{ "", 3, false, true, 0 }, { NULL, 34, false, false, 0 },
		{ NULL, 9, false, false, 0 }, { NULL, 20, true, false, 0 },
	};
	char title[200];
	menu_ctx c;
	list l;
	int step = first, r, act;

	memset(&c, 0, sizeof c);
	c.a = a;
	cols[1].title = _("Step");
	cols[2].title = _("State");
	cols[3].title = _("What is there");
	memset(&l, 0, sizeof l);
	snprintf(title, sizeof title, _("Steps of %s"), app_period_text(a));
	l.title = title;
	l.cols = cols;
	l.ncol = 4;
	l.nrows = STEP_COUNT;
	l.cell = menu_cell;
	l.attr = menu_attr;
	l.info = menu_info;
	l.info_rows = 2;
	l.ud = &c;
	l.acts = acts;
	l.bar_labels = labels;
	l.help_acts = help_acts;
	l.help = _("The quarter is filled in ten steps, in this order. Enter opens a "
		   "step; inside a step, F8 (Ctrl-N) goes on to the next one, F7 (Ctrl-P) "
		   "back, and F9 (Ctrl-T) jumps to any step. Everything is saved when you "
		   "press F2 in a form; lists save at once.\n\n"
		   "Below the steps: a kabid reviews the capaian of his bidang (Review "
		   "capaian); the head signs and finalises the quarter (Sign and "
		   "finalise); an admin sets the agency's predikat bands (Agency settings), "
		   "manages the users, imports a workbook (Import a workbook: the dry "
		   "run's changes or errors are shown before anything is saved) and "
		   "unlocks a finalised quarter. "
		   "The second line above the steps counts the entries of the quarter by "
		   "state of their review.");
	list_init(&l);
	l.sel = first > 0 ? (size_t)first - 1 : 0;
	list_open(&l);
	for (;;) {
		app_update_context(a);
		if (step == 0) {
			rencana_hitung_isian(a->r, a->tw, &c.is);
			menu_extras(&c);
			l.nrows = STEP_COUNT + c.n_extra;
			act = list_run(&l);
			if (l.sel >= STEP_COUNT && (act == ACT_ENTER || act == ACT_EDIT)) {
				r = run_extra(&c, c.extra[l.sel - STEP_COUNT]);
				if (r == FORM_QUIT || r == FORM_TERMINATED) {
					list_close(&l);
					return r;
				}
				continue;
			}
			switch (act) {
			case ACT_ENTER:
			case ACT_EDIT:
				step = (int)l.sel + 1;
				break;
			case ACT_NEXT_STEP:
				step = l.sel < STEP_COUNT ? (int)l.sel + 1 : 1;
				break;
			case ACT_STEPS:
				step = choose_step((int)l.sel + 1);
				break;
			case ACT_TERMINATE:
				list_close(&l);
				return FORM_TERMINATED;
			case ACT_QUIT:
				list_close(&l);
				return FORM_QUIT;
			case ACT_BACK:
				list_close(&l);
				return FORM_CANCELLED;
			default:
				break;
			}
			continue;
		}
		r = run_step(a, step, restore);
		restore = NULL;
		switch (r) {
		case FORM_NEXT_STEP:
			step = step < STEP_COUNT ? step + 1 : 0;
			break;
		case FORM_PREV_STEP:
			step = step > 1 ? step - 1 : 0;
			break;
		case FORM_STEPS:
			step = choose_step(step);
			break;
		case FORM_QUIT:
			list_close(&l);
			return FORM_QUIT;
		case FORM_TERMINATED:
			list_close(&l);
			return FORM_TERMINATED;
		default:
			l.sel = (size_t)step - 1;
			step = 0;
		}
		if (step > 0)
			l.sel = (size_t)step - 1;
	}
}

int
scr_resume(app *a, const draft *d)
{
	int step = step_of_form(d->form);

	if (step == 0)
		return FORM_CANCELLED;
	if (a->instansi == NULL || strcmp(a->instansi, d->instansi) != 0 ||
	    a->tahun != d->tahun || a->r == NULL) {
		if (app_load(a, d->instansi, d->tahun) != 0)
			return FORM_CANCELLED;
	}
	if (d->tw >= 1 && d->tw <= 4) {
		a->tw = d->tw;
	} else if (a->tw < 1 || a->tw > 4) {
		/* A plan form: the last quarter reported, else I. */
		int tw;

		for (a->tw = 1, tw = TW_MAX; tw >= 1; tw--)
			if (a->r->tw[tw].ada) {
				a->tw = tw;
				break;
			}
	}
	app_update_context(a);
	return scr_steps(a, step, d);
}
