#!/usr/bin/env bash
# straits --diff as a user runs it: the bundled dataset against itself
# (identical: exit 0, nothing printed) and against a modified copy (exit 1,
# the changes listed, in text and JSON), then its refusals (exit 2).
set -u
straits="$1"
. "$(dirname "$0")/tap.sh"
bundled="$STRAITS_DATA_DIR/datasets/turkey-european-security.json"

"$straits" --diff "$bundled" "$bundled" >"$work/same.txt" 2>"$work/err"
check "the bundled dataset against itself: exit 0" "[ $? -eq 0 ]"
check "the bundled dataset against itself: nothing printed" "[ ! -s '$work/same.txt' ] && [ ! -s '$work/err' ]"

# A copy with one relation's start moved, one figure value changed, one
# actor added, one event removed and the items of each list reversed
# (order is not a change).
python3 - "$bundled" "$work/modified.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
rel = next(r for r in d["relations"] if r["id"] == "rel-pol-tur-tb2")
assert rel["start"] == "2021"
rel["start"] = "2020"
fig = d["figures"][0]
fig["values"][0]["value"] += 1
fig["values"][0].pop("unrounded", None)
d["actors"].append({"id": "XYZ", "kind": "other", "name": "Added & <new>"})
removed = d["events"].pop()
for key in ("actors", "relations", "events", "figures", "sources"):
    d[key].reverse()
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print(removed["id"], fig["id"], fig["values"][0].get("actor", ""), file=open(sys.argv[2] + ".facts", "w"))
PY
read -r removed_event figure value_actor <"$work/modified.json.facts"

"$straits" --diff "$bundled" "$work/modified.json" >"$work/diff.txt" 2>"$work/err"
check "against a modified copy: exit 1" "[ $? -eq 1 ]"
check "the relation's new start is listed field by field" \
  "grep -qxF 'relation rel-pol-tur-tb2: start 2021 → 2020' '$work/diff.txt'"
check "the added actor is listed" "grep -qxF 'added actor XYZ' '$work/diff.txt'"
check "the removed event is listed" "grep -qxF 'removed event $removed_event' '$work/diff.txt'"
check "the changed figure value is listed" "grep -q '^figure $figure: value\[$value_actor\] ' '$work/diff.txt'"
check "reordering is not a change: four changes and a summary, nothing else" \
  "[ \$(wc -l <'$work/diff.txt') -eq 5 ] && grep -qxF '1 added, 1 removed, 2 changed' '$work/diff.txt'"

"$straits" --diff "$bundled" "$work/modified.json" --format=json >"$work/diff.json" 2>"$work/err"
check "--format=json: exit 1" "[ $? -eq 1 ]"
check "--format=json: the documented shape, with the same changes" "python3 - '$work/diff.json' <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
assert set(d) == {'old', 'new', 'added', 'removed', 'changed'}, d.keys()
assert d['added'] == [{'kind': 'actor', 'id': 'XYZ'}], d['added']
assert len(d['removed']) == 1 and d['removed'][0]['kind'] == 'event'
rel = [c for c in d['changed'] if c['kind'] == 'relation']
assert rel == [{'kind': 'relation', 'id': 'rel-pol-tur-tb2',
                'fields': [{'field': 'start', 'old': '2021', 'new': '2020'}]}], rel
assert [c['kind'] for c in d['changed']] == ['relation', 'figure'], d['changed']
PY"
"$straits" --diff "$bundled" "$bundled" --format=json >"$work/same.json"
check "--format=json, identical: exit 0 and empty lists" \
  "[ $? -eq 0 ] && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d[\"added\"] == d[\"removed\"] == d[\"changed\"] == []' '$work/same.json'"

# Trouble: exit 2 and a message naming what is wrong.
"$straits" --diff "$bundled" "$work/missing.json" >/dev/null 2>"$work/err"
check "a missing file: exit 2, the file named" "[ $? -eq 2 ] && grep -q 'missing.json' '$work/err'"
printf '{ "format": "straits-dataset", ' >"$work/broken.json"
"$straits" --diff "$work/broken.json" "$bundled" >/dev/null 2>"$work/err"
check "a broken file: exit 2, the file named" "[ $? -eq 2 ] && grep -q 'broken.json' '$work/err'"
"$straits" --diff "$bundled" >/dev/null 2>"$work/err"
check "one file: exit 2" "[ $? -eq 2 ] && grep -q 'two dataset files' '$work/err'"
"$straits" --diff "$bundled" "$bundled" --format=xml >/dev/null 2>"$work/err"
check "an unknown --format: exit 2" "[ $? -eq 2 ] && grep -q 'xml' '$work/err'"

echo "1..$n"
[ $fails -eq 0 ]
