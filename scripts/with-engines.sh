#!/usr/bin/env bash
# Runs a command with the throwaway database servers up (scripts/engines.sh), loaded with the
# shared daily by-exchange export and a 1M-row synthetic trade log, and stops them afterwards,
# also when the command fails. The command sees SHARELENS_ENGINES=<dir> (with <dir>/env).
# With CI=true a server that cannot start is a failure; elsewhere each engine test records NOT RUN
# as a known issue (counted in swift test's last line).
set -uo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d /tmp/sharelens-engines.XXXXXX)
chmod 755 "$dir"
trap 'scripts/engines.sh stop "$dir"; rm -rf "$dir"' EXIT
if scripts/engines.sh start "$dir" &&
  swift build -c release --package-path Benchmarks --product sharelens-gen --scratch-path .build-bench >/dev/null &&
  .build-bench/release/sharelens-gen log 1000000 42 >"$dir/log1m.csv" &&
  scripts/engines.sh load "$dir" "$dir/log1m.csv" &&
  scripts/engines.sh load-daily "$dir" ../shared/datasets/bitcoinity-daily-by-exchange/btc-volume-by-exchange-daily-2016-2021.csv; then
  export SHARELENS_ENGINES=$dir
else
  if [ "${CI:-}" = true ]; then
    echo "with-engines: the database servers did not start (a failure under CI=true)" >&2
    exit 1
  fi
  echo "with-engines: the database servers did not start; the engine tests will each record NOT RUN (known issues)" >&2
fi
"$@"
status=$?
# A failed run shows what the servers said meanwhile: a stalled query leaves its trace there.
if [ $status -ne 0 ] && [ -n "${SHARELENS_ENGINES:-}" ]; then
  for n in 0 1; do
    echo "with-engines: the last lines of ClickHouse node $n's error log:" >&2
    tail -n 15 "$dir/ch$n/log/error.log" >&2 2>/dev/null || true
  done
fi
exit $status
