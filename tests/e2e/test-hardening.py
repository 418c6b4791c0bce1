#!/usr/bin/python3
"""End-to-end tests of the window against hostile files (issue 18).

Live reload under stress: an 11 MB dataset rewritten in place every 0.3 s
once crashed the window after about eight rewrites (a cancelled load freed
a NULL result). The window must survive, keep a valid dataset on screen
throughout, load the file once it settles, and keep the data on screen
when the settled file is broken.

The bookmarks file: nested 100,000 deep it overflowed the stack when the
presentation started; a FIFO hung; a symbolic link was replaced by a
regular file on save. Each is refused or written through, the user told,
the user's file kept byte for byte.

Uses the helpers of test-app.py. Run by meson inside xvfb-run and
dbus-run-session (see scripts/test). Prints TAP.
"""
import importlib.util
import json
import os
import shutil
import stat
import subprocess
import tempfile
import threading
import time

_spec = importlib.util.spec_from_file_location("e2e_app", os.path.join(os.path.dirname(__file__), "test-app.py"))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)
tap, wait_for, find, start, stop, press = e2e.tap, e2e.wait_for, e2e.find, e2e.start, e2e.stop, e2e.press

TARGET_BYTES = 11 * 1024 * 1024 * 11 // 10  # the estimate below comes out about 10 % short
REWRITES = 24
PERIOD_S = 0.3


def big_dataset():
    """The bundled dataset grown to 11 MB with events, as a dict."""
    data = json.load(open(e2e.BUNDLED, encoding="utf-8"))
    template = data["events"][0]
    base = len(json.dumps(data))
    size_each = len(json.dumps(template)) + 2
    for i in range((TARGET_BYTES - base) // size_each + 1):
        event = dict(template, id=f"ev-synthetic-{i}", date=f"{1995 + i % 30}",
                     title=f"Synthetic event {i} of a large dataset")
        event.pop("relations", None)
        data["events"].append(event)
    return data


def window_title(root):
    """The window's title; the accessibility tree may be read while it
    changes, so a failed read is made again."""
    for attempt in range(5):
        frame = wait_for(lambda: find(root, role="frame"), timeout=2)
        try:
            return frame.get_name()
        except Exception:
            time.sleep(0.1)
    return None


def write_in_place(path, text):
    """Rewrites the file as a script would: truncated, then written."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def bookmarks_of(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["bookmarks"]


def hostile_bookmarks(env, work, title):
    """The window with a bookmarks file that once crashed, hung or was
    replaced. Under a window manager, for the keys."""
    marks_dir = os.path.join(work, "data", "straits")
    marks = os.path.join(marks_dir, "bookmarks.json")

    def asides():
        return [os.path.join(marks_dir, n) for n in os.listdir(marks_dir) if n.startswith("bookmarks.json.damaged-")]

    def reset():
        shutil.rmtree(marks_dir, ignore_errors=True)
        os.makedirs(marks_dir)

    # Nested 100,000 deep: the presentation starts, the file is set aside.
    reset()
    deep = "[" * 100000 + "]" * 100000
    with open(marks, "w", encoding="utf-8") as f:
        f.write(deep)
    proc, root = start(env)
    wait_for(lambda: find(root, role="frame", name=title), timeout=60)
    press(proc, "F5")
    slide = wait_for(lambda: find(root, role="label", contains="1 / "), timeout=20)
    told = wait_for(lambda: find(root, contains="is damaged"), timeout=20)
    tap(proc.poll() is None and slide is not None, "F5 with bookmarks nested 100,000 deep starts the presentation",
        f"exit status {proc.poll()}")
    tap(told is not None, "the user is told the bookmarks file is damaged")
    kept = asides()
    tap(len(kept) == 1 and open(kept[0], encoding="utf-8").read() == deep,
        "the damaged bookmarks file is kept aside byte for byte", kept)
    press(proc, "Escape")
    stop(proc)

    # A link to the user's real file: Ctrl+D saves through it.
    reset()
    synced = os.path.join(work, "synced")
    os.makedirs(synced, exist_ok=True)
    real = os.path.join(synced, "bookmarks.json")
    with open(real, "w", encoding="utf-8") as f:
        json.dump({"format": "straits-bookmarks", "version": 1,
                   "bookmarks": [{"title": "Kept", "dataset": title, "view": "aegean"}]}, f)
    os.symlink(real, marks)
    proc, root = start(env)
    wait_for(lambda: find(root, role="frame", name=title), timeout=60)
    press(proc, "ctrl+d")
    added = wait_for(lambda: find(root, contains="added to the presentation"), timeout=20)
    saved = bookmarks_of(real) if added else []
    tap(added is not None and os.path.islink(marks) and os.readlink(marks) == real,
        "a bookmark added through a linked bookmarks file keeps the link")
    tap([b["title"] for b in saved][:1] == ["Kept"] and len(saved) == 2,
        "the link's target holds the old bookmark and the new one", saved)
    stop(proc)

    # A FIFO: Ctrl+D does not hang; the FIFO is set aside, a new file made.
    reset()
    os.mkfifo(marks)
    proc, root = start(env)
    wait_for(lambda: find(root, role="frame", name=title), timeout=60)
    press(proc, "ctrl+d")
    added = wait_for(lambda: find(root, contains="added to the presentation"), timeout=20)
    kept = asides()
    tap(proc.poll() is None and added is not None, "Ctrl+D with a FIFO as the bookmarks file does not hang")
    tap(len(kept) == 1 and stat.S_ISFIFO(os.lstat(kept[0]).st_mode) and len(bookmarks_of(marks)) == 1,
        "the FIFO is set aside and the bookmark saved in a new file", kept)
    stop(proc)


def broken_start(env, work):
    """A start on a broken file, with nothing shown before: the map's place
    says what is wrong with the file and where, instead of staying blank,
    and the history that no dataset is open (not that the dataset records
    nothing)."""
    path = os.path.join(work, "cut.json")
    with open(e2e.BUNDLED, encoding="utf-8") as f:
        write_in_place(path, f.read()[:20000])
    proc, root = start(env, path)
    heading = root and wait_for(lambda: find(root, name="No Map Data"), timeout=30)
    place = root and wait_for(lambda: find(root, role="label", contains="cut.json:"), timeout=5)
    history = root and wait_for(lambda: find(root, name="No dataset is open."), timeout=5)
    tap(heading is not None and place is not None and history is not None,
        "a start on a broken file says in the map's place what is wrong, and the history that no dataset is open",
        f"heading {heading is not None}, the file's place {place is not None}, history {history is not None}")
    stop(proc)


def main():
    work = tempfile.mkdtemp(prefix="straits-e2e-hardening-")
    env = e2e.app_env(work)
    wait_for(lambda: subprocess.run(["xdpyinfo"], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL).returncode == 0, timeout=20)
    bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    # A window manager, for the keys.
    wm = subprocess.Popen(["openbox", "--sm-disable"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    e2e.started.append(wm)
    time.sleep(1)

    data = big_dataset()
    path = os.path.join(work, "large.json")
    data["metadata"]["title"] = "Large, as opened"
    texts = []
    for i in range(REWRITES):
        data["metadata"]["title"] = f"Large, rewrite {i + 1}"
        texts.append(json.dumps(data))
    data["metadata"]["title"] = "Large, settled"
    settled_text = json.dumps(data)
    data["metadata"]["title"] = "Large, as opened"
    write_in_place(path, json.dumps(data))
    print(f"# dataset of {os.path.getsize(path) / 1048576:.1f} MiB, {len(data['events'])} events")
    titles = {"Large, as opened", "Large, settled"} | {f"Large, rewrite {i + 1}" for i in range(REWRITES)}

    proc, root = start(env, path)
    tap(root is not None, "the application starts on an 11 MB dataset")
    if root is None:
        bus.terminate()
        return
    opened = wait_for(lambda: find(root, role="frame", name="Large, as opened"), timeout=60)
    tap(opened is not None, "the 11 MB dataset is shown")

    # Rewrites every 0.3 s, while the window's title is watched: it must
    # always name a complete dataset, never lose it.
    done = threading.Event()

    def rewrite():
        for text in texts:
            write_in_place(path, text)
            time.sleep(PERIOD_S)
        write_in_place(path, settled_text)
        done.set()

    writer = threading.Thread(target=rewrite, daemon=True)
    writer.start()
    seen, lost = set(), []
    while not done.is_set() and proc.poll() is None:
        name = window_title(root)
        if name in titles:
            seen.add(name)
        else:
            lost.append(name)
        time.sleep(0.2)
    writer.join(timeout=60)
    tap(proc.poll() is None, f"the window survives {REWRITES} rewrites 0.3 s apart",
        f"exit status {proc.poll()}")
    tap(not lost, "a complete dataset stays on screen while the file is rewritten",
        f"titles without a dataset: {lost}; seen {sorted(seen)}")
    settled = wait_for(lambda: find(root, role="frame", name="Large, settled"), timeout=60)
    tap(settled is not None, "once the file settles, its last version is loaded")

    # Reloading twice in a row: the second load supersedes the first,
    # whose end once freed a NULL result.
    subprocess.run(["xdotool", "key", "--delay", "30", "ctrl+r", "ctrl+r", "ctrl+r"], stderr=subprocess.DEVNULL)
    time.sleep(1)
    again = wait_for(lambda: find(root, role="frame", name="Large, settled"), timeout=60)
    tap(proc.poll() is None and again is not None,
        "reloads superseding each other (Ctrl+R three times) leave the window as it was",
        f"exit status {proc.poll()}")

    # The settled file broken (cut in the middle): its errors are
    # reported, the valid data stays.
    write_in_place(path, settled_text[: len(settled_text) // 2])
    toast = wait_for(lambda: find(root, contains="has 1 error"), timeout=60)
    tap(toast is not None, "a broken rewrite is reported")
    tap(proc.poll() is None and find(root, role="frame", name="Large, settled") is not None,
        "the previous dataset stays on screen after a broken rewrite")
    # The toast's Details: the file's name and where its errors are.
    details = wait_for(lambda: find(root, role="button", contains="Details")
                       or find(root, role="push button", contains="Details"), timeout=5)
    if details is None:
        print("# " + repr([n for n in e2e.find_all_names(root) if "etail" in (n[1] or "")]))
    if details is not None:
        e2e.click(details)
    heading = wait_for(lambda: find(root, contains="“large.json” Could Not Be Opened"), timeout=10)
    place = wait_for(lambda: find(root, contains="large.json:"), timeout=5)
    tap(details is not None and heading is not None and place is not None,
        "the toast's Details name the file and the place of its error",
        f"button {details is not None}, heading {heading is not None}, place {place is not None}")
    stop(proc)

    broken_start(env, work)
    title = json.load(open(e2e.BUNDLED, encoding="utf-8"))["metadata"]["title"]
    hostile_bookmarks(env, work, title)
    bus.terminate()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    e2e.run(main)
