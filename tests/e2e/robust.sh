#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# Robustness: damaged databases, read-only directories, files that are not
# databases, full disks, hostile images, over-long texts, look-alike kodes,
# escape sequences in messages, bad environment values.
. "$(dirname "$0")/lib.sh"
DB="$T/a.db"
"$LAKIP_BIN" -d "$DB" import "$FIXTURE" >/dev/null 2>&1
fsum() { sha256sum "$1" | awk '{print $1}'; }
skip() { _n=$((_n + 1)); echo "ok $_n # SKIP $1"; }

# unpriv CMD...: run CMD so that file permissions apply (as root: without
# the capabilities that override them).  $unpriv_why says why it cannot.
unpriv_why=""
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null 2>&1 &&
	   setpriv --bounding-set=-dac_override,-dac_read_search true 2>/dev/null; then
		unpriv() { setpriv --bounding-set=-dac_override,-dac_read_search "$@"; }
	else
		unpriv_why="root without setpriv (util-linux): permissions do not apply"
	fi
else
	unpriv() { "$@"; }
fi

# ---- 1. a damaged database is not written ----
cp "$DB" "$T/bad.db"
damage_page "$T/bad.db" signed_report
before=$(fsum "$T/bad.db")
lakip -d "$T/bad.db" import "$FIXTURE"
expect_rc "import into a damaged database" 65
expect_in "names the database as damaged" "$T/stderr" "$T/bad.db: database is damaged"
expect_eq "the damaged file is unchanged" "$(fsum "$T/bad.db")" "$before"
lakip -d "$T/bad.db" user add root --role operator
expect_rc "any write is refused" 65
lakip -d "$T/bad.db" export --tahun 2023
expect_rc "reading a damaged database goes on" 0
expect_eq "and still leaves it unchanged" "$(fsum "$T/bad.db")" "$before"

# ---- 7. no escape sequences reach the terminal through a message ----
esc=$(printf '\033')
# tame FILE: no control character but tab and newline, no C1 control
tame() {
	n=$(tr -d '\n\t' <"$1" | LC_ALL=C tr -d ' -~\200-\377' | wc -c)
	c1=$(LC_ALL=C grep -c "$(printf '\302[\200-\237]')" "$1" || true)
	[ "$n" -eq 0 ] && [ "$c1" -eq 0 ]
}
lakip -d "$DB" show --tahun 2023 --triwulan 2 --instansi "$(printf 'x\033[2J\033]0;pwned\007\302\233y')"
expect_rc "an unknown agency named with escapes" 66
check "its message holds no control character" tame "$T/stderr"
expect_in "it shows them as text" "$T/stderr" "'x\\x1b[2J\\x1b]0;pwned\\x07\\u009by'"
cp "$DB" "$T/two.db"
sqlite3 "$T/two.db" "INSERT INTO instansi (kode, nama, pemerintah, kota) SELECT 'evil' || char(27) || '[2J', nama, pemerintah, kota FROM instansi" 2>"$T/sqlerr" ||
	not_ok "sqlite3 could not add an agency" "$(cat "$T/sqlerr")"
lakip -d "$T/two.db" show --tahun 2023 --triwulan 2
expect_rc "a kode with escapes from the database" 64
check "its message holds no control character" tame "$T/stderr"
expect_in "it shows them as text" "$T/stderr" "evil\\x1b[2J"
lakip -d "$T/$esc[31mred.db" show --tahun 2023 --triwulan 2
check "a database name with escapes is shown as text" tame "$T/stderr"
printf 'format: lakip/1\ninstansi: {kode: "\\e[5m"}\n' >"$T/$esc.yaml"
lakip -d "$T/x.db" import "$T/$esc.yaml"
expect_rc "an exchange file named with escapes" 65
check "its message holds no control character" tame "$T/stderr"

# ---- 8. LAKIP_BUSY_TIMEOUT ----
for v in abc -1 12x " 5" 1e3 99999999999999999999 3600001; do
	LAKIP_BUSY_TIMEOUT=$v lakip -d "$DB" show --tahun 2023 --triwulan 2
	expect_rc "LAKIP_BUSY_TIMEOUT='$v' is refused" 64
done
expect_in "naming the variable" "$T/stderr" "LAKIP_BUSY_TIMEOUT"
for v in 0 250 3600000 ""; do
	LAKIP_BUSY_TIMEOUT=$v lakip -d "$DB" show --tahun 2023 --triwulan 2
	expect_rc "LAKIP_BUSY_TIMEOUT='$v' is taken" 0
done

# ---- 3. a PNG decompression bomb is refused by its header ----
bytes() { for b in "$@"; do printf "\\$(printf %03o "$b")"; done; }
be32() { bytes $(( ($1 >> 24) & 255 )) $(( ($1 >> 16) & 255 )) $(( ($1 >> 8) & 255 )) $(( $1 & 255 )); }
# chunk TYPE FILE: a PNG chunk holding FILE (its CRC-32 is gzip's)
chunk() {
	be32 "$(wc -c <"$2")"
	printf %s "$1"; cat "$2"
	bytes $({ printf %s "$1"; cat "$2"; } | gzip -c | tail -c 8 | head -c 4 |
		od -An -tu1 | awk '{print $4, $3, $2, $1}')
}
# grey_png W H FILE: W x H grey pixels, all 0 (the zlib stream is gzip's
# deflate with a zlib header and the Adler-32 of zeros)
grey_png() {
	n=$(( $2 * ($1 + 1) ))
	{ be32 "$1"; be32 "$2"; bytes 8 0 0 0 0; } >"$3.ihdr"
	{ bytes 120 218; head -c "$n" /dev/zero | gzip -9 -n -c | tail -c +11 | head -c -8
	  be32 $(( (n % 65521) << 16 | 1 )); } >"$3.idat"
	: >"$3.iend"
	{ bytes 137 80 78 71 13 10 26 10; chunk IHDR "$3.ihdr"; chunk IDAT "$3.idat"
	  chunk IEND "$3.iend"; } >"$3"
	rm -f "$3.ihdr" "$3.idat" "$3.iend"
}
with_logo() { sed "s|^  kota: Palangka Raya\$|  kota: Palangka Raya\n  logo: $1|" "$FIXTURE"; }
grey_png 40 20 "$T/small.png"
with_logo "$T/small.png" >"$T/logo.yaml"
lakip -d "$T/logo.db" import "$T/logo.yaml"
lakip -d "$T/logo.db" report --tahun 2023 --triwulan 2 -o "$T/logo.pdf"
expect_rc "a report with a small PNG logo" 0
grey_png 10000 10000 "$T/bomb.png"     # 100 megapixels in 95 kB
with_logo "$T/bomb.png" >"$T/bomb.yaml"
lakip -d "$T/bomb.db" import "$T/bomb.yaml"
lakip -d "$T/bomb.db" report --tahun 2023 --triwulan 2 -o "$T/bomb.pdf"
expect_rc "a 100-megapixel PNG logo is refused" 65
expect_in "naming the file and its size" "$T/stderr" "$T/bomb.png: 10000 x 10000 pixels (100.0 megapixels"
check "and no PDF is written" test ! -e "$T/bomb.pdf"

# ---- 4. texts the PDF library cannot print are refused at import ----
long=$(awk 'BEGIN { for (i = 0; i < 70000; i++) printf "x" }')
sed "s|^    uraian: Meningkatnya Jumlah Masyarakat Yang Paham Terhadap Politik\$|    uraian: $long|" "$FIXTURE" >"$T/long.yaml"
line=$(grep -n "^    uraian: xxx" "$T/long.yaml" | cut -d: -f1)
lakip -d "$T/long.db" import "$T/long.yaml"
expect_rc "a 70,000-character sasaran title is refused at import" 65
expect_in "with its position" "$T/stderr" "long.yaml:$line:13: sasaran[0].uraian: a name or title can have at most 1000 characters"
# a paragraph of 40,000 combining accents is one printed line
accents=$(awk 'BEGIN { for (i = 0; i < 40000; i++) printf "\314\201" }')
awk -v a="$accents" '{ print } /^      SS1: \|$/ { print "        e" a; print "" }' "$FIXTURE" >"$T/accents.yaml"
lakip -d "$T/long.db" import "$T/accents.yaml"
expect_rc "a paragraph longer than a report can print is refused" 65
expect_in "naming the narrative" "$T/stderr" "triwulan.2.narasi.SS1: paragraph 1 is longer than 60000 bytes"
check "and no database was made" test ! -e "$T/long.db"

# ---- 9. look-alike kodes, bidirectional controls ----
# refused KODE-SED WHERE: the fixture changed by sed -e KODE-SED is refused
# with exit 65 and a message that starts with WHERE.
refused() {
	sed "$1" "$FIXTURE" >"$T/k.yaml"
	lakip -d "$T/k.db" import "$T/k.yaml"
	expect_rc "$3" 65
	expect_in "$3: position and reason" "$T/stderr" "$2"
}
cyr_s=$(printf '\320\205')       # U+0405, looks like S
zwsp=$(printf '\342\200\213')    # U+200B
rlo=$(printf '\342\200\256')     # U+202E
line=$(grep -n "^  - kode: SS1\$" "$FIXTURE" | cut -d: -f1)
refused "s/^  - kode: SS1\$/  - kode: ${cyr_s}S1/" "k.yaml:$line:11: sasaran[0].kode: a kode may hold only ASCII letters" \
	"a sasaran kode with a Cyrillic letter"
line=$(grep -n "^      - kode: IKU1\$" "$FIXTURE" | cut -d: -f1)
refused "s/^      - kode: IKU1\$/      - kode: IKU${zwsp}1/" "k.yaml:$line:15: sasaran[0].iku[0].kode: a kode may hold only" \
	"an IKU kode with a zero-width space"
line=$(grep -n "^    - kode: poldagri\$" "$FIXTURE" | cut -d: -f1)
refused "s/^    - kode: poldagri\$/    - kode: pol${rlo}dagri/" "k.yaml:$line:13: instansi.bidang[0].kode: bidirectional control character U+202E" \
	"a bidang kode with a bidi control"
line=$(grep -n "^  - kode: P01\$" "$FIXTURE" | cut -d: -f1)
refused "s/^  - kode: P01\$/  - kode: \"P\\\\u041e1\"/" "k.yaml:$line:11: program[0].kode: a kode may hold only" \
	"a program kode with a Cyrillic O"
line=$(grep -n "^  nama: Badan" "$FIXTURE" | cut -d: -f1)
refused "s/^  nama: Badan/  nama: ${rlo}Badan/" "k.yaml:$line:9: instansi.nama: bidirectional control character U+202E" \
	"a bidi control in the agency's name"
refused "s/^    uraian: Meningkatnya Jumlah Masyarakat Yang Paham Terhadap Politik\$/    uraian: Meningkatnya${zwsp} Jumlah/" \
	"sasaran[0].uraian: invisible character U+200B" "a zero-width space in a sasaran title"
check "nothing was imported" test ! -e "$T/k.db"
sh "$LAKIP_SRCDIR/bench/gen-synthetic.sh" 20 60 30 >"$T/syn.yaml"
lakip -d "$T/syn.db" import "$T/syn.yaml"
expect_rc "the synthetic data still imports" 0

# ---- 5. -d naming something that is not a regular file ----
mkfifo "$T/fifo"
for f in "$T/fifo" /dev/null /dev/zero "$T"; do
	for cmd in "show --tahun 2023 --triwulan 2" init "import $FIXTURE"; do
		rc=0
		# shellcheck disable=SC2086
		timeout 10 "$LAKIP_BIN" -d "$f" $cmd >"$T/stdout" 2>"$T/stderr" || rc=$?
		expect_rc "-d $(basename "$f") $(echo "$cmd" | cut -d' ' -f1) is refused" 66
	done
	expect_in "saying what it is" "$T/stderr" "not a regular file"
done
check "the FIFO is still a FIFO" test -p "$T/fifo"
mkdir "$T/side" && cp "$DB" "$T/side/a.db" && mkfifo "$T/side/a.db-wal"
rc=0; timeout 10 "$LAKIP_BIN" -d "$T/side/a.db" show --tahun 2023 --triwulan 2 >"$T/stdout" 2>"$T/stderr" || rc=$?
expect_rc "a FIFO as the -wal file is refused" 66
expect_in "naming it" "$T/stderr" "a.db-wal is a FIFO"

# ---- 2. read-only directory with committed changes in the -wal ----
# A writer that dies after its commit leaves them in the -wal file only.
mkdir "$T/ro"
cp "$DB" "$T/ro/a.db"
sqlite3 "$T/ro/a.db" >/dev/null 2>&1 <<'EOF'
PRAGMA wal_autocheckpoint = 0;
UPDATE instansi SET nama = 'Nama dari WAL';
.shell kill -9 $PPID
EOF
wait 2>/dev/null
if [ ! -s "$T/ro/a.db-wal" ]; then
	skip "could not leave committed changes in a -wal file"
elif [ -n "$unpriv_why" ]; then
	skip "$unpriv_why"
else
	rm -f "$T/ro/a.db-shm"
	chmod 444 "$T/ro/a.db" "$T/ro/a.db-wal"
	chmod 555 "$T/ro"
	rc=0; unpriv "$LAKIP_BIN" -d "$T/ro/a.db" export --tahun 2023 >"$T/stdout" 2>"$T/stderr" || rc=$?
	expect_rc "export from a read-only directory with a -wal" 0
	expect_in "reads the committed change in the -wal" "$T/stdout" "Nama dari WAL"
	rc=0; unpriv "$LAKIP_BIN" -d "$T/ro/a.db" import "$FIXTURE" >"$T/stdout" 2>"$T/stderr" || rc=$?
	expect_rc "import there is refused" 74
	check "and no -shm was made" test ! -e "$T/ro/a.db-shm"
	chmod 755 "$T/ro"
	# the -shm left by a reader still open: read through it
	cp "$DB" "$T/ro/b.db"
	sqlite3 "$T/ro/b.db" >/dev/null 2>&1 <<'EOF'
PRAGMA wal_autocheckpoint = 0;
UPDATE instansi SET nama = 'Nama lewat SHM';
.shell kill -9 $PPID
EOF
	wait 2>/dev/null
	chmod 444 "$T/ro/b.db"*
	chmod 555 "$T/ro"
	rc=0; unpriv "$LAKIP_BIN" -d "$T/ro/b.db" export --tahun 2023 >"$T/stdout" 2>"$T/stderr" || rc=$?
	expect_rc "export with a read-only -shm" 0
	expect_in "reads the committed change" "$T/stdout" "Nama lewat SHM"
	chmod 755 "$T/ro"
	# no -wal at all
	cp "$DB" "$T/ro/c.db"
	chmod 555 "$T/ro"
	rc=0; unpriv "$LAKIP_BIN" -d "$T/ro/c.db" show --tahun 2023 --triwulan 2 >"$T/stdout" 2>"$T/stderr" || rc=$?
	expect_rc "show from a read-only directory without a -wal" 0
	chmod 755 "$T/ro"
fi

# ---- 6. a full disk ----
if [ "$(id -u)" != 0 ]; then
	skip "a full disk needs a small tmpfs: mounting one needs root"
	skip "a full disk needs a small tmpfs: mounting one needs root"
elif ! { mkdir -p "$T/full" && mount -t tmpfs -o size=200k tmpfs "$T/full" 2>/dev/null; }; then
	skip "cannot mount a tmpfs here"
	skip "cannot mount a tmpfs here"
else
	at_exit() { umount "$T/full" 2>/dev/null || true; }
	lakip -d "$T/full/x.db" init
	expect_rc "init on a full disk" 74
	expect_in "says disk full" "$T/stderr" "disk full"
	check "and leaves no database file" test ! -e "$T/full/x.db" -a ! -e "$T/full/x.db-wal" -a ! -e "$T/full/x.db-shm"
	umount "$T/full"
	mount -t tmpfs -o size=1m tmpfs "$T/full"
	lakip -d "$T/full/x.db" init
	expect_rc "init on a small disk" 0
	dd if=/dev/zero of="$T/full/filler" bs=4k 2>/dev/null || true
	lakip -d "$T/full/x.db" import "$FIXTURE"
	expect_rc "import on a full disk" 74
	expect_in "says disk full" "$T/stderr" "disk full"
	rm -f "$T/full/filler"
	lakip -d "$T/full/x.db" import "$FIXTURE"
	expect_rc "with room again, import works" 0
	umount "$T/full"
	at_exit() { :; }
fi

finish
