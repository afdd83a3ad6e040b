/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_print.c - step 10: the quarterly LAKIP as a PDF, made by the
 * service layer as `lakip report` makes it (svc_render). */
#include "config.h"
#include "tui/screens.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/dec.h"
#include "core/i18n.h"
#include "report/layout.h"
#include "report/render.h"
#include "tui/ui.h"


/* Warnings of the render, kept for the result screen. */
typedef struct warn_list {
	char **msg;
	size_t n;
} warn_list;

static void
on_warn(void *arg, const char *msg)
{
	warn_list *w = arg;
	char **m = realloc(w->msg, (w->n + 2) * sizeof *m);

	if (m == NULL)
		return;
	w->msg = m;
	if ((m[w->n] = strdup(msg)) != NULL)
		w->n++;
	m[w->n] = NULL;
}

static void
on_progress(void *arg, const char *stage)
{
	(void)arg;
	ui_progress(_("Print PDF"), stage);
}

/* What the result screen says. */
static void
show_result(const char *path, const layout_result *res, char *const *warn)
{
	char *text, abs[PATH_MAX], num[DEC_BUFSZ];
	size_t len = 4096, i;

	for (i = 0; warn != NULL && warn[i] != NULL; i++)
		len += strlen(warn[i]) + 8;
	if ((text = malloc(len)) == NULL)
		return;
	if (realpath(path, abs) == NULL)
		snprintf(abs, sizeof abs, "%s", path);
	snprintf(text, len, _("The report was written to:\n\n    %s\n\n%u pages, %s bytes.\n"),
		 abs, res->pages, dec_format_uang((int64_t)res->bytes * 100, num));
	if (warn != NULL && warn[0] != NULL) {
		strcat(text, "\n");
		strcat(text, _("Things the report prints as empty:"));
		strcat(text, "\n");
		for (i = 0; warn[i] != NULL; i++) {
			strcat(text, "  - ");
			strcat(text, warn[i]);
			strcat(text, "\n");
		}
	}
	ui_show_text(_("PDF written"), text);
	free(text);
}

int
scr_print(app *a, int step)
{
	lk_err e = { 0, "" };
	char *path = NULL, *def = app_default_pdf(a, ""), label[300];
	warn_list w = { NULL, 0 };
	report_hooks h = { on_progress, on_warn, &w };
	layout_result res = { 0, 0 };
	size_t i;
	int rc;

	(void)step;
	if (a->dirty) {
		int r = ui_ask3(_("Unsaved changes"),
				_("Some changes are not saved in the database. Save them "
				  "before printing?"), _("Save"), _("Print anyway"), _("Cancel"));

		if (r < 0 || r == 2 || (r == 0 && app_save_pending(a) != 0)) {
			free(def);
			return FORM_CANCELLED;
		}
	}
	snprintf(label, sizeof label, _("File name of the PDF of %s:"), app_period_text(a));
	if (!ui_prompt(_("Print PDF"), label, def, &path)) {
		free(def);
		return ui_terminating() ? FORM_TERMINATED : FORM_CANCELLED;
	}
	free(def);
	if (*path == '\0') {
		free(path);
		return FORM_CANCELLED;
	}
	if (access(path, F_OK) == 0) {
		char q[PATH_MAX + 100];

		snprintf(q, sizeof q, _("%s exists. Replace it?"), path);
		if (ui_confirm(_("Print PDF"), q, false) != 1) {
			free(path);
			return FORM_CANCELLED;
		}
	}
	{
		/* As `lakip report` makes it: the agency's template as the
		 * database holds it, the period's one predikat table. */
		svc_period p;

		memset(&p, 0, sizeof p);
		p.kode = a->instansi;
		p.tahun = a->tahun;
		p.tw = a->tw;
		p.r = a->r;
		svc_use(&a->v, &p);
		rc = svc_render(&a->v, &p, NULL, NULL, &h, path, &res, &e);
	}
	if (rc == 0)
		show_result(path, &res, w.msg);
	else
		ui_message(_("The PDF was not written"), e.msg, true);
	for (i = 0; i < w.n; i++)
		free(w.msg[i]);
	free(w.msg);
	free(path);
	return ui_terminating() ? FORM_TERMINATED : FORM_CANCELLED;
}
