#!/bin/bash
# Peak memory of a reference-guided export against an automatic one, on a long take: runs
# `chromaflow-cli colorize --codec ffv1 CLIP OUT` with a fresh cache, then the same with
# `--reference K:FRAMEK.png` (frame K of the clip in its own colours) for each K given, and prints
# each export's peak resident memory (GNU time's %M), wall and CPU time, and the output's frame
# checksum (ffmpeg framemd5, md5 of all lines) so runs of two builds can be compared for identical
# frames. A long take is what shows the difference: bottle-detection.mp4 (1,189 frames, one shot).
#
# Usage: tests/bench/bench_guided_memory.sh [BUILD_DIR] CLIP K... (K: a frame, or frames K1,K2,...
# for one export with a reference on each; a frame written hN gets four hint points instead of a
# reference: a hint-only keyframe, whose sweeps stop at the next keyframe)
#   e.g. tests/bench/bench_guided_memory.sh build ../shared/data/clips/colour/bottle-detection.mp4 0 900 0,1100 0,h400,h800
set -euo pipefail
build=${1:-build}
clip=$2
shift 2
cli="$(cd "$build" && pwd)/bin/chromaflow-cli"
model=${CHROMAFLOW_MODEL:-$(dirname "$0")/../../resources/models/default.cfmodel}
work=${TMPDIR:-/tmp}/chromaflow-guided-memory
mkdir -p "$work"
export OMP_WAIT_POLICY=PASSIVE
name=$(basename "${clip%.*}")

run() {  # label args...: one export with a fresh cache
  local label=$1
  shift
  rm -rf "$work/cache" "$work/out.mkv"
  /usr/bin/time -f "%M %e %U %S" -o "$work/time" "$cli" colorize --model "$model" \
    --cache "$work/cache" --codec ffv1 "$@" "$work/out.mkv" >/dev/null 2>&1
  local sum
  sum=$(ffmpeg -v error -i "$work/out.mkv" -map 0:v -f framemd5 - | grep -v '^#' | md5sum | cut -c1-12)
  awk -v l="$label" -v s="$sum" '{printf "  %-24s peak %7.0f MiB  wall %6.1f s  CPU %6.1f s  frames %s\n", l, $1 / 1024, $2, $3 + $4, s}' "$work/time"
}

echo "$name ($(ffprobe -v error -count_frames -show_entries stream=nb_read_frames -of csv=p=0 "$clip") frames): load $(cut -d' ' -f1-3 /proc/loadavg)"
run automatic "$clip"
for keys in "$@"; do  # K or K1,K2,...: one reference on each
  refs=()
  hints=()
  for k in ${keys//,/ }; do
    if [[ $k == h* ]]; then
      for xy in "0.3 0.3" "0.7 0.3" "0.3 0.7" "0.7 0.7"; do
        set -- $xy
        hints+=("{\"frame\": ${k#h}, \"x\": $1, \"y\": $2, \"color\": \"#3f6fa0\"}")
      done
      continue
    fi
    ref="$work/${name}_ref$k.png"
    ffmpeg -v error -y -i "$clip" -vf "select=eq(n\,$k)" -frames:v 1 "$ref"
    refs+=(--reference "$k:$ref")
  done
  if ((${#hints[@]})); then
    (IFS=,; echo "{\"hints\": [${hints[*]}]}") >"$work/hints.json"
    refs+=(--hints "$work/hints.json")
  fi
  run "keyframes at $keys" "${refs[@]}" "$clip"
done
rm -rf "$work/cache" "$work/out.mkv"
