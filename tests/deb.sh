#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# deb.sh - build the Debian package of lakip as a throwaway ordinary user
# from a clean git clone, check it with lintian, install it into this
# system, smoke-test the installed program, remove it again.  Run as root
# (CI does); installs what it needs with apt-get.
#
#   tests/deb.sh [--check] [--worktree] [--keep]
#
#   --check     run the test suite during the package build (default: the
#               build uses DEB_BUILD_OPTIONS=nocheck, as CI runs the suite
#               separately); also DEB_CHECK=1
#   --worktree  build the files of the working tree (tracked and untracked,
#               not ignored) instead of a clone of the last commit
#   --keep      keep the work directory (source, logs, the .deb) and say where
#
# Ends with the line "deb: N passed, N failed"; exits non-zero on failure.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
check=${DEB_CHECK:-0}
worktree=0
keep=0
for a; do
	case $a in
	--check) check=1 ;;
	--worktree) worktree=1 ;;
	--keep) keep=1 ;;
	-h|--help) sed -n '4,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "deb.sh: unknown option $a (try --help)" >&2; exit 64 ;;
	esac
done

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() {
	failed=$((failed + 1)); echo "not ok - $1"
	[ -n "${2:-}" ] && [ -f "$2" ] && tail -n "${3:-25}" "$2" | sed 's/^/#   /'
	return 0
}
finish() {
	echo "deb: $passed passed, $failed failed"
	[ "$failed" = 0 ]
	exit $?
}

if [ "$(id -u)" != 0 ]; then
	echo "deb.sh: run as root (it installs packages and a throwaway user)" >&2
	not_ok "running as root"
	finish
fi

export DEBIAN_FRONTEND=noninteractive
work=$(mktemp -d /tmp/lakip-deb-XXXXXX)
chmod 755 "$work"
user="lkdeb$$"
log="$work/log"
installed=0
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
	if [ "$installed" = 1 ]; then dpkg -P lakip >/dev/null 2>&1 || true; fi
	if id "$user" >/dev/null 2>&1; then
		i=0   # the account goes once its last process has ended
		while [ "$i" -lt 50 ] && pgrep -u "$user" >/dev/null 2>&1; do
			sleep 0.1; i=$((i + 1))
		done
		userdel "$user" >/dev/null 2>&1 || userdel -f "$user" >/dev/null 2>&1 || true
	fi
	if [ "$keep" = 1 ]; then
		chown -R root: "$work" 2>/dev/null
		echo "deb.sh: kept $work (build.log, lintian.log, the .deb)" >&2
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
trap 'exit 1' HUP INT PIPE TERM

# 1. The packaging tools, then the build dependencies from debian/control.
tools="dpkg-dev debhelper lintian git man-db poppler-utils passwd util-linux"
missing=""
for p in $tools; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	# shellcheck disable=SC2086
	# A list that fails to update (a mirror in the middle of a sync)
	# leaves the install to the lists there are.
	if { apt-get update -qq || true; apt-get install -y -qq --no-install-recommends $missing; } >"$log" 2>&1
	then ok "packaging tools installed:$missing"
	else not_ok "installing the packaging tools:$missing" "$log"; finish
	fi
else
	ok "packaging tools present"
fi

# 2. The source: a clean clone of the repository (or the working tree),
# owned by a throwaway ordinary user.
home="$work/home"
if ! useradd -M -d "$home" -s /bin/sh "$user" >"$log" 2>&1; then
	not_ok "creating the build user $user" "$log"; finish
fi
mkdir -p "$home"
src="$home/lakip"
# shellcheck disable=SC2016  # the inner sh -c script is single-quoted
copy_source() {
	if [ "$worktree" = 1 ]; then
		# Tracked and untracked files that exist (not deleted ones).
		mkdir -p "$src" &&
		(cd "$top" && git ls-files -z -c -o --exclude-standard |
			xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
			tar --null -T - -cf -) | (cd "$src" && tar -xf -)
	else
		git clone -q --no-hardlinks "$top" "$src"
	fi
}
if copy_source >"$log" 2>&1 && [ -f "$src/debian/control" ]; then
	chown -R "$user:" "$home"
	ok "source copied for $user ($( [ "$worktree" = 1 ] && echo working tree || echo "git clone of $(cd "$top" && git rev-parse --short HEAD)"))"
else
	not_ok "copying the source" "$log"; finish
fi

profiles=""
opts="nocheck"
if [ "$check" = 1 ]; then opts=""; else profiles="nocheck"; fi
builddep() {
	apt-get build-dep -y -qq --no-install-recommends ${profiles:+-P "$profiles"} "$src"
}
if builddep >"$log" 2>&1 || { apt-get update -qq || true; builddep; } >"$log" 2>&1
then ok "build dependencies installed"
else not_ok "installing the build dependencies" "$log"; finish
fi

# as_user CMD: run CMD (sh -c) as the build user in a clean environment.
as_user() {
	runuser -u "$user" -- env -i HOME="$home" USER="$user" LOGNAME="$user" \
		PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 TERM=dumb \
		DEB_BUILD_OPTIONS="$opts" DEB_BUILD_PROFILES="$profiles" \
		sh -c "$1"
}

# 3. The package, built as the ordinary user.
start=$(date +%s)
if as_user "cd '$src' && dpkg-buildpackage -us -uc -b" >"$work/build.log" 2>&1; then
	ok "dpkg-buildpackage -us -uc -b as $user ($(($(date +%s) - start)) s${opts:+, $opts})"
else
	not_ok "dpkg-buildpackage -us -uc -b" "$work/build.log" 40
	grep -E '^(FAIL|ERROR|XPASS):' "$work/build.log" | sed 's/^/#   /'
	finish
fi
if [ "$check" = 1 ]; then
	# The suite ran inside the build: its totals (automake's summary).
	sum=$(sed -n 's/^# \(TOTAL\|PASS\|SKIP\|FAIL\|ERROR\): *\([0-9]*\)$/\1 \2/p' "$work/build.log" |
		tr '\n' ' ')
	case $sum in
	*TOTAL*"FAIL 0 ERROR 0"*) ok "make check during the build: ${sum% }" ;;
	*) not_ok "make check during the build: ${sum:-no test summary}" "$work/build.log" 40 ;;
	esac
fi
deb=""; changes=""
for f in "$home"/lakip_*.deb; do [ -f "$f" ] && deb=$f; done
for f in "$home"/lakip_*.changes; do [ -f "$f" ] && changes=$f; done
if [ -n "$deb" ] && [ -n "$changes" ]; then ok "built $(basename "$deb")"
else not_ok "no .deb or .changes in $home"; finish
fi

# 4. lintian: no errors, no warnings.
lrc=0
as_user "lintian --display-info '$changes'" >"$work/lintian.log" 2>&1 || lrc=$?
bad=$(grep -c '^[EW]: ' "$work/lintian.log")
sed 's/^/# lintian: /' "$work/lintian.log"
if [ "$bad" = 0 ] && [ "$lrc" = 0 ]
then ok "lintian $(lintian --print-version) $(basename "$changes"): no errors, no warnings ($(grep -c '^[IP]: ' "$work/lintian.log") info)"
else not_ok "lintian: $bad errors or warnings (exit $lrc)"
fi

# 5. Installed into the system with dpkg -i (missing dependencies from apt).
if { dpkg -i "$deb" || apt-get install -y -qq --no-install-recommends -f; } >"$log" 2>&1 &&
	dpkg-query -W -f='${Status}' lakip 2>/dev/null | grep -q 'ok installed'
then installed=1; ok "installed $(basename "$deb")"
else not_ok "installing $(basename "$deb")" "$log"; finish
fi

# 6. The installed program, run by the ordinary user: no help from the
# source tree, its data (templates, forms, catalogue, fonts) from the
# installed paths.
cd /
t="$home/smoke"
as_user "mkdir -p '$t'"
ver=$(sed -n '1s/^lakip (\([^)]*\)).*/\1/p' "$src/debian/changelog")
if as_user "lakip --version" >"$log" 2>&1 && grep -q "^lakip ${ver%%-*}" "$log"
then ok "lakip --version: $(head -n 1 "$log")"
else not_ok "lakip --version (expected lakip ${ver%%-*})" "$log"
fi
if as_user "MANPAGER=cat MANWIDTH=80 man lakip" >"$log" 2>&1 && grep -q 'lakip' "$log" &&
	[ -n "$(man -w lakip-template 2>/dev/null)" ] && [ -n "$(man -w lakip-forms 2>/dev/null)" ]
then ok "man lakip ($(wc -l <"$log") lines), lakip-template(5), lakip-forms(5)"
else not_ok "man lakip" "$log"
fi
if as_user "lakip --help" >"$log" 2>&1 && grep -q '^Penggunaan: lakip' "$log"
then ok "Indonesian messages from the installed catalogue"
else not_ok "Indonesian messages from the installed catalogue" "$log"
fi
if as_user "lakip --lang en --help" >"$log" 2>&1 && grep -q '^Usage: lakip' "$log"
then ok "English messages with --lang en"
else not_ok "English messages with --lang en" "$log"
fi
ex=/usr/share/doc/lakip/examples/kesbangpol-kalteng-2023.yaml
if as_user "lakip -d '$t/x.db' import '$ex'" >"$log" 2>&1
then ok "lakip import $ex"
else not_ok "lakip import $ex" "$log"
fi
if as_user "lakip -d '$t/x.db' report --tahun 2023 --triwulan 2 -o '$t/x.pdf'" >"$log" 2>&1 &&
	[ -s "$t/x.pdf" ]
then ok "lakip report --tahun 2023 --triwulan 2 ($(wc -c <"$t/x.pdf") bytes)"
else not_ok "lakip report --tahun 2023 --triwulan 2" "$log"
fi
if pdftotext "$t/x.pdf" - >"$log" 2>&1 && grep -qi 'LAPORAN KINERJA' "$log" &&
	grep -q '65,00' "$log"
then
	ok "pdftotext: the report's text"
	head -n 12 "$log" | sed 's/^/#   /'
else not_ok "pdftotext: the report's text (LAPORAN KINERJA, 65,00)" "$log" 12
fi
if as_user "lakip -d '$t/x.db' show --tahun 2023 --triwulan 2" >"$log" 2>&1 &&
	grep -q '65,00' "$log"
then ok "lakip show --tahun 2023 --triwulan 2"
else not_ok "lakip show --tahun 2023 --triwulan 2" "$log"
fi
if [ -f /usr/share/bash-completion/completions/lakip ]
then ok "bash completion installed"
else not_ok "bash completion installed (/usr/share/bash-completion/completions/lakip)"
fi
# The shared server: the program is setgid to the system group lakip; a
# database made with init --group lakip is read by the user through
# lakip, not with his own rights.
if [ "$(stat -c '%U:%G %a' /usr/bin/lakip)" = "root:lakip 2755" ]
then ok "/usr/bin/lakip is setgid to the group lakip (dpkg-statoverride)"
else not_ok "/usr/bin/lakip is setgid to the group lakip: $(stat -c '%U:%G %a' /usr/bin/lakip)"
fi
srv=$(mktemp -d /tmp/lakip-srv-XXXXXX)
chmod 0755 "$srv"
if lakip -d "$srv/db/k.db" init --group lakip >"$log" 2>&1 &&
	lakip -d "$srv/db/k.db" import "$ex" >>"$log" 2>&1 &&
	[ "$(stat -c '%G %a' "$srv/db" "$srv/db/k.db" | tr '\n' ' ')" = "lakip 2770 lakip 660 " ] &&
	as_user "lakip -d '$srv/db/k.db' show --tahun 2023 --triwulan 2" >>"$log" 2>&1 &&
	grep -q '65,00' "$log" && ! as_user "cat '$srv/db/k.db'" >/dev/null 2>&1
then ok "init --group lakip: the user reads through lakip, not with cat"
else not_ok "init --group lakip: the user reads through lakip, not with cat" "$log"
fi
rm -rf "$srv"

# 7. Removed again, leaving nothing behind.
if dpkg -P lakip >"$log" 2>&1 && [ ! -e /usr/bin/lakip ] &&
	[ ! -e /usr/share/lakip ] && [ ! -e /usr/share/doc/lakip ] &&
	! dpkg-statoverride --list /usr/bin/lakip >/dev/null 2>&1
then installed=0; ok "dpkg -P lakip removes it"
else not_ok "dpkg -P lakip" "$log"
fi

finish
