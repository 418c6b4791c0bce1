#!/usr/bin/env python3
"""The contrast of the side panel's secondary text against its background,
from ui/style.css and libadwaita 1.2's colours, in the light, dark and
high-contrast styles: at least 4.5:1 (WCAG 2.1 AA for body text). Also
that the history's texts do not use dim-label (opacity 0.55: 3.2:1)."""
import re
import sys

root = sys.argv[1]
n = 0


def tap(ok, what):
    global n
    n += 1
    print(("ok" if ok else "not ok"), n, "-", what)
    return ok


def luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def over(fg, alpha, bg):
    return tuple(f * alpha + b * (1 - alpha) for f, b in zip(fg, bg))


css = open(f"{root}/ui/style.css", encoding="utf-8").read()
m = re.search(r"\.secondary-text\s*\{[^}]*opacity:\s*([\d.]+)", css)
tap(m is not None, ".secondary-text sets an opacity in ui/style.css")
opacity = float(m.group(1)) if m else 1.0
# libadwaita 1.2: window and view foreground and background colours.
styles = {
    "light": ((0, 0, 0), 0.8, (250, 250, 250)),
    "light, view": ((0, 0, 0), 0.8, (255, 255, 255)),
    "dark": ((255, 255, 255), 1.0, (36, 36, 36)),
    "dark, view": ((255, 255, 255), 1.0, (30, 30, 30)),
    "high contrast": ((0, 0, 0), 1.0, (255, 255, 255)),
}
for name, (fg, alpha, bg) in styles.items():
    shown = over(fg, alpha * opacity, bg)
    ratio = contrast(shown, bg)
    tap(ratio >= 4.5, f"{name}: secondary text {ratio:.2f}:1 (at least 4.5:1)")
# dim-label, for the record of why it is not used.
dim = contrast(over((0, 0, 0), 0.8 * 0.55, (250, 250, 250)), (250, 250, 250))
tap(dim < 4.5, f"dim-label would be {dim:.2f}:1 in the light style (why it is not used)")
panel = open(f"{root}/src/widgets/straits-side-panel.c", encoding="utf-8").read()
tap('new_inscription ("dim-label"' not in panel and 'add_css_class (meta, "dim-label")' not in panel,
    "the history's summaries and dates do not use dim-label")
print(f"1..{n}")
