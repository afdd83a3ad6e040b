#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# The command line: usage, exit codes, database errors, language.
. "$(dirname "$0")/lib.sh"
DB="$T/a.db"

lakip --help
expect_rc "--help" 0
expect_in "--help lists show" "$T/stdout" "show"
lakip --version
expect_in "--version" "$T/stdout" "lakip "
lakip frobnicate
expect_rc "unknown command" 64
lakip show --tahun 2023
expect_rc "show without --triwulan" 64
lakip show --tahun 2023 --triwulan 5
expect_rc "quarter 5" 64
lakip show --tahun 2023 --triwulan 2 --format xml
expect_rc "unknown format" 64
lakip import
expect_rc "import without a file" 64
lakip -d "$DB" import "$T/nonexistent.yaml"
expect_rc "import of a missing file" 66

lakip -d "$T/dry/x.db" import --dry-run "$FIXTURE"
expect_rc "dry run without a database" 0
expect_in "dry run reports what would be added" "$T/stdout" "5 added"
check "dry run created no database" test ! -e "$T/dry"

lakip -d "$DB" init
expect_rc "init" 0
check "init made a SQLite file" test -s "$DB"
lakip -d "$DB" show --tahun 2023 --triwulan 2
expect_rc "show on an empty database" 66

# Default database: $LAKIP_DB, else $XDG_DATA_HOME/lakip/lakip.db.
LAKIP_DB="$T/env.db" lakip import "$FIXTURE"
check "LAKIP_DB names the database" test -s "$T/env.db"
XDG_DATA_HOME="$T/xdg" lakip import "$FIXTURE"
check "XDG_DATA_HOME/lakip/lakip.db is created with its directories" test -s "$T/xdg/lakip/lakip.db"

lakip -d "$DB" import "$FIXTURE"
lakip -d "$DB" show --tahun 2023 --triwulan 2 --instansi nope
expect_rc "unknown instansi" 66
lakip -d "$DB" show --tahun 2024 --triwulan 2
expect_rc "unknown year" 66
lakip -d "$DB" show --tahun 2023 --triwulan 3 --format csv --table iku
expect_rc "a quarter without a report still shows the plan" 0
expect_in "and says so" "$T/stderr" "III"

# A second agency: --instansi becomes necessary.
sed 's/^  kode: kesbangpol-kalteng$/  kode: kesbangpol-lain/' "$FIXTURE" >"$T/lain.yaml"
lakip -d "$DB" import "$T/lain.yaml"
expect_rc "import a second agency" 0
lakip -d "$DB" show --tahun 2023 --triwulan 2
expect_rc "two agencies need --instansi" 64
lakip -d "$DB" show --tahun 2023 --triwulan 2 --instansi kesbangpol-lain --format csv --table program
expect_in "the second agency shows" "$T/stdout" "41,16"

# Export to a directory that does not exist.
lakip -d "$DB" export --tahun 2023 --instansi kesbangpol-lain -o "$T/no/such/dir/x.yaml"
expect_rc "unwritable export path" 73

# A database newer than the program is refused untouched.
cp "$DB" "$T/new.db"
sqlite3 "$T/new.db" 'PRAGMA user_version = 999;'
before=$(sha256sum "$T/new.db")
lakip -d "$T/new.db" show --tahun 2023 --triwulan 2 --instansi kesbangpol-lain
expect_rc "newer database refused" 65
expect_eq "newer database untouched" "$(sha256sum "$T/new.db")" "$before"

# A locked database: busy, exit 75, after the (shortened) timeout.
( printf 'BEGIN EXCLUSIVE;\nSELECT 1;\n'; sleep 4 ) | sqlite3 "$DB" >/dev/null &
sleep 1
LAKIP_BUSY_TIMEOUT=300 lakip -d "$DB" import "$FIXTURE"
expect_rc "locked database" 75
wait

# Another account reads a database in a directory it cannot write
# (SQLite's WAL wants to write there): it still reads.  As root that is a
# throwaway account (LAKIP_TEST_ACCOUNTS=1); as anyone else, the user
# himself once the directory and file are read-only.
ro_show() {
	rc=0
	$AS env HOME=/ "$LAKIP_BIN" -d "$T/ro/a.db" show --tahun 2023 --triwulan 2 \
		--table program --format csv >"$T/stdout" 2>"$T/stderr" || rc=$?
}
AS="" why=""
if [ "$(id -u)" = 0 ]; then
	if accounts_ok; then
		add_account "lkcli_ro_$$" && publish && reachable "lkcli_ro_$$" &&
			AS="runuser -u lkcli_ro_$$ --"
	else why=$accounts_why; fi
fi
if [ -z "$why" ]; then
	mkdir -p "$T/ro"
	"$LAKIP_BIN" -d "$T/ro/a.db" import "$FIXTURE" >/dev/null 2>&1
	chmod 755 "$T"; chmod 444 "$T/ro/a.db"; chmod 555 "$T/ro"
	ro_show
	expect_rc "read-only directory: show still works" 0
	expect_in "and prints the figures" "$T/stdout" "41,16"
	chmod 755 "$T/ro"
else
	ok "read-only directory # SKIP $why"
	ok "read-only directory figures # SKIP $why"
fi
AS=""

# An output that is a FIFO (or a device such as /dev/null) is written
# into, never replaced by a rename (as root that replaced /dev/null).
lakip -d "$T/fifo.db" import "$FIXTURE"
if mkfifo "$T/fifo" 2>/dev/null; then
	for what in "export --tahun 2023" "report --tahun 2023 --triwulan 2" \
	    "export --tahun 2023 --format xlsx"; do
		# (a reader that never sees a writer gives up: no hang)
		timeout 60 cat "$T/fifo" >"$T/from-fifo" &
		reader=$!
		# shellcheck disable=SC2086
		lakip -d "$T/fifo.db" $what -o "$T/fifo"
		[ "$rc" = 0 ] || kill $reader 2>/dev/null
		wait $reader
		expect_rc "$what -o FIFO" 0
		check "$what: the FIFO is still a FIFO" test -p "$T/fifo"
		check "$what: it carried the output" test -s "$T/from-fifo"
	done
	if head -c 2 "$T/from-fifo" | grep -q PK; then ok "the workbook arrived whole"
	else not_ok "the workbook arrived whole"; fi
else
	ok "outputs into a FIFO # SKIP mkfifo failed"
fi

# Not a database at all.
echo "hello" >"$T/text.db"
lakip -d "$T/text.db" show --tahun 2023 --triwulan 2
expect_rc "a text file is not a database" 65
finish
