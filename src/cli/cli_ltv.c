/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cli_ltv.c - what verify prints of a signature's long-term validation
 * (sign/ltv.c): the updates after it, the validation data (DSS), the
 * revocation of the chains' certificates, an expired certificate, and
 * the PAdES level reached; and whether that part passes. */
#include "config.h"
#include "cli/cli.h"

#include <stdio.h>

#include "core/i18n.h"
#include "sign/sign.h"

bool
cli_print_lt(const sign_verify_result *vr, const char *indent,
	     const char *zona)
{
	char day[32];
	bool ok = true;

	if (vr->dss)
		printf(_("%sValidation data (DSS): %u certificate(s), %u CRL(s), "
			 "%u OCSP answer(s)%s\n"), indent, vr->dss_certs,
		       vr->dss_crls, vr->dss_ocsps, vr->vri ? ""
		       : _(", no VRI entry for this signature"));
	else
		printf(_("%sValidation data (DSS): none\n"), indent);
	if (vr->revoked) {
		printf(_("%sRevocation: REVOKED: %s, since %s\n"), indent,
		       vr->revoked_cert, cli_day(vr->revoked_at, zona, day));
		ok = false;
	} else if (vr->dss && vr->revocation_ok) {
		printf(_("%sRevocation: every certificate of the chains is covered "
			 "at %s (not revoked)\n"), indent,
		       cli_day(vr->proof_time, zona, day));
	} else if (vr->dss) {
		printf(_("%sRevocation: no CRL or OCSP answer covers %s\n"), indent,
		       vr->revocation_missing);
	}
	if (vr->expired_now) {
		if (vr->expired_ok) {
			printf(_("%sCertificate: expired on %s; the timestamp proves "
				 "the signature was made while it was valid, with "
				 "the revocation data of that time (B-LT)\n"), indent,
			       cli_day(vr->cert.not_after, zona, day));
		} else {
			printf(_("%sCertificate: EXPIRED on %s: without a timestamp "
				 "from before then and revocation data of that time "
				 "in the DSS (PAdES B-LT) the signature can no longer "
				 "be validated\n"), indent,
			       cli_day(vr->cert.not_after, zona, day));
			ok = false;
		}
	}
	printf(_("%sLevel: PAdES %s\n"), indent, sign_level_name(vr->level));
	return ok;
}
