#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# workflow.sh - roles, review, finalise/sign/lock, unlock, audit, verify,
# through the command line, as real Unix accounts (CI runs as root).
# Throwaway accounts lktest_*_$$ are created with useradd and removed at
# the end (only with LAKIP_TEST_ACCOUNTS=1, as root); commands run as them
# with runuser, on a copy of the program they can reach.
. "$(dirname "$0")/lib.sh"

if ! accounts_ok; then
	ok "workflow # SKIP $accounts_why"
	finish
fi
for tool in openssl sqlite3 pdfsig; do
	command -v $tool >/dev/null 2>&1 || { not_ok "$tool is missing"; finish; }
done

OP=lktest_op_$$ KB=lktest_kb_$$ KP=lktest_kp_$$ NO=lktest_no_$$
USERS="$OP $KB $KP $NO"
for u in $USERS; do
	add_account "$u" || { not_ok "useradd $u"; finish; }
done
publish || { not_ok "copy the program for the other accounts"; finish; }
reachable "$OP"

chmod 0777 "$T"
W="$T/w"
mkdir "$W" && chmod 0777 "$W"
DB="$W/lakip.db"
Y="--tahun 2023 --triwulan 2"

# as LOGIN ARGS...: lakip as LOGIN (root: "root"); output in $T/stdout,
# $T/stderr, status in $rc.
as() {
	u=$1; shift
	rc=0
	if [ "$u" = root ]; then
		"$LAKIP_BIN" -d "$DB" "$@" >"$T/stdout" 2>"$T/stderr" || rc=$?
	else
		runuser -u "$u" -- "$LAKIP_BIN" -d "$DB" "$@" >"$T/stdout" 2>"$T/stderr" || rc=$?
	fi
}
# refused DESCRIPTION ROLE-TEXT: exit 77 and stderr names the role needed.
refused() {
	if [ "$rc" = 77 ] && grep -qF -- "$2" "$T/stderr"; then ok "$1 (77, needs $2)"
	else not_ok "$1: expected 77 naming '$2', got $rc" "$(cat "$T/stderr")"; fi
}
share() { chmod 0666 "$DB" "$DB"-wal "$DB"-shm 2>/dev/null || true; }

# --- setup: root creates the database and is its admin ---------------
as root init
expect_rc "root creates the database" 0
as root import "$FIXTURE_KET"
expect_rc "root (admin) imports the plan" 0
share
as root user list
expect_in "the creator is listed as admin" "$T/stdout" "root                 admin"

# --- users -----------------------------------------------------------
as "$NO" user add "$OP" --role operator
refused "an unlisted account cannot add users" "admin"
expect_in "the refusal names the admins to ask" "$T/stderr" "ask an admin (root)"
as root user add "$OP" --role operator
expect_rc "admin adds an operator" 0
as root user add "$KB" --role kabid --bidang poldagri,ideologi,kewaspadaan,ekososbud
expect_rc "admin adds a kabid with bidang" 0
as root user add "$KP" --role kepala
expect_rc "admin adds a kepala" 0
as root user add "$NO" --role kabid
expect_rc "a kabid without --bidang is a usage error" 64
as root user add "$NO" --role kabid --bidang nosuch
expect_rc "an unknown bidang is refused" 65
as root user add lktest_none_$$ --role operator
expect_rc "a login that is no account here is refused" 67
expect_in "and said so" "$T/stderr" "is not an account on this machine"
as "$NO" user list
expect_rc "anyone may list the users" 0
expect_in "the list shows the kabid's bidang" "$T/stdout" "ekososbud,ideologi,kewaspadaan,poldagri"
if grep "^$KB " "$T/stdout" | grep -q " kesbangpol-kalteng "; then ok "the kabid's role is the agency's"
else not_ok "the kabid's role is the agency's" "$(cat "$T/stdout")"; fi
as root user add "$NO" --role admin --instansi kesbangpol-kalteng
expect_rc "an admin is the database's: no --instansi" 64

# --- role enforcement --------------------------------------------------
as "$OP" import "$FIXTURE_KET"
refused "an operator cannot import" "admin"
as "$KB" submit $Y
refused "a kabid cannot submit" "operator or admin"
as "$OP" review $Y --approve
refused "an operator cannot review" "kabid"
as "$OP" finalise $Y --p12 "$T/none.p12" -o "$W/x.pdf"
expect_rc "finalise checks its arguments first (missing .p12)" 66
as "$KB" unlock $Y --reason "x"
refused "a kabid cannot unlock" "admin"
as "$OP" user role "$KB" kepala
refused "an operator cannot change roles" "admin"
as "$NO" submit $Y
refused "an unlisted account cannot submit" "operator or admin"
expect_in "and is told it may only read" "$T/stderr" "may only read"
as "$NO" show $Y
expect_rc "an unlisted account may read (show)" 0
as "$NO" status $Y
expect_rc "an unlisted account may read (status)" 0
as "$NO" export --tahun 2023
expect_rc "an unlisted account may read (export)" 0

# --- submit, return with a comment, resubmit, approve ------------------
as "$OP" submit $Y --iku IKU1
expect_rc "the operator submits IKU1" 0
as "$KB" review $Y --return "Lampirkan surat BPS" --iku IKU1
expect_rc "the kabid returns IKU1 with a comment" 0
as "$NO" status $Y
expect_in "status shows IKU1 returned" "$T/stdout" "returned"
expect_in "status shows the comment" "$T/stdout" "comment: Lampirkan surat BPS"
as "$KB" review $Y --approve --iku IKU1
expect_rc "a returned entry cannot be approved" 65
as "$OP" submit $Y
expect_rc "the operator submits all drafts and returned entries" 0
# Everything the report prints: 5 IKU, 6 programs, 5 narratives, BAB II
# and BAB III.
expect_in "eighteen entries submitted" "$T/stdout" "Submitted 18 entries"
as "$OP" status $Y
expect_in "status counts them" "$T/stdout" "0 draft, 18 submitted, 0 returned, 0 approved"
expect_in "status lists the budget entries" "$T/stdout" "program   P01"
expect_in "status lists the narratives" "$T/stdout" "narasi    SS1"
expect_in "status lists BAB III, the kepala's" "$T/stdout" "bab3      -"

# Nobody approves his own entry: the operator becomes a kabid.
as root user role "$OP" kabid --bidang poldagri
expect_rc "admin changes the operator's role to kabid" 0
as "$OP" review $Y --approve --iku IKU1
refused "self-approval is refused" "himself"
as root user role "$OP" operator
expect_rc "and back to operator" 0

as "$KB" review $Y --approve
expect_rc "the kabid approves all submitted entries of his bidang" 0
expect_in "IKU, programs and narratives of his bidang" "$T/stdout" "Approved 15 entries"
as "$KB" review $Y --approve --bab 3
refused "BAB III is not the kabid's" "the kepala's to review"
as "$KB" review $Y --approve --program P01
refused "a program that supports no sasaran is not the kabid's" "belongs to no bidang"
as "$KB" status $Y
expect_in "three left for the kepala" "$T/stdout" "0 draft, 3 submitted, 0 returned, 15 approved"

# --- finalise ----------------------------------------------------------
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" -out "$T/cert.pem" \
	-days 30 -subj "/CN=Kepala Badan Test/O=Kesbangpol" >/dev/null 2>&1 &&
openssl pkcs12 -export -inkey "$T/key.pem" -in "$T/cert.pem" -out "$W/kp.p12" \
	-passout pass:rahasia >/dev/null 2>&1
check "a self-signed test certificate" test -s "$W/kp.p12"
chmod 0644 "$W/kp.p12"

# --- the signer's certificate belongs to the agency --------------------
# Not registered: refused before anything is rendered, no file left.
rc=0
runuser -u "$KP" -- env LAKIP_P12_PASS=rahasia "$LAKIP_BIN" -d "$DB" finalise $Y \
	--p12 "$W/kp.p12" -o "$W/unreg.pdf" >"$T/stdout" 2>"$T/stderr" || rc=$?
expect_rc "an unregistered certificate cannot sign" 77
expect_in "the refusal says how to register it" "$T/stderr" "lakip signer set"
check "no file is left" sh -c "! ls -A '$W' | grep -q -e '^unreg.pdf' -e '^\.lakip-'"
as "$KP" signer set "$T/cert.pem"
refused "only an admin registers a signer" "admin"
as root signer set "$T/cert.pem"
expect_rc "the admin registers the kepala's certificate" 0
as root signer set "$T/cert.pem"
expect_rc "registering it twice is refused" 65
as "$NO" signer list
expect_in "anyone lists the registered certificates" "$T/stdout" "CN = Kepala Badan Test"
# An attacker's own certificate bearing the kepala's name is not it.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/evil.key" -out "$T/evil.pem" \
	-days 30 -subj "/CN=Kepala Badan Test/O=Kesbangpol" >/dev/null 2>&1 &&
openssl pkcs12 -export -inkey "$T/evil.key" -in "$T/evil.pem" -out "$W/evil.p12" \
	-passout pass:rahasia >/dev/null 2>&1
chmod 0644 "$W/evil.p12"
rc=0
runuser -u "$KP" -- env LAKIP_P12_PASS=rahasia "$LAKIP_BIN" -d "$DB" finalise $Y \
	--p12 "$W/evil.p12" -o "$W/evil.pdf" >"$T/stdout" 2>"$T/stderr" || rc=$?
expect_rc "a look-alike certificate with the kepala's name cannot sign" 77
check "and writes nothing" test ! -e "$W/evil.pdf"
# A registered certificate that is no longer valid, and one whose NIP is
# not the kepala's.
mkdir "$T/ca.d" && : >"$T/ca.d/index.txt" && echo 01 >"$T/ca.d/serial"
printf '[ca]\ndefault_ca = d\n[d]\ndatabase = %s/ca.d/index.txt\nnew_certs_dir = %s/ca.d\nserial = %s/ca.d/serial\ndefault_md = sha256\npolicy = p\n[p]\ncommonName = supplied\n' \
	"$T" "$T" "$T" >"$T/ca.cnf"
openssl req -new -newkey rsa:2048 -nodes -keyout "$T/old.key" -out "$T/old.csr" \
	-subj "/CN=Kepala Lama" >/dev/null 2>&1
openssl ca -batch -config "$T/ca.cnf" -selfsign -keyfile "$T/old.key" -in "$T/old.csr" \
	-out "$T/old.pem" -startdate 20200101000000Z -enddate 20200201000000Z >/dev/null 2>&1
openssl pkcs12 -export -inkey "$T/old.key" -in "$T/old.pem" -out "$W/old.p12" \
	-passout pass:rahasia >/dev/null 2>&1
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/nip.key" -out "$T/nip.pem" \
	-days 30 -subj "/serialNumber=199901012020011001/CN=Kepala Badan Test" >/dev/null 2>&1
openssl pkcs12 -export -inkey "$T/nip.key" -in "$T/nip.pem" -out "$W/nip.p12" \
	-passout pass:rahasia >/dev/null 2>&1
chmod 0644 "$W/old.p12" "$W/nip.p12"
as root signer set "$T/old.pem"
as root signer set "$T/nip.pem"
expect_rc "a certificate with a NIP is registered" 0
for k in old nip; do
	rc=0
	runuser -u "$KP" -- env LAKIP_P12_PASS=rahasia "$LAKIP_BIN" -d "$DB" finalise $Y \
		--p12 "$W/$k.p12" -o "$W/$k.pdf" >"$T/stdout" 2>"$T/stderr" || rc=$?
	expect_rc "finalise with the $k certificate is refused" 77
done
expect_in "the NIP is not the kepala's" "$T/stderr" "the head of kesbangpol-kalteng is NIP"

rc=0
runuser -u "$KP" -- env LAKIP_P12_PASS=salah "$LAKIP_BIN" -d "$DB" finalise $Y \
	--p12 "$W/kp.p12" -o "$W/bad.pdf" >"$T/stdout" 2>"$T/stderr" || rc=$?
if [ "$rc" != 0 ] && [ ! -e "$W/bad.pdf" ] && [ -z "$(ls -A "$W" | grep '^\.lakip-')" ]; then
	ok "a wrong password: finalise fails and leaves no file (exit $rc)"
else not_ok "wrong password: rc=$rc" "$(ls -la "$W")" "$(cat "$T/stderr")"; fi
as "$NO" status $Y
expect_in "and nothing was locked" "$T/stdout" "Open (not finalised)"
as root audit log
if grep -q " finalise " "$T/stdout"; then not_ok "no finalise record after a failure"
else ok "no finalise record after a failure"; fi

# Not everything approved: refused (77), naming each, nothing written.
rc=0
runuser -u "$KP" -- env LAKIP_P12_PASS=rahasia "$LAKIP_BIN" -d "$DB" finalise $Y \
	--p12 "$W/kp.p12" -o "$W/early.pdf" >"$T/stdout" 2>"$T/stderr" || rc=$?
expect_rc "finalise refuses while entries are not approved" 77
expect_in "naming the program that is not" "$T/stderr" "program P01 (submitted)"
expect_in "naming BAB II" "$T/stderr" "BAB II (submitted)"
expect_in "naming BAB III" "$T/stderr" "BAB III (submitted)"
expect_in "and how the kepala may sign anyway" "$T/stderr" "--override-review"
check "and writes nothing" test ! -e "$W/early.pdf"
rc=0
runuser -u "$KP" -- env LAKIP_P12_PASS=rahasia "$LAKIP_BIN" -d "$DB" finalise $Y \
	--p12 "$W/kp.p12" -o "$W/early.pdf" --override-review "  " >"$T/stdout" 2>"$T/stderr" || rc=$?
expect_rc "an override needs a written reason" 64
# The kepala reviews what is his: the program of no sasaran, BAB II, III.
as "$KP" review $Y --approve
expect_rc "the kepala approves what is his" 0
expect_in "three entries" "$T/stdout" "Approved 3 entries"
as "$KB" status $Y
expect_in "all eighteen approved" "$T/stdout" "0 draft, 0 submitted, 0 returned, 18 approved"

# A scanned signature: any small PNG will do (a page rendered tiny).
"$LAKIP_BIN" -d "$DB" report $Y -o "$T/plain.pdf" >/dev/null 2>&1
pdftoppm -f 1 -l 1 -r 8 -png -singlefile "$T/plain.pdf" "$W/ttd" 2>/dev/null
chmod 0644 "$W/ttd.png" 2>/dev/null
rc=0
runuser -u "$KP" -- env LAKIP_P12_PASS=rahasia "$LAKIP_BIN" -d "$DB" finalise $Y \
	--p12 "$W/kp.p12" --signature-image "$W/ttd.png" -o "$W/tw2.pdf" \
	>"$T/stdout" 2>"$T/stderr" || rc=$?
expect_rc "the kepala finalises the quarter" 0
# The QR code beside the signature (kata pengantar, page 2) carries the
# period, the version and the content hash.
pdftoppm -f 2 -l 2 -r 150 -png -singlefile "$W/tw2.pdf" "$T/ttdpage" 2>/dev/null
if command -v zbarimg >/dev/null; then
	zbarimg --raw -q "$T/ttdpage.png" >"$T/qr" 2>/dev/null || true
	expect_in "the QR code names the agency" "$T/qr" "LAKIP kesbangpol-kalteng"
	expect_in "the QR code names period and version" "$T/qr" "versi: 1"
	if grep -qE '^sha256-isi: [0-9a-f]{64}$' "$T/qr"; then ok "the QR code carries the content hash"
	else not_ok "the QR code carries the content hash" "$(cat "$T/qr")"; fi
else
	for n in 1 2 3; do ok "QR code $n # SKIP zbarimg (zbar-tools) missing"; done
fi
if pdfimages -list "$W/tw2.pdf" 2>/dev/null | awk 'NR > 2' | grep -q .; then
	ok "the scanned signature is in the PDF"
else not_ok "the scanned signature is in the PDF"; fi
expect_in "version 1" "$T/stdout" "version 1"
check "the signed PDF was written" test -s "$W/tw2.pdf"
as "$NO" signed get $Y -o "$T/got.pdf"
expect_rc "anyone gets the stored signed version back" 0
check "byte for byte the file finalise wrote" cmp "$T/got.pdf" "$W/tw2.pdf"
as "$NO" signed get $Y --versi 7 -o "$T/none.pdf"
expect_rc "a version that does not exist" 66
pdfsig "$W/tw2.pdf" >"$T/pdfsig" 2>&1 || true
expect_in "pdfsig: Signature is Valid" "$T/pdfsig" "Signature is Valid"
as "$NO" status $Y
expect_in "the quarter is locked" "$T/stdout" "Locked: finalised by $KP"
as "$NO" verify "$W/tw2.pdf"
expect_rc "lakip verify: the signed file" 0
expect_in "verify names the signer and version" "$T/stdout" "Signed by $KP"
expect_in "verify names the period" "$T/stdout" "kesbangpol-kalteng, Triwulan II 2023, version 1 of 1"
expect_in "verify: a registered signer" "$T/stdout" "Signer: a certificate registered for the agency"
expect_in "verify: the whole file is the signed revision" "$T/stdout" "Signed revision: the whole file"
# An update appended after the signature (pdfsig alone accepts it).
cp "$W/tw2.pdf" "$T/appended.pdf"
printf '1 0 obj\n(tambahan)\nendobj\n%%%%EOF\n' >>"$T/appended.pdf"
as "$NO" verify "$T/appended.pdf"
expect_rc "verify of a file updated after signing" 65
expect_in "says it changed after signing" "$T/stdout" "updated after it was signed"
# A CA bundle that did not issue the certificate.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/ca.key" -out "$T/ca.pem" \
	-days 30 -subj "/CN=Uji CA" >/dev/null 2>&1
chmod 0644 "$T/ca.pem"
as "$NO" verify "$W/tw2.pdf" --ca "$T/ca.pem"
expect_rc "verify --ca: the signer does not chain to it" 65
expect_in "names the chain error" "$T/stdout" "Chain to $T/ca.pem:"
# A certificate removed from the register no longer vouches.
fp=$(openssl x509 -in "$T/cert.pem" -outform DER | sha256sum | awk '{print $1}')
as root signer remove "$fp"
expect_rc "the admin removes the certificate" 0
as "$NO" verify "$W/tw2.pdf"
expect_rc "verify once the signer is removed" 65
expect_in "says the signer is not registered" "$T/stdout" "NOT a certificate registered"
as root signer set "$T/cert.pem"
expect_rc "and registers it again" 0
as "$NO" verify "$W/tw2.pdf"
expect_rc "verify with the signer registered again" 0

# --- the audit chain against the signed copies ---------------------------
as "$NO" audit verify --against "$W/tw2.pdf"
expect_rc "audit verify --against the signed report" 0
expect_in "the history it signed is the database's" "$T/stdout" "is the one this report signed"
# The chain has no secret: whoever can write the database can change an
# old record (and the row it speaks of) and recompute every later hash;
# audit verify alone cannot tell, a signed copy kept elsewhere can.
cp "$DB" "$T/rewritten.db"
sqlite3 -json "$T/rewritten.db" "SELECT * FROM audit ORDER BY id" | perl -e '
	use JSON::PP; use Digest::SHA qw(sha256_hex);
	my $rows = decode_json(do { local $/; <STDIN> });
	my ($prev, $done) = ("0" x 64, 0);
	print "BEGIN;\n";
	for my $r (@$rows) {
		my $hit = !$done && $r->{tbl} eq "iku" && $r->{field} eq "uraian";
		$r->{new} = "diganti" if $hit;
		$r->{prev_hash} = $prev;
		my $s = "lakip-audit-1\n";
		for my $k (qw(id prev_hash at login action scope tbl kode field old new)) {
			my $v = $r->{$k};
			if (!defined $v) { $s .= "-\n"; next }
			$v = "$v"; utf8::encode($v);
			$s .= "+" . length($v) . ":" . $v . "\n";
		}
		my $h = sha256_hex($s);
		(my $n = defined $r->{new} ? $r->{new} : "") =~ s/\x27/\x27\x27/g;
		print "UPDATE audit SET prev_hash = \x27$prev\x27, hash = \x27$h\x27",
		    ($hit ? ", new = \x27$n\x27" : ""), " WHERE id = $r->{id};\n";
		# and the row it speaks of, so that the tables agree with the
		# rewritten history
		print "UPDATE iku SET uraian = \x27$n\x27 WHERE kode = \x27$r->{kode}\x27;\n" if $hit;
		$done = 1 if $hit;
		$prev = $h;
	}
	print "COMMIT;\n";' | sqlite3 "$T/rewritten.db"
chmod 0644 "$T/rewritten.db"
rc=0
runuser -u "$NO" -- "$LAKIP_BIN" -d "$T/rewritten.db" audit verify >"$T/stdout" 2>"$T/stderr" || rc=$?
expect_rc "a recomputed chain passes audit verify alone" 0
rc=0
runuser -u "$NO" -- "$LAKIP_BIN" -d "$T/rewritten.db" audit verify --against "$W/tw2.pdf" \
	>"$T/stdout" 2>"$T/stderr" || rc=$?
expect_rc "but not against the signed report" 65
expect_in "which names the rewritten history" "$T/stdout" "REWRITTEN"

as "$KB" review $Y --return "terlambat" --iku IKU3
refused "a locked quarter takes no review" "unlock"

# --- locks and import ---------------------------------------------------
as root import "$FIXTURE_KET"
expect_rc "import of the unchanged file into a locked quarter succeeds" 0
sed 's/^      IKU5: 130$/      IKU5: 131/' "$FIXTURE_KET" >"$T/changed.yaml"
check "the changed file differs" sh -c "! cmp -s '$FIXTURE_KET' '$T/changed.yaml'"
chmod 0644 "$T/changed.yaml"
as root import "$T/changed.yaml"
expect_rc "import changing a locked quarter is refused" 77
expect_in "the refusal says the quarter is locked" "$T/stderr" "quarter 2 of 2023 is locked"

# --- a flipped byte -----------------------------------------------------
cp "$W/tw2.pdf" "$W/flip.pdf"
size=$(wc -c <"$W/flip.pdf")
printf '\x21' | dd of="$W/flip.pdf" bs=1 seek=$((size / 3)) conv=notrunc 2>/dev/null
as "$NO" verify "$W/flip.pdf"
expect_rc "lakip verify fails after one flipped byte" 65
pdfsig "$W/flip.pdf" >"$T/pdfsig" 2>&1 || true
if grep -qF "Signature is Valid" "$T/pdfsig"; then not_ok "pdfsig after a flipped byte" "$(cat "$T/pdfsig")"
else ok "pdfsig no longer says valid after a flipped byte"; fi

# --- the audit chain ----------------------------------------------------
as "$NO" audit verify
expect_rc "the audit chain verifies" 0
as root audit log --user "$KB"
expect_in "audit log --user lists the kabid's approvals" "$T/stdout" "$KB approve kesbangpol-kalteng/2023/TW2 entry_state IKU1.state \"submitted\" -> \"approved\""
as root audit log --since 2000-01-01
expect_in "audit log --since lists the import" "$T/stdout" "insert kesbangpol-kalteng/2023 iku IKU5.uraian"
as root audit log --since 2023-13-01
expect_rc "audit log --since takes a date" 64
sqlite3 "$DB" ".backup '$W/tampered.db'"
n=$(sqlite3 "$W/tampered.db" "SELECT id FROM audit WHERE action = 'approve' ORDER BY id LIMIT 1")
sqlite3 "$W/tampered.db" "UPDATE audit SET new = 'draft' WHERE id = $n"
rc=0
"$LAKIP_BIN" -d "$W/tampered.db" audit verify >"$T/stdout" 2>"$T/stderr" || rc=$?
expect_rc "audit verify after an UPDATE with sqlite3" 65
expect_in "it names the edited record" "$T/stdout" "BROKEN at record $n"
sqlite3 "$W/tampered.db" "UPDATE audit SET new = 'approved' WHERE id = $n; DELETE FROM audit WHERE id = 3"
rc=0
"$LAKIP_BIN" -d "$W/tampered.db" audit verify >"$T/stdout" 2>"$T/stderr" || rc=$?
expect_in "a deleted record: the next one is named" "$T/stdout" "BROKEN at record 4"

# --- unlock, change, next version -------------------------------------
as root unlock $Y
expect_rc "unlock needs --reason" 64
as root unlock $Y --reason "Revisi realisasi IKU5 (surat BPS 20 Juli)"
expect_rc "admin unlocks with a reason" 0
share
as root import "$T/changed.yaml"
expect_rc "the unlocked quarter takes the change" 0
as "$NO" status $Y
expect_in "the changed entry went back to draft" "$T/stdout" "1 draft, 0 submitted, 0 returned, 17 approved"
as root audit log
expect_in "the unlock reason is recorded" "$T/stdout" "Revisi realisasi IKU5"
expect_in "the reset to draft is recorded" "$T/stdout" "edit kesbangpol-kalteng/2023/TW2 entry_state IKU5.state \"approved\" -> \"draft\""
as "$NO" verify "$W/tw2.pdf"
expect_rc "verify of version 1 fails once the data changed" 65
expect_in "it says the data changed" "$T/stdout" "CHANGED in the database since signing"
as "$OP" submit $Y --iku IKU5
expect_rc "resubmit IKU5" 0
as "$KB" review $Y --approve --iku IKU5
expect_rc "approve IKU5" 0
rc=0
runuser -u "$KP" -- env LAKIP_P12_PASS=rahasia "$LAKIP_BIN" -d "$DB" finalise $Y \
	--p12 "$W/kp.p12" -o "$W/tw2-v2.pdf" >"$T/stdout" 2>"$T/stderr" || rc=$?
expect_rc "finalise again" 0
expect_in "the next signed report is version 2" "$T/stdout" "version 2"
as "$NO" verify "$W/tw2-v2.pdf"
expect_rc "verify of version 2" 0
expect_in "version 2 of 2" "$T/stdout" "version 2 of 2"
as "$NO" audit verify
expect_rc "the audit chain still verifies" 0

# --- roles belong to an agency: a second one -----------------------------
# The same plan under another kode: same bidang kodes, same IKU.
sed 's/^  kode: kesbangpol-kalteng$/  kode: dinsos-kalteng/' "$FIXTURE_KET" >"$T/dinsos.yaml"
chmod 0644 "$T/dinsos.yaml"
check "the second agency's file has its own kode" grep -q '^  kode: dinsos-kalteng$' "$T/dinsos.yaml"
as root import "$T/dinsos.yaml"
expect_rc "root imports a second agency" 0
share
D="--instansi dinsos-kalteng $Y"
as root user add "$NO" --role operator
expect_rc "with two agencies a role needs --instansi" 64
as root user add "$NO" --role operator --instansi dinsos-kalteng
expect_rc "the admin adds dinsos's operator" 0
as "$NO" user list
if grep "^$KB " "$T/stdout" | grep -q "dinsos-kalteng"; then
	not_ok "kesbangpol's kabid has no role in dinsos" "$(cat "$T/stdout")"
else ok "kesbangpol's kabid has no role in dinsos"; fi
as "$OP" submit $D
refused "kesbangpol's operator cannot submit dinsos's entries" "dinsos-kalteng"
expect_in "and is told the role needed there" "$T/stderr" "operator or admin in dinsos-kalteng"
as "$NO" submit $D
expect_rc "dinsos's operator submits its entries" 0
as "$NO" submit $Y --instansi kesbangpol-kalteng
refused "dinsos's operator cannot submit kesbangpol's" "kesbangpol-kalteng"
as "$KB" review $D --approve
refused "kesbangpol's kabid cannot review dinsos's entries" "dinsos-kalteng"
expect_in "the refusal names the role" "$T/stderr" "kabid, kepala or admin in dinsos-kalteng"
as "$KB" review $D --approve --iku IKU1
refused "not even an IKU of a bidang with his kode" "dinsos-kalteng"
as "$NO" status $D
expect_in "dinsos: nothing approved" "$T/stdout" "0 draft, 18 submitted, 0 returned, 0 approved"
# The same kabid with a role in both: he reviews there too.
as root user add "$KB" --role kabid --instansi dinsos-kalteng --bidang poldagri,ideologi,kewaspadaan,ekososbud
expect_rc "the kabid gets a role in dinsos as well" 0
as "$KB" review $D --approve
expect_rc "and approves dinsos's entries" 0
as "$NO" status $D
expect_in "dinsos: the kabid's approved" "$T/stdout" "0 draft, 3 submitted, 0 returned, 15 approved"
# kesbangpol's kepala, his certificate registered for dinsos too, so
# that only his role stops him.
as root signer set --instansi dinsos-kalteng "$T/cert.pem"
expect_rc "the certificate is registered for dinsos as well" 0
rc=0
runuser -u "$KP" -- env LAKIP_P12_PASS=rahasia "$LAKIP_BIN" -d "$DB" finalise $D \
	--p12 "$W/kp.p12" -o "$W/dinsos.pdf" >"$T/stdout" 2>"$T/stderr" || rc=$?
refused "kesbangpol's kepala cannot finalise dinsos" "dinsos-kalteng"
expect_in "the refusal names the role" "$T/stderr" "kepala or admin in dinsos-kalteng"
check "and nothing is written" sh -c "! ls -A '$W' | grep -q -e '^dinsos.pdf' -e '^\.lakip-'"
as "$NO" status $D
expect_in "dinsos is not locked" "$T/stdout" "Open (not finalised)"
as root user add "$KP" --role kepala --instansi dinsos-kalteng
rc=0
runuser -u "$KP" -- env LAKIP_P12_PASS=rahasia "$LAKIP_BIN" -d "$DB" finalise $D \
	--p12 "$W/kp.p12" -o "$W/dinsos.pdf" >"$T/stdout" 2>"$T/stderr" || rc=$?
expect_rc "made kepala of dinsos too: refused while his three are not approved" 77
# He signs anyway, with a reason: recorded with what was not approved.
rc=0
runuser -u "$KP" -- env LAKIP_P12_PASS=rahasia "$LAKIP_BIN" -d "$DB" finalise $D \
	--p12 "$W/kp.p12" -o "$W/dinsos.pdf" \
	--override-review "BAB II dan III dibahas dalam rapat pimpinan 14 Juli" \
	>"$T/stdout" 2>"$T/stderr" || rc=$?
expect_rc "with --override-review he finalises it" 0
as root audit log
expect_in "the override is in the audit log, with its reason" "$T/stdout" \
	"override-review dinsos-kalteng/2023/TW2 review_state.override \"program:P01 submitted, bab2 submitted, bab3 submitted\" -> \"BAB II dan III dibahas dalam rapat pimpinan 14 Juli\""
# Removing a role in one agency leaves the other.
as root user remove "$KB" --instansi dinsos-kalteng
expect_rc "the admin removes the kabid's dinsos role" 0
as "$NO" user list
n=$(grep -c "^$KB " "$T/stdout")
expect_eq "the kabid keeps his kesbangpol role only" "$n" 1
as root audit log
expect_in "the role change is recorded with its agency" "$T/stdout" "user-add dinsos-kalteng user_peran $NO.role"
expect_in "and the removal" "$T/stdout" "user-remove dinsos-kalteng user_peran $KB.role"
as "$NO" audit verify
expect_rc "the audit chain verifies after the role changes" 0
finish
