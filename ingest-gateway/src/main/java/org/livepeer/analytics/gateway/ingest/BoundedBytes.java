package org.livepeer.analytics.gateway.ingest;

import io.vertx.core.buffer.Buffer;
import org.livepeer.analytics.gateway.http.GatewayErrorCode;
import org.livepeer.analytics.http.ApiException;

/** A growing body that refuses, with {@code 413 payload_too_large}, to pass {@code limit} bytes. */
final class BoundedBytes {

    private final long limit;
    private final Buffer buffer = Buffer.buffer();
    private long counted;

    BoundedBytes(long limit) {
        this.limit = limit;
    }

    /** Counts {@code length} more bytes without keeping them (for the compressed input). */
    void check(long length) {
        checkRoom(length);
        counted += length;
    }

    void append(byte[] bytes, int offset, int length) {
        checkRoom(length);
        buffer.appendBytes(bytes, offset, length);
    }

    void append(Buffer chunk) {
        checkRoom(chunk.length());
        buffer.appendBuffer(chunk);
    }

    /** Bytes that may still be added. */
    long remaining() {
        return limit - buffer.length() - counted;
    }

    int length() {
        return buffer.length();
    }

    byte[] bytes() {
        return buffer.getBytes();
    }

    private void checkRoom(long adding) {
        if (buffer.length() + counted + adding > limit) {
            throw new ApiException(
                    GatewayErrorCode.PAYLOAD_TOO_LARGE,
                    "the request body exceeds "
                            + limit
                            + " bytes (after decompression); split it into smaller requests");
        }
    }
}
