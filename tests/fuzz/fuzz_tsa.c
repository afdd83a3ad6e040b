/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_tsa.c - reading an RFC 3161 timestamp token back (tsa_read of
 * sign/cms.h), as verify does with the token inside a signature: its
 * time, its authority's name, whether its imprint is the signature's.
 *
 * The signature value is fixed; the seeds are tokens over its SHA-256
 * (one naming its authority, one not).  The results must be
 * consistent: on failure nothing is reported; the name is terminated
 * within its array.
 */
#include "config.h"
#include "fuzz.h"

#include <stdbool.h>

#include "sign/cms.h"

static const char sig[] = "lakip fuzz signature value";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char tsa[256];
	int64_t when = -1;
	bool imprint_ok = true;
	int rc;

	memset(tsa, 'x', sizeof tsa);
	rc = tsa_read(data, size, (const unsigned char *)sig, sizeof sig - 1,
	    &when, tsa, sizeof tsa, &imprint_ok);
	if (memchr(tsa, '\0', sizeof tsa) == NULL)
		fz_bug("the authority's name is not NUL-terminated");
	if (rc != 0) {
		if (rc != -1)
			fz_bug("tsa_read returned %d", rc);
		if (imprint_ok || when != 0 || tsa[0] != '\0')
			fz_bug("tsa_read failed but reported a result");
		return 0;
	}
	return 0;
}
