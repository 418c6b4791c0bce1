# tap.sh: sourced by the shell tests. A work folder removed on exit, and
# TAP lines: ok NAME, fail NAME, check NAME CONDITION; finish prints the
# plan and sets the exit status.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
n=0

ok()   { n=$((n + 1)); echo "ok $n - $1"; }
fail() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }
check() { if eval "$2"; then ok "$1"; else fail "$1"; fi; }
