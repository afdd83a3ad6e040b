#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# spacing.pl BBOX [LIMIT] - word spacing of justified lines, measured from
# the text positions of pdftotext -bbox-layout (its XHTML on BBOX).
#
# A justified line is one of three words or more, all of one size, that
# ends at the page's text edge (the right end most lines of the page share,
# to 0.3 pt); a line of the table of contents (dot leaders) is not, nor
# is the hang after a list item's label.  The
# size of a word is its box's height / 1.107 (ascent + descent of
# Liberation Serif); a normal space is a quarter of it.  Prints the
# number of justified lines, the widest gap as a multiple of the normal
# space and where it is; exits 1 when that is above LIMIT (default 2).
use strict;
use warnings;

my ($file, $limit) = @ARGV;
die "usage: spacing.pl BBOX [LIMIT]\n" unless defined $file;
$limit //= 2;
open my $fh, '<:encoding(UTF-8)', $file or die "$file: $!\n";
my $html = do { local $/; <$fh> };
close $fh;

my ($lines, $worst, $where, $page) = (0, 0, '', 0);
for my $pg ($html =~ m{<page\b.*?</page>}sg) {
	$page++;
	my @lines;
	for my $ln ($pg =~ m{<line\b.*?</line>}sg) {
		my @w;
		while ($ln =~ m{<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>}g) {
			push @w, { x0 => $1, y0 => $2, x1 => $3, y1 => $4, t => $5 };
		}
		push @lines, \@w if @w;
	}
	# the text edge: the right end shared by most lines
	my %end;
	$end{sprintf '%.0f', $_->[-1]{x1} * 2}++ for @lines;
	my ($edge) = sort { $end{$b} <=> $end{$a} || $b <=> $a } keys %end;
	next unless defined $edge && $end{$edge} >= 2;
	my $right = 0;
	for (@lines) {
		my $x = $_->[-1]{x1};
		$right = $x if abs($x * 2 - $edge) <= 1 && $x > $right;
	}
	for my $w (@lines) {
		next if @$w < 3 || abs($w->[-1]{x1} - $right) > 0.3;
		next if grep { $_->{t} =~ /^\.+$/ } @$w;
		my $h = $w->[0]{y1} - $w->[0]{y0};
		next if grep { abs(($_->{y1} - $_->{y0}) - $h) > 0.05 } @$w;
		my $space = $h / 1.107 / 4;
		$lines++;
		# a list item's label hangs before its text: not a space
		my $k0 = $w->[0]{t} =~ /^(\x{2013}|-|\x{2022}|\d{1,3}[.)]|[a-z][.)])$/ ? 2 : 1;
		for my $k ($k0 .. $#$w) {
			my $r = ($w->[$k]{x0} - $w->[$k - 1]{x1}) / $space;
			if ($r > $worst) {
				$worst = $r;
				$where = sprintf 'page %d: "%s %s"', $page,
					$w->[$k - 1]{t}, $w->[$k]{t};
			}
		}
	}
}
binmode STDOUT, ':encoding(UTF-8)';
printf "%d justified lines, widest gap %.2f x normal (%s)\n", $lines, $worst,
	$where;
exit($lines > 0 && $worst <= $limit ? 0 : 1);
