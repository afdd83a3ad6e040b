/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_priv.c - the configuration file and, without the setgid bit, that
 * nothing changes.  The setgid behaviour itself needs an installed setgid
 * program and other accounts: tests/e2e/trust.sh.
 */
#include "config.h"
#include "lktest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/priv.h"

static char tmp[1024];

static void
write_conf(const char *text)
{
	char path[1100];
	FILE *f;

	snprintf(path, sizeof path, "%s/lakip.conf", tmp);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
	setenv("LAKIP_CONF", path, 1);
}

START_TEST(test_not_setgid)
{
	char why[256] = "x";

	priv_init();
	ck_assert(!priv_setgid());
	ck_assert(priv_group() == getgid());
	priv_enter();
	priv_leave();
	ck_assert(getegid() == getgid());
	setenv("LAKIP_TEST_PRIV", "v", 1);
	ck_assert_str_eq(priv_getenv("LAKIP_TEST_PRIV"), "v");
	/* Any database: the user's own rights decide. */
	ck_assert(priv_db_allowed("/nonexistent/dir/x.db", why, sizeof why));
	ck_assert_str_eq(why, "");
	priv_drop();
	ck_assert(getegid() == getgid());
}
END_TEST

/* Keys, comments, blanks; several databases, the first the default. */
START_TEST(test_conf)
{
	snprintf(tmp, sizeof tmp, "%s", lktest_tmpdir());
	write_conf("# lakip on the office server\n"
	    "\n"
	    "  database =  /srv/lakip/kinerja.db   # the province\n"
	    "colour = yes\n"
	    "not a line\n"
	    "database=/srv/lakip/kabupaten.db\r\n"
	    "database =\n");
	ck_assert_str_eq(priv_conf_path(), getenv("LAKIP_CONF"));
	ck_assert_str_eq(priv_conf_db(0), "/srv/lakip/kinerja.db");
	ck_assert_str_eq(priv_conf_db(1), "/srv/lakip/kabupaten.db");
	ck_assert_ptr_null(priv_conf_db(2));
	lktest_rmtree(tmp);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("priv");
	TCase *tc = tcase_create("priv");

	tcase_add_test(tc, test_not_setgid);
	tcase_add_test(tc, test_conf);
	suite_add_tcase(s, tc);
	return s;
}
