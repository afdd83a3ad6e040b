/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* util.c - growable arrays, id and kode hash maps, string helpers of the
 * store (declared in store_int.h).  Out of memory is fatal. */
#include "config.h"
#include "store/store_int.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* growable arrays and hash maps */

static void *
xrealloc(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		lk_fatal("store: array too large");
	p = realloc(p, n * size != 0 ? n * size : 1);
	if (p == NULL)
		lk_fatal("out of memory (%zu bytes)", n * size);
	return p;
}

void
store_vec_init(store_vec *v, size_t size)
{
	v->p = NULL;
	v->n = v->cap = 0;
	v->size = size;
}

void *
store_vec_push(store_vec *v)
{
	void *el;

	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 64;
		v->p = xrealloc(v->p, v->cap, v->size);
	}
	el = (char *)v->p + v->n++ * v->size;
	memset(el, 0, v->size);
	return el;
}

void
store_vec_free(store_vec *v)
{
	free(v->p);
	v->p = NULL;
	v->n = v->cap = 0;
}

static size_t
map_cap(size_t expected)
{
	size_t cap = 16;

	while (cap < expected * 2)
		cap *= 2;
	return cap;
}

static uint64_t
hash_id(int64_t k)
{
	uint64_t x = (uint64_t)k;

	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return x;
}

static uint64_t
hash_str(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

void
store_idmap_init(store_idmap *m, size_t expected)
{
	m->cap = map_cap(expected);
	m->n = 0;
	m->key = xrealloc(NULL, m->cap, sizeof *m->key);
	m->val = xrealloc(NULL, m->cap, sizeof *m->val);
	/* Row ids are > 0: 0 marks a free slot. */
	memset(m->key, 0, m->cap * sizeof *m->key);
}

void
store_idmap_put(store_idmap *m, int64_t key, size_t val)
{
	size_t i;

	if (key == 0)
		lk_fatal("store_idmap_put: id 0");
	if ((m->n + 1) * 2 > m->cap) {
		store_idmap old = *m;

		store_idmap_init(m, m->cap);
		for (i = 0; i < old.cap; i++)
			if (old.key[i] != 0)
				store_idmap_put(m, old.key[i], old.val[i]);
		store_idmap_free(&old);
	}
	for (i = hash_id(key) & (m->cap - 1); m->key[i] != 0;
	     i = (i + 1) & (m->cap - 1)) {
		if (m->key[i] == key) {
			m->val[i] = val;
			return;
		}
	}
	m->key[i] = key;
	m->val[i] = val;
	m->n++;
}

bool
store_idmap_get(const store_idmap *m, int64_t key, size_t *val)
{
	size_t i;

	if (key == 0)
		return false;
	for (i = hash_id(key) & (m->cap - 1); m->key[i] != 0;
	     i = (i + 1) & (m->cap - 1)) {
		if (m->key[i] == key) {
			*val = m->val[i];
			return true;
		}
	}
	return false;
}

void
store_idmap_free(store_idmap *m)
{
	free(m->key);
	free(m->val);
	m->key = NULL;
	m->val = NULL;
	m->cap = m->n = 0;
}

void
store_strmap_init(store_strmap *m, size_t expected)
{
	m->cap = map_cap(expected);
	m->n = 0;
	m->key = xrealloc(NULL, m->cap, sizeof *m->key);
	m->val = xrealloc(NULL, m->cap, sizeof *m->val);
	memset(m->key, 0, m->cap * sizeof *m->key);
}

bool
store_strmap_put(store_strmap *m, const char *key, size_t val)
{
	size_t i;

	if (key == NULL)
		lk_fatal("store_strmap_put: NULL key");
	if ((m->n + 1) * 2 > m->cap) {
		store_strmap old = *m;

		store_strmap_init(m, m->cap);
		for (i = 0; i < old.cap; i++)
			if (old.key[i] != NULL)
				store_strmap_put(m, old.key[i], old.val[i]);
		store_strmap_free(&old);
	}
	for (i = hash_str(key) & (m->cap - 1); m->key[i] != NULL;
	     i = (i + 1) & (m->cap - 1))
		if (strcmp(m->key[i], key) == 0)
			return false;
	m->key[i] = key;
	m->val[i] = val;
	m->n++;
	return true;
}

bool
store_strmap_get(const store_strmap *m, const char *key, size_t *val)
{
	size_t i;

	if (key == NULL)
		return false;
	for (i = hash_str(key) & (m->cap - 1); m->key[i] != NULL;
	     i = (i + 1) & (m->cap - 1)) {
		if (strcmp(m->key[i], key) == 0) {
			*val = m->val[i];
			return true;
		}
	}
	return false;
}

void
store_strmap_free(store_strmap *m)
{
	free(m->key);
	free(m->val);
	m->key = NULL;
	m->val = NULL;
	m->cap = m->n = 0;
}

bool
store_streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

