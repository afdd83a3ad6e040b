/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "predikat_load.h"
#include "io/datafile.h"
#include "yamldoc.h"

#include "core/dec.h"
#include "core/i18n.h"

#include <stdio.h>
#include <string.h>

static const char *const top_keys[] = { "predikat", NULL };
static const char *const band_keys[] = { "nama", "min", "warna", NULL };
static const char *const band_req[] = { "nama", NULL };
static const char *const warna_nama[] = { "baik", "cukup", "kurang", NULL };

static void
join(char p[64], const char *what, const char *key)
{
	if (snprintf(p, 64, "%s.%s", what, key) < 0)
		p[0] = '\0';
}

/* nama and warna are copied from the document into a. */
static int
read_band(arena *a, const yd_doc *d, const yd_node *n, const char *what,
	  predikat_band *b, lk_err *e)
{
	const yd_node *v;
	char p[64], buf[YD_DESCRIBE_MAX];
	char *s;
	size_t len;
	int rc;

	rc = yd_check_keys(d, n, what, band_keys, band_req, e);
	if (rc != 0)
		return rc;
	join(p, what, "nama");
	rc = yd_string(d, yd_get(n, "nama"), p, &s, e);
	if (rc != 0)
		return rc;
	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return yd_fail(d, yd_get(n, "nama"), e,
		    _("%s: expected a non-empty string"), p);
	b->nama = arena_strndup(a, s, len);
	v = yd_get(n, "min");
	if (v != NULL) {
		join(p, what, "min");
		rc = yd_number(d, v, p, DEC_PERSEN, true, &b->min, e);
		if (rc != 0)
			return rc;
		b->ada_min = true;
	}
	v = yd_get(n, "warna");
	if (v == NULL || yd_is_null(v))
		return 0;
	for (size_t i = 0; warna_nama[i] != NULL; i++) {
		if (v->type == YD_SCALAR && strcmp(v->str, warna_nama[i]) == 0) {
			b->warna = warna_nama[i];
			return 0;
		}
	}
	join(p, what, "warna");
	return yd_fail(d, v, e, _("%s: expected baik, cukup or kurang, found %s"),
	    p, yd_describe(v, buf));
}

/* The band predikat_periksa() complains about, for the message's
 * position; t->n when it is the table as a whole. */
static size_t
first_bad(const predikat_tabel *t)
{
	for (size_t i = 0; i < t->n; i++) {
		bool last = i + 1 == t->n;

		if (last != !t->band[i].ada_min)
			return i;
		if (i > 0 && !last && t->band[i].min >= t->band[i - 1].min)
			return i;
	}
	return t->n;
}

int
predikat_read_node(arena *a, const yd_doc *d, const yd_node *l,
		   const char *where, predikat_tabel *out, lk_err *e)
{
	predikat_band *band;
	predikat_tabel t;
	const char *why = NULL;
	char what[96];
	int rc;

	if ((rc = yd_expect(d, l, YD_SEQ, where, e)) != 0)
		return rc;
	band = l->n_item ? arena_alloc(a, l->n_item * sizeof *band) : NULL;
	for (size_t i = 0; i < l->n_item && rc == 0; i++) {
		snprintf(what, sizeof what, "%s[%zu]", where, i);
		memset(&band[i], 0, sizeof band[i]);
		rc = read_band(a, d, l->item[i], what, &band[i], e);
	}
	t.band = band;
	t.n = l->n_item;
	if (rc == 0 && predikat_periksa(&t, &why) != 0) {
		size_t i = first_bad(&t);

		snprintf(what, sizeof what, "%s[%zu]", where, i);
		rc = yd_fail(d, i < l->n_item ? l->item[i] : l, e, "%s: %s",
		    i < l->n_item ? what : where,
		    why ? _(why) : _("invalid bands"));
	}
	if (rc == 0)
		*out = t;
	return rc;
}

int
predikat_load_file(arena *a, const char *path, predikat_tabel *out,
		   lk_err *e)
{
	arena tmp = { 0 };
	yd_doc d;
	const yd_node *l;
	int rc;

	rc = yd_load_file(&tmp, path, &d, e);
	if (rc == 0 && d.root == NULL)
		rc = lk_fail_at(e, EX_DATAERR, path, 1, 1,
		    _("expected a mapping with the key \"predikat\", found an "
		    "empty file"));
	if (rc == 0)
		rc = yd_check_keys(&d, d.root, _("top level"), top_keys, top_keys,
		    e);
	l = rc == 0 ? yd_get(d.root, "predikat") : NULL;
	if (rc == 0)
		rc = predikat_read_node(a, &d, l, "predikat", out, e);
	arena_free(&tmp);
	return rc;
}

int
predikat_load_installed(arena *a, predikat_tabel *out, lk_err *e)
{
	char path[4096];

	if (datafile_find("templates/predikat.yaml", path, sizeof path, NULL) != 0) {
		*out = *predikat_default();
		return 0;
	}
	return predikat_load_file(a, path, out, e);
}
