/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* dialect.c - the statements whose SQL differs between SQLite and
 * PostgreSQL, in one table.
 *
 * Owns: drv_sql.  Every other statement of the store is written once, in
 * the SQL both accept; a statement is added here only when no common
 * form exists.
 */
#include "config.h"
#include "store/drv.h"

static const char *const sql_of[DRV_SQL_N][DRV_N_DIALECT] = {
	[DRV_SQL_BEGIN_WRITE] = {
		[DRV_SQLITE] = "BEGIN IMMEDIATE",
		/* every writer serialisable: a conflict is DRV_BUSY, retried */
		[DRV_PG] = "BEGIN ISOLATION LEVEL SERIALIZABLE",
	},
	[DRV_SQL_AGG_LINES] = {
		[DRV_SQLITE] = "group_concat(teks, char(10))",
		[DRV_PG] = "string_agg(teks, chr(10) ORDER BY urutan)",
	},
};

const char *
drv_sql(const drv_db *db, enum drv_sql_id id)
{
	return sql_of[id][drv_dialect(db)];
}
