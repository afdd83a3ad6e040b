/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* verify.c - checking the last signature of a PDF (sign_verify). */
#include "config.h"
#include "sign.h"
#include "cms.h"
#include "pdfparse.h"
#include "sign_int.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include <openssl/sha.h>

typedef struct found {
	pp_val dict;
	size_t off;              /* of its "N G obj" */
	size_t sec;              /* the section (revision) that holds it */
} found;

/* A signature dictionary: /ByteRange and /Contents, not a document
 * timestamp. */
static bool
is_sig_dict(pp_doc *d, const pp_val *v)
{
	pp_val x;

	if (v->type != PP_DICT || !pp_dict_get(d, v, "ByteRange", &x) ||
	    !pp_dict_get(d, v, "Contents", &x))
		return false;
	return !pp_dict_get(d, v, "Type", &x) || pp_name_is(d, &x, "Sig");
}

/* The newest revision's signature dictionary (if several, the last in
 * the file).  Only current versions of objects count. */
static bool
find_last(pp_doc *d, found *f)
{
	for (size_t s = 0; s < d->nsecs; s++) {
		bool got = false;

		for (size_t i = d->secs[s].ent_begin; i < d->secs[s].ent_end; i++) {
			const pp_ent *en = &d->ents[i];
			size_t cur_off;
			pp_val v;

			if (!en->used || (got && en->off < f->off))
				continue;
			if (!pp_object(d, en->num, &v, NULL, &cur_off) ||
			    cur_off != en->off || !is_sig_dict(d, &v))
				continue;
			f->dict = v;
			f->off = en->off;
			f->sec = s;
			got = true;
		}
		if (got)
			return true;
	}
	return false;
}

/* The end of the revision before section s: the furthest end of an older
 * revision; without those, just past the last "%%EOF" before the
 * signature dictionary (and its whitespace); 0 for the first revision. */
static size_t
previous_revision_end(const pp_doc *d, const found *f)
{
	size_t end = 0, p;

	if (f->sec + 1 >= d->nsecs)
		return 0;
	for (size_t s = f->sec + 1; s < d->nsecs; s++)
		if (d->secs[s].rev_end > end && d->secs[s].rev_end <= f->off)
			end = d->secs[s].rev_end;
	if (end != 0)
		return end;
	for (p = f->off; p >= 5; p--)
		if (memcmp(d->buf + p - 5, "%%EOF", 5) == 0)
			break;
	if (p < 5)
		return 0;
	while (p < f->off && strchr(" \t\r\n\f", d->buf[p]) != NULL &&
	    d->buf[p] != '\0')
		p++;
	return p;
}

static void
text_of(pp_doc *d, const pp_val *dict, const char *key, char *out, size_t cap)
{
	unsigned char raw[1024];
	pp_val v;
	size_t n;

	out[0] = '\0';
	if (!pp_dict_get(d, dict, key, &v) || v.type != PP_STRING)
		return;
	n = pp_string(d, &v, raw, sizeof raw);
	sign_text_utf8(raw, n < sizeof raw ? n : sizeof raw, out, cap);
}

static int
broken(lk_err *e, const pp_doc *d, const char *what)
{
	return lk_fail_at(e, EX_DATAERR, d->path, 0, 0, "broken signature: %s",
	    what);
}

int
sign_verify(const char *pdf, sign_verify_result *r, lk_err *e)
{
	return sign_verify_ca(pdf, NULL, r, e);
}

int
sign_verify_ca(const char *pdf, const char *ca_file, sign_verify_result *r,
	       lk_err *e)
{
	return sign_verify_mem(pdf, NULL, 0, ca_file, r, e);
}

int
sign_verify_mem(const char *pdf, const unsigned char *mem, size_t memlen,
		const char *ca_file, sign_verify_result *r, lk_err *e)
{
	X509_STORE *ca = NULL;
	unsigned char *buf = NULL, *der = NULL, date[64];
	size_t len = 0, cur = 0, derlen, prefix;
	uint64_t br[4];
	pp_doc d;
	found f;
	pp_val v, ct;
	int rc, k = 0;

	if (pdf == NULL || r == NULL)
		lk_fatal("sign_verify: NULL argument");
	memset(r, 0, sizeof *r);
	if (ca_file != NULL && (rc = cms_ca_store(ca_file, &ca, e)) != 0)
		return rc;
	if (mem != NULL) {               /* a copy: the same path as a file */
		if ((buf = malloc(memlen > 0 ? memlen : 1)) == NULL)
			lk_fatal("out of memory");
		memcpy(buf, mem, memlen);
		len = memlen;
	} else if ((rc = sign_read_file(pdf, &buf, &len, e)) != 0) {
		X509_STORE_free(ca);
		return rc;
	}
	if ((rc = pp_open(&d, buf, len, pdf, e)) != 0) {
		X509_STORE_free(ca);
		free(buf);
		return rc;
	}
	if (!find_last(&d, &f))
		goto out;        /* not signed: 0, signed_ false */
	r->signed_ = true;
	text_of(&d, &f.dict, "Name", r->name, sizeof r->name);
	text_of(&d, &f.dict, "Reason", r->reason, sizeof r->reason);
	text_of(&d, &f.dict, "Location", r->location, sizeof r->location);
	text_of(&d, &f.dict, "LakipData", r->app_data, sizeof r->app_data);
	if (pp_dict_get(&d, &f.dict, "M", &v) && v.type == PP_STRING) {
		size_t n = pp_string(&d, &v, date, sizeof date);

		if (n <= sizeof date)
			r->claimed_time = sign_parse_pdf_date(date, n);
	}

	if (!pp_dict_get(&d, &f.dict, "SubFilter", &v)) {
		rc = broken(e, &d, "no /SubFilter");
		goto out;
	}
	if (pp_name_is(&d, &v, "ETSI.CAdES.detached")) {
		r->subfilter = SIGN_PADES;
	} else if (pp_name_is(&d, &v, "adbe.pkcs7.detached")) {
		r->subfilter = SIGN_PKCS7;
	} else {
		rc = lk_fail_at(e, EX_DATAERR, pdf, 0, 0, "signature of type "
		    "%.*s: not supported (only ETSI.CAdES.detached and "
		    "adbe.pkcs7.detached)", (int)(v.end - v.start > 60 ? 60 :
		    v.end - v.start), (const char *)d.buf + v.start);
		goto out;
	}

	if (!pp_dict_get(&d, &f.dict, "ByteRange", &v) ||
	    !pp_resolve(&d, &v, &v) || v.type != PP_ARRAY) {
		rc = broken(e, &d, "/ByteRange is not an array");
		goto out;
	}
	for (pp_val it; pp_array_next(&d, &v, &cur, &it); k++) {
		if (k == 4 || it.type != PP_NUM || !it.is_int || it.i < 0) {
			k = -1;
			break;
		}
		br[k] = (uint64_t)it.i;
	}
	if (k != 4) {
		rc = broken(e, &d, "/ByteRange is not four offsets");
		goto out;
	}
	if (br[0] > len || br[1] > len - br[0] || br[2] < br[0] + br[1] ||
	    br[2] > len || br[3] > len - br[2]) {
		rc = broken(e, &d, "/ByteRange reaches outside the file");
		goto out;
	}
	if (!pp_dict_get(&d, &f.dict, "Contents", &ct) || ct.type != PP_STRING) {
		rc = broken(e, &d, "/Contents is not a string");
		goto out;
	}
	r->covers_whole_file = br[0] == 0 && br[1] == ct.start &&
	    br[2] == ct.end && br[2] + br[3] == len && d.buf[ct.start] == '<';
	r->signed_revision_end = (size_t)(br[2] + br[3]);
	r->covers_signed_revision = br[0] == 0 && br[1] == ct.start &&
	    br[2] == ct.end && d.buf[ct.start] == '<';

	prefix = previous_revision_end(&d, &f);
	SHA256(buf, prefix, r->unsigned_sha256);

	derlen = pp_string(&d, &ct, NULL, 0);
	der = malloc(derlen + 1);
	if (der == NULL)
		lk_fatal("out of memory");
	pp_string(&d, &ct, der, derlen);
	{
		const sign_span parts[2] = {
			{buf + br[0], (size_t)br[1]}, {buf + br[2], (size_t)br[3]}
		};
		int64_t when = r->claimed_time != 0 ? r->claimed_time :
		    (int64_t)time(NULL);

		rc = cms_check(der, derlen, parts, 2, when, ca, r, pdf, e);
		if (rc == 0)
			ltv_check(buf, len, pdf, der, derlen, ca, r);
	}
out:
	X509_STORE_free(ca);
	free(der);
	pp_close(&d);
	free(buf);
	return rc;
}
