/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* build.h - the quarterly LAKIP as a doc: what it says, in which order.
 *
 * Owns: turning a rencana, the quarter's kinerja and a template into the
 * chapters of the report (cover, kata pengantar, daftar isi, BAB I-III,
 * lampiran), with the template's standard texts, their {placeholders}
 * filled, and the quarter's teks overrides applied.
 */
#ifndef LK_BUILD_H
#define LK_BUILD_H

#include "core/err.h"
#include "core/kinerja.h"
#include "core/model.h"
#include "report/doc.h"
#include "report/template.h"

/* Builds the report of quarter tw.  *out is a new doc (free with
 * doc_free).  Missing data is printed as empty and listed in
 * warn (a NULL-ended array in the doc's arena; may be NULL). */
int build_laporan(const rencana *r, const kinerja *k, const tmpl *t,
		  doc **out, const char ***warn, lk_err *e);

#endif
