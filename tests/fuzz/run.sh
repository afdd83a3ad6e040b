#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tests/fuzz/run.sh - build lakip's fuzz targets and run each one briefly.
#
# Usage: tests/fuzz/run.sh [SECONDS_PER_TARGET] [SRCDIR]
#   SECONDS_PER_TARGET  fuzzing time of each target (default 20)
#   SRCDIR              the source tree (default: the one holding this script)
#
# A separate out-of-tree build of the project is configured in a temporary
# directory with clang, AddressSanitizer, UndefinedBehaviorSanitizer and
# libFuzzer's coverage; only the static libraries the targets link are
# made (of src/tui, only the two objects they need).  Each
# tests/fuzz/fuzz_NAME.c is linked into a libFuzzer program NAME and run
# on a copy of tests/fuzz/corpus/NAME with a dictionary (*.dict here);
# targets run side by side, FUZZ_JOBS at a time (default: the number of
# processors).  One TAP line per target, then the last line
#   fuzz: N passed, N failed
# A crash, leak, timeout (10 s for one input) or OOM (2048 MB) of a target
# is a failure: the input is kept (its path and first bytes in hex are
# printed) and the temporary directory is left in place.  Inputs of bugs
# already reported are kept in tests/fuzz/crashes/NAME-SHORT.bin: each is
# run once against its target and reported as "known" (not failed) while
# it still fails, and as fixed when it no longer does.
#
# Exit status: 0 when every target passed, 1 when one failed (or the build
# did), 77 when clang or its libFuzzer runtime is missing.
#
# Debian 12 (bookworm) packages: the fuzzer's compiler and runtime
#   clang libclang-rt-14-dev
# (libclang-rt-14-dev is only recommended by clang: install it explicitly
# with --no-install-recommends), and lakip's build dependencies
#   build-essential autoconf automake autopoint gettext pkg-config
#   libncurses-dev libyaml-dev libsqlite3-dev libhpdf-dev libssl-dev
#   libqrencode-dev fonts-liberation2
# (fonts-liberation2: a template loads only when its fonts exist).
#
# Environment: FUZZ_JOBS (targets run at once), FUZZ_TARGETS (names, space
# separated: a subset), CC (default clang), TMPDIR (where the temporary
# directory goes).  The targets' temporary files (one per process, for the
# entry points that read a path) go to a directory in /dev/shm.
set -u

secs=${1:-20}
here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(cd "${2:-$here/../..}" 2>/dev/null && pwd) || {
	echo "fuzz: no source directory ${2:-}" >&2
	exit 1
}
case $secs in
'' | *[!0-9]*)
	echo "usage: tests/fuzz/run.sh [SECONDS_PER_TARGET] [SRCDIR]" >&2
	exit 1
	;;
esac
CC=${CC:-clang}
jobs=${FUZZ_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
case $jobs in '' | *[!0-9]* | 0) jobs=2 ;; esac
# Every tests/fuzz/fuzz_NAME.c is a target NAME.
all_targets=$(cd "$here" && for f in fuzz_*.c; do n=${f#fuzz_}; echo "${n%.c}"; done)
targets=${FUZZ_TARGETS:-$all_targets}
start=$(date +%s)

# ---- the compiler and its libFuzzer runtime ----------------------------
if ! command -v "$CC" >/dev/null 2>&1; then
	echo "fuzz: $CC not found: apt-get install clang libclang-rt-14-dev (Debian 12)"
	exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/lakip-fuzz.XXXXXX") || exit 1
keep=false
# The targets' temporary files (one per process): in memory when /dev/shm
# can hold them.
tmpfiles=""
[ -d /dev/shm ] && [ -w /dev/shm ] && tmpfiles=$(mktemp -d /dev/shm/lakip-fuzz.XXXXXX 2>/dev/null)
[ -n "$tmpfiles" ] || { tmpfiles="$work/tmp"; mkdir -p "$tmpfiles"; }
cleanup() {
	case $tmpfiles in "$work"/*) ;; *) rm -rf "$tmpfiles" ;; esac
	if $keep; then
		rm -rf "$work/build" "$work/corpus"
		echo "fuzz: findings and logs kept in $work"
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' >"$work/probe.c"
if ! "$CC" -fsanitize=fuzzer,address,undefined -o "$work/probe" "$work/probe.c" >"$work/probe.log" 2>&1; then
	v=$("$CC" -dumpversion 2>/dev/null | cut -d. -f1)
	echo "fuzz: $CC cannot link a libFuzzer program (-fsanitize=fuzzer):"
	sed 's/^/fuzz:   /' "$work/probe.log" | head -n 5
	echo "fuzz: apt-get install libclang-rt-${v:-14}-dev (the fuzzer runtime of clang ${v:-14})"
	exit 77
fi

# ---- the build ---------------------------------------------------------
bail() {
	keep=true
	echo "not ok 1 - build: $1"
	[ -n "${2:-}" ] && [ -f "$2" ] && tail -n 30 "$2" | sed 's/^/# /'
	echo "fuzz: 0 passed, 1 failed"
	exit 1
}
if [ -f "$srcdir/config.status" ]; then
	bail "$srcdir is configured in place: an out-of-tree build needs 'make distclean' there"
fi
if [ ! -x "$srcdir/configure" ] ||
   [ -z "$(find "$srcdir/configure" -newer "$srcdir/configure.ac" 2>/dev/null)" ]; then
	(cd "$srcdir" && autoreconf -fi) >"$work/autoreconf.log" 2>&1 ||
		bail "autoreconf -fi failed in $srcdir" "$work/autoreconf.log"
fi
san='-g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer'
mkdir -p "$work/build" "$work/bin" "$work/corpus" "$work/findings" "$work/log" "$work/xdg"
b="$work/build"
(cd "$b" && CC="$CC" "$srcdir/configure" -q --disable-werror CFLAGS="$san") \
	>"$work/log/configure.log" 2>&1 || bail "configure failed" "$work/log/configure.log"
# What the targets link: sign, report, io, core, and of src/tui only
# formdesc.c and the built-in forms (forms_builtin.c, which make
# generates): those two objects are made and archived here, and when their
# names change the whole of src/tui/libtui.a is made instead.  (No target
# needs src/store.)
libs="src/sign/libsign.a src/report/libreport.a src/io/libio.a src/core/libcore.a"
tui_objs="src/tui/libtui_a-formdesc.o src/tui/libtui_a-forms_builtin.o"
# shellcheck disable=SC2086
if (cd "$b" && make -j"$jobs" $libs $tui_objs) >"$work/log/make.log" 2>&1 &&
   (cd "$b" && rm -f src/tui/libfuzz-tui.a && "${AR:-ar}" cr src/tui/libfuzz-tui.a $tui_objs &&
    "${RANLIB:-ranlib}" src/tui/libfuzz-tui.a) >>"$work/log/make.log" 2>&1; then
	libs="src/tui/libfuzz-tui.a $libs"
else
	libs="src/tui/libtui.a $libs"
	# shellcheck disable=SC2086
	(cd "$b" && make -j"$jobs" $libs) >>"$work/log/make.log" 2>&1 ||
		bail "make of the libraries failed" "$work/log/make.log"
fi

# External libraries: pkg-config, and whatever else configure found for
# the program (a library added to lakip later links too).
ext_libs=""
for m in ncursesw formw menuw panelw yaml-0.1 sqlite3 libssl libcrypto libqrencode; do
	ext_libs="$ext_libs $(pkg-config --libs "$m" 2>/dev/null)"
done
ext_libs="$ext_libs -lhpdf -lhyphen -lm"
ext_cflags="$(pkg-config --cflags yaml-0.1 2>/dev/null) $(pkg-config --cflags libcrypto 2>/dev/null)"
# shellcheck disable=SC2016
printf 'lk-fuzz-libs:\n\t@echo $(LAKIP_EXT_LIBS)\n' >"$work/libs.mk"
ext_libs="$ext_libs $(cd "$b" && make -s -f Makefile -f "$work/libs.mk" lk-fuzz-libs 2>/dev/null)"
lib_paths=""
for l in $libs; do lib_paths="$lib_paths $b/$l"; done

# ---- targets -----------------------------------------------------------
dict_of() {
	case $1 in
	exchange | yamldoc | formdesc | template | predikat) echo "$here/yaml.dict" ;;
	dec | fdvalidate) echo "$here/dec.dict" ;;
	markup) echo "$here/markup.dict" ;;
	pdfparse | verify) echo "$here/pdf.dict" ;;
	png) echo "$here/png.dict" ;;
	*) echo "" ;;
	esac
}
# Seeds a target also reads (not copied, never written).
extra_seeds_of() {
	case $1 in
	pdfparse) echo "$here/corpus/verify" ;;
	verify) echo "$here/corpus/pdfparse" ;;
	yamldoc) echo "$here/corpus/exchange $here/corpus/template" ;;
	*) echo "" ;;
	esac
}

build_target() {
	# shellcheck disable=SC2086
	"$CC" -std=c11 -Wall -Wextra -g -O1 -fno-omit-frame-pointer \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-I"$srcdir/src" -I"$b" -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
		$ext_cflags -o "$work/bin/$1" "$here/fuzz_$1.c" $lib_paths $ext_libs
}

fuzz_env() {
	env ASAN_OPTIONS=detect_leaks=1 \
		UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		LAKIP_DATA_DIR="$srcdir" XDG_CONFIG_HOME="$work/xdg" HOME="$work/xdg" \
		LAKIP_FUZZ_TMP="$tmpfiles" "$@"
}

run_target() {
	t=$1
	d=$(dict_of "$t")
	rm -rf "$work/corpus/$t"
	mkdir -p "$work/corpus/$t"
	[ -d "$here/corpus/$t" ] && cp "$here/corpus/$t"/* "$work/corpus/$t"/ 2>/dev/null
	to=""
	command -v timeout >/dev/null 2>&1 && to="timeout -k 10 $((secs + 120))"
	# shellcheck disable=SC2046,SC2086
	(cd "$work/log" && fuzz_env $to "$work/bin/$t" -max_total_time="$secs" \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		${d:+-dict="$d"} -artifact_prefix="$work/findings/$t-" \
		"$work/corpus/$t" $(extra_seeds_of "$t")) >"$work/log/$t.log" 2>&1
	echo $? >"$work/log/$t.rc"
}

# One input in hex (the first 128 bytes), as "# " lines.
hex() {
	od -An -tx1 -v "$1" | head -n 8 | sed 's/^ */#   /'
	sz=$(wc -c <"$1" | tr -d ' ')
	[ "$sz" -gt 128 ] && echo "#   ... ($sz bytes)"
	return 0
}

# Why a run failed: the sanitizer's or libFuzzer's lines that say it.
why() {
	grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz: BUG|.*runtime error:|    #[0-9] )' "$1" |
		grep -v 'in fuzzer::' | head -n 12 | sed 's/^/#   /'
}

passed=0
failed=0
known=0
n=0
# shellcheck disable=SC2086
set -- $targets
nknown=0
for f in "$here"/crashes/*.bin; do [ -f "$f" ] && nknown=$((nknown + 1)); done
echo "1..$(($# + nknown))"
# Link the targets, FUZZ_JOBS at a time.
build_one() {
	build_target "$1" >"$work/log/$1.build.log" 2>&1
	echo $? >"$work/log/$1.build.rc"
}
# shellcheck disable=SC2086
set -- $targets
while [ $# -gt 0 ]; do
	pids=""
	i=0
	while [ $# -gt 0 ] && [ $i -lt "$jobs" ]; do
		[ -f "$here/fuzz_$1.c" ] && { build_one "$1" & pids="$pids $!"; }
		shift
		i=$((i + 1))
	done
	for p in $pids; do wait "$p"; done
done
built=""
for t in $targets; do
	if [ ! -f "$here/fuzz_$t.c" ]; then
		n=$((n + 1)); failed=$((failed + 1))
		echo "not ok $n - $t: no tests/fuzz/fuzz_$t.c"
	elif [ "$(cat "$work/log/$t.build.rc" 2>/dev/null)" = 0 ]; then
		built="$built $t"
	else
		n=$((n + 1)); failed=$((failed + 1)); keep=true
		echo "not ok $n - $t: does not build"
		tail -n 10 "$work/log/$t.build.log" | sed 's/^/#   /'
	fi
done
echo "# built in $(($(date +%s) - start)) s"

# Run FUZZ_JOBS at a time.
# shellcheck disable=SC2086
set -- $built
while [ $# -gt 0 ]; do
	pids=""
	i=0
	while [ $# -gt 0 ] && [ $i -lt "$jobs" ]; do
		run_target "$1" &
		pids="$pids $!"
		shift
		i=$((i + 1))
	done
	for p in $pids; do wait "$p"; done
done

for t in $built; do
	n=$((n + 1))
	rc=$(cat "$work/log/$t.rc" 2>/dev/null || echo 1)
	log="$work/log/$t.log"
	done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1)
	runs=$(grep '^stat::number_of_executed_units:' "$log" | awk '{print $2}')
	rate=$(grep '^stat::average_exec_per_sec:' "$log" | awk '{print $2}')
	cov=$(echo "$done_line" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$done_line" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
	corp=$(echo "$done_line" | sed -n 's/.*corp: \([0-9]*\).*/\1/p')
	if [ "$rc" = 0 ]; then
		passed=$((passed + 1))
		echo "ok $n - $t: ${runs:-?} runs (${rate:-?}/s), cov ${cov:-?}, ft ${ft:-?}, corpus ${corp:-?}"
		continue
	fi
	failed=$((failed + 1))
	keep=true
	found=""
	for f in "$work/findings/$t-"*; do
		[ -f "$f" ] || continue
		case ${f##*/} in "$t-slow-unit-"*) continue ;; esac
		found="$f"
	done
	if [ -n "$found" ]; then
		kind=${found##*/"$t"-}
		kind=${kind%%-*}
		echo "not ok $n - $t: $kind, input kept in $found"
		why "$log"
		hex "$found"
	else
		echo "not ok $n - $t: exit status $rc (no input kept), log in $log"
		tail -n 12 "$log" | sed 's/^/#   /'
	fi
done

# Known bugs: their inputs run once (a single input: libFuzzer runs it
# and stops).
for f in "$here"/crashes/*.bin; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	base=${f##*/}
	t=${base%%-*}
	if [ ! -x "$work/bin/$t" ]; then
		echo "not ok $n - known $base: target $t not built # TODO"
		known=$((known + 1))
		continue
	fi
	if (cd "$work/log" && fuzz_env "$work/bin/$t" -runs=1 "$f") \
		>"$work/log/known-$base.log" 2>&1; then
		passed=$((passed + 1))
		echo "ok $n - known $base: no longer fails (fixed: remove tests/fuzz/crashes/$base)"
	else
		known=$((known + 1))
		echo "not ok $n - known $base: still fails # TODO known bug"
		why "$work/log/known-$base.log"
	fi
done

echo "# $(($(date +%s) - start)) s in all, $secs s per target, $jobs at a time"
[ "$known" -gt 0 ] && echo "fuzz: $known known (tests/fuzz/crashes)"
echo "fuzz: $passed passed, $failed failed"
[ "$failed" = 0 ]
