/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* tahunan.c - the whole year of a period: its figures and the annual
 * report (see svc.h).
 *
 * Owns: reading the agency's other years that the figures compare with
 * (the Renstra period's, else last year's: the store's) and computing the
 * year's figures with the period's bands (core/tahunan.c), once for
 * `show --tahunan` and the LKjIP alike, and rendering the LKjIP.
 */
#include "config.h"
#include "svc/svc.h"

#include <string.h>

#include "core/i18n.h"

int
svc_realisasi_lalu(svc *v, svc_period *p, tahunan_lalu **lalu, size_t *n,
		   lk_err *e)
{
	const rencana *r = p->r;

	/* The agency's other years of the Renstra period (else last year). */
	return store_realisasi_lalu(v->s, p->kode, r->renstra.ada ?
				    r->renstra.awal : p->tahun - 1, p->tahun - 1,
				    &p->r->mem, lalu, n, e);
}

int
svc_tahunan(svc *v, svc_period *p, tahunan_hasil *out, lk_err *e)
{
	tahunan_lalu *lalu = NULL;
	size_t n_lalu = 0;
	int rc;

	rc = svc_realisasi_lalu(v, p, &lalu, &n_lalu, e);
	if (rc == 0)
		rc = tahunan_hitung(p->r, lalu, n_lalu, &p->pt, out, e);
	return rc;
}

int
svc_render_lkjip(svc *v, svc_period *p, const char *tname,
		 const report_extra *x, const report_hooks *h,
		 const char *out, layout_result *res, lk_err *e)
{
	tahunan_hasil th;
	int rc;

	memset(&th, 0, sizeof th);
	if ((rc = svc_tahunan(v, p, &th, e)) != 0)
		return rc;
	return report_render_lkjip(p->r, &th, &p->pt, tname, x, h, out, res,
				   e);
}
