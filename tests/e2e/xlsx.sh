#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# Workbooks (spec/spreadsheet-format.md): export, import, round trip
# through an empty database, what a clerk's Excel writes, every error
# with its cell, hostile files, the starting workbook (--kosong).
. "$(dirname "$0")/lib.sh"
X="$LAKIP_SRCDIR/tests/fixtures/xlsx"
A="$T/a.db"

lakip -d "$A" import "$FIXTURE"
expect_rc "import the fixture" 0
lakip -d "$A" export --tahun 2023 -o "$T/a.yaml"
expect_rc "export it as YAML" 0
lakip -d "$A" export --tahun 2023 --format xlsx -o "$T/a.xlsx"
expect_rc "export --format xlsx" 0
expect_eq "the workbook is a ZIP" "$(head -c 4 "$T/a.xlsx" | od -An -c | tr -d ' ')" 'PK003004'

# Round trip through an empty database: the same YAML but the quarters'
# texts (narratives, tables, obstacles, follow-ups, conclusion), which a
# workbook does not carry.
lakip -d "$T/b.db" import "$T/a.xlsx"
expect_rc "import the workbook into an empty database" 0
expect_in "5 IKU added" "$T/stdout" "IKU       5 added"
lakip -d "$T/b.db" export --tahun 2023 -o "$T/b.yaml"
awk '/^    (narasi|tabel|permasalahan|tindak_lanjut|kesimpulan|teks):/ { skip = 1; next }
     skip && (/^     / || /^    - / || /^$/) { next } { skip = 0; print }' "$T/a.yaml" >"$T/a-notext.yaml"
check "round trip: the same file but the quarters' texts" cmp "$T/a-notext.yaml" "$T/b.yaml"
# ... and through the workbook again, byte for byte.
lakip -d "$T/b.db" export --tahun 2023 --format xlsx -o "$T/b.xlsx"
lakip -d "$T/c.db" import "$T/b.xlsx"
lakip -d "$T/c.db" export --tahun 2023 -o "$T/c.yaml"
check "second round trip: identical" cmp "$T/b.yaml" "$T/c.yaml"

# Over the database it came from: nothing changes, the texts stay.
before=$(sum "$A")
lakip -d "$A" import --dry-run "$T/a.xlsx"
expect_rc "dry run over the source database" 0
expect_in "dry run: the quarter unchanged" "$T/stdout" "triwulan  0 added, 0 changed, 0 removed, 1 unchanged"
expect_eq "dry run wrote nothing" "$(sum "$A")" "$before"
lakip -d "$A" import "$T/a.xlsx"
lakip -d "$A" export --tahun 2023 -o "$T/a2.yaml"
check "import over the source keeps narratives and texts" cmp "$T/a.yaml" "$T/a2.yaml"

# What the exporter writes: numbers numeric with formats, text as text,
# frozen header, computed sheets protected.
if command -v unzip >/dev/null 2>&1; then
	unzip -p "$T/a.xlsx" xl/workbook.xml >"$T/wb.xml"
	expect_in "sheets in order" "$T/wb.xml" 'name="instansi"'
	expect_in "a computed sheet for the quarter" "$T/wb.xml" 'name="capaian_tw2"'
	unzip -p "$T/a.xlsx" xl/worksheets/sheet3.xml >"$T/iku.xml"
	expect_in "iku: frozen header row" "$T/iku.xml" 'state="frozen"'
	expect_in "iku: column widths" "$T/iku.xml" '<col '
	expect_in "iku: the target 78.5 is a number" "$T/iku.xml" '<v>78.5</v>'
	check "iku: no formula anywhere" sh -c "! grep -q '<f>' '$T/iku.xml'"
	check "data sheet not protected" sh -c "! grep -q sheetProtection '$T/iku.xml'"
	unzip -p "$T/a.xlsx" xl/worksheets/sheet8.xml >"$T/cap.xml"
	expect_in "capaian_tw2 protected" "$T/cap.xml" '<sheetProtection'
	expect_in "capaian of IKU1 101.02" "$T/cap.xml" '<v>101.02</v>'
	expect_in "JUMLAH row" "$T/cap.xml" 'JUMLAH'
	unzip -p "$T/a.xlsx" xl/styles.xml >"$T/styles.xml"
	expect_in "rupiah format #,##0" "$T/styles.xml" 'formatCode="#,##0"'
	expect_in "percent format 0.00" "$T/styles.xml" 'formatCode="0.00"'
else
	ok "# SKIP unzip is missing (apt-get install unzip)"
fi

# What a clerk's Excel writes: merged sasaran cells, shared and rich
# strings, numbers with floating-point residue, formulas with cached
# values, note columns, empty rows, date serials, Indonesian text numbers.
lakip -d "$T/k.db" import "$X/clerk.xlsx"
expect_rc "the clerk's workbook" 0
lakip -d "$T/k.db" export --tahun 2023 -o "$T/k.yaml"
check "the clerk's workbook reads as expected (clerk.yaml)" cmp "$X/clerk.yaml" "$T/k.yaml"
expect_in "residue 78.499999999999986 is 78.5" "$T/k.yaml" "target: 78.5"
expect_in "residue 23.549999999999997 is 23.55" "$T/k.yaml" "IKU1: 23.55"
expect_in "Rp 11.393.254.909,00" "$T/k.yaml" "anggaran: 11393254909"
check "an empty realisation is not known, not 0" sh -c "! grep -q 'IKU3:' '$T/k.yaml'"
lakip -d "$T/p.db" import "$X/prefixed.xlsx"
lakip -d "$T/p.db" export --tahun 2023 -o "$T/p.yaml"
check "the same with prefixed XML names (x:c)" cmp "$X/clerk.yaml" "$T/p.yaml"

# A workbook saved again by a real spreadsheet program (LibreOffice:
# shared strings, its own styles and number formats) reads the same.
if command -v soffice >/dev/null 2>&1; then
	mkdir -p "$T/lo" "$T/lohome"
	cp "$T/a.xlsx" "$T/lo/export.xlsx"
	cp "$X/clerk.xlsx" "$T/lo/clerk.xlsx"
	(cd "$T/lo" && HOME="$T/lohome" timeout 180 soffice --headless \
		--convert-to xlsx --outdir re export.xlsx clerk.xlsx) >"$T/lo.log" 2>&1
	lakip -d "$T/lo1.db" import "$T/lo/re/export.xlsx"
	expect_rc "our workbook saved by LibreOffice imports" 0
	lakip -d "$T/lo1.db" export --tahun 2023 -o "$T/lo1.yaml"
	check "... as the same plan" cmp "$T/b.yaml" "$T/lo1.yaml"
	lakip -d "$T/lo2.db" import "$T/lo/re/clerk.xlsx"
	expect_rc "the clerk's workbook saved by LibreOffice imports" 0
	lakip -d "$T/lo2.db" export --tahun 2023 -o "$T/lo2.yaml"
	check "... as the same plan" cmp "$X/clerk.yaml" "$T/lo2.yaml"
else
	ok "# SKIP LibreOffice is not installed (apt-get install --no-install-recommends libreoffice-calc-nogui)"
fi

# Every error names the file, sheet and cell, exits 65 and changes nothing.
before=$(sum "$A")
err() { # FIXTURE MESSAGE
	lakip -d "$A" import "$X/$1.xlsx"
	if [ "$rc" = 65 ] && grep -qF -- "$2" "$T/stderr"; then ok "$1: $2"
	else not_ok "$1: exit 65 and '$2'" "rc $rc" "$(cat "$T/stderr")"; fi
}
err bad-number 'bad-number.xlsx: iku!I3: "delapan puluh" is not a number'
err ambiguous 'ambiguous.xlsx: iku!I5: "78.5" is ambiguous'
err ambiguous 'write "78,5"'
err no-value 'no-value.xlsx: realisasi_iku!C2: a formula without a stored value'
err formula-error 'formula-error.xlsx: iku!I2: the cell holds the error #DIV/0!'
err unknown-column 'unknown-column.xlsx: iku!N1: unknown column "taget"'
err dangling 'dangling.xlsx: program!E3: program[1].sasaran[0]: unknown sasaran "SS9"'
err duplicate 'duplicate.xlsx: iku!E5: sasaran[1].iku[0].kode: duplicate kode "IKU1" (first at iku!E2)'
err negative 'negative.xlsx: program!C3: program[1].anggaran: expected a number >= 0'
err quarter 'quarter.xlsx: realisasi_iku!A2: triwulan: expected a quarter, 1 to 4, found "5"'
err no-tw 'no-tw.xlsx: realisasi_iku!A2: triwulan 3 has no row in the sheet triwulan'
err bad-date 'bad-date.xlsx: triwulan!B3: tanggal: "31-02-2023" is no date in the calendar'
err first-empty 'first-empty.xlsx: iku!B2: sasaran_kode is empty on the first row'
err dtd 'a document type declaration (DTD) is not allowed'
err bomb 'inflates to more than 200 times its compressed size'
err million 'the sheet iku has more than 200000 rows'
err broken 'xl/worksheets/sheet2.xml:1:96: mismatched tag'
expect_eq "no failed import changed the database" "$(sum "$A")" "$before"
printf 'PK\003\004 not really a zip' >"$T/fake.xlsx"
lakip -d "$A" import "$T/fake.xlsx"
expect_rc "a broken ZIP: 65" 65
expect_in "a broken ZIP is named" "$T/stderr" "not a readable XLSX workbook"

lakip check "$X/clerk.xlsx"
expect_rc "check of a workbook" 0
expect_in "check: its summary" "$T/stdout" "valid (dinas-contoh, year 2023: 2 sasaran, 3 IKU, 2 programs, 2 quarters)"
lakip check "$X/bad-number.xlsx"
expect_rc "check of a bad workbook: 65" 65

# A workbook is found by its content, not its name.
cp "$T/a.xlsx" "$T/rencana.dat"
lakip -d "$T/n.db" import --dry-run "$T/rencana.dat"
expect_rc "a workbook named .dat" 0

# The starting workbook: headers, examples in notes, the agency's profile.
lakip -d "$A" export --tahun 2024 --format xlsx --kosong -o "$T/kosong.xlsx"
expect_rc "export --kosong for a year without a plan" 0
if command -v unzip >/dev/null 2>&1; then
	unzip -l "$T/kosong.xlsx" >"$T/list"
	expect_in "notes on the header cells" "$T/list" "xl/comments1.xml"
	unzip -p "$T/kosong.xlsx" xl/sharedStrings.xml >"$T/ss.xml"
	expect_in "the agency's kode" "$T/ss.xml" "kesbangpol-kalteng"
	expect_in "its bidang" "$T/ss.xml" "poldagri"
else
	ok "# SKIP unzip is missing"
fi
lakip -d "$T/e.db" import "$T/kosong.xlsx"
expect_rc "the empty workbook imports" 0
expect_in "as the profile and bidang for 2024" "$T/stdout" "year 2024"
lakip -d "$A" export --tahun 2023 --format xlsx
expect_rc "a workbook to standard output (not a terminal)" 0
expect_eq "standard output holds the ZIP" "$(head -c 2 "$T/stdout")" "PK"
lakip -d "$A" export --tahun 2023 --kosong
expect_rc "--kosong without xlsx: 64" 64
finish
