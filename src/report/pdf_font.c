/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* pdf_font.c - the report's fonts: files checked, fonts made on first use.
 *
 * Owns: checking the four TrueType files before any work, loading a file
 * into libharu only when its style is first used, the two fonts of a
 * style (single-byte CP1252 for text that fits, which is compact and
 * cheap to measure, and UTF-8 CID for text with other characters), and
 * measuring text.  The CP1252 font is made of the file cut down to the
 * CP1252 characters (ttf_subset.c, loaded from memory as libharu
 * loads a file): libharu copies and compresses
 * every table of the file it embeds, and a whole file costs ten times
 * as much.  The CID font needs every glyph: it is the whole file, under
 * another PostScript name (libharu would take it for the cut-down one).
 * Errors: see pdf_int.h.
 */
#include "config.h"
#include "core/i18n.h"
#include "report/pdf_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/ttf_subset.h"

/* Unicode of the CP1252 bytes 0x80-0x9F (0: none); the others are
 * Latin-1. */
static const uint16_t cp1252_hi[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static int
font_check(const char *path, lk_err *e)
{
	unsigned char sig[4];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return lk_fail(e, EX_NOINPUT, _("font file %s: %s"), path,
			       strerror(errno));
	n = read(fd, sig, sizeof sig);
	close(fd);
	if (n == 4 && (memcmp(sig, "\0\1\0\0", 4) == 0 ||
		       memcmp(sig, "true", 4) == 0))
		return 0;
	if (n == 4 && memcmp(sig, "OTTO", 4) == 0)
		return lk_fail(e, EX_DATAERR, _("font file %s: OpenType (CFF) fonts "
			       "are not supported; use a TrueType (.ttf) font"), path);
	if (n == 4 && memcmp(sig, "ttcf", 4) == 0)
		return lk_fail(e, EX_DATAERR, _("font file %s: font collections "
			       "(.ttc) are not supported"), path);
	return lk_fail(e, EX_DATAERR, _("font file %s: not a TrueType font"), path);
}

/* Forgets an error of libharu's that was dealt with. */
static void
clear_error(pdf *p)
{
	HPDF_ResetError(p->doc);
	p->err = p->detail = 0;
}

/* The TrueType program data (len bytes) loaded into the document as
 * libharu's HPDF_LoadTTFontFromFile loads a file (its
 * LoadTTFontFromStream, with the same six-letter subset tags in the same
 * order), from a memory stream: the rewritten font went through a
 * temporary file before, created, written, read back a few bytes at a
 * time (250 seeks and reads) and removed, a tenth of a short report's
 * system time.  libharu's name of the font, or NULL (no error is left
 * behind). */
static const char *
load_memory(pdf *p, const unsigned char *data, size_t len)
{
	HPDF_Doc doc = p->doc;
	HPDF_Stream s;
	HPDF_FontDef def, had;

	if (len == 0 || len > UINT32_MAX ||
	    (s = HPDF_MemStream_New(doc->mmgr, (HPDF_UINT)len)) == NULL)
		goto fail;
	if (HPDF_Stream_Write(s, data, (HPDF_UINT)len) != HPDF_OK ||
	    HPDF_Stream_Seek(s, 0, HPDF_SEEK_SET) != HPDF_OK) {
		HPDF_Stream_Free(s);
		goto fail;
	}
	/* the definition owns the stream from here */
	if ((def = HPDF_TTFontDef_Load(doc->mmgr, s, HPDF_TRUE)) == NULL)
		goto fail;
	if ((had = HPDF_Doc_FindFontDef(doc, def->base_font)) != NULL) {
		HPDF_FontDef_Free(def);
		return had->base_font;
	}
	if (HPDF_List_Add(doc->fontdef_list, def) != HPDF_OK) {
		HPDF_FontDef_Free(def);
		goto fail;
	}
	if (doc->ttfont_tag[0] == 0)
		memcpy(doc->ttfont_tag, "HPDFAA", 6);
	else
		for (int i = 5; i >= 0; i--) {
			doc->ttfont_tag[i] += 1;
			if (doc->ttfont_tag[i] > 'Z')
				doc->ttfont_tag[i] = 'A';
			else
				break;
		}
	HPDF_TTFontDef_SetTagName(def, (char *)doc->ttfont_tag);
	if (p->err == 0)
		return def->base_font;
fail:
	clear_error(p);
	return NULL;
}

/* Style k's file rewritten (ttf_subset.c) and loaded from memory: cut
 * down to the CP1252 characters (cp1252), or whole under another
 * PostScript name (libharu takes a second file of the same name for the
 * first one).  NULL when that cannot be done (no error is left
 * behind). */
static const char *
load_rewritten(pdf *p, const char *path, bool cp1252)
{
	uint32_t ch[256];
	size_t n = 0, len;
	unsigned char *data;
	const char *name;

	for (unsigned c = 0x20; c < 0x100; c++)
		if (c < 0x7F || c >= 0xA0)
			ch[n++] = c;
		else if (c >= 0x80 && c < 0xA0 && cp1252_hi[c - 0x80] != 0)
			ch[n++] = cp1252_hi[c - 0x80];
	if (!ttf_subset(path, cp1252 ? ch : NULL, n, cp1252 ? NULL : "-Uni",
			&data, &len))
		return NULL;
	name = load_memory(p, data, len);
	free(data);
	return name;
}

/* A name of arr loaded for a style with the same file as style k. */
static const char *
shared(const pdf *p, const char *const *arr, unsigned k)
{
	for (unsigned j = 0; j < 4; j++)
		if (arr[j] != NULL && strcmp(p->path[j], p->path[k]) == 0)
			return arr[j];
	return NULL;
}

/* libharu's name for what is loaded of style k's file: cut down to CP1252
 * (single) or whole.  Styles with the same file share it.  The whole
 * file itself is loaded only when it cannot be rewritten (then it stands
 * for both). */
static const char *
load(pdf *p, unsigned k, bool single)
{
	const char **name = single ? p->single : p->whole;

	if (name[k] == NULL)
		name[k] = shared(p, name, k);
	if (name[k] == NULL)
		name[k] = load_rewritten(p, p->path[k], single);
	if (name[k] == NULL) {
		name[k] = HPDF_LoadTTFontFromFile(p->doc, p->path[k], HPDF_TRUE);
		if (p->err != 0)
			name[k] = NULL;
	}
	return name[k];
}

/* libharu's UTF-8 (CID) font of the loaded font name.  Making it, libharu
 * looks up the glyph of each of the 65,536 codes with a walk of the
 * cmap's 200 ranges (42 M instructions, more than the rest of a 250-page
 * report's fonts), for a CIDToGIDMap and a /W array that
 * pdf_fonts_finish replaces (by /Identity and the widths of the
 * characters drawn; pdf_cid_map writes the real map where it cannot).
 * So the lookups are made against one identity range meanwhile; the
 * font's real cmap serves every measure and draw after. */
static HPDF_Font
cid_font(pdf *p, const char *name)
{
	static HPDF_UINT16 end = 0xFFFF, start = 0, range = 0;
	static HPDF_INT16 delta = 0;
	HPDF_FontDef def = HPDF_GetFontDef(p->doc, name);
	HPDF_TTFontDefAttr a;
	HPDF_TTF_CmapRange real;
	HPDF_Font f;

	if (def == NULL || def->type != HPDF_FONTDEF_TYPE_TRUETYPE ||
	    (a = def->attr) == NULL || a->cmap.format != 4)
		return HPDF_GetFont(p->doc, name, "UTF-8");
	real = a->cmap;
	a->cmap.seg_count_x2 = 2;
	a->cmap.end_count = &end;
	a->cmap.start_count = &start;
	a->cmap.id_delta = &delta;
	a->cmap.id_range_offset = &range;
	f = HPDF_GetFont(p->doc, name, "UTF-8");
	a->cmap = real;
	return f;
}

HPDF_Font
pdf_font(pdf *p, unsigned style, bool cid)
{
	unsigned k = style & 3;
	HPDF_Font *f = cid ? &p->cid[k] : &p->font[k];
	const char *name;

	if (*f == NULL && p->err == 0) {
		if (cid)
			pdf_utf8(p);
		if ((name = load(p, k, !cid)) != NULL)
			*f = cid ? cid_font(p, name) :
				HPDF_GetFont(p->doc, name, "CP1252");
		if (*f == NULL || p->err != 0) {
			*f = NULL;
			if (p->bad_font < 0)
				p->bad_font = (int)k;
		}
	}
	return *f;
}

int
pdf_fonts_open(pdf *p, const doc_font_set *fonts, lk_err *e)
{
	const char *path[4];
	HPDF_FontDef def;
	int i, rc;

	p->bad_font = -1;
	path[0] = fonts->regular;
	path[DOC_BOLD] = fonts->bold ? fonts->bold : fonts->regular;
	path[DOC_ITALIC] = fonts->italic ? fonts->italic : fonts->regular;
	path[DOC_BOLD | DOC_ITALIC] = fonts->bold_italic ? fonts->bold_italic :
		fonts->bold ? fonts->bold : path[DOC_ITALIC];
	if (path[0] == NULL || *path[0] == '\0')
		return lk_fail(e, EX_NOINPUT, _("no font file given for regular text"));
	for (i = 0; i < 4; i++) {
		if ((rc = font_check(path[i], e)) != 0)
			return rc;
		if ((p->path[i] = strdup(path[i])) == NULL)
			lk_fatal("out of memory");
	}
	/* the regular font is always used: its metrics place every line */
	if (load(p, 0, true) == NULL ||
	    (def = HPDF_GetFontDef(p->doc, p->single[0])) == NULL)
		return lk_fail(e, EX_DATAERR, _("font file %s: libharu cannot load "
			       "it (error 0x%04X)"), path[0], (unsigned)p->err);
	p->ascent = def->ascent / 1000.0;
	p->descent = -def->descent / 1000.0;
	if (p->ascent <= 0 || p->ascent > 2)
		p->ascent = 0.9;
	if (p->descent < 0 || p->descent > 1)
		p->descent = 0.22;
	return 0;
}

void
pdf_fonts_free(pdf *p)
{
	for (int i = 0; i < 4; i++) {
		free(p->path[i]);
		free(p->used[i][0]);
		free(p->used[i][1]);
	}
}

/* ---- CP1252 ---- */

/* The CP1252 byte of a character, or -1 (then the UTF-8 font draws it):
 * printable ASCII, Latin-1 and the punctuation of 0x80-0x9F. */
static int
cp1252(unsigned long u)
{
	if ((u >= 0x20 && u < 0x7F) || (u >= 0xA0 && u <= 0xFF))
		return (int)u;
	for (int i = 0; u > 0xFF && u <= 0xFFFF && i < 32; i++)
		if (cp1252_hi[i] == u)
			return 0x80 + i;
	return -1;
}

unsigned
pdf_cp1252_char(unsigned char b)
{
	if (b >= 0x80 && b < 0xA0)
		return cp1252_hi[b - 0x80];
	return b;
}

void
pdf_reserve(pdf *p, size_t n)
{
	size_t cap = n > 2 * p->cap ? n + 256 : 2 * p->cap;

	if (n <= p->cap)
		return;
	if ((p->buf = realloc(p->buf, cap)) == NULL)
		lk_fatal("out of memory");
	p->cap = cap;
}

bool
pdf_cp1252(pdf *p, const char *s, size_t n, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0, l, k;
	unsigned long c;
	int b;

	pdf_reserve(p, n + 1);
	while (i < n) {
		c = u[i];
		if (c >= 0x20 && c < 0x7F) {    /* most of it */
			p->buf[o++] = (char)c;
			i++;
			continue;
		}
		l = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 0;
		if (l == 0 || l > n - i)
			return false;
		for (k = 1; k < l; k++)
			if ((u[i + k] & 0xC0) != 0x80)
				return false;
		if (l == 2)
			c = (c & 0x1F) << 6 | (u[i + 1] & 0x3Fu);
		else
			c = (c & 0x0F) << 12 | (u[i + 1] & 0x3Fu) << 6 |
			    (u[i + 2] & 0x3Fu);
		if ((l == 2 && c < 0x80) || (l == 3 && c < 0x800) ||
		    (b = cp1252(c)) < 0)
			return false;
		p->buf[o++] = (char)b;
		i += l;
	}
	p->buf[o] = '\0';
	*len = o;
	return true;
}

/* ---- measuring ---- */

/* Width in thousandths of the size of n bytes of text in f: UTF-8
 * (cut only between characters) or single bytes. */
static double
units(HPDF_Font f, const char *s, size_t n, bool utf8)
{
	double w = 0;

	while (n > 0) {
		/* 60000 bytes is far beyond any line */
		size_t k = n > 60000 ? 60000 : n;

		while (utf8 && k < n && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		w += HPDF_Font_TextWidth(f, (const HPDF_BYTE *)s,
					 (HPDF_UINT)k).width;
		s += k;
		n -= k;
	}
	return w;
}

double
pdf_width(void *ctx, unsigned style, double size, const char *s, size_t n)
{
	pdf *p = ctx;
	size_t len;
	bool single = pdf_cp1252(p, s, n, &len);
	HPDF_Font f = pdf_font(p, style, !single);

	if (f == NULL)
		return 0;
	return (single ? units(f, p->buf, len, false) : units(f, s, n, true)) *
	       size / 1000.0;
}

void
pdf_metrics(const pdf *p, double *ascent, double *descent)
{
	*ascent = p->ascent;
	*descent = p->descent;
}
