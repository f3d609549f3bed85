#!/usr/bin/env bash
# Soak (issue 11, docs/benchmarks.md "Soak"): one pipeline started as ./analytics up does, under
# open-loop batched load at one rate for a long time (PipelineBench, default 5,000 events/s for
# 30 min), while this script samples every minute the pipeline JVM's heap (jstat: old generation
# and whole heap in use), the RSS of the JVM and of clickhouse-server, and the disk under
# ANALYTICS_HOME (kafka, clickhouse, flink). PipelineBench prints the final counts, drain and CPU.
#   bench/soak.sh --out /tmp/soak                                  # 5,000 events/s, 1,800 s
#   bench/soak.sh --out /tmp/soak-smoke --rates 1000 --duration 120 # a short check
# Needs a built tree (mvn -o -q install -DskipTests) and clickhouse-server; samples go to
# <out>/soak-samples.tsv, PipelineBench's report to <out>/.
set -euo pipefail
cd "$(dirname "$0")/.."

out=""
args=(--rates 5000 --duration 1800 --warmup 30 --baseline-rates none --malformed-at 0
      --drain-timeout 300)
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
[ -n "$out" ] || { echo "usage: bench/soak.sh --out DIR [PipelineBench options]" >&2; exit 2; }
mkdir -p "$out"

mvn -q -o -pl bench dependency:build-classpath -Dmdep.outputFile="$out/bench.cp"
java -cp "bench/target/classes:$(cat "$out/bench.cp")" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  org.livepeer.analytics.bench.pipeline.PipelineBench "${args[@]}" --out "$out" \
  > "$out/pipeline-bench.log" 2>&1 &
bench=$!
echo "PipelineBench pid $bench, log $out/pipeline-bench.log, samples $out/soak-samples.tsv"

mib() { echo $(( ${1:-0} / 1024 )); }
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
du_kib() { du -sk "$1" 2>/dev/null | cut -f1 || echo 0; }

printf 't_s\theap_used_mib\told_gen_used_mib\tjvm_rss_mib\tclickhouse_rss_mib\tkafka_mib\tclickhouse_mib\tflink_mib\n' \
  > "$out/soak-samples.tsv"
start=$(date +%s)
while kill -0 "$bench" 2>/dev/null; do
  sleep 60
  jvm=$(pgrep -n -f 'org.livepeer.analytics.launcher.AnalyticsMain up' || true)
  [ -n "$jvm" ] || continue
  home=$(tr '\0' '\n' < "/proc/$jvm/environ" | sed -n 's/^ANALYTICS_HOME=//p')
  ch=$(pgrep -n -f "clickhouse-server.*$home" || true)
  # jstat -gc: S0U S1U EU OU are columns 3, 4, 6 and 8 (KiB).
  read -r heap old < <(jstat -gc "$jvm" 2>/dev/null | awk 'NR==2 {printf "%d %d\n", $3+$4+$6+$8, $8}') \
    || { heap=0; old=0; }
  printf '%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n' "$(( $(date +%s) - start ))" \
    "$(mib "$heap")" "$(mib "$old")" "$(mib "$(rss_kib "$jvm")")" \
    "$(mib "$( [ -n "$ch" ] && rss_kib "$ch" || echo 0)")" \
    "$(mib "$(du_kib "$home/kafka")")" "$(mib "$(du_kib "$home/clickhouse")")" \
    "$(mib "$(du_kib "$home/flink")")" >> "$out/soak-samples.tsv"
done
wait "$bench"
echo "done: $out/pipeline-bench.log and $out/soak-samples.tsv"
