#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# template.sh - the report template an agency uses, kept in the database
# (lakip template set/show/reset): checked before it is stored, versioned,
# audited; report, finalise and the terminal application print with it,
# whatever is in the user's home; finalise takes no --template.
. "$(dirname "$0")/lib.sh"
DB=$(new_db t)
Y="--tahun 2023 --triwulan 2"
export SOURCE_DATE_EPOCH=1700000000
lakip -d "$DB" import "$FIXTURE"
expect_rc "import" 0
lakip -d "$DB" template show -o "$T/shown.yaml"
expect_rc "template show with none set" 0
check "it is the installed template" cmp "$T/shown.yaml" "$LAKIP_DATA_DIR/templates/laporan.yaml"
expect_in "and says so" "$T/stderr" "the installed template (none set)"
lakip -d "$DB" report $Y -o "$T/before.pdf"
expect_rc "report with the installed template" 0

# The agency's own words.
sed 's/^  judul_bab1: BAB I KINERJA$/  judul_bab1: BAB I CAPAIAN KINERJA INSTANSI/' \
	"$LAKIP_DATA_DIR/templates/laporan.yaml" >"$T/own.yaml"
check "the template was changed" sh -c "! cmp -s '$T/own.yaml' '$LAKIP_DATA_DIR/templates/laporan.yaml'"
lakip -d "$DB" template set "$T/own.yaml"
expect_rc "template set" 0
expect_in "version 1" "$T/stdout" "version 1 set"
rm "$T/own.yaml"        # the database alone holds it now
lakip -d "$DB" report $Y -o "$T/own.pdf"
expect_rc "report with the agency's template" 0
pdftotext "$T/own.pdf" - 2>/dev/null >"$T/own.txt"
expect_in "the report prints the agency's words" "$T/own.txt" "CAPAIAN KINERJA INSTANSI"
# A user's home or data directory does not change it.
mkdir -p "$HOME/.config/lakip/templates"
sed 's/CAPAIAN KINERJA INSTANSI/DARI RUMAH/; s/^  judul_bab1: .*/  judul_bab1: DARI RUMAH/' \
	"$LAKIP_DATA_DIR/templates/laporan.yaml" >"$HOME/.config/lakip/templates/laporan.yaml"
lakip -d "$DB" report $Y -o "$T/again.pdf"
check "the same PDF whatever is in the user's home" cmp "$T/own.pdf" "$T/again.pdf"
rm -r "$HOME/.config/lakip"
# A draft template still works with --template, and changes nothing stored.
sed 's/^  judul_bab1: BAB I KINERJA$/  judul_bab1: BAB I DRAF/' \
	"$LAKIP_DATA_DIR/templates/laporan.yaml" >"$T/draf.yaml"
lakip -d "$DB" report $Y --template "$T/draf.yaml" -o "$T/draf.pdf"
expect_rc "report --template FILE for a draft" 0
pdftotext "$T/draf.pdf" - 2>/dev/null | grep -q "BAB I DRAF" && ok "the draft prints its words" ||
	not_ok "the draft prints its words"

# A broken template is refused with its position; nothing is stored.
before=$(sum "$DB")
sed "s/Tahun {tahun}/Tahun {tahunX}/" "$LAKIP_DATA_DIR/templates/laporan.yaml" >"$T/bad.yaml"
check "the bad template differs" sh -c "! cmp -s '$T/bad.yaml' '$LAKIP_DATA_DIR/templates/laporan.yaml'"
lakip -d "$DB" template set "$T/bad.yaml"
expect_rc "a template with an unknown placeholder" 65
expect_in "named with file, line and column" "$T/stderr" "bad.yaml:"
expect_eq "nothing stored" "$(sum "$DB")" "$before"
lakip -d "$DB" template set "$T/none.yaml"
expect_rc "a missing file" 66

# Versions, show, reset, audit.
lakip -d "$DB" template reset
expect_rc "template reset" 0
expect_in "version 2: the installed template" "$T/stdout" "version 2, the installed template again"
lakip -d "$DB" report $Y -o "$T/reset.pdf"
check "after reset the report is the installed one" cmp "$T/reset.pdf" "$T/before.pdf"
lakip -d "$DB" template show --versi 1
expect_rc "template show --versi 1" 0
expect_in "shows the agency's version" "$T/stdout" "judul_bab1: BAB I CAPAIAN KINERJA INSTANSI"
lakip -d "$DB" template show --versi 9
expect_rc "a version that does not exist" 66
lakip -d "$DB" audit log
expect_in "set is audited" "$T/stdout" "template-set kesbangpol-kalteng instansi_template 1.sha256"
expect_in "reset is audited" "$T/stdout" "template-reset kesbangpol-kalteng instansi_template 2.sha256"
lakip -d "$DB" audit verify
expect_rc "the audit chain is whole" 0

# finalise prints with the agency's template and takes no --template.
printf 'teks:\n' >/dev/null
sed 's/^  judul_bab1: BAB I KINERJA$/  judul_bab1: BAB I CAPAIAN KINERJA INSTANSI/' \
	"$LAKIP_DATA_DIR/templates/laporan.yaml" >"$T/own.yaml"
lakip -d "$DB" template set "$T/own.yaml"
approve_all "$DB"
test_key
lakip -d "$DB" signer set "$T/cert.pem"
export LAKIP_P12_PASS=rahasia
lakip -d "$DB" finalise $Y --p12 "$T/k.p12" --template "$T/draf.yaml" -o "$T/x.pdf"
expect_rc "finalise --template is refused" 64
lakip -d "$DB" finalise $Y --p12 "$T/k.p12" -o "$T/signed.pdf"
expect_rc "finalise" 0
pdftotext "$T/signed.pdf" - 2>/dev/null >"$T/signed.txt"
expect_in "the signed report prints the agency's words" "$T/signed.txt" "CAPAIAN KINERJA INSTANSI"
finish
