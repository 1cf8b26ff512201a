#!/usr/bin/env bash
# Refresh the vendored browser assets of the web view from their npm packages (versions pinned here).
set -euo pipefail
dest="$(cd "$(dirname "$0")/.." && pwd)/claimgraph/serve/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent sigma@3.0.3 graphology@0.26.0 >/dev/null
tar xzf sigma-3.0.3.tgz && cp package/dist/sigma.min.js "$dest/" && cp package/LICENSE.txt "$dest/LICENSE-sigma.txt" && rm -rf package
tar xzf graphology-0.26.0.tgz && cp package/dist/graphology.umd.min.js "$dest/" && cp package/LICENSE.txt "$dest/LICENSE-graphology.txt"
echo "vendored sigma 3.0.3 and graphology 0.26.0 into $dest"
