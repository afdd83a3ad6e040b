/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* pk.h - what the year's Perjanjian Kinerja (performance agreement)
 * states, as one canonical text.
 *
 * Owns: the list of the plan's data that the agreement prints -- the
 * agency (kode, nama, pemerintah, kota, logo), its head (pihak pertama),
 * the agreement itself (tanggal, pihak kedua, text overrides), the
 * sasaran, each IKU with its satuan, polarity, annual and quarterly
 * targets, and the programs with their anggaran -- in the plan's order,
 * one "key=value" a line (values escaped: "\\", "\n").  The signature of
 * an agreement is over a hash of this text (svc), and a plan whose
 * agreement both parties signed may not change it (store_save): both
 * use this one function, so the lock protects exactly what was signed.
 * Realisations, narratives and the annual report are not part of it.
 *
 * Memory: the text is malloc'ed (free()); out of memory is fatal.
 */
#ifndef LK_CORE_PK_H
#define LK_CORE_PK_H

#include <stddef.h>

#include "core/model.h"

char *pk_isi(const rencana *r, size_t *len);

/* Whether a and b state the same agreement: the fields pk_isi writes,
 * compared one by one (true implies the same pk_isi text; a cheap test
 * before the text is built). */
bool pk_sama(const rencana *a, const rencana *b);

#endif
