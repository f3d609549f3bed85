-- network_capabilities fan-out (see V006): one row per capabilities.capacities entry.
CREATE TABLE IF NOT EXISTS livepeer_analytics.network_capability_capacities
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
    capacity UInt64
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(event_date)
ORDER BY (orchestrator_address, capability_id, event_id, position);
