/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* csv.h - rows of text as CSV (';' separated) or TSV, and CSV files
 * from spreadsheets read into a sheet (io/sheet.h).
 *
 * Writing.  CSV: cells holding the separator, '"', a line break, or
 * leading or trailing spaces are quoted with '"' and inner quotes doubled
 * (RFC 4180 with ';', as spreadsheets in an Indonesian locale expect).
 * TSV: tabs and line breaks inside a cell become spaces.  Lines end with
 * "\n".  In both, a text cell that starts with '=', '+', '-', '@', a tab
 * or a carriage return gets a leading "'" so that no spreadsheet runs it
 * as a formula -- except a number in the Indonesian form ("-3,5") and a
 * lone "-" (an undefined capaian), which no spreadsheet takes for one.
 *
 * Reading.  UTF-8 with or without a BOM; a file that is not valid UTF-8
 * is read as Windows-1252 (Excel's plain "CSV"), and the caller is told.
 * UTF-16 is refused with a hint.  The separator, ';', ',' or tab, is the
 * one the header line (the first record) holds most of, outside quotes;
 * quoting is RFC 4180 (a quoted field may hold the separator, "" and line
 * breaks).  A leading "'" written by the guard above is dropped again.
 * Positions: the line where a record starts and the field's number.
 */
#ifndef LK_CSV_H
#define LK_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/err.h"
#include "io/sheet.h"

#define CSV_MAX_FILE (64u * 1024 * 1024)

enum csv_style { CSV_SEMICOLON, CSV_TAB };

/* Returns 0, or -1 on a write error (errno set). */
int csv_write_row(FILE *f, enum csv_style style, const char *const *cell,
		  size_t n);

/* A sheet (sheet_book_build) as ';' CSV with Indonesian numbers, after a
 * UTF-8 BOM when bom.  0, or -1 on a write error (errno set). */
int csv_write_sheet(FILE *f, const sheet *s, bool bom);

/* The CSV text in buf as a book of one sheet named sheet_name; *cp1252
 * tells whether it was read as Windows-1252.  EX_DATAERR
 * "FILE:LINE:COL: ..." on a bad file. */
int csv_read_buffer(const char *name, const char *buf, size_t len,
		    const char *sheet_name, sheet_book **out, bool *cp1252,
		    lk_err *e);
int csv_read_file(const char *path, const char *sheet_name,
		  sheet_book **out, bool *cp1252, lk_err *e);

#endif
