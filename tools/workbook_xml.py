#!/usr/bin/env python3
# workbook_xml.py: minimal ODS and XLSX files written with the zipfile
# module, for Straits' workbook templates (tools/make-workbook-templates.py)
# and the tests that make workbooks at test time (tests/test-workbook-files.py).
#
# A workbook is a list of (sheet name, rows); a row is a list of cells:
#   None or ""        an empty cell
#   str               text
#   int, float        a number
#   bool              a boolean
#   datetime.date     a date typed as a date (XLSX: a day number in a date format)
#   Formula(f, v)     a formula with its cached value v (any of the above)
#   Raw(xml)          (XLSX) a <c> element's inner XML, for hostile tests
#
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime
import zipfile
from xml.sax.saxutils import escape, quoteattr


def _entry(name, compress_type=zipfile.ZIP_DEFLATED):
    """A zip entry with a fixed date, so that a workbook made twice is the
    same file."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = compress_type
    info.external_attr = 0o644 << 16
    return info


class Formula:
    def __init__(self, formula, cached):
        self.formula = formula
        self.cached = cached


def _column_letters(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# ODS ---------------------------------------------------------------------

ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
          'office:version="1.2"')


def _ods_paragraphs(text):
    return "".join(f"<text:p>{escape(line)}</text:p>" for line in text.split("\n"))


def _ods_cell(value):
    formula = ""
    if isinstance(value, Formula):
        formula = f" table:formula={quoteattr('of:' + value.formula)}"
        value = value.cached
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, bool):
        v = "true" if value else "false"
        return (f'<table:table-cell{formula} office:value-type="boolean" office:boolean-value="{v}">'
                f"<text:p>{v.upper()}</text:p></table:table-cell>")
    if isinstance(value, (int, float)):
        return (f'<table:table-cell{formula} office:value-type="float" office:value="{value!r}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    if isinstance(value, datetime.date):
        iso = value.isoformat()
        return (f'<table:table-cell{formula} office:value-type="date" office:date-value="{iso}">'
                f"<text:p>{value.day:02}/{value.month:02}/{value.year}</text:p></table:table-cell>")
    return (f'<table:table-cell{formula} office:value-type="string">{_ods_paragraphs(str(value))}'
            "</table:table-cell>")


def ods_content(sheets):
    """content.xml of an ODS file, as LibreOffice writes it: a row ends with
    a run of empty cells repeated to the sheet's width, and the sheet with
    rows of those repeated a million times."""
    parts = [f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODS_NS}>'
             "<office:body><office:spreadsheet>"]
    for name, rows in sheets:
        parts.append(f"<table:table table:name={quoteattr(name)}>")
        parts.append('<table:table-column table:number-columns-repeated="1024"/>')
        for row in rows:
            cells = "".join(_ods_cell(value) for value in row)
            parts.append(f'<table:table-row>{cells}<table:table-cell table:number-columns-repeated="{1024 - len(row)}"/>'
                         "</table:table-row>")
        parts.append('<table:table-row table:number-rows-repeated="1048000">'
                     '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
        parts.append("</table:table>")
    parts.append("</office:spreadsheet></office:body></office:document-content>")
    return "".join(parts)


def write_ods(path, sheets, content=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(_entry("mimetype", zipfile.ZIP_STORED), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr(_entry("META-INF/manifest.xml"),
                   '<?xml version="1.0" encoding="UTF-8"?>\n'
                   '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                   '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                   '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                   "</manifest:manifest>")
        z.writestr(_entry("content.xml"), content if content is not None else ods_content(sheets))


# XLSX --------------------------------------------------------------------

XLSX_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XLSX_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class Raw:
    def __init__(self, xml, attributes=""):
        self.xml = xml
        self.attributes = attributes


def _serial(date):
    return (date - datetime.date(1899, 12, 30)).days


def _xlsx_cell(ref, value, strings):
    formula = ""
    if isinstance(value, Raw):
        return f'<c r="{ref}"{value.attributes}>{value.xml}</c>'
    if isinstance(value, Formula):
        formula = f"<f>{escape(value.formula)}</f>"
        value = value.cached
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b">{formula}<v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}">{formula}<v>{value!r}</v></c>'
    if isinstance(value, datetime.date):
        return f'<c r="{ref}" s="1">{formula}<v>{_serial(value)}</v></c>'
    if formula:
        return f'<c r="{ref}" t="str">{formula}<v>{escape(value)}</v></c>'
    if value not in strings:
        strings[value] = len(strings)
    return f'<c r="{ref}" t="s"><v>{strings[value]}</v></c>'


def write_xlsx(path, sheets, sheet_xml=None):
    """sheet_xml: {index: text} replaces a sheet's XML (hostile tests)."""
    strings = {}
    sheet_parts = []
    for index, (name, rows) in enumerate(sheets):
        xml_rows = []
        for r, row in enumerate(rows, start=1):
            cells = "".join(_xlsx_cell(f"{_column_letters(c)}{r}", value, strings) for c, value in enumerate(row))
            xml_rows.append(f'<row r="{r}">{cells}</row>')
        sheet_parts.append(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                           f'<worksheet xmlns="{XLSX_MAIN}" xmlns:r="{XLSX_REL}"><sheetData>'
                           + "".join(xml_rows) + "</sheetData></worksheet>")
    if sheet_xml:
        for index, text in sheet_xml.items():
            sheet_parts[index] = text
    shared = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(_entry("[Content_Types].xml"),
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                   '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                   + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" '
                             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                             for i in range(len(sheets)))
                   + "</Types>")
        z.writestr(_entry("_rels/.rels"),
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{XLSX_REL}/officeDocument" Target="xl/workbook.xml"/>'
                   "</Relationships>")
        z.writestr(_entry("xl/workbook.xml"),
                   f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   f'<workbook xmlns="{XLSX_MAIN}" xmlns:r="{XLSX_REL}"><sheets>'
                   + "".join(f'<sheet name={quoteattr(name)} sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                             for i, (name, _) in enumerate(sheets))
                   + "</sheets></workbook>")
        z.writestr(_entry("xl/_rels/workbook.xml.rels"),
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   + "".join(f'<Relationship Id="rId{i + 1}" Type="{XLSX_REL}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                             for i in range(len(sheets)))
                   + f'<Relationship Id="rId{len(sheets) + 1}" Type="{XLSX_REL}/styles" Target="styles.xml"/>'
                   + f'<Relationship Id="rId{len(sheets) + 2}" Type="{XLSX_REL}/sharedStrings" Target="sharedStrings.xml"/>'
                   "</Relationships>")
        z.writestr(_entry("xl/styles.xml"),
                   f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{XLSX_MAIN}">'
                   '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
                   '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
                   '<borders count="1"><border/></borders>'
                   '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                   '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
                   '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
                   "</styleSheet>")
        z.writestr(_entry("xl/sharedStrings.xml"),
                   f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   f'<sst xmlns="{XLSX_MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>')
        for i, text in enumerate(sheet_parts):
            z.writestr(_entry(f"xl/worksheets/sheet{i + 1}.xml"), text)


# From a CSV folder ---------------------------------------------------------

# Columns whose cells are numbers; every other cell is text, dates too, so
# that "2021" and "2025-04" keep their precision.
NUMBER_COLUMNS = {"strength", "paragraphs", "of", "change.value", "value", "unrounded",
                  "region.west", "region.south", "region.east", "region.north"}

SHEET_ORDER = ["metadata", "relation_types", "event_types", "sources", "source_sections", "actors",
               "groupings", "groups", "relations", "events", "figures", "figure_values", "views",
               "annotations"]


def sheets_from_csv_folder(folder, keep_rows=True):
    import csv
    import os
    sheets = []
    for name in SHEET_ORDER:
        path = os.path.join(folder, name + ".csv")
        if not os.path.exists(path):
            continue
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        typed = [header]
        for row in rows[1:] if keep_rows else []:
            cells = []
            for column, text in zip(header, row):
                if column in NUMBER_COLUMNS and text != "":
                    number = float(text)
                    cells.append(int(number) if number.is_integer() and "." not in text else number)
                else:
                    cells.append(text)
            typed.append(cells)
        sheets.append((name, typed))
    return sheets
