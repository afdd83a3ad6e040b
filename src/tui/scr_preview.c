/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_preview.c - step 9: the quarter's capaian, as `lakip show` prints
 * it: the IKU table grouped by sasaran with predikat colours, and the
 * budget table with its JUMLAH row.  Figures come from kinerja_hitung and
 * the dec_format_* functions, as everywhere else. */
#include "config.h"
#include "tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dec.h"
#include "core/err.h"
#include "core/i18n.h"
#include "tui/list.h"
#include "tui/ui.h"

typedef struct prow {
	const kinerja_iku *k;    /* NULL: the group row of sasaran g */
	size_t g;
} prow;

typedef struct pv_ctx {
	app *a;
	kinerja k;
	bool program;            /* the budget table is shown */
	prow *rows;
	size_t n;
	bool show_target;        /* some program has a quarterly target */
} pv_ctx;

static const char *
fmt_capaian(const capaian *c, char *buf, size_t n)
{
	char num[DEC_BUFSZ];

	switch (c->status) {
	case CAPAIAN_KOSONG: return "";
	case CAPAIAN_TAK_TERDEFINISI: return "-";
	default:
		snprintf(buf, n, "%s%%", dec_format_persen(c->persen, num));
		return buf;
	}
}

static void
build_rows(pv_ctx *c)
{
	size_t i, r = 0;

	free(c->rows);
	if ((c->rows = calloc(2 * c->k.n_iku + 1, sizeof *c->rows)) == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < c->k.n_iku; i++) {
		if (i == 0 || c->k.iku[i].no != c->k.iku[i - 1].no)
			c->rows[r++] = (prow){ NULL, i };
		if (c->k.iku[i].iku != NULL)
			c->rows[r++] = (prow){ &c->k.iku[i], i };
	}
	c->n = r;
	c->show_target = false;
	for (i = 0; i < c->k.n_program; i++)
		c->show_target |= c->k.program[i].target_triwulan;
}

static const char *
iku_cell(pv_ctx *c, size_t row, size_t col, char *buf, size_t n)
{
	const prow *x = &c->rows[row];
	const kinerja_iku *k = x->k;
	char num[DEC_BUFSZ];

	if (k == NULL) {
		const kinerja_iku *g = &c->k.iku[x->g];

		if (col == 0) {
			snprintf(buf, n, "%zu", g->no);
			return buf;
		}
		return col == 1 ? g->sasaran->uraian : "";
	}
	switch (col) {
	case 0: return "";
	case 1: return k->iku->kode;
	case 2: return k->iku->uraian;
	case 3: return k->iku->satuan;
	case 4:
		snprintf(buf, n, "%s", k->target_kosong ? _("(blank)") :
			 dec_format_nilai(k->target, num));
		return buf;
	case 5:
		if (!k->ada_realisasi)
			return "";
		snprintf(buf, n, "%s", dec_format_nilai(k->realisasi, num));
		return buf;
	case 6: return fmt_capaian(&k->capaian, buf, n);
	default:
		return k->predikat != NULL ? k->predikat->nama :
		    k->capaian.status == CAPAIAN_TAK_TERDEFINISI ? "-" : "";
	}
}

static const char *
prog_cell(pv_ctx *c, size_t row, size_t col, char *buf, size_t n)
{
	char num[DEC_BUFSZ];
	const kinerja_program *p;

	if (row == c->k.n_program) {      /* JUMLAH */
		switch (col) {
		case 2: return "JUMLAH";
		case 3: snprintf(buf, n, "%s", dec_format_uang(c->k.jumlah_anggaran, num)); return buf;
		case 4: snprintf(buf, n, "%s", dec_format_uang(c->k.jumlah_target, num)); return buf;
		case 5:
			if (!c->k.jumlah_ada_realisasi)
				return "";
			snprintf(buf, n, "%s", dec_format_uang(c->k.jumlah_realisasi, num));
			return buf;
		case 6: return fmt_capaian(&c->k.jumlah_capaian, buf, n);
		default: return "";
		}
	}
	p = &c->k.program[row];
	switch (col) {
	case 0: snprintf(buf, n, "%zu", p->no); return buf;
	case 1: return p->program->kode;
	case 2: return p->program->uraian;
	case 3:
		snprintf(buf, n, "%s", p->program->anggaran_kosong ? _("(blank)") :
			 dec_format_uang(p->program->anggaran, num));
		return buf;
	case 4:
		snprintf(buf, n, "%s", p->target_kosong ? _("(blank)") :
			 dec_format_uang(p->target, num));
		return buf;
	case 5:
		if (!p->ada_realisasi)
			return "";
		snprintf(buf, n, "%s", dec_format_uang(p->realisasi, num));
		return buf;
	default: return fmt_capaian(&p->capaian, buf, n);
	}
}

static const char *
pv_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	pv_ctx *c = ud;

	return c->program ? prog_cell(c, row, col, buf, n) : iku_cell(c, row, col, buf, n);
}

static attr_t
pv_attr(void *ud, size_t row, size_t col)
{
	pv_ctx *c = ud;
	const kinerja_iku *k;

	if (c->program)
		return row == c->k.n_program ? theme_attr(TR_GROUP) : A_NORMAL;
	k = c->rows[row].k;
	if (k != NULL && (col == 6 || col == 7) && k->predikat != NULL)
		return theme_attr(theme_warna(k->predikat->warna));
	return A_NORMAL;
}

static bool
pv_span(void *ud, size_t row)
{
	pv_ctx *c = ud;

	return !c->program && c->rows[row].k == NULL;
}

static void
pv_footer(void *ud, size_t row, int y, int x, int h, int w)
{
	pv_ctx *c = ud;
	char buf[1200];

	if (c->program) {
		if (row < c->k.n_program)
			snprintf(buf, sizeof buf, "%s  %s", c->k.program[row].program->kode,
				 c->k.program[row].program->uraian);
		else
			snprintf(buf, sizeof buf, _("Total of %zu programs"), c->k.n_program);
	} else if (c->rows[row].k != NULL) {
		const kinerja_iku *k = c->rows[row].k;

		snprintf(buf, sizeof buf, _("%s  %s (%s; target %s)"), k->iku->kode,
			 k->iku->uraian, k->iku->satuan, k->target_triwulan ?
			 _("of the quarter") : _("annual"));
	} else {
		const kinerja_iku *g = &c->k.iku[c->rows[row].g];

		snprintf(buf, sizeof buf, "%s  %s", g->sasaran->kode, g->sasaran->uraian);
	}
	ui_put_wrapped(y, x, h, w, buf, theme_attr(TR_HINT));
}

static void
pv_info(void *ud, int y, int x, int h, int w)
{
	pv_ctx *c = ud;
	char buf[400];

	(void)h;
	snprintf(buf, sizeof buf, c->program ?
		 _("Budget realisation per program (Rp), %s   \xc2\xb7   Tab: IKU table") :
		 _("Capaian of the IKU, %s   \xc2\xb7   Tab: budget table"),
		 app_period_text(c->a));
	ui_put(y, x, w, buf, A_BOLD, false, false);
}

int
scr_preview(app *a, int step)
{
	static const int acts[] = {
		ACT_HELP, ACT_SWITCH, ACT_BACK, ACT_NEXT_STEP, ACT_STEPS, ACT_NONE,
	};
	const char *labels[] = { NULL, _("Other table"), NULL, NULL, NULL, NULL };
	static const int help_acts[] = {
		ACT_SWITCH, ACT_SEARCH, ACT_SEARCH_NEXT, ACT_UP, ACT_DOWN, ACT_PGUP,
		ACT_PGDN, ACT_NEXT_STEP, ACT_PREV_STEP, ACT_STEPS, ACT_BACK, ACT_NONE,
	};
	list_col icols[8] = {
		{ "No", 3, false, true, 0 }, { NULL, 6, false, false, 0 },
		{ NULL, 16, true, false, 0 }, { NULL, 7, false, false, 100 },
		{ NULL, 8, false, true, 0 }, { NULL, 9, false, true, 0 },
		{ NULL, 8, false, true, 0 }, { NULL, 13, false, false, 0 },
	};
	list_col pcols[7] = {
		{ "No", 3, false, true, 0 }, { NULL, 6, false, false, 0 },
		{ NULL, 12, true, false, 0 }, { NULL, 14, false, true, 0 },
		{ NULL, 14, false, true, 0 }, { NULL, 14, false, true, 0 },
		{ NULL, 8, false, true, 0 },
	};
	pv_ctx c;
	list l;
	lk_err e = { 0, "" };
	int result = -1, act;
	size_t sel[2] = { 0, 0 };

	icols[1].title = _("Code");
	icols[2].title = _("Indicator");
	icols[3].title = _("Unit");
	icols[4].title = _("Target");
	icols[5].title = _("Realisasi");
	icols[6].title = _("Capaian");
	icols[7].title = _("Predikat");
	pcols[1].title = _("Code");
	pcols[2].title = _("Program");
	pcols[3].title = _("Anggaran");
	pcols[4].title = _("Target");
	pcols[5].title = _("Realisasi");
	pcols[6].title = _("Capaian");
	memset(&c, 0, sizeof c);
	c.a = a;
	if (kinerja_hitung(a->r, a->tw, &a->v.installed, &c.k, &e) != 0) {
		ui_message(_("Preview"), e.msg, true);
		return FORM_CANCELLED;
	}
	build_rows(&c);
	if (!c.show_target)
		pcols[4].min_cols = 10000;    /* the target is the anggaran */
	memset(&l, 0, sizeof l);
	l.title = scr_step_name(step);
	l.step = step;
	l.cell = pv_cell;
	l.attr = pv_attr;
	l.span = pv_span;
	l.info = pv_info;
	l.info_rows = 1;
	l.footer = pv_footer;
	l.footer_rows = 2;
	l.ud = &c;
	l.acts = acts;
	l.bar_labels = labels;
	l.help_acts = help_acts;
	l.help = _("The figures of the quarter as the report prints them. Capaian is "
		   "realisation against the quarter's target (for a negative IKU, the "
		   "lower the better); an IKU without realisation has no capaian. Tab "
		   "shows the budget table with its JUMLAH row. Nothing can be changed "
		   "here: go back to steps 4 and 5.");
	list_init(&l);
	list_open(&l);
	while (result < 0) {
		if (c.program) {
			l.cols = pcols;
			l.ncol = 7;
			l.nrows = c.k.n_program + 1;
			l.rule_before = c.k.n_program;
			l.empty = NULL;
		} else {
			l.cols = icols;
			l.ncol = 8;
			l.nrows = c.n;
			l.rule_before = (size_t)-1;
			l.empty = _("No sasaran yet.");
		}
		act = list_run(&l);
		switch (act) {
		case ACT_SWITCH:
		case ACT_NEXT_FIELD:
		case ACT_PREV_FIELD:
		case ACT_LEFT:
		case ACT_RIGHT:
			sel[c.program] = l.sel;
			c.program = !c.program;
			l.sel = sel[c.program];
			l.top = 0;
			break;
		case ACT_ENTER:
		case ACT_EDIT:
		case ACT_ADD:
		case ACT_DELETE:
			ui_msg(UI_MSG_HINT, _("The preview only shows: realisations are typed "
					      "in steps 4 and 5."));
			break;
		default:
			result = scr_list_other(a, act);
		}
	}
	list_close(&l);
	free(c.rows);
	return result;
}
