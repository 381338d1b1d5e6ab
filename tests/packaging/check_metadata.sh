#!/bin/sh
# ctest packaging_desktop_file / packaging_appstream: validates the shipped desktop integration
# files with the freedesktop tools (Debian packages desktop-file-utils and appstream).
#   tests/packaging/check_metadata.sh desktop FILE.desktop
#   tests/packaging/check_metadata.sh appstream FILE.metainfo.xml
set -eu
kind=$1 file=$2
case "$kind" in
  desktop) tool=desktop-file-validate package=desktop-file-utils ;;
  appstream) tool=appstreamcli package=appstream ;;
  *) echo "usage: $0 desktop|appstream FILE" >&2; exit 2 ;;
esac
if ! command -v "$tool" > /dev/null 2>&1; then
  echo "FAIL: $tool is not installed: install the Debian package $package" \
    "(packaging/dev-setup.sh deps)" >&2
  exit 1
fi
if [ "$kind" = desktop ]; then
  # desktop-file-validate exits 0 on warnings and hints; the shipped file must have none.
  report=$(desktop-file-validate "$file" 2>&1) || { echo "$report" >&2; exit 1; }
  if [ -n "$report" ]; then
    echo "$report" >&2
    echo "FAIL: desktop-file-validate reported the issues above for $file" >&2
    exit 1
  fi
  echo "desktop-file-validate: $file is valid"
else
  # Fails on errors and warnings; --pedantic also lists minor hints (they do not fail).
  appstreamcli validate --no-net --pedantic --explain "$file"
fi
