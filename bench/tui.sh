#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tui.sh - time the terminal application on the synthetic data set, in a
# detached tmux at 80x24: start to the first screen, to the full capaian
# preview, and 1,000 scripted keystrokes through the IKU realisation grid.
#   bench/tui.sh [BUILD_DIR]     (default: ./build)
# Times are wall clock as seen by polling the screen every 5 ms, so they
# include tmux's own delay (a few ms).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
lakip="$build/lakip"
[ -x "$lakip" ] || { echo "bench: build first (./quickstart run)" >&2; exit 1; }
w=$(mktemp -d)
S="lakip-bench-$$"
trap 'tmux -L "$S" kill-server 2>/dev/null; rm -rf "$w"' EXIT
export LAKIP_DATA_DIR="$here"

"$here/bench/gen-synthetic.sh" >"$w/syn.yaml"
"$lakip" -d "$w/b.db" import "$w/syn.yaml" >/dev/null

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
screen() { tmux -L "$S" capture-pane -p -t B; }
until_text() {  # until_text TEXT: poll every 5 ms, at most 30 s
	i=0
	while ! screen | grep -qF -- "$1"; do
		sleep 0.005; i=$((i + 1))
		[ $i -lt 6000 ] || { echo "bench: '$1' never appeared" >&2; screen >&2; exit 1; }
	done
}

t0=$(now)
tmux -L "$S" -f /dev/null new-session -d -s B -x 80 -y 24 \
	"env LANGUAGE=en XDG_DATA_HOME=$w/xdg $lakip -d $w/b.db"
until_text "Choose the period"
t1=$(now)
echo "start to the first screen:          $(ms "$t0" "$t1") ms"

# The latest quarter's step menu, then step 9 (preview).
tmux -L "$S" send-keys -t B Enter
until_text "Steps of Quarter"
tmux -L "$S" send-keys -t B Down Down Down Down Down Down Down Down
sleep 0.3
t3=$(now)
tmux -L "$S" send-keys -t B Enter
until_text "Capaian of the IKU"
t4=$(now)
echo "open the full capaian preview:      $(ms "$t3" "$t4") ms"

# Back to the menu, step 4: the IKU grid; 1,000 keystrokes (values typed
# and Down, down the rows: with Enter the burst of text and line breaks
# that tmux writes at once would be taken as a pasted block).
tmux -L "$S" send-keys -t B Escape
until_text "Steps of Quarter"
tmux -L "$S" send-keys -t B Home Down Down Down Enter
until_text "IKU realisations"
keys=""
n=0
while [ $n -lt 200 ]; do keys="$keys 7 5 , 5 Down"; n=$((n + 1)); done
t5=$(now)
# shellcheck disable=SC2086
tmux -L "$S" send-keys -t B $keys
tmux -L "$S" send-keys -t B -l 'END'
until_text "END"
t6=$(now)
echo "1,000 keystrokes through the grid:  $(ms "$t5" "$t6") ms"

# A column of 4,000 values as Excel copies it (CRLF), pasted bracketed
# (tmux's paste-buffer -p) from the row the keystrokes reached: every
# value checked, all set.
awk 'BEGIN { for (i = 1; i <= 4000; i++) printf "%d,%02d\r\n", 60 + i % 40, i % 100 }' >"$w/col"
tmux -L "$S" load-buffer -b col "$w/col"
t7=$(now)
tmux -L "$S" paste-buffer -p -b col -t B
until_text "Pasted 4000 cells"
t8=$(now)
echo "paste of 4,000 values into the grid: $(ms "$t7" "$t8") ms"
