/* nip.h - the 18-digit civil-servant number (Nomor Induk Pegawai).
 *
 * Layout: YYYYMMDD birth date, YYYYMM appointment, 1 sex digit (1 man,
 * 2 woman), 3-digit sequence.  Printed "19661022 199308 1 001".
 */
#ifndef LK_NIP_H
#define LK_NIP_H

#define NIP_LEN 18
#define NIP_FMT_LEN 21

/* Strip spaces and check the number; out gets 18 digits and a NUL.
 * Returns 0, or EX_DATAERR with *why set to a static English message. */
int nip_normalize(const char *in, char out[NIP_LEN + 1], const char **why);

/* "196610221993081001" -> "19661022 199308 1 001" (input already valid). */
char *nip_format(const char *nip, char out[NIP_FMT_LEN + 1]);

#endif
