#!/usr/bin/env python3
"""Mutation testing for sharelens: does the suite notice when the code is wrong?

Each mutant in scripts/mutants.txt names an exact snippet of code, searched across Sources/ (not
tied to a file, so it survives files being split or code being moved verbatim), the text that
replaces it, and the `swift test --filter` expression of the tests that should notice. For each
mutant this script changes that one snippet, builds incrementally, runs those tests, and records
whether they failed (killed) or passed (survived).

The real tree is never touched: the package is mirrored into SCRATCH/tree (unchanged files keep
their times, so builds stay incremental) and mutated there, with the original text restored from
memory after each mutant, on Ctrl-C and on SIGTERM. The build directory is SCRATCH/build
(swift build --scratch-path). SCRATCH/shared points at ../shared, where the tests find the
real datasets.

Usage: scripts/mutants.py [--only M01,M02] [--check] [--results FILE] [--limit SECONDS]
  --check   only verify that every snippet matches exactly one place, and exit
  --only    run these mutants (no results file is written unless --results is given)
Exit status: 0 when at least --min-kill (default 90%) of the mutants run were killed and every
snippet matched; 1 otherwise; 2 when the unmutated tests fail (nothing can be judged then).
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIRRORED = ["Package.swift", "Package.resolved", "Sources", "Tests", "Fuzz", "Benchmarks/Generator", "scripts",
            "datasets", "reports", "docs"]


def parse(path):
    """Records separated by blank lines; `key: value`; a line starting with `|` continues the
    previous value on a new line with the text after the `|` (for snippets of several lines). `#` lines are comments."""
    mutants, current, last = [], {}, None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number, line in enumerate(lines + [""], 1):
        if line.startswith("#"):
            continue
        if not line.strip():
            if current:
                mutants.append(current)
            current, last = {}, None
            continue
        if line.startswith("|"):
            if last is None:
                sys.exit(f"{path}:{number}: a continuation line without a key")
            text = line[1:]
            current[last] = text if current[last] == "" else current[last] + "\n" + text
            continue
        key, sep, value = line.partition(":")
        if not sep:
            sys.exit(f"{path}:{number}: expected `key: value`")
        last = key.strip()
        current[last] = value[1:] if value.startswith(" ") else value
    for m in mutants:
        for key in ("id", "module", "what", "filter", "find", "replace"):
            if key not in m:
                sys.exit(f"{path}: mutant {m.get('id', '?')} has no `{key}`")
    ids = [m["id"] for m in mutants]
    if len(set(ids)) != len(ids):
        sys.exit(f"{path}: duplicate ids")
    return mutants


def mirror(tree):
    """Copies the package into `tree`, only files whose size or time changed; removes files the
    real tree no longer has."""
    wanted = set()
    for entry in MIRRORED:
        source = os.path.join(ROOT, entry)
        if os.path.isfile(source):
            pairs = [(source, os.path.join(tree, entry))]
        elif os.path.isdir(source):
            pairs = []
            for directory, dirs, files in os.walk(source):
                dirs[:] = [d for d in dirs if not d.startswith(".") and d != "crashes"]
                for name in files:
                    full = os.path.join(directory, name)
                    pairs.append((full, os.path.join(tree, os.path.relpath(full, ROOT))))
        else:
            continue
        for src, dst in pairs:
            wanted.add(dst)
            s = os.stat(src)
            try:
                d = os.stat(dst)
                if d.st_size == s.st_size and int(d.st_mtime) == int(s.st_mtime):
                    continue
            except FileNotFoundError:
                os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy2(src, dst)
    for directory, _, files in os.walk(tree):
        for name in files:
            full = os.path.join(directory, name)
            if full not in wanted:
                os.remove(full)


def swift_files(tree):
    out = []
    for directory, _, files in os.walk(os.path.join(tree, "Sources")):
        out += [os.path.join(directory, f) for f in files if f.endswith(".swift")]
    return sorted(out)


def locate(mutant, files):
    """The one file holding the snippet, or an error message."""
    hits = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            count = f.read().count(mutant["find"])
        hits += [path] * count
    if len(hits) != 1:
        return None, f"snippet matches {len(hits)} places (must be exactly 1)"
    return hits[0], None


def run(command, cwd, limit, log):
    """Runs `command` under scripts/time-limit.py (which stops everything it started), appending
    its output to `log`; returns (status, output)."""
    with open(log, "ab") as out:
        out.write(("\n$ " + " ".join(command) + "\n").encode())
        out.flush()
        start = out.tell()
        status = subprocess.call([os.path.join(ROOT, "scripts/time-limit.py"), str(limit)] + command, cwd=cwd,
                                 stdout=out, stderr=subprocess.STDOUT)
    with open(log, "rb") as f:
        f.seek(start)
        output = f.read().decode("utf-8", "replace")
    return status, output


def ran_nothing(output):
    """swift test exits 0 when a filter matches no test: that is not a survivor but a broken filter."""
    return "No matching test cases were run" in output or "Test run with 0 tests" in output


class Restorer:
    """Holds the original text of the one file being mutated and writes it back."""

    def __init__(self):
        self.path = None
        self.text = None

    def mutate(self, path, find, replace):
        with open(path, encoding="utf-8") as f:
            self.text = f.read()
        self.path = path
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.text.replace(find, replace, 1))

    def restore(self):
        if self.path is not None:
            with open(self.path, "w", encoding="utf-8") as f:
                f.write(self.text)
            self.path = None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--list", default=os.path.join(ROOT, "scripts/mutants.txt"))
    parser.add_argument("--scratch", default=os.path.join(ROOT, ".build-mutants"))
    parser.add_argument("--only", default="")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--results", default=None)
    parser.add_argument("--limit", type=int, default=300, help="seconds per build and per test run")
    parser.add_argument("--min-kill", type=float, default=0.9)
    args = parser.parse_args()

    mutants = parse(args.list)
    if args.only:
        chosen = set(args.only.split(","))
        unknown = chosen - {m["id"] for m in mutants}
        if unknown:
            sys.exit(f"unknown mutants: {', '.join(sorted(unknown))}")
        mutants = [m for m in mutants if m["id"] in chosen]
    results = args.results or (None if args.only else os.path.join(ROOT, "docs/mutants-results.md"))

    # Snippets are checked against the real tree first: a stale list fails before any build.
    stale = []
    real = swift_files(ROOT)
    for m in mutants:
        _, error = locate(m, real)
        if error:
            stale.append(f"{m['id']}: {error}: {m['find']!r}")
    if stale:
        print("mutants: the list no longer matches Sources/:\n  " + "\n  ".join(stale))
        return 1
    if args.check:
        print(f"mutants: all {len(mutants)} snippets match exactly one place")
        return 0

    tree = os.path.join(args.scratch, "tree")
    build = os.path.join(args.scratch, "build")
    log = os.path.join(args.scratch, "mutants.log")
    os.makedirs(tree, exist_ok=True)
    shared = os.path.join(args.scratch, "shared")
    if not os.path.lexists(shared):
        os.symlink(os.path.join(os.path.dirname(ROOT), "shared"), shared)
    open(log, "w").close()
    mirror(tree)

    restorer = Restorer()

    def interrupted(signum, _frame):
        restorer.restore()
        print(f"\nmutants: interrupted (signal {signum}); the mirror is restored, the real tree was never changed")
        sys.exit(128 + signum)

    signal.signal(signal.SIGINT, interrupted)
    signal.signal(signal.SIGTERM, interrupted)

    swift_build = ["swift", "build", "--build-tests", "--scratch-path", build]
    swift_test = ["swift", "test", "--skip-build", "--scratch-path", build]
    started = time.time()
    print(f"mutants: building the unmutated mirror in {build} (log: {log})", flush=True)
    status, _ = run(swift_build, tree, 3600, log)
    if status != 0:
        print(f"mutants: the unmutated package does not build (see {log})")
        return 2
    union = "|".join(f"({m['filter']})" for m in mutants)
    status, _ = run(swift_test + ["--filter", union], tree, 3600, log)
    if status != 0:
        print(f"mutants: the unmutated tests fail, so no mutant can be judged (see {log})")
        return 2
    print(f"mutants: baseline built and passing in {time.time() - started:.0f} s", flush=True)

    files = swift_files(tree)
    rows = []
    for m in mutants:
        path, error = locate(m, files)
        t0 = time.time()
        try:
            restorer.mutate(path, m["find"], m["replace"])
            status, _ = run(swift_build, tree, args.limit, log)
            if status != 0:
                fate = "does not compile" if status != 124 else "killed (build time limit)"
            else:
                status, output = run(swift_test + ["--filter", m["filter"]], tree, args.limit, log)
                if status == 0 and ran_nothing(output):
                    fate = "no test matched"
                else:
                    fate = "survived" if status == 0 else "killed (time limit)" if status == 124 else "killed"
        finally:
            restorer.restore()
        seconds = time.time() - t0
        where = os.path.relpath(path, tree)
        rows.append((m, fate, seconds, where))
        print(f"  {m['id']:5} {fate:18} {seconds:5.0f} s  {m['module']}: {m['what']}", flush=True)

    judged = [r for r in rows if r[1] != "does not compile"]
    killed = [r for r in judged if r[1].startswith("killed")]
    survivors = [r for r in judged if r[1] == "survived" or r[1] == "no test matched"]
    broken = [r for r in rows if r[1] == "does not compile"]
    wall = time.time() - started
    print(f"\nkilled {len(killed)} of {len(judged)}  ({wall / 60:.1f} min)")
    for m, _, _, where in survivors:
        reason = m.get("equivalent")
        print(f"  survivor {m['id']} ({where}): {m['what']}" + (f"\n    equivalent: {reason}" if reason else ""))
    for m, _, _, where in broken:
        print(f"  does not compile (not counted) {m['id']} ({where}): {m['what']}")

    if results:
        with open(results, "w", encoding="utf-8") as out:
            out.write("# Mutation testing: results of the last full run\n\n")
            out.write("Written by `make mutants` (scripts/mutants.py) from the list in `scripts/mutants.txt`.\n\n")
            out.write(f"**killed {len(killed)} of {len(judged)}**")
            out.write(f" ({100 * len(killed) / max(1, len(judged)):.0f}%), wall time {wall / 60:.1f} min")
            out.write(f" on {os.cpu_count()} cores, {time.strftime('%Y-%m-%d', time.gmtime())}.\n\n")
            out.write("| id | module | mutant | file at run time | fate | seconds |\n|---|---|---|---|---|---|\n")
            for m, fate, seconds, where in rows:
                what = m["what"].replace("|", "\\|")
                if fate == "survived" and m.get("equivalent"):
                    fate = "survived (equivalent: " + m["equivalent"].replace("|", "\\|") + ")"
                out.write(f"| {m['id']} | {m['module']} | {what} | `{where}` | {fate} | {seconds:.0f} |\n")
        print(f"mutants: results in {os.path.relpath(results, ROOT)}")

    unexplained = [r for r in survivors if not r[0].get("equivalent")]
    ok = judged and len(killed) >= args.min_kill * len(judged)
    return 0 if ok and not (unexplained and not args.only) else 1


if __name__ == "__main__":
    sys.exit(main())
