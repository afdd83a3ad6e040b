#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tui_workflow.sh - the review in the terminal application, as real Unix
# accounts (CI runs as root): an operator submits from the grid, the
# kabid returns with a comment in the review screen, the operator fixes
# and resubmits, the kabid approves; the start screen counts follow; roles
# are refused with the role named; an unlisted account reads only; a
# locked quarter refuses edits and the admin unlocks it with a reason;
# the admin adds and removes a user; the history of a value; an operator
# of one agency is refused in another's grid.  Driven in a
# detached tmux at 80x24, polling for text (never a blind sleep).
# Throwaway accounts lktw_*_$$ are created with useradd and removed at
# the end (only with LAKIP_TEST_ACCOUNTS=1, as root).
. "$(dirname "$0")/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed (apt-get install tmux)"
	exit 0
fi
if ! accounts_ok; then
	ok "tui workflow # SKIP $accounts_why"
	finish
fi
for tool in openssl msgfmt; do
	command -v $tool >/dev/null 2>&1 || { not_ok "$tool is missing"; finish; }
done

OP=lktw_op_$$ KB=lktw_kb_$$ NO=lktw_no_$$ NEW=lktw_new_$$
USERS="$OP $KB $NO"
SOCK="lakip-tuiwf-$$"
. "$(dirname "$0")/tmux.sh"
for u in $USERS; do
	add_account "$u" || { not_ok "useradd $u"; finish; }
done
publish || { not_ok "copy the program for the other accounts"; finish; }
reachable "$OP"

chmod 0755 "$T"
W="$T/w"
mkdir -m 0777 "$W"
DB="$W/lakip.db"
Y="--tahun 2023 --triwulan 2"
mkdir -p "$T/locale/id/LC_MESSAGES"
msgfmt -o "$T/locale/id/LC_MESSAGES/lakip.mo" "$LAKIP_SRCDIR/po/id.po" 2>/dev/null
chmod -R a+rX "$T/locale"

# as LOGIN ARGS...: the command line as LOGIN; $T/stdout, $T/stderr, $rc.
as() {
	u=$1; shift
	rc=0
	if [ "$u" = root ]; then
		"$LAKIP_BIN" -d "$DB" "$@" >"$T/stdout" 2>"$T/stderr" || rc=$?
	else
		runuser -u "$u" -- "$LAKIP_BIN" -d "$DB" "$@" >"$T/stdout" 2>"$T/stderr" || rc=$?
	fi
}
share() { chmod 0666 "$DB" "$DB"-wal "$DB"-shm 2>/dev/null || true; }

# --- setup: root creates the database and is its admin ---------------
as root init
as root import "$FIXTURE_KET"
expect_rc "root imports the plan" 0
as root user add "$OP" --role operator
as root user add "$KB" --role kabid --bidang poldagri,ideologi,kewaspadaan,ekososbud
expect_rc "an operator and a kabid" 0
share

# --- the start screen counts the review of each quarter --------------
start O "$OP"
expect_screen "operator: the start screen" O "Choose the period"
expect_screen "start screen: D/S/R/A column" O "D/S/R/A"
expect_screen "quarter II: eighteen drafts (IKU, programs, narratives, BAB II, III)" O "18/0/0/0"
keys O Enter
expect_screen "steps menu: the review counted" O "Review of the entries: 18 draft, 0 submitted"
expect_screen "steps menu: who and which role" O "$OP · operator"
not_on_screen "no review entry for an operator" O "Review capaian"

# --- a listed operator may not edit the plan ---------------------------
keys O Down Enter
expect_screen "step 2 (plan)" O "Step 2 of 10"
keys O IC
expect_screen "plan edit refused, the role named" O "has the role operator in kesbangpol-kalteng; to edit the plan there you need the role admin"
close_box O
keys O Escape
expect_screen "back to the steps" O "Steps of Quarter II 2023"

# --- the operator submits one row from the grid -----------------------
keys O Down Down Enter
expect_screen "grid: step 4" O "Step 4 of 10"
expect_screen "grid: a State column" O "State"
expect_screen "grid: each row's state" O "draft"
expect_screen "grid: the draft line under the grid" O "Draft: not submitted yet (F11 submits it for review)."
keys O F11
expect_screen "F11 asks: this row or all" O "Submit IKU1 for review by the kabid, or all 18 draft and returned entries"
keys O Enter
expect_screen "submitted: said" O "Entries submitted for review in Quarter II 2023: 1."
expect_screen "the row shows submitted" O "Submitted by $OP"
case $(line_of O "IKU1 ") in *submitted*) ok "IKU1's row: submitted" ;;
*) not_ok "IKU1's row: submitted" "$(cat "$T/screen.O")" ;; esac
as root status $Y
expect_in "lakip status: IKU1 submitted" "$T/stdout" "17 draft, 1 submitted"
keys O Escape Escape
expect_screen "start screen: counts changed" O "17/1/0/0"

# --- the kabid returns it with a comment --------------------------------
start K "$KB"
expect_screen "kabid: start" K "Choose the period"
keys K Enter
expect_screen "kabid: the review entry below the steps" K "Review capaian"
expect_screen "kabid: the ten steps, the year's two entries and the review entry" K "1/13"
keys K End Enter
expect_screen "review screen" K "Review of the capaian"
expect_screen "review: reviewer and bidang" K "Reviewer: $KB (kabid of ekososbud, ideologi, kewaspadaan, poldagri)"
expect_screen "review: IKU1 submitted, by whom" K "$OP"
expect_screen "review: capaian" K "101,02%"
expect_screen "review: the narrative of the sasaran" K "Narrative of SS1:"
keys K r
expect_screen "return asks a comment" K "What must be fixed"
keys K Enter
expect_screen "a blank comment is refused" K "A comment is required"
keys K Enter
text K "Lampirkan surat BPS"
keys K Enter
expect_screen "returned: said" K "IKU1 is returned with the comment."
expect_screen "the comment in the pane" K "Comment: Lampirkan surat BPS"
keys K Enter
expect_screen "Enter: the whole entry with the narrative" K "Narrative of the sasaran for the quarter:"
keys K Escape

# --- the operator sees the comment, fixes, resubmits -------------------
keys O Enter
expect_screen "operator: back in the steps" O "Steps of Quarter II 2023"
keys O Down Down Down Enter
expect_screen "grid again" O "Step 4 of 10"
expect_screen "the row is returned" O "returned"
expect_screen "the kabid's comment under the grid" O "Lampirkan surat BPS"
expect_screen "the status line says what to do" O "Returned: fix the value"
expect_screen "and under the grid, with who" O "Returned by $KB"
keys O C-u
text O 80
keys O Enter F2
expect_screen "the fix is saved" O "Saved."
keys O Up F12
expect_screen "history of the value" O "History of IKU1"
expect_screen "history: old -> new" O "79,30 → 80"
expect_screen "history: who changed it" O "$OP"
expect_screen "history: the review with the comment" O "returned: Lampirkan surat BPS"
keys O Escape
expect_screen "back in the grid" O "Step 4 of 10"
keys O C-k
expect_screen "Ctrl-K submits too" O "Submit IKU1 for review by the kabid"
keys O Enter
expect_screen "resubmitted" O "Entries submitted for review in Quarter II 2023: 1."

# --- the kabid approves --------------------------------------------------
keys K Escape
expect_screen "kabid: steps" K "Steps of Quarter II 2023"
keys K Enter
expect_screen "review again" K "Review of the capaian"
expect_screen "IKU1 submitted again" K "To review: 1"
keys K y
expect_screen "approve asks" K "Approve IKU1 for Quarter II 2023?"
keys K Enter
expect_screen "approved: said" K "Entries approved: 1."
expect_screen "approved in the list" K "approved: 1"
as root status $Y
expect_in "lakip status: IKU1 approved" "$T/stdout" "17 draft, 0 submitted, 0 returned, 1 approved"
keys O Escape Escape
expect_screen "start screen: one approved" O "17/0/0/1"

# --- nobody approves his own entry ------------------------------------------
as "$OP" submit $Y --iku IKU2
expect_rc "the operator submits IKU2 (command line)" 0
as root user role "$OP" kabid --bidang poldagri
expect_rc "the operator becomes a kabid" 0
start S "$OP"
expect_screen "now a kabid: start" S "Choose the period"
keys S Enter
expect_screen "now a kabid: the review entry" S "Review capaian"
keys S End Enter
expect_screen "his review screen" S "Review of the capaian"
keys S y
expect_screen "approve IKU2 asks" S "Approve IKU2"
keys S Enter
expect_screen "self-approval refused with the store's message" S "was submitted by '$OP' himself"
TM kill-session -t S
as root user role "$OP" operator
expect_rc "and back to operator" 0

# --- an unlisted account reads only -------------------------------------------
start N "$NO"
expect_screen "unlisted: READ-ONLY in the top bar" N "[READ-ONLY]"
expect_screen "unlisted: the status line says so and whom to ask" N "Read-only ('$NO' is not listed as a user): ask an admin (root)."
keys N Enter
expect_screen "unlisted: steps" N "Steps of Quarter II 2023"
keys N Down Down Down Enter
expect_screen "unlisted: the grid" N "Step 4 of 10"
expect_screen "unlisted: the grid says why it is read-only" N "is not a user of this database and may only read"
text N 5
status_is "unlisted: typing refused, said on the status line" N "'$NO' is not a user of this database"
TM kill-session -t N

# --- a locked quarter refuses edits; the admin unlocks it -------------------------
as "$OP" submit $Y
as "$KB" review $Y --approve
expect_rc "the kabid's approved (command line)" 0
as root review $Y --approve
expect_rc "the rest (the kepala's: P01, BAB II, BAB III) by an admin" 0
expect_in "three of them" "$T/stdout" "Approved 3 entries"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" -out "$T/cert.pem" \
	-days 30 -subj "/CN=Kepala Test" >/dev/null 2>&1 &&
openssl pkcs12 -export -inkey "$T/key.pem" -in "$T/cert.pem" -out "$T/kp.p12" \
	-passout pass:rahasia >/dev/null 2>&1
as root signer set "$T/cert.pem"
expect_rc "root registers the signing certificate" 0
rc=0
LAKIP_P12_PASS=rahasia "$LAKIP_BIN" -d "$DB" finalise $Y --p12 "$T/kp.p12" \
	-o "$T/tw2.pdf" >"$T/stdout" 2>"$T/stderr" || rc=$?
expect_rc "root finalises (the quarter is locked)" 0
share
start O "$OP"
expect_screen "start screen: quarter II locked" O "locked"
keys O Enter
expect_screen "locked: the flag in the top bar" O "[LOCKED]"
expect_screen "locked: the status line says by whom" O "Locked (read-only): finalised by root"
keys O Down Down Down Enter
expect_screen "locked grid" O "Step 4 of 10"
expect_screen "locked grid: the reason above the rows" O "Quarter II 2023 is locked: finalised by root"
text O 1
status_is "locked grid: typing refused, said on the status line" O "Quarter II 2023 is locked"
keys O F2
expect_screen "locked grid: F2 refused" O "Not allowed"
keys O Enter
start A root
expect_screen "admin: start" A "Choose the period"
keys A Enter
keys A End
expect_screen "admin: the unlock entry" A "Unlock the quarter"
keys A Enter
expect_screen "unlock asks a reason" A "Why is it unlocked"
keys A Enter
expect_screen "a blank reason is refused" A "A reason is required"
keys A Enter
text A "Revisi realisasi IKU5 (surat BPS)"
keys A Enter
expect_screen "unlocked: said, with the next version" A "the next finalise makes signed version 2"
as root status $Y
expect_in "lakip status: unlocked" "$T/stdout" "Unlocked (last signed version 1)"
as root audit log
expect_in "the reason is in the audit log" "$T/stdout" "Revisi realisasi IKU5 (surat BPS)"

# --- the admin adds (and removes) a user --------------------------------------------
keys A End Enter
expect_screen "users screen" A "Users of the database"
expect_screen "users: the kabid with his bidang" A "ekososbud, ideologi"
keys A IC
expect_screen "add asks the login" A "Login (the Unix account):"
text A "$NEW"
keys A Enter
expect_screen "add asks the role" A "kabid — reviews the IKU of his bidang"
keys A Enter
expect_screen "add asks first" A "Add $NEW as operator in kesbangpol-kalteng?"
keys A Enter
expect_screen "added: said" A "$NEW is added as operator in kesbangpol-kalteng."
as root user list
expect_in "lakip user list shows the new user" "$T/stdout" "$NEW"
keys A DC
expect_screen "remove asks first" A "Remove $NEW (operator in kesbangpol-kalteng)?"
keys A y
expect_screen "removed: said" A "$NEW is removed."
as root user list
if grep -qF "$NEW" "$T/stdout"; then not_ok "removed from the user list" "$(cat "$T/stdout")"
else ok "removed from the user list"; fi

# --- Indonesian: the menu entry and the review screen ---------------------------------
start I "$KB" id
expect_screen "Indonesian: the menu entry" I "Pilih periode"
keys I Enter
expect_screen "Indonesian: Tinjau capaian" I "Tinjau capaian"
keys I End Enter
expect_screen "Indonesian: the review screen" I "Tinjauan capaian"
expect_screen "Indonesian: states" I "disetujui"
TM kill-session -t I

# --- roles belong to an agency: kesbangpol's operator on another -------------------
sed 's/^  kode: kesbangpol-kalteng$/  kode: dinsos-kalteng/' "$FIXTURE_KET" >"$T/dinsos.yaml"
chmod 0644 "$T/dinsos.yaml"
as root import "$T/dinsos.yaml"
expect_rc "root imports a second agency" 0
share
start X "$OP"
expect_screen "two agencies: the choice" X "dinsos-kalteng"
keys X Enter
expect_screen "dinsos: the period" X "Choose the period"
keys X Enter
expect_screen "dinsos: the steps" X "Steps of Quarter II 2023"
keys X Down Down Down Enter
expect_screen "dinsos: the grid" X "Step 4 of 10"
text X 5
status_is "kesbangpol's operator may not type in dinsos's grid" X "'$OP' has no role in dinsos-kalteng"
TM kill-session -t X

# --- the admin gives a role in another agency, with that agency's bidang ----------
start U root
expect_screen "admin: two agencies to choose from" U "dinsos-kalteng"
keys U Enter
expect_screen "admin: the period" U "Choose the period"
keys U Enter
expect_screen "admin: the steps" U "Steps of Quarter II 2023"
keys U End Enter
expect_screen "users screen" U "Users of the database"
keys U IC
expect_screen "add asks the login" U "Login (the Unix account):"
text U "$NEW"; keys U Enter
expect_screen "add asks the role" U "kabid — reviews the IKU of his bidang"
keys U Down Enter
expect_screen "asks in which agency" U "In which agency?"
expect_screen "offers the other agency" U "kesbangpol-kalteng"
line_of U "kesbangpol-kalteng" >/dev/null
keys U Down Enter
expect_screen "the bidang of the agency chosen" U "Bidang of the kabid"
keys U Enter End Enter
expect_screen "asks first, naming the agency" U "as kabid"
expect_screen "... in kesbangpol-kalteng" U "in kesbangpol-kalteng?"
keys U Enter
expect_screen "added: said" U "is added as kabid"
as root user list
expect_in "lakip user list: kabid in the other agency" "$T/stdout" "$NEW"
if grep -F "$NEW" "$T/stdout" | grep -q "kesbangpol-kalteng"; then ok "the role is in the agency chosen"
else not_ok "the role is in the agency chosen" "$(cat "$T/stdout")"; fi
TM kill-session -t U

as root audit verify
expect_rc "the audit chain verifies after all of it" 0
finish
