#!/usr/bin/env bash
# Prints the path of a Node 24 binary, installing it from the npm registry (package `node`) into a
# cache outside the repository on first use. n8n 2.36+ and the Node 24 test pass need it; the
# machine itself only has Node 20.
set -euo pipefail

NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-suvvy/node-${NODE24_VERSION}"
binary="$cache/node_modules/node/bin/node"

if ! "$binary" --version >/dev/null 2>&1; then
	echo "Installing Node ${NODE24_VERSION} from the npm registry into $cache ..." >&2
	printf '[step %s] %s\n' "Node 24" "Downloading Node ${NODE24_VERSION} (about 190 MB)" >&2
	# This project's ignore-scripts and folder must not apply to the cache; the user's settings do.
	unset npm_config_local_prefix npm_config_prefix npm_config_global_prefix npm_config_ignore_scripts
	mkdir -p "$cache"
	# The package's own install step places the binary, so scripts must run for it.
	npm install --prefix "$cache" --no-save --no-audit --no-fund --ignore-scripts=false \
		"node@${NODE24_VERSION}" >&2
fi

version="$("$binary" --version)"
case "$version" in
	v24.*) echo "$binary" ;;
	*) echo "Expected Node 24 at $binary, got '$version'" >&2; exit 1 ;;
esac
