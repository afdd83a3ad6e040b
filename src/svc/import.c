/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* import.c - importing an exchange file, a workbook or a CSV sheet: read,
 * merge, check the role, save (or roll back a dry run) with each change. */
#include "config.h"
#include "svc/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "io/csv.h"
#include "io/exchange.h"
#include "io/sheet.h"
#include "io/xlsx.h"

static char *
dup_or_null(const char *s)
{
	char *d;

	if (s == NULL)
		return NULL;
	if ((d = strdup(s)) == NULL)
		lk_fatal("out of memory");
	return d;
}

static void
add_err(void *ctx, const char *msg)
{
	svc_import_result *res = ctx;

	if (res->n_err == res->cap_err) {
		res->cap_err = res->cap_err ? res->cap_err * 2 : 8;
		res->err = realloc(res->err, res->cap_err * sizeof *res->err);
		if (res->err == NULL)
			lk_fatal("out of memory");
	}
	res->err[res->n_err++] = dup_or_null(msg);
}

static void
on_change(void *ctx, const char *action, const char *scope, const char *tbl,
	  const char *kode, const char *field, const char *old,
	  const char *new_)
{
	svc_import_result *res = ctx;
	svc_change *c;

	if (res->n_change == res->cap_change) {
		res->cap_change = res->cap_change ? res->cap_change * 2 : 64;
		res->change = realloc(res->change,
				      res->cap_change * sizeof *res->change);
		if (res->change == NULL)
			lk_fatal("out of memory");
	}
	c = &res->change[res->n_change++];
	c->action = dup_or_null(action);
	c->scope = dup_or_null(scope);
	c->tbl = dup_or_null(tbl);
	c->kode = dup_or_null(kode);
	c->field = dup_or_null(field);
	c->old = dup_or_null(old);
	c->new_ = dup_or_null(new_);
}

static void
clear_changes(svc_import_result *res)
{
	for (size_t i = 0; i < res->n_change; i++) {
		svc_change *c = &res->change[i];

		free(c->action);
		free(c->scope);
		free(c->tbl);
		free(c->kode);
		free(c->field);
		free(c->old);
		free(c->new_);
	}
	free(res->change);
	res->change = NULL;
	res->n_change = res->cap_change = 0;
}

void
svc_import_result_free(svc_import_result *res)
{
	clear_changes(res);
	for (size_t i = 0; i < res->n_err; i++)
		free(res->err[i]);
	free(res->err);
	free(res->kode);
	memset(res, 0, sizeof *res);
}

enum svc_import_kind
svc_import_kind_of(const char *path, const char *sheet)
{
	char head[4];
	FILE *f;
	bool zip = false;

	if (sheet != NULL)
		return IMPORT_CSV;
	if ((f = fopen(path, "rb")) != NULL) {
		zip = fread(head, 1, 4, f) == 4 && xlsx_is_zip(head, 4);
		fclose(f);
	}
	return zip ? IMPORT_XLSX : IMPORT_YAML;
}

/* The plan of (kode, tahun) in the database: 0, EX_NOINPUT when none
 * (e untouched), or another error. */
static int
load_old(store *s, const char *kode, int tahun, rencana **old, lk_err *e)
{
	lk_err e2 = { 0, "" };
	int rc = store_load(s, kode, tahun, old, &e2);

	*e = rc != 0 && rc != EX_NOINPUT ? e2 : *e;
	return rc;
}

/* One sheet as CSV, merged into what the database holds. */
static int
read_csv_sheet(svc *v, const svc_import_opts *o, svc_import_result *res,
	       rencana **out, lk_err *e)
{
	sheet_book *b;
	rencana *old = NULL, *r0 = NULL;
	char *kode = NULL;
	int rc;

	if (!sheet_name_known(o->sheet) || strncasecmp(o->sheet, "capaian_", 8) == 0)
		return lk_fail(e, EX_USAGE, _("--sheet: expected one of %s, got "
			       "'%s'"), "instansi, bidang, iku, program, triwulan, "
			       "realisasi_iku, realisasi_program", o->sheet);
	if ((rc = csv_read_file(o->file, o->sheet, &b, &res->cp1252, e)) != 0)
		return rc;
	if (strcasecmp(o->sheet, "instansi") == 0) {
		/* The sheet names the agency and the year itself. */
		if ((rc = sheet_csv_merge_each(b, NULL, add_err, res, &r0, e)) == 0 &&
		    (rc = load_old(v->s, r0->instansi.kode, r0->tahun, &old, e)) ==
		    EX_NOINPUT) {
			*out = r0;
			sheet_book_free(b);
			return 0;
		}
	} else if (o->tahun == 0)
		rc = lk_fail(e, EX_USAGE, _("--tahun is required with --sheet %s"),
			     o->sheet);
	else if ((rc = store_pilih_instansi(v->s, o->instansi, &kode, e)) == 0 &&
		 (rc = load_old(v->s, kode, o->tahun, &old, e)) == EX_NOINPUT)
		rc = lk_fail(e, EX_NOINPUT, _("%s has no plan for %d in %s: import a "
			     "workbook, an exchange file or the sheet instansi "
			     "first"), kode, o->tahun, store_path(v->s));
	if (rc == 0)
		rc = sheet_csv_merge_each(b, old, add_err, res, out, e);
	rencana_free(r0);
	rencana_free(old);
	free(kode);
	sheet_book_free(b);
	return rc;
}

/* The file as the plan to save. */
static int
read_plan(svc *v, const svc_import_opts *o, svc_import_result *res,
	  rencana **r, lk_err *e)
{
	rencana *old = NULL;
	sheet_book *b;
	int rc;

	if (res->kind == IMPORT_CSV)
		return read_csv_sheet(v, o, res, r, e);
	if (o->plan != NULL)
		*r = o->plan;
	else if (res->kind == IMPORT_YAML)
		return exchange_read_file(o->file, r, e);
	else if ((rc = xlsx_read_file(o->file, &b, e)) != 0 ||
		 (rc = sheet_book_read_each(b, add_err, res, r, e)) != 0)
		return rc;
	if (res->kind != IMPORT_XLSX)
		return 0;
	/* The workbook holds no narratives nor the quarters' texts: they
	 * stay as they are. */
	if ((rc = load_old(v->s, (*r)->instansi.kode, (*r)->tahun, &old, e)) == 0) {
		sheet_keep_texts(*r, old);
		rencana_free(old);
	}
	return rc == EX_NOINPUT ? 0 : rc;
}

int
svc_import(svc *v, const svc_import_opts *o, svc_import_result *res,
	   lk_err *e)
{
	rencana *r = NULL;
	int rc;

	memset(res, 0, sizeof *res);
	res->kind = svc_import_kind_of(o->file, o->sheet);
	/* Only an admin imports: refused before the file is read.  A
	 * read-only or damaged database is refused by store_save, with its
	 * own reason. */
	rc = store_izin_at(v->s, NULL, AKSI_IMPOR, e);
	/* The stored plan read to merge with is the one the save compares
	 * with: kept, not read twice. */
	store_keep_plans(v->s, true);
	if (rc == 0)
		rc = read_plan(v, o, res, &r, e);
	else
		rencana_free(o->plan);
	if (rc == 0) {
		res->kode = dup_or_null(r->instansi.kode);
		res->tahun = r->tahun;
		store_on_change(v->s, on_change, res);
		rc = store_save(v->s, r, o->dry_run, &res->diff, e);
		store_on_change(v->s, NULL, NULL);
		if (rc != 0)  /* nothing was saved: what was listed did not happen */
			clear_changes(res);
	}
	if (rc != 0 && res->n_err == 0)
		add_err(res, e->msg);
	rencana_free(r);
	return rc;
}

const char *
svc_change_text(const svc_change *c, char *buf, size_t n)
{
	const char *what = c->field != NULL ? c->field : "";
	const char *kode = c->kode != NULL ? c->kode : "";

	if (strcmp(c->action, "insert") == 0)
		snprintf(buf, n, _("added %s %s: %s"), c->tbl, kode,
			 c->new_ != NULL ? c->new_ : "");
	else if (strcmp(c->action, "delete") == 0)
		snprintf(buf, n, _("removed %s %s (was %s)"), c->tbl, kode,
			 c->old != NULL ? c->old : "");
	else
		snprintf(buf, n, _("%s %s %s: %s -> %s"), c->tbl, kode, what,
			 c->old != NULL ? c->old : _("(none)"),
			 c->new_ != NULL ? c->new_ : _("(none)"));
	return buf;
}
