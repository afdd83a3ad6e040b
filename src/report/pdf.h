/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* pdf.h - the thin libharu wrapper the layout draws through.
 *
 * Owns: the libharu document, its TrueType fonts (regular, bold, italic,
 * bold italic; each read and embedded only when used: a single-byte
 * CP1252 font, made of the file cut down to those characters, for text
 * that fits, which is compact and cheap to measure, and a UTF-8 CID font
 * for text with other characters; same glyphs, same widths), text
 * measuring, the current page and its graphics state (text object, fill
 * grey, word spacing, line width, dash), PNG images, outline entries,
 * the info dictionary and saving.  pdf.c, pdf_font.c and pdf_png.c share
 * the document through pdf_int.h.
 *
 * Errors: libharu's error handler only records the first error code
 * (libharu then refuses further work); pdf_status() turns it into
 * EX_SOFTWARE with the code.  Drawing functions return nothing: check
 * pdf_status() before saving.  Files are checked before libharu sees
 * them: a missing font or image is EX_NOINPUT naming it; a file that is
 * not a TrueType font or not an intact PNG is EX_DATAERR naming it; a
 * font file libharu cannot read is EX_DATAERR naming it (the regular
 * one at pdf_new, the others through pdf_status, when first used).
 * Memory: pdf_free() releases everything; images and outline handles
 * belong to the document.
 */
#ifndef LK_PDF_H
#define LK_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"
#include "report/doc.h"

typedef struct pdf pdf;
typedef struct pdf_image pdf_image;

/* Creates the document and reads the font files (NULL bold / italic fall
 * back to the nearest given style; regular is required). */
int pdf_new(pdf **out, const doc_font_set *fonts, lk_err *e);
void pdf_free(pdf *p);

/* lb_width_fn: width in points (ctx is the pdf). */
double pdf_width(void *ctx, unsigned style, double size, const char *s,
		 size_t n);
/* Ascent and descent of the regular font, as fractions of the size. */
void pdf_metrics(const pdf *p, double *ascent, double *descent);

/* Starts a new page of w x h points; drawing goes there. */
void pdf_page(pdf *p, double w, double h);
/* The current page's label (for a viewer's page list): its number
 * value in that numbering, or none (the cover).  A page without a
 * label follows the previous one's numbering. */
void pdf_page_label(pdf *p, enum doc_numbering kind, unsigned value);
/* The current page, and drawing on it again after later pages (the
 * table of contents, whose page numbers are known at the end).  What the
 * page's content set last (grey, line width, font) is set again. */
void *pdf_page_get(const pdf *p);
void pdf_page_select(pdf *p, void *page);

/* Text with its baseline's left end at (x, y). */
void pdf_text(pdf *p, unsigned style, double size, double x, double y,
	      const char *s, size_t n);
/* Same, every space widened by ws points (a justified line). */
void pdf_text_spaced(pdf *p, unsigned style, double size, double x,
		     double y, const char *s, size_t n, double ws);
/* Same, and every character (spaces too) cs points further apart. */
void pdf_text_tracked(pdf *p, unsigned style, double size, double x,
		      double y, const char *s, size_t n, double ws, double cs);
/* A line; gray 0 = black; dashed: 3 on, 2 off. */
void pdf_line(pdf *p, double x0, double y0, double x1, double y1,
	      double width, double gray, bool dashed);
/* An open path stroked as pdf_line strokes, its dash pattern running on
 * through the corners: pdf_path_to for each point (first: the start),
 * then pdf_path_stroke. */
void pdf_path_to(pdf *p, double x, double y, bool first, double width,
		 double gray, bool dashed);
void pdf_path_stroke(pdf *p);
/* Rectangle with lower-left corner (x, y): filled with grey `fill` unless
 * fill < 0, outlined in black with `line` width unless line <= 0. */
void pdf_rect(pdf *p, double x, double y, double w, double h, double fill,
	      double line);

/* A QR code of text (UTF-8, error correction M) as black modules in a
 * square of side `size` points whose top-left corner is (x, y_top), with
 * the quiet zone inside the square.  Returns 0, or EX_DATAERR when the
 * text is too long for a QR code. */
int pdf_qr(pdf *p, const char *text, double x, double y_top, double size,
	   lk_err *e);

/* Checks that path exists and is an intact PNG that libharu can read
 * (EX_NOINPUT / EX_DATAERR naming it). */
int pdf_png_check(const char *path, lk_err *e);
/* Loads a checked PNG; *img belongs to the document. */
int pdf_image_load(pdf *p, const char *path, pdf_image **img, lk_err *e);
void pdf_image_size(const pdf_image *img, double *w, double *h);
void pdf_image_draw(pdf *p, pdf_image *img, double x, double y, double w,
		    double h);

/* Outline entry under parent (NULL: top level) pointing at y on the
 * current page; returns the entry (NULL after an error). */
void *pdf_outline(pdf *p, void *parent, const char *title, double y);

/* Open the document with the outline (bookmarks) shown. */
void pdf_show_outline(pdf *p);

/* Title, author, subject, keywords, creator, creation date (epoch
 * seconds, UTC), in the info dictionary and again as XMP metadata; the
 * producer is lakip and libharu with their versions. */
void pdf_info(pdf *p, const doc_info *info, long long created);

/* 0, or EX_SOFTWARE naming libharu's first error code. */
int pdf_status(const pdf *p, lk_err *e);
/* Writes the document to path (EX_IOERR on failure). */
int pdf_save(pdf *p, const char *path, lk_err *e);

#endif
