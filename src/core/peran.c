/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* peran.c - the policy table and the entry state machine. */
#include "config.h"
#include "core/peran.h"
#include "core/i18n.h"

#include <stdio.h>
#include <string.h>

#define OP PERAN_BIT(PERAN_OPERATOR)
#define KB PERAN_BIT(PERAN_KABID)
#define KP PERAN_BIT(PERAN_KEPALA)
#define AD PERAN_BIT(PERAN_ADMIN)
#define NO PERAN_BIT(PERAN_NONE)

/* The policy: every action, the roles that may do it.  Reading is open
 * to every account, listed or not; every change needs a listed role.  A
 * role held in an agency counts in that agency only (store_izin_at);
 * admin in every agency. */
static const struct {
	const char *nama;
	unsigned peran;
	bool per_bidang;
} policy[AKSI_N] = {
	[AKSI_LIHAT] =        { N_("read"), NO | OP | KB | KP | AD, false },
	[AKSI_INIT] =         { N_("init"), AD, false },
	[AKSI_IMPOR] =        { N_("import"), AD, false },
	[AKSI_UBAH_RENCANA] = { N_("edit the plan"), AD, false },
	[AKSI_UBAH_DATA] =    { N_("edit realisations"), OP | AD, false },
	[AKSI_AJUKAN] =       { N_("submit"), OP | AD, false },
	[AKSI_TINJAU] =       { N_("review"), KB | KP | AD, true },
	[AKSI_FINAL] =        { N_("finalise"), KP | AD, false },
	[AKSI_BUKA] =         { N_("unlock"), AD, false },
	[AKSI_PENGGUNA] =     { N_("manage users"), AD, false },
	[AKSI_PENANDA] =      { N_("manage signers"), AD, false },
};

static const char *const peran_names[PERAN_N] = {
	[PERAN_NONE] = "",
	[PERAN_OPERATOR] = "operator",
	[PERAN_KABID] = "kabid",
	[PERAN_KEPALA] = "kepala",
	[PERAN_ADMIN] = "admin",
};

unsigned
peran_izin(enum peran_aksi a)
{
	return (unsigned)a < AKSI_N ? policy[a].peran : 0;
}

bool
peran_boleh(enum peran p, enum peran_aksi a)
{
	return (unsigned)p < PERAN_N && (peran_izin(a) & PERAN_BIT(p)) != 0;
}

bool
peran_per_bidang(enum peran_aksi a)
{
	return (unsigned)a < AKSI_N && policy[a].per_bidang;
}

bool
peran_instansi(enum peran p)
{
	return p == PERAN_OPERATOR || p == PERAN_KABID || p == PERAN_KEPALA;
}

bool
peran_aksi_instansi(enum peran_aksi a)
{
	return a != AKSI_LIHAT && (peran_izin(a) & (OP | KB | KP)) != 0;
}

const char *
peran_nama(enum peran p)
{
	return (unsigned)p < PERAN_N ? peran_names[p] : "?";
}

bool
peran_dari_nama(const char *s, enum peran *out)
{
	int p;

	for (p = PERAN_OPERATOR; s != NULL && p < PERAN_N; p++)
		if (strcmp(s, peran_names[p]) == 0) {
			*out = (enum peran)p;
			return true;
		}
	return false;
}

const char *
peran_aksi_nama(enum peran_aksi a)
{
	return (unsigned)a < AKSI_N ? _(policy[a].nama) : "?";
}

const char *
peran_daftar(enum peran_aksi a, char *buf, size_t n)
{
	unsigned bits = peran_izin(a), k = 0, total = 0;
	size_t len = 0;
	int p;

	for (p = PERAN_OPERATOR; p < PERAN_N; p++)
		total += (bits & PERAN_BIT(p)) != 0;
	if (n == 0)
		return buf;
	buf[0] = '\0';
	for (p = PERAN_OPERATOR; p < PERAN_N; p++) {
		int w;

		if (!(bits & PERAN_BIT(p)))
			continue;
		k++;
		w = snprintf(buf + len, n - len, "%s%s",
			     k == 1 ? "" : k == total ? _(" or ") : ", ",
			     peran_names[p]);
		if (w < 0 || (size_t)w >= n - len)
			break;
		len += (size_t)w;
	}
	return buf;
}

/* next[state][event]; -1: not allowed. */
static const signed char next[ENTRI_N][EV_N] = {
	[ENTRI_DRAFT] =     { ENTRI_SUBMITTED, -1, -1, ENTRI_DRAFT },
	[ENTRI_SUBMITTED] = { -1, ENTRI_APPROVED, ENTRI_RETURNED, ENTRI_DRAFT },
	[ENTRI_RETURNED] =  { ENTRI_SUBMITTED, -1, -1, ENTRI_RETURNED },
	[ENTRI_APPROVED] =  { -1, -1, -1, ENTRI_DRAFT },
};

int
entri_next(enum entri_state st, enum entri_event ev)
{
	if ((unsigned)st >= ENTRI_N || (unsigned)ev >= EV_N)
		return -1;
	return next[st][ev];
}

static const char *const state_names[ENTRI_N] = {
	"draft", "submitted", "returned", "approved",
};
static const char *const event_names[EV_N] = {
	"submit", "approve", "return", "edit",
};
/* The same, as people read them (translated at use). */
static const char *const state_labels[ENTRI_N] = {
	N_("draft"), N_("submitted"), N_("returned"), N_("approved"),
};
static const char *const event_labels[EV_N] = {
	N_("submit"), N_("approve"), N_("return"), N_("edit"),
};

const char *
entri_state_label(enum entri_state st)
{
	return (unsigned)st < ENTRI_N ? _(state_labels[st]) : "?";
}

const char *
entri_event_label(enum entri_event ev)
{
	return (unsigned)ev < EV_N ? _(event_labels[ev]) : "?";
}

const char *
entri_state_nama(enum entri_state st)
{
	return (unsigned)st < ENTRI_N ? state_names[st] : "?";
}

bool
entri_state_dari_nama(const char *s, enum entri_state *out)
{
	int k;

	for (k = 0; s != NULL && k < ENTRI_N; k++)
		if (strcmp(s, state_names[k]) == 0) {
			*out = (enum entri_state)k;
			return true;
		}
	return false;
}

const char *
entri_event_nama(enum entri_event ev)
{
	return (unsigned)ev < EV_N ? event_names[ev] : "?";
}

/* The actions the store records (audit.c, workflow.c), with the words
 * people read. */
static const struct {
	const char *nama, *label;
} audit_aksi[] = {
	{ "insert", N_("insert") },
	{ "update", N_("update") },
	{ "delete", N_("delete") },
	{ "edit", N_("edit") },
	{ "submit", N_("submit") },
	{ "approve", N_("approve") },
	{ "return", N_("return") },
	{ "finalise", N_("finalise") },
	{ "lock", N_("lock") },
	{ "unlock", N_("unlock") },
	{ "user-add", N_("user-add") },
	{ "user-remove", N_("user-remove") },
	{ "user-role", N_("user-role") },
	{ "signer-add", N_("signer-add") },
	{ "signer-remove", N_("signer-remove") },
	{ "template-set", N_("template-set") },
	{ "template-reset", N_("template-reset") },
};

const char *
audit_aksi_label(const char *action)
{
	size_t i;

	if (action == NULL)
		return "?";
	for (i = 0; i < sizeof audit_aksi / sizeof audit_aksi[0]; i++)
		if (strcmp(action, audit_aksi[i].nama) == 0)
			return _(audit_aksi[i].label);
	return action;
}

static const char *const jenis_names[JENIS_N] = {
	"iku", "program", "narasi", "bab2", "bab3",
};
static const char *const jenis_labels[JENIS_N] = {
	N_("IKU"), N_("program"), N_("narrative"), N_("BAB II"), N_("BAB III"),
};

const char *
entri_jenis_nama(enum entri_jenis j)
{
	return (unsigned)j < JENIS_N ? jenis_names[j] : "?";
}

const char *
entri_jenis_label(enum entri_jenis j)
{
	return (unsigned)j < JENIS_N ? _(jenis_labels[j]) : "?";
}

bool
entri_jenis_dari_nama(const char *s, enum entri_jenis *out)
{
	for (int j = 0; s != NULL && j < JENIS_N; j++)
		if (strcmp(s, jenis_names[j]) == 0) {
			*out = (enum entri_jenis)j;
			return true;
		}
	return false;
}
