#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# rekap.sh - the province view: `lakip rekap` and `report --dokumen rekap`
# on a database of four agencies imported from exchange files (the
# fixture and copies of it): one quarter signed (finalised with a
# throwaway key), one submitted, one with a plan but an empty quarter,
# one without a plan for the year.  Every figure of the rekap is checked
# against that agency's own `show` (parsed here, never copied); the CSV
# header and quoting; the 80-column text with an ellipsis and wide
# characters; a non-admin sees only the agency of his role; the PDF is
# read back with pdftotext, pdfinfo and qpdf --check.
. "$(dirname "$0")/lib.sh"
for tool in openssl sqlite3 pdftotext pdfinfo qpdf; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool missing"; exit 0; }
done
W="$T/w"
mkdir "$W"
DB="$W/a.db"
Y="--tahun 2023 --triwulan 2"
export SOURCE_DATE_EPOCH=1689292800
A=kesbangpol-kalteng   # signed
B=dinsos-kalteng       # submitted
C=bpbd-kalteng         # a plan, the quarter empty
D=zbaru-kalteng        # no plan for 2023

# B: other realisations, so that the rows differ.
sed -e "s/kode: $A/kode: $B/" \
    -e 's/^  nama: .*/  nama: Dinas Sosial Provinsi Kalimantan Tengah/' \
    -e 's/^      IKU1: 79.30/      IKU1: 51.27/' -e 's/^      IKU5: 130/      IKU5: 171/' \
    -e 's/^      P01: 4587938844/      P01: 9587938844/' "$FIXTURE_KET" >"$T/b.yaml"
# C: no quarter; a long name with wide characters and CSV's separator
# and quote in it.
sed -n '/^triwulan:/q;p' "$FIXTURE_KET" |
	sed -e "s/kode: $A/kode: $C/" \
	    -e 's/^  nama: .*/  nama: "Badan \\"Penanggulangan\\"; Bencana Daerah 防灾减灾 Provinsi Kalimantan Tengah"/' >"$T/c.yaml"
# D: the plan of another year only.
sed -e "s/kode: $A/kode: $D/" -e 's/^tahun: 2023/tahun: 2024/' \
    -e 's/^  nama: .*/  nama: Badan Baru/' -e 's/2023-07-14/2024-07-14/' "$FIXTURE_KET" >"$T/d.yaml"
for f in "$FIXTURE_KET" "$T/b.yaml" "$T/c.yaml" "$T/d.yaml"; do
	lakip -d "$DB" import "$f"
	expect_rc "import $(basename "$f")" 0
done

# ---- the workflow: B submitted, A approved and signed -----------------------
lakip -d "$DB" submit --instansi "$B" $Y
expect_rc "$B: every entry submitted" 0
# Approving needs a second account (nobody approves what he submitted):
# with LAKIP_TEST_ACCOUNTS=1 a throwaway kabid of A approves; otherwise
# the approvals are written directly, as template.sh does.  finalise
# checks them as always.
KB=""
if accounts_ok; then
	KB=lktest_rkb_$$
	add_account "$KB" || { not_ok "useradd $KB"; finish; }
	publish || { not_ok "copy the program for the other accounts"; finish; }
	chmod 0777 "$T" "$W"
	reachable "$KB"
	lakip -d "$DB" user add "$KB" --role kabid --instansi "$A" \
		--bidang poldagri,ideologi,kewaspadaan,ekososbud
	expect_rc "$KB is the kabid of $A" 0
	lakip -d "$DB" submit --instansi "$A" $Y
	expect_rc "$A: every entry submitted" 0
	chmod 0666 "$DB" "$DB"-wal "$DB"-shm 2>/dev/null || true
	rc=0
	runuser -u "$KB" -- "$LAKIP_BIN" -d "$DB" review --instansi "$A" $Y --approve \
		>"$T/stdout" 2>"$T/stderr" || rc=$?
	expect_rc "$A: the kabid approves every entry of his bidang" 0
	# The kepala's (a program of no sasaran, BAB II, BAB III), which the
	# admin who submitted them may not review himself: written directly.
	approve_all "$DB" 2 "jenis IN ('program', 'bab2', 'bab3') AND tw IN
		(SELECT t.id FROM triwulan t JOIN rencana r ON r.id = t.rencana_id
		JOIN instansi i ON i.id = r.instansi_id WHERE i.kode = '$A')"
else
	approve_all "$DB" 2 "tw IN (SELECT t.id FROM triwulan t JOIN rencana r
		ON r.id = t.rencana_id JOIN instansi i ON i.id = r.instansi_id
		WHERE i.kode = '$A')"
	echo "# $A: approvals written with sqlite3 (a real kabid approves with LAKIP_TEST_ACCOUNTS=1)"
fi
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" -out "$T/cert.pem" \
	-days 30 -subj "/CN=Kepala Uji" >/dev/null 2>&1
openssl pkcs12 -export -inkey "$T/key.pem" -in "$T/cert.pem" -out "$T/k.p12" \
	-passout pass:rahasia >/dev/null 2>&1
lakip -d "$DB" signer set --instansi "$A" "$T/cert.pem"
expect_rc "$A: the signer registered" 0
LAKIP_P12_PASS=rahasia lakip -d "$DB" finalise --instansi "$A" $Y --p12 "$T/k.p12" -o "$T/signed.pdf"
expect_rc "$A: quarter II finalised" 0

# ---- rekap as CSV and TSV ---------------------------------------------------
lakip -d "$DB" rekap $Y --format csv
expect_rc "rekap --format csv" 0
cp "$T/stdout" "$T/rekap.csv"
cp "$T/stderr" "$T/rekap.err"
expect_eq "csv: the header row" "$(head -n 1 "$T/rekap.csv")" \
	"kode;instansi;iku_terisi;iku;capaian;serapan;status"
expect_eq "csv: one row per agency, sorted by kode" \
	"$(tail -n +2 "$T/rekap.csv" | cut -d';' -f1 | tr '\n' ' ')" "$C $B $A $D "
expect_in "csv: a name with ; and \" is quoted, its quote doubled" "$T/rekap.csv" \
	"$C;\"Badan \"\"Penanggulangan\"\"; Bencana Daerah 防灾减灾 Provinsi Kalimantan Tengah\";"
expect_in "an agency without a plan is named on stderr" "$T/rekap.err" "$D has no plan for 2023"
lakip -d "$DB" rekap $Y --format tsv
cp "$T/stdout" "$T/rekap.tsv"
# field KODE N: column N of the TSV row of agency KODE
field() { awk -F'\t' -v k="$1" -v n="$2" '$1 == k { print $n }' "$T/rekap.tsv"; }

# What show says of agency $1: "terisi iku capaian serapan", computed here
# from show's own TSV (IKU rows have a kode; capaian "-" or empty does not
# count; the mean in integer hundredths, half away from zero).
from_show() {
	"$LAKIP_BIN" -q -d "$DB" show --instansi "$1" $Y --table iku --format tsv >"$T/iku.tsv" || return 1
	"$LAKIP_BIN" -q -d "$DB" show --instansi "$1" $Y --table program --format tsv >"$T/prog.tsv" || return 1
	serapan=$(awk -F'\t' '$3 == "JUMLAH" { print $7 }' "$T/prog.tsv")
	awk -F'\t' -v serapan="$serapan" '
	function hundredths(s,  neg, p) {
		neg = sub(/^-/, "", s); gsub(/\./, "", s); p = index(s, ",")
		s = substr(s, 1, p - 1) substr(s, p + 1)
		return neg ? -s : s + 0
	}
	function id(v,  neg, i, f, out) {
		neg = v < 0; if (neg) v = -v
		i = int(v / 100); f = v % 100; out = ""
		while (i >= 1000) { out = sprintf(".%03d", i % 1000) out; i = int(i / 1000) }
		return (neg ? "-" : "") i out "," sprintf("%02d", f)
	}
	NR > 1 && $3 != "" {
		iku++
		if ($7 != "") terisi++
		if ($8 != "" && $8 != "-") { sum += hundredths($8); n++ }
	}
	END {
		mean = ""
		if (n > 0) {
			q = int((2 * (sum < 0 ? -sum : sum) + n) / (2 * n))
			mean = id(sum < 0 ? -q : q)
		}
		printf "%d %d %s %s\n", terisi, iku, mean == "" ? "(none)" : mean, serapan == "" ? "(none)" : serapan
	}' "$T/iku.tsv"
}
for k in $A $B $C; do
	want=$(from_show "$k")
	got="$(field "$k" 3) $(field "$k" 4) $(field "$k" 5) $(field "$k" 6)"
	got=$(echo "$got" | awk '{ for (i = NF + 1; i <= 4; i++) $i = "(none)"; print }')
	[ -z "$(field "$k" 5)" ] && got=$(echo "$got" | awk '{ $3 = "(none)"; print }')
	expect_eq "$k: IKU filled, IKU, mean capaian, serapan are those of its show ($want)" "$got" "$want"
done
expect_eq "$A: figures differ from $B (the comparison compares something)" \
	"$([ "$(field $A 5)" != "$(field $B 5)" ] && [ "$(field $A 6)" != "$(field $B 6)" ] && echo yes)" yes
expect_eq "$A: signed, with its version" "$(field $A 7)" "ditandatangani (versi 1)"
expect_eq "$B: submitted" "$(field $B 7)" "diajukan"
expect_eq "$C: an empty quarter" "$(field $C 7)" "kosong"
expect_eq "$C: no realisation, no capaian, no absorption" \
	"$(field $C 3)|$(field $C 5)|$(field $C 6)" "0||"
expect_eq "$D: no plan: kosong, no figures" \
	"$(field $D 3)|$(field $D 4)|$(field $D 5)|$(field $D 6)|$(field $D 7)" "||||kosong"

# ---- the text table ----------------------------------------------------------
COLUMNS=80 lakip -d "$DB" rekap $Y
expect_rc "rekap (text)" 0
cp "$T/stdout" "$T/rekap.txt"
expect_eq "text: no line wider than 80 columns (wide characters counted twice)" \
	"$(wc -L <"$T/rekap.txt")" 80
expect_in "text: a long name is cut with an ellipsis" "$T/rekap.txt" "…"
expect_in "text: $A signed" "$T/rekap.txt" "signed (version 1)"
expect_in "text: the IKU as filled/all" "$T/rekap.txt" "$(field $A 3)/$(field $A 4)"
expect_in "text: the mean capaian with its sign" "$T/rekap.txt" "$(field $A 5)%"
expect_in "text: the totals row" "$T/rekap.txt" "JUMLAH"
COLUMNS=120 lakip -d "$DB" rekap $Y
expect_eq "text at 120 columns: no line wider" "$(wc -L <"$T/stdout")" 120
expect_in "text: wide characters kept where they fit, measured as two columns" \
	"$T/stdout" "bpbd-kalteng        Badan \"Penanggulangan\"; Bencana Daerah 防灾减灾 Provins…   0/5"
# In Indonesian (the catalogue of the source tree, as po.sh makes it).
if command -v msgfmt >/dev/null 2>&1; then
	mkdir -p "$T/locale/id/LC_MESSAGES"
	msgfmt -o "$T/locale/id/LC_MESSAGES/lakip.mo" "$LAKIP_SRCDIR/po/id.po"
	COLUMNS=80 LAKIP_LOCALEDIR="$T/locale" lakip --lang id -d "$DB" rekap $Y
	expect_in "text in Indonesian: the states too" "$T/stdout" "ditandatangani (versi 1)"
	expect_in "text in Indonesian: the title" "$T/stdout" "Rekapitulasi capaian perangkat daerah, triwulan II 2023"
else ok "text in Indonesian # SKIP msgfmt missing"; ok "title # SKIP msgfmt missing"; fi
lakip -d "$DB" rekap $Y -o "$T/out.txt"
lakip -d "$DB" rekap $Y -o - -q
check "-o FILE writes what standard output gets (80 columns)" cmp "$T/out.txt" "$T/stdout"
check "-q: no notes" test ! -s "$T/stderr"
lakip -d "$DB" rekap --tahun 2023
expect_rc "rekap without --triwulan" 64
lakip -d "$DB" rekap $Y --format xls
expect_rc "rekap --format xls" 64
lakip -d "$DB" rekap $Y --instansi "$A"
expect_rc "rekap takes no --instansi" 64
lakip -d "$DB" rekap --tahun 2023 --triwulan 3 --format tsv
expect_eq "quarter III: every agency kosong" \
	"$(tail -n +2 "$T/stdout" | cut -f7 | sort -u)" "kosong"

# ---- a non-admin sees the agencies of his roles -----------------------------
cp "$DB" "$T/b.db"
ME=$(id -un)
lakip -d "$T/b.db" user add nobody --role admin
expect_rc "a second admin (nobody)" 0
lakip -d "$T/b.db" user role "$ME" operator --instansi "$B"
expect_rc "$ME becomes the operator of $B only" 0
lakip -d "$T/b.db" rekap $Y --format csv
expect_rc "rekap as an operator" 0
expect_eq "the operator sees the row of his agency only" \
	"$(tail -n +2 "$T/stdout" | cut -d';' -f1)" "$B"
expect_eq "with the same figures" "$(tail -n +2 "$T/stdout")" "$(grep "^$B;" "$T/rekap.csv")"
cp "$DB" "$T/c.db"
lakip -d "$T/c.db" user add nobody --role admin
lakip -d "$T/c.db" user remove "$ME"
expect_rc "$ME removed (nobody is the admin)" 0
lakip -d "$T/c.db" rekap $Y
expect_rc "an account with no role anywhere is refused" 77
expect_in "and told whom to ask" "$T/stderr" "nobody"

# ---- a real account: the kabid of A -------------------------------------------
if [ -n "$KB" ]; then
	rc=0
	runuser -u "$KB" -- "$LAKIP_BIN" -d "$DB" rekap $Y --format csv \
		>"$T/stdout" 2>"$T/stderr" || rc=$?
	expect_rc "rekap as the kabid of $A (a Unix account)" 0
	expect_eq "he sees his agency's row only, with its figures" \
		"$(tail -n +2 "$T/stdout")" "$(grep "^$A;" "$T/rekap.csv")"
else
	ok "rekap as a Unix account # SKIP $accounts_why"
	ok "his agency's row only # SKIP $accounts_why"
fi

# ---- the PDF -------------------------------------------------------------------
lakip -d "$DB" report --dokumen rekap $Y -o "$T/rekap.pdf"
expect_rc "report --dokumen rekap" 0
check "qpdf --check passes" qpdf --check "$T/rekap.pdf"
pdfinfo "$T/rekap.pdf" >"$T/info"
expect_in "landscape A4" "$T/info" "Page size:       841.89 x 595.276 pts (A4)"
expect_in "its title in the metadata" "$T/info" "Rekapitulasi Capaian Kinerja Perangkat Daerah Triwulan II Tahun 2023"
pdftotext -layout "$T/rekap.pdf" "$T/rekap.pdf.txt" 2>/dev/null
expect_in "pdf: the title" "$T/rekap.pdf.txt" "REKAPITULASI CAPAIAN KINERJA"
expect_in "pdf: the period" "$T/rekap.pdf.txt" "TRIWULAN II TAHUN 2023"
expect_in "pdf: the government all the agencies name" "$T/rekap.pdf.txt" "PEMERINTAH PROVINSI KALIMANTAN TENGAH"
for k in $A $B $C $D; do
	expect_in "pdf: a row of $k" "$T/rekap.pdf.txt" "$k"
done
line_a=$(grep "$A" "$T/rekap.pdf.txt")
expect_eq "pdf: $A's row has its figures and state" \
	"$(echo "$line_a" | grep -F "$(field $A 5)" | grep -F "$(field $A 6)" | grep -c "ditandatangani (versi 1)")" 1
expect_in "pdf: $B submitted" "$T/rekap.pdf.txt" "diajukan"
expect_in "pdf: the totals row" "$T/rekap.pdf.txt" "JUMLAH / RATA-RATA"
expect_in "pdf: the states counted" "$T/rekap.pdf.txt" "1 ditandatangani, 1 diajukan, 2 kosong"
expect_in "pdf: the page number" "$T/rekap.pdf.txt" "1"
lakip -d "$DB" report --dokumen rekap $Y -o - -q
check "report --dokumen rekap -o - writes the same PDF" cmp "$T/stdout" "$T/rekap.pdf"
lakip -d "$DB" report --dokumen rekap $Y --instansi "$A" -o "$T/x.pdf"
expect_rc "--dokumen rekap takes no --instansi" 64
lakip -d "$DB" report --dokumen rekap $Y --template laporan -o "$T/x.pdf"
expect_rc "--dokumen rekap takes no --template" 64
lakip -d "$DB" report --dokumen nosuch $Y -o "$T/x.pdf"
expect_rc "an unknown document" 64
expect_in "the message names the kinds" "$T/stderr" "laporan, rekap, pk or lkjip"
lakip -d "$DB" report --dokumen laporan --instansi "$B" $Y -o "$T/b.pdf"
expect_rc "--dokumen laporan is the LAKIP" 0
lakip -d "$DB" report --instansi "$B" $Y -o "$T/b2.pdf"
check "and the default" cmp "$T/b.pdf" "$T/b2.pdf"
finish
