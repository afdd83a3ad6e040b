/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cli_zona.c - instants printed by the command line in the agency's
 * zone (core/zona.h), as every screen shows them. */
#include "config.h"
#include "cli/cli.h"

#include <stdio.h>
#include <time.h>

#include "core/zona.h"

void
cli_print_time(const char *label, int64_t t, const char *zona)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char utc[32], buf[64];

	if (t == 0 || gmtime_r(&tt, &tm) == NULL) {
		printf("%s-\n", label);
		return;
	}
	strftime(utc, sizeof utc, "%Y-%m-%dT%H:%M:%SZ", &tm);
	zona_lokal(utc, zona, true, buf, sizeof buf);
	printf("%s%s\n", label, buf);
}

const char *
cli_day(int64_t t, const char *zona, char buf[32])
{
	zona_tanggal_detik(t, zona, buf, 32);
	return buf;
}
