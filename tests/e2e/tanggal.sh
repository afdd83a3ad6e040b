#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tanggal.sh - a quarter's report date is the user's decision, never today
# by default (issue 11, trap 4): a quarter without one imports, exports
# byte for byte without one, reports "[tanggal belum ditetapkan]" where the
# date goes, and cannot be finalised (65, naming it) until `lakip date
# --set` (audited) gives it one.
. "$(dirname "$0")/lib.sh"
for tool in openssl sqlite3 pdftotext; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
DB=$(new_db t)
Y="--tahun 2023 --triwulan 2"
sed '/^    tanggal: 2023-07-14$/d' "$FIXTURE_KET" >"$T/nodate.yaml"
if grep -q '^    tanggal:' "$T/nodate.yaml"; then
	not_ok "the fixture without its quarter's date"
fi

lakip -d "$DB" import "$T/nodate.yaml"
expect_rc "a quarter without tanggal imports" 0
n=$(db_sql "$DB" "SELECT count(*) FROM triwulan WHERE nomor = 2 AND tanggal IS NULL")
expect_eq "its date is stored as not set (NULL), not today" "$n" 1
lakip -d "$DB" date $Y
expect_rc "date shows the quarter's date" 0
expect_in "and says it is not set" "$T/stdout" "no report date yet"

# ---- the exchange format, byte for byte ----
lakip -d "$DB" export --tahun 2023 -o "$T/a.yaml"
expect_rc "export" 0
if sed -n '/^triwulan:/,$p' "$T/a.yaml" | grep -q '^    tanggal:'; then
	not_ok "the export invents no date" "$(grep -n tanggal "$T/a.yaml")"
else
	ok "the export invents no date"
fi
lakip -d "$T/b.db" import "$T/a.yaml"
lakip -d "$T/b.db" export --tahun 2023 -o "$T/b.yaml"
check "export, import, export: the same bytes" cmp "$T/a.yaml" "$T/b.yaml"

# ---- the report says so where the date goes ----
lakip -d "$DB" report $Y -o "$T/r.pdf"
expect_rc "a report without a date is still a draft one can print" 0
expect_in "warns that the date is not set" "$T/stderr" "has no report date yet"
pdftotext -layout "$T/r.pdf" "$T/r.txt"
expect_in "the cover says the date is not set" "$T/r.txt" "PALANGKA RAYA, [TANGGAL BELUM DITETAPKAN]"
expect_in "the signature block says so" "$T/r.txt" "Palangka Raya, [tanggal belum ditetapkan]"
now=$(LC_ALL=C date -u +%Y)
if grep -E "(JANUARI|FEBRUARI|MARET|APRIL|MEI|JUNI|JULI|AGUSTUS|SEPTEMBER|OKTOBER|NOVEMBER|DESEMBER) $now|[0-9] [A-Z][a-z]+ $now" "$T/r.txt" >"$T/today"; then
	not_ok "no date of this year ($now) is printed" "$(cat "$T/today")"
else
	ok "no date of this year ($now) is printed"
fi

# ---- finalise refuses, naming it ----
approve_all "$DB"
test_key
lakip -d "$DB" signer set "$T/cert.pem"
expect_rc "signer registered" 0
before=$(sum "$DB")
LAKIP_P12_PASS=rahasia lakip -d "$DB" finalise $Y --p12 "$T/k.p12" -o "$T/s.pdf"
expect_rc "finalise without a report date is refused" 65
expect_in "naming the missing date" "$T/stderr" "Triwulan II 2023 has no report date"
expect_in "and how to set it" "$T/stderr" "lakip date --tahun 2023 --triwulan 2"
check "no file written" test ! -e "$T/s.pdf"
expect_eq "the database unchanged" "$(sum "$DB")" "$before"
# Before the password is asked: no terminal, no password, still 65.
lakip -d "$DB" finalise $Y --p12 "$T/k.p12" -o "$T/s.pdf" </dev/null
expect_rc "refused before the password is asked" 65

# ---- set by the user ----
lakip -d "$DB" date $Y --set 2023-02-30
expect_rc "a date that is none is refused" 65
expect_in "naming it" "$T/stderr" "2023-02-30"
lakip -d "$DB" date $Y --set 14-07-2023
expect_rc "only YYYY-MM-DD" 65
expect_eq "the database unchanged" "$(sum "$DB")" "$before"
lakip -d "$DB" date $Y --set 2023-07-14 --clear
expect_rc "--set and --clear together" 64
lakip -d "$DB" date $Y --set 2023-07-14
expect_rc "date --set" 0
expect_in "says what it set" "$T/stdout" "report date set to 14-07-2023"
lakip -d "$DB" audit log
expect_in "audited" "$T/stdout" 'triwulan.tanggal - -> "2023-07-14"'
n=$(db_sql "$DB" "SELECT count(*) FROM review_state WHERE state = 'approved'")
expect_eq "setting the date keeps the review's approvals" "$n" \
	"$(db_sql "$DB" "SELECT count(*) FROM review_state")"
lakip -d "$DB" export --tahun 2023 -o "$T/c.yaml"
sed -n '/^triwulan:/,$p' "$T/c.yaml" >"$T/c.tw"
expect_in "the export carries it" "$T/c.tw" "    tanggal: 2023-07-14"
lakip -d "$DB" report $Y -o "$T/r2.pdf"
pdftotext -layout "$T/r2.pdf" "$T/r2.txt"
expect_in "the cover prints it" "$T/r2.txt" "PALANGKA RAYA, JULI 2023"
expect_in "the signature block prints it" "$T/r2.txt" "Palangka Raya, 14 Juli 2023"
LAKIP_P12_PASS=rahasia lakip -d "$DB" finalise $Y --p12 "$T/k.p12" -o "$T/s.pdf"
expect_rc "finalise with the date set" 0
lakip -d "$DB" date $Y --clear
expect_rc "a locked quarter's date cannot be cleared" 77
lakip -d "$DB" date $Y
expect_in "the date stays" "$T/stdout" "report date 14-07-2023"

# ---- a spreadsheet's empty date cell is not set either ----
lakip -d "$T/x.db" import "$T/nodate.yaml"
lakip -d "$T/x.db" export --tahun 2023 --format xlsx -o "$T/x.xlsx"
expect_rc "export a workbook without the date" 0
lakip -d "$T/y.db" import "$T/x.xlsx"
expect_rc "the workbook imports" 0
n=$(sqlite3 "$T/y.db" "SELECT count(*) FROM triwulan WHERE nomor = 2 AND tanggal IS NULL")
expect_eq "its empty date cell stays not set" "$n" 1
finish
