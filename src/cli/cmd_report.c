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
#include "report/layout.h"
#include "report/render.h"
#include "store/workflow.h"
#include "svc/svc.h"

static void
print_warning(void *arg, const char *msg)
{
	const cli_ctx *c = arg;

	if (!c->quiet)
		fprintf(stderr, _("lakip: warning: %s\n"), msg);
}

int
cmd_report(cli_ctx *c)
{
	lk_err e = { 0, "" };
	cli_period p = { NULL, 0, 0 };
	const char *out = NULL, *tname = NULL;
	layout_result res = { 0, 0 };
	report_hooks h = { NULL, print_warning, NULL };
	char tmp[4096] = "";
	svc_period per;
	int ch, rc;
	store *s;
	svc v;

	h.arg = c;
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
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	if ((rc = svc_init(&v, s, &e)) == 0 &&
	    (rc = svc_open(&v, p.instansi, p.tahun, p.tw, AKSI_LIHAT, &per,
			   &e)) == 0) {
		/* Standard output: the PDF is made in a file (the layout
		 * writes files), then copied. */
		if (!cli_out_is_stdout(out) ||
		    (rc = svc_tmp_beside(NULL, NULL, "report", tmp, &e)) == 0)
			rc = svc_render(&v, &per, tname, NULL, &h, tmp[0] ? tmp : out,
					&res, &e);
		if (rc == 0 && tmp[0])
			rc = cli_copy_to_stdout(tmp, &e);
		if (tmp[0])
			unlink(tmp);
		svc_period_free(&per);
	}
	svc_done(&v);
	store_close(s);
	if (rc != 0)
		return cli_report(&e);
	/* With -o -, standard output is the PDF and nothing else. */
	if (!cli_out_is_stdout(out))
		printf(_("Wrote %s (%u pages, %lu bytes)\n"), out, res.pages, res.bytes);
	return 0;
}
