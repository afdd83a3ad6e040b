/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* build_pk.c - the performance agreement (Perjanjian Kinerja) as a doc
 * (see build.h).
 *
 * Owns: the agreement's naskah (title and year, the two parties with
 * name, jabatan and, where given, pangkat and NIP, the promise, place and
 * date, the two signature blocks side by side) and its lampiran (per
 * sasaran its IKU with the annual target and the quarterly targets where
 * the plan sets them; the programs with their anggaran and the JUMLAH),
 * with the texts of a template of kind perjanjian and the agreement's own
 * overrides (perjanjian.teks).  Figures are the plan's, printed as the
 * quarterly report prints them.
 */
#include "config.h"
#include "report/build.h"
#include "report/build_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/kinerja.h"
#include "core/nip.h"

#define LOGO_WIDTH 71.0                                    /* 2.5 cm */
#define HANG 90.0                       /* the parties' labels, points */

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

/* A NIP as printed: grouped when it is 18 digits, else as given. */
static const char *
nip_cetak(bctx *c, const char *nip)
{
	char buf[NIP_FMT_LEN + 1];

	if (nip == NULL || *nip == '\0')
		return NULL;
	if (!nip_sah(nip))
		return doc_strdup(c->d, nip);
	return doc_strdup(c->d, nip_format(nip, buf));
}

static bool
ada(const char *s)
{
	return s != NULL && *s != '\0';
}

static void
isi_umum(bctx *c)
{
	const rencana *r = c->r;
	const instansi *in = &r->instansi;
	const perjanjian *pk = &r->perjanjian;
	const char *v[TP_N];
	const char *nip = nip_cetak(c, in->kepala.nip);
	size_t n_iku = 0;

	for (size_t i = 0; i < r->n_sasaran; i++)
		n_iku += r->sasaran[i].n_iku;
	v[TP_INSTANSI] = bld_atau_kosong(in->nama);
	v[TP_INSTANSI_KAPITAL] = doc_upper(c->d, bld_atau_kosong(in->nama));
	v[TP_PEMERINTAH] = bld_atau_kosong(in->pemerintah);
	v[TP_PEMERINTAH_KAPITAL] = doc_upper(c->d, bld_atau_kosong(in->pemerintah));
	v[TP_KOTA] = bld_atau_kosong(in->kota);
	v[TP_TAHUN] = doc_printf(c->d, "%d", r->tahun);
	v[TP_TRIWULAN] = "";
	v[TP_TRIWULAN_ANGKA] = "";
	if (pk->ada && pk->bulan >= 1 && pk->bulan <= 12) {
		v[TP_TANGGAL] = doc_printf(c->d, "%d %s %d", pk->hari,
		    tmpl_bulan(pk->bulan), pk->tahun);
		v[TP_BULAN_TAHUN] = doc_printf(c->d, "%s %d",
		    tmpl_bulan(pk->bulan), pk->tahun);
	} else {
		/* No date yet: the month the agreement is signed in, the
		 * day left for the pen. */
		v[TP_TANGGAL] = doc_printf(c->d, "      %s %d", tmpl_bulan(1),
		    r->tahun);
		v[TP_BULAN_TAHUN] = doc_printf(c->d, "%s %d", tmpl_bulan(1),
		    r->tahun);
	}
	v[TP_KEPALA_NAMA] = bld_atau_kosong(in->kepala.nama);
	v[TP_KEPALA_JABATAN] = bld_atau_kosong(in->kepala.jabatan);
	v[TP_KEPALA_PANGKAT] = bld_atau_kosong(in->kepala.pangkat);
	v[TP_KEPALA_NIP] = bld_atau_kosong(nip);
	v[TP_JUMLAH_SASARAN] = doc_printf(c->d, "%zu", r->n_sasaran);
	v[TP_JUMLAH_IKU] = doc_printf(c->d, "%zu", n_iku);
	v[TP_JUMLAH_PROGRAM] = doc_printf(c->d, "%zu", r->n_program);
	for (int i = 0; i < TP_N; i++) {
		c->umum[i].nama = tmpl_umum_nama((enum tmpl_umum_id)i);
		c->umum[i].nilai = v[i];
	}
}

/* The template's texts, then the agreement's overrides. */
static void
teks_berlaku(bctx *c)
{
	const perjanjian *pk = &c->r->perjanjian;

	for (int i = 0; i < TT_N; i++)
		c->teks[i] = c->t->teks[i] != NULL ? c->t->teks[i] : "";
	for (size_t i = 0; i < pk->n_teks; i++) {
		const teks_ganti *g = &pk->teks[i];
		int id = tmpl_teks_cari(g->nama);
		const char *text = g->teks != NULL ? g->teks : "";
		size_t off, len;
		const char *why;

		if (id < 0 || tmpl_teks_dokumen((enum tmpl_teks_id)id) !=
		    TD_PERJANJIAN) {
			bld_warn(c, _("perjanjian: the text override \"%s\" names "
			    "no text of the agreement's template (ignored)"),
			    bld_atau_kosong(g->nama));
			continue;
		}
		c->teks[id] = text;
		c->mentah[id] = false;
		if (tmpl_periksa((enum tmpl_teks_id)id, text, &off, &len, &why)
		    != 0) {
			bld_warn(c, _("perjanjian: text override \"%s\": %s %.*s "
			    "(printed as written)"), g->nama, _(why), (int)len,
			    text + off);
			c->mentah[id] = true;
		}
	}
}

static void
peringatan(bctx *c)
{
	const rencana *r = c->r;
	const perjanjian *pk = &r->perjanjian;

	if (!pk->ada)
		bld_warn(c, _("the year %d has no perjanjian: its date and pihak "
		    "kedua are printed empty"), r->tahun);
	else if (!ada(pk->pihak_kedua.nama))
		bld_warn(c, _("perjanjian: pihak kedua has no name"));
	if (!ada(r->instansi.kepala.nama))
		bld_warn(c, _("the head of the agency (pihak pertama) has no "
		    "name"));
	if (ada(r->instansi.kepala.nip) && !nip_sah(r->instansi.kepala.nip))
		bld_warn(c, _("the NIP of %s is not 18 digits: printed as given"),
		    bld_atau_kosong(r->instansi.kepala.nama));
	if (pk->ada && ada(pk->pihak_kedua.nip) && !nip_sah(pk->pihak_kedua.nip))
		bld_warn(c, _("the NIP of %s is not 18 digits: printed as given"),
		    bld_atau_kosong(pk->pihak_kedua.nama));
	if (r->n_sasaran == 0)
		bld_warn(c, _("the plan has no sasaran: the lampiran's table is "
		    "empty"));
}

/* "Nama    : Dr. Ir. X": one line of a party, nothing when v is empty. */
static void
baris_pihak(bctx *c, doc_section *s, enum tmpl_teks_id label, const char *v,
	    unsigned style)
{
	doc_block *b;

	if (!ada(v))
		return;
	b = doc_add_block(c->d, s, DOC_ITEM);
	b->label = bld_teks(c, label, NULL, 0);
	b->hang = HANG;
	b->indent = 0;
	b->align = DOC_LEFT;
	doc_text_add(c->d, &b->text, ": ", 0);
	doc_text_add(c->d, &b->text, v, style | DOC_NAME);
}

static void
pihak(bctx *c, doc_section *s, const pejabat *p, enum tmpl_teks_id sebutan)
{
	baris_pihak(c, s, TT_PK_NAMA, p->nama, DOC_BOLD);
	baris_pihak(c, s, TT_PK_JABATAN, p->jabatan, 0);
	baris_pihak(c, s, TT_PK_PANGKAT, p->pangkat, 0);
	baris_pihak(c, s, TT_PK_NIP, nip_cetak(c, p->nip), 0);
	bld_narasi(c, s, sebutan, NULL, 0);
}

static doc_signature *
tanda_tangan(bctx *c, const pejabat *p, enum tmpl_teks_id pihak_ke,
	     const char *tempat)
{
	doc_signature *sig = arena_alloc(&c->d->mem, sizeof *sig);
	const char *nip = nip_cetak(c, p->nip);
	const char *j = bld_teks(c, pihak_ke, NULL, 0);

	memset(sig, 0, sizeof *sig);
	sig->place_date = tempat;
	sig->jabatan = doc_upper(c->d, ada(p->jabatan) ?
	    doc_printf(c->d, "%s\n%s", j, p->jabatan) : j);
	sig->nama = doc_strdup(c->d, bld_atau_kosong(p->nama));
	sig->pangkat = ada(p->pangkat) ? doc_strdup(c->d, p->pangkat) : NULL;
	if (nip != NULL) {
		tmpl_nilai v[] = { { "nip", nip } };
		const char *t = bld_teks(c, TT_PK_TTD_NIP, v, 1);

		sig->nip = *t ? t : NULL;
	}
	return sig;
}

/* Both signatures level: pihak kedua left, pihak pertama right (the
 * first signature of the doc, where a signed copy's QR code goes). */
static void
dua_tanda_tangan(bctx *c, doc_section *s, bool tempat)
{
	const rencana *r = c->r;
	doc_signature *pertama = tanda_tangan(c, &r->instansi.kepala,
	    TT_PK_TTD_PERTAMA, tempat ? bld_teks(c, TT_PK_TEMPAT, NULL, 0) : "");
	doc_block *b;

	pertama->kiri = tanda_tangan(c, &r->perjanjian.pihak_kedua,
	    TT_PK_TTD_KEDUA, "");
	b = doc_add_block(c->d, s, DOC_SIGNATURE);
	b->signature = pertama;
	b->space_before = 18;
}

static void
bagian_naskah(bctx *c, doc_section *s)
{
	const rencana *r = c->r;
	doc_block *b;

	s->numbering = DOC_NUM_NONE;
	if (ada(r->instansi.logo)) {
		b = doc_add_block(c->d, s, DOC_IMAGE);
		b->image = doc_strdup(c->d, r->instansi.logo);
		b->image_width = LOGO_WIDTH;
		b = doc_add_block(c->d, s, DOC_SPACE);
		b->points = 12;
	}
	if ((b = bld_judul(c, s, 1, TT_PK_JUDUL, NULL, 0)) != NULL) {
		b->align = DOC_CENTER;
		b->space_after = 2;
	}
	if ((b = bld_baris(c, s, TT_PK_INSTANSI, DOC_BOLD, DOC_CENTER, true)))
		b->space_after = 18;
	bld_narasi(c, s, TT_PK_PEMBUKA, NULL, 0);
	pihak(c, s, &r->instansi.kepala, TT_PK_PIHAK_PERTAMA);
	pihak(c, s, &r->perjanjian.pihak_kedua, TT_PK_PIHAK_KEDUA);
	bld_narasi(c, s, TT_PK_JANJI, NULL, 0);
	dua_tanda_tangan(c, s, true);
}

static void
kepala(bctx *c, doc_table *tb, const char *const *kolom, size_t n)
{
	doc_row *h = doc_table_add_row(c->d, tb, true);

	h->bold = true;
	for (size_t i = 0; i < n; i++)
		doc_row_add_cell(c->d, h, kolom[i], DOC_CENTER)->shade = true;
	h = doc_table_add_row(c->d, tb, true);
	for (size_t i = 0; i < n; i++)
		doc_row_add_cell(c->d, h, doc_printf(c->d, "%zu", i + 1),
		    DOC_CENTER)->shade = true;
}

/* Does any IKU of the plan set a quarterly target? */
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

static doc_table *
tabel_kinerja(bctx *c)
{
	static const double lebar_tw[] = { 5, 20, 25, 10, 10, 10, 10, 10 };
	static const double lebar[] = { 6, 34, 40, 20 };
	const rencana *r = c->r;
	bool tw = ada_target_tw(r);
	size_t n_col = tw ? 8 : 4;
	doc_table *tb = doc_table_new(c->d, n_col, tw ? lebar_tw : lebar);
	const char *kolom[8];

	kolom[0] = bld_teks(c, TT_PK_KOLOM_NO, NULL, 0);
	kolom[1] = bld_teks(c, TT_PK_KOLOM_SASARAN, NULL, 0);
	kolom[2] = bld_teks(c, TT_PK_KOLOM_IKU, NULL, 0);
	kolom[3] = bld_teks(c, TT_PK_KOLOM_TARGET, NULL, 0);
	for (int q = 1; tw && q <= TW_MAX; q++) {
		tmpl_nilai v[] = { { "tw", tw_romawi(q) } };

		kolom[3 + q] = bld_teks(c, TT_PK_KOLOM_TARGET_TW, v, 1);
	}
	kepala(c, tb, kolom, n_col);
	for (size_t i = 0; i < r->n_sasaran; i++) {
		const sasaran *sa = &r->sasaran[i];
		unsigned span = sa->n_iku > 0 ? (unsigned)sa->n_iku : 1;

		for (size_t j = 0; j < span; j++) {
			doc_row *br = doc_table_add_row(c->d, tb, false);
			const iku *k = j < sa->n_iku ? &sa->iku[j] : NULL;

			if (j == 0) {
				doc_row_add_cell(c->d, br, doc_printf(c->d, "%zu",
				    i + 1), DOC_CENTER)->rowspan = span;
				doc_row_add_cell(c->d, br, sa->uraian,
				    DOC_LEFT)->rowspan = span;
			}
			if (k == NULL) {
				for (size_t x = 2; x < n_col; x++)
					doc_row_add_cell(c->d, br, NULL, DOC_CENTER);
				continue;
			}
			doc_row_add_cell(c->d, br, k->uraian, DOC_LEFT);
			doc_row_add_cell(c->d, br, k->target_kosong ?
			    REPORT_BELUM_DIISI : bld_nilai_satuan(c, k->target,
			    k->satuan), DOC_CENTER);
			for (int q = 1; tw && q <= TW_MAX; q++)
				doc_row_add_cell(c->d, br, k->ada_target_tw[q] ?
				    bld_nilai_satuan(c, k->target_tw[q],
				    k->satuan) : "-", DOC_CENTER);
		}
	}
	tb->title = doc_plain(c->d, bld_teks(c, TT_PK_TABEL_KINERJA_JUDUL,
	    NULL, 0), DOC_BOLD);
	return tb;
}

static doc_table *
tabel_anggaran(bctx *c)
{
	static const double lebar[] = { 6, 64, 30 };
	const rencana *r = c->r;
	doc_table *tb = doc_table_new(c->d, 3, lebar);
	const char *kolom[3];
	int64_t jumlah = 0;
	doc_row *br;
	doc_cell *cl;

	kolom[0] = bld_teks(c, TT_PK_KOLOM_NO, NULL, 0);
	kolom[1] = bld_teks(c, TT_PK_KOLOM_PROGRAM, NULL, 0);
	kolom[2] = bld_teks(c, TT_PK_KOLOM_ANGGARAN, NULL, 0);
	kepala(c, tb, kolom, 3);
	for (size_t i = 0; i < r->n_program; i++) {
		const program *p = &r->program[i];

		br = doc_table_add_row(c->d, tb, false);
		doc_row_add_cell(c->d, br, doc_printf(c->d, "%zu", i + 1),
		    DOC_CENTER);
		doc_row_add_cell(c->d, br, p->uraian, DOC_LEFT);
		doc_row_add_cell(c->d, br, p->anggaran_kosong ? REPORT_BELUM_DIISI :
		    bld_uang(c, p->anggaran), DOC_RIGHT);
		/* Sums of a year's budgets stay far below 2^63 sen; the
		 * exchange format bounds each anggaran. */
		jumlah += p->anggaran;
	}
	br = doc_table_add_row(c->d, tb, false);
	br->bold = true;
	cl = doc_row_add_cell(c->d, br, bld_teks(c, TT_PK_BARIS_JUMLAH, NULL, 0),
	    DOC_CENTER);
	cl->colspan = 2;
	doc_row_add_cell(c->d, br, bld_uang(c, jumlah), DOC_RIGHT);
	tb->title = doc_plain(c->d, bld_teks(c, TT_PK_TABEL_ANGGARAN_JUDUL,
	    NULL, 0), DOC_BOLD);
	return tb;
}

static void
bagian_lampiran(bctx *c, doc_section *s)
{
	doc_block *b;

	s->landscape = c->t->lampiran_landscape;
	if ((b = bld_judul(c, s, 1, TT_PK_LAMPIRAN_JUDUL, NULL, 0)) != NULL) {
		b->align = DOC_CENTER;
		b->space_after = 2;
	}
	if ((b = bld_baris(c, s, TT_PK_INSTANSI, DOC_BOLD, DOC_CENTER, true)))
		b->space_after = 12;
	bld_add_table(c, s, tabel_kinerja(c));
	bld_add_table(c, s, tabel_anggaran(c));
	dua_tanda_tangan(c, s, true);
}

int
build_perjanjian(const rencana *r, const tmpl *t, doc **out,
		 const char ***warnp, lk_err *e)
{
	enum doc_numbering prev = DOC_NUM_NONE;
	bctx c;

	if (r == NULL || t == NULL || out == NULL)
		lk_fatal("build_perjanjian: NULL argument");
	if (t->jenis != TD_PERJANJIAN)
		return lk_fail(e, EX_DATAERR, _("%s is a template of a %s, not "
		    "of a perjanjian (its key jenis)"), t->file,
		    tmpl_dokumen_nama(t->jenis));
	memset(&c, 0, sizeof c);
	c.r = r;
	c.t = t;
	c.d = doc_new();
	c.warn = arena_grow(&c.d->mem, NULL, sizeof *c.warn, &c.cap_warn, 1);
	c.warn[0] = NULL;

	peringatan(&c);
	isi_umum(&c);
	teks_berlaku(&c);
	bld_halaman(&c);
	bld_info_teks(&c, TT_PK_INFO_JUDUL, TT_PK_INFO_SUBJEK,
	    TT_PK_INFO_KATA_KUNCI);
	for (size_t i = 0; i < t->n_urutan; i++) {
		enum tmpl_bagian b = t->urutan[i];
		doc_section *s = doc_add_section(c.d, tmpl_bagian_nama(b));

		s->new_page = true;
		if (b == TB_PK_NASKAH) {
			bagian_naskah(&c, s);
		} else if (b == TB_PK_LAMPIRAN) {
			s->numbering = DOC_NUM_NONE;
			bagian_lampiran(&c, s);
		} else {
			lk_fatal("build_perjanjian: part of another kind");
		}
		s->restart_numbering = s->numbering != DOC_NUM_NONE &&
		    s->numbering != prev;
		prev = s->numbering;
	}
	*out = c.d;
	if (warnp != NULL)
		*warnp = c.warn;
	return 0;
}
