#!/usr/bin/env bash
# Public form POST throughput against a bare single insert, under wrk, in one run: starts a throwaway
# PostgreSQL and the hub (Release, Benchmark environment), then prints markdown for docs/performance.md
# (progress on stderr). Options are passed on, e.g.  tests/Hub.Benchmarks/throughput.sh --rounds 5
# Installs wrk from Debian if it is missing. See README.md beside this file.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v wrk >/dev/null; then
  echo "Installing wrk..." >&2
  apt-get install -y -q wrk >&2 || { apt-get update -q >&2 && apt-get install -y -q wrk >&2; }
fi
dotnet build tests/Hub.Benchmarks -c Release -nologo -v quiet >&2   # builds the hub in Release too
exec dotnet run --project tests/Hub.Benchmarks -c Release --no-build -- throughput "$@"
