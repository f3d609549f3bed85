#!/usr/bin/env bash
# One-shot: the three topics of docs/kafka.md, "Topics", as `./analytics up` creates them (events
# and DLQ: TOPIC_PARTITIONS partitions, 7 days, 2 MiB records, since an event may be as large as the
# gateway's 1 MiB body limit; live-metrics: 1 partition, 1 hour). Runs in the Kafka image (compose
# service `kafka-topics`). --if-not-exists: an existing topic keeps its partitions and settings;
# change those with kafka-topics.sh --alter / kafka-configs.sh (docs/operations.md, "Scale out").
#
# Its variables avoid the KAFKA_ prefix, which the Kafka image reads as broker settings.
set -euo pipefail

bootstrap="${TOPICS_BOOTSTRAP_SERVERS:?}"
rf="${TOPICS_REPLICATION_FACTOR:-1}"
min_isr="${TOPICS_MIN_INSYNC_REPLICAS:-1}"
partitions="${TOPIC_PARTITIONS:-3}"
seven_days=$((7 * 24 * 3600 * 1000))
one_hour=$((3600 * 1000))
two_mib=$((2 * 1024 * 1024))

create() {
  local topic="$1" count="$2"
  shift 2
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$topic" --partitions "$count" --replication-factor "$rf" \
    --config "min.insync.replicas=$min_isr" "$@"
}

create "${EVENTS_TOPIC:-streaming-events}" "$partitions" \
  --config "retention.ms=$seven_days" --config "max.message.bytes=$two_mib"
create "${DLQ_TOPIC:-streaming-events-dlq}" "$partitions" \
  --config "retention.ms=$seven_days" --config "max.message.bytes=$two_mib"
create "${LIVE_METRICS_TOPIC:-live-metrics}" 1 --config "retention.ms=$one_hour"
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --describe
