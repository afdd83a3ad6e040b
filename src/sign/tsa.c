/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* tsa.c - RFC 3161 timestamps on a signature (PAdES B-T).
 *
 * Owns: asking a timestamp authority over HTTP or HTTPS (sign_http) for
 * a token over the SHA-256 of the signature value, checking the answer
 * (status, imprint, nonce), and reading a token back (its time, its
 * authority, whether its imprint is the signature's).
 * The token goes into the SignerInfo as the unsigned attribute
 * id-aa-signatureTimeStampToken (cms.c).
 */
#include "config.h"
#include "core/i18n.h"
#include "cms.h"
#include "sign_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/http.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/ts.h>
#include <openssl/x509v3.h>

#define TSA_TIMEOUT 30           /* seconds, for the whole exchange */
#define TSA_MAX_REPLY (1 << 20)

static int
tsa_fail(lk_err *e, int code, const char *url, const char *what)
{
	char buf[256];

	sign_ossl_reason(buf, sizeof buf, "");
	return lk_fail(e, code, _("timestamp authority %s: %s%s%s"), url, what,
	    buf[0] ? ": " : "", buf);
}

int
tsa_stamp(const char *url, const unsigned char *sig, size_t n,
	  unsigned char **tok, size_t *toklen, lk_err *e)
{
	unsigned char md[SHA256_DIGEST_LENGTH], nonce_b[8];
	TS_REQ *req = TS_REQ_new();
	TS_MSG_IMPRINT *mi = TS_MSG_IMPRINT_new();
	X509_ALGOR *alg = X509_ALGOR_new();
	ASN1_INTEGER *nonce = NULL;
	BIGNUM *bn = NULL;
	BIO *reqb = NULL, *resb = NULL;
	TS_RESP *resp = NULL;
	TS_VERIFY_CTX *vc = NULL;
	PKCS7 *token;
	unsigned char *out = NULL;
	int len, rc = 0;

	*tok = NULL;
	*toklen = 0;
	ERR_clear_error();
	if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0) {
		rc = lk_fail(e, EX_USAGE, _("--tsa %s: not an http:// or https:// "
		    "URL"), url);
		goto out;
	}
	SHA256(sig, n, md);
	if (req == NULL || mi == NULL || alg == NULL ||
	    RAND_bytes(nonce_b, sizeof nonce_b) != 1 ||
	    (bn = BN_bin2bn(nonce_b, sizeof nonce_b, NULL)) == NULL ||
	    (nonce = BN_to_ASN1_INTEGER(bn, NULL)) == NULL ||
	    !X509_ALGOR_set0(alg, OBJ_nid2obj(NID_sha256), V_ASN1_NULL, NULL) ||
	    !TS_MSG_IMPRINT_set_algo(mi, alg) ||
	    !TS_MSG_IMPRINT_set_msg(mi, md, sizeof md) ||
	    !TS_REQ_set_version(req, 1) || !TS_REQ_set_msg_imprint(req, mi) ||
	    !TS_REQ_set_nonce(req, nonce) || !TS_REQ_set_cert_req(req, 1)) {
		rc = tsa_fail(e, EX_SOFTWARE, url, _("making the request"));
		goto out;
	}
	if ((reqb = BIO_new(BIO_s_mem())) == NULL || i2d_TS_REQ_bio(reqb, req) != 1) {
		rc = tsa_fail(e, EX_SOFTWARE, url, _("encoding the request"));
		goto out;
	}
	resb = sign_http(url, reqb, "application/timestamp-query",
	    "application/timestamp-reply", false, TSA_MAX_REPLY, TSA_TIMEOUT);
	if (resb == NULL) {
		rc = tsa_fail(e, EX_UNAVAILABLE, url, _("no answer"));
		goto out;
	}
	if ((resp = d2i_TS_RESP_bio(resb, NULL)) == NULL) {
		rc = tsa_fail(e, EX_PROTOCOL, url, _("the answer is not a "
		    "timestamp reply"));
		goto out;
	}
	/* Granted, and for this request: imprint and nonce.  The token's
	 * own signature is the authority's; verify reports who signed it. */
	if ((vc = TS_REQ_to_TS_VERIFY_CTX(req, NULL)) == NULL) {
		rc = tsa_fail(e, EX_SOFTWARE, url, _("checking the answer"));
		goto out;
	}
	TS_VERIFY_CTX_set_flags(vc, TS_VFY_VERSION | TS_VFY_IMPRINT |
	    TS_VFY_NONCE);
	if (TS_RESP_verify_response(vc, resp) != 1) {
		rc = tsa_fail(e, EX_PROTOCOL, url, _("the answer does not match "
		    "the request (or was refused)"));
		goto out;
	}
	if ((token = TS_RESP_get_token(resp)) == NULL ||
	    (len = i2d_PKCS7(token, &out)) <= 0) {
		rc = tsa_fail(e, EX_PROTOCOL, url, _("the answer holds no token"));
		goto out;
	}
	*tok = out;
	*toklen = (size_t)len;
out:
	TS_VERIFY_CTX_free(vc);
	TS_RESP_free(resp);
	BIO_free(resb);
	BIO_free(reqb);
	BN_free(bn);
	ASN1_INTEGER_free(nonce);
	TS_MSG_IMPRINT_free(mi);
	X509_ALGOR_free(alg);
	TS_REQ_free(req);
	ERR_clear_error();
	return rc;
}

int
tsa_read(const unsigned char *tok, size_t n, const unsigned char *sig,
	 size_t sn, int64_t *when, char *tsa, size_t cap, bool *imprint_ok)
{
	const unsigned char *p = tok;
	PKCS7 *token = d2i_PKCS7(NULL, &p, n > LONG_MAX ? LONG_MAX : (long)n);
	TS_TST_INFO *ti = token ? PKCS7_to_TS_TST_INFO(token) : NULL;
	unsigned char md[SHA256_DIGEST_LENGTH];
	struct tm tm;
	int ok = 0;

	*when = 0;
	*imprint_ok = false;
	if (cap > 0)
		tsa[0] = '\0';
	if (ti != NULL) {
		const ASN1_GENERALIZEDTIME *t = TS_TST_INFO_get_time(ti);
		TS_MSG_IMPRINT *mi = TS_TST_INFO_get_msg_imprint(ti);
		ASN1_OCTET_STRING *m = mi ? TS_MSG_IMPRINT_get_msg(mi) : NULL;
		GENERAL_NAME *gn = TS_TST_INFO_get_tsa(ti);
		STACK_OF(PKCS7_SIGNER_INFO) *sis = PKCS7_get_signer_info(token);

		if (t != NULL && ASN1_TIME_to_tm(t, &tm))
			*when = sign_days_from_civil(tm.tm_year + 1900LL,
			    (unsigned)tm.tm_mon + 1, (unsigned)tm.tm_mday) * 86400 +
			    tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
		SHA256(sig, sn, md);
		*imprint_ok = m != NULL && ASN1_STRING_length(m) == (int)sizeof md &&
		    memcmp(ASN1_STRING_get0_data(m), md, sizeof md) == 0;
		if (gn != NULL && gn->type == GEN_DIRNAME)
			X509_NAME_oneline(gn->d.dirn, tsa, (int)cap);
		else if (sis != NULL && sk_PKCS7_SIGNER_INFO_num(sis) > 0) {
			PKCS7_ISSUER_AND_SERIAL *ias =
			    sk_PKCS7_SIGNER_INFO_value(sis, 0)->issuer_and_serial;

			if (ias != NULL && ias->issuer != NULL)
				X509_NAME_oneline(ias->issuer, tsa, (int)cap);
		}
		ok = 1;
		/* The authority's signature over the token (who the
		 * authority is, is reported; the DSS check judges its
		 * certificate). */
		if (*imprint_ok) {
			const unsigned char *q = tok;
			CMS_ContentInfo *c = d2i_CMS_ContentInfo(NULL, &q,
			    n > LONG_MAX ? LONG_MAX : (long)n);
			BIO *sink = BIO_new(BIO_s_null());

			*imprint_ok = c != NULL && sink != NULL &&
			    CMS_verify(c, NULL, NULL, NULL, sink,
			    CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) == 1;
			BIO_free(sink);
			CMS_ContentInfo_free(c);
		}
	}
	TS_TST_INFO_free(ti);
	PKCS7_free(token);
	ERR_clear_error();
	return ok ? 0 : -1;
}
