/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* dec.h - exact decimal numbers: indicator values and money.
 *
 * Owns: parsing and formatting of fixed-point numbers held in int64_t.
 *   - indicator values (nilai): scaled by 10^4 (DEC_NILAI, 4 decimals);
 *   - money (uang): rupiah counted in sen, scaled by 10^2 (DEC_UANG);
 *   - percentages (persen): hundredths of a percent (DEC_PERSEN).
 * No binary floating point anywhere.  Overflow is detected and reported,
 * never wrapped.
 *
 * Errors: parsers return 0, or EX_DATAERR with *why set to a static
 * English message (translate it with gettext at the caller); on error *out
 * is left untouched.  A scale outside 0..18, or decimals outside
 * 0 <= min_frac <= max_frac <= scale, is a programmer error (lk_fatal).
 */
#ifndef LK_DEC_H
#define LK_DEC_H

#include <stddef.h>
#include <stdint.h>

enum dec_kind {
	DEC_NILAI = 4,   /* indicator value: 4 decimals */
	DEC_UANG = 2,    /* money in sen: 2 decimals */
	DEC_PERSEN = 2,  /* percentage in hundredths */
};

#define DEC_NILAI_ONE ((int64_t)10000)
#define DEC_UANG_ONE ((int64_t)100)

/* Machine form, as in the exchange file: optional '-', digits, optional
 * '.' and at most `scale` decimals ("78.5", "11393254909", "0.25").  No
 * thousands separators, exponent, '+', spaces, or leading '.'. */
int dec_parse_machine(const char *s, int scale, int64_t *out, const char **why);

/* Indonesian form typed by people ("78,50", "11.393.254.909",
 * "Rp 11.393.254.909", "Rp11.393.254.909,50", "-3,5").  A comma is the
 * decimal mark; dots separate thousands in groups of three; a single dot
 * followed by other than exactly three digits ("78.5") is a decimal point.
 * Surrounding spaces are ignored; "Rp" is accepted only when allow_rp.
 * In detail:
 *   - ASCII spaces and tabs around the number are ignored, none inside;
 *   - '-' may stand first, or (allow_rp) right after the "Rp" prefix:
 *     "-Rp 5.000" and "Rp -5.000"; "Rp" is matched in any case and may be
 *     followed by '.' and/or spaces ("Rp. 5.000", "rp5000");
 *   - at most one comma, the decimal mark, with digits on both sides;
 *   - with a comma, or with two or more dots, every dot is a thousands
 *     separator: 1..3 digits, then groups of exactly three;
 *   - with no comma and exactly one dot: three digits after it and 1..3
 *     before make a thousands separator ("78.500" = 78500); any other
 *     count after it makes a decimal point ("78.5", "0.2500"); more than
 *     three digits before a three-digit group is ambiguous ("1234.567")
 *     and an error;
 *   - more decimals than `scale` is an error, never rounded. */
int dec_parse_id(const char *s, int scale, int allow_rp, int64_t *out,
		 const char **why);

/* Buffer size enough for any formatted int64 value. */
#define DEC_BUFSZ 40

/* Indonesian form: dots every three digits, comma decimal mark.
 *   min_frac, max_frac: decimals shown; trailing zeros beyond min_frac are
 *   dropped (max_frac <= scale; digits beyond max_frac are rounded half
 *   away from zero).  A value that rounds to zero has no '-'.  Every int64
 *   (INT64_MIN too) is formatted.  Returns buf. */
char *dec_format_id(int64_t v, int scale, int min_frac, int max_frac,
		    char buf[DEC_BUFSZ]);

/* Shorthands for what screens and paper show:
 *   nilai: "200", "78,50", "0,1234" (no decimals when whole, else 2..4);
 *   uang:  "11.393.254.909", "11.393.254.909,50";
 *   persen: always two decimals, "101,02" (no % sign). */
char *dec_format_nilai(int64_t v, char buf[DEC_BUFSZ]);
char *dec_format_uang(int64_t v, char buf[DEC_BUFSZ]);
char *dec_format_persen(int64_t v, char buf[DEC_BUFSZ]);

/* Machine form, shortest exact: "78.5", "200", "11393254909.5". */
char *dec_format_machine(int64_t v, int scale, char buf[DEC_BUFSZ]);

/* Overflow-checked helpers: return 0, or EX_DATAERR on overflow (then
 * *out is left untouched). */
int dec_add(int64_t a, int64_t b, int64_t *out);

/* round(a * m / d) half away from zero, with a 128-bit intermediate;
 * EX_DATAERR on overflow of the result or d == 0. */
int dec_muldiv(int64_t a, int64_t m, int64_t d, int64_t *out);

/* The 128-bit intermediate of dec_muldiv and capaian_hitung, built from
 * 64-bit integers only (C has no portable 128-bit type; 32-bit targets
 * have none at all).  For the core's exact arithmetic; other layers use
 * dec_muldiv.  A signed value in two's complement, hi:lo. */
typedef struct dec_wide {
	uint64_t hi, lo;
} dec_wide;

/* a * b, exact (|a * b| <= 2^126). */
dec_wide dec_wide_mul(int64_t a, int64_t b);

/* a - b, exact while the difference lies in -2^127 .. 2^127 - 1. */
dec_wide dec_wide_sub(dec_wide a, dec_wide b);

/* round(n / d) half away from zero: 0, or EX_DATAERR when d == 0 or the
 * result lies outside int64 (then *out is left untouched). */
int dec_wide_div_round(dec_wide n, int64_t d, int64_t *out);

#endif
