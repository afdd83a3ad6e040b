#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# kill.sh - finalise and the other writing commands killed with SIGKILL at
# random moments: the database is always in the state before or the state
# after (never between), it stays whole, and the temporary files a killed
# run could not remove are removed by the next run.  SIGTERM and SIGINT
# leave no temporary file at all.
. "$(dirname "$0")/lib.sh"
for tool in openssl sqlite3 awk; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
N=${LAKIP_KILL_ROUNDS:-25}
DB="$T/k.db"
O="$T/out"
mkdir "$O"
Y="--tahun 2023 --triwulan 2"
"$LAKIP_BIN" -d "$DB" import "$FIXTURE" >/dev/null 2>&1
# Approved directly: the review needs other accounts (workflow.sh).
approve_all "$DB"
test_key
lakip -d "$DB" signer set "$T/cert.pem"
expect_rc "the signer is registered" 0
export LAKIP_P12_PASS=rahasia

q() { sqlite3 "$DB" "$1" 2>/dev/null; }
locked() { q "SELECT coalesce(max(locked), 0) FROM quarter_lock"; }
versions() { q "SELECT count(*) FROM signed_report"; }
# A pause of 0 to $2 ms (a finalise of the sample takes some 40 ms),
# different each round.
pause() { awk -v s="$1" -v m="$2" 'BEGIN { srand(s); printf "%.4f\n", rand() * m / 1000 }'; }

between=0 whole=0 done_=0 kills=0 stored_bad=0
i=0
while [ $i -lt "$N" ]; do
	i=$((i + 1))
	v0=$(versions)
	"$LAKIP_BIN" -d "$DB" finalise $Y --p12 "$T/k.p12" -o "$O/tw2.pdf" \
		>/dev/null 2>&1 &
	pid=$!
	sleep "$(pause $i 45)"
	kill -9 $pid 2>/dev/null && kills=$((kills + 1))
	wait $pid 2>/dev/null
	v1=$(versions) l=$(locked)
	# Before: not locked, no new version.  After: locked, one more
	# version, and the file written is the stored one.
	if [ "$l" = 0 ] && [ "$v1" = "$v0" ]; then :
	elif [ "$l" = 1 ] && [ "$v1" = $((v0 + 1)) ]; then
		done_=$((done_ + 1))
		want=$(q "SELECT pdf_sha256 FROM signed_report ORDER BY id DESC LIMIT 1")
		have=$(sha256sum "$O/tw2.pdf" 2>/dev/null | awk '{print $1}')
		[ "$want" = "$have" ] || stored_bad=$((stored_bad + 1))
		lakip -d "$DB" unlock $Y --reason "uji ke-$i"
	else
		between=$((between + 1))
	fi
	[ "$(q 'PRAGMA integrity_check')" = ok ] || whole=$((whole + 1))
done
expect_eq "finalise killed $kills times in $N rounds: no state between before and after" "$between" 0
expect_eq "a locked quarter's file is the stored version ($done_ finished)" "$stored_bad" 0
expect_eq "the database stays whole" "$whole" 0
lakip -d "$DB" audit verify
expect_rc "the audit chain stays whole" 0
# A run that finishes removes what the killed ones left.
lakip -d "$DB" finalise $Y --p12 "$T/k.p12" -o "$O/last.pdf"
[ "$rc" = 77 ] && { lakip -d "$DB" unlock $Y --reason akhir; lakip -d "$DB" finalise $Y --p12 "$T/k.p12" -o "$O/last.pdf"; }
expect_rc "a finalise after the kills" 0
left=$(ls -A "$O" | grep -c '^\.') || true
expect_eq "no temporary file is left in the output directory" "$left" 0

# SIGTERM and SIGINT: nothing left, nothing between.
lakip -d "$DB" unlock $Y --reason sinyal
for sig in TERM INT HUP; do
	v0=$(versions)
	"$LAKIP_BIN" -d "$DB" finalise $Y --p12 "$T/k.p12" -o "$O/sig.pdf" \
		>/dev/null 2>&1 &
	pid=$!
	sleep 0.02
	kill -$sig $pid 2>/dev/null
	wait $pid 2>/dev/null
	left=$(ls -A "$O" | grep -c '^\.') || true
	expect_eq "SIG$sig: no temporary file" "$left" 0
	if [ "$(locked)" = 1 ]; then
		lakip -d "$DB" unlock $Y --reason "sinyal $sig"
	elif [ "$(versions)" != "$v0" ]; then
		not_ok "SIG$sig: a version stored without the lock"
		continue
	fi
	ok "SIG$sig: before or after"
done

# Other writing commands killed: import of a changed plan.
sed 's/^      IKU5: 130$/      IKU5: 131/' "$FIXTURE" >"$T/changed.yaml"
before=$(q "SELECT group_concat(nilai) FROM realisasi_iku")
"$LAKIP_BIN" -d "$DB" unlock $Y --reason impor >/dev/null 2>&1
bad=0 i=0
while [ $i -lt 10 ]; do
	i=$((i + 1))
	"$LAKIP_BIN" -d "$DB" import "$FIXTURE" >/dev/null 2>&1
	"$LAKIP_BIN" -d "$DB" import "$T/changed.yaml" >/dev/null 2>&1 &
	pid=$!
	sleep "$(pause $((i + 100)) 30)"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	now=$(q "SELECT nilai FROM realisasi_iku r JOIN iku k ON k.id = r.iku_id
		JOIN triwulan t ON t.id = r.triwulan_id WHERE k.kode = 'IKU5' AND t.nomor = 2")
	case $now in 1300000|1310000) ;; *) bad=$((bad + 1)) ;; esac
	[ "$(q 'PRAGMA integrity_check')" = ok ] || bad=$((bad + 1))
done
expect_eq "import killed 10 times: IKU5 is 130 or 131, the database whole" "$bad" 0
finish
