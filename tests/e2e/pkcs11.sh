#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# pkcs11.sh - finalise --pkcs11: the quarter signed with a key that stays
# on a token (SoftHSM2, initialised here in $T with its own
# configuration), reached through OpenSSL's PKCS#11 engine and p11-kit's
# proxy or the module the URI names; the certificate read from the token
# must be registered; a wrong PIN, a missing object, a missing module, a
# certificate not registered: refused, nothing stored, no file.
. "$(dirname "$0")/lib.sh"
for tool in softhsm2-util pkcs11-tool openssl pdfsig; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing (apt-get install softhsm2 opensc)"; exit 0; }
done
MOD=
for m in /usr/lib/softhsm/libsofthsm2.so /usr/lib/*/softhsm/libsofthsm2.so; do
	[ -f "$m" ] && MOD=$m && break
done
[ -n "$MOD" ] || { echo "1..0 # SKIP SoftHSM2's module is missing"; exit 0; }
openssl engine pkcs11 >/dev/null 2>&1 ||
	{ echo "1..0 # SKIP OpenSSL's PKCS#11 engine is missing (apt-get install libengine-pkcs11-openssl)"; exit 0; }

# Under the sanitizers (CI): whole stacks for LeakSanitizer, so that
# tests/lsan.supp can tell the PKCS#11 engine's leak at exit (its key
# methods, made in OPENSSL_cleanup) from lakip's; the fast unwinder stops
# at libcrypto, which has no frame pointers.
[ -z "${ASAN_OPTIONS:-}" ] || export ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0"

mkdir "$T/tokens"
export SOFTHSM2_CONF="$T/softhsm2.conf"
printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n' \
	"$T/tokens" >"$SOFTHSM2_CONF"
softhsm2-util --init-token --free --label kepala --so-pin 87654321 --pin 123456 >/dev/null
test_key
openssl pkcs8 -topk8 -nocrypt -in "$T/key.pem" -out "$T/key8.pem"
openssl x509 -in "$T/cert.pem" -outform der -out "$T/cert.der"
softhsm2-util --import "$T/key8.pem" --token kepala --label ttd --id 01 --pin 123456 >/dev/null
pkcs11-tool --module "$MOD" --token-label kepala --login --pin 123456 \
	--write-object "$T/cert.der" --type cert --id 01 --label ttd >/dev/null 2>&1
# a second key whose certificate is not registered
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/lain.pem" -out "$T/lain.crt" \
	-days 30 -subj "/CN=Bukan Kepala" >/dev/null 2>&1
openssl pkcs8 -topk8 -nocrypt -in "$T/lain.pem" -out "$T/lain8.pem"
openssl x509 -in "$T/lain.crt" -outform der -out "$T/lain.der"
softhsm2-util --import "$T/lain8.pem" --token kepala --label lain --id 02 --pin 123456 >/dev/null
pkcs11-tool --module "$MOD" --token-label kepala --login --pin 123456 \
	--write-object "$T/lain.der" --type cert --id 02 --label lain >/dev/null 2>&1
pkcs11-tool --module "$MOD" --token-label kepala --login --pin 123456 -O >"$T/objects" 2>/dev/null
expect_in "the token holds the private key" "$T/objects" "Private Key Object"
expect_in "and its certificate" "$T/objects" "Certificate Object"

DB=$(new_db p)
Y="--tahun 2023 --triwulan 2"
URI="pkcs11:token=kepala;object=ttd"
"$LAKIP_BIN" -d "$DB" import "$FIXTURE" >/dev/null 2>&1
approve_all "$DB"
lakip -d "$DB" signer set "$T/cert.pem"
expect_rc "the token's certificate registered" 0
unset LAKIP_P12_PASS

# nothing_stored LABEL FILE: no signed version and no FILE.
nothing_stored() {
	lakip -d "$DB" signed get $Y -o "$T/none.pdf"
	[ "$rc" != 0 ] && [ ! -e "$2" ] && [ ! -e "$T/none.pdf" ] &&
		ok "$1: nothing stored, no file" ||
		not_ok "$1: nothing stored, no file" "signed get exit $rc"
}

LAKIP_PKCS11_PIN=000000 lakip -d "$DB" finalise $Y --pkcs11 "$URI" -o "$T/a.pdf"
expect_rc "a wrong PIN is refused" 65
expect_in "it says the PIN may be wrong" "$T/stderr" "wrong PIN"
nothing_stored "a wrong PIN" "$T/a.pdf"

LAKIP_PKCS11_PIN=123456 lakip -d "$DB" finalise $Y --pkcs11 "pkcs11:token=kepala;object=tidakada" -o "$T/a.pdf"
expect_rc "no such object on the token" 65
expect_in "it names the object" "$T/stderr" "object=tidakada"
nothing_stored "no such object" "$T/a.pdf"

LAKIP_PKCS11_PIN=123456 lakip -d "$DB" finalise $Y --pkcs11 "$URI?module-path=$T/nope.so" -o "$T/a.pdf"
expect_rc "a module that is not there is unavailable" 69
expect_in "it names the module" "$T/stderr" "$T/nope.so"

LAKIP_PKCS11_PIN=123456 lakip -d "$DB" finalise $Y --pkcs11 "pkcs11:token=kepala;object=lain" -o "$T/a.pdf"
expect_rc "a key whose certificate is not registered may not sign" 77
expect_in "it names the certificate" "$T/stderr" "Bukan Kepala"
nothing_stored "an unregistered certificate" "$T/a.pdf"

lakip -d "$DB" finalise $Y --pkcs11 "$URI" --p12 "$T/k.p12" -o "$T/a.pdf"
expect_rc "--p12 and --pkcs11 together" 64
lakip -d "$DB" finalise $Y --pkcs11 "token=kepala" -o "$T/a.pdf"
expect_rc "--pkcs11 needs a pkcs11: URI" 64
lakip -d "$DB" finalise $Y -o "$T/a.pdf"
expect_rc "a key is required" 64
expect_in "it names both ways" "$T/stderr" "--pkcs11 URI"
unset LAKIP_PKCS11_PIN
if [ -z "${TMUX:-}" ] && ! (: </dev/tty) 2>/dev/null; then
	lakip -d "$DB" finalise $Y --pkcs11 "$URI" -o "$T/a.pdf"
	expect_rc "no PIN and no terminal to ask it on" 64
	expect_in "it says how to give it" "$T/stderr" "LAKIP_PKCS11_PIN"
fi

# Signed with the module the URI names and the PIN from the environment.
LAKIP_PKCS11_PIN=123456 lakip -d "$DB" finalise $Y --pkcs11 "$URI;type=private?module-path=$MOD" -o "$T/a.pdf"
expect_rc "finalise with the key on the token" 0
expect_in "it names the signer" "$T/stdout" "Kepala Uji"
pdfsig "$T/a.pdf" >"$T/pdfsig" 2>&1
expect_in "pdfsig: the signature is valid" "$T/pdfsig" "Signature is Valid"
expect_in "pdfsig: signed by the token's certificate" "$T/pdfsig" "Signer Certificate Common Name: Kepala Uji"
check "qpdf --check passes" qpdf --check "$T/a.pdf"
lakip -d "$DB" verify "$T/a.pdf"
expect_rc "lakip verify accepts it" 0
lakip -d "$DB" signed get $Y -o "$T/b.pdf"
check "the stored version is the file written" cmp "$T/a.pdf" "$T/b.pdf"
lakip -d "$DB" audit verify
expect_rc "the audit chain verifies" 0

finish
