#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tui_tahunan.sh - the year's agreement and annual report typed in the
# terminal application ("Annual report and agreement" in the step menu):
# pihak kedua changed and a missing name refused; the LKjIP's conclusion,
# an obstacle added to its list, a sasaran's analysis, an IKU's final
# realisation, a supporting table of the annual report with a row and a
# program's spending of the year saved with the plan
# (the export holds each, show --tahunan computes with them, the audit
# chain stays whole); on a plan without an annual report its analysis and
# its tables are refused until the report has a date.
. "$(dirname "$0")/lib.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux is missing"; exit 0; }
SOCK="lakip-tuith-$$"
. "$(dirname "$0")/tmux.sh"
ME=$(id -un)
DB="$T/th.db"
lakip -d "$DB" import "$LAKIP_SRCDIR/tests/data/tahunan-2023.yaml"
expect_rc "import" 0

# open_screen NAME: the step menu's "Annual report and agreement".
open_screen() {
	start "$1" "$ME"
	expect_screen "the period screen" "$1" "Choose the period"
	keys "$1" Enter
	expect_screen "the step menu offers it" "$1" "Annual report and agreement"
	for i in 1 2 3 4 5 6 7 8 9 10 11; do keys "$1" Down; done
	keys "$1" Enter
	expect_screen "the screen" "$1" "Annual report and agreement 2023"
}
open_screen A
expect_screen "the agreement's row" A "16-01-2023 · Gubernur Uji"
expect_screen "a realisation taken from quarter IV" A "9 (quarter IV's)"

# The agreement: a missing name refused, then pihak kedua's jabatan and NIP.
keys A Enter
expect_screen "the agreement's form" A "Pihak kedua"
keys A Tab C-u Tab F2
expect_screen "a missing name is refused" A "an agreement needs the name of pihak kedua"
text A "Gubernur Uji"
keys A Tab C-u
text A "Gubernur Kalimantan Uji"
keys A Tab Tab C-u
text A "196501011990031001"
keys A Tab F2
expect_screen "saved, the next row" A "LKjIP: date and texts"

# The LKjIP's conclusion (the last field of its form).
keys A Enter
expect_screen "the LKjIP's form" A "Executive summary"
keys A Tab Tab Tab C-u
text A "Kinerja tahun 2023 tercapai."
keys A F2
expect_screen "saved" A "LKjIP: issues, obstacles, follow-ups"

# An obstacle added (the second field: a line more).
keys A Enter
expect_screen "the lists' form" A "Obstacles"
keys A Tab End Enter
text A "Data BPS terlambat"
keys A F2
expect_screen "saved" A "2 · 2 · 1"

# The analysis of S2, a supporting table of S2 with one row, the final
# realisation of KONFLIK, P3's spending.
keys A Down Down Enter
expect_screen "the analysis' form of S2" A "Analysis of the year"
text A "Pembinaan ormas berjalan sesuai rencana."
keys A F2
expect_screen "saved, the next row" A "Supporting tables of S2 none"
keys A Enter
expect_screen "the annual tables of S2" A "Supporting tables of S2 in the annual report"
keys A IC
expect_screen "a new table's form" A "Supporting table — S2"
text A "Perbandingan ormas"
keys A Tab
text A "Uraian; 2022; 2023"
keys A F2
expect_screen "the table's rows" A "No row yet"
keys A IC
expect_screen "a new row's form" A "Table row — S2 · Perbandingan ormas"
text A "Ormas terdaftar"
keys A Tab
text A "40"
keys A Tab
text A "42"
keys A F2
expect_screen "the row saved" A "Ormas terdaftar 40 42"
keys A F10
expect_screen "the list of tables" A "Perbandingan ormas 3 1"
keys A F10
expect_screen "the row counts it" A "Supporting tables of S2 1 table"
keys A Down Down Enter
expect_screen "the final realisation's form of KONFLIK" A "KONFLIK · kasus"
text A "7"
keys A F2
expect_screen "saved, it is no longer quarter IV's" A "Realisation of the year: ORMAS"
not_on_screen "no longer quarter IV's" A "9 (quarter IV's)"
keys A Down Down Down Enter
expect_screen "P3's spending" A "Spending of the year"
text A "100000"
keys A F2
expect_screen "saved" A "100.000"
TM kill-server >/dev/null 2>&1

lakip -d "$DB" export --tahun 2023 -o "$T/out.yaml"
expect_rc "export" 0
expect_in "pihak kedua's jabatan" "$T/out.yaml" "    jabatan: Gubernur Kalimantan Uji"
expect_in "his NIP" "$T/out.yaml" "    nip: \"196501011990031001\""
expect_in "the conclusion" "$T/out.yaml" "  kesimpulan: Kinerja tahun 2023 tercapai."
expect_in "the obstacle added" "$T/out.yaml" "  - Data BPS terlambat"
expect_in "the analysis of S2" "$T/out.yaml" "    S2: Pembinaan ormas berjalan sesuai rencana."
awk '/^tahunan:/ { t = 1 } t && /^  tabel:/ { b = 1 } b' "$T/out.yaml" > "$T/tabel.yaml"
expect_in "the annual table of S2" "$T/tabel.yaml" "judul: Perbandingan ormas"
expect_in "its columns" "$T/tabel.yaml" "2022"
expect_in "its row" "$T/tabel.yaml" "Ormas terdaftar"
expect_in "KONFLIK's final realisation" "$T/out.yaml" "    KONFLIK: 7"
expect_in "P3's spending" "$T/out.yaml" "    P3: 100000"
lakip -d "$DB" show --tahun 2023 --tahunan --table iku --format csv
expect_rc "show --tahunan" 0
expect_in "computed with the final realisation" "$T/stdout" "KONFLIK"
expect_eq "KONFLIK's realisation is 7" "$(awk -F';' '$3 == "KONFLIK" { print $7 }' "$T/stdout")" 7
lakip -d "$DB" audit verify
expect_rc "the audit chain and the tables agree" 0

# A plan without an annual report: its texts wait for its date.
DB="$T/plain.db"
lakip -d "$DB" import "$FIXTURE"
open_screen B
expect_screen "no date yet" B "no date yet"
keys B Down Down Down Down Enter
expect_screen "its tables wait for the date" B "The annual report has no date yet: set it first"
keys B Up Enter
expect_screen "an analysis' form" B "Analysis of the year"
text B "Teks"
keys B F2
expect_screen "refused until the report has a date" B "the annual report has no date yet"
TM kill-server >/dev/null 2>&1
lakip -d "$DB" export --tahun 2023 -o "$T/plain.yaml"
if grep -q "^tahunan:" "$T/plain.yaml"; then not_ok "nothing of an annual report was stored"
else ok "nothing of an annual report was stored"; fi
finish
