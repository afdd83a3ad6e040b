#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# grafik_tw.sh - the quarterly report's charts of the quarters so far
# against their targets (lampiran d.), read back with pdftotext: a plan
# made from the fixture with quarterly targets for IKU3 and realisations
# in quarters I-III has them in quarter III, titled, with the quarters,
# the axis values and each quarter's figures in Indonesian format; an IKU
# with data in one quarter only has none; the fixture's quarter II (data
# of that quarter only) and any quarter I have none, and the fixture's
# page count is unchanged.  The HTML draws the same charts as SVG.
. "$(dirname "$0")/lib.sh"
for tool in pdftotext pdfinfo; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool missing"; exit 0; }
done
export SOURCE_DATE_EPOCH=1689292800
Y="--tahun 2023"
HEAD="d. Grafik Realisasi Kumulatif dan Target per Triwulan"

# The fixture: quarter II only.
lakip -d "$T/seed.db" import "$FIXTURE"
lakip -d "$T/seed.db" report $Y --triwulan 2 -o "$T/seed.pdf"
expect_rc "the fixture's quarter II report" 0
pdftotext -layout "$T/seed.pdf" "$T/seed.txt" 2>/dev/null
if grep -qF "Grafik Realisasi Kumulatif" "$T/seed.txt" ||
   grep -qF "Realisasi kumulatif" "$T/seed.txt"; then
	not_ok "the fixture's quarter II has no chart of the quarters"
else ok "the fixture's quarter II has no chart of the quarters"; fi
expect_eq "the fixture's page count as recorded" \
	"$(pdfinfo "$T/seed.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')" \
	"$(cat "$LAKIP_SRCDIR/tests/data/fixture-report.pages")"

# IKU3 (the first "target: 200") gets quarterly targets; quarter I has
# realisations of IKU1, IKU3 and IKU5, quarter III of all but IKU4 (IKU2
# only there: one quarter of data, no chart).
sed -e '0,/^        target: 200$/s//        target: 200\
        target_triwulan: {1: 50, 2: 100, 3: 150, 4: 200}/' \
    -e 's/^triwulan:$/triwulan:\
  1:\
    realisasi_iku:\
      IKU1: 77.25\
      IKU3: 40\
      IKU5: 60/' "$FIXTURE" >"$T/q.yaml"
cat >>"$T/q.yaml" <<'YAML'
  3:
    realisasi_iku:
      IKU1: 79.3
      IKU2: 65.5
      IKU3: 160
      IKU5: 170.5
YAML
DB="$T/q.db"
lakip -d "$DB" import "$T/q.yaml"
expect_rc "the plan with quarterly targets and three quarters imports" 0
lakip -d "$DB" report $Y --triwulan 3 -o "$T/q3.pdf"
expect_rc "its quarter III report" 0
check "qpdf --check passes" qpdf --check "$T/q3.pdf"
pdftotext -layout "$T/q3.pdf" "$T/q3.txt" 2>/dev/null
awk 'BEGIN { RS = "\f" } /Realisasi kumulatif/ { print }' "$T/q3.txt" >"$T/grafik.txt"
expect_eq "the charts on one page" \
	"$(awk 'BEGIN { RS = "\f" } /Realisasi kumulatif/ { n++ } END { print n + 0 }' "$T/q3.txt")" 1
expect_in "its heading" "$T/grafik.txt" "$HEAD s.d. Triwulan III Tahun 2023"
expect_in "the heading in the table of contents" "$T/q3.txt" "$HEAD s.d. Triwulan III"
expect_in "IKU1's chart" "$T/grafik.txt" "IKU1: Skor IDI Aspek Hak-Hak Politik Provinsi Kalimantan Tengah"
expect_in "IKU3's chart" "$T/grafik.txt" "IKU3: Masyarakat yang mengerti tentang wawasan kebangsaan"
expect_in "IKU5's chart" "$T/grafik.txt" "IKU5: Jumlah masyarakat yang mendapatkan pembinaan"
if grep -qE "IKU2:|IKU4:" "$T/grafik.txt"; then
	not_ok "no chart of IKU2 or IKU4 (one quarter of data)" "$(grep -E 'IKU2:|IKU4:' "$T/grafik.txt")"
else ok "no chart of IKU2 or IKU4 (one quarter of data)"; fi
expect_eq "the legends" "$(grep -o 'Realisasi kumulatif' "$T/grafik.txt" | wc -l)" 3
# pdftotext puts side-by-side charts on one line: IKU1's then IKU3's.
row() { grep -E "$1" "$T/grafik.txt" | tr -s ' ' | sed 's/^ //; s/ $//'; }
expect_eq "the quarters under each axis" "$(row '^ *TW I +TW II +TW III' | head -n 2 | tr '\n' '|')" \
	"TW I TW II TW III TW I TW II TW III|TW I TW II TW III|"
expect_eq "IKU1's and IKU3's realisations, quarter by quarter" \
	"$(row '^ *77,25' )" "77,25 79,30 79,30 40 100 160"
expect_eq "their targets: IKU1's annual, IKU3's quarterly" \
	"$(row '^ *78,50' )" "78,50 78,50 78,50 50 100 150"
expect_eq "IKU5's realisations in Indonesian format" "$(row '^ *60 ')" "60 130 170,50"
expect_eq "IKU5's annual target" "$(row '^ *200 +200 +200$')" "200 200 200"
# The first row of charts, down to its quarters: IKU3's ticks end the lines.
awk '/^ *TW I/ { exit } { print }' "$T/grafik.txt" >"$T/axis.txt"
expect_eq "IKU1's value axis" "$(row '^ *80 +200$')" "80 200"
for v in 79 78 77; do
	expect_eq "IKU1's axis tick $v" "$(grep -cE "^ *$v( |\$)" "$T/axis.txt")" 1
done
expect_eq "IKU3's axis: 0 to 200 by 50" \
	"$(grep -oE ' (0|50|100|150|200)$' "$T/axis.txt" | tr -d ' ' | tr '\n' ' ')" \
	"200 150 100 50 0 "

# Quarter II of the same plan: IKU1 and IKU3 have two quarters, IKU5
# too; quarter I none.
lakip -d "$DB" report $Y --triwulan 2 -o "$T/q2.pdf"
expect_rc "its quarter II report" 0
pdftotext -layout "$T/q2.pdf" "$T/q2.txt" 2>/dev/null
awk 'BEGIN { RS = "\f" } /Realisasi kumulatif/ { print }' "$T/q2.txt" >"$T/grafik2.txt"
expect_in "quarter II: the heading" "$T/grafik2.txt" "$HEAD s.d. Triwulan II Tahun 2023"
expect_eq "quarter II: TW I and II only" "$(grep -c 'TW III' "$T/grafik2.txt")" 0
expect_eq "quarter II: IKU1's and IKU3's realisations" \
	"$(grep -E '^ *77,25' "$T/grafik2.txt" | tr -s ' ' | sed 's/^ //; s/ $//')" "77,25 79,30 40 100"
lakip -d "$DB" report $Y --triwulan 1 -o "$T/q1.pdf"
expect_rc "its quarter I report" 0
pdftotext -layout "$T/q1.pdf" "$T/q1.txt" 2>/dev/null
if grep -qF "Realisasi kumulatif" "$T/q1.txt"; then
	not_ok "quarter I has no chart of the quarters"
else ok "quarter I has no chart of the quarters"; fi

# The HTML: the same charts as inline SVG, with their ticks and values.
lakip -d "$DB" show $Y --triwulan 3 --format html
expect_rc "the HTML of quarter III" 0
awk '/<figcaption><b>IKU3: Masyarakat/ { p = 1 } p { print } p && /<\/figure>/ { exit }' \
	"$T/stdout" >"$T/fig.html"
expect_in "HTML: IKU3's chart is an SVG" "$T/fig.html" "<svg role=\"img\""
expect_in "HTML: its axis tick 150" "$T/fig.html" "text-anchor=\"end\">150</text>"
expect_in "HTML: its quarter III" "$T/fig.html" ">TW III</text>"
expect_in "HTML: the dashed target line" "$T/fig.html" "stroke-dasharray=\"5 3\""
expect_in "HTML: the legend" "$T/fig.html" ">Realisasi kumulatif</text>"
expect_in "HTML: the values under it" "$T/fig.html" "<td style=\"text-align:center\">160</td>"
expect_eq "HTML: three charts of the quarters" \
	"$(grep -c '<figcaption><b>IKU[0-9]*: ' "$T/stdout")" 3
finish
