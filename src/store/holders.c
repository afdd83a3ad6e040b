/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* holders.c - which processes hold a lock on an SQLite database file, its
 * -wal or its -shm (Linux /proc/locks), for the message a busy database
 * gets.  The file names are SQLite's, so this belongs to the store and
 * nothing above it knows them. */
#include "config.h"
#include "store/store.h"

#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"

static bool
inode_of(const char *path, unsigned long *ino)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return false;
	*ino = (unsigned long)st.st_ino;
	return true;
}

static void
describe_pid(long pid, char *out, size_t n)
{
	char path[64], comm[64] = "?", line[256];
	const char *user = NULL;
	FILE *f;
	long uid = -1;

	snprintf(path, sizeof path, "/proc/%ld/comm", pid);
	if ((f = fopen(path, "r")) != NULL) {
		if (fgets(comm, sizeof comm, f) != NULL)
			comm[strcspn(comm, "\n")] = '\0';
		fclose(f);
	}
	snprintf(path, sizeof path, "/proc/%ld/status", pid);
	if ((f = fopen(path, "r")) != NULL) {
		while (fgets(line, sizeof line, f) != NULL)
			if (strncmp(line, "Uid:", 4) == 0) {
				uid = strtol(line + 4, NULL, 10);
				break;
			}
		fclose(f);
	}
	if (uid >= 0) {
		struct passwd *pw = getpwuid((uid_t)uid);

		if (pw != NULL)
			user = pw->pw_name;
	}
	if (user != NULL)
		snprintf(out, n, _("%s (PID %ld, user %s)"), comm, pid, user);
	else
		snprintf(out, n, _("%s (PID %ld)"), comm, pid);
}

void
store_lock_holders(const char *db, char *out, size_t n)
{
	static const char *const sfx[] = { "", "-wal", "-shm" };
	unsigned long ino[3];
	bool have[3];
	long seen[8];
	size_t nseen = 0, i;
	char path[4096], line[512];
	FILE *f;

	out[0] = '\0';
	for (i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s%s", db, sfx[i]);
		have[i] = inode_of(path, &ino[i]);
	}
	if ((f = fopen("/proc/locks", "r")) == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL && nseen < 8) {
		char kind[32], adv[32], rw[32], dev[64];
		long pid;
		unsigned long inode = 0;
		char *colon;
		bool hit = false;

		/* "1: POSIX  ADVISORY  WRITE 1234 08:01:5678 0 EOF" */
		if (sscanf(line, "%*[^:]: %31s %31s %31s %ld %63s", kind, adv, rw,
			   &pid, dev) != 5)
			continue;
		if ((colon = strrchr(dev, ':')) == NULL)
			continue;
		inode = strtoul(colon + 1, NULL, 10);
		for (i = 0; i < 3; i++)
			hit |= have[i] && ino[i] == inode;
		if (!hit || pid == (long)getpid() || pid <= 0)
			continue;
		for (i = 0; i < nseen; i++)
			if (seen[i] == pid)
				break;
		if (i < nseen)
			continue;
		seen[nseen++] = pid;
		if (out[0])
			strncat(out, ", ", n - strlen(out) - 1);
		describe_pid(pid, out + strlen(out), n - strlen(out));
	}
	fclose(f);
}
