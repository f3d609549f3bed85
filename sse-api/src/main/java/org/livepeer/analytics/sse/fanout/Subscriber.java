package org.livepeer.analytics.sse.fanout;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.function.Predicate;
import org.livepeer.analytics.sse.stream.SseFrames;

/**
 * One SSE client: its filter, and a bounded queue in front of the socket. Frames go straight to the
 * socket while it keeps up; otherwise they queue, and a client more than {@code limit} frames
 * behind gets a final {@code overflow} event and is disconnected, so it never holds memory or slows
 * the others. While a resume replay runs, live frames queue behind it. A write may carry several
 * frames (one poll batch); the queue and its limit count frames. Event loop only.
 */
public final class Subscriber {

    /** A dropped client that does not read gets its connection closed after this. */
    static final long OVERFLOW_CLOSE_MS = 5_000;

    private final Vertx vertx;
    private final HttpServerResponse response;
    private final HttpConnection connection;
    private final Predicate<Routed> filter;
    private final int limit;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private final Runnable onOverflow;
    private int queuedFrames;
    private boolean replaying;
    private boolean closed;

    public Subscriber(
            Vertx vertx,
            HttpServerResponse response,
            HttpConnection connection,
            Predicate<Routed> filter,
            int limit,
            Runnable onOverflow) {
        this.vertx = vertx;
        this.response = response;
        this.connection = connection;
        this.filter = filter;
        this.limit = limit;
        this.onOverflow = onOverflow;
        response.drainHandler(v -> drain());
    }

    public boolean wants(Routed message) {
        return filter.test(message);
    }

    /** Queues live frames until {@link #endReplay()}. */
    public void beginReplay() {
        replaying = true;
    }

    /** Writes a replayed frame ahead of the queued live ones. */
    public void sendReplayed(Buffer frame) {
        if (!closed) {
            response.write(frame);
        }
    }

    public void endReplay() {
        replaying = false;
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
        if (!replaying && queue.isEmpty() && !response.writeQueueFull()) {
            response.write(data);
            return true;
        }
        if (queuedFrames + frames > limit) {
            overflow();
            return false;
        }
        queue.add(new Queued(data, frames));
        queuedFrames += frames;
        return true;
    }

    /** A heartbeat is skipped when the client is behind: queued frames already prove liveness. */
    public void heartbeat() {
        if (!closed && !replaying && queue.isEmpty() && !response.writeQueueFull()) {
            response.write(SseFrames.HEARTBEAT);
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
    }

    private void drain() {
        while (!closed && !replaying && !queue.isEmpty() && !response.writeQueueFull()) {
            Queued q = queue.poll();
            queuedFrames -= q.frames();
            response.write(q.data());
        }
    }

    private void overflow() {
        int queued = queuedFrames;
        markClosed();
        onOverflow.run();
        response.write(
                SseFrames.control(
                        "overflow",
                        new JsonObject()
                                .put("reason", "client too slow")
                                .put("queued", queued)
                                .put("limit", limit)));
        // Close once the overflow event is flushed; a client that reads nothing is cut later.
        response.end().onComplete(v -> connection.close());
        vertx.setTimer(OVERFLOW_CLOSE_MS, id -> connection.close());
    }

    private record Queued(Buffer data, int frames) {}
}
