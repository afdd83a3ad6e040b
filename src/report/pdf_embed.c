/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* pdf_embed.c - the fonts as they go into the file (see pdf_int.h).
 *
 * Owns: the record of the characters drawn in each font, and, just
 * before saving, what libharu does not do well: the embedded font
 * programs (libharu copies every table of the file and all the glyph
 * slots; here each becomes a subset of the characters drawn, without
 * hinting, through ttf_subset_embed), the ToUnicode CMaps (none for
 * libharu's single-byte fonts, a malformed one for its CID fonts: here
 * bfrange/bfchar of exactly the codes used), and for the CID fonts the
 * 128 KB CIDToGIDMap (here /Identity: the subset puts each character's
 * glyph at its code) and the widths of the whole font (here of the
 * characters drawn).  Everything is done in libharu's objects, before
 * libharu writes them: the font dictionaries' descriptors are made
 * early (libharu's own before-write functions, which make them once)
 * and their streams are then filled again.
 *
 * Errors: none of its own; a font file that cannot be cut keeps
 * libharu's version.  Memory: the bitmaps belong to the pdf.
 */
#include "config.h"
#include "report/pdf_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "report/ttf_subset.h"

#define BITS (0x10000 / 8)

static void
mark(unsigned char *u, unsigned c)
{
	if (c < 0x10000)
		u[c >> 3] |= (unsigned char)(1u << (c & 7));
}

static bool
marked(const unsigned char *u, unsigned c)
{
	return u != NULL && c < 0x10000 && (u[c >> 3] >> (c & 7) & 1);
}

void
pdf_mark_used(pdf *p, unsigned style, bool cid, const char *s, size_t n)
{
	const unsigned char *b = (const unsigned char *)s;
	unsigned char **u = &p->used[style & 3][cid];
	size_t i = 0;

	if (*u == NULL && (*u = calloc(1, BITS)) == NULL)
		lk_fatal("out of memory");
	while (i < n) {
		unsigned c = b[i], l = 1;

		if (!cid)
			c = pdf_cp1252_char((unsigned char)c);
		else if (c >= 0xC0 && c < 0xE0 && i + 1 < n) {
			c = (c & 0x1F) << 6 | (b[i + 1] & 0x3Fu);
			l = 2;
		} else if (c >= 0xE0 && c < 0xF0 && i + 2 < n) {
			c = (c & 0x0F) << 12 | (b[i + 1] & 0x3Fu) << 6 |
			    (b[i + 2] & 0x3Fu);
			l = 3;
		} else if (c >= 0x80)
			c = 0;          /* not drawn by libharu's encoder */
		if (c != 0)
			mark(*u, c);
		i += l;
	}
}

/* ---- ToUnicode ---- */

/* One font's codes and their characters, sorted by code. */
typedef struct cmap_ent {
	unsigned code, uni;
} cmap_ent;

/* The end of the run of consecutive codes and characters that starts
 * at e[k] (within one last byte). */
static size_t
run_end(const cmap_ent *e, size_t n, size_t k)
{
	size_t j = k + 1;

	while (j < n && e[j].code == e[j - 1].code + 1 &&
	       e[j].uni == e[j - 1].uni + 1 && (e[j].code >> 8) == (e[k].code >> 8))
		j++;
	return j;
}

/* A ToUnicode CMap of the n entries (1-byte codes, or 2-byte when
 * wide): bfrange for runs of consecutive codes and characters (within
 * one last byte), bfchar for the others, at most 100 per block. */
static void
write_cmap(HPDF_Stream s, const cmap_ent *e, size_t n, bool wide)
{
	int w = wide ? 4 : 2;
	size_t i, j, k;
	char buf[96];

	HPDF_Stream_WriteStr(s,
		"/CIDInit /ProcSet findresource begin\n12 dict begin\n"
		"begincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering "
		"(UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS "
		"def\n/CMapType 2 def\n1 begincodespacerange\n");
	HPDF_Stream_WriteStr(s, wide ? "<0000> <FFFF>\n" : "<00> <FF>\n");
	HPDF_Stream_WriteStr(s, "endcodespacerange\n");
	for (int pass = 0; pass < 2; pass++) {  /* ranges, then single */
		for (i = 0; i < n; ) {
			size_t cnt = 0, start;

			/* count this block's entries of this pass */
			for (start = i, k = i; k < n && cnt < 100; k = j) {
				j = run_end(e, n, k);
				if ((j - k > 1) == (pass == 0))
					cnt++;
			}
			i = k;
			if (cnt == 0)
				continue;
			snprintf(buf, sizeof buf, pass == 0 ? "%u beginbfrange\n" :
				 "%u beginbfchar\n", (unsigned)cnt);
			HPDF_Stream_WriteStr(s, buf);
			for (k = start; k < i; k = j) {
				j = run_end(e, n, k);
				if (pass == 0 && j - k > 1)
					snprintf(buf, sizeof buf, "<%0*X> <%0*X> <%04X>\n",
						 w, e[k].code, w, e[j - 1].code,
						 e[k].uni);
				else if (pass == 1 && j - k == 1)
					snprintf(buf, sizeof buf, "<%0*X> <%04X>\n", w,
						 e[k].code, e[k].uni);
				else
					continue;
				HPDF_Stream_WriteStr(s, buf);
			}
			HPDF_Stream_WriteStr(s, pass == 0 ? "endbfrange\n" :
					     "endbfchar\n");
		}
	}
	HPDF_Stream_WriteStr(s, "endcmap\nCMapName currentdict /CMap "
			     "defineresource pop\nend\nend\n");
}

/* ---- font programs ---- */

/* The characters of the bitmap, ascending; *n of them.  By bytes: a
 * report marks a few hundred of the 65,536 (a test of every bit took
 * four times the instructions of the rest of the fonts' finishing). */
static uint32_t *
chars_of(const unsigned char *u, size_t *n)
{
	size_t cnt = 0, k = 0;
	uint32_t *c;

	for (size_t i = 0; i < BITS; i++)
		for (unsigned b = u[i]; b != 0; b &= b - 1)
			cnt++;
	if ((c = malloc((cnt ? cnt : 1) * sizeof *c)) == NULL)
		lk_fatal("out of memory");
	for (size_t i = 0; i < BITS; i++) {
		if (u[i] == 0)
			continue;
		for (unsigned j = 0; j < 8; j++)
			if ((u[i] >> j & 1) && (i != 0 || j != 0))   /* not NUL */
				c[k++] = (uint32_t)(i * 8 + j);
	}
	*n = k;
	return c;
}

/* The FontFile2 stream of a font (or CIDFont) dictionary whose
 * descriptor libharu has made, filled with data. */
static bool
replace_program(HPDF_Dict font, const unsigned char *data, size_t len)
{
	HPDF_Dict desc = HPDF_Dict_GetItem(font, "FontDescriptor",
					   HPDF_OCLASS_DICT);
	HPDF_Dict ff = desc ? HPDF_Dict_GetItem(desc, "FontFile2",
						HPDF_OCLASS_DICT) : NULL;

	if (ff == NULL || ff->stream == NULL)
		return false;
	HPDF_MemStream_FreeData(ff->stream);
	HPDF_Stream_Write(ff->stream, data, (HPDF_UINT)len);
	HPDF_Dict_AddNumber(ff, "Length1", (HPDF_INT32)len);
	return true;
}

/* libharu's descriptor of a single-byte TrueType font (its before-write
 * function, which makes it once per font file) with an empty FontFile2
 * stream for replace_program: libharu would first write the whole
 * program it loaded into that stream (its SaveFontData: the CP1252 cut
 * of the file, every table, a third of the instructions of a short
 * report), only for replace_program to throw it away.  Its
 * CreateDescriptor adds the stream to the cross-reference table right
 * after the descriptor and FontFile2 as the descriptor's last key, with
 * /Length1 /Length2 /Length3: made here the same way, in the same
 * order, so the file is the same byte for byte.  False when the
 * descriptor could not be made (the font is then written as libharu
 * has it). */
static bool
make_descriptor(HPDF_Font f)
{
	HPDF_FontAttr attr = f->attr;
	HPDF_TTFontDefAttr def = attr->fontdef->attr;
	HPDF_Dict desc, ff;
	HPDF_BOOL embed = def->embedding;
	bool made = attr->fontdef->descriptor == NULL;
	HPDF_STATUS rc;

	if (f->before_write_fn == NULL)
		return false;
	def->embedding = HPDF_FALSE;
	rc = f->before_write_fn(f);
	def->embedding = embed;
	if (rc != HPDF_OK)
		return false;
	if (!embed)
		return false;
	desc = attr->fontdef->descriptor;
	if (!made)
		return HPDF_Dict_GetItem(desc, "FontFile2", HPDF_OCLASS_DICT) !=
		       NULL;
	if ((ff = HPDF_DictStream_New(f->mmgr, attr->xref)) == NULL)
		return false;
	rc = HPDF_Dict_Add(desc, "FontFile2", ff);
	rc += HPDF_Dict_AddNumber(ff, "Length1", (HPDF_INT32)def->length1);
	rc += HPDF_Dict_AddNumber(ff, "Length2", 0);
	rc += HPDF_Dict_AddNumber(ff, "Length3", 0);
	ff->filter = f->filter;
	return rc == HPDF_OK;
}

/* The FontFile2 stream left empty by make_descriptor filled with the
 * program libharu loaded, as libharu would have (a file that cannot be
 * cut). */
static void
keep_program(HPDF_Font f)
{
	HPDF_FontAttr attr = f->attr;
	HPDF_TTFontDefAttr def = attr->fontdef->attr;
	HPDF_Dict ff = HPDF_Dict_GetItem(attr->fontdef->descriptor,
					 "FontFile2", HPDF_OCLASS_DICT);

	if (ff != NULL && ff->stream != NULL &&
	    HPDF_TTFontDef_SaveFontData(attr->fontdef, ff->stream) == HPDF_OK)
		HPDF_Dict_AddNumber(ff, "Length1", (HPDF_INT32)def->length1);
}

/* libharu's font OnWrite with /Widths from /FirstChar to /LastChar
 * (libharu's go over all 224 codes), and the encoding as plain
 * WinAnsiEncoding, which is CP1252 (libharu adds /Differences [127
 * /.notdef], a glyph name no Unicode maps to, for a code never drawn). */
static HPDF_STATUS
single_write(HPDF_Dict obj, HPDF_Stream st)
{
	HPDF_FontAttr attr = obj->attr;
	HPDF_Number fc = HPDF_Dict_GetItem(obj, "FirstChar", HPDF_OCLASS_NUMBER);
	HPDF_Number lc = HPDF_Dict_GetItem(obj, "LastChar", HPDF_OCLASS_NUMBER);
	char buf[16];

	if (fc == NULL || lc == NULL)
		return HPDF_Error_GetCode(obj->error);
	HPDF_Stream_WriteStr(st, "/Widths [");
	for (HPDF_INT32 c = fc->value; c <= lc->value && c < 256; c++) {
		snprintf(buf, sizeof buf, c % 16 == 15 ? "%d\n" : "%d ",
			 attr->widths[c]);
		HPDF_Stream_WriteStr(st, buf);
	}
	return HPDF_Stream_WriteStr(st, "]\n/Encoding /WinAnsiEncoding\n");
}

/* A single-byte font: its program cut to the characters, its
 * ToUnicode, its widths of the codes used (from the first to the last). */
static void
finish_single(pdf *p, HPDF_Font f, const char *path, const unsigned char *u)
{
	cmap_ent e[256];
	size_t n = 0, nc;
	uint32_t *c = chars_of(u, &nc);
	unsigned char *data;
	size_t len;
	HPDF_Dict tu;
	HPDF_FontAttr attr = f->attr;

	for (unsigned b = 0x20; b < 0x100; b++) {
		unsigned ch = pdf_cp1252_char((unsigned char)b);

		attr->widths[b] = 0;
		if (ch != 0 && marked(u, ch)) {
			e[n].code = b;
			e[n++].uni = ch;
			attr->widths[b] = (HPDF_INT16)HPDF_Font_GetUnicodeWidth(f,
						(HPDF_UNICODE)ch);
		}
	}
	if (n > 0 && f->write_fn != NULL) {
		HPDF_Dict_AddNumber(f, "FirstChar", (HPDF_INT32)e[0].code);
		HPDF_Dict_AddNumber(f, "LastChar", (HPDF_INT32)e[n - 1].code);
		f->write_fn = single_write;
	}
	if (make_descriptor(f)) {
		if (ttf_subset_embed(path, c, nc, false, &data, &len)) {
			replace_program(f, data, len);
			free(data);
		} else
			keep_program(f);
	}
	free(c);
	tu = HPDF_DictStream_New(p->doc->mmgr, p->doc->xref);
	if (tu == NULL)
		return;
	tu->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	write_cmap(tu->stream, e, n, false);
	HPDF_Dict_Add(f, "ToUnicode", tu);
}

/* The CIDToGIDMap of font f (the whole program kept) as libharu writes it
 * from the font's cmap: pdf_font made the font with the cmap's lookups
 * against one identity range (see cid_font in pdf_font.c). */
static void
real_map(HPDF_Font f, HPDF_Dict map)
{
	HPDF_FontAttr attr = f->attr;
	HPDF_BYTE u[2];

	if (map->stream == NULL)
		return;
	HPDF_MemStream_FreeData(map->stream);
	for (unsigned i = 0; i < 0xFFFF; i++) {
		HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(attr->fontdef,
							    (HPDF_UINT16)i);

		u[0] = (HPDF_BYTE)(gid >> 8);
		u[1] = (HPDF_BYTE)gid;
		HPDF_Stream_Write(map->stream, u, 2);
	}
}

/* A CID font (Type 0, CIDs are the characters): program, widths,
 * CIDToGIDMap, ToUnicode. */
static void
finish_cid(HPDF_Font f, const char *path, const unsigned char *u)
{
	HPDF_Array desc = HPDF_Dict_GetItem(f, "DescendantFonts",
					    HPDF_OCLASS_ARRAY);
	HPDF_Dict d = desc ? HPDF_Array_GetItem(desc, 0, HPDF_OCLASS_DICT) :
		NULL;
	HPDF_Dict tu = HPDF_Dict_GetItem(f, "ToUnicode", HPDF_OCLASS_DICT);
	HPDF_Dict map, info;
	HPDF_Array w, run = NULL;
	cmap_ent *e;
	size_t nc;
	uint32_t *c = chars_of(u, &nc);
	unsigned char *data;
	size_t len;

	/* libharu's parent font makes its descendant's descriptor */
	if (d == NULL || f->before_write_fn == NULL ||
	    f->before_write_fn(f) != HPDF_OK) {
		free(c);
		return;
	}
	if ((e = malloc((nc + 1) * sizeof *e)) == NULL)
		lk_fatal("out of memory");
	for (size_t i = 0; i < nc; i++)
		e[i].code = e[i].uni = c[i];
	if (tu != NULL && tu->stream != NULL) {
		HPDF_MemStream_FreeData(tu->stream);
		write_cmap(tu->stream, e, nc, true);
	}
	if ((w = HPDF_Dict_GetItem(d, "W", HPDF_OCLASS_ARRAY)) != NULL) {
		HPDF_Array_Clear(w);
		for (size_t i = 0; i < nc; i++) {
			if (i == 0 || c[i] != c[i - 1] + 1) {
				HPDF_Array_AddNumber(w, (HPDF_INT32)c[i]);
				run = HPDF_Array_New(d->mmgr);
				HPDF_Array_Add(w, run);
			}
			HPDF_Array_AddNumber(run, HPDF_Font_GetUnicodeWidth(f,
					     (HPDF_UNICODE)c[i]));
		}
	}
	/* Identity-H's own system info (libharu says Ordering (Identity-H)) */
	if ((info = HPDF_Dict_GetItem(d, "CIDSystemInfo", HPDF_OCLASS_DICT)))
		HPDF_Dict_Add(info, "Ordering", HPDF_String_New(d->mmgr,
			      "Identity", NULL));
	map = HPDF_Dict_GetItem(d, "CIDToGIDMap", HPDF_OCLASS_DICT);
	if (map != NULL && ttf_subset_embed(path, c, nc, true, &data, &len)) {
		if (replace_program(d, data, len)) {
			/* the old map stays an (empty) object of the file */
			HPDF_MemStream_FreeData(map->stream);
			HPDF_Dict_AddName(d, "CIDToGIDMap", "Identity");
			map = NULL;
		}
		free(data);
	}
	if (map != NULL)
		real_map(f, map);
	free(e);
	free(c);
}

void
pdf_fonts_finish(pdf *p)
{
	unsigned char *u = malloc(BITS);

	if (u == NULL)
		lk_fatal("out of memory");
	for (int cid = 0; cid < 2; cid++)
		for (unsigned k = 0; k < 4; k++) {
			HPDF_Font *arr = cid ? p->cid : p->font, f = arr[k];
			bool done = false;

			for (unsigned j = 0; j < k; j++)
				done = done || arr[j] == f;
			if (f == NULL || done)
				continue;
			/* styles sharing a file share its fonts */
			memset(u, 0, BITS);
			for (unsigned j = k; j < 4; j++) {
				if (arr[j] != f || p->used[j][cid] == NULL)
					continue;
				for (size_t i = 0; i < BITS; i++)
					u[i] |= p->used[j][cid][i];
			}
			mark(u, ' ');   /* a font always has its space */
			if (cid)
				finish_cid(f, p->path[k], u);
			else
				finish_single(p, f, p->path[k], u);
		}
	free(u);
}
