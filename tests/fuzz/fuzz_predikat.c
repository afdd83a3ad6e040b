/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_predikat.c - predikat bands, templates/predikat.yaml
 * (io/predikat_load.h).
 *
 * predikat_load_file reads a path: the input is written to one temporary
 * file per process, reused.  Bands that load must pass predikat_periksa
 * (the loader promises it), and every band has a name; only the last
 * has no lower bound.
 */
#include "config.h"
#include "fuzz.h"

#include "core/arena.h"
#include "core/predikat.h"
#include "io/predikat_load.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fz_tmpfile(".yaml");
	predikat_tabel t;
	arena a = { 0 };
	const char *why = NULL;
	lk_err e;

	fz_write_file(path, data, size);
	if (predikat_load_file(&a, path, &t, &e) == 0) {
		if (predikat_periksa(&t, &why) != 0)
			fz_bug("loaded bands fail predikat_periksa: %s",
			    why ? why : "?");
		for (size_t i = 0; i < t.n; i++)
			if (t.band[i].nama == NULL || t.band[i].nama[0] == '\0')
				fz_bug("band %zu has no name", i);
	} else if (e.code == 0 || e.msg[0] == '\0')
		fz_bug("predikat_load_file failed without a message");
	arena_free(&a);
	return 0;
}
