package org.livepeer.analytics.sse.fanout;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.livepeer.analytics.sse.source.ResumeToken;
import org.livepeer.analytics.sse.source.TailRecord;

/**
 * The subscribers of one topic on one event loop, and the stream position they have been sent. Each
 * batch from the {@link Fanout} is offered to every subscriber whose filter wants it: the frames a
 * client wants from one batch go out in one write, and a client that wants the whole batch gets the
 * buffer shared by all of them. Event loop ({@link #context()}) only.
 */
public final class Hub {

    private final Fanout fanout;
    private final Context context;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final List<Subscriber> dropped = new ArrayList<>();
    private boolean[] wanted = new boolean[16];

    /** Last dispatched offset per partition. */
    private long[] lastOffsets = new long[0];

    Hub(Fanout fanout, Context context) {
        this.fanout = fanout;
        this.context = context;
    }

    public Context context() {
        return context;
    }

    public Routed route(TailRecord record) {
        return fanout.route(record);
    }

    /** Adds a subscriber whose connection slot is already taken (see {@code LiveRoutes}). */
    public void add(Subscriber s) {
        subscribers.add(s);
        fanout.joined();
    }

    /** Removes {@code s} and gives back its slot; a no-op when it already left. */
    public void remove(Subscriber s) {
        if (subscribers.remove(s)) {
            fanout.left();
        }
    }

    public int size() {
        return subscribers.size();
    }

    /** Bytes held for this hub's clients grew (or, negative, shrank) by {@code delta}. */
    void pendingBytes(long delta) {
        fanout.pendingBytes(delta);
    }

    /** Counts a client dropped for falling behind. */
    public void overflowed() {
        fanout.overflowed();
    }

    /** Per partition, the offset the next live message will have. */
    public Map<Integer, Long> nextOffsets() {
        Map<Integer, Long> out = new HashMap<>();
        for (int p = 0; p < lastOffsets.length; p++) {
            out.put(p, lastOffsets[p] + 1);
        }
        return out;
    }

    /** The token of the current position. */
    public String currentToken() {
        return ResumeToken.format(lastOffsets);
    }

    void position(long[] offsets) {
        lastOffsets = offsets;
    }

    /**
     * @param tail the batch, routed only if a subscriber is here to read it
     * @param offsets the position after the batch
     */
    void dispatch(TailBatch tail, long[] offsets) {
        lastOffsets = offsets;
        int n = tail.size();
        if (n == 0 || subscribers.isEmpty()) {
            return;
        }
        List<Routed> batch = tail.routed();
        Buffer all = tail.all();
        if (wanted.length < n) {
            wanted = new boolean[Math.max(n, wanted.length * 2)];
        }
        long sent = 0;
        for (int i = 0, size = subscribers.size(); i < size; i++) {
            Subscriber s = subscribers.get(i);
            if (s.closed()) {
                continue;
            }
            int frames = n == 1 ? wantsOne(s, batch.get(0)) : wantsEach(s, batch);
            if (frames == 0) {
                continue;
            }
            Buffer data = frames == n ? all : wantedFrames(batch);
            if (s.offer(data, frames)) {
                sent += frames;
            } else {
                dropped.add(s);
            }
        }
        fanout.delivered(sent);
        removeDropped();
    }

    /**
     * Sends the {@code gap} frame to every subscriber; {@code offsets} is the position after it.
     */
    void gap(Buffer frame, long[] offsets) {
        lastOffsets = offsets;
        for (int i = 0, size = subscribers.size(); i < size; i++) {
            Subscriber s = subscribers.get(i);
            if (!s.closed() && !s.offer(frame, 1)) {
                dropped.add(s);
            }
        }
        removeDropped();
    }

    private void removeDropped() {
        if (!dropped.isEmpty()) {
            dropped.forEach(this::remove);
            dropped.clear();
        }
    }

    private static int wantsOne(Subscriber s, Routed m) {
        return s.wants(m) ? 1 : 0;
    }

    private int wantsEach(Subscriber s, List<Routed> batch) {
        int count = 0;
        for (int i = 0; i < batch.size(); i++) {
            wanted[i] = s.wants(batch.get(i));
            if (wanted[i]) {
                count++;
            }
        }
        return count;
    }

    /** The frames {@link #wantsEach} marked, as one buffer of this client's own. */
    private Buffer wantedFrames(List<Routed> batch) {
        Buffer out = Buffer.buffer();
        for (int i = 0; i < batch.size(); i++) {
            if (wanted[i]) {
                out.appendBuffer(batch.get(i).frame());
            }
        }
        return out;
    }

    public void heartbeat() {
        for (int i = 0, size = subscribers.size(); i < size; i++) {
            subscribers.get(i).heartbeat();
        }
    }
}
