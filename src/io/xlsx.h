/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* xlsx.h - XLSX workbooks in and out (spec/spreadsheet-format.md).
 *
 * Reading: libzip opens the ZIP, expat parses the XML, streamed from the
 * compressed entry in chunks, so that nothing is held but the cells.
 * Refused before they cost memory: a file over XLSX_MAX_FILE, an entry
 * that inflates beyond XLSX_MAX_ENTRY or more than XLSX_MAX_RATIO times
 * its compressed size (a ZIP bomb: counted as it inflates, not trusted
 * from the directory), more than XLSX_MAX_ENTRIES entries, any DTD (so
 * no entity can expand), a sheet with more rows or columns than a plan
 * holds (SHEET_MAX_ROWS, SHEET_MAX_COLS), more than XLSX_MAX_STRINGS
 * shared strings.  Errors: EX_DATAERR "FILE: what" (EX_NOINPUT when the
 * file cannot be read).
 *
 * Writing: libxlsxwriter; numbers are numeric cells with number formats,
 * text is text (never a formula), a frozen header row, column widths,
 * computed sheets protected, notes on header cells. */
#ifndef LK_XLSX_H
#define LK_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"
#include "io/sheet.h"

#define XLSX_MAX_FILE (64u * 1024 * 1024)
#define XLSX_MAX_ENTRY (256u * 1024 * 1024)
#define XLSX_MAX_RATIO 200u
#define XLSX_MAX_ENTRIES 10000
#define XLSX_MAX_STRINGS 2000000u

/* Does the buffer start like a ZIP file ("PK\3\4")? */
bool xlsx_is_zip(const void *buf, size_t len);

/* The sheets of a workbook (every sheet, in workbook order) into a new
 * book named `name` in messages; free it with sheet_book_free.  The
 * computed sheets (capaian_tw1..4, which import ignores) are named but
 * not read: they have no rows and are marked computed. */
int xlsx_read_buffer(const char *name, const void *buf, size_t len,
		     sheet_book **out, lk_err *e);
int xlsx_read_file(const char *path, sheet_book **out, lk_err *e);

/* Write b to path (created or replaced). 0, or EX_CANTCREAT / EX_IOERR
 * naming path. */
int xlsx_write(const sheet_book *b, const char *path, lk_err *e);

#endif
