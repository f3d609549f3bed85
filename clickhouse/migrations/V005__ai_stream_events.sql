-- One row per ai_stream_events event (CATALOG §6): errors, params updates, runner-forwarded
-- events. stream_event_type is data.type. pipeline is NULL on runner-forwarded events.
-- params_json is data.params as JSON text, extra_json holds any other data member as a JSON
-- object (NULL when there is none).
CREATE TABLE IF NOT EXISTS livepeer_analytics.ai_stream_events
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
    stream_event_type LowCardinality(String),
    pipeline Nullable(String),
    capability Nullable(String),
    message Nullable(String),
    params_json Nullable(String),
    orchestrator_address Nullable(String),
    orchestrator_url Nullable(String),
    data_ts_ms Nullable(UInt64),
    extra_json Nullable(String)
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(event_date)
ORDER BY (stream_id, request_id, stream_event_type, event_id);
