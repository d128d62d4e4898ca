#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each (default 600), seeded with the committed seeds and
# the real exports in ../shared/datasets. Builds with libFuzzer coverage and AddressSanitizer.
# The targets are the package in Fuzz/ (Fuzz/Package.swift), which depends on the library by path;
# the root manifest knows nothing of them.
# A crash leaves its input in Fuzz/crashes/ and fails the run; turn each into a regression test.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(FuzzCSV FuzzTime FuzzNumber FuzzLayout FuzzParallel FuzzCSVWriter FuzzURL FuzzJSON FuzzZip FuzzRates)
shared=${SHARED:-../shared/datasets}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p Fuzz/crashes
status=0
total_runs=0
for target in "${targets[@]}"; do
  swift build -c debug --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld \
    --package-path Fuzz --product "$target" --scratch-path .build-fuzz >/dev/null
  seeds="$work/$target-seeds"
  corpus="$work/$target-corpus"
  mkdir -p "$seeds" "$corpus"
  case $target in
    FuzzCSV | FuzzLayout)
      cp Fuzz/seeds/csv/* "$seeds/"
      # The real exports, each cut to its first 4 KiB so runs stay fast.
      find "$shared" -name '*.csv' | while read -r f; do head -c 4096 "$f" >"$seeds/$(basename "$f")"; done
      ;;
    FuzzTime) cp Fuzz/seeds/time/* "$seeds/" ;;
    FuzzNumber) cp Fuzz/seeds/number/* "$seeds/" ;;
    FuzzParallel) cp Fuzz/seeds/parallel/* "$seeds/" ;;
    FuzzURL) cp Fuzz/seeds/url/* "$seeds/" ;;
    FuzzJSON) cp Fuzz/seeds/json/* "$seeds/" ;;
    FuzzZip) cp Fuzz/seeds/zip/* "$seeds/" ;;
    FuzzRates) cp Fuzz/seeds/rates/* "$seeds/" ;;
  esac
  log="$work/$target.log"
  if SWIFT_BACKTRACE=enable=no ".build-fuzz/debug/$target" "$corpus" "$seeds" \
    -max_total_time="$seconds" -max_len=8192 -timeout=10 -artifact_prefix=Fuzz/crashes/ >"$log" 2>&1; then
    runs=$(grep -oE 'Done [0-9]+ runs' "$log" | grep -oE '[0-9]+' | tail -n 1 || true)
    if [[ -z $runs || $runs -eq 0 ]]; then
      # A binary built without libFuzzer (or one that exits at once) ends with status 0 and no
      # "Done N runs": it fuzzed nothing, which must not pass as "no crash".
      echo "fuzz: $target: FAILED: it ran no inputs (no \"Done N runs\" in its log)"
      tail -n 30 "$log"
      status=1
      continue
    fi
    echo "fuzz: $target: $runs runs in ${seconds}s, no crash"
    total_runs=$((total_runs + runs))
  else
    echo "fuzz: $target: CRASH (input saved in Fuzz/crashes/)"
    tail -n 30 "$log"
    status=1
  fi
done
echo "fuzz: ${#targets[@]} targets, $total_runs runs in all"
exit $status
