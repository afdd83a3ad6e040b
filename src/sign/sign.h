/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
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

/* What the validation data's update of sign_pdf holds (o->lt). */
typedef struct sign_lt_info {
	bool added;              /* the DSS update was written */
	unsigned ncerts, ncrls, nocsps; /* what its DSS lists (with an
	                          * earlier DSS's) */
	bool revoked;            /* a certificate of the signature's chains is
	                          * revoked by the data collected */
	char revoked_cert[512];  /* its subject */
	int64_t revoked_at;
	char notes[1024];        /* what could not be fetched, "; "-separated */
} sign_lt_info;

typedef struct sign_opts {
	const char *p12;         /* PKCS#12 file, or a key on a token: an
	                          * RFC 7512 URI "pkcs11:..." (pkcs11.c) */
	const char *password;    /* its password ("" for none); a token's PIN */
	enum sign_subfilter subfilter;
	const char *name;        /* /Name: the signer as printed, or NULL */
	const char *reason;      /* /Reason, or NULL */
	const char *location;    /* /Location (the kota), or NULL */
	int64_t when;            /* signing time, seconds since the epoch */
	/* Added after the first version (zero-initialise sign_opts): */
	size_t reserve;          /* bytes reserved in /Contents for the CMS;
	                          * 0: automatic (16384, more for a long
	                          * certificate chain).  A CMS that does not
	                          * fit is EX_DATAERR and nothing is written. */
	const char *tsa_url;     /* an RFC 3161 timestamp authority (http://)
	                          * stamps the signature (PAdES B-T), or NULL */
	const char *app_data;    /* /LakipData of the signature dictionary
	                          * (signed, as every key but /Contents), or
	                          * NULL: lakip puts the audit chain's head
	                          * there */
	/* PAdES B-LT (added): lt adds, after the signature's update, a
	 * second one with a DSS dictionary (ISO 32000-2 12.8.4.3, ETSI EN
	 * 319 142-1): /Certs with the signer's and the timestamp
	 * authority's certificates, /CRLs with the files given and those
	 * fetched from the certificates' CRL distribution points, /OCSPs
	 * with the answers of their AIA OCSP responders (http://, 10 s
	 * each; offline: none fetched), and /VRI keyed by the SHA-1 of the
	 * signature's /Contents.  An earlier DSS is kept in the new one.
	 * A fetch that fails is a note in lt_info, not an error; a CRL
	 * file that cannot be read is EX_NOINPUT / EX_DATAERR. */
	bool lt;
	const char *const *crl_files;
	size_t ncrl_files;
	bool offline;
	sign_lt_info *lt_info;   /* filled when not NULL */
} sign_opts;

typedef struct sign_cert_info {
	char subject[512];       /* one-line subject of the signer's certificate */
	char issuer[512];
	int64_t not_before, not_after;
	bool expired;            /* at opts.when: signing still works; the caller warns */
	bool self_signed;
	bool not_yet_valid;      /* at opts.when (not_before > when) */
	/* Added after the first version: */
	char sha256[65];         /* fingerprint: SHA-256 of the DER certificate */
	char serial_number[64];  /* the subject's serialNumber (a NIP), or "" */
} sign_cert_info;

/* Sign pdf_in into pdf_out (may be the same path): the output is written
 * to a temporary file beside pdf_out and renamed when complete.
 * cert (may be NULL) receives the signer's certificate details. */
int sign_pdf(const char *pdf_in, const char *pdf_out, const sign_opts *o,
	     sign_cert_info *cert, lk_err *e);
/* Details (added): the input is kept byte for byte; the update appended
 * holds the /Sig dictionary, a signature field "SignatureN" (the first N
 * not taken) merged with an invisible widget on the first page, the
 * catalog with its /AcroForm merged (/Fields extended, /SigFlags 3) and
 * the first page with /Annots extended (see sign.c).  Refused with
 * EX_DATAERR naming the file: not a PDF, damaged structure, cross-reference
 * streams (PDF 1.5+ compressed xref; libharu never writes them), encrypted
 * files.  Also EX_IOERR (reading failed) and EX_USAGE (o->reserve over
 * 64 MB).  A signature already in the file stays valid. */

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
	/* Added after the first version: */
	int64_t claimed_time;    /* /M of the signature dictionary, or 0.  PAdES
	                          * signatures carry no signing-time attribute
	                          * (ETSI EN 319 142-1), so for them
	                          * signing_time is 0 and this is the time. */
	char reason[256];        /* /Reason, or "" (UTF-8) */
	char location[256];      /* /Location, or "" (UTF-8) */
	size_t signed_revision_end; /* where the signed bytes end (c + d of
	                          * /ByteRange): a later update starts there */
	char app_data[256];      /* /LakipData, or "" */
	bool timestamped;        /* the signature carries an RFC 3161 token */
	bool timestamp_ok;       /* ... over this signature value */
	int64_t timestamp;       /* its time (the authority's clock) */
	char tsa[256];           /* the authority, as the token names it */
	bool chain_checked;      /* a CA bundle was given (sign_verify_ca) */
	bool chain_ok;           /* the signer's certificate chains to it, at
	                          * the signing time */
	char chain_error[128];   /* why not, when chain_checked && !chain_ok */
	/* PAdES B-LT (added; ltv.c): */
	bool covers_signed_revision; /* the byte ranges cover the revision
	                          * they end, but /Contents */
	bool lt_updates_only;    /* updates follow the signed revision, and
	                          * each of them only adds validation data (a
	                          * new /DSS in the catalog, otherwise
	                          * unchanged, and new objects) */
	unsigned lt_updates;     /* how many */
	bool dss;                /* the document has a DSS */
	bool dss_has_chain;      /* it holds the signer's certificate and its
	                          * issuers (and the authority's) */
	bool vri;                /* and a /VRI entry for this signature */
	unsigned dss_certs, dss_crls, dss_ocsps;
	int64_t proof_time;      /* the time revocation is judged at: the
	                          * timestamp's when it is valid, else now */
	bool revocation_ok;      /* every certificate of the signer's and the
	                          * authority's chains but the roots has a
	                          * CRL or OCSP answer in the DSS, signed by
	                          * its issuer, covering proof_time */
	char revocation_missing[600]; /* the first certificate without */
	bool revoked;            /* the DSS says a certificate of the chains
	                          * was revoked at or before proof_time */
	char revoked_cert[512];  /* its subject */
	int64_t revoked_at;
	bool expired_now;        /* the signer's certificate has expired */
	bool expired_ok;         /* and the file proves the signature was made
	                          * while it was valid: a valid timestamp
	                          * before its end and revocation data of that
	                          * time (B-LT) */
	int level;               /* SIGN_LEVEL_* reached (valid signature) */
} sign_verify_result;

enum {
	SIGN_LEVEL_NONE = 0,     /* the signature does not verify */
	SIGN_LEVEL_BB,           /* PAdES B-B: a valid signature */
	SIGN_LEVEL_BT,           /* B-T: and a valid timestamp over it */
	SIGN_LEVEL_BLT,          /* B-LT: and the DSS holds the chains and
	                          * revocation data covering the timestamp */
};
/* "B-B", "B-T", "B-LT" or "-". */
const char *sign_level_name(int level);

/* Check the (last) signature of a PDF file.  Returns 0 when the file could
 * be examined (look at the result's flags), or an error code. */
/* Details (added): a PDF without any signature dictionary returns 0 with
 * signed_ false.  A signature dictionary whose /ByteRange or /Contents is
 * malformed, or whose /Contents is not a CMS SignedData, returns
 * EX_DATAERR with signed_ true.  "The last signature" is the newest
 * revision (following the xref /Prev chain) that holds a dictionary with
 * /ByteRange and /Contents.  Strings (/Name, /Reason, /Location) are given
 * in UTF-8.  unsigned_sha256 is the SHA-256 of the file's bytes
 * [0, E), where E is the end of the previous revision: just past its
 * "%%EOF" marker and the whitespace that follows it (for a signature
 * made by sign_pdf: exactly the file that was signed, unless that file
 * did not end with an end-of-line, when the "\n" sign_pdf added counts
 * too).  For a signature in the file's first revision, E is 0. */
int sign_verify(const char *pdf, sign_verify_result *r, lk_err *e);
/* The same, and when ca_file is not NULL the signer's certificate is
 * validated against the CA certificates in that PEM file (with the
 * certificates the signature carries as intermediates) at the signing
 * time: chain_checked, chain_ok, chain_error.  EX_NOINPUT when ca_file
 * cannot be read, EX_DATAERR when it holds no certificate. */
int sign_verify_ca(const char *pdf, const char *ca_file,
		   sign_verify_result *r, lk_err *e);

/* The same for a PDF held in memory (mem, memlen; pdf names it in
 * messages). */
int sign_verify_mem(const char *pdf, const unsigned char *mem, size_t memlen,
		    const char *ca_file, sign_verify_result *r, lk_err *e);
/* Every signature of a PDF, oldest first (verify_all.c): each as
 * sign_verify_ca checks it over the revision it signed (the file up to
 * the end of that revision; later updates do not count against it),
 * except that covers_whole_file says whether it covers the whole file
 * (true for the newest only when nothing was appended after it) and
 * later_updates how many revisions follow the one it signed.  *v
 * (malloc'ed, free()) and *n (0 for a file without a signature).
 * Errors as sign_verify_ca. */
typedef struct sign_verify_each {
	sign_verify_result r;
	size_t revision_end;     /* the end of the revision it verified */
	unsigned later_updates;
} sign_verify_each;
int sign_verify_all(const char *pdf, const char *ca_file,
		    sign_verify_each **v, size_t *n, lk_err *e);

/* The certificate in a PEM (or DER) file: its details at time when, and
 * its PEM text (*pem, malloc'ed, NUL-terminated; may be NULL).  EX_NOINPUT
 * when it cannot be opened, EX_DATAERR when it holds no certificate or
 * more than one. */
int sign_cert_file(const char *path, int64_t when, sign_cert_info *ci,
		   char **pem, lk_err *e);
/* The same for a certificate given as PEM text (as stored). */
int sign_cert_pem(const char *pem, int64_t when, sign_cert_info *ci,
		  lk_err *e);
/* A key source (sign_opts.p12) is a PKCS#11 URI: "pkcs11:...". */
bool sign_is_pkcs11(const char *src);
/* A key source can be read without waiting: a token's URI, or a regular
 * file that may be read (a FIFO or a device could block the signer);
 * else EX_NOINPUT naming it. */
int sign_key_readable(const char *src, lk_err *e);
/* The signer's certificate of a PKCS#12 file or a token (errors as
 * sign_pdf), its details at time when. */
int sign_p12_cert(const char *p12, const char *password, int64_t when,
		  sign_cert_info *ci, lk_err *e);

/* SHA-256 of a file or a buffer, as 64 lowercase hex digits + NUL. */
int sign_sha256_file(const char *path, char hex[65], lk_err *e);
void sign_sha256_hex(const void *buf, size_t len, char hex[65]);

#endif
