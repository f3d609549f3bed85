package org.livepeer.analytics.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livepeer.analytics.gateway.GatewayClient.json;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.gateway.publish.DeadLetter;

/** gzip, DLQ letters, rate limit, in-flight bound and /metrics over HTTP, with a fake publisher. */
class EdgeHttpTest {

    private static final String EVENT =
            "{\"id\":\"a\",\"type\":\"t\",\"timestamp\":1767225600000,\"data\":{}}";
    private static final String NO_TYPE = "{\"id\":\"b\",\"timestamp\":1767225600000,\"data\":{}}";

    private static RunningGateway start(FakePublisher fake, String... env) throws Exception {
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i < env.length; i += 2) {
            settings.put(env[i], env[i + 1]);
        }
        return RunningGateway.start(RunningGateway.config(settings), fake);
    }

    @Test
    void gzipBodiesAreInflatedAndOtherEncodingsAre415() throws Exception {
        FakePublisher fake = new FakePublisher();
        try (RunningGateway gateway = start(fake)) {
            GatewayClient client = gateway.client();
            HttpResponse<String> ok =
                    client.post(
                            RunningGateway.FRA_KEY,
                            GatewayClient.gzip(EVENT + "\n" + EVENT),
                            "Content-Type",
                            "application/x-ndjson",
                            "Content-Encoding",
                            "gzip");
            HttpResponse<String> br =
                    client.post(
                            RunningGateway.FRA_KEY,
                            EVENT.getBytes(StandardCharsets.UTF_8),
                            "Content-Type",
                            "application/json",
                            "Content-Encoding",
                            "br");
            HttpResponse<String> corrupt =
                    client.post(
                            RunningGateway.FRA_KEY,
                            EVENT.getBytes(StandardCharsets.UTF_8),
                            "Content-Type",
                            "application/json",
                            "Content-Encoding",
                            "gzip");

            assertEquals(202, ok.statusCode(), ok.body());
            assertEquals(2, json(ok).get("accepted").asInt());
            assertEquals(EVENT, new String(fake.published.get(0).value(), StandardCharsets.UTF_8));
            assertEquals(415, br.statusCode(), br.body());
            assertEquals("unsupported_media_type", json(br).get("error").asText());
            assertEquals(400, corrupt.statusCode(), corrupt.body());
            assertEquals("invalid_encoding", json(corrupt).get("error").asText());
            assertEquals(2, fake.published.size());
        }
    }

    @Test
    void rejectedEnvelopesBecomeDeadLettersAndAWholeBadBodyIsOne() throws Exception {
        FakePublisher fake = new FakePublisher();
        try (RunningGateway gateway = start(fake)) {
            GatewayClient client = gateway.client();
            HttpResponse<String> partial =
                    client.post(
                            "application/json",
                            RunningGateway.FRA_KEY,
                            "[" + EVENT + "," + NO_TYPE + ",[1]]");
            HttpResponse<String> broken =
                    client.post("application/json", RunningGateway.FRA_KEY, "[" + EVENT);

            assertEquals(202, partial.statusCode(), partial.body());
            assertEquals(400, broken.statusCode(), broken.body());
            await().atMost(Duration.ofSeconds(5)).until(() -> fake.deadLetters.size() == 3);
            DeadLetter noType = fake.deadLetters.get(0);
            assertEquals(NO_TYPE, new String(noType.value(), StandardCharsets.UTF_8));
            assertEquals("missing_field:type", noType.errorType());
            assertEquals("b", noType.eventId());
            assertNull(noType.eventType());
            assertEquals("not_an_object", fake.deadLetters.get(1).errorType());
            DeadLetter whole = fake.deadLetters.get(2);
            assertEquals("invalid_json", whole.errorType());
            assertEquals("[" + EVENT, new String(whole.value(), StandardCharsets.UTF_8));
            assertFalse(whole.truncated());
        }
    }

    @Test
    void aFailingDlqDoesNotFailTheBatchAndIsCounted() throws Exception {
        FakePublisher fake = new FakePublisher();
        fake.failDeadLetters = true;
        try (RunningGateway gateway = start(fake)) {
            GatewayClient client = gateway.client();
            HttpResponse<String> response =
                    client.post(
                            "application/json",
                            RunningGateway.FRA_KEY,
                            "[" + EVENT + "," + NO_TYPE + "]");

            assertEquals(202, response.statusCode(), response.body());
            assertEquals(1, fake.published.size());
            await().atMost(Duration.ofSeconds(5))
                    .until(
                            () ->
                                    client.get("/metrics")
                                            .body()
                                            .contains("gateway_dlq_write_failures_total 1.0"));
        }
    }

    @Test
    void rateLimitAnswers429WithRetryAfterPerKey() throws Exception {
        FakePublisher fake = new FakePublisher();
        try (RunningGateway gateway =
                start(fake, "INGEST_RATE_LIMIT", "1", "INGEST_RATE_BURST", "3")) {
            GatewayClient client = gateway.client();
            String three = String.join("\n", EVENT, EVENT, EVENT);

            HttpResponse<String> first =
                    client.post("application/x-ndjson", RunningGateway.FRA_KEY, three);
            HttpResponse<String> limited =
                    client.post("application/json", RunningGateway.FRA_KEY, EVENT);
            HttpResponse<String> otherKey =
                    client.post("application/json", "key-nyc-0123456789", EVENT);

            assertEquals(202, first.statusCode(), first.body());
            assertEquals(429, limited.statusCode(), limited.body());
            assertEquals("rate_limited", json(limited).get("error").asText());
            assertEquals("1", limited.headers().firstValue("Retry-After").orElse(null));
            assertEquals(202, otherKey.statusCode(), otherKey.body());
            assertEquals(4, fake.published.size());
            assertTrue(
                    client.get("/metrics")
                            .body()
                            .contains("gateway_rate_limited_requests_total 1.0"));
        }
    }

    @Test
    void tooManyEventsWaitingForKafkaIs503Overloaded() throws Exception {
        FakePublisher fake = new FakePublisher();
        fake.holdSends = true;
        try (RunningGateway gateway = start(fake, "INGEST_MAX_INFLIGHT", "2")) {
            GatewayClient client = gateway.client();
            CompletableFuture<HttpResponse<String>> waiting =
                    client.postAsync(RunningGateway.FRA_KEY, "[" + EVENT + "," + EVENT + "]");
            await().atMost(Duration.ofSeconds(5)).until(() -> fake.held.size() == 1);

            HttpResponse<String> refused =
                    client.post("application/json", RunningGateway.FRA_KEY, EVENT);

            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("overloaded", json(refused).get("error").asText());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
            assertTrue(client.get("/metrics").body().contains("gateway_kafka_inflight_events 2.0"));
            fake.held.get(0).complete();
            assertEquals(202, waiting.get().statusCode());
            fake.holdSends = false;
            assertEquals(
                    202,
                    client.post("application/json", RunningGateway.FRA_KEY, EVENT).statusCode());
        }
    }

    @Test
    void metricsCountEventsByOutcomeAndTimeRequests() throws Exception {
        FakePublisher fake = new FakePublisher();
        try (RunningGateway gateway = start(fake)) {
            GatewayClient client = gateway.client();
            client.post(
                    "application/json", RunningGateway.FRA_KEY, "[" + EVENT + "," + NO_TYPE + "]");

            HttpResponse<String> metrics = client.get("/metrics");

            assertEquals(200, metrics.statusCode());
            assertTrue(
                    metrics.headers()
                            .firstValue("Content-Type")
                            .orElse("")
                            .startsWith("text/plain"));
            String text = metrics.body();
            for (String expected :
                    List.of(
                            "gateway_events_accepted_total 1.0",
                            "gateway_events_rejected_total{code=\"missing_field:type\"} 1.0",
                            "gateway_request_bytes_count 1",
                            "gateway_kafka_send_duration_seconds_count{outcome=\"acknowledged\"} 1",
                            "gateway_request_duration_seconds_bucket{method=\"POST\"",
                            "gateway_kafka_inflight_events 0.0")) {
                assertTrue(text.contains(expected), expected + " in\n" + text);
            }
        }
    }
}
