package org.livepeer.analytics.gateway.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livepeer.analytics.gateway.GatewayClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.event.samples.SampleFiles;
import org.livepeer.analytics.gateway.GatewayClient;
import org.livepeer.analytics.gateway.RunningGateway;
import org.livepeer.analytics.gateway.publish.PublisherFactory;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.testkit.WithKafka;

/**
 * The gateway against a real in-process KRaft broker: exactly the accepted events reach the topic,
 * byte for byte, with the right keys and headers.
 */
@WithKafka
class GatewayKafkaIT {

    private static final AtomicInteger TOPICS = new AtomicInteger();

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void useBroker(EmbeddedKafkaBroker kafka) {
        broker = kafka;
    }

    /** A gateway writing to a fresh 3-partition topic, once /ready says Kafka is reachable. */
    private static RunningGateway gatewayOnNewTopic(String topic) throws Exception {
        broker.createTopic(topic, 3, Map.of());
        RunningGateway gateway =
                RunningGateway.start(
                        RunningGateway.config(
                                Map.of(
                                        "KAFKA_BOOTSTRAP_SERVERS",
                                        broker.bootstrapServers(),
                                        "EVENTS_TOPIC",
                                        topic)),
                        PublisherFactory.kafka());
        GatewayClient client = gateway.client();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get("/ready").statusCode() == 200);
        return gateway;
    }

    private static String expectedKey(String event) {
        JsonNode node = json(event);
        JsonNode streamId = node.path("data").path("stream_id");
        return streamId.isTextual() && !streamId.textValue().isEmpty()
                ? streamId.textValue()
                : node.get("id").textValue();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Records ordered as sent: by received_at, then by the event's position in the request. */
    private static void assertTopicHoldsExactly(
            String topic, List<String> expected, long sentAfter, long sentBefore) {
        List<ConsumerRecord<String, byte[]>> records =
                new ArrayList<>(TopicReader.readAll(broker.bootstrapServers(), topic));
        assertEquals(expected.size(), records.size(), "records in " + topic);
        List<String> values =
                records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
        assertEquals(
                expected.stream().sorted().toList(),
                values.stream().sorted().toList(),
                "exactly the accepted events, byte for byte");
        records.sort(Comparator.comparing(r -> new String(r.value(), StandardCharsets.UTF_8)));
        List<String> sortedExpected = expected.stream().sorted().toList();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            assertArrayEquals(
                    sortedExpected.get(i).getBytes(StandardCharsets.UTF_8), record.value());
            assertEquals(expectedKey(sortedExpected.get(i)), record.key());
            assertEquals("fra", header(record, "source"));
            long receivedAt = Long.parseLong(header(record, "received_at"));
            assertTrue(
                    receivedAt >= sentAfter && receivedAt <= sentBefore,
                    "received_at " + receivedAt);
        }
    }

    @Test
    void everySampleEventReachesTheTopicUnchanged() throws Exception {
        String topic = "samples-" + TOPICS.incrementAndGet();
        List<String> samples = SampleFiles.all();
        try (RunningGateway gateway = gatewayOnNewTopic(topic)) {
            long before = System.currentTimeMillis();
            HttpResponse<String> response =
                    gateway.client()
                            .post(
                                    "application/json",
                                    RunningGateway.FRA_KEY,
                                    "[\n" + String.join(",\n  ", samples) + "\n]");
            long after = System.currentTimeMillis();

            assertEquals(202, response.statusCode(), response.body());
            assertEquals(
                    json("{\"accepted\":" + samples.size() + ",\"rejected\":[]}"), json(response));
            assertTopicHoldsExactly(topic, samples, before, after);
        }
    }

    @Test
    void onlyTheAcceptedEventsOfAMixedBatchAreWritten() throws Exception {
        String topic = "mixed-" + TOPICS.incrementAndGet();
        String a = SampleFiles.all().get(0);
        String b = SampleFiles.all().get(SampleFiles.COUNT - 1);
        String body =
                "[ "
                        + a
                        + " , {\"id\":\"no-type\",\"timestamp\":1767225600000,\"data\":{}},"
                        + "\"just a string\", {\"id\":\"d\",\"id\":\"d\"},"
                        + b
                        + "]";
        try (RunningGateway gateway = gatewayOnNewTopic(topic)) {
            long before = System.currentTimeMillis();
            HttpResponse<String> response =
                    gateway.client().post("application/json", RunningGateway.FRA_KEY, body);
            long after = System.currentTimeMillis();

            assertEquals(202, response.statusCode(), response.body());
            JsonNode result = json(response);
            assertEquals(2, result.get("accepted").asInt());
            List<String> rejected = new ArrayList<>();
            result.get("rejected")
                    .forEach(
                            r ->
                                    rejected.add(
                                            r.get("index").asInt()
                                                    + ":"
                                                    + r.get("error").asText()));
            assertEquals(
                    List.of("1:missing_field:type", "2:not_an_object", "3:invalid_json"), rejected);
            assertTopicHoldsExactly(topic, List.of(a, b), before, after);
        }
    }

    @Test
    void ndjsonLinesAreWrittenAndBrokenLinesRejected() throws Exception {
        String topic = "ndjson-" + TOPICS.incrementAndGet();
        List<String> samples = SampleFiles.all().subList(10, 20);
        String body = String.join("\r\n", samples) + "\n{\"broken\": \n\n";
        try (RunningGateway gateway = gatewayOnNewTopic(topic)) {
            long before = System.currentTimeMillis();
            HttpResponse<String> response =
                    gateway.client().post("application/x-ndjson", RunningGateway.FRA_KEY, body);
            long after = System.currentTimeMillis();

            assertEquals(202, response.statusCode(), response.body());
            assertEquals(10, json(response).get("accepted").asInt());
            assertEquals(10, json(response).get("rejected").get(0).get("index").asInt());
            assertEquals(1, json(response).get("rejected").size());
            assertTopicHoldsExactly(topic, samples, before, after);
        }
    }

    @Test
    void batchWithNothingAcceptedWritesNothing() throws Exception {
        String topic = "none-" + TOPICS.incrementAndGet();
        try (RunningGateway gateway = gatewayOnNewTopic(topic)) {
            HttpResponse<String> response =
                    gateway.client()
                            .post("application/json", RunningGateway.FRA_KEY, "[{\"id\":\"x\"}]");

            assertEquals(400, response.statusCode(), response.body());
            assertTopicHoldsExactly(topic, List.of(), 0, Long.MAX_VALUE);
        }
    }
}
