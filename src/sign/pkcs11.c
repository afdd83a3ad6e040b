/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* pkcs11.c - a signing key on a token or smart card (PKCS#11).
 *
 * Owns: a key source named by an RFC 7512 URI ("pkcs11:token=...;
 * object=..."), loaded through OpenSSL's PKCS#11 engine (libp11, Debian
 * libengine-pkcs11-openssl, loaded at run time from OpenSSL's engines
 * directory): the private key stays on the token (OpenSSL asks the token
 * to sign), the certificate with it is read from the token.  The module
 * is the URI's module-path query attribute, else $LAKIP_PKCS11_MODULE,
 * else the engine's default (p11-kit's proxy, which loads every module
 * p11-kit knows: SoftHSM2, OpenSC).  Installed setgid (core/priv.h), a
 * module is never one the user names: the variable is not read and a
 * module-path is refused, since a module is code that would run with
 * the database's group.  The PIN is the caller's (never read
 * here from a terminal); a pin-value in the URI is used when none is
 * given.  Engines are OpenSSL 3's deprecated interface; there is no
 * PKCS#11 provider in Debian 12.
 */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include "config.h"
#include "core/i18n.h"
#include "core/priv.h"
#include "cms.h"
#include "sign_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include <openssl/engine.h>
#include <openssl/err.h>
#include <openssl/x509.h>

bool
sign_is_pkcs11(const char *src)
{
	return src != NULL && strncmp(src, "pkcs11:", 7) == 0;
}

int
sign_key_readable(const char *src, lk_err *e)
{
	struct stat st;

	if (sign_is_pkcs11(src))
		return 0;
	/* A key file that is no regular file (a FIFO, a device) could keep
	 * the signer waiting for ever. */
	if (src == NULL || stat(src, &st) != 0 || access(src, R_OK) != 0)
		return lk_fail(e, EX_NOINPUT, _("cannot read %s: %s"),
			       src != NULL ? src : "-", strerror(errno));
	if (!S_ISREG(st.st_mode))
		return lk_fail(e, EX_NOINPUT, _("%s is not a regular file"), src);
	return 0;
}

/* The value of query attribute name (RFC 7512: after '?', '&'-separated)
 * of uri, percent-decoded, in out; false when absent. */
static bool
query_attr(const char *uri, const char *name, char *out, size_t cap)
{
	const char *q = strchr(uri, '?');
	size_t n = strlen(name);

	while (q != NULL) {
		q++;
		if (strncmp(q, name, n) == 0 && q[n] == '=') {
			const char *v = q + n + 1;
			size_t k = 0;

			while (*v != '\0' && *v != '&' && k + 1 < cap) {
				if (v[0] == '%' && v[1] != '\0' && v[2] != '\0') {
					char hx[3] = { v[1], v[2], 0 };

					out[k++] = (char)strtol(hx, NULL, 16);
					v += 3;
				} else {
					out[k++] = *v++;
				}
			}
			out[k] = '\0';
			return true;
		}
		q = strchr(q, '&');
	}
	return false;
}

/* The URI's path (before '?') without a type attribute, for the engine:
 * the same object names the private key and the certificate. */
static char *
object_uri(const char *uri)
{
	size_t n = strcspn(uri, "?");
	char *out = malloc(n + 1), *o = out;
	const char *p = uri + 7, *end = uri + n;

	if (out == NULL)
		lk_fatal("out of memory");
	memcpy(o, "pkcs11:", 7);
	o += 7;
	while (p < end) {
		size_t k = strcspn(p, ";");

		if (p + k > end)
			k = (size_t)(end - p);
		if (strncmp(p, "type=", 5) != 0 && k > 0) {
			if (o > out + 7)
				*o++ = ';';
			memcpy(o, p, k);
			o += k;
		}
		p += k + 1;
	}
	*o = '\0';
	return out;
}

static int
engine_fail(lk_err *e, int code, const char *what, const char *uri)
{
	char buf[256];

	if (*sign_ossl_reason(buf, sizeof buf, "") != '\0')
		return lk_fail(e, code, "%s (%s): %s", what, uri, buf);
	return lk_fail(e, code, "%s (%s)", what, uri);
}

int
cms_load_pkcs11(const char *uri, const char *pin, cms_key *k, lk_err *e)
{
	struct {
		const char *id;
		X509 *cert;
	} load = { NULL, NULL };
	char module[1024], pinbuf[256];
	/* read only when not setgid, as every variable (core/priv.h) */
	const char *env = priv_getenv("LAKIP_PKCS11_MODULE");
	ENGINE *en;
	char *obj = NULL;
	int rc = 0;

	memset(k, 0, sizeof *k);
	ERR_clear_error();
	if ((pin == NULL || *pin == '\0')
	    && query_attr(uri, "pin-value", pinbuf, sizeof pinbuf))
		pin = pinbuf;
	if ((en = ENGINE_by_id("pkcs11")) == NULL) {
		ERR_clear_error();
		return lk_fail(e, EX_UNAVAILABLE, _("cannot sign with a key on a "
			       "token: OpenSSL's PKCS#11 engine is not installed "
			       "(Debian: apt-get install libengine-pkcs11-openssl)"));
	}
	/* libp11 writes its own error lines to standard error, which would
	 * land on the terminal application's screen: lakip reports them */
	(void)ENGINE_ctrl_cmd_string(en, "QUIET", NULL, 1);
	if (query_attr(uri, "module-path", module, sizeof module)) {
		/* a module is code: one a user names must not run with the
		 * database's group */
		if (priv_setgid()) {
			ENGINE_free(en);
			return lk_fail(e, EX_NOPERM, _("lakip runs with the "
				       "database's group here: it loads only the "
				       "PKCS#11 modules p11-kit is configured with "
				       "(no module-path)"));
		}
		env = module;
	}
	/* the engine loads the module only when it first looks for a key,
	 * and a missing one is then told as a missing key */
	if (env != NULL && *env != '\0' && access(env, R_OK) != 0) {
		rc = lk_fail(e, EX_UNAVAILABLE, _("cannot use the PKCS#11 module "
			     "%s: %s"), env, strerror(errno));
		ENGINE_free(en);
		return rc;
	}
	if (env != NULL && *env != '\0'
	    && !ENGINE_ctrl_cmd_string(en, "MODULE_PATH", env, 0)) {
		rc = engine_fail(e, EX_UNAVAILABLE, _("cannot use the PKCS#11 "
				 "module"), env);
		ENGINE_free(en);
		return rc;
	}
	if (!ENGINE_init(en)) {
		rc = engine_fail(e, EX_UNAVAILABLE, _("cannot load the PKCS#11 "
				 "module"), env != NULL ? env : "p11-kit-proxy.so");
		ENGINE_free(en);
		return rc;
	}
	k->engine = en;
	if (pin != NULL && *pin != '\0'
	    && !ENGINE_ctrl_cmd_string(en, "PIN", pin, 0)) {
		rc = engine_fail(e, EX_SOFTWARE, _("cannot give the PIN to the "
				 "token"), uri);
		goto out;
	}
	obj = object_uri(uri);
	k->key = ENGINE_load_private_key(en, obj, NULL, NULL);
	if (k->key == NULL) {
		rc = engine_fail(e, EX_DATAERR, _("no private key on the token, "
				 "or a wrong PIN"), obj);
		goto out;
	}
	load.id = obj;
	if (!ENGINE_ctrl_cmd(en, "LOAD_CERT_CTRL", 0, &load, NULL, 0)
	    || load.cert == NULL) {
		rc = engine_fail(e, EX_DATAERR, _("no certificate for the key on "
				 "the token"), obj);
		goto out;
	}
	k->cert = load.cert;
	if (X509_check_private_key(k->cert, k->key) != 1) {
		rc = lk_fail(e, EX_DATAERR, _("the certificate on the token (%s) "
			     "is not the one of its private key"), obj);
		goto out;
	}
out:
	memset(pinbuf, 0, sizeof pinbuf);
	free(obj);
	ERR_clear_error();
	if (rc != 0)
		cms_key_free(k);
	return rc;
}

void
cms_pkcs11_release(void *engine)
{
	if (engine != NULL) {
		ENGINE_finish(engine);
		ENGINE_free(engine);
	}
}
