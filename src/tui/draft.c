/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* draft.c - draft files of typed values (see draft.h). */
#include "config.h"
#include "tui/draft.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/err.h"

static char *
xstrdup(const char *s)
{
	char *d = strdup(s != NULL ? s : "");

	if (d == NULL)
		lk_fatal("out of memory");
	return d;
}

static int
mkdir_p(const char *path)
{
	char buf[4096];
	size_t i;

	if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
		return -1;
	for (i = 1; buf[i]; i++) {
		if (buf[i] != '/')
			continue;
		buf[i] = '\0';
		if (mkdir(buf, 0700) != 0 && errno != EEXIST)
			return -1;
		buf[i] = '/';
	}
	if (mkdir(buf, 0700) != 0 && errno != EEXIST)
		return -1;
	return access(buf, W_OK) == 0 ? 0 : -1;
}

static char *
home_dir(void)
{
	const char *x = getenv("XDG_DATA_HOME"), *h = getenv("HOME");
	char buf[4096];

	if (x != NULL && *x)
		snprintf(buf, sizeof buf, "%s/lakip/drafts", x);
	else if (h != NULL && *h)
		snprintf(buf, sizeof buf, "%s/.local/share/lakip/drafts", h);
	else
		return NULL;
	return xstrdup(buf);
}

static char *
beside_db(const char *db)
{
	char buf[4096];

	snprintf(buf, sizeof buf, "%s.drafts", db);
	return xstrdup(buf);
}

char *
draft_dir(const char *db)
{
	char *d = home_dir();

	if (d != NULL && mkdir_p(d) == 0)
		return d;
	free(d);
	d = beside_db(db);
	mkdir_p(d);
	return d;
}

static uint64_t
fnv(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	h ^= 0xff;
	h *= 1099511628211ULL;
	return h;
}

static void
file_name(const draft_key *k, char *out, size_t n)
{
	uint64_t h = 14695981039346656037ULL;
	char num[32], safe[64];
	size_t i, j = 0;

	h = fnv(h, k->db);
	h = fnv(h, k->instansi != NULL ? k->instansi : "");
	snprintf(num, sizeof num, "%d/%d", k->tahun, k->tw);
	h = fnv(h, num);
	h = fnv(h, k->form);
	h = fnv(h, k->entity != NULL ? k->entity : "");
	for (i = 0; k->instansi != NULL && k->instansi[i] && j < 40; i++) {
		char c = k->instansi[i];

		safe[j++] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' ? c : '_';
	}
	safe[j] = '\0';
	snprintf(out, n, "%s-%d-%s-%016" PRIx64 ".draft", *safe ? safe : "baru",
		 k->tahun, k->form, h);
}

static void
put_escaped(FILE *f, const char *s)
{
	for (; s != NULL && *s; s++) {
		switch (*s) {
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\t': fputs("\\t", f); break;
		default: fputc(*s, f);
		}
	}
	fputc('\n', f);
}

int
draft_write(const draft_key *k, const char *title,
	    const char *const *names, const char *const *values, size_t n)
{
	char *dir = draft_dir(k->db), name[256], path[4096], tmp[4200], when[64];
	time_t now = time(NULL);
	struct tm tm;
	FILE *f;
	size_t i;
	int fd, rc = 0;

	file_name(k, name, sizeof name);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	free(dir);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0)
		return -1;
	if ((f = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(tmp);
		return -1;
	}
	/* UTC, as the database keeps times; shown in the agency's zone. */
	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	fputs("# lakip draft: typed values that were not saved\n", f);
	fputs("db=", f);
	put_escaped(f, k->db);
	fputs("instansi=", f);
	put_escaped(f, k->instansi);
	fprintf(f, "tahun=%d\ntriwulan=%d\n", k->tahun, k->tw);
	fputs("form=", f);
	put_escaped(f, k->form);
	fputs("entity=", f);
	put_escaped(f, k->entity);
	fputs("title=", f);
	put_escaped(f, title);
	fprintf(f, "saved=%s\n", when);
	for (i = 0; i < n; i++) {
		fprintf(f, "field.%s=", names[i]);
		put_escaped(f, values[i] != NULL ? values[i] : "");
	}
	if (fflush(f) != 0 || fsync(fileno(f)) != 0)
		rc = -1;
	if (fclose(f) != 0)
		rc = -1;
	if (rc == 0 && rename(tmp, path) != 0)
		rc = -1;
	if (rc != 0)
		unlink(tmp);
	return rc;
}

void
draft_remove(const draft_key *k)
{
	char name[256], path[4096];
	char *dirs[2];
	int i;

	file_name(k, name, sizeof name);
	dirs[0] = home_dir();
	dirs[1] = beside_db(k->db);
	for (i = 0; i < 2; i++) {
		if (dirs[i] == NULL)
			continue;
		snprintf(path, sizeof path, "%s/%s", dirs[i], name);
		unlink(path);
		free(dirs[i]);
	}
}

static char *
unescape(const char *s)
{
	char *o = xstrdup(s), *p = o;

	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			*p++ = *s == 'n' ? '\n' : *s == 'r' ? '\r' :
			    *s == 't' ? '\t' : *s;
		} else {
			*p++ = *s;
		}
	}
	*p = '\0';
	return o;
}

static draft *
draft_read(const char *path)
{
	FILE *f = fopen(path, "r");
	draft *d;
	char *line = NULL;
	size_t cap = 0, fcap = 0;
	ssize_t len;

	if (f == NULL)
		return NULL;
	if ((d = calloc(1, sizeof *d)) == NULL)
		lk_fatal("out of memory");
	d->path = xstrdup(path);
	while ((len = getline(&line, &cap, f)) > 0) {
		char *eq, *v;

		if (line[len - 1] == '\n')
			line[--len] = '\0';
		if (line[0] == '#' || (eq = strchr(line, '=')) == NULL)
			continue;
		*eq = '\0';
		v = unescape(eq + 1);
		if (strcmp(line, "db") == 0) { free(d->db); d->db = v; }
		else if (strcmp(line, "instansi") == 0) { free(d->instansi); d->instansi = v; }
		else if (strcmp(line, "form") == 0) { free(d->form); d->form = v; }
		else if (strcmp(line, "entity") == 0) { free(d->entity); d->entity = v; }
		else if (strcmp(line, "title") == 0) { free(d->title); d->title = v; }
		else if (strcmp(line, "saved") == 0) { free(d->saved); d->saved = v; }
		else if (strcmp(line, "tahun") == 0) { d->tahun = atoi(v); free(v); }
		else if (strcmp(line, "triwulan") == 0) { d->tw = atoi(v); free(v); }
		else if (strncmp(line, "field.", 6) == 0) {
			if (d->n == fcap) {
				fcap = fcap ? fcap * 2 : 16;
				d->name = realloc(d->name, fcap * sizeof *d->name);
				d->value = realloc(d->value, fcap * sizeof *d->value);
				if (d->name == NULL || d->value == NULL)
					lk_fatal("out of memory");
			}
			d->name[d->n] = xstrdup(line + 6);
			d->value[d->n++] = v;
		} else {
			free(v);
		}
	}
	free(line);
	fclose(f);
	if (d->db == NULL || d->form == NULL) {
		draft_free(d);
		return NULL;
	}
	if (d->instansi == NULL) d->instansi = xstrdup("");
	if (d->entity == NULL) d->entity = xstrdup("");
	if (d->title == NULL) d->title = xstrdup(d->form);
	if (d->saved == NULL) d->saved = xstrdup("");
	return d;
}

static int
by_saved(const void *a, const void *b)
{
	const draft *x = *(draft *const *)a, *y = *(draft *const *)b;

	return strcmp(x->saved, y->saved);
}

int
draft_list(const char *db, draft ***out, size_t *n)
{
	char *dirs[2];
	draft **v = NULL;
	size_t cap = 0;
	int i;

	*n = 0;
	dirs[0] = home_dir();
	dirs[1] = beside_db(db);
	for (i = 0; i < 2; i++) {
		DIR *dp;
		struct dirent *de;

		if (dirs[i] == NULL || (dp = opendir(dirs[i])) == NULL) {
			free(dirs[i]);
			continue;
		}
		while ((de = readdir(dp)) != NULL) {
			size_t l = strlen(de->d_name);
			char path[4096];
			draft *d;

			if (l < 7 || strcmp(de->d_name + l - 6, ".draft") != 0)
				continue;
			snprintf(path, sizeof path, "%s/%s", dirs[i], de->d_name);
			if ((d = draft_read(path)) == NULL)
				continue;
			if (strcmp(d->db, db) != 0) {
				draft_free(d);
				continue;
			}
			if (*n == cap) {
				cap = cap ? cap * 2 : 8;
				if ((v = realloc(v, cap * sizeof *v)) == NULL)
					lk_fatal("out of memory");
			}
			v[(*n)++] = d;
		}
		closedir(dp);
		free(dirs[i]);
	}
	if (*n > 1)
		qsort(v, *n, sizeof *v, by_saved);
	*out = v;
	return 0;
}

void
draft_free(draft *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		free(d->name[i]);
		free(d->value[i]);
	}
	free(d->name);
	free(d->value);
	free(d->path);
	free(d->db);
	free(d->instansi);
	free(d->form);
	free(d->entity);
	free(d->title);
	free(d->saved);
	free(d);
}

void
draft_free_all(draft **d, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		draft_free(d[i]);
	free(d);
}

const char *
draft_get(const draft *d, const char *name)
{
	size_t i;

	for (i = 0; d != NULL && i < d->n; i++)
		if (strcmp(d->name[i], name) == 0)
			return d->value[i];
	return NULL;
}

draft_key
draft_key_of(const draft *d)
{
	draft_key k = { d->db, d->instansi, d->tahun, d->tw, d->form, d->entity };

	return k;
}
