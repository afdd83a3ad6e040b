/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* csv.h - rows of text as CSV (';' separated) or TSV.
 *
 * CSV: cells holding the separator, '"', a line break, or leading or
 * trailing spaces are quoted with '"' and inner quotes doubled (RFC 4180
 * with ';', as spreadsheets in an Indonesian locale expect).  TSV: tabs
 * and line breaks inside a cell become spaces.  Lines end with "\n".
 */
#ifndef LK_CSV_H
#define LK_CSV_H

#include <stddef.h>
#include <stdio.h>

enum csv_style { CSV_SEMICOLON, CSV_TAB };

/* Returns 0, or -1 on a write error (errno set). */
int csv_write_row(FILE *f, enum csv_style style, const char *const *cell,
		  size_t n);

#endif
