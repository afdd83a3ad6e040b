#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# trust.sh - attacks by the people who use lakip, each of which must fail:
# a clerk writing the database behind lakip's back, using the setgid
# program to reach other files of its group, redirecting its data.  Runs
# a setgid copy of the program (group lktr_$$) as throwaway accounts;
# only with LAKIP_TEST_ACCOUNTS=1, as root.
. "$(dirname "$0")/lib.sh"

if ! accounts_ok; then
	ok "trust # SKIP $accounts_why"
	finish
fi
for tool in sqlite3 groupadd groupdel stat; do
	command -v $tool >/dev/null 2>&1 || { not_ok "$tool is missing"; finish; }
done

# A setgid process is not dumpable: LeakSanitizer cannot trace it, nor
# read its options from /proc/self/environ.  The sanitizer build skips
# this script; the normal build (CI runs both) plays every attack.
if command -v ldd >/dev/null 2>&1 && ldd "$LAKIP_BIN" 2>/dev/null | grep -q 'libasan'; then
	ok "trust # SKIP a sanitizer build cannot run setgid (the normal build runs this)"
	finish
fi
G=lktr_$$ OP=lktr_op_$$ KP=lktr_kp_$$
groupadd "$G" || { not_ok "groupadd $G"; finish; }
at_exit() { groupdel "$G" >/dev/null 2>&1; }
for u in $OP $KP; do
	add_account "$u" || { not_ok "useradd $u"; finish; }
done
publish || { not_ok "copy the program for the other accounts"; finish; }
reachable "$OP"
# The setgid install: the program belongs to the group, mode 2755.
chgrp "$G" "$LAKIP_BIN" && chmod 2755 "$LAKIP_BIN"
SRV="$T/srv"
mkdir "$SRV" && chgrp "$G" "$SRV" && chmod 2770 "$SRV"
DB="$SRV/lakip.db"
Y="--tahun 2023 --triwulan 2"

as() {
	u=$1; shift
	rc=0
	if [ "$u" = root ]; then
		"$LAKIP_BIN" -d "$DB" "$@" >"$T/stdout" 2>"$T/stderr" || rc=$?
	else
		runuser -u "$u" -- "$LAKIP_BIN" -d "$DB" "$@" >"$T/stdout" 2>"$T/stderr" || rc=$?
	fi
}
dump() { sqlite3 "$DB" .dump | sha256sum | awk '{print $1}'; }

# --- setup: root (admin) creates the database through the setgid program
as root import "$FIXTURE"
expect_rc "root imports through the setgid program" 0
as root user add "$OP" --role operator
expect_rc "root adds an operator" 0
expect_eq "the database belongs to the group" "$(stat -c %G "$DB")" "$G"
expect_eq "the database is mode 0660" "$(stat -c %a "$DB")" "660"
for f in "$DB-wal" "$DB-shm"; do
	[ -e "$f" ] || continue
	expect_eq "$(basename "$f") belongs to the group" "$(stat -c %G "$f")" "$G"
done

# --- the clerk reads and enters data through lakip ---------------------
as "$OP" show $Y --table iku --format csv
expect_rc "the operator reads through lakip" 0
expect_in "and sees the figures" "$T/stdout" "65,00"

# --- attack: write the database with sqlite3 --------------------------
before=$(dump)
rc=0
runuser -u "$OP" -- sqlite3 "$DB" "UPDATE users SET role = 'admin' WHERE login = '$OP'" \
	>"$T/out" 2>&1 || rc=$?
if [ "$rc" != 0 ] && [ "$(dump)" = "$before" ]; then ok "sqlite3 as the operator cannot open the database (exit $rc)"
else not_ok "sqlite3 as the operator changed or opened the database" "$(cat "$T/out")"; fi
rc=0
runuser -u "$OP" -- cp "$DB" "$T/copy.db" >"$T/out" 2>&1 || rc=$?
if [ "$rc" != 0 ]; then ok "the operator cannot copy the database"
else not_ok "the operator copied the database"; fi

# --- attack: the program's group for another file of the group ---------
mkdir "$T/other" && chmod 0755 "$T/other"
cp "$DB" "$T/other/secret.db"
chgrp "$G" "$T/other/secret.db" && chmod 0660 "$T/other/secret.db"
rc=0
runuser -u "$OP" -- "$LAKIP_BIN" -d "$T/other/secret.db" show $Y \
	>"$T/stdout" 2>"$T/stderr" || rc=$?
if [ "$rc" != 0 ] && ! grep -q "65,00" "$T/stdout"; then
	ok "a group file outside the database directory is not opened with the group (exit $rc)"
else not_ok "the setgid program read another file of its group" "$(cat "$T/stdout")"; fi

# --- attack: outputs and user files with the group ---------------------
mkdir -m 0777 "$T/out.d"
as "$OP" export --tahun 2023 -o "$T/out.d/x.yaml"
expect_rc "the operator exports" 0
if [ "$(stat -c %G "$T/out.d/x.yaml")" != "$G" ]; then ok "the export is not the group's"
else not_ok "the export was written with the group"; fi
# Redirecting the program's data (a template with other words) is
# ignored while setgid.
mkdir -p "$T/evil/templates" && chmod -R 0755 "$T/evil"
sed 's/^\(.*\)$/\1/' "$LAKIP_DATA_DIR/templates/predikat.yaml" >"$T/evil/templates/predikat.yaml"
sed -i 's/Sangat Tinggi/Istimewa Sekali/g; s/Rendah/Istimewa Sekali/g' "$T/evil/templates/predikat.yaml"
chmod 0644 "$T/evil/templates/predikat.yaml"
rc=0
runuser -u "$OP" -- env LAKIP_DATA_DIR="$T/evil" "$LAKIP_BIN" -d "$DB" show $Y \
	--table iku --format csv >"$T/stdout" 2>"$T/stderr" || rc=$?
if [ "$rc" = 0 ] && ! grep -q "Istimewa" "$T/stdout"; then ok "LAKIP_DATA_DIR is ignored while setgid"
else not_ok "LAKIP_DATA_DIR changed the figures' words (exit $rc)" "$(cat "$T/stdout" "$T/stderr")"; fi

# --- roles still hold inside lakip --------------------------------------
as "$OP" import "$FIXTURE"
expect_rc "the operator may not import" 77
as "$KP" user add "$KP" --role admin
expect_rc "an unlisted account may not add himself" 77
expect_eq "the refused commands changed nothing" "$(dump)" "$before"

# --- without the group the program still works for the user's own file -
mkdir -m 0777 "$T/own"
runuser -u "$OP" -- "$LAKIP_BIN" -d "$T/own/mine.db" import "$FIXTURE" >"$T/out" 2>&1
rc=$?
expect_rc "a user's own database outside the group's directory" 0
expect_eq "it is his, not the group's" "$(stat -c %G "$T/own/mine.db")" "$(id -gn "$OP")"
finish
