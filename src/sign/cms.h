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
#include "pdfparse.h"
#include "sign_int.h"

typedef struct cms_key {
	EVP_PKEY *key;
	X509 *cert;                  /* the signer's certificate */
	STACK_OF(X509) *chain;       /* the other certificates (may be NULL) */
	void *engine;                /* a token's PKCS#11 engine, or NULL */
} cms_key;

/* The key of a source: a PKCS#11 URI (cms_load_pkcs11, secret the PIN)
 * or a PKCS#12 file (cms_load_p12, secret its password). */
int cms_load_key(const char *src, const char *secret, cms_key *k, lk_err *e);
int cms_load_p12(const char *path, const char *password, cms_key *k,
		 lk_err *e);
/* pkcs11.c: the key and its certificate on a token; EX_UNAVAILABLE when
 * the engine or the module cannot be loaded, EX_DATAERR for a wrong PIN,
 * no such key or no certificate for it. */
int cms_load_pkcs11(const char *uri, const char *pin, cms_key *k, lk_err *e);
void cms_pkcs11_release(void *engine);
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
 * SHA-256 of sig and the authority's signature over it verifies; -1 when tok is no timestamp token. */
int tsa_read(const unsigned char *tok, size_t n, const unsigned char *sig,
	     size_t sn, int64_t *when, char *tsa, size_t cap, bool *imprint_ok);

/* ---- validation data (dss.c, ltv.c) ---- */

/* Seconds since the epoch of an ASN.1 time (0 for NULL or bad). */
int64_t cms_asn1_epoch(const ASN1_TIME *t);

/* The certificates a CMS signature carries with those of its timestamp
 * token (a new stack, sk_X509_pop_free), and (may be NULL; up-referenced,
 * X509_free) its signer's and the token's signer's; NULL when der is no
 * CMS. */
STACK_OF(X509) *cms_sig_certs(const unsigned char *der, size_t n,
			      X509 **signer, X509 **tsa_signer);
/* The issuer of x among pool (whose signature on x verifies), or NULL;
 * not up-referenced. */
X509 *cms_issuer_in(STACK_OF(X509) *pool, X509 *x);

/* What a CRL or an OCSP answer (DER) says of x, issued by iss, at time
 * at: 1 good (it covers at: issued at or after it, or valid over it),
 * 2 revoked at or before at (*rev_at), 0 it does not speak of x (another
 * issuer, a signature that does not verify, not x, another time). */
int ltv_crl_says(X509_CRL *crl, X509 *x, X509 *iss, int64_t at,
		 int64_t *rev_at);
int ltv_ocsp_says(const unsigned char *der, size_t n, X509 *x, X509 *iss,
		  STACK_OF(X509) *pool, int64_t at, int64_t *rev_at);
/* The bytes of the stream object ref refers to, when it has no
 * /Filter (the DSS's streams); false otherwise. */
bool ltv_stream_of(pp_doc *d, const pp_val *ref, const unsigned char **p,
		   size_t *n);
/* A CRL in DER or PEM, or NULL. */
X509_CRL *ltv_crl_parse(const unsigned char *p, size_t n);

/* The update that adds the DSS of the signature whose CMS is der to the
 * PDF buf[0, len) (which ends with that signature's update); clen: the
 * bytes of its /Contents string (der and the zeros after it), the VRI
 * key being their SHA-1.  *upd (malloc'ed) of *updlen bytes; o->lt_info
 * filled.  Errors as sign_pdf. */
int dss_build(const unsigned char *buf, size_t len, const char *path,
	      const unsigned char *der, size_t derlen, size_t clen,
	      const sign_opts *o, unsigned char **upd, size_t *updlen,
	      lk_err *e);

/* The DSS, the updates after the signed revision, the revocation data
 * and the level, into r (after cms_check filled it).  buf[0, len) is the
 * PDF, der the signature's CMS, ca the CA store (may be NULL). */
void ltv_check(const unsigned char *buf, size_t len, const char *path,
	       const unsigned char *der, size_t derlen, X509_STORE *ca,
	       sign_verify_result *r);

#endif
