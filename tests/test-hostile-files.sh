#!/usr/bin/env bash
# The files Straits keeps for the user, and the paths around the loader,
# attacked from the command line as a tester would: each case expects its
# error, no crash, no hang (timeout) and the user's file intact.
set -u
straits="$1"
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
fails=0
n=0

ok()   { n=$((n + 1)); echo "ok $n - $1"; }
fail() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }
check() { if eval "$2"; then ok "$1"; else fail "$1"; fi; }

# Runs straits with its own data and cache folders; a hang is status 124.
run() {
  XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" timeout 60 "$straits" "$@"
}
marks="$work/data/straits/bookmarks.json"
reset_marks() { rm -rf "$work/data"; mkdir -p "$work/data/straits"; }
aside() { ls -d "$marks".damaged-* 2>/dev/null | head -n 1; }

# Bookmarks nested 100,000 deep once overflowed json-glib's stack.
reset_marks
python3 -c 'print("[" * 100000 + "]" * 100000)' > "$marks"
cp "$marks" "$work/deep.json"
run --export-slides="$work/deep.pdf" 2>"$work/err"; status=$?
check "deep bookmarks: the slides are written, the file is reported damaged" \
  "[ $status -eq 0 ] && grep -q 'damaged' '$work/err'"
check "deep bookmarks: the file is kept aside byte for byte" "cmp -s '$work/deep.json' \"\$(aside)\""

# A link to /dev/zero was read without bound; a FIFO hung.
reset_marks
ln -s /dev/zero "$marks"
run --export-slides="$work/zero.pdf" 2>"$work/err"; status=$?
check "bookmarks linked to /dev/zero are refused at once" \
  "[ $status -eq 0 ] && grep -q 'not a regular file' '$work/err'"
check "the link is kept aside as a link" "[ \"\$(readlink \"\$(aside)\")\" = /dev/zero ]"
reset_marks
mkfifo "$marks"
run --export-slides="$work/fifo.pdf" 2>"$work/err"; status=$?
check "a FIFO as bookmarks does not hang" "[ $status -eq 0 ] && grep -q 'not a regular file' '$work/err'"

# Viewports that are not three sane numbers: no Json-CRITICAL (fatal in
# the test environment), the bookmarks shown at their view's extent.
reset_marks
title=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["metadata"]["title"])' \
  "$STRAITS_DATA_DIR/datasets/turkey-european-security.json")
python3 - "$title" > "$marks" <<'PY'
import json, sys
t = sys.argv[1]
print(json.dumps({"format": "straits-bookmarks", "version": 1, "bookmarks": [
    {"title": "A", "dataset": t, "view": "aegean", "viewport": [{}, [], None]},
    {"title": "B", "dataset": t, "view": "aegean", "viewport": [0, 0, 0]},
    {"title": "C", "dataset": t, "view": "aegean", "viewport": [0, 0, 1e300]}]}))
PY
cp "$marks" "$work/viewports.json"
run --export-slides="$work/viewports.pdf" 2>"$work/err"; status=$?
check "bad bookmark viewports: slides written without criticals" \
  "[ $status -eq 0 ] && ! grep -q CRITICAL '$work/err' && [ -s '$work/viewports.pdf' ]"
check "bad bookmark viewports: the file is left as it was" "cmp -s '$work/viewports.json' '$marks'"

# --territorial-seas with another view is refused before anything is
# measured: no measurement appears in the cache (the slides above left
# their projections' memos there).
run --export="$work/x.png" --view=black-sea --territorial-seas=12 2>"$work/err"; status=$?
check "territorial seas outside the Aegean are refused before measuring" \
  "[ $status -ne 0 ] && grep -q 'Aegean view only' '$work/err' && ! ls '$work/cache/straits' 2>/dev/null | grep -q '^maritime-'"

# The maritime cache.
run --maritime-report --format=json >/dev/null 2>"$work/err"
cachefile=$(ls "$work"/cache/straits/maritime-*.gvariant 2>/dev/null | head -n 1)
check "the maritime cache is private" \
  "[ -n '$cachefile' ] && [ \"\$(stat -c %a '$work/cache/straits')\" = 700 ] && [ \"\$(stat -c %a '$cachefile')\" = 600 ]"
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import gi' 2>/dev/null; then
  /usr/bin/python3 - "$cachefile" <<'PY'
import sys
from gi.repository import GLib
path = sys.argv[1]
data = open(path, "rb").read()
v = GLib.Variant.new_from_bytes(GLib.VariantType("(ssadaadaad)"), GLib.Bytes.new(data), False)
s, m, numbers, belts, medians = v.unpack()
numbers[0] = float("nan")
out = GLib.Variant("(ssadaadaad)", (s, m, numbers, belts, medians))
open(path, "wb").write(out.get_data_as_bytes().get_data())
PY
  run --maritime-report --format=json >"$work/report.json" 2>"$work/err"; status=$?
  check "a cache holding NaN is measured again, and the JSON parses" \
    "[ $status -eq 0 ] && python3 -c 'import json,sys; d=json.load(open(sys.argv[1]), parse_constant=lambda c: sys.exit(1)); sys.exit(d[\"from_cache\"])' '$work/report.json'"
else
  fail "python3 with GObject introspection is needed to craft a cache"
fi
rm -f "$cachefile"; mkfifo "$cachefile"
run --maritime-report --format=json >/dev/null 2>"$work/err"; status=$?
check "a FIFO in the cache's place does not hang, and is replaced" "[ $status -eq 0 ] && [ -f '$cachefile' ] && [ ! -p '$cachefile' ]"
echo precious > "$work/victim"
rm -f "$cachefile"; ln -s "$work/victim" "$cachefile"
run --maritime-report --format=json >/dev/null 2>"$work/err"; status=$?
check "a link in the cache's place is not written through" \
  "[ $status -eq 0 ] && [ \"\$(cat '$work/victim')\" = precious ] && [ ! -L '$cachefile' ]"

# Datasets that are not regular files.
mkfifo "$work/fifo.json"
run --check "$work/fifo.json" >"$work/out" 2>&1; status=$?
check "a FIFO as a dataset is refused without hanging" "[ $status -eq 1 ] && grep -q 'not a regular file' '$work/out'"
run --check /dev/zero >"$work/out" 2>&1; status=$?
check "/dev/zero as a dataset is refused" "[ $status -eq 1 ] && grep -q 'not a regular file' '$work/out'"

# The size limit is the user's: the variable and the option lower it
# (the option wins), and the refusal says how to raise it.
python3 - "$STRAITS_DATA_DIR/datasets/turkey-european-security.json" "$work/padded.json" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(text + " " * max(0, (3 << 20) - len(text.encode())))
PY
run --check --max-dataset-mb=2 "$work/padded.json" >"$work/out" 2>&1; status=$?
check "--max-dataset-mb=2 refuses a 3 MB dataset, naming the limit and how to raise it" \
  "[ $status -eq 1 ] && grep -q 'at most 2 MB' '$work/out' && grep -q 'max-dataset-mb' '$work/out'"
STRAITS_MAX_DATASET_MB=2 run --check "$work/padded.json" >"$work/out" 2>&1; status=$?
check "STRAITS_MAX_DATASET_MB=2 refuses it too" "[ $status -eq 1 ] && grep -q 'STRAITS_MAX_DATASET_MB' '$work/out'"
STRAITS_MAX_DATASET_MB=2 run --check --max-dataset-mb=4 "$work/padded.json" >"$work/out" 2>&1; status=$?
check "--max-dataset-mb=4 reads it, over the variable" "[ $status -eq 0 ] && grep -q 'valid' '$work/out'"
run --check --max-dataset-mb=0 "$work/padded.json" >"$work/out" 2>&1; status=$?
check "--max-dataset-mb=0 is refused" "[ $status -eq 1 ] && grep -q 'max-dataset-mb' '$work/out'"

echo "1..$n"
exit $((fails > 0))
