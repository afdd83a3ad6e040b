# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tmux.sh - the terminal application driven in a detached tmux on its own
# server socket ($SOCK, set before sourcing): keys in with send-keys, the
# screen read back with capture-pane, polling for what is expected (never
# a blind sleep).  Sourced after lib.sh by the scripts that use it; $DB is
# the database the sessions open, $T/locale the Indonesian catalogue.
: "${SOCK:=lakip-tmux-$$}"
TM() { tmux -L "$SOCK" -f "$T/tmux.conf" "$@"; }
# The sessions end with the server; a program that does not end with
# them (LeakSanitizer's exit-time scan can hang in a process whose
# terminal is gone) is ended here, so that no test leaves one running.
at_exit() {
	tmux -L "$SOCK" kill-server >/dev/null 2>&1
	sleep 0.2
	pkill -KILL -f -- "-d $T/" >/dev/null 2>&1 || true
}
# dbq SQL: a query of $DB beside the running program, waiting while
# it writes (a reader can meet a lock as a writer's handle closes);
# an error is the answer, so that a failing comparison shows it.
dbq() { sqlite3 -cmd ".timeout 5000" "$DB" "$@" 2>&1; }
printf 'set -g remain-on-exit on\nset -g history-limit 100\n' >"$T/tmux.conf"

# start NAME LOGIN [id]: the terminal application as LOGIN, in English
# (in Indonesian, the default, with id).
start() {
	name=$1 u=$2 lang="LANGUAGE=en"
	[ "${3:-}" = id ] && lang="-u LANGUAGE"
	mkdir -p "$T/home-$u" && chmod 0777 "$T/home-$u"
	pre=""
	[ "$u" = root ] || [ "$u" = "$(id -un)" ] || pre="runuser -u $u --"
	TM kill-session -t "$name" >/dev/null 2>&1
	TM new-session -d -s "$name" -x 80 -y 24 \
		"$pre env $lang HOME=$T/home-$u XDG_CONFIG_HOME=$T/home-$u/.config LAKIP_DATA_DIR=$LAKIP_DATA_DIR LAKIP_LOCALEDIR=$T/locale LAKIP_BUSY_TIMEOUT=2000 $LAKIP_BIN -d $DB"
}
keys() { s=$1; shift; TM send-keys -t "$s" "$@"; }
text() { TM send-keys -t "$1" -l "$2"; }
# The screen as one line: of a line with a box on it only what is inside
# the box, frames and runs of spaces squeezed, so that a sentence wrapped
# in a box is found whole.
flat() {
	TM capture-pane -t "$1" -p >"$T/screen.$1" 2>/dev/null
	sed 's/^[^│]*│\(.*\)│[^│]*$/\1/' "$T/screen.$1" | tr '\n' ' ' |
		sed 's/[│┌┐└┘─]/ /g; s/   */ /g' >"$T/flat.$1"
}
# wait_for NAME TEXT: poll until TEXT is on the screen (10 s).
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		flat "$1"
		grep -qF -- "$2" "$T/flat.$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
expect_screen() {
	if wait_for "$2" "$3"; then ok "$1"
	else not_ok "$1: '$3' not on the screen" "$(cat "$T/screen.$2")"; fi
}
# not_on_screen DESCRIPTION NAME TEXT: TEXT is not shown (after the
# screen has settled on something expected before).
not_on_screen() {
	flat "$2"
	if grep -qF -- "$3" "$T/flat.$2"; then not_ok "$1" "$(cat "$T/screen.$2")"
	else ok "$1"; fi
}
# The screen line that holds TEXT.
line_of() { flat "$1"; grep -F -- "$2" "$T/screen.$1" | head -n 1; }
# status_is DESCRIPTION NAME TEXT: the status line (the last but one)
# starts with TEXT, in time.
status_is() {
	i=0
	while [ $i -lt 100 ]; do
		flat "$2"
		sed -n 23p "$T/screen.$2" | grep -q "^ $3" && { ok "$1"; return; }
		sleep 0.1
		i=$((i + 1))
	done
	not_ok "$1: the status line does not start with '$3'" "$(cat "$T/screen.$2")"
}
# A refusal too long for the status line comes in a box: close it.
close_box() { flat "$1"; grep -qF "Not allowed" "$T/flat.$1" && keys "$1" Enter; }

