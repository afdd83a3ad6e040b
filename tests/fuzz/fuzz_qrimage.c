/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_qrimage.c - a picture given to `lakip verify --qr`
 * (io/qrimage.h): libpng's reading within our limits and libzbar's
 * scanning, then each code found through verif_parse.
 *
 * qrimage_scan reads a path: the input is written to one temporary file
 * per process, reused.  A failure must carry a message.
 */
#include "config.h"
#include "fuzz.h"

#include "core/verifikasi.h"
#include "io/qrimage.h"

static void
each(void *arg, const char *data, size_t len)
{
	verif_isi q;
	const char *why;

	(void)arg;
	(void)verif_parse(data, len, &q, &why);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fz_tmpfile(".png");
	lk_err e = { 0, "" };
	size_t n;

	fz_write_file(path, data, size);
	if (qrimage_scan(path, each, NULL, &n, &e) != 0 &&
	    (e.code == 0 || e.msg[0] == '\0'))
		fz_bug("qrimage_scan failed without a message");
	return 0;
}
