/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* dss.c - the validation data of a signature (PAdES B-LT): collecting
 * the certificates of the signer's and the timestamp authority's chains,
 * CRLs (given, or fetched from the CRL distribution points) and OCSP
 * answers (from the AIA OCSP responders), and writing them as a DSS
 * dictionary in an incremental update after the signature's:
 *
 *   N.. 0 obj  << /Length L >> stream DER endstream   (each cert, CRL, OCSP)
 *   V 0 obj    << /KEY << /Cert [..] /CRL [..] /OCSP [..] >> (older keys) >>
 *   D 0 obj    << /Type /DSS /Certs [..] /CRLs [..] /OCSPs [..] /VRI V 0 R >>
 *   catalog    its entries, /DSS D 0 R (and /Extensions with ESIC level 5)
 *   xref, trailer << /Size /Root /Info /ID /Prev >>
 *
 * KEY is the uppercase hex SHA-1 of the signature's /Contents string.
 * The streams are not compressed: DER hardly shrinks.  Nothing here is
 * trusted: verify (ltv.c) checks every item against its issuer.
 */
#include "config.h"
#include "core/i18n.h"
#include "core/hex.h"
#include "cms.h"
#include "pdfparse.h"
#include "sign_int.h"
#include "update_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/http.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/pkcs7.h>
#include <openssl/sha.h>
#include <openssl/x509v3.h>

#define FETCH_TIMEOUT 10         /* seconds, each request */
#define FETCH_MAX (4 << 20)      /* bytes of an answer */
#define MAX_ITEMS 64             /* of each kind in one DSS */

/* ---- the certificates of a signature ---- */

static void
pool_add(STACK_OF(X509) *pool, X509 *x)
{
	if (x == NULL)
		return;
	for (int i = 0; i < sk_X509_num(pool); i++)
		if (X509_cmp(sk_X509_value(pool, i), x) == 0)
			return;
	if (X509_up_ref(x) != 1 || !sk_X509_push(pool, x))
		lk_fatal("out of memory");
}

STACK_OF(X509) *
cms_sig_certs(const unsigned char *der, size_t n, X509 **signer,
	      X509 **tsa_signer)
{
	const unsigned char *p = der;
	CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p,
	    n > LONG_MAX ? LONG_MAX : (long)n);
	STACK_OF(X509) *pool, *certs;
	STACK_OF(CMS_SignerInfo) *sis;
	CMS_SignerInfo *si;
	X509 *sx = NULL;

	if (signer != NULL)
		*signer = NULL;
	if (tsa_signer != NULL)
		*tsa_signer = NULL;
	if (cms == NULL) {
		ERR_clear_error();
		return NULL;
	}
	if ((pool = sk_X509_new_null()) == NULL)
		lk_fatal("out of memory");
	certs = CMS_get1_certs(cms);
	for (int i = 0; i < sk_X509_num(certs); i++)
		pool_add(pool, sk_X509_value(certs, i));
	sk_X509_pop_free(certs, X509_free);
	sis = CMS_get0_SignerInfos(cms);
	if (sk_CMS_SignerInfo_num(sis) >= 1) {
		int idx;
		X509_ATTRIBUTE *a;
		ASN1_TYPE *t;

		si = sk_CMS_SignerInfo_value(sis, 0);
		if (CMS_set1_signers_certs(cms, NULL, 0) < 0)
			ERR_clear_error();
		CMS_SignerInfo_get0_algs(si, NULL, &sx, NULL, NULL);
		pool_add(pool, sx);
		if (signer != NULL && sx != NULL && X509_up_ref(sx) == 1)
			*signer = sx;
		idx = CMS_unsigned_get_attr_by_NID(si,
		    NID_id_smime_aa_timeStampToken, -1);
		a = idx >= 0 ? CMS_unsigned_get_attr(si, idx) : NULL;
		t = a ? X509_ATTRIBUTE_get0_type(a, 0) : NULL;
		if (t != NULL && t->type == V_ASN1_SEQUENCE) {
			const unsigned char *q = t->value.sequence->data;
			PKCS7 *tok = d2i_PKCS7(NULL, &q, t->value.sequence->length);

			if (tok != NULL && PKCS7_type_is_signed(tok)) {
				STACK_OF(X509) *tc = tok->d.sign->cert;
				STACK_OF(X509) *ts = PKCS7_get0_signers(tok, NULL, 0);

				for (int i = 0; i < sk_X509_num(tc); i++)
					pool_add(pool, sk_X509_value(tc, i));
				if (sk_X509_num(ts) > 0 && tsa_signer != NULL &&
				    X509_up_ref(sk_X509_value(ts, 0)) == 1)
					*tsa_signer = sk_X509_value(ts, 0);
				sk_X509_free(ts);
			}
			PKCS7_free(tok);
		}
	}
	CMS_ContentInfo_free(cms);
	ERR_clear_error();
	return pool;
}

X509 *
cms_issuer_in(STACK_OF(X509) *pool, X509 *x)
{
	for (int i = 0; i < sk_X509_num(pool); i++) {
		X509 *c = sk_X509_value(pool, i);
		EVP_PKEY *k;

		if (X509_check_issued(c, x) != X509_V_OK)
			continue;
		k = X509_get0_pubkey(c);
		if (k != NULL && X509_verify(x, k) == 1) {
			ERR_clear_error();
			return c;
		}
	}
	ERR_clear_error();
	return NULL;
}

/* ---- fetching ---- */

static void
note(sign_lt_info *li, const char *fmt, const char *a, const char *b)
{
	size_t n = strlen(li->notes);

	if (n > 0 && n + 2 < sizeof li->notes) {
		memcpy(li->notes + n, "; ", 3);
		n += 2;
	}
	snprintf(li->notes + n, sizeof li->notes - n, fmt, a, b);
}

/* The body of a GET (req NULL) or POST of req to url, or NULL. */
static BIO *
http_fetch(const char *url, BIO *req, const char *req_type,
	   const char *want_type)
{
	return sign_http(url, req, req_type, want_type, true, FETCH_MAX,
			 FETCH_TIMEOUT);
}

static bool
bio_bytes(BIO *b, unsigned char **out, size_t *n)
{
	char *p;
	long len;

	*out = NULL;
	*n = 0;
	if (b == NULL)
		return false;
	/* OSSL_HTTP_transfer's answer is a memory BIO. */
	len = BIO_get_mem_data(b, &p);
	if (len <= 0)
		return false;
	if ((*out = malloc((size_t)len)) == NULL)
		lk_fatal("out of memory");
	memcpy(*out, p, (size_t)len);
	*n = (size_t)len;
	return true;
}

/* The first http:// URI of a CRL distribution point of x, or NULL
 * (malloc'ed). */
static char *
crl_url(X509 *x)
{
	STACK_OF(DIST_POINT) *dps = X509_get_ext_d2i(x, NID_crl_distribution_points,
	    NULL, NULL);
	char *url = NULL;

	for (int i = 0; url == NULL && i < sk_DIST_POINT_num(dps); i++) {
		DIST_POINT *dp = sk_DIST_POINT_value(dps, i);
		GENERAL_NAMES *gns;

		if (dp->distpoint == NULL || dp->distpoint->type != 0)
			continue;
		gns = dp->distpoint->name.fullname;
		for (int k = 0; url == NULL && k < sk_GENERAL_NAME_num(gns); k++) {
			GENERAL_NAME *gn = sk_GENERAL_NAME_value(gns, k);
			const unsigned char *s;
			int len;

			if (gn->type != GEN_URI)
				continue;
			s = ASN1_STRING_get0_data(gn->d.uniformResourceIdentifier);
			len = ASN1_STRING_length(gn->d.uniformResourceIdentifier);
			if (len > 7 && len < 2048 && memcmp(s, "http://", 7) == 0 &&
			    (url = strndup((const char *)s, (size_t)len)) == NULL)
				lk_fatal("out of memory");
		}
	}
	sk_DIST_POINT_pop_free(dps, DIST_POINT_free);
	ERR_clear_error();
	return url;
}

/* ---- what the DSS lists ---- */

typedef struct blob {
	unsigned char *p;
	size_t n;
	uint32_t obj;            /* its stream object */
} blob;

typedef struct items {
	blob v[MAX_ITEMS];
	size_t n;
} items;

/* Adds a copy (or takes p when own); false when full or a duplicate. */
static bool
items_add(items *it, const unsigned char *p, size_t n, bool own)
{
	for (size_t i = 0; i < it->n; i++)
		if (it->v[i].n == n && memcmp(it->v[i].p, p, n) == 0) {
			if (own)
				free((void *)p);
			return false;
		}
	if (it->n == MAX_ITEMS) {
		if (own)
			free((void *)p);
		return false;
	}
	if (own) {
		it->v[it->n].p = (unsigned char *)p;
	} else {
		if ((it->v[it->n].p = malloc(n ? n : 1)) == NULL)
			lk_fatal("out of memory");
		memcpy(it->v[it->n].p, p, n);
	}
	it->v[it->n].n = n;
	it->n++;
	return true;
}

static void
items_free(items *it)
{
	for (size_t i = 0; i < it->n; i++)
		free(it->v[i].p);
	it->n = 0;
}

static void
add_cert(items *certs, X509 *x)
{
	unsigned char *p = NULL;
	int n = i2d_X509(x, &p);

	if (n > 0) {
		unsigned char *c = malloc((size_t)n);

		if (c == NULL)
			lk_fatal("out of memory");
		memcpy(c, p, (size_t)n);
		items_add(certs, c, (size_t)n, true);
	}
	OPENSSL_free(p);
}

/* The chain of x up through pool, x first (its issuers added to chain,
 * up to 8). */
static void
chain_of(STACK_OF(X509) *pool, X509 *x, X509 **chain, size_t *n)
{
	*n = 0;
	while (x != NULL && *n < 8) {
		bool seen = false;

		for (size_t i = 0; i < *n; i++)
			seen = seen || X509_cmp(chain[i], x) == 0;
		if (seen)
			break;
		chain[(*n)++] = x;
		if (X509_self_signed(x, 0) == 1)
			break;
		x = cms_issuer_in(pool, x);
	}
	ERR_clear_error();
}

/* The revocation data of x (issued by iss): an OCSP answer, else a CRL
 * from its distribution point, unless a given CRL speaks of it. */
static void
fetch_for(X509 *x, X509 *iss, STACK_OF(X509) *pool, items *crls,
	  items *ocsps, int64_t now, sign_lt_info *li)
{
	STACK_OF(OPENSSL_STRING) *urls = X509_get1_ocsp(x);
	char subj[256], why[256];
	bool have = false;

	X509_NAME_oneline(X509_get_subject_name(x), subj, sizeof subj);
	for (size_t i = 0; i < crls->n && !have; i++) {
		X509_CRL *c = ltv_crl_parse(crls->v[i].p, crls->v[i].n);
		int64_t ra;

		have = c != NULL && ltv_crl_says(c, x, iss, now, &ra) != 0;
		X509_CRL_free(c);
	}
	for (int i = 0; !have && i < sk_OPENSSL_STRING_num(urls); i++) {
		const char *url = sk_OPENSSL_STRING_value(urls, i);
		OCSP_REQUEST *req = OCSP_REQUEST_new();
		OCSP_CERTID *id = OCSP_cert_to_id(EVP_sha1(), x, iss);
		BIO *rb = NULL, *ans = NULL;
		unsigned char *p = NULL;
		size_t n = 0;
		int64_t ra;

		if (strncmp(url, "http://", 7) != 0) {
			note(li, _("OCSP %s: only http:// is fetched (%s)"), url, subj);
			OCSP_CERTID_free(id);
			OCSP_REQUEST_free(req);
			continue;
		}
		if (req != NULL && id != NULL && OCSP_request_add0_id(req, id) != NULL) {
			id = NULL;
			(void)OCSP_request_add1_nonce(req, NULL, -1);
			if ((rb = BIO_new(BIO_s_mem())) != NULL &&
			    i2d_OCSP_REQUEST_bio(rb, req) == 1)
				ans = http_fetch(url, rb, "application/ocsp-request",
				    "application/ocsp-response");
		}
		if (bio_bytes(ans, &p, &n) &&
		    ltv_ocsp_says(p, n, x, iss, pool, now - 300, &ra) != 0) {
			items_add(ocsps, p, n, true);
			have = true;
		} else {
			free(p);
			note(li, _("OCSP %s: %s"), url,
			     sign_ossl_reason(why, sizeof why, _("no answer")));
		}
		BIO_free(ans);
		BIO_free(rb);
		OCSP_CERTID_free(id);
		OCSP_REQUEST_free(req);
	}
	X509_email_free(urls);
	if (!have) {
		char *url = crl_url(x);
		BIO *ans = url != NULL ? http_fetch(url, NULL, NULL, NULL) : NULL;
		unsigned char *p = NULL;
		size_t n = 0;

		if (url != NULL) {
			X509_CRL *c = bio_bytes(ans, &p, &n) ? ltv_crl_parse(p, n) : NULL;
			int64_t ra;

			if (c != NULL && ltv_crl_says(c, x, iss, now, &ra) != 0) {
				unsigned char *d = NULL;
				int dn = i2d_X509_CRL(c, &d);

				if (dn > 0)
					items_add(crls, d, (size_t)dn, false);
				OPENSSL_free(d);
				have = true;
			} else {
				note(li, _("CRL %s: %s"), url, c == NULL
				    ? sign_ossl_reason(why, sizeof why, _("no answer"))
				    : _("does not cover the certificate"));
			}
			X509_CRL_free(c);
		}
		free(p);
		BIO_free(ans);
		free(url);
	}
	ERR_clear_error();
}

/* Is x revoked according to what was collected? */
static void
check_revoked(X509 *x, X509 *iss, STACK_OF(X509) *pool, const items *crls,
	      const items *ocsps, int64_t now, sign_lt_info *li)
{
	int64_t ra = 0;
	int says = 0;

	for (size_t i = 0; says != 2 && i < crls->n; i++) {
		X509_CRL *c = ltv_crl_parse(crls->v[i].p, crls->v[i].n);

		if (c != NULL)
			says = ltv_crl_says(c, x, iss, now, &ra);
		X509_CRL_free(c);
	}
	for (size_t i = 0; says != 2 && i < ocsps->n; i++)
		says = ltv_ocsp_says(ocsps->v[i].p, ocsps->v[i].n, x, iss, pool,
		    now, &ra);
	if (says == 2 && !li->revoked) {
		li->revoked = true;
		li->revoked_at = ra;
		X509_NAME_oneline(X509_get_subject_name(x), li->revoked_cert,
		    sizeof li->revoked_cert);
	}
}

static int
read_crl_file(const char *path, items *crls, lk_err *e)
{
	unsigned char *buf, *d = NULL;
	size_t n;
	X509_CRL *c;
	int rc, dn;

	if ((rc = sign_read_file(path, &buf, &n, e)) != 0)
		return rc;
	c = ltv_crl_parse(buf, n);
	free(buf);
	if (c == NULL)
		return lk_fail(e, EX_DATAERR, _("--crl %s: not a CRL (DER or PEM)"),
		    path);
	dn = i2d_X509_CRL(c, &d);
	X509_CRL_free(c);
	if (dn <= 0) {
		OPENSSL_free(d);
		ERR_clear_error();
		return lk_fail(e, EX_DATAERR, _("--crl %s: not a CRL (DER or PEM)"),
		    path);
	}
	items_add(crls, d, (size_t)dn, false);
	OPENSSL_free(d);
	return 0;
}

/* ---- writing ---- */

static void
put_streams(sbuf *b, items *it, uint32_t *next, size_t base, xent *x,
	    size_t *nx)
{
	for (size_t i = 0; i < it->n; i++) {
		it->v[i].obj = (*next)++;
		x[(*nx)++] = (xent){it->v[i].obj, 0, base + b->n};
		sb_printf(b, "%u 0 obj\n<< /Length %zu >>\nstream\n", it->v[i].obj,
		    it->v[i].n);
		sb_put(b, it->v[i].p, it->v[i].n);
		sb_puts(b, "\nendstream\nendobj\n");
	}
}

static void
put_refs(sbuf *b, const items *it)
{
	for (size_t i = 0; i < it->n; i++)
		sb_printf(b, "%u 0 R ", it->v[i].obj);
}

/* The earlier DSS's array key (its items' raw bytes), if any. */
static void
put_old(sbuf *b, pp_doc *d, const pp_val *dss, const char *key)
{
	pp_val v;

	if (dss->type == PP_DICT && pp_dict_get(d, dss, key, &v) &&
	    pp_resolve(d, &v, &v))
		sb_copy_items(b, d, &v);
}

/* it without what the earlier DSS's key already lists. */
static void
drop_old(pp_doc *d, const pp_val *dss, const char *key, items *it)
{
	pp_val v, item;
	size_t cur = 0;

	if (dss->type != PP_DICT || !pp_dict_get(d, dss, key, &v) ||
	    !pp_resolve(d, &v, &v))
		return;
	while (v.type == PP_ARRAY && pp_array_next(d, &v, &cur, &item)) {
		const unsigned char *p;
		size_t n;

		if (!ltv_stream_of(d, &item, &p, &n))
			continue;
		for (size_t i = 0; i < it->n; i++)
			if (it->v[i].n == n && memcmp(it->v[i].p, p, n) == 0) {
				free(it->v[i].p);
				it->v[i] = it->v[--it->n];
				break;
			}
	}
}

static unsigned
count_old(pp_doc *d, const pp_val *dss, const char *key)
{
	pp_val v, it;
	size_t cur = 0;
	unsigned n = 0;

	if (dss->type == PP_DICT && pp_dict_get(d, dss, key, &v) &&
	    pp_resolve(d, &v, &v))
		while (v.type == PP_ARRAY && pp_array_next(d, &v, &cur, &it))
			n++;
	return n;
}

int
dss_build(const unsigned char *buf, size_t len, const char *path,
	  const unsigned char *der, size_t derlen, size_t clen,
	  const sign_opts *o, unsigned char **upd, size_t *updlen, lk_err *e)
{
	static const char *const skip_cat[] = {"DSS", "Extensions", NULL};
	sign_lt_info local, *li = o->lt_info != NULL ? o->lt_info : &local;
	STACK_OF(X509) *pool;
	X509 *signer = NULL, *tsa = NULL, *chain[16];
	items certs = {0}, crls = {0}, ocsps = {0};
	unsigned char h[SHA_DIGEST_LENGTH];
	char key[2 * SHA_DIGEST_LENGTH + 1];
	int64_t now = (int64_t)time(NULL);
	size_t nchain = 0, n2 = 0, nx = 0;
	xent *x = NULL;
	sbuf b = {0};
	pp_doc d;
	pp_val cat, dss, vri, v;
	uint32_t cat_gen, next, vri_obj, dss_obj;
	bool ext;
	int rc = 0;

	*upd = NULL;
	*updlen = 0;
	memset(li, 0, sizeof *li);
	for (size_t i = 0; i < o->ncrl_files; i++)
		if ((rc = read_crl_file(o->crl_files[i], &crls, e)) != 0)
			goto out_items;
	if ((pool = cms_sig_certs(der, derlen, &signer, &tsa)) == NULL ||
	    signer == NULL) {
		rc = lk_fail(e, EX_SOFTWARE, _("the signature just made holds "
		    "no signer"));
		goto out_pool;
	}
	chain_of(pool, signer, chain, &nchain);
	if (tsa != NULL) {
		chain_of(pool, tsa, chain + nchain, &n2);
		nchain += n2;
	}
	for (size_t i = 0; i < nchain; i++) {
		X509 *iss = i + 1 < nchain && X509_check_issued(chain[i + 1],
		    chain[i]) == X509_V_OK ? chain[i + 1] : cms_issuer_in(pool,
		    chain[i]);

		add_cert(&certs, chain[i]);
		if (X509_self_signed(chain[i], 0) == 1 || iss == NULL)
			continue;
		if (!o->offline)
			fetch_for(chain[i], iss, pool, &crls, &ocsps, now, li);
		check_revoked(chain[i], iss, pool, &crls, &ocsps, now, li);
	}
	ERR_clear_error();

	/* The VRI key: SHA-1 of the whole /Contents string. */
	{
		EVP_MD_CTX *c = EVP_MD_CTX_new();
		static const unsigned char zeros[256];
		unsigned hl = 0;

		if (c == NULL || EVP_DigestInit_ex(c, EVP_sha1(), NULL) != 1 ||
		    EVP_DigestUpdate(c, der, derlen) != 1)
			lk_fatal("sha1");
		for (size_t k = derlen; k < clen;) {
			size_t m = clen - k < sizeof zeros ? clen - k : sizeof zeros;

			if (EVP_DigestUpdate(c, zeros, m) != 1)
				lk_fatal("sha1");
			k += m;
		}
		if (EVP_DigestFinal_ex(c, h, &hl) != 1)
			lk_fatal("sha1");
		EVP_MD_CTX_free(c);
		lk_hex(h, sizeof h, key);
		for (char *p = key; *p; p++)
			*p = (char)toupper((unsigned char)*p);
	}

	if ((rc = pp_open(&d, buf, len, path, e)) != 0)
		goto out_pool;
	if (!pp_object(&d, d.root.obj, &cat, &cat_gen, NULL) ||
	    cat.type != PP_DICT) {
		rc = lk_fail_at(e, EX_DATAERR, path, 0, 0, "%s",
		    _("the catalog is not a dictionary"));
		goto out_doc;
	}
	dss.type = vri.type = PP_NULL;
	if (pp_dict_get(&d, &cat, "DSS", &v) && pp_resolve(&d, &v, &dss) &&
	    dss.type == PP_DICT && pp_dict_get(&d, &dss, "VRI", &v))
		(void)pp_resolve(&d, &v, &vri);
	ext = pp_dict_get(&d, &cat, "Extensions", &v);

	drop_old(&d, &dss, "Certs", &certs);
	drop_old(&d, &dss, "CRLs", &crls);
	drop_old(&d, &dss, "OCSPs", &ocsps);
	if ((x = calloc(certs.n + crls.n + ocsps.n + 4, sizeof *x)) == NULL)
		lk_fatal("out of memory");
	next = d.size;
	if (len > 0 && buf[len - 1] != '\n' && buf[len - 1] != '\r')
		sb_puts(&b, "\n");
	put_streams(&b, &certs, &next, len, x, &nx);
	put_streams(&b, &crls, &next, len, x, &nx);
	put_streams(&b, &ocsps, &next, len, x, &nx);

	vri_obj = next++;
	x[nx++] = (xent){vri_obj, 0, len + b.n};
	sb_printf(&b, "%u 0 obj\n<<", vri_obj);
	if (vri.type == PP_DICT) {
		static const char *const none[] = {NULL};

		sb_copy_pairs(&b, &d, &vri, none);
	}
	sb_printf(&b, "\n/%s << /Cert [", key);
	put_refs(&b, &certs);
	sb_puts(&b, "] /CRL [");
	put_refs(&b, &crls);
	sb_puts(&b, "] /OCSP [");
	put_refs(&b, &ocsps);
	sb_puts(&b, "] >>\n>>\nendobj\n");

	dss_obj = next++;
	x[nx++] = (xent){dss_obj, 0, len + b.n};
	sb_printf(&b, "%u 0 obj\n<< /Type /DSS\n/Certs [", dss_obj);
	put_old(&b, &d, &dss, "Certs");
	put_refs(&b, &certs);
	sb_puts(&b, "]\n/CRLs [");
	put_old(&b, &d, &dss, "CRLs");
	put_refs(&b, &crls);
	sb_puts(&b, "]\n/OCSPs [");
	put_old(&b, &d, &dss, "OCSPs");
	put_refs(&b, &ocsps);
	sb_printf(&b, "]\n/VRI %u 0 R >>\nendobj\n", vri_obj);

	x[nx++] = (xent){d.root.obj, cat_gen, len + b.n};
	sb_printf(&b, "%u %u obj\n<<", d.root.obj, cat_gen);
	sb_copy_pairs(&b, &d, &cat, skip_cat);
	if (ext) {
		sb_puts(&b, "\n/Extensions ");
		sb_raw(&b, &d, &v);
	} else {
		sb_puts(&b, "\n/Extensions << /ESIC << /BaseVersion /1.7 "
		    "/ExtensionLevel 5 >> >>");
	}
	sb_printf(&b, "\n/DSS %u 0 R\n>>\nendobj\n", dss_obj);
	{
		size_t xref_off = len + b.n;

		sb_put_xref(&b, x, nx);
		sb_printf(&b, "trailer\n<< /Size %u /Root %u %u R", next,
		    d.root.obj, d.root.gen);
		if (d.info.type != PP_NULL) {
			sb_puts(&b, " /Info ");
			sb_raw(&b, &d, &d.info);
		}
		if (d.id.type != PP_NULL) {
			sb_puts(&b, " /ID ");
			sb_raw(&b, &d, &d.id);
		}
		sb_printf(&b, " /Prev %zu >>\nstartxref\n%zu\n%%%%EOF\n",
		    d.secs[0].xref_off, xref_off);
	}
	li->added = true;
	li->ncerts = (unsigned)certs.n + count_old(&d, &dss, "Certs");
	li->ncrls = (unsigned)crls.n + count_old(&d, &dss, "CRLs");
	li->nocsps = (unsigned)ocsps.n + count_old(&d, &dss, "OCSPs");
	*upd = b.p;
	*updlen = b.n;
	b.p = NULL;
out_doc:
	pp_close(&d);
out_pool:
	free(b.p);
	free(x);
	X509_free(signer);
	X509_free(tsa);
	sk_X509_pop_free(pool, X509_free);
out_items:
	items_free(&certs);
	items_free(&crls);
	items_free(&ocsps);
	ERR_clear_error();
	return rc;
}
