#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# kill_all.sh - every writing command killed with SIGKILL at random
# moments (kill.sh does finalise and import of an exchange file at
# length): for each, a database in the state before it, its state after
# an uninterrupted run, then rounds of the command killed between 0 and
# its own running time.  After each kill the database is in the state
# before or the state after, never between (the state: every table
# dumped, times and digests masked), it passes integrity_check and
# `audit verify`, and no temporary file is left beside it.
. "$(dirname "$0")/lib.sh"
for tool in openssl sqlite3 awk sha256sum; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
N=${LAKIP_KILL_ROUNDS:-6}
Y="--tahun 2023 --triwulan 2"
K=kesbangpol-kalteng
W="$T/w"
mkdir "$W"

# The state of a database: its dump with the times and digests (which a
# second run writes anew) masked.
state() {
	sqlite3 "$1" .dump 2>/dev/null |
		sed -e 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9:.]*Z/T/g' \
		    -e 's/[0-9a-f]\{64\}/H/g' | sha256sum | awk '{print $1}'
}
fresh() { rm -f "$2" "$2-wal" "$2-shm" "$2-journal"; cp "$1" "$2"; }
# A pause of 0 to $2 ms, different each round.
pause() { awk -v s="$1" -v m="$2" 'BEGIN { srand(s); printf "%.4f\n", rand() * m / 1000 }'; }
now_ms() { date +%s%3N; }

# The bases.
"$LAKIP_BIN" -d "$W/plan.db" import "$FIXTURE_KET" >/dev/null 2>&1
cp "$W/plan.db" "$W/draft.db"
"$LAKIP_BIN" -d "$W/plan.db" submit $Y >/dev/null 2>&1
cp "$W/plan.db" "$W/submitted.db"
# as if another account had submitted them: one does not review his own
sqlite3 "$W/submitted.db" "UPDATE review_state SET submitted_by = 'operator-lain'"
approve_all "$W/plan.db"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" -out "$T/cert.pem" \
	-days 30 -subj "/CN=Kepala Uji" >/dev/null 2>&1
openssl pkcs12 -export -inkey "$T/key.pem" -in "$T/cert.pem" -out "$T/k.p12" \
	-passout pass:rahasia >/dev/null 2>&1
export LAKIP_P12_PASS=rahasia
cp "$W/plan.db" "$W/signer.db"
"$LAKIP_BIN" -d "$W/signer.db" signer set "$T/cert.pem" >/dev/null 2>&1
cp "$W/signer.db" "$W/locked.db"
"$LAKIP_BIN" -d "$W/locked.db" finalise $Y --p12 "$T/k.p12" -o "$W/tw2.pdf" >/dev/null 2>&1
lakip -d "$W/locked.db" status $Y
expect_in "the base of unlock is locked" "$T/stdout" "2023"
# The inputs of the imports: the plan with IKU5 changed, as an
# exchange file, a workbook and one sheet.
sed 's/^      IKU5: 130$/      IKU5: 131/' "$FIXTURE_KET" >"$T/changed.yaml"
"$LAKIP_BIN" -d "$W/changed.db" import "$T/changed.yaml" >/dev/null 2>&1
"$LAKIP_BIN" -d "$W/changed.db" export --tahun 2023 --format xlsx -o "$T/changed.xlsx" >/dev/null 2>&1
sheet=realisasi_iku
"$LAKIP_BIN" -d "$W/changed.db" export --tahun 2023 --format csv --sheet $sheet \
	-o "$T/changed.csv" >/dev/null 2>&1
sed 's/^  sampul_judul: .*/  sampul_judul: Laporan Kinerja Uji Henti/' \
	"$LAKIP_DATA_DIR/templates/laporan.yaml" >"$T/t.yaml"
cp "$W/plan.db" "$W/template.db"
"$LAKIP_BIN" -d "$W/template.db" template set --instansi $K "$T/t.yaml" >/dev/null 2>&1
someone=$(awk -F: '$3 >= 1 && $3 < 65534 { print $1; exit }' /etc/passwd)
[ -n "$someone" ] || someone=nobody

# BASE|COMMAND (the database is $DB): one writing command a line.
cat >"$T/cases" <<EOF2
plan|import $T/changed.yaml
plan|import $T/changed.xlsx
plan|import --sheet $sheet --instansi $K --tahun 2023 $T/changed.csv
submitted|review $Y --approve --bab 2,3
draft|submit $Y --iku IKU1
plan|signer set --instansi $K $T/cert.pem
signer|signer remove --instansi $K $(openssl x509 -in "$T/cert.pem" -outform DER | sha256sum | awk '{print $1}')
plan|template set --instansi $K $T/t.yaml
template|template reset --instansi $K
plan|user add $someone --role operator --instansi $K
locked|unlock $Y --reason uji
signer|finalise $Y --p12 $T/k.p12 -o $W/out.pdf
EOF2

while IFS='|' read -r base cmd; do
	name=$(echo "$cmd" | cut -d' ' -f1-2 | sed "s|$T/||")
	fresh "$W/$base.db" "$W/run.db"
	before=$(state "$W/run.db")
	t0=$(now_ms)
	# shellcheck disable=SC2086
	"$LAKIP_BIN" -d "$W/run.db" $cmd >"$T/out" 2>&1 || { not_ok "$name runs" "$(head -c 600 "$T/out")"; continue; }
	ms=$(( $(now_ms) - t0 + 5 ))
	after=$(state "$W/run.db")
	fresh "$W/$base.db" "$W/run2.db"
	"$LAKIP_BIN" -d "$W/run2.db" $cmd >/dev/null 2>&1
	if [ "$before" = "$after" ]; then
		not_ok "$name changes the database" "$(head -c 300 "$T/out")"; continue
	fi
	[ "$(state "$W/run2.db")" = "$after" ] || { not_ok "$name: a second run ends in the same state"; continue; }
	between=0 broken=0 kills=0 i=0
	while [ $i -lt "$N" ]; do
		i=$((i + 1))
		fresh "$W/$base.db" "$W/k.db"
		"$LAKIP_BIN" -d "$W/k.db" $cmd >/dev/null 2>&1 &
		pid=$!
		sleep "$(pause "$i$ms" "$ms")"
		kill -9 $pid 2>/dev/null && kills=$((kills + 1))
		wait $pid 2>/dev/null
		s=$(state "$W/k.db")
		[ "$s" = "$before" ] || [ "$s" = "$after" ] || between=$((between + 1))
		[ "$(sqlite3 "$W/k.db" 'PRAGMA integrity_check' 2>&1)" = ok ] || broken=$((broken + 1))
		"$LAKIP_BIN" -d "$W/k.db" audit verify >/dev/null 2>&1 || broken=$((broken + 1))
	done
	expect_eq "$name killed $kills times in $N rounds (0-$ms ms): before or after, never between" "$between" 0
	expect_eq "$name: the database whole and its audit chain intact" "$broken" 0
	# what a killed run left (a temporary file beside the output), the
	# next run that finishes removes
	fresh "$W/$base.db" "$W/k.db"
	"$LAKIP_BIN" -d "$W/k.db" $cmd >/dev/null 2>&1
done <"$T/cases"
ls -A "$W" | grep '^\.lakip' >"$T/left"
expect_eq "no temporary file is left beside the databases and the outputs" "$(cat "$T/left")" ""
finish
