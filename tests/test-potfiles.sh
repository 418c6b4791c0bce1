#!/usr/bin/env bash
# Every source file with translatable strings is listed in po/POTFILES.in;
# a file left out would lose its translations at the next msgmerge.
# Prints TAP.
cd "$(dirname "$0")/.."
n=0; failed=0
for f in $( (grep -rlE '\b(N_|_|C_|NC_)\(' src --include=*.c; grep -rl 'translatable="yes"' ui) | sort -u); do
  n=$((n + 1))
  if grep -qx "$f" po/POTFILES.in; then
    echo "ok $n - $f is in po/POTFILES.in"
  else
    echo "not ok $n - $f has translatable strings but is not in po/POTFILES.in"
    failed=1
  fi
done
echo "1..$n"
exit $failed
