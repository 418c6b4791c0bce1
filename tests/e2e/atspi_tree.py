"""Reading an application through the accessibility tree (AT-SPI), as
assistive technology sees it: shared by the end-to-end tests of the built
program (test-app.py) and of the installed one (test-installed.py)."""
import shutil
import subprocess
import sys
import threading
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402


def start_accessibility_bus():
    """Starts the accessibility bus on the session bus of the test."""
    bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    return bus


def wait_for(predicate, timeout=20.0, step=0.2):
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = predicate()
        except Exception:  # the tree changes under us
            value = None
        if value:
            return value
        time.sleep(step)
    return None


def walk(node, depth=0, limit=40):
    if node is None or depth > limit:
        return
    yield node
    try:
        n = node.get_child_count()
    except Exception:
        return
    for i in range(n):
        try:
            child = node.get_child_at_index(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, limit)


def find(root, role=None, name=None, contains=None):
    for node in walk(root):
        try:
            if role is not None and node.get_role_name() != role:
                continue
            n = node.get_name() or ""
            if name is not None and n != name:
                continue
            if contains is not None and contains not in n:
                continue
            return node
        except Exception:
            continue
    return None


def find_all_names(root):
    names = []
    for node in walk(root):
        try:
            names.append((node.get_role_name(), node.get_name()))
        except Exception:
            pass
    return names


def app_root(pid):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None



def start_application(argv, env, started, cwd=None, log=None):
    """Starts the application (@argv), adds it to @started and finds it on
    the accessibility bus; its stderr goes on to @log (default: ours).
    Returns (process, root of its tree or None). Now and then, under meson
    only, GTK's first connection to a fresh Xvfb fails ("cannot open
    display") although xdpyinfo connects a moment before; such a start is
    reported and made once more."""
    for attempt in range(2):
        proc = subprocess.Popen(argv, env=env, cwd=cwd, stderr=subprocess.PIPE, text=True)
        started.append(proc)
        root = wait_for(lambda: app_root(proc.pid) or proc.poll() is not None, timeout=30)
        if proc.poll() is None:
            threading.Thread(target=shutil.copyfileobj, args=(proc.stderr, log or sys.stderr), daemon=True).start()
            return proc, root if root is not True else None
        print(f"# the application exited at start ({proc.returncode}): {proc.stderr.read().strip()}")
    return proc, None
