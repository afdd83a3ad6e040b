/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_workflow.c - submit, review, status and unlock: the review of each
 * IKU's quarterly entry (draft -> submitted -> approved | returned) and
 * the lock of a finalised quarter.  The rules are in the store
 * (store/workflow.h) and the policy in core/peran.c; this file parses
 * options and prints.
 */
#include "config.h"
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "store/workflow.h"

/* Open read-write (read-only when ro) and resolve --instansi. */
static int
open_period(cli_ctx *c, const cli_period *p, bool ro, store **s, char **kode)
{
	lk_err e = { 0, "" };
	int rc;

	*kode = NULL;
	if ((rc = cli_open_store(c, ro ? STORE_READONLY : 0, s)) != 0)
		return rc;
	if ((rc = store_pilih_instansi(*s, p->instansi, kode, &e)) != 0) {
		store_close(*s);
		*s = NULL;
		return cli_report(&e);
	}
	return 0;
}

static const char *
tw_text(int tw)
{
	static const char *const r[] = { "?", "I", "II", "III", "IV" };

	return tw >= 1 && tw <= 4 ? r[tw] : "?";
}

int
cmd_submit(cli_ctx *c)
{
	lk_err e = { 0, "" };
	cli_period p = { NULL, 0, 0 };
	const char *iku = NULL;
	char **kv = NULL, *kode;
	size_t nk = 0, done = 0;
	store *s;
	int ch, rc;

	while ((ch = cli_getopt(c)) != -1) {
		if ((rc = cli_period_opt(c, ch, &p)) >= 0) {
			if (rc != 0)
				return rc;
		} else if (ch == 'k')
			iku = optarg;
		else
			return EX_USAGE;
	}
	if ((rc = cli_period_done(c, &p, true)) != 0)
		return rc;
	if (iku != NULL && (rc = cli_split_list(c, "--iku", iku, &kv, &nk)) != 0)
		return rc;
	if ((rc = open_period(c, &p, false, &s, &kode)) != 0) {
		store_free_strv(kv, nk);
		return rc;
	}
	rc = store_wf_apply(s, kode, p.tahun, p.tw, EV_SUBMIT, kv, nk, NULL, &done,
			    &e);
	store_close(s);
	store_free_strv(kv, nk);
	if (rc == 0) {
		if (done == 0)
			printf(_("Nothing to submit: no entry of %s, Triwulan %s %d is"
				 " a draft or returned\n"), kode, tw_text(p.tw), p.tahun);
		else
			printf(P_("Submitted %zu entry of %s, Triwulan %s %d\n",
				  "Submitted %zu entries of %s, Triwulan %s %d\n", done),
			       done, kode, tw_text(p.tw), p.tahun);
	}
	free(kode);
	return rc ? cli_report(&e) : 0;
}

int
cmd_review(cli_ctx *c)
{
	lk_err e = { 0, "" };
	cli_period p = { NULL, 0, 0 };
	const char *iku = NULL, *comment = NULL;
	bool approve = false;
	char **kv = NULL, *kode;
	size_t nk = 0, done = 0;
	store *s;
	int ch, rc;

	while ((ch = cli_getopt(c)) != -1) {
		if ((rc = cli_period_opt(c, ch, &p)) >= 0) {
			if (rc != 0)
				return rc;
		} else if (ch == 'k')
			iku = optarg;
		else if (ch == 'a')
			approve = true;
		else if (ch == 'r')
			comment = optarg;
		else
			return EX_USAGE;
	}
	if ((rc = cli_period_done(c, &p, true)) != 0)
		return rc;
	if (approve == (comment != NULL))
		return cli_usage(c, _("give either --approve or --return COMMENT"));
	if (comment != NULL && comment[strspn(comment, " \t\n")] == '\0')
		return cli_usage(c, _("--return needs a comment that says what to fix"));
	if (iku != NULL && (rc = cli_split_list(c, "--iku", iku, &kv, &nk)) != 0)
		return rc;
	if ((rc = open_period(c, &p, false, &s, &kode)) != 0) {
		store_free_strv(kv, nk);
		return rc;
	}
	rc = store_wf_apply(s, kode, p.tahun, p.tw, approve ? EV_APPROVE : EV_RETURN,
			    kv, nk, comment, &done, &e);
	store_close(s);
	store_free_strv(kv, nk);
	if (rc == 0) {
		if (done == 0)
			printf(_("Nothing to review: no submitted entry of your bidang"
				 " (that you did not submit yourself)\n"));
		else if (approve)
			printf(P_("Approved %zu entry\n", "Approved %zu entries\n", done),
			       done);
		else
			printf(P_("Returned %zu entry with the comment\n",
				  "Returned %zu entries with the comment\n", done), done);
	}
	free(kode);
	return rc ? cli_report(&e) : 0;
}

static void
print_status(const store_quarter *q)
{
	size_t i;

	printf(_("%s, Triwulan %s %d\n"), q->instansi, tw_text(q->tw), q->tahun);
	if (!q->ada) {
		printf(_("The quarter is not reported yet.\n"));
		return;
	}
	if (q->locked)
		printf(_("Locked: finalised by %s at %s (signed version %d)\n"),
		       q->locked_by, q->locked_at, q->version);
	else if (q->version > 0)
		printf(_("Unlocked (last signed version %d)\n"), q->version);
	else
		printf(_("Open (not finalised)\n"));
	printf("\n%-10s %-8s %-12s %-10s %-28s %s\n", _("IKU"), _("SASARAN"),
	       _("BIDANG"), _("STATE"), _("SUBMITTED"), _("REVIEWED"));
	for (i = 0; i < q->n_entri; i++) {
		const store_entri *x = &q->entri[i];
		char sub[96] = "-", rev[96] = "-";

		if (x->submitted_by != NULL)
			snprintf(sub, sizeof sub, "%s %s", x->submitted_by,
				 x->submitted_at ? x->submitted_at : "");
		if (x->reviewed_by != NULL)
			snprintf(rev, sizeof rev, "%s %s", x->reviewed_by,
				 x->reviewed_at ? x->reviewed_at : "");
		printf("%-10s %-8s %-12s %-10s %-28s %s\n", x->iku, x->sasaran,
		       x->bidang ? x->bidang : "-", entri_state_label(x->state), sub,
		       rev);
		if (x->state == ENTRI_RETURNED && x->comment != NULL)
			printf(_("           comment: %s\n"), x->comment);
		if (!x->ada_realisasi)
			printf(_("           (no realisation entered)\n"));
	}
	printf(_("\nEntries: %u draft, %u submitted, %u returned, %u approved\n"),
	       q->count[ENTRI_DRAFT], q->count[ENTRI_SUBMITTED],
	       q->count[ENTRI_RETURNED], q->count[ENTRI_APPROVED]);
	if (q->n_event > 0)
		printf(_("\nHistory:\n"));
	for (i = 0; i < q->n_event; i++) {
		const store_event *v = &q->event[i];

		printf("  %s  %-8s %-10s %s", v->at, v->iku, audit_aksi_label(v->action),
		       v->login);
		if (v->comment != NULL)
			printf(": %s", v->comment);
		putchar('\n');
	}
}

int
cmd_status(cli_ctx *c)
{
	lk_err e = { 0, "" };
	cli_period p = { NULL, 0, 0 };
	store_quarter q;
	char *kode;
	store *s;
	int ch, rc;

	while ((ch = cli_getopt(c)) != -1) {
		if ((rc = cli_period_opt(c, ch, &p)) >= 0) {
			if (rc != 0)
				return rc;
		} else
			return EX_USAGE;
	}
	if ((rc = cli_period_done(c, &p, true)) != 0)
		return rc;
	if ((rc = open_period(c, &p, true, &s, &kode)) != 0)
		return rc;
	rc = store_quarter_load(s, kode, p.tahun, p.tw, &q, &e);
	store_close(s);
	free(kode);
	if (rc != 0)
		return cli_report(&e);
	print_status(&q);
	store_quarter_free(&q);
	return 0;
}

int
cmd_unlock(cli_ctx *c)
{
	lk_err e = { 0, "" };
	cli_period p = { NULL, 0, 0 };
	const char *reason = NULL;
	char *kode;
	store *s;
	int ch, rc;

	while ((ch = cli_getopt(c)) != -1) {
		if ((rc = cli_period_opt(c, ch, &p)) >= 0) {
			if (rc != 0)
				return rc;
		} else if (ch == 'R')
			reason = optarg;
		else
			return EX_USAGE;
	}
	if ((rc = cli_period_done(c, &p, true)) != 0)
		return rc;
	if (reason == NULL || reason[strspn(reason, " \t\n")] == '\0')
		return cli_usage(c, _("--reason TEXT is required: say why the quarter is unlocked"));
	if ((rc = open_period(c, &p, false, &s, &kode)) != 0)
		return rc;
	rc = store_unlock(s, kode, p.tahun, p.tw, reason, &e);
	store_close(s);
	if (rc == 0)
		printf(_("Unlocked %s, Triwulan %s %d; the next finalise makes a new"
			 " signed version\n"), kode, tw_text(p.tw), p.tahun);
	free(kode);
	return rc ? cli_report(&e) : 0;
}
