#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# conventions.sh - what a distributed command-line program owes its users:
# COMMAND --help for every command, -o - wherever a file is written, -q,
# --version with the licence, write errors on standard output (exit 74),
# man pages that match the program (every command, option and exit
# status; the installation directories filled in; no roff warnings), and
# the bash completion (src/cli/completion.bash) against --help and the
# database.
. "$(dirname "$0")/lib.sh"
DB="$T/a.db"
export SOURCE_DATE_EPOCH=1689292800   # reproducible PDFs (as report.sh)
"$LAKIP_BIN" -d "$DB" import "$FIXTURE" >/dev/null 2>&1
P="--tahun 2023 --triwulan 2"

# ---- the commands, from lakip --help -------------------------------------
lakip --help
expect_rc "--help" 0
cp "$T/stdout" "$T/help.top"
sed -n 's/^  \([a-z][a-z]*\)\( .*\)\{0,1\}$/\1/p' "$T/stdout" >"$T/commands"
COMMANDS=$(cat "$T/commands")
# Every cmd_* function of src/cli/cli.h is a command --help names.
sed -n 's/^int cmd_\([a-z]*\)(cli_ctx \*c);.*/\1/p' "$LAKIP_SRCDIR/src/cli/cli.h" | LC_ALL=C sort >"$T/cmd_fns"
LC_ALL=C sort "$T/commands" >"$T/commands.sorted"
check "lakip --help names every command of cli.h, and nothing else" cmp "$T/cmd_fns" "$T/commands.sorted"
expect_in "--help names report" "$T/commands" "report"

# ---- COMMAND --help -------------------------------------------------------
# spec CMD: "SHORT|LONG|VALUE" per option of CMD's --help.
spec() {
	"$LAKIP_BIN" "$@" --help 2>/dev/null |
		sed -nE 's/^  (-([A-Za-z]), |    )--([a-z][-a-z0-9]*)( ([^ ]+))?  .*/\2|\3|\5/p'
}
for cmd in $COMMANDS; do
	lakip "$cmd" --help
	cp "$T/stdout" "$T/help.$cmd"
	if [ "$rc" = 0 ] && [ ! -s "$T/stderr" ] && head -n 1 "$T/stdout" | grep -q "^Usage: lakip $cmd\\b"; then
		ok "$cmd --help: its usage on stdout, exit 0"
	else
		not_ok "$cmd --help" "rc=$rc" "$(head -c 500 "$T/stderr")" "$(head -n 3 "$T/stdout")"
	fi
	lakip "$cmd" -h
	check "$cmd -h is $cmd --help" cmp "$T/stdout" "$T/help.$cmd"
	lakip help "$cmd"
	check "help $cmd is $cmd --help" cmp "$T/stdout" "$T/help.$cmd"
	spec "$cmd" >"$T/spec.$cmd"
	for o in database lang quiet help; do
		grep -q "|$o|" "$T/spec.$cmd" || not_ok "$cmd --help names --$o"
	done
	# Every option --help names is one the command accepts: given it
	# (with a value where it takes one) and three stray arguments, the
	# command complains of the arguments, not of the option.
	bad=""
	while IFS='|' read -r s l v; do
		[ "$l" = help ] && continue
		lakip -d "$T/none/x.db" "$cmd" "--$l" ${v:+x} a b c
		grep -q "unknown option\|incomplete option\|needs a value" "$T/stderr" && bad="$bad --$l"
		if [ -n "$s" ]; then
			lakip -d "$T/none/x.db" "$cmd" "-$s" ${v:+x} a b c
			grep -q "unknown option\|incomplete option\|needs a value" "$T/stderr" && bad="$bad -$s"
		fi
	done <"$T/spec.$cmd"
	expect_eq "$cmd accepts every option its --help names" "$bad" ""
done
# What some commands must offer (the issue's list).
has() { grep -q "^$2|$3|" "$T/spec.$1" && ok "$1 --help: ${2:+-$2, }--$3" || not_ok "$1 --help lacks ${2:+-$2, }--$3" "$(cat "$T/help.$1")"; }
has report o output; has report T template; has report w triwulan; has report q quiet
has export o output; has finalise o output; has finalise S signature-image
has finalise P p12; has import n dry-run; has show f format
lakip help frobnicate
expect_rc "help of an unknown command" 64
lakip show --frobnicate
expect_rc "an unknown option is still a usage error" 64
expect_in "which points to the command's help" "$T/stderr" "lakip show --help"
lakip -d "$T/none.db" review $P --return -h
if [ "$rc" != 0 ] && ! grep -q "Usage" "$T/stdout"; then ok "-h as the value of an option is no request for help"
else not_ok "-h as the value of --return" "rc=$rc" "$(head -n 2 "$T/stdout")"; fi
lakip -d "$DB" import --dry-run "$FIXTURE"
expect_rc "options before the file" 0
lakip -d "$DB" import "$FIXTURE" --dry-run
expect_rc "options after the file (as the synopsis shows)" 0

# ---- --version ------------------------------------------------------------
lakip --version
expect_rc "--version" 0
cat >"$T/version.want" <<EOF
Copyright (C) 2026 The lakip developers.
License GPL-3.0-or-later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.
EOF
head -n 1 "$T/stdout" | grep -qE '^lakip [0-9]+\.[0-9]+' && ok "--version: lakip VERSION first" || not_ok "--version first line" "$(head -n 1 "$T/stdout")"
tail -n +2 "$T/stdout" >"$T/version.got"
check "--version: the GNU licence notice" cmp "$T/version.got" "$T/version.want"

# ---- -o - -----------------------------------------------------------------
lakip -d "$DB" export --tahun 2023 -o "$T/e.yaml"
expect_rc "export -o FILE" 0
lakip -d "$DB" export --tahun 2023 -o -
expect_rc "export -o -" 0
check "export -o - gives the bytes of -o FILE" cmp "$T/stdout" "$T/e.yaml"
lakip -d "$DB" report $P -o "$T/r.pdf"
expect_rc "report -o FILE" 0
lakip -d "$DB" report $P -o -
expect_rc "report -o -" 0
check "report -o - gives the bytes of -o FILE" cmp "$T/stdout" "$T/r.pdf"
expect_eq "report -o -: nothing but the PDF on stdout" "$(head -c 5 "$T/stdout")" "%PDF-"
expect_in "report -o -: the warnings still on stderr" "$T/stderr" "warning: IKU2"

# ---- -q -------------------------------------------------------------------
lakip -d "$DB" report $P -o "$T/r2.pdf"
expect_in "report warns of a missing realisation" "$T/stderr" "IKU2"
for q in "-q report" "--quiet report" "report -q" "report --quiet"; do
	# shellcheck disable=SC2086
	lakip -d "$DB" $q $P -o "$T/r2.pdf"
	expect_rc "$q" 0
	check "$q: no warnings" test ! -s "$T/stderr"
done
lakip -d "$DB" -q show --tahun 2023 --triwulan 3 --table iku --format csv
check "show -q: no note on a quarter without a report" test ! -s "$T/stderr"
lakip -d "$DB" show --tahun 2023 --triwulan 3 --table iku --format csv
check "and without -q the note" test -s "$T/stderr"
lakip -q -d "$DB" report $P -o "$T/no/such/dir/x.pdf"
expect_rc "-q does not hide errors" 73
check "the error is printed" test -s "$T/stderr"

# ---- a signed report, for verify and finalise -o - -------------------------
# The workflow's reviews need other accounts (workflow.sh); here the
# entries are approved directly in the database and the admin (the
# creator: this account) finalises.
SIGNED=""
if command -v openssl >/dev/null 2>&1 && command -v sqlite3 >/dev/null 2>&1; then
	cp "$DB" "$T/f.db"
	approve_all "$T/f.db"
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" -out "$T/cert.pem" \
		-days 30 -subj "/CN=Kepala Uji" >/dev/null 2>&1
	openssl pkcs12 -export -inkey "$T/key.pem" -in "$T/cert.pem" -out "$T/k.p12" \
		-passout pass:rahasia >/dev/null 2>&1
	lakip -d "$T/f.db" signer set "$T/cert.pem"
	LAKIP_P12_PASS=rahasia lakip -d "$T/f.db" finalise $P --p12 "$T/k.p12" -o -
	expect_rc "finalise -o -" 0
	cp "$T/stdout" "$T/signed.pdf"
	expect_eq "finalise -o -: the PDF on stdout" "$(head -c 5 "$T/signed.pdf")" "%PDF-"
	expect_in "finalise -o -: the summary on stderr" "$T/stderr" "Finalised"
	lakip -d "$T/f.db" verify "$T/signed.pdf"
	expect_rc "what finalise -o - wrote is the stored signed version" 0
	expect_in "verify says so" "$T/stdout" "Verified."
	SIGNED="$T/signed.pdf"
else
	for i in 1 2 3 4 5 6; do ok "finalise -o - # SKIP openssl or sqlite3 missing"; done
fi

# ---- standard output that cannot be written: exit 74 ----------------------
full() { # DESCRIPTION ARGS...: lakip ARGS... >/dev/full exits 74 with a message
	d=$1; shift
	rc=0
	"$LAKIP_BIN" "$@" >/dev/full 2>"$T/stderr" || rc=$?
	if [ "$rc" = 74 ] && grep -q "^lakip: .*No space left on device" "$T/stderr"; then ok "$d >/dev/full: exit 74"
	else not_ok "$d >/dev/full: expected exit 74 and a message, got $rc" "$(head -c 500 "$T/stderr")"; fi
}
if [ -w /dev/full ]; then
	full "--help" --help
	full "--version" --version
	full "help show" help show
	for cmd in $COMMANDS; do full "$cmd --help" "$cmd" --help; done
	full "status" -d "$DB" status $P
	full "user list" -d "$DB" user list
	full "audit log" -d "$DB" audit log
	full "audit verify" -d "$DB" audit verify
	full "show" -d "$DB" show $P
	full "show csv" -d "$DB" show $P --format csv
	full "check" check "$FIXTURE"
	full "export" -d "$DB" export --tahun 2023
	full "report -o -" -d "$DB" -q report $P -o -
	full "list instansi" -d "$DB" list instansi
	full "list tahun" -d "$DB" list tahun
	full "import --dry-run" -d "$DB" import --dry-run "$FIXTURE"
	full "init" -d "$T/full.db" init
	if [ -n "$SIGNED" ]; then full "verify" -d "$T/f.db" verify "$SIGNED"
	else ok "verify >/dev/full # SKIP no signed report"; fi
else
	ok "/dev/full # SKIP no writable /dev/full"
fi

# ---- the man pages --------------------------------------------------------
MAN="$(dirname "$LAKIP_BIN")/man/gen"
render() { groff -man -Tascii -P-cbou "$1" 2>/dev/null; }
for page in lakip.1 lakip-template.5 lakip-forms.5; do
	check "$page is generated (man/gen/$page)" test -s "$MAN/$page"
	if grep -n '@[a-zA-Z_]*@' "$MAN/$page" >"$T/left" 2>&1; then
		not_ok "$page: every @placeholder@ filled in" "$(head -n 5 "$T/left")"
	else ok "$page: every @placeholder@ filled in"; fi
	if grep -n '/usr/local' "$LAKIP_SRCDIR/man/$page" >"$T/left" 2>&1; then
		not_ok "man/$page names no installation directory itself" "$(head -n 5 "$T/left")"
	else ok "man/$page names no installation directory itself"; fi
	if command -v groff >/dev/null 2>&1; then
		groff -man -Tutf8 -ww -z "$MAN/$page" >"$T/groff" 2>&1
		check "$page: no groff warnings" test ! -s "$T/groff"
	else ok "$page: groff # SKIP groff missing"; fi
	if command -v mandoc >/dev/null 2>&1; then
		mandoc -Tlint -W warning "$MAN/$page" >"$T/lint" 2>&1
		if [ -s "$T/lint" ]; then not_ok "$page: mandoc -Tlint" "$(head -n 5 "$T/lint")"
		else ok "$page: mandoc -Tlint"; fi
	else ok "$page: mandoc -Tlint # SKIP mandoc missing (apt-get install mandoc)"; fi
	if command -v lexgrog >/dev/null 2>&1; then
		check "$page: lexgrog finds its NAME" lexgrog "$MAN/$page"
	else ok "$page: lexgrog # SKIP man-db missing"; fi
done
sed 's/\\://g' "$MAN/lakip.1" | grep -o '[^ ]*/exchange\\-format\.md' | head -n 1 >"$T/spec"
grep -q '^/.*/doc/.*/exchange' "$T/spec" && ok "lakip.1 names the installed exchange format: $(cat "$T/spec")" ||
	not_ok "lakip.1 names the installed exchange-format.md" "$(cat "$T/spec")"

if command -v groff >/dev/null 2>&1; then
	render "$MAN/lakip.1" >"$T/lakip.txt"
	sed -n '/^COMMANDS$/,/^[A-Z]/p' "$T/lakip.txt" >"$T/man.commands"
	missing=""
	for cmd in $COMMANDS; do
		grep -qE "^       $cmd( |\$)" "$T/man.commands" || missing="$missing $cmd"
	done
	expect_eq "lakip(1) has an entry for every command" "$missing" ""
	missing=""
	for cmd in "" $COMMANDS; do
		spec $cmd >"$T/s"
		while IFS='|' read -r s l v; do
			if [ -n "$s" ]; then
				grep -qF -- "-$s, --$l" "$T/lakip.txt" || missing="$missing ${cmd:-lakip}:-$s,--$l"
			else
				grep -qF -- "--$l" "$T/lakip.txt" || missing="$missing ${cmd:-lakip}:--$l"
			fi
		done <"$T/s"
	done
	expect_eq "lakip(1) names every option (short and long) of every command" "$missing" ""
	expect_in "lakip(1): the arguments of audit log stay in its tag" "$T/man.commands" \
		"       audit log [--since YYYY-MM-DD] [--user LOGIN]"
	# Every exit status the sources use (sysexits.h names), and 0.
	sed -n '/^EXIT STATUS$/,/^[A-Z]/p' "$T/lakip.txt" >"$T/man.exit"
	missing=""
	for n in 0 $(grep -rhowE 'EX_[A-Z]+' "$LAKIP_SRCDIR/src" | sort -u | while read -r x; do
			awk -v x="$x" '$1 == "#define" && $2 == x { print $3 }' /usr/include/sysexits.h
		done); do
		grep -qE "^       $n( |\$)" "$T/man.exit" || missing="$missing $n"
		sed -n '/^Exit status:/,$p' "$T/help.top" | grep -qw "$n" || missing="$missing --help:$n"
	done
	expect_eq "lakip(1) and --help document every exit status the program uses" "$missing" ""
else
	for i in 1 2 3 4; do ok "lakip(1) against the program # SKIP groff missing"; done
fi

# ---- the bash completion --------------------------------------------------
COMP="$LAKIP_SRCDIR/src/cli/completion.bash"
if command -v bash >/dev/null 2>&1; then
	# comp WORD...: the completions of the last word, one a line.
	cat >"$T/complete.bash" <<'EOF'
. "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
_lakip lakip "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
EOF
	comp() { bash "$T/complete.bash" "$COMP" "$LAKIP_BIN" "$@" 2>"$T/comp.err"; }
	check "completion.bash is valid bash" bash -n "$COMP"
	comp "" >"$T/c"
	missing=""
	for cmd in $COMMANDS help; do grep -qx "$cmd" "$T/c" || missing="$missing $cmd"; done
	expect_eq "completes every command" "$missing" ""
	expect_eq "completes a prefix" "$(comp rep)" "report"
	missing=""
	for cmd in "" $COMMANDS; do
		comp $cmd -- >"$T/c"
		comp $cmd - >"$T/c1"
		spec $cmd >"$T/s"
		while IFS='|' read -r s l v; do
			grep -qx -- "--$l" "$T/c" || missing="$missing ${cmd:-lakip}:--$l"
			[ -z "$s" ] || grep -qx -- "-$s" "$T/c1" || missing="$missing ${cmd:-lakip}:-$s"
		done <"$T/s"
	done
	expect_eq "completes every option that --help lists, for every command" "$missing" ""
	comp show -- >"$T/c"
	if grep -qx -- "--version" "$T/c" || grep -qx -- "--dry-run" "$T/c"; then
		not_ok "and only the command's own options" "$(cat "$T/c")"
	else ok "and only the command's own options"; fi
	expect_eq "--instansi from the database (-d)" "$(comp -d "$DB" show --instansi "")" "kesbangpol-kalteng"
	expect_eq "--tahun from the database (-d)" "$(comp -d "$DB" show --tahun "")" "2023"
	expect_eq "--tahun with -d after the command" "$(comp show -d "$DB" -t "")" "2023"
	expect_eq "--tahun from \$LAKIP_DB" "$(export LAKIP_DB="$DB"; comp show --tahun "")" "2023"
	expect_eq "--tahun=... as bash splits it" "$(comp --database="$DB" show --tahun = 20)" "2023"
	expect_eq "--tahun=... as one word" "$(comp --database "$DB" show --tahun=20)" "--tahun=2023"
	# -d names another database: its agencies and years.
	sed -e 's/^  kode: kesbangpol-kalteng$/  kode: kesbangpol-lain/' -e 's/^tahun: 2023$/tahun: 2024/' \
		"$FIXTURE" >"$T/lain.yaml"
	"$LAKIP_BIN" -d "$T/b.db" import "$T/lain.yaml" >/dev/null 2>&1
	"$LAKIP_BIN" -d "$T/b.db" import "$FIXTURE" >/dev/null 2>&1
	expect_eq "--instansi of the database -d names" "$(comp -d "$T/b.db" status --instansi "" | tr '\n' ' ')" \
		"kesbangpol-kalteng kesbangpol-lain "
	expect_eq "--tahun of every agency" "$(comp -d "$T/b.db" status --tahun "" | tr '\n' ' ')" "2023 2024 "
	expect_eq "--tahun of the --instansi given" \
		"$(comp -d "$T/b.db" status --instansi kesbangpol-lain --tahun "")" "2024"
	expect_eq "no database, no years (and no error)" "$(comp -d "$T/none.db" show --tahun "")" ""
	check "  nor anything on stderr" test ! -s "$T/comp.err"
	expect_eq "--triwulan" "$(comp show --triwulan "" | tr '\n' ' ')" "1 2 3 4 "
	expect_eq "--format" "$(comp show --format c)" "csv"
	expect_eq "-T of show is --table" "$(comp show -T "" | tr '\n' ' ')" "iku sasaran program "
	expect_eq "--dokumen of report: the choices its --help names" \
		"$(comp report --dokumen "" | tr '\n' ' ')" "laporan rekap pk lkjip "
	expect_eq "-D is --dokumen" "$(comp report -D r)" "rekap"
	expect_eq "--format of export" "$(comp export --format x)" "xlsx"
	expect_eq "--sheet of import" "$(comp import --sheet realisasi_ | tr '\n' ' ')" "realisasi_iku realisasi_program "
	expect_eq "--sheet of export: the computed sheets too" "$(comp export --sheet capaian_tw | tr '\n' ' ')" \
		"capaian_tw1 capaian_tw2 capaian_tw3 capaian_tw4 "
	expect_eq "the role of user add" "$(comp user add x --role k | tr '\n' ' ')" "kabid kepala "
	expect_eq "audit verify|log" "$(comp audit "" | tr '\n' ' ')" "verify log "
	expect_eq "an option's value is no argument" "$(comp -d "$DB" list --instansi x "" | tr '\n' ' ')" "instansi tahun "
else
	ok "bash completion # SKIP bash missing"
fi
# ---- the editor when neither VISUAL nor EDITOR is set ----------------------
# sensible-editor where it is installed (Debian), else vi: fakes of both
# in PATH, the terminal application in a detached tmux (as tui.sh), F4 on
# a narrative.
if command -v tmux >/dev/null 2>&1; then
	SOCK="lakip-conv-$$"
	printf 'set -g remain-on-exit on\n' >"$T/tmux.conf"
	TM() { tmux -L "$SOCK" -f "$T/tmux.conf" "$@"; }
	at_exit() { tmux -L "$SOCK" kill-server >/dev/null 2>&1; }
	wait_for() { # SESSION TEXT: poll the screen for TEXT
		i=0
		while [ $i -lt 100 ]; do
			TM capture-pane -t "$1" -p >"$T/screen" 2>/dev/null
			grep -qF -- "$2" "$T/screen" && return 0
			sleep 0.1; i=$((i + 1))
		done
		return 1
	}
	mkdir -p "$T/bin1" "$T/bin2"
	printf '#!/bin/sh\necho "Dari sensible-editor" >>"$1"\n' >"$T/bin1/sensible-editor"
	printf '#!/bin/sh\necho "Dari vi" >>"$1"\n' >"$T/bin2/vi"
	chmod +x "$T/bin1/sensible-editor" "$T/bin2/vi"
	for e in "sensible-editor:$T/bin1:$PATH" "vi:$T/bin2"; do
		name=${e%%:*} path=${e#*:}
		cp "$DB" "$T/ed-$name.db"   # its own: a killed session leaves a draft
		TM new-session -d -s "$name" -x 80 -y 24 "env -u VISUAL -u EDITOR PATH='$path' \
			LANGUAGE=en LC_ALL=C.UTF-8 HOME='$HOME' LAKIP_DATA_DIR='$LAKIP_DATA_DIR' \
			'$LAKIP_BIN' -d '$T/ed-$name.db'"
		wait_for "$name" "Choose the period" && TM send-keys -t "$name" Enter &&
			wait_for "$name" "Steps of" && TM send-keys -t "$name" Down Down Down Down Down Enter &&
			wait_for "$name" "Narratives and supporting tables" && TM send-keys -t "$name" Enter &&
			wait_for "$name" "F4 Editor" && TM send-keys -t "$name" F4
		if wait_for "$name" "Dari $name"; then ok "no VISUAL nor EDITOR: $name"
		else not_ok "no VISUAL nor EDITOR: $name" "$(cat "$T/screen")"; fi
		TM kill-session -t "$name" >/dev/null 2>&1
	done
else
	ok "the editor fallback # SKIP tmux missing"
	ok "the editor fallback # SKIP tmux missing"
fi
finish
