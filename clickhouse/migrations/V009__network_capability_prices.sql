-- network_capabilities fan-out (see V006): one row per capabilities_prices entry. Prices are
-- int64 on the wire (100000000000000 seen), so 64-bit columns.
CREATE TABLE IF NOT EXISTS livepeer_analytics.network_capability_prices
(
    event_id String,
    event_type LowCardinality(String),
    event_ts_ms UInt64,
    event_time DateTime,
    event_date Date,
    gateway String,
    source LowCardinality(String),
    position UInt32,
    price_position UInt32,
    orchestrator_address String,
    orch_uri String,
    capability_id UInt64,
    constraint_name String,
    price_per_unit Int64,
    pixels_per_unit Int64
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(event_date)
ORDER BY (orchestrator_address, capability_id, constraint_name, event_id, position, price_position);
