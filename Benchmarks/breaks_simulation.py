#!/usr/bin/env python3
"""Seeded simulation: how many false breaks does each `sharelens breaks --penalty` choose on
autocorrelated share series with known breaks, how close are the true ones it finds, and how does
ruptures' PELT (the tool analysts reach for) do on the same series?

Each series: n = 600 days, logit share y_t = mu_t + u_t, mu = -1 (days 0-199), 0.5 (200-399),
-0.5 (400-599): two true breaks, at positions 200 and 400, jumps of 1.5 and 1.0 logit units;
u_t AR(1), u_t = rho u_{t-1} + e_t, stationary start, marginal sd 0.4. The share enters sharelens
as two columns A = 1000 e^y and B = 1000 (share of A = logistic(y)). ruptures gets y itself.

A found break is *false* when it is more than 10 days from both true breaks; a true break is
*found* when some found break is within 10 days of it, and its *date error* is the distance in days
to the nearest found break. ruptures: Pelt(model="l2", min_size=7, jump=1) with the penalty
2 ln(n) sigma^2, sigma from the MAD of first differences (sd = MAD / 0.6745 / sqrt 2), the usual
BIC-type recipe; like sharelens' penalties it assumes independent noise.

Output: one markdown row per (rho, method). Usage (make bench-breaks runs it):
    Benchmarks/breaks_simulation.py .build/release/sharelens [--reps 40] [--seed 20261130]
"""
import argparse, datetime, json, os, subprocess, tempfile
import numpy as np
import ruptures as rpt

p = argparse.ArgumentParser()
p.add_argument("sharelens")
p.add_argument("--reps", type=int, default=40)
p.add_argument("--seed", type=int, default=20261130)
p.add_argument("--penalties", default="bic,lwz,mbic")
a = p.parse_args()
rng = np.random.default_rng(a.seed)
n, true = 600, [200, 400]
mu = np.r_[np.full(200, -1.0), np.full(200, 0.5), np.full(200, -0.5)]
start = datetime.date(2020, 1, 1)
days = [(start + datetime.timedelta(days=i)).isoformat() + " 00:00:00 UTC" for i in range(n)]
methods = a.penalties.split(",") + ["ruptures PELT"]


def sharelens_breaks(path, penalty):
    out = subprocess.run([a.sharelens, "breaks", path, "--category", "A", "--penalty", penalty, "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    return [(datetime.date.fromisoformat(b["date"]) - start).days for b in json.loads(out)["breaks"]]


def pelt_breaks(y):
    sigma = np.median(np.abs(np.diff(y) - np.median(np.diff(y)))) / 0.6745 / np.sqrt(2)
    ends = rpt.Pelt(model="l2", min_size=7, jump=1).fit(y).predict(pen=2 * np.log(len(y)) * sigma**2)
    return ends[:-1]  # ruptures lists segment ends, the last being n; a break starts the next segment


print("| rho | method | series with a false break | false breaks per series | true breaks found | mean date error (days) |")
print("|---|---|---|---|---|---|")
with tempfile.TemporaryDirectory() as tmp:
    for rho in (0.0, 0.5, 0.8):
        stats = {m: {"any": 0, "false": 0, "found": 0, "error": 0} for m in methods}
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
            for m in methods:
                found = pelt_breaks(y) if m == "ruptures PELT" else sharelens_breaks(path, m)
                false = sum(1 for b in found if min(abs(b - t) for t in true) > 10)
                s = stats[m]
                s["any"] += false > 0
                s["false"] += false
                for t in true:
                    near = min((abs(b - t) for b in found), default=None)
                    if near is not None and near <= 10:
                        s["found"] += 1
                        s["error"] += near
        for m in methods:
            s = stats[m]
            error = f"{s['error'] / s['found']:.2f}" if s["found"] else "—"
            print(f"| {rho} | {m} | {s['any'] / a.reps:.0%} | {s['false'] / a.reps:.2f} | "
                  f"{s['found'] / (2 * a.reps):.0%} | {error} |", flush=True)
