/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* show_tahunan.h - `show --tahunan`, the figures of the whole year. */
#ifndef LK_SHOW_TAHUNAN_H
#define LK_SHOW_TAHUNAN_H

#include <stdbool.h>

#include "cli/cli.h"

#define LK_NELEM_(a) (sizeof(a) / sizeof((a)[0]))

/* Print the year's tables (table NULL: all; "iku", "sasaran", "program")
 * as text or CSV (tsv: tab-separated).  Returns a sysexits code. */
int show_tahunan(cli_ctx *c, const char *instansi, int tahun,
		 const char *table, bool text, bool tsv);

#endif
