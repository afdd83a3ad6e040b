#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tsa.sh - finalise --tsa: an RFC 3161 timestamp on the signature (PAdES
# B-T) from a timestamp authority on 127.0.0.1 (openssl ts behind a few
# lines of perl HTTP, serving a bounded number of requests); verify reports
# its time and authority; an authority that answers nonsense, or none,
# makes finalise fail with nothing stored and no file.
. "$(dirname "$0")/lib.sh"
for tool in openssl sqlite3 perl pdfsig; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
perl -MIO::Socket::INET -e 1 2>/dev/null || { echo "1..0 # SKIP perl IO::Socket::INET"; exit 0; }
DB=$(new_db t) A="$T/tsa"
Y="--tahun 2023 --triwulan 2"
mkdir "$A"
"$LAKIP_BIN" -d "$DB" import "$FIXTURE" >/dev/null 2>&1
approve_all "$DB"
test_key
lakip -d "$DB" signer set "$T/cert.pem"
export LAKIP_P12_PASS=rahasia
# The authority's certificate: extendedKeyUsage critical timeStamping.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$A/tsa.key" -out "$A/tsa.crt" \
	-days 30 -subj "/O=Uji/CN=Uji TSA" \
	-addext "extendedKeyUsage=critical,timeStamping" >/dev/null 2>&1
tsa_config "$A/tsa.cnf" "$A/serial" "$A/tsa.crt" "$A/tsa.key"

# serve MODE COUNT: an HTTP server on 127.0.0.1 (port in $A/port) that
# answers COUNT requests (mode ok: openssl ts -reply; junk: not a reply)
# and stops, or stops after 60 s anyway.
serve() {
	rm -f "$A/port"
	perl -MIO::Socket::INET -e '
		my ($mode, $count, $dir) = @ARGV;
		alarm 60;
		my $s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => 0,
		    Listen => 5, ReuseAddr => 1) or die "listen: $!";
		open(my $p, ">", "$dir/port.tmp") or die; print $p $s->sockport, "\n";
		close $p; rename "$dir/port.tmp", "$dir/port";
		for (1 .. $count) {
			my $c = $s->accept or last;
			binmode $c;
			my ($len, $line) = (0, "");
			while (defined($line = <$c>)) {
				$len = $1 if $line =~ /^Content-Length:\s*(\d+)/i;
				last if $line =~ /^\r?\n$/;
			}
			my $body = ""; read($c, $body, $len) if $len;
			my $out;
			if ($mode eq "ok") {
				open(my $q, ">", "$dir/q.der"); binmode $q; print $q $body; close $q;
				system("openssl", "ts", "-reply", "-config", "$dir/tsa.cnf",
				    "-queryfile", "$dir/q.der", "-out", "$dir/r.der") == 0 or die;
				open(my $r, "<", "$dir/r.der"); binmode $r; local $/; $out = <$r>;
			} else { $out = "keine Zeit\n"; }
			print $c "HTTP/1.0 200 OK\r\nContent-Type: application/timestamp-reply\r\n",
			    "Content-Length: ", length($out), "\r\n\r\n", $out;
			close $c;
		}' "$1" "$2" "$A" 2>"$A/server.err" &
	spid=$!
	i=0
	while [ ! -s "$A/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	PORT=$(cat "$A/port" 2>/dev/null)
}
at_exit() { [ -n "${spid:-}" ] && kill "$spid" 2>/dev/null; }
versions() { db_sql "$DB" "SELECT count(*) FROM signed_report"; }

# An authority that answers nonsense, then none at all.
serve junk 1
lakip -d "$DB" finalise $Y --p12 "$T/k.p12" --tsa "http://127.0.0.1:$PORT/" -o "$T/junk.pdf"
expect_rc "an answer that is no timestamp" 76
expect_in "names the authority" "$T/stderr" "timestamp authority http://127.0.0.1:$PORT/"
wait "$spid" 2>/dev/null
lakip -d "$DB" finalise $Y --p12 "$T/k.p12" --tsa "http://127.0.0.1:$PORT/" -o "$T/none.pdf"
expect_rc "no authority listening" 69
expect_eq "nothing stored" "$(versions)" 0
check "no file written" sh -c "! ls -A '$T' | grep -q -e '^junk.pdf' -e '^none.pdf' -e '^\\.lakip-'"
lakip -d "$DB" finalise $Y --p12 "$T/k.p12" --tsa "https://127.0.0.1/" -o "$T/x.pdf"
expect_rc "https is refused with a usage message" 64

# A real one.
serve ok 1
lakip -d "$DB" finalise $Y --p12 "$T/k.p12" --tsa "http://127.0.0.1:$PORT/" -o "$T/tw2.pdf"
expect_rc "finalise with a timestamp" 0
wait "$spid" 2>/dev/null
lakip -d "$DB" verify "$T/tw2.pdf"
expect_rc "verify of the timestamped report" 0
expect_in "reports the timestamp" "$T/stdout" "Timestamp (RFC 3161): "
expect_in "and the authority" "$T/stdout" "Uji TSA"
pdfsig "$T/tw2.pdf" >"$T/pdfsig" 2>&1 || true
expect_in "pdfsig: Signature is Valid" "$T/pdfsig" "Signature is Valid"
# The token in the CMS is over the signature: openssl ts -verify agrees.
# (The DER's own length, from its header: the padding is zeros, and so
# may be the DER's last byte.)
perl -e 'local $/; my $f = <STDIN>; $f =~ /\/Contents\s*<([0-9A-Fa-f]+)>/ or exit 1;
	my $b = pack("H*", $1); my $n = ord(substr($b, 1, 1));
	my $len = $n < 0x80 ? 2 + $n : 2 + ($n & 0x7f) +
	    unpack("N", ("\0" x (4 - ($n & 0x7f))) . substr($b, 2, $n & 0x7f));
	print substr($b, 0, $len)' <"$T/tw2.pdf" >"$T/cms.der"
if openssl cms -cmsout -print -inform DER -in "$T/cms.der" 2>/dev/null |
   grep -q 'id-smime-aa-timeStampToken'; then ok "the CMS carries id-aa-signatureTimeStampToken"
else not_ok "the CMS carries id-aa-signatureTimeStampToken"; fi
finish
