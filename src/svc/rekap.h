/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* rekap.h - the province view: every agency's quarter in one table.
 *
 * Owns: which agencies the actor sees (an admin: all; anyone else: those
 * in which he holds a role), reading them all in one read transaction,
 * and each agency's row computed exactly as `lakip show` computes its
 * quarter (svc_use: the one predikat table; kinerja_hitung), with the
 * state from its review data (core/rekap.h has the rules and the
 * figures' definitions), and the PDF of the table (svc_rekap_render).
 * An agency without a plan for the year is a row too: kosong, no
 * figures.  Returns a sysexits status with the message in lk_err, never
 * prints.
 */
#ifndef LK_SVC_REKAP_H
#define LK_SVC_REKAP_H

#include <stddef.h>

#include "core/err.h"
#include "core/rekap.h"
#include "report/layout.h"
#include "svc/svc.h"

typedef rekap_baris svc_rekap_row;

/* The rows of quarter tw (1..4) of year tahun, sorted by kode, in *rows
 * (malloc'ed, *n of them; free with svc_rekap_free).  EX_USAGE for a
 * quarter outside 1..4; EX_NOPERM for an actor who holds no role in any
 * agency (the message names the admins to ask); EX_DATAERR when a figure
 * overflows (naming the agency); the store's errors otherwise.  A
 * database without agencies gives no rows. */
int svc_rekap(svc *v, int tahun, int tw, svc_rekap_row **rows, size_t *n,
	      lk_err *e);
void svc_rekap_free(svc_rekap_row *rows, size_t n);

/* The rows as a PDF (the installed "laporan" template's paper and fonts;
 * the texts are the report's own, in Indonesian) into the file out. */
int svc_rekap_render(const svc_rekap_row *rows, size_t n, int tahun, int tw,
		     const char *out, layout_result *res, lk_err *e);

#endif
