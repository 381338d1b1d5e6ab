#!/usr/bin/env bash
# Builds (if needed) and runs a libFuzzer target for SECONDS.
#
#   tests/fuzz/run_fuzz.sh SECONDS [CORPUS_DIR]
#   CF_FUZZ_TARGET=cache_entry tests/fuzz/run_fuzz.sh SECONDS [CORPUS_DIR]
#
# CF_FUZZ_TARGET: videoreader (default), cache_entry, model_card, project_file or hints. The parser
# targets start from their committed seeds (tests/fuzz/seeds/TARGET) and use BUILD/corpus-TARGET.
#
# The build goes to $CF_FUZZ_BUILD (default build-fuzz/, configured with clang and
# -DCHROMAFLOW_FUZZ=ON). Seeds: tests/data/make_bad_inputs.sh output plus small valid clips, written
# to BUILD/seeds once. New inputs go to CORPUS_DIR (default BUILD/corpus); crashes, leaks and
# timeouts to BUILD/artifacts/. The run stops at the first finding; CF_FUZZ_FORK=N runs N forked
# workers that go on past crashes and timeouts (each finding still lands in BUILD/artifacts/).
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 SECONDS [CORPUS_DIR]" >&2
  exit 2
fi
seconds=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${CF_FUZZ_BUILD:-$root/build-fuzz}
target=${CF_FUZZ_TARGET:-videoreader}
fork=${CF_FUZZ_FORK:-0}
case $target in
  videoreader) corpus=${2:-$build/corpus} ;;
  cache_entry | model_card | project_file | hints) corpus=${2:-$build/corpus-$target} ;;
  *)
    echo "run_fuzz.sh: unknown CF_FUZZ_TARGET '$target'" >&2
    exit 2
    ;;
esac

if ! command -v clang++ >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "run_fuzz.sh: needs clang and libFuzzer: apt-get install clang libclang-rt-14-dev" >&2
  exit 2
fi
if [[ ! -f $build/build.ninja ]]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCHROMAFLOW_FUZZ=ON \
    -DCHROMAFLOW_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j2 --target "fuzz_$target"

mode=()
if [[ $fork -gt 0 ]]; then
  mode=(-fork="$fork" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
fi
mkdir -p "$corpus" "$build/artifacts"
if [[ $target != videoreader ]]; then
  exec "$build/tests/fuzz/fuzz_$target" "$corpus" "$root/tests/fuzz/seeds/$target" \
    -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2560 \
    -malloc_limit_mb=2048 -print_final_stats=1 "${mode[@]}" \
    -artifact_prefix="$build/artifacts/$target-"
fi

seeds=$build/seeds
if [[ ! -f $seeds/.done ]]; then
  rm -rf "$seeds"
  "$root/tests/data/make_bad_inputs.sh" "$seeds"
  ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }
  src="testsrc2=s=32x24:r=10"
  ff -f lavfi -i "$src" -frames:v 5 -c:v libx264 -g 2 -bf 1 "$seeds/valid_h264.mp4"
  ff -f lavfi -i "$src" -frames:v 5 -c:v mpeg4 "$seeds/valid_mpeg4.avi"
  ff -f lavfi -i "$src" -frames:v 5 -c:v ffv1 "$seeds/valid_ffv1.mkv"
  ff -f lavfi -i "$src" -frames:v 5 -c:v mpeg2video "$seeds/valid_mpeg2.ts"
  ff -f lavfi -i "$src" -frames:v 5 -c:v libvpx -b:v 100k "$seeds/valid_vp8.webm"
  ff -f lavfi -i "$src" -frames:v 5 -c:v mjpeg "$seeds/valid_mjpeg.mov"
  ff -f lavfi -i "$src" -frames:v 5 -c:v rawvideo -pix_fmt gray "$seeds/valid_gray.nut"
  ff -f lavfi -i "$src" -frames:v 5 -c:v huffyuv "$seeds/valid_huffyuv.avi"
  ff -f lavfi -i "$src" -frames:v 5 -f yuv4mpegpipe "$seeds/valid.y4m"
  rm -f "$seeds/size_8k.mp4"  # ~100 KB: over -max_len, and every mutant decodes an 8K frame
  touch "$seeds/.done"
fi

exec "$build/tests/fuzz/fuzz_videoreader" "$corpus" "$seeds" \
  -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2560 \
  -malloc_limit_mb=2048 -print_final_stats=1 "${mode[@]}" \
  -artifact_prefix="$build/artifacts/"
