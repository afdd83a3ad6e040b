/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "lktest.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *
lktest_path(const char *rel)
{
	static char buf[PATH_MAX];
	const char *top = getenv("LAKIP_SRCDIR");

	snprintf(buf, sizeof buf, "%s/%s", top && *top ? top : ".", rel);
	return buf;
}

const char *
lktest_tmpdir(void)
{
	static char buf[PATH_MAX];
	const char *t = getenv("TMPDIR");

	snprintf(buf, sizeof buf, "%s/lakip-test-XXXXXX", t && *t ? t : "/tmp");
	if (mkdtemp(buf) == NULL) {
		perror("mkdtemp");
		abort();
	}
	return buf;
}

void
lktest_rmtree(const char *dir)
{
	char cmd[PATH_MAX + 16];

	if (dir == NULL || strncmp(dir, "/", 1) != 0 || strstr(dir, "lakip-test-") == NULL)
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

int
main(void)
{
	SRunner *sr = srunner_create(lktest_suite());

	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	/* In TAP mode the driver reads the results; exit 0. */
	return 0;
}
