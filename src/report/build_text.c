/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* build_text.c - the template's texts filled, and figures as printed.
 *
 * Owns: filling a text's {placeholders} (the common values and the
 * text's own), narratives as blocks, one-line texts as paragraphs or
 * headings; figures as the report prints them (values with units,
 * capaian percentages, rupiah, list letters, shortened labels); the PDF
 * info and the page set-up taken from the template.
 */
#include "config.h"
#include "report/build_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/dec.h"
#include "report/markup.h"

#define MM_TO_PT(v) ((double)(v) / 100.0 * 72.0 / 25.4)  /* v: 1/100 mm */

/* ---- texts ---- */

/* text of id filled with the common values and lokal (n values). */
static const char *
isi_teks(bctx *c, enum tmpl_teks_id id, const char *text,
	 const tmpl_nilai *lokal, size_t n)
{
	tmpl_nilai v[TP_N + MAX_LOKAL];
	const char *bad = NULL;
	char *out;

	if (n > MAX_LOKAL)
		lk_fatal("build: too many local placeholders");
	if (c->mentah[id])
		return doc_strdup(c->d, text);
	for (size_t i = 0; i < n; i++)
		v[i] = lokal[i];
	for (size_t i = 0; i < TP_N; i++)
		v[n + i] = c->umum[i];
	if (tmpl_isi(&c->d->mem, text, v, n + TP_N, &out, &bad) != 0) {
		/* Checked at load; only a programmer error lands here. */
		bld_warn_fill(c, id, bad);
		return doc_strdup(c->d, text);
	}
	return out;
}

const char *
bld_teks(bctx *c, enum tmpl_teks_id id, const tmpl_nilai *lokal, size_t n)
{
	return isi_teks(c, id, c->teks[id], lokal, n);
}

typedef struct isi_ctx {
	bctx *c;
	enum tmpl_teks_id id;
	const tmpl_nilai *lokal;
	size_t n;
} isi_ctx;

static const char *
isi_run(void *vctx, const char *text)
{
	isi_ctx *x = vctx;

	return isi_teks(x->c, x->id, text, x->lokal, x->n);
}

/* A narrative text of the template as blocks; returns the count. */
size_t
bld_narasi(bctx *c, doc_section *s, enum tmpl_teks_id id,
    const tmpl_nilai *lokal, size_t n)
{
	isi_ctx x = { c, id, lokal, n };
	const char *names[] = { c->umum[TP_INSTANSI].nilai,
				c->umum[TP_PEMERINTAH].nilai,
				c->umum[TP_KOTA].nilai,
				c->umum[TP_KEPALA_NAMA].nilai, NULL };
	markup_opts o = { isi_run, &x, 0, names };

	return markup_blocks(c->d, s, c->teks[id], &o);
}

/* A one-line text as a paragraph; nothing when the text is empty. */
doc_block *
bld_baris(bctx *c, doc_section *s, enum tmpl_teks_id id, unsigned style,
    enum doc_align align, bool kapital)
{
	const char *v = bld_teks(c, id, NULL, 0);

	if (*v == '\0')
		return NULL;
	return doc_add_para(c->d, s, kapital ? doc_upper(c->d, v) : v, style,
	    align);
}

doc_block *
bld_judul(bctx *c, doc_section *s, int level, enum tmpl_teks_id id,
    const tmpl_nilai *lokal, size_t n)
{
	const char *v = bld_teks(c, id, lokal, n);

	if (*v == '\0')
		return NULL;
	return doc_add_heading(c->d, s, level, v, true);
}

/* ---- figures ---- */

static bool
tanpa_satuan(const char *satuan)
{
	return satuan == NULL || *satuan == '\0' ||
	    strcasecmp(satuan, "nilai") == 0 || strcasecmp(satuan, "indeks") == 0;
}

/* "200 orang", "80%", "78,50" (nilai, indeks: a score has no unit). */
const char *
bld_nilai_satuan(bctx *c, int64_t v, const char *satuan)
{
	char buf[DEC_BUFSZ];

	dec_format_nilai(v, buf);
	if (tanpa_satuan(satuan))
		return doc_strdup(c->d, buf);
	if (strcmp(satuan, "%") == 0)
		return doc_printf(c->d, "%s%%", buf);
	return doc_printf(c->d, "%s %s", buf, satuan);
}

const char *
bld_predikat(const kinerja_iku *row)
{
	if (row->kategori != NULL)
		return row->kategori->label;
	if (row->iku != NULL && row->iku->n_kategori > 0)
		return NULL;
	return row->predikat != NULL ? row->predikat->nama : NULL;
}

/* "101,02%", "-" (undefined) or "" (no realisation). */
const char *
bld_capaian_teks(bctx *c, const capaian *cp, bool persen_sign)
{
	char buf[DEC_BUFSZ];

	switch (cp->status) {
	case CAPAIAN_ADA:
		dec_format_persen(cp->persen, buf);
		return persen_sign ? doc_printf(c->d, "%s%%", buf) :
		    doc_strdup(c->d, buf);
	case CAPAIAN_TAK_TERDEFINISI:
		return "-";
	case CAPAIAN_KOSONG:
	default:
		return "";
	}
}

const char *
bld_uang(bctx *c, int64_t v)
{
	char buf[DEC_BUFSZ];

	return doc_strdup(c->d, dec_format_uang(v, buf));
}

/* "a", "b", ... "z", "aa", ... */
const char *
bld_label_huruf(bctx *c, size_t i, const char *suffix)
{
	char buf[16];
	size_t n = 0;

	i++;
	while (i > 0 && n < sizeof buf - 1) {
		i--;
		buf[n++] = (char)('a' + i % 26);
		i /= 26;
	}
	for (size_t a = 0; a < n / 2; a++) {
		char t = buf[a];

		buf[a] = buf[n - 1 - a];
		buf[n - 1 - a] = t;
	}
	buf[n] = '\0';
	return doc_printf(c->d, "%s%s", buf, suffix);
}

/* At most max characters, cut at a word, with an ellipsis. */
const char *
bld_pendek(bctx *c, const char *s, size_t max)
{
	size_t chars = 0, cut = 0, space = 0;

	for (size_t i = 0; s[i]; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		if (chars == max) {
			cut = space > 0 ? space : i;
			while (cut > 0 && (s[cut - 1] == ' ' || s[cut - 1] == ','))
				cut--;
			return doc_printf(c->d, "%.*s\xE2\x80\xA6", (int)cut, s);
		}
		if (s[i] == ' ')
			space = i;
		chars++;
	}
	return s;
}

size_t
bld_jumlah_iku(const kinerja *k)
{
	size_t n = 0;

	for (size_t i = 0; i < k->n_iku; i++)
		if (k->iku[i].iku != NULL)
			n++;
	return n;
}

const char *
bld_tw_nama(const bctx *c)
{
	return tw_romawi(c->tw);
}

/* ---- from the template: document info, page ---- */

void
bld_info(bctx *c)
{
	bld_info_teks(c, TT_INFO_JUDUL, TT_INFO_SUBJEK, TT_INFO_KATA_KUNCI);
}

void
bld_info_teks(bctx *c, enum tmpl_teks_id judul, enum tmpl_teks_id subjek,
    enum tmpl_teks_id kunci)
{
	doc_info *di = &c->d->info;
	const char *sde = getenv("SOURCE_DATE_EPOCH");

	di->title = bld_teks(c, judul, NULL, 0);
	di->author = doc_strdup(c->d, bld_atau_kosong(c->r->instansi.nama));
	di->subject = bld_teks(c, subjek, NULL, 0);
	di->keywords = bld_teks(c, kunci, NULL, 0);
	di->creator = doc_strdup(c->d, PACKAGE_NAME " " PACKAGE_VERSION);
	di->created = (int64_t)time(NULL);
	if (sde != NULL && *sde) {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(sde, &end, 10);
		if (errno == 0 && *end == '\0' && v >= 0)
			di->created = (int64_t)v;
	}
}

void
bld_halaman(bctx *c)
{
	const tmpl *t = c->t;
	doc_page *p = &c->d->page;

	p->width = MM_TO_PT(t->lebar);
	p->height = MM_TO_PT(t->tinggi);
	p->margin_top = MM_TO_PT(t->margin_atas);
	p->margin_bottom = MM_TO_PT(t->margin_bawah);
	p->margin_left = MM_TO_PT(t->margin_kiri);
	p->margin_right = MM_TO_PT(t->margin_kanan);
	p->font_size = (double)t->ukuran_huruf / 100.0;
	p->heading_size = (double)t->ukuran_judul / 100.0;
	p->line_spacing = (double)t->spasi / 100.0;
	p->font.regular = doc_strdup(c->d, t->font.regular);
	p->font.bold = doc_strdup(c->d, t->font.bold);
	p->font.italic = doc_strdup(c->d, t->font.italic);
	p->font.bold_italic = doc_strdup(c->d, t->font.bold_italic);
}
