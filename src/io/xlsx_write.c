/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* xlsx_write.c - a sheet book as an XLSX workbook with libxlsxwriter. */
#include "config.h"
#include "io/xlsx.h"

#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "core/dynlib.h"

#ifndef XLSXWRITER_SONAME
#define XLSXWRITER_SONAME "libxlsxwriter.so.4"
#endif

/* libxlsxwriter's functions, loaded when a workbook is first written
 * (dynlib.h) */
#define XW_FNS(X) \
	X(workbook_new_opt) \
	X(workbook_add_format) \
	X(workbook_add_worksheet) \
	X(workbook_close) \
	X(format_set_bold) \
	X(format_set_num_format) \
	X(format_set_bg_color) \
	X(format_set_bottom) \
	X(worksheet_write_number) \
	X(worksheet_write_datetime) \
	X(worksheet_write_string) \
	X(worksheet_set_column) \
	X(worksheet_freeze_panes) \
	X(worksheet_set_paper) \
	X(worksheet_set_landscape) \
	X(worksheet_fit_to_pages) \
	X(worksheet_repeat_rows) \
	X(worksheet_protect) \
	X(worksheet_write_comment) \
	X(lxw_strerror)
static struct {
#define X(f) __typeof__(f) *f;
	XW_FNS(X)
#undef X
} xw;
static const dynlib_fn xw_fn[] = {
#define X(f) { #f, &xw.f },
	XW_FNS(X)
#undef X
};
static dynlib xw_lib = { XLSXWRITER_SONAME, "libxlsxwriter4", xw_fn,
	sizeof xw_fn / sizeof xw_fn[0], false };
#define workbook_new_opt xw.workbook_new_opt
#define workbook_add_format xw.workbook_add_format
#define workbook_add_worksheet xw.workbook_add_worksheet
#define workbook_close xw.workbook_close
#define format_set_bold xw.format_set_bold
#define format_set_num_format xw.format_set_num_format
#define format_set_bg_color xw.format_set_bg_color
#define format_set_bottom xw.format_set_bottom
#define worksheet_write_number xw.worksheet_write_number
#define worksheet_write_datetime xw.worksheet_write_datetime
#define worksheet_write_string xw.worksheet_write_string
#define worksheet_set_column xw.worksheet_set_column
#define worksheet_freeze_panes xw.worksheet_freeze_panes
#define worksheet_set_paper xw.worksheet_set_paper
#define worksheet_set_landscape xw.worksheet_set_landscape
#define worksheet_fit_to_pages xw.worksheet_fit_to_pages
#define worksheet_repeat_rows xw.worksheet_repeat_rows
#define worksheet_protect xw.worksheet_protect
#define worksheet_write_comment xw.worksheet_write_comment
#define lxw_strerror xw.lxw_strerror

#include "core/i18n.h"

typedef struct fmts {
	lxw_format *head, *text, *whole, *nilai, *uang_sen, *persen, *date,
	    *integer;
} fmts;

/* The number, as the nearest double: a spreadsheet's cells hold nothing
 * else.  Every value of a plan (at most 15 significant digits) comes back
 * to the same decimal at the field's precision (sheet_number_scaled). */
static double
to_double(const char *s)
{
	return strtod(s, NULL);
}

static lxw_format *
number_format(const fmts *f, const sheet_cell *c)
{
	bool whole = strchr(c->text, '.') == NULL;

	switch (c->fmt) {
	case FMT_NILAI:
		return whole ? f->whole : f->nilai;
	case FMT_UANG:
		return whole ? f->whole : f->uang_sen;
	case FMT_PERSEN:
		return f->persen;
	case FMT_INT:
		return f->integer;
	default:
		return NULL;
	}
}

static lxw_error
write_cell(lxw_worksheet *ws, const fmts *f, const sheet_row *r,
	   const sheet_cell *c, bool head)
{
	lxw_row_t row = r->row - 1;
	lxw_col_t col = (lxw_col_t)(c->col - 1);

	if (c->type == SHEET_NUMBER)
		return worksheet_write_number(ws, row, col, to_double(c->text),
		    number_format(f, c));
	if (c->fmt == FMT_DATE) {
		lxw_datetime d;

		memset(&d, 0, sizeof d);
		if (sscanf(c->text, "%4d-%2d-%2d", &d.year, &d.month, &d.day) == 3)
			return worksheet_write_datetime(ws, row, col, &d, f->date);
	}
	/* A string cell: a spreadsheet never runs it as a formula. */
	return worksheet_write_string(ws, row, col, c->text,
	    head || c->fmt == FMT_HEAD ? f->head : f->text);
}

int
xlsx_write(const sheet_book *b, const char *path, lk_err *e)
{
	lxw_workbook_options opt;
	lxw_workbook *wb;
	lxw_error err = LXW_NO_ERROR;
	fmts f;
	bool notes = false;
	int rc;

	if ((rc = dynlib_load(&xw_lib, e)) != 0)
		return rc;

	for (size_t i = 0; i < b->n_sheet; i++)
		for (size_t k = 0; k < 32; k++)
			notes |= b->sheet[i]->note[k] != NULL;
	memset(&opt, 0, sizeof opt);
	/* Rows go out in order: constant memory keeps a big plan small
	 * (notes need the whole sheet in memory). */
	opt.constant_memory = notes ? LXW_FALSE : LXW_TRUE;
	wb = workbook_new_opt(path, &opt);
	if (wb == NULL)
		return lk_fail(e, EX_CANTCREAT, _("cannot create %s"), path);
	f.head = workbook_add_format(wb);
	format_set_bold(f.head);
	format_set_num_format(f.head, "@");
	format_set_bg_color(f.head, 0xDDEBF7);
	format_set_bottom(f.head, LXW_BORDER_THIN);
	f.text = workbook_add_format(wb);
	format_set_num_format(f.text, "@");
	f.whole = workbook_add_format(wb);
	format_set_num_format(f.whole, "#,##0");
	f.nilai = workbook_add_format(wb);
	format_set_num_format(f.nilai, "#,##0.0###");
	f.uang_sen = workbook_add_format(wb);
	format_set_num_format(f.uang_sen, "#,##0.00");
	f.persen = workbook_add_format(wb);
	format_set_num_format(f.persen, "0.00");
	f.date = workbook_add_format(wb);
	format_set_num_format(f.date, "yyyy-mm-dd");
	f.integer = workbook_add_format(wb);
	format_set_num_format(f.integer, "0");
	for (size_t i = 0; i < b->n_sheet && err == LXW_NO_ERROR; i++) {
		const sheet *s = b->sheet[i];
		lxw_worksheet *ws = workbook_add_worksheet(wb, s->name);

		if (ws == NULL) {
			err = LXW_ERROR_MEMORY_MALLOC_FAILED;
			break;
		}
		for (lxw_col_t k = 0; k < 32; k++)
			if (s->width[k] > 0)
				worksheet_set_column(ws, k, k, s->width[k], NULL);
		worksheet_freeze_panes(ws, 1, 0);
		/* Printed: A4 landscape, one page wide, the header on every
		 * page. */
		worksheet_set_paper(ws, 9);
		worksheet_set_landscape(ws);
		worksheet_fit_to_pages(ws, 1, 0);
		worksheet_repeat_rows(ws, 0, 0);
		if (s->computed)
			worksheet_protect(ws, NULL, NULL);
		for (size_t j = 0; j < s->n_row && err == LXW_NO_ERROR; j++)
			for (size_t k = 0; k < s->row[j].n_cell && err == LXW_NO_ERROR; k++)
				err = write_cell(ws, &f, &s->row[j],
				    &s->row[j].cell[k], s->row[j].row == 1);
		for (lxw_col_t k = 0; notes && k < 32 && err == LXW_NO_ERROR; k++)
			if (s->note[k] != NULL)
				err = worksheet_write_comment(ws, 0, k, s->note[k]);
	}
	if (err != LXW_NO_ERROR) {
		workbook_close(wb);
		return lk_fail(e, EX_IOERR, _("cannot write %s: %s"), path,
		    lxw_strerror(err));
	}
	err = workbook_close(wb);
	if (err != LXW_NO_ERROR)
		return lk_fail(e, err == LXW_ERROR_CREATING_XLSX_FILE ?
		    EX_CANTCREAT : EX_IOERR, _("cannot write %s: %s"), path,
		    lxw_strerror(err));
	return 0;
}
