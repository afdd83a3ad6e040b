/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* draft.h - what was typed but not saved, kept in a small file.
 *
 * Owns: draft files.  When the terminal hangs up or the program is
 * killed (SIGHUP, SIGTERM) while a form or grid holds typed values, they
 * are written to $XDG_DATA_HOME/lakip/drafts/ (~/.local/share/lakip/
 * drafts/), or beside the database (DB.drafts/) when that cannot be
 * created; the next start offers them back.  A draft names the database
 * (real path), agency, year, quarter, form and entity, and holds the
 * typed text of every field by name.  One draft per (db, agency, year,
 * quarter, form, entity): writing again replaces it.
 *
 * File format (UTF-8 text, one "key=value" a line, values escaped with
 * \\ \n \r \t):  db= instansi= tahun= triwulan= form= entity= title=
 * saved=  then  field.NAME=VALUE  for each field.
 */
#ifndef LK_TUI_DRAFT_H
#define LK_TUI_DRAFT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct draft {
	char *path;          /* the draft file */
	char *db, *instansi, *form, *entity, *title, *saved;
	int tahun, tw;
	char **name, **value;
	size_t n;
} draft;

/* Identify a draft (strings are copied by draft_write). */
typedef struct draft_key {
	const char *db, *instansi;
	int tahun, tw;
	const char *form, *entity;
} draft_key;

/* Write a draft of n fields; returns 0 or -1 (errno). */
int draft_write(const draft_key *k, const char *title,
		const char *const *names, const char *const *values, size_t n);
/* Remove the draft of k, if any. */
void draft_remove(const draft_key *k);
/* Every draft of database db (real path), oldest first.  *out is a
 * malloc'ed array of malloc'ed drafts (draft_free_all). */
int draft_list(const char *db, draft ***out, size_t *n);
void draft_free(draft *d);
void draft_free_all(draft **d, size_t n);
/* Value of field name, or NULL. */
const char *draft_get(const draft *d, const char *name);
/* The key of a loaded draft. */
draft_key draft_key_of(const draft *d);
/* Directory drafts go to for database db (malloc'ed). */
char *draft_dir(const char *db);

#endif
