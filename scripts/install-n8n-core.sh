#!/usr/bin/env bash
# Installs one published n8n-core (with the n8n-workflow and DI container it pins) into a directory
# outside the repository, for `N8N_CORE_PATH=<dir> jest -c jest.matrix.config.js` or
# `node scripts/compat-matrix.js <dir>...` (bisecting without touching package.json):
#   scripts/install-n8n-core.sh 1.27.1 /tmp/n8n-cores/1.27.1
# --legacy-peer-deps: n8n-core up to 1.4x declares n8n-nodes-base as a peer, whose xlsx comes from
# SheetJS's CDN, outside the npm registry; the tests never load it.
# zod-to-json-schema: a fresh install picks 3.25, which imports 'zod/v3' (zod >= 3.25); n8n-core
# 1.60-1.98 pins an older zod, and the releases' own lockfiles had an older zod-to-json-schema.
set -euo pipefail
version="$1"
dir="$2"
mkdir -p "$dir"
cd "$dir"
[[ -f package.json ]] || echo "{\"name\":\"n8n-core-${version}\",\"private\":true}" > package.json
install() {
	npm install --no-audit --no-fund --ignore-scripts --no-package-lock --legacy-peer-deps --save-exact \
		"n8n-core@${version}" >&2
}
install
zod="$(node -p "require('./node_modules/zod/package.json').version" 2>/dev/null || true)"
if [[ -n "$zod" && "$(printf '%s\n3.25.0\n' "$zod" | sort -V | head -1)" != 3.25.0 ]]; then
	node -e "const f='package.json',p=require('./'+f);p.overrides={'zod-to-json-schema':'3.24.5'};require('fs').writeFileSync(f,JSON.stringify(p,null,2))"
	install
fi
echo "$dir/node_modules/n8n-core"
