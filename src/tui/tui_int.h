/* tui_int.h - the state of the terminal application, shared by its files.
 *
 * Owns: the session (database, agency, year, quarter, the plan being
 * edited, whether it differs from the database), the form descriptions
 * loaded at start, and the operations every screen needs: save the whole
 * plan in one transaction, drop unsaved changes, refuse edits on a
 * read-only database, and the texts of forms in the UI language.
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
	arena mem;                /* forms, predikat bands */
	predikat_tabel pt;
	form_desc *fd[AF_N];
} app;

/* Save a->r whole (store_save, one transaction).  Returns 0, or an EX_*
 * code after putting the reason on the status line (read-only, locked
 * and by whom, invalid data); on failure a->dirty stays true. */
int app_save(app *a);
/* Drop unsaved changes: load the plan again from the database. */
int app_reload(app *a);
/* Load (instansi, tahun) into a->r; 0 or an EX_* code (message shown). */
int app_load(app *a, const char *instansi, int tahun);
/* False (with a message) when the database is read-only. */
bool app_can_edit(app *a);
/* Top bar: agency, year, quarter; read-only and unsaved flags. */
void app_update_context(app *a);
/* Mark quarter tw as reported (with today's date when it had none), so
 * that store_save keeps what is typed for it. */
void app_touch_quarter(app *a, int tw);
/* Which process holds a lock on the database (Linux /proc/locks):
 * "lakip (PID 1234, user budi)", or "" when unknown. */
void app_lock_holders(const char *db, char *out, size_t n);

/* Texts of forms in the UI language. */
const char *app_form_title(const app *a, enum app_form f);
const char *app_label(const app *a, const fd_field *f);

/* Text of a quarter: "Triwulan II 2023". Static buffer. */
const char *app_period_text(const app *a);

#endif
