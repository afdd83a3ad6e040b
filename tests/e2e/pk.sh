#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# pk.sh - the performance agreement (Perjanjian Kinerja) as a PDF:
# `report --dokumen pk` prints the naskah (title and year, both parties
# with their name, jabatan, pangkat and NIP where given, the promise,
# place and date, both signature blocks) and its lampiran (every IKU's
# target, the quarterly targets where set, the programs with JUMLAH), in
# order on their pages; the PDF is sound; a wrong template kind, a
# --triwulan and an agreement text of the wrong kind are refused.
. "$(dirname "$0")/lib.sh"
DB=$(new_db pk)
DATA="$LAKIP_SRCDIR/tests/data/tahunan-2023.yaml"
# Pihak kedua with pangkat and NIP, IDI with quarterly targets.
sed 's/^    jabatan: Gubernur Provinsi Uji$/    jabatan: Gubernur Provinsi Uji\n    pangkat: Pembina Utama (IV\/e)\n    nip: "197001012000031002"/;
     s/^        target: 78$/        target: 78\n        target_triwulan: {2: 77.5, 4: 78}/;
     s/^    pembuka: Dalam rangka mewujudkan kinerja\.$/    pk_janji: PIHAK PERTAMA berjanji mencapai target tahun {tahun}./' \
	"$DATA" >"$T/pk.yaml"
lakip -d "$DB" import "$T/pk.yaml"
expect_rc "the year with its agreement imports" 0

lakip -d "$DB" report --dokumen pk --tahun 2023 -o "$T/pk.pdf"
expect_rc "report --dokumen pk" 0
expect_in "it says what it wrote" "$T/stdout" "Wrote $T/pk.pdf (2 pages"
check "qpdf --check" qpdf --check "$T/pk.pdf"
pdffonts "$T/pk.pdf" >"$T/fonts" 2>&1
check "every font embedded" sh -c "awk 'NR>2 && \$(NF-4)!=\"yes\"' '$T/fonts' | grep -q . && exit 1 || exit 0"
pdfinfo "$T/pk.pdf" >"$T/info"
expect_in "the PDF's title" "$T/info" "Perjanjian Kinerja Tahun 2023"
pdftotext -layout -f 1 -l 1 "$T/pk.pdf" "$T/p1.txt"
pdftotext -layout -f 2 -l 2 "$T/pk.pdf" "$T/p2.txt"
expect_in "page 1: the title and year" "$T/p1.txt" "PERJANJIAN KINERJA TAHUN 2023"
expect_in "page 1: the agency" "$T/p1.txt" "BADAN UJI TAHUNAN"
expect_in "page 1: pihak pertama's name" "$T/p1.txt" ": Budi Santoso"
expect_in "page 1: pihak pertama's pangkat" "$T/p1.txt" ": Pembina Utama Muda (IV/c)"
expect_in "page 1: pihak pertama's NIP, grouped" "$T/p1.txt" ": 19661022 199308 1 001"
expect_in "page 1: pihak kedua's name" "$T/p1.txt" ": Gubernur Uji"
expect_in "page 1: pihak kedua's jabatan" "$T/p1.txt" ": Gubernur Provinsi Uji"
expect_in "page 1: pihak kedua's pangkat" "$T/p1.txt" ": Pembina Utama (IV/e)"
expect_in "page 1: pihak kedua's NIP" "$T/p1.txt" ": 19700101 200003 1 002"
expect_in "page 1: the promise, overridden by perjanjian.teks" "$T/p1.txt" \
	"PIHAK PERTAMA berjanji mencapai target tahun 2023."
check "page 1: the template's second paragraph of the promise is gone" \
	sh -c "! grep -q 'arahan dan pembinaan' '$T/p1.txt'"
expect_in "page 1: place and date of the agreement" "$T/p1.txt" "Kota Uji, 16 Januari 2023"
check "page 1: both parties sign side by side" \
	grep -q "PIHAK KEDUA, *PIHAK PERTAMA," "$T/p1.txt"
check "page 1: both names on one line" \
	grep -q "Gubernur Uji  *Budi Santoso" "$T/p1.txt"
check "page 1: both NIPs on one line" \
	grep -q "NIP. 19700101 200003 1 002  *NIP. 19661022 199308 1 001" "$T/p1.txt"
check "page 1: pihak pertama before pihak kedua before the promise" sh -c "
	a=\$(grep -n ': Budi Santoso' '$T/p1.txt' | head -1 | cut -d: -f1)
	b=\$(grep -n ': Gubernur Uji' '$T/p1.txt' | head -1 | cut -d: -f1)
	c=\$(grep -n 'berjanji' '$T/p1.txt' | head -1 | cut -d: -f1)
	[ \"\$a\" -lt \"\$b\" ] && [ \"\$b\" -lt \"\$c\" ]"
expect_in "page 2: the lampiran" "$T/p2.txt" "LAMPIRAN PERJANJIAN KINERJA TAHUN 2023"
check "page 2: the quarterly target columns" grep -q "TW I  *TW II  *TW III  *TW IV" "$T/p2.txt"
check "page 2: IDI's target and quarterly targets where set" \
	grep -q "Indeks Demokrasi.*  78  *-  *77,50  *-  *78" "$T/p2.txt"
check "page 2: KONFLIK's target, no quarterly targets" \
	grep -q "Jumlah konflik sosial  *8 kasus  *-  *-  *-  *-" "$T/p2.txt"
check "page 2: a program's anggaran" grep -q "Program Penguatan Ideologi  *1.000.000" "$T/p2.txt"
check "page 2: JUMLAH" grep -q "JUMLAH  *1.500.000" "$T/p2.txt"
check "page 2: signed again by both" grep -q "PIHAK KEDUA, *PIHAK PERTAMA," "$T/p2.txt"

# Without quarterly targets the lampiran has no quarter columns.
lakip -d "$T/plain.db" import "$DATA"
lakip -d "$T/plain.db" report --dokumen pk --tahun 2023 -o "$T/plain.pdf"
expect_rc "the plain year's agreement" 0
if grep -q 'the text override "pembuka"' "$T/stderr"; then
	not_ok "an override named without its pk_ prefix is taken (pembuka: pk_pembuka)" "$(cat "$T/stderr")"
else ok "an override named without its pk_ prefix is taken (pembuka: pk_pembuka)"; fi
pdftotext -layout -f 1 -l 1 "$T/plain.pdf" "$T/q1.txt"
expect_in "and printed" "$T/q1.txt" "Dalam rangka mewujudkan kinerja."
sed 's/^    pembuka: Dalam rangka mewujudkan kinerja\.$/    bukan_teks: Apa saja./' "$DATA" >"$T/bad-teks.yaml"
lakip -d "$T/bad.db" import "$T/bad-teks.yaml"
lakip -d "$T/bad.db" report --dokumen pk --tahun 2023 -o "$T/bad.pdf"
expect_in "an override that names no agreement text is warned of" "$T/stderr" \
	"the text override \"bukan_teks\" names no text of the agreement's template"
pdftotext -layout -f 2 -l 2 "$T/plain.pdf" "$T/q2.txt"
check "no quarter columns without quarterly targets" sh -c "! grep -q 'TW I' '$T/q2.txt'"
check "the target column" grep -q "Indeks Demokrasi Indonesia  *78" "$T/q2.txt"

# Refusals.
lakip -d "$DB" report --dokumen pk --tahun 2023 --triwulan 2 -o "$T/x.pdf"
expect_rc "--triwulan with pk is a usage error" 64
expect_in "it says why" "$T/stderr" "is of the whole year"
check "nothing written" test ! -e "$T/x.pdf"
lakip -d "$DB" report --dokumen pk --tahun 2023 --template laporan -o "$T/x.pdf"
expect_rc "a laporan template for the agreement" 65
expect_in "it names the kind" "$T/stderr" "not of a perjanjian"
lakip -d "$DB" report --tahun 2023 --triwulan 4 --template perjanjian -o "$T/x.pdf"
expect_rc "the agreement's template for a quarterly report" 65
expect_in "it names the kind" "$T/stderr" "not of a laporan"
sed 's/^  pk_nip: NIP$/  kata_pengantar: x/' "$LAKIP_SRCDIR/templates/perjanjian.yaml" >"$T/bad.yaml"
lakip -d "$DB" report --dokumen pk --tahun 2023 --template "$T/bad.yaml" -o "$T/x.pdf"
expect_rc "a laporan text in a perjanjian template" 65
expect_in "file, line, column and why" "$T/stderr" \
	"bad.yaml:44:3: teks: \"kata_pengantar\" is a text of a laporan template"
check "nothing written" test ! -e "$T/x.pdf"
finish
