#!/usr/bin/python3
"""The screenshots the AppStream metainfo shows are in data/screenshots/
(tools/take-screenshots takes them), as PNGs of the size it states.
Prints TAP."""
import os
import struct
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
metainfo = ET.parse(os.path.join(ROOT, "data", "eu.straits.Straits.metainfo.xml.in")).getroot()
images = metainfo.findall("screenshots/screenshot/image")
n = failed = 0
for image in images:
    n += 1
    url = image.text.strip()
    path = os.path.join(ROOT, "data", "screenshots", os.path.basename(url))
    try:
        with open(path, "rb") as f:
            head = f.read(24)
        size = struct.unpack(">II", head[16:24]) if head[:8] == b"\x89PNG\r\n\x1a\n" else None
    except OSError:
        size = None
    stated = (int(image.get("width", 0)), int(image.get("height", 0)))
    ok = url.startswith("https://") and size == stated
    failed += not ok
    print(f"{'ok' if ok else 'not ok'} {n} - {url} is data/screenshots/{os.path.basename(url)}, "
          f"{stated[0]}×{stated[1]} (found {size})")
print(f"1..{n}")
sys.exit(1 if failed or n == 0 else 0)
