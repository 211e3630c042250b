#!/usr/bin/env bash
# Installs bibpipe for the GitHub Action (action.yml) from the action's own checkout, with
# only what runs: the runtime dependencies (npm ci --omit=dev, no install scripts) and, to
# build dist/ once, the TypeScript compiler and the type packages the sources import, at
# the versions package-lock.json pins, in a folder of their own outside the checkout.
set -euo pipefail
root="${1:?usage: action-install.sh ACTION_PATH}"
cd "$root"
if [ -f dist/cli/main.js ]; then exit 0; fi
npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
toolkit="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/bibpipe-build-toolkit"
# typescript and the @types packages of devDependencies, each at its locked version.
mapfile -t specs < <(node -e '
  const lock = require("./package-lock.json").packages;
  for (const name of Object.keys(require("./package.json").devDependencies)) {
    if (/^(typescript|@types\/.+)$/.test(name)) console.log(`${name}@${lock[`node_modules/${name}`].version}`);
  }')
npm install --prefix "$toolkit" --no-save --no-package-lock --ignore-scripts --no-audit --no-fund --loglevel=error "${specs[@]}"
mkdir -p node_modules/@types
for types in "$toolkit"/node_modules/@types/*; do ln -sfn "$types" node_modules/@types/; done
node "$toolkit/node_modules/typescript/bin/tsc" -p tsconfig.build.json
test -f dist/cli/main.js
