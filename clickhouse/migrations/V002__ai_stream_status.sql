-- One row per ai_stream_status event (CATALOG §4): a runner's 10-second health report.
-- Times are Unix ms (*_ms), data_ts_ms is the runner clock (data.timestamp), event_ts_ms is the
-- gateway's envelope clock. last_params_json is the client's parameters as JSON text.
-- last_restart_logs is [] when the runner sent null (ClickHouse has no Nullable(Array)).
CREATE TABLE IF NOT EXISTS livepeer_analytics.ai_stream_status
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
    pipeline Nullable(String),
    orchestrator_address Nullable(String),
    orchestrator_url Nullable(String),
    state LowCardinality(String),
    data_ts_ms Nullable(UInt64),
    start_time_ms Nullable(UInt64),
    last_state_update_time_ms Nullable(UInt64),
    last_status_ts_ms Nullable(UInt64),
    input_fps Float64,
    last_input_time_ms Nullable(UInt64),
    output_fps Float64,
    last_output_time_ms Nullable(UInt64),
    last_params_json Nullable(String),
    last_params_hash Nullable(String),
    last_params_update_time_ms Nullable(UInt64),
    last_error Nullable(String),
    last_error_time_ms Nullable(UInt64),
    last_restart_logs Array(String),
    last_restart_time_ms Nullable(UInt64),
    restart_count Nullable(UInt64)
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(event_date)
ORDER BY (stream_id, request_id, event_ts_ms, event_id);
