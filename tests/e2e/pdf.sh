#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# The report as an archival PDF: text that extracts exactly (a ToUnicode
# CMap for every font, parsed by tounicode.pl; pdftotext and mutool give
# back every character, poppler silent), metadata and structure (PDF 1.7,
# ID, XMP matching the info, /Lang, sRGB output intent, page labels,
# outline), small files (subset fonts, CIDToGIDMap /Identity), and the
# same bytes from the same input.  On the fixture and on the fixture with
# a paragraph of every special character.
. "$(dirname "$0")/lib.sh"
export SOURCE_DATE_EPOCH=1689292800
TU="$LAKIP_SRCDIR/tests/e2e/tounicode.pl"
VERSION=$("$LAKIP_BIN" --version | awk '{ print $2; exit }')
NBSP=$(printf '\302\240')
SPECIAL="Karakter khusus: nilai ≥ 80 dan ≤ 100, rentang 2022–2023 — “kutipan ganda” dan ‘kutipan tunggal’ • butir… serta${NBSP}spasi${NBSP}tak${NBSP}putus, Ω dan é."

# The fixture, and the fixture with the special paragraph first in SS1's
# narrative.
awk -v t="$SPECIAL" '{ print } /^      SS1: \|$/ && !done { print "        " t; print ""; done = 1 }' \
	"$FIXTURE" >"$T/special.yaml"
"$LAKIP_BIN" -d "$T/f.db" import "$FIXTURE" >/dev/null 2>&1
"$LAKIP_BIN" -d "$T/s.db" import "$T/special.yaml" >/dev/null 2>&1

# qpdf --check, with no warning either.
qpdf_clean() {
	qpdf --check "$1" >"$T/qpdf" 2>&1 && ! grep -qi 'warning' "$T/qpdf"
}

for k in f s; do
	case $k in f) what="fixture";; s) what="special characters";; esac
	lakip -d "$T/$k.db" report --tahun 2023 --triwulan 2 -o "$T/$k.pdf"
	expect_rc "$what: report" 0
	check "$what: qpdf --check, no warning" qpdf_clean "$T/$k.pdf"
	pdftotext "$T/$k.pdf" "$T/$k.txt" 2>"$T/$k.err"
	if [ -s "$T/$k.err" ]; then not_ok "$what: poppler silent (pdftotext stderr empty)" "$(head -c 800 "$T/$k.err")"
	else ok "$what: poppler silent (pdftotext stderr empty)"; fi
	pdffonts "$T/$k.pdf" 2>&1 | awk 'NR > 2' >"$T/$k.fonts"
	bad=$(awk '{ n = NF; if ($(n-4) != "yes" || $(n-3) != "yes" || $(n-2) != "yes") print $1 }' "$T/$k.fonts")
	if [ -s "$T/$k.fonts" ] && [ -z "$bad" ]; then ok "$what: every font embedded, subset, with ToUnicode (pdffonts)"
	else not_ok "$what: every font embedded, subset, with ToUnicode" "$(cat "$T/$k.fonts")"; fi
	qpdf --qdf --object-streams=disable "$T/$k.pdf" "$T/$k.qdf" 2>/dev/null
	if perl "$TU" "$T/$k.qdf" >"$T/$k.map" 2>"$T/$k.tuerr"; then ok "$what: every ToUnicode CMap well formed and right (tounicode.pl)"
	else not_ok "$what: every ToUnicode CMap well formed and right" "$(head -c 1500 "$T/$k.tuerr")"; fi
	# every character of the extracted text is one a CMap maps
	perl -CSD -ne 'print join("\n", map { sprintf "U+%04X", ord } grep { !/[\n\f\t ]/ } split //), "\n"' "$T/$k.txt" |
		grep . | sort -u >"$T/$k.used"
	grep '^U+' "$T/$k.map" | sort -u >"$T/$k.mapped"
	missing=$(comm -23 "$T/$k.used" "$T/$k.mapped" | tr '\n' ' ')
	expect_eq "$what: every character extracted is in a ToUnicode CMap" "$missing" ""
	# mutool names each page it draws; Debian's is built without lcms2
	# and says so for every file with an ICC profile
	mutool draw -F txt -o "$T/$k.mu" "$T/$k.pdf" 2>&1 |
		grep -v -e '^page ' -e '^warning: ICC support is not available$' >"$T/$k.muerr"
	if [ -s "$T/$k.muerr" ]; then not_ok "$what: mutool draw -F txt silent" "$(head -c 800 "$T/$k.muerr")"
	else ok "$what: mutool draw -F txt silent"; fi
	lakip -d "$T/$k.db" report --tahun 2023 --triwulan 2 -o "$T/$k-again.pdf"
	check "$what: same input, same bytes" cmp "$T/$k.pdf" "$T/$k-again.pdf"
done

# The special characters, each given back by both extractors; the
# paragraph whole once its lines are joined.  A non-breaking space is
# mapped to U+00A0 (its CMap says so), and both extractors turn U+00A0
# into a plain space: that space is what they give back, never a break.
for c in '≥' '≤' '–' '—' '“' '”' '‘' '’' '•' '…' 'Ω' 'é'; do
	expect_in "pdftotext gives back '$c'" "$T/s.txt" "$c"
	expect_in "mutool gives back '$c'" "$T/s.mu" "$c"
done
expect_in "non-breaking space: mapped to U+00A0" "$T/s.map" "U+00A0"
expect_in "non-breaking space: pdftotext, no break there" "$T/s.txt" "serta spasi tak putus,"
expect_in "non-breaking space: mutool, no break there" "$T/s.mu" "serta spasi tak putus,"
# lines joined; a word hyphenated at a line's end (soft hyphen) whole
joined() { perl -CSD -0777 -pe 's/\x{AD}\n//g; s/\s+/ /g' "$1"; }
PLAIN=$(printf '%s' "$SPECIAL" | sed "s/$NBSP/ /g")
joined "$T/s.txt" >"$T/s.joined"
expect_in "pdftotext: the special paragraph exactly" "$T/s.joined" "$PLAIN"
joined "$T/s.mu" >"$T/s.mujoined"
expect_in "mutool: the special paragraph exactly" "$T/s.mujoined" "$PLAIN"
expect_eq "special: a CID font for the characters beyond CP1252" \
	"$(grep -c 'CID TrueType' "$T/s.fonts")" 1
expect_in "special: the CID font is there" "$T/s.qdf" "/Subtype /CIDFontType2"
expect_in "special: CIDToGIDMap /Identity (no 128 KB map)" "$T/s.qdf" "/CIDToGIDMap /Identity"
# the CID font's program as stored (a subset; its empty glyph slots
# compress to nothing)
obj() { qpdf --show-object="$1" "$T/s.pdf" 2>/dev/null; }
ref() { sed -n "s/.*\/$1 \([0-9]*\) 0 R.*/\1/p"; }
n=1 ff=""
while [ $n -lt 400 ] && [ -z "$ff" ]; do
	if obj $n | grep -q '/Subtype /CIDFontType2'; then
		ff=$(obj "$(obj $n | ref FontDescriptor)" | ref FontFile2)
	fi
	n=$((n + 1))
done
ffsize=$(qpdf --show-object="${ff:-0}" --raw-stream-data "$T/s.pdf" 2>/dev/null | wc -c)
if [ "$ffsize" -gt 0 ] && [ "$ffsize" -le 10000 ]; then ok "special: the CID font program is a subset ($ffsize bytes stored)"
else not_ok "special: the CID font program is a subset" "got ${ffsize:-no} bytes"; fi

# Small: the fixture's report under the peers' 49-53 KB.
size=$(wc -c <"$T/f.pdf")
if [ "$size" -le 45000 ]; then ok "fixture report at most 45,000 bytes ($size)"
else not_ok "fixture report at most 45,000 bytes" "got $size"; fi

# Typesetting: justified lines' word gaps within twice a normal space
# (pdftotext -bbox-layout, spacing.pl); hyphenation never in a name, a
# kode or a number.
for k in f s; do
	pdftotext -bbox-layout "$T/$k.pdf" "$T/$k.bbox" 2>/dev/null
	if perl "$LAKIP_SRCDIR/tests/e2e/spacing.pl" "$T/$k.bbox" >"$T/$k.sp" 2>&1
	then ok "$k: word spacing within 2x normal ($(cat "$T/$k.sp"))"
	else not_ok "$k: word spacing within 2x normal" "$(cat "$T/$k.sp")"; fi
done
# the words broken at a line's end (soft hyphen), put together again
perl -CSD -ne 'if ($p ne "") { /^(\S+)/; print "$p$1\n"; $p = "" } $p = $1 if /(\S+)\x{AD}$/' \
	"$T/f.txt" >"$T/hyphenated"
expect_eq "fixture: some words hyphenated" "$(test -s "$T/hyphenated" && echo yes)" yes
bad=$(grep -E '[0-9]|[A-Za-z][A-Z]|Kalimantan|Kesatuan|Bangsa|Politik|Provinsi|Tengah|Palangka' "$T/hyphenated" | tr '\n' ' ')
expect_eq "fixture: no kode, number or name hyphenated" "$bad" ""

# The synthetic report of 5,000 IKU (bench/gen-synthetic.sh): at most
# 5 MiB (2,9 MB of tables and text, 1,8 MB the lampiran's 5,000 charts of
# the quarters on 1,250 pages: every IKU has realisations in quarters I
# and II), clean, its word spacing within 2x normal.
sh "$LAKIP_SRCDIR/bench/gen-synthetic.sh" >"$T/syn.yaml"
"$LAKIP_BIN" -d "$T/syn.db" import "$T/syn.yaml" >/dev/null 2>&1
lakip -d "$T/syn.db" report --tahun 2023 --triwulan 2 -o "$T/syn.pdf"
expect_rc "synthetic: report" 0
size=$(wc -c <"$T/syn.pdf")
if [ "$size" -le 5242880 ]; then ok "synthetic report at most 5 MiB ($size bytes)"
else not_ok "synthetic report at most 5 MiB" "got $size bytes"; fi
check "synthetic: qpdf --check, no warning" qpdf_clean "$T/syn.pdf"
pdftotext "$T/syn.pdf" /dev/null 2>"$T/syn.err"
if [ -s "$T/syn.err" ]; then not_ok "synthetic: poppler silent" "$(head -c 800 "$T/syn.err")"
else ok "synthetic: poppler silent"; fi
pdftotext -bbox-layout "$T/syn.pdf" "$T/syn.bbox" 2>/dev/null
if perl "$LAKIP_SRCDIR/tests/e2e/spacing.pl" "$T/syn.bbox" >"$T/syn.sp" 2>&1
then ok "synthetic: word spacing within 2x normal ($(cat "$T/syn.sp"))"
else not_ok "synthetic: word spacing within 2x normal" "$(cat "$T/syn.sp")"; fi

# Metadata and structure.
pdfinfo -isodates "$T/f.pdf" >"$T/info" 2>&1
pdfinfo -meta "$T/f.pdf" >"$T/xmp" 2>&1
info() { sed -n "s/^$1: *//p" "$T/info"; }
expect_eq "PDF 1.7" "$(info 'PDF version')" "1.7"
expect_eq "XMP metadata stream" "$(info 'Metadata Stream')" "yes"
expect_eq "producer: lakip with its version" "$(info Producer)" "lakip $VERSION (libharu 2.3.0)"
expect_in "XMP title = info title" "$T/xmp" "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">$(info Title)</rdf:li>"
expect_in "XMP creator = info author (the agency)" "$T/xmp" "<dc:creator><rdf:Seq><rdf:li>$(info Author)</rdf:li>"
expect_eq "info author is the agency" "$(info Author)" "Badan Kesatuan Bangsa dan Politik Provinsi Kalimantan Tengah"
expect_in "XMP description = info subject" "$T/xmp" ">$(info Subject)</rdf:li></rdf:Alt></dc:description>"
expect_in "XMP keywords = info keywords" "$T/xmp" "<pdf:Keywords>$(info Keywords)</pdf:Keywords>"
expect_in "XMP producer = info producer" "$T/xmp" "<pdf:Producer>$(info Producer)</pdf:Producer>"
expect_in "XMP creator tool = info creator" "$T/xmp" "<xmp:CreatorTool>$(info Creator)</xmp:CreatorTool>"
expect_in "XMP create date = info creation date" "$T/xmp" "<xmp:CreateDate>$(info CreationDate)</xmp:CreateDate>"
expect_in "XMP modify date = info mod date" "$T/xmp" "<xmp:ModifyDate>$(info ModDate)</xmp:ModifyDate>"
expect_eq "dates from SOURCE_DATE_EPOCH" "$(info CreationDate)" "2023-07-14T00:00:00Z"
expect_in "XMP language id-ID" "$T/xmp" "<dc:language><rdf:Bag><rdf:li>id-ID</rdf:li>"
if perl -MEncode -e 'local $/; my $x = <STDIN>; exit !($x =~ /<x:xmpmeta/ && $x =~ m{</x:xmpmeta>} && eval { decode("UTF-8", $x, 1); 1 })' <"$T/xmp"
then ok "XMP is a whole packet in UTF-8"; else not_ok "XMP is a whole packet in UTF-8" "$(head -c 600 "$T/xmp")"; fi
qpdf --show-object=trailer "$T/f.pdf" >"$T/trailer" 2>&1
if grep -qE '/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]' "$T/trailer"; then ok "document ID in the trailer"
else not_ok "document ID in the trailer" "$(cat "$T/trailer")"; fi
root=$(sed -n 's/.*\/Root \([0-9]*\) 0 R.*/\1/p' "$T/trailer")
qpdf --show-object="$root" "$T/f.pdf" >"$T/catalog" 2>&1
expect_in "catalog: /Lang (id-ID)" "$T/catalog" "/Lang (id-ID)"
expect_in "catalog: sRGB output intent" "$T/catalog" "/OutputConditionIdentifier (sRGB IEC61966-2.1) /S /GTS_PDFA1 /Type /OutputIntent"
icc=$(sed -n 's/.*\/DestOutputProfile \([0-9]*\) 0 R.*/\1/p' "$T/catalog")
qpdf --show-object="$icc" --filtered-stream-data "$T/f.pdf" >"$T/icc" 2>/dev/null
expect_eq "output intent: an RGB ICC profile (acsp, RGB)" \
	"$(dd if="$T/icc" bs=1 skip=36 count=4 2>/dev/null)/$(dd if="$T/icc" bs=1 skip=16 count=4 2>/dev/null)" "acsp/RGB "
check "output intent: the profile of icc-profiles-free" cmp "$T/icc" /usr/share/color/icc/sRGB.icc
qpdf --show-object="$icc" "$T/f.pdf" >"$T/iccdict" 2>&1
expect_in "output intent: /N 3" "$T/iccdict" "/N 3"
# Page labels: cover unnumbered, front matter i, ii, body from 1 (the
# table of contents says on which page BAB I begins).
expect_in "page labels: cover none, front matter i.., body 1.." "$T/catalog" \
	"/PageLabels << /Nums [ 0 << >> 1 << /S /r >> 3 << /S /D >> ] >>"
expect_in "table of contents puts BAB I on page 1" "$T/f.txt" "BAB I KINERJA"
outl=$(sed -n 's/.*\/Outlines \([0-9]*\) 0 R.*/\1/p' "$T/catalog")
expect_eq "outline kept (19 entries)" "$(qpdf --show-object="$outl" "$T/f.pdf" | sed -n 's/.*\/Count \([0-9]*\).*/\1/p')" 19

finish
