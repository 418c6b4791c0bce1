#!/usr/bin/python3
"""End-to-end test of the presenter console on two monitors.

Xvfb has one RandR output, and GTK 4.8 counts a RandR 1.5 monitor only
when it has an output (xrandr --setmonitor ... none is skipped), nor does
it read a second X screen; so this test starts an X server of its own,
Xorg with the dummy video driver, whose outputs DUMMY0 and DUMMY1 are
switched on side by side with xrandr: GTK sees two monitors, as with a
laptop and a projector. Run by meson inside dbus-run-session (see
scripts/test); prints TAP.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

from atspi_tree import find, start_accessibility_bus, start_application, wait_for, walk  # noqa: E402

STRAITS = os.path.abspath(sys.argv[1])
SOURCE_DATA = os.environ["STRAITS_DATA_DIR"]
BUNDLED = os.path.join(SOURCE_DATA, "datasets", "turkey-european-security.json")
OUT = os.environ.get("MESON_BUILD_ROOT", tempfile.gettempdir())
WIDTH, HEIGHT = 1280, 720
NOTES = "Say that the embargo was lifted; ask about the 2019 purchase."
results = []
started = []

XORG_CONF = f"""
Section "Device"
  Identifier "dummy"
  Driver "dummy"
  VideoRam 65536
EndSection
Section "Screen"
  Identifier "screen"
  Device "dummy"
  DefaultDepth 24
  SubSection "Display"
    Depth 24
    Virtual {2 * WIDTH} {HEIGHT}
  EndSubSection
EndSection
"""


def tap(ok, name, detail=""):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}")
    if detail and not ok:
        for line in str(detail).splitlines():
            print(f"# {line}")


def x(*args, **kwargs):
    return subprocess.run(list(args), capture_output=True, text=True, timeout=20, **kwargs)


def start_two_monitors(work):
    """Xorg with the dummy driver on a free display, two 1280x720 outputs
    side by side; returns the display name, or None with the reason."""
    display = 20 + os.getpid() % 200
    while os.path.exists(f"/tmp/.X{display}-lock") or os.path.exists(f"/tmp/.X11-unix/X{display}"):
        display += 1
    with open(os.path.join(work, "xorg.conf"), "w") as f:
        f.write(XORG_CONF)
    # Relative paths: Xorg takes -config and -logfile as such from anyone.
    server = subprocess.Popen(["Xorg", f":{display}", "-noreset", "-nolisten", "tcp", "-novtswitch",
                               "-config", "xorg.conf", "-logfile", "xorg.log"],
                              cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started.append(server)
    os.environ["DISPLAY"] = f":{display}"
    if wait_for(lambda: x("xdpyinfo").returncode == 0, timeout=20) is None:
        log = open(os.path.join(work, "xorg.log"), errors="replace").read()[-2000:]
        return None, f"Xorg with the dummy driver did not start:\n{log}"
    mode = f"{WIDTH}x{HEIGHT}"
    x("xrandr", "--newmode", mode, "74.25", "1280", "1390", "1430", "1650", "720", "725", "730", "750",
      "+hsync", "+vsync")
    for output in ("DUMMY0", "DUMMY1"):
        x("xrandr", "--addmode", output, mode)
    x("xrandr", "--output", "DUMMY0", "--mode", mode, "--pos", "0x0",
      "--output", "DUMMY1", "--mode", mode, "--pos", f"{WIDTH}x0")
    return display, x("xrandr", "--listactivemonitors").stdout


def windows_of(proc):
    """The application's top-level windows the window manager manages:
    {window id: (x, y, width, height)}."""
    found = {}
    clients = x("xprop", "-root", "_NET_CLIENT_LIST").stdout
    for wid in re.findall(r"0x[0-9a-f]+", clients):
        if not x("xprop", "-id", wid, "_NET_WM_PID").stdout.strip().endswith(f"= {proc.pid}"):
            continue
        info = x("xwininfo", "-id", wid).stdout
        values = [int(re.search(rf"{key}:\s+(-?\d+)", info).group(1))
                  for key in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")]
        found[wid] = tuple(values)
    return found


def window_named(proc, name):
    for wid, geometry in windows_of(proc).items():
        if name in x("xprop", "-id", wid, "_NET_WM_NAME").stdout:
            return wid, geometry
    return None, None


def key(name):
    x("xdotool", "key", name)


def label_containing(root, text):
    return find(root, role="label", contains=text)


def showing(node):
    """Whether @node takes room on screen: GTK 4.8 gives no SHOWING state,
    and a label in a closed revealer is still in the tree, visible."""
    try:
        e = node.get_component_iface().get_extents(Atspi.CoordType.SCREEN)
        return e.width > 0 and e.height > 0
    except Exception:
        return False


def main():
    work = tempfile.mkdtemp(prefix="straits-console-")
    display, monitors = start_two_monitors(work)
    tap(display is not None and "DUMMY1" in monitors, "a display with two monitors side by side", monitors)
    if display is None:
        return
    wm = subprocess.Popen(["openbox", "--sm-disable"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started.append(wm)
    bus = start_accessibility_bus()
    started.append(bus)
    title = json.load(open(BUNDLED, encoding="utf-8"))["metadata"]["title"]
    env = dict(os.environ)
    env.update({"HOME": work, "XDG_CONFIG_HOME": os.path.join(work, "config"),
                "XDG_DATA_HOME": os.path.join(work, "data"), "XDG_CACHE_HOME": os.path.join(work, "cache"),
                "GSETTINGS_BACKEND": "memory", "GTK_A11Y": "atspi", "NO_AT_BRIDGE": "0"})
    os.makedirs(os.path.join(work, "data", "straits"))
    with open(os.path.join(work, "data", "straits", "bookmarks.json"), "w", encoding="utf-8") as f:
        json.dump({"format": "straits-bookmarks", "version": 1, "bookmarks": [
            {"title": "Poland and the drones", "dataset": title, "view": "eu-groupings", "time": "2014-06",
             "selection": ["POL"], "notes": NOTES}]}, f)
    views = json.load(open(BUNDLED, encoding="utf-8")).get("views", [])
    n_slides = len(views) + 1

    proc, root = start_application([STRAITS], env, started)
    tap(root is not None and wait_for(lambda: find(root, role="frame", name=title), timeout=30) is not None,
        "the application starts on the first monitor")
    if root is None:
        return
    main_id, before = window_named(proc, title)
    x("xdotool", "windowactivate", "--sync", main_id or "0")
    key("F5")
    console_label = wait_for(lambda: label_containing(root, f"Slide 1 of {n_slides}"), timeout=15)
    console_id, console = wait_for(lambda: window_named(proc, "Presenter Console")
                                   if window_named(proc, "Presenter Console")[0] else None, timeout=15) or (None, None)
    time.sleep(1.5)
    _, audience = window_named(proc, title)
    tap(console_label is not None and console is not None,
        "F5 opens the presenter console, which names the slide", console_label.get_name() if console_label else "")
    tap(audience == (WIDTH, 0, WIDTH, HEIGHT) and console == (0, 0, WIDTH, HEIGHT),
        "the slide fills the second monitor, the console the first (the window's own)",
        f"window before {before}, slide {audience}, console {console}")
    next_label = label_containing(root, "Next: ")
    tap(next_label is not None and views and views[1]["title"] in next_label.get_name(),
        "the console names the next slide", next_label.get_name() if next_label else "")
    clock = wait_for(lambda: label_containing(root, " elapsed"), timeout=5)
    first = clock.get_name() if clock else ""
    time.sleep(2.2)
    later = clock.get_name() if clock else ""
    tap(clock is not None and first != later and re.match(r"\d\d:\d\d:\d\d elapsed", later),
        "the console counts the time elapsed", f"{first} then {later}")
    x("import", "-window", "root", os.path.join(OUT, "e2e-console-first.png"))

    # The keys go to the console (it has the focus): on to the bookmark.
    for _ in range(n_slides - 1):
        key("Next")
        time.sleep(0.8)
    last = wait_for(lambda: label_containing(root, f"Slide {n_slides} of {n_slides}"), timeout=15)
    # Two labels carry the notes: the console's, and the one over the
    # audience's slide that N reveals; only the console's shows.
    def notes_shown():
        return [n for n in walk(root) if (n.get_name() or "") == NOTES and showing(n)]
    shown = wait_for(notes_shown, timeout=10) or []
    console_root = find(root, role="frame", name="Presenter Console")
    in_console = [n for n in walk(console_root) if (n.get_name() or "") == NOTES] if console_root else []
    tap(last is not None and len(shown) == 1 and len(in_console) == 1 and showing(in_console[0]),
        "the last slide's speaker notes are on the console, and only there",
        f"{last.get_name() if last else None}; notes shown {len(shown)}, in the console {len(in_console)}; "
        f"extents {[str(n.get_component_iface().get_extents(Atspi.CoordType.SCREEN).__dict__) for n in walk(root) if (n.get_name() or '') == NOTES]}")
    # The slide stored "as of June 2014" shows June 2014, whatever the
    # slider said (the first slide left it at all dates).
    caption = label_containing(root, "4 / 4")
    tap(caption is not None and "June 2014" in caption.get_name(),
        "a slide stored as of June 2014 shows June 2014, and its caption says so",
        caption.get_name() if caption else "")
    end = label_containing(root, "End of the presentation")
    tap(end is not None, "after the last slide the console says the presentation ends")
    x("import", "-window", "root", os.path.join(OUT, "e2e-console-last.png"))

    key("Escape")
    gone = wait_for(lambda: window_named(proc, "Presenter Console")[0] is None, timeout=10)
    _, after = wait_for(lambda: window_named(proc, title)
                        if window_named(proc, title)[1] not in (None, (WIDTH, 0, WIDTH, HEIGHT)) else None,
                        timeout=10) or (None, None)
    tap(gone is not None and after is not None, "Escape on the console ends the presentation and closes the console",
        f"window after {after}")
    proc.terminate()
    proc.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)


def run():
    try:
        main()
    finally:
        for p in reversed(started):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    p.kill()
        print(f"1..{len(results)}")
    sys.exit(0 if results and all(results) else 1)


if __name__ == "__main__":
    run()
