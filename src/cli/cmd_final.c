/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_final.c - `lakip finalise` and `lakip verify`: the signed report.
 *
 * The work is the service layer's (svc_finalise, svc_content_hash in
 * src/svc/finalise.c); here are the options, the password asked on the
 * terminal, and what is printed.
 */
#include "config.h"
#include "cli/cli.h"
#include "core/keluar.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/kinerja.h"
#include "core/hex.h"
#include "core/zona.h"
#include "io/exchange.h"
#include "report/build.h"
#include "report/layout.h"
#include "report/render.h"
#include "report/template.h"
#include "sign/sign.h"
#include "store/workflow.h"
#include "svc/svc.h"

static void
print_warning(void *arg, const char *msg)
{
	const cli_ctx *c = arg;

	if (!c->quiet)
		fprintf(stderr, _("lakip: warning: %s\n"), msg);
}

/* The secret of key source src: a token's PIN ($LAKIP_PKCS11_PIN; none
 * when the URI carries a pin-value) or the .p12's password
 * ($LAKIP_P12_PASS), else asked on the terminal without echo.  *pw
 * malloc'ed. */
int
cli_key_secret(const char *src, char **pw)
{
	bool token = sign_is_pkcs11(src);
	const char *var = token ? "LAKIP_PKCS11_PIN" : "LAKIP_P12_PASS";
	const char *env = getenv(var);
	struct termios old, quiet;
	char buf[512];
	FILE *tty;
	size_t n;

	if (env == NULL && token && strstr(src, "pin-value=") != NULL)
		env = "";
	if (env != NULL) {
		if ((*pw = strdup(env)) == NULL)
			lk_fatal("out of memory");
		return 0;
	}
	if ((tty = fopen("/dev/tty", "r+")) == NULL)
		return cli_error(EX_USAGE, token
				 ? _("no terminal to ask the token's PIN on: set "
				     "LAKIP_PKCS11_PIN")
				 : _("no terminal to ask the password of the"
				     " .p12 on: set LAKIP_P12_PASS"));
	fputs(token ? _("PIN of the token: ") : _("Password of the signing key: "),
	      tty);
	fflush(tty);
	if (tcgetattr(fileno(tty), &old) == 0) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
	}
	if (fgets(buf, sizeof buf, tty) == NULL)
		buf[0] = '\0';
	tcsetattr(fileno(tty), TCSAFLUSH, &old);
	fputc('\n', tty);
	fclose(tty);
	n = strlen(buf);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	if ((*pw = strdup(buf)) == NULL)
		lk_fatal("out of memory");
	memset(buf, 0, sizeof buf);
	return 0;
}

/* The key source of --p12 or --pkcs11 (one of them) in o->p12, and
 * readable without waiting. */
int
cli_key_source(cli_ctx *c, svc_final_opts *o, const char *token)
{
	lk_err e = { 0, "" };

	if (token != NULL && o->p12 != NULL)
		return cli_usage(c, _("--p12 and --pkcs11: one key, not both"));
	if (token != NULL) {
		if (!sign_is_pkcs11(token))
			return cli_usage(c, _("--pkcs11: expected a pkcs11: URI, "
					      "got '%s'"), token);
		o->p12 = token;
	}
	if (o->p12 == NULL)
		return cli_usage(c, _("--p12 FILE.p12 or --pkcs11 URI is required"));
	if (sign_key_readable(o->p12, &e) != 0)
		return cli_report(&e);
	return 0;
}

#define MAX_CRL 32

int
cmd_finalise(cli_ctx *c)
{
	static const char *crl[MAX_CRL];
	lk_err e = { 0, "" };
	cli_period p = { NULL, 0, 0 };
	svc_final_opts o;
	svc_final_result res;
	svc_period per;
	const char *out = NULL, *dokumen = NULL, *pihak = NULL, *token = NULL;
	char *pw = NULL;
	int ch, rc;
	bool to_stdout;
	store *s;
	svc v;

	memset(&o, 0, sizeof o);
	memset(&res, 0, sizeof res);
	o.crl = crl;
	o.hooks.warn = print_warning;
	o.hooks.arg = c;
	while ((ch = cli_getopt(c)) != -1) {
		if ((rc = cli_period_opt(c, ch, &p)) >= 0) {
			if (rc != 0)
				return rc;
		} else if (ch == 'P')
			o.p12 = optarg;
		else if (ch == 'H')
			token = optarg;
		else if (ch == 'o')
			out = optarg;
		else if (ch == 'S')
			o.ttd = optarg;
		else if (ch == 'Z')
			o.tsa = optarg;
		else if (ch == 'L') {
			if (o.ncrl == MAX_CRL)
				return cli_usage(c, _("at most %d files with --crl"),
						 MAX_CRL);
			crl[o.ncrl++] = optarg;
		} else if (ch == 'F')
			o.offline = true;
		else if (ch == 'R')
			o.override_review = optarg;
		else if (ch == 'D')
			dokumen = optarg;
		else if (ch == 'K')
			pihak = optarg;
		else
			return EX_USAGE;
	}
	if (dokumen != NULL && (strcmp(dokumen, "pk") == 0 ||
				strcmp(dokumen, "lkjip") == 0))
		return cli_finalise_dok(c, strcmp(dokumen, "lkjip") == 0, &p, &o,
					out, pihak, token);
	if (dokumen != NULL && strcmp(dokumen, "laporan") != 0)
		return cli_usage(c, _("--dokumen: expected laporan, pk or lkjip, "
				      "got '%s'"), dokumen);
	if (pihak != NULL)
		return cli_usage(c, _("--pihak: only with --dokumen pk"));
	if ((rc = cli_period_done(c, &p, true)) != 0)
		return rc;
	if (o.p12 == NULL && token == NULL)
		return cli_usage(c, _("--p12 FILE.p12 or --pkcs11 URI is required"));
	if (out == NULL)
		return cli_usage(c, _("-o FILE.pdf is required"));
	if ((rc = cli_key_source(c, &o, token)) != 0)
		return rc;
	to_stdout = cli_out_is_stdout(out);
	o.out = to_stdout ? NULL : out;
	if ((rc = cli_open_store(c, 0, &s)) != 0)
		return rc;
	if ((rc = svc_init(&v, s, &e)) != 0) {
		store_close(s);
		return cli_report(&e);
	}
	/* The role in this agency, before a password is asked. */
	if ((rc = svc_open(&v, p.instansi, p.tahun, p.tw, AKSI_FINAL, &per,
			   &e)) != 0) {
		cli_report(&e);
		goto close;
	}
	/* The report date, before a password is asked. */
	if ((rc = svc_final_ready(&per, &e)) != 0) {
		cli_report(&e);
		goto done;
	}
	if ((rc = cli_key_secret(o.p12, &pw)) != 0)
		goto done;
	o.password = pw;
	rc = svc_finalise(&v, &per, &o, &res, &e);
	if (rc == 0 && to_stdout && (fwrite(res.pdf, 1, res.len, stdout) != res.len
				     || fflush(stdout) != 0))
		rc = lk_fail(&e, EX_IOERR,
			     _("signed and stored as version %d, but cannot"
			       " write %s: %s (lakip signed get gives it back)"),
			     res.version, _("standard output"), strerror(errno));
	if (rc != 0)
		cli_report(&e);
	else
		/* With -o -, standard output is the PDF: the summary goes
		 * to standard error. */
		fprintf(to_stdout ? stderr : stdout,
			_("Finalised %s, Triwulan %s %d: version %d signed by %s,"
			  " stored and locked; wrote %s (%u pages, %zu bytes)\n"),
			per.kode, tw_romawi(p.tw), p.tahun, res.version,
			res.cert.subject, to_stdout ? _("standard output") : out,
			res.pages, res.len);
	memset(pw, 0, strlen(pw));
	free(pw);
done:
	svc_period_free(&per);
close:
	svc_done(&v);
	store_close(s);
	svc_final_result_free(&res);
	return rc;
}

/* buf into out ("-": standard output), through a temporary file beside
 * it renamed into place. */
int
cli_write_out(const char *out, const unsigned char *buf, size_t len, lk_err *e)
{
	char tmp[4096];
	mode_t um;
	FILE *f;
	int rc;

	if (cli_out_is_stdout(out)) {
		if (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0)
			return lk_fail(e, EX_IOERR, _("cannot write %s: %s"),
				       _("standard output"), strerror(errno));
		return 0;
	}
	if ((rc = svc_tmp_beside(out, NULL, "get", tmp, e)) != 0)
		return rc;
	um = umask(0);
	umask(um);
	if ((f = fopen(tmp, "wb")) == NULL || fwrite(buf, 1, len, f) != len ||
	    fclose(f) != 0 || chmod(tmp, 0666 & ~um) != 0 || lk_keluar(tmp, out, NULL) != 0) {
		int err = errno;

		unlink(tmp);
		return lk_fail(e, EX_CANTCREAT, _("cannot write %s: %s"), out,
			       strerror(err));
	}
	return 0;
}

/* `lakip signed get`: a stored signed version, byte for byte. */
int
cmd_signed(cli_ctx *c)
{
	lk_err e = { 0, "" };
	cli_period p = { NULL, 0, 0 };
	const char *out = NULL, *dokumen = NULL, *pihak_arg = NULL;
	unsigned char *pdf = NULL;
	char *kode = NULL;
	size_t len = 0;
	int ch, rc, versi = 0;
	store *s;

	while ((ch = cli_getopt(c)) != -1) {
		if ((rc = cli_period_opt(c, ch, &p)) >= 0) {
			if (rc != 0)
				return rc;
		} else if (ch == 'o')
			out = optarg;
		else if (ch == 'v') {
			char *end;
			long v = strtol(optarg, &end, 10);

			if (*optarg == '\0' || *end != '\0' || v < 1 || v > 100000)
				return cli_usage(c, _("--versi: expected a version "
						      "number, got '%s'"), optarg);
			versi = (int)v;
		} else if (ch == 'D')
			dokumen = optarg;
		else if (ch == 'K')
			pihak_arg = optarg;
		else
			return EX_USAGE;
	}
	if (optind >= c->argc || strcmp(c->argv[optind], "get") != 0)
		return cli_usage(c, _("expected get"));
	optind++;
	if (dokumen != NULL && (strcmp(dokumen, "pk") == 0 ||
				strcmp(dokumen, "lkjip") == 0))
		return cli_signed_dok(c, strcmp(dokumen, "lkjip") == 0, &p, versi,
				      pihak_arg, out);
	if (dokumen != NULL && strcmp(dokumen, "laporan") != 0)
		return cli_usage(c, _("--dokumen: expected laporan, pk or lkjip, "
				      "got '%s'"), dokumen);
	if (pihak_arg != NULL)
		return cli_usage(c, _("--pihak: only with --dokumen pk"));
	if ((rc = cli_period_done(c, &p, true)) != 0)
		return rc;
	if (out == NULL)
		return cli_usage(c, _("-o FILE.pdf is required"));
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	rc = store_pilih_instansi(s, p.instansi, &kode, &e);
	if (rc == 0 && versi == 0) {
		store_quarter q;

		if ((rc = store_quarter_load(s, kode, p.tahun, p.tw, &q, &e)) == 0) {
			versi = q.version;
			store_quarter_free(&q);
			if (versi == 0)
				rc = lk_fail(&e, EX_NOINPUT, _("quarter %d of %d has no "
					     "signed version"), p.tw, p.tahun);
		}
	}
	if (rc == 0)
		rc = store_signed_pdf(s, kode, p.tahun, p.tw, versi, &pdf, &len, &e);
	store_close(s);
	free(kode);
	if (rc == 0)
		rc = cli_write_out(out, pdf, len, &e);
	free(pdf);
	return rc != 0 && e.msg[0] ? cli_report(&e) : rc;
}

/* ------------------------------------------------------------------ */
/* verify */


int
cmd_verify(cli_ctx *c)
{
	lk_err e = { 0, "" };
	sign_verify_result vr;
	store_signed sg;
	const char *file, *ca = NULL, *qr = NULL;
	char uhash[65], fhash[65], chash[65], when[64], *zona = NULL;
	rencana *r = NULL;
	bool sig_ok, file_ok, data_ok = false, registered = false, chain_ok = true;
	bool lt_ok;
	bool pk = false;
	store *s;
	int ch, rc, found;

	while ((ch = cli_getopt(c)) != -1) {
		if (ch == 'C')
			ca = optarg;
		else if (ch == 'Q')
			qr = optarg;
		else
			return EX_USAGE;
	}
	if (qr != NULL) {
		if (ca != NULL || optind < c->argc)
			return cli_usage(c, _("--qr takes no FILE.pdf nor --ca"));
		return cli_verify_qr(c, qr);
	}
	if (optind >= c->argc)
		return cli_usage(c, _("missing FILE.pdf"));
	if (optind + 1 < c->argc)
		return cli_usage(c, _("unexpected argument '%s'"), c->argv[optind + 1]);
	file = c->argv[optind];
	/* An agreement signed by both parties carries two signatures. */
	if ((rc = cli_verify_pk(c, file, ca, &pk)) != 0 || pk)
		return rc;
	memset(&vr, 0, sizeof vr);
	if ((rc = sign_verify_ca(file, ca, &vr, &e)) != 0)
		return cli_report(&e);
	if (!vr.signed_)
		return cli_error(EX_DATAERR, _("%s: the file carries no signature"), file);
	if ((rc = sign_sha256_file(file, fhash, &e)) != 0)
		return cli_report(&e);
	sig_ok = vr.digest_ok && vr.signature_ok;
	lk_hex(vr.unsigned_sha256, 32, uhash);
	/* The stored version first: its agency's zone shows the times. */
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	if ((found = store_signed_find(s, uhash, &sg, &e)) != 0 &&
	    found != EX_NOINPUT) {
		store_close(s);
		return cli_report(&e);
	}
	if (found == 0 && store_zona_waktu(s, sg.instansi, &zona, &e) != 0)
		zona = NULL;
	printf(_("Signature: %s (%s)\n"), sig_ok ? _("valid") : _("NOT VALID"),
	       vr.cert.subject);
	printf(_("Certificate: %s, fingerprint %s\n"), vr.cert.issuer[0] ?
	       vr.cert.issuer : "-", vr.cert.sha256);
	cli_print_time(_("Signing time (as the signer's machine stated it): "),
		       vr.signing_time != 0 ? vr.signing_time : vr.claimed_time,
		       zona);
	if (vr.timestamped && vr.timestamp_ok) {
		cli_print_time(_("Timestamp (RFC 3161): "), vr.timestamp, zona);
		printf(_("  by %s\n"), vr.tsa[0] ? vr.tsa : "-");
	} else if (vr.timestamped) {
		printf(_("Timestamp: NOT over this signature\n"));
	}
	if (vr.covers_whole_file)
		printf(_("Signed revision: %s\n"), _("the whole file"));
	else if (vr.lt_updates_only)
		printf(_("Signed revision: the whole file, and %u update(s) after "
			 "it that only add validation data\n"), vr.lt_updates);
	else
		printf(_("Signed revision: %s\n"), _("CHANGED: the file was "
						     "updated after it was signed"));
	if (vr.chain_checked) {
		chain_ok = vr.chain_ok;
		printf(_("Chain to %s: %s\n"), ca, vr.chain_ok ? _("valid")
		       : vr.chain_error);
	}
	lt_ok = cli_print_lt(&vr, "", zona);
	if (found != 0) {
		store_close(s);
		printf(_("Stored version: NONE matches this file\n"));
		return cli_error(EX_DATAERR, _("%s: not a report signed from this"
					       " database (or altered)"), file);
	}
	file_ok = strcmp(fhash, sg.pdf_sha256) == 0;
	rc = store_signer_registered(s, sg.instansi, vr.cert.sha256, &registered, &e);
	if (rc == 0)
		rc = store_load(s, sg.instansi, sg.tahun, &r, &e);
	store_close(s);
	if (rc == 0 && (rc = svc_content_hash(r, sg.tw, chash, &e)) == 0)
		data_ok = strcmp(chash, sg.content_sha256) == 0;
	if (r != NULL)
		rencana_free(r);
	printf(_("Report: %s, Triwulan %s %d, version %d of %d%s\n"), sg.instansi,
	       tw_romawi(sg.tw), sg.tahun, sg.version, sg.latest,
	       sg.version < sg.latest ? _(" (superseded)") : "");
	zona_lokal(sg.signed_at, zona, true, when, sizeof when);
	free(zona);
	printf(_("Signed by %s (%s) at %s\n"), sg.signer, sg.cert_subject, when);
	printf(_("Signer: %s\n"), registered
	       ? _("a certificate registered for the agency")
	       : _("NOT a certificate registered for the agency"));
	printf(_("File: %s\n"), file_ok ? _("identical to the stored signed version")
	       : _("DIFFERS from the stored signed version"));
	if (rc != 0)
		cli_report(&e);
	else
		printf(_("Data: %s\n"), data_ok
		       ? _("the database still holds the data that were signed")
		       : _("CHANGED in the database since signing"));
	store_signed_free(&sg);
	if (rc != 0)
		return rc;
	if (!sig_ok || !(vr.covers_whole_file || vr.lt_updates_only) ||
	    !file_ok || !data_ok || !lt_ok ||
	    !registered || !chain_ok || (vr.timestamped && !vr.timestamp_ok))
		return cli_error(EX_DATAERR, _("%s: verification FAILED"), file);
	printf(_("Verified.\n"));
	return 0;
}
