/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* http.c - one request to a timestamp authority, an OCSP responder or a
 * CRL's distribution point, over http:// or https://.
 *
 * Owns: sign_http.  OpenSSL's own client (OSSL_HTTP_transfer) carries it;
 * for https:// a TLS layer (1.2 or later) is put on the connection,
 * checking the server's certificate against the system's trusted ones
 * (SSL_CERT_FILE and SSL_CERT_DIR as OpenSSL reads them, which a setgid
 * program does not take from its caller) and its name against the URL's
 * host (or address).  What is fetched is signed by its own authority and
 * checked by the caller; TLS keeps the request from being read or turned
 * away on the way, as a site that only offers https:// asks.
 */
#include "config.h"
#include "sign_int.h"

#include <arpa/inet.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/http.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

typedef struct tls_arg {
	SSL_CTX *ctx;
	const char *host;
} tls_arg;

/* OSSL_HTTP_bio_cb_t: on connecting over TLS, the TLS BIO on top of the
 * connection, naming and checking the host; on disconnecting, that BIO
 * taken off and freed, and after a failed exchange why the server's
 * certificate was refused, as the last error (the one sign_ossl_reason
 * reports). */
static BIO *
tls_layer(BIO *bio, void *arg, int connect, int detail)
{
	const tls_arg *t = arg;
	unsigned char addr[16];
	BIO *sbio;
	SSL *ssl = NULL;
	bool ip;
	long vr;

	if (!connect) {
		/* Disconnecting: the TLS BIO is ours to take off and free
		 * (OpenSSL frees only the connection below it). */
		BIO *below;

		if (BIO_get_ssl(bio, &ssl) <= 0 || ssl == NULL)
			return bio;
		if (!detail && (vr = SSL_get_verify_result(ssl)) != X509_V_OK)
			ERR_raise_data(ERR_LIB_SSL, SSL_R_CERTIFICATE_VERIFY_FAILED,
				       "%s", X509_verify_cert_error_string(vr));
		(void)ERR_set_mark();
		BIO_ssl_shutdown(bio);
		below = BIO_pop(bio);
		BIO_free(bio);
		(void)ERR_pop_to_mark();
		return below;
	}
	if (!detail)
		return bio;
	if ((sbio = BIO_new_ssl(t->ctx, 1)) == NULL)
		return NULL;
	BIO_get_ssl(sbio, &ssl);
	ip = inet_pton(AF_INET, t->host, addr) == 1 ||
	     inet_pton(AF_INET6, t->host, addr) == 1;
	if (ssl == NULL ||
	    (ip ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), t->host) != 1
		: SSL_set_tlsext_host_name(ssl, t->host) != 1 ||
		  SSL_set1_host(ssl, t->host) != 1)) {
		BIO_free(sbio);
		return NULL;
	}
	return BIO_push(sbio, bio);
}

BIO *
sign_http(const char *url, BIO *req, const char *req_type,
	  const char *want_type, bool asn1, size_t max, int timeout)
{
	char *host = NULL, *port = NULL, *path = NULL;
	int tls = 0;
	tls_arg t = { NULL, NULL };
	BIO *res = NULL;

	if ((strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0) ||
	    OSSL_HTTP_parse_url(url, &tls, NULL, &host, &port, NULL, &path,
	    NULL, NULL) != 1)
		goto out;
	if (tls) {
		if ((t.ctx = SSL_CTX_new(TLS_client_method())) == NULL ||
		    SSL_CTX_set_min_proto_version(t.ctx, TLS1_2_VERSION) != 1 ||
		    SSL_CTX_set_default_verify_paths(t.ctx) != 1)
			goto out;
		SSL_CTX_set_verify(t.ctx, SSL_VERIFY_PEER, NULL);
		t.host = host;
	}
	res = OSSL_HTTP_transfer(NULL, host, port, path, tls, NULL, NULL,
	    NULL, NULL, tls ? tls_layer : NULL, &t, 0, NULL, req_type, req,
	    want_type, asn1, max, timeout, 0);
out:
	SSL_CTX_free(t.ctx);
	OPENSSL_free(host);
	OPENSSL_free(port);
	OPENSSL_free(path);
	return res;
}
