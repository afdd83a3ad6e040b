#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# unmarked.pl FILE.c...: the user-visible strings not marked for
# translation -- a message literal with words handed straight to the
# functions that return or show messages (lk_fail, cli_error, cli_usage,
# ui_msg and the popups; printf to the terminal in src/cli and src/tui).
# Prints FILE:LINE: "literal" for each and exits 1 when there is one.
use strict;
use warnings;

my $bad = 0;
for my $f (@ARGV) {
	open my $h, '<', $f or next;
	local $/; my $s = <$h>; close $h;
	my $cli = $f =~ m{src/(cli|tui)/};
	my @pats = (
		qr/\blk_fail\(\s*[^,()]+,\s*[^,()]+,\s*("(?:[^"\\]|\\.)*")/,
		qr/\bui_msg\(\s*UI_MSG_\w+,\s*("(?:[^"\\]|\\.)*")/,
		qr/\bui_(?:message|confirm|ask3|prompt|prompt_secret|show_text|choose|progress)\(\s*("(?:[^"\\]|\\.)*")/,
		qr/\bcli_(?:error|usage)\(\s*[^,()]+,\s*("(?:[^"\\]|\\.)*")/,
	);
	push @pats, qr/\bprintf\(\s*("(?:[^"\\]|\\.)*")/,
		qr/\bfputs\(\s*("(?:[^"\\]|\\.)*")\s*,\s*std(?:out|err)\)/,
		qr/\bfprintf\(\s*std(?:out|err),\s*("(?:[^"\\]|\\.)*")/ if $cli;
	for my $p (@pats) {
		while ($s =~ /$p/g) {
			my $lit = $1; my $pos = $-[1];
			(my $text = $lit) =~ s/%[-#0 +']*[0-9*]*(?:\.[0-9*]+)?(?:hh|h|ll|l|z|j|t|L)?[a-zA-Z%]|\\[nt"\\]|PRI[a-zA-Z0-9]+//g;
			next unless $text =~ /[A-Za-z]{3}/;
			# The program's name before a message, and the licence
			# notice of --version, stay as they are in every language.
			next if $lit =~ /^"lakip(?: %s)?:? / || $lit =~ /^"Copyright /;
			my $line = 1 + (substr($s, 0, $pos) =~ tr/\n//);
			print "$f:$line: $lit\n"; $bad++;
		}
	}
}
exit($bad ? 1 : 0);
