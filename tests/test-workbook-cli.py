#!/usr/bin/env python3
# straits --convert and --check on workbooks as a user runs them: the
# bundled dataset to a folder of CSV files and back (the same dataset), a
# folder with mistakes (every problem placed in its sheet, row and column,
# nothing written), and the refusals.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import csv
import json
import os
import shutil
import sys
import tempfile

straits = sys.argv[1]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from workbook_tap import Tap, canonical  # noqa: E402
bundled = os.path.join(os.environ["STRAITS_DATA_DIR"], "datasets", "turkey-european-security.json")
work = tempfile.mkdtemp(prefix="straits-wb-cli-")
tap = Tap(straits)
check = tap.check
run = tap.run


folder = os.path.join(work, "csv")
r = run(f"--convert={bundled}", f"--output={folder}")
check("dataset to CSV folder: exit 0", r.returncode == 0, r.stderr)
sheets = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
check("one CSV file per sheet", sheets == sorted(
    ["metadata.csv", "relation_types.csv", "event_types.csv", "sources.csv", "source_sections.csv",
     "actors.csv", "groupings.csv", "groups.csv", "relations.csv", "events.csv", "figures.csv",
     "figure_values.csv", "views.csv", "annotations.csv"]), sheets)
with open(os.path.join(folder, "relations.csv"), newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
check("relations.csv: header of the format's field names", rows[0][:4] == ["id", "from", "to", "type"], rows[0])
tb2 = next(row for row in rows if row[0] == "rel-pol-tur-tb2")
check("relations.csv: roles and a citation in cells",
      tb2[10] == "seller: TUR; buyer: POL"
      and tb2[13] == "swp-2025c36: Bilateral cooperation with Turkey: Poland, Spain and Italy, para. 1", tb2)

r = run("--check", folder)
check("--check accepts the CSV folder", r.returncode == 0 and "valid: 39 actors, 64 relations" in r.stdout,
      r.stdout + r.stderr)

back = os.path.join(work, "back.json")
r = run(f"--convert={folder}", f"--output={back}")
check("CSV folder to dataset: exit 0", r.returncode == 0, r.stderr)
with open(bundled, encoding="utf-8") as f:
    original = json.load(f)
with open(back, encoding="utf-8") as f:
    text = f.read()
converted = json.loads(text)
check("the round trip gives the bundled dataset", canonical(original) == canonical(converted))
check("the dataset file starts with its format", text.startswith('{\n  "format": "straits-dataset"'), text[:60])
r = run("--diff", bundled, back)
check("--diff finds no change after the round trip", r.returncode == 0 and r.stdout == "", r.stdout)

# Mistakes: an unknown actor, a number with a thousands separator, a row of
# figure_values for no figure, a sheet named wrong.
bad = os.path.join(work, "bad")
os.mkdir(bad)
for name in sheets:
    with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if name == "relations.csv":
        rows[13][2] = "GRE"
        rows[5][6] = "1,000"
    if name == "figure_values.csv":
        rows[2][0] = "fig-nope"
    if name == "views.csv":
        name = "veiws.csv"
    with open(os.path.join(bad, name), "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
r = run("--check", bad)
expected = [
    f'{bad}: warning: sheet “veiws”: not a sheet Straits reads, left out (did you mean “views”?)',
    f'{bad}: sheet “relations”, row 6, column “strength”: expected a number such as 12.5 (with a point, no thousands separators), not “1,000”',
    f'{bad}: sheet “relations”, row 14, column “to”: unknown actor “GRE” (did you mean “GRC”?)',
    f'{bad}: sheet “figure_values”, row 3, column “figure”: no row of sheet “figures” has the id “fig-nope”',
]
check("--check places every problem in its sheet, row and column",
      r.stderr.splitlines() == expected, r.stderr)
check("--check: invalid, exit 1", r.returncode == 1 and r.stdout == f"{bad}: invalid (3 errors)\n", r.stdout)
out = os.path.join(work, "bad.json")
r = run(f"--convert={bad}", f"--output={out}")
check("an invalid workbook is not converted", r.returncode == 1 and not os.path.exists(out), r.stderr)

r = run(f"--convert={bundled}")
check("--convert without --output: exit 2", r.returncode == 2, r.stderr)
r = run(f"--convert={bundled}", f"--output={work}/out.xlsx")
check("--convert of a dataset to .xlsx is refused (CSV folders only), nothing written",
      r.returncode == 2 and "folder of CSV files" in r.stderr and not os.path.exists(f"{work}/out.xlsx"), r.stderr)
empty = os.path.join(work, "empty")
os.mkdir(empty)
r = run("--check", empty)
check("a folder without CSV files is refused", r.returncode == 1 and "holds no CSV files" in r.stderr, r.stderr)

shutil.rmtree(work, ignore_errors=True)
tap.finish()
