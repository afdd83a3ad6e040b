/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cli.h - the lakip command line: options, subcommands, exit codes.
 *
 * Each subcommand is one function over a cli_ctx, described by an entry
 * of the table in cli.c (name, synopsis, help).  Subcommands return an
 * exit status from <sysexits.h> and print their own errors through
 * cli_error().
 */
#ifndef LK_CLI_H
#define LK_CLI_H

#include <stdbool.h>

#include "core/err.h"
#include "core/peran.h"
#include "store/store.h"

typedef struct cli_ctx {
	const char *db;      /* -d, or NULL for the default */
	const char *lang;    /* --lang, or NULL */
	int argc;            /* the subcommand's arguments, argv[0] its name */
	char **argv;
	/* What the subcommand does, from the command table (a subcommand
	 * with several actions, such as `user`, sets it before opening the
	 * database): cli_open_store checks it against the user's role. */
	enum peran_aksi aksi;
} cli_ctx;

int cli_main(int argc, char **argv);

/* Chooses the message language (see i18n_init.c); returns it. */
const char *cli_i18n_init(const char *lang);

/* "lakip: message" on stderr; returns code. */
int cli_error(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cli_report(const lk_err *e);

/* Usage error of a subcommand: message, hint, EX_USAGE. */
int cli_usage(const cli_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Database path: -d, $LAKIP_DB, $XDG_DATA_HOME/lakip/lakip.db,
 * ~/.local/share/lakip/lakip.db. */
const char *cli_db_path(const cli_ctx *c);

/* Open the database and check that the account running lakip may do
 * c->aksi (store_izin: the policy of core/peran.c); prints the error and
 * returns its code on failure (EX_NOPERM, 77, naming the role needed).
 * A database created by this call makes the account its admin. */
int cli_open_store(const cli_ctx *c, unsigned flags, store **out);

/* "K,K" into a malloc'ed vector of kodes (free with store_free_strv);
 * EX_USAGE (printed) for an empty item. */
int cli_split_list(const cli_ctx *c, const char *opt, const char *s,
		   char ***v, size_t *n);

/* The period options of show, report, export and the workflow commands:
 * put CLI_PERIOD_OPTS in the option table and "i:t:q:" in the short
 * options.  cli_period_opt returns 0 when ch was one of them, -1 when it
 * was not, or EX_USAGE (printed) for a bad value.  cli_period_done checks
 * that no argument is left and that --tahun (and, with need_tw,
 * --triwulan) was given. */
typedef struct cli_period {
	const char *instansi;   /* NULL: the only one in the database */
	int tahun;
	int tw;
} cli_period;
#define CLI_PERIOD_OPTS \
	{ "instansi", required_argument, NULL, 'i' }, \
	{ "tahun", required_argument, NULL, 't' }, \
	{ "triwulan", required_argument, NULL, 'q' }
int cli_period_opt(const cli_ctx *c, int ch, cli_period *p);
int cli_period_done(const cli_ctx *c, const cli_period *p, bool need_tw);

/* Options every subcommand accepts too: put CLI_COMMON_OPTS in its
 * option table and "d:" in its short options, then let cli_getopt()
 * handle them.  cli_getopt returns the next option of the subcommand, -1
 * at the end, or '?' after printing a usage error. */
#define CLI_COMMON_OPTS \
	{ "database", required_argument, NULL, 'd' }, \
	{ "lang", required_argument, NULL, 'L' }
struct option;
int cli_getopt(cli_ctx *c, const char *shortopts, const struct option *longopts);

/* Load the plan of (instansi, tahun): prints the error and returns its
 * code on failure; *r to be freed with rencana_free. */
int cli_load_rencana(cli_ctx *c, const cli_period *p, rencana **r);

/* The same, and compute quarter p->tw into k. */
struct kinerja;
int cli_load_quarter(cli_ctx *c, const cli_period *p, rencana **r,
		     struct kinerja *k);

/* Render quarter tw of r as the LAKIP PDF (report_render with the
 * installed predikat bands; warnings on stderr). */
struct report_extra;
struct layout_result;
int cli_render_pdf(rencana *r, int tw, const char *tname,
		   const struct report_extra *x, const char *out,
		   struct layout_result *res, lk_err *e);

/* Subcommands. */
int cmd_init(cli_ctx *c);
int cmd_import(cli_ctx *c);
int cmd_export(cli_ctx *c);
int cmd_check(cli_ctx *c);
int cmd_show(cli_ctx *c);
int cmd_report(cli_ctx *c);
int cmd_user(cli_ctx *c);          /* cmd_user.c */
int cmd_submit(cli_ctx *c);        /* cmd_workflow.c */
int cmd_review(cli_ctx *c);
int cmd_status(cli_ctx *c);
int cmd_unlock(cli_ctx *c);
int cmd_finalise(cli_ctx *c);      /* cmd_final.c */
int cmd_verify(cli_ctx *c);
int cmd_audit(cli_ctx *c);         /* cmd_audit.c */

#endif
