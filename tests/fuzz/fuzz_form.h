/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz_form.h - what fuzz_formdesc.c and fuzz_fdvalidate.c check of a
 * field (tui/formdesc.h). */
#ifndef LK_FUZZ_FORM_H
#define LK_FUZZ_FORM_H

#include "fuzz.h"

#include "core/arena.h"
#include "tui/formdesc.h"

/* The shape formdesc.h promises of a loaded field. */
static inline void
fz_field_shape(const fd_field *f)
{
	if (f->name == NULL || f->label == NULL)
		fz_bug("field without a name or a label");
	if (f->width < 1 || f->width > FD_WIDTH_MAX)
		fz_bug("field %s: width %d outside 1..%d", f->name, f->width,
		    FD_WIDTH_MAX);
	if (f->type == FD_MULTILINE ? (f->height < 1 || f->height > FD_HEIGHT_MAX)
	    : f->height != 1)
		fz_bug("field %s: height %d", f->name, f->height);
	if (f->max_length < 0)
		fz_bug("field %s: max_length %d", f->name, f->max_length);
	if (f->type == FD_CHOICE && (f->n_choice == 0 || f->choice == NULL))
		fz_bug("field %s: a choice without choices", f->name);
	for (size_t i = 0; i < f->n_choice; i++)
		if (f->choice[i].value == NULL || f->choice[i].label == NULL)
			fz_bug("field %s: choice %zu without value or label",
			    f->name, i);
}

/* fd_validate on input; when accepted, what it shows back (and what
 * fd_display makes of the canonical value) must validate again to the
 * same canonical value.  choice_roundtrip: also for choices (a fuzzed
 * form may give one choice the label of another). */
static inline void
fz_field_check(arena *a, const fd_field *f, const char *input,
	       bool choice_roundtrip)
{
	char *canon = NULL, *disp = NULL, *canon2 = NULL, *disp2 = NULL;
	const char *why = NULL, *shown;

	if (fd_validate(a, f, input, &canon, &disp, &why) != 0) {
		if (why == NULL)
			fz_bug("field %s: refused without a reason", f->name);
		if (canon != NULL || disp != NULL)
			fz_bug("field %s: refused but set the outputs", f->name);
		return;
	}
	if (canon == NULL || disp == NULL)
		fz_bug("field %s: accepted without outputs", f->name);
	shown = fd_display(a, f, canon);
	if (shown == NULL)
		fz_bug("field %s: fd_display gave NULL", f->name);
	if (f->type == FD_CHOICE && !choice_roundtrip)
		return;
	if (strcmp(shown, disp) != 0)
		fz_bug("field %s: \"%s\" is shown as \"%s\" but fd_display of "
		    "its canonical \"%s\" is \"%s\"", f->name, input, disp,
		    canon, shown);
	if (fd_validate(a, f, disp, &canon2, &disp2, &why) != 0)
		fz_bug("field %s: \"%s\" was accepted as \"%s\" (shown \"%s\"), "
		    "but what is shown is refused: %s", f->name, input, canon,
		    disp, why ? why : "?");
	if (strcmp(canon, canon2) != 0)
		fz_bug("field %s: \"%s\" -> \"%s\" (shown \"%s\") -> \"%s\"",
		    f->name, input, canon, disp, canon2);
}

#endif
