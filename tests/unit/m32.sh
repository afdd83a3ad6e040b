#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# m32.sh - the core layer and its unit tests built for 32-bit x86
# (gcc -m32) and run: exact arithmetic must hold without a 128-bit type.
#
# Usage: tests/unit/m32.sh [SRCDIR]     (SRCDIR: default the script's ../..)
#
# Compiles src/core/*.c (libc only) and the unit tests that link against
# the core alone (tests_unit_*_LDADD = src/core/libcore.a in Makefile.am)
# with gcc -m32 -std=c11 -Wall -Wextra -Werror into a temporary directory,
# runs them and prints TAP: "ok N - test_dec: ...", the plan "1..N", then
# a last line "m32: N passed, N failed".  Exits 1 on any failure (a build
# failure counts as one), 0 when all pass, 77 (skip) when the 32-bit tools
# are missing; a skip prints the plan "1..0 # SKIP" and the packages.
#
# Needs, on Debian 12 (x86-64 host), as root:
#   dpkg --add-architecture i386
#   apt-get update
#   apt-get install -y --no-install-recommends gcc-multilib check:i386
# (gcc-multilib brings libc6-dev-i386; check:i386 brings libcheck_pic.a
# and libsubunit for i386.  Nothing is removed; check:amd64 stays.)
# Environment: CC (default gcc), TMPDIR.
# shellcheck disable=SC2086,SC2016 # flag lists split on purpose; literal $(...)
set -u

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "${1:-$here/../..}" && pwd) || exit 1
CC=${CC:-gcc}
CFLAGS32="-m32 -std=c11 -Wall -Wextra -Werror"
CFLAGS32="$CFLAGS32 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE"
LIBS32="-lcheck_pic -lsubunit -lrt -lm -pthread"
PKGS="gcc-multilib check:i386"

if [ ! -f "$src/src/core/dec.c" ] || [ ! -f "$src/tests/unit/lktest.c" ]; then
	echo "m32: $src is not a lakip source tree" >&2
	exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lakip-m32-XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT PIPE TERM

skip() {
	echo "1..0 # SKIP m32: $1"
	echo "m32: skipped: $1" >&2
	echo "m32: needs the Debian packages $PKGS; as root:" >&2
	echo "m32:   dpkg --add-architecture i386 && apt-get update &&" \
	    "apt-get install -y --no-install-recommends $PKGS" >&2
	exit 77
}

# The tools: a 32-bit C library, then a 32-bit libcheck.  The probe also
# proves the target: 4-byte pointers and no 128-bit integer type.
cat >"$tmp/probe.c" <<'EOF'
#include <stdio.h>
_Static_assert(sizeof(void *) == 4, "not a 32-bit target");
#ifdef __SIZEOF_INT128__
#error "this target has a 128-bit integer type"
#endif
int main(void) { return printf("%s", "") < 0; }
EOF
command -v "$CC" >/dev/null 2>&1 || skip "no C compiler '$CC'"
$CC $CFLAGS32 -o "$tmp/probe" "$tmp/probe.c" >"$tmp/probe.log" 2>&1 ||
	skip "'$CC -m32' cannot build a program ($(head -n 1 "$tmp/probe.log"))"
"$tmp/probe" || skip "32-bit programs do not run on this machine"
cat >"$tmp/probe_check.c" <<'EOF'
#include <check.h>
int main(void)
{
	SRunner *sr = srunner_create(suite_create("probe"));
	srunner_free(sr);
	return 0;
}
EOF
$CC $CFLAGS32 -pthread -o "$tmp/probe_check" "$tmp/probe_check.c" $LIBS32 \
	>"$tmp/probe.log" 2>&1 ||
	skip "no 32-bit libcheck ($(head -n 1 "$tmp/probe.log"))"

# The core reads only ENABLE_NLS from config.h: built without NLS.
cat >"$tmp/config.h" <<'EOF'
/* config.h for tests/unit/m32.sh: no NLS. */
#define PACKAGE "lakip"
#define VERSION "m32"
EOF

# The unit tests that link against the core only.
core_only='s/^tests_unit_\(test_[a-z0-9_]*\)_LDADD = src\/core\/libcore\.a'
core_only="$core_only"' \$(CHECK_LIBS) *$/\1/p'
tests=$(sed -n "$core_only" "$src/Makefile.am" 2>/dev/null)
[ -n "$tests" ] ||
	tests="test_dec test_capaian test_nip test_kinerja test_model_edit"

n=0
passed=0
failed=0
ok() { n=$((n + 1)); passed=$((passed + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1)); failed=$((failed + 1))
	echo "not ok $n - $1"
	[ $# -lt 2 ] || sed -n '1,30s/^/#   /p' "$2"
}
cc32() { # OUT SRC [FLAGS...]: compile one file
	o=$1; s=$2; shift 2
	$CC $CFLAGS32 -pthread -I"$tmp" -I"$src/src" -I"$src/tests/unit" \
		"$@" -c -o "$o" "$s"
}

# The core library.
mkdir -p "$tmp/core"
core_ok=1
for c in "$src"/src/core/*.c; do
	b=$(basename "$c" .c)
	if ! cc32 "$tmp/core/$b.o" "$c" >"$tmp/build.log" 2>&1; then
		not_ok "core: build src/core/$b.c" "$tmp/build.log"
		core_ok=0
	fi
done
if [ $core_ok = 1 ] &&
    ar rcs "$tmp/libcore.a" "$tmp"/core/*.o >"$tmp/build.log" 2>&1; then
	ok "core: src/core/*.c built with -m32 -Werror"
else
	[ $core_ok = 0 ] || not_ok "core: archive libcore.a" "$tmp/build.log"
	core_ok=0
fi

lk_ok=0
if [ $core_ok = 1 ]; then
	if cc32 "$tmp/lktest.o" "$src/tests/unit/lktest.c" \
	    >"$tmp/build.log" 2>&1; then
		lk_ok=1
	else
		not_ok "build tests/unit/lktest.c" "$tmp/build.log"
	fi
fi

# Each test: build, run, renumber its TAP lines.
for t in $tests; do
	if [ $lk_ok = 0 ]; then
		not_ok "$t: not built (the core or lktest.c failed)"
		continue
	fi
	if ! { cc32 "$tmp/$t.o" "$src/tests/unit/$t.c" &&
	    $CC $CFLAGS32 -o "$tmp/$t" "$tmp/$t.o" "$tmp/lktest.o" \
		"$tmp/libcore.a" $LIBS32; } >"$tmp/build.log" 2>&1; then
		not_ok "$t: build" "$tmp/build.log"
		continue
	fi
	rc=0
	(cd "$tmp" && LAKIP_SRCDIR="$src" TMPDIR="$tmp" LANGUAGE=en LC_ALL=C \
		"./$t") >"$tmp/$t.tap" 2>&1 || rc=$?
	while IFS= read -r line; do
		case $line in
		"ok "*) ok "$t: ${line#ok * - }" ;;
		"not ok "*) not_ok "$t: ${line#not ok * - }" ;;
		esac
	done <"$tmp/$t.tap"
	plan=$(sed -n 's/^1\.\.\([0-9][0-9]*\)$/\1/p' "$tmp/$t.tap")
	got=$(grep -c '^\(not \)\{0,1\}ok ' "$tmp/$t.tap")
	if [ $rc != 0 ]; then
		not_ok "$t: exited with status $rc" "$tmp/$t.tap"
	elif [ -z "$plan" ] || [ "$plan" != "$got" ] || [ "$got" = 0 ]; then
		not_ok "$t: ran ${got} of ${plan:-no plan}" "$tmp/$t.tap"
	fi
done

echo "1..$n"
echo "m32: $passed passed, $failed failed"
[ $failed = 0 ]
