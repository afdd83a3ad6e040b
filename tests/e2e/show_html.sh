#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# show_html.sh - `lakip show --format html`: the quarter's report as one
# self-contained web page.  Its figures and chapters are those of the PDF
# that `report` prints from the same database (read back with pdftotext,
# never copied here); it is well formed (tags balanced, every & an
# entity); nothing outside the file is referenced (no script, no link, the
# logo a data: URI that decodes to the very PNG); text from the database
# is escaped; what html cannot be combined with is refused.
. "$(dirname "$0")/lib.sh"
for tool in pdftotext pdftoppm perl base64 cmp; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool missing"; exit 0; }
done
DB=$(new_db a)
Y="--tahun 2023 --triwulan 2"
export SOURCE_DATE_EPOCH=1689292800

# A logo (a page of a PDF made here, as PNG) and an IKU whose name holds
# what HTML gives a meaning.
lakip -d "$T/tmp.db" import "$FIXTURE"
lakip -d "$T/tmp.db" report $Y -o "$T/tmp.pdf"
pdftoppm -png -r 8 -f 1 -l 1 -singlefile "$T/tmp.pdf" "$T/logo"
sed -e "s|^  kota: Palangka Raya\$|  kota: Palangka Raya\n  logo: $T/logo.png|" \
    -e 's|^        uraian: Masyarakat yang mengerti tentang wawasan kebangsaan$|        uraian: "Masyarakat <script>alert(1)</script> \& \\"wawasan\\" kebangsaan"|' \
    "$FIXTURE_KET" >"$T/a.yaml"
lakip -d "$DB" import "$T/a.yaml"
expect_rc "the plan with a logo and markup in a name imports" 0

lakip -d "$DB" show $Y --format html
expect_rc "show --format html" 0
cp "$T/stdout" "$T/a.html"
expect_eq "the page is HTML5 in Indonesian" "$(head -2 "$T/a.html" | tr '\n' ' ')" \
	'<!DOCTYPE html> <html lang="id"> '
expect_eq "and ends as a page" "$(tail -1 "$T/a.html")" '</html>'
expect_in "it declares UTF-8" "$T/a.html" '<meta charset="utf-8">'

lakip -d "$DB" report $Y -o "$T/a.pdf"
expect_rc "report of the same quarter" 0
pdftotext -layout "$T/a.pdf" "$T/pdf.txt"
# The page's text: tags dropped, the five entities back.
perl -0pe 's/<style>.*?<\/style>//s; s/<[^>]*>/ /g; s/&lt;/</g; s/&gt;/>/g;
	s/&quot;/"/g; s/&#39;/\x27/g; s/&amp;/&/g' "$T/a.html" >"$T/html.txt"

# Every decimal and every amount of money the PDF prints (figures,
# capaian, budgets), and nothing else of that form.
nums() { grep -oE '[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?|[0-9]+,[0-9]+' "$1" | sort -u; }
nums "$T/pdf.txt" >"$T/pdf.nums"
nums "$T/html.txt" >"$T/html.nums"
if [ -s "$T/pdf.nums" ] && cmp -s "$T/pdf.nums" "$T/html.nums"; then
	ok "the page has the PDF's figures, no more, no fewer ($(wc -l <"$T/pdf.nums") distinct)"
else
	not_ok "figures differ from the PDF's" "$(diff "$T/pdf.nums" "$T/html.nums" | head -20)"
fi

# The chapters (h1) in the PDF's order.
perl -ne 'while (/<h1 id="h\d+">(.*?)<\/h1>/g) { $t = $1; $t =~ s/<br>/ /g;
	$t =~ s/<[^>]*>//g; print "$t\n" }' "$T/a.html" >"$T/h1"
n=$(wc -l <"$T/h1")
if [ "$n" -ge 5 ] && perl -e '
	open my $f, "<", $ARGV[0] or die; my $pdf = do { local $/; <$f> };
	$pdf =~ s/\s+/ /g; my $at = 0;
	open my $h, "<", $ARGV[1] or die;
	while (my $t = <$h>) { chomp $t; $t =~ s/\s+/ /g;
		my $i = index($pdf, $t, $at); exit 1 if $i < 0; $at = $i + 1 }
	exit 0' "$T/pdf.txt" "$T/h1"; then
	ok "its $n chapters are the PDF's, in order"
else
	not_ok "chapters not those of the PDF" "$(cat "$T/h1")"
fi
expect_in "the table of contents links to the chapters" "$T/a.html" '<a href="#h'
expect_in "the IKU table's header rows are a thead" "$T/a.html" '<thead>'
expect_in "the JUMLAH row is bold" "$T/a.html" '<tr class="bold">'
expect_in "the charts are inline SVG" "$T/a.html" '<svg role="img"'
expect_in "the signer's name is printed" "$T/a.html" 'Dr. H.M. KATMA F. DIRUN'

# Well formed: every element closed in order (void elements aside), every
# & an entity.
if perl -e '
	local $/; my $s = <STDIN>; $s =~ s/<!DOCTYPE html>//; $s =~ s/<style>.*?<\/style>//s;
	my %void = map { $_ => 1 } qw(meta br img col hr);
	my @st;
	while ($s =~ /<(\/?)([a-zA-Z0-9]+)((?:[^>"]|"[^"]*")*)>/g) {
		my ($close, $tag, $attr) = ($1, lc $2, $3);
		next if $void{$tag} || $attr =~ m{/\s*$};
		if ($close) { my $top = pop @st; die "</$tag> closes <$top>\n" if !defined $top || $top ne $tag }
		else { push @st, $tag }
	}
	die "unclosed: @st\n" if @st;
	die "bare &\n" if $s =~ /&(?!(amp|lt|gt|quot|#39);)/;
	' <"$T/a.html" 2>"$T/wf"; then
	ok "well formed: tags balanced, every & an entity"
else
	not_ok "not well formed" "$(cat "$T/wf")"
fi

# Self-contained, and the database's text never becomes markup.
if grep -qiE '<script|<link|<iframe|src="(https?:|//|file:)|url\(' "$T/a.html"; then
	not_ok "the page refers to something outside it or runs a script" \
		"$(grep -oiE '<script[^>]*>|<link[^>]*>|src="[a-z]+:[^"]{0,30}|url\([^)]*\)' "$T/a.html" | head -5)"
else
	ok "no script, no link, nothing fetched"
fi
expect_in "the name's markup is text" "$T/a.html" \
	'Masyarakat &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;wawasan&quot; kebangsaan'
perl -ne 'print $1 if /src="data:image\/png;base64,([^"]+)"/' "$T/a.html" | head -c 100000 |
	base64 -d >"$T/logo.out" 2>/dev/null
if cmp -s "$T/logo.png" "$T/logo.out"; then ok "the logo is the PNG itself, as a data: URI"
else not_ok "the logo's data: URI is not the PNG" "$(wc -c <"$T/logo.out") bytes"; fi

# The agency's own template, as the report uses it.
sed 's/^  sampul_judul: .*/  sampul_judul: Laporan Kinerja Khusus Web/' \
	"$LAKIP_DATA_DIR/templates/laporan.yaml" >"$T/t.yaml"
lakip -d "$DB" template set --instansi kesbangpol-kalteng "$T/t.yaml"
expect_rc "the agency's own template stored" 0
lakip -d "$DB" show $Y --format html
expect_in "it words the page" "$T/stdout" 'LAPORAN KINERJA KHUSUS WEB'
lakip -d "$DB" report $Y -o "$T/b.pdf"
pdftotext "$T/b.pdf" - | grep -q 'LAPORAN KINERJA KHUSUS WEB' &&
	ok "as it words the PDF" || not_ok "the PDF is not worded by the stored template"

# What html cannot be combined with, and where it cannot be written.
for extra in "--table iku" "--bom"; do
	lakip -d "$DB" show $Y --format html $extra
	expect_rc "--format html with $extra is refused" 64
done
lakip -d "$DB" show --tahun 2023 --tahunan --format html
expect_rc "--format html with --tahunan is refused" 64
lakip -d "$DB" rekap $Y --format html
expect_rc "rekap has no html" 64
expect_in "and says which formats it has" "$T/stderr" 'expected text, csv or tsv'
if [ -w /dev/full ]; then
	rc=0; "$LAKIP_BIN" -d "$DB" show $Y --format html >/dev/full 2>"$T/stderr" || rc=$?
	expect_rc "a full disk under the page" 74
	expect_in "named" "$T/stderr" 'disk full'
fi
finish
