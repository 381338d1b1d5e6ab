#!/bin/sh
# Before/after pictures for resources/models/README.md: colourises a short range of each real
# black-and-white clip with `chromaflow-cli colorize` and puts one frame of the original next to the
# same frame of the result (ffmpeg hstack), as a small JPEG in docs/images/.
#   resources/models/make_card_images.sh CLI MODEL CLIPS_DIR OUT_DIR
set -eu
cli=$1 model=$2 clips=$3 out=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
# clip name, first frame, last frame, frame to show (relative to first)
for spec in chaplin_with_audio:60:120:40 abomb_scratched:100:160:30 studio_1940s:200:260:30; do
  name=${spec%%:*}; rest=${spec#*:}
  first=${rest%%:*}; rest=${rest#*:}
  last=${rest%%:*}; show=${rest#*:}
  "$cli" colorize "$clips/$name.mp4" "$tmp/$name.mp4" --model "$model" --first "$first" \
    --last "$last" --no-audio > /dev/null
  ffmpeg -hide_banner -loglevel error -y -i "$clips/$name.mp4" -i "$tmp/$name.mp4" \
    -filter_complex "[0:v]select=eq(n\,$((first + show))),scale=-2:240,setsar=1[a];[1:v]select=eq(n\,$show),scale=-2:240,setsar=1[b];[a][b]hstack" \
    -frames:v 1 -q:v 5 "$out/before_after_$name.jpg"
done
ls -l "$out"
