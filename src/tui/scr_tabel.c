/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_tabel.c - the supporting tables of a sasaran in a quarter, or in
 * the annual report (tahunan.tabel): the tables (title, columns, note)
 * and their rows. */
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
#include "tui/formdesc.h"
#include "tui/list.h"
#include "tui/paste.h"
#include "tui/ui.h"

/* A cell as the row form takes it; the rows a paste may fill. */
#define TABEL_SEL_MAX 500
#define TABEL_PASTE_MAX_BARIS 1000

static sasaran *
find_sasaran(app *a, const char *kode)
{
	return rencana_find_sasaran(a->r, kode);
}

/* ------------------------------------------------------------------ */
/* supporting tables: rows of one table */

typedef struct tab_ctx {
	app *a;
	char kode[128];
	size_t t;            /* table index */
	long row;            /* edited row, -1 new */
	size_t at;
	int tw;              /* the quarter, or 0: the year */
	form_desc *fd;
	list_col cols[12];
} tab_ctx;

/* The tables of the sasaran in c's period, and their count. */
static tabel *
tables_of(const tab_ctx *c, size_t *n)
{
	sasaran *s = find_sasaran(c->a, c->kode);

	*n = 0;
	return s != NULL ? rencana_tabel(s, c->tw, n) : NULL;
}

/* A draft's form name: the year's forms are their own, never restored
 * into a quarter. */
static const char *
form_name(const tab_ctx *c, const char *form)
{
	return c->tw != 0 ? form : strcmp(form, "tabel") == 0 ? "tabel_tahunan" :
	       "baris_tahunan";
}

static tabel *
the_table(tab_ctx *c)
{
	size_t n;
	tabel *t = tables_of(c, &n);

	return c->t < n ? &t[c->t] : NULL;
}

static void
row_insert(rencana *r, tabel *t, size_t at)
{
	char ***baris = arena_alloc(&r->mem, (t->n_baris + 1) * sizeof *baris);
	size_t *n_sel = arena_alloc(&r->mem, (t->n_baris + 1) * sizeof *n_sel);
	size_t i;

	for (i = 0; i < at; i++) {
		baris[i] = t->baris[i];
		n_sel[i] = t->n_sel[i];
	}
	baris[at] = arena_alloc(&r->mem, (t->n_kolom + 1) * sizeof **baris);
	for (i = 0; i < t->n_kolom; i++)
		baris[at][i] = arena_strdup(&r->mem, "");
	n_sel[at] = t->n_kolom;
	for (i = at; i < t->n_baris; i++) {
		baris[i + 1] = t->baris[i];
		n_sel[i + 1] = t->n_sel[i];
	}
	t->baris = baris;
	t->n_sel = n_sel;
	t->n_baris++;
}

/* Row i with a cell for every column. */
static void
row_widen(rencana *r, tabel *t, size_t i)
{
	char **cells;
	size_t k;

	if (t->n_sel[i] >= t->n_kolom)
		return;
	cells = arena_alloc(&r->mem, (t->n_kolom + 1) * sizeof *cells);
	for (k = 0; k < t->n_kolom; k++)
		cells[k] = k < t->n_sel[i] ? t->baris[i][k] : arena_strdup(&r->mem, "");
	t->baris[i] = cells;
	t->n_sel[i] = t->n_kolom;
}

static void
row_delete(tabel *t, size_t i)
{
	memmove(t->baris + i, t->baris + i + 1, (t->n_baris - i - 1) * sizeof *t->baris);
	memmove(t->n_sel + i, t->n_sel + i + 1, (t->n_baris - i - 1) * sizeof *t->n_sel);
	t->n_baris--;
}

static void
row_swap(tabel *t, size_t i, size_t j)
{
	char **b = t->baris[i];
	size_t n = t->n_sel[i];

	t->baris[i] = t->baris[j];
	t->n_sel[i] = t->n_sel[j];
	t->baris[j] = b;
	t->n_sel[j] = n;
}

static const char *
row_get(void *ud, const char *name)
{
	tab_ctx *c = ud;
	tabel *t = the_table(c);
	size_t k;

	if (t == NULL || c->row < 0 || name[0] != 'k')
		return NULL;
	k = (size_t)atoi(name + 1);
	return k < t->n_sel[c->row] ? t->baris[c->row][k] : NULL;
}

static int
row_apply(void *ud, const form *f, form_fail *fail)
{
	tab_ctx *c = ud;
	tabel *t = the_table(c);
	char name[32];
	size_t k;

	if (t == NULL) {
		snprintf(fail->msg, sizeof fail->msg, _("the table no longer exists"));
		return 1;
	}
	if (c->row < 0) {
		row_insert(c->a->r, t, c->at);
		c->row = (long)c->at;
	}
	row_widen(c->a->r, t, (size_t)c->row);
	for (k = 0; k < t->n_kolom; k++) {
		const char *v;

		snprintf(name, sizeof name, "k%zu", k);
		if ((v = form_value(f, name)) != NULL)
			t->baris[c->row][k] = arena_strdup(&c->a->r->mem, v);
	}
	app_touch_quarter(c->a, c->tw);
	return app_save(c->a, AKSI_UBAH_DATA) == 0 ? 0 : 1;
}

static int
row_form(tab_ctx *c, int step, long row, size_t at, const draft *restore)
{
	tabel *t = the_table(c);
	char ent[200], name[32], sub[300];
	form_spec s;
	size_t k;

	if (t == NULL)
		return FORM_CANCELLED;
	c->row = row;
	c->at = at;
	c->fd = form_desc_new(&c->a->mem, "baris", _("Table row"));
	for (k = 0; k < t->n_kolom; k++) {
		snprintf(name, sizeof name, "k%zu", k);
		form_desc_add(&c->a->mem, c->fd, name, t->kolom[k], FD_TEXT, 40, 1, false,
			      TABEL_SEL_MAX, NULL);
	}
	if (row >= 0)
		snprintf(ent, sizeof ent, "%s/%zu/%ld", c->kode, c->t, row);
	else
		snprintf(ent, sizeof ent, "%s/%zu/+%zu", c->kode, c->t, at);
	snprintf(sub, sizeof sub, "%s \xc2\xb7 %s", c->kode, t->judul != NULL ? t->judul : "");
	memset(&s, 0, sizeof s);
	s.aksi = AKSI_UBAH_DATA;
	s.fd = c->fd;
	s.title = _("Table row");
	s.subtitle = sub;
	s.step = step;
	s.help = _("One row of the supporting table: a cell per column, printed as typed.");
	s.get = row_get;
	s.apply = row_apply;
	s.ud = c;
	s.dk = scr_dk(c->a, form_name(c, "baris"), ent);
	s.restore = restore;
	return form_run(c->a, &s);
}

/* The table's title, columns ("A; B; C") and note. */
static const char *
head_get(void *ud, const char *name)
{
	tab_ctx *c = ud;
	tabel *t = c->row == -2 ? NULL : the_table(c);
	static char cols[2000];
	size_t k;

	if (t == NULL)
		return NULL;
	if (strcmp(name, "judul") == 0) return t->judul;
	if (strcmp(name, "catatan") == 0) return t->catatan;
	if (strcmp(name, "kolom") == 0) {
		cols[0] = '\0';
		for (k = 0; k < t->n_kolom; k++) {
			if (k > 0)
				strncat(cols, "; ", sizeof cols - strlen(cols) - 1);
			strncat(cols, t->kolom[k], sizeof cols - strlen(cols) - 1);
		}
		return cols;
	}
	return NULL;
}

static size_t
split_cols(rencana *r, const char *v, char ***out)
{
	char *copy = strdup(v), *p, *q;
	size_t n = 0, cap = 0;

	if (copy == NULL)
		lk_fatal("out of memory");
	*out = NULL;
	for (p = copy; p != NULL; p = q) {
		char *e;

		q = strchr(p, ';');
		if (q != NULL)
			*q++ = '\0';
		while (*p == ' ')
			p++;
		for (e = p + strlen(p); e > p && e[-1] == ' '; e--)
			;
		*e = '\0';
		if (*p == '\0')
			continue;
		*out = arena_grow(&r->mem, *out, sizeof **out, &cap, n + 1);
		(*out)[n++] = arena_strdup(&r->mem, p);
	}
	free(copy);
	return n;
}

static int
head_apply(void *ud, const form *f, form_fail *fail)
{
	tab_ctx *c = ud;
	sasaran *s = find_sasaran(c->a, c->kode);
	const char *v;
	char **kolom = NULL;
	size_t nk = 0, i, k;
	tabel *t;

	if (s == NULL) {
		snprintf(fail->msg, sizeof fail->msg, _("the sasaran %s no longer exists"),
			 c->kode);
		return 1;
	}
	if ((v = form_value(f, "kolom")) != NULL) {
		nk = split_cols(c->a->r, v, &kolom);
		if (nk == 0) {
			snprintf(fail->msg, sizeof fail->msg,
				 _("give at least one column, separated by ';'"));
			fail->field = "kolom";
			return 1;
		}
	}
	if (c->row == -2) {       /* a new table */
		t = rencana_add_tabel(c->a->r, s, c->tw, c->at);
		c->t = c->at;
		c->row = -1;
	} else if ((t = the_table(c)) == NULL) {
		snprintf(fail->msg, sizeof fail->msg, _("the table no longer exists"));
		return 1;
	}
	if (kolom != NULL) {
		bool lost = false;

		for (i = 0; i < t->n_baris; i++)
			for (k = nk; k < t->n_sel[i]; k++)
				lost |= t->baris[i][k] != NULL && *t->baris[i][k];
		if (lost && ui_confirm(_("Fewer columns"),
				       _("Some rows have text in the columns that are removed. "
					 "Remove that text?"), false) != 1) {
			snprintf(fail->msg, sizeof fail->msg, _("the columns were not changed"));
			fail->field = "kolom";
			return 1;
		}
		for (i = 0; i < t->n_baris; i++) {
			char **cells = arena_alloc(&c->a->r->mem, (nk + 1) * sizeof *cells);

			for (k = 0; k < nk; k++)
				cells[k] = k < t->n_sel[i] ? t->baris[i][k] :
				    arena_strdup(&c->a->r->mem, "");
			t->baris[i] = cells;
			t->n_sel[i] = nk;
		}
		t->kolom = kolom;
		t->n_kolom = nk;
	}
	if ((v = form_value(f, "judul")) != NULL) t->judul = scr_dup(c->a, v);
	if ((v = form_value(f, "catatan")) != NULL) t->catatan = scr_dup(c->a, v);
	app_touch_quarter(c->a, c->tw);
	return app_save(c->a, AKSI_UBAH_DATA) == 0 ? 0 : 1;
}

static int
head_form(tab_ctx *c, int step, bool create, size_t at, const draft *restore)
{
	form_desc *fd = form_desc_new(&c->a->mem, "tabel", _("Supporting table"));
	char ent[200];
	form_spec s;

	form_desc_add(&c->a->mem, fd, "judul", _("Title"), FD_TEXT, 60, 1, true, 300,
		      _("Printed above the table"));
	form_desc_add(&c->a->mem, fd, "kolom", _("Columns"), FD_TEXT, 60, 1, true, 1000,
		      _("Column headings separated by ';', e.g. Deskripsi; 2021; 2022"));
	form_desc_add(&c->a->mem, fd, "catatan", _("Note"), FD_TEXT, 60, 1, false, 1000,
		      _("Printed under the table (may be empty)"));
	c->row = create ? -2 : -1;
	c->at = at;
	if (create)
		snprintf(ent, sizeof ent, "%s/+%zu", c->kode, at);
	else
		snprintf(ent, sizeof ent, "%s/%zu", c->kode, c->t);
	memset(&s, 0, sizeof s);
	s.aksi = AKSI_UBAH_DATA;
	s.fd = fd;
	s.title = _("Supporting table");
	s.subtitle = c->kode;
	s.step = step;
	s.help = _("A table printed after the narrative of the sasaran, for example "
		   "the scores of an index over the years.");
	s.get = head_get;
	s.apply = head_apply;
	s.ud = c;
	s.dk = scr_dk(c->a, form_name(c, "tabel"), ent);
	s.restore = restore;
	return form_run(c->a, &s);
}

static const char *
rows_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	tab_ctx *c = ud;
	tabel *t = the_table(c);

	(void)buf;
	(void)n;
	if (t == NULL || col >= t->n_sel[row])
		return "";
	return t->baris[row][col];
}

static void
rows_info(void *ud, int y, int x, int h, int w)
{
	tab_ctx *c = ud;
	tabel *t = the_table(c);

	(void)h;
	if (t != NULL)
		ui_put(y, x, w, t->judul != NULL ? t->judul : "", A_BOLD, false, false);
}

/* ------------------------------------------------------------------ */
/* a pasted block (paste.h): rows of the table from the selected one down,
 * new rows past the last, each cell checked as the row form checks it,
 * all or nothing, saved at once as the list's other changes are */

typedef struct tab_paste {
	tab_ctx *c;
	tabel *t;
	fd_field fld;
	arena scratch;
} tab_paste;

static const char *
tp_row(void *ud, size_t row, char *buf, size_t n)
{
	tab_paste *p = ud;

	snprintf(buf, n, row < p->t->n_baris ? _("Row %zu") : _("New row %zu"), row + 1);
	return buf;
}

static const char *
tp_col(void *ud, size_t col, char *buf, size_t n)
{
	snprintf(buf, n, _("column %s"), ((tab_paste *)ud)->t->kolom[col]);
	return buf;
}

static int
tp_check(void *ud, size_t row, size_t col, const char *text, char *why, size_t n)
{
	tab_paste *p = ud;
	const char *w = NULL;

	(void)row;
	(void)col;
	arena_free(&p->scratch);
	if (fd_validate(&p->scratch, &p->fld, text, NULL, NULL, &w) == 0)
		return 0;
	snprintf(why, n, "%s", w != NULL ? w : "?");
	return -1;
}

static bool
tp_set(void *ud, size_t row, size_t col, const char *text)
{
	tab_paste *p = ud;
	rencana *r = p->c->a->r;
	char *canon = NULL;

	while (row >= p->t->n_baris)
		row_insert(r, p->t, p->t->n_baris);
	row_widen(r, p->t, row);
	arena_free(&p->scratch);
	if (fd_validate(&p->scratch, &p->fld, text, &canon, NULL, NULL) != 0 ||
	    strcmp(p->t->baris[row][col], canon) == 0)
		return false;
	p->t->baris[row][col] = arena_strdup(&r->mem, canon);
	return true;
}

/* Asks before text already in the table is replaced. */
static bool
tp_ready(void *ud, const paste_block *b)
{
	tab_paste *p = ud;
	size_t r, k, over = 0;
	char q[300];

	for (r = 0; r < b->n_rows; r++) {
		size_t row = p->c->at + r;

		if (row >= p->t->n_baris)
			break;
		for (k = 0; k < b->n_cells[r] && k < p->t->n_sel[row]; k++) {
			const char *old = p->t->baris[row][k];

			if (old != NULL && *old != '\0' && strcmp(old, b->cell[r][k]) != 0)
				over++;
		}
	}
	if (over == 0)
		return true;
	snprintf(q, sizeof q, P_("The pasted block replaces the text of %zu cell already "
				 "in the table. Paste it?",
				 "The pasted block replaces the text of %zu cells already "
				 "in the table. Paste it?", over), over);
	return ui_confirm(_("Paste"), q, false) == 1;
}

static void
tabel_paste(tab_ctx *c, size_t sel)
{
	tab_paste p;
	paste_target t = { 0, 0, 0, 0, true, TABEL_PASTE_MAX_BARIS, tp_row, tp_col,
			   tp_check, tp_set, tp_ready, &p };
	paste_block b;
	paste_result res;
	char msg[1500];
	size_t len;
	const char *text = ui_paste_text(&len);
	int rc;

	memset(&p, 0, sizeof p);
	p.c = c;
	if ((p.t = the_table(c)) == NULL || !app_can_edit(c->a, AKSI_UBAH_DATA))
		return;
	p.fld.name = "sel";
	p.fld.label = _("Cell");
	p.fld.type = FD_TEXT;
	p.fld.width = 40;
	p.fld.height = 1;
	p.fld.max_length = TABEL_SEL_MAX;
	t.n_rows = p.t->n_baris;
	t.n_cols = p.t->n_kolom;
	t.row = c->at = p.t->n_baris > 0 ? sel : 0;
	if (t.max_rows < t.n_rows)
		t.max_rows = t.n_rows;
	if (paste_parse(text, len, &b, msg, sizeof msg) != 0 ||
	    (rc = paste_apply(&t, &b, &res, msg, sizeof msg)) < 0) {
		ui_say(UI_MSG_ERROR, _("Paste refused"), msg);
	} else if (rc == 1) {
		ui_msg(UI_MSG_HINT, "%s", _("Nothing was pasted."));
	} else {
		app_touch_quarter(c->a, c->tw);
		if (app_save(c->a, AKSI_UBAH_DATA) != 0) {
			app_reload(c->a);     /* the table as the database has it */
		} else {
			char done[300];

			paste_done_text(&res, done, sizeof done);
			snprintf(msg, sizeof msg, "%s %s", done, _("Saved."));
			ui_say(UI_MSG_INFO, _("Paste"), msg);
		}
	}
	paste_block_free(&b);
	arena_free(&p.scratch);
}

static int
rows_screen(tab_ctx *c, int step, const draft *restore)
{
	static const int acts[] = {
		ACT_HELP, ACT_ENTER, ACT_ADD, ACT_DELETE, ACT_HEADER, ACT_BACK, ACT_NONE,
	};
	static const int help_acts[] = {
		ACT_ENTER, ACT_ADD, ACT_DELETE, ACT_MOVE_UP, ACT_MOVE_DOWN, ACT_HEADER,
		ACT_SEARCH, ACT_BACK, ACT_NONE,
	};
	list l;
	int result = -1, act, r;
	char title[300], help[1200];

	memset(&l, 0, sizeof l);
	snprintf(title, sizeof title, _("Supporting table of %s"), c->kode);
	l.title = title;
	l.step = step;
	l.cell = rows_cell;
	l.info = rows_info;
	l.info_rows = 1;
	l.ud = c;
	l.acts = acts;
	l.help_acts = help_acts;
	snprintf(help, sizeof help, "%s\n\n%s",
		 _("The rows of the table. Enter edits a row, Ins adds one; F5 (or h) "
		   "edits the title, the columns and the note."),
		 _("Rows copied from a spreadsheet (Excel, LibreOffice) are pasted from "
		   "the selected row down, a cell per column; rows past the last are "
		   "added. Every cell is checked first: one refused refuses the paste. "
		   "The table is saved at once."));
	l.help = help;
	l.empty = _("No row yet. Press Ins (or a) to add one, or paste rows copied "
		    "from a spreadsheet.");
	l.paste = true;
	list_init(&l);
	list_open(&l);
	if (restore != NULL) {
		const char *last = strrchr(restore->entity, '/');
		tabel *t = the_table(c);

		if (t != NULL && last != NULL) {
			long row = last[1] == '+' ? -1 : atol(last + 1);
			size_t at = last[1] == '+' ? (size_t)atol(last + 2) : 0;

			if (row >= (long)t->n_baris)
				row = -1;
			if (at > t->n_baris)
				at = t->n_baris;
			result = scr_pass(row_form(c, step, row, at, restore));
		}
	}
	while (result < 0) {
		tabel *t = the_table(c);
		size_t k, w;

		if (t == NULL)
			break;
		/* Columns are the table's own. */
		l.ncol = t->n_kolom < 12 ? t->n_kolom : 12;
		w = l.ncol > 0 ? (size_t)(COLS - 2) / l.ncol : 10;
		for (k = 0; k < l.ncol; k++) {
			c->cols[k].title = t->kolom[k];
			c->cols[k].width = (int)(w > 2 ? w - 1 : 1);
			c->cols[k].flex = k == 0;
			c->cols[k].right = false;
			c->cols[k].min_cols = 0;
		}
		if (l.ncol > 0)
			c->cols[0].width = 8;
		l.cols = c->cols;
		l.nrows = t->n_baris;
		act = list_run(&l);
		switch (act) {
		case ACT_ENTER:
		case ACT_EDIT:
			if (l.nrows > 0)
				result = scr_pass(row_form(c, step, (long)l.sel, 0, NULL));
			break;
		case ACT_ADD:
			if (!app_can_edit(c->a, AKSI_UBAH_DATA))
				break;
			r = row_form(c, step, -1, l.nrows > 0 ? l.sel + 1 : 0, NULL);
				if (r == FORM_SAVED)
					l.sel = (size_t)c->row;
				result = scr_pass(r);
			break;
		case ACT_HEADER:
			result = scr_pass(head_form(c, step, false, 0, NULL));
			break;
		case ACT_PASTE:
			tabel_paste(c, l.sel);
			break;
		case ACT_DELETE:
			if (l.nrows > 0 && app_can_edit(c->a, AKSI_UBAH_DATA) &&
			    scr_confirm_delete(_("this row"))) {
				row_delete(t, l.sel);
				app_save(c->a, AKSI_UBAH_DATA);
			}
			break;
		case ACT_MOVE_UP:
			if (l.sel > 0 && app_can_edit(c->a, AKSI_UBAH_DATA)) {
				row_swap(t, l.sel, l.sel - 1);
				l.sel--;
				app_save(c->a, AKSI_UBAH_DATA);
			}
			break;
		case ACT_MOVE_DOWN:
			if (l.sel + 1 < l.nrows && app_can_edit(c->a, AKSI_UBAH_DATA)) {
				row_swap(t, l.sel, l.sel + 1);
				l.sel++;
				app_save(c->a, AKSI_UBAH_DATA);
			}
			break;
		default:
			result = scr_list_other(c->a, act);
			if (result == FORM_CANCELLED)
				result = FORM_SAVED;   /* back to the tables, not the menu */
		}
	}
	list_close(&l);
	return result < 0 ? FORM_SAVED : result;
}

/* ------------------------------------------------------------------ */
/* supporting tables of one sasaran */

static const char *
tabs_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	tab_ctx *c = ud;
	size_t nt;
	const tabel *t = tables_of(c, &nt);

	if (row >= nt)
		return "";
	t += row;
	switch (col) {
	case 0:
		snprintf(buf, n, "%zu", row + 1);
		return buf;
	case 1: return t->judul != NULL ? t->judul : "";
	case 2:
		snprintf(buf, n, "%zu", t->n_kolom);
		return buf;
	default:
		snprintf(buf, n, "%zu", t->n_baris);
		return buf;
	}
}

int
scr_tables(app *a, int step, const char *kode, int tw, const draft *restore)
{
	static const int acts[] = {
		ACT_HELP, ACT_ENTER, ACT_ADD, ACT_DELETE, ACT_HEADER, ACT_BACK, ACT_NONE,
	};
	static const int help_acts[] = {
		ACT_ENTER, ACT_ADD, ACT_DELETE, ACT_MOVE_UP, ACT_MOVE_DOWN, ACT_HEADER,
		ACT_BACK, ACT_NONE,
	};
	list_col cols[4] = {
		{ "No", 3, false, true, 0 }, { NULL, 20, true, false, 0 },
		{ NULL, 7, false, true, 0 }, { NULL, 6, false, true, 0 },
	};
	tab_ctx c;
	list l;
	int result = -1, act, r;
	char title[300];

	cols[1].title = _("Title");
	cols[2].title = _("Columns");
	cols[3].title = _("Rows");
	memset(&c, 0, sizeof c);
	c.a = a;
	c.tw = tw;
	snprintf(c.kode, sizeof c.kode, "%s", kode);
	memset(&l, 0, sizeof l);
	snprintf(title, sizeof title, tw != 0 ? _("Supporting tables of %s") :
		 _("Supporting tables of %s in the annual report"), kode);
	l.title = title;
	l.step = step;
	l.cols = cols;
	l.ncol = 4;
	l.cell = tabs_cell;
	l.ud = &c;
	l.acts = acts;
	l.help_acts = help_acts;
	l.help = tw != 0 ? _("Tables printed after the narrative of this sasaran. "
			     "Enter opens the rows of a table; Ins adds a table.")
		: _("Tables printed in the annual report (LKjIP) after the analysis "
		    "of this sasaran. Enter opens the rows of a table; Ins adds a "
		    "table.");
	l.empty = _("No supporting table. Press Ins (or a) to add one.");
	list_init(&l);
	list_open(&l);
	if (restore != NULL) {
		/* "SS1/+0" table head, "SS1/0" head, "SS1/0/3" a row. */
		const char *p = strchr(restore->entity, '/');
		sasaran *s = find_sasaran(a, kode);

		if (p != NULL && s != NULL) {
			if (strcmp(restore->form, "tabel") == 0 && p[1] == '+') {
				size_t at = (size_t)atol(p + 2);

				size_t nt;

				(void)tables_of(&c, &nt);
				r = head_form(&c, step, true, at > nt ? nt : at, restore);
			} else {
				c.t = (size_t)atol(p + 1);
				r = strcmp(restore->form, "tabel") == 0 ?
				    head_form(&c, step, false, 0, restore) :
				    rows_screen(&c, step, restore);
			}
			result = scr_pass(r);
		}
	}
	while (result < 0) {
		sasaran *s = find_sasaran(a, kode);

		if (s == NULL)
			break;
		(void)tables_of(&c, &l.nrows);
		act = list_run(&l);
		switch (act) {
		case ACT_ENTER:
		case ACT_EDIT:
			if (l.nrows == 0)
				break;
			c.t = l.sel;
			r = rows_screen(&c, step, NULL);
			if (r != FORM_SAVED && r != FORM_CANCELLED)
				result = r;
			break;
		case ACT_HEADER:
			if (l.nrows == 0)
				break;
			c.t = l.sel;
			result = scr_pass(head_form(&c, step, false, 0, NULL));
			break;
		case ACT_ADD:
			if (!app_can_edit(a, AKSI_UBAH_DATA))
				break;
			r = head_form(&c, step, true, l.nrows > 0 ? l.sel + 1 : 0, NULL);
			if (r == FORM_SAVED) {
				l.sel = c.t;
				r = rows_screen(&c, step, NULL);
				if (r != FORM_SAVED && r != FORM_CANCELLED)
					result = r;
			} else {
				result = scr_pass(r);
			}
			break;
		case ACT_DELETE:
			if (l.nrows > 0 && app_can_edit(a, AKSI_UBAH_DATA) &&
			    scr_confirm_delete(_("this table with its rows"))) {
				rencana_delete_tabel(a->r, s, c.tw, l.sel);
				app_save(a, AKSI_UBAH_DATA);
			}
			break;
		case ACT_MOVE_UP:
			if (l.sel > 0 && app_can_edit(a, AKSI_UBAH_DATA)) {
				rencana_move_tabel(a->r, s, c.tw, l.sel, l.sel - 1);
				l.sel--;
				app_save(a, AKSI_UBAH_DATA);
			}
			break;
		case ACT_MOVE_DOWN:
			if (l.sel + 1 < l.nrows && app_can_edit(a, AKSI_UBAH_DATA)) {
				rencana_move_tabel(a->r, s, c.tw, l.sel, l.sel + 1);
				l.sel++;
				app_save(a, AKSI_UBAH_DATA);
			}
			break;
		default:
			result = scr_list_other(a, act);
		}
	}
	list_close(&l);
	return result < 0 ? FORM_CANCELLED : result;
}

