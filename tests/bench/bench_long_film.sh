#!/bin/bash
# Peak memory of `chromaflow-cli colorize` on a short and a long generated 480p film: the export
# streams, so the peak must not grow with the length (issue: within 1.5x from 500 to 20,000
# frames). Also prints the wall time, the frames/s and the disk cache per minute of video.
#
# Usage: tests/bench/bench_long_film.sh [BUILD_DIR] [LONG_FRAMES] [WORKING_HEIGHT] [SIZE]
#   defaults: build 20000 256 640x480. SIZE 1920x1080 (Full HD): the same film upscaled (bicubic)
#   before encoding. Needs ffmpeg and GNU time (/usr/bin/time, Debian package "time").
# Scratch files go to ${TMPDIR:-/tmp}/chromaflow-longfilm-SIZE (the cache is now about 30 MiB per
# minute of film: 0.5 GB for 20,000 frames at 256 px).
set -euo pipefail
build=${1:-build}
long=${2:-20000}
height=${3:-256}
size=${4:-640x480}
cli="$(cd "$build" && pwd)/bin/chromaflow-cli"
model=${CHROMAFLOW_MODEL:-$(dirname "$0")/../../resources/models/default.cfmodel}
work=${TMPDIR:-/tmp}/chromaflow-longfilm-$size
mkdir -p "$work"
export OMP_WAIT_POLICY=PASSIVE

# A film with motion and a scene change every 20 s: testsrc2 and mandelbrot alternating.
# Longer films repeat a 1000-frame piece without re-encoding (mandelbrot is slow to generate).
make_clip() {  # frames path
  local frames=$1 path=$2
  [ -s "$path" ] && return 0
  if [ "$frames" -gt 1000 ]; then
    make_clip 1000 "$work/film_1000.mp4"
    ffmpeg -v error -y -stream_loop -1 -i "$work/film_1000.mp4" -c copy -frames:v "$frames" "$path"
    return 0
  fi
  ffmpeg -v error -y -f lavfi -i "testsrc2=size=640x480:rate=25" -f lavfi -i "mandelbrot=size=640x480:rate=25" \
    -filter_complex "[0:v][1:v]blend=all_expr='if(lt(mod(T,40),20),A,B)',format=gray,scale=${size/x/:}:flags=bicubic,format=yuv420p" \
    -frames:v "$frames" -c:v libx264 -preset ultrafast -g 50 "$path"
}

run() {  # frames
  local frames=$1 clip="$work/film_$1.mp4" cache="$work/cache_$1" out="$work/out_$1.mp4"
  make_clip "$frames" "$clip"
  rm -rf "$cache" "$out"
  /usr/bin/time -v -o "$work/time_$frames.txt" "$cli" colorize "$clip" "$out" --model "$model" \
    --working-height "$height" --cache "$cache" >"$work/log_$frames.txt" 2>/dev/null
  local rss_kb wall cache_mb
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time_$frames.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time_$frames.txt")
  cache_mb=$(du -sm "$cache" | cut -f1)
  local minutes
  minutes=$(awk -v f="$frames" 'BEGIN {printf "%.3f", f / 25 / 60}')
  printf '%6d frames: peak RSS %6.0f MiB, wall %s, cache %d MiB = %.0f MiB per minute of video\n' \
    "$frames" "$(awk -v k="$rss_kb" 'BEGIN {print k / 1024}')" "$wall" "$cache_mb" \
    "$(awk -v m="$cache_mb" -v d="$minutes" 'BEGIN {print m / d}')"
  grep -E "^wrote|^  " "$work/log_$frames.txt" | sed 's/^/        /'
  echo "$rss_kb" >"$work/rss_$frames.txt"
}

echo "chromaflow-cli colorize, $size source, working height $height, model $model"
run 500
run "$long"
awk -v a="$(cat "$work/rss_500.txt")" -v b="$(cat "$work/rss_$long.txt")" \
  'BEGIN {printf "peak RSS ratio %d frames / 500 frames = %.2f (target <= 1.5)\n", '"$long"', b / a}'
rm -rf "$work"/cache_* "$work"/out_*
