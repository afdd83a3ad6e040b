# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# lib.sh - TAP helpers for the end-to-end tests (sourced).
# Environment from make check: LAKIP_BIN, LAKIP_SRCDIR, LAKIP_DATA_DIR.
set -u
: "${LAKIP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${LAKIP_BIN:=$LAKIP_SRCDIR/build/lakip}"
export LAKIP_DATA_DIR="${LAKIP_DATA_DIR:-$LAKIP_SRCDIR}"
FIXTURE="$LAKIP_SRCDIR/examples/kesbangpol-kalteng-2023.yaml"
T=$(mktemp -d "${TMPDIR:-/tmp}/lakip-e2e-XXXXXX")
# Cleaning up: the hook of the script (at_exit), the throwaway accounts
# made by add_account, the temporary directory.
at_exit() { :; }
_accounts=""
_cleanup() {
	at_exit
	for u in $_accounts; do
		i=0   # an account goes once its last process has ended
		while [ $i -lt 50 ] && pgrep -u "$u" >/dev/null 2>&1; do
			sleep 0.1; i=$((i + 1))
		done
		userdel "$u" >/dev/null 2>&1 || userdel -f "$u" >/dev/null 2>&1 || true
	done
	rm -rf "$T"
}
trap _cleanup EXIT
trap 'exit 1' HUP INT PIPE TERM   # the EXIT trap still cleans up
unset LAKIP_DB XDG_DATA_HOME
export LANGUAGE=en LC_ALL=C.UTF-8   # messages as in the sources
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config"
mkdir -p "$HOME"
_n=0
_failed=0

plan() { echo "1..$1"; }
ok() { _n=$((_n + 1)); echo "ok $_n - $1"; }
not_ok() {
	_n=$((_n + 1)); _failed=$((_failed + 1))
	echo "not ok $_n - $1"
	shift
	for l in "$@"; do printf '#   %s\n' "$l"; done
}
# check DESCRIPTION COMMAND...: ok when the command succeeds.
check() {
	d=$1; shift
	if "$@" >"$T/out" 2>&1; then ok "$d"; else not_ok "$d" "$(head -c 2000 "$T/out")"; fi
}
# lakip ARGS...: run the program; stdout in $T/stdout, stderr in $T/stderr,
# status in $rc.
lakip() {
	rc=0
	"$LAKIP_BIN" "$@" >"$T/stdout" 2>"$T/stderr" || rc=$?
}
# expect_rc DESCRIPTION CODE: the last lakip's status was CODE.
expect_rc() {
	if [ "$rc" = "$2" ]; then ok "$1 (exit $2)"
	else not_ok "$1: expected exit $2, got $rc" "stderr: $(head -c 1500 "$T/stderr")" "stdout: $(head -c 500 "$T/stdout")"; fi
}
# expect_in DESCRIPTION FILE TEXT: FILE contains TEXT (fixed string).
expect_in() {
	if grep -qF -- "$3" "$2"; then ok "$1"
	else not_ok "$1: '$3' not in $(basename "$2")" "$(head -c 1500 "$2")"; fi
}
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"
	else not_ok "$1" "expected: $3" "got:      $2"; fi
}
# The backend under test: SQLite files in $T (the default), or with
# LAKIP_TEST_PG (tests/pg/on-pg.sh: the URI of a private cluster's
# `postgres` database) databases of their own on that server.
on_pg() { [ -n "${LAKIP_TEST_PG:-}" ]; }
# new_db NAME: the name of a fresh, empty database for -d.
new_db() {
	if on_pg; then
		_dbn=$(printf 'lk_%s_%s_%s' "$(basename "$0" .sh)" "$$" "$1" |
			tr -c 'a-z0-9_' '_')
		psql -X -q "$LAKIP_TEST_PG" -c "DROP DATABASE IF EXISTS $_dbn" \
			-c "CREATE DATABASE $_dbn" >/dev/null 2>&1 ||
			{ echo "new_db: cannot create $_dbn" >&2; return 1; }
		echo "postgresql:///$_dbn?${LAKIP_TEST_PG#*\?}"
	else
		echo "$T/$1.db"
	fi
}
# db_sql DB SQL: the rows of a query, fields separated by |.
db_sql() {
	if on_pg; then psql -X -A -t -F'|' -q "$1" -c "$2"
	else sqlite3 "$1" "$2"; fi
}
# sum DB: a digest of everything stored (to show that nothing changed;
# on PostgreSQL without the identity sequences, which a rolled-back
# insert advances too).
sum() {
	if on_pg; then pg_dump --data-only --no-owner --no-privileges "$1" |
		grep -v -e '^--' -e 'pg_catalog.setval' -e '^.restrict ' -e '^.unrestrict ' | sha256sum | awk "{print \$1}"
	else sqlite3 "$1" .dump | sha256sum | awk "{print \$1}"; fi
}
# pg_skip REASON: on PostgreSQL, the whole script is skipped (it tests
# what only a SQLite file has: modes, sidecar files, a damaged page).
pg_skip() {
	if on_pg; then echo "1..0 # SKIP on PostgreSQL: $1"; exit 0; fi
}
# damage_page DB TABLE: the root page of TABLE in the SQLite file DB
# overwritten with 0xFF bytes (PRAGMA quick_check then fails).
damage_page() {
	page=$(sqlite3 "$1" "SELECT rootpage FROM sqlite_master WHERE name = '$2'")
	size=$(sqlite3 "$1" "PRAGMA page_size")
	head -c "$size" /dev/zero | tr '\0' '\377' |
		dd of="$1" bs="$size" seek=$((page - 1)) count=1 conv=notrunc 2>/dev/null
}
# test_key: a self-signed signing key of "Kepala Uji" for 30 days:
# $T/key.pem, $T/cert.pem and $T/k.p12 (password rahasia).
test_key() {
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" \
		-out "$T/cert.pem" -days 30 -subj "/CN=Kepala Uji" >/dev/null 2>&1
	openssl pkcs12 -export -inkey "$T/key.pem" -in "$T/cert.pem" \
		-out "$T/k.p12" -passout pass:rahasia >/dev/null 2>&1
}
# tsa_config FILE SERIAL CERT KEY: an `openssl ts -reply` configuration
# of a test timestamp authority signing with CERT and KEY (SERIAL: its
# serial file, made here).
tsa_config() {
	echo 01 >"$2"
	cat >"$1" <<CNF
[ tsa ]
default_tsa = t
[ t ]
serial = $2
signer_cert = $3
signer_key = $4
signer_digest = sha256
certs = $3
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
CNF
}
finish() { echo "1..$_n"; exit 0; }
# The example plan with the notes that IKU2 and IKU4, which have no
# realisation in quarter II, need before they are submitted.
FIXTURE_KET="$T/fixture-ket.yaml"
sed 's/^    tanggal: 2023-07-14$/    tanggal: 2023-07-14\
    keterangan:\
      IKU2: data pembinaan ormas belum direkap\
      IKU4: diukur setelah akhir tahun/' "$FIXTURE" >"$FIXTURE_KET" 2>/dev/null
chmod 0644 "$FIXTURE_KET" 2>/dev/null
# approve_all DB [TW] [SQL]: every entry of the review of quarter TW (2)
# of every plan approved, straight into the tables (the review itself
# needs other accounts: workflow.sh); SQL (optional) narrows the rows,
# on the columns jenis and kode.
approve_all() {
	db_sql "$1" "INSERT INTO review_state (triwulan_id, jenis,
		ref_id, state, submitted_by, submitted_at, reviewed_by, reviewed_at)
		SELECT tw, jenis, ref, 'approved', 'op', '2023-07-01T00:00:00Z', 'kb',
		'2023-07-02T00:00:00Z' FROM (
		SELECT t.id tw, 'iku' jenis, k.id ref, k.kode kode FROM triwulan t
		 JOIN iku k ON k.rencana_id = t.rencana_id WHERE t.nomor = ${2:-2}
		UNION ALL SELECT t.id, 'program', p.id, p.kode FROM triwulan t
		 JOIN program p ON p.rencana_id = t.rencana_id WHERE t.nomor = ${2:-2}
		UNION ALL SELECT t.id, 'narasi', sa.id, sa.kode FROM triwulan t
		 JOIN sasaran sa ON sa.rencana_id = t.rencana_id WHERE t.nomor = ${2:-2}
		UNION ALL SELECT t.id, 'bab2', 0, 'bab2' FROM triwulan t WHERE t.nomor = ${2:-2}
		UNION ALL SELECT t.id, 'bab3', 0, 'bab3' FROM triwulan t WHERE t.nomor = ${2:-2})
		AS e WHERE 1 = 1 ${3:+AND $3}
		ON CONFLICT (triwulan_id, jenis, ref_id) DO UPDATE SET
		state = excluded.state, submitted_by = excluded.submitted_by,
		submitted_at = excluded.submitted_at, reviewed_by = excluded.reviewed_by,
		reviewed_at = excluded.reviewed_at;"
}

# Tests run as other Unix accounts only when asked: LAKIP_TEST_ACCOUNTS=1,
# as root (they create throwaway accounts with useradd and remove them at
# the end).  accounts_ok is true when they may run; else $accounts_why
# says why not, for a SKIP.
accounts_ok() {
	accounts_why=""
	if [ "${LAKIP_TEST_ACCOUNTS:-0}" != 1 ]; then
		accounts_why="creates throwaway Unix accounts: run as root with LAKIP_TEST_ACCOUNTS=1"
	elif [ "$(id -u)" != 0 ]; then
		accounts_why="LAKIP_TEST_ACCOUNTS=1 needs root (useradd)"
	else
		for tool in useradd userdel runuser setpriv pgrep; do
			command -v $tool >/dev/null 2>&1 && continue
			accounts_why="$tool is missing (apt-get install passwd util-linux procps)"
			break
		done
	fi
	[ -z "$accounts_why" ]
}
# add_account LOGIN: a throwaway account without home or shell, removed
# at exit.
add_account() {
	useradd -M -N -s /usr/sbin/nologin "$1" || return 1
	_accounts="$_accounts $1"
}
# publish: other accounts cannot be assumed to reach the build tree (a
# clone under /root or a private home): copy the program and its data
# files into the test's own directory, readable by all, and run those.
publish() {
	P="$T/pub"
	mkdir -p "$P/data"
	cp "$LAKIP_BIN" "$P/lakip" || return 1
	for d in templates forms; do
		[ -d "$LAKIP_DATA_DIR/$d" ] && cp -R "$LAKIP_DATA_DIR/$d" "$P/data/"
	done
	cp "$FIXTURE" "$P/fixture.yaml"
	chmod 0755 "$T" "$P" && chmod -R a+rX "$P"
	LAKIP_BIN="$P/lakip" LAKIP_DATA_DIR="$P/data" FIXTURE="$P/fixture.yaml"
	export LAKIP_DATA_DIR
}
# reachable LOGIN: LOGIN can run the published program (a TMPDIR that
# other accounts cannot enter is named).
reachable() {
	runuser -u "$1" -- test -x "$LAKIP_BIN" && return 0
	echo "Bail out! $1 cannot run $LAKIP_BIN: set TMPDIR to a directory every account can enter"
	exit 1
}
