/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_markup.c - the narrative markup (report/markup.h) and the
 * placeholders of template texts (tmpl_periksa, tmpl_isi).
 *
 * Input: byte 0 picks a template text (its own placeholders); the rest is
 * the text.  markup_blocks and markup_inline "never fail": any text is
 * some blocks, whose runs are checked (no NULL, no empty run).  When
 * tmpl_periksa accepts the text, it must fill with tmpl_isi, whole and
 * run by run after the markup is parsed, as the report builder fills it.
 * Bytes 1..8 also give tmpl_bilangan and tmpl_urutan a number.
 */
#include "config.h"
#include "fuzz_tmpl.h"

static void
check_text(const doc_text *t)
{
	for (size_t i = 0; i < t->n_run; i++)
		if (t->run[i].text == NULL)
			fz_bug("a run without text");
}

static void
words(const uint8_t *p)
{
	char buf[TMPL_KATA_MAX];
	unsigned long long n = 0;

	for (int i = 0; i < 8; i++)
		n = n << 8 | p[i];
	if (strlen(tmpl_bilangan(n, buf)) >= TMPL_KATA_MAX ||
	    strlen(tmpl_bilangan(n % 1000000000000ULL, buf)) >= TMPL_KATA_MAX ||
	    strlen(tmpl_urutan(n, buf)) >= TMPL_KATA_MAX ||
	    strlen(tmpl_urutan(n % 100000ULL, buf)) >= TMPL_KATA_MAX)
		fz_bug("Indonesian words overflowed");
	(void)tmpl_bulan((int)(n % 16) - 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum tmpl_teks_id id;
	const char *why = NULL, *bad = NULL;
	size_t off = 0, len = 0, n;
	doc *d;
	doc_section *s;
	doc_text t;
	char *text;

	if (size < 1)
		return 0;
	id = (enum tmpl_teks_id)(data[0] % TT_N);
	if (size >= 9)
		words(data + 1);
	text = fz_cstr(data + 1, size - 1);
	d = doc_new();
	s = doc_add_section(d, "fuzz");
	n = markup_blocks(d, s, text, NULL);
	if (n != s->n_block)
		fz_bug("markup_blocks says %zu blocks, the section has %zu", n,
		    s->n_block);
	for (size_t i = 0; i < s->n_block; i++)
		if (s->block[i].type != DOC_PARA && s->block[i].type != DOC_ITEM)
			fz_bug("markup_blocks made a block of type %d",
			    (int)s->block[i].type);
	t = markup_inline(d, text, NULL);
	check_text(&t);
	(void)doc_text_str(d, &t);
	(void)doc_upper(d, text);
	if (tmpl_periksa(id, text, &off, &len, &why) == 0) {
		fz_isi x;
		arena a = { 0 };
		char *out;
		markup_opts o = { fz_isi_run, &x, 12.0, NULL };

		fz_isi_init(&x, id);
		if (tmpl_isi(&a, text, x.v, x.n, &out, &bad) != 0)
			fz_bug("tmpl_periksa accepts, tmpl_isi refuses at %s",
			    bad ? bad : "?");
		arena_free(&a);
		markup_blocks(d, s, text, &o);
		(void)markup_inline(d, text, &o);
		fz_isi_free(&x);
		if (x.failed)
			fz_bug("the text passes tmpl_periksa (as %s), but a run "
			    "of its markup does not fill",
			    tmpl_teks_nama(id));
	} else {
		if (why == NULL || off > strlen(text) || len > strlen(text) - off)
			fz_bug("tmpl_periksa refused without a reason or a "
			    "place inside the text");
	}
	doc_free(d);
	free(text);
	return 0;
}
