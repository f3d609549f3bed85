package org.livepeer.analytics.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.gateway.http.GatewayErrorCode;
import org.livepeer.analytics.http.ApiException;
import org.livepeer.analytics.http.ErrorCode;

class GzipDecoderTest {

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] decode(byte[] body, long limit, int chunkSize) {
        BoundedBytes out = new BoundedBytes(limit);
        try (GzipDecoder decoder = new GzipDecoder(out)) {
            for (int i = 0; i < body.length; i += chunkSize) {
                decoder.feed(Arrays.copyOfRange(body, i, Math.min(body.length, i + chunkSize)));
            }
            decoder.finish();
        }
        return out.bytes();
    }

    private static ErrorCode failure(byte[] body, long limit) {
        return assertThrows(ApiException.class, () -> decode(body, limit, 1000)).code();
    }

    @Test
    void inflatesWhateverTheChunking() throws IOException {
        byte[] text = "{\"id\":\"a\"}\n".repeat(500).getBytes(StandardCharsets.UTF_8);
        byte[] body = gzip(text);

        for (int chunk : new int[] {1, 7, 512, body.length}) {
            assertArrayEquals(text, decode(body, text.length, chunk), "chunk " + chunk);
        }
    }

    @Test
    void readsConcatenatedMembersAndOptionalHeaderFields() throws IOException {
        byte[] first = gzip("abc".getBytes(StandardCharsets.UTF_8));
        // FEXTRA (2 bytes) + FNAME "f.json" + FCOMMENT "c" + FHCRC, then the first member's data.
        ByteArrayOutputStream withFields = new ByteArrayOutputStream();
        withFields.write(new byte[] {0x1f, (byte) 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3});
        withFields.write(new byte[] {2, 0, 'x', 'y'});
        withFields.writeBytes("f.json\0c\0".getBytes(StandardCharsets.US_ASCII));
        withFields.write(new byte[] {0, 0});
        withFields.write(first, 10, first.length - 10);
        byte[] second = gzip("def".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(withFields.toByteArray());
        both.writeBytes(second);

        assertEquals(
                "abcdef", new String(decode(both.toByteArray(), 100, 3), StandardCharsets.UTF_8));
    }

    @Test
    void bombIsRefusedAfterAtMostTheLimit() throws IOException {
        byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
        BoundedBytes out = new BoundedBytes(64 * 1024);

        ApiException e;
        try (GzipDecoder decoder = new GzipDecoder(out)) {
            e = assertThrows(ApiException.class, () -> decoder.feed(bomb));
        }

        assertEquals(GatewayErrorCode.PAYLOAD_TOO_LARGE, e.code());
        assertTrue(bomb.length < 64 * 1024, "the bomb is small: " + bomb.length);
        assertTrue(out.length() <= 64 * 1024, "inflated " + out.length());
    }

    @Test
    void exactlyTheLimitIsAccepted() throws IOException {
        byte[] data = new byte[4096];

        assertEquals(4096, decode(gzip(data), 4096, 100).length);
        assertEquals(GatewayErrorCode.PAYLOAD_TOO_LARGE, failure(gzip(data), 4095));
    }

    @Test
    void brokenStreamsAreInvalidEncoding() throws IOException {
        byte[] good = gzip("hello hello hello".getBytes(StandardCharsets.UTF_8));
        byte[] badCrc = good.clone();
        badCrc[good.length - 8] ^= 1;
        byte[] badData = good.clone();
        badData[10] = (byte) 0xff;

        assertEquals(GatewayErrorCode.INVALID_ENCODING, failure("plain".getBytes(), 100));
        assertEquals(GatewayErrorCode.INVALID_ENCODING, failure(badCrc, 100));
        assertEquals(GatewayErrorCode.INVALID_ENCODING, failure(badData, 100));
        assertEquals(
                GatewayErrorCode.INVALID_ENCODING,
                failure(Arrays.copyOf(good, good.length - 3), 100));
        assertEquals(GatewayErrorCode.INVALID_ENCODING, failure(Arrays.copyOf(good, 5), 100));
    }

    @Test
    void emptyBodyDecodesToNothing() {
        assertEquals(0, decode(new byte[0], 10, 1).length);
    }
}
