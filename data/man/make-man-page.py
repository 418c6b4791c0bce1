#!/usr/bin/env python3
"""Writes the manual page straits(1) from the program's own --help and
--version output, so that the page lists exactly the options the program
has. Run at build time on the built executable:

    make-man-page.py STRAITS PKGDATADIR OUTPUT

GLib prints its help as "Usage:", a summary, then groups ("Application
Options:") of lines "  -s, --long=ARG      description". The sections
after OPTIONS (FILES, ENVIRONMENT, SEE ALSO) are written here.
"""
import os
import re
import subprocess
import sys
import time

OPTION_LINE = re.compile(r"^  (-\S.*?)\s{2,}(\S.*)$")
GROUP_LINE = re.compile(r"^(\S.*) Options:$")

EXTRA = r"""
.SH "EXIT STATUS"
0 on success; 1 when a file could not be read or written, a dataset has
errors, or an option is wrong. With \fB\-\-diff\fR, as diff(1): 0 when the
datasets say the same, 1 when they differ, 2 on trouble.
.SH ENVIRONMENT
.TP
.B STRAITS_DATA_DIR
The folder of the basemap, the maritime data and the bundled dataset,
instead of \fI@PKGDATADIR@\fR.
.TP
.B XDG_DATA_DIRS
Where straits looks for \fIstraits/\fR when its data is not in the prefix
it is installed in.
.TP
.B XDG_DATA_HOME
Bookmarks are kept in \fI$XDG_DATA_HOME/straits/bookmarks.json\fR.
.TP
.B XDG_CACHE_HOME
The territorial-sea measurements, and each map projection's projected
points (so that a start after the first need not open PROJ), are cached in
\fI$XDG_CACHE_HOME/straits\fR; the folder can be removed at any time.
With \fBSTRAITS_NO_CACHE=1\fR, straits neither reads nor writes it.
.TP
.B LANGUAGE
The language of the interface and of reports (German, French and Turkish
translations are installed).
.SH FILES
.TP
.I @PKGDATADIR@/datasets/turkey\-european\-security.json
The bundled dataset, opened when no other is named.
.TP
.I @PKGDATADIR@/schema/straits\-dataset\-1.schema.json
A JSON Schema of the dataset format, for editors.
.TP
.I @PKGDATADIR@/templates/
Workbook templates (ODS, XLSX) with a sheet per list of the dataset format,
and the bundled dataset as a workbook, for \fB\-\-check\fR and \fB\-\-convert\fR.
.SH "SEE ALSO"
The dataset format, the maritime measurements and their methods are
described in the documentation that comes with Straits (\fIdocs/\fR in
its sources).
"""


def roff_text(text):
    """Escapes @text for roff: backslashes, minus signs, leading dots and
    quotes, and non-ASCII characters as \\[uXXXX]."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    text = "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in text)
    if text.startswith((".", "'")):
        text = "\\&" + text
    return text


def option_term(term):
    """"-h, --help" or "--export=FILE": option names bold, arguments italic."""
    def one(part):
        name, sep, arg = part.partition("=")
        return f"\\fB{roff_text(name)}\\fR" + (f"=\\fI{roff_text(arg)}\\fR" if sep else "")
    return ", ".join(one(p.strip()) for p in term.split(","))


def parse_help(text):
    """(usage, summary, [(group, [(term, description)])]) from GLib's help."""
    lines = text.splitlines()
    usage, summary, groups = "", [], []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line == "Usage:" and i + 1 < len(lines):
            usage = lines[i + 1].strip()
            i += 2
            continue
        group = GROUP_LINE.match(line)
        option = OPTION_LINE.match(line)
        if group:
            groups.append((group.group(1), []))
        elif option and groups:
            groups[-1][1].append((option.group(1), option.group(2)))
        elif line.strip() and not groups:
            summary.append(line.strip())
        i += 1
    return usage, " ".join(summary), groups


def man_page(help_text, version_text, pkgdatadir):
    usage, summary, groups = parse_help(help_text)
    if not usage or not groups:
        raise ValueError("the help output has no usage line or no options")
    program, _, synopsis = usage.partition(" ")
    version = version_text.strip()
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    date = time.strftime("%Y-%m-%d", time.gmtime(int(epoch))) if epoch else ""
    name_line = summary.rstrip(".")
    name_line = name_line[:1].lower() + name_line[1:]
    out = [
        f'.TH {program.upper()} 1 "{date}" "{roff_text(version)}" "User Commands"',
        ".SH NAME",
        f"{program} \\- {roff_text(name_line)}",
        ".SH SYNOPSIS",
        f".B {program}",
        roff_text(synopsis),
        ".SH DESCRIPTION",
        roff_text(summary),
        ".PP",
        "Without an option that exports or reports, straits opens its window on the",
        "dataset files given, else on the one opened last, else on the bundled one.",
        ".SH OPTIONS",
    ]
    for group, options in groups:
        out.append(f'.SS "{roff_text(group)} Options"')
        for term, description in options:
            out += [".TP", option_term(term), roff_text(description)]
    return "\n".join(out) + "\n" + EXTRA.lstrip("\n").replace("@PKGDATADIR@", roff_text(pkgdatadir))


def run(program, *args):
    # English, whatever the builder's language.
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    return subprocess.run([program, *args], env=env, capture_output=True, text=True, check=True,
                          timeout=60).stdout


def main():
    program, pkgdatadir, output = sys.argv[1:4]
    page = man_page(run(program, "--help"), run(program, "--version"), pkgdatadir)
    with open(output + ".tmp", "w", encoding="ascii") as f:
        f.write(page)
    os.replace(output + ".tmp", output)


if __name__ == "__main__":
    main()
