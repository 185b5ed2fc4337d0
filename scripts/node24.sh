#!/usr/bin/env bash
# Prints the path of a Node 24 binary (NODE24_VERSION, 24.21.0 unless set), installed from the npm
# registry into the cache on first use: the Node 24 test pass of .ci/run needs it, and it is the
# Node scripts/n8n-node.sh gives an n8n release whose engines.node the machine's Node does not meet.
set -euo pipefail
exec "$(cd "$(dirname "$0")" && pwd)/registry-node.sh" "${NODE24_VERSION:-24.21.0}"
