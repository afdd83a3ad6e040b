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

# serve MODE COUNT [CERT KEY]: an HTTP server on 127.0.0.1 (port in
# $A/port) that answers COUNT requests (mode ok: openssl ts -reply; junk:
# not a reply) and stops, or stops after 60 s anyway; with CERT and KEY,
# one request over TLS (openssl s_server carries it, the answer written
# to its standard input).
serve() {
	rm -f "$A/port"
	perl -MIO::Socket::INET -MIPC::Open2 -e '
		my ($mode, $count, $dir, $cert, $key) = @ARGV;
		alarm 60;
		sub port_file { open(my $p, ">", "$dir/port.tmp") or die;
			print $p "$_[0]\n"; close $p; rename "$dir/port.tmp", "$dir/port"; }
		sub answer {
			my ($in, $o) = @_;
			binmode $in; binmode $o;
			my ($len, $line) = (0, "");
			while (defined($line = <$in>)) {
				$len = $1 if $line =~ /^Content-Length:\s*(\d+)/i;
				last if $line =~ /^\r?\n$/;
			}
			my $body = ""; read($in, $body, $len) if $len;
			my $out;
			if ($mode eq "ok") {
				open(my $q, ">", "$dir/q.der"); binmode $q; print $q $body; close $q;
				system("openssl", "ts", "-reply", "-config", "$dir/tsa.cnf",
				    "-queryfile", "$dir/q.der", "-out", "$dir/r.der") == 0 or die;
				open(my $r, "<", "$dir/r.der"); binmode $r; local $/; $out = <$r>;
			} else { $out = "keine Zeit\n"; }
			print $o "HTTP/1.0 200 OK\r\nContent-Type: application/timestamp-reply\r\n",
			    "Content-Length: ", length($out), "\r\n\r\n", $out;
		}
		if (defined $cert) {
			my $s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => 0,
			    Listen => 1) or die "listen: $!";
			my $port = $s->sockport; close $s;
			my $pid = open2(my $from, my $to, "openssl", "s_server", "-quiet",
			    "-naccept", "1", "-accept", "127.0.0.1:$port", "-cert", $cert,
			    "-key", $key);
			my $hex = sprintf("0100007F:%04X 00000000:0000 0A", $port);
			for (1 .. 200) {
				open(my $t, "<", "/proc/net/tcp") or die; my @l = grep { /$hex/ } <$t>;
				last if @l; select(undef, undef, undef, 0.05);
			}
			port_file($port);
			answer($from, $to);
			close $to; waitpid $pid, 0;
			exit 0;
		}
		my $s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => 0,
		    Listen => 5, ReuseAddr => 1) or die "listen: $!";
		port_file($s->sockport);
		for (1 .. $count) {
			my $c = $s->accept or last;
			answer($c, $c);
			close $c;
		}' "$1" "$2" "$A" ${3:+"$3"} ${4:+"$4"} 2>"$A/server.err" &
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
lakip -d "$DB" finalise $Y --p12 "$T/k.p12" --tsa "ftp://127.0.0.1/" -o "$T/x.pdf"
expect_rc "an URL neither http:// nor https:// is refused with a usage message" 64

# Over https: the server's certificate must be trusted (SSL_CERT_FILE
# here) and name the host; one for another address is refused.
for n in ok:127.0.0.1 lain:127.0.0.2; do
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$A/${n%%:*}.key" \
		-out "$A/${n%%:*}.crt" -days 30 -subj "/CN=${n#*:}" \
		-addext "subjectAltName=IP:${n#*:}" >/dev/null 2>&1
done
cat "$A/ok.crt" "$A/lain.crt" >"$A/trusted.pem"
serve ok 1 "$A/lain.crt" "$A/lain.key"
SSL_CERT_FILE="$A/trusted.pem" lakip -d "$DB" finalise $Y --p12 "$T/k.p12" \
	--tsa "https://127.0.0.1:$PORT/" -o "$T/lain.pdf"
expect_rc "https: a certificate for another address is refused" 69
expect_in "it says the address does not match" "$T/stderr" "IP address mismatch"
wait "$spid" 2>/dev/null
serve ok 1 "$A/ok.crt" "$A/ok.key"
lakip -d "$DB" finalise $Y --p12 "$T/k.p12" --tsa "https://127.0.0.1:$PORT/" -o "$T/untrusted.pdf"
expect_rc "https: a certificate the system does not trust is refused" 69
expect_in "it says the certificate failed" "$T/stderr" "certificate verify failed"
wait "$spid" 2>/dev/null
expect_eq "nothing stored by either" "$(versions)" 0
serve ok 1 "$A/ok.crt" "$A/ok.key"
SSL_CERT_FILE="$A/trusted.pem" lakip -d "$DB" finalise $Y --p12 "$T/k.p12" \
	--tsa "https://127.0.0.1:$PORT/" -o "$T/https.pdf"
expect_rc "finalise with a timestamp over https" 0
wait "$spid" 2>/dev/null
lakip -d "$DB" verify "$T/https.pdf"
expect_in "verify reports its timestamp" "$T/stdout" "Timestamp (RFC 3161): "
lakip -d "$DB" unlock $Y --reason "uji: ditandatangani lagi dengan cap waktu lewat http"
expect_rc "unlocked for the next signature" 0

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
# The agency's default authority (instansi.tsa): set by an import while
# the quarter is locked (it is not printed), used by a signature without
# --tsa, left out with --tsa none; a malformed one refused where it is.
lakip -d "$DB" export --tahun 2023 -o "$T/plan.yaml"
serve ok 1
sed "/^instansi:/a\\  tsa: http://127.0.0.1:$PORT/" "$T/plan.yaml" >"$T/tsa.yaml"
lakip -d "$DB" import "$T/tsa.yaml"
expect_rc "instansi.tsa imported while the quarter is locked" 0
lakip -d "$DB" export --tahun 2023
expect_in "the export holds it" "$T/stdout" "tsa: http://127.0.0.1:$PORT/"
lakip -d "$DB" unlock $Y --reason "uji: cap waktu bawaan instansi"
lakip -d "$DB" finalise $Y --p12 "$T/k.p12" -o "$T/default.pdf"
expect_rc "finalise without --tsa" 0
wait "$spid" 2>/dev/null
lakip -d "$DB" verify "$T/default.pdf"
expect_in "is stamped by the agency's authority" "$T/stdout" "Timestamp (RFC 3161): "
lakip -d "$DB" unlock $Y --reason "uji: tanpa cap waktu"
lakip -d "$DB" finalise $Y --p12 "$T/k.p12" --tsa none -o "$T/plain.pdf"
expect_rc "finalise --tsa none (no authority listening)" 0
lakip -d "$DB" verify "$T/plain.pdf"
check "and is not stamped" sh -c "! grep -q 'Timestamp (RFC 3161)' '$T/stdout'"
sed "/^instansi:/a\\  tsa: ftp://127.0.0.1/" "$T/plan.yaml" >"$T/bad.yaml"
lakip -d "$DB" import "$T/bad.yaml"
expect_rc "an instansi.tsa that is no http(s) URL" 65
expect_in "is named with its line" "$T/stderr" "bad.yaml:3:8: instansi.tsa: expected an http:// or https:// URL"
lakip -d "$DB" export --tahun 2023
expect_in "and the database keeps the one it had" "$T/stdout" "tsa: http://127.0.0.1:"
finish
