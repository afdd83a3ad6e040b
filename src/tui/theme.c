/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* theme.c - colour roles with monochrome fallbacks (see theme.h). */
#include "config.h"
#include "tui/theme.h"

#include <stdlib.h>
#include <string.h>

typedef struct role_def {
	short fg, bg;     /* colour pair, -1 = default */
	attr_t colour;    /* extra attribute with colour */
	attr_t mono;      /* attribute without colour */
} role_def;

static const role_def defs[TR_N] = {
	[TR_NORMAL] = { -1, -1, A_NORMAL, A_NORMAL },
	[TR_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[TR_BAR] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[TR_BAR_KEY] = { COLOR_WHITE, COLOR_BLACK, A_BOLD, A_BOLD },
	[TR_HEADING] = { -1, -1, A_BOLD, A_BOLD },
	[TR_LABEL] = { -1, -1, A_NORMAL, A_NORMAL },
	[TR_FIELD] = { COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_UNDERLINE },
	[TR_FIELD_FOCUS] = { COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE },
	[TR_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_REVERSE },
	[TR_INFO] = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[TR_HINT] = { COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
	[TR_COLHEAD] = { -1, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE },
	[TR_SELECT] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[TR_GROUP] = { -1, -1, A_BOLD, A_BOLD },
	[TR_BAIK] = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[TR_CUKUP] = { COLOR_YELLOW, -1, A_BOLD, A_NORMAL },
	[TR_KURANG] = { COLOR_RED, -1, A_BOLD, A_UNDERLINE },
	[TR_BORDER] = { COLOR_BLUE, -1, A_BOLD, A_BOLD },
	[TR_MATCH] = { COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_BOLD | A_UNDERLINE },
};

static bool use_colour;

void
theme_init(void)
{
	const char *nc = getenv("NO_COLOR");
	bool defaults;
	int i;

	use_colour = (nc == NULL || *nc == '\0') && has_colors();
	if (!use_colour)
		return;
	start_color();
	defaults = use_default_colors() == OK;
	for (i = 1; i < TR_N; i++) {
		/* Without the terminal's own colours, white on black. */
		short fg = defs[i].fg < 0 && !defaults ? COLOR_WHITE : defs[i].fg;
		short bg = defs[i].bg < 0 && !defaults ? COLOR_BLACK : defs[i].bg;

		init_pair((short)i, fg, bg);
	}
}

bool
theme_has_colour(void)
{
	return use_colour;
}

attr_t
theme_attr(enum theme_role r)
{
	if (r <= TR_NORMAL || r >= TR_N)
		return A_NORMAL;
	if (!use_colour)
		return defs[r].mono;
	return COLOR_PAIR(r) | defs[r].colour;
}

enum theme_role
theme_warna(const char *warna)
{
	if (warna == NULL)
		return TR_NORMAL;
	if (strcmp(warna, "baik") == 0)
		return TR_BAIK;
	if (strcmp(warna, "cukup") == 0)
		return TR_CUKUP;
	if (strcmp(warna, "kurang") == 0)
		return TR_KURANG;
	return TR_NORMAL;
}
