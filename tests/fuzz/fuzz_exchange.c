/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_exchange.c - the exchange format lakip/1 (io/exchange.h).
 *
 * exchange_read_buffer on the input; when it is accepted, the figures of
 * every quarter (kinerja_hitung) and the promise of exchange.h that
 * export -> import -> export is byte-identical: the rencana written
 * (exchange_write) must read back, and write again as the same bytes.
 */
#include "config.h"
#include "fuzz.h"

#include "core/kinerja.h"
#include "core/model.h"
#include "io/exchange.h"

static char *
write_mem(const rencana *r, size_t *len, int *rc)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	lk_err e;

	if (f == NULL)
		abort();
	*rc = exchange_write(f, r, &e);
	if (fclose(f) != 0)
		abort();
	if (*rc != 0)
		fz_bug("exchange_write refused what exchange_read_buffer "
		    "accepted: %s", e.msg);
	return buf;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rencana *r = NULL, *r2 = NULL;
	char *a, *b;
	size_t alen = 0, blen = 0;
	lk_err e;
	int rc;

	if (exchange_read_buffer("fuzz.yaml", (const char *)data, size, &r,
	    &e) != 0) {
		if (r != NULL)
			fz_bug("exchange_read_buffer failed but set *out");
		if (e.code == 0 || e.msg[0] == '\0')
			fz_bug("exchange_read_buffer failed without a message");
		return 0;
	}
	for (int tw = 1; tw <= TW_MAX; tw++) {
		kinerja k;

		(void)kinerja_hitung(r, tw, NULL, &k, &e);
	}
	a = write_mem(r, &alen, &rc);
	if (exchange_read_buffer("export.yaml", a, alen, &r2, &e) != 0)
		fz_bug("the export does not read back: %s\n--- export:\n%.*s",
		    e.msg, (int)alen, a);
	b = write_mem(r2, &blen, &rc);
	if (alen != blen || memcmp(a, b, alen) != 0)
		fz_bug("export -> import -> export differs\n--- first:\n%.*s"
		    "\n--- second:\n%.*s", (int)alen, a, (int)blen, b);
	free(a);
	free(b);
	rencana_free(r2);
	rencana_free(r);
	return 0;
}
