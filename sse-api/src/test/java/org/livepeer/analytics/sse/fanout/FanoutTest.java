package org.livepeer.analytics.sse.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.http.Slots;
import org.livepeer.analytics.sse.metrics.SseMetrics;
import org.livepeer.analytics.sse.source.ResumeToken;
import org.livepeer.analytics.sse.source.TailRecord;

class FanoutTest {

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger routings = new AtomicInteger();
    private final Function<TailRecord, Routed> router =
            r -> {
                routings.incrementAndGet();
                return new Routed(r, Buffer.buffer(r.value()), Map.of());
            };
    private final List<TailRecord> records =
            List.of(record(0, 7, "a"), record(1, 3, "b"), record(0, 8, "c"));

    @AfterEach
    void closeVertx() {
        vertx.close().await();
    }

    @Test
    void withNoClientTheRecordsAreNotRoutedButThePositionMoves() throws Exception {
        Fanout fanout = new Fanout(router, new Slots(10), new SseMetrics().stream("events"));
        Hub hub = fanout.newHub(vertx.getOrCreateContext());
        CountDownLatch done = new CountDownLatch(1);
        long[] after = {8, 3};

        fanout.deliver(records, after, done::countDown);

        assertTrue(done.await(10, TimeUnit.SECONDS), "the batch counts as dispatched");
        assertEquals(0, routings.get());
        assertEquals(ResumeToken.format(after), onContext(hub, hub::currentToken));
    }

    @Test
    void aBatchIsRoutedOnceHoweverManyHubsAskForIt() throws Exception {
        TailBatch batch = new TailBatch(records, router);
        assertEquals(0, routings.get(), "not before it is asked for");
        List<Routed> first = batch.routed();
        Buffer all = batch.all();
        assertSame(first, batch.routed());
        assertEquals(records.size(), routings.get());
        assertEquals("abc", all.toString());
    }

    /** Reads on the hub's event loop, where its position lives. */
    private static <T> T onContext(Hub hub, Supplier<T> read) throws Exception {
        CompletableFuture<T> value = new CompletableFuture<>();
        hub.context().runOnContext(v -> value.complete(read.get()));
        return value.get(10, TimeUnit.SECONDS);
    }

    private static TailRecord record(int partition, long offset, String value) {
        return new TailRecord(partition, offset, 0L, value, partition + ":" + offset);
    }
}
