package org.livepeer.analytics.processor.config;

import java.io.Serializable;
import java.net.URI;
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
                        r.positiveLong(ProcessorKey.SINK_RETRY_MAX_DURATION_MS)),
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
