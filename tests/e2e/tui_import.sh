#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tui_import.sh - the import screen of the terminal application (admin),
# at 80x24 in a detached tmux: the file is chosen from the user's
# documents directory; the dry run shows the counts per kind and each
# change, or every error with its cell and changes nothing; the import
# happens only when confirmed, all or nothing, and the plan on screen is
# the database's again.  Run as the account that creates the database
# (its admin).
. "$(dirname "$0")/lib.sh"

for tool in tmux sqlite3; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
SOCK="lakip-tuiimport-$$"
. "$(dirname "$0")/tmux.sh"
DB="$T/s.db"
ME=$(id -un)

lakip -d "$DB" import "$FIXTURE"
expect_rc "the plan is imported" 0
# The documents directory, as xdg-user-dirs records it.
DOC="$T/home-$ME/Dokumen"
mkdir -p "$T/home-$ME/.config" "$DOC"
echo 'XDG_DOCUMENTS_DIR="$HOME/Dokumen"' >"$T/home-$ME/.config/user-dirs.dirs"
# A workbook with two changes: IKU1's target and a program's name.
sed -e '0,/target: 78.50/s//target: 81.25/' \
    -e 's/Program Penunjang Urusan Pemerintah Daerah Provinsi/Program Penunjang Urusan Pemerintahan Daerah Provinsi/' \
    "$FIXTURE" >"$T/m.yaml"
lakip -d "$T/m.db" import "$T/m.yaml"
lakip -d "$T/m.db" export --tahun 2023 --format xlsx -o "$DOC/rencana.xlsx"
expect_rc "the changed plan as a workbook" 0
# A CSV sheet with two bad cells (and a good row between them).
printf 'triwulan;kode;realisasi\n2;IKU1;delapan puluh\n2;IKU2;75,5\n2;IKU3;78.5\n' >"$DOC/realisasi_iku.csv"
before=$(sum "$DB")

open_import() {
	start "$1" "$ME"
	expect_screen "start screen" "$1" "Choose the period"
	keys "$1" Enter
	expect_screen "the steps menu" "$1" "Steps of Quarter II 2023"
	keys "$1" /
	text "$1" "Import a"; keys "$1" Enter
	expect_screen "the steps menu offers the import to the admin" "$1" "Import a workbook"
	keys "$1" Enter
	expect_screen "the file is asked, starting in the documents directory" "$1" "$DOC/"
}

# A bad CSV sheet: every error with its line and column, nothing changed.
open_import A
keys A Enter
expect_screen "a directory lists the files it holds" A "rencana.xlsx"
expect_screen "... the CSV sheet too" A "realisasi_iku.csv"
keys A Enter
expect_screen "the sheet of a CSV is asked" A "Which sheet does the CSV file hold?"
keys A Enter
expect_screen "the dry run says the file has errors" A "The file cannot be imported; nothing was changed."
expect_screen "... how many" A "2 errors:"
expect_screen "... the first with its line and column" A "realisasi_iku.csv:2:3"
expect_screen "... and the second" A "realisasi_iku.csv:4:3"
expect_screen "... why" A "78,5"
keys A Escape
expect_screen "back on the steps menu" A "Import a workbook"
expect_eq "a bad file changed nothing" "$(sum "$DB")" "$before"

# The workbook: the dry run's counts and each change; declined first.
keys A /
text A "Import a"; keys A Enter Enter
expect_screen "the file prompt again" A "$DOC/"
keys A C-u
text A "$DOC/rencana.xlsx"; keys A Enter
expect_screen "the dry run of the workbook" A "What the import would change:"
expect_screen "... counts per kind" A "IKU 0 added, 1 changed, 0 removed, 4 unchanged"
expect_screen "... programs" A "program 0 added, 1 changed, 0 removed, 5 unchanged"
expect_screen "... each change" A "iku IKU1 target: 78.5 -> 81.25"
expect_screen "... the program's name" A "Program Penunjang Urusan Pemerintahan Daerah Provinsi"
keys A Escape
expect_screen "then the question" A "Import the file: 2 changes to kesbangpol-kalteng, year 2023"
keys A Enter
expect_screen "declined (No is the default)" A "Nothing was imported."
expect_eq "declined: nothing changed" "$(sum "$DB")" "$before"

# ... then confirmed.
keys A /
text A "Import a"; keys A Enter Enter
expect_screen "the file prompt" A "$DOC/"
keys A C-u
text A "$DOC/rencana.xlsx"; keys A Enter
expect_screen "the dry run again" A "What the import would change:"
keys A Escape
expect_screen "the question again" A "Import the file: 2 changes"
keys A y
expect_screen "imported" A "Imported rencana.xlsx: 2 changes saved."
lakip -d "$DB" export --tahun 2023 -o "$T/after.yaml"
expect_in "the new target is in the database" "$T/after.yaml" "target: 81.25"
expect_in "the new name too" "$T/after.yaml" "Program Penunjang Urusan Pemerintahan Daerah Provinsi"
expect_in "the narratives the workbook does not carry stay" "$T/after.yaml" "narasi:"
lakip -d "$DB" audit log
expect_in "the import is in the audit log as the admin" "$T/stdout" "$ME update kesbangpol-kalteng/2023 iku IKU1.target"
# The plan on screen is the database's: the plan's step shows the new
# target.
keys A Home Down Enter
expect_screen "the plan's step" A "Sasaran strategis"
expect_screen "... shows the imported target" A "81,25"
TM kill-session -t A >/dev/null 2>&1

finish
