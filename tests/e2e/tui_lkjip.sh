#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tui_lkjip.sh - the terminal application and the LKjIP: the head signs it
# on the signing screen ("Sign the LKjIP" in the step menu); pdfsig shows a
# valid signature, lakip verify accepts the file, the screen says the
# year's annual data are locked and an import changing them is refused;
# an admin unlocks it there with a reason (recorded), and the screen says
# the head signs the next version.  Driven in a detached tmux on its own
# server socket, polling for what is expected.
. "$(dirname "$0")/lib.sh"
for tool in tmux openssl sqlite3 pdfsig; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
SOCK="lakip-tuilk-$$"
. "$(dirname "$0")/tmux.sh"
ME=$(id -un)

DB="$T/lk.db"
PLAN="$LAKIP_SRCDIR/tests/data/tahunan-2023.yaml"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/head.key" -out "$T/head.pem" \
	-days 30 -subj "/CN=Budi Santoso" >/dev/null 2>&1
openssl pkcs12 -export -inkey "$T/head.key" -in "$T/head.pem" -out "$T/head.p12" \
	-passout pass:rahasia >/dev/null 2>&1
lakip -d "$DB" import "$PLAN"
lakip -d "$DB" signer set "$T/head.pem"

start S "$ME"
expect_screen "the period screen" S "Choose the period"
keys S Enter
expect_screen "the step menu" S "Steps of Quarter"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do keys S Down; done
expect_screen "the step menu offers it" S "Sign the LKjIP"
expect_screen "for the year, by the head" S "year 2023, the head"
keys S Enter
expect_screen "the signing screen" S "Sign the LKjIP 2023"
expect_screen "the annual report's date" S "15-02-2024"
expect_screen "a certificate for the head" S "1 for the head"
expect_screen "not signed yet" S "not signed yet"
keys S s
expect_screen "the head's key is asked" S "The head's key (a .p12 file"
keys S C-u; text S "$T/head.p12"; keys S Enter
expect_screen "its password" S "Password of the signing key"
text S salah; keys S Enter
expect_screen "a wrong password is refused" S "wrong password for $T/head.p12"
expect_eq "nothing stored after the wrong password" \
	"$(dbq "SELECT count(*) FROM lkjip_signed")" 0
keys S s
expect_screen "the key again" S "The head's key (a .p12 file"
keys S Enter
expect_screen "its password" S "Password of the signing key"
text S rahasia; keys S Enter
expect_screen "the file, with a name of its own" S "LKjIP-"
keys S C-u; text S "$T/lkjip.pdf"; keys S Enter
expect_screen "it asks to confirm" S "lock the year's annual"
keys S Enter
expect_screen "signed and stored" S "stored as version 1"
keys S F10
expect_screen "the state: locked" S "signed: the year's annual data are locked"
expect_screen "who signed" S "signed version 1: CN = Budi Santoso"
TM kill-session -t S >/dev/null 2>&1
pdfsig "$T/lkjip.pdf" >"$T/sig" 2>&1
expect_eq "pdfsig: one valid signature" "$(grep -c 'Signature is Valid' "$T/sig")" 1
lakip -d "$DB" verify "$T/lkjip.pdf"
expect_rc "lakip verify accepts the signed LKjIP" 0
sed 's/^  tanggal: 2024-02-15$/  tanggal: 2024-02-20/' "$PLAN" >"$T/changed.yaml"
lakip -d "$DB" import "$T/changed.yaml"
expect_rc "the locked annual data cannot change" 77

# The admin unlocks it on the same screen, with a reason.
start U "$ME"
expect_screen "the period screen" U "Choose the period"
keys U Enter
expect_screen "the step menu" U "Steps of Quarter"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do keys U Down; done
expect_screen "the step menu shows it" U "Sign the LKjIP"
keys U Enter
expect_screen "the signing screen" U "signed: the year's annual data are locked"
keys U u
expect_screen "the reason is asked" U "Why is it unlocked"
text U "Realisasi IDI final dari BPS"; keys U Enter
expect_screen "unlocked" U "The LKjIP 2023 is unlocked; the head signs"
keys U Enter
expect_screen "the state: unlocked" U "unlocked: the head signs the next version"
keys U F10
TM kill-server >/dev/null 2>&1
expect_eq "the reason is in the audit log" \
	"$(dbq "SELECT count(*) FROM audit WHERE tbl = 'lkjip_unlock' AND field = 'reason' AND new = 'Realisasi IDI final dari BPS'" 2>&1)" 1
lakip -d "$DB" import "$T/changed.yaml"
expect_rc "unlocked, the annual data change again" 0
finish
