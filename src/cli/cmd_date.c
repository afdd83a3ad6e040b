/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_date.c - a quarter's report date: shown, set or cleared.  It is the
 * user's decision, never today by default (a report without it says so
 * where the date goes, and finalise refuses); the work is the service
 * layer's (svc_set_tanggal), here are the options and what is printed.
 */
#include "config.h"
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "svc/svc.h"

/* "YYYY-MM-DD" into y, m, d; false when it is not one. */
static bool
parse_iso(const char *s, int *y, int *m, int *d)
{
	for (int i = 0; i < 10; i++)
		if (s[i] == '\0' || ((i == 4 || i == 7) ? s[i] != '-' :
				     (s[i] < '0' || s[i] > '9')))
			return false;
	if (s[10] != '\0')
		return false;
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	return *y >= 1 && tanggal_sah(*y, *m, *d);
}

int
cmd_date(cli_ctx *c)
{
	lk_err e = { 0, "" };
	cli_period p = { NULL, 0, 0 };
	const char *set = NULL;
	bool clear = false;
	int ch, rc, y = 0, m = 0, d = 0;
	svc_period per;
	store *s;
	svc v;

	while ((ch = cli_getopt(c)) != -1) {
		if ((rc = cli_period_opt(c, ch, &p)) >= 0) {
			if (rc != 0)
				return rc;
		} else if (ch == 's')
			set = optarg;
		else if (ch == 'c')
			clear = true;
		else
			return EX_USAGE;
	}
	if ((rc = cli_period_done(c, &p, true)) != 0)
		return rc;
	if (set != NULL && clear)
		return cli_usage(c, _("--set and --clear exclude each other"));
	if (set != NULL && !parse_iso(set, &y, &m, &d))
		return cli_error(EX_DATAERR, _("--set: expected a date YYYY-MM-DD, "
				 "found '%s'"), set);
	if (set == NULL && !clear) {
		const triwulan *t;

		if ((rc = cli_open_period(c, &p, &per)) != 0)
			return rc;
		t = &per.r->tw[p.tw];
		if (t->ada && triwulan_bertanggal(t))
			printf(_("%s, Triwulan %s %d: report date %02d-%02d-%04d\n"),
			       per.kode, tw_romawi(p.tw), p.tahun, t->hari, t->bulan,
			       t->tahun);
		else
			printf(_("%s, Triwulan %s %d: no report date yet (the report "
				 "prints \"%s\"; finalise refuses)\n"), per.kode,
			       tw_romawi(p.tw), p.tahun, "[tanggal belum ditetapkan]");
		svc_period_free(&per);
		return 0;
	}
	if ((rc = cli_open_store(c, 0, &s)) != 0)
		return rc;
	if ((rc = svc_init(&v, s, &e)) == 0 &&
	    (rc = svc_open(&v, p.instansi, p.tahun, p.tw, AKSI_UBAH_DATA, &per,
			   &e)) == 0) {
		rc = svc_set_tanggal(&v, &per, y, m, d, &e);
		if (rc == 0 && clear)
			printf(_("%s, Triwulan %s %d: the report date is cleared (not "
				 "set)\n"), per.kode, tw_romawi(p.tw), p.tahun);
		else if (rc == 0)
			printf(_("%s, Triwulan %s %d: report date set to "
				 "%02d-%02d-%04d\n"), per.kode, tw_romawi(p.tw),
			       p.tahun, d, m, y);
		svc_period_free(&per);
	}
	svc_done(&v);
	store_close(s);
	return rc ? cli_report(&e) : 0;
}
