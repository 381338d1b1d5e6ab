#!/bin/bash
# Speed of a reference-guided export against an automatic one (issue #15: at most 1.5x), measured
# in the same run: `chromaflow-cli colorize --codec ffv1 CLIP OUT` with a fresh cache, then the
# same with `--reference 0:FRAME0.png` (frame 0 of the clip in its own colours, the benchmark
# protocol of bench_keyframes) and a fresh cache, alternating, RUNS times each. Prints each run's
# wall times and their ratio, each export's CPU time (user + system: less dependent on what else
# the machine runs than the wall time), the median ratios of both, and the load average before and
# after (the wall figures depend on what else the machine runs).
#
# Usage: tests/bench/bench_guided_export.sh [BUILD_DIR] [RUNS] CLIP...
#   defaults: build 3. Needs ffmpeg (frame 0 as PNG) and GNU time (/usr/bin/time).
set -euo pipefail
build=${1:-build}
runs=${2:-3}
shift 2 || true
cli="$(cd "$build" && pwd)/bin/chromaflow-cli"
model=${CHROMAFLOW_MODEL:-$(dirname "$0")/../../resources/models/default.cfmodel}
work=${TMPDIR:-/tmp}/chromaflow-guided-bench
mkdir -p "$work"
export OMP_WAIT_POLICY=PASSIVE

seconds() {  # cache out args...: wall seconds of one export (its CPU seconds in $work/cpu)
  local cache=$1 out=$2
  shift 2
  rm -rf "$cache" "$out"
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$cli" colorize --model "$model" --cache "$cache" \
    --codec ffv1 "$@" "$out" >/dev/null 2>&1
  awk '{print $2 + $3}' "$work/time" >"$work/cpu"
  cut -d' ' -f1 "$work/time"
}

for clip in "$@"; do
  name=$(basename "${clip%.*}")
  ref="$work/${name}_ref0.png"
  ffmpeg -v error -y -i "$clip" -frames:v 1 "$ref"
  echo "$name: load before $(cut -d' ' -f1-3 /proc/loadavg)"
  ratios=()
  cpu_ratios=()
  for run in $(seq "$runs"); do
    a=$(seconds "$work/cache_a" "$work/auto.mkv" "$clip")
    ca=$(cat "$work/cpu")
    g=$(seconds "$work/cache_g" "$work/guided.mkv" --reference "0:$ref" "$clip")
    cg=$(cat "$work/cpu")
    r=$(echo "$g / $a" | bc -l)
    ratios+=("$r")
    cpu_ratios+=("$(echo "$cg / $ca" | bc -l)")
    printf '  run %d: automatic %6.1f s  guided %6.1f s  ratio %.2f  (CPU %.1f s / %.1f s = %.2f)\n' \
      "$run" "$a" "$g" "$r" "$ca" "$cg" "$(echo "$cg / $ca" | bc -l)"
  done
  median_of() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
  median=$(printf '%s\n' "${ratios[@]}" | median_of)
  cpu_median=$(printf '%s\n' "${cpu_ratios[@]}" | median_of)
  printf '  median ratio %.2f wall, %.2f CPU (%d runs); load after %s\n' "$median" "$cpu_median" \
    "$runs" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
rm -rf "$work/cache_a" "$work/cache_g"
