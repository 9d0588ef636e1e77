#!/usr/bin/env bash
# Prints the bin folder of a Node.js build of the given major line (22, 24), taken from the npm
# registry's node-linux-<arch> package and kept under node_modules/.cache, so CI can run the
# suite on the supported LTS lines whatever Node the machine has. Usage: .ci/lts-node.sh 24
set -euo pipefail
cd "$(dirname "$0")/.."
major="${1:?usage: .ci/lts-node.sh MAJOR}"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "kube-posture: no node-linux package for $(uname -m)" >&2; exit 1 ;;
esac
dir="node_modules/.cache/node-lts/$major"
bin="$PWD/$dir/node_modules/node-linux-$arch/bin"
if [ ! -x "$bin/node" ]; then
  echo "kube-posture: fetching Node.js $major (npm package node-linux-$arch@$major)…" >&2
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund "node-linux-$arch@$major" >&2
fi
"$bin/node" --version >&2
echo "$bin"
