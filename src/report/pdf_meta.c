/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* pdf_meta.c - what an archived PDF carries besides its pages (see
 * pdf_int.h): the info dictionary, XMP metadata saying the same, the
 * document's language, an sRGB output intent, page labels, a document
 * ID and the PDF 1.7 header.  All of it is written into libharu's
 * objects before libharu saves them.
 *
 * The info strings are literal (PDFDocEncoding) when they are ASCII and
 * UTF-16 otherwise (libharu's encoder); the dates are D:YYYYMMDDHHmmSSZ
 * in the info dictionary and YYYY-MM-DDTHH:MM:SSZ in the XMP, from the
 * same second.  The ID is the MD5 of the info and of every page's
 * content, so the same report gives the same file.
 *
 * Errors: pdf_meta_finish fails when the sRGB profile is missing
 * (EX_NOINPUT) or is not an ICC profile (EX_DATAERR), naming the file
 * and its Debian package.  Memory: the copies of the info belong to the pdf.
 */
#include "config.h"
#include "core/i18n.h"
#include "report/pdf_int.h"

#include <hpdf_encrypt.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/err.h"

#ifndef SRGB_PROFILE
#define SRGB_PROFILE "/usr/share/color/icc/sRGB.icc"
#endif

/* The language of every report: formal Indonesian. */
#define PDF_LANG "id-ID"

static char *
dup(const char *s)
{
	char *d;

	if (s == NULL || *s == '\0')
		return NULL;
	if ((d = strdup(s)) == NULL)
		lk_fatal("out of memory");
	return d;
}

static bool
ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7E)
			return false;
	return true;
}

/* An info entry: literal when ASCII, else UTF-16 through libharu. */
static void
set_attr(pdf *p, HPDF_InfoType t, const char *v)
{
	HPDF_Encoder enc;

	if (v == NULL)
		return;
	if (!ascii(v))
		pdf_utf8(p);
	enc = p->doc->cur_encoder;
	if (ascii(v))
		p->doc->cur_encoder = NULL;
	HPDF_SetInfoAttr(p->doc, t, v);
	p->doc->cur_encoder = enc;
}

void
pdf_info(pdf *p, const doc_info *info, long long created)
{
	time_t t = (time_t)created;
	struct tm tm;
	char d[32];

	p->meta.title = dup(info->title);
	p->meta.author = dup(info->author);
	p->meta.subject = dup(info->subject);
	p->meta.keywords = dup(info->keywords);
	p->meta.creator = dup(info->creator);
	snprintf(p->meta.producer, sizeof p->meta.producer,
		 "%s %s (libharu %s)", PACKAGE_NAME, PACKAGE_VERSION,
		 HPDF_VERSION_TEXT);
	set_attr(p, HPDF_INFO_TITLE, p->meta.title);
	set_attr(p, HPDF_INFO_AUTHOR, p->meta.author);
	set_attr(p, HPDF_INFO_SUBJECT, p->meta.subject);
	set_attr(p, HPDF_INFO_KEYWORDS, p->meta.keywords);
	set_attr(p, HPDF_INFO_CREATOR, p->meta.creator);
	set_attr(p, HPDF_INFO_PRODUCER, p->meta.producer);
	p->meta.date[0] = '\0';
	if (gmtime_r(&t, &tm) == NULL || tm.tm_year + 1900 < 1 ||
	    tm.tm_year + 1900 > 9999)
		return;
	if (tm.tm_sec > 59)
		tm.tm_sec = 59;
	strftime(p->meta.date, sizeof p->meta.date, "%Y-%m-%dT%H:%M:%SZ", &tm);
	strftime(d, sizeof d, "D:%Y%m%d%H%M%SZ", &tm);
	HPDF_Dict_Add(p->doc->info, "CreationDate",
		      HPDF_String_New(p->doc->mmgr, d, NULL));
	HPDF_Dict_Add(p->doc->info, "ModDate",
		      HPDF_String_New(p->doc->mmgr, d, NULL));
}

void
pdf_meta_free(pdf *p)
{
	free(p->meta.title);
	free(p->meta.author);
	free(p->meta.subject);
	free(p->meta.keywords);
	free(p->meta.creator);
	free(p->label);
}

/* ---- page labels ---- */

void
pdf_page_label(pdf *p, enum doc_numbering kind, unsigned value)
{
	pdf_label *l = p->n_label > 0 ? &p->label[p->n_label - 1] : NULL;
	unsigned page = p->n_page - 1;

	if (p->n_page == 0)
		return;
	/* the same numbering going on needs no new range */
	if (l != NULL && l->kind == kind &&
	    (kind == DOC_NUM_NONE || l->value + (page - l->page) == value))
		return;
	if (p->n_label == p->cap_label) {
		p->cap_label = p->cap_label ? 2 * p->cap_label : 8;
		p->label = realloc(p->label, p->cap_label * sizeof *p->label);
		if (p->label == NULL)
			lk_fatal("out of memory");
	}
	l = &p->label[p->n_label++];
	l->page = page;
	l->kind = kind;
	l->value = value;
}

static void
page_labels(pdf *p)
{
	HPDF_Dict labels, d;
	HPDF_Array nums;

	if (p->n_label == 0)
		return;
	labels = HPDF_Dict_New(p->doc->mmgr);
	nums = HPDF_Array_New(p->doc->mmgr);
	HPDF_Dict_Add(labels, "Nums", nums);
	for (size_t i = 0; i < p->n_label; i++) {
		const pdf_label *l = &p->label[i];

		HPDF_Array_AddNumber(nums, (HPDF_INT32)l->page);
		d = HPDF_Dict_New(p->doc->mmgr);
		/* no /S: a page without a number (the cover) */
		if (l->kind != DOC_NUM_NONE)
			HPDF_Dict_AddName(d, "S", l->kind == DOC_NUM_ROMAN ? "r" :
					  "D");
		if (l->kind != DOC_NUM_NONE && l->value != 1)
			HPDF_Dict_AddNumber(d, "St", (HPDF_INT32)l->value);
		HPDF_Array_Add(nums, d);
	}
	HPDF_Dict_Add(p->doc->catalog, "PageLabels", labels);
}

/* ---- XMP ---- */

/* s with XML's special characters escaped, to the stream. */
static void
xml_text(HPDF_Stream st, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		const char *r = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" :
			*s == '>' ? "&gt;" : NULL;

		if (r != NULL)
			HPDF_Stream_WriteStr(st, r);
		else
			HPDF_Stream_Write(st, (const HPDF_BYTE *)s, 1);
	}
}

static void
xml_el(HPDF_Stream st, const char *open, const char *v, const char *close)
{
	if (v == NULL || *v == '\0')
		return;
	HPDF_Stream_WriteStr(st, open);
	xml_text(st, v);
	HPDF_Stream_WriteStr(st, close);
}

static void
xmp(pdf *p)
{
	HPDF_Dict x = HPDF_DictStream_New(p->doc->mmgr, p->doc->xref);
	HPDF_Stream st;

	if (x == NULL)
		return;
	HPDF_Dict_AddName(x, "Type", "Metadata");
	HPDF_Dict_AddName(x, "Subtype", "XML");
	x->filter = HPDF_STREAM_FILTER_NONE;    /* readable without a PDF reader */
	st = x->stream;
	HPDF_Stream_WriteStr(st,
		"<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		"<rdf:Description rdf:about=\"\""
		" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
		" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
		" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
		"<dc:format>application/pdf</dc:format>\n");
	xml_el(st, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">",
	       p->meta.title, "</rdf:li></rdf:Alt></dc:title>\n");
	xml_el(st, "<dc:creator><rdf:Seq><rdf:li>", p->meta.author,
	       "</rdf:li></rdf:Seq></dc:creator>\n");
	xml_el(st, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">",
	       p->meta.subject, "</rdf:li></rdf:Alt></dc:description>\n");
	xml_el(st, "<dc:language><rdf:Bag><rdf:li>", PDF_LANG,
	       "</rdf:li></rdf:Bag></dc:language>\n");
	xml_el(st, "<pdf:Keywords>", p->meta.keywords, "</pdf:Keywords>\n");
	xml_el(st, "<pdf:Producer>", p->meta.producer, "</pdf:Producer>\n");
	xml_el(st, "<xmp:CreatorTool>", p->meta.creator, "</xmp:CreatorTool>\n");
	xml_el(st, "<xmp:CreateDate>", p->meta.date, "</xmp:CreateDate>\n");
	xml_el(st, "<xmp:ModifyDate>", p->meta.date, "</xmp:ModifyDate>\n");
	xml_el(st, "<xmp:MetadataDate>", p->meta.date, "</xmp:MetadataDate>\n");
	HPDF_Stream_WriteStr(st, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
			     "<?xpacket end=\"r\"?>");
	HPDF_Dict_Add(p->doc->catalog, "Metadata", x);
}

/* ---- output intent ---- */

static int
output_intent(pdf *p, lk_err *e)
{
	FILE *fp = fopen(SRGB_PROFILE, "rb");
	unsigned char buf[8192];
	size_t n, total = 0;
	HPDF_Dict icc, oi;
	HPDF_Array arr;

	if (fp == NULL)
		return lk_fail(e, EX_NOINPUT, _("sRGB colour profile %s: %s "
			       "(install the Debian package icc-profiles-free)"),
			       SRGB_PROFILE, strerror(errno));
	icc = HPDF_DictStream_New(p->doc->mmgr, p->doc->xref);
	if (icc == NULL) {
		fclose(fp);
		return 0;       /* libharu's error, reported by pdf_status */
	}
	icc->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Dict_AddNumber(icc, "N", 3);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
		HPDF_Stream_Write(icc->stream, buf, (HPDF_UINT)n);
		total += n;
	}
	if (ferror(fp) || total < 128 || memcmp(buf + 36, "acsp", 4) != 0) {
		fclose(fp);
		return lk_fail(e, EX_DATAERR, _("sRGB colour profile %s: not an "
			       "ICC profile"), SRGB_PROFILE);
	}
	fclose(fp);
	oi = HPDF_Dict_New(p->doc->mmgr);
	HPDF_Dict_AddName(oi, "Type", "OutputIntent");
	HPDF_Dict_AddName(oi, "S", "GTS_PDFA1");
	HPDF_Dict_Add(oi, "OutputConditionIdentifier",
		      HPDF_String_New(p->doc->mmgr, "sRGB IEC61966-2.1", NULL));
	HPDF_Dict_Add(oi, "Info", HPDF_String_New(p->doc->mmgr,
		      "sRGB IEC61966-2.1", NULL));
	HPDF_Dict_Add(oi, "DestOutputProfile", icc);
	arr = HPDF_Array_New(p->doc->mmgr);
	HPDF_Array_Add(arr, oi);
	HPDF_Dict_Add(p->doc->catalog, "OutputIntents", arr);
	return 0;
}

/* ---- ID ---- */

static void
md5_str(HPDF_MD5_CTX *c, const char *s)
{
	if (s != NULL)
		HPDF_MD5Update(c, (const HPDF_BYTE *)s, (HPDF_UINT32)strlen(s) + 1);
}

static void
document_id(pdf *p)
{
	HPDF_MD5_CTX c;
	HPDF_BYTE id[16];
	HPDF_List pages = p->doc->page_list;
	HPDF_Array arr;

	HPDF_MD5Init(&c);
	md5_str(&c, p->meta.title);
	md5_str(&c, p->meta.author);
	md5_str(&c, p->meta.subject);
	md5_str(&c, p->meta.date);
	for (HPDF_UINT i = 0; pages != NULL && i < pages->count; i++) {
		HPDF_Dict pg = HPDF_List_ItemAt(pages, i);
		HPDF_Dict ct = pg ? HPDF_Dict_GetItem(pg, "Contents",
						      HPDF_OCLASS_DICT) : NULL;

		if (ct == NULL || ct->stream == NULL)
			continue;
		for (HPDF_UINT b = 0; b < HPDF_MemStream_GetBufCount(ct->stream);
		     b++) {
			HPDF_UINT len = 0;
			HPDF_BYTE *d = HPDF_MemStream_GetBufPtr(ct->stream, b, &len);

			if (d != NULL)
				HPDF_MD5Update(&c, d, len);
		}
	}
	HPDF_MD5Final(id, &c);
	arr = HPDF_Array_New(p->doc->mmgr);
	HPDF_Array_Add(arr, HPDF_Binary_New(p->doc->mmgr, id, 16));
	HPDF_Array_Add(arr, HPDF_Binary_New(p->doc->mmgr, id, 16));
	HPDF_Dict_Add(p->doc->trailer, "ID", arr);
}

int
pdf_meta_finish(pdf *p, lk_err *e)
{
	int rc;

	p->doc->pdf_version = HPDF_VER_17;
	HPDF_Dict_Add(p->doc->catalog, "Lang",
		      HPDF_String_New(p->doc->mmgr, PDF_LANG, NULL));
	if ((rc = output_intent(p, e)) != 0)
		return rc;
	xmp(p);
	page_labels(p);
	document_id(p);
	return 0;
}
