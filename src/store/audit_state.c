/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* audit_state.c - the tables that decide who signed what, held against
 * the audit chain.
 *
 * Owns: store_audit_state.  A whole chain says nothing of a row changed
 * behind lakip's back (sqlite3 on the file), since such a change writes no
 * record.  For the tables of trust the chain holds enough to tell what
 * the rows must be: every admin is one a record made, every stored
 * signed version has its finalise record with the same SHA-256, every
 * quarter's lock is what its last lock or unlock record says, every
 * registered signer is what its last add or remove record says, every
 * template version has its record with the same SHA-256 (and its text
 * that SHA-256) -- and no such record lacks its row.  One query per rule;
 * the first row that breaks one is named.
 */
#include "config.h"
#include "store/store_int.h"
#include "store/workflow.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/hex.h"

#include <openssl/sha.h>

#define SCOPE_TW "i.kode || '/' || r.tahun || '/TW' || t.nomor"

static const struct rule {
	int version;             /* the schema version that has the table */
	const char *what;        /* N_: what the row is, "%s" the name */
	const char *sql;         /* one column: the name of a bad row */
} rules[] = {
	{ STORE_VERSION_WORKFLOW,
	  N_("the admin %s is not one the audit log made"),
	  "SELECT u.login FROM users u WHERE u.role = 'admin'"
	  " AND coalesce((SELECT a.new FROM audit a WHERE a.tbl = 'users'"
	  " AND a.kode = u.login AND a.field = 'role' ORDER BY a.id DESC LIMIT 1),"
	  " '') <> 'admin' ORDER BY u.login LIMIT 1" },
	{ STORE_VERSION_WORKFLOW,
	  N_("the admin %s of the audit log is not in the database"),
	  "SELECT a.kode FROM audit a WHERE a.tbl = 'users' AND a.field = 'role'"
	  " AND a.new = 'admin' AND a.id = (SELECT max(b.id) FROM audit b"
	  " WHERE b.tbl = 'users' AND b.field = 'role' AND b.kode = a.kode)"
	  " AND NOT EXISTS (SELECT 1 FROM users u WHERE u.login = a.kode"
	  " AND u.role = 'admin') ORDER BY a.id LIMIT 1" },
	{ STORE_VERSION_WORKFLOW,
	  N_("signed report %s differs from its finalise record"),
	  "SELECT " SCOPE_TW " || ' version ' || g.version FROM signed_report g"
	  " JOIN triwulan t ON t.id = g.triwulan_id"
	  " JOIN rencana r ON r.id = t.rencana_id"
	  " JOIN instansi i ON i.id = r.instansi_id"
	  " WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.tbl = 'signed_report'"
	  " AND a.field = 'pdf_sha256' AND a.scope = " SCOPE_TW
	  " AND a.kode = CAST(g.version AS TEXT) AND a.new = g.pdf_sha256)"
	  " ORDER BY g.id LIMIT 1" },
	{ STORE_VERSION_WORKFLOW,
	  N_("signed report %s of the audit log is not in the database"),
	  "SELECT a.scope || ' version ' || a.kode FROM audit a"
	  " WHERE a.tbl = 'signed_report' AND a.field = 'pdf_sha256'"
	  " AND NOT EXISTS (SELECT 1 FROM signed_report g"
	  " JOIN triwulan t ON t.id = g.triwulan_id"
	  " JOIN rencana r ON r.id = t.rencana_id"
	  " JOIN instansi i ON i.id = r.instansi_id"
	  " WHERE " SCOPE_TW " = a.scope AND CAST(g.version AS TEXT) = a.kode)"
	  " ORDER BY a.id LIMIT 1" },
	{ STORE_VERSION_WORKFLOW,
	  N_("the lock of %s is not what its last lock or unlock record says"),
	  "SELECT " SCOPE_TW " FROM triwulan t"
	  " JOIN rencana r ON r.id = t.rencana_id"
	  " JOIN instansi i ON i.id = r.instansi_id"
	  " LEFT JOIN quarter_lock q ON q.triwulan_id = t.id"
	  " WHERE CAST(coalesce(q.locked, 0) AS TEXT) <> coalesce((SELECT a.new"
	  " FROM audit a WHERE a.tbl = 'quarter_lock' AND a.field = 'locked'"
	  " AND a.scope = " SCOPE_TW " ORDER BY a.id DESC LIMIT 1), '0')"
	  " ORDER BY t.id LIMIT 1" },
	{ STORE_VERSION_SIGNER,
	  N_("the signer certificate %s is not what its last record says"),
	  "SELECT i.kode || ' ' || g.sha256 FROM signer g"
	  " JOIN instansi i ON i.id = g.instansi_id"
	  " WHERE (g.removed_at IS NULL) <> (coalesce((SELECT a.action FROM audit a"
	  " WHERE a.tbl = 'signer' AND a.scope = i.kode AND a.kode = g.sha256"
	  " ORDER BY a.id DESC LIMIT 1), '') = 'signer-add')"
	  " OR NOT EXISTS (SELECT 1 FROM audit a WHERE a.tbl = 'signer'"
	  " AND a.scope = i.kode AND a.kode = g.sha256 AND a.action = 'signer-add'"
	  " AND a.new = g.subject)"
	  " ORDER BY g.id LIMIT 1" },
	{ STORE_VERSION_SIGNER,
	  N_("the signer certificate %s of the audit log is not in the database"),
	  "SELECT a.scope || ' ' || a.kode FROM audit a WHERE a.tbl = 'signer'"
	  " AND NOT EXISTS (SELECT 1 FROM signer g JOIN instansi i"
	  " ON i.id = g.instansi_id WHERE i.kode = a.scope AND g.sha256 = a.kode)"
	  " ORDER BY a.id LIMIT 1" },
	{ STORE_VERSION_PK,
	  N_("the signer certificate %s is not what its last record says"),
	  "SELECT i.kode || ' ' || g.sha256 FROM signer g"
	  " JOIN instansi i ON i.id = g.instansi_id"
	  " WHERE g.pihak <> (CASE WHEN EXISTS (SELECT 1 FROM audit a"
	  " WHERE a.tbl = 'signer' AND a.scope = i.kode AND a.kode = g.sha256"
	  " AND a.field = 'pihak' AND a.new = '2' AND a.id > (SELECT max(b.id)"
	  " FROM audit b WHERE b.tbl = 'signer' AND b.scope = i.kode"
	  " AND b.kode = g.sha256 AND b.field = 'subject')) THEN 2 ELSE 1 END)"
	  " ORDER BY g.id LIMIT 1" },
	{ STORE_VERSION_PK,
	  N_("signed agreement %s differs from its finalise record"),
	  "SELECT i.kode || '/' || r.tahun || ' version ' || g.version || ' pihak '"
	  " || g.pihak FROM pk_signed g"
	  " JOIN rencana r ON r.id = g.rencana_id"
	  " JOIN instansi i ON i.id = r.instansi_id"
	  " WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.tbl = 'pk_signed'"
	  " AND a.field = 'pdf_sha256' AND a.scope = i.kode || '/' || r.tahun"
	  " AND a.kode = g.version || '/' || g.pihak AND a.new = g.pdf_sha256)"
	  " ORDER BY g.id LIMIT 1" },
	{ STORE_VERSION_PK,
	  N_("signed agreement %s of the audit log is not in the database"),
	  "SELECT a.scope || ' ' || a.kode FROM audit a"
	  " WHERE a.tbl = 'pk_signed' AND a.field = 'pdf_sha256'"
	  " AND NOT EXISTS (SELECT 1 FROM pk_signed g"
	  " JOIN rencana r ON r.id = g.rencana_id"
	  " JOIN instansi i ON i.id = r.instansi_id"
	  " WHERE i.kode || '/' || r.tahun = a.scope"
	  " AND g.version || '/' || g.pihak = a.kode)"
	  " ORDER BY a.id LIMIT 1" },
	{ STORE_VERSION_PK,
	  N_("the unlocking of agreement %s is not what its record says"),
	  "SELECT i.kode || '/' || r.tahun || ' version ' || u.version"
	  " FROM pk_unlock u JOIN rencana r ON r.id = u.rencana_id"
	  " JOIN instansi i ON i.id = r.instansi_id"
	  " WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.tbl = 'pk_unlock'"
	  " AND a.scope = i.kode || '/' || r.tahun"
	  " AND a.kode = u.version || '/2' AND a.new = u.reason)"
	  " ORDER BY u.id LIMIT 1" },
	{ STORE_VERSION_PK,
	  N_("the unlocking of agreement %s of the audit log is not in the database"),
	  "SELECT a.scope || ' ' || a.kode FROM audit a WHERE a.tbl = 'pk_unlock'"
	  " AND NOT EXISTS (SELECT 1 FROM pk_unlock u"
	  " JOIN rencana r ON r.id = u.rencana_id"
	  " JOIN instansi i ON i.id = r.instansi_id"
	  " WHERE i.kode || '/' || r.tahun = a.scope"
	  " AND u.version || '/2' = a.kode)"
	  " ORDER BY a.id LIMIT 1" },
	{ STORE_VERSION_LKJIP,
	  N_("signed LKjIP %s differs from its finalise record"),
	  "SELECT i.kode || '/' || r.tahun || ' version ' || g.version"
	  " FROM lkjip_signed g"
	  " JOIN rencana r ON r.id = g.rencana_id"
	  " JOIN instansi i ON i.id = r.instansi_id"
	  " WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.tbl = 'lkjip_signed'"
	  " AND a.field = 'pdf_sha256' AND a.scope = i.kode || '/' || r.tahun"
	  " AND a.kode = g.version || '/' || g.pihak AND a.new = g.pdf_sha256)"
	  " OR NOT EXISTS (SELECT 1 FROM audit a WHERE a.tbl = 'lkjip_signed'"
	  " AND a.field = 'content_sha256' AND a.scope = i.kode || '/' || r.tahun"
	  " AND a.kode = g.version || '/' || g.pihak AND a.new = g.content_sha256)"
	  " OR NOT EXISTS (SELECT 1 FROM audit a WHERE a.tbl = 'lkjip_signed'"
	  " AND a.field = 'cert_sha256' AND a.scope = i.kode || '/' || r.tahun"
	  " AND a.kode = g.version || '/' || g.pihak AND a.new = g.cert_sha256)"
	  " ORDER BY g.id LIMIT 1" },
	{ STORE_VERSION_LKJIP,
	  N_("signed LKjIP %s of the audit log is not in the database"),
	  "SELECT a.scope || ' ' || a.kode FROM audit a"
	  " WHERE a.tbl = 'lkjip_signed' AND a.field = 'pdf_sha256'"
	  " AND NOT EXISTS (SELECT 1 FROM lkjip_signed g"
	  " JOIN rencana r ON r.id = g.rencana_id"
	  " JOIN instansi i ON i.id = r.instansi_id"
	  " WHERE i.kode || '/' || r.tahun = a.scope"
	  " AND g.version || '/' || g.pihak = a.kode)"
	  " ORDER BY a.id LIMIT 1" },
	{ STORE_VERSION_LKJIP,
	  N_("the unlocking of LKjIP %s is not what its record says"),
	  "SELECT i.kode || '/' || r.tahun || ' version ' || u.version"
	  " FROM lkjip_unlock u JOIN rencana r ON r.id = u.rencana_id"
	  " JOIN instansi i ON i.id = r.instansi_id"
	  " WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.tbl = 'lkjip_unlock'"
	  " AND a.scope = i.kode || '/' || r.tahun"
	  " AND a.kode = u.version || '/1' AND a.new = u.reason)"
	  " ORDER BY u.id LIMIT 1" },
	{ STORE_VERSION_LKJIP,
	  N_("the unlocking of LKjIP %s of the audit log is not in the database"),
	  "SELECT a.scope || ' ' || a.kode FROM audit a WHERE a.tbl = 'lkjip_unlock'"
	  " AND NOT EXISTS (SELECT 1 FROM lkjip_unlock u"
	  " JOIN rencana r ON r.id = u.rencana_id"
	  " JOIN instansi i ON i.id = r.instansi_id"
	  " WHERE i.kode || '/' || r.tahun = a.scope"
	  " AND u.version || '/1' = a.kode)"
	  " ORDER BY a.id LIMIT 1" },
	{ STORE_VERSION_PREDIKAT,
	  N_("template version %s differs from its record"),
	  "SELECT i.kode || ' ' || g.versi FROM instansi_template g"
	  " JOIN instansi i ON i.id = g.instansi_id"
	  " WHERE NOT EXISTS (SELECT 1 FROM audit a"
	  " WHERE a.tbl = 'instansi_template' AND a.scope = i.kode"
	  " AND a.kode = CAST(g.versi AS TEXT) AND a.new IS NOT DISTINCT FROM g.sha256)"
	  " OR (g.yaml IS NULL) <> (g.sha256 IS NULL)"
	  " OR (g.yaml IS NOT NULL AND length(g.sha256) <> 64)"
	  " ORDER BY g.id LIMIT 1" },
	{ STORE_VERSION_PK,
	  N_("template version %s differs from its record"),
	  "SELECT i.kode || ' ' || g.versi FROM instansi_template g"
	  " JOIN instansi i ON i.id = g.instansi_id"
	  " WHERE g.dokumen IS DISTINCT FROM coalesce((SELECT a.new FROM audit a"
	  " WHERE a.tbl = 'instansi_template' AND a.scope = i.kode"
	  " AND a.kode = CAST(g.versi AS TEXT) AND a.field = 'dokumen'"
	  " ORDER BY a.id DESC LIMIT 1), 'laporan')"
	  " ORDER BY g.id LIMIT 1" },
	{ STORE_VERSION_PREDIKAT,
	  N_("template version %s of the audit log is not in the database"),
	  "SELECT a.scope || ' ' || a.kode FROM audit a"
	  " WHERE a.tbl = 'instansi_template' AND NOT EXISTS (SELECT 1"
	  " FROM instansi_template g JOIN instansi i ON i.id = g.instansi_id"
	  " WHERE i.kode = a.scope AND CAST(g.versi AS TEXT) = a.kode)"
	  " ORDER BY a.id LIMIT 1" },
};

/* The text of each template version is the one its SHA-256 (in the
 * record) names. */
static int
template_texts(store *s, char *why, size_t n, lk_err *e)
{
	drv_st *st = NULL;
	int rc;

	if (s->version < STORE_VERSION_PREDIKAT)
		return 0;
	if ((rc = store_stmt(s, &st, "SELECT i.kode, g.versi, g.yaml, g.sha256"
			     " FROM instansi_template g JOIN instansi i"
			     " ON i.id = g.instansi_id WHERE g.yaml IS NOT NULL"
			     " ORDER BY g.id", e)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		const char *y = drv_col_text(st, 2);
		const char *h = drv_col_text(st, 3);
		unsigned char md[SHA256_DIGEST_LENGTH];
		char hex[65];

		SHA256((const unsigned char *)y, drv_col_bytes(st, 2), md);
		lk_hex(md, SHA256_DIGEST_LENGTH, hex);
		if (h != NULL && strcmp(hex, h) == 0)
			continue;
		snprintf(why, n, _("the text of template version %s %d is not the "
			 "one recorded"), drv_col_text(st, 0),
			 (int)drv_col_int(st, 1));
		drv_finalize(st);
		return lk_fail(e, EX_DATAERR, _("%s: changed behind lakip's back: %s"),
			       s->path, why);
	}
	drv_finalize(st);
	return rc == DRV_DONE ? 0 : store_fail(s, rc, e, NULL);
}

int
store_audit_state(store *s, char *why, size_t n, lk_err *e)
{
	if (n > 0)
		why[0] = '\0';
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		drv_st *st = NULL;
		int rc;

		if (s->version < rules[i].version)
			continue;
		if ((rc = store_stmt(s, &st, rules[i].sql, e)) != 0)
			return rc;
		rc = drv_step(st);
		if (rc == DRV_ROW) {
			const char *name = drv_col_text(st, 0);

			snprintf(why, n, _(rules[i].what), name ? name : "?");
			drv_finalize(st);
			return lk_fail(e, EX_DATAERR, _("%s: changed behind lakip's "
				       "back: %s"), s->path, why);
		}
		drv_finalize(st);
		if (rc != DRV_DONE)
			return store_fail(s, rc, e, NULL);
	}
	int rc = template_texts(s, why, n, e);

	return rc != 0 ? rc : store_audit_data(s, why, n, e);
}
