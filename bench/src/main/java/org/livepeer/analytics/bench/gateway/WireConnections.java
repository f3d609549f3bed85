package org.livepeer.analytics.bench.gateway;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * A fixed set of keep-alive HTTP/1.1 connections for the load generator, one request at a time on
 * each, written as prebuilt bytes over plain TCP and answered by reading the status line and {@code
 * Content-Length}. The Vert.x HTTP client spent most of the generator's CPU choosing a pooled
 * connection (its cost grew with the pool), which made the generator, not the gateway, the
 * bottleneck; this costs the same at 8 or 1,000 connections. Requests that find every connection
 * busy wait in a FIFO queue, so the open workload's queueing delay is still charged to them. Event
 * loop only.
 */
final class WireConnections {

    private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ArrayDeque<Wire> idle = new ArrayDeque<>();
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();

    private record Pending(Buffer request, IntConsumer onStatus) {}

    private WireConnections() {}

    /** Opens {@code count} connections to 127.0.0.1:{@code port}. */
    static Future<WireConnections> open(NetClient net, int port, int count) {
        WireConnections pool = new WireConnections();
        List<Future<NetSocket>> sockets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sockets.add(net.connect(port, "127.0.0.1"));
        }
        return Future.all(sockets)
                .map(
                        all -> {
                            for (int i = 0; i < count; i++) {
                                pool.idle.add(pool.new Wire(all.resultAt(i)));
                            }
                            return pool;
                        });
    }

    /**
     * Sends {@code request}; {@code onStatus} gets the status code, or -1 if the connection died.
     */
    void send(Buffer request, IntConsumer onStatus) {
        Wire w = idle.poll();
        if (w == null) {
            waiting.add(new Pending(request, onStatus));
        } else {
            w.send(request, onStatus);
        }
    }

    private void released(Wire w) {
        Pending next = waiting.poll();
        if (next == null) {
            idle.add(w);
        } else {
            w.send(next.request(), next.onStatus());
        }
    }

    /** One connection: sends a request, parses the answer, hands itself back. */
    private final class Wire {

        private final NetSocket socket;
        private Buffer pending = Buffer.buffer();
        private IntConsumer onStatus;
        private boolean dead;

        Wire(NetSocket socket) {
            this.socket = socket;
            socket.handler(this::onBytes);
            socket.closeHandler(v -> died());
        }

        void send(Buffer request, IntConsumer callback) {
            if (dead) {
                callback.accept(-1);
                return;
            }
            onStatus = callback;
            socket.write(request);
        }

        private void onBytes(Buffer bytes) {
            pending = pending.length() == 0 ? bytes : pending.appendBuffer(bytes);
            int headerEnd = indexOf(pending, HEADER_END);
            if (headerEnd < 0) {
                return;
            }
            String head = pending.getString(0, headerEnd, "US-ASCII");
            int total = headerEnd + HEADER_END.length + contentLength(head);
            if (pending.length() < total) {
                return;
            }
            // One request in flight per connection, so nothing follows the body.
            pending = Buffer.buffer();
            IntConsumer callback = onStatus;
            onStatus = null;
            released(this);
            callback.accept(Integer.parseInt(head.substring(9, 12)));
        }

        private void died() {
            dead = true;
            idle.remove(this);
            if (onStatus != null) {
                IntConsumer callback = onStatus;
                onStatus = null;
                callback.accept(-1);
            }
        }
    }

    private static int contentLength(String head) {
        int i = head.toLowerCase(Locale.ROOT).indexOf("\r\ncontent-length:");
        if (i < 0) {
            return 0;
        }
        int start = i + "\r\ncontent-length:".length();
        int end = head.indexOf("\r\n", start);
        return Integer.parseInt(head.substring(start, end < 0 ? head.length() : end).trim());
    }

    private static int indexOf(Buffer b, byte[] needle) {
        int n = b.length() - needle.length;
        for (int i = 0; i <= n; i++) {
            boolean match = true;
            for (int j = 0; j < needle.length; j++) {
                if (b.getByte(i + j) != needle[j]) {
                    match = false;
                    break;
                }
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }
}
