#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# ltv.sh - long-term signatures (PAdES B-LT): a test CA made here with
# `openssl ca` (its CRL from `openssl ca -gencrl`, served over HTTP with
# the timestamp authority on 127.0.0.1, and an `openssl ocsp` responder),
# a signing certificate valid for 60 seconds, a revoked one.  finalise
# --tsa adds the DSS after the signature (the signer's and the
# authority's chains, OCSP answers fetched from their AIA, CRLs fetched
# or given with --crl); verify names the level reached; after the
# certificate expired the B-LT report still verifies, a B-T one fails
# with the reason.  Every finalise (quarter, agreement by both parties,
# LKjIP) goes through it; pdfsig, qpdf --check and poppler agree.
. "$(dirname "$0")/lib.sh"
for tool in openssl sqlite3 perl pdfsig qpdf pdftotext; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
perl -MIO::Socket::INET -e 1 2>/dev/null || { echo "1..0 # SKIP perl IO::Socket::INET"; exit 0; }
C="$T/ca"
mkdir -p "$C/new"
export LAKIP_P12_PASS=rahasia
freeport() {
	perl -MIO::Socket::INET -e 'my $s = IO::Socket::INET->new(LocalAddr =>
		"127.0.0.1", LocalPort => 0, Listen => 1) or die; print $s->sockport'
}
HPORT=$(freeport) OPORT=$(freeport)
OCSP="http://127.0.0.1:$OPORT/" CRLURL="http://127.0.0.1:$HPORT/ca.crl"
TSA="http://127.0.0.1:$HPORT/tsa"

# The CA: its database, a policy that keeps every name part given, and
# an extension section for each kind of certificate.
: >"$C/index.txt"
echo 1000 >"$C/serial"
echo 01 >"$C/crlnumber"
cat >"$C/ca.cnf" <<CNF
[ ca ]
default_ca = uji
[ uji ]
database = $C/index.txt
new_certs_dir = $C/new
serial = $C/serial
crlnumber = $C/crlnumber
certificate = $C/ca.crt
private_key = $C/ca.key
default_md = sha256
default_days = 30
default_crl_days = 2
policy = any
unique_subject = no
[ any ]
countryName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
serialNumber = optional
[ ocsp ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
authorityInfoAccess = OCSP;URI:$OCSP
[ cdp ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
crlDistributionPoints = URI:$CRLURL
[ plain ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
[ tsa ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
authorityInfoAccess = OCSP;URI:$OCSP
CNF
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$C/ca.key" -out "$C/ca.crt" \
	-days 2 -subj "/O=Uji/CN=Uji CA Jangka Panjang" \
	-addext "basicConstraints=critical,CA:TRUE" \
	-addext "keyUsage=critical,keyCertSign,cRLSign" >/dev/null 2>&1
# issue NAME SUBJECT EXT [ENDDATE]: $T/NAME.pem, .key, .p12 (with the CA).
issue() {
	openssl req -newkey rsa:2048 -nodes -keyout "$T/$1.key" -out "$T/$1.csr" \
		-subj "$2" >/dev/null 2>&1
	openssl ca -batch -config "$C/ca.cnf" -extensions "$3" -in "$T/$1.csr" \
		-out "$T/$1.pem" -notext ${4:+-startdate "$(date -u -d @$(($(date +%s) - 5)) +%Y%m%d%H%M%SZ)" -enddate "$4"} \
		>"$T/issue.log" 2>&1 || { echo "Bail out! openssl ca: $(cat "$T/issue.log")"; exit 1; }
	openssl pkcs12 -export -inkey "$T/$1.key" -in "$T/$1.pem" -certfile "$C/ca.crt" \
		-out "$T/$1.p12" -passout pass:rahasia >/dev/null 2>&1
}
issue tsa "/O=Uji/CN=Uji TSA" tsa
issue dicabut "/CN=Kepala Uji/OU=Dicabut" ocsp
issue head "/CN=Budi Santoso/serialNumber=196610221993081001" cdp
issue gub "/CN=Gubernur Uji" plain
openssl ca -batch -config "$C/ca.cnf" -revoke "$T/dicabut.pem" \
	-crl_reason keyCompromise >/dev/null 2>&1
openssl ca -batch -config "$C/ca.cnf" -gencrl -out "$C/ca.crl" >/dev/null 2>&1
openssl crl -in "$C/ca.crl" -outform DER -out "$C/ca.der" 2>/dev/null
# A CRL of another CA: it does not cover our certificates.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$C/lain.key" -out "$C/lain.crt" \
	-days 2 -subj "/O=Uji/CN=Uji CA Jangka Panjang" >/dev/null 2>&1
tsa_config "$C/tsa.cnf" "$C/tsaserial" "$T/tsa.pem" "$T/tsa.key"

# A certificate valid for 60 seconds (before the OCSP responder reads
# the CA's database).
ENDS=$(($(date +%s) + 60))
issue short "/CN=Kepala Uji" ocsp "$(date -u -d @$ENDS +%Y%m%d%H%M%SZ)"

# One HTTP server on 127.0.0.1: POST is a timestamp request (openssl ts
# -reply), GET /ca.crl the CA's CRL; each request is logged.  The OCSP
# responder is openssl's own.
perl -MIO::Socket::INET -e '
	my ($port, $dir) = @ARGV;
	alarm 600;
	my $s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => $port,
	    Listen => 5, ReuseAddr => 1) or die "listen: $!";
	open(my $p, ">", "$dir/up") or die; close $p;
	while (my $c = $s->accept) {
		binmode $c;
		my ($len, $line, $req) = (0, "", "");
		$req = <$c>;
		while (defined($line = <$c>)) {
			$len = $1 if $line =~ /^Content-Length:\s*(\d+)/i;
			last if $line =~ /^\r?\n$/;
		}
		my $body = ""; read($c, $body, $len) if $len;
		open(my $log, ">>", "$dir/http.log"); print $log $req; close $log;
		my ($out, $type) = ("", "application/octet-stream");
		if ($req =~ /^POST/) {
			open(my $q, ">", "$dir/q.der"); binmode $q; print $q $body; close $q;
			system("openssl", "ts", "-reply", "-config", "$dir/tsa.cnf",
			    "-queryfile", "$dir/q.der", "-out", "$dir/r.der") == 0 or die;
			open(my $r, "<", "$dir/r.der"); binmode $r; local $/; $out = <$r>;
			$type = "application/timestamp-reply";
		} elsif ($req =~ m{^GET /ca\.crl}) {
			open(my $r, "<", "$dir/ca.der"); binmode $r; local $/; $out = <$r>;
			$type = "application/pkix-crl";
		}
		print $c "HTTP/1.0 200 OK\r\nContent-Type: $type\r\n",
		    "Content-Length: ", length($out), "\r\n\r\n", $out;
		close $c;
	}' "$HPORT" "$C" 2>"$C/http.err" &
hpid=$!
openssl ocsp -index "$C/index.txt" -port "$OPORT" -rsigner "$C/ca.crt" \
	-rkey "$C/ca.key" -CA "$C/ca.crt" -nmin 60 >"$C/ocsp.log" 2>&1 &
opid=$!
at_exit() {
	[ -n "${hpid:-}" ] && kill "$hpid" 2>/dev/null
	[ -n "${opid:-}" ] && kill "$opid" 2>/dev/null
	:
}
i=0
while [ $i -lt 100 ]; do
	[ -e "$C/up" ] && openssl ocsp -issuer "$C/ca.crt" -cert "$T/gub.pem" \
		-url "$OCSP" -CAfile "$C/ca.crt" >/dev/null 2>&1 && break
	sleep 0.1; i=$((i + 1))
done
[ $i -lt 100 ] || { echo "Bail out! the local OCSP responder or HTTP server did not start"; exit 1; }

# The quarter, on the sample data.  The revoked certificate first.
DB="$T/q.db" Y="--tahun 2023 --triwulan 2"
"$LAKIP_BIN" -d "$DB" import "$FIXTURE" >/dev/null 2>&1
approve_all "$DB"
lakip -d "$DB" signer set "$T/dicabut.pem"
lakip -d "$DB" finalise $Y --p12 "$T/dicabut.p12" --tsa "$TSA" -o "$T/dicabut.pdf"
expect_rc "a revoked certificate does not sign" 77
expect_in "it names the certificate" "$T/stderr" "OU=Dicabut"
expect_in "and says it is revoked" "$T/stderr" "is revoked"
expect_eq "nothing stored" "$(sqlite3 "$DB" "SELECT count(*) FROM signed_report")" 0
check "no file written" test ! -e "$T/dicabut.pdf"

# The short-lived certificate: signed with a timestamp (B-LT,
# the OCSP answers fetched), and in another database with a timestamp
# but no revocation data (--offline: B-T).
lakip -d "$DB" signer set "$T/short.pem"
lakip -d "$DB" finalise $Y --p12 "$T/short.p12" --tsa "$TSA" -o "$T/lt.pdf"
expect_rc "finalise --tsa with a CA that answers OCSP" 0
DB3="$T/bt.db"
"$LAKIP_BIN" -d "$DB3" import "$FIXTURE" >/dev/null 2>&1
approve_all "$DB3"
"$LAKIP_BIN" -d "$DB3" signer set "$T/short.pem" >/dev/null 2>&1
lakip -d "$DB3" finalise $Y --p12 "$T/short.p12" --tsa "$TSA" --offline -o "$T/bt.pdf"
expect_rc "finalise --tsa --offline" 0
signed_before=$(date +%s)
[ "$signed_before" -lt "$ENDS" ] || echo "Bail out! signing took longer than the certificate's 60 s"
lakip -d "$DB" verify "$T/lt.pdf"
expect_rc "verify of the B-LT report" 0
expect_in "its level" "$T/stdout" "Level: PAdES B-LT"
expect_in "the DSS holds the chains and both OCSP answers" "$T/stdout" \
	"Validation data (DSS): 3 certificate(s), 0 CRL(s), 2 OCSP answer(s)"
expect_in "revocation covered" "$T/stdout" "Revocation: every certificate of the chains is covered"
expect_in "the DSS update is no change to the signed revision" "$T/stdout" \
	"Signed revision: the whole file, and 1 update(s) after it that only add validation data"
expect_in "verified" "$T/stdout" "Verified."
check "OCSP asked over HTTP" grep -q "OCSP" "$C/ocsp.log"
lakip -d "$DB" signed get $Y -o "$T/stored.pdf"
check "the stored signed version is the B-LT file" cmp "$T/lt.pdf" "$T/stored.pdf"
# The file's structure: a DSS in the catalog, its VRI keyed by the
# SHA-1 of the signature's /Contents (computed here independently).
KEY=$(perl -e 'local $/; my $f = <STDIN>; $f =~ /\/Contents\s*<([0-9A-Fa-f]+)>/ or exit 1;
	print pack("H*", $1)' <"$T/lt.pdf" | openssl sha1 -r | awk '{print toupper($1)}')
check "the VRI key is the SHA-1 of /Contents" grep -aq "/$KEY << /Cert \[" "$T/lt.pdf"
check "the catalog names the DSS and ESIC extension level 5" sh -c \
	"grep -aq '/DSS [0-9]* 0 R' '$T/lt.pdf' && grep -aq '/ESIC << /BaseVersion /1.7 /ExtensionLevel 5' '$T/lt.pdf'"
check "qpdf --check passes" qpdf --check "$T/lt.pdf"
pdftotext "$T/lt.pdf" - >/dev/null 2>"$T/poppler"
expect_eq "poppler is silent" "$(cat "$T/poppler")" ""
pdfsig "$T/lt.pdf" >"$T/pdfsig" 2>&1 || true
expect_in "pdfsig: Signature is Valid" "$T/pdfsig" "Signature is Valid"
expect_in "pdfsig: a PAdES signature" "$T/pdfsig" "Signature Type: ETSI.CAdES.detached"
expect_in "pdfsig: its signing time" "$T/pdfsig" "Signing Time:"
lakip -d "$DB3" verify "$T/bt.pdf"
expect_rc "verify of the B-T report while the certificate is valid" 0
expect_in "its level" "$T/stdout" "Level: PAdES B-T"
expect_in "says what is missing" "$T/stdout" "Revocation: no CRL or OCSP answer covers"

# The agreement signed by both parties and the LKjIP, on the annual
# data: the head's certificate names a CRL distribution point (fetched
# from the HTTP server), the governor's none (the CRL given).
DB2="$T/pk.db"
"$LAKIP_BIN" -d "$DB2" import "$LAKIP_SRCDIR/tests/data/tahunan-2023.yaml" >/dev/null 2>&1
"$LAKIP_BIN" -d "$DB2" signer set "$T/head.pem" >/dev/null 2>&1
"$LAKIP_BIN" -d "$DB2" signer set --pihak kedua "$T/gub.pem" >/dev/null 2>&1
lakip -d "$DB2" finalise --dokumen pk --tahun 2023 --p12 "$T/head.p12" --tsa "$TSA" -o "$T/pk1.pdf"
expect_rc "the agreement signed by the head, B-LT" 0
check "the CRL fetched from the distribution point" grep -q "GET /ca.crl" "$C/http.log"
lakip -d "$DB2" finalise --dokumen pk --pihak kedua --tahun 2023 --p12 "$T/gub.p12" \
	--tsa "$TSA" --offline --crl "$C/ca.crl" -o "$T/pk2.pdf"
expect_rc "countersigned by the governor with --crl, offline" 0
lakip -d "$DB2" verify "$T/pk2.pdf"
expect_rc "verify of the agreement" 0

expect_eq "both signatures reach B-LT" "$(grep -c 'Level: PAdES B-LT' "$T/stdout")" 2
check "qpdf --check passes on the agreement" qpdf --check "$T/pk2.pdf"
pdfsig "$T/pk2.pdf" >"$T/pdfsig" 2>&1 || true
expect_eq "pdfsig: both signatures valid" "$(grep -c 'Signature is Valid' "$T/pdfsig")" 2
lakip -d "$DB2" finalise --dokumen lkjip --tahun 2023 --p12 "$T/head.p12" --crl "$T/none.crl" -o "$T/x.pdf"
expect_rc "a --crl file that is missing" 66
lakip -d "$DB2" finalise --dokumen lkjip --tahun 2023 --p12 "$T/head.p12" --crl "$T/head.pem" -o "$T/x.pdf"
expect_rc "a --crl file that is no CRL" 65
expect_in "names it" "$T/stderr" "head.pem: not a CRL"
lakip -d "$DB2" finalise --dokumen lkjip --tahun 2023 --p12 "$T/head.p12" --tsa "$TSA" \
	--offline --crl "$C/ca.der" -o "$T/lkjip.pdf"
expect_rc "the LKjIP signed, B-LT from a DER CRL" 0
lakip -d "$DB2" verify "$T/lkjip.pdf"
expect_rc "verify of the LKjIP" 0
expect_in "its level" "$T/stdout" "Level: PAdES B-LT"

# An update after the DSS that changes the catalog (an /OpenAction) is
# a change to the signed document.
perl -e 'local $/; my $f = <STDIN>;
	my @x = ($f =~ /startxref\s+(\d+)/g); my $prev = $x[-1];
	my ($root) = ($f =~ /\/Root (\d+) 0 R/g)[-1];
	my @cats = ($f =~ /\n$root 0 obj\n(<<.*?>>)\nendobj/gs); my $cat = $cats[-1];
	$cat =~ s/>>$/\/OpenAction [3 0 R \/Fit]\n>>/;
	my ($size) = ($f =~ /\/Size (\d+)/g)[-1];
	my $off = length($f);
	my $o = "$root 0 obj\n$cat\nendobj\n"; my $xo = $off + length($o);
	print $f, $o, "xref\n$root 1\n", sprintf("%010d 00000 n\r\n", $off),
	    "trailer\n<< /Size $size /Root $root 0 R /Prev $prev >>\nstartxref\n$xo\n%%EOF\n"' \
	<"$T/lt.pdf" >"$T/changed.pdf"
lakip -d "$DB" verify "$T/changed.pdf"
expect_rc "an update that changes the catalog fails" 65
expect_in "reported as a change" "$T/stdout" "CHANGED: the file was updated after it was signed"
# A CRL of another CA with our CA's name is not counted.
DB4="$T/lain.db"
"$LAKIP_BIN" -d "$DB4" import "$LAKIP_SRCDIR/tests/data/tahunan-2023.yaml" >/dev/null 2>&1
"$LAKIP_BIN" -d "$DB4" signer set "$T/head.pem" >/dev/null 2>&1
openssl ca -batch -config "$C/ca.cnf" -gencrl -keyfile "$C/lain.key" -cert "$C/lain.crt" \
	-out "$C/lain.crl" >/dev/null 2>&1
lakip -d "$DB4" finalise --dokumen lkjip --tahun 2023 --p12 "$T/head.p12" --tsa "$TSA" \
	--offline --crl "$C/lain.crl" -o "$T/lain.pdf"
expect_rc "signed with a CRL of another CA" 0
lakip -d "$DB4" verify "$T/lain.pdf"
expect_in "not counted: B-T" "$T/stdout" "Level: PAdES B-T"
expect_in "the certificate without revocation data named" "$T/stdout" \
	"Revocation: no CRL or OCSP answer covers /CN=Budi Santoso"

# After the short certificate's end.
now=$(date +%s)
[ "$now" -le $((ENDS + 1)) ] && sleep $((ENDS + 2 - now))
lakip -d "$DB" verify "$T/lt.pdf"
expect_rc "the B-LT report verifies after its certificate expired" 0
expect_in "it says why" "$T/stdout" "the timestamp proves the signature was made while it was valid"
expect_in "still B-LT" "$T/stdout" "Level: PAdES B-LT"
lakip -d "$DB3" verify "$T/bt.pdf"
expect_rc "the B-T report fails after its certificate expired" 65
expect_in "with the reason" "$T/stdout" "Certificate: EXPIRED on"
expect_in "naming what it lacks" "$T/stdout" "revocation data of that time in the DSS (PAdES B-LT)"
finish
