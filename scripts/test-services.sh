#!/usr/bin/env bash
# Starts the services the tests need, installing them from Debian's
# packages on a fresh machine: PostgreSQL (trust auth on 127.0.0.1:5432,
# FLASHPOINT_TEST_PG's default), NATS with JetStream (127.0.0.1:4222) and
# headless Chromium for the dashboard's browser test. Idempotent and
# quiet; prints only on failure.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

apt_updated=""
install() {
	if [ -z "$apt_updated" ]; then
		apt-get update -qq >/dev/null
		apt_updated=1
	fi
	apt-get install -y -qq "$@" >/dev/null
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # port name
	for _ in $(seq 1 60); do
		listening "$1" && return 0
		sleep 0.5
	done
	echo "test-services: $2 did not start on 127.0.0.1:$1" >&2
	return 1
}

start_postgres() {
	pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && return 0
	ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || install postgresql
	local version conf
	version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1)
	if [ -z "$version" ]; then
		pg_createcluster "$(ls /usr/lib/postgresql | sort -V | tail -n1)" main >/dev/null
		version=$(ls /etc/postgresql | sort -V | tail -n1)
	fi
	conf=/etc/postgresql/$version/main
	# Tests connect as postgres without a password over TCP on loopback.
	if ! grep -q '^host all all 127.0.0.1/32 trust' "$conf/pg_hba.conf"; then
		sed -i '/^host/d' "$conf/pg_hba.conf"
		printf 'host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n' >>"$conf/pg_hba.conf"
	fi
	grep -q "^listen_addresses = 'localhost'" "$conf/postgresql.conf" ||
		echo "listen_addresses = 'localhost'" >>"$conf/postgresql.conf"
	pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 ||
		pg_ctlcluster --skip-systemctl-redirect "$version" main restart >/dev/null
	wait_for 5432 PostgreSQL
}

start_nats() {
	listening 4222 && return 0
	command -v nats-server >/dev/null || [ -x /usr/sbin/nats-server ] || install nats-server
	local bin
	bin=$(command -v nats-server || echo /usr/sbin/nats-server)
	mkdir -p /var/lib/nats-server
	start-stop-daemon --start --oknodo --background --exec "$bin" -- \
		-a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server >/dev/null
	wait_for 4222 "NATS"
}

need_chromium() {
	command -v chromium >/dev/null || install chromium
}

start_postgres
start_nats
need_chromium
