package org.livepeer.analytics.sse.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.http.Slots;
import org.livepeer.analytics.sse.metrics.SseMetrics;
import org.livepeer.analytics.sse.source.TailRecord;

/** One event loop's subscribers of a topic: who gets which frames, and who is dropped. */
class HubTest {

    /** The record's value is its type; its frame is the value and a space. */
    private static final Function<TailRecord, Routed> ROUTER =
            r -> new Routed(r, Buffer.buffer(r.value() + " "), Map.of("type", r.value()));

    private final Vertx vertx = Vertx.vertx();
    private final SseMetrics metrics = new SseMetrics();
    private final Slots slots = new Slots(10);
    private final Hub hub =
            new Fanout(ROUTER, slots, metrics.stream("events")).newHub(vertx.getOrCreateContext());

    @AfterEach
    void close() {
        vertx.close().await();
    }

    /** A subscriber of {@code types} (all when empty) that holds its connection slot. */
    private Subscriber join(FakeSocket socket, int frameLimit, String... types) {
        assertTrue(slots.tryAcquire());
        List<String> wanted = List.of(types);
        Subscriber s =
                new Subscriber(
                        vertx,
                        socket.response,
                        socket.connection,
                        m -> wanted.isEmpty() || wanted.contains(m.field("type")),
                        new Subscriber.Limits(frameLimit, 1_000_000),
                        hub);
        hub.add(s);
        return s;
    }

    private static TailBatch batch(String... values) {
        List<TailRecord> records =
                IntStream.range(0, values.length)
                        .mapToObj(i -> new TailRecord(0, i, 0L, values[i], "0-" + i))
                        .toList();
        return new TailBatch(records, ROUTER);
    }

    @Test
    void eachSubscriberGetsTheFramesItsFilterWantsInOneWrite() {
        FakeSocket all = new FakeSocket();
        FakeSocket onlyB = new FakeSocket();
        FakeSocket none = new FakeSocket();
        join(all, 10);
        join(onlyB, 10, "b");
        join(none, 10, "z");
        TailBatch batch = batch("a", "b", "c", "b");

        hub.dispatch(batch, new long[] {3});

        assertEquals(List.of("a b c b "), all.written.stream().map(Buffer::toString).toList());
        assertSame(batch.all(), all.written.get(0), "the whole batch is one shared buffer");
        assertEquals(List.of("b b "), onlyB.written.stream().map(Buffer::toString).toList());
        assertTrue(none.written.isEmpty());
        assertTrue(
                metrics.scrape().contains("sse_messages_delivered_total{stream=\"events\"} 6.0"));
    }

    @Test
    void theHubKnowsThePositionItHasSent() {
        hub.dispatch(batch("a"), new long[] {41, 6});

        assertEquals("0-41_1-6", hub.currentToken());
        assertEquals(Map.of(0, 42L, 1, 7L), hub.nextOffsets());
    }

    @Test
    void aSubscriberThatFallsBehindIsDroppedAndItsSlotGivenBack() {
        FakeSocket slow = new FakeSocket();
        FakeSocket fast = new FakeSocket();
        join(slow, 1);
        join(fast, 10);
        slow.full = true;

        hub.dispatch(batch("a"), new long[] {0});
        hub.dispatch(batch("b"), new long[] {1});

        assertEquals(1, hub.size());
        assertEquals(1, slots.inUse());
        assertTrue(slow.text().contains("event: overflow"));
        assertEquals("a b ", fast.text());
        assertTrue(metrics.scrape().contains("sse_clients{stream=\"events\"} 1.0"));
    }

    @Test
    void aGapGoesToEverySubscriberWhateverItsFilter() {
        FakeSocket one = new FakeSocket();
        FakeSocket two = new FakeSocket();
        join(one, 10, "a");
        join(two, 10, "z");

        hub.gap(Buffer.buffer("gap "), new long[] {9});

        assertEquals("gap ", one.text());
        assertEquals("gap ", two.text());
        assertEquals("0-9", hub.currentToken());
    }

    @Test
    void closedSubscribersAreSkippedAndRemovingTwiceGivesOneSlotBack() {
        FakeSocket gone = new FakeSocket();
        Subscriber s = join(gone, 10);
        s.markClosed();

        hub.dispatch(batch("a"), new long[] {0});
        hub.remove(s);
        hub.remove(s);

        assertTrue(gone.written.isEmpty());
        assertEquals(0, hub.size());
        assertEquals(0, slots.inUse());
    }

    @Test
    void heartbeatsReachEverySubscriber() {
        FakeSocket one = new FakeSocket();
        FakeSocket two = new FakeSocket();
        join(one, 10);
        join(two, 10);

        hub.heartbeat();

        assertEquals(": heartbeat\n\n", one.text());
        assertEquals(": heartbeat\n\n", two.text());
    }
}
