/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_formdesc.c - form descriptions, forms/NAME.yaml (tui/formdesc.h).
 *
 * formdesc_parse on the input (named "fuzz-form", so the form may have
 * any name); when it is accepted, the shape of every field, and
 * fd_validate / fd_display of a few typical inputs in every field (the
 * fuzzed bounds, lengths and choices at work).
 */
#include "config.h"
#include "fuzz_form.h"

static const char *const inputs[] = {
	"", " ", "abc", "  teks dengan spasi  ", "baris\nkedua\n", "78,50",
	"1.234,5", "78.5", "-3", "Rp 11.393.254.909,50", "1.250", "2023",
	"14-07-2023", "2023-07-14", "14 Juli 2023", "31/02/2023",
	"19661022 199308 1 001", "positif", "p", "N", "\xe2\x80\xae",
	"99999999999999999999",
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	arena a = { 0 };
	form_desc *fd = NULL;
	lk_err e;

	if (formdesc_parse(&a, "fuzz-form", (const char *)data, size, &fd,
	    &e) != 0) {
		if (fd != NULL)
			fz_bug("formdesc_parse failed but set *out");
		if (e.code == 0 || e.msg[0] == '\0')
			fz_bug("formdesc_parse failed without a message");
		arena_free(&a);
		return 0;
	}
	if (fd == NULL || fd->name == NULL || fd->title == NULL)
		fz_bug("formdesc_parse accepted a form without name or title");
	(void)formdesc_title(fd, true);
	for (size_t i = 0; i < fd->n_field; i++) {
		const fd_field *f = &fd->field[i];

		fz_field_shape(f);
		if (formdesc_field(fd, f->name) == NULL)
			fz_bug("formdesc_field does not find %s", f->name);
		(void)fd_field_label(f, true);
		(void)fd_field_help(f, true);
		for (size_t j = 0; j < sizeof inputs / sizeof *inputs; j++)
			fz_field_check(&a, f, inputs[j], false);
		for (size_t j = 0; j < f->n_choice && j < 8; j++) {
			fz_field_check(&a, f, f->choice[j].value, false);
			fz_field_check(&a, f, f->choice[j].label, false);
			(void)fd_choice_label(&f->choice[j], true);
			(void)fd_choice_find(f, f->choice[j].value);
		}
	}
	arena_free(&a);
	return 0;
}
