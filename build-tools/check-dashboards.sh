#!/usr/bin/env bash
# Type-checks grafana/dashboards/*.json against @grafana/schema of the Grafana version we pin
# (docs/grafana.md), with tsc. Run by sql-compat-tests' DashboardSchemaIT inside ./analytics test.
#
#   build-tools/check-dashboards.sh                 check grafana/dashboards
#   build-tools/check-dashboards.sh <dashboards dir>
#   GRAFANA_NPM_CACHE_DIR=/some/dir build-tools/check-dashboards.sh
#
# The packages are fetched the way fetch-chdb.sh fetches chDB: `npm pack` downloads the registry
# tarballs (no install, no install scripts) into .cache/grafana-npm/ (gitignored), once.
# The versions are pinned here; GRAFANA_VERSION must equal the Grafana pinned in docs/grafana.md
# and grafana/provisioning/datasources/clickhouse.yaml (DashboardJsonTest checks that).
set -euo pipefail

GRAFANA_VERSION="12.1.1"
TYPESCRIPT_VERSION="5.9.3"

root="$(cd "$(dirname "$0")/.." && pwd)"
dashboards="${1:-$root/grafana/dashboards}"
cache="${GRAFANA_NPM_CACHE_DIR:-$root/.cache/grafana-npm}"
modules="$cache/schema-$GRAFANA_VERSION-ts-$TYPESCRIPT_VERSION/node_modules"

fail() { echo "check-dashboards: $*" >&2; exit 1; }
command -v node >/dev/null 2>&1 || fail "node is required (apt-get install npm)"
command -v npm >/dev/null 2>&1 || fail "npm is required (apt-get install npm)"

# shellcheck source=npm-pack.sh
. "$root/build-tools/npm-pack.sh"

# fetch <package> <version> <dir under node_modules>
fetch() {
  local target="$modules/$3"
  [ -f "$target/package.json" ] && return 0
  echo "check-dashboards: fetching $1@$2 into $target" >&2
  npm_unpack "$1@$2" "$target" || fail "cannot fetch $1@$2"
}

fetch @grafana/schema "$GRAFANA_VERSION" @grafana/schema
fetch tslib "$(node -p "require('$modules/@grafana/schema/package.json').dependencies.tslib")" tslib
fetch typescript "$TYPESCRIPT_VERSION" typescript

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ln -s "$modules" "$work/node_modules"
node "$root/build-tools/dashboard-types.mjs" "$dashboards" "$work/src"
cat > "$work/tsconfig.json" <<JSON
{
  "compilerOptions": {
    "strict": true, "noEmit": true, "skipLibCheck": true,
    "module": "esnext", "moduleResolution": "bundler", "target": "es2022",
    "types": []
  },
  "include": ["src/*.ts"]
}
JSON
if ! (cd "$work" && node node_modules/typescript/bin/tsc -p tsconfig.json); then
  fail "dashboards in $dashboards do not match @grafana/schema $GRAFANA_VERSION (tsc errors above; file src/<dashboard>.ts, panelN = the dashboard's panels[N])"
fi
echo "check-dashboards: $(ls "$dashboards"/*.json | wc -l) dashboard(s) match @grafana/schema $GRAFANA_VERSION"
