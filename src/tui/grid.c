/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* grid.c - the realisation grid (see grid.h). */
#include "config.h"
#include "tui/grid.h"
#include "tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/capaian.h"
#include "core/dec.h"
#include "core/err.h"
#include "core/i18n.h"
#include "core/model_edit.h"
#include "svc/svc.h"
#include "tui/form.h"
#include "tui/lineedit.h"
#include "tui/paste.h"
#include "tui/ui.h"

typedef struct grid_row {
	const char *kode, *nama, *satuan, *sasaran;
	int64_t target;
	bool target_tw;
	bool kosong;         /* the target (budget) is blank: no capaian */
	bool ada_lalu;
	int64_t lalu;
	enum polaritas pol;
	char *text;          /* what the cell holds (display form once checked) */
	char *init;          /* what it held at the start */
	char *err;           /* why the text is not a value, or NULL */
	/* The review of the entry (IKU only; a->wf). */
	bool has_state;
	enum entri_state state;
	const char *by, *at, *comment;   /* who and when last, the return's comment */
} grid_row;

typedef struct grid {
	app *a;
	enum grid_kind kind;
	int step;
	grid_row *rows;
	size_t n, sel, top;
	lineedit le;
	fd_field fld;        /* how a value is checked */
	arena mem;           /* copies of the model's strings */
	arena scratch;       /* fd_validate while typing */
	draft_key dk;
	char *search;
	char ro[512];        /* why nothing can be saved here ("": it can) */
} grid;

enum {
	C_KODE, C_NAMA, C_SATUAN, C_TARGET, C_LALU, C_NILAI, C_CAPAIAN, C_PREDIKAT,
	C_STATE, C_N
};

static char *
xstrdup(const char *s)
{
	char *d = strdup(s != NULL ? s : "");

	if (d == NULL)
		lk_fatal("out of memory");
	return d;
}

static void
set_str(char **slot, const char *v)
{
	free(*slot);
	*slot = v != NULL ? xstrdup(v) : NULL;
}

static char *
fmt(const grid *g, int64_t v, char buf[DEC_BUFSZ])
{
	return g->kind == GRID_IKU ? dec_format_nilai(v, buf) : dec_format_uang(v, buf);
}

/* Parse a cell: 1 value, 0 empty, -1 invalid (*why). */
static int
parse(grid *g, const char *text, int64_t *v, const char **why)
{
	char *canon = NULL;

	arena_free(&g->scratch);
	if (fd_validate(&g->scratch, &g->fld, text, &canon, NULL, why) != 0)
		return -1;
	if (canon == NULL || *canon == '\0')
		return 0;
	if (dec_parse_machine(canon, g->kind == GRID_IKU ? DEC_NILAI : DEC_UANG, v,
			      why) != 0)
		return -1;
	return 1;
}

/* ------------------------------------------------------------------ */
/* rows from the model */

static void
load_rows(grid *g, const draft *restore)
{
	rencana *r = g->a->r;
	int tw = g->a->tw;
	size_t i, j, k = 0, n = 0;
	char buf[DEC_BUFSZ];

	if (g->kind == GRID_IKU) {
		for (i = 0; i < r->n_sasaran; i++)
			n += r->sasaran[i].n_iku;
	} else {
		n = r->n_program;
	}
	g->rows = calloc(n > 0 ? n : 1, sizeof *g->rows);
	if (g->rows == NULL)
		lk_fatal("out of memory");
	g->n = n;
	if (g->kind == GRID_IKU) {
		for (i = 0; i < r->n_sasaran; i++) {
			const sasaran *s = &r->sasaran[i];

			for (j = 0; j < s->n_iku; j++, k++) {
				const iku *x = &s->iku[j];
				grid_row *row = &g->rows[k];

				row->kode = arena_strdup(&g->mem, x->kode);
				row->nama = arena_strdup(&g->mem, x->uraian);
				row->satuan = arena_strdup(&g->mem, x->satuan);
				row->sasaran = arena_printf(&g->mem, "%s %s", s->kode, s->uraian);
				row->target = iku_target_untuk(x, tw);
				row->target_tw = x->ada_target_tw[tw];
				row->kosong = x->target_kosong && !row->target_tw;
				row->pol = x->polaritas;
				if (tw > 1) {
					row->ada_lalu = x->ada_realisasi[tw - 1];
					row->lalu = x->realisasi[tw - 1];
				}
				row->init = xstrdup(x->ada_realisasi[tw] ?
						    dec_format_nilai(x->realisasi[tw], buf) : "");
			}
		}
	} else {
		for (i = 0; i < r->n_program; i++) {
			const program *p = &r->program[i];
			grid_row *row = &g->rows[i];

			row->kode = arena_strdup(&g->mem, p->kode);
			row->nama = arena_strdup(&g->mem, p->uraian);
			row->satuan = "Rp";
			row->sasaran = "";
			row->target = program_target_untuk(p, tw);
			row->target_tw = p->ada_target_tw[tw];
			row->kosong = p->anggaran_kosong && !row->target_tw;
			row->pol = POLARITAS_POSITIF;
			if (tw > 1) {
				row->ada_lalu = p->ada_realisasi[tw - 1];
				row->lalu = p->realisasi[tw - 1];
			}
			row->init = xstrdup(p->ada_realisasi[tw] ?
					    dec_format_uang(p->realisasi[tw], buf) : "");
		}
	}
	for (i = 0; i < g->n; i++) {
		const char *typed = restore != NULL ? draft_get(restore, g->rows[i].kode) : NULL;

		g->rows[i].text = xstrdup(typed != NULL ? typed : g->rows[i].init);
	}
}

/* The review state of each IKU row, from the quarter as stored. */
static void
load_states(grid *g)
{
	app *a = g->a;
	size_t i, j, k, at = 0, n;

	app_wf_load(a, true);
	n = app_wf_ok(a) ? a->wf.n_entri : 0;
	for (i = 0; i < g->n; i++) {
		grid_row *row = &g->rows[i];

		row->has_state = false;
		row->by = row->at = row->comment = NULL;
		/* Both are in report order: look on from the last match. */
		for (j = 0; j < n; j++) {
			const store_entri *x = &a->wf.entri[k = (at + j) % n];
			bool reviewed = x->state == ENTRI_APPROVED || x->state == ENTRI_RETURNED;

			if (x->jenis != (g->kind == GRID_IKU ? JENIS_IKU : JENIS_PROGRAM) ||
			    strcmp(x->kode, row->kode) != 0)
				continue;
			at = k + 1;
			row->has_state = true;
			row->state = x->state;
			if (reviewed && x->reviewed_by != NULL) {
				row->by = arena_strdup(&g->mem, x->reviewed_by);
				row->at = arena_strdup(&g->mem, x->reviewed_at);
			} else if (x->state == ENTRI_SUBMITTED && x->submitted_by != NULL) {
				row->by = arena_strdup(&g->mem, x->submitted_by);
				row->at = arena_strdup(&g->mem, x->submitted_at);
			}
			if (x->state == ENTRI_RETURNED && x->comment != NULL)
				row->comment = arena_strdup(&g->mem, x->comment);
			break;
		}
	}
}

/* Why nothing typed here can be saved (role, lock, read-only), or "". */
static void
check_access(grid *g)
{
	if (app_may(g->a, AKSI_UBAH_DATA, g->ro, sizeof g->ro))
		g->ro[0] = '\0';
}

static attr_t
state_attr(enum entri_state st)
{
	switch (st) {
	case ENTRI_SUBMITTED: return theme_attr(TR_CUKUP);
	case ENTRI_RETURNED: return theme_attr(TR_KURANG);
	case ENTRI_APPROVED: return theme_attr(TR_BAIK);
	default: return theme_attr(TR_HINT);
	}
}

/* ------------------------------------------------------------------ */
/* drawing */

static int
col_w(const grid *g, int c)
{
	bool money = g->kind == GRID_PROGRAM;

	switch (c) {
	case C_KODE: return 7;
	case C_SATUAN: return money || COLS < 100 ? 0 : 8;
	case C_TARGET: return money ? 14 : 10;
	/* Below 100 columns the review state takes the place of the
	 * previous quarter's value, which the line under the grid shows. */
	case C_LALU: return COLS < 100 ? 0 : money ? 14 : 10;
	case C_STATE: return 12;
	case C_NILAI: return money ? 15 : 11;
	case C_CAPAIAN: return 8;
	case C_PREDIKAT: return money ? 0 : 13;
	default: return 0;
	}
}

static void
widths(const grid *g, int *w)
{
	int total = 2, c, shown = 0;

	for (c = 0; c < C_N; c++) {
		w[c] = c == C_NAMA ? 0 : col_w(g, c);
		if (w[c] > 0) {
			total += w[c];
			shown++;
		}
	}
	total += shown;   /* gaps, the flexible column included */
	w[C_NAMA] = COLS - total;
	if (w[C_NAMA] < 8)
		w[C_NAMA] = 8;
}

static const char *
col_title(const grid *g, int c, char *buf, size_t n)
{
	int tw = g->a->tw;

	switch (c) {
	case C_KODE: return _("Code");
	case C_NAMA: return g->kind == GRID_IKU ? _("Indicator") : _("Program");
	case C_SATUAN: return _("Unit");
	case C_TARGET: return g->kind == GRID_IKU ? _("Target") : _("Target (Rp)");
	case C_LALU:
		if (tw <= 1)
			return "";
		snprintf(buf, n, _("to Q%s"), tw_romawi(tw - 1));
		return buf;
	case C_NILAI:
		snprintf(buf, n, _("Real. Q%s"), tw_romawi(tw));
		return buf;
	case C_CAPAIAN: return _("Capaian");
	case C_PREDIKAT: return _("Predikat");
	case C_STATE: return _("State");
	default: return "";
	}
}

/* Capaian and predikat of row i from text. */
static void
row_capaian(grid *g, size_t i, const char *text, char *cap, size_t n,
	    const predikat_band **band, bool *bad)
{
	grid_row *row = &g->rows[i];
	const char *why;
	int64_t v = 0;
	int p = parse(g, text, &v, &why);
	capaian c;
	char buf[DEC_BUFSZ];

	*band = NULL;
	*bad = p < 0;
	cap[0] = '\0';
	if (p <= 0 || row->kosong)
		return;
	if (capaian_hitung(row->target, true, v, row->pol, &c) != 0) {
		snprintf(cap, n, "?");
		return;
	}
	if (c.status == CAPAIAN_TAK_TERDEFINISI) {
		snprintf(cap, n, "-");
		return;
	}
	snprintf(cap, n, "%s%%", dec_format_persen(c.persen, buf));
	*band = predikat_cari(predikat_pilih(&g->a->r->instansi.predikat,
					     &g->a->v.installed), &c);
}

static int
table_top(void)
{
	return 5;
}

static int
body_rows(void)
{
	return LINES - 8 - table_top();
}

/* The review of the row's entry in words (a return with its comment in
 * full), in buf; its colour in *attr.  "" when the row has no review. */
static const char *
state_text(const grid *g, const grid_row *row, char *buf, size_t n,
	   attr_t *attr)
{
	char when[64];

	app_when(row->at, when, sizeof when);
	buf[0] = '\0';
	*attr = row->has_state ? state_attr(row->state) : A_NORMAL;
	if (row->has_state && row->state == ENTRI_SUBMITTED)
		snprintf(buf, n, _("Submitted by %s on %s: waiting for "
			    "the kabid's review."),
			 row->by ? row->by : "?", when);
	else if (row->has_state && row->state == ENTRI_RETURNED)
		snprintf(buf, n, _("Returned by %s on %s: %s"),
			 row->by ? row->by : "?", when,
			 row->comment ? row->comment : "");
	else if (row->has_state && row->state == ENTRI_APPROVED)
		snprintf(buf, n, _("Approved by %s on %s."),
			 row->by ? row->by : "?", when);
	else if (row->has_state && g->ro[0] == '\0')
		snprintf(buf, n, _("Draft: not submitted yet (%s "
			    "submits it for review)."),
			 keys_first_name(ACT_SUBMIT, KCTX_TEXT));
	else if (row->has_state)
		snprintf(buf, n, "%s", _("Draft: not submitted yet."));
	return buf;
}

/* The note of the row's IKU for the quarter (keterangan), or NULL. */
static const char *
note_of(const grid *g, const grid_row *row)
{
	const iku *k;

	if (g->kind != GRID_IKU || g->a->tw < 1 || g->a->tw > TW_MAX ||
	    (k = rencana_find_iku(g->a->r, row->kode, NULL)) == NULL)
		return NULL;
	return k->keterangan[g->a->tw];
}

/* The detail pane of the selected row: its name, what it is, its review
 * and its note, each wrapped in full; returns the lines it needs
 * (drawing nothing when draw is false). */
static int
detail_pane(const grid *g, const grid_row *row, int y, bool draw)
{
	char buf[1400], st[1200], num[DEC_BUFSZ];
	const char *note = note_of(g, row);
	int w = COLS - 2, h = draw ? LINES - 2 - y : 0, n = 0;
	attr_t sa;

	snprintf(buf, sizeof buf, "%s  %s", row->kode, row->nama);
	n += ui_put_wrapped(y + n, 1, h - n, w, buf, A_BOLD);
	if (row->err != NULL)
		return n + ui_put_wrapped(y + n, 1, h - n, w, row->err,
					  theme_attr(TR_ERROR));
	if (g->kind == GRID_IKU) {
		char lalu[80] = "";

		if (col_w(g, C_LALU) == 0 && g->a->tw > 1)
			snprintf(lalu, sizeof lalu, _("to Q%s: %s \xc2\xb7 "),
				 tw_romawi(g->a->tw - 1), row->ada_lalu ?
				 fmt(g, row->lalu, num) : "-");
		snprintf(buf, sizeof buf, _("%sUnit: %s \xc2\xb7 %s \xc2\xb7 target %s (%s) \xc2\xb7 %s"),
			 lalu, row->satuan, row->pol == POLARITAS_NEGATIF ?
			 _("lower is better") : _("higher is better"),
			 row->kosong ? _("(blank)") : fmt(g, row->target, num),
			 row->target_tw ? _("target of the quarter") : _("annual target"),
			 row->sasaran);
	} else {
		snprintf(buf, sizeof buf, _("Target Rp %s (%s)"), row->kosong ?
			 _("(blank)") : fmt(g, row->target, num),
			 row->target_tw ? _("planned spending to the quarter") :
			 _("the budget"));
	}
	n += ui_put_wrapped(y + n, 1, h - n, w, buf, theme_attr(TR_HINT));
	state_text(g, row, st, sizeof st, &sa);
	if (st[0] != '\0')
		n += ui_put_wrapped(y + n, 1, h - n, w, st, sa);
	if (note != NULL) {
		snprintf(buf, sizeof buf, _("Note (why there is no realisation): %s"),
			 note);
		n += ui_put_wrapped(y + n, 1, h - n, w, buf, theme_attr(TR_HINT));
	}
	return n;
}

static void
grid_draw(void *ctx)
{
	static const int acts_iku[] = {
		ACT_HELP, ACT_SAVE, ACT_NOTE, ACT_SUBMIT, ACT_HISTORY, ACT_BACK,
		ACT_NEXT_STEP, ACT_STEPS, ACT_NONE,
	};
	static const int acts_program[] = {
		ACT_HELP, ACT_SAVE, ACT_SUBMIT, ACT_HISTORY, ACT_BACK, ACT_NEXT_STEP,
		ACT_STEPS, ACT_NONE,
	};
	const char *labels_iku[] = { NULL, _("Save all"), NULL, NULL, NULL, NULL,
				     NULL, NULL, NULL };
	const char *labels_program[] = { NULL, _("Save all"), NULL, NULL, NULL,
					 NULL, NULL, NULL };
	grid *g = ctx;
	int w[C_N], x, c, h, y0 = table_top(), cur_x = 0, extra = 0;
	char buf[700], title[300];
	const char *hint = NULL;
	size_t i;

	/* The pane under the table has four lines; a long name, comment or
	 * note takes rows of the table (three are kept). */
	if (g->n > 0)
		extra = detail_pane(g, &g->rows[g->sel], 0, false) - 4;
	if (extra > body_rows() - 3)
		extra = body_rows() - 3;
	if (extra < 0)
		extra = 0;
	h = body_rows() - extra;
	erase();
	snprintf(title, sizeof title, "%s \xe2\x80\x94 %s",
		 g->kind == GRID_IKU ? _("IKU realisations") : _("Budget realisations"),
		 app_period_text(g->a));
	ui_draw_top(title, g->step, NULL);
	if (g->n > 0) {
		snprintf(buf, sizeof buf, "%zu/%zu", g->sel + 1, g->n);
		ui_put(1, COLS - ui_width(buf) - 1, ui_width(buf), buf,
		       theme_attr(TR_HINT), false, false);
	}
	if (g->ro[0] != '\0')
		ui_put_wrapped(2, 1, 2, COLS - 2, g->ro, theme_attr(TR_CUKUP));
	else
		ui_put_wrapped(2, 1, 2, COLS - 2, g->kind == GRID_IKU ?
			       _("Cumulative realisation up to the quarter. Type the value and "
				 "press Enter; an empty cell means not known yet.") :
			       _("Money spent up to the quarter, in rupiah. Type the amount and "
				 "press Enter; an empty cell means not known yet."),
			       theme_attr(TR_HINT));
	widths(g, w);
	x = 1;
	for (c = 0; c < C_N; c++) {
		if (w[c] == 0)
			continue;
		ui_put(y0, x, w[c], col_title(g, c, buf, sizeof buf),
		       theme_attr(TR_COLHEAD), true,
		       c == C_TARGET || c == C_LALU || c == C_NILAI || c == C_CAPAIAN);
		x += w[c] + 1;
	}
	if (g->n == 0)
		ui_put_wrapped(y0 + 2, 3, 3, COLS - 6, g->kind == GRID_IKU ?
			       _("There is no IKU yet: add sasaran and IKU in step 2.") :
			       _("There is no program yet: add programs in step 3."),
			       theme_attr(TR_HINT));
	if (g->sel < g->top)
		g->top = g->sel;
	if (g->sel >= g->top + (size_t)h)
		g->top = g->sel - (size_t)h + 1;
	for (i = g->top; i < g->n && i < g->top + (size_t)h; i++) {
		grid_row *row = &g->rows[i];
		int y = y0 + 1 + (int)(i - g->top);
		bool sel = i == g->sel, bad;
		attr_t base = sel ? theme_attr(TR_SELECT) : A_NORMAL;
		const predikat_band *band;
		char cap[32], *text = sel ? le_get(&g->le) : NULL;
		char num[DEC_BUFSZ];

		row_capaian(g, i, sel ? text : row->text, cap, sizeof cap, &band, &bad);
		ui_fill(y, 0, COLS, base);
		x = 1;
		for (c = 0; c < C_N; c++) {
			attr_t a = base;
			const char *s = "";
			bool right = false;

			if (w[c] == 0)
				continue;
			switch (c) {
			case C_KODE: s = row->kode; break;
			case C_NAMA: s = row->nama; break;
			case C_SATUAN: s = row->satuan; break;
			case C_TARGET:
				s = row->kosong ? _("(blank)") : fmt(g, row->target, num);
				right = true;
				break;
			case C_LALU:
				s = g->a->tw <= 1 ? "" : row->ada_lalu ? fmt(g, row->lalu, num) : "-";
				right = true;
				break;
			case C_NILAI:
				break;
			case C_CAPAIAN:
				s = bad ? "?" : cap;
				right = true;
				if (band != NULL)
					a = sel ? base | A_BOLD : theme_attr(theme_warna(band->warna));
				break;
			case C_PREDIKAT:
				s = band != NULL ? band->nama : "";
				if (band != NULL)
					a = sel ? base | A_BOLD : theme_attr(theme_warna(band->warna));
				break;
			case C_STATE:
				s = row->has_state ? entri_state_label(row->state) : "";
				if (row->has_state)
					a = sel ? base | A_BOLD : state_attr(row->state);
				break;
			default:
				break;
			}
			if (c == C_NILAI) {
				if (sel)
					cur_x = le_draw(&g->le, y, x, w[c],
							theme_attr(bad || row->err ? TR_ERROR : TR_FIELD_FOCUS));
				else
					ui_put(y, x, w[c], row->text,
					       row->err != NULL ? theme_attr(TR_ERROR) :
					       theme_attr(TR_FIELD), true, true);
			} else {
				ui_put(y, x, w[c], s, a, false, right);
			}
			x += w[c] + 1;
		}
		free(text);
		if (sel)
			ui_cursor(y, cur_x);
	}
	/* Details of the selected row, in full. */
	if (g->n > 0) {
		grid_row *row = &g->rows[g->sel];
		int fy = LINES - 6 - extra;

		attrset(theme_attr(TR_BORDER));
		mvhline(fy - 1, 0, ACS_HLINE, COLS);
		attrset(A_NORMAL);
		if (row->err != NULL && !ui_msg_is_error())
			ui_msg(UI_MSG_ERROR, "%s: %s", row->kode, row->err);
		detail_pane(g, row, fy, true);
		if (row->has_state && row->state == ENTRI_RETURNED)
			hint = g->kind == GRID_IKU ?
			    _("Returned: fix the value (or its note, F4) and submit it "
			      "again with F11.") :
			    _("Returned: fix the amount and submit it again with F11.");
	}
	if (hint == NULL && g->ro[0] != '\0')
		hint = _("Read-only here: the arrows move between rows; F12 shows the "
			 "history of a value.");
	ui_draw_status(hint != NULL ? hint :
		       _("Type the value, Enter: next row. Ctrl-U empties the cell. F2 saves all rows."));
	if (g->kind == GRID_IKU)
		ui_draw_keybar_as(acts_iku, labels_iku, KCTX_GRID);
	else
		ui_draw_keybar_as(acts_program, labels_program, KCTX_TEXT);
	if (g->n == 0)
		ui_cursor(-1, -1);
}

/* ------------------------------------------------------------------ */
/* editing */

static void
enter_row(grid *g, size_t i)
{
	g->sel = i;
	if (g->n == 0)
		return;
	le_set(&g->le, g->rows[i].text);
	g->le.fresh = true;     /* typing replaces the value */
}

/* Check the cell being edited; false (error shown) when invalid. */
static bool
commit(grid *g)
{
	grid_row *row;
	char *text, *canon = NULL, *disp = NULL;
	const char *why = NULL;

	if (g->n == 0)
		return true;
	row = &g->rows[g->sel];
	text = le_get(&g->le);
	arena_free(&g->scratch);
	if (fd_validate(&g->scratch, &g->fld, text, &canon, &disp, &why) != 0) {
		set_str(&row->text, text);
		set_str(&row->err, why);
		ui_msg(UI_MSG_ERROR, "%s: %s", row->kode, why);
		free(text);
		return false;
	}
	set_str(&row->err, NULL);
	set_str(&row->text, disp != NULL ? disp : "");
	le_set(&g->le, row->text);
	g->le.fresh = true;
	free(text);
	return true;
}

static void
go(grid *g, long delta)
{
	long to = (long)g->sel + delta;

	if (g->n == 0 || !commit(g))
		return;
	if (to < 0)
		to = 0;
	if (to >= (long)g->n) {
		to = (long)g->n - 1;
		if (delta == 1)
			ui_msg(UI_MSG_HINT, _("That was the last row: %s saves all."),
			       keys_first_name(ACT_SAVE, KCTX_TEXT));
	}
	enter_row(g, (size_t)to);
}

static bool
changed(grid *g)
{
	size_t i;

	if (g->n > 0) {
		char *t = le_get(&g->le);

		set_str(&g->rows[g->sel].text, t);
		free(t);
	}
	for (i = 0; i < g->n; i++)
		if (strcmp(g->rows[i].text, g->rows[i].init) != 0)
			return true;
	return false;
}

static bool
save(grid *g)
{
	rencana *r = g->a->r;
	int tw = g->a->tw;
	size_t i;

	if (!app_can_edit(g->a, AKSI_UBAH_DATA) || !commit(g))
		return false;
	for (i = 0; i < g->n; i++) {
		grid_row *row = &g->rows[i];
		const char *why;
		int64_t v = 0;
		int p;

		if (strcmp(row->text, row->init) == 0)
			continue;
		if ((p = parse(g, row->text, &v, &why)) < 0) {
			set_str(&row->err, why);
			enter_row(g, i);
			ui_msg(UI_MSG_ERROR, "%s: %s", row->kode, why);
			return false;
		}
		if (g->kind == GRID_IKU) {
			iku *k = rencana_find_iku(r, row->kode, NULL);

			if (k == NULL)
				continue;
			k->ada_realisasi[tw] = p > 0;
			k->realisasi[tw] = p > 0 ? v : 0;
		} else {
			program *pr = rencana_find_program(r, row->kode);

			if (pr == NULL)
				continue;
			pr->ada_realisasi[tw] = p > 0;
			pr->realisasi[tw] = p > 0 ? v : 0;
		}
	}
	app_touch_quarter(g->a, tw);
	if (app_save(g->a, AKSI_UBAH_DATA) != 0) {
		check_access(g);
		return false;
	}
	for (i = 0; i < g->n; i++)
		set_str(&g->rows[i].init, g->rows[i].text);
	draft_remove(&g->dk);
	load_states(g);    /* a changed entry went back to draft */
	return true;
}

static int
leave(grid *g)
{
	int r;

	if (!changed(g))
		return 1;
	r = ui_ask3(_("Unsaved changes"),
		    _("Some realisations are not saved. Save them?"),
		    _("Save"), _("Discard"), _("Cancel"));
	if (r == 0)
		return save(g) ? 1 : 0;
	if (r == 1) {
		draft_remove(&g->dk);
		if (g->a->dirty)
			app_reload(g->a);
		return 1;
	}
	return 0;
}

static void
grid_keep_draft(void *ctx)
{
	grid *g = ctx;
	const char **names, **values;
	size_t i, k = 0;

	if (!changed(g))
		return;
	names = calloc(g->n, sizeof *names);
	values = calloc(g->n, sizeof *values);
	if (names == NULL || values == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < g->n; i++) {
		if (strcmp(g->rows[i].text, g->rows[i].init) == 0)
			continue;
		names[k] = g->rows[i].kode;
		values[k++] = g->rows[i].text;
	}
	draft_write(&g->dk, g->kind == GRID_IKU ? _("IKU realisations") :
		    _("Budget realisations"), names, values, k);
	free(names);
	free(values);
}

static void
grid_search(grid *g, bool ask)
{
	char *s = NULL;
	size_t k;

	if (ask) {
		if (!ui_prompt(_("Search"), _("Code or name to look for:"),
			       g->search != NULL ? g->search : "", &s))
			return;
		free(g->search);
		g->search = s;
	}
	if (g->search == NULL || g->n == 0 || !commit(g))
		return;
	for (k = 1; k <= g->n; k++) {
		size_t i = (g->sel + k) % g->n;

		if (ui_contains(g->rows[i].kode, g->search) ||
		    ui_contains(g->rows[i].nama, g->search)) {
			enter_row(g, i);
			return;
		}
	}
	ui_msg(UI_MSG_ERROR, _("Not found: %s"), g->search);
}

/* F4 on an IKU row: the note on its realisation (keterangan), chosen
 * from the usual reasons or typed, set through the service layer and
 * saved at once (with the values typed so far). */
static void
grid_note(grid *g)
{
	const char *items[8], *cur;
	size_t n = 0, n_baku, sel = 0;
	char *typed = NULL;
	const char *teks;
	lk_err e = { 0, "" };
	bool differs = false;
	grid_row *row;
	int k;

	if (g->kind != GRID_IKU || g->n == 0 || !commit(g))
		return;
	if (!app_can_edit(g->a, AKSI_UBAH_DATA))
		return;
	row = &g->rows[g->sel];
	cur = note_of(g, row);
	for (n_baku = 0; svc_keterangan_baku[n_baku] != NULL && n_baku < 5; n_baku++) {
		items[n++] = svc_keterangan_baku[n_baku];
		if (cur != NULL && strcmp(cur, svc_keterangan_baku[n_baku]) == 0)
			sel = n_baku;
	}
	items[n++] = _("Other reason: type it");
	if (cur != NULL)
		items[n++] = _("No note");
	if (cur != NULL && sel == 0 && strcmp(cur, svc_keterangan_baku[0]) != 0)
		sel = n_baku;            /* his own words: "other" */
	k = ui_choose(_("Why is there no realisation?"), items, n, sel);
	if (k < 0)
		return;
	if ((size_t)k < n_baku) {
		teks = svc_keterangan_baku[k];
	} else if ((size_t)k == n_baku) {
		if (!ui_prompt(_("Note on the realisation"),
			       _("Why there is no realisation yet:"),
			       cur != NULL ? cur : "", &typed))
			return;
		teks = typed;
	} else {
		teks = NULL;
	}
	if (svc_keterangan(g->a->r, g->a->tw, row->kode, teks, &differs, &e) != 0) {
		ui_msg(UI_MSG_ERROR, "%s", e.msg);
		free(typed);
		return;
	}
	free(typed);
	if (!differs)
		return;
	if (save(g)) {
		ui_msg(UI_MSG_INFO, row->text[0] != '\0' ?
		       _("Note saved; the report prints it only while the IKU has no "
			 "realisation.") : teks != NULL ? _("Note saved.") :
		       _("Note removed."));
	}
}

/* Submit this row or every draft (the values saved first). */
static void
grid_submit(grid *g)
{
	int r;

	if (g->n == 0 || !commit(g))
		return;
	if (changed(g)) {
		r = ui_confirm(_("Submit for review"), _("Some realisations are not saved. "
							 "Save them before submitting?"), true);
		if (r != 1 || !save(g))
			return;
	}
	wf_submit(g->a, g->kind == GRID_IKU ? JENIS_IKU : JENIS_PROGRAM,
		  g->rows[g->sel].kode);
	load_states(g);
}

/* ------------------------------------------------------------------ */
/* a pasted block (paste.h): the value column from the cursor row down,
 * each cell checked as typed, all or nothing, saved with F2 */

static const char *
gp_row(void *ud, size_t row, char *buf, size_t n)
{
	(void)buf;
	(void)n;
	return ((grid *)ud)->rows[row].kode;
}

static const char *
gp_col(void *ud, size_t col, char *buf, size_t n)
{
	(void)col;
	return col_title(ud, C_NILAI, buf, n);
}

static int
gp_check(void *ud, size_t row, size_t col, const char *text, char *why, size_t n)
{
	grid *g = ud;
	const grid_row *r = &g->rows[row];
	const char *w = NULL;
	int64_t v = 0, old = 0;
	int p;

	(void)col;
	if ((p = parse(g, text, &v, &w)) < 0) {
		snprintf(why, n, "%s", w != NULL ? w : "?");
		return -1;
	}
	/* An approved value changes only when typed in its row. */
	if (r->has_state && r->state == ENTRI_APPROVED &&
	    (parse(g, r->text, &old, &w) != p || old != v)) {
		snprintf(why, n, _("approved by %s; a paste does not change an approved "
				   "value (type it in its row)"), r->by != NULL ? r->by : "?");
		return -1;
	}
	return 0;
}

static bool
gp_set(void *ud, size_t row, size_t col, const char *text)
{
	grid *g = ud;
	grid_row *r = &g->rows[row];
	char *disp = NULL;

	(void)col;
	arena_free(&g->scratch);
	if (fd_validate(&g->scratch, &g->fld, text, NULL, &disp, NULL) != 0)
		return false;
	set_str(&r->err, NULL);
	if (strcmp(r->text, disp) == 0)
		return false;
	set_str(&r->text, disp);
	return true;
}

static void
grid_paste(grid *g)
{
	paste_target t = { g->n, 1, g->sel, 0, false, 0, gp_row, gp_col, gp_check,
			   gp_set, NULL, g };
	paste_block b;
	paste_result res;
	char msg[1500], done[300];
	size_t len;
	const char *text = ui_paste_text(&len);
	char *cur;

	if (g->n == 0)
		return;
	if (g->ro[0] != '\0') {
		ui_say(UI_MSG_ERROR, _("Paste refused"), g->ro);
		return;
	}
	cur = le_get(&g->le);        /* what is typed in the cursor row */
	set_str(&g->rows[g->sel].text, cur);
	free(cur);
	if (paste_parse(text, len, &b, msg, sizeof msg) == 0 &&
	    paste_apply(&t, &b, &res, msg, sizeof msg) == 0) {
		paste_done_text(&res, done, sizeof done);
		snprintf(msg, sizeof msg, _("%s %s saves them."), done,
			 keys_first_name(ACT_SAVE, KCTX_TEXT));
		ui_say(UI_MSG_INFO, _("Paste"), msg);
	} else {
		ui_say(UI_MSG_ERROR, _("Paste refused"), msg);
	}
	paste_block_free(&b);
	le_set(&g->le, g->rows[g->sel].text);
	g->le.fresh = true;
}

int
grid_run(app *a, enum grid_kind kind, int step, const draft *restore)
{
	static const int help_acts[] = {
		ACT_SAVE, ACT_BACK, ACT_ENTER, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN,
		ACT_CLEAR, ACT_SEARCH, ACT_SEARCH_NEXT, ACT_SUBMIT, ACT_HISTORY,
		ACT_NOTE, ACT_NEXT_STEP, ACT_PREV_STEP, ACT_STEPS, ACT_NONE,
	};
	static const int help_acts_program[] = {
		ACT_SAVE, ACT_BACK, ACT_ENTER, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN,
		ACT_CLEAR, ACT_SEARCH, ACT_SEARCH_NEXT, ACT_HISTORY, ACT_NEXT_STEP,
		ACT_PREV_STEP, ACT_STEPS, ACT_NONE,
	};
	grid g;
	ui_layer l = { grid_draw, NULL, grid_keep_draft, &g, true };
	int result = -1;
	size_t i;

	memset(&g, 0, sizeof g);
	g.a = a;
	g.kind = kind;
	g.step = step;
	g.fld.name = "realisasi";
	g.fld.label = _("Realisation");
	g.fld.type = kind == GRID_IKU ? FD_DECIMAL : FD_MONEY;
	g.fld.width = 16;
	g.fld.height = 1;
	g.fld.has_min = true;
	g.fld.min = 0;
	g.dk.db = a->db_real;
	g.dk.instansi = a->instansi;
	g.dk.tahun = a->tahun;
	g.dk.tw = a->tw;
	g.dk.form = kind == GRID_IKU ? "realisasi_iku" : "realisasi_program";
	g.dk.entity = "";
	load_rows(&g, restore);
	load_states(&g);
	check_access(&g);
	g.le.right = true;
	enter_row(&g, 0);
	ui_push(&l);
	if (restore != NULL)
		ui_msg(UI_MSG_INFO, _("The draft is back in the grid: check it and press %s to save."),
		       keys_first_name(ACT_SAVE, KCTX_TEXT));
	while (result < 0) {
		wint_t ch = 0;
		int act, page = body_rows() > 1 ? body_rows() - 1 : 1;

		ui_redraw();
		act = ui_getkey(kind == GRID_IKU ? KCTX_GRID_PASTE : KCTX_TEXT_PASTE, &ch);
		switch (act) {
		case ACT_TERMINATE:
			result = FORM_TERMINATED;
			break;
		case ACT_RESIZE:
			break;
		case ACT_HELP:
			if (kind == GRID_IKU) {
				char help[3000];

				snprintf(help, sizeof help, "%s\n\n%s\n\n%s",
					_("One row per indicator. The value typed is the cumulative "
					  "realisation up to this quarter; capaian and predikat are "
					  "computed as you type. Numbers in Indonesian form: 78,50. "
					  "Enter goes to the next row; F2 saves every row at once.\n\n"
					  "State is the review of each entry: draft, submitted (the "
					  "kabid of its bidang reviews it), returned (with his comment, "
					  "shown under the grid: fix it and submit again) or approved. "
					  "F11 submits this row or every draft; changing a submitted or "
					  "approved value sets it back to draft. F12 shows who changed "
					  "the value and when."),
					_("An IKU without a realisation is submitted with a note "
					  "that says why (F4): \"Belum tersedia: diukur tahun "
					  "berikutnya\", \"Data BPS belum terbit\" or your own "
					  "words. The kabid reviews it with the IKU, and the report "
					  "prints it under the table where the capaian would be."),
					paste_grid_help());
				ui_help(_("IKU realisations"), help, help_acts, KCTX_GRID);
			} else {
				char help[2000];

				snprintf(help, sizeof help, "%s\n\n%s",
					_("One row per program. The value typed is the money spent up "
					  "to this quarter; capaian is computed as you type. Amounts in "
					  "Indonesian form: 11.393.254.909. Enter goes to the next row; "
					  "F2 saves every row at once; F12 shows who changed the value "
					  "and when."), paste_grid_help());
				ui_help(_("Budget realisations"), help, help_acts_program, KCTX_TEXT);
			}
			break;
		case ACT_SAVE:
			if (save(&g))
				ui_msg(UI_MSG_INFO, _("Saved."));
			break;
		case ACT_BACK:
		case ACT_NEXT_STEP:
		case ACT_PREV_STEP:
		case ACT_STEPS:
		case ACT_QUIT:
			if (leave(&g))
				result = act == ACT_NEXT_STEP ? FORM_NEXT_STEP :
				    act == ACT_PREV_STEP ? FORM_PREV_STEP :
				    act == ACT_STEPS ? FORM_STEPS :
				    act == ACT_QUIT ? FORM_QUIT : FORM_CANCELLED;
			break;
		case ACT_ENTER:
		case ACT_DOWN:
		case ACT_NEXT_FIELD:
			go(&g, 1);
			break;
		case ACT_UP:
		case ACT_PREV_FIELD:
			go(&g, -1);
			break;
		case ACT_PGDN:
			go(&g, page);
			break;
		case ACT_PGUP:
			go(&g, -page);
			break;
		case ACT_SEARCH:
			grid_search(&g, true);
			break;
		case ACT_SEARCH_NEXT:
			grid_search(&g, false);
			break;
		case ACT_SUBMIT:
			grid_submit(&g);
			break;
		case ACT_NOTE:
			grid_note(&g);
			break;
		case ACT_HISTORY:
			if (g.n > 0)
				scr_history(a, kind == GRID_PROGRAM, g.rows[g.sel].kode);
			break;
		case ACT_PASTE:
			grid_paste(&g);
			break;
		default:
			if (g.n == 0)
				break;
			if (g.ro[0] != '\0' && (act == ACT_CHAR || act == ACT_BACKSPACE ||
						 act == ACT_DELCHAR || act == ACT_CLEAR)) {
				/* Read-only here: say why rather than take typing. */
				ui_msg(UI_MSG_ERROR, "%s", g.ro);
				break;
			}
			if (le_key(&g.le, act, ch))
				set_str(&g.rows[g.sel].err, NULL);
			break;
		}
	}
	ui_pop();
	for (i = 0; i < g.n; i++) {
		free(g.rows[i].text);
		free(g.rows[i].init);
		free(g.rows[i].err);
	}
	free(g.rows);
	free(g.search);
	le_free(&g.le);
	arena_free(&g.mem);
	arena_free(&g.scratch);
	return result;
}
