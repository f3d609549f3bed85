#!/usr/bin/env bash
# Container health check without curl or wget (the JRE, Flink and ClickHouse images do not all have
# them): GET http://<host>:<port><path> over bash's /dev/tcp and succeed on a 200 status line.
# Used by the images in deploy/ and by compose.yaml's healthchecks (docs/operations.md, "Health").
#
#   http-ready <port> <path> [host]
set -euo pipefail
port="$1"
path="$2"
host="${3:-127.0.0.1}"
exec 3<>"/dev/tcp/$host/$port"
printf 'GET %s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n' "$path" "$host" >&3
status=""
IFS= read -r -t 5 status <&3 || true
case "$status" in
  "HTTP/1."?" 200 "*) exit 0 ;;
  *) echo "http-ready: $host:$port$path answered '${status%$'\r'}'" >&2; exit 1 ;;
esac
