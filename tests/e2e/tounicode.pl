#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tounicode.pl QDF - the ToUnicode CMaps of every font of a PDF (written
# by qpdf --qdf --object-streams=disable, so streams are plain), parsed
# and checked against the PDF rules (ISO 32000-1 9.10.3, 9.7.5):
#   - a font without /ToUnicode is an error;
#   - one codespacerange; every code as wide as it;
#   - only bfchar and bfrange blocks (any other operator, such as
#     begincidrange, is an error), at most 100 entries each, as many as
#     announced; a bfrange stays within one last byte, lo <= hi;
#   - no code mapped twice;
#   - a single-byte font (WinAnsiEncoding) maps each code to its CP1252
#     character; a CID font with Identity-H maps each code (a CID that is
#     the character itself, as lakip writes them) to that character.
# Prints "FONT name kind entries" per font, then every character mapped
# as one hex code point per line ("U+XXXX"); exits 1 naming the fault.
use strict;
use warnings;
use Encode qw(decode);

my $file = shift or die "usage: tounicode.pl QDF\n";
open my $fh, '<:raw', $file or die "$file: $!\n";
my $pdf = do { local $/; <$fh> };
close $fh;

my %obj;
while ($pdf =~ /^(\d+) 0 obj\n(.*?)^endobj$/msg) {
	$obj{$1} = $2;
}
my (%chars, $fonts, @fault);

sub fault { push @fault, join('', @_); }

for my $n (sort { $a <=> $b } keys %obj) {
	my $o = $obj{$n};
	next unless $o =~ m{\A<<.*?/Type /Font\b}s && $o =~ m{/Subtype /(TrueType|Type0|Type1)\b};
	my $kind = $1 eq 'Type0' ? 'cid' : 'single';
	my ($name) = $o =~ m{/BaseFont /(\S+)};
	$name //= "object $n";
	$fonts++;
	unless ($o =~ m{/ToUnicode (\d+) 0 R}) {
		fault("$name: no ToUnicode");
		next;
	}
	my $s = $obj{$1} // '';
	unless ($s =~ /^stream\n(.*?)\nendstream/ms) {
		fault("$name: ToUnicode is not a stream");
		next;
	}
	my @lines = split /\n/, $1;
	my ($width, %map, $entries);
	for (my $i = 0; $i < @lines; $i++) {
		my $l = $lines[$i];
		if ($l =~ /^(\d+) begin(\w+)$/) {
			my ($count, $op) = ($1, $2);
			if ($op !~ /^(codespacerange|bfchar|bfrange)$/) {
				fault("$name: invalid operator begin$op");
				last;
			}
			fault("$name: $count entries in one $op block (at most 100)") if $count > 100;
			my $j = 0;
			for ($i++; $i < @lines && $lines[$i] ne "end$op"; $i++, $j++) {
				my $e = $lines[$i];
				if ($op eq 'codespacerange') {
					if ($e =~ /^<([0-9A-F]+)> <([0-9A-F]+)>$/ && length $1 == length $2) {
						$width = length $1;
					} else {
						fault("$name: bad codespacerange '$e'");
					}
				} elsif ($op eq 'bfchar') {
					if ($e =~ /^<([0-9A-F]+)> <([0-9A-F]{4})>$/) {
						my ($c, $u) = (hex $1, hex $2);
						fault("$name: code <$1> not as wide as the codespace")
							if !defined $width || length $1 != $width;
						fault("$name: code <$1> mapped twice") if exists $map{$c};
						$map{$c} = $u;
					} else {
						fault("$name: bad bfchar '$e'");
					}
				} else {
					if ($e =~ /^<([0-9A-F]+)> <([0-9A-F]+)> <([0-9A-F]{4})>$/) {
						my ($lo, $hi, $u) = (hex $1, hex $2, hex $3);
						fault("$name: bfrange <$1> <$2> not as wide as the codespace")
							if !defined $width || length $1 != $width || length $2 != $width;
						fault("$name: bfrange <$1> <$2> crosses its last byte")
							if $lo > $hi || ($lo >> 8) != ($hi >> 8);
						for my $c ($lo .. $hi) {
							fault(sprintf "%s: code %X mapped twice", $name, $c) if exists $map{$c};
							$map{$c} = $u + $c - $lo;
						}
					} else {
						fault("$name: bad bfrange '$e'");
					}
				}
			}
			fault("$name: $op block announces $count entries, has $j") if $j != $count;
		}
	}
	fault("$name: no codespacerange") unless defined $width;
	$entries = keys %map;
	fault("$name: maps nothing") unless $entries;
	for my $c (sort { $a <=> $b } keys %map) {
		my $u = $map{$c};
		my $want = $kind eq 'cid' ? $c : ord(decode('cp1252', chr $c));
		fault(sprintf "%s: code %X maps to U+%04X, not U+%04X", $name, $c, $u, $want)
			if $u != $want;
		$chars{$u} = 1;
	}
	print "FONT $name $kind $entries\n";
}
fault("no fonts") unless $fonts;
printf "U+%04X\n", $_ for sort { $a <=> $b } keys %chars;
if (@fault) {
	print STDERR "tounicode.pl: $_\n" for @fault;
	exit 1;
}
exit 0;
