-- discovery_results (CATALOG §8): one row per element of the event's array, with its position
-- (the list is sorted by latency, then suspended orchestrators are appended). latency_ms is parsed
-- from the decimal string go-livepeer sends.
CREATE TABLE IF NOT EXISTS livepeer_analytics.discovery_results
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
    orchestrator_url String,
    latency_ms UInt64
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(event_date)
ORDER BY (orchestrator_address, event_id, position);
