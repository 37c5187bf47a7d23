#!/usr/bin/env bash
# Starts the services the tests need: a local PostgreSQL server with
# trust authentication on 127.0.0.1:5432 (FLASHPOINT_TEST_PG's default).
# Installs it from Debian packages when missing. Idempotent and quiet;
# prints only on failure.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive

if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
	exit 0
fi

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
	apt-get update -qq >/dev/null
	apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1)
if [ -z "$version" ]; then
	pg_createcluster "$(ls /usr/lib/postgresql | sort -V | tail -n1)" main >/dev/null
	version=$(ls /etc/postgresql | sort -V | tail -n1)
fi
conf=/etc/postgresql/$version/main

# Tests connect as postgres without a password over TCP on loopback.
if ! grep -q '^host all all 127.0.0.1/32 trust' "$conf/pg_hba.conf"; then
	sed -i '/^host/d' "$conf/pg_hba.conf"
	{
		echo 'host all all 127.0.0.1/32 trust'
		echo 'host all all ::1/128 trust'
	} >>"$conf/pg_hba.conf"
fi
if ! grep -q "^listen_addresses = 'localhost'" "$conf/postgresql.conf"; then
	echo "listen_addresses = 'localhost'" >>"$conf/postgresql.conf"
fi

pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 ||
	pg_ctlcluster --skip-systemctl-redirect "$version" main restart >/dev/null

for _ in $(seq 1 60); do
	if pg_isready -q -h 127.0.0.1 -p 5432; then
		exit 0
	fi
	sleep 0.5
done
echo "test-services: PostgreSQL did not become ready on 127.0.0.1:5432" >&2
exit 1
