#!/usr/bin/env bash
# One-shot, after the migrations: the processor's `writer` and the dashboards' `reader`, as SQL users
# with GRANTs (docs/schema.md, "Users"; docs/decisions/0008-clickhouse-writer-insert-only.md). Runs
# in the ClickHouse image (compose.yaml service `clickhouse-users`) as the admin user, which the
# image creates with access management (CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT=1).
#
# Idempotent, so every `docker compose up` runs it: a changed password in .env takes effect, and
# each user's rights are reset to exactly these GRANTs. Passwords travel as SHA-256 hashes, so the
# clear text is in no statement (nor in ClickHouse's query log).
set -euo pipefail

: "${CLICKHOUSE_ADMIN_USER:?}" "${CLICKHOUSE_ADMIN_PASSWORD:?}"
: "${CLICKHOUSE_WRITER_PASSWORD:?}" "${CLICKHOUSE_READER_PASSWORD:?}"
host="${CLICKHOUSE_HOST:-clickhouse}"
db="${CLICKHOUSE_DATABASE:-livepeer_analytics}"
writer="${CLICKHOUSE_WRITER_USER:-writer}"
reader="${CLICKHOUSE_READER_USER:-reader}"

sha256() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
writer_hash="$(sha256 "$CLICKHOUSE_WRITER_PASSWORD")"
reader_hash="$(sha256 "$CLICKHOUSE_READER_PASSWORD")"

clickhouse client --host "$host" --user "$CLICKHOUSE_ADMIN_USER" \
  --password "$CLICKHOUSE_ADMIN_PASSWORD" --multiquery <<SQL
CREATE USER IF NOT EXISTS ${writer} IDENTIFIED WITH sha256_hash BY '${writer_hash}';
ALTER USER ${writer} IDENTIFIED WITH sha256_hash BY '${writer_hash}';
REVOKE ALL ON *.* FROM ${writer};
-- INSERT-only, plus SELECT on the rollup recomputations' sources (decisions 0006 and 0008,
-- clickhouse/rollups/): the raw archive, the dead letters and every typed table.
GRANT INSERT ON ${db}.* TO ${writer};
GRANT SELECT ON ${db}.streaming_events TO ${writer};
GRANT SELECT ON ${db}.streaming_events_dlq TO ${writer};
GRANT SELECT ON ${db}.ai_stream_status TO ${writer};
GRANT SELECT ON ${db}.stream_ingest_metrics TO ${writer};
GRANT SELECT ON ${db}.stream_trace_events TO ${writer};
GRANT SELECT ON ${db}.ai_stream_events TO ${writer};
GRANT SELECT ON ${db}.network_capabilities TO ${writer};
GRANT SELECT ON ${db}.network_capability_capacities TO ${writer};
GRANT SELECT ON ${db}.network_capability_models TO ${writer};
GRANT SELECT ON ${db}.network_capability_prices TO ${writer};
GRANT SELECT ON ${db}.network_capability_hardware TO ${writer};
GRANT SELECT ON ${db}.discovery_results TO ${writer};
GRANT SELECT ON ${db}.payment_events TO ${writer};

CREATE USER IF NOT EXISTS ${reader} IDENTIFIED WITH sha256_hash BY '${reader_hash}';
ALTER USER ${reader} IDENTIFIED WITH sha256_hash BY '${reader_hash}';
REVOKE ALL ON *.* FROM ${reader};
-- Read-only: dashboards and queries. No readonly=1 profile, so Grafana's ClickHouse data source may
-- still send per-query settings; the grant alone refuses writes and DDL.
GRANT SELECT ON ${db}.* TO ${reader};
SQL
echo "create-users: ${writer} (INSERT on ${db}.*, SELECT on the rollups' sources), ${reader} (SELECT on ${db}.*)"
