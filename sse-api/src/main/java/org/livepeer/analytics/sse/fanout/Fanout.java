package org.livepeer.analytics.sse.fanout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.livepeer.analytics.sse.source.TailRecord;
import org.livepeer.analytics.sse.source.TopicTail;

/**
 * The fan-out of one topic over every event loop: the topic's single {@link TopicTail} hands each
 * batch here, on its own thread; each record is parsed and encoded once, and the frames (shared,
 * never copied) go to the {@link Hub} of every event loop, each of which writes to its own clients
 * in parallel with the others. The batch counts as dispatched once every hub has run it. The meters
 * are the stream's, summed over all hubs.
 */
public final class Fanout implements TopicTail.Sink {

    private final Function<TailRecord, Routed> router;
    private final ClientSlots slots;
    private final List<Hub> hubs = new CopyOnWriteArrayList<>();
    private final AtomicInteger clients = new AtomicInteger();
    private final Counter records;
    private final Counter delivered;
    private final Counter overflows;

    /**
     * @param stream the label of this stream's meters ({@code metrics} or {@code events})
     */
    public Fanout(
            String stream,
            Function<TailRecord, Routed> router,
            ClientSlots slots,
            MeterRegistry registry) {
        this.router = router;
        this.slots = slots;
        this.records = registry.counter("sse_records_total", "stream", stream);
        this.delivered = registry.counter("sse_messages_delivered_total", "stream", stream);
        this.overflows =
                registry.counter(
                        "sse_clients_dropped_total", "stream", stream, "reason", "overflow");
        Gauge.builder("sse_clients", clients, AtomicInteger::get)
                .tag("stream", stream)
                .description("open SSE connections")
                .register(registry);
    }

    /** A hub for the clients of {@code context}'s event loop; it receives every batch from now. */
    public Hub newHub(Context context) {
        Hub hub = new Hub(this, context);
        hubs.add(hub);
        return hub;
    }

    /** Stops sending batches to {@code hub} (its event loop is going away). */
    public void removeHub(Hub hub) {
        hubs.remove(hub);
    }

    Routed route(TailRecord record) {
        return router.apply(record);
    }

    @Override
    public void position(long[] lastOffsets) {
        for (Hub hub : hubs) {
            hub.context().runOnContext(v -> hub.position(lastOffsets));
        }
    }

    @Override
    public void deliver(List<TailRecord> batch, long[] lastOffsets, Runnable done) {
        List<Routed> routed = new ArrayList<>(batch.size());
        for (TailRecord r : batch) {
            routed.add(router.apply(r));
        }
        records.increment(batch.size());
        Buffer all = concat(routed);
        List<Hub> targets = List.copyOf(hubs);
        if (targets.isEmpty()) {
            done.run();
            return;
        }
        AtomicInteger remaining = new AtomicInteger(targets.size());
        for (Hub hub : targets) {
            hub.context()
                    .runOnContext(
                            v -> {
                                try {
                                    hub.dispatch(routed, all, lastOffsets);
                                } finally {
                                    if (remaining.decrementAndGet() == 0) {
                                        done.run();
                                    }
                                }
                            });
        }
    }

    /** Every frame of the batch as one buffer, for the clients that want them all; one write. */
    private static Buffer concat(List<Routed> routed) {
        if (routed.size() == 1) {
            return routed.get(0).frame();
        }
        int size = 0;
        for (Routed m : routed) {
            size += m.frame().length();
        }
        Buffer all = Buffer.buffer(size);
        for (Routed m : routed) {
            all.appendBuffer(m.frame());
        }
        return all;
    }

    void joined() {
        clients.incrementAndGet();
    }

    /** A subscriber left its hub: its stream count and its connection slot are given back. */
    void left() {
        clients.decrementAndGet();
        slots.release();
    }

    void delivered(long messages) {
        delivered.increment(messages);
    }

    void overflowed() {
        overflows.increment();
    }
}
