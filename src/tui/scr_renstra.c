/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_renstra.c - the Renstra in the terminal application: its period and
 * each IKU's yearly targets, a grid of IKU by year.
 *
 * Owns: the screen "Renstra targets" of the step menu.  Each row is an
 * IKU with its baseline and its Renstra target of each year of the
 * period (the last years that fit the screen; the year of the plan is
 * marked); Enter opens a form of that IKU's targets, one field a year of
 * the period, with its history (the realisations of the five years
 * before the plan's, for years the database does not hold); k its
 * category bands (an index IKU's kategori); e the period itself (name,
 * first and last year).  What
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
	char fail_field[32];    /* the field a refusal names */
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

/* The entry of year y in v (n entries), or NULL. */
static const tahun_nilai *
year_of(const tahun_nilai *v, size_t n, int y)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].tahun == y)
			return &v[i];
	return NULL;
}

/* The Renstra target of year y, or NULL. */
static const tahun_nilai *
target_of(const iku *k, int y)
{
	return year_of(k->target_renstra, k->n_target_renstra, y);
}

#define HISTORY_YEARS 5         /* the years before the plan's in the form */

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
	int y = atoi(name + 1);
	const tahun_nilai *t = name[0] == 't' ? target_of(c->k, y) :
	    year_of(c->k->riwayat, c->k->n_riwayat, y);

	return t != NULL ? scr_nilai(t->nilai, c->num) : NULL;
}

/* Years lo..hi of what the form f gives under prefix p ("t2023"), the
 * entries of old outside them kept, ascending, in the plan's arena. */
static void
years_from_form(app *a, const form *f, char p, int lo, int hi,
		tahun_nilai **v, size_t *n)
{
	size_t cap = *n + (size_t)(hi - lo + 1), k = 0, i;
	tahun_nilai *t = arena_alloc(&a->r->mem, (cap ? cap : 1) * sizeof *t);
	char name[16];
	int y;

	for (i = 0; i < *n && (*v)[i].tahun < lo; i++)
		t[k++] = (*v)[i];
	for (y = lo; y <= hi; y++) {
		const tahun_nilai *old = year_of(*v, *n, y);
		const char *s;

		snprintf(name, sizeof name, "%c%d", p, y);
		if ((s = form_value(f, name)) == NULL) {
			if (old != NULL)
				t[k++] = *old;
		} else if (*s != '\0') {
			t[k].tahun = y;
			scr_parse(s, DEC_NILAI, &t[k++].nilai);
		}
	}
	for (i = 0; i < *n; i++)
		if ((*v)[i].tahun > hi)
			t[k++] = (*v)[i];
	*v = k ? t : NULL;
	*n = k;
}

static int
tgt_apply(void *ud, const form *f, form_fail *fail)
{
	ren_ctx *c = ud;
	app *a = c->a;
	const renstra *rs = &a->r->renstra;

	(void)fail;
	if (rs->ada)
		years_from_form(a, f, 't', rs->awal, rs->akhir, &c->k->target_renstra,
				&c->k->n_target_renstra);
	years_from_form(a, f, 'r', a->tahun - HISTORY_YEARS, a->tahun - 1,
			&c->k->riwayat, &c->k->n_riwayat);
	return app_save(a, AKSI_UBAH_RENCANA) == 0 ? 0 : 1;
}

/* Form fd of IKU k (subtitle its kode and satuan), saved as the plan. */
static int
iku_form_run(ren_ctx *c, const iku *k, form_desc *fd, const char *title,
	     const char *help, const char *(*get)(void *, const char *),
	     int (*apply)(void *, const form *, form_fail *))
{
	char sub[200];
	form_spec s;

	snprintf(sub, sizeof sub, "%s \xc2\xb7 %s", k->kode, k->satuan ? k->satuan : "");
	memset(&s, 0, sizeof s);
	s.aksi = AKSI_UBAH_RENCANA;
	s.fd = fd;
	s.title = title;
	s.subtitle = sub;
	s.help = help;
	s.get = get;
	s.apply = apply;
	s.ud = c;
	return form_run(c->a, &s);
}

static int
tgt_form(ren_ctx *c, iku *k)
{
	app *a = c->a;
	const renstra *rs = &a->r->renstra;
	form_desc *fd;
	char name[16], label[64];

	c->k = k;
	fd = form_desc_new(&a->mem, "renstra_target", _("Renstra targets"));
	for (int y = rs->awal; rs->ada && y <= rs->akhir; y++) {
		snprintf(name, sizeof name, "t%d", y);
		snprintf(label, sizeof label, y == rs->akhir ? _("Target %d (end)") :
			 _("Target %d"), y);
		form_desc_add(&a->mem, fd, name, label, FD_DECIMAL, 14, 1, false, 0,
			      _("The Renstra's target of that year; a comma for "
				"decimals; empty = none"));
	}
	for (int y = a->tahun - HISTORY_YEARS; y < a->tahun; y++) {
		snprintf(name, sizeof name, "r%d", y);
		snprintf(label, sizeof label, _("Realised %d"), y);
		form_desc_add(&a->mem, fd, name, label, FD_DECIMAL, 14, 1, false, 0,
			      _("History: the realisation of that year, for a year "
				"the database holds no plan of; empty = none"));
	}
	return iku_form_run(c, k, fd, _("Renstra targets"),
			    _("The targets the Renstra sets this IKU, year by year. The last "
			    "year's is the medium-term target the LKjIP compares the year's "
			    "realisation with; a new year's plan takes its target from here. "
			    "Then its history: the realisations of earlier years the database "
			    "holds no plan of (a year it holds counts instead)."),
			    tgt_get, tgt_apply);
}

/* ---- the category bands of an index IKU ---- */

#define BANDS 5

static const char *const syarat_name[] = {
	[KATEGORI_SISA] = "sisa",
	[KATEGORI_LEBIH_DARI] = "lebih_dari",
	[KATEGORI_MINIMAL] = "minimal",
};

static const char *
kat_get(void *ud, const char *name)
{
	ren_ctx *c = ud;
	const iku *k = c->k;
	size_t i = (size_t)atoi(name + strcspn(name, "0123456789")) - 1;
	const kategori_band *b = i < k->n_kategori ? &k->kategori[i] : NULL;

	if (strncmp(name, "syarat", 6) == 0)
		return b != NULL ? syarat_name[b->syarat] : "sisa";
	if (b == NULL)
		return NULL;
	if (strncmp(name, "label", 5) == 0)
		return b->label;
	return b->syarat != KATEGORI_SISA ? scr_nilai(b->batas, c->num) : NULL;
}

static int
kat_fail(ren_ctx *c, form_fail *fail, const char *what, size_t i, const char *msg)
{
	snprintf(fail->msg, sizeof fail->msg, _("band %zu: %s"), i + 1, msg);
	snprintf(c->fail_field, sizeof c->fail_field, "%s%zu", what, i + 1);
	fail->field = c->fail_field;
	return 1;
}

static int
kat_apply(void *ud, const form *f, form_fail *fail)
{
	ren_ctx *c = ud;
	kategori_band b[BANDS];
	size_t n = 0, i;
	char name[16];

	for (i = 0; i < BANDS; i++) {
		const char *l, *sy, *bt;

		snprintf(name, sizeof name, "label%zu", i + 1);
		l = form_value(f, name);
		snprintf(name, sizeof name, "syarat%zu", i + 1);
		sy = form_value(f, name);
		snprintf(name, sizeof name, "batas%zu", i + 1);
		bt = form_value(f, name);
		if (l == NULL || *l == '\0') {
			if (bt != NULL && *bt != '\0')
				return kat_fail(c, fail, "label", i, _("a band with a bound "
						"needs its label"));
			continue;
		}
		if (n != i)
			return kat_fail(c, fail, "label", n, _("bands follow each other: "
					"no empty band between them"));
		b[n].label = scr_dup(c->a, l);
		b[n].syarat = sy != NULL && strcmp(sy, "lebih_dari") == 0 ?
		    KATEGORI_LEBIH_DARI : sy != NULL && strcmp(sy, "minimal") == 0 ?
		    KATEGORI_MINIMAL : KATEGORI_SISA;
		b[n].batas = 0;
		if (b[n].syarat != KATEGORI_SISA &&
		    (bt == NULL || !scr_parse(bt, DEC_NILAI, &b[n].batas)))
			return kat_fail(c, fail, "batas", i, _("'more than' and 'at "
					"least' need a bound"));
		if (b[n].syarat == KATEGORI_SISA && bt != NULL && *bt != '\0')
			return kat_fail(c, fail, "batas", i, _("a band that takes the "
					"rest has no bound"));
		n++;
	}
	for (i = 0; i < n; i++) {
		bool last = i + 1 == n;

		if (last && b[i].syarat != KATEGORI_SISA)
			return kat_fail(c, fail, "syarat", i, _("the last band takes the "
					"rest: no 'more than' or 'at least'"));
		if (!last && b[i].syarat == KATEGORI_SISA)
			return kat_fail(c, fail, "syarat", i, _("only the last band takes "
					"the rest: give 'more than' or 'at least'"));
		if (i > 0 && !last && (b[i].batas > b[i - 1].batas ||
		    (b[i].batas == b[i - 1].batas &&
		     !(b[i - 1].syarat == KATEGORI_LEBIH_DARI &&
		       b[i].syarat == KATEGORI_MINIMAL))))
			return kat_fail(c, fail, "batas", i, _("bands go from the highest "
					"down: this bound must be below the band above"));
	}
	if (n > 0) {
		c->k->kategori = arena_alloc(&c->a->r->mem, n * sizeof *b);
		memcpy(c->k->kategori, b, n * sizeof *b);
	} else {
		c->k->kategori = NULL;
	}
	c->k->n_kategori = n;
	return app_save(c->a, AKSI_UBAH_RENCANA) == 0 ? 0 : 1;
}

static int
kat_form(ren_ctx *c, iku *k)
{
	static const fd_choice choice[] = {
		{ "lebih_dari", N_("more than (>)"), NULL },
		{ "minimal", N_("at least (\xe2\x89\xa5)"), NULL },
		{ "sisa", N_("the rest (the last band)"), NULL },
	};
	app *a = c->a;
	form_desc *fd;
	char name[16], label[64];

	c->k = k;
	fd = form_desc_new(&a->mem, "kategori", _("Category bands"));
	for (size_t i = 1; i <= BANDS; i++) {
		fd_field *x;
		fd_choice *ch;

		snprintf(name, sizeof name, "label%zu", i);
		snprintf(label, sizeof label, _("Band %zu"), i);
		form_desc_add(&a->mem, fd, name, label, FD_TEXT, 30, 1, false, 100,
			      _("The band's label: baik, sedang, buruk; the highest "
				"band first"));
		snprintf(name, sizeof name, "syarat%zu", i);
		x = form_desc_add(&a->mem, fd, name, _("  holds a value"), FD_CHOICE, 28,
				  1, false, 0, _("Above the bound, at or above it, or "
						 "the rest (the last band)"));
		ch = arena_alloc(&a->mem, sizeof choice);
		for (size_t j = 0; j < sizeof choice / sizeof choice[0]; j++) {
			ch[j] = choice[j];
			ch[j].label = _(choice[j].label);
		}
		x->choice = ch;
		x->n_choice = sizeof choice / sizeof choice[0];
		snprintf(name, sizeof name, "batas%zu", i);
		form_desc_add(&a->mem, fd, name, _("  bound"), FD_DECIMAL, 14, 1, false,
			      0, _("The bound of the band: IDI's sedang is at least 60"));
	}
	return iku_form_run(c, k, fd, _("Category bands"),
			    _("An index IKU (IDI, IHaI, IKN, ...) is discussed by its category, "
			    "not by a capaian band: give its bands from the highest down, each "
			    "holding values more than or at least its bound; the last takes "
			    "the rest. Its category then replaces the predikat in the reports. "
			    "No band: the predikat as usual."),
			    kat_get, kat_apply);
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
		ACT_HELP, ACT_ENTER, ACT_KATEGORI, ACT_EDIT, ACT_BACK, ACT_NONE,
	};
	const char *labels[] = { NULL, _("Targets"), NULL, _("Period"), NULL, NULL };
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
		   "the targets of the IKU and its history (earlier years' "
		   "realisations); k its category bands (an index IKU); e the "
		   "period. The year of this plan is in bold; a new year's plan "
		   "takes its targets from here.");
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
		case ACT_KATEGORI:
			if (c.n == 0)
				break;
			r = kat_form(&c, c.row[l.sel]);
			if (r != FORM_SAVED && r != FORM_CANCELLED)
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
