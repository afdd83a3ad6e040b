/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* import.h - importing a whole plan: an exchange file, a workbook or one
 * sheet as CSV (spec/spreadsheet-format.md), for both front ends.
 *
 * Owns: the kind of the file (known from its content: an XLSX is a ZIP),
 * reading it, merging a CSV sheet into the year the database holds,
 * keeping what a workbook does not carry (sheet_keep_texts), the role
 * check (AKSI_IMPOR), and saving in one transaction -- or, in a dry run,
 * the same transaction rolled back -- with what changed: the counts per
 * kind and each change as the audit log records it.  All or nothing.
 *
 * Errors: the status (sysexits) and the first message in e; every error
 * found in the file (each naming its file and sheet!cell, or line and
 * column) in the result's err list as well.  Prints nothing.
 * Memory: the result owns its strings; svc_import_result_free.
 */
#ifndef LK_SVC_IMPORT_H
#define LK_SVC_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"
#include "svc/svc.h"

enum svc_import_kind { IMPORT_YAML, IMPORT_XLSX, IMPORT_CSV };

typedef struct svc_import_opts {
	const char *file;
	/* A CSV file: the sheet it holds (instansi, bidang, iku, ...); NULL
	 * for an exchange file or a workbook. */
	const char *sheet;
	/* With sheet: the agency (NULL: the database's only one) and year
	 * it is merged into (the sheet instansi names them itself). */
	const char *instansi;
	int tahun;
	bool dry_run;
	/* An exchange file or workbook the caller has read already (to say
	 * its errors before a database is made for it): taken over (freed
	 * by svc_import); NULL: svc_import reads o->file. */
	rencana *plan;
} svc_import_opts;

/* One change, as the audit log records it (any field may be NULL but
 * action and tbl). */
typedef struct svc_change {
	char *action, *scope, *tbl, *kode, *field, *old, *new_;
} svc_change;

typedef struct svc_import_result {
	enum svc_import_kind kind;
	bool cp1252;             /* a CSV that was not UTF-8, read as Windows-1252 */
	char *kode;              /* the agency and year imported */
	int tahun;
	store_diff diff;         /* counts per kind (instansi, bidang, ...) */
	svc_change *change;      /* each change, in the order made */
	size_t n_change, cap_change;
	char **err;              /* every error found (the first is also in e) */
	size_t n_err, cap_err;
} svc_import_result;

/* The kind of file path from its first bytes and the options. */
enum svc_import_kind svc_import_kind_of(const char *path, const char *sheet);

/* Import o->file into v's store as the actor (an admin: EX_NOPERM
 * otherwise): 0, or EX_NOINPUT (no file; no plan to merge a sheet into),
 * EX_DATAERR (the file's errors), EX_USAGE (an unknown sheet; --tahun
 * missing), EX_NOPERM (role, lock), EX_IOERR.  res is filled in every
 * case (free it with svc_import_result_free). */
int svc_import(svc *v, const svc_import_opts *o, svc_import_result *res,
	       lk_err *e);
void svc_import_result_free(svc_import_result *res);

/* "IKU IKU1 target: 95 -> 96" (translated words; values quoted as the
 * audit log shows them), into buf. */
const char *svc_change_text(const svc_change *c, char *buf, size_t n);

#endif
