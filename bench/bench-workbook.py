#!/usr/bin/env python3
"""bench-workbook.py STRAITS: checking a workbook of 100,000-row sheets
(issue 21), next to the same dataset as JSON.

Generates (in a temporary folder, deleted after) a dataset of 2,000 actors,
100,000 relations and 100,000 events, converts it with `straits --convert`
to every workbook form the program writes (a folder of CSV files, and ODS
and XLSX when it writes those), then times `straits --check` on each and
on the JSON, three runs each (median), with the peak resident memory of
the process (ru_maxrss). Prints one row per form.
"""
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

STRAITS = sys.argv[1]
N_ACTORS, N_RELATIONS, N_EVENTS, RUNS = 2000, 100_000, 100_000, 3


def dataset():
    actors = [{"id": f"A{i:05d}", "kind": "group", "name": f"Actor {i}"} for i in range(N_ACTORS)]
    relations = [{"id": f"r{i:06d}", "from": f"A{i % N_ACTORS:05d}", "to": f"A{(i * 7 + 1) % N_ACTORS:05d}",
                  "type": "cooperation", "start": f"{2000 + i % 25}",
                  "sources": [{"source": "src", "locator": f"p. {i % 300}"}]} for i in range(N_RELATIONS)]
    events = [{"id": f"e{i:06d}", "date": f"{2000 + i % 25}-{1 + i % 12:02d}", "type": "meeting",
               "title": f"Meeting {i}", "actors": [f"A{i % N_ACTORS:05d}"]} for i in range(N_EVENTS)]
    return {"format": "straits-dataset", "format_version": 1,
            "metadata": {"title": "Workbook bench", "version": "1", "date": "2025"},
            "vocabulary": {"relation_types": [{"id": "cooperation", "label": "Cooperation", "colour": "#0f5a3c"}],
                           "event_types": [{"id": "meeting", "label": "Meeting", "colour": "#6969a5"}]},
            "sources": [{"id": "src", "title": "A source"}],
            "actors": actors, "relations": relations, "events": events}


def timed(args):
    """Seconds and peak KiB of one run of the program."""
    t0 = time.monotonic()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.monotonic() - t0
    err = child.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {err.strip()[:300]}")
    return seconds, usage.ru_maxrss


def size_of(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path))
    return os.path.getsize(path)


def main():
    work = tempfile.mkdtemp(prefix="straits-bench-workbook-")
    try:
        source = os.path.join(work, "bench.json")
        with open(source, "w", encoding="utf-8") as f:
            json.dump(dataset(), f)
        forms = [("JSON (contender)", source)]
        for name, out in (("CSV folder", os.path.join(work, "bench-csv")),
                          ("ODS", os.path.join(work, "bench.ods")), ("XLSX", os.path.join(work, "bench.xlsx"))):
            result = subprocess.run([STRAITS, f"--convert={source}", f"--output={out}"],
                                    capture_output=True, text=True)
            if result.returncode == 0:
                forms.append((name, out))
            else:
                print(f"# {name}: not written by this build ({result.stderr.strip()[:120]})")
        print(f"# {N_ACTORS} actors, {N_RELATIONS} relations, {N_EVENTS} events; median of {RUNS} runs of --check")
        print(f"{'form':<18} {'size MB':>8} {'seconds':>8} {'vs JSON':>8} {'peak MB':>8}")
        base = None
        for name, path in forms:
            runs = [timed([STRAITS, "--check", path]) for _ in range(RUNS)]
            seconds = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs) / 1024
            base = base or seconds
            print(f"{name:<18} {size_of(path) / 1e6:>8.1f} {seconds:>8.2f} {seconds / base:>7.2f}x {peak:>8.0f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
