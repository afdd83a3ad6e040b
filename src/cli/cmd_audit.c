/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_audit.c - `lakip audit verify` and `lakip audit log`. */
#include "config.h"
#include "cli/cli.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "store/workflow.h"

/* One line per record; values are shown in full, newlines as "\n". */
static void
put_value(const char *v)
{
	if (v == NULL) {
		fputs("-", stdout);
		return;
	}
	putchar('"');
	for (; *v; v++) {
		if (*v == '\n')
			fputs("\\n", stdout);
		else if (*v == '\t')
			fputs("\\t", stdout);
		else if (*v == '"' || *v == '\\')
			printf("\\%c", *v);
		else
			putchar(*v);
	}
	putchar('"');
}

static int
print_rec(void *arg, const store_audit_rec *r)
{
	(void)arg;
	printf("%" PRId64 " %s %s %s %s %s%s%s%s%s ", r->id, r->at, r->login,
	       r->action, r->scope ? r->scope : "-", r->tbl,
	       r->kode ? " " : "", r->kode ? r->kode : "",
	       r->field ? "." : "", r->field ? r->field : "");
	put_value(r->old);
	fputs(" -> ", stdout);
	put_value(r->new_);
	putchar('\n');
	return 0;
}

static bool
is_date(const char *s)
{
	int y, m, d;
	char rest;

	return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3
		&& s[4] == '-' && s[7] == '-' && tanggal_sah(y, m, d);
}

int
cmd_audit(cli_ctx *c)
{
	lk_err e = { 0, "" };
	const char *since = NULL, *user = NULL, *sub;
	store_audit_check chk;
	store *s;
	int ch, rc;

	while ((ch = cli_getopt(c)) != -1) {
		if (ch == 's')
			since = optarg;
		else if (ch == 'u')
			user = optarg;
		else
			return EX_USAGE;
	}
	if (optind >= c->argc)
		return cli_usage(c, _("expected verify or log"));
	sub = c->argv[optind];
	if (optind + 1 < c->argc)
		return cli_usage(c, _("unexpected argument '%s'"), c->argv[optind + 1]);
	if (strcmp(sub, "verify") == 0) {
		if (since != NULL || user != NULL)
			return cli_usage(c, _("audit verify takes no options"));
	} else if (strcmp(sub, "log") == 0) {
		if (since != NULL && !is_date(since))
			return cli_usage(c, _("--since: expected a date YYYY-MM-DD, got '%s'"),
					 since);
	} else
		return cli_usage(c, _("unknown audit command '%s' (verify, log)"), sub);
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	if (strcmp(sub, "verify") == 0) {
		rc = store_audit_verify(s, &chk, &e);
		if (rc == 0)
			printf(_("Audit log intact: %" PRId64 " records, head %s\n"),
			       chk.n, chk.head);
		else if (chk.bad_id != 0)
			printf(_("Audit log BROKEN at record %" PRId64 ": %s\n"
				 "(%" PRId64 " records before it verified)\n"),
			       chk.bad_id, chk.why, chk.n);
	} else
		rc = store_audit_list(s, since, user, print_rec, NULL, &e);
	store_close(s);
	return rc ? cli_report(&e) : 0;
}
