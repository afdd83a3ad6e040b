/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* workflow.h - users and roles, the review of quarterly entries, locks,
 * signed reports and the audit log, as stored in the database.
 *
 * Owns: the queries behind `lakip user|submit|review|status|finalise|
 * unlock|audit|verify`; the policy itself is core/peran.h.  Every
 * function that changes something checks the role of the handle's actor
 * (store_set_actor) in the agency it changes with store_izin_at(), runs
 * in one transaction, and writes its audit records in that transaction.
 *
 * Errors: as store.h, plus EX_NOPERM (77) when the actor's role does not
 * allow the action or the quarter is locked (the message names the role
 * that is needed, or who locked it), EX_DATAERR for an entry in the wrong
 * state, an unknown IKU kode or user, EX_NOINPUT for an unknown period.
 * Strings returned are malloc'ed; free the structures with their _free.
 */
#ifndef LK_STORE_WORKFLOW_H
#define LK_STORE_WORKFLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "core/model.h"
#include "core/peran.h"
#include "store/store.h"

/* ---- users (users.c) ---- */

/* A role held in one agency. */
typedef struct store_user_peran {
	char *instansi;          /* the agency's kode */
	enum peran peran;        /* PERAN_OPERATOR, _KABID or _KEPALA */
	char **bidang;           /* a kabid's bidang there (kodes), sorted */
	size_t n_bidang;
	char *added_by, *added_at;
} store_user_peran;

typedef struct store_user {
	char *login;             /* NULL: the database does not list him */
	bool admin;              /* the database's admin: every agency */
	store_user_peran *at;    /* his roles in agencies, by kode */
	size_t n_at;
	/* What counts in the agency asked for (store_user_get): PERAN_ADMIN
	 * for an admin, else his role there with its bidang (copies), else
	 * PERAN_NONE; with no agency asked, PERAN_ADMIN or PERAN_NONE. */
	enum peran peran;
	char **bidang;
	size_t n_bidang;
	char *added_by, *added_at;
} store_user;

/* The user login, his role in agency instansi (a kode; NULL: the
 * database's role only) in u->peran and u->bidang, all his roles in
 * u->at: *u zeroed with u->login NULL when the database does not list him
 * (or has no user table yet).  Free with store_user_free. */
int store_user_get(store *s, const char *login, const char *instansi,
		   store_user *u, lk_err *e);
void store_user_free(store_user *u);
/* All users, by login, with every role (u->peran: PERAN_ADMIN or
 * PERAN_NONE). */
int store_user_list(store *s, store_user **v, size_t *n, lk_err *e);
void store_user_list_free(store_user *v, size_t n);
/* Admins' logins as "a, b" into buf ("" when none). */
int store_admins(store *s, char *buf, size_t n, lk_err *e);
/* His roles as "kabid in K1, operator in K2" ("admin"; "" for none). */
const char *store_user_roles_text(const store_user *u, char *buf, size_t n);

/* May the actor do a in agency instansi (a kode)?  An admin may do what
 * the policy gives admins everywhere; a role held in an agency counts in
 * that agency only.  instansi NULL: the database's actions (init,
 * import, users, signers, unlock: admin).  0, or EX_NOPERM with a message
 * that names the actor, his roles and the role needed, in which agency
 * (for an account not listed: read-only, ask one of the admins, named).
 * The one check that the command line, the terminal application and the
 * store's own functions call. */
int store_izin_at(store *s, const char *instansi, enum peran_aksi a,
		  lk_err *e);
/* store_izin_at(s, NULL, a, e). */
int store_izin(store *s, enum peran_aksi a, lk_err *e);
/* May the actor do a (done in an agency) in at least one agency?  A
 * first check before the agency is known (cli_open_store), with the
 * same messages; what is done in an agency is checked again with it. */
int store_izin_somewhere(store *s, enum peran_aksi a, lk_err *e);

/* Add a user (admin only): an admin (instansi NULL), or role p in agency
 * instansi (a kode; NULL: the only agency of the database) for a login
 * that is not listed yet or has no role there.  A kabid needs at least
 * one bidang, other roles none; every bidang kode must be one of that
 * agency's.  Audit records name the agency in their scope. */
int store_user_add(store *s, const char *login, enum peran p,
		   const char *instansi, char *const *bidang, size_t n_bidang,
		   lk_err *e);
/* Remove a user's role in agency instansi (he stays listed), or, with
 * instansi NULL, the user entirely (admin only); the last admin cannot be
 * removed. */
int store_user_remove(store *s, const char *login, const char *instansi,
		      lk_err *e);
/* Set a user's role (and bidang) in agency instansi (NULL: the only one),
 * or make him an admin (p PERAN_ADMIN, instansi NULL: his agency roles
 * go); admin only; the last admin keeps his role. */
int store_user_role(store *s, const char *login, enum peran p,
		    const char *instansi, char *const *bidang,
		    size_t n_bidang, lk_err *e);

/* ---- signers' certificates (signer.c) ---- */

/* A certificate registered to sign the reports of an agency. */
typedef struct store_signer {
	char *instansi;          /* kode */
	char *sha256;            /* fingerprint: 64 lowercase hex digits */
	char *subject, *serial_number;   /* serial_number: "" when none */
	int64_t not_before, not_after;   /* seconds since the epoch */
	char *pem;
	char *added_by, *added_at;
	char *removed_by, *removed_at;   /* NULL while registered */
	/* Who signs with it: 1 (0 when adding), the agency's head -- the
	 * quarterly reports and pihak pertama of the Perjanjian Kinerja; 2,
	 * his superior, pihak kedua: only the agreement's countersignature. */
	int pihak;
} store_signer;

/* Register g's certificate for agency g->instansi (admin).  EX_NOINPUT
 * for an unknown agency, EX_DATAERR when it is registered already. */
int store_signer_add(store *s, const store_signer *g, lk_err *e);
/* Mark it removed (admin): it signs no more, old signatures stay traced. */
int store_signer_remove(store *s, const char *instansi, const char *sha256,
			lk_err *e);
/* The certificates of agency instansi (NULL: of all), with fingerprint
 * sha256 (NULL: any), removed ones too; by agency and date. */
int store_signer_list(store *s, const char *instansi, const char *sha256,
		      store_signer **v, size_t *n, lk_err *e);
void store_signer_list_free(store_signer *v, size_t n);
/* Is sha256 registered (and not removed) for instansi, to sign as its
 * head (pihak 1)? */
int store_signer_registered(store *s, const char *instansi,
			    const char *sha256, bool *yes, lk_err *e);
/* The same for pihak (1: the head, 2: pihak kedua of the agreement). */
int store_signer_registered_pihak(store *s, const char *instansi,
				  const char *sha256, int pihak, bool *yes,
				  lk_err *e);

/* ---- the agency's report template (tmpl_store.c) ---- */

typedef struct store_template {
	int versi;               /* 0: none ever set */
	char *yaml;              /* NULL: the installed template */
	char *sha256, *added_by, *added_at;
} store_template;

/* The template in force for agency instansi (the newest version). */
int store_template_get(store *s, const char *instansi, store_template *t,
		       lk_err *e);
/* Version versi (0: the newest); EX_NOINPUT when there is none. */
int store_template_versi(store *s, const char *instansi, int versi,
			 store_template *t, lk_err *e);
void store_template_free(store_template *t);
/* A new version (admin): yaml (checked by the caller: it must load as a
 * template), or NULL to go back to the installed template.  Audited.
 * *versi gets its number. */
int store_template_set(store *s, const char *instansi, const char *yaml,
		       int *versi, lk_err *e);
/* The same three for the template of one kind of document (dokumen:
 * "laporan", the quarterly report -- what the functions above mean --,
 * "perjanjian", ...; the template's own `jenis`).  Each kind has its own
 * versions in force; version numbers count over all the agency's kinds.
 * A database older than schema version 10 holds quarterly templates only. */
int store_template_get_dokumen(store *s, const char *instansi,
			       const char *dokumen, store_template *t,
			       lk_err *e);
int store_template_versi_dokumen(store *s, const char *instansi,
				 const char *dokumen, int versi,
				 store_template *t, lk_err *e);
int store_template_set_dokumen(store *s, const char *instansi,
			       const char *dokumen, const char *yaml,
			       int *versi, lk_err *e);

/* ---- entries and their review (workflow.c) ---- */

typedef struct store_event {
	enum entri_jenis jenis;
	char *kode;              /* the entry's kode (store_entri.kode) */
	char *at, *login, *action, *comment;   /* comment may be NULL */
} store_event;

/* An entry of the review: one per IKU, program, sasaran (its narrative
 * and supporting tables), and BAB II and BAB III of the quarter. */
typedef struct store_entri {
	enum entri_jenis jenis;
	int64_t ref_id;          /* row id of the IKU, program, sasaran; 0 */
	char *kode;              /* IKU, program or sasaran kode; "bab2", "bab3" */
	char *sasaran;           /* the sasaran it belongs to or supports (first
	                          * by report order), or NULL */
	/* The bidang whose kabid reviews it (of that sasaran), or NULL: then
	 * the kepala (or an admin) reviews it; always NULL for BAB II, III. */
	char *bidang;
	enum entri_state state;
	bool ada_realisasi;      /* it has content: a realisation, a narrative
	                          * or table, an obstacle or follow-up, a
	                          * conclusion */
	char *submitted_by, *submitted_at, *reviewed_by, *reviewed_at;
	char *comment;           /* the last return comment, or NULL */
	/* An IKU's note on its realisation for the quarter (why it is
	 * missing, what it rests on), or NULL.  An IKU without a realisation
	 * is submitted only with one. */
	char *keterangan;
	/* An IKU's target or a program's budget is blank, to be filled (a
	 * year copied from the one before): not submitted until typed. */
	bool target_kosong;
} store_entri;

/* "IKU1", "program P01", "narrative SS1", "BAB II" (translated) into buf. */
const char *store_entri_text(const store_entri *x, char *buf, size_t n);

typedef struct store_quarter {
	char *instansi;
	int tahun, tw;
	bool ada;                /* the quarter is reported (has a row) */
	store_entri *entri;      /* every entry, in report order: the IKU, the
	                          * programs, the narratives, BAB II, BAB III */
	size_t n_entri;
	unsigned count[ENTRI_N];
	store_event *event;      /* history, oldest first */
	size_t n_event;
	bool locked;
	char *locked_by, *locked_at;
	int version;             /* latest signed version, 0 when none */
} store_quarter;

/* The entries of quarter tw of (instansi, tahun) and their history.
 * EX_NOINPUT when there is no such plan. */
int store_quarter_load(store *s, const char *instansi, int tahun, int tw,
		       store_quarter *q, lk_err *e);
/* What a list of the quarters shows of quarter tw, without reading every
 * entry: whether it is reported, the counts of its entries by state (as
 * store_quarter_load counts them), its lock and latest signed version;
 * entri and event stay empty.  EX_NOINPUT when there is no such plan. */
int store_quarter_status(store *s, const char *instansi, int tahun, int tw,
			 store_quarter *q, lk_err *e);
void store_quarter_free(store_quarter *q);
/* The entry of kind j and kode in q, or NULL. */
const store_entri *store_entri_find(const store_quarter *q,
				    enum entri_jenis j, const char *kode);

/* An entry named by its kind and kode. */
typedef struct store_entri_ref {
	enum entri_jenis jenis;
	const char *kode;
} store_entri_ref;

/* Apply ev (EV_SUBMIT, EV_APPROVE or EV_RETURN) to entries of quarter tw
 * as the actor, all or nothing.  refs names the entries (n kinds and
 * kodes); when n is 0: submit takes every draft or returned entry,
 * review every submitted entry the reviewer may review that he did not
 * submit himself.  The actor's role is the one he holds in agency
 * instansi (store_izin_at).  A kabid reviews the entries of his bidang
 * there (the bidang of the IKU's sasaran, of the sasaran a program
 * supports, of the narrative's sasaran); those without a bidang, and BAB
 * II and BAB III, are the agency's kepala's or an admin's.  A named entry
 * in the wrong state, that the reviewer may not review, or submitted by
 * the reviewer himself is refused (EX_DATAERR, EX_NOPERM).  EV_RETURN
 * needs a comment.  *done: entries changed. */
int store_wf_apply_refs(store *s, const char *instansi, int tahun, int tw,
			enum entri_event ev, const store_entri_ref *refs,
			size_t n, const char *comment, size_t *done, lk_err *e);
/* The same for IKU entries named by their kodes (n_iku 0: every entry of
 * every kind, as above). */
int store_wf_apply(store *s, const char *instansi, int tahun, int tw,
		   enum entri_event ev, char *const *iku, size_t n_iku,
		   const char *comment, size_t *done, lk_err *e);

/* ---- finalising, locks, signed reports (lock.c) ---- */

/* What the caller made of the quarter: the signed PDF and its hashes
 * (64 hex digits each).  The bytes must stay valid until store_finalise
 * returns. */
typedef struct store_signed_in {
	const unsigned char *pdf;
	size_t len;
	char pdf_sha256[65], unsigned_sha256[65], content_sha256[65];
	char cert_subject[512];
	/* Given to produce() (set before the call): the audit chain's head
	 * as of the data rendered, for the signed report to carry. */
	int64_t audit_id;
	char audit_hash[65];
} store_signed_in;

/* Called by store_finalise, outside any transaction, with the plan as
 * stored (all entries approved; r is freed after the call, the callback
 * may compute with it) and the version the report gets; fills out or
 * returns an error (then nothing is stored). */
typedef int (*store_produce_fn)(void *arg, rencana *r, int tw,
				int version, store_signed_in *out, lk_err *e);

/* Finalise quarter tw (kepala or admin): every entry approved (else
 * EX_NOPERM naming those that are not), the quarter reported and not
 * locked; produce() renders and signs; the
 * signed PDF is stored with the next version and the quarter locked, in
 * one short transaction.  *version gets the version. */
int store_finalise(store *s, const char *instansi, int tahun, int tw,
		   store_produce_fn produce, void *arg, int *version,
		   lk_err *e);

/* The same, with a step inside the final transaction: publish() (may be
 * NULL) puts the output in place before the commit; when it or the commit
 * fails, unpublish() takes it away again.  produce() runs without the
 * write lock; if the database changed meanwhile (the audit chain has a
 * new head) nothing is stored: EX_TEMPFAIL. */
typedef struct store_finalise_fns {
	store_produce_fn produce;
	int (*publish)(void *arg, lk_err *e);
	void (*unpublish)(void *arg);
	void *arg;
	/* NULL: every entry must be approved (else EX_NOPERM listing those
	 * that are not).  Else the kepala's reason to sign anyway, recorded
	 * in the audit log with what was not approved. */
	const char *override_review;
} store_finalise_fns;
int store_finalise_cb(store *s, const char *instansi, int tahun, int tw,
		      const store_finalise_fns *f, int *version, lk_err *e);

/* Unlock quarter tw (admin) with a reason that is not blank. */
int store_unlock(store *s, const char *instansi, int tahun, int tw,
		 const char *reason, lk_err *e);

typedef struct store_signed {
	char *instansi;
	int tahun, tw, version;
	int latest;              /* latest version of that quarter */
	bool locked;             /* the quarter is locked now */
	char *pdf_sha256, *unsigned_sha256, *content_sha256;
	char *signer, *cert_subject, *signed_at;
} store_signed;

/* The signed report whose unsigned PDF hashes to unsigned_sha256 (hex):
 * 0, or EX_NOINPUT when no stored version matches. */
int store_signed_find(store *s, const char *unsigned_sha256,
		      store_signed *out, lk_err *e);
/* Version version of quarter tw of tahun of agency instansi: 0, or
 * EX_NOINPUT when the database holds no such signed version. */
int store_signed_get(store *s, const char *instansi, int tahun, int tw,
		     int version, store_signed *out, lk_err *e);
void store_signed_free(store_signed *sg);

/* The stored PDF of a version: *pdf malloc'ed. */
int store_signed_pdf(store *s, const char *instansi, int tahun, int tw,
		     int version, unsigned char **pdf, size_t *len, lk_err *e);

/* ---- the signed Perjanjian Kinerja (pk.c) ---- */

/* One signature of a year's agreement, as stored. */
typedef struct store_pk_sig {
	int version, pihak;      /* pihak 1: the head; 2: his superior */
	char *pdf_sha256, *unsigned_sha256, *content_sha256;
	char *signer, *cert_subject, *cert_sha256, *signed_at;
} store_pk_sig;

/* The state of the agreement of (instansi, tahun): the latest version
 * pihak pertama signed (0: none), its countersignature if any.  The
 * agreement is locked once pihak kedua has signed. */
typedef struct store_pk_state {
	int version;
	bool pertama, kedua;     /* that version's signatures exist */
	store_pk_sig sig[3];     /* [1], [2]: of that version */
	bool unlocked;           /* that version, countersigned, was unlocked */
	bool locked;             /* kedua && !unlocked */
} store_pk_state;

/* EX_NOINPUT for no such plan; an older database has none (0). */
int store_pk_state_load(store *s, const char *instansi, int tahun,
			store_pk_state *st, lk_err *e);
void store_pk_state_free(store_pk_state *st);

/* What the caller made: the signed PDF, its hashes (store_signed_in,
 * audit head given as for store_finalise), and the signer certificate's
 * fingerprint. */
typedef struct store_pk_in {
	store_signed_in sig;
	char cert_sha256[65];
} store_pk_in;

/* Called outside any transaction with the plan as stored, the version
 * the signature belongs to, and for pihak 2 the stored PDF that pihak 1
 * signed (prev, prev_len; NULL for pihak 1) with its row (prev_sig). */
typedef int (*store_pk_produce_fn)(void *arg, rencana *r, int pihak,
				   int version, const unsigned char *prev,
				   size_t prev_len, const store_pk_sig *prev_sig,
				   store_pk_in *out, lk_err *e);

typedef struct store_pk_fns {
	store_pk_produce_fn produce;
	int (*publish)(void *arg, lk_err *e);   /* may be NULL */
	void (*unpublish)(void *arg);
	void *arg;
} store_pk_fns;

/* Sign the agreement of (instansi, tahun) as pihak (kepala or admin):
 * pihak 1 makes the next version (refused, EX_NOPERM, once it is locked);
 * pihak 2 countersigns the latest version (EX_DATAERR when pihak 1 has
 * not signed yet, EX_NOPERM when it is countersigned already).  As
 * store_finalise_cb: produce() without the write lock, then the row and
 * its audit records in one short transaction that fails with EX_TEMPFAIL
 * when the database changed meanwhile; publish() before the commit.
 * *version gets the version. */
int store_pk_finalise(store *s, const char *instansi, int tahun, int pihak,
		      const store_pk_fns *f, int *version, lk_err *e);

/* Unlock the agreement of (instansi, tahun) that both parties signed
 * (admin), with a reason that is not blank (EX_USAGE); EX_DATAERR when it
 * is not locked.  Recorded with the version; pihak pertama then signs
 * the next version, and pihak kedua countersigns that one. */
int store_pk_unlock(store *s, const char *instansi, int tahun,
		    const char *reason, lk_err *e);

/* The signature whose unsigned PDF hashes to unsigned_sha256 (the file
 * before that signature's update): *instansi (malloc'ed), *tahun, and
 * the row.  EX_NOINPUT when none matches (or an older database). */
int store_pk_find(store *s, const char *unsigned_sha256, char **instansi,
		  int *tahun, store_pk_sig *sig, lk_err *e);
void store_pk_sig_free(store_pk_sig *g);
/* Pihak's signature of version `version` of the agreement of (instansi,
 * tahun): 0, or EX_NOINPUT when none is stored. */
int store_pk_get(store *s, const char *instansi, int tahun, int version,
		 int pihak, store_pk_sig *sig, lk_err *e);

/* The stored PDF of a version's signature (pihak 2: both signatures). */
int store_pk_pdf(store *s, const char *instansi, int tahun, int version,
		 int pihak, unsigned char **pdf, size_t *len, lk_err *e);

/* The same for each document signed so: the agreement (STORE_DOK_PK, the
 * functions above) and the year's LKjIP (STORE_DOK_LKJIP: pihak is 1,
 * the head, whose signature locks the year's annual data until an admin
 * unlocks it; tables lkjip_signed, lkjip_unlock). */
enum store_dok { STORE_DOK_PK, STORE_DOK_LKJIP };

int store_dok_state_load(store *s, enum store_dok d, const char *instansi,
			 int tahun, store_pk_state *st, lk_err *e);
int store_dok_finalise(store *s, enum store_dok d, const char *instansi,
		       int tahun, int pihak, const store_pk_fns *f,
		       int *version, lk_err *e);
int store_dok_unlock(store *s, enum store_dok d, const char *instansi,
		     int tahun, const char *reason, lk_err *e);
int store_dok_find(store *s, enum store_dok d, const char *unsigned_sha256,
		   char **instansi, int *tahun, store_pk_sig *sig, lk_err *e);
int store_dok_get(store *s, enum store_dok d, const char *instansi,
		  int tahun, int version, int pihak, store_pk_sig *sig,
		  lk_err *e);
int store_dok_pdf(store *s, enum store_dok d, const char *instansi,
		  int tahun, int version, int pihak, unsigned char **pdf,
		  size_t *len, lk_err *e);

/* ---- audit log (audit.c) ---- */

typedef struct store_audit_rec {
	int64_t id;
	const char *prev_hash, *hash, *at, *login, *action, *scope, *tbl,
		*kode, *field, *old, *new_;      /* valid during the callback */
} store_audit_rec;

typedef struct store_audit_check {
	int64_t n;               /* records that verified */
	int64_t bad_id;          /* first bad record (when why is not "") */
	char why[512];
	char head[65];           /* hash of the last good record */
} store_audit_check;

/* Walk the chain: 0 when whole, EX_DATAERR naming the first record that
 * was edited, removed or inserted (also in out->bad_id, out->why). */
int store_audit_verify(store *s, store_audit_check *out, lk_err *e);
/* The tables of trust against the chain (audit_state.c): every signed
 * version, lock, registered signer and template version is what its
 * records say, and no such record lacks its row.  0, or EX_DATAERR with
 * the first row changed behind lakip's back named (also in why). */
int store_audit_state(store *s, char *why, size_t n, lk_err *e);
/* The plans' figures and texts against the chain (audit_data.c, called
 * by store_audit_state): each realisation, target, anggaran, name and
 * role in an agency is what its last record says, and no realisation,
 * name or role lacks a record.
 * 0, or EX_DATAERR naming the first that differs (also in why). */
int store_audit_data(store *s, char *why, size_t n, lk_err *e);
/* The stored hash of record id (*found false when there is none). */
int store_audit_hash_of(store *s, int64_t id, char hash[65], bool *found,
			lk_err *e);
/* Records with at >= since (a date "YYYY-MM-DD" or time, NULL: all) and
 * by login (NULL: all), oldest first; fn returning non-zero stops. */
int store_audit_list(store *s, const char *since, const char *login,
		     int (*fn)(void *arg, const store_audit_rec *r), void *arg,
		     lk_err *e);
/* The records of one value, oldest first: those of period (instansi,
 * tahun, tw) (tw 0: the plan's records, as their scope names them) on
 * table tbl ("realisasi_iku", "narasi", ...), entity kode, and field
 * (NULL: every field of the entity).  The history of a realisation in
 * the terminal application; fn returning non-zero stops. */
int store_audit_value(store *s, const char *instansi, int tahun, int tw,
		      const char *tbl, const char *kode, const char *field,
		      int (*fn)(void *arg, const store_audit_rec *r), void *arg,
		      lk_err *e);

#endif
