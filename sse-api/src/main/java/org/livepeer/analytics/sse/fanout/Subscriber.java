package org.livepeer.analytics.sse.fanout;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;

/**
 * One SSE client: its filter, and a bounded queue in front of the socket. Frames go straight to the
 * socket while it keeps up; otherwise they queue. What the client holds is bounded twice: in live
 * frames queued ({@link Limits#frames()}) and in bytes pending, i.e. queued (live frames and the
 * resume replay) or written but not yet taken by the socket ({@link Limits#bytes()}). A client over
 * either gets a final {@code overflow} event and is disconnected, so it never holds memory or slows
 * the others. A resume replay is written as the socket takes it, ahead of the live frames that
 * queued meanwhile. A write may carry several frames (one poll batch). Event loop only.
 */
public final class Subscriber {

    /** A dropped client that does not read gets its connection closed after this. */
    static final long OVERFLOW_CLOSE_MS = 5_000;

    private final Vertx vertx;
    private final HttpServerResponse response;
    private final HttpConnection connection;
    private final Predicate<Routed> filter;
    private final Limits limits;
    private final Hub hub;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private int queuedFrames;
    private long queuedBytes;
    private long writingBytes;
    private boolean replaying;
    private boolean closed;

    /**
     * @param hub counts the bytes pending and the overflows
     */
    public Subscriber(
            Vertx vertx,
            HttpServerResponse response,
            HttpConnection connection,
            Predicate<Routed> filter,
            Limits limits,
            Hub hub) {
        this.vertx = vertx;
        this.response = response;
        this.connection = connection;
        this.filter = filter;
        this.limits = limits;
        this.hub = hub;
        response.drainHandler(v -> drain());
    }

    public boolean wants(Routed message) {
        return filter.test(message);
    }

    /** Queues live frames until {@link #endReplay}. */
    public void beginReplay() {
        replaying = true;
    }

    /** Writes a control frame (e.g. a gap) now, ahead of anything queued. */
    public void sendNow(Buffer frame) {
        if (!closed) {
            if (!fits(frame.length())) {
                overflow();
                return;
            }
            write(frame);
        }
    }

    /**
     * Queues the replayed frames ahead of the live ones that queued meanwhile, then writes them as
     * the socket takes them; a client whose pending bytes would pass the limit overflows.
     */
    public void endReplay(List<Buffer> frames) {
        replaying = false;
        if (closed) {
            return;
        }
        long bytes = 0;
        for (Buffer f : frames) {
            bytes += f.length();
        }
        if (!fits(bytes)) {
            overflow();
            return;
        }
        for (int i = frames.size() - 1; i >= 0; i--) {
            queue.addFirst(new Queued(frames.get(i), 0));
        }
        queued(bytes);
        drain();
    }

    /**
     * Delivers or queues {@code data}, which holds {@code frames} whole frames; returns false when
     * the client was dropped. The buffer may be shared with other clients: it is never modified.
     */
    public boolean offer(Buffer data, int frames) {
        if (closed) {
            return false;
        }
        if (!fits(data.length())) {
            overflow();
            return false;
        }
        if (!replaying && queue.isEmpty() && !response.writeQueueFull()) {
            write(data);
            return true;
        }
        if (queuedFrames + frames > limits.frames()) {
            overflow();
            return false;
        }
        queue.add(new Queued(data, frames));
        queuedFrames += frames;
        queued(data.length());
        return true;
    }

    /**
     * Sent whenever the socket takes it, during a replay too: comments go between whole frames, and
     * they keep the connection from looking idle (SSE_IDLE_TIMEOUT_MS). A client that is behind
     * skips it: its queued frames prove liveness.
     */
    public void heartbeat() {
        if (!closed && !response.writeQueueFull()) {
            write(SseFrames.HEARTBEAT);
        }
    }

    public boolean closed() {
        return closed;
    }

    /** Marks the client gone (connection closed by the peer). */
    public void markClosed() {
        closed = true;
        queue.clear();
        queuedFrames = 0;
        queued(-queuedBytes);
    }

    /**
     * Whether {@code bytes} more stay within the limit. A client with nothing pending is not
     * behind, so it takes the next write whatever its size (one poll batch may exceed the limit).
     */
    private boolean fits(long bytes) {
        long pending = pending();
        return pending == 0 || pending + bytes <= limits.bytes();
    }

    /** Bytes held for this client: queued, or written and not yet taken by the socket. */
    long pending() {
        return queuedBytes + writingBytes;
    }

    private void drain() {
        while (!closed && !replaying && !queue.isEmpty() && !response.writeQueueFull()) {
            Queued q = queue.poll();
            queuedFrames -= q.frames();
            queued(-q.data().length());
            write(q.data());
        }
    }

    /** Every write goes here: its bytes count as pending until the socket has taken them. */
    private void write(Buffer data) {
        long n = data.length();
        writingBytes += n;
        hub.pendingBytes(n);
        response.write(data)
                .onComplete(
                        ar -> {
                            writingBytes -= n;
                            hub.pendingBytes(-n);
                        });
    }

    private void queued(long delta) {
        queuedBytes += delta;
        hub.pendingBytes(delta);
    }

    private void overflow() {
        int frames = queuedFrames;
        long bytes = pending();
        markClosed();
        hub.overflowed();
        response.write(
                SseFrames.control(
                        "overflow",
                        new JsonObject()
                                .put("reason", "client too slow")
                                .put("queued", frames)
                                .put("limit", limits.frames())
                                .put("pending_bytes", bytes)
                                .put("limit_bytes", limits.bytes())));
        // Close once the overflow event is flushed; a client that reads nothing is cut later.
        response.end().onComplete(v -> connection.close());
        vertx.setTimer(OVERFLOW_CLOSE_MS, id -> connection.close());
    }

    /**
     * @param frames live frames one client may have queued
     * @param bytes bytes one client may have pending (SSE_CLIENT_BUFFER_BYTES)
     */
    public record Limits(int frames, long bytes) {}

    private record Queued(Buffer data, int frames) {}
}
