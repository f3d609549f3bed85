package org.livepeer.analytics.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KafkaKeyTest {

    @Test
    void defaultsAreTheWireTopics() {
        ConfigReader r = new ConfigReader(Map.of());
        assertEquals("127.0.0.1:9092", KafkaKey.KAFKA_BOOTSTRAP_SERVERS.read(r));
        assertEquals("streaming-events", KafkaKey.EVENTS_TOPIC.read(r));
        assertEquals("streaming-events-dlq", KafkaKey.DLQ_TOPIC.read(r));
        assertEquals("live-metrics", KafkaKey.LIVE_METRICS_TOPIC.read(r));
    }

    @Test
    void topicsAreCheckedAgainstKafkasRule() {
        ConfigReader r = new ConfigReader(Map.of("LIVE_METRICS_TOPIC", "live metrics"));
        ConfigException e =
                assertThrows(ConfigException.class, () -> KafkaKey.LIVE_METRICS_TOPIC.read(r));
        assertEquals(
                "LIVE_METRICS_TOPIC must be 1-249 characters of [A-Za-z0-9._-], got 'live"
                        + " metrics'",
                e.getMessage());
        ConfigReader blank = new ConfigReader(Map.of("KAFKA_BOOTSTRAP_SERVERS", " "));
        assertThrows(ConfigException.class, () -> KafkaKey.KAFKA_BOOTSTRAP_SERVERS.read(blank));
    }

    @Test
    void passThroughTurnsNamesIntoProperties() {
        ConfigReader r =
                new ConfigReader(
                        Map.of(
                                "KAFKA_CONSUMER_MAX_POLL_RECORDS", "500",
                                "KAFKA_CONSUMER_SECURITY_PROTOCOL", "SSL",
                                "KAFKA_PRODUCER_LINGER_MS", "20",
                                "KAFKA_PRODUCER_", "ignored"));
        assertEquals(
                Map.of("max.poll.records", "500", "security.protocol", "SSL"),
                KafkaPassThrough.consumer(r, Set.of()));
        assertEquals(Map.of("linger.ms", "20"), KafkaPassThrough.producer(r, Set.of()));
    }

    @Test
    void fixedPropertiesAndBootstrapServersCannotBeSet() {
        ConfigReader acks = new ConfigReader(Map.of("KAFKA_PRODUCER_ACKS", "1"));
        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () -> KafkaPassThrough.producer(acks, Set.of("acks")));
        assertEquals(
                "KAFKA_PRODUCER_ACKS cannot be overridden: the service relies on its value of acks",
                e.getMessage());
        ConfigReader servers =
                new ConfigReader(Map.of("KAFKA_CONSUMER_BOOTSTRAP_SERVERS", "elsewhere:9092"));
        e = assertThrows(ConfigException.class, () -> KafkaPassThrough.consumer(servers, Set.of()));
        assertEquals(
                "KAFKA_CONSUMER_BOOTSTRAP_SERVERS cannot be set: use KAFKA_BOOTSTRAP_SERVERS",
                e.getMessage());
    }
}
