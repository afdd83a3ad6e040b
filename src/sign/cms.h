/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cms.h - the OpenSSL side of signing (internal to src/sign).
 *
 * Owns: loading the signer's key and certificates from a PKCS#12 file,
 * making a detached CMS SignedData over a list of byte ranges, checking
 * one, and describing a certificate (sign_cert_info).
 *
 * Errors as in sign.h: EX_NOINPUT (.p12 missing), EX_DATAERR (wrong
 * password, no key, not a PKCS#12 file, a CMS that does not parse),
 * EX_SOFTWARE (OpenSSL failed, with its message).  The OpenSSL error queue
 * is cleared on every return.
 * Memory: cms_key_free() releases a loaded key; cms_sign()'s DER is
 * freed with OPENSSL_free().
 */
#ifndef LK_SIGN_CMS_H
#define LK_SIGN_CMS_H

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "sign.h"
#include "sign_int.h"

typedef struct cms_key {
	EVP_PKEY *key;
	X509 *cert;                  /* the signer's certificate */
	STACK_OF(X509) *chain;       /* the other certificates (may be NULL) */
} cms_key;

int cms_load_p12(const char *path, const char *password, cms_key *k,
		 lk_err *e);
void cms_key_free(cms_key *k);

/* Bytes to reserve for a signature made with k (at least 16384). */
size_t cms_reserve(const cms_key *k);

/* Detached CMS SignedData over the concatenated parts, SHA-256, with the
 * certificate chain.  SIGN_PADES: content-type, message-digest and ESS
 * signing-certificate-v2 signed attributes, no signing-time (the time is
 * the PDF's /M, as ETSI EN 319 142-1 asks).  SIGN_PKCS7: content-type,
 * message-digest and signing-time (= when). */
int cms_sign(const cms_key *k, enum sign_subfilter sf, int64_t when,
	     const char *tsa_url, const sign_span *parts, size_t nparts,
	     unsigned char **der, size_t *derlen, lk_err *e);

/* Checks a DER CMS against the parts: fills r->digest_ok, signature_ok,
 * signing_time and cert (expiry judged at the signing time, else at
 * when); with ca (may be NULL) also chain_checked, chain_ok, chain_error.  EX_DATAERR if der is not a signed CMS with a signer. */
int cms_check(const unsigned char *der, size_t n, const sign_span *parts,
	      size_t nparts, int64_t when, X509_STORE *ca,
	      sign_verify_result *r, const char *path, lk_err *e);
/* The PEM certificates of ca_file as a store (X509_STORE_free). */
int cms_ca_store(const char *ca_file, X509_STORE **out, lk_err *e);

void cms_cert_info(X509 *x, int64_t when, sign_cert_info *ci);

/* ---- timestamps (tsa.c) ---- */

/* A token from the authority at url (http://) over SHA-256(sig): *tok
 * (OPENSSL_free) of *toklen bytes.  EX_USAGE for another scheme,
 * EX_UNAVAILABLE when it does not answer, EX_PROTOCOL for an answer
 * that is no granted timestamp for this request. */
int tsa_stamp(const char *url, const unsigned char *sig, size_t n,
	      unsigned char **tok, size_t *toklen, lk_err *e);
/* A token's time, its authority's name, and whether its imprint is the
 * SHA-256 of sig; -1 when tok is no timestamp token. */
int tsa_read(const unsigned char *tok, size_t n, const unsigned char *sig,
	     size_t sn, int64_t *when, char *tsa, size_t cap, bool *imprint_ok);

#endif
