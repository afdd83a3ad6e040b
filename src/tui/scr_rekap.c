/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_rekap.c - the province view in the terminal application, for an
 * admin and for anyone who holds a role in several agencies: one row per
 * agency he sees, sorted by kode, with the IKU that have a realisation,
 * the mean capaian, the budget absorption and the quarter's state, the
 * same figures as `lakip rekap` and each agency's own `show` (the
 * service layer's svc_rekap), the totals below; Enter shows a row in
 * full, p prints the table as the PDF `lakip report --dokumen rekap`
 * makes. */
#include "config.h"
#include "tui/screens.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/dec.h"
#include "core/i18n.h"
#include "svc/rekap.h"
#include "tui/list.h"
#include "tui/theme.h"
#include "tui/ui.h"

typedef struct rk_ctx {
	app *a;
	svc_rekap_row *rows;
	size_t n;
	rekap_total tot;
	bool have_tot;
} rk_ctx;

static int
rk_load(rk_ctx *c)
{
	lk_err e = { 0, "" };
	int rc;

	svc_rekap_free(c->rows, c->n);
	c->rows = NULL;
	c->n = 0;
	rc = svc_rekap(&c->a->v, c->a->tahun, c->a->tw, &c->rows, &c->n, &e);
	if (rc != 0) {
		app_fail(c->a, rc, &e);
		return rc;
	}
	c->have_tot = rekap_jumlah(c->rows, c->n, &c->tot) == 0;
	return 0;
}

static const char *
persen(bool ada, int64_t v, char *buf, size_t n)
{
	char num[DEC_BUFSZ];

	if (!ada)
		return "";
	snprintf(buf, n, "%s%%", dec_format_persen(v, num));
	return buf;
}

static const char *
serapan_text(const capaian *c, char *buf, size_t n)
{
	if (c->status == CAPAIAN_KOSONG)
		return "";
	if (c->status != CAPAIAN_ADA)
		return "-";
	return persen(true, c->persen, buf, n);
}

static const char *
rk_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	rk_ctx *c = ud;
	const svc_rekap_row *b = &c->rows[row];

	switch (col) {
	case 0: return b->kode;
	case 1: return b->nama != NULL ? b->nama : "";
	case 2:
		if (!b->ada_rencana)
			return "";
		snprintf(buf, n, "%zu/%zu", b->iku_terisi, b->iku);
		return buf;
	case 3: return persen(b->ada_capaian, b->capaian, buf, n);
	case 4: return serapan_text(&b->serapan, buf, n);
	default: return rekap_status_teks(b, true, buf, n);
	}
}

static attr_t
rk_attr(void *ud, size_t row, size_t col)
{
	rk_ctx *c = ud;

	if (col != 5)
		return col == 0 ? A_BOLD : A_NORMAL;
	switch (c->rows[row].status) {
	case REKAP_DITANDATANGANI:
	case REKAP_DISETUJUI: return theme_attr(TR_BAIK);
	case REKAP_DIAJUKAN: return theme_attr(TR_CUKUP);
	case REKAP_DIKEMBALIKAN: return theme_attr(TR_KURANG);
	default: return theme_attr(TR_HINT);
	}
}

static void
rk_footer(void *ud, size_t row, int y, int x, int h, int w)
{
	rk_ctx *c = ud;
	char buf[600], cap[64], ser[64];

	(void)row;
	(void)h;
	if (!c->have_tot)
		return;
	snprintf(buf, sizeof buf, _("All %zu agencies: %zu of %zu IKU realised \xc2\xb7 "
				    "mean capaian %s \xc2\xb7 absorption %s"), c->tot.n,
		 c->tot.iku_terisi, c->tot.iku,
		 c->tot.ada_capaian ? persen(true, c->tot.capaian, cap, sizeof cap) : "-",
		 c->tot.serapan.status == CAPAIAN_ADA ?
		 serapan_text(&c->tot.serapan, ser, sizeof ser) : "-");
	ui_put(y, x, w, buf, A_BOLD, false, false);
	snprintf(buf, sizeof buf, _("signed %u \xc2\xb7 approved %u \xc2\xb7 submitted %u "
				    "\xc2\xb7 returned %u \xc2\xb7 draft %u \xc2\xb7 empty %u"),
		 c->tot.status[REKAP_DITANDATANGANI], c->tot.status[REKAP_DISETUJUI],
		 c->tot.status[REKAP_DIAJUKAN], c->tot.status[REKAP_DIKEMBALIKAN],
		 c->tot.status[REKAP_DRAF], c->tot.status[REKAP_KOSONG]);
	ui_put(y + 1, x, w, buf, theme_attr(TR_HINT), false, false);
}

/* Enter: the row in full. */
static void
rk_detail(rk_ctx *c, size_t row)
{
	const svc_rekap_row *b = &c->rows[row];
	char text[2400], st[200], cap[64], ser[64], title[200];

	if (!b->ada_rencana)
		snprintf(text, sizeof text, _("%s\n%s\n\nNo plan for %d: nothing to "
					      "show."), b->kode, b->nama ? b->nama : "",
			 c->a->tahun);
	else
		snprintf(text, sizeof text, _("%s\n%s\n%s\n\nIKU with a realisation: %zu "
					      "of %zu\nMean capaian (of %zu IKU with "
					      "one): %s\nBudget absorption (JUMLAH): "
					      "%s\nState: %s\nEntries: %u draft, %u "
					      "submitted, %u returned, %u approved"),
			 b->kode, b->nama ? b->nama : "", b->pemerintah ? b->pemerintah : "",
			 b->iku_terisi, b->iku, b->n_capaian,
			 b->ada_capaian ? persen(true, b->capaian, cap, sizeof cap) : "-",
			 b->serapan.status == CAPAIAN_ADA ?
			 serapan_text(&b->serapan, ser, sizeof ser) : "-",
			 rekap_status_teks(b, true, st, sizeof st),
			 b->count[ENTRI_DRAFT], b->count[ENTRI_SUBMITTED],
			 b->count[ENTRI_RETURNED], b->count[ENTRI_APPROVED]);
	snprintf(title, sizeof title, "%s \xe2\x80\x94 %s", b->kode, app_period_text(c->a));
	ui_show_text(title, text);
}

/* p: the table as a PDF, where the user's documents go. */
static void
rk_print(rk_ctx *c)
{
	lk_err e = { 0, "" };
	layout_result res = { 0, 0 };
	char *def = app_default_pdf(c->a, "-rekap"), *path = NULL, msg[PATH_MAX + 200];
	char *slash;
	int rc;

	/* The province's file is not one agency's: REKAP-YEAR-TWn. */
	if ((slash = strrchr(def, '/')) != NULL)
		snprintf(slash + 1, strlen(slash + 1) + 1, "REKAP-%d-TW%s.pdf",
			 c->a->tahun, tw_romawi(c->a->tw));
	if (!ui_prompt(_("Print the province view"), _("File name of the PDF:"), def,
		       &path) || *path == '\0') {
		free(def);
		free(path);
		return;
	}
	free(def);
	ui_progress(_("Print the province view"), _("Laying out the pages and writing "
						   "the PDF..."));
	rc = svc_rekap_render(c->rows, c->n, c->a->tahun, c->a->tw, path, &res, &e);
	if (rc != 0) {
		app_fail(c->a, rc, &e);
	} else {
		char abs[PATH_MAX];

		if (realpath(path, abs) == NULL)
			snprintf(abs, sizeof abs, "%s", path);
		snprintf(msg, sizeof msg, _("The province view was written to:\n\n    %s\n\n"
					    "%u pages."), abs, res.pages);
		ui_show_text(_("PDF written"), msg);
	}
	free(path);
}

int
scr_rekap(app *a)
{
	static const int acts[] = {
		ACT_HELP, ACT_ENTER, ACT_PRINT, ACT_BACK, ACT_NONE,
	};
	const char *labels[] = { NULL, _("Detail"), NULL, NULL, NULL };
	list_col cols[6] = {
		{ NULL, 18, false, false, 0 }, { NULL, 14, true, false, 0 },
		{ NULL, 7, false, true, 0 }, { NULL, 8, false, true, 0 },
		{ NULL, 8, false, true, 0 }, { NULL, 14, false, false, 0 },
	};
	char title[200];
	rk_ctx c;
	list l;
	int act, result = -1;

	memset(&c, 0, sizeof c);
	c.a = a;
	if (rk_load(&c) != 0)
		return FORM_CANCELLED;
	cols[0].title = _("Code");
	cols[1].title = _("Agency");
	cols[2].title = _("IKU");
	cols[3].title = _("Capaian");
	cols[4].title = _("Absorb.");
	cols[5].title = _("State");
	memset(&l, 0, sizeof l);
	snprintf(title, sizeof title, _("Province view \xe2\x80\x94 %s"), app_period_text(a));
	l.title = title;
	l.cols = cols;
	l.ncol = 6;
	l.nrows = c.n;
	l.cell = rk_cell;
	l.attr = rk_attr;
	l.footer = rk_footer;
	l.footer_rows = 2;
	l.detail_col = 2;
	l.ud = &c;
	l.acts = acts;
	l.bar_labels = labels;
	l.help = _("Every agency you see (an admin: all; otherwise those you hold a role "
		   "in), sorted by kode: the IKU with a realisation of all IKU, the mean "
		   "capaian of the IKU that have one (of the capaian as printed), the "
		   "budget absorption (the JUMLAH row) and the state of the quarter "
		   "(empty, draft, submitted, returned, approved, signed with its "
		   "version): the same figures as each agency's own report. Enter shows "
		   "a row in full; p prints the table as a PDF (lakip report --dokumen "
		   "rekap).");
	l.empty = _("No agency to show.");
	list_init(&l);
	list_open(&l);
	while (result < 0) {
		app_update_context(a);
		act = list_run(&l);
		switch (act) {
		case ACT_ENTER:
		case ACT_EDIT:
			if (c.n > 0)
				rk_detail(&c, l.sel);
			break;
		case ACT_PRINT:
			rk_print(&c);
			break;
		case ACT_TERMINATE:
			result = FORM_TERMINATED;
			break;
		case ACT_QUIT:
			result = FORM_QUIT;
			break;
		case ACT_BACK:
		case ACT_STEPS:
			result = FORM_CANCELLED;
			break;
		default:
			break;
		}
	}
	list_close(&l);
	svc_rekap_free(c.rows, c.n);
	return result;
}
