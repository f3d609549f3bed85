package org.livepeer.analytics.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livepeer.analytics.gateway.GatewayClient.json;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Auth, media type, size and count limits, and unknown routes: all in the one error shape. */
class RequestLimitsHttpTest {

    private static final String EVENT =
            "{\"id\":\"a\",\"type\":\"t\",\"timestamp\":1767225600000,\"data\":{}}";

    private final FakePublisher fake = new FakePublisher();
    private RunningGateway gateway;
    private GatewayClient client;

    @BeforeEach
    void start() throws Exception {
        gateway =
                RunningGateway.start(
                        RunningGateway.config(
                                Map.of("INGEST_MAX_BODY_BYTES", "4096", "INGEST_MAX_EVENTS", "5")),
                        fake);
        client = gateway.client();
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, json(response).get("error").asText(), response.body());
        assertTrue(json(response).get("message").isTextual(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void missingAuthorizationIs401() {
        HttpResponse<String> response = client.post("application/json", null, EVENT);

        assertError(response, 401, "unauthorized");
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(List.of(), fake.published);
    }

    @Test
    void unknownKeyIs401() {
        assertError(
                client.post("application/json", "key-fra-01234567", EVENT), 401, "unauthorized");
        assertEquals(List.of(), fake.published);
    }

    @Test
    void secondKeyIsItsOwnSource() {
        HttpResponse<String> response =
                client.post("application/json", "key-nyc-0123456789", EVENT);

        assertEquals(202, response.statusCode(), response.body());
        assertEquals("nyc", fake.origins.get(0).source());
    }

    @Test
    void otherContentTypesAre415() {
        assertError(
                client.post("text/plain", RunningGateway.FRA_KEY, EVENT),
                415,
                "unsupported_media_type");
        assertError(
                client.post(null, RunningGateway.FRA_KEY, EVENT), 415, "unsupported_media_type");
        assertEquals(List.of(), fake.published);
    }

    @Test
    void bodyOverTheLimitIs413() {
        String padded = "[" + EVENT + "," + " ".repeat(4096) + EVENT + "]";

        assertError(
                client.post("application/json", RunningGateway.FRA_KEY, padded),
                413,
                "payload_too_large");
        assertEquals(List.of(), fake.published);
    }

    @Test
    void moreEventsThanTheLimitIs413() {
        String five = String.join("\n", EVENT, EVENT, EVENT, EVENT, EVENT);

        assertEquals(
                202,
                client.post("application/x-ndjson", RunningGateway.FRA_KEY, five).statusCode());
        assertError(
                client.post("application/x-ndjson", RunningGateway.FRA_KEY, five + "\n" + EVENT),
                413,
                "too_many_events");
        assertEquals(5, fake.published.size());
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        assertError(client.get("/v2/nothing"), 404, "not_found");
        assertError(client.get("/v1/events"), 405, "method_not_allowed");
    }

    @Test
    void authNoneMarksEventsAnonymous() throws Exception {
        FakePublisher open = new FakePublisher();
        try (RunningGateway anonymous =
                RunningGateway.start(RunningGateway.config(Map.of("INGEST_AUTH", "none")), open)) {
            HttpResponse<String> response =
                    anonymous.client().post("application/json", null, EVENT);

            assertEquals(202, response.statusCode(), response.body());
            assertEquals("anonymous", open.origins.get(0).source());
        }
    }
}
