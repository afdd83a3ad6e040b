/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* keluar.c - a finished output into its place (see keluar.h). */
#include "config.h"
#include "core/keluar.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* The bytes of tmp written to the open descriptor out. */
static int
copy_into(const char *tmp, int out)
{
	char buf[65536];
	ssize_t n;
	int in = open(tmp, O_RDONLY | O_CLOEXEC), err = 0;

	if (in < 0)
		return -1;
	while ((n = read(in, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			err = errno;
			break;
		}
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(out, buf + off, (size_t)(n - off));

			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				err = w < 0 ? errno : EIO;
				break;
			}
			off += w;
		}
		if (err != 0)
			break;
	}
	close(in);
	errno = err;
	return err != 0 ? -1 : 0;
}

int
lk_keluar(const char *tmp, const char *path, bool *renamed)
{
	struct stat st;
	int fd, rc, err;

	if (renamed != NULL)
		*renamed = false;
	if (stat(path, &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) {
		if ((rc = rename(tmp, path)) == 0 && renamed != NULL)
			*renamed = true;
		return rc;
	}
	/* A device or a FIFO: written into, never replaced. */
	if ((fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)) < 0)
		return -1;
	rc = copy_into(tmp, fd);
	err = errno;
	if (close(fd) != 0 && rc == 0) {
		rc = -1;
		err = errno;
	}
	if (rc == 0)
		unlink(tmp);
	errno = err;
	return rc;
}
