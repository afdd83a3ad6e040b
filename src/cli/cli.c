/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cli.c - the table of commands with their options; help, getopt and
 * cli_main (which checks standard output once, at the end). */
#include "config.h"
#include "cli/cli.h"

#include <errno.h>
#include <sys/stat.h>
#include <signal.h>
#include <dirent.h>
#include <getopt.h>
#include <limits.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/kinerja.h"
#include "core/priv.h"
#include "store/workflow.h"
#include "svc/svc.h"
#include "tui/tui.h"

/* A command: its entry in `lakip --help`, its own --help, its getopt
 * tables (built by cli_getopt) and the action cli_open_store checks. */
typedef struct cmd_entry {
	const char *name;
	const char *synopsis;    /* after "lakip NAME " (N_) */
	const char *help;        /* one line (N_) */
	const cli_opt *opts;     /* its own options; the common ones are added */
	int (*fn)(cli_ctx *);
	enum peran_aksi aksi;    /* checked by cli_open_store (core/peran.c) */
} cmd_entry;

#define OPTS(...) ((const cli_opt[]){ __VA_ARGS__, { NULL, 0, NULL, NULL } })
#define NO_OPTS ((const cli_opt[]){ { NULL, 0, NULL, NULL } })
#define O_INSTANSI { "instansi", 'i', N_("K"), \
	N_("the agency's kode; not needed while there is only one") }
#define O_TAHUN { "tahun", 't', N_("Y"), N_("the plan year, such as 2023") }
#define O_TRIWULAN { "triwulan", 'w', N_("N"), N_("the quarter, 1 to 4") }
#define O_PERIOD O_INSTANSI, O_TAHUN, O_TRIWULAN
#define O_IKU { "iku", 'k', N_("K,K"), N_("only the entries of these IKU") }, \
	{ "program", 'g', N_("K,K"), N_("only the budget entries of these programs") }, \
	{ "narasi", 'n', N_("K,K"), N_("only the narratives of these sasaran") }, \
	{ "bab", 'b', N_("2,3"), N_("only BAB II (obstacles, follow-ups) or BAB III (conclusion)") }
#define O_TEMPLATE { "template", 'T', N_("NAME|FILE"), \
	N_("the report template (default: laporan; see lakip-template(5))") }

/* Options of every command (and before the command). */
enum { OPT_LANG = CLI_LONG_ONLY };
static const cli_opt common_opts[] = {
	{ "database", 'd', N_("DB"),
	  N_("the database (default: $LAKIP_DB, else $XDG_DATA_HOME/lakip/lakip.db)") },
	{ "lang", OPT_LANG, N_("LANG"), N_("the language of messages: id or en") },
	{ "quiet", 'q', NULL,
	  N_("no warnings or notes about missing data (errors still show)") },
	{ "help", 'h', NULL, N_("show this help and exit") },
	{ NULL, 0, NULL, NULL },
};
static const cli_opt version_opts[] = {
	{ "version", 'V', NULL, N_("show the version and the licence and exit (before a command)") },
	{ NULL, 0, NULL, NULL },
};

static const cmd_entry commands[] = {
	{ "init", N_("[--group G]"), N_("create an empty database (its creator is its admin)"),
	  OPTS({ "group", 'g', N_("G"),
		 N_("the database for a setgid install: its directory and files belong to group G (2770, 0660)") }),
	  cmd_init, AKSI_INIT },
	{ "import", N_("FILE.yaml|FILE.xlsx [--dry-run] | --sheet NAME [--instansi K] [--tahun Y] FILE.csv [--dry-run]"),
	  N_("import an exchange file, a workbook or one sheet as CSV (all or nothing; updates in place)"),
	  OPTS({ "dry-run", 'n', NULL,
		 N_("check the file and show what would change; write nothing") },
	       { "sheet", 'S', N_("NAME"),
		 N_("the file is this sheet as CSV (instansi, bidang, iku, program, triwulan, realisasi_iku, realisasi_program), merged into the agency's year") },
	       { "instansi", 'i', N_("K"),
		 N_("with --sheet: the agency's kode; not needed while there is only one") },
	       { "tahun", 't', N_("Y"),
		 N_("with --sheet: the plan year the sheet belongs to") }),
	  cmd_import, AKSI_IMPOR },
	{ "export", N_("[--instansi K] --tahun Y [--format yaml|xlsx|csv] [--sheet NAME] [--kosong] [--bom]"),
	  N_("write a year's plan and reports: the exchange format, a workbook or one sheet as CSV"),
	  OPTS(O_INSTANSI, O_TAHUN,
	       { "output", 'o', N_("FILE"),
		 N_("the file to write (default, and -: standard output)") },
	       { "format", 'f', "yaml|xlsx|csv",
		 N_("the exchange format (the default), a workbook, or the sheet --sheet as CSV (separated by ;)") },
	       { "sheet", 'S', N_("NAME"),
		 N_("with --format csv: the sheet to write") },
	       { "kosong", 'K', NULL,
		 N_("with --format xlsx: an empty workbook to fill in (headers, examples in notes, the agency's profile and bidang)") },
	       { "bom", 'B', NULL,
		 N_("with --format csv: start with a UTF-8 byte order mark (for Excel)") }),
	  cmd_export, AKSI_LIHAT },
	{ "show", N_("[--instansi K] --tahun Y (--triwulan N | --tahunan) [--table iku|sasaran|program] [--format text|csv|tsv|html] [--bom]"),
	  N_("print the quarter's or the whole year's capaian tables"),
	  OPTS(O_PERIOD,
	       { "tahunan", 'Y', NULL, N_("the whole year's figures instead of a quarter's") },
	       { "table", 'T', "iku|sasaran|program", N_("only this table (default: all; sasaran with --tahunan only)") },
	       { "format", 'f', "text|csv|tsv|html",
		 N_("aligned text (the default), csv (separated by ;), tsv, or html: the quarter's report as one self-contained web page") },
	       { "bom", 'B', NULL,
		 N_("with csv or tsv: start with a UTF-8 byte order mark (for Excel)") }),
	  cmd_show, AKSI_LIHAT },
	{ "rekap", N_("--tahun Y --triwulan N [--format text|csv|tsv] [-o FILE]"),
	  N_("print one row per agency: IKU filled, mean capaian, budget absorption, the quarter's state"),
	  OPTS(O_TAHUN, O_TRIWULAN,
	       { "format", 'f', "text|csv|tsv",
		 N_("aligned text (the default), csv (separated by ;) or tsv") },
	       { "output", 'o', N_("FILE"),
		 N_("the file to write (default, and -: standard output)") }),
	  cmd_rekap, AKSI_LIHAT },
	{ "report", N_("[--dokumen laporan|rekap|pk|lkjip] [--instansi K] --tahun Y [--triwulan N] [--template NAME|FILE] -o FILE.pdf"),
	  N_("write the quarterly LAKIP, the rekap of every agency, the year's performance agreement or the annual report (LKjIP), as a PDF"),
	  OPTS(O_PERIOD, O_TEMPLATE,
	       /* The kinds are the table of cmd_report.c. */
	       { "dokumen", 'D', "laporan|rekap|pk|lkjip",
		 N_("the document: laporan, the quarterly LAKIP of one agency (the default); rekap, every agency's quarter in one table; pk, the year's Perjanjian Kinerja; or lkjip, the year's annual report (pk and lkjip take no --triwulan)") },
	       { "output", 'o', N_("FILE.pdf"),
		 N_("the PDF to write (-: standard output)") }),
	  cmd_report, AKSI_LIHAT },
	{ "check", N_("FILE.yaml|FILE.xlsx"), N_("validate an exchange file or a workbook, change nothing"),
	  NO_OPTS, cmd_check, AKSI_LIHAT },
	{ "list", N_("instansi | tahun [--instansi K]"),
	  N_("list the agencies, or the years with a plan, one a line"),
	  OPTS({ "instansi", 'i', N_("K"),
		 N_("the years of this agency only (default: of every agency)") }),
	  cmd_list, AKSI_LIHAT },
	{ "user", N_("add LOGIN --role operator|kabid|kepala [--instansi K] [--bidang K,K] | add LOGIN --role admin | list | remove LOGIN [--instansi K] | role LOGIN ROLE [--instansi K] [--bidang K,K]"),
	  N_("manage the users of the database and their roles in each agency (admin)"),
	  OPTS({ "role", 'r', "operator|kabid|kepala|admin",
		 N_("the role of the user added") },
	       { "instansi", 'i', N_("K"),
		 N_("the agency of the role (not needed while there is only one; an admin has none)") },
	       { "bidang", 'b', N_("K,K"), N_("the bidang a kabid reviews in that agency") }),
	  cmd_user, AKSI_LIHAT },
	{ "date", N_("[--instansi K] --tahun Y --triwulan N [--set YYYY-MM-DD | --clear]"),
	  N_("show, set or clear a quarter's report date (set, clear: who edits the quarter's data)"),
	  OPTS(O_PERIOD,
	       { "set", 's', N_("YYYY-MM-DD"),
		 N_("the date printed by the signature and on the cover") },
	       { "clear", 'c', NULL,
		 N_("not set again: the report says so, finalise refuses") }),
	  cmd_date, AKSI_LIHAT },
	{ "submit", N_("[--instansi K] --tahun Y --triwulan N [--iku K,K] [--program K,K] [--narasi K,K] [--bab 2,3]"),
	  N_("submit entries for review: IKU and budget realisations, narratives, BAB II and III (operator)"),
	  OPTS(O_PERIOD, O_IKU), cmd_submit, AKSI_AJUKAN },
	{ "review", N_("[--instansi K] --tahun Y --triwulan N (--approve | --return COMMENT) [--iku K,K] [--program K,K] [--narasi K,K] [--bab 2,3]"),
	  N_("approve or return submitted entries of your bidang (kabid; BAB II and III: kepala)"),
	  OPTS(O_PERIOD, O_IKU,
	       { "approve", 'a', NULL, N_("approve the entries") },
	       { "return", 'r', N_("COMMENT"),
		 N_("return the entries with a comment that says what to fix") }),
	  cmd_review, AKSI_TINJAU },
	{ "status", N_("[--instansi K] --tahun Y --triwulan N"),
	  N_("each entry's state, who, when, comments; the lock"),
	  OPTS(O_PERIOD), cmd_status, AKSI_LIHAT },
	{ "finalise", N_("[--instansi K] --tahun Y --triwulan N (--p12 FILE.p12 | --pkcs11 URI) -o FILE.pdf [--signature-image FILE.png] [--tsa URL] [--crl FILE]... [--offline] [--override-review REASON] | --dokumen pk [--pihak pertama|kedua] [--instansi K] --tahun Y (--p12 FILE.p12 | --pkcs11 URI) -o FILE.pdf | --dokumen lkjip [--instansi K] --tahun Y (--p12 FILE.p12 | --pkcs11 URI) -o FILE.pdf"),
	  N_("render, sign, store and lock the quarter; or sign the year's performance agreement, by each party; or sign the year's LKjIP as the head, which locks the annual data (kepala or admin)"),
	  OPTS(O_PERIOD,
	       { "dokumen", 'D', "laporan|pk|lkjip",
		 N_("the document: laporan, the quarter's LAKIP (the default); pk, the year's Perjanjian Kinerja; or lkjip, the year's LKjIP (no --triwulan for either)") },
	       { "pihak", 'K', "pertama|kedua",
		 N_("with --dokumen pk: sign as pihak pertama, the head (the default), or countersign as pihak kedua, his superior, after him; then the agreement is locked") },
	       { "p12", 'P', N_("FILE.p12"),
		 N_("the signing key and its registered certificate (password: $LAKIP_P12_PASS, else asked)") },
	       { "pkcs11", 'H', N_("URI"),
		 N_("instead of --p12: the key and its certificate on a token or smart card, an RFC 7512 URI such as 'pkcs11:token=kepala;object=ttd' (PIN: $LAKIP_PKCS11_PIN, else asked; the module: the URI's module-path, else $LAKIP_PKCS11_MODULE, else p11-kit's)") },
	       { "output", 'o', N_("FILE.pdf"),
		 N_("the signed PDF to write (-: standard output)") },
	       { "signature-image", 'S', N_("FILE.png"),
		 N_("a scanned signature printed above the signer's name") },
	       { "tsa", 'Z', N_("URL"),
		 N_("an RFC 3161 timestamp authority (http:// or https://; default: the agency's instansi.tsa; none: no timestamp) stamps the signature (PAdES B-T); the validation data follow it (B-LT)") },
	       { "crl", 'L', N_("FILE"),
		 N_("a CRL (DER or PEM) for the validation data added after the signature (repeatable; PAdES B-LT)") },
	       { "offline", 'F', NULL,
		 N_("fetch no OCSP answer or CRL for the validation data: only the certificates and the --crl files") },
	       { "override-review", 'R', N_("REASON"),
		 N_("sign although entries are not approved (the kepala's decision, recorded in the audit log with what was not approved)") }),
	  cmd_finalise, AKSI_FINAL },
	{ "signed", N_("get [--instansi K] --tahun Y --triwulan N [--versi V] -o FILE.pdf | get --dokumen pk [--pihak pertama|kedua] [--instansi K] --tahun Y [--versi V] -o FILE.pdf | get --dokumen lkjip [--instansi K] --tahun Y [--versi V] -o FILE.pdf"),
	  N_("write a stored signed version (default: the latest) byte for byte"),
	  OPTS(O_PERIOD,
	       { "dokumen", 'D', "laporan|pk|lkjip",
		 N_("laporan, the quarter's LAKIP (the default); pk, the year's Perjanjian Kinerja; or lkjip, the year's LKjIP (no --triwulan for either)") },
	       { "pihak", 'K', "pertama|kedua",
		 N_("with --dokumen pk: the file as pihak pertama signed it, or as pihak kedua countersigned it (default: the one with every signature made)") },
	       { "versi", 'v', N_("V"), N_("the version (default: the latest)") },
	       { "output", 'o', N_("FILE.pdf"),
		 N_("the PDF to write (-: standard output)") }),
	  cmd_signed, AKSI_LIHAT },
	{ "template", N_("set [--instansi K] FILE.yaml | show [--instansi K] [--dokumen laporan|pk] [--versi V] [-o FILE] | reset [--instansi K] [--dokumen laporan|pk]"),
	  N_("the report template of an agency, kept in the database (set, reset: admin)"),
	  OPTS(O_INSTANSI,
	       { "dokumen", 'D', "laporan|pk",
		 N_("show, reset: the template of this kind of document: laporan, the quarterly LAKIP (the default), or pk, the Perjanjian Kinerja (set takes the kind from the file's jenis)") },
	       { "versi", 'v', N_("V"), N_("show: this version (default: the one in force)") },
	       { "output", 'o', N_("FILE"), N_("show: the file to write (default, and -: standard output)") }),
	  cmd_template, AKSI_LIHAT },
	{ "signer", N_("set [--instansi K] [--pihak pertama|kedua] CERT.pem | list [--instansi K] | remove [--instansi K] SHA256"),
	  N_("the certificates that may sign an agency's reports (admin)"),
	  OPTS(O_INSTANSI,
	       { "pihak", 'K', "pertama|kedua",
		 N_("set: the certificate signs as pihak pertama, the head: the reports and the agreement (the default); or as pihak kedua, his superior: only the countersignature of the Perjanjian Kinerja") }),
	  cmd_signer, AKSI_LIHAT },
	{ "unlock", N_("[--instansi K] --tahun Y --triwulan N --reason TEXT | --dokumen pk|lkjip [--instansi K] --tahun Y --reason TEXT"),
	  N_("unlock a finalised quarter, an agreement both parties signed, or the year's signed LKjIP (admin)"),
	  OPTS(O_PERIOD,
	       { "dokumen", 'D', "laporan|pk|lkjip",
		 N_("laporan, the quarter (the default); pk, the year's Perjanjian Kinerja (no --triwulan): pihak pertama then signs its next version; or lkjip, the year's LKjIP (no --triwulan): its annual data may change, the head then signs its next version") },
	       { "reason", 'R', N_("TEXT"), N_("why the quarter is unlocked (recorded)") }),
	  cmd_unlock, AKSI_BUKA },
	{ "audit", N_("verify [--against FILE.pdf]... | log [--since YYYY-MM-DD] [--user LOGIN]"),
	  N_("check the audit chain, or list the audit log"),
	  OPTS({ "since", 's', N_("YYYY-MM-DD"), N_("log: the records of this day and later") },
	       { "user", 'u', N_("LOGIN"), N_("log: the records of this login") },
	       { "against", 'A', N_("FILE.pdf"),
		 N_("verify: the history up to each signed report is the one it signed (repeatable)") }),
	  cmd_audit, AKSI_LIHAT },
	{ "copy", N_("FROM TO"),
	  N_("copy a whole database into a new one, SQLite or PostgreSQL either way: every agency, user, lock, signed PDF and the audit chain (admin of FROM)"),
	  NO_OPTS, cmd_copy, AKSI_LIHAT },
	{ "verify", N_("FILE.pdf [--ca FILE.pem] | --qr IMAGE.png"),
	  N_("check a signed report: signature, registered signer, stored version, data, timestamp, validation data and the PAdES level reached"),
	  OPTS({ "ca", 'C', N_("FILE.pem"),
		 N_("also validate the signer's certificate against these CA certificates") },
	       { "qr", 'Q', N_("IMAGE.png"),
		 N_("check the QR code of a printed report (a scan or photo of its page)") }),
	  cmd_verify, AKSI_LIHAT },
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const cmd_entry *
find_command(const char *name)
{
	size_t k;

	for (k = 0; k < N_COMMANDS; k++)
		if (strcmp(name, commands[k].name) == 0)
			return &commands[k];
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Help */

/* text from column col on, broken at spaces before column 80; the
 * lines after the first start at column indent. */
static void
put_wrapped(FILE *f, const char *text, int col, int indent)
{
	const char *p = text, *q;
	size_t room;

	for (;;) {
		room = col < 78 ? (size_t)(79 - col) : 1;
		if (strlen(p) <= room)
			break;
		for (q = p + room; q > p && *q != ' '; q--)
			;
		if (q == p && (q = strchr(p + room, ' ')) == NULL)
			break;
		fprintf(f, "%.*s\n%*s", (int)(q - p), p, indent, "");
		p = q + 1;
		col = indent;
	}
	fprintf(f, "%s\n", p);
}

/* "-d, --database DB", "    --lang LANG": the left column of an option. */
static int
opt_label(const cli_opt *o, char *buf, size_t n)
{
	char sh[8] = "    ";

	if (o->key < CLI_LONG_ONLY)
		snprintf(sh, sizeof sh, "-%c, ", o->key);
	return snprintf(buf, n, "%s--%s%s%s", sh, o->name, o->arg ? " " : "",
			o->arg ? _(o->arg) : "");
}

/* The options of sets, one a line, their help in one column. */
static void
print_opts(FILE *f, const cli_opt *const *sets, size_t nsets, const char *const *heads)
{
	char buf[128];
	int w = 0, len;
	size_t i;
	const cli_opt *o;

	for (i = 0; i < nsets; i++)
		for (o = sets[i]; o->name != NULL; o++)
			if ((len = opt_label(o, buf, sizeof buf)) > w && len < 32)
				w = len;
	for (i = 0; i < nsets; i++) {
		if (sets[i]->name == NULL)
			continue;
		fputs(_(heads[i]), f);
		for (o = sets[i]; o->name != NULL; o++) {
			len = opt_label(o, buf, sizeof buf);
			fprintf(f, "  %-*s  ", w, buf);
			put_wrapped(f, _(o->help), 2 + (len > w ? len : w) + 2, w + 4);
		}
	}
}

/* "  NAME SYNOPSIS" (the synopsis wrapped), as in the lists of commands. */
static void
print_synopsis(FILE *f, const char *lead, const cmd_entry *cmd)
{
	char buf[256];

	if (*cmd->synopsis == '\0') {
		fprintf(f, "%s%s\n", lead, cmd->name);
		return;
	}
	snprintf(buf, sizeof buf, "%s%s ", lead, cmd->name);
	fputs(buf, f);
	put_wrapped(f, _(cmd->synopsis), (int)strlen(buf), 8);
}

static void
print_help(FILE *f)
{
	const cli_opt *const sets[] = { common_opts, version_opts };
	const char *const heads[] = { N_("\nOptions (before or after the command):\n"), "" };
	size_t i;

	fprintf(f, _("Usage: lakip [OPTION]... COMMAND [ARGS]\n"
		     "       lakip COMMAND --help | lakip help COMMAND\n"
		     "Plan and report an agency's performance (LAKIP).  Without a\n"
		     "command, on a terminal, lakip opens the terminal application.\n\n"
		     "Commands:\n"));
	for (i = 0; i < N_COMMANDS; i++) {
		print_synopsis(f, "  ", &commands[i]);
		fprintf(f, "      ");
		put_wrapped(f, _(commands[i].help), 6, 6);
	}
	print_opts(f, sets, 2, heads);
	fprintf(f, _("\nRoles: operator, kabid, kepala, admin; accounts not listed\n"
		     "may only read.  See `lakip user list`.\n\n"
		     "Exit status: 0 ok, 64 usage, 65 data error, 66 no input,\n"
		     "67 no such account, 69 no terminal, 70 internal error,\n"
		     "73 cannot create, 74 I/O error, 75 busy or changed,\n"
		     "76 bad answer of a timestamp authority, 77 not allowed\n"
		     "(the role needed is named).  See lakip(1).\n"));
}

static void
print_cmd_help(FILE *f, const cmd_entry *cmd)
{
	const cli_opt *const sets[] = { cmd->opts, common_opts };
	const char *const heads[] = { N_("\nOptions:\n"), N_("\nOptions of every command:\n") };

	print_synopsis(f, _("Usage: lakip "), cmd);
	put_wrapped(f, _(cmd->help), 0, 0);
	print_opts(f, sets, 2, heads);
	fprintf(f, _("\nSee lakip(1).\n"));
}

static void
print_version(void)
{
	printf("lakip %s\n", PACKAGE_VERSION);
	printf("Copyright (C) 2026 The lakip developers.\n");
	fputs(_("License GPL-3.0-or-later <https://gnu.org/licenses/gpl.html>.\n"
		"This is free software: you are free to change and redistribute it.\n"
		"There is NO WARRANTY, to the extent permitted by law.\n"), stdout);
}

/* ------------------------------------------------------------------ */
/* Options */

/* The getopt tables of one command: its options and the common ones (or,
 * before the command, the common ones and --version). */
#define MAX_OPTS 24
typedef struct opt_tables {
	struct option lo[MAX_OPTS + 1];
	char so[3 * MAX_OPTS + 3];
} opt_tables;

static void
build_tables(opt_tables *t, const char *prefix, const cli_opt *const *sets,
	     size_t nsets)
{
	size_t i, n = 0, k, len;
	const cli_opt *o;

	memset(t, 0, sizeof *t);
	len = (size_t)snprintf(t->so, sizeof t->so, "%s", prefix);
	for (i = 0; i < nsets; i++)
		for (o = sets[i]; o->name != NULL; o++) {
			/* Two options with one key or name: a mistake in the
			 * table above, caught by every run of the command. */
			for (k = 0; k < n; k++)
				if (t->lo[k].val == o->key || strcmp(t->lo[k].name, o->name) == 0)
					lk_fatal("option --%s defined twice", o->name);
			if (n == MAX_OPTS)
				lk_fatal("too many options");
			t->lo[n].name = o->name;
			t->lo[n].has_arg = o->arg ? required_argument : no_argument;
			t->lo[n].val = o->key;
			n++;
			if (o->key < CLI_LONG_ONLY) {
				t->so[len++] = (char)o->key;
				if (o->arg)
					t->so[len++] = ':';
			}
		}
}

static void
command_tables(const cmd_entry *cmd, opt_tables *t)
{
	const cli_opt *const sets[] = { cmd->opts, common_opts };

	/* ':' first: a missing value is told from an unknown option. */
	build_tables(t, ":", sets, 2);
}

/* A usage error of getopt (ch is '?' or ':'), printed. */
static void
opt_error(const cli_ctx *c, int ch, const char *arg)
{
	bool lng = strncmp(arg, "--", 2) == 0;

	if (ch == ':' && !lng)
		cli_usage(c, _("option '-%c' needs a value"), optopt);
	else if (ch == ':')
		cli_usage(c, _("option '%s' needs a value"), arg);
	else if (optopt != 0 && !lng)
		cli_usage(c, _("unknown option '-%c'"), optopt);
	else
		cli_usage(c, _("unknown or incomplete option '%s'"), arg);
}

int
cli_getopt(cli_ctx *c)
{
	static opt_tables t;
	static const cmd_entry *built;
	int ch;

	if (built != c->cmd) {
		command_tables(c->cmd, &t);
		built = c->cmd;
	}
	opterr = 0;
	for (;;) {
		ch = getopt_long(c->argc, c->argv, t.so, t.lo, NULL);
		switch (ch) {
		case 'd':
			c->db = optarg;
			break;
		case OPT_LANG:
			c->lang = optarg;
			break;
		case 'q':
			c->quiet = true;
			break;
		case 'h':       /* answered by cli_main before the command ran */
			break;
		case '?':
		case ':':
			opt_error(c, ch, c->argv[optind - 1]);
			return '?';
		default:
			return ch;
		}
	}
}

/* Whether the command's arguments ask for --help (-h): parsed with the
 * command's own tables, so that "--reason -h" is a reason. */
static bool
wants_help(cli_ctx *c)
{
	opt_tables t;
	bool help = false;
	int ch;

	command_tables(c->cmd, &t);
	opterr = 0;
	optind = 0;
	while (!help && (ch = getopt_long(c->argc, c->argv, t.so, t.lo, NULL)) != -1)
		help = ch == 'h';
	optind = 0;     /* full reset for the command */
	return help;
}

/* ------------------------------------------------------------------ */
/* The program */

static int
run(int argc, char **argv)
{
	const cli_opt *const sets[] = { common_opts, version_opts };
	opt_tables t;
	cli_ctx c = { NULL, NULL, false, NULL, 0, NULL, AKSI_LIHAT };
	const cmd_entry *cmd;
	int ch, i;

	/* --lang must take effect before any message: look for it first. */
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			c.lang = argv[i + 1];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			c.lang = argv[i] + 7;
	}
	cli_i18n_init(c.lang);

	/* '+': the options before the command; the command parses its own. */
	build_tables(&t, "+", sets, 2);
	opterr = 0;
	while ((ch = getopt_long(argc, argv, t.so, t.lo, NULL)) != -1) {
		switch (ch) {
		case 'd':
			c.db = optarg;
			break;
		case OPT_LANG:
			c.lang = optarg;
			break;
		case 'q':
			c.quiet = true;
			break;
		case 'h':
			print_help(stdout);
			return 0;
		case 'V':
			print_version();
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
	if (strcmp(argv[optind], "help") == 0) {
		if (optind + 1 >= argc) {
			print_help(stdout);
			return 0;
		}
		if ((cmd = find_command(argv[optind + 1])) == NULL)
			cli_error(EX_USAGE, _("help: unknown command '%s'"), argv[optind + 1]);
		else if (optind + 2 < argc)
			cli_error(EX_USAGE, _("unexpected argument '%s'"), argv[optind + 2]);
		if (cmd == NULL || optind + 2 < argc) {
			fprintf(stderr, _("Try 'lakip --help' for more information.\n"));
			return EX_USAGE;
		}
		print_cmd_help(stdout, cmd);
		return 0;
	}
	if ((cmd = find_command(argv[optind])) == NULL) {
		cli_error(EX_USAGE, _("unknown command '%s'"), argv[optind]);
		fprintf(stderr, _("Try 'lakip --help' for more information.\n"));
		return EX_USAGE;
	}
	c.cmd = cmd;
	c.argc = argc - optind;
	c.argv = argv + optind;
	c.aksi = cmd->aksi;
	if (wants_help(&c)) {
		print_cmd_help(stdout, cmd);
		return 0;
	}
	return cmd->fn(&c);
}

/* Standard output is checked once, here, for every command: what could
 * not be written (a full disk, a closed pipe's EIO, /dev/full) is an I/O
 * error even when the command itself succeeded. */
int
cli_main(int argc, char **argv)
{
	static char outbuf[1 << 16];
	int rc, err = 0;
	bool bad;

	/* Into a file or pipe, a buffer that holds any help text: a write
	 * error then surfaces at fclose with its errno (a disk full is named
	 * as such); the commands that write more check as they go. */
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	/* Large blocks from the heap, and freed ones kept there: zlib's
	 * state for every compressed stream of a PDF (a quarter megabyte,
	 * dozens of streams in a report) was otherwise a fresh mapping each
	 * time, its pages faulted in and cleared again (a third of a short
	 * report's page faults).  The peak is the same. */
	mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
	mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
	rc = run(argc, argv);
	bad = ferror(stdout) != 0;

	if (fclose(stdout) != 0 && (bad || errno != EBADF)) {
		bad = true;
		err = errno;
	}
	if (bad && rc == 0) {
		if (err != 0)
			rc = cli_error(EX_IOERR, _("cannot write standard output: %s"),
				       strerror(err));
		else
			rc = cli_error(EX_IOERR, _("cannot write standard output"));
	}
	return rc;
}
