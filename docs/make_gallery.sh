#!/bin/sh
# The before/after gallery of README.md and resources/models/README.md: colourises a short range of
# each public-domain black-and-white clip in ../shared/data/clips/bw with `chromaflow-cli colorize`
# (the whole pipeline, temporal smoothing included) and puts one frame of the original next to the
# same frame of the result (ffmpeg hstack), as a small JPEG. The clips are read in place; nothing
# but the JPEGs is written into the repository (the colourised clips and the cache live in a
# temporary folder that is removed at the end).
#
#   docs/make_gallery.sh [CLI [MODEL [CLIPS_DIR [OUT_DIR]]]]
#
# Defaults: build/bin/chromaflow-cli, resources/models/default.cfmodel, ../shared/data/clips/bw,
# docs/images (relative to the repository root). Takes a few minutes on 2 CPU cores.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cli=${1:-$root/build/bin/chromaflow-cli}
model=${2:-$root/resources/models/default.cfmodel}
clips=${3:-$root/../shared/data/clips/bw}
out=${4:-$root/docs/images}
[ -x "$cli" ] || { echo "$0: no chromaflow-cli at $cli: build first (cmake --build build)" >&2; exit 2; }
[ -f "$model" ] || { echo "$0: no model file at $model" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
# clip name, first frame, last frame, frame to show (relative to first)
for spec in chaplin_with_audio:60:120:40 abomb_scratched:100:160:30 studio_1940s:200:260:30; do
  name=${spec%%:*}; rest=${spec#*:}
  first=${rest%%:*}; rest=${rest#*:}
  last=${rest%%:*}; show=${rest#*:}
  [ -f "$clips/$name.mp4" ] || { echo "$0: $clips/$name.mp4 is missing" >&2; exit 1; }
  echo "$name: frames $first-$last"
  "$cli" colorize "$clips/$name.mp4" "$tmp/$name.mp4" --model "$model" --first "$first" \
    --last "$last" --no-audio --cache "$tmp/cache" > /dev/null
  ffmpeg -nostdin -hide_banner -loglevel error -y -i "$clips/$name.mp4" -i "$tmp/$name.mp4" \
    -filter_complex "[0:v]select=eq(n\,$((first + show))),scale=-2:240,setsar=1[a];[1:v]select=eq(n\,$show),scale=-2:240,setsar=1[b];[a][b]hstack" \
    -frames:v 1 -q:v 5 "$out/before_after_$name.jpg"
done
ls -l "$out"/before_after_*.jpg
