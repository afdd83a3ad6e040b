/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_audit.c - `lakip audit verify` and `lakip audit log`. */
#include "config.h"
#include "cli/cli.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/peran.h"
#include "core/zona.h"
#include "sign/sign.h"
#include "store/workflow.h"

/* One line per record; values are shown in full, newlines as "\n". */
static void
put_value(const char *v)
{
	if (v == NULL) {
		fputs("-", stdout);
		return;
	}
	putchar('"');
	for (; *v; v++) {
		if (*v == '\n')
			fputs("\\n", stdout);
		else if (*v == '\t')
			fputs("\\t", stdout);
		else if (*v == '"' || *v == '\\')
			printf("\\%c", *v);
		else
			putchar(*v);
	}
	putchar('"');
}

/* The zone of each agency a record names (the first part of its scope),
 * looked up once; a record of no agency (users) takes the only agency's,
 * else the default. */
#define ZONA_MAX 64
typedef struct zona_cache {
	store *s;
	size_t n;
	char *kode[ZONA_MAX], *zona[ZONA_MAX];
	char *satu;              /* the only agency's */
	bool satu_ok;
	const char *since;       /* audit log --since: a local day, or NULL */
} zona_cache;

static const char *
zona_of(zona_cache *zc, const char *scope)
{
	char kode[256];
	size_t len, i;
	lk_err e = { 0, "" };

	if (scope == NULL || (len = strcspn(scope, "/")) == 0 ||
	    len >= sizeof kode) {
		if (!zc->satu_ok) {
			if (store_zona_waktu(zc->s, NULL, &zc->satu, &e) != 0)
				zc->satu = NULL;
			zc->satu_ok = true;
		}
		return zc->satu;
	}
	memcpy(kode, scope, len);
	kode[len] = '\0';
	for (i = 0; i < zc->n; i++)
		if (strcmp(zc->kode[i], kode) == 0)
			return zc->zona[i];
	if (zc->n == ZONA_MAX)
		return NULL;
	if (store_zona_waktu(zc->s, kode, &zc->zona[zc->n], &e) != 0)
		zc->zona[zc->n] = NULL;
	if ((zc->kode[zc->n] = strdup(kode)) == NULL)
		lk_fatal("out of memory");
	return zc->zona[zc->n++];
}

static void
zona_cache_free(zona_cache *zc)
{
	for (size_t i = 0; i < zc->n; i++) {
		free(zc->kode[i]);
		free(zc->zona[i]);
	}
	free(zc->satu);
}

static int
print_rec(void *arg, const store_audit_rec *r)
{
	zona_cache *zc = arg;
	const char *zona = zona_of(zc, r->scope);
	char when[64], day[16];

	/* --since is a day of the agency's calendar, not of UTC. */
	if (zc->since != NULL && zona_tanggal_lokal(r->at, zona, day, sizeof day) &&
	    strcmp(day, zc->since) < 0)
		return 0;
	zona_lokal(r->at, zona, true, when, sizeof when);
	printf("%" PRId64 " %s %s %s %s %s%s%s%s%s ", r->id, when, r->login,
	       audit_aksi_label(r->action), r->scope ? r->scope : "-", r->tbl,
	       r->kode ? " " : "", r->kode ? r->kode : "",
	       r->field ? "." : "", r->field ? r->field : "");
	put_value(r->old);
	fputs(" -> ", stdout);
	put_value(r->new_);
	putchar('\n');
	return 0;
}

static bool
is_date(const char *s)
{
	int y, m, d;
	char rest;

	return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3
		&& s[4] == '-' && s[7] == '-' && tanggal_sah(y, m, d);
}

/* Does the history up to the head a signed report carries (finalise puts
 * it in its signature) match the chain in the database?  Rewriting the
 * chain after a signature changes the hash of that record: any signed
 * copy kept elsewhere then shows it.  Prints one line; false on a
 * mismatch. */
static bool
against(store *s, const char *file, bool chain_ok, lk_err *e)
{
	sign_verify_result vr;
	char want[65], have[65];
	int64_t id = 0;
	bool found = false;
	int n = 0;

	if (sign_verify(file, &vr, e) != 0) {
		printf("%s: %s\n", file, e->msg);
		return false;
	}
	if (!vr.signed_ || !vr.digest_ok || !vr.signature_ok) {
		printf(_("%s: NOT a validly signed file\n"), file);
		return false;
	}
	if (sscanf(vr.app_data, "audit-head: %" SCNd64 " %64[0-9a-f]%n", &id,
		   want, &n) != 2 || vr.app_data[n] != '\0' || strlen(want) != 64) {
		printf(_("%s: carries no audit head (not finalised by this "
			 "version of lakip)\n"), file);
		return false;
	}
	if (id == 0) {
		printf(_("%s: signed before the first audit record\n"), file);
		return chain_ok;
	}
	if (store_audit_hash_of(s, id, have, &found, e) != 0) {
		printf("%s: %s\n", file, e->msg);
		return false;
	}
	if (!found || strcmp(have, want) != 0) {
		printf(_("%s: the history up to record %" PRId64 " was REWRITTEN "
			 "since this report was signed (it signed %.16s..., the "
			 "database holds %s)\n"), file, id, want,
		       found ? have : _("no such record"));
		return false;
	}
	printf(_("%s: the history up to record %" PRId64 " is the one this "
		 "report signed%s\n"), file, id, chain_ok ? "" :
	       _(", but the chain is broken"));
	return chain_ok;
}

#define MAX_AGAINST 256

int
cmd_audit(cli_ctx *c)
{
	lk_err e = { 0, "" };
	const char *since = NULL, *user = NULL, *sub, *files[MAX_AGAINST];
	store_audit_check chk;
	size_t n_files = 0;
	store *s;
	int ch, rc;

	while ((ch = cli_getopt(c)) != -1) {
		if (ch == 's')
			since = optarg;
		else if (ch == 'u')
			user = optarg;
		else if (ch == 'A') {
			if (n_files == MAX_AGAINST)
				return cli_usage(c, _("at most %d files with --against"),
						 MAX_AGAINST);
			files[n_files++] = optarg;
		} else
			return EX_USAGE;
	}
	if (optind >= c->argc)
		return cli_usage(c, _("expected verify or log"));
	sub = c->argv[optind];
	if (optind + 1 < c->argc)
		return cli_usage(c, _("unexpected argument '%s'"), c->argv[optind + 1]);
	if (strcmp(sub, "verify") == 0) {
		if (since != NULL || user != NULL)
			return cli_usage(c, _("audit verify takes only --against"));
	} else if (strcmp(sub, "log") == 0) {
		if (n_files > 0)
			return cli_usage(c, _("--against is for audit verify"));
		if (since != NULL && !is_date(since))
			return cli_usage(c, _("--since: expected a date YYYY-MM-DD, got '%s'"),
					 since);
	} else
		return cli_usage(c, _("unknown audit command '%s' (verify, log)"), sub);
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	if (strcmp(sub, "verify") == 0) {
		bool all = true;

		rc = store_audit_verify(s, &chk, &e);
		if (rc == 0)
			printf(_("Audit log intact: %" PRId64 " records, head %s\n"),
			       chk.n, chk.head);
		if (rc == 0) {
			char why[512];

			rc = store_audit_state(s, why, sizeof why, &e);
			if (rc == 0)
				printf(_("Signed reports, locks, signers, templates, the plans' figures and the roles: "
					 "as the audit log says\n"));
			else if (why[0])
				printf(_("CHANGED behind lakip's back: %s\n"), why);
		}
		else if (chk.bad_id != 0)
			printf(_("Audit log BROKEN at record %" PRId64 ": %s\n"
				 "(%" PRId64 " records before it verified)\n"),
			       chk.bad_id, chk.why, chk.n);
		for (size_t i = 0; i < n_files && (rc == 0 || chk.bad_id != 0); i++) {
			lk_err fe = { 0, "" };

			all = against(s, files[i], rc == 0, &fe) && all;
		}
		if (rc == 0 && !all)
			rc = lk_fail(&e, EX_DATAERR, _("the audit log does not match "
				     "every signed report"));
	} else {
		zona_cache zc;
		char from[32];

		memset(&zc, 0, sizeof zc);
		zc.s = s;
		zc.since = since;
		/* The records from the start of that day in the easternmost
		 * zone (WIT), each then kept by its own agency's day. */
		if (since != NULL)
			zona_awal_hari(since, "Asia/Jayapura", from, sizeof from);
		rc = store_audit_list(s, since != NULL ? from : NULL, user,
				      print_rec, &zc, &e);
		zona_cache_free(&zc);
	}
	store_close(s);
	return rc ? cli_report(&e) : 0;
}
