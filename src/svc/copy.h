/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* copy.h - a whole database copied to a new one (`lakip copy`). */
#ifndef LK_SVC_COPY_H
#define LK_SVC_COPY_H

#include "core/err.h"
#include "store/store.h"

/* Copy the database from (a file or postgresql://...) into to, a new
 * file or an empty database on a server, as an admin of from: every
 * agency and year, users and roles, settings and templates, locks,
 * signed PDFs, the audit chain; all or nothing.  Opened read-only, from
 * must be at this lakip's schema version. */
int svc_copy(const char *from, const char *to, store_copy_result *res,
	     lk_err *e);

#endif
