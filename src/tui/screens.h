/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* screens.h - the screens of the terminal application.
 *
 * Each step screen runs until the user leaves it and returns an enum
 * form_end (form.h): FORM_CANCELLED back to the step menu,
 * FORM_NEXT_STEP / FORM_PREV_STEP along the sequence, FORM_STEPS to the
 * menu, FORM_QUIT to leave the program, FORM_TERMINATED after a hang-up.
 * A draft (restore, may be NULL) reopens the form it was typed into.
 */
#ifndef LK_TUI_SCREENS_H
#define LK_TUI_SCREENS_H

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>

#include "core/dec.h"
#include "tui/draft.h"
#include "tui/form.h"
#include "tui/tui_int.h"

#define STEP_COUNT 10

/* scr_start.c: choose agency and period; first run; new year. */
int scr_start(app *a);

/* scr_steps.c: the guided sequence of a quarter and its menu;
 * first: the step to open at once (0: the menu). */
int scr_steps(app *a, int first, const draft *restore);
/* Name of step n (translated). */
const char *scr_step_name(int n);
/* Open what a draft was typed into (its period is loaded). */
int scr_resume(app *a, const draft *d);

/* scr_profil.c, scr_sasaran.c, scr_program.c: steps 1-3. */
int scr_profil(app *a, int step, const draft *restore);
int scr_instansi_form(app *a, int step, bool create, const draft *restore);
int scr_bidang(app *a, int step, const draft *restore);
int scr_sasaran(app *a, int step, const draft *restore);
int scr_program(app *a, int step, const draft *restore);

/* scr_narasi.c, scr_tabel.c: step 6; scr_masalah.c: steps 7-8. */
int scr_narasi(app *a, int step, const draft *restore);
/* The supporting tables of sasaran kode (a draft of a table or a row). */
/* The supporting tables of sasaran kode in quarter tw, or (tw 0) in the
 * annual report. */
int scr_tables(app *a, int step, const char *kode, int tw,
	       const draft *restore);
int scr_masalah(app *a, int step, const draft *restore);
int scr_kesimpulan(app *a, int step, const draft *restore);

/* scr_preview.c, scr_print.c: steps 9 and 10. */
int scr_preview(app *a, int step);
int scr_print(app *a, int step);

/* ---- the review (wf_action.c) ---- */
/* Submit entries of the quarter on screen for review: (j, kode) is the
 * focused entry (kode NULL: none); asks whether that one or every draft
 * and returned entry.  True when something was submitted. */
bool wf_submit(app *a, enum entri_jenis j, const char *kode);
/* Approve (j, kode), or (kode NULL) every submitted entry the reviewer
 * may review that he did not submit himself; asks first. */
bool wf_approve(app *a, enum entri_jenis j, const char *kode);
/* Return (j, kode) with a comment (asked; it may not be blank). */
bool wf_return(app *a, enum entri_jenis j, const char *kode);
/* Unlock the quarter on screen (admin) with a reason (asked; required). */
bool wf_unlock(app *a);
/* The actor may review the entry: a kabid those of his bidang, the
 * kepala those of no bidang (and BAB II, III), an admin every one. */
bool wf_mine(const app *a, const store_entri *x);
/* ... and is submitted, by someone else: the kabid may review it. */
bool wf_reviewable(const app *a, const store_entri *x);

/* scr_history.c: the recorded changes of the realisation of IKU (or
 * program, when program) kode in the quarter on screen, and the review
 * of an IKU's entry. */
void scr_history(app *a, bool program, const char *kode);
/* A stored machine number as it is shown ("79,30", "4.587.938.844";
 * scale DEC_NILAI or DEC_UANG); "(empty)" for none. */
const char *scr_shown_value(const char *v, int scale, char buf[DEC_BUFSZ]);
/* The review of entry kode in a->wf, one line per event (who, when, the
 * state it led to, the comment), written to f. */
void scr_review_events(FILE *f, const app *a, enum entri_jenis j,
		       const char *kode);
/* scr_review.c: the kabid's review of the quarter on screen. */
int scr_review(app *a);
/* scr_sign.c: what the head signs, signing and finalising the quarter on
 * screen (kepala, admin), unlocking it (admin). */
int scr_sign(app *a);
/* scr_sign_dok.c: the year's Perjanjian Kinerja signed by both parties, or
 * the year's LKjIP signed by the head, on
 * screen (kepala, admin), unlocking it (admin). */
enum scr_dok { SCR_DOK_PK, SCR_DOK_LKJIP };
int scr_sign_dok(app *a, enum scr_dok kind);
/* scr_renstra.c: the Renstra period and each IKU's targets by year. */
int scr_renstra(app *a);
/* scr_tahunan.c: the year's agreement and annual report (LKjIP) data. */
int scr_tahunan(app *a);
/* scr_rekap.c: the province view of the period on screen (admin, or a
 * role in several agencies). */
int scr_rekap(app *a);
/* scr_agency.c: the agency's predikat bands (admin: edit) and the
 * certificates registered to sign its reports. */
int scr_agency(app *a);
/* scr_import.c: import a workbook, a CSV sheet or an exchange file
 * (admin): the dry run shown, then confirmed. */
int scr_import(app *a);
/* scr_users.c: the users of the database (admin: add, role, remove). */
int scr_users(app *a);

/* ---- scr_util.c: shared by the screens ---- */
/* Bottom bar and help keys of the editable lists. */
extern const int scr_list_acts[];
extern const int scr_list_help_acts[];
/* A string for the model: NULL when empty, else a copy in r->mem. */
char *scr_dup(app *a, const char *v);
/* The key of a draft of form `form` for `entity` in the current period. */
draft_key scr_dk(app *a, const char *form, const char *entity);
/* The return of entry (j, kode) of the quarter by the kabid or kepala, in
 * words and in full ("Returned by kb on ...: comment"), in buf; NULL when
 * the entry is not returned.  scr_returned_rows: the rows it takes
 * wrapped at the screen's width, at most max (0 when not returned). */
const char *scr_returned_text(app *a, enum entri_jenis j, const char *kode,
			      char *buf, size_t n);
int scr_returned_rows(app *a, enum entri_jenis j, const char *kode, int max);
/* A list action that leaves a screen, as an enum form_end; -1 when the
 * action does not leave. */
int scr_leave_code(int act);
/* What a nested form or list returned, when it leaves the screen too
 * (next/previous step, the step menu, quit, termination); else -1. */
int scr_pass(int end);
/* A list action the list screens share: F2 saves what a failed save
 * left (or says that lists save at once); leaving actions give their
 * enum form_end, others -1. */
int scr_list_other(app *a, int act);
/* "Delete X?" asked; true to delete. */
bool scr_confirm_delete(const char *what);
/* Canonical machine number of a value for a form (buf of DEC_BUFSZ). */
const char *scr_nilai(int64_t v, char *buf);
const char *scr_uang(int64_t v, char *buf);
/* Words of a text (NULL: 0). */
size_t scr_count_words(const char *s);
/* Parse a canonical value from a form ("" gives false). */
bool scr_parse(const char *canon, int scale, int64_t *out);

/* The lines of a screen of labelled values (what the head signs): a
 * label (bold) and its value, plain (0), good (1) or a warning (2).  A
 * list shows them with cell scr_rows_cell, attr scr_rows_attr and ud the
 * scr_rows. */
typedef struct scr_row {
	char label[96];
	char value[512];
	int tone;
} scr_row;
typedef struct scr_rows {
	scr_row *row;
	size_t n, cap;
} scr_rows;
scr_row *scr_row_add(scr_rows *r, const char *label, int tone,
		     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
const char *scr_rows_cell(void *ud, size_t row, size_t col, char *buf,
			  size_t n);
attr_t scr_rows_attr(void *ud, size_t row, size_t col);
void scr_rows_free(scr_rows *r);
/* A signing screen: the rows that build() makes of ctx (again after
 * each action), s calls sign(ctx), u unlock(ctx), F10 leaves; returns an
 * enum form_end.  The rows are freed at the end. */
typedef struct scr_sign_screen {
	const char *title, *help;
	scr_rows *rows;
	void *ctx;
	void (*build)(void *ctx);
	void (*sign)(void *ctx);
	void (*unlock)(void *ctx);
} scr_sign_screen;
int scr_sign_run(app *a, const scr_sign_screen *s);

#endif
