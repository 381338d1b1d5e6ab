#!/bin/sh
# ctest docs_cli_reference: regenerates docs/cli-reference.md from the built chromaflow-cli and
# fails, with the diff and the refresh command, when the committed file is out of date.
#   tests/packaging/check_cli_reference.sh CHROMAFLOW_CLI SOURCE_DIR
set -eu
cli=$1 src=$2
fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT
"$src/docs/make_cli_reference.sh" "$cli" "$fresh"
if ! diff -u "$src/docs/cli-reference.md" "$fresh"; then
  echo "FAIL: docs/cli-reference.md is out of date with chromaflow-cli's --help (diff above:" \
    "- committed, + current). Refresh it with" >&2
  echo "    cmake --build build --target cli-reference" >&2
  echo "and commit docs/cli-reference.md." >&2
  exit 1
fi
echo "docs/cli-reference.md matches chromaflow-cli's --help"
