#!/bin/sh
# ctest packaging_deb: builds the Debian package with CPack, unpacks it into an empty root
# (dpkg -x) and checks it the way it will be installed:
#   1. Depends names the Debian 12 runtime packages of Qt 6, LibTorch, OpenCV, FFmpeg and OpenBLAS;
#   2. the files are in place (binaries, model, .desktop, metainfo, icons) and nothing else is,
#      and `appstreamcli validate-tree` accepts the unpacked tree;
#   3. every installed ELF file resolves all its libraries (ldd) and carries no build-tree RUNPATH;
#   4. the INSTALLED chromaflow-cli, run with an empty environment (no CHROMAFLOW_MODEL, no
#      LD_LIBRARY_PATH), reports and loads the INSTALLED default model, prints `info` of a
#      generated clip and colourises it (with its audio); the INSTALLED GUI opens the clip
#      offscreen, loads the INSTALLED model and shows its first preview.
# Translations need no check here: the .qm files are embedded as Qt resources (:/i18n).
#
#   tests/packaging/check_deb.sh BUILD_DIR [--no-gui]   (--no-gui: -DCHROMAFLOW_BUILD_GUI=OFF)
set -eu
if [ $# -lt 1 ] || [ ! -f "$1/CPackConfig.cmake" ]; then
  echo "usage: $0 BUILD_DIR [--no-gui]  (a configured and built Chromaflow build folder)" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
gui=yes
if [ "${2:-}" = --no-gui ]; then gui=no; fi
work=$(mktemp -d "${TMPDIR:-/tmp}/chromaflow-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
step() { echo "== [$(($(date +%s) - start)) s] $*"; }

for tool in cpack dpkg-deb dpkg-shlibdeps ldd readelf ffmpeg ffprobe; do
  command -v "$tool" > /dev/null 2>&1 ||
    fail "$tool is not installed (packaging/dev-setup.sh deps installs what the tests need)"
done

step "cpack -G DEB"
if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/pkg" > "$work/cpack.log" 2>&1; then
  cat "$work/cpack.log" >&2
  fail "cpack -G DEB failed (log above)"
fi
deb=$(find "$work/pkg" -maxdepth 1 -name '*.deb' | head -n 1)
[ -n "$deb" ] || fail "cpack wrote no .deb into $work/pkg"
echo "$(basename "$deb"): $(du -k "$deb" | cut -f1) KiB"

step "Depends"
dpkg-deb -f "$deb" Package Version Architecture Depends Recommends
depends=", $(dpkg-deb -f "$deb" Depends | tr '\n' ' '), "
# One pattern per runtime library family; each must name a package in Depends.
gui_packages=
if [ $gui = yes ]; then gui_packages='libqt6gui6 libqt6widgets6'; fi
for pattern in 'libqt6core6' $gui_packages 'libtorch[0-9.]+' \
  'libopencv-core[0-9]+' 'libopencv-imgproc[0-9]+' 'libopencv-contrib[0-9]+' \
  'libavformat[0-9]+' 'libavcodec[0-9]+' 'libavutil[0-9]+' 'libswscale[0-9]+' \
  'libswresample[0-9]+' 'libopenblas0-pthread'; do
  echo "$depends" | grep -Eq "[ ,|]${pattern}( \\(|,| \\|)" ||
    fail "Depends has no package matching '$pattern'"
done

dpkg-deb -f "$deb" Recommends | grep -q 'qt6-translations-l10n' ||
  fail "Recommends lacks qt6-translations-l10n (Qt's own strings in the user's language)"

step "dpkg -x"
root=$work/root
dpkg -x "$deb" "$root"
prefix=$root/usr
gui_binary=
if [ $gui = yes ]; then gui_binary=bin/chromaflow; fi
for f in $gui_binary bin/chromaflow-cli \
  share/chromaflow/models/default.cfmodel share/chromaflow/models/README.md \
  share/applications/org.chromaflow.Chromaflow.desktop \
  share/metainfo/org.chromaflow.Chromaflow.metainfo.xml \
  share/icons/hicolor/scalable/apps/chromaflow.svg; do
  [ -s "$prefix/$f" ] || fail "the package lacks /usr/$f"
done
for size in 16 24 32 48 64 128 256; do
  [ -s "$prefix/share/icons/hicolor/${size}x${size}/apps/chromaflow.png" ] ||
    fail "the package lacks the ${size}x${size} icon"
done
outside=$(cd "$root" && find . -mindepth 1 -maxdepth 1 ! -name usr)
[ -z "$outside" ] || fail "the package installs outside /usr: $outside"
icon=$(sed -n 's/^Icon=//p' "$prefix/share/applications/org.chromaflow.Chromaflow.desktop")
[ -s "$prefix/share/icons/hicolor/scalable/apps/$icon.svg" ] ||
  fail "the .desktop file's Icon=$icon is not an installed icon"
grep -q '<launchable type="desktop-id">org.chromaflow.Chromaflow.desktop</launchable>' \
  "$prefix/share/metainfo/org.chromaflow.Chromaflow.metainfo.xml" ||
  fail "the metainfo's launchable is not the installed .desktop file"

# The installed tree as software centres read it: metainfo, its launchable .desktop file, icons.
if command -v appstreamcli > /dev/null 2>&1; then
  appstreamcli validate-tree --no-net "$root" || fail "appstreamcli validate-tree failed on the package"
fi
if command -v desktop-file-validate > /dev/null 2>&1; then
  desktop-file-validate "$prefix/share/applications/org.chromaflow.Chromaflow.desktop" ||
    fail "the installed .desktop file is invalid"
fi

step "ldd and RUNPATH"
elves=0
find "$root" -type f \( -path '*/bin/*' -o -name '*.so' -o -name '*.so.*' \) > "$work/files.txt"
while IFS= read -r f; do
  [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ] || continue
  elves=$((elves + 1))
  missing=$(env -u LD_LIBRARY_PATH ldd "$f" | grep 'not found' || true)
  [ -z "$missing" ] || fail "${f#"$root"} has unresolved libraries:
$missing"
  if readelf -d "$f" | grep -E 'R(UN)?PATH' | grep -Fq "$build"; then
    fail "${f#"$root"} has a RUNPATH into the build tree $build"
  fi
  echo "${f#"$root"}: $(ldd "$f" | wc -l) libraries, all found"
done < "$work/files.txt"
[ "$elves" -ge 1 ] || fail "found no ELF files in the package"

step "installed chromaflow-cli"
# An empty environment: nothing points at the build tree, the model or other libraries.
run() {
  env -i PATH=/usr/bin:/bin HOME="$work/home" LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE "$@"
}
mkdir -p "$work/home"
model=$prefix/share/chromaflow/models/default.cfmodel
run "$prefix/bin/chromaflow-cli" version > "$work/version.txt" || fail "chromaflow-cli version failed"
cat "$work/version.txt"
grep -Fxq "Default model: $model" "$work/version.txt" ||
  fail "the installed chromaflow-cli does not use the installed model $model"

clip=$work/clip.mp4
ffmpeg -nostdin -hide_banner -loglevel error -f lavfi -i testsrc2=size=160x120:rate=10:duration=1 \
  -f lavfi -i sine=frequency=440:sample_rate=48000:duration=1 -vf format=gray,format=yuv420p \
  -c:v libx264 -preset ultrafast -c:a aac -shortest "$clip"
run "$prefix/bin/chromaflow-cli" info "$clip" > "$work/info.txt" || fail "chromaflow-cli info failed"
cat "$work/info.txt"
grep -Eq '^Frames: +10$' "$work/info.txt" || fail "info does not report the clip's 10 frames"
grep -Eq '^Audio: +#1 aac, 48000 Hz' "$work/info.txt" || fail "info does not report the clip's audio"

out=$work/colour.mp4
if ! run "$prefix/bin/chromaflow-cli" colorize "$clip" "$out" --working-height 128 \
  --cache "$work/cache" > "$work/colorize.txt" 2> "$work/colorize.err"; then
  cat "$work/colorize.txt" "$work/colorize.err" >&2
  fail "the installed chromaflow-cli colorize failed"
fi
cat "$work/colorize.txt"
grep -Fq "model \"$model\"" "$work/colorize.err" ||
  fail "colorize did not load the installed model $model: $(grep model "$work/colorize.err")"
run "$prefix/bin/chromaflow-cli" info "$out" > "$work/info_out.txt" || fail "info of the output failed"
grep -Eq '^Frames: +10$' "$work/info_out.txt" || fail "the colourised clip does not have 10 frames"
grep -Eq '^Audio: +#1 ' "$work/info_out.txt" || fail "the colourised clip lost its audio"
# The input is grey (saturation 0); the output must carry colour.
sat() {
  ffprobe -v error -f lavfi "movie=$1,signalstats" -show_entries frame_tags=lavfi.signalstats.SATAVG \
    -of csv=p=0 | awk '{ s += $1; n++ } END { if (n) printf "%.2f", s / n; else print -1 }'
}
sat_in=$(sat "$clip")
sat_out=$(sat "$out")
echo "mean saturation: input $sat_in, colourised $sat_out"
awk -v a="$sat_in" -v b="$sat_out" 'BEGIN { exit !(b > a + 2) }' ||
  fail "the colourised clip is not more saturated than its grey input ($sat_out vs $sat_in)"

if [ $gui = no ]; then
  step "passed (without the GUI)"
  exit 0
fi
step "installed chromaflow (GUI, offscreen)"
if ! run "$prefix/bin/chromaflow" --screenshot "$work/shot.png" "$clip" > "$work/gui.log" 2>&1; then
  cat "$work/gui.log" >&2
  fail "the installed GUI did not show a preview of the clip"
fi
[ -s "$work/shot.png" ] || fail "the installed GUI wrote no screenshot"
grep -Fq "model \"$model\"" "$work/gui.log" ||
  fail "the installed GUI did not load the installed model $model: $(grep model "$work/gui.log")"
# --frame N opens at frame N: the screenshot waits for that frame's preview and names it; a
# frame that is not a number is refused with exit code 2 and a message.
if ! run "$prefix/bin/chromaflow" --frame 6 --screenshot "$work/shot6.png" "$clip" > "$work/gui6.log" 2>&1; then
  cat "$work/gui6.log" >&2
  fail "the installed GUI did not show frame 6 of the clip"
fi
grep -Fq "(frame 6)" "$work/gui6.log" || fail "--frame 6 did not open at frame 6: $(grep saved "$work/gui6.log")"
rc=0
run "$prefix/bin/chromaflow" --frame six "$clip" > "$work/gui_bad.log" 2>&1 || rc=$?
[ "$rc" = 2 ] || fail "--frame six exited with $rc, not 2"
grep -Fq "needs a frame number" "$work/gui_bad.log" || fail "--frame six gave no clear message"

step "passed"
