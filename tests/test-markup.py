#!/usr/bin/env python3
# test-markup.py: every string that reaches a Pango markup API in src/ is
# either a literal (perhaps translated) or a variable whose name says it
# has been escaped (ending in "markup" or "escaped", made with
# g_markup_escape_text() or g_markup_printf_escaped()). A dataset string
# passed straight to a toast, a status page's description or a label with
# markup would otherwise be read as markup: "<span size='300000'>" grows,
# a lone "&" empties the text.
#
#   test-markup.py SRC_DIR
#
# It checks itself first on code that must fail, so it cannot pass by
# finding nothing.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import sys

# Functions whose text argument (at that position) is markup.
SINKS = {
    'adw_toast_new': 0,
    'adw_toast_set_title': 1,
    'adw_status_page_set_description': 1,
    'adw_preferences_row_set_title': 1,
    'adw_action_row_set_subtitle': 1,
    'adw_expander_row_set_subtitle': 1,
    'adw_message_dialog_format_body_markup': 1,
    'adw_message_dialog_format_heading_markup': 1,
    'gtk_label_set_markup': 1,
    'gtk_label_set_markup_with_mnemonic': 1,
    'gtk_label_new_with_markup': 0,
    'gtk_widget_set_tooltip_markup': 1,
    'gtk_tooltip_set_markup': 1,
    'pango_layout_set_markup': 1,
}
# Never to be used: they format dataset strings into markup unescaped.
FORBIDDEN = ['adw_toast_new_format', 'g_markup_printf(']

LITERAL = re.compile(r'^(_|N_|C_)?\(?\s*"([^"\\]|\\.)*"\s*\)?$|^NULL$')
ESCAPED_NAME = re.compile(r'(^|[>.])\w*(markup|escaped)$', re.IGNORECASE)


def arguments(text, start):
    """The comma-separated arguments of the call whose '(' is at @start."""
    depth, args, current, i, in_string = 0, [], '', start, False
    while i < len(text):
        ch = text[i]
        if in_string:
            current += ch
            if ch == '\\':
                current += text[i + 1]
                i += 1
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
            current += ch
        elif ch == '(':
            depth += 1
            if depth > 1:
                current += ch
        elif ch == ')':
            depth -= 1
            if depth == 0:
                args.append(current.strip())
                return args
            current += ch
        elif ch == ',' and depth == 1:
            args.append(current.strip())
            current = ''
        else:
            current += ch
        i += 1
    return args


def problems(name, text):
    found = []
    for sink, position in SINKS.items():
        for m in re.finditer(r'\b%s\s*\(' % sink, text):
            line = text.count('\n', 0, m.start()) + 1
            if text[:m.start()].rstrip().endswith(('*', 'static')):
                continue  # a declaration
            args = arguments(text, m.end() - 1)
            if len(args) <= position:
                continue
            arg = ' '.join(args[position].split())
            choice = re.match(r'^.*\?(.*):(.*)$', arg)
            if LITERAL.match(arg) or ESCAPED_NAME.search(arg) or \
               (choice and all(LITERAL.match(c.strip()) for c in choice.groups())):
                continue
            found.append('%s:%d: %s() takes “%s”, which is neither a literal nor escaped '
                         '(name escaped text *markup or *escaped)' % (name, line, sink, arg))
    for bad in FORBIDDEN:
        for m in re.finditer(re.escape(bad), text):
            found.append('%s:%d: %s formats unescaped markup' % (name, text.count('\n', 0, m.start()) + 1, bad))
    return found


def self_test():
    bad = ('adw_toast_overlay_add_toast (o, adw_toast_new (text));\n'
           'gtk_label_set_markup (label, item->name);\n'
           'adw_status_page_set_description (page, error->message);\n'
           'AdwToast *t = adw_toast_new_format ("%s", title);\n')
    good = ('adw_toast_new (_("Saved"));\n'
            'gtk_label_set_markup (label, source_markup);\n'
            'adw_status_page_set_description (page, "No <b>data</b>");\n')
    assert len(problems('bad.c', bad)) == 4, problems('bad.c', bad)
    assert problems('good.c', good) == [], problems('good.c', good)


def main():
    self_test()
    print('ok 1 - the check finds unescaped markup in code written to fail it')
    found = []
    for root, _, files in os.walk(sys.argv[1]):
        for f in sorted(files):
            if f.endswith('.c'):
                path = os.path.join(root, f)
                with open(path, encoding='utf-8') as src:
                    found += problems(os.path.relpath(path, sys.argv[1]), src.read())
    for p in found:
        print('# ' + p)
    print('%s 2 - no dataset string reaches markup unescaped in src/' % ('not ok' if found else 'ok'))
    print('1..2')
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main())
