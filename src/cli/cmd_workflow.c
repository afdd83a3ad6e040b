/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_workflow.c - submit, review, status and unlock: the review of every
 * entry of a quarter -- each IKU's and each program's realisation, each
 * sasaran's narrative, BAB II and BAB III -- (draft -> submitted ->
 * approved | returned) and the lock of a finalised quarter.  The rules are in the store
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
#include "core/zona.h"
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

/* The entries named by --iku, --program, --narasi and --bab. */
typedef struct entri_sel {
	const char *arg[JENIS_N];     /* the option's value, by kind */
	char **kv[JENIS_N];
	size_t nk[JENIS_N];
	store_entri_ref *refs;
	size_t n;
} entri_sel;

/* 0 when ch was one of the entry options (recorded), -1 when not. */
static int
entri_opt(entri_sel *es, int ch)
{
	switch (ch) {
	case 'k': es->arg[JENIS_IKU] = optarg; return 0;
	case 'g': es->arg[JENIS_PROGRAM] = optarg; return 0;
	case 'n': es->arg[JENIS_NARASI] = optarg; return 0;
	case 'b': es->arg[JENIS_BAB2] = optarg; return 0;
	default: return -1;
	}
}

static void
entri_sel_free(entri_sel *es)
{
	for (int j = 0; j < JENIS_N; j++)
		store_free_strv(es->kv[j], es->nk[j]);
	free(es->refs);
	memset(es, 0, sizeof *es);
}

/* The lists split into es->refs; EX_USAGE (printed) for a bad one. */
static int
entri_refs(const cli_ctx *c, entri_sel *es)
{
	static const char *const opt[JENIS_N] = {
		"--iku", "--program", "--narasi", "--bab", NULL,
	};
	size_t total = 0, k;
	int rc, j;

	for (j = 0; j < JENIS_BAB3; j++)
		if (es->arg[j] != NULL &&
		    (rc = cli_split_list(c, opt[j], es->arg[j], &es->kv[j],
					 &es->nk[j])) != 0)
			return rc;
	for (j = 0; j < JENIS_N; j++)
		total += es->nk[j];
	if (total > 0 && (es->refs = calloc(total, sizeof *es->refs)) == NULL)
		lk_fatal("out of memory");
	for (j = 0; j < JENIS_BAB3; j++)
		for (k = 0; k < es->nk[j]; k++) {
			store_entri_ref *r = &es->refs[es->n++];

			r->jenis = (enum entri_jenis)j;
			r->kode = es->kv[j][k];
			if (j != JENIS_BAB2)
				continue;
			/* --bab 2,3 (or II, III) */
			if (strcmp(r->kode, "2") == 0 || strcmp(r->kode, "II") == 0)
				r->kode = "bab2";
			else if (strcmp(r->kode, "3") == 0 || strcmp(r->kode, "III") == 0) {
				r->jenis = JENIS_BAB3;
				r->kode = "bab3";
			} else
				return cli_usage(c, _("--bab: expected 2 or 3, got '%s'"),
						 es->kv[j][k]);
		}
	return 0;
}

int
cmd_submit(cli_ctx *c)
{
	lk_err e = { 0, "" };
	cli_period p = { NULL, 0, 0 };
	entri_sel es;
	char *kode;
	size_t done = 0;
	store *s;
	int ch, rc;

	memset(&es, 0, sizeof es);
	while ((ch = cli_getopt(c)) != -1) {
		if ((rc = cli_period_opt(c, ch, &p)) >= 0) {
			if (rc != 0)
				return rc;
		} else if (entri_opt(&es, ch) != 0)
			return EX_USAGE;
	}
	if ((rc = cli_period_done(c, &p, true)) != 0 ||
	    (rc = entri_refs(c, &es)) != 0) {
		entri_sel_free(&es);
		return rc;
	}
	if ((rc = open_period(c, &p, false, &s, &kode)) != 0) {
		entri_sel_free(&es);
		return rc;
	}
	rc = store_wf_apply_refs(s, kode, p.tahun, p.tw, EV_SUBMIT, es.refs, es.n,
				 NULL, &done, &e);
	store_close(s);
	entri_sel_free(&es);
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
	const char *comment = NULL;
	bool approve = false;
	entri_sel es;
	char *kode;
	size_t done = 0;
	store *s;
	int ch, rc;

	memset(&es, 0, sizeof es);
	while ((ch = cli_getopt(c)) != -1) {
		if ((rc = cli_period_opt(c, ch, &p)) >= 0) {
			if (rc != 0)
				return rc;
		} else if (entri_opt(&es, ch) == 0)
			;
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
	if ((rc = entri_refs(c, &es)) != 0) {
		entri_sel_free(&es);
		return rc;
	}
	if ((rc = open_period(c, &p, false, &s, &kode)) != 0) {
		entri_sel_free(&es);
		return rc;
	}
	rc = store_wf_apply_refs(s, kode, p.tahun, p.tw, approve ? EV_APPROVE :
				 EV_RETURN, es.refs, es.n, comment, &done, &e);
	store_close(s);
	entri_sel_free(&es);
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

/* A stored UTC time in the agency's zone ("2023-07-14 09:05:00 WIB"). */
static const char *
lokal(const char *at, const char *zona, char *buf, size_t n)
{
	zona_lokal(at, zona, true, buf, n);
	return buf;
}

static void
print_status(const store_quarter *q, const char *zona)
{
	char w[64];
	size_t i;

	printf(_("%s, Triwulan %s %d\n"), q->instansi, tw_text(q->tw), q->tahun);
	if (!q->ada) {
		printf(_("The quarter is not reported yet.\n"));
		return;
	}
	if (q->locked)
		printf(_("Locked: finalised by %s at %s (signed version %d)\n"),
		       q->locked_by, lokal(q->locked_at, zona, w, sizeof w),
		       q->version);
	else if (q->version > 0)
		printf(_("Unlocked (last signed version %d)\n"), q->version);
	else
		printf(_("Open (not finalised)\n"));
	printf("\n%-9s %-10s %-8s %-12s %-10s %-28s %s\n", _("KIND"), _("ENTRY"),
	       _("SASARAN"), _("BIDANG"), _("STATE"), _("SUBMITTED"), _("REVIEWED"));
	for (i = 0; i < q->n_entri; i++) {
		const store_entri *x = &q->entri[i];
		char sub[96] = "-", rev[96] = "-";
		bool bab = x->jenis == JENIS_BAB2 || x->jenis == JENIS_BAB3;

		if (x->submitted_by != NULL)
			snprintf(sub, sizeof sub, "%s %s", x->submitted_by,
				 lokal(x->submitted_at, zona, w, sizeof w));
		if (x->reviewed_by != NULL)
			snprintf(rev, sizeof rev, "%s %s", x->reviewed_by,
				 lokal(x->reviewed_at, zona, w, sizeof w));
		printf("%-9s %-10s %-8s %-12s %-10s %-28s %s\n",
		       entri_jenis_nama(x->jenis), bab ? "-" : x->kode,
		       x->sasaran ? x->sasaran : "-", x->bidang ? x->bidang :
		       bab || x->jenis != JENIS_IKU ? _("(kepala)") : "-",
		       entri_state_label(x->state), sub, rev);
		if (x->state == ENTRI_RETURNED && x->comment != NULL)
			printf(_("           comment: %s\n"), x->comment);
		if (!x->ada_realisasi)
			printf(x->jenis == JENIS_IKU || x->jenis == JENIS_PROGRAM ?
			       _("           (no realisation entered)\n") :
			       _("           (nothing written)\n"));
	}
	printf(_("\nEntries: %u draft, %u submitted, %u returned, %u approved\n"),
	       q->count[ENTRI_DRAFT], q->count[ENTRI_SUBMITTED],
	       q->count[ENTRI_RETURNED], q->count[ENTRI_APPROVED]);
	if (q->n_event > 0)
		printf(_("\nHistory:\n"));
	for (i = 0; i < q->n_event; i++) {
		const store_event *v = &q->event[i];

		printf("  %s  %-8s %-10s %-10s %s", lokal(v->at, zona, w, sizeof w),
		       entri_jenis_nama(v->jenis),
		       v->kode, audit_aksi_label(v->action), v->login);
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
	char *kode, *zona = NULL;
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
	if (rc == 0 && (rc = store_zona_waktu(s, kode, &zona, &e)) != 0)
		store_quarter_free(&q);
	store_close(s);
	free(kode);
	if (rc != 0)
		return cli_report(&e);
	print_status(&q, zona);
	free(zona);
	store_quarter_free(&q);
	return 0;
}

int
cmd_unlock(cli_ctx *c)
{
	lk_err e = { 0, "" };
	cli_period p = { NULL, 0, 0 };
	const char *reason = NULL, *dokumen = NULL;
	char *kode;
	store *s;
	int ch, rc;

	while ((ch = cli_getopt(c)) != -1) {
		if ((rc = cli_period_opt(c, ch, &p)) >= 0) {
			if (rc != 0)
				return rc;
		} else if (ch == 'R')
			reason = optarg;
		else if (ch == 'D')
			dokumen = optarg;
		else
			return EX_USAGE;
	}
	if (dokumen != NULL && (strcmp(dokumen, "pk") == 0 ||
				strcmp(dokumen, "lkjip") == 0))
		return cli_unlock_dok(c, strcmp(dokumen, "lkjip") == 0, &p, reason);
	if (dokumen != NULL && strcmp(dokumen, "laporan") != 0)
		return cli_usage(c, _("--dokumen: expected laporan, pk or lkjip, "
				      "got '%s'"), dokumen);
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
