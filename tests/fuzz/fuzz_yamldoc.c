/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_yamldoc.c - the YAML loader under every data file (io/yamldoc.h).
 *
 * yd_load_buffer on the input, then a walk of the tree through the typed
 * getters (yd_string, yd_int, yd_bool, yd_number at several scales,
 * yd_is_null, yd_describe, yd_get, yd_check_keys), checking what
 * yamldoc.h promises of a tree: scalars hold no NUL, keys are scalars,
 * depth is bounded.
 */
#include "config.h"
#include "fuzz.h"

#include "core/arena.h"
#include "io/yamldoc.h"

static const char *const allowed[] = { "format", "kode", "nama", "tahun",
	"form", "teks", "predikat", NULL };

static void
walk(const yd_doc *d, const yd_node *n, unsigned depth)
{
	char buf[YD_DESCRIBE_MAX];
	lk_err e;

	if (n == NULL)
		return;
	if (depth > YAMLDOC_MAX_DEPTH + 1)
		fz_bug("a tree deeper than YAMLDOC_MAX_DEPTH (%u)", depth);
	(void)yd_describe(n, buf);
	if (strlen(buf) >= YD_DESCRIBE_MAX)
		fz_bug("yd_describe overflowed");
	switch (n->type) {
	case YD_SCALAR: {
		char *s;
		long l;
		bool bo;
		int64_t v;

		if (n->str == NULL || strlen(n->str) != n->len)
			fz_bug("a scalar's length is not its strlen (NUL inside)");
		(void)yd_is_null(n);
		(void)yd_string(d, n, "s", &s, &e);
		(void)yd_int(d, n, "i", -1000000, 1000000, &l, &e);
		(void)yd_bool(d, n, "b", &bo, &e);
		(void)yd_number(d, n, "n", 4, true, &v, &e);
		(void)yd_number(d, n, "n", 2, false, &v, &e);
		(void)yd_number(d, n, "n", 0, true, &v, &e);
		(void)yd_quote(n->str, buf);
		break;
	}
	case YD_SEQ:
		for (size_t i = 0; i < n->n_item; i++)
			walk(d, n->item[i], depth + 1);
		break;
	case YD_MAP:
		(void)yd_check_keys(d, n, "map", allowed, NULL, &e);
		for (size_t i = 0; i < n->n_pair; i++) {
			const yd_node *k = n->pair[i].key;

			if (k == NULL || k->type != YD_SCALAR)
				fz_bug("a mapping key that is not a scalar");
			/* Duplicate keys are refused: yd_get finds this pair. */
			if (yd_get(n, k->str) != n->pair[i].value)
				fz_bug("yd_get finds another value for key %s",
				    k->str);
			walk(d, n->pair[i].value, depth + 1);
		}
		break;
	default:
		fz_bug("a node of type %d", (int)n->type);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	arena a = { 0 };
	yd_doc d;
	lk_err e;

	if (yd_load_buffer(&a, "fuzz.yaml", (const char *)data, size, &d,
	    &e) == 0)
		walk(&d, d.root, 1);
	else if (e.code == 0 || e.msg[0] == '\0')
		fz_bug("yd_load_buffer failed without a message");
	arena_free(&a);
	return 0;
}
