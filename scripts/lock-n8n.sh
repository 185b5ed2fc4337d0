#!/usr/bin/env bash
# Resolves a fresh lock file for each real n8n release given and writes it to
# dev/n8n-releases/<version>/package-lock.json, which scripts/n8n.sh installs from with `npm ci`:
#   scripts/lock-n8n.sh 1.29.1                    # one release
#   scripts/lock-n8n.sh 2.41.1 1.123.81 1.29.1    # every release the project runs
# The release's package.json there (its overrides: dev/n8n-releases/README.md) is kept; a release
# with no folder yet gets one with the usual overrides. The old lock is replaced only by a complete
# new one that installs anywhere (scripts/lib/releaseLock.js checks it). Commit both files after the
# tests pass on the new tree; a lock made only to bisect another release need not be committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib/cache.sh"

if (($# == 0)); then
	echo "Usage: scripts/lock-n8n.sh <n8n version>... (e.g. scripts/lock-n8n.sh 2.41.1 1.123.81 1.29.1)" >&2
	exit 2
fi

# As in scripts/n8n.sh: the user's npm settings apply, not this project's folder or ignore-scripts.
unset npm_config_local_prefix npm_config_prefix npm_config_global_prefix npm_config_ignore_scripts
scratch_root="$(mktemp -d)"
trap 'rm -rf "$scratch_root"' EXIT

# The package.json of a release locked for the first time. linkedom: n8n 2.41.1 asks for a range whose
# newest release needs a newer Node; 0.18.13 is the last that installs and runs here. xlsx: n8n 1.x
# fetches it from SheetJS's own CDN, outside the npm registry; the registry's last release stands in.
default_package_json() {
	local version="$1" overrides='"linkedom": "0.18.13"'
	[[ "${version%%.*}" == 1 ]] && overrides+=', "xlsx": "0.18.5"'
	cat <<-JSON
		{
		  "name": "n8n-${version}",
		  "private": true,
		  "dependencies": { "n8n": "${version}" },
		  "overrides": { ${overrides} }
		}
	JSON
}

lock_release() {
	local version="$1"
	# An exact version: the folder is named by it, and a range would lock whatever it meant today.
	if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
		echo "Not an exact n8n version: '${version}' (e.g. 1.29.1)" >&2
		return 2
	fi
	local release="dev/n8n-releases/${version}"
	local folder="$here/../$release"
	local scratch="$scratch_root/$version"
	mkdir -p "$scratch"
	if [[ -f "$folder/package.json" ]]; then
		cp "$folder/package.json" "$scratch/"
	else
		default_package_json "$version" >"$scratch/package.json"
	fi
	# npm picks among versions by the engines of the Node it runs on: resolve on the release's own.
	local node_bin
	node_bin="$(N8N_VERSION="$version" "$here/n8n-node.sh")" || return 1
	step "lock" "Resolving n8n ${version} and its packages from the registry"
	# From scratch (no old lock to start from), asking the registry rather than npm's cache, and
	# recording each tarball's URL whatever the user's omit-lockfile-registry-resolved says.
	if ! (
		cd "$scratch"
		export PATH="$(dirname "$node_bin"):$PATH"
		npm_explained "Resolving a lock for n8n ${version}" "" \
			npm install --package-lock-only --ignore-scripts --no-audit --no-fund --prefer-online \
			--omit-lockfile-registry-resolved=false --loglevel=error
	); then
		return 1
	fi
	local summary
	summary="$(node "$here/lib/releaseLock.js" "$version" "$scratch/package-lock.json" "$folder/package-lock.json")" || return 1
	# Each file appears whole: a command reading the folder meanwhile sees the old lock or the new one.
	mkdir -p "$folder" &&
		cp "$scratch/package.json" "$folder/package.json.$$" && mv "$folder/package.json.$$" "$folder/package.json" &&
		cp "$scratch/package-lock.json" "$folder/package-lock.json.$$" && mv "$folder/package-lock.json.$$" "$folder/package-lock.json" ||
		return 1
	echo "Wrote ${release}/package-lock.json: ${summary}" >&2
}

failed=()
for version in "$@"; do lock_release "$version" || failed+=("$version"); done
if ((${#failed[@]})); then
	echo "No new lock for n8n ${failed[*]} (any previous one is unchanged)" >&2
	exit 1
fi
