/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "nip.h"
#include "i18n.h"
#include "model.h"

#include <stdbool.h>
#include <string.h>
#include <sysexits.h>

static int
fail(const char **why, const char *msg)
{
	if (why != NULL)
		*why = msg;
	return EX_DATAERR;
}

/* Value of the n digits at s (already checked to be digits). */
static int
num(const char *s, int n)
{
	int v = 0;

	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

int
nip_normalize(const char *in, char out[NIP_LEN + 1], const char **why)
{
	char d[NIP_LEN + 1];
	size_t n = 0;
	int by, bm, bd, ay, am;

	if (in == NULL)
		return fail(why, N_("NIP is empty"));
	for (; *in != '\0'; in++) {
		if (*in == ' ')
			continue;
		if (*in < '0' || *in > '9')
			return fail(why, N_("NIP may contain only digits and "
			    "spaces"));
		if (n == NIP_LEN)
			return fail(why, N_("NIP has more than 18 digits"));
		d[n++] = *in;
	}
	d[n] = '\0';
	if (n == 0)
		return fail(why, N_("NIP is empty"));
	if (n < NIP_LEN)
		return fail(why, N_("NIP has fewer than 18 digits"));
	by = num(d, 4);
	bm = num(d + 4, 2);
	bd = num(d + 6, 2);
	ay = num(d + 8, 4);
	am = num(d + 12, 2);
	if (by < 1900 || by > 2099)
		return fail(why, N_("birth year in NIP must be between 1900 "
		    "and 2099"));
	if (!tanggal_sah(by, bm, bd))
		return fail(why, N_("birth date in NIP is not a real date"));
	if (ay <= by)
		return fail(why, N_("appointment year in NIP must come after "
		    "the birth year"));
	if (ay > 2099)
		return fail(why, N_("appointment year in NIP is after 2099"));
	if (am < 1 || am > 12)
		return fail(why, N_("appointment month in NIP must be 01 to "
		    "12"));
	if (d[14] != '1' && d[14] != '2')
		return fail(why, N_("sex digit in NIP must be 1 (man) or 2 "
		    "(woman)"));
	if (num(d + 15, 3) == 0)
		return fail(why, N_("sequence number in NIP cannot be 000"));
	memcpy(out, d, sizeof d);
	return 0;
}

char *
nip_format(const char *nip, char out[NIP_FMT_LEN + 1])
{
	/* 8 + ' ' + 6 + ' ' + 1 + ' ' + 3 */
	memcpy(out, nip, 8);
	out[8] = ' ';
	memcpy(out + 9, nip + 8, 6);
	out[15] = ' ';
	out[16] = nip[14];
	out[17] = ' ';
	memcpy(out + 18, nip + 15, 3);
	out[NIP_FMT_LEN] = '\0';
	return out;
}
