/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* priv.c - running setgid to the database's group (see priv.h). */
#include "config.h"
#include "core/priv.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/err.h"

#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif

static gid_t real_gid, group;
static bool setgid_ = false, dropped = false;
static int depth = 0;

void
priv_init(void)
{
	real_gid = getgid();
	group = getegid();
	setgid_ = group != real_gid;
	if (setgid_ && setegid(real_gid) != 0)
		lk_fatal("cannot drop the group: %s", strerror(errno));
}

bool
priv_setgid(void)
{
	return setgid_;
}

gid_t
priv_group(void)
{
	return setgid_ && !dropped ? group : getgid();
}

void
priv_enter(void)
{
	if (!setgid_ || dropped)
		return;
	if (depth++ == 0 && setegid(group) != 0)
		lk_fatal("cannot take the group back: %s", strerror(errno));
}

void
priv_leave(void)
{
	if (!setgid_ || dropped)
		return;
	if (depth <= 0)
		lk_fatal("priv_leave without priv_enter");
	if (--depth == 0 && setegid(real_gid) != 0)
		lk_fatal("cannot drop the group: %s", strerror(errno));
}

void
priv_drop(void)
{
	if (!setgid_ || dropped)
		return;
	/* Setting the real group sets the saved one too. */
	if (setregid(real_gid, real_gid) != 0 || getegid() != real_gid)
		lk_fatal("cannot give up the group: %s", strerror(errno));
	dropped = true;
	depth = 0;
}

const char *
priv_getenv(const char *name)
{
	return setgid_ ? NULL : getenv(name);
}

/* ---- the configuration file ---- */

#define MAX_DB 16
static bool conf_read = false;
static char conf_db[MAX_DB][PATH_MAX];
static size_t n_conf_db = 0;

const char *
priv_conf_path(void)
{
	const char *v = priv_getenv("LAKIP_CONF");

	return v != NULL && *v ? v : SYSCONFDIR "/lakip/lakip.conf";
}

static char *
trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && strchr(" \t\r\n", end[-1]) != NULL)
		*--end = '\0';
	return s;
}

/* An unreadable or missing file names nothing; lines that are not
 * "key = value" are ignored here (lakip does not write this file). */
static void
read_conf(void)
{
	char line[PATH_MAX + 64];
	FILE *f;

	if (conf_read)
		return;
	conf_read = true;
	if ((f = fopen(priv_conf_path(), "r")) == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL) {
		char *h = strchr(line, '#'), *eq, *k, *v;

		if (h != NULL)
			*h = '\0';
		if ((eq = strchr(line, '=')) == NULL)
			continue;
		*eq = '\0';
		k = trim(line);
		v = trim(eq + 1);
		if (strcmp(k, "database") == 0 && *v && n_conf_db < MAX_DB &&
		    strlen(v) < PATH_MAX)
			snprintf(conf_db[n_conf_db++], PATH_MAX, "%s", v);
	}
	fclose(f);
}

const char *
priv_conf_db(size_t i)
{
	read_conf();
	return i < n_conf_db ? conf_db[i] : NULL;
}

/* The real path of path's directory into dir, its last part into base. */
static bool
split_real(const char *path, char *dir, char *base)
{
	char tmp[PATH_MAX], *slash;

	if (strlen(path) >= PATH_MAX)
		return false;
	snprintf(tmp, sizeof tmp, "%s", path);
	slash = strrchr(tmp, '/');
	if (slash == NULL) {
		snprintf(base, PATH_MAX, "%s", tmp);
		snprintf(tmp, sizeof tmp, ".");
	} else {
		snprintf(base, PATH_MAX, "%s", slash + 1);
		if (slash == tmp)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	return *base != '\0' && realpath(tmp, dir) != NULL;
}

bool
priv_db_allowed(const char *path, char *why, size_t n)
{
	char dir[PATH_MAX], base[PATH_MAX], full[2 * PATH_MAX + 2];
	struct stat st;
	size_t i;

	if (n > 0)
		why[0] = '\0';
	if (!setgid_ || dropped)
		return true;
	if (!split_real(path, dir, base)) {
		snprintf(why, n, "%s: its directory cannot be found", path);
		return false;
	}
	snprintf(full, sizeof full, "%s/%s", strcmp(dir, "/") ? dir : "", base);
	for (i = 0; priv_conf_db(i) != NULL; i++) {
		char d2[PATH_MAX], b2[PATH_MAX], f2[2 * PATH_MAX + 2];

		if (!split_real(priv_conf_db(i), d2, b2))
			continue;
		snprintf(f2, sizeof f2, "%s/%s", strcmp(d2, "/") ? d2 : "", b2);
		if (strcmp(full, f2) == 0)
			return true;
	}
	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode) && st.st_gid == group &&
	    (st.st_mode & S_ISGID) != 0)
		return true;
	snprintf(why, n, "%s is neither named in %s nor in a directory of "
	    "the program's group with the setgid bit", full, priv_conf_path());
	return false;
}
