/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* tui_int.h - the state of the terminal application, shared by its files.
 *
 * Owns: the session (database, agency, year, quarter, the plan being
 * edited, whether it differs from the database), the form descriptions
 * loaded at start, and the operations every screen needs: save the whole
 * plan in one transaction, drop unsaved changes, refuse edits that the
 * database (read-only), the actor's role or the quarter's lock forbid,
 * and the texts of forms in the UI language.
 *
 * Who may change what (access.c): every change is checked before it is
 * made with app_can_edit(a, AKSI_*), which asks store_izin() -- the check
 * the command line makes -- and refuses in a locked quarter; the refusal
 * names the role needed, or who locked the quarter.  Screens of the plan
 * (steps 1-3) change AKSI_UBAH_RENCANA, those of the quarter (steps 4-8)
 * AKSI_UBAH_DATA.  The store checks again when it writes.
 *
 * The plan (a->r) is the only copy screens edit; pointers into it go
 * stale after any add, delete, move or reload (model_edit.h): screens
 * keep indices or kodes across calls that may change it.
 */
#ifndef LK_TUI_INT_H
#define LK_TUI_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/kinerja.h"
#include "core/model.h"
#include "core/predikat.h"
#include "store/store.h"
#include "store/workflow.h"
#include "svc/svc.h"
#include "tui/formdesc.h"
#include "tui/tui.h"

enum app_form {
	AF_INSTANSI, AF_BIDANG, AF_SASARAN, AF_IKU, AF_PROGRAM, AF_TRIWULAN,
	AF_N
};

typedef struct app {
	const char *db_path;      /* as given */
	char *db_real;            /* realpath (drafts name it), malloc'ed */
	bool english;             /* form labels: label_en */
	store *st;
	bool readonly;
	char *instansi;           /* kode of the agency, malloc'ed, or NULL */
	int tahun, tw;
	rencana *r;               /* the plan of (instansi, tahun), or NULL */
	bool dirty;               /* r differs from the database */
	arena mem;                /* forms */
	svc v;                    /* the service layer's session (its
	                           * installed predikat bands: v.installed) */
	form_desc *fd[AF_N];
	/* Workflow (access.c). */
	store_user user;          /* the actor as listed, peran and bidang his
	                           * in the agency on screen (PERAN_NONE: no
	                           * role there; login NULL: not listed) */
	char admins[256];         /* "a, b": whom an unlisted account asks */
	store_quarter wf;         /* review state and lock of the quarter on
	                           * screen (valid when wf_key is not "") */
	char wf_key[300];         /* "instansi/tahun/tw" that wf holds */
	unsigned pending;         /* 1u << AKSI_* of changes not saved yet */
} app;

/* ---- session.c: the plan and the database; nothing is drawn ---- */
/* Save a->r (svc_save: the role for each kind of change in mask, the
 * lock, then what changed in one transaction); on success a->dirty is
 * cleared and a->wf reloaded.  0 or an EX_* code with e filled. */
int app_store_save(app *a, unsigned mask, lk_err *e);
/* Load (instansi, tahun) into a->r (a->dirty cleared). */
int app_store_load(app *a, const char *instansi, int tahun, lk_err *e);

/* ---- outcome.c: the same, with what they return shown ---- */
/* Save a->r whole after the checks of the kind of change aksi
 * (AKSI_UBAH_RENCANA, AKSI_UBAH_DATA) and those left pending.
 * Returns 0, or an EX_* code after showing the reason (read-only, the
 * role needed, locked and by whom, invalid data); on failure a->dirty
 * stays true and aksi is remembered for app_save_pending. */
int app_save(app *a, enum peran_aksi aksi);
/* Save what an earlier app_save left unsaved (checked as it was). */
int app_save_pending(app *a);
/* Drop unsaved changes: load the plan again from the database. */
int app_reload(app *a);
/* Load (instansi, tahun) into a->r; 0 or an EX_* code (message shown). */
int app_load(app *a, const char *instansi, int tahun);
/* Top bar: agency, year, quarter; read-only, locked and unsaved flags,
 * and the standing notice of a read-only session or a locked quarter
 * (also loads a->wf when the period changed). */
void app_update_context(app *a);
/* Mark quarter tw as reported (with today's date when it had none), so
 * that store_save keeps what is typed for it. */
void app_touch_quarter(app *a, int tw);
/* The default file of the quarter's PDF (malloc'ed): in the user's
 * documents directory (XDG_DOCUMENTS_DIR, as xdg-user-dir gives it),
 * else his home, else the current directory;
 * "DIR/LAKIP-KODE-YEAR-TWn<suffix>.pdf". */
char *app_default_pdf(const app *a, const char *suffix);
/* That directory itself (the documents directory, else the home, else
 * the current directory), into dir. */
void app_documents_dir(char *dir, size_t n);

/* ---- access.c: who may change what ---- */
/* The actor's role and bidang in the agency on screen, and the admins'
 * logins (at start, on the steps menu, and after the users changed). */
void app_load_user(app *a);
/* The database lists the actor (else he may only read). */
bool app_listed(const app *a);
/* Load a->wf for the period on screen: when it changed, or always when
 * force.  Without a quarter (tw 0) or a stored plan a->wf is empty. */
void app_wf_load(app *a, bool force);
/* a->wf holds the quarter on screen. */
bool app_wf_ok(const app *a);
/* The quarter on screen is locked (finalised). */
bool app_locked(const app *a);
/* Why the quarter on screen is read-only, into buf: "Quarter II 2023 is
 * locked: finalised by X on D (signed version N). An admin can unlock
 * it.", or when brief a line for the status bar. */
const char *app_lock_text(const app *a, bool brief, char *buf, size_t n);
/* May the actor make a change of kind aksi now?  True, or false with the
 * reason in why: the database is read-only, the role needed (the store's
 * message), or the quarter on screen is locked (re-read, so that a lock
 * or unlock made elsewhere counts).  Shows nothing. */
bool app_may(app *a, enum peran_aksi aksi, char *why, size_t n);
/* app_may, showing the reason (app_refuse) when not. */
bool app_can_edit(app *a, enum peran_aksi aksi);
/* Show a refusal or a store error: on the status line when it fits,
 * else in a box, so that the role it names is never cut off. */
void app_refuse(app *a, const char *msg);
/* A failed store call: app_refuse for EX_NOPERM, else the message (in a
 * box when it does not fit on the status line). */
void app_fail(app *a, int rc, const lk_err *e);
/* A store message without the leading "DATABASE: " (the path is on the
 * start screen; on the status line it would push the reason out). */
const char *app_store_msg(const app *a, const char *msg);
/* "2023-07-01 17:05 WIB" from a stored time "2023-07-01T10:05:09Z": in
 * the zone of the agency open in the application app_when_for named
 * (instansi.zona_waktu; default Asia/Jakarta), never the user's TZ. */
const char *app_when(const char *at, char *buf, size_t n);
void app_when_for(const app *a);

/* Texts of forms in the UI language. */
const char *app_form_title(const app *a, enum app_form f);
const char *app_label(const app *a, const fd_field *f);

/* Text of a quarter: "Triwulan II 2023". Static buffer. */
const char *app_period_text(const app *a);

#endif
