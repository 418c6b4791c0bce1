#!/usr/bin/env python3
# ODS and XLSX workbooks, made at test time by tools/workbook_xml.py: the
# bundled dataset through both and back, typed cells (formulas' cached
# values, dates typed as dates and as text, booleans, numbers), and hostile
# files: wrong sheet names, a missing header, a number with thousands
# separators, a zip bomb, entity expansion, an external entity, a sheet of a
# billion repeated cells, not a zip at all.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime
import json
import os
import shutil
import struct
import sys
import tempfile
import zipfile

straits = sys.argv[1]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from workbook_tap import Tap, canonical  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import workbook_xml as wx  # noqa: E402

bundled = os.path.join(os.environ["STRAITS_DATA_DIR"], "datasets", "turkey-european-security.json")
work = tempfile.mkdtemp(prefix="straits-wb-files-")
tap = Tap(straits)
check = tap.check
run = tap.run
F = wx.Formula


def path(name):
    return os.path.join(work, name)


def converted(workbook):
    out = workbook + ".json"
    r = run(f"--convert={workbook}", f"--output={out}")
    if r.returncode != 0:
        return None, r.stderr
    with open(out, encoding="utf-8") as f:
        return json.load(f), r.stderr


def problems(workbook):
    r = run("--check", workbook)
    return r.returncode, [line.replace(workbook + ": ", "", 1) for line in r.stderr.splitlines()]


# The bundled dataset through ODS and XLSX ----------------------------------

folder = path("csv")
r = run(f"--convert={bundled}", f"--output={folder}")
check("bundled dataset to CSV folder", r.returncode == 0, r.stderr)
sheets = wx.sheets_from_csv_folder(folder)
with open(bundled, encoding="utf-8") as f:
    original = canonical(json.load(f))
for ext, write in (("ods", wx.write_ods), ("xlsx", wx.write_xlsx)):
    write(path(f"bundled.{ext}"), sheets)
    data, err = converted(path(f"bundled.{ext}"))
    check(f"bundled dataset through {ext.upper()} and back: the same dataset",
          data is not None and canonical(data) == original, err)

# The templates in data/templates/ (tools/make-workbook-templates.py): the
# bundled dataset's is the bundled dataset; the empty one has every sheet.
templates = os.path.join(os.environ["STRAITS_DATA_DIR"], "templates")
for ext in ("ods", "xlsx"):
    data, err = converted(os.path.join(templates, f"turkey-european-security.{ext}"))
    check(f"data/templates/turkey-european-security.{ext} is the bundled dataset",
          data is not None and canonical(data) == original, err)
    template = os.path.join(templates, f"straits-dataset.{ext}")
    status, lines = problems(template)
    check(f"data/templates/straits-dataset.{ext}: every sheet known, only the title to fill in",
          status == 1 and lines == ["sheet “metadata”: missing required member “title”"], lines)
    with zipfile.ZipFile(template) as z:
        if ext == "xlsx":
            n_sheets = len([x for x in z.namelist() if x.startswith("xl/worksheets/")])
        else:
            n_sheets = z.read("content.xml").count(b"<table:table table:name=")
    check(f"data/templates/straits-dataset.{ext}: 14 sheets", n_sheets == 14, n_sheets)

# Typed cells ---------------------------------------------------------------

meta = ("metadata", [["title", "date"], ["Typed", 2025]])
types = ("relation_types", [["id", "label", "colour", "dated"], ["threat", "Threat", "#000000", True]])
actors = ("actors", [["id", "kind", "name", "iso3", "location"],
                     ["GRC", "state", "Greece", "GRC", "23.7, 37.98"],
                     ["TUR", "state", F('CONCATENATE("Tur";"key")', "Turkey"), "TUR", None]])
relations = ("relations", [["id", "from", "to", "type", "strength", "start", "end", "attested"],
                           ["r1", "TUR", "GRC", "threat", F("0.4*2", 0.8), datetime.date(2021, 3, 5), "2024-04", 2023],
                           ["r2", "GRC", "TUR", "threat", 0.25, "2019", None, None]])
figures = ("figures", [["id", "kind", "title", "unit"], ["f1", "value", "Spending", "USD million"]])
values = ("figure_values", [["figure", "label", "value"], ["f1", "Budget", F("1000+375", 1375)]])
for ext, write in (("ods", wx.write_ods), ("xlsx", wx.write_xlsx)):
    write(path(f"typed.{ext}"), [meta, types, actors, relations, figures, values])
    data, err = converted(path(f"typed.{ext}"))
    ok = data is not None
    rel = data["relations"][0] if ok else {}
    check(f"{ext}: a formula's cached values read (text, number)",
          ok and data["actors"][1]["name"] == "Turkey" and rel["strength"] == 0.8
          and data["figures"][0]["values"][0]["value"] == 1375, err)
    check(f"{ext}: a date typed as a date is a day; as text it keeps its precision; a plain year is a year",
          ok and rel["start"] == "2021-03-05" and rel["end"] == "2024-04" and rel["attested"] == "2023"
          and data["relations"][1]["start"] == "2019" and data["metadata"]["date"] == "2025", rel)
    check(f"{ext}: a boolean and a point", ok and data["vocabulary"]["relation_types"][0]["dated"] is True
          and data["actors"][0]["location"] == [23.7, 37.98], err)

# Hostile workbooks ----------------------------------------------------------

for ext, write in (("ods", wx.write_ods), ("xlsx", wx.write_xlsx)):
    name = path(f"names.{ext}")
    write(name, [("Sheet1", meta[1]), ("Actors", actors[1])])
    status, lines = problems(name)
    check(f"{ext}: wrong sheet names are named, with the nearest right one", status == 1 and lines == [
        "warning: sheet “Sheet1”: not a sheet Straits reads, left out",
        "warning: sheet “Actors”: not a sheet Straits reads, left out (did you mean “actors”?)",
        "sheet “metadata”: the workbook has no such sheet; it needs one, with a header row (title, date, …) and one row",
    ], lines)

    name = path(f"no-header.{ext}")
    write(name, [meta, types, ("actors", actors[1][1:])])
    status, lines = problems(name)
    check(f"{ext}: a sheet without its header row is refused", status == 1 and lines == [
        "sheet “actors”, row 1: the first row should name the columns (“id”, “kind”, “name”, …): "
        "none of its cells is a column name this sheet has"], lines)

    name = path(f"thousands.{ext}")
    write(name, [meta, types, actors, relations, figures,
                 ("figure_values", [["figure", "label", "value"], ["f1", "Budget", "1,375"]])])
    status, lines = problems(name)
    check(f"{ext}: a number with a thousands separator is refused at its cell", status == 1 and lines == [
        "sheet “figure_values”, row 2, column “value”: expected a number such as 12.5 "
        "(with a point, no thousands separators), not “1,375”"], lines)

# A zip bomb: 300 KB that would expand to 257 MB.
bomb = path("bomb.xlsx")
with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("xl/workbook.xml", "w", force_zip64=True) as f:
        for _ in range(257):
            f.write(b" " * (1 << 20))
status, lines = problems(bomb)
check("a zip bomb is refused by its declared size, before expanding", status == 1 and lines == [
    "the workbook cannot be read: its part “xl/workbook.xml” would expand to 257 MB, "
    "more than the 256 MB a workbook may hold (a zip bomb?)"], lines)

# A zip that declares a member smaller than it is: no more than declared is
# expanded (here 100 bytes of 10 MB, not well-formed then).
liar = path("liar.xlsx")
with zipfile.ZipFile(liar, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{wx.XLSX_MAIN}">'.encode()
               + b" " * (10 << 20) + b"</workbook>")
with open(liar, "r+b") as f:
    data = bytearray(f.read())
    struct.pack_into("<I", data, 22, 100)                          # the local header's size
    struct.pack_into("<I", data, data.find(b"PK\x01\x02") + 24, 100)  # the central directory's
    f.seek(0)
    f.write(data)
status, lines = problems(liar)
check("a member larger than its zip declares is read only as far as declared", status == 1 and lines == [
    "the workbook cannot be read: its part “xl/workbook.xml” is not well-formed XML"], lines)

# Billion laughs and an external entity, in a sheet and in content.xml.
laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1 if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
          + f']><worksheet xmlns="{wx.XLSX_MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is>'
          "</c></row></sheetData></worksheet>")
wx.write_xlsx(path("laughs.xlsx"), [meta], sheet_xml={0: laughs})
status, lines = problems(path("laughs.xlsx"))
check("entity expansion (billion laughs) is refused before parsing", status == 1 and lines == [
    "the workbook cannot be read: its part “xl/worksheets/sheet1.xml” declares a document type or entities, "
    "which spreadsheets never do: refused"], lines)
xxe = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
       f'<office:document-content {wx.ODS_NS}><office:body><office:spreadsheet><table:table table:name="metadata">'
       "<table:table-row><table:table-cell><text:p>title</text:p></table:table-cell></table:table-row>"
       "<table:table-row><table:table-cell><text:p>&x;</text:p></table:table-cell></table:table-row>"
       "</table:table></office:spreadsheet></office:body></office:document-content>")
wx.write_ods(path("xxe.ods"), [], content=xxe)
status, lines = problems(path("xxe.ods"))
check("an external entity is refused", status == 1 and len(lines) == 1 and "declares a document type" in lines[0]
      and "root:" not in "".join(lines), lines)

# A row of a value repeated a billion times: counted, then refused.
many = (f'<?xml version="1.0"?><office:document-content {wx.ODS_NS}><office:body><office:spreadsheet>'
        '<table:table table:name="actors"><table:table-row table:number-rows-repeated="1000000">'
        '<table:table-cell table:number-columns-repeated="1000" office:value-type="string"><text:p>x</text:p>'
        "</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>")
wx.write_ods(path("repeated.ods"), [], content=many)
status, lines = problems(path("repeated.ods"))
check("a billion repeated cells are refused", status == 1 and lines == [
    "the workbook cannot be read: the workbook has too many cells (at most 16777216)"], lines)

wx.write_ods(path("sheets.ods"), [(f"s{i}", [["id"]]) for i in range(65)])
status, lines = problems(path("sheets.ods"))
check("65 sheets are refused", status == 1 and lines == [
    "the workbook cannot be read: the workbook has too many sheets (at most 64)"], lines)

with open(path("text.xlsx"), "w") as f:
    f.write("id,name\n")
status, lines = problems(path("text.xlsx"))
check("a file that is not a zip is refused", status == 1 and lines == [
    "not a workbook: an ODS or XLSX file is a zip file, and this is none"], lines)

broken = path("broken.xlsx")
wx.write_xlsx(broken, [meta], sheet_xml={0: f'<worksheet xmlns="{wx.XLSX_MAIN}"><sheetData><row>'})
status, lines = problems(broken)
check("a sheet that is not well-formed XML is refused", status == 1 and lines == [
    "the workbook cannot be read: its part “xl/worksheets/sheet1.xml” is not well-formed XML"], lines)

shutil.rmtree(work, ignore_errors=True)
tap.finish()
