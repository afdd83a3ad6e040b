/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_png.c - the check of a PNG logo or signature image before
 * libharu sees it (pdf_png_check of report/pdf.h): chunk structure,
 * CRCs, header and size limits, then a trial load in a child process.
 *
 * The image comes from a path in the exchange file (instansi.logo) or
 * finalise --signature-image: the input is written to one temporary file
 * per process, reused.
 */
#include "config.h"
#include "fuzz.h"

#include "report/pdf.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fz_tmpfile(".png");
	lk_err e;

	fz_write_file(path, data, size);
	if (pdf_png_check(path, &e) != 0 && (e.code == 0 || e.msg[0] == '\0'))
		fz_bug("pdf_png_check failed without a message");
	return 0;
}
