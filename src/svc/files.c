/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* files.c - temporary files beside an output, and sweeping those a
 * killed process left (see svc.h). */
#include "config.h"
#include "svc/svc.h"

#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"

static void
sweep(const char *path, bool mine)
{
	char dir[PATH_MAX], f[2 * PATH_MAX];
	const char *slash = strrchr(path, '/');
	struct dirent *d;
	DIR *dp;

	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else
		snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 :
			 (int)(slash - path), path);
	if ((dp = opendir(dir)) == NULL)
		return;
	while ((d = readdir(dp)) != NULL) {
		const char *n = d->d_name, *tag;
		struct stat st;
		char *end;
		long pid;

		while (*n == '.')
			n++;
		if (n == d->d_name || strncmp(n, "lakip-", 6) != 0 ||
		    (tag = strchr(n + 6, '-')) == NULL)
			continue;
		pid = strtol(tag + 1, &end, 10);
		if (end == tag + 1 || *end != '-' || pid <= 0 ||
		    (long)(pid_t)pid != pid || (pid == (long)getpid()) != mine)
			continue;
		if (!mine && (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
			continue;            /* alive, or not ours to ask */
		snprintf(f, sizeof f, "%s/%s", dir, d->d_name);
		if (lstat(f, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == getuid())
			unlink(f);
	}
	closedir(dp);
}

void
svc_sweep_temps(const char *path)
{
	sweep(path, false);
}

void
svc_sweep_mine(const char *path)
{
	sweep(path, true);
}

int
svc_tmp_beside(const char *out, const char *tmpdir, const char *tag,
	       char path[4096], lk_err *e)
{
	int fd;

	if (tmpdir == NULL || *tmpdir == '\0')
		tmpdir = getenv("TMPDIR");
	if (out == NULL || strcmp(out, "-") == 0)
		snprintf(path, 4096, "%s/.lakip-%s-%ld-XXXXXX",
			 tmpdir != NULL && *tmpdir ? tmpdir : "/tmp", tag,
			 (long)getpid());
	else {
		char *dup = strdup(out);

		if (dup == NULL)
			lk_fatal("out of memory");
		snprintf(path, 4096, "%s/.lakip-%s-%ld-XXXXXX", dirname(dup), tag,
			 (long)getpid());
		free(dup);
	}
	svc_sweep_temps(path);
	if ((fd = mkstemp(path)) < 0) {
		int err = errno;

		path[0] = '\0';
		return lk_fail(e, EX_CANTCREAT, _("cannot create %s: %s"),
			       out != NULL && strcmp(out, "-") != 0 ? out :
			       tmpdir != NULL && *tmpdir ? tmpdir : "/tmp",
			       strerror(err));
	}
	close(fd);
	return 0;
}
