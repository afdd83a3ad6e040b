/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* sheet.h - a workbook as rows of typed cells, and its meaning as a plan
 * (spec/spreadsheet-format.md).
 *
 * Owns: the sheet model shared by the XLSX reader (io/xlsx.h), the CSV
 * reader (io/sheetcsv.h) and the writers; turning the data sheets into a
 * rencana through the exchange reader's own checks (sheet_book_read), so
 * that a workbook is refused for what an exchange file is refused for,
 * naming the cell; and turning a rencana back into the data and computed
 * sheets (sheet_book_build).
 *
 * Memory: a book and all it holds live in its arena; free it with
 * sheet_book_free (NULL is allowed).  Out of memory is fatal.
 * Errors: EX_DATAERR with "FILE: SHEET!CELL: ..." (a workbook) or
 * "FILE:LINE:COLUMN: ..." (a CSV file: line and field number).
 */
#ifndef LK_SHEET_H
#define LK_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/model.h"
#include "core/predikat.h"

/* A plan holds at most this many rows in one sheet (5,000 IKU times four
 * quarters of realisations fit many times): readers refuse a sheet with
 * more before it costs memory.  Columns beyond SHEET_MAX_COLS and cells
 * beyond SHEET_MAX_CELLS are refused too. */
#define SHEET_MAX_ROWS 200000u
#define SHEET_MAX_COLS 1024u
/* Cells with a value in one book (the data sheets of a 5,000-IKU plan
 * hold about 150,000, of a 10,000-IKU one 300,000): more are refused,
 * so that a sheet of many columns cannot cost memory either (500,000
 * cells are about 45 MB). */
#define SHEET_MAX_CELLS 500000u

enum sheet_type {
	SHEET_EMPTY,
	SHEET_TEXT,       /* text: a string cell, inline or shared */
	SHEET_NUMBER,     /* text holds the number as the file stores it */
	SHEET_BOOL,       /* "0" / "1" */
	SHEET_ERROR,      /* a formula's error value ("#DIV/0!") */
	SHEET_NO_VALUE,   /* a formula without a cached value */
};

/* How a writer shows a number cell (the data keep exact decimals). */
enum sheet_fmt {
	FMT_NONE,
	FMT_NILAI,        /* indicator value, 4 decimals */
	FMT_UANG,         /* rupiah, 2 decimals */
	FMT_PERSEN,       /* percentage, 2 decimals */
	FMT_DATE,         /* text "YYYY-MM-DD", a date cell in a workbook */
	FMT_INT,          /* a quarter, a year */
	FMT_HEAD,         /* a header cell below the first row (text) */
};

typedef struct sheet_cell {
	unsigned col;          /* 1-based */
	enum sheet_type type;
	enum sheet_fmt fmt;    /* writers only */
	const char *text;      /* never NULL */
} sheet_cell;

typedef struct sheet_row {
	unsigned row;          /* 1-based: the row number, or CSV line */
	sheet_cell *cell;      /* ascending col */
	size_t n_cell, cap;
} sheet_row;

struct sheet_book;
typedef struct sheet {
	const char *name;
	const struct sheet_book *book;  /* its book (file and kind) */
	sheet_row *row;        /* ascending row */
	size_t n_row, cap;
	bool computed;         /* written protected; import ignores it */
	unsigned width[32];    /* column widths in characters (writers), 0 = default */
	const char *note[32];  /* a note on each header cell (writers) or NULL */
} sheet;

typedef struct sheet_book {
	arena mem;
	const char *file;      /* name in messages; "" for a book built from
				* the database (messages say so) */
	bool csv;              /* positions are line:field */
	sheet **sheet;
	size_t n_sheet, cap;
} sheet_book;

sheet_book *sheet_book_new(const char *file, bool csv);
void sheet_book_free(sheet_book *b);

/* A new sheet at the end (the name is copied). */
sheet *sheet_add(sheet_book *b, const char *name);
/* The sheet of that name, case and surrounding spaces ignored, or NULL. */
sheet *sheet_find(const sheet_book *b, const char *name);
/* Rows are added in ascending order; adding row n again returns it. */
sheet_row *sheet_row_add(sheet_book *b, sheet *s, unsigned row);
/* A cell to the right of the row's last one; text (len bytes) is copied. */
sheet_cell *sheet_cell_add(sheet_book *b, sheet_row *r, unsigned col,
			   enum sheet_type t, const char *text, size_t len);
/* "F7"; col 1..16384.  Returns buf. */
const char *sheet_cellref(unsigned col, unsigned row, char buf[16]);
/* The 1-based column of "AB" (letters only), 0 when not a column. */
unsigned sheet_col_from_ref(const char *ref, unsigned *row);

/* A number cell's text ("78.499999999999986", "1.5E-3", "-2E+5") at
 * `scale` decimals, rounded half away from zero: exact, from the digits
 * as written.  0, or EX_DATAERR with *why (static, English). */
int sheet_number_scaled(const char *s, int scale, int64_t *out,
			const char **why);
/* The number as a spreadsheet shows it in a text field (15 significant
 * digits, no exponent, no trailing zeros): "2.17" for
 * "2.1699999999999999".  Returns buf (size 64); the input when it is
 * not a number. */
const char *sheet_number_text(const char *s, char buf[64]);

/* The data sheets (spec: instansi, bidang, iku, program, triwulan,
 * realisasi_iku, realisasi_program) as a rencana, with every rule of the
 * exchange format.  Sheets named capaian_tw1..4 or starting with '#' are
 * ignored, and so are empty sheets; any other sheet is an error. */
int sheet_book_read(const sheet_book *b, rencana **out, lk_err *e);
/* The same, freeing b as soon as its cells are turned into the tree the
 * checks run on (before they run: a big workbook's cells and the plan
 * are not in memory at once); b is freed in every case. */
int sheet_book_read_free(sheet_book *b, rencana **out, lk_err *e);

/* The same, looking for every error of the cells rather than stopping
 * at the first: each message (naming its cell) goes to fn as it is
 * found, one a row, at most SHEET_MAX_ERRORS; e holds the first.  The
 * rules of the whole plan (duplicate or dangling kodes, ...) are checked
 * when the cells have none, and stop at the first (in e only). */
#define SHEET_MAX_ERRORS 100u
typedef void sheet_err_fn(void *ctx, const char *msg);
int sheet_book_read_each(sheet_book *b, sheet_err_fn *fn, void *ctx,
			 rencana **out, lk_err *e);

/* One sheet of a CSV file (book holding one sheet, named as --sheet
 * says) merged into base: that sheet replaces base's, except that
 * realisasi_iku and realisasi_program change only the realisations they
 * list.  base may be NULL (an empty database) only for instansi.
 * Narratives and other texts the sheets do not hold are base's. */
int sheet_csv_merge(const sheet_book *csv, const rencana *base,
		    rencana **out, lk_err *e);
/* The same, every error of the cells to fn (sheet_book_read_each). */
int sheet_csv_merge_each(const sheet_book *csv, const rencana *base,
			 sheet_err_fn *fn, void *ctx, rencana **out, lk_err *e);

/* What the workbook does not hold (narratives, supporting tables, the
 * quarters' texts, the agency's logo, predikat bands and heads of bidang)
 * copied from `from` into `to` where both have the same sasaran, quarter
 * or bidang: importing a workbook keeps them. */
void sheet_keep_texts(rencana *to, const rencana *from);

/* Is this a data or computed sheet name of the layout? */
bool sheet_name_known(const char *name);

/* The workbook of r: the data sheets (read back by sheet_book_read) and,
 * with pt (the bands that apply), the computed sheets capaian_tw1..4 of
 * every quarter reported.  kosong: headers only, one example in the
 * notes of the header cells, with the agency's profile, bidang and kodes
 * (r may be then hold just the profile).  0, or the error of computing
 * a capaian. */
int sheet_book_build(const rencana *r, const predikat_tabel *pt, bool kosong,
		     sheet_book **out, lk_err *e);

/* The whole of the regular file path (at most max bytes) into *buf
 * (malloc'ed, NUL-terminated) of *len bytes: EX_NOINPUT when it cannot
 * be opened or is no regular file, EX_DATAERR when larger, EX_IOERR when
 * reading fails.  What the workbook and CSV readers start from. */
int sheet_file_read(const char *path, uint64_t max, char **buf, size_t *len,
		    lk_err *e);

#endif
