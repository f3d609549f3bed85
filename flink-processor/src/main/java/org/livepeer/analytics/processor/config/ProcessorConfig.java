package org.livepeer.analytics.processor.config;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.livepeer.analytics.config.ConfigReader;
import org.livepeer.analytics.config.KafkaKey;
import org.livepeer.analytics.config.KafkaPassThrough;
import org.livepeer.analytics.config.SecretMask;
import org.livepeer.analytics.processor.live.LiveMetricsConfig;
import org.livepeer.analytics.processor.sink.clickhouse.ClickHouseSinkConfig;

/**
 * The processor's whole configuration, loaded once from environment variables and validated; {@link
 * #toString()} is safe to log (secrets masked by {@link SecretMask}).
 *
 * @param kafkaConsumer consumer properties from {@code KAFKA_CONSUMER_*}, for both sources
 * @param kafkaProducer producer properties from {@code KAFKA_PRODUCER_*}, for the live-metrics sink
 */
public record ProcessorConfig(
        String kafkaBootstrapServers,
        Map<String, String> kafkaConsumer,
        Map<String, String> kafkaProducer,
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

    /**
     * Consumer settings the sources rely on or set from their own keys: offsets committed on
     * checkpoints under {@code PROCESSOR_GROUP_ID}, starting offsets from {@code
     * PROCESSOR_STARTING_OFFSETS}, partition discovery from {@code
     * PROCESSOR_PARTITION_DISCOVERY_MS}, the connector's deserializers.
     */
    private static final Set<String> FIXED_CONSUMER_PROPERTIES =
            Set.of(
                    "group.id",
                    "enable.auto.commit",
                    "commit.offsets.on.checkpoint",
                    "auto.offset.reset",
                    "partition.discovery.interval.ms",
                    "key.deserializer",
                    "value.deserializer");

    /** Producer settings the live-metrics sink relies on: its serializers, no transactions. */
    private static final Set<String> FIXED_PRODUCER_PROPERTIES =
            Set.of("key.serializer", "value.serializer", "transactional.id");

    /** Upper bound of the positive counts and intervals: about 68 years of milliseconds. */
    private static final long MAX = Integer.MAX_VALUE * 1000L;

    public ProcessorConfig {
        kafkaConsumer = Map.copyOf(kafkaConsumer);
        kafkaProducer = Map.copyOf(kafkaProducer);
    }

    /** The state backends the job supports. */
    public enum StateBackend {
        ROCKSDB,
        HASHMAP;

        /** The value of Flink's {@code state.backend.type}. */
        public String flinkName() {
            return ConfigReader.spelling(this);
        }
    }

    /** Where the Kafka source starts when the group has no committed offset, or always. */
    public enum StartingOffsets {
        COMMITTED_OR_EARLIEST,
        COMMITTED_OR_LATEST,
        EARLIEST,
        LATEST
    }

    /**
     * Reads the keys of {@link ProcessorKey}, the shared {@code KafkaKey} and {@code
     * LiveMetricsKey} from {@code env}, applying defaults.
     *
     * @throws IllegalArgumentException (a {@code ConfigException}) naming the bad key
     */
    public static ProcessorConfig fromEnv(Map<String, String> env) {
        ConfigReader r = new ConfigReader(env);
        return new ProcessorConfig(
                KafkaKey.KAFKA_BOOTSTRAP_SERVERS.read(r),
                KafkaPassThrough.consumer(r, FIXED_CONSUMER_PROPERTIES),
                KafkaPassThrough.producer(r, FIXED_PRODUCER_PROPERTIES),
                KafkaKey.EVENTS_TOPIC.read(r),
                KafkaKey.DLQ_TOPIC.read(r),
                r.nonEmpty(ProcessorKey.PROCESSOR_GROUP_ID),
                r.oneOf(ProcessorKey.PROCESSOR_STARTING_OFFSETS, StartingOffsets.class),
                r.longValue(ProcessorKey.PROCESSOR_CHECKPOINT_INTERVAL_MS, 1, MAX),
                new State(
                        r.oneOf(ProcessorKey.PROCESSOR_STATE_BACKEND, StateBackend.class),
                        storageUri(r, ProcessorKey.PROCESSOR_CHECKPOINT_DIR),
                        storageUri(r, ProcessorKey.PROCESSOR_SAVEPOINT_DIR),
                        r.integer(
                                ProcessorKey.PROCESSOR_CHECKPOINTS_RETAINED, 1, Integer.MAX_VALUE)),
                r.integer(ProcessorKey.PROCESSOR_PARALLELISM, 1, Integer.MAX_VALUE),
                r.longValue(ProcessorKey.PROCESSOR_PARTITION_DISCOVERY_MS, 1, MAX),
                new EventTime(
                        r.duration(ProcessorKey.DEDUP_TTL_HOURS, ChronoUnit.HOURS, 1, MAX),
                        r.duration(
                                ProcessorKey.WATERMARK_OUT_OF_ORDERNESS_MS,
                                ChronoUnit.MILLIS,
                                1,
                                MAX),
                        r.duration(ProcessorKey.WATERMARK_IDLENESS_MS, ChronoUnit.MILLIS, 1, MAX)),
                sink(r),
                LiveMetricsConfig.fromEnv(env));
    }

    private static ClickHouseSinkConfig sink(ConfigReader r) {
        return new ClickHouseSinkConfig(
                httpUrl(r, ProcessorKey.CLICKHOUSE_URL),
                r.nonEmpty(ProcessorKey.CLICKHOUSE_WRITER_USER),
                r.raw(ProcessorKey.CLICKHOUSE_WRITER_PASSWORD),
                r.nonEmpty(ProcessorKey.CLICKHOUSE_DATABASE),
                r.integer(ProcessorKey.SINK_BATCH_MAX_ROWS, 1, Integer.MAX_VALUE),
                r.longValue(ProcessorKey.SINK_BATCH_MAX_BYTES, 1, MAX),
                r.longValue(ProcessorKey.SINK_BATCH_MAX_DELAY_MS, 1, MAX),
                r.longValue(ProcessorKey.SINK_RETRY_MAX_DURATION_MS, 1, MAX),
                r.longValue(ProcessorKey.PROCESSOR_ROLLUP_REFRESH_MS, 1, MAX),
                KafkaKey.EVENTS_TOPIC.read(r));
    }

    /** "" when unset; else an absolute URI with a scheme (file:///…, s3://…). */
    private static String storageUri(ConfigReader r, ProcessorKey key) {
        String value = r.string(key);
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
        throw r.invalid(key, "a URI with a scheme and a path (file:///var/lib/x, s3://bucket/x)");
    }

    private static URI httpUrl(ConfigReader r, ProcessorKey key) {
        String value = r.nonEmpty(key);
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() != null && uri.getScheme().startsWith("http")) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the key's name
        }
        throw r.invalid(key, "an http(s) URL");
    }

    @Override
    public String toString() {
        return SecretMask.render(this);
    }
}
