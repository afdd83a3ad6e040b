/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* finalise.c - the signed report (see svc.h).
 *
 * svc_finalise renders the quarter exactly as svc_render does (the
 * agency's template, the same builder and layout), signs it with
 * sign_pdf, and hands the signed bytes to store_finalise_cb, which stores
 * them with the next version and locks the quarter in one transaction.
 * All or nothing: the output file appears (by rename) only in that
 * transaction; on any failure the temporary files are removed.
 *
 * The content hash: SHA-256 over the canonical lakip/1 export
 * (exchange_write) of the plan reduced to the quarter, so that `verify`
 * can tell whether the database still holds the data that were signed.
 */
#include "config.h"
#include "svc/svc.h"
#include "svc/final_int.h"

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/hex.h"
#include "core/keluar.h"
#include "core/verifikasi.h"
#include "io/exchange.h"

static void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (p == NULL)
		lk_fatal("out of memory");
	return p;
}

/* SHA-256 of the canonical export of a shallow copy of r reduced to what
 * one document prints, then tail (tail_len bytes, may be 0).  tw >= 1:
 * the quarterly report of quarter tw, whose other quarters hold nothing
 * (no quarter row, realisation, narrative, table, nor quarterly target).
 * tw 0: the year's LKjIP, which prints no quarter's row, narrative or
 * table, and of the realisations only triwulan IV's of an IKU or program
 * without an annual one (its fallback, core/tahunan.h); the quarterly
 * targets stay (its appendix, the agreement's table).  The agency, its
 * bidang, the sasaran, IKU, programs and the annual data stay whole. */
static int
reduced_hash(const rencana *r, int tw, const char *tail, size_t tail_len,
	     char hex[65], lk_err *e)
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
		/* The LKjIP's fallback figures are triwulan IV's: its row
		 * stays, without its date and texts. */
		if (tw == 0 && n == TW_MAX)
			v.tw[n].ada = r->tw[n].ada;
		for (i = 0; i < v.n_sasaran; i++) {
			sasaran *sa = &v.sasaran[i];

			sa->narasi[n] = NULL;
			sa->tabel[n] = NULL;
			sa->n_tabel[n] = 0;
			for (k = 0; k < sa->n_iku; k++) {
				iku *ik = &sa->iku[k];

				if (tw == 0) {
					if (n != TW_MAX || ik->ada_realisasi_tahunan)
						ik->ada_realisasi[n] = false;
					continue;
				}
				ik->ada_realisasi[n] = false;
				ik->ada_target_tw[n] = false;
			}
		}
		for (i = 0; i < v.n_program; i++) {
			program *pg = &v.program[i];

			if (tw == 0) {
				if (n != TW_MAX || pg->ada_realisasi_tahunan)
					pg->ada_realisasi[n] = false;
				continue;
			}
			pg->ada_realisasi[n] = false;
			pg->ada_target_tw[n] = false;
		}
	}
	if ((f = open_memstream(&buf, &len)) == NULL)
		lk_fatal("out of memory");
	rc = exchange_write(f, &v, e);
	if (rc == 0 && tail_len > 0 && fwrite(tail, 1, tail_len, f) != tail_len)
		rc = lk_fail(e, EX_SOFTWARE, _("cannot write the content hash"));
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

int
svc_content_hash(const rencana *r, int tw, char hex[65], lk_err *e)
{
	if (tw < 1 || tw > TW_MAX)
		return lk_fail(e, EX_SOFTWARE, _("no quarter %d to hash"), tw);
	return reduced_hash(r, tw, NULL, 0, hex, e);
}

int
svc_lkjip_content_hash_lalu(const rencana *r, const tahunan_lalu *lalu,
			    size_t n_lalu, char hex[65], lk_err *e)
{
	char *tail = NULL;
	size_t len = 0, i;
	FILE *f;
	int rc;

	/* The earlier years' realisations the LKjIP compares with, one
	 * line each after the export (it prints them). */
	if ((f = open_memstream(&tail, &len)) == NULL)
		lk_fatal("out of memory");
	fputs("# lkjip: realisasi tahun lalu\n", f);
	for (i = 0; i < n_lalu; i++)
		fprintf(f, "%d\t%s\t%" PRId64 "\n", lalu[i].tahun,
			lalu[i].iku != NULL ? lalu[i].iku : "", lalu[i].nilai);
	if (fclose(f) != 0)
		lk_fatal("out of memory");
	rc = reduced_hash(r, 0, tail, len, hex, e);
	free(tail);
	return rc;
}

int
svc_lkjip_content_hash(svc *v, svc_period *p, char hex[65], lk_err *e)
{
	tahunan_lalu *lalu = NULL;
	size_t n_lalu = 0;
	int rc;

	if ((rc = svc_realisasi_lalu(v, p, &lalu, &n_lalu, e)) != 0)
		return rc;
	return svc_lkjip_content_hash_lalu(p->r, lalu, n_lalu, hex, e);
}

/* ------------------------------------------------------------------ */
/* finalise */

typedef struct final_ctx {
	svc *v;
	const svc_final_opts *o;
	char unsigned_tmp[4096], signed_tmp[4096];
	bool published;
	mode_t umask;
	svc_final_result *res;
} final_ctx;

int
svc_read_bytes(const char *path, unsigned char **buf, size_t *len, lk_err *e)
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


static int
render(final_ctx *fc, rencana *r, int tw, int version, const char *sha,
       lk_err *e)
{
	svc_period p;
	layout_result res = { 0, 0 };
	/* The QR code beside the signature: the agency's verification URL
	 * with the version's identity and content hash, which a phone
	 * opens, else the same as text (core/verifikasi.h); both read back
	 * by `lakip verify --qr`. */
	report_extra x = { verif_payload(&r->mem, r->instansi.verifikasi,
					 r->instansi.kode, r->tahun, tw, version,
					 sha),
			   fc->o->ttd, NULL, NULL, version };
	int rc;

	if ((r->instansi.verifikasi == NULL || *r->instansi.verifikasi == '\0') &&
	    fc->o->hooks.warn != NULL)
		fc->o->hooks.warn(fc->o->hooks.arg, _("the agency has no "
				  "verification URL (instansi.verifikasi): the QR "
				  "code holds text that a phone cannot check"));

	/* The plan as store_finalise read it, with the period's one table;
	 * the agency's template, read after the state checked at the end
	 * was noted: a change meanwhile is caught there. */
	memset(&p, 0, sizeof p);
	p.kode = r->instansi.kode;
	p.tahun = r->tahun;
	p.tw = tw;
	p.r = r;
	svc_use(fc->v, &p);
	rc = svc_render(fc->v, &p, NULL, &x, &fc->o->hooks, fc->unsigned_tmp,
			&res, e);
	fc->res->pages = res.pages;
	return rc;
}

static int
produce(void *arg, rencana *r, int tw, int version, store_signed_in *out,
	lk_err *e)
{
	final_ctx *fc = arg;
	sign_verify_result vr;
	sign_opts so;
	char reason[256], head[128], checked[65];
	int rc;

	if ((rc = svc_content_hash(r, tw, out->content_sha256, e)) != 0)
		return rc;
	if ((rc = render(fc, r, tw, version, out->content_sha256, e)) != 0)
		return rc;
	if (svc_interrupted())
		return lk_fail(e, EX_TEMPFAIL, _("interrupted: nothing is stored"));
	memset(&so, 0, sizeof so);
	snprintf(reason, sizeof reason, "Laporan Kinerja Triwulan %s %d (versi %d)",
		 tw_romawi(tw), r->tahun, version);
	so.p12 = fc->o->p12;
	so.password = fc->o->password;
	so.subfilter = SIGN_PADES;
	so.name = r->instansi.kepala.nama;
	so.reason = reason;
	so.location = r->instansi.kota;
	so.when = (int64_t)time(NULL);
	snprintf(head, sizeof head, "audit-head: %" PRId64 " %s", out->audit_id,
		 out->audit_hash);
	so.app_data = head;
	memcpy(checked, fc->res->cert.sha256, sizeof checked);
	if ((rc = svc_sign(fc->o, fc->unsigned_tmp, fc->signed_tmp, &so,
			   &fc->res->cert, e)) != 0)
		return rc;
	/* The file could have been replaced since it was checked. */
	if (strcmp(checked, fc->res->cert.sha256) != 0)
		return lk_fail(e, EX_NOPERM, _("%s changed while the report "
			       "was being signed"), fc->o->p12);
	if ((rc = sign_verify(fc->signed_tmp, &vr, e)) != 0)
		return rc;
	if (!vr.signed_ || !vr.digest_ok || !vr.signature_ok)
		return lk_fail(e, EX_SOFTWARE, _("the signature just made does not verify"));
	if ((rc = svc_read_bytes(fc->signed_tmp, &fc->res->pdf, &fc->res->len, e)) != 0)
		return rc;
	if (svc_interrupted())
		return lk_fail(e, EX_TEMPFAIL, _("interrupted: nothing is stored"));
	lk_hex(vr.unsigned_sha256, 32, out->unsigned_sha256);
	sign_sha256_hex(fc->res->pdf, fc->res->len, out->pdf_sha256);
	snprintf(out->cert_subject, sizeof out->cert_subject, "%s",
		 fc->res->cert.subject);
	out->pdf = fc->res->pdf;
	out->len = fc->res->len;
	return 0;
}

/* The signals that end a finalise are held while it works (its temporary
 * files, its own and those the renderer and the signer make beside them,
 * are then removed in order) and take effect when it is done; a signal
 * that arrives while it renders or signs stops it before the database
 * is written (svc_interrupted()). */
void
svc_hold_signals(bool on, sigset_t *old)
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

bool
svc_interrupted(void)
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

	return svc_publish(fc->signed_tmp, fc->o->out, fc->umask,
			   &fc->published, e);
}

static void
unpublish(void *arg)
{
	final_ctx *fc = arg;

	svc_unpublish(fc->o->out, &fc->published);
}

int
svc_publish(const char *tmp, const char *out, mode_t umask, bool *published,
	    lk_err *e)
{
	if (out == NULL)
		return 0;
	/* A device (/dev/null, say) is written into, never replaced; only
	 * a file put in place is taken away again (svc_unpublish). */
	if (chmod(tmp, 0666 & ~umask) != 0 || lk_keluar(tmp, out, published) != 0)
		return lk_fail(e, EX_CANTCREAT, _("cannot write %s: %s"), out,
			       strerror(errno));
	return 0;
}

void
svc_unpublish(const char *out, bool *published)
{
	if (*published)
		unlink(out);
	*published = false;
}

/* "YYYY-MM-DD" of t (UTC). */
const char *
svc_iso_day(int64_t t, char buf[32])
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
void
svc_digits(const char *s, char *out, size_t n)
{
	size_t k = 0;

	for (; s != NULL && *s && k + 1 < n; s++)
		if (*s >= '0' && *s <= '9')
			out[k++] = *s;
	out[k] = '\0';
}

int
svc_key_check(svc *v, const svc_period *p, const char *p12,
	      const char *password, sign_cert_info *ci, lk_err *e)
{
	bool yes = false;
	char a[32], b[32];
	int rc;

	if ((rc = sign_key_readable(p12, e)) != 0)
		return rc;
	if ((rc = sign_p12_cert(p12, password, (int64_t)time(NULL), ci, e)) != 0)
		return rc;
	if ((rc = store_signer_registered(v->s, p->kode, ci->sha256, &yes, e)) != 0)
		return rc;
	if (!yes)
		return lk_fail(e, EX_NOPERM, _("the certificate of this key (%s, "
			       "fingerprint %s) is not registered to sign the "
			       "reports of %s: an admin registers it with 'lakip "
			       "signer set'"), ci->subject, ci->sha256, p->kode);
	if (ci->expired || ci->not_yet_valid)
		return lk_fail(e, EX_NOPERM, _("the certificate of this key (%s) "
			       "is not valid today (%s to %s)"), ci->subject,
			       svc_iso_day(ci->not_before, a), svc_iso_day(ci->not_after, b));
	if (ci->serial_number[0] == '\0')
		return 0;
	svc_digits(ci->serial_number, a, sizeof a);
	svc_digits(p->r->instansi.kepala.nip, b, sizeof b);
	if (strcmp(a, b) != 0)
		return lk_fail(e, EX_NOPERM, _("the certificate names NIP %s, but "
			       "the head of %s is NIP %s"), ci->serial_number,
			       p->kode, p->r->instansi.kepala.nip ?
			       p->r->instansi.kepala.nip : "-");
	return 0;
}

int
svc_final_ready(const svc_period *p, lk_err *e)
{
	static const char *const rom[] = { "?", "I", "II", "III", "IV" };
	const triwulan *t;
	char list[256];

	if (p->tw < 1 || p->tw > TW_MAX)
		return lk_fail(e, EX_USAGE, _("finalising needs a quarter"));
	t = &p->r->tw[p->tw];
	if (!t->ada || !triwulan_bertanggal(t))
		return lk_fail(e, EX_DATAERR, _("Triwulan %s %d has no report date: "
			       "set it first (lakip date --tahun %d --triwulan %d "
			       "--set YYYY-MM-DD, or the report date in step 8 of the "
			       "terminal application); a signed report never takes "
			       "today's date by itself"), rom[p->tw], p->tahun,
			       p->tahun, p->tw);
	if (rencana_kosong(p->r, list, sizeof list) > 0)
		return lk_fail(e, EX_DATAERR, _("the plan of %d still has blank "
			       "targets or budgets (%s): a signed report never "
			       "rests on a figure nobody typed"), p->tahun, list);
	return 0;
}

int
svc_finalise(svc *v, svc_period *p, const svc_final_opts *o,
	     svc_final_result *out, lk_err *e)
{
	store_finalise_fns fns = { produce, publish, unpublish, NULL, NULL };
	svc_final_opts oo = *o;
	final_ctx fc;
	sigset_t held;
	int rc;

	/* "-" is no file, as for svc_tmp_beside (the temporary files then
	 * go to tmpdir): publishing would make a file named "-". */
	if (oo.out != NULL && strcmp(oo.out, "-") == 0)
		oo.out = NULL;
	o = &oo;
	memset(out, 0, sizeof *out);
	memset(&fc, 0, sizeof fc);
	fc.v = v;
	fc.o = o;
	fc.res = out;
	fns.arg = &fc;
	fns.override_review = o->override_review;
	if (p->tw < 1)
		return lk_fail(e, EX_USAGE, _("finalising needs a quarter"));
	if ((rc = svc_final_tsa(&oo, p->r, e)) != 0)
		return rc;
	if ((rc = svc_may(v, p->kode, p->tahun, p->tw, AKSI_FINAL, e)) != 0)
		return rc;
	if ((rc = svc_final_ready(p, e)) != 0)
		return rc;
	/* The key is checked before anything is rendered or written. */
	if ((rc = svc_key_check(v, p, o->p12, o->password, &out->cert, e)) != 0)
		return rc;
	sigemptyset(&held);
	svc_hold_signals(true, &held);
	if ((rc = svc_tmp_beside(o->out, o->tmpdir, "unsigned", fc.unsigned_tmp,
				 e)) == 0 &&
	    (rc = svc_tmp_beside(o->out, o->tmpdir, "signed", fc.signed_tmp,
				 e)) == 0) {
		fc.umask = umask(0);
		umask(fc.umask);
		rc = store_finalise_cb(v->s, p->kode, p->tahun, p->tw, &fns,
				       &out->version, e);
	}
	if (fc.unsigned_tmp[0])
		unlink(fc.unsigned_tmp);
	if (fc.signed_tmp[0]) {
		unlink(fc.signed_tmp);
		svc_sweep_mine(fc.signed_tmp);  /* the renderer's and signer's */
	}
	svc_hold_signals(false, &held);      /* a signal held ends the process now */
	if (rc != 0) {
		free(out->pdf);
		out->pdf = NULL;
		out->len = 0;
		out->version = 0;
	}
	return rc;
}

void
svc_final_result_free(svc_final_result *r)
{
	free(r->pdf);
	memset(r, 0, sizeof *r);
}

int
svc_final_tsa(svc_final_opts *o, const rencana *r, lk_err *e)
{
	if (o->tsa != NULL && strcmp(o->tsa, "none") == 0) {
		o->tsa = NULL;
		return 0;
	}
	if (o->tsa == NULL && r != NULL)
		o->tsa = r->instansi.tsa;
	if (o->tsa != NULL && !exchange_url_ok(o->tsa))
		return lk_fail(e, EX_USAGE, _("--tsa: expected an http:// or "
			       "https:// URL, got '%s'"), o->tsa);
	return 0;
}

int
svc_sign(const svc_final_opts *o, const char *in, const char *out,
	 sign_opts *so, sign_cert_info *ci, lk_err *e)
{
	sign_lt_info li;
	int rc;

	memset(&li, 0, sizeof li);
	so->tsa_url = o->tsa;
	so->lt = (o->tsa != NULL && *o->tsa != '\0') || o->ncrl > 0;
	so->crl_files = o->crl;
	so->ncrl_files = o->ncrl;
	so->offline = o->offline;
	so->lt_info = &li;
	if ((rc = sign_pdf(in, out, so, ci, e)) != 0)
		return rc;
	if (li.notes[0] != '\0' && o->hooks.warn != NULL) {
		char msg[1200];

		snprintf(msg, sizeof msg, _("validation data not fetched: %s"),
			 li.notes);
		o->hooks.warn(o->hooks.arg, msg);
	}
	if (li.revoked) {
		char when[32];

		return lk_fail(e, EX_NOPERM, _("the certificate %s is revoked "
			       "(since %s): nothing is signed"), li.revoked_cert,
			       svc_iso_day(li.revoked_at, when));
	}
	return 0;
}
