/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* final_int.h - what the finalising of each kind of document shares
 * (finalise.c: the quarter; finalise_pk.c: the agreement and the LKjIP). */
#ifndef LK_FINAL_INT_H
#define LK_FINAL_INT_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/err.h"
#include "sign/sign.h"

struct svc_final_opts;

/* The whole file at path: *buf malloc'ed (a NUL after its *len bytes). */
int svc_read_bytes(const char *path, unsigned char **buf, size_t *len,
		   lk_err *e);
/* The signals that end a finalise held (on) while it works, and the old
 * mask back; svc_interrupted: one of them arrived meanwhile. */
void svc_hold_signals(bool on, sigset_t *old);
bool svc_interrupted(void);
/* Inside the final transaction: the signed file tmp into its place out
 * (NULL: none) with mode 0666 & ~umask; *published when a file was put
 * there (not a device written into), which svc_unpublish takes away. */
int svc_publish(const char *tmp, const char *out, mode_t umask,
		bool *published, lk_err *e);
void svc_unpublish(const char *out, bool *published);
/* "YYYY-MM-DD" of t (UTC); the digits of s into out (n bytes). */
const char *svc_iso_day(int64_t t, char buf[32]);
void svc_digits(const char *s, char *out, size_t n);

/* The timestamp authority a signature asks (o->tsa set to it or NULL):
 * the one given ("none": no timestamp, whatever the agency names), else
 * the agency's default (instansi.tsa of r).  EX_USAGE when it is no
 * http:// or https:// URL. */
struct rencana;
int svc_final_tsa(struct svc_final_opts *o, const struct rencana *r,
		  lk_err *e);
/* The one signing of every kind of finalise: sign_pdf of in into out
 * with so completed from o (the timestamp authority, and the validation
 * data in a DSS update when o asks for a timestamp or gives CRLs; what
 * could not be fetched is a warning through o's hooks).  A certificate
 * of the signature that the validation data say is revoked refuses
 * (EX_NOPERM, naming it; nothing is kept of out's file by the caller). */
int svc_sign(const struct svc_final_opts *o, const char *in, const char *out,
	     sign_opts *so, sign_cert_info *ci, lk_err *e);

#endif
