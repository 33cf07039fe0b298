#!/usr/bin/env bash
# FireSync's benchmark suite (docs/benchmarks.md): FireSync against the standalone sandbox on the local PostgreSQL,
# each measured against a bound taken in the same run. Writes firesync-app/target/bench/results.json and prints a Markdown table.
#
#   scripts/bench.sh           full size (about 50 minutes on 2 cores, 35 of them `scaling`)
#   scripts/bench.sh --quick   smoke size (about 5 minutes), as the build runs it
#
# Needs what the tests need (a JDK >= 21 found by the build, PostgreSQL at FIRESYNC_TEST_DB_URL) plus wrk and
# pgbench, which it installs with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

size=full
for arg in "$@"; do
    case "$arg" in
        --quick) size=quick ;;
        --full) size=full ;;
        *) echo "usage: scripts/bench.sh [--quick]" >&2; exit 2 ;;
    esac
done

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v pgbench >/dev/null || missing+=(postgresql-client)
if ((${#missing[@]})); then
    echo "Installing ${missing[*]}"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

exec ./mvnw -B -Pbench verify -Dbench.size="$size" -Dspotless.check.skip=true
