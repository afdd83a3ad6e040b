#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# run.sh - time lakip on the synthetic data set with /usr/bin/time -v:
# wall time and peak memory of import, export and show.
#   bench/run.sh [BUILD_DIR]     (default: ./build, as made by ./quickstart)
# Needs the Debian package `time` (installed when run as root).
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

"$here/bench/gen-synthetic.sh" >"$w/synthetic.yaml"
echo "synthetic file: $(wc -c <"$w/synthetic.yaml") bytes, $(wc -l <"$w/synthetic.yaml") lines"

measure() {
	label=$1; shift
	/usr/bin/time -v "$@" >"$w/out" 2>"$w/time" || { cat "$w/time"; exit 1; }
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$w/time")
	rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f MB", $2 / 1024 }' "$w/time")
	printf '%-34s wall %-8s peak %s\n' "$label" "$wall" "$rss"
}

measure "import (new database)" "$lakip" -d "$w/b.db" import "$w/synthetic.yaml"
measure "import again (all unchanged)" "$lakip" -d "$w/b.db" import "$w/synthetic.yaml"
measure "export" "$lakip" -d "$w/b.db" export --tahun 2023 -o "$w/e.yaml"
measure "show (text, both tables)" "$lakip" -d "$w/b.db" show --tahun 2023 --triwulan 2
measure "show (csv, iku)" "$lakip" -d "$w/b.db" show --tahun 2023 --triwulan 2 --table iku --format csv
measure "report (synthetic, PDF)" "$lakip" -d "$w/b.db" report --tahun 2023 --triwulan 2 -o "$w/b.pdf"
echo "  synthetic PDF: $(pdfinfo "$w/b.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }') pages, $(wc -c <"$w/b.pdf") bytes"
measure "import fixture" "$lakip" -d "$w/f.db" import "$here/examples/kesbangpol-kalteng-2023.yaml"
measure "show fixture" "$lakip" -d "$w/f.db" show --tahun 2023 --triwulan 2
measure "report fixture (PDF)" "$lakip" -d "$w/f.db" report --tahun 2023 --triwulan 2 -o "$w/f.pdf"
echo "  fixture PDF: $(pdfinfo "$w/f.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }') pages, $(wc -c <"$w/f.pdf") bytes"
