#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# lkjip_sign.sh - the year's LKjIP signed by the head: `finalise --dokumen
# lkjip` signs it (pdfsig valid, qpdf --check), stores it as version 1
# with its audit records and locks the year's annual data (import of a
# changed annual realisation or text refused, exit 77; the plan itself
# still changes); verify and verify --qr of the rendered page check it;
# signed get gives it back byte for byte; a tampered byte fails verify;
# `unlock --dokumen lkjip` (admin, with a reason) lets the data change and
# the next finalise makes version 2; audit verify names a stored row that
# was changed with sqlite3.
. "$(dirname "$0")/lib.sh"
for tool in openssl pdfsig qpdf sqlite3 pdftoppm; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
DB="$T/lkjip.db"
DATA="$LAKIP_SRCDIR/tests/data/tahunan-2023.yaml"
Y="--tahun 2023"
export LAKIP_P12_PASS=rahasia
key() {   # key NAME SUBJECT
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/$1.key" \
		-out "$T/$1.pem" -days 30 -subj "$2" >/dev/null 2>&1
	openssl pkcs12 -export -inkey "$T/$1.key" -in "$T/$1.pem" \
		-out "$T/$1.p12" -passout pass:rahasia >/dev/null 2>&1
}
key head "/CN=Budi Santoso/serialNumber=196610221993081001"
key other "/CN=Orang Lain"
lakip -d "$DB" import "$DATA"
expect_rc "the year imports" 0
lakip -d "$DB" signer set "$T/head.pem"
expect_rc "the head's certificate registered" 0

# What is refused before anything is signed.
lakip -d "$DB" finalise --dokumen lkjip --tahun 2023 --triwulan 4 --p12 "$T/head.p12" -o "$T/x.pdf"
expect_rc "--triwulan with --dokumen lkjip" 64
lakip -d "$DB" finalise --dokumen lkjip --pihak kedua $Y --p12 "$T/head.p12" -o "$T/x.pdf"
expect_rc "--pihak with --dokumen lkjip" 64
lakip -d "$DB" finalise --dokumen lkjip $Y --p12 "$T/other.p12" -o "$T/x.pdf"
expect_rc "a key not registered is refused" 77
check "nothing was written" test ! -e "$T/x.pdf"
lakip -d "$DB" signed get --dokumen lkjip $Y -o "$T/x.pdf"
expect_rc "signed get before any signature" 66
lakip -d "$DB" unlock --dokumen lkjip $Y --reason "x"
expect_rc "unlock of an LKjIP not signed" 65

# The head signs.
lakip -d "$DB" finalise --dokumen lkjip $Y --p12 "$T/head.p12" -o "$T/l1.pdf"
expect_rc "the head signs the LKjIP" 0
expect_in "it says what it did" "$T/stdout" "Signed the LKjIP 2023 of uji-tahunan: version 1 signed by"
expect_in "and that the data are locked" "$T/stdout" "the year's annual data are locked"
pdfsig "$T/l1.pdf" >"$T/sig1" 2>&1
expect_eq "one signature" "$(grep -c '^Signature #' "$T/sig1")" 1
expect_in "pdfsig: valid" "$T/sig1" "Signature is Valid"
qpdf --check "$T/l1.pdf" >"$T/qpdf" 2>&1
expect_rc "qpdf --check" 0
lakip -d "$DB" signed get --dokumen lkjip $Y -o "$T/got.pdf"
expect_rc "signed get --dokumen lkjip" 0
check "it is the signed file, byte for byte" cmp "$T/got.pdf" "$T/l1.pdf"
lakip -d "$DB" finalise --dokumen lkjip $Y --p12 "$T/head.p12" -o "$T/x.pdf"
expect_rc "signing again while locked is refused" 77
expect_in "it says it is locked" "$T/stderr" "the LKjIP 2023 of uji-tahunan is signed (version 1"

# verify.
lakip -d "$DB" verify "$T/l1.pdf"
expect_rc "verify" 0
expect_in "it names the LKjIP" "$T/stdout" "LKjIP 2023 of uji-tahunan: 1 signature(s)"
expect_in "signed by the head" "$T/stdout" "Signer: the head of the agency, version 1"
expect_in "its reason names the LKjIP" "$T/stdout" \
	"Signed as: Budi Santoso, Laporan Kinerja Instansi Pemerintah Tahun 2023 (versi 1)"
expect_in "registered" "$T/stdout" "registered for that party"
expect_in "the stored file" "$T/stdout" "identical to the stored signed version"
expect_in "the data are those signed" "$T/stdout" "the database still holds the data that were signed"
expect_in "locked" "$T/stdout" "signed by the head; the year's annual data are locked"
expect_in "verified" "$T/stdout" "Verified."

# The QR code of the page that carries the signature.
if command -v zbarimg >/dev/null 2>&1; then
	found=
	pages=$(pdfinfo "$T/l1.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	for pg in $(seq 1 "${pages:-1}"); do
		pdftoppm -png -r 150 -f "$pg" -l "$pg" -singlefile "$T/l1.pdf" "$T/page"
		if zbarimg -q --raw "$T/page.png" >"$T/qr" 2>/dev/null; then
			found=$pg
			break
		fi
	done
	check "a page carries a QR code" test -n "$found"
	expect_in "it is the agency's verification URL of the LKjIP" "$T/qr" \
		"https://sakip.uji.go.id/verifikasi?dokumen=lkjip&instansi=uji-tahunan&tahun=2023&versi=1&sha256="
	lakip -d "$DB" verify --qr "$T/page.png"
	expect_rc "verify --qr reads it back" 0
	expect_in "naming the LKjIP" "$T/stdout" "QR code: uji-tahunan, LKjIP 2023, version 1"
	expect_in "the code lakip prints" "$T/stdout" "Code: the one lakip prints for this version"
	expect_in "verified by its code" "$T/stdout" "Verified."
else
	ok "# SKIP zbarimg is missing: the QR code"
fi

# Tampered: a byte under the signature.
cp "$T/l1.pdf" "$T/t1.pdf"
printf 'X' | dd of="$T/t1.pdf" bs=1 seek=8000 conv=notrunc 2>/dev/null
lakip -d "$DB" verify "$T/t1.pdf"
expect_rc "a byte changed fails verify" 65
expect_in "NOT VALID" "$T/stdout" "NOT VALID"

# The lock: the annual data refuse changes, the plan does not.
sed 's/^    IDI: 80$/    IDI: 81/' "$DATA" >"$T/idi81.yaml"
check "the changed file differs" sh -c "! cmp -s '$DATA' '$T/idi81.yaml'"
lakip -d "$DB" import "$T/idi81.yaml"
expect_rc "an annual realisation changed is refused" 77
expect_in "saying the LKjIP is signed" "$T/stderr" "the LKjIP 2023 is signed (version 1"
sed 's/^  tanggal: 2024-02-15$/  tanggal: 2024-02-16/' "$DATA" >"$T/tgl.yaml"
lakip -d "$DB" import "$T/tgl.yaml"
expect_rc "the report's date changed is refused" 77
lakip -d "$DB" import "$DATA"
expect_rc "the same data import again" 0
lakip -d "$DB" verify "$T/l1.pdf"
expect_rc "and the signed file still verifies" 0

# audit verify, and a stored row changed behind lakip's back.
lakip -d "$DB" audit verify
expect_rc "audit verify" 0
cp "$DB" "$T/bad.db"
sqlite3 "$T/bad.db" "UPDATE lkjip_signed SET content_sha256 = '$(printf '%064d' 0)'"
lakip -d "$T/bad.db" audit verify
expect_rc "audit verify of a changed row" 65
expect_in "it names the row" "$T/stderr" "signed LKjIP uji-tahunan/2023 version 1 differs from its finalise record"

# Unlock, change, sign version 2.
lakip -d "$DB" unlock --dokumen lkjip $Y
expect_rc "unlock needs a reason" 64
lakip -d "$DB" unlock --dokumen lkjip --tahun 2023 --triwulan 4 --reason "x"
expect_rc "unlock --dokumen lkjip takes no --triwulan" 64
lakip -d "$DB" unlock --dokumen lkjip $Y --reason "Realisasi IDI dikoreksi BPS"
expect_rc "the admin unlocks the LKjIP" 0
expect_in "it says so" "$T/stdout" "Unlocked the LKjIP 2023 of uji-tahunan"
lakip -d "$DB" unlock --dokumen lkjip $Y --reason "lagi"
expect_rc "unlocking again: it is not locked" 65
lakip -d "$DB" audit log
expect_in "the reason is in the audit log" "$T/stdout" "Realisasi IDI dikoreksi BPS"
lakip -d "$DB" import "$T/idi81.yaml"
expect_rc "unlocked, the annual data change" 0
lakip -d "$DB" verify "$T/l1.pdf"
expect_rc "version 1 no longer matches the data" 65
expect_in "verify says the data changed" "$T/stdout" "CHANGED in the database since signing"
lakip -d "$DB" finalise --dokumen lkjip $Y --p12 "$T/head.p12" -o "$T/l2.pdf"
expect_rc "the head signs version 2" 0
expect_in "version 2" "$T/stdout" "version 2 signed by"
lakip -d "$DB" verify "$T/l2.pdf"
expect_rc "version 2 verifies" 0
lakip -d "$DB" signed get --dokumen lkjip --versi 1 $Y -o "$T/v1.pdf"
expect_rc "signed get --versi 1" 0
check "version 1 as stored" cmp "$T/v1.pdf" "$T/l1.pdf"
lakip -d "$DB" import "$DATA"
expect_rc "version 2 locks the data again" 77
lakip -d "$DB" audit verify
expect_rc "audit verify after unlock and version 2" 0
finish
