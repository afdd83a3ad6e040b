/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* form.h - the generic form engine: any form_desc on the ncurses form
 * library.
 *
 * Owns: laying out the fields of a form_desc (labels, inputs of the
 * described width, pages when the screen is short, rebuilt on resize),
 * editing them (single-line fields through the form library with
 * form_driver_w; multi-line fields in a textedit that keeps line breaks,
 * with Ctrl-E/F4 for $EDITOR; choice fields cycled with Space and arrows
 * or chosen from a small menu), checking a field with fd_validate when it
 * is left (the error is shown beside it and the cursor stays; a valid
 * value is shown back in its canonical display form), the help line of
 * the focused field, asking before changes are dropped, and keeping a
 * draft when the program is hung up or killed.
 *
 * Screens give values by field name (get) and take them back by name
 * (apply): a field added to or reordered in forms/NAME.yaml needs no
 * code.  apply is called with every field valid; it puts the values in
 * the model and saves (app_save); on failure it fills form_fail and the
 * form stays open with what was typed.
 */
#ifndef LK_TUI_FORM_H
#define LK_TUI_FORM_H

#include <stdbool.h>

#include "tui/draft.h"
#include "tui/formdesc.h"
#include "tui/tui_int.h"

typedef struct form form;

typedef struct form_fail {
	char msg[512];
	const char *field;     /* field to put the cursor on, or NULL */
} form_fail;

typedef struct form_spec {
	const form_desc *fd;
	const char *title;     /* heading */
	const char *subtitle;  /* the entity ("IKU1"), or NULL */
	int step;              /* 1..10 for "Step 4 of 10", 0 none */
	enum peran_aksi aksi;  /* what saving changes: AKSI_UBAH_RENCANA or
	                        * AKSI_UBAH_DATA (checked before F2 saves;
	                        * apply passes it to app_save too) */
	const char *help;      /* the view's help text (translated) */
	/* Canonical value of a field for a start, or NULL (empty). */
	const char *(*get)(void *ud, const char *name);
	int (*apply)(void *ud, const form *f, form_fail *fail);
	/* A field whose value is chosen from a list the screen knows
	 * (Enter opens it): pick returns true and *out (malloc'ed). */
	const char *pick_field;
	bool (*pick)(void *ud, const char *current, char **out);
	/* Lines drawn above the fields (context for the user). */
	void (*info)(void *ud, int y, int x, int h, int w);
	int info_rows;
	bool grow;             /* multi-line fields take the free rows */
	void *ud;
	/* Drafts: dk.form NULL means none.  restore: typed values to start
	 * from (a draft offered back at start). */
	draft_key dk;
	const char *draft_title;
	const draft *restore;
} form_spec;

enum form_end {
	FORM_SAVED, FORM_CANCELLED, FORM_TERMINATED, FORM_NEXT_STEP,
	FORM_PREV_STEP, FORM_STEPS, FORM_QUIT,
};

int form_run(app *a, const form_spec *s);

/* In apply: the canonical value of a field ("" when empty), or NULL when
 * the form has no such field (leave the model as it is). */
const char *form_value(const form *f, const char *name);

/* Forms made in code (narratives, lists, supporting tables) and fields
 * added to a loaded form (program.sasaran).  Memory in a. */
form_desc *form_desc_new(arena *a, const char *name, const char *title);
fd_field *form_desc_add(arena *a, form_desc *fd, const char *name,
			const char *label, enum fd_type type, int width,
			int height, bool required, int max_length,
			const char *help);
/* A copy of fd whose field array can be changed (form_desc_add). */
form_desc *form_desc_copy(arena *a, const form_desc *fd);

#endif
