#!/usr/bin/env python3
# straits --arms-report checked against an independent computation in
# Python over the same SIPRI register (csv module, its own sums), for
# several recipients, suppliers, periods and groupings; then its refusals.
# The register is beside the project (../shared/data/sipri); without it
# the test fails.
import collections
import csv
import json
import os
import subprocess
import sys

straits, register = sys.argv[1], sys.argv[2]
n = 0
failures = 0


def report(ok, what):
    global n, failures
    n += 1
    if not ok:
        failures += 1
    print(("ok %d - %s" if ok else "not ok %d - %s") % (n, what), flush=True)


if not os.path.isfile(register):
    print("Bail out! the SIPRI register is missing: %s" % register)
    sys.exit(1)

# The register as Python reads it: skip to the header, drop each line's ';'.
with open(register, newline="", encoding="ascii") as f:
    lines = f.read().splitlines()
start = next(i for i, l in enumerate(lines) if l.startswith("SIPRI AT Database ID,"))
header = next(csv.reader([lines[start].rstrip(";")]))
rows = [dict(zip(header, r)) for r in csv.reader(l[:-1] for l in lines[start + 1:] if l)]

# Only the names these checks use; the program has its own table.
names = {"TUR": "Turkiye", "GRC": "Greece", "FRA": "France", "IND": "India", "USA": "United States",
         "UKR": "Ukraine", "POL": "Poland", "DEU": "Germany", "ARE": "UAE", "KOR": "South Korea"}


def expected(recipient=None, supplier=None, first=None, last=None, by=None, local=True):
    sums = collections.defaultdict(float)
    key = {"supplier": "Supplier", "recipient": "Recipient", "category": "Armament category",
           "year": "Delivery year"}[by]
    for r in rows:
        year = int(r["Delivery year"])
        if recipient and r["Recipient"] != names[recipient]:
            continue
        if supplier and r["Supplier"] != names[supplier]:
            continue
        if not first <= year <= last or (not local and r["Local production"] == "Yes"):
            continue
        sums[r[key]] += float(r["TIV delivery values"] or 0)
    if by == "year":
        for y in range(first, last + 1):
            sums.setdefault(str(y), 0.0)
        ordered = sorted(sums.items(), key=lambda kv: int(kv[0]))
    else:
        ordered = sorted(sums.items(), key=lambda kv: (-kv[1], kv[0]))
    total = sum(sums.values())
    return total, [(k, v, v / total * 100 if total else 0) for k, v in ordered]


def run(*args):
    return subprocess.run([straits, "--arms-report", "--sipri=" + register, *args],
                          capture_output=True, text=True, env=dict(os.environ, LC_ALL="C.UTF-8"))


def close(a, b):
    return abs(a - b) <= 0.005 + 1e-9


def check(args, recipient=None, supplier=None, first=None, last=None, by=None, local=True):
    what = " ".join(args)
    p = run(*args, "--format=json")
    if p.returncode != 0:
        report(False, what + ": exit %d: %s" % (p.returncode, p.stderr.strip()))
        return None
    got = json.loads(p.stdout)
    total, want = expected(recipient, supplier, first, last, by, local)
    ok = close(got["total_tiv"], total) and got["period"] == [first, last] and len(got["rows"]) == len(want)
    for g, (name, tiv, share) in zip(got["rows"], want):
        ok = ok and g["name"] == name and close(g["tiv"], tiv) and close(g["share_pct"], share)
    ok = ok and got["source"] == "SIPRI Arms Transfers Database, data generated 12 Feb 2026, TIV (millions)"
    report(ok, "%s: total %.2f over %d rows as computed independently" % (what, total, len(want)))
    if not ok:
        print("# got %s\n# want %.2f %s" % (json.dumps(got)[:600], total, want[:6]))
    return got


# The figures: deliveries to Türkiye 2020–2024.
got = check(["--recipient=TUR", "--from=2020", "--to=2024"], recipient="TUR", first=2020, last=2024, by="supplier")
if got:
    head = [(r["id"], r["share_pct"]) for r in got["rows"][:5]]
    report(got["total_tiv"] == 1635.10 and head == [("ESP", 33.79), ("ITA", 24.07), ("DEU", 18.68),
                                                     ("USA", 16.61), ("RUS", 3.87)],
           "Türkiye 2020–2024: 1635.10 TIV, Spain 33.79 %, Italy 24.07 %, Germany 18.68 %, "
           "United States 16.61 %, Russia 3.87 %")
got = check(["--recipient=TUR", "--from=2020", "--to=2024", "--exclude-local-production"],
            recipient="TUR", first=2020, last=2024, by="supplier", local=False)
if got:
    report([r["id"] for r in got["rows"][:5]] == ["USA", "RUS", "ITA", "DEU", "FRA"],
           "without local production the order becomes United States, Russia, Italy, Germany, France")

check(["--recipient=GRC", "--from=2015", "--to=2019"], recipient="GRC", first=2015, last=2019, by="supplier")
check(["--supplier=FRA", "--from=2010", "--to=2014"], supplier="FRA", first=2010, last=2014, by="recipient")
check(["--recipient=IND", "--from=2000", "--to=2024", "--by=category"], recipient="IND", first=2000, last=2024,
      by="category")
check(["--supplier=USA", "--from=2018", "--to=2022", "--by=year"], supplier="USA", first=2018, last=2022, by="year")
check(["--recipient=UKR", "--from=2022", "--to=2024", "--exclude-local-production"], recipient="UKR",
      first=2022, last=2024, by="supplier", local=False)
check(["--supplier=KOR", "--from=1995", "--to=2024", "--by=category", "--exclude-local-production"],
      supplier="KOR", first=1995, last=2024, by="category", local=False)
check(["--recipient=ARE", "--from=1995", "--to=1999"], recipient="ARE", first=1995, last=1999, by="supplier")
# The default period is the register's last five years.
check(["--supplier=TUR"], supplier="TUR", first=2020, last=2024, by="recipient")
check(["--recipient=Poland", "--from=2024", "--to=2024"], recipient="POL", first=2024, last=2024, by="supplier")

# CSV carries the same numbers as JSON.
j = json.loads(run("--recipient=GRC", "--from=2015", "--to=2019", "--format=json").stdout)
c = list(csv.DictReader(run("--recipient=GRC", "--from=2015", "--to=2019", "--format=csv").stdout.splitlines()))
report([(r["id"], float(r["tiv"]), float(r["share_pct"])) for r in c] ==
       [(r["id"], r["tiv"], r["share_pct"]) for r in j["rows"]], "CSV rows equal the JSON rows")
t = run("--recipient=GRC", "--from=2015", "--to=2019")
report(t.returncode == 0 and t.stdout.startswith("Arms imports of Greece, by supplier, 2015–2019\n")
       and "Source: SIPRI Arms Transfers Database, data generated 12 Feb 2026" in t.stdout,
       "text report names the recipient, the period and the source")

# Refusals: a clear message and exit status 1.
for args, message in [
    (["--recipient=XXX"], "the register has no actor “XXX”"),
    (["--recipient=TUR", "--supplier=ESP"], "name either --recipient=ID or --supplier=ID"),
    (["--recipient=urk"], "the register has no actor “urk”"),
    (["--recipient=TUR", "--from=2024", "--to=2020"], "is not a span of years"),
    (["--recipient=TUR", "--by=colour"], "unknown --by “colour”"),
    (["--recipient=TUR", "--format=xml"], "unknown --format “xml”"),
]:
    p = run(*args)
    report(p.returncode == 1 and message in p.stderr and p.stdout == "", " ".join(args) + " is refused")
p = subprocess.run([straits, "--arms-report", "--sipri=/nonexistent.csv", "--recipient=TUR"],
                   capture_output=True, text=True)
report(p.returncode == 1 and "“/nonexistent.csv”" in p.stderr and "No such file" in p.stderr, "a missing register is refused")

# The same charts as figures: --export-chart with --sipri.
import tempfile
with tempfile.TemporaryDirectory() as work:
    pdf = os.path.join(work, "greece.pdf")
    p = subprocess.run([straits, "--export-chart=" + pdf, "--sipri=" + register, "--recipient=GRC",
                        "--from=2015", "--to=2019", "--alt-text"], capture_output=True, text=True)
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout \
        if p.returncode == 0 else p.stderr
    report(p.returncode == 0 and "Arms imports of Greece, by supplier" in text and "835.9 (68.9 %)" in text
           and "SIPRI Arms Transfers Database, data generated 12 Feb 2026, TIV (millions)" in text
           and "2015–2019" in text, "--export-chart writes the suppliers' chart as a PDF with its values and source")
    alt = open(os.path.join(work, "greece.alt.txt"), encoding="utf-8").read() if p.returncode == 0 else ""
    report("Germany\t835.90\t68.86 %" in alt, "with --alt-text, the chart's numbers beside it")
    png = os.path.join(work, "years.png")
    p = subprocess.run([straits, "--export-chart=" + png, "--sipri=" + register, "--supplier=TUR", "--by=year",
                        "--from=2015", "--to=2024", "--size=960x640"], capture_output=True, text=True)
    head = open(png, "rb").read(24) if p.returncode == 0 else b""
    report(head[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(head[16:20], "big") == 960,
           "--by=year exports the time series as a PNG of the size asked for")
    p = subprocess.run([straits, "--export-chart=" + os.path.join(work, "x.pdf"), "--sipri=" + register,
                        "--recipient=XXX"], capture_output=True, text=True)
    report(p.returncode == 1 and "no actor “XXX”" in p.stderr and not os.path.exists(os.path.join(work, "x.pdf")),
           "an unknown actor is refused and no file is written")

print("1..%d" % n)
sys.exit(1 if failures else 0)
