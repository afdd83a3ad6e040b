/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_profil.c - step 1: the agency and its signer, and its
 * divisions (bidang). */
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

static bool
valid_kode_instansi(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

/* Put a pejabat's fields (prefix_nama, ...) from the form. */
static void
take_pejabat(app *a, const form *f, const char *prefix, pejabat *p)
{
	static const char *const part[] = { "nama", "jabatan", "pangkat", "nip" };
	char **slot[] = { &p->nama, &p->jabatan, &p->pangkat, &p->nip };
	char name[64];
	size_t i;

	for (i = 0; i < 4; i++) {
		const char *v;

		snprintf(name, sizeof name, "%s_%s", prefix, part[i]);
		if ((v = form_value(f, name)) != NULL)
			*slot[i] = scr_dup(a, v);
	}
}

static const char *
give_pejabat(const pejabat *p, const char *prefix, const char *name)
{
	size_t n = strlen(prefix);

	if (strncmp(name, prefix, n) != 0 || name[n] != '_')
		return NULL;
	name += n + 1;
	if (strcmp(name, "nama") == 0) return p->nama;
	if (strcmp(name, "jabatan") == 0) return p->jabatan;
	if (strcmp(name, "pangkat") == 0) return p->pangkat;
	if (strcmp(name, "nip") == 0) return p->nip;
	return NULL;
}


/* ------------------------------------------------------------------ */
/* instansi */

typedef struct inst_ctx {
	app *a;
	bool create;
} inst_ctx;

static const char *
inst_get(void *ud, const char *name)
{
	inst_ctx *c = ud;
	const instansi *in = &c->a->r->instansi;

	if (strcmp(name, "kode") == 0) return in->kode;
	if (strcmp(name, "nama") == 0) return in->nama;
	if (strcmp(name, "pemerintah") == 0) return in->pemerintah;
	if (strcmp(name, "kota") == 0) return in->kota;
	if (strcmp(name, "logo") == 0) return in->logo;
	return give_pejabat(&in->kepala, "kepala", name);
}

static int
inst_apply(void *ud, const form *f, form_fail *fail)
{
	inst_ctx *c = ud;
	app *a = c->a;
	instansi *in = &a->r->instansi;
	const char *v;

	if ((v = form_value(f, "kode")) != NULL) {
		if (!valid_kode_instansi(v)) {
			snprintf(fail->msg, sizeof fail->msg,
				 _("use lowercase letters, digits and '-' only, e.g. kesbangpol-kalteng"));
			fail->field = "kode";
			return 1;
		}
		if (!c->create && in->kode != NULL && strcmp(v, in->kode) != 0) {
			snprintf(fail->msg, sizeof fail->msg,
				 _("the agency code names the agency in the database and cannot "
				   "be changed here (it was %s)"), in->kode);
			fail->field = "kode";
			return 1;
		}
		if (c->create) {
			char **kode = NULL;
			size_t n = 0, i;
			bool used = false;

			if (store_list_instansi(a->st, &kode, &n, NULL) == 0) {
				for (i = 0; i < n; i++)
					used |= strcmp(kode[i], v) == 0;
				store_free_strv(kode, n);
			}
			if (used) {
				snprintf(fail->msg, sizeof fail->msg,
					 _("an agency with the code %s already exists"), v);
				fail->field = "kode";
				return 1;
			}
		}
		in->kode = scr_dup(a, v);
	}
	if ((v = form_value(f, "nama")) != NULL) in->nama = scr_dup(a, v);
	if ((v = form_value(f, "pemerintah")) != NULL) in->pemerintah = scr_dup(a, v);
	if ((v = form_value(f, "kota")) != NULL) in->kota = scr_dup(a, v);
	if ((v = form_value(f, "logo")) != NULL) in->logo = scr_dup(a, v);
	take_pejabat(a, f, "kepala", &in->kepala);
	if (c->create) {
		free(a->instansi);
		a->instansi = strdup(in->kode);
	}
	return app_save(a, AKSI_UBAH_RENCANA) == 0 ? 0 : 1;
}

int
scr_instansi_form(app *a, int step, bool create, const draft *restore)
{
	inst_ctx c = { a, create };
	form_spec s;

	memset(&s, 0, sizeof s);
	s.aksi = AKSI_UBAH_RENCANA;
	s.fd = a->fd[AF_INSTANSI];
	s.title = create ? _("New agency") : app_form_title(a, AF_INSTANSI);
	s.subtitle = create ? NULL : a->r->instansi.nama;
	s.step = step;
	s.help = _("The agency and its head, who signs the report: the name as printed "
		   "on the cover, the place printed with the date, and the head's name, "
		   "position, rank and NIP as printed under the signature.");
	s.get = inst_get;
	s.apply = inst_apply;
	s.ud = &c;
	s.dk = scr_dk(a, "instansi", create ? "+" : a->instansi);
	s.dk.tw = 0;
	s.restore = restore;
	return form_run(a, &s);
}

/* ------------------------------------------------------------------ */
/* bidang */

typedef struct bid_ctx {
	app *a;
	long idx;           /* the bidang edited, -1 for a new one */
	size_t at;          /* where a new one goes */
} bid_ctx;

static const char *
bid_get(void *ud, const char *name)
{
	bid_ctx *c = ud;
	const bidang *b;

	if (c->idx < 0)
		return NULL;
	b = &c->a->r->instansi.bidang[c->idx];
	if (strcmp(name, "kode") == 0) return b->kode;
	if (strcmp(name, "nama") == 0) return b->nama;
	return b->ada_kepala ? give_pejabat(&b->kepala, "kepala", name) : NULL;
}

static int
bid_apply(void *ud, const form *f, form_fail *fail)
{
	bid_ctx *c = ud;
	app *a = c->a;
	const char *kode = form_value(f, "kode"), *v;
	bidang *b, *other = kode != NULL ? rencana_find_bidang(a->r, kode) : NULL;

	if (other != NULL && (c->idx < 0 || other != &a->r->instansi.bidang[c->idx])) {
		snprintf(fail->msg, sizeof fail->msg, _("the code %s is already used"), kode);
		fail->field = "kode";
		return 1;
	}
	if (c->idx < 0) {
		b = rencana_add_bidang(a->r, c->at);
		b->kode = scr_dup(a, kode);
		c->idx = (long)c->at;
	} else {
		b = &a->r->instansi.bidang[c->idx];
		if (kode != NULL && rencana_rename_bidang(a->r, b, kode) != 0) {
			snprintf(fail->msg, sizeof fail->msg, _("the code %s is already used"), kode);
			fail->field = "kode";
			return 1;
		}
	}
	if ((v = form_value(f, "nama")) != NULL)
		b->nama = scr_dup(a, v);
	take_pejabat(a, f, "kepala", &b->kepala);
	b->ada_kepala = b->kepala.nama != NULL;
	return app_save(a, AKSI_UBAH_RENCANA) == 0 ? 0 : 1;
}

static int
bid_form(app *a, int step, long idx, size_t at, const draft *restore)
{
	bid_ctx c = { a, idx, at };
	char ent[128];
	form_spec s;

	if (idx >= 0)
		snprintf(ent, sizeof ent, "%s", a->r->instansi.bidang[idx].kode);
	else
		snprintf(ent, sizeof ent, "+%zu", at);
	memset(&s, 0, sizeof s);
	s.aksi = AKSI_UBAH_RENCANA;
	s.fd = a->fd[AF_BIDANG];
	s.title = app_form_title(a, AF_BIDANG);
	s.subtitle = idx >= 0 ? a->r->instansi.bidang[idx].kode : _("new");
	s.step = step;
	s.help = _("A division of the agency and, if it has one, its head.");
	s.get = bid_get;
	s.apply = bid_apply;
	s.ud = &c;
	s.dk = scr_dk(a, "bidang", ent);
	s.dk.tw = 0;
	s.restore = restore;
	return form_run(a, &s);
}

static const list_col bid_cols[] = {
	{ N_("Code"), 14, false, false, 0 },
	{ N_("Division"), 20, true, false, 0 },
	{ N_("Head"), 26, false, false, 100 },
};

static const char *
bid_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	app *a = ud;
	const bidang *b = &a->r->instansi.bidang[row];

	(void)buf;
	(void)n;
	switch (col) {
	case 0: return b->kode;
	case 1: return b->nama;
	default: return b->ada_kepala ? b->kepala.nama : "";
	}
}

/* Restore: entity is a kode or "+N". */
static int
bid_restore(app *a, int step, const draft *d)
{
	long idx = -1;
	size_t at = a->r->instansi.n_bidang, i;

	if (d->entity[0] == '+') {
		at = (size_t)strtoul(d->entity + 1, NULL, 10);
		if (at > a->r->instansi.n_bidang)
			at = a->r->instansi.n_bidang;
	} else {
		for (i = 0; i < a->r->instansi.n_bidang; i++)
			if (strcmp(a->r->instansi.bidang[i].kode, d->entity) == 0)
				idx = (long)i;
	}
	return bid_form(a, step, idx, at, d);
}

int
scr_bidang(app *a, int step, const draft *restore)
{
	list_col cols[3];
	list l;
	int result = -1, act, r;
	size_t i;

	for (i = 0; i < 3; i++) {
		cols[i] = bid_cols[i];
		cols[i].title = _(bid_cols[i].title);
	}
	memset(&l, 0, sizeof l);
	l.title = _("Divisions (bidang)");
	l.step = step;
	l.cols = cols;
	l.ncol = 3;
	l.cell = bid_cell;
	l.ud = a;
	l.acts = scr_list_acts;
	l.help_acts = scr_list_help_acts;
	l.help = _("The divisions of the agency. A sasaran names the division "
		   "responsible for it.");
	l.empty = _("No division yet. Press Ins (or a) to add one.");
	list_init(&l);
	list_open(&l);
	if (restore != NULL)
		result = scr_pass(bid_restore(a, step, restore));
	while (result < 0) {
		l.nrows = a->r->instansi.n_bidang;
		act = list_run(&l);
		switch (act) {
		case ACT_ENTER:
		case ACT_EDIT:
			if (l.nrows > 0)
				result = scr_pass(bid_form(a, step, (long)l.sel, 0, NULL));
			break;
		case ACT_ADD:
			if (!app_can_edit(a, AKSI_UBAH_RENCANA))
				break;
			r = bid_form(a, step, -1, l.nrows > 0 ? l.sel + 1 : 0, NULL);
				if (r == FORM_SAVED)
					l.sel = l.nrows > 0 ? l.sel + 1 : 0;
				result = scr_pass(r);
			break;
		case ACT_DELETE:
			if (l.nrows == 0 || !app_can_edit(a, AKSI_UBAH_RENCANA))
				break;
			{
				char what[300];

				snprintf(what, sizeof what, _("the division %s"),
					 a->r->instansi.bidang[l.sel].kode);
				if (scr_confirm_delete(what)) {
					rencana_delete_bidang(a->r, l.sel);
					app_save(a, AKSI_UBAH_RENCANA);
				}
			}
			break;
		case ACT_MOVE_UP:
		case ACT_MOVE_DOWN:
			if (l.nrows < 2 || !app_can_edit(a, AKSI_UBAH_RENCANA))
				break;
			if (act == ACT_MOVE_UP && l.sel > 0) {
				rencana_move_bidang(a->r, l.sel, l.sel - 1);
				l.sel--;
				app_save(a, AKSI_UBAH_RENCANA);
			} else if (act == ACT_MOVE_DOWN && l.sel + 1 < l.nrows) {
				rencana_move_bidang(a->r, l.sel, l.sel + 1);
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

/* ------------------------------------------------------------------ */
/* step 1: profile and bidang */

static const char *
profil_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	app *a = ud;

	if (row == 0) {
		if (col == 0)
			return _("Agency profile and signer");
		snprintf(buf, n, "%s \xc2\xb7 %s", a->r->instansi.nama != NULL ?
			 a->r->instansi.nama : "", a->r->instansi.kepala.nama != NULL ?
			 a->r->instansi.kepala.nama : "");
		return buf;
	}
	if (col == 0)
		return _("Divisions (bidang)");
	snprintf(buf, n, _("%zu divisions"), a->r->instansi.n_bidang);
	return buf;
}

int
scr_profil(app *a, int step, const draft *restore)
{
	static const int acts[] = {
		ACT_HELP, ACT_ENTER, ACT_BACK, ACT_NEXT_STEP, ACT_STEPS, ACT_NONE,
	};
	list_col cols[2] = {
		{ "", 34, false, false, 0 }, { "", 20, true, false, 0 },
	};
	list l;
	int result = -1, r, act;

	cols[0].title = _("Part");
	cols[1].title = _("Now");
	if (restore != NULL) {
		r = strcmp(restore->form, "bidang") == 0 ?
		    scr_bidang(a, step, restore) : scr_instansi_form(a, step, false, restore);
		if (r != FORM_CANCELLED && r != FORM_SAVED)
			return r;
	}
	memset(&l, 0, sizeof l);
	l.title = scr_step_name(step);
	l.step = step;
	l.cols = cols;
	l.ncol = 2;
	l.nrows = 2;
	l.cell = profil_cell;
	l.ud = a;
	l.acts = acts;
	l.help = _("The agency's profile (name, government, city, the head who signs) "
		   "and its divisions. Choose one and press Enter.");
	list_init(&l);
	list_open(&l);
	while (result < 0) {
		act = list_run(&l);
		if (act == ACT_ENTER || act == ACT_EDIT) {
			r = l.sel == 0 ? scr_instansi_form(a, step, false, NULL) :
			    scr_bidang(a, step, NULL);
			if (r != FORM_CANCELLED && r != FORM_SAVED)
				result = r;
		} else {
			result = scr_list_other(a, act);
		}
	}
	list_close(&l);
	return result;
}

