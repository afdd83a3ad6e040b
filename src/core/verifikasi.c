/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* verifikasi.c - the QR payload of a signed report (see verifikasi.h). */
#include "config.h"
#include "core/verifikasi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hex.h"
#include "core/i18n.h"
#include "core/kinerja.h"
#include "core/model.h"

#define TAHUN_MIN 1900
#define TAHUN_MAX 9999
#define VERSI_MAX 1000000

/* kode with every byte but the URL's unreserved ones as %XX. */
static char *
pct_encode(arena *a, const char *s)
{
	static const char hx[] = "0123456789ABCDEF";
	size_t n = strlen(s), k = 0;
	char *o = arena_alloc(a, 3 * n + 1);

	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' ||
		    ch == '_' || ch == '~') {
			o[k++] = (char)ch;
		} else {
			o[k++] = '%';
			o[k++] = hx[ch >> 4];
			o[k++] = hx[ch & 15];
		}
	}
	o[k] = '\0';
	return o;
}

char *
verif_payload_dok(arena *a, enum verif_dokumen d, const char *base,
		  const char *kode, int tahun, int tw, int versi, const char *sha)
{
	char ganti[48] = "", per[48];

	if (base != NULL && *base != '\0') {
		if (versi > 1)
			snprintf(ganti, sizeof ganti, "&menggantikan=%d", versi - 1);
		if (d != VD_LAPORAN)
			snprintf(per, sizeof per, "&tahun=%d", tahun);
		else
			snprintf(per, sizeof per, "&tahun=%d&triwulan=%d", tahun, tw);
		return arena_printf(a, "%s%c%sinstansi=%s%s&versi=%d&sha256=%s%s",
				    base, strchr(base, '?') != NULL ? '&' : '?',
				    d == VD_PK ? "dokumen=pk&" :
				    d == VD_LKJIP ? "dokumen=lkjip&" : "",
				    pct_encode(a, kode), per, versi, sha, ganti);
	}
	if (versi > 1)
		snprintf(ganti, sizeof ganti, "menggantikan: versi %d\n", versi - 1);
	if (d != VD_LAPORAN)
		return arena_printf(a, "%s %s\ntahun: %d\nversi: %d\n"
				    "%ssha256-isi: %s\nperiksa: lakip verify",
				    d == VD_PK ? "PERJANJIAN KINERJA" : "LKJIP",
				    kode, tahun, versi, ganti, sha);
	return arena_printf(a, "LAKIP %s\nperiode: %d TW %s\nversi: %d\n%s"
			    "sha256-isi: %s\nperiksa: lakip verify", kode, tahun,
			    tw_romawi(tw), versi, ganti, sha);
}

char *
verif_payload(arena *a, const char *base, const char *kode, int tahun, int tw,
	      int versi, const char *sha)
{
	return verif_payload_dok(a, VD_LAPORAN, base, kode, tahun, tw, versi, sha);
}

/* ---- parsing ---- */

typedef struct span {
	const char *p;
	size_t n;
} span;

static bool
span_is(span s, const char *w)
{
	return s.n == strlen(w) && memcmp(s.p, w, s.n) == 0;
}

/* A decimal integer of 1..7 digits in [lo, hi]. */
static bool
angka(span s, int lo, int hi, int *out)
{
	long v = 0;

	if (s.n == 0 || s.n > 7)
		return false;
	for (size_t i = 0; i < s.n; i++) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return false;
		v = v * 10 + (s.p[i] - '0');
	}
	if (v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

static bool
sha_ok(span s, char out[65])
{
	if (s.n != 64)
		return false;
	for (size_t i = 0; i < 64; i++) {
		char ch = s.p[i];

		if (ch >= 'A' && ch <= 'F')
			ch = (char)(ch - 'A' + 'a');
		if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f')))
			return false;
		out[i] = ch;
	}
	out[64] = '\0';
	return true;
}

/* An agency code: lowercase letters, digits and '-' (instansi.kode). */
static bool
kode_ok(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-'))
			return false;
	return true;
}

/* s percent-decoded into out (cap bytes with the NUL); false when it is
 * malformed, too long or decodes to a NUL. */
static bool
pct_decode(span s, char *out, size_t cap)
{
	size_t k = 0;

	for (size_t i = 0; i < s.n; i++) {
		int ch = (unsigned char)s.p[i];

		if (ch == '%') {
			int h, l;

			if (i + 2 >= s.n)
				return false;
			if ((h = lk_hexval((unsigned char)s.p[i + 1])) < 0 ||
			    (l = lk_hexval((unsigned char)s.p[i + 2])) < 0)
				return false;
			ch = h * 16 + l;
			i += 2;
		} else if (ch == '+') {
			ch = ' ';
		}
		if (ch == 0 || k + 1 >= cap)
			return false;
		out[k++] = (char)ch;
	}
	out[k] = '\0';
	return true;
}

/* F_TAHUN_PK: the line "tahun: Y" of an agreement's text form (a
 * report's gives the year in "periode"). */
enum { F_INSTANSI, F_TAHUN, F_TW, F_VERSI, F_SHA, F_GANTI, F_DOKUMEN,
	F_TAHUN_PK, F_N };

/* The fields every payload must give. */
static const char *
lengkap(const bool seen[F_N], verif_isi *out)
{
	if (!seen[F_INSTANSI])
		return N_("no agency code");
	if (out->dokumen == VD_PK && seen[F_TW])
		return N_("an agreement is of a year, not of a quarter");
	if (out->dokumen == VD_LKJIP && seen[F_TW])
		return N_("an LKjIP is of a year, not of a quarter");
	if (!seen[F_TAHUN] || (out->dokumen == VD_LAPORAN && !seen[F_TW]))
		return N_("no period (year and quarter)");
	if (!seen[F_VERSI])
		return N_("no version");
	if (!seen[F_SHA])
		return N_("no content hash");
	if (seen[F_GANTI] && out->menggantikan != out->versi - 1)
		return N_("the version it replaces is not the one before it");
	return NULL;
}

static int
parse_url(span all, verif_isi *out, const char **why)
{
	const char *q = memchr(all.p, '?', all.n), *end = all.p + all.n;
	bool seen[F_N] = { false };
	char val[VERIF_KODE_MAX + 1];

	if (q == NULL) {
		*why = N_("the URL has no query (?instansi=...)");
		return -1;
	}
	for (const char *p = q + 1; p <= end;) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		const char *stop = amp != NULL ? amp : end;
		const char *eq = memchr(p, '=', (size_t)(stop - p));
		span k, v;
		int f = -1;

		if (eq != NULL) {
			k = (span){ p, (size_t)(eq - p) };
			v = (span){ eq + 1, (size_t)(stop - eq - 1) };
			f = span_is(k, "instansi") ? F_INSTANSI :
			    span_is(k, "tahun") ? F_TAHUN :
			    span_is(k, "triwulan") ? F_TW :
			    span_is(k, "versi") ? F_VERSI :
			    span_is(k, "sha256") ? F_SHA :
			    span_is(k, "menggantikan") ? F_GANTI :
			    span_is(k, "dokumen") ? F_DOKUMEN : -1;
		}
		/* Parameters of the base URL itself are not ours. */
		if (f >= 0) {
			bool ok;

			if (seen[f]) {
				*why = N_("a parameter is given twice");
				return -1;
			}
			seen[f] = true;
			ok = pct_decode(v, val, sizeof val);
			v = (span){ val, ok ? strlen(val) : 0 };
			switch (f) {
			case F_INSTANSI:
				ok = ok && kode_ok(val);
				if (ok)
					memcpy(out->instansi, val, v.n + 1);
				break;
			case F_TAHUN:
				ok = ok && angka(v, TAHUN_MIN, TAHUN_MAX, &out->tahun);
				break;
			case F_TW:
				ok = ok && angka(v, 1, TW_MAX, &out->tw);
				break;
			case F_VERSI:
				ok = ok && angka(v, 1, VERSI_MAX, &out->versi);
				break;
			case F_SHA:
				ok = ok && sha_ok(v, out->sha256);
				break;
			case F_DOKUMEN:
				ok = ok && (span_is(v, "pk") || span_is(v, "lkjip") ||
					    span_is(v, "laporan"));
				if (ok)
					out->dokumen = span_is(v, "pk") ? VD_PK :
					    span_is(v, "lkjip") ? VD_LKJIP :
					    VD_LAPORAN;
				break;
			default:
				ok = ok && angka(v, 1, VERSI_MAX, &out->menggantikan);
				break;
			}
			if (!ok) {
				*why = f == F_INSTANSI ? N_("the agency code is not valid") :
				    f == F_SHA ? N_("the content hash is not 64 hex digits") :
				    f == F_DOKUMEN ? N_("an unknown kind of document") :
				    N_("a number is not valid (year, quarter or version)");
				return -1;
			}
		}
		if (amp == NULL)
			break;
		p = amp + 1;
	}
	out->url = true;
	return (*why = lengkap(seen, out)) != NULL ? -1 : 0;
}

/* "2023 TW III" */
static bool
periode(span v, verif_isi *out)
{
	const char *sp = memchr(v.p, ' ', v.n);
	span y, r;

	if (sp == NULL)
		return false;
	y = (span){ v.p, (size_t)(sp - v.p) };
	r = (span){ sp + 1, v.n - y.n - 1 };
	if (!angka(y, TAHUN_MIN, TAHUN_MAX, &out->tahun) || r.n < 4 ||
	    memcmp(r.p, "TW ", 3) != 0)
		return false;
	r.p += 3;
	r.n -= 3;
	for (int tw = 1; tw <= TW_MAX; tw++)
		if (span_is(r, tw_romawi(tw))) {
			out->tw = tw;
			return true;
		}
	return false;
}

static int
parse_text(span all, verif_isi *out, const char **why)
{
	const char *p = all.p, *end = all.p + all.n;
	bool seen[F_N] = { false }, first = true;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		span line = { p, (size_t)((nl != NULL ? nl : end) - p) };

		if (line.n > 0 && line.p[line.n - 1] == '\r')
			line.n--;
		p = nl != NULL ? nl + 1 : end;
		if (first) {
			static const char pk[] = "PERJANJIAN KINERJA ";
			static const char lj[] = "LKJIP ";
			size_t skip = line.n > sizeof pk - 1 &&
			    memcmp(line.p, pk, sizeof pk - 1) == 0 ? sizeof pk - 1 :
			    line.n > sizeof lj - 1 &&
			    memcmp(line.p, lj, sizeof lj - 1) == 0 ? sizeof lj - 1 :
			    line.n > 6 && memcmp(line.p, "LAKIP ", 6) == 0 ? 6 : 0;
			bool lkjip = skip == sizeof lj - 1 &&
			    memcmp(line.p, lj, sizeof lj - 1) == 0;

			first = false;
			if (skip == 0 || line.n - skip > VERIF_KODE_MAX) {
				*why = N_("not a lakip verification code");
				return -1;
			}
			out->dokumen = lkjip ? VD_LKJIP : skip == 6 ? VD_LAPORAN :
			    VD_PK;
			memcpy(out->instansi, line.p + skip, line.n - skip);
			out->instansi[line.n - skip] = '\0';
			if (!kode_ok(out->instansi)) {
				*why = N_("the agency code is not valid");
				return -1;
			}
			seen[F_INSTANSI] = true;
			continue;
		}
		const char *colon = memchr(line.p, ':', line.n);
		span k, v;
		int f;
		bool ok;

		if (colon == NULL || colon + 1 >= line.p + line.n ||
		    colon[1] != ' ') {
			*why = N_("a line is not \"key: value\"");
			return -1;
		}
		k = (span){ line.p, (size_t)(colon - line.p) };
		v = (span){ colon + 2, line.n - k.n - 2 };
		f = span_is(k, "periode") ? F_TAHUN :
		    span_is(k, "tahun") ? F_TAHUN_PK :
		    span_is(k, "versi") ? F_VERSI :
		    span_is(k, "menggantikan") ? F_GANTI :
		    span_is(k, "sha256-isi") ? F_SHA : -1;
		if (f < 0) {
			if (span_is(k, "periksa"))
				continue;
			*why = N_("an unknown line");
			return -1;
		}
		if (seen[f]) {
			*why = N_("a line is given twice");
			return -1;
		}
		seen[f] = true;
		if ((f == F_TAHUN_PK) != (out->dokumen != VD_LAPORAN) &&
		    (f == F_TAHUN_PK || f == F_TAHUN)) {
			*why = N_("an unknown line");
			return -1;
		}
		if (f == F_TAHUN_PK) {
			seen[F_TAHUN] = ok = angka(v, TAHUN_MIN, TAHUN_MAX,
						   &out->tahun);
		} else if (f == F_TAHUN) {
			seen[F_TW] = ok = periode(v, out);
		} else if (f == F_VERSI) {
			ok = angka(v, 1, VERSI_MAX, &out->versi);
		} else if (f == F_SHA) {
			ok = sha_ok(v, out->sha256);
		} else {
			ok = v.n > 6 && memcmp(v.p, "versi ", 6) == 0 &&
			    angka((span){ v.p + 6, v.n - 6 }, 1, VERSI_MAX,
				  &out->menggantikan);
		}
		if (!ok) {
			*why = f == F_SHA ? N_("the content hash is not 64 hex digits")
			    : f == F_TAHUN ? N_("the period is not \"YEAR TW I..IV\"")
			    : f == F_TAHUN_PK ? N_("the year is not a number")
			    : N_("a version is not a number");
			return -1;
		}
	}
	if (first) {
		*why = N_("not a lakip verification code");
		return -1;
	}
	return (*why = lengkap(seen, out)) != NULL ? -1 : 0;
}

int
verif_parse(const char *s, size_t len, verif_isi *out, const char **why)
{
	span all = { s, len };

	memset(out, 0, sizeof *out);
	*why = NULL;
	while (all.n > 0 && (all.p[all.n - 1] == '\n' || all.p[all.n - 1] == '\r' ||
	    all.p[all.n - 1] == ' '))
		all.n--;
	if (memchr(all.p, '\0', all.n) != NULL) {
		*why = N_("not a lakip verification code");
		return -1;
	}
	if ((all.n >= 7 && memcmp(all.p, "http://", 7) == 0) ||
	    (all.n >= 8 && memcmp(all.p, "https://", 8) == 0))
		return parse_url(all, out, why);
	return parse_text(all, out, why);
}
