package org.livepeer.analytics.gateway.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livepeer.analytics.gateway.GatewayClient.json;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.gateway.GatewayClient;
import org.livepeer.analytics.gateway.RunningGateway;
import org.livepeer.analytics.gateway.SampleEvents;
import org.livepeer.analytics.gateway.publish.PublisherFactory;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;

/** Without a reachable broker the gateway answers 503 and is not ready; never 202. */
class KafkaOutageIT {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void assertUnavailable(GatewayClient client) {
        long start = System.nanoTime();
        HttpResponse<String> response =
                client.post("application/json", RunningGateway.FRA_KEY, SampleEvents.all().get(0));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(503, response.statusCode(), response.body());
        assertEquals("kafka_unavailable", json(response).get("error").asText());
        assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
        assertTrue(took.compareTo(ANSWER_WITHIN) < 0, "answered in " + took);
        HttpResponse<String> ready = client.get("/ready");
        assertEquals(503, ready.statusCode());
        assertEquals("not_ready", json(ready).get("error").asText());
    }

    @Test
    void unreachableBrokerGives503AndNotReady() throws Exception {
        String bootstrap = "127.0.0.1:" + closedPort();
        try (RunningGateway gateway =
                RunningGateway.start(
                        RunningGateway.config(
                                Map.of(
                                        "KAFKA_BOOTSTRAP_SERVERS",
                                        bootstrap,
                                        "KAFKA_DELIVERY_TIMEOUT_MS",
                                        "1500")),
                        PublisherFactory.kafka())) {
            GatewayClient client = gateway.client();

            assertEquals(200, client.get("/health").statusCode());
            assertUnavailable(client);
        }
    }

    @Test
    void brokerStoppingUnderTheGatewayGives503(@TempDir Path dir) throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0);
        try {
            broker.createTopic("outage", 1, Map.of());
            try (RunningGateway gateway =
                    RunningGateway.start(
                            RunningGateway.config(
                                    Map.of(
                                            "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                                            "EVENTS_TOPIC", "outage",
                                            "KAFKA_DELIVERY_TIMEOUT_MS", "2000")),
                            PublisherFactory.kafka())) {
                GatewayClient client = gateway.client();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> client.get("/ready").statusCode() == 200);
                HttpResponse<String> accepted =
                        client.post(
                                "application/json",
                                RunningGateway.FRA_KEY,
                                "[" + String.join(",", SampleEvents.all().subList(0, 3)) + "]");
                assertEquals(202, accepted.statusCode(), accepted.body());

                broker.close();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> client.get("/ready").statusCode() == 503);

                assertUnavailable(client);
            }
        } finally {
            broker.close();
        }
    }
}
