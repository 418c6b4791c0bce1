#!/usr/bin/python3
"""Tests of Straits as installed: the files where GNOME looks for them, the
installed program run with a clean environment (no STRAITS_DATA_DIR, no
source tree), its window under Xvfb read through AT-SPI, and the
validators of the desktop file, the AppStream metainfo and the manual.

    test-installed.py --build BUILDDIR      installs BUILDDIR into a temporary
                                            DESTDIR first (meson test --suite installed)
    test-installed.py --prefix /usr         tests what is installed under /usr
                                            (after apt install ./straits_*.deb)

Needs a display and a D-Bus session (scripts/test gives both; else
xvfb-run -a dbus-run-session -- test-installed.py …). Prints TAP.
"""
import argparse
import gettext
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from atspi_tree import find, find_all_names, start_accessibility_bus, start_application, wait_for

APP_ID = "eu.straits.Straits"
VIEWS = ("Black Sea", "Aegean", "EU Groupings")  # the built-in views, by their English names
results = []
started = []


def tap(ok, name, detail=""):
    results.append(bool(ok))
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}", flush=True)
    if detail and not ok:
        for line in str(detail).splitlines()[:60]:
            print(f"# {line}")


def clean_env(**variables):
    """A clean environment: a locale and @variables (and the sanitizers'
    options, for a build under AddressSanitizer), nothing else."""
    env = {name: os.environ[name] for name in ("ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS")
           if name in os.environ}
    env.update(LC_ALL="C.UTF-8", **variables)
    return env


def run(argv, env, timeout=180, **kwargs):
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=timeout, **kwargs)


def png_size(path):
    """(width, height) of the PNG at @path, or None."""
    try:
        with open(path, "rb") as f:
            head = f.read(24)
    except OSError:
        return None
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def tree(root):
    """Every file and folder under @root with its size and time, to see
    whether a run wrote anything there."""
    found = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(folder, name)
            st = os.lstat(path)
            found[path] = (st.st_size, st.st_mtime_ns)
    return found


def desktop_mime_types(path):
    for line in open(path, encoding="utf-8"):
        if line.startswith("MimeType="):
            return {t for t in line.strip().split("=", 1)[1].split(";") if t}
    return set()


def post_install(share):
    """What meson's gnome.post_install does, and skips under DESTDIR (a
    package manager's triggers do it for a package)."""
    steps = [["glib-compile-schemas", f"{share}/glib-2.0/schemas"],
             ["update-mime-database", f"{share}/mime"],
             ["gtk4-update-icon-cache", "-q", "-t", "-f", f"{share}/icons/hicolor"],
             ["update-desktop-database", "-q", f"{share}/applications"]]
    failed = []
    for step in steps:
        if shutil.which(step[0]) is None:
            continue
        r = subprocess.run(step, capture_output=True, text=True)
        if r.returncode != 0:
            failed.append(f"{' '.join(step)}: {r.stderr.strip()}")
    return failed


def check_files(prefix):
    share = f"{prefix}/share"
    expected = {
        "the program": [f"{prefix}/bin/straits"],
        "the data (basemap, maritime data, bundled dataset, schema)": [
            f"{share}/straits/basemap/europe-10m.sbm", f"{share}/straits/basemap/europe-50m.sbm",
            f"{share}/straits/maritime/land-100m.sbm", f"{share}/straits/maritime/sea-limits-10m.json",
            f"{share}/straits/datasets/turkey-european-security.json",
            f"{share}/straits/schema/straits-dataset-1.schema.json"],
        "the GSettings schema, compiled": [f"{share}/glib-2.0/schemas/{APP_ID}.gschema.xml",
                                           f"{share}/glib-2.0/schemas/gschemas.compiled"],
        "the desktop file and the AppStream metainfo": [f"{share}/applications/{APP_ID}.desktop",
                                                         f"{share}/metainfo/{APP_ID}.metainfo.xml"],
        "the scalable and symbolic icons": [f"{share}/icons/hicolor/scalable/apps/{APP_ID}.svg",
                                            f"{share}/icons/hicolor/symbolic/apps/{APP_ID}-symbolic.svg"],
        "the translations": [f"{share}/locale/{lang}/LC_MESSAGES/straits.mo" for lang in ("de", "fr", "tr")],
        "the manual page": [f"{share}/man/man1/straits.1"],
        "the dataset MIME type": [f"{share}/mime/packages/{APP_ID}.xml"],
    }
    for what, paths in expected.items():
        missing = [p for p in paths if not os.path.isfile(p)]
        # A package compresses its manual page.
        missing = [p for p in missing if not (p.endswith(".1") and os.path.isfile(p + ".gz"))]
        tap(not missing, f"installed: {what}", "missing: " + ", ".join(missing))


def check_command_line(prefix, work, configured_prefix):
    straits = f"{prefix}/bin/straits"
    share = f"{prefix}/share"
    bundled = f"{share}/straits/datasets/turkey-european-security.json"
    env = clean_env(HOME=work, XDG_CONFIG_HOME=f"{work}/config", XDG_DATA_HOME=f"{work}/data",
                    XDG_CACHE_HOME=f"{work}/cache")
    r = run([straits, "--version"], env)
    metainfo = ET.parse(f"{share}/metainfo/{APP_ID}.metainfo.xml").getroot()
    newest = metainfo.find("releases/release").get("version")
    tap(r.returncode == 0 and r.stdout.strip() == f"straits {newest}",
        f"--version prints the version of the newest release in the metainfo ({newest})", r.stdout + r.stderr)

    r = run([straits, "--check", bundled], env)
    tap(r.returncode == 0 and "valid:" in r.stdout, "--check passes the installed bundled dataset",
        r.stdout + r.stderr)

    png = f"{work}/black-sea.png"
    r = run([straits, f"--export={png}", "--view=black-sea", "--size=slide-16x9"], dict(env, G_MESSAGES_DEBUG="all"))
    tap(r.returncode == 0 and png_size(png) == (1920, 1080),
        "--export draws the Black Sea on the installed basemap (a 1920×1080 PNG)",
        f"exit {r.returncode}, size {png_size(png)}: {r.stderr}")
    # GLib writes debug messages to stdout.
    where = re.search(r"Data directory: (\S+) \(from ([^)]*)\)", r.stdout + r.stderr)
    tap(where is not None and where.group(1) == f"{share}/straits" and where.group(2) == "the executable's prefix",
        f"the program finds its data in its own prefix ({share}/straits), not in a source tree",
        where.group(0) if where else r.stderr)

    # A program moved away from its data finds it through XDG_DATA_DIRS
    # (unless the configured prefix has it, as a package's does).
    moved = f"{work}/moved/bin/straits"
    os.makedirs(os.path.dirname(moved))
    shutil.copy(straits, moved)
    r = run([moved, f"--export={work}/moved.png", "--view=aegean"],
            dict(env, G_MESSAGES_DEBUG="all", XDG_DATA_DIRS=f"{work}/nothing:{share}"))
    where = re.search(r"Data directory: (\S+) \(from ([^)]*)\)", r.stdout + r.stderr)
    configured = f"{configured_prefix}/share/straits"
    expected = (configured, "the configured prefix") if os.path.isdir(configured) else \
        (f"{share}/straits", "XDG_DATA_DIRS")
    tap(r.returncode == 0 and where is not None and where.groups() == expected,
        f"a copy of the program elsewhere finds the data in {expected[0]} ({expected[1]})",
        where.group(0) if where else r.stdout + r.stderr)

    r = run([straits, "--maritime-report", "--format=json"], env)
    try:
        report = json.loads(r.stdout)
        shares = report["aegean"]["limits"][1]["share_pct"]
    except (ValueError, KeyError, IndexError, TypeError):
        shares = None
    tap(r.returncode == 0 and shares is not None and 0 < shares.get("GRC", 0) < 100,
        "--maritime-report measures the Aegean from the installed maritime data", r.stdout[:500] + r.stderr)
    cache = os.path.join(work, "cache", "straits")
    tap(os.path.isdir(cache) and len(os.listdir(cache)) > 0,
        "the report's cache is written under XDG_CACHE_HOME", os.listdir(work))

    english = run([straits, "--help"], env).stdout
    german = run([straits, "--help"], dict(env, LANGUAGE="de")).stdout
    catalogue = gettext.translation("straits", localedir=f"{share}/locale", languages=["de"], fallback=True)
    summary = next((line for line in english.splitlines()[2:] if line.strip()), "")
    tap(summary and catalogue.gettext(summary) != summary and catalogue.gettext(summary) in german,
        "with LANGUAGE=de the help is German (the installed catalogue)", german[:400])
    return env


def check_metadata(prefix, work):
    share = f"{prefix}/share"
    desktop = f"{share}/applications/{APP_ID}.desktop"
    metainfo = f"{share}/metainfo/{APP_ID}.metainfo.xml"
    r = run(["desktop-file-validate", desktop], None)
    tap(r.returncode == 0 and not r.stdout.strip(), "desktop-file-validate accepts the installed desktop file (not a hint)",
        r.stdout + r.stderr)
    r = run(["appstreamcli", "validate", "--no-net", "--explain", metainfo], None)
    tap(r.returncode == 0, "appstreamcli validate --no-net accepts the installed metainfo", r.stdout + r.stderr)

    root = ET.parse(metainfo).getroot()
    provided = {m.text for m in root.findall("provides/mediatype")}
    declared = desktop_mime_types(desktop)
    tap(provided and provided <= declared,
        "the media types the metainfo provides are in the desktop file's MimeType",
        f"metainfo {sorted(provided)}, desktop file {sorted(declared)}")
    launchable = root.find("launchable")
    tap(launchable is not None and launchable.text == f"{APP_ID}.desktop"
        and root.find("content_rating") is not None and root.findall("screenshots/screenshot"),
        "the metainfo has a launchable, a content rating and screenshots")

    page = f"{share}/man/man1/straits.1"
    page = page if os.path.isfile(page) else page + ".gz"
    man_env = {"LC_ALL": "C.UTF-8", "MANWIDTH": "80", "PATH": "/usr/bin:/bin"}
    r = run(["man", "-l", page], man_env)
    text = re.sub(r".\x08", "", r.stdout)
    tap(r.returncode == 0 and all(s in text for s in ("NAME", "SYNOPSIS", "OPTIONS")),
        "man -l shows the manual page straits(1)", r.stdout[:800] + r.stderr)
    warnings = run(["man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", page], man_env)
    tap(warnings.returncode == 0 and not warnings.stderr.strip(), "groff has no warnings on the manual page",
        warnings.stderr)
    help_text = run([f"{prefix}/bin/straits", "--help"], clean_env()).stdout
    options = set(re.findall(r"^\s+(?:-\w, )?(--[a-z0-9-]+)", help_text, re.M))
    missing = sorted(o for o in options if o not in text.replace("\u2010", "-"))
    tap(len(options) > 10 and not missing,
        f"the manual page lists every option of the installed program's --help ({len(options)})",
        f"missing: {missing}")

    # A file manager's view: the dataset's type, and Straits to open it.
    mime_env = {"HOME": work, "XDG_DATA_HOME": f"{work}/empty", "XDG_CONFIG_HOME": f"{work}/empty",
                "XDG_DATA_DIRS": f"{share}:/usr/local/share:/usr/share",
                # GIO offers only applications whose program is in PATH.
                "PATH": f"{prefix}/bin:/usr/bin:/bin"}
    named = f"{work}/a-dataset.json"
    shutil.copy(f"{share}/straits/datasets/turkey-european-security.json", named)
    r = run(["gio", "info", "-a", "standard::content-type", named], mime_env)
    tap("application/x-straits-dataset+json" in r.stdout,
        "a dataset named *.json is recognised by its content as application/x-straits-dataset+json",
        r.stdout + r.stderr)
    r = run(["gio", "mime", "application/x-straits-dataset+json"], mime_env)
    tap(f"{APP_ID}.desktop" in r.stdout, "Straits is the application registered for datasets",
        r.stdout + r.stderr)


def check_window(prefix, work, env, screenshot):
    """The installed window, in German, with its three views and About."""
    share = f"{prefix}/share"
    for name in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
        if name not in os.environ:
            tap(False, f"the window can be started (no {name}: run under xvfb-run and dbus-run-session)")
            return
    display = {name: os.environ[name] for name in ("DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS")
               if name in os.environ}
    dataset = json.load(open(f"{share}/straits/datasets/turkey-european-security.json", encoding="utf-8"))
    title = dataset["metadata"]["title"]
    ids = {"black-sea": "Black Sea", "aegean": "Aegean", "eu-groupings": "EU Groupings"}
    dataset_views = {ids[v["id"]]: v["title"] for v in dataset.get("views", []) if v.get("id") in ids}
    catalogue = gettext.translation("straits", localedir=f"{share}/locale", languages=["de"], fallback=True)
    env = dict(env, **display,
               XDG_DATA_DIRS=f"{share}:/usr/local/share:/usr/share",
               GSETTINGS_BACKEND="memory",
               GTK_A11Y="atspi", NO_AT_BRIDGE="0",
               LANGUAGE="de", LANG="de_DE.UTF-8")
    bus = start_accessibility_bus()
    started.append(bus)
    log = open(f"{work}/window.log", "w+", encoding="utf-8")
    proc, root = start_application([f"{prefix}/bin/straits"], env, started, log=log)
    frame = wait_for(lambda: find(root, role="frame", name=title), timeout=60) if root else None
    tap(frame is not None, f"the installed window opens on the bundled dataset “{title}”",
        open(f"{work}/window.log", encoding="utf-8").read())
    # The tabs carry the views' titles as the dataset gives them (the
    # bundled dataset is in English); the interface around them is German.
    for view in VIEWS:
        title_in_dataset = dataset_views.get(view, catalogue.gettext(view))
        tab = wait_for(lambda: find(root, role="page tab", name=title_in_dataset), timeout=10) if root else None
        tap(tab is not None, f"the view “{title_in_dataset}” is offered", find_all_names(root)[:60] if root else "")
    for english in ("All events and relations", "History", "Arms Exports"):
        german = catalogue.gettext(english)
        shown = wait_for(lambda: find(root, name=german), timeout=10) if root else None
        tap(german != english and shown is not None, f"with LANGUAGE=de the side panel shows “{german}” ({english})",
            [n for n in find_all_names(root) if n[0] in ("label", "page tab")][:60] if root else "")
    log.seek(0)
    tap("is missing" not in log.read(), "the window finds its GSettings schema (no warning)",
        open(f"{work}/window.log", encoding="utf-8").read())

    subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID, "--object-path", "/eu/straits/Straits",
                    "--method", "org.gtk.Actions.Activate", "about", "[]", "{}"],
                   check=False, stdout=subprocess.DEVNULL, timeout=10)
    version = run([f"{prefix}/bin/straits", "--version"], clean_env()).stdout.split()[-1]
    about = wait_for(lambda: find(root, name=version), timeout=15) if root else None
    tap(about is not None, f"app.about opens the About window with the version {version}",
        find_all_names(root)[:80] if root else "")
    if screenshot:
        subprocess.run(["import", "-window", "root", screenshot], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"# the About window: {screenshot}")
    proc.terminate()
    try:
        code = proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        code = None
    tap(code == 0 or code == -15, f"the window closes when asked (exit status {code})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", help="install this meson build folder into a temporary DESTDIR first")
    parser.add_argument("--prefix", help="the installation prefix (default: the build's, or /usr)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--screenshot", help="where to keep a screenshot of the About window "
                        "(default: installed-about.png in $MESON_BUILD_ROOT, else none)")
    args = parser.parse_args()

    # Outside the build tree: a program there counts as uninstalled.
    work = tempfile.mkdtemp(prefix="straits-installed-")
    try:
        if args.build:
            options = json.load(open(os.path.join(args.build, "meson-info", "intro-buildoptions.json")))
            prefix = args.prefix or next(o["value"] for o in options if o["name"] == "prefix")
            destdir = os.path.join(work, "root")
            r = run(["meson", "install", "-C", args.build, "--destdir", destdir, "--no-rebuild", "--quiet"], None)
            tap(r.returncode == 0, f"meson install into DESTDIR={destdir}", r.stdout + r.stderr)
            installed = destdir + prefix
            failed = post_install(f"{installed}/share")
            tap(not failed, "the post-install steps (schemas, MIME, icons, desktop database) run", failed)
        else:
            prefix = installed = args.prefix or "/usr"
        home = os.path.join(work, "home")
        os.makedirs(home)
        # Everything the tests installed, or the program's own data folder.
        watched = destdir if args.build else f"{installed}/share/straits"
        before = tree(watched)
        check_files(installed)
        env = check_command_line(installed, home, prefix)
        check_metadata(installed, home)
        screenshot = args.screenshot or (os.path.join(os.environ["MESON_BUILD_ROOT"], "installed-about.png")
                                         if "MESON_BUILD_ROOT" in os.environ else None)
        check_window(installed, home, env, screenshot)
        after = tree(watched)
        changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
        tap(not changed, f"the program wrote nothing into {watched} (caches and settings go to the home)",
            changed[:20])
    finally:
        for p in started:
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    p.kill()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"# kept {work}")
        print(f"1..{len(results)}")
    sys.exit(0 if results and all(results) else 1)


if __name__ == "__main__":
    main()
