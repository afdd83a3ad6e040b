/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_csv.c - the CSV reader (io/csv.h) and one sheet merged into a
 * plan (sheet_csv_merge).
 *
 * Byte 0 chooses the sheet (modulo 7: instansi, bidang, iku, program,
 * triwulan, realisasi_iku, realisasi_program); the rest is the file.  It
 * is read, then merged into a small plan (a built-in exchange file).
 * When the merge gives a plan, the promise of the CSV writer: that sheet
 * of the new plan, written as CSV (csv_write_sheet, with a BOM), reads
 * and merges back as the same plan.
 */
#include "config.h"
#include "fuzz.h"

#include "core/model.h"
#include "io/csv.h"
#include "io/exchange.h"
#include "io/sheet.h"

static const char *const names[] = { "instansi", "bidang", "iku", "program",
	"triwulan", "realisasi_iku", "realisasi_program" };

static const char base_yaml[] =
	"format: lakip/1\n"
	"instansi:\n"
	"  kode: dinas\n  nama: Dinas\n  pemerintah: Pemerintah\n"
	"  kota: Kota\n"
	"  kepala: {nama: Budi, jabatan: Kepala, pangkat: Pembina,"
	" nip: \"196610221993081001\"}\n"
	"  bidang: [{kode: pol, nama: Politik}]\n"
	"tahun: 2023\n"
	"sasaran:\n"
	"  - kode: SS1\n    uraian: Sasaran\n    bidang: pol\n    iku:\n"
	"      - {kode: IKU1, uraian: Indikator, satuan: '%', target: 80,"
	" target_triwulan: {2: 40}}\n"
	"      - {kode: IKU2, uraian: Konflik, satuan: kasus, polaritas: negatif,"
	" target: 8}\n"
	"program:\n"
	"  - {kode: P01, uraian: Program, anggaran: 1000000.5, sasaran: [SS1]}\n"
	"triwulan:\n"
	"  2:\n    tanggal: 2023-06-30\n"
	"    realisasi_iku: {IKU1: 39.5}\n"
	"    realisasi_program: {P01: 500000}\n"
	"    narasi: {SS1: Teks.}\n";

static char *
yaml(const rencana *r, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	lk_err e;

	if (f == NULL)
		abort();
	if (exchange_write(f, r, &e) != 0)
		fz_bug("exchange_write refused a merged plan: %s", e.msg);
	if (fclose(f) != 0)
		abort();
	return buf;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static rencana *base;
	sheet_book *b = NULL, *built = NULL, *b2 = NULL;
	rencana *r = NULL, *r2 = NULL;
	const char *name;
	char *csv = NULL, *a, *c;
	size_t csvlen = 0, alen = 0, clen = 0;
	bool cp;
	lk_err e;
	FILE *f;

	if (base == NULL &&
	    exchange_read_buffer("base.yaml", base_yaml, sizeof base_yaml - 1,
	    &base, &e) != 0)
		fz_bug("the built-in plan: %s", e.msg);
	if (size < 1)
		return 0;
	name = names[data[0] % 7];
	if (csv_read_buffer("fuzz.csv", (const char *)data + 1, size - 1, name,
	    &b, &cp, &e) != 0) {
		if (b != NULL || e.msg[0] == '\0')
			fz_bug("csv_read_buffer failed badly");
		return 0;
	}
	if (sheet_csv_merge(b, base, &r, &e) != 0) {
		if (r != NULL || e.msg[0] == '\0')
			fz_bug("sheet_csv_merge failed badly");
		sheet_book_free(b);
		return 0;
	}
	if (sheet_book_build(r, NULL, false, &built, &e) != 0)
		fz_bug("sheet_book_build refused a plan: %s", e.msg);
	if ((f = open_memstream(&csv, &csvlen)) == NULL)
		abort();
	if (csv_write_sheet(f, sheet_find(built, name), true) != 0)
		fz_bug("csv_write_sheet failed");
	if (fclose(f) != 0)
		abort();
	if (csv_read_buffer("again.csv", csv, csvlen, name, &b2, &cp, &e) != 0)
		fz_bug("the CSV written does not read: %s\n%.*s", e.msg,
		    (int)csvlen, csv);
	if (sheet_csv_merge(b2, r, &r2, &e) != 0)
		fz_bug("the CSV written does not merge: %s\n%.*s", e.msg,
		    (int)csvlen, csv);
	a = yaml(r, &alen);
	c = yaml(r2, &clen);
	if (alen != clen || memcmp(a, c, alen) != 0)
		fz_bug("CSV -> plan -> CSV -> plan differs\n--- csv:\n%.*s\n"
		    "--- first:\n%.*s\n--- second:\n%.*s", (int)csvlen, csv,
		    (int)alen, a, (int)clen, c);
	free(a);
	free(c);
	free(csv);
	rencana_free(r);
	rencana_free(r2);
	sheet_book_free(b);
	sheet_book_free(b2);
	sheet_book_free(built);
	return 0;
}
