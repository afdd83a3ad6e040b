/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* build_lkjip.c - the annual report (LKjIP) as a doc (see build.h).
 *
 * Owns: the parts of the LKjIP in the template's order (cover, kata
 * pengantar with the signature, ikhtisar eksekutif, daftar isi, BAB I
 * Pendahuluan, BAB II Perencanaan Kinerja, BAB III Akuntabilitas Kinerja,
 * BAB IV Penutup, lampiran), their numbering, the common placeholders'
 * values, the texts in force (template, then tahunan.teks) and the
 * warnings.  Where the year's data lacks a text the document says so in
 * the template's words.  Every figure comes from the tahunan_hasil
 * (core/tahunan.c); build_lkjip_tab.c makes the tables and charts.
 */
#include "config.h"
#include "report/build.h"
#include "report/build_lkjip_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dec.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "report/markup.h"

#define LOGO_WIDTH 113.0                                   /* 4 cm */

static bool
ada(const char *s)
{
	return s != NULL && *s != '\0';
}

static bool
nip_sah(const char *s)
{
	if (s == NULL || strlen(s) != NIP_LEN)
		return false;
	for (size_t i = 0; i < NIP_LEN; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* ---- parts ---- */

static void
bagian_sampul(lkctx *L, doc_section *s)
{
	bctx *c = &L->b;
	double h = c->d->page.heading_size;
	doc_block *b;

	s->vertical_center = true;
	if ((b = bld_baris(c, s, TT_LK_SAMPUL_PEMERINTAH, DOC_BOLD, DOC_CENTER,
	    true)))
		b->size = h;
	b = doc_add_block(c->d, s, DOC_SPACE);
	b->points = 24;
	if ((b = bld_baris(c, s, TT_LK_SAMPUL_JUDUL, DOC_BOLD, DOC_CENTER, true)))
		b->size = h + 4;
	if ((b = bld_baris(c, s, TT_LK_SAMPUL_SINGKATAN, DOC_BOLD, DOC_CENTER,
	    false)))
		b->size = h + 2;
	if ((b = bld_baris(c, s, TT_LK_SAMPUL_INSTANSI, DOC_BOLD, DOC_CENTER,
	    true)))
		b->size = h;
	if ((b = bld_baris(c, s, TT_LK_SAMPUL_TAHUN, DOC_BOLD, DOC_CENTER, true)))
		b->size = h;
	if (ada(c->r->instansi.logo)) {
		b = doc_add_block(c->d, s, DOC_SPACE);
		b->points = 36;
		b = doc_add_block(c->d, s, DOC_IMAGE);
		b->image = doc_strdup(c->d, c->r->instansi.logo);
		b->image_width = LOGO_WIDTH;
	}
	b = doc_add_block(c->d, s, DOC_SPACE);
	b->points = 36;
	if ((b = bld_baris(c, s, TT_LK_SAMPUL_TEMPAT, DOC_BOLD, DOC_CENTER, true)))
		b->size = h;
}

/* The head's signature: the first of the doc (a signed copy's QR code
 * goes there). */
static void
bagian_kata_pengantar(lkctx *L, doc_section *s)
{
	bctx *c = &L->b;
	const pejabat *kp = &c->r->instansi.kepala;
	doc_signature *sig = arena_alloc(&c->d->mem, sizeof *sig);
	doc_block *b;
	const char *v;

	memset(sig, 0, sizeof *sig);
	bld_judul(c, s, 1, TT_LK_JUDUL_KATA_PENGANTAR, NULL, 0);
	bld_narasi(c, s, TT_LK_KATA_PENGANTAR, NULL, 0);
	sig->place_date = bld_teks(c, TT_LK_TTD_TEMPAT, NULL, 0);
	sig->jabatan = doc_upper(c->d, bld_teks(c, TT_LK_TTD_JABATAN, NULL, 0));
	sig->nama = doc_strdup(c->d, bld_atau_kosong(kp->nama));
	sig->pangkat = ada(kp->pangkat) ? doc_strdup(c->d, kp->pangkat) : NULL;
	v = bld_teks(c, TT_LK_TTD_NIP, NULL, 0);
	sig->nip = ada(kp->nip) && *v ? v : NULL;
	b = doc_add_block(c->d, s, DOC_SIGNATURE);
	b->signature = sig;
	b->space_before = 24;
}

static void
bagian_ikhtisar(lkctx *L, doc_section *s)
{
	bctx *c = &L->b;
	const tahunan *th = &c->r->tahunan;
	doc_table *tb;

	bld_judul(c, s, 1, TT_LK_JUDUL_IKHTISAR, NULL, 0);
	bld_narasi(c, s, TT_LK_IKHTISAR_PENGANTAR, NULL, 0);
	if (ada(th->ringkasan)) {
		markup_blocks(c->d, s, th->ringkasan, NULL);
	} else {
		bld_narasi(c, s, TT_LK_RINGKASAN_KOSONG, NULL, 0);
		bld_warn(c, _("the year %d has no ringkasan (executive "
		    "summary): the report says so"), c->r->tahun);
	}
	bld_narasi(c, s, TT_LK_IKHTISAR_TABEL, NULL, 0);
	/* the table of BAB III under the summary's own caption */
	tb = lk_tabel_efisiensi(L);
	tb->title = doc_plain(c->d, bld_teks(c, TT_LK_TABEL_IKHTISAR_JUDUL,
	    NULL, 0), DOC_BOLD);
	bld_add_table(c, s, tb);
}

static void
bagian_daftar_isi(lkctx *L, doc_section *s)
{
	bld_judul(&L->b, s, 1, TT_LK_JUDUL_DAFTAR_ISI, NULL, 0);
	doc_add_block(L->b.d, s, DOC_TOC);
}

/* A numbered list of strings (with inline markup). */
static void
daftar(bctx *c, doc_section *s, char *const *item, size_t n, bool angka)
{
	for (size_t i = 0; i < n; i++) {
		doc_block *b = doc_add_block(c->d, s, DOC_ITEM);

		b->label = angka ? doc_printf(c->d, "%zu.", i + 1) :
		    bld_label_huruf(c, i, ".");
		b->text = markup_inline(c->d, item[i], NULL);
	}
}

static void
bagian_bab1(lkctx *L, doc_section *s)
{
	bctx *c = &L->b;
	const tahunan *th = &c->r->tahunan;

	bld_judul(c, s, 1, TT_LK_JUDUL_BAB1, NULL, 0);
	bld_narasi(c, s, TT_LK_BAB1_PENGANTAR, NULL, 0);
	bld_judul(c, s, 2, TT_LK_JUDUL_GAMBARAN_UMUM, NULL, 0);
	if (ada(th->gambaran_umum)) {
		markup_blocks(c->d, s, th->gambaran_umum, NULL);
	} else {
		bld_narasi(c, s, TT_LK_GAMBARAN_UMUM_KOSONG, NULL, 0);
		bld_warn(c, _("the year %d has no gambaran umum (the "
		    "organisation): the report says so"), c->r->tahun);
	}
	bld_judul(c, s, 2, TT_LK_JUDUL_ISU_STRATEGIS, NULL, 0);
	if (th->n_isu_strategis > 0) {
		bld_narasi(c, s, TT_LK_ISU_STRATEGIS_PENGANTAR, NULL, 0);
		daftar(c, s, th->isu_strategis, th->n_isu_strategis, true);
	} else {
		bld_narasi(c, s, TT_LK_ISU_STRATEGIS_KOSONG, NULL, 0);
		bld_warn(c, _("the year %d lists no isu strategis: the report "
		    "says so"), c->r->tahun);
	}
	bld_judul(c, s, 2, TT_LK_JUDUL_SISTEMATIKA, NULL, 0);
	bld_narasi(c, s, TT_LK_SISTEMATIKA, NULL, 0);
}

static bool
ada_target_tw(const rencana *r)
{
	for (size_t i = 0; i < r->n_sasaran; i++)
		for (size_t j = 0; j < r->sasaran[i].n_iku; j++)
			for (int q = 1; q <= TW_MAX; q++)
				if (r->sasaran[i].iku[j].ada_target_tw[q])
					return true;
	return false;
}

static void
bagian_bab2(lkctx *L, doc_section *s)
{
	bctx *c = &L->b;
	const rencana *r = c->r;

	bld_judul(c, s, 1, TT_LK_JUDUL_BAB2, NULL, 0);
	bld_narasi(c, s, TT_LK_BAB2_PENGANTAR, NULL, 0);
	bld_judul(c, s, 2, TT_LK_JUDUL_RENSTRA, NULL, 0);
	if (r->renstra.ada) {
		tmpl_nilai v[] = { { "nama", bld_atau_kosong(r->renstra.nama) },
			{ "awal", doc_printf(c->d, "%d", r->renstra.awal) },
			{ "akhir", doc_printf(c->d, "%d", r->renstra.akhir) } };

		bld_narasi(c, s, TT_LK_RENSTRA_PENGANTAR, v, 3);
		bld_add_table(c, s, lk_tabel_renstra(L));
	} else {
		bld_narasi(c, s, TT_LK_RENSTRA_KOSONG, NULL, 0);
		bld_warn(c, _("the year %d belongs to no Renstra: the report "
		    "says so"), r->tahun);
	}
	bld_judul(c, s, 2, TT_LK_JUDUL_PK, NULL, 0);
	bld_narasi(c, s, TT_LK_PK_PENGANTAR, NULL, 0);
	bld_add_table(c, s, lk_tabel_perjanjian(L, false));
	bld_add_table(c, s, lk_tabel_pagu(L));
}

static doc_formula *
rumus(bctx *c, enum tmpl_teks_id lhs, enum tmpl_teks_id num,
      enum tmpl_teks_id den)
{
	doc_formula *f = arena_alloc(&c->d->mem, sizeof *f);

	f->lhs = doc_plain(c->d, bld_teks(c, lhs, NULL, 0), 0);
	f->numerator = doc_plain(c->d, bld_teks(c, num, NULL, 0), 0);
	f->denominator = doc_plain(c->d, bld_teks(c, den, NULL, 0), 0);
	f->factor = doc_plain(c->d, bld_teks(c, TT_LK_RUMUS_FAKTOR, NULL, 0), 0);
	return f;
}

/* An index IKU's bands: "IDI: baik (> 80), sedang (≥ 60), buruk". */
static void
skala_kategori(lkctx *L, doc_section *s)
{
	bctx *c = &L->b;
	size_t n = 0;

	for (size_t j = 0; j < L->h->n_iku; j++) {
		const iku *k = L->h->iku[j].iku;
		const char *t;
		doc_block *b;

		if (k->n_kategori == 0)
			continue;
		if (n++ == 0)
			bld_narasi(c, s, TT_LK_KATEGORI_PENGANTAR, NULL, 0);
		t = doc_printf(c->d, "%s:", k->uraian);
		for (size_t x = 0; x < k->n_kategori; x++) {
			const kategori_band *kb = &k->kategori[x];
			char buf[DEC_BUFSZ];

			dec_format_nilai(kb->batas, buf);
			t = doc_printf(c->d, "%s%s %s%s%s%s", t, x > 0 ? "," : "",
			    kb->label, kb->syarat == KATEGORI_SISA ? "" : " (",
			    kb->syarat == KATEGORI_LEBIH_DARI ? "> " :
			    kb->syarat == KATEGORI_MINIMAL ? "\xE2\x89\xA5 " : "",
			    kb->syarat == KATEGORI_SISA ? "" :
			    doc_printf(c->d, "%s)", buf));
		}
		b = doc_add_block(c->d, s, DOC_ITEM);
		b->label = "-";
		b->text = doc_plain(c->d, t, 0);
	}
}

static void
paragraf_iku(lkctx *L, doc_section *s, const tahunan_iku *row)
{
	bctx *c = &L->b;
	const iku *ik = row->iku;
	const char *target = bld_nilai_satuan(c, row->target, ik->satuan);

	if (!row->ada_realisasi) {
		tmpl_nilai v[] = { { "kode", ik->kode }, { "iku", ik->uraian },
			{ "target", target } };
		const char *ket = ik->keterangan[TW_MAX];

		bld_narasi(c, s, TT_LK_IKU_BELUM, v, 3);
		if (ada(ket)) {
			tmpl_nilai kv[] = { { "kode", ik->kode },
				{ "keterangan", ket } };

			doc_add_para(c->d, s, bld_teks(c, TT_LK_KETERANGAN, kv,
			    2), DOC_ITALIC, DOC_JUSTIFY);
		}
	} else if (row->capaian.status != CAPAIAN_ADA) {
		tmpl_nilai v[] = { { "kode", ik->kode }, { "iku", ik->uraian },
			{ "target", target }, { "realisasi",
			bld_nilai_satuan(c, row->realisasi, ik->satuan) } };

		bld_narasi(c, s, TT_LK_IKU_TAK_TERDEFINISI, v, 4);
	} else {
		tmpl_nilai v[] = { { "kode", ik->kode }, { "iku", ik->uraian },
			{ "target", target }, { "realisasi",
			bld_nilai_satuan(c, row->realisasi, ik->satuan) },
			{ "capaian", bld_capaian_teks(c, &row->capaian, true) },
			{ "predikat", lk_predikat(row) } };

		bld_narasi(c, s, TT_LK_IKU_CAPAIAN, v, 6);
	}
}

static void
tabel_atau(lkctx *L, doc_section *s, doc_table *tb, enum tmpl_teks_id kosong)
{
	if (tb != NULL)
		bld_add_table(&L->b, s, tb);
	else
		bld_narasi(&L->b, s, kosong, NULL, 0);
}

static void
analisis_sasaran(lkctx *L, doc_section *s, size_t i)
{
	bctx *c = &L->b;
	const sasaran *ss = &c->r->sasaran[i];
	const tahunan_sasaran *ts = &L->h->sasaran[i];
	const tahunan_iku *rows = lk_rows(L, i);
	char urut[TMPL_KATA_MAX];
	tmpl_nilai v[] = { { "nomor", doc_printf(c->d, "%zu", i + 1) },
		{ "urutan", tmpl_urutan(i + 1, urut) },
		{ "kode", ss->kode }, { "uraian", ss->uraian } };
	doc_block *h;

	if ((h = bld_judul(c, s, 3, TT_LK_SASARAN_JUDUL, v, 4)) != NULL)
		h->align = DOC_LEFT;
	if (ss->n_iku == 0) {
		tmpl_nilai kv[] = { { "kode", ss->kode } };

		bld_narasi(c, s, TT_LK_SASARAN_TANPA_IKU, kv, 1);
	} else if (ts->capaian.status == CAPAIAN_ADA) {
		tmpl_nilai kv[] = { { "kode", ss->kode }, { "uraian", ss->uraian },
			{ "capaian", bld_capaian_teks(c, &ts->capaian, true) },
			{ "jumlah", doc_printf(c->d, "%zu", ss->n_iku) } };

		bld_narasi(c, s, TT_LK_SASARAN_CAPAIAN, kv, 4);
	} else {
		tmpl_nilai kv[] = { { "kode", ss->kode },
			{ "uraian", ss->uraian } };

		bld_narasi(c, s, TT_LK_SASARAN_BELUM, kv, 2);
	}
	/* The comparison tables say what each IKU reached; a sentence
	 * explains only what they print as empty or "-". */
	for (size_t j = 0; j < ss->n_iku; j++)
		if (rows[j].capaian.status != CAPAIAN_ADA)
			paragraf_iku(L, s, &rows[j]);
	if (ss->n_iku > 0) {
		bld_add_table(c, s, lk_tabel_target(L, i));
		tabel_atau(L, s, lk_tabel_tahun(L, i), TT_LK_TAHUN_KOSONG);
		tabel_atau(L, s, lk_tabel_renstra_sasaran(L, i),
		    TT_LK_RENSTRA_SASARAN_KOSONG);
		tabel_atau(L, s, lk_tabel_standar(L, i), TT_LK_STANDAR_KOSONG);
		doc_block *b = NULL;

		/* the charts two by two */
		for (size_t j = 0; j < ss->n_iku; j++) {
			doc_trend *t = lk_grafik(L, &rows[j]);

			if (t == NULL)
				continue;
			if (b != NULL && b->trend2 == NULL) {
				b->trend2 = t;
				continue;
			}
			b = doc_add_block(c->d, s, DOC_TREND);
			b->trend = t;
		}
	}
	if ((h = bld_baris(c, s, TT_LK_JUDUL_NARASI, DOC_BOLD, DOC_LEFT,
	    false)) != NULL)
		h->keep_with_next = true;
	if (ada(ss->narasi_tahunan)) {
		markup_blocks(c->d, s, ss->narasi_tahunan, NULL);
	} else {
		tmpl_nilai kv[] = { { "kode", ss->kode } };

		bld_narasi(c, s, TT_LK_NARASI_KOSONG, kv, 1);
		bld_warn(c, _("the year %d has no analysis (tahunan.narasi) for "
		    "%s: the report says so"), c->r->tahun, ss->kode);
	}
	for (size_t x = 0; x < ss->n_tabel_tahunan; x++)
		bld_add_table(c, s, bld_tabel_pendukung(c,
		    &ss->tabel_tahunan[x]));
}

static void
bagian_bab3(lkctx *L, doc_section *s)
{
	bctx *c = &L->b;
	bool negatif = false;
	doc_block *b;

	for (size_t j = 0; j < L->h->n_iku; j++)
		if (L->h->iku[j].iku->polaritas == POLARITAS_NEGATIF)
			negatif = true;
	bld_judul(c, s, 1, TT_LK_JUDUL_BAB3, NULL, 0);
	bld_narasi(c, s, TT_LK_BAB3_PENGANTAR, NULL, 0);
	bld_judul(c, s, 2, TT_LK_JUDUL_CAPAIAN, NULL, 0);
	bld_narasi(c, s, TT_LK_RUMUS_PENGANTAR, NULL, 0);
	b = doc_add_block(c->d, s, DOC_FORMULA);
	b->formula = rumus(c, TT_LK_RUMUS_CAPAIAN, TT_LK_RUMUS_REALISASI,
	    TT_LK_RUMUS_RENCANA);
	if (negatif) {
		bld_narasi(c, s, TT_LK_RUMUS_NEGATIF_PENGANTAR, NULL, 0);
		b = doc_add_block(c->d, s, DOC_FORMULA);
		b->formula = rumus(c, TT_LK_RUMUS_CAPAIAN,
		    TT_LK_RUMUS_NEGATIF_PEMBILANG, TT_LK_RUMUS_RENCANA);
	}
	bld_narasi(c, s, TT_LK_PREDIKAT_PENGANTAR, NULL, 0);
	bld_skala_predikat(&L->b, s, L->pt, TT_LK_PREDIKAT_BATAS_AWAL,
	    TT_LK_PREDIKAT_BATAS, TT_LK_PREDIKAT_BATAS_AKHIR);
	skala_kategori(L, s);
	bld_narasi(c, s, TT_LK_CAPAIAN_PENGANTAR, NULL, 0);
	bld_add_table(c, s, lk_tabel_capaian(L));
	bld_judul(c, s, 2, TT_LK_JUDUL_ANALISIS, NULL, 0);
	bld_narasi(c, s, TT_LK_ANALISIS_PENGANTAR, NULL, 0);
	for (size_t i = 0; i < c->r->n_sasaran; i++)
		analisis_sasaran(L, s, i);
	bld_judul(c, s, 2, TT_LK_JUDUL_EFISIENSI, NULL, 0);
	bld_narasi(c, s, TT_LK_EFISIENSI_PENGANTAR, NULL, 0);
	b = doc_add_block(c->d, s, DOC_FORMULA);
	b->formula = rumus(c, TT_LK_RUMUS_EFISIENSI,
	    TT_LK_RUMUS_EFISIENSI_PEMBILANG, TT_LK_RUMUS_EFISIENSI_PENYEBUT);
	bld_add_table(c, s, lk_tabel_efisiensi(L));
	bld_judul(c, s, 2, TT_LK_JUDUL_ANGGARAN, NULL, 0);
	bld_narasi(c, s, TT_LK_ANGGARAN_PENGANTAR, NULL, 0);
	bld_add_table(c, s, lk_tabel_anggaran(L));
}

static void
bagian_bab4(lkctx *L, doc_section *s)
{
	bctx *c = &L->b;
	const tahunan *th = &c->r->tahunan;

	bld_judul(c, s, 1, TT_LK_JUDUL_BAB4, NULL, 0);
	bld_narasi(c, s, TT_LK_BAB4_PENGANTAR, NULL, 0);
	bld_judul(c, s, 2, TT_LK_JUDUL_KESIMPULAN, NULL, 0);
	if (ada(th->kesimpulan)) {
		markup_blocks(c->d, s, th->kesimpulan, NULL);
	} else {
		bld_narasi(c, s, TT_LK_KESIMPULAN_KOSONG, NULL, 0);
		bld_warn(c, _("the year %d has no kesimpulan: the report says "
		    "so"), c->r->tahun);
	}
	bld_judul(c, s, 2, TT_LK_JUDUL_PERMASALAHAN, NULL, 0);
	if (th->n_permasalahan > 0)
		daftar(c, s, th->permasalahan, th->n_permasalahan, false);
	else
		bld_narasi(c, s, TT_LK_PERMASALAHAN_KOSONG, NULL, 0);
	bld_judul(c, s, 2, TT_LK_JUDUL_TINDAK_LANJUT, NULL, 0);
	if (th->n_tindak_lanjut > 0)
		daftar(c, s, th->tindak_lanjut, th->n_tindak_lanjut, false);
	else
		bld_narasi(c, s, TT_LK_TINDAK_LANJUT_KOSONG, NULL, 0);
	bld_narasi(c, s, TT_LK_PENUTUP, NULL, 0);
}

static void
bagian_lampiran(lkctx *L, doc_section *s)
{
	bctx *c = &L->b;
	doc_block *b;

	s->landscape = c->t->lampiran_landscape;
	bld_judul(c, s, 1, TT_LK_JUDUL_LAMPIRAN, NULL, 0);
	if ((b = bld_judul(c, s, 2, TT_LK_LAMPIRAN_PK_JUDUL, NULL, 0)) != NULL)
		b->align = DOC_CENTER;
	if (!c->r->perjanjian.ada)
		bld_narasi(c, s, TT_LK_LAMPIRAN_PK_KOSONG, NULL, 0);
	bld_add_table(c, s, lk_tabel_perjanjian(L, ada_target_tw(c->r)));
	bld_add_table(c, s, lk_tabel_pagu(L));
}

/* ---- setup ---- */

static void
isi_umum(lkctx *L)
{
	bctx *c = &L->b;
	const rencana *r = c->r;
	const instansi *in = &r->instansi;
	const tahunan *th = &r->tahunan;
	char nip[NIP_FMT_LEN + 1];
	const char *v[TP_N];

	v[TP_INSTANSI] = bld_atau_kosong(in->nama);
	v[TP_INSTANSI_KAPITAL] = doc_upper(c->d, bld_atau_kosong(in->nama));
	v[TP_PEMERINTAH] = bld_atau_kosong(in->pemerintah);
	v[TP_PEMERINTAH_KAPITAL] = doc_upper(c->d,
	    bld_atau_kosong(in->pemerintah));
	v[TP_KOTA] = bld_atau_kosong(in->kota);
	v[TP_TAHUN] = doc_printf(c->d, "%d", r->tahun);
	v[TP_TRIWULAN] = "";
	v[TP_TRIWULAN_ANGKA] = "";
	/* The date is the user's decision: never today, never guessed. */
	if (th->ada && tanggal_sah(th->tahun, th->bulan, th->hari)) {
		v[TP_TANGGAL] = doc_printf(c->d, "%d %s %d", th->hari,
		    tmpl_bulan(th->bulan), th->tahun);
		v[TP_BULAN_TAHUN] = doc_printf(c->d, "%s %d",
		    tmpl_bulan(th->bulan), th->tahun);
	} else {
		v[TP_TANGGAL] = REPORT_TANGGAL_BELUM;
		v[TP_BULAN_TAHUN] = REPORT_TANGGAL_BELUM;
		bld_warn(c, _("the year %d has no annual report (tahunan) with "
		    "its date: the document says so where the date goes"),
		    r->tahun);
	}
	v[TP_KEPALA_NAMA] = bld_atau_kosong(in->kepala.nama);
	v[TP_KEPALA_JABATAN] = bld_atau_kosong(in->kepala.jabatan);
	v[TP_KEPALA_PANGKAT] = bld_atau_kosong(in->kepala.pangkat);
	if (nip_sah(in->kepala.nip)) {
		v[TP_KEPALA_NIP] = doc_strdup(c->d, nip_format(in->kepala.nip,
		    nip));
	} else {
		v[TP_KEPALA_NIP] = bld_atau_kosong(in->kepala.nip);
		if (ada(in->kepala.nip))
			bld_warn(c, _("the NIP of %s is not 18 digits: printed "
			    "as given"), bld_atau_kosong(in->kepala.nama));
	}
	v[TP_JUMLAH_SASARAN] = doc_printf(c->d, "%zu", r->n_sasaran);
	v[TP_JUMLAH_IKU] = doc_printf(c->d, "%zu", L->h->n_iku);
	v[TP_JUMLAH_PROGRAM] = doc_printf(c->d, "%zu", r->n_program);
	for (int i = 0; i < TP_N; i++) {
		c->umum[i].nama = tmpl_umum_nama((enum tmpl_umum_id)i);
		c->umum[i].nilai = v[i];
	}
}

/* The template's texts, then the year's overrides (tahunan.teks). */
static void
teks_berlaku(bctx *c)
{
	const tahunan *th = &c->r->tahunan;

	for (int i = 0; i < TT_N; i++)
		c->teks[i] = c->t->teks[i] != NULL ? c->t->teks[i] : "";
	for (size_t i = 0; i < th->n_teks; i++) {
		const teks_ganti *g = &th->teks[i];
		int id = tmpl_teks_cari(g->nama);
		const char *text = g->teks != NULL ? g->teks : "";
		size_t off, len;
		const char *why;

		if (id < 0 || tmpl_teks_dokumen((enum tmpl_teks_id)id) !=
		    TD_LKJIP) {
			bld_warn(c, _("tahunan: the text override \"%s\" names no "
			    "text of the annual report's template (ignored)"),
			    bld_atau_kosong(g->nama));
			continue;
		}
		c->teks[id] = text;
		c->mentah[id] = false;
		if (tmpl_periksa((enum tmpl_teks_id)id, text, &off, &len, &why)
		    != 0) {
			bld_warn(c, _("tahunan: text override \"%s\": %s %.*s "
			    "(printed as written)"), g->nama, _(why), (int)len,
			    text + off);
			c->mentah[id] = true;
		}
	}
}

static void
peringatan(lkctx *L)
{
	bctx *c = &L->b;
	const rencana *r = c->r;

	if (!r->perjanjian.ada)
		bld_warn(c, _("the year %d has no perjanjian: the lampiran says "
		    "so"), r->tahun);
	for (size_t j = 0; j < L->h->n_iku; j++) {
		const tahunan_iku *row = &L->h->iku[j];

		if (!row->ada_realisasi && !ada(row->iku->keterangan[TW_MAX]))
			bld_warn(c, _("%s: no realisation of the year, and no "
			    "note says why"), row->iku->kode);
	}
	for (size_t j = 0; j < L->h->n_program; j++)
		if (!L->h->program[j].ada_realisasi)
			bld_warn(c, _("%s: no budget realisation of the year"),
			    L->h->program[j].program->kode);
}

int
build_lkjip(const rencana *r, const tahunan_hasil *h,
	    const predikat_tabel *pt, const tmpl *t, doc **out,
	    const char ***warnp, lk_err *e)
{
	static const enum doc_numbering nomor[TB_N] = {
		[TB_LK_SAMPUL] = DOC_NUM_NONE,
		[TB_LK_KATA_PENGANTAR] = DOC_NUM_ROMAN,
		[TB_LK_IKHTISAR] = DOC_NUM_ROMAN,
		[TB_LK_DAFTAR_ISI] = DOC_NUM_ROMAN,
		[TB_LK_BAB1] = DOC_NUM_ARABIC,
		[TB_LK_BAB2] = DOC_NUM_ARABIC,
		[TB_LK_BAB3] = DOC_NUM_ARABIC,
		[TB_LK_BAB4] = DOC_NUM_ARABIC,
		[TB_LK_LAMPIRAN] = DOC_NUM_ARABIC,
	};
	static void (*const isi[TB_N])(lkctx *, doc_section *) = {
		[TB_LK_SAMPUL] = bagian_sampul,
		[TB_LK_KATA_PENGANTAR] = bagian_kata_pengantar,
		[TB_LK_IKHTISAR] = bagian_ikhtisar,
		[TB_LK_DAFTAR_ISI] = bagian_daftar_isi,
		[TB_LK_BAB1] = bagian_bab1,
		[TB_LK_BAB2] = bagian_bab2,
		[TB_LK_BAB3] = bagian_bab3,
		[TB_LK_BAB4] = bagian_bab4,
		[TB_LK_LAMPIRAN] = bagian_lampiran,
	};
	enum doc_numbering prev = DOC_NUM_NONE;
	lkctx L;

	if (r == NULL || h == NULL || pt == NULL || t == NULL || out == NULL)
		lk_fatal("build_lkjip: NULL argument");
	if (t->jenis != TD_LKJIP)
		return lk_fail(e, EX_DATAERR, _("%s is a template of a %s, not "
		    "of an lkjip (its key jenis)"), t->file,
		    tmpl_dokumen_nama(t->jenis));
	if (h->n_sasaran != r->n_sasaran)
		lk_fatal("build_lkjip: figures of another plan");
	memset(&L, 0, sizeof L);
	L.b.r = r;
	L.b.t = t;
	L.b.d = doc_new();
	L.b.warn = arena_grow(&L.b.d->mem, NULL, sizeof *L.b.warn,
	    &L.b.cap_warn, 1);
	L.b.warn[0] = NULL;
	L.h = h;
	L.pt = predikat_pilih(&r->instansi.predikat, pt);
	L.first = arena_alloc(&L.b.d->mem, (r->n_sasaran ? r->n_sasaran : 1) *
	    sizeof *L.first);
	for (size_t i = 0, n = 0; i < r->n_sasaran; i++) {
		L.first[i] = n;
		n += r->sasaran[i].n_iku;
	}

	peringatan(&L);
	isi_umum(&L);
	teks_berlaku(&L.b);
	bld_halaman(&L.b);
	bld_info_teks(&L.b, TT_LK_INFO_JUDUL, TT_LK_INFO_SUBJEK,
	    TT_LK_INFO_KATA_KUNCI);
	for (size_t i = 0; i < t->n_urutan; i++) {
		enum tmpl_bagian b = t->urutan[i];
		doc_section *s = doc_add_section(L.b.d, tmpl_bagian_nama(b));

		if (isi[b] == NULL)
			lk_fatal("build_lkjip: part of another kind");
		s->numbering = nomor[b];
		s->restart_numbering = nomor[b] != DOC_NUM_NONE &&
		    nomor[b] != prev;
		s->new_page = true;
		isi[b](&L, s);
		prev = s->numbering;
	}
	*out = L.b.d;
	if (warnp != NULL)
		*warnp = L.b.warn;
	return 0;
}
