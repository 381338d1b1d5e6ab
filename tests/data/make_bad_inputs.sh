#!/usr/bin/env bash
# Writes the bad-input corpus (docs/bad-input.md) into OUTDIR: malformed and unusual video files,
# a few frames each, made with the ffmpeg CLI, head/dd and python3. Deterministic (bit-exact
# encoders, one thread, seeded random bytes) and fast (a few seconds). The list of files and the
# outcome each must have is in tests/hardening/tst_bad_inputs.cpp.
#
#   tests/data/make_bad_inputs.sh OUTDIR
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
out=$1
mkdir -p "$out"
cd "$out"

ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }
# Bit-exact output: the same bytes on every run.
bx=(-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1)
x264=(-c:v libx264 -preset ultrafast -threads 1 -g 4 -bf 0 -pix_fmt yuv420p)
src="testsrc2=s=64x48:r=10"
tone="sine=f=440:r=8000"

# Writes bytes [0, N) of file $1 to $2.
cut_at() { head -c "$3" "$1" >"$2"; }
# Overwrites $3 bytes of $1 at offset $2 with a seeded pseudo-random pattern.
scribble() {
  python3 - "$1" "$2" "$3" <<'PY'
import random, sys
path, offset, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(8)
with open(path, "r+b") as f:
    f.seek(offset)
    f.write(bytes(rng.randrange(256) for _ in range(count)))
PY
}
size_of() { stat -c %s "$1"; }

# --- broken files -------------------------------------------------------------------------------
: >zero_bytes.mp4
python3 -c 'import random,sys; r=random.Random(1); sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(4096)))' >random_bytes.mp4
printf 'this is a text file, not a video\n' >text_named.mp4

# A complete MP4 with its index at the start, and one with it at the end (the default).
ff -f lavfi -i "$src" -frames:v 12 "${x264[@]}" -movflags +faststart "${bx[@]}" .faststart.mp4
ff -f lavfi -i "$src" -frames:v 12 "${x264[@]}" "${bx[@]}" .moov_at_end.mp4
cut_at .faststart.mp4 truncated.mp4 $(($(size_of .faststart.mp4) / 2))
# The ftyp box and the start of moov only: no samples at all.
cut_at .faststart.mp4 header_only.mp4 64
# Cut just before the moov atom (a recording that was never finished), and inside it.
moov_at=$(python3 -c 'import sys; print(open(sys.argv[1], "rb").read().find(b"moov") - 4)' .moov_at_end.mp4)
cut_at .moov_at_end.mp4 missing_moov.mp4 "$moov_at"
cut_at .moov_at_end.mp4 damaged_moov.mp4 $((moov_at + 200))
# The index intact but every sample byte zeroed: demuxes, but nothing decodes.
cp .faststart.mp4 zeroed_samples.mp4
python3 - zeroed_samples.mp4 <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
i = data.find(b"mdat")
size = int.from_bytes(data[i - 4:i], "big")
data[i + 4:i - 4 + size] = bytes(size - 8)
open(sys.argv[1], "wb").write(data)
PY

# Matroska cut in half: no index problem, the stream just ends early.
ff -f lavfi -i "$src" -frames:v 12 "${x264[@]}" "${bx[@]}" .whole.mkv
cut_at .whole.mkv truncated.mkv $(($(size_of .whole.mkv) / 2))

# Damaged packets in the middle: scribble over a stretch of the second half of the file.
ff -f lavfi -i "$src" -frames:v 20 -c:v mpeg4 -g 5 -qscale:v 4 -threads 1 "${bx[@]}" corrupt_middle.avi
scribble corrupt_middle.avi $(($(size_of corrupt_middle.avi) * 55 / 100)) 200
ff -f lavfi -i "$src" -frames:v 20 "${x264[@]}" "${bx[@]}" corrupt_middle.mkv
scribble corrupt_middle.mkv $(($(size_of corrupt_middle.mkv) * 55 / 100)) 200

# --- wrong names --------------------------------------------------------------------------------
ff -f lavfi -i "$src" -frames:v 6 "${x264[@]}" "${bx[@]}" -f matroska mkv_named.mp4
ff -f lavfi -i "$src" -frames:v 6 "${x264[@]}" "${bx[@]}" -f mp4 mp4_named.avi
cp .faststart.mp4 "path with spaces.mp4"
cp .faststart.mp4 "Ünïcödé 電影.mp4"

# --- unusual geometry ---------------------------------------------------------------------------
ff -f lavfi -i "$src" -vf scale=1:1 -frames:v 4 -c:v ffv1 -pix_fmt yuv420p "${bx[@]}" size_1x1.mkv
ff -f lavfi -i "$src" -vf scale=7:5 -frames:v 4 -c:v ffv1 -pix_fmt yuv420p "${bx[@]}" size_7x5.mkv
ff -f lavfi -i "color=c=gray:s=7680x4320:r=10" -frames:v 1 "${x264[@]}" "${bx[@]}" size_8k.mp4

# --- unusual pixel formats ----------------------------------------------------------------------
ff -f lavfi -i "$src" -frames:v 4 -c:v prores_ks -profile:v 2 -pix_fmt yuv422p10le "${bx[@]}" yuv422p10_prores.mov
ff -f lavfi -i "$src" -frames:v 4 -c:v mjpeg -pix_fmt yuvj420p "${bx[@]}" yuvj420p_full_range.avi
ff -f lavfi -i "$src" -frames:v 4 -c:v qtrle -pix_fmt rgb24 "${bx[@]}" rgb24_qtrle.mov
ff -f lavfi -i "$src" -frames:v 4 -c:v gif -pix_fmt pal8 "${bx[@]}" pal8.gif

# --- unusual timing and flags -------------------------------------------------------------------
# FFmpeg 5.1 writes a display matrix for the rotate tag on stream copy only.
ff -f lavfi -i "$src" -frames:v 6 "${x264[@]}" "${bx[@]}" .upright.mp4
ff -i .upright.mp4 -c copy -metadata:s:v:0 rotate=90 "${bx[@]}" rotated_90.mp4
ff -f lavfi -i "$src" -frames:v 8 -vf "setpts='N*0.1/TB+if(gt(N,3),0.25/TB,0)'" -fps_mode vfr "${x264[@]}" "${bx[@]}" vfr.mkv
ff -f lavfi -i "$src" -frames:v 6 "${x264[@]}" -flags +ildct+ilme -x264opts tff=1 -field_order tt "${bx[@]}" interlaced.mp4

# --- streams ------------------------------------------------------------------------------------
# A real H.264 track with no samples (stream copy starting after its end).
ff -ss 10 -i .faststart.mp4 -map 0:v -c copy "${bx[@]}" no_frames.mp4
ff -f lavfi -i "$tone:d=0.5" -c:a aac "${bx[@]}" audio_only.m4a
ff -f lavfi -i "$src" -f lavfi -i "$tone:d=1" -f lavfi -i "sine=f=660:r=8000:d=1" \
  -f lavfi -i "sine=f=880:r=8000:d=1" -map 0:v -map 1:a -map 2:a -map 3:a -frames:v 8 \
  "${x264[@]}" -c:a aac -shortest "${bx[@]}" three_audio.mkv
printf '1\n00:00:00,000 --> 00:00:00,500\nHello\n\n' >.subs.srt
ff -f lavfi -i "$src" -i .subs.srt -map 0:v -map 1:s -frames:v 6 "${x264[@]}" -c:s srt \
  "${bx[@]}" subtitle.mkv
ff -f lavfi -i "$src" -frames:v 1 "${bx[@]}" still.png

# --- issue #20: timestamps, streams and geometry -------------------------------------------------
# Timestamps that wrap (33 bits at 90 kHz) 0.318 s in: FFmpeg reads the first frames with negative
# pts, which an MP4/MOV edit list used to hide.
wrap_offset=$(python3 -c 'print(f"{2**33 / 90000 - 0.318 - 1.4:.6f}")')
ff -f lavfi -i "$src" -frames:v 12 "${x264[@]}" -output_ts_offset "$wrap_offset" "${bx[@]}" -f mpegts wrapped_pts.ts
# Three frames, the third 10 hours in.
ff -f lavfi -i "$src" -frames:v 3 -vf "setpts='if(eq(N,2),36000/TB,N*0.1/TB)'" -fps_mode vfr "${x264[@]}" "${bx[@]}" far_frame.mkv
# Two transport streams joined with cat: the timestamps jump back in the middle.
ff -f lavfi -i "$src" -frames:v 6 "${x264[@]}" "${bx[@]}" -f mpegts .part.ts
cat .part.ts .part.ts >joined_cat.ts
# A resolution change mid-stream (64x48, then 32x24 continuing the clock): not damage.
ff -f lavfi -i "testsrc2=s=32x24:r=10" -frames:v 6 "${x264[@]}" -output_ts_offset 0.6 "${bx[@]}" -f mpegts .small.ts
cat .part.ts .small.ts >size_change.ts
# A second video stream, which the export leaves out (with a note).
ff -f lavfi -i "$src" -f lavfi -i "mandelbrot=s=32x24:r=10" -map 0:v -map 1:v -frames:v 6 -c:v ffv1 "${bx[@]}" two_video.mkv
# Extreme aspect ratios: refused before any work, with the supported range.
ff -f lavfi -i "color=c=gray:s=16384x16:r=10" -frames:v 2 -c:v ffv1 -pix_fmt gray "${bx[@]}" aspect_16384x16.mkv
ff -f lavfi -i "color=c=gray:s=16x16384:r=10" -frames:v 2 -c:v ffv1 -pix_fmt gray "${bx[@]}" aspect_16x16384.mkv
# Not made here: a named pipe (FIFO). Opening one blocks until a writer appears, so it cannot sit
# in a corpus that other tools (sha256, the fuzzer's seed loader) read; tst_integrity_files makes
# its own.

rm -f .faststart.mp4 .moov_at_end.mp4 .whole.mkv .subs.srt .upright.mp4 .part.ts .small.ts
