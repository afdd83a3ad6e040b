/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_verifikasi.c - the QR payload parser of core/verifikasi.h.
 *
 * Input: the bytes a QR reader returns.  A payload verif_parse accepts
 * must be complete (agency, period, version, hash: a quarter for the
 * quarterly report, none for the Perjanjian Kinerja and the LKjIP) and,
 * made again by verif_payload_dok in its form (the URL form with a fixed
 * base), read back as the same fields.
 */
#include "config.h"
#include "fuzz.h"

#include "core/arena.h"
#include "core/verifikasi.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	verif_isi q, r;
	const char *why = NULL, *why2 = NULL;
	arena a = { 0 };
	char *s;

	if (verif_parse((const char *)data, size, &q, &why) != 0) {
		if (why == NULL || *why == '\0')
			fz_bug("refused without a reason");
		return 0;
	}
	if (q.instansi[0] == '\0' || q.tahun == 0 || q.versi < 1 ||
	    strlen(q.sha256) != 64)
		fz_bug("accepted an incomplete payload");
	if (q.dokumen == VD_LAPORAN ? q.tw < 1 || q.tw > 4 : q.tw != 0)
		fz_bug("accepted a payload with a wrong quarter for its kind");
	s = verif_payload_dok(&a, q.dokumen, q.url ? "https://x.go.id/v" : NULL,
			      q.instansi, q.tahun, q.tw, q.versi, q.sha256);
	if (verif_parse(s, strlen(s), &r, &why2) != 0)
		fz_bug("a payload made again does not parse: %s", why2);
	if (strcmp(r.instansi, q.instansi) != 0 || r.tahun != q.tahun ||
	    r.tw != q.tw || r.versi != q.versi || r.dokumen != q.dokumen || strcmp(r.sha256, q.sha256) != 0 ||
	    r.url != q.url)
		fz_bug("a payload made again reads back otherwise");
	arena_free(&a);
	return 0;
}
