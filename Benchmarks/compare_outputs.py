#!/usr/bin/env python3
"""Checks that every tool computed the same numbers: sharelens' tidy CSV against the references'
month,<category>,volume files (sums equal to 1e-9 relative). sharelens also lists a category in the
months after it ended, with volume 0 (the span rule); the references have no row there, so a group
missing on one side counts as 0. Exit 1 on a difference."""
import csv
import sys


def load_sharelens(path):
    with open(path) as f:
        return {(r["start"], r["category"]): float(r["volume"]) for r in csv.DictReader(f) if r["volume"]}


def load_reference(path):
    with open(path) as f:
        rows = csv.DictReader(f)
        category = rows.fieldnames[1]  # quote for the trade log, market for the long table
        return {(r["month"], r[category]): float(r["volume"]) for r in rows}


ours = load_sharelens(sys.argv[1])
ok = True
for path in sys.argv[2:]:
    theirs = load_reference(path)
    keys = set(theirs) | set(ours)
    worst = max(abs(ours.get(k, 0) - theirs.get(k, 0)) / max(abs(ours.get(k, 0)), abs(theirs.get(k, 0)), 1e-300) for k in keys)
    nonzero = sum(1 for k in keys if ours.get(k, 0) or theirs.get(k, 0))
    print(f"{path}: {nonzero} groups with volume, largest relative difference {worst:.1e}")
    ok = ok and worst <= 1e-9
sys.exit(0 if ok else 1)
