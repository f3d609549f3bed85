package org.livepeer.analytics.sse.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.sse.config.SseConfig;

/** The consumer settings the tails and replays are built with: pass-through wins over defaults. */
class ConsumerSettingsTest {

    @Test
    void passThroughPropertiesReachTheConsumer() {
        SseConfig config =
                SseConfig.fromEnv(
                        Map.of(
                                "SSE_AUTH", "none",
                                "KAFKA_BOOTSTRAP_SERVERS", "k1:9093",
                                "KAFKA_CONSUMER_MAX_POLL_RECORDS", "500",
                                "KAFKA_CONSUMER_SECURITY_PROTOCOL", "SSL"));

        Map<String, Object> c =
                TopicTail.consumerConfig(config.kafkaBootstrapServers(), config.kafkaConsumer());

        assertEquals("500", c.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG));
        assertEquals("SSL", c.get("security.protocol"));
        assertEquals("k1:9093", c.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals(false, c.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
    }

    @Test
    void withoutPassThroughTheDefaultsStay() {
        Map<String, Object> c = TopicTail.consumerConfig("k1:9093", Map.of());

        assertEquals(2_000, c.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG));
        assertEquals(20, c.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG));
    }
}
