#!/bin/sh
# Validates packaging/cluster/kubernetes/*.yaml against the Kubernetes API schemas (offline, npm's
# kubernetes-models; packaging/cluster/kubernetes/validate-manifests.mjs), and checks that a broken
# manifest is caught.
#   check_kubernetes_manifests.sh MANIFEST_DIR WORK_DIR
# Exit 77 (ctest: skipped, with the reason) when node/npm are not installed; the packages are
# installed from npm into WORK_DIR once.
set -eu
dir=$(cd "${1:?usage: $0 MANIFEST_DIR WORK_DIR}" && pwd)
work=${2:?usage: $0 MANIFEST_DIR WORK_DIR}
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "node and npm are not installed: the Kubernetes manifests were not validated. Skipped." >&2
  exit 77
fi
mkdir -p "$work"
cd "$work"
if [ ! -d node_modules/kubernetes-models ] || [ ! -d node_modules/js-yaml ]; then
  npm install --no-save --no-audit --no-fund --loglevel=error kubernetes-models@5 js-yaml@4
fi
node "$dir/validate-manifests.mjs" "$dir"/*.yaml
# The check can fail: a manifest with a wrong completion mode and a string parallelism.
sed 's/completionMode: Indexed/completionMode: Sideways/; s/parallelism: 20/parallelism: "x"/' \
  "$dir/colorize-shards.yaml" >broken.yaml
if node "$dir/validate-manifests.mjs" broken.yaml 2>/dev/null; then
  echo "a broken manifest passed the validation" >&2
  exit 1
fi
echo "the broken manifest was refused, as it should be"
