#!/usr/bin/env bash
# Builds the benchmark in Release and runs it: seeds a throwaway PostgreSQL with 1,000 and
# 1,000,000 referrals and prints p50/p95 per dashboard query as markdown (progress on stderr).
# Any option is passed on, e.g.  tests/Hub.Benchmarks/run.sh --large 20000
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/Hub.Benchmarks -c Release -nologo -v quiet >&2   # stdout is the report
exec dotnet run --project tests/Hub.Benchmarks -c Release --no-build -- "$@"
