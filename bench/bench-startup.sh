#!/usr/bin/env bash
# Cold start to the first drawn map frame, next to a minimal libadwaita
# window in the same run; resident memory at the first frame. Needs a
# display: run under xvfb-run (scripts/test and the README do).
set -u
straits="$1"
minimal="$2"
runs=7
export GSETTINGS_BACKEND=memory STRAITS_QUIT_AFTER_FIRST_FRAME=1
home=$(mktemp -d); export HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data"
trap 'rm -rf "$home"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>"$home/err"; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }

"$minimal" >/dev/null 2>&1; "$straits" >/dev/null 2>&1   # warm the disk cache
m=$(for i in $(seq $runs); do time_ms "$minimal"; done | median)
mc=$(for i in $(seq $runs); do GSK_RENDERER=cairo time_ms "$minimal"; done | median)
mg=$(for i in $(seq $runs); do GSK_RENDERER=cairo GDK_DEBUG=gl-disable time_ms "$minimal"; done | median)
s=$(for i in $(seq $runs); do time_ms "$straits"; done | median)
rss=$(grep -o 'VmRSS:.*' "$home/err" | tr -s ' ')
# One more run, its steps timed from the launch (src/model/straits-trace.c).
STRAITS_TRACE=$(date +%s%N) "$straits" >/dev/null 2>"$home/trace"
# Straits asks GTK for its cairo renderer where there is no GPU (see
# src/widgets/straits-renderer-choice.c), and then leaves out GDK's OpenGL
# set-up; the minimal window is timed as GTK starts it, with that same
# renderer, and with that renderer and no OpenGL set-up either.
gpu=no; ls /dev/dri/renderD* >/dev/null 2>&1 && gpu=yes
echo "GPU render node: $gpu; GSK_RENDERER: ${GSK_RENDERER:-unset}"
echo "minimal libadwaita window, first frame:               ${m} ms (median of $runs)"
echo "minimal libadwaita window with GTK's cairo renderer:   ${mc} ms (median of $runs)"
echo "  the same without GDK's OpenGL set-up (GDK_DEBUG=gl-disable, as Straits starts without a GPU): ${mg} ms"
echo "straits, first map frame:                             ${s} ms (median of $runs)"
awk -v s="$s" -v m="$m" -v mc="$mc" -v mg="$mg" 'BEGIN { printf "ratio: %.2fx the minimal window (target <= 1.5x); %.2fx the minimal window on the cairo renderer; %.2fx the one without OpenGL\n", s / m, s / mc, s / mg }'
echo "straits resident memory at the first frame with the bundled dataset: ${rss:-unknown} (target < 150 MB)"
echo "one run's steps, in ms from the launch:"
grep '^straits-trace:' "$home/trace" | sed 's/^straits-trace: */  /'
