/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* fuzz.h - helpers shared by the fuzz targets (tests/fuzz/fuzz_*.c).
 *
 * Each target is a libFuzzer entry point, LLVMFuzzerTestOneInput, over
 * one of lakip's parsers; run.sh builds and runs them.  A target frees
 * everything it allocates (LeakSanitizer runs) and never calls exit: a
 * broken property it checks is reported with fz_bug(), which aborts (a
 * crash for libFuzzer, with the message and the input kept).
 */
#ifndef LK_FUZZ_H
#define LK_FUZZ_H

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated copy of data[0, size) (free it). */
static inline char *
fz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		abort();
	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* A broken property: say which, then crash. */
static inline void __attribute__((noreturn, format(printf, 1, 2)))
fz_bug(const char *fmt, ...)
{
	va_list ap;

	fputs("fuzz: BUG: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

static inline char *
fz_path_buf(void)
{
	static char buf[256];

	return buf;
}

static inline void
fz_path_remove(void)
{
	if (fz_path_buf()[0] != '\0')
		unlink(fz_path_buf());
}

/* One temporary file per process, named once and reused for every input
 * (in /dev/shm when it is writable, else $TMPDIR or /tmp), removed at
 * exit.  suffix: ".pdf", ".yaml"... */
static inline const char *
fz_tmpfile(const char *suffix)
{
	char *buf = fz_path_buf();

	if (buf[0] == '\0') {
		const char *dir = getenv("LAKIP_FUZZ_TMP");

		if (dir == NULL || *dir == '\0')
			dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : NULL;
		if (dir == NULL && ((dir = getenv("TMPDIR")) == NULL || *dir == '\0'))
			dir = "/tmp";
		snprintf(buf, 256, "%s/lakip-fuzz-%ld%s",
		    dir, (long)getpid(), suffix);
		atexit(fz_path_remove);
	}
	return buf;
}

/* The input as the content of path (the whole of it). */
static inline void
fz_write_file(const char *path, const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	size_t off = 0;

	if (fd < 0) {
		fprintf(stderr, "fuzz: cannot create %s: %s\n", path,
		    strerror(errno));
		abort();
	}
	while (off < size) {
		ssize_t w = write(fd, data + off, size - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			fprintf(stderr, "fuzz: cannot write %s: %s\n", path,
			    strerror(errno));
			abort();
		}
		off += (size_t)w;
	}
	close(fd);
}

#endif
