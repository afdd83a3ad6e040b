/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cli_util.c - what the commands share below the table of commands:
 * messages and exit codes, the database's path and opening it for a
 * command's action, lists and periods from options, table formats, and
 * copying a file to standard output. */
#include "config.h"
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/priv.h"
#include "store/workflow.h"
#include "svc/svc.h"

/* ------------------------------------------------------------------ */
/* Messages */

int
cli_error(int code, const char *fmt, ...)
{
	va_list ap;

	fputs("lakip: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

int
cli_report(const lk_err *e)
{
	return cli_error(e->code ? e->code : EX_SOFTWARE, "%s", e->msg);
}

int
cli_usage(const cli_ctx *c, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "lakip %s: ", c->argv[0]);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fprintf(stderr, _("Try 'lakip %s --help' for more information.\n"),
		c->argv[0]);
	return EX_USAGE;
}

const char *
cli_db_path(const cli_ctx *c)
{
	static char buf[PATH_MAX];
	const char *v;

	if (c->db != NULL && *c->db)
		return c->db;
	if ((v = getenv("LAKIP_DB")) != NULL && *v)
		return v;
	if ((v = priv_conf_db(0)) != NULL)
		return v;                /* the office's database (lakip.conf) */
	if ((v = getenv("XDG_DATA_HOME")) != NULL && *v)
		snprintf(buf, sizeof buf, "%s/lakip/lakip.db", v);
	else
		snprintf(buf, sizeof buf, "%s/.local/share/lakip/lakip.db",
			 (v = getenv("HOME")) != NULL && *v ? v : ".");
	return buf;
}

int
cli_open_store(const cli_ctx *c, unsigned flags, store **out)
{
	lk_err e = { 0, "" };
	int rc = store_open(cli_db_path(c), flags, out, &e);

	/* What is done in an agency is checked there by the store's own
	 * functions (which know the agency); here only whether the account
	 * may do it anywhere, so that it hears no before a password. */
	if (rc == 0 && (rc = peran_aksi_instansi(c->aksi)
			? store_izin_somewhere(*out, c->aksi, &e)
			: store_izin(*out, c->aksi, &e)) != 0) {
		store_close(*out);
		*out = NULL;
	}
	return rc ? cli_report(&e) : 0;
}

int
cli_split_list(const cli_ctx *c, const char *opt, const char *s, char ***v,
	       size_t *n)
{
	const char *p = s, *q;
	size_t k = 0;

	*v = NULL;
	*n = 0;
	for (q = s; *q; q++)
		k += *q == ',';
	if ((*v = calloc(k + 1, sizeof **v)) == NULL)
		lk_fatal("out of memory");
	for (;;) {
		size_t len;

		q = strchr(p, ',');
		len = q != NULL ? (size_t)(q - p) : strlen(p);
		if (len == 0) {
			store_free_strv(*v, *n);
			*v = NULL;
			*n = 0;
			return cli_usage(c, _("%s: empty item in '%s'"), opt, s);
		}
		if (((*v)[(*n)++] = strndup(p, len)) == NULL)
			lk_fatal("out of memory");
		if (q == NULL)
			return 0;
		p = q + 1;
	}
}

static int
parse_int(const char *s, long lo, long hi, int *out)
{
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return -1;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

int
cli_period_opt(const cli_ctx *c, int ch, cli_period *p)
{
	switch (ch) {
	case 'i':
		p->instansi = optarg;
		return 0;
	case 't':
		if (parse_int(optarg, 1900, 2999, &p->tahun) != 0)
			return cli_usage(c, _("--tahun: expected a year such as 2023, got '%s'"), optarg);
		return 0;
	case 'w':
		if (parse_int(optarg, 1, 4, &p->tw) != 0)
			return cli_usage(c, _("--triwulan: expected a quarter 1 to 4, got '%s'"), optarg);
		return 0;
	default:
		return -1;
	}
}

int
cli_period_done(const cli_ctx *c, const cli_period *p, bool need_tw)
{
	if (optind < c->argc)
		return cli_usage(c, _("unexpected argument '%s'"), c->argv[optind]);
	if (p->tahun == 0)
		return cli_usage(c, _("--tahun is required"));
	if (need_tw && p->tw == 0)
		return cli_usage(c, _("--triwulan is required"));
	return 0;
}

int
cli_open_period(cli_ctx *c, const cli_period *p, svc_period *per)
{
	lk_err e = { 0, "" };
	store *s;
	svc v;
	int rc;

	memset(per, 0, sizeof *per);
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	if ((rc = svc_init(&v, s, &e)) == 0)
		rc = svc_open(&v, p->instansi, p->tahun, p->tw, AKSI_LIHAT, per, &e);
	svc_done(&v);
	store_close(s);
	return rc ? cli_report(&e) : 0;
}

int
cli_table_format(const cli_ctx *c, const char *arg, bool html_ok,
		 enum cli_format *fmt)
{
	static const char *const names[] = {
		[FMT_TEXT] = "text", [FMT_CSV] = "csv", [FMT_TSV] = "tsv",
		[FMT_HTML] = "html",
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(arg, names[i]) == 0 && (html_ok || i != FMT_HTML)) {
			*fmt = (enum cli_format)i;
			return 0;
		}
	if (html_ok)
		return cli_usage(c, _("--format: expected text, csv, tsv or html, got '%s'"), arg);
	return cli_usage(c, _("--format: expected text, csv or tsv, got '%s'"), arg);
}

bool
cli_out_is_stdout(const char *path)
{
	return path != NULL && strcmp(path, "-") == 0;
}

int
cli_copy_to_stdout(const char *path, lk_err *e)
{
	return cli_copy_file(path, stdout, e);
}

int
cli_copy_file(const char *path, FILE *to, lk_err *e)
{
	char buf[65536];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (f == NULL)
		return lk_fail(e, EX_IOERR, _("cannot read %s: %s"), path, strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (fwrite(buf, 1, n, to) != n)
			break;
	if (ferror(f)) {
		fclose(f);
		return lk_fail(e, EX_IOERR, _("cannot read %s: %s"), path, strerror(errno));
	}
	fclose(f);
	if (ferror(to) || fflush(to) != 0)
		return lk_fail(e, EX_IOERR, _("cannot write standard output: %s"),
			       strerror(errno));
	return 0;
}
