/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* signer.c - the certificates registered to sign an agency's reports.
 *
 * Owns: the table signer.  The store knows nothing of X.509: the caller
 * (src/sign reads the certificate) hands over its PEM text and details;
 * the fingerprint is what signatures are matched by.  Every change is
 * written with its audit record in one transaction; a certificate that
 * has signed a stored report is never deleted, only marked removed.
 */
#include "config.h"
#include "store/store_int.h"
#include "store/workflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

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

static bool
is_fingerprint(const char *h)
{
	size_t i;

	for (i = 0; h != NULL && h[i]; i++)
		if (!((h[i] >= '0' && h[i] <= '9') || (h[i] >= 'a' && h[i] <= 'f')))
			return false;
	return h != NULL && i == 64;
}

static int
need_table(store *s, lk_err *e)
{
	if (s->version < STORE_VERSION_SIGNER)
		return lk_fail(e, EX_DATAERR, _("%s: the database is older than "
			       "the signers' table: open it once for writing to "
			       "upgrade it"), s->path);
	return 0;
}

int
store_instansi_id(store *s, const char *kode, int64_t *id, lk_err *e)
{
	drv_st *st = NULL;
	int rc;

	if ((rc = store_stmt(s, &st, "SELECT id FROM instansi WHERE kode = ?1",
			     e)) != 0)
		return rc;
	store_bind_text(s, st, 1, kode);
	if ((rc = store_check_bind(s, e)) == 0) {
		rc = drv_step(st);
		if (rc == DRV_ROW) {
			*id = drv_col_int(st, 0);
			rc = 0;
		} else if (rc == DRV_DONE) {
			rc = lk_fail(e, EX_NOINPUT, _("%s: no agency '%s' in the "
				     "database"), s->path, kode);
		} else {
			rc = store_fail(s, rc, e, NULL);
		}
	}
	drv_finalize(st);
	return rc;
}

void
store_signer_list_free(store_signer *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].instansi);
		free(v[i].sha256);
		free(v[i].subject);
		free(v[i].serial_number);
		free(v[i].pem);
		free(v[i].added_by);
		free(v[i].added_at);
		free(v[i].removed_by);
		free(v[i].removed_at);
	}
	free(v);
}

int
store_signer_list(store *s, const char *instansi, const char *sha256,
		  store_signer **out, size_t *n, lk_err *e)
{
	drv_st *st = NULL;
	store_vec v;
	int rc;

	*out = NULL;
	*n = 0;
	if (s->version < STORE_VERSION_SIGNER)
		return 0;        /* none registered yet */
	if ((rc = store_stmt(s, &st, s->version >= STORE_VERSION_PK ?
			     "SELECT i.kode, g.sha256, g.subject,"
			     " g.serial_number, g.not_before, g.not_after, g.pem,"
			     " g.added_by, g.added_at, g.removed_by, g.removed_at,"
			     " g.pihak"
			     " FROM signer g JOIN instansi i ON i.id = g.instansi_id"
			     " WHERE (?1 IS NULL OR i.kode = ?1)"
			     " AND (?2 IS NULL OR g.sha256 = ?2)"
			     " ORDER BY i.kode, g.added_at, g.sha256" :
			     "SELECT i.kode, g.sha256, g.subject,"
			     " g.serial_number, g.not_before, g.not_after, g.pem,"
			     " g.added_by, g.added_at, g.removed_by, g.removed_at, 1"
			     " FROM signer g JOIN instansi i ON i.id = g.instansi_id"
			     " WHERE (?1 IS NULL OR i.kode = ?1)"
			     " AND (?2 IS NULL OR g.sha256 = ?2)"
			     " ORDER BY i.kode, g.added_at, g.sha256", e)) != 0)
		return rc;
	store_bind_text(s, st, 1, instansi);
	store_bind_text(s, st, 2, sha256);
	store_vec_init(&v, sizeof(store_signer));
	if ((rc = store_check_bind(s, e)) == 0) {
		while ((rc = drv_step(st)) == DRV_ROW) {
			store_signer *g = store_vec_push(&v);

			memset(g, 0, sizeof *g);
			g->instansi = dup_col(st, 0);
			g->sha256 = dup_col(st, 1);
			g->subject = dup_col(st, 2);
			g->serial_number = dup_col(st, 3);
			g->not_before = drv_col_int(st, 4);
			g->not_after = drv_col_int(st, 5);
			g->pem = dup_col(st, 6);
			g->added_by = dup_col(st, 7);
			g->added_at = dup_col(st, 8);
			g->removed_by = dup_col(st, 9);
			g->removed_at = dup_col(st, 10);
			g->pihak = (int)drv_col_int(st, 11);
		}
		rc = rc == DRV_DONE ? 0 : store_fail(s, rc, e, NULL);
	}
	drv_finalize(st);
	if (rc != 0) {
		store_signer_list_free(v.p, v.n);
		return rc;
	}
	*out = v.p;
	*n = v.n;
	return 0;
}

int
store_signer_registered_pihak(store *s, const char *instansi,
			      const char *sha256, int pihak, bool *yes,
			      lk_err *e)
{
	store_signer *v;
	size_t n;
	int rc;

	*yes = false;
	if ((rc = store_signer_list(s, instansi, sha256, &v, &n, e)) != 0)
		return rc;
	for (size_t i = 0; i < n; i++)
		if (v[i].removed_at == NULL && v[i].pihak == pihak)
			*yes = true;
	store_signer_list_free(v, n);
	return 0;
}

int
store_signer_registered(store *s, const char *instansi, const char *sha256,
			bool *yes, lk_err *e)
{
	return store_signer_registered_pihak(s, instansi, sha256, 1, yes, e);
}

static int
begin(store *s, const char *instansi, const char *sha256, int64_t *iid,
      lk_err *e)
{
	int rc;

	if (s->readonly)
		return store_fail_readonly(s, e);
	if ((rc = need_table(s, e)) != 0 || (rc = store_izin(s, AKSI_PENANDA, e)) != 0)
		return rc;
	if (!is_fingerprint(sha256))
		lk_fatal("store_signer: not a SHA-256 fingerprint");
	if ((rc = store_begin(s, e)) != 0)
		return rc;
	if ((rc = store_instansi_id(s, instansi, iid, e)) != 0)
		store_rollback(s);
	return rc;
}

static int
end(store *s, int rc, lk_err *e)
{
	if (rc == 0)
		return store_commit(s, e);
	store_rollback(s);
	return rc;
}

int
store_signer_add(store *s, const store_signer *g, lk_err *e)
{
	drv_st *st = NULL;
	int64_t iid = 0;
	char now[32];
	int rc;

	if (g->pem == NULL || g->subject == NULL)
		lk_fatal("store_signer_add: no certificate");
	if ((rc = begin(s, g->instansi, g->sha256, &iid, e)) != 0)
		return rc;
	store_now(now);
	/* A removed certificate may be registered again. */
	if (g->pihak == 2 && s->version < STORE_VERSION_PK)
		rc = lk_fail(e, EX_DATAERR, _("%s: the database is older than "
			     "the signers of pihak kedua: open it once for "
			     "writing to upgrade it"), s->path);
	else if (s->version >= STORE_VERSION_PK)
		rc = store_stmt(s, &st, "INSERT INTO signer (instansi_id, sha256,"
			" subject, serial_number, not_before, not_after, pem,"
			" added_by, added_at, pihak)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
			" ON CONFLICT (instansi_id, sha256) DO UPDATE SET"
			" added_by = ?8, added_at = ?9, removed_by = NULL,"
			" removed_at = NULL, pihak = ?10"
			" WHERE signer.removed_at IS NOT NULL", e);
	else
		rc = store_stmt(s, &st, "INSERT INTO signer (instansi_id, sha256, subject,"
			" serial_number, not_before, not_after, pem, added_by, added_at)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
			" ON CONFLICT (instansi_id, sha256) DO UPDATE SET"
			" added_by = ?8, added_at = ?9, removed_by = NULL,"
			" removed_at = NULL WHERE signer.removed_at IS NOT NULL", e);
	if (rc == 0) {
		store_bind_int(s, st, 1, iid);
		store_bind_text(s, st, 2, g->sha256);
		store_bind_text(s, st, 3, g->subject);
		store_bind_text(s, st, 4, g->serial_number ? g->serial_number : "");
		store_bind_int(s, st, 5, g->not_before);
		store_bind_int(s, st, 6, g->not_after);
		store_bind_text(s, st, 7, g->pem);
		store_bind_text(s, st, 8, s->actor);
		store_bind_text(s, st, 9, now);
		if (s->version >= STORE_VERSION_PK)
			store_bind_int(s, st, 10, g->pihak == 2 ? 2 : 1);
		rc = store_run(s, st, e);
	}
	drv_finalize(st);
	if (rc == 0 && drv_changes(s->db) == 0)
		rc = lk_fail(e, EX_DATAERR, _("%s: this certificate is already "
			     "registered for %s"), s->path, g->instansi);
	if (rc == 0)
		rc = store_audit6(s, "signer-add", g->instansi, "signer", g->sha256,
				  "subject", NULL, g->subject, e);
	if (rc == 0 && g->pihak == 2)
		rc = store_audit6(s, "signer-add", g->instansi, "signer", g->sha256,
				  "pihak", NULL, "2", e);
	return end(s, rc, e);
}

int
store_signer_remove(store *s, const char *instansi, const char *sha256,
		    lk_err *e)
{
	drv_st *st = NULL;
	int64_t iid = 0;
	char now[32];
	int rc;

	if ((rc = begin(s, instansi, sha256, &iid, e)) != 0)
		return rc;
	store_now(now);
	rc = store_stmt(s, &st, "UPDATE signer SET removed_by = ?3, removed_at = ?4"
			" WHERE instansi_id = ?1 AND sha256 = ?2"
			" AND removed_at IS NULL", e);
	if (rc == 0) {
		store_bind_int(s, st, 1, iid);
		store_bind_text(s, st, 2, sha256);
		store_bind_text(s, st, 3, s->actor);
		store_bind_text(s, st, 4, now);
		rc = store_run(s, st, e);
	}
	drv_finalize(st);
	if (rc == 0 && drv_changes(s->db) == 0)
		rc = lk_fail(e, EX_DATAERR, _("%s: no registered certificate %.16s... "
			     "for %s"), s->path, sha256, instansi);
	if (rc == 0)
		rc = store_audit6(s, "signer-remove", instansi, "signer", sha256,
				  "removed", NULL, now, e);
	return end(s, rc, e);
}
