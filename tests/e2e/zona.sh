#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# zona.sh - times are stored as UTC and shown in the agency's zone
# (instansi.zona_waktu: WIB +7 by default, WITA +8, WIT +9) by status and
# audit log, whatever the TZ variable of whoever runs lakip says (issue
# 11, trap 6).
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 is missing"; exit 0; }
Y="--tahun 2023 --triwulan 2"
export TZ=America/New_York

# The default: WIB.
lakip -d "$T/a.db" import "$FIXTURE"
approve_all "$T/a.db"
lakip -d "$T/a.db" status $Y
expect_rc "status" 0
expect_in "submitted at 00:00 UTC is 07:00 WIB" "$T/stdout" "op 2023-07-01 07:00:00 WIB"
expect_in "reviewed likewise" "$T/stdout" "kb 2023-07-02 07:00:00 WIB"
if grep -q 'T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z\|UTC' "$T/stdout"; then
	not_ok "status shows no UTC time" "$(grep 'Z\b\|UTC' "$T/stdout" | head -3)"
else ok "status shows no UTC time"; fi
lakip -d "$T/a.db" audit log
expect_rc "audit log" 0
at=$(sqlite3 "$T/a.db" "SELECT at FROM audit ORDER BY id DESC LIMIT 1")
case $at in *Z) ok "stored as UTC ($at)";; *) not_ok "stored as UTC" "$at";; esac
want=$(date -u -d "${at%Z} UTC + 7 hours" '+%Y-%m-%d %H:%M:%S WIB' 2>/dev/null)
expect_in "the audit log shows it in WIB, not in TZ=$TZ" "$T/stdout" "$want"

# --since is a day of the agency's calendar: 18:00 UTC on 14 July is
# already the 15th in WIB, 16:59:59 UTC still the 14th.
cp "$T/a.db" "$T/since.db"
first=$(sqlite3 "$T/since.db" "SELECT min(id) FROM audit")
sqlite3 "$T/since.db" "UPDATE audit SET at = '2023-07-14T16:59:59Z' WHERE id = $first;
	UPDATE audit SET at = '2023-07-14T18:00:00Z' WHERE id = $first + 1;
	UPDATE audit SET at = '2023-07-17T00:00:00Z' WHERE id > $first + 1"
lakip -d "$T/since.db" audit log --since 2023-07-15
expect_rc "audit log --since" 0
expect_in "a record of the 15th in WIB (18:00 UTC the day before) is listed" "$T/stdout" \
	"2023-07-15 01:00:00 WIB"
if grep -q "2023-07-14 23:59:59 WIB" "$T/stdout"; then
	not_ok "a record of the 14th in WIB is not" "$(head -3 "$T/stdout")"
else ok "a record of the 14th in WIB is not"; fi
lakip -d "$T/since.db" audit log --since 2023-07-16
if grep -q "2023-07-15 01:00:00 WIB" "$T/stdout"; then
	not_ok "--since the next day leaves it out" "$(head -3 "$T/stdout")"
else ok "--since the next day leaves it out"; fi
expect_in "and keeps the later ones" "$T/stdout" "2023-07-17 07:00:00 WIB"

# WITA and WIT, from the agency's profile.
for z in Asia/Makassar:8:WITA Asia/Jayapura:9:WIT; do
	name=${z%%:*}; rest=${z#*:}; h=${rest%%:*}; abbr=${rest#*:}
	sed "s|^  kode: kesbangpol-kalteng$|&\n  zona_waktu: $name|" "$FIXTURE" >"$T/z.yaml"
	rm -f "$T/z.db"
	lakip -d "$T/z.db" import "$T/z.yaml"
	expect_rc "import with zona_waktu $name" 0
	approve_all "$T/z.db"
	lakip -d "$T/z.db" status $Y
	expect_in "status in $abbr (+$h)" "$T/stdout" \
		"op 2023-07-01 0$h:00:00 $abbr"
	lakip -d "$T/z.db" audit log
	at=$(sqlite3 "$T/z.db" "SELECT at FROM audit ORDER BY id DESC LIMIT 1")
	want=$(date -u -d "${at%Z} UTC + $h hours" "+%Y-%m-%d %H:%M:%S $abbr")
	expect_in "audit log in $abbr (+$h)" "$T/stdout" "$want"
	n=$(sqlite3 "$T/z.db" "SELECT count(*) FROM audit WHERE at NOT GLOB '*Z'")
	expect_eq "every time stored as UTC" "$n" 0
done

# The listings and the verification of a signed report likewise (the
# last agency above is in WIT).
no_utc() {
	if grep -q 'T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z\|UTC' "$T/stdout"; then
		not_ok "$1 shows no UTC time" "$(grep 'Z\b\|UTC' "$T/stdout" | head -3)"
	else ok "$1 shows no UTC time"; fi
}
if command -v openssl >/dev/null 2>&1; then
	test_key
	lakip -d "$T/z.db" signer set "$T/cert.pem"
	lakip -d "$T/z.db" signer list
	expect_in "signer list: when it was added, in WIT" "$T/stdout" " WIT"
	no_utc "signer list"
	lakip -d "$T/z.db" user list
	expect_in "user list: when, in WIT" "$T/stdout" " WIT"
	no_utc "user list"
	LAKIP_P12_PASS=rahasia lakip -d "$T/z.db" finalise $Y --p12 "$T/k.p12" -o "$T/s.pdf"
	expect_rc "finalised" 0
	lakip -d "$T/z.db" verify "$T/s.pdf"
	expect_rc "verified" 0
	expect_in "verify: the signing time in WIT" "$T/stdout" "Signing time (as the signer's machine stated it): "
	expect_in "verify: who signed when, in WIT" "$T/stdout" " WIT"
	no_utc "verify"
else
	ok "listings and verify in WIT # SKIP openssl is missing"
fi
finish
