#!/usr/bin/env bash
# One entry point for developers, CI and new users on Debian 12 (run as root, or with sudo available).
#
#   packaging/dev-setup.sh run [VIDEO]   install what is missing, build, start Chromaflow
#   packaging/dev-setup.sh test          install what is missing, build, run the whole ctest suite
#   packaging/dev-setup.sh deps          only install what is missing
#   packaging/dev-setup.sh build         install what is missing and build
#
# Environment: BUILD_DIR (default: build), JOBS (default: nproc), CI=true turns warnings into errors
# and adds the clang-format check.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
build_dir=${BUILD_DIR:-build}
jobs=${JOBS:-$(nproc)}

# Debian 12 packages. libopenblas0-pthread matters: LibTorch calls the system BLAS, and the
# reference BLAS is ~30x slower for the convolutions of the colour network.
packages=(
  build-essential cmake ninja-build pkg-config git clang-format
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  qt6-multimedia-dev           # the preview's sound (QAudioSink)
  libtorch-dev libopenblas0-pthread
  libopencv-dev
  zlib1g-dev                   # crc32() for the cache entry checksums
  libavfilter-dev              # deinterlacing (bwdif) of interlaced video
  libexiv2-dev                 # photo metadata (EXIF, IPTC, XMP, ICC) carried to the output
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev libswresample-dev
  ffmpeg opencv-doc
  xvfb xauth
  python3                      # tests/data/make_bad_inputs.sh (the hardening suite)
  desktop-file-utils appstream   # ctest -L packaging validates the .desktop and metainfo files
  slurm-wlm munge              # ctest -L cluster runs a single-node Slurm cluster
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_deps() {
  local missing=()
  local p
  for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "dev-setup: all ${#packages[@]} Debian packages are installed"
    return
  fi
  echo "dev-setup: installing ${missing[*]}"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

configure_and_build() {
  local werror=OFF
  if [ "${CI:-}" = "true" ]; then werror=ON; fi
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHROMAFLOW_WERROR="$werror"
  cmake --build "$build_dir" -j "$jobs"
}

run_tests() {
  if [ "${CI:-}" = "true" ]; then
    cmake --build "$build_dir" --target format-check
  fi
  # Run ctest from the build dir so that ctest prints its summary line last.
  (cd "$build_dir" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$jobs" --timeout 600)
}

run_app() {
  local app="$build_dir/bin/chromaflow"
  if [ ! -x "$app" ]; then app="$build_dir/bin/chromaflow-cli"; fi
  local video=${1:-/usr/share/doc/opencv-doc/examples/data/vtest.avi}
  if [ "$(basename "$app")" = "chromaflow-cli" ]; then
    exec "$app" info "$video"
  fi
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "dev-setup: no display found; starting the GUI under xvfb-run"
    exec xvfb-run -a "$app" "$video"
  fi
  exec "$app" "$video"
}

cmd=${1:-}
shift || true
case "$cmd" in
  deps) install_deps ;;
  build) install_deps; configure_and_build ;;
  test) install_deps; configure_and_build; run_tests ;;
  run) install_deps; configure_and_build; run_app "$@" ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
