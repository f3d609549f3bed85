package org.livepeer.analytics.bench.sse;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * One SSE connection of {@link SseBenchClients}, kept lean so that 10,000 of them cost the client
 * JVM little next to the server: a plain TCP socket that sends the GET and then scans the response
 * bytes as they arrive for {@code "ts":<digits>} (each message carries its Kafka record timestamp
 * once), with a matcher that keeps its state across reads, so a frame split over two reads still
 * counts exactly once. It decodes no HTTP chunks and builds no strings: those bytes are never part
 * of the pattern. Only a {@code 200} response counts as open. Event loop only.
 */
final class SseWireClient {

    private static final byte[] TS = "\"ts\":".getBytes(StandardCharsets.US_ASCII);
    private static final String OK = "HTTP/1.1 200";

    private final Recorder recorder;
    private final AtomicLong delivered;
    private final AtomicIntegerArray perClient;
    private final int client;
    private final Promise<Void> opened = Promise.promise();
    private final StringBuilder status = new StringBuilder(OK.length());
    private int matched;
    private boolean inDigits;
    private long ts;

    SseWireClient(
            Recorder recorder, AtomicLong delivered, AtomicIntegerArray perClient, int client) {
        this.recorder = recorder;
        this.delivered = delivered;
        this.perClient = perClient;
        this.client = client;
    }

    /** Connects and sends the request; completes once the status line says 200. */
    Future<Void> open(NetClient net, int port, String uri) {
        return net.connect(port, "127.0.0.1")
                .compose(
                        socket -> {
                            socket.handler(this::onBytes);
                            socket.closeHandler(v -> opened.tryFail("closed before the status"));
                            return socket.write(
                                    "GET "
                                            + uri
                                            + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                            + "Accept: text/event-stream\r\n\r\n");
                        })
                .compose(v -> opened.future());
    }

    private void onBytes(Buffer bytes) {
        int n = bytes.length();
        int i = 0;
        while (status.length() < OK.length() && i < n) {
            status.append((char) bytes.getByte(i++));
            if (status.length() == OK.length()) {
                if (status.toString().equals(OK)) {
                    opened.tryComplete();
                } else {
                    opened.tryFail("status " + status);
                }
            }
        }
        for (; i < n; i++) {
            scan(bytes.getByte(i));
        }
    }

    private void scan(byte b) {
        if (inDigits) {
            if (b >= '0' && b <= '9') {
                ts = ts * 10 + (b - '0');
                return;
            }
            inDigits = false;
            record(ts);
        }
        if (b == TS[matched]) {
            matched++;
            if (matched == TS.length) {
                matched = 0;
                inDigits = true;
                ts = 0;
            }
        } else {
            matched = b == TS[0] ? 1 : 0;
        }
    }

    private void record(long timestampMs) {
        recorder.recordValue(Math.max(0, (System.currentTimeMillis() - timestampMs) * 1000));
        delivered.incrementAndGet();
        perClient.incrementAndGet(client);
    }
}
