/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* tmpl_store.c - the report template an agency uses, in the database.
 *
 * Owns: the table instansi_template.  An official document depends on the
 * database alone: the template an agency's reports are printed with is
 * stored with the agency, versioned (the newest version is in force, a
 * version without text means the installed template), and every change
 * is audited.  The store does not parse templates: the caller checks that
 * the text loads as one (report/template.h) before it is set.
 */
#include "config.h"
#include "store/store_int.h"
#include "store/workflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/sha.h>

#include "core/i18n.h"
#include "core/hex.h"

static char *
dup_col(drv_st *st, int k)
{
	const char *v = drv_col_text(st, k);
	char *d;

	if (v == NULL)
		return NULL;
	if ((d = strdup(v)) == NULL)
		lk_fatal("out of memory");
	return d;
}

void
store_template_free(store_template *t)
{
	if (t == NULL)
		return;
	free(t->yaml);
	free(t->sha256);
	free(t->added_by);
	free(t->added_at);
	memset(t, 0, sizeof *t);
}

int
store_template_versi(store *s, const char *instansi, int versi,
		     store_template *t, lk_err *e)
{
	return store_template_versi_dokumen(s, instansi, "laporan", versi, t, e);
}

int
store_template_versi_dokumen(store *s, const char *instansi,
			     const char *dokumen, int versi, store_template *t,
			     lk_err *e)
{
	drv_st *st = NULL;
	int rc;

	memset(t, 0, sizeof *t);
	if (s->version < STORE_VERSION_PREDIKAT)
		return versi == 0 ? 0 : lk_fail(e, EX_NOINPUT, _("%s: no "
		    "template version %d for %s"), s->path, versi, instansi);
	/* Before version 10 every template was the quarterly report's. */
	if (s->version < STORE_VERSION_PK && strcmp(dokumen, "laporan") != 0)
		return versi == 0 ? 0 : lk_fail(e, EX_NOINPUT, _("%s: no "
		    "template version %d for %s"), s->path, versi, instansi);
	if ((rc = store_stmt(s, &st, s->version >= STORE_VERSION_PK ?
			     "SELECT g.versi, g.yaml, g.sha256,"
			     " g.added_by, g.added_at FROM instansi_template g"
			     " JOIN instansi i ON i.id = g.instansi_id"
			     " WHERE i.kode = ?1 AND (?2 = 0 OR g.versi = ?2)"
			     " AND g.dokumen = ?3"
			     " ORDER BY g.versi DESC LIMIT 1" :
			     "SELECT g.versi, g.yaml, g.sha256,"
			     " g.added_by, g.added_at FROM instansi_template g"
			     " JOIN instansi i ON i.id = g.instansi_id"
			     " WHERE i.kode = ?1 AND (?2 = 0 OR g.versi = ?2)"
			     " AND ?3 IS NOT NULL"
			     " ORDER BY g.versi DESC LIMIT 1", e)) != 0)
		return rc;
	store_bind_text(s, st, 1, instansi);
	store_bind_int(s, st, 2, versi);
	store_bind_text(s, st, 3, dokumen);
	if ((rc = store_check_bind(s, e)) == 0) {
		rc = drv_step(st);
		if (rc == DRV_ROW) {
			t->versi = (int)drv_col_int(st, 0);
			t->yaml = dup_col(st, 1);
			t->sha256 = dup_col(st, 2);
			t->added_by = dup_col(st, 3);
			t->added_at = dup_col(st, 4);
			rc = 0;
		} else if (rc == DRV_DONE) {
			rc = versi == 0 ? 0 : lk_fail(e, EX_NOINPUT, _("%s: no "
			    "template version %d for %s"), s->path, versi, instansi);
		} else {
			rc = store_fail(s, rc, e, NULL);
		}
	}
	drv_finalize(st);
	return rc;
}

int
store_template_get(store *s, const char *instansi, store_template *t,
		   lk_err *e)
{
	return store_template_versi(s, instansi, 0, t, e);
}

int
store_template_get_dokumen(store *s, const char *instansi,
			   const char *dokumen, store_template *t, lk_err *e)
{
	return store_template_versi_dokumen(s, instansi, dokumen, 0, t, e);
}

/* The agency's newest version of any kind: the next one is one more. */
static int
last_versi(store *s, int64_t iid, int *versi, lk_err *e)
{
	drv_st *st = NULL;
	int rc;

	*versi = 0;
	if ((rc = store_stmt(s, &st, "SELECT coalesce(max(versi), 0) FROM"
			     " instansi_template WHERE instansi_id = ?1", e)) != 0)
		return rc;
	store_bind_int(s, st, 1, iid);
	if ((rc = store_check_bind(s, e)) == 0) {
		if ((rc = drv_step(st)) == DRV_ROW) {
			*versi = (int)drv_col_int(st, 0);
			rc = 0;
		} else {
			rc = store_fail(s, rc, e, NULL);
		}
	}
	drv_finalize(st);
	return rc;
}

int
store_template_set(store *s, const char *instansi, const char *yaml,
		   int *versi, lk_err *e)
{
	return store_template_set_dokumen(s, instansi, "laporan", yaml, versi, e);
}

int
store_template_set_dokumen(store *s, const char *instansi,
			   const char *dokumen, const char *yaml, int *versi,
			   lk_err *e)
{
	store_template old;
	int64_t iid = 0;
	int last = 0;
	bool laporan = strcmp(dokumen, "laporan") == 0;
	drv_st *st = NULL;
	unsigned char md[SHA256_DIGEST_LENGTH];
	char now[32], hex[65] = "", v[16];
	int rc;

	*versi = 0;
	if (s->readonly)
		return store_fail_readonly(s, e);
	if (s->version < STORE_VERSION_PREDIKAT)
		return lk_fail(e, EX_DATAERR, _("%s: the database is too old for "
			       "the agency's template: open it for writing once to "
			       "upgrade it"), s->path);
	if (!laporan && s->version < STORE_VERSION_PK)
		return lk_fail(e, EX_DATAERR, _("%s: the database is too old for "
			       "the agency's template: open it for writing once to "
			       "upgrade it"), s->path);
	if ((rc = store_izin(s, AKSI_UBAH_RENCANA, e)) != 0)
		return rc;
	if ((rc = store_begin(s, e)) != 0)
		return rc;
	if ((rc = store_instansi_id(s, instansi, &iid, e)) != 0 ||
	    (rc = store_template_get_dokumen(s, instansi, dokumen, &old, e)) != 0 ||
	    (rc = last_versi(s, iid, &last, e)) != 0) {
		store_rollback(s);
		return rc;
	}
	old.versi = last;
	if (yaml != NULL) {
		SHA256((const unsigned char *)yaml, strlen(yaml), md);
		lk_hex(md, SHA256_DIGEST_LENGTH, hex);
	}
	store_now(now);
	rc = store_stmt(s, &st, s->version >= STORE_VERSION_PK ?
			"INSERT INTO instansi_template (instansi_id, versi,"
			" yaml, sha256, added_by, added_at, dokumen)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" :
			"INSERT INTO instansi_template (instansi_id, versi,"
			" yaml, sha256, added_by, added_at)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6)", e);
	if (rc == 0) {
		store_bind_int(s, st, 1, iid);
		store_bind_int(s, st, 2, old.versi + 1);
		store_bind_text(s, st, 3, yaml);
		store_bind_text(s, st, 4, yaml != NULL ? hex : NULL);
		store_bind_text(s, st, 5, s->actor);
		store_bind_text(s, st, 6, now);
		if (s->version >= STORE_VERSION_PK)
			store_bind_text(s, st, 7, dokumen);
		rc = store_run(s, st, e);
	}
	drv_finalize(st);
	snprintf(v, sizeof v, "%d", old.versi + 1);
	if (rc == 0)
		rc = store_audit6(s, yaml != NULL ? "template-set" : "template-reset",
				  instansi, "instansi_template", v, "sha256",
				  old.sha256, yaml != NULL ? hex : NULL, e);
	if (rc == 0 && !laporan)
		rc = store_audit6(s, yaml != NULL ? "template-set" : "template-reset",
				  instansi, "instansi_template", v, "dokumen",
				  NULL, dokumen, e);
	if (rc == 0 && (rc = store_commit(s, e)) == 0)
		*versi = old.versi + 1;
	else
		store_rollback(s);
	store_template_free(&old);
	return rc;
}
