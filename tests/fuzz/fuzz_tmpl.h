/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_tmpl.h - filling template texts as the report builder does
 * (report/build_text.c), for fuzz_template.c and fuzz_markup.c. */
#ifndef LK_FUZZ_TMPL_H
#define LK_FUZZ_TMPL_H

#include "fuzz.h"

#include "report/doc.h"
#include "report/markup.h"
#include "report/template.h"

#define FZ_MAX_NILAI (TP_N + 16)

/* Values for the common placeholders and those of text id; the values
 * hold markup and braces, which must never be read again. */
typedef struct fz_isi {
	tmpl_nilai v[FZ_MAX_NILAI];
	size_t n;
	char names[512];
	enum tmpl_teks_id id;
	bool failed;
	arena mem;           /* the filled runs (one arena: a run's own would
	                      * cost a 64 KB block each) */
} fz_isi;

static inline void
fz_isi_init(fz_isi *x, enum tmpl_teks_id id)
{
	static const char *const value[] = { "Dinas *Uji*", "{kota}", "**2023**",
		"- butir", "}{", "\\*", "" };
	char *p;

	x->n = 0;
	x->id = id;
	x->failed = false;
	x->mem.head = NULL;
	snprintf(x->names, sizeof x->names, "%s", tmpl_teks_lokal(id));
	for (p = strtok(x->names, " "); p != NULL && x->n < 16;
	    p = strtok(NULL, " ")) {
		x->v[x->n].nama = p;
		x->v[x->n].nilai = value[x->n % (sizeof value / sizeof *value)];
		x->n++;
	}
	for (int i = 0; i < TP_N; i++) {
		x->v[x->n].nama = tmpl_umum_nama((enum tmpl_umum_id)i);
		x->v[x->n].nilai = value[i % (sizeof value / sizeof *value)];
		x->n++;
	}
}

static inline void
fz_isi_free(fz_isi *x)
{
	arena_free(&x->mem);
}

/* markup_isi_fn: one run filled (the builder's isi_run). */
static inline const char *
fz_isi_run(void *ctx, const char *text)
{
	fz_isi *x = ctx;
	const char *bad = NULL;
	char *out = NULL;

	if (tmpl_isi(&x->mem, text, x->v, x->n, &out, &bad) != 0) {
		if (bad == NULL)
			fz_bug("tmpl_isi failed without naming the bad part");
		x->failed = true;
		return text;
	}
	return out;
}

#endif
