#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# Signing a real report.  The signing entry points are driven by the unit
# test program (tests/unit/test_sign), run here on the fixture's quarterly
# report instead of its own small PDF; it leaves its signed results in a
# directory, which this script checks with outside tools only (pdfsig,
# qpdf, openssl, pdftotext, perl): none of lakip's code reads them back.
. "$(dirname "$0")/lib.sh"
DRIVER="$(dirname "$LAKIP_BIN")/tests/unit/test_sign"
DB=$(new_db a)
K="$T/keep"
export SOURCE_DATE_EPOCH=1689292800
"$LAKIP_BIN" -d "$DB" import "$FIXTURE" >/dev/null 2>&1

lakip -d "$DB" report --tahun 2023 --triwulan 2 -o "$T/lakip.pdf"
expect_rc "report of the fixture" 0

# ---- the unit tests, on the report ----
LAKIP_SIGN_TEST_PDF="$T/lakip.pdf" LAKIP_SIGN_TEST_KEEP="$K" \
	"$DRIVER" >"$T/tap" 2>"$T/tap.err"
passed=$(grep -c '^ok' "$T/tap")
failed=$(grep -c '^not ok' "$T/tap")
if [ "$failed" = 0 ] && [ "$passed" -ge 40 ]; then
	ok "unit tests pass on the report ($passed)"
else
	not_ok "unit tests on the report: $failed failed, $passed passed" \
		"$(grep '^not ok' "$T/tap" | head -n 5)"
fi
grep '^#' "$T/tap.err" || true
check "the driver signed the report, not its own PDF" cmp "$K/unsigned.pdf" "$T/lakip.pdf"

# ByteRange a b c d of the last signature of $1, as "a b c d".
byterange() {
	grep -a -o '/ByteRange \[[0-9 ]*' "$1" | tail -n 1 | sed 's/.*\[//'
}
# $1 signed PDF -> $2 signed bytes, $3 the CMS (DER, with the zero padding
# of the placeholder: openssl reads one DER object and stops).
extract() {
	set -- "$1" "$2" "$3" $(byterange "$1")
	head -c "$5" "$1" >"$2"
	tail -c +"$(($6 + 1))" "$1" >>"$2"
	tail -c +"$(($5 + 2))" "$1" | head -c "$(($6 - $5 - 2))" |
		perl -e 'local $/; my $h = <STDIN>; print pack("H*", $h)' >"$3"
}

size=$(wc -c <"$T/lakip.pdf")
for sf in pades:ETSI.CAdES.detached pkcs7:adbe.pkcs7.detached; do
	f="$K/${sf%%:*}.pdf"
	name=${sf#*:}
	pdfsig "$f" >"$T/pdfsig" 2>&1
	expect_in "$name: pdfsig says the signature is valid" "$T/pdfsig" "Signature is Valid"
	expect_in "$name: pdfsig names the subfilter" "$T/pdfsig" "Signature Type: $name"
	expect_in "$name: the whole document is signed" "$T/pdfsig" "Total document signed"
	expect_in "$name: SHA-256" "$T/pdfsig" "Signing Hash Algorithm: SHA-256"
	check "$name: qpdf --check passes" qpdf --check "$f"
	head -c "$size" "$f" >"$T/prefix"
	check "$name: the report is unchanged at the start of the signed file" cmp "$T/prefix" "$T/lakip.pdf"
	extract "$f" "$T/data" "$T/sig.der"
	set -- $(byterange "$f")
	expect_eq "$name: /ByteRange covers the file but /Contents" \
		"$1 $(($3 + $4))" "0 $(wc -c <"$f" | tr -d ' ')"
	check "$name: openssl cms -verify on the signed ranges" \
		openssl cms -verify -binary -inform DER -in "$T/sig.der" -content "$T/data" -noverify -out /dev/null
	pdftotext "$T/lakip.pdf" "$T/a.txt" 2>/dev/null
	pdftotext "$f" "$T/b.txt" 2>/dev/null
	check "$name: pdftotext gives the same text" cmp "$T/a.txt" "$T/b.txt"
done

# A changed byte inside the signed range (the version digit of the
# header: the file stays readable) no longer matches the digest.
cp "$K/pades.pdf" "$T/flip.pdf"
case $(head -c 8 "$T/flip.pdf") in *2) digit=3;; *) digit=2;; esac
printf '%s' "$digit" | dd of="$T/flip.pdf" bs=1 seek=7 conv=notrunc 2>/dev/null
check "tampered: the file differs" sh -c "! cmp -s '$T/flip.pdf' '$K/pades.pdf'"
pdfsig "$T/flip.pdf" >"$T/pdfsig" 2>&1
expect_in "tampered: pdfsig reports a digest mismatch" "$T/pdfsig" "Digest Mismatch"
extract "$T/flip.pdf" "$T/data" "$T/sig.der"
if openssl cms -verify -binary -inform DER -in "$T/sig.der" -content "$T/data" \
	-noverify -out /dev/null >"$T/out" 2>&1; then
	not_ok "tampered: openssl cms -verify fails"
else
	ok "tampered: openssl cms -verify fails"
fi

# Signed three times (the second with a CA-issued certificate): every
# signature listed and valid, the earlier ones no longer cover the file.
pdfsig "$K/thrice.pdf" >"$T/pdfsig" 2>&1
expect_eq "three signatures listed" "$(grep -c '^Signature #' "$T/pdfsig")" 3
expect_eq "three signatures valid" "$(grep -c 'Signature is Valid' "$T/pdfsig")" 3
expect_eq "two of them no longer cover the whole file" "$(grep -c 'Not total document signed' "$T/pdfsig")" 2
for n in 1 2 3; do
	expect_in "field Signature$n" "$T/pdfsig" "Signature Field Name: Signature$n"
done
check "signed three times: qpdf --check passes" qpdf --check "$K/thrice.pdf"
head -c "$size" "$K/thrice.pdf" >"$T/prefix"
check "signed three times: the report is still the prefix" cmp "$T/prefix" "$T/lakip.pdf"
finish
