/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* lktest.h - shared helpers of the check unit tests.
 *
 * Each test program defines lktest_suite(); lktest.c holds main(), which
 * runs the suite with TAP output for automake's tap-driver.
 * Table-driven tests: an array of cases and tcase_add_loop_test().
 */
#ifndef LKTEST_H
#define LKTEST_H

#include <check.h>
#include <stddef.h>

#define LK_NELEM(a) (sizeof(a) / sizeof((a)[0]))

Suite *lktest_suite(void);

/* Path of a file below the source tree ($LAKIP_SRCDIR, else "."):
 * static buffer, valid until the next call. */
const char *lktest_path(const char *rel);

/* A fresh temporary directory (removed at exit by the caller's teardown
 * with lktest_rmtree). Static buffer. */
const char *lktest_tmpdir(void);
void lktest_rmtree(const char *dir);

#endif
