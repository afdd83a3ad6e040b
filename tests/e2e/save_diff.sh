#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# A save writes what changed and nothing else (issue 15, item 2): one
# changed, added or removed realisation costs its one row and its one
# audit record; the other rows keep their ids and values.  Counted with
# LAKIP_STMT_COUNT=1 against a re-import of the same file (which reads
# the same and writes nothing).  On SQLite and on PostgreSQL
# (tests/pg/save_diff.pg).
. "$(dirname "$0")/lib.sh"
DB=$(new_db a)
"$LAKIP_BIN" -d "$DB" import "$FIXTURE" >/dev/null 2>&1
# with_value FROM TO: the fixture with quarter 2's IKU1 realisation FROM
# replaced by TO (an empty TO drops the line).
with_value() {
	if [ -n "$2" ]; then sed "s/^      IKU1: $1\$/      IKU1: $2/" "$FIXTURE"
	else sed "/^      IKU1: $1\$/d" "$FIXTURE"; fi
}
# stmts FILE: the statements an import of FILE ran.
stmts() {
	LAKIP_STMT_COUNT=1 "$LAKIP_BIN" -d "$DB" import "$1" >"$T/out" 2>"$T/err"
	sed -n 's/^lakip: \([0-9]*\) statements$/\1/p' "$T/err"
}
rows() {
	db_sql "$DB" "SELECT t.nomor, i.kode, i.id, r.nilai FROM realisasi_iku r
		JOIN iku i ON i.id = r.iku_id JOIN triwulan t ON t.id = r.triwulan_id
		ORDER BY t.nomor, i.kode"
	db_sql "$DB" "SELECT 'iku', id, kode FROM iku ORDER BY id"
	db_sql "$DB" "SELECT 'program', p.id, r.nilai FROM realisasi_program r
		JOIN program p ON p.id = r.program_id ORDER BY p.id"
	db_sql "$DB" "SELECT 'narasi', sasaran_id, length(teks) FROM narasi
		ORDER BY sasaran_id"
	db_sql "$DB" "SELECT 'tabel', id, sasaran_id, judul FROM tabel ORDER BY id"
}
audits() { db_sql "$DB" "SELECT count(*) FROM audit"; }

with_value 79.30 79.30 >"$T/same.yaml"
with_value 79.30 81.25 >"$T/changed.yaml"
with_value 79.30 "" >"$T/removed.yaml"
cmp -s "$T/changed.yaml" "$FIXTURE" && not_ok "the test changes the fixture"

n0=$(stmts "$T/same.yaml")
expect_in "the count is printed at close" "$T/err" "statements"
case $n0 in ''|*[!0-9]*) not_ok "a number of statements: '$n0'" ;; *) ok "an unchanged import ran $n0 statements" ;; esac
a0=$(audits); rows >"$T/rows0"

# One value changed: UPDATE, the review state looked at, the audit
# record (the chain's last hash read, the record written).
n1=$(stmts "$T/changed.yaml")
expect_in "the import says IKU are unchanged" "$T/out" "0 added"
d=$((n1 - n0))
if [ "$d" -ge 1 ] && [ "$d" -le 4 ]; then ok "one changed value: $d statements more than none ($n1 in all)"
else not_ok "one changed value costs at most 4 statements more" "unchanged $n0, changed $n1"; fi
expect_eq "one audit record for it" "$(audits)" "$((a0 + 1))"
expect_eq "it is of the realisation" "$(db_sql "$DB" "SELECT tbl, kode, old, new FROM audit ORDER BY id DESC LIMIT 1")" \
	"realisasi_iku|IKU1|79.3|81.25"
rows >"$T/rows1"
expect_eq "only that row differs (ids kept)" "$(diff "$T/rows0" "$T/rows1" | grep -c '^[<>]')" 2
expect_in "the row holds the new value" "$T/rows1" "|IKU1|"
grep "^2|IKU1|" "$T/rows0" | cut -d'|' -f1-3 >"$T/k0"
grep "^2|IKU1|" "$T/rows1" | cut -d'|' -f1-3 >"$T/k1"
check "the same row (its IKU id) changed in place" cmp -s "$T/k0" "$T/k1"

# The value removed, then added back: one DELETE, one INSERT.
a1=$(audits)
n2=$(stmts "$T/removed.yaml")
d=$((n2 - n0))
if [ "$d" -ge 1 ] && [ "$d" -le 4 ]; then ok "a removed value: $d statements more than none"
else not_ok "a removed value costs at most 4 statements more" "unchanged $n0, removed $n2"; fi
expect_eq "one audit record for the removal" "$(audits)" "$((a1 + 1))"
rows >"$T/rows2"
expect_eq "only that row went" "$(diff "$T/rows0" "$T/rows2" | grep -c '^[<>]')" 1
n3=$(stmts "$T/same.yaml")
d=$((n3 - n0))
if [ "$d" -ge 1 ] && [ "$d" -le 4 ]; then ok "an added value: $d statements more than none"
else not_ok "an added value costs at most 4 statements more" "unchanged $n0, added $n3"; fi
rows >"$T/rows3"
check "back to the first rows" cmp -s "$T/rows0" "$T/rows3"
check "audit verify holds" "$LAKIP_BIN" -d "$DB" audit verify
n4=$(stmts "$T/same.yaml")
expect_eq "a re-import writes nothing: the same count as the first" "$n4" "$n0"

# One value from a CSV: the import reads the stored plan to merge into,
# and the save compares with that same plan (kept), not with the plan
# read again: the save itself, from its role check to its commit, runs
# at most 10 statements (LAKIP_STMT_COUNT prints "lakip: save: N ...").
printf 'triwulan;kode;realisasi\n2;IKU1;80,5\n' >"$T/one.csv"
rc=0
LAKIP_STMT_COUNT=1 "$LAKIP_BIN" -d "$DB" import --sheet realisasi_iku --tahun 2023 \
	"$T/one.csv" >"$T/stdout" 2>"$T/err" || rc=$?
cp "$T/err" "$T/stderr"
expect_rc "one value imported from a CSV" 0
ns=$(sed -n 's/^lakip: save: \([0-9]*\) statements, .*/\1/p' "$T/err")
case $ns in
''|*[!0-9]*) not_ok "the save's own count is printed" "$(cat "$T/err")" ;;
*) if [ "$ns" -le 10 ]; then ok "the save of one value ran $ns statements"
   else not_ok "the save of one value runs at most 10 statements" "$ns"; fi ;;
esac
expect_eq "the value is stored" "$(db_sql "$DB" "SELECT r.nilai FROM realisasi_iku r
	JOIN iku i ON i.id = r.iku_id JOIN triwulan t ON t.id = r.triwulan_id
	WHERE t.nomor = 2 AND i.kode = 'IKU1'")" 805000
check "audit verify holds after it" "$LAKIP_BIN" -d "$DB" audit verify
finish
