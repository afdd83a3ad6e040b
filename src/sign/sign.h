/* sign.h - digital signatures on PDF files (PAdES / adbe.pkcs7.detached).
 *
 * Owns: adding a signature to a finished PDF as an incremental update (a
 * /Sig dictionary with /ByteRange and /Contents, a signature field and
 * widget in the AcroForm), the CMS SignedData made with OpenSSL from a
 * PKCS#12 file (SHA-256; for PAdES the ESS signing-certificate-v2 signed
 * attribute), and verifying such a signature.  It knows nothing of the
 * database: the caller stores what it needs.
 *
 * Errors: EX_NOINPUT (PDF or .p12 missing), EX_DATAERR (wrong password,
 * no private key in the .p12, not a PDF, no or broken signature),
 * EX_CANTCREAT (output cannot be written: nothing is left behind),
 * EX_SOFTWARE (OpenSSL failure, with its message).
 */
#ifndef LK_SIGN_H
#define LK_SIGN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

enum sign_subfilter {
	SIGN_PADES = 0,          /* ETSI.CAdES.detached (default) */
	SIGN_PKCS7,              /* adbe.pkcs7.detached */
};

typedef struct sign_opts {
	const char *p12;         /* PKCS#12 file */
	const char *password;    /* its password ("" for none) */
	enum sign_subfilter subfilter;
	const char *name;        /* /Name: the signer as printed, or NULL */
	const char *reason;      /* /Reason, or NULL */
	const char *location;    /* /Location (the kota), or NULL */
	int64_t when;            /* signing time, seconds since the epoch */
} sign_opts;

typedef struct sign_cert_info {
	char subject[512];       /* one-line subject of the signer's certificate */
	char issuer[512];
	int64_t not_before, not_after;
	bool expired;            /* at opts.when: signing still works; the caller warns */
	bool self_signed;
} sign_cert_info;

/* Sign pdf_in into pdf_out (may be the same path): the output is written
 * to a temporary file beside pdf_out and renamed when complete.
 * cert (may be NULL) receives the signer's certificate details. */
int sign_pdf(const char *pdf_in, const char *pdf_out, const sign_opts *o,
	     sign_cert_info *cert, lk_err *e);

typedef struct sign_verify_result {
	bool signed_;            /* a signature dictionary was found */
	bool digest_ok;          /* the signed byte ranges hash to the signed digest */
	bool signature_ok;       /* the CMS signature verifies with the embedded certificate */
	bool covers_whole_file;  /* the byte ranges cover the file but /Contents */
	enum sign_subfilter subfilter;
	sign_cert_info cert;
	int64_t signing_time;    /* from the signed attributes, or 0 */
	char name[256];          /* /Name */
	unsigned char unsigned_sha256[32]; /* SHA-256 of the PDF as it was before the
	                          * signature's incremental update (its first
	                          * /ByteRange start .. the update), to match with
	                          * a stored hash */
} sign_verify_result;

/* Check the (last) signature of a PDF file.  Returns 0 when the file could
 * be examined (look at the result's flags), or an error code. */
int sign_verify(const char *pdf, sign_verify_result *r, lk_err *e);

/* SHA-256 of a file or a buffer, as 64 lowercase hex digits + NUL. */
int sign_sha256_file(const char *path, char hex[65], lk_err *e);
void sign_sha256_hex(const void *buf, size_t len, char hex[65]);

#endif
