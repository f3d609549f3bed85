-- network_capabilities fan-out (see V006): one row per GPU of each hardware entry, an entry
-- without gpu_info gives one row with NULL gpu_* columns. gpu_slot is the gpu_info key ('0', '1').
CREATE TABLE IF NOT EXISTS livepeer_analytics.network_capability_hardware
(
    event_id String,
    event_type LowCardinality(String),
    event_ts_ms UInt64,
    event_time DateTime,
    event_date Date,
    gateway String,
    source LowCardinality(String),
    position UInt32,
    hardware_position UInt32,
    gpu_position UInt32,
    orchestrator_address String,
    orch_uri String,
    pipeline String,
    model_id String,
    gpu_slot Nullable(String),
    gpu_id Nullable(String),
    gpu_name Nullable(String),
    gpu_major Nullable(UInt64),
    gpu_minor Nullable(UInt64),
    gpu_memory_free_bytes Nullable(UInt64),
    gpu_memory_total_bytes Nullable(UInt64)
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(event_date)
ORDER BY (orchestrator_address, pipeline, model_id, event_id, position, hardware_position, gpu_position);
