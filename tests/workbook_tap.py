# workbook_tap.py: what the workbook tests share: TAP lines, running
# straits, and a dataset as its reader sees it.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import subprocess
import sys


class Tap:
    def __init__(self, straits):
        self.straits = straits
        self.n = 0
        self.fails = 0

    def check(self, name, condition, detail=""):
        self.n += 1
        if condition:
            print(f"ok {self.n} - {name}")
            return
        self.fails += 1
        print(f"not ok {self.n} - {name}")
        for line in str(detail).splitlines():
            print(f"# {line}")

    def run(self, *args):
        return subprocess.run([self.straits, *args], capture_output=True, text=True)

    def finish(self):
        print(f"1..{self.n}")
        sys.exit(1 if self.fails else 0)


def canonical(value):
    """A dataset as its reader sees it: an empty list is no list, and
    "$schema" is for editors only."""
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items() if v != [] and k != "$schema"}
    if isinstance(value, list):
        return [canonical(v) for v in value]
    return value
