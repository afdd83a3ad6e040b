/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* outcome.c - what the session's and the service layer's calls return,
 * shown: the top bar of the period, saving and loading with their
 * messages, refusals and store errors (on the status line when they fit,
 * else in a box).  session.c and access.c decide; this file draws. */
#include "config.h"
#include "tui/tui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "tui/ui.h"

void
app_update_context(app *a)
{
	char buf[512];

	if (a->instansi == NULL)
		buf[0] = '\0';
	else if (a->tw >= 1 && a->tw <= 4)
		snprintf(buf, sizeof buf, "%s \xc2\xb7 %d \xc2\xb7 TW %s", a->instansi,
			 a->tahun, tw_romawi(a->tw));
	else if (a->tahun > 0)
		snprintf(buf, sizeof buf, "%s \xc2\xb7 %d", a->instansi, a->tahun);
	else
		snprintf(buf, sizeof buf, "%s", a->instansi);
	ui_set_context(buf);
	app_wf_load(a, false);
	ui_set_flags(a->readonly || !app_listed(a), app_locked(a), a->dirty);
	if (a->readonly && store_damaged(a->st))
		ui_set_notice(_("Read-only: the database is damaged; restore it from a "
				"backup."));
	else if (a->readonly)
		ui_set_notice(_("Read-only: the database file cannot be written."));
	else if (!app_listed(a)) {
		snprintf(buf, sizeof buf, _("Read-only ('%s' is not listed as a user): "
					    "ask an admin (%s)."),
			 store_actor(a->st), a->admins[0] ? a->admins : _("none listed"));
		ui_set_notice(buf);
	} else if (app_locked(a)) {
		ui_set_notice(app_lock_text(a, true, buf, sizeof buf));
	} else {
		ui_set_notice(NULL);
	}
}

static void
report_store_error(app *a, int rc, const lk_err *e)
{
	char who[512];

	if (rc == EX_TEMPFAIL) {
		store_lock_holders(a->db_path, who, sizeof who);
		if (who[0])
			ui_msg(UI_MSG_ERROR, _("The database is in use by %s. Nothing is lost: "
					       "try again in a moment."), who);
		else
			ui_msg(UI_MSG_ERROR, _("The database is in use by another user. "
					       "Nothing is lost: try again in a moment."));
	} else if (rc == EX_NOPERM) {
		app_refuse(a, app_store_msg(a, e->msg));
	} else {
		ui_msg(UI_MSG_ERROR, "%s", e->msg);
	}
}

int
app_save(app *a, enum peran_aksi aksi)
{
	lk_err e = { 0, "" };
	int rc;

	a->dirty = true;
	if (aksi != AKSI_LIHAT)
		a->pending |= 1u << aksi;
	if (a->readonly) {
		app_refuse(a, _("The database is read-only: changes cannot be saved "
				"(ask the administrator for write access)."));
		app_update_context(a);
		return EX_IOERR;
	}
	/* The service layer checks every pending kind of change (the role,
	 * the lock) before it writes; a refusal names the reason. */
	ui_progress(_("Saving"), _("Saving to the database..."));
	rc = app_store_save(a, a->pending, &e);
	if (rc == 0)
		ui_msg(UI_MSG_INFO, _("Saved."));
	else {
		if (rc == EX_NOPERM)
			app_wf_load(a, true);    /* the lock it may name */
		report_store_error(a, rc, &e);
	}
	app_update_context(a);
	return rc;
}

int
app_save_pending(app *a)
{
	return app_save(a, AKSI_LIHAT);
}

int
app_load(app *a, const char *instansi, int tahun)
{
	lk_err e = { 0, "" };
	int rc = app_store_load(a, instansi, tahun, &e);

	if (rc != 0)
		report_store_error(a, rc, &e);
	else
		app_update_context(a);
	return rc;
}

int
app_reload(app *a)
{
	if (a->r == NULL || a->instansi == NULL)
		return 0;
	return app_load(a, a->instansi, a->tahun);
}

void
app_refuse(app *a, const char *msg)
{
	(void)a;
	if (ui_width(msg) <= COLS - 2)
		ui_msg(UI_MSG_ERROR, "%s", msg);
	else
		ui_message(_("Not allowed"), msg, true);
}

void
app_fail(app *a, int rc, const lk_err *e)
{
	const char *msg = app_store_msg(a, e->msg);

	if (rc == EX_NOPERM)
		app_refuse(a, msg);
	else if (ui_width(msg) <= COLS - 2)
		ui_msg(UI_MSG_ERROR, "%s", msg);
	else
		ui_message(_("Error"), msg, true);
}

bool
app_can_edit(app *a, enum peran_aksi aksi)
{
	char why[1024];

	if (app_may(a, aksi, why, sizeof why))
		return true;
	app_refuse(a, why);
	app_update_context(a);
	return false;
}
