/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* show_tahunan.c - `show --tahunan`: the figures of the whole year
 * (core/tahunan.h) as text, CSV or TSV. */
#include "config.h"
#include "cli/cli.h"
#include "cli/show_tahunan.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/show_text.h"
#include "core/dec.h"
#include "core/i18n.h"
#include "core/tahunan.h"
#include "io/csv.h"
#include "svc/svc.h"

/* Column names of csv/tsv, exactly. */
static const char *const iku_cols[] = {
	"no", "sasaran", "kode", "indikator", "satuan", "target", "realisasi",
	"capaian", "target_renstra", "capaian_renstra", "kategori",
	"realisasi_lalu", "perubahan",
};
static const char *const sasaran_cols[] = {
	"no", "kode", "sasaran", "capaian", "serapan", "efisiensi",
};
static const char *const program_cols[] = {
	"no", "kode", "program", "anggaran", "realisasi", "serapan",
};
#define NI (sizeof iku_cols / sizeof iku_cols[0])
#define NS (sizeof sasaran_cols / sizeof sasaran_cols[0])
#define NP (sizeof program_cols / sizeof program_cols[0])

/* For people: the IKU in two tables that fit 80 columns. */
static const tt_col iku_text1[] = {
	{ "No", true, false }, { "Kode", false, false },
	{ "Indikator", false, true }, { "Satuan", false, true },
	{ "Target", true, false }, { "Realisasi", true, false },
	{ "Capaian", true, false }, { "Kategori/Predikat", false, true },
};
static const tt_col iku_text2[] = {
	{ "No", true, false }, { "Kode", false, false },
	{ "Target Renstra", true, true }, { "Capaian Renstra", true, true },
	{ "Realisasi tahun lalu", true, true }, { "Perubahan", true, false },
};
static const tt_col sasaran_text[] = {
	{ "No", true, false }, { "Kode", false, false },
	{ "Sasaran", false, true }, { "Capaian", true, false },
	{ "Serapan", true, false }, { "Efisiensi", true, false },
};
static const tt_col program_text[] = {
	{ "No", true, false }, { "Kode", false, false },
	{ "Program", false, true }, { "Anggaran", true, false },
	{ "Realisasi", true, false }, { "Serapan", true, false },
};

static const char *
fmt_cap(arena *a, const capaian *cp, bool pct)
{
	char buf[DEC_BUFSZ];

	if (cp->status == CAPAIAN_KOSONG)
		return "";
	if (cp->status == CAPAIAN_TAK_TERDEFINISI)
		return "-";
	dec_format_persen(cp->persen, buf);
	return arena_printf(a, "%s%s", buf, pct ? "%" : "");
}

static const char *
fmt_nilai(arena *a, bool ada, int64_t v)
{
	char buf[DEC_BUFSZ];

	return ada ? arena_strdup(a, dec_format_nilai(v, buf)) : "";
}

static const char *
fmt_uang(arena *a, bool ada, int64_t v)
{
	char buf[DEC_BUFSZ];

	return ada ? arena_strdup(a, dec_format_uang(v, buf)) : "";
}

/* The change with its sign: "+2,5", "-1", "0". */
static const char *
fmt_beda(arena *a, bool ada, int64_t v)
{
	char buf[DEC_BUFSZ];

	if (!ada)
		return "";
	return arena_printf(a, "%s%s", v > 0 ? "+" : "", dec_format_nilai(v, buf));
}

static const char **
iku_cells(arena *a, const tahunan_hasil *h, bool text)
{
	const char **cell = arena_alloc(a, (h->n_iku + 1) * NI * sizeof *cell);

	for (size_t i = 0; i < h->n_iku; i++) {
		const tahunan_iku *row = &h->iku[i];
		const char **c = cell + i * NI;

		c[0] = arena_printf(a, "%zu", row->no);
		c[1] = row->sasaran->uraian;
		c[2] = row->iku->kode;
		c[3] = row->iku->uraian;
		c[4] = row->iku->satuan;
		c[5] = fmt_nilai(a, true, row->target);
		c[6] = fmt_nilai(a, row->ada_realisasi, row->realisasi);
		c[7] = fmt_cap(a, &row->capaian, text);
		c[8] = fmt_nilai(a, row->ada_target_renstra, row->target_renstra);
		c[9] = fmt_cap(a, &row->capaian_renstra, text);
		c[10] = row->kategori ? row->kategori->label :
			row->predikat ? row->predikat->nama :
			row->iku->n_kategori == 0 &&
			row->capaian.status == CAPAIAN_TAK_TERDEFINISI ? "-" : "";
		c[11] = fmt_nilai(a, row->ada_lalu, row->realisasi_lalu);
		c[12] = fmt_beda(a, row->ada_perubahan, row->perubahan);
	}
	return cell;
}

static const char **
sasaran_cells(arena *a, const tahunan_hasil *h, bool text)
{
	const char **cell = arena_alloc(a, (h->n_sasaran + 1) * NS * sizeof *cell);

	for (size_t i = 0; i < h->n_sasaran; i++) {
		const tahunan_sasaran *row = &h->sasaran[i];
		const char **c = cell + i * NS;

		c[0] = arena_printf(a, "%zu", row->no);
		c[1] = row->sasaran->kode;
		c[2] = row->sasaran->uraian;
		c[3] = fmt_cap(a, &row->capaian, text);
		c[4] = fmt_cap(a, &row->serapan, text);
		c[5] = fmt_cap(a, &row->efisiensi, text);
	}
	return cell;
}

static const char **
program_cells(arena *a, const tahunan_hasil *h, bool text)
{
	const char **cell = arena_alloc(a, (h->n_program + 1) * NP * sizeof *cell);
	const char **c;

	for (size_t i = 0; i < h->n_program; i++) {
		const tahunan_program *row = &h->program[i];

		c = cell + i * NP;
		c[0] = arena_printf(a, "%zu", row->no);
		c[1] = row->program->kode;
		c[2] = row->program->uraian;
		c[3] = fmt_uang(a, true, row->program->anggaran);
		c[4] = fmt_uang(a, row->ada_realisasi, row->realisasi);
		c[5] = fmt_cap(a, &row->serapan, text);
	}
	c = cell + h->n_program * NP;
	c[0] = "";
	c[1] = "";
	c[2] = "JUMLAH";
	c[3] = fmt_uang(a, true, h->jumlah_anggaran);
	c[4] = fmt_uang(a, h->jumlah_ada_realisasi, h->jumlah_realisasi);
	c[5] = fmt_cap(a, &h->jumlah_serapan, text);
	return cell;
}

static int
delimited(enum csv_style st, const char *const *head, size_t ncol,
	  const char *const *cell, size_t nrow)
{
	if (csv_write_row(stdout, st, head, ncol) != 0)
		return -1;
	for (size_t r = 0; r < nrow; r++)
		if (csv_write_row(stdout, st, cell + r * ncol, ncol) != 0)
			return -1;
	return 0;
}

/* Columns pick[0..n) of rows of ncol cells. */
static const char **
pick_cols(arena *a, const char **cell, size_t nrow, size_t ncol,
	  const size_t *pick, size_t n)
{
	const char **out = arena_alloc(a, (nrow + 1) * n * sizeof *out);

	for (size_t r = 0; r < nrow; r++)
		for (size_t j = 0; j < n; j++)
			out[r * n + j] = cell[r * ncol + pick[j]];
	return out;
}

static int
iku_text(arena *a, const rencana *r, const tahunan_hasil *h,
	 const char **cell, size_t width)
{
	static const size_t p1[] = { 0, 2, 3, 4, 5, 6, 7, 10 };
	static const size_t p2[] = { 0, 2, 8, 9, 11, 12 };

	printf(_("Capaian of the key performance indicators (IKU), year %d\n%s\n\n"),
	       r->tahun, r->instansi.nama);
	if (tt_print(stdout, iku_text1, LK_NELEM_(iku_text1),
		     pick_cols(a, cell, h->n_iku, NI, p1, LK_NELEM_(p1)), NULL,
		     h->n_iku, (size_t)-1, width) != 0)
		return -1;
	if (r->renstra.ada)
		printf(_("\nAgainst the Renstra %d-%d and last year (%d)\n\n"),
		       r->renstra.awal, r->renstra.akhir, r->tahun - 1);
	else
		printf(_("\nAgainst last year (%d)\n\n"), r->tahun - 1);
	return tt_print(stdout, iku_text2, LK_NELEM_(iku_text2),
			pick_cols(a, cell, h->n_iku, NI, p2, LK_NELEM_(p2)), NULL,
			h->n_iku, (size_t)-1, width);
}

static int
print(const rencana *r, const tahunan_hasil *h, const char *table,
      bool text, enum csv_style st)
{
	arena a = { NULL };
	size_t width = tt_terminal_width();
	bool all = table == NULL;
	const char **cell;
	int rc = 0, err;

	errno = 0;
	if (all || strcmp(table, "iku") == 0) {
		cell = iku_cells(&a, h, text);
		rc = text ? iku_text(&a, r, h, cell, width) :
		     delimited(st, iku_cols, NI, cell, h->n_iku);
	}
	if (rc == 0 && (all || strcmp(table, "sasaran") == 0)) {
		if (all)
			putchar('\n');
		cell = sasaran_cells(&a, h, text);
		if (text) {
			printf(_("Capaian, budget absorption and efficiency per sasaran, year %d\n\n"),
			       r->tahun);
			rc = tt_print(stdout, sasaran_text, NS, cell, NULL,
				      h->n_sasaran, (size_t)-1, width);
		} else
			rc = delimited(st, sasaran_cols, NS, cell, h->n_sasaran);
	}
	if (rc == 0 && (all || strcmp(table, "program") == 0)) {
		if (all)
			putchar('\n');
		cell = program_cells(&a, h, text);
		if (text) {
			printf(_("Budget realisation per program (Rp), year %d\n\n"),
			       r->tahun);
			rc = tt_print(stdout, program_text, NP, cell, NULL,
				      h->n_program + 1, h->n_program, width);
		} else
			rc = delimited(st, program_cols, NP, cell, h->n_program + 1);
	}
	if (rc == 0 && fflush(stdout) != 0)
		rc = -1;
	err = errno;
	arena_free(&a);
	if (rc == 0)
		return 0;
	return err ? cli_error(EX_IOERR, _("cannot write standard output: %s"), strerror(err))
		   : cli_error(EX_IOERR, _("cannot write standard output"));
}

int
show_tahunan(cli_ctx *c, const char *instansi, int tahun, const char *table,
	     bool text, bool tsv)
{
	lk_err e = { 0, "" };
	svc_period per;
	tahunan_hasil h;
	store *s;
	svc v;
	int rc;

	memset(&per, 0, sizeof per);
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	if ((rc = svc_init(&v, s, &e)) == 0)
		rc = svc_open(&v, instansi, tahun, 0, AKSI_LIHAT, &per, &e);
	if (rc == 0)
		rc = svc_tahunan(&v, &per, &h, &e);
	svc_done(&v);
	store_close(s);
	if (rc != 0) {
		svc_period_free(&per);
		return cli_report(&e);
	}
	rc = print(per.r, &h, table, text, tsv ? CSV_TAB : CSV_SEMICOLON);
	svc_period_free(&per);
	return rc;
}
