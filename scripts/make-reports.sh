#!/usr/bin/env bash
# Regenerates the example China report from datasets/ in text, markdown (with its SVG charts)
# and HTML. Usage: scripts/make-reports.sh BIN [OUTDIR]   (OUTDIR defaults to reports/)
# The files are committed; a test runs this into a temporary folder and compares every byte.
set -euo pipefail
bin=${1:?path to the sharelens binary}
cd "$(dirname "$0")/.."
out=${2:-reports}
mkdir -p "$out"
args=(
  report datasets/btc-volume-by-currency-monthly.csv
  --events datasets/china-events.csv
  --period 2016=2016-01-01..2016-12-31 --period 2018H1=2018-01-01..2018-06-30
  --category CNY --asset BTC
  --title "The end of yuan bitcoin trading: BTC volume by currency, 2016-2021"
)
"$bin" "${args[@]}" --format text --width 100 --color never --out "$out/china.txt" 2>/dev/null
"$bin" "${args[@]}" --format markdown --out "$out/china.md" 2>/dev/null
"$bin" "${args[@]}" --format html --out "$out/china.html" 2>/dev/null
echo "reports: wrote $out/china.txt, $out/china.md (with SVG charts) and $out/china.html"
