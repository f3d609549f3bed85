# Sourced by the build-tools scripts that take files from the npm registry without installing
# anything: fetch-chdb.sh (the chDB library), check-dashboards.sh (@grafana/schema, TypeScript) and
# check-deploy.sh (a pinned Node).

# npm_unpack <package@version> <dest>: downloads the registry tarball with `npm pack` (no install,
# no install scripts run) and unpacks its package/ directory as <dest>. <dest> is replaced only once
# the tarball is complete and unpacked, so an interrupted run leaves nothing half-written there.
npm_unpack() {
  local spec="$1" dest="$2" parent work tarball rc
  parent="$(dirname "$dest")"
  mkdir -p "$parent"
  work="$(mktemp -d "$parent/.npm-pack.XXXXXX")"
  if ! (cd "$work" && npm pack --silent --ignore-scripts "$spec" >/dev/null); then
    rm -rf "$work"
    echo "npm pack $spec failed (is the npm registry reachable?)" >&2
    return 1
  fi
  tarball="$(find "$work" -maxdepth 1 -name '*.tgz' -print -quit)"
  if [ -z "$tarball" ]; then
    rm -rf "$work"
    echo "npm pack $spec produced no tarball" >&2
    return 1
  fi
  rc=0
  { tar -xzf "$tarball" -C "$work" && rm -rf "$dest" && mv "$work/package" "$dest"; } || rc=$?
  rm -rf "$work"
  return "$rc"
}
