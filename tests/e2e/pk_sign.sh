#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# pk_sign.sh - the Perjanjian Kinerja signed by both parties: pihak
# pertama (the head) signs with `finalise --dokumen pk`, pihak kedua (his
# superior, a certificate registered with `signer set --pihak kedua`)
# countersigns with `--pihak kedua` as a second incremental update:
# pdfsig shows two valid signatures, qpdf --check passes, the AcroForm has
# two fields and the page's /Annots both widgets; verify checks and names
# both; the order is enforced; a change of the data between the two
# signatures makes pihak pertama sign again; once both signed the
# agreement is locked against import (its targets, budgets, parties) and
# cannot be signed again; a tampered byte fails verify; the audit log
# holds every signature and audit verify checks the rows.  The agency's
# own agreement template (template set of a jenis: perjanjian file) is
# what report --dokumen pk and finalise print with.
. "$(dirname "$0")/lib.sh"
for tool in openssl pdfsig pdftotext qpdf sqlite3; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
DB="$T/pk.db"
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
key gub "/CN=Gubernur Uji"
lakip -d "$DB" import "$DATA"
expect_rc "the year with its agreement imports" 0
lakip -d "$DB" signer set "$T/head.pem"
expect_rc "the head's certificate registered" 0
lakip -d "$DB" signer set --pihak kedua "$T/gub.pem"
expect_rc "the governor's certificate registered for pihak kedua" 0
expect_in "it says for what" "$T/stdout" "pihak kedua of its Perjanjian Kinerja"
lakip -d "$DB" signer list
expect_in "signer list shows pihak kedua" "$T/stdout" "pihak kedua"

# The order and the keys.
lakip -d "$DB" finalise --dokumen pk --pihak kedua $Y --p12 "$T/gub.p12" -o "$T/x.pdf"
expect_rc "pihak kedua before pihak pertama is refused" 65
expect_in "it says who signs first" "$T/stderr" \
	"pihak pertama (the head of uji-tahunan) has not signed the Perjanjian Kinerja 2023 yet"
check "nothing was written" test ! -e "$T/x.pdf"
lakip -d "$DB" finalise --dokumen pk $Y --p12 "$T/gub.p12" -o "$T/x.pdf"
expect_rc "the governor's key cannot sign as the head" 77
lakip -d "$DB" finalise --dokumen pk --tahun 2023 --triwulan 1 --p12 "$T/head.p12" -o "$T/x.pdf"
expect_rc "--triwulan with --dokumen pk" 64
lakip -d "$DB" finalise --dokumen pk --pihak ketiga $Y --p12 "$T/head.p12" -o "$T/x.pdf"
expect_rc "an unknown --pihak" 64
lakip -d "$DB" finalise --pihak kedua --tahun 2023 --triwulan 2 --p12 "$T/gub.p12" -o "$T/x.pdf"
expect_rc "--pihak without --dokumen pk" 64

# The agency's own agreement template, kept in the database, is the one
# report and finalise print with; the quarterly template stays apart.
sed 's/^  pk_judul: PERJANJIAN KINERJA TAHUN {tahun}$/  pk_judul: PERJANJIAN KINERJA BADAN TAHUN {tahun}/' \
	"$LAKIP_DATA_DIR/templates/perjanjian.yaml" >"$T/own-pk.yaml"
lakip -d "$DB" template set "$T/own-pk.yaml"
expect_rc "template set of an agreement template" 0
expect_in "it says for which document" "$T/stdout" "for the perjanjian: version 1 set"
lakip -d "$DB" template show --dokumen pk -o "$T/shown.yaml"
check "template show --dokumen pk gives it back" cmp "$T/shown.yaml" "$T/own-pk.yaml"
lakip -d "$DB" template show -o "$T/shown-laporan.yaml"
check "the quarterly template is still the installed one" \
	cmp "$T/shown-laporan.yaml" "$LAKIP_DATA_DIR/templates/laporan.yaml"
lakip -d "$DB" report --dokumen pk $Y -o "$T/own.pdf"
expect_rc "report --dokumen pk with the agency's template" 0
pdftotext -layout -f 1 -l 1 "$T/own.pdf" "$T/own.txt"
expect_in "it prints the agency's title" "$T/own.txt" "PERJANJIAN KINERJA BADAN TAHUN 2023"

# Pihak pertama.
lakip -d "$DB" finalise --dokumen pk $Y --p12 "$T/head.p12" -o "$T/p1.pdf"
expect_rc "pihak pertama signs" 0
expect_in "it says what it did" "$T/stdout" \
	"Signed the Perjanjian Kinerja 2023 of uji-tahunan as pihak pertama: version 1"
pdftotext -layout -f 1 -l 1 "$T/p1.pdf" "$T/p1.txt"
expect_in "the signed agreement is printed with the agency's template" "$T/p1.txt" \
	"PERJANJIAN KINERJA BADAN TAHUN 2023"
if command -v zbarimg >/dev/null 2>&1; then
	# At 150 dpi an A4 page is 1240 pixels wide: the halves apart.
	pdftoppm -png -r 150 -f 1 -l 1 -x 620 -y 0 -W 620 -H 1754 -singlefile \
		"$T/p1.pdf" "$T/right"
	pdftoppm -png -r 150 -f 1 -l 1 -x 0 -y 0 -W 620 -H 1754 -singlefile \
		"$T/p1.pdf" "$T/left"
	zbarimg -q --raw "$T/right.png" >"$T/qr" 2>/dev/null
	expect_in "the QR code, in pihak pertama's half, is the agency's verification URL of the agreement" \
		"$T/qr" "https://sakip.uji.go.id/verifikasi?dokumen=pk&instansi=uji-tahunan&tahun=2023&versi=1&sha256="
	lakip -d "$DB" verify --qr "$T/right.png"
	expect_rc "verify --qr reads the agreement's code back" 0
	expect_in "naming the agreement" "$T/stdout" "QR code: uji-tahunan, Perjanjian Kinerja 2023, version 1"
	expect_in "the code lakip prints" "$T/stdout" "Code: the one lakip prints for this version"
	expect_in "verified" "$T/stdout" "Verified."
	check "pihak kedua's half has no QR code over his block" \
		sh -c "! zbarimg -q --raw '$T/left.png' >/dev/null 2>&1"
else
	ok "# SKIP zbarimg is missing: the QR code"
fi
pdfsig "$T/p1.pdf" >"$T/sig1" 2>&1
expect_eq "one signature" "$(grep -c '^Signature #' "$T/sig1")" 1
expect_in "valid" "$T/sig1" "Signature is Valid"
lakip -d "$DB" finalise --dokumen pk --pihak kedua $Y --p12 "$T/head.p12" -o "$T/x.pdf"
expect_rc "the head's key cannot countersign" 77
expect_in "it names the registration needed" "$T/stderr" "signer set --pihak kedua"

# A target changed before pihak kedua signs: pihak pertama signs again.
sed 's/^        target: 78$/        target: 79/' "$DATA" >"$T/t79.yaml"
lakip -d "$DB" import "$T/t79.yaml"
expect_rc "before both signed, the targets may change" 0
lakip -d "$DB" finalise --dokumen pk --pihak kedua $Y --p12 "$T/gub.p12" -o "$T/x.pdf"
expect_rc "pihak kedua refuses what pihak pertama did not sign" 65
expect_in "it says so" "$T/stderr" "changed after pihak pertama signed version 1"
lakip -d "$DB" finalise --dokumen pk $Y --p12 "$T/head.p12" -o "$T/p1.pdf"
expect_rc "pihak pertama signs version 2" 0
expect_in "version 2" "$T/stdout" "version 2 signed by"

# Pihak kedua.
lakip -d "$DB" finalise --dokumen pk --pihak kedua $Y --p12 "$T/gub.p12" -o "$T/pk.pdf"
expect_rc "pihak kedua countersigns" 0
expect_in "stored and locked" "$T/stdout" \
	"Countersigned the Perjanjian Kinerja 2023 of uji-tahunan as pihak kedua: version 2 signed by CN = Gubernur Uji, stored and locked"
pdfsig "$T/pk.pdf" >"$T/sig2" 2>&1
expect_eq "pdfsig: two signatures" "$(grep -c '^Signature #' "$T/sig2")" 2
expect_eq "pdfsig: both valid" "$(grep -c 'Signature is Valid' "$T/sig2")" 2
expect_in "pdfsig: the head signed" "$T/sig2" "Common Name: Budi Santoso"
expect_in "pdfsig: the governor signed" "$T/sig2" "Common Name: Gubernur Uji"
check "qpdf --check" qpdf --check "$T/pk.pdf"
n1=$(wc -c <"$T/p1.pdf")
check "the countersigned file begins with the file pihak pertama signed" \
	sh -c "head -c $n1 '$T/pk.pdf' | cmp -s - '$T/p1.pdf'"
qpdf --show-object=1 "$T/pk.pdf" >"$T/cat" 2>&1
check "the AcroForm: two fields, /SigFlags 3" \
	grep -Eq '/AcroForm << /Fields \[ [0-9]+ 0 R [0-9]+ 0 R \] /SigFlags 3 >>' "$T/cat"
page=$(qpdf --json "$T/pk.pdf" | sed -n 's/.*"object": "\([0-9]*\) 0 R", *"pageposfrom1": 1.*/\1/p;' | head -1)
[ -n "$page" ] || page=$(qpdf --show-object=2 "$T/pk.pdf" | sed -n 's/.*\/Kids \[ \([0-9]*\) 0 R.*/\1/p')
qpdf --show-object="$page" "$T/pk.pdf" >"$T/page" 2>&1
check "the first page's /Annots carries both widgets" \
	grep -Eq '/Annots \[ [0-9]+ 0 R [0-9]+ 0 R \]' "$T/page"
check "the second update names the second field" grep -aq "/T (Signature2)" "$T/pk.pdf"

# The stored versions, byte for byte.
lakip -d "$DB" signed get --dokumen pk $Y -o "$T/got.pdf"
expect_rc "signed get --dokumen pk" 0
check "it is the countersigned file" cmp "$T/got.pdf" "$T/pk.pdf"
lakip -d "$DB" signed get --dokumen pk --pihak pertama $Y -o "$T/got1.pdf"
expect_rc "signed get --dokumen pk --pihak pertama" 0
check "it is the file pihak pertama signed" cmp "$T/got1.pdf" "$T/p1.pdf"
lakip -d "$DB" signed get --dokumen pk --pihak kedua --versi 1 $Y -o "$T/got2.pdf"
expect_rc "version 1 was never countersigned" 66
lakip -d "$DB" signed get --dokumen pk --versi 1 $Y -o "$T/got3.pdf"
expect_rc "version 1 as pihak pertama signed it" 0
check "it carries one signature" sh -c "pdfsig '$T/got3.pdf' | grep -c '^Signature #' | grep -qx 1"

# verify.
lakip -d "$DB" verify "$T/pk.pdf"
expect_rc "verify" 0
expect_in "both signatures" "$T/stdout" "Perjanjian Kinerja 2023 of uji-tahunan: 2 signature(s)"
expect_in "the first, valid, by the head" "$T/stdout" \
	"Signature 1: valid (CN = Budi Santoso, serialNumber = 196610221993081001)"
expect_in "named as pihak pertama" "$T/stdout" "Signer: pihak pertama (the head of the agency), version 2"
expect_in "the second, valid, by the governor" "$T/stdout" "Signature 2: valid (CN = Gubernur Uji)"
expect_in "named as pihak kedua" "$T/stdout" "Signer: pihak kedua (his superior), version 2"
expect_in "the data are those signed" "$T/stdout" "the database still holds the data that were signed"
expect_in "locked" "$T/stdout" "signed by both parties; the agreement is locked"
expect_in "verified" "$T/stdout" "Verified."

# Tampered: a byte of the first revision, a byte of the second.
cp "$T/pk.pdf" "$T/t1.pdf"
printf 'X' | dd of="$T/t1.pdf" bs=1 seek=8000 conv=notrunc 2>/dev/null
lakip -d "$DB" verify "$T/t1.pdf"
expect_rc "a byte changed under both signatures fails" 65
expect_in "both NOT VALID" "$T/stdout" "Signature 2: NOT VALID"
pdfsig "$T/t1.pdf" >"$T/sigt" 2>&1
expect_eq "pdfsig agrees" "$(grep -c 'Digest Mismatch' "$T/sigt")" 2
cp "$T/pk.pdf" "$T/t2.pdf"
# The governor's name in his signature dictionary, after the first file.
at=$(grep -abo "/Name (Gubernur Uji)" "$T/pk.pdf" | tail -1 | cut -d: -f1)
check "the countersignature's /Name is in the second update" test "$at" -gt "$n1"
printf 'X' | dd of="$T/t2.pdf" bs=1 seek=$((at + 8)) conv=notrunc 2>/dev/null
lakip -d "$DB" verify "$T/t2.pdf"
expect_rc "a byte changed under the countersignature fails" 65
expect_in "the first still valid" "$T/stdout" "Signature 1: valid"
expect_in "the second not" "$T/stdout" "Signature 2: NOT VALID"
expect_in "verification FAILED" "$T/stderr" "verification FAILED"

# The lock.
sed 's/^        target: 79$/        target: 80/' "$T/t79.yaml" >"$T/t80.yaml"
lakip -d "$DB" import "$T/t80.yaml"
expect_rc "an IKU target of the signed agreement" 77
expect_in "it says it is signed" "$T/stderr" "the Perjanjian Kinerja 2023 is signed by both parties (version 2"
sed 's/^    anggaran: 1000000$/    anggaran: 1000001/' "$T/t79.yaml" >"$T/ang.yaml"
lakip -d "$DB" import "$T/ang.yaml"
expect_rc "a program's anggaran" 77
sed 's/^    nama: Gubernur Uji$/    nama: Gubernur Lain/' "$T/t79.yaml" >"$T/gub2.yaml"
lakip -d "$DB" import "$T/gub2.yaml"
expect_rc "pihak kedua of the agreement" 77
lakip -d "$DB" import --dry-run "$T/t80.yaml"
expect_rc "a dry run says the same" 77
lakip -d "$DB" import "$T/t79.yaml"
expect_rc "the same data import (nothing changes)" 0
sed 's/^  kesimpulan: Kinerja tercapai\.$/  kesimpulan: Kinerja tercapai sepenuhnya./' "$T/t79.yaml" >"$T/kes.yaml"
lakip -d "$DB" import "$T/kes.yaml"
expect_rc "what the agreement does not state still changes" 0
# The agency's profile is shared by its years: the head the agreement
# names stays through another year's plan too.
sed -n '1,13p' "$DATA" >"$T/y24.yaml"
cat >>"$T/y24.yaml" <<'EOF2'
tahun: 2024
sasaran:
  - kode: S1
    uraian: Meningkatnya kualitas demokrasi
    iku:
      - {kode: IDI, uraian: Indeks Demokrasi Indonesia, satuan: indeks, polaritas: positif, target: 79}
program: []
EOF2
lakip -d "$DB" import "$T/y24.yaml"
expect_rc "another year's plan with the same head imports" 0
sed 's/^    nama: Budi Santoso$/    nama: Kepala Baru/' "$T/y24.yaml" >"$T/y24b.yaml"
lakip -d "$DB" import "$T/y24b.yaml"
expect_rc "another year's plan cannot change the head the agreement names" 77
expect_in "it names the agreement" "$T/stderr" \
	"the Perjanjian Kinerja 2023 is signed by both parties and names the agency and its head"
lakip -d "$DB" finalise --dokumen pk $Y --p12 "$T/head.p12" -o "$T/x.pdf"
expect_rc "pihak pertama cannot sign a locked agreement again" 77
expect_in "it says it is locked" "$T/stderr" "signed by both parties (version 2"
lakip -d "$DB" finalise --dokumen pk --pihak kedua $Y --p12 "$T/gub.p12" -o "$T/x.pdf"
expect_rc "nor pihak kedua" 77

# The audit log and the tables of trust.
lakip -d "$DB" audit log
expect_eq "a record of each signature's file" \
	"$(grep -c 'pk_signed [12]/[12].pdf_sha256' "$T/stdout")" 3
expect_in "the lock recorded" "$T/stdout" 'pk_signed 2/2.locked "0" -> "1"'
lakip -d "$DB" audit verify
expect_rc "audit verify" 0
cp "$DB" "$T/bad.db"
sqlite3 "$T/bad.db" "UPDATE pk_signed SET pdf_sha256 = '$(printf '%064d' 0)' WHERE pihak = 2"
lakip -d "$T/bad.db" audit verify
expect_rc "a stored signature changed behind lakip's back" 65
expect_in "it is named" "$T/stderr" "signed agreement uji-tahunan/2023 version 2 pihak 2"
cp "$DB" "$T/bad1.db"
sqlite3 "$T/bad1.db" "UPDATE instansi_template SET dokumen = 'laporan'"
lakip -d "$T/bad1.db" audit verify
expect_rc "the agreement template made the quarterly one behind lakip's back" 65
expect_in "it is named" "$T/stderr" "template version uji-tahunan 1 differs from its record"
cp "$DB" "$T/bad2.db"
sqlite3 "$T/bad2.db" "UPDATE signer SET pihak = 2 WHERE subject LIKE '%Budi%'"
lakip -d "$T/bad2.db" audit verify
expect_rc "a signer made pihak kedua behind lakip's back" 65

# A revised agreement: the admin unlocks with a reason, pihak pertama
# signs the next version, pihak kedua countersigns it, locked again.
lakip -d "$DB" unlock --dokumen pk $Y
expect_rc "unlock needs a reason" 64
lakip -d "$DB" unlock --dokumen pk --tahun 2023 --triwulan 2 --reason "x"
expect_rc "unlock --dokumen pk takes no --triwulan" 64
lakip -d "$DB" unlock --dokumen pk $Y --reason "Perjanjian Kinerja perubahan: target IDI direvisi"
expect_rc "the admin unlocks the agreement" 0
expect_in "it says what comes next" "$T/stdout" "pihak pertama signs the next version"
lakip -d "$DB" unlock --dokumen pk $Y --reason "lagi"
expect_rc "not locked now" 65
lakip -d "$DB" import "$T/t80.yaml"
expect_rc "the target may change now" 0
lakip -d "$DB" finalise --dokumen pk --pihak kedua $Y --p12 "$T/gub.p12" -o "$T/x.pdf"
expect_rc "pihak kedua cannot countersign the unlocked version again" 65
expect_in "it says pihak pertama signs version 3 first" "$T/stderr" "pihak pertama signs version 3 first"
lakip -d "$DB" verify "$T/pk.pdf"
expect_rc "the old agreement no longer matches the data" 65
expect_in "it says the data changed" "$T/stdout" "CHANGED in the database since signing"
lakip -d "$DB" finalise --dokumen pk $Y --p12 "$T/head.p12" -o "$T/p3.pdf"
expect_rc "pihak pertama signs version 3" 0
lakip -d "$DB" finalise --dokumen pk --pihak kedua $Y --p12 "$T/gub.p12" -o "$T/pk3.pdf"
expect_rc "pihak kedua countersigns version 3" 0
lakip -d "$DB" verify "$T/pk3.pdf"
expect_rc "version 3 verifies" 0
expect_in "locked again" "$T/stdout" "signed by both parties; the agreement is locked"
lakip -d "$DB" import "$T/t79.yaml"
expect_rc "and its target is locked again" 77
lakip -d "$DB" audit verify
expect_rc "audit verify after the unlocking" 0
cp "$DB" "$T/bad3.db"
sqlite3 "$T/bad3.db" "DELETE FROM pk_unlock"
lakip -d "$T/bad3.db" audit verify
expect_rc "an unlocking removed behind lakip's back" 65
finish
