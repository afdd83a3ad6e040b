#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# The terminal application, driven in a detached tmux on its own server
# socket: keys in with send-keys, the screen read back with capture-pane,
# polling for what is expected (never a blind sleep).
. "$(dirname "$0")/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed (apt-get install tmux)"
	exit 0
fi

SOCK="lakip-test-$$"
TM() { tmux -L "$SOCK" -f "$T/tmux.conf" "$@"; }
# The sessions end with the server; a program that does not end with
# them (LeakSanitizer's exit-time scan can hang in a process whose
# terminal is gone) is ended here, so that no test leaves one running.
at_exit() {
	tmux -L "$SOCK" kill-server >/dev/null 2>&1
	sleep 0.2
	pkill -KILL -f -- "-d $T/" >/dev/null 2>&1 || true
}
# The pane stays after lakip ends, so that its last words can be read.
printf 'set -g remain-on-exit on\nset -g history-limit 100\n' >"$T/tmux.conf"

# The Indonesian catalogue, from the source tree.
mkdir -p "$T/locale/id/LC_MESSAGES"
msgfmt -o "$T/locale/id/LC_MESSAGES/lakip.mo" "$LAKIP_SRCDIR/po/id.po" 2>/dev/null
export LAKIP_LOCALEDIR="$T/locale"

DB="$T/tui.db"
ENVS="HOME=$T/home XDG_CONFIG_HOME=$T/home/.config LAKIP_DATA_DIR=$LAKIP_DATA_DIR LAKIP_LOCALEDIR=$T/locale LAKIP_BUSY_TIMEOUT=300 EDITOR=$T/editor.sh"

# start NAME W H [-u VAR | VAR=VALUE]... -- ARGS...: lakip in a new
# session ($AS: a command prefix, e.g. to run as another user).
start() {
	name=$1 w=$2 h=$3
	shift 3
	unset_opts="" assigns=""
	while [ "$1" != "--" ]; do
		case $1 in
		-u) unset_opts="$unset_opts -u $2"; shift 2 ;;
		*) assigns="$assigns $1"; shift ;;
		esac
	done
	shift
	TM kill-session -t "$name" >/dev/null 2>&1
	rm -f "$T/status.$name"
	# The shell stays as the pane's process and records lakip's exit
	# status (tmux's own pane_dead_status is not always filled in).
	TM new-session -d -s "$name" -x "$w" -y "$h" \
		"${AS:-} env $unset_opts $ENVS $assigns $LAKIP_BIN $*; echo \$? >'$T/status.$name'"
}
# status_of NAME: lakip's exit status, once it has ended.
status_of() {
	i=0
	while [ $i -lt 50 ] && [ ! -s "$T/status.$1" ]; do sleep 0.1; i=$((i + 1)); done
	cat "$T/status.$1" 2>/dev/null
}
keys() { s=$1; shift; TM send-keys -t "$s" "$@"; }
text() { TM send-keys -t "$1" -l "$2"; }
screen() { TM capture-pane -t "$1" -p >"$T/screen.$1"; cat "$T/screen.$1"; }
cursor() { TM display -p -t "$1" '#{cursor_x},#{cursor_y}'; }
dead() { [ "$(TM display -p -t "$1" '#{pane_dead}' 2>/dev/null)" = 1 ]; }
# wait_for NAME TEXT [TENTHS]: poll the screen until TEXT appears.
wait_for() {
	i=0
	while [ $i -lt "${3:-100}" ]; do
		TM capture-pane -t "$1" -p >"$T/screen.$1" 2>/dev/null
		grep -qF -- "$2" "$T/screen.$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# expect_screen DESCRIPTION NAME TEXT: TEXT appears on the screen.
expect_screen() {
	if wait_for "$2" "$3"; then ok "$1"
	else not_ok "$1: '$3' not on the screen" "$(cat "$T/screen.$2")"; fi
}
# wait_dead NAME: until lakip has ended.
wait_dead() {
	i=0
	while [ $i -lt 100 ] && ! dead "$1"; do sleep 0.1; i=$((i + 1)); done
	dead "$1"
}
# pid_of NAME: the lakip process (the child of the pane's shell).
pid_of() { pgrep -n -P "$(TM display -p -t "$1" '#{pane_pid}')"; }
# The row of the first screen line holding TEXT (0-based).
row_of() { grep -nF -- "$2" "$T/screen.$1" | head -n 1 | cut -d: -f1 | awk '{ print $1 - 1 }'; }

mkdir -p "$T/home"
cat >"$T/editor.sh" <<'EOF'
#!/bin/sh
printf 'Ditulis di editor: baris satu.\nBaris dua.\n' >>"$1"
EOF
chmod +x "$T/editor.sh"

# ---------------------------------------------------------------------
# 1. An empty database: the agency, a sasaran with an IKU, a program.
start A 80 24 LANGUAGE=en -- -d "$DB"
expect_screen "empty database: welcome" A "The database is empty"
keys A Enter
expect_screen "asks the year of the first plan" A "Year of the first plan"
keys A C-u; text A 2023; keys A Enter
expect_screen "agency form" A "Agency code *"
text A kesbangpol-kalteng; keys A Tab
text A "Badan Kesatuan Bangsa dan Politik Provinsi Kalimantan Tengah"; keys A Tab
text A "Pemerintah Provinsi Kalimantan Tengah"; keys A Tab
text A "Palangka Raya"; keys A Tab Tab
text A "Dr. H.M. KATMA F. DIRUN, S.E., M.M."; keys A Tab
text A "Kepala Badan"; keys A Tab
text A "Pembina Utama Madya (IV/d)"; keys A Tab
text A "196610221993081001"; keys A Tab
expect_screen "NIP shown in its printed form" A "19661022 199308 1 001"
keys A F2
expect_screen "agency saved: period screen" A "Choose the period"
expect_screen "quarter rows on the start screen" A "Quarter II"
keys A Down Enter
expect_screen "steps of the quarter" A "Steps of Quarter II 2023"
keys A Down Enter
expect_screen "step indicator" A "Step 2 of 10"
keys A IC
expect_screen "sasaran form" A "Objective code *"
text A SS1; keys A Tab
text A "Meningkatnya Jumlah Masyarakat Yang Paham Terhadap Politik"
keys A F2
expect_screen "sasaran in the list" A "SS1"
keys A IC
expect_screen "add asks sasaran or IKU" A "A new IKU of SS1"
keys A Enter
expect_screen "IKU form" A "IKU code *"
text A IKU1; keys A Tab
text A "Skor IDI Aspek Hak-Hak Politik Provinsi Kalimantan Tengah"; keys A Tab
text A nilai; keys A Tab Tab
text A "78,5"; keys A Tab
expect_screen "decimal shown in canonical form" A "78,50"
keys A F2
expect_screen "IKU in the list" A "IKU1"
keys A F8
expect_screen "next step: programs" A "Step 3 of 10"
keys A IC
expect_screen "program form" A "Program code *"
text A P01; keys A Tab
text A "Program Penunjang Urusan Pemerintah Daerah Provinsi"; keys A Tab
text A 11393254909; keys A Tab
expect_screen "money shown with thousands dots" A "11.393.254.909"
keys A F2
expect_screen "program in the list" A "P01"
lakip -d "$DB" show --tahun 2023 --triwulan 2 --format csv
expect_in "the plan is in the database (lakip show)" "$T/stdout" "IKU1"

# ---------------------------------------------------------------------
# 2. TW II realisations in the grid; capaian as typed.
keys A F8
expect_screen "realisation grid" A "IKU realisations"
text A "79,30"
expect_screen "capaian computed while typing" A "101,02%"
expect_screen "predikat while typing" A "Sangat Tinggi"
keys A Enter F2
expect_screen "grid saved" A "Saved."
keys A F8
expect_screen "budget grid" A "Budget realisations"
text A 4587938844; keys A Enter F2
expect_screen "budget grid saved" A "Saved."

# ---------------------------------------------------------------------
# 3. The preview against `lakip show` on the same database.
keys A F9
expect_screen "step menu from anywhere (F9)" A "Go to step"
keys A Home Down Down Down Down Down Down Down Down Enter
expect_screen "preview" A "Capaian of the IKU"
# The table may be drawn after its heading (slowly under the sanitizers).
wait_for A "Sangat Tinggi" || true
lakip -d "$DB" show --tahun 2023 --triwulan 2
cp "$T/stdout" "$T/show.txt"
missing=""
for v in 78,50 79,30 101,02% "Sangat Tinggi"; do
	grep -qF -- "$v" "$T/show.txt" || missing="$missing [show:$v]"
	grep -qF -- "$v" "$T/screen.A" || missing="$missing [preview:$v]"
done
if [ -z "$missing" ]; then ok "IKU figures of the preview equal lakip show"
else not_ok "IKU figures of the preview equal lakip show" "missing:$missing" "$(cat "$T/screen.A")"; fi
keys A Tab
expect_screen "budget table of the preview" A "JUMLAH"
missing=""
for v in 11.393.254.909 4.587.938.844 40,27%; do
	grep -qF -- "$v" "$T/show.txt" || missing="$missing [show:$v]"
	grep -qF -- "$v" "$T/screen.A" || missing="$missing [preview:$v]"
done
if [ -z "$missing" ]; then ok "budget figures and JUMLAH equal lakip show"
else not_ok "budget figures and JUMLAH equal lakip show" "missing:$missing" "$(cat "$T/screen.A")"; fi

# ---------------------------------------------------------------------
# 4. A malformed number: the message is shown and the cursor stays.
keys A F7 F7 F7 F7 F7 F7 F7
expect_screen "back to step 2 with F7" A "Step 2 of 10"
keys A Down Enter
expect_screen "IKU form opened" A "Annual target *"
keys A Tab Tab Tab Tab C-u
text A "12,345.6"
keys A Tab
expect_screen "error in words for 12,345.6" A "comma"
y=$(row_of A "Annual target")
cy=$(cursor A | cut -d, -f2)
expect_eq "cursor stays on the bad field" "$cy" "$y"
keys A C-u; text A "78,5"; keys A Tab
keys A Escape
expect_screen "back in the list" A "Sasaran / indicator"

# ---------------------------------------------------------------------
# 5. Resize to 100x30 and back in the middle of a form.
keys A Up Enter
expect_screen "sasaran form opened" A "Objective code *"
keys A Tab
text A " TAMBAHAN"
TM resize-window -t A -x 100 -y 30
wait_for A "TAMBAHAN" >/dev/null
if [ "$(TM display -p -t A '#{window_width}x#{window_height}')" = 100x30 ] &&
   grep -qF "TAMBAHAN" "$T/screen.A" && grep -qF "Objective code" "$T/screen.A"; then
	ok "form intact at 100x30"
else not_ok "form intact at 100x30" "$(cat "$T/screen.A")"; fi
TM resize-window -t A -x 80 -y 24
expect_screen "form intact back at 80x24" A "TAMBAHAN"
cx=$(cursor A | cut -d, -f1)
if [ "$cx" -gt 20 ]; then ok "cursor still in the field after resizes ($cx)"
else not_ok "cursor in the field after resizes" "cursor $(cursor A)"; fi

# ---------------------------------------------------------------------
# 6. Hang-up mid-edit: the draft is kept and offered at the next start.
kill -HUP "$(pid_of A)"
if wait_dead A; then ok "lakip ends on SIGHUP"; else not_ok "lakip ends on SIGHUP"; fi
n=$(ls "$T/home/.local/share/lakip/drafts/" 2>/dev/null | grep -c '\.draft$')
expect_eq "one draft file written" "$n" 1
grep -q "TAMBAHAN" "$T/home/.local/share/lakip/drafts/"*.draft 2>/dev/null &&
	ok "draft holds the typed text" || not_ok "draft holds the typed text"
start B 80 24 LANGUAGE=en -- -d "$DB"
expect_screen "draft offered at the next start" B "Unsaved typing found"
keys B Enter
expect_screen "draft back in its form" B "TAMBAHAN"
keys B F2
expect_screen "draft saved" B "Saved."
lakip -d "$DB" export --tahun 2023
expect_in "draft text in the database" "$T/stdout" "TAMBAHAN"
n=$(ls "$T/home/.local/share/lakip/drafts/" 2>/dev/null | grep -c '\.draft$')
expect_eq "draft removed once saved" "$n" 0

# The tmux server killed mid-edit: same.
keys B Escape
expect_screen "steps menu" B "Steps of"
keys B Down Down Down Down Enter
expect_screen "narratives" B "Narratives and supporting tables"
keys B Enter
expect_screen "narrative form" B "Narrative"
text B "Paragraf pertama narasi."
keys B Enter
text B "Baris kedua, Łódź ünïcode."
expect_screen "line breaks and UTF-8 in the text field" B "ünïcode"
TM kill-server
start C 80 24 LANGUAGE=en -- -d "$DB"
expect_screen "draft offered after the server was killed" C "Unsaved typing found"
keys C Enter
expect_screen "narrative draft restored" C "Paragraf pertama narasi."
# $EDITOR on the text (Ctrl-E), then save.
keys C C-e
expect_screen "text back from the editor" C "Ditulis di editor"
keys C F2
expect_screen "narrative saved" C "Saved."
lakip -d "$DB" export --tahun 2023
if grep -q "Paragraf pertama narasi." "$T/stdout" && grep -q "Baris kedua, Łódź" "$T/stdout" &&
   grep -q "Ditulis di editor" "$T/stdout"; then
	ok "line breaks and editor text kept in the narrative"
else not_ok "narrative kept" "$(grep -A4 narasi "$T/stdout")"; fi
keys C C-q
expect_screen "quit asks" C "Quit lakip?"
keys C Enter
if wait_dead C; then ok "quits cleanly"; else not_ok "quits cleanly"; fi

# SIGTERM while typing in the grid: the typed values are a draft too.
start L 80 24 LANGUAGE=en -- -d "$DB"
expect_screen "start for SIGTERM" L "Choose the period"
keys L Enter Down Down Down Enter
expect_screen "grid for SIGTERM" L "IKU realisations"
text L 81
expect_screen "new value typed" L "103,18%"
kill -TERM "$(pid_of L)"
if wait_dead L; then ok "lakip ends on SIGTERM"; else not_ok "lakip ends on SIGTERM"; fi
expect_eq "exit status 128+15 after SIGTERM" "$(status_of L)" 143
start L 80 24 LANGUAGE=en -- -d "$DB"
expect_screen "grid draft offered" L "IKU realisations"
keys L Enter
expect_screen "grid draft restored with its capaian" L "103,18%"
keys L Escape
expect_screen "leaving asks" L "not saved"
keys L d
expect_screen "discarded: back to the steps" L "Steps of"
n=$(ls "$T/home/.local/share/lakip/drafts/" 2>/dev/null | grep -c '\.draft$')
expect_eq "discarded draft removed" "$n" 0
TM kill-session -t L

# A new year from last year's plan (on a copy of the database).
cp "$DB" "$T/year.db"
start N 80 24 LANGUAGE=en -- -d "$T/year.db"
expect_screen "start for a new year" N "Choose the period"
keys N IC
expect_screen "new year asks the year" N "Year of the new plan"
keys N Enter
expect_screen "offers to copy last year's plan" N "Copy the sasaran, IKU and programs of 2023 into 2024"
keys N Enter
expect_screen "the new year is shown" N "◂ 2024 ▸"
# Last year's targets and budgets are not this year's: blank, to be
# typed, and the start screen says which (issue 11, trap 5).
expect_screen "the start screen lists what is still blank" N \
	"Still blank in the plan of 2024: 2 targets and budgets, of IKU1, P01 (steps 2"
expect_screen "wrapped, not cut" N " and 3)."
lakip -d "$T/year.db" export --tahun 2024
expect_in "IKU copied into 2024" "$T/stdout" "IKU1"
expect_in "program copied into 2024" "$T/stdout" "P01"
n=$(grep -c '^ *target: null$' "$T/stdout")
expect_eq "the target of 2024 is blank (null), not 0" "$n" 1
n=$(grep -c '^ *anggaran: null$' "$T/stdout")
expect_eq "the budget of 2024 is blank (null), not 0" "$n" 1
keys N Enter
expect_screen "the steps of 2024" N "Steps of"
keys N Down Enter
expect_screen "step 2 lists the IKU" N "IKU1"
expect_screen "with the target blank" N "(blank)"
TM kill-session -t N

# ---------------------------------------------------------------------
# 7. A 40x10 terminal: a clear message, no crash; resumes when enlarged.
start D 40 10 LANGUAGE=en -- -d "$DB"
expect_screen "40x10: too small message" D "too small"
TM resize-window -t D -x 80 -y 24
expect_screen "resumes at 80x24" D "Choose the period"
TM resize-window -t D -x 30 -y 8
expect_screen "too small again mid-session" D "too small"
TM resize-window -t D -x 80 -y 24
expect_screen "and back" D "Choose the period"
dead D && not_ok "no crash at 40x10" || ok "no crash at 40x10"
TM kill-session -t D

# ---------------------------------------------------------------------
# 8. Language: Indonesian by default, English with --lang en.
start E 80 24 -u LANGUAGE -u LANG -u LC_ALL -u LC_MESSAGES -- -d "$DB"
expect_screen "LANG unset: Indonesian screen" E "Pilih periode"
expect_screen "LANG unset: Indonesian key bar" E "Bantuan"
keys E Enter
expect_screen "Indonesian step names" E "Langkah"
keys E Enter
keys E Enter
expect_screen "form labels from the form file (Indonesian)" E "Kode instansi"
TM kill-session -t E
start F 80 24 -u LANGUAGE -u LANG -u LC_ALL -- --lang en -d "$DB"
expect_screen "--lang en: English screen" F "Choose the period"
keys F Enter Enter Enter
expect_screen "--lang en: English form labels (label_en)" F "Agency code"
TM kill-session -t F

# ---------------------------------------------------------------------
# 9. Terminals and colours.
for term in xterm-256color xterm linux vt100 screen; do
	start G 80 24 LANGUAGE=en TERM=$term -- -d "$DB"
	expect_screen "TERM=$term" G "Choose the period"
	TM kill-session -t G
done
start G 80 24 LANGUAGE=en NO_COLOR=1 -- -d "$DB"
expect_screen "NO_COLOR" G "Choose the period"
if TM capture-pane -t G -p -e | grep -q '\[3[0-7]m\|\[4[0-7]m'; then
	not_ok "NO_COLOR: no colour on the screen"
else ok "NO_COLOR: no colour on the screen"; fi
TM kill-session -t G

# ---------------------------------------------------------------------
# 10. Read-only database: opened, said so, edits refused.
# As root every file is writable: run lakip as a throwaway account
# (LAKIP_TEST_ACCOUNTS=1), else skip.
AS="" why=""
if [ "$(id -u)" = 0 ]; then
	if accounts_ok; then
		add_account "lktui_ro_$$" && publish && reachable "lktui_ro_$$" &&
			AS="runuser -u lktui_ro_$$ --"
	else why=$accounts_why; fi
fi
mkdir -m 777 "$T/ro" "$T/ro/home"
cp "$DB" "$T/ro/ro.db"
chmod 444 "$T/ro/ro.db"
if [ -n "$why" ]; then
	ok "read-only database # SKIP $why"
	ok "read-only database edits # SKIP $why"
else
	AS="$AS" start H 80 24 LANGUAGE=en HOME=$T/ro/home LAKIP_DATA_DIR=$LAKIP_DATA_DIR -- -d "$T/ro/ro.db"
	expect_screen "read-only said in the top bar" H "READ-ONLY"
	keys H Enter Down Enter IC
	expect_screen "edits refused with a message" H "read-only"
	TM kill-session -t H
fi
AS=""

# ---------------------------------------------------------------------
# 11. A database locked by another process: wait, then say who.
if command -v sqlite3 >/dev/null 2>&1; then
	start I 80 24 LANGUAGE=en -- -d "$DB"
	expect_screen "start for the lock test" I "Choose the period"
	keys I Enter Down Down Down Enter
	expect_screen "grid for the lock test" I "IKU realisations"
	# The lock is held until the screen has been read (at most 60 s),
	# not for a fixed time a loaded machine might use up.
	: >"$T/holdlock"
	{ echo ".timeout 10000"; echo "BEGIN EXCLUSIVE;"; n=0
	  while [ -e "$T/holdlock" ] && [ $n -lt 600 ]; do sleep 0.1; n=$((n + 1)); done
	  echo "COMMIT;"; } | sqlite3 "$DB" >/dev/null 2>&1 &
	lockpid=$!
	i=0   # until the lock is held
	while [ $i -lt 200 ] && sqlite3 "$DB" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1; do
		sleep 0.1; i=$((i + 1))
	done
	keys I C-u; text I 80; keys I Enter F2
	expect_screen "locked: says who holds the database" I "in use by"
	rm -f "$T/holdlock"
	wait $lockpid 2>/dev/null
	keys I F2
	expect_screen "saves once the lock is gone" I "Saved."
	TM kill-session -t I
fi

# ---------------------------------------------------------------------
# 12. 10,000 rows scroll without delay.
sh "$LAKIP_SRCDIR/bench/gen-synthetic.sh" 2000 8000 200 >"$T/big.yaml"
"$LAKIP_BIN" -d "$T/big.db" import "$T/big.yaml" >/dev/null 2>&1
start J 80 24 LANGUAGE=en -- -d "$T/big.db"
expect_screen "big plan opens" J "Choose the period"
keys J Enter Down Enter
expect_screen "10,000-row list" J "Sasaran / indicator"
t0=$(date +%s%N)
keys J End
expect_screen "End shows the last row" J "10000/10000"
for i in 1 2 3 4 5 6 7 8 9 10; do keys J PPage; done
keys J Home
expect_screen "Home shows the first row" J "1/10000"
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 ))
if [ "$ms" -lt 3000 ]; then ok "scrolling 10,000 rows took ${ms} ms"
else not_ok "scrolling 10,000 rows is slow: ${ms} ms"; fi
TM kill-session -t J

# ---------------------------------------------------------------------
# 13. A malformed form file: named with line and column, before the screen.
mkdir -p "$T/data/forms" "$T/data/templates"
cp "$LAKIP_SRCDIR/templates/"*.yaml "$T/data/templates/" 2>/dev/null
printf 'form: iku\njudul: IKU\nfield:\n  - name: kode\n    label: Kode\n    type: nosuchtype\n' >"$T/data/forms/iku.yaml"
TM new-session -d -s K -x 200 -y 24 \
	"env $ENVS LANGUAGE=en LAKIP_DATA_DIR=$T/data $LAKIP_BIN -d $DB; echo \"[exit \$?]\"; sleep 600"
wait_for K "[exit" >/dev/null
if grep -q "forms/iku.yaml:6:[0-9]*: " "$T/screen.K"; then ok "malformed form file: file:line:col on stderr"
else not_ok "malformed form file named" "$(cat "$T/screen.K")"; fi
expect_in "malformed form file: exit status 65" "$T/screen.K" "[exit 65]"
TM kill-session -t K

finish
