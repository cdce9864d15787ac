#!/usr/bin/env bash
# Soak: browser-like clients send self-referrals to the hub (Release, Benchmark environment) on a
# throwaway PostgreSQL for 120 s, then the figures are checked against the database and printed as
# markdown (progress on stderr). Options are passed on, e.g.  tests/Hub.Benchmarks/soak.sh --seconds 30
# See README.md beside this file.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/Hub.Benchmarks -c Release -nologo -v quiet >&2
exec dotnet run --project tests/Hub.Benchmarks -c Release --no-build -- soak "$@"
