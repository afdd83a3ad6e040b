/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_rekap.c - the province view: one row per agency, as text, CSV or
 * TSV (svc_rekap computes the rows; this file only prints them). */
#include "config.h"
#include "cli/cli.h"
#include "core/keluar.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/show_text.h"
#include "core/dec.h"
#include "core/i18n.h"
#include "io/csv.h"
#include "svc/rekap.h"


/* The header row of csv/tsv, exactly. */
static const char *const csv_cols[] = {
	"kode", "instansi", "iku_terisi", "iku", "capaian", "serapan", "status",
};
#define N_CSV_COLS (sizeof csv_cols / sizeof csv_cols[0])

enum { T_KODE, T_NAMA, T_IKU, T_CAPAIAN, T_SERAPAN, T_STATUS, N_TEXT_COLS };
static const tt_col text_cols[N_TEXT_COLS] = {
	{ "Kode", false, false }, { "Instansi", false, false },
	{ "IKU", true, false }, { "Capaian", true, false },
	{ "Serapan", true, false }, { "Status", false, false },
};
#define NAMA_MIN 12   /* the narrowest the name column gets */

/* A percentage as show prints it: "78,50" (text: "78,50%"). */
static const char *
fmt_persen(arena *a, bool ada, int64_t v, bool text)
{
	char buf[DEC_BUFSZ];

	if (!ada)
		return "";
	dec_format_persen(v, buf);
	return arena_printf(a, "%s%s", buf, text ? "%" : "");
}

/* Capaian of the JUMLAH row as show prints it: "" unknown, "-" undefined. */
static const char *
fmt_capaian(arena *a, const capaian *cp, bool text)
{
	if (cp->status == CAPAIAN_TAK_TERDEFINISI)
		return "-";
	return fmt_persen(a, cp->status == CAPAIAN_ADA, cp->persen, text);
}

/* s cut to at most w display columns, ending in "…" when cut. */
static const char *
fit(arena *a, const char *s, size_t w)
{
	size_t len = strlen(s), keep;
	char *out;

	if (tt_width(s) <= w)
		return s;
	/* Drop characters (whole UTF-8 sequences) from the end until the
	 * rest and the ellipsis fit. */
	keep = len;
	out = arena_alloc(a, len + 4);
	for (;;) {
		do
			keep--;
		while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80);
		memcpy(out, s, keep);
		out[keep] = '\0';
		while (keep > 0 && out[keep - 1] == ' ')
			out[--keep] = '\0';
		if (keep == 0 || tt_width(out) + 1 <= w)
			break;
	}
	memcpy(out + keep, "\xE2\x80\xA6", 4);
	return out;
}

static const char **
csv_cells(arena *a, const svc_rekap_row *b, size_t n)
{
	const char **cell = arena_alloc(a, (n ? n : 1) * N_CSV_COLS * sizeof *cell);
	char st[64];

	for (size_t i = 0; i < n; i++) {
		const char **c = cell + i * N_CSV_COLS;

		c[0] = b[i].kode;
		c[1] = b[i].nama;
		c[2] = b[i].ada_rencana ? arena_printf(a, "%zu", b[i].iku_terisi) : "";
		c[3] = b[i].ada_rencana ? arena_printf(a, "%zu", b[i].iku) : "";
		c[4] = fmt_persen(a, b[i].ada_capaian, b[i].capaian, false);
		c[5] = b[i].ada_rencana ? fmt_capaian(a, &b[i].serapan, false) : "";
		c[6] = arena_strdup(a, rekap_status_teks(&b[i], false, st, sizeof st));
	}
	return cell;
}

static int
write_csv(FILE *f, enum csv_style st, const svc_rekap_row *b, size_t n)
{
	arena a = { NULL };
	const char **cell = csv_cells(&a, b, n);
	int rc = csv_write_row(f, st, csv_cols, N_CSV_COLS);

	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = csv_write_row(f, st, cell + i * N_CSV_COLS, N_CSV_COLS);
	arena_free(&a);
	return rc;
}

static int
write_text(FILE *f, const svc_rekap_row *b, size_t n, const rekap_total *t,
	   int tahun, int tw, size_t width)
{
	arena a = { NULL };
	size_t nrow = n + 1, i, c, w[N_TEXT_COLS], others = 0, room;
	const char **cell = arena_alloc(&a, nrow * N_TEXT_COLS * sizeof *cell);
	char st[64];
	int rc;

	for (i = 0; i < n; i++) {
		const char **r = cell + i * N_TEXT_COLS;

		r[T_KODE] = b[i].kode;
		r[T_NAMA] = b[i].nama;
		r[T_IKU] = b[i].ada_rencana ? arena_printf(&a, "%zu/%zu",
		    b[i].iku_terisi, b[i].iku) : "";
		r[T_CAPAIAN] = fmt_persen(&a, b[i].ada_capaian, b[i].capaian, true);
		r[T_SERAPAN] = b[i].ada_rencana ? fmt_capaian(&a, &b[i].serapan, true) : "";
		r[T_STATUS] = arena_strdup(&a, rekap_status_teks(&b[i], true, st,
		    sizeof st));
	}
	cell[n * N_TEXT_COLS + T_KODE] = "";
	cell[n * N_TEXT_COLS + T_NAMA] = "JUMLAH";
	cell[n * N_TEXT_COLS + T_IKU] = arena_printf(&a, "%zu/%zu", t->iku_terisi,
	    t->iku);
	cell[n * N_TEXT_COLS + T_CAPAIAN] = fmt_persen(&a, t->ada_capaian,
	    t->capaian, true);
	cell[n * N_TEXT_COLS + T_SERAPAN] = fmt_capaian(&a, &t->serapan, true);
	cell[n * N_TEXT_COLS + T_STATUS] = "";
	/* Every column but the name at its natural width, two spaces apart;
	 * the name gets the rest, cut with an ellipsis. */
	for (c = 0; c < N_TEXT_COLS; c++) {
		w[c] = tt_width(text_cols[c].title);
		for (i = 0; i < nrow; i++) {
			size_t x = tt_width(cell[i * N_TEXT_COLS + c]);

			if (x > w[c])
				w[c] = x;
		}
		if (c != T_NAMA)
			others += w[c] + 2;
	}
	room = width > others + NAMA_MIN ? width - others : NAMA_MIN;
	for (i = 0; i < nrow; i++)
		cell[i * N_TEXT_COLS + T_NAMA] = fit(&a, cell[i * N_TEXT_COLS + T_NAMA],
		    room);
	fprintf(f, _("Capaian of every agency (rekap), quarter %s %d\n\n"),
		tw_romawi(tw), tahun);
	rc = tt_print(f, text_cols, N_TEXT_COLS, cell, NULL, nrow, n, width);
	if (rc == 0)
		fprintf(f, _("IKU: with a realisation / all; capaian: the mean of the IKU\n"
			     "that have one; serapan: the budget's JUMLAH row.\n"));
	arena_free(&a);
	return rc;
}

static int
write_rows(FILE *f, enum cli_format fmt, const svc_rekap_row *b, size_t n,
	   const rekap_total *t, int tahun, int tw, size_t width)
{
	errno = 0;
	if (fmt == FMT_TEXT)
		return write_text(f, b, n, t, tahun, tw, width);
	return write_csv(f, fmt == FMT_CSV ? CSV_SEMICOLON : CSV_TAB, b, n);
}

/* The rows into the file out, by a temporary file renamed over it. */
static int
write_file(const char *out, enum cli_format fmt, const svc_rekap_row *b,
	   size_t n, const rekap_total *t, int tahun, int tw, lk_err *e)
{
	char tmp[4096];
	mode_t um;
	FILE *f;
	int rc;

	if ((rc = svc_tmp_beside(out, NULL, "rekap", tmp, e)) != 0)
		return rc;
	um = umask(0);
	umask(um);
	if (chmod(tmp, 0666 & ~um) != 0 || (f = fopen(tmp, "w")) == NULL) {
		rc = lk_fail(e, EX_CANTCREAT, _("cannot create %s: %s"), out,
			     strerror(errno));
		unlink(tmp);
		return rc;
	}
	if (write_rows(f, fmt, b, n, t, tahun, tw, 80) != 0 || ferror(f))
		rc = lk_fail(e, EX_IOERR, _("cannot write %s: %s"), out,
			     strerror(errno ? errno : EIO));
	if (fclose(f) != 0 && rc == 0)
		rc = lk_fail(e, EX_IOERR, _("cannot write %s: %s"), out,
			     strerror(errno));
	if (rc == 0 && lk_keluar(tmp, out, NULL) != 0)
		rc = lk_fail(e, EX_CANTCREAT, _("cannot create %s: %s"), out,
			     strerror(errno));
	if (rc != 0)
		unlink(tmp);
	return rc;
}

int
cmd_rekap(cli_ctx *c)
{
	lk_err e = { 0, "" };
	cli_period p = { NULL, 0, 0 };
	enum cli_format fmt = FMT_TEXT;
	const char *out = NULL;
	svc_rekap_row *rows = NULL;
	rekap_total tot;
	size_t n = 0, i;
	int ch, rc;
	store *s;
	svc v;

	while ((ch = cli_getopt(c)) != -1) {
		if ((rc = cli_period_opt(c, ch, &p)) >= 0) {
			if (rc != 0)
				return rc;
			continue;
		}
		switch (ch) {
		case 'f':
			if ((rc = cli_table_format(c, optarg, false, &fmt)) != 0)
				return rc;
			break;
		case 'o':
			out = optarg;
			break;
		default:
			return EX_USAGE;
		}
	}
	if ((rc = cli_period_done(c, &p, true)) != 0)
		return rc;
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	if ((rc = svc_init(&v, s, &e)) == 0)
		rc = svc_rekap(&v, p.tahun, p.tw, &rows, &n, &e);
	svc_done(&v);
	store_close(s);
	if (rc == 0 && rekap_jumlah(rows, n, &tot) != 0)
		rc = lk_fail(&e, EX_DATAERR, _("the totals of the rekap are too "
			     "large to add up"));
	if (rc != 0) {
		svc_rekap_free(rows, n);
		return cli_report(&e);
	}
	for (i = 0; i < n && !c->quiet; i++)
		if (!rows[i].ada_rencana)
			fprintf(stderr, _("lakip: note: %s has no plan for %d\n"),
				rows[i].kode, p.tahun);
	if (out != NULL && !cli_out_is_stdout(out))
		rc = write_file(out, fmt, rows, n, &tot, p.tahun, p.tw, &e);
	else if (write_rows(stdout, fmt, rows, n, &tot, p.tahun, p.tw,
			    tt_terminal_width()) != 0 || fflush(stdout) != 0)
		rc = errno ? lk_fail(&e, EX_IOERR, _("cannot write standard output: %s"),
				     strerror(errno))
			   : lk_fail(&e, EX_IOERR, _("cannot write standard output"));
	svc_rekap_free(rows, n);
	return rc ? cli_report(&e) : 0;
}
