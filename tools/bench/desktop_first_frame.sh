#!/usr/bin/env bash
# Issue 11's desktop figures: build/native/bin/renewdesk --sandbox under its own Xvfb (Mesa llvmpipe,
# OpenGL 3.3 core), started RUNS times (default 5), each with a fresh temporary HOME and config.
# Per run:
#   first frame (app)   "renewdesk: first frame drawn N ms after start" that --print-timing writes to
#                       stderr (the app's own clock, from its process start);
#   exec → first frame  from outside: bash's $EPOCHREALTIME just before the spawn until the file of
#                       --test-hooks FILE first exists (the app writes it, atomically, after its first
#                       drawn frame), polled every millisecond without forking;
#   idle CPU            the app's utime+stime (/proc/PID/stat, clock ticks) read 2 s after the spawn and
#                       again 5 s later, nothing touched in between (goal: 0 ticks); the sibling
#                       sandbox's ticks over the same window are shown beside them.
# Both timings include starting the sibling sandbox (--sandbox waits for its "listening" line).
# The app is stopped with SIGTERM at the end of each run. Prints min/median/max; asserts nothing.
#   tools/bench/desktop_first_frame.sh [RUNS]
# Needs Xvfb (Debian: xvfb) and `cmake --build --preset native --target renewdesk_desktop renewdesk-sandbox`.
set -euo pipefail
export LC_ALL=C # $EPOCHREALTIME and read -t use the locale's decimal point
top=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
app="$top/build/native/bin/renewdesk"
idle_after_s=2
idle_window_s=5
for f in "$app" "$top/build/native/bin/renewdesk-sandbox"; do
  [[ -x $f ]] || { echo "desktop bench: $f is missing; build it with: cmake --build --preset native" >&2; exit 2; }
done
command -v Xvfb >/dev/null || { echo "desktop bench: Xvfb is missing (Debian package xvfb)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/renewdesk-bench-desktop.XXXXXX")
xvfb_pid=''
app_pid=''
cleanup() {
  if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then kill -TERM "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [[ -n $xvfb_pid ]]; then kill -TERM "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A pause without forking: read -t on a FIFO this shell holds open for reading and writing (never ready).
mkfifo "$work/never"
exec {never}<>"$work/never"
pause() { read -r -t "$1" -u "$never" _ || true; }

now_us() { local t=$EPOCHREALTIME; echo $(( ${t%.*} * 1000000 + 10#${t#*.} )); } # $EPOCHREALTIME: s.µs

# utime + stime of a process in clock ticks (fields 14 and 15; the name in parentheses may hold spaces).
cpu_ticks() {
  local stat rest
  stat=$(<"/proc/$1/stat") || { echo 0; return; }
  rest=${stat##*) }
  local -a f
  read -r -a f <<<"$rest"
  echo $(( f[11] + f[12] ))
}

# The processes whose parent is $1 (the sibling sandbox), from /proc/*/stat's ppid field.
children_of() {
  local f stat rest
  local -a fields
  for f in /proc/[0-9]*/stat; do
    stat=$(<"$f") 2>/dev/null || continue
    rest=${stat##*) }
    read -r -a fields <<<"$rest"
    [[ ${fields[1]} == "$1" ]] && echo "${f//[^0-9]/}"
  done
  return 0
}

# Xvfb picks a free display number itself (-displayfd) and writes it once it accepts connections.
# -r: no key auto-repeat, as in tools/e2e/desktop.test.js.
: >"$work/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -r 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 1000); do
  [[ $(<"$work/display") == *[0-9]* ]] && break
  kill -0 "$xvfb_pid" 2>/dev/null || { echo "desktop bench: Xvfb exited: $(<"$work/xvfb.log")" >&2; exit 1; }
  pause 0.01
done
display=":$(tr -d '[:space:]' <"$work/display")"
[[ $display != ":" ]] || { echo "desktop bench: Xvfb gave no display number" >&2; exit 1; }

tck=$(getconf CLK_TCK)
app_ms=() outside_ms=() idle_ticks=() sandbox_ticks=()
for run in $(seq "$runs"); do
  home="$work/home$run"
  mkdir -p "$home/config"
  hooks="$work/hooks$run.json"
  start_us=$(now_us)
  DISPLAY=$display HOME=$home XDG_CONFIG_HOME=$home/config \
    "$app" --print-timing --sandbox --test-hooks "$hooks" 2>"$work/stderr$run" >/dev/null &
  app_pid=$!
  until [[ -e $hooks ]]; do
    kill -0 "$app_pid" 2>/dev/null || { echo "desktop bench: renewdesk exited: $(<"$work/stderr$run")" >&2; exit 1; }
    (( $(now_us) - start_us < 30000000 )) || { echo "desktop bench: no first frame after 30 s" >&2; exit 1; }
    pause 0.001
  done
  outside_ms+=("$(( ($(now_us) - start_us) / 1000 ))")
  # the app's own figure (its stderr line comes before the hooks file is written)
  line=$(grep -o 'first frame drawn [0-9]* ms after start' "$work/stderr$run" || true)
  [[ -n $line ]] || { pause 0.2; line=$(grep -o 'first frame drawn [0-9]* ms after start' "$work/stderr$run" || true); }
  [[ -n $line ]] || { echo "desktop bench: no timing line on stderr: $(<"$work/stderr$run")" >&2; exit 1; }
  ms=${line#first frame drawn }
  app_ms+=("${ms% ms after start}")

  # idle CPU: nothing touches the app from 2 s after the spawn for 5 s
  wait_ms=$(( idle_after_s * 1000 - ($(now_us) - start_us) / 1000 ))
  (( wait_ms > 0 )) && pause "$(printf '%d.%03d' $((wait_ms / 1000)) $((wait_ms % 1000)))"
  children=$(children_of "$app_pid")
  a=$(cpu_ticks "$app_pid")
  s=0; for c in $children; do s=$(( s + $(cpu_ticks "$c") )); done
  pause "$idle_window_s"
  b=$(cpu_ticks "$app_pid")
  t=0; for c in $children; do t=$(( t + $(cpu_ticks "$c") )); done
  idle_ticks+=("$(( b - a ))")
  sandbox_ticks+=("$(( t - s ))")

  if [[ -n $children ]]; then child_text="sandbox child pid $(echo $children): ${sandbox_ticks[-1]} ticks"
  else child_text='no sandbox child found'; fi
  kill -TERM "$app_pid"
  code=0
  wait "$app_pid" || code=$?
  app_pid=''
  echo "desktop: run $run: first frame ${app_ms[-1]} ms after start (app), exec → test-hooks file ${outside_ms[-1]} ms," \
    "idle ${idle_ticks[-1]} ticks in ${idle_window_s} s ($child_text), exit $code after SIGTERM"
done

stats() { # min/median/max of integers
  local -a v
  mapfile -t v < <(printf '%s\n' "$@" | sort -n)
  echo "${v[0]}/${v[$(( ${#v[@]} / 2 ))]}/${v[-1]}"
}
echo "desktop: $app --print-timing --sandbox under Xvfb $display (1280x800x24), $runs runs; min/median/max"
echo "desktop: first frame, the app's own clock   $(stats "${app_ms[@]}") ms after start (goal ≤ 150 ms after exec)"
echo "desktop: exec → first frame, from outside   $(stats "${outside_ms[@]}") ms (spawn → --test-hooks file exists)"
echo "desktop: idle CPU over ${idle_window_s} s from ${idle_after_s} s after start   $(stats "${idle_ticks[@]}") ticks" \
  "(1 tick = $(( 1000 / tck )) ms; goal 0), sandbox child $(stats "${sandbox_ticks[@]}") ticks"
