/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* zona.c - local time of the agency: fixed offsets, calendar arithmetic
 * (days from 1970-01-01 in the proleptic Gregorian calendar), no TZ. */
#include "config.h"
#include "core/zona.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/model.h"

static const zona_info zonas[] = {
	{ "Asia/Jakarta", "WIB", 7 * 60 },
	{ "Asia/Makassar", "WITA", 8 * 60 },
	{ "Asia/Jayapura", "WIT", 9 * 60 },
};

const zona_info *
zona_ke(size_t i)
{
	return i < sizeof zonas / sizeof zonas[0] ? &zonas[i] : NULL;
}

const zona_info *
zona_cari(const char *nama)
{
	if (nama == NULL || *nama == '\0')
		return &zonas[0];
	for (size_t i = 0; i < sizeof zonas / sizeof zonas[0]; i++)
		if (strcmp(zonas[i].nama, nama) == 0)
			return &zonas[i];
	return NULL;
}

const zona_info *
zona_atau_baku(const char *nama)
{
	const zona_info *z = zona_cari(nama);

	return z != NULL ? z : &zonas[0];
}

/* Days since 1970-01-01 of y-m-d (H. Hinnant's days_from_civil). */
static int64_t
hari_dari(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
ke_tanggal(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* utc into local broken-down time; false when it is no instant. */
static bool
lokal(const char *utc, const zona_info *z, int t[6])
{
	int y, mo, d, h, mi, s = 0, k = 0;
	int64_t detik;

	if (utc == NULL || strlen(utc) < 16 || utc[4] != '-' || utc[7] != '-' ||
	    utc[10] != 'T' || utc[13] != ':')
		return false;
	if (sscanf(utc, "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &k) != 5)
		return false;
	if (utc[k] == ':' && sscanf(utc + k, ":%2d", &s) == 1)
		k += 3;
	if (strcmp(utc + k, "Z") != 0 || !tanggal_sah(y, mo, d) || h > 23 ||
	    mi > 59 || s > 60 || h < 0 || mi < 0 || s < 0)
		return false;
	detik = hari_dari(y, mo, d) * 86400 + h * 3600 + mi * 60 + s +
	    (int64_t)z->menit * 60;
	{
		int64_t hari = detik >= 0 ? detik / 86400 : -((-detik + 86399) / 86400);
		int64_t sisa = detik - hari * 86400;

		ke_tanggal(hari, &t[0], &t[1], &t[2]);
		t[3] = (int)(sisa / 3600);
		t[4] = (int)(sisa / 60 % 60);
		t[5] = (int)(sisa % 60);
	}
	return true;
}

bool
zona_lokal(const char *utc, const char *nama, bool detik, char *buf, size_t n)
{
	const zona_info *z = zona_atau_baku(nama);
	int t[6];

	if (!lokal(utc, z, t)) {
		snprintf(buf, n, "%s", utc != NULL ? utc : "");
		return false;
	}
	if (detik)
		snprintf(buf, n, "%04d-%02d-%02d %02d:%02d:%02d %s", t[0], t[1],
			 t[2], t[3], t[4], t[5], z->singkat);
	else
		snprintf(buf, n, "%04d-%02d-%02d %02d:%02d %s", t[0], t[1], t[2],
			 t[3], t[4], z->singkat);
	return true;
}

void
zona_tanggal_detik(int64_t t, const char *nama, char *buf, size_t n)
{
	int64_t detik = t + (int64_t)zona_atau_baku(nama)->menit * 60;
	int64_t hari = detik >= 0 ? detik / 86400 : -((-detik + 86399) / 86400);
	int y, m, d;

	ke_tanggal(hari, &y, &m, &d);
	snprintf(buf, n, "%04d-%02d-%02d", y, m, d);
}

bool
zona_awal_hari(const char *tanggal, const char *nama, char *buf, size_t n)
{
	const zona_info *z = zona_atau_baku(nama);
	int y, m, d, k = 0;
	int64_t detik, hari, sisa;

	if (tanggal == NULL || strlen(tanggal) != 10 ||
	    sscanf(tanggal, "%4d-%2d-%2d%n", &y, &m, &d, &k) != 3 || k != 10 ||
	    tanggal[4] != '-' || tanggal[7] != '-' || !tanggal_sah(y, m, d))
		return false;
	detik = hari_dari(y, m, d) * 86400 - (int64_t)z->menit * 60;
	hari = detik >= 0 ? detik / 86400 : -((-detik + 86399) / 86400);
	sisa = detik - hari * 86400;
	ke_tanggal(hari, &y, &m, &d);
	snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
		 (int)(sisa / 3600), (int)(sisa / 60 % 60), (int)(sisa % 60));
	return true;
}

bool
zona_tanggal_lokal(const char *utc, const char *nama, char *buf, size_t n)
{
	int t[6];

	if (!lokal(utc, zona_atau_baku(nama), t)) {
		snprintf(buf, n, "%.10s", utc != NULL ? utc : "");
		return false;
	}
	snprintf(buf, n, "%04d-%02d-%02d", t[0], t[1], t[2]);
	return true;
}
