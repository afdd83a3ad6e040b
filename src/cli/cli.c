/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cli.c - global options and the table of subcommands. */
#include "config.h"
#include "cli/cli.h"

#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/kinerja.h"
#include "io/predikat_load.h"
#include "store/workflow.h"
#include "tui/tui.h"

typedef struct cmd_entry {
	const char *name;
	const char *synopsis;    /* after "lakip [-d DB] NAME " */
	const char *help;        /* one line, translated at print time */
	int (*fn)(cli_ctx *);
	enum peran_aksi aksi;    /* checked by cli_open_store (core/peran.c) */
} cmd_entry;

static const cmd_entry commands[] = {
	{ "init", "", N_("create an empty database (its creator is its admin)"),
	  cmd_init, AKSI_INIT },
	{ "import", N_("FILE.yaml [--dry-run]"),
	  N_("import an exchange file (all or nothing; updates in place)"),
	  cmd_import, AKSI_IMPOR },
	{ "export", N_("[--instansi K] --tahun Y [-o FILE]"),
	  N_("write a year's plan and reports in the exchange format"),
	  cmd_export, AKSI_LIHAT },
	{ "show", N_("[--instansi K] --tahun Y --triwulan N [--table iku|program] [--format text|csv|tsv]"),
	  N_("print the quarter's capaian tables"), cmd_show, AKSI_LIHAT },
	{ "report", N_("[--instansi K] --tahun Y --triwulan N [--template NAME|FILE] -o FILE.pdf"),
	  N_("write the quarterly LAKIP as a PDF"), cmd_report, AKSI_LIHAT },
	{ "check", N_("FILE.yaml"), N_("validate an exchange file, change nothing"),
	  cmd_check, AKSI_LIHAT },
	{ "user", N_("add LOGIN --role operator|kabid|kepala|admin [--bidang K,K] | list | remove LOGIN | role LOGIN ROLE [--bidang K,K]"),
	  N_("manage the users of the database and their roles (admin)"),
	  cmd_user, AKSI_LIHAT },
	{ "submit", N_("[--instansi K] --tahun Y --triwulan N [--iku K,K]"),
	  N_("submit IKU entries for review (operator)"), cmd_submit, AKSI_AJUKAN },
	{ "review", N_("[--instansi K] --tahun Y --triwulan N (--approve | --return COMMENT) [--iku K,K]"),
	  N_("approve or return submitted entries of your bidang (kabid)"),
	  cmd_review, AKSI_TINJAU },
	{ "status", N_("[--instansi K] --tahun Y --triwulan N"),
	  N_("each IKU entry's state, who, when, comments; the lock"),
	  cmd_status, AKSI_LIHAT },
	{ "finalise", N_("[--instansi K] --tahun Y --triwulan N --p12 FILE.p12 -o FILE.pdf"),
	  N_("render, sign, store and lock the quarter (kepala or admin)"),
	  cmd_finalise, AKSI_FINAL },
	{ "unlock", N_("[--instansi K] --tahun Y --triwulan N --reason TEXT"),
	  N_("unlock a finalised quarter (admin)"), cmd_unlock, AKSI_BUKA },
	{ "audit", N_("verify | log [--since YYYY-MM-DD] [--user LOGIN]"),
	  N_("check the audit chain, or list the audit log"), cmd_audit, AKSI_LIHAT },
	{ "verify", N_("FILE.pdf"),
	  N_("check a signed report against the versions stored in the database"),
	  cmd_verify, AKSI_LIHAT },
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void
print_help(FILE *f)
{
	size_t i;

	fprintf(f, _("Usage: lakip [-d DB] [--lang LANG] COMMAND [ARGS]\n"
		     "Plan and report an agency's performance (LAKIP).\n\n"
		     "Commands:\n"));
	for (i = 0; i < N_COMMANDS; i++) {
		fprintf(f, "  %s %s\n", commands[i].name,
			*commands[i].synopsis ? _(commands[i].synopsis) : "");
		fprintf(f, "      %s\n", _(commands[i].help));
	}
	fprintf(f, _("\nOptions:\n"
		     "  -d, --database DB  database file (default: $LAKIP_DB, else\n"
		     "                     $XDG_DATA_HOME/lakip/lakip.db)\n"
		     "      --lang LANG    language of messages (id, en)\n"
		     "  -h, --help         show this help and exit\n"
		     "  -V, --version      show the version and exit\n\n"
		     "Roles: operator, kabid, kepala, admin; accounts not listed\n"
		     "may only read.  See `lakip user list`.\n\n"
		     "Exit status: 0 ok, 64 usage, 65 data error, 66 no input,\n"
		     "73 cannot create, 74 I/O error, 75 busy, 77 not allowed\n"
		     "(the role needed is named).  See lakip(1).\n"));
}

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
	fprintf(stderr, _("Try 'lakip --help' for more information.\n"));
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

	if (rc == 0 && (rc = store_izin(*out, c->aksi, &e)) != 0) {
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
	case 'q':
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
cli_load_rencana(cli_ctx *c, const cli_period *p, rencana **r)
{
	lk_err e = { 0, "" };
	char *kode = NULL;
	store *s;
	int rc;

	*r = NULL;
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	rc = store_pilih_instansi(s, p->instansi, &kode, &e);
	if (rc == 0)
		rc = store_load(s, kode, p->tahun, r, &e);
	store_close(s);
	free(kode);
	return rc ? cli_report(&e) : 0;
}

int
cli_load_quarter(cli_ctx *c, const cli_period *p, rencana **r, kinerja *k)
{
	lk_err e = { 0, "" };
	predikat_tabel pt;
	int rc;

	if ((rc = cli_load_rencana(c, p, r)) != 0)
		return rc;
	rc = predikat_load_installed(&(*r)->mem, &pt, &e);
	if (rc == 0)
		rc = kinerja_hitung(*r, p->tw, &pt, k, &e);
	if (rc != 0) {
		rencana_free(*r);
		*r = NULL;
		return cli_report(&e);
	}
	return 0;
}

int
cli_getopt(cli_ctx *c, const char *shortopts, const struct option *longopts)
{
	int ch;

	opterr = 0;
	for (;;) {
		ch = getopt_long(c->argc, c->argv, shortopts, longopts, NULL);
		if (ch == 'd')
			c->db = optarg;
		else if (ch == 'L')
			c->lang = optarg;
		else if (ch == '?' || ch == ':') {
			if (optopt != 0 && strchr(shortopts, optopt) != NULL)
				cli_usage(c, _("option '-%c' needs a value"), optopt);
			else if (optopt != 0)
				cli_usage(c, _("unknown option '-%c'"), optopt);
			else
				cli_usage(c, _("unknown or incomplete option '%s'"),
					  c->argv[optind - 1]);
			return '?';
		} else
			return ch;
	}
}

int
cli_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "database", required_argument, NULL, 'd' },
		{ "lang", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	cli_ctx c = { NULL, NULL, 0, NULL, AKSI_LIHAT };
	int ch, i;
	size_t k;

	/* --lang must take effect before any message: look for it first. */
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			c.lang = argv[i + 1];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			c.lang = argv[i] + 7;
	}
	cli_i18n_init(c.lang);

	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+d:hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			c.db = optarg;
			break;
		case 'L':
			c.lang = optarg;
			break;
		case 'h':
			print_help(stdout);
			return 0;
		case 'V':
			printf("lakip %s\n", PACKAGE_VERSION);
			return 0;
		default:
			cli_error(EX_USAGE, _("unknown or incomplete option '%s'"),
				  argv[optind - 1]);
			fprintf(stderr, _("Try 'lakip --help' for more information.\n"));
			return EX_USAGE;
		}
	}
	if (optind >= argc) {
		tui_opts o = { cli_db_path(&c), c.lang };

		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			cli_error(EX_USAGE, _("the terminal application needs a terminal; "
					      "give a command to use lakip from scripts"));
			print_help(stderr);
			return EX_USAGE;
		}
		return tui_main(&o);
	}
	for (k = 0; k < N_COMMANDS; k++) {
		if (strcmp(argv[optind], commands[k].name) == 0) {
			c.argc = argc - optind;
			c.argv = argv + optind;
			c.aksi = commands[k].aksi;
			optind = 0;     /* full reset for the subcommand */
			return commands[k].fn(&c);
		}
	}
	if (strcmp(argv[optind], "help") == 0) {
		print_help(stdout);
		return 0;
	}
	cli_error(EX_USAGE, _("unknown command '%s'"), argv[optind]);
	fprintf(stderr, _("Try 'lakip --help' for more information.\n"));
	return EX_USAGE;
}
