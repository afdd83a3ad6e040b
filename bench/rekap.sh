#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# rekap.sh - time the province view: 40 agencies of 125 IKU each (25
# sasaran, 20 programs, 4 quarters; bench/gen-synthetic.sh with its kode
# and name changed per agency) in one database, then `rekap` as text and
# csv and `report --dokumen rekap`, with /usr/bin/time -v.
#   bench/rekap.sh [BUILD_DIR] [AGENCIES]   (default: ./build, 40)
# Aim: rekap <= 0.3 s.  Needs the Debian package `time`.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
n=${2:-40}
lakip="$build/lakip"
[ -x "$lakip" ] || { echo "bench: build first (./quickstart run)" >&2; exit 1; }
if [ ! -x /usr/bin/time ]; then
	if [ "$(id -u)" = 0 ]; then apt-get install -y -qq time >/dev/null
	else echo "bench: install the Debian package 'time'" >&2; exit 1; fi
fi
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
export LAKIP_DATA_DIR="$here"

"$here/bench/gen-synthetic.sh" 25 125 20 >"$w/one.yaml"
i=1
while [ $i -le $n ]; do
	k=$(printf '%02d' $i)
	sed -e "s/^  kode: sintetis$/  kode: sintetis-$k/" \
	    -e "s/^  nama: Badan Sintetis Provinsi Contoh$/  nama: Badan Sintetis $k Provinsi Contoh/" \
	    "$w/one.yaml" >"$w/a.yaml"
	"$lakip" -q -d "$w/b.db" import "$w/a.yaml" >/dev/null
	i=$((i + 1))
done
echo "database: $n agencies x 125 IKU, $(wc -c <"$w/b.db") bytes"

measure() {
	label=$1; shift
	/usr/bin/time -v "$@" >"$w/out" 2>"$w/time" || { cat "$w/time"; exit 1; }
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$w/time")
	rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f MB", $2 / 1024 }' "$w/time")
	printf '%-34s wall %-8s peak %s\n' "$label" "$wall" "$rss"
}

measure "rekap (text)" "$lakip" -d "$w/b.db" rekap --tahun 2023 --triwulan 2
echo "  rows: $(grep -c '^sintetis-' "$w/out")"
measure "rekap (csv)" "$lakip" -d "$w/b.db" rekap --tahun 2023 --triwulan 2 --format csv
measure "report --dokumen rekap (PDF)" "$lakip" -d "$w/b.db" report --dokumen rekap \
	--tahun 2023 --triwulan 2 -o "$w/r.pdf"
echo "  rekap PDF: $(pdfinfo "$w/r.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }') pages, $(wc -c <"$w/r.pdf") bytes"
measure "show of one agency (text)" "$lakip" -d "$w/b.db" show --instansi sintetis-01 \
	--tahun 2023 --triwulan 2
