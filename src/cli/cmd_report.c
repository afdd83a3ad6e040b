/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_report.c - the quarterly LAKIP as a PDF. */
#include "config.h"
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "io/predikat_load.h"
#include "report/layout.h"
#include "report/render.h"
#include "store/workflow.h"

static void
print_warning(void *arg, const char *msg)
{
	const cli_ctx *c = arg;

	if (!c->quiet)
		fprintf(stderr, _("lakip: warning: %s\n"), msg);
}

int
cli_render_pdf(const cli_ctx *c, rencana *r, int tw, const char *tname,
	       const report_extra *x, const char *out, layout_result *res,
	       lk_err *e)
{
	report_hooks h = { NULL, print_warning, (void *)c };
	predikat_tabel pt;
	char tmp[4096];
	const char *dir = getenv("TMPDIR");
	int rc = predikat_load_installed(&r->mem, &pt, e), fd;

	if (rc != 0)
		return rc;
	if (!cli_out_is_stdout(out))
		return report_render(r, tw, &pt, tname, x, &h, out, res, e);
	/* Standard output: the PDF is made in a file (the layout writes
	 * files), then copied. */
	snprintf(tmp, sizeof tmp, "%s/lakip-report-XXXXXX",
		 dir != NULL && *dir ? dir : "/tmp");
	if ((fd = mkstemp(tmp)) < 0)
		return lk_fail(e, EX_CANTCREAT, _("cannot create a temporary file: %s"),
			       strerror(errno));
	close(fd);
	rc = report_render(r, tw, &pt, tname, x, &h, tmp, res, e);
	if (rc == 0)
		rc = cli_copy_to_stdout(tmp, e);
	unlink(tmp);
	return rc;
}

int
cli_agency_template(const cli_ctx *c, const char *kode, store_template *tp,
		    char *label, size_t n, report_extra *x)
{
	lk_err e = { 0, "" };
	store *s;
	int rc;

	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	rc = store_template_get(s, kode, tp, &e);
	store_close(s);
	if (rc != 0)
		return cli_report(&e);
	if (tp->yaml != NULL) {
		snprintf(label, n, _("template of %s, version %d"), kode, tp->versi);
		x->tmpl_yaml = tp->yaml;
		x->tmpl_label = label;
	}
	return 0;
}

int
cmd_report(cli_ctx *c)
{
	lk_err e = { 0, "" };
	cli_period p = { NULL, 0, 0 };
	const char *out = NULL, *tname = NULL;
	layout_result res = { 0, 0 };
	report_extra x = { NULL, NULL, NULL, NULL };
	store_template tp = { 0, NULL, NULL, NULL, NULL };
	char label[128];
	rencana *r;
	int ch, rc;

	while ((ch = cli_getopt(c)) != -1) {
		if ((rc = cli_period_opt(c, ch, &p)) >= 0) {
			if (rc != 0)
				return rc;
			continue;
		}
		switch (ch) {
		case 'T': tname = optarg; break;
		case 'o': out = optarg; break;
		default:
			return EX_USAGE;
		}
	}
	if ((rc = cli_period_done(c, &p, true)) != 0)
		return rc;
	if (out == NULL)
		return cli_usage(c, _("-o FILE.pdf is required"));
	if ((rc = cli_load_rencana(c, &p, &r)) != 0)
		return rc;
	/* Without --template: the agency's template as the database holds
	 * it (lakip template set), else the installed one. */
	if (tname == NULL && (rc = cli_agency_template(c, r->instansi.kode, &tp,
						       label, sizeof label, &x)) != 0) {
		rencana_free(r);
		return rc;
	}
	rc = cli_render_pdf(c, r, p.tw, tname != NULL ? tname : "laporan", &x,
			    out, &res, &e);
	store_template_free(&tp);
	rencana_free(r);
	if (rc != 0)
		return cli_report(&e);
	/* With -o -, standard output is the PDF and nothing else. */
	if (!cli_out_is_stdout(out))
		printf(_("Wrote %s (%u pages, %lu bytes)\n"), out, res.pages, res.bytes);
	return 0;
}
