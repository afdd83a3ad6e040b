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
trap 'rm -rf "$T"' EXIT
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
sum() { sqlite3 "$1" .dump | sha256sum | awk "{print \$1}"; }
finish() { echo "1..$_n"; exit 0; }
