-- network_capabilities fan-out (see V006): one row per model of
-- capabilities.constraints.PerCapability.<capability_id>.models. warm is 0/1.
CREATE TABLE IF NOT EXISTS livepeer_analytics.network_capability_models
(
    event_id String,
    event_type LowCardinality(String),
    event_ts_ms UInt64,
    event_time DateTime,
    event_date Date,
    gateway String,
    source LowCardinality(String),
    position UInt32,
    orchestrator_address String,
    orch_uri String,
    capability_id UInt64,
    model_id String,
    warm UInt8,
    capacity UInt64,
    capacity_in_use UInt64,
    runner_version String
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(event_date)
ORDER BY (orchestrator_address, capability_id, model_id, event_id, position);
