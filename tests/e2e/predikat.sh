#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# predikat.sh - the agency's own predikat bands (instansi.predikat):
# imported, stored, exported the same, used by show and printed in the
# report's scale and tables, for every user whatever is in his home;
# refused with its position when malformed, and read-only while a quarter
# of the agency is locked.
. "$(dirname "$0")/lib.sh"
DB=$(new_db p)
Y="--tahun 2023 --triwulan 2"
# Bands of another scale: IKU5 (65,00%) is "Memadai" here, "Rendah" with
# the installed bands.
awk '/^tahun: 2023$/ { print "  predikat:"; print "    - nama: Memuaskan";
	print "      min: 90"; print "      warna: baik"; print "    - nama: Memadai";
	print "      min: 60"; print "      warna: cukup"; print "    - nama: Kurang Memadai";
	print "      warna: kurang" } { print }' "$FIXTURE" >"$T/own.yaml"
lakip -d "$DB" import "$T/own.yaml"
expect_rc "a plan with the agency's own bands imports" 0
lakip -d "$DB" show $Y --table iku --format csv
expect_rc "show" 0
expect_in "IKU5 is in the agency's band" "$T/stdout" "IKU5;Jumlah masyarakat yang mendapatkan pembinaan dan pengembangan ketahanan ekonomi, sosial dan budaya;orang;200;130;65,00;Memadai"
expect_in "IKU1 (101,02) too" "$T/stdout" "101,02;Memuaskan"
if grep -q ";Rendah$" "$T/stdout"; then not_ok "no installed band left" "$(cat "$T/stdout")"
else ok "no installed band left"; fi
lakip -d "$DB" export --tahun 2023 -o "$T/out.yaml"
expect_rc "export" 0
lakip -d "$T/p2.db" import "$T/out.yaml"
lakip -d "$T/p2.db" export --tahun 2023 -o "$T/out2.yaml"
check "export -> import -> export is byte-identical" cmp "$T/out.yaml" "$T/out2.yaml"
expect_in "the export holds the bands" "$T/out.yaml" "  - nama: Memadai"
# A user's own copy of the installed bands changes nothing.
mkdir -p "$HOME/.config/lakip/templates"
sed 's/Rendah/Sangat Tinggi/; s/Memadai/Sangat Tinggi/' \
	"$LAKIP_DATA_DIR/templates/predikat.yaml" >"$HOME/.config/lakip/templates/predikat.yaml"
lakip -d "$DB" show $Y --table iku --format csv
expect_in "a user's home changes no predikat" "$T/stdout" "65,00;Memadai"
lakip -d "$DB" report $Y -o "$T/r.pdf"
expect_rc "report" 0
pdftotext -layout "$T/r.pdf" "$T/r.txt" 2>/dev/null
expect_in "the report's scale names the agency's bands" "$T/r.txt" "Kurang Memadai"
expect_in "and its tables too" "$T/r.txt" "Memadai"
if grep -q "Sangat Tinggi" "$T/r.txt"; then not_ok "no installed band in the report"
else ok "no installed band in the report"; fi
lakip -d "$DB" audit log
expect_in "the bands are in the audit log" "$T/stdout" "instansi_predikat kesbangpol-kalteng.bands"
# Malformed bands: refused with the position, nothing changes.
before=$(sum "$DB")
sed 's/^      min: 60$/      min: 95/' "$T/own.yaml" >"$T/bad.yaml"
lakip -d "$DB" import "$T/bad.yaml"
expect_rc "bands not in decreasing order" 65
expect_in "named with file, line and column" "$T/stderr" "bad.yaml:34:7: instansi.predikat[1]"
expect_eq "the database is unchanged" "$(sum "$DB")" "$before"
# A locked quarter (finalised): the agency's bands are what its signed
# report printed, so they stay.
db_sql "$DB" "INSERT INTO quarter_lock (triwulan_id, locked, locked_by, locked_at)
	SELECT t.id, 1, 'kaban', '2023-07-10T00:00:00Z' FROM triwulan t WHERE t.nomor = 2"
sed 's/^      min: 60$/      min: 55/' "$T/own.yaml" >"$T/changed.yaml"
lakip -d "$DB" import "$T/changed.yaml"
expect_rc "changing the bands of a locked agency" 77
lakip -d "$DB" import "$T/own.yaml"
expect_rc "the unchanged file still imports" 0
finish
