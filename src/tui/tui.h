/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* tui.h - the terminal application (ncurses). */
#ifndef LK_TUI_H
#define LK_TUI_H

typedef struct tui_opts {
	const char *db;        /* database path */
	const char *lang;      /* "id", "en" */
} tui_opts;

/* Runs the application until the user quits; returns an exit status. */
int tui_main(const tui_opts *o);

#endif
