/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* update.c - the pieces of an incremental update (update_int.h). */
#include "config.h"
#include "update_int.h"
#include "core/err.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
sb_put(sbuf *b, const void *p, size_t n)
{
	if (b->cap - b->n < n) {
		size_t nc = b->cap ? b->cap : 4096;

		while (nc - b->n < n) {
			if (nc > SIZE_MAX / 2)
				lk_fatal("out of memory");
			nc *= 2;
		}
		b->p = realloc(b->p, nc);
		if (b->p == NULL)
			lk_fatal("out of memory");
		b->cap = nc;
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

void
sb_puts(sbuf *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

void
sb_printf(sbuf *b, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof buf)
		lk_fatal("sb_printf: too long");
	sb_put(b, buf, (size_t)n);
}

void
sb_raw(sbuf *b, const pp_doc *d, const pp_val *v)
{
	sb_put(b, d->buf + v->start, v->end - v->start);
}

/* dict's pairs but those named in skip (NULL-terminated). */
void
sb_copy_pairs(sbuf *b, pp_doc *d, const pp_val *dict, const char *const *skip)
{
	size_t cur = 0;
	pp_val k, v;

	while (pp_dict_next(d, dict, &cur, &k, &v)) {
		bool drop = false;

		for (const char *const *s = skip; *s != NULL; s++)
			drop = drop || pp_name_is(d, &k, *s);
		if (drop)
			continue;
		sb_puts(b, "\n");
		sb_raw(b, d, &k);
		sb_puts(b, " ");
		sb_raw(b, d, &v);
	}
}

void
sb_copy_items(sbuf *b, pp_doc *d, const pp_val *arr)
{
	size_t cur = 0;
	pp_val v;

	while (arr->type == PP_ARRAY && pp_array_next(d, arr, &cur, &v)) {
		sb_raw(b, d, &v);
		sb_puts(b, " ");
	}
}

static int
cmp_xent(const void *a, const void *b)
{
	const xent *x = a, *y = b;

	return x->num < y->num ? -1 : x->num > y->num;
}

void
sb_put_xref(sbuf *b, xent *x, size_t n)
{
	qsort(x, n, sizeof *x, cmp_xent);
	sb_puts(b, "xref\n");
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;

		while (j < n && x[j].num == x[j - 1].num + 1)
			j++;
		sb_printf(b, "%u %zu\n", x[i].num, j - i);
		for (; i < j; i++)
			sb_printf(b, "%010zu %05u n\r\n", x[i].off, x[i].gen);
	}
}

