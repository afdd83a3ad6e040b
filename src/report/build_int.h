/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* build_int.h - the builder's state, shared by build.c, build_text.c and
 * build_tables.c.
 *
 * Owns nothing itself.  Everything the builder makes lives in the doc's
 * arena (c->d->mem): strings returned by the bld_ functions too.
 */
#ifndef LK_BUILD_INT_H
#define LK_BUILD_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/capaian.h"
#include "core/kinerja.h"
#include "core/model.h"
#include "report/doc.h"
#include "report/template.h"

#define MAX_LOKAL 8               /* a text's own placeholders, at most */

typedef struct bctx {
	const rencana *r;
	const kinerja *k;
	const kinerja *kw;         /* quarters 1..tw: kw[q - 1], the last = *k */
	const tmpl *t;
	doc *d;
	int tw;
	int versi;                 /* the signed version being made, or 0 */
	const triwulan *q;
	tmpl_nilai umum[TP_N];
	const char *teks[TT_N];    /* the text in force: template or override */
	bool mentah[TT_N];         /* override with bad placeholders: as written */
	const char **warn;
	size_t n_warn, cap_warn;
} bctx;

static inline const char *
bld_atau_kosong(const char *s)
{
	return s != NULL ? s : "";
}

/* ---- warnings (build.c) ---- */

void bld_warn(bctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A text that cannot be filled (a programmer error: checked at load). */
void bld_warn_fill(bctx *c, enum tmpl_teks_id id, const char *bad);

/* The predikat bands pt as a list in the words of texts awal, batas
 * and akhir (build.c). */
void bld_skala_predikat(bctx *c, doc_section *s, const predikat_tabel *pt,
			enum tmpl_teks_id awal, enum tmpl_teks_id batas,
			enum tmpl_teks_id akhir);

/* ---- texts and figures (build_text.c) ---- */

/* Text id in force, its placeholders filled (lokal: n own values). */
const char *bld_teks(bctx *c, enum tmpl_teks_id id, const tmpl_nilai *lokal,
		     size_t n);
/* A narrative text as blocks of s; returns how many. */
size_t bld_narasi(bctx *c, doc_section *s, enum tmpl_teks_id id,
		  const tmpl_nilai *lokal, size_t n);
/* A one-line text as a paragraph (in capitals if asked); NULL when the
 * text is empty. */
doc_block *bld_baris(bctx *c, doc_section *s, enum tmpl_teks_id id,
		     unsigned style, enum doc_align align, bool kapital);
/* A heading for the TOC; NULL when the text is empty. */
doc_block *bld_judul(bctx *c, doc_section *s, int level, enum tmpl_teks_id id,
		     const tmpl_nilai *lokal, size_t n);
/* "200 orang", "80%", "78,50" (nilai, indeks: a score has no unit). */
const char *bld_nilai_satuan(bctx *c, int64_t v, const char *satuan);
/* "101,02%", "-" (undefined) or "" (no realisation). */
const char *bld_capaian_teks(bctx *c, const capaian *cp, bool persen_sign);
/* What the report prints as a row's predikat: an index IKU's kategori of
 * its realisation (iku.kategori) in place of the predikat; NULL for
 * none (an index IKU without a realisation has neither). */
const char *bld_predikat(const kinerja_iku *row);
/* Rupiah: "28.309.433.559". */
const char *bld_uang(bctx *c, int64_t v);
/* "a", "b", ... "z", "aa", ... followed by suffix. */
const char *bld_label_huruf(bctx *c, size_t i, const char *suffix);
/* At most max characters, cut at a word, with an ellipsis. */
const char *bld_pendek(bctx *c, const char *s, size_t max);
/* IKU rows that have an IKU (a sasaran without one has an empty row). */
size_t bld_jumlah_iku(const kinerja *k);
/* The quarter in Roman numerals. */
const char *bld_tw_nama(const bctx *c);
/* The PDF's info and the page set-up, from the template. */
void bld_info(bctx *c);
/* The same with the texts of another kind of document. */
void bld_info_teks(bctx *c, enum tmpl_teks_id judul, enum tmpl_teks_id subjek,
		   enum tmpl_teks_id kunci);
void bld_halaman(bctx *c);

/* ---- tables, charts, lampiran (build_tables.c) ---- */

/* One row per IKU; with_predikat: the Predikat column (lampiran). */
doc_table *bld_tabel_capaian(bctx *c, bool with_predikat, bool with_title);
doc_table *bld_tabel_keuangan(bctx *c);
/* A supporting table of a narrative, printed as given. */
doc_table *bld_tabel_pendukung(bctx *c, const tabel *src);
void bld_add_table(bctx *c, doc_section *s, doc_table *tb);
void bld_bagian_lampiran(bctx *c, doc_section *s);

#endif
