/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_cms.c - the CMS SignedData of a signature (cms_check of
 * sign/cms.h), as the bytes of /Contents decode: DER straight to
 * OpenSSL's parser and lakip's reading of the signer, its attributes
 * and certificate, without the PDF around it.
 *
 * The signed content is fixed (two byte ranges, as in a PDF); the
 * digest cannot match, so this is about parsing, not forging.  For an
 * input of odd length the signer's certificate is also checked against a
 * CA store (cms_ca_store of a PEM file written once): the certificate of
 * the seed pades.der, the self-signed "CN = Kepala Uji".
 */
#include "config.h"
#include "fuzz.h"

#include <stdbool.h>

#include "sign/cms.h"

static const char ca_pem[] =
	"-----BEGIN CERTIFICATE-----\n"
	"MIIDCzCCAfOgAwIBAgIUUImC00P3ivd7F2ZCrxdyijv82IIwDQYJKoZIhvcNAQEL\n"
	"BQAwFTETMBEGA1UEAwwKS2VwYWxhIFVqaTAeFw0yNjEyMDMwMDQ1NTlaFw0zNjEx\n"
	"MzAwMDQ1NTlaMBUxEzARBgNVBAMMCktlcGFsYSBVamkwggEiMA0GCSqGSIb3DQEB\n"
	"AQUAA4IBDwAwggEKAoIBAQDMIJ7PZLIjX2pfWE7ldi+8rKfqb8ePIA/UDbQBJIIO\n"
	"BmDi97Gf9D4jK9nFLTu5HwsqhIn08tmr0kPokenuZ6MEnCsxYjU5VCxtopp7nx0r\n"
	"Gu8AwlYzw3yqZ/mKkrE2S0ZXQLKKlkmGe1R77E/1ZOKu288e1j1/aDinmWdLsefT\n"
	"biP4foRYyE9vZOcXnQ2jXymTdJrscoDqptkqm8HA+BnWdpubQzf/bi8rxzU9S3WF\n"
	"OYRc5tS5Sb7J2Bivho96YttutD9HL91Xl7j3jXI9NNjNK/6ablhelTV50h/86bQt\n"
	"Iwn1ElU+d8/vuO/+83SjEDPhDXS1Ga0LX138OwaRM15LAgMBAAGjUzBRMB0GA1Ud\n"
	"DgQWBBTceDAqtQL1zdh9MaepSCPxoGWhPjAfBgNVHSMEGDAWgBTceDAqtQL1zdh9\n"
	"MaepSCPxoGWhPjAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQAr\n"
	"1qcvh5mYQKvuoB2CHcEFWjuc8nk7J07P1sb3xqB3BwrVual5T7kUCJzgmul9fOz0\n"
	"DMFrUAIG8vxUwkLGGfl9+/i4e0JXUg/03rqpHZ9ZPo6RgkwfY+cjbwIha7T88ZGe\n"
	"dpaQUcLi0fDtKsKZfjXOqZdbwiTH1Hj+9khtBEzimP0lP85xoBwcWJPSt/JKdFLr\n"
	"ut8tHJyFFO1zouhAlAA+OwmcxiB2zU0xV1vEmI6tBRCLB6isJrYuGSVBxKZP3Eu7\n"
	"8gS5WcTfNmAXNVyyvsYR3wc6EUeVAcc4Bi2hC0vcpvyLR5KebI5sf7zgIb7zpBzx\n"
	"HqlCJc2nPz2mC4MvnSgD\n"
	"-----END CERTIFICATE-----\n";

static X509_STORE *
ca_store(void)
{
	static X509_STORE *store;
	static bool tried;
	lk_err e;

	if (!tried) {
		const char *path = fz_tmpfile(".pem");

		tried = true;
		fz_write_file(path, (const uint8_t *)ca_pem, sizeof ca_pem - 1);
		if (cms_ca_store(path, &store, &e) != 0)
			fz_bug("cms_ca_store refuses the CA: %s", e.msg);
	}
	return store;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned char head[] = "%PDF-1.4 signed part one";
	static const unsigned char tail[] = "signed part two %%EOF";
	sign_span parts[2] = { { head, sizeof head - 1 },
		{ tail, sizeof tail - 1 } };
	sign_verify_result r;
	lk_err e;

	memset(&r, 0, sizeof r);
	if (cms_check(data, size, parts, 2, 1689292800,
	    size % 2 ? ca_store() : NULL, &r, "fuzz.pdf", &e) != 0) {
		if (e.code == 0 || e.msg[0] == '\0')
			fz_bug("cms_check failed without a message");
		return 0;
	}
	if (memchr(r.cert.subject, '\0', sizeof r.cert.subject) == NULL ||
	    memchr(r.cert.issuer, '\0', sizeof r.cert.issuer) == NULL)
		fz_bug("a certificate name is not NUL-terminated");
	if (!r.chain_checked && size % 2)
		fz_bug("a CA store was given, the chain not checked");
	if (r.chain_checked && !r.chain_ok &&
	    memchr(r.chain_error, '\0', sizeof r.chain_error) == NULL)
		fz_bug("chain_error is not NUL-terminated");
	return 0;
}
