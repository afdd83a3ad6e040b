/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* app.c - tui_main: everything that can fail before the screen is taken
 * (form files, predikat bands, the database), then the start screen, then
 * the terminal given back.  Errors before initscr and after endwin go to
 * stderr, so that they can be read. */
#include "config.h"
#include "tui/tui.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "tui/draft.h"
#include "tui/form.h"
#include "tui/screens.h"
#include "tui/tui_int.h"
#include "tui/ui.h"

/* The longest warning of the store a message box shows. */
#define WARNING_MAX 1024

static const char *const form_names[AF_N] = {
	"instansi", "bidang", "sasaran", "iku", "program", "triwulan",
};

static int
fail(int code, const char *fmt, const char *arg)
{
	fputs("lakip: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	return code;
}

/* English labels when the UI speaks English (--lang en, or no Indonesian
 * catalogue for the language in force). */
static bool
ui_is_english(const tui_opts *o)
{
	if (o->lang != NULL && *o->lang)
		return strncmp(o->lang, "en", 2) == 0;
	return strcmp(_("Help"), "Help") == 0;
}

/* Read-only when the file (or its directory, where SQLite keeps its
 * journal) cannot be written. */
static bool
must_open_readonly(const char *path)
{
	char dir[PATH_MAX];
	const char *slash;

	if (access(path, F_OK) != 0)
		return false;
	if (access(path, W_OK) != 0)
		return true;
	slash = strrchr(path, '/');
	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	return access(dir, W_OK) != 0;
}

static int
open_store(app *a)
{
	lk_err e = { 0, "" };
	char who[512];
	int rc;

	a->readonly = must_open_readonly(a->db_path);
	/* The whole file's check waits for the first screen (check_sound). */
	rc = store_open(a->db_path, a->readonly ? STORE_READONLY :
			STORE_CREATE | STORE_CHECK_LATER, &a->st, &e);
	if (rc == EX_TEMPFAIL) {
		store_lock_holders(a->db_path, who, sizeof who);
		if (who[0])
			fprintf(stderr, _("lakip: %s\nlakip: the database is in use by %s\n"),
				e.msg, who);
		else
			fprintf(stderr, "lakip: %s\n", e.msg);
		return rc;
	}
	if (rc != 0)
		return fail(rc, "%s", e.msg);
	/* The store may have found it cannot write (a WAL database in a
	 * directory this account cannot write). */
	a->readonly = a->readonly || store_readonly(a->st);
	/* A plan loaded, edited and saved: a save compares with the copy
	 * kept at the load, not with the plan read again. */
	store_keep_plans(a->st, !a->readonly);
	return 0;
}

/* store_warn_fn: the store's warning kept for a message box. */
static void
keep_warning(void *arg, const char *msg)
{
	snprintf(arg, WARNING_MAX, "%s", msg);
}

/* ui_once_shown: the quick_check of the database, once the first screen
 * is shown (a write before it runs the check first, in the store); a
 * damaged database is read-only from then on, and says why. */
static void
check_sound(void *arg)
{
	app *a = arg;
	lk_err e = { 0, "" };
	char warning[WARNING_MAX] = "";
	int rc;

	store_set_warn(keep_warning, warning);
	rc = store_check_sound(a->st, &e);
	store_set_warn(NULL, NULL);
	if (rc != 0) {
		ui_message(_("Database"), e.msg, true);
		return;
	}
	if (store_damaged(a->st)) {
		a->readonly = true;
		app_update_context(a);
		ui_message(_("Damaged database"), warning, true);
	}
}

int
tui_main(const tui_opts *o)
{
	app a;
	lk_err e = { 0, "" };
	char real[PATH_MAX], err[512];
	int rc = 0, i, r;
	bool terminated;

	memset(&a, 0, sizeof a);
	app_when_for(&a);
	a.db_path = o->db;
	a.english = ui_is_english(o);
	for (i = 0; i < AF_N; i++) {
		if ((rc = formdesc_load(&a.mem, form_names[i], &a.fd[i], &e)) != 0) {
			fail(rc, "%s", e.msg);
			goto out;
		}
	}
	if ((rc = open_store(&a)) != 0)
		goto out;
	/* The service layer's session: the installed predikat bands. */
	if ((rc = svc_init(&a.v, a.st, &e)) != 0) {
		fail(rc, "%s", e.msg);
		goto out;
	}
	a.db_real = strdup(realpath(a.db_path, real) != NULL ? real : a.db_path);
	app_load_user(&a);
	if (ui_init(err, sizeof err) != 0) {
		rc = fail(EX_UNAVAILABLE, "%s", err);
		goto out;
	}
	app_update_context(&a);
	ui_once_shown(check_sound, &a);
	r = scr_start(&a);
	terminated = r == FORM_TERMINATED || ui_terminating();
	ui_end();
	if (terminated) {
		char *dir = draft_dir(a.db_real);

		/* stderr may be gone with the terminal; say it anyway. */
		fprintf(stderr, _("lakip: ended by a signal or a lost terminal; what was "
				  "typed is kept in %s\n"), dir);
		free(dir);
		rc = ui_signal() ? 128 + ui_signal() : 0;
	} else if (a.dirty) {
		fprintf(stderr, _("lakip: some changes could not be saved (the database "
				  "was locked or read-only)\n"));
		rc = EX_TEMPFAIL;
	}
out:
	store_quarter_free(&a.wf);
	store_user_free(&a.user);
	svc_done(&a.v);
	store_close(a.st);
	rencana_free(a.r);
	free(a.instansi);
	free(a.db_real);
	arena_free(&a.mem);
	return rc;
}
