#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# pg.sh - the synthetic data (gen-synthetic.sh: 5,000 IKU) on SQLite and
# on PostgreSQL: the import, `show` and `report` of a quarter, and a save
# of one changed realisation (statements by LAKIP_STMT_COUNT=1, time).
# Starts a private cluster (tests/pg/cluster.sh: Unix socket, peer
# authentication) in a temporary directory and stops it at the end.
#   bench/pg.sh [BUILD_DIR] [RUNS]     (defaults: ./build, 3)
# Each figure is the median of RUNS runs of /usr/bin/time -v (wall,
# user+system cpu seconds, peak memory).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
runs=${2:-3}
lakip="$build/lakip"
[ -x "$lakip" ] || { echo "bench: build first (./quickstart run)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
w=$(mktemp -d)
cluster=$(mktemp -d "${TMPDIR:-/tmp}/lakip-pg-XXXXXX")   # cluster.sh opens it to the server's account
trap 'sh "$here/tests/pg/cluster.sh" stop "$cluster" >/dev/null 2>&1; rm -rf "$w"' EXIT
trap 'exit 1' HUP INT TERM
export LAKIP_DATA_DIR="$here"
uri=$(sh "$here/tests/pg/cluster.sh" start "$cluster")
psql -X -q "$uri" -c "CREATE DATABASE lk_bench" >/dev/null
pg="postgresql:///lk_bench?${uri#*\?}"
lite=$w/b.db

"$here/bench/gen-synthetic.sh" >"$w/syn.yaml"
# The same file with one realisation changed (quarter 1, IKU2).
awk '/realisasi_iku:/ && !seen { seen = 1; want = 1 }
     want && /^      IKU2: / { sub(/: .*/, ": 77.7"); want = 0 } { print }' \
	"$w/syn.yaml" >"$w/one.yaml"
cmp -s "$w/syn.yaml" "$w/one.yaml" && { echo "bench: no value changed" >&2; exit 1; }

# timed LABEL CMD...: RUNS runs; prints the medians.
timed() {
	label=$1; shift
	: >"$w/t"
	i=0
	while [ $i -lt "$runs" ]; do
		[ -z "${before:-}" ] || eval "$before"
		/usr/bin/time -v -o "$w/tv" "$@" >/dev/null 2>"$w/err" ||
			{ echo "bench: $label failed:" >&2; cat "$w/err" >&2; exit 1; }
		awk -F': ' '/Elapsed \(wall/ { n = split($2, p, ":"); w = p[n] + (n > 1 ? p[n-1] * 60 : 0) }
			/User time/ { u = $2 } /System time/ { s = $2 }
			/Maximum resident/ { m = $2 }
			END { printf "%.2f %.2f %.1f\n", w, u + s, m / 1024 }' "$w/tv" >>"$w/t"
		i=$((i + 1))
	done
	sort -n "$w/t" | awk -v l="$label" -v n="$runs" '
		{ w[NR] = $1; c[NR] = $2; m[NR] = $3 }
		END { k = int((n + 1) / 2); printf "%-34s wall %6.2f s  cpu %6.2f s  peak %6.1f MB\n", l, w[k], c[k], m[k] }'
}
# stmts CMD...: the statements CMD ran.
stmts() {
	LAKIP_STMT_COUNT=1 "$@" 2>&1 >/dev/null | sed -n 's/^lakip: \([0-9]*\) statements$/\1/p'
}

echo "synthetic data: $(grep -c '^      - kode: IKU' "$w/syn.yaml" || true) IKU, $runs runs each, medians"
for b in sqlite pg; do
	if [ $b = sqlite ]; then d=$lite; name=SQLite; else d=$pg; name=PostgreSQL; fi
	if [ $b = sqlite ]; then before='rm -f "$lite"'
	else before='psql -X -q "$uri" -c "DROP DATABASE IF EXISTS lk_bench" -c "CREATE DATABASE lk_bench" >/dev/null'; fi
	timed "$name: import (empty database)" "$lakip" -d "$d" import "$w/syn.yaml"
	before=
	timed "$name: show --triwulan 1" "$lakip" -d "$d" show --tahun 2023 --triwulan 1
	timed "$name: report --triwulan 1" "$lakip" -d "$d" report --tahun 2023 --triwulan 1 -o "$w/r-$b.pdf"
	n_same=$(stmts "$lakip" -d "$d" import "$w/syn.yaml")
	# alternately the changed and the original value: each run saves one
	before='"$lakip" -d "$d" import "$w/syn.yaml" >/dev/null 2>&1'
	timed "$name: import, one value changed" "$lakip" -d "$d" import "$w/one.yaml"
	before=
	"$lakip" -d "$d" import "$w/syn.yaml" >/dev/null 2>&1
	n_one=$(stmts "$lakip" -d "$d" import "$w/one.yaml")
	timed "$name: import, nothing changed" "$lakip" -d "$d" import "$w/one.yaml"
	n_date=$(stmts "$lakip" -d "$d" date --tahun 2023 --triwulan 1 --set 2023-04-11)
	echo "$name: statements: import unchanged $n_same, one value changed $n_one (the writes: $((n_one - n_same))); date --set $n_date"
done
