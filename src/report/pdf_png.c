/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* pdf_png.c - PNG images: checked before libharu sees them, then drawn.
 *
 * Owns: checking a PNG file (chunk structure, CRCs, header, size limits
 * in bytes and in declared pixels;
 * a trial load in a child process, since libpng aborts the process on
 * damaged compressed data), loading it into the document and drawing it.
 * Errors: EX_NOINPUT (missing file), EX_DATAERR (damaged or unsupported
 * PNG), naming the file.
 */
#include "config.h"
#include "core/i18n.h"
#include "report/pdf_int.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define PNG_MAX_BYTES (64L * 1024 * 1024)
#define PNG_MAX_PIXELS 40000000.0      /* 40 megapixels */
#define PNG_MAX_RAW 160000000.0        /* 160 MB decoded */

static uint32_t
crc32_png(const unsigned char *s, size_t n)
{
	static uint32_t table[256];
	static bool ready;
	uint32_t c = 0xFFFFFFFFu;
	size_t i;

	if (!ready) {
		for (uint32_t k = 0; k < 256; k++) {
			uint32_t v = k;

			for (int b = 0; b < 8; b++)
				v = v & 1 ? 0xEDB88320u ^ (v >> 1) : v >> 1;
			table[k] = v;
		}
		ready = true;
	}
	for (i = 0; i < n; i++)
		c = table[(c ^ s[i]) & 0xFF] ^ (c >> 8);
	return c ^ 0xFFFFFFFFu;
}

static uint32_t
be32(const unsigned char *s)
{
	return (uint32_t)s[0] << 24 | (uint32_t)s[1] << 16 |
	       (uint32_t)s[2] << 8 | s[3];
}

/* The header, before any pixel is decoded: a few bytes of compressed
 * data can declare an image of gigabytes ("decompression bomb"), which
 * libpng and libharu would then decode in full, twice (the trial load,
 * then the document).  The size is limited by the dimensions declared:
 * PNG_MAX_PIXELS pixels and PNG_MAX_RAW bytes decoded.  A logo or a
 * scanned signature needs far less (an A4 page at 600 dpi is 35 MP). */
static int
png_header(const char *path, const unsigned char *h, lk_err *e)
{
	uint32_t w = be32(h), ht = be32(h + 4);
	unsigned depth = h[8], color = h[9], ch;
	uint64_t px, raw;

	switch (color) {
	case 0: ch = 1; break;                  /* grey */
	case 2: ch = 3; break;                  /* RGB */
	case 3: ch = 1; break;                  /* palette */
	case 4: ch = 2; break;                  /* grey and alpha */
	case 6: ch = 4; break;                  /* RGBA */
	default: ch = 0; break;
	}
	if (w == 0 || ht == 0 || w > 0x7FFFFFFFu || ht > 0x7FFFFFFFu ||
	    ch == 0 || (depth != 1 && depth != 2 && depth != 4 && depth != 8 &&
	    depth != 16) || h[10] != 0 || h[11] != 0 || h[12] > 1)
		return lk_fail(e, EX_DATAERR, _("image %s: PNG file has a bad "
			       "header"), path);
	px = (uint64_t)w * ht;
	raw = ((uint64_t)w * ch * depth + 7) / 8 * ht;
	if (px > PNG_MAX_PIXELS || raw > PNG_MAX_RAW)
		return lk_fail(e, EX_DATAERR, _("image %s: %lu x %lu pixels (%.1f "
			       "megapixels, %.0f MB decoded) is too large: at "
			       "most %.0f megapixels and %.0f MB"), path,
			       (unsigned long)w, (unsigned long)ht, (double)px / 1e6,
			       (double)raw / 1e6, PNG_MAX_PIXELS / 1e6,
			       PNG_MAX_RAW / 1e6);
	return 0;
}

/* Chunk structure, CRCs, IHDR, IDAT, IEND. */
static int
png_structure(const char *path, const unsigned char *b, size_t n, lk_err *e)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n',
					      0x1A, '\n' };
	size_t off = 8;
	bool ihdr = false, idat = false;

	if (n < 8 || memcmp(b, sig, 8) != 0)
		return lk_fail(e, EX_DATAERR, _("image %s: not a PNG file"), path);
	for (;;) {
		uint32_t len;
		const unsigned char *type;

		if (n - off < 12)
			return lk_fail(e, EX_DATAERR, _("image %s: PNG file is "
				       "truncated"), path);
		len = be32(b + off);
		type = b + off + 4;
		if (len > n - off - 12)
			return lk_fail(e, EX_DATAERR, _("image %s: PNG file is "
				       "truncated (in chunk %.4s)"), path, type);
		if (crc32_png(type, (size_t)len + 4) != be32(type + 4 + len))
			return lk_fail(e, EX_DATAERR, _("image %s: PNG file is "
				       "damaged (CRC error in chunk %.4s)"), path,
				       type);
		if (!ihdr) {
			int rc;

			if (memcmp(type, "IHDR", 4) != 0 || len != 13)
				return lk_fail(e, EX_DATAERR, _("image %s: PNG "
					       "file has a bad header"), path);
			if ((rc = png_header(path, type + 4, e)) != 0)
				return rc;
			ihdr = true;
		} else if (memcmp(type, "IDAT", 4) == 0)
			idat = true;
		else if (memcmp(type, "IEND", 4) == 0)
			break;
		off += 12 + (size_t)len;
	}
	if (!idat)
		return lk_fail(e, EX_DATAERR, _("image %s: PNG file has no image "
			       "data"), path);
	return 0;
}

/* libharu (through libpng) aborts the process on damaged compressed
 * data, so a trial load runs in a child process first. */
static int
png_trial_load(const char *path, lk_err *e)
{
	pid_t pid;
	int st;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return 0;           /* cannot check: trust the structure */
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		HPDF_Doc d;
		HPDF_Image img;

		if (fd >= 0)
			dup2(fd, 2);
		d = HPDF_New(NULL, NULL);
		img = d ? HPDF_LoadPngImageFromFile(d, path) : NULL;
		_exit(img != NULL ? 0 : 1);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return 0;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (WIFEXITED(st))
		return lk_fail(e, EX_DATAERR, _("image %s: PNG format not "
			       "supported by the PDF library"), path);
	return lk_fail(e, EX_DATAERR, _("image %s: PNG image data is damaged"),
		       path);
}

int
pdf_png_check(const char *path, lk_err *e)
{
	struct stat st;
	unsigned char *b;
	size_t got = 0;
	ssize_t r;
	int fd, rc;

	if (path == NULL || *path == '\0')
		return lk_fail(e, EX_NOINPUT, _("image: no file name given"));
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);  /* a FIFO */
	if (fd < 0)
		return lk_fail(e, EX_NOINPUT, _("image %s: %s"), path, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return lk_fail(e, EX_NOINPUT, _("image %s: not a regular file"), path);
	}
	if (st.st_size > PNG_MAX_BYTES) {
		close(fd);
		return lk_fail(e, EX_DATAERR, _("image %s: larger than %ld MB"), path,
			       PNG_MAX_BYTES / (1024 * 1024));
	}
	b = malloc((size_t)st.st_size + 1);
	if (b == NULL)
		lk_fatal("out of memory");
	while (got < (size_t)st.st_size &&
	       (r = read(fd, b + got, (size_t)st.st_size - got)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			rc = lk_fail(e, EX_IOERR, _("image %s: %s"), path,
				     strerror(errno));
			free(b);
			close(fd);
			return rc;
		}
		got += (size_t)r;
	}
	close(fd);
	rc = png_structure(path, b, got, e);
	free(b);
	if (rc == 0)
		rc = png_trial_load(path, e);
	return rc;
}

int
pdf_image_load(pdf *p, const char *path, pdf_image **img, lk_err *e)
{
	HPDF_Image h = HPDF_LoadPngImageFromFile(p->doc, path);

	*img = NULL;
	if (h == NULL || p->err != 0)
		return lk_fail(e, EX_DATAERR, _("image %s: libharu cannot load it "
			       "(error 0x%04X)"), path, (unsigned)p->err);
	*img = (pdf_image *)(void *)h;
	return 0;
}

void
pdf_image_size(const pdf_image *img, double *w, double *h)
{
	HPDF_Image i = PDF_IMG((pdf_image *)img);

	*w = HPDF_Image_GetWidth(i);
	*h = HPDF_Image_GetHeight(i);
}

void
pdf_image_draw(pdf *p, pdf_image *img, double x, double y, double w, double h)
{
	if (p->page == NULL)
		return;
	pdf_end_text(p);
	HPDF_Page_DrawImage(p->page, PDF_IMG(img), (HPDF_REAL)x, (HPDF_REAL)y,
			    (HPDF_REAL)w, (HPDF_REAL)h);
}
