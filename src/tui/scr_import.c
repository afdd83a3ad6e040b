/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_import.c - importing a workbook, a CSV sheet or an exchange file
 * (admin): a file chosen from the user's documents directory, the dry
 * run's summary and each change (or every error with its cell), then
 * confirmed.  svc_import decides and saves; this screen only draws. */
#include "config.h"
#include "tui/screens.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/i18n.h"
#include "io/sheet.h"
#include "svc/import.h"
#include "tui/ui.h"

static const char *const sheets[] = {
	"instansi", "bidang", "iku", "program", "triwulan", "realisasi_iku",
	"realisasi_program",
};
#define N_SHEETS (sizeof sheets / sizeof sheets[0])

static bool
importable(const char *name)
{
	const char *dot = strrchr(name, '.');

	return name[0] != '.' && dot != NULL && (strcasecmp(dot, ".xlsx") == 0 ||
	    strcasecmp(dot, ".csv") == 0 || strcasecmp(dot, ".yaml") == 0 ||
	    strcasecmp(dot, ".yml") == 0);
}

static int
cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* A file of directory dir chosen from those that can be imported
 * (malloc'ed path), or NULL. */
static char *
choose_in(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **name = NULL, *out = NULL, title[300];
	size_t n = 0, cap = 0;
	int k;

	if (d == NULL) {
		ui_msg(UI_MSG_ERROR, _("%s cannot be read"), dir);
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		if (!importable(de->d_name))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((name = realloc(name, cap * sizeof *name)) == NULL)
				lk_fatal("out of memory");
		}
		if ((name[n] = strdup(de->d_name)) == NULL)
			lk_fatal("out of memory");
		n++;
	}
	closedir(d);
	if (n == 0) {
		ui_message(_("Import"), _("This directory holds no workbook (.xlsx), "
			   "CSV sheet (.csv) or exchange file (.yaml)."), true);
		free(name);
		return NULL;
	}
	qsort(name, n, sizeof *name, cmp_str);
	snprintf(title, sizeof title, _("Files in %s"), dir);
	k = ui_choose(title, (const char *const *)name, n, 0);
	if (k >= 0) {
		size_t len = strlen(dir) + strlen(name[k]) + 2;

		if ((out = malloc(len)) == NULL)
			lk_fatal("out of memory");
		snprintf(out, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ?
			 "" : "/", name[k]);
	}
	for (size_t i = 0; i < n; i++)
		free(name[i]);
	free(name);
	return out;
}

/* The file to import: typed, starting in the documents directory; a
 * directory lists what it holds.  NULL when the user goes back. */
static char *
choose_file(void)
{
	char dir[4096], start[4100], *path = NULL;
	struct stat st;

	app_documents_dir(dir, sizeof dir);
	snprintf(start, sizeof start, "%s/", dir);
	for (;;) {
		if (!ui_prompt(_("Import a workbook"), _("File (.xlsx, .csv, .yaml; a "
			       "directory lists its files):"), path != NULL ? path :
			       start, &path))
			return NULL;
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			char *f = choose_in(path);

			if (f != NULL) {
				free(path);
				return f;
			}
			continue;
		}
		return path;
	}
}

/* The sheet a CSV file holds: asked, the one its name says first. */
static const char *
choose_sheet(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t sel = 0, best = 0;
	int k;

	base = base != NULL ? base + 1 : path;
	for (size_t i = 0; i < N_SHEETS; i++) {
		size_t l = strlen(sheets[i]);

		if (strncasecmp(base, sheets[i], l) == 0 && l > best) {
			sel = i;
			best = l;
		}
	}
	k = ui_choose(_("Which sheet does the CSV file hold?"), sheets, N_SHEETS, sel);
	return k < 0 ? NULL : sheets[k];
}

static const char *
kind_name(enum svc_import_kind k)
{
	return k == IMPORT_XLSX ? _("workbook") : k == IMPORT_CSV ?
	    _("CSV sheet") : _("exchange file");
}

/* The dry run (or the import) as a text: the counts per kind and each
 * change, or every error.  malloc'ed. */
static char *
summary(const char *path, const svc_import_opts *o,
	const svc_import_result *res, int rc, const lk_err *e)
{
	char *text = NULL, line[LK_ERR_MAX * 3];
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (f == NULL)
		lk_fatal("out of memory");
	fprintf(f, _("File: %s (%s)"), path, kind_name(res->kind));
	if (o->sheet != NULL)
		fprintf(f, _(", sheet %s"), o->sheet);
	fputs("\n", f);
	if (res->cp1252)
		fprintf(f, "%s\n", _("The file is not UTF-8: it was read as "
			"Windows-1252 (what Excel saves as \"CSV\")."));
	if (rc != 0) {
		fprintf(f, "\n%s\n\n", _("The file cannot be imported; nothing was "
			"changed."));
		fprintf(f, P_("%zu error:\n", "%zu errors:\n", res->n_err),
			res->n_err);
		for (size_t i = 0; i < res->n_err; i++)
			fprintf(f, "  %s\n", res->err[i]);
		if (res->n_err == 0)
			fprintf(f, "  %s\n", e->msg);
		fclose(f);
		return text;
	}
	fprintf(f, _("Agency %s, year %d.\n\n"), res->kode, res->tahun);
	fprintf(f, "%s\n", o->dry_run ? _("What the import would change:") :
		_("What the import changed:"));
	for (int k = 0; k < DIFF_KINDS; k++) {
		const store_diff_count *n = &res->diff.n[k];

		if (n->added + n->changed + n->removed + n->unchanged == 0)
			continue;
		fprintf(f, _("  %-9s %u added, %u changed, %u removed, %u unchanged\n"),
			store_diff_kind_name((enum store_diff_kind)k),
			n->added, n->changed, n->removed, n->unchanged);
	}
	fprintf(f, "\n");
	fprintf(f, P_("%zu change:\n", "%zu changes:\n", res->n_change),
		res->n_change);
	for (size_t i = 0; i < res->n_change; i++)
		fprintf(f, "  %s\n", svc_change_text(&res->change[i], line,
						     sizeof line));
	if (res->n_change == 0)
		fprintf(f, "  %s\n", _("none: the database holds this already"));
	fclose(f);
	return text;
}

int
scr_import(app *a)
{
	svc_import_opts o;
	svc_import_result res;
	lk_err e = { 0, "" };
	char *path, *text, q[600];
	int rc;

	if (a->dirty) {
		ui_message(_("Import"), _("The plan on screen has changes that are not "
			   "saved: save them (F2) or leave the form without saving "
			   "before importing."), true);
		return FORM_CANCELLED;
	}
	if (!app_can_edit(a, AKSI_IMPOR))
		return FORM_CANCELLED;
	if ((path = choose_file()) == NULL)
		return ui_terminating() ? FORM_TERMINATED : FORM_CANCELLED;
	memset(&o, 0, sizeof o);
	o.file = path;
	if (svc_import_kind_of(path, NULL) != IMPORT_XLSX) {
		const char *dot = strrchr(path, '.');

		if (dot != NULL && strcasecmp(dot, ".csv") == 0 &&
		    (o.sheet = choose_sheet(path)) == NULL) {
			free(path);
			return FORM_CANCELLED;
		}
	}
	/* A CSV sheet goes into the agency and year on screen. */
	o.instansi = a->instansi;
	o.tahun = a->tahun;
	o.dry_run = true;
	ui_progress(_("Import"), _("Reading the file..."));
	rc = svc_import(&a->v, &o, &res, &e);
	text = summary(path, &o, &res, rc, &e);
	ui_show_text(rc == 0 ? _("Import: what would change") :
		     _("Import: the file has errors"), text);
	free(text);
	if (rc != 0 || res.n_change == 0) {
		svc_import_result_free(&res);
		free(path);
		return ui_terminating() ? FORM_TERMINATED : FORM_CANCELLED;
	}
	snprintf(q, sizeof q, P_("Import the file: %zu change to %s, year %d, "
				       "in one transaction?",
				       "Import the file: %zu changes to %s, year %d, "
				       "in one transaction?", res.n_change),
		 res.n_change, res.kode, res.tahun);
	svc_import_result_free(&res);
	if (ui_confirm(_("Import"), q, false) != 1) {
		ui_msg(UI_MSG_INFO, "%s", _("Nothing was imported."));
		free(path);
		return ui_terminating() ? FORM_TERMINATED : FORM_CANCELLED;
	}
	o.dry_run = false;
	ui_progress(_("Import"), _("Importing..."));
	rc = svc_import(&a->v, &o, &res, &e);
	if (rc != 0) {
		text = summary(path, &o, &res, rc, &e);
		ui_show_text(_("Import: nothing was imported"), text);
		free(text);
	} else {
		/* The plan on screen is the database's again. */
		if (a->instansi != NULL && strcmp(res.kode, a->instansi) == 0 &&
		    res.tahun == a->tahun)
			app_reload(a);
		const char *base = strrchr(path, '/');

		ui_msg(UI_MSG_INFO, P_("Imported %s: %zu change saved.",
				       "Imported %s: %zu changes saved.",
				       res.n_change), base != NULL ? base + 1 : path,
		       res.n_change);
	}
	svc_import_result_free(&res);
	free(path);
	return ui_terminating() ? FORM_TERMINATED : FORM_CANCELLED;
}
