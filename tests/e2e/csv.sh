#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# One sheet as CSV (spec/spreadsheet-format.md): encodings, separators,
# quoting, merging into the year, errors by line and column, the formula
# guard and the BOM of the exports.
. "$(dirname "$0")/lib.sh"
A="$T/a.db"

lakip -d "$A" import "$FIXTURE"
expect_rc "import the fixture" 0
lakip -d "$A" export --tahun 2023 -o "$T/a.yaml"

# Export of a sheet, then import: nothing changes.
for s in instansi bidang iku program triwulan realisasi_iku realisasi_program; do
	lakip -d "$A" export --tahun 2023 --format csv --sheet $s -o "$T/$s.csv"
	[ "$rc" = 0 ] || not_ok "export --sheet $s" "$(cat "$T/stderr")"
	lakip -d "$A" import --dry-run --sheet $s --tahun 2023 "$T/$s.csv"
	if [ "$rc" = 0 ] && ! grep -E '[1-9][0-9]* (added|changed|removed)' "$T/stdout" >/dev/null; then
		ok "sheet $s: export then import changes nothing"
	else not_ok "sheet $s round trip" "$(cat "$T/stdout" "$T/stderr")"; fi
done
expect_eq "iku.csv header" "$(head -n 1 "$T/iku.csv")" \
	"sasaran_kode;sasaran;bidang;kode;indikator;satuan;polaritas;target;target_tw1;target_tw2;target_tw3;target_tw4"
expect_in "Indonesian numbers: 78,5" "$T/iku.csv" ";78,5;"
expect_in "rupiah with separators" "$T/program.csv" ";11.393.254.909;"
expect_in "every line has the header's fields" "$T/realisasi_iku.csv" "2;IKU2;"

# A realisasi_iku CSV changes only the realisations it lists; an empty
# cell means not known, never 0.
printf 'triwulan,kode,realisasi\r\n2,IKU2,"81,5"\r\n2,IKU3,\r\n' >"$T/r.csv"
cp "$A" "$T/m.db"
lakip -d "$T/m.db" import --sheet realisasi_iku --tahun 2023 "$T/r.csv"
expect_rc "merge two realisations (comma separated, CRLF)" 0
lakip -d "$T/m.db" show --tahun 2023 --triwulan 2 --table iku --format csv
row() { awk -F';' -v k="$1" '$3 == k { print $7 "|" $8 }' "$T/stdout"; }
expect_eq "IKU2 now 81,50" "$(row IKU2)" "81,50|101,88"
expect_eq "IKU3 emptied: not known" "$(row IKU3)" "|"
expect_eq "IKU1 untouched" "$(row IKU1)" "79,30|101,02"
expect_eq "IKU5 untouched" "$(row IKU5)" "130|65,00"
lakip -d "$T/m.db" export --tahun 2023 -o "$T/m.yaml"
expect_in "narratives kept" "$T/m.yaml" "narasi:"

# Every row listed is merged, the first IKU of a quarter as the last: the
# reader once kept pointers into a map that grew, and the early rows'
# changes went nowhere ("0 changed").
sh "$LAKIP_SRCDIR/bench/gen-synthetic.sh" 2 10 2 >"$T/g.yaml"
lakip -d "$T/g.db" import "$T/g.yaml"
printf 'triwulan;kode;realisasi\n1;IKU1;77\n1;IKU10;66\n3;IKU2;55\n' >"$T/g.csv"
lakip -d "$T/g.db" import --sheet realisasi_iku --tahun 2023 "$T/g.csv"
expect_rc "merge three rows into a larger plan" 0
lakip -d "$T/g.db" export --tahun 2023 --format csv --sheet realisasi_iku -o "$T/g-out.csv"
for r in '1;IKU1;77' '1;IKU10;66' '3;IKU2;55'; do
	expect_in "merged: $r" "$T/g-out.csv" "$r"
done

# Separators and a BOM give the same result.
printf '\357\273\277triwulan;kode;realisasi\n2;IKU2;81,5\n' >"$T/semi.csv"
printf 'triwulan\tkode\trealisasi\n2\tIKU2\t81,5\n' >"$T/tab.csv"
for f in semi tab; do
	cp "$A" "$T/$f.db"
	lakip -d "$T/$f.db" import --sheet realisasi_iku --tahun 2023 "$T/$f.csv"
	lakip -d "$T/$f.db" show --tahun 2023 --triwulan 2 --table iku --format csv
	expect_eq "$f: IKU2 81,50" "$(row IKU2)" "81,50|101,88"
done

# Windows-1252 (Excel's plain "CSV"): read, and said so.
printf 'kode;nama\npoldagri;Bidang Politik \226 Dalam Negeri\nideologi;Bidang Ideologi\nkewaspadaan;Bidang Kewaspadaan\nekososbud;Bidang Ekonomi, Sosial, Budaya \351\n' >"$T/cp.csv"
cp "$A" "$T/cp.db"
lakip -d "$T/cp.db" import --sheet bidang --tahun 2023 "$T/cp.csv"
expect_rc "a Windows-1252 file" 0
expect_in "the note says Windows-1252" "$T/stderr" "Windows-1252"
lakip -d "$T/cp.db" export --tahun 2023 -o "$T/cp.yaml"
expect_in "en dash read as U+2013" "$T/cp.yaml" "Bidang Politik – Dalam Negeri"
expect_in "e acute read as U+00E9" "$T/cp.yaml" "Budaya é"
printf 'kode;nama\npol;bad \201 byte\n' >"$T/bad1252.csv"
lakip -d "$T/cp.db" import --sheet bidang --tahun 2023 "$T/bad1252.csv"
expect_rc "a byte neither UTF-8 nor Windows-1252: 65" 65
printf '\377\376k\000' >"$T/u16.csv"
lakip -d "$T/cp.db" import --sheet bidang --tahun 2023 "$T/u16.csv"
expect_in "UTF-16 refused with a hint" "$T/stderr" "UTF-16"

# Quoting: separators, quotes and line breaks inside quoted fields.
printf 'kunci;nilai\nkode;kesbangpol-kalteng\nnama;"Badan ""Kesbangpol""; Kalteng"\npemerintah;Pemerintah Provinsi Kalimantan Tengah\nkota;Palangka Raya\ntahun;2023\nkepala_nama;"Dr. H.M. KATMA F. DIRUN, S.E., M.M."\nkepala_jabatan;Kepala Badan\nkepala_pangkat;Pembina Utama Madya (IV/d)\nkepala_nip;19661022 199308 1 001\n' >"$T/in.csv"
cp "$A" "$T/q.db"
lakip -d "$T/q.db" import --sheet instansi "$T/in.csv"
expect_rc "instansi sheet with quoted fields (agency and year from the sheet)" 0
lakip -d "$T/q.db" export --tahun 2023 -o "$T/q.yaml"
expect_in "quote and separator inside a field" "$T/q.yaml" 'nama: Badan "Kesbangpol"; Kalteng'
expect_in "the rest of the plan kept" "$T/q.yaml" "IKU5"

# Errors name the file, line and column, exit 65, change nothing.
before=$(sum "$A")
cerr() { # SHEET CONTENT MESSAGE
	printf "$2" >"$T/e.csv"
	lakip -d "$A" import --sheet "$1" --tahun 2023 "$T/e.csv"
	if [ "$rc" = 65 ] && grep -qF -- "$3" "$T/stderr"; then ok "csv error: $3"
	else not_ok "csv error: exit 65 and '$3'" "rc $rc" "$(cat "$T/stderr")"; fi
}
cerr realisasi_iku 'triwulan;kode;realisasi\n2;IKU1;79,3\n2;IKU2;delapan\n' 'e.csv:3:3: "delapan" is not a number'
cerr realisasi_iku 'triwulan;kode;realisasi\n2;IKU9;1\n' 'e.csv:2:2: triwulan.2.realisasi_iku: unknown IKU "IKU9"'
cerr realisasi_iku 'triwulan;kode;realisasi\n2;IKU1;1\n2;IKU1;2\n' 'e.csv:3:2: the realisation of IKU1 for triwulan 2 is given twice (first on row 2)'
cerr realisasi_iku 'triwulan;kode;realisasi\n2;IKU1;78.5\n' 'e.csv:2:3: "78.5" is ambiguous'
cerr realisasi_iku 'triwulan;kode;realisasi;catatn\n' 'e.csv:1:4: unknown column "catatn"'
cerr realisasi_iku 'triwulan;kode;realisasi\n2;IKU1;"79,3\n' 'e.csv:2:3: a quoted field is not closed'
cerr program 'kode;program;anggaran\nP01;Program;-5\n' 'e.csv:2:3: program[0].anggaran: expected a number >= 0'
cerr iku 'sasaran_kode;sasaran;kode;indikator;satuan;target\nSS1;S;IKU1;I;%%;80\n' 'the database'"'"'s program, row 3: program[1].sasaran[0]: unknown sasaran "SS3"'
# More cells than a plan holds: refused before they cost memory.
awk 'BEGIN { for (r = 0; r < 600; r++) { l = "1"; for (c = 1; c < 1000; c++) l = l ";1"; print l } }' >"$T/wide.csv"
lakip -d "$A" import --sheet realisasi_iku --tahun 2023 "$T/wide.csv"
expect_rc "600,000 cells: 65" 65
expect_in "  named" "$T/stderr" "more than 500000 cells with a value"
expect_eq "no failed import changed the database" "$(sum "$A")" "$before"
lakip -d "$A" import --sheet capaian_tw2 --tahun 2023 "$T/e.csv"
expect_rc "a computed sheet is not imported: 64" 64
lakip -d "$A" import --sheet iku "$T/iku.csv"
expect_rc "--sheet iku needs --tahun: 64" 64
lakip -d "$T/none.db" import --sheet iku --tahun 2023 "$T/iku.csv"
expect_rc "no plan in the database: 66" 66

# The formula guard: text that a spreadsheet would run is quoted with '.
sed -e 's/^\(    uraian: \)Skor IDI.*/\1"=HYPERLINK(\\"http:\/\/x\\")"/' \
    -e 's/^\(    uraian: \)Masyarakat yang mengerti.*/\1"@SUM(A1)"/' \
    -e 's/^\(    uraian: \)Capaian pembinaan.*/\1"+62 812 bahaya"/' \
    "$T/a.yaml" >"$T/f.yaml"
lakip -d "$T/f.db" import "$T/f.yaml"
expect_rc "import formula-like texts" 0
lakip -d "$T/f.db" export --tahun 2023 --format csv --sheet iku -o "$T/f.csv"
expect_in "= guarded (inside the quotes)" "$T/f.csv" ";\"'=HYPERLINK(\"\"http://x\"\")\";"
expect_in "@ guarded" "$T/f.csv" ";'@SUM(A1);"
expect_in "+ guarded" "$T/f.csv" ";'+62 812 bahaya;"
lakip -d "$T/f.db" show --tahun 2023 --triwulan 2 --table iku --format csv
expect_in "show guards too" "$T/stdout" ";'@SUM(A1);"
expect_in "a negative-looking dash of an empty capaian stays" "$T/stdout" ";orang;200;"
lakip -d "$T/f.db" import --dry-run --sheet iku --tahun 2023 "$T/f.csv"
expect_in "the guard is dropped on import: unchanged" "$T/stdout" "IKU       0 added, 0 changed, 0 removed, 5 unchanged"

# BOM on request.
lakip -d "$A" export --tahun 2023 --format csv --sheet iku --bom
expect_eq "export --bom" "$(head -c 3 "$T/stdout" | od -An -tx1 | tr -d ' ')" "efbbbf"
lakip -d "$A" show --tahun 2023 --triwulan 2 --format csv --bom
expect_eq "show --bom" "$(head -c 3 "$T/stdout" | od -An -tx1 | tr -d ' ')" "efbbbf"
lakip -d "$A" export --tahun 2023 --format csv
expect_rc "--format csv without --sheet: 64" 64
finish
