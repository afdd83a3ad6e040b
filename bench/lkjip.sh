#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# lkjip.sh - time the annual report (LKjIP) with /usr/bin/time -v: the
# synthetic province of gen-synthetic.sh (1,000 sasaran, 5,000 IKU, 2,000
# programs) given five years of history (a Renstra 2019-2023, a baseline
# of 2018, riwayat 2019-2022, yearly Renstra targets, the year's final
# realisations, an analysis per sasaran), and the test data
# tests/data/tahunan-2023.yaml.  Budgets (issue 12): at most 2 s and
# 150 MB for the synthetic one, 50 ms for the small one.
#   bench/lkjip.sh [BUILD_DIR]     (default: ./build, as made by ./quickstart)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
lakip="$build/lakip"
[ -x "$lakip" ] || { echo "bench: build first (./quickstart run)" >&2; exit 1; }
if [ ! -x /usr/bin/time ]; then
	if [ "$(id -u)" = 0 ]; then apt-get install -y -qq time >/dev/null
	else echo "bench: install the Debian package 'time'" >&2; exit 1; fi
fi
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
export LAKIP_DATA_DIR="$here"

# The synthetic year with its history: after each IKU's target its
# baseline, Renstra targets and riwayat; a Renstra; a tahunan section.
"$here/bench/gen-synthetic.sh" | awk '
function num(i, m) { return (i * 7919) % m }
/^tahun: 2023$/ { print; print "renstra: {awal: 2019, akhir: 2023, nama: Renstra 2019-2023}"; next }
/^      - kode: IKU/ { k = substr($3, 4) + 0 }
/^        target: / {
	print
	t = 50 + num(k, 50)
	print "        baseline: {tahun: 2018, nilai: " t - 6 "}"
	print "        target_renstra: {2019: " t - 4 ", 2020: " t - 3 ", 2021: " t - 2 ", 2022: " t - 1 ", 2023: " t "}"
	print "        riwayat: {2019: " t - 5 "." num(k, 10) ", 2020: " t - 4 "." num(k, 10) ", 2021: " t - 3 ", 2022: " t - 2 "." num(k, 10) "}"
	print "        standar_nasional: " t
	next
}
{ print }
END {
	print "tahunan:"
	print "  tanggal: 2024-02-15"
	print "  realisasi_iku:"
	for (i = 1; i <= 5000; i++) print "    IKU" i ": " 45 + num(i, 55) "." num(i, 10)
	print "  ringkasan: Capaian kinerja tahun 2023 pada umumnya **baik**."
	print "  gambaran_umum: Badan Sintetis melaksanakan urusan pemerintahan contoh."
	print "  isu_strategis: [Isu contoh pertama, Isu contoh kedua]"
	print "  narasi:"
	for (s = 1; s <= 1000; s++) {
		print "    SS" s ": |"
		print "      Capaian sasaran ini didukung oleh kegiatan **koordinasi** dan"
		print "      *pembinaan* di kabupaten dan kota sepanjang tahun."
	}
	print "  kesimpulan: Kinerja tahun 2023 tercapai."
}' >"$w/lkjip.yaml"
echo "synthetic year: $(wc -c <"$w/lkjip.yaml") bytes, $(wc -l <"$w/lkjip.yaml") lines"

measure() {
	label=$1; shift
	/usr/bin/time -v "$@" >"$w/out" 2>"$w/time" || { cat "$w/time"; exit 1; }
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$w/time")
	cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f s", u + s }' "$w/time")
	rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f MB", $2 / 1024 }' "$w/time")
	printf '%-34s wall %-8s cpu %-7s peak %s\n' "$label" "$wall" "$cpu" "$rss"
}

measure "import (synthetic year)" "$lakip" -d "$w/b.db" import "$w/lkjip.yaml"
measure "show --tahunan (csv)" "$lakip" -d "$w/b.db" show --tahun 2023 --tahunan --format csv
for i in 1 2 3; do
	measure "report --dokumen lkjip (synthetic)" "$lakip" -d "$w/b.db" report --dokumen lkjip --tahun 2023 -o "$w/b.pdf"
done
echo "  synthetic LKjIP: $(pdfinfo "$w/b.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }') pages, $(wc -c <"$w/b.pdf") bytes"
"$lakip" -d "$w/f.db" import "$here/tests/data/tahunan-2023.yaml" >/dev/null
for i in 1 2 3; do
	measure "report --dokumen lkjip (test data)" "$lakip" -d "$w/f.db" report --dokumen lkjip --tahun 2023 -o "$w/f.pdf"
done
echo "  test data LKjIP: $(pdfinfo "$w/f.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }') pages, $(wc -c <"$w/f.pdf") bytes"
