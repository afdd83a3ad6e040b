/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* ltv.c - what verify makes of the validation data (PAdES B-LT):
 *
 * - the updates after the signed revision: each must only add
 *   validation data (the catalog rewritten with a new /DSS and
 *   /Extensions, every other entry byte for byte as before, the same
 *   /Root and /Info, and otherwise only new objects); anything else is a
 *   change to the signed document, as before;
 * - the DSS of the document: its certificates, CRLs and OCSP answers
 *   (uncompressed streams; another filter is not read, so not counted);
 * - for each certificate of the signer's chain and the timestamp
 *   authority's but a self-signed root: its issuer (among the
 *   signature's, the token's, the DSS's and the CA file's certificates,
 *   whose signature on it verifies), and a CRL or OCSP answer signed by
 *   that issuer (or its delegated OCSP responder) that covers the time
 *   the signature is proven to exist (the timestamp's, else now).  One
 *   that says revoked at or before that time fails the signature.
 *
 * The trust in the signer itself is not decided here: the registered
 * certificate (and --ca) decide it, as before.
 */
#include "config.h"
#include "cms.h"
#include "pdfparse.h"
#include "sign_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/err.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509v3.h>

const char *
sign_level_name(int level)
{
	switch (level) {
	case SIGN_LEVEL_BB:
		return "B-B";
	case SIGN_LEVEL_BT:
		return "B-T";
	case SIGN_LEVEL_BLT:
		return "B-LT";
	default:
		return "-";
	}
}

/* ---- revocation data ---- */

X509_CRL *
ltv_crl_parse(const unsigned char *p, size_t n)
{
	const unsigned char *q = p;
	X509_CRL *c = d2i_X509_CRL(NULL, &q, n > LONG_MAX ? LONG_MAX : (long)n);

	if (c == NULL) {
		BIO *b = BIO_new_mem_buf(p, n > INT_MAX ? INT_MAX : (int)n);

		c = b != NULL ? PEM_read_bio_X509_CRL(b, NULL, NULL, NULL) : NULL;
		BIO_free(b);
	}
	ERR_clear_error();
	return c;
}

/* Does [this, next] speak of at: issued at or after it, or valid over it? */
static bool
covers(int64_t this_up, int64_t next_up, int64_t at)
{
	return this_up != 0 && (this_up >= at ||
	    (next_up != 0 && this_up <= at && at <= next_up));
}

int
ltv_crl_says(X509_CRL *crl, X509 *x, X509 *iss, int64_t at, int64_t *rev_at)
{
	X509_REVOKED *rv = NULL;
	EVP_PKEY *k = iss != NULL ? X509_get0_pubkey(iss) : NULL;
	int says = 0;

	*rev_at = 0;
	if (k == NULL || X509_NAME_cmp(X509_CRL_get_issuer(crl),
	    X509_get_issuer_name(x)) != 0 || X509_NAME_cmp(X509_CRL_get_issuer(crl),
	    X509_get_subject_name(iss)) != 0 || X509_CRL_verify(crl, k) != 1)
		goto out;
	if (X509_CRL_get0_by_cert(crl, &rv, x) == 1 && rv != NULL) {
		int64_t t = cms_asn1_epoch(X509_REVOKED_get0_revocationDate(rv));

		if (t <= at) {
			*rev_at = t;
			says = 2;
			goto out;
		}
	}
	if (covers(cms_asn1_epoch(X509_CRL_get0_lastUpdate(crl)),
	    cms_asn1_epoch(X509_CRL_get0_nextUpdate(crl)), at))
		says = 1;
out:
	ERR_clear_error();
	return says;
}

int
ltv_ocsp_says(const unsigned char *der, size_t n, X509 *x, X509 *iss,
	      STACK_OF(X509) *pool, int64_t at, int64_t *rev_at)
{
	const unsigned char *p = der;
	OCSP_RESPONSE *resp = d2i_OCSP_RESPONSE(NULL, &p,
	    n > LONG_MAX ? LONG_MAX : (long)n);
	OCSP_BASICRESP *bs = NULL;
	OCSP_CERTID *id = NULL;
	STACK_OF(X509) *certs = NULL;
	X509 *signer = NULL;
	ASN1_GENERALIZEDTIME *rt = NULL, *tu = NULL, *nu = NULL;
	int status = -1, reason = 0, says = 0;

	*rev_at = 0;
	if (resp == NULL || iss == NULL ||
	    OCSP_response_status(resp) != OCSP_RESPONSE_STATUS_SUCCESSFUL ||
	    (bs = OCSP_response_get1_basic(resp)) == NULL)
		goto out;
	/* The responder: the issuer itself, or a certificate the issuer
	 * made for OCSP signing. */
	if ((certs = sk_X509_new_null()) == NULL)
		lk_fatal("out of memory");
	for (int i = 0; i < sk_X509_num(pool); i++)
		(void)sk_X509_push(certs, sk_X509_value(pool, i));
	for (int i = 0; i < sk_X509_num(OCSP_resp_get0_certs(bs)); i++)
		(void)sk_X509_push(certs, sk_X509_value(OCSP_resp_get0_certs(bs), i));
	(void)sk_X509_push(certs, iss);
	if (OCSP_resp_get0_signer(bs, &signer, certs) != 1 || signer == NULL)
		goto out;
	if (X509_cmp(signer, iss) != 0 &&
	    (X509_check_issued(iss, signer) != X509_V_OK ||
	     X509_verify(signer, X509_get0_pubkey(iss)) != 1 ||
	     (X509_get_extension_flags(signer) & EXFLAG_XKUSAGE) == 0 ||
	     (X509_get_extended_key_usage(signer) & XKU_OCSP_SIGN) == 0))
		goto out;
	if (OCSP_basic_verify(bs, certs, NULL, OCSP_NOVERIFY) != 1)
		goto out;
	if ((id = OCSP_cert_to_id(EVP_sha1(), x, iss)) == NULL ||
	    OCSP_resp_find_status(bs, id, &status, &reason, &rt, &tu, &nu) != 1)
		goto out;
	if (status == V_OCSP_CERTSTATUS_REVOKED) {
		int64_t t = cms_asn1_epoch(rt);

		if (t <= at) {
			*rev_at = t;
			says = 2;
			goto out;
		}
	} else if (status != V_OCSP_CERTSTATUS_GOOD) {
		goto out;
	}
	if (covers(cms_asn1_epoch(tu), cms_asn1_epoch(nu), at))
		says = 1;
out:
	sk_X509_free(certs);
	OCSP_CERTID_free(id);
	OCSP_BASICRESP_free(bs);
	OCSP_RESPONSE_free(resp);
	ERR_clear_error();
	return says;
}

/* ---- the updates after the signed revision ---- */

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

static bool
same_bytes(const pp_doc *a, const pp_val *x, const pp_doc *b, const pp_val *y)
{
	if (x->type == PP_NULL || y->type == PP_NULL)
		return x->type == y->type;
	return x->end - x->start == y->end - y->start &&
	    memcmp(a->buf + x->start, b->buf + y->start, x->end - x->start) == 0;
}

/* The next pair of dict at *cur whose key is not /DSS nor /Extensions. */
static bool
next_kept(pp_doc *d, const pp_val *dict, size_t *cur, pp_val *k, pp_val *v)
{
	while (pp_dict_next(d, dict, cur, k, v))
		if (!pp_name_is(d, k, "DSS") && !pp_name_is(d, k, "Extensions"))
			return true;
	return false;
}

/* Does buf[0, b) only add validation data to buf[0, a)? */
static bool
dss_only(const unsigned char *buf, size_t a, size_t b, const char *path)
{
	pp_doc A, B;
	pp_val ca, cb, ka, va, kb, vb;
	lk_err e = {0, ""};
	size_t c1 = 0, c2 = 0;
	bool ok = false, more_a, more_b;

	if (pp_open(&A, buf, a, path, &e) != 0)
		return false;
	if (pp_open(&B, buf, b, path, &e) != 0) {
		pp_close(&A);
		return false;
	}
	if (B.nsecs != A.nsecs + 1 || B.root.obj != A.root.obj ||
	    B.root.gen != A.root.gen || !same_bytes(&A, &A.info, &B, &B.info))
		goto out;
	for (size_t i = B.secs[0].ent_begin; i < B.secs[0].ent_end; i++) {
		const pp_ent *en = &B.ents[i];

		if (!en->used || (en->num != A.root.obj && en->num < A.size))
			goto out;
	}
	if (!pp_object(&A, A.root.obj, &ca, NULL, NULL) || ca.type != PP_DICT ||
	    !pp_object(&B, B.root.obj, &cb, NULL, NULL) || cb.type != PP_DICT ||
	    !pp_dict_get(&B, &cb, "DSS", &kb))
		goto out;
	for (;;) {
		more_a = next_kept(&A, &ca, &c1, &ka, &va);
		more_b = next_kept(&B, &cb, &c2, &kb, &vb);
		if (!more_a || !more_b)
			break;
		if (!same_bytes(&A, &ka, &B, &kb) || !same_bytes(&A, &va, &B, &vb))
			goto out;
	}
	ok = !more_a && !more_b;
out:
	pp_close(&B);
	pp_close(&A);
	return ok;
}

static void
check_updates(const unsigned char *buf, size_t len, const char *path,
	      sign_verify_result *r)
{
	size_t *ends, n = 0, prev = r->signed_revision_end;
	pp_doc d;
	lk_err e = {0, ""};
	bool ok = true;

	if (!r->covers_signed_revision || prev >= len ||
	    pp_open(&d, buf, len, path, &e) != 0)
		return;
	if ((ends = calloc(d.nsecs + 1, sizeof *ends)) == NULL)
		lk_fatal("out of memory");
	for (size_t s = 0; s < d.nsecs; s++)
		if (d.secs[s].rev_end > prev && d.secs[s].rev_end <= len)
			ends[n++] = d.secs[s].rev_end;
	pp_close(&d);
	qsort(ends, n, sizeof *ends, cmp_size);
	if (n == 0 || ends[n - 1] != len)
		ok = false;
	for (size_t i = 0; ok && i < n; i++) {
		if (i > 0 && ends[i] == ends[i - 1])
			continue;
		ok = dss_only(buf, prev, ends[i], path);
		prev = ends[i];
		r->lt_updates++;
	}
	r->lt_updates_only = ok;
	if (!ok)
		r->lt_updates = 0;
	free(ends);
}

/* ---- the DSS ---- */

typedef struct dss_data {
	STACK_OF(X509) *certs;
	X509_CRL *crls[64];
	size_t ncrls;
	struct { unsigned char *p; size_t n; } ocsps[64];
	size_t nocsps;
} dss_data;

/* The bytes of stream object ref (unfiltered), or false. */
bool
ltv_stream_of(pp_doc *d, const pp_val *ref, const unsigned char **p, size_t *n)
{
	pp_val dict, lv, f;
	size_t pos;

	if (ref->type != PP_REF || !pp_object(d, ref->obj, &dict, NULL, NULL) ||
	    dict.type != PP_DICT || pp_dict_get(d, &dict, "Filter", &f) ||
	    !pp_dict_get(d, &dict, "Length", &lv) || !pp_resolve(d, &lv, &lv) ||
	    lv.type != PP_NUM || !lv.is_int || lv.i < 0)
		return false;
	pos = dict.end;
	while (pos < d->len && strchr(" \t\r\n\f", d->buf[pos]) != NULL &&
	    d->buf[pos] != '\0')
		pos++;
	if (d->len - pos < 6 || memcmp(d->buf + pos, "stream", 6) != 0)
		return false;
	pos += 6;
	if (pos < d->len && d->buf[pos] == '\r')
		pos++;
	if (pos >= d->len || d->buf[pos] != '\n')
		return false;
	pos++;
	if ((uint64_t)lv.i > d->len - pos)
		return false;
	*p = d->buf + pos;
	*n = (size_t)lv.i;
	return true;
}

static void
read_dss(const unsigned char *buf, size_t len, const char *path,
	 const char *vri_key, dss_data *dd, sign_verify_result *r)
{
	pp_doc d;
	lk_err e = {0, ""};
	pp_val cat, dss, arr, it, v;
	size_t cur;

	if (pp_open(&d, buf, len, path, &e) != 0)
		return;
	if (!pp_object(&d, d.root.obj, &cat, NULL, NULL) || cat.type != PP_DICT ||
	    !pp_dict_get(&d, &cat, "DSS", &v) || !pp_resolve(&d, &v, &dss) ||
	    dss.type != PP_DICT)
		goto out;
	r->dss = true;
	if (pp_dict_get(&d, &dss, "VRI", &v) && pp_resolve(&d, &v, &v) &&
	    v.type == PP_DICT)
		r->vri = pp_dict_get(&d, &v, vri_key, &it);
	if (pp_dict_get(&d, &dss, "Certs", &arr) && pp_resolve(&d, &arr, &arr))
		for (cur = 0; arr.type == PP_ARRAY && pp_array_next(&d, &arr, &cur,
		    &it);) {
			const unsigned char *p, *q;
			size_t n;
			X509 *x;

			if (!ltv_stream_of(&d, &it, &p, &n))
				continue;
			q = p;
			if ((x = d2i_X509(NULL, &q, (long)n)) != NULL) {
				if (!sk_X509_push(dd->certs, x))
					X509_free(x);
				r->dss_certs++;
			}
		}
	if (pp_dict_get(&d, &dss, "CRLs", &arr) && pp_resolve(&d, &arr, &arr))
		for (cur = 0; arr.type == PP_ARRAY && dd->ncrls < 64 &&
		    pp_array_next(&d, &arr, &cur, &it);) {
			const unsigned char *p;
			size_t n;

			if (ltv_stream_of(&d, &it, &p, &n) &&
			    (dd->crls[dd->ncrls] = ltv_crl_parse(p, n)) != NULL) {
				dd->ncrls++;
				r->dss_crls++;
			}
		}
	if (pp_dict_get(&d, &dss, "OCSPs", &arr) && pp_resolve(&d, &arr, &arr))
		for (cur = 0; arr.type == PP_ARRAY && dd->nocsps < 64 &&
		    pp_array_next(&d, &arr, &cur, &it);) {
			const unsigned char *p;
			size_t n;

			if (!ltv_stream_of(&d, &it, &p, &n) || n == 0)
				continue;
			if ((dd->ocsps[dd->nocsps].p = malloc(n)) == NULL)
				lk_fatal("out of memory");
			memcpy(dd->ocsps[dd->nocsps].p, p, n);
			dd->ocsps[dd->nocsps++].n = n;
			r->dss_ocsps++;
		}
out:
	pp_close(&d);
	ERR_clear_error();
}

static bool
in_stack(STACK_OF(X509) *sk, X509 *x)
{
	for (int i = 0; i < sk_X509_num(sk); i++)
		if (X509_cmp(sk_X509_value(sk, i), x) == 0)
			return true;
	return false;
}

static void
subject_of(X509 *x, char *out, size_t cap)
{
	X509_NAME_oneline(X509_get_subject_name(x), out, (int)cap);
}

/* One chain (from x up): every certificate in the DSS, and revocation
 * data for each but the root. */
static void
check_chain_lt(X509 *x, STACK_OF(X509) *pool, const dss_data *dd,
	       int64_t at, sign_verify_result *r)
{
	for (int depth = 0; x != NULL && depth < 8; depth++) {
		X509 *iss;
		int says = 0;
		int64_t ra = 0;

		if (!in_stack(dd->certs, x))
			r->dss_has_chain = false;
		if (X509_self_signed(x, 0) == 1)
			return;
		if ((iss = cms_issuer_in(pool, x)) == NULL) {
			if (r->revocation_missing[0] == '\0') {
				char s[400];

				subject_of(x, s, sizeof s);
				snprintf(r->revocation_missing,
				    sizeof r->revocation_missing,
				    "no issuer certificate of %s", s);
			}
			r->revocation_ok = false;
			r->dss_has_chain = false;
			return;
		}
		for (size_t i = 0; says != 2 && i < dd->ncrls; i++) {
			int s = ltv_crl_says(dd->crls[i], x, iss, at, &ra);

			if (s > says)
				says = s;
		}
		for (size_t i = 0; says != 2 && i < dd->nocsps; i++) {
			int s = ltv_ocsp_says(dd->ocsps[i].p, dd->ocsps[i].n, x, iss,
			    pool, at, &ra);

			if (s > says)
				says = s;
		}
		if (says == 2 && !r->revoked) {
			r->revoked = true;
			r->revoked_at = ra;
			subject_of(x, r->revoked_cert, sizeof r->revoked_cert);
		}
		if (says == 0) {
			if (r->revocation_missing[0] == '\0') {
				char s[400];

				subject_of(x, s, sizeof s);
				snprintf(r->revocation_missing,
				    sizeof r->revocation_missing, "%s", s);
			}
			r->revocation_ok = false;
		}
		x = iss;
	}
}

void
ltv_check(const unsigned char *buf, size_t len, const char *path,
	  const unsigned char *der, size_t derlen, X509_STORE *ca,
	  sign_verify_result *r)
{
	dss_data dd;
	STACK_OF(X509) *pool;
	X509 *signer = NULL, *tsa = NULL;
	int64_t now = (int64_t)time(NULL);
	char key[41] = "";

	memset(&dd, 0, sizeof dd);
	check_updates(buf, len, path, r);
	r->proof_time = r->timestamp_ok ? r->timestamp : now;
	r->expired_now = r->cert.not_after != 0 && now > r->cert.not_after;
	r->level = r->digest_ok && r->signature_ok ? SIGN_LEVEL_BB
	    : SIGN_LEVEL_NONE;
	if (r->level == SIGN_LEVEL_BB && r->timestamped && r->timestamp_ok)
		r->level = SIGN_LEVEL_BT;
	if ((pool = cms_sig_certs(der, derlen, &signer, &tsa)) == NULL)
		return;
	if ((dd.certs = sk_X509_new_null()) == NULL)
		lk_fatal("out of memory");
	{
		unsigned char h[SHA_DIGEST_LENGTH];

		SHA1(der, derlen, h);
		for (size_t i = 0; i < sizeof h; i++)
			snprintf(key + 2 * i, 3, "%02X", h[i]);
	}
	read_dss(buf, len, path, key, &dd, r);
	/* Issuers may come from the DSS and the CA file too. */
	for (int i = 0; i < sk_X509_num(dd.certs); i++)
		if (!in_stack(pool, sk_X509_value(dd.certs, i)) &&
		    X509_up_ref(sk_X509_value(dd.certs, i)) == 1)
			(void)sk_X509_push(pool, sk_X509_value(dd.certs, i));
	if (ca != NULL) {
		STACK_OF(X509_OBJECT) *objs = X509_STORE_get0_objects(ca);

		for (int i = 0; i < sk_X509_OBJECT_num(objs); i++) {
			X509 *c = X509_OBJECT_get0_X509(sk_X509_OBJECT_value(objs, i));

			if (c != NULL && !in_stack(pool, c) && X509_up_ref(c) == 1)
				(void)sk_X509_push(pool, c);
		}
	}
	if (r->dss) {
		r->dss_has_chain = true;
		r->revocation_ok = true;
		check_chain_lt(signer, pool, &dd, r->proof_time, r);
		if (tsa != NULL && r->timestamp_ok)
			check_chain_lt(tsa, pool, &dd, r->proof_time, r);
	}
	if (r->level == SIGN_LEVEL_BT && r->dss && r->dss_has_chain &&
	    r->revocation_ok && !r->revoked)
		r->level = SIGN_LEVEL_BLT;
	/* After the certificate's end: only a timestamp from before it and
	 * the validation data of that time keep the signature valid. */
	r->expired_ok = r->expired_now && r->level == SIGN_LEVEL_BLT &&
	    r->timestamp <= r->cert.not_after &&
	    r->timestamp >= r->cert.not_before;
	for (size_t i = 0; i < dd.ncrls; i++)
		X509_CRL_free(dd.crls[i]);
	for (size_t i = 0; i < dd.nocsps; i++)
		free(dd.ocsps[i].p);
	sk_X509_pop_free(dd.certs, X509_free);
	sk_X509_pop_free(pool, X509_free);
	X509_free(signer);
	X509_free(tsa);
	ERR_clear_error();
}
