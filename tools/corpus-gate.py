#!/usr/bin/env python3
"""Runs the shared conformance corpora against the real `bulletin` and holds each result to
the floor recorded in tools/corpus-baseline.json, so that CI fails on any regression.

The corpora (feeds, CAP alerts, hostile HTML, related coverage) were written by other
projects; their checkers live beside them in shared/corpus and are run unchanged.
"""
import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path


def run(cmd, log):
    started = time.monotonic()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log.write_text(proc.stdout)
    tail = [line for line in proc.stdout.splitlines() if line.strip()]
    return proc.returncode, tail, time.monotonic() - started


def passed_failed(tail):
    for line in reversed(tail):
        m = re.match(r"^\s*(\d+) passed, (\d+) failed", line)
        if m:
            return int(m.group(1)), int(m.group(2))
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bulletin", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--baseline", required=True)
    parser.add_argument("--logs", default=None)
    args = parser.parse_args()

    corpus = Path(args.corpus)
    baseline = json.loads(Path(args.baseline).read_text())
    logs = Path(args.logs) if args.logs else Path(args.bulletin).resolve().parent.parent.parent / "corpus-logs"
    logs.mkdir(parents=True, exist_ok=True)
    bulletin = str(Path(args.bulletin).resolve())

    gates = []

    def count_gate(name, cmd):
        code, tail, secs = run(cmd, logs / f"{name}.log")
        result = passed_failed(tail)
        floor = baseline[name]["min_passed"]
        if result is None:
            gates.append((name, False, f"no result line (exit {code}); see {logs / (name + '.log')}"))
            return
        ok = result[0] >= floor
        gates.append((name, ok, f"{result[0]} passed, {result[1]} failed (floor {floor}) in {secs:.0f} s"))

    count_gate("feeds", [sys.executable, str(corpus / "check-parse"), "--cmd", f"{bulletin} parse", "--jobs", "2"])
    count_gate("cap", [sys.executable, str(corpus / "cap" / "check-cap"), "--cmd", f"{bulletin} parse"])
    count_gate("html", [sys.executable, str(corpus / "html" / "check-html"), "--bulletin", bulletin])

    code, tail, secs = run([sys.executable, str(corpus / "related" / "check-related"), "--bulletin", bulletin],
                           logs / "related.log")
    scores = {}
    for line in reversed(tail):
        if line.startswith("related:"):
            scores = {k: float(v) for k, v in re.findall(r"([A-Za-z@0-9-]+)=([0-9.]+)", line)}
            break
    floor = baseline["related"]
    if code != 0 or not scores:
        gates.append(("related", False, f"checker exit {code}; see {logs / 'related.log'}"))
    else:
        ok = all(scores.get(k, 0.0) >= v for k, v in floor.items())
        shown = " ".join(f"{k}={scores.get(k, 0.0):.2f}(floor {v:.2f})" for k, v in floor.items())
        gates.append(("related", ok, f"{shown} in {secs:.0f} s"))

    for name, ok, detail in gates:
        print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}")
    good = sum(1 for _, ok, _ in gates if ok)
    print(f"corpus: {good} passed, {len(gates) - good} failed")
    return 0 if good == len(gates) else 1


if __name__ == "__main__":
    sys.exit(main())
