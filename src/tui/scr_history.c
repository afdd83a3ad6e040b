/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_history.c - the history of one value: the audit records of the
 * realisation of an IKU or a program in the quarter on screen (who,
 * when, old -> new, as store_audit_value finds them), and for an IKU the
 * review of its entry (submitted, returned with the comment, approved),
 * in the scrollable text viewer. */
#include "config.h"
#include "tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dec.h"
#include "core/i18n.h"
#include "tui/ui.h"

typedef struct hist {
	FILE *f;
	int scale;
	size_t n;
} hist;

const char *
scr_shown_value(const char *v, int scale, char buf[DEC_BUFSZ])
{
	const char *why;
	int64_t x;

	if (v == NULL || *v == '\0')
		return _("(empty)");
	if (dec_parse_machine(v, scale, &x, &why) != 0)
		return v;
	return scale == DEC_UANG ? dec_format_uang(x, buf) : dec_format_nilai(x, buf);
}

static int
on_record(void *arg, const store_audit_rec *r)
{
	hist *h = arg;
	char when[64], a[DEC_BUFSZ], b[DEC_BUFSZ];

	fprintf(h->f, "  %s  %-12s  %s \xe2\x86\x92 %s\n", app_when(r->at, when, sizeof when),
		r->login != NULL ? r->login : "?", scr_shown_value(r->old, h->scale, a),
		scr_shown_value(r->new_, h->scale, b));
	h->n++;
	return 0;
}

/* The state an event of the review leads to, as people read it. */
static const char *
event_text(const char *action)
{
	static const enum entri_state to[EV_N] = {
		[EV_SUBMIT] = ENTRI_SUBMITTED, [EV_APPROVE] = ENTRI_APPROVED,
		[EV_RETURN] = ENTRI_RETURNED, [EV_EDIT] = ENTRI_DRAFT,
	};
	int k;

	for (k = 0; action != NULL && k < EV_N; k++)
		if (strcmp(action, entri_event_nama((enum entri_event)k)) == 0)
			return entri_state_label(to[k]);
	return action != NULL ? action : "?";
}

void
scr_review_events(FILE *f, const app *a, enum entri_jenis j, const char *kode)
{
	char when[64];
	size_t i, n = 0;

	for (i = 0; app_wf_ok(a) && i < a->wf.n_event; i++) {
		const store_event *v = &a->wf.event[i];

		if (v->jenis != j || strcmp(v->kode, kode) != 0)
			continue;
		fprintf(f, "  %s  %-12s  %s%s%s\n", app_when(v->at, when, sizeof when),
			v->login != NULL ? v->login : "?", event_text(v->action),
			v->comment != NULL ? ": " : "", v->comment != NULL ? v->comment : "");
		n++;
	}
	if (n == 0)
		fprintf(f, "  %s\n", _("Not submitted yet."));
}

void
scr_history(app *a, bool program, const char *kode)
{
	lk_err e = { 0, "" };
	hist h = { NULL, program ? DEC_UANG : DEC_NILAI, 0 };
	char *text = NULL, title[300];
	size_t len = 0;
	int rc;

	if (kode == NULL)
		return;
	if ((h.f = open_memstream(&text, &len)) == NULL)
		lk_fatal("out of memory");
	fprintf(h.f, program ? _("Budget realisation of %s in %s, as the audit log "
				 "records it (who, when, old \xe2\x86\x92 new):")
		: _("Realisation of %s in %s, as the audit log records it (who, when, "
		    "old \xe2\x86\x92 new):"), kode, app_period_text(a));
	fputs("\n\n", h.f);
	rc = store_audit_value(a->st, a->instansi, a->tahun, a->tw,
			       program ? "realisasi_program" : "realisasi_iku", kode,
			       "nilai", on_record, &h, &e);
	if (rc != 0)
		fprintf(h.f, "  %s\n", app_store_msg(a, e.msg));
	else if (h.n == 0)
		fprintf(h.f, "  %s\n", _("No change is recorded."));
	if (!program) {
		app_wf_load(a, true);
		fprintf(h.f, "\n%s\n\n", _("Review of the entry:"));
		scr_review_events(h.f, a, program ? JENIS_PROGRAM : JENIS_IKU, kode);
	}
	fclose(h.f);
	snprintf(title, sizeof title, _("History of %s"), kode);
	ui_show_text(title, text);
	free(text);
}
