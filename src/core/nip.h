/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* nip.h - the 18-digit civil-servant number (Nomor Induk Pegawai).
 *
 * Layout: YYYYMMDD birth date, YYYYMM appointment, 1 sex digit (1 man,
 * 2 woman), 3-digit sequence.  Printed "19661022 199308 1 001".
 */
#ifndef LK_NIP_H
#define LK_NIP_H

#define NIP_LEN 18
#define NIP_FMT_LEN 21

/* Strip ASCII spaces and check the number; out gets 18 digits and a NUL.
 * Checks: digits and spaces only, exactly 18 digits, birth date a real
 * date with year 1900..2099, appointment month 01..12 and year after the
 * birth year and at most 2099, sex digit 1 or 2, sequence not 000.
 * Returns 0, or EX_DATAERR with *why set to a static English message
 * (one per reason); out is written only on success. */
int nip_normalize(const char *in, char out[NIP_LEN + 1], const char **why);

/* "196610221993081001" -> "19661022 199308 1 001" (input already valid). */
char *nip_format(const char *nip, char out[NIP_FMT_LEN + 1]);

#endif
