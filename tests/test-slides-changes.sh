#!/usr/bin/env bash
# straits --export-slides --changes-since=OLD (issue 21): the handout ends
# with "What changed since VERSION (DATE)", the version and date from the
# older dataset's metadata, listing what changed field by field; without
# the option, no such page.
set -u
straits="$1"
. "$(dirname "$0")/tap.sh"
bundled="$STRAITS_DATA_DIR/datasets/turkey-european-security.json"

# The older version: another version and date, and one relation started
# a year earlier (two items changed: the metadata and the relation).
python3 - "$bundled" "$work/old.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["metadata"]["version"] = "0.9"
d["metadata"]["date"] = "2024-06-01"
rel = next(r for r in d["relations"] if r["id"] == "rel-pol-tur-tb2")
rel["start"] = "2020"
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY

mkdir -p "$work/xdg"
XDG_DATA_HOME="$work/xdg" "$straits" --export-slides="$work/plain.pdf" 2>"$work/err"
check "without --changes-since: no changes page" \
  "pdfinfo '$work/plain.pdf' | grep -q '^Pages: *3' && ! pdftotext '$work/plain.pdf' - | grep -q 'What changed'"

XDG_DATA_HOME="$work/xdg" "$straits" --export-slides="$work/handout.pdf" --changes-since="$work/old.json" 2>"$work/err" \
  && ok "--export-slides --changes-since writes a handout" \
  || { fail "--export-slides --changes-since writes a handout"; cat "$work/err"; }
pdftotext -layout "$work/handout.pdf" "$work/handout.txt" 2>/dev/null
check "the handout has one more page, after the slides" "pdfinfo '$work/handout.pdf' | grep -q '^Pages: *4'"
check "its title names the older version and its date" "grep -q 'What changed since 0.9 (2024-06-01)' '$work/handout.txt'"
check "it counts and lists the changes, field by field" \
  "grep -q '0 added, 0 removed, 2 changed' '$work/handout.txt' && grep -q 'Changed relation rel-pol-tur-tb2' '$work/handout.txt' && grep -q 'start: 2020 → 2021' '$work/handout.txt'"

"$straits" --export-slides="$work/bad.pdf" --changes-since="$work/missing.json" 2>"$work/err"; status=$?
check "a --changes-since file that cannot be read fails with a message, no handout" \
  "[ $status -ne 0 ] && [ -s '$work/err' ] && [ ! -e '$work/bad.pdf' ]"
echo "1..$n"
[ $fails -eq 0 ]
