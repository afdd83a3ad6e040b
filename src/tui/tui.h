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
