package org.livepeer.analytics.sse.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.sse.source.Replay;
import org.livepeer.analytics.sse.source.TailRecord;
import org.livepeer.analytics.sse.source.TopicTail;
import org.livepeer.analytics.testkit.TestProducer;
import org.livepeer.analytics.testkit.WithKafka;

/**
 * The topic tail against a real broker when the topic changes under it (partitions added while
 * clients are connected, records deleted before the tail read them) or its consumer fails.
 */
@WithKafka
class SseTailIT {

    private static final String TOKEN = "tail-token";
    private static final String METRICS = "live-metrics";
    private static final String EVENTS = "streaming-events";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static Vertx vertx;
    private static String base;
    private static TestProducer producer;
    private static Admin admin;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) throws Exception {
        broker.createTopic(METRICS, 1, Map.of());
        broker.createTopic(EVENTS, 1, Map.of());
        producer = TestProducer.connect(broker);
        admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                broker.bootstrapServers()));
        // One event loop in all: a task the test parks on it holds back every hub, and the tail
        // polls again only once its batch is dispatched, so the test can make the tail fall behind.
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        Map<String, String> oneLoop =
                Map.of("SSE_EVENT_LOOPS", "1", "SSE_PARTITION_REFRESH_MS", "500");
        base = DeployedSse.deploy(vertx, broker.bootstrapServers(), TOKEN, oneLoop);
    }

    @AfterAll
    static void stop() throws Exception {
        producer.close();
        admin.close();
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @Test
    void partitionsAddedWhileClientsAreConnectedAreReadFromTheirBeginning() throws Exception {
        try (SseTestClient c = SseTestClient.open(url("/v1/live/metrics"), null)) {
            send(METRICS, 0, SseLiveIT.metric("pipeline", "p0", 1));
            await().atMost(WAIT).until(() -> c.frames("metrics").size() == 1);

            admin.createPartitions(Map.of(METRICS, NewPartitions.increaseTo(2)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            send(METRICS, 1, SseLiveIT.metric("pipeline", "p1-a", 1));
            send(METRICS, 1, SseLiveIT.metric("pipeline", "p1-b", 1));

            await().atMost(WAIT).until(() -> c.frames("metrics").size() == 3);
            List<String> keys =
                    c.frames("metrics").stream()
                            .map(f -> new JsonObject(f.data()).getString("key"))
                            .toList();
            assertEquals(List.of("p0", "p1-a", "p1-b"), keys);
            List<String> ids = c.frames("metrics").stream().map(SseTestClient.Frame::id).toList();
            assertEquals(List.of("0-0", "0-0_1-0", "0-0_1-1"), ids);
            assertTrue(c.frames("gap").isEmpty(), c.frames().toString());
        }
        // A client that left before the partition was added resumes with a token without it.
        try (SseTestClient c = SseTestClient.open(url("/v1/live/metrics"), "0-0")) {
            await().atMost(WAIT).until(() -> c.frames("metrics").size() == 2);
            assertEquals(
                    List.of("p1-a", "p1-b"),
                    c.frames("metrics").stream()
                            .map(f -> new JsonObject(f.data()).getString("key"))
                            .toList());
            assertTrue(c.frames("gap").isEmpty(), c.frames().toString());
        }
    }

    @Test
    void recordsDeletedBeforeTheTailReadThemReachClientsAsAGap() throws Exception {
        try (SseTestClient c = SseTestClient.open(url("/v1/live/events"), null)) {
            send(EVENTS, 0, event(-1));
            await().atMost(WAIT).until(() -> c.frames("event").size() == 1);

            CountDownLatch release = new CountDownLatch(1);
            try {
                holdTheEventLoop(release);
                // A is handed to the held hubs, B is polled behind it: the tail reads no further.
                double consumed = recordsConsumed(EVENTS);
                send(EVENTS, 0, event(-2));
                await().atMost(WAIT).until(() -> recordsConsumed(EVENTS) == consumed + 1);
                send(EVENTS, 0, event(-3));
                await().atMost(WAIT).until(() -> recordsConsumed(EVENTS) == consumed + 2);
                List<Long> offsets = new ArrayList<>();
                for (int n = 0; n < 30; n++) {
                    offsets.add(send(EVENTS, 0, event(n)));
                }
                deleteBefore(new TopicPartition(EVENTS, 0), offsets.get(20));
            } finally {
                release.countDown();
            }

            await().atMost(WAIT).until(() -> lastN(c) == 29);
            assertGapThenTheRest(c.frames(), 20, 29);
            assertTrue(
                    get("/metrics").contains("sse_tail_gaps_total{stream=\"events\"} 1.0"),
                    "one gap counted");
        }
    }

    @Test
    void aTailThatReCreatesItsConsumerResumesAfterTheLastRecordItHandedOut(
            EmbeddedKafkaBroker broker) throws Exception {
        String topic = "tail-restart";
        broker.createTopic(topic, 1, Map.of());
        FailingOnceSink sink = new FailingOnceSink();
        try (TopicTail tail =
                new TopicTail(broker.bootstrapServers(), Map.of(), topic, 500, sink)) {
            tail.start();
            await().atMost(WAIT).until(tail::ready);
            send(topic, 0, "r0");
            await().atMost(WAIT).until(sink.failed::get);
            // Produced while the tail waits to re-create its consumer.
            for (int i = 1; i <= 5; i++) {
                send(topic, 0, "r" + i);
            }
            await().atMost(WAIT).until(() -> sink.offsets.size() == 6);
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), sink.offsets);
        }
    }

    /** Collects the offsets; its first delivery throws, as a failing consumer would. */
    private static final class FailingOnceSink implements TopicTail.Sink {
        final List<Long> offsets = new CopyOnWriteArrayList<>();
        final AtomicBoolean failed = new AtomicBoolean();

        @Override
        public void position(long[] lastOffsets) {}

        @Override
        public void deliver(List<TailRecord> batch, long[] lastOffsets, Runnable done) {
            batch.forEach(r -> offsets.add(r.offset()));
            done.run();
            if (failed.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure of the tail's consumer");
            }
        }

        @Override
        public void gap(Replay.Gap gap, long[] lastOffsets, Runnable done) {
            done.run();
        }
    }

    /**
     * Exactly one {@code gap}: the event frames before it are contiguous offsets ending just before
     * its {@code requested_offset}; after it come events {@code firstKept..last}, the first at its
     * {@code resumed_offset}.
     */
    private static void assertGapThenTheRest(
            List<SseTestClient.Frame> frames, int firstKept, int last) {
        List<SseTestClient.Frame> gaps =
                frames.stream().filter(f -> f.event().equals("gap")).toList();
        assertEquals(1, gaps.size(), frames.toString());
        int at = frames.indexOf(gaps.get(0));
        List<Long> before =
                frames.subList(0, at).stream()
                        .filter(f -> f.event().equals("event"))
                        .map(SseTailIT::offset)
                        .toList();
        for (int i = 1; i < before.size(); i++) {
            assertEquals(before.get(i - 1) + 1, before.get(i), "no silent skip before the gap");
        }
        JsonObject gap = new JsonObject(gaps.get(0).data());
        List<SseTestClient.Frame> after = frames.subList(at + 1, frames.size());
        assertEquals("retention", gap.getString("reason"));
        assertEquals(0, gap.getInteger("partition"));
        assertEquals(before.get(before.size() - 1) + 1, gap.getLong("requested_offset"));
        assertEquals(offset(after.get(0)), gap.getLong("resumed_offset"));
        assertEquals(
                gap.getLong("resumed_offset") - gap.getLong("requested_offset"),
                gap.getLong("skipped"));
        assertEquals("0-" + (gap.getLong("resumed_offset") - 1), gaps.get(0).id());
        List<Integer> rest = after.stream().map(SseTailIT::n).toList();
        List<Integer> expected = new ArrayList<>();
        for (int n = firstKept; n <= last; n++) {
            expected.add(n);
        }
        assertEquals(expected, rest);
    }

    /** Parks a task on the only event loop until {@code release}; returns once it runs. */
    private static void holdTheEventLoop(CountDownLatch release) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        vertx.runOnContext(
                v -> {
                    held.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        assertTrue(held.await(10, TimeUnit.SECONDS));
    }

    /** Records the Kafka consumers of {@code topic} in this JVM have returned from poll. */
    private static double recordsConsumed(String topic) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        double sum = 0;
        for (ObjectName name :
                server.queryNames(
                        new ObjectName(
                                "kafka.consumer:type=consumer-fetch-manager-metrics,client-id=*,topic="
                                        + topic),
                        null)) {
            sum += ((Number) server.getAttribute(name, "records-consumed-total")).doubleValue();
        }
        return sum;
    }

    private static void deleteBefore(TopicPartition tp, long offset) throws Exception {
        admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(offset)))
                .all()
                .get(30, TimeUnit.SECONDS);
    }

    private static long send(String topic, int partition, String value) throws Exception {
        return producer.send(new ProducerRecord<>(topic, partition, null, TestProducer.utf8(value)))
                .offset();
    }

    private static String event(int n) {
        return SseLiveIT.event("tail_test", "s", "0xA", n);
    }

    private static int lastN(SseTestClient c) {
        List<SseTestClient.Frame> events = c.frames("event");
        return events.isEmpty() ? Integer.MIN_VALUE : n(events.get(events.size() - 1));
    }

    private static int n(SseTestClient.Frame f) {
        return new JsonObject(f.data()).getJsonObject("data").getInteger("n");
    }

    /** The offset of a frame of a one-partition topic, from its id {@code 0-<offset>}. */
    private static long offset(SseTestClient.Frame f) {
        return Long.parseLong(f.id().substring(2));
    }

    private static String get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String url(String path) {
        return base + path + "?access_token=" + TOKEN;
    }
}
