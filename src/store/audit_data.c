/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* audit_data.c - the figures and names of the plans, and the roles in
 * each agency, held against the audit chain.
 *
 * Owns: store_audit_data.  Every save writes a record per field it
 * changes (save_audit.c), so for each field the chain names, its last
 * record says what the table must hold now: a realisation of 130 that
 * sqlite3 made 190 is named, though the chain itself is whole.  Per rule
 * (a table's field): the last record of each key (scope, kode) joined to
 * the row it speaks of, and compared in the record's own form (numbers in
 * machine form, dec_format_machine).  A key whose entity (the IKU, the
 * program, the sasaran) was inserted or deleted after its last record
 * says nothing (an insert records the name, not every field).  Where the
 * chain records every row (realisations: each quarter's save records
 * each; names: each insert records it), a row without any record is
 * named too.  Records are read with a window over the chain, one query a
 * rule: linear in the chain's length.
 */
#include "config.h"
#include "store/store_int.h"
#include "store/workflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dec.h"
#include "core/i18n.h"

#define PLAN "i.kode || '/' || n.tahun"
#define TW PLAN " || '/TW' || t.nomor"
#define FROM_PLAN " JOIN rencana n ON n.id = x.rencana_id" \
	" JOIN instansi i ON i.id = n.instansi_id"

enum { TEXT = -1 };

/* A quarterly target of an IKU or a program (field target_twN). */
#define TARGET_TW(tbl, scale, n) \
	{ STORE_VERSION_WORKFLOW, tbl, "target_tw" #n, tbl, false, scale, false, \
	  "SELECT " PLAN ", x.kode, q.target FROM " tbl " x" \
	  " JOIN " tbl "_target_tw q ON q." tbl "_id = x.id AND q.triwulan = " #n \
	  FROM_PLAN }
/* A field of the quarter itself (its records have no kode; the key is
 * the quarter's scope, which its insert record names too). */
#define TRIWULAN_FROM " FROM triwulan t" \
	" JOIN rencana n ON n.id = t.rencana_id JOIN instansi i ON i.id = n.instansi_id"
#define TRIWULAN(field, expr) \
	{ STORE_VERSION_WORKFLOW, "triwulan", field, "triwulan", false, TEXT, false, \
	  "SELECT " TW ", NULL, " expr TRIWULAN_FROM }
/* A field of the quarter that is the texts of the table of its name, one
 * a line in their order (DRV_SQL_AGG_LINES, a dialect's): rule_sql
 * writes its cur. */
#define TRIWULAN_LINES(tbl) \
	{ STORE_VERSION_WORKFLOW, "triwulan", tbl, "triwulan", false, TEXT, false, \
	  NULL }

/* The supporting tables of a sasaran in a quarter as one text, the form
 * save_audit.c's tabel_text records: per table in its order its title, a
 * line of its columns and a line per row (cells joined by tabs, a row
 * without cells an empty line), then its note, each ended by a newline.
 * %1$s joins by tabs, %2$s by nothing (DRV_SQL_AGG_TABS, _CAT). */
static const char tabel_cur[] =
	"WITH RECURSIVE b (tabel_id, baris) AS ("
	" SELECT id, 0 FROM tabel WHERE jumlah_baris > 0 UNION ALL"
	" SELECT b.tabel_id, b.baris + 1 FROM b JOIN tabel x ON x.id = b.tabel_id"
	" WHERE b.baris + 1 < x.jumlah_baris),"
	" r (tabel_id, urutan, teks) AS (SELECT b.tabel_id, b.baris, '\n' ||"
	" coalesce((SELECT %1$s FROM (SELECT teks, kolom AS urutan FROM tabel_sel l"
	" WHERE l.tabel_id = b.tabel_id AND l.baris = b.baris ORDER BY kolom) AS l),"
	" '') FROM b),"
	" tt (triwulan_id, sasaran_id, urutan, teks) AS (SELECT x.triwulan_id,"
	" x.sasaran_id, x.urutan, coalesce(x.judul, '') || '\n' ||"
	" coalesce((SELECT %1$s FROM (SELECT teks, urutan FROM tabel_kolom l"
	" WHERE l.tabel_id = x.id ORDER BY urutan) AS l), '') ||"
	" coalesce((SELECT %2$s FROM (SELECT teks, urutan FROM r"
	" WHERE r.tabel_id = x.id ORDER BY urutan) AS l), '') || '\n' ||"
	" coalesce(x.catatan, '') || '\n' FROM tabel x)"
	" SELECT " TW ", s.kode, (SELECT %2$s FROM (SELECT teks, urutan FROM tt"
	" WHERE tt.triwulan_id = d.triwulan_id AND tt.sasaran_id = d.sasaran_id"
	" ORDER BY urutan) AS l)"
	" FROM (SELECT DISTINCT triwulan_id, sasaran_id FROM tabel) AS d"
	" JOIN sasaran s ON s.id = d.sasaran_id JOIN triwulan t ON t.id = d.triwulan_id"
	" JOIN rencana n ON n.id = t.rencana_id JOIN instansi i ON i.id = n.instansi_id";

static const struct data_rule {
	int version;              /* the schema version that has the tables */
	const char *tbl, *field;
	const char *entity;       /* the table of the row's entity */
	bool per_tw;              /* keys are quarter scopes (kode/tahun/TWn) */
	int scale;                /* TEXT, or the number's decimals */
	bool complete;            /* every row has a record */
	const char *cur;          /* scope, kode, value of each row; NULL:
	                           * TRIWULAN_LINES; tabel_cur: filled in
	                           * (rule_sql writes both) */
} rules[] = {
	{ STORE_VERSION_WORKFLOW, "realisasi_iku", "nilai", "iku", true, 4, true,
	  "SELECT " TW ", k.kode, r.nilai FROM realisasi_iku r"
	  " JOIN iku k ON k.id = r.iku_id JOIN triwulan t ON t.id = r.triwulan_id"
	  " JOIN rencana n ON n.id = t.rencana_id JOIN instansi i ON i.id = n.instansi_id" },
	{ STORE_VERSION_WORKFLOW, "realisasi_program", "nilai", "program", true, 2, true,
	  "SELECT " TW ", p.kode, r.nilai FROM realisasi_program r"
	  " JOIN program p ON p.id = r.program_id JOIN triwulan t ON t.id = r.triwulan_id"
	  " JOIN rencana n ON n.id = t.rencana_id JOIN instansi i ON i.id = n.instansi_id" },
	{ STORE_VERSION_WORKFLOW, "iku", "target", "iku", false, 4, false,
	  "SELECT " PLAN ", x.kode, x.target FROM iku x" FROM_PLAN },
	{ STORE_VERSION_WORKFLOW, "iku", "sasaran", "iku", false, TEXT, false,
	  "SELECT " PLAN ", x.kode, s.kode FROM iku x"
	  " JOIN sasaran s ON s.id = x.sasaran_id" FROM_PLAN },
	TARGET_TW("iku", 4, 1), TARGET_TW("iku", 4, 2),
	TARGET_TW("iku", 4, 3), TARGET_TW("iku", 4, 4),
	TARGET_TW("program", 2, 1), TARGET_TW("program", 2, 2),
	TARGET_TW("program", 2, 3), TARGET_TW("program", 2, 4),
	/* The quarter's texts: a sasaran's narrative, an IKU's note, the
	 * conclusion, the date, the obstacles and follow-ups (one text,
	 * lines in order, as save_audit.c writes them). */
	{ STORE_VERSION_WORKFLOW, "narasi", "teks", "sasaran", true, TEXT, true,
	  "SELECT " TW ", s.kode, x.teks FROM narasi x"
	  " JOIN sasaran s ON s.id = x.sasaran_id JOIN triwulan t ON t.id = x.triwulan_id"
	  " JOIN rencana n ON n.id = t.rencana_id JOIN instansi i ON i.id = n.instansi_id" },
	{ STORE_VERSION_REVIEW, "keterangan", "teks", "iku", true, TEXT, false,
	  "SELECT " TW ", k.kode, x.teks FROM keterangan x"
	  " JOIN iku k ON k.id = x.iku_id JOIN triwulan t ON t.id = x.triwulan_id"
	  " JOIN rencana n ON n.id = t.rencana_id JOIN instansi i ON i.id = n.instansi_id" },
	TRIWULAN("kesimpulan", "t.kesimpulan"),
	TRIWULAN("tanggal", "t.tanggal"),
	TRIWULAN_LINES("permasalahan"),
	TRIWULAN_LINES("tindak_lanjut"),
	{ STORE_VERSION_WORKFLOW, "tabel", "tabel", "sasaran", true, TEXT, true,
	  tabel_cur },
	{ STORE_VERSION_WORKFLOW, "iku", "uraian", "iku", false, TEXT, true,
	  "SELECT " PLAN ", x.kode, x.uraian FROM iku x" FROM_PLAN },
	{ STORE_VERSION_WORKFLOW, "iku", "satuan", "iku", false, TEXT, false,
	  "SELECT " PLAN ", x.kode, x.satuan FROM iku x" FROM_PLAN },
	{ STORE_VERSION_WORKFLOW, "iku", "polaritas", "iku", false, TEXT, false,
	  "SELECT " PLAN ", x.kode, x.polaritas FROM iku x" FROM_PLAN },
	{ STORE_VERSION_WORKFLOW, "program", "anggaran", "program", false, 2, false,
	  "SELECT " PLAN ", x.kode, x.anggaran FROM program x" FROM_PLAN },
	{ STORE_VERSION_WORKFLOW, "program", "uraian", "program", false, TEXT, true,
	  "SELECT " PLAN ", x.kode, x.uraian FROM program x" FROM_PLAN },
	{ STORE_VERSION_WORKFLOW, "sasaran", "uraian", "sasaran", false, TEXT, true,
	  "SELECT " PLAN ", x.kode, x.uraian FROM sasaran x" FROM_PLAN },
	/* a role in an agency: scope the agency, kode the login */
	{ STORE_VERSION_PERAN, "user_peran", "role", "user_peran", false, TEXT, true,
	  "SELECT i.kode, x.login, x.role FROM user_peran x"
	  " JOIN instansi i ON i.id = x.instansi_id" },
};

/* The field an entity's own insert and delete records name (a field
 * record that adds a value, such as a first quarterly target, is an
 * "insert" of that field, not of the entity). */
static const char *
entity_field(const char *entity)
{
	static const struct { const char *entity, *field; } f[] = {
		{ "triwulan", "tanggal" }, { "user_peran", "role" },
	};

	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		if (strcmp(f[i].entity, entity) == 0)
			return f[i].field;
	return "uraian";          /* iku, program, sasaran */
}

/* Each key's last record, the row it speaks of (NULL: none), and
 * whether its entity was inserted or deleted since; then (complete
 * rules) the rows no record speaks of. */
static char *
rule_sql(store *s, const struct data_rule *r)
{
	const char *entity_scope = r->per_tw ?
	    "substr(k.scope, 1, length(k.scope) - 4)" : "k.scope";
	char *sql = NULL, cur[4096];
	size_t len = 0;
	FILE *f;
	int w;

	if (r->cur == NULL)
		w = snprintf(cur, sizeof cur, "SELECT " TW ", NULL, (SELECT %s FROM"
			     " (SELECT teks, urutan FROM %s WHERE triwulan_id = t.id"
			     " ORDER BY urutan) AS l)" TRIWULAN_FROM,
			     drv_sql(s->db, DRV_SQL_AGG_LINES), r->field);
	else if (r->cur == tabel_cur)
		w = snprintf(cur, sizeof cur, tabel_cur,
			     drv_sql(s->db, DRV_SQL_AGG_TABS),
			     drv_sql(s->db, DRV_SQL_AGG_CAT));
	else
		w = snprintf(cur, sizeof cur, "%s", r->cur);
	if (w < 0 || (size_t)w >= sizeof cur)
		lk_fatal("rule_sql: the query of %s.%s is too long", r->tbl,
			 r->field);
	if ((f = open_memstream(&sql, &len)) == NULL)
		lk_fatal("out of memory");
	fprintf(f, "WITH k AS (SELECT scope, kode, new, id FROM (SELECT scope, kode,"
		" new, id, row_number() OVER (PARTITION BY scope, kode ORDER BY id DESC)"
		" AS rn FROM audit WHERE tbl = '%s' AND field = '%s') AS h"
		" WHERE rn = 1),"
		" e AS (SELECT scope, kode, max(id) AS id FROM audit WHERE tbl = '%s'"
		" AND field = '%s' AND action IN ('insert', 'delete')"
		" GROUP BY scope, kode),"
		" c (scope, kode, v) AS (%s)"
		" SELECT k.scope, k.kode, k.new, c.v, 1 FROM k"
		" LEFT JOIN c ON c.scope = k.scope"
		" AND c.kode IS NOT DISTINCT FROM k.kode"
		" WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.scope = %s"
		" AND e.kode IS NOT DISTINCT FROM k.kode AND e.id > k.id)",
		r->tbl, r->field, r->entity, entity_field(r->entity), cur,
		entity_scope);
	if (r->complete)
		fputs(" UNION ALL SELECT c.scope, c.kode, NULL, c.v, 0 FROM c"
		      " WHERE NOT EXISTS (SELECT 1 FROM k WHERE k.scope = c.scope"
		      " AND k.kode IS NOT DISTINCT FROM c.kode)", f);
	if (fclose(f) != 0)
		lk_fatal("out of memory");
	return sql;
}

/* The row's value in the record's form, or NULL. */
static const char *
current(drv_st *st, const struct data_rule *r, char buf[DEC_BUFSZ])
{
	if (drv_col_type(st, 3) == DRV_NULL)
		return NULL;
	if (r->scale == TEXT)
		return drv_col_text(st, 3);
	return dec_format_machine(drv_col_int(st, 3), r->scale, buf);
}

int
store_audit_data(store *s, char *why, size_t n, lk_err *e)
{
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		const struct data_rule *r = &rules[i];
		char *sql, buf[DEC_BUFSZ];
		drv_st *st = NULL;
		int rc;

		if (s->version < r->version)
			continue;
		sql = rule_sql(s, r);
		rc = drv_prepare(s->db, sql, &st);
		free(sql);
		if (rc != DRV_OK)
			return store_fail(s, rc, e, NULL);
		while ((rc = drv_step(st)) == DRV_ROW) {
			const char *scope = drv_col_text(st, 0);
			const char *kode = drv_col_text(st, 1);
			const char *rec = drv_col_text(st, 2);
			const char *now = current(st, r, buf);

			char what[256];

			/* "iku IKU5 target", "triwulan kesimpulan" */
			snprintf(what, sizeof what, "%s%s%s %s", r->tbl, kode ? " " : "",
				 kode ? kode : "", r->field);
			if ((int)drv_col_int(st, 4) == 0)
				snprintf(why, n, _("%s of %s is %s, and no record of "
					 "the audit log wrote it"), what,
					 scope ? scope : "?", now ? now : "-");
			else if (!store_streq(rec, now))
				snprintf(why, n, _("%s of %s is %s, the audit log "
					 "says %s"), what, scope ? scope : "?",
					 now ? now : "-", rec ? rec : "-");
			else
				continue;
			drv_finalize(st);
			return lk_fail(e, EX_DATAERR, _("%s: changed behind lakip's back: %s"),
				       s->path, why);
		}
		drv_finalize(st);
		if (rc != DRV_DONE)
			return store_fail(s, rc, e, NULL);
	}
	return 0;
}
