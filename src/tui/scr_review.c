/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_review.c - the kabid's review of the quarter on screen: the IKU of
 * his bidang (every IKU for an admin, who may look but not review) with
 * target, realisation, capaian in its predikat colour, the state of the
 * entry and who submitted it, and below them the narrative of the
 * sasaran.  Approve or return one entry at a time, or approve every
 * submitted entry at once (wf_action.c); Enter shows the whole entry and
 * narrative.  What the store refuses (another bidang, one's own entry, a
 * lock) is shown as it says it. */
#include "config.h"
#include "tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dec.h"
#include "core/i18n.h"
#include "tui/list.h"
#include "tui/ui.h"

typedef struct rv_row {
	size_t e;                    /* index in a->wf.entri */
	const kinerja_iku *k;        /* its figures, or NULL */
} rv_row;

typedef struct rv_ctx {
	app *a;
	kinerja k;
	bool have_k;
	rv_row *rows;
	size_t n;
	unsigned count[ENTRI_N];     /* of the rows listed */
} rv_ctx;

/* The entry of a row.  a->wf is reloaded by every action, and the rows
 * are rebuilt after it; a box drawn in between (a refusal) may find it
 * shorter: then an empty entry. */
static const store_entri *
entri_of(const rv_ctx *c, size_t row)
{
	static store_entri none = { 0, (char *)"", (char *)"", NULL, ENTRI_DRAFT,
				    false, NULL, NULL, NULL, NULL, NULL };

	if (row >= c->n || c->rows[row].e >= c->a->wf.n_entri)
		return &none;
	return &c->a->wf.entri[c->rows[row].e];
}

/* The rows: the reviewer's bidang (everything for others), from a->wf. */
static void
rv_rows(rv_ctx *c)
{
	app *a = c->a;
	size_t i, j, at = 0, nk = c->have_k ? c->k.n_iku : 0;

	app_wf_load(a, true);
	free(c->rows);
	c->rows = calloc(a->wf.n_entri + 1, sizeof *c->rows);
	if (c->rows == NULL)
		lk_fatal("out of memory");
	c->n = 0;
	memset(c->count, 0, sizeof c->count);
	for (i = 0; app_wf_ok(a) && i < a->wf.n_entri; i++) {
		const store_entri *x = &a->wf.entri[i];
		rv_row *r;

		if (a->user.peran == PERAN_KABID && !wf_mine(a, x))
			continue;
		r = &c->rows[c->n++];
		r->e = i;
		r->k = NULL;
		/* Both are in report order: look on from the last match. */
		for (j = 0; j < nk && r->k == NULL; j++) {
			const kinerja_iku *ki = &c->k.iku[(at + j) % nk];

			if (ki->iku != NULL && strcmp(ki->iku->kode, x->iku) == 0) {
				r->k = ki;
				at = (at + j) % nk + 1;
			}
		}
		c->count[x->state]++;
	}
}

static const char *
capaian_text(const kinerja_iku *k, char *buf, size_t n)
{
	char num[DEC_BUFSZ];

	if (k == NULL || !k->ada_realisasi)
		return "";
	if (k->capaian.status != CAPAIAN_ADA)
		return "-";
	snprintf(buf, n, "%s%%", dec_format_persen(k->capaian.persen, num));
	return buf;
}

static const char *
rv_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	rv_ctx *c = ud;
	const store_entri *x = entri_of(c, row);
	const kinerja_iku *k = c->rows[row].k;
	char num[DEC_BUFSZ];

	switch (col) {
	case 0: return x->iku;
	case 1: return k != NULL && k->iku->uraian != NULL ? k->iku->uraian : "";
	case 2:
		if (k == NULL)
			return "";
		snprintf(buf, n, "%s", dec_format_nilai(k->target, num));
		return buf;
	case 3:
		if (k == NULL || !k->ada_realisasi)
			return "-";
		snprintf(buf, n, "%s", dec_format_nilai(k->realisasi, num));
		return buf;
	case 4: return capaian_text(k, buf, n);
	case 5: return entri_state_label(x->state);
	default: return x->submitted_by != NULL ? x->submitted_by : "-";
	}
}

static attr_t
rv_attr(void *ud, size_t row, size_t col)
{
	rv_ctx *c = ud;
	const kinerja_iku *k = c->rows[row].k;

	if (col == 4 && k != NULL && k->predikat != NULL)
		return theme_attr(theme_warna(k->predikat->warna));
	if (col != 5)
		return A_NORMAL;
	switch (entri_of(c, row)->state) {
	case ENTRI_SUBMITTED: return theme_attr(TR_CUKUP) | A_BOLD;
	case ENTRI_RETURNED: return theme_attr(TR_KURANG);
	case ENTRI_APPROVED: return theme_attr(TR_BAIK);
	default: return theme_attr(TR_HINT);
	}
}

static void
rv_info(void *ud, int y, int x, int h, int w)
{
	rv_ctx *c = ud;
	app *a = c->a;
	char buf[900], bid[300] = "";
	size_t i;

	(void)h;
	for (i = 0; i < a->user.n_bidang; i++)
		snprintf(bid + strlen(bid), sizeof bid - strlen(bid), "%s%s", i ? ", " : "",
			 a->user.bidang[i]);
	if (a->user.peran == PERAN_KABID)
		snprintf(buf, sizeof buf, _("Reviewer: %s (kabid of %s)"), store_actor(a->st),
			 bid);
	else
		snprintf(buf, sizeof buf, _("%s (%s): every IKU is listed; reviewing needs "
					    "the role kabid."), store_actor(a->st),
			 app_listed(a) ? peran_nama(a->user.peran) : _("not listed"));
	ui_put(y, x, w, buf, A_BOLD, false, false);
	if (app_locked(a))
		app_lock_text(a, true, buf, sizeof buf);
	else
		snprintf(buf, sizeof buf, _("To review: %u \xc2\xb7 returned: %u \xc2\xb7 "
					    "approved: %u \xc2\xb7 draft: %u"),
			 c->count[ENTRI_SUBMITTED], c->count[ENTRI_RETURNED],
			 c->count[ENTRI_APPROVED], c->count[ENTRI_DRAFT]);
	ui_put(y + 1, x, w, buf, app_locked(a) ? theme_attr(TR_CUKUP) :
	       theme_attr(TR_HINT), false, false);
}

/* The state of an entry in words: who, when (and the comment, when
 * with_comment). */
static const char *
state_text(const store_entri *x, bool with_comment, char *buf, size_t n)
{
	char when[64];

	switch (x->state) {
	case ENTRI_SUBMITTED:
		snprintf(buf, n, _("submitted by %s on %s"), x->submitted_by ? x->submitted_by
			 : "?", app_when(x->submitted_at, when, sizeof when));
		break;
	case ENTRI_RETURNED:
		if (with_comment)
			snprintf(buf, n, _("returned by %s on %s: %s"), x->reviewed_by ?
				 x->reviewed_by : "?", app_when(x->reviewed_at, when, sizeof when),
				 x->comment ? x->comment : "");
		else
			snprintf(buf, n, _("returned by %s on %s"), x->reviewed_by ?
				 x->reviewed_by : "?", app_when(x->reviewed_at, when, sizeof when));
		break;
	case ENTRI_APPROVED:
		snprintf(buf, n, _("approved by %s on %s"), x->reviewed_by ? x->reviewed_by
			 : "?", app_when(x->reviewed_at, when, sizeof when));
		break;
	default:
		snprintf(buf, n, "%s", _("draft: not submitted yet"));
	}
	return buf;
}

static const char *
narasi_of(const rv_ctx *c, const kinerja_iku *k)
{
	return k != NULL && k->sasaran != NULL ? k->sasaran->narasi[c->a->tw] : NULL;
}

/* The narrative on a few lines: its line breaks as spaces. */
static void
flow(char *s)
{
	for (; *s; s++)
		if (*s == '\n')
			*s = ' ';
}

static void
rv_footer(void *ud, size_t row, int y, int x, int h, int w)
{
	rv_ctx *c = ud;
	const store_entri *e = entri_of(c, row);
	const kinerja_iku *k = c->rows[row].k;
	const char *nar = narasi_of(c, k);
	char buf[1200], st[700], cap[64];
	int line = 0;

	snprintf(buf, sizeof buf, "%s  %s", e->iku, k != NULL && k->iku->uraian ?
		 k->iku->uraian : "");
	ui_put(y + line++, x, w, buf, A_BOLD, false, false);
	if (k != NULL && k->predikat != NULL)
		snprintf(buf, sizeof buf, _("Capaian %s (%s) \xc2\xb7 %s"),
			 capaian_text(k, cap, sizeof cap), k->predikat->nama,
			 state_text(e, false, st, sizeof st));
	else
		snprintf(buf, sizeof buf, "%s", state_text(e, false, st, sizeof st));
	ui_put(y + line++, x, w, buf, A_NORMAL, false, false);
	if (e->state == ENTRI_RETURNED && e->comment != NULL) {
		snprintf(buf, sizeof buf, _("Comment: %s"), e->comment);
		flow(buf);
		ui_put(y + line++, x, w, buf, theme_attr(TR_KURANG), false, false);
	}
	if (nar != NULL && *nar)
		snprintf(buf, sizeof buf, _("Narrative of %s: %s"), e->sasaran, nar);
	else
		snprintf(buf, sizeof buf, _("%s has no narrative for this quarter yet."),
			 e->sasaran);
	flow(buf);
	ui_put_wrapped(y + line, x, h - line, w, buf, theme_attr(TR_HINT));
}

/* Enter: the whole entry, with the narrative and the review so far. */
static void
rv_detail(rv_ctx *c, size_t row)
{
	const store_entri *e = entri_of(c, row);
	const kinerja_iku *k = c->rows[row].k;
	const char *nar = narasi_of(c, k);
	char *text = NULL, st[700], cap[64], num[2][DEC_BUFSZ];
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (f == NULL)
		lk_fatal("out of memory");
	fprintf(f, "%s  %s\n", e->iku, k != NULL && k->iku->uraian ? k->iku->uraian : "");
	if (k != NULL && k->sasaran != NULL)
		fprintf(f, _("Sasaran %s  %s\n"), k->sasaran->kode,
			k->sasaran->uraian ? k->sasaran->uraian : "");
	if (k != NULL && k->ada_realisasi)
		fprintf(f, _("Target %s %s, realisation %s, capaian %s (%s).\n"),
			dec_format_nilai(k->target, num[0]), k->iku->satuan ? k->iku->satuan : "",
			dec_format_nilai(k->realisasi, num[1]), capaian_text(k, cap, sizeof cap),
			k->predikat != NULL ? k->predikat->nama : "-");
	else if (k != NULL)
		fprintf(f, _("Target %s %s; no realisation yet.\n"),
			dec_format_nilai(k->target, num[0]), k->iku->satuan ? k->iku->satuan : "");
	fprintf(f, _("State: %s.\n"), state_text(e, true, st, sizeof st));
	fprintf(f, "\n%s\n\n", _("Narrative of the sasaran for the quarter:"));
	fprintf(f, "%s\n", nar != NULL && *nar ? nar : _("(none yet)"));
	if (k != NULL && k->sasaran != NULL && k->sasaran->n_tabel[c->a->tw] > 0)
		fprintf(f, _("\nSupporting tables: %zu (step 6).\n"),
			k->sasaran->n_tabel[c->a->tw]);
	fprintf(f, "\n%s\n\n", _("Review of the entry:"));
	scr_review_events(f, c->a, e->iku);
	fclose(f);
	{
		char title[300];

		snprintf(title, sizeof title, "%s \xe2\x80\x94 %s", e->iku,
			 app_period_text(c->a));
		ui_show_text(title, text);
	}
	free(text);
}

int
scr_review(app *a)
{
	static const int acts[] = {
		ACT_HELP, ACT_APPROVE, ACT_RETURN, ACT_APPROVE_ALL, ACT_BACK, ACT_ENTER,
		ACT_NONE,
	};
	static const int help_acts[] = {
		ACT_APPROVE, ACT_RETURN, ACT_APPROVE_ALL, ACT_ENTER, ACT_HISTORY,
		ACT_SEARCH, ACT_SEARCH_NEXT, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN,
		ACT_BACK, ACT_QUIT, ACT_NONE,
	};
	const char *labels[] = { NULL, NULL, NULL, NULL, NULL, _("Detail"), NULL };
	list_col cols[7] = {
		{ NULL, 7, false, false, 0 }, { NULL, 12, true, false, 0 },
		{ NULL, 9, false, true, 0 }, { NULL, 9, false, true, 0 },
		{ NULL, 8, false, true, 0 }, { NULL, 12, false, false, 0 },
		{ NULL, 13, false, false, 0 },
	};
	char title[200];
	lk_err e = { 0, "" };
	rv_ctx c;
	list l;
	int result = -1, act;

	cols[0].title = _("Code");
	cols[1].title = _("Indicator");
	cols[2].title = _("Target");
	cols[3].title = _("Real.");
	cols[4].title = _("Capaian");
	cols[5].title = _("State");
	cols[6].title = _("Submitted by");
	memset(&c, 0, sizeof c);
	c.a = a;
	/* What the operator saved last, unless this session has changes of
	 * its own that are not saved. */
	if (!a->dirty)
		app_reload(a);
	c.have_k = kinerja_hitung(a->r, a->tw, &a->v.installed, &c.k, &e) == 0;
	rv_rows(&c);
	memset(&l, 0, sizeof l);
	snprintf(title, sizeof title, _("Review of the capaian \xe2\x80\x94 %s"),
		 app_period_text(a));
	l.title = title;
	l.cols = cols;
	l.ncol = 7;
	l.cell = rv_cell;
	l.attr = rv_attr;
	l.info = rv_info;
	l.info_rows = 2;
	l.footer = rv_footer;
	l.footer_rows = 5;
	l.ud = &c;
	l.acts = acts;
	l.bar_labels = labels;
	l.help_acts = help_acts;
	l.help = _("The IKU of your bidang with their capaian for the quarter and the "
		   "state of each entry. An operator submits an entry; you approve it "
		   "(y) or return it with a comment that says what to fix (r); Y "
		   "approves every submitted entry at once. Nobody reviews an entry he "
		   "submitted himself. Enter shows the whole entry with the narrative "
		   "of its sasaran; F12 the history of its realisation.");
	l.empty = _("There is no IKU of your bidang in this quarter's plan.");
	list_init(&l);
	for (l.sel = 0; l.sel < c.n && entri_of(&c, l.sel)->state != ENTRI_SUBMITTED; l.sel++)
		;
	if (l.sel >= c.n)
		l.sel = 0;
	list_open(&l);
	while (result < 0) {
		const char *kode;
		char keep[128] = "";
		size_t i;

		app_update_context(a);
		l.nrows = c.n;
		act = list_run(&l);
		kode = c.n > 0 ? entri_of(&c, l.sel)->iku : NULL;
		if (kode != NULL)
			snprintf(keep, sizeof keep, "%s", kode);
		switch (act) {
		case ACT_APPROVE:
			if (kode != NULL)
				wf_approve(a, keep);
			break;
		case ACT_RETURN:
			if (kode != NULL)
				wf_return(a, keep);
			break;
		case ACT_APPROVE_ALL:
			wf_approve(a, NULL);
			break;
		case ACT_ENTER:
		case ACT_EDIT:
			if (kode != NULL)
				rv_detail(&c, l.sel);
			break;
		case ACT_HISTORY:
			if (kode != NULL)
				scr_history(a, false, keep);
			break;
		case ACT_SAVE:
			ui_msg(UI_MSG_HINT, _("The review is saved at once: there is nothing "
					      "left to save."));
			break;
		case ACT_TERMINATE:
			result = FORM_TERMINATED;
			break;
		case ACT_QUIT:
			result = FORM_QUIT;
			break;
		case ACT_BACK:
		case ACT_STEPS:
		case ACT_NEXT_STEP:
		case ACT_PREV_STEP:
			result = FORM_CANCELLED;
			break;
		default:
			break;
		}
		/* a->wf was reloaded: rebuild, keeping the row. */
		rv_rows(&c);
		for (i = 0; keep[0] && i < c.n; i++)
			if (strcmp(entri_of(&c, i)->iku, keep) == 0)
				l.sel = i;
	}
	list_close(&l);
	free(c.rows);
	return result;
}
