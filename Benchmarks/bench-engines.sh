#!/usr/bin/env bash
# The database part of the benchmark: a trade log loaded into the two-shard ClickHouse table
# (scripts/engines.sh), `sharelens shares clickhouse://…` against the same aggregation from the CSV,
# median wall time, peak RSS, and the bytes the query's answer takes on the wire. Prints a markdown table.
# Usage: Benchmarks/bench-engines.sh LOG.csv   (RUNS=5)
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:?a trade log made by sharelens-gen}
runs=${RUNS:-5}
bin=.build/release/sharelens
swift build -c release --product sharelens >/dev/null
engines=$(mktemp -d /tmp/sharelens-bench-engines.XXXXXX)
trap 'scripts/engines.sh stop "$engines"; rm -rf "$engines"' EXIT
scripts/engines.sh start "$engines" >/dev/null
load_start=$(date +%s.%N)
scripts/engines.sh load "$engines" "$file" trades dist-only
load_seconds=$(awk -v a="$load_start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
rows=$(($(wc -l <"$file") - 1))

measure() { # command… → "median_wall peak_rss_kb"
  local walls=() peak=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$engines/time.txt" "$@" >/dev/null 2>/dev/null
    read -r w kb <"$engines/time.txt"
    walls+=("$w")
    if ((kb > peak)); then peak=$kb; fi
  done
  echo "$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') $peak"
}

url="clickhouse://127.0.0.1:18123/default?table=trades_dist"
read -r ch_wall ch_rss <<<"$(measure "$bin" shares "$url" --group quote --every month --format csv)"
read -r file_wall file_rss <<<"$(measure "$bin" shares "$file" --group quote --every month --format csv)"
sql=$("$bin" shares "$url" --group quote --every month --show-sql | grep -v '^--' | sed 's/;$//')
received=$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:18123/" --data-binary "$sql
FORMAT TabSeparated")
answer_rows=$(curl -s "http://127.0.0.1:18123/" --data-binary "$sql
FORMAT TabSeparated" | wc -l)
echo
echo "| $rows rows on two ClickHouse shards (CSV load $load_seconds s) | median wall | peak RSS | crosses the network |"
echo "|---|---:|---:|---:|"
echo "| sharelens shares clickhouse://…/trades_dist --group quote --every month | $ch_wall s | $((ch_rss / 1024)) MB | $received bytes ($answer_rows day × quote rows) |"
echo "| sharelens shares $(basename "$file") ($(($(stat -c %s "$file") / 1000000)) MB) --group quote --every month | $file_wall s | $((file_rss / 1024)) MB | the whole file is read |"
