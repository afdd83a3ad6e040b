#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# Hostile exchange files are refused quickly, without exhausting memory,
# and leave the database untouched.
. "$(dirname "$0")/lib.sh"
DB="$T/a.db"
"$LAKIP_BIN" -d "$DB" import "$FIXTURE" >/dev/null 2>&1
before=$(sum "$DB")

# A sanitizer build reserves terabytes of address space and runs several
# times slower: no address limit for it, and more time.
limit_kb=524288 limit_ms=1000
if ldd "$LAKIP_BIN" 2>/dev/null | grep -q 'libasan'; then
	limit_kb=unlimited limit_ms=5000
fi

# refuse NAME FILE: exit 65 within a second, under a 512 MB address limit.
refuse() {
	start=$(date +%s%N)
	rc=0
	( ulimit -v "$limit_kb"; exec "$LAKIP_BIN" -d "$DB" import "$2" ) >"$T/stdout" 2>"$T/stderr" || rc=$?
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	expect_rc "$1 refused" 65
	if [ "$ms" -lt "$limit_ms" ]; then ok "$1 refused in ${ms} ms"
	else not_ok "$1 took ${ms} ms"; fi
}

# Alias bomb ("billion laughs").
{
	echo 'format: lakip/1'
	echo 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'
	i=1; while [ $i -le 30 ]; do
		p=$((i - 1)); echo "a$i: &a$i [*a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p]"; i=$((i + 1))
	done
} >"$T/bomb.yaml"
refuse "alias bomb" "$T/bomb.yaml"

# Nesting 10,000 deep.
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "["; for (i = 0; i < 10000; i++) printf "]"; print "" }' >"$T/deep.yaml"
refuse "10,000-deep nesting" "$T/deep.yaml"

# A 100 MB scalar.
{ printf 'format: lakip/1\nx: "'; head -c 100000000 /dev/zero | tr '\0' 'a'; printf '"\n'; } >"$T/big.yaml"
refuse "100 MB scalar" "$T/big.yaml"
rm -f "$T/big.yaml"

# Invalid UTF-8 in a name.
sed 's/^  nama: Badan Kesatuan/  nama: \xff\xfeBadan Kesatuan/' "$FIXTURE" >"$T/utf8.yaml"
refuse "invalid UTF-8" "$T/utf8.yaml"
expect_in "invalid UTF-8 error names the line" "$T/stderr" "utf8.yaml:"

# Unknown and duplicate keys: a typo must not vanish.
sed 's/^    pangkat: /    pangkt: /' "$FIXTURE" >"$T/typo.yaml"
refuse "unknown key" "$T/typo.yaml"
expect_eq "nothing changed" "$(sum "$DB")" "$before"
finish
