#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# peers.sh - lakip's report against the closest peer an agency would use
# instead: wkhtmltopdf printing the same quarter as HTML (`lakip show
# --format html`, the same document model the PDF is laid out from).
# For each data set, the two commands run in turn, RUNS times each (5),
# and the medians of their cpu seconds (user + system of the whole
# process, /usr/bin/time) and peak memory are printed with the ratio.
#   bench/peers.sh [BUILD_DIR] [SIZES]
#     BUILD_DIR  default ./build (./quickstart run)
#     SIZES      default "seed 100:500:200 1000:5000:2000": the example
#                quarter, then synthetic data as SASARAN:IKU:PROGRAM
#                (bench/gen-synthetic.sh)
# Needs the Debian packages `time` and `wkhtmltopdf`, installed when run
# as root (never by CI: this is a benchmark, not a test).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
sizes=${2:-"seed 100:500:200 1000:5000:2000"}
runs=${RUNS:-5}
lakip="$build/lakip"
[ -x "$lakip" ] || { echo "bench: build first (./quickstart run)" >&2; exit 1; }
for pkg in time:/usr/bin/time wkhtmltopdf:/usr/bin/wkhtmltopdf; do
	[ -x "${pkg#*:}" ] && continue
	if [ "$(id -u)" = 0 ]; then apt-get install -y -qq "${pkg%%:*}" >/dev/null
	else echo "bench: install the Debian package '${pkg%%:*}'" >&2; exit 1; fi
done
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
export LAKIP_DATA_DIR="$here" SOURCE_DATE_EPOCH=1689292800
export XDG_RUNTIME_DIR="$w/run"   # wkhtmltopdf (Qt) wants one
mkdir -m 0700 "$w/run"

# cpu KB: of one run of the command (cpu seconds, peak KB), into $w/t.
# /usr/bin/time counts in hundredths of a second, coarser than a short
# report: with REP (the first argument) > 1 the command runs REP times
# in a row under one count and the cpu is divided by REP.
one() {
	rep=$1
	shift
	/usr/bin/time -f '%U %S %M' -o "$w/t" sh -c 'n=$1; shift; i=0
		while [ $i -lt "$n" ]; do "$@" || exit 1; i=$((i + 1)); done' \
		sh "$rep" "$@" >/dev/null 2>"$w/err" || { cat "$w/err" >&2; exit 1; }
	awk -v r="$rep" '{ printf "%.4f %d\n", ($1 + $2) / r, $3 }' "$w/t"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-22s %6s %10s %10s %8s %9s %9s\n' "data" "pages" "lakip s" "wkhtml s" \
	"ratio" "lakip MB" "wkhtml MB"
for size in $sizes; do
	db="$w/$size.db"
	if [ "$size" = seed ]; then
		"$lakip" -q -d "$db" import "$here/examples/kesbangpol-kalteng-2023.yaml" >/dev/null
		label="seed quarter (5 IKU)"
	else
		IFS=: read -r ns ni np <<EOF2
$size
EOF2
		"$here/bench/gen-synthetic.sh" "$ns" "$ni" "$np" >"$w/s.yaml"
		"$lakip" -q -d "$db" import "$w/s.yaml" >/dev/null
		label="$ni IKU, $np programs"
	fi
	"$lakip" -q -d "$db" show --tahun 2023 --triwulan 2 --format html >"$w/q.html"
	: >"$w/l"; : >"$w/k"
	# lakip's runs in tens when one takes less than 0,2 s
	rep=$(one 1 "$lakip" -q -d "$db" report --tahun 2023 --triwulan 2 -o "$w/l.pdf" |
		awk '{ print ($1 < 0.2 ? 10 : 1) }')
	i=0
	while [ $i -lt "$runs" ]; do
		one "$rep" "$lakip" -q -d "$db" report --tahun 2023 --triwulan 2 -o "$w/l.pdf" >>"$w/l"
		one 1 wkhtmltopdf -q "$w/q.html" "$w/k.pdf" >>"$w/k"
		i=$((i + 1))
	done
	lc=$(cut -d' ' -f1 "$w/l" | median); kc=$(cut -d' ' -f1 "$w/k" | median)
	lm=$(cut -d' ' -f2 "$w/l" | median); km=$(cut -d' ' -f2 "$w/k" | median)
	pages=$(pdfinfo "$w/l.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	printf '%-22s %6s %10s %10s %7sx %9.1f %9.1f\n' "$label" "${pages:-?}" "$lc" "$kc" \
		"$(awk -v a="$kc" -v b="$lc" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')" \
		"$(awk -v m="$lm" 'BEGIN { print m / 1024 }')" "$(awk -v m="$km" 'BEGIN { print m / 1024 }')"
done
echo "(medians of $runs runs each, in turn; cpu = user + system of the whole process)"
