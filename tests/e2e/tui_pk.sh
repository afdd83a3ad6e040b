#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tui_pk.sh - the terminal application and a Perjanjian Kinerja signed by
# both parties: changing an IKU's target there is refused with a message
# that says the agreement is signed, and the database is unchanged (what
# may still change is store_save's, tested in test_store: test_pk_lock).
# Driven in a detached tmux on its own server socket, polling for what is
# expected.
. "$(dirname "$0")/lib.sh"
for tool in tmux openssl sqlite3; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
SOCK="lakip-tuipk-$$"
TM() { tmux -L "$SOCK" -f "$T/tmux.conf" "$@"; }
at_exit() { tmux -L "$SOCK" kill-server >/dev/null 2>&1; }
printf 'set -g remain-on-exit on\nset -g history-limit 100\n' >"$T/tmux.conf"
keys() { s=$1; shift; TM send-keys -t "$s" "$@"; }
text() { TM send-keys -t "$1" -l "$2"; }
wait_for() {
	i=0
	while [ $i -lt "${3:-100}" ]; do
		TM capture-pane -t "$1" -p >"$T/screen.$1" 2>/dev/null
		grep -qF -- "$2" "$T/screen.$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
expect_screen() {
	if wait_for "$2" "$3"; then ok "$1"
	else not_ok "$1: '$3' not on the screen" "$(cat "$T/screen.$2")"; fi
}

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
lakip -d "$DB" finalise --dokumen pk --tahun 2023 --p12 "$T/head.p12" -o "$T/p1.pdf"
lakip -d "$DB" finalise --dokumen pk --pihak kedua --tahun 2023 --p12 "$T/gub.p12" -o "$T/pk.pdf"
expect_rc "the agreement signed by both parties" 0
before=$(sqlite3 "$DB" "SELECT target FROM iku WHERE kode = 'IDI'")

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
	"$(sqlite3 "$DB" "SELECT target FROM iku WHERE kode = 'IDI'")" "$before"
TM kill-server >/dev/null 2>&1
lakip -d "$DB" verify "$T/pk.pdf"
expect_rc "the signed agreement still verifies" 0
expect_in "its data are those signed" "$T/stdout" "the database still holds the data that were signed"
finish
