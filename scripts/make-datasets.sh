#!/usr/bin/env bash
# Regenerates datasets/ with sharelens itself from the real exports in ../shared/datasets.
# Usage: scripts/make-datasets.sh BIN SHARED_DIR
set -euo pipefail
bin=${1:?path to the sharelens binary}
shared=${2:?path to shared/datasets}
cd "$(dirname "$0")/.."

# Monthly BTC volume by currency, 2016-02..2021-02: the daily by-exchange export, each exchange
# mapped to its currency, summed by calendar month (UTC).
"$bin" volumes "$shared/bitcoinity-daily-by-exchange/btc-volume-by-exchange-daily-2016-2021.csv" \
  --map "$shared/exchange-currency.csv" --every month \
  --out datasets/btc-volume-by-currency-monthly.csv 2>/dev/null

# The two small fact tables travel with it unchanged.
cp "$shared/exchange-currency.csv" datasets/exchange-currency.csv
cp "$shared/china-events.csv" datasets/china-events.csv
echo "datasets/: regenerated from $shared"
