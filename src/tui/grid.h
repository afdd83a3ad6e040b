/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* grid.h - the realisation grid: one row per IKU (or program), typed
 * fast.
 *
 * Owns: the rows of a quarter's realisations (target, the previous
 * quarter's value, the value being typed, capaian and predikat computed
 * as the value is typed), moving down after Enter, checking a value with
 * fd_validate when its row is left (the error is shown and the cursor
 * stays), saving all changed rows in one transaction (F2), asking before
 * changes are dropped, and a draft on hang-up.  An empty cell means "not
 * known yet", which is not 0.
 */
#ifndef LK_TUI_GRID_H
#define LK_TUI_GRID_H

#include <stdbool.h>

#include "tui/draft.h"
#include "tui/tui_int.h"

enum grid_kind { GRID_IKU, GRID_PROGRAM };

/* Runs the grid of quarter a->tw; returns an enum form_end (form.h).
 * restore: a draft to start from, or NULL. */
int grid_run(app *a, enum grid_kind kind, int step, const draft *restore);

#endif
