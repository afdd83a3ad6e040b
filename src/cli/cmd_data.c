/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_data.c - init, import, export and check: moving whole plans; list:
 * the agencies and years a database holds. */
#include "config.h"
#include "cli/cli.h"
#include "core/keluar.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <grp.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "io/csv.h"
#include "io/exchange.h"
#include "io/predikat_load.h"
#include "io/sheet.h"
#include "io/xlsx.h"
#include "svc/import.h"
#include "svc/svc.h"

int
cmd_init(cli_ctx *c)
{
	const char *group = NULL, *path;
	struct group *gr = NULL;
	char dir[PATH_MAX], *slash, shown[512];
	store *s;
	int ch, rc;

	while ((ch = cli_getopt(c)) != -1) {
		if (ch == 'g')
			group = optarg;
		else
			return EX_USAGE;
	}
	if (optind < c->argc)
		return cli_usage(c, _("unexpected argument '%s'"), c->argv[optind]);
	path = cli_db_path(c);
	if (group != NULL && store_is_server(path))
		return cli_usage(c, _("--group is for a database file; a PostgreSQL "
				      "server's rules are its roles (lakip user add)"));
	if (group != NULL) {
		/* The directory belongs to the group, setgid (files made in it
		 * are the group's), closed to others: only lakip, setgid to
		 * the group, reaches the database. */
		if ((gr = getgrnam(group)) == NULL)
			return cli_usage(c, _("no group '%s' on this machine"), group);
		snprintf(dir, sizeof dir, "%s", path);
		slash = strrchr(dir, '/');
		if (slash == NULL)
			snprintf(dir, sizeof dir, ".");
		else if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
		if ((mkdir(dir, 02770) != 0 && errno != EEXIST) ||
		    chown(dir, (uid_t)-1, gr->gr_gid) != 0 || chmod(dir, 02770) != 0)
			return cli_error(EX_CANTCREAT, _("%s: cannot give the directory "
					 "to the group %s: %s"), dir, group,
					 strerror(errno));
	}
	if ((rc = cli_open_store(c, STORE_CREATE, &s)) != 0)
		return rc;
	store_close(s);
	if (gr != NULL) {
		static const char *const side[] = { "", "-wal", "-shm" };

		for (size_t i = 0; i < 3; i++) {
			char f[PATH_MAX + 8];

			snprintf(f, sizeof f, "%s%s", path, side[i]);
			if (access(f, F_OK) != 0 && i > 0)
				continue;
			if (chown(f, (uid_t)-1, gr->gr_gid) != 0 || chmod(f, 0660) != 0)
				return cli_error(EX_CANTCREAT, _("%s: cannot give it to "
						 "the group %s: %s"), f, group,
						 strerror(errno));
		}
		printf(_("Database ready: %s (group %s, mode 0660, directory 2770)\n"),
		       store_display_name(path, shown, sizeof shown), group);
		return 0;
	}
	printf(_("Database ready: %s\n"), store_display_name(path, shown,
							     sizeof shown));
	return 0;
}

static void
print_diff(const store_diff *d)
{
	int k;

	for (k = 0; k < DIFF_KINDS; k++) {
		const store_diff_count *n = &d->n[k];

		if (n->added + n->changed + n->removed + n->unchanged == 0)
			continue;
		printf(_("  %-9s %u added, %u changed, %u removed, %u unchanged\n"),
		       store_diff_kind_name((enum store_diff_kind)k),
		       n->added, n->changed, n->removed, n->unchanged);
	}
}

/* The one file argument of import and check. */
static int
file_arg(cli_ctx *c, const char **file)
{
	if (optind >= c->argc)
		return cli_usage(c, _("missing FILE.yaml"));
	if (optind + 1 < c->argc)
		return cli_usage(c, _("unexpected argument '%s'"), c->argv[optind + 1]);
	*file = c->argv[optind];
	return 0;
}

static bool
file_is_zip(const char *path)
{
	char head[4];
	FILE *f = fopen(path, "rb");
	bool zip = false;

	if (f != NULL) {
		zip = fread(head, 1, 4, f) == 4 && xlsx_is_zip(head, 4);
		fclose(f);
	}
	return zip;
}

static const char *const sheet_names = "instansi, bidang, iku, program, "
	"triwulan, realisasi_iku, realisasi_program";

/* An error of a workbook's cells, as cli_report prints one. */
static void
print_err(void *ctx, const char *msg)
{
	unsigned *n = ctx;
	lk_err e = { EX_DATAERR, "" };

	snprintf(e.msg, sizeof e.msg, "%s", msg);
	cli_report(&e);
	(*n)++;
}

int
cmd_import(cli_ctx *c)
{
	lk_err e = { 0, "" };
	cli_period p = { NULL, 0, 0 };
	svc_import_opts o;
	svc_import_result res = { 0 };
	const char *sheetname = NULL;
	bool dry = false;
	char shown[512];
	store *s;
	svc v;
	int ch, rc;

	while ((ch = cli_getopt(c)) != -1) {
		if ((rc = cli_period_opt(c, ch, &p)) >= 0) {
			if (rc != 0)
				return rc;
		} else if (ch == 'n')
			dry = true;
		else if (ch == 'S')
			sheetname = optarg;
		else
			return EX_USAGE;
	}
	memset(&o, 0, sizeof o);
	if ((rc = file_arg(c, &o.file)) != 0)
		return rc;
	if (sheetname == NULL && (p.instansi != NULL || p.tahun != 0))
		return cli_usage(c, _("--instansi and --tahun go with --sheet"));
	if (sheetname != NULL && (!sheet_name_known(sheetname) ||
	    strncasecmp(sheetname, "capaian_", 8) == 0))
		return cli_usage(c, _("--sheet: expected one of %s, got '%s'"),
				 sheet_names, sheetname);
	o.sheet = sheetname;
	o.instansi = p.instansi;
	o.tahun = p.tahun;
	o.dry_run = dry;
	if (sheetname == NULL) {
		/* A file that cannot be read is said before a database is
		 * made for it. */
		rencana *r = NULL;

		unsigned n_err = 0;

		if (file_is_zip(o.file)) {
			sheet_book *b;

			/* Every error of the cells, each with its cell. */
			if ((rc = xlsx_read_file(o.file, &b, &e)) == 0)
				rc = sheet_book_read_each(b, print_err, &n_err, &r, &e);
		} else
			rc = exchange_read_file(o.file, &r, &e);
		if (rc != 0 && n_err > 0)
			return rc;
		if (rc != 0)
			return cli_report(&e);
		o.plan = r;
	}
	/* A dry run writes nothing, not even a new database: without one,
	 * compare with an empty database in memory. */
	if (dry && !store_exists(cli_db_path(c))) {
		cli_ctx mem = *c;

		mem.db = ":memory:";
		rc = cli_open_store(&mem, STORE_CREATE, &s);
	} else
		rc = cli_open_store(c, STORE_CREATE, &s);
	if (rc != 0) {
		rencana_free(o.plan);
		return rc;
	}
	if ((rc = svc_init(&v, s, &e)) != 0)
		rencana_free(o.plan);
	else {
		rc = svc_import(&v, &o, &res, &e);
		if (res.cp1252 && !c->quiet)
			fprintf(stderr, _("lakip: note: %s is not UTF-8; it was read as "
					  "Windows-1252 (what Excel saves as \"CSV\")\n"),
				o.file);
		svc_done(&v);
	}
	store_close(s);
	if (rc != 0) {
		/* Every error of a CSV sheet's cells, else the one. */
		if (res.n_err > 1)
			for (size_t i = 0; i < res.n_err; i++) {
				snprintf(e.msg, sizeof e.msg, "%s", res.err[i]);
				cli_report(&e);
			}
		else
			cli_report(&e);
		svc_import_result_free(&res);
		return rc;
	}
	store_display_name(cli_db_path(c), shown, sizeof shown);
	if (dry)
		printf(_("Dry run: %s, year %d, would change %s as follows (nothing was written):\n"),
		       res.kode, res.tahun, shown);
	else
		printf(_("Imported %s, year %d, into %s:\n"), res.kode, res.tahun,
		       shown);
	print_diff(&res.diff);
	svc_import_result_free(&res);
	return 0;
}

int
cmd_check(cli_ctx *c)
{
	lk_err e = { 0, "" };
	const char *file;
	rencana *r;
	size_t i, n_iku = 0, n_tw = 0;
	int ch, rc, t;

	while ((ch = cli_getopt(c)) != -1)
		if (ch == '?')
			return EX_USAGE;
	if ((rc = file_arg(c, &file)) != 0)
		return rc;
	if (file_is_zip(file)) {
		sheet_book *b;

		if ((rc = xlsx_read_file(file, &b, &e)) == 0)
			rc = sheet_book_read_free(b, &r, &e);
	} else
		rc = exchange_read_file(file, &r, &e);
	if (rc != 0)
		return cli_report(&e);
	for (i = 0; i < r->n_sasaran; i++)
		n_iku += r->sasaran[i].n_iku;
	for (t = 1; t <= TW_MAX; t++)
		n_tw += r->tw[t].ada;
	printf(_("%s: valid (%s, year %d: %zu sasaran, %zu IKU, %zu programs, %zu quarters)\n"),
	       file, r->instansi.kode, r->tahun, r->n_sasaran, n_iku, r->n_program, n_tw);
	rencana_free(r);
	return 0;
}

enum export_format { EXP_YAML, EXP_XLSX, EXP_CSV };

typedef struct export_job {
	const rencana *r;
	enum export_format fmt;
	const sheet_book *book;
	const sheet *sheet;
	bool bom;
} export_job;

/* Write the job to f (YAML, CSV) or to the file named tmp (XLSX). */
static int
export_write(FILE *f, const char *tmp, const export_job *j, lk_err *e)
{
	if (j->fmt == EXP_YAML)
		return exchange_write(f, j->r, e);
	if (j->fmt == EXP_XLSX)
		return xlsx_write(j->book, tmp, e);
	if (csv_write_sheet(f, j->sheet, j->bom) != 0)
		return lk_fail(e, EX_IOERR, _("cannot write %s: %s"), tmp,
			       strerror(errno));
	return 0;
}

/* Write to a temporary file in dir (NULL: beside path), renamed over path
 * when complete (path NULL: copied to standard output, then removed). */
static int
export_to_file(const export_job *j, const char *path, lk_err *e)
{
	char *dup = strdup(path != NULL ? path : "."), tmp[4096];
	const char *dir = path != NULL ? dirname(dup) : getenv("TMPDIR");
	FILE *f;
	int fd, rc;

	if (dup == NULL)
		lk_fatal("out of memory");
	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	snprintf(tmp, sizeof tmp, "%s/.lakip-export-%ld-XXXXXX", dir,
		 (long)getpid());
	svc_sweep_temps(tmp);
	free(dup);
	fd = mkstemp(tmp);
	if (fd >= 0) {
		mode_t um = umask(0);

		umask(um);
		if (fchmod(fd, 0666 & ~um) != 0)
			(void)0;
	}
	if (fd < 0 || (f = fdopen(fd, "w")) == NULL) {
		int err = errno;

		if (fd >= 0)
			close(fd);
		return lk_fail(e, EX_CANTCREAT, _("cannot create %s: %s"),
			       path != NULL ? path : tmp, strerror(err));
	}
	errno = 0;
	rc = export_write(f, tmp, j, e);
	if (fclose(f) != 0 && rc == 0)
		rc = lk_fail(e, EX_IOERR, _("cannot write %s: %s"),
			     path != NULL ? path : tmp, strerror(errno));
	if (rc == 0 && path == NULL)
		rc = cli_copy_to_stdout(tmp, e);
	else if (rc == 0 && lk_keluar(tmp, path, NULL) != 0)
		rc = lk_fail(e, EX_CANTCREAT, _("cannot create %s: %s"), path,
			     strerror(errno));
	if (rc != 0 || path == NULL)
		unlink(tmp);
	return rc;
}

/* The plan to export; for --kosong, without a plan that year, the
 * agency's profile from its latest year. */
static int
export_load(store *s, const char *kode, int tahun, bool kosong, rencana **r,
	    lk_err *e)
{
	int *tv = NULL, rc;
	size_t nt = 0;

	rc = store_load(s, kode, tahun, r, e);
	if (rc != EX_NOINPUT || !kosong)
		return rc;
	if (store_list_tahun(s, kode, &tv, &nt, e) != 0 || nt == 0) {
		free(tv);
		return rc;
	}
	rc = store_load(s, kode, tv[nt - 1], r, e);
	free(tv);
	if (rc == 0)
		(*r)->tahun = tahun;
	return rc;
}

int
cmd_export(cli_ctx *c)
{
	lk_err e = { 0, "" };
	cli_period p = { NULL, 0, 0 };
	const char *out = NULL, *sheetname = NULL;
	char *kode = NULL;
	bool kosong = false;
	int ch, rc;
	rencana *r = NULL;
	store *s;
	export_job j;
	arena a = { NULL };
	predikat_tabel pt = { NULL, 0 };
	sheet_book *b = NULL;

	memset(&j, 0, sizeof j);
	while ((ch = cli_getopt(c)) != -1) {
		if ((rc = cli_period_opt(c, ch, &p)) >= 0) {
			if (rc != 0)
				return rc;
		} else if (ch == 'o')
			out = optarg;
		else if (ch == 'f') {
			if (strcmp(optarg, "yaml") == 0)
				j.fmt = EXP_YAML;
			else if (strcmp(optarg, "xlsx") == 0)
				j.fmt = EXP_XLSX;
			else if (strcmp(optarg, "csv") == 0)
				j.fmt = EXP_CSV;
			else
				return cli_usage(c, _("--format: expected yaml, xlsx or csv, got '%s'"), optarg);
		} else if (ch == 'S')
			sheetname = optarg;
		else if (ch == 'K')
			kosong = true;
		else if (ch == 'B')
			j.bom = true;
		else
			return EX_USAGE;
	}
	if ((rc = cli_period_done(c, &p, false)) != 0)
		return rc;
	if (j.fmt == EXP_CSV && sheetname == NULL)
		return cli_usage(c, _("--format csv needs --sheet NAME (%s, capaian_tw1 ... capaian_tw4)"),
				 sheet_names);
	if (j.fmt != EXP_CSV && (sheetname != NULL || j.bom))
		return cli_usage(c, _("--sheet and --bom go with --format csv"));
	if (kosong && j.fmt != EXP_XLSX)
		return cli_usage(c, _("--kosong goes with --format xlsx"));
	if (j.fmt == EXP_XLSX && (out == NULL || cli_out_is_stdout(out)) && isatty(1))
		return cli_usage(c, _("a workbook is not for the terminal: give -o FILE.xlsx"));
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	rc = store_pilih_instansi(s, p.instansi, &kode, &e);
	if (rc == 0)
		rc = export_load(s, kode, p.tahun, kosong, &r, &e);
	store_close(s);
	free(kode);
	if (rc == 0 && j.fmt != EXP_YAML &&
	    (rc = predikat_load_installed(&a, &pt, &e)) == 0)
		rc = sheet_book_build(r, &pt, kosong, &b, &e);
	if (rc == 0 && j.fmt == EXP_CSV &&
	    (j.sheet = sheet_find(b, sheetname)) == NULL)
		rc = lk_fail(&e, EX_USAGE, _("--sheet: no sheet '%s' in the workbook of %s %d (%s, capaian_twN of the quarters reported)"),
			     sheetname, r->instansi.kode, r->tahun, sheet_names);
	j.r = r;
	j.book = b;
	if (rc == 0) {
		if (out != NULL && !cli_out_is_stdout(out))
			rc = export_to_file(&j, out, &e);
		else if (j.fmt == EXP_XLSX)
			rc = export_to_file(&j, NULL, &e);
		else if ((rc = export_write(stdout, _("standard output"), &j, &e)) == 0 &&
			 fflush(stdout) != 0)
			rc = lk_fail(&e, EX_IOERR, _("cannot write standard output: %s"),
				     strerror(errno));
	}
	sheet_book_free(b);
	arena_free(&a);
	if (r != NULL)
		rencana_free(r);
	return rc ? cli_report(&e) : 0;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* list instansi | tahun [--instansi K]: one kode or year a line, for
 * scripts and the bash completion (completion.bash). */
int
cmd_list(cli_ctx *c)
{
	lk_err e = { 0, "" };
	const char *instansi = NULL, *what;
	char **kv = NULL;
	size_t nk = 0, i, nt;
	int *tv, ch, rc;
	store *s;

	while ((ch = cli_getopt(c)) != -1) {
		if (ch == 'i')
			instansi = optarg;
		else
			return EX_USAGE;
	}
	if (optind >= c->argc)
		return cli_usage(c, _("expected instansi or tahun"));
	what = c->argv[optind];
	if (optind + 1 < c->argc)
		return cli_usage(c, _("unexpected argument '%s'"), c->argv[optind + 1]);
	if (strcmp(what, "instansi") != 0 && strcmp(what, "tahun") != 0)
		return cli_usage(c, _("unknown list '%s' (instansi, tahun)"), what);
	if (strcmp(what, "instansi") == 0 && instansi != NULL)
		return cli_usage(c, _("list instansi takes no --instansi"));
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	if (instansi != NULL) {
		if ((kv = calloc(1, sizeof *kv)) == NULL || (kv[0] = strdup(instansi)) == NULL)
			lk_fatal("out of memory");
		nk = 1;
	} else
		rc = store_list_instansi(s, &kv, &nk, &e);
	if (rc == 0 && strcmp(what, "instansi") == 0)
		for (i = 0; i < nk; i++)
			printf("%s\n", kv[i]);
	else if (rc == 0) {
		/* The years of every agency asked for, ascending, once each. */
		int *all = NULL;
		size_t na = 0;

		for (i = 0; rc == 0 && i < nk; i++) {
			if ((rc = store_list_tahun(s, kv[i], &tv, &nt, &e)) != 0)
				break;
			if ((all = realloc(all, (na + nt + 1) * sizeof *all)) == NULL)
				lk_fatal("out of memory");
			if (nt > 0)
				memcpy(all + na, tv, nt * sizeof *tv);
			na += nt;
			free(tv);
		}
		if (rc == 0 && na > 0)
			qsort(all, na, sizeof *all, cmp_int);
		for (i = 0; rc == 0 && i < na; i++)
			if (i == 0 || all[i] != all[i - 1])
				printf("%d\n", all[i]);
		free(all);
	}
	store_free_strv(kv, nk);
	store_close(s);
	return rc ? cli_report(&e) : 0;
}
