/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* files.c - reading a PDF whole, writing the signed one safely, and the
 * SHA-256 helpers of sign.h. */
#include "config.h"
#include "core/i18n.h"
#include "core/keluar.h"
#include "core/hex.h"
#include "sign.h"
#include "sign_int.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/sha.h>

int
sign_read_file(const char *path, unsigned char **buf, size_t *len, lk_err *e)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	unsigned char *p;
	size_t n = 0, cap;

	*buf = NULL;
	*len = 0;
	if (f == NULL)
		return lk_fail(e, EX_NOINPUT, _("cannot open %s: %s"), path,
		    strerror(errno));
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		fclose(f);
		return lk_fail(e, EX_NOINPUT, _("%s is not a regular file"), path);
	}
	cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
	p = malloc(cap);
	if (p == NULL)
		lk_fatal("out of memory");
	for (;;) {
		size_t got = fread(p + n, 1, cap - n, f);

		n += got;
		if (n < cap) {
			if (ferror(f)) {
				int err = errno;

				fclose(f);
				free(p);
				return lk_fail(e, EX_IOERR, _("cannot read %s: %s"),
				    path, strerror(err));
			}
			break;
		}
		if (cap > SIZE_MAX / 2)
			lk_fatal("file too large");
		cap *= 2;
		p = realloc(p, cap);
		if (p == NULL)
			lk_fatal("out of memory");
	}
	fclose(f);
	*buf = p;
	*len = n;
	return 0;
}

static void
unlink_quietly(const char *path)
{
	int err = errno;

	(void)unlink(path);
	errno = err;
}

int
sign_write_atomic(const char *out, const sign_span *parts, size_t nparts,
		  lk_err *e)
{
	char tmp[PATH_MAX];
	const char *slash = strrchr(out, '/');
	mode_t mask;
	int fd, n;

	/* The pid in the name: a later run removes what a killed one left
	 * (svc_sweep_temps). */
	if (slash != NULL)
		n = snprintf(tmp, sizeof tmp, "%.*s/.lakip-sign-%ld-XXXXXX",
		    (int)(slash - out), out, (long)getpid());
	else
		n = snprintf(tmp, sizeof tmp, ".lakip-sign-%ld-XXXXXX",
		    (long)getpid());
	if (n < 0 || (size_t)n >= sizeof tmp)
		return lk_fail(e, EX_CANTCREAT, _("cannot create %s: path too long"),
		    out);
	fd = mkstemp(tmp);
	if (fd < 0)
		return lk_fail(e, EX_CANTCREAT, _("cannot create %s: %s"), out,
		    strerror(errno));
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0)
		goto fail;
	for (size_t i = 0; i < nparts; i++) {
		const unsigned char *p = parts[i].p;
		size_t left = parts[i].n;

		while (left > 0) {
			ssize_t w = write(fd, p, left);

			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				goto fail;
			p += w;
			left -= (size_t)w;
		}
	}
	if (fsync(fd) != 0 && errno != EINVAL)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (lk_keluar(tmp, out, NULL) != 0)
		goto fail;
	return 0;
fail:
	n = errno;
	if (fd >= 0)
		close(fd);
	unlink_quietly(tmp);
	return lk_fail(e, EX_CANTCREAT, _("cannot write %s: %s"), out, strerror(n));
}

/* ---- SHA-256 ---- */

void
sign_sha256_hex(const void *buf, size_t len, char hex[65])
{
	unsigned char h[SHA256_DIGEST_LENGTH];

	SHA256(buf, len, h);
	lk_hex(h, SHA256_DIGEST_LENGTH, hex);
}

int
sign_sha256_file(const char *path, char hex[65], lk_err *e)
{
	unsigned char buf[65536], h[SHA256_DIGEST_LENGTH];
	EVP_MD_CTX *c;
	FILE *f;
	size_t n;
	int rc = 0;

	hex[0] = '\0';
	f = fopen(path, "rb");
	if (f == NULL)
		return lk_fail(e, EX_NOINPUT, _("cannot open %s: %s"), path,
		    strerror(errno));
	c = EVP_MD_CTX_new();
	if (c == NULL || EVP_DigestInit_ex(c, EVP_sha256(), NULL) != 1)
		lk_fatal("SHA-256 unavailable");
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		EVP_DigestUpdate(c, buf, n);
	if (ferror(f))
		rc = lk_fail(e, EX_IOERR, _("cannot read %s: %s"), path,
		    strerror(errno));
	else
		EVP_DigestFinal_ex(c, h, NULL);
	EVP_MD_CTX_free(c);
	fclose(f);
	if (rc == 0)
		lk_hex(h, SHA256_DIGEST_LENGTH, hex);
	return rc;
}
