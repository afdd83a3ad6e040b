#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tui_agency.sh - the agency's settings in the terminal application, as
# its admin, at 80x24 in a detached tmux: the installed predikat bands
# shown as where to start, the registered certificate, a band renamed and
# moved and saved (then in `lakip export`, in `lakip show`'s predikat
# column and in the audit log), bands out of order refused with nothing
# stored, every band removed going back to the installed ones.
. "$(dirname "$0")/lib.sh"

for tool in tmux openssl msgfmt; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
SOCK="lakip-tuiagency-$$"
. "$(dirname "$0")/tmux.sh"
DB="$T/a.db"
Y="--tahun 2023 --triwulan 2"
ME=$(id -un)
mkdir -p "$T/locale/id/LC_MESSAGES"
msgfmt -o "$T/locale/id/LC_MESSAGES/lakip.mo" "$LAKIP_SRCDIR/po/id.po" 2>/dev/null

lakip -d "$DB" import "$FIXTURE_KET"
expect_rc "the plan is imported" 0
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" -out "$T/cert.pem" \
	-days 30 -subj "/CN=Kepala Uji" >/dev/null 2>&1
lakip -d "$DB" signer set "$T/cert.pem"
expect_rc "a certificate is registered" 0
# IKU2 at 68 of 80 (85,00%) is in the installed band Tinggi (76 to 91),
# and in the renamed band below (from 80,5).
printf 'triwulan;kode;realisasi\n2;IKU2;68\n' >"$T/iku2.csv"
lakip -d "$DB" import --sheet realisasi_iku --tahun 2023 "$T/iku2.csv"
expect_rc "IKU2's realisation is imported" 0
lakip -d "$DB" show $Y --format csv
cp "$T/stdout" "$T/before.csv"
expect_in "IKU2 is in the installed band Tinggi" "$T/before.csv" ";85,00;Tinggi"

open_settings() {
	start "$1" "$ME"
	expect_screen "start screen" "$1" "Choose the period"
	keys "$1" Enter
	expect_screen "the steps of the quarter" "$1" "Steps of Quarter"
	keys "$1" /
	text "$1" "Agency set"; keys "$1" Enter Enter
	expect_screen "the settings screen opens" "$1" "Settings of kesbangpol-kalteng"
}

# --- 1. What is there ---------------------------------------------------
open_settings A
expect_screen "no bands of its own: the installed ones" A "has no bands of its own"
expect_screen "the installed top band" A "Sangat Tinggi"
expect_screen "its lower bound, in Indonesian" A "from 91,00 %"
expect_screen "the last band has no bound" A "below the others"
expect_screen "the registered certificate" A "CN = Kepala Uji"

# --- 2. Bands out of order: refused, nothing stored --------------------
keys A Down Enter
expect_screen "asks the band's name" A "Name of the band"
keys A Enter
expect_screen "asks its lower bound" A "Lower bound of Tinggi"
keys A C-u; text A "95"; keys A Enter
expect_screen "asks its colour" A "Colour of the band"
keys A Enter
keys A F2
expect_screen "bounds out of order are refused" A "The bands cannot be saved"
keys A Enter
lakip -d "$DB" export --tahun 2023
if grep -q "predikat:" "$T/stdout"; then not_ok "a refused change was stored" "$(grep -A3 predikat: "$T/stdout")"
else ok "nothing stored after the refusal"; fi

# --- 3. Renamed and moved: saved ----------------------------------------
keys A Enter
expect_screen "asks the name again" A "Name of the band"
keys A C-u; text A "Baik Sekali"; keys A Enter
expect_screen "asks the bound again" A "Lower bound of Baik Sekali"
keys A C-u; text A "80,5"; keys A Enter
expect_screen "asks the colour again" A "Colour of the band"
keys A Enter
expect_screen "the band as typed" A "from 80,50 %"
keys A F2
expect_screen "saved" A "Saved."
expect_screen "now its own" A "(its own)"
lakip -d "$DB" export --tahun 2023
expect_in "export: the agency's own bands" "$T/stdout" "nama: Baik Sekali"
expect_in "export: the bound" "$T/stdout" "min: 80.5"
lakip -d "$DB" audit log
expect_in "audited" "$T/stdout" "Baik Sekali >= 80.5"
lakip -d "$DB" show $Y --format csv
if grep -q ';Tinggi$' "$T/stdout"; then not_ok "show still names the old band" "$(cat "$T/stdout")"
else ok "show no longer names the old band"; fi
expect_in "show names the new band where the old one was" "$T/stdout" ";85,00;Baik Sekali"
lakip -d "$DB" audit verify
expect_rc "the audit chain verifies" 0

# --- 4. Every band removed: the installed ones again --------------------
for i in 1 2 3 4 5; do
	keys A Home DC
	expect_screen "asks before removing a band ($i)" A "Delete"
	keys A y
done
keys A F2
expect_screen "saved without bands" A "Saved."
expect_screen "back to the installed bands" A "has no bands of its own"
lakip -d "$DB" export --tahun 2023
if grep -q "predikat:" "$T/stdout"; then not_ok "the bands were not removed" "$(grep -A3 predikat: "$T/stdout")"
else ok "export: no bands of its own"; fi
TM kill-session -t A

# --- 4b. The agency's settings: time zone, QR page, timestamp authority --
open_settings S
keys S End
expect_screen "the settings below the certificates" S "Timestamp authority: none"
expect_screen "the time zone's default" S "Time zone: WIB (Asia/Jakarta)"
keys S Enter
expect_screen "asks the authority's address" S "An http:// or https:// address"
text S "ftp://tsa.example.go.id"; keys S Enter
expect_screen "an address that is none is refused" S "Expected an http:// or https://"
keys S Enter
expect_screen "and nothing is set" S "Timestamp authority: none"
keys S Enter C-u
text S "https://tsa.example.go.id/tsr"; keys S Enter
expect_screen "saved when set" S "Saved."
expect_screen "and shown" S "Timestamp authority: https://tsa.example.go.id/tsr"
keys S Up Up Enter
expect_screen "the zones to choose" S "WITA"
keys S Down Enter
expect_screen "the zone shown" S "Time zone: WITA (Asia/Makassar)"
TM kill-session -t S
lakip -d "$DB" export --tahun 2023
expect_in "export: the authority" "$T/stdout" "tsa: https://tsa.example.go.id/tsr"
expect_in "export: the zone" "$T/stdout" "zona_waktu: Asia/Makassar"
lakip -d "$DB" audit log
expect_in "the audit log names the change" "$T/stdout" "instansi kesbangpol-kalteng.tsa - -> \"https://tsa.example.go.id/tsr\""
# Emptied: none again.
open_settings S
keys S End Enter C-u Enter
expect_screen "emptied: none" S "Timestamp authority: none"
TM kill-session -t S
lakip -d "$DB" export --tahun 2023
if grep -q "tsa:" "$T/stdout"; then not_ok "the authority was not removed"
else ok "export: no authority"; fi

# --- 5. The province view: two agencies, as lakip rekap shows them ------
sed 's/^  kode: kesbangpol-kalteng$/  kode: dinsos-kalteng/' "$FIXTURE_KET" >"$T/dinsos.yaml"
lakip -d "$DB" import "$T/dinsos.yaml"
expect_rc "a second agency" 0
lakip -d "$DB" submit --instansi dinsos-kalteng $Y
expect_rc "its entries submitted" 0
lakip -d "$DB" rekap $Y --format csv
cp "$T/stdout" "$T/rekap.csv"
start R "$ME"
expect_screen "two agencies: the choice" R "dinsos-kalteng"
keys R Enter
expect_screen "the period" R "Choose the period"
keys R Enter
expect_screen "the steps" R "Province view"
keys R /
text R "Province"; keys R Enter Enter
expect_screen "the province view opens" R "Province view — Quarter II 2023"
expect_screen "dinsos: submitted" R "submitted"
expect_screen "kesbangpol: draft" R "draft"
cap=$(grep '^dinsos-kalteng;' "$T/rekap.csv" | cut -d';' -f5)
expect_screen "the mean capaian as lakip rekap gives it" R "${cap}%"
expect_screen "the totals below" R "All 2 agencies"
keys R p
expect_screen "p asks where the PDF goes" R "File name of the PDF"
keys R C-u; text R "$T/rekap.pdf"; keys R Enter
expect_screen "and says where it went" R "The province view was written to"
if pdftotext "$T/rekap.pdf" - 2>/dev/null | grep -q "dinsos-kalteng"; then ok "the PDF lists the agencies"
else not_ok "the PDF lists the agencies"; fi
TM kill-session -t R

# --- 6. In Indonesian -------------------------------------------------
start D "$ME" id
expect_screen "Indonesian: the agency to choose" D "Instansi"
keys D Enter
expect_screen "Indonesian start screen" D "Pilih"
keys D Enter
expect_screen "Indonesian steps" D "Langkah"
keys D /
text D "Pengaturan ins"; keys D Enter
expect_screen "Indonesian menu entry" D "Pengaturan instansi"
TM kill-session -t D

finish
