#!/usr/bin/env bash
# Fetches chDB (ClickHouse 26.x as a shared library) for sql-compat-tests, which run every migration
# and shipped query on both ClickHouse 18.16 (clickhouse-server) and 26.x (this library).
#
#   build-tools/fetch-chdb.sh            fetch into .cache/chdb/<version>/ unless already there
#   CHDB_CACHE_DIR=/some/dir build-tools/fetch-chdb.sh
#
# The version is pinned here and in the parent pom.xml (property chdb.version); keep them equal.
# `npm pack` only downloads the registry tarball: no package is installed and no install script
# runs. The script is idempotent: it exits at once when libchdb.so is present.
set -euo pipefail

CHDB_VERSION="26.7.3-stable.1"
PACKAGE="@chdb/lib-linux-x64-gnu"

root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${CHDB_CACHE_DIR:-$root/.cache/chdb}"
target="$cache/$CHDB_VERSION"
lib="$target/libchdb.so"

if [ -s "$lib" ]; then
  exit 0
fi

command -v npm >/dev/null 2>&1 || {
  echo "fetch-chdb: npm is required (apt-get install npm) to fetch $PACKAGE@$CHDB_VERSION" >&2
  exit 1
}

mkdir -p "$cache"
work="$(mktemp -d "$cache/.fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "fetch-chdb: fetching $PACKAGE@$CHDB_VERSION (about 180 MB) into $target" >&2
# shellcheck source=npm-pack.sh
. "$(dirname "$0")/npm-pack.sh"
npm_unpack "$PACKAGE@$CHDB_VERSION" "$work/package" || exit 1
mkdir -p "$target"
# Move into place last, so an interrupted run never leaves a partial libchdb.so behind.
mv "$work/package/libchdb.so" "$lib.partial"
mv "$lib.partial" "$lib"
echo "fetch-chdb: $lib ready" >&2
