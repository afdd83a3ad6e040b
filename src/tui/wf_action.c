/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* wf_action.c - the review of a quarter's entries as the terminal
 * application does it (see screens.h): submit, approve, return, unlock.
 *
 * Each action checks the role first (app_can_edit: the check the command
 * line makes), asks before it acts (a return asks its comment, an unlock
 * its reason: neither may be blank), calls the store, which checks again
 * and writes the change with its audit record, and says what was done or
 * shows the store's refusal as it is (the role needed, another bidang,
 * one's own entry, a lock).  a->wf is reloaded after every change.
 */
#include "config.h"
#include "tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "tui/ui.h"

static const store_entri *
find_entri(const app *a, enum entri_jenis j, const char *kode)
{
	return store_entri_find(&a->wf, j, kode);
}

static bool
is_open(const store_entri *x)
{
	return x->state == ENTRI_DRAFT || x->state == ENTRI_RETURNED;
}

bool
wf_mine(const app *a, const store_entri *x)
{
	size_t i;

	/* The kepala reviews what no kabid can: BAB II and III and what
	 * belongs to no bidang; an admin may review anything. */
	if (a->user.peran == PERAN_ADMIN)
		return true;
	if (a->user.peran == PERAN_KEPALA)
		return x->bidang == NULL;
	if (a->user.peran != PERAN_KABID)
		return false;
	for (i = 0; x->bidang != NULL && i < a->user.n_bidang; i++)
		if (strcmp(a->user.bidang[i], x->bidang) == 0)
			return true;
	return false;
}

bool
wf_reviewable(const app *a, const store_entri *x)
{
	return x->state == ENTRI_SUBMITTED && wf_mine(a, x) &&
	    (x->submitted_by == NULL || strcmp(x->submitted_by, store_actor(a->st)) != 0);
}

/* The quarter has a row in the database (else nothing can be reviewed). */
static bool
quarter_ready(app *a)
{
	app_wf_load(a, true);
	if (app_wf_ok(a) && a->wf.ada)
		return true;
	ui_msg(UI_MSG_ERROR, _("Nothing of %s is saved yet: type and save its "
			       "realisations first."), app_period_text(a));
	return false;
}

static bool
apply(app *a, enum entri_event ev, enum entri_jenis j, const char *kode,
      const char *comment, size_t *done)
{
	lk_err e = { 0, "" };
	store_entri_ref one = { j, kode };
	int rc;

	*done = 0;
	rc = store_wf_apply_refs(a->st, a->instansi, a->tahun, a->tw, ev, &one,
				 kode != NULL ? 1 : 0, comment, done, &e);
	app_wf_load(a, true);
	app_update_context(a);
	if (rc != 0) {
		app_fail(a, rc, &e);
		return false;
	}
	return true;
}

bool
wf_submit(app *a, enum entri_jenis j, const char *kode)
{
	const store_entri *x;
	char text[900], all[64], note[200] = "", what[160];
	size_t open = 0, empty = 0, done = 0, i;
	int r;

	if (!app_can_edit(a, AKSI_AJUKAN) || !quarter_ready(a))
		return false;
	for (i = 0; i < a->wf.n_entri; i++) {
		if (!is_open(&a->wf.entri[i]))
			continue;
		open++;
		empty += !a->wf.entri[i].ada_realisasi;
	}
	if (open == 0) {
		ui_msg(UI_MSG_HINT, _("Nothing to submit: every entry of %s is submitted "
				      "or approved."), app_period_text(a));
		return false;
	}
	x = find_entri(a, j, kode);
	if (x != NULL)
		store_entri_text(x, what, sizeof what);
	if (x != NULL && is_open(x)) {
		if (!x->ada_realisasi)
			snprintf(note, sizeof note, _(" %s has no realisation yet."), what);
		if (open > 1) {
			snprintf(text, sizeof text, _("Submit %s for review by the kabid, or "
						      "all %zu draft and returned entries of "
						      "%s?%s"), what, open,
				 app_period_text(a), note);
			snprintf(all, sizeof all, _("All %zu"), open);
			r = ui_ask3(_("Submit for review"), text, what, all, _("Cancel"));
			if (r != 0 && r != 1)
				return false;
			if (r == 1)
				x = NULL;
		} else {
			snprintf(text, sizeof text, _("Submit %s for review by the kabid?%s"),
				 what, note);
			if (ui_confirm(_("Submit for review"), text, true) != 1)
				return false;
		}
	} else {
		if (empty > 0)
			snprintf(note, sizeof note, _(" %zu of them have no realisation yet."),
				 empty);
		if (x != NULL)
			snprintf(text, sizeof text, _("%s is %s. Submit all %zu draft and "
						      "returned entries of %s for review?%s"),
				 what, entri_state_label(x->state), open,
				 app_period_text(a), note);
		else
			snprintf(text, sizeof text, _("Submit all %zu draft and returned "
						      "entries of %s for review?%s"), open,
				 app_period_text(a), note);
		if (ui_confirm(_("Submit for review"), text, true) != 1)
			return false;
		x = NULL;
	}
	if (!apply(a, EV_SUBMIT, j, x != NULL ? x->kode : NULL, NULL, &done))
		return false;
	ui_msg(UI_MSG_INFO, _("Entries submitted for review in %s: %zu."),
	       app_period_text(a), done);
	return done > 0;
}

bool
wf_approve(app *a, enum entri_jenis j, const char *kode)
{
	char text[700];
	size_t n = 0, done = 0, i;

	if (!app_can_edit(a, AKSI_TINJAU) || !quarter_ready(a))
		return false;
	if (kode != NULL) {
		const store_entri *x = find_entri(a, j, kode);
		char what[160];

		snprintf(text, sizeof text, _("Approve %s for %s?"), x != NULL ?
			 store_entri_text(x, what, sizeof what) : kode,
			 app_period_text(a));
	} else {
		for (i = 0; i < a->wf.n_entri; i++)
			n += wf_reviewable(a, &a->wf.entri[i]);
		if (n == 0) {
			ui_msg(UI_MSG_HINT, _("Nothing to approve: no entry of your bidang "
					      "is submitted (by someone else)."));
			return false;
		}
		snprintf(text, sizeof text, _("Approve all %zu submitted entries of your "
					      "bidang for %s?"), n, app_period_text(a));
	}
	if (ui_confirm(_("Approve"), text, true) != 1)
		return false;
	if (!apply(a, EV_APPROVE, j, kode, NULL, &done))
		return false;
	ui_msg(UI_MSG_INFO, _("Entries approved: %zu."), done);
	return done > 0;
}

/* Ask a text that may not be blank; false when cancelled. */
static bool
ask_required(const char *title, const char *label, const char *blank, char **out)
{
	char *v = NULL, *prev = NULL;

	*out = NULL;
	for (;;) {
		if (!ui_prompt(title, label, prev != NULL ? prev : "", &v)) {
			free(prev);
			return false;
		}
		free(prev);
		if (v[strspn(v, " \t")] != '\0') {
			*out = v;
			return true;
		}
		prev = v;
		v = NULL;
		ui_message(title, blank, true);
	}
}

bool
wf_return(app *a, enum entri_jenis j, const char *kode)
{
	char title[200], *comment, what[160];
	const store_entri *x;
	size_t done = 0;
	bool ok;

	if (kode == NULL || !app_can_edit(a, AKSI_TINJAU) || !quarter_ready(a))
		return false;
	x = find_entri(a, j, kode);
	snprintf(what, sizeof what, "%s", kode);
	if (x != NULL)
		store_entri_text(x, what, sizeof what);
	snprintf(title, sizeof title, _("Return %s"), what);
	if (!ask_required(title, _("What must be fixed (the operator reads this):"),
			  _("A comment is required: say what must be fixed."), &comment))
		return false;
	ok = apply(a, EV_RETURN, j, kode, comment, &done);
	free(comment);
	if (ok)
		ui_msg(UI_MSG_INFO, _("%s is returned with the comment."), what);
	return ok && done > 0;
}

bool
wf_unlock(app *a)
{
	lk_err e = { 0, "" };
	char title[200], *reason;
	int rc, version;

	if (!app_can_edit(a, AKSI_BUKA))
		return false;
	app_wf_load(a, true);
	if (!app_locked(a)) {
		ui_msg(UI_MSG_HINT, _("%s is not locked."), app_period_text(a));
		return false;
	}
	version = a->wf.version;
	snprintf(title, sizeof title, _("Unlock %s"), app_period_text(a));
	if (!ask_required(title, _("Why is it unlocked (recorded in the audit log):"),
			  _("A reason is required: say why the quarter is unlocked."),
			  &reason))
		return false;
	rc = store_unlock(a->st, a->instansi, a->tahun, a->tw, reason, &e);
	free(reason);
	app_wf_load(a, true);
	app_update_context(a);
	if (rc != 0) {
		app_fail(a, rc, &e);
		return false;
	}
	ui_msg(UI_MSG_INFO, _("%s is unlocked; the next finalise makes signed version %d."),
	       app_period_text(a), version + 1);
	return true;
}
