/* cmd_show.c - the quarter's capaian tables as text, CSV or TSV. */
#include "config.h"
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/show_text.h"
#include "core/dec.h"
#include "core/i18n.h"
#include "core/kinerja.h"
#include "io/csv.h"
#include "io/datafile.h"
#include "io/predikat_load.h"

enum show_format { FMT_TEXT, FMT_CSV, FMT_TSV };
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

/* Titles of the text tables, aligned with the columns above. */
static const tt_col iku_text_cols[N_IKU_COLS] = {
	{ "No", true, false }, { "Sasaran", false, true }, { "Kode", false, false },
	{ "Indikator", false, true }, { "Satuan", false, false },
	{ "Target", true, false }, { "Realisasi", true, false },
	{ "Capaian", true, false }, { "Predikat", false, false },
};
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
		c[5] = fmt_nilai(a, row->target);
		c[6] = row->ada_realisasi ? fmt_nilai(a, row->realisasi) : "";
		c[7] = fmt_capaian(a, &row->capaian, text);
		c[8] = row->predikat ? row->predikat->nama :
		    row->capaian.status == CAPAIAN_TAK_TERDEFINISI ? "-" : "";
	}
	*nrow = k->n_iku;
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
		c[3] = fmt_uang(a, row->program->anggaran);
		c[4] = fmt_uang(a, row->target);
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

/* Bands from templates/predikat.yaml; the built-in default when the file
 * is not installed anywhere. */
static int
load_predikat(arena *a, predikat_tabel *pt, lk_err *e)
{
	char path[4096];

	if (datafile_find("templates/predikat.yaml", path, sizeof path, NULL) != 0) {
		*pt = *predikat_default();
		return 0;
	}
	return predikat_load_file(a, path, pt, e);
}

static int
print_tables(const rencana *r, kinerja *k, int tables, enum show_format fmt)
{
	arena a = { NULL };
	size_t nrow, width = tt_terminal_width();
	const char **cell;
	int rc = 0;

	if (tables & TABLE_IKU) {
		cell = iku_cells(&a, k, fmt == FMT_TEXT, &nrow);
		if (fmt == FMT_TEXT) {
			printf(_("Capaian of the key performance indicators (IKU), quarter %s %d\n%s\n\n"),
			       tw_romawi(k->tw), r->tahun, r->instansi.nama);
			rc = tt_print(stdout, iku_text_cols, N_IKU_COLS, cell, nrow,
				      (size_t)-1, width);
		} else
			rc = write_delimited(fmt == FMT_CSV ? CSV_SEMICOLON : CSV_TAB,
					     iku_cols, N_IKU_COLS, cell, nrow);
	}
	if (rc == 0 && (tables & TABLE_PROGRAM)) {
		if (tables & TABLE_IKU)
			putchar('\n');
		cell = program_cells(&a, k, fmt == FMT_TEXT, &nrow);
		if (fmt == FMT_TEXT) {
			printf(_("Budget realisation per program (Rp), quarter %s %d\n\n"),
			       tw_romawi(k->tw), r->tahun);
			rc = tt_print(stdout, program_text_cols, N_PROGRAM_COLS, cell,
				      nrow, nrow - 1, width);
		} else
			rc = write_delimited(fmt == FMT_CSV ? CSV_SEMICOLON : CSV_TAB,
					     program_cols, N_PROGRAM_COLS, cell, nrow);
	}
	arena_free(&a);
	if (rc == 0 && fflush(stdout) != 0)
		rc = -1;
	return rc == 0 ? 0 : cli_error(EX_IOERR, _("cannot write standard output"));
}

int
cmd_show(cli_ctx *c)
{
	static const struct option opts[] = {
		{ "instansi", required_argument, NULL, 'i' },
		{ "tahun", required_argument, NULL, 't' },
		{ "triwulan", required_argument, NULL, 'q' },
		{ "table", required_argument, NULL, 'T' },
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTS, { NULL, 0, NULL, 0 },
	};
	lk_err e = { 0, "" };
	const char *inst = NULL;
	char *kode = NULL;
	int ch, rc, tahun = 0, tw = 0, tables = TABLE_IKU | TABLE_PROGRAM;
	enum show_format fmt = FMT_TEXT;
	predikat_tabel pt;
	rencana *r = NULL;
	kinerja k;
	store *s;

	while ((ch = cli_getopt(c, "+d:i:t:q:T:f:", opts)) != -1) {
		switch (ch) {
		case 'i': inst = optarg; break;
		case 't':
			if ((rc = cli_parse_tahun(c, optarg, &tahun)) != 0)
				return rc;
			break;
		case 'q':
			if ((rc = cli_parse_triwulan(c, optarg, &tw)) != 0)
				return rc;
			break;
		case 'T':
			if (strcmp(optarg, "iku") == 0)
				tables = TABLE_IKU;
			else if (strcmp(optarg, "program") == 0)
				tables = TABLE_PROGRAM;
			else
				return cli_usage(c, _("--table: expected iku or program, got '%s'"), optarg);
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				fmt = FMT_TEXT;
			else if (strcmp(optarg, "csv") == 0)
				fmt = FMT_CSV;
			else if (strcmp(optarg, "tsv") == 0)
				fmt = FMT_TSV;
			else
				return cli_usage(c, _("--format: expected text, csv or tsv, got '%s'"), optarg);
			break;
		default:
			return EX_USAGE;
		}
	}
	if (optind < c->argc)
		return cli_usage(c, _("unexpected argument '%s'"), c->argv[optind]);
	if (tahun == 0)
		return cli_usage(c, _("--tahun is required"));
	if (tw == 0)
		return cli_usage(c, _("--triwulan is required"));
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	rc = store_pilih_instansi(s, inst, &kode, &e);
	if (rc == 0)
		rc = store_load(s, kode, tahun, &r, &e);
	store_close(s);
	free(kode);
	if (rc == 0)
		rc = load_predikat(&r->mem, &pt, &e);
	if (rc == 0)
		rc = kinerja_hitung(r, tw, &pt, &k, &e);
	if (rc != 0) {
		if (r != NULL)
			rencana_free(r);
		return cli_report(&e);
	}
	if (!r->tw[tw].ada)
		fprintf(stderr, _("lakip: note: %s has no report for quarter %s %d yet; "
				  "realisations are empty\n"), r->instansi.kode,
			tw_romawi(tw), tahun);
	rc = print_tables(r, &k, tables, fmt);
	rencana_free(r);
	return rc;
}
