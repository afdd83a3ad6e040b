/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* copy.c - `lakip copy FROM TO` (see copy.h): who may, and the two
 * databases opened for it. */
#include "config.h"
#include "svc/copy.h"

#include <string.h>
#include <sysexits.h>

#include "core/i18n.h"
#include "store/workflow.h"

int
svc_copy(const char *from, const char *to, store_copy_result *res,
	 lk_err *e)
{
	store *s;
	int rc;

	if (strcmp(from, to) == 0)
		return lk_fail(e, EX_USAGE, _("%s: a database cannot be copied onto "
					      "itself"), from);
	if (!store_exists(from))
		return lk_fail(e, EX_NOINPUT, _("%s: no such database"), from);
	if ((rc = store_open(from, STORE_READONLY, &s, e)) != 0)
		return rc;
	/* the copy holds everything, users and roles too: an admin's */
	if ((rc = store_izin(s, AKSI_PENGGUNA, e)) == 0)
		rc = store_copy_to(s, to, res, e);
	store_close(s);
	return rc;
}
