#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
#
# tests/pg/cluster.sh start DIR | stop DIR | uri DIR
#
# A private PostgreSQL cluster for the tests: initdb in DIR (made empty
# by the caller, or made here), the server listening on a Unix socket in
# DIR only (no TCP port), peer authentication.  Run as root, the cluster
# belongs to the unprivileged account `postgres` (Debian's package makes
# it) and root gets a superuser role of its own name; run as anyone
# else, it belongs to them.  `start` prints the connection URI of the
# database `postgres`; tests make their own databases in it.
set -eu

cmd=${1:?usage: cluster.sh start|stop|uri DIR}
dir=${2:?usage: cluster.sh start|stop|uri DIR}

bindir=
for d in /usr/lib/postgresql/*/bin; do
	[ -x "$d/initdb" ] && bindir=$d
done
if [ -z "$bindir" ]; then
	echo "cluster.sh: PostgreSQL's server is not installed (apt-get install postgresql)" >&2
	exit 69
fi

me=$(id -un)
owner=$me
if [ "$(id -u)" = 0 ]; then
	owner=postgres
	if ! id "$owner" >/dev/null 2>&1; then
		echo "cluster.sh: no account 'postgres' to run the server as" >&2
		exit 69
	fi
fi

as_owner() {
	if [ "$owner" = "$me" ]; then
		"$@"
	else
		# runuser keeps no environment but what it is given
		runuser -u "$owner" -- env PGHOST="$dir" "$@"
	fi
}

uri() {
	echo "postgresql:///postgres?host=$dir"
}

case $cmd in
start)
	mkdir -p "$dir"
	chmod 0755 "$dir"
	[ "$owner" = "$me" ] || chown "$owner" "$dir"
	as_owner "$bindir/initdb" -D "$dir/data" -A peer -U "$owner" \
		-E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
		cat "$dir/initdb.log" >&2
		exit 70
	}
	cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 60
max_prepared_transactions = 0
log_min_messages = warning
CONF
	as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		start >/dev/null || {
		cat "$dir/server.log" >&2
		exit 70
	}
	if [ "$owner" != "$me" ]; then
		as_owner "$bindir/psql" -X -q -h "$dir" -d postgres \
			-c "CREATE ROLE \"$me\" SUPERUSER LOGIN" >/dev/null
	fi
	uri
	;;
stop)
	if [ -f "$dir/data/postmaster.pid" ]; then
		as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop \
			>/dev/null 2>&1 || true
	fi
	rm -rf --one-file-system "$dir"
	;;
uri)
	uri
	;;
*)
	echo "usage: cluster.sh start|stop|uri DIR" >&2
	exit 64
	;;
esac
