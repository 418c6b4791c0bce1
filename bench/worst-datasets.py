#!/usr/bin/env python3
# worst-datasets.py: writes the costliest datasets of each kind, valid or
# nearly so, for bench-worst-datasets.py and tests/test-hostile.sh.
#
#   worst-datasets.py KIND SIZE_MB FILE
#
# Valid kinds (the worst a file that passes --check can be):
#   many-groupings   actors and as many empty groupings
#   many-actors      actors, all in one group of one grouping
#   longest-texts    actors, relations and events with every text at its
#                    length limit (names 200 characters, long texts 5000,
#                    without a space to break a line at)
#   unknown-members  actors with the most members an object may have
#                    (1000), all but three unknown to the format
#   unknown-array    one actor with an unknown member holding a list of
#                    SIZE_MB of numbers
#   bundled-longest-texts
#                    the bundled dataset with every name, title and label
#                    at 200 characters and every long text at 5000, none
#                    with a space, and SIZE_MB x 40 more such events about
#                    Poland (the window's worst case; SIZE_MB is a count)
# Hostile kinds (refused):
#   events-zeros     "events": [0, 0, ...]
#   many-members     metadata with a million unknown members per 13 MB
#   long-name        one actor whose name is 4,000 characters
#   long-description one event whose description is 199,000 characters
#   long-view-title  one view whose title is 4,000 characters
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import sys

NAME_LIMIT = 200
TEXT_LIMIT = 5000

HEAD = ('{"format":"straits-dataset","format_version":1,'
        '"metadata":{"title":"Worst case: %s"},'
        '"vocabulary":{"relation_types":[{"id":"rt","label":"Relation"}],'
        '"event_types":[{"id":"et","label":"Event"}]}')


def chunks(make, count, per_chunk=10000):
    """Joins make(i) for i < count, a chunk at a time, with commas."""
    for start in range(0, count, per_chunk):
        part = ','.join(make(i) for i in range(start, min(count, start + per_chunk)))
        yield (',' if start > 0 else '') + part


def actor(i):
    return '{"id":"a%d","kind":"other","name":"Actor %d"}' % (i, i)


def count_for(size, per_item):
    return max(2, size // per_item)


def many_groupings(out, size):
    n = count_for(size, 84)
    out.write(',"actors":[')
    for c in chunks(actor, n):
        out.write(c)
    out.write('],"groupings":[')
    for c in chunks(lambda i: '{"id":"g%d","label":"G","groups":[]}' % i, n):
        out.write(c)
    out.write(']')


def many_actors(out, size):
    n = count_for(size, 56)
    out.write(',"actors":[')
    for c in chunks(actor, n):
        out.write(c)
    out.write('],"groupings":[{"id":"g","label":"G","groups":[{"id":"all","label":"All",'
              '"colour":"#336699","members":[')
    for c in chunks(lambda i: '"a%d"' % i, n):
        out.write(c)
    out.write(']}]}]')


def long_text(i, length):
    # No spaces: nothing for a line to break at but characters.
    return ('%d' % i + 'x' * length)[:length]


def longest_texts(out, size):
    n = count_for(size, 3 * (NAME_LIMIT + TEXT_LIMIT + 80))
    out.write(',"actors":[')
    for c in chunks(lambda i: '{"id":"a%d","kind":"other","name":"%s","description":"%s"}'
                    % (i, long_text(i, NAME_LIMIT), long_text(i, TEXT_LIMIT)), n, 100):
        out.write(c)
    out.write('],"relations":[')
    for c in chunks(lambda i: '{"id":"r%d","from":"a%d","to":"a%d","type":"rt","summary":"%s"}'
                    % (i, i, (i + 1) % n, long_text(i, TEXT_LIMIT)), n, 100):
        out.write(c)
    out.write('],"events":[')
    for c in chunks(lambda i: '{"id":"e%d","date":"2020","type":"et","title":"%s",'
                    '"description":"%s","actors":["a%d","a%d"]}'
                    % (i, long_text(i, NAME_LIMIT), long_text(i, TEXT_LIMIT), i, (i + 1) % n), n, 100):
        out.write(c)
    out.write(']')


def unknown_members(out, size):
    members = ','.join('"u%d":0' % k for k in range(997))
    n = count_for(size, len(members) + 50)
    out.write(',"actors":[')
    for c in chunks(lambda i: '{"id":"a%d","kind":"other","name":"A",%s}' % (i, members), n, 100):
        out.write(c)
    out.write(']')


def numbers(out, size, per_chunk=1 << 20):
    """About @size bytes of "0,0,...,0"."""
    n = size // 2
    block = '0,' * per_chunk
    while n > per_chunk:
        out.write(block)
        n -= per_chunk
    out.write('0,' * (n - 1) + '0')


def unknown_array(out, size):
    out.write(',"actors":[{"id":"a0","kind":"other","name":"A","extra":[')
    numbers(out, size)
    out.write(']}]')


def events_zeros(out, size):
    out.write(',"events":[')
    numbers(out, size)
    out.write(']')


def many_members(out, size):
    n = count_for(size, 13)
    # Replaces the metadata HEAD wrote: a second one would be a duplicate.
    out.write(',"extra":{')
    for c in chunks(lambda i: '"m%07d":0' % i, n, 100000):
        out.write(c)
    out.write('}')


def long_name(out, size):
    out.write(',"actors":[{"id":"a0","kind":"other","name":"%s"}]' % long_text(0, 4000))


def long_description(out, size):
    out.write(',"actors":[{"id":"a0","kind":"other","name":"A"}],"events":[{"id":"e0",'
              '"date":"2020","type":"et","title":"E","actors":["a0"],"description":"%s"}]'
              % long_text(0, 199000))


def long_view_title(out, size):
    out.write(',"views":[{"id":"black-sea","title":"%s","region":"black-sea"}]' % long_text(0, 4000))


BUNDLED = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'datasets',
                       'turkey-european-security.json')
NAME_MEMBERS = {'name', 'short_name', 'title', 'label', 'subtitle'}
TEXT_MEMBERS = {'description', 'summary', 'text', 'note', 'quote'}


def lengthen(node, i=0):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in NAME_MEMBERS and isinstance(value, str):
                node[key] = (value + '·' + long_text(i, NAME_LIMIT))[:NAME_LIMIT]
            elif key in TEXT_MEMBERS and isinstance(value, str):
                node[key] = (value + long_text(i, TEXT_LIMIT))[:TEXT_LIMIT]
            else:
                lengthen(value, i)
    elif isinstance(node, list):
        for k, value in enumerate(node):
            lengthen(value, k)


def bundled_longest_texts(out, size):
    data = json.load(open(BUNDLED, encoding='utf-8'))
    event_type = data['vocabulary']['event_types'][0]['id']
    for i in range(int(size * 40)):
        data['events'].append({'id': 'long-%d' % i, 'date': '2022-%02d' % (i % 12 + 1),
                               'type': event_type, 'title': 'T', 'description': 'D',
                               'actors': ['POL', 'TUR']})
    lengthen(data)
    json.dump(data, out, ensure_ascii=False)
    out.write('\n')


KINDS = {
    'bundled-longest-texts': bundled_longest_texts,
    'many-groupings': many_groupings,
    'many-actors': many_actors,
    'longest-texts': longest_texts,
    'unknown-members': unknown_members,
    'unknown-array': unknown_array,
    'events-zeros': events_zeros,
    'many-members': many_members,
    'long-name': long_name,
    'long-description': long_description,
    'long-view-title': long_view_title,
}


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in KINDS:
        sys.exit('usage: worst-datasets.py {%s} SIZE_MB FILE' % ','.join(KINDS))
    kind = sys.argv[1]
    size = float(sys.argv[2]) if kind == 'bundled-longest-texts' else int(float(sys.argv[2]) * (1 << 20))
    with open(sys.argv[3], 'w', encoding='utf-8') as out:
        if kind == 'bundled-longest-texts':
            bundled_longest_texts(out, size)
            return
        out.write(HEAD % kind)
        KINDS[kind](out, size)
        out.write('}\n')


if __name__ == '__main__':
    main()
