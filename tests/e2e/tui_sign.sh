#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tui_sign.sh - signing in the terminal application, at 80x24 in a
# detached tmux: the screen shows what will be signed (the head, the
# figures, the entries not approved, the registered certificate, the
# state); it refuses while an entry is not approved and for a key whose
# certificate is not registered or whose password is wrong, with nothing
# stored and no file; the password is never on the screen; then it signs,
# stores, locks and says where the file went, which `lakip verify`
# accepts and `lakip status` shows locked; an admin unlocks it with a
# reason from the same screen.  Run as the account that creates the
# database (its admin): no other account is needed.
. "$(dirname "$0")/lib.sh"

for tool in tmux openssl sqlite3 msgfmt; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
SOCK="lakip-tuisign-$$"
. "$(dirname "$0")/tmux.sh"
DB="$T/s.db"
Y="--tahun 2023 --triwulan 2"
ME=$(id -un)
mkdir -p "$T/locale/id/LC_MESSAGES"
msgfmt -o "$T/locale/id/LC_MESSAGES/lakip.mo" "$LAKIP_SRCDIR/po/id.po" 2>/dev/null

lakip -d "$DB" import "$FIXTURE"
expect_rc "the plan is imported" 0
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" -out "$T/cert.pem" \
	-days 30 -subj "/CN=Kepala Uji" >/dev/null 2>&1
openssl pkcs12 -export -inkey "$T/key.pem" -in "$T/cert.pem" -out "$T/k.p12" \
	-passout pass:rahasia-ttd >/dev/null 2>&1
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key2.pem" -out "$T/cert2.pem" \
	-days 30 -subj "/CN=Orang Lain" >/dev/null 2>&1
openssl pkcs12 -export -inkey "$T/key2.pem" -in "$T/cert2.pem" -out "$T/other.p12" \
	-passout pass:lain >/dev/null 2>&1
lakip -d "$DB" signer set "$T/cert.pem"
expect_rc "the head's certificate is registered" 0
# Every entry but the last IKU's approved (the review itself is tested in
# review.sh, tui_workflow.sh and workflow.sh).
LAST=$(dbq "SELECT MAX(kode) FROM iku")
approve_all "$DB" 2 "NOT (jenis = 'iku' AND kode = '$LAST')"
OUT="$T/out/signed.pdf"
mkdir -p "$T/out"
# The user's documents directory, as xdg-user-dirs records it: where the
# signed file goes unless another name is typed.
mkdir -p "$T/home-$ME/.config" "$T/home-$ME/Dokumen"
echo 'XDG_DOCUMENTS_DIR="$HOME/Dokumen"' >"$T/home-$ME/.config/user-dirs.dirs"

# open_sign NAME: the steps menu, then Sign and finalise (found with the
# list's search).
open_sign() {
	start "$1" "$ME"
	expect_screen "start screen" "$1" "Choose the period"
	keys "$1" Enter
	expect_screen "the steps of the quarter" "$1" "Sign and finalise"
	keys "$1" /
	text "$1" "Sign and"; keys "$1" Enter Enter
	expect_screen "the signing screen opens" "$1" "Sign and finalise Quarter II 2023"
}

# --- 1. What will be signed, and not ready ----------------------------
open_sign A
expect_screen "names the head who signs" A "KATMA"
expect_screen "counts the approved entries" A "17 of 18 entries approved"
expect_screen "names the entry not approved" A "$LAST: draft"
expect_screen "shows the registered certificate" A "CN = Kepala Uji"
expect_screen "shows the budget absorption" A "Budget absorbed"
expect_screen "says it is not ready" A "not ready: every entry must be approved"
keys A s
expect_screen "refuses to sign before every entry is approved" A "Not ready to sign"
[ ! -e "$OUT" ] && ok "no file" || not_ok "a file was written"
TM kill-session -t A

# --- 2. A key that may not sign, a wrong password: nothing stored -------
approve_all "$DB"
open_sign B
expect_screen "ready once every entry is approved" B "ready to sign"
keys B s
expect_screen "asks for the key file" B "key (a .p12 file or a pkcs11: URI) for"
keys B C-u; text B "$T/other.p12"; keys B Enter
expect_screen "asks for the password" B "Password of the signing key"
text B lain; keys B Enter
expect_screen "refuses a certificate that is not registered" B "is not registered to sign"
keys B Enter
keys B s
expect_screen "asks for the key file again" B "key (a .p12 file or a pkcs11: URI) for"
keys B C-u; text B "$T/k.p12"; keys B Enter
expect_screen "asks for the password again" B "Password of the signing key"
text B salah-sandi
not_on_screen "the password typed is not on the screen" B "salah-sandi"
expect_screen "it shows as stars" B "***********"
keys B Enter
expect_screen "refuses a wrong password" B "wrong password for"
lakip -d "$DB" status $Y
expect_rc "status after the refusals" 0
if grep -qi "locked" "$T/stdout"; then not_ok "a refusal locked the quarter" "$(cat "$T/stdout")"
else ok "nothing was locked by the refusals"; fi
[ ! -e "$OUT" ] && ok "no file after the refusals" || not_ok "a file was written"
[ "$(dbq "SELECT COUNT(*) FROM signed_report")" = 0 ] &&
	ok "no signed version stored" || not_ok "a signed version was stored"
TM kill-session -t B

# --- 3. Signed ----------------------------------------------------------
open_sign C
keys C s
expect_screen "asks for the key file" C "key (a .p12 file or a pkcs11: URI) for"
keys C C-u; text C "$T/k.p12"; keys C Enter
expect_screen "asks for the password" C "Password of the signing key"
text C rahasia-ttd
not_on_screen "the right password is not on the screen either" C "rahasia-ttd"
keys C Enter
expect_screen "asks for the file name" C "File name of the signed PDF"
expect_screen "offers the documents directory" C "Dokumen/LAKIP-kesbangpol-kalteng-2023-TWII-ttd.pdf"
keys C C-u; text C "$OUT"; keys C Enter
expect_screen "asks before signing, naming the key" C "with the key of CN = Kepala Uji"
keys C Enter
expect_screen "says it is signed, stored and locked" C "stored as version 1"
expect_screen "says where the file went" C "$OUT"
[ -s "$OUT" ] && ok "the signed file exists" || not_ok "no signed file"
lakip -d "$DB" verify "$OUT"
expect_rc "lakip verify accepts it" 0
expect_in "verify: the data are those signed" "$T/stdout" "the database still holds the data"
lakip -d "$DB" status $Y
expect_in "status: the quarter is locked" "$T/stdout" "ocked"
keys C F10
expect_screen "the screen shows the signed version" C "finalised: version 1 signed by"
ls "$T/out"/.lakip-* >/dev/null 2>&1 && not_ok "temporary files left" || ok "no temporary file left"

# --- 4. Unlock with a reason, from the same screen --------------------
keys C u
expect_screen "asks why it is unlocked" C "Why is it unlocked"
text C "angka salah ketik"; keys C Enter
expect_screen "says it is unlocked" C "unlocked; the next finalise makes signed version 2"
expect_screen "ready to sign again" C "ready to sign"
lakip -d "$DB" audit log
expect_in "the reason is in the audit log" "$T/stdout" "angka salah ketik"
TM kill-session -t C

# --- 5. In Indonesian -------------------------------------------------
start D "$ME" id
expect_screen "Indonesian start screen" D "Pilih"
keys D Enter
expect_screen "Indonesian menu entry" D "Tanda tangan dan finalisasi"
TM kill-session -t D

finish
