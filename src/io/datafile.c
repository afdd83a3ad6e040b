/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "io/datafile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/priv.h"

int
datafile_find(const char *name, char *out, size_t n, lk_err *e)
{
	char dirs[3][1024];
	const char *v;
	size_t nd = 0, i;
	char tried[3 * 1100] = "";

	/* Not for a setgid install: a user does not choose its data. */
	if ((v = priv_getenv("LAKIP_DATA_DIR")) != NULL && *v)
		snprintf(dirs[nd++], sizeof dirs[0], "%s", v);
	/* Templates make the official documents: a user's home does not
	 * change a printed word or predikat. */
	if (strncmp(name, "templates/", 10) == 0)
		;
	else if ((v = getenv("XDG_CONFIG_HOME")) != NULL && *v)
		snprintf(dirs[nd++], sizeof dirs[0], "%s/lakip", v);
	else if ((v = getenv("HOME")) != NULL && *v)
		snprintf(dirs[nd++], sizeof dirs[0], "%s/.config/lakip", v);
	snprintf(dirs[nd++], sizeof dirs[0], "%s", PKGDATADIR);

	for (i = 0; i < nd; i++) {
		int len = snprintf(out, n, "%s/%s", dirs[i], name);

		if (len < 0 || (size_t)len >= n)
			continue;
		if (access(out, R_OK) == 0)
			return 0;
		if (*tried)
			strncat(tried, ", ", sizeof tried - strlen(tried) - 1);
		strncat(tried, out, sizeof tried - strlen(tried) - 1);
	}
	return lk_fail(e, EX_NOINPUT, _("data file %s not found (looked in: %s)"),
		       name, tried);
}
