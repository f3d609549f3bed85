package org.livepeer.analytics.bench.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads an HTTP/1.1 answer from the bytes received so far (buffer positions 0 to {@code position}),
 * without building strings: the status code once the head and {@code Content-Length} bytes of body
 * are there. One answer per buffer (the closed loop has one request in flight per connection).
 */
final class HttpAnswer {

    /** Not all of the answer has arrived yet. */
    static final int INCOMPLETE = -1;

    private static final byte[] CONTENT_LENGTH =
            "content-length:".getBytes(StandardCharsets.US_ASCII);

    private HttpAnswer() {}

    /** The status code of the complete answer in {@code received}, else {@link #INCOMPLETE}. */
    static int status(ByteBuffer received) {
        int end = received.position();
        int headEnd = headEnd(received, end);
        if (headEnd < 0) {
            return INCOMPLETE;
        }
        if (end - headEnd < contentLength(received, headEnd)) {
            return INCOMPLETE;
        }
        // "HTTP/1.1 202 Accepted"
        return (received.get(9) - '0') * 100
                + (received.get(10) - '0') * 10
                + received.get(11)
                - '0';
    }

    /** The index just past the blank line that ends the head, or -1. */
    private static int headEnd(ByteBuffer b, int end) {
        for (int i = 3; i < end; i++) {
            if (b.get(i) == '\n'
                    && b.get(i - 1) == '\r'
                    && b.get(i - 2) == '\n'
                    && b.get(i - 3) == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private static int contentLength(ByteBuffer b, int headEnd) {
        for (int line = 0; line < headEnd; line++) {
            if (line > 0 && b.get(line - 1) != '\n') {
                continue;
            }
            if (startsWithIgnoringCase(b, line, headEnd)) {
                int value = 0;
                for (int i = line + CONTENT_LENGTH.length; i < headEnd; i++) {
                    byte c = b.get(i);
                    if (c >= '0' && c <= '9') {
                        value = value * 10 + c - '0';
                    } else if (c != ' ') {
                        break;
                    }
                }
                return value;
            }
        }
        return 0;
    }

    private static boolean startsWithIgnoringCase(ByteBuffer b, int at, int end) {
        if (at + CONTENT_LENGTH.length > end) {
            return false;
        }
        for (int i = 0; i < CONTENT_LENGTH.length; i++) {
            int c = b.get(at + i);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != CONTENT_LENGTH[i]) {
                return false;
            }
        }
        return true;
    }
}
