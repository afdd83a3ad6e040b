/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* peran.h - who may do what: the roles, the policy table, and the states
 * of a quarterly entry.
 *
 * Owns: the one table that maps each action to the roles allowed to do it
 * (peran.c), the names of roles and actions as stored and printed, and
 * the state machine of an IKU's quarterly entry (draft -> submitted ->
 * approved | returned).  Pure: no I/O, no allocation.  The check against
 * the database's users is store_izin() (store/workflow.h), which the
 * command line and the terminal application both call.
 */
#ifndef LK_PERAN_H
#define LK_PERAN_H

#include <stdbool.h>
#include <stddef.h>

/* Roles.  PERAN_NONE is an account the database does not list (or that
 * holds no role where it acts): it may only read.  Operator, kabid and
 * kepala are held in one agency (peran_instansi); admin is the
 * database's, in every agency. */
enum peran {
	PERAN_NONE = 0,
	PERAN_OPERATOR,          /* enters realisations and narratives */
	PERAN_KABID,             /* reviews the IKU of his bidang */
	PERAN_KEPALA,            /* signs the report */
	PERAN_ADMIN,             /* sets up the year, users, unlocks */
	PERAN_N
};

#define PERAN_BIT(p) (1u << (p))

/* Actions, each a row of the policy table. */
enum peran_aksi {
	AKSI_LIHAT,              /* show, export, report, status, verify, audit */
	AKSI_INIT,               /* init on an existing database */
	AKSI_IMPOR,              /* import an exchange file */
	AKSI_UBAH_RENCANA,       /* edit the plan (sasaran, IKU, program, instansi) */
	AKSI_UBAH_DATA,          /* edit realisations, narratives, quarter texts */
	AKSI_AJUKAN,             /* submit entries */
	AKSI_TINJAU,             /* approve or return entries: a kabid those of
	                          * his bidang, the kepala or an admin those
	                          * of sasaran without a bidang */
	AKSI_FINAL,              /* finalise: render, sign, store, lock */
	AKSI_BUKA,               /* unlock a quarter */
	AKSI_PENGGUNA,           /* add, remove, change users */
	AKSI_PENANDA,            /* register and remove signers' certificates */
	AKSI_N
};

/* Bit set of the roles allowed to do a (PERAN_BIT). */
unsigned peran_izin(enum peran_aksi a);
/* May role p do a? */
bool peran_boleh(enum peran p, enum peran_aksi a);
/* Is a limited to the bidang of the user (review)? */
bool peran_per_bidang(enum peran_aksi a);
/* Is p a role held in one agency (operator, kabid, kepala)? */
bool peran_instansi(enum peran p);
/* Is a done in an agency: may a role held in one agency do it?  Then
 * the check names the agency (store_izin_at); the other actions are the
 * database's (admin). */
bool peran_aksi_instansi(enum peran_aksi a);

/* "operator", "kabid", "kepala", "admin" ("" for PERAN_NONE). */
const char *peran_nama(enum peran p);
/* Role from its name; false when unknown (PERAN_NONE is not a name). */
bool peran_dari_nama(const char *s, enum peran *out);
/* Name of an action as printed ("submit", "review", ...). */
const char *peran_aksi_nama(enum peran_aksi a);
/* The roles allowed to do a, as "kepala or admin" (buf of size n). */
const char *peran_daftar(enum peran_aksi a, char *buf, size_t n);

/* States of an IKU's quarterly entry.  No stored state means draft. */
enum entri_state {
	ENTRI_DRAFT = 0,
	ENTRI_SUBMITTED,
	ENTRI_RETURNED,
	ENTRI_APPROVED,
	ENTRI_N
};

/* What an entry of the review is: every part of the quarter that the
 * signed report prints goes through the same review. */
enum entri_jenis {
	JENIS_IKU = 0,           /* an IKU's realisation (kabid of its sasaran's bidang) */
	JENIS_PROGRAM,           /* a program's budget realisation (kabid of the
	                          * bidang of the sasaran it supports) */
	JENIS_NARASI,            /* a sasaran's narrative and supporting tables */
	JENIS_BAB2,              /* BAB II: obstacles and follow-ups (kepala) */
	JENIS_BAB3,              /* BAB III: the conclusion (kepala) */
	JENIS_N
};

/* "iku", "program", "narasi", "bab2", "bab3": as stored. */
const char *entri_jenis_nama(enum entri_jenis j);
bool entri_jenis_dari_nama(const char *s, enum entri_jenis *out);
/* As people read it: "IKU", "program", "narrative", "BAB II", "BAB III"
 * (translated). */
const char *entri_jenis_label(enum entri_jenis j);

enum entri_event {
	EV_SUBMIT,               /* operator: draft|returned -> submitted */
	EV_APPROVE,              /* kabid: submitted -> approved */
	EV_RETURN,               /* kabid: submitted -> returned (with comment) */
	EV_EDIT,                 /* realisation or narrative changed:
	                          * submitted|approved -> draft; others stay */
	EV_N
};

/* The state after event ev in state st, or -1 when ev is not allowed in
 * st.  EV_EDIT is always allowed. */
int entri_next(enum entri_state st, enum entri_event ev);

const char *entri_state_nama(enum entri_state st);  /* "draft", ... */
/* Translated names for messages and screens ("diajukan"); the _nama
 * functions give the stored, untranslated names. */
const char *entri_state_label(enum entri_state st);
const char *entri_event_label(enum entri_event ev);
bool entri_state_dari_nama(const char *s, enum entri_state *out);
const char *entri_event_nama(enum entri_event ev);  /* "submit", ... */
/* An action of the audit log and of a review's history ("insert",
 * "submit", "user-add", ...), as people read it (translated); an action
 * not known here as it is. */
const char *audit_aksi_label(const char *action);

#endif
