/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* zona.c - the time zone of an agency (instansi.zona_waktu), for what
 * listings show of the UTC times the store keeps (core/zona.h). */
#include "config.h"
#include "store/store_int.h"

#include <stdlib.h>
#include <string.h>

int
store_zona_waktu(store *s, const char *kode, char **out, lk_err *e)
{
	drv_st *st = NULL;
	int rc, n = 0;

	*out = NULL;
	if (s->version < STORE_VERSION_TAHUNAN)    /* no zone stored yet */
		return 0;
	/* One agency named, or else the only one (several: none). */
	rc = store_stmt(s, &st, kode != NULL ?
			"SELECT zona_waktu FROM instansi WHERE kode = ?1" :
			"SELECT zona_waktu FROM instansi LIMIT 2", e);
	if (rc != 0)
		return rc;
	if (kode != NULL)
		store_bind_text(s, st, 1, kode);
	if ((rc = store_check_bind(s, e)) == 0) {
		while ((rc = drv_step(st)) == DRV_ROW) {
			const char *z = drv_col_text(st, 0);

			if (n++ == 0 && z != NULL && (*out = strdup(z)) == NULL)
				lk_fatal("out of memory");
		}
		rc = rc == DRV_DONE ? 0 : store_fail(s, rc, e, NULL);
	}
	drv_finalize(st);
	if (rc != 0 || n > 1) {
		free(*out);
		*out = NULL;
	}
	return rc;
}
