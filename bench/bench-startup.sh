#!/usr/bin/env bash
# Cold start to the first drawn map frame, next to a minimal libadwaita
# window in the same run; resident memory at the first frame. Needs a
# display: run under xvfb-run (scripts/test and the README do).
set -u
straits="$1"
minimal="$2"
runs=15
export GSETTINGS_BACKEND=memory STRAITS_QUIT_AFTER_FIRST_FRAME=1
home=$(mktemp -d); export HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache"
trap 'rm -rf "$home"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Runs a program once and appends to FILE the ms from its launch to its
# first frame on the screen (the step "first ... frame presented" that
# both print with STRAITS_TRACE set to the launch time), and to FILE-exit
# the ms to its exit: what comes after the first frame (freeing, the
# kernel's tearing down, which an inotify watch alone makes 4 ms longer)
# is no part of the start.  run_ms FILE PROGRAM
run_ms() {
  local out="$1" t0 t1
  shift
  t0=$(date +%s%N)
  STRAITS_TRACE=$t0 "$@" >/dev/null 2>"$home/err"
  t1=$(date +%s%N)
  sed -n 's/^straits-trace: *\([0-9.]*\) ms  first .*frame presented$/\1/p' "$home/err" |
    awk '{ printf "%d\n", $1 + 0.5 }' >>"$out"
  echo $(( (t1 - t0) / 1000000 )) >>"$out-exit"
}

# Warms the disk cache; Straits writes its memo of projected points.
"$minimal" >/dev/null 2>&1; "$straits" >/dev/null 2>&1
# The four are started in turn, run after run, so that a machine busy for
# a while weighs on each alike.
for i in $(seq $runs); do
  run_ms "$home/m" "$minimal"
  GSK_RENDERER=cairo run_ms "$home/mc" "$minimal"
  GSK_RENDERER=cairo GDK_DEBUG=gl-disable run_ms "$home/mg" "$minimal"
  run_ms "$home/s" "$straits"
  # A first start: no memo of the projected points yet (written as
  # Straits quits, read by every start after; straits-projection-memo.c).
  XDG_CACHE_HOME="$home/cache-$i" run_ms "$home/s0" "$straits"
done
m=$(median <"$home/m"); mc=$(median <"$home/mc"); mg=$(median <"$home/mg"); s=$(median <"$home/s")
s0=$(median <"$home/s0"); s0e=$(median <"$home/s0-exit")
me=$(median <"$home/m-exit"); mce=$(median <"$home/mc-exit"); mge=$(median <"$home/mg-exit"); se=$(median <"$home/s-exit")
rss=$(grep -o 'VmRSS:.*' "$home/err" | tr -s ' ')
# One more run, its steps timed from the launch (src/model/straits-trace.c).
STRAITS_TRACE=$(date +%s%N) "$straits" >/dev/null 2>"$home/trace"
# Straits asks GTK for its cairo renderer where there is no GPU (see
# src/widgets/straits-renderer-choice.c), and then leaves out GDK's OpenGL
# set-up; the minimal window is timed as GTK starts it, with that same
# renderer, and with that renderer and no OpenGL set-up either.
gpu=no; ls /dev/dri/renderD* >/dev/null 2>&1 && gpu=yes
# The target compares like with like: Straits with the minimal window set
# up as Straits sets itself up here (the same renderer, and OpenGL left
# out where Straits leaves it out).
if [ -z "${GSK_RENDERER:-}" ] && { [ "$gpu" = no ] || [ "${LIBGL_ALWAYS_SOFTWARE:-}" = 1 ]; }; then
  like="$mg"; like_exit="$mge"; like_how="GSK_RENDERER=cairo GDK_DEBUG=gl-disable"
else
  like="$m"; like_exit="$me"; like_how="GSK_RENDERER=${GSK_RENDERER:-unset, as GTK chooses}"
fi
echo "GPU render node: $gpu; processors: $(nproc); GSK_RENDERER: ${GSK_RENDERER:-unset}; medians of $runs runs, launch to first frame (to exit)"
echo "minimal libadwaita window:                            ${m} ms (${me} ms)"
echo "minimal libadwaita window with GTK's cairo renderer:   ${mc} ms (${mce} ms)"
echo "  the same without GDK's OpenGL set-up (GDK_DEBUG=gl-disable, as Straits starts without a GPU): ${mg} ms (${mge} ms)"
echo "straits, first map frame:                             ${s} ms (${se} ms)"
awk -v s="$s" -v like="$like" -v how="$like_how" 'BEGIN { printf "ratio: %.2fx the minimal window set up as Straits is here (%s; target <= 1.5x)\n", s / like, how }'
awk -v s="$s" -v m="$m" -v mc="$mc" -v mg="$mg" 'BEGIN { printf "  %.2fx the minimal window as GTK sets it up; %.2fx on the cairo renderer; %.2fx on it without OpenGL\n", s / m, s / mc, s / mg }'
echo "straits, a first start (no memo of projected points): ${s0} ms (${s0e} ms)"
awk -v s="$s0" -v like="$like" 'BEGIN { printf "  %.2fx the minimal window set up as Straits is here\n", s / like }'
awk -v s="$se" -v like="$like_exit" 'BEGIN { printf "  to the exit: %.2fx the minimal window set up as Straits is here\n", s / like }'
echo "straits resident memory at the first frame with the bundled dataset: ${rss:-unknown} (target < 150 MB)"
echo "one run's steps, in ms from the launch:"
grep '^straits-trace:' "$home/trace" | sed 's/^straits-trace: */  /'
