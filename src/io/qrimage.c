/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* qrimage.c - the QR codes in a PNG picture (see qrimage.h). */
#include "config.h"
#include "io/qrimage.h"

#include <errno.h>
#include <png.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zbar.h>

#include "core/i18n.h"

/* The image at path as 8-bit grey, composited on white: *px malloc'ed. */
static int
read_grey(const char *path, unsigned char **px, unsigned *w, unsigned *h,
	  lk_err *e)
{
	png_image im;
	png_color white = { 255, 255, 255 };
	struct stat st;

	*px = NULL;
	if (stat(path, &st) != 0)
		return lk_fail(e, errno == ENOENT ? EX_NOINPUT : EX_IOERR,
			       _("%s: %s"), path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return lk_fail(e, EX_DATAERR, _("%s: not a file"), path);
	memset(&im, 0, sizeof im);
	im.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_file(&im, path)) {
		lk_fail(e, EX_DATAERR, _("%s: not a PNG image (%s)"), path,
			im.message);
		png_image_free(&im);
		return EX_DATAERR;
	}
	if (im.width == 0 || im.height == 0 ||
	    (unsigned long)im.width > QRIMAGE_MAX_PIXELS / im.height) {
		png_image_free(&im);
		return lk_fail(e, EX_DATAERR, _("%s: the image is too large "
			       "(at most %lu pixels)"), path, QRIMAGE_MAX_PIXELS);
	}
	im.format = PNG_FORMAT_GRAY;
	if ((*px = malloc(PNG_IMAGE_SIZE(im))) == NULL)
		lk_fatal("out of memory");
	if (!png_image_finish_read(&im, &white, *px, 0, NULL)) {
		lk_fail(e, EX_DATAERR, _("%s: damaged PNG image (%s)"), path,
			im.message);
		png_image_free(&im);
		free(*px);
		*px = NULL;
		return EX_DATAERR;
	}
	*w = im.width;
	*h = im.height;
	return 0;
}

int
qrimage_scan(const char *path,
	     void (*fn)(void *arg, const char *data, size_t len), void *arg,
	     size_t *n, lk_err *e)
{
	zbar_image_scanner_t *sc;
	zbar_image_t *img;
	const zbar_symbol_t *sym;
	unsigned char *px;
	unsigned w, h;
	int rc;

	*n = 0;
	if ((rc = read_grey(path, &px, &w, &h, e)) != 0)
		return rc;
	if ((sc = zbar_image_scanner_create()) == NULL ||
	    (img = zbar_image_create()) == NULL)
		lk_fatal("out of memory");
	/* QR codes only: a barcode in the photo is not ours. */
	zbar_image_scanner_set_config(sc, 0, ZBAR_CFG_ENABLE, 0);
	zbar_image_scanner_set_config(sc, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
	/* Debian's libzbar can announce what it reads on D-Bus: not ours. */
	zbar_image_scanner_request_dbus(sc, 0);
	zbar_image_set_format(img, zbar_fourcc('Y', '8', '0', '0'));
	zbar_image_set_size(img, w, h);
	zbar_image_set_data(img, px, (unsigned long)w * h, NULL);
	if (zbar_scan_image(sc, img) < 0) {
		rc = lk_fail(e, EX_DATAERR, _("%s: the image cannot be scanned"),
			     path);
	} else {
		for (sym = zbar_image_first_symbol(img); sym != NULL;
		     sym = zbar_symbol_next(sym)) {
			(*n)++;
			fn(arg, zbar_symbol_get_data(sym),
			   zbar_symbol_get_data_length(sym));
		}
	}
	zbar_image_destroy(img);
	zbar_image_scanner_destroy(sc);
	free(px);
	return rc;
}
