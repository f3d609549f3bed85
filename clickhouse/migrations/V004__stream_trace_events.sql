-- One row per stream_trace event (CATALOG §3): a lifecycle edge of a stream. data_ts_ms is
-- data.timestamp (runner clock for runner_* edges, absent on orchestrator_swap). pipeline and
-- message are set on orchestrator_swap only. Orchestrator address/url are '' (as sent) before an
-- orchestrator is chosen.
CREATE TABLE IF NOT EXISTS livepeer_analytics.stream_trace_events
(
    event_id String,
    event_type LowCardinality(String),
    event_ts_ms UInt64,
    event_time DateTime,
    event_date Date,
    gateway String,
    source LowCardinality(String),
    stream_id String,
    request_id String,
    pipeline_id Nullable(String),
    trace_type LowCardinality(String),
    data_ts_ms Nullable(UInt64),
    orchestrator_address Nullable(String),
    orchestrator_url Nullable(String),
    pipeline Nullable(String),
    message Nullable(String)
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(event_date)
ORDER BY (stream_id, request_id, trace_type, event_id);
