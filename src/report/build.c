/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* build.c - the quarterly LAKIP as a doc (see build.h): its chapters.
 *
 * Owns: the order of the parts and their numbering, the cover, kata
 * pengantar, daftar isi, BAB I (formula, predikat scale, analysis per
 * sasaran), BAB II and BAB III, the common placeholders' values, the
 * texts in force (template or the quarter's overrides) and the warnings.
 * build_text.c fills texts and formats figures; build_tables.c makes the
 * tables, charts and the lampiran.
 *
 * Every figure comes from the kinerja rows; nothing is recomputed here.
 * Every translatable message of the builder is in this file.
 */
#include "config.h"
#include "report/build.h"
#include "report/build_int.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dec.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "report/markup.h"

#define LOGO_WIDTH 113.0                                   /* 4 cm */

void
bld_warn(bctx *c, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	c->warn = arena_grow(&c->d->mem, c->warn, sizeof *c->warn, &c->cap_warn,
	    c->n_warn + 2);
	c->warn[c->n_warn++] = doc_strdup(c->d, msg);
	c->warn[c->n_warn] = NULL;
}

/* ---- texts ---- */
/* ---- figures ---- */

/* ---- tables ---- */

void
bld_warn_fill(bctx *c, enum tmpl_teks_id id, const char *bad)
{
	bld_warn(c, _("text %s: cannot fill %s (printed as written)"),
	    tmpl_teks_nama(id), bad ? bad : "?");
}

/* ---- parts ---- */

static void
bagian_sampul(bctx *c, doc_section *s)
{
	double h = c->d->page.heading_size;
	doc_block *b;

	s->numbering = DOC_NUM_NONE;
	s->vertical_center = true;
	if ((b = bld_baris(c, s, TT_SAMPUL_PEMERINTAH, DOC_BOLD, DOC_CENTER, true)))
		b->size = h;
	b = doc_add_block(c->d, s, DOC_SPACE);
	b->points = 24;
	if ((b = bld_baris(c, s, TT_SAMPUL_JUDUL, DOC_BOLD, DOC_CENTER, true)))
		b->size = h + 4;
	if ((b = bld_baris(c, s, TT_SAMPUL_INSTANSI, DOC_BOLD, DOC_CENTER, true)))
		b->size = h;
	if ((b = bld_baris(c, s, TT_SAMPUL_TAHUN, DOC_BOLD, DOC_CENTER, true)))
		b->size = h;
	if ((b = bld_baris(c, s, TT_SAMPUL_TRIWULAN, DOC_BOLD, DOC_CENTER, true)))
		b->size = h;
	if (c->versi > 1) {
		/* A signed version after the first says what it replaces. */
		tmpl_nilai v[] = {
			{ "versi", doc_printf(c->d, "%d", c->versi) },
			{ "versi_sebelumnya", doc_printf(c->d, "%d", c->versi - 1) },
		};
		const char *t = bld_teks(c, TT_SAMPUL_VERSI, v, 2);

		if (*t != '\0') {
			b = doc_add_block(c->d, s, DOC_SPACE);
			b->points = 12;
			b = doc_add_para(c->d, s, doc_upper(c->d, t), DOC_BOLD,
			    DOC_CENTER);
			b->size = h;
		}
	}
	if (c->r->instansi.logo != NULL && *c->r->instansi.logo) {
		b = doc_add_block(c->d, s, DOC_SPACE);
		b->points = 36;
		b = doc_add_block(c->d, s, DOC_IMAGE);
		b->image = doc_strdup(c->d, c->r->instansi.logo);
		b->image_width = LOGO_WIDTH;
	}
	b = doc_add_block(c->d, s, DOC_SPACE);
	b->points = 36;
	if ((b = bld_baris(c, s, TT_SAMPUL_TEMPAT, DOC_BOLD, DOC_CENTER, true)))
		b->size = h;
}

static void
bagian_kata_pengantar(bctx *c, doc_section *s)
{
	const pejabat *kp = &c->r->instansi.kepala;
	doc_signature *sig = arena_alloc(&c->d->mem, sizeof *sig);
	doc_block *b;
	const char *v;

	bld_judul(c, s, 1, TT_JUDUL_KATA_PENGANTAR, NULL, 0);
	bld_narasi(c, s, TT_KATA_PENGANTAR, NULL, 0);
	sig->place_date = bld_teks(c, TT_TTD_TEMPAT, NULL, 0);
	sig->jabatan = doc_upper(c->d, bld_teks(c, TT_TTD_JABATAN, NULL, 0));
	sig->nama = doc_strdup(c->d, kp->nama != NULL ? kp->nama : "");
	sig->pangkat = kp->pangkat != NULL && *kp->pangkat ?
	    doc_strdup(c->d, kp->pangkat) : NULL;
	v = bld_teks(c, TT_TTD_NIP, NULL, 0);
	sig->nip = kp->nip != NULL && *kp->nip && *v ? v : NULL;
	b = doc_add_block(c->d, s, DOC_SIGNATURE);
	b->signature = sig;
	b->space_before = 24;
}

static void
bagian_daftar_isi(bctx *c, doc_section *s)
{
	bld_judul(c, s, 1, TT_JUDUL_DAFTAR_ISI, NULL, 0);
	doc_add_block(c->d, s, DOC_TOC);
}

static doc_formula *
rumus(bctx *c, enum tmpl_teks_id pembilang)
{
	doc_formula *f = arena_alloc(&c->d->mem, sizeof *f);

	f->lhs = doc_plain(c->d, bld_teks(c, TT_RUMUS_CAPAIAN, NULL, 0), 0);
	f->numerator = doc_plain(c->d, bld_teks(c, pembilang, NULL, 0), 0);
	f->denominator = doc_plain(c->d, bld_teks(c, TT_RUMUS_RENCANA, NULL, 0), 0);
	f->factor = doc_plain(c->d, bld_teks(c, TT_RUMUS_FAKTOR, NULL, 0), 0);
	return f;
}

/* The bands of pt as a list, each in the words of texts awal (the
 * first), batas (one with a lower bound) and akhir (the last). */
void
bld_skala_predikat(bctx *c, doc_section *s, const predikat_tabel *pt,
		   enum tmpl_teks_id awal, enum tmpl_teks_id batas,
		   enum tmpl_teks_id akhir)
{
	for (size_t i = 0; i < pt->n; i++) {
		const predikat_band *pb = &pt->band[i];
		doc_block *b = doc_add_block(c->d, s, DOC_ITEM);
		char lo[DEC_BUFSZ], hi[DEC_BUFSZ];
		tmpl_nilai lv[] = { { "predikat", pb->nama }, { "batas",
			pb->ada_min ? dec_format_id(pb->min, 2, 0, 2, lo) : "" },
			{ "batas_atas", i > 0 && pt->band[i - 1].ada_min ?
			dec_format_id(pt->band[i - 1].min, 2, 0, 2, hi) : "" } };
		const char *v;

		if (pt->n == 1)
			v = pb->nama;
		else if (i == 0)
			v = bld_teks(c, awal, lv, 3);
		else if (pb->ada_min)
			v = bld_teks(c, batas, lv, 3);
		else
			v = bld_teks(c, akhir, lv, 3);
		b->label = bld_label_huruf(c, i, ".");
		b->text = doc_plain(c->d, v, 0);
	}
}

static void
paragraf_iku(bctx *c, doc_section *s, const kinerja_iku *row)
{
	const iku *ik = row->iku;
	const char *target = bld_nilai_satuan(c, row->target, ik->satuan);

	if (!row->ada_realisasi) {
		tmpl_nilai v[] = { { "kode", ik->kode }, { "iku", ik->uraian },
			{ "target", target } };

		const char *ket = c->k->tw >= 1 && c->k->tw <= TW_MAX ?
		    ik->keterangan[c->k->tw] : NULL;

		bld_narasi(c, s, TT_IKU_BELUM_REALISASI, v, 3);
		/* Why, as the operator recorded it (keterangan). */
		if (ket != NULL && *ket)
			doc_add_para(c->d, s, doc_printf(c->d, "%s: %s",
			    bld_teks(c, TT_KOLOM_KETERANGAN, NULL, 0), ket),
			    DOC_ITALIC, DOC_JUSTIFY);
	} else if (row->capaian.status != CAPAIAN_ADA) {
		tmpl_nilai v[] = { { "kode", ik->kode }, { "iku", ik->uraian },
			{ "target", target }, { "realisasi",
			bld_nilai_satuan(c, row->realisasi, ik->satuan) } };

		bld_narasi(c, s, TT_IKU_TAK_TERDEFINISI, v, 4);
	} else {
		tmpl_nilai v[] = { { "kode", ik->kode }, { "iku", ik->uraian },
			{ "target", target }, { "realisasi",
			bld_nilai_satuan(c, row->realisasi, ik->satuan) },
			{ "capaian", bld_capaian_teks(c, &row->capaian, true) },
			{ "predikat", bld_predikat(row) ? bld_predikat(row) : "" } };

		bld_narasi(c, s, TT_IKU_CAPAIAN, v, 6);
	}
}

/* The analysis of sasaran i; its IKU rows are row0, nx[row0], ... up to
 * SIZE_MAX, in the kinerja's order. */
static void
analisis_sasaran(bctx *c, doc_section *s, size_t i, size_t row0,
		 const size_t *nx)
{
	const sasaran *ss = &c->r->sasaran[i];
	char urut[TMPL_KATA_MAX];
	const char *nomor = doc_printf(c->d, "%zu", i + 1);
	tmpl_nilai v[] = { { "nomor", nomor },
		{ "urutan", tmpl_urutan(i + 1, urut) },
		{ "kode", ss->kode }, { "uraian", ss->uraian } };
	doc_block *h;

	h = bld_judul(c, s, 3, TT_SASARAN_JUDUL, v, 4);
	if (h != NULL)
		h->align = DOC_LEFT;
	for (size_t j = row0; j != SIZE_MAX; j = nx[j]) {
		const kinerja_iku *row = &c->k->iku[j];

		if (row->iku == NULL) {
			tmpl_nilai kv[] = { { "kode", ss->kode } };

			bld_narasi(c, s, TT_SASARAN_TANPA_IKU, kv, 1);
		} else {
			paragraf_iku(c, s, row);
		}
	}
	if (ss->narasi[c->tw] != NULL && *ss->narasi[c->tw]) {
		markup_blocks(c->d, s, ss->narasi[c->tw], NULL);
	} else {
		tmpl_nilai kv[] = { { "kode", ss->kode } };

		bld_narasi(c, s, TT_NARASI_KOSONG, kv, 1);
		bld_warn(c, _("quarter %s has no narrative for %s"), bld_tw_nama(c),
		    ss->kode);
	}
	for (size_t x = 0; x < ss->n_tabel[c->tw]; x++)
		bld_add_table(c, s, bld_tabel_pendukung(c, &ss->tabel[c->tw][x]));
}

/* Every sasaran's analysis.  The IKU rows are linked per sasaran first:
 * looking through all rows for each sasaran would be quadratic. */
static void
analisis(bctx *c, doc_section *s)
{
	const kinerja *k = c->k;
	size_t ns = c->r->n_sasaran;
	size_t *first = malloc((ns ? ns : 1) * sizeof *first);
	size_t *nx = malloc((k->n_iku ? k->n_iku : 1) * sizeof *nx);

	if (first == NULL || nx == NULL)
		lk_fatal("out of memory (analisis)");
	for (size_t i = 0; i < ns; i++)
		first[i] = SIZE_MAX;
	for (size_t j = k->n_iku; j-- > 0; ) {
		const sasaran *ss = k->iku[j].sasaran;

		nx[j] = SIZE_MAX;
		if (ss >= c->r->sasaran && ss < c->r->sasaran + ns) {
			nx[j] = first[ss - c->r->sasaran];
			first[ss - c->r->sasaran] = j;
		}
	}
	for (size_t i = 0; i < ns; i++)
		analisis_sasaran(c, s, i, first[i], nx);
	free(first);
	free(nx);
}

static void
bagian_bab1(bctx *c, doc_section *s)
{
	bool negatif = false;
	doc_block *b;

	for (size_t j = 0; j < c->k->n_iku; j++)
		if (c->k->iku[j].iku != NULL &&
		    c->k->iku[j].iku->polaritas == POLARITAS_NEGATIF)
			negatif = true;
	bld_judul(c, s, 1, TT_JUDUL_BAB1, NULL, 0);
	bld_narasi(c, s, TT_BAB1_PENGANTAR, NULL, 0);
	bld_narasi(c, s, TT_RUMUS_PENGANTAR, NULL, 0);
	b = doc_add_block(c->d, s, DOC_FORMULA);
	b->formula = rumus(c, TT_RUMUS_REALISASI);
	if (negatif) {
		bld_narasi(c, s, TT_RUMUS_NEGATIF_PENGANTAR, NULL, 0);
		b = doc_add_block(c->d, s, DOC_FORMULA);
		b->formula = rumus(c, TT_RUMUS_NEGATIF_PEMBILANG);
	}
	bld_narasi(c, s, TT_PREDIKAT_PENGANTAR, NULL, 0);
	bld_skala_predikat(c, s, &c->t->predikat, TT_PREDIKAT_BATAS_AWAL,
	    TT_PREDIKAT_BATAS, TT_PREDIKAT_BATAS_AKHIR);

	bld_judul(c, s, 2, TT_JUDUL_CAPAIAN, NULL, 0);
	bld_narasi(c, s, TT_CAPAIAN_PENGANTAR, NULL, 0);
	bld_add_table(c, s, bld_tabel_capaian(c, false, true));

	bld_judul(c, s, 2, TT_JUDUL_ANALISIS, NULL, 0);
	bld_narasi(c, s, TT_ANALISIS_PENGANTAR, NULL, 0);
	analisis(c, s);
}

/* A lettered list of strings (with inline markup). */
static void
daftar_huruf(bctx *c, doc_section *s, char *const *item, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		doc_block *b = doc_add_block(c->d, s, DOC_ITEM);

		b->label = bld_label_huruf(c, i, ".");
		b->text = markup_inline(c->d, item[i], NULL);
	}
}

static void
bagian_bab2(bctx *c, doc_section *s)
{
	const triwulan *q = c->q;

	bld_judul(c, s, 1, TT_JUDUL_BAB2, NULL, 0);
	bld_narasi(c, s, TT_BAB2_PENGANTAR, NULL, 0);
	bld_judul(c, s, 2, TT_JUDUL_PERMASALAHAN, NULL, 0);
	if (q->n_permasalahan > 0) {
		daftar_huruf(c, s, q->permasalahan, q->n_permasalahan);
	} else {
		bld_narasi(c, s, TT_PERMASALAHAN_KOSONG, NULL, 0);
		bld_warn(c, _("quarter %s lists no permasalahan"), bld_tw_nama(c));
	}
	bld_judul(c, s, 2, TT_JUDUL_TINDAK_LANJUT, NULL, 0);
	if (q->n_tindak_lanjut > 0) {
		daftar_huruf(c, s, q->tindak_lanjut, q->n_tindak_lanjut);
	} else {
		bld_narasi(c, s, TT_TINDAK_LANJUT_KOSONG, NULL, 0);
		bld_warn(c, _("quarter %s lists no tindak lanjut"), bld_tw_nama(c));
	}
}

/* The default conclusion: how many IKU reached which predikat. */
static void
kesimpulan_bawaan(bctx *c, doc_section *s)
{
	const kinerja *k = c->k;
	const predikat_tabel *pt = &c->t->predikat;
	size_t terukur = 0, belum = 0, n_label = 0;
	const char *nama[64];
	size_t jumlah[64], n_nama = 0;

	for (size_t i = 0; i < pt->n && n_nama < 64; i++) {
		nama[n_nama] = pt->band[i].nama;
		jumlah[n_nama++] = 0;
	}
	for (size_t j = 0; j < k->n_iku; j++) {
		const kinerja_iku *row = &k->iku[j];
		size_t x;

		if (row->iku == NULL)
			continue;
		if (row->capaian.status == CAPAIAN_KOSONG)
			belum++;
		if (row->capaian.status != CAPAIAN_ADA || bld_predikat(row) == NULL)
			continue;
		terukur++;
		for (x = 0; x < n_nama; x++)
			if (strcmp(nama[x], bld_predikat(row)) == 0)
				break;
		if (x == n_nama && n_nama < 64) {
			/* A band of another table than the template's, or an
			 * index IKU's kategori. */
			nama[n_nama] = bld_predikat(row);
			jumlah[n_nama++] = 0;
		}
		if (x < n_nama)
			jumlah[x]++;
	}
	const char *st = doc_printf(c->d, "%zu", terukur);
	const char *sb = doc_printf(c->d, "%zu", belum);
	tmpl_nilai v[] = { { "iku_terukur", st }, { "iku_belum", sb } };

	if (terukur == 0) {
		bld_narasi(c, s, TT_KESIMPULAN_KOSONG, NULL, 0);
		return;
	}
	bld_narasi(c, s, TT_KESIMPULAN_BAWAAN, v, 2);
	for (size_t x = 0; x < n_nama; x++) {
		doc_block *b;

		if (jumlah[x] == 0)
			continue;
		tmpl_nilai rv[] = { { "jumlah", doc_printf(c->d, "%zu",
			jumlah[x]) }, { "predikat", nama[x] } };

		b = doc_add_block(c->d, s, DOC_ITEM);
		b->label = bld_label_huruf(c, n_label++, ".");
		b->text = doc_plain(c->d, bld_teks(c, TT_KESIMPULAN_RINCIAN, rv, 2), 0);
	}
	if (belum > 0)
		bld_narasi(c, s, TT_KESIMPULAN_BELUM, v, 2);
}

static void
bagian_bab3(bctx *c, doc_section *s)
{
	bld_judul(c, s, 1, TT_JUDUL_BAB3, NULL, 0);
	bld_narasi(c, s, TT_BAB3_PENGANTAR, NULL, 0);
	bld_judul(c, s, 2, TT_JUDUL_KESIMPULAN, NULL, 0);
	if (c->q->kesimpulan != NULL && *c->q->kesimpulan) {
		markup_blocks(c->d, s, c->q->kesimpulan, NULL);
	} else {
		kesimpulan_bawaan(c, s);
		bld_warn(c, _("quarter %s has no kesimpulan: the template's "
		    "summary of the figures is printed"), bld_tw_nama(c));
	}
	bld_narasi(c, s, TT_BAB3_PENUTUP, NULL, 0);
}

/* ---- setup ---- */

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

static void
isi_umum(bctx *c)
{
	const rencana *r = c->r;
	const instansi *in = &r->instansi;
	int y = c->q->tahun, m = c->q->bulan, dd = c->q->hari;
	char nip[NIP_FMT_LEN + 1];
	const char *v[TP_N];
	/* The date is the user's decision: never today, never guessed. */
	bool bertanggal = c->q->ada && triwulan_bertanggal(c->q);
	v[TP_INSTANSI] = bld_atau_kosong(in->nama);
	v[TP_INSTANSI_KAPITAL] = doc_upper(c->d, bld_atau_kosong(in->nama));
	v[TP_PEMERINTAH] = bld_atau_kosong(in->pemerintah);
	v[TP_PEMERINTAH_KAPITAL] = doc_upper(c->d, bld_atau_kosong(in->pemerintah));
	v[TP_KOTA] = bld_atau_kosong(in->kota);
	v[TP_TAHUN] = doc_printf(c->d, "%d", r->tahun);
	v[TP_TRIWULAN] = tw_romawi(c->tw);
	v[TP_TRIWULAN_ANGKA] = doc_printf(c->d, "%d", c->tw);
	if (bertanggal) {
		v[TP_TANGGAL] = doc_printf(c->d, "%d %s %d", dd, tmpl_bulan(m), y);
		v[TP_BULAN_TAHUN] = doc_printf(c->d, "%s %d", tmpl_bulan(m), y);
	} else {
		v[TP_TANGGAL] = REPORT_TANGGAL_BELUM;
		v[TP_BULAN_TAHUN] = REPORT_TANGGAL_BELUM;
		bld_warn(c, _("quarter %s has no report date yet: the document "
		    "says so where the date goes (set it with lakip date)"),
		    bld_tw_nama(c));
	}
	v[TP_KEPALA_NAMA] = bld_atau_kosong(in->kepala.nama);
	v[TP_KEPALA_JABATAN] = bld_atau_kosong(in->kepala.jabatan);
	v[TP_KEPALA_PANGKAT] = bld_atau_kosong(in->kepala.pangkat);
	if (nip_sah(in->kepala.nip)) {
		v[TP_KEPALA_NIP] = doc_strdup(c->d, nip_format(in->kepala.nip, nip));
	} else {
		v[TP_KEPALA_NIP] = bld_atau_kosong(in->kepala.nip);
		if (in->kepala.nip != NULL && *in->kepala.nip)
			bld_warn(c, _("the NIP of %s is not 18 digits: printed as "
			    "given"), bld_atau_kosong(in->kepala.nama));
	}
	v[TP_JUMLAH_SASARAN] = doc_printf(c->d, "%zu", r->n_sasaran);
	v[TP_JUMLAH_IKU] = doc_printf(c->d, "%zu", bld_jumlah_iku(c->k));
	v[TP_JUMLAH_PROGRAM] = doc_printf(c->d, "%zu", r->n_program);
	for (int i = 0; i < TP_N; i++) {
		c->umum[i].nama = tmpl_umum_nama((enum tmpl_umum_id)i);
		c->umum[i].nilai = v[i];
	}
}

static void
teks_berlaku(bctx *c)
{
	const triwulan *q = c->q;

	for (int i = 0; i < TT_N; i++)
		c->teks[i] = c->t->teks[i] != NULL ? c->t->teks[i] : "";
	for (size_t i = 0; i < q->n_teks; i++) {
		const teks_ganti *g = &q->teks[i];
		int id = tmpl_teks_cari(g->nama);
		size_t off, len;
		const char *why;
		const char *text = g->teks != NULL ? g->teks : "";

		if (id < 0 || tmpl_teks_dokumen((enum tmpl_teks_id)id) !=
		    TD_LAPORAN) {
			bld_warn(c, _("quarter %s: the text override \"%s\" names no "
			    "template text (ignored)"), bld_tw_nama(c),
			    bld_atau_kosong(g->nama));
			continue;
		}
		c->teks[id] = text;
		c->mentah[id] = false;
		if (tmpl_periksa((enum tmpl_teks_id)id, text, &off, &len, &why)
		    != 0) {
			bld_warn(c, _("quarter %s: text override \"%s\": %s %.*s "
			    "(printed as written)"), bld_tw_nama(c), g->nama, _(why),
			    (int)len, text + off);
			c->mentah[id] = true;
		}
	}
}

static void
peringatan_data(bctx *c)
{
	if (!c->q->ada)
		bld_warn(c, _("quarter %s has no report: the plan is printed "
		    "without realisations"), bld_tw_nama(c));
	for (size_t j = 0; j < c->k->n_iku; j++) {
		const kinerja_iku *row = &c->k->iku[j];

		if (row->iku == NULL)
			bld_warn(c, _("%s has no IKU"), row->sasaran->kode);
		else if (row->target_kosong)
			bld_warn(c, _("%s: the target is still blank (printed %s)"),
			    row->iku->kode, REPORT_BELUM_DIISI);
		else if (!row->ada_realisasi && row->iku->keterangan[c->k->tw] == NULL)
			bld_warn(c, _("%s: no realisation yet, and no note says why"),
			    row->iku->kode);
	}
	for (size_t j = 0; j < c->k->n_program; j++)
		if (c->k->program[j].program->anggaran_kosong)
			bld_warn(c, _("%s: the budget is still blank (printed %s)"),
			    c->k->program[j].program->kode, REPORT_BELUM_DIISI);
		else if (!c->k->program[j].ada_realisasi)
			bld_warn(c, _("%s: no budget realisation yet"),
			    c->k->program[j].program->kode);
}

int
build_laporan(const rencana *r, const kinerja *k, const kinerja *kw,
	      const tmpl *t, int versi, doc **out, const char ***warnp, lk_err *e)
{
	static const enum doc_numbering nomor[TB_N] = {
		[TB_SAMPUL] = DOC_NUM_NONE,
		[TB_KATA_PENGANTAR] = DOC_NUM_ROMAN,
		[TB_DAFTAR_ISI] = DOC_NUM_ROMAN,
		[TB_BAB1] = DOC_NUM_ARABIC,
		[TB_BAB2] = DOC_NUM_ARABIC,
		[TB_BAB3] = DOC_NUM_ARABIC,
		[TB_LAMPIRAN] = DOC_NUM_ARABIC,
	};
	static void (*const isi[TB_N])(bctx *, doc_section *) = {
		[TB_SAMPUL] = bagian_sampul,
		[TB_KATA_PENGANTAR] = bagian_kata_pengantar,
		[TB_DAFTAR_ISI] = bagian_daftar_isi,
		[TB_BAB1] = bagian_bab1,
		[TB_BAB2] = bagian_bab2,
		[TB_BAB3] = bagian_bab3,
		[TB_LAMPIRAN] = bld_bagian_lampiran,
	};
	enum doc_numbering prev = DOC_NUM_NONE;
	bctx c;

	if (r == NULL || k == NULL || t == NULL || out == NULL)
		lk_fatal("build_laporan: NULL argument");
	if (k->tw < 1 || k->tw > TW_MAX)
		return lk_fail(e, EX_USAGE, _("quarter %d is not 1 to 4"), k->tw);
	for (int q = 1; q <= k->tw; q++)
		if (kw == NULL || kw[q - 1].tw != q ||
		    kw[q - 1].n_iku != k->n_iku)
			lk_fatal("build_laporan: kw is not quarters 1..%d", k->tw);
	if (t->jenis != TD_LAPORAN)
		return lk_fail(e, EX_DATAERR, _("%s is a template of a %s, not "
		    "of a laporan (its key jenis)"), t->file,
		    tmpl_dokumen_nama(t->jenis));
	memset(&c, 0, sizeof c);
	c.r = r;
	c.k = k;
	c.kw = kw;
	c.t = t;
	c.tw = k->tw;
	c.versi = versi;
	c.q = &r->tw[k->tw];
	c.d = doc_new();
	/* The warnings array always exists, NULL-ended. */
	c.warn = arena_grow(&c.d->mem, NULL, sizeof *c.warn, &c.cap_warn, 1);
	c.warn[0] = NULL;

	peringatan_data(&c);
	isi_umum(&c);
	teks_berlaku(&c);
	bld_halaman(&c);
	bld_info(&c);
	for (size_t i = 0; i < t->n_urutan; i++) {
		enum tmpl_bagian b = t->urutan[i];
		doc_section *s = doc_add_section(c.d, tmpl_bagian_nama(b));

		s->numbering = nomor[b];
		s->restart_numbering = nomor[b] != DOC_NUM_NONE &&
		    nomor[b] != prev;
		s->new_page = true;
		isi[b](&c, s);
		prev = s->numbering;
	}
	*out = c.d;
	if (warnp != NULL)
		*warnp = c.warn;
	return 0;
}
