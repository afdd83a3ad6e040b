/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* sheet_build.c - a rencana as the workbook's sheets: the data sheets
 * that sheet_book_read reads back, and the computed capaian sheets. */
#include "config.h"
#include "io/sheet.h"

#include <stdio.h>
#include <string.h>

#include "core/dec.h"
#include "core/kinerja.h"

typedef struct bld {
	sheet_book *b;
	sheet *s;
	sheet_row *r;
	unsigned row, col;
} bld;

static void
sheet_start(bld *x, const char *name, const char *const *head,
	    const unsigned *width, const char *const *note)
{
	x->s = sheet_add(x->b, name);
	x->row = 0;
	x->r = sheet_row_add(x->b, x->s, ++x->row);
	for (unsigned i = 0; head[i] != NULL; i++) {
		sheet_cell_add(x->b, x->r, i + 1, SHEET_TEXT, head[i],
		    strlen(head[i]));
		if (i < 32) {
			x->s->width[i] = width != NULL ? width[i] : 0;
			x->s->note[i] = note != NULL ? note[i] : NULL;
		}
	}
}

static void
row(bld *x)
{
	x->r = sheet_row_add(x->b, x->s, ++x->row);
	x->col = 0;
}

static void
txt(bld *x, const char *s)
{
	x->col++;
	if (s != NULL && *s != '\0')
		sheet_cell_add(x->b, x->r, x->col, SHEET_TEXT, s, strlen(s));
}

/* A header cell in a later row. */
static void
head(bld *x, const char *s)
{
	sheet_cell *c;

	x->col++;
	c = sheet_cell_add(x->b, x->r, x->col, SHEET_TEXT, s, strlen(s));
	c->fmt = FMT_HEAD;
}

static void
number(bld *x, int64_t v, int scale, enum sheet_fmt f)
{
	char buf[DEC_BUFSZ];
	sheet_cell *c;

	dec_format_machine(v, scale, buf);
	c = sheet_cell_add(x->b, x->r, ++x->col, SHEET_NUMBER, buf, strlen(buf));
	c->fmt = f;
}

static void
opt_number(bld *x, bool ada, int64_t v, int scale, enum sheet_fmt f)
{
	if (ada)
		number(x, v, scale, f);
	else
		x->col++;
}

static void
skip(bld *x)
{
	x->col++;
}

static const char *const instansi_head[] = { "kunci", "nilai", NULL };
static const unsigned instansi_w[] = { 18, 60 };
static const char *const instansi_note[] = {
	"kode, nama, pemerintah, kota, tahun, kepala_nama, kepala_jabatan, "
	"kepala_pangkat, kepala_nip",
	"Contoh: kota = Palangka Raya; kepala_nip = 196610221993081001" };
static const char *const bidang_head[] = { "kode", "nama", NULL };
static const unsigned bidang_w[] = { 12, 60 };
static const char *const bidang_note[] = { "Contoh: POL",
	"Contoh: Bidang Politik Dalam Negeri" };
static const char *const iku_head[] = { "sasaran_kode", "sasaran", "bidang",
	"kode", "indikator", "satuan", "polaritas", "target", "target_tw1",
	"target_tw2", "target_tw3", "target_tw4", NULL };
static const unsigned iku_w[] = { 13, 40, 9, 10, 50, 9, 10, 12, 12, 12, 12,
	12 };
static const char *const iku_note[] = {
	"Contoh: SS1 (kosong: sasaran baris di atasnya)",
	"Contoh: Meningkatnya kualitas demokrasi (baris pertama sasaran saja)",
	"Contoh: POL (kode bidang, boleh kosong)", "Contoh: IKU1",
	"Contoh: Indeks Demokrasi Indonesia", "Contoh: indeks, %, orang",
	"positif atau negatif (kosong: positif)", "Contoh: 78,5",
	"Target kumulatif s.d. TW I, boleh kosong", "Contoh: 78,5",
	"Contoh: 78,5", "Contoh: 78,5" };
static const char *const program_head[] = { "kode", "program", "anggaran",
	"target_tw1", "target_tw2", "target_tw3", "target_tw4", "sasaran",
	NULL };
static const unsigned program_w[] = { 12, 50, 18, 18, 18, 18, 18, 14 };
static const char *const program_note[] = { "Contoh: 2.17.01",
	"Contoh: Program Penunjang Urusan Pemerintahan",
	"Contoh: 11.393.254.909 (rupiah)",
	"Rencana serapan kumulatif s.d. TW I, boleh kosong",
	"Contoh: 5.000.000.000", "Contoh: 8.000.000.000",
	"Contoh: 11.393.254.909", "Kode sasaran, dipisah koma: SS1, SS2" };
static const char *const tw_head[] = { "triwulan", "tanggal", NULL };
static const unsigned tw_w[] = { 10, 14 };
static const char *const tw_note[] = { "1 sampai 4",
	"Tanggal laporan, contoh: 2023-06-30 atau 30-06-2023" };
static const char *const real_head[] = { "triwulan", "kode", "realisasi",
	NULL };
static const unsigned real_w[] = { 10, 12, 18 };
static const char *const ri_note[] = { "1 sampai 4", "Kode IKU",
	"Realisasi kumulatif; kosong: belum diketahui (bukan 0)" };
static const char *const rp_note[] = { "1 sampai 4", "Kode program",
	"Rupiah kumulatif; kosong: belum diketahui (bukan 0)" };

static void
data_sheets(bld *x, const rencana *r, bool kosong)
{
	const instansi *in = &r->instansi;
	char year[16];
	static const char *const kunci[] = { "kode", "nama", "pemerintah",
		"kota", "tahun", "kepala_nama", "kepala_jabatan",
		"kepala_pangkat", "kepala_nip" };
	const char *nilai[9];

	nilai[0] = in->kode;
	nilai[1] = in->nama;
	nilai[2] = in->pemerintah;
	nilai[3] = in->kota;
	nilai[4] = NULL;
	nilai[5] = in->kepala.nama;
	nilai[6] = in->kepala.jabatan;
	nilai[7] = in->kepala.pangkat;
	nilai[8] = in->kepala.nip;
	sheet_start(x, "instansi", instansi_head, instansi_w,
	    kosong ? instansi_note : NULL);
	for (int i = 0; i < 9; i++) {
		row(x);
		txt(x, kunci[i]);
		if (i == 4) {
			snprintf(year, sizeof year, "%d", r->tahun);
			number(x, r->tahun, 0, FMT_INT);
		} else
			txt(x, nilai[i]);
	}

	sheet_start(x, "bidang", bidang_head, bidang_w,
	    kosong ? bidang_note : NULL);
	for (size_t i = 0; i < in->n_bidang; i++) {
		row(x);
		txt(x, in->bidang[i].kode);
		txt(x, in->bidang[i].nama);
	}

	sheet_start(x, "iku", iku_head, iku_w, kosong ? iku_note : NULL);
	for (size_t i = 0; !kosong && i < r->n_sasaran; i++) {
		const sasaran *s = &r->sasaran[i];

		if (s->n_iku == 0) {
			row(x);
			txt(x, s->kode);
			txt(x, s->uraian);
			txt(x, s->bidang);
		}
		for (size_t j = 0; j < s->n_iku; j++) {
			const iku *k = &s->iku[j];

			row(x);
			txt(x, s->kode);
			if (j == 0) {
				txt(x, s->uraian);
				txt(x, s->bidang);
			} else {
				skip(x);
				skip(x);
			}
			txt(x, k->kode);
			txt(x, k->uraian);
			txt(x, k->satuan);
			txt(x, polaritas_nama(k->polaritas));
			opt_number(x, !k->target_kosong, k->target, DEC_NILAI,
			    FMT_NILAI);
			for (int t = 1; t <= TW_MAX; t++)
				opt_number(x, k->ada_target_tw[t], k->target_tw[t],
				    DEC_NILAI, FMT_NILAI);
		}
	}

	sheet_start(x, "program", program_head, program_w,
	    kosong ? program_note : NULL);
	for (size_t i = 0; !kosong && i < r->n_program; i++) {
		const program *p = &r->program[i];
		char list[4096];
		size_t o = 0;

		row(x);
		txt(x, p->kode);
		txt(x, p->uraian);
		opt_number(x, !p->anggaran_kosong, p->anggaran, DEC_UANG,
		    FMT_UANG);
		for (int t = 1; t <= TW_MAX; t++)
			opt_number(x, p->ada_target_tw[t], p->target_tw[t],
			    DEC_UANG, FMT_UANG);
		list[0] = '\0';
		for (size_t j = 0; j < p->n_sasaran && o < sizeof list; j++)
			o += (size_t)snprintf(list + o, sizeof list - o, "%s%s",
			    j ? ", " : "", p->sasaran[j]);
		txt(x, list);
	}

	sheet_start(x, "triwulan", tw_head, tw_w, kosong ? tw_note : NULL);
	for (int t = 1; !kosong && t <= TW_MAX; t++) {
		char d[48];
		sheet_cell *c;

		if (!r->tw[t].ada)
			continue;
		row(x);
		number(x, t, 0, FMT_INT);
		if (!triwulan_bertanggal(&r->tw[t]))
			continue;               /* not set yet: empty */
		snprintf(d, sizeof d, "%04d-%02d-%02d", r->tw[t].tahun,
		    r->tw[t].bulan, r->tw[t].hari);
		c = sheet_cell_add(x->b, x->r, ++x->col, SHEET_TEXT, d, strlen(d));
		c->fmt = FMT_DATE;
	}

	sheet_start(x, "realisasi_iku", real_head, real_w,
	    kosong ? ri_note : NULL);
	for (int t = 1; !kosong && t <= TW_MAX; t++) {
		if (!r->tw[t].ada)
			continue;
		for (size_t i = 0; i < r->n_sasaran; i++)
			for (size_t j = 0; j < r->sasaran[i].n_iku; j++) {
				const iku *k = &r->sasaran[i].iku[j];

				row(x);
				number(x, t, 0, FMT_INT);
				txt(x, k->kode);
				opt_number(x, k->ada_realisasi[t], k->realisasi[t],
				    DEC_NILAI, FMT_NILAI);
			}
	}

	sheet_start(x, "realisasi_program", real_head, real_w,
	    kosong ? rp_note : NULL);
	for (int t = 1; !kosong && t <= TW_MAX; t++) {
		if (!r->tw[t].ada)
			continue;
		for (size_t i = 0; i < r->n_program; i++) {
			const program *p = &r->program[i];

			row(x);
			number(x, t, 0, FMT_INT);
			txt(x, p->kode);
			opt_number(x, p->ada_realisasi[t], p->realisasi[t], DEC_UANG,
			    FMT_UANG);
		}
	}
}

/* The figures only: the texts are in the sheets iku and program (a
 * 5,000-IKU workbook stays small and quick to write). */
static const char *const cap_head[] = { "kode", "target", "realisasi",
	"capaian", "predikat", NULL };
static const unsigned cap_w[] = { 12, 18, 18, 18, 16 };

static void
capaian_cell(bld *x, const capaian *c)
{
	if (c->status == CAPAIAN_ADA)
		number(x, c->persen, DEC_PERSEN, FMT_PERSEN);
	else
		txt(x, c->status == CAPAIAN_TAK_TERDEFINISI ? "-" : NULL);
}

static int
capaian_sheet(bld *x, rencana *r, int tw, const predikat_tabel *pt,
	      lk_err *e)
{
	kinerja k;
	char name[32];
	int rc;

	memset(&k, 0, sizeof k);
	if ((rc = kinerja_hitung(r, tw, pt, &k, e)) != 0)
		return rc;
	snprintf(name, sizeof name, "capaian_tw%d", tw);
	sheet_start(x, name, cap_head, cap_w, NULL);
	x->s->computed = true;
	for (size_t i = 0; i < k.n_iku; i++) {
		const kinerja_iku *ki = &k.iku[i];

		if (ki->iku == NULL)
			continue;
		row(x);
		txt(x, ki->iku->kode);
		opt_number(x, !ki->iku->target_kosong || ki->target_triwulan,
		    ki->target, DEC_NILAI, FMT_NILAI);
		opt_number(x, ki->ada_realisasi, ki->realisasi, DEC_NILAI,
		    FMT_NILAI);
		capaian_cell(x, &ki->capaian);
		txt(x, ki->predikat != NULL ? ki->predikat->nama : NULL);
	}
	row(x);
	row(x);
	head(x, "program");
	head(x, "anggaran");
	head(x, "target");
	head(x, "realisasi");
	head(x, "serapan");
	for (size_t i = 0; i < k.n_program; i++) {
		const kinerja_program *kp = &k.program[i];

		row(x);
		txt(x, kp->program->kode);
		number(x, kp->program->anggaran, DEC_UANG, FMT_UANG);
		number(x, kp->target, DEC_UANG, FMT_UANG);
		opt_number(x, kp->ada_realisasi, kp->realisasi, DEC_UANG, FMT_UANG);
		capaian_cell(x, &kp->capaian);
	}
	row(x);
	txt(x, "JUMLAH");
	number(x, k.jumlah_anggaran, DEC_UANG, FMT_UANG);
	number(x, k.jumlah_target, DEC_UANG, FMT_UANG);
	opt_number(x, k.jumlah_ada_realisasi, k.jumlah_realisasi, DEC_UANG,
	    FMT_UANG);
	capaian_cell(x, &k.jumlah_capaian);
	return 0;
}

int
sheet_book_build(const rencana *r, const predikat_tabel *pt, bool kosong,
		 sheet_book **out, lk_err *e)
{
	bld x;
	int rc = 0;

	memset(&x, 0, sizeof x);
	x.b = sheet_book_new("", false);
	data_sheets(&x, r, kosong);
	for (int t = 1; !kosong && pt != NULL && rc == 0 && t <= TW_MAX; t++)
		if (r->tw[t].ada)
			/* kinerja_hitung keeps its rows in r's arena and
			 * changes nothing else. */
			rc = capaian_sheet(&x, (rencana *)r, t, pt, e);
	if (rc != 0) {
		sheet_book_free(x.b);
		return rc;
	}
	*out = x.b;
	return 0;
}
