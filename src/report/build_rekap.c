/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* build_rekap.c - the province view as a doc (see build.h).
 *
 * Owns: the rekap document: its title and period, one table row per
 * agency (the figures of core/rekap.h as they are), the totals row, a
 * note on how the figures are made, the count of the quarters' states
 * and the date printed, on landscape pages numbered at the foot.  Paper,
 * margins and fonts are the template's (the LAKIP's); the words are the
 * report's own, in Indonesian.
 */
#include "config.h"
#include "report/build.h"
#include "report/build_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/dec.h"
#include "core/i18n.h"

static const char *const kolom[] = {
	"No", "Kode", "Perangkat Daerah", "IKU Terisi", "Jumlah IKU",
	"Rata-rata Capaian IKU (%)", "Serapan Anggaran (%)", "Status Triwulan",
};
static const double lebar[] = { 4, 16, 29, 7, 7, 9, 9, 19 };
#define N_KOLOM (sizeof kolom / sizeof kolom[0])

static const char *
persen(doc *d, bool ada, int64_t v)
{
	char buf[DEC_BUFSZ];

	return ada ? doc_strdup(d, dec_format_persen(v, buf)) : NULL;
}

/* Capaian as the budget table prints it: "" unknown, "-" undefined. */
static const char *
capaian_sel(doc *d, const capaian *cp)
{
	return cp->status == CAPAIAN_TAK_TERDEFINISI ? "-" :
	    persen(d, cp->status == CAPAIAN_ADA, cp->persen);
}

static int64_t
waktu_cetak(void)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	int64_t t = (int64_t)time(NULL);

	if (sde != NULL && *sde) {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(sde, &end, 10);
		if (errno == 0 && *end == '\0' && v >= 0)
			t = (int64_t)v;
	}
	return t;
}

static doc_table *
tabel_rekap(doc *d, const rekap_baris *b, size_t n, const rekap_total *tot)
{
	doc_table *tb = doc_table_new(d, N_KOLOM, lebar);
	doc_row *r = doc_table_add_row(d, tb, true);
	doc_cell *cell;
	char st[64];
	size_t i;

	r->bold = true;
	for (i = 0; i < N_KOLOM; i++)
		doc_row_add_cell(d, r, kolom[i], DOC_CENTER)->shade = true;
	r = doc_table_add_row(d, tb, true);
	for (i = 0; i < N_KOLOM; i++)
		doc_row_add_cell(d, r, doc_printf(d, "%zu", i + 1),
		    DOC_CENTER)->shade = true;
	for (i = 0; i < n; i++) {
		r = doc_table_add_row(d, tb, false);
		doc_row_add_cell(d, r, doc_printf(d, "%zu", i + 1), DOC_CENTER);
		doc_row_add_cell(d, r, b[i].kode, DOC_LEFT);
		doc_row_add_cell(d, r, b[i].nama, DOC_LEFT);
		if (b[i].ada_rencana) {
			doc_row_add_cell(d, r, doc_printf(d, "%zu", b[i].iku_terisi),
			    DOC_CENTER);
			doc_row_add_cell(d, r, doc_printf(d, "%zu", b[i].iku),
			    DOC_CENTER);
		} else {
			doc_row_add_cell(d, r, NULL, DOC_CENTER);
			doc_row_add_cell(d, r, NULL, DOC_CENTER);
		}
		doc_row_add_cell(d, r, persen(d, b[i].ada_capaian, b[i].capaian),
		    DOC_CENTER);
		doc_row_add_cell(d, r, b[i].ada_rencana ?
		    capaian_sel(d, &b[i].serapan) : NULL, DOC_CENTER);
		doc_row_add_cell(d, r, doc_strdup(d, rekap_status_teks(&b[i],
		    false, st, sizeof st)), DOC_LEFT);
	}
	r = doc_table_add_row(d, tb, false);
	r->bold = true;
	cell = doc_row_add_cell(d, r, "JUMLAH / RATA-RATA", DOC_CENTER);
	cell->colspan = 3;
	doc_row_add_cell(d, r, doc_printf(d, "%zu", tot->iku_terisi), DOC_CENTER);
	doc_row_add_cell(d, r, doc_printf(d, "%zu", tot->iku), DOC_CENTER);
	doc_row_add_cell(d, r, persen(d, tot->ada_capaian, tot->capaian),
	    DOC_CENTER);
	doc_row_add_cell(d, r, capaian_sel(d, &tot->serapan), DOC_CENTER);
	doc_row_add_cell(d, r, NULL, DOC_LEFT);
	tb->note = doc_plain(d, "Rata-rata capaian IKU: rerata capaian IKU yang "
	    "memiliki capaian (dua desimal, sebagaimana tercetak pada laporan "
	    "perangkat daerah), dibulatkan dua desimal. Serapan anggaran: "
	    "capaian baris JUMLAH tabel anggaran. Baris JUMLAH / RATA-RATA: "
	    "rerata dari rata-rata capaian perangkat daerah; serapan dari jumlah "
	    "realisasi atas jumlah target seluruh perangkat daerah.", DOC_ITALIC);
	return tb;
}

/* "2 ditandatangani, 1 diajukan, 1 kosong" (in the order of the states). */
static const char *
ringkasan(doc *d, const rekap_total *tot)
{
	char buf[512] = "";
	size_t len = 0;

	for (int s = REKAP_N - 1; s >= 0; s--) {
		int w;

		if (tot->status[s] == 0 || len >= sizeof buf)
			continue;
		w = snprintf(buf + len, sizeof buf - len, "%s%u %s",
		    len ? ", " : "", tot->status[s],
		    rekap_status_nama((enum rekap_status)s));
		if (w > 0)
			len += (size_t)w;
	}
	return doc_strdup(d, buf);
}

/* The government every agency with a plan names, when they name one and
 * the same ("Pemerintah Provinsi Kalimantan Tengah"), else NULL. */
static const char *
pemerintah(const rekap_baris *b, size_t n)
{
	const char *p = NULL;

	for (size_t i = 0; i < n; i++) {
		if (!b[i].ada_rencana)
			continue;
		if (b[i].pemerintah == NULL || *b[i].pemerintah == '\0' ||
		    (p != NULL && strcmp(p, b[i].pemerintah) != 0))
			return NULL;
		p = b[i].pemerintah;
	}
	return p;
}

int
build_rekap(const rekap_baris *b, size_t n, int tahun, int tw, const tmpl *t,
	    doc **out, lk_err *e)
{
	char kata[TMPL_KATA_MAX];
	const char *gov;
	rekap_total tot;
	doc_section *s;
	doc_block *blk;
	struct tm tm;
	time_t when;
	bctx c;

	if (t == NULL || out == NULL || (b == NULL && n > 0))
		lk_fatal("build_rekap: NULL argument");
	if (tw < 1 || tw > TW_MAX)
		return lk_fail(e, EX_USAGE, _("quarter %d is not 1 to 4"), tw);
	if (rekap_jumlah(b, n, &tot) != 0)
		return lk_fail(e, EX_DATAERR, _("the totals of the rekap are too "
			       "large to add up"));
	memset(&c, 0, sizeof c);
	c.t = t;
	c.tw = tw;
	c.d = doc_new();
	bld_halaman(&c);
	c.d->info.title = doc_printf(c.d, "Rekapitulasi Capaian Kinerja "
	    "Perangkat Daerah Triwulan %s Tahun %d", tw_romawi(tw), tahun);
	c.d->info.subject = "Rekapitulasi capaian kinerja dan serapan anggaran";
	c.d->info.keywords = "rekap, LAKIP, SAKIP, capaian kinerja";
	c.d->info.author = "";
	c.d->info.creator = PACKAGE_NAME " " PACKAGE_VERSION;
	c.d->info.created = waktu_cetak();

	s = doc_add_section(c.d, "rekap");
	s->landscape = true;
	s->numbering = DOC_NUM_ARABIC;
	s->restart_numbering = true;
	s->new_page = true;
	if ((gov = pemerintah(b, n)) != NULL)
		blk = doc_add_heading(c.d, s, 1, doc_printf(c.d, "REKAPITULASI "
		    "CAPAIAN KINERJA PERANGKAT DAERAH\n%s", doc_upper(c.d, gov)),
		    true);
	else
		blk = doc_add_heading(c.d, s, 1, "REKAPITULASI CAPAIAN KINERJA\n"
		    "PERANGKAT DAERAH", true);
	blk->align = DOC_CENTER;
	blk = doc_add_para(c.d, s, doc_printf(c.d, "TRIWULAN %s TAHUN %d",
	    tw_romawi(tw), tahun), DOC_BOLD, DOC_CENTER);
	blk->space_after = 12;
	blk = doc_add_block(c.d, s, DOC_TABLE);
	blk->table = tabel_rekap(c.d, b, n, &tot);
	if (n > 0)
		doc_add_para(c.d, s, doc_printf(c.d, "Keadaan triwulan %s dari "
		    "%zu (%s) perangkat daerah: %s.", tw_romawi(tw), n,
		    tmpl_bilangan(n, kata), ringkasan(c.d, &tot)), 0, DOC_LEFT);
	else
		doc_add_para(c.d, s, "Tidak ada perangkat daerah yang dapat "
		    "ditampilkan.", 0, DOC_LEFT);
	when = (time_t)c.d->info.created;
	gmtime_r(&when, &tm);
	doc_add_para(c.d, s, doc_printf(c.d, "Dicetak pada tanggal %d %s %d.",
	    tm.tm_mday, tmpl_bulan(tm.tm_mon + 1), tm.tm_year + 1900),
	    DOC_ITALIC, DOC_LEFT);
	*out = c.d;
	return 0;
}
