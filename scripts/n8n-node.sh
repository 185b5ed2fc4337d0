#!/usr/bin/env bash
# Prints the Node binary a real n8n of N8N_VERSION runs on: n8n 2.x needs Node 24 (scripts/node24.sh
# fetches it from the npm registry); n8n 1.x runs on the machine's own Node 20.
set -euo pipefail
N8N_VERSION="${N8N_VERSION:-2.41.1}"
if [[ "${N8N_VERSION%%.*}" == 1 ]]; then
	command -v node
else
	"$(cd "$(dirname "$0")" && pwd)/node24.sh"
fi
