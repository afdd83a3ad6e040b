#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tahunan.sh - the data of the whole year (spec "Additions for the whole
# year"): imported, stored and exported byte for byte; malformed keys
# refused with file:line:col, exit 65 and nothing changed; the year's
# figures of show --tahunan against values computed by hand; history from
# a second year in the database beating riwayat; an index IKU's kategori
# in the quarterly show.
. "$(dirname "$0")/lib.sh"
DB=$(new_db y)
DATA="$LAKIP_SRCDIR/tests/data/tahunan-2023.yaml"
lakip -d "$DB" import "$DATA"
expect_rc "a plan with every key of the whole year imports" 0
lakip -d "$DB" export --tahun 2023 -o "$T/out.yaml"
expect_rc "export" 0
lakip -d "$T/y2.db" import "$T/out.yaml"
lakip -d "$T/y2.db" export --tahun 2023 -o "$T/out2.yaml"
check "export -> import -> export is byte-identical" cmp "$T/out.yaml" "$T/out2.yaml"
for key in "zona_waktu: Asia/Makassar" "verifikasi: https://sakip.uji.go.id/verifikasi" \
	"nama: Renstra 2021-2025" "    baseline:" "      lebih_dari: 80" \
	"    standar_nasional: 78.5" "      IDI: diukur setelah akhir tahun oleh BPS" \
	"    P3: 0" "      - [Kesetaraan, \"\"]" "    lkjip_penutup: Demikian laporan ini." \
	"    nama: Gubernur Uji" "    pembuka: Dalam rangka mewujudkan kinerja." \
	"  - Polarisasi menjelang pemilu" "      2025: 80" "      2022: 77.1"; do
	expect_in "the export holds '$key'" "$T/out.yaml" "$key"
done
lakip -d "$DB" audit log
expect_in "the year's data is audited" "$T/stdout" "iku_tahunan"
# Renstra, IDI, KONFLIK, the notes of quarter IV, tahunan, perjanjian.
sed 's/Kinerja tercapai\./Kinerja tahun 2023 tercapai./; s/2024: 79$/2024: 79.5/' \
	"$DATA" >"$T/changed.yaml"
lakip -d "$DB" import --dry-run "$T/changed.yaml"
expect_in "a dry run counts the year's groups" "$T/stdout" \
	"tahunan   0 added, 2 changed, 0 removed, 4 unchanged"
sed 's/Asia\/Makassar/Asia\/Jayapura/' "$DATA" >"$T/zona.yaml"
lakip -d "$DB" import --dry-run "$T/zona.yaml"
expect_in "another time zone changes the agency's profile" "$T/stdout" \
	"instansi  0 added, 1 changed, 0 removed, 0 unchanged"

# The year's figures, by hand:
#  IDI: R = tahunan 80 (triwulan 4 has none); 80 / 78 = 102,564 -> 102,56;
#   against target_renstra[2025] 80: 100,00; kategori: 80 is not > 80 but
#   >= 60: sedang; last year riwayat 2022 77,1: +2,90.
#  KONFLIK (negatif): R = triwulan 4's 9; (8 - (9 - 8)) / 8 = 87,50
#   (predikat Tinggi, >= 76); Renstra (5 - (9 - 5)) / 5 = 20,00; 2022: 10,
#   change -1.
#  ORMAS: target 0: "-".
#  S1: (102,56 + 87,50) / 2 = 95,03; its programs P1, P2 spent
#   (950.000 + 312.500) / 1.500.000 = 84,1667 -> 84,17; efficiency
#   95,03 / 84,17 x 100 = 112,902 -> 112,90.
#  S2: no capaian; P3 anggaran 0: serapan "-", efficiency none.
#  P1 95,00; P2 62,50; P3 "-"; JUMLAH 1.262.500 of 1.500.000: 84,17.
lakip -d "$DB" show --tahun 2023 --tahunan --table iku --format csv
expect_rc "show --tahunan" 0
expect_in "the IKU columns" "$T/stdout" "no;sasaran;kode;indikator;satuan;target;realisasi;capaian;target_renstra;capaian_renstra;kategori;realisasi_lalu;perubahan"
expect_in "IDI" "$T/stdout" ";IDI;Indeks Demokrasi Indonesia;indeks;78;80;102,56;80;100,00;sedang;77,10;+2,90"
expect_in "KONFLIK" "$T/stdout" ";KONFLIK;Jumlah konflik sosial;kasus;8;9;87,50;5;20,00;Tinggi;10;-1"
expect_in "ORMAS" "$T/stdout" ";ORMAS;Jumlah ormas yang dibina;orang;0;5;-;;;-;;"
lakip -d "$DB" show --tahun 2023 --tahunan --table sasaran --format csv
expect_in "the sasaran columns" "$T/stdout" "no;kode;sasaran;capaian;serapan;efisiensi"
expect_in "S1" "$T/stdout" "1;S1;Meningkatnya kualitas demokrasi;95,03;84,17;112,90"
expect_in "S2" "$T/stdout" "2;S2;Terbinanya ormas;;-;"
lakip -d "$DB" show --tahun 2023 --tahunan --table program --format tsv
expect_in "P1" "$T/stdout" "$(printf '1\tP1\tProgram Penguatan Ideologi\t1.000.000\t950.000\t95,00')"
expect_in "P3" "$T/stdout" "$(printf '3\tP3\tProgram Pembinaan Ormas\t0\t0\t-')"
expect_in "JUMLAH" "$T/stdout" "$(printf '\t\tJUMLAH\t1.500.000\t1.262.500\t84,17')"
COLUMNS=80 lakip -d "$DB" show --tahun 2023 --tahunan
expect_rc "text" 0
long=$(awk 'length > 80' "$T/stdout" | wc -l)
expect_eq "the text fits 80 columns" "$long" "0"
expect_in "and wraps" "$T/stdout" "Indonesia"
# The quarter: IDI 81 in TW II is "baik" (> 80) where others show a predikat.
lakip -d "$DB" show --tahun 2023 --triwulan 2 --table iku --format csv
expect_in "the quarterly show prints the kategori" "$T/stdout" ";IDI;Indeks Demokrasi Indonesia;indeks;78;81;103,85;baik"
COLUMNS=80 lakip -d "$DB" show --tahun 2023 --triwulan 4 --table iku
expect_in "the quarter's notes follow its IKU table" "$T/stdout" \
	"IDI   diukur setelah akhir tahun oleh BPS"
lakip -d "$DB" -q report --tahun 2023 --triwulan 2 -o "$T/tw2.pdf"
expect_rc "the quarterly report" 0
pdftotext -layout "$T/tw2.pdf" "$T/tw2.txt" 2>/dev/null
check "the report's lampiran prints the kategori for the predikat" \
	grep -Eq "Indeks Demokrasi Indonesia +78 +81 +103,85% +baik" "$T/tw2.txt"
check "and its analysis too" grep -q "103,85% dengan predikat baik" "$T/tw2.txt"

# History: the database's own 2022 (R 77,5 from its triwulan 4) beats
# riwayat's 77,1: change 80 - 77,5 = +2,50.
sed -e 's/^tahun: 2023$/tahun: 2022/' -e '/^tahunan:/,$d' -e '/^  2:$/,/^      KONFLIK: 3$/d' \
	-e 's/^    tanggal: 2024-01-10$/    tanggal: 2023-01-10/' \
	-e 's/^      KONFLIK: 9$/      KONFLIK: 9\n      IDI: 77.5/' \
	-e '/^    keterangan:$/,/BPS$/d' -e '/^        riwayat:$/,/^          2022: .*$/d' \
	-e '/^        riwayat:$/,/^          2022: 10$/d' "$DATA" | grep -v "^          2022: 10$" >"$T/2022.yaml"
lakip -d "$DB" import "$T/2022.yaml"
expect_rc "a second year imports" 0
lakip -d "$DB" show --tahun 2023 --tahunan --table iku --format csv
expect_in "the database's 2022 beats riwayat" "$T/stdout" ";sedang;77,50;+2,50"

# Malformed keys: refused with the position, exit 65, nothing changed.
before=$(sum "$DB")
bad() { # name, sed expression, expected position and message
	sed "$2" "$DATA" >"$T/bad.yaml"
	lakip -d "$DB" import "$T/bad.yaml"
	expect_rc "$1: exit 65" 65
	expect_in "$1: named with file:line:col" "$T/stderr" "$3"
}
bad "a band without a label" 's/- {label: sedang, minimal: 60}/- {minimal: 60}/' "bad.yaml:41:13:"
bad "lebih_dari not a number" 's/lebih_dari: 80}/lebih_dari: delapan}/' "bad.yaml:40:39: sasaran[0].iku[0].kategori[0].lebih_dari"
bad "a Renstra year outside the period" 's/^          2024: 79$/          2026: 79/' "bad.yaml:34:11: sasaran[0].iku[0].target_renstra: year \"2026\" is outside the Renstra period 2021-2025"
bad "akhir before awal" 's/^  akhir: 2025$/  akhir: 2020/' "bad.yaml:17:10: renstra.akhir"
# Lines 15-18 gone: the map of line 31 (its first key) is now on line 27.
bad "target_renstra without renstra" '/^renstra:$/,/^  nama: Renstra/d' "bad.yaml:27:11: sasaran[0].iku[0].target_renstra: Renstra targets need the Renstra period"
bad "an unknown time zone" 's/Asia\/Makassar/Asia\/Tokyo/' "bad.yaml:12:15: instansi.zona_waktu: expected Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)"
bad "a verification page that is not http(s)" 's/https:\/\/sakip/ftp:\/\/sakip/' "bad.yaml:13:15: instansi.verifikasi"
bad "a dangling keterangan" 's/^      IDI: diukur/      XYZ: diukur/' "bad.yaml:86:7: triwulan.4.keterangan: unknown IKU \"XYZ\""
expect_eq "the database is unchanged" "$(sum "$DB")" "$before"

# A locked quarter (finalised): what its report shows stays; the note on
# its realisations, an index IKU's bands (printed for the predikat) and
# the agency's profile; the annual texts are not in it.
db_sql "$DB" "INSERT INTO quarter_lock (triwulan_id, locked, locked_by, locked_at)
	SELECT t.id, 1, 'kaban', '2024-01-20T00:00:00Z' FROM triwulan t
	JOIN rencana r ON r.id = t.rencana_id WHERE r.tahun = 2023 AND t.nomor = 4"
before=$(sum "$DB")
locked() { # name, sed expression
	sed "$2" "$DATA" >"$T/lock.yaml"
	lakip -d "$DB" import "$T/lock.yaml"
	expect_rc "$1 while quarter IV is locked" 77
}
locked "a note of quarter IV" 's/diukur setelah akhir tahun oleh BPS/diukur BPS/'
locked "a kategori band" 's/minimal: 60}/minimal: 65}/'
locked "the time zone" 's/Asia\/Makassar/Asia\/Jakarta/'
expect_eq "the database is unchanged" "$(sum "$DB")" "$before"
sed 's/Kinerja tercapai\./Kinerja tahun 2023 tercapai./' "$DATA" >"$T/open.yaml"
lakip -d "$DB" import "$T/open.yaml"
expect_rc "the annual conclusion still changes" 0
lakip -d "$DB" audit log
expect_in "audited" "$T/stdout" "Kinerja tahun 2023 tercapai."
finish
