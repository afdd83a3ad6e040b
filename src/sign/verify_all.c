/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* verify_all.c - checking every signature of a PDF (sign_verify_all):
 * an agreement signed by both parties carries two, one incremental
 * update each.
 *
 * Each revision of the file (the xref sections, newest first, each ending
 * just past its "%%EOF") is a complete PDF as it was when that update was
 * written.  The newest signature of each such prefix is checked with
 * sign_verify_mem, from the oldest prefix to the whole file; a prefix
 * whose newest signature is one already seen (an update that added no
 * signature) adds nothing.
 */
#include "config.h"
#include "sign.h"
#include "pdfparse.h"
#include "sign_int.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

int
sign_verify_all(const char *pdf, const char *ca_file, sign_verify_each **out,
		size_t *nout, lk_err *e)
{
	unsigned char *buf = NULL;
	size_t len = 0, *ends = NULL, nends = 0, n = 0;
	sign_verify_each *v = NULL;
	pp_doc d;
	int rc;

	*out = NULL;
	*nout = 0;
	if ((rc = sign_read_file(pdf, &buf, &len, e)) != 0)
		return rc;
	if ((rc = pp_open(&d, buf, len, pdf, e)) != 0) {
		free(buf);
		return rc;
	}
	if ((ends = calloc(d.nsecs + 1, sizeof *ends)) == NULL)
		lk_fatal("out of memory");
	/* The older revisions' ends, then the whole file. */
	for (size_t s = 1; s < d.nsecs; s++)
		if (d.secs[s].rev_end > 0 && d.secs[s].rev_end < len)
			ends[nends++] = d.secs[s].rev_end;
	pp_close(&d);
	qsort(ends, nends, sizeof *ends, cmp_size);
	ends[nends++] = len;
	if ((v = calloc(nends, sizeof *v)) == NULL)
		lk_fatal("out of memory");
	for (size_t k = 0; k < nends; k++) {
		sign_verify_result r;

		if (k > 0 && ends[k] == ends[k - 1])
			continue;
		if ((rc = sign_verify_mem(pdf, buf, ends[k], ca_file, &r, e)) != 0)
			break;
		if (!r.signed_)
			continue;
		if (n > 0 && v[n - 1].r.signed_revision_end == r.signed_revision_end) {
			/* An update without a signature: one that only adds
			 * validation data counts with the signature. */
			if (r.lt_updates_only) {
				v[n - 1].r = r;
				v[n - 1].revision_end = ends[k];
				v[n - 1].r.covers_whole_file = false;
			}
			continue;
		}
		v[n].r = r;
		v[n].revision_end = ends[k];
		v[n].r.covers_whole_file = r.covers_whole_file && ends[k] == len;
		n++;
	}
	for (size_t i = 0; rc == 0 && i < n; i++)
		for (size_t k = 0; k < nends; k++)
			if (ends[k] > v[i].revision_end &&
			    (k == 0 || ends[k] != ends[k - 1]))
				v[i].later_updates++;
	free(ends);
	free(buf);
	if (rc != 0 || n == 0) {
		free(v);
		return rc;
	}
	*out = v;
	*nout = n;
	return 0;
}
