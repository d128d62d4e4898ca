#!/usr/bin/env python3
"""Seeded simulation: how many false breaks does each `sharelens breaks --penalty` choose on
autocorrelated share series with known breaks?

Each series: n = 600 days, logit share y_t = mu_t + u_t, mu = -1 (days 0-199), 0.5 (200-399),
-0.5 (400-599): two true breaks, at positions 200 and 400, jumps of 1.5 and 1.0 logit units;
u_t AR(1), u_t = rho u_{t-1} + e_t, stationary start, marginal sd 0.4. The share enters sharelens
as two columns A = 1000 e^y and B = 1000 (share of A = logistic(y)).

A found break is *false* when it is more than 10 days from both true breaks; a true break is
*found* when some found break is within 10 days of it.
Output: one markdown row per (rho, penalty): series with >= 1 false break, mean false breaks per
series, share of true breaks found. Usage:
    scripts/breaks_false_rate.py .build/release/sharelens [--reps 50] [--seed 20261130]
"""
import argparse, datetime, json, os, subprocess, sys, tempfile
import numpy as np

p = argparse.ArgumentParser()
p.add_argument("sharelens")
p.add_argument("--reps", type=int, default=50)
p.add_argument("--seed", type=int, default=20261130)
p.add_argument("--penalties", default="bic,lwz,mbic")
a = p.parse_args()
rng = np.random.default_rng(a.seed)
n, true = 600, [200, 400]
mu = np.r_[np.full(200, -1.0), np.full(200, 0.5), np.full(200, -0.5)]
start = datetime.date(2020, 1, 1)
days = [(start + datetime.timedelta(days=i)).isoformat() + " 00:00:00 UTC" for i in range(n)]
penalties = a.penalties.split(",")
print("| rho | penalty | series with a false break | false breaks per series | true breaks found |")
print("|---|---|---|---|---|")
with tempfile.TemporaryDirectory() as tmp:
    for rho in (0.0, 0.5, 0.8):
        stats = {pen: [0, 0, 0] for pen in penalties}
        for r in range(a.reps):
            e = rng.normal(0, 0.4 * np.sqrt(1 - rho * rho), n)
            u = np.empty(n)
            u[0] = rng.normal(0, 0.4)
            for t in range(1, n):
                u[t] = rho * u[t - 1] + e[t]
            y = mu + u
            path = os.path.join(tmp, "s.csv")
            with open(path, "w") as f:
                f.write("Time,A,B\n")
                for d, v in zip(days, y):
                    f.write(f"{d},{1000 * np.exp(v):.12g},1000\n")
            for pen in penalties:
                out = subprocess.run([a.sharelens, "breaks", path, "--category", "A", "--penalty", pen,
                                      "--format", "json"], capture_output=True, text=True, check=True).stdout
                found = [(datetime.date.fromisoformat(b["date"]) - start).days for b in json.loads(out)["breaks"]]
                false = sum(1 for b in found if min(abs(b - t) for t in true) > 10)
                stats[pen][0] += false > 0
                stats[pen][1] += false
                stats[pen][2] += sum(1 for t in true if any(abs(b - t) <= 10 for b in found))
        for pen in penalties:
            s = stats[pen]
            print(f"| {rho} | {pen} | {s[0] / a.reps:.0%} | {s[1] / a.reps:.2f} | {s[2] / (2 * a.reps):.0%} |", flush=True)
