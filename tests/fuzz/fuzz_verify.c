/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_verify.c - checking a signed PDF (sign_verify of sign/sign.h).
 *
 * sign_verify needs a path: the input is written to one temporary file
 * per process (in /dev/shm when it can be), reused for every input.  The
 * result must be consistent: strings NUL-terminated within their
 * arrays, a signature that verifies has a signature dictionary, the
 * signed revision ends inside the file.
 */
#include "config.h"
#include "fuzz.h"

#include "sign/sign.h"

#define TERMINATED(a) (memchr((a), '\0', sizeof (a)) != NULL)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fz_tmpfile(".pdf");
	sign_verify_result r;
	lk_err e;
	int rc;

	fz_write_file(path, data, size);
	memset(&r, 0, sizeof r);
	rc = sign_verify(path, &r, &e);
	if (rc != 0) {
		if (e.code == 0 || e.msg[0] == '\0')
			fz_bug("sign_verify failed without a message");
		return 0;
	}
	if (!TERMINATED(r.name) || !TERMINATED(r.reason) ||
	    !TERMINATED(r.location) || !TERMINATED(r.app_data) ||
	    !TERMINATED(r.cert.subject) || !TERMINATED(r.cert.issuer) ||
	    !TERMINATED(r.cert.sha256) || !TERMINATED(r.cert.serial_number))
		fz_bug("a string of the result is not NUL-terminated");
	if ((r.digest_ok || r.signature_ok || r.covers_whole_file) && !r.signed_)
		fz_bug("a verified signature without a signature dictionary");
	if (r.signed_revision_end > size)
		fz_bug("the signed revision ends at %zu, past the %zu-byte file",
		    r.signed_revision_end, size);
	return 0;
}
