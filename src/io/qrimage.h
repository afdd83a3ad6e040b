/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* qrimage.h - the QR codes in a picture (a scan or a photo of a page).
 *
 * Owns: reading a PNG image (libpng's simplified API: a damaged file is
 * an error, never a crash) within size limits, and finding the QR codes
 * in it (libzbar).  Used by `lakip verify --qr`.
 *
 * Errors: EX_NOINPUT (no such file), EX_DATAERR (not a PNG, damaged,
 * too large), naming the file.
 */
#ifndef LK_QRIMAGE_H
#define LK_QRIMAGE_H

#include <stddef.h>

#include "core/err.h"

#define QRIMAGE_MAX_PIXELS 40000000UL   /* as the reports' PNG limit */

/* Each QR code found in the image at path: fn(arg, data, len) with its
 * decoded bytes (valid during the call), in the order found.  0 with
 * *n the number found (0: none). */
int qrimage_scan(const char *path,
		 void (*fn)(void *arg, const char *data, size_t len),
		 void *arg, size_t *n, lk_err *e);

#endif
