#!/usr/bin/env python3
# straits --convert and --check on workbooks as a user runs them: the
# bundled dataset to a folder of CSV files and back (the same dataset), a
# folder with mistakes (every problem placed in its sheet, row and column,
# nothing written), and the refusals; the dataset to .ods and .xlsx files
# that Straits writes itself, and back.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

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
r = run(f"--convert={bundled}", f"--output={work}/out.zip")
check("--convert of a dataset to .zip is refused, nothing written",
      r.returncode == 2 and "folder of CSV files" in r.stderr and not os.path.exists(f"{work}/out.zip"), r.stderr)
empty = os.path.join(work, "empty")
os.mkdir(empty)
r = run("--check", empty)
check("a folder without CSV files is refused", r.returncode == 1 and "holds no CSV files" in r.stderr, r.stderr)


# ODS and XLSX files written by Straits -------------------------------------


def xml_problems(path):
    """Members of the zip at @path that are not well-formed XML (xmllint)."""
    bad = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                r = subprocess.run(["xmllint", "--noout", "--nonet", "-"], input=z.read(name), capture_output=True)
                if r.returncode != 0:
                    bad.append(f"{name}: {r.stderr.decode()}")
    return bad


def round_trip(source, ext, name):
    """@source (a dataset file) to NAME.EXT and back: the dataset read back."""
    book = os.path.join(work, f"{name}.{ext}")
    r = run(f"--convert={source}", f"--output={book}")
    check(f"{name}: dataset to .{ext}: exit 0", r.returncode == 0 and os.path.isfile(book), r.stderr)
    if r.returncode != 0:
        return None
    back = os.path.join(work, f"{name}-{ext}.json")
    r = run(f"--convert={book}", f"--output={back}")
    check(f"{name}: .{ext} back to a dataset: exit 0", r.returncode == 0, r.stderr)
    if r.returncode != 0:
        return None
    with open(back, encoding="utf-8") as f:
        return json.load(f)


for ext in ("ods", "xlsx"):
    converted = round_trip(bundled, ext, "bundled")
    book = os.path.join(work, f"bundled.{ext}")
    check(f"bundled dataset → .{ext} → JSON is the bundled dataset",
          converted is not None and canonical(original) == canonical(converted))
    r = run("--diff", bundled, os.path.join(work, f"bundled-{ext}.json"))
    check(f"--diff finds no change after the .{ext} round trip", r.returncode == 0 and r.stdout == "",
          r.stdout + r.stderr)
    if not os.path.isfile(book):
        continue
    with zipfile.ZipFile(book) as z:
        check(f".{ext}: every zip member reads back (CRC)", z.testzip() is None)
        dates = {i.date_time for i in z.infolist()}
        check(f".{ext}: members dated 1980-01-01, as the templates", dates == {(1980, 1, 1, 0, 0, 0)}, dates)
        names = z.namelist()
        if ext == "ods":
            first = z.infolist()[0]
            check(".ods: mimetype is the first member, stored uncompressed, without extra field",
                  first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
                  and first.extra == b"" and z.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet",
                  [(i.filename, i.compress_type, i.extra) for i in z.infolist()[:2]])
            check(".ods: manifest and content", {"META-INF/manifest.xml", "content.xml"} <= set(names), names)
            content = z.read("content.xml").decode()
            check(".ods: a strength is a number cell, a date a text cell",
                  'office:value-type="float" office:value="0.8"' in content
                  and '<table:table-cell office:value-type="string"><text:p>2025-04</text:p>' in content)
        else:
            check(".xlsx: 14 sheets and the package parts",
                  {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                   "xl/worksheets/sheet14.xml"} <= set(names), names)
            sheet = z.read("xl/worksheets/sheet9.xml").decode()
            check(".xlsx: relations: a strength is a number cell, text an inline string",
                  '<c r="G2"><v>0.8</v></c>' in sheet
                  and '<c r="A2" t="inlineStr"><is><t xml:space="preserve">rel-pol-tur-tb2</t></is></c>' in sheet,
                  sheet[:600])
    check(f".{ext}: every XML member is well-formed (xmllint)", xml_problems(book) == [], xml_problems(book))
    again = os.path.join(work, f"again.{ext}")
    r = run(f"--convert={bundled}", f"--output={again}")
    with open(book, "rb") as f, open(again, "rb") as g:
        check(f".{ext}: the same dataset converted twice gives the same file", f.read() == g.read(), r.stderr)
    r = run("--check", book)
    check(f"--check accepts the written .{ext}", r.returncode == 0 and "valid: 39 actors" in r.stdout,
          r.stdout + r.stderr)

# The metadata's id, and text a spreadsheet could mangle: spaces at the ends
# and in runs (ODF collapses them), a tab, line breaks, markup characters.
tricky = json.loads(json.dumps(original))
tricky["metadata"]["id"] = "turkey-eu-security"
awkward = "  two leading spaces,  a  run,\ta tab, <b>&amp;</b> \"quoted\"  \nsecond line \n\n  third  "
tricky["actors"][0]["description"] = awkward
tricky["relations"][0]["summary"] = "x;y: | z"
tricky_path = os.path.join(work, "tricky.json")
with open(tricky_path, "w", encoding="utf-8") as f:
    json.dump(tricky, f, ensure_ascii=False, indent=2)
for ext in ("ods", "xlsx"):
    converted = round_trip(tricky_path, ext, "tricky")
    check(f".{ext} keeps the metadata id", converted is not None
          and converted["metadata"].get("id") == "turkey-eu-security")
    check(f".{ext} keeps spaces, tabs and line breaks as written",
          converted is not None and converted["actors"][0].get("description") == awkward,
          converted and repr(converted["actors"][0].get("description")))
    check(f"tricky dataset → .{ext} → JSON is the same dataset",
          converted is not None and canonical(tricky) == canonical(converted))
    if ext == "ods" and os.path.isfile(os.path.join(work, "tricky.ods")):
        with zipfile.ZipFile(os.path.join(work, "tricky.ods")) as z:
            content = z.read("content.xml").decode()
        # What LibreOffice would otherwise collapse (ODF 1.2, 6.1.2).
        check(".ods: leading spaces and runs as text:s, a tab as text:tab, lines as paragraphs",
              '<text:p><text:s text:c="2"/>two leading spaces, <text:s/>a <text:s/>run,<text:tab/>a tab' in content
              and "</text:p><text:p>second line<text:s/></text:p><text:p/><text:p><text:s text:c=\"2\"/>third"
              in content)
folder_id = os.path.join(work, "tricky-csv")
r = run(f"--convert={tricky_path}", f"--output={folder_id}")
with open(os.path.join(folder_id, "metadata.csv"), newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
check("metadata.csv has the id column, written", r.returncode == 0 and rows[0][0] == "id"
      and rows[1][0] == "turkey-eu-security", rows)
back = os.path.join(work, "tricky-csv.json")
r = run(f"--convert={folder_id}", f"--output={back}")
read_back = {}
if r.returncode == 0:
    with open(back, encoding="utf-8") as f:
        read_back = json.load(f)["metadata"]
check("the CSV folder reads the id back", read_back.get("id") == "turkey-eu-security", r.stderr)

# A workbook to another kind of workbook: the CSV folder to .xlsx.
r = run(f"--convert={folder}", f"--output={work}/from-folder.xlsx")
r2 = run(f"--convert={work}/from-folder.xlsx", f"--output={work}/from-folder.json")
same = False
if r.returncode == 0 and r2.returncode == 0:
    with open(os.path.join(work, "from-folder.json"), encoding="utf-8") as f:
        same = canonical(json.load(f)) == canonical(original)
check("a CSV folder converted to .xlsx holds the same dataset", same, r.stderr + r2.stderr)

# Nothing written from an input that could not be read, or a cell that
# cannot be written: the old file stays as it was.
for ext in ("ods", "xlsx"):
    kept = os.path.join(work, f"kept.{ext}")
    with open(kept, "wb") as f:
        f.write(b"old contents")
    r = run(f"--convert={os.path.join(work, 'missing.json')}", f"--output={kept}")
    r2 = run(f"--convert={bad}", f"--output={kept}")
    control = json.loads(json.dumps(original))
    control["actors"][0]["note"] = "a bell \u0007 here"
    control_path = os.path.join(work, "control.json")
    with open(control_path, "w", encoding="utf-8") as f:
        json.dump(control, f)
    r3 = run(f"--convert={control_path}", f"--output={kept}")
    with open(kept, "rb") as f:
        check(f".{ext}: a missing input, an invalid workbook and a control character write nothing",
              r.returncode == 1 and r2.returncode == 1 and r3.returncode == 1 and f.read() == b"old contents"
              and "missing.json" in r.stderr and "U+0007" in r3.stderr and kept in r3.stderr,
              r.stderr + r2.stderr + r3.stderr)
    leftovers = [n for n in os.listdir(work) if n.startswith(f"kept.{ext}.")]
    check(f".{ext}: no temporary file left behind", leftovers == [], leftovers)

shutil.rmtree(work, ignore_errors=True)
tap.finish()
