package org.livepeer.analytics.gateway.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livepeer.analytics.gateway.GatewayClient.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.event.samples.SampleFiles;
import org.livepeer.analytics.gateway.GatewayClient;
import org.livepeer.analytics.gateway.RunningGateway;
import org.livepeer.analytics.gateway.publish.PublisherFactory;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.testkit.WithKafka;

/**
 * Kafka going away and coming back under a running gateway: 503 within 5 s and /ready 503, never a
 * 202; recovery without restart; the in-flight bound; and a graceful stop that finishes the sends
 * in progress. The tests that stop the broker start their own; the others use the class's.
 */
@WithKafka
class KafkaOutageIT {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int port(EmbeddedKafkaBroker broker) {
        String bootstrap = broker.bootstrapServers();
        return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    private static RunningGateway gateway(EmbeddedKafkaBroker broker, String topic, String... env)
            throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        settings.put("EVENTS_TOPIC", topic);
        for (int i = 0; i < env.length; i += 2) {
            settings.put(env[i], env[i + 1]);
        }
        RunningGateway gateway =
                RunningGateway.start(RunningGateway.config(settings), PublisherFactory.kafka());
        GatewayClient client = gateway.client();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get("/ready").statusCode() == 200);
        return gateway;
    }

    private static HttpResponse<String> post(GatewayClient client, String event) {
        return client.post("application/json", RunningGateway.FRA_KEY, event);
    }

    /** POSTs one event and checks the answer is 503 {@code code} within {@link #ANSWER_WITHIN}. */
    private static void assertRefusedQuickly(GatewayClient client, String event, String code) {
        long start = System.nanoTime();
        HttpResponse<String> response = post(client, event);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(503, response.statusCode(), response.body());
        assertEquals(code, json(response).get("error").asText());
        assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
        assertTrue(took.compareTo(ANSWER_WITHIN) <= 0, "answered in " + took);
    }

    private static List<String> values(EmbeddedKafkaBroker broker, String topic) {
        return TopicReader.readAll(broker.bootstrapServers(), topic).stream()
                .map(ConsumerRecord::value)
                .map(v -> new String(v, StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void unreachableBrokerGives503AndNotReady() throws Exception {
        String bootstrap = "127.0.0.1:" + closedPort();
        try (RunningGateway gateway =
                RunningGateway.start(
                        RunningGateway.config(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap)),
                        PublisherFactory.kafka())) {
            GatewayClient client = gateway.client();

            assertEquals(200, client.get("/health").statusCode());
            assertRefusedQuickly(client, SampleFiles.all().get(0), "kafka_unavailable");
            HttpResponse<String> ready = client.get("/ready");
            assertEquals(503, ready.statusCode());
            assertEquals("not_ready", json(ready).get("error").asText());
        }
    }

    @Test
    void brokerStoppedMidTestThenRestartedOnTheSamePort(@TempDir Path dir) throws Exception {
        List<String> events = SampleFiles.all();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0);
        int port = port(broker);
        try {
            broker.createTopic("outage", 1, Map.of());
            try (RunningGateway gateway = gateway(broker, "outage")) {
                GatewayClient client = gateway.client();
                assertEquals(202, post(client, events.get(0)).statusCode());

                broker.close();
                // Straight after the stop: the gateway may not know yet, but answers in time.
                assertRefusedQuickly(client, events.get(1), "kafka_unavailable");
                await().atMost(ANSWER_WITHIN).until(() -> client.get("/ready").statusCode() == 503);
                assertRefusedQuickly(client, events.get(2), "kafka_unavailable");

                broker = EmbeddedKafkaBroker.start(dir, port);
                GatewayClient same = client;
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> same.get("/ready").statusCode() == 200);
                HttpResponse<String> back = post(client, events.get(3));

                assertEquals(202, back.statusCode(), back.body());
                List<String> written = values(broker, "outage");
                assertTrue(written.contains(events.get(0)), "accepted before the outage");
                assertTrue(written.contains(events.get(3)), "accepted after the restart");
            }
        } finally {
            broker.close();
        }
    }

    @Test
    void eventsWaitingForAHungKafkaBoundNewRequests(@TempDir Path dir) throws Exception {
        String event = SampleFiles.all().get(0);
        String three = "[" + String.join(",", SampleFiles.all().subList(1, 4)) + "]";
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0)) {
            broker.createTopic("inflight", 1, Map.of());
            // Readiness checked only at start, so the sends themselves meet the outage.
            try (RunningGateway gateway =
                    gateway(
                            broker,
                            "inflight",
                            "INGEST_MAX_INFLIGHT",
                            "3",
                            "READY_CHECK_INTERVAL_MS",
                            "600000",
                            "KAFKA_DELIVERY_TIMEOUT_MS",
                            "3000")) {
                GatewayClient client = gateway.client();
                assertEquals(202, post(client, event).statusCode());
                broker.close();

                CompletableFuture<HttpResponse<String>> hung =
                        client.postAsync(RunningGateway.FRA_KEY, three);
                await().atMost(Duration.ofSeconds(5))
                        .until(
                                () ->
                                        client.get("/metrics")
                                                .body()
                                                .contains("gateway_kafka_inflight_events 3.0"));
                assertRefusedQuickly(client, event, "overloaded");

                HttpResponse<String> timedOut = hung.get();
                assertEquals(503, timedOut.statusCode(), timedOut.body());
                assertEquals("kafka_unavailable", json(timedOut).get("error").asText());
                // The failed send marked Kafka down: the next answer takes the fast path.
                long start = System.nanoTime();
                assertRefusedQuickly(client, event, "kafka_unavailable");
                assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1000);
                assertEquals(503, client.get("/ready").statusCode());
            }
        }
    }

    @Test
    void gracefulStopFinishesTheSendsInProgress(EmbeddedKafkaBroker broker) throws Exception {
        String event = SampleFiles.all().get(6);
        broker.createTopic("graceful", 1, Map.of());
        // Records wait 1.5 s in the producer before being sent: a stop lands mid-send.
        RunningGateway gateway = gateway(broker, "graceful", "KAFKA_PRODUCER_LINGER_MS", "1500");
        GatewayClient client = gateway.client();
        CompletableFuture<HttpResponse<String>> inFlight =
                client.postAsync(RunningGateway.FRA_KEY, event);
        await().atMost(Duration.ofSeconds(5))
                .until(
                        () ->
                                client.get("/metrics")
                                        .body()
                                        .contains("gateway_kafka_inflight_events 1.0"));

        CompletableFuture<Void> stopped =
                CompletableFuture.runAsync(
                        () -> {
                            try {
                                gateway.close();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });

        HttpResponse<String> answer = inFlight.get();
        assertEquals(202, answer.statusCode(), answer.body());
        stopped.get();
        assertEquals(List.of(event), values(broker, "graceful"));
        assertThrows(UncheckedIOException.class, () -> client.get("/health"));
    }
}
