/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* ttf_subset.h - a TrueType font cut down to the glyphs of a few characters.
 *
 * Owns: reading a TrueType file and writing a smaller one that has only
 * the glyphs of the characters asked for (with .notdef and the glyphs
 * their composite glyphs are made of, renumbered), and only the tables a
 * PDF embeds: head, hhea, maxp, hmtx, loca, glyf, cmap (one Unicode
 * subtable), post (without glyph names), OS/2, name, cvt, fpgm, prep;
 * or a copy with every glyph under another PostScript name.
 * Outlines, hinting and metrics are copied as they are, so text set in
 * the subset looks and measures exactly as in the whole font; the PDF
 * library then has a tenth of the font to copy and compress.
 *
 * Errors: ttf_subset returns false for a file it cannot read or does not
 * understand (the caller then uses the whole font).  Memory: *out is
 * malloc'ed (free it).
 */
#ifndef LK_TTF_SUBSET_H
#define LK_TTF_SUBSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The font at path with the glyphs of chars[0..n) (Unicode, at most
 * U+FFFE; characters the font lacks are left out), or with every glyph
 * when chars is NULL.  suffix, unless NULL, is appended to the font's
 * PostScript name (libharu takes two files of one name for one font). */
bool ttf_subset(const char *path, const uint32_t *chars, size_t n,
		const char *suffix, unsigned char **out, size_t *len);

/* The font at path for embedding in a PDF: the glyphs of chars[0..n)
 * only, without hinting (no glyph instructions, no cvt, fpgm or prep:
 * PDF viewers render unhinted) and with only the family, style, full
 * and PostScript names.  identity: glyph i is the glyph of character i
 * (for a CID font whose CIDs are the characters, with CIDToGIDMap
 * /Identity), the slots of other codes are empty glyphs and the
 * components of composite glyphs follow the last code; false when that
 * does not fit in 65535 glyphs. */
bool ttf_subset_embed(const char *path, const uint32_t *chars, size_t n,
		      bool identity, unsigned char **out, size_t *len);

#endif
