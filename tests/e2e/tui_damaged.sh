#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tui_damaged.sh - the terminal application checks the database after its
# first screen is shown (PRAGMA quick_check waits for it): a damaged
# database then says so in a box, the screen turns read-only, a change is
# refused and the file stays as it was; a sound one stays writable.
. "$(dirname "$0")/lib.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux is missing"; exit 0; }
SOCK="lakip-tuidmg-$$"
. "$(dirname "$0")/tmux.sh"
ME=$(id -un)

DB="$T/ok.db"
lakip -d "$DB" import "$FIXTURE"
expect_rc "import" 0
start A "$ME"
expect_screen "a sound database: the period screen" A "Choose the period"
sleep 0.5
not_on_screen "no damage reported" A "Damaged database"
not_on_screen "not read-only" A "READ-ONLY"
TM kill-server >/dev/null 2>&1

DB="$T/bad.db"
cp "$T/ok.db" "$DB"
damage_page "$DB" signed_report
before=$(cksum <"$DB")
start B "$ME"
expect_screen "the first screen is shown" B "Choose the period"
expect_screen "then the damage is reported" B "Damaged database"
expect_screen "naming the database" B "bad.db: database is damaged"
keys B Enter
expect_screen "the screen is read-only" B "Read-only: the database is damaged; restore it from a backup."
expect_screen "and marked so" B "READ-ONLY"
keys B IC
expect_screen "a new year is refused" B "The database is read-only: changes cannot be saved"
keys B Enter
keys B F10
TM kill-server >/dev/null 2>&1
expect_eq "the damaged file is unchanged" "$(cksum <"$DB")" "$before"
finish
