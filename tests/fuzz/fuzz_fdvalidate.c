/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_fdvalidate.c - what people type into the forms (fd_validate of
 * tui/formdesc.h): dates, NIPs, decimals, money, whole numbers, choices,
 * one-line and multi-line text.
 *
 * The built-in forms (forms/NAME.yaml, compiled in) are parsed once; a
 * whole-number field (none is built in) and an optional choice field
 * are added.  Input: byte 0 picks a field (in the order of
 * formdesc_builtin, then those two), the rest is what is typed.  What is
 * accepted must be shown back (and fd_display'ed) as text that validates
 * again to the same canonical value.
 */
#include "config.h"
#include "fuzz_form.h"

static const fd_choice choices[] = {
	{ "tw1", "Triwulan I", "First quarter" },
	{ "tw2", "Triwulan II", "Second quarter" },
	{ "tahunan", "Tahunan", NULL },
};
static const fd_field extra[] = {
	{ .name = "tahun", .label = "Tahun", .type = FD_INTEGER, .width = 12,
	  .height = 1, .required = true, .has_min = true, .has_max = true,
	  .min = 1900, .max = 2999 },
	{ .name = "periode", .label = "Periode", .type = FD_CHOICE, .width = 20,
	  .height = 1, .choice = (fd_choice *)choices, .n_choice = 3 },
};

static arena forms;
static const fd_field **field;
static size_t n_field;

static void
load_forms(void)
{
	size_t cap = 0;

	for (size_t i = 0; formdesc_builtin[i].name != NULL; i++) {
		const char *text = formdesc_builtin[i].text;
		form_desc *fd;
		lk_err e;

		if (formdesc_parse(&forms, formdesc_builtin[i].name, text,
		    strlen(text), &fd, &e) != 0)
			fz_bug("the built-in form %s does not load: %s",
			    formdesc_builtin[i].name, e.msg);
		for (size_t j = 0; j < fd->n_field; j++) {
			if (n_field == cap) {
				cap = cap ? 2 * cap : 64;
				field = realloc(field, cap * sizeof *field);
				if (field == NULL)
					abort();
			}
			fz_field_shape(&fd->field[j]);
			field[n_field++] = &fd->field[j];
		}
	}
	if (n_field == 0)
		fz_bug("no built-in form has a field");
	field = realloc(field, (n_field + 2) * sizeof *field);
	if (field == NULL)
		abort();
	field[n_field++] = &extra[0];
	field[n_field++] = &extra[1];
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	arena a = { 0 };
	char *s;

	if (field == NULL)
		load_forms();
	if (size < 1)
		return 0;
	s = fz_cstr(data + 1, size - 1);
	fz_field_check(&a, field[data[0] % n_field], s, true);
	free(s);
	arena_free(&a);
	return 0;
}
