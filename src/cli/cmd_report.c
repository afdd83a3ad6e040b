/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_report.c - the quarterly LAKIP as a PDF. */
#include "config.h"
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "io/predikat_load.h"
#include "report/layout.h"
#include "report/render.h"

static void
print_warning(void *arg, const char *msg)
{
	(void)arg;
	fprintf(stderr, _("lakip: warning: %s\n"), msg);
}

int
cli_render_pdf(rencana *r, int tw, const char *tname, const report_extra *x,
	       const char *out, layout_result *res, lk_err *e)
{
	report_hooks h = { NULL, print_warning, NULL };
	predikat_tabel pt;
	int rc = predikat_load_installed(&r->mem, &pt, e);

	return rc ? rc : report_render(r, tw, &pt, tname, x, &h, out, res, e);
}

int
cmd_report(cli_ctx *c)
{
	static const struct option opts[] = {
		CLI_PERIOD_OPTS,
		{ "template", required_argument, NULL, 'T' },
		{ "output", required_argument, NULL, 'o' },
		CLI_COMMON_OPTS, { NULL, 0, NULL, 0 },
	};
	lk_err e = { 0, "" };
	cli_period p = { NULL, 0, 0 };
	const char *out = NULL, *tname = "laporan";
	layout_result res = { 0, 0 };
	rencana *r;
	int ch, rc;

	while ((ch = cli_getopt(c, "+d:i:t:q:T:o:", opts)) != -1) {
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
	rc = cli_render_pdf(r, p.tw, tname, NULL, out, &res, &e);
	rencana_free(r);
	if (rc != 0)
		return cli_report(&e);
	printf(_("Wrote %s (%u pages, %lu bytes)\n"), out, res.pages, res.bytes);
	return 0;
}
