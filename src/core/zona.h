/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* zona.h - the agency's time zone (instansi.zona_waktu) and the local
 * time of a stored UTC instant in it.
 *
 * Owns: the three zones of Indonesia as fixed offsets (Indonesia keeps
 * no daylight saving time): Asia/Jakarta WIB +7 (the default),
 * Asia/Makassar WITA +8, Asia/Jayapura WIT +9.  Times are stored as UTC
 * ("YYYY-MM-DDTHH:MM:SSZ"); what screens and listings show is computed
 * here by arithmetic on the calendar, never from the user's TZ variable
 * or the C library's zone database.  libc only.
 */
#ifndef LK_ZONA_H
#define LK_ZONA_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct zona_info {
	const char *nama;        /* "Asia/Jakarta" */
	const char *singkat;     /* "WIB" */
	int menit;               /* offset from UTC, minutes */
} zona_info;

/* The zone named nama; NULL or "" is the default (Asia/Jakarta); NULL
 * for a name that is none of the three. */
const zona_info *zona_cari(const char *nama);
/* The zone of nama, the default for NULL, "" or an unknown name. */
const zona_info *zona_atau_baku(const char *nama);
/* The i-th of the zones, the default first; NULL past the last. */
const zona_info *zona_ke(size_t i);

/* The UTC instant utc ("YYYY-MM-DDTHH:MM[:SS]Z", as the store writes it)
 * as local time of zone nama into buf: "YYYY-MM-DD HH:MM:SS WIB" (with
 * seconds) or "YYYY-MM-DD HH:MM WIB".  false, with utc copied as it is,
 * when it is not such an instant. */
bool zona_lokal(const char *utc, const char *nama, bool detik, char *buf,
		size_t n);
/* The UTC instant ("YYYY-MM-DDTHH:MM:SSZ") at which the local day
 * tanggal ("YYYY-MM-DD") begins in zone nama; false when tanggal is no
 * such date. */
bool zona_awal_hari(const char *tanggal, const char *nama, char *buf,
		    size_t n);
/* The local date ("YYYY-MM-DD") in zone nama of t seconds since the
 * epoch (a certificate's validity, say). */
void zona_tanggal_detik(int64_t t, const char *nama, char *buf, size_t n);
/* The local date only: "YYYY-MM-DD" (its day in the agency's zone). */
bool zona_tanggal_lokal(const char *utc, const char *nama, char *buf,
			size_t n);

#endif
