package org.livepeer.analytics.bench.sse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * The byte scanner of one SSE connection of {@link SseBenchClients}, kept lean so that 10,000 of
 * them cost the client JVM little next to the server: it checks the status line and then scans the
 * response bytes as they arrive for {@code "ts":<digits>} (each message carries its Kafka record
 * timestamp once), keeping its state across reads, so a frame split over two reads still counts
 * exactly once. It decodes no HTTP chunks and builds no strings: those bytes are never part of the
 * pattern. Only a {@code 200} response counts as open. One selector thread only.
 */
final class SseWireClient {

    private static final byte[] TS = "\"ts\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK = "HTTP/1.1 200".getBytes(StandardCharsets.US_ASCII);

    /** What the status line said so far. */
    enum Status {
        PENDING,
        OK,
        REFUSED
    }

    private final Recorder recorder;
    private final AtomicLong delivered;
    private final AtomicIntegerArray perClient;
    private final int client;
    private int statusBytes;
    private Status status = Status.PENDING;
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

    static byte[] request(String uri) {
        return ("GET " + uri + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    Status status() {
        return status;
    }

    /** Consumes every byte {@code bytes} holds between its position and limit. */
    void onBytes(ByteBuffer bytes) {
        while (status == Status.PENDING && bytes.hasRemaining()) {
            if (bytes.get() != OK[statusBytes++]) {
                status = Status.REFUSED;
            } else if (statusBytes == OK.length) {
                status = Status.OK;
            }
        }
        while (bytes.hasRemaining()) {
            scan(bytes.get());
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
