#!/usr/bin/env bash
# make bench-binance: a generated month of Binance spot trades (5M rows, zipped as
# data.binance.vision ships it, with its .CHECKSUM) read by sharelens (monthly shares), against
# `unzip -p` alone (the floor for anything that reads the zip) and polars on the unzipped CSV
# (the same monthly sum), and sharelens on that CSV. Median wall time of RUNS (default 3) alternating runs, peak RSS.
# Usage: Benchmarks/bench-binance.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-5000000}
runs=${RUNS:-3}
data=Benchmarks/data/binance
tree=$data/data/spot/monthly/trades/BTCUSDT
csv=$tree/BTCUSDT-trades-2024-11.csv
zip=$tree/BTCUSDT-trades-2024-11.zip
swift build -c release --product sharelens >/dev/null
bin=.build/release/sharelens
if [ ! -f "$zip" ] || [ "$(cat "$data/rows" 2>/dev/null)" != "$rows" ]; then
  rm -rf "$data"
  python3 Benchmarks/binance_month.py "$data" "$rows"
  (cd "$tree" && zip -q -j BTCUSDT-trades-2024-11.zip BTCUSDT-trades-2024-11.csv &&
    sha256sum BTCUSDT-trades-2024-11.zip >BTCUSDT-trades-2024-11.zip.CHECKSUM)
  echo "$rows" >"$data/rows"
fi
venv=Benchmarks/.venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import polars" 2>/dev/null || "$venv/bin/pip" install -q polars
polars_sum="import polars as pl, sys
df = pl.read_csv(sys.argv[1], has_header=False, columns=[2, 4])
print(df.select(pl.col(df.columns[0]).sum()).item())"

once() {
  /usr/bin/time -f "%e %M" -o "$data/time.txt" "$@" >"$data/out.txt" 2>"$data/err.txt" || { cat "$data/err.txt" >&2; return 1; }
  cat "$data/time.txt"
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A walls=() peaks=()
labels=("unzip -p" "sharelens (zip, checksum)" "sharelens (zip, --no-verify)" "sharelens (csv)" "polars (csv)")
cat "$zip" "$csv" >/dev/null
for _ in $(seq "$runs"); do
  for label in "${labels[@]}"; do
    case $label in
      # unzip's output goes to /dev/null, as sharelens' CSV does not go to a disk: the floor.
      "unzip -p") r=$(once sh -c 'unzip -p "$1" >/dev/null' unzip "$zip") ;;
      "sharelens (zip, checksum)") r=$(once "$bin" shares "$zip" --every month --format csv) ;;
      "sharelens (zip, --no-verify)") r=$(once "$bin" shares "$zip" --every month --format csv --no-verify) ;;
      "sharelens (csv)") r=$(once "$bin" shares "$csv" --every month --format csv) ;;
      "polars (csv)") r=$(once "$venv/bin/python" -c "$polars_sum" "$csv") ;;
    esac
    read -r w kb <<<"$r"
    walls[$label]+="$w "
    peaks[$label]=$(( kb > ${peaks[$label]:-0} ? kb : ${peaks[$label]:-0} ))
  done
done
echo "Binance spot trades, $rows rows: zip $(du -m "$zip" | cut -f1) MB, csv $(du -m "$csv" | cut -f1) MB; median of $runs runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| tool | median wall (s) | peak RSS (MB) |"
echo "|---|---:|---:|"
for label in "${labels[@]}"; do
  # shellcheck disable=SC2086
  echo "| $label | $(median ${walls[$label]}) | $(( ${peaks[$label]} / 1024 )) |"
done
echo "sharelens total: $("$bin" shares "$zip" --every month --format csv --no-verify | sed -n 2p | cut -d, -f4)"
echo "polars total:    $("$venv/bin/python" -c "$polars_sum" "$csv")"
