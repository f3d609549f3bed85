package org.livepeer.analytics.sse.fanout;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.livepeer.analytics.http.Slots;
import org.livepeer.analytics.sse.metrics.SseMetrics;
import org.livepeer.analytics.sse.source.Replay;
import org.livepeer.analytics.sse.source.TailRecord;
import org.livepeer.analytics.sse.source.TopicTail;

/**
 * The fan-out of one topic over every event loop: the topic's single {@link TopicTail} hands each
 * batch here, on its own thread; each record is parsed and encoded at most once ({@link
 * TailBatch}), and the frames (shared, never copied) go to the {@link Hub} of every event loop,
 * each of which writes to its own clients in parallel with the others. The batch counts as
 * dispatched once every hub has run it. The meters are the stream's, summed over all hubs.
 */
public final class Fanout implements TopicTail.Sink {

    private final Function<TailRecord, Routed> router;
    private final Slots slots;
    private final SseMetrics.Stream meters;
    private final List<Hub> hubs = new CopyOnWriteArrayList<>();

    /**
     * @param slots the instance's stream limit: a subscriber's slot is given back when it leaves
     * @param meters this stream's meters
     */
    public Fanout(Function<TailRecord, Routed> router, Slots slots, SseMetrics.Stream meters) {
        this.router = router;
        this.slots = slots;
        this.meters = meters;
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

    /**
     * Every client of the stream gets the gap, whatever its filter: nobody knows what the skipped
     * records held. Encoded once, queued behind the batches already on their way.
     */
    @Override
    public void gap(Replay.Gap gap, long[] lastOffsets, Runnable done) {
        meters.gap();
        long skipped = gap.resumedOffset() - gap.requestedOffset();
        Buffer frame =
                SseFrames.message(
                        gap.token(),
                        "gap",
                        SseFrames.gapFields(gap)
                                .put("skipped", skipped > 0 ? skipped : null)
                                .encode());
        onEveryHub(hub -> hub.gap(frame, lastOffsets), done);
    }

    @Override
    public void deliver(List<TailRecord> tail, long[] lastOffsets, Runnable done) {
        meters.records(tail.size());
        TailBatch batch = new TailBatch(tail, router);
        if (meters.clients() > 0) {
            // Routed here, on the tail's thread, so the event loops only write.
            batch.routed();
        }
        onEveryHub(hub -> hub.dispatch(batch, lastOffsets), done);
    }

    /** Runs {@code task} on every hub's event loop, then {@code done} once all have run it. */
    private void onEveryHub(Consumer<Hub> task, Runnable done) {
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
                                    task.accept(hub);
                                } finally {
                                    if (remaining.decrementAndGet() == 0) {
                                        done.run();
                                    }
                                }
                            });
        }
    }

    void joined() {
        meters.joined();
    }

    /** A subscriber left its hub: its stream count and its stream slot are given back. */
    void left() {
        meters.left();
        slots.release();
    }

    void delivered(long messages) {
        meters.delivered(messages);
    }

    void pendingBytes(long delta) {
        meters.pendingBytes(delta);
    }

    void overflowed() {
        meters.overflowed();
    }
}
