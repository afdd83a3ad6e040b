/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_xlsx.c - the XLSX reader (io/xlsx.h: libzip, expat) and the
 * meaning of the sheets (io/sheet.h).
 *
 * xlsx_read_buffer on the input (a ZIP); when it is a workbook,
 * sheet_book_read; when that gives a plan, the promise of the layout:
 * the sheets sheet_book_build makes of it read back (sheet_book_read)
 * as the same plan (the same exchange file).
 */
#include "config.h"
#include "fuzz.h"

#include "core/model.h"
#include "io/exchange.h"
#include "io/sheet.h"
#include "io/xlsx.h"

static char *
yaml(const rencana *r, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	lk_err e;

	if (f == NULL)
		abort();
	if (exchange_write(f, r, &e) != 0)
		fz_bug("exchange_write refused a plan read from sheets: %s", e.msg);
	if (fclose(f) != 0)
		abort();
	return buf;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sheet_book *b = NULL, *b2 = NULL;
	rencana *r = NULL, *r2 = NULL;
	char *a, *c;
	size_t alen = 0, clen = 0;
	lk_err e;

	if (xlsx_read_buffer("fuzz.xlsx", data, size, &b, &e) != 0) {
		if (b != NULL)
			fz_bug("xlsx_read_buffer failed but set *out");
		if (e.code == 0 || e.msg[0] == '\0')
			fz_bug("xlsx_read_buffer failed without a message");
		return 0;
	}
	if (sheet_book_read(b, &r, &e) != 0) {
		if (r != NULL || e.msg[0] == '\0')
			fz_bug("sheet_book_read failed badly");
		sheet_book_free(b);
		return 0;
	}
	if (sheet_book_build(r, NULL, false, &b2, &e) != 0)
		fz_bug("sheet_book_build refused a plan: %s", e.msg);
	if (sheet_book_read(b2, &r2, &e) != 0)
		fz_bug("the sheets of a plan do not read back: %s", e.msg);
	a = yaml(r, &alen);
	c = yaml(r2, &clen);
	if (alen != clen || memcmp(a, c, alen) != 0)
		fz_bug("sheets -> plan -> sheets -> plan differs\n--- first:\n"
		    "%.*s\n--- second:\n%.*s", (int)alen, a, (int)clen, c);
	free(a);
	free(c);
	rencana_free(r);
	rencana_free(r2);
	sheet_book_free(b);
	sheet_book_free(b2);
	return 0;
}
