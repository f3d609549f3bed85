package org.livepeer.analytics.gateway.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.gateway.RunningGateway;
import org.livepeer.analytics.gateway.kafka.TopicReader;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.testkit.WithKafka;

/**
 * The publisher's batching against a real broker: with nothing out, a record leaves at once; while
 * a produce request is out, the records that arrive collect and leave together; the order of a
 * stream's events survives; an explicit {@code KAFKA_PRODUCER_LINGER_MS} still holds every batch.
 */
@WithKafka
class AdaptiveBatchingIT {

    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static final EventOrigin ORIGIN = new EventOrigin("fra", 1_767_225_600_000L);

    private static EmbeddedKafkaBroker broker;

    private Vertx vertx;

    @BeforeAll
    static void useBroker(EmbeddedKafkaBroker kafka) {
        broker = kafka;
    }

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    /** A publisher to a fresh 3-partition topic; {@code env} adds settings. */
    private KafkaEventPublisher publisher(String topic, Map<String, String> env) throws Exception {
        broker.createTopic(topic, 3, Map.of());
        Map<String, String> all = new HashMap<>(env);
        all.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        all.put("EVENTS_TOPIC", topic);
        return (KafkaEventPublisher)
                KafkaEventPublisher.create(vertx, RunningGateway.config(all))
                        .await(30, TimeUnit.SECONDS);
    }

    private static List<OutgoingEvent> one(String key, String value) {
        return List.of(new OutgoingEvent(key, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Publishes {@code requests} one-event requests at once, from one event-loop context. */
    private Future<Void> publishAtOnce(KafkaEventPublisher publisher, int requests, int keys) {
        Promise<Void> all = Promise.promise();
        vertx.runOnContext(
                v -> {
                    List<Future<Void>> acks = new ArrayList<>();
                    for (int i = 0; i < requests; i++) {
                        acks.add(publisher.publish(one("s" + (i % keys), "e" + i), ORIGIN));
                    }
                    Future.all(acks).<Void>mapEmpty().onComplete(all);
                });
        return all.future();
    }

    @Test
    void recordsThatArriveWhileARequestIsOutLeaveTogether() throws Exception {
        KafkaEventPublisher publisher = publisher("together-" + TOPICS.incrementAndGet(), Map.of());
        try {
            // Metadata first, so the burst below meets a connected producer.
            publisher.publish(one("s0", "first"), ORIGIN).await(30, TimeUnit.SECONDS);

            publishAtOnce(publisher, 500, 8).await(30, TimeUnit.SECONDS);

            // 501 records: one request per record would average 1; collected ones far more.
            double perRequest = publisher.producerMetric("records-per-request-avg");
            assertTrue(perRequest >= 5, "records per produce request " + perRequest);
        } finally {
            publisher.close().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLoneRecordLeavesAtOnceAndAnExplicitLingerStillHoldsIt() throws Exception {
        KafkaEventPublisher adaptive = publisher("lone-" + TOPICS.incrementAndGet(), Map.of());
        KafkaEventPublisher lingering =
                publisher(
                        "lingering-" + TOPICS.incrementAndGet(),
                        Map.of("KAFKA_PRODUCER_LINGER_MS", "1500"));
        try {
            for (int i = 0; i < 20; i++) {
                adaptive.publish(one("s1", "e" + i), ORIGIN).await(30, TimeUnit.SECONDS);
            }
            lingering.publish(one("s1", "e"), ORIGIN).await(30, TimeUnit.SECONDS);

            // Each lone record went in its own request, without waiting for company (the bound
            // is far above a thread's wake-up, far below the explicit linger).
            assertEquals(1.0, adaptive.producerMetric("records-per-request-avg"));
            double waited = adaptive.producerMetric("record-queue-time-max");
            assertTrue(waited < 1000, "a lone record waited " + waited + " ms");
            // KAFKA_PRODUCER_LINGER_MS is a fixed wait for every batch, as in Kafka.
            double lingered = lingering.producerMetric("record-queue-time-max");
            assertTrue(lingered >= 1500, "with linger.ms=1500 a record waited " + lingered);
        } finally {
            adaptive.close().await(30, TimeUnit.SECONDS);
            lingering.close().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void eachStreamKeepsTheOrderOfItsRequests() throws Exception {
        String topic = "order-" + TOPICS.incrementAndGet();
        KafkaEventPublisher publisher = publisher(topic, Map.of());
        try {
            publishAtOnce(publisher, 2000, 5).await(60, TimeUnit.SECONDS);
        } finally {
            publisher.close().await(30, TimeUnit.SECONDS);
        }

        Map<String, List<Integer>> byStream = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r :
                TopicReader.readAll(broker.bootstrapServers(), topic)) {
            String value = new String(r.value(), StandardCharsets.UTF_8);
            byStream.computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(Integer.parseInt(value.substring(1)));
        }
        assertEquals(5, byStream.size());
        byStream.forEach(
                (stream, sequence) -> {
                    assertEquals(400, sequence.size(), stream);
                    assertEquals(sequence.stream().sorted().toList(), sequence, stream);
                });
    }
}
