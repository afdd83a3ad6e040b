/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "arena.h"
#include "err.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
	arena_block *next;
	size_t used, size;
	max_align_t data[];
};

#define BLOCK_MIN (64 * 1024)

/* size bytes at an address that is a multiple of align (a power of two),
 * not cleared.  Strings take align 1: no room is lost between them. */
static void *
take(arena *a, size_t size, size_t align)
{
	arena_block *b = a->head;
	size_t off = 0;
	void *p;

	if (size == 0)
		size = 1;
	if (b != NULL)
		off = (b->used + align - 1) & ~(align - 1);
	if (b == NULL || off > b->size || b->size - off < size) {
		size_t bs = size > BLOCK_MIN ? size : BLOCK_MIN;

		if (bs > SIZE_MAX - sizeof *b)
			lk_fatal("arena: allocation of %zu bytes too large", size);
		b = malloc(sizeof *b + bs);
		if (b == NULL)
			lk_fatal("out of memory (%zu bytes)", bs);
		b->used = 0;
		b->size = bs;
		off = 0;
		if (a->head != NULL && size > BLOCK_MIN) {
			/* Keep the current block for small allocations. */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	p = (char *)b->data + off;
	b->used = off + size;
	return p;
}

void *
arena_alloc(arena *a, size_t size)
{
	void *p = take(a, size, sizeof(max_align_t));

	memset(p, 0, size);
	return p;
}

void *
arena_memdup(arena *a, const void *src, size_t size)
{
	void *p = take(a, size, sizeof(max_align_t));

	memcpy(p, src, size);
	return p;
}

void *
arena_grow(arena *a, void *old, size_t elem, size_t *cap, size_t need)
{
	size_t ncap;
	void *p;

	if (need <= *cap)
		return old;
	ncap = *cap ? *cap * 2 : 8;
	while (ncap < need)
		ncap *= 2;
	if (ncap > SIZE_MAX / elem)
		lk_fatal("arena: array too large");
	p = arena_alloc(a, ncap * elem);
	if (old != NULL && *cap > 0)
		memcpy(p, old, *cap * elem);
	*cap = ncap;
	return p;
}

char *
arena_strndup(arena *a, const char *s, size_t n)
{
	char *p = take(a, n + 1, 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(arena *a, const char *s)
{
	return s == NULL ? NULL : arena_strndup(a, s, strlen(s));
}

char *
arena_vprintf(arena *a, const char *fmt, va_list ap)
{
	char small[256];
	va_list again;
	int n;
	char *p;

	va_copy(again, ap);
	n = vsnprintf(small, sizeof small, fmt, ap);
	if (n < 0)
		lk_fatal("arena_printf: bad format");
	if ((size_t)n < sizeof small) {
		va_end(again);
		return arena_strndup(a, small, (size_t)n);
	}
	p = take(a, (size_t)n + 1, 1);
	vsnprintf(p, (size_t)n + 1, fmt, again);
	va_end(again);
	return p;
}

char *
arena_printf(arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void
arena_free(arena *a)
{
	arena_block *b = a->head, *next;

	for (; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}
