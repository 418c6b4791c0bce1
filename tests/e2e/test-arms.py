#!/usr/bin/python3
"""End-to-end: a SIPRI trade register added to the bundled dataset. Greece
selected and the time slider at 2019 show Greece's suppliers for
2015–2019, as the command line computes them, and the flows on the map.

Uses the helpers of test-app.py. Run by meson inside xvfb-run and
dbus-run-session (see scripts/test). Prints TAP.
"""
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("straits_e2e", os.path.join(HERE, "test-app.py"))
e2e = importlib.util.module_from_spec(spec)
REGISTER = os.environ.get("STRAITS_SIPRI_REGISTER", "")
spec.loader.exec_module(e2e)
find, wait_for, walk, tap, start, stop = e2e.find, e2e.wait_for, e2e.walk, e2e.tap, e2e.start, e2e.stop


def map_description(root):
    for view in ("EU Groupings", "Black Sea", "Aegean"):
        node = find(root, role="image", name=view)
        if node is not None:
            return node.get_description() or ""
    return ""


FLOW_PLUM = "#9e598e"  # src/render/straits-map-flows.c's plum at 72 % over the light land


def flow_pixels(path):
    """Pixels of the screenshot near the flows' plum (#7D1F6B, drawn at
    72 % opacity over the map)."""
    out = subprocess.run(["convert", path, "-fuzz", "14%", "-fill", "black", "+opaque", FLOW_PLUM,
                          "-fill", "white", "-opaque", FLOW_PLUM, "-format", "%[fx:mean*w*h]", "info:"],
                         capture_output=True, text=True)
    try:
        return int(float(out.stdout.strip()))
    except ValueError:
        return -1


def main():
    work = tempfile.mkdtemp(prefix="straits-e2e-arms-")
    env = dict(os.environ)
    env.update({"HOME": work, "XDG_CONFIG_HOME": os.path.join(work, "config"),
                "XDG_DATA_HOME": os.path.join(work, "data"), "XDG_CACHE_HOME": os.path.join(work, "cache"),
                "GSETTINGS_BACKEND": "memory", "GTK_A11Y": "atspi", "NO_AT_BRIDGE": "0"})
    if not os.path.isfile(REGISTER):
        tap(False, f"the SIPRI register is beside the project ({REGISTER})")
        return
    bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    title = json.load(open(e2e.BUNDLED, encoding="utf-8"))["metadata"]["title"]
    proc, root = start(env, "--sipri=" + REGISTER)
    frame = wait_for(lambda: find(root, role="frame", name=title), timeout=30)
    tap(frame is not None, "the bundled dataset opens with --sipri=FILE")
    added = wait_for(lambda: find(root, contains="+ SIPRI trade register, data generated 12 Feb 2026"), timeout=20)
    tap(added is not None, "the window's subtitle names the register as a second source, with its data-as-of date",
        [n for n in e2e.find_all_names(root) if n[0] == "label"][:20])

    before = e2e.screenshot(os.path.join(work, "before.png"))
    pixels_before = flow_pixels(os.path.join(work, "before.png"))
    e2e.select_id("GRC")
    arms = wait_for(lambda: find(root, role="page tab", name="Arms Exports"), timeout=10)
    if arms is not None:
        e2e.click(arms)
    slider = find(root, role="slider")
    if slider is not None:
        slider.set_current_value(2019 * 12 + 11)
    chart = wait_for(lambda: (n := find(root, name="Suppliers’ shares of its arms imports")) is not None
                     and "2015–2019" in (n.get_description() or "") and n, timeout=20)
    description = chart.get_description() if chart else ""
    tap(chart is not None, "Greece selected, slider at 2019: the suppliers' chart covers 2015–2019", description)

    report = json.loads(subprocess.run([e2e.STRAITS, "--arms-report", "--sipri=" + REGISTER, "--recipient=GRC",
                                        "--from=2015", "--to=2019", "--format=json"], env=env,
                                       capture_output=True, text=True, timeout=60).stdout)
    rows = [line.split("\t") for line in description.splitlines() if line.count("\t") == 2]
    names = {"DEU": "Germany", "USA": "United States", "GBR": "United Kingdom", "FRA": "France"}
    want = [(names.get(r["id"], r["name"]), "%.2f" % r["tiv"]) for r in report["rows"][:4]]
    tap([(r[0], r[1]) for r in rows[:4]] == want,
        "its four largest suppliers and their TIV are the command line's (Germany 835.90, United States 259.66, …)",
        f"shown {rows[:4]}, report {want}")
    tap("SIPRI Arms Transfers Database, data generated 12 Feb 2026, TIV (millions)" in description,
        "the chart cites the SIPRI Arms Transfers Database and its date")

    flows = wait_for(lambda: (m := re.search(r"(\d+) arms flows? shown", map_description(root))) and int(m.group(1)),
                     timeout=15)
    tap(flows is not None and flows >= 8,
        f"the map says it draws the flows into and out of Greece ({flows})", map_description(root))
    time.sleep(1.5)
    shot = os.path.join(os.environ.get("MESON_BUILD_ROOT", work), "e2e-arms.png")
    e2e.screenshot(shot)
    pixels_after = flow_pixels(shot)
    tap(pixels_after > pixels_before + 500,
        f"the screenshot shows the flows' plum arcs ({pixels_before} → {pixels_after} plum pixels)")
    stop(proc)

    # A register changed on disk is reloaded; it is remembered with the
    # dataset from one start to the next (settings in a key file here).
    copy = os.path.join(work, "register.csv")
    with open(REGISTER, "rb") as f:
        original = f.read()
    with open(copy, "wb") as f:
        f.write(original)
    env_kept = dict(env, GSETTINGS_BACKEND="keyfile")
    proc, root = start(env_kept, "--sipri=" + copy)
    wait_for(lambda: find(root, contains="+ SIPRI trade register"), timeout=30)
    e2e.select_id("GRC")
    arms = wait_for(lambda: find(root, role="page tab", name="Arms Exports"), timeout=10)
    if arms is not None:
        e2e.click(arms)
    slider = find(root, role="slider")
    if slider is not None:
        slider.set_current_value(2019 * 12 + 11)

    def suppliers():
        node = find(root, name="Suppliers’ shares of its arms imports")
        return node.get_description() if node is not None else ""

    shown = wait_for(lambda: "Germany\t835.90" in suppliers(), timeout=20)
    lines = original.split(b"\r\n")
    edited = b"\r\n".join(l for l in lines if b",Germany,Greece," not in l)
    with open(copy + ".tmp", "wb") as f:
        f.write(edited)
    os.replace(copy + ".tmp", copy)
    reloaded = wait_for(lambda: "2015–2019" in suppliers() and "Germany\t" not in suppliers()
                        and "United States\t259.66" in suppliers(), timeout=20)
    tap(shown is not None and reloaded is not None,
        "a register changed on disk is reloaded: without Germany's deliveries to Greece, its chart drops Germany",
        suppliers())
    stop(proc)
    proc, root = start(env_kept)
    remembered = wait_for(lambda: find(root, contains="+ SIPRI trade register, data generated 12 Feb 2026"), timeout=30)
    tap(remembered is not None, "started again without --sipri, the register added to the dataset is there again")

    # The menu adds and removes it; removed, it is forgotten.
    menus = [n for n in walk(root) if n.get_role_name() == "push button" and n.get_name() == "GtkMenuButton"]
    if menus:
        e2e.click(menus[-1])
    add_item = wait_for(lambda: find(root, role="menu item", name="Add SIPRI Trade Register…"), timeout=10)
    remove_item = find(root, role="menu item", name="Remove Trade Register")
    tap(add_item is not None and remove_item is not None, "the menu offers to add and to remove a trade register")
    if remove_item is not None:
        e2e.click(remove_item)
    gone = wait_for(lambda: find(root, contains="+ SIPRI trade register") is None, timeout=10)
    tap(gone is not None, "Remove Trade Register takes the second source away")
    stop(proc)
    proc, root = start(env_kept)
    wait_for(lambda: find(root, role="frame", name=title), timeout=30)
    time.sleep(2)
    tap(find(root, contains="+ SIPRI trade register") is None, "a removed register is not added at the next start")
    stop(proc)
    bus.terminate()


if __name__ == "__main__":
    try:
        main()
    finally:
        for p in e2e.started:
            if p.poll() is None:
                p.kill()
        print(f"1..{len(e2e.results)}")
    sys.exit(0 if e2e.results and all(e2e.results) else 1)
