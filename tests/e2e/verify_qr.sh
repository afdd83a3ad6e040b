#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# verify_qr.sh - the QR code of a signed report (issue 11, trap 10): the
# agency's verification URL with the version's identity and content
# hash, which `lakip verify --qr IMAGE.png` reads back from a scan of the
# page; a version 2 says on its cover and in its code that it replaces
# version 1; a code of another database, or of changed data, fails.
. "$(dirname "$0")/lib.sh"
for tool in openssl sqlite3 pdftotext pdftoppm; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
DB="$T/q.db"
Y="--tahun 2023 --triwulan 2"
URL=https://sakip.kalteng.go.id/verifikasi
sed "s|^  kota: Palangka Raya\$|  kota: Palangka Raya\\
  verifikasi: $URL|" "$FIXTURE_KET" >"$T/url.yaml"
lakip -d "$DB" import "$T/url.yaml"
expect_rc "a plan with a verification URL imports" 0
approve_all "$DB"
test_key
lakip -d "$DB" signer set "$T/cert.pem"
LAKIP_P12_PASS=rahasia lakip -d "$DB" finalise $Y --p12 "$T/k.p12" -o "$T/v1.pdf"
expect_rc "version 1 is signed" 0
if grep -q "verification URL" "$T/stderr"; then
	not_ok "no warning of a missing URL when there is one" "$(cat "$T/stderr")"
else ok "no warning of a missing URL when there is one"; fi
# The page of the signature (kata pengantar) scanned at 150 dpi.
page() { pdftoppm -f 2 -l 2 -r 150 -png -singlefile "$1" "$2"; }
page "$T/v1.pdf" "$T/v1"
sha=$(sqlite3 "$DB" "SELECT content_sha256 FROM signed_report WHERE version = 1")
if command -v zbarimg >/dev/null; then
	zbarimg --raw -q "$T/v1.png" >"$T/qr1" 2>/dev/null || true
	expect_eq "the QR code is the URL with the version's identity and hash" "$(cat "$T/qr1")" \
		"$URL?instansi=kesbangpol-kalteng&tahun=2023&triwulan=2&versi=1&sha256=$sha"
else
	ok "the QR code as a URL # SKIP zbarimg (zbar-tools) missing"
fi
lakip -d "$DB" verify --qr "$T/v1.png"
expect_rc "verify --qr reads the scan and verifies it" 0
expect_in "naming the report" "$T/stdout" "QR code: kesbangpol-kalteng, Triwulan II 2023, version 1"
expect_in "the stored version" "$T/stdout" "Report: version 1 of 1"
expect_in "the code is lakip's own" "$T/stdout" "Code: the one lakip prints for this version"
expect_in "the data still the signed ones" "$T/stdout" "the database still holds the data that were signed"
expect_in "and verified" "$T/stdout" "Verified."

# ---- what is not a code of this database ----
lakip -d "$DB" verify --qr "$T/none.png"
expect_rc "a missing image: 66" 66
printf 'not a picture' >"$T/x.png"
lakip -d "$DB" verify --qr "$T/x.png"
expect_rc "a file that is not a PNG: 65" 65
expect_in "saying so" "$T/stderr" "not a PNG image"
pdftoppm -f 1 -l 1 -r 40 -png -singlefile "$T/v1.pdf" "$T/cover"
lakip -d "$DB" verify --qr "$T/cover.png"
expect_rc "a page without a QR code: 65" 65
expect_in "saying so" "$T/stderr" "no QR code found"
lakip -d "$DB" verify --qr "$T/v1.png" "$T/v1.pdf"
expect_rc "--qr with a PDF too is a usage error" 64
# The same report signed from another database whose agency sends the
# phone elsewhere: its code is not one of this database's versions.
sed "s|$URL|https://palsu.example.com/cek|" "$T/url.yaml" >"$T/evil.yaml"
lakip -d "$T/evil.db" import "$T/evil.yaml"
approve_all "$T/evil.db"
lakip -d "$T/evil.db" signer set "$T/cert.pem"
LAKIP_P12_PASS=rahasia lakip -d "$T/evil.db" finalise $Y --p12 "$T/k.p12" -o "$T/evil.pdf"
page "$T/evil.pdf" "$T/evil"
lakip -d "$DB" verify --qr "$T/evil.png"
expect_rc "a code that points elsewhere fails" 65
expect_in "its hash is not the stored version's" "$T/stdout" "DIFFERS from the stored signed version"
expect_in "nor the code lakip prints" "$T/stdout" "NOT the one lakip prints"
expect_in "verification FAILED" "$T/stderr" "verification FAILED"

# ---- the data changed behind the signature ----
cp "$DB" "$T/changed.db"
sqlite3 "$T/changed.db" "UPDATE realisasi_program SET nilai = nilai + 100 WHERE program_id = (SELECT id FROM program WHERE kode = 'P01')"
lakip -d "$T/changed.db" verify --qr "$T/v1.png"
expect_rc "data changed since signing: 65" 65
expect_in "saying so" "$T/stdout" "CHANGED in the database since signing"

# ---- version 2 replaces version 1 ----
lakip -d "$DB" unlock $Y --reason "koreksi realisasi"
expect_rc "unlocked" 0
LAKIP_P12_PASS=rahasia lakip -d "$DB" finalise $Y --p12 "$T/k.p12" -o "$T/v2.pdf"
expect_rc "version 2 is signed" 0
pdftotext -f 1 -l 1 "$T/v2.pdf" "$T/cover2.txt"
expect_in "its cover says it replaces version 1" "$T/cover2.txt" "VERSI 2, MENGGANTIKAN VERSI 1"
pdftotext -f 1 -l 1 "$T/v1.pdf" "$T/cover1.txt"
if grep -q "VERSI" "$T/cover1.txt"; then not_ok "version 1's cover names no version" "$(cat "$T/cover1.txt")"
else ok "version 1's cover names no version"; fi
page "$T/v2.pdf" "$T/v2"
if command -v zbarimg >/dev/null; then
	zbarimg --raw -q "$T/v2.png" >"$T/qr2" 2>/dev/null || true
	expect_in "its code says it replaces version 1" "$T/qr2" "&versi=2&"
	expect_in "with menggantikan=1" "$T/qr2" "&menggantikan=1"
else
	ok "the QR code of version 2 # SKIP zbarimg (zbar-tools) missing"
	ok "menggantikan # SKIP zbarimg (zbar-tools) missing"
fi
lakip -d "$DB" verify --qr "$T/v2.png"
expect_rc "version 2 verifies" 0
expect_in "as the one in force" "$T/stdout" "Report: version 2 of 2"
expect_in "replacing version 1" "$T/stdout" "Replaces: version 1"
lakip -d "$DB" verify --qr "$T/v1.png"
expect_rc "version 1 is still authentic" 0
expect_in "but superseded" "$T/stdout" "Verified, but superseded: version 2 is the one in force."

# ---- without a verification URL: the text form, with a warning ----
lakip -d "$T/text.db" import "$FIXTURE_KET"
approve_all "$T/text.db"
lakip -d "$T/text.db" signer set "$T/cert.pem"
LAKIP_P12_PASS=rahasia lakip -d "$T/text.db" finalise $Y --p12 "$T/k.p12" -o "$T/t1.pdf"
expect_rc "signed without a URL" 0
expect_in "warning that a phone cannot check it" "$T/stderr" "no verification URL (instansi.verifikasi)"
page "$T/t1.pdf" "$T/t1"
lakip -d "$T/text.db" verify --qr "$T/t1.png"
expect_rc "the text form verifies too" 0
expect_in "naming the report" "$T/stdout" "QR code: kesbangpol-kalteng, Triwulan II 2023, version 1"
lakip -d "$DB" verify --qr "$T/t1.png"
expect_rc "but not against another database's version" 65
finish
