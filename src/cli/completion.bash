# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# completion.bash - bash completion for lakip (installed as "lakip" in
# bash-completion's completions directory).
#
# Nothing here repeats the program's tables: the commands come from
# `lakip --help`, each command's options from `lakip COMMAND --help` (the
# lines "  -x, --name VALUE  help" and "      --name VALUE  help"), the
# agencies and years from `lakip list instansi|tahun` on the database the
# command line names (-d, --database; else $LAKIP_DB or the default, as
# lakip itself chooses).  tests/e2e/conventions.sh checks that every
# option --help lists is completed.

# _lakip_run ARGS...: the program being completed (as typed, ~/ expanded),
# with messages in English and no errors: a missing database completes
# nothing.
_lakip_run() {
	local p=${COMP_WORDS[0]}
	[[ $p == "~/"* ]] && p=$HOME/${p#"~/"}
	"$p" --lang en "$@" 2>/dev/null
}

# _lakip_spec [CMD]: "SHORT|LONG|VALUE" for each option in the --help of
# CMD (of lakip without one); SHORT and VALUE may be empty.
_lakip_spec() {
	_lakip_run ${1:+"$1"} --help |
		sed -nE 's/^  (-([A-Za-z]), |    )--([a-z][-a-z0-9]*)( ([^ ]+))?  .*/\2|\3|\5/p'
}

# _lakip_words WORD...: COMPREPLY from the words that start with $cur.
_lakip_words() {
	local w
	COMPREPLY=()
	for w in "$@"; do
		[[ $w == "$cur"* ]] && COMPREPLY+=("$pre$w")
	done
}

# _lakip_files [GLOB]: directories, and files (those matching GLOB).
_lakip_files() {
	local IFS=$'\n' f
	COMPREPLY=()
	for f in $(compgen -f -- "$cur"); do
		if [[ -d $f ]]; then COMPREPLY+=("$pre$f/")
		elif [[ -z $1 || $f == $1 ]]; then COMPREPLY+=("$pre$f"); fi
	done
	compopt -o filenames -o nospace 2>/dev/null
	return 0
}

_lakip() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev= pre= cmd= w s l v i
	local -a args=() db=() inst=() names=() commands=()
	local -A value=() long=()

	# The options before the command, and the commands.
	while IFS='|' read -r s l v; do
		long[--$l]=--$l
		[[ -n $s ]] && long[-$s]=--$l
		[[ -n $v ]] && value[--$l]=$v
	done < <(_lakip_spec)
	read -r -d '' -a commands < <(_lakip_run --help | sed -n 's/^  \([a-z][a-z]*\)\( .*\)\{0,1\}$/\1/p')

	# Read the line up to the word being completed: the command, its
	# arguments, the database and the agency.  "--tahun=2023" comes as
	# "--tahun" "=" "2023" (= is in COMP_WORDBREAKS) or as one word.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [[ $w == -* ]]; then
			l=${long[${w%%=*}]} s=${long[${w:0:2}]}
			if [[ $w == --*=* ]]; then
				v=${w#*=}
			elif [[ -n $l && -n ${value[$l]} ]]; then
				[[ ${COMP_WORDS[i+1]} == "=" ]] && ((i++))
				((i + 1 < COMP_CWORD)) || break
				((i++)); v=${COMP_WORDS[i]}
			elif [[ $w != --* && -n $s && -n ${value[$s]} ]]; then
				l=$s v=${w:2}          # -d/tmp/a.db
			else
				continue
			fi
			case $l in
			--database) db=(-d "$v") ;;
			--instansi) inst=(--instansi "$v") ;;
			esac
		elif [[ -z $cmd ]]; then
			cmd=$w
			# From here on, the command's options (the common ones
			# among them).
			long=() value=()
			if [[ " ${commands[*]} " == *" $cmd "* ]]; then
				while IFS='|' read -r s l v; do
					long[--$l]=--$l
					[[ -n $s ]] && long[-$s]=--$l
					[[ -n $v ]] && value[--$l]=$v
				done < <(_lakip_spec "$cmd")
			fi
		else
			args+=("$w")
		fi
	done
	if ((i < COMP_CWORD)); then       # the loop stopped at a value
		prev=${COMP_WORDS[COMP_CWORD-1]}
		[[ $prev == "=" ]] && prev=${COMP_WORDS[COMP_CWORD-2]}
	elif [[ $cur == "=" ]]; then
		prev=${COMP_WORDS[COMP_CWORD-1]} cur=
	elif [[ $cur == -*=* ]]; then
		prev=${cur%%=*} pre=${cur%%=*}= cur=${cur#*=}
	fi
	[[ $prev == "=" ]] && prev=${COMP_WORDS[COMP_CWORD-2]}

	# The value of an option.
	if [[ -n $prev ]]; then
		case ${long[$prev]} in
		--database | --output | --signature-image) _lakip_files ;;
		--p12) _lakip_files '*.p12' ;;
		--template) _lakip_files '*.yaml'; [[ laporan == "$cur"* ]] && COMPREPLY+=("${pre}laporan") ;;
		--sheet) _lakip_words instansi bidang iku program triwulan realisasi_iku realisasi_program \
			$([[ $cmd == export ]] && echo capaian_tw1 capaian_tw2 capaian_tw3 capaian_tw4) ;;
		--lang) _lakip_words id en ;;
		--triwulan) _lakip_words 1 2 3 4 ;;
		--role) _lakip_words operator kabid kepala admin ;;
		--instansi) _lakip_words $(_lakip_run "${db[@]}" list instansi) ;;
		--tahun) _lakip_words $(_lakip_run "${db[@]}" list tahun "${inst[@]}") ;;
		--user) _lakip_words $(compgen -u) ;;
		*)      # a value that --help spells as choices: "laporan|rekap"
			v=${value[${long[$prev]}]}
			if [[ $v =~ ^[a-z]+(\|[a-z]+)+$ ]]; then _lakip_words ${v//|/ }
			else COMPREPLY=(); fi ;;
		esac
		return 0
	fi

	# An option: the long names, and the short ones after a single -.
	if [[ $cur == -* ]]; then
		names=("${!long[@]}")
		_lakip_words $(printf '%s\n' "${names[@]}" | LC_ALL=C sort)
		return 0
	fi

	# An argument.
	case $cmd in
	"") _lakip_words "${commands[@]}" help ;;
	help) ((${#args[@]} == 0)) && _lakip_words "${commands[@]}" ;;
	import | check) ((${#args[@]} == 0)) && _lakip_files '*.y*ml' ;;
	verify) ((${#args[@]} == 0)) && _lakip_files '*.pdf' ;;
	list) ((${#args[@]} == 0)) && _lakip_words instansi tahun ;;
	audit) ((${#args[@]} == 0)) && _lakip_words verify log ;;
	user)
		case ${#args[@]}:${args[0]} in
		0:) _lakip_words add list remove role ;;
		1:add | 1:remove | 1:role) _lakip_words $(compgen -u) ;;
		2:role) _lakip_words operator kabid kepala admin ;;
		esac ;;
	esac
	return 0
}
complete -F _lakip lakip
