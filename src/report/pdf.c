/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* pdf.c - the thin libharu wrapper (see pdf.h): the document, its pages
 * and what is drawn on them, the outline, the info and saving.  Fonts and
 * measuring are in pdf_font.c, PNG images in pdf_png.c. */
#include "config.h"
#include "core/i18n.h"
#include "report/pdf_int.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <hpdf_utils.h>   /* HPDF_FToA, HPDF_StrCpy */

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *user)
{
	pdf *p = user;

	if (p->err == 0) {
		p->err = code;
		p->detail = detail;
	}
}

int
pdf_new(pdf **out, const doc_font_set *fonts, lk_err *e)
{
	pdf *p;
	int rc;

	*out = NULL;
	p = calloc(1, sizeof *p);
	if (p == NULL)
		lk_fatal("out of memory");
	p->doc = HPDF_New(on_error, p);
	if (p->doc == NULL) {
		free(p);
		lk_fatal("out of memory (libharu)");
	}
	HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
	if ((rc = pdf_fonts_open(p, fonts, e)) != 0) {
		pdf_free(p);
		return rc;
	}
	*out = p;
	return 0;
}

void
pdf_free(pdf *p)
{
	if (p == NULL)
		return;
	if (p->doc != NULL)
		HPDF_Free(p->doc);
	pdf_fonts_free(p);
	pdf_meta_free(p);
	free(p->buf);
	free(p);
}

HPDF_Encoder
pdf_utf8(pdf *p)
{
	if (p->enc == NULL) {
		HPDF_UseUTFEncodings(p->doc);
		HPDF_SetCurrentEncoder(p->doc, "UTF-8");
		p->enc = HPDF_GetEncoder(p->doc, "UTF-8");
	}
	return p->enc;
}

/* ---- libharu's path and text operators, without its buffer clearing ---- */

/* The n numbers as libharu writes them (HPDF_FToA), space-separated,
 * then op, into the page's content stream. */
static void
put_op(pdf *p, const HPDF_REAL *v, int n, const char *op)
{
	HPDF_PageAttr attr = p->page->attr;
	char buf[160], *b = buf, *end = buf + sizeof buf - 1;

	for (int i = 0; i < n; i++) {
		if (i > 0)
			*b++ = ' ';
		b = HPDF_FToA(b, v[i], end);
	}
	HPDF_StrCpy(b, op, end);
	if (HPDF_Stream_WriteStr(attr->stream, buf) != HPDF_OK)
		HPDF_CheckError(p->page->error);
}

void
pdf_op_text_out(pdf *p, HPDF_REAL xpos, HPDF_REAL ypos, const char *text)
{
	HPDF_PageAttr attr;
	HPDF_TransMatrix m;
	HPDF_REAL v[2];

	if (HPDF_Page_CheckState(p->page, HPDF_GMODE_TEXT_OBJECT) != HPDF_OK)
		return;
	attr = p->page->attr;
	m = attr->text_matrix;
	/* libharu's TextPos_AbsToRel, in its float arithmetic */
	if (m.a == 0) {
		v[0] = (ypos - m.y - (xpos - m.x) * m.d / m.c) / m.b;
		v[1] = (xpos - m.x) / m.c;
	} else {
		HPDF_REAL y = (ypos - m.y - (xpos - m.x) * m.b / m.a) /
			(m.d - m.c * m.b / m.a);

		v[0] = (xpos - m.x - y * m.c) / m.a;
		v[1] = y;
	}
	/* HPDF_Page_MoveTextPos */
	put_op(p, v, 2, " Td\012");
	attr->text_matrix.x += v[0] * attr->text_matrix.a + v[1] * attr->text_matrix.c;
	attr->text_matrix.y += v[1] * attr->text_matrix.d + v[0] * attr->text_matrix.b;
	attr->text_pos.x = attr->text_matrix.x;
	attr->text_pos.y = attr->text_matrix.y;
	HPDF_Page_ShowText(p->page, text);
}

/* The end of a path operator: the current point and the path mode. */
static void
path_to(pdf *p, HPDF_REAL x, HPDF_REAL y)
{
	HPDF_PageAttr attr = p->page->attr;

	attr->cur_pos.x = x;
	attr->cur_pos.y = y;
	attr->str_pos = attr->cur_pos;
	attr->gmode = HPDF_GMODE_PATH_OBJECT;
}

void
pdf_op_rect(pdf *p, HPDF_REAL x, HPDF_REAL y, HPDF_REAL w, HPDF_REAL h)
{
	HPDF_REAL v[4] = { x, y, w, h };

	if (HPDF_Page_CheckState(p->page, HPDF_GMODE_PAGE_DESCRIPTION |
				 HPDF_GMODE_PATH_OBJECT) != HPDF_OK)
		return;
	put_op(p, v, 4, " re\012");
	path_to(p, x, y);
}

void
pdf_op_move_to(pdf *p, HPDF_REAL x, HPDF_REAL y)
{
	HPDF_REAL v[2] = { x, y };

	if (HPDF_Page_CheckState(p->page, HPDF_GMODE_PAGE_DESCRIPTION |
				 HPDF_GMODE_PATH_OBJECT) != HPDF_OK)
		return;
	put_op(p, v, 2, " m\012");
	path_to(p, x, y);
}

void
pdf_op_line_to(pdf *p, HPDF_REAL x, HPDF_REAL y)
{
	HPDF_PageAttr attr;
	HPDF_REAL v[2] = { x, y };

	if (HPDF_Page_CheckState(p->page, HPDF_GMODE_PATH_OBJECT) != HPDF_OK)
		return;
	put_op(p, v, 2, " l\012");
	attr = p->page->attr;
	attr->cur_pos.x = x;
	attr->cur_pos.y = y;
}

/* ---- drawing ---- */

void
pdf_end_text(pdf *p)
{
	if (p->in_text) {
		HPDF_Page_EndText(p->page);
		p->in_text = false;
	}
}

void
pdf_page(pdf *p, double w, double h)
{
	HPDF_Dict res;

	pdf_end_text(p);
	p->page = HPDF_AddPage(p->doc);
	if (p->page == NULL)
		return;
	p->n_page++;
	/* /ProcSet is obsolete since PDF 1.4 */
	if ((res = HPDF_Dict_GetItem(p->page, "Resources", HPDF_OCLASS_DICT)))
		HPDF_Dict_RemoveElement(res, "ProcSet");
	HPDF_Page_SetWidth(p->page, (HPDF_REAL)w);
	HPDF_Page_SetHeight(p->page, (HPDF_REAL)h);
	p->cur_font = NULL;
	p->cur_size = 0;
	p->word_space = 0;
	p->char_space = 0;
	p->fill = 0;
	p->stroke = 0;
	p->line_width = 1;
	p->dashed = 0;
}

void *
pdf_page_get(const pdf *p)
{
	return p->page;
}

void
pdf_page_select(pdf *p, void *page)
{
	pdf_end_text(p);
	p->page = page;
	/* what the page's content last set is not known here */
	p->cur_font = NULL;
	p->cur_size = 0;
	p->word_space = NAN;
	p->char_space = NAN;
	p->fill = p->stroke = p->line_width = -1;
	p->dashed = -1;
}

static void
set_fill(pdf *p, double g)
{
	if (p->fill != g) {
		HPDF_Page_SetGrayFill(p->page, (HPDF_REAL)g);
		p->fill = g;
	}
}

/* Puts f in the current page's font resources under the one name it
 * has on every page (F1-F4: the single-byte fonts by style, F5-F8: the
 * CID ones), before libharu gives it the next free number there: then
 * every page can share one resource dictionary (pdf_tree.c). */
static void
name_font(pdf *p, HPDF_Font f)
{
	HPDF_PageAttr attr = p->page->attr;
	HPDF_Dict res;
	char name[8];
	int slot = -1;

	for (int k = 3; k >= 0; k--)
		if (p->cid[k] == f)
			slot = 4 + k;
	for (int k = 3; k >= 0; k--)
		if (p->font[k] == f)
			slot = k;
	if (slot < 0)
		return;
	if (attr->fonts == NULL) {
		res = HPDF_Dict_GetItem(p->page, "Resources", HPDF_OCLASS_DICT);
		if (res == NULL || (attr->fonts = HPDF_Dict_New(p->doc->mmgr)) ==
		    NULL)
			return;
		HPDF_Dict_Add(res, "Font", attr->fonts);
	}
	if (HPDF_Dict_GetKeyByObj(attr->fonts, f) == NULL) {
		snprintf(name, sizeof name, "F%d", slot + 1);
		HPDF_Dict_Add(attr->fonts, name, f);
	}
}

/* Shows p->buf in f at (x, y) with word spacing ws and character
 * spacing cs. */
static void
show(pdf *p, HPDF_Font f, double size, double ws, double cs, double x,
     double y)
{
	if (!p->in_text) {
		set_fill(p, 0);
		HPDF_Page_BeginText(p->page);
		p->in_text = true;
	}
	if (p->cur_font != f || p->cur_size != size) {
		name_font(p, f);
		HPDF_Page_SetFontAndSize(p->page, f, (HPDF_REAL)size);
		p->cur_font = f;
		p->cur_size = size;
	}
	if (!(p->word_space == ws)) {           /* NAN: not known */
		/* to 1/1000 point: the line's end moves a few
		 * thousandths */
		HPDF_Page_SetWordSpace(p->page, (HPDF_REAL)(floor(ws * 1000 +
					0.5) / 1000));
		p->word_space = ws;
	}
	cs = floor(cs * 1000 + 0.5) / 1000;
	if (!(p->char_space == cs)) {           /* NAN: not known */
		HPDF_Page_SetCharSpace(p->page, (HPDF_REAL)cs);
		p->char_space = cs;
	}
	pdf_op_text_out(p, (HPDF_REAL)pdf_q(x), (HPDF_REAL)pdf_q(y), p->buf);
}

/* The characters of n bytes of UTF-8 (continuation bytes not counted). */
static size_t
chars(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

void
pdf_text_spaced(pdf *p, unsigned style, double size, double x, double y,
		const char *s, size_t n, double ws)
{
	pdf_text_tracked(p, style, size, x, y, s, n, ws, 0);
}

void
pdf_text_tracked(pdf *p, unsigned style, double size, double x, double y,
		 const char *s, size_t n, double ws, double cs)
{
	size_t len, i, j, nsp;
	HPDF_Font f;

	if (p->page == NULL || n == 0)
		return;
	/* text that CP1252 can say goes out in the single-byte font: a
	 * third of the bytes of the CID font's hex, cheap to measure, and
	 * word spacing applies to it */
	if (pdf_cp1252(p, s, n, &len)) {
		if ((f = pdf_font(p, style, false)) != NULL) {
			pdf_mark_used(p, style, false, p->buf, len);
			show(p, f, size, ws, cs, x, y);
		}
		return;
	}
	if (ws == 0) {
		if ((f = pdf_font(p, style, true)) != NULL) {
			memcpy(p->buf, s, n);
			p->buf[n] = '\0';
			pdf_mark_used(p, style, true, s, n);
			show(p, f, size, 0, cs, x, y);
		}
		return;
	}
	/* the CID font has no word spacing: word by word */
	for (i = nsp = 0; i < n; i = j + 1, nsp++) {
		for (j = i; j < n && s[j] != ' '; j++)
			;
		if (j > i)
			pdf_text_tracked(p, style, size, x + pdf_width(p, style,
					 size, s, i) + (double)nsp * ws +
					 cs * (double)chars(s, i), y, s + i, j - i,
					 0, cs);
	}
}

void
pdf_text(pdf *p, unsigned style, double size, double x, double y,
	 const char *s, size_t n)
{
	pdf_text_spaced(p, style, size, x, y, s, n, 0);
}

static void
set_stroke(pdf *p, double width, double gray, bool dashed)
{
	static const HPDF_UINT16 dash[] = { 3, 2 };

	if (p->line_width != width) {
		HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)width);
		p->line_width = width;
	}
	if (p->stroke != gray) {
		HPDF_Page_SetGrayStroke(p->page, (HPDF_REAL)gray);
		p->stroke = gray;
	}
	if (p->dashed != (int)dashed) {
		HPDF_Page_SetDash(p->page, dashed ? dash : NULL, dashed ? 2 : 0, 0);
		p->dashed = dashed;
	}
}

void
pdf_line(pdf *p, double x0, double y0, double x1, double y1, double width,
	 double gray, bool dashed)
{
	if (p->page == NULL)
		return;
	pdf_end_text(p);
	set_stroke(p, width, gray, dashed);
	pdf_op_move_to(p, (HPDF_REAL)pdf_q(x0), (HPDF_REAL)pdf_q(y0));
	pdf_op_line_to(p, (HPDF_REAL)pdf_q(x1), (HPDF_REAL)pdf_q(y1));
	HPDF_Page_Stroke(p->page);
}

void
pdf_path_to(pdf *p, double x, double y, bool first, double width,
	    double gray, bool dashed)
{
	if (p->page == NULL)
		return;
	if (first) {
		pdf_end_text(p);
		set_stroke(p, width, gray, dashed);
		pdf_op_move_to(p, (HPDF_REAL)pdf_q(x), (HPDF_REAL)pdf_q(y));
	} else {
		pdf_op_line_to(p, (HPDF_REAL)pdf_q(x), (HPDF_REAL)pdf_q(y));
	}
}

void
pdf_path_stroke(pdf *p)
{
	if (p->page != NULL)
		HPDF_Page_Stroke(p->page);
}

void
pdf_rect(pdf *p, double x, double y, double w, double h, double fill,
	 double line)
{
	if (p->page == NULL || (fill < 0 && line <= 0))
		return;
	pdf_end_text(p);
	if (line > 0)
		set_stroke(p, line, 0, false);
	if (fill >= 0)
		set_fill(p, fill);
	pdf_op_rect(p, (HPDF_REAL)pdf_q(x), (HPDF_REAL)pdf_q(y),
		    (HPDF_REAL)(pdf_q(x + w) - pdf_q(x)),
		    (HPDF_REAL)(pdf_q(y + h) - pdf_q(y)));
	if (fill >= 0 && line > 0)
		HPDF_Page_FillStroke(p->page);
	else if (fill >= 0)
		HPDF_Page_Fill(p->page);
	else
		HPDF_Page_Stroke(p->page);
}

/* ---- outline, info, saving ---- */

void *
pdf_outline(pdf *p, void *parent, const char *title, double y)
{
	HPDF_Outline o;
	HPDF_Array d;
	const char *ascii;

	if (p->page == NULL || p->err != 0)
		return NULL;
	/* ASCII titles as literal strings: a quarter of UTF-16's hex */
	for (ascii = title; *ascii > 0x1F && *ascii < 0x7F; ascii++)
		;
	o = HPDF_CreateOutline(p->doc, parent, title, *ascii == '\0' ? NULL :
			       pdf_utf8(p));
	d = HPDF_Array_New(p->doc->mmgr);
	if (o == NULL || d == NULL)
		return NULL;
	/* [page /XYZ null top null]: keep the reader's zoom and column, in
	 * the outline item itself (libharu's destinations are objects of
	 * their own, and HPDF_Destination_SetXYZ insists on a zoom); an
	 * outline item has no /Type (libharu's /Outlines is the root's) */
	HPDF_Array_Add(d, p->page);
	HPDF_Array_AddName(d, "XYZ");
	HPDF_Array_Add(d, HPDF_Null_New(p->doc->mmgr));
	HPDF_Array_AddReal(d, pdf_q(y));
	HPDF_Array_Add(d, HPDF_Null_New(p->doc->mmgr));
	HPDF_Dict_Add(o, "Dest", d);
	HPDF_Dict_RemoveElement(o, "Type");
	HPDF_Outline_SetOpened(o, HPDF_TRUE);
	return o;
}

void
pdf_show_outline(pdf *p)
{
	HPDF_SetPageMode(p->doc, HPDF_PAGE_MODE_USE_OUTLINE);
}

int
pdf_status(const pdf *p, lk_err *e)
{
	if (p->err == 0)
		return 0;
	if (p->bad_font >= 0)
		return lk_fail(e, EX_DATAERR, _("font file %s: libharu cannot make "
			       "a font of it (error 0x%04X)"),
			       p->path[p->bad_font], (unsigned)p->err);
	return lk_fail(e, EX_SOFTWARE, _("PDF library (libharu) error 0x%04X "
		       "(detail %u)"), (unsigned)p->err, (unsigned)p->detail);
}

int
pdf_save(pdf *p, const char *path, lk_err *e)
{
	int rc;

	pdf_end_text(p);
	if ((rc = pdf_status(p, e)) != 0)
		return rc;
	pdf_fonts_finish(p);
	pdf_tree_finish(p);
	if ((rc = pdf_meta_finish(p, e)) != 0 || (rc = pdf_status(p, e)) != 0)
		return rc;
	if (HPDF_SaveToFile(p->doc, path) != HPDF_OK || p->err != 0) {
		if ((p->err == HPDF_FILE_IO_ERROR ||
		     p->err == HPDF_FILE_OPEN_ERROR) && p->detail != 0)
			return lk_fail(e, EX_IOERR, _("cannot write %s: %s"), path,
				       strerror((int)p->detail));
		return lk_fail(e, EX_IOERR, _("cannot write %s (libharu error "
			       "0x%04X)"), path, (unsigned)p->err);
	}
	return 0;
}
