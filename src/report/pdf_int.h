/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* pdf_int.h - the libharu document, shared by pdf.c (document, pages,
 * drawing, outline, saving), pdf_font.c (font files, fonts made on first
 * use, measuring) and pdf_png.c (PNG files checked and drawn).
 *
 * Owns nothing itself; pdf_free releases what the struct points to.
 */
#ifndef LK_PDF_INT_H
#define LK_PDF_INT_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>

#include <hpdf.h>

#include "core/err.h"
#include "report/doc.h"
#include "report/pdf.h"

/* A range of page labels: from page (0-based) on, numbered kind from
 * value. */
typedef struct pdf_label {
	unsigned page, value;
	enum doc_numbering kind;
} pdf_label;

struct pdf {
	HPDF_Doc doc;
	HPDF_Page page;
	/* By style & (DOC_BOLD | DOC_ITALIC): the TrueType file, libharu's
	 * names for what was loaded of it (single: the font cut down to
	 * CP1252, or the whole file; whole: the whole file), and the fonts
	 * made of them on first use: single-byte (CP1252) for text that
	 * fits, UTF-8 (CID) for the rest.  Same glyphs, same widths. */
	char *path[4];
	const char *single[4], *whole[4];
	HPDF_Font font[4], cid[4];
	int bad_font;             /* style whose font libharu refused, or -1 */
	HPDF_Encoder enc;         /* UTF-8, once pdf_utf8 made it */
	double ascent, descent;
	HPDF_STATUS err, detail;  /* first libharu error */
	/* graphics state of the current page; < 0 (NAN): unknown */
	bool in_text;
	int dashed;
	HPDF_Font cur_font;
	double cur_size, word_space, char_space, fill, stroke, line_width;
	char *buf;                /* NUL-terminated copy of a text */
	size_t cap;
	/* the characters drawn, by style and font (0: single-byte, 1:
	 * CID): bit u of used[k][cid] for Unicode u (BMP); NULL: none */
	unsigned char *used[4][2];
	/* what the info dictionary says, again for the XMP (pdf_meta.c) */
	struct {
		char *title, *author, *subject, *keywords, *creator;
		char producer[64];
		char date[32];    /* YYYY-MM-DDTHH:MM:SSZ, or empty */
	} meta;
	unsigned n_page;
	pdf_label *label;
	size_t n_label, cap_label;
};

/* A coordinate as written: to 1/8 point (0.044 mm), which a float holds
 * exactly, so that libharu writes 3 decimals at most instead of 5 of
 * float noise (a fifth of a long report's content streams). */
static inline HPDF_REAL
pdf_q(double v)
{
	return (HPDF_REAL)(floor(v * 8 + 0.5) / 8);
}

/* A pdf_image is libharu's HPDF_Image (owned by the document). */
#define PDF_IMG(i) ((HPDF_Image)(void *)(i))

/* ---- pdf_font.c ---- */

/* Checks the font files (EX_NOINPUT: missing; EX_DATAERR: not a
 * TrueType font or libharu cannot read it) and reads the regular one's
 * metrics; the others are read on first use. */
int pdf_fonts_open(pdf *p, const doc_font_set *fonts, lk_err *e);
void pdf_fonts_free(pdf *p);
/* The font of a style: cid selects the UTF-8 (CID) one.  NULL after an
 * error (recorded in p->bad_font and p->err). */
HPDF_Font pdf_font(pdf *p, unsigned style, bool cid);
/* The n bytes of UTF-8 at s as CP1252 in p->buf (NUL-terminated, *len
 * bytes); false when a character has no CP1252 byte or s is not valid
 * UTF-8.  Either way p->buf has room for n + 1 bytes. */
bool pdf_cp1252(pdf *p, const char *s, size_t n, size_t *len);
/* Room for n bytes in p->buf. */
void pdf_reserve(pdf *p, size_t n);
/* The character of a CP1252 byte (0: none). */
unsigned pdf_cp1252_char(unsigned char b);

/* ---- pdf_embed.c ---- */

/* Records that the n bytes at s (CP1252 when !cid, UTF-8 when cid) are
 * drawn in style's font of that kind. */
void pdf_mark_used(pdf *p, unsigned style, bool cid, const char *s,
		   size_t n);
/* Before saving: every font made gets the font program cut down to the
 * characters drawn (without hinting), a ToUnicode CMap of exactly those
 * characters, and (CID fonts) CIDToGIDMap /Identity with widths of
 * those characters only.  A font file that cannot be cut keeps what
 * libharu made of it. */
void pdf_fonts_finish(pdf *p);

/* ---- pdf_meta.c ---- */

/* Before saving: the PDF 1.7 header, /Lang, the sRGB output intent
 * (EX_NOINPUT: its profile is missing; EX_DATAERR: not a profile), XMP
 * metadata matching the info dictionary, page labels and the document
 * ID. */
int pdf_meta_finish(pdf *p, lk_err *e);
void pdf_meta_free(pdf *p);

/* ---- pdf_tree.c ---- */

/* Before saving: the most common media box and font resources go to
 * the root of the page tree, inherited by the pages that had them. */
void pdf_tree_finish(pdf *p);

/* ---- pdf.c ---- */

/* Ends the text object of the current page, if one is open. */
/* libharu's UTF-8 encoder, made the current one on first use (the CID
 * fonts, an outline title or an info entry that is not ASCII): building
 * its code map costs more than a short report's text, and a report in
 * CP1252 never needs it.  NULL when libharu cannot make it. */
HPDF_Encoder pdf_utf8(pdf *p);

/* libharu's HPDF_Page_TextOut, _Rectangle, _MoveTo and _LineTo on the
 * current page: the same bytes and the same state afterwards, without
 * their clearing of a 512-byte buffer byte by byte on every call
 * (HPDF_MemSet: a tenth of a long report's instructions). */
void pdf_op_text_out(pdf *p, HPDF_REAL xpos, HPDF_REAL ypos, const char *text);
void pdf_op_rect(pdf *p, HPDF_REAL x, HPDF_REAL y, HPDF_REAL w, HPDF_REAL h);
void pdf_op_move_to(pdf *p, HPDF_REAL x, HPDF_REAL y);
void pdf_op_line_to(pdf *p, HPDF_REAL x, HPDF_REAL y);
void pdf_end_text(pdf *p);

#endif
