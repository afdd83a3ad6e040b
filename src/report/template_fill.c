/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* template_fill.c - placeholders of template texts; Indonesian words.
 *
 * Owns: the names of the texts, placeholders and parts; the placeholder
 * scanner (shared with the check in template.c), filling placeholders
 * with values, finding where a placeholder stands in the template file;
 * numbers in words, ordinals and month names.
 * Errors: tmpl_isi returns EX_DATAERR naming the offending part; the
 * rest never fails.
 */
#include "config.h"
#include "report/template.h"
#include "report/template_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"

/* ---- names ---- */

static const struct {
	const char *nama;
	enum tmpl_jenis jenis;
	const char *lokal;
	enum tmpl_dokumen dokumen;
} teks_info[TT_N] = {
#define TMPL_X(id, nama, jenis, lokal) { nama, jenis, lokal, TD_LAPORAN },
	TMPL_TEKS_LIST(TMPL_X)
#undef TMPL_X
#define TMPL_X(id, nama, jenis, lokal) { nama, jenis, lokal, TD_PERJANJIAN },
	TMPL_PK_TEKS_LIST(TMPL_X)
#undef TMPL_X
#define TMPL_X(id, nama, jenis, lokal) { nama, jenis, lokal, TD_LKJIP },
	TMPL_LKJIP_TEKS_LIST(TMPL_X)
#undef TMPL_X
};

static const char *const umum_nama[TP_N] = {
#define TMPL_X(id, nama) nama,
	TMPL_UMUM_LIST(TMPL_X)
#undef TMPL_X
};

static const struct {
	const char *nama;
	enum tmpl_dokumen dokumen;
} bagian_info[TB_N] = {
	{ "sampul", TD_LAPORAN }, { "kata_pengantar", TD_LAPORAN },
	{ "daftar_isi", TD_LAPORAN }, { "bab1", TD_LAPORAN },
	{ "bab2", TD_LAPORAN }, { "bab3", TD_LAPORAN },
	{ "lampiran", TD_LAPORAN },
	{ "naskah", TD_PERJANJIAN }, { "lampiran", TD_PERJANJIAN },
	{ "sampul", TD_LKJIP }, { "kata_pengantar", TD_LKJIP },
	{ "ikhtisar", TD_LKJIP }, { "daftar_isi", TD_LKJIP },
	{ "bab1", TD_LKJIP }, { "bab2", TD_LKJIP }, { "bab3", TD_LKJIP },
	{ "bab4", TD_LKJIP }, { "lampiran", TD_LKJIP },
};

static const char *const dokumen_nama[TD_N] = { "laporan", "perjanjian",
	"lkjip" };

enum tmpl_dokumen
tmpl_teks_dokumen(enum tmpl_teks_id id)
{
	return (unsigned)id < TT_N ? teks_info[id].dokumen : TD_LAPORAN;
}

enum tmpl_dokumen
tmpl_bagian_dokumen(enum tmpl_bagian b)
{
	return (unsigned)b < TB_N ? bagian_info[b].dokumen : TD_LAPORAN;
}

const char *
tmpl_dokumen_nama(enum tmpl_dokumen d)
{
	return (unsigned)d < TD_N ? dokumen_nama[d] : NULL;
}

const char *
tmpl_teks_nama(enum tmpl_teks_id id)
{
	return (unsigned)id < TT_N ? teks_info[id].nama : NULL;
}

enum tmpl_jenis
tmpl_teks_jenis(enum tmpl_teks_id id)
{
	return (unsigned)id < TT_N ? teks_info[id].jenis : TMPL_BARIS;
}

const char *
tmpl_teks_lokal(enum tmpl_teks_id id)
{
	return (unsigned)id < TT_N ? teks_info[id].lokal : "";
}

int
tmpl_teks_cari(const char *nama)
{
	for (int i = 0; nama != NULL && i < TT_N; i++)
		if (strcmp(teks_info[i].nama, nama) == 0)
			return i;
	return -1;
}

const char *
tmpl_umum_nama(enum tmpl_umum_id id)
{
	return (unsigned)id < TP_N ? umum_nama[id] : NULL;
}

const char *
tmpl_bagian_nama(enum tmpl_bagian b)
{
	return (unsigned)b < TB_N ? bagian_info[b].nama : NULL;
}

/* ---- placeholders ---- */

static bool
name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* Shared by the check (template.c) and the fill. */
int
tmpl_scan(const char *text, tmpl_scan_fn fn, void *ctx, size_t *off,
	  size_t *len, enum tmpl_scan_why *why)
{
	size_t i = 0, lit = 0;
	int rc;

	while (text[i]) {
		if ((text[i] == '{' || text[i] == '}') && text[i + 1] == text[i]) {
			/* "{{" and "}}": the literal text up to one brace */
			if ((rc = fn(ctx, false, text + lit, i - lit + 1)) != 0)
				goto bad_value;
			i += 2;
			lit = i;
			continue;
		}
		if (text[i] != '{') {
			i++;
			continue;
		}
		size_t j = i + 1;

		while (name_char(text[j]))
			j++;
		if (text[j] != '}' || j == i + 1) {
			size_t end = j;

			/* Show up to the closing brace when there is one. */
			while (text[end] && text[end] != '}' && text[end] != '{' &&
			    text[end] != '\n' && end - i < 40)
				end++;
			if (text[end] == '}')
				end++;
			*off = i;
			*len = end - i;
			*why = text[end - 1] == '}' ? TMPL_SCAN_BAD_NAME :
			    TMPL_SCAN_UNCLOSED;
			return EX_DATAERR;
		}
		if (i > lit && (rc = fn(ctx, false, text + lit, i - lit)) != 0)
			goto bad_value;
		if ((rc = fn(ctx, true, text + i + 1, j - i - 1)) != 0) {
			*off = i;
			*len = j + 1 - i;
			*why = TMPL_SCAN_UNKNOWN;
			return EX_DATAERR;
		}
		i = j + 1;
		lit = i;
	}
	if (i > lit && (rc = fn(ctx, false, text + lit, i - lit)) != 0)
		goto bad_value;
	return 0;
bad_value:
	*off = lit;
	*len = 0;
	*why = TMPL_SCAN_VALUE;
	return rc;
}

typedef struct fill_ctx {
	const tmpl_nilai *v;
	size_t n;
	char *buf;
	size_t len, cap;
} fill_ctx;

static void
fill_put(fill_ctx *f, const char *s, size_t n)
{
	size_t need = f->len + n + 1;

	if (need > f->cap) {
		f->cap = need > 2 * f->cap ? need + 128 : 2 * f->cap;
		if ((f->buf = realloc(f->buf, f->cap)) == NULL)
			lk_fatal("out of memory (template text)");
	}
	memcpy(f->buf + f->len, s, n);
	f->len += n;
	f->buf[f->len] = '\0';
}

static int
fill_cb(void *vctx, bool placeholder, const char *s, size_t n)
{
	fill_ctx *f = vctx;

	if (!placeholder) {
		fill_put(f, s, n);
		return 0;
	}
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].nama != NULL && strlen(f->v[i].nama) == n &&
		    strncmp(f->v[i].nama, s, n) == 0) {
			const char *val = f->v[i].nilai ? f->v[i].nilai : "";

			fill_put(f, val, strlen(val));
			return 0;
		}
	return EX_DATAERR;
}

int
tmpl_isi(arena *a, const char *text, const tmpl_nilai *v, size_t n,
	 char **out, const char **bad)
{
	fill_ctx f = { v, n, NULL, 0, 0 };
	size_t off = 0, len = 0;
	enum tmpl_scan_why why;
	int rc;

	fill_put(&f, "", 0);
	rc = tmpl_scan(text != NULL ? text : "", fill_cb, &f, &off, &len, &why);
	if (rc != 0) {
		if (bad != NULL)
			*bad = arena_strndup(a, text + off, len);
		free(f.buf);
		return EX_DATAERR;
	}
	*out = arena_strndup(a, f.buf, f.len);
	free(f.buf);
	return 0;
}

/* ---- where a placeholder stands in the file ---- */

/* Moves past raw[*i], counting lines and columns (in characters). */
static void
advance(const char *raw, size_t *i, unsigned *ln, unsigned *c)
{
	unsigned char ch = (unsigned char)raw[*i];

	if (ch == '\n') {
		(*ln)++;
		*c = 1;
	} else if ((ch & 0xC0) != 0x80) {
		(*c)++;
	}
	(*i)++;
}

/* Inside a text, placeholders appear in the file as they appear in the
 * value. */
void
tmpl_pos_in_text(const char *raw, size_t raw_len, const char *tok,
		 size_t tlen, size_t nth, unsigned *line, unsigned *col)
{
	unsigned ln = 1, c = 1;
	size_t i = 0;

	/* Find the node's start. */
	while (i < raw_len && (ln < *line || (ln == *line && c < *col)))
		advance(raw, &i, &ln, &c);
	while (i < raw_len) {
		if (tlen > 0 && i + tlen <= raw_len &&
		    memcmp(raw + i, tok, tlen) == 0) {
			if (nth == 0) {
				*line = ln;
				*col = c;
				return;
			}
			nth--;
		}
		advance(raw, &i, &ln, &c);
	}
}

size_t
tmpl_count_occurrences(const char *s, size_t upto, const char *tok,
		       size_t tlen)
{
	size_t n = 0;

	if (tlen == 0)
		return 0;
	for (size_t i = 0; i + tlen <= upto; i++)
		if (memcmp(s + i, tok, tlen) == 0)
			n++;
	return n;
}

/* ---- Indonesian words ---- */

static const char *const satuan_kata[] = {
	"nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh",
	"delapan", "sembilan", "sepuluh", "sebelas",
};

static void
cat(char *buf, const char *s)
{
	size_t n = strlen(buf);

	if (n > 0 && n + 1 < TMPL_KATA_MAX)
		buf[n++] = ' ', buf[n] = '\0';
	strncat(buf, s, TMPL_KATA_MAX - n - 1);
}

/* Words of 1..999 appended to buf. */
static void
ratusan(unsigned n, char *buf)
{
	unsigned r = n / 100, rest = n % 100;

	if (r == 1)
		cat(buf, "seratus");
	else if (r > 1) {
		cat(buf, satuan_kata[r]);
		cat(buf, "ratus");
	}
	if (rest == 0)
		return;
	if (rest < 12) {
		cat(buf, satuan_kata[rest]);
	} else if (rest < 20) {
		cat(buf, satuan_kata[rest - 10]);
		cat(buf, "belas");
	} else {
		cat(buf, satuan_kata[rest / 10]);
		cat(buf, "puluh");
		if (rest % 10)
			cat(buf, satuan_kata[rest % 10]);
	}
}

char *
tmpl_bilangan(unsigned long long n, char buf[TMPL_KATA_MAX])
{
	static const char *const besar[] = { "triliun", "miliar", "juta", "ribu" };
	static const unsigned long long skala[] = { 1000000000000ULL,
		1000000000ULL, 1000000ULL, 1000ULL };

	buf[0] = '\0';
	if (n == 0) {
		cat(buf, "nol");
		return buf;
	}
	if (n >= 1000000000000000ULL) {
		snprintf(buf, TMPL_KATA_MAX, "%llu", n);
		return buf;
	}
	for (int i = 0; i < 4; i++) {
		unsigned part = (unsigned)(n / skala[i]);

		n %= skala[i];
		if (part == 0)
			continue;
		if (part == 1 && i == 3) {
			cat(buf, "seribu");
			continue;
		}
		ratusan(part, buf);
		cat(buf, besar[i]);
	}
	if (n > 0)
		ratusan((unsigned)n, buf);
	return buf;
}

char *
tmpl_urutan(unsigned long long n, char buf[TMPL_KATA_MAX])
{
	char w[TMPL_KATA_MAX];

	if (n == 0) {
		buf[0] = '\0';
		return buf;
	}
	if (n == 1) {
		snprintf(buf, TMPL_KATA_MAX, "pertama");
		return buf;
	}
	snprintf(buf, TMPL_KATA_MAX, "ke%s", tmpl_bilangan(n, w));
	return buf;
}

const char *
tmpl_bulan(int bulan)
{
	static const char *const nama[] = { "Januari", "Februari", "Maret",
		"April", "Mei", "Juni", "Juli", "Agustus", "September",
		"Oktober", "November", "Desember" };

	return bulan >= 1 && bulan <= 12 ? nama[bulan - 1] : "?";
}

