/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* hex.h - bytes as lower-case hexadecimal (digests, document IDs). */
#ifndef LK_HEX_H
#define LK_HEX_H

#include <stddef.h>

/* The n bytes at b as 2n hex digits and a NUL at out (2n + 1 bytes). */
void lk_hex(const void *b, size_t n, char *out);
/* The value of hex digit c (either case), or -1. */
int lk_hexval(int c);

#endif
