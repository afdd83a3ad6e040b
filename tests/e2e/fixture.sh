#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# The fixture's figures through the whole path: import -> show -> export.
. "$(dirname "$0")/lib.sh"
DB=$(new_db a)

lakip -d "$DB" import "$FIXTURE"
expect_rc "import the fixture" 0
expect_in "import reports the IKU added" "$T/stdout" "5 added"

# IKU table as CSV: field by field.
lakip -d "$DB" show --tahun 2023 --triwulan 2 --table iku --format csv
expect_rc "show iku csv" 0
cp "$T/stdout" "$T/iku.csv"
expect_eq "csv header" "$(head -n 1 "$T/iku.csv")" "no;sasaran;kode;indikator;satuan;target;realisasi;capaian;predikat"
row() { awk -F';' -v k="$1" '$3 == k { print $6 "|" $7 "|" $8 "|" $9 }' "$T/iku.csv"; }
expect_eq "IKU1 101,02 Sangat Tinggi" "$(row IKU1)" "78,50|79,30|101,02|Sangat Tinggi"
expect_eq "IKU2 empty (no realisation)" "$(row IKU2)" "80|||"
expect_eq "IKU3 50,00" "$(row IKU3)" "200|100|50,00|Sangat Rendah"
expect_eq "IKU4 empty (no realisation)" "$(row IKU4)" "80|||"
expect_eq "IKU5 65,00, not the 89 of the source" "$(row IKU5)" "200|130|65,00|Rendah"
expect_eq "five IKU rows" "$(($(wc -l <"$T/iku.csv") - 1))" 5

# Program table as CSV.
lakip -d "$DB" show --tahun 2023 --triwulan 2 --table program --format csv
expect_rc "show program csv" 0
cp "$T/stdout" "$T/program.csv"
expect_eq "program csv header" "$(head -n 1 "$T/program.csv")" "no;kode;program;anggaran;target;realisasi;capaian;keterangan"
expect_eq "program capaian 40,27/14,48/85,37/7,17/9,03/13,46" \
	"$(awk -F';' 'NR > 1 && $3 != "JUMLAH" { printf "%s ", $7 }' "$T/program.csv")" \
	"40,27 14,48 85,37 7,17 9,03 13,46 "
expect_eq "programs numbered 1..6" \
	"$(awk -F';' 'NR > 1 && $3 != "JUMLAH" { printf "%s", $1 }' "$T/program.csv")" "123456"
expect_eq "JUMLAH row" "$(awk -F';' '$3 == "JUMLAH" { print $4 "|" $6 "|" $7 }' "$T/program.csv")" \
	"28.309.433.559|11.652.504.613|41,16"
expect_eq "P01 anggaran in Indonesian form" "$(awk -F';' '$2 == "P01" { print $4 "|" $6 }' "$T/program.csv")" \
	"11.393.254.909|4.587.938.844"

# Golden files guard the exact output.
check "iku csv as recorded" cmp "$T/iku.csv" "$LAKIP_SRCDIR/tests/data/fixture-tw2-iku.csv"
check "program csv as recorded" cmp "$T/program.csv" "$LAKIP_SRCDIR/tests/data/fixture-tw2-program.csv"

# TSV and text.
lakip -d "$DB" show --tahun 2023 --triwulan 2 --table iku --format tsv
expect_eq "tsv uses tabs" "$(awk -F'\t' '$3 == "IKU1" { print $8 }' "$T/stdout")" "101,02"
COLUMNS=80 lakip -d "$DB" show --tahun 2023 --triwulan 2
expect_rc "show text" 0
expect_in "text shows capaian with %" "$T/stdout" "101,02%"
expect_in "text shows JUMLAH" "$T/stdout" "JUMLAH"
expect_eq "text fits 80 columns" "$(awk '{ if (length($0) > m) m = length($0) } END { print (m <= 80) }' "$T/stdout")" 1
COLUMNS=200 lakip -d "$DB" show --tahun 2023 --triwulan 2 --table program
expect_in "wide text keeps a program name whole" "$T/stdout" "Program Penguatan Ideologi Pancasila dan Karakter Kebangsaan"
# Narrow: the names wrap between words, never inside one ("Pengembang an").
for cols in 80 60; do
	COLUMNS=$cols lakip -d "$DB" show --tahun 2023 --triwulan 2 --table program
	tr -s ' ' '\n' <"$T/stdout" | sort -u >"$T/words.$cols"
	broken=""
	for w in $(sed 1d "$T/program.csv" | cut -d';' -f3 | tr ' ' '\n' | sort -u); do
		grep -qxF -- "$w" "$T/words.$cols" || broken="$broken $w"
	done
	expect_eq "at $cols columns every word of the program names is whole" "$broken" ""
done

# Importing again changes nothing and never duplicates.
lakip -d "$DB" import "$FIXTURE"
expect_rc "import again" 0
expect_in "second import: all unchanged" "$T/stdout" "0 added, 0 changed, 0 removed, 5 unchanged"
lakip -d "$DB" show --tahun 2023 --triwulan 2 --table iku --format csv
check "no duplicates after re-import" cmp "$T/stdout" "$T/iku.csv"

# Round trip: export -> import into a new database -> export.
lakip -d "$DB" export --tahun 2023 -o "$T/e1.yaml"
expect_rc "export" 0
lakip -d "$T/b.db" import "$T/e1.yaml"
expect_rc "import the export" 0
lakip -d "$T/b.db" export --tahun 2023 --instansi kesbangpol-kalteng -o "$T/e2.yaml"
check "export -> import -> export is byte-identical" cmp "$T/e1.yaml" "$T/e2.yaml"
lakip -d "$T/b.db" show --tahun 2023 --triwulan 2 --table iku --format csv
check "the re-imported data shows the same figures" cmp "$T/stdout" "$T/iku.csv"

# --dry-run validates and reports, and writes nothing.
sed 's/^        target: 200$/        target: 250/' "$FIXTURE" >"$T/changed.yaml"
before=$(sum "$DB")
lakip -d "$DB" import --dry-run "$T/changed.yaml"
expect_rc "dry run" 0
expect_in "dry run reports changed IKU" "$T/stdout" "2 changed"
expect_eq "dry run left the database as it was" "$(sum "$DB")" "$before"

# A bad file changes nothing and names file, line and column.
sed 's/^        target: 78.50$/        target: 78,50/' "$FIXTURE" >"$T/bad.yaml"
lakip -d "$DB" import "$T/bad.yaml"
expect_rc "bad number refused" 65
expect_in "message names file:line:col" "$T/stderr" "bad.yaml:39:17:"
expect_eq "failed import left the database as it was" "$(sum "$DB")" "$before"

lakip check "$FIXTURE"
expect_rc "check accepts the fixture" 0
finish
