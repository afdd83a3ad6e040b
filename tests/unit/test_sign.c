/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_sign.c - signing PDFs (src/sign): the incremental update checked by
 * poppler's pdfsig, qpdf and openssl cms; verification; errors and
 * hostile input.
 *
 * Test material is made at start with the openssl tool (no key is
 * committed): a self-signed RSA 2048 key in a .p12 with a password, a
 * certificate valid for one day (signed "three days later" it has
 * expired), a CA-signed certificate with its chain, an EC key, a .p12
 * without a key, one with an empty password and one in OpenSSL's legacy
 * format.  The PDF signed is written with libharu, like lakip's.
 *
 * Driver for tests/e2e/sign.sh: LAKIP_SIGN_TEST_PDF names a PDF to sign
 * instead of the libharu one (e.g. a real report); LAKIP_SIGN_TEST_KEEP
 * names a directory where the signed results and the .p12 are copied
 * for the script to check with its own tools.
 */
#include "config.h"
#include "lktest.h"

#include <errno.h>
#include <hpdf.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>

#include <openssl/cms.h>
#include <openssl/x509.h>

#include "sign/sign.h"

#define PASS "rahasia 123"
#define SIGNER "Dr. H. Ahmad Hidayat, M.Si."

static char M[1024];              /* the material directory */
static pid_t M_owner;
static char BASE[PATH_MAX];      /* the unsigned PDF */
static const char *KEEP;         /* LAKIP_SIGN_TEST_KEEP or NULL */

/* ==== helpers ==== */

static const char *
mpath(const char *name)
{
	static char buf[8][PATH_MAX];
	static int k;

	k = (k + 1) % 8;
	snprintf(buf[k], sizeof buf[k], "%s/%s", M, name);
	return buf[k];
}

/* Runs a shell command; its output (stdout and stderr) in out. */
static int
sh(char *out, size_t cap, const char *fmt, ...)
{
	char cmd[8192];
	va_list ap;
	FILE *p;
	size_t n = 0;
	int st;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	strncat(cmd, " 2>&1", sizeof cmd - strlen(cmd) - 1);
	p = popen(cmd, "r");
	if (p == NULL) {         /* also used before the tests run */
		perror("popen");
		abort();
	}
	if (out != NULL && cap > 0) {
		n = fread(out, 1, cap - 1, p);
		out[n] = '\0';
	}
	while (fgetc(p) != EOF)
		;
	st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static void
must(const char *fmt, ...)
{
	char cmd[8192], out[4096];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	rc = sh(out, sizeof out, "%s", cmd);
	if (rc != 0) {
		fprintf(stderr, "command failed (%d): %s\n%s\n", rc, cmd, out);
		abort();
	}
}

static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *p = NULL;
	size_t cap = 0, n = 0, got;

	ck_assert_msg(f != NULL, "cannot open %s: %s", path, strerror(errno));
	do {
		if (cap - n < 65536) {
			cap = cap * 2 + 65536;
			p = realloc(p, cap + 1);
			ck_assert_ptr_nonnull(p);
		}
		got = fread(p + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	p[n] = '\0';
	*len = n;
	return p;
}

/* The last occurrence of needle in buf[0, len), or NULL. */
static char *
find_last(unsigned char *buf, size_t len, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t p = len >= k ? len - k + 1 : 0; p-- > 0;)
		if (memcmp(buf + p, needle, k) == 0)
			return (char *)buf + p;
	return NULL;
}

static void
spew(const char *path, const void *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	ck_assert_msg(f != NULL, "cannot create %s", path);
	ck_assert_uint_eq(fwrite(p, 1, n, f), n);
	ck_assert_int_eq(fclose(f), 0);
}

static bool
exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* Files in dir whose names start with prefix. */
static int
count_prefixed(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((de = readdir(d)) != NULL)
		n += strncmp(de->d_name, prefix, strlen(prefix)) == 0;
	closedir(d);
	return n;
}

static size_t
count_str(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

/* A PDF written by libharu: pages of text, compressed or not.  Also used
 * before the tests run: no ck_assert. */
static void
make_pdf(const char *path, int pages, int lines, bool compress)
{
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	HPDF_Font font;

	if (pdf == NULL)
		abort();
	if (compress)
		HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	font = HPDF_GetFont(pdf, "Helvetica", NULL);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, "Laporan Kinerja Triwulan II");
	for (int pg = 0; pg < pages; pg++) {
		HPDF_Page page = HPDF_AddPage(pdf);

		HPDF_Page_BeginText(page);
		HPDF_Page_SetFontAndSize(page, font, 9);
		for (int l = 0; l < lines; l++) {
			char line[160];

			snprintf(line, sizeof line, "Halaman %d baris %d: capaian "
			    "kinerja sasaran strategis %d persen", pg + 1, l + 1,
			    (pg * 7 + l * 13) % 100);
			HPDF_Page_TextOut(page, 40, 800 - 10 * (l % 75), line);
		}
		HPDF_Page_EndText(page);
	}
	if (HPDF_SaveToFile(pdf, path) != HPDF_OK) {
		fprintf(stderr, "libharu cannot write %s\n", path);
		abort();
	}
	HPDF_Free(pdf);
}

static sign_opts
opts(const char *p12, enum sign_subfilter sf, int64_t when)
{
	sign_opts o;

	memset(&o, 0, sizeof o);
	o.p12 = p12;
	o.password = PASS;
	o.subfilter = sf;
	o.name = SIGNER;
	o.reason = "Persetujuan Laporan Kinerja Triwulan II 2023";
	o.location = "Palangka Raya";
	o.when = when;
	return o;
}

/* A fresh per-test directory inside the material directory. */
static const char *
workdir(void)
{
	static char buf[2048];
	static int n;

	snprintf(buf, sizeof buf, "%s/w%d-%d", M, (int)getpid(), n++);
	ck_assert_int_eq(mkdir(buf, 0777), 0);
	return buf;
}

static const char *
wpath(const char *dir, const char *name)
{
	static char buf[8][PATH_MAX];
	static int k;

	k = (k + 1) % 8;
	snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
	return buf[k];
}

static void
sign_ok(const char *in, const char *out, const sign_opts *o,
	sign_cert_info *ci)
{
	lk_err e = {0, ""};
	int rc = sign_pdf(in, out, o, ci, &e);

	ck_assert_msg(rc == 0, "sign_pdf %s: %d %s", in, rc, e.msg);
}

/* The signed ranges and the CMS of the last /ByteRange in the file, read
 * without src/sign: data and DER written to files. */
static void
extract(const char *pdf, const char *data_out, const char *der_out)
{
	size_t len, a, b, c, d, n = 0;
	unsigned char *buf = slurp(pdf, &len), *der;
	const char *p = NULL;
	FILE *f;

	p = find_last(buf, len, "/ByteRange [");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(sscanf(p, "/ByteRange [%zu %zu %zu %zu", &a, &b, &c, &d), 4);
	ck_assert_uint_eq(a, 0);
	ck_assert_uint_le(c + d, len);
	ck_assert_int_eq(buf[b], '<');
	ck_assert_int_eq(buf[c - 1], '>');
	f = fopen(data_out, "wb");
	ck_assert_ptr_nonnull(f);
	fwrite(buf + a, 1, b, f);
	fwrite(buf + c, 1, d, f);
	fclose(f);
	der = malloc((c - b) / 2 + 1);
	for (size_t i = b + 1; i + 1 < c - 1; i += 2) {
		unsigned v;

		ck_assert_int_eq(sscanf((const char *)buf + i, "%2x", &v), 1);
		der[n++] = (unsigned char)v;
	}
	while (n > 0 && der[n - 1] == 0)     /* the placeholder's padding */
		n--;
	/* DER ends with a non-zero byte only by chance: use the length. */
	ck_assert_int_eq(der[0], 0x30);
	if (der[1] == 0x82)
		n = 4 + ((size_t)der[2] << 8 | der[3]);
	else if (der[1] == 0x83)
		n = 5 + ((size_t)der[2] << 16 | (size_t)der[3] << 8 | der[4]);
	spew(der_out, der, n);
	free(der);
	free(buf);
}

static void
spews(const char *path, const char *s)
{
	spew(path, s, strlen(s));
}

static void
keep(const char *src, const char *name)
{
	if (KEEP != NULL)
		must("cp '%s' '%s/%s'", src, KEEP, name);
}

/* ==== material ==== */

static void
cleanup(void)
{
	if (getpid() == M_owner && M[0] != '\0')
		lktest_rmtree(M);
}

static void
make_material(void)
{
	const char *subj = "/C=ID/O=Badan Kesatuan Bangsa dan Politik/CN=" SIGNER;
	const char *pdf = getenv("LAKIP_SIGN_TEST_PDF");

	snprintf(M, sizeof M, "%s", lktest_tmpdir());
	M_owner = getpid();
	atexit(cleanup);
	KEEP = getenv("LAKIP_SIGN_TEST_KEEP");
	if (KEEP != NULL && *KEEP == '\0')
		KEEP = NULL;
	must("cd '%s' && openssl req -x509 -newkey rsa:2048 -nodes -keyout self.key "
	    "-out self.crt -days 365 -subj '%s'", M, subj);
	must("cd '%s' && openssl pkcs12 -export -inkey self.key -in self.crt "
	    "-out self.p12 -passout 'pass:" PASS "'", M);
	must("cd '%s' && openssl pkcs12 -export -inkey self.key -in self.crt "
	    "-out nopass.p12 -passout pass:", M);
	must("cd '%s' && openssl pkcs12 -export -nokeys -in self.crt "
	    "-out nokey.p12 -passout 'pass:" PASS "'", M);
	must("cd '%s' && openssl req -x509 -newkey rsa:2048 -nodes -keyout short.key "
	    "-out short.crt -days 1 -subj '/CN=Berlaku Sehari'", M);
	must("cd '%s' && openssl pkcs12 -export -inkey short.key -in short.crt "
	    "-out short.p12 -passout 'pass:" PASS "'", M);
	must("cd '%s' && openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key "
	    "-out ca.crt -days 3650 -subj '/C=ID/O=Uji/CN=Uji Root CA' "
	    "-addext basicConstraints=critical,CA:TRUE "
	    "-addext keyUsage=critical,keyCertSign,cRLSign", M);
	must("cd '%s' && openssl req -newkey rsa:2048 -nodes -keyout leaf.key "
	    "-out leaf.csr -subj '/C=ID/CN=Kepala Badan'", M);
	must("cd '%s' && openssl x509 -req -in leaf.csr -CA ca.crt -CAkey ca.key "
	    "-CAcreateserial -out leaf.crt -days 365", M);
	must("cd '%s' && openssl pkcs12 -export -inkey leaf.key -in leaf.crt "
	    "-certfile ca.crt -out chain.p12 -passout 'pass:" PASS "'", M);
	must("cd '%s' && openssl req -x509 -newkey rsa:2048 -nodes -keyout nip.key "
	    "-out nip.crt -days 30 -subj '/C=ID/serialNumber=198001012005011001/CN=Kepala Badan'", M);
	must("cd '%s' && cat self.crt leaf.crt >two.crt && openssl x509 -in leaf.crt "
	    "-outform DER -out leaf.der && echo hello >notcert.txt", M);
	must("cd '%s' && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 "
	    "-nodes -keyout ec.key -out ec.crt -days 365 -subj '/CN=Kunci EC'", M);
	must("cd '%s' && openssl pkcs12 -export -inkey ec.key -in ec.crt "
	    "-out ec.p12 -passout 'pass:" PASS "'", M);
	/* CRLs of the CA (openssl ca -gencrl): one before the leaf is
	 * revoked, one after; one of another CA of the same name. */
	must("cd '%s' && : >index.txt && echo 01 >crlnumber && printf '%%s\\n' "
	    "'[ ca ]' 'default_ca = c' '[ c ]' 'database = index.txt' "
	    "'crlnumber = crlnumber' 'certificate = ca.crt' 'private_key = ca.key' "
	    "'default_md = sha256' 'default_crl_days = 2' >ca.cnf && "
	    "openssl ca -batch -config ca.cnf -gencrl -out good.crl && "
	    "openssl ca -batch -config ca.cnf -revoke leaf.crt && "
	    "openssl ca -batch -config ca.cnf -gencrl -out revoked.crl && "
	    "openssl req -x509 -newkey rsa:2048 -nodes -keyout fake.key -out fake.crt "
	    "-days 3650 -subj '/C=ID/O=Uji/CN=Uji Root CA' && "
	    "openssl ca -batch -config ca.cnf -keyfile fake.key -cert fake.crt "
	    "-gencrl -out fake.crl", M);
	if (sh(NULL, 0, "cd '%s' && openssl pkcs12 -export -legacy -inkey self.key "
	    "-in self.crt -out legacy.p12 -passout 'pass:" PASS "'", M) != 0)
		fprintf(stderr, "# openssl cannot write legacy .p12 files here\n");
	if (pdf != NULL && *pdf != '\0')
		must("cp '%s' '%s/base.pdf'", pdf, M);
	else
		make_pdf(mpath("base.pdf"), 2, 30, true);
	snprintf(BASE, sizeof BASE, "%s", mpath("base.pdf"));
	if (KEEP != NULL) {
		must("mkdir -p '%s'", KEEP);
		keep(mpath("self.p12"), "self.p12");
		keep(BASE, "unsigned.pdf");
	}
}

/* ==== SHA-256 ==== */

START_TEST(test_sha256)
{
	char hex[65];
	lk_err e = {0, ""};
	const char *dir = workdir();

	sign_sha256_hex("abc", 3, hex);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sign_sha256_hex("", 0, hex);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	spew(wpath(dir, "abc"), "abc", 3);
	ck_assert_int_eq(sign_sha256_file(wpath(dir, "abc"), hex, &e), 0);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	ck_assert_int_eq(sign_sha256_file(wpath(dir, "none"), hex, &e), EX_NOINPUT);
	ck_assert_ptr_nonnull(strstr(e.msg, "none"));
}
END_TEST

/* ==== signing, checked by other tools ==== */

static const struct sf_case {
	enum sign_subfilter sf;
	const char *name;
} sf_cases[] = {
	{SIGN_PADES, "ETSI.CAdES.detached"},
	{SIGN_PKCS7, "adbe.pkcs7.detached"},
};

START_TEST(test_sign_tools)
{
	const struct sf_case *c = &sf_cases[_i];
	const char *dir = workdir(), *out = wpath(dir, "signed.pdf");
	sign_opts o = opts(mpath("self.p12"), c->sf, (int64_t)time(NULL));
	sign_cert_info ci;
	char buf[16384];

	sign_ok(BASE, out, &o, &ci);
	ck_assert_msg(strstr(ci.subject, "CN = \"" SIGNER "\"") != NULL, "%s", ci.subject);
	ck_assert_msg(strstr(ci.subject, "O = Badan Kesatuan") != NULL, "%s", ci.subject);
	ck_assert(ci.self_signed);
	ck_assert(!ci.expired);
	ck_assert(!ci.not_yet_valid);

	ck_assert_int_eq(sh(buf, sizeof buf, "pdfsig '%s'", out), 0);
	ck_assert_msg(strstr(buf, "Signature is Valid") != NULL, "%s", buf);
	ck_assert_msg(strstr(buf, c->name) != NULL, "%s", buf);
	ck_assert_msg(strstr(buf, "Total document signed") != NULL, "%s", buf);
	ck_assert_msg(count_str(buf, "Signature #") == 1, "%s", buf);

	ck_assert_msg(sh(buf, sizeof buf, "qpdf --check '%s'", out) == 0, "%s", buf);
	ck_assert_msg(strstr(buf, "No syntax or stream encoding errors") != NULL, "%s", buf);

	extract(out, wpath(dir, "data.bin"), wpath(dir, "sig.der"));
	ck_assert_msg(sh(buf, sizeof buf, "openssl cms -verify -binary -inform DER "
	    "-in '%s' -content '%s' -noverify -out /dev/null", wpath(dir, "sig.der"),
	    wpath(dir, "data.bin")) == 0, "%s", buf);
	ck_assert_msg(strstr(buf, "Verification successful") != NULL, "%s", buf);
	ck_assert_int_eq(sh(buf, sizeof buf, "openssl cms -cmsout -print -inform DER "
	    "-in '%s'", wpath(dir, "sig.der")), 0);
	ck_assert_msg(strstr(buf, "sha256") != NULL, "%s", buf);
	if (c->sf == SIGN_PADES) {
		ck_assert_msg(strstr(buf, "id-smime-aa-signingCertificateV2") != NULL, "%s", buf);
		ck_assert_msg(strstr(buf, "signingTime") == NULL, "PAdES with signing-time");
	} else {
		ck_assert_msg(strstr(buf, "signingTime") != NULL, "%s", buf);
	}
	keep(out, c->sf == SIGN_PADES ? "pades.pdf" : "pkcs7.pdf");
}
END_TEST

/* The appended update: structure as designed. */
START_TEST(test_update_structure)
{
	const char *dir = workdir(), *out = wpath(dir, "s.pdf");
	sign_opts o = opts(mpath("self.p12"), SIGN_PADES, 1700000000);
	size_t inlen, outlen;
	unsigned char *in, *sig;
	const char *upd;

	sign_ok(BASE, out, &o, NULL);
	in = slurp(BASE, &inlen);
	sig = slurp(out, &outlen);
	ck_assert_uint_gt(outlen, inlen + 32768);
	ck_assert_msg(memcmp(in, sig, inlen) == 0, "the original is not a prefix");
	upd = (const char *)sig + inlen;
	ck_assert_ptr_nonnull(strstr(upd, "/Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached"));
	ck_assert_ptr_nonnull(strstr(upd, "/M (D:20231114221320+00'00')"));
	ck_assert_ptr_nonnull(strstr(upd, "/Name (" SIGNER ")"));
	ck_assert_ptr_nonnull(strstr(upd, "/Location (Palangka Raya)"));
	ck_assert_ptr_nonnull(strstr(upd, "/FT /Sig /T (Signature1)"));
	ck_assert_ptr_nonnull(strstr(upd, "/Rect [0 0 0 0] /F 132 /P "));
	ck_assert_ptr_nonnull(strstr(upd, "/SigFlags 3"));
	ck_assert_ptr_nonnull(strstr(upd, "/Annots ["));
	ck_assert_ptr_nonnull(strstr(upd, "/Prev "));
	ck_assert_msg(memcmp(sig + outlen - 6, "%%EOF\n", 6) == 0, "no %%%%EOF at the end");
	free(in);
	free(sig);
}
END_TEST

START_TEST(test_text_unchanged)
{
	const char *dir = workdir(), *out = wpath(dir, "s.pdf");
	sign_opts o = opts(mpath("self.p12"), SIGN_PADES, (int64_t)time(NULL));
	char buf[256];
	size_t a, b;
	unsigned char *ta, *tb;

	sign_ok(BASE, out, &o, NULL);
	ck_assert_int_eq(sh(buf, sizeof buf, "pdftotext '%s' '%s'", BASE, wpath(dir, "a.txt")), 0);
	ck_assert_int_eq(sh(buf, sizeof buf, "pdftotext '%s' '%s'", out, wpath(dir, "b.txt")), 0);
	ta = slurp(wpath(dir, "a.txt"), &a);
	tb = slurp(wpath(dir, "b.txt"), &b);
	ck_assert_uint_gt(a, 20);
	ck_assert_uint_eq(a, b);
	ck_assert(memcmp(ta, tb, a) == 0);
	free(ta);
	free(tb);
}
END_TEST

/* ==== sign_verify ==== */

START_TEST(test_verify_roundtrip)
{
	const struct sf_case *c = &sf_cases[_i];
	const char *dir = workdir(), *out = wpath(dir, "s.pdf");
	const int64_t when = 1700000000;
	sign_opts o = opts(mpath("self.p12"), c->sf, when);
	sign_verify_result r;
	lk_err e = {0, ""};
	char hex[65], uhex[65];

	o.app_data = "audit-head: 42 0123abcd";
	sign_ok(BASE, out, &o, NULL);
	ck_assert_msg(sign_verify(out, &r, &e) == 0, "%s", e.msg);
	ck_assert(r.signed_);
	ck_assert(r.digest_ok);
	ck_assert(r.signature_ok);
	ck_assert(r.covers_whole_file);
	ck_assert_str_eq(r.app_data, "audit-head: 42 0123abcd");
	ck_assert_int_eq(r.subfilter, c->sf);
	ck_assert_str_eq(r.name, SIGNER);
	ck_assert_str_eq(r.reason, "Persetujuan Laporan Kinerja Triwulan II 2023");
	ck_assert_str_eq(r.location, "Palangka Raya");
	ck_assert_int_eq(r.claimed_time, when);
	ck_assert_int_eq(r.signing_time, c->sf == SIGN_PKCS7 ? when : 0);
	ck_assert_ptr_nonnull(strstr(r.cert.subject, SIGNER));
	ck_assert(r.cert.self_signed);
	ck_assert_int_gt(r.cert.not_after, r.cert.not_before);
	ck_assert_int_eq(sign_sha256_file(BASE, hex, &e), 0);
	for (int i = 0; i < 32; i++)
		snprintf(uhex + 2 * i, 3, "%02x", r.unsigned_sha256[i]);
	ck_assert_str_eq(uhex, hex);
}
END_TEST

START_TEST(test_verify_unsigned)
{
	sign_verify_result r;
	lk_err e = {0, ""};

	ck_assert_int_eq(sign_verify(BASE, &r, &e), 0);
	ck_assert(!r.signed_);
	ck_assert(!r.digest_ok && !r.signature_ok);
	ck_assert_int_eq(sign_verify(mpath("nothing.pdf"), &r, &e), EX_NOINPUT);
	ck_assert_int_eq(sign_verify(mpath("self.crt"), &r, &e), EX_DATAERR);
}
END_TEST

/* A flipped byte inside a signed range: pdfsig and sign_verify see it. */
static const struct flip_case {
	const char *what;
	bool at_start;           /* else inside the update, in /Reason */
} flip_cases[] = {
	{"%PDF-1.x header", true},
	{"the /Reason string", false},
};

START_TEST(test_tamper_digest)
{
	const struct flip_case *c = &flip_cases[_i];
	const char *dir = workdir(), *out = wpath(dir, "s.pdf");
	sign_opts o = opts(mpath("self.p12"), SIGN_PADES, (int64_t)time(NULL));
	sign_verify_result r;
	lk_err e = {0, ""};
	size_t len;
	unsigned char *buf;
	char *p;
	char text[8192];

	sign_ok(BASE, out, &o, NULL);
	buf = slurp(out, &len);
	if (c->at_start) {
		ck_assert_int_eq(buf[5], '1');
		buf[7] ^= 0x01;  /* 1.3 -> 1.2: still a PDF */
	} else {
		p = find_last(buf, len, "Persetujuan");
		ck_assert_ptr_nonnull(p);
		p[0] = 'p';
	}
	spew(out, buf, len);
	free(buf);
	ck_assert_int_eq(sh(text, sizeof text, "pdfsig '%s'", out), 0);
	ck_assert_msg(strstr(text, "Digest Mismatch") != NULL, "%s: %s", c->what, text);
	ck_assert_msg(sign_verify(out, &r, &e) == 0, "%s", e.msg);
	ck_assert(r.signed_);
	ck_assert(!r.digest_ok);
	ck_assert(r.signature_ok);   /* the signed attributes are intact */
	ck_assert(r.covers_whole_file);
}
END_TEST

/* The last byte of the CMS is the last of the RSA signature value. */
/* /LakipData is signed: changing it breaks the digest. */
START_TEST(test_app_data_signed)
{
	const char *dir = workdir(), *out = wpath(dir, "s.pdf");
	sign_opts o = opts(mpath("self.p12"), SIGN_PADES, (int64_t)time(NULL));
	sign_verify_result r;
	lk_err e = {0, ""};
	unsigned char *buf;
	size_t len;
	char *p;

	o.app_data = "audit-head: 7 aaaa";
	sign_ok(BASE, out, &o, NULL);
	buf = slurp(out, &len);
	p = find_last(buf, len, "(audit-head: 7 aaaa)");
	ck_assert_ptr_nonnull(p);
	p[13] = '8';
	spew(out, buf, len);
	free(buf);
	ck_assert_msg(sign_verify(out, &r, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(r.app_data, "audit-head: 8 aaaa");
	ck_assert(!r.digest_ok);
}
END_TEST

START_TEST(test_tamper_signature)
{
	const char *dir = workdir(), *out = wpath(dir, "s.pdf");
	sign_opts o = opts(mpath("self.p12"), SIGN_PADES, (int64_t)time(NULL));
	sign_verify_result r;
	lk_err e = {0, ""};
	size_t len, derlen;
	unsigned char *buf, *der;
	char *lt, text[8192];

	sign_ok(BASE, out, &o, NULL);
	extract(out, wpath(dir, "data"), wpath(dir, "der"));
	der = slurp(wpath(dir, "der"), &derlen);
	free(der);
	buf = slurp(out, &len);
	lt = find_last(buf, len, "/Contents <");
	ck_assert_ptr_nonnull(lt);
	lt += strlen("/Contents <") + 2 * (derlen - 1);
	*lt = *lt == '0' ? '1' : '0';
	spew(out, buf, len);
	free(buf);
	ck_assert_msg(sign_verify(out, &r, &e) == 0, "%s", e.msg);
	ck_assert(r.signed_);
	ck_assert(r.digest_ok);
	ck_assert(!r.signature_ok);
	ck_assert_int_eq(sh(text, sizeof text, "pdfsig '%s'", out), 0);
	ck_assert_msg(strstr(text, "Signature is Valid") == NULL, "%s", text);
}
END_TEST

/* Bytes appended after signing are not covered. */
START_TEST(test_appended)
{
	const char *dir = workdir(), *out = wpath(dir, "s.pdf");
	sign_opts o = opts(mpath("self.p12"), SIGN_PKCS7, (int64_t)time(NULL));
	sign_verify_result r;
	lk_err e = {0, ""};
	FILE *f;

	sign_ok(BASE, out, &o, NULL);
	f = fopen(out, "ab");
	fputs("% appended\n", f);
	fclose(f);
	ck_assert_msg(sign_verify(out, &r, &e) == 0, "%s", e.msg);
	ck_assert(r.signed_ && r.digest_ok && r.signature_ok);
	ck_assert(!r.covers_whole_file);
}
END_TEST

/* ==== twice, in place, chains, keys ==== */

START_TEST(test_sign_twice)
{
	const char *dir = workdir(), *once = wpath(dir, "once.pdf"),
	    *twice = wpath(dir, "twice.pdf");
	sign_opts o = opts(mpath("self.p12"), SIGN_PADES, (int64_t)time(NULL));
	sign_opts o2 = opts(mpath("chain.p12"), SIGN_PKCS7, (int64_t)time(NULL) + 60);
	sign_verify_result r;
	lk_err e = {0, ""};
	char text[16384], hex[65], uhex[65];
	size_t n1, n2;
	unsigned char *b1, *b2;

	o2.name = "Sekretaris";
	sign_ok(BASE, once, &o, NULL);
	sign_ok(once, twice, &o2, NULL);
	b1 = slurp(once, &n1);
	b2 = slurp(twice, &n2);
	ck_assert(n2 > n1 && memcmp(b1, b2, n1) == 0);
	ck_assert_ptr_nonnull(strstr((char *)b2 + n1, "/T (Signature2)"));
	free(b1);
	free(b2);
	ck_assert_int_eq(sh(text, sizeof text, "pdfsig '%s'", twice), 0);
	ck_assert_msg(count_str(text, "Signature #") == 2, "%s", text);
	ck_assert_msg(count_str(text, "Signature is Valid") == 2, "%s", text);
	ck_assert_msg(strstr(text, "ETSI.CAdES.detached") && strstr(text, "adbe.pkcs7.detached"), "%s", text);
	ck_assert_msg(sh(text, sizeof text, "qpdf --check '%s'", twice) == 0, "%s", text);
	ck_assert_msg(sign_verify(twice, &r, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(r.name, "Sekretaris");
	ck_assert(r.digest_ok && r.signature_ok && r.covers_whole_file);
	ck_assert_int_eq(r.subfilter, SIGN_PKCS7);
	ck_assert_ptr_nonnull(strstr(r.cert.issuer, "Uji Root CA"));
	ck_assert(!r.cert.self_signed);
	ck_assert_int_eq(sign_sha256_file(once, hex, &e), 0);
	for (int i = 0; i < 32; i++)
		snprintf(uhex + 2 * i, 3, "%02x", r.unsigned_sha256[i]);
	ck_assert_str_eq(uhex, hex);
	/* Every signature, oldest first, each over the revision it signed. */
	{
		sign_verify_each *v = NULL;
		size_t n = 0;

		ck_assert_msg(sign_verify_all(twice, NULL, &v, &n, &e) == 0, "%s", e.msg);
		ck_assert_uint_eq(n, 2);
		ck_assert(v[0].r.digest_ok && v[0].r.signature_ok);
		ck_assert(v[1].r.digest_ok && v[1].r.signature_ok);
		ck_assert_int_eq(v[0].r.subfilter, SIGN_PADES);
		ck_assert_str_eq(v[1].r.name, "Sekretaris");
		ck_assert_uint_eq(v[0].later_updates, 1);
		ck_assert_uint_eq(v[1].later_updates, 0);
		ck_assert(!v[0].r.covers_whole_file && v[1].r.covers_whole_file);
		ck_assert_uint_eq(v[0].revision_end, n1);
		free(v);
		/* Nothing signed: none. */
		ck_assert_int_eq(sign_verify_all(BASE, NULL, &v, &n, &e), 0);
		ck_assert_uint_eq(n, 0);
		ck_assert_ptr_null(v);
	}
	/* A third time, in place: Signature3. */
	o.when += 120;
	sign_ok(twice, twice, &o, NULL);
	ck_assert_int_eq(sh(text, sizeof text, "pdfsig '%s'", twice), 0);
	ck_assert_msg(count_str(text, "Signature is Valid") == 3, "%s", text);
	ck_assert_int_eq(sh(text, sizeof text, "grep -ac 'Signature3' '%s'", twice), 0);
	keep(twice, "thrice.pdf");
}
END_TEST

/* The chain from the .p12 is in the CMS. */
START_TEST(test_chain_included)
{
	const char *dir = workdir(), *out = wpath(dir, "s.pdf");
	sign_opts o = opts(mpath("chain.p12"), SIGN_PADES, (int64_t)time(NULL));
	size_t n;
	unsigned char *der;
	const unsigned char *p;
	CMS_ContentInfo *cms;
	STACK_OF(X509) *certs;
	char buf[4096];

	sign_ok(BASE, out, &o, NULL);
	extract(out, wpath(dir, "data"), wpath(dir, "der"));
	der = slurp(wpath(dir, "der"), &n);
	p = der;
	cms = d2i_CMS_ContentInfo(NULL, &p, (long)n);
	ck_assert_ptr_nonnull(cms);
	certs = CMS_get1_certs(cms);
	ck_assert_int_eq(sk_X509_num(certs), 2);
	sk_X509_pop_free(certs, X509_free);
	CMS_ContentInfo_free(cms);
	free(der);
	/* And it verifies against the CA with the chain checked too. */
	ck_assert_msg(sh(buf, sizeof buf, "openssl cms -verify -binary -inform DER "
	    "-in '%s' -content '%s' -CAfile '%s' -purpose any -out /dev/null",
	    wpath(dir, "der"), wpath(dir, "data"), mpath("ca.crt")) == 0, "%s", buf);
}
END_TEST

/* The signer's chain against a CA bundle, at the signing time. */
START_TEST(test_verify_ca)
{
	const char *dir = workdir(), *out = wpath(dir, "s.pdf"),
	    *self = wpath(dir, "self.pdf");
	sign_opts o = opts(mpath("chain.p12"), SIGN_PADES, (int64_t)time(NULL));
	sign_verify_result r;
	sign_cert_info ci;
	lk_err e = {0, ""};

	sign_ok(BASE, out, &o, NULL);
	ck_assert_msg(sign_verify_ca(out, mpath("ca.crt"), &r, &e) == 0, "%s", e.msg);
	ck_assert(r.digest_ok && r.signature_ok && r.chain_checked);
	ck_assert_msg(r.chain_ok, "%s", r.chain_error);
	/* Without a bundle nothing is said of the chain. */
	ck_assert_int_eq(sign_verify(out, &r, &e), 0);
	ck_assert(!r.chain_checked && !r.chain_ok);
	/* A self-made certificate does not chain to the CA. */
	o = opts(mpath("self.p12"), SIGN_PADES, (int64_t)time(NULL));
	sign_ok(BASE, self, &o, NULL);
	ck_assert_int_eq(sign_verify_ca(self, mpath("ca.crt"), &r, &e), 0);
	ck_assert(r.digest_ok && r.signature_ok && r.chain_checked && !r.chain_ok);
	ck_assert_str_ne(r.chain_error, "");
	/* Long after the leaf expired, it does not validate. */
	o = opts(mpath("chain.p12"), SIGN_PADES, (int64_t)time(NULL) + 400 * 86400LL);
	sign_ok(BASE, out, &o, NULL);
	ck_assert_int_eq(sign_verify_ca(out, mpath("ca.crt"), &r, &e), 0);
	ck_assert(r.signature_ok && !r.chain_ok);
	/* The fingerprint of the certificate file is the signer's. */
	ck_assert_int_eq(sign_cert_file(mpath("leaf.crt"), (int64_t)time(NULL), &ci,
	    NULL, &e), 0);
	ck_assert_str_eq(ci.sha256, r.cert.sha256);
	ck_assert_int_eq((int)strlen(ci.sha256), 64);
	/* Bundles and certificate files that are not. */
	ck_assert_int_eq(sign_verify_ca(out, mpath("notcert.txt"), &r, &e), EX_DATAERR);
	ck_assert_int_eq(sign_verify_ca(out, mpath("none.crt"), &r, &e), EX_NOINPUT);
}
END_TEST

/* ==== validation data (PAdES B-LT) ==== */

static const struct dss_case {
	const char *crl;         /* the CRL given, offline */
	bool revoked;            /* the DSS says the leaf is revoked */
	bool covered;            /* every certificate covered */
} dss_cases[] = {
	{ "good.crl", false, true },
	{ "revoked.crl", true, true },    /* covered: it says revoked */
	{ "fake.crl", false, false },     /* another key: not counted */
	{ NULL, false, false },           /* no CRL: the chain only */
};

START_TEST(test_dss)
{
	const struct dss_case *c = &dss_cases[_i];
	const char *dir = workdir(), *out = wpath(dir, "lt.pdf");
	const char *crl[1];
	sign_opts o = opts(mpath("chain.p12"), SIGN_PADES, (int64_t)time(NULL));
	sign_lt_info li;
	sign_verify_result r;
	sign_verify_each *v = NULL;
	size_t n = 0;
	lk_err e = {0, ""};

	crl[0] = c->crl != NULL ? mpath(c->crl) : NULL;
	o.lt = true;
	o.offline = true;
	o.crl_files = crl;
	o.ncrl_files = c->crl != NULL ? 1 : 0;
	o.lt_info = &li;
	sign_ok(BASE, out, &o, NULL);
	ck_assert(li.added);
	ck_assert_int_eq(li.ncerts, 2);          /* the leaf and the CA */
	ck_assert_int_eq(li.ncrls, c->crl != NULL ? 1 : 0);
	ck_assert(li.revoked == c->revoked);
	ck_assert_msg(sign_verify_ca(out, mpath("ca.crt"), &r, &e) == 0, "%s", e.msg);
	ck_assert(r.digest_ok && r.signature_ok && r.chain_ok);
	ck_assert(!r.covers_whole_file && r.covers_signed_revision);
	ck_assert(r.lt_updates_only);
	ck_assert_int_eq(r.lt_updates, 1);
	ck_assert(r.dss && r.vri && r.dss_has_chain);
	ck_assert_int_eq(r.dss_certs, 2);
	ck_assert_int_eq(r.dss_crls, c->crl != NULL ? 1 : 0);
	ck_assert(r.revoked == c->revoked);
	if (c->revoked)
		ck_assert_ptr_nonnull(strstr(r.revoked_cert, "Kepala Badan"));
	ck_assert(r.revocation_ok == c->covered);
	if (!c->covered && !c->revoked)
		ck_assert_ptr_nonnull(strstr(r.revocation_missing, "Kepala Badan"));
	/* No timestamp: B-B, whatever the DSS holds. */
	ck_assert_int_eq(r.level, SIGN_LEVEL_BB);
	ck_assert_str_eq(sign_level_name(r.level), "B-B");
	/* Every signature: the one, with its validation data. */
	ck_assert_msg(sign_verify_all(out, NULL, &v, &n, &e) == 0, "%s", e.msg);
	ck_assert_int_eq((int)n, 1);
	ck_assert(v[0].r.lt_updates_only && v[0].r.dss);
	ck_assert_int_eq((int)v[0].later_updates, 0);
	free(v);
	/* A second signature over it keeps the first's DSS in its own. */
	o.crl_files = NULL;
	o.ncrl_files = 0;
	sign_ok(out, wpath(dir, "lt2.pdf"), &o, NULL);
	ck_assert_int_eq(li.ncrls, c->crl != NULL ? 1 : 0);
	ck_assert_int_eq(li.ncerts, 2);          /* the same two, once */
	ck_assert_msg(sign_verify_ca(wpath(dir, "lt2.pdf"), mpath("ca.crt"), &r,
	    &e) == 0, "%s", e.msg);
	ck_assert(r.lt_updates_only && r.vri);
	ck_assert(r.revoked == c->revoked);
}
END_TEST

static const struct cert_case {
	const char *file;
	int rc;
	const char *serial;      /* subject serialNumber */
	bool self_signed;
} cert_cases[] = {
	{"self.crt", 0, "", true},
	{"leaf.crt", 0, "", false},
	{"leaf.der", 0, "", false},
	{"nip.crt", 0, "198001012005011001", true},
	{"two.crt", EX_DATAERR, NULL, false},
	{"notcert.txt", EX_DATAERR, NULL, false},
	{"absent.crt", EX_NOINPUT, NULL, false},
};

START_TEST(test_cert_file)
{
	const struct cert_case *c = &cert_cases[_i];
	sign_cert_info ci, again;
	lk_err e = {0, ""};
	char *pem = NULL;
	int rc = sign_cert_file(mpath(c->file), (int64_t)time(NULL), &ci, &pem, &e);

	ck_assert_msg(rc == c->rc, "%s: %d %s", c->file, rc, e.msg);
	if (rc != 0) {
		ck_assert_ptr_null(pem);
		ck_assert_ptr_nonnull(strstr(e.msg, c->file));
		return;
	}
	ck_assert_str_eq(ci.serial_number, c->serial);
	ck_assert(ci.self_signed == c->self_signed);
	ck_assert(!ci.expired && !ci.not_yet_valid);
	/* The PEM text given back reads as the same certificate. */
	ck_assert_ptr_nonnull(pem);
	ck_assert_int_eq(sign_cert_pem(pem, (int64_t)time(NULL), &again, &e), 0);
	ck_assert_str_eq(again.sha256, ci.sha256);
	free(pem);
	/* Validity at other times. */
	ck_assert_int_eq(sign_cert_file(mpath(c->file), (int64_t)time(NULL) +
	    400 * 86400LL, &ci, NULL, &e), 0);
	ck_assert(ci.expired);
	ck_assert_int_eq(sign_cert_file(mpath(c->file), 86400, &ci, NULL, &e), 0);
	ck_assert(ci.not_yet_valid);
}
END_TEST

/* The certificate of a PKCS#12 file, before signing. */
START_TEST(test_p12_cert)
{
	sign_cert_info a, b;
	lk_err e = {0, ""};

	ck_assert_msg(sign_p12_cert(mpath("chain.p12"), PASS, (int64_t)time(NULL),
	    &a, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(sign_cert_file(mpath("leaf.crt"), (int64_t)time(NULL), &b,
	    NULL, &e), 0);
	ck_assert_str_eq(a.sha256, b.sha256);
	ck_assert_int_eq(sign_p12_cert(mpath("chain.p12"), "salah", (int64_t)time(NULL),
	    &a, &e), EX_DATAERR);
}
END_TEST

static const struct key_case {
	const char *p12;
	const char *password;
} key_cases[] = {
	{"ec.p12", PASS},
	{"nopass.p12", ""},
	{"legacy.p12", PASS},
};

START_TEST(test_keys)
{
	const struct key_case *c = &key_cases[_i];
	const char *dir = workdir(), *out = wpath(dir, "s.pdf");
	sign_opts o = opts(mpath(c->p12), SIGN_PADES, (int64_t)time(NULL));
	sign_verify_result r;
	lk_err e = {0, ""};
	char text[8192];

	if (!exists(mpath(c->p12)) && strcmp(c->p12, "legacy.p12") == 0) {
		fprintf(stderr, "# legacy.p12 could not be made: skipped\n");
		return;
	}
	o.password = c->password;
	sign_ok(BASE, out, &o, NULL);
	ck_assert_msg(sign_verify(out, &r, &e) == 0, "%s", e.msg);
	ck_assert(r.digest_ok && r.signature_ok && r.covers_whole_file);
	ck_assert_int_eq(sh(text, sizeof text, "pdfsig '%s'", out), 0);
	ck_assert_msg(strstr(text, "Signature is Valid") != NULL, "%s: %s", c->p12, text);
}
END_TEST

/* An expired (or not yet valid) certificate still signs; the flags say so. */
START_TEST(test_cert_validity)
{
	const char *dir = workdir(), *out = wpath(dir, "s.pdf");
	const int64_t now = (int64_t)time(NULL);
	sign_opts o = opts(mpath("short.p12"), SIGN_PADES, now + 3 * 86400);
	sign_cert_info ci;
	sign_verify_result r;
	lk_err e = {0, ""};

	sign_ok(BASE, out, &o, &ci);
	ck_assert(ci.expired);
	ck_assert(!ci.not_yet_valid);
	ck_assert_int_lt(ci.not_after, o.when);
	ck_assert_int_le(ci.not_after - ci.not_before, 86400 + 5);
	ck_assert_msg(sign_verify(out, &r, &e) == 0, "%s", e.msg);
	ck_assert(r.cert.expired);
	ck_assert(r.digest_ok && r.signature_ok);
	o.when = now;
	sign_ok(BASE, out, &o, &ci);
	ck_assert(!ci.expired && !ci.not_yet_valid);
	o.when = now - 10 * 86400;
	sign_ok(BASE, out, &o, &ci);
	ck_assert(!ci.expired && ci.not_yet_valid);
}
END_TEST

/* Text that is not ASCII goes as UTF-16 and comes back as UTF-8. */
START_TEST(test_unicode_text)
{
	const char *dir = workdir(), *out = wpath(dir, "s.pdf");
	sign_opts o = opts(mpath("self.p12"), SIGN_PADES, (int64_t)time(NULL));
	sign_verify_result r;
	lk_err e = {0, ""};
	char text[8192];

	o.name = "Drs. Hélène Ñata (Kepala) \\ “Badan” 𝔸";
	o.reason = "Tanda tangan: ok (1)";
	sign_ok(BASE, out, &o, NULL);
	ck_assert_msg(sign_verify(out, &r, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(r.name, o.name);
	ck_assert_str_eq(r.reason, o.reason);
	ck_assert_int_eq(sh(text, sizeof text, "pdfsig '%s'", out), 0);
	ck_assert_msg(strstr(text, "Signature is Valid") != NULL, "%s", text);
	ck_assert_msg(sh(text, sizeof text, "qpdf --check '%s'", out) == 0, "%s", text);
}
END_TEST

/* Output file mode: 0666 & ~umask. */
START_TEST(test_output_mode)
{
	const char *dir = workdir(), *out = wpath(dir, "s.pdf");
	sign_opts o = opts(mpath("self.p12"), SIGN_PADES, (int64_t)time(NULL));
	struct stat st;

	umask(022);
	sign_ok(BASE, out, &o, NULL);
	ck_assert_int_eq(stat(out, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0644);
	umask(077);
	sign_ok(BASE, out, &o, NULL);
	ck_assert_int_eq(stat(out, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_int_eq(count_prefixed(dir, ".lakip-sign-"), 0);
}
END_TEST

/* ==== existing forms: merged, names chosen ==== */

/* A PDF of hand-written objects with a classic xref (objects 1..n). */
static void
write_pdf(const char *path, const char *const *objs, size_t n,
	  const char *trailer_extra)
{
	FILE *f = fopen(path, "wb");
	long off[64], x;

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_lt(n, 64);
	fputs("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", f);
	for (size_t i = 0; i < n; i++) {
		off[i] = ftell(f);
		fprintf(f, "%zu 0 obj\n%s\nendobj\n", i + 1, objs[i]);
	}
	x = ftell(f);
	fprintf(f, "xref\n0 %zu\n0000000000 65535 f\r\n", n + 1);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%010ld 00000 n\r\n", off[i]);
	fprintf(f, "trailer\n<< /Size %zu /Root 1 0 R %s >>\nstartxref\n%ld\n%%%%EOF",
	    n + 1, trailer_extra, x);
	fclose(f);
}

static const char *const form_pdf[] = {
	"<< /Type /Catalog /Pages 2 0 R /AcroForm 5 0 R /Lang (id-ID) >>",
	"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
	    "/Resources << /Font << /F1 8 0 R >> >> /Annots 6 0 R >>",
	"<< /Length 42 >>\nstream\nBT /F1 12 Tf 72 700 Td (Isi laporan) Tj ET\nendstream",
	"<< /Fields 7 0 R /DA (/Helv 0 Tf 0 g) /NeedAppearances false >>",
	"[9 0 R 10 0 R]",
	"[9 0 R 10 0 R]",
	"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	"<< /Type /Annot /Subtype /Widget /FT /Tx /T (Signature1) /V (teks) "
	    "/Rect [72 600 300 620] /P 3 0 R >>",
	"<< /Type /Annot /Subtype /Widget /FT /Tx /Rect [72 560 300 580] /P 3 0 R "
	    "/T <FEFF005300690067006E00610074007500720065 0032> >>",
};

START_TEST(test_merge_form)
{
	const char *dir = workdir(), *in = wpath(dir, "form.pdf"),
	    *out = wpath(dir, "s.pdf");
	sign_opts o = opts(mpath("self.p12"), SIGN_PADES, (int64_t)time(NULL));
	char text[16384];
	size_t n, inlen;
	unsigned char *buf;

	write_pdf(in, form_pdf, LK_NELEM(form_pdf),
	    "/ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]");
	ck_assert_msg(sh(text, sizeof text, "qpdf --check '%s'", in) == 0, "%s", text);
	free(slurp(in, &inlen));
	sign_ok(in, out, &o, NULL);
	buf = slurp(out, &n);
	/* "Signature1" and "Signature2" (in UTF-16) are taken by text
	 * fields: the new one is Signature3. */
	ck_assert_ptr_nonnull(strstr((char *)buf + inlen, "/T (Signature3)"));
	ck_assert_ptr_nonnull(strstr((char *)buf + inlen, "/DA (/Helv 0 Tf 0 g)"));
	ck_assert_ptr_nonnull(strstr((char *)buf + inlen, "/NeedAppearances false"));
	ck_assert_ptr_nonnull(strstr((char *)buf + inlen, "/Lang (id-ID)"));
	ck_assert_ptr_nonnull(strstr((char *)buf + inlen, "/Fields [9 0 R 10 0 R 12 0 R]"));
	ck_assert_ptr_nonnull(strstr((char *)buf + inlen, "/Annots [9 0 R 10 0 R 12 0 R]"));
	ck_assert_ptr_nonnull(strstr((char *)buf + inlen, "/ID [<00112233445566778899aabbccddeeff> <"));
	free(buf);
	ck_assert_msg(sh(text, sizeof text, "qpdf --check '%s'", out) == 0, "%s", text);
	ck_assert_int_eq(sh(text, sizeof text, "pdfsig '%s'", out), 0);
	ck_assert_msg(strstr(text, "Signature is Valid") != NULL, "%s", text);
	ck_assert_int_eq(sh(text, sizeof text, "qpdf --json=2 --json-key=acroform '%s'", out), 0);
	ck_assert_msg(strstr(text, "\"fullname\": \"Signature1\"") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "\"fullname\": \"Signature2\"") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "\"fullname\": \"Signature3\"") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "\"fieldtype\": \"/Sig\"") != NULL, "%s", text);
	ck_assert_int_eq(sh(text, sizeof text, "pdftotext '%s' -", out), 0);
	ck_assert_msg(strstr(text, "Isi laporan") != NULL, "%s", text);
}
END_TEST

/* ==== errors: codes, messages, nothing left behind ==== */

enum err_kind { E_PASSWORD, E_NOKEY, E_NO_PDF, E_NO_P12, E_NOT_P12, E_NO_DIR,
	E_OUT_IS_DIR, E_RESERVE };

static const struct err_case {
	enum err_kind kind;
	int code;
	const char *msg;         /* %s: the .p12 or PDF path where used */
} err_cases[] = {
	{E_PASSWORD, EX_DATAERR, "wrong password for %s"},
	{E_NOKEY, EX_DATAERR, "%s holds no private key"},
	{E_NO_PDF, EX_NOINPUT, "cannot open %s"},
	{E_NO_P12, EX_NOINPUT, "cannot open %s"},
	{E_NOT_P12, EX_DATAERR, "%s is not a PKCS#12 file"},
	{E_NO_DIR, EX_CANTCREAT, "cannot create %s"},
	{E_OUT_IS_DIR, EX_CANTCREAT, "cannot write %s"},
	{E_RESERVE, EX_DATAERR, "but only 512 are reserved in /Contents"},
};

START_TEST(test_errors)
{
	const struct err_case *c = &err_cases[_i];
	const char *dir = workdir();
	char out[PATH_MAX], expect[PATH_MAX + 100];
	const char *in = BASE, *named = NULL;
	sign_opts o = opts(mpath("self.p12"), SIGN_PADES, (int64_t)time(NULL));
	lk_err e = {0, ""};
	sign_cert_info ci;

	snprintf(out, sizeof out, "%s", wpath(dir, "out.pdf"));
	switch (c->kind) {
	case E_PASSWORD:
		o.password = "salah";
		named = o.p12;
		break;
	case E_NOKEY:
		o.p12 = named = mpath("nokey.p12");
		break;
	case E_NO_PDF:
		in = named = mpath("tidak-ada.pdf");
		break;
	case E_NO_P12:
		o.p12 = named = mpath("tidak-ada.p12");
		break;
	case E_NOT_P12:
		o.p12 = named = BASE;
		break;
	case E_NO_DIR:
		snprintf(out, sizeof out, "%s", wpath(dir, "no/such/dir/out.pdf"));
		named = out;
		break;
	case E_OUT_IS_DIR:
		ck_assert_int_eq(mkdir(out, 0777), 0);
		named = out;
		break;
	case E_RESERVE:
		o.reserve = 512;
		break;
	}
	ck_assert_int_eq(sign_pdf(in, out, &o, &ci, &e), c->code);
	ck_assert_int_eq(e.code, c->code);
	snprintf(expect, sizeof expect, c->msg, named);
	ck_assert_msg(strstr(e.msg, expect) != NULL, "'%s' not in '%s'", expect, e.msg);
	if (c->kind != E_OUT_IS_DIR)
		ck_assert_msg(!exists(out), "output left behind");
	ck_assert_int_eq(count_prefixed(dir, ".lakip-sign-"), 0);
}
END_TEST

/* ==== hostile and odd input ==== */

static const char *const pages_only[] = {
	"<< /Type /Catalog /Pages 2 0 R >>",
	"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
};

enum odd_kind { O_EMPTY, O_TEXT, O_HEADER_ONLY, O_TRUNCATED, O_XREF_STREAM,
	O_ENCRYPTED, O_STARTXREF_PAST_END, O_PREV_LOOP, O_DEEP, O_KIDS_LOOP,
	O_NO_PAGES, O_CATALOG_NOT_DICT, O_UNTERMINATED, O_NO_ROOT, O_BAD_XREF_OFFSET,
	O_NO_EOL, O_HYBRID, O_LINEARIZED };

static const struct odd_case {
	enum odd_kind kind;
	int code;                /* 0: signs fine */
	const char *msg;
	bool structure;          /* the file's structure is broken: sign_verify
	                          * refuses it too (else: "not signed") */
} odd_cases[] = {
	{O_EMPTY, EX_DATAERR, "not a PDF file", true},
	{O_TEXT, EX_DATAERR, "not a PDF file", true},
	{O_HEADER_ONLY, EX_DATAERR, "no startxref", true},
	{O_TRUNCATED, EX_DATAERR, "", true},
	{O_XREF_STREAM, EX_DATAERR, "cross-reference stream", true},
	{O_ENCRYPTED, EX_DATAERR, "encrypted", true},
	{O_STARTXREF_PAST_END, EX_DATAERR, "startxref", true},
	{O_PREV_LOOP, EX_DATAERR, "/Prev chain loops", true},
	{O_DEEP, EX_DATAERR, "nested too deeply", false},
	{O_KIDS_LOOP, EX_DATAERR, "page tree too deep", false},
	{O_NO_PAGES, EX_DATAERR, "no pages", false},
	{O_CATALOG_NOT_DICT, EX_DATAERR, "catalog is not a dictionary", false},
	{O_UNTERMINATED, EX_DATAERR, "unterminated", false},
	{O_NO_ROOT, EX_DATAERR, "no /Root", true},
	{O_BAD_XREF_OFFSET, EX_DATAERR, "object 1", false},
	{O_NO_EOL, 0, "", false},
	{O_HYBRID, EX_DATAERR, "/XRefStm", true},
	{O_LINEARIZED, 0, "", false},
};

START_TEST(test_odd_input)
{
	const struct odd_case *c = &odd_cases[_i];
	const char *dir = workdir(), *in = wpath(dir, "in.pdf"),
	    *out = wpath(dir, "out.pdf");
	sign_opts o = opts(mpath("self.p12"), SIGN_PADES, (int64_t)time(NULL));
	sign_verify_result r;
	lk_err e = {0, ""};
	char text[8192], *deep;
	size_t n;
	unsigned char *buf;
	const char *objs[3];
	int rc;

	switch (c->kind) {
	case O_EMPTY:
		spew(in, "", 0);
		break;
	case O_TEXT:
		spews(in, "Laporan Kinerja\n");
		break;
	case O_HEADER_ONLY:
		spews(in, "%PDF-1.3\n%%EOF\n");
		break;
	case O_TRUNCATED:
		buf = slurp(BASE, &n);
		spew(in, buf, n / 2);
		free(buf);
		break;
	case O_XREF_STREAM:
		must("qpdf --object-streams=generate '%s' '%s'", BASE, in);
		break;
	case O_ENCRYPTED:
		must("qpdf --encrypt u o 128 --use-aes=y -- '%s' '%s'", BASE, in);
		break;
	case O_STARTXREF_PAST_END:
		spews(in, "%PDF-1.3\n1 0 obj <<>> endobj\nstartxref\n99999\n%%EOF\n");
		break;
	case O_PREV_LOOP: {
		static const char loop[] = "%PDF-1.3\n"
		    "1 0 obj\n<< /Type /Catalog >>\nendobj\n"
		    "xref\n0 2\n0000000000 65535 f\r\n0000000009 00000 n\r\n"
		    "trailer\n<< /Size 2 /Root 1 0 R /Prev 45 >>\n"
		    "startxref\n45\n%%EOF\n";
		spew(in, loop, sizeof loop - 1);
		break;
	}
	case O_DEEP:
		deep = malloc(20100);
		memcpy(deep, "<< /Type /Catalog /Pages 2 0 R /X ", 34);
		memset(deep + 34, '[', 10000);
		memset(deep + 10034, ']', 10000);
		strcpy(deep + 20034, " >>");
		objs[0] = deep;
		objs[1] = pages_only[1];
		objs[2] = pages_only[2];
		write_pdf(in, objs, 3, "");
		free(deep);
		break;
	case O_KIDS_LOOP:
		objs[0] = pages_only[0];
		objs[1] = "<< /Type /Pages /Kids [2 0 R] /Count 1 >>";
		objs[2] = pages_only[2];
		write_pdf(in, objs, 3, "");
		break;
	case O_NO_PAGES:
		objs[0] = pages_only[0];
		objs[1] = "<< /Type /Pages /Kids [] /Count 0 >>";
		write_pdf(in, objs, 2, "");
		break;
	case O_CATALOG_NOT_DICT:
		objs[0] = "[/Catalog]";
		write_pdf(in, objs, 1, "");
		break;
	case O_UNTERMINATED:
		objs[0] = "<< /Type /Catalog /Pages 2 0 R /Title (tanpa akhir >>";
		write_pdf(in, objs, 1, "");
		break;
	case O_NO_ROOT:
		spews(in, "%PDF-1.3\nxref\n0 1\n0000000000 65535 f\r\ntrailer\n<< /Size 1 >>\n"
		    "startxref\n9\n%%EOF\n");
		break;
	case O_BAD_XREF_OFFSET: {
		static const char bad[] = "%PDF-1.3\n"
		    "1 0 obj\n<< /Type /Catalog >>\nendobj\n"
		    "xref\n0 2\n0000000000 65535 f\r\n0000000020 00000 n\r\n"
		    "trailer\n<< /Size 2 /Root 1 0 R >>\n"
		    "startxref\n45\n%%EOF\n";
		spew(in, bad, sizeof bad - 1);
		break;
	}
	case O_NO_EOL:
		write_pdf(in, pages_only, 3, "");   /* ends with "%%EOF" */
		break;
	case O_HYBRID:
		write_pdf(in, pages_only, 3, "/XRefStm 9");
		break;
	case O_LINEARIZED:       /* two xref tables, the first at the start */
		must("qpdf --linearize '%s' '%s'", BASE, in);
		break;
	}
	rc = sign_pdf(in, out, &o, NULL, &e);
	ck_assert_msg(rc == c->code, "expected %d, got %d: %s", c->code, rc, e.msg);
	if (c->code != 0) {
		ck_assert_msg(strstr(e.msg, c->msg) != NULL, "'%s' not in '%s'", c->msg, e.msg);
		ck_assert_msg(strstr(e.msg, in) != NULL, "file not named: %s", e.msg);
		ck_assert(!exists(out));
		ck_assert_int_eq(count_prefixed(dir, ".lakip-sign-"), 0);
		rc = sign_verify(in, &r, &e);
		ck_assert_int_eq(rc, c->structure ? c->code : 0);
		ck_assert(!r.signed_);
		return;
	}
	ck_assert_msg(sh(text, sizeof text, "qpdf --check '%s'", out) == 0, "%s", text);
	ck_assert_int_eq(sh(text, sizeof text, "pdfsig '%s'", out), 0);
	ck_assert_msg(strstr(text, "Signature is Valid") != NULL, "%s", text);
	ck_assert_msg(sign_verify(out, &r, &e) == 0, "%s", e.msg);
	ck_assert(r.digest_ok && r.signature_ok && r.covers_whole_file);
	if (c->kind == O_LINEARIZED) {
		char hex[65], uhex[65];

		ck_assert_int_eq(sign_sha256_file(in, hex, &e), 0);
		for (int i = 0; i < 32; i++)
			snprintf(uhex + 2 * i, 3, "%02x", r.unsigned_sha256[i]);
		ck_assert_str_eq(uhex, hex);
	}
}
END_TEST

/* Deterministic pseudo-random numbers for the mutations. */
static uint32_t
rnd(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Mutations and truncations of a signed file: sign_pdf and sign_verify
 * answer with a status, never crash (run under ASan in CI); a failure
 * leaves no file. */
START_TEST(test_mutations)
{
	const char *dir = workdir(), *src = wpath(dir, "s.pdf"),
	    *in = wpath(dir, "m.pdf"), *out = wpath(dir, "o.pdf");
	sign_opts o = opts(mpath("self.p12"), SIGN_PADES, (int64_t)time(NULL));
	sign_verify_result r;
	lk_err e;
	size_t n;
	unsigned char *orig, *buf;
	uint32_t seed = 0x1a2b3c4du;
	int signed_ok = 0, refused = 0;

	sign_ok(BASE, src, &o, NULL);
	orig = slurp(src, &n);
	buf = malloc(n);
	for (int it = 0; it < 400; it++) {
		size_t len = n, pos;
		int rc;

		memcpy(buf, orig, n);
		if (it < 100) {
			len = it < 50 ? n - 1 - (size_t)it * 7 : (size_t)rnd(&seed) % n;
		} else {
			for (int k = 0; k < 1 + it % 4; k++) {
				pos = (rnd(&seed) & 1) ? n - 1 - rnd(&seed) % 600 : rnd(&seed) % n;
				buf[pos] = (unsigned char)"0 9<>[]()/R\n%x"[rnd(&seed) % 14];
			}
		}
		spew(in, buf, len);
		e.code = 0;
		rc = sign_verify(in, &r, &e);
		ck_assert_msg(rc == 0 || rc == EX_DATAERR, "verify: %d %s", rc, e.msg);
		rc = sign_pdf(in, out, &o, NULL, &e);
		ck_assert_msg(rc == 0 || rc == EX_DATAERR, "sign: %d %s", rc, e.msg);
		if (rc == 0) {
			signed_ok++;
			ck_assert(exists(out));
			unlink(out);
		} else {
			refused++;
			ck_assert(!exists(out));
		}
	}
	ck_assert_int_gt(signed_ok, 10);
	ck_assert_int_gt(refused, 10);
	ck_assert_int_eq(count_prefixed(dir, ".lakip-sign-"), 0);
	free(buf);
	free(orig);
}
END_TEST

/* A too-short /Contents in a hostile file: an error, not a crash. */
START_TEST(test_short_contents)
{
	const char *dir = workdir(), *src = wpath(dir, "s.pdf");
	sign_opts o = opts(mpath("self.p12"), SIGN_PKCS7, (int64_t)time(NULL));
	sign_verify_result r;
	lk_err e = {0, ""};
	size_t n;
	unsigned char *buf;
	char *p, *q;

	sign_ok(BASE, src, &o, NULL);
	buf = slurp(src, &n);
	p = find_last(buf, n, "/Contents <");
	ck_assert_ptr_nonnull(p);
	p += 11 + 40;                       /* 20 bytes of CMS, then '>' */
	*p = '>';
	q = strchr(p + 1, '>');
	memset(p + 1, ' ', (size_t)(q - p)); /* the rest becomes spaces */
	spew(src, buf, n);
	free(buf);
	ck_assert_int_eq(sign_verify(src, &r, &e), EX_DATAERR);
	ck_assert(r.signed_);
	ck_assert_msg(strstr(e.msg, "broken signature") != NULL, "%s", e.msg);
}
END_TEST

/* ==== speed ==== */

START_TEST(test_speed_1mb)
{
	const char *dir = workdir(), *in = wpath(dir, "big.pdf"),
	    *out = wpath(dir, "s.pdf");
	sign_opts o = opts(mpath("self.p12"), SIGN_PADES, (int64_t)time(NULL));
	sign_verify_result r;
	lk_err e = {0, ""};
	struct stat st;
	struct timespec t0, t1, t2;
	double sign_ms, verify_ms;

	make_pdf(in, 200, 75, false);
	ck_assert_int_eq(stat(in, &st), 0);
	ck_assert_int_ge(st.st_size, 1000000);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	sign_ok(in, out, &o, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ck_assert_msg(sign_verify(out, &r, &e) == 0, "%s", e.msg);
	clock_gettime(CLOCK_MONOTONIC, &t2);
	ck_assert(r.digest_ok && r.signature_ok && r.covers_whole_file);
	sign_ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	verify_ms = (double)(t2.tv_sec - t1.tv_sec) * 1e3 + (double)(t2.tv_nsec - t1.tv_nsec) / 1e6;
	fprintf(stderr, "# %lld-byte PDF: sign_pdf %.1f ms, sign_verify %.1f ms\n",
	    (long long)st.st_size, sign_ms, verify_ms);
	ck_assert_msg(sign_ms < 3000, "signing 1 MB took %.0f ms", sign_ms);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("sign");
	TCase *tc;

	make_material();

	tc = tcase_create("sha256");
	tcase_add_test(tc, test_sha256);
	suite_add_tcase(s, tc);

	tc = tcase_create("sign");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_sign_tools, 0, (int)LK_NELEM(sf_cases));
	tcase_add_test(tc, test_update_structure);
	tcase_add_test(tc, test_text_unchanged);
	tcase_add_test(tc, test_sign_twice);
	tcase_add_test(tc, test_chain_included);
	tcase_add_loop_test(tc, test_keys, 0, (int)LK_NELEM(key_cases));
	tcase_add_test(tc, test_cert_validity);
	tcase_add_test(tc, test_unicode_text);
	tcase_add_test(tc, test_output_mode);
	tcase_add_test(tc, test_merge_form);
	suite_add_tcase(s, tc);

	tc = tcase_create("verify");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_verify_roundtrip, 0, (int)LK_NELEM(sf_cases));
	tcase_add_test(tc, test_verify_unsigned);
	tcase_add_loop_test(tc, test_tamper_digest, 0, (int)LK_NELEM(flip_cases));
	tcase_add_test(tc, test_tamper_signature);
	tcase_add_test(tc, test_app_data_signed);
	tcase_add_test(tc, test_appended);
	tcase_add_test(tc, test_verify_ca);
	tcase_add_loop_test(tc, test_dss, 0, (int)LK_NELEM(dss_cases));
	tcase_add_loop_test(tc, test_cert_file, 0,
	    (int)(sizeof cert_cases / sizeof cert_cases[0]));
	tcase_add_test(tc, test_p12_cert);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_errors, 0, (int)LK_NELEM(err_cases));
	tcase_add_loop_test(tc, test_odd_input, 0, (int)LK_NELEM(odd_cases));
	tcase_add_test(tc, test_short_contents);
	tcase_add_test(tc, test_mutations);
	suite_add_tcase(s, tc);

	tc = tcase_create("speed");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_speed_1mb);
	suite_add_tcase(s, tc);
	return s;
}
