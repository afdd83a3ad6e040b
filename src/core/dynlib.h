/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* dynlib.h - a shared library loaded (dlopen) when a command first needs
 * it, for the libraries only some commands use: every library linked
 * into lakip is mapped and relocated at the start of every command (a
 * report, a screen of the terminal application), and libxlsxwriter,
 * libzip and their own libraries cost a twentieth of a short report.
 *
 * Owns: opening the library by its soname and finding each function of
 * a list.  The library stays loaded for the process.
 *
 * Errors: EX_UNAVAILABLE naming the library, the Debian package to
 * install and dlerror's reason.
 */
#ifndef LK_DYNLIB_H
#define LK_DYNLIB_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

/* One function to find: its name, and where its address goes (the
 * address of a function pointer of the function's own type). */
typedef struct dynlib_fn {
	const char *name;
	void *slot;
} dynlib_fn;

/* A library and its functions, loaded once. */
typedef struct dynlib {
	const char *soname;       /* "libzip.so.4" */
	const char *package;      /* the Debian package that has it */
	const dynlib_fn *fn;
	size_t n_fn;
	bool loaded;
} dynlib;

/* The library loaded and every function found (0), once; afterwards 0
 * at once.  Nothing is changed when a function is missing. */
int dynlib_load(dynlib *l, lk_err *e);

#endif
