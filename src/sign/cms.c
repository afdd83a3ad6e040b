/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "core/i18n.h"
#include "core/hex.h"
#include "cms.h"
#include "sign_int.h"

#include <errno.h>
#include <stdbool.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/pkcs7.h>
#include <openssl/provider.h>
#include <openssl/x509v3.h>

#define MIN_RESERVE 16384

/* "what: OpenSSL's reason"; clears the queue. */
static int
ossl_fail(lk_err *e, int code, const char *what)
{
	char buf[256];

	return lk_fail(e, code, "%s: %s", what,
		       sign_ossl_reason(buf, sizeof buf, "unknown error"));
}

/* ---- certificates ---- */

int64_t
cms_asn1_epoch(const ASN1_TIME *t)
{
	struct tm tm;

	if (t == NULL || !ASN1_TIME_to_tm(t, &tm))
		return 0;
	return sign_days_from_civil(tm.tm_year + 1900LL, (unsigned)tm.tm_mon + 1,
	    (unsigned)tm.tm_mday) * 86400 + tm.tm_hour * 3600 +
	    tm.tm_min * 60 + tm.tm_sec;
}

/* One line, UTF-8, cut at a character boundary. */
static void
name_line(const X509_NAME *name, char *out, size_t cap)
{
	BIO *b = BIO_new(BIO_s_mem());
	char *p;
	long n;

	out[0] = '\0';
	if (b == NULL)
		return;
	if (X509_NAME_print_ex(b, name, 0, (XN_FLAG_ONELINE &
	    ~ASN1_STRFLGS_ESC_MSB) | ASN1_STRFLGS_UTF8_CONVERT) >= 0) {
		n = BIO_get_mem_data(b, &p);
		if (n > 0) {
			size_t len = (size_t)n < cap - 1 ? (size_t)n : cap - 1;

			while (len > 0 && len < (size_t)n &&
			    ((unsigned char)p[len] & 0xc0) == 0x80)
				len--;
			memcpy(out, p, len);
			out[len] = '\0';
		}
	}
	BIO_free(b);
}

void
cms_cert_info(X509 *x, int64_t when, sign_cert_info *ci)
{
	memset(ci, 0, sizeof *ci);
	if (x == NULL)
		return;
	name_line(X509_get_subject_name(x), ci->subject, sizeof ci->subject);
	name_line(X509_get_issuer_name(x), ci->issuer, sizeof ci->issuer);
	ci->not_before = cms_asn1_epoch(X509_get0_notBefore(x));
	ci->not_after = cms_asn1_epoch(X509_get0_notAfter(x));
	ci->expired = when > ci->not_after;
	ci->not_yet_valid = when < ci->not_before;
	ci->self_signed = X509_self_signed(x, 1) == 1;
	{
		unsigned char md[EVP_MAX_MD_SIZE];
		unsigned mdlen = 0;
		const X509_NAME *sn = X509_get_subject_name(x);
		int idx = X509_NAME_get_index_by_NID(sn, NID_serialNumber, -1);

		if (X509_digest(x, EVP_sha256(), md, &mdlen) == 1 && mdlen == 32)
			lk_hex(md, 32, ci->sha256);
		if (idx >= 0) {
			const ASN1_STRING *v = X509_NAME_ENTRY_get_data(
			    X509_NAME_get_entry(sn, idx));
			int n = v != NULL ? ASN1_STRING_length(v) : 0;

			if (n > 0 && (size_t)n < sizeof ci->serial_number) {
				memcpy(ci->serial_number, ASN1_STRING_get0_data(v),
				    (size_t)n);
				ci->serial_number[n] = '\0';
			}
		}
	}
	ERR_clear_error();
}

/* The one certificate in buf (PEM, else DER). */
static X509 *
cert_of(const unsigned char *buf, size_t n, bool *more)
{
	BIO *b = BIO_new_mem_buf(buf, n > INT_MAX ? INT_MAX : (int)n);
	X509 *x = NULL, *next;

	*more = false;
	if (b == NULL)
		return NULL;
	x = PEM_read_bio_X509(b, NULL, NULL, NULL);
	if (x != NULL) {
		if ((next = PEM_read_bio_X509(b, NULL, NULL, NULL)) != NULL) {
			*more = true;
			X509_free(next);
		}
	} else {
		const unsigned char *p = buf;

		x = d2i_X509(NULL, &p, n > LONG_MAX ? LONG_MAX : (long)n);
	}
	BIO_free(b);
	ERR_clear_error();
	return x;
}

static int
cert_buf(const unsigned char *buf, size_t n, const char *what, int64_t when,
	 sign_cert_info *ci, char **pem, lk_err *e)
{
	bool more;
	X509 *x = cert_of(buf, n, &more);

	if (pem != NULL)
		*pem = NULL;
	if (x == NULL || more) {
		X509_free(x);
		return lk_fail(e, EX_DATAERR, more ? "%s holds more than one "
		    "certificate: give the signer's alone" : "%s holds no "
		    "certificate (PEM or DER)", what);
	}
	cms_cert_info(x, when, ci);
	if (pem != NULL) {
		BIO *b = BIO_new(BIO_s_mem());
		char *p;
		long len;

		if (b == NULL || PEM_write_bio_X509(b, x) != 1 ||
		    (len = BIO_get_mem_data(b, &p)) <= 0) {
			BIO_free(b);
			X509_free(x);
			return ossl_fail(e, EX_SOFTWARE, _("writing a certificate"));
		}
		if ((*pem = malloc((size_t)len + 1)) == NULL)
			lk_fatal("out of memory");
		memcpy(*pem, p, (size_t)len);
		(*pem)[len] = '\0';
		BIO_free(b);
	}
	X509_free(x);
	ERR_clear_error();
	return 0;
}

int
sign_cert_file(const char *path, int64_t when, sign_cert_info *ci, char **pem,
	       lk_err *e)
{
	unsigned char *buf;
	size_t n;
	int rc;

	if ((rc = sign_read_file(path, &buf, &n, e)) != 0)
		return rc;
	rc = cert_buf(buf, n, path, when, ci, pem, e);
	free(buf);
	return rc;
}

int
sign_cert_pem(const char *pem, int64_t when, sign_cert_info *ci, lk_err *e)
{
	return cert_buf((const unsigned char *)pem, strlen(pem),
	    "the stored certificate", when, ci, NULL, e);
}

int
sign_p12_cert(const char *p12, const char *password, int64_t when,
	      sign_cert_info *ci, lk_err *e)
{
	cms_key k;
	int rc;

	if ((rc = cms_load_key(p12, password, &k, e)) != 0)
		return rc;
	cms_cert_info(k.cert, when, ci);
	cms_key_free(&k);
	return 0;
}

/* ---- PKCS#12 ---- */

/* PKCS12_parse; old .p12 files (RC2-40 for the certificates, as OpenSSL
 * 1.x and Windows wrote them) need OpenSSL 3's legacy provider: loaded
 * for the retry only ("default" too, or it would be the only one), then
 * unloaded again. */
static bool
parse_p12(PKCS12 *p12, const char *pw, cms_key *k)
{
	OSSL_PROVIDER *def, *legacy;
	bool ok;

	if (PKCS12_parse(p12, pw, &k->key, &k->cert, &k->chain))
		return true;
	def = OSSL_PROVIDER_load(NULL, "default");
	legacy = OSSL_PROVIDER_load(NULL, "legacy");
	ok = def != NULL && legacy != NULL &&
	    PKCS12_parse(p12, pw, &k->key, &k->cert, &k->chain);
	if (legacy != NULL)
		OSSL_PROVIDER_unload(legacy);
	if (def != NULL)
		OSSL_PROVIDER_unload(def);
	return ok;
}

int
cms_load_key(const char *src, const char *secret, cms_key *k, lk_err *e)
{
	if (sign_is_pkcs11(src))
		return cms_load_pkcs11(src, secret, k, e);
	return cms_load_p12(src, secret, k, e);
}

int
cms_load_p12(const char *path, const char *password, cms_key *k, lk_err *e)
{
	FILE *f;
	PKCS12 *p12;
	const char *pw = password != NULL ? password : "";
	int rc = 0;

	memset(k, 0, sizeof *k);
	ERR_clear_error();
	f = fopen(path, "rb");
	if (f == NULL)
		return lk_fail(e, EX_NOINPUT, _("cannot open %s: %s"), path,
		    strerror(errno));
	p12 = d2i_PKCS12_fp(f, NULL);
	fclose(f);
	if (p12 == NULL) {
		ERR_clear_error();
		return lk_fail(e, EX_DATAERR, _("%s is not a PKCS#12 file"), path);
	}
	if (PKCS12_mac_present(p12) && !PKCS12_verify_mac(p12, pw, -1)) {
		if (*pw == '\0' && PKCS12_verify_mac(p12, NULL, 0)) {
			pw = NULL;
		} else {
			rc = lk_fail(e, EX_DATAERR, _("wrong password for %s"), path);
			goto out;
		}
	}
	if (!parse_p12(p12, pw, k)) {
		char what[600];

		snprintf(what, sizeof what, _("cannot read %s"), path);
		rc = ossl_fail(e, EX_DATAERR, what);
		goto out;
	}
	if (k->key == NULL) {
		rc = lk_fail(e, EX_DATAERR, _("%s holds no private key"), path);
		goto out;
	}
	if (k->cert == NULL || X509_check_private_key(k->cert, k->key) != 1) {
		/* The key's certificate among the others? */
		X509 *found = NULL;

		for (int i = 0; i < sk_X509_num(k->chain); i++) {
			X509 *x = sk_X509_value(k->chain, i);

			if (X509_check_private_key(x, k->key) == 1) {
				found = x;
				(void)sk_X509_delete(k->chain, i);
				break;
			}
		}
		if (found == NULL) {
			rc = lk_fail(e, EX_DATAERR, _("%s holds no certificate for "
			    "its private key"), path);
			goto out;
		}
		if (k->cert != NULL && !sk_X509_push(k->chain, k->cert))
			X509_free(k->cert);
		k->cert = found;
	}
out:
	PKCS12_free(p12);
	ERR_clear_error();
	if (rc != 0)
		cms_key_free(k);
	return rc;
}

void
cms_key_free(cms_key *k)
{
	EVP_PKEY_free(k->key);
	X509_free(k->cert);
	sk_X509_pop_free(k->chain, X509_free);
	cms_pkcs11_release(k->engine);      /* after the key it made */
	memset(k, 0, sizeof *k);
}

size_t
cms_reserve(const cms_key *k)
{
	size_t n = 2048;
	int len;

	len = i2d_X509(k->cert, NULL);
	n += len > 0 ? (size_t)len : 0;
	len = i2d_X509_NAME(X509_get_issuer_name(k->cert), NULL);
	n += len > 0 ? (size_t)len : 0;   /* in the signer id and ESS */
	n += 2 * (size_t)EVP_PKEY_get_size(k->key);
	for (int i = 0; i < sk_X509_num(k->chain); i++) {
		len = i2d_X509(sk_X509_value(k->chain, i), NULL);
		n += len > 0 ? (size_t)len : 0;
	}
	n = (n + 1023) / 1024 * 1024;
	return n < MIN_RESERVE ? MIN_RESERVE : n;
}

/* ---- signing ---- */

static BIO *
parts_bio(const sign_span *parts, size_t nparts)
{
	BIO *b = BIO_new(BIO_s_mem());

	for (size_t i = 0; b != NULL && i < nparts; i++) {
		const unsigned char *p = parts[i].p;
		size_t n = parts[i].n;

		while (n > 0) {
			int chunk = n > 1 << 30 ? 1 << 30 : (int)n;

			if (BIO_write(b, p, chunk) != chunk) {
				BIO_free(b);
				return NULL;
			}
			p += chunk;
			n -= (size_t)chunk;
		}
	}
	return b;
}

/* OpenSSL 3.0 always adds signing-time when it signs the signed
 * attributes; PAdES wants none.  Remove it and sign the attributes again
 * (DER SET OF, sorted, as OpenSSL encodes them), then check the result. */
static int
resign_without_time(CMS_SignerInfo *si, EVP_PKEY *key, lk_err *e)
{
	STACK_OF(X509_ATTRIBUTE) *sk;
	unsigned char *abuf = NULL, *sig = NULL;
	int alen, idx, rc = 0;
	size_t siglen = 0;
	EVP_MD_CTX *mctx = NULL;

	idx = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
	if (idx < 0)
		return 0;
	X509_ATTRIBUTE_free(CMS_signed_delete_attr(si, idx));
	sk = sk_X509_ATTRIBUTE_new_null();
	if (sk == NULL)
		return ossl_fail(e, EX_SOFTWARE, _("signing"));
	for (int i = 0; i < CMS_signed_get_attr_count(si); i++)
		if (!sk_X509_ATTRIBUTE_push(sk, CMS_signed_get_attr(si, i)))
			goto fail;
	alen = ASN1_item_i2d((ASN1_VALUE *)sk, &abuf,
	    ASN1_ITEM_rptr(PKCS7_ATTR_SIGN));
	if (alen <= 0)
		goto fail;
	mctx = EVP_MD_CTX_new();
	if (mctx == NULL ||
	    EVP_DigestSignInit(mctx, NULL, EVP_sha256(), NULL, key) != 1 ||
	    EVP_DigestSign(mctx, NULL, &siglen, abuf, (size_t)alen) != 1 ||
	    (sig = OPENSSL_malloc(siglen)) == NULL ||
	    EVP_DigestSign(mctx, sig, &siglen, abuf, (size_t)alen) != 1 ||
	    siglen > INT32_MAX ||
	    !ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), sig, (int)siglen) ||
	    CMS_SignerInfo_verify(si) != 1)
		goto fail;
	goto out;
fail:
	rc = ossl_fail(e, EX_SOFTWARE, _("signing the signed attributes"));
out:
	EVP_MD_CTX_free(mctx);
	OPENSSL_free(sig);
	OPENSSL_free(abuf);
	sk_X509_ATTRIBUTE_free(sk);
	return rc;
}

int
cms_sign(const cms_key *k, enum sign_subfilter sf, int64_t when,
	 const char *tsa_url, const sign_span *parts, size_t nparts,
	 unsigned char **der, size_t *derlen, lk_err *e)
{
	const int flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL |
	    CMS_NOSMIMECAP;
	CMS_ContentInfo *cms;
	CMS_SignerInfo *si;
	BIO *data = NULL;
	unsigned char *out = NULL;
	int len, rc = 0;

	*der = NULL;
	*derlen = 0;
	ERR_clear_error();
	cms = CMS_sign(NULL, NULL, NULL, NULL, flags);
	if (cms == NULL)
		return ossl_fail(e, EX_SOFTWARE, _("creating the CMS signature"));
	si = CMS_add1_signer(cms, k->cert, k->key, EVP_sha256(),
	    flags | (sf == SIGN_PADES ? CMS_CADES : 0));
	if (si == NULL) {
		rc = ossl_fail(e, EX_SOFTWARE, _("adding the signer"));
		goto out;
	}
	for (int i = 0; i < sk_X509_num(k->chain); i++) {
		X509 *x = sk_X509_value(k->chain, i);

		if (X509_cmp(x, k->cert) != 0 && !CMS_add1_cert(cms, x))
			ERR_clear_error();       /* a duplicate: once is enough */
	}
	if (sf == SIGN_PKCS7) {
		ASN1_TIME *t = ASN1_TIME_set(NULL, (time_t)when);
		int ok = t != NULL && CMS_signed_add1_attr_by_NID(si,
		    NID_pkcs9_signingTime, t->type, t, -1);

		ASN1_TIME_free(t);
		if (!ok) {
			rc = ossl_fail(e, EX_SOFTWARE, _("adding the signing time"));
			goto out;
		}
	}
	data = parts_bio(parts, nparts);
	if (data == NULL || CMS_final(cms, data, NULL, flags) != 1) {
		rc = ossl_fail(e, EX_SOFTWARE, _("signing"));
		goto out;
	}
	if (sf == SIGN_PADES && (rc = resign_without_time(si, k->key, e)) != 0)
		goto out;
	if (tsa_url != NULL && *tsa_url != '\0') {
		ASN1_OCTET_STRING *sv = CMS_SignerInfo_get0_signature(si);
		unsigned char *tok = NULL;
		size_t toklen = 0;

		if ((rc = tsa_stamp(tsa_url, ASN1_STRING_get0_data(sv),
		    (size_t)ASN1_STRING_length(sv), &tok, &toklen, e)) != 0)
			goto out;
		if (!CMS_unsigned_add1_attr_by_NID(si,
		    NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE, tok,
		    (int)toklen)) {
			OPENSSL_free(tok);
			rc = ossl_fail(e, EX_SOFTWARE, _("adding the timestamp"));
			goto out;
		}
		OPENSSL_free(tok);
	}
	len = i2d_CMS_ContentInfo(cms, &out);
	if (len <= 0) {
		rc = ossl_fail(e, EX_SOFTWARE, _("encoding the CMS signature"));
		goto out;
	}
	*der = out;
	*derlen = (size_t)len;
out:
	BIO_free(data);
	CMS_ContentInfo_free(cms);
	ERR_clear_error();
	return rc;
}

/* ---- checking ---- */

static bool
digest_parts(const EVP_MD *md, const sign_span *parts, size_t nparts,
	     unsigned char *out, unsigned *outlen)
{
	EVP_MD_CTX *c = EVP_MD_CTX_new();
	bool ok = c != NULL && EVP_DigestInit_ex(c, md, NULL) == 1;

	for (size_t i = 0; ok && i < nparts; i++)
		ok = EVP_DigestUpdate(c, parts[i].p, parts[i].n) == 1;
	ok = ok && EVP_DigestFinal_ex(c, out, outlen) == 1;
	EVP_MD_CTX_free(c);
	return ok;
}

static int64_t
signing_time(CMS_SignerInfo *si)
{
	int idx = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
	X509_ATTRIBUTE *a;
	ASN1_TYPE *t;

	if (idx < 0 || (a = CMS_signed_get_attr(si, idx)) == NULL ||
	    (t = X509_ATTRIBUTE_get0_type(a, 0)) == NULL)
		return 0;
	if (t->type == V_ASN1_UTCTIME || t->type == V_ASN1_GENERALIZEDTIME)
		return cms_asn1_epoch(t->value.utctime);
	return 0;
}

/* Does signer chain to a CA of store at time at?  The certificates the
 * signature carries serve as intermediates. */
static void
check_chain(CMS_ContentInfo *cms, X509 *signer, X509_STORE *store, int64_t at,
	    sign_verify_result *r)
{
	STACK_OF(X509) *untrusted = CMS_get1_certs(cms);
	X509_STORE_CTX *ctx = X509_STORE_CTX_new();

	r->chain_checked = true;
	if (signer == NULL || ctx == NULL ||
	    X509_STORE_CTX_init(ctx, store, signer, untrusted) != 1) {
		snprintf(r->chain_error, sizeof r->chain_error, "%s",
		    "the chain could not be checked");
	} else {
		X509_STORE_CTX_set_time(ctx, 0, (time_t)at);
		r->chain_ok = X509_verify_cert(ctx) == 1;
		if (!r->chain_ok)
			snprintf(r->chain_error, sizeof r->chain_error, "%s",
			    X509_verify_cert_error_string(
			    X509_STORE_CTX_get_error(ctx)));
	}
	X509_STORE_CTX_free(ctx);
	sk_X509_pop_free(untrusted, X509_free);
	ERR_clear_error();
}

int
cms_ca_store(const char *ca_file, X509_STORE **out, lk_err *e)
{
	X509_STORE *st = X509_STORE_new();
	FILE *f = fopen(ca_file, "r");
	X509 *x;
	int n = 0;

	*out = NULL;
	if (st == NULL)
		lk_fatal("out of memory");
	if (f == NULL) {
		X509_STORE_free(st);
		return lk_fail(e, EX_NOINPUT, _("cannot open %s: %s"), ca_file,
		    strerror(errno));
	}
	while ((x = PEM_read_X509(f, NULL, NULL, NULL)) != NULL) {
		if (X509_STORE_add_cert(st, x) == 1)
			n++;
		X509_free(x);
	}
	fclose(f);
	ERR_clear_error();
	if (n == 0) {
		X509_STORE_free(st);
		return lk_fail(e, EX_DATAERR, _("%s holds no PEM certificate"),
		    ca_file);
	}
	*out = st;
	return 0;
}

int
cms_check(const unsigned char *der, size_t n, const sign_span *parts,
	  size_t nparts, int64_t when, X509_STORE *ca, sign_verify_result *r,
	  const char *path, lk_err *e)
{
	const unsigned char *p = der;
	CMS_ContentInfo *cms;
	STACK_OF(CMS_SignerInfo) *sis;
	CMS_SignerInfo *si;
	X509 *signer = NULL;
	X509_ALGOR *dig = NULL;
	const ASN1_OBJECT *dobj = NULL;
	const EVP_MD *md;
	ASN1_OCTET_STRING *mdattr;
	unsigned char h[EVP_MAX_MD_SIZE];
	unsigned hlen = 0;
	BIO *data = NULL;
	int rc = 0;

	ERR_clear_error();
	if (n > LONG_MAX)
		n = LONG_MAX;
	cms = d2i_CMS_ContentInfo(NULL, &p, (long)n);
	if (cms == NULL) {
		ERR_clear_error();
		return lk_fail_at(e, EX_DATAERR, path, 0, 0, "broken signature: "
		    "/Contents does not hold a CMS message");
	}
	sis = CMS_get0_SignerInfos(cms);
	if (OBJ_obj2nid(CMS_get0_type(cms)) != NID_pkcs7_signed ||
	    sk_CMS_SignerInfo_num(sis) < 1) {
		rc = lk_fail_at(e, EX_DATAERR, path, 0, 0, "broken signature: "
		    "not a CMS SignedData with a signer");
		goto out;
	}
	si = sk_CMS_SignerInfo_value(sis, 0);
	if (CMS_set1_signers_certs(cms, NULL, 0) < 0)
		ERR_clear_error();
	CMS_SignerInfo_get0_algs(si, NULL, &signer, &dig, NULL);
	if (dig != NULL)
		X509_ALGOR_get0(&dobj, NULL, NULL, dig);
	md = dobj != NULL ? EVP_get_digestbyobj(dobj) : NULL;
	r->signing_time = signing_time(si);
	cms_cert_info(signer, r->signing_time != 0 ? r->signing_time : when,
	    &r->cert);
	{
		int idx = CMS_unsigned_get_attr_by_NID(si,
		    NID_id_smime_aa_timeStampToken, -1);
		X509_ATTRIBUTE *a = idx >= 0 ? CMS_unsigned_get_attr(si, idx) : NULL;
		ASN1_TYPE *t = a ? X509_ATTRIBUTE_get0_type(a, 0) : NULL;
		ASN1_OCTET_STRING *sv = CMS_SignerInfo_get0_signature(si);

		if (t != NULL && t->type == V_ASN1_SEQUENCE && sv != NULL) {
			r->timestamped = true;
			r->timestamp_ok = tsa_read(t->value.sequence->data,
			    (size_t)t->value.sequence->length,
			    ASN1_STRING_get0_data(sv), (size_t)ASN1_STRING_length(sv),
			    &r->timestamp, r->tsa, sizeof r->tsa,
			    &r->timestamp_ok) == 0 && r->timestamp_ok;
		}
	}
	if (ca != NULL)
		check_chain(cms, signer, ca, r->timestamp_ok ? r->timestamp :
		    r->signing_time != 0 ? r->signing_time : when, r);
	data = parts_bio(parts, nparts);
	if (md == NULL || data == NULL ||
	    !digest_parts(md, parts, nparts, h, &hlen)) {
		rc = ossl_fail(e, EX_SOFTWARE, _("digest of the signed bytes"));
		goto out;
	}
	if (CMS_signed_get_attr_count(si) > 0) {
		mdattr = CMS_signed_get0_data_by_OBJ(si,
		    OBJ_nid2obj(NID_pkcs9_messageDigest), -3, V_ASN1_OCTET_STRING);
		r->digest_ok = mdattr != NULL &&
		    (unsigned)ASN1_STRING_length(mdattr) == hlen &&
		    memcmp(ASN1_STRING_get0_data(mdattr), h, hlen) == 0;
		/* The digest of the signed bytes is the messageDigest
		 * attribute, and the signature is over the attributes: that
		 * is the whole check (CMS_verify's second pass over the same
		 * data leaked a BIO on some damaged input, found by
		 * tests/fuzz/fuzz_verify.c).  One signer only. */
		r->signature_ok = signer != NULL &&
		    sk_CMS_SignerInfo_num(CMS_get0_SignerInfos(cms)) == 1 &&
		    CMS_SignerInfo_verify(si) == 1;
	} else {
		/* No signed attributes: the signature is over the content. */
		r->digest_ok = r->signature_ok = signer != NULL &&
		    CMS_verify(cms, NULL, NULL, data, NULL, CMS_BINARY |
		    CMS_NO_SIGNER_CERT_VERIFY) == 1;
	}
out:
	BIO_free(data);
	CMS_ContentInfo_free(cms);
	ERR_clear_error();
	return rc;
}
