/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* datafile.h - where lakip finds its data files (templates, forms).
 *
 * A relative name such as "templates/predikat.yaml" is looked up, first
 * found wins, in:
 *   1. $LAKIP_DATA_DIR/NAME              (tests, uninstalled runs)
 *   2. $XDG_CONFIG_HOME/lakip/NAME, else ~/.config/lakip/NAME (the user's
 *      own copy overrides the installed one) -- not for templates/...:
 *      the templates and predikat bands make the official documents,
 *      which depend on the installation and the database alone
 *   3. PKGDATADIR/NAME                   (installed defaults)
 * $LAKIP_DATA_DIR is ignored by a setgid install (core/priv.h).
 */
#ifndef LK_DATAFILE_H
#define LK_DATAFILE_H

#include <stddef.h>

#include "core/err.h"

/* Fills out (size n) with the path found; EX_NOINPUT (naming every place
 * looked at) when there is none. */
int datafile_find(const char *name, char *out, size_t n, lk_err *e);

#endif
