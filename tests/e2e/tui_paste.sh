#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tui_paste.sh - a block of cells copied from a spreadsheet and pasted
# into the terminal application (80x24, a detached tmux): into the IKU
# grid and the budget grid (one column of values from the cursor row
# down) and into the rows of a supporting table (rows appended past the
# last).  The block arrives as a terminal delivers it: bracketed
# (ESC[200~ ... ESC[201~, sent as bytes, and by tmux's paste-buffer -p,
# which brackets only when lakip turned the mode on), or as a fast burst
# of typed text.  Each cell is checked as typed input is; one bad cell,
# a block too large, an approved value or a locked quarter refuses the
# whole paste, naming the row and column; what went in is saved with the
# normal save and `lakip export` shows the figures exactly.
. "$(dirname "$0")/lib.sh"

for tool in tmux sqlite3; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
SOCK="lakip-tuipaste-$$"
. "$(dirname "$0")/tmux.sh"
DB="$T/p.db"
ME=$(id -un)
ESC=$(printf '\033')
CR=$(printf '\r')
TAB=$(printf '\t')

lakip -d "$DB" import "$FIXTURE"
expect_rc "the plan is imported" 0
# IKU5's realisation approved by the kabid (as a review would leave it:
# the review itself needs other accounts, workflow.sh).
approve_all "$DB" 2 "jenis = 'iku' AND kode = 'IKU5'"
expect_eq "IKU5 is approved" "$(dbq "SELECT count(*) FROM review_state WHERE state = 'approved'")" 1

# bracketed NAME TEXT: TEXT pasted as a terminal marks a paste.
bracketed() { TM send-keys -t "$1" -l "$ESC[200~$2$ESC[201~"; }
# A refusal too long for the status line comes in a box: close it.
dismiss() { flat "$1"; grep -qF "Paste refused" "$T/flat.$1" && keys "$1" Enter; }
# The value in the grid's row of KODE (the screen line).
row() { line_of "$1" "$2"; }
# exported NAME: the realisation KODE of quarter II in the YAML export.
yaml() { lakip -d "$DB" export --tahun 2023; cp "$T/stdout" "$T/export.yaml"; }
value_of() { # KIND KODE: from the last yaml
	awk -v kind="$1" -v k="$2" '
		$1 == "2:" { tw = 1 } tw && $1 == kind ":" { in_k = 1; next }
		in_k && $1 == k ":" { print $2; exit }
		in_k && $1 !~ /^(IKU|P)[0-9]+:$/ { in_k = 0 }' "$T/export.yaml"
}

# The editor a long text opens in (VISUAL, which the tmux server passes
# on): it leaves the text as it is.
VISUAL=true
export VISUAL
start A "$ME"
# What lakip writes to the terminal, for the bracketed paste mode.
TM pipe-pane -t A -o "cat >>'$T/raw.A'"
expect_screen "start screen" A "Choose the period"
keys A Enter
expect_screen "the steps menu" A "Steps of Quarter II 2023"
keys A Down Down Down Enter
expect_screen "the IKU grid" A "IKU realisations"

# --- 1. the IKU grid -----------------------------------------------------
# A column of Excel (CRLF, an empty cell, the trailing line break) from
# IKU1 down: IKU1 and IKU3 change, IKU2 stays not known.
bracketed A "81,25$CR
$CR
100,5$CR
"
expect_screen "the block went in: how many cells changed" A "Pasted 3 cells (2 changed). F2 saves them."
expect_screen "IKU1's capaian from the pasted value" A "103,50%"
case "$(row A IKU3)" in *"100,50"*) ok "IKU3 holds the pasted value in Indonesian form" ;;
	*) not_ok "IKU3 holds the pasted value" "$(row A IKU3)" ;; esac
case "$(row A IKU2)" in *"%"*) not_ok "the empty cell left IKU2 not known" "$(row A IKU2)" ;;
	*) ok "the empty cell left IKU2 not known" ;; esac
expect_screen "not saved yet: the grid still differs from the database" A "F2 saves"
yaml
expect_eq "nothing saved before F2 (IKU1 as it was)" "$(value_of realisasi_iku IKU1)" "79.3"

# One bad cell refuses the whole block, naming its row and column.
keys A Down
bracketed A "70${CR}tujuh puluh${CR}"
expect_screen "a bad cell refuses the paste, naming its IKU and column" A "IKU3, Real. QII: not a number"
expect_screen "... and says nothing went in" A "Nothing was pasted."
dismiss A
case "$(row A IKU2)" in *"87,50%"*) not_ok "IKU2 unchanged after the refusal" "$(row A IKU2)" ;;
	*) ok "IKU2 unchanged after the refusal" ;; esac
# A block with more rows than the grid has from the cursor.
keys A Down Down
bracketed A "1${CR}2${CR}3${CR}"
expect_screen "a block taller than the grid is refused" A "taller than the grid: 3 rows, and from IKU4 down there is room for 2"
dismiss A
# Two columns where the grid takes one value per row.
bracketed A "1${TAB}2${CR}"
expect_screen "a block wider than the grid is refused" A "The pasted block is 2 columns wide"
dismiss A
# An approved value is not changed by a paste (IKU5, the last row).
bracketed A "88${CR}90${CR}"
expect_screen "an approved value refuses the paste" A "IKU5, Real. QII: approved by kb"
dismiss A
# The same value as the approved one is no change: accepted.
bracketed A "88${CR}130${CR}"
expect_screen "the approved value pasted unchanged goes in" A "Pasted 2 cells (1 changed)."
# Without bracketed paste (a terminal that lacks it): a burst of typed
# text with line breaks is a block too.
keys A Up Up
expect_screen "back on IKU2" A "IKU2 Capaian pembinaan"
TM send-keys -t A -l "72,5${CR}100,5${CR}"
expect_screen "a fast burst of typed text is a paste" A "Pasted 2 cells (1 changed)."
keys A F2
expect_screen "F2 saves the pasted values" A "Saved."
yaml
expect_eq "IKU1 saved exactly" "$(value_of realisasi_iku IKU1)" "81.25"
expect_eq "IKU2 saved exactly" "$(value_of realisasi_iku IKU2)" "72.5"
expect_eq "IKU3 saved exactly" "$(value_of realisasi_iku IKU3)" "100.5"
expect_eq "IKU4 saved exactly" "$(value_of realisasi_iku IKU4)" "88"
expect_eq "IKU5 (approved) unchanged" "$(value_of realisasi_iku IKU5)" "130"

# --- 2. the budget grid: tmux's own bracketed paste ------------------------
keys A F8
expect_screen "the budget grid" A "Budget realisations"
TM set-buffer -b bud "Rp 4.600.000.000,50
372.094.450
6.000.000.000
"
TM paste-buffer -p -b bud -t A
expect_screen "paste-buffer -p brackets the paste: it goes in" A "Pasted 3 cells (2 changed). F2 saves them."
keys A Down Down Down
# Excel's CRLF: tmux's paste-buffer makes every LF a CR (CRCR).
printf '250.000.000\r\n-5\r\n' >"$T/bad"
TM load-buffer -b bad "$T/bad"
TM paste-buffer -p -b bad -t A
expect_screen "a negative amount refuses the paste, naming its program" A "P06, Real. QII:"
dismiss A
keys A F2
expect_screen "the budget grid saved" A "Saved."
yaml
expect_eq "P01 saved to the sen" "$(value_of realisasi_program P01)" "4600000000.5"
expect_eq "P03 unchanged" "$(value_of realisasi_program P03)" "372094450"
expect_eq "P04 saved" "$(value_of realisasi_program P04)" "6000000000"
expect_eq "P05 untouched by the refused paste" "$(value_of realisasi_program P05)" "234014577"

# --- 3. the rows of a supporting table ----------------------------------------
keys A F8
expect_screen "the narratives" A "Narratives and supporting tables"
# The mode is off while an editor has the terminal, on again after it.
keys A Enter
expect_screen "the narrative form" A "Narrative"
: >"$T/raw.A"
keys A C-e
i=0
until grep -q "2004h" "$T/raw.A" 2>/dev/null || [ $i -ge 100 ]; do sleep 0.1; i=$((i + 1)); done
modes() { grep -ao '\[?2004[hl]' "$1" | tr -d '[?0-9' | tr -d '\n'; }
expect_eq "bracketed paste off for the editor, on after it" "$(modes "$T/raw.A")" "lh"
keys A Escape
expect_screen "the narratives again" A "Narratives and supporting tables"
keys A F6
expect_screen "the tables of SS1" A "Supporting tables of SS1"
keys A Enter
expect_screen "the rows of the table" A "Peringkat"
keys A End
# A cell too long for the row form: refused, naming the row and column.
long=$(printf '%0600d' 0)
bracketed A "Baru${TAB}$long${CR}"
expect_screen "a cell too long is refused, naming the row and column" A "Row 5, column 2021:"
dismiss A
# From the last row: it is replaced (asked), two rows are added; Excel's
# quotes are read ("" a quote).
bracketed A "Peringkat${TAB}26${TAB}15${TAB}-${CR}
\"Aspek \"\"5\"\"\"${TAB}1,5${TAB}2${TAB}RENDAH${CR}
Jumlah${TAB}${TAB}${TAB}${CR}
"
expect_screen "replacing text already in the table asks first" A "replaces the text of 1 cell already in the table"
keys A y
expect_screen "the rows went in and were saved" A "Pasted 12 cells (7 changed, 2 rows added). Saved."
expect_screen "the quoted cell" A 'Aspek "5"'
yaml
expect_in "the replaced row in the database" "$T/export.yaml" '- [Peringkat, "26", "15", "-"]'
expect_in "the quoted cell in the database" "$T/export.yaml" '- [Aspek "5", "1,5", "2", RENDAH]'
expect_in "the appended row with its empty cells" "$T/export.yaml" '- [Jumlah, "", "", ""]'
# Wider than the table's columns.
bracketed A "a${TAB}b${TAB}c${TAB}d${TAB}e${CR}"
expect_screen "a block wider than the table is refused" A "The pasted block is 5 columns wide"
dismiss A
# Ctrl-Q quits; the database is free once the program has ended.
keys A C-q
expect_screen "quitting asks" A "Quit lakip? Everything is saved."
keys A y
i=0
while [ "$(TM display -p -t A '#{pane_dead}')" != 1 ] && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
expect_eq "lakip quits" "$(TM display -p -t A '#{pane_dead}')" 1
expect_eq "bracketed paste off when lakip ends" "$(modes "$T/raw.A" | tail -c 1)" "l"

# --- 4. a locked quarter refuses a paste --------------------------------------
# Every entry approved, the head's certificate registered, the quarter
# finalised (signed and locked) as root, an admin.
approve_all "$DB" 2
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" -out "$T/cert.pem" \
	-days 30 -subj "/CN=Kepala Test" >/dev/null 2>&1 &&
openssl pkcs12 -export -inkey "$T/key.pem" -in "$T/cert.pem" -out "$T/kp.p12" \
	-passout pass:rahasia >/dev/null 2>&1
lakip -d "$DB" signer set "$T/cert.pem"
expect_rc "the signing certificate registered" 0
rc=0
LAKIP_P12_PASS=rahasia "$LAKIP_BIN" -d "$DB" finalise --tahun 2023 --triwulan 2 \
	--p12 "$T/kp.p12" -o "$T/tw2.pdf" >"$T/stdout" 2>"$T/stderr" || rc=$?
expect_rc "the quarter is finalised (locked)" 0
before=$(sum "$DB")
start B "$ME"
expect_screen "start screen (locked)" B "Choose the period"
keys B Enter
expect_screen "the steps menu (locked)" B "Steps of Quarter II 2023"
keys B Down Down Down Enter
expect_screen "the locked grid" B "IKU realisations"
bracketed B "1${CR}2${CR}"
expect_screen "a paste into a locked quarter is refused, saying why" B "Paste refused"
expect_screen "... the lock" B "is locked: finalised by $ME"
not_on_screen "... and nothing went in" B "Pasted"
expect_eq "the database is unchanged" "$(sum "$DB")" "$before"

TM kill-session -t B >/dev/null 2>&1

finish
