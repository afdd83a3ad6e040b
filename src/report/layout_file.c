/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* layout_file.c - the output file: written aside, renamed when complete.
 *
 * Owns: the creation time (SOURCE_DATE_EPOCH wins), the temporary file in
 * the target's directory (hidden, mode 0666 & ~umask), and syncing and
 * renaming it over the target.  Errors: EX_CANTCREAT, EX_IOERR.
 */
#include "config.h"
#include "core/i18n.h"
#include "core/keluar.h"
#include "report/layout_flow.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

long long
lay_created_time(const doc *d)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (s != NULL && *s != '\0') {
		errno = 0;
		v = strtoll(s, &end, 10);
		if (errno == 0 && *end == '\0' && v >= 0)
			return v;
	}
	if (d->info.created > 0)
		return (long long)d->info.created;
	return (long long)time(NULL);
}

/* ---- output file ---- */

/* Creates an empty temporary file next to path (mode 0666 & ~umask). */
int
lay_make_temp(const char *path, char **tmp, lk_err *e)
{
	const char *slash = strrchr(path, '/');
	size_t dlen = slash ? (size_t)(slash - path) : 0;
	const char *base = slash ? slash + 1 : path;
	char dir[PATH_MAX];
	mode_t um;
	int fd;

	*tmp = NULL;
	if (*base == '\0')
		return lk_fail(e, EX_CANTCREAT, _("cannot create %s: not a file "
			       "name"), path);
	if (slash == path)
		dlen = 1;
	if (dlen >= sizeof dir)
		return lk_fail(e, EX_CANTCREAT, _("cannot create %s: name too "
			       "long"), path);
	memcpy(dir, slash ? path : ".", slash ? dlen : 1);
	dir[slash ? dlen : 1] = '\0';
	*tmp = malloc(strlen(path) + 16);
	if (*tmp == NULL)
		lk_fatal("out of memory");
	/* "dir/.name.XXXXXX": hidden, in the target's directory */
	snprintf(*tmp, strlen(path) + 16, "%.*s.%s.XXXXXX",
		 (int)(base - path), path, base);
	fd = mkstemp(*tmp);
	if (fd < 0) {
		int err = errno;

		free(*tmp);
		*tmp = NULL;
		return lk_fail(e, EX_CANTCREAT, _("cannot create %s: cannot write "
			       "in directory %s: %s"), path, dir, strerror(err));
	}
	um = umask(0);
	umask(um);
	if (fchmod(fd, 0666 & ~um) != 0) {
		/* not fatal: mkstemp's 0600 is safe */
	}
	close(fd);
	return 0;
}

int
lay_finish_file(const char *tmp, const char *path, unsigned long *bytes,
	    lk_err *e)
{
	struct stat st;
	int fd = open(tmp, O_RDONLY);

	if (fd < 0)
		return lk_fail(e, EX_IOERR, _("cannot reopen %s: %s"), tmp,
			       strerror(errno));
	if (fsync(fd) != 0 || fstat(fd, &st) != 0) {
		int err = errno;

		close(fd);
		return lk_fail(e, EX_IOERR, _("cannot write %s: %s"), tmp,
			       strerror(err));
	}
	close(fd);
	if (lk_keluar(tmp, path, NULL) != 0)
		return lk_fail(e, EX_CANTCREAT, _("cannot create %s: %s"), path,
			       strerror(errno));
	*bytes = (unsigned long)st.st_size;
	return 0;
}
