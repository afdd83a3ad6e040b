/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* access.c - who may change what in the terminal application (see
 * tui_int.h): the actor's role in the agency on screen (an admin's in
 * every agency), held against the policy by store_izin_at() as on the
 * command line, the lock of the quarter on screen, and the
 * review state of its entries (a->wf).  These checks come before a
 * change is typed or made, so that nobody types what cannot be saved;
 * the store checks again when it writes. */
#include "config.h"
#include "tui/tui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/zona.h"

void
app_load_user(app *a)
{
	lk_err e = { 0, "" };
	store_user u;
	char admins[sizeof a->admins];

	/* When the database cannot be read now (busy), what was read last
	 * stays. */
	/* His role in the agency on screen (admin: everywhere). */
	if (store_user_get(a->st, store_actor(a->st), a->instansi, &u, &e) == 0) {
		store_user_free(&a->user);
		a->user = u;
	}
	if (store_admins(a->st, admins, sizeof admins, &e) == 0)
		memcpy(a->admins, admins, sizeof admins);
}

bool
app_listed(const app *a)
{
	return a->user.login != NULL;
}

/* The key of the period on screen, "" when there is no quarter. */
static void
period_key(const app *a, char *buf, size_t n)
{
	if (a->instansi == NULL || a->tw < 1 || a->tw > TW_MAX || a->r == NULL)
		buf[0] = '\0';
	else
		snprintf(buf, n, "%s/%d/%d", a->instansi, a->tahun, a->tw);
}

void
app_wf_load(app *a, bool force)
{
	lk_err e = { 0, "" };
	char key[sizeof a->wf_key];

	period_key(a, key, sizeof key);
	if (!force && strcmp(key, a->wf_key) == 0)
		return;
	store_quarter_free(&a->wf);
	a->wf_key[0] = '\0';
	if (key[0] == '\0')
		return;
	/* No plan stored yet, or an old database: no review state. */
	if (store_quarter_load(a->st, a->instansi, a->tahun, a->tw, &a->wf, &e) != 0)
		memset(&a->wf, 0, sizeof a->wf);
	snprintf(a->wf_key, sizeof a->wf_key, "%s", key);
}

bool
app_wf_ok(const app *a)
{
	char key[sizeof a->wf_key];

	period_key(a, key, sizeof key);
	return key[0] != '\0' && strcmp(key, a->wf_key) == 0 && a->wf.instansi != NULL;
}

bool
app_locked(const app *a)
{
	return app_wf_ok(a) && a->wf.locked;
}

/* The application whose open agency's zone app_when shows times in. */
static const app *when_app;

const char *
app_when(const char *at, char *buf, size_t n)
{
	/* The agency's zone (WIB, WITA, WIT), never the user's TZ. */
	const char *zona = when_app != NULL && when_app->r != NULL ?
	    when_app->r->instansi.zona_waktu : NULL;

	zona_lokal(at, zona, false, buf, n);
	return buf;
}

void
app_when_for(const app *a)
{
	when_app = a;
}

const char *
app_lock_text(const app *a, bool brief, char *buf, size_t n)
{
	char when[64];
	const char *by = a->wf.locked_by != NULL ? a->wf.locked_by : "?";

	if (brief) {
		zona_tanggal_lokal(a->wf.locked_at, a->r != NULL ?
				   a->r->instansi.zona_waktu : NULL, when, sizeof when);
		snprintf(buf, n, _("Locked (read-only): finalised by %s on %s, version %d."),
			 by, when, a->wf.version);
	} else {
		snprintf(buf, n, _("%s is locked: finalised by %s on %s (signed version "
				   "%d). An admin can unlock it."), app_period_text(a), by,
			 app_when(a->wf.locked_at, when, sizeof when), a->wf.version);
	}
	return buf;
}

const char *
app_store_msg(const app *a, const char *msg)
{
	/* the store names the database as store_path does */
	const char *name = a->st != NULL ? store_path(a->st) : a->db_path;
	size_t n = name != NULL ? strlen(name) : 0;

	if (n > 0 && strncmp(msg, name, n) == 0 && msg[n] == ':' && msg[n + 1] == ' ')
		return msg + n + 2;
	return msg;
}

bool
app_may(app *a, enum peran_aksi aksi, char *why, size_t n)
{
	lk_err e = { 0, "" };
	int rc;

	if (a->readonly) {
		snprintf(why, n, "%s", _("The database is read-only: changes cannot be saved "
					 "(ask the administrator for write access)."));
		return false;
	}
	/* The service layer's check: the role (an admin's action is the
	 * database's), and a locked quarter, re-read so that a lock or an
	 * unlock made elsewhere counts.  Only a refusal refuses: when the
	 * database cannot be asked now (busy), the change goes on and the
	 * store says why it fails. */
	rc = svc_may(&a->v, a->instansi, a->tahun, a->tw, aksi, &e);
	if (rc != EX_NOPERM && rc != EX_IOERR)
		return true;
	if (rc == EX_NOPERM)
		app_wf_load(a, true);    /* the lock the refusal may name */
	snprintf(why, n, "%s", app_store_msg(a, e.msg));
	return false;
}
