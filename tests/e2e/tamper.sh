#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tamper.sh - rows of the tables of trust changed behind lakip's back
# (sqlite3 on a copy of the file): audit verify names each, though the
# chain itself is untouched.
. "$(dirname "$0")/lib.sh"
for tool in openssl sqlite3; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
DB="$T/t.db"
Y="--tahun 2023 --triwulan 2"
# The plan with its notes on IKU2 and IKU4, and a quarterly target of
# IKU1 and P01 (for the rules of the notes and the targets).
sed 's/^        target: 78.50$/        target: 78.50\
        target_triwulan: {2: 70}/' "$FIXTURE_KET" >"$T/plan.yaml"
lakip -d "$DB" import "$T/plan.yaml"
approve_all "$DB"
test_key
lakip -d "$DB" signer set "$T/cert.pem"
cp "$LAKIP_DATA_DIR/templates/laporan.yaml" "$T/own.yaml"
lakip -d "$DB" template set "$T/own.yaml"
LAKIP_P12_PASS=rahasia lakip -d "$DB" finalise $Y --p12 "$T/k.p12" -o "$T/tw2.pdf"
expect_rc "finalise" 0
lakip -d "$DB" audit verify
expect_rc "audit verify of the untouched database" 0
expect_in "says the tables are as the log says" "$T/stdout" "as the audit log says"

# tampered DESCRIPTION SQL TEXT: on a copy, audit verify exits 65 naming TEXT.
tampered() {
	cp "$DB" "$T/x.db"
	sqlite3 "$T/x.db" "$2" || { not_ok "$1: the SQL failed"; return; }
	lakip -d "$T/x.db" audit verify
	if [ "$rc" = 65 ] && grep -qF -- "$3" "$T/stdout"; then ok "$1 (65)"
	else not_ok "$1: expected 65 naming '$3', got $rc" "$(cat "$T/stdout" "$T/stderr")"; fi
}
tampered "an admin inserted" \
	"INSERT INTO users (login, role, added_by, added_at) VALUES ('penyusup', 'admin', 'root', '2026-01-01T00:00:00Z')" \
	"the admin penyusup is not one the audit log made"
tampered "the admin demoted" "UPDATE users SET role = NULL WHERE role = 'admin'" \
	"of the audit log is not in the database"
tampered "a stored signed version replaced" \
	"UPDATE signed_report SET pdf_sha256 = '$(printf '%064d' 0)'" \
	"signed report kesbangpol-kalteng/2023/TW2 version 1 differs"
tampered "a stored signed version deleted" "DELETE FROM signed_report" \
	"signed report kesbangpol-kalteng/2023/TW2 version 1 of the audit log is not in the database"
tampered "a quarter unlocked" "UPDATE quarter_lock SET locked = 0" \
	"the lock of kesbangpol-kalteng/2023/TW2 is not what"
tampered "a quarter locked" "DELETE FROM quarter_lock" \
	"the lock of kesbangpol-kalteng/2023/TW2 is not what"
tampered "a signer inserted" "INSERT INTO signer (instansi_id, sha256, subject,
	serial_number, not_before, not_after, pem, added_by, added_at)
	SELECT id, '$(printf '%064d' 7)', 'CN = Palsu', '', 0, 4102444800, 'x', 'root',
	'2026-01-01T00:00:00Z' FROM instansi" "the signer certificate kesbangpol-kalteng 0000"
tampered "a signer removed" "UPDATE signer SET removed_at = '2026-01-01T00:00:00Z'" \
	"the signer certificate kesbangpol-kalteng"
tampered "a signer's subject changed" "UPDATE signer SET subject = 'CN = Lain'" \
	"the signer certificate kesbangpol-kalteng"
tampered "a template's text changed" \
	"UPDATE instansi_template SET yaml = replace(yaml, 'BAB I KINERJA', 'BAB I PALSU')" \
	"the text of template version kesbangpol-kalteng 1 is not the one recorded"
tampered "a template version deleted" "DELETE FROM instansi_template" \
	"template version kesbangpol-kalteng 1 of the audit log is not in the database"
# The plans' figures and names: each is what its last record says.
tampered "a realisation changed" \
	"UPDATE realisasi_iku SET nilai = 1900000 WHERE nilai = 1300000" \
	"realisasi_iku IKU5 nilai of kesbangpol-kalteng/2023/TW2 is 190, the audit log says 130"
tampered "a realisation deleted" "DELETE FROM realisasi_iku WHERE nilai = 1300000" \
	"realisasi_iku IKU5 nilai of kesbangpol-kalteng/2023/TW2 is -, the audit log says 130"
tampered "a realisation inserted" "INSERT INTO realisasi_iku (triwulan_id, iku_id, nilai)
	SELECT t.id, k.id, 500000 FROM triwulan t, iku k WHERE t.nomor = 2 AND k.kode = 'IKU2'" \
	"realisasi_iku IKU2 nilai of kesbangpol-kalteng/2023/TW2 is 50, and no record"
tampered "a budget realisation changed" \
	"UPDATE realisasi_program SET nilai = nilai + 100 WHERE program_id = (SELECT id FROM program WHERE kode = 'P01')" \
	"realisasi_program P01 nilai of kesbangpol-kalteng/2023/TW2 is"
tampered "an IKU's name changed" "UPDATE iku SET uraian = 'Indikator palsu' WHERE kode = 'IKU1'" \
	"iku IKU1 uraian of kesbangpol-kalteng/2023 is Indikator palsu, the audit log says"
tampered "an IKU inserted" "INSERT INTO iku (sasaran_id, rencana_id, kode, uraian, satuan,
	polaritas, target, urutan) SELECT sasaran_id, rencana_id, 'IKU9', 'Siluman', satuan,
	polaritas, target, 9 FROM iku WHERE kode = 'IKU1'" \
	"iku IKU9 uraian of kesbangpol-kalteng/2023 is Siluman, and no record"

# The quarter's texts and the plan's quarterly targets likewise.
tampered "a narrative changed" \
	"UPDATE narasi SET teks = 'Narasi palsu' WHERE sasaran_id = (SELECT id FROM sasaran WHERE kode = 'SS1')" \
	"narasi SS1 teks of kesbangpol-kalteng/2023/TW2 is Narasi palsu, the audit log says"
tampered "a narrative deleted" \
	"DELETE FROM narasi WHERE sasaran_id = (SELECT id FROM sasaran WHERE kode = 'SS1')" \
	"narasi SS1 teks of kesbangpol-kalteng/2023/TW2 is -, the audit log says"
tampered "a note on a missing realisation changed" \
	"UPDATE keterangan SET teks = 'Alasan palsu' WHERE iku_id = (SELECT id FROM iku WHERE kode = 'IKU2')" \
	"keterangan IKU2 teks of kesbangpol-kalteng/2023/TW2 is Alasan palsu, the audit log says"
tampered "the conclusion changed" "UPDATE triwulan SET kesimpulan = 'Kesimpulan palsu' WHERE nomor = 2" \
	"triwulan kesimpulan of kesbangpol-kalteng/2023/TW2 is Kesimpulan palsu, the audit log says"
tampered "the report date changed" "UPDATE triwulan SET tanggal = '2023-06-01' WHERE nomor = 2" \
	"triwulan tanggal of kesbangpol-kalteng/2023/TW2 is 2023-06-01, the audit log says 2023-07-14"
tampered "an obstacle changed" "UPDATE permasalahan SET teks = 'Hambatan palsu' WHERE urutan = 1" \
	"triwulan permasalahan of kesbangpol-kalteng/2023/TW2 is"
# The supporting tables of a sasaran: title, a column, a cell, a row, a
# note, a whole table, one added.
SS1="(SELECT id FROM tabel WHERE sasaran_id = (SELECT id FROM sasaran WHERE kode = 'SS1') ORDER BY urutan LIMIT 1)"
tampered "a supporting table's title changed" "UPDATE tabel SET judul = 'Judul palsu' WHERE id = $SS1" \
	"tabel SS1 tabel of kesbangpol-kalteng/2023/TW2 is Judul palsu"
tampered "a supporting table's column renamed" \
	"UPDATE tabel_kolom SET teks = 'Kolom palsu' WHERE tabel_id = $SS1 AND urutan = (SELECT max(urutan) FROM tabel_kolom WHERE tabel_id = $SS1)" \
	"Kolom palsu"
tampered "a supporting table's cell changed" \
	"UPDATE tabel_sel SET teks = '999' WHERE tabel_id = $SS1 AND baris = 0 AND kolom = 1" \
	"tabel SS1 tabel of kesbangpol-kalteng/2023/TW2 is"
tampered "a supporting table's row deleted" \
	"DELETE FROM tabel_sel WHERE tabel_id = $SS1 AND baris = 0; UPDATE tabel SET jumlah_baris = jumlah_baris - 1 WHERE id = $SS1; UPDATE tabel_sel SET baris = baris - 1 WHERE tabel_id = $SS1" \
	"tabel SS1 tabel of kesbangpol-kalteng/2023/TW2 is"
tampered "a supporting table's empty row added" \
	"UPDATE tabel SET jumlah_baris = jumlah_baris + 1 WHERE id = $SS1" \
	"tabel SS1 tabel of kesbangpol-kalteng/2023/TW2 is"
tampered "a supporting table's note changed" "UPDATE tabel SET catatan = 'Catatan palsu' WHERE id = $SS1" \
	"Catatan palsu"
tampered "a supporting table deleted" "DELETE FROM tabel WHERE id = $SS1" \
	"tabel SS1 tabel of kesbangpol-kalteng/2023/TW2 is"
tampered "a supporting table added to a sasaran without one" \
	"INSERT INTO tabel (triwulan_id, sasaran_id, urutan, judul, jumlah_baris)
	SELECT t.id, s.id, 1, 'Tabel siluman', 0 FROM triwulan t, sasaran s
	WHERE t.nomor = 2 AND s.id NOT IN (SELECT sasaran_id FROM tabel) LIMIT 1" \
	"Tabel siluman"
tampered "a quarterly target changed" "UPDATE iku_target_tw SET target = 900000" \
	"iku IKU1 target_tw2 of kesbangpol-kalteng/2023 is 90, the audit log says 70"
tampered "an IKU moved to another sasaran" \
	"UPDATE iku SET sasaran_id = (SELECT id FROM sasaran WHERE kode = 'SS2') WHERE kode = 'IKU1'" \
	"iku IKU1 sasaran of kesbangpol-kalteng/2023 is SS2, the audit log says SS1"
tampered "an IKU's target changed that was never changed since its insert" \
	"UPDATE iku SET target = 1000000 WHERE kode = 'IKU3'" \
	"iku IKU3 target of kesbangpol-kalteng/2023 is 100, the audit log says"

# The roles in an agency: each is what its last record says.
someone=$(awk -F: '$3 >= 1 && $3 < 65534 { print $1; exit }' /etc/passwd)
if [ -n "$someone" ]; then
	lakip -d "$DB" user add "$someone" --role operator --instansi kesbangpol-kalteng
	expect_rc "a role given by lakip" 0
	lakip -d "$DB" audit verify
	expect_rc "is as the log says" 0
	tampered "a role raised" "UPDATE user_peran SET role = 'kepala' WHERE login = '$someone'" \
		"user_peran $someone role of kesbangpol-kalteng is kepala, the audit log says operator"
	tampered "a role removed" "DELETE FROM user_peran WHERE login = '$someone'" \
		"user_peran $someone role of kesbangpol-kalteng is -, the audit log says operator"
	tampered "a role inserted" "INSERT INTO users (login, role, added_by, added_at)
		VALUES ('penyusup', NULL, 'root', '2026-01-01T00:00:00Z');
		INSERT INTO user_peran (login, instansi_id, role, added_by, added_at)
		SELECT 'penyusup', id, 'kepala', 'root', '2026-01-01T00:00:00Z' FROM instansi" \
		"user_peran penyusup role of kesbangpol-kalteng is kepala, and no record"
fi

# Changes made by lakip keep the tables as the log says: a target and a
# realisation changed, an IKU removed (another added) and put back; then a target changed
# behind lakip's back after a recorded change is named.
D2="$T/plan.db"
lakip -d "$D2" import "$FIXTURE"
sed -e 's/^      IKU5: 130$/      IKU5: 131/' -e 's/^        target: 200$/        target: 210/' \
	"$FIXTURE" >"$T/changed.yaml"
sed 's/IKU5/IKU6/g' "$FIXTURE" >"$T/without.yaml"   # IKU5 removed, IKU6 added
for f in "$T/changed.yaml" "$T/without.yaml" "$FIXTURE" "$T/changed.yaml"; do
	lakip -d "$D2" import "$f"
	[ "$rc" = 0 ] || not_ok "import of $(basename "$f")" "$(cat "$T/stderr")"
done
lakip -d "$D2" audit verify
expect_rc "after changes, a removal and a return made by lakip" 0
expect_in "the plans' figures are as the log says" "$T/stdout" "the plans' figures and the roles: as the audit log says"
cp "$D2" "$T/x.db"
sqlite3 "$T/x.db" "UPDATE iku SET target = 2500000 WHERE target = 2100000"
lakip -d "$T/x.db" audit verify
expect_rc "a recorded target changed behind lakip's back" 65
expect_in "is named" "$T/stdout" "target of kesbangpol-kalteng/2023 is 250, the audit log says 210"
finish
