/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* hex.c - bytes as hexadecimal: a table, not snprintf (the audit chain
 * writes two digests a record; "%02x" a byte was a third of an import). */
#include "config.h"
#include "core/hex.h"

void
lk_hex(const void *b, size_t n, char *out)
{
	static const char digit[] = "0123456789abcdef";
	const unsigned char *p = b;

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digit[p[i] >> 4];
		out[2 * i + 1] = digit[p[i] & 15];
	}
	out[2 * n] = '\0';
}
