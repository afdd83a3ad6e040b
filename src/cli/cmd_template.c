/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_template.c - `lakip template`: the report template an agency's
 * documents are printed with, kept in the database.
 *
 *   template set [--instansi K] FILE.yaml    a new version (admin)
 *   template show [--instansi K] [--versi V] [-o FILE]
 *   template reset [--instansi K]            back to the installed one (admin)
 *
 * set checks the file as `report --template` would (every key, text and
 * placeholder) before anything is stored.
 */
#include "config.h"
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/zona.h"
#include "io/datafile.h"
#include "report/template.h"
#include "store/workflow.h"

#define TEMPLATE_MAX (1 << 20)

/* The whole of a template file, checked: *text malloc'ed. */
static int
read_checked(const char *path, char **text, const char **dokumen, lk_err *e)
{
	FILE *f = fopen(path, "rb");
	size_t n = 0, cap = 65536;
	char *buf;
	tmpl *t = NULL;
	int rc;

	*text = NULL;
	if (f == NULL)
		return lk_fail(e, EX_NOINPUT, _("cannot open %s: %s"), path,
			       strerror(errno));
	if ((buf = malloc(cap + 1)) == NULL)
		lk_fatal("out of memory");
	for (;;) {
		size_t k = fread(buf + n, 1, cap - n, f);

		n += k;
		if (n < cap || n >= TEMPLATE_MAX)
			break;
		cap *= 2;
		if ((buf = realloc(buf, cap + 1)) == NULL)
			lk_fatal("out of memory");
	}
	if (ferror(f) || n >= TEMPLATE_MAX) {
		fclose(f);
		free(buf);
		return lk_fail(e, n >= TEMPLATE_MAX ? EX_DATAERR : EX_IOERR,
			       n >= TEMPLATE_MAX ? _("%s: larger than a template "
			       "can be (1 MiB)") : _("cannot read %s"), path);
	}
	fclose(f);
	buf[n] = '\0';
	if (memchr(buf, '\0', n) != NULL) {
		free(buf);
		return lk_fail(e, EX_DATAERR, _("%s: not a text file"), path);
	}
	if ((rc = tmpl_load_buffer(path, buf, n, &t, e)) != 0) {
		free(buf);
		return rc;
	}
	*dokumen = tmpl_dokumen_nama(t->jenis);
	tmpl_free(t);
	*text = buf;
	return 0;
}

static int
show(cli_ctx *c, const char *kode, const char *dokumen, int versi,
     const char *out)
{
	lk_err e = { 0, "" };
	store_template tp;
	char path[4096], rel[64], *inst = NULL, *zona = NULL;
	FILE *f = stdout;
	store *s;
	int rc;

	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	rc = store_pilih_instansi(s, kode, &inst, &e);
	if (rc == 0)
		rc = store_template_versi_dokumen(s, inst, dokumen, versi, &tp, &e);
	if (rc == 0 && store_zona_waktu(s, inst, &zona, &e) != 0)
		zona = NULL;
	store_close(s);
	if (rc != 0) {
		free(inst);
		free(zona);
		return cli_report(&e);
	}
	if (out != NULL && !cli_out_is_stdout(out) && (f = fopen(out, "w")) == NULL) {
		rc = cli_error(EX_CANTCREAT, _("cannot create %s: %s"), out,
			       strerror(errno));
	} else if (tp.yaml != NULL) {
		fputs(tp.yaml, f);
	} else if (snprintf(rel, sizeof rel, "templates/%s.yaml", dokumen) > 0 &&
		   (rc = datafile_find(rel, path, sizeof path, &e)) == 0) {
		/* None set: the installed template, as it would print. */
		rc = cli_copy_file(path, f, &e);
		if (rc != 0)
			cli_report(&e);
	} else {
		cli_report(&e);
	}
	if (f != stdout && f != NULL && fclose(f) != 0 && rc == 0)
		rc = cli_error(EX_IOERR, _("cannot write %s: %s"), out, strerror(errno));
	if (rc == 0 && !c->quiet && tp.yaml != NULL) {
		char when[64];

		/* When it was set, in the agency's zone. */
		zona_lokal(tp.added_at, zona, true, when, sizeof when);
		fprintf(stderr, _("lakip: %s: template version %d, set by %s at %s\n"),
			inst, tp.versi, tp.added_by, when);
	} else if (rc == 0 && !c->quiet) {
		fprintf(stderr, _("lakip: %s: the installed template (none set)\n"),
			inst);
	}
	store_template_free(&tp);
	free(inst);
	free(zona);
	return rc;
}

int
cmd_template(cli_ctx *c)
{
	lk_err e = { 0, "" };
	const char *inst = NULL, *out = NULL, *sub, *dokumen = NULL;
	const char *jenis = "laporan";
	char *text = NULL, *kode = NULL;
	int ch, rc, npos, versi = 0;
	store *s;

	while ((ch = cli_getopt(c)) != -1) {
		if (ch == 'i')
			inst = optarg;
		else if (ch == 'o')
			out = optarg;
		else if (ch == 'D') {
			if (strcmp(optarg, "laporan") == 0)
				dokumen = "laporan";
			else if (strcmp(optarg, "pk") == 0)
				dokumen = "perjanjian";
			else
				return cli_usage(c, _("--dokumen: expected laporan "
						      "or pk, got '%s'"), optarg);
		}
		else if (ch == 'v') {
			char *end;
			long v = strtol(optarg, &end, 10);

			if (*optarg == '\0' || *end != '\0' || v < 1 || v > 100000)
				return cli_usage(c, _("--versi: expected a version "
						      "number, got '%s'"), optarg);
			versi = (int)v;
		} else
			return EX_USAGE;
	}
	npos = c->argc - optind;
	if (npos < 1)
		return cli_usage(c, _("expected set, show or reset"));
	sub = c->argv[optind];
	if (strcmp(sub, "show") == 0) {
		if (npos != 1)
			return cli_usage(c, _("template show takes no arguments"));
		return show(c, inst, dokumen != NULL ? dokumen : "laporan", versi,
			    out);
	}
	if (strcmp(sub, "set") != 0 && strcmp(sub, "reset") != 0)
		return cli_usage(c, _("unknown template command '%s' (set, show, reset)"),
				 sub);
	if (versi != 0 || out != NULL)
		return cli_usage(c, _("--versi and -o are for template show"));
	if (strcmp(sub, "set") == 0 && npos != 2)
		return cli_usage(c, _("usage: template set [--instansi K] FILE.yaml"));
	if (strcmp(sub, "reset") == 0 && npos != 1)
		return cli_usage(c, _("template reset takes no arguments"));
	if (strcmp(sub, "set") == 0 && dokumen != NULL)
		return cli_usage(c, _("--dokumen is for template show and reset: "
				      "set takes the kind from the file's jenis"));
	if (strcmp(sub, "set") == 0 &&
	    read_checked(c->argv[optind + 1], &text, &jenis, &e) != 0)
		return cli_report(&e);
	if (dokumen != NULL)
		jenis = dokumen;
	c->aksi = AKSI_UBAH_RENCANA;
	if ((rc = cli_open_store(c, 0, &s)) != 0) {
		free(text);
		return rc;
	}
	rc = store_pilih_instansi(s, inst, &kode, &e);
	if (rc == 0)
		rc = store_template_set_dokumen(s, kode, jenis, text, &versi, &e);
	store_close(s);
	free(text);
	if (rc != 0) {
		free(kode);
		return cli_report(&e);
	}
	if (strcmp(jenis, "laporan") != 0)
		printf(strcmp(sub, "set") == 0
		       ? _("Template of %s for the %s: version %d set\n")
		       : _("Template of %s for the %s: version %d, the installed "
			   "template again\n"), kode, jenis, versi);
	else
		printf(strcmp(sub, "set") == 0 ? _("Template of %s: version %d set\n")
		       : _("Template of %s: version %d, the installed template again\n"),
		       kode, versi);
	free(kode);
	return 0;
}
