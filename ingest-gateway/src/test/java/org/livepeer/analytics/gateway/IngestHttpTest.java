package org.livepeer.analytics.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livepeer.analytics.gateway.GatewayClient.json;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.event.samples.SampleFiles;
import org.livepeer.analytics.gateway.publish.OutgoingEvent;

/** POST /v1/events answers over a real Vert.x server, with a fake publisher. */
class IngestHttpTest {

    private static final String JSON = "application/json";
    private static final String EVENT_A =
            "{\"id\":\"a\",\"type\":\"stream_trace\",\"timestamp\":\"1767225600000\","
                    + "\"data\":{\"stream_id\":\"s-1\",\"note\":\"\\u003cé\\u003e\"}}";
    private static final String EVENT_B =
            "{ \"id\" : \"b\", \"type\":\"ai_stream_status\", \"timestamp\":1767225600001,"
                    + " \"gateway\":\"gw\", \"data\":{} }";

    private final FakePublisher fake = new FakePublisher();
    private RunningGateway gateway;
    private GatewayClient client;

    @BeforeEach
    void start() throws Exception {
        gateway = RunningGateway.start(RunningGateway.config(Map.of()), fake);
        client = gateway.client();
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        assertTrue(fake.closed, "stopping the verticle closes the publisher");
    }

    private HttpResponse<String> post(String contentType, String body) {
        return client.post(contentType, RunningGateway.FRA_KEY, body);
    }

    private List<String> publishedValues() {
        return fake.published.stream()
                .map(e -> new String(e.value(), StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void singleEventIsAcceptedAndForwardedWithKeyAndOrigin() {
        long before = System.currentTimeMillis();

        HttpResponse<String> response = post(JSON + "; charset=utf-8", " " + EVENT_A + "\n");

        assertEquals(202, response.statusCode(), response.body());
        assertEquals(json("{\"accepted\":1,\"rejected\":[]}"), json(response));
        assertEquals(List.of(EVENT_A), publishedValues());
        OutgoingEvent sent = fake.published.get(0);
        assertEquals("s-1", sent.key());
        assertEquals("fra", fake.origins.get(0).source());
        long receivedAt = fake.origins.get(0).receivedAtMs();
        assertTrue(receivedAt >= before && receivedAt <= System.currentTimeMillis());
    }

    @Test
    void mixedArrayAcceptsTheValidOnesAndListsEachRejection() {
        String body = "[" + EVENT_A + ",\n {\"id\":\"x\",\"data\":{}}, 5 ,\n" + EVENT_B + "]";

        HttpResponse<String> response = post(JSON, body);

        assertEquals(202, response.statusCode(), response.body());
        assertEquals(
                json(
                        "{\"accepted\":2,\"rejected\":["
                                + "{\"index\":1,\"id\":\"x\",\"error\":\"missing_field:type\","
                                + "\"message\":\"type is required\"},"
                                + "{\"index\":2,\"error\":\"not_an_object\","
                                + "\"message\":\"an event must be a JSON object, got number\"}]}"),
                json(response));
        assertEquals(List.of(EVENT_A, EVENT_B), publishedValues());
        assertEquals(List.of("s-1", "b"), fake.published.stream().map(OutgoingEvent::key).toList());
    }

    @Test
    void ndjsonRejectsABrokenLineAtItsIndex() {
        String body = EVENT_A + "\n\n{\"id\":\n" + EVENT_B + "\n";

        HttpResponse<String> response = post("application/x-ndjson", body);

        assertEquals(202, response.statusCode(), response.body());
        assertEquals(2, json(response).get("accepted").asInt());
        assertEquals(1, json(response).get("rejected").size());
        assertEquals(1, json(response).get("rejected").get(0).get("index").asInt());
        assertEquals("invalid_json", json(response).get("rejected").get(0).get("error").asText());
        assertEquals(List.of(EVENT_A, EVENT_B), publishedValues());
    }

    @Test
    void nothingAcceptedIs400WithTheSameBodyShape() {
        HttpResponse<String> response = post(JSON, "[{\"id\":\"x\"}, []]");

        assertEquals(400, response.statusCode());
        assertEquals(0, json(response).get("accepted").asInt());
        assertEquals(2, json(response).get("rejected").size());
        assertEquals(List.of(), fake.published);
    }

    @Test
    void emptyArrayIs400WithNoRejections() {
        HttpResponse<String> response = post(JSON, "[]");

        assertEquals(400, response.statusCode());
        assertEquals(json("{\"accepted\":0,\"rejected\":[]}"), json(response));
    }

    @Test
    void unparseableBodyIs400InvalidJson() {
        HttpResponse<String> response = post(JSON, "[" + EVENT_A + ",");

        assertEquals(400, response.statusCode());
        assertEquals("invalid_json", json(response).get("error").asText());
        assertTrue(json(response).get("message").asText().startsWith("the body is not valid JSON"));
        assertEquals(2, json(response).size(), "error and message only");
        assertEquals(List.of(), fake.published);
    }

    @Test
    void kafkaFailureIs503WithRetryAfterAndNeverAccepted() {
        fake.failSends = true;

        HttpResponse<String> response = post(JSON, EVENT_A);

        assertEquals(503, response.statusCode());
        assertEquals("kafka_unavailable", json(response).get("error").asText());
        assertTrue(json(response).get("message").asText().contains("fake broker down"));
        assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
        assertEquals(List.of(), fake.published);
    }

    @Test
    void exactBytesSurviveForEverySampleEvent() {
        List<String> samples = SampleFiles.all();
        String body = "[" + String.join(",", samples) + "]";

        HttpResponse<String> response = post(JSON, body);

        assertEquals(202, response.statusCode(), response.body());
        assertEquals(SampleFiles.COUNT, json(response).get("accepted").asInt());
        assertEquals(samples, publishedValues());
        for (int i = 0; i < samples.size(); i++) {
            assertArrayEquals(
                    samples.get(i).getBytes(StandardCharsets.UTF_8), fake.published.get(i).value());
        }
    }
}
