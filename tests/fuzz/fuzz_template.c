/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_template.c - report templates, templates/NAME.yaml
 * (report/template.h).
 *
 * tmpl_load_buffer on the input (the fonts must exist: Debian package
 * fonts-liberation2; predikat bands from $LAKIP_DATA_DIR when set).  When
 * it is accepted, what the loader promises: every text passes
 * tmpl_periksa, fills with tmpl_isi, and a narrative text marks up
 * (markup_blocks with the builder's filling of each run) without a
 * placeholder left that cannot be filled.
 */
#include "config.h"
#include "fuzz_tmpl.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tmpl *t = NULL;
	lk_err e;

	if (tmpl_load_buffer("fuzz.yaml", (const char *)data, size, &t,
	    &e) != 0) {
		if (t != NULL)
			fz_bug("tmpl_load_buffer failed but set *out");
		if (e.code == 0 || e.msg[0] == '\0')
			fz_bug("tmpl_load_buffer failed without a message");
		return 0;
	}
	if (t->n_urutan > TB_N)
		fz_bug("%zu parts in urutan", t->n_urutan);
	for (size_t i = 0; i < t->n_urutan; i++)
		if ((unsigned)t->urutan[i] >= TB_N ||
		    tmpl_bagian_nama(t->urutan[i]) == NULL)
			fz_bug("a bad part in urutan");
	for (int id = 0; id < TT_N; id++) {
		const char *text = t->teks[id], *why = NULL, *bad = NULL;
		size_t off = 0, len = 0;
		fz_isi x;
		arena a = { 0 };
		char *out;

		if (text == NULL)
			continue;
		if (tmpl_periksa((enum tmpl_teks_id)id, text, &off, &len,
		    &why) != 0)
			fz_bug("text %s was loaded but fails tmpl_periksa: %s",
			    tmpl_teks_nama((enum tmpl_teks_id)id), why);
		fz_isi_init(&x, (enum tmpl_teks_id)id);
		if (tmpl_isi(&a, text, x.v, x.n, &out, &bad) != 0)
			fz_bug("text %s was loaded but does not fill: %s",
			    tmpl_teks_nama((enum tmpl_teks_id)id),
			    bad ? bad : "?");
		arena_free(&a);
		fz_isi_free(&x);
		if (tmpl_teks_jenis((enum tmpl_teks_id)id) == TMPL_NARASI) {
			doc *d = doc_new();
			doc_section *s = doc_add_section(d, "fuzz");
			markup_opts o = { fz_isi_run, &x, 0, NULL };

			fz_isi_init(&x, (enum tmpl_teks_id)id);
			markup_blocks(d, s, text, &o);
			doc_free(d);
			fz_isi_free(&x);
			if (x.failed)
				fz_bug("text %s passes tmpl_periksa, but a run of "
				    "its markup does not fill",
				    tmpl_teks_nama((enum tmpl_teks_id)id));
		}
	}
	tmpl_free(t);
	return 0;
}
