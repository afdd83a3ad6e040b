/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_agency.c - the agency's settings, for an admin: its predikat bands
 * (the names a capaian gets, with their lower bounds and colours: the
 * agency's own, else the installed ones shown as where to start) edited
 * in a list and saved with the plan (checked as predikat_periksa checks
 * them, audited, locked with the profile), the certificates
 * registered to sign its reports (lakip signer set), read-only here, and
 * its settings (set[]: the time zone, the verification page of the QR
 * code, the default timestamp authority), each saved when it is set.
 */
#include "config.h"
#include "tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/dec.h"
#include "core/i18n.h"
#include "core/zona.h"
#include "io/exchange.h"
#include "tui/list.h"
#include "tui/theme.h"
#include "tui/ui.h"

#define BAND_MAX 12
#define NAMA_MAX 60

typedef struct ag_band {
	char nama[NAMA_MAX + 1];
	bool ada_min;
	int64_t min;             /* hundredths of a percent */
	int warna;               /* index in warna_names, 0: none */
} ag_band;

static const char *const warna_names[] = { NULL, "baik", "cukup", "kurang" };
#define N_WARNA (sizeof warna_names / sizeof warna_names[0])

typedef struct ag_ctx {
	app *a;
	ag_band band[BAND_MAX];
	size_t n;
	bool own;                /* the agency had its own bands */
	bool changed;
	store_signer *sg;
	size_t n_sg;
} ag_ctx;

/* The agency's settings, in the order of their rows. */
enum { SET_ZONA, SET_VERIFIKASI, SET_TSA, N_SET };
static const struct setting {
	const char *label;       /* N_() */
	const char *none;        /* N_(): what unset means */
} set[N_SET] = {
	[SET_ZONA] = { N_("Time zone"), NULL },
	[SET_VERIFIKASI] = { N_("QR verification page"),
			     N_("none (the QR code holds the document's text)") },
	[SET_TSA] = { N_("Timestamp authority"),
		      N_("none (signatures carry no timestamp)") },
};

static char **
setting_of(instansi *in, int k)
{
	return k == SET_ZONA ? &in->zona_waktu :
	       k == SET_VERIFIKASI ? &in->verifikasi : &in->tsa;
}

static int
warna_index(const char *w)
{
	for (size_t i = 1; i < N_WARNA; i++)
		if (w != NULL && strcmp(w, warna_names[i]) == 0)
			return (int)i;
	return 0;
}

static void
ag_load(ag_ctx *c)
{
	app *a = c->a;
	lk_err e = { 0, "" };
	const predikat_tabel *t = predikat_pilih(&a->r->instansi.predikat,
						 &a->v.installed);
	size_t i;

	c->own = a->r->instansi.predikat.n > 0;
	c->n = t->n < BAND_MAX ? t->n : BAND_MAX;
	for (i = 0; i < c->n; i++) {
		snprintf(c->band[i].nama, sizeof c->band[i].nama, "%s", t->band[i].nama);
		c->band[i].ada_min = t->band[i].ada_min;
		c->band[i].min = t->band[i].min;
		c->band[i].warna = warna_index(t->band[i].warna);
	}
	c->changed = false;
	store_signer_list_free(c->sg, c->n_sg);
	c->sg = NULL;
	c->n_sg = 0;
	if (store_signer_list(a->st, a->instansi, NULL, &c->sg, &c->n_sg, &e) != 0)
		app_fail(a, EX_SOFTWARE, &e);
}

/* Rows: the bands, a heading, the certificates (or one line: none), a
 * heading, the settings. */
static size_t
n_sg_rows(const ag_ctx *c)
{
	return c->n_sg > 0 ? c->n_sg : 1;
}

static size_t
n_rows(const ag_ctx *c)
{
	return c->n + 1 + n_sg_rows(c) + 1 + N_SET;
}

/* The setting of row (its index), or -1 when the row is another's. */
static int
setting_row(const ag_ctx *c, size_t row)
{
	size_t first = c->n + 1 + n_sg_rows(c) + 1;

	return row >= first && row < first + N_SET ? (int)(row - first) : -1;
}

/* The agency's local day of instant t (core/zona.h). */
static const char *
day_of(const app *a, int64_t t, char buf[32])
{
	zona_tanggal_detik(t, a->r != NULL ? a->r->instansi.zona_waktu : NULL,
			   buf, 32);
	return buf;
}

/* Column 0 is a margin, so that a heading (a span row) starts where the
 * names do. */
static const char *
ag_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	ag_ctx *c = ud;
	char num[DEC_BUFSZ], b1[32], b2[32];
	int k;

	if (col-- == 0)
		return "";
	if (row < c->n) {
		const ag_band *b = &c->band[row];

		switch (col) {
		case 0: return b->nama;
		case 1:
			if (!b->ada_min)
				return _("below the others");
			snprintf(buf, n, _("from %s %%"), dec_format_persen(b->min, num));
			return buf;
		default:
			return warna_names[b->warna] != NULL ? warna_names[b->warna] : "-";
		}
	}
	if (row == c->n)
		return col == 0 ? _("Certificates registered to sign") : "";
	if (row == c->n + 1 + n_sg_rows(c))
		return col == 0 ? _("Settings (Enter sets one)") : "";
	if ((k = setting_row(c, row)) >= 0) {
		const char *v = *setting_of(&c->a->r->instansi, k);
		const zona_info *z = zona_atau_baku(v);

		if (col != 0)
			return "";
		if (k == SET_ZONA)
			snprintf(buf, n, "%s: %s (%s)", _(set[k].label), z->singkat,
				 z->nama);
		else
			snprintf(buf, n, "%s: %s", _(set[k].label),
				 v != NULL ? v : _(set[k].none));
		return buf;
	}
	row -= c->n + 1;
	if (c->n_sg == 0)
		return col == 0 ? _("none: an admin registers one with 'lakip signer set'")
				: "";
	if (col == 0)
		return c->sg[row].subject;
	if (col == 1) {
		snprintf(buf, n, "%.16s\xe2\x80\xa6", c->sg[row].sha256);
		return buf;
	}
	if (c->sg[row].removed_at != NULL) {
		zona_tanggal_lokal(c->sg[row].removed_at, c->a->r != NULL ?
				   c->a->r->instansi.zona_waktu : NULL, b1, sizeof b1);
		snprintf(buf, n, _("removed %.10s"), b1);
	} else {
		snprintf(buf, n, _("%s to %s"), day_of(c->a, c->sg[row].not_before, b1),
			 day_of(c->a, c->sg[row].not_after, b2));
	}
	return buf;
}

static bool
ag_span(void *ud, size_t row)
{
	ag_ctx *c = ud;

	return row == c->n || (row == c->n + 1 && c->n_sg == 0) ||
	       row == c->n + 1 + n_sg_rows(c) || setting_row(c, row) >= 0;
}

static attr_t
ag_attr(void *ud, size_t row, size_t col)
{
	ag_ctx *c = ud;

	if (row == c->n || row == c->n + 1 + n_sg_rows(c))
		return A_BOLD;
	if (row < c->n && col == 3) {
		int w = c->band[row].warna;

		return w == 1 ? theme_attr(TR_BAIK) : w == 2 ? theme_attr(TR_CUKUP) :
		    w == 3 ? theme_attr(TR_KURANG) : A_NORMAL;
	}
	return A_NORMAL;
}

static void
ag_info(void *ud, int y, int x, int h, int w)
{
	ag_ctx *c = ud;
	char buf[600];

	(void)h;
	snprintf(buf, sizeof buf, c->own ? _("The predikat bands of %s (its own). A "
					     "capaian gets the first band whose lower "
					     "bound it reaches.")
		 : _("%s has no bands of its own: these are the installed ones. "
		     "Saving makes them its own."), c->a->instansi);
	ui_put_wrapped(y, x, 2, w, buf, theme_attr(TR_HINT));
}

/* Edit band i (a new one when i == c->n): name, lower bound, colour. */
static bool
edit_band(ag_ctx *c, size_t i)
{
	ag_band b;
	char *v = NULL, num[DEC_BUFSZ], label[200];
	const char *items[N_WARNA], *why = NULL;
	/* The last band takes what is below the others: it has no bound. */
	bool unbounded = i < c->n && i + 1 == c->n && !c->band[i].ada_min;
	int r;

	if (i < c->n)
		b = c->band[i];
	else
		memset(&b, 0, sizeof b), b.ada_min = true;
	if (!ui_prompt(_("Predikat band"), _("Name of the band (e.g. Sangat Tinggi):"),
		       b.nama, &v))
		return false;
	if (*v == '\0' || strlen(v) > NAMA_MAX) {
		ui_message(_("Predikat band"), _("A band needs a name of at most 60 "
						 "characters."), true);
		free(v);
		return false;
	}
	snprintf(b.nama, sizeof b.nama, "%s", v);
	free(v);
	if (!unbounded) {
		snprintf(label, sizeof label, _("Lower bound of %s, in percent (e.g. "
						"90,01):"), b.nama);
		if (!ui_prompt(_("Predikat band"), label, b.ada_min ?
			       dec_format_id(b.min, 2, 0, 2, num) : "", &v))
			return false;
		if (dec_parse_id(v, 2, 0, &b.min, &why) != 0) {
			char msg[300];

			snprintf(msg, sizeof msg, _("'%s' is not a percentage: %s"), v,
				 why != NULL ? _(why) : "");
			ui_message(_("Predikat band"), msg, true);
			free(v);
			return false;
		}
		b.ada_min = true;
		free(v);
	}
	items[0] = _("none");
	for (size_t k = 1; k < N_WARNA; k++)
		items[k] = warna_names[k];
	if ((r = ui_choose(_("Colour of the band"), items, N_WARNA,
			   (size_t)b.warna)) < 0)
		return false;
	b.warna = r;
	if (i >= c->n) {
		if (c->n == BAND_MAX)
			return false;
		/* A new band goes before the last one (which has no bound). */
		if (c->n > 0 && !c->band[c->n - 1].ada_min) {
			c->band[c->n] = c->band[c->n - 1];
			c->band[c->n - 1] = b;
		} else {
			c->band[c->n] = b;
		}
		c->n++;
	} else {
		c->band[i] = b;
	}
	c->changed = true;
	return true;
}

/* Setting k asked and saved at once (empty: unset); a refusal (the
 * verification page is printed, so a locked quarter holds it) leaves it
 * as it was. */
static void
edit_setting(ag_ctx *c, int k)
{
	app *a = c->a;
	char **to = setting_of(&a->r->instansi, k), *old = *to, *v = NULL;

	if (k == SET_ZONA) {
		const char *items[8];
		size_t n = 0, at = 0;
		int r;

		for (const zona_info *z; (z = zona_ke(n)) != NULL && n < 8; n++) {
			items[n] = z->singkat;
			if (z == zona_atau_baku(old))
				at = n;
		}
		if ((r = ui_choose(_(set[k].label), items, n, at)) < 0)
			return;
		*to = arena_strdup(&a->r->mem, zona_ke((size_t)r)->nama);
	} else {
		if (!ui_prompt(_(set[k].label), _("An http:// or https:// address "
			       "(empty: none):"), old != NULL ? old : "", &v))
			return;
		if (*v != '\0' && !exchange_url_ok(v)) {
			ui_message(_(set[k].label), _("Expected an http:// or https:// "
				   "address with a host (ASCII, no spaces)."), true);
			free(v);
			return;
		}
		*to = *v != '\0' ? arena_strdup(&a->r->mem, v) : NULL;
		free(v);
	}
	if (old == NULL ? *to == NULL : *to != NULL && strcmp(old, *to) == 0)
		return;
	if (app_save(a, AKSI_UBAH_RENCANA) != 0)
		*to = old;
}

/* The bands into the plan, checked; saved as a change of the plan. */
static int
save_bands(ag_ctx *c)
{
	app *a = c->a;
	predikat_band *v;
	predikat_tabel t;
	const char *why = NULL;
	size_t i;

	if (!app_can_edit(a, AKSI_UBAH_RENCANA))
		return EX_NOPERM;
	v = arena_alloc(&a->r->mem, (c->n ? c->n : 1) * sizeof *v);
	for (i = 0; i < c->n; i++) {
		v[i].nama = arena_strdup(&a->r->mem, c->band[i].nama);
		v[i].ada_min = c->band[i].ada_min;
		v[i].min = c->band[i].min;
		v[i].warna = warna_names[c->band[i].warna];
	}
	t.band = v;
	t.n = c->n;
	if (c->n > 0 && predikat_periksa(&t, &why) != 0) {
		char msg[300];

		snprintf(msg, sizeof msg, _("The bands cannot be saved: %s"), _(why));
		ui_message(_("Predikat bands"), msg, true);
		return EX_DATAERR;
	}
	a->r->instansi.predikat = t;
	if (app_save(a, AKSI_UBAH_RENCANA) != 0)
		return EX_TEMPFAIL;
	c->changed = false;
	c->own = c->n > 0;
	return 0;
}

int
scr_agency(app *a)
{
	static const int acts[] = {
		ACT_HELP, ACT_SAVE, ACT_ENTER, ACT_ADD, ACT_DELETE, ACT_BACK, ACT_NONE,
	};
	list_col cols[4] = {
		{ "", 0, false, false, 0 }, { NULL, 24, true, false, 0 },
		{ NULL, 20, false, false, 0 }, { NULL, 24, false, false, 0 },
	};
	char title[200];
	ag_ctx c;
	list l;
	int act, end = FORM_CANCELLED;
	bool done = false;

	memset(&c, 0, sizeof c);
	c.a = a;
	ag_load(&c);
	cols[1].title = _("Band");
	cols[2].title = _("Lower bound");
	cols[3].title = _("Colour");
	memset(&l, 0, sizeof l);
	snprintf(title, sizeof title, _("Settings of %s"), a->instansi);
	l.title = title;
	l.cols = cols;
	l.ncol = 4;
	l.nrows = n_rows(&c);
	l.cell = ag_cell;
	l.attr = ag_attr;
	l.span = ag_span;
	l.info = ag_info;
	l.info_rows = 2;
	l.ud = &c;
	l.acts = acts;
	l.rule_before = (size_t)-1;
	l.help = _("The predikat bands name a capaian in every table, chart and text "
		   "of the agency's reports, from the highest lower bound down; the "
		   "last band has no bound. Enter edits a band (name, lower bound in "
		   "percent, colour), Ins adds one above the last, Del removes one, F2 "
		   "saves them with the plan (an admin's change, audited). Removing "
		   "every band and saving goes back to the installed bands. Below: the "
		   "certificates registered to sign the agency's reports; an admin "
		   "registers and removes them with 'lakip signer'. Last, the agency's "
		   "settings, each saved when Enter has set it: the time zone of the "
		   "dates and times shown and printed, the verification page a signed "
		   "report's QR code opens, and the timestamp authority (RFC 3161) that "
		   "stamps its signatures when the signer names none; empty is none.");
	list_init(&l);
	list_open(&l);
	while (!done) {
		app_update_context(a);
		act = list_run(&l);
		switch (act) {
		case ACT_ENTER:
		case ACT_EDIT:
			if (l.sel < c.n && app_can_edit(a, AKSI_UBAH_RENCANA))
				edit_band(&c, l.sel);
			else if (setting_row(&c, l.sel) >= 0 &&
				 app_can_edit(a, AKSI_UBAH_RENCANA))
				edit_setting(&c, setting_row(&c, l.sel));
			break;
		case ACT_ADD:
			if (!app_can_edit(a, AKSI_UBAH_RENCANA))
				break;
			if (c.n == BAND_MAX)
				ui_msg(UI_MSG_ERROR, _("At most %d bands."), BAND_MAX);
			else if (edit_band(&c, c.n))
				l.sel = c.n > 1 && !c.band[c.n - 1].ada_min ? c.n - 2 : c.n - 1;
			break;
		case ACT_DELETE:
			if (l.sel < c.n && app_can_edit(a, AKSI_UBAH_RENCANA) &&
			    scr_confirm_delete(c.band[l.sel].nama)) {
				memmove(&c.band[l.sel], &c.band[l.sel + 1],
					(c.n - l.sel - 1) * sizeof c.band[0]);
				c.n--;
				/* The last band keeps no bound. */
				if (c.n > 0)
					c.band[c.n - 1].ada_min = false;
				c.changed = true;
			}
			break;
		case ACT_SAVE:
			save_bands(&c);
			break;
		case ACT_TERMINATE:
			end = FORM_TERMINATED;
			done = true;
			break;
		case ACT_QUIT:
		case ACT_BACK:
			if (c.changed) {
				int r = ui_ask3(_("Unsaved changes"), _("The bands are changed "
						"but not saved. Save them?"), _("Save"),
						_("Discard"), _("Cancel"));

				if (r < 0 || r == 2 || (r == 0 && save_bands(&c) != 0))
					break;
			}
			end = act == ACT_QUIT ? FORM_QUIT : FORM_CANCELLED;
			done = true;
			break;
		default:
			break;
		}
		l.nrows = n_rows(&c);
		list_clamp(&l);
	}
	list_close(&l);
	store_signer_list_free(c.sg, c.n_sg);
	return end;
}
