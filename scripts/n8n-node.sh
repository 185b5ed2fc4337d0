#!/usr/bin/env bash
# Prints the Node binary a real n8n of N8N_VERSION runs on: the machine's own Node when it satisfies
# the release's `engines.node` (read from the npm registry once, then kept beside the install),
# otherwise the first Node below that does, fetched from the registry by scripts/registry-node.sh.
# n8n 1.29.1 asks >=18.10 and 1.123.81 >=20.19 <= 24.x (the machine's Node 20.19+ does); 2.41.1
# asks >=24.0.0 (Node 24).
set -euo pipefail
N8N_VERSION="${N8N_VERSION:-2.41.1}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib/cache.sh"

# The Node versions this project fetches from the registry, newest first; add one when a release's
# range takes in none of them.
registry_nodes=("${NODE24_VERSION:-24.21.0}")

range_file="$cache_root/n8n-${N8N_VERSION}.engines-node"
if [[ ! -f "$range_file" ]]; then
	mkdir -p "$cache_root"
	range="$(npm view "n8n@${N8N_VERSION}" engines.node)" || {
		echo "Could not read engines.node of n8n ${N8N_VERSION} from the npm registry" >&2
		exit 1
	}
	printf '%s\n' "$range" >"$range_file.$$" && mv "$range_file.$$" "$range_file"
fi
range="$(cat "$range_file")"

# semver is in the project's node_modules (npm and jest depend on it).
satisfies() {
	node -e 'process.exit(require(process.argv[1]).satisfies(process.argv[2], process.argv[3]) ? 0 : 1)' \
		"$here/../node_modules/semver" "$1" "$range"
}

machine="$(command -v node)"
if satisfies "$(node --version)"; then
	echo "$machine"
	exit 0
fi
for version in "${registry_nodes[@]}"; do
	if satisfies "$version"; then exec "$here/registry-node.sh" "$version"; fi
done
echo "n8n ${N8N_VERSION} needs Node ${range}: neither this machine's $(node --version) nor ${registry_nodes[*]} (scripts/n8n-node.sh) satisfies it" >&2
exit 1
