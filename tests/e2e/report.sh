#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# The quarterly LAKIP as a PDF, checked as a reader would: text, figures in
# their tables, chapters in order, structure, and bad input.
. "$(dirname "$0")/lib.sh"
DB=$(new_db a)
export SOURCE_DATE_EPOCH=1689292800   # reproducible PDFs
"$LAKIP_BIN" -d "$DB" import "$FIXTURE" >/dev/null 2>&1

lakip -d "$DB" report --tahun 2023 --triwulan 2 -o "$T/lakip.pdf"
expect_rc "report of the fixture" 0
expect_in "report says where it wrote" "$T/stdout" "$T/lakip.pdf"
expect_in "report warns of IKU without realisation" "$T/stderr" "IKU2"
check "qpdf --check passes" qpdf --check "$T/lakip.pdf"
pdfinfo "$T/lakip.pdf" >"$T/info" 2>/dev/null
expect_eq "page count as recorded" "$(awk '/^Pages:/ { print $2 }' "$T/info")" \
	"$(cat "$LAKIP_SRCDIR/tests/data/fixture-report.pages")"
expect_in "PDF title" "$T/info" "Laporan Kinerja Instansi Pemerintah Triwulan II Tahun 2023"
expect_in "PDF author is the agency" "$T/info" "Author:          Badan Kesatuan Bangsa dan Politik Provinsi Kalimantan Tengah"
expect_in "A4 by default" "$T/info" "595.276 x 841.89 pts (A4)"
pdftotext -layout "$T/lakip.pdf" "$T/lakip.txt" 2>/dev/null

# Chapter headings, in order.
order=$(tr -d '\f' <"$T/lakip.txt" | grep -nE '^ *(KATA PENGANTAR|DAFTAR ISI|BAB I KINERJA|BAB II PERMASALAHAN DAN TINDAK LANJUT|BAB III PENUTUP|LAMPIRAN) *$' |
	sed 's/^[0-9]*: *//; s/ *$//' | tr '\n' '|')
expect_eq "chapter headings in order" "$order" \
	"KATA PENGANTAR|DAFTAR ISI|BAB I KINERJA|BAB II PERMASALAHAN DAN TINDAK LANJUT|BAB III PENUTUP|LAMPIRAN|"
expect_in "cover: quarter in Roman numerals" "$T/lakip.txt" "TRIWULAN II"
expect_in "cover: place and month in capitals" "$T/lakip.txt" "PALANGKA RAYA, JULI 2023"
expect_in "signature date" "$T/lakip.txt" "Palangka Raya, 14 Juli 2023"
expect_in "signature NIP" "$T/lakip.txt" "NIP. 19661022 199308 1 001"
expect_in "table of contents gives BAB I page 1" "$T/lakip.txt" "BAB I KINERJA . . ."

# Figures in their tables: page by page (pdftotext separates pages by \f).
awk 'BEGIN { RS = "\f" } /Realisasi/ && /s\.d\. TW II/ && /Capaian/ && !/Predikat/ && !seen++ { print }' "$T/lakip.txt" >"$T/bab1.txt"
awk 'BEGIN { RS = "\f" } /Laporan Keuangan Penunjang Kinerja/ && /JUMLAH/ { print }' "$T/lakip.txt" >"$T/keu.txt"
awk 'BEGIN { RS = "\f" } /Predikat/ && /Sangat Tinggi/ { print }' "$T/lakip.txt" >"$T/lamp-a.txt"
row() { grep -E "$2" "$1" | head -n 1; }
expect_in "BAB I table: IKU1 101,02%" "$T/bab1.txt" "101,02%"
case "$(row "$T/bab1.txt" '78,50')" in *79,30*101,02%*) ok "IKU1 row: 78,50 / 79,30 / 101,02%";; *) not_ok "IKU1 row" "$(row "$T/bab1.txt" '78,50')";; esac
case "$(row "$T/lakip.txt" '200 orang +100 orang')" in *50,00%*) ok "IKU3 row: 50,00%";; *) not_ok "IKU3 row";; esac
case "$(row "$T/lakip.txt" '200 orang +130 orang')" in *65,00%*) ok "IKU5 row: 65,00%, not 89";; *) not_ok "IKU5 row";; esac
if grep -qE '89(,00)? ?%' "$T/lakip.txt"; then not_ok "the source's wrong 89% does not appear"; else ok "the source's wrong 89% does not appear"; fi
case "$(row "$T/lakip.txt" 'Capaian pembinaan terhadap')" in *'80%'*) ok "IKU2 row: target 80%, realisation empty";; *) not_ok "IKU2 row" "$(row "$T/lakip.txt" 'Capaian pembinaan terhadap')";; esac
case "$(row "$T/lamp-a.txt" '200 orang +130 orang')" in *65,00%*Rendah*) ok "Lampiran a: IKU5 65,00% Rendah";; *) not_ok "Lampiran a IKU5" "$(row "$T/lamp-a.txt" '130 orang')";; esac
case "$(row "$T/keu.txt" 'JUMLAH')" in *28.309.433.559*11.652.504.613*41,16*) ok "JUMLAH 28.309.433.559 / 11.652.504.613 / 41,16";; *) not_ok "JUMLAH row" "$(row "$T/keu.txt" JUMLAH)";; esac
caps=$(grep -oE '(40,27|14,48|85,37|7,17|9,03|13,46)' "$T/keu.txt" | tr '\n' ' ')
expect_eq "program capaian in order" "$caps" "40,27 14,48 85,37 7,17 9,03 13,46 "
expect_eq "programs numbered 1..6" "$(grep -cE '^ *[1-6] +Program ' "$T/keu.txt")" 6

# Regression guard: the text as recorded.
check "text as recorded (tests/data/fixture-report.txt)" cmp "$T/lakip.txt" "$LAKIP_SRCDIR/tests/data/fixture-report.txt"

# Reproducible: the same data and SOURCE_DATE_EPOCH give the same bytes.
lakip -d "$DB" report --tahun 2023 --triwulan 2 -o "$T/again.pdf"
check "same input, same bytes" cmp "$T/lakip.pdf" "$T/again.pdf"

# Bad input.
lakip -d "$DB" report --tahun 2023 --triwulan 2 -o "$T/no/such/dir/x.pdf"
expect_rc "unwritable output path" 73
lakip -d "$DB" report --tahun 2030 --triwulan 2 -o "$T/x.pdf"
expect_rc "unknown year" 66
check "no file for a failed report" test ! -e "$T/x.pdf"
lakip -d "$DB" report --tahun 2023 --triwulan 3 -o "$T/tw3.pdf"
expect_rc "a quarter without a report prints what exists" 0
expect_in "and says what is missing" "$T/stderr" "warning"
lakip -d "$DB" report --tahun 2023 --triwulan 2 --template nonexistent -o "$T/x.pdf"
expect_rc "unknown template" 66

# A template in F4 with a missing font.
sed 's/^  ukuran: A4 /  ukuran: F4 /' "$LAKIP_SRCDIR/templates/laporan.yaml" >"$T/f4.yaml"
lakip -d "$DB" report --tahun 2023 --triwulan 2 --template "$T/f4.yaml" -o "$T/f4.pdf"
pdfinfo "$T/f4.pdf" 2>/dev/null | grep -q '609.449 x 935.433' && ok "F4 paper from a template" || not_ok "F4 paper" "$(pdfinfo "$T/f4.pdf" 2>&1 | grep size)"
sed 's/LiberationSerif-Regular.ttf/NoSuchFont-Regular.ttf/' "$LAKIP_SRCDIR/templates/laporan.yaml" >"$T/nofont.yaml"
lakip -d "$DB" report --tahun 2023 --triwulan 2 --template "$T/nofont.yaml" -o "$T/x.pdf"
expect_rc "missing font" 66
expect_in "the message names the font" "$T/stderr" "NoSuchFont-Regular.ttf"

# Stress: a 50,000-character narrative, a 300-character word in a table
# cell, 200 programs.
long=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "kata%05d ", i }')
word=$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "x" }')
awk -v long="$long" -v word="$word" '
	/^      SS2: \|$/ { print "      SS2: |"; print "        " long; skip = 1; next }
	skip && /^      SS3: / { skip = 0 }
	skip { next }
	/- \[Peringkat, "26", "16", ""\]/ { print; print "            - [" word ", \"1\", \"2\", \"\"]"; next }
	/^program:$/ { print; for (i = 1; i <= 200; i++) { printf "  - kode: X%03d\n    uraian: Program tambahan nomor %d untuk uji tata letak\n    anggaran: %d\n", i, i, 1000000 * i } ; next }
	/^    realisasi_program:$/ { print; for (i = 1; i <= 200; i++) printf "      X%03d: %d\n", i, 400000 * i; next }
	{ print }' "$FIXTURE" >"$T/stress.yaml"
lakip -d "$T/s.db" import "$T/stress.yaml"
expect_rc "import the stress file" 0
lakip -d "$T/s.db" report --tahun 2023 --triwulan 2 -o "$T/stress.pdf"
expect_rc "report of the stress file" 0
check "stress PDF passes qpdf --check" qpdf --check "$T/stress.pdf"
pdftotext -layout "$T/stress.pdf" "$T/stress.txt" 2>/dev/null
expect_in "the last of 200 programs is printed" "$T/stress.txt" "Program tambahan nomor 200"
expect_in "the end of the long narrative is printed" "$T/stress.txt" "kata04999"
check "no temporary file left beside the output" sh -c "! ls -a '$T' | grep -q '^\.lakip'"
finish
