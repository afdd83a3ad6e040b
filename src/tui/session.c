/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* session.c - the plan being edited and the database (see tui_int.h):
 * saving and loading through the service layer, and who holds a lock.
 * Nothing here draws: outcome.c shows what these return. */
#include "config.h"
#include "tui/tui_int.h"

#include <dirent.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"

const char *
app_period_text(const app *a)
{
	static char buf[64];

	if (a->tw >= 1 && a->tw <= 4)
		snprintf(buf, sizeof buf, _("Quarter %s %d"), tw_romawi(a->tw), a->tahun);
	else
		snprintf(buf, sizeof buf, "%d", a->tahun);
	return buf;
}


const char *
app_form_title(const app *a, enum app_form f)
{
	return formdesc_title(a->fd[f], a->english);
}

const char *
app_label(const app *a, const fd_field *f)
{
	return fd_field_label(f, a->english);
}

/* ------------------------------------------------------------------ */
/* load and save */

int
app_store_save(app *a, unsigned mask, lk_err *e)
{
	int rc = svc_save(&a->v, a->instansi, a->r, a->tw, mask, e);

	if (rc == 0) {
		a->dirty = false;
		a->pending = 0;
		/* A changed entry went back to draft. */
		app_wf_load(a, true);
	} else if (rc == EX_IOERR && store_readonly(a->st)) {
		/* By the code and the handle's flag, never by the message,
		 * which is translated. */
		a->readonly = true;
	}
	return rc;
}

int
app_store_load(app *a, const char *instansi, int tahun, lk_err *e)
{
	rencana *r = NULL;
	int rc = store_load(a->st, instansi, tahun, &r, e);

	if (rc != 0)
		return rc;
	rencana_free(a->r);
	a->r = r;
	if (a->instansi != instansi) {
		free(a->instansi);
		a->instansi = strdup(instansi);
	}
	a->tahun = tahun;
	a->dirty = false;
	a->pending = 0;
	return 0;
}

void
app_touch_quarter(app *a, int tw)
{
	triwulan *t;

	if (a->r == NULL || tw < 1 || tw > TW_MAX)
		return;
	t = &a->r->tw[tw];
	if (t->ada)
		return;
	t->ada = true;
	/* Its date stays unset (0-0-0) until the user sets it: a report
	 * says so in its place, and finalise refuses. */
}

/* $XDG_DOCUMENTS_DIR as xdg-user-dir reads it: user-dirs.dirs in
 * $XDG_CONFIG_HOME (else ~/.config), a line XDG_DOCUMENTS_DIR="$HOME/..."
 * or an absolute path.  "" when not set. */
static void
xdg_documents(const char *home, char *out, size_t n)
{
	const char *cfg = getenv("XDG_CONFIG_HOME");
	char path[4096], line[4096];
	FILE *f;

	out[0] = '\0';
	if (cfg != NULL && *cfg == '/')
		snprintf(path, sizeof path, "%s/user-dirs.dirs", cfg);
	else
		snprintf(path, sizeof path, "%s/.config/user-dirs.dirs", home);
	if ((f = fopen(path, "r")) == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL) {
		char *v, *end;

		if (strncmp(line, "XDG_DOCUMENTS_DIR=\"", 19) != 0)
			continue;
		v = line + 19;
		if ((end = strchr(v, '"')) == NULL)
			continue;
		*end = '\0';
		if (strncmp(v, "$HOME", 5) == 0 && (v[5] == '/' || v[5] == '\0'))
			snprintf(out, n, "%s%s", home, v + 5);
		else if (*v == '/')
			snprintf(out, n, "%s", v);
	}
	fclose(f);
}

static bool
writable_dir(const char *d)
{
	struct stat st;

	return d[0] != '\0' && stat(d, &st) == 0 && S_ISDIR(st.st_mode) &&
	    access(d, W_OK | X_OK) == 0;
}

void
app_documents_dir(char *dir, size_t n)
{
	const char *home = getenv("HOME");

	/* The user's documents directory, else his home: over SSH the
	 * current directory may be one he cannot write. */
	dir[0] = '\0';
	if (home != NULL && *home == '/') {
		xdg_documents(home, dir, n);
		if (!writable_dir(dir))
			snprintf(dir, n, "%s", home);
	}
	if (!writable_dir(dir) && getcwd(dir, n) == NULL)
		snprintf(dir, n, ".");
}

char *
app_default_pdf(const app *a, const char *suffix)
{
	char dir[4096], buf[4400];

	app_documents_dir(dir, sizeof dir);
	snprintf(buf, sizeof buf, "%s/LAKIP-%s-%d-TW%s%s.pdf", dir, a->instansi,
		 a->tahun, tw_romawi(a->tw), suffix);
	return strdup(buf);
}
