/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* finalise_pk.c - signing the Perjanjian Kinerja by both parties (see
 * svc.h, svc_finalise_pk).
 *
 * Pihak pertama: the agreement rendered as svc_render_pk does, signed
 * with the head's key (checked as for the quarterly report), stored as
 * the next version.  Pihak kedua: the PDF pihak pertama signed, taken
 * from the database as stored, gets the superior's signature as a second
 * incremental update (sign_pdf appends after the first update, whose
 * signature stays valid); refused when the data the agreement states
 * changed since pihak pertama signed.  Then the year's agreement is
 * locked (store/pk.c).  The content hash is SHA-256 over core/pk.h's
 * text: exactly what the lock protects.
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
#include "core/verifikasi.h"
#include "core/hex.h"
#include "core/pk.h"

int
svc_pk_content_hash(const rencana *r, char hex[65])
{
	size_t len = 0;
	char *t = pk_isi(r, &len);

	sign_sha256_hex(t, len, hex);
	free(t);
	return 0;
}

int
svc_pk_ready(const svc_period *p, lk_err *e)
{
	const perjanjian *pj = &p->r->perjanjian;

	if (!pj->ada || pj->pihak_kedua.nama == NULL ||
	    pj->pihak_kedua.jabatan == NULL)
		return lk_fail(e, EX_DATAERR, _("the plan of %s for %d has no "
			       "Perjanjian Kinerja (perjanjian: tanggal, pihak_kedua "
			       "with nama and jabatan): import it first"),
			       p->kode, p->tahun);
	if (p->r->instansi.kepala.nama == NULL ||
	    p->r->instansi.kepala.nama[0] == '\0')
		return lk_fail(e, EX_DATAERR, _("%s has no head (instansi.kepala): "
			       "pihak pertama of the agreement"), p->kode);
	return 0;
}

int
svc_pk_key_check(svc *v, const svc_period *p, int pihak, const char *p12,
		 const char *password, sign_cert_info *ci, lk_err *e)
{
	const pejabat *pk2 = &p->r->perjanjian.pihak_kedua;
	bool yes = false;
	char a[32], b[32];
	int rc;

	if (pihak == 1)
		return svc_key_check(v, p, p12, password, ci, e);
	if ((rc = sign_key_readable(p12, e)) != 0)
		return rc;
	if ((rc = sign_p12_cert(p12, password, (int64_t)time(NULL), ci, e)) != 0)
		return rc;
	if ((rc = store_signer_registered_pihak(v->s, p->kode, ci->sha256, 2,
						&yes, e)) != 0)
		return rc;
	if (!yes)
		return lk_fail(e, EX_NOPERM, _("the certificate of this key (%s, "
			       "fingerprint %s) is not registered for pihak kedua "
			       "of the agreements of %s: an admin registers it "
			       "with 'lakip signer set --pihak kedua'"), ci->subject,
			       ci->sha256, p->kode);
	if (ci->expired || ci->not_yet_valid)
		return lk_fail(e, EX_NOPERM, _("the certificate of this key (%s) "
			       "is not valid today (%s to %s)"), ci->subject,
			       svc_iso_day(ci->not_before, a), svc_iso_day(ci->not_after, b));
	if (ci->serial_number[0] == '\0' || pk2->nip == NULL)
		return 0;
	svc_digits(ci->serial_number, a, sizeof a);
	svc_digits(pk2->nip, b, sizeof b);
	if (strcmp(a, b) != 0)
		return lk_fail(e, EX_NOPERM, _("the certificate names NIP %s, but "
			       "pihak kedua of the agreement is NIP %s"),
			       ci->serial_number, pk2->nip);
	return 0;
}

/* ------------------------------------------------------------------ */

typedef struct pk_ctx {
	svc *v;
	enum store_dok dok;
	const svc_final_opts *o;
	char unsigned_tmp[4096], signed_tmp[4096];
	bool published;
	mode_t umask;
	svc_final_result *res;
} pk_ctx;

static int
write_bytes(const char *path, const unsigned char *buf, size_t len, lk_err *e)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(buf, 1, len, f) != len) {
		if (f != NULL)
			fclose(f);
		return lk_fail(e, EX_CANTCREAT, _("cannot write %s: %s"), path,
			       strerror(errno));
	}
	if (fclose(f) != 0)
		return lk_fail(e, EX_CANTCREAT, _("cannot write %s: %s"), path,
			       strerror(errno));
	return 0;
}

static int
produce(void *arg, rencana *r, int pihak, int version,
	const unsigned char *prev, size_t prev_len,
	const store_pk_sig *prev_sig, store_pk_in *out, lk_err *e)
{
	pk_ctx *fc = arg;
	sign_verify_result vr;
	sign_opts so;
	svc_period p;
	char reason[256], head[128], checked[65], prev_hash[65];
	int rc;

	memset(&p, 0, sizeof p);
	p.kode = r->instansi.kode;
	p.tahun = r->tahun;
	p.r = r;
	svc_use(fc->v, &p);
	if (fc->dok == STORE_DOK_LKJIP) {
		layout_result res = { 0, 0 };
		report_extra x = { NULL, fc->o->ttd, NULL, NULL, 0 };

		if ((rc = svc_lkjip_ready(&p, e)) != 0 ||
		    (rc = svc_lkjip_content_hash(fc->v, &p,
						 out->sig.content_sha256, e)) != 0)
			return rc;
		x.qr_text = verif_payload_dok(&r->mem, VD_LKJIP,
			 r->instansi.verifikasi, r->instansi.kode, r->tahun, 0,
			 version, out->sig.content_sha256);
		if ((rc = svc_render_lkjip(fc->v, &p, NULL, &x, &fc->o->hooks,
					   fc->unsigned_tmp, &res, e)) != 0)
			return rc;
		fc->res->pages = res.pages;
	} else if ((rc = svc_pk_ready(&p, e)) != 0) {
		return rc;
	} else if (pihak == 1) {
		layout_result res = { 0, 0 };
		report_extra x = { NULL, fc->o->ttd, NULL, NULL, 0 };

		svc_pk_content_hash(r, out->sig.content_sha256);
		/* As a report's (core/verifikasi.h): the agency's
		 * verification URL with the agreement's identity. */
		x.qr_text = verif_payload_dok(&r->mem, VD_PK,
			 r->instansi.verifikasi, r->instansi.kode, r->tahun, 0,
			 version, out->sig.content_sha256);
		if ((rc = svc_render_pk(fc->v, &p, NULL, &x, &fc->o->hooks,
					fc->unsigned_tmp, &res, e)) != 0)
			return rc;
		fc->res->pages = res.pages;
	} else {
		svc_pk_content_hash(r, out->sig.content_sha256);
		/* What pihak kedua signs is what pihak pertama signed. */
		if (strcmp(out->sig.content_sha256, prev_sig->content_sha256) != 0)
			return lk_fail(e, EX_DATAERR, _("the data of the Perjanjian "
				       "Kinerja %d changed after pihak pertama signed "
				       "version %d: he signs again first (lakip "
				       "finalise --dokumen pk)"), r->tahun, version);
		sign_sha256_hex(prev, prev_len, prev_hash);
		if (strcmp(prev_hash, prev_sig->pdf_sha256) != 0)
			return lk_fail(e, EX_DATAERR, _("the stored agreement "
				       "version %d is not the file pihak pertama "
				       "signed (its SHA-256 differs)"), version);
		if ((rc = write_bytes(fc->unsigned_tmp, prev, prev_len, e)) != 0)
			return rc;
	}
	if (svc_interrupted())
		return lk_fail(e, EX_TEMPFAIL, _("interrupted: nothing is stored"));
	memset(&so, 0, sizeof so);
	if (fc->dok == STORE_DOK_LKJIP)
		snprintf(reason, sizeof reason, "Laporan Kinerja Instansi "
			 "Pemerintah Tahun %d (versi %d)", r->tahun, version);
	else
		snprintf(reason, sizeof reason, "Perjanjian Kinerja Tahun %d "
			 "(versi %d): pihak %s", r->tahun, version,
			 pihak == 1 ? "pertama" : "kedua");
	so.p12 = fc->o->p12;
	so.password = fc->o->password;
	so.subfilter = SIGN_PADES;
	so.name = pihak == 1 ? r->instansi.kepala.nama :
	    r->perjanjian.pihak_kedua.nama;
	so.reason = reason;
	so.location = r->instansi.kota;
	so.when = (int64_t)time(NULL);
	snprintf(head, sizeof head, "audit-head: %" PRId64 " %s",
		 out->sig.audit_id, out->sig.audit_hash);
	so.app_data = head;
	memcpy(checked, fc->res->cert.sha256, sizeof checked);
	if ((rc = svc_sign(fc->o, fc->unsigned_tmp, fc->signed_tmp, &so,
			   &fc->res->cert, e)) != 0)
		return rc;
	if (strcmp(checked, fc->res->cert.sha256) != 0)
		return lk_fail(e, EX_NOPERM, _("%s changed while the report "
			       "was being signed"), fc->o->p12);
	if (pihak == 2 && prev_sig->cert_sha256 != NULL &&
	    strcmp(prev_sig->cert_sha256, fc->res->cert.sha256) == 0)
		return lk_fail(e, EX_NOPERM, _("pihak kedua signs with his own "
			       "key, not with the one pihak pertama signed with"));
	if ((rc = sign_verify(fc->signed_tmp, &vr, e)) != 0)
		return rc;
	if (!vr.signed_ || !vr.digest_ok || !vr.signature_ok)
		return lk_fail(e, EX_SOFTWARE, _("the signature just made does not verify"));
	if ((rc = svc_read_bytes(fc->signed_tmp, &fc->res->pdf, &fc->res->len, e)) != 0)
		return rc;
	if (svc_interrupted())
		return lk_fail(e, EX_TEMPFAIL, _("interrupted: nothing is stored"));
	lk_hex(vr.unsigned_sha256, 32, out->sig.unsigned_sha256);
	sign_sha256_hex(fc->res->pdf, fc->res->len, out->sig.pdf_sha256);
	snprintf(out->sig.cert_subject, sizeof out->sig.cert_subject, "%s",
		 fc->res->cert.subject);
	memcpy(out->cert_sha256, fc->res->cert.sha256, sizeof out->cert_sha256);
	out->sig.pdf = fc->res->pdf;
	out->sig.len = fc->res->len;
	return 0;
}

static int
publish(void *arg, lk_err *e)
{
	pk_ctx *fc = arg;

	return svc_publish(fc->signed_tmp, fc->o->out, fc->umask,
			   &fc->published, e);
}

static void
unpublish(void *arg)
{
	pk_ctx *fc = arg;

	svc_unpublish(fc->o->out, &fc->published);
}

int
svc_pk_signable(svc *v, const svc_period *p, int pihak, lk_err *e)
{
	store_pk_state st;
	int rc;

	if ((rc = svc_may(v, p->kode, p->tahun, 0, AKSI_FINAL, e)) != 0)
		return rc;
	if ((rc = svc_pk_ready(p, e)) != 0)
		return rc;
	if ((rc = store_pk_state_load(v->s, p->kode, p->tahun, &st, e)) != 0)
		return rc;
	if (st.locked)
		rc = lk_fail(e, EX_NOPERM, _("the Perjanjian Kinerja %d of %s is "
			     "signed by both parties (version %d; pihak kedua "
			     "signed at %s): it is locked"), p->tahun, p->kode,
			     st.version, st.sig[2].signed_at);
	else if (pihak == 2 && !st.pertama)
		rc = lk_fail(e, EX_DATAERR, _("pihak pertama (the head of %s) has "
			     "not signed the Perjanjian Kinerja %d yet: pihak kedua "
			     "countersigns after him (lakip finalise --dokumen pk, "
			     "then --pihak kedua)"), p->kode, p->tahun);
	else if (pihak == 2 && st.kedua)
		rc = lk_fail(e, EX_DATAERR, _("version %d of the Perjanjian Kinerja "
			     "%d was countersigned and then unlocked: pihak pertama "
			     "signs version %d first"), st.version, p->tahun,
			     st.version + 1);
	store_pk_state_free(&st);
	return rc;
}

int
svc_lkjip_ready(const svc_period *p, lk_err *e)
{
	if (p->r->instansi.kepala.nama == NULL ||
	    p->r->instansi.kepala.nama[0] == '\0')
		return lk_fail(e, EX_DATAERR, _("%s has no head (instansi.kepala): "
			       "he signs the LKjIP"), p->kode);
	return 0;
}

int
svc_lkjip_signable(svc *v, const svc_period *p, lk_err *e)
{
	store_pk_state st;
	int rc;

	if ((rc = svc_may(v, p->kode, p->tahun, 0, AKSI_FINAL, e)) != 0)
		return rc;
	if ((rc = svc_lkjip_ready(p, e)) != 0)
		return rc;
	if ((rc = store_dok_state_load(v->s, STORE_DOK_LKJIP, p->kode, p->tahun,
				       &st, e)) != 0)
		return rc;
	if (st.locked)
		rc = lk_fail(e, EX_NOPERM, _("the LKjIP %d of %s is signed "
			     "(version %d, at %s): it is locked; an admin unlocks "
			     "it (lakip unlock --dokumen lkjip) before the head "
			     "signs the next version"), p->tahun, p->kode,
			     st.version, st.sig[1].signed_at);
	store_pk_state_free(&st);
	return rc;
}

/* The agreement's pihak (d STORE_DOK_PK) or the LKjIP (pihak 1). */
static int
finalise_dok(svc *v, svc_period *p, enum store_dok d, int pihak,
	     const svc_final_opts *o, svc_final_result *out, lk_err *e)
{
	store_pk_fns fns = { produce, publish, unpublish, NULL };
	svc_final_opts oo = *o;
	pk_ctx fc;
	sigset_t held;
	int rc;

	if (oo.out != NULL && strcmp(oo.out, "-") == 0)
		oo.out = NULL;
	o = &oo;
	memset(out, 0, sizeof *out);
	memset(&fc, 0, sizeof fc);
	fc.v = v;
	fc.dok = d;
	fc.o = o;
	fc.res = out;
	fns.arg = &fc;
	if (pihak != 1 && pihak != 2)
		return lk_fail(e, EX_USAGE, _("pihak: pertama or kedua"));
	if (o->override_review != NULL && d == STORE_DOK_LKJIP)
		return lk_fail(e, EX_USAGE, _("the LKjIP has no review to "
			       "override"));
	if (o->override_review != NULL)
		return lk_fail(e, EX_USAGE, _("the agreement has no review to "
			       "override"));
	if ((rc = svc_final_tsa(&oo, p->r, e)) != 0)
		return rc;
	if ((rc = d == STORE_DOK_LKJIP ? svc_lkjip_signable(v, p, e) :
	     svc_pk_signable(v, p, pihak, e)) != 0)
		return rc;
	/* The key is checked before anything is rendered or written. */
	if ((rc = svc_pk_key_check(v, p, pihak, o->p12, o->password, &out->cert,
				   e)) != 0)
		return rc;
	sigemptyset(&held);
	svc_hold_signals(true, &held);
	if ((rc = svc_tmp_beside(o->out, o->tmpdir, "unsigned", fc.unsigned_tmp,
				 e)) == 0 &&
	    (rc = svc_tmp_beside(o->out, o->tmpdir, "signed", fc.signed_tmp,
				 e)) == 0) {
		fc.umask = umask(0);
		umask(fc.umask);
		rc = store_dok_finalise(v->s, d, p->kode, p->tahun, pihak, &fns,
					&out->version, e);
	}
	if (fc.unsigned_tmp[0])
		unlink(fc.unsigned_tmp);
	if (fc.signed_tmp[0]) {
		unlink(fc.signed_tmp);
		svc_sweep_mine(fc.signed_tmp);
	}
	svc_hold_signals(false, &held);
	if (rc != 0) {
		free(out->pdf);
		out->pdf = NULL;
		out->len = 0;
		out->version = 0;
	}
	return rc;
}

int
svc_finalise_pk(svc *v, svc_period *p, int pihak, const svc_final_opts *o,
		svc_final_result *out, lk_err *e)
{
	return finalise_dok(v, p, STORE_DOK_PK, pihak, o, out, e);
}

int
svc_finalise_lkjip(svc *v, svc_period *p, const svc_final_opts *o,
		   svc_final_result *out, lk_err *e)
{
	return finalise_dok(v, p, STORE_DOK_LKJIP, 1, o, out, e);
}
