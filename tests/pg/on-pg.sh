#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
#
# tests/pg/on-pg.sh NAME.pg: run the test that NAME.pg names a second
# time, against PostgreSQL.  NAME.pg holds one line, "unit PROGRAM" (a
# check program of the build tree) or "e2e SCRIPT" (below the source
# tree).  A private cluster (cluster.sh) is started for the run in a
# temporary directory and stopped at its end, also when the test fails
# or is killed; LAKIP_TEST_PG is the URI of its `postgres` database,
# from which the test makes databases of its own.
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${LAKIP_SRCDIR:=$(cd "$here/../.." && pwd)}"
read -r kind test <"$1" || { echo "on-pg.sh: $1: empty" >&2; exit 99; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/lakip-pg-XXXXXX") || exit 99
stop() { sh "$here/cluster.sh" stop "$dir"; }
trap stop EXIT
trap 'exit 1' HUP INT PIPE TERM
if ! uri=$(sh "$here/cluster.sh" start "$dir" 2>"$dir.err"); then
	# PostgreSQL's server is part of what quickstart installs: a missing
	# server is a failure, not a skip, unless the caller says otherwise.
	echo "1..1"
	echo "not ok 1 - a private PostgreSQL cluster starts # $(head -c 300 "$dir.err" | tr '\n' ' ')"
	rm -f "$dir.err"
	exit 0
fi
rm -f "$dir.err"
export LAKIP_TEST_PG="$uri"
case $kind in
unit) "./$test" ;;
e2e) sh "$LAKIP_SRCDIR/$test" ;;
*) echo "on-pg.sh: $1: unknown kind $kind" >&2; exit 99 ;;
esac
