#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# pg.sh - what only a PostgreSQL server has: a server that cannot be
# reached, a database that is not there, another application's, a newer
# lakip's; no password in any message; the server's own rules, tried as
# a clerk with psql; eight writers at once; lakip copy between SQLite
# and PostgreSQL both ways, with the signed report and the audit chain
# holding on the copy.  Runs under tests/pg/on-pg.sh (a private cluster).
. "$(dirname "$0")/lib.sh"

if ! on_pg; then
	ok "pg # SKIP needs a PostgreSQL cluster (tests/pg/on-pg.sh)"
	finish
fi
sock=${LAKIP_TEST_PG#*host=}
Y="--tahun 2023 --triwulan 2"
# psql_as ROLE SQL: as that role would on its own connection.
psql_as() {
	psql -X -q -v ON_ERROR_STOP=1 "$DB" -c "SET SESSION AUTHORIZATION $1" \
		-c "$2" >"$T/psql.out" 2>&1
}

# --- bad names ------------------------------------------------------
lakip -d "postgresql://lakip:r4hasia@127.0.0.1:1/kantor" show $Y
expect_rc "a server that cannot be reached" 69
expect_in "names the server and database" "$T/stderr" "127.0.0.1:1/kantor"
if grep -q r4hasia "$T/stderr"; then not_ok "the password is shown" "$(cat "$T/stderr")"
else ok "the password is never shown"; fi

lakip -d "postgresql:///tidak_ada?host=$sock" show $Y
expect_rc "a database that is not there" 66
expect_in "says so" "$T/stderr" "no such database"

lakip -d "postgresql:///postgres?host=$sock&user=lk_nobody" show $Y
expect_rc "a role the server does not know" 77
expect_in "the server refused the login" "$T/stderr" "refused the login"

OTHER=$(new_db other)
db_sql "$OTHER" "CREATE TABLE pelanggan (id int)" >/dev/null
lakip -d "$OTHER" import "$FIXTURE"
expect_rc "another application's database" 65
expect_in "is not taken for lakip's" "$T/stderr" "not a lakip database"
expect_eq "and is left alone" "$(db_sql "$OTHER" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" 1

EMPTY=$(new_db empty)
lakip -d "$EMPTY" show $Y
expect_rc "an empty database is not read as one" 65
lakip -d "$EMPTY" init
expect_rc "init makes it one" 0
if grep -q "host=" "$T/stdout"; then not_ok "init prints the URI" "$(cat "$T/stdout")"
else ok "init names the server and database, not the URI"; fi

NEWER=$(new_db newer)
lakip -d "$NEWER" init
db_sql "$NEWER" "UPDATE lakip_meta SET value = 99 WHERE key = 'user_version'" >/dev/null
lakip -d "$NEWER" show $Y
expect_rc "a newer lakip's database" 65
expect_in "names the versions" "$T/stderr" "version 99 is newer"

# An older lakip's database (schema 12, before the agency's timestamp
# authority) is brought up to date by the first writing command, its
# data kept; the new column has the same check as on SQLite.
OLDER=$(new_db older)
lakip -d "$OLDER" import "$FIXTURE"
db_sql "$OLDER" "ALTER TABLE instansi DROP COLUMN tsa; UPDATE lakip_meta SET value = 12 WHERE key = 'user_version'" >/dev/null
lakip -d "$OLDER" show $Y
expect_rc "schema 12 is read as it is" 0
sed '/^instansi:/a\  tsa: https://tsa.example.go.id/tsr' "$FIXTURE" >"$T/tsa.yaml"
lakip -d "$OLDER" import "$T/tsa.yaml"
expect_rc "an import migrates it and sets instansi.tsa" 0
expect_eq "at version 13" "$(db_sql "$OLDER" "SELECT value FROM lakip_meta WHERE key = 'user_version'")" 13
lakip -d "$OLDER" export --tahun 2023
expect_in "the export holds it" "$T/stdout" "tsa: https://tsa.example.go.id/tsr"
if db_sql "$OLDER" "UPDATE instansi SET tsa = 'ftp://x'" >/dev/null 2>&1; then
	not_ok "the server refuses an instansi.tsa that is no URL"
else ok "the server refuses an instansi.tsa that is no URL"; fi

# --- a whole quarter, signed ----------------------------------------
DB=$(new_db a)
lakip -d "$DB" import "$FIXTURE_KET"
expect_rc "import" 0
approve_all "$DB"
test_key
lakip -d "$DB" signer set "$T/cert.pem"
expect_rc "signer registered" 0
LAKIP_P12_PASS=rahasia lakip -d "$DB" finalise $Y --p12 "$T/k.p12" -o "$T/s.pdf"
expect_rc "finalise on PostgreSQL" 0
lakip -d "$DB" verify "$T/s.pdf"
expect_rc "verify" 0
lakip -d "$DB" audit verify
expect_rc "audit verify" 0

# --- the server's rules, as a clerk with psql -------------------------
lakip -d "$DB" user add lk_budi --role operator
expect_rc "user add gives a role its rights" 0
expect_eq "the role exists on the server" \
	"$(db_sql "$DB" "SELECT count(*) FROM pg_roles WHERE rolname = 'lk_budi'")" 1
psql_as lk_budi "SELECT count(*) FROM iku" &&
	ok "the clerk reads" || not_ok "the clerk reads" "$(cat "$T/psql.out")"
psql_as lk_budi "UPDATE audit SET login = 'x' WHERE id = 1" &&
	not_ok "the clerk rewrites the audit trail" || ok "no UPDATE of the audit trail"
psql_as lk_budi "DELETE FROM audit" &&
	not_ok "the clerk deletes the audit trail" || ok "no DELETE of the audit trail"
psql_as lk_budi "TRUNCATE audit" &&
	not_ok "the clerk truncates the audit trail" || ok "no TRUNCATE of the audit trail"
psql_as lk_budi "INSERT INTO audit (prev_hash, hash, at, login, action, tbl) VALUES ('x', 'y', 'z', 'root', 'insert', 'iku')" &&
	not_ok "a record in another's name" || ok "no audit record in another's name"
psql_as lk_budi "UPDATE users SET role = 'admin' WHERE login = 'lk_budi'" &&
	not_ok "the clerk makes himself admin" || ok "no admin made by the clerk"
psql_as lk_budi "INSERT INTO signer (instansi_id, sha256, subject, serial_number, not_before, not_after, pem, added_by, added_at) SELECT id, repeat('a', 64), 'x', '', 0, 0, 'x', 'lk_budi', 'now' FROM instansi" &&
	not_ok "the clerk registers a signer" || ok "no signer registered by the clerk"
before=$(db_sql "$DB" "SELECT nilai FROM realisasi_iku ORDER BY iku_id LIMIT 1")
psql_as lk_budi "UPDATE realisasi_iku SET nilai = nilai + 10000"
expect_eq "a locked quarter's realisations stay" \
	"$(db_sql "$DB" "SELECT nilai FROM realisasi_iku ORDER BY iku_id LIMIT 1")" "$before"
psql_as lk_budi "DELETE FROM signed_report" ||
	ok "no signed report deleted by the clerk"
expect_eq "the signed report is there" "$(db_sql "$DB" "SELECT count(*) FROM signed_report")" 1

# an admin's rights come and go with the role
lakip -d "$DB" user add lk_adm --role admin
expect_rc "an admin added" 0
psql_as lk_adm "UPDATE users SET added_at = added_at WHERE login = 'lk_adm'" &&
	ok "an admin may write the users" || not_ok "an admin may write the users" "$(cat "$T/psql.out")"
lakip -d "$DB" user role lk_adm operator --instansi kesbangpol-kalteng
expect_rc "made an operator" 0
psql_as lk_adm "UPDATE users SET added_at = added_at WHERE login = 'lk_adm'" &&
	not_ok "an admin no more still writes the users" || ok "an admin no more: the users read only"

# a second agency in which he holds no role
sed 's/kode: kesbangpol-kalteng/kode: dinsos-kalteng/' "$FIXTURE" >"$T/dinsos.yaml"
lakip -d "$DB" import "$T/dinsos.yaml"
expect_rc "a second agency" 0
psql_as lk_budi "UPDATE iku SET target = 1 WHERE rencana_id IN (SELECT r.id FROM rencana r JOIN instansi i ON i.id = r.instansi_id WHERE i.kode = 'dinsos-kalteng')"
expect_eq "another agency's plan stays" \
	"$(db_sql "$DB" "SELECT count(*) FROM iku WHERE target = 1")" 0
psql_as lk_budi "UPDATE iku SET uraian = uraian || '.' WHERE rencana_id IN (SELECT r.id FROM rencana r JOIN instansi i ON i.id = r.instansi_id WHERE i.kode = 'kesbangpol-kalteng')" &&
	ok "his own agency's plan he may change (as lakip would)" ||
	not_ok "his own agency's plan" "$(cat "$T/psql.out")"
db_sql "$DB" "UPDATE iku SET uraian = rtrim(uraian, '.')" >/dev/null
lakip -d "$DB" audit verify
expect_rc "the chain holds after the clerk's attempts" 0
# a cell of a supporting table changed with psql is named by audit verify
db_sql "$DB" "UPDATE tabel_sel SET teks = teks || '!' WHERE baris = 0 AND kolom = 1" >/dev/null
lakip -d "$DB" audit verify
expect_rc "a supporting table changed behind lakip's back" 65
expect_in "names the table" "$T/stdout" "tabel SS1 tabel of kesbangpol-kalteng/2023/TW2 is"
db_sql "$DB" "UPDATE tabel_sel SET teks = rtrim(teks, '!') WHERE baris = 0 AND kolom = 1" >/dev/null

# --- eight writers at once --------------------------------------------
W=$(new_db w)
lakip -d "$W" init
for k in 1 2 3 4 5 6 7 8; do
	sed "s/kode: kesbangpol-kalteng/kode: opd-$k/" "$FIXTURE" >"$T/opd$k.yaml"
done
for k in 1 2 3 4 5 6 7 8; do
	"$LAKIP_BIN" -d "$W" import "$T/opd$k.yaml" >"$T/w$k.out" 2>&1 &
done
wait
expect_eq "eight imports at once: eight agencies" \
	"$(db_sql "$W" "SELECT count(*) FROM instansi")" 8
expect_eq "none lost an IKU" "$(db_sql "$W" "SELECT count(*) FROM iku")" 40
lakip -d "$W" audit verify
expect_rc "one unbroken audit chain" 0

# --- copy both ways -----------------------------------------------------
lakip -d "$DB" audit verify
head_pg=$(sed -n 's/.*head \([0-9a-f]*\).*/\1/p' "$T/stdout")
lakip copy "$DB" "$T/copy.db"
expect_rc "copy PostgreSQL -> SQLite" 0
expect_in "counts what it copied" "$T/stdout" "49 tables"
lakip -d "$T/copy.db" verify "$T/s.pdf"
expect_rc "the signed report verifies on the copy" 0
lakip -d "$T/copy.db" audit verify
expect_rc "audit verify on the copy" 0
expect_in "with the same head" "$T/stdout" "$head_pg"
lakip -d "$DB" export --tahun 2023 --instansi kesbangpol-kalteng -o "$T/a.yaml"
lakip -d "$T/copy.db" export --tahun 2023 --instansi kesbangpol-kalteng -o "$T/b.yaml"
check "the same plan and quarters" cmp "$T/a.yaml" "$T/b.yaml"
lakip -d "$T/copy.db" signed get --instansi kesbangpol-kalteng $Y -o "$T/g.pdf"
check "the stored signed PDF byte for byte" cmp "$T/s.pdf" "$T/g.pdf"

BACK=$(new_db back)
lakip copy "$T/copy.db" "$BACK"
expect_rc "copy SQLite -> PostgreSQL" 0
lakip -d "$BACK" audit verify
expect_rc "audit verify after the way back" 0
expect_in "the same head again" "$T/stdout" "$head_pg"
lakip -d "$BACK" verify "$T/s.pdf"
expect_rc "the signed report verifies there too" 0
lakip -d "$BACK" user add lk_sari --role operator --instansi kesbangpol-kalteng
expect_rc "new rows after a copy get new ids" 0

lakip copy "$T/copy.db" "$BACK"
expect_rc "no copy into a database that holds data" 73
lakip copy "$DB" "$T/copy.db"
expect_rc "no copy over an existing file" 73
lakip copy "$T/none.db" "$T/new.db"
expect_rc "no copy from nothing" 66
if [ -e "$T/new.db" ]; then not_ok "a file left behind"; else ok "nothing made"; fi
finish
