package org.livepeer.analytics.sse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.livepeer.analytics.config.ConfigException;

class SseConfigTest {

    @Test
    void kafkaSettingsAreTheSharedNames() {
        SseConfig config =
                SseConfig.fromEnv(
                        Map.of(
                                "SSE_AUTH", "none",
                                "KAFKA_BOOTSTRAP_SERVERS", "k1:9093",
                                "EVENTS_TOPIC", "events.v2",
                                "LIVE_METRICS_TOPIC", "live.v2"));

        assertEquals("k1:9093", config.kafkaBootstrapServers());
        assertEquals("events.v2", config.eventsTopic());
        assertEquals("live.v2", config.metricsTopic());
        SseConfig defaults = SseConfig.fromEnv(Map.of("SSE_AUTH", "none"));
        assertEquals("127.0.0.1:9092", defaults.kafkaBootstrapServers());
        assertEquals("streaming-events", defaults.eventsTopic());
        assertEquals("live-metrics", defaults.metricsTopic());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "SSE_KAFKA_BOOTSTRAP_SERVERS, KAFKA_BOOTSTRAP_SERVERS",
        "SSE_METRICS_TOPIC, LIVE_METRICS_TOPIC",
        "SSE_EVENTS_TOPIC, EVENTS_TOPIC",
    })
    void anOldNameFailsTheStartNamingItsReplacement(String old, String replacement) {
        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () -> SseConfig.fromEnv(Map.of("SSE_AUTH", "none", old, "x")));

        assertTrue(
                e.getMessage().startsWith(old + " was renamed: set " + replacement + " instead"),
                e.getMessage());
    }

    @Test
    void consumerPassThroughReachesTheConfig() {
        SseConfig config =
                SseConfig.fromEnv(
                        Map.of(
                                "SSE_AUTH", "none",
                                "KAFKA_CONSUMER_MAX_POLL_RECORDS", "500",
                                "KAFKA_CONSUMER_SSL_KEY_PASSWORD", "s3cret-pw"));

        assertEquals(
                Map.of("max.poll.records", "500", "ssl.key.password", "s3cret-pw"),
                config.kafkaConsumer());
        assertFalse(config.toString().contains("s3cret-pw"), config.toString());
        assertTrue(config.toString().contains("max.poll.records=500"), config.toString());
    }

    @Test
    void consumerPropertiesTheTailsRelyOnCannotBeSet() {
        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () ->
                                SseConfig.fromEnv(
                                        Map.of(
                                                "SSE_AUTH",
                                                "none",
                                                "KAFKA_CONSUMER_AUTO_OFFSET_RESET",
                                                "latest")));

        assertTrue(e.getMessage().contains("cannot be overridden"), e.getMessage());
    }

    @Test
    void theLogLineHidesTheTokenAndItsHash() {
        SseConfig config = SseConfig.fromEnv(Map.of("SSE_TOKEN", "read-token-123"));
        String text = config.toString();

        assertFalse(text.contains("read-token-123"), text);
        assertFalse(text.contains(config.tokenSha256Hex()), text);
        assertTrue(text.contains("tokenSha256Hex=****"), text);
        assertTrue(text.contains("maxConnections=25000"), text);
    }
}
