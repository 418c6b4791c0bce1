#!/usr/bin/env python3
# bench-worst-datasets.py: time and peak memory of `straits --check` on the
# worst valid datasets of each kind (worst-datasets.py), at growing sizes,
# against the file's size; then the window's main-thread time with the
# longest valid texts (bench-texts).
#
#   bench-worst-datasets.py STRAITS BENCH_TEXTS
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(HERE, 'worst-datasets.py')
KINDS = ['many-groupings', 'many-actors', 'longest-texts', 'unknown-members', 'unknown-array']
SIZES_MB = [8, 32, 128]


def check(straits, path):
    """Runs --check in a child; its time and its own peak resident memory
    (wait4's, not the largest of all children so far)."""
    with tempfile.TemporaryFile('w+') as out:
        t0 = time.monotonic()
        proc = subprocess.Popen([straits, '--check', path], stdout=out, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.monotonic() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        proc.stdout = out.read()
    return seconds, usage.ru_maxrss, proc


def main():
    straits, bench_texts = sys.argv[1], sys.argv[2]
    print('straits --check on the worst valid datasets (peak: resident memory of the process, '
          'the file included)')
    print('%-16s %10s %9s %11s %12s  %s' % ('kind', 'file MiB', 'time s', 'peak MiB', 'peak / file', 'result'))
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, 'worst.json')
        for kind in KINDS:
            for mb in SIZES_MB:
                subprocess.run([sys.executable, GENERATOR, kind, str(mb), path], check=True)
                size = os.path.getsize(path)
                seconds, peak_kb, proc = check(straits, path)
                summary = (proc.stdout.strip().splitlines() or ['?'])[-1].split(': ', 1)[-1]
                print('%-16s %10.1f %9.2f %11.1f %12.2f  %s' % (
                    kind, size / 2**20, seconds, peak_kb / 1024, peak_kb * 1024 / size,
                    'exit %d, %s' % (proc.returncode, summary[:60])))
                sys.stdout.flush()
                os.remove(path)
        print()
        print('the window with the longest valid texts (bundled dataset, every name at 200 '
              'characters and every long text at 5000, without spaces, 40 more such events)')
        subprocess.run([sys.executable, GENERATOR, 'bundled-longest-texts', '1', path], check=True)
        sys.stdout.flush()
        subprocess.run([bench_texts, path], check=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
