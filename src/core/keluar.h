/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* keluar.h - putting a finished output file in its place.
 *
 * Owns: the last step of every output written to a temporary file
 * beside it (reports, exports, signed copies): renamed over the path,
 * unless the path names something that is not a regular file -- a device
 * such as /dev/null or /dev/stdout, a FIFO -- which a rename would
 * replace (as root, /dev/null itself): then the bytes are copied into it
 * and the temporary file removed.  libc only.
 */
#ifndef LK_KELUAR_H
#define LK_KELUAR_H

#include <stdbool.h>

/* tmp into place as path: 0, or -1 with errno set (tmp is left for the
 * caller to remove).  *renamed (may be NULL): path is now tmp's file (a
 * caller undoing it may remove path), not a device written into. */
int lk_keluar(const char *tmp, const char *path, bool *renamed);

#endif
