package org.livepeer.analytics.processor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.config.ConfigException;

class ProcessorConfigTest {

    @Test
    void defaultsApplyWhenNothingIsSet() {
        ProcessorConfig config = ProcessorConfig.fromEnv(Map.of());
        assertEquals("127.0.0.1:9092", config.kafkaBootstrapServers());
        assertEquals("streaming-events", config.eventsTopic());
        assertEquals(
                ProcessorConfig.StartingOffsets.COMMITTED_OR_EARLIEST, config.startingOffsets());
        assertEquals("livepeer_analytics", config.sink().database());
        assertEquals(10_000, config.sink().batchMaxRows());
    }

    @Test
    void environmentOverridesDefaults() {
        ProcessorConfig config =
                ProcessorConfig.fromEnv(
                        Map.of(
                                "EVENTS_TOPIC", "t",
                                "PROCESSOR_STARTING_OFFSETS", "latest",
                                "CLICKHOUSE_URL", "http://ch:8123",
                                "SINK_BATCH_MAX_ROWS", "7"));
        assertEquals("t", config.eventsTopic());
        assertEquals(ProcessorConfig.StartingOffsets.LATEST, config.startingOffsets());
        assertEquals("ch", config.sink().url().getHost());
        assertEquals(7, config.sink().batchMaxRows());
    }

    @Test
    void invalidValuesNameTheKey() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ProcessorConfig.fromEnv(Map.of("SINK_BATCH_MAX_ROWS", "-1")));
        assertTrue(e.getMessage().contains("SINK_BATCH_MAX_ROWS"), e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ProcessorConfig.fromEnv(Map.of("CLICKHOUSE_URL", "ftp://x")));
        assertTrue(e.getMessage().contains("CLICKHOUSE_URL"), e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ProcessorConfig.fromEnv(Map.of("PROCESSOR_STARTING_OFFSETS", "x")));
        assertTrue(e.getMessage().contains("PROCESSOR_STARTING_OFFSETS"), e.getMessage());
    }

    @Test
    void deduplicationAndWatermarkSettingsHaveDefaultsAndOverrides() {
        ProcessorConfig defaults = ProcessorConfig.fromEnv(Map.of());
        assertEquals("streaming-events-dlq", defaults.dlqTopic());
        assertEquals(Duration.ofHours(24), defaults.eventTime().dedupTtl());
        assertEquals(Duration.ofSeconds(5), defaults.eventTime().outOfOrderness());
        ProcessorConfig set =
                ProcessorConfig.fromEnv(
                        Map.of(
                                "DEDUP_TTL_HOURS", "2",
                                "WATERMARK_IDLENESS_MS", "1000",
                                "DLQ_TOPIC", "rejects"));
        assertEquals(Duration.ofHours(2), set.eventTime().dedupTtl());
        assertEquals(Duration.ofSeconds(1), set.eventTime().idleness());
        assertEquals("rejects", set.dlqTopic());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ProcessorConfig.fromEnv(Map.of("DEDUP_TTL_HOURS", "0")));
        assertTrue(e.getMessage().contains("DEDUP_TTL_HOURS"), e.getMessage());
    }

    @Test
    void kafkaPassThroughReachesTheConfigAndFixedPropertiesAreRefused() {
        ProcessorConfig config =
                ProcessorConfig.fromEnv(
                        Map.of(
                                "KAFKA_CONSUMER_MAX_POLL_RECORDS", "500",
                                "KAFKA_PRODUCER_COMPRESSION_TYPE", "lz4",
                                "KAFKA_PRODUCER_SSL_KEY_PASSWORD", "s3cret-pw"));
        assertEquals(Map.of("max.poll.records", "500"), config.kafkaConsumer());
        assertEquals(
                Map.of("compression.type", "lz4", "ssl.key.password", "s3cret-pw"),
                config.kafkaProducer());
        assertFalse(config.toString().contains("s3cret-pw"), config.toString());
        assertTrue(config.toString().contains("compression.type=lz4"), config.toString());
        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () -> ProcessorConfig.fromEnv(Map.of("KAFKA_CONSUMER_GROUP_ID", "g")));
        assertTrue(e.getMessage().startsWith("KAFKA_CONSUMER_GROUP_ID cannot be"), e.getMessage());
    }

    @Test
    void theSharedKafkaNamesAreRead() {
        ProcessorConfig config =
                ProcessorConfig.fromEnv(
                        Map.of(
                                "KAFKA_BOOTSTRAP_SERVERS", "k1:9093",
                                "LIVE_METRICS_TOPIC", "live.v2",
                                "DLQ_TOPIC", "dlq.v2"));
        assertEquals("k1:9093", config.kafkaBootstrapServers());
        assertEquals("live.v2", config.live().topic());
        assertEquals("dlq.v2", config.dlqTopic());
    }

    @Test
    void enumsAcceptTheirSpellings() {
        ProcessorConfig config =
                ProcessorConfig.fromEnv(
                        Map.of(
                                "PROCESSOR_STATE_BACKEND", "HashMap",
                                "PROCESSOR_STARTING_OFFSETS", "committed_or_latest"));
        assertEquals(ProcessorConfig.StateBackend.HASHMAP, config.state().backend());
        assertEquals("hashmap", config.state().backend().flinkName());
        assertEquals(ProcessorConfig.StartingOffsets.COMMITTED_OR_LATEST, config.startingOffsets());
    }

    @Test
    void toStringMasksThePassword() {
        ProcessorConfig config =
                ProcessorConfig.fromEnv(Map.of("CLICKHOUSE_WRITER_PASSWORD", "s3cret"));
        assertFalse(config.toString().contains("s3cret"), config.toString());
    }
}
