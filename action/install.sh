#!/usr/bin/env bash
# The action's install step: build the action's own copy of ns-role-audit once (a fresh checkout
# of the action has no dist/). Node.js 20 or later must be on PATH (actions/setup-node).
# Only what the tool runs is installed (npm ci --omit=dev); the compiler and the bundler are
# fetched on their own into a temporary folder; the compiler runs without type checks (the
# repository's CI checks types).
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
if [ -f dist/cli.js ] && [ -f schema/policy.schema.json ]; then
  echo "ns-role-audit already built in $GITHUB_ACTION_PATH"
  exit 0
fi
started=$(date +%s)
installed=$(npm ci --omit=dev --no-audit --no-fund --ignore-scripts --loglevel=error 2>&1)
echo "$installed"
tsc_version=$(node -p "require('./package.json').devDependencies.typescript")
types_version=$(node -p "require('./package.json').devDependencies['@types/node']")
esbuild_version=$(node -p "require('./package.json').devDependencies.esbuild")
compiler=$(mktemp -d)
trap 'rm -rf "$compiler"' EXIT
npm install --prefix "$compiler" --no-audit --no-fund --loglevel=error "typescript@$tsc_version" "@types/node@$types_version" "esbuild@$esbuild_version" >/dev/null
node "$compiler/node_modules/typescript/bin/tsc" -p tsconfig.build.json --noCheck --typeRoots "$compiler/node_modules/@types"
node scripts/build-schemas.js
node scripts/build-validators.js
ESBUILD_PATH="$compiler/node_modules/esbuild" node scripts/bundle.js
packages=$(echo "$installed" | grep -o 'added [0-9]* packages' | grep -o '[0-9]*' || echo '?')
echo "ns-role-audit built in $(( $(date +%s) - started )) s with $packages runtime packages (no dev dependencies)"
