/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "exchange.h"
#include "yamldoc.h"
#include "predikat_load.h"

#include "core/dec.h"
#include "core/i18n.h"
#include "core/nip.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Longest key path in messages ("triwulan.2.tabel.SS1[0].baris[3]"). */
#define WHAT_MAX 256

/* kode -> what it names, with the node that declared it (for messages). */
typedef struct kent {
	const char *key;
	const yd_node *node;
	void *val;
} kent;

typedef struct kmap {
	kent *t;
	size_t cap, n;     /* cap is 0 or a power of two */
} kmap;

typedef struct rd {
	yd_doc doc;
	arena tmp;         /* the document tree and the kode maps */
	rencana *r;
	lk_err *e;
	const char *dir;   /* the logo is relative to it; NULL = current */
	kmap bidang, sasaran, iku, program;
} rd;

static const char *const top_keys[] = { "format", "instansi", "tahun",
	"sasaran", "program", "triwulan", "renstra", "tahunan", "perjanjian",
	NULL };
static const char *const top_req[] = { "format", "instansi", "tahun",
	"sasaran", NULL };
static const char *const instansi_keys[] = { "kode", "nama", "pemerintah",
	"kota", "logo", "kepala", "bidang", "predikat", "zona_waktu",
	"verifikasi", "tsa", NULL };
static const char *const instansi_req[] = { "kode", "nama", "pemerintah",
	"kota", "kepala", NULL };
static const char *const pejabat_keys[] = { "nama", "jabatan", "pangkat",
	"nip", NULL };
static const char *const pejabat_req_bidang[] = { "nama", "jabatan", NULL };
static const char *const bidang_keys[] = { "kode", "nama", "kepala", NULL };
static const char *const bidang_req[] = { "kode", "nama", NULL };
static const char *const sasaran_keys[] = { "kode", "uraian", "bidang", "iku",
	NULL };
static const char *const sasaran_req[] = { "kode", "uraian", "iku", NULL };
static const char *const iku_keys[] = { "kode", "uraian", "satuan",
	"polaritas", "target", "target_triwulan", "baseline", "target_renstra",
	"riwayat", "kategori", "standar_nasional", NULL };
static const char *const iku_req[] = { "kode", "uraian", "satuan", "target",
	NULL };
static const char *const program_keys[] = { "kode", "uraian", "anggaran",
	"target_triwulan", "sasaran", NULL };
static const char *const program_req[] = { "kode", "uraian", "anggaran",
	NULL };
static const char *const tw_keys[] = { "tanggal", "realisasi_iku",
	"realisasi_program", "narasi", "tabel", "permasalahan", "tindak_lanjut",
	"kesimpulan", "teks", "keterangan", NULL };
/* tanggal: optional; without it the quarter's date is not set yet. */
static const char *const tw_req[] = { NULL };
static const char *const tahunan_req[] = { "tanggal", NULL };
static const char *const renstra_keys[] = { "awal", "akhir", "nama", NULL };
static const char *const renstra_req[] = { "awal", "akhir", NULL };
static const char *const baseline_keys[] = { "tahun", "nilai", NULL };
static const char *const kategori_keys[] = { "label", "lebih_dari",
	"minimal", NULL };
static const char *const kategori_req[] = { "label", NULL };
static const char *const tahunan_keys[] = { "tanggal", "realisasi_iku",
	"realisasi_program", "ringkasan", "gambaran_umum", "isu_strategis",
	"narasi", "tabel", "permasalahan", "tindak_lanjut", "kesimpulan", "teks",
	NULL };
static const char *const perjanjian_keys[] = { "tanggal", "pihak_kedua",
	"teks", NULL };
static const char *const perjanjian_req[] = { "tanggal", "pihak_kedua",
	NULL };
static const char *const tabel_keys[] = { "judul", "kolom", "baris",
	"catatan", NULL };
static const char *const tabel_req[] = { "judul", "kolom", "baris", NULL };

/* ---- kode maps ---- */

static size_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return (size_t)(h ^ (h >> 29));
}

static kent *
kmap_find(const kmap *m, const char *key)
{
	if (m->cap == 0)
		return NULL;
	for (size_t i = hash_str(key) & (m->cap - 1); m->t[i].key != NULL;
	     i = (i + 1) & (m->cap - 1))
		if (strcmp(m->t[i].key, key) == 0)
			return &m->t[i];
	return NULL;
}

static void
kmap_put(arena *a, kmap *m, const char *key, const yd_node *node, void *val)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap) {
		kmap old = *m;

		m->cap = old.cap ? old.cap * 2 : 16;
		m->t = arena_alloc(a, m->cap * sizeof *m->t);
		m->n = 0;
		for (size_t j = 0; j < old.cap; j++)
			if (old.t[j].key != NULL)
				kmap_put(a, m, old.t[j].key, old.t[j].node,
				    old.t[j].val);
	}
	for (i = hash_str(key) & (m->cap - 1); m->t[i].key != NULL;
	     i = (i + 1) & (m->cap - 1))
		;
	m->t[i].key = key;
	m->t[i].node = node;
	m->t[i].val = val;
	m->n++;
}

/* Registers a kode; fails when it was declared before. */
static int
kode_unique(rd *x, kmap *m, const char *kode, const yd_node *node,
	    const char *what, void *val)
{
	const kent *k = kmap_find(m, kode);
	char buf[YD_DESCRIBE_MAX], w[YD_WHERE_MAX];

	if (k != NULL && x->doc.where != NULL)
		return yd_fail(&x->doc, node, x->e,
		    _("%s: duplicate kode %s (first at %s)"), what,
		    yd_quote(kode, buf), yd_where(&x->doc, k->node, w));
	if (k != NULL)
		return yd_fail(&x->doc, node, x->e,
		    _("%s: duplicate kode %s (first at line %u)"), what,
		    yd_quote(kode, buf), k->node->line);
	kmap_put(&x->tmp, m, kode, node, val);
	return 0;
}

/* ---- fields ---- */

/* Appends s at *o, keeping room for the NUL (paths are built for every
 * node, so without printf). */
static void
put(char buf[WHAT_MAX], size_t *o, const char *s)
{
	size_t n = strlen(s);

	if (n > WHAT_MAX - 1 - *o)
		n = WHAT_MAX - 1 - *o;
	memcpy(buf + *o, s, n);
	*o += n;
	buf[*o] = '\0';
}

/* "what.key" ("key" at the top level). */
static const char *
field(char buf[WHAT_MAX], const char *what, const char *key)
{
	size_t o = 0;

	buf[0] = '\0';
	put(buf, &o, what);
	if (*what != '\0')
		put(buf, &o, ".");
	put(buf, &o, key);
	return buf;
}

/* "what[i]" */
static const char *
index_path(char buf[WHAT_MAX], const char *what, size_t i)
{
	char num[24], *p = num + sizeof num;
	size_t o = 0;

	*--p = '\0';
	*--p = ']';
	do
		*--p = (char)('0' + i % 10);
	while ((i /= 10) > 0);
	*--p = '[';
	buf[0] = '\0';
	put(buf, &o, what);
	put(buf, &o, p);
	return buf;
}

/* Present and not null. */
static const yd_node *
opt(const yd_node *map, const char *key)
{
	const yd_node *n = yd_get(map, key);

	return n == NULL || yd_is_null(n) ? NULL : n;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A control character other than tab and newline in s[0..n): C0, DEL or
 * C1 (U+0080..U+009F, "\xC2\x80".."\xC2\x9F"); its code in *code. */
static bool
has_control(const char *s, size_t n, unsigned *code)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
			*code = c;
			return true;
		}
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] < 0xA0) {
			*code = (unsigned char)s[i + 1];
			return true;
		}
	}
	return false;
}

/* ---- texts ---- */

/* Next code point of s[*i..n), advancing *i (libyaml has checked that
 * the text is UTF-8; a stray byte is returned as itself). */
static uint32_t
utf8_next(const char *s, size_t n, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s + *i;
	size_t left = n - *i, k, len;
	uint32_t c = u[0];

	len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	if (len > left)
		len = 1;
	if (len > 1) {
		c &= 0x3Fu >> (len - 1);
		for (k = 1; k < len; k++)
			c = c << 6 | (u[k] & 0x3F);
	}
	*i += len;
	return c;
}

/* Bidirectional controls: they make a terminal or a viewer show text in
 * another order than it is stored ("Trojan Source"). */
static bool
is_bidi_control(uint32_t c)
{
	return c == 0x061C || c == 0x200E || c == 0x200F ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Characters that print as nothing: zero-width and other invisible
 * format characters, fillers, variation selectors, tags. */
static bool
is_invisible(uint32_t c)
{
	return is_bidi_control(c) || c == 0x00AD || c == 0x034F ||
	       c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 ||
	       c == 0x180E || (c >= 0x200B && c <= 0x200D) ||
	       (c >= 0x2060 && c <= 0x2064) || (c >= 0x206A && c <= 0x206F) ||
	       c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF ||
	       c == 0xFFA0 || (c >= 0xFFF9 && c <= 0xFFFB) ||
	       (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0000 && c <= 0xE0FFF);
}

/* What a text may hold beyond "no control characters":
 *   - no bidirectional controls, anywhere;
 *   - names and titles (TX_NAME): no invisible characters either, and at
 *     most NAME_MAX_CHARS characters (the longest field of the forms).
 *     A title ends up whole in one string of the PDF (a bookmark, the
 *     document information), which the PDF library limits to 65,535
 *     bytes: 1,000 characters are at most 4,000 bytes;
 *   - other texts (narratives, list items, table cells, notes):
 *     paragraphs (text between blank lines) of at most PARA_MAX_BYTES
 *     bytes.  A printed line is part of one paragraph, and the PDF
 *     library refuses a line of more than 65,535 bytes, which a run of
 *     zero-width characters (combining marks) can reach on one line.
 * Checked after trimming; fails with the node's position. */
enum { TX_EMPTY = 1, TX_NAME = 2, TX_KODE = 4 };
#define NAME_MAX_CHARS 1000
#define PARA_MAX_BYTES 60000

static int
check_text(rd *x, const yd_node *n, const char *what, const char *s,
	   size_t len, unsigned fl)
{
	size_t i = 0, chars = 0, para = 0, np = 1;

	while (i < len) {
		uint32_t c = utf8_next(s, len, &i);

		chars++;
		if (is_bidi_control(c))
			return yd_fail(&x->doc, n, x->e,
			    _("%s: bidirectional control character U+%04X "
			    "(character %zu) is not allowed: it makes text "
			    "show in another order than it is stored"),
			    what, (unsigned)c, chars);
		if ((fl & TX_NAME) && !(fl & TX_KODE) && is_invisible(c))
			return yd_fail(&x->doc, n, x->e,
			    _("%s: invisible character U+%04X (character "
			    "%zu) is not allowed in a name or title"), what,
			    (unsigned)c, chars);
		if (c == '\n' && i < len && s[i] == '\n') {
			para = i + 1;           /* a blank line */
			np++;
		} else if (!(fl & TX_NAME) && i - para > PARA_MAX_BYTES)
			return yd_fail(&x->doc, n, x->e,
			    _("%s: paragraph %zu is longer than %d bytes, more "
			    "than a report can print: split it with blank "
			    "lines"), what, np, PARA_MAX_BYTES);
	}
	if ((fl & TX_NAME) && chars > NAME_MAX_CHARS)
		return yd_fail(&x->doc, n, x->e,
		    _("%s: a name or title can have at most %d characters, "
		    "found %zu"), what, NAME_MAX_CHARS, chars);
	return 0;
}

/* A scalar as a string in the rencana, trimmed; empty only if
 * TX_EMPTY.  Control characters are refused: they would reach terminals
 * and PDFs; check_text() says what else. */
static int
text_node(rd *x, const yd_node *n, const char *what, unsigned fl,
	  char **out)
{
	char buf[YD_DESCRIBE_MAX];
	const char *s, *end;
	unsigned code;
	int rc;

	if (n == NULL || n->type != YD_SCALAR || yd_is_null(n))
		return yd_fail(&x->doc, n, x->e,
		    _("%s: expected a string, found %s"), what,
		    yd_describe(n, buf));
	s = n->str;
	end = s + n->len;
	while (s < end && is_space(*s))
		s++;
	while (end > s && is_space(end[-1]))
		end--;
	if (s == end && !(fl & TX_EMPTY))
		return yd_fail(&x->doc, n, x->e,
		    _("%s: expected a non-empty string"), what);
	if (has_control(s, (size_t)(end - s), &code))
		return yd_fail(&x->doc, n, x->e,
		    _("%s: control characters are not allowed (found U+%04X)"),
		    what, code);
	if ((rc = check_text(x, n, what, s, (size_t)(end - s), fl)) != 0)
		return rc;
	*out = arena_strndup(&x->r->mem, s, (size_t)(end - s));
	return 0;
}

/* A free text (narrative, list item, cell, note). */
static int
str_node(rd *x, const yd_node *n, const char *what, bool allow_empty,
	 char **out)
{
	return text_node(x, n, what, allow_empty ? TX_EMPTY : 0, out);
}

/* map.key as a string: required ones were checked by yd_check_keys; an
 * optional one that is absent or null gives NULL. */
static int
field_as(rd *x, const yd_node *map, const char *key, const char *what,
	 bool required, unsigned fl, char **out)
{
	char p[WHAT_MAX];
	const yd_node *n = required ? yd_get(map, key) : opt(map, key);

	*out = NULL;
	if (n == NULL)
		return 0;
	return text_node(x, n, field(p, what, key), fl, out);
}

/* A free text field. */
static int
str_field(rd *x, const yd_node *map, const char *key, const char *what,
	  bool required, char **out)
{
	return field_as(x, map, key, what, required, 0, out);
}

/* A name or title field (TX_NAME). */
static int
name_field(rd *x, const yd_node *map, const char *key, const char *what,
	   bool required, char **out)
{
	return field_as(x, map, key, what, required, TX_NAME, out);
}

bool
exchange_kode_ok(const char *s, size_t *at, uint32_t *cp)
{
	size_t i = 0, n = strlen(s), k = 0;

	while (i < n) {
		uint32_t c = utf8_next(s, n, &i);

		k++;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '-' ||
		    c == '_' || c == '/')
			continue;
		if (at != NULL)
			*at = k;
		if (cp != NULL)
			*cp = c;
		return false;
	}
	return true;
}

static int
kode_node(rd *x, const yd_node *n, const char *what, char **out)
{
	char buf[YD_DESCRIBE_MAX];
	size_t at = 0;
	uint32_t c = 0;
	int rc = text_node(x, n, what, TX_NAME | TX_KODE, out);

	if (rc != 0)
		return rc;
	for (const char *s = *out; *s != '\0'; s++)
		if (is_space(*s))
			return yd_fail(&x->doc, n, x->e,
			    _("%s: a kode cannot contain spaces, found %s"),
			    what, yd_quote(*out, buf));
	if (!exchange_kode_ok(*out, &at, &c))
		return yd_fail(&x->doc, n, x->e,
		    _("%s: a kode may hold only ASCII letters, digits and "
		    ". - _ /, found %s (U+%04X at character %zu)"), what,
		    yd_quote(*out, buf), (unsigned)c, at);
	return 0;
}

static int
kode_field(rd *x, const yd_node *map, const char *what, char **out)
{
	char p[WHAT_MAX];

	return kode_node(x, yd_get(map, "kode"), field(p, what, "kode"), out);
}

/* A list, or NULL when the optional key is absent or null. */
static int
seq_field(rd *x, const yd_node *map, const char *key, const char *what,
	  bool required, const yd_node **out)
{
	char p[WHAT_MAX];
	const yd_node *n = required ? yd_get(map, key) : opt(map, key);

	*out = n;
	if (n == NULL)
		return 0;
	return yd_expect(&x->doc, n, YD_SEQ, field(p, what, key), x->e);
}

static int
map_field(rd *x, const yd_node *map, const char *key, const char *what,
	  const yd_node **out)
{
	char p[WHAT_MAX];
	const yd_node *n = opt(map, key);

	*out = n;
	if (n == NULL)
		return 0;
	return yd_expect(&x->doc, n, YD_MAP, field(p, what, key), x->e);
}

static void *
alloc_array(rd *x, size_t n, size_t elem)
{
	return n == 0 ? NULL : arena_alloc(&x->r->mem, n * elem);
}

/* A list of non-empty strings. */
static int
str_list(rd *x, const yd_node *map, const char *key, const char *what,
	 char ***out, size_t *n_out)
{
	const yd_node *l;
	char p[WHAT_MAX], q[WHAT_MAX];
	int rc = seq_field(x, map, key, what, false, &l);

	if (rc != 0 || l == NULL)
		return rc;
	field(p, what, key);
	*out = alloc_array(x, l->n_item, sizeof **out);
	for (size_t i = 0; i < l->n_item; i++) {
		rc = str_node(x, l->item[i], index_path(q, p, i), false,
		    &(*out)[i]);
		if (rc != 0)
			return rc;
	}
	*n_out = l->n_item;
	return 0;
}

/* target_triwulan: quarter 1..4 -> number >= 0. */
static int
tw_targets(rd *x, const yd_node *map, const char *what, int scale,
	   bool ada[TW_MAX + 1], int64_t v[TW_MAX + 1])
{
	const yd_node *t;
	char p[WHAT_MAX], q[WHAT_MAX];
	int rc = map_field(x, map, "target_triwulan", what, &t);

	if (rc != 0 || t == NULL)
		return rc;
	field(p, what, "target_triwulan");
	for (size_t i = 0; i < t->n_pair; i++) {
		long n;

		rc = yd_int(&x->doc, t->pair[i].key, p, 1, TW_MAX, &n, x->e);
		if (rc != 0)
			return rc;
		field(q, p, t->pair[i].key->str);
		rc = yd_number(&x->doc, t->pair[i].value, q, scale, false,
		    &v[n], x->e);
		if (rc != 0)
			return rc;
		ada[n] = true;
	}
	return 0;
}

/* ---- instansi ---- */

static int
read_pejabat(rd *x, const yd_node *n, const char *what, bool full,
	     pejabat *pj)
{
	char p[WHAT_MAX];
	char out[NIP_LEN + 1];
	const char *why = NULL;
	char *nip = NULL;
	int rc;

	rc = yd_check_keys(&x->doc, n, what, pejabat_keys,
	    full ? pejabat_keys : pejabat_req_bidang, x->e);
	if (rc == 0)
		rc = name_field(x, n, "nama", what, true, &pj->nama);
	if (rc == 0)
		rc = name_field(x, n, "jabatan", what, true, &pj->jabatan);
	if (rc == 0)
		rc = name_field(x, n, "pangkat", what, full, &pj->pangkat);
	if (rc == 0)
		rc = name_field(x, n, "nip", what, full, &nip);
	if (rc != 0 || nip == NULL)
		return rc;
	if (nip_normalize(nip, out, &why) != 0)
		return yd_fail(&x->doc, yd_get(n, "nip"), x->e, "%s: %s",
		    field(p, what, "nip"), why ? _(why) : _("invalid NIP"));
	pj->nip = arena_strdup(&x->r->mem, out);
	return 0;
}

/* The logo must be a readable regular file (stat first: opening a FIFO
 * would block); the rencana keeps its absolute path. */
static int
read_logo(rd *x, const yd_node *n, const char *rel)
{
	char full[PATH_MAX * 2], *abs, buf[YD_DESCRIBE_MAX];
	const char *why = NULL;
	struct stat st;
	int fd;

	if (rel[0] == '/' || x->dir == NULL)
		snprintf(full, sizeof full, "%s", rel);
	else
		snprintf(full, sizeof full, "%s/%s", x->dir, rel);
	abs = realpath(full, NULL);
	if (abs == NULL)
		why = strerror(errno);
	else if (stat(abs, &st) != 0)
		why = strerror(errno);
	else if (!S_ISREG(st.st_mode))
		why = _("not a regular file");
	else if ((fd = open(abs, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
		why = strerror(errno);
	else
		close(fd);
	if (why == NULL)
		x->r->instansi.logo = arena_strdup(&x->r->mem, abs);
	free(abs);
	if (why != NULL)
		return yd_fail(&x->doc, n, x->e,
		    _("instansi.logo: cannot use %s: %s"), yd_quote(full, buf),
		    why);
	return 0;
}

static int
read_bidang(rd *x, const yd_node *map)
{
	instansi *in = &x->r->instansi;
	const yd_node *l;
	char p[WHAT_MAX], q[WHAT_MAX];
	int rc = seq_field(x, map, "bidang", "instansi", false, &l);

	if (rc != 0 || l == NULL)
		return rc;
	in->bidang = alloc_array(x, l->n_item, sizeof *in->bidang);
	in->n_bidang = l->n_item;
	for (size_t i = 0; i < l->n_item; i++) {
		const yd_node *n = l->item[i], *k;
		bidang *b = &in->bidang[i];

		index_path(p, "instansi.bidang", i);
		rc = yd_check_keys(&x->doc, n, p, bidang_keys, bidang_req,
		    x->e);
		if (rc == 0)
			rc = kode_field(x, n, p, &b->kode);
		if (rc == 0)
			rc = kode_unique(x, &x->bidang, b->kode,
			    yd_get(n, "kode"), field(q, p, "kode"), b);
		if (rc == 0)
			rc = name_field(x, n, "nama", p, true, &b->nama);
		if (rc != 0)
			return rc;
		k = opt(n, "kepala");
		if (k == NULL)
			continue;
		rc = read_pejabat(x, k, field(q, p, "kepala"), false,
		    &b->kepala);
		if (rc != 0)
			return rc;
		b->ada_kepala = true;
	}
	return 0;
}

static bool
slug_ok(const char *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-'))
			return false;
	return true;
}

/* The time zones of Indonesia a report may show (spec: instansi). */
static const char *const zona_sah[] = { "Asia/Jakarta", "Asia/Makassar",
	"Asia/Jayapura", NULL };

bool
exchange_zona_ok(const char *s)
{
	for (size_t i = 0; zona_sah[i] != NULL; i++)
		if (strcmp(s, zona_sah[i]) == 0)
			return true;
	return false;
}

static int
read_zona(rd *x, const yd_node *n)
{
	instansi *in = &x->r->instansi;
	char buf[YD_DESCRIBE_MAX];
	int rc = name_field(x, n, "zona_waktu", "instansi", false,
	    &in->zona_waktu);

	if (rc != 0 || in->zona_waktu == NULL)
		return rc;
	if (!exchange_zona_ok(in->zona_waktu))
		return yd_fail(&x->doc, yd_get(n, "zona_waktu"), x->e,
		    _("instansi.zona_waktu: expected Asia/Jakarta (WIB), "
		    "Asia/Makassar (WITA) or Asia/Jayapura (WIT), found %s"),
		    yd_quote(in->zona_waktu, buf));
	return 0;
}

bool
exchange_url_ok(const char *s)
{
	size_t host;

	if (strncmp(s, "https://", 8) == 0)
		host = 8;
	else if (strncmp(s, "http://", 7) == 0)
		host = 7;
	else
		return false;
	if (s[host] == '\0' || s[host] == '/' || s[host] == ':')
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p >= 0x7F || *p == '"' || *p == '<' ||
		    *p == '>' || *p == '\\' || *p == '`')
			return false;
	return true;
}

/* instansi.KEY, an URL (exchange_url_ok): the verification page, the
 * timestamp authority. */
static int
read_url(rd *x, const yd_node *n, const char *key, char **out)
{
	char buf[YD_DESCRIBE_MAX];
	int rc = name_field(x, n, key, "instansi", false, out);

	if (rc != 0 || *out == NULL)
		return rc;
	if (!exchange_url_ok(*out))
		return yd_fail(&x->doc, yd_get(n, key), x->e,
		    _("instansi.%s: expected an http:// or https:// "
		    "URL (ASCII, no spaces), found %s"), key,
		    yd_quote(*out, buf));
	return 0;
}

static int
read_instansi(rd *x, const yd_node *n)
{
	instansi *in = &x->r->instansi;
	const char *w = "instansi";
	char *logo = NULL, buf[YD_DESCRIBE_MAX];
	int rc;

	rc = yd_check_keys(&x->doc, n, w, instansi_keys, instansi_req, x->e);
	if (rc == 0)
		rc = name_field(x, n, "kode", w, true, &in->kode);
	if (rc == 0 && !slug_ok(in->kode))
		return yd_fail(&x->doc, yd_get(n, "kode"), x->e,
		    _("instansi.kode: expected lowercase letters a-z, digits "
		    "and '-' only, found %s"), yd_quote(in->kode, buf));
	if (rc == 0)
		rc = name_field(x, n, "nama", w, true, &in->nama);
	if (rc == 0)
		rc = name_field(x, n, "pemerintah", w, true, &in->pemerintah);
	if (rc == 0)
		rc = name_field(x, n, "kota", w, true, &in->kota);
	if (rc == 0)
		rc = name_field(x, n, "logo", w, false, &logo);
	if (rc == 0 && logo != NULL)
		rc = read_logo(x, yd_get(n, "logo"), logo);
	if (rc == 0)
		rc = read_pejabat(x, yd_get(n, "kepala"), "instansi.kepala",
		    true, &in->kepala);
	if (rc == 0)
		rc = read_bidang(x, n);
	/* The agency's own bands: every user and every report of it. */
	if (rc == 0 && yd_get(n, "predikat") != NULL &&
	    !yd_is_null(yd_get(n, "predikat")))
		rc = predikat_read_node(&x->r->mem, &x->doc, yd_get(n, "predikat"),
		    "instansi.predikat", &in->predikat, x->e);
	if (rc == 0)
		rc = read_zona(x, n);
	if (rc == 0)
		rc = read_url(x, n, "verifikasi", &in->verifikasi);
	if (rc == 0)
		rc = read_url(x, n, "tsa", &in->tsa);
	return rc;
}

/* ---- sasaran, iku, program ---- */

static int
read_baseline(rd *x, const yd_node *n, const char *p, iku *k)
{
	const yd_node *b;
	char q[WHAT_MAX], r[WHAT_MAX];
	long y;
	int rc = map_field(x, n, "baseline", p, &b);

	if (rc != 0 || b == NULL)
		return rc;
	field(q, p, "baseline");
	rc = yd_check_keys(&x->doc, b, q, baseline_keys, baseline_keys, x->e);
	if (rc == 0)
		rc = yd_int(&x->doc, yd_get(b, "tahun"), field(r, q, "tahun"),
		    1900, 2999, &y, x->e);
	if (rc == 0)
		rc = yd_number(&x->doc, yd_get(b, "nilai"), field(r, q, "nilai"),
		    DEC_NILAI, true, &k->baseline_nilai, x->e);
	if (rc != 0)
		return rc;
	if (x->r->renstra.ada && y >= x->r->renstra.awal)
		return yd_fail(&x->doc, yd_get(b, "tahun"), x->e,
		    _("%s: the baseline is the value before the Renstra period "
		    "(%d-%d), found year %ld"), field(r, q, "tahun"),
		    x->r->renstra.awal, x->r->renstra.akhir, y);
	k->ada_baseline = true;
	k->baseline_tahun = (int)y;
	return 0;
}

static int
tahun_cmp(const void *a, const void *b)
{
	const tahun_nilai *x = a, *y = b;

	return (x->tahun > y->tahun) - (x->tahun < y->tahun);
}

/* A map year -> value, years in lo..hi (checked by the caller's why when
 * outside), sorted ascending in the model. */
static int
year_map(rd *x, const yd_node *m, const char *what, long lo, long hi,
	 const char *why, bool allow_neg, tahun_nilai **out, size_t *n_out)
{
	char r[WHAT_MAX], buf[YD_DESCRIBE_MAX];
	tahun_nilai *v = alloc_array(x, m->n_pair, sizeof *v);
	int rc = 0;

	for (size_t i = 0; i < m->n_pair && rc == 0; i++) {
		long y;

		rc = yd_int(&x->doc, m->pair[i].key, what, 1900, 2999, &y,
		    x->e);
		if (rc == 0 && (y < lo || y > hi))
			return yd_fail(&x->doc, m->pair[i].key, x->e, why, what,
			    yd_describe(m->pair[i].key, buf), lo, hi);
		if (rc == 0)
			rc = yd_number(&x->doc, m->pair[i].value,
			    field(r, what, m->pair[i].key->str), DEC_NILAI,
			    allow_neg, &v[i].nilai, x->e);
		v[i].tahun = (int)y;
		for (size_t j = 0; rc == 0 && j < i; j++)
			if (v[j].tahun == v[i].tahun)
				return yd_fail(&x->doc, m->pair[i].key, x->e,
				    _("%s: year %ld is given twice"), what, y);
	}
	if (rc != 0)
		return rc;
	if (m->n_pair > 1)
		qsort(v, m->n_pair, sizeof *v, tahun_cmp);
	*out = v;
	*n_out = m->n_pair;
	return 0;
}

static int
read_target_renstra(rd *x, const yd_node *n, const char *p, iku *k)
{
	const yd_node *m;
	char q[WHAT_MAX];
	int rc = map_field(x, n, "target_renstra", p, &m);

	if (rc != 0 || m == NULL)
		return rc;
	field(q, p, "target_renstra");
	if (!x->r->renstra.ada)
		return yd_fail(&x->doc, m, x->e,
		    _("%s: Renstra targets need the Renstra period: add "
		    "renstra (awal, akhir) at the top level"), q);
	return year_map(x, m, q, x->r->renstra.awal, x->r->renstra.akhir,
	    _("%s: year %s is outside the Renstra period %ld-%ld"), false,
	    &k->target_renstra, &k->n_target_renstra);
}

static int
read_riwayat(rd *x, const yd_node *n, const char *p, iku *k)
{
	const yd_node *m;
	char q[WHAT_MAX];
	int rc = map_field(x, n, "riwayat", p, &m);

	if (rc != 0 || m == NULL)
		return rc;
	field(q, p, "riwayat");
	return year_map(x, m, q, 1900, x->r->tahun - 1,
	    _("%s: year %s is not an earlier year (expected %ld-%ld)"), true,
	    &k->riwayat, &k->n_riwayat);
}

static int
read_kategori(rd *x, const yd_node *n, const char *p, iku *k)
{
	const yd_node *l;
	char q[WHAT_MAX], r[WHAT_MAX], u[WHAT_MAX];
	int rc = seq_field(x, n, "kategori", p, false, &l);

	if (rc != 0 || l == NULL)
		return rc;
	field(q, p, "kategori");
	if (l->n_item == 0)
		return yd_fail(&x->doc, l, x->e,
		    _("%s: expected at least one band"), q);
	k->kategori = alloc_array(x, l->n_item, sizeof *k->kategori);
	k->n_kategori = l->n_item;
	for (size_t i = 0; i < l->n_item; i++) {
		const yd_node *b = l->item[i], *lo, *mi;
		kategori_band *kb = &k->kategori[i];
		bool last = i + 1 == l->n_item;

		index_path(r, q, i);
		rc = yd_check_keys(&x->doc, b, r, kategori_keys, kategori_req,
		    x->e);
		if (rc == 0)
			rc = name_field(x, b, "label", r, true, &kb->label);
		if (rc != 0)
			return rc;
		lo = opt(b, "lebih_dari");
		mi = opt(b, "minimal");
		if (lo != NULL && mi != NULL)
			return yd_fail(&x->doc, mi, x->e,
			    _("%s: a band has either lebih_dari or minimal, "
			    "not both"), r);
		if (last && (lo != NULL || mi != NULL))
			return yd_fail(&x->doc, lo ? lo : mi, x->e,
			    _("%s: the last band takes the rest and has no "
			    "lebih_dari or minimal"), r);
		if (!last && lo == NULL && mi == NULL)
			return yd_fail(&x->doc, b, x->e,
			    _("%s: expected lebih_dari or minimal (only the "
			    "last band has neither)"), r);
		if (last)
			break;
		kb->syarat = lo ? KATEGORI_LEBIH_DARI : KATEGORI_MINIMAL;
		rc = yd_number(&x->doc, lo ? lo : mi,
		    field(u, r, lo ? "lebih_dari" : "minimal"), DEC_NILAI, true,
		    &kb->batas, x->e);
		if (rc != 0)
			return rc;
		if (i > 0 && (kb->batas > k->kategori[i - 1].batas ||
		    (kb->batas == k->kategori[i - 1].batas &&
		    !(k->kategori[i - 1].syarat == KATEGORI_LEBIH_DARI &&
		    kb->syarat == KATEGORI_MINIMAL))))
			return yd_fail(&x->doc, lo ? lo : mi, x->e,
			    _("%s: bands go from the highest down: this bound "
			    "must be below the band above"), u);
	}
	return 0;
}

static int
read_iku(rd *x, const yd_node *n, const char *p, iku *k)
{
	char q[WHAT_MAX], buf[YD_DESCRIBE_MAX];
	const yd_node *pol;
	int rc;

	rc = yd_check_keys(&x->doc, n, p, iku_keys, iku_req, x->e);
	if (rc == 0)
		rc = kode_field(x, n, p, &k->kode);
	if (rc == 0)
		rc = kode_unique(x, &x->iku, k->kode, yd_get(n, "kode"),
		    field(q, p, "kode"), k);
	if (rc == 0)
		rc = name_field(x, n, "uraian", p, true, &k->uraian);
	if (rc == 0)
		rc = name_field(x, n, "satuan", p, true, &k->satuan);
	if (rc != 0)
		return rc;
	k->polaritas = POLARITAS_POSITIF;
	pol = opt(n, "polaritas");
	if (pol != NULL) {
		if (pol->type != YD_SCALAR ||
		    (strcmp(pol->str, "positif") != 0 &&
		    strcmp(pol->str, "negatif") != 0))
			return yd_fail(&x->doc, pol, x->e,
			    _("%s: expected positif or negatif, found %s"),
			    field(q, p, "polaritas"), yd_describe(pol, buf));
		k->polaritas = strcmp(pol->str, "negatif") == 0 ?
		    POLARITAS_NEGATIF : POLARITAS_POSITIF;
	}
	/* target: null is blank, to be filled (a year copied from the one
	 * before); the key itself is required. */
	if (yd_is_null(yd_get(n, "target")))
		k->target_kosong = true;
	else
		rc = yd_number(&x->doc, yd_get(n, "target"),
		    field(q, p, "target"), DEC_NILAI, false, &k->target, x->e);
	if (rc == 0)
		rc = tw_targets(x, n, p, DEC_NILAI, k->ada_target_tw,
		    k->target_tw);
	if (rc == 0)
		rc = read_baseline(x, n, p, k);
	if (rc == 0)
		rc = read_target_renstra(x, n, p, k);
	if (rc == 0)
		rc = read_riwayat(x, n, p, k);
	if (rc == 0)
		rc = read_kategori(x, n, p, k);
	if (rc == 0 && opt(n, "standar_nasional") != NULL) {
		rc = yd_number(&x->doc, opt(n, "standar_nasional"),
		    field(q, p, "standar_nasional"), DEC_NILAI, true,
		    &k->standar_nasional, x->e);
		k->ada_standar_nasional = rc == 0;
	}
	return rc;
}

static int
read_sasaran_one(rd *x, const yd_node *n, const char *p, sasaran *s)
{
	char q[WHAT_MAX], r[WHAT_MAX], buf[YD_DESCRIBE_MAX];
	const yd_node *l;
	char *bid = NULL;
	const kent *b;
	int rc;

	rc = yd_check_keys(&x->doc, n, p, sasaran_keys, sasaran_req, x->e);
	if (rc == 0)
		rc = kode_field(x, n, p, &s->kode);
	if (rc == 0)
		rc = kode_unique(x, &x->sasaran, s->kode, yd_get(n, "kode"),
		    field(q, p, "kode"), s);
	if (rc == 0)
		rc = name_field(x, n, "uraian", p, true, &s->uraian);
	if (rc == 0)
		rc = name_field(x, n, "bidang", p, false, &bid);
	if (rc != 0)
		return rc;
	if (bid != NULL) {
		b = kmap_find(&x->bidang, bid);
		if (b == NULL)
			return yd_fail(&x->doc, yd_get(n, "bidang"), x->e,
			    _("%s: unknown bidang %s (not declared in "
			    "instansi.bidang)"), field(q, p, "bidang"),
			    yd_quote(bid, buf));
		s->bidang = ((bidang *)b->val)->kode;
	}
	rc = seq_field(x, n, "iku", p, true, &l);
	if (rc != 0)
		return rc;
	s->iku = alloc_array(x, l->n_item, sizeof *s->iku);
	s->n_iku = l->n_item;
	field(q, p, "iku");
	for (size_t i = 0; i < l->n_item && rc == 0; i++)
		rc = read_iku(x, l->item[i], index_path(r, q, i), &s->iku[i]);
	return rc;
}

static int
read_sasaran(rd *x, const yd_node *root)
{
	rencana *r = x->r;
	const yd_node *l;
	char p[WHAT_MAX];
	int rc = seq_field(x, root, "sasaran", "", true, &l);

	if (rc != 0)
		return rc;
	r->sasaran = alloc_array(x, l->n_item, sizeof *r->sasaran);
	r->n_sasaran = l->n_item;
	for (size_t i = 0; i < l->n_item && rc == 0; i++)
		rc = read_sasaran_one(x, l->item[i], index_path(p, "sasaran", i),
		    &r->sasaran[i]);
	return rc;
}

static int
read_program_sasaran(rd *x, const yd_node *n, const char *p, program *pg)
{
	const yd_node *l;
	char q[WHAT_MAX], r[WHAT_MAX], buf[YD_DESCRIBE_MAX];
	int rc = seq_field(x, n, "sasaran", p, false, &l);

	if (rc != 0 || l == NULL)
		return rc;
	field(q, p, "sasaran");
	pg->sasaran = alloc_array(x, l->n_item, sizeof *pg->sasaran);
	for (size_t i = 0; i < l->n_item; i++) {
		const kent *k;
		char *kode;

		rc = kode_node(x, l->item[i], index_path(r, q, i), &kode);
		if (rc != 0)
			return rc;
		k = kmap_find(&x->sasaran, kode);
		if (k == NULL)
			return yd_fail(&x->doc, l->item[i], x->e,
			    _("%s: unknown sasaran %s"), r, yd_quote(kode, buf));
		for (size_t j = 0; j < i; j++)
			if (strcmp(pg->sasaran[j], kode) == 0)
				return yd_fail(&x->doc, l->item[i], x->e,
				    _("%s: sasaran %s is listed twice"), r,
				    yd_quote(kode, buf));
		pg->sasaran[i] = ((sasaran *)k->val)->kode;
		pg->n_sasaran = i + 1;
	}
	return 0;
}

static int
read_program(rd *x, const yd_node *root)
{
	rencana *r = x->r;
	const yd_node *l;
	char p[WHAT_MAX], q[WHAT_MAX];
	int rc = seq_field(x, root, "program", "", false, &l);

	if (rc != 0 || l == NULL)
		return rc;
	r->program = alloc_array(x, l->n_item, sizeof *r->program);
	r->n_program = l->n_item;
	for (size_t i = 0; i < l->n_item && rc == 0; i++) {
		const yd_node *n = l->item[i];
		program *pg = &r->program[i];

		index_path(p, "program", i);
		rc = yd_check_keys(&x->doc, n, p, program_keys, program_req,
		    x->e);
		if (rc == 0)
			rc = kode_field(x, n, p, &pg->kode);
		if (rc == 0)
			rc = kode_unique(x, &x->program, pg->kode,
			    yd_get(n, "kode"), field(q, p, "kode"), pg);
		if (rc == 0)
			rc = name_field(x, n, "uraian", p, true, &pg->uraian);
		if (rc == 0 && yd_is_null(yd_get(n, "anggaran")))
			pg->anggaran_kosong = true;
		else if (rc == 0)
			rc = yd_number(&x->doc, yd_get(n, "anggaran"),
			    field(q, p, "anggaran"), DEC_UANG, false,
			    &pg->anggaran, x->e);
		if (rc == 0)
			rc = tw_targets(x, n, p, DEC_UANG, pg->ada_target_tw,
			    pg->target_tw);
		if (rc == 0)
			rc = read_program_sasaran(x, n, p, pg);
	}
	return rc;
}

/* ---- triwulan ---- */

typedef struct ymd {
	int tahun, bulan, hari;
} ymd;

static int
read_tanggal(rd *x, const yd_node *n, const char *what, ymd *t)
{
	char buf[YD_DESCRIBE_MAX];
	const char *s;
	bool ok;

	ok = n != NULL && n->type == YD_SCALAR && n->len == 10;
	for (size_t i = 0; ok && i < 10; i++) {
		s = n->str;
		ok = (i == 4 || i == 7) ? s[i] == '-' : s[i] >= '0' && s[i] <= '9';
	}
	if (ok) {
		s = n->str;
		t->tahun = (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
		    (s[2] - '0') * 10 + (s[3] - '0');
		t->bulan = (s[5] - '0') * 10 + (s[6] - '0');
		t->hari = (s[8] - '0') * 10 + (s[9] - '0');
		ok = tanggal_sah(t->tahun, t->bulan, t->hari);
	}
	if (!ok)
		return yd_fail(&x->doc, n, x->e,
		    _("%s: expected a date YYYY-MM-DD, found %s"), what,
		    yd_describe(n, buf));
	return 0;
}

/* What a kode used as a map key names; NULL and *rc set when unknown. */
static void *
resolve(rd *x, const kmap *m, const yd_node *key, const char *what,
	const char *kind, int *rc)
{
	const kent *k = kmap_find(m, key->str);
	char buf[YD_DESCRIBE_MAX];

	if (k == NULL) {
		*rc = yd_fail(&x->doc, key, x->e, _("%s: unknown %s %s"),
		    what, kind, yd_quote(key->str, buf));
		return NULL;
	}
	return k->val;
}

static int
read_realisasi(rd *x, const yd_node *t, const char *p, int tw)
{
	const yd_node *m;
	char q[WHAT_MAX], r[WHAT_MAX];
	int rc = map_field(x, t, "realisasi_iku", p, &m);

	for (size_t i = 0; rc == 0 && m != NULL && i < m->n_pair; i++) {
		iku *k;

		field(q, p, "realisasi_iku");
		k = resolve(x, &x->iku, m->pair[i].key, q, "IKU", &rc);
		if (k == NULL || yd_is_null(m->pair[i].value))
			continue;
		rc = yd_number(&x->doc, m->pair[i].value,
		    field(r, q, m->pair[i].key->str), DEC_NILAI, true,
		    tw == 0 ? &k->realisasi_tahunan : &k->realisasi[tw], x->e);
		if (tw == 0)
			k->ada_realisasi_tahunan = rc == 0;
		else
			k->ada_realisasi[tw] = rc == 0;
	}
	if (rc == 0)
		rc = map_field(x, t, "realisasi_program", p, &m);
	for (size_t i = 0; rc == 0 && m != NULL && i < m->n_pair; i++) {
		program *pg;

		field(q, p, "realisasi_program");
		pg = resolve(x, &x->program, m->pair[i].key, q, "program",
		    &rc);
		if (pg == NULL || yd_is_null(m->pair[i].value))
			continue;
		rc = yd_number(&x->doc, m->pair[i].value,
		    field(r, q, m->pair[i].key->str), DEC_UANG, false,
		    tw == 0 ? &pg->realisasi_tahunan : &pg->realisasi[tw],
		    x->e);
		if (tw == 0)
			pg->ada_realisasi_tahunan = rc == 0;
		else
			pg->ada_realisasi[tw] = rc == 0;
	}
	return rc;
}

static int
read_narasi(rd *x, const yd_node *t, const char *p, int tw)
{
	const yd_node *m;
	char q[WHAT_MAX], r[WHAT_MAX];
	int rc = map_field(x, t, "narasi", p, &m);

	field(q, p, "narasi");
	for (size_t i = 0; rc == 0 && m != NULL && i < m->n_pair; i++) {
		sasaran *s;

		s = resolve(x, &x->sasaran, m->pair[i].key, q, "sasaran", &rc);
		if (s == NULL || yd_is_null(m->pair[i].value))
			continue;
		rc = str_node(x, m->pair[i].value,
		    field(r, q, m->pair[i].key->str), false,
		    tw == 0 ? &s->narasi_tahunan : &s->narasi[tw]);
	}
	return rc;
}

/* A list of strings that may be empty, e.g. a table row. */
static int
cells(rd *x, const yd_node *l, const char *what, char ***out, size_t *n_out)
{
	char p[WHAT_MAX];
	int rc = yd_expect(&x->doc, l, YD_SEQ, what, x->e);

	if (rc != 0)
		return rc;
	*out = alloc_array(x, l->n_item, sizeof **out);
	*n_out = l->n_item;
	for (size_t i = 0; i < l->n_item && rc == 0; i++)
		rc = str_node(x, l->item[i], index_path(p, what, i), true,
		    &(*out)[i]);
	return rc;
}

static int
read_tabel_one(rd *x, const yd_node *n, const char *p, tabel *tb)
{
	const yd_node *b;
	char q[WHAT_MAX], r[WHAT_MAX];
	int rc;

	rc = yd_check_keys(&x->doc, n, p, tabel_keys, tabel_req, x->e);
	if (rc == 0)
		rc = name_field(x, n, "judul", p, true, &tb->judul);
	if (rc == 0)
		rc = cells(x, yd_get(n, "kolom"), field(q, p, "kolom"),
		    &tb->kolom, &tb->n_kolom);
	if (rc == 0 && tb->n_kolom == 0)
		return yd_fail(&x->doc, yd_get(n, "kolom"), x->e,
		    _("%s: expected at least one column"), q);
	if (rc == 0)
		rc = seq_field(x, n, "baris", p, true, &b);
	if (rc != 0)
		return rc;
	field(q, p, "baris");
	tb->baris = alloc_array(x, b->n_item, sizeof *tb->baris);
	tb->n_sel = alloc_array(x, b->n_item, sizeof *tb->n_sel);
	tb->n_baris = b->n_item;
	for (size_t i = 0; i < b->n_item; i++) {
		rc = cells(x, b->item[i], index_path(r, q, i), &tb->baris[i],
		    &tb->n_sel[i]);
		if (rc != 0)
			return rc;
		if (tb->n_sel[i] != tb->n_kolom)
			return yd_fail(&x->doc, b->item[i], x->e,
			    _("%s: expected %zu cells (one per kolom), found "
			    "%zu"), r, tb->n_kolom, tb->n_sel[i]);
	}
	return str_field(x, n, "catatan", p, false, &tb->catatan);
}

static int
read_tabel(rd *x, const yd_node *t, const char *p, int tw)
{
	const yd_node *m;
	char q[WHAT_MAX], r[WHAT_MAX], u[WHAT_MAX];
	int rc = map_field(x, t, "tabel", p, &m);

	field(q, p, "tabel");
	for (size_t i = 0; rc == 0 && m != NULL && i < m->n_pair; i++) {
		const yd_node *l = m->pair[i].value;
		sasaran *s;

		s = resolve(x, &x->sasaran, m->pair[i].key, q, "sasaran", &rc);
		if (s == NULL || yd_is_null(l))
			continue;
		field(r, q, m->pair[i].key->str);
		rc = yd_expect(&x->doc, l, YD_SEQ, r, x->e);
		if (rc != 0)
			break;
		tabel **tb = tw == 0 ? &s->tabel_tahunan : &s->tabel[tw];
		size_t *ntb = tw == 0 ? &s->n_tabel_tahunan : &s->n_tabel[tw];

		*tb = alloc_array(x, l->n_item, sizeof **tb);
		*ntb = l->n_item;
		for (size_t j = 0; j < l->n_item && rc == 0; j++)
			rc = read_tabel_one(x, l->item[j], index_path(u, r, j),
			    &(*tb)[j]);
	}
	return rc;
}

static bool
teks_name_ok(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_'))
			return false;
	return true;
}

static int
read_teks(rd *x, const yd_node *t, const char *p, teks_ganti **teks,
	  size_t *n_teks)
{
	const yd_node *m;
	char q[WHAT_MAX], r[WHAT_MAX], buf[YD_DESCRIBE_MAX];
	int rc = map_field(x, t, "teks", p, &m);

	if (rc != 0 || m == NULL)
		return rc;
	field(q, p, "teks");
	*teks = alloc_array(x, m->n_pair, sizeof **teks);
	*n_teks = m->n_pair;
	for (size_t i = 0; i < m->n_pair && rc == 0; i++) {
		const yd_node *k = m->pair[i].key;

		if (!teks_name_ok(k->str))
			return yd_fail(&x->doc, k, x->e,
			    _("%s: expected a text name of a-z, 0-9 and _, "
			    "found %s"), q, yd_quote(k->str, buf));
		(*teks)[i].nama = arena_strdup(&x->r->mem, k->str);
		rc = str_node(x, m->pair[i].value, field(r, q, k->str), true,
		    &(*teks)[i].teks);
	}
	return rc;
}

static int
read_keterangan(rd *x, const yd_node *t, const char *p, int tw)
{
	const yd_node *m;
	char q[WHAT_MAX], r[WHAT_MAX];
	int rc = map_field(x, t, "keterangan", p, &m);

	field(q, p, "keterangan");
	for (size_t i = 0; rc == 0 && m != NULL && i < m->n_pair; i++) {
		iku *k = resolve(x, &x->iku, m->pair[i].key, q, "IKU", &rc);

		if (k == NULL || yd_is_null(m->pair[i].value))
			continue;
		rc = str_node(x, m->pair[i].value,
		    field(r, q, m->pair[i].key->str), false, &k->keterangan[tw]);
	}
	return rc;
}

static int
read_triwulan_one(rd *x, const yd_node *n, const char *p, int tw)
{
	triwulan *t = &x->r->tw[tw];
	char q[WHAT_MAX];
	int rc;

	ymd d = { 0, 0, 0 };

	rc = yd_check_keys(&x->doc, n, p, tw_keys, tw_req, x->e);
	if (rc == 0 && yd_get(n, "tanggal") != NULL)
		rc = read_tanggal(x, yd_get(n, "tanggal"),
		    field(q, p, "tanggal"), &d);
	t->tahun = d.tahun;
	t->bulan = d.bulan;
	t->hari = d.hari;
	if (rc == 0)
		rc = read_realisasi(x, n, p, tw);
	if (rc == 0)
		rc = read_narasi(x, n, p, tw);
	if (rc == 0)
		rc = read_tabel(x, n, p, tw);
	if (rc == 0)
		rc = read_keterangan(x, n, p, tw);
	if (rc == 0)
		rc = str_list(x, n, "permasalahan", p, &t->permasalahan,
		    &t->n_permasalahan);
	if (rc == 0)
		rc = str_list(x, n, "tindak_lanjut", p, &t->tindak_lanjut,
		    &t->n_tindak_lanjut);
	if (rc == 0)
		rc = str_field(x, n, "kesimpulan", p, false, &t->kesimpulan);
	if (rc == 0)
		rc = read_teks(x, n, p, &t->teks, &t->n_teks);
	t->ada = rc == 0;
	return rc;
}

static int
read_triwulan(rd *x, const yd_node *root)
{
	const yd_node *m;
	char p[WHAT_MAX];
	int rc = map_field(x, root, "triwulan", "", &m);

	for (size_t i = 0; rc == 0 && m != NULL && i < m->n_pair; i++) {
		long tw;

		rc = yd_int(&x->doc, m->pair[i].key, "triwulan", 1, TW_MAX, &tw,
		    x->e);
		if (rc == 0)
			rc = read_triwulan_one(x, m->pair[i].value,
			    field(p, "triwulan", m->pair[i].key->str), (int)tw);
	}
	return rc;
}

/* ---- the whole year ---- */

static int
read_renstra(rd *x, const yd_node *root)
{
	renstra *rs = &x->r->renstra;
	const yd_node *n;
	long awal, akhir;
	int rc = map_field(x, root, "renstra", "", &n);

	if (rc != 0 || n == NULL)
		return rc;
	rc = yd_check_keys(&x->doc, n, "renstra", renstra_keys, renstra_req,
	    x->e);
	if (rc == 0)
		rc = yd_int(&x->doc, yd_get(n, "awal"), "renstra.awal", 1900,
		    2999, &awal, x->e);
	if (rc == 0)
		rc = yd_int(&x->doc, yd_get(n, "akhir"), "renstra.akhir", 1900,
		    2999, &akhir, x->e);
	if (rc != 0)
		return rc;
	if (akhir < awal)
		return yd_fail(&x->doc, yd_get(n, "akhir"), x->e,
		    _("renstra.akhir: the period ends (%ld) before it begins "
		    "(renstra.awal %ld)"), akhir, awal);
	if (x->r->tahun < awal || x->r->tahun > akhir)
		return yd_fail(&x->doc, n, x->e,
		    _("renstra: the plan year %d is outside the Renstra period "
		    "%ld-%ld"), x->r->tahun, awal, akhir);
	rc = name_field(x, n, "nama", "renstra", false, &rs->nama);
	rs->awal = (int)awal;
	rs->akhir = (int)akhir;
	rs->ada = rc == 0;
	return rc;
}

static int
read_tahunan(rd *x, const yd_node *root)
{
	tahunan *t = &x->r->tahunan;
	const char *p = "tahunan";
	const yd_node *n;
	ymd d = { 0, 0, 0 };
	int rc = map_field(x, root, "tahunan", "", &n);

	if (rc != 0 || n == NULL)
		return rc;
	rc = yd_check_keys(&x->doc, n, p, tahunan_keys, tahunan_req, x->e);
	if (rc == 0)
		rc = read_tanggal(x, yd_get(n, "tanggal"), "tahunan.tanggal",
		    &d);
	t->tahun = d.tahun;
	t->bulan = d.bulan;
	t->hari = d.hari;
	if (rc == 0)
		rc = read_realisasi(x, n, p, 0);
	if (rc == 0)
		rc = str_field(x, n, "ringkasan", p, false, &t->ringkasan);
	if (rc == 0)
		rc = str_field(x, n, "gambaran_umum", p, false,
		    &t->gambaran_umum);
	if (rc == 0)
		rc = str_list(x, n, "isu_strategis", p, &t->isu_strategis,
		    &t->n_isu_strategis);
	if (rc == 0)
		rc = read_narasi(x, n, p, 0);
	if (rc == 0)
		rc = read_tabel(x, n, p, 0);
	if (rc == 0)
		rc = str_list(x, n, "permasalahan", p, &t->permasalahan,
		    &t->n_permasalahan);
	if (rc == 0)
		rc = str_list(x, n, "tindak_lanjut", p, &t->tindak_lanjut,
		    &t->n_tindak_lanjut);
	if (rc == 0)
		rc = str_field(x, n, "kesimpulan", p, false, &t->kesimpulan);
	if (rc == 0)
		rc = read_teks(x, n, p, &t->teks, &t->n_teks);
	t->ada = rc == 0;
	return rc;
}

static int
read_perjanjian(rd *x, const yd_node *root)
{
	perjanjian *pk = &x->r->perjanjian;
	const char *p = "perjanjian";
	const yd_node *n;
	ymd d = { 0, 0, 0 };
	int rc = map_field(x, root, "perjanjian", "", &n);

	if (rc != 0 || n == NULL)
		return rc;
	rc = yd_check_keys(&x->doc, n, p, perjanjian_keys, perjanjian_req,
	    x->e);
	if (rc == 0)
		rc = read_tanggal(x, yd_get(n, "tanggal"), "perjanjian.tanggal",
		    &d);
	pk->tahun = d.tahun;
	pk->bulan = d.bulan;
	pk->hari = d.hari;
	if (rc == 0)
		rc = read_pejabat(x, yd_get(n, "pihak_kedua"),
		    "perjanjian.pihak_kedua", false, &pk->pihak_kedua);
	if (rc == 0)
		rc = read_teks(x, n, p, &pk->teks, &pk->n_teks);
	pk->ada = rc == 0;
	return rc;
}

/* ---- document ---- */

static int
read_doc(rd *x)
{
	const yd_node *root = x->doc.root, *f;
	char buf[YD_DESCRIBE_MAX];
	long tahun;
	int rc;

	if (root == NULL)
		return lk_fail_at(x->e, EX_DATAERR, x->doc.file, 1, 1,
		    _("expected a lakip/1 exchange document, found an empty "
		    "file"));
	rc = yd_expect(&x->doc, root, YD_MAP, _("top level"), x->e);
	if (rc != 0)
		return rc;
	f = yd_get(root, "format");
	if (f != NULL && (f->type != YD_SCALAR || strcmp(f->str, "lakip/1") != 0))
		return yd_fail(&x->doc, f, x->e,
		    _("format: unsupported format %s (this program reads "
		    "lakip/1)"), yd_describe(f, buf));
	rc = yd_check_keys(&x->doc, root, _("top level"), top_keys, top_req,
	    x->e);
	if (rc == 0)
		rc = yd_int(&x->doc, yd_get(root, "tahun"), "tahun", 1900, 2999,
		    &tahun, x->e);
	if (rc != 0)
		return rc;
	x->r->tahun = (int)tahun;
	rc = read_instansi(x, yd_get(root, "instansi"));
	if (rc == 0)
		rc = read_renstra(x, root);
	if (rc == 0)
		rc = read_sasaran(x, root);
	if (rc == 0)
		rc = read_program(x, root);
	if (rc == 0)
		rc = read_triwulan(x, root);
	if (rc == 0)
		rc = read_tahunan(x, root);
	if (rc == 0)
		rc = read_perjanjian(x, root);
	return rc;
}

/* Parse (path != NULL: from the file) and convert. */
static int
read_any(const char *path, const char *name, const char *buf, size_t len,
	 rencana **out, lk_err *e)
{
	rd x;
	char *dir = NULL, *slash;
	int rc;

	memset(&x, 0, sizeof x);
	x.e = e;
	*out = NULL;
	if (path != NULL)
		rc = yd_load_file(&x.tmp, path, &x.doc, e);
	else
		rc = yd_load_buffer(&x.tmp, name, buf, len, &x.doc, e);
	if (rc != 0) {
		arena_free(&x.tmp);
		return rc;
	}
	if (path != NULL && (slash = strrchr(path, '/')) != NULL) {
		dir = arena_strndup(&x.tmp, path, (size_t)(slash - path));
		x.dir = *dir ? dir : "/";
	}
	x.r = rencana_new();
	rc = read_doc(&x);
	arena_free(&x.tmp);
	if (rc != 0) {
		rencana_free(x.r);
		return rc;
	}
	*out = x.r;
	return 0;
}

int
exchange_read_file(const char *path, rencana **out, lk_err *e)
{
	return read_any(path, NULL, NULL, 0, out, e);
}

int
exchange_read_doc(const yd_doc *doc, rencana **out, lk_err *e)
{
	rd x;
	int rc;

	memset(&x, 0, sizeof x);
	x.e = e;
	x.doc = *doc;
	*out = NULL;
	x.r = rencana_new();
	rc = read_doc(&x);
	arena_free(&x.tmp);
	if (rc != 0) {
		rencana_free(x.r);
		return rc;
	}
	*out = x.r;
	return 0;
}

int
exchange_read_buffer(const char *name, const char *buf, size_t len,
		     rencana **out, lk_err *e)
{
	return read_any(NULL, name, buf, len, out, e);
}
