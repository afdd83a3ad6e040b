#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# xlsx.sh - time the spreadsheet paths on the synthetic data set (5,000
# IKU, 2,000 programs, 4 quarters) with /usr/bin/time -v: export of the
# workbook, its import into a new database and again (all unchanged),
# a CSV sheet out and in.  Aims (README, Benchmarks): import <= 1 s and
# <= 60 MB, export <= 0,5 s.
#   bench/xlsx.sh [BUILD_DIR]     (default: ./build, as made by ./quickstart)
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
"$lakip" -d "$w/a.db" import "$w/synthetic.yaml" >/dev/null

measure() {
	label=$1; shift
	/usr/bin/time -v "$@" >"$w/out" 2>"$w/time" || { cat "$w/time"; exit 1; }
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$w/time")
	rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f MB", $2 / 1024 }' "$w/time")
	printf '%-38s wall %-8s peak %s\n' "$label" "$wall" "$rss"
}

measure "export --format xlsx" "$lakip" -d "$w/a.db" export --tahun 2023 --format xlsx -o "$w/s.xlsx"
echo "  workbook: $(wc -c <"$w/s.xlsx") bytes"
measure "import xlsx (new database)" "$lakip" -d "$w/b.db" import "$w/s.xlsx"
measure "import xlsx again (all unchanged)" "$lakip" -d "$w/b.db" import "$w/s.xlsx"
measure "import xlsx --dry-run (no database)" "$lakip" -d "$w/none.db" import --dry-run "$w/s.xlsx"
measure "export --format csv --sheet realisasi_iku" "$lakip" -d "$w/a.db" export --tahun 2023 --format csv --sheet realisasi_iku -o "$w/r.csv"
measure "import --sheet realisasi_iku (20,000 rows)" "$lakip" -d "$w/a.db" import --sheet realisasi_iku --tahun 2023 "$w/r.csv"
