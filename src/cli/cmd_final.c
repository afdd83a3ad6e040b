/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_final.c - `lakip finalise` and `lakip verify`: the signed report.
 *
 * finalise renders the quarter exactly as `lakip report` does (same
 * template, same builder, same layout), signs it with sign_pdf, and hands
 * the signed bytes to store_finalise, which stores them with the next
 * version and locks the quarter in one transaction.  All or nothing: the
 * output file appears (by rename) only after the commit; on any failure
 * the temporary files are removed.
 *
 * The content hash: SHA-256 over the canonical lakip/1 export
 * (exchange_write) of the plan reduced to the quarter (cli_content_hash),
 * so `verify` can tell whether the database still holds the data that
 * were signed.
 */
#include "config.h"
#include "cli/cli.h"

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
#include "io/exchange.h"
#include "report/build.h"
#include "report/layout.h"
#include "report/render.h"
#include "report/template.h"
#include "sign/sign.h"
#include "store/workflow.h"

static void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (p == NULL)
		lk_fatal("out of memory");
	return p;
}

/* SHA-256 of the canonical export of r reduced to quarter tw: a shallow
 * copy whose other quarters hold nothing (no quarter row, realisation,
 * narrative, table, nor quarterly target).  The agency, its bidang, the
 * sasaran, IKU and programs stay whole. */
static int
content_hash(const rencana *r, int tw, char hex[65], lk_err *e)
{
	rencana v = *r;
	char *buf = NULL;
	size_t len = 0, i, k;
	FILE *f;
	int n, rc;

	v.sasaran = xcalloc(r->n_sasaran, sizeof *v.sasaran);
	v.program = xcalloc(r->n_program, sizeof *v.program);
	memcpy(v.sasaran, r->sasaran, r->n_sasaran * sizeof *v.sasaran);
	memcpy(v.program, r->program, r->n_program * sizeof *v.program);
	for (i = 0; i < v.n_sasaran; i++) {
		sasaran *sa = &v.sasaran[i];

		sa->iku = xcalloc(sa->n_iku, sizeof *sa->iku);
		memcpy(sa->iku, r->sasaran[i].iku, sa->n_iku * sizeof *sa->iku);
	}
	for (n = 1; n <= TW_MAX; n++) {
		if (n == tw)
			continue;
		memset(&v.tw[n], 0, sizeof v.tw[n]);
		for (i = 0; i < v.n_sasaran; i++) {
			sasaran *sa = &v.sasaran[i];

			sa->narasi[n] = NULL;
			sa->tabel[n] = NULL;
			sa->n_tabel[n] = 0;
			for (k = 0; k < sa->n_iku; k++) {
				sa->iku[k].ada_realisasi[n] = false;
				sa->iku[k].ada_target_tw[n] = false;
			}
		}
		for (i = 0; i < v.n_program; i++) {
			v.program[i].ada_realisasi[n] = false;
			v.program[i].ada_target_tw[n] = false;
		}
	}
	if ((f = open_memstream(&buf, &len)) == NULL)
		lk_fatal("out of memory");
	rc = exchange_write(f, &v, e);
	if (fclose(f) != 0 && rc == 0)
		rc = lk_fail(e, EX_SOFTWARE, _("cannot write the content hash"));
	if (rc == 0)
		sign_sha256_hex(buf, len, hex);
	free(buf);
	for (i = 0; i < v.n_sasaran; i++)
		free(v.sasaran[i].iku);
	free(v.sasaran);
	free(v.program);
	return rc;
}

/* ------------------------------------------------------------------ */
/* finalise */

typedef struct final_ctx {
	const cli_ctx *c;
	const char *tname, *p12, *password;
	const char *ttd;              /* scanned signature PNG, or NULL */
	const char *tsa;              /* timestamp authority URL, or NULL */
	store *s;                     /* the database (for the template) */
	char unsigned_tmp[4096], signed_tmp[4096];
	const char *out;              /* the file published, or NULL: stdout */
	bool published;
	mode_t umask;
	unsigned char *pdf;
	size_t len;
	sign_cert_info cert;          /* of the key, checked before signing */
	unsigned pages;
} final_ctx;

static int
read_file(const char *path, unsigned char **buf, size_t *len, lk_err *e)
{
	FILE *f = fopen(path, "rb");
	struct stat st;

	if (f == NULL || fstat(fileno(f), &st) != 0) {
		if (f)
			fclose(f);
		return lk_fail(e, EX_IOERR, _("cannot read %s: %s"), path,
			       strerror(errno));
	}
	*len = (size_t)st.st_size;
	*buf = xcalloc(*len + 1, 1);
	if (fread(*buf, 1, *len, f) != *len) {
		fclose(f);
		return lk_fail(e, EX_IOERR, _("cannot read %s"), path);
	}
	fclose(f);
	return 0;
}

/* The verification text of the QR code beside the signature: what a
 * reader needs to find the stored version and check the data with
 * `lakip verify`.  ASCII, so that every QR reader shows it as it is. */
static char *
qr_text(arena *a, const rencana *r, int tw, int version, const char *sha)
{
	return arena_printf(a, "LAKIP %s\nperiode: %d TW %s\nversi: %d\n"
			    "sha256-isi: %s\nperiksa: lakip verify",
			    r->instansi.kode, r->tahun, tw_romawi(tw), version, sha);
}

static int
render(final_ctx *fc, rencana *r, int tw, int version, const char *sha,
       lk_err *e)
{
	layout_result res = { 0, 0 };
	report_extra x = { qr_text(&r->mem, r, tw, version, sha), fc->ttd,
			   NULL, NULL };
	store_template tp;
	char label[128];
	int rc;

	/* The agency's template, read after the state finalise checks at
	 * the end was noted: a change meanwhile is caught there. */
	if ((rc = store_template_get(fc->s, r->instansi.kode, &tp, e)) != 0)
		return rc;
	if (tp.yaml != NULL) {
		snprintf(label, sizeof label, _("template of %s, version %d"),
			 r->instansi.kode, tp.versi);
		x.tmpl_yaml = tp.yaml;
		x.tmpl_label = label;
	}
	rc = cli_render_pdf(fc->c, r, tw, fc->tname, &x, fc->unsigned_tmp, &res, e);
	store_template_free(&tp);
	fc->pages = res.pages;
	return rc;
}

static bool interrupted(void);

static int
produce(void *arg, rencana *r, int tw, int version, store_signed_in *out,
	lk_err *e)
{
	final_ctx *fc = arg;
	sign_verify_result vr;
	sign_opts so;
	char reason[256], head[128];
	int rc;

	if ((rc = content_hash(r, tw, out->content_sha256, e)) != 0)
		return rc;
	if ((rc = render(fc, r, tw, version, out->content_sha256, e)) != 0)
		return rc;
	if (interrupted())
		return lk_fail(e, EX_TEMPFAIL, _("interrupted: nothing is stored"));
	memset(&so, 0, sizeof so);
	snprintf(reason, sizeof reason, "Laporan Kinerja Triwulan %s %d (versi %d)",
		 tw_romawi(tw), r->tahun, version);
	so.p12 = fc->p12;
	so.password = fc->password;
	so.subfilter = SIGN_PADES;
	so.name = r->instansi.kepala.nama;
	so.reason = reason;
	so.location = r->instansi.kota;
	so.when = (int64_t)time(NULL);
	snprintf(head, sizeof head, "audit-head: %" PRId64 " %s", out->audit_id,
		 out->audit_hash);
	so.app_data = head;
	so.tsa_url = fc->tsa;
	{
		char checked[65];

		memcpy(checked, fc->cert.sha256, sizeof checked);
		if ((rc = sign_pdf(fc->unsigned_tmp, fc->signed_tmp, &so, &fc->cert,
				   e)) != 0)
			return rc;
		/* The file could have been replaced since it was checked. */
		if (strcmp(checked, fc->cert.sha256) != 0)
			return lk_fail(e, EX_NOPERM, _("%s changed while the report "
				       "was being signed"), fc->p12);
	}
	if ((rc = sign_verify(fc->signed_tmp, &vr, e)) != 0)
		return rc;
	if (!vr.signed_ || !vr.digest_ok || !vr.signature_ok)
		return lk_fail(e, EX_SOFTWARE, _("the signature just made does not verify"));
	if ((rc = read_file(fc->signed_tmp, &fc->pdf, &fc->len, e)) != 0)
		return rc;
	if (interrupted())
		return lk_fail(e, EX_TEMPFAIL, _("interrupted: nothing is stored"));
	for (int i = 0; i < 32; i++)
		snprintf(out->unsigned_sha256 + 2 * i, 3, "%02x", vr.unsigned_sha256[i]);
	sign_sha256_hex(fc->pdf, fc->len, out->pdf_sha256);
	snprintf(out->cert_subject, sizeof out->cert_subject, "%s", fc->cert.subject);
	out->pdf = fc->pdf;
	out->len = fc->len;
	return 0;
}

/* Password of the .p12: $LAKIP_P12_PASS, else asked on the terminal
 * without echo.  *pw malloc'ed. */
static int
get_password(char **pw)
{
	const char *env = getenv("LAKIP_P12_PASS");
	struct termios old, quiet;
	char buf[512];
	FILE *tty;
	size_t n;

	if (env != NULL) {
		if ((*pw = strdup(env)) == NULL)
			lk_fatal("out of memory");
		return 0;
	}
	if ((tty = fopen("/dev/tty", "r+")) == NULL)
		return cli_error(EX_USAGE, _("no terminal to ask the password of the"
					     " .p12 on: set LAKIP_P12_PASS"));
	fputs(_("Password of the signing key: "), tty);
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

/* A temporary path beside out (in $TMPDIR when out is "-"). */
static int
tmp_beside(const char *out, const char *tag, char path[4096])
{
	const char *tmpdir = getenv("TMPDIR");
	char *dup = strdup(out);
	int fd;

	if (dup == NULL)
		lk_fatal("out of memory");
	if (cli_out_is_stdout(out))
		snprintf(path, 4096, "%s/.lakip-%s-%ld-XXXXXX",
			 tmpdir != NULL && *tmpdir ? tmpdir : "/tmp", tag,
			 (long)getpid());
	else
		snprintf(path, 4096, "%s/.lakip-%s-%ld-XXXXXX", dirname(dup), tag,
			 (long)getpid());
	free(dup);
	cli_sweep_temps(path);
	if ((fd = mkstemp(path)) < 0)
		return cli_error(EX_CANTCREAT, _("cannot create %s: %s"), out,
				 strerror(errno));
	close(fd);
	return 0;
}

/* The signals that end a finalise are held while it works (its temporary
 * files, its own and those the renderer and the signer make beside them,
 * are then removed in order) and take effect when it is done; a signal
 * that arrives while it renders or signs stops it before the database
 * is written (interrupted()). */
static void
hold_signals(bool on, sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGQUIT);
	sigaddset(&set, SIGTERM);
	if (on)
		sigprocmask(SIG_BLOCK, &set, old);
	else
		sigprocmask(SIG_SETMASK, old, NULL);
}

static bool
interrupted(void)
{
	sigset_t p;

	return sigpending(&p) == 0 && (sigismember(&p, SIGHUP) == 1 ||
	    sigismember(&p, SIGINT) == 1 || sigismember(&p, SIGQUIT) == 1 ||
	    sigismember(&p, SIGTERM) == 1);
}

/* Inside the final transaction: the signed file takes its place. */
static int
publish(void *arg, lk_err *e)
{
	final_ctx *fc = arg;

	if (fc->out == NULL)
		return 0;
	if (chmod(fc->signed_tmp, 0666 & ~fc->umask) != 0 ||
	    rename(fc->signed_tmp, fc->out) != 0)
		return lk_fail(e, EX_CANTCREAT, _("cannot write %s: %s"), fc->out,
			       strerror(errno));
	fc->published = true;
	return 0;
}

static void
unpublish(void *arg)
{
	final_ctx *fc = arg;

	if (fc->published)
		unlink(fc->out);
	fc->published = false;
}

/* "YYYY-MM-DD" of t (UTC). */
static const char *
iso_day(int64_t t, char buf[32])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (gmtime_r(&tt, &tm) == NULL)
		snprintf(buf, 32, "?");
	else
		strftime(buf, 32, "%Y-%m-%d", &tm);
	return buf;
}

/* The digits of a NIP (printed with or without spaces). */
static void
digits(const char *s, char *out, size_t n)
{
	size_t k = 0;

	for (; s != NULL && *s && k + 1 < n; s++)
		if (*s >= '0' && *s <= '9')
			out[k++] = *s;
	out[k] = '\0';
}

/* May this key sign the agency's reports?  Its certificate is registered
 * for the agency (lakip signer set), valid today, and, where its subject
 * carries a serialNumber (a NIP), it is the NIP of the agency's head.
 * EX_NOPERM naming what is wrong. */
static int
signer_allowed(store *s, const char *kode, int tahun, const sign_cert_info *ci,
	       lk_err *e)
{
	rencana *r = NULL;
	bool yes = false;
	char a[32], b[32];
	int rc;

	if ((rc = store_signer_registered(s, kode, ci->sha256, &yes, e)) != 0)
		return rc;
	if (!yes)
		return lk_fail(e, EX_NOPERM, _("the certificate of this key (%s, "
			       "fingerprint %s) is not registered to sign the "
			       "reports of %s: an admin registers it with 'lakip "
			       "signer set'"), ci->subject, ci->sha256, kode);
	if (ci->expired || ci->not_yet_valid)
		return lk_fail(e, EX_NOPERM, _("the certificate of this key (%s) "
			       "is not valid today (%s to %s)"), ci->subject,
			       iso_day(ci->not_before, a), iso_day(ci->not_after, b));
	if (ci->serial_number[0] == '\0')
		return 0;
	if ((rc = store_load(s, kode, tahun, &r, e)) != 0)
		return rc;
	digits(ci->serial_number, a, sizeof a);
	digits(r->instansi.kepala.nip, b, sizeof b);
	if (strcmp(a, b) != 0)
		rc = lk_fail(e, EX_NOPERM, _("the certificate names NIP %s, but "
			     "the head of %s is NIP %s"), ci->serial_number, kode,
			     r->instansi.kepala.nip ? r->instansi.kepala.nip : "-");
	rencana_free(r);
	return rc;
}

int
cmd_finalise(cli_ctx *c)
{
	lk_err e = { 0, "" };
	cli_period p = { NULL, 0, 0 };
	store_finalise_fns fns = { produce, publish, unpublish, NULL };
	final_ctx fc;
	const char *out = NULL;
	char *kode = NULL, *pw = NULL;
	int ch, rc, version = 0;
	bool to_stdout;
	struct stat st;
	sigset_t held;
	store *s;

	memset(&fc, 0, sizeof fc);
	sigemptyset(&held);
	fc.c = c;
	fc.tname = "laporan";
	fns.arg = &fc;
	while ((ch = cli_getopt(c)) != -1) {
		if ((rc = cli_period_opt(c, ch, &p)) >= 0) {
			if (rc != 0)
				return rc;
		} else if (ch == 'P')
			fc.p12 = optarg;
		else if (ch == 'o')
			out = optarg;
		else if (ch == 'S')
			fc.ttd = optarg;
		else if (ch == 'Z')
			fc.tsa = optarg;
		else
			return EX_USAGE;
	}
	if ((rc = cli_period_done(c, &p, true)) != 0)
		return rc;
	if (fc.tsa != NULL && strncmp(fc.tsa, "http://", 7) != 0)
		return cli_usage(c, _("--tsa: expected an http:// URL, got '%s'"),
				 fc.tsa);
	if (fc.p12 == NULL)
		return cli_usage(c, _("--p12 FILE.p12 is required"));
	if (out == NULL)
		return cli_usage(c, _("-o FILE.pdf is required"));
	to_stdout = cli_out_is_stdout(out);
	/* A key file that is no regular file (a FIFO, a device) could keep
	 * finalise waiting for ever. */
	if (stat(fc.p12, &st) != 0 || access(fc.p12, R_OK) != 0)
		return cli_error(EX_NOINPUT, _("cannot read %s: %s"), fc.p12,
				 strerror(errno));
	if (!S_ISREG(st.st_mode))
		return cli_error(EX_NOINPUT, _("%s is not a regular file"), fc.p12);
	if ((rc = cli_open_store(c, 0, &s)) != 0)
		return rc;
	fc.s = s;
	/* The role in this agency, before a password is asked. */
	if ((rc = store_pilih_instansi(s, p.instansi, &kode, &e)) != 0 ||
	    (rc = store_izin_at(s, kode, AKSI_FINAL, &e)) != 0) {
		store_close(s);
		free(kode);
		return cli_report(&e);
	}
	if ((rc = get_password(&pw)) != 0) {
		store_close(s);
		free(kode);
		return rc;
	}
	fc.password = pw;
	/* The key is checked before anything is rendered or written. */
	if ((rc = sign_p12_cert(fc.p12, pw, (int64_t)time(NULL), &fc.cert, &e)) != 0 ||
	    (rc = signer_allowed(s, kode, p.tahun, &fc.cert, &e)) != 0) {
		cli_report(&e);
		goto done;
	}
	hold_signals(true, &held);
	if ((rc = tmp_beside(out, "unsigned", fc.unsigned_tmp)) == 0
	    && (rc = tmp_beside(out, "signed", fc.signed_tmp)) == 0) {
		fc.umask = umask(0);
		umask(fc.umask);
		fc.out = to_stdout ? NULL : out;
		rc = store_finalise_cb(s, kode, p.tahun, p.tw, &fns, &version, &e);
		if (rc == 0 && to_stdout && (fwrite(fc.pdf, 1, fc.len, stdout) != fc.len
					     || fflush(stdout) != 0))
			rc = lk_fail(&e, EX_IOERR,
				     _("signed and stored as version %d, but cannot"
				       " write %s: %s (lakip signed get gives it back)"),
				     version, _("standard output"), strerror(errno));
		if (rc != 0)
			cli_report(&e);
	}
done:
	store_close(s);
	if (fc.unsigned_tmp[0])
		unlink(fc.unsigned_tmp);
	if (fc.signed_tmp[0])
		unlink(fc.signed_tmp);
	if (fc.signed_tmp[0])
		cli_sweep_mine(fc.signed_tmp);  /* the renderer's and signer's */
	hold_signals(false, &held);      /* a signal held ends the process now */
	memset(pw, 0, strlen(pw));
	free(pw);
	free(fc.pdf);
	if (rc == 0) {
		/* With -o -, standard output is the PDF: the summary goes
		 * to standard error. */
		fprintf(to_stdout ? stderr : stdout,
			_("Finalised %s, Triwulan %s %d: version %d signed by %s,"
			  " stored and locked; wrote %s (%u pages, %zu bytes)\n"),
			kode, tw_romawi(p.tw), p.tahun, version, fc.cert.subject,
			to_stdout ? _("standard output") : out, fc.pages, fc.len);
	}
	free(kode);
	return rc;
}

/* buf into out ("-": standard output), through a temporary file beside
 * it renamed into place. */
static int
write_out(const char *out, const unsigned char *buf, size_t len, lk_err *e)
{
	char tmp[4096];
	mode_t um;
	FILE *f;

	if (cli_out_is_stdout(out)) {
		if (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0)
			return lk_fail(e, EX_IOERR, _("cannot write %s: %s"),
				       _("standard output"), strerror(errno));
		return 0;
	}
	if (tmp_beside(out, "get", tmp) != 0)
		return EX_CANTCREAT;         /* said */
	um = umask(0);
	umask(um);
	if ((f = fopen(tmp, "wb")) == NULL || fwrite(buf, 1, len, f) != len ||
	    fclose(f) != 0 || chmod(tmp, 0666 & ~um) != 0 || rename(tmp, out) != 0) {
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
	const char *out = NULL;
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
		} else
			return EX_USAGE;
	}
	if (optind >= c->argc || strcmp(c->argv[optind], "get") != 0)
		return cli_usage(c, _("expected get"));
	optind++;
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
		rc = write_out(out, pdf, len, &e);
	free(pdf);
	return rc != 0 && e.msg[0] ? cli_report(&e) : rc;
}

/* ------------------------------------------------------------------ */
/* verify */

static void
hex32(const unsigned char b[32], char hex[65])
{
	int i;

	for (i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", b[i]);
}

static void
print_time(const char *label, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[64];

	if (t == 0 || gmtime_r(&tt, &tm) == NULL)
		snprintf(buf, sizeof buf, "-");
	else
		strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
	printf("%s%s\n", label, buf);
}

int
cmd_verify(cli_ctx *c)
{
	lk_err e = { 0, "" };
	sign_verify_result vr;
	store_signed sg;
	const char *file, *ca = NULL;
	char uhash[65], fhash[65], chash[65];
	rencana *r = NULL;
	bool sig_ok, file_ok, data_ok = false, registered = false, chain_ok = true;
	store *s;
	int ch, rc;

	while ((ch = cli_getopt(c)) != -1) {
		if (ch == 'C')
			ca = optarg;
		else
			return EX_USAGE;
	}
	if (optind >= c->argc)
		return cli_usage(c, _("missing FILE.pdf"));
	if (optind + 1 < c->argc)
		return cli_usage(c, _("unexpected argument '%s'"), c->argv[optind + 1]);
	file = c->argv[optind];
	memset(&vr, 0, sizeof vr);
	if ((rc = sign_verify_ca(file, ca, &vr, &e)) != 0)
		return cli_report(&e);
	if (!vr.signed_)
		return cli_error(EX_DATAERR, _("%s: the file carries no signature"), file);
	if ((rc = sign_sha256_file(file, fhash, &e)) != 0)
		return cli_report(&e);
	sig_ok = vr.digest_ok && vr.signature_ok;
	hex32(vr.unsigned_sha256, uhash);
	printf(_("Signature: %s (%s)\n"), sig_ok ? _("valid") : _("NOT VALID"),
	       vr.cert.subject);
	printf(_("Certificate: %s, fingerprint %s\n"), vr.cert.issuer[0] ?
	       vr.cert.issuer : "-", vr.cert.sha256);
	print_time(_("Signing time (as the signer's machine stated it): "),
		   vr.signing_time != 0 ? vr.signing_time : vr.claimed_time);
	if (vr.timestamped && vr.timestamp_ok) {
		print_time(_("Timestamp (RFC 3161): "), vr.timestamp);
		printf(_("  by %s\n"), vr.tsa[0] ? vr.tsa : "-");
	} else if (vr.timestamped) {
		printf(_("Timestamp: NOT over this signature\n"));
	}
	printf(_("Signed revision: %s\n"), vr.covers_whole_file
	       ? _("the whole file") : _("CHANGED: the file was updated after "
					 "it was signed"));
	if (vr.chain_checked) {
		chain_ok = vr.chain_ok;
		printf(_("Chain to %s: %s\n"), ca, vr.chain_ok ? _("valid")
		       : vr.chain_error);
	}
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	if ((rc = store_signed_find(s, uhash, &sg, &e)) != 0) {
		store_close(s);
		if (rc == EX_NOINPUT) {
			printf(_("Stored version: NONE matches this file\n"));
			return cli_error(EX_DATAERR, _("%s: not a report signed from this"
						       " database (or altered)"), file);
		}
		return cli_report(&e);
	}
	file_ok = strcmp(fhash, sg.pdf_sha256) == 0;
	rc = store_signer_registered(s, sg.instansi, vr.cert.sha256, &registered, &e);
	if (rc == 0)
		rc = store_load(s, sg.instansi, sg.tahun, &r, &e);
	store_close(s);
	if (rc == 0 && (rc = content_hash(r, sg.tw, chash, &e)) == 0)
		data_ok = strcmp(chash, sg.content_sha256) == 0;
	if (r != NULL)
		rencana_free(r);
	printf(_("Report: %s, Triwulan %s %d, version %d of %d%s\n"), sg.instansi,
	       tw_romawi(sg.tw), sg.tahun, sg.version, sg.latest,
	       sg.version < sg.latest ? _(" (superseded)") : "");
	printf(_("Signed by %s (%s) at %s\n"), sg.signer, sg.cert_subject,
	       sg.signed_at);
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
	if (!sig_ok || !vr.covers_whole_file || !file_ok || !data_ok ||
	    !registered || !chain_ok || (vr.timestamped && !vr.timestamp_ok))
		return cli_error(EX_DATAERR, _("%s: verification FAILED"), file);
	printf(_("Verified.\n"));
	return 0;
}
