package org.livepeer.analytics.processor.config;

import org.livepeer.analytics.config.ConfigKeyDef;
import org.livepeer.analytics.config.KeySpec;

/**
 * Every environment variable of the processor's own, with its default and meaning; the Kafka
 * servers, topics and client pass-through are the shared {@code KafkaKey}, the live windows' keys
 * {@code LiveMetricsKey}. The table in docs/configuration.md, "Flink processor", is checked against
 * it.
 */
public enum ProcessorKey implements ConfigKeyDef {
    PROCESSOR_GROUP_ID(
            "livepeer-analytics-processor",
            "Kafka consumer group (offsets committed on checkpoints)"),
    PROCESSOR_STARTING_OFFSETS(
            "committed-or-earliest",
            "Where to start: committed-or-earliest, committed-or-latest, earliest, latest"),
    PROCESSOR_CHECKPOINT_INTERVAL_MS(
            "10000",
            "Checkpoint interval; the ClickHouse sink flushes on each (and by SINK_BATCH_MAX_DELAY_MS"
                    + " in between), RocksDB writes a new file on each (docs/decisions/0005)"),
    PROCESSOR_CHECKPOINT_DIR(
            "",
            "Durable checkpoint storage, a URI Flink can write (file:///path, s3://bucket/path);"
                    + " required unless the Flink cluster sets execution.checkpointing.dir"),
    PROCESSOR_SAVEPOINT_DIR(
            "",
            "Default savepoint target (URI) for stop-with-savepoint; empty leaves the cluster's"),
    PROCESSOR_CHECKPOINTS_RETAINED(
            "3", "Completed checkpoints kept (retained on cancel, so a restart can resume)"),
    PROCESSOR_STATE_BACKEND(
            "rocksdb",
            "Where keyed state (the dedup ids) lives: rocksdb (on disk, incremental checkpoints)"
                    + " or hashmap (heap, full checkpoints; small tests only)"),
    PROCESSOR_PARALLELISM("1", "Operator parallelism"),
    PROCESSOR_PARTITION_DISCOVERY_MS(
            "10000", "How often the Kafka sources look for new partitions (and the DLQ topic)"),
    DEDUP_TTL_HOURS(
            "24", "How long an event id is remembered to drop later copies of the same event"),
    WATERMARK_OUT_OF_ORDERNESS_MS(
            "5000", "How late (event time) an event may arrive behind the newest one seen"),
    WATERMARK_IDLENESS_MS(
            "30000", "After this long without records a partition stops holding back watermarks"),
    CLICKHOUSE_URL("http://127.0.0.1:8123", "ClickHouse HTTP endpoint"),
    CLICKHOUSE_WRITER_USER("writer", "ClickHouse user with INSERT rights"),
    CLICKHOUSE_WRITER_PASSWORD("", "Password of CLICKHOUSE_WRITER_USER"),
    CLICKHOUSE_DATABASE("livepeer_analytics", "Database holding the tables"),
    SINK_BATCH_MAX_ROWS("10000", "Rows per table batch before it is sent"),
    SINK_BATCH_MAX_BYTES("4194304", "Bytes per table batch before it is sent"),
    SINK_BATCH_MAX_DELAY_MS("1000", "Longest a row waits in a batch before it is sent"),
    SINK_RETRY_MAX_DURATION_MS(
            "600000", "How long a batch is retried on retryable errors before the job fails"),
    PROCESSOR_ROLLUP_REFRESH_MS(
            "30000",
            "How often at most the hourly rollups are recomputed for the hours new rows fell in"
                    + " (each checkpoint checks)");

    ProcessorKey(String defaultValue, String doc) {
        KeySpec.declare(this, defaultValue, doc);
    }
}
