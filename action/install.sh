#!/usr/bin/env bash
# The action's install step: build the action's own copy of ns-role-audit once (a fresh checkout
# of the action has no dist/). Node.js 20 or later must be on PATH (actions/setup-node).
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
if [ -f dist/cli/entry.js ] && [ -f schema/policy.schema.json ]; then
  echo "ns-role-audit already built in $GITHUB_ACTION_PATH"
  exit 0
fi
npm ci --no-audit --no-fund --ignore-scripts
npm run build --silent
