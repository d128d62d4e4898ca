#!/usr/bin/env python3
"""Writes a month of Binance spot trades as data.binance.vision ships it, for make bench-binance.

  python3 Benchmarks/binance_month.py OUT_DIR [ROWS]   (default 5,000,000 rows)

OUT_DIR/data/spot/monthly/trades/BTCUSDT/BTCUSDT-trades-2024-11.csv (headerless,
id,price,qty,quoteQty,time,isBuyerMaker,isBestMatch, ms times spread over November 2024, sorted),
then the caller zips it. Seeded: the same bytes on every run.
"""

import os
import random
import sys


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000_000
    folder = os.path.join(out, "data", "spot", "monthly", "trades", "BTCUSDT")
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(202411)
    start = 1_730_419_200_000  # 2024-11-01 ms
    span = 30 * 86_400_000
    price = 69_500.0
    step = span / rows
    with open(os.path.join(folder, "BTCUSDT-trades-2024-11.csv"), "w") as f:
        lines = []
        for i in range(rows):
            price *= 1 + rng.gauss(0, 0.00002)
            p = round(price, 2)
            qty = round(rng.expovariate(20.0), 5) or 0.00001
            t = start + int(i * step)
            flag = "True" if rng.random() < 0.5 else "False"
            lines.append(f"{3_000_000_000 + i},{p:.8f},{qty:.8f},{p * qty:.8f},{t},{flag},True\n")
            if len(lines) == 100_000:
                f.writelines(lines)
                lines.clear()
        f.writelines(lines)


if __name__ == "__main__":
    main()
