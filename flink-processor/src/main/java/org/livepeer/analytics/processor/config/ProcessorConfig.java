package org.livepeer.analytics.processor.config;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.livepeer.analytics.processor.live.LiveMetricsConfig;
import org.livepeer.analytics.processor.sink.clickhouse.ClickHouseSinkConfig;

/** The processor's whole configuration, loaded once from environment variables and validated. */
public record ProcessorConfig(
        String kafkaBootstrapServers,
        String eventsTopic,
        String dlqTopic,
        String groupId,
        StartingOffsets startingOffsets,
        long checkpointIntervalMs,
        State state,
        int parallelism,
        long partitionDiscoveryIntervalMs,
        EventTime eventTime,
        ClickHouseSinkConfig sink,
        LiveMetricsConfig live)
        implements Serializable {

    /**
     * Event-time handling: how long ids are remembered for deduplication, and the watermark bounds.
     */
    public record EventTime(Duration dedupTtl, Duration outOfOrderness, Duration idleness)
            implements Serializable {}

    /**
     * Where state lives and where it is checkpointed (docs/decisions/0005-durable-dedup-state.md).
     *
     * @param checkpointDir URI of the checkpoint storage, "" to leave it to the cluster
     * @param savepointDir URI of the default savepoint target, "" to leave it to the cluster
     */
    public record State(
            StateBackend backend, String checkpointDir, String savepointDir, int retained)
            implements Serializable {}

    /** The state backends the job supports. */
    public enum StateBackend {
        ROCKSDB("rocksdb"),
        HASHMAP("hashmap");

        private final String flinkName;

        StateBackend(String flinkName) {
            this.flinkName = flinkName;
        }

        /** The value of Flink's {@code state.backend.type}. */
        public String flinkName() {
            return flinkName;
        }

        static StateBackend parse(String value) {
            for (StateBackend b : values()) {
                if (b.flinkName.equalsIgnoreCase(value.trim())) {
                    return b;
                }
            }
            throw new IllegalArgumentException(
                    ProcessorKey.PROCESSOR_STATE_BACKEND
                            + " must be rocksdb or hashmap, got '"
                            + value
                            + "'");
        }
    }

    /** Where the Kafka source starts when the group has no committed offset, or always. */
    public enum StartingOffsets {
        COMMITTED_OR_EARLIEST,
        COMMITTED_OR_LATEST,
        EARLIEST,
        LATEST;

        static StartingOffsets parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        ProcessorKey.PROCESSOR_STARTING_OFFSETS
                                + " must be one of committed-or-earliest, committed-or-latest,"
                                + " earliest, latest; got '"
                                + value
                                + "'",
                        e);
            }
        }
    }

    public static ProcessorConfig fromEnv(Map<String, String> env) {
        Reader r = new Reader(env);
        return new ProcessorConfig(
                r.nonEmpty(ProcessorKey.KAFKA_BOOTSTRAP_SERVERS),
                r.nonEmpty(ProcessorKey.EVENTS_TOPIC),
                r.nonEmpty(ProcessorKey.DLQ_TOPIC),
                r.nonEmpty(ProcessorKey.PROCESSOR_GROUP_ID),
                StartingOffsets.parse(r.nonEmpty(ProcessorKey.PROCESSOR_STARTING_OFFSETS)),
                r.positiveLong(ProcessorKey.PROCESSOR_CHECKPOINT_INTERVAL_MS),
                new State(
                        StateBackend.parse(r.nonEmpty(ProcessorKey.PROCESSOR_STATE_BACKEND)),
                        r.storageUri(ProcessorKey.PROCESSOR_CHECKPOINT_DIR),
                        r.storageUri(ProcessorKey.PROCESSOR_SAVEPOINT_DIR),
                        (int) r.positiveLong(ProcessorKey.PROCESSOR_CHECKPOINTS_RETAINED)),
                (int) r.positiveLong(ProcessorKey.PROCESSOR_PARALLELISM),
                r.positiveLong(ProcessorKey.PROCESSOR_PARTITION_DISCOVERY_MS),
                new EventTime(
                        Duration.ofHours(r.positiveLong(ProcessorKey.DEDUP_TTL_HOURS)),
                        Duration.ofMillis(
                                r.positiveLong(ProcessorKey.WATERMARK_OUT_OF_ORDERNESS_MS)),
                        Duration.ofMillis(r.positiveLong(ProcessorKey.WATERMARK_IDLENESS_MS))),
                new ClickHouseSinkConfig(
                        r.uri(ProcessorKey.CLICKHOUSE_URL),
                        r.nonEmpty(ProcessorKey.CLICKHOUSE_WRITER_USER),
                        r.raw(ProcessorKey.CLICKHOUSE_WRITER_PASSWORD),
                        r.nonEmpty(ProcessorKey.CLICKHOUSE_DATABASE),
                        (int) r.positiveLong(ProcessorKey.SINK_BATCH_MAX_ROWS),
                        r.positiveLong(ProcessorKey.SINK_BATCH_MAX_BYTES),
                        r.positiveLong(ProcessorKey.SINK_BATCH_MAX_DELAY_MS),
                        r.positiveLong(ProcessorKey.SINK_RETRY_MAX_DURATION_MS),
                        r.positiveLong(ProcessorKey.PROCESSOR_ROLLUP_REFRESH_MS)),
                LiveMetricsConfig.fromEnv(env));
    }

    /** Reads keys with their defaults and fails with a message naming the key. */
    private record Reader(Map<String, String> env) {

        String raw(ProcessorKey key) {
            String value = env.get(key.name());
            return value == null ? key.defaultValue() : value;
        }

        String nonEmpty(ProcessorKey key) {
            String value = raw(key).trim();
            if (value.isEmpty()) {
                throw new IllegalArgumentException(
                        key + " must not be empty: " + key.description());
            }
            return value;
        }

        long positiveLong(ProcessorKey key) {
            String value = nonEmpty(key);
            try {
                long parsed = Long.parseLong(value);
                if (parsed > 0 && parsed <= Integer.MAX_VALUE * 1000L) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below with the key's name
            }
            throw new IllegalArgumentException(
                    key + " must be a positive integer, got '" + value + "'");
        }

        /** "" when unset; else an absolute URI with a scheme (file:///…, s3://…). */
        String storageUri(ProcessorKey key) {
            String value = raw(key).trim();
            if (value.isEmpty()) {
                return value;
            }
            try {
                URI uri = new URI(value);
                if (uri.isAbsolute() && uri.getPath() != null && !uri.getPath().isEmpty()) {
                    return value;
                }
            } catch (URISyntaxException e) {
                // reported below with the key's name
            }
            throw new IllegalArgumentException(
                    key
                            + " must be a URI with a scheme and a path (file:///var/lib/x,"
                            + " s3://bucket/x), got '"
                            + value
                            + "'");
        }

        URI uri(ProcessorKey key) {
            String value = nonEmpty(key);
            try {
                URI uri = URI.create(value);
                if (uri.getScheme() != null && uri.getScheme().startsWith("http")) {
                    return uri;
                }
            } catch (IllegalArgumentException e) {
                // reported below with the key's name
            }
            throw new IllegalArgumentException(
                    key + " must be an http(s) URL, got '" + value + "'");
        }
    }
}
