/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_show.c - the quarter's capaian tables as text, CSV or TSV, or the
 * quarter's report as one HTML page. */
#include "config.h"
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/show_tahunan.h"
#include "cli/show_text.h"
#include "core/dec.h"
#include "core/i18n.h"
#include "core/kinerja.h"
#include "io/csv.h"
#include "svc/svc.h"

enum { TABLE_IKU = 1, TABLE_PROGRAM = 2 };

/* Column names: the header row of csv/tsv, exactly. */
static const char *const iku_cols[] = {
	"no", "sasaran", "kode", "indikator", "satuan", "target", "realisasi",
	"capaian", "predikat",
};
static const char *const program_cols[] = {
	"no", "kode", "program", "anggaran", "target", "realisasi", "capaian",
	"keterangan",
};
#define N_IKU_COLS (sizeof iku_cols / sizeof iku_cols[0])
#define N_PROGRAM_COLS (sizeof program_cols / sizeof program_cols[0])

/* Text tables: the IKU table groups its rows under a row per sasaran. */
static const tt_col iku_text_cols[] = {
	{ "No", true, false }, { "Kode", false, false },
	{ "Indikator", false, true }, { "Satuan", false, false },
	{ "Target", true, false }, { "Realisasi", true, false },
	{ "Capaian", true, false }, { "Predikat", false, false },
};
#define N_IKU_TEXT_COLS (sizeof iku_text_cols / sizeof iku_text_cols[0])
static const tt_col program_text_cols[N_PROGRAM_COLS] = {
	{ "No", true, false }, { "Kode", false, false }, { "Program", false, true },
	{ "Anggaran", true, false }, { "Target", true, false },
	{ "Realisasi", true, false }, { "Capaian", true, false },
	{ "Keterangan", false, true },
};

/* Capaian as printed: empty when unknown, "-" when undefined. */
static const char *
fmt_capaian(arena *a, const capaian *cp, bool percent_sign)
{
	char buf[DEC_BUFSZ];

	switch (cp->status) {
	case CAPAIAN_KOSONG:
		return "";
	case CAPAIAN_TAK_TERDEFINISI:
		return "-";
	default:
		dec_format_persen(cp->persen, buf);
		return arena_printf(a, "%s%s", buf, percent_sign ? "%" : "");
	}
}

static const char *
fmt_nilai(arena *a, int64_t v)
{
	char buf[DEC_BUFSZ];

	return arena_strdup(a, dec_format_nilai(v, buf));
}

static const char *
fmt_uang(arena *a, int64_t v)
{
	char buf[DEC_BUFSZ];

	return arena_strdup(a, dec_format_uang(v, buf));
}

static const char **
iku_cells(arena *a, const kinerja *k, bool text, size_t *nrow)
{
	const char **cell = arena_alloc(a, k->n_iku * N_IKU_COLS * sizeof *cell);
	size_t i;

	for (i = 0; i < k->n_iku; i++) {
		const kinerja_iku *row = &k->iku[i];
		const char **c = cell + i * N_IKU_COLS;

		c[0] = arena_printf(a, "%zu", row->no);
		c[1] = row->sasaran->uraian;
		if (row->iku == NULL) {
			for (size_t j = 2; j < N_IKU_COLS; j++)
				c[j] = "";
			continue;
		}
		c[2] = row->iku->kode;
		c[3] = row->iku->uraian;
		c[4] = row->iku->satuan;
		c[5] = row->target_kosong ? "" : fmt_nilai(a, row->target);
		c[6] = row->ada_realisasi ? fmt_nilai(a, row->realisasi) : "";
		c[7] = fmt_capaian(a, &row->capaian, text);
		c[8] = row->kategori ? row->kategori->label :
		    row->iku->n_kategori > 0 ? "" :
		    row->predikat ? row->predikat->nama :
		    row->capaian.status == CAPAIAN_TAK_TERDEFINISI ? "-" : "";
	}
	*nrow = k->n_iku;
	return cell;
}

/* The IKU table for people: a group row per sasaran (its number and
 * text), then its IKU with the csv columns but the first two. */
static const char **
iku_text_cells(arena *a, const char **csv, const kinerja *k, bool **span,
	       size_t *nrow)
{
	size_t n = 0, i, r = 0;
	const char **cell;

	for (i = 0; i < k->n_iku; i++)
		n += (i == 0 || k->iku[i].no != k->iku[i - 1].no) +
		    (k->iku[i].iku != NULL);
	cell = arena_alloc(a, n * N_IKU_TEXT_COLS * sizeof *cell);
	*span = arena_alloc(a, n * sizeof **span);
	for (i = 0; i < k->n_iku; i++) {
		const char **src = csv + i * N_IKU_COLS, **c;

		if (i == 0 || k->iku[i].no != k->iku[i - 1].no) {
			c = cell + r * N_IKU_TEXT_COLS;
			c[0] = src[0];
			c[1] = src[1];
			(*span)[r++] = true;
		}
		if (k->iku[i].iku == NULL)
			continue;
		c = cell + r++ * N_IKU_TEXT_COLS;
		c[0] = "";
		memcpy(c + 1, src + 2, (N_IKU_COLS - 2) * sizeof *c);
	}
	*nrow = r;
	return cell;
}

static const char *
keterangan(arena *a, const program *p)
{
	size_t i, len = 0;
	char *s;

	for (i = 0; i < p->n_sasaran; i++)
		len += strlen(p->sasaran[i]) + 2;
	s = arena_alloc(a, len + 1);
	for (i = 0; i < p->n_sasaran; i++) {
		if (i > 0)
			strcat(s, ", ");
		strcat(s, p->sasaran[i]);
	}
	return s;
}

/* Rows of the program table, the JUMLAH row last. */
static const char **
program_cells(arena *a, const kinerja *k, bool text, size_t *nrow)
{
	size_t n = k->n_program + 1, i;
	const char **cell = arena_alloc(a, n * N_PROGRAM_COLS * sizeof *cell);
	const char **c;

	for (i = 0; i < k->n_program; i++) {
		const kinerja_program *row = &k->program[i];

		c = cell + i * N_PROGRAM_COLS;
		c[0] = arena_printf(a, "%zu", row->no);
		c[1] = row->program->kode;
		c[2] = row->program->uraian;
		c[3] = row->program->anggaran_kosong ? "" :
		    fmt_uang(a, row->program->anggaran);
		c[4] = row->target_kosong ? "" : fmt_uang(a, row->target);
		c[5] = row->ada_realisasi ? fmt_uang(a, row->realisasi) : "";
		c[6] = fmt_capaian(a, &row->capaian, text);
		c[7] = keterangan(a, row->program);
	}
	c = cell + k->n_program * N_PROGRAM_COLS;
	c[0] = "";
	c[1] = "";
	c[2] = "JUMLAH";
	c[3] = fmt_uang(a, k->jumlah_anggaran);
	c[4] = fmt_uang(a, k->jumlah_target);
	c[5] = k->jumlah_ada_realisasi ? fmt_uang(a, k->jumlah_realisasi) : "";
	c[6] = fmt_capaian(a, &k->jumlah_capaian, text);
	c[7] = "";
	*nrow = n;
	return cell;
}

static int
write_delimited(enum csv_style st, const char *const *head, size_t ncol,
		const char *const *cell, size_t nrow)
{
	size_t r;

	if (csv_write_row(stdout, st, head, ncol) != 0)
		return -1;
	for (r = 0; r < nrow; r++)
		if (csv_write_row(stdout, st, cell + r * ncol, ncol) != 0)
			return -1;
	return 0;
}

/* True when every program's target is its anggaran (no quarterly
 * targets): the text table then leaves the Target column out. */
static bool
target_is_anggaran(const kinerja *k)
{
	size_t i;

	for (i = 0; i < k->n_program; i++)
		if (k->program[i].target_triwulan)
			return false;
	return true;
}

/* The quarter's notes on the IKU's realisations (triwulan.N.keterangan),
 * under the table they explain. */
static int
print_keterangan(const kinerja *k, arena *a, size_t width)
{
	static const tt_col col[] = { { "Kode", false, false },
		{ "Keterangan", false, true } };
	const char **cell = arena_alloc(a, (k->n_iku + 1) * 2 * sizeof *cell);
	size_t n = 0;

	for (size_t i = 0; i < k->n_iku; i++) {
		const iku *ik = k->iku[i].iku;

		if (ik == NULL || ik->keterangan[k->tw] == NULL)
			continue;
		cell[n * 2] = ik->kode;
		cell[n * 2 + 1] = ik->keterangan[k->tw];
		n++;
	}
	if (n == 0)
		return 0;
	printf(_("\nNotes on the realisations\n\n"));
	return tt_print(stdout, col, 2, cell, NULL, n, (size_t)-1, width);
}

static int
print_iku_text(const rencana *r, const kinerja *k, arena *a, const char **csv,
	       size_t width)
{
	bool *span;
	size_t nrow;
	const char **cell = iku_text_cells(a, csv, k, &span, &nrow);

	printf(_("Capaian of the key performance indicators (IKU), quarter %s %d\n%s\n\n"),
	       tw_romawi(k->tw), r->tahun, r->instansi.nama);
	if (tt_print(stdout, iku_text_cols, N_IKU_TEXT_COLS, cell, span, nrow,
		     (size_t)-1, width) != 0)
		return -1;
	return print_keterangan(k, a, width);
}

static int
print_program_text(const rencana *r, const kinerja *k, arena *a,
		   const char **csv, size_t nrow, size_t width)
{
	tt_col col[N_PROGRAM_COLS];
	const char **cell = csv;
	size_t ncol = N_PROGRAM_COLS, i, j;

	memcpy(col, program_text_cols, sizeof col);
	printf(_("Budget realisation per program (Rp), quarter %s %d\n\n"),
	       tw_romawi(k->tw), r->tahun);
	if (target_is_anggaran(k)) {
		/* Drop column 4 (target): it repeats the anggaran. */
		ncol--;
		memmove(col + 4, col + 5, (ncol - 4) * sizeof *col);
		cell = arena_alloc(a, nrow * ncol * sizeof *cell);
		for (i = 0; i < nrow; i++)
			for (j = 0; j < ncol; j++)
				cell[i * ncol + j] = csv[i * N_PROGRAM_COLS + (j < 4 ? j : j + 1)];
	}
	if (tt_print(stdout, col, ncol, cell, NULL, nrow, nrow - 1, width) != 0)
		return -1;
	if (ncol < N_PROGRAM_COLS)
		printf(_("The quarter's target of every program is its anggaran.\n"));
	return 0;
}

static int
print_tables(const rencana *r, kinerja *k, int tables, enum cli_format fmt,
	     bool bom)
{
	arena a = { NULL };
	size_t nrow, width = tt_terminal_width();
	enum csv_style st = fmt == FMT_CSV ? CSV_SEMICOLON : CSV_TAB;
	const char **cell;
	int rc = 0, err;
	static const char utf8_bom[] = "\xef\xbb\xbf";

	errno = 0;
	if (bom && fmt != FMT_TEXT && fputs(utf8_bom, stdout) == EOF)
		rc = -1;
	if (rc == 0 && (tables & TABLE_IKU)) {
		cell = iku_cells(&a, k, fmt == FMT_TEXT, &nrow);
		if (fmt == FMT_TEXT)
			rc = print_iku_text(r, k, &a, cell, width);
		else
			rc = write_delimited(st, iku_cols, N_IKU_COLS, cell, nrow);
	}
	if (rc == 0 && (tables & TABLE_PROGRAM)) {
		if (tables & TABLE_IKU)
			putchar('\n');
		cell = program_cells(&a, k, fmt == FMT_TEXT, &nrow);
		if (fmt == FMT_TEXT)
			rc = print_program_text(r, k, &a, cell, nrow, width);
		else
			rc = write_delimited(st, program_cols, N_PROGRAM_COLS, cell, nrow);
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

static void
note_empty(const cli_ctx *c, const svc_period *per)
{
	if (!per->r->tw[per->tw].ada && !c->quiet)
		fprintf(stderr, _("lakip: note: %s has no report for quarter %s %d yet; "
				  "realisations are empty\n"), per->kode,
			tw_romawi(per->tw), per->tahun);
}

/* The quarter as the report prints it, as one HTML page on stdout: the
 * agency's template, as `report` renders it. */
static int
print_html(cli_ctx *c, const cli_period *p)
{
	lk_err e = { 0, "" };
	svc_period per;
	store *s;
	svc v;
	int rc;

	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	if ((rc = svc_init(&v, s, &e)) == 0 &&
	    (rc = svc_open(&v, p->instansi, p->tahun, p->tw, AKSI_LIHAT, &per,
			   &e)) == 0) {
		note_empty(c, &per);
		rc = svc_render_html(&v, &per, NULL, stdout, _("standard output"), &e);
		svc_period_free(&per);
	}
	svc_done(&v);
	store_close(s);
	return rc ? cli_report(&e) : 0;
}

int
cmd_show(cli_ctx *c)
{
	cli_period p = { NULL, 0, 0 };
	int ch, rc, tables = TABLE_IKU | TABLE_PROGRAM;
	enum cli_format fmt = FMT_TEXT;
	svc_period per;
	const char *table = NULL;
	bool tahunan = false;
	bool bom = false;

	while ((ch = cli_getopt(c)) != -1) {
		if ((rc = cli_period_opt(c, ch, &p)) >= 0) {
			if (rc != 0)
				return rc;
			continue;
		}
		switch (ch) {
		case 'Y':
			tahunan = true;
			break;
		case 'T':
			table = optarg;
			if (strcmp(optarg, "sasaran") == 0)
				break;
			if (strcmp(optarg, "iku") == 0)
				tables = TABLE_IKU;
			else if (strcmp(optarg, "program") == 0)
				tables = TABLE_PROGRAM;
			else
				return cli_usage(c, _("--table: expected iku, sasaran or program, got '%s'"), optarg);
			break;
		case 'f':
			if ((rc = cli_table_format(c, optarg, true, &fmt)) != 0)
				return rc;
			break;
		case 'B':
			bom = true;
			break;
		default:
			return EX_USAGE;
		}
	}
	if (tahunan && p.tw != 0)
		return cli_usage(c, _("--tahunan and --triwulan exclude each other"));
	if (!tahunan && table != NULL && strcmp(table, "sasaran") == 0)
		return cli_usage(c, _("--table sasaran needs --tahunan"));
	if ((rc = cli_period_done(c, &p, !tahunan)) != 0)
		return rc;
	if (fmt == FMT_HTML && (tahunan || table != NULL || bom))
		return cli_usage(c, _("--format html is the whole quarter: it takes "
				      "neither --tahunan, --table nor --bom"));
	if (tahunan)
		return show_tahunan(c, p.instansi, p.tahun, table,
				    fmt == FMT_TEXT, fmt == FMT_TSV);
	if (fmt == FMT_HTML)
		return print_html(c, &p);
	if ((rc = cli_open_period(c, &p, &per)) != 0)
		return rc;
	note_empty(c, &per);
	rc = print_tables(per.r, &per.k, tables, fmt, bom);
	svc_period_free(&per);
	return rc;
}
