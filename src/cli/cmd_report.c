/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_report.c - the documents `lakip report` writes as a PDF: the
 * quarterly LAKIP of one agency (laporan) and the rekap of every agency. */
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
#include "svc/rekap.h"
#include "svc/svc.h"

static void
print_warning(void *arg, const char *msg)
{
	const cli_ctx *c = arg;

	if (!c->quiet)
		fprintf(stderr, _("lakip: warning: %s\n"), msg);
}

/* What `report` was asked for. */
typedef struct report_args {
	cli_period p;
	const char *out, *tname;
	report_hooks h;
} report_args;

/* Write the document into path (a file; standard output is a temporary
 * file copied by the caller). */
typedef int report_fn(cli_ctx *c, svc *v, const report_args *a,
		      const char *path, layout_result *res, lk_err *e);

static int
write_laporan(cli_ctx *c, svc *v, const report_args *a, const char *path,
	      layout_result *res, lk_err *e)
{
	svc_period per;
	int rc;

	(void)c;
	if ((rc = svc_open(v, a->p.instansi, a->p.tahun, a->p.tw, AKSI_LIHAT,
			   &per, e)) != 0)
		return rc;
	rc = svc_render(v, &per, a->tname, NULL, &a->h, path, res, e);
	svc_period_free(&per);
	return rc;
}

static int
write_pk(cli_ctx *c, svc *v, const report_args *a, const char *path,
	 layout_result *res, lk_err *e)
{
	svc_period per;
	int rc;

	(void)c;
	if ((rc = svc_open(v, a->p.instansi, a->p.tahun, 0, AKSI_LIHAT,
			   &per, e)) != 0)
		return rc;
	rc = svc_render_pk(v, &per, a->tname, NULL, &a->h, path, res, e);
	svc_period_free(&per);
	return rc;
}

static int
write_lkjip(cli_ctx *c, svc *v, const report_args *a, const char *path,
	    layout_result *res, lk_err *e)
{
	svc_period per;
	int rc;

	(void)c;
	if ((rc = svc_open(v, a->p.instansi, a->p.tahun, 0, AKSI_LIHAT,
			   &per, e)) != 0)
		return rc;
	rc = svc_render_lkjip(v, &per, a->tname, NULL, &a->h, path, res, e);
	svc_period_free(&per);
	return rc;
}

static int
write_rekap(cli_ctx *c, svc *v, const report_args *a, const char *path,
	    layout_result *res, lk_err *e)
{
	svc_rekap_row *rows;
	size_t n, i;
	int rc;

	if ((rc = svc_rekap(v, a->p.tahun, a->p.tw, &rows, &n, e)) != 0)
		return rc;
	for (i = 0; i < n && !c->quiet; i++)
		if (!rows[i].ada_rencana)
			fprintf(stderr, _("lakip: note: %s has no plan for %d\n"),
				rows[i].kode, a->p.tahun);
	rc = svc_rekap_render(rows, n, a->p.tahun, a->p.tw, path, res, e);
	svc_rekap_free(rows, n);
	return rc;
}

/* The kinds of document, the first the default (--dokumen NAME). */
static const struct {
	const char *name;
	bool one_agency;         /* takes --instansi and --template */
	bool tahunan;            /* of the year: takes no --triwulan */
	report_fn *fn;
} dokumen[] = {
	{ "laporan", true, false, write_laporan },
	{ "rekap", false, false, write_rekap },
	{ "pk", true, true, write_pk },
	{ "lkjip", true, true, write_lkjip },
};
#define N_DOKUMEN (sizeof dokumen / sizeof dokumen[0])

static int
bad_dokumen(cli_ctx *c, const char *arg)
{
	char names[128] = "";
	size_t i, len = 0;

	for (i = 0; i < N_DOKUMEN && len < sizeof names; i++) {
		int w = snprintf(names + len, sizeof names - len, "%s%s",
				 i == 0 ? "" : i + 1 < N_DOKUMEN ? ", " : _(" or "),
				 dokumen[i].name);

		if (w > 0)
			len += (size_t)w;
	}
	return cli_usage(c, _("--dokumen: expected %s, got '%s'"), names, arg);
}

int
cmd_report(cli_ctx *c)
{
	lk_err e = { 0, "" };
	report_args a = { { NULL, 0, 0 }, NULL, NULL, { NULL, print_warning, NULL } };
	layout_result res = { 0, 0 };
	char tmp[4096] = "";
	size_t kind = 0;
	int ch, rc;
	store *s;
	svc v;

	a.h.arg = c;
	while ((ch = cli_getopt(c)) != -1) {
		if ((rc = cli_period_opt(c, ch, &a.p)) >= 0) {
			if (rc != 0)
				return rc;
			continue;
		}
		switch (ch) {
		case 'T': a.tname = optarg; break;
		case 'o': a.out = optarg; break;
		case 'D':
			for (kind = 0; kind < N_DOKUMEN &&
			     strcmp(optarg, dokumen[kind].name) != 0; kind++)
				;
			if (kind == N_DOKUMEN)
				return bad_dokumen(c, optarg);
			break;
		default:
			return EX_USAGE;
		}
	}
	if ((rc = cli_period_done(c, &a.p, !dokumen[kind].tahunan)) != 0)
		return rc;
	if (dokumen[kind].tahunan && a.p.tw != 0)
		return cli_usage(c, _("--dokumen %s is of the whole year: it "
				      "takes no --triwulan"), dokumen[kind].name);
	if (!dokumen[kind].one_agency && (a.p.instansi != NULL || a.tname != NULL))
		return cli_usage(c, _("--dokumen %s covers every agency with the "
				      "installed template: it takes no --%s"),
				 dokumen[kind].name, a.tname != NULL ? "template" :
				 "instansi");
	if (a.out == NULL)
		return cli_usage(c, _("-o FILE.pdf is required"));
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	if ((rc = svc_init(&v, s, &e)) == 0) {
		/* Standard output: the PDF is made in a file (the layout
		 * writes files), then copied. */
		if (!cli_out_is_stdout(a.out) ||
		    (rc = svc_tmp_beside(NULL, NULL, "report", tmp, &e)) == 0)
			rc = dokumen[kind].fn(c, &v, &a, tmp[0] ? tmp : a.out,
					      &res, &e);
		if (rc == 0 && tmp[0])
			rc = cli_copy_to_stdout(tmp, &e);
		if (tmp[0])
			unlink(tmp);
	}
	svc_done(&v);
	store_close(s);
	if (rc != 0)
		return cli_report(&e);
	/* With -o -, standard output is the PDF and nothing else. */
	if (!cli_out_is_stdout(a.out))
		printf(_("Wrote %s (%u pages, %lu bytes)\n"), a.out, res.pages, res.bytes);
	return 0;
}
