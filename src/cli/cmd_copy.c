/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_copy.c - `lakip copy FROM TO`. */
#include "config.h"
#include "cli/cli.h"

#include <inttypes.h>
#include <unistd.h>
#include <stdio.h>

#include "core/i18n.h"
#include "svc/copy.h"

int
cmd_copy(cli_ctx *c)
{
	lk_err e = { 0, "" };
	store_copy_result res;
	char a[512], b[512];
	int ch;

	while ((ch = cli_getopt(c)) != -1)
		return EX_USAGE;
	if (c->argc - optind != 2)
		return cli_usage(c, _("expected the database to copy and the new one"));
	if (svc_copy(c->argv[optind], c->argv[optind + 1], &res, &e) != 0)
		return cli_report(&e);
	printf(_("Copied %s to %s: %zu tables, %" PRId64 " rows\n"),
	       store_display_name(c->argv[optind], a, sizeof a),
	       store_display_name(c->argv[optind + 1], b, sizeof b), res.tables,
	       res.rows);
	return 0;
}
