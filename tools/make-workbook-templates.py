#!/usr/bin/env python3
# make-workbook-templates.py: the workbook templates in data/templates/.
#
#   straits-dataset.ods, .xlsx           every sheet Straits reads, with its
#                                        header row of the format's field names
#   turkey-european-security.ods, .xlsx  the bundled dataset as a workbook
#
# Both are made from `straits --convert` of the bundled dataset to a folder
# of CSV files, so that the sheets and columns are the ones Straits writes
# and reads (docs/workbooks.md). Numbers are typed as numbers, every other
# cell as text: dates too, so that "2021" and "2025-04" keep their precision.
# The files are the same every time (zip entries carry a fixed date).
#
#   tools/make-workbook-templates.py [build/src/app/straits]
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import workbook_xml as wx  # noqa: E402

root = os.path.dirname(here)
straits = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build", "src", "app", "straits")
bundled = os.path.join(root, "data", "datasets", "turkey-european-security.json")
out = os.path.join(root, "data", "templates")
os.makedirs(out, exist_ok=True)

with tempfile.TemporaryDirectory() as work:
    folder = os.path.join(work, "csv")
    subprocess.run([straits, f"--convert={bundled}", f"--output={folder}"], check=True)
    for name, keep_rows in (("straits-dataset", False), ("turkey-european-security", True)):
        sheets = wx.sheets_from_csv_folder(folder, keep_rows=keep_rows)
        wx.write_ods(os.path.join(out, name + ".ods"), sheets)
        wx.write_xlsx(os.path.join(out, name + ".xlsx"), sheets)
        print(f"data/templates/{name}.ods, .xlsx: {len(sheets)} sheets")
