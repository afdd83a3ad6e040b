#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# lkjip.sh - the annual report (LKjIP) as a PDF: `report --dokumen lkjip`
# prints its parts in order, each chapter on its own page; its figures
# are those of `show --tahunan --format csv`, on the pages of their
# tables; a sasaran whose IKU all have target 0 and a program with
# anggaran 0 print "-"; an IKU with three years of realisation has its
# chart (vector graphics, no image), one with two has none; missing texts
# are said to be missing; the PDF is sound, its fonts embedded, with an
# outline and page numbers; another template kind and a --triwulan are
# refused.
. "$(dirname "$0")/lib.sh"
DB=$(new_db lk)
DATA="$LAKIP_SRCDIR/tests/data/tahunan-2023.yaml"
lakip -d "$DB" import "$DATA"
expect_rc "the year with its annual data imports" 0

lakip -d "$DB" report --dokumen lkjip --tahun 2023 -o "$T/lk.pdf"
expect_rc "report --dokumen lkjip" 0
expect_in "it says what it wrote" "$T/stdout" "Wrote $T/lk.pdf ("
expect_in "the missing analysis of S2 is warned of" "$T/stderr" \
	"no analysis (tahunan.narasi) for S2"
check "qpdf --check" qpdf --check "$T/lk.pdf"
pdffonts "$T/lk.pdf" >"$T/fonts" 2>&1
check "every font embedded" sh -c "awk 'NR>2 && \$(NF-4)!=\"yes\"' '$T/fonts' | grep -q . && exit 1 || exit 0"
pdfinfo "$T/lk.pdf" >"$T/info"
expect_in "the PDF's title" "$T/info" "Laporan Kinerja Instansi Pemerintah Tahun 2023"
pages=$(awk '/^Pages:/ {print $2}' "$T/info")
p=1
while [ "$p" -le "$pages" ]; do
	pdftotext -layout -f "$p" -l "$p" "$T/lk.pdf" "$T/p$p.txt"
	p=$((p + 1))
done
# The page whose first line of text is $1 (a chapter's heading).
head_page() {
	p=1
	while [ "$p" -le "$pages" ]; do
		if [ "$(grep -m1 . "$T/p$p.txt" | sed 's/^ *//; s/ *$//')" = "$1" ]; then
			echo "$p"
			return
		fi
		p=$((p + 1))
	done
	echo 0
}
# The first page from $1 on that holds $2.
page_with() {
	p=$1
	while [ "$p" -le "$pages" ]; do
		if grep -qF -- "$2" "$T/p$p.txt"; then echo "$p"; return; fi
		p=$((p + 1))
	done
	echo 0
}

# Chapters in order, each beginning a page.
prev=1
expect_in "page 1 is the cover" "$T/p1.txt" "LAPORAN KINERJA INSTANSI PEMERINTAH"
expect_in "the cover: the agency" "$T/p1.txt" "BADAN UJI TAHUNAN"
expect_in "the cover: the year" "$T/p1.txt" "TAHUN 2023"
for h in "KATA PENGANTAR" "IKHTISAR EKSEKUTIF" "DAFTAR ISI" "BAB I PENDAHULUAN" \
	"BAB II PERENCANAAN KINERJA" "BAB III AKUNTABILITAS KINERJA" "BAB IV PENUTUP" \
	"LAMPIRAN"; do
	n=$(head_page "$h")
	check "'$h' begins page $n, after page $prev" test "$n" -gt "$prev"
	prev=$n
done
kp=$(head_page "KATA PENGANTAR"); ik=$(head_page "IKHTISAR EKSEKUTIF")
b1=$(head_page "BAB I PENDAHULUAN"); b2=$(head_page "BAB II PERENCANAAN KINERJA")
b3=$(head_page "BAB III AKUNTABILITAS KINERJA"); b4=$(head_page "BAB IV PENUTUP")
la=$(head_page "LAMPIRAN")

# Kata pengantar: the signature block with the date of tahunan.
expect_in "kata pengantar: place and date" "$T/p$kp.txt" "Kota Uji, 15 Februari 2024"
expect_in "kata pengantar: the head" "$T/p$kp.txt" "Budi Santoso"
expect_in "kata pengantar: his NIP, grouped" "$T/p$kp.txt" "NIP. 19661022 199308 1 001"
check "page numbers: roman before BAB I" sh -c "tail -n 3 '$T/p$kp.txt' | grep -q '^ *i *\$'"
check "page numbers: BAB I is page 1" sh -c "tail -n 3 '$T/p$b1.txt' | grep -q '^ *1 *\$'"
# Ikhtisar: tahunan.ringkasan with its markup, and the sasaran table.
expect_in "ikhtisar: the ringkasan" "$T/p$ik.txt" "Capaian kinerja tahun 2023 baik."
check "ikhtisar: S1's capaian, serapan and efficiency" \
	grep -q "Meningkatnya kualitas demokrasi  *95,03%  *84,17%  *112,90%" "$T/p$ik.txt"
# BAB I: the organisation and the strategic issues.
expect_in "BAB I: gambaran umum" "$T/p$b1.txt" "Badan Uji Tahunan melaksanakan urusan kesatuan bangsa."
expect_in "BAB I: an isu strategis" "$T/p$b1.txt" "Polarisasi menjelang pemilu"
# BAB II: the Renstra's period and the medium-term targets; the agreement.
expect_in "BAB II: the Renstra" "$T/p$b2.txt" "Renstra 2021-2025"
check "BAB II: IDI's baseline (of 2020) and Renstra targets" sh -c \
	"grep -q 'Indeks Demokrasi Indonesia  *75,20  *76  *77  *78  *79  *80' '$T/p$b2.txt' && grep -q '(2020)' '$T/p$b2.txt'"
check "BAB II: KONFLIK's medium-term target only" grep -q "5$" "$T/p$b2.txt"
expect_in "BAB II: the agreement's targets" "$T/p$b2.txt" "Target 2023"
jp=$(page_with "$b2" "JUMLAH")
check "BAB II: the programs' JUMLAH (page $jp)" sh -c "test $jp -lt $b3 && grep -q 'JUMLAH  *1.500.000' '$T/p$jp.txt'"

# BAB III: every figure of show --tahunan, on the page of its table.
lakip -d "$DB" show --tahun 2023 --tahunan --table iku --format csv
cp "$T/stdout" "$T/iku.csv"
tp=$(page_with "$b3" "Capaian Indikator Kinerja Utama Tahun 2023")
check "the capaian table is in BAB III (page $tp)" test "$tp" -ge "$b3"
tail -n +2 "$T/iku.csv" | while IFS=';' read -r no sas kode ind sat tgt real cap trs crs kat lalu beda; do
	c=$cap; [ "$c" != "-" ] && [ -n "$c" ] && c="$c%"
	short=$(printf '%s' "$ind" | cut -c1-15)
	if grep -q "$short" "$T/p$tp.txt" && grep -qF -- "$c" "$T/p$tp.txt" && grep -qF -- "$kat" "$T/p$tp.txt"; then
		echo "ok $kode"; else echo "MISSING $kode: $ind $c $kat"; fi
done >"$T/iku.chk"
check "each IKU's capaian and kategori on page $tp ($(grep -c ok "$T/iku.chk") IKU)" \
	sh -c "! grep -q MISSING '$T/iku.chk' && test \$(grep -c ok '$T/iku.chk') -eq 3"
check "IDI's row: target, realisation, capaian, kategori (80 is sedang)" \
	grep -q "Indeks Demokrasi Indonesia  *78  *80  *102,56%  *sedang" "$T/p$tp.txt"
check "the target-0 IKU: capaian and predikat '-'" \
	grep -q "Jumlah ormas yang dibina  *0 orang  *5 orang  *-  *-" "$T/p$tp.txt"
expect_in "KONFLIK's realisation is quarter IV's, and the table says so" "$T/p$tp.txt" \
	"realisasi KONFLIK adalah realisasi Triwulan IV"
# Per sasaran: the comparisons.
yp=$(page_with "$b3" "Perbandingan Realisasi Sasaran 1 Tahun 2021–2023")
check "S1: the earlier years, from riwayat (page $yp)" \
	grep -q "Indeks Demokrasi Indonesia  *76,50  *77,10  *80  *+2,90" "$T/p$yp.txt"
rp=$(page_with "$b3" "dengan Target Akhir Renstra (2025)")
check "S1: against the Renstra target (show: capaian_renstra 100,00 and 20,00)" \
	sh -c "grep -q 'Indeks Demokrasi Indonesia  *80  *80  *100,00%' '$T/p$rp.txt' && grep -q 'Jumlah konflik sosial  *5 kasus  *9 kasus  *20,00%' '$T/p$rp.txt'"
sp=$(page_with "$b3" "dengan Standar Nasional")
check "S1: against the national standard" grep -q "Indeks Demokrasi Indonesia  *78,50  *80" "$T/p$sp.txt"
# A chart for IDI (riwayat 2021, 2022 and the year), none for KONFLIK (two years).
gp=$(page_with "$b3" "Realisasi dan Target Renstra: Indeks")
check "IDI has a chart of its years (page $gp)" test "$gp" -gt 0
check "the chart: its years and both series" sh -c \
	"grep -q '2020  *2021  *2022  *2023  *2024  *2025' '$T/p$gp.txt' && grep -q '75,20  *76,50  *77,10  *80  *-  *-' '$T/p$gp.txt' && grep -q ' -  *76  *77  *78  *79  *80' '$T/p$gp.txt' && grep -q 'Realisasi  *Target Renstra' '$T/p$gp.txt'"
check "the chart is vector graphics: no image in the PDF" \
	sh -c "test \$(pdfimages -list '$T/lk.pdf' | tail -n +3 | wc -l) -eq 0"
check "KONFLIK, with two years, has no chart: one chart in all" \
	sh -c "test \$(cat '$T'/p*.txt | grep -c 'Realisasi dan Target Renstra:') -eq 1"
# The sasaran whose IKU all have target 0.
s2=$(page_with "$b3" "Sasaran Strategis kedua")
expect_in "S2 (target 0): its capaian cannot be measured, and the report says so" \
	"$T/p$s2.txt" "Capaian sasaran ini belum dapat diukur"
expect_in "S2: ORMAS's capaian cannot be computed with target 0" "$T/p$s2.txt" \
	"karena targetnya 0 orang"
na=$(page_with "$s2" "belum disampaikan untuk Tahun")
check "S2's missing analysis is said to be missing (page $na)" test "$na" -ge "$s2"
np=$(page_with "$b3" "IDI naik dari tahun lalu.")
check "S1's analysis is tahunan.narasi, before S2 (page $np)" sh -c "test $np -gt 0 && test $np -le $s2"
# Efficiency: the formula and the figures of show --tahunan --table sasaran.
ep=$(page_with "$b3" "Efisiensi Penggunaan Anggaran per Sasaran")
expect_in "the efficiency formula" "$T/p$ep.txt" "Penyerapan Anggaran"
lakip -d "$DB" show --tahun 2023 --tahunan --table sasaran --format csv
check "show: S1 95,03 / 84,17 = 112,90" grep -q "^1;S1;.*;95,03;84,17;112,90$" "$T/stdout"
check "S1's efficiency row" grep -q "Meningkatnya kualitas demokrasi  *95,03%  *84,17%  *112,90%" "$T/p$ep.txt"
check "S2's efficiency row: no capaian, absorption '-' (anggaran 0), no efficiency" \
	grep -q "Terbinanya ormas  *-$" "$T/p$ep.txt"
# Budget realisation: show --tahunan --table program, with the JUMLAH.
ap=$(page_with "$b3" "Realisasi Anggaran per Program Tahun 2023")
lakip -d "$DB" show --tahun 2023 --tahunan --table program --format csv
tail -n +2 "$T/stdout" | while IFS=';' read -r no kode prog ang real ser; do
	s=$ser; [ "$s" != "-" ] && s="$s%"
	if grep -q "$prog  *$ang  *$real  *$s" "$T/p$ap.txt"; then echo "ok $kode"; else echo "MISSING $prog $ang $real $s"; fi
done >"$T/prog.chk"
check "each program and the JUMLAH on page $ap, as show prints them" \
	sh -c "! grep -q MISSING '$T/prog.chk' && test \$(grep -c ok '$T/prog.chk') -eq 4"
check "the program with anggaran 0: absorption '-'" \
	grep -q "Program Pembinaan Ormas  *0  *0  *-" "$T/p$ap.txt"
# BAB IV and the lampiran.
expect_in "BAB IV: the kesimpulan" "$T/p$b4.txt" "Kinerja tercapai."
expect_in "BAB IV: an obstacle" "$T/p$b4.txt" "Anggaran terbatas"
expect_in "BAB IV: the closing text, overridden by tahunan.teks" "$T/p$b4.txt" "Demikian laporan ini."
check "the template's closing text is gone" sh -c "! grep -q 'bahan perbaikan perencanaan' '$T/p$b4.txt'"
expect_in "lampiran: the agreement" "$T/p$la.txt" "Perjanjian Kinerja Tahun 2023"
check "lampiran: the agreement's targets" grep -q "Indeks Demokrasi Indonesia  *78" "$T/p$la.txt"
check "lampiran: the budgets' JUMLAH" grep -q "JUMLAH  *1.500.000" "$T/p$la.txt"
# The outline holds every chapter.
mutool show "$T/lk.pdf" outline >"$T/outline" 2>/dev/null
for h in "KATA PENGANTAR" "IKHTISAR EKSEKUTIF" "BAB I PENDAHULUAN" "BAB III AKUNTABILITAS KINERJA" "LAMPIRAN"; do
	expect_in "the outline: $h" "$T/outline" "$h"
done

# The database's own earlier year wins over riwayat: 2022 imported with
# IDI 77.3 (riwayat says 77.1) and KONFLIK 9 from its quarter IV.
sed 's/^tahun: 2023$/tahun: 2022/; s/^    IDI: 80$/    IDI: 77.3/; /^          2022: 77.1$/d; /^          2022: 10$/d' "$DATA" |
	awk '/^        riwayat:$/ { getline nx; if (nx ~ /^          [0-9]/) { print; print nx } else print nx; next } { print }' \
	>"$T/y2022.yaml"
lakip -d "$DB" import "$T/y2022.yaml"
expect_rc "the agency's 2022 imports" 0
lakip -d "$DB" report --dokumen lkjip --tahun 2023 -o "$T/db.pdf"
expect_rc "the LKjIP with the database's 2022" 0
pdftotext -layout "$T/db.pdf" "$T/db.txt"
check "2022 from the database, the change from it (+2,70)" \
	grep -q "Indeks Demokrasi Indonesia  *76,50  *77,30  *80  *+2,70" "$T/db.txt"
check "KONFLIK's 2022 is that year's quarter IV (9), no change" \
	grep -q "Jumlah konflik sosial  *-  *9 kasus  *9 kasus  *0" "$T/db.txt"
lakip -d "$DB" show --tahun 2023 --tahunan --table iku --format csv
check "show --tahunan says the same" grep -q "^1;.*;IDI;.*;77,30;+2,70$" "$T/stdout"

# A year without its annual texts: each missing text said so.
awk '/^tahunan:/ {skip=1; next} skip && /^[a-z]/ {skip=0} !skip' "$DATA" >"$T/bare.yaml"
lakip -d "$T/bare.db" import "$T/bare.yaml"
lakip -d "$T/bare.db" report --dokumen lkjip --tahun 2023 -o "$T/bare.pdf"
expect_rc "the LKjIP of a year without tahunan" 0
pdftotext -layout "$T/bare.pdf" "$T/bare.txt"
for t in "[tanggal belum ditetapkan]" "Ringkasan eksekutif Tahun 2023 belum disusun." \
	"Isu strategis Tahun 2023 belum diuraikan." "Kesimpulan Tahun 2023 belum disusun."; do
	expect_in "says: $t" "$T/bare.txt" "$t"
done
expect_in "and warns that the date is missing" "$T/stderr" "has no annual report (tahunan) with its date"
check "IDI without tahunan: quarter IV has none, no realisation printed" \
	sh -c "grep -q 'belum memiliki data realisasi' '$T/bare.txt'"

# Refusals.
lakip -d "$DB" report --dokumen lkjip --tahun 2023 --triwulan 4 -o "$T/x.pdf"
expect_rc "--triwulan with lkjip is a usage error" 64
lakip -d "$DB" report --dokumen lkjip --tahun 2023 --template laporan -o "$T/x.pdf"
expect_rc "a laporan template for the LKjIP" 65
expect_in "it names the kind" "$T/stderr" "not of an lkjip"
sed 's/^  lkjip_penutup: |$/  pk_judul: x\n  lkjip_penutup: |/' "$LAKIP_SRCDIR/templates/lkjip.yaml" >"$T/bad.yaml"
lakip -d "$DB" report --dokumen lkjip --tahun 2023 --template "$T/bad.yaml" -o "$T/x.pdf"
expect_rc "an agreement text in an lkjip template" 65
expect_in "it names the text and the kinds" "$T/stderr" \
	"teks: \"pk_judul\" is a text of a perjanjian template, this is a lkjip template"
check "nothing written" test ! -e "$T/x.pdf"
finish
