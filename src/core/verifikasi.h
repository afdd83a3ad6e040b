/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* verifikasi.h - what the QR code of a signed report says, and reading
 * it back.
 *
 * Owns: the QR payload of a signed version, in one of two forms, and
 * its parser, used by `lakip finalise` (writing) and `lakip verify --qr`
 * (reading):
 *  - the agency has a verification URL (instansi.verifikasi): the URL
 *    with the document's identity as query parameters, which a phone
 *    opens,
 *      BASE?instansi=K&tahun=Y&triwulan=N&versi=V&sha256=HEX[&menggantikan=W]
 *    (BASE's own query, if any, kept: the parameters follow with '&');
 *  - else plain text, lines "LAKIP K", "periode: Y TW III", "versi: V",
 *    "menggantikan: versi W", "sha256-isi: HEX", "periksa: lakip verify".
 * HEX is the content hash (svc_content_hash) of the signed data, W the
 * version a version V > 1 replaces (V - 1).  The Perjanjian Kinerja of a
 * year (no quarter) is the same with dokumen=pk first in the URL
 * (BASE?dokumen=pk&instansi=K&tahun=Y&versi=V&sha256=HEX[&menggantikan=W])
 * and, as text, the lines "PERJANJIAN KINERJA K", "tahun: Y", then as
 * above.  The year's LKjIP likewise, with dokumen=lkjip and the first
 * line "LKJIP K".  Both forms are ASCII; the agency code is percent-encoded in
 * the URL.
 */
#ifndef LK_VERIFIKASI_H
#define LK_VERIFIKASI_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"

#define VERIF_KODE_MAX 128

/* The kind of signed document a code names. */
enum verif_dokumen { VD_LAPORAN, VD_PK, VD_LKJIP };

typedef struct verif_isi {
	enum verif_dokumen dokumen;
	char instansi[VERIF_KODE_MAX + 1];
	int tahun, tw, versi;     /* tw 0 for the Perjanjian Kinerja, LKjIP */
	int menggantikan;        /* the version this one replaces, or 0 */
	char sha256[65];         /* lower-case hex */
	bool url;                /* the payload was the URL form */
} verif_isi;

/* The payload of version versi of quarter tw of tahun of agency kode,
 * content hash sha (64 hex digits), in a's memory; base: the agency's
 * verification URL, or NULL or "" for the text form. */
char *verif_payload(arena *a, const char *base, const char *kode, int tahun,
		    int tw, int versi, const char *sha);
/* The same for document d (VD_PK, VD_LKJIP: tw is not used). */
char *verif_payload_dok(arena *a, enum verif_dokumen d, const char *base,
			const char *kode, int tahun, int tw, int versi,
			const char *sha);

/* Parse a payload of either form (len bytes, not NUL-terminated
 * necessarily): 0, or -1 with *why (a static English message). */
int verif_parse(const char *s, size_t len, verif_isi *out, const char **why);

#endif
