package org.livepeer.analytics.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.livepeer.analytics.processor.config.ProcessorConfig;
import org.livepeer.analytics.sse.config.SseConfig;

/** What the launcher hands each service: one variable renames a topic for all of them. */
class ServiceConfigsTest {

    private static final Credentials CREDENTIALS =
            new Credentials("ingest-key", "sse-token", "reader-pw", "writer-pw", "admin-pw");

    private static ServiceConfigs services(Map<String, String> env) {
        return new ServiceConfigs(LauncherConfig.fromEnv(env), env, "127.0.0.1:39092", CREDENTIALS);
    }

    @Test
    void renamedTopicsReachTheGatewayTheProcessorAndTheSseApi() {
        ServiceConfigs services =
                services(
                        Map.of(
                                "EVENTS_TOPIC", "events-renamed",
                                "LIVE_METRICS_TOPIC", "live-renamed",
                                "DLQ_TOPIC", "dlq-renamed"));

        GatewayConfig gateway = services.gateway();
        ProcessorConfig processor =
                services.processor("http://127.0.0.1:18123", "file:///tmp/c", "file:///tmp/s");
        SseConfig sse = services.sse();

        assertEquals("events-renamed", gateway.eventsTopic());
        assertEquals("dlq-renamed", gateway.dlqTopic());
        assertEquals("events-renamed", processor.eventsTopic());
        assertEquals("dlq-renamed", processor.dlqTopic());
        assertEquals("live-renamed", processor.live().topic());
        assertEquals("events-renamed", sse.eventsTopic());
        assertEquals("live-renamed", sse.metricsTopic());
        assertEquals(
                new Topics("events-renamed", "dlq-renamed", "live-renamed"),
                LauncherConfig.fromEnv(
                                Map.of(
                                        "EVENTS_TOPIC", "events-renamed",
                                        "LIVE_METRICS_TOPIC", "live-renamed",
                                        "DLQ_TOPIC", "dlq-renamed"))
                        .topics());
    }

    @Test
    void everyServiceTalksToTheLaunchersBrokerOnLoopback() {
        ServiceConfigs services =
                services(Map.of("KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092", "SSE_PORT", "18090"));

        GatewayConfig gateway = services.gateway();
        SseConfig sse = services.sse();
        ProcessorConfig processor =
                services.processor("http://127.0.0.1:18123", "file:///tmp/c", "file:///tmp/s");

        assertEquals("127.0.0.1:39092", gateway.bootstrapServers());
        assertEquals("127.0.0.1:39092", sse.kafkaBootstrapServers());
        assertEquals("127.0.0.1:39092", processor.kafkaBootstrapServers());
        assertEquals("127.0.0.1", gateway.host());
        assertEquals("127.0.0.1", sse.host());
        assertEquals(18090, sse.port());
        assertEquals("writer-pw", processor.sink().password());
        assertEquals("file:///tmp/c", processor.state().checkpointDir());
    }

    @Test
    void defaultTopicsAreTheWireTopics() {
        assertEquals(
                new Topics("streaming-events", "streaming-events-dlq", "live-metrics"),
                LauncherConfig.fromEnv(Map.of()).topics());
    }
}
