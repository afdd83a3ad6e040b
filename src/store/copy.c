/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* copy.c - a whole database copied into another, either backend to
 * either.
 *
 * Owns: store_copy and the list of tables in the order their foreign
 * keys allow.  Every row of every table is copied with its id, its
 * values as they are (integers, texts, the signed PDFs byte for byte),
 * so the audit chain's hashes, the signed versions' hashes and every
 * reference stay what they were.  The target is a database just made
 * (its first admin and that record are replaced by the source's); the
 * copy is one transaction on the target, read from one snapshot of the
 * source: all or nothing.
 */
#include "config.h"
#include "store/store_int.h"
#include "store/drv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "core/i18n.h"

/* Every table of the schema, parents before children.  A test compares
 * it with the schema (a table left out would not be copied). */
const char *const store_copy_tables[] = {
	"instansi", "bidang", "rencana", "sasaran", "iku", "iku_target_tw",
	"program", "program_target_tw", "program_sasaran", "triwulan",
	"realisasi_iku", "realisasi_program", "narasi", "tabel", "tabel_kolom",
	"tabel_sel", "permasalahan", "tindak_lanjut", "teks_ganti",
	"quarter_lock", "unlock_history", "signed_report", "audit", "signer",
	"users", "user_peran", "user_peran_bidang", "instansi_predikat",
	"instansi_template", "renstra", "iku_tahunan", "iku_tahun",
	"iku_kategori", "keterangan", "tahunan", "tahunan_realisasi_iku",
	"tahunan_realisasi_program", "tahunan_daftar", "tahunan_narasi",
	"tahunan_tabel", "tahunan_tabel_sel", "teks_ganti_tahunan",
	"perjanjian", "review_state", "review_event", "pk_signed", "pk_unlock",
	"lkjip_signed", "lkjip_unlock",
};
const size_t store_n_copy_tables =
	sizeof store_copy_tables / sizeof store_copy_tables[0];

/* What the target may hold before the copy: what its creation made. */
static int
target_empty(store *to, lk_err *e)
{
	static const char *const sql[] = {
		"SELECT count(*) FROM instansi",
		"SELECT count(*) FROM users",
		"SELECT count(*) FROM audit",
	};
	static const int64_t most[] = { 0, 1, 1 };
	size_t i;

	for (i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		drv_st *st = NULL;
		int64_t n = 0;
		int rc = drv_prepare(to->db, sql[i], &st);

		if (rc == DRV_OK && (rc = drv_step(st)) == DRV_ROW) {
			n = drv_col_int(st, 0);
			rc = DRV_OK;
		}
		drv_finalize(st);
		if (rc != DRV_OK)
			return store_fail(to, rc, e, _("cannot read the database"));
		if (n > most[i])
			return lk_fail(e, EX_CANTCREAT,
				       _("%s: the target already holds data: lakip copy "
					 "writes only into a new, empty database"),
				       to->path);
	}
	return 0;
}

/* INSERT INTO tbl (c1, ..., cn) VALUES (?1, ..., ?n) */
static char *
insert_sql(const char *tbl, drv_st *sel)
{
	int n = drv_col_count(sel), i;
	size_t cap = 64 + strlen(tbl), off;
	char *sql;

	for (i = 0; i < n; i++)
		cap += strlen(drv_col_name(sel, i)) + 16;
	if ((sql = malloc(cap)) == NULL)
		lk_fatal("out of memory");
	off = (size_t)snprintf(sql, cap, "INSERT INTO %s (", tbl);
	for (i = 0; i < n; i++)
		off += (size_t)snprintf(sql + off, cap - off, "%s%s",
					i ? ", " : "", drv_col_name(sel, i));
	off += (size_t)snprintf(sql + off, cap - off, ") VALUES (");
	for (i = 0; i < n; i++)
		off += (size_t)snprintf(sql + off, cap - off, "%s?%d",
					i ? ", " : "", i + 1);
	snprintf(sql + off, cap - off, ")");
	return sql;
}

static bool
has_id(drv_st *sel)
{
	int i, n = drv_col_count(sel);

	for (i = 0; i < n; i++)
		if (strcmp(drv_col_name(sel, i), "id") == 0)
			return true;
	return false;
}

static int
bind_col(drv_st *ins, drv_st *sel, int i)
{
	switch (drv_col_type(sel, i)) {
	case DRV_NULL:
		return drv_bind_null(ins, i + 1);
	case DRV_INTEGER:
		return drv_bind_int(ins, i + 1, drv_col_int(sel, i));
	case DRV_BLOB:
		return drv_bind_blob(ins, i + 1, drv_col_blob(sel, i),
				     drv_col_bytes(sel, i));
	default:
		return drv_bind_text(ins, i + 1, drv_col_text(sel, i));
	}
}

static int
copy_table(store *from, store *to, const char *tbl, int64_t *rows,
	   lk_err *e)
{
	char sql[256];
	drv_st *sel = NULL, *ins = NULL;
	store *side = from;     /* where a failure happened */
	char *isql = NULL;
	int rc, i;

	snprintf(sql, sizeof sql, "SELECT * FROM %s", tbl);
	if ((rc = drv_prepare(from->db, sql, &sel)) != DRV_OK)
		return store_fail(from, rc, e, _("cannot read the database"));
	while ((rc = drv_step(sel)) == DRV_ROW) {
		side = to;
		if (ins == NULL) {
			isql = insert_sql(tbl, sel);
			if ((rc = drv_prepare(to->db, isql, &ins)) != DRV_OK)
				break;
		}
		for (i = 0, rc = DRV_OK; i < drv_col_count(sel) && rc == DRV_OK; i++)
			rc = bind_col(ins, sel, i);
		if (rc != DRV_OK || (rc = drv_step(ins)) != DRV_DONE)
			break;
		drv_reset(ins);
		(*rows)++;
		side = from;
	}
	if (rc == DRV_DONE && has_id(sel)) {
		side = to;
		snprintf(sql, sizeof sql, drv_sql(to->db, DRV_SQL_ID_AFTER_COPY),
			 tbl);
		rc = drv_exec(to->db, sql) == DRV_OK ? DRV_DONE : to->db->last_rc;
	}
	rc = rc == DRV_DONE ? 0 : store_fail(side, rc, e, _("cannot copy"));
	drv_finalize(ins);
	drv_finalize(sel);
	free(isql);
	return rc;
}

int
store_copy(store *from, store *to, store_copy_result *res, lk_err *e)
{
	size_t i;
	int rc;

	memset(res, 0, sizeof *res);
	if (from->version != to->version)
		return lk_fail(e, EX_DATAERR,
			       _("%s: schema version %d, %s: %d: open the older with "
				 "this lakip once (it migrates) before the copy"),
			       from->path, from->version, to->path, to->version);
	if ((rc = store_read_begin(from, e)) != 0)
		return rc;
	if ((rc = store_begin(to, e)) != 0)
		goto out;
	if ((rc = target_empty(to, e)) != 0)
		goto fail;
	/* what the target's creation wrote goes: the source's own users
	 * and chain take its place */
	for (i = store_n_copy_tables; i-- > 0;) {
		char sql[96];

		snprintf(sql, sizeof sql, "DELETE FROM %s", store_copy_tables[i]);
		if ((rc = store_exec(to, sql, e)) != 0)
			goto fail;
	}
	for (i = 0; i < store_n_copy_tables; i++) {
		int64_t rows = 0;

		if ((rc = copy_table(from, to, store_copy_tables[i], &rows, e)) != 0)
			goto fail;
		res->tables++;
		res->rows += rows;
	}
	to->audit_cached = false;
	rc = store_commit(to, e);
	goto out;
fail:
	store_rollback(to);
out:
	{
		lk_err ignored;

		store_read_end(from, &ignored);
	}
	return rc;
}

int
store_copy_to(store *from, const char *to_name, store_copy_result *res,
	      lk_err *e)
{
	bool file = !store_is_server(to_name);
	store *to = NULL;
	int rc;

	memset(res, 0, sizeof *res);
	/* a file is made by the copy; a server's database is made by its
	 * administrator and must be empty */
	if (file && store_exists(to_name))
		return lk_fail(e, EX_CANTCREAT,
			       _("%s: already exists: lakip copy writes only into a "
				 "new database"), to_name);
	if ((rc = store_open(to_name, STORE_CREATE, &to, e)) != 0)
		return rc;
	rc = store_copy(from, to, res, e);
	store_close(to);
	if (rc != 0 && file) {
		static const char *const side[] = { "", "-wal", "-shm" };
		size_t i;

		for (i = 0; i < sizeof side / sizeof side[0]; i++) {
			char f[4096];

			snprintf(f, sizeof f, "%s%s", to_name, side[i]);
			if (unlink(f) != 0 && errno != ENOENT)
				store_warn(_("%s: cannot remove: %s"), f,
					   strerror(errno));
		}
	}
	return rc;
}
