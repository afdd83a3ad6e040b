/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* qrimage.c - the QR codes in a PNG picture (see qrimage.h).
 *
 * libzbar is loaded (dlopen) when a picture is first scanned, not linked:
 * Debian's libzbar brings sixteen libraries of its own (D-Bus, systemd,
 * X11, V4L, libjpeg, libgcrypt, three compressors), whose loading and
 * relocation took a third of the start-up of every lakip command, and
 * only `verify --qr` reads a picture. */
#include "config.h"
#include "io/qrimage.h"

#include <dlfcn.h>
#include <errno.h>
#include <png.h>
#include <stdbool.h>
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

#ifndef ZBAR_SONAME
#define ZBAR_SONAME "libzbar.so.0"
#endif

/* The functions of libzbar used here, once loaded. */
static struct {
	bool loaded;
	zbar_image_scanner_t *(*scanner_create)(void);
	void (*scanner_destroy)(zbar_image_scanner_t *);
	int (*scanner_set_config)(zbar_image_scanner_t *, zbar_symbol_type_t,
				  zbar_config_t, int);
	int (*scanner_request_dbus)(zbar_image_scanner_t *, int);
	zbar_image_t *(*image_create)(void);
	void (*image_destroy)(zbar_image_t *);
	void (*image_set_format)(zbar_image_t *, unsigned long);
	void (*image_set_size)(zbar_image_t *, unsigned, unsigned);
	void (*image_set_data)(zbar_image_t *, const void *, unsigned long,
			       zbar_image_cleanup_handler_t *);
	int (*scan_image)(zbar_image_scanner_t *, zbar_image_t *);
	const zbar_symbol_t *(*image_first_symbol)(const zbar_image_t *);
	const zbar_symbol_t *(*symbol_next)(const zbar_symbol_t *);
	const char *(*symbol_get_data)(const zbar_symbol_t *);
	unsigned (*symbol_get_data_length)(const zbar_symbol_t *);
} zb;

/* One function of the library h into *fn (through a void pointer, as
 * POSIX's dlsym asks); false when the library has none by that name. */
static bool
sym(void *h, const char *name, void *fn)
{
	void *f = dlsym(h, name);

	memcpy(fn, &f, sizeof f);
	return f != NULL;
}

/* libzbar loaded and its functions found, once a process. */
static int
load_zbar(lk_err *e)
{
	void *h;
	bool ok;

	/* the pointers' types are libzbar's (checked by the compiler;
	 * sizeof evaluates nothing, so nothing links to libzbar) */
	(void)sizeof(zb.scanner_create = zbar_image_scanner_create);
	(void)sizeof(zb.scanner_destroy = zbar_image_scanner_destroy);
	(void)sizeof(zb.scanner_set_config = zbar_image_scanner_set_config);
	(void)sizeof(zb.scanner_request_dbus = zbar_image_scanner_request_dbus);
	(void)sizeof(zb.image_create = zbar_image_create);
	(void)sizeof(zb.image_destroy = zbar_image_destroy);
	(void)sizeof(zb.image_set_format = zbar_image_set_format);
	(void)sizeof(zb.image_set_size = zbar_image_set_size);
	(void)sizeof(zb.image_set_data = zbar_image_set_data);
	(void)sizeof(zb.scan_image = zbar_scan_image);
	(void)sizeof(zb.image_first_symbol = zbar_image_first_symbol);
	(void)sizeof(zb.symbol_next = zbar_symbol_next);
	(void)sizeof(zb.symbol_get_data = zbar_symbol_get_data);
	(void)sizeof(zb.symbol_get_data_length = zbar_symbol_get_data_length);
	if (zb.loaded)
		return 0;
	if ((h = dlopen(ZBAR_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL)
		return lk_fail(e, EX_UNAVAILABLE, _("cannot load %s to read QR codes "
			       "(install the Debian package libzbar0): %s"),
			       ZBAR_SONAME, dlerror());
	ok = sym(h, "zbar_image_scanner_create", &zb.scanner_create) &&
	     sym(h, "zbar_image_scanner_destroy", &zb.scanner_destroy) &&
	     sym(h, "zbar_image_scanner_set_config", &zb.scanner_set_config) &&
	     sym(h, "zbar_image_scanner_request_dbus", &zb.scanner_request_dbus) &&
	     sym(h, "zbar_image_create", &zb.image_create) &&
	     sym(h, "zbar_image_destroy", &zb.image_destroy) &&
	     sym(h, "zbar_image_set_format", &zb.image_set_format) &&
	     sym(h, "zbar_image_set_size", &zb.image_set_size) &&
	     sym(h, "zbar_image_set_data", &zb.image_set_data) &&
	     sym(h, "zbar_scan_image", &zb.scan_image) &&
	     sym(h, "zbar_image_first_symbol", &zb.image_first_symbol) &&
	     sym(h, "zbar_symbol_next", &zb.symbol_next) &&
	     sym(h, "zbar_symbol_get_data", &zb.symbol_get_data) &&
	     sym(h, "zbar_symbol_get_data_length", &zb.symbol_get_data_length);
	if (!ok) {
		const char *why = dlerror();    /* the missing function's */

		lk_fail(e, EX_UNAVAILABLE, _("cannot load %s to read QR codes "
			"(install the Debian package libzbar0): %s"), ZBAR_SONAME,
			why != NULL ? why : "dlsym");
		dlclose(h);
		return EX_UNAVAILABLE;
	}
	zb.loaded = true;       /* kept open for the process */
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
	if ((rc = load_zbar(e)) != 0) {
		free(px);
		return rc;
	}
	if ((sc = zb.scanner_create()) == NULL ||
	    (img = zb.image_create()) == NULL)
		lk_fatal("out of memory");
	/* QR codes only: a barcode in the photo is not ours. */
	zb.scanner_set_config(sc, 0, ZBAR_CFG_ENABLE, 0);
	zb.scanner_set_config(sc, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
	/* Debian's libzbar can announce what it reads on D-Bus: not ours. */
	zb.scanner_request_dbus(sc, 0);
	zb.image_set_format(img, zbar_fourcc('Y', '8', '0', '0'));
	zb.image_set_size(img, w, h);
	zb.image_set_data(img, px, (unsigned long)w * h, NULL);
	if (zb.scan_image(sc, img) < 0) {
		rc = lk_fail(e, EX_DATAERR, _("%s: the image cannot be scanned"),
			     path);
	} else {
		for (sym = zb.image_first_symbol(img); sym != NULL;
		     sym = zb.symbol_next(sym)) {
			(*n)++;
			fn(arg, zb.symbol_get_data(sym),
			   zb.symbol_get_data_length(sym));
		}
	}
	zb.image_destroy(img);
	zb.scanner_destroy(sc);
	free(px);
	return rc;
}
