#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tui_pk.sh - the terminal application and the Perjanjian Kinerja: both
# parties sign it on the signing screen (pihak kedua before pihak pertama
# refused), pdfsig shows two valid signatures; then changing an IKU's
# target there is refused with a message
# that says the agreement is signed, and the database is unchanged (what
# may still change is store_save's, tested in test_store: test_pk_lock).
# Driven in a detached tmux on its own server socket, polling for what is
# expected.
. "$(dirname "$0")/lib.sh"
for tool in tmux openssl sqlite3 pdfsig; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
SOCK="lakip-tuipk-$$"
. "$(dirname "$0")/tmux.sh"

DB="$T/pk.db"
export LAKIP_P12_PASS=rahasia
for k in head:"/CN=Budi Santoso" gub:"/CN=Gubernur Uji"; do
	n=${k%%:*}
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/$n.key" -out "$T/$n.pem" \
		-days 30 -subj "${k#*:}" >/dev/null 2>&1
	openssl pkcs12 -export -inkey "$T/$n.key" -in "$T/$n.pem" -out "$T/$n.p12" \
		-passout pass:rahasia >/dev/null 2>&1
done
lakip -d "$DB" import "$LAKIP_SRCDIR/tests/data/tahunan-2023.yaml"
lakip -d "$DB" signer set "$T/head.pem"
lakip -d "$DB" signer set --pihak kedua "$T/gub.pem"
START="env HOME=$T/home LANGUAGE=en LC_ALL=C.UTF-8 LAKIP_DATA_DIR=$LAKIP_DATA_DIR $LAKIP_BIN -d $DB"

# Signing in the terminal: "Sign the Perjanjian Kinerja" in the step menu.
TM new-session -d -s S -x 80 -y 24 "$START"
expect_screen "the period screen" S "Choose the period"
keys S Enter
expect_screen "the quarter's steps" S "Sign the Perjanjian Kinerja"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do keys S Down; done
keys S Enter
expect_screen "the signing screen" S "Sign the Perjanjian Kinerja 2023"
expect_screen "both parties shown" S "Gubernur Uji, Gubernur Provinsi Uji"
expect_screen "not signed yet" S "not signed yet: pihak pertama signs first"
keys S s
expect_screen "it asks who signs" S "Who signs?"
keys S Right Enter
expect_screen "pihak kedua first is refused" S "Perjanjian Kinerja 2023 yet: pihak kedua countersigns after him"
keys S Enter s
expect_screen "it asks who signs again" S "Who signs?"
keys S Enter
expect_screen "the head's key is asked" S "The head's key (a .p12 file"
keys S C-u; text S "$T/head.p12"; keys S Enter
expect_screen "its password" S "Password of the signing key"
text S rahasia; keys S Enter
expect_screen "the file, with a name of its own" S "PK-uji-tahunan-2023-ttd1.pdf"
keys S C-u; text S "$T/p1.pdf"; keys S Enter
expect_screen "it asks to confirm" S "as pihak pertama with the key of CN"
keys S Enter
expect_screen "signed and stored" S "stored as version 1"
keys S F10
expect_screen "waiting for pihak kedua" S "waiting for pihak kedua's countersignature"
keys S s
expect_screen "who signs" S "Who signs?"
keys S Right Enter
expect_screen "pihak kedua's key is asked" S "Pihak kedua's key (a .p12 file"
keys S C-u; text S "$T/gub.p12"; keys S Enter
expect_screen "its password" S "Password of the signing key"
text S rahasia; keys S Enter
expect_screen "the file" S "PK-uji-tahunan-2023-ttd2.pdf"
keys S C-u; text S "$T/pk.pdf"; keys S Enter
expect_screen "it asks to confirm the countersignature" S "lock the agreement?"
keys S Enter
expect_screen "countersigned and locked" S "countersigned by CN = Gubernur Uji"
keys S F10
expect_screen "the state: locked" S "signed by both parties: the agreement is locked"
TM kill-session -t S >/dev/null 2>&1
pdfsig "$T/pk.pdf" >"$T/sig" 2>&1
expect_eq "pdfsig: two valid signatures" "$(grep -c 'Signature is Valid' "$T/sig")" 2
before=$(dbq "SELECT target FROM iku WHERE kode = 'IDI'")

TM new-session -d -s A -x 80 -y 24 \
	"env HOME=$T/home LANGUAGE=en LC_ALL=C.UTF-8 LAKIP_DATA_DIR=$LAKIP_DATA_DIR $LAKIP_BIN -d $DB"
expect_screen "the period screen" A "Choose the period"
keys A Enter
expect_screen "the quarter's steps" A "Steps of Quarter"
keys A Down Enter
expect_screen "step 2: sasaran and IKU" A "Step 2 of 10"
keys A Down Enter
expect_screen "the IKU form of IDI" A "Annual target *"
keys A Tab Tab Tab Tab C-u
text A "80"
keys A Tab F2
expect_screen "the save is refused" A "Not allowed"
expect_screen "it says the agreement is signed" A "the Perjanjian Kinerja 2023 is signed by both parties"
expect_screen "and what cannot change" A "the IKU with their targets"
keys A Enter Escape
expect_eq "the target in the database is unchanged" \
	"$(dbq "SELECT target FROM iku WHERE kode = 'IDI'")" "$before"
TM kill-server >/dev/null 2>&1
lakip -d "$DB" verify "$T/pk.pdf"
expect_rc "the signed agreement still verifies" 0
expect_in "its data are those signed" "$T/stdout" "the database still holds the data that were signed"
finish
