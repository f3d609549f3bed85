-- Raw archive: every record read from `streaming-events`, valid or not, exactly as received.
-- event_* columns are empty/0 when the record could not be read as an envelope.
CREATE TABLE IF NOT EXISTS livepeer_analytics.streaming_events
(
    event_id String,
    event_type LowCardinality(String),
    event_ts_ms UInt64,
    event_time DateTime,
    event_date Date,
    gateway String,
    source LowCardinality(String),
    payload String,
    kafka_partition Int32,
    kafka_offset Int64,
    processed_ts_ms UInt64
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(event_date)
ORDER BY (event_date, event_type, event_id, kafka_partition, kafka_offset);

-- Dead letters: records that could not become typed rows, with the reason. `source` says who
-- rejected it and where it came from (the gateway's key name, `kafka` for direct producers).
-- The row hash keeps apart several rows of one record (e.g. two `sink_rejected` rows of one event).
CREATE TABLE IF NOT EXISTS livepeer_analytics.streaming_events_dlq
(
    event_id String,
    event_type LowCardinality(String),
    event_ts_ms UInt64,
    gateway String,
    source LowCardinality(String),
    error_type LowCardinality(String),
    error_message String,
    raw_json String,
    kafka_topic LowCardinality(String),
    kafka_partition Int32,
    kafka_offset Int64,
    processed_ts_ms UInt64,
    processed_time DateTime,
    processed_date Date
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(processed_date)
ORDER BY (processed_date, error_type, event_type, kafka_topic, kafka_partition, kafka_offset, cityHash64(raw_json));
