/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* arena.h - region allocator for a model and everything it points to.
 *
 * Owns: blocks of memory freed all at once by arena_free().  Allocation
 * never fails: out of memory is fatal (lk_fatal).  Memory is zeroed.
 */
#ifndef LK_ARENA_H
#define LK_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct arena_block arena_block;
typedef struct arena {
	arena_block *head;
} arena;

void *arena_alloc(arena *a, size_t size);
/* Grow an array of elements of size `elem` from n to at least need. */
void *arena_grow(arena *a, void *old, size_t elem, size_t *cap, size_t need);
/* A copy of size bytes of src (aligned as arena_alloc). */
void *arena_memdup(arena *a, const void *src, size_t size);
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_printf(arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(arena *a, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void arena_free(arena *a);

#endif
