/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* sign.c - signing a PDF: the incremental update, the CMS in its
 * placeholder, the output file; and the SHA-256 helpers.
 *
 * The update appended to the input (object numbers S = the old /Size):
 *
 *   S 0 obj  << /Type /Sig /Filter /Adobe.PPKLite /SubFilter /...
 *              /ByteRange [0 b c d      ] /Contents <00...00>
 *              /M (D:...) /Name .. /Reason .. /Location .. >>
 *   S+1 0 obj << /Type /Annot /Subtype /Widget /FT /Sig /T (SignatureN)
 *              /V S 0 R /Rect [0 0 0 0] /F 132 /P page >>
 *   catalog  (same number) its entries, /AcroForm << its old entries
 *              /Fields [old.. S+1 0 R] /SigFlags 3 >>
 *   page 1   (same number) its entries, /Annots [old.. S+1 0 R]
 *   xref     the four entries;  trailer << /Size S+2 /Root /Info /ID /Prev >>
 *   startxref, %%EOF
 *
 * /ByteRange covers everything but the hex string of /Contents, '<' and
 * '>' included in the gap.
 */
#include "config.h"
#include "core/i18n.h"
#include "core/hex.h"
#include "sign.h"
#include "cms.h"
#include "pdfparse.h"
#include "sign_int.h"
#include "update_int.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include <openssl/sha.h>

#define BR_WIDTH 43              /* "0 b c d": four numbers of 10 digits */
#define MAX_FIELDS_NAMED 100000

static void
sb_fill(sbuf *b, char c, size_t n)
{
	char chunk[256];

	memset(chunk, c, sizeof chunk);
	while (n > 0) {
		size_t k = n < sizeof chunk ? n : sizeof chunk;

		sb_put(b, chunk, k);
		n -= k;
	}
}

/* A PDF text string: literal if printable ASCII, else UTF-16BE hex. */
static void
put_text(sbuf *b, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;
	bool plain = true;

	for (size_t k = 0; k < n; k++)
		if (u[k] < 0x20 || u[k] > 0x7e)
			plain = false;
	if (plain) {
		sb_puts(b, "(");
		for (size_t k = 0; k < n; k++) {
			if (s[k] == '(' || s[k] == ')' || s[k] == '\\')
				sb_puts(b, "\\");
			sb_put(b, s + k, 1);
		}
		sb_puts(b, ")");
		return;
	}
	sb_puts(b, "<FEFF");
	while (i < n) {
		unsigned long c = sign_utf8_next(u, n, &i);

		if (c >= 0x10000) {
			c -= 0x10000;
			sb_printf(b, "%04lX%04lX", 0xd800 + (c >> 10),
			    0xdc00 + (c & 0x3ff));
		} else {
			sb_printf(b, "%04lX", c);
		}
	}
	sb_puts(b, ">");
}

static int
pdf_fail(lk_err *e, pp_doc *d, const char *what)
{
	return lk_fail_at(e, EX_DATAERR, d->path, 0, 0, "%s: %s", what,
	    pp_errmsg(d));
}

static int
pdf_bad(lk_err *e, pp_doc *d, const char *what)
{
	return lk_fail_at(e, EX_DATAERR, d->path, 0, 0, "%s", what);
}

/* ---- reading what the update changes ---- */

typedef struct target {
	pp_val cat;              /* the catalog's dictionary */
	uint32_t cat_gen;
	pp_val page;             /* the first page's dictionary */
	uint32_t page_num, page_gen;
	pp_val annots;           /* PP_ARRAY, or PP_NULL */
	pp_val acro;             /* PP_DICT, or PP_NULL */
	pp_val fields;           /* PP_ARRAY, or PP_NULL */
	unsigned field_no;       /* the N of the new "SignatureN" */
} target;

static int
find_first_page(pp_doc *d, target *t, lk_err *e)
{
	pp_val v, node, kids, kid;
	uint32_t gen;
	size_t cur;

	if (!pp_dict_get(d, &t->cat, "Pages", &v) || v.type != PP_REF)
		return pdf_bad(e, d, "the catalog has no /Pages");
	for (int depth = 0;; depth++) {
		if (depth == PP_MAX_DEPTH)
			return pdf_bad(e, d, "page tree too deep");
		if (!pp_object(d, v.obj, &node, &gen, NULL))
			return pdf_fail(e, d, "page tree");
		if (node.type != PP_DICT)
			return pdf_bad(e, d, "page tree node is not a dictionary");
		if (!pp_dict_get(d, &node, "Kids", &kids))
			break;
		if (!pp_resolve(d, &kids, &kids))
			return pdf_fail(e, d, "page tree");
		cur = 0;
		if (kids.type != PP_ARRAY || !pp_array_next(d, &kids, &cur, &kid))
			return pdf_bad(e, d, "the document has no pages");
		if (kid.type != PP_REF)
			return pdf_bad(e, d, "page tree: /Kids holds a direct object");
		v = kid;
	}
	if (pp_dict_get(d, &node, "Type", &kid) && !pp_name_is(d, &kid, "Page"))
		return pdf_bad(e, d, "the document has no pages");
	if (v.obj == d->root.obj)
		return pdf_bad(e, d, "the first page is the catalog");
	t->page = node;
	t->page_num = v.obj;
	t->page_gen = gen;
	return 0;
}

static int
cmp_uint(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;

	return x < y ? -1 : x > y;
}

/* The N of "SignatureN" if name is one (N >= 1, no leading zero). */
static unsigned
sig_field_no(const unsigned char *s, size_t n)
{
	unsigned v = 0;

	if (n < 10 || n > 16 || memcmp(s, "Signature", 9) != 0 || s[9] == '0')
		return 0;
	for (size_t i = 9; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	return v;
}

/* The smallest N >= 1 for which no top-level field is "SignatureN". */
static int
choose_field_name(pp_doc *d, target *t, lk_err *e)
{
	unsigned *used = NULL, n = 0, cap = 0, no = 1;
	pp_val item, field, tv;
	size_t cur = 0;

	while (t->fields.type == PP_ARRAY &&
	    pp_array_next(d, &t->fields, &cur, &item)) {
		unsigned char raw[64];
		char name[64];
		size_t len;

		if (!pp_resolve(d, &item, &field)) {
			free(used);
			return pdf_fail(e, d, "/AcroForm /Fields");
		}
		if (field.type != PP_DICT || !pp_dict_get(d, &field, "T", &tv) ||
		    tv.type != PP_STRING)
			continue;
		len = pp_string(d, &tv, raw, sizeof raw);
		if (len > sizeof raw)
			continue;
		sign_text_utf8(raw, len, name, sizeof name);
		if ((no = sig_field_no((const unsigned char *)name,
		    strlen(name))) == 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if (cap > MAX_FIELDS_NAMED) {
				free(used);
				return pdf_bad(e, d, "too many signature fields");
			}
			used = realloc(used, cap * sizeof *used);
			if (used == NULL)
				lk_fatal("out of memory");
		}
		used[n++] = no;
	}
	if (n > 0)
		qsort(used, n, sizeof *used, cmp_uint);
	no = 1;
	for (unsigned k = 0; k < n; k++)
		if (used[k] == no)
			no++;
	free(used);
	t->field_no = no;
	return 0;
}

static int
read_target(pp_doc *d, target *t, lk_err *e)
{
	pp_val v;
	int rc;

	memset(t, 0, sizeof *t);
	t->annots.type = t->acro.type = t->fields.type = PP_NULL;
	if (!pp_object(d, d->root.obj, &t->cat, &t->cat_gen, NULL))
		return pdf_fail(e, d, "catalog");
	if (t->cat.type != PP_DICT)
		return pdf_bad(e, d, "the catalog is not a dictionary");
	if ((rc = find_first_page(d, t, e)) != 0)
		return rc;
	if (pp_dict_get(d, &t->page, "Annots", &v)) {
		if (!pp_resolve(d, &v, &t->annots))
			return pdf_fail(e, d, "/Annots of the first page");
		if (t->annots.type != PP_ARRAY && t->annots.type != PP_NULL)
			return pdf_bad(e, d, "/Annots of the first page is not an array");
	}
	if (pp_dict_get(d, &t->cat, "AcroForm", &v)) {
		if (!pp_resolve(d, &v, &t->acro))
			return pdf_fail(e, d, "/AcroForm");
		if (t->acro.type != PP_DICT && t->acro.type != PP_NULL)
			return pdf_bad(e, d, "/AcroForm is not a dictionary");
	}
	if (t->acro.type == PP_DICT && pp_dict_get(d, &t->acro, "Fields", &v)) {
		if (!pp_resolve(d, &v, &t->fields))
			return pdf_fail(e, d, "/AcroForm /Fields");
		if (t->fields.type != PP_ARRAY && t->fields.type != PP_NULL)
			return pdf_bad(e, d, "/AcroForm /Fields is not an array");
	}
	return choose_field_name(d, t, e);
}

/* ---- writing the update ---- */

typedef struct update {
	sbuf b;
	size_t br;               /* inside "/ByteRange [": BR_WIDTH spaces */
	size_t lt, gt;           /* '<' of /Contents, just past its '>' */
} update;

static const char *
subfilter_name(enum sign_subfilter sf)
{
	switch (sf) {
	case SIGN_PADES:
		return "ETSI.CAdES.detached";
	case SIGN_PKCS7:
		return "adbe.pkcs7.detached";
	}
	lk_fatal("sign: unknown subfilter %d", (int)sf);
}

/* A new second /ID string: SHA-256 of the first one, the time and the
 * place of the new xref, cut to 16 bytes. */
static void
put_id(sbuf *b, pp_doc *d, int64_t when, size_t xref_off)
{
	size_t cur = 0;
	pp_val first;
	unsigned char h[SHA256_DIGEST_LENGTH];
	char hex[33];
	sbuf seed = {0};

	if (d->id.type != PP_ARRAY || !pp_array_next(d, &d->id, &cur, &first))
		return;
	sb_raw(&seed, d, &first);
	sb_printf(&seed, "|%lld|%zu", (long long)when, xref_off);
	SHA256(seed.p, seed.n, h);
	free(seed.p);
	sb_puts(b, " /ID [");
	sb_raw(b, d, &first);
	sb_puts(b, " <");
	lk_hex(h, 16, hex);
	sb_puts(b, hex);
	sb_puts(b, ">]");
}

static int
build_update(pp_doc *d, const target *t, const sign_opts *o, size_t reserve,
	     update *u, lk_err *e)
{
	static const char *const skip_cat[] = {"AcroForm", NULL};
	static const char *const skip_acro[] = {"Fields", "SigFlags", NULL};
	static const char *const skip_page[] = {"Annots", NULL};
	const uint32_t sig = d->size, fld = d->size + 1;
	sbuf *b = &u->b;
	xent x[4];
	char date[32];
	pp_val v;
	int64_t sigflags = 3;
	size_t xref_off;

	if (!sign_pdf_date(o->when, date))
		return lk_fail(e, EX_DATAERR, _("signing time %lld is out of range"),
		    (long long)o->when);
	if (d->len > 0 && d->buf[d->len - 1] != '\n' && d->buf[d->len - 1] != '\r')
		sb_puts(b, "\n");

	x[0] = (xent){sig, 0, d->len + b->n};
	sb_printf(b, "%u 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite "
	    "/SubFilter /%s\n/ByteRange [", sig, subfilter_name(o->subfilter));
	u->br = b->n;
	sb_fill(b, ' ', BR_WIDTH);
	sb_puts(b, "]\n/Contents ");
	u->lt = b->n;
	sb_puts(b, "<");
	sb_fill(b, '0', 2 * reserve);
	sb_puts(b, ">");
	u->gt = b->n;
	sb_printf(b, "\n/M (%s)", date);
	if (o->name != NULL && *o->name != '\0') {
		sb_puts(b, "\n/Name ");
		put_text(b, o->name);
	}
	if (o->reason != NULL && *o->reason != '\0') {
		sb_puts(b, "\n/Reason ");
		put_text(b, o->reason);
	}
	if (o->location != NULL && *o->location != '\0') {
		sb_puts(b, "\n/Location ");
		put_text(b, o->location);
	}
	if (o->app_data != NULL && *o->app_data != '\0') {
		sb_puts(b, "\n/LakipData ");
		put_text(b, o->app_data);
	}
	sb_puts(b, "\n>>\nendobj\n");

	x[1] = (xent){fld, 0, d->len + b->n};
	sb_printf(b, "%u 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Sig "
	    "/T (Signature%u) /V %u 0 R\n/Rect [0 0 0 0] /F 132 /P %u %u R >>\n"
	    "endobj\n", fld, t->field_no, sig, t->page_num, t->page_gen);

	x[2] = (xent){d->root.obj, t->cat_gen, d->len + b->n};
	sb_printf(b, "%u %u obj\n<<", d->root.obj, t->cat_gen);
	sb_copy_pairs(b, d, &t->cat, skip_cat);
	sb_puts(b, "\n/AcroForm <<");
	if (t->acro.type == PP_DICT) {
		sb_copy_pairs(b, d, &t->acro, skip_acro);
		if (pp_dict_get(d, &t->acro, "SigFlags", &v) && v.type == PP_NUM &&
		    v.is_int && v.i >= 0 && v.i < INT32_MAX)
			sigflags = v.i | 3;
	}
	sb_puts(b, "\n/Fields [");
	sb_copy_items(b, d, &t->fields);
	sb_printf(b, "%u 0 R] /SigFlags %lld >>\n>>\nendobj\n", fld,
	    (long long)sigflags);

	x[3] = (xent){t->page_num, t->page_gen, d->len + b->n};
	sb_printf(b, "%u %u obj\n<<", t->page_num, t->page_gen);
	sb_copy_pairs(b, d, &t->page, skip_page);
	sb_puts(b, "\n/Annots [");
	sb_copy_items(b, d, &t->annots);
	sb_printf(b, "%u 0 R]\n>>\nendobj\n", fld);

	xref_off = d->len + b->n;
	sb_put_xref(b, x, 4);
	sb_printf(b, "trailer\n<< /Size %u /Root %u %u R", fld + 1,
	    d->root.obj, d->root.gen);
	if (d->info.type != PP_NULL) {
		sb_puts(b, " /Info ");
		sb_raw(b, d, &d->info);
	}
	put_id(b, d, o->when, xref_off);
	sb_printf(b, " /Prev %zu >>\nstartxref\n%zu\n%%%%EOF\n",
	    d->secs[0].xref_off, xref_off);
	return 0;
}

/* ---- signing ---- */

int
sign_pdf(const char *pdf_in, const char *pdf_out, const sign_opts *o,
	 sign_cert_info *cert, lk_err *e)
{
	unsigned char *in = NULL, *der = NULL;
	size_t inlen = 0, derlen = 0, reserve, lt, gt, total;
	pp_doc d;
	cms_key k;
	target t;
	update u = {{0}, 0, 0, 0};
	sign_cert_info ci;
	char br[BR_WIDTH + 1];
	int rc, n;

	if (pdf_in == NULL || pdf_out == NULL || o == NULL || o->p12 == NULL)
		lk_fatal("sign_pdf: NULL argument");
	(void)subfilter_name(o->subfilter);
	if (cert != NULL)
		memset(cert, 0, sizeof *cert);
	if ((rc = sign_read_file(pdf_in, &in, &inlen, e)) != 0)
		return rc;
	if ((rc = pp_open(&d, in, inlen, pdf_in, e)) != 0) {
		free(in);
		return rc;
	}
	if ((rc = read_target(&d, &t, e)) != 0)
		goto out_doc;
	if ((rc = cms_load_key(o->p12, o->password, &k, e)) != 0)
		goto out_doc;
	cms_cert_info(k.cert, o->when, &ci);
	if (cert != NULL)
		*cert = ci;
	reserve = o->reserve != 0 ? o->reserve : cms_reserve(&k) +
	    (o->tsa_url != NULL ? 16384 : 0);   /* the authority's token */
	if (reserve > 64u << 20) {
		rc = lk_fail(e, EX_USAGE, _("cannot reserve %zu bytes for a "
		    "signature"), reserve);
		goto out;
	}
	if ((rc = build_update(&d, &t, o, reserve, &u, e)) != 0)
		goto out;

	lt = inlen + u.lt;
	gt = inlen + u.gt;
	total = inlen + u.b.n;
	n = snprintf(br, sizeof br, "0 %zu %zu %zu", lt, gt, total - gt);
	if (n < 0 || n > BR_WIDTH) {
		rc = lk_fail(e, EX_DATAERR, _("%s: too large to sign"), pdf_in);
		goto out;
	}
	memcpy(u.b.p + u.br, br, (size_t)n);
	{
		const sign_span parts[3] = {
			{in, inlen}, {u.b.p, u.lt}, {u.b.p + u.gt, u.b.n - u.gt}
		};
		static const char hex[] = "0123456789ABCDEF";

		if ((rc = cms_sign(&k, o->subfilter, o->when, o->tsa_url, parts,
		    3, &der, &derlen, e)) != 0)
			goto out;
		if (derlen > reserve) {
			rc = lk_fail(e, EX_DATAERR, _("the signature needs %zu "
			    "bytes but only %zu are reserved in /Contents"),
			    derlen, reserve);
			goto out;
		}
		for (size_t i = 0; i < derlen; i++) {
			u.b.p[u.lt + 1 + 2 * i] = (unsigned char)hex[der[i] >> 4];
			u.b.p[u.lt + 2 + 2 * i] = (unsigned char)hex[der[i] & 15];
		}
	}
	if (o->lt) {
		/* The validation data in a further update (dss.c). */
		unsigned char *all = malloc(inlen + u.b.n), *upd = NULL;
		size_t updlen = 0;

		if (all == NULL)
			lk_fatal("out of memory");
		memcpy(all, in, inlen);
		memcpy(all + inlen, u.b.p, u.b.n);
		rc = dss_build(all, inlen + u.b.n, pdf_in, der, derlen, reserve,
		    o, &upd, &updlen, e);
		if (rc == 0) {
			const sign_span whole[2] = {{all, inlen + u.b.n},
			    {upd, updlen}};

			rc = sign_write_atomic(pdf_out, whole, 2, e);
		}
		free(upd);
		free(all);
	} else {
		const sign_span whole[2] = {{in, inlen}, {u.b.p, u.b.n}};

		rc = sign_write_atomic(pdf_out, whole, 2, e);
	}
out:
	OPENSSL_free(der);
	free(u.b.p);
	cms_key_free(&k);
out_doc:
	pp_close(&d);
	free(in);
	return rc;
}
