#!/usr/bin/env bash
# Runs every test of the project. Starts the services the tests need
# (PostgreSQL) from Debian's packages when they are not running.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x scripts/test-services.sh ]; then
	scripts/test-services.sh
fi
gofmt_out=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$gofmt_out" ]; then
	echo "not gofmt-ed:"; echo "$gofmt_out"; exit 1
fi
go vet ./...
go test -count=1 "$@" ./...
# The fault test that restarts PostgreSQL runs alone, after the rest.
FLASHPOINT_FAULT_TESTS=1 go test -count=1 -run 'TestDatabaseGoneMidRun' ./internal/ingest/
