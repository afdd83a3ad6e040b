/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* svc.h - the service layer: what lakip does, for both front ends.
 *
 * Owns: opening a period (the agency chosen, the actor's role in it
 * checked, the plan loaded, its figures computed with the one predikat
 * table that counts), the permission check before a change, saving,
 * submitting and reviewing, rendering, finalising (render, sign, store,
 * lock, publish) and unlocking, and the province view (rekap.h).  The
 * command line (src/cli) and the terminal application (src/tui) call
 * these and only draw what they return: an exit status from <sysexits.h>
 * and a message in lk_err, never printed here.
 *
 * Layers: core, store, io, report and sign below; cli and tui above.
 */
#ifndef LK_SVC_H
#define LK_SVC_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/capaian.h"
#include "core/err.h"
#include "core/kinerja.h"
#include "core/model.h"
#include "core/peran.h"
#include "core/predikat.h"
#include "report/layout.h"
#include "report/render.h"
#include "sign/sign.h"
#include "store/store.h"
#include "store/workflow.h"

/* A session: a store (borrowed, open) and what every period of it uses,
 * loaded once: the installed predikat bands. */
typedef struct svc {
	store *s;
	arena mem;
	predikat_tabel installed;
} svc;

/* svc_init loads the installed bands (templates/predikat.yaml, or the
 * built-in ones); EX_DATAERR naming the file when it is malformed. */
int svc_init(svc *v, store *s, lk_err *e);
void svc_done(svc *v);

/* One period of one agency, open. */
typedef struct svc_period {
	char *kode;              /* the agency's kode */
	int tahun, tw;           /* tw 0: the plan only, no quarter */
	rencana *r;
	/* The one table of every figure and text of the period: the
	 * agency's bands where it has them, else the installed ones (a
	 * copy in r's memory: the period outlives its session). */
	predikat_tabel pt;
	kinerja k;               /* quarter tw's figures (tw >= 1) */
} svc_period;

/* Open (instansi, tahun) and quarter tw (0: none) for action a:
 * instansi NULL is the only agency of the database (EX_USAGE naming
 * them when there are several); the actor's role in it is checked
 * (EX_NOPERM, the message naming the role needed); the plan loaded
 * (EX_NOINPUT for none) and quarter tw computed.  Free with
 * svc_period_free. */
int svc_open(svc *v, const char *instansi, int tahun, int tw,
	     enum peran_aksi a, svc_period *p, lk_err *e);
void svc_period_free(svc_period *p);
/* A period made of a plan the caller holds (p->r, p->kode, p->tahun,
 * p->tw set): its bands (p->pt) chosen as svc_open does; after the plan's
 * own bands changed, again. */
void svc_use(svc *v, svc_period *p);
/* Recompute p->k after p->r was edited. */
int svc_compute(svc_period *p, lk_err *e);

/* May the actor do a on the period (p->kode, p->tahun, p->tw)?  The
 * role (admin actions such as AKSI_PENGGUNA are the database's), a
 * read-only database (EX_IOERR), and for what changes a quarter, its
 * lock (EX_NOPERM naming who finalised it and when).  Only a refusal
 * refuses: a database busy now is EX_TEMPFAIL. */
int svc_may(svc *v, const char *kode, int tahun, int tw, enum peran_aksi a,
	    lk_err *e);

/* Save r, the plan of agency kode as it was loaded (r's own kode may be
 * edited), as the actor (store_save: what changed, one transaction),
 * after the checks of svc_may for every kind of change in mask (bits
 * 1 << AKSI_x): the role for each, the lock of quarter tw once. */
int svc_save(svc *v, const char *kode, rencana *r, int tw, unsigned mask,
	     lk_err *e);

/* Set quarter p->tw's report date (y-m-d; 0-0-0 clears it: not set) as
 * the actor, who may edit the quarter's data (svc_save's checks: role,
 * lock), in one transaction, audited; the quarter is reported from then
 * on.  EX_USAGE for no quarter, EX_DATAERR for no such date. */
int svc_set_tanggal(svc *v, svc_period *p, int y, int m, int d, lk_err *e);

/* Submit, approve or return entries of the period (store_wf_apply); a
 * period without a quarter is EX_USAGE. */
int svc_review(svc *v, const svc_period *p, enum entri_event ev,
	       char *const *iku, size_t n_iku, const char *comment,
	       size_t *done, lk_err *e);
/* Unlock quarter p->tw with a reason (admin); no quarter: EX_USAGE. */
int svc_unlock(svc *v, const svc_period *p, const char *reason, lk_err *e);

/* Render quarter p->tw as the LAKIP into the file out with template
 * tname (NULL: the agency's own as the database holds it, else the
 * installed "laporan").  x (may be NULL) adds the QR text and the
 * scanned signature; h (may be NULL) hears progress and warnings. */
int svc_render(svc *v, svc_period *p, const char *tname,
	       const report_extra *x, const report_hooks *h, const char *out,
	       layout_result *res, lk_err *e);

/* The same quarter as svc_render renders, as one self-contained HTML
 * page written to out (named out_name in messages): what an agency
 * publishes on its website. */
int svc_render_html(svc *v, svc_period *p, const char *tname, FILE *out,
		    const char *out_name, lk_err *e);
/* Render the performance agreement (Perjanjian Kinerja) of p's year
 * with template tname (NULL: the agency's agreement template as the
 * database holds it, lakip template set of a template of kind
 * perjanjian, else the installed "perjanjian"); x, h as svc_render's.
 * p needs no quarter. */
int svc_render_pk(svc *v, svc_period *p, const char *tname,
		  const report_extra *x, const report_hooks *h,
		  const char *out, layout_result *res, lk_err *e);

/* ---- the whole year (tahunan.c) ---- */

/* The figures of p's year (core/tahunan.h) with p's bands, against the
 * agency's other years the database holds (they win over riwayat).
 * Memory in p->r's arena. */
int svc_tahunan(svc *v, svc_period *p, tahunan_hasil *out, lk_err *e);
/* The agency's realisations of the other years p's figures compare with
 * (the Renstra period's, else last year's), in p->r's memory. */
int svc_realisasi_lalu(svc *v, svc_period *p, tahunan_lalu **lalu, size_t *n,
		       lk_err *e);

/* Render the annual report (LKjIP) of p's year with template tname
 * (NULL: the installed "lkjip"); x, h as svc_render's.  p needs no
 * quarter. */
int svc_render_lkjip(svc *v, svc_period *p, const char *tname,
		     const report_extra *x, const report_hooks *h,
		     const char *out, layout_result *res, lk_err *e);

/* ---- finalising (finalise.c) ---- */

/* SHA-256 (hex) of the canonical lakip/1 export of r reduced to quarter
 * tw: what the signature says the data were. */
int svc_content_hash(const rencana *r, int tw, char hex[65], lk_err *e);
/* SHA-256 (hex) of exactly what the year's LKjIP prints: the canonical
 * export of r without the quarters' rows, narratives and tables, with
 * of the quarterly realisations only triwulan IV's where an IKU or a
 * program has no annual one, then the earlier years' realisations it
 * compares with (lalu: svc_realisasi_lalu's).  The second reads them. */
int svc_lkjip_content_hash_lalu(const rencana *r, const tahunan_lalu *lalu,
				size_t n_lalu, char hex[65], lk_err *e);
int svc_lkjip_content_hash(svc *v, svc_period *p, char hex[65], lk_err *e);

/* Check a signing key before anything is rendered: the .p12 is a
 * regular file that opens with password, its certificate is registered
 * for the agency (lakip signer set), valid today and, where its subject
 * carries a serialNumber, names the NIP of the agency's head.
 * EX_NOINPUT for a file that cannot be read, EX_NOPERM (with the
 * certificate in ci) for a key that may not sign. */
int svc_key_check(svc *v, const svc_period *p, const char *p12,
		  const char *password, sign_cert_info *ci, lk_err *e);

/* What a signed report must state that only the user can decide: quarter
 * p->tw's report date (never today by default).  EX_DATAERR naming it
 * and how to set it when it is not set; svc_finalise checks it too. */
int svc_final_ready(const svc_period *p, lk_err *e);

typedef struct svc_final_opts {
	const char *p12, *password;
	const char *ttd;         /* scanned signature PNG, or NULL */
	const char *tsa;         /* timestamp authority (http:// or https://);
	                          * NULL: the agency's (instansi.tsa), if
	                          * any; "none": no timestamp */
	/* PAdES B-LT: with a timestamp authority or CRL files, a DSS with
	 * the validation data follows the signature (sign_opts.lt): the
	 * CRL files given (DER or PEM), and unless offline, the OCSP
	 * answers and CRLs fetched from the certificates' own URLs. */
	const char *const *crl;
	size_t ncrl;
	bool offline;
	/* The file the signed report goes to; NULL or "-": none (the
	 * bytes are in the result only).  It appears, by rename, in the
	 * transaction that stores the version, never before and never on
	 * failure. */
	const char *out;
	/* NULL: every entry of the review must be approved.  Else the
	 * kepala's reason to sign anyway (recorded in the audit log with
	 * what was not approved). */
	const char *override_review;
	/* Where temporary files go when out is none ($TMPDIR, /tmp). */
	const char *tmpdir;
	report_hooks hooks;
} svc_final_opts;

typedef struct svc_final_result {
	int version;
	unsigned pages;
	unsigned char *pdf;      /* the signed bytes (malloc'ed) */
	size_t len;
	sign_cert_info cert;
} svc_final_result;

/* Finalise quarter p->tw (kepala or admin; every entry approved, not
 * locked; no quarter: EX_USAGE; no report date: EX_DATAERR): the key checked (svc_key_check), the report rendered as
 * svc_render does with the agency's template and signed (PAdES, with a
 * timestamp when o->tsa), then stored as the next version and the
 * quarter locked in one short transaction, the file published in it.
 * SIGHUP, SIGINT, SIGQUIT and SIGTERM are held meanwhile: one that
 * arrives stops it before the database is written (EX_TEMPFAIL) and
 * takes effect when it returns.  Free the result with
 * svc_final_result_free. */
int svc_finalise(svc *v, svc_period *p, const svc_final_opts *o,
		 svc_final_result *out, lk_err *e);
void svc_final_result_free(svc_final_result *r);

/* ---- the Perjanjian Kinerja signed by both parties (finalise_pk.c) ---- */

/* SHA-256 (hex) of what the agreement states (core/pk.h): what its
 * signatures say the data were, and what its lock protects.  0. */
int svc_pk_content_hash(const rencana *r, char hex[65]);
/* The plan has an agreement to sign (perjanjian with pihak kedua's nama
 * and jabatan) and a head: else EX_DATAERR saying what is missing. */
int svc_pk_ready(const svc_period *p, lk_err *e);
/* May the actor sign the agreement of p's year as pihak (1 pertama, 2
 * kedua) now: the role (kepala or admin), svc_pk_ready, not locked
 * (EX_NOPERM), and for pihak 2 pihak 1 has signed (EX_DATAERR). */
int svc_pk_signable(svc *v, const svc_period *p, int pihak, lk_err *e);
/* The key of pihak: 1 as svc_key_check; 2 a certificate registered for
 * pihak kedua (lakip signer set --pihak kedua), valid today, naming
 * perjanjian.pihak_kedua.nip where both carry one. */
int svc_pk_key_check(svc *v, const svc_period *p, int pihak, const char *p12,
		     const char *password, sign_cert_info *ci, lk_err *e);
/* Sign the agreement of p's year as pihak (svc_pk_signable, then the key
 * checked): pihak 1 renders it as svc_render_pk does and signs it as the
 * next version; pihak 2 adds his signature to the stored PDF of pihak
 * 1's latest version as a second incremental update (refused with
 * EX_DATAERR when the data it states changed since), and the year's
 * agreement is locked.  Stored in one short transaction, the file
 * published in it, as svc_finalise (o->override_review must be NULL). */
int svc_finalise_pk(svc *v, svc_period *p, int pihak, const svc_final_opts *o,
		    svc_final_result *out, lk_err *e);

/* ---- the year's LKjIP signed by the head (finalise_pk.c) ---- */

/* The agency has a head, who signs: else EX_DATAERR. */
int svc_lkjip_ready(const svc_period *p, lk_err *e);
/* May the actor sign the LKjIP of p's year now: the role (kepala or
 * admin), svc_lkjip_ready, not locked (EX_NOPERM). */
int svc_lkjip_signable(svc *v, const svc_period *p, lk_err *e);
/* Sign the LKjIP of p's year as the head: svc_lkjip_signable, the key
 * checked as svc_key_check, rendered as svc_render_lkjip does (the QR
 * code VD_LKJIP, the content hash svc_lkjip_content_hash) and signed,
 * stored as the next version with its audit records, which locks the
 * year's annual data (store_save refuses their change, EX_NOPERM, until
 * an admin unlocks it), as svc_finalise_pk for pihak 1. */
int svc_finalise_lkjip(svc *v, svc_period *p, const svc_final_opts *o,
		       svc_final_result *out, lk_err *e);

/* ---- what the review needs (review.c) ---- */

/* The usual reasons an IKU has no realisation in a quarter (formal
 * Indonesian, printed as they are), for a front end to offer; NULL
 * ends the list. */
extern const char *const svc_keterangan_baku[];

/* Set the note (keterangan) on the realisation of IKU kode in quarter tw
 * of r: teks NULL or blank removes it; else trimmed, its line breaks and
 * tabs made spaces, at most SVC_KETERANGAN_MAX bytes of UTF-8 without
 * control characters.  EX_NOINPUT for no such IKU, EX_USAGE for tw
 * outside 1..4, EX_DATAERR naming the field for a text that cannot be
 * a note; r is unchanged then.  *changed (may be NULL) says whether the
 * note differs from what r held.  The caller saves r (svc_save). */
#define SVC_KETERANGAN_MAX 500
int svc_keterangan(rencana *r, int tw, const char *kode, const char *teks,
		   bool *changed, lk_err *e);

/* A figure of an IKU in another period. */
typedef struct svc_angka {
	bool ada;                /* the period holds the IKU */
	int tahun, tw;
	int64_t target;
	bool ada_realisasi;
	int64_t realisasi;
	capaian capaian;
	const char *predikat;    /* band of the capaian, or NULL */
} svc_angka;

/* The absorption of a program: realisation over its budget. */
typedef struct svc_serapan {
	const char *kode, *uraian;
	int64_t anggaran;        /* sen */
	bool ada_realisasi;
	int64_t realisasi;       /* sen, cumulative to the quarter */
	capaian serapan;
} svc_serapan;

/* A change of the realisation, as the audit log records it: values as
 * stored (machine decimal, "" or NULL for empty). */
typedef struct svc_ubah {
	const char *at, *login, *old, *new_;
} svc_ubah;

/* What a reviewer needs to judge one IKU's figure of the quarter. */
typedef struct svc_konteks_iku {
	const char *kode, *sasaran;
	svc_angka tw_lalu;       /* quarter tw - 1 of the year (tw > 1) */
	svc_angka tahun_lalu;    /* quarter tw of the year before, by kode */
	/* The programs that support its sasaran, and their sum. */
	svc_serapan *program;
	size_t n_program;
	svc_serapan jumlah;
	/* The last review of the entry (a return or an approval), NULL
	 * when never reviewed, and the changes of the realisation made
	 * after it. */
	const char *dilihat_at, *dilihat_oleh, *dilihat_aksi;
	svc_ubah *ubah;
	size_t n_ubah;
} svc_konteks_iku;

typedef struct svc_konteks {
	arena mem;
	svc_konteks_iku *iku;    /* in the plan's order */
	size_t n_iku;
	bool ada_tahun_lalu;     /* the database holds the year before */
} svc_konteks;

/* The context of every IKU of quarter tw of r (agency instansi, year
 * tahun): the quarter before, the same quarter of the year before where
 * the database holds it, the absorption of the programs of its sasaran,
 * and, from the audit log, what changed in its realisation since the
 * entry was last returned or approved.  Bands: the plan's
 * own, else the installed ones.  0, or an EX_* code with e (out empty).
 * Free with svc_konteks_free. */
int svc_konteks_load(svc *v, const char *instansi, rencana *r, int tahun,
		     int tw, svc_konteks *out, lk_err *e);
const svc_konteks_iku *svc_konteks_find(const svc_konteks *k,
					const char *kode);
void svc_konteks_free(svc_konteks *k);

/* ---- temporary files (files.c) ---- */

/* A temporary file beside out (in tmpdir, else $TMPDIR or /tmp, when out
 * is NULL or "-"), named ".lakip-TAG-PID-XXXXXX", created empty: a
 * process killed with SIGKILL cannot remove it, so svc_sweep_temps
 * removes those of this user whose process is gone. */
int svc_tmp_beside(const char *out, const char *tmpdir, const char *tag,
		   char path[4096], lk_err *e);
void svc_sweep_temps(const char *path);
/* The same for this process's own (after its work is done). */
void svc_sweep_mine(const char *path);

#endif
