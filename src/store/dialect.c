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
	/* One writer at a time, as SQLite's write lock: on PostgreSQL a
	 * transaction-scoped advisory lock taken first (the application id
	 * as its key), waited for up to lock_timeout (the busy timeout),
	 * then DRV_BUSY.  Writers in turn cannot lose an update; readers
	 * are never blocked. */
	[DRV_SQL_BEGIN_WRITE] = {
		[DRV_SQLITE] = "BEGIN IMMEDIATE",
		[DRV_PG] = "BEGIN ISOLATION LEVEL READ COMMITTED;"
			   " SELECT pg_advisory_xact_lock(1280002384)",
	},
	[DRV_SQL_BEGIN_READ] = {
		[DRV_SQLITE] = "BEGIN",
		[DRV_PG] = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
	},
	/* SQLite's next rowid is always max(id) + 1 */
	[DRV_SQL_ID_AFTER_COPY] = {
		[DRV_SQLITE] = "SELECT '%1$s'",
		[DRV_PG] = "SELECT setval(pg_get_serial_sequence('%1$s', 'id'),"
			   " coalesce(max(id), 0) + 1, false) FROM %1$s",
	},
	[DRV_SQL_AGG_LINES] = {
		[DRV_SQLITE] = "group_concat(teks, char(10))",
		[DRV_PG] = "string_agg(teks, chr(10) ORDER BY urutan)",
	},
	[DRV_SQL_AGG_TABS] = {
		[DRV_SQLITE] = "group_concat(teks, char(9))",
		[DRV_PG] = "string_agg(teks, chr(9) ORDER BY urutan)",
	},
	[DRV_SQL_AGG_CAT] = {
		[DRV_SQLITE] = "group_concat(teks, '')",
		[DRV_PG] = "string_agg(teks, '' ORDER BY urutan)",
	},
};

const char *
drv_sql(const drv_db *db, enum drv_sql_id id)
{
	return sql_of[id][drv_dialect(db)];
}
