/* build.c - the quarterly LAKIP as a doc (see build.h).
 *
 * Every figure comes from the kinerja rows; nothing is recomputed here.
 * Texts come from the template, or from the quarter's teks overrides.
 */
#include "config.h"
#include "report/build.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/dec.h"
#include "core/i18n.h"
#include "core/nip.h"
#include "report/markup.h"

#define MM_TO_PT(v) ((double)(v) / 100.0 * 72.0 / 25.4)  /* v: 1/100 mm */
#define LOGO_WIDTH 113.0                                   /* 4 cm */
#define LABEL_PENDEK 60                                    /* chart labels */
#define MAX_LOKAL 8

typedef struct bctx {
	const rencana *r;
	const kinerja *k;
	const tmpl *t;
	doc *d;
	int tw;
	const triwulan *q;
	tmpl_nilai umum[TP_N];
	const char *teks[TT_N];    /* the text in force: template or override */
	bool mentah[TT_N];         /* override with bad placeholders: as written */
	const char **warn;
	size_t n_warn, cap_warn;
} bctx;

static void
warn(bctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
warn(bctx *c, const char *fmt, ...)
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

static const char *
tw_nama(const bctx *c)
{
	return tw_romawi(c->tw);
}

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
		warn(c, _("text %s: cannot fill %s (printed as written)"),
		    tmpl_teks_nama(id), bad ? bad : "?");
		return doc_strdup(c->d, text);
	}
	return out;
}

static const char *
teks(bctx *c, enum tmpl_teks_id id, const tmpl_nilai *lokal, size_t n)
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
static size_t
narasi(bctx *c, doc_section *s, enum tmpl_teks_id id,
       const tmpl_nilai *lokal, size_t n)
{
	isi_ctx x = { c, id, lokal, n };
	markup_opts o = { isi_run, &x, 0 };

	return markup_blocks(c->d, s, c->teks[id], &o);
}

/* A one-line text as a paragraph; nothing when the text is empty. */
static doc_block *
baris(bctx *c, doc_section *s, enum tmpl_teks_id id, unsigned style,
      enum doc_align align, bool kapital)
{
	const char *v = teks(c, id, NULL, 0);

	if (*v == '\0')
		return NULL;
	return doc_add_para(c->d, s, kapital ? doc_upper(c->d, v) : v, style,
	    align);
}

static doc_block *
judul(bctx *c, doc_section *s, int level, enum tmpl_teks_id id,
      const tmpl_nilai *lokal, size_t n)
{
	const char *v = teks(c, id, lokal, n);

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
static const char *
nilai_satuan(bctx *c, int64_t v, const char *satuan)
{
	char buf[DEC_BUFSZ];

	dec_format_nilai(v, buf);
	if (tanpa_satuan(satuan))
		return doc_strdup(c->d, buf);
	if (strcmp(satuan, "%") == 0)
		return doc_printf(c->d, "%s%%", buf);
	return doc_printf(c->d, "%s %s", buf, satuan);
}

/* "101,02%", "-" (undefined) or "" (no realisation). */
static const char *
capaian_teks(bctx *c, const capaian *cp, bool persen_sign)
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

static const char *
uang(bctx *c, int64_t v)
{
	char buf[DEC_BUFSZ];

	return doc_strdup(c->d, dec_format_uang(v, buf));
}

/* "a", "b", ... "z", "aa", ... */
static const char *
label_huruf(bctx *c, size_t i, const char *suffix)
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
static const char *
pendek(bctx *c, const char *s, size_t max)
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

static size_t
jumlah_iku(const kinerja *k)
{
	size_t n = 0;

	for (size_t i = 0; i < k->n_iku; i++)
		if (k->iku[i].iku != NULL)
			n++;
	return n;
}

/* ---- tables ---- */

static void
kepala_tabel(bctx *c, doc_table *tb, const enum tmpl_teks_id *kolom, size_t n)
{
	doc_row *h = doc_table_add_row(c->d, tb, true);

	h->bold = true;
	for (size_t i = 0; i < n; i++)
		doc_row_add_cell(c->d, h, teks(c, kolom[i], NULL, 0),
		    DOC_CENTER)->shade = true;
	h = doc_table_add_row(c->d, tb, true);
	for (size_t i = 0; i < n; i++)
		doc_row_add_cell(c->d, h, doc_printf(c->d, "%zu", i + 1),
		    DOC_CENTER)->shade = true;
}

/* The capaian table: one row per IKU, the sasaran's cells spanning its
 * rows; with_predikat adds the Predikat column (lampiran). */
static doc_table *
tabel_capaian(bctx *c, bool with_predikat, bool with_title)
{
	static const enum tmpl_teks_id kolom[] = { TT_KOLOM_NO,
		TT_KOLOM_SASARAN, TT_KOLOM_IKU, TT_KOLOM_TARGET,
		TT_KOLOM_REALISASI, TT_KOLOM_CAPAIAN, TT_KOLOM_PREDIKAT };
	static const double lebar[] = { 5, 27, 32, 12, 13, 11, 12 };
	size_t n_col = with_predikat ? 7 : 6;
	doc_table *tb = doc_table_new(c->d, n_col, lebar);
	const kinerja *k = c->k;
	char *daftar = NULL;

	kepala_tabel(c, tb, kolom, n_col);
	for (size_t j = 0; j < k->n_iku; j++) {
		const kinerja_iku *row = &k->iku[j];
		doc_row *br = doc_table_add_row(c->d, tb, false);

		if (j == 0 || k->iku[j - 1].sasaran != row->sasaran) {
			unsigned span = 1;

			while (j + span < k->n_iku &&
			    k->iku[j + span].sasaran == row->sasaran)
				span++;
			doc_row_add_cell(c->d, br, doc_printf(c->d, "%zu",
			    row->no), DOC_CENTER)->rowspan = span;
			doc_row_add_cell(c->d, br, row->sasaran->uraian,
			    DOC_LEFT)->rowspan = span;
		}
		if (row->iku == NULL) {
			for (size_t x = 2; x < n_col; x++)
				doc_row_add_cell(c->d, br, NULL, DOC_CENTER);
			continue;
		}
		doc_row_add_cell(c->d, br, row->iku->uraian, DOC_LEFT);
		doc_row_add_cell(c->d, br, nilai_satuan(c, row->target,
		    row->iku->satuan), DOC_CENTER);
		doc_row_add_cell(c->d, br, row->ada_realisasi ?
		    nilai_satuan(c, row->realisasi, row->iku->satuan) : NULL,
		    DOC_CENTER);
		doc_row_add_cell(c->d, br, capaian_teks(c, &row->capaian, true),
		    DOC_CENTER);
		if (with_predikat)
			doc_row_add_cell(c->d, br, row->predikat != NULL ?
			    row->predikat->nama : NULL, DOC_CENTER);
		if (row->target_triwulan)
			daftar = daftar == NULL ?
			    doc_strdup(c->d, row->iku->kode) :
			    doc_printf(c->d, "%s, %s", daftar, row->iku->kode);
	}
	if (with_title)
		tb->title = doc_plain(c->d, teks(c, TT_TABEL_CAPAIAN_JUDUL,
		    NULL, 0), DOC_BOLD);
	if (daftar != NULL) {
		tmpl_nilai v[] = { { "daftar", daftar } };

		tb->note = doc_plain(c->d, teks(c, TT_CATATAN_TARGET_TRIWULAN,
		    v, 1), DOC_ITALIC);
	}
	return tb;
}

static doc_table *
tabel_keuangan(bctx *c)
{
	static const enum tmpl_teks_id kolom[] = { TT_KOLOM_NO,
		TT_KOLOM_PROGRAM, TT_KOLOM_ANGGARAN, TT_KOLOM_TARGET_ANGGARAN,
		TT_KOLOM_REALISASI_ANGGARAN, TT_KOLOM_CAPAIAN_ANGGARAN,
		TT_KOLOM_KETERANGAN };
	static const double lebar[] = { 5, 34, 15, 15, 15, 9, 12 };
	doc_table *tb = doc_table_new(c->d, 7, lebar);
	const kinerja *k = c->k;
	char *daftar = NULL;
	doc_row *br;
	doc_cell *cell;

	kepala_tabel(c, tb, kolom, 7);
	for (size_t j = 0; j < k->n_program; j++) {
		const kinerja_program *row = &k->program[j];

		br = doc_table_add_row(c->d, tb, false);
		doc_row_add_cell(c->d, br, doc_printf(c->d, "%zu", row->no),
		    DOC_CENTER);
		doc_row_add_cell(c->d, br, row->program->uraian, DOC_LEFT);
		doc_row_add_cell(c->d, br, uang(c, row->program->anggaran),
		    DOC_RIGHT);
		doc_row_add_cell(c->d, br, uang(c, row->target), DOC_RIGHT);
		doc_row_add_cell(c->d, br, row->ada_realisasi ?
		    uang(c, row->realisasi) : NULL, DOC_RIGHT);
		doc_row_add_cell(c->d, br, capaian_teks(c, &row->capaian, false),
		    DOC_CENTER);
		doc_row_add_cell(c->d, br, row->ada_realisasi ? NULL :
		    teks(c, TT_KETERANGAN_TANPA_REALISASI, NULL, 0), DOC_LEFT);
		if (row->target_triwulan)
			daftar = daftar == NULL ?
			    doc_strdup(c->d, row->program->kode) :
			    doc_printf(c->d, "%s, %s", daftar, row->program->kode);
	}
	br = doc_table_add_row(c->d, tb, false);
	br->bold = true;
	cell = doc_row_add_cell(c->d, br, teks(c, TT_BARIS_JUMLAH, NULL, 0),
	    DOC_CENTER);
	cell->colspan = 2;
	doc_row_add_cell(c->d, br, uang(c, k->jumlah_anggaran), DOC_RIGHT);
	doc_row_add_cell(c->d, br, uang(c, k->jumlah_target), DOC_RIGHT);
	doc_row_add_cell(c->d, br, k->jumlah_ada_realisasi ?
	    uang(c, k->jumlah_realisasi) : NULL, DOC_RIGHT);
	doc_row_add_cell(c->d, br, capaian_teks(c, &k->jumlah_capaian, false),
	    DOC_CENTER);
	doc_row_add_cell(c->d, br, NULL, DOC_LEFT);
	if (daftar != NULL) {
		tmpl_nilai v[] = { { "daftar", daftar } };

		tb->note = doc_plain(c->d, teks(c, TT_CATATAN_TARGET_ANGGARAN,
		    v, 1), DOC_ITALIC);
	}
	return tb;
}

/* A supporting table of a narrative, printed as given. */
static doc_table *
tabel_pendukung(bctx *c, const tabel *src)
{
	size_t n_col = src->n_kolom;
	doc_table *tb;
	doc_row *h;

	for (size_t i = 0; i < src->n_baris; i++)
		if (src->n_sel[i] > n_col)
			n_col = src->n_sel[i];
	tb = doc_table_new(c->d, n_col > 0 ? n_col : 1, NULL);
	if (src->n_kolom > 0) {
		h = doc_table_add_row(c->d, tb, true);
		h->bold = true;
		for (size_t x = 0; x < tb->n_col; x++)
			doc_row_add_cell(c->d, h, x < src->n_kolom ?
			    src->kolom[x] : NULL, DOC_CENTER)->shade = true;
	}
	for (size_t i = 0; i < src->n_baris; i++) {
		doc_row *br = doc_table_add_row(c->d, tb, false);

		for (size_t x = 0; x < tb->n_col; x++)
			doc_row_add_cell(c->d, br, x < src->n_sel[i] ?
			    src->baris[i][x] : NULL,
			    x == 0 ? DOC_LEFT : DOC_CENTER);
	}
	if (tb->n_col > 1)
		tb->width[0] = 2.5;   /* the description column */
	tb->title = doc_plain(c->d, src->judul, DOC_BOLD);
	if (src->catatan != NULL)
		tb->note = doc_plain(c->d, src->catatan, DOC_ITALIC);
	return tb;
}

static void
add_table(bctx *c, doc_section *s, doc_table *tb)
{
	doc_block *b = doc_add_block(c->d, s, DOC_TABLE);

	b->table = tb;
}

/* ---- parts ---- */

static void
bagian_sampul(bctx *c, doc_section *s)
{
	double h = c->d->page.heading_size;
	doc_block *b;

	s->numbering = DOC_NUM_NONE;
	s->vertical_center = true;
	if ((b = baris(c, s, TT_SAMPUL_PEMERINTAH, DOC_BOLD, DOC_CENTER, true)))
		b->size = h;
	b = doc_add_block(c->d, s, DOC_SPACE);
	b->points = 24;
	if ((b = baris(c, s, TT_SAMPUL_JUDUL, DOC_BOLD, DOC_CENTER, true)))
		b->size = h + 4;
	if ((b = baris(c, s, TT_SAMPUL_INSTANSI, DOC_BOLD, DOC_CENTER, true)))
		b->size = h;
	if ((b = baris(c, s, TT_SAMPUL_TAHUN, DOC_BOLD, DOC_CENTER, true)))
		b->size = h;
	if ((b = baris(c, s, TT_SAMPUL_TRIWULAN, DOC_BOLD, DOC_CENTER, true)))
		b->size = h;
	if (c->r->instansi.logo != NULL && *c->r->instansi.logo) {
		b = doc_add_block(c->d, s, DOC_SPACE);
		b->points = 36;
		b = doc_add_block(c->d, s, DOC_IMAGE);
		b->image = doc_strdup(c->d, c->r->instansi.logo);
		b->image_width = LOGO_WIDTH;
	}
	b = doc_add_block(c->d, s, DOC_SPACE);
	b->points = 36;
	if ((b = baris(c, s, TT_SAMPUL_TEMPAT, DOC_BOLD, DOC_CENTER, true)))
		b->size = h;
}

static void
bagian_kata_pengantar(bctx *c, doc_section *s)
{
	const pejabat *kp = &c->r->instansi.kepala;
	doc_signature *sig = arena_alloc(&c->d->mem, sizeof *sig);
	doc_block *b;
	const char *v;

	judul(c, s, 1, TT_JUDUL_KATA_PENGANTAR, NULL, 0);
	narasi(c, s, TT_KATA_PENGANTAR, NULL, 0);
	sig->place_date = teks(c, TT_TTD_TEMPAT, NULL, 0);
	sig->jabatan = doc_upper(c->d, teks(c, TT_TTD_JABATAN, NULL, 0));
	sig->nama = doc_strdup(c->d, kp->nama != NULL ? kp->nama : "");
	sig->pangkat = kp->pangkat != NULL && *kp->pangkat ?
	    doc_strdup(c->d, kp->pangkat) : NULL;
	v = teks(c, TT_TTD_NIP, NULL, 0);
	sig->nip = kp->nip != NULL && *kp->nip && *v ? v : NULL;
	b = doc_add_block(c->d, s, DOC_SIGNATURE);
	b->signature = sig;
	b->space_before = 24;
}

static void
bagian_daftar_isi(bctx *c, doc_section *s)
{
	judul(c, s, 1, TT_JUDUL_DAFTAR_ISI, NULL, 0);
	doc_add_block(c->d, s, DOC_TOC);
}

static doc_formula *
rumus(bctx *c, enum tmpl_teks_id pembilang)
{
	doc_formula *f = arena_alloc(&c->d->mem, sizeof *f);

	f->lhs = doc_plain(c->d, teks(c, TT_RUMUS_CAPAIAN, NULL, 0), 0);
	f->numerator = doc_plain(c->d, teks(c, pembilang, NULL, 0), 0);
	f->denominator = doc_plain(c->d, teks(c, TT_RUMUS_RENCANA, NULL, 0), 0);
	f->factor = doc_plain(c->d, teks(c, TT_RUMUS_FAKTOR, NULL, 0), 0);
	return f;
}

static void
skala_predikat(bctx *c, doc_section *s)
{
	const predikat_tabel *pt = &c->t->predikat;

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
			v = teks(c, TT_PREDIKAT_BATAS_AWAL, lv, 3);
		else if (pb->ada_min)
			v = teks(c, TT_PREDIKAT_BATAS, lv, 3);
		else
			v = teks(c, TT_PREDIKAT_BATAS_AKHIR, lv, 3);
		b->label = label_huruf(c, i, ".");
		b->text = doc_plain(c->d, v, 0);
	}
}

static void
paragraf_iku(bctx *c, doc_section *s, const kinerja_iku *row)
{
	const iku *ik = row->iku;
	const char *target = nilai_satuan(c, row->target, ik->satuan);

	if (!row->ada_realisasi) {
		tmpl_nilai v[] = { { "kode", ik->kode }, { "iku", ik->uraian },
			{ "target", target } };

		narasi(c, s, TT_IKU_BELUM_REALISASI, v, 3);
	} else if (row->capaian.status != CAPAIAN_ADA) {
		tmpl_nilai v[] = { { "kode", ik->kode }, { "iku", ik->uraian },
			{ "target", target }, { "realisasi",
			nilai_satuan(c, row->realisasi, ik->satuan) } };

		narasi(c, s, TT_IKU_TAK_TERDEFINISI, v, 4);
	} else {
		tmpl_nilai v[] = { { "kode", ik->kode }, { "iku", ik->uraian },
			{ "target", target }, { "realisasi",
			nilai_satuan(c, row->realisasi, ik->satuan) },
			{ "capaian", capaian_teks(c, &row->capaian, true) },
			{ "predikat", row->predikat ? row->predikat->nama : "" } };

		narasi(c, s, TT_IKU_CAPAIAN, v, 6);
	}
}

static void
analisis_sasaran(bctx *c, doc_section *s, size_t i)
{
	const sasaran *ss = &c->r->sasaran[i];
	char urut[TMPL_KATA_MAX];
	const char *nomor = doc_printf(c->d, "%zu", i + 1);
	tmpl_nilai v[] = { { "nomor", nomor },
		{ "urutan", tmpl_urutan(i + 1, urut) },
		{ "kode", ss->kode }, { "uraian", ss->uraian } };
	doc_block *h;

	h = judul(c, s, 3, TT_SASARAN_JUDUL, v, 4);
	if (h != NULL)
		h->align = DOC_LEFT;
	for (size_t j = 0; j < c->k->n_iku; j++) {
		const kinerja_iku *row = &c->k->iku[j];

		if (row->sasaran != ss)
			continue;
		if (row->iku == NULL) {
			tmpl_nilai kv[] = { { "kode", ss->kode } };

			narasi(c, s, TT_SASARAN_TANPA_IKU, kv, 1);
		} else {
			paragraf_iku(c, s, row);
		}
	}
	if (ss->narasi[c->tw] != NULL && *ss->narasi[c->tw]) {
		markup_blocks(c->d, s, ss->narasi[c->tw], NULL);
	} else {
		tmpl_nilai kv[] = { { "kode", ss->kode } };

		narasi(c, s, TT_NARASI_KOSONG, kv, 1);
		warn(c, _("quarter %s has no narrative for %s"), tw_nama(c),
		    ss->kode);
	}
	for (size_t x = 0; x < ss->n_tabel[c->tw]; x++)
		add_table(c, s, tabel_pendukung(c, &ss->tabel[c->tw][x]));
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
	judul(c, s, 1, TT_JUDUL_BAB1, NULL, 0);
	narasi(c, s, TT_BAB1_PENGANTAR, NULL, 0);
	narasi(c, s, TT_RUMUS_PENGANTAR, NULL, 0);
	b = doc_add_block(c->d, s, DOC_FORMULA);
	b->formula = rumus(c, TT_RUMUS_REALISASI);
	if (negatif) {
		narasi(c, s, TT_RUMUS_NEGATIF_PENGANTAR, NULL, 0);
		b = doc_add_block(c->d, s, DOC_FORMULA);
		b->formula = rumus(c, TT_RUMUS_NEGATIF_PEMBILANG);
	}
	narasi(c, s, TT_PREDIKAT_PENGANTAR, NULL, 0);
	skala_predikat(c, s);

	judul(c, s, 2, TT_JUDUL_CAPAIAN, NULL, 0);
	narasi(c, s, TT_CAPAIAN_PENGANTAR, NULL, 0);
	add_table(c, s, tabel_capaian(c, false, true));

	judul(c, s, 2, TT_JUDUL_ANALISIS, NULL, 0);
	narasi(c, s, TT_ANALISIS_PENGANTAR, NULL, 0);
	for (size_t i = 0; i < c->r->n_sasaran; i++)
		analisis_sasaran(c, s, i);
}

/* A lettered list of strings (with inline markup). */
static void
daftar_huruf(bctx *c, doc_section *s, char *const *item, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		doc_block *b = doc_add_block(c->d, s, DOC_ITEM);

		b->label = label_huruf(c, i, ".");
		b->text = markup_inline(c->d, item[i], NULL);
	}
}

static void
bagian_bab2(bctx *c, doc_section *s)
{
	const triwulan *q = c->q;

	judul(c, s, 1, TT_JUDUL_BAB2, NULL, 0);
	narasi(c, s, TT_BAB2_PENGANTAR, NULL, 0);
	judul(c, s, 2, TT_JUDUL_PERMASALAHAN, NULL, 0);
	if (q->n_permasalahan > 0) {
		daftar_huruf(c, s, q->permasalahan, q->n_permasalahan);
	} else {
		narasi(c, s, TT_PERMASALAHAN_KOSONG, NULL, 0);
		warn(c, _("quarter %s lists no permasalahan"), tw_nama(c));
	}
	judul(c, s, 2, TT_JUDUL_TINDAK_LANJUT, NULL, 0);
	if (q->n_tindak_lanjut > 0) {
		daftar_huruf(c, s, q->tindak_lanjut, q->n_tindak_lanjut);
	} else {
		narasi(c, s, TT_TINDAK_LANJUT_KOSONG, NULL, 0);
		warn(c, _("quarter %s lists no tindak lanjut"), tw_nama(c));
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
		if (row->capaian.status != CAPAIAN_ADA || row->predikat == NULL)
			continue;
		terukur++;
		for (x = 0; x < n_nama; x++)
			if (strcmp(nama[x], row->predikat->nama) == 0)
				break;
		if (x == n_nama && n_nama < 64) {
			/* A band of another table than the template's. */
			nama[n_nama] = row->predikat->nama;
			jumlah[n_nama++] = 0;
		}
		if (x < n_nama)
			jumlah[x]++;
	}
	const char *st = doc_printf(c->d, "%zu", terukur);
	const char *sb = doc_printf(c->d, "%zu", belum);
	tmpl_nilai v[] = { { "iku_terukur", st }, { "iku_belum", sb } };

	if (terukur == 0) {
		narasi(c, s, TT_KESIMPULAN_KOSONG, NULL, 0);
		return;
	}
	narasi(c, s, TT_KESIMPULAN_BAWAAN, v, 2);
	for (size_t x = 0; x < n_nama; x++) {
		doc_block *b;

		if (jumlah[x] == 0)
			continue;
		tmpl_nilai rv[] = { { "jumlah", doc_printf(c->d, "%zu",
			jumlah[x]) }, { "predikat", nama[x] } };

		b = doc_add_block(c->d, s, DOC_ITEM);
		b->label = label_huruf(c, n_label++, ".");
		b->text = doc_plain(c->d, teks(c, TT_KESIMPULAN_RINCIAN, rv, 2), 0);
	}
	if (belum > 0)
		narasi(c, s, TT_KESIMPULAN_BELUM, v, 2);
}

static void
bagian_bab3(bctx *c, doc_section *s)
{
	judul(c, s, 1, TT_JUDUL_BAB3, NULL, 0);
	narasi(c, s, TT_BAB3_PENGANTAR, NULL, 0);
	judul(c, s, 2, TT_JUDUL_KESIMPULAN, NULL, 0);
	if (c->q->kesimpulan != NULL && *c->q->kesimpulan) {
		markup_blocks(c->d, s, c->q->kesimpulan, NULL);
	} else {
		kesimpulan_bawaan(c, s);
		warn(c, _("quarter %s has no kesimpulan: the template's "
		    "summary of the figures is printed"), tw_nama(c));
	}
	narasi(c, s, TT_BAB3_PENUTUP, NULL, 0);
}

static doc_chart *
grafik_capaian(bctx *c)
{
	doc_chart *ch = arena_alloc(&c->d->mem, sizeof *ch);
	size_t n = jumlah_iku(c->k), at = 0;

	ch->title = doc_plain(c->d, teks(c, TT_GRAFIK_CAPAIAN_JUDUL, NULL, 0),
	    DOC_BOLD);
	ch->bar = n > 0 ? arena_alloc(&c->d->mem, n * sizeof *ch->bar) : NULL;
	for (size_t j = 0; j < c->k->n_iku; j++) {
		const kinerja_iku *row = &c->k->iku[j];
		doc_bar *bar;

		if (row->iku == NULL)
			continue;
		bar = &ch->bar[at++];
		bar->label = doc_printf(c->d, "%s %s", row->iku->kode,
		    pendek(c, row->iku->uraian, LABEL_PENDEK));
		bar->ada = row->capaian.status == CAPAIAN_ADA;
		bar->value = bar->ada ? row->capaian.persen : 0;
		bar->value_text = capaian_teks(c, &row->capaian, true);
	}
	ch->n_bar = at;
	ch->reference = 10000;
	ch->reference_label = "100%";
	return ch;
}

static doc_chart *
grafik_anggaran(bctx *c)
{
	doc_chart *ch = arena_alloc(&c->d->mem, sizeof *ch);
	size_t n = c->k->n_program;

	ch->title = doc_plain(c->d, teks(c, TT_GRAFIK_ANGGARAN_JUDUL, NULL, 0),
	    DOC_BOLD);
	ch->bar = n > 0 ? arena_alloc(&c->d->mem, n * sizeof *ch->bar) : NULL;
	for (size_t j = 0; j < n; j++) {
		const kinerja_program *row = &c->k->program[j];
		doc_bar *bar = &ch->bar[j];

		bar->label = doc_printf(c->d, "%s %s", row->program->kode,
		    pendek(c, row->program->uraian, LABEL_PENDEK));
		bar->ada = row->capaian.status == CAPAIAN_ADA;
		bar->value = bar->ada ? row->capaian.persen : 0;
		bar->value_text = capaian_teks(c, &row->capaian, true);
	}
	ch->n_bar = n;
	ch->reference = 10000;
	ch->reference_label = "100%";
	return ch;
}

static void
bagian_lampiran(bctx *c, doc_section *s)
{
	doc_block *b;

	s->landscape = c->t->lampiran_landscape;
	judul(c, s, 1, TT_JUDUL_LAMPIRAN, NULL, 0);
	judul(c, s, 2, TT_LAMPIRAN_KINERJA_JUDUL, NULL, 0);
	add_table(c, s, tabel_capaian(c, true, false));
	doc_add_block(c->d, s, DOC_PAGEBREAK);
	judul(c, s, 2, TT_LAMPIRAN_KEUANGAN_JUDUL, NULL, 0);
	add_table(c, s, tabel_keuangan(c));
	doc_add_block(c->d, s, DOC_PAGEBREAK);
	judul(c, s, 2, TT_LAMPIRAN_GRAFIK_JUDUL, NULL, 0);
	if (jumlah_iku(c->k) > 0) {
		b = doc_add_block(c->d, s, DOC_CHART);
		b->chart = grafik_capaian(c);
	}
	if (c->k->n_program > 0) {
		b = doc_add_block(c->d, s, DOC_CHART);
		b->chart = grafik_anggaran(c);
		b->space_before = 18;
	}
}

/* ---- setup ---- */

static int
hari_terakhir(int y, int m)
{
	static const int hari[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return hari[m - 1];
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

static const char *
atau_kosong(const char *s)
{
	return s != NULL ? s : "";
}

static void
isi_umum(bctx *c)
{
	const rencana *r = c->r;
	const instansi *in = &r->instansi;
	int y = c->q->tahun, m = c->q->bulan, dd = c->q->hari;
	char nip[NIP_FMT_LEN + 1];
	const char *v[TP_N];

	if (!c->q->ada || m < 1 || m > 12) {
		/* No report: the end of the quarter. */
		y = r->tahun;
		m = c->tw * 3;
		dd = hari_terakhir(y, m);
	}
	v[TP_INSTANSI] = atau_kosong(in->nama);
	v[TP_INSTANSI_KAPITAL] = doc_upper(c->d, atau_kosong(in->nama));
	v[TP_PEMERINTAH] = atau_kosong(in->pemerintah);
	v[TP_PEMERINTAH_KAPITAL] = doc_upper(c->d, atau_kosong(in->pemerintah));
	v[TP_KOTA] = atau_kosong(in->kota);
	v[TP_TAHUN] = doc_printf(c->d, "%d", r->tahun);
	v[TP_TRIWULAN] = tw_romawi(c->tw);
	v[TP_TRIWULAN_ANGKA] = doc_printf(c->d, "%d", c->tw);
	v[TP_TANGGAL] = doc_printf(c->d, "%d %s %d", dd, tmpl_bulan(m), y);
	v[TP_BULAN_TAHUN] = doc_printf(c->d, "%s %d", tmpl_bulan(m), y);
	v[TP_KEPALA_NAMA] = atau_kosong(in->kepala.nama);
	v[TP_KEPALA_JABATAN] = atau_kosong(in->kepala.jabatan);
	v[TP_KEPALA_PANGKAT] = atau_kosong(in->kepala.pangkat);
	if (nip_sah(in->kepala.nip)) {
		v[TP_KEPALA_NIP] = doc_strdup(c->d, nip_format(in->kepala.nip, nip));
	} else {
		v[TP_KEPALA_NIP] = atau_kosong(in->kepala.nip);
		if (in->kepala.nip != NULL && *in->kepala.nip)
			warn(c, _("the NIP of %s is not 18 digits: printed as "
			    "given"), atau_kosong(in->kepala.nama));
	}
	v[TP_JUMLAH_SASARAN] = doc_printf(c->d, "%zu", r->n_sasaran);
	v[TP_JUMLAH_IKU] = doc_printf(c->d, "%zu", jumlah_iku(c->k));
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

		if (id < 0) {
			warn(c, _("quarter %s: the text override \"%s\" names no "
			    "template text (ignored)"), tw_nama(c),
			    atau_kosong(g->nama));
			continue;
		}
		c->teks[id] = text;
		c->mentah[id] = false;
		if (tmpl_periksa((enum tmpl_teks_id)id, text, &off, &len, &why)
		    != 0) {
			warn(c, _("quarter %s: text override \"%s\": %s %.*s "
			    "(printed as written)"), tw_nama(c), g->nama, _(why),
			    (int)len, text + off);
			c->mentah[id] = true;
		}
	}
}

static void
info(bctx *c)
{
	doc_info *di = &c->d->info;
	const char *sde = getenv("SOURCE_DATE_EPOCH");

	di->title = teks(c, TT_INFO_JUDUL, NULL, 0);
	di->author = doc_strdup(c->d, atau_kosong(c->r->instansi.nama));
	di->subject = teks(c, TT_INFO_SUBJEK, NULL, 0);
	di->keywords = teks(c, TT_INFO_KATA_KUNCI, NULL, 0);
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

static void
halaman(bctx *c)
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

static void
peringatan_data(bctx *c)
{
	if (!c->q->ada)
		warn(c, _("quarter %s has no report: the plan is printed "
		    "without realisations"), tw_nama(c));
	for (size_t j = 0; j < c->k->n_iku; j++) {
		const kinerja_iku *row = &c->k->iku[j];

		if (row->iku == NULL)
			warn(c, _("%s has no IKU"), row->sasaran->kode);
		else if (!row->ada_realisasi)
			warn(c, _("%s: no realisation yet"), row->iku->kode);
	}
	for (size_t j = 0; j < c->k->n_program; j++)
		if (!c->k->program[j].ada_realisasi)
			warn(c, _("%s: no budget realisation yet"),
			    c->k->program[j].program->kode);
}

int
build_laporan(const rencana *r, const kinerja *k, const tmpl *t,
	      doc **out, const char ***warnp, lk_err *e)
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
		[TB_LAMPIRAN] = bagian_lampiran,
	};
	enum doc_numbering prev = DOC_NUM_NONE;
	bctx c;

	if (r == NULL || k == NULL || t == NULL || out == NULL)
		lk_fatal("build_laporan: NULL argument");
	if (k->tw < 1 || k->tw > TW_MAX)
		return lk_fail(e, EX_USAGE, _("quarter %d is not 1 to 4"), k->tw);
	memset(&c, 0, sizeof c);
	c.r = r;
	c.k = k;
	c.t = t;
	c.tw = k->tw;
	c.q = &r->tw[k->tw];
	c.d = doc_new();
	/* The warnings array always exists, NULL-ended. */
	c.warn = arena_grow(&c.d->mem, NULL, sizeof *c.warn, &c.cap_warn, 1);
	c.warn[0] = NULL;

	peringatan_data(&c);
	isi_umum(&c);
	teks_berlaku(&c);
	halaman(&c);
	info(&c);
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
