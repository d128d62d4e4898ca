#!/usr/bin/env bash
# The benchmark harness (make bench): sharelens against polars, DuckDB and pandas on the same
# aggregation, alternating runs, median wall time, throughput and peak RSS (/usr/bin/time -v),
# and a check that all four give the same numbers. Then the scaling and .csv.gz figures.
#
# The long table (time,market,volume: hourly volumes of 100 markets over 2.5 years, 2.19M rows,
# ISO 8601 times) runs the same way: monthly shares by market against the same sums in each tool.
# BENCH_LONG_10X=1 adds the table at 10x (25 years, 21.9M rows), the memory bound's case, and
# BENCH_LONG_50M=1 a table of 50M rows (500,000 hours, 2 GB), for scaling.
# A wide export of the same hours with 500 market columns (11M cells) follows (BENCH_WIDE_10X=1: 10x).
#
# Usage: Benchmarks/bench.sh [ROWS…]   (default 5000000; BENCH_50M=1 adds 50,000,000; RUNS=5;
#        BENCH_ENGINES=1 adds the two-shard ClickHouse run on the largest log; BENCH_STATIC=1
#        measures the binary `make install` installs, linked with the static standard library,
#        which starts some 10 ms sooner)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
sizes=("$@")
((${#sizes[@]})) || sizes=(5000000)
[ "${BENCH_50M:-0}" = 1 ] && sizes+=(50000000)
data=Benchmarks/data
mkdir -p "$data" Benchmarks/results
rm -f "$data/check.txt"
scripts/setup.sh time >/dev/null
if [ "${BENCH_STATIC:-0}" = 1 ]; then
  make --no-print-directory static >/dev/null
  bin=.build-release-static/release/sharelens
else
  swift build -c release --product sharelens >/dev/null
  bin=.build/release/sharelens
fi
# The generator is the package in Benchmarks/ (Benchmarks/Package.swift), built apart from the library.
swift build -c release --package-path Benchmarks --product sharelens-gen --scratch-path .build-bench >/dev/null
gen=.build-bench/release/sharelens-gen

venv=Benchmarks/.venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q polars duckdb pandas
fi
py="$venv/bin/python"

# One run of a command: "wall_seconds peak_rss_kb".
once() {
  /usr/bin/time -f "%e %M" -o "$data/time.txt" "$@" >/dev/null 2>"$data/stderr.txt" || { cat "$data/stderr.txt" >&2; return 1; }
  cat "$data/time.txt"
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
maximum() { printf '%s\n' "$@" | sort -n | tail -n 1; }

# Median wall time and peak RSS of one command over $runs runs: "label median rss_kb".
measure() { # label command…
  local label=$1 walls=() peaks=()
  shift
  for _ in $(seq "$runs"); do
    read -r wall kb <<<"$(once "$@")"
    walls+=("$wall")
    peaks+=("$kb")
  done
  echo "$label $(median "${walls[@]}") $(maximum "${peaks[@]}")"
}

report=Benchmarks/results/latest.md
{
  echo "# sharelens benchmark, $(date -u +%Y-%m-%d)"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(swift --version 2>&1 | head -n 1)"
  echo "Tools: $("$py" -c 'import polars, duckdb, pandas; print(f"polars {polars.__version__}, DuckDB {duckdb.__version__}, pandas {pandas.__version__}")')"
  echo "Median of $runs alternating runs, warm page cache; throughput = file size / median wall time."
  echo
  echo "| rows | file | tool | median wall | throughput | peak RSS |"
  echo "|---:|---:|---|---:|---:|---:|"
} >"$report"

# One table, every tool: a results row per tool and a line of checks.
# bench_table LABEL FILE REFERENCE_MODE SHARELENS_ARGS…
bench_table() {
  local label=$1 file=$2 mode=$3
  shift 3
  local bytes
  bytes=$(stat -c %s "$file")
  cat "$file" >/dev/null  # warm the page cache
  local tools=(sharelens polars duckdb)
  ((bytes <= 500000000)) && tools+=(pandas)  # pandas needs ~15 GB at 50M rows (2.3 GB)
  declare -A walls=() peaks=() wall=()
  # Alternate: every round runs each tool once, so drift in the machine hits all alike.
  for _ in $(seq "$runs"); do
    for tool in "${tools[@]}"; do
      if [ "$tool" = sharelens ]; then
        result=$(once "$bin" shares "$file" "$@" --every month --format csv --out "$data/out-sharelens.csv")
      else
        result=$(once "$py" Benchmarks/reference.py "$tool" "$file" "$data/out-$tool.csv" $mode)
      fi
      read -r w kb <<<"$result"
      walls[$tool]+="$w "
      peaks[$tool]+="$kb "
    done
  done
  for tool in "${tools[@]}"; do
    # shellcheck disable=SC2086
    median_wall=$(median ${walls[$tool]})
    # shellcheck disable=SC2086
    peak=$(maximum ${peaks[$tool]})
    wall[$tool]=$median_wall
    printf '| %s | %s MB | %s | %s s | %s MB/s | %s MB |\n' "$label" "$((bytes / 1000000))" "$tool" "$median_wall" \
      "$(awk -v b="$bytes" -v t="$median_wall" 'BEGIN {printf "%.0f", b / 1e6 / t}')" "$((peak / 1024))" >>"$report"
  done
  refs=()
  for tool in polars duckdb pandas; do [ -n "${wall[$tool]:-}" ] && refs+=("$data/out-$tool.csv"); done
  "$py" Benchmarks/compare_outputs.py "$data/out-sharelens.csv" "${refs[@]}" | sed 's/^/    /' >>"$data/check.txt"
  echo "$label: sharelens ${wall[sharelens]} s vs polars ${wall[polars]} s: ratio $(awk -v a="${wall[sharelens]}" -v b="${wall[polars]}" 'BEGIN {printf "%.2f", a / b}')" >>"$data/check.txt"
}

for rows in "${sizes[@]}"; do
  file="$data/log-$rows.csv"
  [ -f "$file" ] || "$gen" log "$rows" 20170124 >"$file"
  bench_table "$rows" "$file" "" --group quote
done

# The long table: 21,915 hours x 100 markets (2016-01-01 to 2018-07-02), and 10x as many hours.
hours=(21915)
[ "${BENCH_LONG_10X:-0}" = 1 ] && hours+=(219150)
[ "${BENCH_LONG_50M:-0}" = 1 ] && hours+=(500000)
for h in "${hours[@]}"; do
  file="$data/hourly-$h.csv"
  [ -f "$file" ] || "$gen" hourly "$h" 100 7 >"$file"
  bench_table "long $((h * 100))" "$file" long
done

# A wide export: the same 21,915 hours with one column per market, 500 markets (11M cells), and
# with BENCH_WIDE_10X=1 10x as many hours (110M cells, 0.93 GB).
hours=(21915)
[ "${BENCH_WIDE_10X:-0}" = 1 ] && hours+=(219150)
for h in "${hours[@]}"; do
  file="$data/wide-${h}x500.csv"
  [ -f "$file" ] || "$gen" wide "$h" 500 7 >"$file"
  bench_table "wide ${h}x500" "$file" wide
done

# .csv.gz: sharelens on a gzipped bitcoincharts dump against zcat alone.
dump="$data/bitstampUSD.csv"
[ -f "$dump.gz" ] || { "$gen" dump 20000000 bitstampUSD 7 >"$dump"; gzip -kf "$dump"; }
zc=$(measure zcat sh -c "zcat '$dump.gz' > /dev/null")
gz=$(measure sharelens-gz "$bin" shares "$dump.gz" --every month --format csv)
{
  echo
  echo "| .csv.gz input (20M-row dump, $(($(stat -c %s "$dump.gz") / 1000000)) MB gzipped) | median wall | peak RSS |"
  echo "|---|---:|---:|"
  read -r _ t r <<<"$zc"
  echo "| zcat FILE > /dev/null | $t s | $((r / 1024)) MB |"
  read -r _ t r <<<"$gz"
  echo "| sharelens shares FILE.gz --every month | $t s | $((r / 1024)) MB |"
  echo
  echo "Checks:"
  echo
  sed 's/^/    /' "$data/check.txt"
} >>"$report"
rm -f "$data/check.txt"

# Databases (BENCH_ENGINES=1): the largest log in the two-shard ClickHouse table.
if [ "${BENCH_ENGINES:-0}" = 1 ]; then
  RUNS=$runs Benchmarks/bench-engines.sh "$data/log-${sizes[-1]}.csv" >>"$report"
fi
cat "$report"
