/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_program.c - step 3: the budget programs. */
#include "config.h"
#include "tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dec.h"
#include "core/err.h"
#include "core/i18n.h"
#include "core/model_edit.h"
#include "tui/list.h"
#include "tui/ui.h"

/* ------------------------------------------------------------------ */
/* step 3: programs */

typedef struct prog_ctx {
	app *a;
	long idx;
	size_t at;
	char num[64];
	char links[1024];
	form_desc *fd;
} prog_ctx;

static const char *
prog_get(void *ud, const char *name)
{
	prog_ctx *c = ud;
	const program *p;
	int tw;
	size_t i;

	if (c->idx < 0)
		return NULL;
	p = &c->a->r->program[c->idx];
	if (strcmp(name, "kode") == 0) return p->kode;
	if (strcmp(name, "uraian") == 0) return p->uraian;
	if (strcmp(name, "anggaran") == 0)
		return p->anggaran_kosong ? "" : scr_uang(p->anggaran, c->num);
	if (strncmp(name, "target_tw", 9) == 0 && (tw = atoi(name + 9)) >= 1 && tw <= 4)
		return p->ada_target_tw[tw] ? scr_uang(p->target_tw[tw], c->num) : NULL;
	if (strcmp(name, "sasaran") == 0) {
		c->links[0] = '\0';
		for (i = 0; i < p->n_sasaran; i++) {
			if (i > 0)
				strncat(c->links, ", ", sizeof c->links - strlen(c->links) - 1);
			strncat(c->links, p->sasaran[i], sizeof c->links - strlen(c->links) - 1);
		}
		return c->links;
	}
	return NULL;
}

/* Split "SS1, SS3" into kodes; fails naming an unknown one. */
static int
parse_links(app *a, const char *v, char ***out, size_t *n, char *bad, size_t bn)
{
	char *copy = strdup(v), *tok, *save = NULL;
	size_t cap = 0;

	if (copy == NULL)
		lk_fatal("out of memory");
	*out = NULL;
	*n = 0;
	for (tok = strtok_r(copy, ", ;", &save); tok != NULL;
	     tok = strtok_r(NULL, ", ;", &save)) {
		size_t i;
		bool dup = false;

		if (rencana_find_sasaran(a->r, tok) == NULL) {
			snprintf(bad, bn, "%s", tok);
			free(copy);
			return -1;
		}
		for (i = 0; i < *n; i++)
			dup |= strcmp((*out)[i], tok) == 0;
		if (dup)
			continue;
		*out = arena_grow(&a->r->mem, *out, sizeof **out, &cap, *n + 1);
		(*out)[(*n)++] = arena_strdup(&a->r->mem, tok);
	}
	free(copy);
	return 0;
}

static int
prog_apply(void *ud, const form *f, form_fail *fail)
{
	prog_ctx *c = ud;
	app *a = c->a;
	const char *kode = form_value(f, "kode"), *v;
	program *p, *other = kode != NULL ? rencana_find_program(a->r, kode) : NULL;
	char **links = NULL, bad[128], name[32];
	size_t nlinks = 0;
	int tw;

	if (other != NULL && (c->idx < 0 || other != &a->r->program[c->idx])) {
		snprintf(fail->msg, sizeof fail->msg, _("the code %s is already used"), kode);
		fail->field = "kode";
		return 1;
	}
	if ((v = form_value(f, "sasaran")) != NULL &&
	    parse_links(a, v, &links, &nlinks, bad, sizeof bad) != 0) {
		snprintf(fail->msg, sizeof fail->msg,
			 _("there is no sasaran %s (Enter shows the list)"), bad);
		fail->field = "sasaran";
		return 1;
	}
	if (c->idx < 0) {
		p = rencana_add_program(a->r, c->at);
		c->idx = (long)c->at;
	} else {
		p = &a->r->program[c->idx];
	}
	if (kode != NULL) p->kode = scr_dup(a, kode);
	if ((v = form_value(f, "uraian")) != NULL) p->uraian = scr_dup(a, v);
	if ((v = form_value(f, "anggaran")) != NULL) {
		p->anggaran = 0;
		p->anggaran_kosong = false;
		scr_parse(v, DEC_UANG, &p->anggaran);
	}
	for (tw = 1; tw <= TW_MAX; tw++) {
		snprintf(name, sizeof name, "target_tw%d", tw);
		if ((v = form_value(f, name)) == NULL)
			continue;
		p->ada_target_tw[tw] = scr_parse(v, DEC_UANG, &p->target_tw[tw]);
		if (!p->ada_target_tw[tw])
			p->target_tw[tw] = 0;
	}
	if (form_value(f, "sasaran") != NULL) {
		p->sasaran = links;
		p->n_sasaran = nlinks;
	}
	return app_save(a, AKSI_UBAH_RENCANA) == 0 ? 0 : 1;
}

static bool
pick_sasaran(void *ud, const char *cur, char **out)
{
	prog_ctx *c = ud;
	const rencana *r = c->a->r;
	const char **items;
	arena tmp = { NULL };
	size_t i;
	int k;

	if (r->n_sasaran == 0) {
		ui_msg(UI_MSG_HINT, _("There is no sasaran yet (step 2)."));
		return false;
	}
	if ((items = calloc(r->n_sasaran, sizeof *items)) == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < r->n_sasaran; i++)
		items[i] = arena_printf(&tmp, "%s \xe2\x80\x94 %s", r->sasaran[i].kode,
					r->sasaran[i].uraian != NULL ? r->sasaran[i].uraian : "");
	k = ui_choose(_("Add a supported sasaran"), items, r->n_sasaran, 0);
	free(items);
	arena_free(&tmp);
	if (k < 0)
		return false;
	if (*cur && ui_contains(cur, r->sasaran[k].kode))
		*out = strdup(cur);
	else {
		size_t n = strlen(cur) + strlen(r->sasaran[k].kode) + 3;

		if ((*out = malloc(n)) == NULL)
			lk_fatal("out of memory");
		snprintf(*out, n, "%s%s%s", cur, *cur ? ", " : "", r->sasaran[k].kode);
	}
	return true;
}

static int
prog_form(prog_ctx *c, int step, long idx, size_t at, const draft *restore)
{
	app *a = c->a;
	char ent[128];
	form_spec s;

	c->idx = idx;
	c->at = at;
	if (idx >= 0)
		snprintf(ent, sizeof ent, "%s", a->r->program[idx].kode);
	else
		snprintf(ent, sizeof ent, "+%zu", at);
	memset(&s, 0, sizeof s);
	s.aksi = AKSI_UBAH_RENCANA;
	s.fd = c->fd;
	s.title = app_form_title(a, AF_PROGRAM);
	s.subtitle = idx >= 0 ? a->r->program[idx].kode : _("new");
	s.step = step;
	s.help = _("A budget program: its annual budget (pagu), the planned cumulative "
		   "spending up to each quarter when there is such a plan, and the sasaran "
		   "it supports (printed as its note).");
	s.get = prog_get;
	s.apply = prog_apply;
	s.pick_field = "sasaran";
	s.pick = pick_sasaran;
	s.ud = c;
	s.dk = scr_dk(a, "program", ent);
	s.dk.tw = 0;
	s.restore = restore;
	return form_run(a, &s);
}

static const char *
prog_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	prog_ctx *c = ud;
	const program *p = &c->a->r->program[row];
	char num[DEC_BUFSZ];
	size_t i;

	switch (col) {
	case 0: return p->kode;
	case 1: return p->uraian;
	case 2:
		snprintf(buf, n, "%s", p->anggaran_kosong ? _("(blank)") :
			 dec_format_uang(p->anggaran, num));
		return buf;
	default:
		buf[0] = '\0';
		for (i = 0; i < p->n_sasaran; i++) {
			if (i > 0)
				strncat(buf, ", ", n - strlen(buf) - 1);
			strncat(buf, p->sasaran[i], n - strlen(buf) - 1);
		}
		return buf;
	}
}

static void
prog_footer(void *ud, size_t row, int y, int x, int h, int w)
{
	prog_ctx *c = ud;
	const rencana *r = c->a->r;
	char buf[200], num[DEC_BUFSZ];
	int64_t total = 0;
	size_t i;

	(void)row;
	(void)h;
	for (i = 0; i < r->n_program; i++)
		if (dec_add(total, r->program[i].anggaran, &total) != 0)
			break;
	snprintf(buf, sizeof buf, _("%zu programs, total budget Rp %s"), r->n_program,
		 dec_format_uang(total, num));
	ui_put(y, x, w, buf, theme_attr(TR_HINT), false, false);
}

int
scr_program(app *a, int step, const draft *restore)
{
	list_col cols[4] = {
		{ NULL, 10, false, false, 0 }, { NULL, 20, true, false, 0 },
		{ NULL, 17, false, true, 0 }, { NULL, 10, false, false, 0 },
	};
	prog_ctx c;
	list l;
	int result = -1, act, r;

	cols[0].title = _("Code");
	cols[1].title = _("Program");
	cols[2].title = _("Budget (Rp)");
	cols[3].title = _("Sasaran");
	memset(&c, 0, sizeof c);
	c.a = a;
	c.fd = a->fd[AF_PROGRAM];
	if (formdesc_field(c.fd, "sasaran") == NULL) {
		/* The shipped form has no field for the supported sasaran. */
		c.fd = form_desc_copy(&a->mem, a->fd[AF_PROGRAM]);
		form_desc_add(&a->mem, c.fd, "sasaran", _("Sasaran supported"), FD_TEXT,
			      30, 1, false, 500,
			      _("Codes separated by commas, e.g. SS1, SS3; Enter adds one from a list"));
	}
	memset(&l, 0, sizeof l);
	l.title = scr_step_name(step);
	l.step = step;
	l.detail_col = 2;       /* the whole text of the row on the cursor */
	l.cols = cols;
	l.ncol = 4;
	l.cell = prog_cell;
	l.footer = prog_footer;
	l.footer_rows = 1;
	l.ud = &c;
	l.acts = scr_list_acts;
	l.help_acts = scr_list_help_acts;
	l.help = _("The budget programs of the year, in report order.");
	l.empty = _("No program yet. Press Ins (or a) to add one.");
	list_init(&l);
	list_open(&l);
	if (restore != NULL) {
		long idx = -1;
		size_t at = a->r->n_program, i;

		if (restore->entity[0] == '+') {
			at = (size_t)strtoul(restore->entity + 1, NULL, 10);
			if (at > a->r->n_program)
				at = a->r->n_program;
		}
		for (i = 0; i < a->r->n_program; i++)
			if (strcmp(a->r->program[i].kode, restore->entity) == 0)
				idx = (long)i;
		result = scr_pass(prog_form(&c, step, idx, at, restore));
	}
	while (result < 0) {
		l.nrows = a->r->n_program;
		act = list_run(&l);
		switch (act) {
		case ACT_ENTER:
		case ACT_EDIT:
			if (l.nrows > 0)
				result = scr_pass(prog_form(&c, step, (long)l.sel, 0, NULL));
			break;
		case ACT_ADD:
			if (!app_can_edit(a, AKSI_UBAH_RENCANA))
				break;
			r = prog_form(&c, step, -1, l.nrows > 0 ? l.sel + 1 : 0, NULL);
				if (r == FORM_SAVED)
					l.sel = (size_t)c.idx;
				result = scr_pass(r);
			break;
		case ACT_DELETE:
			if (l.nrows == 0 || !app_can_edit(a, AKSI_UBAH_RENCANA))
				break;
			{
				char what[300];

				snprintf(what, sizeof what, _("the program %s with its realisations"),
					 a->r->program[l.sel].kode);
				if (scr_confirm_delete(what)) {
					rencana_delete_program(a->r, l.sel);
					app_save(a, AKSI_UBAH_RENCANA);
				}
			}
			break;
		case ACT_MOVE_UP:
			if (l.sel > 0 && app_can_edit(a, AKSI_UBAH_RENCANA)) {
				rencana_move_program(a->r, l.sel, l.sel - 1);
				l.sel--;
				app_save(a, AKSI_UBAH_RENCANA);
			}
			break;
		case ACT_MOVE_DOWN:
			if (l.sel + 1 < l.nrows && app_can_edit(a, AKSI_UBAH_RENCANA)) {
				rencana_move_program(a->r, l.sel, l.sel + 1);
				l.sel++;
				app_save(a, AKSI_UBAH_RENCANA);
			}
			break;
		default:
			result = scr_list_other(a, act);
		}
	}
	list_close(&l);
	return result;
}
