/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_sasaran.c - step 2: the sasaran strategis and their IKU,
 * in one list (each sasaran with its IKU below it). */
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
/* step 2: sasaran and their IKU, one list */

typedef struct srow {
	bool is_iku;
	size_t s, i;
} srow;

typedef struct sas_ctx {
	app *a;
	srow *rows;
	size_t n;
	/* form */
	long s, i;          /* edited entries, -1 new */
	size_t at;
	char num[64];
} sas_ctx;

static void
sas_rows(sas_ctx *c)
{
	rencana *r = c->a->r;
	size_t n = 0, k = 0, i, j;

	for (i = 0; i < r->n_sasaran; i++)
		n += 1 + r->sasaran[i].n_iku;
	free(c->rows);
	if ((c->rows = calloc(n + 1, sizeof *c->rows)) == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < r->n_sasaran; i++) {
		c->rows[k++] = (srow){ false, i, 0 };
		for (j = 0; j < r->sasaran[i].n_iku; j++)
			c->rows[k++] = (srow){ true, i, j };
	}
	c->n = n;
}

static const char *
sas_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	sas_ctx *c = ud;
	const srow *x = &c->rows[row];
	const sasaran *s = &c->a->r->sasaran[x->s];
	const iku *k;
	char num[DEC_BUFSZ];

	if (!x->is_iku) {
		switch (col) {
		case 0: return s->kode;
		case 1: return s->uraian;
		case 2: return s->bidang != NULL ? s->bidang : "";
		case 3:
			snprintf(buf, n, _("%zu IKU"), s->n_iku);
			return buf;
		default: return "";
		}
	}
	k = &s->iku[x->i];
	switch (col) {
	case 0:
		snprintf(buf, n, "  %s", k->kode);
		return buf;
	case 1:
		snprintf(buf, n, "  %s", k->uraian);
		return buf;
	case 2: return k->satuan;
	case 3:
		snprintf(buf, n, "%s", k->target_kosong ? _("(blank)") :
			 dec_format_nilai(k->target, num));
		return buf;
	default: return k->polaritas == POLARITAS_NEGATIF ? _("negative") : _("positive");
	}
}

static attr_t
sas_attr(void *ud, size_t row, size_t col)
{
	sas_ctx *c = ud;

	(void)col;
	return c->rows[row].is_iku ? A_NORMAL : theme_attr(TR_GROUP);
}

static const char *
sas_get(void *ud, const char *name)
{
	sas_ctx *c = ud;
	const sasaran *s;

	if (c->s < 0)
		return NULL;
	s = &c->a->r->sasaran[c->s];
	if (strcmp(name, "kode") == 0) return s->kode;
	if (strcmp(name, "uraian") == 0) return s->uraian;
	if (strcmp(name, "bidang") == 0) return s->bidang;
	return NULL;
}

static int
sas_apply(void *ud, const form *f, form_fail *fail)
{
	sas_ctx *c = ud;
	app *a = c->a;
	const char *kode = form_value(f, "kode"), *v;
	sasaran *s, *other = kode != NULL ? rencana_find_sasaran(a->r, kode) : NULL;

	if (other != NULL && (c->s < 0 || other != &a->r->sasaran[c->s])) {
		snprintf(fail->msg, sizeof fail->msg, _("the code %s is already used"), kode);
		fail->field = "kode";
		return 1;
	}
	if ((v = form_value(f, "bidang")) != NULL && *v &&
	    rencana_find_bidang(a->r, v) == NULL) {
		snprintf(fail->msg, sizeof fail->msg,
			 _("there is no division %s (Enter shows the list)"), v);
		fail->field = "bidang";
		return 1;
	}
	if (c->s < 0) {
		s = rencana_add_sasaran(a->r, c->at);
		s->kode = scr_dup(a, kode);
		c->s = (long)c->at;
	} else {
		s = &a->r->sasaran[c->s];
		if (kode != NULL)
			rencana_rename_sasaran(a->r, s, kode);
	}
	if ((v = form_value(f, "uraian")) != NULL) s->uraian = scr_dup(a, v);
	if ((v = form_value(f, "bidang")) != NULL) s->bidang = scr_dup(a, v);
	return app_save(a, AKSI_UBAH_RENCANA) == 0 ? 0 : 1;
}

static bool
pick_bidang(void *ud, const char *cur, char **out)
{
	sas_ctx *c = ud;
	const instansi *in = &c->a->r->instansi;
	const char **items = calloc(in->n_bidang + 1, sizeof *items);
	arena tmp = { NULL };
	size_t i, sel = 0;
	int r;

	if (items == NULL)
		lk_fatal("out of memory");
	items[0] = _("(no division)");
	for (i = 0; i < in->n_bidang; i++) {
		items[i + 1] = arena_printf(&tmp, "%s \xe2\x80\x94 %s", in->bidang[i].kode,
					    in->bidang[i].nama != NULL ? in->bidang[i].nama : "");
		if (strcmp(cur, in->bidang[i].kode) == 0)
			sel = i + 1;
	}
	r = ui_choose(_("Division"), items, in->n_bidang + 1, sel);
	free(items);
	arena_free(&tmp);
	if (r < 0)
		return false;
	*out = strdup(r == 0 ? "" : in->bidang[r - 1].kode);
	return *out != NULL;
}

static int
sas_form(sas_ctx *c, int step, long si, size_t at, const draft *restore)
{
	app *a = c->a;
	char ent[128];
	form_spec s;

	c->s = si;
	c->at = at;
	if (si >= 0)
		snprintf(ent, sizeof ent, "%s", a->r->sasaran[si].kode);
	else
		snprintf(ent, sizeof ent, "+%zu", at);
	memset(&s, 0, sizeof s);
	s.aksi = AKSI_UBAH_RENCANA;
	s.fd = a->fd[AF_SASARAN];
	s.title = app_form_title(a, AF_SASARAN);
	s.subtitle = si >= 0 ? a->r->sasaran[si].kode : _("new");
	s.step = step;
	s.help = _("A strategic objective (sasaran strategis) of the Renstra. Its IKU "
		   "are added in the list, under it.");
	s.get = sas_get;
	s.apply = sas_apply;
	s.pick_field = "bidang";
	s.pick = pick_bidang;
	s.ud = c;
	s.dk = scr_dk(a, "sasaran", ent);
	s.dk.tw = 0;
	s.restore = restore;
	return form_run(a, &s);
}

static const char *
iku_get(void *ud, const char *name)
{
	sas_ctx *c = ud;
	const iku *k;
	int tw;

	if (c->i < 0)
		return strcmp(name, "polaritas") == 0 ? "positif" : NULL;
	k = &c->a->r->sasaran[c->s].iku[c->i];
	if (strcmp(name, "kode") == 0) return k->kode;
	if (strcmp(name, "uraian") == 0) return k->uraian;
	if (strcmp(name, "satuan") == 0) return k->satuan;
	if (strcmp(name, "polaritas") == 0) return polaritas_nama(k->polaritas);
	if (strcmp(name, "target") == 0)
		return k->target_kosong ? "" : scr_nilai(k->target, c->num);
	if (strncmp(name, "target_tw", 9) == 0 && (tw = atoi(name + 9)) >= 1 && tw <= 4)
		return k->ada_target_tw[tw] ? scr_nilai(k->target_tw[tw], c->num) : NULL;
	if (strcmp(name, "baseline_tahun") == 0 && k->ada_baseline) {
		snprintf(c->num, sizeof c->num, "%d", k->baseline_tahun);
		return c->num;
	}
	if (strcmp(name, "baseline") == 0)
		return k->ada_baseline ? scr_nilai(k->baseline_nilai, c->num) : NULL;
	if (strcmp(name, "standar_nasional") == 0)
		return k->ada_standar_nasional ? scr_nilai(k->standar_nasional, c->num)
		    : NULL;
	return NULL;
}

/* The baseline as the form gives it (both fields, or neither: a form
 * without them leaves it as it is): *set says whether the form has
 * them.  The exchange format's rules: a year and a value together, the
 * year before the Renstra period.  Non-zero with fail filled. */
static int
iku_baseline(const app *a, const form *f, bool *set, bool *ada, int *tahun,
	     int64_t *nilai, form_fail *fail)
{
	const char *t = form_value(f, "baseline_tahun"), *v = form_value(f, "baseline");
	const renstra *rs = &a->r->renstra;

	*set = t != NULL && v != NULL;
	if (!*set)
		return 0;
	*ada = *t != '\0' || *v != '\0';
	if (!*ada)
		return 0;
	if (*t == '\0' || *v == '\0') {
		snprintf(fail->msg, sizeof fail->msg, "%s", _("a baseline is a year "
			 "and its value: give both, or neither"));
		fail->field = *t == '\0' ? "baseline_tahun" : "baseline";
		return 1;
	}
	*tahun = atoi(t);
	if (rs->ada && *tahun >= rs->awal) {
		snprintf(fail->msg, sizeof fail->msg, _("the baseline is the value "
			 "before the Renstra period (%d-%d)"), rs->awal, rs->akhir);
		fail->field = "baseline_tahun";
		return 1;
	}
	scr_parse(v, DEC_NILAI, nilai);
	return 0;
}

static int
iku_apply(void *ud, const form *f, form_fail *fail)
{
	sas_ctx *c = ud;
	app *a = c->a;
	const char *kode = form_value(f, "kode"), *v;
	iku *k, *other = kode != NULL ? rencana_find_iku(a->r, kode, NULL) : NULL;
	sasaran *s = &a->r->sasaran[c->s];
	char name[32];
	int tw, p, b_tahun = 0;
	bool b_set, b_ada = false;
	int64_t b_nilai = 0;

	if (other != NULL && (c->i < 0 || other != &s->iku[c->i])) {
		snprintf(fail->msg, sizeof fail->msg, _("the code %s is already used"), kode);
		fail->field = "kode";
		return 1;
	}
	if (iku_baseline(a, f, &b_set, &b_ada, &b_tahun, &b_nilai, fail) != 0)
		return 1;
	if (c->i < 0) {
		k = rencana_add_iku(a->r, s, c->at);
		c->i = (long)c->at;
	} else {
		k = &s->iku[c->i];
	}
	if (kode != NULL) k->kode = scr_dup(a, kode);
	if ((v = form_value(f, "uraian")) != NULL) k->uraian = scr_dup(a, v);
	if ((v = form_value(f, "satuan")) != NULL) k->satuan = scr_dup(a, v);
	if ((v = form_value(f, "polaritas")) != NULL && (p = polaritas_parse(v)) >= 0)
		k->polaritas = (enum polaritas)p;
	if ((v = form_value(f, "target")) != NULL) {
		k->target = 0;
		k->target_kosong = false;
		scr_parse(v, DEC_NILAI, &k->target);
	}
	for (tw = 1; tw <= TW_MAX; tw++) {
		snprintf(name, sizeof name, "target_tw%d", tw);
		if ((v = form_value(f, name)) == NULL)
			continue;
		k->ada_target_tw[tw] = scr_parse(v, DEC_NILAI, &k->target_tw[tw]);
		if (!k->ada_target_tw[tw])
			k->target_tw[tw] = 0;
	}
	if (b_set) {
		k->ada_baseline = b_ada;
		k->baseline_tahun = b_ada ? b_tahun : 0;
		k->baseline_nilai = b_ada ? b_nilai : 0;
	}
	if ((v = form_value(f, "standar_nasional")) != NULL) {
		k->ada_standar_nasional = scr_parse(v, DEC_NILAI, &k->standar_nasional);
		if (!k->ada_standar_nasional)
			k->standar_nasional = 0;
	}
	return app_save(a, AKSI_UBAH_RENCANA) == 0 ? 0 : 1;
}

static int
iku_form(sas_ctx *c, int step, long si, long ii, size_t at, const draft *restore)
{
	app *a = c->a;
	char ent[160], sub[300];
	form_spec s;

	c->s = si;
	c->i = ii;
	c->at = at;
	if (ii >= 0)
		snprintf(ent, sizeof ent, "%s/%s", a->r->sasaran[si].kode,
			 a->r->sasaran[si].iku[ii].kode);
	else
		snprintf(ent, sizeof ent, "%s/+%zu", a->r->sasaran[si].kode, at);
	snprintf(sub, sizeof sub, "%s \xc2\xb7 %s", ii >= 0 ? a->r->sasaran[si].iku[ii].kode :
		 _("new"), a->r->sasaran[si].kode);
	memset(&s, 0, sizeof s);
	s.aksi = AKSI_UBAH_RENCANA;
	s.fd = a->fd[AF_IKU];
	s.title = app_form_title(a, AF_IKU);
	s.subtitle = sub;
	s.step = step;
	s.help = _("A key performance indicator (IKU) of the sasaran: its unit, whether "
		   "a higher or a lower value is better, the annual target (Target RENJA), "
		   "when planned the cumulative target up to each quarter, and for the "
		   "LKjIP its baseline and a national standard to compare with.");
	s.get = iku_get;
	s.apply = iku_apply;
	s.ud = c;
	s.dk = scr_dk(a, "iku", ent);
	s.dk.tw = 0;
	s.restore = restore;
	return form_run(a, &s);
}

static int
sas_restore(sas_ctx *c, int step, const draft *d)
{
	rencana *r = c->a->r;
	const char *slash = strchr(d->entity, '/');
	size_t i, j;

	if (strcmp(d->form, "sasaran") == 0) {
		if (d->entity[0] == '+') {
			size_t at = (size_t)strtoul(d->entity + 1, NULL, 10);

			return sas_form(c, step, -1, at > r->n_sasaran ? r->n_sasaran : at, d);
		}
		for (i = 0; i < r->n_sasaran; i++)
			if (strcmp(r->sasaran[i].kode, d->entity) == 0)
				return sas_form(c, step, (long)i, 0, d);
		return sas_form(c, step, -1, r->n_sasaran, d);
	}
	if (slash == NULL)
		return FORM_CANCELLED;
	for (i = 0; i < r->n_sasaran; i++) {
		const sasaran *s = &r->sasaran[i];

		if (strncmp(s->kode, d->entity, (size_t)(slash - d->entity)) != 0 ||
		    s->kode[slash - d->entity] != '\0')
			continue;
		if (slash[1] == '+') {
			size_t at = (size_t)strtoul(slash + 2, NULL, 10);

			return iku_form(c, step, (long)i, -1, at > s->n_iku ? s->n_iku : at, d);
		}
		for (j = 0; j < s->n_iku; j++)
			if (strcmp(s->iku[j].kode, slash + 1) == 0)
				return iku_form(c, step, (long)i, (long)j, 0, d);
		return iku_form(c, step, (long)i, -1, s->n_iku, d);
	}
	ui_msg(UI_MSG_ERROR, _("The sasaran of this draft no longer exists."));
	return FORM_CANCELLED;
}

/* Row index of sasaran si (or of its IKU ii). */
static size_t
sas_find_row(const sas_ctx *c, size_t si, long ii)
{
	size_t k;

	for (k = 0; k < c->n; k++)
		if (c->rows[k].s == si && (ii < 0 ? !c->rows[k].is_iku :
					   c->rows[k].is_iku && c->rows[k].i == (size_t)ii))
			return k;
	return 0;
}

static int
sas_add(sas_ctx *c, list *l, int step)
{
	rencana *r = c->a->r;
	const char *items[2];
	char buf[300];
	int choice = 0, rc;
	srow x;

	if (!app_can_edit(c->a, AKSI_UBAH_RENCANA))
		return FORM_CANCELLED;
	if (c->n > 0) {
		x = c->rows[l->sel];
		items[0] = _("A new sasaran");
		snprintf(buf, sizeof buf, _("A new IKU of %s"), r->sasaran[x.s].kode);
		items[1] = buf;
		if ((choice = ui_choose(_("Add"), items, 2, 1)) < 0)
			return ui_terminating() ? FORM_TERMINATED : FORM_CANCELLED;
	}
	if (choice == 0) {
		size_t at = c->n > 0 ? c->rows[l->sel].s + 1 : 0;

		rc = sas_form(c, step, -1, at, NULL);
		if (rc == FORM_SAVED) {
			sas_rows(c);
			l->sel = sas_find_row(c, (size_t)c->s, -1);
		}
	} else {
		x = c->rows[l->sel];
		rc = iku_form(c, step, (long)x.s, -1,
			      x.is_iku ? x.i + 1 : r->sasaran[x.s].n_iku, NULL);
		if (rc == FORM_SAVED) {
			sas_rows(c);
			l->sel = sas_find_row(c, (size_t)c->s, c->i);
		}
	}
	return rc;
}

static void
sas_delete(sas_ctx *c, list *l)
{
	rencana *r = c->a->r;
	srow x;
	char what[400];

	if (c->n == 0 || !app_can_edit(c->a, AKSI_UBAH_RENCANA))
		return;
	x = c->rows[l->sel];
	if (x.is_iku)
		snprintf(what, sizeof what, _("the IKU %s"), r->sasaran[x.s].iku[x.i].kode);
	else
		snprintf(what, sizeof what, _("the sasaran %s with its %zu IKU, narratives "
					      "and tables"), r->sasaran[x.s].kode,
			 r->sasaran[x.s].n_iku);
	if (!scr_confirm_delete(what))
		return;
	if (x.is_iku)
		rencana_delete_iku(r, &r->sasaran[x.s], x.i);
	else
		rencana_delete_sasaran(r, x.s);
	app_save(c->a, AKSI_UBAH_RENCANA);
}

static void
sas_move(sas_ctx *c, list *l, int dir)
{
	rencana *r = c->a->r;
	srow x;

	if (c->n == 0 || !app_can_edit(c->a, AKSI_UBAH_RENCANA))
		return;
	x = c->rows[l->sel];
	if (x.is_iku) {
		sasaran *s = &r->sasaran[x.s];

		if ((dir < 0 && x.i == 0) || (dir > 0 && x.i + 1 >= s->n_iku))
			return;
		rencana_move_iku(r, s, x.i, dir < 0 ? x.i - 1 : x.i + 1);
		sas_rows(c);
		l->sel = sas_find_row(c, x.s, (long)(dir < 0 ? x.i - 1 : x.i + 1));
	} else {
		if ((dir < 0 && x.s == 0) || (dir > 0 && x.s + 1 >= r->n_sasaran))
			return;
		rencana_move_sasaran(r, x.s, dir < 0 ? x.s - 1 : x.s + 1);
		sas_rows(c);
		l->sel = sas_find_row(c, dir < 0 ? x.s - 1 : x.s + 1, -1);
	}
	app_save(c->a, AKSI_UBAH_RENCANA);
}

int
scr_sasaran(app *a, int step, const draft *restore)
{
	list_col cols[5] = {
		{ NULL, 10, false, false, 0 }, { NULL, 20, true, false, 0 },
		{ NULL, 12, false, false, 0 }, { NULL, 10, false, true, 0 },
		{ NULL, 9, false, false, 100 },
	};
	sas_ctx c;
	list l;
	int result = -1, act;

	cols[0].title = _("Code");
	cols[1].title = _("Sasaran / indicator");
	cols[2].title = _("Div./unit");
	cols[3].title = _("Target");
	cols[4].title = _("Polarity");
	memset(&c, 0, sizeof c);
	c.a = a;
	memset(&l, 0, sizeof l);
	l.title = scr_step_name(step);
	l.step = step;
	l.detail_col = 2;       /* the whole text of the row on the cursor */
	l.cols = cols;
	l.ncol = 5;
	l.cell = sas_cell;
	l.attr = sas_attr;
	l.ud = &c;
	l.acts = scr_list_acts;
	l.help_acts = scr_list_help_acts;
	l.help = _("Each sasaran (in bold) with its IKU below it. Enter edits the "
		   "selected line; Ins adds a sasaran or an IKU of the selected sasaran; "
		   "Del deletes; - and + move a line within its group.");
	l.empty = _("No sasaran yet. Press Ins (or a) to add the first one.");
	list_init(&l);
	sas_rows(&c);
	list_open(&l);
	if (restore != NULL)
		result = scr_pass(sas_restore(&c, step, restore));
	while (result < 0) {
		sas_rows(&c);
		l.nrows = c.n;
		act = list_run(&l);
		switch (act) {
		case ACT_ENTER:
		case ACT_EDIT:
			if (c.n == 0)
				break;
			result = scr_pass(c.rows[l.sel].is_iku ?
			    iku_form(&c, step, (long)c.rows[l.sel].s, (long)c.rows[l.sel].i, 0, NULL) :
			    sas_form(&c, step, (long)c.rows[l.sel].s, 0, NULL));
			break;
		case ACT_ADD:
			result = scr_pass(sas_add(&c, &l, step));
			break;
		case ACT_DELETE:
			sas_delete(&c, &l);
			break;
		case ACT_MOVE_UP:
			sas_move(&c, &l, -1);
			break;
		case ACT_MOVE_DOWN:
			sas_move(&c, &l, 1);
			break;
		default:
			result = scr_list_other(a, act);
		}
	}
	list_close(&l);
	free(c.rows);
	return result;
}

