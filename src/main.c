/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* main.c - the lakip program: everything else is in the libraries. */
#include "config.h"

#include "cli/cli.h"
#include "core/priv.h"

int
main(int argc, char **argv)
{
	priv_init();             /* a setgid install: the group only for the database */
	return cli_main(argc, argv);
}
