#!/usr/bin/env bash
# Valid but hostile (issue 23): datasets that pass --check, or nearly do,
# and exports pushed to their limits. Each runs under a memory cap and a
# timeout and must end with a clear message or a correct result, never a
# crash (a signal) or a hang.
#
#   test-hostile.sh STRAITS GENERATOR
#
# GENERATOR is bench/worst-datasets.py, which writes the datasets.
set -u
straits="$1"
generate="$2"
. "$(dirname "$0")/tap.sh"

# Under AddressSanitizer the address space cannot be capped (its shadow
# memory is reserved up front), so its own resident-memory limit stands in.
if ldd "$straits" 2>/dev/null | grep -q libasan; then
  capped() {
    local mb=$(( $1 / 1048576 )); shift
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=$mb" timeout 600 "$@"
  }
else
  capped() { local bytes=$1; shift; timeout 300 prlimit --as="$bytes" "$@"; }
fi

GB=$((1024 * 1048576))

# run NAME CAP EXPECTED_STATUS SUBSTRING ARGS...: the command exits with
# EXPECTED_STATUS (so no signal, no timeout) and its output holds SUBSTRING.
run() {
  local name=$1 cap=$2 want=$3 text=$4 status
  shift 4
  capped "$cap" "$straits" "$@" >"$work/out" 2>&1
  status=$?
  if [ "$status" -eq "$want" ] && { [ -z "$text" ] || grep -qF -- "$text" "$work/out"; }; then
    ok "$name"
  else
    fail "$name (exit $status, wanted $want and “$text”)"
    head -c 2000 "$work/out" | sed 's/^/# /'
  fi
}

dataset() { python3 "$generate" "$1" "$2" "$work/$1.json"; }

# 1. Quadratic index: 200,000 actors and 200,000 empty groupings (16.6 MB)
# asked for 160 GB.
dataset many-groupings 16.6
run "200,000 actors x 200,000 groupings load in linear memory" $GB 0 "valid:" --check "$work/many-groupings.json"
rm -f "$work/many-groupings.json"

# 2. A 4,000-character view title crashed the export; now the loader refuses it.
dataset long-view-title 0
run "a 4,000-character view title is refused with its limit" $GB 1 "views[0].title: text too long (4000 characters; at most 200" \
  --check "$work/long-view-title.json"
run "exporting from it ends in the same message" $GB 1 "at most 200" \
  --export="$work/x.png" --view=black-sea --dataset="$work/long-view-title.json"
title=$(printf 'x%.0s' $(seq 4000))
run "a 4,000-character --title is too tall for the page" $GB 1 "too small for the title" \
  --export="$work/x.png" --view=black-sea "--title=$title"
run "--size=100x16 is refused with the smallest size" $GB 1 "the smallest size is" \
  --export="$work/x.png" --view=black-sea --size=100x16
run "--size=16x16 is refused with the smallest size" $GB 1 "the smallest size is" \
  --export="$work/x.png" --view=black-sea --size=16x16
run "--size=300x150 is refused with the smallest size" $GB 1 "the smallest size is" \
  --export="$work/x.png" --view=black-sea --size=300x150
run "--size=100x100mmGARBAGE is refused, naming --size" $GB 1 "--size: Unknown size" \
  --export="$work/x.png" --view=black-sea --size=100x100mmGARBAGE
for dpi in nan 0 -96 inf 96x 1e9; do
  run "--dpi=$dpi is refused, naming --dpi" $GB 1 "--dpi: The resolution" \
    --export="$work/x.png" --view=black-sea --dpi=$dpi
done
run "--size=20000x20000 is over the pixel budget, with the largest size that fits" $GB 1 \
  "largest page of this shape is 10000×10000 pixels (--size=10000x10000)" \
  --export="$work/x.png" --view=black-sea --size=20000x20000
run "--size=20000x20000 --dpi=150 too" $GB 1 "at 150 dpi the largest page" \
  --export="$work/x.png" --view=black-sea --size=20000x20000 --dpi=150
run "--export-chart refuses --dpi=0 too" $GB 1 "--dpi: The resolution" \
  --export-chart="$work/c.png" --chart=x --dpi=0
if [ -e "$work/x.png" ] || [ -e "$work/c.png" ]; then fail "refused exports wrote nothing"; else ok "refused exports wrote nothing"; fi
run "a small legal page still exports" $GB 0 "" --export="$work/small.png" --view=black-sea --size=400x300 --no-credits
[ -s "$work/small.png" ] && ok "the small page is written" || fail "the small page is written"

# 3. Memory far beyond the file: a 240 MB list of zeros pre-sized 16 GiB, a
# 200 MB unknown member built an 8 GB tree, 15 million unknown members
# gave 15 million warnings.
dataset events-zeros 240
run "a 240 MB \"events\": [0, 0, …] is refused in bounded memory" $((2 * GB)) 1 "events[0]: expected an object, found a number" \
  --check "$work/events-zeros.json"
rm -f "$work/events-zeros.json"
dataset unknown-array 200
run "a 200 MB unknown member is skipped, not parsed" $((2 * GB)) 0 "unknown member “extra” is ignored" \
  --check "$work/unknown-array.json"
rm -f "$work/unknown-array.json"
dataset many-members 200
run "15 million unknown members are refused at the 1001st" $((2 * GB)) 1 "an object with more than 1000 members" \
  --check "$work/many-members.json"
rm -f "$work/many-members.json"
dataset unknown-members 20
run "warnings of one kind are capped" $GB 0 "more like: unknown member" --check "$work/unknown-members.json"
if [ "$(grep -c 'is ignored' "$work/out")" -le 21 ]; then ok "at most 20 listed, then one line that counts the rest"; else fail "at most 20 listed, then one line that counts the rest"; fi
rm -f "$work/unknown-members.json"

# 4. Long texts that froze the window are refused by their limits.
dataset long-name 0
run "a 4,000-character actor name is refused" $GB 1 "actors[0].name: text too long (4000 characters; at most 200" \
  --check "$work/long-name.json"
dataset long-description 0
run "a 199,000-character description is refused" $GB 1 "events[0].description: text too long (199000 characters; at most 5000" \
  --check "$work/long-description.json"
dataset longest-texts 2
run "the longest valid texts load" $GB 0 "valid:" --check "$work/longest-texts.json"

# 7. Exports keep the target's permissions and leave no temporary file.
umask 022
printf 'secret' >"$work/red.png"
chmod 600 "$work/red.png"
run "replacing a 0600 figure" $GB 0 "" --export="$work/red.png" --view=black-sea --size=400x300 --no-credits
mode=$(stat -c %a "$work/red.png")
[ "$mode" = 600 ] && ok "the replaced figure is still 0600" || fail "the replaced figure is still 0600 (it is $mode)"
run "a new figure" $GB 0 "" --export="$work/new.pdf" --view=black-sea
mode=$(stat -c %a "$work/new.pdf")
[ "$mode" = 644 ] && ok "a new figure gets 0666 less the umask" || fail "a new figure gets 0666 less the umask (it is $mode)"

# An export killed midway: wait for its temporary file, then SIGTERM it.
printf 'previous' >"$work/big.png"
"$straits" --export="$work/big.png" --view=black-sea --size=a3-landscape --dpi=600 >/dev/null 2>&1 &
pid=$!
seen=""
for _ in $(seq 400); do
  temp=$(ls -A "$work" | grep '^\.big\.png\.' | head -1)
  if [ -n "$temp" ]; then
    seen=$(stat -c %a "$work/$temp" 2>/dev/null)
    kill -TERM $pid
    break
  fi
  sleep 0.05
done
wait $pid
status=$?
if [ -n "$seen" ]; then ok "the temporary file was there while the export ran"; else fail "the temporary file was there while the export ran"; fi
[ "$seen" = 600 ] && ok "the temporary file is 0600" || fail "the temporary file is 0600 (it was ${seen:-absent})"
[ "$status" -eq 143 ] && ok "the export died of SIGTERM" || fail "the export died of SIGTERM (exit $status)"
left=$(ls -A "$work" | grep -c '^\.big\.png\.')
[ "$left" -eq 0 ] && ok "no temporary file is left behind" || fail "no temporary file is left behind ($left left)"
[ "$(cat "$work/big.png")" = previous ] && ok "the previous file is intact" || fail "the previous file is intact"

echo "1..$n"
exit $((fails > 0))
