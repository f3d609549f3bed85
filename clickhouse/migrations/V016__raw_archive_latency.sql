-- Latency decomposition per raw-archive row (docs/schema.md, "Latency timestamps"): the gateway's
-- receive time (Kafka header received_at, 0 for direct producers), the Kafka record timestamp, and
-- the time the sink sent the row's batch to ClickHouse. processed_ts_ms (V001) is the step between.
-- ClickHouse 18.16 has no IF NOT EXISTS on ADD COLUMN, so the three columns come in one ALTER, which
-- applies all or none: a run that failed on it is simply run again. Only if the server went away
-- between this ALTER and the migrator's history insert does a rerun stop with code 44 ("column
-- already exists"). Then drop the three columns and run it again.
ALTER TABLE livepeer_analytics.streaming_events
    ADD COLUMN received_ts_ms UInt64 DEFAULT 0 AFTER processed_ts_ms,
    ADD COLUMN kafka_ts_ms UInt64 DEFAULT 0 AFTER received_ts_ms,
    ADD COLUMN inserted_ts_ms UInt64 DEFAULT 0 AFTER kafka_ts_ms;
