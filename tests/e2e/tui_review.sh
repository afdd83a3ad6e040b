#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tui_review.sh - what the kabid judges a figure by, and the note of an IKU
# without a realisation, in the terminal application at 80x24 in a
# detached tmux (polling, never a blind sleep).
#
# As the account that creates the database (its admin): the operator's
# note on IKU2 and IKU4 entered in the grid with F4 (a usual reason, and
# his own words, shown wrapped in full under the grid), saved through the
# service layer; `submit` refuses an empty IKU before and accepts it
# after; the quarterly PDF prints a numbered mark in the capaian cell and
# the note under the table; the review screen shows each IKU's context
# (the same quarter of 2022, which the database holds, the absorption of
# the programs of its sasaran; the quarter before) and the note, and the
# detail lists the programs one by one; the kepala's return of BAB II
# and BAB III in full above the lists of obstacles and follow-ups and
# above the conclusion, where the operator fixes them.
#
# As real Unix accounts (LAKIP_TEST_ACCOUNTS=1, as root; else skipped):
# the kabid returns IKU1 with a comment longer than a line; the operator
# sees it in full, wrapped, in the IKU grid; he fixes the value and
# submits again; the kabid sees what changed since he returned it (old
# -> new, who).
. "$(dirname "$0")/lib.sh"

for tool in tmux sqlite3 msgfmt pdftotext; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
SOCK="lakip-tuirev-$$"
. "$(dirname "$0")/tmux.sh"
ME=$(id -un)
W="$T/w"
mkdir -m 0777 "$W"
DB="$W/r.db"
Y="--tahun 2023 --triwulan 2"
mkdir -p "$T/locale/id/LC_MESSAGES"
msgfmt -o "$T/locale/id/LC_MESSAGES/lakip.mo" "$LAKIP_SRCDIR/po/id.po" 2>/dev/null

lakip -d "$DB" import "$FIXTURE"
expect_rc "the 2023 plan is imported" 0
# The year before: the same plan, IKU1 at 70 in its quarter II.
sed 's/^tahun: 2023/tahun: 2022/; s/^      IKU1: 79.30$/      IKU1: 70/;
     s/tanggal: 2023-07-14/tanggal: 2022-07-14/' "$FIXTURE" >"$T/y2022.yaml"
lakip -d "$DB" import "$T/y2022.yaml"
expect_rc "the 2022 plan is imported" 0
lakip -d "$DB" submit $Y --iku IKU2
expect_rc "an IKU without a realisation and without a note is not submitted" 65
expect_in "the refusal names it" "$T/stderr" "IKU2"

# --- 1. the note, in the grid ------------------------------------------
OWN="Data BPS belum terbit; rilis resmi dijadwalkan pada bulan September sesudah survei lapangan selesai di empat belas kabupaten/kota"
start A "$ME"
expect_screen "start screen" A "Choose the period"
keys A Enter
expect_screen "the steps" A "Steps of Quarter II 2023"
keys A Down Down Down Enter
expect_screen "the IKU grid" A "Step 4 of 10"
expect_screen "the bottom bar offers the note" A "F4 Note"
keys A Down
expect_screen "IKU2 under the cursor" A "IKU2 Capaian pembinaan terhadap Ormas, LSM dan OKP aktif"
keys A F4
expect_screen "F4 offers the usual reasons" A "Why is there no realisation?"
expect_screen "the first usual reason" A "Belum tersedia: diukur tahun berikutnya"
expect_screen "the second usual reason" A "Data BPS belum terbit"
expect_screen "and his own words" A "Other reason: type it"
keys A Enter
expect_screen "the note is saved" A "Note saved."
expect_screen "the note under the grid" A "Note (why there is no realisation): Belum tersedia: diukur tahun berikutnya"
keys A Down Down
expect_screen "IKU4 under the cursor" A "IKU4 Potensi terjadinya konflik"
keys A F4
expect_screen "the reasons again" A "Other reason: type it"
keys A Down Down Enter
expect_screen "asks for his words" A "Why there is no realisation yet:"
text A "$OWN"
keys A Enter
expect_screen "his note is saved" A "Note saved."
expect_screen "his note in full, wrapped under the grid" A "Note (why there is no realisation): $OWN"
keys A F1
expect_screen "the help explains the note" A "An IKU without a realisation is submitted with a note"
keys A Escape
TM kill-session -t A
expect_eq "the notes are in the database" \
	"$(dbq "SELECT i.kode || '=' || k.teks FROM keterangan k JOIN iku i ON i.id = k.iku_id ORDER BY i.kode" | tr '\n' '|')" \
	"IKU2=Belum tersedia: diukur tahun berikutnya|IKU4=$OWN|"
lakip -d "$DB" export --tahun 2023 -o "$T/out.yaml"
expect_in "the export carries the note (triwulan.2.keterangan)" "$T/out.yaml" 'IKU2: "Belum tersedia: diukur tahun berikutnya"'

# --- 2. submitted with the note, printed in the report -----------------
lakip -d "$DB" submit $Y
expect_rc "with their notes IKU2 and IKU4 go through" 0
lakip -d "$DB" report $Y -o "$T/r.pdf"
expect_rc "the report is printed" 0
pdftotext -layout "$T/r.pdf" "$T/r.txt" 2>/dev/null
expect_in "the footnote of IKU2 under the table" "$T/r.txt" "1) IKU2: Belum tersedia: diukur tahun berikutnya"
expect_in "the footnote of IKU4 under the table" "$T/r.txt" "2) IKU4: Data BPS belum terbit; rilis resmi"
expect_in "the note in the analysis of the sasaran" "$T/r.txt" "Keterangan: Belum tersedia: diukur tahun berikutnya"
# The capaian cells of IKU2 and IKU4 hold the marks, in both tables
# (Bab II and the lampiran).
n=$(grep -cE '^ *[0-9]+ .* 80% +[12]\) *$|^ *[0-9]+ .* 80% +[12]\) +$' "$T/r.txt")
[ "$n" -ge 2 ] && ok "the marks 1) and 2) in the capaian cells ($n rows)" ||
	not_ok "the marks 1) and 2) in the capaian cells" "$(grep -n '80%' "$T/r.txt")"

# --- 3. the context on the review screen --------------------------------
start B "$ME"
expect_screen "start again" B "Choose the period"
keys B Enter
expect_screen "the steps" B "Review capaian"
keys B /
text B "Review cap"
keys B Enter Enter
expect_screen "the review screen" B "Review of the capaian"
expect_screen "IKU1: the same quarter a year before" B "QII 2022: 70 (89,17%"
expect_screen "IKU1: the absorption of the programs of its sasaran" B "budget of SS1 absorbed: 85,37%"
expect_screen "IKU1: the quarter before, not reported" B "QI: not reported"
keys B Enter
expect_screen "the detail: what to judge by" B "To judge the figure:"
expect_screen "the detail: the same quarter of 2022" B "Quarter II 2022: 70 (89,17%"
expect_screen "the detail: each program of the sasaran" B "P04 Program Peningkatan Peran Partai Politik"
expect_screen "the detail: budget, spent, absorbed" B "Rp 7.009.143.400, Rp 5.983.795.950, 85,37%"
keys B Escape Down
expect_screen "IKU2: the note with the IKU" B "Note: Belum tersedia: diukur tahun berikutnya"
expect_screen "IKU2: no realisation a year before either" B "QII 2022: no realisation"
keys B Enter
expect_screen "the detail: the note" B "Note on the missing realisation: Belum tersedia: diukur tahun berikutnya"
keys B Escape
TM kill-session -t B

# --- 3b. the kepala's return of BAB II and BAB III, where it is fixed ----
# (his review needs another account: the state is set as his return
# leaves it; the screens read it through the service layer)
RET2="Uraian hambatan kedua belum menyebutkan penyebabnya; mohon dilengkapi dengan jumlah ormas yang belum melapor dan langkah yang sudah ditempuh bidang"
RET3="Kesimpulan belum memuat capaian IKU4 dan alasan belum tersedianya data"
dbq "
	INSERT OR REPLACE INTO review_state (triwulan_id, jenis, ref_id, state,
	  submitted_by, submitted_at, reviewed_by, reviewed_at)
	SELECT t.id, b, 0, 'returned', 'op', '2023-07-10T01:00:00Z', 'kaban',
	  '2023-07-11T02:00:00Z' FROM triwulan t JOIN rencana r ON r.id = t.rencana_id,
	  (SELECT 'bab2' b UNION ALL SELECT 'bab3') WHERE t.nomor = 2 AND r.tahun = 2023;
	INSERT INTO review_event (triwulan_id, jenis, ref_id, at, login, action, comment)
	SELECT t.id, 'bab2', 0, '2023-07-11T02:00:00Z', 'kaban', 'return', '$RET2'
	  FROM triwulan t JOIN rencana r ON r.id = t.rencana_id WHERE t.nomor = 2 AND r.tahun = 2023;
	INSERT INTO review_event (triwulan_id, jenis, ref_id, at, login, action, comment)
	SELECT t.id, 'bab3', 0, '2023-07-11T02:00:00Z', 'kaban', 'return', '$RET3'
	  FROM triwulan t JOIN rencana r ON r.id = t.rencana_id WHERE t.nomor = 2 AND r.tahun = 2023;"
start C "$ME"
expect_screen "start once more" C "Choose the period"
keys C Enter
expect_screen "the steps" C "Steps of Quarter II 2023"
keys C Down Down Down Down Down Down Enter
expect_screen "step 7: obstacles and follow-ups" C "Obstacles (permasalahan)"
expect_screen "the kepala's return of BAB II in full" C "Returned by kaban on 2023-07-11 09:00 WIB: $RET2"
keys C Tab
expect_screen "still over the other list" C "Returned by kaban on 2023-07-11 09:00 WIB: $RET2"
keys C Escape
expect_screen "the steps again" C "Steps of Quarter II 2023"
keys C Home Down Down Down Down Down Down Down Enter
expect_screen "step 8: the conclusion" C "Step 8 of 10"
expect_screen "the kepala's return of BAB III in full" C "Returned by kaban on 2023-07-11 09:00 WIB: $RET3"
keys C Escape
TM kill-session -t C

# --- 4. a return, a fix, what changed (other accounts) ------------------
if ! accounts_ok; then
	ok "return, fix and what changed as kabid and operator # SKIP $accounts_why"
	finish
fi
OP=lkrv_op_$$ KB=lkrv_kb_$$
for u in $OP $KB; do
	add_account "$u" || { not_ok "useradd $u"; finish; }
done
publish || { not_ok "copy the program for the other accounts"; finish; }
chmod 0755 "$T"
chmod -R a+rX "$T/locale"
lakip -d "$DB" user add "$OP" --role operator
lakip -d "$DB" user add "$KB" --role kabid --bidang poldagri,ideologi,kewaspadaan,ekososbud
expect_rc "an operator and a kabid" 0
# IKU1 was submitted (by the admin, above); the kabid returns it.
COMMENT="Skor IDI 79,30 belum sesuai dengan surat BPS Provinsi Kalimantan Tengah tanggal 10 Juli 2023; mohon dicek ulang dan lampirkan suratnya sebelum diajukan kembali"
chmod 0666 "$DB" "$DB"-wal "$DB"-shm 2>/dev/null
start K "$KB"
expect_screen "kabid: start" K "Choose the period"
keys K Enter
expect_screen "kabid: the review entry" K "Review capaian"
keys K End Enter
expect_screen "kabid: the review screen" K "Review of the capaian"
expect_screen "kabid: IKU1 with its context" K "QII 2022: 70 (89,17%"
keys K r
expect_screen "kabid: the return asks a comment" K "What must be fixed"
text K "$COMMENT"
keys K Enter
expect_screen "kabid: returned" K "IKU1 is returned with the comment."

start O "$OP"
expect_screen "operator: start" O "Choose the period"
keys O Enter
expect_screen "operator: the steps" O "Steps of Quarter II 2023"
keys O Down Down Down Enter
expect_screen "operator: the grid" O "Step 4 of 10"
expect_screen "operator: the whole comment, wrapped under the grid" O "Returned by $KB"
expect_screen "operator: the comment to its last word" O "$COMMENT"
expect_screen "operator: what to do" O "Returned: fix the value"
keys O C-u
text O "80,10"
keys O F2
expect_screen "operator: saved" O "Saved."
keys O F11
expect_screen "operator: submit this row or all" O "Submit IKU1"
keys O Enter
expect_screen "operator: submitted again" O "Submitted by $OP"

keys K Escape
expect_screen "kabid: back in the steps" K "Review capaian"
keys K End Enter
expect_screen "kabid: the review again" K "Review of the capaian"
expect_screen "kabid: what changed since his return" K "Changed since your last review: 79,30 → 80,10 ($OP,"
keys K Enter
expect_screen "kabid: the detail, since the return" K "Since the return by $KB"
expect_screen "kabid: the change, who" K "$OP"
keys K Escape
finish
