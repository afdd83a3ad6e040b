/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cli.h - the lakip command line: options, subcommands, exit codes.
 *
 * Each subcommand is one function over a cli_ctx, described by an entry
 * of the table in cli.c: name, synopsis, help, its options (cli_opt: long
 * name, short letter, value, help line) and the action checked against
 * the user's role.  From that one table come the getopt tables, `lakip
 * COMMAND --help`, `lakip --help` and, through --help, the bash
 * completion (completion.bash); tests/e2e/conventions.sh checks the man
 * page against it.  Subcommands return an exit status from <sysexits.h>
 * and print their own errors through cli_error().  Standard output is
 * checked once, when cli_main ends: a write error is EX_IOERR.
 */
#ifndef LK_CLI_H
#define LK_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "core/err.h"
#include "core/peran.h"
#include "store/store.h"

/* One option of a command: what its --help line shows and what
 * cli_getopt returns for it (key: the short option's letter, or
 * CLI_LONG_ONLY + n for an option without one). */
typedef struct cli_opt {
	const char *name;    /* the long option, without "--"; NULL ends a list */
	int key;
	const char *arg;     /* the value's placeholder (N_), or NULL: no value */
	const char *help;    /* one line (N_) */
} cli_opt;
#define CLI_LONG_ONLY 256

struct cmd_entry;
typedef struct cli_ctx {
	const char *db;      /* -d, or NULL for the default */
	const char *lang;    /* --lang, or NULL */
	bool quiet;          /* -q: no warnings or notes on stderr, errors only */
	const struct cmd_entry *cmd;   /* the subcommand's entry in cli.c */
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

/* Database path: -d, $LAKIP_DB, the database of the configuration file
 * (SYSCONFDIR/lakip/lakip.conf), $XDG_DATA_HOME/lakip/lakip.db,
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

/* The period options (-i --instansi, -t --tahun, -w --triwulan) of show,
 * report, export and the workflow commands, as their entries in cli.c
 * list them.  cli_period_opt returns 0 when ch was one of them, -1 when
 * it was not, or EX_USAGE (printed) for a bad value.  cli_period_done
 * checks that no argument is left and that --tahun (and, with need_tw,
 * --triwulan) was given. */
typedef struct cli_period {
	const char *instansi;   /* NULL: the only one in the database */
	int tahun;
	int tw;
} cli_period;
int cli_period_opt(const cli_ctx *c, int ch, cli_period *p);
int cli_period_done(const cli_ctx *c, const cli_period *p, bool need_tw);

/* The next option of the subcommand (the key of its cli_opt, optarg its
 * value), -1 at the end, or '?' after printing a usage error.  The
 * options every command accepts (-d, --lang, -q, -h) are handled here;
 * --help never reaches the command (cli_main answers it first).
 * Arguments and options may come in any order; "--" ends the options. */
int cli_getopt(cli_ctx *c);

/* Output files: "-" is standard output.  cli_out_is_stdout(path). */
bool cli_out_is_stdout(const char *path);
/* Copy the file at path to standard output, or to an open file
 * (EX_IOERR, filled, on error). */
int cli_copy_to_stdout(const char *path, lk_err *e);
int cli_copy_file(const char *path, FILE *to, lk_err *e);

/* Open the period p for reading (svc_open, AKSI_LIHAT): the plan and,
 * with p->tw, its figures, in *per (free with svc_period_free); prints
 * the error and returns its code on failure. */
struct svc_period;
int cli_open_period(cli_ctx *c, const cli_period *p, struct svc_period *per);

/* --format of the commands that print tables (show, rekap): aligned
 * text, CSV (;), TSV, or (show of a quarter: html_ok) the quarter as one
 * HTML page.  cli_table_format parses arg into *fmt: 0, or EX_USAGE
 * (printed). */
enum cli_format { FMT_TEXT, FMT_CSV, FMT_TSV, FMT_HTML };
int cli_table_format(const cli_ctx *c, const char *arg, bool html_ok,
		     enum cli_format *fmt);

/* Subcommands. */
int cmd_init(cli_ctx *c);
int cmd_import(cli_ctx *c);
int cmd_export(cli_ctx *c);
int cmd_check(cli_ctx *c);
int cmd_list(cli_ctx *c);
int cmd_show(cli_ctx *c);
int cmd_report(cli_ctx *c);
int cmd_rekap(cli_ctx *c);         /* cmd_rekap.c */
int cmd_user(cli_ctx *c);          /* cmd_user.c */
int cmd_submit(cli_ctx *c);        /* cmd_workflow.c */
int cmd_review(cli_ctx *c);
int cmd_status(cli_ctx *c);
int cmd_unlock(cli_ctx *c);
int cmd_date(cli_ctx *c);          /* cmd_date.c */
int cmd_finalise(cli_ctx *c);      /* cmd_final.c */
int cmd_verify(cli_ctx *c);
int cli_verify_qr(cli_ctx *c, const char *image);   /* cmd_qr.c */

/* cli_zona.c: instant t (seconds since the epoch) after label as the
 * local time of zone zona (NULL: the default, WIB), "-" for 0, and a
 * line break; the local day of t into buf. */
void cli_print_time(const char *label, int64_t t, const char *zona);
const char *cli_day(int64_t t, const char *zona, char buf[32]);
/* cli_ltv.c: a signature's validation data, revocation, expiry and
 * PAdES level, each line after indent; false when one of them fails it
 * (a revoked certificate, an expired one without B-LT proof). */
struct sign_verify_result;
bool cli_print_lt(const struct sign_verify_result *vr, const char *indent,
		  const char *zona);
int cmd_signed(cli_ctx *c);        /* cmd_final.c */
/* cmd_final_pk.c: the Perjanjian Kinerja (lkjip false) and the year's
 * LKjIP (lkjip true), for cmd_finalise, cmd_signed, cmd_unlock and
 * cmd_verify.  cli_verify_pk sets *handled when file is an agreement or
 * an LKjIP signed from this database (then its return is verify's). */
struct svc_final_opts;
int cli_finalise_dok(cli_ctx *c, bool lkjip, const cli_period *p,
		     struct svc_final_opts *o, const char *out,
		     const char *pihak, const char *token);
int cli_verify_pk(cli_ctx *c, const char *file, const char *ca,
		  bool *handled);
/* `signed get --dokumen pk|lkjip`: a stored signed version (versi 0: the
 * latest; pihak NULL: the one that carries every signature made). */
int cli_signed_dok(cli_ctx *c, bool lkjip, const cli_period *p, int versi,
		   const char *pihak, const char *out);
/* `unlock --dokumen pk|lkjip`: the locked agreement or LKjIP (admin). */
int cli_unlock_dok(cli_ctx *c, bool lkjip, const cli_period *p,
		   const char *reason);
/* buf into out ("-": standard output), through a temporary file beside
 * it renamed into place (cmd_final.c). */
int cli_write_out(const char *out, const unsigned char *buf, size_t len,
		  lk_err *e);
/* --pihak pertama|kedua (NULL: pertama) as 1 or 2; EX_USAGE printed. */
int cli_pihak(const cli_ctx *c, const char *arg, int *pihak);
/* The secret of a key source: a token's PIN ($LAKIP_PKCS11_PIN) or a
 * .p12's password ($LAKIP_P12_PASS), else asked on the terminal without
 * echo; *pw malloc'ed (cmd_final.c). */
int cli_key_secret(const char *src, char **pw);
/* --p12 or --pkcs11 (token, may be NULL) as o->p12, checked readable;
 * EX_USAGE or EX_NOINPUT printed. */
int cli_key_source(cli_ctx *c, struct svc_final_opts *o, const char *token);
int cmd_signer(cli_ctx *c);        /* cmd_signer.c */
int cmd_template(cli_ctx *c);      /* cmd_template.c */
int cmd_audit(cli_ctx *c);         /* cmd_audit.c */
int cmd_copy(cli_ctx *c);          /* cmd_copy.c */

#endif
