/* cmd_report.c - the quarterly LAKIP as a PDF. */
#include "config.h"
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/kinerja.h"
#include "report/build.h"
#include "report/layout.h"
#include "report/template.h"

int
cmd_report(cli_ctx *c)
{
	static const struct option opts[] = {
		{ "instansi", required_argument, NULL, 'i' },
		{ "tahun", required_argument, NULL, 't' },
		{ "triwulan", required_argument, NULL, 'q' },
		{ "template", required_argument, NULL, 'T' },
		{ "output", required_argument, NULL, 'o' },
		CLI_COMMON_OPTS, { NULL, 0, NULL, 0 },
	};
	lk_err e = { 0, "" };
	const char *inst = NULL, *out = NULL, *tname = "laporan";
	const char **warn = NULL;
	int ch, rc, tahun = 0, tw = 0;
	layout_result res = { 0, 0 };
	tmpl *t = NULL;
	doc *d = NULL;
	rencana *r;
	kinerja k;

	while ((ch = cli_getopt(c, "+d:i:t:q:T:o:", opts)) != -1) {
		switch (ch) {
		case 'i': inst = optarg; break;
		case 'T': tname = optarg; break;
		case 'o': out = optarg; break;
		case 't':
			if ((rc = cli_parse_tahun(c, optarg, &tahun)) != 0)
				return rc;
			break;
		case 'q':
			if ((rc = cli_parse_triwulan(c, optarg, &tw)) != 0)
				return rc;
			break;
		default:
			return EX_USAGE;
		}
	}
	if (optind < c->argc)
		return cli_usage(c, _("unexpected argument '%s'"), c->argv[optind]);
	if (tahun == 0)
		return cli_usage(c, _("--tahun is required"));
	if (tw == 0)
		return cli_usage(c, _("--triwulan is required"));
	if (out == NULL)
		return cli_usage(c, _("-o FILE.pdf is required"));
	if ((rc = tmpl_load(tname, &t, &e)) != 0)
		return cli_report(&e);
	if ((rc = cli_load_quarter(c, inst, tahun, tw, &r, &k)) != 0) {
		tmpl_free(t);
		return rc;
	}
	rc = build_laporan(r, &k, t, &d, &warn, &e);
	if (rc == 0) {
		for (; warn != NULL && *warn != NULL; warn++)
			fprintf(stderr, _("lakip: warning: %s\n"), *warn);
		rc = layout_write_pdf(d, out, &res, &e);
	}
	if (d != NULL)
		doc_free(d);
	tmpl_free(t);
	rencana_free(r);
	if (rc != 0)
		return cli_report(&e);
	printf(_("Wrote %s (%u pages, %lu bytes)\n"), out, res.pages, res.bytes);
	return 0;
}
