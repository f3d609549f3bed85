#!/usr/bin/env bash
# Fault drills at volume (docs/reliability.md): one fresh pipeline per drill, >= 500,000 acknowledged
# events each, counted by id in ClickHouse. Options are DrillMain's (bench/.../drill/DrillOptions):
#   bench/drills.sh --out /tmp/drills                       # all four, 500,000 events each
#   bench/drills.sh --drills kafka --events 30000 --outage 15 --out /tmp/drill-smoke
# Needs a built tree (mvn -o -q install -DskipTests) and clickhouse-server.
set -euo pipefail
cd "$(dirname "$0")/.."

snapshot=$(mktemp -d /tmp/drills-cp.XXXXXX)
mvn -q -o -pl bench dependency:build-classpath -Dmdep.outputFile="$snapshot/deps.txt"
# The project's own jars and classes are copied: a build during the hour-long run changes nothing.
cp -r bench/target/classes "$snapshot/bench-classes"
cp_entries=("$snapshot/bench-classes")
IFS=: read -r -a deps < "$snapshot/deps.txt" || true  # no final newline
for jar in "${deps[@]}"; do
  case "$jar" in
    */org/livepeer/analytics/*) cp "$jar" "$snapshot/"; cp_entries+=("$snapshot/$(basename "$jar")") ;;
    *) cp_entries+=("$jar") ;;
  esac
done
classpath=$(IFS=:; echo "${cp_entries[*]}")

exec java -XX:+UseParallelGC -cp "$classpath" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dorg.slf4j.simpleLogger.log.org.apache.flink.metrics.MetricGroup=error \
  org.livepeer.analytics.bench.drill.DrillMain "$@"
