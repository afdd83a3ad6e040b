#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# tui_renstra.sh - the whole year's plan data in the terminal application:
# the Renstra grid (IKU by year) shows each IKU's baseline and targets; a
# target edited there and the period changed are saved with the plan (the
# export holds them, the audit chain stays whole); what the exchange
# format refuses is refused with the field named (the last year before
# the first, a period without the plan's year, a period leaving a target
# outside it, category bands out of order or a bound on the last band);
# a year's history; and the IKU form's baseline and national standard,
# with a baseline inside the Renstra period refused.
. "$(dirname "$0")/lib.sh"
for tool in tmux; do
	command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing"; exit 0; }
done
SOCK="lakip-tuiren-$$"
. "$(dirname "$0")/tmux.sh"
ME=$(id -un)
DB="$T/ren.db"
lakip -d "$DB" import "$LAKIP_SRCDIR/tests/data/tahunan-2023.yaml"
expect_rc "import" 0

start R "$ME"
expect_screen "the period screen" R "Choose the period"
keys R Enter
expect_screen "the step menu offers the Renstra" R "Renstra targets"
expect_screen "with its period" R "2021-2025"
for i in 1 2 3 4 5 6 7 8 9 10; do keys R Down; done
keys R Enter
expect_screen "the grid" R "Period 2021-2025 (Renstra 2021-2025)"
expect_eq "a row per IKU: baseline and the years' targets" \
	"$(line_of R "IDI" | tr -s ' ')" " IDI Indeks Demokra 75,20 76 77 78 79 80"
expect_screen "a year per column" R "2021 2022 2023 2024 2025"

# A target of one year edited.
keys R Enter
expect_screen "the IKU's targets, one field a year" R "Target 2025 (end)"
keys R Tab Tab Tab C-u
text R "79,5"
keys R Tab F2
expect_screen "saved, back in the grid" R "Period 2021-2025"
expect_eq "the grid shows it" "$(line_of R "IDI" | tr -s ' ')" \
	" IDI Indeks Demokra 75,20 76 77 78 79,50 80"

# KONFLIK's history: a realisation of 2020 (the form's 8th field).
keys R Enter
expect_screen "KONFLIK's form with its history" R "Realised 2020"
for i in 1 2 3 4 5 6 7; do keys R Tab; done
text R "12"
keys R Tab F2
expect_screen "saved" R "Period 2021-2025"

# IDI's category bands: out of order refused, then saved; a bound on the
# band that takes the rest refused.
keys R Up Up k
expect_screen "IDI's bands" R "Category bands"
expect_screen "its bands as stored" R "more than (>)"
for i in 1 2 3 4 5; do keys R Tab; done
keys R C-u
text R "85"
keys R Tab F2
expect_screen "bands out of order are refused" R "band 2: bands go from the highest down"
keys R C-u
text R "65"
keys R Tab F2
expect_screen "saved" R "Period 2021-2025"
keys R k
expect_screen "the bands again" R "Category bands"
for i in 1 2 3 4 5 6 7 8; do keys R Tab; done
text R "10"
keys R Tab F2
expect_screen "the last band has no bound" R "band 3: a band that takes the rest has no bound"
keys R C-u Tab F2
expect_screen "back in the grid" R "Period 2021-2025"

# The period: refusals, then a longer one.
keys R e
expect_screen "the period's form" R "First year"
keys R Tab Tab C-u
text R "2020"
keys R Tab F2
expect_screen "the last year before the first is refused" R "the last year (2020) is before the first (2021)"
keys R S-Tab C-u
text R "2022"
keys R Tab F2
expect_screen "a period without the plan's year is refused" R "the period must hold the year of this plan, 2023"
keys R S-Tab C-u
text R "2024"
keys R Tab F2
expect_screen "a period leaving a target outside is refused" R "IDI has a Renstra target for 2025, outside the period"
keys R BTab BTab C-u
text R "Renstra 2021-2026"
keys R Tab Tab C-u
text R "2026"
keys R Tab F2
expect_screen "a longer period saved" R "Period 2021-2026 (Renstra 2021-2026)"
expect_screen "its last year a column" R "2022 2023 2024 2025 2026"
keys R F10
expect_screen "back in the step menu" R "Renstra targets"

# The IKU form: baseline and national standard.
for i in 1 2 3 4 5 6 7 8 9 10; do keys R Up; done
keys R Down Enter
expect_screen "step 2" R "Step 2 of 10"
keys R Down Enter
expect_screen "the IKU form of IDI" R "Baseline year"
for i in 1 2 3 4 5 6 7 8 9; do keys R Tab; done
keys R C-u
text R "2021"
keys R Tab F2
expect_screen "a baseline inside the period is refused" R "the baseline is the value before the Renstra period (2021-2026)"
keys R S-Tab C-u
text R "2019"
keys R Tab C-u
text R "74,1"
keys R Tab C-u
text R "80"
keys R Tab F2
expect_screen "saved" R "Sasaran strategis and IKU"
TM kill-server >/dev/null 2>&1

lakip -d "$DB" export --tahun 2023 -o "$T/out.yaml"
expect_rc "export" 0
expect_in "the period" "$T/out.yaml" "  akhir: 2026"
expect_in "its name" "$T/out.yaml" "  nama: Renstra 2021-2026"
expect_in "the target edited" "$T/out.yaml" "      2024: 79.5"
expect_in "the baseline's year" "$T/out.yaml" "      tahun: 2019"
expect_in "its value" "$T/out.yaml" "      nilai: 74.1"
expect_in "the national standard" "$T/out.yaml" "    standar_nasional: 80"
expect_in "KONFLIK's history" "$T/out.yaml" "      2020: 12"
expect_in "IDI's band moved" "$T/out.yaml" "      minimal: 65"
lakip -d "$DB" audit verify
expect_rc "the audit chain and the tables agree" 0
finish
