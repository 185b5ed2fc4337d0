#!/usr/bin/env bash
# Prints the path of a Node binary of the given version, installing it from the npm registry
# (package `node`) into the cache outside the repository on first use:
#   scripts/registry-node.sh 24.21.0
# For a real n8n release the machine's Node does not satisfy (scripts/n8n-node.sh), and for the
# Node 24 test pass (scripts/node24.sh).
set -euo pipefail

version="$1"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib/cache.sh"
cache="$cache_root/node-${version}"
binary="$cache/node_modules/node/bin/node"

installed() { [[ "$("$binary" --version 2>/dev/null)" == "v${version}" ]]; }

installed || lock_install "node-${version}" "Node ${version}"
if ! installed; then
	echo "Installing Node ${version} from the npm registry into $cache ..." >&2
	echo "Using your npm settings, except: ignore-scripts (the package's own install step places the binary), the project folder npm passes on" >&2
	step "Node ${version%%.*}" "Downloading Node ${version} (about 190 MB)"
	unset npm_config_local_prefix npm_config_prefix npm_config_global_prefix npm_config_ignore_scripts
	mkdir -p "$cache"
	npm install --prefix "$cache" --no-save --no-audit --no-fund --ignore-scripts=false "node@${version}" >&2
	installed || { echo "Expected Node ${version} at $binary, got '$("$binary" --version 2>&1)'" >&2; exit 1; }
fi

echo "$binary"
