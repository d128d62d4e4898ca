#!/usr/bin/env python3
"""Runs a command with a time limit, in a session of its own. When the command ends, when the
limit passes, or when this script is interrupted, it stops everything the command started that is
still running, whatever process groups those processes made for themselves.

Usage: scripts/time-limit.py SECONDS COMMAND [ARG...]
Exit status: the command's own; 124 when the limit passed; 128+N on signal N.

Why not coreutils `timeout`: it signals one process group, but `swift test` runs the test bundle
in a group of its own, and Foundation's Process gives every child one too. Such a process outlives
`timeout`, keeps the output pipe open, and a CI job that reads that pipe waits for ever. A session
holds all of them.
"""
import os
import signal
import subprocess
import sys
import time


def members(session):
    """Live processes (not zombies) in `session`."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        # After "pid (comm) ": state ppid pgrp session ...; comm may contain spaces or ")".
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z" and int(fields[3]) == session:
            pids.append(int(entry))
    return pids


def stop(session):
    """SIGTERM to every live member, then SIGKILL to whatever is left after 5 s."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in members(session):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 5
        while members(session) and time.monotonic() < deadline:
            time.sleep(0.1)
        if not members(session):
            return


def main():
    if len(sys.argv) < 3:
        print("usage: scripts/time-limit.py SECONDS COMMAND [ARG...]", file=sys.stderr)
        return 64
    limit = float(sys.argv[1])
    command = sys.argv[2:]
    process = subprocess.Popen(command, start_new_session=True)

    def interrupted(signum, _frame):
        stop(process.pid)
        sys.exit(128 + signum)

    signal.signal(signal.SIGINT, interrupted)
    signal.signal(signal.SIGTERM, interrupted)
    try:
        status = process.wait(timeout=limit)
    except subprocess.TimeoutExpired:
        print(
            f"time-limit: `{' '.join(command)}` ran longer than {limit:g} s; stopping it and everything it started",
            file=sys.stderr,
            flush=True,
        )
        stop(process.pid)
        return 124
    # A helper the command left running would hold the output open after it.
    leftovers = members(process.pid)
    if leftovers:
        print(f"time-limit: stopping {len(leftovers)} process(es) `{' '.join(command)}` left running", file=sys.stderr, flush=True)
        stop(process.pid)
    return status if status >= 0 else 128 - status


if __name__ == "__main__":
    sys.exit(main())
